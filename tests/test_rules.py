"""The arithmetic of SPEC §4: capaian, komponen, budget per indicator, efisiensi, kategori, jenis belanja."""
from __future__ import annotations

import json
import math
import re
import zipfile

import pytest
from builder import IND_A, IND_B, IND_T, M, minimal, put, run

from lkip_xl.report import build_report
from lkip_xl.rules.kinerja import SCALES, capaian, efisiensi, kategori, nilai_efisiensi
from lkip_xl.writer import write_workbook


def indicator(result, name):
    return next(i for i in result.indicators if i.nama == name)


# ------------------------------------------------------------------ capaian


def test_capaian_positive():
    assert capaian(87.65, 87.67, "positif", "(2T-R)/T") == pytest.approx(100.02281802624073)
    assert capaian(70, 70, "positif", "(2T-R)/T") == 100


@pytest.mark.parametrize("rumus, expected", [("(2T-R)/T", 80.0), ("T/R", 1000 / 12)])
def test_capaian_negative_both_formulas(rumus, expected):
    # target 10 % gangguan, realisasi 12 %: worse than the target either way
    assert capaian(10, 12, "negatif", rumus) == pytest.approx(expected)
    assert capaian(10, 8, "negatif", rumus) > 100


@pytest.mark.parametrize("target, realisasi", [(0, 5), (None, 5), (5, None)])
def test_capaian_without_target_or_realisasi(target, realisasi):
    assert capaian(target, realisasi, "positif", "(2T-R)/T") is None
    assert capaian(target, realisasi, "negatif", "T/R") is None


def test_capaian_negative_t_over_r_with_zero_realisasi():
    assert capaian(10, 0, "negatif", "T/R") is None
    assert capaian(10, 0, "negatif", "(2T-R)/T") == 200


def test_capaian_in_the_workbook_positive_and_against_the_end_target(tmp_path):
    result = run(tmp_path)
    t = indicator(result, IND_T)
    assert (t.target, t.realisasi) == (82, 83)
    assert t.capaian == pytest.approx(83 / 82 * 100)
    assert (t.tahun_akhir, t.target_akhir) == (2025, 84)
    assert t.capaian_akhir == pytest.approx(83 / 84 * 100)
    assert t.realisasi_by_year == {2023: 81, 2024: 83}
    assert t.capaian_by_year[2023] == pytest.approx(81 / 80 * 100)


def test_end_target_without_periode_is_the_last_target_year(tmp_path):
    data = minimal()
    data["identitas"] = [r for r in data["identitas"] if r[0] != "Periode Renstra"]
    t = indicator(run(tmp_path, **data), IND_T)
    assert (t.tahun_akhir, t.target_akhir) == (2025, 84)


def test_end_target_is_the_periode_end_even_when_later_columns_exist(tmp_path):
    data = minimal()
    put(data["identitas"], "Periode Renstra", "Nilai", "2021-2024")
    t = indicator(run(tmp_path, **data), IND_T)
    assert (t.tahun_akhir, t.target_akhir, t.capaian_akhir) == (2024, 82, t.capaian)


@pytest.mark.parametrize("rumus, expected", [(None, (2 * 10 - 12) / 10 * 100), ("T/R", 10 / 12 * 100),
                                             ("(2T-R)/T", (2 * 10 - 12) / 10 * 100)])
def test_capaian_negative_in_the_workbook(tmp_path, rumus, expected):
    data = minimal()
    put(data["kinerja"], IND_B, "Polaritas", "Negatif")
    for year, (t, r) in {2023: (14, 14), 2024: (10, 12), 2025: (8, None)}.items():
        put(data["kinerja"], IND_B, f"Target {year}", t)
        if r is not None:
            put(data["kinerja"], IND_B, f"Realisasi {year}", r)
    if rumus:
        data["identitas"].append(["Rumus Polaritas Negatif", rumus])
    b = indicator(run(tmp_path, **data), IND_B)
    assert b.capaian == pytest.approx(expected)
    expected_end = (2 * 8 - 12) / 8 * 100 if rumus != "T/R" else 8 / 12 * 100
    assert b.capaian_akhir == pytest.approx(expected_end)


