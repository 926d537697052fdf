"""Write a kabupaten-size input workbook: SUBS sub kegiatan, each with AKUN akun rows, on DPA and Realisasi.

    python benchmarks/gen_kabupaten.py OUT.xlsx [--subs 2000] [--akun 50] [--seed 2024]

The shape of a dinas' SIPD export (SPEC §3.2): DPA `Kode | Uraian | Indikator | Target Kinerja | Pagu`,
Realisasi `Kode | Uraian | Pagu | Realisasi | %`, one row per program, kegiatan, sub kegiatan and akun
(code `5.…`, repeated under every sub kegiatan as in SIPD's rincian). Every program, kegiatan and sub
kegiatan row states its subtotal, the last row the total, every Realisasi row its %; all of them correct,
so `check` has nothing to report on the budget and every claim is still judged. Rows per sheet:
SUBS * (AKUN + 1) + kegiatan + program rows + 2 (2,000 x 50 gives 102,222).

Identitas, Kinerja and Komponen are the sample's (samples/kecamatan_juai_2024.xlsx, title rows, merged
two-row header and number formats included); Pemetaan maps every sub kegiatan to one of the sample's
sasaran indicators and every program to the tujuan indicator... minus one program, so both
sub-kegiatan and program rows are resolved. Written with xlsxwriter (shared strings, as Excel does).
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

import openpyxl
import xlsxwriter

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from lkip_xl.rules.rounding import round_excel  # noqa: E402

SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
KEGIATAN_PER_PROGRAM = 10
SUB_PER_KEGIATAN = 10
# (prefix, share of a sub kegiatan's akun rows): pegawai, barang dan jasa, modal.
AKUN_KINDS = (("5.1.01.01.01", 0.2), ("5.1.02.01.01", 0.7), ("5.2.02.05.01", 0.1))


def akun_codes(n: int) -> list[tuple[str, str]]:
    """The n akun (code, uraian) every sub kegiatan uses, split over the kinds of AKUN_KINDS."""
    out: list[tuple[str, str]] = []
    for k, (prefix, share) in enumerate(AKUN_KINDS):
        count = n - len(out) if k == len(AKUN_KINDS) - 1 else round(n * share)
        for j in range(1, count + 1):
            out.append((f"{prefix}.{j:04d}", f"Belanja {prefix} Rincian {j}"))
    return out[:n]


def _copy_sheet(book: xlsxwriter.Workbook, ws_in, formats: dict) -> None:
    ws = book.add_worksheet(ws_in.title)
    for row in ws_in.iter_rows():
        for cell in row:
            v = cell.value
            if v is None:
                continue
            nf = cell.number_format
            fmt = None
            if nf and nf != "General":
                fmt = formats.get(nf) or formats.setdefault(nf, book.add_format({"num_format": nf}))
            r, c = cell.row - 1, cell.column - 1
            if isinstance(v, str):
                ws.write_string(r, c, v, fmt)
            elif isinstance(v, bool):
                ws.write_boolean(r, c, v, fmt)
            elif isinstance(v, (int, float)):
                ws.write_number(r, c, v, fmt)
            else:
                ws.write_datetime(r, c, v, fmt)
    for rng in ws_in.merged_cells.ranges:
        r0, c0, r1, c1 = rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1
        ws.merge_range(r0, c0, r1, c1, None)
        # merge_range wrote a blank anchor: write the anchor's value again
        v = ws_in.cell(rng.min_row, rng.min_col).value
        if isinstance(v, str):
            ws.write_string(r0, c0, v)
        elif v is not None:
            ws.write(r0, c0, v)


def generate(path: Path, subs: int = 2000, akun: int = 50, seed: int = 2024) -> dict:
    """Write the workbook; a few figures about it (rows per sheet, totals)."""
    rnd = random.Random(seed)
    sample = openpyxl.load_workbook(SAMPLE)
    pemetaan_in = sample["Pemetaan"]
    indicators = list(dict.fromkeys(r[0] for r in pemetaan_in.iter_rows(min_row=4, values_only=True) if r[0]))
    kinerja = sample["Kinerja"]
    tujuan = [r[4] for r in kinerja.iter_rows(min_row=5, values_only=True) if r[1] == "Tujuan" and r[4]]
    sasaran = [i for i in indicators if i not in tujuan] or indicators

    # ---- the budget tree: rows of (level, code, uraian, pagu, realisasi)
    lines = akun_codes(akun)
    programs = -(-subs // (KEGIATAN_PER_PROGRAM * SUB_PER_KEGIATAN))
    tree: list[list] = []
    sub_codes: list[str] = []
    program_codes: list[str] = []
    total = [0, 0]
    made = 0
    for p in range(1, programs + 1):
        program = f"7.{1 + (p - 1) // 99:02d}.{(p - 1) % 99 + 1:02d}"
        program_codes.append(program)
        p_row = ["program", program, f"Program Pembangunan Wilayah {p}", 0, 0]
        tree.append(p_row)
        for k in range(1, KEGIATAN_PER_PROGRAM + 1):
            if made >= subs:
                break
            kegiatan = f"{program}.2.{k:02d}"
            k_row = ["kegiatan", kegiatan, f"Kegiatan Pembangunan {p}.{k}", 0, 0]
            tree.append(k_row)
            for s in range(1, SUB_PER_KEGIATAN + 1):
                if made >= subs:
                    break
                made += 1
                code = f"{kegiatan}.{s:04d}"
                sub_codes.append(code)
                s_row = ["sub", code, f"Sub Kegiatan Pelayanan Masyarakat {p}.{k}.{s}", 0, 0]
                tree.append(s_row)
                for a_code, a_name in lines:
                    pagu = rnd.randrange(100_000, 50_000_000, 100)
                    spent = int(round_excel(pagu * rnd.uniform(0.75, 1.0), -2))
                    tree.append(["akun", a_code, a_name, pagu, spent])
                    s_row[3] += pagu
                    s_row[4] += spent
                if not lines:  # no akun rows: the sub kegiatan is a leaf of its own
                    s_row[3] = rnd.randrange(5_000_000, 500_000_000, 100)
                    s_row[4] = int(round_excel(s_row[3] * rnd.uniform(0.8, 1.0), -2))
                k_row[3] += s_row[3]
                k_row[4] += s_row[4]
            p_row[3] += k_row[3]
            p_row[4] += k_row[4]
        total[0] += p_row[3]
        total[1] += p_row[4]

    book = xlsxwriter.Workbook(str(path))
    formats: dict = {}
    for name in ("Identitas", "Kinerja", "Komponen"):
        _copy_sheet(book, sample[name], formats)
    title = book.add_format({"bold": True})
    money = book.add_format({"num_format": "#,##0"})
    pct = book.add_format({"num_format": "0.00"})

    dpa = book.add_worksheet("DPA")
    dpa.merge_range(0, 0, 0, 4, "DOKUMEN PELAKSANAAN ANGGARAN (DPA) TAHUN 2024", title)
    for c, label in enumerate(("Kode", "Uraian", "Indikator", "Target Kinerja", "Pagu")):
        dpa.write_string(2, c, label, title)
    real = book.add_worksheet("Realisasi")
    real.merge_range(0, 0, 0, 4, "RINCIAN REALISASI ANGGARAN PER 31 DESEMBER 2024", title)
    for c, label in enumerate(("Kode", "Uraian", "Pagu", "Realisasi", "%")):
        real.write_string(2, c, label, title)
    r = 3
    for level, code, uraian, pagu, spent in tree:
        dpa.write_string(r, 0, code)
        dpa.write_string(r, 1, uraian)
        real.write_string(r, 0, code)
        real.write_string(r, 1, uraian)
        if level != "akun":
            dpa.write_string(r, 2, f"Jumlah Dokumen {uraian}")
            dpa.write_string(r, 3, f"{1 + r % 12} Dokumen")
        dpa.write_number(r, 4, pagu, money)
        real.write_number(r, 2, pagu, money)
        real.write_number(r, 3, spent, money)
        real.write_number(r, 4, round_excel(spent / pagu * 100, 2), pct)
        r += 1
    dpa.write_string(r, 1, "Jumlah")
    dpa.write_number(r, 4, total[0], money)
    real.write_string(r, 1, "Total")
    real.write_number(r, 2, total[0], money)
    real.write_number(r, 3, total[1], money)
    real.write_number(r, 4, round_excel(total[1] / total[0] * 100, 2), pct)
    rows_per_sheet = r + 1

    pem = book.add_worksheet("Pemetaan")
    pem.merge_range(0, 0, 0, 2, "PROGRAM, KEGIATAN DAN SUB KEGIATAN PENDUKUNG CAPAIAN KINERJA", title)
    for c, label in enumerate(("Indikator", "Kode", "Keterangan")):
        pem.write_string(2, c, label, title)
    r = 3
    for i, code in enumerate(sub_codes):
        pem.write_string(r, 0, sasaran[i % len(sasaran)])
        pem.write_string(r, 1, code)
        r += 1
    for code in program_codes[: max(1, len(program_codes) - 1)]:
        for ind in tujuan:
            pem.write_string(r, 0, ind)
            pem.write_string(r, 1, code)
            pem.write_string(r, 2, "program")
            r += 1
    book.close()
    sample.close()
    return {"rows_per_sheet": rows_per_sheet, "sub_kegiatan": len(sub_codes), "programs": programs,
            "pagu": total[0], "realisasi": total[1], "pemetaan_rows": r - 3}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--subs", type=int, default=2000, help="sub kegiatan (default 2000)")
    parser.add_argument("--akun", type=int, default=50, help="akun rows per sub kegiatan (default 50)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    info = generate(args.out, args.subs, args.akun, args.seed)
    print(f"{args.out}: {info['rows_per_sheet']:,} rows per sheet (DPA, Realisasi), {info['sub_kegiatan']} sub "
          f"kegiatan, {info['programs']} programs, {info['pemetaan_rows']} Pemetaan rows, "
          f"{args.out.stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
