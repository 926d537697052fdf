"""The Analisis Capaian sheet (issue 9, item 7): Bab III written out as live sentences.

1. Every indicator with a capaian has a formula sentence whose cached text holds its name, its capaian
   in Indonesian format (`100,02`) and its kategori; the numbers read as the tables show them.
2. Missing inputs read sensibly (the guard branch is taken and cached); an unmapped indicator, a
   negative efisiensi and the office's Rumus Efisiensi are written as they are.
3. A benchmark text such as `=1+1` stays text: shown (by reference or as a string constant), never evaluated.
4. Every indicator has an empty, marked input cell for the faktor penyebab dan solusi; print setup.
5. LibreOffice recalculates every cell of the sheet to exactly the cached string under an English and
   an Indonesian locale (a TEXT(x,"#,##0.00") control proves the locale changed).
6. Live: a realisasi changed in Data Kinerja and recalculated gives the sentences a fresh `fill` of the
   changed input writes.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import openpyxl
import pytest

from lkip_xl import textfmt
from lkip_xl.api import analyse
from lkip_xl.writer.analisis import FAKTOR_LABEL, INPUT_FILL, SHEET
from tests.builder import IND_A, IND_B, IND_T, build, minimal
from tests.recalc import CONTROL, LOCALES, cached_values, formula_cells, recalculate_in_locale, soffice
from tests.run_cli import SAMPLE, run_cli

LKD = "Jumlah Lembaga Kemasyarakatan Desa (LKD) yang Aktif"
IND_MISS = "Persentase Arsip Tertata"  # no realisasi 2024: capaian cannot be computed
IND_ZERO = "Jumlah Inovasi Pelayanan"  # target 0: capaian "-" while both numbers are there
IND_FREE = "Jumlah Kader Terlatih"  # not in Pemetaan: no budget
RISKY = "=1+1"
QUOTED = 'Rata-rata "nasional" 90%; lihat =SUM(A1:A3)'
NEW_LKD_REALISASI = 63


def need_soffice() -> None:
    if soffice():
        return
    if os.environ.get("CI"):
        pytest.fail("LibreOffice (soffice) is required in CI")
    pytest.skip("LibreOffice (soffice) is not installed")


def input_celah(folder: Path) -> Path:
    """The minimal input with gaps: benchmarks (one formula-like), a missing realisasi, a zero target,
    an unmapped indicator, 3-decimal values, a negative efisiensi and Rumus Efisiensi 'Selisih'."""
    data = minimal()
    kinerja = data["kinerja"]
    kinerja[0] += ["Kab/Kota Lain", "RPJMN"]
    for row in kinerja[1:]:
        row += [None, None]
    a = next(r for r in kinerja if r[3] == IND_A)
    a[-2] = RISKY
    b = next(r for r in kinerja if r[3] == IND_B)
    b[-1] = QUOTED
    b[10] = 10  # realisasi 2024 10 of 12: capaian 83,33 % with serapan 90 %: negative efisiensi
    t = next(r for r in kinerja if r[3] == IND_T)
    t[6:11] = [80.125, 82.25, 84.5, 81.375, 83.5]  # 3 decimals
    tujuan, sasaran = a[1], a[2]
    kinerja.append(["Sasaran", tujuan, sasaran, IND_MISS, "%", "Positif", 90, 95, 100, 92, None, "Tidak ada", "-"])
    kinerja.append(["Sasaran", tujuan, sasaran, IND_ZERO, "Inovasi", "Positif", 1, 0, 2, 1, 1, None, None])
    kinerja.append(["Sasaran", tujuan, sasaran, IND_FREE, "Orang", "Positif", 10, 12, 14, 10, 12, None, None])
    data["pemetaan"] += [[IND_MISS, "7.01.02.2.01.0001"], [IND_ZERO, "7.01.02.2.01.0002"]]
    return build(folder, "celah.xlsx", identitas={"Rumus Efisiensi": "Selisih"}, **{k: v for k, v in data.items()
                                                                                  if k != "identitas"})


def control_workbook(path: Path) -> Path:
    """Locale-dependent formulas: they read differently in each locale (proof the locale changed)."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet("Kontrol")
    ws.write_formula(0, 0, 'TEXT(1234567.891,"#,##0.00")', None, "belum dihitung")
    ws.write_formula(1, 0, "FIXED(1234.5,2)", None, "belum dihitung")
    wb.close()
    return path


def fill(src: Path, out: Path) -> Path:
    proc = run_cli("fill", str(src), "-o", str(out), "--force", cwd=src.parent)
    assert proc.returncode == 0, (proc.stdout, proc.stderr)
    return out


def recalculate_in(paths: list[Path], workdir: Path, locale: str) -> dict[str, Path]:
    return recalculate_in_locale(paths, workdir, locale)


SENTINEL = "BELUM DIHITUNG"


