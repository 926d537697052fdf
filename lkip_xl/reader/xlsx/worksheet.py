"""A worksheet part (xl/worksheets/sheetN.xml) as a Grid: each cell's value (numbers; dates, times and
durations by the cell's number format; booleans; texts and error codes; a shared string's index until
XlsxFile puts in its text), its number format, formulas without a saved value or with an external
reference, merged ranges clipped to the data, hidden rows and columns.

Two readers, one result: a fast path (scan_sheet) reads the XML that Excel, LibreOffice, openpyxl and
xlsxwriter write with bounded patterns over complete rows and hands anything it does not read exactly
as expat does to expat (expat_sheet); both give every cell to one _CellSink. It refuses a cell whose
address is no cell of a sheet, or that has none where its place cannot be counted; a shared-string
cell whose index is not a number; more than MAX_MERGES merged ranges, and merged ranges covering more
than MAX_MERGED_CELLS cells once clipped. Every cell and character kept counts towards the read's
budgets (package.py)."""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import dataclass, field
from operator import itemgetter, methodcaller
from typing import TYPE_CHECKING

from lkip_xl.reader.xlsx.package import CHUNK, Package, _Stop
from lkip_xl.reader.xlsx.styles import is_date_format, is_duration_format
from lkip_xl.reader.xlsx.xml import (
    _ATTR_RE, _PREFIXED, _PREFIXED_ATTR, _TAG, _TRUE, _XML_SPACE, MAX_TEXT, _Fallback, _TextBuffer, _attrs,
    _bad_bytes, _declaration, _plain, _references_ok, _root_start, _unescape, _xml_text, clean_text,
)
from lkip_xl.textfmt import angka, short_name

if TYPE_CHECKING:
    from lkip_xl.reader.xlsx import XlsxFile

MAX_ROW, MAX_COL = 1_048_576, 16_384
MAX_MERGES = 100_000
# Cells covered by merged ranges once clipped to the sheet's data extent.
MAX_MERGED_CELLS = 500_000
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})\Z")
_EPOCH_1900 = _dt.datetime(1899, 12, 30)
_EPOCH_1904 = _dt.datetime(1904, 1, 1)
# A number as the file stores it (xsd:double without INF/NaN); anything else in a number cell is text.
_NUMBER = re.compile(r"[ \t\n\r]*+([+-]?(?:[0-9]++(?:\.[0-9]*+)?|\.[0-9]++)(?:[eE][+-]?[0-9]++)?)[ \t\n\r]*+")