@pytest.mark.parametrize("target", [0, None, "-"])
def test_zero_or_missing_target_gives_no_capaian_but_keeps_the_rest(tmp_path, target):
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2024", target)
    b = indicator(run(tmp_path, **data), IND_B)
    assert b.capaian is None and b.kategori is None and b.efisiensi is None
    assert b.capaian_akhir == pytest.approx(12 / 14 * 100)  # SPEC §9.10
    assert b.capaian_by_year[2023] == 100
    assert b.serapan == 90  # the budget is still known


def test_pk_target_wins_over_the_renstra_target(tmp_path):
    data = minimal()
    data["kinerja"][0].append("Target PK")
    put(data["kinerja"], IND_B, "Target PK", 15)
    b = indicator(run(tmp_path, **data), IND_B)
    assert b.target == 15 and b.capaian == pytest.approx(80)


# ------------------------------------------------------------------ Komponen


def komponen(*rows):
    return [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"], *rows]


def test_komponen_rata_rata(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_T, "Realisasi 2024", "87,67")
    put(data["kinerja"], IND_T, "Target 2024", "87,65")
    data["komponen"] = komponen([IND_T, 2024, "Semester I", (87.56, "0.00"), "rata-rata"],
                                [IND_T, 2024, "Semester II", (87.78, "0.00"), None])
    result = run(tmp_path, **data)
    t = indicator(result, IND_T)
    assert t.realisasi == pytest.approx(87.67) and t.realisasi_source == "komponen"
    assert "COMPONENT_MISMATCH" not in [f.kode for f in result.findings]


def test_komponen_jumlah(tmp_path):
    data = minimal()
    data["komponen"] = komponen([IND_B, 2024, "Kecamatan Utara", 5, "jumlah"], [None, None, "Kecamatan Selatan", 7, None])
    b = indicator(run(tmp_path, **data), IND_B)
    assert b.realisasi == 12 and b.komponen == {2024: 12}


def test_komponen_pembilang_penyebut(tmp_path):
    data = minimal()
    data["komponen"] = komponen(
        [IND_A, 2024, "Layanan tepat waktu Sem I", 40, "pembilang"],
        [IND_A, 2024, "Seluruh layanan Sem I", 50, "penyebut"],
        [IND_A, 2024, "Layanan tepat waktu Sem II", 55, "pembilang"],
        [IND_A, 2024, "Seluruh layanan Sem II", 50, "penyebut"],
        # the next indicator starts over: it does not inherit `penyebut`
        [IND_B, 2024, "Semester I", 6, None],
        [None, None, "Semester II", 18, None],
    )
    result = run(tmp_path, **data)
    assert indicator(result, IND_A).realisasi == pytest.approx(95)  # (40 + 55) / (50 + 50) × 100
    assert indicator(result, IND_B).realisasi == pytest.approx(12)  # rata-rata by default


def test_komponen_of_an_earlier_year(tmp_path):
    data = minimal()
    data["komponen"] = komponen([IND_T, 2023, "Semester I", 80, "rata-rata"], [IND_T, 2023, "Semester II", 82, None])
    t = indicator(run(tmp_path, **data), IND_T)
    assert t.realisasi_by_year == {2023: 81, 2024: 83}
    assert t.realisasi_source == "kinerja"


# ------------------------------------------------------------------ budget per indicator


def test_budget_per_indicator_from_pemetaan(tmp_path):
    result = run(tmp_path)
    a, b = indicator(result, IND_A), indicator(result, IND_B)
    assert [n.kode for n in a.supports] == ["7.01.02.2.01.0001", "7.01.02.2.01.0002"]  # the kegiatan's subs
    assert (a.pagu, a.realisasi_anggaran, a.serapan) == (100 * M, 95 * M, 95)
    assert (b.pagu, b.realisasi_anggaran, b.serapan) == (50 * M, 45 * M, 90)


def test_program_stands_for_all_its_subs_and_subs_count_once(tmp_path):
    data = minimal()
    data["pemetaan"] = [["Indikator", "Kode"],
                        [IND_A, "7.01.02"],
                        [IND_A, "7.01.02.2.01.0001"],  # already under the program
                        [IND_A, "7.01.02.2.02"],  # and so is this kegiatan
                        [IND_B, "7.01.02.2.02.0001"],
                        [IND_B, "7.01.02.2.02.0001"]]  # twice
    result = run(tmp_path, **data)
    a, b = indicator(result, IND_A), indicator(result, IND_B)
    assert [n.kode for n in a.supports] == ["7.01.02.2.01.0001", "7.01.02.2.01.0002", "7.01.02.2.02.0001"]
    assert (a.pagu, a.realisasi_anggaran) == (150 * M, 140 * M)
    assert (b.pagu, b.realisasi_anggaran) == (50 * M, 45 * M)


def test_tujuan_without_pemetaan_rows_is_the_whole_budget(tmp_path):
    t = indicator(run(tmp_path), IND_T)
    assert t.whole_budget
    assert (t.pagu, t.realisasi_anggaran, t.serapan) == (250 * M, 230 * M, 92)


def test_tujuan_with_pemetaan_rows_uses_them(tmp_path):
    data = minimal()
    data["pemetaan"].append([IND_T, "7.01.01"])
    t = indicator(run(tmp_path, **data), IND_T)
    assert not t.whole_budget
    assert (t.pagu, t.realisasi_anggaran) == (100 * M, 90 * M)


def test_sasaran_without_pemetaan_rows_has_no_budget(tmp_path):
    data = minimal()
    data["pemetaan"] = [r for r in data["pemetaan"] if r[0] != IND_B]
    b = indicator(run(tmp_path, **data), IND_B)
    assert (b.supports, b.pagu, b.serapan, b.efisiensi) == (None, None, None, None)


# ------------------------------------------------------------------ efisiensi


def test_efisiensi_formulas():
    assert efisiensi(100.0228, 99.5472, "PMK 249") == pytest.approx((1 - 99.5472 / 100.0228) * 100)
    assert efisiensi(100, 95, "Selisih") == 5
    assert efisiensi(80, 95, "PMK 249") == pytest.approx(-18.75)
    assert efisiensi(0, 95, "PMK 249") is None
    assert efisiensi(None, 95, "PMK 249") is None
    assert efisiensi(100, None, "Selisih") is None


def test_efisiensi_pmk_249_in_the_workbook(tmp_path):
    result = run(tmp_path)
    a, b, t = indicator(result, IND_A), indicator(result, IND_B), indicator(result, IND_T)
    assert a.efisiensi == pytest.approx(5)  # (1 - 95 / 100) × 100
    assert b.efisiensi == pytest.approx(10)  # (1 - 90 / 100) × 100
    assert t.efisiensi == pytest.approx((1 - 92 / (83 / 82 * 100)) * 100)  # own efisiensi, not in E
    assert result.efisiensi_rata_rata == pytest.approx(7.5)  # sasaran only
    assert result.nilai_efisiensi == pytest.approx(50 + 7.5 / 20 * 50)


def test_efisiensi_selisih_in_the_workbook(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Realisasi 2024", 99)  # capaian 99 / 95 × 100
    data["identitas"] = {"Rumus Efisiensi": "Selisih"}
    result = run(tmp_path, **data)
    assert result.data.identitas.skpd == "Kecamatan Uji"
    a = indicator(result, IND_A)
    assert a.efisiensi == pytest.approx(99 / 95 * 100 - 95)
    assert result.efisiensi_rata_rata == pytest.approx((a.efisiensi + 10) / 2)


def test_efisiensi_uses_the_polarity_aware_capaian(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Polaritas", "Negatif")
    for year, t in {2023: 14, 2024: 12, 2025: 10}.items():
        put(data["kinerja"], IND_B, f"Target {year}", t)
    put(data["kinerja"], IND_B, "Realisasi 2024", 9)  # better than 12: capaian (24 - 9) / 12 = 125 %
    b = indicator(run(tmp_path, **data), IND_B)
    assert b.capaian == pytest.approx(125)
    assert b.efisiensi == pytest.approx((1 - 90 / 125) * 100)


def test_e_is_the_mean_over_sasaran_indicators_with_a_budget(tmp_path):
    data = minimal()
    data["pemetaan"] = [r for r in data["pemetaan"] if r[0] != IND_B]
    result = run(tmp_path, **data)
    assert result.efisiensi_rata_rata == pytest.approx(5)  # A only: B has no budget, the tujuan never counts
    assert result.nilai_efisiensi == pytest.approx(62.5)


def test_e_without_any_budgeted_sasaran(tmp_path):
    result = run(tmp_path, pemetaan=[["Indikator", "Kode"]])
    assert result.efisiensi_rata_rata is None and result.nilai_efisiensi is None


@pytest.mark.parametrize("e, nilai", [(0, 50), (7.5, 68.75), (20, 100), (35, 100), (-20, 0), (-50, 0), (-4, 40)])
def test_nilai_efisiensi_clamped(e, nilai):
    assert nilai_efisiensi(e) == pytest.approx(nilai)


def test_nilai_efisiensi_none():
    assert nilai_efisiensi(None) is None


# ------------------------------------------------------------------ kategori


@pytest.mark.parametrize("capaian_pct, expected", [
    (150, "Sangat Berhasil"), (100, "Sangat Berhasil"), (99.999, "Berhasil"), (75, "Berhasil"),
    (74.99, "Cukup Berhasil"), (55, "Cukup Berhasil"), (54.999, "Kurang Berhasil"), (0, "Kurang Berhasil"),
    (-10, "Kurang Berhasil"), (None, None),
])
def test_kategori_berhasil(capaian_pct, expected):
    assert kategori(capaian_pct, SCALES["Berhasil"]) == expected


@pytest.mark.parametrize("capaian_pct, expected", [
    (120, "Sangat Tinggi"), (91, "Sangat Tinggi"), (90.999, "Tinggi"), (76, "Tinggi"), (75.99, "Sedang"),
    (66, "Sedang"), (65.9, "Rendah"), (51, "Rendah"), (50.99, "Sangat Rendah"), (0, "Sangat Rendah"),
])
def test_kategori_permendagri_86(capaian_pct, expected):
    assert kategori(capaian_pct, SCALES["Permendagri 86"]) == expected


def test_kategori_scale_chosen_in_identitas(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Realisasi 2024", "10,92")  # 91 %
    data["identitas"].append(["Skala Kategori", "Permendagri 86"])
    result = run(tmp_path, **data)
    assert indicator(result, IND_B).capaian == pytest.approx(91)
    assert indicator(result, IND_B).kategori == "Sangat Tinggi"
    assert indicator(result, IND_A).kategori == "Sangat Tinggi"


def test_kategori_default_scale_in_the_workbook(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Realisasi 2024", 9)  # 75 %
    result = run(tmp_path, **data)
    assert indicator(result, IND_B).kategori == "Berhasil"
    assert indicator(result, IND_A).kategori == "Sangat Berhasil"


def test_skala_sheet_overrides_both_scales(tmp_path):
    data = minimal()
    data["identitas"].append(["Skala Kategori", "Permendagri 86"])
    data["skala"] = [["Batas Bawah", "Kategori"], [100, "Memuaskan"], [80, "Baik"], [0, "Perlu Perbaikan"]]
    put(data["kinerja"], IND_B, "Realisasi 2024", "9,6")  # 80 %
    put(data["kinerja"], IND_T, "Realisasi 2024", 40)  # below every bound: the lowest band is open below
    result = run(tmp_path, **data)
    assert [indicator(result, n).kategori for n in (IND_T, IND_A, IND_B)] == [
        "Perlu Perbaikan", "Memuaskan", "Baik"]
    assert result.skala[0] == (100, "Memuaskan")


# ------------------------------------------------------------------ jenis belanja


def with_akun(data, akun_dpa, akun_real):
    """Insert akun rows under sub kegiatan in DPA and Realisasi; {sub code: [(kode, uraian, amount)]}."""
    for key, rows, amount_cols in (("dpa", akun_dpa, 1), ("realisasi", akun_real, 2)):
        sheet_rows = data[key]
        for sub, lines in rows.items():
            i = next(k for k, r in enumerate(sheet_rows) if r[0] == sub)
            new = []
            for kode, uraian, amount in lines:
                row = [kode, uraian] + [None] * (len(sheet_rows[0]) - 2)
                row[sheet_rows[0].index("Pagu" if key == "dpa" else "Realisasi")] = amount
                new.append(row)
            sheet_rows[i + 1:i + 1] = new
    return data


AKUN_DPA = {
    "7.01.01.2.01.0001": [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 100 * M)],
    "7.01.02.2.01.0001": [("5.1.02", "Belanja Barang dan Jasa", 40 * M),
                          ("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 25 * M),
                          ("5.1.02.01.01.0026", "Belanja Bahan Cetak", 15 * M)],
    "7.01.02.2.01.0002": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 50 * M),
                          ("5.2.02.05.01.0001", "Belanja Modal Mebel", 10 * M)],
    "7.01.02.2.02.0001": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 20 * M),
                          ("5.2.05.01.01.0001", "Belanja Modal Bahan Perpustakaan", 30 * M)],
}
AKUN_REAL = {
    "7.01.01.2.01.0001": [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 90 * M)],
    "7.01.02.2.01.0001": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 24 * M),
                          ("5.1.02.01.01.0026", "Belanja Bahan Cetak", 14 * M)],
    "7.01.02.2.01.0002": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 48 * M),
                          ("5.2.02.05.01.0001", "Belanja Modal Mebel", 9 * M)],
    "7.01.02.2.02.0001": [("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 20 * M),
                          ("5.2.05.01.01.0001", "Belanja Modal Bahan Perpustakaan", 25 * M)],
}


