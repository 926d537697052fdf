"""Bab I and the closing lists (SPEC §12): the Pegawai, Penghargaan, Inovasi and Tindak Lanjut LHE sheets as
offices write them, their findings, the Jumlah Pegawai claims, and the tables `fill` writes from them."""
from __future__ import annotations

import datetime

import openpyxl
import pytest
from builder import build

from lkip_xl.api import analyse
from lkip_xl.writer import write_workbook

# A DUK as a kepegawaian subbag keeps it: title rows, Nama and NIP in one cell (the NIP on the next line),
# the pangkat by its name in one column and the golongan in another (or not at all), pendidikan as written.
DUK = [
    ["DAFTAR URUT KEPANGKATAN PEGAWAI NEGERI SIPIL"],
    ["KECAMATAN UJI TAHUN 2024"],
    [],
    ["No", "Nama / NIP", "Pangkat", "Gol/Ruang", "Jabatan", "Pendidikan Terakhir"],
    [1, "Budi Santoso, S.Sos., M.AP\n19800127 200604 1 016", "Pembina", "IV/a", "Camat", "Strata 2"],
    [2, "Sari Dewi, SE\n19851020 201001 2 031", "Penata Tk.I", None, "Sekretaris Camat", "S-1"],
    [3, "Hujaimah, A.Md\n19880212 201001 2 016", "Penata", "III/c", "Kasubbag", "D-III"],
    [4, "Yusnani\n19770501 200701 1 016", "Penata Muda", None, "Staf", "SMU"],
    [5, "Ali Sadikin\n19680816 198804 1 001", "Pengatur", "II/c", "Staf", "SLTP/SMP"],
    [6, "Misnawati, A.Md.\n19900329 202421 2 002", "PPPK Golongan VII", None, "JF Pranata Komputer", "Diploma III"],
]
SEED_LAYOUT = [  # the seed's Tabel 1.2 with a pendidikan column: Nama and NIP in one cell on one line
    ["NO", "NAMA DAN NIP", "PANGKAT / GOLONGAN", "JABATAN", "PENDIDIKAN"],
    ["01", "Nanang Edward,S.Sos.,M.M 19800127 200604 1 016", "Pembina (IV/a)", "Camat", "S2"],
    ["14", "Saihani 1977052 200906 1 002", "Pengatur Tk.I (II/d)", "Staf", "SLTA"],
    ["17", "Ruslan 19690330 2021212 1 003", "Pengatur Muda (II/a)", "Staf", "SLTP"],
    ["18.", "Misnawati, A.Md. 19900329 202421 2 002", "PPPK Golongan VII", "JF Pranata Komputer Terampil", "D3"],
]


def analysed(tmp_path, name="input.xlsx", **sheets):
    extra = {k: v for k, v in sheets.items() if k not in ("dilaporkan", "identitas")}
    rest = {k: v for k, v in sheets.items() if k in ("dilaporkan", "identitas")}
    return analyse(str(build(tmp_path, name, extra_sheets=extra, **rest)))


def found(result, kode):
    return [(f.lembar, f.sel, f.pesan) for f in result.findings if f.kode == kode]


# ------------------------------------------------------------------ Pegawai


def test_a_duk_is_read_as_tabel_1_1_counts_it(tmp_path):
    result = analysed(tmp_path, **{"Daftar Pegawai": DUK})
    rows = result.data.pegawai
    assert [(p.nama.value, p.nip.value if p.nip else None) for p in rows][:2] == [
        ("Budi Santoso, S.Sos., M.AP", "19800127 200604 1 016"), ("Sari Dewi, SE", "19851020 201001 2 031")]
    assert [p.golongan for p in rows] == ["IV/a", "III/d", "III/c", "III/a", "II/c", "VII"]
    assert [p.status for p in rows] == ["PNS"] * 5 + ["PPPK"]
    assert [p.pendidikan for p in rows] == ["S2", "S1", "D3", "SLTA", "SLTP", "D3"]
    # the pangkat is printed as written, the name and the golongan columns joined
    assert [p.pangkat.value for p in rows][:2] == ["Pembina IV/a", "Penata Tk.I"]
    assert found(result, "PEGAWAI_TIDAK_VALID") == []
    counts = {k: v for k, v in result.pegawai.items() if v and not k.startswith("jumlah:")}
    assert counts == {"total": 6, "pendidikan:SLTP": 1, "pendidikan:SLTA": 1, "pendidikan:D3": 2,
                      "pendidikan:S1": 1, "pendidikan:S2": 1, "pangkat:II/c": 1, "pangkat:III/a": 1,
                      "pangkat:III/c": 1, "pangkat:III/d": 1, "pangkat:IV/a": 1, "pangkat:PPPK": 1,
                      "golongan:II": 1, "golongan:III": 3, "golongan:IV": 1, "golongan:PPPK": 1}
    reading = next(s for s in result.data.pembacaan if s.lembar == "Daftar Pegawai")
    assert reading.peran == "Pegawai" and reading.baris_header == (4, 4)
    assert reading.kolom["Nama"] == "B" and reading.kolom["Pangkat/Golongan"] == "C"
    assert reading.baris_data == 6


@pytest.mark.parametrize("sheet_name", ["Pegawai", "Kepegawaian", "Daftar Pegawai", "daftar_pegawai", "DUK"])
def test_the_pegawai_sheet_by_its_names(tmp_path, sheet_name):
    assert len(analysed(tmp_path, **{sheet_name: SEED_LAYOUT}).data.pegawai) == 4


@pytest.mark.parametrize("written, golongan, status", [
    ("Pembina (IV/a)", "IV/a", "PNS"), ("IV/a", "IV/a", "PNS"), ("Penata Muda III/a", "III/a", "PNS"),
    ("Penata Muda / III a", "III/a", "PNS"), ("Penata Muda", "III/a", "PNS"), ("Penata Muda Tk.I", "III/b", "PNS"),
    ("Penata Muda Tingkat I", "III/b", "PNS"), ("Penata", "III/c", "PNS"), ("PENATA TK. I", "III/d", "PNS"),
    ("Pembina Utama Muda", "IV/c", "PNS"), ("Pengatur Muda", "II/a", "PNS"), ("Juru Muda", "I/a", "PNS"),
    ("Juru Tk.I (I/d)", "I/d", "PNS"), ("PPPK Golongan VII", "VII", "PPPK"), ("Golongan IX (PPPK)", "IX", "PPPK"),
    ("P3K", None, "PPPK"),
])
def test_pangkat_as_offices_write_it(written, golongan, status):
    from lkip_xl.reader.bab1 import parse_pangkat

    read = parse_pangkat(written)
    assert (read.golongan, read.status, read.problem) == (golongan, status, None)


