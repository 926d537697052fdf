"""Choosing the header and assigning columns (SPEC §10.1, §10.2, §10.8, §10.9, §10.11)."""
from __future__ import annotations

import time

import openpyxl
import pytest
from builder import IND_A, IND_B, IND_T, M, build, codes, minimal, only, run, sheet

from lkip_xl.api import analyse
from lkip_xl.errors import InputError
from lkip_xl.reader.budget import DPA_FIELDS
from lkip_xl.reader.header import _words, column_measures
from lkip_xl.reader.rows import locate
from lkip_xl.reader.sheets import Workbook

DPA_ROWS = minimal()["dpa"][1:]  # Kode | Uraian | Pagu, the Jumlah row last
REAL_ROWS = minimal()["realisasi"][1:]  # Kode | Uraian | Pagu | Realisasi | % | Sisa


def reading(result, role: str):
    return next(r for r in result.data.pembacaan if r.peran == role)


def split(code: str | None) -> list[str | None]:
    """7.01.02.2.01.0001 -> 7.01.02 | 2.01 | 0001 (SPEC §3.2 split Kode)."""
    if code is None:
        return [None, None, None]
    p = code.split(".")
    return [".".join(p[:3]), ".".join(p[3:5]) or None, ".".join(p[5:]) or None]


# ------------------------------------------------------------------ §10.1 choosing the header

def test_merged_title_directly_above_a_merged_split_kode_is_a_title(tmp_path):
    """Issue 7: a merged title right above a header whose Kode is merged over three part columns."""
    rows = [["DOKUMEN PELAKSANAAN ANGGARAN TAHUN 2024"], ["Kode", None, None, "Uraian", "Pagu"]]
    rows += [split(k) + [u, p] for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=sheet(rows, merge=["A1:E1", "A2:C2"]))
    assert codes(result) == []
    dpa = reading(result, "DPA")
    assert dpa.baris_header == (2, 2)
    assert (dpa.kolom["Kode"], dpa.kolom["Pagu"]) == ("A:C", "E")
    assert result.total_pagu == 250 * M


@pytest.mark.parametrize("form", ["one", "three", "colon"])
def test_key_value_lines_are_titles(tmp_path, form):
    lines = [("SKPD", "Kecamatan Uji"), ("Urusan", "7 UNSUR KEWILAYAHAN"), ("Alokasi Tahun 2024", "Rp 250.000.000")]
    pre = [[f"{k} : {v}"] if form == "one" else [k, ":", v] if form == "three" else [k, f": {v}"]
           for k, v in lines]
    result = run(tmp_path, dpa=pre + minimal()["dpa"])
    assert codes(result) == []
    assert reading(result, "DPA").baris_header == (4, 4)


def test_group_label_only_qualifies_the_labels_under_it(tmp_path):
    """`Sesudah Perubahan` over `Jumlah (Rp)` is still Pagu, now the sesudah one (one peringatan)."""
    head = [["Kode", "Uraian", "Sebelum Perubahan", None, "Sesudah Perubahan", None],
            [None, None, "Sumber Dana", "Jumlah (Rp)", "Sumber Dana", "Jumlah (Rp)"]]
    rows = head + [[k, u, "DAU", (p or 0) + 10 * M if k else None, "DAU", p] for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=sheet(rows, merge=["A1:A2", "B1:B2", "C1:D1", "E1:F1"]))
    assert codes(result) == ["AMBIGUOUS_COLUMN"]
    f = only(result, "AMBIGUOUS_COLUMN")
    assert (f.lembar, f.sel, f.tingkat) == ("DPA", "F2", "peringatan")
    assert "Sesudah Perubahan Jumlah (Rp)" in f.pesan and "D ('Sebelum Perubahan Jumlah (Rp)')" in f.pesan
    assert reading(result, "DPA").baris_header == (1, 2)
    assert result.total_pagu == 250 * M


