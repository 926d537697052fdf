"""Bab I and the closing lists (SPEC §12): the Pegawai, Penghargaan, Inovasi and Tindak Lanjut LHE sheets as
offices write them, their findings, the Jumlah Pegawai claims, and the tables `fill` writes from them."""
from __future__ import annotations

import datetime

import pytest
from builder import build

from lkip_xl.api import analyse

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
                          "tidak dihitung per pangkat dan golongan di Tabel 1.1."),
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


def test_a_ppppk_golongan_written_bare_is_read_by_its_status(tmp_path):
    rows = [["Nama", "Golongan", "Status"], ["A", "IX", "PPPK"], ["B", "IX", None]]
    result = analysed(tmp_path, Pegawai=rows)
    assert [(p.golongan, p.status) for p in result.data.pegawai] == [("IX", "PPPK"), (None, None)]
    assert [sel for _, sel, _ in found(result, "PEGAWAI_TIDAK_VALID")] == ["B3"]


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