def col_index(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def parse_ref(ref: str) -> tuple[int, int] | None:
    m = _CELL_REF.match(ref)
    if not m:
        return None
    r, c = int(m.group(2)), col_index(m.group(1))
    return (r, c) if 1 <= r <= MAX_ROW and 1 <= c <= MAX_COL else None


@dataclass
class Grid:
    """One worksheet as plain data: what any reading backend fills for `Sheet`."""

    name: str
    values: dict[tuple[int, int], object] = field(default_factory=dict)
    formats: dict[tuple[int, int], str] = field(default_factory=dict)
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    hidden_rows: set[int] = field(default_factory=set)
    hidden_cols: set[int] = field(default_factory=set)
    # Formula cells whose file holds no computed value (written by a tool that never calculated).
    uncached_formulas: list[tuple[int, int]] = field(default_factory=list)
    # Formula cells that refer to another workbook ([1]Sheet1!A1).
    external_refs: list[tuple[int, int]] = field(default_factory=list)
    # Texts longer than Excel allows, cut to MAX_TEXT characters.
    long_texts: list[tuple[int, int]] = field(default_factory=list)


@functools.lru_cache(maxsize=1024)
def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def scan_sheet(book: Package, part: str, sink: _CellSink) -> None:
    """The fast path: ordinary worksheet XML (what Excel, LibreOffice, openpyxl and xlsxwriter
    write) read with bounded patterns over complete rows; anything else is _Fallback."""
    with book._open(part) as stream:
        head = stream.read(CHUNK)
        if head[:3] == b"\xef\xbb\xbf":
            head = head[3:]
        elif head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head[:4]:
            raise _Fallback  # UTF-16 (or anything else that is not UTF-8): expat reads it
        buf = _declaration(head)
        end, sink.prefixes, root = _root_start(buf)
        buf = buf[end:]
        closed = re.compile(rb"</" + re.escape(root) + rb"\s*>\s*$")
        last = b""  # the last block after <sheetData>: it must close the root element
        foreign = False  # after <sheetData>: a prefixed (extension) element has been met
        phase = 0  # 0 before <sheetData>, 1 inside, 2 after
        eof = False
        while True:
            if phase == 0:
                at = buf.find(b"<sheetData")
                _plain(buf if at < 0 else buf[:at])
                if at >= 0:
                    sink.outside(buf[:at])
                    gt = buf.find(b">", at)
                    if gt < 0:
                        raise _Fallback
                    if b"xmlns" in buf[at:gt]:
                        raise _Fallback
                    if buf[gt - 1:gt] == b"/":
                        buf, phase = buf[gt + 1:], 2
                    elif not _SHEETDATA_OPEN.fullmatch(buf, at, gt + 1):
                        raise _Fallback
                    else:
                        buf, phase = buf[gt + 1:], 1
            if phase == 1:
                end = buf.find(b"</sheetData>")
                cut = end if end >= 0 else buf.rfind(b"</row>") + 6
                if cut >= 6 or end >= 0:
                    block = buf[:cut]
                    # Only a row's own elements (rows() hands anything else to expat: a comment,
                    # CDATA, a prefix, another <sheetData>; a '</sheetData>' inside a comment
                    # leaves the comment's start in the block).
                    if b"xmlns" in block or _bad_bytes(block) or not _references_ok(block):
                        raise _Fallback
                    if not block.isascii():
                        block.decode("utf-8")  # not UTF-8: the part is refused, as expat refuses it
                    sink.rows(block)
                    buf = buf[cut:]
                    if end >= 0:
                        buf, phase = buf[12:], 2
            if phase == 2:
                if b"<sheetData" in buf:
                    raise _Fallback  # a second <sheetData>: expat reads both
                cut = buf.rfind(b">") + 1
                block, buf = buf[:cut], buf[cut:]
                if b"<!" in block or b"<?" in block or _bad_bytes(block) or not _references_ok(block):
                    raise _Fallback
                if block.strip(b" \t\r\n"):
                    last = block
                if not foreign:
                    # Excel ends a sheet with <extLst> of x14 elements after <mergeCells>: read the
                    # merges before the first prefixed element, and make sure nothing after it counts.
                    m = _PREFIXED.search(block)
                    xmlns = block.find(b"xmlns")  # from the start of the tag that declares it
                    at = min(m.start() if m else len(block),
                             len(block) if xmlns < 0 else max(block.rfind(b"<", 0, xmlns), 0))
                    sink.outside(block[:at])
                    block, foreign = block[at:], at < len(block)
                if foreign and block:
                    if (_MAIN_AFTER.search(block) or sum(map(block.count, _CELL_STARTS))
                            or _ROW_START.search(block) or len(_TAG.findall(block)) != block.count(b"<")):
                        raise _Fallback  # a merge, cell or row expat might read there: let it decide
                    if not block.isascii():
                        block.decode("utf-8")
            if eof:
                break
            if len(buf) > 8 * CHUNK:
                raise _Fallback  # one element larger than any ordinary row
            chunk = stream.read(CHUNK)
            if not chunk:
                eof = True
                if phase == 0 and b"<sheetData" not in buf:
                    sink.outside(buf)
                    buf = b""
            buf += chunk
        if phase != 2 or buf.strip() or not closed.search(last):
            raise _Fallback  # unfinished, or the root element never closes: expat says so


def expat_sheet(book: Package, part: str, sink: _CellSink) -> None:
    # One cell's state: position, type, style, <v> text, <f> text, <is> text; "in" names the
    # element whose text is being gathered.
    st = {"row": 0, "col": 0, "r": 0, "c": 0, "t": "n", "s": "0", "v": None, "f": None, "is": None,
          "in": None, "cut": False}
    buf = _TextBuffer()
    inline = phonetic = 0

    def start(tag, attrs):
        nonlocal inline, phonetic
        if tag == "c":
            ref = attrs.get("r")
            pos = parse_ref(ref) if ref else None
            if pos is None:
                if ref or st["row"] is None or not 1 <= st["row"] <= MAX_ROW or st["col"] >= MAX_COL:
                    raise _Stop(book._unreadable(sink.grid.name, "sel dengan alamat yang tidak sah ("
                                                 f"{short_name(ref or 'tanpa alamat, di baris tanpa nomor')})"))
                pos = (st["row"], st["col"] + 1)  # position implied by order
            st["r"], st["c"] = pos
            st["col"] = pos[1]
            st["t"] = attrs.get("t", "n")
            st["s"] = attrs.get("s", "0")
            st["v"] = st["f"] = st["is"] = None
            st["cut"] = False
            inline = phonetic = 0
        elif tag == "row":
            # A row's own number only matters for cells without an address (and for hiding it);
            # one that cannot be a row number leaves those cells without a place.
            r = attrs.get("r")
            try:
                row = int(r) if r else st["row"] + 1
            except (ValueError, TypeError):
                row = None
            if row is not None and not 1 <= row <= MAX_ROW:
                row = None
            st["row"], st["col"] = row, 0
            if row is not None and attrs.get("hidden", "0").strip(_XML_SPACE).lower() in _TRUE:
                sink.hide_row(row)
        elif tag == "v" or tag == "f":
            st["in"] = tag
            buf.reset()
        elif tag == "is":
            inline += 1
            if st["is"] is None:
                st["is"] = ""
        elif tag == "rPh":
            phonetic += 1
        elif tag == "t" and inline and not phonetic:
            st["in"] = "t"
            buf.reset()
        elif tag == "mergeCell":
            sink.merge(attrs.get("ref", ""))
        elif tag == "col":
            sink.col(attrs)

    def end(tag):
        nonlocal inline, phonetic
        if tag == "v" or tag == "f" or tag == "t":
            if st["in"] == tag:
                text = buf.value()
                if tag != "f":
                    st["cut"] = st["cut"] or buf.cut
                if tag == "t":
                    st["is"] += text  # each run of rich text adds its own text only
                else:
                    st[tag] = text
                st["in"] = None
        elif tag == "rPh":
            phonetic -= 1
        elif tag == "is":
            inline -= 1
        elif tag == "c":
            sink.cell(st["r"], st["c"], st["t"], st["s"], st["v"], st["f"], st["is"], st["cut"])

    def chars(data):
        if st["in"] is not None:
            buf.add(data)

    book._parse(part, start, end, chars)


_SHEETDATA_OPEN = re.compile(rb"<sheetData(?:\s++" + _ATTR_RE + rb")*+\s*+/?>")
# A cell in the usual attribute order (r, s, t); other attributes or orders go through _ATTR. The
# common body, one non-empty <v> and nothing else, is its own group (value); any other body is
# `body`, which never runs past the next cell's start: an unclosed <c> costs one look, not a scan
# to the end of the row block.
# A cell in the usual attribute order (r, s, t; other attributes or orders go through _ATTR): the
# self-closing form, the common body (one non-empty <v> and nothing else) as its own group, or any
# other body, which never runs past the next cell's start (an unclosed <c> costs one look, not a
# scan to the end of the block). A row's start tag, its attributes.
_CELL = re.compile(rb'<c(?:\s+r="([A-Z]{1,3})([0-9]{1,7})")?(?:\s+s="([0-9]+)")?(?:\s+t="([a-zA-Z]+)")?'
                   rb'((?:\s++' + _ATTR_RE + rb')*+)\s*+'
                   rb'(?:(/)>|><v>([^<]++)</v></c>|>((?:[^<]++|<(?!/c>|c[\s/>]))*+)</c>)')
_ROW_TAG = re.compile(rb'<row((?:\s++' + _ATTR_RE + rb')*+)\s*+/?>')
_DIGITLESS = methodcaller("translate", None, b"0123456789")
_CELL_STARTS = (b"<c ", b"<c>", b"<c/", b"<c\t", b"<c\n", b"<c\r")
# Any other cell body the fast path reads: an optional <f>, an optional <v>, an optional plain <is>.
# Groups: <f (its attributes), its text; <v, its text; <is>, its <t>'s text.
_BODY = re.compile(rb'\s*+(?:<f((?:\s++' + _ATTR_RE + rb')*+)\s*+(?:/>|>([^<]*+)</f\s*+>))?'
                   rb'\s*+(?:(<v)(?:\s++' + _ATTR_RE + rb')*+\s*+(?:/>|>([^<]*+)</v\s*+>))?'
                   rb'\s*+(?:(<is)\s*+>\s*+<t(?:\s++' + _ATTR_RE + rb')*+\s*+(?:/>|>([^<]*+)</t\s*+>)\s*+</is\s*+>)?'
                   rb'\s*+')
# After an extension element: a merge, a default namespace, or a prefix bound to SpreadsheetML.
_MAIN_AFTER = re.compile(rb"<mergeCell|<col\b|xmlns\s*=|spreadsheetml/2006/main|ooxml/spreadsheetml/main")
_ROW_START = re.compile(rb"<row\b")
_MERGE = re.compile(rb"<mergeCell\b([^<>]*)>")
_MERGE_START = re.compile(rb"<mergeCell\b")
_COL = re.compile(rb"<col\b([^<>]*)>")
_COL_START = re.compile(rb"<col\b")


def _capped(value: str | None, formula: str | None, inline: str | None):
    """(value, formula, inline, cut) as expat's text buffers keep them: at most MAX_TEXT + 16 characters."""
    cut = False
    if value is not None and len(value) > MAX_TEXT + 16:
        value, cut = value[:MAX_TEXT + 16], True
    if inline is not None and len(inline) > MAX_TEXT + 16:
        inline, cut = inline[:MAX_TEXT + 16], True
    return value, formula, inline, cut


def _number(raw: str) -> int | float | None:
    """A number cell's stored text as a number: int up to 15 characters without '.' or exponent, else
    float. None when it is no number the file format allows."""
    m = _NUMBER.fullmatch(raw)
    if m is None:
        return None
    s = m.group(1)
    if len(s) > 15 or "." in s or "e" in s or "E" in s:
        return float(s)
    return int(s)


class _CellSink:
    """Turns cells as the file states them (type, style, text of <v>, <f> and <is>) into grid values;
    one definition for the fast path and expat."""

    def __init__(self, book: XlsxFile, grid: Grid):
        self.book = book
        self.grid = grid
        self.styles = book._styles or []
        self.epoch = _EPOCH_1904 if book.date1904 else _EPOCH_1900
        self.shared_cells: dict[int, list[tuple[int, int]]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self.hidden_ranges: list[tuple[int, int]] = []
        self._cols: dict[bytes, int] = {}
        self._row_shapes: set[bytes] = set()
        self.prefixes: set[str] = {"xml"}  # namespace prefixes the root element declares
        self._styles_seen: dict[bytes | str, tuple[str | None, bool]] = {}

    def finish(self) -> None:
        """Merged ranges and hidden columns into the grid."""
        self.grid.merges = self.merges
        hidden = self.grid.hidden_cols
        for lo, hi in _union(self.hidden_ranges):
            hidden.update(range(lo, hi + 1))

    # -------------------------------------------------------- fast path pieces

    def outside(self, xml: bytes) -> None:
        """What a sheet holds before or after <sheetData>: hidden columns and merged ranges (in any
        order, as expat reads them)."""
        if sum(map(xml.count, _CELL_STARTS)) or _ROW_START.search(xml):
            raise _Fallback  # cells outside <sheetData>: expat reads them where they are
        if len(_TAG.findall(xml)) != xml.count(b"<"):
            raise _Fallback  # a tag the pattern does not read whole: expat says what it is
        if not xml.isascii():
            xml.decode("utf-8")  # not UTF-8: the part is refused, as expat refuses it
        for name in _PREFIXED_ATTR.findall(xml):
            if name.decode() not in self.prefixes:
                raise _Fallback  # a prefix the root does not declare: expat refuses it
        if b"<col" in xml:
            found = 0
            for m in _COL.finditer(xml):
                self.col(self._attrs(m.group(1)))
                found += 1
            if found != len(_COL_START.findall(xml)):
                raise _Fallback  # a <col that never closes: expat says what it is
        if b"<mergeCell" in xml:
            found = 0
            for m in _MERGE.finditer(xml):
                self.merge(self._attrs(m.group(1)).get("ref", ""))
                found += 1
            if found != len(_MERGE_START.findall(xml)):
                raise _Fallback

    def _attrs(self, raw: bytes) -> dict[str, str]:
        """A tag's attributes; _Fallback for a prefix the root does not declare."""
        attrs = _attrs(raw)
        for key in attrs:
            if ":" in key and key.partition(":")[0] not in self.prefixes:
                raise _Fallback
        return attrs

    def rows(self, xml: bytes) -> None:
        row_tags = _ROW_TAG.findall(xml)
        if len(row_tags) != xml.count(b"<row"):
            raise _Fallback  # a row tag the pattern does not read whole
        shapes = dict(zip(map(_DIGITLESS, row_tags), row_tags))  # a sheet's rows share a few shapes
        for shape, attrs in shapes.items():
            if shape not in self._row_shapes:
                self._attrs(attrs)  # a repeated attribute, an unbound prefix: _Fallback
                self._row_shapes.add(shape)
        if b"hidden" in xml:
            for attrs in row_tags:
                if b"hidden" in attrs:
                    self._row(self._attrs(attrs))
        tags = 0  # the '<' of the cells read: with the rows' own, every '<' of the block
        cols = self._cols
        values, formats, style_info = self.grid.values, self.grid.formats, self._style_info
        styles_seen = self._styles_seen
        shared_cells = self.shared_cells
        stored = 0
        row_bytes, r = b"", 0  # one int per row, shared by its cells' keys
        for letters, row, style, kind, extra, closed, v, body in _CELL.findall(xml):
            if extra:  # attributes in another order, or more of them
                a = self._attrs(extra)
                if (letters and "r" in a) or (style and "s" in a) or (kind and "t" in a):
                    raise _Fallback  # a repeated attribute: expat refuses the part
                if "r" in a:
                    m = _CELL_REF.match(a["r"])
                    if m is None:
                        raise _Fallback
                    letters, row = m.group(1).encode(), m.group(2).encode()
                if not style:
                    style = a.get("s", "0").encode()
                if not kind:
                    kind = a.get("t", "n").encode()
            if not letters:
                raise _Fallback  # a position implied by order: expat keeps count
            c = cols.get(letters)
            if c is None:
                c = cols[letters] = col_index(letters.decode())
                if c > MAX_COL:
                    raise _Fallback
            if row != row_bytes:
                r = int(row)
                if not 1 <= r <= MAX_ROW:
                    raise _Fallback
                row_bytes = row
            if v:
                tags += 4
                if not kind or kind == b"n":
                    # The common cell, a stored number: no detour through text.
                    if len(v) <= 15 and v.isdigit():  # ASCII digits: a whole number
                        number = int(v)
                    else:
                        number = None
                        if not v.translate(None, _NUMBER_BYTES):  # digits, sign, point, exponent only
                            try:
                                number = float(v) if len(v) > 15 or v.translate(None, _INT_BYTES) else int(v)
                            except ValueError:
                                pass
                        if number is None:
                            number = _number(_xml_text(v))
                        if number is None or number in (_INF, -_INF):
                            self.cell(r, c, "n", style or b"0", *_capped(_xml_text(v), None, None))
                            continue
                    fmt, moment = styles_seen.get(style) or style_info(style)
                    key = (r, c)
                    values[key] = moment(number, self.epoch) if moment else number
                    if fmt:
                        formats[key] = fmt
                    stored += 1
                    continue
                if kind == b"s" and v.isdigit():
                    # A shared string (ASCII digits only: what cell() reads the same way): its text comes later.
                    key = (r, c)
                    index = int(v)
                    shared = shared_cells.get(index)
                    if shared is None:
                        shared_cells[index] = [key]
                    else:
                        shared.append(key)
                    values[key] = index
                    fmt = (styles_seen.get(style) or style_info(style))[0]
                    if fmt:
                        formats[key] = fmt
                    stored += 1
                    continue
                self.cell(r, c, kind.decode(), style or b"0", *_capped(_xml_text(v), None, None))
                continue
            if closed:
                tags += 1
                continue  # <c .../>: no value
            tags += 2 + body.count(b"<")
            if not body.strip(b" \t\r\n"):
                continue  # an empty body: no value
            m = _BODY.fullmatch(body)
            if m is None:
                raise _Fallback  # rich inline text, phonetic runs, extension elements: expat
            f_attrs, f_text, v_tag, v_text, is_tag, t_text = m.groups()
            formula = None
            if f_attrs is not None:
                if f_attrs:
                    self._attrs(f_attrs)  # a repeated attribute or an unbound prefix: _Fallback
                formula = _xml_text(f_text)[:MAX_TEXT + 16] if f_text else ""
            value = None if v_tag is None else _xml_text(v_text) if v_text else ""
            inline = None if is_tag is None else _xml_text(t_text) if t_text else ""
            self.cell(r, c, kind.decode() if kind else "n", style or b"0", *_capped(value, formula, inline))
        if tags + len(row_tags) + xml.count(b"</row>") != xml.count(b"<"):
            # A cell the pattern does not read whole (unclosed, unusual syntax), a comment, CDATA, a
            # prefixed or unknown element, an end tag spelt otherwise: expat says what it is.
            raise _Fallback
        if stored:
            self.book._count_cells(stored)

    def _row(self, attrs: dict[str, str]) -> None:
        if attrs.get("hidden", "0").strip(_XML_SPACE).lower() in _TRUE:
            if "r" not in attrs:
                raise _Fallback  # its number is implied by order: expat keeps count
            try:
                row = int(attrs["r"])
            except ValueError:
                return  # no row number: nothing to hide (as expat reads it)
            if 1 <= row <= MAX_ROW:
                self.hide_row(row)

    def _style_info(self, style: bytes | str):
        """(number format to keep, what a stored number means under it: None, _to_datetime for a date
        or time format, _to_duration for an elapsed-time one) of a style index, cached."""
        known = self._styles_seen.get(style)
        if known is None:
            try:
                s = int(style)
            except ValueError:
                s = 0
            fmt = self.styles[s] if 0 <= s < len(self.styles) else None
            keep = fmt if fmt and fmt != "General" else None
            moment = _to_duration if is_duration_format(fmt) else _to_datetime if is_date_format(fmt) else None
            known = self._styles_seen[style] = (keep, moment)
        return known

    # ----------------------------------------------------------------- shared

    def hide_row(self, row: int) -> None:
        if row not in self.grid.hidden_rows:
            self.book._count_cells(1)
            self.grid.hidden_rows.add(row)

    def col(self, attrs: dict[str, str]) -> None:
        self.book._count_cells(1)
        if attrs.get("hidden", "0").strip(_XML_SPACE).lower() in _TRUE:
            try:
                lo, hi = int(attrs.get("min", "0")), min(int(attrs.get("max", "0")), MAX_COL)
            except ValueError:
                return
            if 1 <= lo <= hi:
                self.hidden_ranges.append((lo, hi))

    def merge(self, ref: str) -> None:
        if len(self.merges) >= MAX_MERGES:
            raise _Stop(self.book._refuse(f"lembar {short_name(self.grid.name)} berisi lebih dari "
                                          f"{angka(MAX_MERGES, 0)} sel gabungan"))
        a, _, b = ref.partition(":")
        p, q = parse_ref(a), parse_ref(b or a)
        if p and q:
            self.merges.append((min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])))

    def cell(self, r: int, c: int, kind: str, style, v: str | None, formula: str | None, inline: str | None,
             cut: bool) -> None:
        """One cell: `v` the text of its <v>, `inline` of its <is> (None when absent)."""
        raw = inline if kind == "inlineStr" and inline is not None else v
        grid = self.grid
        if formula is not None:
            if raw is None or (raw == "" and kind not in ("str", "inlineStr")):
                self.book._count_cells(1)
                grid.uncached_formulas.append((r, c))
                return
            if "[" in formula and "]" in formula:
                grid.external_refs.append((r, c))
        if raw is None:
            return
        fmt, moment = self._style_info(style)
        value: object
        if kind == "s":
            raw = raw.strip(_XML_SPACE)
            if not raw:
                return  # <v/>: an empty cell
            if not raw.isdigit() or not raw.isascii():
                raise _Stop(self.book._unreadable(grid.name, f"sel {column_letter(c)}{r} yang merujuk teks bersama "
                                                  f"dengan nomor yang tidak sah ({short_name(raw)})"))
            index = int(raw)
            self.shared_cells.setdefault(index, []).append((r, c))
            value = index  # replaced by the text once the shared strings are read
        elif kind in ("inlineStr", "str", "e"):
            value = clean_text(_unescape(raw))
            if cut or len(value) > MAX_TEXT:
                value = value[:MAX_TEXT]
                grid.long_texts.append((r, c))
            if not value.strip():
                return
            self.book._count_chars(len(value))
        elif kind == "b":
            value = raw.strip(_XML_SPACE) in _TRUE
        elif kind == "d":
            value = _iso_moment(raw.strip(_XML_SPACE))
        else:
            value = _number(raw)
            if value is None or value in (_INF, -_INF):
                # Not a number the format allows (`6.515.500`, `NaN`, `1e999`): the text as stored,
                # so the value's reader says it cannot read it instead of a silent blank.
                value = clean_text(raw.strip(_XML_SPACE))
                if not value:
                    return
                self.book._count_chars(len(value))
            elif moment:
                value = moment(value, self.epoch)
        self.book._count_cells(1)
        key = (r, c)
        grid.values[key] = value
        if fmt:
            grid.formats[key] = fmt


