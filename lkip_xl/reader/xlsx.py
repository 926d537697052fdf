"""A streaming .xlsx reader with hard limits: only the sheets asked for, values, number formats,
merged ranges and hidden rows/columns, in bounded memory and time.

Why not openpyxl: it loads every sheet, materialises every merged cell and copies every shared
string per cell before any limit can apply (a 13 KB file with one sheet-wide merge took 6.8 GB).
Here every part is parsed by expat as it inflates, and each limit stops the parse the moment it
is crossed, with one Indonesian sentence.
"""
from __future__ import annotations

import contextlib
import datetime as _dt
import posixpath
import re
import zipfile
import zlib
from operator import itemgetter
from dataclasses import dataclass, field
from xml.parsers import expat

from lkip_xl.errors import InputError
from lkip_xl.textfmt import angka

# Excel's own cell limit; a longer text can only come from a tool that ignored it.
MAX_TEXT = 32_767
MAX_ROW, MAX_COL = 1_048_576, 16_384
# Non-empty cells kept over all sheets read: it bounds memory. A kabupaten dinas' rincian (2,000 sub
# kegiatan x 50 akun lines, 102k rows on DPA and on Realisasi) is ~820k cells and `check` peaks at
# ~330 MB on it (benchmarks/bench_scale.py); 1.5M admits the same rows with ~7 filled columns per
# sheet and stays well under 1 GB.
MAX_CELLS = 1_500_000
# Characters of text kept over all sheets read (distinct shared strings count once).
MAX_CHARS = 64_000_000
MAX_MERGES = 100_000
# Cells covered by merged ranges once clipped to the sheet's data extent.
MAX_MERGED_CELLS = 500_000
# Parts that are read: inflated size per part and in total.
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_READ_BYTES = 400 * 1024 * 1024
# Below this inflated size a high compression ratio is ordinary (repetitive XML), not a bomb.
RATIO_FLOOR_BYTES = 16 * 1024 * 1024
MAX_RATIO = 100
CHUNK = 1 << 16

BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)", 41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)', 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_DATE_STRIP = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CHARS = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_CELL_REF = re.compile(r"^\$?([A-Za-z]{1,3})\$?(\d{1,7})$")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
_EPOCH_1900 = _dt.datetime(1899, 12, 30)
_EPOCH_1904 = _dt.datetime(1904, 1, 1)
_REL_OFFICE = "/officeDocument"


def is_date_format(fmt: str | None) -> bool:
    if not fmt:
        return False
    return _DATE_CHARS.search(_DATE_STRIP.sub("", fmt.split(";")[0])) is not None


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
class SheetInfo:
    name: str
    part: str | None  # zip member of the worksheet; None for a chart sheet
    hidden: bool = False


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


class _Stop(Exception):
    """Raised inside an expat handler to end the parse with an InputError."""

    def __init__(self, error: InputError):
        self.error = error


def _local(name: str) -> str:
    return name.rpartition(":")[2]


def _unescape(text: str) -> str:
    # Excel writes control characters in text as _xHHHH_.
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