def test_jenis_belanja_from_akun_rows(tmp_path):
    data = with_akun(minimal(), AKUN_DPA, AKUN_REAL)
    result = run(tmp_path, **data)
    assert [f.kode for f in result.findings] == []
    assert result.belanja_source == "akun"
    got = {g.kode: (g.pagu, g.realisasi, g.kelompok) for g in result.belanja}
    assert got == {
        "5.1": (210 * M, 196 * M, True),
        "5.1.01": (100 * M, 90 * M, False),
        "5.1.02": (110 * M, 106 * M, False),  # the 5.1.02 subtotal row is not counted twice
        "5.2": (40 * M, 34 * M, True),
        "5.2.02": (10 * M, 9 * M, False),
        "5.2.05": (30 * M, 25 * M, False),
    }
    assert [g.kode for g in result.belanja] == ["5.1", "5.1.01", "5.1.02", "5.2", "5.2.02", "5.2.05"]
    names = {g.kode: g.uraian for g in result.belanja}
    assert names["5.1"] == "Belanja Operasi" and names["5.2.05"] == "Belanja Modal Aset Tetap Lainnya"
    assert names["5.1.02"] == "Belanja Barang dan Jasa"
    assert next(g for g in result.belanja if g.kode == "5.2").serapan == pytest.approx(85)


