"""One `lkip-xl rekap` of N workbooks against N separate `lkip-xl check` runs (startup dominates the latter).

    python benchmarks/bench_rekap.py [--n 40] [--jobs 0] [--fill]

N copies of the sample (samples/kecamatan_juai_2024.xlsx) under different names in a temporary folder;
prints both wall times and their ratio (with --fill the rekap also writes every fill workbook, and the
separate runs are `fill` instead of `check`). Figures only, no asserts.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"


def run(args: list[str], cwd: Path) -> int:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p))
    return subprocess.run([sys.executable, "-m", "lkip_xl", *args], cwd=cwd, env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL).returncode


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--jobs", type=int, default=0, help="0: rekap's default (all cores)")
    parser.add_argument("--fill", action="store_true")
    opts = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        folder = work / "opd"
        folder.mkdir()
        for i in range(opts.n):
            shutil.copyfile(SAMPLE, folder / f"skpd_{i:03d}.xlsx")
        (work / "fill").mkdir()
        t0 = time.perf_counter()
        for path in sorted(folder.iterdir()):
            if opts.fill:
                run(["fill", str(path), "-o", str(work / "fill" / path.name), "--force"], work)
            else:
                run(["check", str(path)], work)
        separate = time.perf_counter() - t0
        args = ["rekap", str(folder), "-o", str(work / "rekap.xlsx"), "--force"]
        if opts.jobs:
            args += ["--jobs", str(opts.jobs)]
        if opts.fill:
            args += ["--fill-dir", str(work / "rekap_fill"), "--force"]
        t0 = time.perf_counter()
        code = run(args, work)
        together = time.perf_counter() - t0
    what = "fill" if opts.fill else "check"
    print(f"{opts.n} separate `{what}` runs: {separate:6.2f} s ({separate / opts.n * 1000:.0f} ms each)")
    print(f"one `rekap` (exit {code}, jobs {opts.jobs or os.cpu_count()}): {together:6.2f} s")
    print(f"ratio: {separate / together:.1f}x")


if __name__ == "__main__":
    main()