@pytest.mark.parametrize("hidden", [True, False])
def test_pagu_indikatif_serves_only_when_no_other_column_does(tmp_path, hidden):
    """A new user's DPA: `Pagu` beside a `Pagu Indikatif` (hidden or not) is read from `Pagu`; so is
    `Pagu Anggaran` over Sebelum | Sesudah Perubahan beside it (the Sesudah column)."""
    rows = [["Kode", "Uraian", "Pagu", "Pagu Indikatif"]] + [[k, u, p, (p or 0) * 0.9] for k, u, p in DPA_ROWS]
    path = build(tmp_path, dpa=rows)
    if hidden:
        wb = openpyxl.load_workbook(path)
        wb["DPA"].column_dimensions["D"].hidden = True
        wb.save(path)
    result = analyse(str(path))
    assert codes(result) == [] and reading(result, "DPA").kolom["Pagu"] == "C"
    head = [["Kode", "Uraian", "Pagu Anggaran (Rp)", None, "Pagu Indikatif"],
            [None, None, "Sebelum Perubahan", "Sesudah Perubahan", None]]
    rows = head + [[k, u, (p or 0) * 0.8, p, (p or 0) * 0.9] for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=sheet(rows, merge=["A1:A2", "B1:B2", "C1:D1", "E1:E2"]))
    assert reading(result, "DPA").kolom["Pagu"] == "D" and result.total_pagu == 250 * M
    assert codes(result) == ["AMBIGUOUS_COLUMN"]  # Sebelum left for Sesudah


def test_a_repeated_header_further_down_is_not_the_header(tmp_path):
    """A PDF copy repeats the header on each page: the upper one is the header; the copy is recognised."""
    head = minimal()["realisasi"][0]
    rows = [["Tabel 3.13 Realisasi Anggaran"], head] + REAL_ROWS[:4] + [["Halaman 41"], head] + REAL_ROWS[4:]
    path = build(tmp_path, realisasi=rows)
    wb = Workbook(str(path))
    sheet_ = wb.find("realisasi")
    from lkip_xl.reader.budget import REALISASI_FIELDS

    header = locate(sheet_, REALISASI_FIELDS)
    assert (header.first_row, header.last_row) == (2, 2)
    from lkip_xl.reader.tablerows import REPEATED_HEADER, data_rows

    data_rows(sheet_, header)
    assert [r for r, why in sheet_.reading.dilewati.items() if why == REPEATED_HEADER] == [8]


def test_a_caption_is_not_glued_onto_the_header(tmp_path):
    rows = [["Tabel 2.2 Rencana Kerja Kecamatan Uji Tahun 2024"], ["Kode", "Uraian", "Pagu (Rp)"]] + DPA_ROWS
    result = run(tmp_path, dpa=sheet(rows, merge=["A1:C1"]))
    assert reading(result, "DPA").baris_header == (2, 2)
    assert reading(result, "DPA").label["Pagu"] == "Pagu (Rp)"


# ------------------------------------------------------------------ §10.2 one column per field

def test_split_kode_block_placed_last_keeps_its_parts(tmp_path):
    rows = [["Uraian", "Pagu", "Kode", None, None]] + [[u, p] + split(k) for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=rows)
    assert codes(result) == []
    assert reading(result, "DPA").kolom["Kode"] == "C:E"


def test_a_column_labelled_kode_on_its_own_is_not_a_code_part(tmp_path):
    rows = [["Kode", "Kode SKPD", "Uraian", "Pagu"]] + [[k, "7.01.0.00.0.00.07.0000" if k else None, u, p]
                                                        for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=rows)
    assert codes(result) == []
    assert reading(result, "DPA").kolom["Kode"] == "A"


def test_latest_cumulative_visible_period_wins(tmp_path):
    """`Realisasi` over Triwulan I … IV, s.d. Triwulan III (hidden) and s.d. Triwulan IV: s.d. IV."""
    head = [["Kode", "Uraian", "Pagu", "Realisasi", None, None, None, None, None],
            [None, None, None, "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "s.d. Triwulan III",
             "s.d. Triwulan IV"]]
    rows = head + [[k, u, p, 1, 2, 3, 4, 5, r] for k, u, p, r, *_ in REAL_ROWS]
    path = build(tmp_path, realisasi=sheet(rows, merge=["A1:A2", "B1:B2", "C1:C2", "D1:I1"]))
    wb = openpyxl.load_workbook(path)
    wb["Realisasi"].column_dimensions["H"].hidden = True
    wb.save(path)
    result = analyse(str(path))
    assert codes(result) == ["AMBIGUOUS_COLUMN"]
    assert reading(result, "Realisasi").kolom["Realisasi"] == "I"
    assert "tersembunyi" in only(result, "AMBIGUOUS_COLUMN").pesan
    assert result.total_realisasi == 230 * M


def test_cumulative_spj_wins_over_single_months(tmp_path):
    rows = [["Kode", "Uraian", "Pagu", "Jumlah SPJ Bulan Lalu", "Jumlah SPJ Bulan Ini", "Jumlah SPJ s.d. Bulan Ini"]]
    rows += [[k, u, p, 1, 2, r] for k, u, p, r, *_ in REAL_ROWS]
    result = run(tmp_path, realisasi=rows)
    assert reading(result, "Realisasi").kolom["Realisasi"] == "F"
    assert result.total_realisasi == 230 * M