def planted(path: Path, folder: Path) -> tuple[Path, str, str]:
    """A copy of `path` where the first sentence of the sheet caches a wrong text: after a real
    recalculation it must read its true text again (a run that recalculates nothing cannot pass)."""
    import html
    import zipfile

    wb = openpyxl.load_workbook(path, read_only=True)
    index = wb.sheetnames.index(SHEET)
    wb.close()
    member = f"xl/worksheets/sheet{index + 1}.xml"  # xlsxwriter numbers the parts in sheet order
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / path.name
    with zipfile.ZipFile(path) as zin:
        xml = zin.read(member).decode("utf-8")
        m = re.search(r'<c r="([A-Z]+[0-9]+)"[^>]*t="str"[^>]*><f>[^<]*Perhitungan Kinerja[^<]*</f><v>([^<]*)</v>', xml)
        assert m, "no sentence to plant the sentinel in"
        xml = xml[: m.start(2)] + SENTINEL + xml[m.end(2):]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                zout.writestr(info, xml.encode("utf-8") if info.filename == member else zin.read(info.filename))
    assert cached_values(target)[(SHEET, m.group(1))] == SENTINEL
    return target, m.group(1), html.unescape(m.group(2))


def sheet_cells(path: Path, data_only: bool) -> dict[str, object]:
    wb = openpyxl.load_workbook(path, data_only=data_only)
    try:
        ws = wb[SHEET]
        return {c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None}
    finally:
        wb.close()


def sentences(path: Path) -> list[tuple[str, str, str]]:
    """(cell, formula, cached text) of every formula cell of the sheet."""
    formulas, values = sheet_cells(path, False), sheet_cells(path, True)
    return [(c, f, values.get(c)) for c, f in formulas.items() if isinstance(f, str) and f.startswith("=")]


def outside_strings(formula: str) -> str:
    """The formula with its string constants removed."""
    return re.sub(r'"(?:[^"]|"")*"', '""', formula)


# ----------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("analisis")
    sample = folder / SAMPLE.name
    sample.write_bytes(SAMPLE.read_bytes())
    celah = input_celah(folder)
    return {"sample": fill(sample, folder / "sample_lkip.xlsx"), "celah": fill(celah, folder / "celah_lkip.xlsx"),
            "sample_input": sample, "celah_input": celah}


def _lkd_kinerja_cell(output: Path) -> tuple[str, str]:
    """Data Kinerja cell LKD's realisasi of the report year is read from (its Perhitungan formula)."""
    wb = openpyxl.load_workbook(output)
    try:
        ws = wb["Perhitungan Kinerja"]
        row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value == LKD)
        head = next(r for r in range(1, 10) if str(ws.cell(r, 5).value or "").startswith("Realisasi"))
        assert ws.cell(head, 5).value == "Realisasi 2024"
        m = re.fullmatch(r"=IF\(ISNUMBER\('Data Kinerja'!\$([A-Z]+)\$(\d+)\),'Data Kinerja'!\$\1\$\2,\"-\"\)",
                         ws.cell(row, 5).value)
        assert m, ws.cell(row, 5).value
        return "Data Kinerja", f"{m.group(1)}{m.group(2)}"
    finally:
        wb.close()


@pytest.fixture(scope="module")
def live(outputs, tmp_path_factory) -> dict[str, Path]:
    """LKD's realisasi 2024 changed in the output's Data Kinerja, and in the input (then filled)."""
    folder = tmp_path_factory.mktemp("ubah")
    sheet, coord = _lkd_kinerja_cell(outputs["sample"])
    wb = openpyxl.load_workbook(outputs["sample"])
    assert wb[sheet][coord].value == 70
    wb[sheet][coord].value = NEW_LKD_REALISASI
    edited = folder / "diubah_di_keluaran.xlsx"
    wb.save(edited)
    wb.close()
    result = analyse(str(outputs["sample_input"]))
    ind = next(i for i in result.indicators if i.nama == LKD)
    cell = ind.row.realisasi[2024].cell
    wb = openpyxl.load_workbook(outputs["sample_input"])
    old = wb[cell.sheet][cell.ref].value
    assert old in (70, "70 LKD"), old  # the sample writes the unit beside the number
    wb[cell.sheet][cell.ref].value = NEW_LKD_REALISASI if old == 70 else f"{NEW_LKD_REALISASI} LKD"
    changed = folder / "diubah.xlsx"
    wb.save(changed)
    wb.close()
    return {"edited": edited, "fresh": fill(changed, folder / "diubah_lkip.xlsx")}


