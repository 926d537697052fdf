"""Print-ready output (issue 9): page footers, readable print scale, tall-enough header rows, titles as the
LKIP writes them, and honest Ringkasan charts. Checked in the xlsx XML as Excel and LibreOffice read it."""
from __future__ import annotations

import re
import shutil
import subprocess
import warnings
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from lkip_xl.api import analyse
from lkip_xl.writer import write_workbook, xlsxwriter_adapter
from lkip_xl.writer.book import (
    FOOTER_LIMIT, MIN_PRINT_SCALE, PAGE_PX, column_px, footer_text, print_scale_for, wrapped_lines,
)
from lkip_xl.writer.ringkasan import _major_unit, _money_axis, chart_label
from lkip_xl.writer.tables import ordinal, terbilang
from tests.builder import build

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "kecamatan_juai_2024.xlsx"
NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
DATA_SHEETS = ("Data Anggaran", "Data Kinerja", "Data Komponen", "Data Pemetaan", "Data Belanja", "Data Dilaporkan",
               "Perhitungan Kinerja", "Temuan", "Pembacaan Input")


class Book:
    """An output workbook's sheets by name (their parsed XML) and its charts."""

    def __init__(self, path: Path):
        with zipfile.ZipFile(path) as z:
            wb = ET.fromstring(z.read("xl/workbook.xml"))
            rels = ET.fromstring(z.read("xl/_rels/workbook.xml.rels"))
            target = {r.get("Id"): r.get("Target") for r in rels}
            self.sheets = {s.get("name"): ET.fromstring(z.read("xl/" + target[s.get(f"{{{NS['r']}}}id")]))
                           for s in wb.find("m:sheets", NS)}
            self.charts = [ET.fromstring(z.read(n)) for n in sorted(z.namelist())
                           if re.fullmatch(r"xl/charts/chart\d+\.xml", n)]
            shared = ET.fromstring(z.read("xl/sharedStrings.xml"))
            self.strings = ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t")) for si in shared]

    def footer(self, name: str) -> str:
        el = self.sheets[name].find("m:headerFooter/m:oddFooter", NS)
        return "" if el is None else el.text or ""

    def cell_text(self, name: str, ref: str) -> str | None:
        for c in self.sheets[name].iter(f"{{{NS['m']}}}c"):
            if c.get("r") == ref:
                v = c.find("m:v", NS)
                return self.strings[int(v.text)] if c.get("t") == "s" else (v.text if v is not None else None)
        return None

    def widths(self, name: str) -> list[float]:
        out: list[float] = []
        for col in self.sheets[name].iterfind("m:cols/m:col", NS):
            if col.get("hidden") == "1":
                continue
            for k in range(int(col.get("min")), int(col.get("max")) + 1):
                out += [0.0] * (k - 1 - len(out)) + [float(col.get("width"))]
        return out

    def row_height(self, name: str, row: int) -> float | None:
        for r in self.sheets[name].iterfind("m:sheetData/m:row", NS):
            if r.get("r") == str(row):
                return float(r.get("ht")) if r.get("ht") else None
        return None


def write(src: Path, out: Path) -> Book:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # xlsxwriter warns (and drops the footer) on a bad footer string
        write_workbook(analyse(str(src)), str(out))
    return Book(out)


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> Book:
    return write(SAMPLE, tmp_path_factory.mktemp("cetak") / "sample.xlsx")


