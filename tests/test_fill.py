"""`lkip-xl fill` (SPEC §5) as a user and a reviewer check the workbook it writes.

1. LibreOffice recalculates every formula to the value cached in it (sample + three builder inputs).
2. The cached values are the JSON report's figures, cell by cell.
3. Editing the data sheets and recalculating gives what a fresh `fill` of the edited input gives.
4. The sample's output matches a committed cell dump per sheet (`UPDATE_GOLDEN=1` rewrites it).
5. Safety: input text stays text, no outside links, deterministic bytes, atomic and refusing writes.
6. Structure: sheet order, titles, print setup, and a Temuan sheet whose links and live selisih work.

LibreOffice starts once for the whole file: every workbook it must recalculate is converted in one
run (module fixture `recalculated`); each `fill` output carries its own sentinel.
"""
from __future__ import annotations

import errno
import json
import math
import os
import re
import shutil
import sys
import time
import zipfile
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from builder import IND_A, IND_B, IND_T, M, SAS_A, SAS_B, TUJUAN, build, drop, find_row, minimal, put, temuan_rows
from openpyxl.utils import get_column_letter, range_boundaries
from recalc import (assert_sentinel_recalculated, differences, recalculate_many, same, soffice,
                    with_sentinel)
from run_cli import SAMPLE, run_cli

from lkip_xl.api import analyse
from lkip_xl.findings import LABEL
from lkip_xl.model import Cell, Result
from lkip_xl.reader.values import Unreadable, parse_number
from lkip_xl.report import build_report

# The sample's output, one file per sheet (XlsxWriter's habit: a failing table names itself), plus the
# sheet list; one cell per line, so a changed figure is a one-line diff.
GOLDEN = Path(__file__).resolve().parent / "golden" / "kecamatan_juai_2024_fill"
GOLDEN_SHEETS = GOLDEN / "_sheets.json"

# Names in the sample (as test_sample.py spells them).
IKM = "Indeks Kepuasan Masyarakat (IKM) Pelayanan dan Kesejahteraan Sosial"
LKD = "Jumlah Lembaga Kemasyarakatan Desa (LKD) yang Aktif"

DATA_ANGGARAN, DATA_KINERJA, DATA_KOMPONEN = "Data Anggaran", "Data Kinerja", "Data Komponen"
DATA_DILAPORKAN, HITUNG = "Data Dilaporkan", "Perhitungan Kinerja"


def need_soffice() -> None:
    """Skip without LibreOffice, except in CI (env CI set), where a missing soffice is a failure."""
    if soffice():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI: the recalculation tests cannot run")
    pytest.skip("LibreOffice (soffice) is not installed")


def round2(x: float) -> float:
    """Round half away from zero after 15 significant digits, as Excel does (NOTES: Rounding)."""
    return float(Decimal(f"{x:.15g}").quantize(Decimal("0.01"), ROUND_HALF_UP))


# ----------------------------------------------------------------------------- inputs

IND_NEG = "Jumlah Pengaduan Masyarakat"
IND_ZERO = "Jumlah Inovasi Pelayanan Baru"
IND_MISS = "Persentase Arsip Tertata"
IND_UNMAPPED = "Jumlah Kader Terlatih"
IND_TR = "Angka Pengangguran Terbuka"
IND_TR0 = "Jumlah Konflik Sosial"
IND_BELOW = "Jumlah Kasus Stunting"
IND_NONE = "Jumlah Desa Wisata"

# akun rows (kode, uraian, pagu, realisasi) under each sub kegiatan of the minimal dataset
AKUN = {
    "7.01.01.2.01.0001": [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 100 * M, 90 * M)],
    "7.01.02.2.01.0001": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 25 * M, 24 * M),
                          ("5.2.02.10.01.0002", "Belanja Modal Personal Computer", 15 * M, 14 * M)],
    "7.01.02.2.01.0002": [("5.1.02.02.01.0026", "Belanja Jasa Tenaga Administrasi", 60 * M, 57 * M)],
    "7.01.02.2.02.0001": [("5.1.02", "Belanja Barang dan Jasa", 20 * M, 18 * M),  # a stated akun subtotal
                          ("5.1.02.01.01.0026", "Belanja Bahan Cetak", 20 * M, 18 * M),
                          ("5.2.05.01.01.0001", "Belanja Modal Bahan Perpustakaan", 30 * M, 27 * M)],
}


def input_negatif_selisih(folder: Path) -> Path:
    """(2T-R)/T, Selisih, Permendagri 86; akun rows; zero target, missing realisasi, unmapped, unmatched."""
    data = minimal()
    data["identitas"] = {"Rumus Polaritas Negatif": "(2T-R)/T", "Rumus Efisiensi": "Selisih",
                         "Skala Kategori": "Permendagri 86"}
    put(data["kinerja"], IND_B, "Realisasi 2024", 8)  # 66,67 %: Sedang
    data["kinerja"] += [
        ["Sasaran", TUJUAN, SAS_B, IND_NEG, "Pengaduan", "Negatif", 20, 16, 12, 18, 12],
        ["Sasaran", TUJUAN, SAS_B, IND_ZERO, "Inovasi", "Positif", 0, 0, 2, 0, 3],
        ["Sasaran", TUJUAN, SAS_A, IND_MISS, "%", "Positif", 70, 80, 90, 72, None],
        ["Sasaran", TUJUAN, SAS_A, IND_UNMAPPED, "Orang", "Positif", 40, 50, 60, 38, 40],
    ]
    data["pemetaan"] += [[IND_NEG, "7.01.02.2.02.0001"], [IND_ZERO, "7.01.02.2.01.0002"], [IND_MISS, "7.01.01"]]
    for sub, lines in AKUN.items():
        i = find_row(data["dpa"], sub)
        data["dpa"][i + 1:i + 1] = [[k, u, p] for k, u, p, _ in lines]
        j = find_row(data["realisasi"], sub)
        data["realisasi"][j + 1:j + 1] = [[k, u, p, r] for k, u, p, r in lines]
    total = find_row(data["realisasi"], "Total")
    data["realisasi"].insert(total, ["7.01.02.2.02.0009", "Kegiatan yang Tidak Ada di DPA", 5 * M, 4 * M, 80, 1 * M])
    return build(folder, "negatif_selisih.xlsx", **data)


def input_negatif_tr(folder: Path) -> Path:
    """T/R, PMK 249, a custom Skala sheet, a Belanja sheet, Target PK, Komponen, Dilaporkan."""
    data = minimal()
    data["identitas"] = {"Rumus Polaritas Negatif": "T/R"}
    kinerja = data["kinerja"]
    kinerja[0].append("Target PK")
    kinerja[1].append(None)
    kinerja[2].append(None)
    kinerja[3].append(11)  # PK 11 against Renstra 12: capaian is against the PK target
    kinerja += [["Sasaran", TUJUAN, SAS_B, IND_TR, "%", "Negatif", 9, 8, 7, 9.5, 10, None],
                ["Sasaran", TUJUAN, SAS_B, IND_TR0, "Kasus", "Negatif", 3, 2, 1, 1, 0, None]]  # T/R with R = 0
    data["pemetaan"] += [[IND_TR, "7.01.02"], [IND_TR0, "7.01.01.2.01.0001"]]
    data["skala"] = [["Batas Bawah", "Kategori"], [90, "Sangat Baik"], [70, "Baik"], [50, "Cukup"], [0, "Kurang"]]
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_A, 2024, "Layanan tepat waktu", 57, "pembilang"],
                        [IND_A, 2024, "Seluruh layanan", 60, "penyebut"],
                        [IND_B, 2023, "Semester I", 4, "jumlah"],
                        [IND_B, 2023, "Semester II", 6, "jumlah"]]
    data["belanja"] = [["Kode Rekening", "Uraian", "Pagu", "Realisasi", "%"],
                       ["5.1", "Belanja Operasi", 200 * M, 185 * M, "92,50"],
                       ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M, "90,00"],
                       ["5.1.02", "Belanja Barang dan Jasa", 100 * M, 95 * M, "95,00"],
                       ["5.2", "Belanja Modal", 50 * M, 45 * M, "90,00"],
                       ["5.2.02", "Belanja Modal Peralatan dan Mesin", 50 * M, 45 * M, "90,00"],
                       [None, "Jumlah", 250 * M, 230 * M, "92,00"]]
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.4", IND_A, "Serapan", "95%"],
                          ["Tabel 3.13", "Total", "Pagu", 250 * M],
                          ["Tabel 3.13", "7.01.02", "Realisasi Anggaran", "140.000.000"],
                          ["Tabel 3.5", IND_B, "Kategori", "Sangat Baik"],
                          ["Tabel 3.7", IND_TR, "Capaian", "80,00%"],
                          ["Tabel 3.7", IND_TR, "Efisiensi", "3,00%"],  # wrong: -16,67 %
                          ["Tabel 3.16", "5.1.02", "Serapan", "95%"]]
    return build(folder, "negatif_tr.xlsx", **data)