@pytest.fixture(scope="module")
def recalculated(outputs, live, tmp_path_factory) -> dict[str, dict[str, Path]]:
    """locale -> file name -> recalculated copy; one LibreOffice run per locale."""
    need_soffice()
    root = tmp_path_factory.mktemp("libreoffice")
    control = control_workbook(root / "kontrol.xlsx")
    out = {}
    for locale in LOCALES:
        plants = {name: planted(outputs[name], root / "plant" / locale) for name in ("sample", "celah")}
        paths = [control, *(p for p, _, _ in plants.values())]
        if locale == "en-US":
            paths.append(live["edited"])
        copies = recalculate_in(paths, root / locale, locale)
        for name, (_p, cell, true_text) in plants.items():
            got = cached_values(copies[outputs[name].name])[(SHEET, cell)]
            assert got == true_text, f"{locale}: LibreOffice did not recalculate {name} ({cell}: {got!r})"
        out[locale] = copies
    return out


# ----------------------------------------------------------------------------- 1 acceptance


def test_every_capaian_has_a_sentence_with_its_capaian_and_kategori(outputs):
    for name in ("sample", "celah"):
        result = analyse(str(outputs[f"{name}_input"]))
        found = sentences(outputs[name])
        assert found
        with_capaian = [i for i in result.indicators if i.capaian is not None]
        assert len(with_capaian) >= 3
        for ind in with_capaian:
            capaian = textfmt.angka(ind.capaian, 2, keep_zeros=True)
            hits = [(c, v) for c, f, v in found
                    if "'Perhitungan Kinerja'!" in f and f"Realisasi indikator {ind.nama} tahun" in v
                    and re.search(rf"{re.escape(capaian.removesuffix(',00'))}%", v)
                    and f"(kategori {ind.kategori.lower()})" in v]
            assert len(hits) == 1, (name, ind.nama, capaian, ind.kategori, [v for _, _, v in found][:5])


def test_sample_sentences_show_the_numbers_as_the_tables_do(outputs):
    texts = [v for _, _, v in sentences(outputs["sample"])]
    joined = "\n".join(texts)
    # indicator values with their input's decimals and unit, percentages with 2, money whole
    # an index has no unit after it (a planner writes "87,67", not "87,67 Indeks"); "%" as the tables: no space
    assert "sebesar 87,67 dari target 87,65, sehingga capaian kinerjanya 100,02% " \
           "(kategori sangat berhasil)." in joined
    assert "Indeks" not in re.sub(r"Indeks Kepuasan", "", joined)
    assert " %" not in joined
    # a count is "sebanyak"; a whole percentage has no decimals (outside reader)
    assert "sebanyak 70 LKD dari target 70 LKD, sehingga capaian kinerjanya 100% (kategori" in joined
    assert "100,00%" not in joined
    assert "naik 10 LKD (dari 60 LKD menjadi 70 LKD)" in joined
    # an index changes in poin, a capaian in persen poin
    assert "naik 0,05 poin (dari 87,62 menjadi 87,67); capaiannya tetap 100,02%" in joined
    assert "capaiannya turun 0,03 persen poin (dari 100,05% menjadi 100,02%)" in joined
    # the real gap to the Renstra first, then the capaian against it
    assert "Terhadap target akhir Renstra tahun 2026 sebesar 90 LKD, realisasi tahun 2024 masih kurang 20 LKD " \
           "(capaian terhadap target akhir 77,78%)." in joined
    assert "Realisasi tahun 2024 telah memenuhi target akhir Renstra tahun 2026 sebesar 100% (capaian terhadap " \
           "target akhir 100%) dan perlu dipertahankan sampai akhir periode Renstra." in joined
    assert "tercapai" not in joined  # a later year's target is to be held, not reached (outside reader)
    assert "(LKD) yang Aktif (LKD)" not in joined
    assert "pagu Rp7.996.663.078, realisasi Rp7.490.354.404 (serapan 93,67%)" in joined
    # the formula cited in full once; unspent money explained, not called "efisien"
    assert "\n".join(_cell_texts(outputs["sample"])).count("Peraturan Menteri Keuangan (PMK) Nomor 249/PMK.02/2011") == 1
    assert "efisiensi penggunaan anggaran menurut Peraturan Menteri Keuangan (PMK) Nomor 249/PMK.02/2011, yaitu " \
           "(1 \u2212 serapan anggaran \u00f7 capaian kinerja) \u00d7 100, sebesar 6,35%, sehingga penggunaan anggaran " \
           "untuk indikator ini tergolong efisien dengan sisa anggaran Rp506.308.674. Sisa anggaran terbesar berasal " \
           "dari Belanja Pegawai (Rp330.402.614)." in joined
    assert "Sisa anggaran terbesar berasal dari sub kegiatan Sinergitas dengan Kepolisian Negara Republik Indonesia, " \
           "Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan (Rp34.924.200)." in joined
    assert "rumus PMK 249" not in joined
    # the tujuan's budget worded as the tujuan's
    assert "Anggaran untuk mencapai tujuan ini adalah seluruh anggaran Kecamatan Juai tahun 2024: pagu " \
           "Rp7.996.663.078" in joined
    assert "pagu Rp140.669.200, realisasi Rp122.794.010, serapan 87,29%." in joined
    # no sentence shows an error value or a number formatted by the locale (English separators)
    for t in texts:
        assert "#" not in t and not re.search(r"(?:Rp|sebesar |dari |menjadi |naik |turun )\d{1,3},\d{3}\b", t), t