class XlsxFile:
    """An opened .xlsx: the sheet list at once, each sheet's grid on demand."""

    def __init__(self, path: str, display_name: str):
        self.path = path
        self.name = display_name
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise self._broken() from None
        self._members = {i.filename: i for i in self._zip.infolist()}
        self._lower = {n.lower(): n for n in self._members}
        self._read_bytes = 0
        self._counted: set[str] = set()
        self._cells = 0
        self._chars = 0
        self.date1904 = False
        self.sheets: list[SheetInfo] = []
        self.has_external_links = any(n.lower().startswith("xl/externallinks/") for n in self._members)
        self._workbook_part = self._office_document()
        self._read_workbook()
        self._styles: list[str | None] | None = None
        self._shared: list[str] | None = None

    def close(self) -> None:
        self._zip.close()

    # ----------------------------------------------------------------- errors

    def _broken(self) -> InputError:
        return InputError(f"Berkas {self.name} rusak atau terpotong (bukan arsip .xlsx yang utuh).")

    def _refuse(self, why: str) -> InputError:
        return InputError(f"Berkas {self.name} ditolak: {why}.")

    # ------------------------------------------------------------------ parts

    def _member(self, part: str) -> zipfile.ZipInfo | None:
        part = part.lstrip("/")
        info = self._members.get(part)
        if info is None:
            real = self._lower.get(part.lower())
            info = self._members.get(real) if real else None
        return info

    @contextlib.contextmanager
    def _open(self, part: str, *, required: bool = True):
        """The inflating stream of one part, within the limits; None when an optional part is absent.
        Every failure inside the block becomes the product's own sentence."""
        info = self._member(part)
        if info is None:
            if required:
                raise InputError(f"Berkas {self.name} bukan workbook Excel .xlsx yang lengkap (bagian {part} "
                                 "tidak ada).")
            yield None
            return
        size = info.file_size
        ratio = size / max(info.compress_size, 1)
        if size > MAX_PART_BYTES or (size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise self._refuse(f"bagian {info.filename} akan mengembang menjadi {angka(size / 1e6, 0)} MB "
                               f"(rasio {angka(ratio, 0)}:1), kemungkinan bom dekompresi")
        if info.filename not in self._counted:
            self._counted.add(info.filename)
            self._read_bytes += size
            if self._read_bytes > MAX_READ_BYTES:
                raise self._refuse(f"lembar yang dibaca mengembang menjadi lebih dari "
                                   f"{angka(MAX_READ_BYTES / 1e6, 0)} MB")
        try:
            with self._zip.open(info) as raw:
                yield _Bounded(raw, size, self, info.filename)
        except _Stop as stop:
            raise stop.error from None
        except (InputError, _Fallback):
            raise
        except expat.ExpatError as exc:
            raise InputError(f"Berkas {self.name} tidak dapat dibaca sebagai workbook Excel: bagian "
                             f"{info.filename} berisi XML yang rusak (baris {exc.lineno}).") from None
        except UnicodeDecodeError:
            raise InputError(f"Berkas {self.name} tidak dapat dibaca sebagai workbook Excel: bagian "
                             f"{info.filename} berisi teks yang bukan UTF-8.") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression
            raise self._broken() from None

    def _parse(self, part: str, start, end=None, text=None, *, required: bool = True) -> bool:
        """Stream one part through expat with the given handlers; False when it is absent."""
        with self._open(part, required=required) as stream:
            if stream is None:
                return False
            parser = expat.ParserCreate()
            parser.buffer_text = True
            parser.buffer_size = CHUNK
            parser.StartElementHandler = start
            if end is not None:
                parser.EndElementHandler = end
            if text is not None:
                parser.CharacterDataHandler = text

            def no_dtd(*_args) -> None:
                # No part of an .xlsx declares a DTD; one that does may hide an entity bomb.
                raise _Stop(self._refuse(f"bagian {stream.name} memuat deklarasi DTD/entitas XML yang tidak "
                                         "dipakai oleh workbook Excel, kemungkinan bom entitas XML"))

            parser.StartDoctypeDeclHandler = no_dtd
            parser.EntityDeclHandler = no_dtd
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
        return True

    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part) of `part`."""
        folder, base = posixpath.split(part)
        rels: dict[str, tuple[str, str]] = {}

        def start(name, attrs):
            if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
                target = attrs.get("Target", "")
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                    posixpath.join(folder, target))
                rels[attrs.get("Id", "")] = (attrs.get("Type", ""), target)

        self._parse(posixpath.join(folder, "_rels", base + ".rels"), start, required=False)
        return rels

    def _office_document(self) -> str:
        for kind, target in self._rels("").values():
            if kind.endswith(_REL_OFFICE):
                return target
        return "xl/workbook.xml"

    def _read_workbook(self) -> None:
        if self._member(self._workbook_part) is None:
            raise InputError(f"Berkas {self.name} bukan workbook Excel .xlsx (tidak ada xl/workbook.xml).")
        rels = self._rels(self._workbook_part)
        found: list[tuple[str, str, bool]] = []

        def start(name, attrs):
            tag = _local(name)
            if tag == "sheet":
                rid = next((v for k, v in attrs.items() if ":" in k and _local(k) == "id"), "")
                found.append((attrs.get("name", ""), rid, attrs.get("state", "visible") != "visible"))
            elif tag == "workbookPr":
                self.date1904 = attrs.get("date1904", "0").lower() in ("1", "true")

        self._parse(self._workbook_part, start)
        for name, rid, hidden in found:
            kind, target = rels.get(rid, ("", ""))
            part = target if kind.endswith("/worksheet") and self._member(target) else None
            self.sheets.append(SheetInfo(name, part, hidden))

    def _read_styles(self) -> list[str | None]:
        """Number format of each cell style (cellXfs index)."""
        custom: dict[int, str] = {}
        xf_ids: list[int] = []
        stack: list[str] = []

        def start(name, attrs):
            tag = _local(name)
            if tag == "numFmt":
                try:
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            elif tag == "xf" and stack and stack[-1] == "cellXfs":
                try:
                    xf_ids.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xf_ids.append(0)
            stack.append(tag)

        def end(name):
            stack.pop()

        self._parse(self._styles_part(), start, end, required=False)
        return [custom.get(i, BUILTIN_FORMATS.get(i)) for i in xf_ids]

    def _styles_part(self) -> str:
        for kind, target in self._rels(self._workbook_part).values():
            if kind.endswith("/styles"):
                return target
        return "xl/styles.xml"

    def _shared_part(self) -> str:
        for kind, target in self._rels(self._workbook_part).values():
            if kind.endswith("/sharedStrings"):
                return target
        return "xl/sharedStrings.xml"

    def _read_shared(self, wanted: set[int]) -> dict[int, tuple[str, bool]]:
        """The shared strings whose index is in `wanted`: (text cut to MAX_TEXT, was cut)."""
        out: dict[int, tuple[str, bool]] = {}
        state = {"i": -1, "depth_skip": 0, "in_t": False}
        text = _TextBuffer()

        def start(name, attrs):
            tag = _local(name)
            if tag == "si":
                state["i"] += 1
                text.reset()
            elif tag == "rPh":
                state["depth_skip"] += 1  # phonetic guide text is not the cell's text
            elif tag == "t" and not state["depth_skip"] and state["i"] in wanted:
                state["in_t"] = True

        def end(name):
            tag = _local(name)
            if tag == "t":
                state["in_t"] = False
            elif tag == "rPh":
                state["depth_skip"] -= 1
            elif tag == "si" and state["i"] in wanted:
                value = _unescape(text.value())
                self._count_chars(len(value))
                out[state["i"]] = (value[:MAX_TEXT], text.cut or len(value) > MAX_TEXT)

        def chars(data):
            if state["in_t"]:
                text.add(data)

        self._parse(self._shared_part(), start, end, chars, required=False)
        return out

    def _count_chars(self, n: int) -> None:
        self._chars += n
        if self._chars > MAX_CHARS:
            raise _Stop(self._refuse(f"teks di lembar yang dibaca melebihi {MAX_CHARS // 10**6} juta karakter"))

    def _count_cells(self, n: int) -> None:
        self._cells += n
        if self._cells > MAX_CELLS:
            raise _Stop(self._refuse(f"lembar yang dibaca berisi lebih dari {angka(MAX_CELLS, 0)} sel"))

    # ------------------------------------------------------------------ sheet

    def read_sheets(self, infos: list[SheetInfo]) -> list[Grid]:
        """The grids of `infos`; the shared strings are read once, and only those the sheets use."""
        if self._styles is None:
            self._styles = self._read_styles()
        pending = [self._read_sheet(info) for info in infos]
        wanted = set().union(*(cells for _, cells in pending))
        texts = self._read_shared(wanted) if wanted else {}
        for grid, shared_cells in pending:
            values, formats = grid.values, grid.formats
            for index, cells in shared_cells.items():
                text, cut = texts.get(index, ("", False))
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
        cells_before = self._cells
        sink = _CellSink(self, Grid(info.name))
        try:
            self._scan_sheet(info.part, sink)
        except _Fallback:
            # Comments, CDATA, prefixed tags, implied addresses, giant cells: let expat read it.
            self._cells = cells_before
            sink = _CellSink(self, Grid(info.name))
            self._expat_sheet(info.part, sink)
        sink.grid.merges = sink.merges
        return sink.grid, sink.shared_cells

    def _scan_sheet(self, part: str, sink: "_CellSink") -> None:
        """The fast path: ordinary worksheet XML (what Excel, LibreOffice, openpyxl and xlsxwriter
        write) read with a few regular expressions over complete rows; anything else is _Fallback."""
        with self._open(part) as stream:
            head = stream.read(CHUNK)
            decl = _DECL.match(head)
            if decl and decl.group(1) and decl.group(1).lower() not in (b"utf-8", b"utf8"):
                raise _Fallback
            buf = head[decl.end():] if decl else head
            phase = 0  # 0 before <sheetData>, 1 inside, 2 after
            eof = False
            while True:
                if b"<!" in buf or b"<?" in buf or _PREFIXED.search(buf):
                    # A comment, CDATA, DTD or namespace prefixes: expat decides what they mean.
                    raise _Fallback
                if phase == 0:
                    at = buf.find(b"<sheetData")
                    if at >= 0:
                        sink.head(buf[:at])
                        buf, phase = buf[at:], 1
                if phase == 1:
                    end = buf.find(b"</sheetData>")
                    cut = end if end >= 0 else buf.rfind(b"</row>") + 6
                    if cut >= 6 or end >= 0:
                        sink.rows(buf[:cut])
                        buf = buf[cut:]
                        if end >= 0:
                            phase = 2
                    elif buf.find(b"<sheetData/>") == 0:
                        buf, phase = buf[12:], 2
                if phase == 2:
                    cut = buf.rfind(b">") + 1
                    sink.tail(buf[:cut])
                    buf = buf[cut:]
                if eof:
                    break
                if len(buf) > 8 * CHUNK:
                    raise _Fallback  # one element larger than any ordinary row
                chunk = stream.read(CHUNK)
                if not chunk:
                    eof = True
                    if phase == 0 and b"<sheetData" not in buf:
                        sink.head(buf)
                        buf = b""
                buf += chunk
            if phase == 1 or buf.strip():
                raise _Fallback

    def _expat_sheet(self, part: str, sink: "_CellSink") -> None:
        st = {"row": 0, "col": 0, "r": 0, "c": 0, "t": "n", "s": 0, "v": None, "f": None,
              "in": None, "inline": False, "skip": 0}
        buf = _TextBuffer()

        def start(name, attrs):
            tag = _local(name)
            if tag == "c":
                ref = attrs.get("r")
                pos = parse_ref(ref) if ref else None
                if pos is None:
                    pos = (st["row"], st["col"] + 1)  # position implied by order
                    if ref or pos[1] > MAX_COL or pos[0] < 1:
                        raise _Stop(self._broken())
                st["r"], st["c"] = pos
                st["col"] = pos[1]
                st["t"] = attrs.get("t", "n")
                st["s"] = attrs.get("s", "0")
                st["v"] = st["f"] = None
                st["inline"] = False
            elif tag == "row":
                r = attrs.get("r")
                try:
                    row = int(r) if r else st["row"] + 1
                except ValueError:
                    raise _Stop(self._broken()) from None
                if not 1 <= row <= MAX_ROW:
                    raise _Stop(self._broken())
                st["row"], st["col"] = row, 0
                if attrs.get("hidden", "0").lower() in ("1", "true"):
                    sink.grid.hidden_rows.add(row)
            elif tag == "v" or tag == "f":
                st["in"] = tag
                buf.reset()
            elif tag == "is":
                st["inline"] = True
                st["v"] = None
                buf.reset()
            elif tag == "t" and st["inline"] and not st["skip"]:
                st["in"] = "t"
            elif tag == "rPh":
                st["skip"] += 1
            elif tag == "mergeCell":
                sink.merge(attrs.get("ref", ""))
            elif tag == "col":
                sink.col(attrs)

        def end(name):
            tag = _local(name)
            if tag == "v" or tag == "f" or tag == "t":
                if st["in"] == tag:
                    text = buf.value()
                    if tag == "t":
                        st["v"] = (st["v"] or "") + text
                    else:
                        st[tag] = text
                    st["in"] = None
            elif tag == "rPh":
                st["skip"] -= 1
            elif tag == "is":
                st["inline"] = False
            elif tag == "c":
                sink.put(st["r"], st["c"], st["t"], st["s"], st["v"], st["f"], buf.cut)

        def chars(data):
            if st["in"] is not None:
                buf.add(data)

        self._parse(part, start, end, chars)


class _TextBuffer:
    """Character data of one element, kept to Excel's cell limit (plus slack for _xHHHH_ escapes):
    a 4 MB text never exists in memory whole."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.cut = False

    def add(self, data: str) -> None:
        room = MAX_TEXT + 16 - self.size
        if len(data) > room:
            data, self.cut = data[:max(room, 0)], True
        if data:
            self.parts.append(data)
            self.size += len(data)

    def value(self) -> str:
        return "".join(self.parts)