def input_tepi(folder: Path) -> Path:
    """Edges: capaian below zero, capaian 0 (no PMK efisiensi), E above 20 (Nilai clamped), percent-formatted."""
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", (0.95, "0%"))
    put(data["kinerja"], IND_A, "Realisasi 2024", (1.4, "0%"))
    data["kinerja"] += [["Sasaran", TUJUAN, SAS_B, IND_BELOW, "Kasus", "Negatif", 12, 10, 8, 11, 25],
                        ["Sasaran", TUJUAN, SAS_B, IND_NONE, "Desa", "Positif", 1, 2, 3, 1, 0]]
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_B, 2024, "Desa A", 7, "jumlah"], [IND_B, 2024, "Desa B", 5, "jumlah"]]
    data["pemetaan"] += [[IND_BELOW, "7.01.02"], [IND_NONE, "7.01.02.2.02.0001"], [IND_B, "7.01.01"]]
    return build(folder, "tepi.xlsx", **data)


BUILDERS = {"negatif_selisih": input_negatif_selisih, "negatif_tr": input_negatif_tr, "tepi": input_tepi}
NAMES = ["sample", *BUILDERS]

# What each builder input must show in "Perhitungan Kinerja", computed by hand:
# indicator -> (capaian, kategori, efisiensi); None is the "-" a figure without value shows.
BY_HAND = {
    "negatif_selisih": {
        IND_NEG: ((2 * 16 - 12) / 16 * 100, "Sangat Tinggi", 125 - 90),
        IND_B: (8 / 12 * 100, "Sedang", 8 / 12 * 100 - 90),
        IND_ZERO: (None, None, None),
        IND_MISS: (None, None, None),
        IND_UNMAPPED: (80, "Tinggi", None),
    },
    "negatif_tr": {
        IND_TR: (8 / 10 * 100, "Baik", (1 - (140 / 150 * 100) / 80) * 100),
        IND_TR0: (None, None, None),
        IND_B: (12 / 11 * 100, "Sangat Baik", (1 - 90 / (12 / 11 * 100)) * 100),
        IND_A: (57 / 60 * 100 / 95 * 100, "Sangat Baik", (1 - 95 / 100) * 100),
    },
    "tepi": {
        IND_BELOW: ((2 * 10 - 25) / 10 * 100, "Kurang Berhasil", (1 - (140 / 150 * 100) / -50) * 100),
        IND_NONE: (0, "Kurang Berhasil", None),
        IND_A: (140 / 95 * 100, "Sangat Berhasil", (1 - 95 / (140 / 95 * 100)) * 100),
    },
}


# ----------------------------------------------------------------------------- reading the output


@dataclass
class Filled:
    input: Path
    output: Path
    result: Result
    report: dict


def load(path: Path, data_only: bool) -> openpyxl.Workbook:
    return openpyxl.load_workbook(path, data_only=data_only)


def header_rows(ws) -> tuple[int, int]:
    """The rows printed on every page (print titles), e.g. (3, 4)."""
    m = re.fullmatch(r"\$(\d+):\$(\d+)", ws.print_title_rows or "")
    assert m, f"{ws.title}: no repeated header rows"
    return int(m.group(1)), int(m.group(2))


def labels(ws) -> dict[str, int]:
    """Column (1-based) of each header label; a two-row header gives 'Group / Sub' for grouped columns."""
    first, last = header_rows(ws)
    out: dict[str, int] = {}
    group = None
    for c in range(1, ws.max_column + 1):
        top = ws.cell(first, c).value
        sub = ws.cell(last, c).value if last > first else None
        if top is not None:
            group = top
        label = f"{group} / {sub}" if sub is not None else top
        if label is not None and label not in out:
            out[str(label)] = c
    return out


def rows_by(ws, col: int, start: int | None = None) -> dict[Any, int]:
    """Row number of each value in column `col` below the header (first occurrence)."""
    start = start or header_rows(ws)[1] + 1
    out: dict[Any, int] = {}
    for r in range(start, ws.max_row + 1):
        v = ws.cell(r, col).value
        if v not in (None, "") and v not in out:
            out[v] = r
    return out


def sheet_named(wb, suffix: str) -> str:
    hits = [n for n in wb.sheetnames if n.endswith(suffix)]
    assert len(hits) == 1, (suffix, wb.sheetnames)
    return hits[0]


def table_sheets(wb) -> list[str]:
    return [n for n in wb.sheetnames if n[:1].isdigit()]


class Expect:
    """Collects every disagreement instead of stopping at the first (pandera's failure_cases)."""

    def __init__(self) -> None:
        self.failures: list[str] = []
        self.checked = 0

    def cell(self, ws, row: int | None, col: int | None, expected: Any, what: str) -> None:
        self.checked += 1
        if row is None or col is None:
            self.failures.append(f"{ws.title}: no cell for {what}")
            return
        got = ws.cell(row, col).value
        want = "-" if expected is None else expected
        ok = (math.isclose(got, want, rel_tol=1e-12, abs_tol=1e-9)
              if isinstance(got, (int, float)) and isinstance(want, (int, float)) else got == want)
        if not ok:
            self.failures.append(f"{ws.title}!{get_column_letter(col)}{row} ({what}): cell {got!r}, report {want!r}")

    def done(self) -> None:
        assert not self.failures, f"{len(self.failures)} of {self.checked} cells differ:\n" + "\n".join(
            self.failures[:40])


def dump(path: Path) -> dict:
    """Every non-empty cell of every sheet: formula text (or value), cached value, internal link."""
    formulas, values = load(path, data_only=False), load(path, data_only=True)
    cells: dict[str, dict[str, dict]] = {}
    for ws in formulas.worksheets:
        cached = values[ws.title]
        out: dict[str, dict] = {}
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                entry: dict[str, Any] = {}
                if c.data_type == "f":
                    entry["f"] = str(c.value)
                entry["v"] = _ten_digits(cached[c.coordinate].value)
                if c.hyperlink is not None:
                    entry["link"] = c.hyperlink.location or c.hyperlink.target
                out[c.coordinate] = entry
        cells[ws.title] = out
    return {"sheets": formulas.sheetnames, "cells": cells}


def _ten_digits(value: Any) -> Any:
    if isinstance(value, float):
        return float(f"{value:.10g}")
    return value