@pytest.mark.parametrize("written, pendidikan", [
    ("SD", "SD"), ("SLTP/SMP", "SLTP"), ("SMP", "SLTP"), ("SLTA", "SLTA"), ("SMA", "SLTA"), ("SMK", "SLTA"),
    ("SMU", "SLTA"), ("STM", "SLTA"), ("SMA/SMK", "SLTA"), ("D1", "D1"), ("D-III", "D3"), ("D III", "D3"),
    ("DIII", "D3"), ("Diploma III", "D3"), ("D4", "D4"), ("D-IV", "D4"), ("S1", "S1"), ("S-1", "S1"),
    ("Strata 1", "S1"), ("S1 Ilmu Pemerintahan", "S1"), ("Sarjana", "S1"), ("S2", "S2"), ("Strata 2", "S2"),
    ("Magister", "S2"), ("S-3", "S3"), ("Doktor", "S3"),
])
def test_pendidikan_as_offices_write_it(written, pendidikan):
    from lkip_xl.reader.bab1 import pendidikan_of

    assert pendidikan_of(written) == pendidikan


def test_the_seed_layout_splits_nama_and_nip_in_one_line(tmp_path):
    result = analysed(tmp_path, Pegawai=SEED_LAYOUT)
    assert [(p.nama.value, p.nip.value) for p in result.data.pegawai] == [
        ("Nanang Edward,S.Sos.,M.M", "19800127 200604 1 016"), ("Saihani", "1977052 200906 1 002"),
        ("Ruslan", "19690330 2021212 1 003"), ("Misnawati, A.Md.", "19900329 202421 2 002")]


def test_a_nip_that_is_not_18_digits_is_a_finding_naming_sheet_and_cell(tmp_path):
    result = analysed(tmp_path, Pegawai=SEED_LAYOUT)
    assert found(result, "PEGAWAI_TIDAK_VALID") == [
        ("Pegawai", "B3", "Lembar Pegawai sel B3: NIP Saihani '1977052 200906 1 002' terdiri dari 17 angka; NIP "
                          "terdiri dari 18 angka (spasi boleh)."),
        ("Pegawai", "B4", "Lembar Pegawai sel B4: NIP Ruslan '19690330 2021212 1 003' terdiri dari 19 angka; NIP "
                          "terdiri dari 18 angka (spasi boleh).")]
    assert {f.tingkat for f in result.findings if f.kode == "PEGAWAI_TIDAK_VALID"} == {"peringatan"}


def test_bad_pegawai_values_are_warnings_one_sentence_each(tmp_path):
    rows = [["Nama", "NIP", "Pangkat/Golongan", "Pendidikan", "Status"],
            ["A", "1980012720060410AB", "Penata (III/a)", "S1", None],
            ["B", 198001272006041016, "III", "Kuliah", None],
            ["C", "19800127 200604 1 016", "Honorer", None, None],
            ["D", "19800127 200604 1 016", "Penata Muda (III/a)", "S1", "PPPK"],
            ["E", "19800127 200604 1 016", "IV/a", "S2", "Kontrak"]]
    result = analysed(tmp_path, Pegawai=rows)
    assert found(result, "PEGAWAI_TIDAK_VALID") == [
        ("Pegawai", "B2", "Lembar Pegawai sel B2: NIP A '1980012720060410AB' memuat huruf atau tanda selain angka; "
                          "NIP terdiri dari 18 angka (spasi boleh)."),
        ("Pegawai", "C2", "Lembar Pegawai sel C2: pangkat/golongan A 'Penata (III/a)' menyebut pangkat Penata "
                          "(III/c) dan golongan III/a; yang dihitung III/a."),
        ("Pegawai", "B3", "Lembar Pegawai sel B3: NIP B tersimpan sebagai angka (198001272006041000), sehingga "
                          "angka sesudah digit ke-15 hilang (Excel hanya menyimpan 15 digit); tulis NIP sebagai "
                          "teks."),
        ("Pegawai", "C3", "Lembar Pegawai sel C3: pangkat/golongan B 'III' tidak menyebut ruang (a–e); pegawai ini "
                          "dihitung di golongan III tetapi tidak per pangkat di Tabel 1.1 (tulis mis. III/a)."),
        ("Pegawai", "D3", "Lembar Pegawai sel D3: pendidikan B 'Kuliah' tidak dikenal (gunakan SD, SLTP, SLTA, "
                          "D1–D4 atau S1–S3); pegawai ini tidak dihitung per pendidikan di Tabel 1.1."),
        ("Pegawai", "C4", "Lembar Pegawai sel C4: pangkat/golongan C 'Honorer' tidak dikenal (tulis mis. Penata "
                          "Muda (III/a), III/a atau PPPK Golongan VII); pegawai ini tidak dihitung per pangkat dan "
                          "golongan di Tabel 1.1."),
        ("Pegawai", "D4", "Lembar Pegawai sel D4: pendidikan C belum diisi; pegawai ini tidak dihitung per "
                          "pendidikan di Tabel 1.1."),
        ("Pegawai", "E5", "Lembar Pegawai sel E5: status D tertulis PPPK, sedangkan pangkat/golongannya 'Penata "
                          "Muda (III/a)' milik PNS; yang dihitung PNS."),
        ("Pegawai", "E6", "Lembar Pegawai sel E6: status E 'Kontrak' tidak dikenal (gunakan PNS atau PPPK)."),
    ]
    counts = result.pegawai
    assert counts["total"] == 5 and counts["pangkat:III/a"] == 2 and counts["pangkat:PPPK"] == 0
    assert counts["jumlah:pangkat"] == 3 and counts["jumlah:pendidikan"] == 3  # the gaps show against the total
    # B's golongan III without a ruang: counted in golongan III, in no pangkat (issue 19)
    assert counts["golongan:III"] == 3 and counts["jumlah:golongan"] == 4


def test_a_ppppk_golongan_written_bare_is_read_by_its_status(tmp_path):
    rows = [["Nama", "Golongan", "Status"], ["A", "IX", "PPPK"], ["B", "IX", None]]
    result = analysed(tmp_path, Pegawai=rows)
    assert [(p.golongan, p.status) for p in result.data.pegawai] == [("IX", "PPPK"), (None, None)]
    assert [sel for _, sel, _ in found(result, "PEGAWAI_TIDAK_VALID")] == ["B3"]


