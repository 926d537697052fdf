"""Differential fuzz: the worksheet fast path (XlsxFile._scan_sheet) against expat (_expat_sheet).

Thousands of seeded, generated workbooks (one worksheet each, with styles and shared strings) are
read twice: by the default reader and with the fast path forced to fall back. The outcome must be
the same: both refuse with InputError, or both give grids equal in every attribute (values by type
and value). The generator varies what real writers and hostile files do: inline and rich strings,
shared strings with phonetic runs, CR/LF raw in text and between tags, entities and character
references, _xHHHH_ escapes, namespace prefixes and the strict namespace, odd attribute orders and
quotes, whitespace inside tags, missing `r`, hidden rows and columns, merges, a second sheetData,
comments, CDATA, mc:AlternateContent, extLst, BOM, declarations, UTF-16 and Latin-1 parts, rows past
the 64 KiB read chunk, and a few not-well-formed mutations (where both must refuse).

    LKIP_FUZZ_CASES=20000 pytest tests/test_reader_fuzz.py     # more cases (default 6000, ~11 s)
    LKIP_FUZZ_FIRST=100000 pytest tests/test_reader_fuzz.py    # other seeds: FIRST .. FIRST+CASES-1
    LKIP_FUZZ_SEED=1234 pytest tests/test_reader_fuzz.py       # one seed only
    python tests/test_reader_fuzz.py 1234                      # that seed's sheet, both outcomes, minimised
    python tests/test_reader_fuzz.py ordinary:50000173         # a seed of the fast-path-taken test
    python tests/test_reader_fuzz.py --survey 0 20000 [N]      # failing seeds grouped, N minimised each

A failure lists every kind of disagreement with its seeds, then minimised examples: the seed and the
smallest sheet XML (as a Python string literal) that still shows the disagreement, with what each
path read. Seeds are stable: the generator draws everything from random.Random(seed).
"""
from __future__ import annotations

import dataclasses
import io
import os
import random
import re
import sys
import time
import zipfile
from dataclasses import dataclass

from lkip_xl.errors import InputError
from lkip_xl.reader import xlsx
from lkip_xl.reader.xlsx import XlsxFile, column_letter

CASES = int(os.environ.get("LKIP_FUZZ_CASES", "6000"))
ONE_SEED = os.environ.get("LKIP_FUZZ_SEED")
FIRST_SEED = int(os.environ.get("LKIP_FUZZ_FIRST", "0"))
# Seeds of the "fast path is taken" test live apart from the differential's.
ORDINARY_BASE = 50_000_000

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
X14 = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"
XM = "http://schemas.microsoft.com/office/excel/2006/main"
XR = "http://schemas.microsoft.com/office/spreadsheetml/2014/revision"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
GRID_ATTRS = ("values", "formats", "merges", "hidden_rows", "hidden_cols", "uncached_formulas",
              "external_refs", "long_texts")


# --------------------------------------------------------------------------------- readers

class ExpatOnly(XlsxFile):
    """The reader with its fast path refused: expat reads every worksheet."""

    def _scan_sheet(self, part, sink):
        raise xlsx._Fallback


class Probe(XlsxFile):
    """The default reader, noting whether a worksheet fell back to expat."""

    fell_back = False

    def _expat_sheet(self, part, sink):
        self.fell_back = True
        return super()._expat_sheet(part, sink)


@dataclass
class Outcome:
    kind: str  # "ok", "refused" or "crash"
    grids: list | None = None
    detail: str = ""
    fell_back: bool | None = None


def _value(v):
    # int vs float matters, and repr keeps -0.0 apart from 0.0; NaN never reaches a grid.
    return type(v).__name__, repr(v) if isinstance(v, float) else v


def _norm(grid: xlsx.Grid) -> dict:
    return {"name": grid.name,
            "values": {k: _value(v) for k, v in grid.values.items()},
            "formats": dict(grid.formats),
            "merges": list(grid.merges),
            "hidden_rows": set(grid.hidden_rows),
            "hidden_cols": set(grid.hidden_cols),
            "uncached_formulas": list(grid.uncached_formulas),
            "external_refs": list(grid.external_refs),
            "long_texts": list(grid.long_texts)}


def read(data: bytes, cls=XlsxFile) -> Outcome:
    book = None
    try:
        book = cls(io.BytesIO(data), "fuzz.xlsx")
        try:
            grids = [_norm(g) for g in book.read_sheets(book.sheets)]
        finally:
            book.close()
    except InputError as exc:
        return Outcome("refused", detail=str(exc), fell_back=getattr(book, "fell_back", None))
    except Exception as exc:  # anything but InputError escaping the reader is a bug on its own
        return Outcome("crash", detail=f"{type(exc).__name__}: {exc}", fell_back=getattr(book, "fell_back", None))
    return Outcome("ok", grids, fell_back=getattr(book, "fell_back", None))


def compare(fast: Outcome, slow: Outcome) -> tuple | None:
    """None when the outcomes agree; else a short signature of how they differ."""
    if fast.kind == slow.kind == "ok":
        diff = tuple(a for a in ("name",) + GRID_ATTRS
                     if [g[a] for g in fast.grids] != [g[a] for g in slow.grids])
        return ("differ",) + diff if diff else None
    if fast.kind == slow.kind == "refused":
        return None
    return (f"fast {fast.kind}", f"expat {slow.kind}")


# ------------------------------------------------------------------------------ generator

WORDS = ["Belanja Pegawai", "Program Penunjang Urusan Pemerintahan", "Kecamatan Juai", "7.01.01",
         "5.1.02.01.01.0024", "Rp", "Uraian", "Pagu", "Realisasi", "Sasaran", "Ünïcödé", "“kutip” — ✓",
         "𝔸𝔹", "😀", "中文", "عربى", "a", "0", "6.515.500", "1.250.000,50", "100%", "Jl. Merdeka No. 1",
         "TOTAL", "x"]
ENTITIES = ["&amp;", "&lt;", "&gt;", "&quot;", "&apos;", "&#13;", "&#10;", "&#9;", "&#x41;", "&#233;",
            "&#x1D538;", "&#0065;", "&#xd;", "&#xA0;"]
ESCAPES = ["_x000D_", "_x000a_", "_x0009_", "_x005F_", "_x0041_", "_xZZZZ_", "_x00"]
EOLS = ["\r\n", "\n", "\r", "\r\r\n", "\n\r", "\r\n\r\n"]
INTS = ["0", "1", "42", "-7", "6025173178", "123456789012345", "1234567890123456",
        "12345678901234567890", "-123456789012345", "007", "+5", "-0", "2147483648"]
FLOATS = ["0.5", "-1250000.5", "1E-7", "1e-07", "1.2345678901234567E+19", "3.0", "1.", ".5", "1e5",
          "-0.0", "0.1", "9.9999999999999995E-7", "45292.75", "0.25", "6.0250000000000004E+9",
          "1.7976931348623157E+308", "5E-324", "1E+15", "123456789012345.6"]