def test_a_later_years_column_is_never_this_years_pagu(tmp_path):
    rows = [["Kode", "Uraian", "Prakiraan Maju 2025", "Pagu 2024"]] + [[k, u, (p or 0) * 2, p] for k, u, p in DPA_ROWS]
    result = run(tmp_path, dpa=rows)
    assert codes(result) == []
    assert reading(result, "DPA").kolom["Pagu"] == "D"
    assert result.total_pagu == 250 * M


def test_jumlah_spj_is_realisasi(tmp_path):
    rows = [["Kode", "Uraian", "Pagu", "Jumlah SPJ", "%", "Sisa"]] + REAL_ROWS
    result = run(tmp_path, realisasi=rows)
    assert codes(result) == []
    assert reading(result, "Realisasi").kolom["Realisasi"] == "D"


# ------------------------------------------------------------------ §10.13, §10.19 what a column measures

@pytest.mark.parametrize("labels, measures", [
    # sub label first, then the group labels above it, nearest first
    (["Sisa Pagu Anggaran"], {"remainder", "money"}),
    (["Selisih"], {"remainder"}),
    (["Keuangan (%)", "s.d. Desember"], {"ratio", "money"}),
    (["Fisik (%)", "s.d. Desember"], {"ratio", "indicator"}),
    (["Realisasi", "Fisik"], {"indicator"}),
    (["Bobot (%)"], {"ratio", "indicator"}),
    (["Capaian Kinerja (%)"], {"ratio", "indicator"}),
    (["Persentase Serapan"], {"ratio"}),
    (["K", "Target Kinerja dan Anggaran Renja PD Tahun Berjalan"], {"indicator"}),
    (["Rp", "Target Kinerja dan Anggaran Renja PD Tahun Berjalan"], {"money"}),
    (["Target Kinerja dan Anggaran Renja PD Tahun Berjalan"], set()),  # both: undecided
    (["Rp", "IV", "Realisasi Kinerja Pada Triwulan"], {"money"}),
    (["Rp", "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD (%)"], {"money", "ratio"}),
    (["Kumulatif 2021-2024"], {"multi_year"}),
    (["s/d Tahun 2024", "Realisasi Renstra"], {"multi_year"}),
    (["Rp", "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024"], {"money", "multi_year"}),
    (["Rp", "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu"], {"money", "multi_year"}),
    (["Target Renstra PD pada Tahun 2022-2026"], {"multi_year"}),
    # within the year: not a cumulative over years
    (["s.d. Desember 2024"], set()),
    (["Realisasi s.d. Triwulan IV Tahun 2024"], set()),
    (["2024", "Pagu Renstra 2022-2026"], {"money"}),  # the year's column of a Renstra period
    (["Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi"], set()),
    (["Realisasi"], set()),
])
def test_what_a_column_measures(labels, measures):
    assert column_measures([_words(t) for t in labels]) == measures


def test_sisa_pagu_anggaran_is_the_sisa_never_the_pagu(tmp_path):
    """SPEC §10.13: an SPJ fungsional's `Sisa Pagu Anggaran` beside `Jumlah Anggaran` (the reported case
    read it as the Pagu: a PAGU_MISMATCH on every row)."""
    rows = [["Kode", "Uraian", "Jumlah Anggaran", "Jumlah SPJ s.d. Bulan Ini", "Sisa Pagu Anggaran"]]
    rows += [[k, u, p, r, None if p is None else p - r] for k, u, p, r, *_ in REAL_ROWS]
    result = run(tmp_path, realisasi=rows)
    assert codes(result) == []
    assert (reading(result, "Realisasi").kolom["Pagu"], reading(result, "Realisasi").kolom["Sisa"]) == ("C", "E")


def test_a_tingkat_column_holding_words_is_still_the_level(tmp_path):
    """SPEC §10.13 refuses `Tingkat` as the Level only when its column holds numbers."""
    dpa = [["Tingkat", "Uraian", "Pagu"], ["Program", "Program Penunjang", 100 * M],
           ["Kegiatan", "Administrasi Keuangan", 100 * M], ["Sub Kegiatan", "Penyediaan Gaji", 100 * M]]
    real = [["Tingkat", "Uraian", "Realisasi"], ["Program", "Program Penunjang", 90 * M],
            ["Kegiatan", "Administrasi Keuangan", 90 * M], ["Sub Kegiatan", "Penyediaan Gaji", 90 * M]]
    result = run(tmp_path, dpa=dpa, realisasi=real, pemetaan=None)
    assert [n.level for n in result.nodes] == ["program", "kegiatan", "sub_kegiatan"]
    assert reading(result, "DPA").kolom["Level"] == "A"