@pytest.fixture(scope="module")
def sample_path(sample, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("cetak_path") / "sample.xlsx"
    write(SAMPLE, path)
    return path


# ------------------------------------------------------------------------------------------ footers


def test_every_sheet_prints_page_numbers_skpd_and_year(sample):
    assert len(sample.sheets) > 20
    for name in sample.sheets:
        footer = sample.footer(name)
        assert "&P" in footer and "&N" in footer, (name, footer)
        assert footer == "&LKecamatan Juai 2024&RHalaman &P dari &N", (name, footer)


@pytest.mark.parametrize("skpd, left", [
    ("Dinas Koperasi & UKM", "Dinas Koperasi && UKM 2024"),
    ("PT A&G", "PT A&&G 2024"),  # '&G' is xlsxwriter's picture code: it must not be taken for one
    ("Biro &[Picture] &P", "Biro &&[Picture] &&P 2024"),
    ("  Dinas   Sosial ", "Dinas Sosial 2024"),
    ("", "2024"),
])
def test_footer_escapes_the_skpd_name(skpd, left):
    assert footer_text(skpd, 2024) == f"&L{left}&RHalaman &P dari &N"


def test_footer_of_a_very_long_skpd_name_stays_within_excels_limit():
    text = footer_text("Dinas & " * 60, 2024)
    assert len(text.encode("utf-16-le")) // 2 <= FOOTER_LIMIT
    assert text.endswith("… 2024&RHalaman &P dari &N")
    assert not re.search(r"(?<!&)&(?:&&)*[^&LRPN]", text.replace("&&", "")), text  # no lone '&' left


def test_an_skpd_with_ampersands_is_written_escaped_in_footers_and_plain_in_titles(tmp_path):
    book = write(build(tmp_path, identitas={"SKPD": "Dinas Koperasi & UKM A&G"}), tmp_path / "out.xlsx")
    # xlsxwriter_adapter's public road writes '&&G' with an empty bold toggle between: printed the same
    left = "Dinas Koperasi && UKM A&&G" if xlsxwriter_adapter.FAST else "Dinas Koperasi && UKM A&&&B&BG"
    for name in book.sheets:
        assert book.footer(name) == f"&L{left} 2024&RHalaman &P dari &N", name
    titles = [book.cell_text(n, "A1") for n in book.sheets if re.match(r"\d\.\d+ ", n)]
    assert titles and all("Dinas Koperasi & UKM A&G" in t for t in titles), titles


@pytest.mark.libreoffice
def test_libreoffice_prints_the_footer_with_the_ampersand_and_page_numbers(tmp_path):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice or not shutil.which("pdftotext"):
        pytest.skip("needs LibreOffice and pdftotext")
    write(build(tmp_path, identitas={"SKPD": "Dinas Koperasi & UKM"}), tmp_path / "out.xlsx")
    profile = tmp_path / "profile"
    subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "out.xlsx")],
                   check=True, capture_output=True, timeout=240, env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"})
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "out.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) > 10
    for k, page in enumerate(pages, start=1):
        assert "Dinas Koperasi & UKM 2024" in page, k
        assert f"Halaman {k} dari {len(pages)}" in page, k


# ------------------------------------------------------------------------------------------ print scale


def _page_setup(book: Book, name: str) -> tuple[int | None, bool, str | None]:
    ws = book.sheets[name]
    setup = ws.find("m:pageSetup", NS)
    fit = ws.find("m:sheetPr/m:pageSetUpPr", NS)
    scale = setup.get("scale")
    return (int(scale) if scale else None, fit is not None and fit.get("fitToPage") == "1",
            setup.get("orientation"))


def test_data_sheets_print_readably(sample):
    checked = 0
    for name in DATA_SHEETS:
        if name not in sample.sheets:
            continue
        scale, fit, orientation = _page_setup(sample, name)
        setup = sample.sheets[name].find("m:pageSetup", NS)
        if fit:
            # fit to one page across, never shrinking the columns below the readable scale
            assert setup.get("fitToWidth", "1") == "1" and setup.get("fitToHeight") == "0", name
            need = sum(column_px(w) for w in sample.widths(name))
            assert need * MIN_PRINT_SCALE / 100 <= PAGE_PX[orientation == "landscape"], (name, need)
        else:
            assert scale is not None and scale >= 50, (name, scale)
        checked += 1
    assert checked >= 7
    # the two wide ones flow to more pages at a readable scale, with their identifying columns repeated
    for name in ("Data Anggaran", "Data Kinerja"):
        assert _page_setup(sample, name)[0] == MIN_PRINT_SCALE, name


