"""Reading the input workbook: every layout variation of SPEC §3 and §9.1-9.2."""
from __future__ import annotations

import pytest
from builder import IND_A, IND_B, IND_T, M, SAS_A, SAS_B, TUJUAN, build, codes, minimal, put, run, sheet

from lkip_xl.errors import InputError
from lkip_xl.model import Cell
from lkip_xl.reader import read_input


def read(tmp_path, **sheets):
    return read_input(str(build(tmp_path, **sheets)))


def by_code(rows):
    return {r.kode or r.nomor or (r.uraian.value if r.uraian else None): r for r in rows}


# ------------------------------------------------------------------ sheet names


@pytest.mark.parametrize("role, name", [
    ("identitas", "Info"), ("identitas", "PROFIL"), ("identitas", " identitas "),
    ("kinerja", "IKU"), ("kinerja", "Renstra"), ("kinerja", "indikator"),
    ("dpa", "Anggaran"), ("dpa", "RKA"), ("dpa", "Renja"),
    ("realisasi", "LRA"), ("realisasi", "Realisasi Anggaran"), ("realisasi", "realisasi_anggaran"),
    ("realisasi", "Realisasi-Anggaran"),
    ("pemetaan", "Cascading"), ("pemetaan", "Pendukung"),
])
def test_sheet_found_by_synonym(tmp_path, role, name):
    data = minimal()
    data[role] = sheet(data[role], name=name)
    result = run(tmp_path, **data)
    assert result.data.sheet_names[role] == name
    assert codes(result) == []
    assert result.total_pagu == 250 * M


def test_optional_sheet_synonyms(tmp_path):
    data = read(tmp_path,
                belanja=sheet([["Kode", "Uraian", "Pagu", "Realisasi"], ["5.1.02", "Barang", 250 * M, 230 * M]],
                              name="Jenis Belanja"),
                dilaporkan=sheet([["Tabel", "Subjek", "Ukuran", "Nilai"], ["T", "Total", "Pagu", 250 * M]],
                                 name="Klaim"))
    assert data.sheet_names["belanja"] == "Jenis Belanja"
    assert data.sheet_names["dilaporkan"] == "Klaim"
    assert len(data.belanja) == 1 and len(data.dilaporkan) == 1


@pytest.mark.parametrize("name", ["data_kinerja", "Capaian", "Kinerja 2023", "Renstra 2016-2021", "Kinerjaku"])
def test_only_synonyms_after_normalising_and_setting_the_year_aside(tmp_path, name):
    """A name is its role's once the year and period are set aside, and only when those years hold the
    report year (2024 here): last year's sheet is never read as this year's."""
    data = minimal()
    data["kinerja"] = sheet(data["kinerja"], name=name)
    with pytest.raises(InputError, match="tidak memiliki lembar Kinerja"):
        read(tmp_path, **data)


@pytest.mark.parametrize("role, name", [
    ("kinerja", "Kinerja 2024"), ("kinerja", "Matriks Renstra 2021-2026"), ("dpa", "DPA 2024"),
    ("dpa", "DPA Murni TA 2024"), ("realisasi", "LRA s.d. Desember"), ("realisasi", "Realisasi Keuangan"),
    ("realisasi", "Lap. Realisasi sd Des 2024"), ("realisasi", "Realisasi TW IV 2024")])
def test_sheet_names_as_offices_write_them(tmp_path, role, name):
    data = minimal()
    data[role] = sheet(data[role], name=name)
    got = read(tmp_path, **data)
    assert got.sheet_names[role] == name


def test_two_sheets_for_one_role_are_named_not_guessed(tmp_path):
    """`DPA 2024` beside `DPA Perubahan 2024`: which one the report uses is the user's to say."""
    data = minimal()
    rows = data["dpa"]
    data["dpa"] = sheet(rows, name="DPA 2024")
    data["extra_sheets"] = {"DPA Perubahan 2024": rows}
    with pytest.raises(InputError, match=r"memiliki 2 lembar yang dapat dibaca sebagai lembar DPA \(DPA 2024, DPA "
                                         r"Perubahan 2024\); ganti nama lembar yang dipakai menjadi DPA"):
        read(tmp_path, **data)


def test_the_report_year_chooses_between_two_years(tmp_path):
    data = minimal()
    rows = data["dpa"]
    data["dpa"] = sheet(rows, name="DPA 2024")
    data["extra_sheets"] = {"DPA 2023": rows}
    assert read(tmp_path, **data).sheet_names["dpa"] == "DPA 2024"


@pytest.mark.parametrize("role", ["identitas", "kinerja", "dpa", "realisasi"])
def test_required_sheet_missing(tmp_path, role):
    with pytest.raises(InputError) as err:
        read(tmp_path, **{role: None})
    assert "input.xlsx" in str(err.value)


def test_required_column_missing(tmp_path):
    with pytest.raises(InputError, match="Realisasi"):
        read(tmp_path, realisasi=[["Kode", "Uraian", "Pagu"], ["7.01.01.2.01.0001", "Gaji", 1]])
    with pytest.raises(InputError, match="Indikator"):
        read(tmp_path, kinerja=[["Tujuan", "Sasaran", "Target 2024"], ["T", "S", 1]])


