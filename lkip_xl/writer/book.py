"""xlsxwriter set up safely and deterministically, with the cell registries the tables share."""
from __future__ import annotations

import datetime
import math
import re
from collections.abc import Sequence
from typing import Any

from xlsxwriter.utility import xl_rowcol_to_cell

from lkip_xl.figures import MELEBIHI_100, NEGATIF, PITA_KATEGORI, Expr
from lkip_xl.model import Cell, FigureKey

FIXED_DATE = datetime.datetime(2025, 1, 1, 0, 0, 0)
RISKY_START = ("=", "+", "-", "@")
RISKY_FIRST = "=+-@"  # the same, as characters (a text's first)
NUMBER_KINDS = ("percent", "decimal", "money", "integer")

MONEY = "#,##0"
PERCENT = '0.00"%"'
DECIMAL = "#,##0.00"
INTEGER = "#,##0"
UNIT = "unit:"  # a kind "unit:<number format>": an indicator value shown with its unit (writer/units.py)

# Data sheets: what the user may edit, what is only compared, and the rest (formulas)
INPUT_FILL = "#FFF2CC"  # light yellow: data the formulas read; edit here
CLAIM_FILL = "#EDEDED"  # light grey, italic: a number as the input states it, compared (Temuan), feeds nothing
ROLE_PROPS: dict[str, dict[str, Any]] = {"input": {"bg_color": INPUT_FILL}, "claim": {"bg_color": CLAIM_FILL, "italic": True,
                                                             "font_color": "#595959"}}


def a1(row: int, col: int, absolute: bool = False) -> str:
    """0-based (row, col) -> A1; absolute gives $A$1."""
    return xl_rowcol_to_cell(row, col, absolute, absolute)


def quote_sheet(name: str) -> str:
    return "'" + name.replace("'", "''") + "'"


def ref(sheet: str, row: int, col: int) -> str:
    """A cross-sheet reference such as 'Data Anggaran'!$E$5."""
    return f"{quote_sheet(sheet)}!{a1(row, col, True)}"