def test_jenis_belanja_from_the_belanja_sheet(tmp_path):
    belanja = [
        ["Kode", "Uraian", "Pagu", "Realisasi", "%"],
        ["5.1", "Belanja Operasi", 210 * M, 196 * M, None],
        ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M, "90,00"],
        ["5.1.02", "Belanja Barang dan Jasa", 110 * M, 106 * M, None],
        ["5.2", "Belanja Modal", 40 * M, 34 * M, None],
        ["5.2.02", "Belanja Modal Peralatan dan Mesin", 10 * M, 9 * M, None],
        ["5.2.05", "Belanja Modal Aset Tetap Lainnya", 30 * M, 25 * M, None],
        [None, "Jumlah", 250 * M, 230 * M, "92"],
    ]
    result = run(tmp_path, belanja=belanja)
    assert [f.kode for f in result.findings] == []
    assert result.belanja_source == "sheet"
    got = {g.kode: (g.pagu, g.realisasi) for g in result.belanja}
    assert got == {"5.1": (210 * M, 196 * M), "5.1.01": (100 * M, 90 * M), "5.1.02": (110 * M, 106 * M),
                   "5.2": (40 * M, 34 * M), "5.2.02": (10 * M, 9 * M), "5.2.05": (30 * M, 25 * M)}


