"""Large data sheets written row by row straight to sheet XML (issue 10: a writer at the speed of the floor).

xlsxwriter keeps every cell of a workbook as a Python object until `close()` and then walks them all
again to write the XML: on a kabupaten's Data Anggaran (100k rows, 1.3M cells) that is most of the
fill time and most of its memory. A RowStream takes the rows of one sheet from a given row down, in
row order, and writes each row's XML to a temporary file as soon as the next row starts: the same
XML xlsxwriter writes for the same cells (shared strings from the workbook's table, its number and
formula text, its row heights), kept on disk, not in memory. At close the rows are copied into the
sheet's <sheetData> after the rows xlsxwriter holds (the title and header rows above the stream).
What that needs of xlsxwriter's internals goes through writer/xlsxwriter_adapter.py; where the
adapter takes the public road, a PublicRowStream reads the same rows back and writes their cells
through the worksheet's public calls instead.

It answers the worksheet calls Book makes (write_string, write_number, write_formula, write_blank),
so the data sheet writers go through the same Book helpers either way.
"""
from __future__ import annotations

import math
import re
import shutil
import tempfile
import weakref
from typing import Any, Callable
from xml.etree import ElementTree

from xlsxwriter.utility import xl_col_to_name

from lkip_xl.writer import xlsxwriter_adapter

MAX_STRING = 32767  # Excel's limit for a cell's text; xlsxwriter cuts longer strings the same way
ERROR_CODES = ("#DIV/0!", "#N/A", "#NAME?", "#NULL!", "#NUM!", "#REF!", "#VALUE!")
# Streamed XML beyond this size goes to the package through temporary files instead of memory.
IN_MEMORY_LIMIT = 8 << 20


# Text starting or ending with white space keeps it only with xml:space="preserve" (xlsxwriter's rule).
_EDGE_SPACE = re.compile(r"^\s|\s$")


def _escape(text: str) -> str:
    if "&" in text or "<" in text or ">" in text:
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return text


def string_body(xf: str, index: int) -> str:
    """A shared-string cell after its `<c r="…"`, as xlsxwriter writes it."""
    return f'{xf} t="s"><v>{index}</v></c>'


def inline_body(xf: str, text: str) -> str | None:
    """A string cell holding its text itself, for text unique to its cell (the shared-string table would
    only keep it in memory to write it once); None for text that needs Excel's _xHHHH_ escapes, which
    readers such as openpyxl undo in shared strings only: that text goes to the shared strings."""
    if not text.isprintable() or "_x" in text or len(text) > MAX_STRING:
        return None
    space = ' xml:space="preserve"' if _EDGE_SPACE.search(text) else ""
    return f'{xf} t="inlineStr"><is><t{space}>{_escape(text)}</t></is></c>'


def number_body(xf: str, number: float) -> str:
    if isinstance(number, float) and not math.isfinite(number):
        raise ValueError("a number that is not finite cannot be written")
    return f"{xf}><v>{number:.16G}</v></c>"


def formula_body(xf: str, formula: str, value: Any) -> str:
    """A formula cell with its cached value: a string value is typed str (or e for an error code)."""
    kind = ""
    if isinstance(value, bool):
        kind, value = ' t="b"', int(value)
    elif isinstance(value, str):
        value = _escape(value)
        if value in ERROR_CODES:
            kind = ' t="e"'
        elif value:
            kind = ' t="str"'
    return f"{xf}{kind}><f>{_escape(formula)}</f><v>{value}</v></c>"