def excel_value(value: Any) -> Any:
    """The cached result of a formula: numbers as numbers, None as the '-' the formula shows.

    A number that is not finite never reaches the file (the rules report it as a finding first;
    this is the last guard): it is cached as '-' like any figure without a value.
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "-"
    return value


def finite_or_none(value: Any) -> Any:
    """`value`, or None for a float that is inf or nan (never written as a number)."""
    return None if isinstance(value, float) and not math.isfinite(value) else value


class Book:
    """The output workbook: formats, and where every input cell and computed figure landed."""

    def __init__(self, path: str):
        import xlsxwriter

        self.wb = xlsxwriter.Workbook(path, {
            "strings_to_formulas": False,
            "strings_to_urls": False,
            "strings_to_numbers": False,
            "nan_inf_to_errors": True,
            "in_memory": True,  # no temporary part files: a third of the write time on small books
        })
        self.wb.set_properties({"created": FIXED_DATE, "title": "LKIP", "author": "lkip-xl"})
        self.wb.set_calc_mode("auto")
        self.input_cells: dict[tuple[str, str], tuple[str, int, int]] = {}  # input Cell -> output cell
        self.figures: dict[FigureKey, tuple[str, int, int]] = {}  # figure key -> output cell
        self.formats: dict[tuple, Any] = {}
        self.sheets: dict[str, Any] = {}
        self.pending_fits: list[tuple] = []  # wrapped text -> row heights at close
        self.pending_legends: list[tuple] = []  # data sheets' input / claim legend, written at close
        self.streams: list = []  # RowStreams of large data sheets (writer/stream.py)
        base = {"font_name": "Arial", "font_size": 9, "valign": "top"}
        self._base = base
        self._cell_fmts: dict[tuple, Any] = {}
        self._line_widths: dict[tuple, int] = {}  # (id(widths), col, span, indent, bold, size) -> characters
        self.widest: dict[tuple[int, int], float] = {}  # (id(sheet), col) -> width its widest shown value needs

    # ------------------------------------------------------------------ formats

    def fmt(self, **props: Any):
        key = tuple(sorted(props.items()))
        if key not in self.formats:
            self.formats[key] = self.wb.add_format({**self._base, **props})
        return self.formats[key]

    LEGEND = (("Kuning muda: data input (ubah di sini, semua tabel mengikuti)", "input"),
              ("Abu-abu miring: angka tertulis di input, hanya dibandingkan (lihat Temuan); sel putih: rumus",
               "claim"))

    def legend(self, ws, row: int = 1) -> None:
        """The note that says which cells of a data sheet are inputs, which are only stated, and the rest
        (written at close, over as many columns as each text needs)."""
        self.pending_legends.append((ws, row))

    def _legends(self) -> None:
        for ws, row in self.pending_legends:
            widths = getattr(ws, "lkip_widths", None) or [10.0]
            col = 0
            for text, role in self.LEGEND:
                last, room = col, 0.0
                while room < len(text) * 0.95 and last < len(widths):
                    room += widths[last]
                    last += 1
                fmt = self.fmt(**{"italic": True, "border": 1, **ROLE_PROPS[role]})
                if last - 1 > col:
                    ws.merge_range(row, col, row, last - 1, text, fmt)
                else:
                    ws.write_string(row, col, text, fmt)
                col = last

    # ------------------------------------------------------ live colours

    RED = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
    GREEN = {"bg_color": "#C6EFCE", "font_color": "#006100"}
    # kategori bands, best first: green … red (the scale's own bands pick from these by rank)
    BANDS = ({"bg_color": "#C6EFCE", "font_color": "#006100"}, {"bg_color": "#E2EFDA", "font_color": "#375623"},
             {"bg_color": "#FFEB9C", "font_color": "#9C5700"}, {"bg_color": "#F8CBAD", "font_color": "#843C0C"},
             {"bg_color": "#FFC7CE", "font_color": "#9C0006"})

    def band(self, k: int, n: int) -> dict:
        """The colours of band k of a scale of n bands (best first): green to red, spread over BANDS."""
        return self.BANDS[round(k * (len(self.BANDS) - 1) / (n - 1))] if n > 1 else self.BANDS[0]

    def cf_fmt(self, props: dict):
        key = ("cf",) + tuple(sorted(props.items()))
        if key not in self.formats:
            self.formats[key] = self.wb.add_format(dict(props))
        return self.formats[key]

    def flag(self, ws, first: int, last: int, col: int, test: Expr) -> None:
        """Colour red, live, the cells of rows first..last of `col` for which `test` holds: a figures
        declaration over "sel", the cell."""
        if last < first:
            return
        ws.conditional_format(first, col, last, col, {
            "type": "formula", "criteria": "=" + test.formula({"sel": a1(first, col)}),
            "format": self.cf_fmt(self.RED)})

    def flag_serapan(self, ws, first: int, last: int, col: int) -> None:
        """Serapan above 100 %: more realised than budgeted."""
        self.flag(ws, first, last, col, MELEBIHI_100)

    def flag_sisa(self, ws, first: int, last: int, col: int) -> None:
        """A negative sisa: more realised than budgeted."""
        self.flag(ws, first, last, col, NEGATIF)

    def kategori_colours(self, ws, first: int, last: int, col: int, names: list[str]) -> None:
        """A colour per kategori band, live: the cell equals the band's name on the scale (`names`, the
        scale's name cells, best band first)."""
        if last < first or not names:
            return
        c = a1(first, col)
        n = len(names)
        for k, name in enumerate(names):
            band = self.band(k, n)
            ws.conditional_format(first, col, last, col, {
                "type": "formula", "criteria": "=" + PITA_KATEGORI.formula({"sel": c, "nama": name}),
                "format": self.cf_fmt(band)})

    def header_fmt(self):
        return self.fmt(bold=True, bg_color="#D9E1F2", border=1, text_wrap=True, align="center", valign="vcenter")

    def title_fmt(self):
        return self.fmt(bold=True, font_size=11)

    def cell_fmt(self, kind: str = "text", bold: bool = False, indent: int = 0, risky: bool = False,
                 role: str | None = None):
        """A bordered cell of `kind` (text, money, percent, decimal, integer, center, or UNIT + a number
        format); `role` "input" or "claim" marks data-sheet cells the user edits or that are only compared."""
        key = (kind, bold, indent, risky, role)
        known = self._cell_fmts.get(key)
        if known is None:
            known = self._cell_fmts[key] = self._new_cell_fmt(kind, bold, indent, risky, role)
        return known

    def _new_cell_fmt(self, kind: str, bold: bool, indent: int, risky: bool, role: str | None = None):
        props: dict[str, Any] = {"border": 1, **ROLE_PROPS.get(role or "", {})}
        if kind.startswith(UNIT):
            props["num_format"] = kind[len(UNIT):]
            props["align"] = "right"
            return self.fmt(**props)
        if bold:
            props["bold"] = True
        if kind == "text":
            props["text_wrap"] = True
            if indent:
                props["indent"] = indent
            if risky:
                props["quote_prefix"] = True
        elif kind == "money":
            props["num_format"] = MONEY
        elif kind == "percent":
            props["num_format"] = PERCENT
            props["align"] = "right"
        elif kind == "decimal":
            props["num_format"] = DECIMAL
            props["align"] = "right"
        elif kind == "integer":
            props["num_format"] = INTEGER
            props["align"] = "right"
        elif kind == "center":
            props["align"] = "center"
        return self.fmt(**props)

    # ------------------------------------------------------------------ writing

    def text(self, ws, row: int, col: int, value: str | None, bold: bool = False, indent: int = 0,
             fmt=None) -> None:
        """User text is always written as text: never a formula, never a link."""
        if value is None:
            value = ""
        elif value.__class__ is not str:
            value = str(value)
        if value:
            f = fmt or self.cell_fmt("text", bold, indent, value[0] in RISKY_START)
            ws.write_string(row, col, value, f)
            self.fit(ws, row, col, value, indent=indent, bold=bold)
        else:
            ws.write_blank(row, col, None, fmt or self.cell_fmt("text", bold, indent))

    def number(self, ws, row: int, col: int, value: float | None, kind: str = "money", bold: bool = False,
               role: str | None = None) -> None:
        f = self.cell_fmt(kind, bold, 0, False, role)
        if value is None or (isinstance(value, float) and not math.isfinite(value)):
            ws.write_blank(row, col, None, f)
        else:
            ws.write_number(row, col, value, f)
            self._measure(ws, col, value, kind, bold)

    def formula(self, ws, row: int, col: int, formula: str, value: Any, kind: str = "money",
                bold: bool = False) -> None:
        """A live formula carrying the rules' value as its cached result: a number in the cell format
        of `kind`; "-" (no value) centred, except in a number column where it keeps the column's format."""
        value = excel_value(value)
        if kind != "text" and value.__class__ is str and not (kind in NUMBER_KINDS or kind.startswith(UNIT)):
            kind = "center"
        ws.write_formula(row, col, formula[1:] if formula[:1] == "=" else formula,
                         self.cell_fmt(kind, bold), value)
        if kind != "text":  # text wraps; a number or a centred word does not
            self._measure(ws, col, value, kind, bold)

    def _measure(self, ws, col: int, value: Any, kind: str, bold: bool) -> None:
        """Remember the width the value needs as its cell format shows it, unit included (`87,75 Indeks`):
        its column is widened to the widest at close."""
        widths = getattr(ws, "lkip_widths", None)
        if widths is None or col >= len(widths):
            return
        need = min(len(shown_text(value, kind)) / (1.1 if bold else 1.2) + 1, MAX_FITTED_WIDTH)
        if need > widths[col] and need > self.widest.get((id(ws), col), 0):
            self.widest[(id(ws), col)] = need

    def remember_input(self, cell: Cell | None, sheet: str, row: int, col: int) -> None:
        if cell is not None:
            self.input_cells[(cell.sheet, cell.ref)] = (sheet, row, col)

    def remember_figure(self, key: FigureKey, sheet: str, row: int, col: int) -> None:
        self.figures[key] = (sheet, row, col)

    def figure_ref(self, key: FigureKey) -> str | None:
        where = self.figures.get(key)
        return ref(*where) if where else None

    def fit(self, ws, row: int, col: int, text: str, span: int = 1, indent: int = 0, bold: bool = False,
            font_size: float = 9) -> None:
        """Remember wrapped text: rows get their height at close (LibreOffice does not grow them). Text
        that surely fits one line of its column (width known already) is not remembered at all; a
        streamed row (RowStream) gets its height at once."""
        widths = getattr(ws, "lkip_widths", None)
        if widths and col < len(widths) and "\n" not in text and \
                len(text) <= self._room(widths, col, span, indent, bold, font_size):
            return
        grow = getattr(ws, "grow", None)
        if grow is not None:
            height = _height(widths, col, text, span, indent, bold, font_size)
            if height:
                grow(row, height)
            return
        self.pending_fits.append((ws, row, col, text, span, indent, bold, font_size))

    def _room(self, widths: list[float], col: int, span: int, indent: int, bold: bool, font_size: float) -> int:
        key = (id(widths), col, span, indent, bold, font_size)
        room = self._line_widths.get(key)
        if room is None:
            room = self._line_widths[key] = _line_width(widths, col, span, indent, bold, font_size)
        return room

    def text_room(self, widths: list[float], col: int, indent: int = 0, bold: bool = False) -> int:
        """Characters of one line of 9 pt text in column `col` of a sheet of `widths` (huge when unknown)."""
        return self._room(widths, col, 1, indent, bold, 9) if col < len(widths) else 1 << 30

    @staticmethod
    def text_height(widths: list[float], col: int, text: str, indent: int = 0, bold: bool = False) -> float | None:
        """Points that `text` needs in column `col` of a sheet of `widths` (9 pt), None for one line: the
        rule fit() applies, for rows written whole (RowStream.put_row; their writer checks text_room
        first)."""
        return _height(widths, col, text, 1, indent, bold, 9)

    def _widen(self) -> None:
        """Columns as wide as their widest shown value (the print scale follows)."""
        for ws in self.sheets.values():
            widths: list[float] = getattr(ws, "lkip_widths", None) or []
            wider = {c: w for c in range(len(widths)) if (w := self.widest.get((id(ws), c), 0)) > widths[c]}
            if not wider:
                continue
            for c, w in wider.items():
                widths[c] = round(w, 1)
                ws.set_column(c, c, widths[c])
            landscape, repeat_cols = ws.lkip_print
            print_width(ws, widths, landscape, repeat_cols)
        self._line_widths.clear()  # keyed by the widths list, whose values changed

    def _row_heights(self) -> None:
        heights: dict[tuple[str, int], float] = {}
        for ws, row, col, text, span, indent, bold, size in self.pending_fits:
            height = _height(getattr(ws, "lkip_widths", None), col, text, span, indent, bold, size)
            if height:
                key = (ws.get_name(), row)
                heights[key] = max(heights.get(key, 0), height)
        for (name, row), height in sorted(heights.items()):
            self.sheets[name].set_row(row, round(height, 2))

    def stream(self, ws, first: int):
        """Rows `first`… of `ws` written in row order straight to XML (large data sheets); through the
        worksheet's public calls where xlsxwriter_adapter takes the public road."""
        from lkip_xl.writer import xlsxwriter_adapter
        from lkip_xl.writer.stream import PublicRowStream, RowStream

        return (RowStream if xlsxwriter_adapter.FAST else PublicRowStream)(self, ws, first)

    def sheet(self, name: str):
        """The worksheet `name`: created in plan order beforehand, or now."""
        if name not in self.sheets:
            from lkip_xl.writer import xlsxwriter_adapter

            self.sheets[name] = xlsxwriter_adapter.add_worksheet(self.wb, name)
        return self.sheets[name]

    def close(self) -> None:
        from lkip_xl.writer import xlsxwriter_adapter
        from lkip_xl.writer.stream import IN_MEMORY_LIMIT

        self._legends()
        self._widen()
        self._row_heights()
        for stream in self.streams:
            stream.close()
        large = sum(stream.size for stream in self.streams) > IN_MEMORY_LIMIT
        try:
            with xlsxwriter_adapter.packing(self.wb, large):
                self.wb.close()
        finally:
            for stream in self.streams:
                stream.discard()