# ------------------------------------------------------------------ Identitas


def test_identitas_keys_and_options(tmp_path):
    data = read(tmp_path, identitas=[
        ["IDENTITAS LAPORAN"],
        [],
        ["Nama SKPD", "Kecamatan Uji"],
        ["Pemda", "Kabupaten Contoh"],
        ["Tahun Anggaran", "2024"],
        ["Periode Renstra", "2021 - 2026"],
        ["Rumus Polaritas Negatif", "T/R"],
        ["Rumus Efisiensi", "Selisih"],
        ["Skala Kategori", "Permendagri 86"],
        ["Toleransi Rupiah", "1.000"],
    ])
    ident = data.identitas
    assert (ident.skpd, ident.pemda, ident.tahun, ident.periode) == (
        "Kecamatan Uji", "Kabupaten Contoh", 2024, (2021, 2026))
    assert (ident.rumus_polaritas_negatif, ident.rumus_efisiensi, ident.skala_kategori) == (
        "T/R", "Selisih", "Permendagri 86")
    assert ident.toleransi_rupiah == 1000
    assert ident.cells["tahun"] == Cell("Identitas", "B5")


@pytest.mark.parametrize("rows, cell", [
    ([["No", "Kunci", "Nilai"], [1, "SKPD", "Kecamatan Uji"], [2, "Tahun", 2024]], "C3"),
    ([["Kunci", None, "Nilai"], ["SKPD", ":", "Kecamatan Uji"], ["Tahun", ":", 2024]], "C3"),
    ([["SKPD :", "Kecamatan Uji"], ["Tahun Anggaran :", "2024"]], "B2"),
])
def test_identitas_numbered_rows_and_colon_separators(tmp_path, rows, cell):
    ident = read(tmp_path, identitas=rows).identitas
    assert (ident.skpd, ident.tahun) == ("Kecamatan Uji", 2024)
    assert ident.cells["tahun"] == Cell("Identitas", cell)


def test_identitas_defaults(tmp_path):
    ident = read(tmp_path).identitas
    assert (ident.rumus_polaritas_negatif, ident.rumus_efisiensi, ident.skala_kategori, ident.toleransi_rupiah) == (
        "(2T-R)/T", "PMK 249", "Berhasil", 1.0)


def test_identitas_unknown_option_is_a_finding(tmp_path):
    data = minimal()
    data["identitas"].append(["Rumus Efisiensi", "Rata-rata"])
    result = run(tmp_path, **data)
    f = next(f for f in result.findings if f.kode == "UNREADABLE_VALUE")
    assert (f.lembar, f.sel) == ("Identitas", "B7")
    assert "Rata-rata" in f.pesan
    assert result.data.identitas.rumus_efisiensi == "PMK 249"


@pytest.mark.parametrize("tahun", ["Tahun Anggaran 2024", "TA. 2024", "2024 (Murni)", "Tahun 2024"])
def test_the_year_as_offices_write_it(tmp_path, tahun):
    data = minimal()
    put(data["identitas"], "Tahun", "Nilai", tahun)
    assert read(tmp_path, **data).identitas.tahun == 2024


@pytest.mark.parametrize("tahun", [None, "dua ribu", "24", "2023-2024", "Tahun 2024 dan 2025", "RPJMD 2021-2026",
                                   "2024 lalu 100"])
def test_identitas_without_a_year_is_refused(tmp_path, tahun):
    data = minimal()
    put(data["identitas"], "Tahun", "Nilai", tahun)
    with pytest.raises(InputError, match="Tahun"):
        read(tmp_path, **data)


# ------------------------------------------------------------------ headers


def test_header_below_title_rows_and_merged_title(tmp_path):
    data = minimal()
    dpa = [["DOKUMEN PELAKSANAAN ANGGARAN"], ["Kecamatan Uji Tahun 2024"], [], *data["dpa"]]
    rows = by_code(read(tmp_path, dpa=sheet(dpa, merge=["A1:C1", "A2:C2"])).dpa)
    assert rows["7.01.02.2.01.0001"].amount.cell == Cell("DPA", "C10")
    assert rows["7.01.02.2.01.0001"].amount.value == 40 * M
    assert len(rows) == 10


