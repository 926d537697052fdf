"""The reader as sound as a library (issue 15): each value bug, wrong refusal, traceback and slow or
greedy file found by the public corpus and by hostile files, made here in a few bytes, with the
outcome it must get. Values are read on both paths (the fast scan and expat) and must agree."""
from __future__ import annotations

import datetime
import json
import time
import warnings
import zipfile
from pathlib import Path

import pytest

from lkip_xl.errors import InputError
from lkip_xl.reader import xlsx
from lkip_xl.reader.xlsx import XlsxFile, package
from run_cli import run_cli
from test_hostile import assert_refused, run_measured
from test_hostile_files import SHEET, in_cell, json_report, rewrite

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
STRICT = "http://purl.oclc.org/ooxml/spreadsheetml/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
BUDGET_S = 30


def workbook_xml(sheets: int = 1, extra: str = "", ns: str = MAIN) -> str:
    entries = "".join(f'<sheet name="S{i}" sheetId="{i}" r:id="rId{i}"/>' for i in range(1, sheets + 1))
    return (f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{ns}" xmlns:r="{REL}">{extra}'
            f"<sheets>{entries}</sheets></workbook>")


def make_book(path: Path, sheet: bytes | str, *, shared: str | None = None, styles: str | None = None,
              workbook: str | None = None, parts: dict[str, bytes] | None = None, sheets: int = 1,
              targets: list[str] | None = None) -> Path:
    """A minimal .xlsx: sheet1 (and `sheets` entries pointing at `targets`), optional parts."""
    targets = targets or [f"worksheets/sheet{i}.xml" for i in range(1, sheets + 1)]
    rels = "".join(f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="{t}"/>'
                   for i, t in enumerate(targets, 1))
    rels += f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>'
    rels += f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("_rels/.rels", f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
                    f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>')
        zf.writestr("xl/workbook.xml", workbook or workbook_xml(len(targets)))
        zf.writestr("xl/_rels/workbook.xml.rels", f'<Relationships xmlns="{PKG}">{rels}</Relationships>')
        zf.writestr("xl/worksheets/sheet1.xml", sheet)
        if styles is not None:
            zf.writestr("xl/styles.xml", styles)
        if shared is not None:
            zf.writestr("xl/sharedStrings.xml", shared)
        for name, data in (parts or {}).items():
            zf.writestr(name, data)
    return path


def sheet_xml(rows: str, before: str = "", after: str = "", ns: str = MAIN) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{ns}">{before}<sheetData>{rows}</sheetData>{after}</worksheet>'


def read(path: Path, *, expat: bool = False) -> list[xlsx.Grid]:
    original = XlsxFile._scan_sheet
    if expat:
        def refuse(self, part, sink):
            raise xlsx._Fallback
        XlsxFile._scan_sheet = refuse
    try:
        book = XlsxFile(str(path), path.name)
        try:
            return book.read_sheets(book.sheets)
        finally:
            book.close()
    finally:
        XlsxFile._scan_sheet = original


def grid(path: Path) -> xlsx.Grid:
    """Sheet 1 as both paths read it; they must agree on everything."""
    fast, slow = read(path)[0], read(path, expat=True)[0]
    for attr in ("values", "formats", "merges", "hidden_rows", "hidden_cols", "uncached_formulas",
                 "external_refs", "long_texts"):
        a, b = getattr(fast, attr), getattr(slow, attr)
        if attr == "values":
            a, b = ({k: (type(v), v) for k, v in d.items()} for d in (a, b))
        assert a == b, attr
    return fast


STYLES = (f'<styleSheet xmlns="{MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0"/>'
          '<numFmt numFmtId="165" formatCode="h:mm"/></numFmts>'
          '<cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="9"/></cellXfs>'
          '<dxfs count="1"><dxf><numFmt numFmtId="164" formatCode="0%"/></dxf></dxfs>'
          '<extLst><ext uri="x"><x14:slicerStyles xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
          '<numFmt numFmtId="165" formatCode="0.00%"/></x14:slicerStyles></ext></extLst></styleSheet>')


# ------------------------------------------------------------------------ silent wrong numbers

def test_conditional_format_number_format_never_replaces_the_cell_format(tmp_path):
    g = grid(make_book(tmp_path / "dxf.xlsx", sheet_xml('<row r="1"><c r="A1" s="1"><v>1</v></c>'
                                                        '<c r="B1" s="3"><v>0.5</v></c></row>'), styles=STYLES))
    assert g.formats == {(1, 1): "#,##0", (1, 2): "0%"}
    assert g.values == {(1, 1): 1, (1, 2): 0.5}


def test_rich_inline_text_keeps_each_run_once(tmp_path):
    cell = ('<c r="A1" t="inlineStr"><is><r><rPr><b/></rPr><t>6</t></r><r><t>469500</t></r>'
            '<rPh sb="0" eb="1"><t>x</t></rPh></is></c>')
    g = grid(make_book(tmp_path / "rich.xlsx", sheet_xml(f'<row r="1">{cell}</row>')))
    assert g.values == {(1, 1): "6469500"}


def test_sample_pagu_as_rich_inline_text_gives_the_same_report(tmp_path, sample_report):
    """A two-run inline pagu in the user's own input: the same figures, no SUM_MISMATCH."""
    row = 10
    path = rewrite(tmp_path / "rich.xlsx", {SHEET["DPA"]: _pagu_as_rich_text(row)})
    report = json_report(tmp_path, path.name)
    assert report["anggaran"] == sample_report["anggaran"]
    assert [t["kode"] for t in report["temuan"]] == [t["kode"] for t in sample_report["temuan"]]


def _pagu_as_rich_text(row: int):
    def edit(xml: bytes) -> bytes:
        import re
        m = re.search(rb'<c r="H%d"([^>]*)><v>([0-9.]+)</v></c>' % row, xml)
        assert m, row
        digits = m.group(2).decode()
        attrs = m.group(1).replace(b' t="n"', b"")
        rich = (b'<c r="H%d"%s t="inlineStr"><is><r><t>%s</t></r><r><t>%s</t></r></is></c>'
                % (row, attrs, digits[:1].encode(), digits[1:].encode()))
        return xml[:m.start()] + rich + xml[m.end():]
    return edit


@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("sample")
    from run_cli import SAMPLE
    import shutil
    shutil.copyfile(SAMPLE, folder / SAMPLE.name)
    return json_report(folder, SAMPLE.name)


def test_malformed_stored_number_is_kept_as_text(tmp_path):
    g = grid(make_book(tmp_path / "n.xlsx", sheet_xml('<row r="1"><c r="A1"><v>6.515.500</v></c>'
                                                      '<c r="B1" s="1"><v> 1_000 </v></c><c r="C1"><v>NaN</v></c>'
                                                      '<c r="D1"><v>1e999</v></c><c r="E1"><v> 12 </v></c></row>'),
                       styles=STYLES))
    assert g.values == {(1, 1): "6.515.500", (1, 2): "1_000", (1, 3): "NaN", (1, 4): "1e999", (1, 5): 12}


def test_malformed_stored_realisasi_is_never_a_silent_blank(tmp_path, sample_report):
    """`<v>6.515.500</v>` in a realisasi cell: read as the text it is, never dropped."""
    import re
    src = zipfile.ZipFile(rewrite(tmp_path / "probe.xlsx")).read(SHEET["Realisasi"])
    m = re.search(rb'<c r="(D\d+)"[^>]*><v>(\d{7,})</v></c>', src)
    assert m
    ref, digits = m.group(1).decode(), m.group(2)
    dotted = f"{int(digits):,}".replace(",", ".").encode()
    path = rewrite(tmp_path / "titik.xlsx", {SHEET["Realisasi"]: in_cell(ref, b'<c r="%s"><v>%s</v></c>'
                                                                          % (ref.encode(), dotted))})
    report = json_report(tmp_path, path.name)
    flagged = [t for t in report["temuan"] if t["sel"] == ref and t["lembar"] == "Realisasi"]
    same = report["anggaran"] == sample_report["anggaran"]
    assert flagged or same, (ref, report["anggaran"], sample_report["anggaran"])


def test_second_sheet_data_is_read(tmp_path):
    xml = (f'<worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>'
           '<sheetData><row r="2"><c r="A2"><v>2</v></c></row></sheetData></worksheet>')
    assert grid(make_book(tmp_path / "dua.xlsx", xml)).values == {(1, 1): 1, (2, 1): 2}


def test_shared_string_index_beyond_the_table_is_refused(tmp_path):
    shared = f'<sst xmlns="{MAIN}"><si><t>a</t></si></sst>'
    path = make_book(tmp_path / "sst.xlsx", sheet_xml('<row r="1"><c r="A1" t="s"><v>0</v></c>'
                                                      '<c r="B1" t="s"><v>7</v></c></row>'), shared=shared)
    for expat in (False, True):
        with pytest.raises(InputError, match="teks bersama nomor 7"):
            read(path, expat=expat)


def test_extension_workbook_pr_keeps_the_1904_flag(tmp_path):
    extra = ('<workbookPr date1904="1"/><mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/'
             'markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath xmlns:x15ac="http://'
             'schemas.microsoft.com/office/spreadsheetml/2010/11/ac" url="C:\\"/></mc:Choice></mc:AlternateContent>'
             '<x15:workbookPr xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" chartTrackingRefBase="1"/>')
    styles = STYLES.replace('formatCode="#,##0"', 'formatCode="dd/mm/yyyy"')
    g = grid(make_book(tmp_path / "d1904.xlsx", sheet_xml('<row r="1"><c r="A1" s="1"><v>1</v></c></row>'),
                       styles=styles, workbook=workbook_xml(extra=extra)))
    assert g.values == {(1, 1): datetime.datetime(1904, 1, 2)}


def test_time_of_day_is_a_time(tmp_path):
    g = grid(make_book(tmp_path / "jam.xlsx", sheet_xml('<row r="1"><c r="A1" s="2"><v>0.5</v></c>'
                                                        '<c r="B1" s="2"><v>45292.75</v></c></row>'), styles=STYLES))
    assert g.values == {(1, 1): datetime.time(12, 0), (1, 2): datetime.datetime(2024, 1, 1, 18, 0)}


def test_line_ends_are_normalised_as_xml_says(tmp_path):
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc</t></is></c>'
            '<c r="B1" t="str"><v>x\r\ny&#13;z</v></c></row>')
    g = grid(make_book(tmp_path / "crlf.xlsx", sheet_xml(rows)))
    assert g.values == {(1, 1): "a\nb\nc", (1, 2): "x\ny\rz"}