class _Bounded:
    """A part's stream that refuses to inflate beyond the size its zip directory declared."""

    def __init__(self, raw, size: int, book: "XlsxFile", name: str):
        self.raw, self.left, self.book, self.name = raw, size, book, name

    def read(self, n: int) -> bytes:
        data = self.raw.read(n)
        self.left -= len(data)
        if self.left < 0:
            raise self.book._refuse(f"bagian {self.name} lebih besar daripada yang tercatat di arsipnya")
        return data


class _Fallback(Exception):
    """The fast path met XML it does not read; expat reads the part instead."""


_DECL = re.compile(rb"\s*<\?xml[^>]*?(?:encoding\s*=\s*[\"']([^\"']*)[\"'])?[^>]*\?>")
# A cell in the usual attribute order (r, s, t); other attributes or orders go through _ATTR. The
# common body, one non-empty <v> and nothing else, is its own group (value); any other body is `body`.
_CELL = re.compile(rb'<c(?:\s+r="([A-Z]{1,3})([0-9]{1,7})")?(?:\s+s="([0-9]+)")?(?:\s+t="([a-zA-Z]+)")?'
                   rb'((?:\s+[A-Za-z_:][-\w.:]*\s*=\s*(?:"[^"]*"|\'[^\']*\'))*)\s*'
                   rb'(?:/>|><v>([^<]+)</v></c>|>(.*?)</c>)', re.S)