def write_sheet_dump(cells: dict, path: Path) -> None:
    """One sheet's cells, one per line, so a changed figure is a one-line diff."""
    items = list(cells.items())
    lines = ["{"] + [f" {json.dumps(coord)}: {json.dumps(entry, ensure_ascii=False)}{',' if i < len(items) - 1 else ''}"
                     for i, (coord, entry) in enumerate(items)] + ["}"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cell_key(coord: str) -> tuple[int, int]:
    col, row = re.fullmatch(r"([A-Z]+)(\d+)", coord).groups()
    return int(row), range_boundaries(f"{col}1")[0]


def dump_differences(expected: dict, actual: dict) -> list[str]:
    out = []
    if expected["sheets"] != actual["sheets"]:
        out.append(f"sheets: expected {expected['sheets']}, got {actual['sheets']}")
    for sheet in expected["sheets"]:
        want, got = expected["cells"].get(sheet, {}), actual["cells"].get(sheet)
        if got is None:
            continue
        for coord in sorted(set(want) | set(got), key=_cell_key):
            if want.get(coord) != got.get(coord):
                out.append(f"{sheet}!{coord}: expected {want.get(coord, '(empty)')}, got {got.get(coord, '(empty)')}")
    return out


def input_value(path: Path, sheet: str, coord: str) -> Any:
    """The value of an input cell as the reader reads it: Indonesian number text becomes a number."""
    raw = load(path, data_only=True)[sheet][coord].value
    if isinstance(raw, str):
        try:
            num = parse_number(raw, Cell(sheet, coord))
        except Unreadable:
            return raw
        return raw if num is None else num.value
    return raw


# ----------------------------------------------------------------------------- fixtures


def fill(input_path: Path, *args: str, cwd: Path, rc: int = 0):
    proc = run_cli("fill", str(input_path), *args, cwd=cwd)
    assert proc.returncode == rc, (proc.returncode, proc.stdout, proc.stderr)
    return proc


@pytest.fixture(scope="module")
def filled(tmp_path_factory) -> dict[str, Filled]:
    """The sample and the builder inputs, each filled by the CLI with the default output path."""
    root = tmp_path_factory.mktemp("fill")
    folder = root / "masukan"
    folder.mkdir()
    inputs = {"sample": folder / SAMPLE.name}
    shutil.copyfile(SAMPLE, inputs["sample"])
    for name, make in BUILDERS.items():
        inputs[name] = make(folder)
    out = {}
    for name, path in inputs.items():
        fill(path.relative_to(root), cwd=root)  # relative to a cwd that is not the input's folder
        result = analyse(str(path))
        out[name] = Filled(path, path.with_name(f"{path.stem}_lkip.xlsx"), result, build_report(result))
    return out


@pytest.fixture(scope="module")
def sample(filled) -> Filled:
    return filled["sample"]


@pytest.fixture(scope="module")
def sample_values(sample):
    return load(sample.output, data_only=True)


# The three live edits of test 3, in the output and in the input.
NEW_REALISASI_611 = 125_500_000
NEW_IKM_SEMESTER_II = 88.4
NEW_LKD_TARGET = 75
NEW_LKD_KAB_KOTA_LAIN = "Rata-rata 72 LKD"  # a benchmark: the capaian table follows Data Kinerja (issue 19)


def edit_output(src: Path, dst: Path) -> Path:
    """The sample's output edited where a user would: leaf realisasi, a Komponen value, a target."""
    wb = load(src, data_only=False)
    ws = wb[DATA_ANGGARAN]
    col = labels(ws)
    ws.cell(rows_by(ws, col["No"])["6.1.1"], col["Realisasi (data)"]).value = NEW_REALISASI_611
    ws = wb[DATA_KOMPONEN]
    col = labels(ws)
    hits = [r for r in range(header_rows(ws)[1] + 1, ws.max_row + 1)
            if (ws.cell(r, col["Indikator"]).value, ws.cell(r, col["Tahun"]).value,
                ws.cell(r, col["Komponen"]).value) == (IKM, 2024, "Semester II")]
    assert len(hits) == 1, hits
    ws.cell(hits[0], col["Nilai"]).value = NEW_IKM_SEMESTER_II
    ws = wb[DATA_KINERJA]
    col = labels(ws)
    cell = ws.cell(rows_by(ws, col["Indikator"])[LKD], col["Target 2024"])
    assert cell.value == 70
    cell.value = NEW_LKD_TARGET
    cell = ws.cell(rows_by(ws, col["Indikator"])[LKD], col["Kab/Kota Lain"])
    assert cell.value == "Tidak ada"
    cell.value = NEW_LKD_KAB_KOTA_LAIN
    wb.save(dst)
    return dst


def _header_row(ws, *names: str) -> tuple[int, dict[str, int]]:
    """The first row holding every label in `names` (case-insensitive), and their columns."""
    want = [n.lower() for n in names]
    for r in range(1, 30):
        found = {str(ws.cell(r, c).value).strip().lower(): c for c in range(1, ws.max_column + 1)
                 if ws.cell(r, c).value is not None}
        if all(n in found for n in want):
            return r, {n: found[n.lower()] for n in names}
    raise AssertionError(f"{ws.title}: no header row with {names}")


def edit_input(src: Path, dst: Path) -> Path:
    """The sample input with the same three changes, found by reading its sheets."""
    wb = load(src, data_only=False)
    ws = wb["Realisasi"]
    head, col = _header_row(ws, "No.", "Realisasi")
    row = next(r for r in range(head + 1, ws.max_row + 1) if ws.cell(r, col["No."]).value == "6.1.1")
    ws.cell(row, col["Realisasi"]).value = NEW_REALISASI_611
    ws = wb["Komponen"]
    head, col = _header_row(ws, "Indikator", "Tahun", "Komponen", "Nilai")
    rows = [r for r in range(head + 1, ws.max_row + 1)
            if (ws.cell(r, col["Indikator"]).value, ws.cell(r, col["Tahun"]).value,
                ws.cell(r, col["Komponen"]).value) == (IKM, 2024, "Semester II")]
    assert len(rows) == 1
    ws.cell(rows[0], col["Nilai"]).value = NEW_IKM_SEMESTER_II
    ws = wb["Kinerja"]
    head, col = _header_row(ws, "Indikator", "Target")
    # 'Target' is merged over one column per year; the years are in the row below
    span = next(rng for rng in ws.merged_cells.ranges if rng.min_row == head and rng.min_col == col["Target"])
    year_col = next(c for c in range(span.min_col, span.max_col + 1) if ws.cell(head + 1, c).value == 2024)
    row = next(r for r in range(head + 2, ws.max_row + 1) if ws.cell(r, col["Indikator"]).value == LKD)
    assert ws.cell(row, year_col).value == 70
    ws.cell(row, year_col).value = NEW_LKD_TARGET
    head, col = _header_row(ws, "Indikator", "Kab/Kota Lain")
    assert ws.cell(row, col["Kab/Kota Lain"]).value == "Tidak ada"
    ws.cell(row, col["Kab/Kota Lain"]).value = NEW_LKD_KAB_KOTA_LAIN
    wb.save(dst)
    return dst


@pytest.fixture(scope="module")
def live_edit(tmp_path_factory, sample) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ubah")
    edited = edit_output(sample.output, folder / "diubah_di_keluaran.xlsx")
    changed_input = edit_input(sample.input, folder / "diubah.xlsx")
    fill(changed_input, cwd=folder)
    return {"edited": edited, "fresh": folder / "diubah_lkip.xlsx"}


def correct_claims(sample: Filled, dst: Path) -> tuple[Path, list[int]]:
    """The sample's output with each CLAIM_MISMATCH value corrected in Data Dilaporkan (the first of a
    cause through its Temuan row's link, the others where Data Dilaporkan lists them).

    Returns the copy and the Temuan rows of those causes.
    """
    wb = load(sample.output, data_only=False)
    temuan = wb["Temuan"]
    dilaporkan = wb[DATA_DILAPORKAN]
    stated = labels(dilaporkan)["Nilai dilaporkan"]
    claim_row = {k.nilai.cell.ref: 4 + i for i, k in enumerate(sample.result.data.dilaporkan)}
    rows = []
    for i, group in enumerate(temuan_rows(sample.report["temuan"])):
        r = header_rows(temuan)[1] + 1 + i
        if group[0]["kode"] != "CLAIM_MISMATCH":
            continue
        link = temuan.cell(r, labels(temuan)["Sel di workbook ini"]).hyperlink
        sheet, coord = link.location.rsplit("!", 1)
        wb[sheet.strip("'")][coord].value = round2(group[0]["dihitung"])
        for f in group[1:]:
            dilaporkan.cell(claim_row[f["sel"]], stated).value = round2(f["dihitung"])
        rows.append(r)
    wb.save(dst)
    return dst, rows


@pytest.fixture(scope="module")
def claims_fixed(tmp_path_factory, sample) -> tuple[Path, list[int]]:
    return correct_claims(sample, tmp_path_factory.mktemp("klaim") / "klaim_diperbaiki.xlsx")


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory, filled, live_edit, claims_fixed) -> dict[str, Path]:
    """Every workbook LibreOffice must recalculate, in ONE LibreOffice run."""
    need_soffice()
    work = tmp_path_factory.mktemp("libreoffice")
    planted = {name: with_sentinel(f.output, work) for name, f in filled.items()}
    others = {"live_edit": live_edit["edited"], "claims_fixed": claims_fixed[0]}
    names = [*planted, *others]
    copies = recalculate_many([p[0] for p in planted.values()] + list(others.values()), work)
    done = dict(zip(names, copies))
    for name, (_copy, _member, cell, true_value) in planted.items():
        assert_sentinel_recalculated(done[name], cell, true_value)
    return done


# ----------------------------------------------------------------------------- 1 LibreOffice


def test_inputs_exercise_what_the_recalculation_covers(filled):
    """The builder inputs really hold the cases test 1 is meant to recalculate."""
    a, b, c = (filled[n].result for n in BUILDERS)
    ident = a.data.identitas
    assert (ident.rumus_polaritas_negatif, ident.rumus_efisiensi, ident.skala_kategori) == (
        "(2T-R)/T", "Selisih", "Permendagri 86")
    assert {"ZERO_TARGET", "MISSING_REALISASI", "UNMAPPED_INDICATOR", "UNMATCHED_ROW"} <= {f.kode for f in a.findings}
    assert a.belanja_source == "akun" and any(n.akun for n in a.nodes)
    assert b.data.identitas.rumus_polaritas_negatif == "T/R" and b.data.skala and b.belanja_source == "sheet"
    assert b.data.komponen and b.data.dilaporkan and {"TARGET_MISMATCH", "CLAIM_MISMATCH"} <= {
        f.kode for f in b.findings}
    assert c.efisiensi_rata_rata > 20 and c.nilai_efisiensi == 100  # the clamp
    s = filled["sample"].result
    assert s.data.komponen and s.data.dilaporkan and s.belanja_source == "sheet"


