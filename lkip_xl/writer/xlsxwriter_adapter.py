"""The one door into xlsxwriter's internals; everything else in lkip-xl uses its public API only.

RowStream (writer/stream.py) writes a large data sheet's rows as XML beside xlsxwriter and splices
them into the sheet at close (a 102k-row fill: 60 s / 844 MiB -> 38 s / 429 MiB); formulas skip
xlsxwriter's ~30 regexes for dynamic-array functions lkip-xl never writes; a large book deflates at
level 1. Those need xlsxwriter's private methods and fields, proved on PROVED_FIRST..PROVED_LAST
(the dumps of tests/dump_outputs.py, the fallback test and tests/test_stream.py on each). Outside
that range, or when one of them is missing, FAST is False and every function here takes the public
road: slower, and the same cells (tests/test_xlsxwriter_adapter.py).
"""
from __future__ import annotations

import contextlib
import functools
import io
import re
from typing import Any, Callable, Iterator

import xlsxwriter
from xlsxwriter.utility import xl_cell_to_rowcol
from xlsxwriter.worksheet import Worksheet

PROVED_FIRST = (3, 3, 0)
PROVED_LAST = (3, 3, 1)  # 3.3.0 -> 3.3.1 changed set_row's rounding: a patch release is not assumed safe


def version_of(text: str) -> tuple[int, ...]:
    """(3, 3, 1) for "3.3.1"; the leading numbers of a pre-release ("3.4.0rc1" -> (3, 4, 0))."""
    found = re.match(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?", text)
    return tuple(int(part or 0) for part in found.groups()) if found else ()


VERSION = version_of(getattr(xlsxwriter, "__version__", ""))


def _missing_internals() -> list[str]:
    """The private names this module uses that the installed xlsxwriter does not have."""
    import xlsxwriter.workbook as workbook_module
    from xlsxwriter.format import Format
    from xlsxwriter.sharedstrings import SharedStringTable

    book = workbook_module.Workbook(io.BytesIO())  # nothing is written before close()
    wanted = [(workbook_module, "workbook", ("ZipFile",)),
              (book, "Workbook", ("in_memory", "str_table")),
              (Worksheet(), "Worksheet", ("_prepare_formula", "_write_rows", "fh", "table", "row_info",
                                          "dim_rowmin", "dim_rowmax", "dim_colmin", "dim_colmax", "footer")),
              (Format, "Format", ("_get_xf_index",)),
              (SharedStringTable(), "SharedStringTable", ("_get_shared_string_index", "string_table", "count"))]
    return [f"{where}.{name}" for owner, where, names in wanted for name in names if not hasattr(owner, name)]


def why_public(version: tuple[int, ...], missing: list[str]) -> str | None:
    """Why the public road must be taken, or None when the internals are proved for `version`."""
    if not PROVED_FIRST <= version <= PROVED_LAST:
        shown = ".".join(map(str, version)) or "?"
        return (f"xlsxwriter {shown} is outside {'.'.join(map(str, PROVED_FIRST))}.."
                f"{'.'.join(map(str, PROVED_LAST))}, where its internals were proved")
    if missing:
        return "xlsxwriter lacks " + ", ".join(missing)
    return None


REASON = why_public(VERSION, _missing_internals())
FAST = REASON is None  # read at the time of use: a test may set it False to take the public road


# ---------------------------------------------------------------------- sheets


class RecordingWorksheet(Worksheet):
    """A worksheet that remembers the text it got through write_string and merge_range (how lkip-xl
    writes every header) and its merged ranges: finish_print sizes header rows from them. Once
    `lkip_header_rows` (first, last) is set (setup_table_sheet), rows below `last` are no longer
    remembered: a table's thousands of body cells cost no memory here."""

    def __init__(self) -> None:
        super().__init__()
        self.lkip_header_rows: tuple[int, int] | None = None
        self.lkip_texts: dict[int, dict[int, str]] = {}  # row -> col -> text
        self.lkip_merged: dict[tuple[int, int], tuple[int, int, int, int]] = {}  # first cell -> range

    def write_string(self, row, col, string=None, cell_format=None) -> int:
        if row.__class__ is str:  # "A1" notation: the arguments move one place
            (row, col), string, cell_format = xl_cell_to_rowcol(row), col, string
        code = Worksheet.write_string(self, row, col, string, cell_format)
        if code != -1 and (self.lkip_header_rows is None or row <= self.lkip_header_rows[1]):
            texts = self.lkip_texts.get(row)
            if texts is None:
                texts = self.lkip_texts[row] = {}
            texts[col] = string
        return code

    def merge_range(self, first_row, first_col, *args, **kwargs) -> int:
        if isinstance(first_row, str):  # "A1:B2" notation
            start, _, end = first_row.partition(":")
            args = (*xl_cell_to_rowcol(end), first_col, *args)
            first_row, first_col = xl_cell_to_rowcol(start)
        last_row, last_col, *rest = args
        code = Worksheet.merge_range(self, first_row, first_col, last_row, last_col, *rest, **kwargs)
        if code != -1:
            r0, r1 = sorted((first_row, last_row))
            c0, c1 = sorted((first_col, last_col))
            for r in range(r0, r1 + 1):  # the other cells of the range are blanks now
                texts = self.lkip_texts.get(r)
                if texts:
                    for c in range(c0, c1 + 1):
                        texts.pop(c, None)
            data = rest[0] if rest else kwargs.get("data")
            if isinstance(data, str):
                self.lkip_texts.setdefault(r0, {})[c0] = data
            self.lkip_merged[(r0, c0)] = (r0, c0, r1, c1)
        return code


def add_worksheet(wb, name: str):
    """A new RecordingWorksheet `name` of `wb`; on the fast road its formulas skip xlsxwriter's
    dynamic-array prefixing (~30 regexes a formula), as lkip-xl writes none of those functions
    (only SUM, SUMIFS, IF, ROUND, …): only the leading '=' is stripped."""
    ws = wb.add_worksheet(name, worksheet_class=RecordingWorksheet)
    if FAST:
        ws._prepare_formula = _plain_formula
    return ws


def _plain_formula(formula: str, expand_future_functions: bool = False) -> str:
    return formula[1:] if formula.startswith("=") else formula


def set_footer(ws, text: str, picture_safe: str, margin: float) -> None:
    """The page footer `text` (codes such as &P; a literal '&' escaped as '&&'). xlsxwriter's set_footer
    turns '&[Picture]' into '&G' and refuses a string with more '&G' than images, which an escaped
    name trips ('A&G' -> 'A&&G'): the fast road stores such a footer past set_footer, as it is; the
    public road sets `picture_safe` instead, the same footer written so that set_footer takes it."""
    if "&G" not in text.replace("&[Picture]", "&G"):
        ws.set_footer(text, {"margin": margin})
    elif FAST:
        ws.set_footer("", {"margin": margin})
        ws.footer = text
    else:
        ws.set_footer(picture_safe, {"margin": margin})


# ---------------------------------------------------------------------- the package


@contextlib.contextmanager
def packing(wb, large: bool) -> Iterator[None]:
    """While `wb` is closed: a large book's parts go through temporary files, not memory, and
    deflate at level 1 (a kabupaten's 66 MB Data Anggaran: 0.55 s instead of 1.7 s at the default
    level 6, 13 MB instead of 10.5 MB). Nothing changes on the public road."""
    if not (large and FAST):
        yield
        return
    import xlsxwriter.workbook as workbook_module

    wb.in_memory = False
    plain = workbook_module.ZipFile
    workbook_module.ZipFile = functools.partial(plain, compresslevel=1)
    try:
        yield
    finally:
        workbook_module.ZipFile = plain


# ---------------------------------------------------------------------- streamed rows (fast road only)


def style_index(cell_format) -> int:
    """The index xlsxwriter gives `cell_format` in the sheet XML's s="…" attribute."""
    return cell_format._get_xf_index()


def shared_string_indexer(wb, limit: int) -> Callable[[str], int]:
    """index(text): the shared-string index of `text` (cut to `limit` characters) in `wb`'s table,
    counted as one more use, as xlsxwriter's write_string does."""
    table = wb.str_table
    known = table.string_table
    add = table._get_shared_string_index

    def index(text: str) -> int:
        found = known.get(text)
        if found is None:
            return add(text[:limit])
        table.count += 1
        return found

    return index


def splice_rows(ws, first: int, write_after: Callable[[Any], None]) -> None:
    """At close, the sheet's <sheetData> gets xlsxwriter's own rows (all above row `first`), then
    what write_after(file) writes to the sheet's XML file. A cell at or below `first` written to
    `ws` itself would land out of order: refused."""
    own_rows = ws._write_rows

    def write_rows() -> None:
        last = ws.dim_rowmax
        own = [r for r in ws.table if ws.table[r]] + list(ws.row_info)
        if any(r >= first for r in own):
            raise ValueError(f"{ws.get_name()}: a cell at or below row {first + 1} was written outside the stream")
        ws.dim_rowmax = max(own, default=ws.dim_rowmin)
        try:
            if own:
                own_rows()
        finally:
            ws.dim_rowmax = last
        write_after(ws.fh)

    ws._write_rows = write_rows


def extend_dimensions(ws, first_row: int, last_row: int, last_col: int) -> None:
    """The sheet's used range (<dimension>) grown to hold rows first_row..last_row, columns 0..last_col."""
    ws.dim_rowmin = first_row if ws.dim_rowmin is None else min(ws.dim_rowmin, first_row)
    ws.dim_rowmax = last_row if ws.dim_rowmax is None else max(ws.dim_rowmax, last_row)
    ws.dim_colmin = 0 if ws.dim_colmin is None else ws.dim_colmin
    ws.dim_colmax = last_col if ws.dim_colmax is None else max(ws.dim_colmax, last_col)