_INF = float("inf")
_NUMBER_BYTES = b"0123456789+-.eE"
_INT_BYTES = b"0123456789+-"


def _union(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for lo, hi in sorted(ranges):
        if out and lo <= out[-1][1] + 1:
            if hi > out[-1][1]:
                out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


def _iso_moment(text: str) -> object:
    """An ISO 8601 date, date and time, or time of day (t="d"); the text itself when it is none."""
    bare = text.rstrip("Z")
    for parse in (_dt.datetime.fromisoformat, _dt.time.fromisoformat):
        try:
            return parse(bare)
        except ValueError:
            pass
    return clean_text(text)


def _to_duration(serial: float, epoch: _dt.datetime) -> object:
    """A number under an elapsed-time format ([h]:mm:ss) as the duration it shows, to the millisecond."""
    try:
        span = _dt.timedelta(days=serial)
        if span.microseconds:
            span = _dt.timedelta(seconds=span.total_seconds() // 1, microseconds=round(span.microseconds, -3))
        return span
    except (OverflowError, ValueError):
        return serial


def _to_datetime(serial: float, epoch: _dt.datetime) -> object:
    """A date-formatted number as Excel shows it: a time of day below 1, else a date and time."""
    try:
        day, fraction = divmod(serial, 1)
        time_part = _dt.timedelta(milliseconds=round(fraction * 86_400_000))
        if 0 <= serial < 1 and time_part.days == 0:
            return (_dt.datetime.min + time_part).time()
        if epoch is _EPOCH_1900 and 0 < serial < 60:
            day += 1  # Excel's 1900 leap-year bug: serials before 1 March 1900 are one day off
        return epoch + _dt.timedelta(days=day) + time_part
    except (OverflowError, ValueError):
        return serial


def _clip_merges(merges, grid: Grid, refuse) -> list[tuple[int, int, int, int]]:
    """Merged ranges cut to the rows and columns that hold data; a range over the whole sheet
    (A1:XFD1048576) must not cost a cell per covered address."""
    if not merges:
        return []
    max_r = max(grid.values, default=(0, 0))[0]
    max_c = max(map(itemgetter(1), grid.values), default=0)
    seen: set[tuple[int, int, int, int]] = set()
    out: list[tuple[int, int, int, int]] = []
    covered = 0
    for r0, c0, r1, c1 in merges:
        if r0 > max_r or c0 > max_c:
            continue
        rng = (r0, c0, min(r1, max_r), min(c1, max_c))
        if rng in seen or (rng[0] == rng[2] and rng[1] == rng[3]):
            continue
        seen.add(rng)
        covered += (rng[2] - rng[0] + 1) * (rng[3] - rng[1] + 1)
        if covered > MAX_MERGED_CELLS:
            raise refuse(f"lembar {short_name(grid.name)} berisi sel gabungan yang mencakup lebih dari "
                         f"{angka(MAX_MERGED_CELLS, 0)} sel")
        out.append(rng)
    return out
