"""Write small input workbooks (SPEC §3) for the tests.

Every sheet is a list of rows; the first row written is row 1 of the sheet, so
`rows[k]` lands on Excel row k + 1 (title rows, blank rows and two-row headers
are just more rows). A cell is a plain value, or `(value, number_format)`.

    data = minimal()                     # a clean dataset: no kesalahan/peringatan/info
    put(data["dpa"], "7.01.02", "Pagu", 1)  # change one cell, found by row key and header label
    path = build(tmp_path, **data)

`build(tmp_path, dpa=[...])` takes every sheet not given from `minimal()`;
`pemetaan=None` leaves an optional sheet out; `identitas={"Rumus Efisiensi": "Selisih"}`
changes or adds Identitas keys. A sheet may also be given as
`sheet(rows, name="Renstra", merge=["A1:C1"])` to choose its name or merge cells.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter

from lkip_xl.api import analyse

ROLES = ("identitas", "kinerja", "komponen", "dpa", "realisasi", "pemetaan", "belanja", "dilaporkan", "skala")
DEFAULT_NAMES = {"identitas": "Identitas", "kinerja": "Kinerja", "komponen": "Komponen", "dpa": "DPA",
                 "realisasi": "Realisasi", "pemetaan": "Pemetaan", "belanja": "Belanja",
                 "dilaporkan": "Dilaporkan", "skala": "Skala"}

# Names used by the minimal dataset.
TUJUAN = "Terwujudnya Tata Kelola Pemerintahan yang Baik"
SAS_A = "Meningkatnya Kualitas Pelayanan"
SAS_B = "Meningkatnya Ketertiban Desa"
IND_T = "Indeks Kepuasan Masyarakat"
IND_A = "Persentase Layanan Tepat Waktu"
IND_B = "Jumlah Desa Tertib"

M = 1_000_000  # amounts in millions of Rupiah keep the figures readable


@dataclass
class SheetSpec:
    rows: list[list[Any]]
    name: str | None = None
    merge: list[str] = field(default_factory=list)


def sheet(rows: list[list[Any]], name: str | None = None, merge: list[str] | tuple[str, ...] = ()) -> SheetSpec:
    return SheetSpec(rows, name, list(merge))


def minimal() -> dict[str, Any]:
    """A clean input: 1 tujuan + 2 sasaran indicators (with one IKU column, Penanggung Jawab, so that every
    table has data), 2 programs, 3 kegiatan, 4 sub kegiatan.

    Pagu:      7.01.01.2.01.0001 100 M | 7.01.02.2.01.0001 40 M | .0002 60 M | 7.01.02.2.02.0001 50 M
    Realisasi:                    90 M |                  38 M |      57 M |                  45 M
    Total 250 M / 230 M (92 %). Indicator A is supported by kegiatan 7.01.02.2.01 (100 M / 95 M, 95 %),
    B by sub kegiatan 7.01.02.2.02.0001 (50 M / 45 M, 90 %); the tujuan by the whole budget.
    Capaian: tujuan 83/82, A 95/95 = 100, B 12/12 = 100; efisiensi A 5, B 10; E = 7,5.
    """
    data: dict[str, Any] = {
        "identitas": [
            ["Kunci", "Nilai"],
            ["SKPD", "Kecamatan Uji"],
            ["Pemerintah Daerah", "Kabupaten Contoh"],
            ["Tahun", 2024],
            ["Periode Renstra", "2023-2025"],
            ["Kepala SKPD", "Budi Santoso"],
        ],
        "kinerja": [
            ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas",
             "Target 2023", "Target 2024", "Target 2025", "Realisasi 2023", "Realisasi 2024", "Penanggung Jawab"],
            ["Tujuan", TUJUAN, None, IND_T, "Indeks", "Positif", 80, 82, 84, 81, 83, "Camat"],
            ["Sasaran", TUJUAN, SAS_A, IND_A, "%", "Positif", 90, 95, 100, 92, 95, "Kepala Seksi Pelayanan"],
            ["Sasaran", TUJUAN, SAS_B, IND_B, "Desa", "Positif", 10, 12, 14, 10, 12, "Kepala Seksi Pemerintahan"],
        ],
        "dpa": [
            ["Kode", "Uraian", "Pagu"],
            ["7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", 100 * M],
            ["7.01.01.2.01", "Administrasi Keuangan Perangkat Daerah", 100 * M],
            ["7.01.01.2.01.0001", "Penyediaan Gaji dan Tunjangan ASN", 100 * M],
            ["7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 150 * M],
            ["7.01.02.2.01", "Pelayanan kepada Masyarakat", 100 * M],
            ["7.01.02.2.01.0001", "Pelayanan Administrasi Kependudukan", 40 * M],
            ["7.01.02.2.01.0002", "Pelayanan Perizinan", 60 * M],
            ["7.01.02.2.02", "Ketertiban Desa", 50 * M],
            ["7.01.02.2.02.0001", "Pembinaan Ketertiban Desa", 50 * M],
            [None, "Jumlah", 250 * M],
        ],
        "realisasi": [
            ["Kode", "Uraian", "Pagu", "Realisasi", "%", "Sisa"],
            ["7.01.01", "Program Penunjang Urusan Pemerintahan Daerah", 100 * M, 90 * M, 90, 10 * M],
            ["7.01.01.2.01", "Administrasi Keuangan Perangkat Daerah", 100 * M, 90 * M, 90, 10 * M],
            ["7.01.01.2.01.0001", "Penyediaan Gaji dan Tunjangan ASN", 100 * M, 90 * M, 90, 10 * M],
            ["7.01.02", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 150 * M, 140 * M,
             "93,33", 10 * M],
            ["7.01.02.2.01", "Pelayanan kepada Masyarakat", 100 * M, 95 * M, 95, 5 * M],
            ["7.01.02.2.01.0001", "Pelayanan Administrasi Kependudukan", 40 * M, 38 * M, 95, 2 * M],
            ["7.01.02.2.01.0002", "Pelayanan Perizinan", 60 * M, 57 * M, 95, 3 * M],
            ["7.01.02.2.02", "Ketertiban Desa", 50 * M, 45 * M, 90, 5 * M],
            ["7.01.02.2.02.0001", "Pembinaan Ketertiban Desa", 50 * M, 45 * M, 90, 5 * M],
            [None, "Total", 250 * M, 230 * M, 92, 20 * M],
        ],
        "pemetaan": [
            ["Indikator", "Kode"],
            [IND_A, "7.01.02.2.01"],
            [IND_B, "7.01.02.2.02.0001"],
        ],
        "komponen": None,
        "belanja": None,
        "dilaporkan": None,
        "skala": None,
        "extra_sheets": None,
    }
    return copy.deepcopy(data)


_MISSING = object()


def build(tmp_path: Path, file_name: str = "input.xlsx", **sheets: Any) -> Path:
    """Write the workbook; sheets not given come from `minimal()`, None leaves a sheet out.

    `extra_sheets={"Catatan": rows}` adds sheets under their own names.
    """
    unknown = set(sheets) - set(ROLES) - {"extra_sheets"}
    if unknown:
        raise TypeError(f"unknown sheet(s): {sorted(unknown)}")
    base = minimal()
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for role in ROLES:
        spec = sheets.get(role, _MISSING)
        if spec is _MISSING:
            spec = base[role]
        if spec is None:
            continue
        if role == "identitas" and isinstance(spec, dict):
            spec = identitas_rows(spec)
        if not isinstance(spec, SheetSpec):
            spec = SheetSpec(spec)
        _write(wb.create_sheet(spec.name or DEFAULT_NAMES[role]), spec)
    for name, spec in (sheets.get("extra_sheets") or {}).items():
        if not isinstance(spec, SheetSpec):
            spec = SheetSpec(spec)
        _write(wb.create_sheet(spec.name or name), spec)
    path = Path(tmp_path) / file_name
    wb.save(path)
    return path


def identitas_rows(changes: dict[str, Any]) -> list[list[Any]]:
    """The minimal Identitas with `{key: value}` changed or added; a None value removes the key."""
    rows = [list(r) for r in minimal()["identitas"]]
    for key, value in changes.items():
        row = next((r for r in rows[1:] if r[0] == key), None)
        if row is None:
            rows.append([key, value])
        else:
            row[1] = value
    return [r for r in rows if r[1] is not None]


def _write(ws, spec: SheetSpec) -> None:
    for r, row in enumerate(spec.rows, start=1):
        for c, value in enumerate(row or [], start=1):
            fmt = None
            if isinstance(value, tuple):
                value, fmt = value
            if value is None and fmt is None:
                continue
            cell = ws.cell(row=r, column=c)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # text stays text, whatever it starts with
            if fmt:
                cell.number_format = fmt
    for rng in spec.merge:
        ws.merge_cells(rng)


# ------------------------------------------------------------------ editing


def _rows(rows_or_spec: Any) -> list[list[Any]]:
    return rows_or_spec.rows if isinstance(rows_or_spec, SheetSpec) else rows_or_spec


def find_row(rows: Any, key: Any) -> int:
    """Index (0-based; Excel row = index + 1) of the first row holding `key` in any cell."""
    for i, row in enumerate(_rows(rows)):
        if row and any((v[0] if isinstance(v, tuple) else v) == key for v in row):
            return i
    raise KeyError(key)


def find_col(rows: Any, label: str, header_row: int = 0) -> int:
    """Index (0-based) of the header cell `label`."""
    return _rows(rows)[header_row].index(label)


def put(rows: Any, key: Any, label: str, value: Any, header_row: int = 0) -> None:
    """Set the cell of row `key` under header `label`."""
    rows = _rows(rows)
    i, c = find_row(rows, key), find_col(rows, label, header_row)
    row = rows[i]
    row.extend([None] * (c + 1 - len(row)))
    row[c] = value


def ref(rows: Any, key: Any, label: str, header_row: int = 0) -> str:
    """A1 reference of the cell `put(rows, key, label, …)` would set."""
    return f"{get_column_letter(find_col(rows, label, header_row) + 1)}{find_row(rows, key) + 1}"


def drop(rows: Any, key: Any) -> None:
    """Remove the row holding `key`."""
    del _rows(rows)[find_row(rows, key)]


# ------------------------------------------------------------------ running


def run(tmp_path: Path, **sheets: Any):
    """Build and analyse; the Result."""
    return analyse(str(build(tmp_path, **sheets)))


def codes(result) -> list[str]:
    return [f.kode for f in result.findings]


def only(result, kode: str):
    """The single finding with `kode` (fails when there are none or several)."""
    hits = [f for f in result.findings if f.kode == kode]
    assert len(hits) == 1, f"expected one {kode}, got {[(f.kode, f.sel, f.pesan) for f in result.findings]}"
    return hits[0]


def temuan_rows(findings: list) -> list[list]:
    """The findings (Finding objects or report dicts) as the Temuan sheet lists them: one row per cause
    (kelompok), in order of its first finding (writer/review.cause_rows)."""
    rows: list[list] = []
    at: dict = {}
    for f in findings:
        key = f["kelompok"] if isinstance(f, dict) else f.kelompok
        if key is None:
            rows.append([f])
        elif key in at:
            at[key].append(f)
        else:
            at[key] = [f]
            rows.append(at[key])
    return rows


def temuan_firsts(findings: list) -> list:
    """The finding each Temuan row shows first."""
    return [row[0] for row in temuan_rows(findings)]
