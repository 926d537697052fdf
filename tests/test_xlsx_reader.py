"""The streaming .xlsx reader against openpyxl as the oracle, and its fast path against expat."""
from __future__ import annotations

import datetime
import zipfile
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter

from lkip_xl.reader import xlsx
from lkip_xl.reader.xlsx import XlsxFile

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "kecamatan_juai_2024.xlsx"


def grids(path: Path, *, expat_only: bool = False, monkeypatch=None) -> dict[str, xlsx.Grid]:
    if expat_only:
        def refuse(self, part, sink):
            raise xlsx._Fallback
        monkeypatch.setattr(XlsxFile, "_scan_sheet", refuse)
    book = XlsxFile(str(path), path.name)
    try:
        return {g.name: g for g in book.read_sheets(book.sheets)}
    finally:
        book.close()


def oracle(path: Path) -> dict[str, dict]:
    """Values, number formats and merged ranges as openpyxl reads them."""
    wb = openpyxl.load_workbook(path, data_only=True)
    out = {}
    for ws in wb.worksheets:
        values, formats = {}, {}
        for row in ws.iter_rows():
            for cell in row:
                v = cell.value
                if v is None or (isinstance(v, str) and not v.strip()):
                    continue
                values[(cell.row, cell.column)] = v
                if cell.number_format != "General":
                    formats[(cell.row, cell.column)] = cell.number_format
        merges = sorted((r.min_row, r.min_col, r.max_row, r.max_col) for r in ws.merged_cells.ranges)
        hidden_cols = {c for letter, d in ws.column_dimensions.items() if d.hidden
                       for c in range(d.min, d.max + 1)}
        hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
        out[ws.title] = {"values": values, "formats": formats, "merges": merges,
                         "hidden_cols": hidden_cols, "hidden_rows": hidden_rows}
    return out


def rich_workbook(path: Path) -> Path:
    """Everything a cell can hold, written by xlsxwriter (shared strings, styles, formulas with values)."""
    wb = xlsxwriter.Workbook(path, {"strings_to_numbers": False, "strings_to_formulas": False,
                                    "strings_to_urls": False})
    ws = wb.add_worksheet("DPA")
    money = wb.add_format({"num_format": "#,##0"})
    pct = wb.add_format({"num_format": "0.00%"})
    date = wb.add_format({"num_format": "dd/mm/yyyy"})
    code = wb.add_format({"num_format": "0000"})
    bold = wb.add_format({"bold": True})
    ws.merge_range("A1:F1", "DOKUMEN PELAKSANAAN ANGGARAN & <REALISASI>", bold)
    ws.write_row(2, 0, ["Kode", "Uraian", "Pagu", "%", "Tanggal", "Catatan"])
    ws.write_string(3, 0, "7.01.01")
    ws.write_rich_string(3, 1, "Program ", bold, "Penunjang", " Urusan")
    ws.write_number(3, 2, 6025173178, money)
    ws.write_number(3, 3, 0.9367, pct)
    ws.write_datetime(3, 4, datetime.datetime(2024, 12, 31), date)
    ws.write_string(3, 5, "Ünïcödé — “kutip” ✓ 𝔸")
    ws.write_number(4, 0, 1, code)
    ws.write_formula(4, 2, "=C4*2", money, 12050346356)
    ws.write_formula(4, 3, "=1/0", None, "#DIV/0!")
    ws.write_boolean(4, 4, True)
    ws.write_formula(4, 5, '="a"&"b"', None, "ab")
    ws.write_number(5, 2, -1250000.5)
    ws.write_number(5, 3, 1e-7)
    ws.write_string(5, 5, "   ")
    ws.write_number(6, 2, 12345678901234567890)
    ws.set_column(6, 7, None, None, {"hidden": True})
    ws.write_string(6, 6, "tersembunyi")
    ws.set_row(7, None, None, {"hidden": True})
    ws.write_string(7, 0, "baris tersembunyi")
    ws.merge_range("B9:B11", "Sasaran tergabung")
    ws.write_column(8, 2, [1, 2, 3])
    ws2 = wb.add_worksheet("Realisasi")
    ws2.write_string(0, 0, "Uraian")  # the same shared string as in DPA
    ws2.write_string(1, 0, "Program Penunjang")
    wb.close()
    return path


@pytest.fixture(scope="module")
def workbooks(tmp_path_factory) -> list[Path]:
    folder = tmp_path_factory.mktemp("xlsx")
    return [SAMPLE, rich_workbook(folder / "kaya.xlsx")]


def test_same_as_openpyxl(workbooks):
    for path in workbooks:
        expected = oracle(path)
        for name, grid in grids(path).items():
            want = expected[name]
            assert grid.values == want["values"], (path.name, name)
            assert grid.formats == {k: v for k, v in want["formats"].items() if k in want["values"]}, (path.name, name)
            assert sorted(grid.merges) == want["merges"], (path.name, name)
            assert grid.hidden_cols == want["hidden_cols"] and grid.hidden_rows == want["hidden_rows"], name


def test_fast_path_equals_expat(workbooks, monkeypatch):
    for path in workbooks:
        fast = grids(path)
        slow = grids(path, expat_only=True, monkeypatch=monkeypatch)
        monkeypatch.undo()
        for name in fast:
            for attr in ("values", "formats", "merges", "hidden_rows", "hidden_cols", "uncached_formulas",
                         "external_refs", "long_texts"):
                assert getattr(fast[name], attr) == getattr(slow[name], attr), (path.name, name, attr)


def test_fast_path_is_taken_for_ordinary_files(workbooks, monkeypatch):
    """Excel-like XML must not silently fall back to the slow path."""
    def no_fallback(self, part, sink):
        raise AssertionError(f"fell back to expat on {part}")
    monkeypatch.setattr(XlsxFile, "_expat_sheet", no_fallback)
    for path in workbooks:
        grids(path)


def test_escaped_control_characters_and_entities(tmp_path):
    src = rich_workbook(tmp_path / "a.xlsx")
    dst = tmp_path / "b.xlsx"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/sharedStrings.xml":
                data = data.replace(b"<t>Kode</t>", b"<t>Ko&#100;e_x000D_&amp;</t>")
            zout.writestr(info, data)
    values = grids(dst)["DPA"].values
    assert values[(3, 1)] == "Kode\r&"