def test_jenis_belanja_groups_are_summed_from_leaves_not_stated_groups(tmp_path):
    belanja = [
        ["Kode", "Uraian", "Pagu", "Realisasi"],
        ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M],
        ["5.1.02", "Belanja Barang dan Jasa", 150 * M, 140 * M],
    ]
    result = run(tmp_path, belanja=belanja)
    got = {g.kode: (g.pagu, g.realisasi) for g in result.belanja}
    assert got == {"5.1": (250 * M, 230 * M), "5.1.01": (100 * M, 90 * M), "5.1.02": (150 * M, 140 * M)}


def test_akun_rows_win_over_the_belanja_sheet(tmp_path):
    data = with_akun(minimal(), AKUN_DPA, AKUN_REAL)
    data["belanja"] = [["Kode", "Uraian", "Pagu", "Realisasi"], ["5.1.02", "Belanja Barang dan Jasa", 1, 1]]
    result = run(tmp_path, **data)
    assert result.belanja_source == "akun"
    assert {g.kode for g in result.belanja} == {"5.1", "5.1.01", "5.1.02", "5.2", "5.2.02", "5.2.05"}


def test_no_jenis_belanja_without_akun_rows_or_sheet(tmp_path):
    result = run(tmp_path)
    assert (result.belanja, result.belanja_source) == ([], None)