class RowStream:
    """Rows `first`… of worksheet `ws`, written in order as XML; every write must be at the current row
    or below it."""

    def __init__(self, book, ws, first: int):
        self.book = book
        self.ws = ws
        self.name = ws.get_name()
        self.lkip_widths = getattr(ws, "lkip_widths", None)
        self.first = first
        self._xf: dict[int, str] = {}  # id(format) -> ' s="n"'
        self._letters: list[str] = []
        self._row: float = first - 1
        self._cells: dict[int, str] = {}
        self._height = 0.0
        self._last_row = -1
        self._max_col = -1
        self.size = 0  # characters written
        self.string_index: Callable[[str], int]  # the shared-string index of a cell's text (cut to MAX_STRING)
        self._open()
        book.streams.append(self)

    def _open(self) -> None:
        """Where the rows go: a temporary file, spliced into the sheet's XML at close."""
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8", newline="")
        weakref.finalize(self, self._file.close)  # closed even when writing stops half way
        self._rows: list[str] = []  # rows not yet in the file
        self.string_index = xlsxwriter_adapter.shared_string_indexer(self.book.wb, MAX_STRING)
        xlsxwriter_adapter.splice_rows(self.ws, self.first, self._append)

    # ------------------------------------------------------------ worksheet calls

    def write_string(self, row: int, col: int, string: str, cell_format=None) -> int:
        self._put(row, col, string_body(self.xf(cell_format), self.string_index(string)))
        return 0

    def write_number(self, row: int, col: int, number: float, cell_format=None) -> int:
        self._put(row, col, number_body(self.xf(cell_format), number))
        return 0

    def write_formula(self, row: int, col: int, formula: str, cell_format=None, value: Any = 0) -> int:
        self._put(row, col, formula_body(self.xf(cell_format), formula[1:] if formula[:1] == "=" else formula,
                                         value))
        return 0

    def write_blank(self, row: int, col: int, blank: Any = None, cell_format=None) -> int:
        if cell_format is not None:  # as xlsxwriter: a blank cell without a format is not written
            self._put(row, col, self.xf(cell_format) + "/>")
        return 0

    def put_row(self, row: int, cells: str, last_col: int, height: float = 0.0) -> None:
        """A whole row at once: `cells`, the XML of its cells in column order up to `last_col` (refs
        from `ref_letters`). Nothing more can be written to that row."""
        self._at(row)
        self._flush()
        self._write_row(row, cells, height)
        self._max_col = max(self._max_col, last_col)
        self._row = row + 0.5  # the row is done: a later write to it is out of order, to the next is not

    def grow(self, row: int, height: float) -> None:
        """Row `row` (the current one) needs at least `height` points."""
        self._at(row)
        if height > self._height:
            self._height = height

    # ------------------------------------------------------------ the rows

    def ref_letters(self, cols: int) -> list[str]:
        """Column letters of columns 0..cols-1, for cell references."""
        while cols > len(self._letters):
            self._letters.append(xl_col_to_name(len(self._letters)))
        return self._letters

    def xf(self, cell_format) -> str:
        """' s="n"', the style attribute of `cell_format` ("" for none)."""
        if cell_format is None:
            return ""
        known = self._xf.get(id(cell_format))
        if known is None:
            known = self._xf[id(cell_format)] = f' s="{self._style(cell_format)}"'
        return known

    def _style(self, cell_format) -> int:
        return xlsxwriter_adapter.style_index(cell_format)

    def _at(self, row: int) -> None:
        if row != self._row:
            if row < self._row:
                raise ValueError(f"row {row + 1} of {self.name} comes after row {self._row + 1}")
            self._flush()
            self._row = row

    def _put(self, row: int, col: int, rest: str) -> None:
        if row != self._row:
            self._at(row)
        letters = self._letters
        while col >= len(letters):
            letters.append(xl_col_to_name(len(letters)))
        self._cells[col] = f'<c r="{letters[col]}{row + 1}"{rest}'

    def _flush(self) -> None:
        cells, height = self._cells, self._height
        if not cells and not height:
            return
        if cells:
            self._max_col = max(self._max_col, max(cells))
        self._write_row(self._row, "".join(cells[c] for c in sorted(cells)), height)
        self._cells, self._height = {}, 0.0

    def _write_row(self, r: int, cells: str, height: float) -> None:
        if height:
            # as set_row(r, height) writes it: whole pixels, shown in points
            pixels = int(round(height, 2) * 4.0 / 3.0 + 0.5)
            text = f'<row r="{r + 1}" ht="{pixels * 0.75:.16g}" customHeight="1">{cells}</row>'
        else:
            text = f'<row r="{r + 1}">{cells}</row>'
        self._rows.append(text)
        if len(self._rows) >= 512:
            self._spill()
        self._last_row = r

    def _spill(self) -> None:
        text = "".join(self._rows)
        self._file.write(text)
        self.size += len(text)
        self._rows = []

    def close(self) -> None:
        """The last row written; the sheet's dimensions grown to hold the streamed rows."""
        self._flush()
        self._spill()
        if self._last_row >= 0:
            xlsxwriter_adapter.extend_dimensions(self.ws, self.first, self._last_row, self._max_col)

    def _append(self, sheet_xml) -> None:
        """The streamed rows, after xlsxwriter's own, into the sheet's XML file."""
        self._file.seek(0)
        shutil.copyfileobj(self._file, sheet_xml, 1 << 16)
        self._file.close()

    def discard(self) -> None:
        self._file.close()


class PublicRowStream(RowStream):
    """A RowStream for an xlsxwriter outside the adapter's proved range: each finished row's XML is
    read back and its cells written through the worksheet's public calls (every cell held in memory
    until close, as xlsxwriter holds them). Style attributes and shared-string indexes in that XML
    are this stream's own: positions in its lists of formats and texts."""

    def _open(self) -> None:
        self._formats: list = []
        self._texts: list[str] = []
        self._text_index: dict[str, int] = {}
        self.string_index = self._own_string_index

    def _own_string_index(self, string: str) -> int:
        string = string[:MAX_STRING]
        index = self._text_index.get(string)
        if index is None:
            index = self._text_index[string] = len(self._texts)
            self._texts.append(string)
        return index

    def _style(self, cell_format) -> int:
        self._formats.append(cell_format)
        return len(self._formats) - 1

    def _write_row(self, r: int, cells: str, height: float) -> None:
        ws = self.ws
        for cell in ElementTree.fromstring(f"<row>{cells}</row>"):
            col = _column_index(cell.get("r") or "")
            style = cell.get("s")
            fmt = self._formats[int(style)] if style is not None else None
            kind, formula, value = cell.get("t"), cell.find("f"), cell.find("v")
            text = (value.text or "") if value is not None else ""
            inline = cell.find("is")
            if formula is not None:
                ws.write_formula(r, col, formula.text or "", fmt, _cached_value(kind, text))
            elif kind == "s":
                ws.write_string(r, col, self._texts[int(text)], fmt)
            elif kind == "inlineStr" and inline is not None:
                ws.write_string(r, col, "".join(inline.itertext()), fmt)
            elif value is not None:
                ws.write_number(r, col, float(text), fmt)
            else:
                ws.write_blank(r, col, None, fmt)
        if height:
            ws.set_row(r, round(height, 2))
        self._last_row = r

    def close(self) -> None:
        self._flush()

    def discard(self) -> None:
        pass


def _column_index(ref: str) -> int:
    """0-based column of a cell reference such as "AB12"."""
    col = 0
    for ch in ref:
        if ch.isdigit():
            break
        col = col * 26 + ord(ch) - 64
    return col - 1


def _cached_value(kind: str | None, text: str | None) -> Any:
    """A formula's cached value as formula_body wrote it: text typed str or e, a boolean, or a number."""
    if kind == "b":
        return text == "1"
    if kind in ("str", "e") or not text:
        return text or ""
    return int(text) if text.lstrip("-").isdigit() else float(text)