def test_print_titles_repeat_header_rows_and_identifying_columns(sample_path):
    wb = ET.fromstring(zipfile.ZipFile(sample_path).read("xl/workbook.xml"))
    sheets = [s.get("name") for s in wb.find("m:sheets", NS)]
    titles = {sheets[int(d.get("localSheetId"))]: d.text for d in wb.iterfind("m:definedNames/m:definedName", NS)
              if d.get("name") == "_xlnm.Print_Titles"}
    assert titles["Data Anggaran"] == "'Data Anggaran'!$A:$D,'Data Anggaran'!$3:$3"
    assert titles["Perhitungan Kinerja"] == "'Perhitungan Kinerja'!$3:$3"
    assert all(n in titles for n in sheets if re.match(r"\d\.\d+ ", n))


def test_print_scale_rule():
    assert print_scale_for([10] * 10) == 100
    assert print_scale_for([10] * 20) == 69  # 1045 px of page for 1500 px of columns
    assert print_scale_for([10] * 30) is None  # would be 46 %: flows to more pages instead
    assert print_scale_for([30, 30], landscape=False) == 100


# ------------------------------------------------------------------------------------------ row heights


def test_header_rows_are_tall_enough_for_their_wrapped_text(sample):
    for name in ("Perhitungan Kinerja", "Data Kinerja", "Data Anggaran"):
        widths = sample.widths(name)
        height = sample.row_height(name, 3)
        assert height is not None, name
        for col, width in enumerate(widths):
            text = sample.cell_text(name, f"{chr(65 + col)}3") if col < 26 else None
            if text:
                # the XML width carries Excel's padding (+0.71); heights are whole pixels (0.75 pt)
                lines = wrapped_lines(text, int((width - 0.71) * 1.1 - 1))
                assert height >= 11.5 * lines + 2 - 0.75, (name, text, height)
    # 'Capaian thd Akhir Renstra (%)' in a column 10 wide prints on three lines in LibreOffice
    assert sample.row_height("Perhitungan Kinerja", 3) >= 11.5 * 3


def test_ringkasan_rows_grow_with_wrapped_names(sample):
    rows = {int(r.get("r")): r for r in sample.sheets["Ringkasan"].iterfind("m:sheetData/m:row", NS)}
    long_names = [n for n, r in rows.items()
                  if (sample.cell_text("Ringkasan", f"A{n}") or "").startswith("Program Penunjang Urusan")]
    assert long_names
    for n in long_names:
        assert float(rows[n].get("ht")) >= 11.5 * 2, n


def test_wrapped_lines_breaks_at_words():
    assert wrapped_lines("Capaian thd Akhir Renstra (%)", 9) == 4
    assert wrapped_lines("Capaian thd Akhir Renstra (%)", 11) == 3
    assert wrapped_lines("Pagu", 9) == 1
    assert wrapped_lines("a\nb", 9) == 2
    assert wrapped_lines("x" * 20, 9) == 3


# ------------------------------------------------------------------------------------------ titles


def test_titles_name_the_skpd_the_year_the_period_and_the_ordinal(sample):
    a1 = {n: sample.cell_text(n, "A1") for n in sample.sheets}
    assert a1["2.1 Renstra"] == ("Tabel 2.1 Data Tujuan, Sasaran dan Target Indikator Sasaran pada Dokumen Rencana "
                                 "Strategis Kecamatan Juai Periode 2021–2026")
    assert a1["2.2 Renja"].endswith("Kecamatan Juai Tahun Anggaran 2024")
    for k, word in enumerate(["Pertama", "Kedua", "Ketiga", "Keempat"], start=1):
        sheets = [n for n in a1 if re.fullmatch(rf"3\.\d+ (Capaian|Pendukung|Efisiensi) Sasaran {k}", n)]
        assert len(sheets) == 3, sheets
        for n in sheets:
            assert f"Sasaran {word} " in a1[n] or f"Kinerja {word} " in a1[n], a1[n]
            assert "Kecamatan Juai" in a1[n] and "2024" in a1[n], a1[n]
    for n, text in a1.items():
        if re.match(r"\d\.\d+ ", n):
            assert text.startswith(f"Tabel {n.split()[0]} ") and "Kecamatan Juai" in text and "  " not in text, text