def test_an_optional_sheet_without_rows_is_tabel_kosong(tmp_path):
    """SPEC §12 and §6: the sheet is there, its table is left out, and an info says what would fill it."""
    result = analysed(tmp_path, **{"Daftar Pegawai": DUK[:4], "Penghargaan": PENGHARGAAN[:1]})
    assert (result.data.pegawai, result.data.penghargaan) == ([], [])
    assert [(f.tingkat, f.lembar, f.pesan) for f in result.findings if f.kode == "TABEL_KOSONG"] == [
        ("info", None, "Tabel Jumlah Pegawai dan Daftar Nominatif Pegawai tidak dicetak karena lembar Daftar Pegawai "
                       "tidak berisi data; isi kolom 'Nama' di lembar itu untuk menampilkannya."),
        ("info", None, "Tabel Daftar Penghargaan tidak dicetak karena lembar Penghargaan tidak berisi data; isi "
                       "kolom 'Penghargaan' di lembar itu untuk menampilkannya.")]


def test_without_the_optional_sheets_nothing_is_read(tmp_path):
    result = analyse(str(build(tmp_path)))
    data = result.data
    assert (data.pegawai, data.penghargaan, data.inovasi, data.tindak_lanjut, result.pegawai) == (None,) * 5


# ------------------------------------------------------------------ Penghargaan, Inovasi, Tindak Lanjut LHE

PENGHARGAAN = [
    ["No.", "Tanggal", "Tempat", "Penghargaan", "Keterangan"],
    ["1.", "30 Mei 2024", "Kab Balangan", "Lomba Desa (Desa Hukai)", "Dinas PMD"],
    ["2.", datetime.datetime(2024, 10, 30), "Halaman Kantor Bupati", "Juara 3 Lomba PBB", "Satpol PP"],
    ["3.", "Kamis, 05-12-2024", "Ar Raudah Resto", "Pengawasan kearsipan", "Dinas Perpustakaan"],
    ["4.", "Desember 2024", "Mayang Maurai", "Juara 4 Lomba Administrasi PKK Tingkat", "TP PKK"],
    [None, None, None, "Kabupaten Balangan", None],  # a PDF page broke the row above
    ["5.", "31 Februari 2024", "Paringin", "Juara I", "Bupati"],
]


def test_penghargaan_dates_as_written_and_a_row_broken_by_a_page(tmp_path):
    result = analysed(tmp_path, Penghargaan=PENGHARGAAN)
    from lkip_xl.textfmt import tanggal

    rows = result.data.penghargaan
    assert [tanggal(p.tanggal) if p.tanggal else None for p in rows] == [
        "30 Mei 2024", "30 Oktober 2024", "5 Desember 2024", "Desember 2024", None]
    assert rows[3].penghargaan.value == "Juara 4 Lomba Administrasi PKK Tingkat Kabupaten Balangan"
    assert rows[4].tanggal_tertulis.value == "31 Februari 2024"
    assert found(result, "UNREADABLE_VALUE") == [
        ("Penghargaan", "B7", "Lembar Penghargaan sel B7: kolom 'Tanggal' berisi '31 Februari 2024' yang tidak "
                              "dapat dibaca sebagai tanggal (tanggal itu tidak ada di kalender).")]
    reading = next(s for s in result.data.pembacaan if s.lembar == "Penghargaan")
    assert reading.dilewati == {6: "lanjutan baris di atasnya (tabel terpotong halaman)"}


def test_unnumbered_rows_are_rows_of_their_own(tmp_path):
    """Only a table that numbers its rows has run-on rows: without numbers, a row without a date is an award."""
    rows = [["No", "Tanggal", "Tempat", "Penghargaan"], [None, "30 Mei 2024", "A", "Lomba Desa"],
            [None, None, "B", "Lomba Posyandu"]]
    result = analysed(tmp_path, Penghargaan=rows)
    assert [p.penghargaan.value for p in result.data.penghargaan] == ["Lomba Desa", "Lomba Posyandu"]


def test_inovasi_name_and_uraian(tmp_path):
    rows = [["No", "Nama Inovasi", "Uraian"], [1, "Sistem Publikasi Digital (Silikit)", "Media informasi digital."],
            [2, "Sidigit", None]]
    result = analysed(tmp_path, Inovasi=rows)
    assert [(i.nama.value, i.uraian.value if i.uraian else None) for i in result.data.inovasi] == [
        ("Sistem Publikasi Digital (Silikit)", "Media informasi digital."), ("Sidigit", None)]


def test_tindak_lanjut_by_komponen_column_or_heading_rows_with_the_lhe_from_identitas(tmp_path):
    column = [["Komponen", "Rekomendasi", "Rencana Tindak Lanjut", "Status"],
              ["Pelaporan Kinerja", "Bandingkan realisasi tahun lalu", "Disajikan", "Selesai"],
              [None, "Bandingkan antar kabupaten", "Diusahakan", "Proses"],
              ["A. Perencanaan", "Diagram crosscutting", "Disusun", None]]
    headings = [["No", "Rekomendasi", "Rencana Tindak Lanjut"], ["Perencanaan Kinerja"],
                ["1.", "Diagram crosscutting", "Disusun"], ["Evaluasi Akuntabilitas Kinerja"],
                ["2.", "Tindak lanjuti LHE", "Matriks disusun"], [None, "tahun sebelumnya.", "dan dipantau."]]
    for name, rows in (("kolom.xlsx", column), ("judul.xlsx", headings)):
        result = analysed(tmp_path, name, **{"Tindak Lanjut LHE": rows},
                          identitas={"Nomor LHE": "700/147/LHE/Inspektorat-Blg/2024", "Tanggal LHE": "19/07/2024"})
        got = [(t.komponen, t.rekomendasi.value, t.rencana.value) for t in result.data.tindak_lanjut]
        if rows is column:
            assert got == [("Pelaporan Kinerja", "Bandingkan realisasi tahun lalu", "Disajikan"),
                           ("Pelaporan Kinerja", "Bandingkan antar kabupaten", "Diusahakan"),
                           ("Perencanaan Kinerja", "Diagram crosscutting", "Disusun")]
        else:
            assert got == [("Perencanaan Kinerja", "Diagram crosscutting", "Disusun"),
                           ("Evaluasi Akuntabilitas Kinerja", "Tindak lanjuti LHE tahun sebelumnya.",
                            "Matriks disusun dan dipantau.")]
        ident = result.data.identitas
        assert (ident.nomor_lhe, ident.tanggal_lhe) == ("700/147/LHE/Inspektorat-Blg/2024", "19 Juli 2024")