def test_gaps_read_sensibly(outputs):
    texts = [v for _, _, v in sentences(outputs["celah"])]
    plain = [v for v in sheet_cells(outputs["celah"], False).values() if isinstance(v, str)]
    joined = "\n".join(texts + plain)
    assert f"Capaian indikator {IND_MISS} tahun 2024 belum dapat dihitung: target 95%, realisasi belum tersedia." \
           in joined
    assert f"Capaian indikator {IND_ZERO} tahun 2024 belum dapat dihitung: target 0 inovasi, realisasi 1 inovasi." \
           in joined
    assert "Capaian terhadap target akhir Renstra tahun 2025 belum dapat dihitung" in joined
    assert "Indikator ini belum dipetakan ke sub kegiatan pendukung" in joined
    # IND_B: capaian 83,33 % against serapan 90 %, rule Selisih: capaian - serapan = -6,67 %
    assert "efisiensi penggunaan anggaran (capaian kinerja dikurangi serapan anggaran) sebesar 9,52%" in joined
    assert "efisiensi penggunaan anggaran sebesar -6,67%, artinya serapan anggaran lebih tinggi daripada capaian " \
           "kinerja sehingga penggunaan anggaran belum efisien." in joined
    # the tujuan: 3 decimals as its input
    assert f"Realisasi indikator {IND_T} tahun 2024 sebesar 83,500 dari target 82,250" in joined
    assert "naik 2,125 poin (dari 81,375 menjadi 83,500)" in joined
    for t in texts:
        assert "#" not in t and " - " not in t and not t.endswith(" -."), t