@pytest.mark.parametrize("name", list(BY_HAND))
def test_perhitungan_matches_hand_computed_figures(filled, name):
    """Negative polarity both ways, a custom scale, Selisih, zero target: the cached figures by hand."""
    ws = load(filled[name].output, data_only=True)[HITUNG]
    col = labels(ws)
    row = rows_by(ws, col["Indikator"])
    check = Expect()
    for ind, (capaian, kategori, efisiensi) in BY_HAND[name].items():
        check.cell(ws, row.get(ind), col["Capaian 2024 (%)"], capaian, f"capaian {ind}")
        check.cell(ws, row.get(ind), col["Kategori"], kategori, f"kategori {ind}")
        check.cell(ws, row.get(ind), col["Efisiensi (%)"], efisiensi, f"efisiensi {ind}")
    check.done()


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", NAMES)
def test_libreoffice_recalculates_every_formula_to_its_cached_value(filled, recalculated, name):
    bad, n = differences(filled[name].output, recalculated[name])
    assert n > 300, f"only {n} formula cells"
    assert not bad, f"{len(bad)} of {n} formula cells differ after recalculation:\n" + "\n".join(
        f"  {s}!{c}: cached {cached!r}, LibreOffice {lo!r}  ={f}" for s, c, f, cached, lo in bad[:30])


# ----------------------------------------------------------------------------- 2 cached = JSON


def test_cached_budget_figures_are_the_report(sample, sample_values):
    report = sample.report
    check = Expect()
    # Data Anggaran: every program, kegiatan and sub kegiatan, and the total
    ws = sample_values[DATA_ANGGARAN]
    col = labels(ws)
    first = header_rows(ws)[1] + 1
    rows = {(ws.cell(r, col["Kode"]).value, ws.cell(r, col["No"]).value): r
            for r in range(first, ws.max_row + 1) if ws.cell(r, col["Level"]).value in
            ("Program", "Kegiatan", "Sub Kegiatan")}
    for k in report["kegiatan"]:
        r = rows.get((k["kode"], k["nomor"]))
        for measure, label in (("pagu", "Pagu"), ("realisasi", "Realisasi"), ("sisa", "Sisa"),
                               ("serapan", "Serapan (%)")):
            check.cell(ws, r, col[label], k[measure], f"{measure} {k['nomor']}")
    total = rows_by(ws, col["Uraian"])["Total"]
    for measure, label in (("pagu", "Pagu"), ("realisasi", "Realisasi"), ("sisa", "Sisa"), ("serapan", "Serapan (%)")):
        check.cell(ws, total, col[label], report["anggaran"][measure], f"total {measure}")
    # the realisasi anggaran table and the Renja: by code
    by_code = {k["kode"]: k for k in report["kegiatan"]}
    ws = sample_values[sheet_named(sample_values, "Realisasi Anggaran")]
    col = labels(ws)
    row = rows_by(ws, col["Kode"])
    for kode, k in by_code.items():
        for measure, label in (("pagu", "Pagu Anggaran"), ("realisasi", "Realisasi"), ("sisa", "Sisa"),
                               ("serapan", "Rasio Capaian")):
            check.cell(ws, row.get(kode), col[label], k[measure], f"{measure} {kode}")
    total = rows_by(ws, 1)["Total Anggaran / Realisasi / Rasio Capaian"]
    for measure, label in (("pagu", "Pagu Anggaran"), ("realisasi", "Realisasi"), ("sisa", "Sisa"),
                           ("serapan", "Rasio Capaian")):
        check.cell(ws, total, col[label], report["anggaran"][measure], f"total {measure}")
    ws = sample_values[sheet_named(sample_values, " Renja")]
    col = labels(ws)
    row = rows_by(ws, col["Kode"])
    for kode, k in by_code.items():
        check.cell(ws, row.get(kode), col["Target / Keuangan (Rp)"], k["pagu"], f"renja pagu {kode}")
    check.cell(ws, rows_by(ws, col["Program / Kegiatan / Sub Kegiatan"])["Jumlah"], col["Target / Keuangan (Rp)"],
               report["anggaran"]["pagu"], "renja jumlah")
    # jenis belanja
    ws = sample_values[sheet_named(sample_values, "Jenis Belanja")]
    col = labels(ws)
    row = rows_by(ws, col["Kode Rekening"])
    assert report["belanja"]
    for g in report["belanja"]:
        for measure, label in (("pagu", "Pagu Anggaran"), ("realisasi", "Realisasi"), ("serapan", "Serapan")):
            check.cell(ws, row.get(g["kode"]), col[label], g[measure], f"{measure} {g['kode']}")
    # Ringkasan
    ws = sample_values["Ringkasan"]
    row = rows_by(ws, 1, start=1)
    for label, value in (("Pagu anggaran", report["anggaran"]["pagu"]),
                         ("Realisasi anggaran", report["anggaran"]["realisasi"]),
                         ("Sisa anggaran", report["anggaran"]["sisa"]),
                         ("Serapan anggaran (%)", report["anggaran"]["serapan"]),
                         ("Rata-rata efisiensi sasaran, E (%)", report["efisiensi"]["rata_rata"]),
                         ("Nilai efisiensi", report["efisiensi"]["nilai"])):
        check.cell(ws, row.get(label), 2, value, label)
    check.done()
    assert check.checked > 4 * len(report["kegiatan"]) * 2


def test_cached_indicator_figures_are_the_report(sample, sample_values):
    report = sample.report
    tahun = report["tahun"]
    check = Expect()
    ws = sample_values[HITUNG]
    col = labels(ws)
    row = rows_by(ws, col["Indikator"])
    measures = {"target": f"Target {tahun}", "realisasi": f"Realisasi {tahun}", "capaian": f"Capaian {tahun} (%)",
                "kategori": "Kategori", "target_akhir_renstra": "Target Akhir Renstra",
                "capaian_akhir_renstra": "Capaian thd Akhir Renstra (%)", "pagu": "Pagu",
                "realisasi_anggaran": "Realisasi Anggaran", "serapan": "Serapan (%)", "efisiensi": "Efisiensi (%)"}
    for ind in report["indikator"]:
        r = row.get(ind["indikator"])
        for key, label in measures.items():
            check.cell(ws, r, col[label], ind[key], f"{key} {ind['indikator']}")
        for year, value in ind["realisasi_tahun_lalu"].items():
            check.cell(ws, r, col[f"Realisasi {year}"], value, f"realisasi {year} {ind['indikator']}")
    e_row = rows_by(ws, col["Indikator"])
    check.cell(ws, e_row.get("Rata-rata efisiensi indikator sasaran (E)"), col["Efisiensi (%)"],
               report["efisiensi"]["rata_rata"], "E")
    nilai = next(v for v in e_row if str(v).startswith("Nilai Efisiensi"))
    check.cell(ws, e_row[nilai], col["Efisiensi (%)"], report["efisiensi"]["nilai"], "Nilai")
    by_name = {i["indikator"]: i for i in report["indikator"]}
    # capaian tables (3.1 and each sasaran): name in the third column
    capaian_sheets = [n for n in table_sheets(sample_values) if "Capaian" in n and "Rangkuman" not in n]
    assert len(capaian_sheets) == 5
    seen = set()
    for name in capaian_sheets:
        ws = sample_values[name]
        col = labels(ws)
        for ind_name, r in rows_by(ws, col["Indikator Kinerja Utama"]).items():
            ind = by_name[ind_name]
            seen.add(ind_name)
            for key, label in (("target", f"Kinerja {tahun} / Target"), ("realisasi", f"Kinerja {tahun} / Realisasi"),
                               ("capaian", f"Kinerja {tahun} / Capaian"), ("kategori", "Kategori"),
                               ("target_akhir_renstra", "Target Akhir Renstra"),
                               ("capaian_akhir_renstra", "Capaian Terhadap Akhir Renstra"),
                               ("serapan", "Serapan Anggaran")):
                check.cell(ws, r, col[label], ind[key], f"{key} {ind_name}")
            for year, value in ind["realisasi_tahun_lalu"].items():
                check.cell(ws, r, col[f"Realisasi {year}"], value, f"realisasi {year} {ind_name}")
    assert seen == set(by_name)
    # efisiensi tables (per sasaran and the summary)
    efisiensi_sheets = [n for n in table_sheets(sample_values) if "Efisiensi" in n]
    assert len(efisiensi_sheets) == 5
    sasaran = {i["indikator"] for i in report["indikator"] if i["level"] == "sasaran"}
    for name in efisiensi_sheets:
        ws = sample_values[name]
        col = labels(ws)
        found = rows_by(ws, col["Indikator Kinerja Utama"])
        for ind_name, r in found.items():
            if ind_name not in by_name:
                continue
            ind = by_name[ind_name]
            for key, label in (("target", f"Kinerja {tahun} / Target"), ("realisasi", f"Kinerja {tahun} / Realisasi"),
                               ("capaian", f"Kinerja {tahun} / Capaian"), ("pagu", f"Keuangan {tahun} / Target"),
                               ("realisasi_anggaran", f"Keuangan {tahun} / Realisasi"),
                               ("serapan", f"Keuangan {tahun} / Capaian"), ("efisiensi", "Efisiensi Anggaran")):
                check.cell(ws, r, col[label], ind[key], f"{key} {ind_name} ({name})")
        if name.endswith(" Efisiensi"):
            assert set(found) & set(by_name) == sasaran
            first_col = rows_by(ws, 1)
            e = next(r for v, r in first_col.items() if str(v).startswith("Rata-rata efisiensi (E)"))
            n = next(r for v, r in first_col.items() if str(v).startswith("Nilai Efisiensi"))
            check.cell(ws, e, col["Efisiensi Anggaran"], report["efisiensi"]["rata_rata"], "E")
            check.cell(ws, n, col["Efisiensi Anggaran"], report["efisiensi"]["nilai"], "Nilai")
    # PK targets and the 4.1 summary
    ws = sample_values[sheet_named(sample_values, "Perjanjian Kinerja")]
    col = labels(ws)
    for ind_name, r in rows_by(ws, col["Indikator Kinerja"]).items():
        check.cell(ws, r, col["Target"], by_name[ind_name]["target"], f"PK target {ind_name}")
    ws = sample_values[sheet_named(sample_values, "Rangkuman PK")]
    col = labels(ws)
    listed = {**rows_by(ws, col["Indikator Tujuan"]), **rows_by(ws, col["Indikator Sasaran"])}
    assert set(listed) == set(by_name)
    for ind_name, r in listed.items():
        for key in ("target", "realisasi", "capaian", "kategori"):
            check.cell(ws, r, col[f"Kinerja Tahun {tahun} / {key.capitalize()}"], by_name[ind_name][key],
                       f"4.1 {key} {ind_name}")
    check.done()