_PREFIXED = re.compile(rb"</?[A-Za-z_][-\w.]*:")
_ATTR = re.compile(rb'([A-Za-z_:][-\w.:]*)\s*=\s*(?:"([^"]*)"|\'([^\']*)\')')
_ROW_OPEN = re.compile(rb"<row\b([^>]*)>")
_FORMULA = re.compile(rb"<f\b[^>]*?(?:/>|>(.*?)</f>)", re.S)
_VALUE = re.compile(rb"<v(?:\s[^>]*)?>(.*?)</v>|<v\s*/>", re.S)
_PHONETIC = re.compile(rb"<rPh\b.*?</rPh>", re.S)
_TEXT = re.compile(rb"<t(?:\s[^>]*)?>(.*?)</t>", re.S)
_MERGE = re.compile(rb"<mergeCell\b([^>]*)>")
_COL = re.compile(rb"<col\b([^>]*)>")
_ENTITY = re.compile(rb"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_XML_ENTITIES = {b"amp": "&", b"lt": "<", b"gt": ">", b"quot": '"', b"apos": "'"}


def _xml_text(raw: bytes) -> str:
    """Bytes of XML character data as text: the five entities and character references."""
    if b"&" not in raw:
        return raw.decode("utf-8")
    out, pos = [], 0
    for m in _ENTITY.finditer(raw):
        out.append(raw[pos:m.start()].decode("utf-8"))
        name = m.group(1)
        if name[:1] == b"#":
            code = int(name[2:], 16) if name[1:2] in (b"x", b"X") else int(name[1:])
            if not 0 < code <= 0x10FFFF:
                raise _Fallback
            out.append(chr(code))
        elif name in _XML_ENTITIES:
            out.append(_XML_ENTITIES[name])
        else:
            raise _Fallback
        pos = m.end()
    rest = raw[pos:]
    if b"&" in rest:
        raise _Fallback
    out.append(rest.decode("utf-8"))
    return "".join(out)


def _attrs(raw: bytes) -> dict[str, str]:
    return {k.decode(): _xml_text(v1 if v1 or not v2 else v2) for k, v1, v2 in _ATTR.findall(raw)}


class _CellSink:
    """Turns cells as the file states them (type, style, text of <v>) into grid values; one
    definition for the fast path and expat."""

    def __init__(self, book: "XlsxFile", grid: Grid):
        self.book = book
        self.grid = grid
        self.styles = book._styles or []
        self.epoch = _EPOCH_1904 if book.date1904 else _EPOCH_1900
        self.shared_cells: dict[int, list[tuple[int, int]]] = {}
        self.merges: list[tuple[int, int, int, int]] = []
        self._cols: dict[bytes, int] = {}
        self._styles_seen: dict[bytes | str, tuple[str | None, bool]] = {}

    # -------------------------------------------------------- fast path pieces

    def head(self, xml: bytes) -> None:
        for m in _COL.finditer(xml):
            self.col(_attrs(m.group(1)))

    def tail(self, xml: bytes) -> None:
        for m in _MERGE.finditer(xml):
            self.merge(_attrs(m.group(1)).get("ref", ""))

    def rows(self, xml: bytes) -> None:
        if b"hidden" in xml:
            for m in _ROW_OPEN.finditer(xml):
                a = _attrs(m.group(1))
                if a.get("hidden", "0").lower() in ("1", "true"):
                    try:
                        self.grid.hidden_rows.add(int(a["r"]))
                    except (KeyError, ValueError):
                        raise _Fallback from None
        cols = self._cols
        values, formats, style_info = self.grid.values, self.grid.formats, self._style_info
        styles_seen = self._styles_seen
        shared_cells = self.shared_cells
        stored = 0
        row_bytes, r = b"", 0  # one int per row, shared by its cells' keys
        for letters, row, style, kind, extra, v, body in _CELL.findall(xml):
            if extra:  # attributes in another order, or more of them
                a = _attrs(extra)
                if not letters and "r" in a:
                    m = _CELL_REF.match(a["r"])
                    if m is None:
                        raise _Fallback
                    letters, row = m.group(1).encode(), m.group(2).encode()
                style = style or a.get("s", "0").encode()
                kind = kind or a.get("t", "n").encode()
            if not letters:
                raise _Fallback  # a position implied by order: expat keeps count
            if v:
                simple = True  # <v>text</v> and nothing else
            elif not body:
                continue
            else:
                simple = body[:3] == b"<v>" and body.find(b"<", 3) == len(body) - 4
                v = body[3:-4]
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
            if simple and (not kind or kind == b"n"):
                # The common cell, a stored number: no detour through text.
                try:
                    if len(v) <= 15 and v.isdigit():  # ASCII digits: a whole number
                        number = int(v)
                    elif len(v) <= 15 and b"." not in v and b"e" not in v and b"E" not in v:
                        number = int(v)
                    else:
                        number = float(v)
                        if number != number or number in (_INF, -_INF):
                            raise ValueError
                except ValueError:
                    self.put(r, c, "n", style or b"0", _xml_text(v), None, False)
                    continue
                fmt, is_date = styles_seen.get(style) or style_info(style)
                key = (r, c)
                values[key] = _to_datetime(number, self.epoch) if is_date else number
                if fmt:
                    formats[key] = fmt
                stored += 1
                continue
            if simple and kind == b"s" and v.isdigit():
                # A shared string (ASCII digits only: what put() reads the same way): its text comes later.
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
            t = kind.decode() if kind else "n"
            if simple:
                raw, formula = _xml_text(v), None
            elif t == "inlineStr" and body[:7] == b"<is><t>" and body.find(b"<", 7) == len(body) - 9:
                raw, formula = _xml_text(body[7:-9]), None  # <is><t>text</t></is>, as openpyxl writes
            else:
                fm = _FORMULA.search(body)
                formula = None if fm is None else _xml_text(fm.group(1) or b"")
                if t == "inlineStr":
                    texts = _TEXT.findall(_PHONETIC.sub(b"", body))
                    raw = _xml_text(b"".join(texts)) if texts else None
                else:
                    vm = _VALUE.search(body)
                    raw = None if vm is None else _xml_text(vm.group(1) or b"")
            cut = False
            if raw is not None and len(raw) > MAX_TEXT + 16:
                raw, cut = raw[:MAX_TEXT + 16], True
            self.put(r, c, t, style or b"0", raw, formula, cut)
        if stored:
            self.book._count_cells(stored)

    def _style_info(self, style: bytes | str) -> tuple[str | None, bool]:
        """(number format to keep, is a date format) of a style index, cached."""
        known = self._styles_seen.get(style)
        if known is None:
            try:
                s = int(style)
            except ValueError:
                s = 0
            fmt = self.styles[s] if 0 <= s < len(self.styles) else None
            keep = fmt if fmt and fmt != "General" else None
            known = self._styles_seen[style] = (keep, bool(fmt) and is_date_format(fmt))
        return known

    # ----------------------------------------------------------------- shared

    def col(self, attrs: dict[str, str]) -> None:
        if attrs.get("hidden", "0").lower() in ("1", "true"):
            try:
                lo, hi = int(attrs.get("min", "0")), min(int(attrs.get("max", "0")), MAX_COL)
            except ValueError:
                return
            if 1 <= lo <= hi and hi - lo < 1000:
                self.grid.hidden_cols.update(range(lo, hi + 1))

    def merge(self, ref: str) -> None:
        if len(self.merges) >= MAX_MERGES:
            raise _Stop(self.book._refuse(f"lembar {self.grid.name} berisi lebih dari {angka(MAX_MERGES, 0)} "
                                          "sel gabungan"))
        a, _, b = ref.partition(":")
        p, q = parse_ref(a), parse_ref(b or a)
        if p and q:
            self.merges.append((min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1])))

    def put(self, r: int, c: int, kind: str, style, raw: str | None, formula: str | None, cut: bool) -> None:
        grid = self.grid
        if formula is not None:
            if raw is None or (raw == "" and kind != "str"):
                grid.uncached_formulas.append((r, c))
                return
            if "[" in formula and "]" in formula:
                grid.external_refs.append((r, c))
        if raw is None:
            return
        fmt, is_date = self._style_info(style)
        value: object
        if kind == "s":
            try:
                index = int(raw)
            except ValueError:
                raise _Stop(self.book._broken()) from None
            self.shared_cells.setdefault(index, []).append((r, c))
            value = index  # replaced by the text once the shared strings are read
        elif kind in ("inlineStr", "str", "e"):
            value = _unescape(raw)
            if cut or len(value) > MAX_TEXT:
                value = value[:MAX_TEXT]
                grid.long_texts.append((r, c))
            if not value.strip():
                return
            self.book._count_chars(len(value))
        elif kind == "b":
            value = raw.strip() in ("1", "true")
        elif kind == "d":
            try:
                value = _dt.datetime.fromisoformat(raw.strip().rstrip("Z"))
            except ValueError:
                value = raw
        else:
            value = _number(raw)
            if value is None:
                return
            if isinstance(value, float) and (value != value or value in (_INF, -_INF)):
                value = raw.strip()  # not a number Excel can hold: keep the text, the reader says so
            elif is_date:
                value = _to_datetime(value, self.epoch)
        self.book._count_cells(1)
        key = (r, c)
        grid.values[key] = value
        if fmt:
            grid.formats[key] = fmt


_INF = float("inf")


def _number(raw: str) -> int | float | None:
    raw = raw.strip()
    if not raw:
        return None
    try:
        if "." in raw or "e" in raw or "E" in raw or len(raw) > 15:
            return float(raw)
        return int(raw)
    except ValueError:
        try:
            return float(raw)  # "NaN", "INF", odd spellings: the caller decides
        except ValueError:
            return None


def _to_datetime(serial: float, epoch: _dt.datetime) -> object:
    try:
        if epoch is _EPOCH_1900 and 0 < serial < 60:
            serial += 1  # Excel's 1900 leap-year bug: serials before 1 March 1900 are one day off
        day, fraction = divmod(serial, 1)
        moment = epoch + _dt.timedelta(days=day, milliseconds=round(fraction * 86_400_000))
    except (OverflowError, ValueError):
        return serial
    if 0 <= serial < 1:
        return moment.time()
    return moment


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
            raise refuse(f"lembar {grid.name} berisi sel gabungan yang mencakup lebih dari "
                         f"{angka(MAX_MERGED_CELLS, 0)} sel")
        out.append(rng)
    return out
