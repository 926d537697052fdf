"""Hostile and odd workbooks that are valid zips (issue 6): bounded memory and time, the product's own
sentence for every refusal, a finding for every odd value, and the catch-all message never.

Every file is the sample with one part rewritten, built here in a few milliseconds.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import zipfile
from pathlib import Path
from typing import Callable

import pytest

from run_cli import SAMPLE, run_cli
from test_hostile import MB, assert_refused, run_measured

SHEET = {"Identitas": "xl/worksheets/sheet1.xml", "Kinerja": "xl/worksheets/sheet2.xml",
         "DPA": "xl/worksheets/sheet4.xml", "Realisasi": "xl/worksheets/sheet5.xml"}
CATCH_ALL = "pengembang"
MAX_RSS_MB = 400  # well under the 1 GiB budget of a staff laptop
BUDGET_S = 30  # any input inside the size limits is answered within this


def rewrite(dst: Path, edits: dict[str, Callable[[bytes], bytes]] | None = None,
            extra: dict[str, bytes] | None = None, level: int = 6) -> Path:
    """The sample with some parts edited and some added."""
    edits, extra = edits or {}, extra or {}
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename in edits:
                data = edits[info.filename](data)
            out.writestr(info.filename, data)
        for name, data in extra.items():
            out.writestr(name, data)
    return dst


def in_cell(ref: str, new: bytes) -> Callable[[bytes], bytes]:
    """Replace the whole <c r="ref" …>…</c> element."""
    def edit(xml: bytes) -> bytes:
        pattern = re.compile(rb'<c r="' + ref.encode() + rb'"[^>]*?(/>|>.*?</c>)', re.S)
        assert pattern.search(xml), ref
        return pattern.sub(lambda _: new, xml, count=1)
    return edit


def json_report(folder: Path, name: str) -> dict:
    proc = run_cli("check", name, "--json", cwd=folder)
    assert proc.returncode in (0, 1), proc.stderr
    assert CATCH_ALL not in proc.stderr
    return json.loads(proc.stdout)


def dpa_pagu_cell(row: int) -> str:
    return f"H{row}"


# ------------------------------------------------------------------------------ memory and time


def test_merge_over_the_whole_sheet_is_cheap(tmp_path):
    """One merged range A1:XFD1048576 used to cost 6.8 GB: ranges are clipped to the data."""
    def merge_all(xml: bytes) -> bytes:
        return xml.replace(b"</sheetData>", b'</sheetData><mergeCells count="1"><mergeCell ref="J1:XFD1048576"/>'
                           b"</mergeCells>", 1)
    path = rewrite(tmp_path / "gabung.xlsx", {SHEET["Realisasi"]: merge_all})
    run = run_measured("check", path.name, cwd=tmp_path)
    assert run.returncode == 1 and CATCH_ALL not in run.stderr, run.stderr
    assert run.stdout.count("CLAIM_MISMATCH") == 11
    assert run.max_rss_mb < MAX_RSS_MB


def test_too_many_merges_refused(tmp_path):
    merges = b"".join(b'<mergeCell ref="A%d:B%d"/>' % (r, r) for r in range(1, 100_003))
    path = rewrite(tmp_path / "gabung_banyak.xlsx", {SHEET["DPA"]: lambda x: x.replace(
        b"</sheetData>", b"</sheetData><mergeCells>" + merges + b"</mergeCells>", 1)})
    run = run_measured("check", path.name, cwd=tmp_path)
    assert_refused(run, path, ["sel gabungan", "DPA"])


def test_huge_shared_string_in_many_rows(tmp_path):
    """A 4 MB text shared by 500 rows: read once, cut to Excel's 32.767 characters, one finding."""
    big = "Uraian " + "x" * (4 * MB)
    rows = b"".join(b'<row r="%d"><c r="J%d" t="s"><v>0</v></c></row>' % (r, r) for r in range(60, 560))
    sst = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
           b'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>' + big.encode() + b"</t></si></sst>")
    rels = (b'<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            b'sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    path = rewrite(tmp_path / "teks_besar.xlsx",
                   {SHEET["DPA"]: lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>", 1),
                    "xl/_rels/workbook.xml.rels": lambda x: x.replace(b"</Relationships>", rels)},
                   {"xl/sharedStrings.xml": sst})
    assert path.stat().st_size < MB
    run = run_measured("check", path.name, "--json", cwd=tmp_path)
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    long = [t for t in report["temuan"] if "32.767" in t["pesan"]]
    assert len(long) == 1 and long[0]["lembar"] == "DPA" and long[0]["sel"] == "J60", long
    assert "499 sel lain" in long[0]["pesan"]
    assert run.max_rss_mb < MAX_RSS_MB


def test_unused_big_sheets_are_never_read(tmp_path):
    """Sheets lkip-xl does not use are not inflated at all: memory stays that of the sample."""
    row = b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>catatan panjang</t></is></c></row>'
    notes = (b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             + b"".join(row % (r, r) for r in range(1, 400_000)) + b"</sheetData></worksheet>")
    book = lambda x: x.replace(b"</sheets>", b'<sheet name="Catatan" sheetId="9" r:id="rIdN"/></sheets>')
    rels = lambda x: x.replace(b"</Relationships>", b'<Relationship Id="rIdN" Type="http://schemas.'
                               b'openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                               b'Target="worksheets/catatan.xml"/></Relationships>')
    path = rewrite(tmp_path / "catatan.xlsx", {"xl/workbook.xml": book, "xl/_rels/workbook.xml.rels": rels},
                   {"xl/worksheets/catatan.xml": notes}, level=1)
    del notes  # the child's peak memory counts what it inherits from this process before exec
    run = run_measured("check", path.name, cwd=tmp_path)
    assert run.returncode == 1 and run.stdout.count("CLAIM_MISMATCH") == 11, run.stderr
    assert run.max_rss_mb < 150


def test_repetitive_sheet_that_is_read_is_no_bomb(tmp_path):
    """2 MB of repetitive XML compresses beyond 100:1 and is an ordinary file, not a bomb."""
    rows = b'<row spans="1:8"></row>' * 80_000  # empty rows after the table, numbered by their order
    path = rewrite(tmp_path / "ulang.xlsx", {SHEET["DPA"]: lambda x: x.replace(b"</sheetData>", rows +
                                                                              b"</sheetData>", 1)}, level=9)
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo(SHEET["DPA"])
    assert info.file_size / info.compress_size > 100 and info.file_size > MB
    run = run_measured("check", path.name, cwd=tmp_path)
    assert run.returncode == 1 and run.stdout.count("CLAIM_MISMATCH") == 11, run.stderr


def test_too_many_cells_refused(tmp_path):
    from lkip_xl.reader.xlsx import MAX_CELLS

    cells = b"".join(b'<row r="%d"><c r="J%d"><v>1</v></c><c r="K%d"><v>2</v></c></row>' % (r, r, r)
                     for r in range(100, 100 + MAX_CELLS // 2 + 100))
    path = rewrite(tmp_path / "sel_banyak.xlsx", {SHEET["DPA"]: lambda x, cells=cells: x.replace(
        b"</sheetData>", cells + b"</sheetData>", 1)}, level=1)
    del cells
    run = run_measured("check", path.name, cwd=tmp_path, timeout=BUDGET_S)
    assert_refused(run, path, ["sel"])
    assert run.max_rss_mb < MAX_RSS_MB


# ------------------------------------------------------------------------------ XML declarations


def test_dtd_after_a_long_comment_refused(tmp_path):
    def hide(xml: bytes) -> bytes:
        root = xml.index(b"<worksheet")
        return (xml[:root] + b"<!--" + b"x" * 5000 + b"-->" + b'<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>'
                + xml[root:])
    path = rewrite(tmp_path / "dtd.xlsx", {SHEET["Kinerja"]: hide})
    run = run_measured("check", path.name, cwd=tmp_path)
    assert_refused(run, path, [SHEET["Kinerja"], "entitas XML"])


def test_dtd_in_a_part_not_named_xml_refused(tmp_path):
    part = "xl/worksheets/lembar.bin"
    with zipfile.ZipFile(SAMPLE) as zf:
        dpa = zf.read(SHEET["DPA"])
    dpa = b'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>' + dpa
    rels = lambda x: x.replace(b'Target="/xl/worksheets/sheet4.xml"', b'Target="/xl/worksheets/lembar.bin"')
    path = rewrite(tmp_path / "dtd_bin.xlsx", {"xl/_rels/workbook.xml.rels": rels}, {part: dpa})
    run = run_measured("check", path.name, cwd=tmp_path)
    assert_refused(run, path, [part, "entitas XML"])


# ------------------------------------------------------------------------------ odd values


def test_formulas_without_cached_values_exit_3(tmp_path):
    """A tool that writes formulas without calculating them: never a report of zeros."""
    path = rewrite(tmp_path / "rumus.xlsx", {SHEET["DPA"]: in_cell("H7", b'<c r="H7"><f>SUM(H8:H9)</f></c>')})
    run = run_measured("check", path.name, cwd=tmp_path)
    assert_refused(run, path, ["rumus tanpa nilai tersimpan", "H7", "Lembar DPA"])


def test_external_link_is_a_peringatan(tmp_path):
    """A value pulled from another workbook is read from its cached value, and the user is told."""
    path = rewrite(tmp_path / "tautan.xlsx", {SHEET["DPA"]: in_cell(
        "H7", b'<c r="H7" s="9"><f>[1]Sheet1!A1</f><v>6469500</v></c>')})
    shutil.copyfile(SAMPLE, tmp_path / SAMPLE.name)
    report, sample = json_report(tmp_path, path.name), json_report(tmp_path, SAMPLE.name)
    links = [t for t in report["temuan"] if t["kode"] == "EXTERNAL_LINK"]
    assert len(links) == 1 and links[0]["tingkat"] == "peringatan" and links[0]["sel"] == "H7", links
    assert report["anggaran"] == sample["anggaran"]
    assert len(report["temuan"]) == len(sample["temuan"]) + 1


@pytest.mark.parametrize("raw", [b"NaN", b"INF", b"-inf", b"1" * 400, b"1e400"],
                         ids=["nan", "inf", "-inf", "400-digits", "1e400"])
def test_impossible_stored_numbers_are_findings(tmp_path, raw):
    path = rewrite(tmp_path / "angka.xlsx", {SHEET["Realisasi"]: in_cell("D6", b'<c r="D6"><v>' + raw + b"</v></c>")})
    run = run_measured("check", path.name, "--json", cwd=tmp_path)
    assert run.returncode == 1 and CATCH_ALL not in run.stderr, run.stderr
    report = json.loads(run.stdout)
    assert any(t["kode"] == "UNREADABLE_VALUE" and t["sel"] == "D6" for t in report["temuan"]), report["temuan"]


@pytest.mark.parametrize("name", ["laporan.xls", "laporan", "laporan.XLSX", "laporan.data"])
def test_a_real_xlsx_under_any_name_is_read(tmp_path, name):
    shutil.copyfile(SAMPLE, tmp_path / name)
    proc = run_cli("check", name, cwd=tmp_path)
    assert proc.returncode == 1 and proc.stdout.count("CLAIM_MISMATCH") == 11, proc.stderr


def test_fifo_input_refused_at_once(tmp_path):
    os.mkfifo(tmp_path / "pipa.xlsx")
    run = run_measured("check", "pipa.xlsx", cwd=tmp_path)  # a hang fails through run_measured's timeout
    assert run.returncode == 3 and run.stderr.count("\n") == 1 and "bukan berkas biasa" in run.stderr, run.stderr


def test_prefixed_namespaces_and_implied_positions(tmp_path):
    """Some generators write `x:` prefixed tags and leave out the r= addresses: the same report."""
    def prefix(xml: bytes) -> bytes:
        xml = re.sub(rb"<(/?)(?!\?)([A-Za-z])", rb"<\1x:\2", xml)
        return xml.replace(b'<x:worksheet xmlns="', b'<x:worksheet xmlns:x="', 1)
    path = rewrite(tmp_path / "awalan.xlsx", {SHEET["Realisasi"]: prefix})
    shutil.copyfile(SAMPLE, tmp_path / SAMPLE.name)
    assert json_report(tmp_path, path.name)["anggaran"] == json_report(tmp_path, SAMPLE.name)["anggaran"]


def test_more_sasaran_than_a_report_holds_is_refused(tmp_path):
    """Tables are made per sasaran; thousands of them (a mis-read sheet, or a generated one) would
    leave the time budget of fill: one sentence instead."""
    from builder import TUJUAN, build, minimal

    data = minimal()
    data["kinerja"] += [["Sasaran", TUJUAN, f"Sasaran {i}", f"Indikator {i}", "%", "Positif", 90, 95, 100, 92, 95]
                        for i in range(301)]
    path = build(tmp_path, file_name="banyak_sasaran.xlsx", **{k: v for k, v in data.items() if k != "extra_sheets"})
    run = run_measured("fill", path.name, cwd=tmp_path)
    assert_refused(run, path, ["Lembar Kinerja", "303 sasaran", "300 sasaran"])


def test_tens_of_thousands_of_findings_stay_within_the_budget(tmp_path):
    """Every finding is in check --json; the Temuan sheet lists the first 5.000 and says how many more."""
    import openpyxl

    from builder import IND_A, build, minimal

    data = minimal()
    data["pemetaan"] = [["Indikator", "Kode"]] + [[IND_A if i % 2 else f"Tak dikenal {i}", "7.01.02.2.01.0001"]
                                                  for i in range(12_000)]
    path = build(tmp_path, file_name="pemetaan_besar.xlsx", **{k: v for k, v in data.items() if k != "extra_sheets"})
    run = run_measured("fill", path.name, "-o", "hasil.xlsx", "--json", "hasil.json", cwd=tmp_path,
                       timeout=BUDGET_S)
    assert run.returncode == 0, run.stderr
    total = len(json.loads((tmp_path / "hasil.json").read_text())["temuan"])
    assert total > 6000
    book = openpyxl.load_workbook(tmp_path / "hasil.xlsx", read_only=True, data_only=True)
    rows = [r for r in book["Temuan"].iter_rows(min_row=5, values_only=True) if r[0] is not None]
    counts = {r[0]: r[1] for r in book["Ringkasan"].iter_rows(values_only=True) if r and r[0]}
    book.close()
    assert len(rows) == 5001 and f"{total - 5000} temuan lain" in rows[-1][0]
    assert counts["Temuan kesalahan"] == sum(1 for t in json.loads((tmp_path / "hasil.json").read_text())["temuan"]
                                             if t["tingkat"] == "kesalahan")


@pytest.mark.libreoffice
def test_counts_beyond_the_listed_findings_recalculate(tmp_path, monkeypatch):
    """The Ringkasan counts add the findings the Temuan sheet does not list: LibreOffice agrees."""
    from builder import build, minimal
    from recalc import mismatches, soffice

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    from lkip_xl.api import analyse
    from lkip_xl.writer import write_workbook
    from lkip_xl.writer import review

    data = minimal()
    data["pemetaan"] = [["Indikator", "Kode"]] + [[f"Tak dikenal {i}", "7.01.02.2.01.0001"] for i in range(30)]
    path = build(tmp_path, **{k: v for k, v in data.items() if k != "extra_sheets"})
    result = analyse(str(path))
    monkeypatch.setattr(review, "MAX_TEMUAN_ROWS", 10)
    write_workbook(result, str(tmp_path / "out.xlsx"))
    wrong, checked = mismatches(tmp_path / "out.xlsx")
    assert checked and wrong == []