def test_an_unreadable_tanggal_lhe_is_a_finding(tmp_path):
    result = analysed(tmp_path, identitas={"Tanggal LHE": "bulan Juli"})
    assert result.data.identitas.tanggal_lhe == "bulan Juli"  # printed as written
    assert found(result, "UNREADABLE_VALUE") == [
        ("Identitas", "B7", "Lembar Identitas sel B7: 'bulan Juli' tidak dapat dibaca sebagai tanggal (tulis mis. "
                            "30 Mei 2024, 30-05-2024 atau Desember 2024).")]


# ------------------------------------------------------------------ Jumlah Pegawai claims

CLAIMS = [["Tabel", "Subjek", "Ukuran", "Nilai"],
          ["Tabel 1.1", "Total", "Jumlah Pegawai", 4],
          ["Tabel 1.1", "S2", "Jumlah Pegawai", 1],
          ["Tabel 1.1", "SLTP", "Jumlah Pegawai", "-"],  # the table prints none as `-`
          ["Tabel 1.1", "III/a", "Jumlah Pegawai", 1],
          ["Tabel 1.1", "II/a", "Jumlah Pegawai", 1],
          ["Tabel 1.1", "II", "Jumlah Pegawai", 2],
          ["Tabel 1.1", "VII (PPPK)", "Jumlah Pegawai", 1],
          ["Tabel 1.1", "Penata Muda", "Jumlah Pegawai", "2 orang"],
          ["Tabel 1.1", "Honorer", "Jumlah Pegawai", 3]]


def test_jumlah_pegawai_claims_are_checked_against_the_counts(tmp_path):
    result = analysed(tmp_path, Pegawai=SEED_LAYOUT, dilaporkan=CLAIMS)
    assert [(sel, pesan) for _, sel, pesan in found(result, "CLAIM_MISMATCH")] == [
        ("D4", "Tabel 1.1: Jumlah Pegawai pendidikan SLTP dilaporkan 0, sedangkan hasil hitung 1."),
        ("D5", "Tabel 1.1: Jumlah Pegawai pangkat III/a dilaporkan 1, sedangkan hasil hitung 0."),
        ("D9", "Tabel 1.1: Jumlah Pegawai pangkat III/a dilaporkan 2, sedangkan hasil hitung 0.")]
    assert found(result, "UNKNOWN_REFERENCE") == [
        ("Dilaporkan", "B10", "Tabel 1.1: subjek 'Honorer' bukan pendidikan (SD … S3), pangkat (I/a … IV/e), "
                              "golongan (I … IV, PPPK) atau Total, sehingga Jumlah Pegawai-nya tidak dapat dihitung.")]
    judged = [(result.claims[i].computed, result.claims[i].agrees) for i in range(len(CLAIMS) - 1)]
    assert judged == [(4, True), (1, True), (1, False), (0, False), (1, True), (2, True), (1, True), (0, False),
                      (None, None)]


def test_jumlah_pegawai_without_a_pegawai_sheet(tmp_path):
    result = analysed(tmp_path, dilaporkan=CLAIMS[:2])
    assert found(result, "UNKNOWN_REFERENCE") == [
        ("Dilaporkan", "C2", "Tabel 1.1: Jumlah Pegawai dihitung dari lembar Pegawai, yang tidak ada di berkas ini.")]


# ------------------------------------------------------------------ the workbook


def filled(tmp_path, **sheets):
    result = analysed(tmp_path, **sheets)
    out = tmp_path / "out_lkip.xlsx"
    write_workbook(result, out)
    return result, openpyxl.load_workbook(out), openpyxl.load_workbook(out, data_only=True)


def test_sheets_are_planned_in_the_seeds_order_and_numbers_close_up(tmp_path):
    _, book, _ = filled(tmp_path, Pegawai=SEED_LAYOUT, Penghargaan=PENGHARGAAN[:3],
                        Inovasi=[["Nama", "Uraian"], ["Silikit", "x"]],
                        **{"Tindak Lanjut": [["Rekomendasi", "Rencana Tindak Lanjut"], ["a", "b"]]})
    names = book.sheetnames
    assert names[:3] == ["Ringkasan", "1.1 Jumlah Pegawai", "1.2 Nominatif Pegawai"]
    # the minimal input has no jenis belanja: the penghargaan table takes the number after Efisiensi
    assert names[names.index("3.9 Efisiensi") + 1:names.index("4.1 Rangkuman PK")] == [
        "3.10 Penghargaan", "Inovasi", "Tindak Lanjut LHE"]
    assert names.index("Data Pemetaan") < names.index("Data Pegawai") < names.index("Perhitungan Kinerja")
    (tmp_path / "inovasi").mkdir()
    _, only, _ = filled(tmp_path / "inovasi", Inovasi=[["Nama", "Uraian"], ["A", "B"]])
    assert "Inovasi" in only.sheetnames
    assert not [n for n in only.sheetnames if n.startswith("1.") or "Pegawai" in n or "Penghargaan" in n]


