"""`check` and `fill` on kabupaten-size workbooks against the floor, in one run (issue 10).

    python benchmarks/bench_scale.py [--runs 3] [--sizes 22000,102000] [--keep DIR]

The floor of a size is what any tool must at least spend on it: python-calamine reading every
sheet of the input, plus xlsxwriter writing every one of those cells to a temporary file (one child
process, so its interpreter start counts as lkip-xl's does). `check` and `fill` run as the user runs
them (one child process each, `python -m lkip_xl`); wall time is the median of the runs, peak memory
the largest RSS of a run (wait4's ru_maxrss). Ratios are to the floor of the same input.
Targets (issue 10): 102k rows per sheet check <= 1.5x floor, fill <= 2x floor, each <= 300 MiB; the
kecamatan sample check <= 0.15 s, fill <= 0.2 s; --help <= 0.1 s; `rekap` of 40 SKPD workbooks in one
process (--jobs 1) <= 0.5x the time of 40 separate `check` runs (the last lines; --rekap 0 skips them).

python-calamine is needed by this benchmark only (pip install python-calamine); it is not a
dependency of lkip-xl. Inputs come from benchmarks/gen_kabupaten.py (rows per sheet = sub kegiatan
x (akun + 1) + headings: 22k is 2,000 x 10 akun, 102k is 2,000 x 50 akun).
Figures only, no asserts.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]

SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
SUBS = 2000

FLOOR = r"""
import sys, tempfile, os
from python_calamine import CalamineWorkbook
import xlsxwriter
wb = CalamineWorkbook.from_path(sys.argv[1])
fd, out = tempfile.mkstemp(suffix=".xlsx"); os.close(fd)
book = xlsxwriter.Workbook(out, {"constant_memory": True})
cells = 0
for name in wb.sheet_names:
    ws = book.add_worksheet(name[:31])
    for r, row in enumerate(wb.get_sheet_by_name(name).to_python(skip_empty_area=False)):
        for c, v in enumerate(row):
            if v == "" or v is None:
                continue
            if isinstance(v, str):
                ws.write_string(r, c, v)
            elif isinstance(v, (int, float)) and not isinstance(v, bool):
                ws.write_number(r, c, v)
            else:
                ws.write(r, c, v)
            cells += 1
book.close()
os.unlink(out)
print(cells)
"""


def child_env(folder: Path) -> dict[str, str]:
    """The children's environment: this tree first; bytecode cached (in `folder`, not in the tree) as
    an installed package has it, even where PYTHONDONTWRITEBYTECODE is set, so that start-up is
    measured and not the compilation of every module on every run."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


ENV: dict[str, str] = {}


def run(cmd: list[str], cwd: Path, runs: int) -> tuple[float, float, float, int]:
    """Median wall time (s), median CPU time (user + system, s), largest peak RSS (MiB) and the last
    exit code of `runs` runs. CPU time is the steadier figure on a shared machine."""
    times, cpus, peak, code = [], [], 0.0, 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        cpus.append(usage.ru_utime + usage.ru_stime)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss / 1024)
    return statistics.median(times), statistics.median(cpus), peak, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs per command (median reported)")
    parser.add_argument("--sizes", default="22000,102000", help="rows per sheet, comma separated")
    parser.add_argument("--keep", type=Path, help="write the inputs and outputs here (kept) instead of a temp dir")
    parser.add_argument("--rekap", type=int, default=40, help="SKPD workbooks (copies of the sample) for the rekap line")
    args = parser.parse_args()
    py = sys.executable
    lkip = [py, "-m", "lkip_xl"]

    with tempfile.TemporaryDirectory() as tmp:
        folder = args.keep or Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SAMPLE, folder / SAMPLE.name)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; {args.runs} runs per command, median "
              "wall time, peak RSS of the child\n")
        header = f"{'input':<32} {'command':<7} {'wall':>8} {'cpu':>8} {'peak':>9} {'x floor':>8} {'cpu x':>6} {'exit':>4}"
        print(header)
        print("-" * len(header))
        ENV.update(child_env(folder))
        # Warm-up: compile lkip-xl's modules once (bytecode cache), as installing it does.
        run([*lkip, "check", SAMPLE.name], folder, 1)
        t, cpu, m, code = run([*lkip, "--help"], folder, args.runs)
        print(f"{'-':<32} {'--help':<7} {t:>7.3f}s {cpu:>7.3f}s {m:>5.0f} MiB {'':>8} {'':>6} {code:>4}")
        inputs = [(SAMPLE.name, folder / SAMPLE.name)]
        for size in (int(s) for s in args.sizes.split(",") if s):
            akun = max(0, round((size - SUBS * 1.11) / SUBS))
            path = folder / f"kabupaten_{size // 1000}k.xlsx"
            if not path.exists():
                # In a child: the parent stays small, so the children it forks start small (ru_maxrss
                # of a child counts the memory it had before its exec).
                subprocess.run([py, str(REPO / "benchmarks" / "gen_kabupaten.py"), str(path), "--subs", str(SUBS),
                                "--akun", str(akun)], check=True, stdout=subprocess.DEVNULL)
            inputs.append((f"{path.name} ({SUBS}x{akun})", path))
        for label, path in inputs:
            floor = run([py, "-c", FLOOR, str(path)], folder, args.runs)
            print(f"{label:<32} {'floor':<7} {floor[0]:>7.3f}s {floor[1]:>7.3f}s {floor[2]:>5.0f} MiB "
                  f"{1:>7.2f}x {1:>5.2f}x {floor[3]:>4}")
            out = path.with_name(path.stem + "_lkip.xlsx")
            for name, extra in (("check", ["check", path.name]),
                                ("fill", ["fill", path.name, "-o", out.name, "--force"])):
                t, cpu, m, code = run([*lkip, *extra], folder, args.runs)
                print(f"{'':<32} {name:<7} {t:>7.3f}s {cpu:>7.3f}s {m:>5.0f} MiB {t / floor[0]:>7.2f}x "
                      f"{cpu / floor[1]:>5.2f}x {code:>4}")
        if args.rekap:
            rekap_line(lkip, folder, args.rekap)


def rekap_line(lkip: list[str], folder: Path, n: int) -> None:
    """`rekap` of n copies of the sample in one process against n separate `check` runs of them."""
    opd = folder / "opd"
    opd.mkdir(exist_ok=True)
    for i in range(n):
        shutil.copyfile(SAMPLE, opd / f"skpd_{i:03d}.xlsx")
    separate = [run([*lkip, "check", str(path)], folder, 1) for path in sorted(opd.glob("*.xlsx"))]
    t_sep, cpu_sep = sum(x[0] for x in separate), sum(x[1] for x in separate)
    peak_sep = max(x[2] for x in separate)
    t, cpu, m, code = run([*lkip, "rekap", str(opd), "-o", str(folder / "rekap_lkip.xlsx"), "--force", "--jobs", "1"],
                          folder, 1)
    label = f"{n} x sample: {n} checks"
    print(f"{label:<32} {'checks':<7} {t_sep:>7.3f}s {cpu_sep:>7.3f}s {peak_sep:>5.0f} MiB {1:>7.2f}x {1:>5.2f}x")
    print(f"{'':<32} {'rekap':<7} {t:>7.3f}s {cpu:>7.3f}s {m:>5.0f} MiB {t / t_sep:>7.2f}x {cpu / cpu_sep:>5.2f}x "
          f"{code:>4}")


if __name__ == "__main__":
    main()