def test_titles_without_an_skpd_have_no_double_spaces(tmp_path):
    book = write(build(tmp_path, identitas={"SKPD": None}), tmp_path / "out.xlsx")
    titles = [book.cell_text(n, "A1") for n in book.sheets if re.match(r"\d\.\d+ ", n)]
    assert titles and all("  " not in t and not t.endswith(" ") for t in titles), titles
    assert book.footer("Ringkasan") == "&L2024&RHalaman &P dari &N"


@pytest.mark.parametrize("n, word", [
    (1, "Pertama"), (2, "Kedua"), (3, "Ketiga"), (4, "Keempat"), (5, "Kelima"), (6, "Keenam"), (7, "Ketujuh"),
    (8, "Kedelapan"), (9, "Kesembilan"), (10, "Kesepuluh"), (11, "Kesebelas"), (12, "Kedua Belas"),
    (19, "Kesembilan Belas"), (20, "Kedua Puluh"), (21, "Kedua Puluh Satu"), (99, "Kesembilan Puluh Sembilan"),
    (100, "Keseratus"), (111, "Keseratus Sebelas"), (250, "Kedua Ratus Lima Puluh"), (1000, "Keseribu"),
])
def test_ordinal_words(n, word):
    assert ordinal(n) == word


def test_terbilang():
    assert [terbilang(n) for n in (0, 10, 15, 40, 101, 1001, 2024, 12345)] == [
        "nol", "sepuluh", "lima belas", "empat puluh", "seratus satu", "seribu satu", "dua ribu dua puluh empat",
        "dua belas ribu tiga ratus empat puluh lima"]


# ------------------------------------------------------------------------------------------ charts


def test_every_chart_value_axis_starts_at_zero(sample):
    assert len(sample.charts) == 3  # pagu, pagu without the dominant Program Penunjang (issue 19 item 6), capaian
    for chart in sample.charts:
        axes = chart.findall(".//c:valAx", NS)
        assert axes
        for ax in axes:
            low = ax.find("c:scaling/c:min", NS)
            assert low is not None and float(low.get("val")) == 0


def test_capaian_chart_has_a_100_percent_line_and_two_decimal_labels(sample):
    chart = next(c for c in sample.charts if c.find(".//c:barChart/c:barDir", NS).get("val") == "col")
    line = chart.find(".//c:lineChart/c:ser", NS)
    assert line is not None
    ref = line.find("c:val/c:numRef/c:f", NS).text
    values = [float(v.text) for v in line.iterfind("c:val/c:numRef/c:numCache/c:pt/c:v", NS)]
    assert values and set(values) == {100.0}, ref
    labels = chart.find(".//c:barChart/c:ser/c:dLbls/c:numFmt", NS)
    assert labels.get("formatCode") == "0.00"


def test_pagu_chart_axis_names_its_unit(sample):
    chart = next(c for c in sample.charts if c.find(".//c:barChart/c:barDir", NS).get("val") == "bar")
    ax = chart.find(".//c:valAx", NS)
    assert ax.find("c:numFmt", NS).get("formatCode") == "#,##0,,"
    drawing_text = "{http://schemas.openxmlformats.org/drawingml/2006/main}t"
    assert "Rp juta" in "".join(t.text or "" for t in ax.iter(drawing_text))
    assert float(ax.find("c:majorUnit", NS).get("val")) == 2_000_000_000


def test_money_axis_and_steps():
    assert _money_axis(6e9) == ("#,##0,,", "Rp juta")
    assert _money_axis(25e9) == ("#,##0.0,,,", "Rp miliar")
    assert _money_axis(5e6) == ("#,##0.0,,", "Rp juta")
    assert _major_unit(6_025_173_179) == 2_000_000_000
    assert _major_unit(25e9) == 5e9
    assert _major_unit(0) == 1.0


def test_chart_labels_are_short():
    label = chart_label("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik yang sangat panjang sekali", 34, 2)
    lines = label.split("\n")
    assert len(lines) == 2 and all(len(x) <= 34 for x in lines) and lines[-1].endswith("…")
    assert chart_label("Pendek", 34, 2) == "Pendek"