def test_tabel_1_1_counts_live_over_data_pegawai(tmp_path):
    result, book, values = filled(tmp_path, **{"Daftar Pegawai": DUK}, dilaporkan=CLAIMS[:2])
    ws, cached = book["1.1 Jumlah Pegawai"], values["1.1 Jumlah Pegawai"]
    assert [c.value for c in ws[3]] == ["SKPD", "Jlh (Org)", "Kualifikasi Pendidikan", "Jlh (Org)", "Pangkat",
                                        "Jlh (Org)", "Golongan", "Jlh (Org)"]
    assert (ws["A4"].value, cached["B4"].value) == ("Kecamatan Uji", 6)
    assert ws["B4"].value == "=COUNTIFS('Data Pegawai'!$B$4:'Data Pegawai'!$B$9,\"<>\")"
    assert ws["D11"].value == "=COUNTIFS('Data Pegawai'!$H$4:'Data Pegawai'!$H$9,C11)"  # C11 = S1
    assert ws["F15"].value == "=COUNTIFS('Data Pegawai'!$E$4:'Data Pegawai'!$E$9,E15)"  # E15 = III/d
    assert ws["F21"].value == "=COUNTIFS('Data Pegawai'!$F$4:'Data Pegawai'!$F$9,E21)"  # E21 = PPPK (status)
    # golongan III: its ruang rows, and the PNS written `III` alone (none here)
    assert ws["H6"].value == ("=F12+F13+F14+F15+COUNTIFS('Data Pegawai'!$E$4:'Data Pegawai'!$E$9,G6,"
                              "'Data Pegawai'!$F$4:'Data Pegawai'!$F$9,\"PNS\")")
    labels = {ws.cell(r, c).value: cached.cell(r, c + 1).value for r in range(4, 22) for c in (3, 5, 7)
              if ws.cell(r, c).value}
    assert {k: v for k, v in labels.items() if v} == {
        "SLTP": 1, "SLTA": 1, "D3": 2, "S1": 1, "S2": 1, "II/c": 1, "III/a": 1, "III/c": 1, "III/d": 1, "IV/a": 1,
        "PPPK": 1, "II": 1, "III": 3, "IV": 1}
    assert [cached[f"{c}22"].value for c in "CDEFGH"] == ["Jumlah", 6, "Jumlah", 6, "Jumlah", 6]
    assert ws["D4"].number_format == '#,##0;-#,##0;"-"'  # none shows as `-`, as the seed prints it
    data = book["Data Pegawai"]
    assert [c.value for c in data[3]] == ["No", "Nama", "NIP", "Pangkat/Golongan (tertulis)", "Golongan/Ruang",
                                          "Status", "Pendidikan (tertulis)", "Pendidikan", "Jabatan"]
    assert [c.value for c in data[9]][1:8] == ["Misnawati, A.Md.", "19900329 202421 2 002", "PPPK Golongan VII",
                                              "VII", "PPPK", "Diploma III", "D3"]
    claims = book["Data Dilaporkan"]
    assert (claims["B4"].value, claims["F4"].value) == ("1.1 Jumlah Pegawai", "='1.1 Jumlah Pegawai'!$B$4")
    assert values["Data Dilaporkan"]["H4"].value == "Tidak sesuai"  # 4 stated, 6 counted


def test_tabel_1_2_is_the_nominatif_in_the_sheets_order(tmp_path):
    _, book, values = filled(tmp_path, Pegawai=SEED_LAYOUT)
    ws = values["1.2 Nominatif Pegawai"]  # as shown: the cells are references to Data Pegawai
    assert ws["A1"].value == "Tabel 1.2 Daftar Nominatif Pegawai Kecamatan Uji per 31 Desember 2024"
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=3, max_row=7)] == [
        ["No", "Nama dan NIP", "Pangkat / Golongan", "Jabatan"],
        ["01", "Nanang Edward,S.Sos.,M.M\n19800127 200604 1 016", "Pembina (IV/a)", "Camat"],
        ["02", "Saihani\n1977052 200906 1 002", "Pengatur Tk.I (II/d)", "Staf"],
        ["03", "Ruslan\n19690330 2021212 1 003", "Pengatur Muda (II/a)", "Staf"],
        ["04", "Misnawati, A.Md.\n19900329 202421 2 002", "PPPK Golongan VII", "JF Pranata Komputer Terampil"]]
    temuan = book["Temuan"]
    col = {c.value: c.column for c in temuan[4]}
    sel, link = col["Sel input (berkas Anda)"], col["Sel di workbook ini"]
    links = {temuan.cell(r, sel).value: temuan.cell(r, link).hyperlink.location
             for r in range(5, temuan.max_row + 1) if temuan.cell(r, link).hyperlink is not None}
    assert links["Pegawai!B3"] == "'Data Pegawai'!C5"  # a finding on a NIP opens it in Data Pegawai


def test_penghargaan_inovasi_and_tindak_lanjut_tables(tmp_path):
    tl = [["Komponen", "Rekomendasi", "Rencana Tindak Lanjut"], ["Pelaporan Kinerja", "R3", "T3"],
          ["Perencanaan Kinerja", "R1", "T1"], ["Lainnya", "R9", "T9"], ["Pelaporan Kinerja", "R4", "T4"]]
    _, book, _ = filled(tmp_path, Penghargaan=PENGHARGAAN, Inovasi=[["Nama", "Uraian"], ["Silikit", "Media."]],
                        **{"Tindak Lanjut LHE": tl},
                        identitas={"Nomor LHE": "700/147/LHE/2024", "Tanggal LHE": datetime.datetime(2024, 7, 19)})
    ws = book["3.10 Penghargaan"]
    assert ws["A1"].value == "Tabel 3.10 Daftar Penghargaan yang Diterima Kecamatan Uji Tahun 2024"
    assert [c.value for c in ws[3]] == ["No.", "Tanggal", "Tempat", "Penghargaan", "Keterangan"]
    assert [c.value for c in ws[4]] == ["1.", "30 Mei 2024", "Kab Balangan", "Lomba Desa (Desa Hukai)", "Dinas PMD"]
    assert [ws.cell(r, 2).value for r in range(4, 9)] == ["30 Mei 2024", "30 Oktober 2024", "5 Desember 2024",
                                                          "Desember 2024", "31 Februari 2024"]
    inovasi = book["Inovasi"]
    assert [[c.value for c in row] for row in inovasi.iter_rows(min_row=4, max_row=5)] == [
        ["1.", "Silikit"], [None, "Media."]]
    lhe = book["Tindak Lanjut LHE"]
    assert lhe["A2"].value == "LHE Nomor 700/147/LHE/2024 tanggal 19 Juli 2024"
    assert [[c.value for c in row] for row in lhe.iter_rows(min_row=3, max_row=lhe.max_row)] == [
        ["No", "Rekomendasi", "Rencana Tindak Lanjut"], ["Perencanaan Kinerja", None, None], ["1.", "R1", "T1"],
        ["Pelaporan Kinerja", None, None], ["2.", "R3", "T3"], ["3.", "R4", "T4"], ["Lainnya", None, None],
        ["4.", "R9", "T9"]]


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_counts_and_follows_an_edit_of_data_pegawai(tmp_path):
    """Every new formula recalculates to its cached value; editing Data Pegawai changes Tabel 1.1 and the
    claim's status as a fresh fill of the edited input does."""
    from recalc import (assert_sentinel_recalculated, cached_values, differences, recalculate_many, soffice,
                        with_sentinel)

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    claims = [*CLAIMS[:2], ["Tabel 1.1", "III/a", "Jumlah Pegawai", 2], ["Tabel 1.1", "S3", "Jumlah Pegawai", 1]]
    filled(tmp_path, **{"Daftar Pegawai": DUK}, Penghargaan=PENGHARGAAN[:3], dilaporkan=claims)
    out = tmp_path / "out_lkip.xlsx"
    work = tmp_path / "lo"
    work.mkdir()
    planted, _, cell, true_value = with_sentinel(out, work)
    book = openpyxl.load_workbook(out)
    data = book["Data Pegawai"]
    assert (data["E9"].value, data["F9"].value, data["H4"].value) == ("VII", "PPPK", "S2")
    data["E9"], data["F9"] = "III/a", "PNS"  # Misnawati becomes a PNS III/a …
    data["H4"] = "S3"  # … and Budi's pendidikan S3
    edited = tmp_path / "edited_lkip.xlsx"
    book.save(edited)
    recalced, recalced_edit = recalculate_many([planted, edited], work)
    assert_sentinel_recalculated(recalced, cell, true_value)
    bad, n = differences(out, recalced)
    assert not bad and n > 60
    values = cached_values(recalced_edit)
    table = "1.1 Jumlah Pegawai"
    assert [values[(table, c)] for c in ("F12", "F21", "H6", "H8", "D12", "D11", "D13")] == [2, 0, 4, 0, 0, 1, 1]
    assert values[(table, "H22")] == 6 and values[(table, "B4")] == 6
    assert [values[("Data Dilaporkan", f"H{r}")] for r in (4, 5, 6)] == ["Tidak sesuai", "Sesuai", "Sesuai"]


