"""What the public road of writer/xlsxwriter_adapter.py costs: write_workbook on the fast road (the
installed xlsxwriter's internals) and on the public road (as on an xlsxwriter outside the proved range).

    python benchmarks/bench_xlsxwriter_adapter.py [--runs 7] [--akun 10] [--subs 2000]

One process; each input is read once (analyse), then written `runs` times per road, the roads
interleaved so that a change in the machine's load hits both. Prints the median and spread of the
CPU time of a write (time.process_time; steadier than wall time on a shared machine), its wall time,
and the peak traced memory of one write per road (tracemalloc). The kabupaten input comes from
benchmarks/gen_kabupaten.py (SUBS sub kegiatan x AKUN akun rows on DPA and Realisasi).
Figures only, no asserts.
"""
from __future__ import annotations

import argparse
import gc
import os
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"


def write_once(result, out: Path, fast: bool) -> tuple[float, float]:
    """CPU and wall seconds of one write_workbook on the given road."""
    from lkip_xl.writer import write_workbook, xlsxwriter_adapter

    xlsxwriter_adapter.FAST = fast
    gc.collect()
    cpu, wall = time.process_time(), time.perf_counter()
    write_workbook(result, str(out))
    return time.process_time() - cpu, time.perf_counter() - wall


def peak_mib(result, out: Path, fast: bool) -> float:
    tracemalloc.start()
    write_once(result, out, fast)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / (1 << 20)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="writes per road (median reported)")
    parser.add_argument("--subs", type=int, default=2000, help="sub kegiatan of the kabupaten input")
    parser.add_argument("--akun", type=int, default=10, help="akun rows per sub kegiatan (0: sample only)")
    args = parser.parse_args()

    import xlsxwriter

    from lkip_xl.api import analyse
    from lkip_xl.writer import xlsxwriter_adapter

    installed_fast = xlsxwriter_adapter.FAST
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, xlsxwriter {xlsxwriter.__version__} "
          f"(fast road {'available' if installed_fast else 'not available: ' + str(xlsxwriter_adapter.REASON)})")
    print(f"{args.runs} writes per road, interleaved; CPU and wall time of a write, median (min-max)\n")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        inputs = [("sample", SAMPLE)]
        if args.akun:
            path = folder / f"kabupaten_{args.subs}x{args.akun}.xlsx"
            subprocess.run([sys.executable, str(REPO / "benchmarks" / "gen_kabupaten.py"), str(path),
                            "--subs", str(args.subs), "--akun", str(args.akun)], check=True, stdout=subprocess.DEVNULL)
            inputs.append((path.name, path))
        roads = [("fast", True), ("public", False)] if installed_fast else [("public", False)]
        header = f"{'input':<26} {'road':<7} {'cpu median':>11} {'cpu min-max':>17} {'wall median':>12} {'peak':>9}"
        print(header)
        print("-" * len(header))
        for label, path in inputs:
            result = analyse(str(path))
            out = folder / "out.xlsx"
            times: dict[str, list[tuple[float, float]]] = {name: [] for name, _ in roads}
            for i in range(args.runs):
                for name, fast in roads if i % 2 == 0 else roads[::-1]:
                    times[name].append(write_once(result, out, fast))
            for name, fast in roads:
                cpus = [c for c, _ in times[name]]
                walls = [w for _, w in times[name]]
                peak = peak_mib(result, out, fast)
                print(f"{label:<26} {name:<7} {statistics.median(cpus):>10.3f}s {min(cpus):>8.3f}-{max(cpus):.3f}s "
                      f"{statistics.median(walls):>11.3f}s {peak:>5.0f} MiB")
        xlsxwriter_adapter.FAST = installed_fast


if __name__ == "__main__":
    main()