# ------------------------------------------------------------------ rollups


def test_rollups_are_computed_from_the_leaves(tmp_path):
    data = minimal()
    for key in ("7.01.02", "7.01.02.2.01"):  # stated subtotals never count
        put(data["dpa"], key, "Pagu", 1)
        put(data["realisasi"], key, "Realisasi", 1)
    result = run(tmp_path, **data)
    nodes = {n.kode: n for n in result.nodes}
    assert (nodes["7.01.02"].pagu, nodes["7.01.02"].realisasi) == (150 * M, 140 * M)
    assert (nodes["7.01.02.2.01"].pagu, nodes["7.01.02.2.01"].realisasi) == (100 * M, 95 * M)
    assert nodes["7.01.02"].sisa == 10 * M
    assert nodes["7.01.02"].serapan == pytest.approx(140 / 150 * 100)
    assert (result.total_pagu, result.total_realisasi, result.total_sisa, result.total_serapan) == (
        250 * M, 230 * M, 20 * M, 92)


def test_kategori_compares_like_excel_at_15_significant_digits(tmp_path):
    """Rata-rata(89,97; 90,11) = 90,04 is 90.03999999999999 in floating point: capaian 100 %, not 99,99…"""
    assert kategori(99.99999999999999, SCALES["Berhasil"]) == "Sangat Berhasil"
    assert kategori(90.99999999999999, SCALES["Permendagri 86"]) == "Sangat Tinggi"
    assert kategori(99.9999999999, SCALES["Berhasil"]) == "Berhasil"
    data = minimal()
    put(data["kinerja"], IND_T, "Target 2024", "90,04")
    put(data["kinerja"], IND_T, "Target 2025", "91")
    put(data["kinerja"], IND_T, "Realisasi 2024", "90,04")
    data["komponen"] = komponen([IND_T, 2024, "Semester I", "89,97", "rata-rata"],
                                [IND_T, 2024, "Semester II", "90,11", None])
    result = run(tmp_path, **data)
    t = indicator(result, IND_T)
    assert t.capaian < 100  # binary floating point …
    assert t.kategori == "Sangat Berhasil"  # … but 100 % to Excel and to the reader
    assert [f.kode for f in result.findings] == []


# ------------------------------------------------------------------ every figure finite (JSON and workbook)


def hostile_inputs():
    data = minimal()
    put(data["dpa"], "7.01.01.2.01.0001", "Pagu", 1e308)  # 1e308 + 1e308 once summed to inf
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", 1e308)
    put(data["realisasi"], "7.01.02.2.01.0001", "Realisasi", "1" * 400)
    put(data["kinerja"], IND_A, "Target 2024", 1e-310)  # capaian overflows
    put(data["kinerja"], IND_B, "Target 2024", 1e15)
    put(data["kinerja"], IND_B, "Realisasi 2024", 1e-300)  # efisiensi overflows
    put(data["kinerja"], IND_T, "Realisasi 2024", "inf")
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_T, 2023, "a", 1e15, "pembilang"], [IND_T, 2023, "b", 1e-300, "penyebut"]]
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"], ["3.4", IND_A, "Capaian", "0," + "9" * 450],
                          ["3.13", "Total", "Pagu", 1e308], ["3.13", "Total", "Serapan", "NaN"]]
    return data


def test_report_json_is_strict_json_on_hostile_inputs(tmp_path):
    result = run(tmp_path, **hostile_inputs())
    text = json.dumps(build_report(result), allow_nan=False)  # raises on Infinity / NaN
    assert all(math.isfinite(x) for x in _numbers(json.loads(text)))