MALFORMED_NUMBERS = ["6.515.500", "6,515,500", "1.234,56", "Rp 100", "12%", "", " ", "1_000", "0x10",
                     "NaN", "INF", "-inf", "1e400", "١٢٣", "１２", "1e", "e5", "--1", "1 000",
                     "1&#48;", "&#x31;.5", "&#49;&#50;", "12&#13;", "(500)"]
PADDED_NUMBERS = [" 12", "12 ", " 12345678901234", "12345678901234 ", "\n123456789012345\n",
                  "\t1.5", " -7 ", "  123456789012345", "\r\n42\r\n"]
DATE_SERIALS = ["45292", "45292.5", "0.75", "59", "60", "61", "1", "0", "-1", "2958465", "2958466",
                "3000000", "45292.999999999", "1e10"]
ERRORS = ["#DIV/0!", "#N/A", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"]
BOOLS = ["0", "1", "true", "false", " 1", "TRUE", "2", "", "1 "]
ISO_DATES = ["2024-12-31T00:00:00Z", "2024-12-31T13:45:00", "2024-12-31", "2024-02-30", "kemarin", "",
             " 2024-01-01 ", "2024-12-31T00:00:00.123Z", "13:45:00"]
FORMULAS = ["SUM(C4:C10)", "C4*2", "[1]Sheet1!A1", "'[Buku Anggaran.xlsx]DPA'!C4", "A1&amp;&quot;x&quot;",
            "IF(C4&gt;0,&quot;ya&quot;,&quot;tidak&quot;)", "C4>0", "", "ROUND(C4/D4,2)", "SUM([2]Rekap!B:B)",
            "_xlfn.XLOOKUP(A1,B:B,C:C)", "A1\r\n+B1"]
NUMFMTS = ["#,##0", "dd/mm/yyyy", "0.00%", "[$-421]dd mmmm yyyy", "#,##0.00;[Red](#,##0.00)",
           '"Rp"#,##0', "@", "0000", "h:mm:ss", "#,##0_);(#,##0)", "[h]:mm", "d-mmm-yy", "0.0%",
           '#,##0 "hari"', "yyyy-mm-dd hh:mm", "General"]
RUN_PROPS = ["<b/>", "<i/>", '<sz val="11"/>', '<color rgb="FFFF0000"/>', '<rFont val="Calibri"/>',
             '<family val="2"/>', '<charset val="1"/>', '<scheme val="minor"/>', '<u/>', '<color theme="1"/>']


class Ctx:
    """The habits of one worksheet's writer: drawn once per sheet, used for every element."""

    def __init__(self, rng: random.Random, ordinary: bool):
        self.rng = rng
        self.ordinary = ordinary
        wild = not ordinary
        ch = rng.choice
        self.ns = STRICT if rng.random() < 0.12 else MAIN
        self.prefix = None if ordinary or rng.random() < 0.8 else ch(["x", "s", "main", "ss"])
        self.prefix_all = self.prefix is not None and rng.random() < 0.6
        self.quote_p = ch([0, 0, 0, 0.1, 0.5, 1])
        self.order_p = ch([0, 0, 0.2, 0.7])
        self.space_p = ch([0, 0, 0, 0.1, 0.4])
        self.endspace_p = ch([0, 0, 0, 0, 0.05, 0.3]) if wild else 0
        self.seps = ch([[""], ["\n"], ["\r\n"], ["", "\n", "\r\n", "\r", " ", "\t", "\n  "]])
        self.comment_p = ch([0, 0, 0, 0, 0.03]) if wild else 0
        self.cdata_p = ch([0, 0, 0, 0, 0.05]) if wild else 0
        self.noref_p = ch([0, 0, 0, 0.1, 0.5]) if wild else 0
        self.rownoref_p = ch([0, 0, 0.2, 0.6])  # a row without r is ordinary unless it is hidden
        self.eol_p = ch([0, 0, 0.05, 0.3])  # raw CR/LF in text
        self.extra_p = ch([0, 0.1, 0.4])  # cm, vm, ph, customFormat...
        self.hidden_p = ch([0, 0.05, 0.3])
        self.odd_p = ch([0] * 6 + [0.02, 0.1]) if wild else 0  # rare or schema-invalid constructs
        # The root declares x14ac/xr as Excel does (always in an ordinary sheet); a wild sheet that does
        # not and still uses them is not namespace-well-formed: both paths must refuse it.
        self.ext_ns = ordinary or rng.random() < 0.6
        self.bad_p = ch([0] * 12 + [0.01, 0.05]) if wild else 0  # not well-formed XML

    # ------------------------------------------------------------------ pieces of XML

    def sep(self) -> str:
        s = self.rng.choice(self.seps)
        if self.comment_p and self.rng.random() < self.comment_p:
            s += self.rng.choice(["<!-- catatan -->", "<!---->", "<!-- <c r=\"Z9\"><v>1</v></c> -->"])
        return s

    def qname(self, name: str) -> str:
        if self.prefix and (self.prefix_all or self.rng.random() < 0.5):
            return f"{self.prefix}:{name}"
        return name

    def start(self, qn: str, attrs: list[tuple[str, str]], empty: bool = False) -> str:
        rng = self.rng
        attrs = list(attrs)
        if len(attrs) > 1 and rng.random() < self.order_p:
            rng.shuffle(attrs)
        out = [f"<{qn}"]
        for k, v in attrs:
            q = "'" if rng.random() < self.quote_p else '"'
            v = v.replace(q, "&quot;" if q == '"' else "&apos;")
            ws = rng.choice(["  ", "\n", "\r\n ", "\t"]) if rng.random() < self.space_p else " "
            eq = rng.choice([" = ", "= ", " ="]) if rng.random() < self.space_p else "="
            out.append(f"{ws}{k}{eq}{q}{v}{q}")
        if rng.random() < self.space_p:
            out.append(rng.choice([" ", "\n", "\r\n"]))
        out.append("/>" if empty else ">")
        return "".join(out)

    def end(self, qn: str) -> str:
        if self.endspace_p and self.rng.random() < self.endspace_p:
            return f"</{qn}{self.rng.choice([' ', chr(10), chr(13) + chr(10)])}>"
        return f"</{qn}>"

    def element(self, name: str, attrs=(), body: str | None = None) -> str:
        """<name attrs>body</name>; an empty element when body is None."""
        qn = self.qname(name)
        if body is None:
            return self.start(qn, attrs, empty=True)
        return self.start(qn, attrs) + body + self.end(qn)

    def text(self, max_pieces: int = 4) -> str:
        """Escaped character data of a text node."""
        rng = self.rng
        if rng.random() < 0.002:
            return "panjang " * rng.choice([4096, 4200])  # past Excel's 32,767 characters
        out = []
        if rng.random() < 0.1:
            out.append(rng.choice([" ", "  ", "\t"]))
        for _ in range(rng.randint(0, max_pieces)):
            x = rng.random()
            if x < 0.65:
                out.append(rng.choice(WORDS))
            elif x < 0.77:
                out.append(rng.choice(ENTITIES))
            elif x < 0.84:
                out.append(rng.choice(ESCAPES))
            elif x < 0.92:
                out.append(rng.choice([" ", " > ", "'", '"', "-", "]", "/"]))
            elif rng.random() < self.eol_p * 3:
                out.append(rng.choice(EOLS))
            else:
                out.append(str(rng.randint(0, 10 ** rng.randint(1, 12))))
            if rng.random() < 0.3:
                out.append(" ")
        if rng.random() < 0.1:
            out.append(rng.choice([" ", "  ", "\n"]))
        if self.bad_p and rng.random() < self.bad_p * 4:
            out.append(rng.choice(["&#1;", "&#xD800;", "&#xFFFE;", "&#0;", "\x01", "\x0b", "&nbsp;",
                                   "a & b", "&#x110000;", "&#x;"]))
        if self.cdata_p and rng.random() < self.cdata_p:
            out.append(rng.choice(["<![CDATA[a < b & c]]>", "<![CDATA[]]>", "<![CDATA[\r\n]]>",
                                   "<![CDATA[_x000D_]]>"]))
        return "".join(out)

    def number(self) -> str:
        rng = self.rng
        x = rng.random()
        if x < 0.35:
            return str(rng.randint(-10 ** rng.randint(1, 12), 10 ** rng.randint(1, 12)))
        if x < 0.55:
            return repr(rng.uniform(-1e7, 1e7) if rng.random() < 0.7 else rng.uniform(0, 1))
        if x < 0.62:
            return f"{rng.uniform(-1e20, 1e20):{rng.choice(['E', 'e', 'G', '.15g', '.17g'])}}"
        if x < 0.75:
            return rng.choice(INTS + FLOATS)
        if x < 0.88:
            return rng.choice(MALFORMED_NUMBERS)
        if x < 0.95:
            return rng.choice(PADDED_NUMBERS)
        return rng.choice(DATE_SERIALS)

    def value_text(self, raw: str) -> str:
        """The content of a <v>: as is, or in CDATA."""
        if self.cdata_p and self.rng.random() < self.cdata_p and "]]>" not in raw and "&" not in raw:
            return f"<![CDATA[{raw}]]>"
        return raw

    def v(self, raw: str) -> str:
        rng = self.rng
        if raw == "" and rng.random() < 0.5:
            return self.element("v")  # <v/>
        return self.element("v", (), self.value_text(raw))

    def t(self, raw: str) -> str:
        rng = self.rng
        attrs = [("xml:space", "preserve")] if rng.random() < 0.4 else []
        if raw == "" and rng.random() < 0.5:
            return self.element("t", attrs)  # <t/>, <t xml:space="preserve"/>
        return self.element("t", attrs, raw)

    def runs(self) -> str:
        """Rich text: <r><rPr>..</rPr><t>..</t></r> runs, maybe a leading plain <t>, maybe rPh."""
        rng = self.rng
        parts = []
        if rng.random() < 0.15:
            parts.append(self.t(self.text(2)))
        for _ in range(rng.randint(1, 4)):
            props = ""
            if rng.random() < 0.6:
                props = self.element("rPr", (), "".join(rng.sample(RUN_PROPS, rng.randint(1, 4))))
            parts.append(self.element("r", (), props + self.t(self.text(2))))
        for _ in range(rng.choice([0, 0, 0, 0, 1, 1, 2])):
            if self.odd_p and rng.random() < 0.3:
                parts.insert(rng.randrange(len(parts) + 1), self.phonetic())  # among the runs: schema-invalid
            else:
                parts.append(self.phonetic())
        return self.sep().join(parts)

    def phonetic(self) -> str:
        rng = self.rng
        if self.odd_p and rng.random() < self.odd_p * 5:
            return self.element("rPh", [("sb", "0"), ("eb", "0")])  # no <t>: schema-invalid
        text = self.t(rng.choice(["ヨミ", "よみ", "x"]))
        run = self.element("rPh", [("sb", "0"), ("eb", str(rng.randint(0, 3)))], text)
        if rng.random() < 0.5:
            run += self.element("phoneticPr", [("fontId", "1"), ("type", "noConversion")])
        return run


# ------------------------------------------------------------------------ worksheet model

@dataclass
class Row:
    open: str  # the start tag, or the whole element when it has no cells
    cells: list[str]
    close: str  # "" for a self-closing row


@dataclass
class Sheet:
    """A worksheet as pieces that can each be dropped and still leave XML (for minimising)."""
    prolog: str
    open: str
    head: list[str]
    data_open: str
    rows: list[Row]
    data_close: str
    tail: list[str]
    close: str
    encoding: str = "utf-8"  # utf-8, utf-8-sig, utf-16, utf-16-be, latin-1
    root: str = "worksheet"  # the root's qualified name and namespace declarations, for minimising
    root_ns: tuple = ()

    def text(self) -> str:
        rows = "".join(r.open + "".join(r.cells) + r.close for r in self.rows)
        return (self.prolog + self.open + "".join(self.head) + self.data_open + rows + self.data_close
                + "".join(self.tail) + self.close)

    def data(self) -> bytes:
        text = self.text()
        if self.encoding == "utf-8":
            return text.encode("utf-8", "surrogateescape")  # "\udcff" is a raw invalid byte
        if self.encoding == "utf-8-sig":
            return b"\xef\xbb\xbf" + text.encode("utf-8", "surrogateescape")
        if self.encoding == "utf-16":
            return text.encode("utf-16")  # little-endian, with its BOM
        if self.encoding == "utf-16-be":
            return b"\xfe\xff" + text.encode("utf-16-be")
        return text.encode("latin-1", "xmlcharrefreplace")


@dataclass
class Case:
    seed: int
    sheet: Sheet
    parts: dict[str, str]  # the other parts of the package
    ordinary: bool

    def data(self) -> bytes:
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
            for name, text in self.parts.items():
                z.writestr(name, text.encode("utf-8"))
            z.writestr("xl/worksheets/sheet1.xml", self.sheet.data())
        return buf.getvalue()


def _cell(ctx: Ctx, ref: str | None, n_styles: int, n_shared: int, date_styles: list[int]) -> str:
    rng = ctx.rng
    kind = rng.choices(["n", "s", "str", "inline", "rich", "b", "e", "d", "f", "empty", "vempty",
                        "other_t", "date"],
                       [25, 15, 5, 7, 6, 3, 3, 2, 8, 5, 4, 2, 5])[0]
    t: str | None = None
    body: str | None = None
    style = str(rng.randrange(n_styles + 2)) if rng.random() < 0.5 else None
    if kind == "n":
        t = "n" if rng.random() < 0.1 else None
        body = ctx.v(ctx.number())
    elif kind == "date":
        style = str(rng.choice(date_styles))
        body = ctx.v(rng.choice(DATE_SERIALS + INTS[:4] + FLOATS[:4]))
    elif kind == "s":
        t = "s"
        raw = str(rng.randrange(n_shared + 2)) if rng.random() < 0.9 else rng.choice(
            [" 1", "1 ", "01", "-1", "\n2\n", "&#49;", "99999", "+1"])
        if rng.random() < 0.003:
            raw = rng.choice(["", "abc", "1.0"])  # not an index: the file is broken
        body = ctx.v(raw)
    elif kind == "str":
        t = "str"
        body = ctx.element("f", (), rng.choice(FORMULAS)) + ctx.sep() + ctx.v(ctx.text(3))
    elif kind == "inline" or (kind == "rich" and ctx.ordinary):
        # Excel, openpyxl and xlsxwriter write rich text and phonetic guides to the shared strings:
        # inline, an ordinary sheet has plain text only (the fast path hands the rest to expat).
        t = "inlineStr"
        phonetic = ctx.phonetic() if not ctx.ordinary and rng.random() < 0.1 else ""
        body = ctx.element("is", (), ctx.t(ctx.text()) + phonetic)
    elif kind == "rich":
        t = "inlineStr"
        body = ctx.element("is", (), ctx.runs())
    elif kind == "b":
        t = "b"
        body = ctx.v(rng.choice(BOOLS))
    elif kind == "e":
        t = "e"
        body = ctx.v(rng.choice(ERRORS))
        if rng.random() < 0.3:
            body = ctx.element("f", (), rng.choice(FORMULAS)) + body
    elif kind == "d":
        t = "d"
        body = ctx.v(rng.choice(ISO_DATES))
    elif kind == "f":
        attrs = rng.choice([[], [], [("t", "shared"), ("ref", "C4:C9"), ("si", "0")], [("t", "shared"), ("si", "0")],
                            [("t", "array"), ("ref", "D4")], [("ca", "1")], [("aca", "false")]])
        if attrs and attrs[-1] == ("si", "0") and len(attrs) == 2 and rng.random() < 0.7:
            f = ctx.element("f", attrs)  # <f t="shared" si="0"/>
        elif rng.random() < 0.08:
            f = ctx.element("f", attrs)
        else:
            f = ctx.element("f", attrs, rng.choice(FORMULAS))
        cached = rng.random()
        if cached < 0.55:
            v = ctx.v(ctx.number())
        elif cached < 0.75:
            v = ""  # never calculated
        else:
            v = ctx.v("")
        t = rng.choice([None, None, None, "n", "str", "e", "b"])
        body = f + ctx.sep() + v
    elif kind == "vempty":
        t = rng.choice([None, "n", "str", "b", "e", "inlineStr", "d"] * 5 + ["s"])
        body = ctx.v("")
    elif kind == "other_t":
        t = rng.choice(["x", "N", "", "inlinestr", "S", "&#115;"])
        body = ctx.v(rng.choice(["1", "0"] if t == "&#115;" else ["1", "0", "abc", "2.5"]))
    else:  # empty: <c r="A1" s="3"/>, or <c r="A1"></c>
        body = None if rng.random() < 0.7 else ""
        style = style or str(rng.randrange(n_styles))

    if body is not None and ctx.comment_p and rng.random() < ctx.comment_p * 3:
        body = "<!-- c -->" + body
    if ctx.odd_p and body and rng.random() < ctx.odd_p:
        x = rng.random()
        if x < 0.4:
            body += ctx.v(ctx.number())  # a second <v>
        elif x < 0.6:
            body = ctx.element("is", (), ctx.t(ctx.text(2)))  # inline text under another t
        elif x < 0.8:
            body, t = ctx.t(ctx.text(2)), "inlineStr"  # <t> without <is>
        else:
            body += ctx.element("extLst", (), ctx.element("ext", [("uri", "{X}")], ctx.element("foo")))

    attrs: list[tuple[str, str]] = []
    if ref is not None:
        if ctx.odd_p and rng.random() < ctx.odd_p:
            ref = rng.choice([ref.lower(), "$" + ref, ref + "\n", ref + "&#10;", "&#65;" + ref[1:]
                              if ref[0] == "A" else ref, "XFE1", "A1048577", "A0"])  # the last three: off the sheet
        attrs.append(("r", ref))
    if style is not None:
        attrs.append(("s", style))
    if t is not None:
        attrs.append(("t", t))
    if rng.random() < ctx.extra_p:
        extras = [("cm", "1"), ("vm", "1"), ("ph", "1")]
        if ctx.ext_ns or rng.random() < 0.2:
            extras += [("x14ac:foo", "1"), ("xr:uid", "{1}")]
        for extra in rng.sample(extras, rng.randint(1, 2)):
            attrs.insert(rng.randrange(len(attrs) + 1), extra)
    if ctx.odd_p and rng.random() < ctx.odd_p:
        attrs.insert(rng.randrange(len(attrs) + 1), rng.choice([("été", "1"), ("x14ac:ünï", "1"), ("foo", "a>b")]))
    if attrs and ctx.bad_p and rng.random() < ctx.bad_p:
        attrs.append(rng.choice(attrs))  # a duplicate attribute
    cell = ctx.element("c", attrs, body)
    if ctx.bad_p and rng.random() < ctx.bad_p:
        cell = re.sub(r"([\"'])\s+(?=\w+\s*=)", r"\1", cell, count=1)  # s="1"t="n": no space between attributes
    return ctx.sep() + cell


def _rows(ctx: Ctx, n_rows: int, n_styles: int, n_shared: int, date_styles: list[int], width: int,
          first_row: int = 0) -> list[Row]:
    rng = ctx.rng
    rows = []
    r = first_row
    for _ in range(n_rows):
        if r >= 1048575:
            break  # the sheet's last rows
        r += 1 if rng.random() < 0.8 else rng.randint(2, 40)
        if rng.random() < 0.003:
            r = rng.choice([1048576, 1048575])
        n_cells = rng.randint(0, width)
        cols = sorted(rng.sample(range(1, width * 3 + 2), n_cells))
        if rng.random() < 0.02:
            cols.append(rng.choice([16384, 702, 703]))
        if cols and rng.random() < 0.02:
            cols.insert(rng.randrange(len(cols)), cols[0])  # the same address twice
        cells = [_cell(ctx, None if rng.random() < ctx.noref_p else f"{column_letter(c)}{r}", n_styles, n_shared,
                       date_styles) for c in cols]
        hidden = rng.random() < ctx.hidden_p
        attrs: list[tuple[str, str]] = []
        if not (rng.random() < ctx.rownoref_p and (not hidden or not ctx.ordinary)):
            rr = str(r)
            if ctx.odd_p and rng.random() < ctx.odd_p:
                rr = rng.choice(["0", "1048577", f"{r}.0", "x", f" {r}", f"{r}\n", "-1"])
            attrs.append(("r", rr))
        if cols and rng.random() < 0.5:
            attrs.append(("spans", f"{cols[0]}:{cols[-1]}"))
        if hidden:
            attrs.append(("hidden", rng.choice(["1", "1", "true", "0", "false", "TRUE", "&#49;"])))
        if rng.random() < ctx.extra_p:
            attrs += rng.sample([("ht", "0"), ("customHeight", "1"), ("s", "3"), ("customFormat", "1"),
                                 ("outlineLevel", "1"), ("collapsed", "1"), ("thickBot", "1")], 2)
        if rng.random() < 0.3 and (ctx.ext_ns or rng.random() < 0.2):
            attrs.append(("x14ac:dyDescent", "0.25"))
        if ctx.odd_p and rng.random() < ctx.odd_p:
            attrs.insert(rng.randrange(len(attrs) + 1), ("thickTop", "a>b"))  # a legal ">" in an attribute
        qn = ctx.qname("row")
        if not cells and rng.random() < 0.6:
            rows.append(Row(ctx.sep() + ctx.start(qn, attrs, empty=True), [], ""))
        else:
            rows.append(Row(ctx.sep() + ctx.start(qn, attrs), cells, ctx.sep() + ctx.end(qn)))
    return rows


def _head(ctx: Ctx, n_rows: int) -> list[str]:
    rng = ctx.rng
    head = []
    if rng.random() < 0.4:
        head.append(ctx.element("sheetPr", [("filterMode", "false")], ctx.element("tabColor", [("rgb", "FFFF0000")])
                                + ctx.element("pageSetUpPr", [("fitToPage", "1")])))
    if ctx.bad_p and rng.random() < ctx.bad_p * 5:
        head.append(ctx.element("sheetPr", [("codeName", rng.choice(["a<b", "x\udcffy", "a&b", "&nbsp;"]))]))
    if rng.random() < 0.7:
        head.append(ctx.element("dimension", [("ref", f"A1:H{max(n_rows, 1)}")]))
    if rng.random() < 0.5:
        pane = ctx.element("pane", [("xSplit", "1"), ("ySplit", "3"), ("topLeftCell", "B4"),
                                    ("activePane", "bottomRight"), ("state", "frozen")])
        selection = ctx.element("selection", [("activeCell", "A1"), ("sqref", "A1")])
        view = ctx.element("sheetView", [("tabSelected", "1"), ("workbookViewId", "0")], pane + selection)
        head.append(ctx.element("sheetViews", (), view))
    if rng.random() < 0.6:
        head.append(ctx.element("sheetFormatPr", [("defaultRowHeight", "15")]
                                + ([("x14ac:dyDescent", "0.25")] if ctx.ext_ns or rng.random() < 0.2 else [])))
    if rng.random() < 0.6:
        cols = []
        for _ in range(rng.randint(1, 4)):
            lo = rng.randint(1, 20)
            hi = lo + rng.choice([0, 0, 1, 3, 999, 1000, 2000])
            if rng.random() < 0.15:
                lo, hi = rng.choice([(5, 16384), (1, 16384), (16384, 16384), (3, 1003), (0, 2), (4, 3)])
            attrs = [("min", str(lo)), ("max", str(hi)), ("width", "9.140625")]
            if ctx.odd_p and rng.random() < ctx.odd_p * 3:
                attrs.append(("style", "a>b"))  # a legal '>' in an attribute
            if rng.random() < 0.6:
                attrs.append(("hidden", rng.choice(["1", "1", "true", "0", "TRUE"])))
            if rng.random() < 0.3:
                attrs.append(("customWidth", "1"))
            cols.append(ctx.sep() + ctx.element("col", attrs))
        head.append(ctx.element("cols", (), "".join(cols)))
    if ctx.odd_p and rng.random() < ctx.odd_p * 3:
        head.append(ctx.element("mergeCells", [("count", "1")], ctx.element("mergeCell", [("ref", "A1:B2")])))
    return [ctx.sep() + h for h in head]


def _tail(ctx: Ctx, n_styles, n_shared, date_styles) -> list[str]:
    rng = ctx.rng
    tail = []
    if rng.random() < 0.2:
        tail.append(ctx.element("sheetProtection", [("sheet", "1"), ("objects", "1"), ("scenarios", "1")]))
    if rng.random() < 0.15:
        tail.append(ctx.element("autoFilter", [("ref", "A3:F10")]))
    if rng.random() < 0.5:
        refs = ["A1:B2", "B2:A1", "C3", "$A$1:$C$1", "a1:b2", "A1:XFD1", "A1:A1048576", "Z", "A1:", "D4:F9",
                "A1:XFD1048576", "B3:B5", "C4:C4"]
        if ctx.odd_p:
            refs += ["A1:B2\n", "A1:B2&#10;", " A1:B2"]
        cells = [ctx.sep() + ctx.element("mergeCell", [("ref", rng.choice(refs))]) for _ in range(rng.randint(1, 4))]
        tail.append(ctx.element("mergeCells", [("count", str(len(cells)))], "".join(cells)))
    if rng.random() < 0.15:
        tail.append(ctx.element("conditionalFormatting", [("sqref", "C4:C10")], ctx.element(
            "cfRule", [("type", "cellIs"), ("dxfId", "0"), ("priority", "1"), ("operator", "lessThan")],
            ctx.element("formula", (), "0"))))
    if rng.random() < 0.1:
        tail.append(ctx.element("dataValidations", [("count", "1")], ctx.element(
            "dataValidation", [("type", "list"), ("allowBlank", "1"), ("sqref", "B4")],
            ctx.element("formula1", (), '"a,b"'))))
    if rng.random() < 0.1:
        tail.append(ctx.element("hyperlinks", (), ctx.element("hyperlink", [("ref", "A1"), ("r:id", "rId1")])))
    if rng.random() < 0.4:
        tail.append(ctx.element("pageMargins", [("left", "0.7"), ("right", "0.7"), ("top", "0.75"), ("bottom", "0.75"),
                                                ("header", "0.3"), ("footer", "0.3")]))
    if rng.random() < 0.2:
        tail.append(ctx.element("pageSetup", [("paperSize", "9"), ("orientation", "landscape")]))
    if rng.random() < 0.1:
        footer = "&amp;P / &amp;N" if not (ctx.bad_p and rng.random() < 0.5) else rng.choice(["&P", "&nbsp;"])
        tail.append(ctx.element("headerFooter", (), ctx.element("oddFooter", (), footer)))
    if rng.random() < 0.1:
        tail.append(ctx.element("rowBreaks", [("count", "1"), ("manualBreakCount", "1")],
                                ctx.element("brk", [("id", "10"), ("max", "16383"), ("man", "1")])))
    if rng.random() < 0.1:
        tail.append(ctx.element("drawing", [("r:id", "rId2")]))
    if not ctx.ordinary:
        if rng.random() < 0.1:  # form controls as Excel writes them: xdr:row and xdr:col inside
            anchor = ('<anchor moveWithCells="1"><from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff>'
                      '<xdr:row>2</xdr:row><xdr:rowOff>0</xdr:rowOff></from><to><xdr:col>3</xdr:col>'
                      '<xdr:colOff>0</xdr:colOff><xdr:row>4</xdr:row><xdr:rowOff>0</xdr:rowOff></to></anchor>')
            tail.append(f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14"><controls>'
                        f'<mc:AlternateContent xmlns:mc="{MC}"><mc:Choice Requires="x14">'
                        f'<control shapeId="1025" r:id="rId3" name="Check Box 1"><controlPr defaultSize="0">'
                        f'{anchor}</controlPr></control></mc:Choice></mc:AlternateContent></controls></mc:Choice>'
                        f'<mc:Fallback/></mc:AlternateContent>')
        if rng.random() < 0.1:
            tail.append(f'<extLst><ext uri="{{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}}" xmlns:x14="{X14}">'
                        f'<x14:dataValidations count="1" xmlns:xm="{XM}"><x14:dataValidation type="list">'
                        f'<x14:formula1><xm:f>Sheet2!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>D4</xm:sqref>'
                        f'</x14:dataValidation></x14:dataValidations></ext></extLst>')
        if ctx.odd_p and rng.random() < ctx.odd_p * 3:  # sheet-like names in a foreign default namespace
            tail.append('<extLst><ext uri="{LKIP}"><c xmlns="urn:lkip:foreign" r="A1"><v>99</v></c>'
                        '<mergeCell xmlns="urn:lkip:foreign" ref="A1:B1"/></ext></extLst>')
        if rng.random() < 0.06:  # a second sheetData
            rows = _rows(ctx, rng.randint(1, 3), n_styles, n_shared, date_styles, 4, rng.choice([0, 100]))
            tail.append(ctx.element("sheetData", (), "".join(r.open + "".join(r.cells) + r.close for r in rows)))
        if ctx.odd_p and rng.random() < ctx.odd_p * 3:
            tail.append(ctx.element("cols", (), ctx.element("col", [("min", "2"), ("max", "2"), ("hidden", "1")])))
    elif rng.random() < 0.1:
        ext = ctx.element("ext", [("uri", "{LKIP-1}")], ctx.element("foo", [("a", "1")]))
        tail.append(ctx.element("extLst", (), ext))
    return [ctx.sep() + t for t in tail]


def generate(seed: int, ordinary: bool | None = None) -> Case:
    rng = random.Random(seed)
    if ordinary is None:
        ordinary = rng.random() < 0.4
    ctx = Ctx(rng, ordinary)

    # ---- styles: custom numFmts, cellXfs with builtin and custom ids, a dxf with its own numFmt
    fmts = rng.sample(NUMFMTS, rng.randint(2, 8))
    custom = {164 + i: code for i, code in enumerate(fmts)}
    xf_ids = [0] + [rng.choice(list(custom) + [0, 1, 3, 4, 9, 10, 14, 15, 22, 20, 45, 49, 999])
                    for _ in range(rng.randint(2, 12))]
    date_styles = [i for i, n in enumerate(xf_ids) if xlsx.is_date_format(custom.get(n, xlsx.BUILTIN_FORMATS.get(n)))]
    date_styles = date_styles or [0]
    esc = lambda s: s.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")  # noqa: E731
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="{MAIN}">'
              f'<numFmts count="{len(custom)}">'
              + "".join(f'<numFmt numFmtId="{i}" formatCode="{esc(c)}"/>' for i, c in custom.items())
              + '</numFmts><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>'
              + '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0"/></cellStyleXfs>'
              + f'<cellXfs count="{len(xf_ids)}">'
              + "".join(f'<xf numFmtId="{n}" fontId="0" applyNumberFormat="1"/>' for n in xf_ids)
              + '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
              + f'<dxfs count="2"><dxf><font><b/></font></dxf><dxf><numFmt numFmtId="{rng.choice([164, 180])}" '
              + 'formatCode="0.000"/></dxf></dxfs></styleSheet>')

    # ---- shared strings: plain, preserved spaces, rich runs, phonetic runs, empty
    sctx = Ctx(random.Random(rng.random()), True)
    sis = []
    for _ in range(rng.randint(1, 12)):
        x = rng.random()
        if x < 0.4:
            sis.append(f"<si>{sctx.t(sctx.text())}</si>")
        elif x < 0.7:
            sis.append(f"<si>{sctx.runs()}</si>")
        elif x < 0.85:
            sis.append(f"<si>{sctx.t(sctx.text(2))}{sctx.phonetic()}</si>")
        else:
            sis.append(rng.choice(["<si><t/></si>", "<si><t> </t></si>", "<si><t xml:space='preserve'>  </t></si>",
                                   "<si><r><t>a</t></r><r><t>b</t></r></si>"]))
    shared = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="{MAIN}" count="{len(sis)}" '
              f'uniqueCount="{len(sis)}">' + "".join(sis) + "</sst>")

    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" xmlns:r="{REL}">'
                + (f'<workbookPr date1904="{rng.choice(["1", "true"])}"/>' if rng.random() < 0.1 else "<workbookPr/>")
                + '<sheets><sheet name="DPA" sheetId="1" r:id="rId1"/></sheets></workbook>')
    office = "application/vnd.openxmlformats-officedocument.spreadsheetml"
    parts = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            f'<Override PartName="/xl/workbook.xml" ContentType="{office}.sheet.main+xml"/>'
            f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{office}.worksheet+xml"/>'
            f'<Override PartName="/xl/styles.xml" ContentType="{office}.styles+xml"/>'
            f'<Override PartName="/xl/sharedStrings.xml" ContentType="{office}.sharedStrings+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": workbook,
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>'),
        "xl/styles.xml": styles,
        "xl/sharedStrings.xml": shared,
    }

    # ---- the worksheet
    big = rng.random() < 0.02
    n_rows = rng.randint(1500, 2500) if big else rng.choice([0, 1, 2, 3, 5, 8, 12, 20])
    width = 4 if big else rng.randint(1, 8)
    rows = _rows(ctx, n_rows, len(xf_ids), len(sis), date_styles, width)
    head = _head(ctx, n_rows)
    tail = _tail(ctx, len(xf_ids), len(sis), date_styles)

    encoding = "utf-8"
    x = rng.random()
    if not ordinary and x < 0.05:
        encoding = rng.choice(["utf-16", "utf-16-be"])
    elif not ordinary and x < 0.08:
        encoding = "latin-1"
    elif x < 0.15:
        encoding = "utf-8-sig"
    decl = rng.choice(['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>', '<?xml version="1.0"?>',
                       "<?xml version='1.0' encoding='utf-8'?>", '<?xml version="1.0" standalone="yes" ?>', ""])
    if encoding.startswith("utf-16"):
        decl = rng.choice(['<?xml version="1.0" encoding="UTF-16" standalone="yes"?>', ""])
    elif encoding == "latin-1":
        decl = rng.choice(['<?xml version="1.0" encoding="ISO-8859-1"?>',
                           "<?xml version='1.0' encoding='windows-1252'?>"])
    elif encoding == "utf-8-sig" and ordinary:
        decl = ""  # BOM and a declaration: the fast path leaves that to expat
    prolog = decl + (rng.choice(["\n", "\r\n", ""]) if decl else "")
    if not ordinary and rng.random() < 0.05:
        prolog += '<?mso-application progid="Excel.Sheet"?>\n'
    if ctx.bad_p and rng.random() < ctx.bad_p * 5:
        prolog = rng.choice(["\n", " ", "\r\n"]) + prolog if decl else '<!DOCTYPE worksheet>'
    if ctx.comment_p and rng.random() < 0.3:
        prolog += "<!-- dibuat oleh lkip-fuzz -->\n"

    qn = ctx.qname("worksheet")
    ns_decl = [("xmlns", ctx.ns)] if not ctx.prefix or not ctx.prefix_all else []
    if ctx.prefix:
        ns_decl.append((f"xmlns:{ctx.prefix}", ctx.ns))
    ns_decl.append(("xmlns:r", REL))
    if ctx.ext_ns:
        ns_decl += [("xmlns:mc", MC), ("mc:Ignorable", "x14ac xr"), ("xmlns:x14ac", X14AC), ("xmlns:xr", XR),
                    ("xr:uid", "{00000000-0001-0000-0000-000000000000}")]
    ns_decl.append(("xmlns:xdr", XDR))
    sheet_open = ctx.start(qn, ns_decl)
    sheet_close = ctx.sep() + ctx.end(qn)
    if ctx.bad_p and rng.random() < ctx.bad_p * 3:
        sheet_close = ""  # cut short: no end tag
    dq = ctx.qname("sheetData")
    if not rows and rng.random() < 0.5:
        data_open, data_close = ctx.sep() + ctx.start(dq, [], empty=True), ""
    else:
        data_open, data_close = ctx.sep() + ctx.start(dq, []), ctx.sep() + ctx.end(dq)
    sheet = Sheet(prolog, sheet_open, head, data_open, rows, data_close, tail, sheet_close, encoding, qn,
                  tuple(ns_decl))
    if encoding != "utf-8" and "\udcff" in sheet.text():
        sheet.encoding = "utf-8"
    return Case(seed, sheet, parts, ordinary)


