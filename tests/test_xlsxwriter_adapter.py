"""writer/xlsxwriter_adapter.py is the one door into xlsxwriter's internals: nothing else in lkip_xl
reaches past its public API, an xlsxwriter outside the proved range takes the public road, and that
road writes the same cells, formats, merges and row heights as the fast one."""
from __future__ import annotations

import ast
import io
from pathlib import Path

import openpyxl
import pytest
import xlsxwriter.utility
import xlsxwriter.workbook

import builder
from dump_outputs import cell_lines
from lkip_xl.api import analyse
from lkip_xl.writer import stream, write_workbook, xlsxwriter_adapter
from lkip_xl.writer.book import Book, finish_print, footer_text, setup_table_sheet
from variants import SAMPLE

PACKAGE = Path(__file__).resolve().parents[1] / "lkip_xl"
ADAPTER = PACKAGE / "writer" / "xlsxwriter_adapter.py"

# What a module other than the adapter may import of xlsxwriter: the package (Workbook), its
# documented cell-reference helpers and its exceptions.
PUBLIC_MODULES = {"xlsxwriter", "xlsxwriter.utility", "xlsxwriter.exceptions"}


def _xlsxwriter_internals() -> tuple[set[str], set[str]]:
    """(private names, internal fields) as xlsxwriter itself has them: every `_name` of its modules and
    classes, and the instance attributes of a workbook, worksheet, format and string table (xlsxwriter's
    public API is methods only)."""
    import inspect

    import xlsxwriter

    modules = [m for name, m in vars(xlsxwriter).items() if inspect.ismodule(m)] + [xlsxwriter.workbook]
    private = set()
    for module in modules:
        for name, value in vars(module).items():
            if name.startswith("_") and not name.startswith("__"):
                private.add(name)
            if inspect.isclass(value):
                private |= {n for n in dir(value) if n.startswith("_") and not n.startswith("__")}
    book = xlsxwriter.workbook.Workbook(io.BytesIO())
    objects = [book, book.add_worksheet(), book.add_format({}), book.str_table]
    public = {n for o in objects for n in dir(type(o)) if not n.startswith("_")}  # e.g. Format's field
    fields = set().union(*(vars(o) for o in objects)) - public  # merge_range (3.2) is a worksheet call
    return private, fields


def _holds_xlsxwriter_objects(path: Path, source: str) -> bool:
    """A writer module, or one that imports xlsxwriter: where a worksheet or workbook may be at hand."""
    return "writer" in path.relative_to(PACKAGE).parts[:-1] or any(
        (isinstance(n, ast.Import) and any(a.name.split(".")[0] == "xlsxwriter" for a in n.names))
        or (isinstance(n, ast.ImportFrom) and (n.module or "").split(".")[0] == "xlsxwriter")
        for n in ast.walk(ast.parse(source)))


def _own_names(sources: list[str]) -> set[str]:
    """Attribute names the objects of `sources` carry (assigned to self, fields and methods of a class),
    and those of str, list, dict and Path: an internal field of xlsxwriter with the same name (`name`,
    `formats`, `count`, …) is then ours where used."""
    names = set(dir(str)) | set(dir(list)) | set(dir(dict)) | set(dir(Path))
    for source in sources:
        for node in ast.walk(ast.parse(source)):
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                        names.add(item.target.id)
                    elif isinstance(item, ast.Assign):
                        names |= {t.id for t in item.targets if isinstance(t, ast.Name)}
                    elif isinstance(item, ast.FunctionDef):
                        names.add(item.name)
            elif isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                names |= {t.attr for t in targets if isinstance(t, ast.Attribute)
                          and isinstance(t.value, ast.Name) and t.value.id == "self"}
    return names