def test_workbook_never_caches_inf_or_nan(tmp_path):
    result = run(tmp_path, **hostile_inputs())
    out = tmp_path / "out.xlsx"
    write_workbook(result, str(out))
    with zipfile.ZipFile(out) as z:
        for name in z.namelist():
            if name.startswith("xl/worksheets/"):
                xml = z.read(name).decode("utf-8")
                # a cached number inf / nan (a cached sentence may well say "Layanan" or "informasi")
                assert not re.search(r"<v>\s*[-+]?(inf|infinity|nan)\s*</v>", xml, re.I), name
                assert "#NUM!" not in xml, name


def test_build_report_turns_a_non_finite_figure_into_null_with_a_finding(tmp_path):
    result = run(tmp_path)
    result.nodes[0].pagu = float("inf")  # as if a rule had let one through
    result.indicators[0].capaian = float("nan")
    report = build_report(result)
    json.dumps(report, allow_nan=False)
    assert report["kegiatan"][0]["pagu"] is None and report["indikator"][0]["capaian"] is None
    last = report["temuan"][-1]
    assert last["kode"] == "UNREADABLE_VALUE" and "kegiatan[0].pagu" in last["pesan"]


def _numbers(obj):
    if isinstance(obj, dict):
        for v in obj.values():
            yield from _numbers(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _numbers(v)
    elif isinstance(obj, (int, float)) and not isinstance(obj, bool):
        yield float(obj)


# ------------------------------------------------------------------ akun lines: leaves and subtotals


def test_akun_subtotals_sum_their_leaves_at_any_depth(tmp_path):
    lines = [("5.1", "Belanja Operasi", 35 * M), ("5.1.02", "Belanja Barang dan Jasa", 35 * M),
             ("5.1.02.01", "Belanja Barang", 25 * M), ("5.1.02.01.01.0024", "Belanja ATK", 10 * M),
             ("5.1.02.01.01.0026", "Belanja Bahan Cetak", 15 * M), ("5.1.02.02.01.0001", "Belanja Jasa", 10 * M),
             ("5.2.05.01.01.0001", "Belanja Modal Buku", 15 * M)]
    data = with_akun(minimal(), {"7.01.02.2.02.0001": lines}, {})
    result = run(tmp_path, **data)
    assert [f.kode for f in result.findings] == []
    node = next(n for n in result.nodes if n.kode == "7.01.02.2.02.0001")
    assert {a.kode: (a.leaf, a.amount) for a in node.akun} == {
        "5.1": (False, 35 * M), "5.1.02": (False, 35 * M), "5.1.02.01": (False, 25 * M),
        "5.1.02.01.01.0024": (True, 10 * M), "5.1.02.01.01.0026": (True, 15 * M),
        "5.1.02.02.01.0001": (True, 10 * M), "5.2.05.01.01.0001": (True, 15 * M)}
    assert node.pagu == 50 * M


def test_budget_listing_spans_follow_code_prefixes_not_depth():
    """5.1.02 followed by 5.2.05.01.01.0001 (no 5.2 row): the second is not inside the first's span."""
    from lkip_xl.model import AkunLine, BudgetNode, BudgetRow, Cell, Num
    from lkip_xl.rules.budget import listing

    def line(kode, amount, leaf=True):
        row = BudgetRow(level="akun", kode=kode, nomor=None, uraian=None,
                        amount=Num(amount, Cell("DPA", "C1")) if amount is not None else None,
                        sheet="DPA", label_cell=Cell("DPA", "B1"), row=1)
        return AkunLine(kode, row, leaf=leaf, amount=amount or 0.0)

    sub = BudgetNode("sub_kegiatan", "7.01.02.2.02.0001", None, "Sub", line("x", 0))
    sub.akun = [line("5.1.02", 20.0, leaf=False), line("5.1.02.01.01.0026", 20.0), line("5.2.05.01.01.0001", 30.0)]
    sub.akun[0].amount = 20.0
    sub.pagu = 50.0
    rows = listing([sub])
    assert [r.kode for r in rows] == ["", "5.1.02", "5.1.02.01.01.0026", "5.2.05.01.01.0001"]
    assert [r.last for r in rows] == [3, 2, 2, 3]
    assert [r.pagu for r in rows] == [50.0, 20.0, 20.0, 30.0]
    assert (rows[1].jenis, rows[1].kelompok) == ("5.1.02", "5.1")