# A golongan written without its ruang, a name that looks like a formula, a pegawai with no NIP nor jabatan
BARE = [["Nama", "NIP", "Pangkat/Golongan", "Jabatan", "Pendidikan", "Status"],
        ["A", "19800127 200604 1 016", "III", "Staf", "S1", None],
        ["B", "19800127 200604 1 017", "Golongan IV", "Kasi", "S1", None],
        ["C", "19800127 200604 1 018", "Gol. III", "Staf", "S1", "PNS"],
        ["D", "19800127 200604 1 019", "III", "Staf", "S1", "PPPK"],  # a PPPK's golongan III
        ["=1+1", None, "Penata (III)", None, "S1", None],  # Penata is III/c: the name gives the ruang
        ["F", "19800127 200604 1 021", "III/b", "Staf", "S1", None]]


def test_a_golongan_without_ruang_counts_in_its_golongan_and_no_pangkat(tmp_path):
    """Issue 19: `III`, `Golongan IV`, `Gol. III` are a PNS golongan whose ruang is not written: counted in
    Tabel 1.1's golongan III / IV (live: COUNTIFS over Data Pegawai's golongan and status) but in no pangkat,
    with a peringatan naming the cell; a PPPK's golongan III is the PPPK's, `Penata (III)` is III/c."""
    result, book, values = filled(tmp_path, Pegawai=BARE)
    rows = result.data.pegawai
    assert [(p.golongan, p.status) for p in rows] == [
        ("III", "PNS"), ("IV", "PNS"), ("III", "PNS"), ("III", "PPPK"), ("III/c", "PNS"), ("III/b", "PNS")]
    assert found(result, "PEGAWAI_TIDAK_VALID") == [
        ("Pegawai", "C2", "Lembar Pegawai sel C2: pangkat/golongan A 'III' tidak menyebut ruang (a–e); pegawai ini "
                          "dihitung di golongan III tetapi tidak per pangkat di Tabel 1.1 (tulis mis. III/a)."),
        ("Pegawai", "C3", "Lembar Pegawai sel C3: pangkat/golongan B 'Golongan IV' tidak menyebut ruang (a–e); "
                          "pegawai ini dihitung di golongan IV tetapi tidak per pangkat di Tabel 1.1 (tulis mis. "
                          "IV/a)."),
        ("Pegawai", "C4", "Lembar Pegawai sel C4: pangkat/golongan C 'Gol. III' tidak menyebut ruang (a–e); "
                          "pegawai ini dihitung di golongan III tetapi tidak per pangkat di Tabel 1.1 (tulis mis. "
                          "III/a).")]
    assert {f.tingkat for f in result.findings if f.kode == "PEGAWAI_TIDAK_VALID"} == {"peringatan"}
    counts = result.pegawai
    assert (counts["golongan:III"], counts["golongan:IV"], counts["golongan:PPPK"]) == (4, 1, 1)
    assert (counts["pangkat:III/b"], counts["pangkat:III/c"], counts["pangkat:PPPK"]) == (1, 1, 1)
    assert counts["jumlah:golongan"] == 6 == counts["total"] and counts["jumlah:pangkat"] == 3
    ws, cached = book["1.1 Jumlah Pegawai"], values["1.1 Jumlah Pegawai"]
    assert ws["G6"].value == "III"
    assert ws["H6"].value == ("=F12+F13+F14+F15+COUNTIFS('Data Pegawai'!$E$4:'Data Pegawai'!$E$9,G6,"
                              "'Data Pegawai'!$F$4:'Data Pegawai'!$F$9,\"PNS\")")
    assert [cached[f"H{r}"].value for r in range(4, 9)] == [0, 0, 4, 1, 1]  # I, II, III, IV, PPPK
    assert ws["H8"].value == "=F21"  # PPPK: no bare count (a PPPK's golongan III is counted here only)
    assert cached["H22"].value == 6 and cached["F22"].value == 3
    # why the pangkat Jumlah falls short of the total, live under the table (a new user asked)
    assert cached["A23"].value == "Catatan (lihat lembar Temuan): 3 pegawai tidak dihitung per pangkat."
    assert ws["A23"].value.startswith("=IF(")