# ------------------------------------------------------------------------------ checking

def run_case(case: Case) -> tuple[tuple | None, Outcome, Outcome]:
    data = case.data()
    fast = read(data, Probe)
    slow = read(data, ExpatOnly)
    return compare(fast, slow), fast, slow


_PIECES = [re.compile(p, re.S) for p in (
    r"<[A-Za-z_][-\w:.]*(?:\s[^<>]*)?/>",  # an empty element
    r"<([A-Za-z_][-\w:.]*)(?:\s[^<>]*)?>(?:(?!</?\1[\s/>]).)*</\1\s*>",  # an element, not nesting its own name
    r"(?<=[\s'\"])(?!xmlns|[rt]\s*=)[A-Za-z_][-\w:.]*\s*=\s*(?:\"[^\"]*\"|'[^']*')",  # an attribute (not xmlns, r, t)
    r"<!--.*?-->",
)]


def _smaller(piece: str):
    """Candidates for one piece of XML, each a little smaller: an element, attribute or half a text gone."""
    for pattern in _PIECES:
        for at in range(1, len(piece)):  # never from 0: dropping the whole piece is tried apart
            m = pattern.match(piece, at)
            if m:
                yield piece[:m.start()] + piece[m.end():]
    for tag in re.finditer(r"<[^<>]*>", piece):
        for m in re.finditer(r"\s+", tag.group()):
            a, b = tag.start() + m.start(), tag.start() + m.end()
            if piece[b] in "=/>" or piece[a - 1] == "=":
                yield piece[:a] + piece[b:]
            elif m.group() != " ":
                yield piece[:a] + " " + piece[b:]
    for m in re.finditer(r">([^<]{2,})<", piece):
        text = m.group(1)
        yield piece[:m.start(1)] + text[:len(text) // 2] + piece[m.end(1):]
        yield piece[:m.start(1)] + text[len(text) // 2:] + piece[m.end(1):]


def _gist(signature: tuple | None) -> tuple | None:
    # Who refused, or the first attribute that differs: what a smaller case must still show.
    return signature and signature[:2]


def minimise(case: Case, keep=None) -> Case:
    """The case made as small as still shows the same disagreement (or whatever `keep` asks for): rows,
    cells, head and tail pieces dropped, then elements, attributes (never a cell's r or t) and text
    inside what is left."""
    if keep is None:
        gist = _gist(run_case(case)[0])
        keep = lambda c: _gist(run_case(c)[0]) == gist  # noqa: E731

    def same(sheet: Sheet) -> bool:
        return keep(dataclasses.replace(case, sheet=sheet))

    def drop_chunks(items: list, rebuild) -> list:
        n = max(len(items) // 2, 1)
        while items:
            i = 0
            while i < len(items):
                trial = items[:i] + items[i + n:]
                if same(rebuild(trial)):
                    items = trial
                else:
                    i += n
            if n == 1:
                break
            n = max(n // 2, 1)
        return items

    def shrink(piece: str, rebuild) -> str:
        progress = True
        while progress:
            progress = False
            for trial in _smaller(piece):
                if same(rebuild(trial)):
                    piece, progress = trial, True
                    break
        return piece

    sheet = case.sheet
    for _ in range(4):
        before = (sheet.text(), sheet.encoding)
        sheet = dataclasses.replace(sheet, rows=drop_chunks(sheet.rows, lambda rs: dataclasses.replace(sheet, rows=rs)))
        for i in range(len(sheet.rows)):
            def with_row(i=i, **change):
                rs = list(sheet.rows)
                rs[i] = dataclasses.replace(rs[i], **change)
                return dataclasses.replace(sheet, rows=rs)
            sheet = with_row(cells=drop_chunks(sheet.rows[i].cells, lambda cs: with_row(cells=cs)))
        sheet = dataclasses.replace(sheet, head=drop_chunks(sheet.head, lambda h: dataclasses.replace(sheet, head=h)))
        sheet = dataclasses.replace(sheet, tail=drop_chunks(sheet.tail, lambda t: dataclasses.replace(sheet, tail=t)))
        rest = sheet.text()[len(sheet.prolog) + len(sheet.open):]
        needed = [(k, v) for k, v in sheet.root_ns
                  if k == "xmlns" or (k.startswith("xmlns:") and k[6:] + ":" in rest)]
        simpler = [dict(prolog=""), dict(encoding="utf-8"),
                   dict(open="<" + sheet.root + "".join(f' {k}="{v}"' for k, v in needed) + ">",
                        close=f"</{sheet.root}>" if sheet.close else "")]
        for change in simpler:
            trial = dataclasses.replace(sheet, **change)
            if (trial.text(), trial.encoding) != (sheet.text(), sheet.encoding) and same(trial):
                sheet = trial
        for i in range(len(sheet.rows)):
            for j in range(len(sheet.rows[i].cells)):
                def with_cell(cell, i=i, j=j):
                    rs = list(sheet.rows)
                    cells = list(rs[i].cells)
                    cells[j] = cell
                    rs[i] = dataclasses.replace(rs[i], cells=cells)
                    return dataclasses.replace(sheet, rows=rs)
                sheet = with_cell(shrink(sheet.rows[i].cells[j], with_cell))

            def with_open(piece, i=i):
                rs = list(sheet.rows)
                rs[i] = dataclasses.replace(rs[i], open=piece)
                return dataclasses.replace(sheet, rows=rs)
            sheet = with_open(shrink(sheet.rows[i].open, with_open))
        for name in ("head", "tail"):
            for j in range(len(getattr(sheet, name))):
                def with_piece(piece, name=name, j=j):
                    items = list(getattr(sheet, name))
                    items[j] = piece
                    return dataclasses.replace(sheet, **{name: items})
                sheet = with_piece(shrink(getattr(sheet, name)[j], with_piece))
        if (sheet.text(), sheet.encoding) == before:
            break
    return dataclasses.replace(case, sheet=sheet)


def _short(x, limit: int = 400) -> str:
    if isinstance(x, (set, list, dict)) and len(x) > 12:
        items = sorted(x.items() if isinstance(x, dict) else x)
        return f"{type(x).__name__} of {len(x)}: {items[:5]!r} ... {items[-2:]!r}"
    text = repr(x)
    return text if len(text) <= limit else text[:limit] + f"... ({len(text)} characters)"


def describe(case: Case, fast: Outcome, slow: Outcome) -> str:
    def show(o: Outcome) -> str:
        if o.kind != "ok":
            return f"{o.kind}: {o.detail}"
        g, = o.grids
        return "ok " + (", ".join(f"{a}={_short(g[a])}" for a in GRID_ATTRS if g[a]) or "(empty grid)")

    return (f"seed {case.seed} ({'ordinary' if case.ordinary else 'wild'}; sheet encoded {case.sheet.encoding}):\n"
            f"  sheet XML: {_short(case.sheet.text(), 3000)}\n"
            f"  fast path: {show(fast)}\n"
            f"  expat:     {show(slow)}\n"
            f"  again:     LKIP_FUZZ_SEED={case.seed} pytest tests/test_reader_fuzz.py  "
            f"(or: python tests/test_reader_fuzz.py {'ordinary:' if case.seed >= ORDINARY_BASE else ''}{case.seed})")


def _seeds(n: int, base: int = 0) -> range | list[int]:
    if ONE_SEED is not None:
        return [int(ONE_SEED)]
    return range(base + FIRST_SEED, base + FIRST_SEED + n)


def test_fast_path_equals_expat_on_generated_sheets():
    failures: dict[tuple, list[int]] = {}
    fast_taken = 0
    seeds = _seeds(CASES)
    started = time.perf_counter()
    for seed in seeds:
        case = generate(seed)
        sig, fast, slow = run_case(case)
        if fast.kind == "ok" and not fast.fell_back:
            fast_taken += 1
        if sig is not None:
            failures.setdefault(sig, []).append(seed)
    elapsed = time.perf_counter() - started
    if failures:
        lines = [f"{sum(map(len, failures.values()))} of {len(seeds)} generated sheets read differently by the "
                 f"fast path and by expat ({elapsed:.1f} s):"]
        by_gist: dict[tuple, list[int]] = {}
        for sig, bad in sorted(failures.items(), key=lambda kv: -len(kv[1])):
            lines.append(f"- {' / '.join(sig)}: {len(bad)} seeds, e.g. {bad[:8]}")
            by_gist.setdefault(_gist(sig), []).extend(bad)
        # Minimised examples, a few per kind of disagreement, the most frequent kinds first.
        queues = [sorted(bad) for _, bad in sorted(by_gist.items(), key=lambda kv: -len(kv[1]))]
        shown = []
        while len(shown) < 8 and any(queues):
            for queue in queues:
                if queue and len(shown) < 8:
                    shown.append(queue.pop(0))
        for seed in shown:
            small = minimise(generate(seed))
            sig, fast, slow = run_case(small)
            lines.append(f"\n[{' / '.join(sig or ('?',))}] minimised " + describe(small, fast, slow))
        raise AssertionError("\n".join(lines))
    # A fuzz where everything falls back proves nothing about the fast path.
    assert len(seeds) < 50 or fast_taken >= 0.3 * len(seeds), (fast_taken, len(seeds))


def test_fast_path_is_taken_for_generated_ordinary_sheets():
    """Excel-like XML (no prefixes, comments, CDATA, implied addresses) never falls back to expat."""
    fell = []
    for seed in _seeds(max(CASES // 5, 1), ORDINARY_BASE):
        case = generate(seed, ordinary=True)
        out = read(case.data(), Probe)
        if out.fell_back or out.kind == "crash":
            fell.append(case)
    if fell:
        lines = [f"{len(fell)} ordinary sheets went to expat, e.g. seeds {[c.seed for c in fell[:10]]}:"]
        for case in fell[:3]:
            small = minimise(case, lambda c: read(c.data(), Probe).fell_back)
            lines.append(f"seed {small.seed}, minimised: {_short(small.sheet.text(), 3000)}\n  again: "
                         f"LKIP_FUZZ_SEED={small.seed} pytest tests/test_reader_fuzz.py -k ordinary "
                         f"(or: python tests/test_reader_fuzz.py ordinary:{small.seed})")
        raise AssertionError("\n".join(lines))


# ------------------------------------------------------------------------ by hand, one seed

def _main(argv: list[str]) -> None:
    if argv[:1] == ["--survey"]:
        lo, hi = int(argv[1]), int(argv[2])
        per_sig = int(argv[3]) if len(argv) > 3 else 1
        groups: dict[tuple, list[int]] = {}
        started = time.perf_counter()
        for seed in range(lo, hi):
            sig = run_case(generate(seed))[0]
            if sig is not None:
                groups.setdefault(sig, []).append(seed)
        print(f"{hi - lo} seeds in {time.perf_counter() - started:.1f} s; "
              f"{sum(map(len, groups.values()))} differ")
        for sig, seeds in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print(f"\n== {' / '.join(sig)}: {len(seeds)} seeds, e.g. {seeds[:10]}")
            for seed in seeds[:per_sig]:
                small = minimise(generate(seed))
                print(describe(small, *run_case(small)[1:]))
        return
    for arg in argv:
        seed = int(arg.removeprefix("ordinary:"))
        case = generate(seed, ordinary=True if arg.startswith("ordinary:") else None)
        sig, fast, slow = run_case(case)
        print(describe(case, fast, slow))
        print(f"  fell back: {fast.fell_back}; differ: {sig}")
        if sig is not None:
            small = minimise(case)
            print("minimised " + describe(small, *run_case(small)[1:]))


if __name__ == "__main__":
    _main(sys.argv[1:])