MAX_FITTED_WIDTH = 30  # a column is not widened beyond this for one long value


def shown_text(value: Any, kind: str) -> str:
    """About what a cell of `kind` shows for `value`: digits with thousands, decimals and the unit of
    its number format (`#,##0.00" Indeks"` -> `87,75 Indeks`)."""
    if value.__class__ is str or isinstance(value, bool) or not isinstance(value, (int, float)):
        return str(value)
    if kind.startswith(UNIT):
        number_format = kind[len(UNIT):]
    else:
        number_format = {"money": MONEY, "percent": PERCENT, "decimal": DECIMAL, "integer": INTEGER}.get(kind, "")
    if not number_format:
        return f"{value:g}"
    digits, _, unit = number_format.partition('"')
    decimals = len(digits.partition(".")[2])
    return f"{value:,.{decimals}f}" + unit.replace('"', "")


def _line_width(widths: list[float], col: int, span: int, indent: int, bold: bool, size: float) -> int:
    """Characters of one line in columns col..col+span-1. Arial 9 fits about 1.25 characters per unit of
    column width (1.1 in bold), less the padding; LibreOffice printing the sample fits ~1.45: the
    estimate errs towards a taller row, never a cut one."""
    per_unit = (1.1 if bold else 1.25) * 9 / size
    return max(int(sum(widths[col:col + span]) * per_unit - 1 - indent * 2.5), 4)


