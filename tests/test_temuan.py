"""Temuan and Data Dilaporkan as a reviewer uses them (issue 9, item 4 and the live colours of item 3).

- each code has its short Indonesian label next to it;
- the input cell is text naming the user's own file (Realisasi!E27); a separate internal link
  "Lihat di workbook" opens the cell of this workbook that holds the value;
- values at their claim's decimals (money #,##0);
- a claim citing the draft's table number names the table of this workbook that shows its figure;
- conditional formats: Sudah sesuai green over the severity fill, Belum sesuai / Tidak sesuai red,
  proven by LibreOffice printing the corrected workbook.
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest
from builder import IND_A, IND_B, M, build, minimal, put, temuan_firsts
from recalc import PROFILE, soffice
from run_cli import SAMPLE
from test_fill import input_value  # the reader's view of an input cell

from lkip_xl.api import analyse
from lkip_xl.findings import CODES, LABEL
from lkip_xl.model import FigureKey
from lkip_xl.writer import review, write_workbook

KESALAHAN = ("FFFFC7CE", "FF9C0006")
PERINGATAN = ("FFFFEB9C", "FF9C5700")
GREEN = ("FFC6EFCE", "FF006100")


def load(path: Path, data_only: bool = False) -> openpyxl.Workbook:
    wb = openpyxl.load_workbook(path, data_only=data_only)
    wb.close()
    return wb


def columns(ws, header_row: int) -> dict[str, int]:
    return {ws.cell(header_row, c).value: c for c in range(1, ws.max_column + 1) if ws.cell(header_row, c).value}


@pytest.fixture(scope="module")
def sample(tmp_path_factory) -> tuple[Path, object]:
    out = tmp_path_factory.mktemp("temuan") / "sampel_lkip.xlsx"
    result = analyse(str(SAMPLE))
    write_workbook(result, str(out))
    return out, result


def dilaporkan(*rows):
    return [["Tabel", "Subjek", "Ukuran", "Nilai"], *rows]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, object]:
    """Money, belanja, total and indicator claims (some wrong), and a wrong stated sisa in Realisasi."""
    tmp = tmp_path_factory.mktemp("temuan_builder")
    data = minimal()
    data["belanja"] = [["Kode", "Uraian", "Pagu", "Realisasi"], ["5.1.02", "Belanja Barang dan Jasa", 250 * M, 230 * M]]
    put(data["realisasi"], "7.01.02.2.01.0002", "Sisa", 4 * M)  # 60 M - 57 M is 3 M
    data["dilaporkan"] = dilaporkan(
        ["Tabel 3.13", "7.01.02.2.01.0002", "Realisasi Anggaran", "56.000.000"],  # wrong: 57 M
        ["Bab 3.2", "5.1.02", "Serapan", "92,5%"],  # wrong: 92
        ["Tabel 3.9", "Total", "Nilai Efisiensi", "68,75"],
        ["Tabel 3.2", IND_A, "Capaian", "100,00%"],
        ["Tabel 3.2", IND_A, "Serapan", "95,00%"],
        ["Tabel 3.4", IND_B, "Pagu", "50.000.000"],
        ["Tabel 3.4", IND_B, "Efisiensi", "10,00%"],
    )
    path = build(tmp, **data)
    result = analyse(str(path))
    out = tmp / "builder_lkip.xlsx"
    write_workbook(result, str(out))
    return out, result


@pytest.fixture(scope="module")
def akun(tmp_path_factory) -> tuple[Path, object]:
    """Findings on akun rows, which Data Anggaran writes whole (writer/data_anggaran.py _AkunRows): a
    stated akun subtotal that is wrong (a claim cell) and an akun leaf realised above its pagu (data)."""
    tmp = tmp_path_factory.mktemp("temuan_akun")
    data = minimal()
    for key, col, lines in (("dpa", "Pagu", [("5.1.02", 51 * M), ("5.1.02.01.01.0024", 30 * M),
                                              ("5.1.02.01.01.0026", 20 * M)]),
                            ("realisasi", "Realisasi", [("5.1.02.01.01.0024", 31 * M),
                                                        ("5.1.02.01.01.0026", 14 * M)])):
        i = next(k for k, r in enumerate(data[key]) if r[0] == "7.01.02.2.02.0001")
        for n, (kode, amount) in enumerate(lines, start=1):
            row = [kode, "Belanja"] + [None] * (len(data[key][0]) - 2)
            row[data[key][0].index(col)] = amount
            data[key].insert(i + n, row)
    path = build(tmp, **data)
    result = analyse(str(path))
    assert {"SUM_MISMATCH", "REALISASI_EXCEEDS_PAGU"} <= {f.kode for f in result.findings}
    out = tmp / "akun_lkip.xlsx"
    write_workbook(result, str(out))
    return out, result


# ----------------------------------------------------------------------------- labels, cells, links


def test_every_code_has_a_short_indonesian_label():
    assert set(LABEL) == set(CODES)
    for kode, label in LABEL.items():
        assert label and label != kode and len(label) <= 40, (kode, label)
        assert "_" not in label and label[0].isupper(), (kode, label)


@pytest.mark.parametrize("which", ["sample", "built", "akun"])
def test_temuan_row_label_input_text_and_workbook_link(request, which):
    path, result = request.getfixturevalue(which)
    source = SAMPLE if which == "sample" else path.with_name("input.xlsx")
    wb = load(path)
    values = load(path, data_only=True)
    ws = wb["Temuan"]
    col = columns(ws, review.HEADER_ROW + 1)
    assert list(col) == [h for h, _ in review.TEMUAN_COLUMNS]
    assert col["Jenis temuan"] == col["Kode"] + 1  # the label sits next to its code
    linked = 0
    for i, f in enumerate(temuan_firsts(result.findings)):
        r = review.FIRST_ROW + 1 + i
        assert ws.cell(r, col["Kode"]).value == f.kode
        assert ws.cell(r, col["Jenis temuan"]).value == LABEL[f.kode]
        sel = ws.cell(r, col["Sel input (berkas Anda)"])
        assert sel.data_type == "s" and sel.hyperlink is None  # text, never a link
        if f.lembar and f.sel:
            assert re.match(rf"'?{re.escape(f.lembar)}'?!{f.sel}(, |$)", sel.value), sel.value
        link_cell = ws.cell(r, col["Sel di workbook ini"])
        if link_cell.hyperlink is None:
            continue
        linked += 1
        assert link_cell.value == "Lihat di workbook"
        assert link_cell.hyperlink.target is None and link_cell.hyperlink.location  # internal only
        sheet, coord = link_cell.hyperlink.location.rsplit("!", 1)
        sheet = sheet.strip("'").replace("''", "'")
        # the link opens the cell of this workbook holding the input cell's value
        got, want = values[sheet][coord].value, input_value(source, f.lembar, f.sel)
        # A DUK cell holding Nama and NIP (the sample's Pegawai) is split: the link opens the NIP the finding is about.
        split = f.kode == "PEGAWAI_TIDAK_VALID" and isinstance(got, str) and got in str(want)
        assert got == want or split or (isinstance(got, float) and isinstance(want, (int, float))
                                        and abs(got - want) < 1e-9), (r, link_cell.hyperlink.location, got, want)
    assert linked >= 1
    if which == "akun":  # both akun findings open their cell in Data Anggaran
        assert linked >= 2


def test_input_cell_text_names_the_users_sheet_as_excel_does():
    assert review.input_cell_text("Realisasi", "E27") == "Realisasi!E27"
    assert review.input_cell_text("Pengaturan Baca", "B3") == "'Pengaturan Baca'!B3"
    assert review.input_cell_text("O'Brien Data", "A1") == "'O''Brien Data'!A1"
    assert review.input_cell_text("=HYPERLINK(1)", "A1") == "'=HYPERLINK(1)'!A1"
    assert review.input_cell_text("AB12", "C3") == "'AB12'!C3"  # a sheet named like a cell
    assert review.input_cell_text("Kinerja", None) == "Kinerja"
    assert review.input_cell_text(None, None) == ""


def test_a_hostile_sheet_name_stays_text_in_temuan(built, tmp_path):
    import dataclasses

    _, result = built
    result = dataclasses.replace(result, findings=[dataclasses.replace(f, lembar="=1+1 Realisasi")
                                                   for f in result.findings])
    out = tmp_path / "out.xlsx"
    write_workbook(result, str(out))
    ws = load(out)["Temuan"]
    col = columns(ws, review.HEADER_ROW + 1)
    texts = [ws.cell(r, col["Sel input (berkas Anda)"]) for r in range(review.FIRST_ROW + 1, ws.max_row + 1)]
    hostile = [c for c in texts if c.value]
    assert hostile and all(c.data_type == "s" and c.value.startswith("'=1+1 Realisasi'!") for c in hostile)


# ----------------------------------------------------------------------------- decimals


def test_values_show_their_claims_decimals_and_money_as_rupiah(built):
    path, result = built
    ws = load(path)["Temuan"]
    col = columns(ws, review.HEADER_ROW + 1)
    formats = {}
    for i, f in enumerate(temuan_firsts(result.findings)):
        r = review.FIRST_ROW + 1 + i
        formats[(f.kode, f.sel)] = tuple(ws.cell(r, col[h]).number_format
                                         for h in ("Dilaporkan", "Dihitung", "Selisih"))
    assert formats[("CLAIM_MISMATCH", "D2")] == ("#,##0",) * 3  # 56.000.000 vs 57.000.000
    assert formats[("CLAIM_MISMATCH", "D3")] == ('#,##0.0"%"',) * 3  # "92,5%": one decimal
    sisa = next(k for k in formats if k[0] == "SISA_MISMATCH")
    assert formats[sisa] == ("#,##0",) * 3
    for fmt in (x for v in formats.values() for x in v):
        assert ".0000" not in fmt and not re.search(r"\.0*#", fmt), fmt  # no 4 decimals, no optional digits


def test_sample_ratios_at_two_decimals_with_percent(sample):
    path, result = sample
    ws = load(path)["Temuan"]
    col = columns(ws, review.HEADER_ROW + 1)
    for i, f in enumerate(temuan_firsts(result.findings)):
        if f.kode == "CLAIM_MISMATCH":
            r = review.FIRST_ROW + 1 + i
            count = f.figure.measure == "jumlah_pegawai"  # Tabel 1.1's counts are whole numbers
            assert ws.cell(r, col["Dihitung"]).number_format == ("#,##0" if count else '#,##0.00"%"')


def test_number_formats():
    assert review.number_format("money", None, False) == "#,##0"
    assert review.number_format("ratio", 0, True) == '#,##0"%"'
    assert review.number_format("ratio", 3, False) == "#,##0.000"
    assert review.number_format("ratio", None, True) == '#,##0.00"%"'


# ----------------------------------------------------------------------------- the table here


def test_draft_table_numbers_name_the_table_here_that_shows_the_figure(sample):
    path, result = sample
    wb = load(path)
    ws = wb["Data Dilaporkan"]
    col = columns(ws, 3)
    named: dict[str, set[str]] = {}
    for r in range(4, ws.max_row + 1):
        draft, here = ws.cell(r, col["Tabel (draf)"]).value, ws.cell(r, col["Tabel di workbook ini"]).value
        named.setdefault(draft, set()).add(here)
        computed = ws.cell(r, col["Hasil hitung"]).value
        m = re.fullmatch(r"='((?:[^']|'')+)'!(\$[A-Z]+\$\d+)", str(computed))
        assert m, (r, computed)
        # the named sheet shows the very cell the claim is compared with
        figure = f"{m.group(1)}'!{m.group(2)}"
        shows = here == m.group(1).replace("''", "'") or any(
            isinstance(c.value, str) and figure in c.value for row in wb[here].iter_rows() for c in row)
        assert shows, f"row {r}: {here} does not show {computed}"
    # the sample's draft "Tabel 3.14" lists every sasaran indicator's kinerja and budget: the
    # whole-office efisiensi table here; its "Tabel 3.13" (the total budget) is Realisasi Anggaran here
    assert named["Tabel 3.14"] == {"3.15 Efisiensi"}
    assert named["Tabel 3.13"] == {"3.14 Realisasi Anggaran"}
    assert named["Tabel 3.11"] == {"3.11 Capaian Sasaran 4"}
    assert named["Tabel 4.1"] == {"4.1 Rangkuman PK"}
    # Temuan names the same table for each claim finding
    temuan = wb["Temuan"]
    tcol = columns(temuan, review.HEADER_ROW + 1)
    for i, f in enumerate(temuan_firsts(result.findings)):
        if f.kode == "CLAIM_MISMATCH":
            here = temuan.cell(review.FIRST_ROW + 1 + i, tcol["Angka hitung di workbook ini"]).value
            draft = next(k.tabel for k in result.data.dilaporkan if k.nilai.cell.ref == f.sel)
            assert here in named[draft], (f.sel, here)


def test_budget_belanja_total_and_indicator_claims_name_their_tables(built):
    path, result = built
    ws = load(path)["Data Dilaporkan"]
    col = columns(ws, 3)
    here = [ws.cell(r, col["Tabel di workbook ini"]).value for r in range(4, 4 + len(result.data.dilaporkan))]
    sheets = load(path).sheetnames
    anggaran = next(s for s in sheets if s.endswith("Realisasi Anggaran"))
    belanja = next(s for s in sheets if s.endswith("Jenis Belanja"))
    efisiensi = next(s for s in sheets if s.endswith(" Efisiensi"))
    assert here[0] == anggaran  # a sub kegiatan
    assert here[1] == belanja  # an akun group
    assert here[2] == efisiensi  # Nilai Efisiensi
    assert here[3] == here[4] == "3.2 Capaian Sasaran 1"  # the draft's own number shows both
    # draft 3.4 is sasaran 1's efisiensi here: IND_B's pagu and efisiensi are in sasaran 2's
    assert here[5] == here[6] == "3.7 Efisiensi Sasaran 2"


def test_figure_sheet_without_a_table_falls_back_to_the_data_sheet(built):
    path, result = built
    from lkip_xl.writer import tables
    from lkip_xl.writer.book import Book

    plan = tables.plan(result)
    book = Book(str(path.with_name("leer.xlsx")))
    book.remember_figure(FigureKey.ind(0, "pagu"), "Perhitungan Kinerja", 3, 9)
    tujuan = next(i for i, ind in enumerate(result.indicators) if ind.level == "tujuan")
    assert review.figure_sheet(book, result, plan, FigureKey.ind(tujuan, "capaian")) == plan.names["tujuan"]
    assert review.figure_sheet(book, result, plan, FigureKey.ind(tujuan, "pagu")) == "Perhitungan Kinerja"
    assert review.figure_sheet(book, result, plan, None) is None
    book.close()


# ----------------------------------------------------------------------------- live colours


def _rules(ws) -> list[tuple[str, str, tuple, tuple]]:
    out = []
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            formula = rule.formula[0] if rule.formula else ""
            out.append((str(cf.sqref), formula, (rule.dxf.fill.bgColor.rgb, rule.dxf.font.color.rgb)))
    return out


def test_conditional_formats_and_fixed_fills(sample):
    path, result = sample
    wb = load(path)
    n = len(temuan_firsts(result.findings))  # one row per cause
    last = review.FIRST_ROW + n
    status = openpyxl.utils.get_column_letter(review.COL_STATUS + 1)
    end = openpyxl.utils.get_column_letter(len(review.TEMUAN_COLUMNS))
    rules = _rules(wb["Temuan"])
    assert (f"A5:{end}{last}", f'${status}5="Sudah sesuai"', GREEN) in rules
    assert (f"{status}5:{status}{last}", '"Belum sesuai"', KESALAHAN) in rules
    klaim = len(result.data.dilaporkan)
    assert _rules(wb["Data Dilaporkan"]) == [(f"A4:H{3 + klaim}", '$H4="Tidak sesuai"', KESALAHAN)]
    ws = wb["Temuan"]
    for i, f in enumerate(temuan_firsts(result.findings)):
        cell = ws.cell(review.FIRST_ROW + 1 + i, review.COL_PESAN + 1)
        want = {"kesalahan": KESALAHAN, "peringatan": PERINGATAN}[f.tingkat]
        assert (cell.fill.fgColor.rgb, cell.font.color.rgb) == want


def test_info_rows_are_not_filled(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2025", 93)  # below 2024's 95: TARGET_NOT_CHALLENGING (info)
    result = analyse(str(build(tmp_path, **data)))
    infos = [i for i, f in enumerate(temuan_firsts(result.findings)) if f.tingkat == "info"]
    assert infos
    out = tmp_path / "out.xlsx"
    write_workbook(result, str(out))
    ws = load(out)["Temuan"]
    for i in infos:
        cell = ws.cell(review.FIRST_ROW + 1 + i, review.COL_PESAN + 1)
        assert cell.fill.fill_type is None


def _ppm_pixels(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    parts = data.split(maxsplit=4)
    assert parts[0] == b"P6" and parts[3] == b"255"
    return int(parts[1]), int(parts[2]), parts[4]


def _count(pixels: bytes, rgb: tuple[int, int, int]) -> int:
    r, g, b = rgb
    n = 0
    for i in range(0, len(pixels) - 2, 3):
        if abs(pixels[i] - r) <= 3 and abs(pixels[i + 1] - g) <= 3 and abs(pixels[i + 2] - b) <= 3:
            n += 1
    return n


def _pdfs(books: list[Path], work: Path) -> list[Path]:
    """PDFs of `books` printed by LibreOffice after a forced recalculation (one run)."""
    profile = work / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)
    out = work / "pdf"
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, books)],
                   check=True, capture_output=True, timeout=300, env={"HOME": str(work), "PATH": "/usr/bin:/bin"})
    return [out / (b.stem + ".pdf") for b in books]


def _pages_with(pdf: Path, marker: str) -> list[int]:
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    return [i + 1 for i, page in enumerate(text.split("\f")) if marker in page]


def _colours(pdf: Path, pages: list[int], work: Path) -> dict[str, int]:
    counts = {"red": 0, "green": 0, "amber": 0}
    for p in pages:
        stem = work / f"{pdf.stem}_{p}"
        subprocess.run(["pdftoppm", "-r", "30", "-f", str(p), "-l", str(p), "-singlefile", str(pdf), str(stem)],
                       check=True, capture_output=True)
        _, _, pixels = _ppm_pixels(stem.with_suffix(".ppm"))
        counts["red"] += _count(pixels, (0xFF, 0xC7, 0xCE))
        counts["green"] += _count(pixels, (0xC6, 0xEF, 0xCE))
        counts["amber"] += _count(pixels, (0xFF, 0xEB, 0x9C))
    return counts


@pytest.mark.libreoffice
def test_correcting_the_claims_turns_their_rows_green_in_libreoffice(sample, tmp_path):
    """Change each wrong stated value so its Selisih is 0: after LibreOffice recalculates and prints,
    the Status says Sudah sesuai, the corrected kesalahan rows are green (not red), the peringatan rows
    stay amber, and no Data Dilaporkan row is red any more."""
    if soffice() is None or shutil.which("pdftoppm") is None or shutil.which("pdftotext") is None:
        pytest.skip("needs LibreOffice and poppler (pdftoppm, pdftotext)")
    path, result = sample
    before = tmp_path / "sebelum.xlsx"
    shutil.copy(path, before)
    wb = openpyxl.load_workbook(path)
    fixed = 0
    # every wrong claim, in Data Dilaporkan's row of its input cell (a Temuan row links its cause's first)
    dilaporkan = wb["Data Dilaporkan"]
    stated = columns(dilaporkan, 3)["Nilai dilaporkan"]
    claim_row = {k.nilai.cell.ref: 4 + i for i, k in enumerate(result.data.dilaporkan)}
    for f in result.findings:
        if f.kode != "CLAIM_MISMATCH":
            continue
        dilaporkan.cell(claim_row[f.sel], stated).value = float(f"{f.dihitung:.2f}")
        fixed += 1
    assert fixed == 11
    after = tmp_path / "sesudah.xlsx"
    wb.save(after)
    wb.close()
    pdf_before, pdf_after = _pdfs([before, after], tmp_path)
    statuses = {}
    for name, pdf in (("before", pdf_before), ("after", pdf_after)):
        pages = _pages_with(pdf, "Temuan pemeriksaan")
        assert len(pages) == 1
        text = subprocess.run(["pdftotext", "-f", str(pages[0]), "-l", str(pages[0]), str(pdf), "-"],
                              capture_output=True, text=True, check=True).stdout
        statuses[name] = (text.count("Sudah sesuai"), text.count("Belum sesuai"))
        temuan_colours = _colours(pdf, pages, tmp_path)
        dilaporkan_colours = _colours(pdf, _pages_with(pdf, "Tabel (draf)"), tmp_path)
        if name == "before":
            assert temuan_colours["red"] > 0 and temuan_colours["green"] == 0
            assert dilaporkan_colours["red"] > 0
        else:
            assert temuan_colours["green"] > 0, temuan_colours
            assert temuan_colours["red"] == 0, temuan_colours  # green wins over the kesalahan fill
            assert dilaporkan_colours["red"] == 0, dilaporkan_colours
        assert temuan_colours["amber"] > 0  # the peringatan rows (two NIPs, NAME_MISMATCH), not live
    # the note mentions 'Sudah sesuai' once: the 7 causes' rows say Belum sesuai before, Sudah sesuai after
    assert statuses["before"] == (1, 7) and statuses["after"] == (8, 0), statuses
