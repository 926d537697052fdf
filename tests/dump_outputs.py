"""Dump the JSON report and every cell of the `fill` output for the sample and builder inputs.

    python tests/dump_outputs.py OUTDIR

For each input, OUTDIR/<name>.json is the JSON report (as `check --json` prints it) and
OUTDIR/<name>.cells one line per non-empty cell: sheet, address, formula text (or the value
written), the cached value as stored in the file, and the number format. Run it before and after
a refactoring and `diff -r` the two folders: a change that should not change the product leaves
no difference.
"""
from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

import openpyxl

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE), str(HERE / "realworld")]

from builder import IND_A, IND_B, SAS_B, TUJUAN, M, build, minimal, put  # noqa: E402
from layouts import LAYOUTS  # noqa: E402
from test_fill import BUILDERS  # noqa: E402

from lkip_xl.api import analyse  # noqa: E402
from lkip_xl.report import build_report  # noqa: E402
from lkip_xl.writer import write_workbook  # noqa: E402

SAMPLE = HERE.parent / "samples" / "kecamatan_juai_2024.xlsx"


def _minimal(folder: Path) -> Path:
    return build(folder, "minimal.xlsx")


def _selisih_clamp(folder: Path) -> Path:
    """Selisih efisiensi with E far below -20 (Nilai clamped at 0), a negative (2T-R)/T indicator."""
    data = minimal()
    data["identitas"] = {"Rumus Efisiensi": "Selisih"}
    put(data["kinerja"], IND_A, "Realisasi 2024", 40)
    data["kinerja"].append(["Sasaran", TUJUAN, SAS_B, "Jumlah Pengaduan", "Kasus", "Negatif", 5, 4, 3, 5, 6])
    data["pemetaan"].append(["Jumlah Pengaduan", "7.01.01"])
    return build(folder, "selisih_clamp.xlsx", **data)


def _komponen_rata(folder: Path) -> Path:
    """Komponen rata-rata, Permendagri 86, a zero pagu sub kegiatan, Dilaporkan claims of every measure."""
    data = minimal()
    data["identitas"] = {"Skala Kategori": "Permendagri 86"}
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_A, 2024, "Semester I", 89.97, "rata-rata"],
                        [IND_A, 2024, "Semester II", 90.11, "rata-rata"]]
    put(data["kinerja"], IND_A, "Target 2024", 90.04)
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", 0)
    put(data["realisasi"], "7.01.02.2.02.0001", "Pagu", 0)
    put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", 0)
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["3.4", IND_A, "Capaian", "100%"], ["3.4", IND_A, "Target", 90.04],
                          ["3.4", IND_A, "Realisasi", "90,04"], ["3.4", IND_A, "Capaian Akhir Renstra", "90%"],
                          ["3.4", IND_B, "Serapan", "0%"], ["3.4", IND_B, "Efisiensi", "10%"],
                          ["3.13", "Total", "Serapan", "90,00%"], ["3.13", "Total", "Sisa", 20 * M],
                          ["3.13", "Total", "Efisiensi", 5], ["3.13", "7.01.02.2.01", "Serapan", "95%"]]
    return build(folder, "komponen_rata.xlsx", **data)


INPUTS = {"minimal": _minimal, "selisih_clamp": _selisih_clamp, "komponen_rata": _komponen_rata,
          **{name: make for name, make in BUILDERS.items()}}


def dump_cells(path: Path) -> list[str]:
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    lines = [f"sheets {json.dumps(formulas.sheetnames, ensure_ascii=False)}"]
    for ws in formulas.worksheets:
        cached = values[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                entry = [ws.title, c.coordinate, str(c.value) if c.data_type == "f" else c.value,
                         cached[c.coordinate].value, c.number_format]
                lines.append(json.dumps(entry, ensure_ascii=False, default=repr))
    return lines


def dump_one(name: str, source: Path, out: Path, work: Path) -> None:
    result = analyse(str(source))
    report = json.dumps(build_report(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    (out / f"{name}.json").write_text(report, encoding="utf-8")
    target = work / f"{name}_lkip.xlsx"
    write_workbook(result, str(target))
    (out / f"{name}.cells").write_text("\n".join(dump_cells(target)) + "\n", encoding="utf-8")


def main(outdir: str) -> None:
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        dump_one("sample", SAMPLE, out, work)
        for name, make in INPUTS.items():
            dump_one(name, make(work), out, work)
        for name, make in LAYOUTS.items():
            folder = work / name
            folder.mkdir()
            path, _expected = make(folder)
            dump_one(f"layout_{name}", path, out, work)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/dump_outputs.py OUTDIR")
    main(sys.argv[1])