def _height(widths: list[float] | None, col: int, text: str, span: int, indent: int, bold: bool,
            size: float) -> float | None:
    """Points of height that `text` wrapped in its column needs, or None for one line."""
    if not widths or col >= len(widths):
        return None
    width = _line_width(widths, col, span, indent, bold, size)
    if len(text) <= width and "\n" not in text:
        return None
    lines = min(wrapped_lines(text, width), 40)
    return 11.5 * size / 9 * lines + 2 if lines > 1 else None


def setup_table_sheet(ws, header_rows: tuple[int, int], widths: Sequence[float], landscape: bool = True,
                      freeze_col: int = 0, min_scale: int | None = None) -> None:
    """Report-like print setup: A4, readable scale (`print_width`; `min_scale` for a sheet that must print
    larger), header rows repeated, panes frozen."""
    ws.lkip_widths = list(widths)
    ws.lkip_header_rows = header_rows
    ws.lkip_print = (landscape, freeze_col)
    for i, w in enumerate(widths):
        ws.set_column(i, i, w)
    if landscape:
        ws.set_landscape()
    ws.set_paper(9)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    print_width(ws, widths, landscape, repeat_cols=freeze_col, min_scale=min_scale or MIN_PRINT_SCALE)
    ws.repeat_rows(header_rows[0], header_rows[1])
    ws.freeze_panes(header_rows[1] + 1, freeze_col)