# ------------------------------------------------------------------ Kinerja (§10.2, §10.9)

def _kinerja_years(quarters: bool = False) -> list[list]:
    base = minimal()["kinerja"][1:]  # Level, Tujuan, Sasaran, Indikator, Satuan, Polaritas, T23, T24, T25, R23, R24
    head1 = ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas", "Kondisi Awal"]
    head2 = [None] * 7
    for y in (2023, 2024, 2025):
        head1 += [f"Tahun {y}", None, None, None]
        head2 += ["Target", "Realisasi Target", "Pagu", "Realisasi Anggaran"]
    rows = [head1, head2]
    for lvl, tuj, sas, ind, sat, pol, t23, t24, t25, r23, r24 in (row[:11] for row in base):
        rows.append([lvl, tuj, sas, ind, sat, pol, 1, t23, r23, 100 * M, 90 * M, t24, r24, 110 * M, 99 * M,
                     t25, None, 120 * M, None])
    return rows


def test_kondisi_awal_and_year_blocks(tmp_path):
    """`Tahun y` over `Target | Realisasi Target | Pagu | Realisasi Anggaran`; Kondisi Awal is no target."""
    merges = [f"{c}1:{c}2" for c in "ABCDEFG"] + ["H1:K1", "L1:O1", "P1:S1"]
    result = run(tmp_path, kinerja=sheet(_kinerja_years(), merge=merges))
    assert codes(result) == ["TABEL_KOSONG"]  # no IKU text: the IKU table is left out
    kolom = reading(result, "Kinerja").kolom
    assert (kolom["Target 2024"], kolom["Realisasi 2024"], kolom["Realisasi 2023"]) == ("L", "M", "I")
    assert "Target Pk" not in kolom and "Target PK" not in kolom
    assert [(i.target, i.realisasi, i.capaian) for i in result.indicators] == [
        (82, 83, pytest.approx(83 / 82 * 100)), (95, 95, 100), (12, 12, 100)]


def test_quarterly_realisasi_is_the_last_quarter_with_a_value(tmp_path):
    base = minimal()["kinerja"]
    head1 = base[0][:9] + ["Realisasi 2023", "Realisasi 2024", None, None, None]
    head2 = [None] * 10 + ["TW I", "TW II", "TW III", "TW IV"]
    quarters = {IND_T: (80, None, 83, None), IND_A: (90, 92, 94, 95), IND_B: (None, None, None, 12)}
    rows = [head1, head2] + [r[:10] + list(quarters[r[3]]) for r in base[1:]]
    merges = [f"{c}1:{c}2" for c in "ABCDEFGHIJ"] + ["K1:N1"]
    result = run(tmp_path, kinerja=sheet(rows, merge=merges))
    assert codes(result) == ["TABEL_KOSONG"]  # no IKU text: the IKU table is left out
    assert [i.realisasi for i in result.indicators] == [83, 95, 12]


@pytest.mark.parametrize(("word", "polaritas"), [("Meningkat", "positif"), ("Naik", "positif"),
                                                  ("Maksimal", "positif"), ("Menurun", "negatif"),
                                                  ("Turun", "negatif"), ("Minimal", "negatif"),
                                                  ("Tren Negatif", "negatif")])
def test_polarity_words(tmp_path, word, polaritas):
    data = minimal()
    data["kinerja"][3][5] = word
    result = run(tmp_path, **data)
    assert "UNREADABLE_VALUE" not in codes(result)
    assert next(i for i in result.indicators if i.row.indikator.value == IND_B).row.polaritas == polaritas


# ------------------------------------------------------------------ §10.8 missing column

def test_missing_column_names_sheet_field_labels_and_closest_row(tmp_path):
    rows = [["Laporan Realisasi"], [], ["No", "Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran",
                                        "Keterangan"]]
    rows += [[None, k, u, p, "-"] for k, u, p, *_ in REAL_ROWS]
    with pytest.raises(InputError) as err:
        analyse(str(build(tmp_path, realisasi=rows)))
    text = str(err.value)
    assert text.startswith("Lembar Realisasi di berkas input.xlsx: kolom 'Realisasi' tidak ditemukan (dicari: ")
    assert "Realisasi Anggaran" in text
    assert text.endswith("baris 3 berisi No, Kode, Program / Kegiatan / Sub Kegiatan, Pagu Anggaran, Keterangan.")


# ------------------------------------------------------------------ §10.11 Pengaturan Baca