# ----------------------------------------------------------------------------- 3 live edit


@pytest.mark.libreoffice
def test_editing_the_data_sheets_gives_what_a_fresh_fill_gives(sample, live_edit, recalculated):
    fresh_f = load(live_edit["fresh"], data_only=False)
    fresh_v = load(live_edit["fresh"], data_only=True)
    edited_f = load(live_edit["edited"], data_only=False)
    recalced = load(recalculated["live_edit"], data_only=True)
    before = load(sample.output, data_only=True)
    sheets = table_sheets(fresh_f) + [HITUNG, DATA_ANGGARAN]
    bad, changed, compared = [], set(), 0
    for name in sheets:
        for row in fresh_f[name].iter_rows():
            for c in row:
                if c.data_type != "f":
                    continue
                compared += 1
                where = f"{name}!{c.coordinate}"
                want = fresh_v[name][c.coordinate].value
                if edited_f[name][c.coordinate].value != c.value:
                    bad.append(f"{where}: formula {edited_f[name][c.coordinate].value!r} vs fresh {c.value!r}")
                got = recalced[name][c.coordinate].value
                if not same(got, want):
                    bad.append(f"{where}: recalculated {got!r}, fresh fill {want!r}  {c.value}")
                if not same(before[name][c.coordinate].value, want):
                    changed.add(name)
    assert not bad, f"{len(bad)} of {compared} formula cells differ:\n" + "\n".join(bad[:30])
    # the benchmark typed over "Tidak ada" in Data Kinerja shows in the capaian table after recalculation
    name = sheet_named(fresh_f, "Capaian Sasaran 2")
    col = labels(before[name])
    row = rows_by(before[name], col["Indikator Kinerja Utama"])[LKD]
    kab_kota = col["Realisasi / Capaian terhadap Kab/Kota Lain"]
    assert (before[name].cell(row, kab_kota).value, recalced[name].cell(row, kab_kota).value) == (
        "Tidak ada", NEW_LKD_KAB_KOTA_LAIN)
    # the LKD's bar changed band with its kategori (Sangat Berhasil to Berhasil at 70 of 75): its capaian
    # moved to the Berhasil series' helper column, the colour of the bar follows
    names = [n for _, n in sample.result.skala]
    header, column = _band_columns(before["Ringkasan"], names)
    row = next(r for r in range(header + 1, header + 1 + len(sample.result.indicators))
               if before["Ringkasan"].cell(r, 1).value == LKD)
    bars = [{band: ws.cell(row, column[band]).value for band in ("Sangat Berhasil", "Berhasil")}
            for ws in (before["Ringkasan"], recalced["Ringkasan"])]
    assert bars[0]["Sangat Berhasil"] == 100 and bars[0]["Berhasil"] == "#N/A", bars
    assert bars[1]["Sangat Berhasil"] == "#N/A" and same(bars[1]["Berhasil"], 70 / NEW_LKD_TARGET * 100), bars
    # the three edits reached the budget tables, the sasaran 1 and 2 tables, the PK and the summary
    assert {DATA_ANGGARAN, HITUNG, sheet_named(fresh_f, "Realisasi Anggaran"),
            sheet_named(fresh_f, "Capaian Sasaran 1"), sheet_named(fresh_f, "Capaian Sasaran 2"),
            sheet_named(fresh_f, "Capaian Sasaran 4"), sheet_named(fresh_f, "Perjanjian Kinerja"),
            sheet_named(fresh_f, "Rangkuman PK")} <= changed, sorted(changed)


# ----------------------------------------------------------------------------- 4 golden


def _golden_file(index: int, sheet: str) -> Path:
    safe = re.sub(r"[^0-9A-Za-z.]+", "_", sheet).strip("_")
    return GOLDEN / f"{index:02d}_{safe}.json"


def _golden_sheets() -> list[str]:
    return json.loads(GOLDEN_SHEETS.read_text(encoding="utf-8")) if GOLDEN_SHEETS.exists() else []