def test_tabel_1_2_refers_to_data_pegawai_and_keeps_text_text(tmp_path):
    """Tabel 1.2 is live (issue 19): every cell but the No refers to its Data Pegawai cell, cached with the
    text; a blank NIP or jabatan shows "" (not the 0 a bare reference to a blank gives); a name written
    `=1+1` is text in Data Pegawai and the reference returns it as text."""
    _, book, values = filled(tmp_path, Pegawai=BARE)
    ws, cached = book["1.2 Nominatif Pegawai"], values["1.2 Nominatif Pegawai"]
    assert ws["B4"].value == ("=IF('Data Pegawai'!$B$4=\"\",\"\",'Data Pegawai'!$B$4)&IF('Data Pegawai'!$C$4=\"\","
                              "\"\",CHAR(10)&'Data Pegawai'!$C$4)")
    assert ws["C4"].value == "=IF('Data Pegawai'!$D$4=\"\",\"\",'Data Pegawai'!$D$4)"
    assert ws["D4"].value == "=IF('Data Pegawai'!$I$4=\"\",\"\",'Data Pegawai'!$I$4)"
    # (a formula cached as "" reads back as None)
    assert [[c.value or "" for c in row] for row in cached.iter_rows(min_row=4, max_row=9)] == [
        ["01", "A\n19800127 200604 1 016", "III", "Staf"],
        ["02", "B\n19800127 200604 1 017", "Golongan IV", "Kasi"],
        ["03", "C\n19800127 200604 1 018", "Gol. III", "Staf"],
        ["04", "D\n19800127 200604 1 019", "III", "Staf"],
        ["05", "=1+1", "Penata (III)", ""],
        ["06", "F\n19800127 200604 1 021", "III/b", "Staf"]]
    data = book["Data Pegawai"]
    assert data["B8"].data_type == "s" and data["B8"].value == "=1+1" and data["B8"].quotePrefix
    assert all(ws.cell(r, c).data_type == "f" for r in range(4, 10) for c in (2, 3, 4))


@pytest.mark.libreoffice
def test_libreoffice_recalculates_tabel_1_2_and_the_bare_golongan_and_follows_an_edit(tmp_path):
    """The nominatif's references and the golongan counts recalculate to their cached values (blanks to "",
    not 0); editing Data Pegawai's jabatan and golongan changes Tabel 1.2 and Tabel 1.1."""
    from recalc import (assert_sentinel_recalculated, cached_values, differences, recalculate_many, soffice,
                        with_sentinel)

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    filled(tmp_path, Pegawai=BARE)
    out = tmp_path / "out_lkip.xlsx"
    work = tmp_path / "lo"
    work.mkdir()
    planted, _, cell, true_value = with_sentinel(out, work)
    book = openpyxl.load_workbook(out)
    data = book["Data Pegawai"]
    assert (data["E4"].value, data["I4"].value) == ("III", "Staf")
    data["E4"] = "IV"  # A's golongan becomes IV (still without ruang) …
    data["I4"] = "Kepala Seksi"  # … and A's jabatan changes
    data["I8"] = "Bendahara"  # the blank jabatan is filled
    edited = tmp_path / "edited_lkip.xlsx"
    book.save(edited)
    recalced, recalced_edit = recalculate_many([planted, edited], work)
    assert_sentinel_recalculated(recalced, cell, true_value)
    bad, n = differences(out, recalced)
    assert not bad and n > 40
    values = cached_values(recalced_edit)
    assert values[("1.2 Nominatif Pegawai", "D4")] == "Kepala Seksi"
    assert values[("1.2 Nominatif Pegawai", "D8")] == "Bendahara"
    assert values[("1.2 Nominatif Pegawai", "B8")] == "=1+1"
    assert [values[("1.1 Jumlah Pegawai", f"H{r}")] for r in (6, 7)] == [3, 2]


# ------------------------------------------------------------------ the sample against the seed