def private_uses(source: str, private: set[str], fields: set[str], own: set[str]) -> list[str]:
    """Where `source` reaches inside xlsxwriter: a private or non-public module imported, a private
    name of xlsxwriter used on anything but self, an internal field of its objects used (unless one of
    lkip_xl's own objects has a field of that name)."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [f"{node.lineno}: import {a.name}" for a in node.names
                      if a.name.split(".")[0] == "xlsxwriter" and a.name not in PUBLIC_MODULES]
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "xlsxwriter":
            if node.module not in PUBLIC_MODULES:
                found.append(f"{node.lineno}: from {node.module}")
            found += [f"{node.lineno}: from {node.module} import {a.name}" for a in node.names
                      if a.name.startswith("_")]
        elif isinstance(node, ast.Attribute):
            on_self = isinstance(node.value, ast.Name) and node.value.id in ("self", "cls")
            if node.attr in private and not on_self:
                found.append(f"{node.lineno}: .{node.attr}")
            elif node.attr in fields and node.attr not in own:
                found.append(f"{node.lineno}: .{node.attr}")
    return found


def test_only_the_adapter_reaches_inside_xlsxwriter():
    """Every module but the adapter: no private xlsxwriter name or module; and where xlsxwriter objects
    may be at hand (the writer, modules importing xlsxwriter), no internal field of them either."""
    private, fields = _xlsxwriter_internals()
    sources = {path: path.read_text(encoding="utf-8") for path in sorted(PACKAGE.rglob("*.py")) if path != ADAPTER}
    holding = {path for path, source in sources.items() if _holds_xlsxwriter_objects(path, source)}
    own = _own_names([sources[path] for path in holding])
    bad = {}
    for path, source in sources.items():
        uses = private_uses(source, private, fields if path in holding else set(), own)
        if uses:
            bad[str(path.relative_to(PACKAGE))] = uses
    assert not bad
    assert PACKAGE / "writer" / "stream.py" in holding and PACKAGE / "template.py" in holding


def test_the_scan_catches_what_the_writer_did_before_the_adapter():
    """The scan is not vacuous: the private uses writer/book.py and writer/stream.py made are caught."""
    private, fields = _xlsxwriter_internals()
    before = """
