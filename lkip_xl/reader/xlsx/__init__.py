"""A streaming .xlsx reader with hard limits: only the sheets asked for, values, number formats,
merged ranges and hidden rows/columns, in bounded memory and time.

Why not openpyxl: it loads every sheet, materialises every merged cell and copies every shared
string per cell before any limit can apply (a 13 KB file with one sheet-wide merge took 6.8 GB).
Here every part is parsed by expat as it inflates, and each limit stops the parse the moment it
is crossed, with one Indonesian sentence.

One parser: expat, namespace-aware (the SpreadsheetML main and strict namespaces, or none; an
element of any other namespace, mc:AlternateContent included, is skipped with all it holds). A
worksheet is first scanned by a fast path for the XML that Excel, LibreOffice, openpyxl and
xlsxwriter write; whatever it does not read exactly as expat does (prefixes, comments, other
encodings, unusual cell bodies, anything it cannot account for) goes to expat. Every scan is linear:
bounded patterns and `find` loops, never a lazy `.*?` over untrusted bytes. tests/test_reader_fuzz.py
proves the two equal over thousands of generated sheets.

One module per part of the file, as openpyxl splits the same job: package (the zip container,
relationships, budgets and the expat driving), workbook, styles, sharedstrings, worksheet; xml holds
what they share. XlsxFile puts them together; the names other modules use are re-exported here.
"""
from __future__ import annotations

from lkip_xl.reader.xlsx.package import (
    CHUNK, MAX_CELLS, MAX_CHARS, MAX_PART_BYTES, MAX_RATIO, MAX_READ_BYTES, MAX_RELATIONSHIPS, MAX_TOKEN_BYTES,
    MAX_ZIP_ENTRIES, PACKAGE_REL_NS, RATIO_FLOOR_BYTES, Package,
)
from lkip_xl.reader.xlsx.sharedstrings import read_shared
from lkip_xl.reader.xlsx.styles import BUILTIN_FORMATS, MAX_STYLES, is_date_format, is_duration_format, read_styles
from lkip_xl.reader.xlsx.workbook import MAX_SHEETS, SheetInfo, read_workbook
from lkip_xl.reader.xlsx.worksheet import (
    MAX_COL, MAX_MERGED_CELLS, MAX_MERGES, MAX_ROW, Grid, _CellSink, _clip_merges, col_index, column_letter,
    expat_sheet, parse_ref, scan_sheet,
)
from lkip_xl.reader.xlsx.xml import MAIN_NS, MAX_TEXT, _Fallback, clean_text
from lkip_xl.textfmt import angka, short_name

__all__ = [
    "BUILTIN_FORMATS", "CHUNK", "MAIN_NS", "MAX_CELLS", "MAX_CHARS", "MAX_COL", "MAX_MERGED_CELLS", "MAX_MERGES",
    "MAX_PART_BYTES", "MAX_RATIO", "MAX_READ_BYTES", "MAX_RELATIONSHIPS", "MAX_ROW", "MAX_SHEETS", "MAX_STYLES",
    "MAX_TEXT", "MAX_TOKEN_BYTES", "MAX_ZIP_ENTRIES", "PACKAGE_REL_NS", "RATIO_FLOOR_BYTES",
    "Grid", "SheetInfo", "XlsxFile",
    "clean_text", "col_index", "column_letter", "is_date_format", "is_duration_format", "parse_ref",
]


class XlsxFile(Package):
    """An opened .xlsx: the sheet list at once, each sheet's grid on demand."""

    def __init__(self, path: str, display_name: str):
        super().__init__(path, display_name)
        self.date1904, self.sheets = read_workbook(self)
        self._styles: list[str | None] | None = None
        self._shared: list[str] | None = None

    # ------------------------------------------------------------------ sheet

    def read_sheets(self, infos: list[SheetInfo]) -> list[Grid]:
        """The grids of `infos`; the shared strings are read once, and only those the sheets use."""
        if self._styles is None:
            self._styles = read_styles(self)
        pending = [self._read_sheet(info) for info in infos]
        wanted = set().union(*(cells for _, cells in pending))
        texts, count = read_shared(self, wanted) if wanted else ({}, 0)
        for grid, shared_cells in pending:
            values, formats = grid.values, grid.formats
            for index, cells in shared_cells.items():
                found = texts.get(index)
                if found is None:
                    r, c = min(cells)
                    raise self._refuse(
                        f"sel {column_letter(c)}{r} di lembar {short_name(grid.name)} merujuk teks bersama nomor "
                        f"{index}, padahal berkas hanya memuat {angka(count, 0)} teks bersama (berkas rusak)")
                text, cut = found
                if text.strip():
                    values.update(dict.fromkeys(cells, text))  # cells already in values: their order kept
                    if cut:
                        grid.long_texts.extend(cells)
                else:
                    for rc in cells:
                        values.pop(rc, None)
                        formats.pop(rc, None)
            grid.merges = _clip_merges(grid.merges, grid, self._refuse)
            grid.long_texts.sort()
        return [grid for grid, _ in pending]

    def _read_sheet(self, info: SheetInfo) -> tuple[Grid, dict[int, list[tuple[int, int]]]]:
        """The grid with shared-string cells still holding their index, and those cells by index."""
        if info.part is None:
            return Grid(info.name), {}
        cells_before, chars_before = self._cells, self._chars
        sink = _CellSink(self, Grid(info.name))
        try:
            self._scan_sheet(info.part, sink)
        except _Fallback:
            # Prefixes, comments, CDATA, implied addresses, other encodings, unusual cell bodies: expat.
            self._cells, self._chars = cells_before, chars_before
            sink = _CellSink(self, Grid(info.name))
            self._expat_sheet(info.part, sink)
        sink.finish()
        return sink.grid, sink.shared_cells

    # A worksheet's two readers as methods, so that a test can refuse the fast path (ExpatOnly in
    # tests/test_reader_fuzz.py) or note the fallback (Probe).

    def _scan_sheet(self, part: str, sink: _CellSink) -> None:
        scan_sheet(self, part, sink)

    def _expat_sheet(self, part: str, sink: _CellSink) -> None:
        expat_sheet(self, part, sink)