@pytest.fixture(scope="module")
def sample_dump(sample) -> dict:
    actual = json.loads(json.dumps(dump(sample.output), ensure_ascii=False))
    if os.environ.get("UPDATE_GOLDEN"):
        for old in GOLDEN.glob("*.json"):
            old.unlink()
        GOLDEN.mkdir(parents=True, exist_ok=True)
        GOLDEN_SHEETS.write_text(json.dumps(actual["sheets"], ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        for i, name in enumerate(actual["sheets"]):
            write_sheet_dump(actual["cells"][name], _golden_file(i, name))
    return actual


_UPDATE = "if intended: UPDATE_GOLDEN=1 python -m pytest tests/test_fill.py, and review the diff"


def test_sample_output_has_the_golden_sheets(sample_dump):
    assert GOLDEN_SHEETS.exists(), f"no golden files; create them with UPDATE_GOLDEN=1 python -m pytest {Path(__file__).name}"
    assert sample_dump["sheets"] == _golden_sheets(), _UPDATE


@pytest.mark.parametrize("index, sheet", list(enumerate(_golden_sheets())), ids=lambda x: str(x))
def test_sample_sheet_matches_its_golden_dump(sample_dump, index, sheet):
    path = _golden_file(index, sheet)
    expected = {"sheets": [sheet], "cells": {sheet: json.loads(path.read_text(encoding="utf-8"))}}
    actual = {"sheets": [sheet], "cells": {sheet: sample_dump["cells"].get(sheet, {})}}
    diffs = dump_differences(expected, actual)
    assert not diffs, f"{len(diffs)} cells of '{sheet}' differ from {path.name} ({_UPDATE}):\n" + "\n".join(diffs[:25])


def test_golden_dump_is_written_one_cell_per_line(tmp_path, sample_dump):
    """A sheet's dump reads back to what was written, and a changed cell is a one-line diff."""
    for name, cells in sample_dump["cells"].items():
        path = tmp_path / "dump.json"
        write_sheet_dump(cells, path)
        assert json.loads(path.read_text(encoding="utf-8")) == cells
        assert len(path.read_text(encoding="utf-8").splitlines()) == len(cells) + 2


# ----------------------------------------------------------------------------- 5 safety

RISKY = {
    "tujuan": '=HYPERLINK("http://contoh.example/tujuan","Terwujudnya Tata Kelola")',
    "sasaran": "https://contoh.example/sasaran-ketertiban",
    "ind_t": "-Indeks Kepuasan Masyarakat",
    "ind_a": "@Persentase Layanan Tepat Waktu",
    "ind_b": "+Jumlah Desa Tertib",
    "program": "=1+2",
    "kegiatan": "mailto:camat@contoh.example",
    "sub_kegiatan": "http://contoh.example/pelayanan-perizinan",
}


def input_risky(folder: Path) -> Path:
    data = minimal()
    swap = {TUJUAN: RISKY["tujuan"], SAS_B: RISKY["sasaran"], IND_T: RISKY["ind_t"], IND_A: RISKY["ind_a"],
            IND_B: RISKY["ind_b"]}
    for key in ("kinerja", "pemetaan"):
        data[key] = [[swap.get(v, v) for v in row] for row in data[key]]
    for key in ("dpa", "realisasi"):
        put(data[key], "7.01.01", "Uraian", RISKY["program"])
        put(data[key], "7.01.02.2.02", "Uraian", RISKY["kegiatan"])
        put(data[key], "7.01.02.2.01.0002", "Uraian", RISKY["sub_kegiatan"])
    return build(folder, "berisiko.xlsx", **data)


def test_input_text_stays_text(tmp_path):
    path = input_risky(tmp_path)
    fill(path, cwd=tmp_path)
    out = tmp_path / "berisiko_lkip.xlsx"
    wb = load(out, data_only=False)
    found: dict[str, list[str]] = {text: [] for text in RISKY.values()}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.value in found:
                    assert c.data_type == "s", f"{ws.title}!{c.coordinate} {c.value!r} is {c.data_type}, not text"
                    if c.value.startswith(("=", "+", "-", "@")):
                        assert c.quotePrefix, f"{ws.title}!{c.coordinate} {c.value!r} has no quote prefix"
                    found[c.value].append(ws.title)
                if c.data_type == "f":
                    assert "contoh.example" not in str(c.value) and "HYPERLINK" not in str(c.value).upper(), (
                        ws.title, c.coordinate, c.value)
                if c.hyperlink is not None:
                    assert ws.title == "Temuan" and c.hyperlink.target is None and c.hyperlink.location, (
                        ws.title, c.coordinate, c.hyperlink)
    missing = [text for text, where in found.items() if not where]
    assert not missing, f"not in the output as text: {missing}"
    assert "2.1 Renstra" in found[RISKY["tujuan"]] and HITUNG in found[RISKY["ind_a"]]
    assert "2.2 Renja" in found[RISKY["program"]] and "2.2 Renja" in found[RISKY["sub_kegiatan"]]
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.endswith(".rels"):
                rels = z.read(name).decode("utf-8")
                assert "/hyperlink" not in rels and 'TargetMode="External"' not in rels, (name, rels)


def test_fill_is_deterministic_strict_and_writes_the_check_json(tmp_path, sample):
    """A second run: same bytes, input untouched, --json as `check --json`, --strict exits 1 on the sample."""
    before = sample.input.read_bytes()
    assert before == SAMPLE.read_bytes()  # the first run (fixture) left the input as it was
    first_written = sample.output.stat().st_mtime
    time.sleep(max(0.0, first_written + 1.1 - time.time()))  # a different second on the clock
    out, report = tmp_path / "kedua.xlsx", tmp_path / "laporan.json"
    proc = fill(sample.input, "-o", str(out), "--json", str(report), "--strict", cwd=tmp_path, rc=1)
    assert proc.stderr == "" and "11 kesalahan" in proc.stdout
    assert out.read_bytes() == sample.output.read_bytes()
    assert sample.input.read_bytes() == before
    check = run_cli("check", str(sample.input), "--json", cwd=tmp_path)
    assert report.read_text(encoding="utf-8") == check.stdout
    assert json.loads(check.stdout) == json.loads(json.dumps(sample.report))
    assert fill(sample.input, "-o", str(tmp_path / "tanpa_strict.xlsx"), cwd=tmp_path).returncode == 0


def test_default_output_is_beside_the_input(filled):
    folder = filled["sample"].input.parent
    assert sorted(p.name for p in folder.iterdir()) == sorted(
        [f.input.name for f in filled.values()] + [f.output.name for f in filled.values()])
    assert not list(folder.parent.glob("*.xlsx"))  # nothing in the working directory


def test_existing_output_is_refused_without_force_and_replaced_with_it(tmp_path, sample):
    target = tmp_path / "ada.xlsx"
    target.write_bytes(b"isi lama")
    proc = fill(sample.input, "-o", str(target), cwd=tmp_path, rc=3)
    assert proc.stdout == ""
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and "sudah ada" in lines[0] and "--force" in lines[0], proc.stderr
    assert target.read_bytes() == b"isi lama"
    fill(sample.input, "-o", str(target), "--force", cwd=tmp_path)
    assert target.read_bytes() == sample.output.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ada.xlsx"]  # no temporary file left


def _fail_after_some_bytes(error: BaseException):
    def write_workbook(result, path):
        with open(path, "wb") as fh:
            fh.write(b"PK\x03\x04 separuh workbook")
        raise error
    return write_workbook


@pytest.mark.parametrize("existing", [False, True], ids=["new", "force-over-existing"])
def test_a_failed_write_leaves_no_output_and_no_temporary_file(tmp_path, monkeypatch, capsys, existing):
    from lkip_xl import cli
    from lkip_xl import writer

    src = tmp_path / "masukan.xlsx"
    shutil.copyfile(SAMPLE, src)
    target = tmp_path / "masukan_lkip.xlsx"
    if existing:
        target.write_bytes(b"hasil lama")
    monkeypatch.setattr(writer, "write_workbook",
                        _fail_after_some_bytes(OSError(errno.ENOSPC, "No space left on device")))
    monkeypatch.setattr(sys, "argv", ["lkip-xl", "fill", str(src), *(["--force"] if existing else [])])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 3
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and target.name in err and "Traceback" not in err, err
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([src.name] + ([target.name] if existing else []))
    if existing:
        assert target.read_bytes() == b"hasil lama"
    assert src.read_bytes() == SAMPLE.read_bytes()


def test_a_crash_while_writing_leaves_no_output_and_no_temporary_file(tmp_path, monkeypatch):
    from lkip_xl import cli
    from lkip_xl import writer

    src = tmp_path / "masukan.xlsx"
    shutil.copyfile(SAMPLE, src)
    monkeypatch.setattr(writer, "write_workbook", _fail_after_some_bytes(ZeroDivisionError("simulasi")))
    monkeypatch.setattr(sys, "argv", ["lkip-xl", "fill", str(src)])
    with pytest.raises((ZeroDivisionError, SystemExit)):
        cli.main()
    assert sorted(p.name for p in tmp_path.iterdir()) == [src.name]


# ----------------------------------------------------------------------------- 6 structure


def test_sheets_are_in_lkip_order(sample_values):
    sasaran = []
    for k in range(4):
        n = 2 + 3 * k
        sasaran += [f"3.{n} Capaian Sasaran {k + 1}", f"3.{n + 1} Pendukung Sasaran {k + 1}",
                    f"3.{n + 2} Efisiensi Sasaran {k + 1}"]
    assert sample_values.sheetnames == [
        "Ringkasan", "1.1 Jumlah Pegawai", "1.2 Nominatif Pegawai", "2.1 Renstra", "2.2 Renja", "2.3 IKU",
        "2.4 Perjanjian Kinerja", "3.1 Capaian Tujuan", *sasaran, "3.14 Realisasi Anggaran", "3.15 Efisiensi",
        "3.16 Jenis Belanja", "3.17 Penghargaan", "Inovasi", "Tindak Lanjut LHE", "4.1 Rangkuman PK",
        "Analisis Capaian", "Temuan", "Pembacaan Input", DATA_ANGGARAN, DATA_KINERJA, DATA_KOMPONEN, "Data Pemetaan",
        "Data Belanja", "Data Pegawai", DATA_DILAPORKAN, HITUNG]
    assert sample_values.active.title == "Ringkasan"


@pytest.mark.parametrize("name", NAMES)
def test_every_table_has_its_title_frozen_header_and_print_setup(filled, name):
    wb = load(filled[name].output, data_only=False)
    tables = table_sheets(wb)
    # Bab I opens the report when the input has a Pegawai sheet (the sample, SPEC §12)
    assert tables[0] == ("1.1 Jumlah Pegawai" if name == "sample" else "2.1 Renstra")
    assert tables[-1] == "4.1 Rangkuman PK"
    for title in tables:
        ws = wb[title]
        number = title.split(" ")[0]
        assert str(ws["A1"].value).startswith(f"Tabel {number} "), (title, ws["A1"].value)
        first, last = header_rows(ws)
        assert first == 3 and str(ws[f"A{first}"].value or "") != ""
        assert ws.freeze_panes is not None and int(re.sub(r"[A-Z]", "", ws.freeze_panes)) == last + 1, (
            title, ws.freeze_panes, ws.print_title_rows)
        setup = ws.page_setup
        assert ws.sheet_properties.pageSetUpPr.fitToPage, title
        fit = [1 if v is None else int(v) for v in (setup.fitToWidth, setup.fitToHeight)]  # OOXML default 1
        assert fit == [1, 0], (title, fit)  # one page wide, as many pages down as needed
        assert int(setup.paperSize) == 9, title  # A4
        assert setup.orientation == "landscape", (title, setup.orientation)  # SPEC §5


@pytest.mark.parametrize("name", ["sample", "negatif_selisih", "negatif_tr"])
def test_temuan_lists_every_finding_with_a_working_link(filled, name):
    f = filled[name]
    wb = load(f.output, data_only=False)
    values = load(f.output, data_only=True)
    ws = wb["Temuan"]
    col = labels(ws)
    first = header_rows(ws)[1] + 1
    findings = f.report["temuan"]
    assert findings
    colours = {"kesalahan": "FFFFC7CE", "peringatan": "FFFFEB9C"}
    problems = []
    groups = temuan_rows(findings)
    for i, group in enumerate(groups):
        r, t = first + i, group[0]
        shown = [ws.cell(r, col[label]).value for label in ("Kode", "Tingkat", "Sel input (berkas Anda)", "Pesan")]
        sel = f"{t['lembar']}!{t['sel']}" if " " not in t["lembar"] else f"'{t['lembar']}'!{t['sel']}"
        cells = ", ".join([sel] + [o["sel"] for o in group[1:]])  # one cause: its cells, the sheet named once
        if shown[:3] != [t["kode"], t["tingkat"], cells] or not shown[3].startswith(t["pesan"]) \
                or ws.cell(r, col["Jumlah temuan"]).value != len(group):
            problems.append(f"row {r}: {shown} vs {group}")
        if ws.cell(r, col["Jenis temuan"]).value != LABEL[t["kode"]]:
            problems.append(f"row {r}: no label next to {t['kode']}")
        for c in range(1, len(col) + 1):
            fill_ = ws.cell(r, c).fill
            if t["tingkat"] in colours and (fill_.fill_type, fill_.fgColor.rgb) != ("solid", colours[t["tingkat"]]):
                problems.append(f"{get_column_letter(c)}{r}: {t['tingkat']} row not filled {colours[t['tingkat']]}")
        link = ws.cell(r, col["Sel di workbook ini"]).hyperlink
        if link is not None and ws.cell(r, col["Sel di workbook ini"]).value != "Lihat di workbook":
            problems.append(f"row {r}: link text {ws.cell(r, col['Sel di workbook ini']).value!r}")
        if link is None or not link.location:
            problems.append(f"row {r} ({t['kode']} {t['lembar']}!{t['sel']}): no internal link")
            continue
        sheet, coord = link.location.rsplit("!", 1)
        sheet = sheet.strip("'").replace("''", "'")
        if sheet not in values.sheetnames:
            problems.append(f"row {r}: link to missing sheet {sheet}")
            continue
        got = values[sheet][coord].value
        want = input_value(f.input, t["lembar"], t["sel"])
        # A DUK cell holding Nama and NIP (the sample's Pegawai) is split: the link opens the NIP the finding is about.
        split = t["kode"] == "PEGAWAI_TIDAK_VALID" and isinstance(got, str) and got in str(want)
        if not same(got, want) and not split:
            problems.append(f"row {r} ({t['kode']}): link {sheet}!{coord} holds {got!r}, "
                            f"input {t['lembar']}!{t['sel']} holds {want!r}")
    assert ws.cell(first + len(groups), col["Kode"]).value is None
    assert not problems, "\n".join(problems)


@pytest.mark.libreoffice
def test_correcting_the_claims_turns_their_selisih_to_sudah_sesuai(sample, claims_fixed, recalculated):
    path, rows = claims_fixed
    assert len(rows) == 7  # the eleven wrong claims are seven causes, a Temuan row each
    before = load(sample.output, data_only=True)["Temuan"]
    formulas = load(sample.output, data_only=False)["Temuan"]
    after = load(recalculated["claims_fixed"], data_only=True)["Temuan"]
    col = labels(formulas)
    for r in rows:
        assert formulas.cell(r, col["Selisih"]).data_type == "f"  # live, not a typed number
        assert before.cell(r, col["Status"]).value == "Belum sesuai"
        assert before.cell(r, col["Selisih"]).value != 0
        assert after.cell(r, col["Status"]).value == "Sudah sesuai", r
        assert after.cell(r, col["Selisih"]).value == 0, r
    dilaporkan = load(recalculated["claims_fixed"], data_only=True)[DATA_DILAPORKAN]
    status = labels(dilaporkan)["Status"]
    statuses = [dilaporkan.cell(r, status).value for r in range(4, dilaporkan.max_row + 1)]
    assert "Tidak sesuai" not in statuses and statuses.count("Sesuai") > 90


# each conditional format's rule by its test, and the figure the column it colours must show (header text)
COLOUR_RULES = {"serapan > 100 %": (re.compile(r">100\b"), re.compile(r"serapan|rasio|keuangan.*/ capaian", re.I)),
                "sisa < 0": (re.compile(r"<0\b"), re.compile(r"^sisa", re.I)),
                "kategori band": (re.compile(r"'Perhitungan Kinerja'!\$B\$\d+"), re.compile(r"kategori", re.I))}


@pytest.mark.parametrize("name", ["sample", *BUILDERS])
def test_every_conditional_format_colours_the_column_of_its_figure(filled, name):
    """Found by the header text of the column it sits on, never by a fixed letter: serapan's red on
    the serapan column, the sisa rule on Sisa, the kategori bands on Kategori (issue 19 item 2); and
    every Serapan column of a table carries its rule."""
    wb = load(filled[name].output, data_only=False)
    problems, seen = [], set()
    for ws in wb:
        if not (ws.title[:1].isdigit() or ws.title in (HITUNG, DATA_ANGGARAN)):
            continue
        label = {c: text for text, c in labels(ws).items()}
        for cf in ws.conditional_formatting:
            first_col, _, last_col, _ = range_boundaries(str(cf.sqref))
            for rule in cf.rules:
                kind = next((k for k, (test, _) in COLOUR_RULES.items() if test.search(rule.formula[0])), None)
                assert kind, f"{ws.title}: a rule no test knows: {rule.formula}"
                for c in range(first_col, last_col + 1):
                    seen.add((ws.title, c, kind))
                    if not COLOUR_RULES[kind][1].search(label.get(c, "")):
                        problems.append(f"{ws.title}!{get_column_letter(c)} ({label.get(c)!r}): {kind}")
        for c, text in label.items():
            if re.search(r"serapan", text, re.I) and (ws.title, c, "serapan > 100 %") not in seen:
                problems.append(f"{ws.title}!{get_column_letter(c)} ({text!r}) has no serapan rule")
    assert not problems, "\n".join(problems)


def _as_shown(value: float, number_format: str) -> str:
    """What a number format of ours shows (digits, thousands, decimals and the quoted unit)."""
    digits, _, unit = number_format.partition('"')
    decimals = len(digits.partition(".")[2]) if "0" in digits else 2
    return f"{value:,.{decimals}f}" + unit.replace('"', "")


def _column_width(ws, col: int) -> float:
    for dim in ws.column_dimensions.values():
        if dim.min and dim.max and dim.min <= col <= dim.max and dim.width:
            return dim.width
    return 8.43


@pytest.mark.parametrize("name", ["sample", *BUILDERS])
def test_every_number_fits_its_column_with_its_unit(filled, name):
    """A column is as wide as its widest value as shown, unit included (`87,75 Indeks` in 2.1 Renstra)."""
    wb = load(filled[name].output, data_only=True)
    narrow = []
    for ws in wb:
        if not ws.title[:1].isdigit():
            continue
        for row in ws.iter_rows(min_row=header_rows(ws)[1] + 1):
            for c in row:
                if isinstance(c.value, (int, float)) and not isinstance(c.value, bool):
                    text = _as_shown(c.value, c.number_format)
                    # Arial 9 in LibreOffice: at least 1.2 characters a unit of width, plus the padding
                    if len(text) / 1.2 + 0.9 > _column_width(ws, c.column):
                        narrow.append(f"{ws.title}!{c.coordinate} {text!r} in {_column_width(ws, c.column)}")
    assert not narrow, "\n".join(narrow[:20])


@pytest.mark.parametrize("name", ["sample", *BUILDERS])
def test_pk_prints_the_unit_once(filled, name):
    """2.4 PK has a Satuan column: the Target's number format does not repeat the unit (issue 19 item 4)."""
    wb = load(filled[name].output, data_only=True)
    ws = wb[sheet_named(wb, "Perjanjian Kinerja")]
    col = labels(ws)
    twice, units_seen = [], set()
    for r in range(header_rows(ws)[1] + 1, ws.max_row + 1):
        satuan = ws.cell(r, col["Satuan"]).value
        target = ws.cell(r, col["Target"])
        if satuan and isinstance(target.value, (int, float)):
            units_seen.add(satuan)
            if '"' in target.number_format:
                twice.append(f"{target.coordinate}: {target.number_format!r} beside {satuan!r}")
    assert units_seen and not twice, twice


def test_a_table_with_no_data_is_left_out_and_the_numbers_close_up(tmp_path):
    """A dinas with no tujuan indicator, no IKU text and a Renja without No., indikator or target kinerja
    (SPEC §12, issue 19 item 5): 3.1 Capaian Tujuan and 2.3 IKU are not printed, the tables after them
    take their numbers, each title says its new number, and Renja's blank columns are dropped."""
    data = minimal()
    drop(data["kinerja"], IND_T)
    for row in data["kinerja"][1:]:
        row[-1] = None  # Penanggung Jawab, the one IKU column
    fill(build(tmp_path, "dinas.xlsx", **data), cwd=tmp_path)
    wb = load(tmp_path / "dinas_lkip.xlsx", data_only=True)
    tables = table_sheets(wb)
    assert tables[:5] == ["2.1 Renstra", "2.2 Renja", "2.3 Perjanjian Kinerja", "3.1 Capaian Sasaran 1",
                          "3.2 Pendukung Sasaran 1"], tables
    assert not [n for n in tables if "IKU" in n or "Tujuan" in n]
    for name in tables:
        assert str(wb[name]["A1"].value).startswith(f"Tabel {name.split()[0]} "), (name, wb[name]["A1"].value)
    renja = wb["2.2 Renja"]
    assert set(labels(renja)) == {"Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu (Rp)"}, labels(renja)
    temuan = wb["Temuan"]
    assert sum(1 for row in temuan.iter_rows() for c in row if c.value == "TABEL_KOSONG") == 2


def test_budget_tables_with_nothing_to_show_are_left_out_and_the_numbers_close_up(tmp_path):
    """Issue 19: a sasaran none of whose indicators is mapped loses its Pendukung and Efisiensi tables (they
    would print a header and blank money only); with an empty DPA every budget table goes (Renja, Pendukung,
    Efisiensi, Realisasi Anggaran); the tables after them take their numbers, titles included."""
    data = minimal()
    drop(data["pemetaan"], IND_A)
    fill(build(tmp_path, "sebagian.xlsx", **data), cwd=tmp_path)
    wb = load(tmp_path / "sebagian_lkip.xlsx", data_only=True)
    tables = table_sheets(wb)
    assert tables == ["2.1 Renstra", "2.2 Renja", "2.3 IKU", "2.4 Perjanjian Kinerja", "3.1 Capaian Tujuan",
                      "3.2 Capaian Sasaran 1", "3.3 Capaian Sasaran 2", "3.4 Pendukung Sasaran 2",
                      "3.5 Efisiensi Sasaran 2", "3.6 Realisasi Anggaran", "3.7 Efisiensi", "4.1 Rangkuman PK"], tables
    for name in tables:
        assert str(wb[name]["A1"].value).startswith(f"Tabel {name.split()[0]} "), (name, wb[name]["A1"].value)
    assert "Kinerja Sasaran Kedua" in wb["3.4 Pendukung Sasaran 2"]["A1"].value
    fill(build(tmp_path, "tanpa.xlsx", dpa=[["Kode", "Uraian", "Pagu"]],
               realisasi=[["Kode", "Uraian", "Pagu", "Realisasi"]], pemetaan=None), cwd=tmp_path)
    wb = load(tmp_path / "tanpa_lkip.xlsx", data_only=True)
    tables = table_sheets(wb)
    assert tables == ["2.1 Renstra", "2.2 IKU", "2.3 Perjanjian Kinerja", "3.1 Capaian Tujuan",
                      "3.2 Capaian Sasaran 1", "3.3 Capaian Sasaran 2", "4.1 Rangkuman PK"], tables
    temuan = wb["Temuan"]
    assert sum(1 for row in temuan.iter_rows() for c in row if c.value == "TABEL_KOSONG") == 1


def test_iku_columns_blank_on_every_row_are_dropped(filled):
    """The builder inputs fill one IKU column (Penanggung Jawab): the other five are not printed."""
    wb = load(filled["tepi"].output, data_only=True)
    assert list(labels(wb[sheet_named(wb, "IKU")])) == [
        "No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja Utama", "Penanggung Jawab"]


def _charts(path: Path) -> list[str]:
    with zipfile.ZipFile(path) as z:
        return [z.read(n).decode() for n in sorted(z.namelist()) if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]


C_NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
        "a": "http://schemas.openxmlformats.org/drawingml/2006/main"}


def _band_columns(ws, names: list[str]) -> tuple[int, dict[str, int]]:
    """The Ringkasan header row of the capaian chart's helper columns, and each band's column (1-based)."""
    for row in ws.iter_rows():
        found = {c.value: c.column for c in row if c.value in names}
        if len(found) == len(names) and any(c.value == "Acuan 100 %" for c in row):
            return row[0].row, found
    raise AssertionError(f"no helper header naming {names}")


def test_charts_colour_capaian_by_kategori_and_show_programs_beside_a_dominant_one(filled):
    """Issue 19 items 2 and 6: each capaian bar in its kategori band's colour, live: a column series per
    band of the office's scale, overlapping in one slot, in the band's colour and named by it in the
    legend, over hidden helper formulas (the capaian in its band's column, #N/A, no bar, in the others).
    The sample's Program Penunjang (6,0 of 8,0 miliar) flattens the other programs, so they get a chart of
    their own; a capaian that cannot be computed says so under its place."""
    import xml.etree.ElementTree as ET

    from lkip_xl.writer.book import Book

    charts = _charts(filled["sample"].output)
    titles = [re.findall(r"<a:t>([^<]*)</a:t>", c) for c in charts]
    assert len(charts) == 3, titles
    assert any("tanpa Program Penunjang" in " ".join(t) for t in titles), titles
    # both program charts name their series by the table's header cells (Pagu, Realisasi), not a data row
    pagu = [re.findall(r"<c:tx><c:strRef><c:f>([^<]*)</c:f>", c) for c in charts if "per program" in c]
    assert len(pagu) == 2 and pagu[0] == pagu[1] and len(pagu[0]) == 2, pagu
    scales = set()
    for name, f in filled.items():
        names = [n for _, n in f.result.skala]
        scales.add(tuple(names))
        chart = ET.fromstring(next(c for c in _charts(f.output) if "Capaian indikator" in c))
        bar = chart.find(".//c:barChart", C_NS)
        series = bar.findall("c:ser", C_NS)
        assert bar.find("c:overlap", C_NS).get("val") == "100", name
        assert bar.find(".//c:dPt", C_NS) is None, name  # no colour fixed per point
        assert 'dispNaAsBlank val="1"' in ET.tostring(chart, encoding="unicode"), name  # #N/A: no label either
        formulas = load(f.output, data_only=False)["Ringkasan"]
        values = load(f.output, data_only=True)["Ringkasan"]
        header, column = _band_columns(values, names)
        assert [s.find("c:tx/c:strRef/c:strCache/c:pt/c:v", C_NS).text for s in series] == names, name
        for k, (band, s) in enumerate(zip(names, series)):
            colour = s.find("c:spPr/a:solidFill/a:srgbClr", C_NS).get("val")
            assert "#" + colour == Book.BANDS[round(k * 4 / (len(names) - 1))]["font_color"], (name, band)
            assert s.find("c:dLbls/c:showVal", C_NS).get("val") == "1"
            letter = get_column_letter(column[band])
            assert s.find("c:tx/c:strRef/c:f", C_NS).text == f"Ringkasan!${letter}${header}"
            first, last = header + 1, header + len(f.result.indicators)
            assert s.find("c:val/c:numRef/c:f", C_NS).text == f"Ringkasan!${letter}${first}:${letter}${last}"
            for i, ind in enumerate(f.result.indicators):
                cell = f"{letter}{first + i}"
                assert str(formulas[cell].value).startswith("=IF(") and "NA()" in formulas[cell].value, cell
                ok = ind.kategori == band and isinstance(ind.capaian, (int, float))
                assert values[cell].value == (ind.capaian if ok else "#N/A"), (name, cell)
            # the cache Excel and previews draw before recalculating: this band's bars only
            cached = {int(p.get("idx")): float(p.find("c:v", C_NS).text)
                      for p in s.iterfind("c:val/c:numRef/c:numCache/c:pt", C_NS)}
            assert cached == {i: ind.capaian for i, ind in enumerate(f.result.indicators)
                              if ind.kategori == band and isinstance(ind.capaian, (int, float))}, (name, band)
        # the helper columns are hidden: they never print (the page is columns A–E)
        hidden = {c for d in formulas.column_dimensions.values() if d.hidden for c in range(d.min, d.max + 1)}
        assert set(column.values()) <= hidden, name
        missing = [i for i in f.result.indicators if not isinstance(i.capaian, (int, float))]
        labels_shown = [str(c.value) for row in values.iter_rows(min_col=7, max_col=7) for c in row if c.value]
        assert sum("(tidak dapat dihitung)" in t for t in labels_shown) == len(missing), name
    assert any(not isinstance(i.capaian, (int, float)) for f in filled.values() for i in f.result.indicators)
    assert len(scales) > 1  # a custom scale among the inputs