from xlsxwriter.utility import _preserve_whitespace
import xlsxwriter.workbook as xw
xw.ZipFile = None
ws._prepare_formula = None
ws._write_cell = None
index = fmt._get_xf_index()
table._get_shared_string_index("a")
ws.fh.write("x")
rows = ws.table, ws.row_info, ws.dim_rowmax, book.wb.str_table.string_table, ws.merge
ws.footer = "x"
book.wb.in_memory = False
"""
    own = _own_names([path.read_text(encoding="utf-8") for path in (PACKAGE / "writer").rglob("*.py")
                      if path != ADAPTER])
    found = private_uses(before, private, fields, own)
    known = private | fields  # row_info is 3.3's (3.2 has set_rows)
    for needle in ("_preserve_whitespace", "import xlsxwriter.workbook", "._prepare_formula", "._write_cell",
                   "._get_xf_index", "._get_shared_string_index", ".fh", ".table", ".row_info", ".dim_rowmax",
                   ".str_table", ".string_table", ".merge", ".footer", ".in_memory"):
        if needle.startswith(".") and needle[1:] not in known:
            continue
        assert any(needle in f for f in found), needle


def test_the_fast_road_is_taken_on_proved_versions_only():
    assert xlsxwriter_adapter.version_of("3.3.1") == (3, 3, 1)
    assert xlsxwriter_adapter.version_of("3.4.0rc1") == (3, 4, 0)
    assert xlsxwriter_adapter.version_of("4") == (4, 0, 0)
    assert xlsxwriter_adapter.why_public(xlsxwriter_adapter.PROVED_FIRST, []) is None
    assert xlsxwriter_adapter.why_public(xlsxwriter_adapter.PROVED_LAST, []) is None
    for version in ((3, 2, 9), (3, 3, 2), (3, 4, 0), (4, 0, 0), ()):
        assert "outside" in xlsxwriter_adapter.why_public(version, [])
    assert "lacks Worksheet.row_info" in xlsxwriter_adapter.why_public((3, 3, 1), ["Worksheet.row_info"])
    # the installed xlsxwriter, as found at import
    installed = xlsxwriter_adapter.version_of(xlsxwriter.__version__)
    in_range = xlsxwriter_adapter.PROVED_FIRST <= installed <= xlsxwriter_adapter.PROVED_LAST
    assert xlsxwriter_adapter.FAST == in_range


# ---------------------------------------------------------------------- the public road


ODD_TEXTS = ["Belanja Alat Tulis Kantor", "=SUM(A1:A2)", "-1 minus", "@mention", "  spasi di tepi  ",
             "a & b < c > d \"kutip\"", "_x0041_ harfiah", "tab\tdan\nbaris baru", "é ü ñ 漢字 😀",
             "Belanja Jasa Konsultansi Perencanaan Rekayasa Pekerjaan Konstruksi Gedung dan Bangunan Lainnya "
             "beserta Pengawasannya di Seluruh Kecamatan"]


def _many_akun(folder: Path, per_sub: int = 40) -> Path:
    """The minimal input with `per_sub` akun rows under each sub kegiatan (DPA and Realisasi), their
    names the odd texts above: RowStream's whole rows (put_row), inline and shared text, wrapped rows."""
    data = builder.minimal()
    dpa, real = [["Kode", "Uraian", "Pagu"]], [["Kode", "Uraian", "Pagu", "Realisasi"]]
    for (kode, uraian, pagu), rrow in zip(data["dpa"][1:], data["realisasi"][1:]):
        dpa.append([kode, uraian, pagu])
        real.append([kode, uraian, pagu, rrow[3]])
        if kode and kode.count(".") == 5:
            for k in range(per_sub):
                p = pagu // per_sub + (pagu % per_sub if k == per_sub - 1 else 0)
                r = rrow[3] // per_sub + (rrow[3] % per_sub if k == per_sub - 1 else 0)
                name = ODD_TEXTS[k % len(ODD_TEXTS)]
                dpa.append([f"5.1.02.01.01.{k + 1:04d}", name, p])
                real.append([f"5.1.02.01.01.{k + 1:04d}", name, p, r])
    data["dpa"], data["realisasi"] = dpa, real
    return builder.build(folder, "many_akun.xlsx", **data)


def _everything(path: Path) -> list[str]:
    """Every cell (value, formula, number format, link), merged range and row height of a workbook."""
    lines = cell_lines(path)
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        lines += [f"{ws.title} merged {r}" for r in sorted(str(r) for r in ws.merged_cells.ranges)]
        lines += [f"{ws.title} row {r} height {d.height}" for r, d in sorted(ws.row_dimensions.items())
                  if d.height]
        lines.append(f"{ws.title} footer {ws.oddFooter.left.text!r} {ws.oddFooter.right.text!r}")
    return lines


def _fill(path: Path, out: Path, fast: bool, monkeypatch) -> list[str]:
    with monkeypatch.context() as m:
        m.setattr(xlsxwriter_adapter, "FAST", fast)
        if fast:
            m.setattr(stream, "IN_MEMORY_LIMIT", 10)  # the large book's packing too
        write_workbook(analyse(str(path)), str(out))
    return _everything(out)


# The fast road can be compared with the public one only where the installed xlsxwriter allows it
# (on another version the public road is proved by tests/dump_outputs.py against the fast road's dump).
needs_fast_road = pytest.mark.skipif(not xlsxwriter_adapter.FAST, reason=str(xlsxwriter_adapter.REASON))


@needs_fast_road
@pytest.mark.parametrize("name", ["sample", "many_akun"])
def test_the_public_road_writes_what_the_fast_one_writes(name, tmp_path, monkeypatch):
    path = SAMPLE if name == "sample" else _many_akun(tmp_path)
    fast = _fill(path, tmp_path / "fast.xlsx", True, monkeypatch)
    public = _fill(path, tmp_path / "public.xlsx", False, monkeypatch)
    assert public == fast
    if name == "many_akun":
        rows = [line for line in fast if line.startswith("Data Anggaran!")]
        assert len(rows) > 800 and any("height" in line for line in fast if line.startswith("Data Anggaran row"))
        assert any('"v": "\'=SUM(A1:A2)\'"' in line for line in rows)