# ---------------------------------------------------------------------- printing

# Printable width of A4 at 100 % with 0.4" side margins, in pixels (96 dpi): 11.69" - 0.8" and 8.27" - 0.8".
PAGE_PX = {True: 1045, False: 717}
MIN_PRINT_SCALE = 55  # below this a printed sheet is no longer readable; wider sheets flow to more pages
# The scale at which the 9 pt cells print at 8 pt: what a wide table of many columns of figures needs.
READABLE_SCALE = 89


def column_px(width: float) -> int:
    """Pixels of a column `width` characters wide (Excel's rule for the default 11 pt font)."""
    if width <= 0:
        return 0
    return int(width * 12 + 0.5) if width < 1 else int(width * 7 + 0.5) + 5


def print_scale_for(widths: Sequence[float], landscape: bool = True, min_scale: int = MIN_PRINT_SCALE) -> int | None:
    """The scale at which `widths` fit one page across, or None when that is below `min_scale`."""
    need = sum(column_px(w) for w in widths)
    scale = min(100, PAGE_PX[landscape] * 100 // max(need, 1))
    return scale if scale >= min_scale else None


def print_width(ws, widths: Sequence[float], landscape: bool = True, repeat_cols: int = 0,
                min_scale: int = MIN_PRINT_SCALE) -> None:
    """Fit the columns to one page across when that keeps them readable (at `min_scale` or more);
    otherwise print at `min_scale`, let the columns flow to further pages and repeat the identifying
    columns (when they take at most half a page)."""
    if print_scale_for(widths, landscape, min_scale) is not None:
        ws.fit_to_pages(1, 0)
        return
    ws.set_print_scale(min_scale)
    ws.print_across()
    if repeat_cols and sum(column_px(w) for w in widths[:repeat_cols]) * min_scale <= PAGE_PX[landscape] * 50:
        ws.repeat_columns(0, repeat_cols - 1)


FOOTER_LIMIT = 255  # Excel's limit for a header/footer string (UTF-16 units)


def footer_text(skpd: str, tahun: int | str, picture_safe: bool = False) -> str:
    """'&L<SKPD> <tahun>&RHalaman &P dari &N': the SKPD is user text, so its '&' is escaped as '&&'
    (a lone '&' would start a code) and it is shortened to stay within Excel's 255 units.
    `picture_safe`: an escaped '&' before 'G' or '[Picture]' is followed by an empty bold toggle
    ('&B&B', printed the same), so that xlsxwriter's set_footer does not take it for a picture."""
    right = "&RHalaman &P dari &N"
    name = " ".join(str(skpd or "").split())
    year = str(tahun or "").strip()

    def build(n: str) -> str:
        escaped = n.replace("&", "&&")
        if picture_safe:
            escaped = re.sub(r"&&(?=G|\[Picture\])", "&&&B&B", escaped)
        left = " ".join(x for x in (escaped, year) if x)
        return (f"&L{left}" if left else "") + right

    text = build(name)
    while len(text.encode("utf-16-le")) // 2 > FOOTER_LIMIT and name:
        name = name[:-1]
        text = build(name.rstrip() + "…")
    return text


def set_page_footer(ws, skpd: str, tahun: int | str) -> None:
    """The page footer of `ws` (an escaped SKPD name such as 'A&&Gizi' trips xlsxwriter's set_footer:
    xlsxwriter_adapter.set_footer)."""
    from lkip_xl.writer import xlsxwriter_adapter

    xlsxwriter_adapter.set_footer(ws, footer_text(skpd, tahun), footer_text(skpd, tahun, picture_safe=True),
                                  margin=0.3)


def finish_print(book: Book, skpd: str, tahun: int | str) -> None:
    """Before closing: every sheet gets the page footer, and the header rows of sheets set up with
    `setup_table_sheet` are made tall enough for their wrapped header text (as the sheet recorded it:
    xlsxwriter_adapter.RecordingWorksheet)."""
    for ws in book.sheets.values():
        set_page_footer(ws, skpd, tahun)
        rows = getattr(ws, "lkip_header_rows", None)
        if not rows or not getattr(ws, "lkip_widths", None):
            continue
        spans = ws.lkip_merged
        for row in range(rows[0], rows[1] + 1):
            for col, text in sorted(ws.lkip_texts.get(row, {}).items()):
                if not text:
                    continue
                m = spans.get((row, col))
                if m and m[2] > m[0]:
                    continue  # a header over two rows: `headers` fits it on its lower row
                book.fit(ws, row, col, text, span=(m[3] - m[1] + 1) if m else 1, bold=True)


def wrapped_lines(text: str, chars: int) -> int:
    """Lines that `text` takes when wrapped at word boundaries `chars` characters wide."""
    total = 0
    for part in text.split("\n"):
        lines, used = 1, 0
        for word in part.split(" "):
            n = len(word)
            if used and used + 1 + n > chars:
                lines, used = lines + 1, 0
            if used:
                used += 1
            while n > chars:  # a word longer than the line breaks inside it
                lines, n = lines + 1, n - chars
            used += n
        total += lines
    return total