def test_numbering_row_under_the_header_is_skipped(tmp_path):
    data = minimal()
    dpa = [data["dpa"][0], [1, 2, 3], *data["dpa"][1:]]
    real = [data["realisasi"][0], ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"], *data["realisasi"][1:]]
    result = run(tmp_path, dpa=dpa, realisasi=real)
    assert codes(result) == []
    assert len(result.data.dpa) == 10 and len(result.data.realisasi) == 10
    assert result.total_pagu == 250 * M


def test_two_row_header_target_merged_over_years(tmp_path):
    kinerja = [
        ["DATA KINERJA"],
        ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Target", None, None, "Realisasi", None],
        [None, None, None, None, None, 2023, 2024, 2025, "2023", "2024"],
        ["Tujuan", TUJUAN, None, IND_T, "Indeks", 80, 82, 84, 81, 83],
        ["Sasaran", None, SAS_A, IND_A, "%", 90, 95, 100, 92, 95],
        ["Sasaran", None, SAS_B, IND_B, "Desa", 10, 12, 14, 10, 12],
    ]
    merge = ["A1:J1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:H2", "I2:J2"]
    result = run(tmp_path, kinerja=sheet(kinerja, merge=merge))
    assert codes(result) == ["TABEL_KOSONG"]  # no IKU text: the IKU table is left out
    rows = result.data.indicators
    assert [r.indikator.value for r in rows] == [IND_T, IND_A, IND_B]
    assert {y: (v.value, v.cell.ref) for y, v in rows[1].targets.items()} == {
        2023: (90, "F5"), 2024: (95, "G5"), 2025: (100, "H5")}
    assert {y: (v.value, v.cell.ref) for y, v in rows[1].realisasi.items()} == {2023: (92, "I5"), 2024: (95, "J5")}


def test_two_row_header_without_merged_cells(tmp_path):
    kinerja = [
        ["Indikator", "Satuan", "Target", None, None, "Realisasi", None],
        [None, None, 2023, 2024, 2025, 2023, 2024],
        [IND_A, "%", 90, 95, 100, 92, 95],
    ]
    rows = read(tmp_path, kinerja=kinerja).indicators
    assert len(rows) == 1
    assert {y: v.value for y, v in rows[0].targets.items()} == {2023: 90, 2024: 95, 2025: 100}
    assert {y: v.value for y, v in rows[0].realisasi.items()} == {2023: 92, 2024: 95}
    assert rows[0].level == "sasaran"  # the default


def test_kinerja_column_synonyms(tmp_path):
    kinerja = [
        ["No", "Tujuan Strategis", "Sasaran Strategis", "Indikator Kinerja Utama", "Satuan", "Polaritas",
         "Target 2024", "Target PK", "Realisasi", "Capaian 2024", "Kategori", "Kab/Kota Lain", "RPJMN",
         "Makna", "Penanggung Jawab"],
        [1, TUJUAN, SAS_A, IND_A, "%", "Minimal", 95, 96, "93,67%", "100,5%", "Sangat Berhasil", "Tidak ada",
         "90 %", "Tingkat layanan", "Camat"],
    ]
    row = read(tmp_path, kinerja=kinerja).indicators[0]
    assert (row.tujuan.value, row.sasaran.value, row.indikator.value) == (TUJUAN, SAS_A, IND_A)
    assert row.polaritas == "negatif"
    assert row.targets[2024].value == 95 and row.target_pk.value == 96
    assert row.realisasi[2024].value == 93.67  # a plain `Realisasi` column is the report year
    assert row.capaian[2024].value == 100.5 and row.capaian[2024].cell.ref == "J2"
    assert row.kategori.value == "Sangat Berhasil"
    assert row.benchmarks["kab_kota_lain"].value == "Tidak ada"
    assert row.benchmarks["rpjmn"].value == "90 %"
    assert row.iku == {"makna": row.iku["makna"], "penanggung_jawab": row.iku["penanggung_jawab"]}
    assert row.iku["makna"].value == "Tingkat layanan"


@pytest.mark.parametrize("word, polaritas", [
    ("Positif", "positif"), ("+", "positif"), ("Maksimal", "positif"), ("Naik", "positif"), (None, "positif"),
    ("Negatif", "negatif"), ("-", "negatif"), ("−", "negatif"), ("Minimal", "negatif"), ("Turun", "negatif"),
])
def test_polaritas_words(tmp_path, word, polaritas):
    data = minimal()
    put(data["kinerja"], IND_A, "Polaritas", word)
    assert read(tmp_path, **data).indicators[1].polaritas == polaritas


def test_unknown_polaritas_is_a_finding(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Polaritas", "Sedang")
    result = run(tmp_path, **data)
    f = next(f for f in result.findings if f.kode == "UNREADABLE_VALUE")
    assert (f.lembar, f.sel) == ("Kinerja", "F3")
    assert result.data.indicators[1].polaritas == "positif"


def test_longest_synonym_wins(tmp_path):
    """`Target Keuangan` is the pagu (not `Target` = target kinerja); `Pagu Anggaran 2024 (Rp)` is the pagu."""
    dpa = [
        ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator", "Target", "Target Keuangan"],
        ["7.01.01.2.01.0001", "Penyediaan Gaji", "Jumlah orang", "22 Orang", 100 * M],
    ]
    row = read(tmp_path, dpa=dpa).dpa[0]
    assert row.amount.value == 100 * M and row.amount.cell.ref == "E2"
    assert row.target_kinerja.value == "22 Orang"
    assert row.uraian.value == "Penyediaan Gaji"

    dpa = [["Kode Rekening", "Uraian", "Target Kinerja", "Pagu Anggaran 2024 (Rp)"],
           ["7.01.01.2.01.0001", "Penyediaan Gaji", "22 Orang", "Rp. 100.000.000,00"]]
    row = read(tmp_path, dpa=dpa).dpa[0]
    assert row.amount.value == 100 * M and row.amount.cell.ref == "D2"
    assert row.target_kinerja.value == "22 Orang"


def test_realisasi_column_synonyms_and_bare_percent(tmp_path):
    real = [
        ["Kode", "Uraian", "Pagu Anggaran", "Realisasi (Rp)", "%", "Sisa Anggaran"],
        ["7.01.01.2.01.0001", "Penyediaan Gaji", 100 * M, 90 * M, "90,00", 10 * M],
    ]
    row = read(tmp_path, realisasi=real).realisasi[0]
    assert (row.pagu.value, row.amount.value, row.persen.value, row.sisa.value) == (100 * M, 90 * M, 90, 10 * M)
    assert (row.pagu.cell.ref, row.amount.cell.ref, row.persen.cell.ref, row.sisa.cell.ref) == ("C2", "D2", "E2", "F2")


@pytest.mark.parametrize("label", ["Rasio", "Rasio Capaian", "Persentase", "Serapan", "Serapan (%)"])
def test_percent_column_synonyms(tmp_path, label):
    data = minimal()
    data["realisasi"][0][4] = label
    result = run(tmp_path, **data)
    assert codes(result) == []
    assert result.data.realisasi[0].persen.value == 90


def test_labels_compare_after_normalising(tmp_path):
    dpa = [["KODE", "program / kegiatan / sub kegiatan", "  PAGU  "],
           ["7.01.01.2.01.0001", "Penyediaan Gaji", 100 * M]]
    row = read(tmp_path, dpa=dpa).dpa[0]
    assert row.uraian.value == "Penyediaan Gaji" and row.amount.value == 100 * M


# ------------------------------------------------------------------ codes, numbering, levels


def test_kode_split_over_adjacent_columns(tmp_path):
    dpa = [
        ["Kode", None, None, "Uraian", "Pagu"],
        ["7.01.01", None, None, "Program Penunjang Urusan Pemerintahan Daerah", 100 * M],
        ["7.01.01", "2.01", None, "Administrasi Keuangan Perangkat Daerah", 100 * M],
        ["7.01.01", "2.01", "0001", "Penyediaan Gaji dan Tunjangan ASN", 100 * M],
        ["7.01.02", None, None, "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", 150 * M],
        ["7.01.02", "2.01", None, "Pelayanan kepada Masyarakat", 100 * M],
        ["7.01.02", "2.01", "0001", "Pelayanan Administrasi Kependudukan", 40 * M],
        ["7.01.02", "2.01", "0002", "Pelayanan Perizinan", 60 * M],
        [None, "2.02", None, "Ketertiban Desa", 50 * M],  # parts left of it blank: still joined
        ["7.01.02", "2.02", "0001", "Pembinaan Ketertiban Desa", 50 * M],
    ]
    result = run(tmp_path, dpa=sheet(dpa, merge=["A1:C1"]))
    rows = by_code(result.data.dpa)
    assert set(rows) >= {"7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.02.2.01.0002"}
    assert rows["7.01.02.2.01.0002"].level == "sub_kegiatan"
    assert rows["7.01.02.2.01"].level == "kegiatan"
    assert rows["7.01.01"].level == "program"
    assert result.total_pagu == 250 * M


def test_kode_parts_typed_as_numbers_read_as_shown(tmp_path):
    """A part typed as a number reads as its format shows it: 2.01 with `0.00`, 1 with `0000` as 0001."""
    dpa = [
        ["Kode", None, None, "Uraian", "Pagu"],
        ["7.01.01", None, None, "Program Penunjang", 100],
        ["7.01.01", (2.01, "0.00"), None, "Administrasi Keuangan", 100],
        ["7.01.01", (2.01, "0.00"), (1, "0000"), "Penyediaan Gaji", 100],
        ["7.01.01", (2.1, "0.00"), (2, "0000"), "Penyediaan Tunjangan", 100],
    ]
    rows = read(tmp_path, dpa=sheet(dpa, merge=["A1:C1"])).dpa
    assert [r.kode for r in rows] == ["7.01.01", "7.01.01.2.01", "7.01.01.2.01.0001", "7.01.01.2.10.0002"]


def test_outline_numbering_without_codes(tmp_path):
    dpa = [
        ["No", "Uraian", "Pagu"],
        ["1.", "Program Penunjang", 100 * M],
        ["1.1", "Administrasi Keuangan", 100 * M],
        ["1.1.1", "Penyediaan Gaji", 100 * M],
        ["2.", "Program Pelayanan", 150 * M],
        ["2.1", "Pelayanan kepada Masyarakat", 100 * M],
        ["2.1.1", "Administrasi Kependudukan", 40 * M],
        ["2.1.2", "Perizinan", 60 * M],
        ["2.2", "Ketertiban Desa", 50 * M],
        ["2.2.1", "Pembinaan Ketertiban", 50 * M],
    ]
    real = [
        ["No.", "Program / Kegiatan / Sub Kegiatan", "Realisasi"],
        ["1.", "Program Penunjang", 90 * M],
        ["1.1", "Administrasi Keuangan", 90 * M],
        ["1.1.1", "Penyediaan Gaji", 90 * M],
        ["2.", "Program Pelayanan", 140 * M],
        ["2.1", "Pelayanan kepada Masyarakat", 95 * M],
        ["2.1.1", "Administrasi Kependudukan", 38 * M],
        ["2.1.2", "Perizinan", 57 * M],
        ["2.2", "Ketertiban Desa", 45 * M],
        ["2.2.1", "Pembinaan Ketertiban", 45 * M],
    ]
    pemetaan = [["Indikator", "No"], [IND_A, "2.1"], [IND_B, "2.2.1"]]
    result = run(tmp_path, dpa=dpa, realisasi=real, pemetaan=pemetaan)
    assert codes(result) == []  # 1.1.1 is under "Program Penunjang …": the supporting program, by its name
    assert [(n.nomor, n.level) for n in result.nodes][:3] == [
        ("1", "program"), ("1.1", "kegiatan"), ("1.1.1", "sub_kegiatan")]
    assert (result.total_pagu, result.total_realisasi) == (250 * M, 230 * M)
    a = result.indicators[1]
    assert (a.pagu, a.realisasi_anggaran) == (100 * M, 95 * M)


def test_level_column_and_join_by_name(tmp_path):
    dpa = [
        ["Level", "Uraian", "Pagu"],
        ["Program", "Program Penunjang", 100 * M],
        ["Kegiatan", "Administrasi Keuangan", 100 * M],
        ["Sub Kegiatan", "Penyediaan Gaji", 100 * M],
    ]
    real = [
        ["Level", "Uraian", "Realisasi"],
        ["Program", "PROGRAM PENUNJANG", 90 * M],
        ["Kegiatan", "Administrasi  Keuangan.", 90 * M],
        ["Sub Kegiatan", "penyediaan gaji", 90 * M],
    ]
    result = run(tmp_path, dpa=dpa, realisasi=real, pemetaan=None)
    assert [n.level for n in result.nodes] == ["program", "kegiatan", "sub_kegiatan"]
    assert result.nodes[2].realisasi == 90 * M
    assert not [c for c in codes(result) if c in ("UNMATCHED_ROW", "NAME_MISMATCH")]


def test_row_without_a_level_is_reported(tmp_path):
    data = minimal()
    # `7.01` would be a bidang urusan heading (SPEC §10.5); four segments fit no level
    data["dpa"].insert(4, ["7.01.01.2", "Urusan Pemerintahan Umum", 5 * M])
    result = run(tmp_path, **data)
    f = next(f for f in result.findings if f.kode == "UNREADABLE_VALUE")
    assert (f.lembar, f.sel) == ("DPA", "B5")
    assert result.total_pagu == 250 * M


def test_sub_heading_rows_without_amounts_are_ignored(tmp_path):
    data = minimal()
    data["dpa"].insert(1, [None, "URUSAN KECAMATAN", None])
    result = run(tmp_path, **data)
    assert codes(result) == []


def test_total_rows(tmp_path):
    data = minimal()
    put(data["realisasi"], "Total", "Uraian", "Total Anggaran / Realisasi / Rata-Rata Rasio Capaian")
    result = run(tmp_path, **data)
    tree = result.budget_issues
    assert [r.amount.value for r in tree.dpa_totals] == [250 * M]
    assert [(r.amount.value, r.label_cell.ref) for r in tree.realisasi_totals] == [(230 * M, "B11")]
    assert codes(result) == []


def test_akun_rows_under_a_sub_kegiatan(tmp_path):
    data = minimal()
    i = data["dpa"].index(next(r for r in data["dpa"] if r[0] == "7.01.02.2.02.0001"))
    data["dpa"][i + 1:i + 1] = [
        ["5.1.02", "Belanja Barang dan Jasa", 30 * M],  # an intermediate subtotal: a claim
        ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 20 * M],
        ["5.1.02.01.01.0026", "Belanja Bahan Cetak", 10 * M],
        ["5.2.02", "Belanja Modal Peralatan dan Mesin", 20 * M],
    ]
    result = run(tmp_path, **data)
    assert codes(result) == []
    sub = next(n for n in result.nodes if n.kode == "7.01.02.2.02.0001")
    assert [(a.kode, a.leaf, a.amount) for a in sub.akun] == [
        ("5.1.02", False, 30 * M), ("5.1.02.01.01.0024", True, 20 * M), ("5.1.02.01.01.0026", True, 10 * M),
        ("5.2.02", True, 20 * M)]
    assert sub.pagu == 50 * M
    assert result.total_pagu == 250 * M


def test_sub_kegiatan_value_is_the_sum_of_its_akun_leaves(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", 55 * M)  # stated 55, akun leaves say 50
    put(data["dpa"], "7.01.02.2.02", "Pagu", 55 * M)
    put(data["dpa"], "7.01.02", "Pagu", 155 * M)
    put(data["dpa"], "Jumlah", "Pagu", 255 * M)
    i = next(k for k, r in enumerate(data["dpa"]) if r[0] == "7.01.02.2.02.0001")
    data["dpa"][i + 1:i + 1] = [["5.1.02", "Belanja Barang dan Jasa", 31 * M],
                                ["5.1.02.01.01.0024", "ATK", 30 * M],
                                ["5.2.02", "Belanja Modal Peralatan dan Mesin", 20 * M]]
    result = run(tmp_path, **data)
    sub = next(n for n in result.nodes if n.kode == "7.01.02.2.02.0001")
    assert sub.pagu == 50 * M and result.total_pagu == 250 * M
    sums = sorted(f.sel for f in result.findings if f.kode == "SUM_MISMATCH")
    # program, kegiatan, sub kegiatan, the 5.1.02 subtotal and the total
    assert sums == ["C10", "C11", "C14", "C5", "C9"]


# ------------------------------------------------------------------ Kinerja rows


def test_tujuan_and_sasaran_fill_down_including_merged_cells(tmp_path):
    kinerja = [
        ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Target 2024", "Realisasi 2024"],
        ["Tujuan", TUJUAN, None, IND_T, "Indeks", 82, 83],
        ["Sasaran", None, SAS_A, IND_A, "%", 95, 95],
        ["Sasaran", None, None, "Persentase Pengaduan Ditangani", "%", 100, 100],  # blank: filled down
        ["Sasaran", None, SAS_B, IND_B, "Desa", 12, 12],
        ["Sasaran", None, None, "Jumlah Desa Tertib Administrasi", "Desa", 10, 10],  # merged with the row above
    ]
    rows = read(tmp_path, kinerja=sheet(kinerja, merge=["B2:B6", "C5:C6"])).indicators
    assert [(r.level, r.tujuan.value, r.sasaran.value if r.sasaran else None) for r in rows] == [
        ("tujuan", TUJUAN, None), ("sasaran", TUJUAN, SAS_A), ("sasaran", TUJUAN, SAS_A),
        ("sasaran", TUJUAN, SAS_B), ("sasaran", TUJUAN, SAS_B)]
    assert rows[4].sasaran.cell.ref in ("C5", "C6")


def test_new_tujuan_resets_the_sasaran(tmp_path):
    kinerja = [
        ["Tujuan", "Sasaran", "Indikator", "Target 2024", "Realisasi 2024"],
        ["Tujuan 1", "Sasaran 1", "Indikator 1", 1, 1],
        ["Tujuan 2", None, "Indikator 2", 1, 1],
    ]
    rows = read(tmp_path, kinerja=kinerja).indicators
    assert rows[1].tujuan.value == "Tujuan 2"
    assert rows[1].sasaran is None


@pytest.mark.parametrize("realisasi", [(0.9367, "0.00%"), 93.67, "93,67%", "93,67 %", "93,67"])
def test_percent_three_ways(tmp_path, realisasi):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", 100)
    put(data["kinerja"], IND_A, "Realisasi 2024", realisasi)
    result = run(tmp_path, **data)
    ind = result.indicators[1]
    assert ind.realisasi == 93.67
    assert ind.capaian == pytest.approx(93.67, abs=1e-12)
    assert ind.row.realisasi[2024].decimals == 2


@pytest.mark.parametrize("target", [(1.0, "0%"), 100, "100%", "100 %", (1, "0.00%")])
def test_hundred_percent_target_three_ways(tmp_path, target):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", target)
    ind = run(tmp_path, **data).indicators[1]
    assert ind.target == 100
    assert ind.capaian == 95


def test_unreadable_kinerja_value_keeps_its_cell(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Realisasi 2024", "dua belas")
    result = run(tmp_path, **data)
    f = next(f for f in result.findings if f.kode == "UNREADABLE_VALUE")
    assert (f.lembar, f.sel, f.tingkat) == ("Kinerja", "K4", "kesalahan")
    assert "dua belas" in f.pesan
    assert result.indicators[2].realisasi is None  # never silently zero


# ------------------------------------------------------------------ Komponen, Pemetaan, Dilaporkan, Skala


def test_komponen_rows_fill_down(tmp_path):
    komponen = [
        ["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
        [IND_T, 2024, "Semester I", "87,56", "rata-rata"],
        [None, None, "Semester II", (87.78, "0.00"), None],
    ]
    rows = read(tmp_path, komponen=komponen).komponen
    assert [(r.indikator.value, r.tahun, r.nilai.value, r.metode) for r in rows] == [
        (IND_T, 2024, 87.56, "rata-rata"), (IND_T, 2024, 87.78, "rata-rata")]
    assert rows[1].nilai.cell == Cell("Komponen", "D3")


def test_pemetaan_split_kode_and_filled_indikator(tmp_path):
    pemetaan = [
        ["Indikator", "Kode", None, None, "Nama Program / Kegiatan / Sub Kegiatan"],
        [IND_A, "7.01.02", "2.01", None, "Pelayanan kepada Masyarakat"],
        [None, "7.01.02", "2.02", "0001", "Pembinaan Ketertiban Desa"],
    ]
    rows = read(tmp_path, pemetaan=sheet(pemetaan, merge=["B1:D1"])).pemetaan
    assert [(r.indikator.value, r.kode, r.cell.ref) for r in rows] == [
        (IND_A, "7.01.02.2.01", "B2"), (IND_A, "7.01.02.2.02.0001", "B3")]


def test_dilaporkan_rows(tmp_path):
    dilaporkan = [
        ["Tabel", "Subjek", "Ukuran", "Nilai"],
        ["Tabel 3.13", "Total", "Pagu", "250.000.000"],
        [None, None, "Serapan", (0.92, "0.00%")],
        ["Tabel 3.2", IND_A, "Kategori", "Sangat Berhasil"],
    ]
    rows = read(tmp_path, dilaporkan=dilaporkan).dilaporkan
    assert [(k.tabel, k.subjek.value, k.ukuran.value) for k in rows] == [
        ("Tabel 3.13", "Total", "Pagu"), ("Tabel 3.13", "Total", "Serapan"), ("Tabel 3.2", IND_A, "Kategori")]
    assert rows[0].nilai.value == 250 * M
    assert (rows[1].nilai.value, rows[1].nilai.decimals, rows[1].nilai.cell.ref) == (92, 2, "D3")
    assert rows[2].nilai.value == "Sangat Berhasil"


def test_skala_rows(tmp_path):
    skala = [["Batas Bawah", "Kategori"], [90, "Baik Sekali"], [0, "Kurang"], [70, "Baik"]]
    rows = read(tmp_path, skala=skala).skala
    assert [(s.batas_bawah, s.kategori) for s in rows] == [(90, "Baik Sekali"), (70, "Baik"), (0, "Kurang")]


def test_belanja_rows(tmp_path):
    belanja = [
        ["REALISASI PER JENIS BELANJA"],
        ["Kode Rekening", "Uraian", "Pagu", "Realisasi", "%"],
        ["5.1", "Belanja Operasi", 250 * M, 230 * M, "92"],
        ["5.1.02", "Belanja Barang dan Jasa", 250 * M, 230 * M, "92"],
        [None, "Jumlah", 250 * M, 230 * M, None],
    ]
    rows = read(tmp_path, belanja=belanja).belanja
    assert [(r.kode, r.pagu.value, r.label_cell.ref) for r in rows] == [
        ("5.1", 250 * M, "B3"), ("5.1.02", 250 * M, "B4"), (None, 250 * M, "B5")]


# ------------------------------------------------------------------ cells


def test_every_value_keeps_its_sheet_and_cell(tmp_path):
    data = minimal()
    for role, name in (("kinerja", "IKU"), ("dpa", "Anggaran"), ("realisasi", "LRA")):
        data[role] = sheet(data[role], name=name)
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"], ["T", "Total", "Pagu", 250 * M]]
    parsed = read(tmp_path, **data)
    ind = parsed.indicators[2]
    assert ind.indikator.cell == Cell("IKU", "D4")
    assert ind.sasaran.cell == Cell("IKU", "C4")
    assert ind.satuan.cell == Cell("IKU", "E4")
    assert ind.targets[2025].cell == Cell("IKU", "I4")
    assert ind.realisasi[2024].cell == Cell("IKU", "K4")
    dpa = by_code(parsed.dpa)["7.01.02.2.01.0002"]
    assert (dpa.sheet, dpa.row, dpa.label_cell, dpa.amount.cell) == ("Anggaran", 8, Cell("Anggaran", "B8"),
                                                                     Cell("Anggaran", "C8"))
    real = by_code(parsed.realisasi)["7.01.02.2.01.0002"]
    assert (real.pagu.cell, real.amount.cell, real.persen.cell, real.sisa.cell) == (
        Cell("LRA", "C8"), Cell("LRA", "D8"), Cell("LRA", "E8"), Cell("LRA", "F8"))
    assert [p.cell for p in parsed.pemetaan] == [Cell("Pemetaan", "B2"), Cell("Pemetaan", "B3")]
    assert parsed.dilaporkan[0].nilai.cell == Cell("Dilaporkan", "D2")
    assert parsed.dilaporkan[0].subjek.cell == Cell("Dilaporkan", "B2")


def test_lkip_table_columns_are_not_mistaken_for_inputs(tmp_path):
    """`Target Akhir Renstra` is not the PK target, `Capaian Akhir Renstra` not the report year's capaian."""
    data = minimal()
    data["kinerja"][0] += ["Target Akhir Renstra", "Capaian Akhir Renstra (%)", "Realisasi Anggaran (Rp)",
                           "Serapan Anggaran (%)", "Capaian 2024 (%)"]
    for row in data["kinerja"][1:]:
        row += [999, 50, 123 * M, 92, None]
    result = run(tmp_path, **data)
    assert codes(result) == []
    rows = result.data.indicators
    assert [r.target_pk for r in rows] == [None, None, None]
    assert [r.capaian for r in rows] == [{}, {}, {}]
    assert [r.realisasi[2024].value for r in rows] == [83, 95, 12]
    assert [i.target for i in result.indicators] == [82, 95, 12]


def test_tabel_3_14_layout_keuangan_columns_are_not_the_indicator_target(tmp_path):
    """`Kinerja 2024 | Target Realisasi Capaian` beside `Keuangan 2024 | Target Realisasi Capaian`."""
    kinerja = [
        ["Sasaran", "Indikator", "Kinerja 2024", None, None, "Keuangan 2024", None, None, "Efisiensi"],
        [None, None, "Target", "Realisasi", "Capaian", "Target", "Realisasi", "Capaian", None],
        [SAS_A, IND_A, 95, 95, "100%", 100 * M, 95 * M, "95%", "5%"],
        [SAS_B, IND_B, 12, 12, "100%", 50 * M, 45 * M, "90%", "10%"],
    ]
    result = run(tmp_path, kinerja=sheet(kinerja, merge=["A1:A2", "B1:B2", "C1:E1", "F1:H1", "I1:I2"]))
    assert codes(result) == ["TABEL_KOSONG"] * 2  # no IKU text, no tujuan: both tables left out
    rows = result.data.indicators
    assert [(r.targets[2024].cell.ref, r.realisasi[2024].cell.ref, r.capaian[2024].cell.ref) for r in rows] == [
        ("C3", "D3", "E3"), ("C4", "D4", "E4")]
    assert [r.target_pk for r in rows] == [None, None]
    assert [i.capaian for i in result.indicators] == [100, 100]


def test_kinerja_columns_with_no_year_are_the_report_years_pk(tmp_path):
    """SPEC §10.14: `Target | Realisasi | Capaian (%)` with no year, as the PermenPANRB 53/2014 Formulir
    Pengukuran Kinerja prints them, are the report year's PK target, realisasi and stated capaian."""
    kinerja = [
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        [1, SAS_A, IND_A, "%", 95, "93,67", "98,6"],
    ]
    row = read(tmp_path, kinerja=kinerja).indicators[0]
    assert row.indikator.value == IND_A
    assert row.target_pk.value == 95 and row.target_pk.cell.ref == "E2" and row.targets == {}
    assert row.realisasi[2024].value == 93.67 and row.realisasi[2024].cell.ref == "F2"
    assert row.capaian[2024].value == 98.6 and row.capaian[2024].cell.ref == "G2"


def test_the_budget_after_a_cut_wins_over_murni_whatever_year_it_carries(tmp_path):
    """SPEC §10.18: an Inpres 1/2025 cut. `Pagu APBD Murni 2025` beside `Pagu Setelah Efisiensi`: the
    budget in force is the one after the cut, although only the Murni label carries the report year."""
    data = minimal()
    data["identitas"][3] = ["Tahun", 2025]
    dpa = [["Kode", "Uraian", "Pagu APBD Murni 2025", "Pagu Setelah Efisiensi"]]
    for row in data["dpa"][1:]:
        dpa.append([row[0], row[1], row[2] + 10 * M if row[2] else row[2], row[2]])
    data["dpa"] = dpa
    result = run(tmp_path, **data)
    assert result.total_pagu == 250 * M
    ambiguous = [f for f in result.findings if f.kode == "AMBIGUOUS_COLUMN" and f.lembar == "DPA"]
    assert ambiguous and "Setelah Efisiensi" in ambiguous[0].pesan


@pytest.mark.parametrize("before, after", [("Pagu Awal", "Pagu Setelah Pergeseran"),
                                           ("Anggaran Awal 2025", "Anggaran Sesudah Refocusing"),
                                           ("Pagu Murni", "Pagu Perubahan")])
def test_after_the_cut_wins_over_awal_and_murni(tmp_path, before, after):
    """SPEC §10.18: `Awal` is the budget before the cut like `Murni` / `Sebelum`; `Sesudah Refocusing`
    is after it. The before column holds 10 M more per row: reading it would give a pagu above 250 M."""
    data = minimal()
    data["identitas"][3] = ["Tahun", 2025]
    dpa = [["Kode", "Uraian", before, after]]
    for row in data["dpa"][1:]:
        dpa.append([row[0], row[1], row[2] + 10 * M if row[2] else row[2], row[2]])
    data["dpa"] = dpa
    result = run(tmp_path, **data)
    assert result.total_pagu == 250 * M
    ambiguous = [f for f in result.findings if f.kode == "AMBIGUOUS_COLUMN" and f.lembar == "DPA"]
    assert ambiguous and after in ambiguous[0].pesan


def _simda_split(rows: list[list], labels: list[str]) -> list[list]:
    """A budget sheet as SIMDA prints it: `Kode` merged over five columns with the code's parts as sub labels
    (`Urusan | Bidang | Program | Kegiatan | Sub`), each part in its own column."""
    head, *body = rows
    out = [["Kode", None, None, None, None, *head[1:]], [*labels, *([None] * (len(head) - 1))]]
    for kode, *rest in body:
        parts = (kode or "").split(".")
        cols = [parts[0] if parts[0] else None, *(parts[1:3] + [None] * (2 - len(parts[1:3]))),
                ".".join(parts[3:5]) or None, parts[5] if len(parts) > 5 else None]
        out.append([*cols, *rest])
    return out


@pytest.mark.parametrize("labels", [["Urusan", "Bidang", "Program", "Kegiatan", "Sub"],
                                    ["Urusan", "Bidang", "Prog", "Keg", "Sub Keg"]])
def test_a_simda_code_split_under_one_kode_label_is_one_code(tmp_path, labels):
    """A Bappeda reviewer's SIMDA export read as Rp0: the sub labels `Program`, `Kegiatan` under the merged
    `Kode` are the code's parts, not fields of their own; the five columns are one code."""
    data = minimal()
    data["dpa"] = sheet(_simda_split(data["dpa"], labels), merge=["A1:E1"])
    data["realisasi"] = sheet(_simda_split(data["realisasi"], labels), merge=["A1:E1"])
    result = run(tmp_path, **data)
    assert (result.total_pagu, result.total_realisasi) == (250 * M, 230 * M)
    assert {n.kode for n in result.nodes if n.level == "sub_kegiatan"} == {
        "7.01.01.2.01.0001", "7.01.02.2.01.0001", "7.01.02.2.01.0002", "7.01.02.2.02.0001"}
    assert not [f for f in result.findings if f.tingkat == "kesalahan"], result.findings