PENGATURAN_HEAD = ["Lembar", "Baris Header", "Baris Akhir", "Kode", "Uraian", "Pagu", "Realisasi"]


def _two_pagu_dpa() -> list[list]:
    return [["Kode", "Uraian", "Pagu", "Pagu"]] + [[k, u, (p or 0) + M if k else None, p] for k, u, p in DPA_ROWS]


def test_pengaturan_pins_a_column_and_marks_it(tmp_path):
    settings = [PENGATURAN_HEAD, ["DPA", None, None, None, None, "D", None]]
    result = run(tmp_path, dpa=_two_pagu_dpa(), extra_sheets={"Pengaturan Baca": settings})
    assert codes(result) == []  # pinned: no AMBIGUOUS_COLUMN
    dpa = reading(result, "DPA")
    assert dpa.kolom["Pagu"] == "D" and dpa.dipatok == {"Pagu"}
    assert result.total_pagu == 250 * M


def test_pengaturan_pins_header_rows_end_row_and_split_code(tmp_path):
    rows = [["Catatan bebas", "apa saja", "di atas tabel"], ["Kode", None, None, "Uraian", "Pagu"]]
    rows += [split(k) + [u, p] for k, u, p in DPA_ROWS[:-1]] + [[None, None, None, "Jumlah", 250 * M],
                                                               [None, None, None, "Catatan", 999]]
    settings = [PENGATURAN_HEAD, ["dpa", "2", 11, "A:C", None, None, None]]
    result = run(tmp_path, dpa=rows, extra_sheets={"Cara Baca": settings})
    assert codes(result) == []
    dpa = reading(result, "DPA")
    assert dpa.baris_header == (2, 2) and dpa.kolom["Kode"] == "A:C"
    assert {"Kode", "Baris Header", "Baris Akhir"} <= dpa.dipatok
    assert result.total_pagu == 250 * M


@pytest.mark.parametrize(("row", "words"), [
    (["DPA", None, None, None, None, "H", None], ["kolom H", "Pagu", "tidak berisi data"]),
    (["DPA", "40", None, None, None, None, None], ["Baris Header 40", "tidak ada"]),
    (["DPA", "1", "999", None, None, None, None], ["Baris Akhir 999"]),
    (["DPA", "satu", None, None, None, None, None], ["'satu'", "bukan nomor baris"]),
    (["DPA", None, None, None, None, "7", None], ["'7'", "bukan huruf kolom"]),
    (["Anggaran 2", None, None, None, None, "C", None], ["'Anggaran 2'", "tidak ada"]),
])
def test_pengaturan_that_cannot_be_is_exit_3_with_one_sentence(tmp_path, row, words):
    with pytest.raises(InputError) as err:
        analyse(str(build(tmp_path, extra_sheets={"Pengaturan Baca": [PENGATURAN_HEAD, row]})))
    text = str(err.value)
    assert text.startswith("Lembar Pengaturan Baca di berkas input.xlsx") and text.endswith(".")
    for word in words:
        assert word in text, text


def test_empty_pengaturan_changes_nothing(tmp_path):
    result = run(tmp_path, extra_sheets={"Pengaturan Baca": [PENGATURAN_HEAD]})
    assert codes(result) == []


# ------------------------------------------------------------------ bounded work

def test_header_scoring_is_bounded_by_the_first_rows(tmp_path):
    """A long sheet costs no more header work than a short one: candidates come from the first rows."""
    from lkip_xl.reader import header as H

    rows = minimal()["dpa"][:-1] + [[f"7.01.09.2.01.{n:04d}", f"Sub {n}", M] for n in range(1, 6000)]
    path = build(tmp_path, dpa=rows)
    sheet_ = Workbook(str(path)).find("dpa")
    assert max(last for _, last in H.candidates(sheet_)) <= H.HEADER_SCAN_ROWS + H.MAX_HEADER_ROWS
    start = time.perf_counter()
    locate(sheet_, DPA_FIELDS)
    assert time.perf_counter() - start < 0.5


def test_without_a_level_column_the_tujuans_first_indicator_is_the_tujuans(tmp_path):
    """e-SAKIP lists a tujuan's indicators first with an empty Sasaran: tujuan-level, not a nameless sasaran."""
    kinerja = [row[1:] for row in minimal()["kinerja"]]  # the same table without its Level column
    kinerja[1][1] = None  # the tujuan's indicator: Tujuan given, Sasaran empty
    result = run(tmp_path, kinerja=kinerja)
    assert codes(result) == []
    levels = {i.row.indikator.value: i.row.level for i in result.indicators}
    assert levels == {IND_T: "tujuan", IND_A: "sasaran", IND_B: "sasaran"}