def test_wide_hidden_column_ranges(tmp_path):
    before = '<cols><col min="3" max="3" hidden="1"/><col min="5" max="16384" hidden="true"/></cols>'
    g = grid(make_book(tmp_path / "cols.xlsx", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>', before)))
    assert g.hidden_cols == {3} | set(range(5, 16385))


def test_libreoffice_inline_string_formula_has_its_value(tmp_path):
    rows = '<row r="1"><c r="A1" t="inlineStr"><f>"a"&amp;"b"</f><v>ab</v></c></row>'
    g = grid(make_book(tmp_path / "lo.xlsx", sheet_xml(rows)))
    assert g.values == {(1, 1): "ab"} and g.uncached_formulas == []


def test_empty_shared_string_value_is_an_empty_cell(tmp_path):
    shared = f'<sst xmlns="{MAIN}"><si><t>a</t></si></sst>'
    g = grid(make_book(tmp_path / "v.xlsx", sheet_xml('<row r="1"><c r="A1" t="s"><v/></c><c r="B1" t="s">'
                                                      '<v></v></c><c r="C1" t="s"><v>0</v></c></row>'), shared=shared))
    assert g.values == {(1, 3): "a"}


def test_utf16_worksheet_is_read(tmp_path):
    xml = sheet_xml('<row r="1"><c r="A1" t="inlineStr"><is><t>Ünï</t></is></c><c r="B1"><v>5</v></c></row>')
    data = xml.replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16")
    assert grid(make_book(tmp_path / "u16.xlsx", data)).values == {(1, 1): "Ünï", (1, 2): 5}


def test_strict_namespace_and_prefixed_tags(tmp_path):
    xml = (f'<x:worksheet xmlns:x="{STRICT}"><x:sheetData><x:row r="1"><x:c r="A1"><x:v>3</x:v></x:c>'
           '</x:row></x:sheetData></x:worksheet>')
    strict_book = workbook_xml(ns=STRICT).replace(REL, "http://purl.oclc.org/ooxml/officeDocument/relationships")
    assert grid(make_book(tmp_path / "strict.xlsx", xml, workbook=strict_book)).values == {(1, 1): 3}


def test_other_namespaces_never_stand_in_for_cells(tmp_path):
    rows = ('<row r="1"><c r="A1"><v>1</v></c></row>'
            '<o:row xmlns:o="urn:other" r="2"><o:c r="A2"><o:v>99</o:v></o:c></o:row>')
    after = ('<extLst><ext uri="{78C0D931}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">'
             '<x14:conditionalFormattings><x14:conditionalFormatting><x14:cfRule type="cellIs"><x14:dxf>'
             '<numFmt numFmtId="9" formatCode="0%"/></x14:dxf></x14:cfRule></x14:conditionalFormatting>'
             '</x14:conditionalFormattings></ext></extLst>')
    g = grid(make_book(tmp_path / "ns.xlsx", sheet_xml(rows, after=after)))
    assert g.values == {(1, 1): 1}


def test_excel_extension_list_after_the_data_keeps_the_fast_path(tmp_path, monkeypatch):
    after = ('<mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><extLst><ext uri="{CCE6A557}" '
             'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations '
             'count="1"><x14:dataValidation type="list"><x14:formula1><xm:f xmlns:xm="http://schemas.microsoft.com/'
             'office/excel/2006/main">Daftar!$A$1:$A$3</xm:f></x14:formula1><xm:sqref xmlns:xm="http://'
             'schemas.microsoft.com/office/excel/2006/main">A1</xm:sqref></x14:dataValidation></x14:dataValidations>'
             '</ext></extLst>')
    path = make_book(tmp_path / "ext.xlsx", sheet_xml('<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>',
                                                      after=after))
    g = grid(path)
    assert g.merges == [(1, 1, 1, 2)]

    def no_fallback(self, part, sink):
        raise AssertionError("fell back to expat")
    monkeypatch.setattr(XlsxFile, "_expat_sheet", no_fallback)
    read(path)


def test_escaped_surrogates(tmp_path):
    rows = ('<row r="1"><c r="A1" t="inlineStr"><is><t>a_xD83D_b</t></is></c>'
            '<c r="B1" t="inlineStr"><is><t>_xD83D__xDE00_</t></is></c></row>')
    g = grid(make_book(tmp_path / "sur.xlsx", sheet_xml(rows)))
    assert g.values == {(1, 1): "a\ufffdb", (1, 2): "\U0001F600"}


# ------------------------------------------------------------------- the product on such cells

def test_lone_surrogate_and_terminal_escapes_in_the_check_table(tmp_path):
    """A sheet-label cell with _xD83D_ and an ANSI escape: no traceback, nothing raw on the terminal."""
    evil = b"Kinerja _xD83D_ \x1b[2K\x1b[1A_x001B_[31mPALSU_x0007_"
    path = rewrite(tmp_path / "teks.xlsx", {SHEET["Identitas"]: _identitas_skpd(evil.replace(b"\x1b", b"_x001B_"))})
    for args in (["check", path.name], ["check", path.name, "--json"]):
        proc = run_cli(*args, cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        assert "Traceback" not in proc.stderr and "\x1b" not in proc.stdout and "\x07" not in proc.stdout
    assert "\\u001b[31mPALSU" in run_cli("check", path.name, cwd=tmp_path).stdout
    report = json.loads(run_cli("check", path.name, "--json", cwd=tmp_path).stdout)
    assert "\ufffd" in json.dumps(report, ensure_ascii=False)
    out = tmp_path / "teks_lkip.xlsx"
    proc = run_cli("fill", path.name, cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    assert out.exists()


def _identitas_skpd(text: bytes):
    def edit(xml: bytes) -> bytes:
        import re
        m = re.search(rb'<c r="B(\d+)"([^>]*)t="inlineStr"><is><t>([^<]*Kecamatan[^<]*)</t></is></c>', xml)
        assert m, xml[:400]
        return xml[:m.start(3)] + text + xml[m.end(3):]
    return edit


def test_refusal_names_are_cut(tmp_path):
    long_name = "L" * 200_000
    book = workbook_xml(extra="").replace('name="S1"', f'name="{long_name}"')
    path = make_book(tmp_path / "nama.xlsx", sheet_xml(""), workbook=book)
    proc = run_cli("check", path.name, cwd=tmp_path)
    assert proc.returncode == 3 and len(proc.stderr) < 2000, len(proc.stderr)
    assert "LLLL…" in proc.stderr


# ------------------------------------------------------------------------ slow or greedy files

def _timed(path: Path, cwd: Path):
    start = time.monotonic()
    run = run_measured("check", path.name, cwd=cwd)
    return run, time.monotonic() - start


@pytest.mark.parametrize("junk", [b'<c r="A1">' * 4000, b"<col " * 5000, b'<c r="A1"><f>' * 3000,
                                  b'<row r="1"><c r="A1" t="inlineStr"><is><t>x' * 2000],
                         ids=["c", "col", "f", "is"])
def test_unclosed_elements_cost_one_look(tmp_path, junk):
    path = rewrite(tmp_path / "buka.xlsx", {SHEET["DPA"]: lambda x: x.replace(b"<sheetData>", b"<sheetData>" + junk, 1)})
    run, took = _timed(path, tmp_path)
    assert took < BUDGET_S
    assert_refused(run, path, ["XML yang rusak"])


def test_many_sheets_on_one_part_are_each_budgeted(tmp_path):
    rows = "".join(f'<row r="{r}">' + "".join(f'<c r="{col}{r}"><v>{r}</v></c>' for col in "ABCDEFGH") + "</row>"
                   for r in range(1, 5000))
    path = make_book(tmp_path / "delapan.xlsx", sheet_xml(rows), targets=["worksheets/sheet1.xml"] * 8)
    start = time.monotonic()
    grids = read(path)
    assert time.monotonic() - start < BUDGET_S
    assert len(grids) == 8 and all(len(g.values) == 8 * 4999 for g in grids)


def test_huge_attribute_is_refused_before_expat_reparses_it(tmp_path, monkeypatch):
    """expat 2.5 parses an unfinished token again on every chunk: a 150 MB attribute took minutes. It
    is refused once it outgrows the token limit (lowered here so the file stays small)."""
    import base64
    import os
    monkeypatch.setattr(package, "MAX_TOKEN_BYTES", 2 * 1024 * 1024)
    noise = base64.b64encode(os.urandom(3 * 1024 * 1024))
    big = b'<worksheet xmlns="' + MAIN.encode() + b'"><sheetData><row r="1"><c r="A1" y="' + noise
    big += b'"><v>1</v></c></row></sheetData></worksheet>'
    path = make_book(tmp_path / "atribut.xlsx", big)
    start = time.monotonic()
    with pytest.raises(InputError, match="lebih besar dari 2 MB"):
        read(path)
    assert time.monotonic() - start < BUDGET_S


def test_feeder_gives_expat_whole_tokens():
    """Chunks cut anywhere: expat sees the same events, and never a token cut in two."""
    from xml.parsers import expat
    xml = b"<r>" + b'<a x="1>2"/><!-- c<o>m -->t<![CDATA[<x>]]><?pi <y> ?><b/>' * 50 + b"</r>"
    for size in (1, 2, 3, 7, 64, 1000):
        events, fed = [], []
        parser = expat.ParserCreate()
        parser.StartElementHandler = lambda n, a: events.append(("s", n))
        parser.CharacterDataHandler = lambda d: events.append(("t", d))
        original = parser.Parse
        feeder = package._Feeder(parser, lambda: AssertionError("too big"))
        feeder.parse = lambda data, final: (fed.append(data), original(data, final))
        data = xml
        for i in range(0, len(data), size):
            feeder.feed(data[i:i + size])
        feeder.close()
        assert b"".join(fed) == data
        for piece in fed[:-1]:
            # every piece but the last ends before a '<' that opens a whole token
            assert piece.count(b"<!--") == piece.count(b"-->") and piece.count(b"<![CDATA[") == piece.count(b"]]>")


def test_millions_of_sheet_entries_are_refused_at_once(tmp_path):
    entries = '<sheet name="x" sheetId="1" r:id="rId1"/>' * 200_000
    book = workbook_xml().replace("<sheets>", "<sheets>" + entries)
    path = make_book(tmp_path / "lembar.xlsx", sheet_xml(""), workbook=book)
    start = time.monotonic()
    with pytest.raises(InputError, match="lebih dari 4.096 lembar"):
        read(path)
    assert time.monotonic() - start < 5


def test_relationships_are_read_once_and_bounded(tmp_path, monkeypatch):
    many = "".join(f'<Relationship Id="x{i}" Type="{REL}/hyperlink" Target="h{i}"/>' for i in range(30_000))
    path = make_book(tmp_path / "relasi.xlsx", sheet_xml(""))
    data = {}
    with zipfile.ZipFile(path) as zf:
        for info in zf.infolist():
            data[info.filename] = zf.read(info)
    data["xl/_rels/workbook.xml.rels"] = data["xl/_rels/workbook.xml.rels"].replace(
        b"</Relationships>", many.encode() + b"</Relationships>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in data.items():
            zf.writestr(name, blob)
    with pytest.raises(InputError, match="lebih dari 20.000 entri"):
        read(path)
    opened = []
    original = XlsxFile._parse
    monkeypatch.setattr(XlsxFile, "_parse", lambda self, part, *a, **k: (opened.append(part), original(self, part, *a, **k))[1])
    read(make_book(tmp_path / "biasa.xlsx", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'), styles=STYLES))
    assert opened.count("xl/_rels/workbook.xml.rels") == 1, opened


def test_formulas_without_values_count_as_cells(tmp_path, monkeypatch):
    monkeypatch.setattr(package, "MAX_CELLS", 1000)
    rows = "".join(f'<row r="{r}"><c r="A{r}"><f>1+1</f></c></row>' for r in range(1, 1200))
    with pytest.raises(InputError, match="lebih dari 1.000 sel"):
        read(make_book(tmp_path / "rumus.xlsx", sheet_xml(rows)))


def test_false_compressed_size_does_not_pass_the_ratio(tmp_path, monkeypatch):
    """The directory says the sheet occupies 100 times the bytes it does (padding follows it, so no
    entries overlap): the ratio is measured on the compressed bytes really read."""
    import os
    monkeypatch.setattr(package, "RATIO_FLOOR_BYTES", 1024 * 1024)
    body = '<row r="1"><c r="A1"><v>1</v></c></row>' * 200_000  # ~8 MB, deflates ~1000:1
    path = make_book(tmp_path / "rasio.xlsx", b"")
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as zf:  # the sheet last, right before the directory
        data = {i.filename: zf.read(i) for i in zf.infolist()}
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, blob in data.items():
            if name != "xl/worksheets/sheet1.xml":
                zf.writestr(name, blob)
        zf.writestr("xl/worksheets/sheet1.xml", sheet_xml(body))
    raw = bytearray(path.read_bytes())
    eocd = raw.rfind(b"PK\x05\x06")
    cd_start = int.from_bytes(raw[eocd + 16:eocd + 20], "little")
    with zipfile.ZipFile(path) as zf:
        real = zf.getinfo("xl/worksheets/sheet1.xml").compress_size
    pad = os.urandom(real * 100)
    raw[eocd + 16:eocd + 20] = (cd_start + len(pad)).to_bytes(4, "little")
    at = raw.find(b"PK\x01\x02", cd_start)
    while at >= 0:
        n = int.from_bytes(raw[at + 28:at + 30], "little")
        if raw[at + 46:at + 46 + n] == b"xl/worksheets/sheet1.xml":
            raw[at + 20:at + 24] = (real + len(pad)).to_bytes(4, "little")
        at = raw.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(raw[:cd_start]) + pad + bytes(raw[cd_start:]))
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
        assert info.file_size / info.compress_size < xlsx.MAX_RATIO  # the declared ratio looks harmless
    with pytest.raises(InputError, match="bom dekompresi"):
        read(path)


def test_too_many_zip_entries_refused_before_zipfile_reads_them(tmp_path, monkeypatch):
    from lkip_xl.reader import safe
    monkeypatch.setattr(safe, "MAX_ZIP_ENTRIES", 50)
    path = make_book(tmp_path / "entri.xlsx", sheet_xml(""), parts={f"x/{i}.bin": b"" for i in range(60)})
    with pytest.raises(InputError, match="entri"):
        read(path)


def test_elapsed_times_and_iso_times(tmp_path):
    styles = STYLES.replace('formatCode="h:mm"', 'formatCode="[h]:mm:ss"')
    rows = ('<row r="1"><c r="A1" s="2"><v>1.5</v></c><c r="B1" t="d"><v>10:10:10</v></c>'
            '<c r="C1" t="d"><v>2024-12-31T08:00:00Z</v></c></row>')
    g = grid(make_book(tmp_path / "durasi.xlsx", sheet_xml(rows), styles=styles))
    assert g.values == {(1, 1): datetime.timedelta(days=1, hours=12), (1, 2): datetime.time(10, 10, 10),
                        (1, 3): datetime.datetime(2024, 12, 31, 8)}


def test_member_names_with_backslashes_are_found(tmp_path):
    path = make_book(tmp_path / "miring.xlsx", sheet_xml('<row r="1"><c r="A1"><v>4</v></c></row>'))
    with zipfile.ZipFile(path) as zf:
        parts = {i.filename: zf.read(i) for i in zf.infolist()}
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in parts.items():
            zf.writestr(name.replace("/", "\\") if name.startswith("xl/") else name, data)
    assert grid(path).values == {(1, 1): 4}


@pytest.mark.parametrize("second", ["xl/worksheets/sheet1.xml", "XL/Worksheets/Sheet1.xml"])
def test_two_members_under_one_name_are_refused(tmp_path, second):
    path = make_book(tmp_path / "ganda.xlsx", sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns of the duplicate name it is asked to write
        with zipfile.ZipFile(path, "a") as zf:
            zf.writestr(second, sheet_xml('<row r="1"><c r="A1"><v>2</v></c></row>'))
    with pytest.raises(InputError, match="dua bagian bernama"):
        read(path)


def test_impossible_cell_address_is_named(tmp_path):
    path = make_book(tmp_path / "a0.xlsx", sheet_xml('<row r="1"><c r="A0"><v>1</v></c></row>'))
    for expat in (False, True):
        with pytest.raises(InputError, match=r"alamat yang tidak sah \(A0\)"):
            read(path, expat=expat)


# ----------------------------------------------------------------- what a wrong file is, said plainly

@pytest.mark.parametrize("name, data, words", [
    ("ekspor.xls", b"<html><head><meta charset='utf-8'></head><body><table><tr><td>Pagu</td></tr></table>",
     ["halaman HTML", "Simpan sebagai Excel Workbook (.xlsx)".lower()]),
    ("lama.xml.xlsx", b'<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">',
     ["XML Spreadsheet 2003"]),
    ("laporan.xlsx", b"%PDF-1.7\n%...", ["dokumen PDF"]),
], ids=["html", "xml2003", "pdf"])
def test_a_file_that_is_no_workbook_says_what_it_is(tmp_path, name, data, words):
    (tmp_path / name).write_bytes(data)
    proc = run_cli("check", name, cwd=tmp_path)
    assert proc.returncode == 3 and proc.stderr.count("\n") == 1, proc.stderr
    for word in words:
        assert word.lower() in proc.stderr.lower(), proc.stderr


@pytest.mark.parametrize("member, words", [("word/document.xml", "dokumen Word"),
                                           ("content.xml", "OpenDocument")], ids=["docx", "ods"])
def test_another_office_file_renamed_xlsx_says_what_it_is(tmp_path, member, words):
    path = tmp_path / "bukan.xlsx"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(member, "<x/>")
    proc = run_cli("check", path.name, cwd=tmp_path)
    assert proc.returncode == 3 and words in proc.stderr, proc.stderr


def test_our_own_output_given_as_input_says_so(tmp_path):
    from run_cli import SAMPLE
    import shutil
    shutil.copyfile(SAMPLE, tmp_path / SAMPLE.name)
    run_cli("fill", SAMPLE.name, cwd=tmp_path)
    out = tmp_path / f"{SAMPLE.stem}_lkip.xlsx"
    assert out.exists()
    proc = run_cli("check", out.name, cwd=tmp_path)
    assert proc.returncode == 3 and "hasil lkip-xl" in proc.stderr and "lembar yang ada" not in proc.stderr, proc.stderr