# The seed LKIP (shared/seed/000_b2bfd02cb2e5f272.txt) as printed: Tabel 1.2 (nominatif), Tabel 1.1 (with `-`
# as 0), Tabel 3.15 (penghargaan, its last row run on over a page), the inovasi and the LHE's tindak lanjut.
SEED_1_2 = [
    ("01", "Nanang Edward,S.Sos.,M.M 19800127 200604 1 016", "Pembina (IV/a)", "Camat"),
    ("02", "Erliyanti, SE., MM., M. Ak. 19851020 201001 2 031", "Penata Tk.I (III/d)", "Sekretaris Camat"),
    ("03", "Hj. Yanti Masitah,S.Sos.,M.AP 19670319 198703 2 009", "Pembina (IV/a)", "Kasubbag Umum dan Kepegawaian"),
    ("04", "Mili Yusmawati, S.Sos., MM 19801117 200604 2 024", "Penata Tk.I (III/d)",
     "Kasi Pelayanan dan Kesejahteraan Sosial"),
    ("05", "H. Nuryono, S.Kep 19730507 199602 1 002", "Penata Tk.I (III/d)", "Kasi Pemerintahan"),
    ("06", "Dewi Budi Astuti,S.Pd 19820305 201001 2 017", "Penata Tk.I (III/d)", "Kasi Pemberdayaan Masyarakat"),
    ("07", "Muhammad Rusdi, SE 19770304 200501 1 010", "Penata (III/c)", "Ketentraman dan Ketertiban Umum"),
    ("08", "Feri Arianti, S.Pd.AUD 19840215 200701 2 002", "Penata (III/c)", "Kasi Pembangunan"),
    ("09", "Hujaimah,A.Md 19880212 201001 2 016", "Penata (III/c)", "Kasubbag Perencanaan dan Keuangan"),
    ("10", "Muhammad Aditya Pratama, SE 19910214 202012 1 009", "Penata Muda (III/a)", "Staf Seksi Pembangunan"),
    ("11", "Yusnani 19770501 200701 1 016", "Penata Muda (III/a)", "Staf Seksi Pemerintahan"),
    ("12", "Akhmad Basuki 19780719 200701 1 007", "Penata Muda III/a", "Staf Pembangunan"),
    ("13", "Hatmi Susanti 19821215 200801 2 014", "Penata Muda III/a", "Staf Kasubbag Umum dan Kepegawaian"),
    ("14", "Saihani 1977052 200906 1 002", "Pengatur Tk.I (II/d)", "Staf Subbag Perencanaan dan Keuangan"),
    ("15", "Ali Sadikin 19680816 198804 1 001", "Pengatur (II/c)", "Staf Kasubbag Umum dan Kepegawaian"),
    ("16", "Misnu Raga 19690718 200701 1 029", "Pengatur Muda (II/a)", "Staf Kasubbag Umum dan Kepegawaian"),
    ("17", "Ruslan 19690330 2021212 1 003", "Pengatur Muda (II/a)", "Staf Kasubbag Umum dan Kepegawaian"),
    ("18.", "Misnawati, A.Md. 19900329 202421 2 002", "PPPK Golongan VII", "JF Pranata Komputer Terampil"),
]
SEED_1_1 = {
    "pendidikan": {"SD": 0, "SLTP": 3, "SLTA": 2, "D1": 0, "D2": 0, "D3": 1, "D4": 0, "S1": 7, "S2": 5, "S3": 0},
    "pangkat": {"I/a": 0, "I/b": 0, "I/c": 0, "I/d": 0, "II/a": 2, "II/b": 0, "II/c": 1, "II/d": 1, "III/a": 2,
                "III/b": 1, "III/c": 4, "III/d": 4, "IV/a": 1, "IV/b": 1, "IV/c": 0, "IV/d": 0, "IV/e": 0, "PPPK": 1},
    "golongan": {"I": 0, "II": 4, "III": 11, "IV": 2, "PPPK": 1},  # the seed writes PPPK's as `VII (PPPK)`
}
SEED_3_15 = [
    ("1.", "30 Mei 2024", "Kab Balangan", "Lomba Desa (Desa Hukai)",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana serta "
     "Pemberdayaan Masyarakat dan Desa Kabupaten Balangan"),
    ("2.", "30 Oktober 2024", "Halaman Kantor Bupati Balangan", "Juara 3 Lomba PBB Satlinmas Tingkat Kabupaten",
     "Satpol PP Kabupaten Balangan"),
    ("3.", "5 Desember 2024", "Ar Raudah Resto Paringin", "Pengawasan kearsipan internal SKPD",
     "Dinas Perpustakaan dan Kearsipan Daerah Kab. Balangan"),
    ("4.", "22 Desember 2024", "Mayang Maurai", "Juara III Lomba UP2K PKK Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("5.", "22 Desember 2024", "Mayang Maurai", "Juara III Lomba Posyandu Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("6.", "22 Desember 2024", "Mayang Maurai", "Juara II Lomba Hatinya PKK Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("7.", "22 Desember 2024", "Mayang Maurai", "Juara 4 Lomba Administarasi PKK Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
]
SEED_INOVASI = ["Pemetaan Batas Desa Berbasis Partisipatif (PETA BAPER)", "Sistem Publikasi Digital (Silikit)",
                "Dana Duka Santunan Kematian Proses Mulus (Ana Tulus)", "Sinergi Linmas dengan Masyarakat (Sinar Linmas)",
                "Evaluasi Cepat Berkolaborasi dengan Pemerintahan Desa (Si Cabe Pedas)",
                "Sistem Disposisi Digital (Sidigit)", "Pengukuran Kinerja dan Keuangan (Kurkinku)",
                "Sistem Informasi Desa (Sispemdes)"]
SEED_LHE = ["Perencanaan Kinerja", "1.", "Pengukuran Kinerja", "2.", "Pelaporan Kinerja", "3.", "4.", "5.",
            "Evaluasi Akuntabilitas Kinerja", "6."]


@pytest.fixture(scope="module")
def sample_book(tmp_path_factory):
    from run_cli import SAMPLE

    out = tmp_path_factory.mktemp("sample") / "juai_lkip.xlsx"
    write_workbook(analyse(str(SAMPLE)), out)
    return openpyxl.load_workbook(out), openpyxl.load_workbook(out, data_only=True)


def _rows(ws, first: int, ncols: int) -> list[tuple]:
    return [tuple(" ".join(str(c.value).split()) if c.value is not None else None for c in row)
            for row in ws.iter_rows(min_row=first, max_row=ws.max_row, max_col=ncols)]


def test_sample_tabel_1_2_is_the_seeds_nominatif_row_for_row(sample_book):
    rows = _rows(sample_book[1]["1.2 Nominatif Pegawai"], 4, 4)  # as shown: its cells are references
    assert [(int(no.rstrip(".")), *rest) for no, *rest in rows] == \
        [(int(no.rstrip(".")), *rest) for no, *rest in SEED_1_2]


def test_sample_tabel_1_1_is_the_nominatifs_counts_and_differs_from_the_seeds_in_five_pangkat(sample_book):
    formulas, values = sample_book[0]["1.1 Jumlah Pegawai"], sample_book[1]["1.1 Jumlah Pegawai"]
    got = {block: {formulas.cell(r, c).value: values.cell(r, c + 1).value for r in range(4, 22)
                   if formulas.cell(r, c).value} for block, c in (("pendidikan", 3), ("pangkat", 5), ("golongan", 7))}
    assert [list(b) for b in got.values()] == [list(b) for b in SEED_1_1.values()]  # the seed's rows, in order
    # the nominatif's own counts, read here from its pangkat column as printed
    import re
    from collections import Counter
    nominatif = Counter("PPPK" if p.startswith("PPPK") else re.search(r"[IV]+/[a-e]", p).group(0)
                        for _, _, p, _ in SEED_1_2)
    assert got["pangkat"] == {k: nominatif.get(k, 0) for k in SEED_1_1["pangkat"]}
    assert {k for k in SEED_1_1["pangkat"] if got["pangkat"][k] != SEED_1_1["pangkat"][k]} == {
        "III/a", "III/b", "III/c", "IV/a", "IV/b"}
    assert [(k, SEED_1_1["pangkat"][k], got["pangkat"][k]) for k in ("III/a", "III/b", "III/c", "IV/a", "IV/b")] == [
        ("III/a", 2, 4), ("III/b", 1, 0), ("III/c", 4, 3), ("IV/a", 1, 2), ("IV/b", 1, 0)]
    assert got["pendidikan"] == SEED_1_1["pendidikan"] and got["golongan"] == SEED_1_1["golongan"]
    assert (values["A4"].value, values["B4"].value) == ("Kecamatan Juai", 18)


def test_sample_penghargaan_inovasi_and_tindak_lanjut_are_the_seeds(sample_book):
    book = sample_book[0]
    assert _rows(book["3.17 Penghargaan"], 4, 5) == SEED_3_15
    inovasi = book["Inovasi"]
    assert [inovasi.cell(r, 2).value for r in range(4, inovasi.max_row + 1) if inovasi.cell(r, 1).value] == SEED_INOVASI
    lhe = book["Tindak Lanjut LHE"]
    assert lhe["A2"].value == "LHE Nomor 700/147/LHE/Inspektorat-Blg/2024 tanggal 19 Juli 2024"
    assert [lhe.cell(r, 1).value for r in range(4, lhe.max_row + 1)] == SEED_LHE
    assert lhe["B11"].value == ("Pada penutup LKjIP terdapat rekomendasi atau langkah antisipasi untuk perencanaan "
                                "kinerja tahun berikutnya berdasarkan hambatan atas kendala dalam pelaksanaan kinerja "
                                "tahun sebelumnya/evaluasi berjalan.")
