"""Wall time of the lkip-xl command line, as a user runs it (one child process per run).

    python benchmarks/bench_cli.py [--runs 5] [--subs 2000] [--akun 20000]

Prints the median, min and max wall time and the peak memory of each command:
`lkip-xl --help`, `check` and `fill` on the sample, and `check` (table and --json) and
`fill` on two generated workbooks: SUBS sub kegiatan in the sample's shape, and one sub kegiatan
with AKUN akun lines (both sheets), where any per-line scan of the other lines shows at once.
Figures only, no asserts.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import openpyxl

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
KEGIATAN_PER_PROGRAM = 10
SUB_PER_KEGIATAN = 10


def cli_command() -> list[str]:
    """The installed `lkip-xl` script next to this Python, else `python -m lkip_xl`."""
    script = shutil.which("lkip-xl", path=str(Path(sys.executable).parent))
    return [script] if script else [sys.executable, "-m", "lkip_xl"]


def build_large(path: Path, subs: int, seed: int = 2024) -> Path:
    """The sample with its DPA / Realisasi replaced by `subs` sub kegiatan (stated subtotals all correct)."""
    rnd = random.Random(seed)
    wb = openpyxl.load_workbook(SAMPLE)
    for name in ("Dilaporkan", "Belanja"):  # their figures belong to the real sample
        del wb[name]
    dpa, real, pemetaan = wb["DPA"], wb["Realisasi"], wb["Pemetaan"]
    indicators = list(dict.fromkeys(r[0] for r in pemetaan.iter_rows(min_row=4, values_only=True) if r[0]))
    for ws in (dpa, real, pemetaan):
        ws.delete_rows(4, ws.max_row)

    programs = -(-subs // (KEGIATAN_PER_PROGRAM * SUB_PER_KEGIATAN))
    dpa_rows: list[list] = []
    real_rows: list[list] = []
    total_pagu = total_real = 0
    made = 0
    for p in range(1, programs + 1):
        program_code = f"7.{1 + (p - 1) // 99:02d}.{(p - 1) % 99 + 1:02d}"
        p_index = len(dpa_rows)
        dpa_rows.append([program_code, None, None, f"{p}.", f"Program Pembangunan Wilayah {p}", None, None, 0])
        real_rows.append([f"{p}.", f"Program Pembangunan Wilayah {p}", 0, 0, None])
        p_pagu = p_real = 0
        for k in range(1, KEGIATAN_PER_PROGRAM + 1):
            if made >= subs:
                break
            k_index = len(dpa_rows)
            dpa_rows.append([program_code, f"2.{k:02d}", None, f"{p}.{k}", f"Kegiatan {p}.{k}", None, None, 0])
            real_rows.append([f"{p}.{k}", f"Kegiatan {p}.{k}", 0, 0, None])
            k_pagu = k_real = 0
            for s in range(1, SUB_PER_KEGIATAN + 1):
                if made >= subs:
                    break
                made += 1
                pagu = rnd.randrange(5_000_000, 500_000_000, 100)
                spent = round(pagu * rnd.uniform(0.80, 1.0), -2)
                name = f"Sub Kegiatan Pelayanan Masyarakat {p}.{k}.{s}"
                dpa_rows.append([program_code, f"2.{k:02d}", f"{s:04d}", f"{p}.{k}.{s}", name,
                                 f"Jumlah Dokumen {p}.{k}.{s}", f"{rnd.randint(1, 12)} Dokumen", pagu])
                real_rows.append([f"{p}.{k}.{s}", name, pagu, spent, _persen(spent, pagu)])
                k_pagu, k_real = k_pagu + pagu, k_real + spent
            dpa_rows[k_index][7] = k_pagu
            real_rows[k_index][2:5] = [k_pagu, k_real, _persen(k_real, k_pagu)]
            p_pagu, p_real = p_pagu + k_pagu, p_real + k_real
        dpa_rows[p_index][7] = p_pagu
        real_rows[p_index][2:5] = [p_pagu, p_real, _persen(p_real, p_pagu)]
        total_pagu, total_real = total_pagu + p_pagu, total_real + p_real
    dpa_rows.append([None, None, None, None, "Jumlah", None, None, total_pagu])
    real_rows.append([None, "Total Anggaran / Realisasi / Rata-Rata Rasio Capaian", total_pagu, total_real,
                      _persen(total_real, total_pagu)])
    for ws, rows in ((dpa, dpa_rows), (real, real_rows)):
        for r, row in enumerate(rows, start=4):
            for c, value in enumerate(row, start=1):
                if value is not None:
                    ws.cell(r, c, value)
    # Each sasaran indicator is supported by an equal share of the programs.
    share = max(1, programs // max(1, len(indicators)))
    r = 4
    for i, indicator in enumerate(indicators):
        for p in range(i * share + 1, min(programs, (i + 1) * share) + 1):
            pemetaan.cell(r, 1, indicator)
            pemetaan.cell(r, 2, f"7.{1 + (p - 1) // 99:02d}.{(p - 1) % 99 + 1:02d}")
            r += 1
    wb.save(path)
    return path


def build_akun(path: Path, lines: int, seed: int = 2024) -> Path:
    """The sample with one sub kegiatan holding `lines` akun lines in DPA and Realisasi (the shape of a
    SIPD rincian export of a large sub kegiatan), stated subtotals all correct."""
    rnd = random.Random(seed)
    wb = openpyxl.load_workbook(SAMPLE)
    for name in ("Dilaporkan", "Belanja"):
        del wb[name]
    pemetaan = wb["Pemetaan"]
    indicators = list(dict.fromkeys(r[0] for r in pemetaan.iter_rows(min_row=4, values_only=True) if r[0]))
    pemetaan.delete_rows(4, pemetaan.max_row)
    for i, indicator in enumerate(indicators):
        pemetaan.cell(4 + i, 1, indicator)
        pemetaan.cell(4 + i, 2, "7.01.02.2.01.0001")
    akun = []
    for i in range(lines):
        pagu = rnd.randrange(1_000_000, 50_000_000, 1000)
        akun.append((f"5.1.02.{1 + i // 9999:02d}.01.{i % 9999 + 1:04d}", f"Belanja Rincian {i + 1}", pagu,
                     round(pagu * rnd.uniform(0.8, 1.0), -2)))
    total_pagu, total_real = sum(a[2] for a in akun), sum(a[3] for a in akun)
    heads = [("7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
             ("7.01.02.2.01", "Pelayanan kepada Masyarakat"), ("7.01.02.2.01.0001", "Pelayanan Administrasi"),
             ("5.1", "Belanja Operasi"), ("5.1.02", "Belanja Barang dan Jasa")]
    for name, header in (("DPA", ["Kode", "Uraian", "Pagu"]),
                         ("Realisasi", ["Kode", "Uraian", "Pagu", "Realisasi", "%"])):
        index = wb.sheetnames.index(name)
        wb.remove(wb[name])
        ws = wb.create_sheet(name, index)
        ws.append(header)
        real = name == "Realisasi"
        for kode, uraian in heads:
            ws.append([kode, uraian, total_pagu] + ([total_real, _persen(total_real, total_pagu)] if real else []))
        for kode, uraian, pagu, spent in akun:
            ws.append([kode, uraian, pagu] + ([spent, _persen(spent, pagu)] if real else []))
        ws.append([None, "Jumlah", total_pagu] + ([total_real, _persen(total_real, total_pagu)] if real else []))
    wb.save(path)
    return path


def _persen(part: float, whole: float) -> str:
    return f"{part / whole * 100:.2f}".replace(".", ",")


def measure(cmd: list[str], cwd: Path, runs: int) -> tuple[list[float], float, int]:
    """Wall times of `runs` runs, the largest peak RSS (MB) and the last exit code."""
    times, peak, code = [], 0.0, 0
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        times.append(time.perf_counter() - start)
        proc.returncode = code = os.waitstatus_to_exitcode(status)
        peak = max(peak, usage.ru_maxrss / 1024)
    return times, peak, code


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="runs per command (median reported)")
    parser.add_argument("--subs", type=int, default=2000, help="sub kegiatan in the large workbook")
    parser.add_argument("--akun", type=int, default=20000, help="akun lines under one sub kegiatan")
    args = parser.parse_args()

    cli = cli_command()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        shutil.copyfile(SAMPLE, folder / SAMPLE.name)
        start = time.perf_counter()
        large = build_large(folder / f"besar_{args.subs}.xlsx", args.subs)
        built = time.perf_counter() - start
        akun = build_akun(folder / f"akun_{args.akun}.xlsx", args.akun)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores; command: {' '.join(cli)}")
        print(f"large workbook: {args.subs} sub kegiatan, {large.stat().st_size / 1e6:.2f} MB, "
              f"built in {built:.1f} s; {args.runs} runs per command\n")
        cases = [
            ("lkip-xl --help", ["--help"]),
            ("lkip-xl check <sample>", ["check", SAMPLE.name]),
            ("lkip-xl check <sample> --json", ["check", SAMPLE.name, "--json"]),
            (f"lkip-xl check <{args.subs} sub kegiatan>", ["check", large.name]),
            (f"lkip-xl check <{args.subs} sub kegiatan> --json", ["check", large.name, "--json"]),
            (f"lkip-xl check <{args.akun} akun lines>", ["check", akun.name]),
            (f"lkip-xl check <{args.akun} akun lines> --json", ["check", akun.name, "--json"]),
            ("lkip-xl fill <sample>", ["fill", SAMPLE.name, "-o", "sample_lkip.xlsx", "--force"]),
            (f"lkip-xl fill <{args.subs} sub kegiatan>", ["fill", large.name, "-o", "large_lkip.xlsx", "--force"]),
            (f"lkip-xl fill <{args.akun} akun lines>", ["fill", akun.name, "-o", "akun_lkip.xlsx", "--force"]),
        ]
        width = max(len(label) for label, _ in cases)
        print(f"{'command':<{width}}  {'median':>8}  {'min':>8}  {'max':>8}  {'peak RSS':>9}  exit")
        for label, extra in cases:
            times, peak, code = measure([*cli, *extra], folder, args.runs)
            print(f"{label:<{width}}  {statistics.median(times):>7.3f}s  {min(times):>7.3f}s  "
                  f"{max(times):>7.3f}s  {peak:>6.0f} MB  {code}")


if __name__ == "__main__":
    main()