def test_a_benchmark_text_stays_text(outputs):
    found = sentences(outputs["celah"])
    risky = [(c, f, v) for c, f, v in found if RISKY in v]
    assert len(risky) == 1
    _c, formula, value = risky[0]
    assert f"kabupaten/kota lain: {RISKY}" in value
    assert RISKY not in outside_strings(formula) and "1+1" not in outside_strings(formula)
    quoted = [(c, f, v) for c, f, v in found if QUOTED in v]
    assert len(quoted) == 1 and "SUM(" not in outside_strings(quoted[0][1])
    # a benchmark saying there is none is no benchmark
    assert not any("Tidak ada" in v for _, _, v in found)
    # nowhere in the workbook is the input text a formula of its own
    wb = openpyxl.load_workbook(outputs["celah"])
    try:
        own = [(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row
               if c.data_type == "f" and "1+1" in outside_strings(str(c.value))]
    finally:
        wb.close()
    assert not own, own


def test_every_indicator_has_an_empty_marked_faktor_cell_and_the_sheet_prints(outputs):
    for name in ("sample", "celah"):
        result = analyse(str(outputs[f"{name}_input"]))
        wb = openpyxl.load_workbook(outputs[name])
        try:
            ws = wb[SHEET]
            assert wb.sheetnames.index(SHEET) == wb.sheetnames.index("Temuan") - 1
            rows = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == FAKTOR_LABEL]
            assert len(rows) == len(result.indicators)
            for r in rows:
                cell = ws.cell(r, 2)
                assert cell.value is None and cell.fill.fgColor.rgb.endswith(INPUT_FILL.lstrip("#"))
            names = [ws.cell(r, 1).value for r in range(1, ws.max_row + 1)]
            for ind in result.indicators:
                assert any(isinstance(n, str) and n.startswith(ind.nama) for n in names), ind.nama
            setup = ws.page_setup
            assert setup.orientation == "portrait" and int(setup.paperSize) == 9
            assert ws.sheet_properties.pageSetUpPr.fitToPage and int(setup.fitToWidth or 1) == 1
            footer = ws.oddFooter
            text = (footer.left.text or "") + (footer.right.text or "")
            assert "&P" in text and "&N" in text and "2024" in text and result.data.identitas.skpd in text
            # rows tall enough for their wrapped text (Arial 9: at most ~1.2 characters per width unit)
            width = ws.column_dimensions["B"].width
            for c, _f, v in sentences(outputs[name]):
                r = int(c[1:])
                lines = -(-len(v) // int(width * 1.2))
                assert (ws.row_dimensions[r].height or 15) >= 11 * lines, (c, v, ws.row_dimensions[r].height)
        finally:
            wb.close()


# ----------------------------------------------------------------------------- LibreOffice


@pytest.mark.libreoffice
@pytest.mark.parametrize("locale", list(LOCALES))
def test_libreoffice_gives_the_cached_sentences_in_two_locales(outputs, recalculated, locale):
    copies = recalculated[locale]
    control = cached_values(copies["kontrol.xlsx"])
    assert (control[("Kontrol", "A1")], control[("Kontrol", "A2")]) == CONTROL[locale]
    checked = 0
    for name in ("sample", "celah"):
        produced = outputs[name]
        formulas = formula_cells(produced)
        cached = cached_values(produced)
        recalced = cached_values(copies[produced.name])
        cells = [k for k in formulas if k[0] == SHEET]
        assert len(cells) >= 20
        bad = [(c, cached[k], recalced.get(k)) for k in cells for c in [k[1]] if recalced.get(k) != cached[k]]
        assert not bad, f"{locale} {name}: {len(bad)} of {len(cells)} differ:\n" + "\n".join(
            f"  {c}: cached {want!r}\n      LibreOffice {got!r}" for c, want, got in bad[:10])
        checked += len(cells)
    assert checked >= 60


@pytest.mark.libreoffice
def test_a_realisasi_changed_in_data_kinerja_changes_the_sentences(outputs, live, recalculated):
    recalced = sheet_cells(recalculated["en-US"][live["edited"].name], True)
    fresh = {c: v for c, f, v in sentences(live["fresh"])}
    before = {c: v for c, f, v in sentences(outputs["sample"])}
    assert set(fresh) == set(before)
    bad = [(c, recalced.get(c), v) for c, v in fresh.items() if recalced.get(c) != v]
    assert not bad, "\n".join(f"{c}: recalculated {got!r}\n    fresh fill {want!r}" for c, got, want in bad[:10])
    changed = [c for c in fresh if fresh[c] != before[c]]
    texts = [fresh[c] for c in changed]
    assert any(f"sebanyak {NEW_LKD_REALISASI} LKD dari target 70 LKD, sehingga capaian kinerjanya 90%" in t
               for t in texts), texts
    assert any(f"naik 3 LKD (dari 60 LKD menjadi {NEW_LKD_REALISASI} LKD)" in t for t in texts), texts
    assert any("masih kurang 27 LKD (capaian terhadap target akhir 70%)" in t for t in texts), texts


def test_a_long_list_of_supporting_sub_kegiatan_is_cut_with_a_pointer(tmp_path, monkeypatch):
    """An indicator backed by more sub kegiatan than MAX_PENDUKUNG names the first ones and says how many
    more there are and where they are (a kabupaten's 2,000 would make a paragraph nobody reads)."""
    from lkip_xl.writer import analisis, write_workbook

    result = analyse(str(SAMPLE))
    counts = [len([n for n in ind.supports or [] if n.level == "sub_kegiatan"]) for ind in result.indicators]
    most = max(counts)
    assert most >= 2
    monkeypatch.setattr(analisis, "MAX_PENDUKUNG", 1)
    out = tmp_path / "out.xlsx"
    write_workbook(result, str(out))
    texts = [v for v in sheet_cells(out, True).values() if isinstance(v, str)]
    numbered = [t for t in texts if re.match(r"\d+\. Sub Kegiatan ", t)]
    assert numbered and all(t.startswith("1. ") for t in numbered), numbered
    assert f"… dan {most - 1} sub kegiatan pendukung lainnya; rincian seluruhnya ada di tabel Pendukung Sasaran " \
           "dan lembar Data Anggaran." in texts


# ----------------------------------------------------------------------------- paragraphs and the seed's analyses


def _cell_texts(path: Path) -> list[str]:
    """Column B's cached texts, top to bottom (a paragraph per cell)."""
    wb = openpyxl.load_workbook(path, data_only=True)
    try:
        ws = wb[SHEET]
        return [str(ws.cell(r, 2).value) for r in range(1, ws.max_row + 1) if ws.cell(r, 2).value]
    finally:
        wb.close()


def _paragraph_of(texts: list[str], start: str) -> str:
    hits = [t for t in texts if t.startswith(start)]
    assert len(hits) == 1, (start, hits)
    return hits[0]


def test_a_paragraph_is_one_cell_of_several_sentences(outputs):
    texts = _cell_texts(outputs["sample"])
    first = _paragraph_of(texts, f"Realisasi indikator {LKD} tahun")
    assert first.count(". ") == 0 and first.endswith(").")  # LKD: the capaian alone
    ikm = _paragraph_of(texts, "Realisasi indikator Indeks Kepuasan Masyarakat (IKM) tahun")
    assert ikm.count(". ") >= 2  # capaian, komponen, over target: one cell
    budget = _paragraph_of(texts, "Indikator ini didukung oleh 4 (empat) sub kegiatan")
    assert "efisiensi penggunaan anggaran" in budget
    # a paragraph longer than one formula holds is still one cell: its pieces sit in hidden helper columns
    tren = _paragraph_of(texts, "Dibandingkan tahun 2022")
    assert "Dibandingkan tahun 2023" in tren and "Terhadap target akhir Renstra tahun 2026 sebesar 87,75" in tren
    assert "  " not in tren


def test_the_komponen_method_is_told_where_komponen_built_the_realisasi(outputs):
    texts = "\n".join(_cell_texts(outputs["sample"]))
    assert ("Nilai IKM tahun 2024 sebesar 87,67 merupakan rata-rata nilai Semester I (87,56) dan Semester II "
            "(87,78).") in texts
    # the earlier years' realisasi too, where Komponen built them (outside reader)
    assert ("Nilai IKM tahun 2022 sebesar 87,59 merupakan rata-rata nilai Semester I (87,56) dan Semester II "
            "(87,62).") in texts
    assert ("Nilai IKM tahun 2023 sebesar 87,62 merupakan rata-rata nilai Semester I (87,51) dan Semester II "
            "(87,73).") in texts
    lkd = _paragraph_of(_cell_texts(outputs["sample"]), f"Realisasi indikator {LKD} tahun")
    assert "merupakan" not in lkd  # no Komponen rows: nothing to tell


def test_a_target_change_explains_capaian_and_realisasi_moving_apart(outputs):
    texts = _cell_texts(outputs["sample"])
    said = "Capaian turun walaupun realisasinya naik karena target tahun 2024 lebih tinggi daripada target tahun 2022."
    ikm_2022 = [t for t in texts if t.startswith("Dibandingkan tahun 2022") and "naik 0,08" in t]
    assert ikm_2022 and all(said in t for t in ikm_2022)
    # against 2023 the IKM's capaian held: no such sentence; LKD's capaian held too
    assert not any("walaupun" in t for t in texts if t.startswith("Dibandingkan tahun 2023"))


def test_over_realisation_is_named_only_above_100(outputs):
    texts = _cell_texts(outputs["sample"])
    ikm = _paragraph_of(texts, "Realisasi indikator Indeks Kepuasan Masyarakat (IKM) tahun")
    assert ikm.endswith("Realisasi tersebut melampaui target sebesar 0,02 poin.")
    lkd = _paragraph_of(texts, f"Realisasi indikator {LKD} tahun")  # 100,00%: met, not beyond
    assert "melampaui" not in lkd
    assert not any("melebihi pagu" in t for t in texts)  # no serapan above 100 % in the sample


def test_a_serapan_above_100_is_named_with_the_excess(tmp_path):
    from lkip_xl.writer import write_workbook

    result = analyse(str(SAMPLE))
    ind = next(i for i in result.indicators if i.nama == LKD)
    ind.realisasi_anggaran = ind.pagu + 1000
    ind.serapan = ind.realisasi_anggaran / ind.pagu * 100
    out = tmp_path / "lebih.xlsx"
    write_workbook(result, str(out))
    budget = _paragraph_of(_cell_texts(out), "Indikator ini didukung oleh 4 (empat) sub kegiatan")
    assert "Realisasi anggaran melebihi pagu" not in budget  # 100,0003 shows 100,00
    ind.realisasi_anggaran = ind.pagu * 1.05
    ind.serapan = 105.0
    write_workbook(result, str(out))
    budget = _paragraph_of(_cell_texts(out), "Indikator ini didukung oleh 4 (empat) sub kegiatan")
    assert "Realisasi anggaran melebihi pagu (serapan 105% di atas 100%); selisih Rp18.607.805" in budget


def test_no_benchmark_is_said_once_per_sasaran(outputs):
    result = analyse(str(outputs["sample_input"]))
    texts = _cell_texts(outputs["sample"])
    none = [t for t in texts if "karena data pembanding belum tersedia" in t]
    groups = {(i.level, i.row.sasaran.value if i.level == "sasaran" and i.row.sasaran else "") for i in result.indicators}
    assert len(none) == len(groups) < len(result.indicators)
    assert "Realisasi 2 (dua) indikator di atas belum dapat dibandingkan dengan kabupaten/kota lain, RPJMD Provinsi, " \
           "maupun RPJMN karena data pembanding belum tersedia." in none


def test_bab_iv_concludes_the_tujuan_and_lists_the_upaya(outputs, tmp_path):
    texts = _cell_texts(outputs["sample"])
    kesimpulan = [t for t in texts if t.startswith("Capaian tujuan ")]
    assert kesimpulan == ["Capaian tujuan \u201cTerwujudnya Tata Kelola Pemerintah Kecamatan yang Baik\u201d dengan indikator "
                          "Indeks Kepuasan Masyarakat (IKM) tahun 2024 dinyatakan sangat berhasil karena realisasinya "
                          "sebesar 87,67 dari target 87,65, atau capaian kinerja sebesar 100,02%."]
    # 4.2 cites the table and Bab III, and counts the indicators per kategori (live)
    assert ("Rangkuman capaian seluruh indikator Perjanjian Kinerja Kecamatan Juai tahun 2024 (target, realisasi, "
            "capaian dan kategori) disajikan pada Tabel 4.1, dan analisis setiap indikatornya telah diuraikan pada "
            "Bab III. Seluruh indikator kinerja tahun 2024, yaitu 1 (satu) indikator tujuan dan 5 (lima) indikator "
            "sasaran, berkategori sangat berhasil.") in texts
    assert texts[-1].startswith("Demikian Laporan Kinerja Instansi Pemerintah (LKIP) Kecamatan Juai Tahun 2024")
    # the sample carries the seed's 4.3: its eight upaya, numbered, in order, under the seed's lead sentence
    k = texts.index("1. Mempertahan kinerja yang sudah dicapai yaitu kinerja dengan capaian \u201csangat berhasil\u201d.")
    assert texts[k - 1].startswith("Beberapa langkah yang akan ditempuh Kecamatan Juai")
    assert texts[k + 7] == ("8. Meningkatkan aktivitas pengendalian dan melakukan pengawasan serta monitoring secara "
                            "terus menerus terhadap perencanaan dan pelaksanaan semua kegiatan.")
    assert texts[k + 8].startswith("Demikian")
    # without the sheet: an empty marked cell to write in, no list and no instruction in the printed text
    wb = openpyxl.load_workbook(outputs["sample_input"])
    del wb["Upaya Perbaikan"]
    without = tmp_path / "tanpa_upaya.xlsx"
    wb.save(without)
    wb.close()
    out = fill(without, tmp_path / "tanpa_upaya_lkip.xlsx")
    texts = _cell_texts(out)
    assert not any(re.match(r"\d+\. Me", t) for t in texts)
    assert not any("isi lembar" in t.lower() or "Beberapa langkah" in t for t in texts)
    labels = [v for c, v in sheet_cells(out, True).items() if c.startswith("A")]
    assert "Upaya perbaikan" in labels
    # a sheet of the office's own: its rows, numbered, in order, spaces tidied, blank rows passed over
    wb = openpyxl.load_workbook(without)
    ws = wb.create_sheet("Upaya Perbaikan")
    ws.append(["Upaya"])
    ws.append(["Mengevaluasi kembali kekurangan yang masih ada."])
    ws.append([None])
    ws.append(["Meningkatkan  kompetensi SDM pegawai."])
    given = tmp_path / "upaya.xlsx"
    wb.save(given)
    wb.close()
    texts = _cell_texts(fill(given, tmp_path / "upaya_lkip.xlsx"))
    k = texts.index("1. Mengevaluasi kembali kekurangan yang masih ada.")
    assert texts[k + 1] == "2. Meningkatkan kompetensi SDM pegawai."
    assert texts[k - 1].startswith("Beberapa langkah yang akan ditempuh Kecamatan Juai")


def test_the_highest_and_lowest_efisiensi_are_named_among_two_or_more(outputs):
    texts = _cell_texts(outputs["sample"])
    said = [t for t in texts if t.startswith("Di antara ")]
    assert said == ["Di antara 5 (lima) indikator sasaran yang efisiensinya dapat dihitung, efisiensi tertinggi dicapai "
                    "oleh indikator Persentase Gangguan Ketentraman dan Ketertiban Umum yang Ditangani (5,98%), "
                    "sedangkan yang terendah oleh indikator Persentase Desa Tertib Administrasi Keuangan (0,27%)."]
    result = analyse(str(outputs["celah_input"]))
    with_e = [i for i in result.indicators if i.level == "sasaran" and isinstance(i.efisiensi, float)]
    celah = _cell_texts(outputs["celah"])
    assert any(t.startswith("Di antara ") for t in celah) == (len(with_e) >= 2)


def test_belanja_per_jenis_with_its_serapan_where_the_input_gives_jenis(outputs):
    texts = "\n".join(_cell_texts(outputs["sample"]))
    # each kelompok with its total, "terdiri atas" its jenis (the Belanja Modal total: outside reader)
    assert ("Belanja Operasi tahun 2024: pagu Rp7.022.668.878, realisasi Rp6.580.929.405 (serapan 93,71%), terdiri "
            "atas Belanja Pegawai dengan pagu Rp3.269.845.678, realisasi Rp2.939.443.064 (serapan 89,90%) dan Belanja "
            "Barang dan Jasa dengan pagu Rp3.752.823.200, realisasi Rp3.641.486.341 (serapan 97,03%).") in texts
    assert ("Belanja Modal tahun 2024: pagu Rp973.994.200, realisasi Rp909.424.999 (serapan 93,37%), terdiri atas "
            "Belanja Modal Peralatan dan Mesin dengan pagu Rp966.829.200") in texts
    result = analyse(str(outputs["celah_input"]))
    jenis = [g for g in result.belanja if not g.kelompok]
    celah = _cell_texts(outputs["celah"])
    assert sum(t.startswith("Belanja ") and " tahun 2024: pagu Rp" in t for t in celah) == (1 if jenis else 0)


# ----------------------------------------------------------------------------- the outside reader's read


def test_the_printed_text_holds_no_instruction_and_the_note_stays_on_screen(outputs):
    """The note for the user sits beside the text, outside the print area; helper columns are hidden;
    column B (what is pasted into Word) holds no instruction to the user."""
    wb = openpyxl.load_workbook(outputs["sample"])
    try:
        ws = wb[SHEET]
        assert ws.print_area == f"'{SHEET}'!$A$1:$B${ws.max_row}"
        assert str(ws["C1"].value).startswith("Petunjuk:")
        helpers = [c for row in ws.iter_rows(min_col=5) for c in row if c.value is not None]
        assert helpers and all(ws.column_dimensions[c.column_letter].hidden
                               or any(d.min <= c.column <= d.max and d.hidden
                                      for d in ws.column_dimensions.values()) for c in helpers)
    finally:
        wb.close()
    texts = _cell_texts(outputs["sample"])
    assert not any("diisi SKPD" in t or "isi lembar" in t.lower() or "Petunjuk" in t for t in texts)


def test_a_sasaran_indicator_repeating_the_tujuan_is_not_written_twice(outputs):
    texts = _cell_texts(outputs["sample"])
    # the sample's sasaran 1 IKM has the tujuan IKM's figures: its trend, komponen and Renstra are said once
    assert sum(t.startswith("Dibandingkan tahun 2022") for t in texts) == 1
    assert sum("Nilai IKM tahun 2024 sebesar 87,67 merupakan rata-rata" in t for t in texts) == 1
    sasaran = _paragraph_of(texts, "Realisasi indikator Indeks Kepuasan Masyarakat (IKM) Pelayanan")
    assert sasaran.endswith("Target, realisasi dan target akhir Renstra indikator ini sama dengan indikator tujuan "
                            "Indeks Kepuasan Masyarakat (IKM), sehingga uraian cara perhitungan, perbandingan dengan "
                            "tahun sebelumnya dan capaian terhadap target akhir Renstra pada indikator tujuan di atas "
                            "berlaku juga untuk indikator ini.")
    # its own budget is still told
    assert any(t.startswith("Indikator ini didukung oleh 2 (dua) sub kegiatan dengan pagu Rp434.214.700") for t in texts)


def test_the_kategori_count_names_the_indicators_it_could_not_judge(outputs):
    texts = _cell_texts(outputs["celah"])
    assert any(t.endswith("Dari 6 (enam) indikator kinerja tahun 2024, 3 indikator berkategori sangat berhasil dan 1 "
                          "indikator berkategori berhasil; 2 indikator belum dapat dinilai karena capaiannya belum "
                          "dapat dihitung.")
               for t in texts), [t for t in texts if "Dari " in t]


@pytest.mark.parametrize("unit, decimals, word", [
    (" LKD", 0, "sebanyak"), (" dokumen", 0, "sebanyak"), ("", 2, "sebesar"), ("%", 0, "sebesar"),
    (" ha", 0, "sebesar"), (" Rp", 0, "sebesar"), (" orang", 0, "sebanyak"), (" desa", 1, "sebesar")])
def test_a_count_is_sebanyak_and_an_amount_sebesar(unit, decimals, word):
    from lkip_xl.writer.analisis import kata_besaran

    assert kata_besaran(unit, decimals) == word


def test_an_indicator_backed_by_many_sub_kegiatan_still_writes_its_analysis(tmp_path):
    """The largest sisa is chosen by a chain over every supporting sub kegiatan: with MAX_BANDING of them
    the formula would pass Excel's limit, and the sentence is left out — never the workbook."""
    from lkip_xl.writer import analisis, write_workbook

    result = analyse(str(SAMPLE))
    leaves = [n for ind in result.indicators if ind.level == "sasaran" for n in ind.supports or []]
    ind = next(i for i in result.indicators if i.nama == LKD)
    ind.supports = leaves[:analisis.MAX_BANDING]
    assert len(ind.supports) >= 10
    out = tmp_path / "banyak.xlsx"
    write_workbook(result, str(out))
    budget = _paragraph_of(_cell_texts(out), f"Indikator ini didukung oleh {len(ind.supports)} sub kegiatan")
    assert "tergolong efisien" in budget


def test_a_sub_kegiatan_supporting_two_indicators_says_so(tmp_path):
    """Its budget counts for each indicator it supports: the list says which other one (outside reader)."""
    from lkip_xl.writer import write_workbook

    result = analyse(str(SAMPLE))
    lkd = next(i for i in result.indicators if i.nama == LKD)
    other = next(i for i in result.indicators if i.level == "sasaran" and i is not lkd)
    shared = other.supports[0]
    lkd.supports = [*lkd.supports, shared]
    out = tmp_path / "bersama.xlsx"
    write_workbook(result, str(out))
    texts = _cell_texts(out)
    said = [t for t in texts if shared.uraian in t and t[:1].isdigit()]
    assert len(said) == 2, said
    assert any(t.endswith(f"Sub kegiatan ini juga mendukung indikator {other.nama}.") for t in said), said
    assert any(t.endswith(f"Sub kegiatan ini juga mendukung indikator {lkd.nama}.") for t in said), said