def test_public_road_streams_through_the_worksheet(tmp_path, monkeypatch):
    """On the public road Book.stream gives a PublicRowStream (no splice into xlsxwriter's XML), and it
    still refuses rows out of order."""
    monkeypatch.setattr(xlsxwriter_adapter, "FAST", False)
    book = Book(str(tmp_path / "x.xlsx"))
    st = book.stream(book.sheet("Data"), 3)
    assert type(st) is stream.PublicRowStream
    st.write_string(5, 0, "a")
    with pytest.raises(ValueError, match="row 5 of Data comes after row 6"):
        st.write_string(4, 0, "b")
    book.close()
    assert openpyxl.load_workbook(tmp_path / "x.xlsx")["Data"]["A6"].value == "a"


@pytest.mark.parametrize("fast", [pytest.param(True, marks=needs_fast_road), False])
def test_a_footer_that_trips_set_footer(fast, tmp_path, monkeypatch):
    """An SKPD name that escapes to '&&G…' keeps its footer on both roads: stored as it is past
    set_footer on the fast one, with an empty bold toggle after the '&' on the public one."""
    monkeypatch.setattr(xlsxwriter_adapter, "FAST", fast)
    book = Book(str(tmp_path / "x.xlsx"))
    book.sheet("Data").write_string(0, 0, "x")
    finish_print(book, "Dinas A&Gizi", 2024)
    book.close()
    footer = openpyxl.load_workbook(tmp_path / "x.xlsx")["Data"].oddFooter
    assert footer.right.text == "Halaman &P dari &N"
    assert footer.left.text == ("Dinas A&&Gizi 2024" if fast else "Dinas A&&&B&BGizi 2024")


@pytest.mark.parametrize("skpd, left", [
    ("PT A&G", "PT A&&&B&BG"),
    ("Biro &[Picture] &P", "Biro &&&B&B[Picture] &&P"),
    ("A&&G", "A&&&&&B&BG"),
    ("Dinas & Gizi", "Dinas && Gizi"),
])
def test_a_picture_safe_footer_gives_set_footer_no_picture_code(skpd, left):
    text = footer_text(skpd, 2024, picture_safe=True)
    assert text == f"&L{left} 2024&RHalaman &P dari &N"
    assert "&G" not in text.replace("&[Picture]", "&G")


def test_recorded_header_text_follows_merges(tmp_path):
    """finish_print reads header text as RecordingWorksheet kept it: a merge blanks the cells it covers,
    A1 references are understood, rows below the header rows are not kept once they are known."""
    book = Book(str(tmp_path / "x.xlsx"))
    ws = book.sheet("Data")
    ws.write_string(2, 1, "tertutup oleh gabungan")
    ws.merge_range(2, 0, 2, 1, "Kelompok", book.header_fmt())
    ws.write_string("C3", "Kolom C", book.header_fmt())
    ws.merge_range("D3:D4", "Dua baris", book.header_fmt())
    assert ws.lkip_texts[2] == {0: "Kelompok", 2: "Kolom C", 3: "Dua baris"}
    assert ws.lkip_merged == {(2, 0): (2, 0, 2, 1), (2, 3): (2, 3, 3, 3)}
    setup_table_sheet(ws, (2, 3), [5, 5, 5, 5])
    ws.write_string(3, 0, "Sub", book.header_fmt())
    ws.write_string(4, 0, "isi tabel")  # below the header rows: not kept
    assert ws.lkip_texts[3] == {0: "Sub"} and 4 not in ws.lkip_texts
    finish_print(book, "Dinas", 2024)
    book.close()
    heights = {r: d.height for r, d in openpyxl.load_workbook(tmp_path / "x.xlsx")["Data"].row_dimensions.items()
               if d.height}
    assert 3 in heights  # row 3: "Kolom C" wraps in a column 5 wide
