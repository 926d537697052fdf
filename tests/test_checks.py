"""Every finding code of SPEC §6: one tiny workbook that triggers it, and the clean baseline that does not.

Each trigger asserts kode, tingkat, lembar and sel (the exact input cell) and that the message names the
subject and, where the finding is arithmetic, both numbers.
"""
from __future__ import annotations

import zipfile

import pytest
import builder
from builder import IND_A, IND_B, IND_T, M, build, drop, minimal, put, ref, run

from lkip_xl.api import analyse
from lkip_xl.errors import InputError

from lkip_xl.findings import TINGKAT

# SPEC §6, spelled out here rather than imported.
SPEC_TINGKAT = {
    "SUM_MISMATCH": "kesalahan", "PERCENT_MISMATCH": "kesalahan", "SISA_MISMATCH": "kesalahan",
    "PAGU_MISMATCH": "kesalahan", "CLAIM_MISMATCH": "kesalahan", "CATEGORY_MISMATCH": "kesalahan",
    "COMPONENT_MISMATCH": "kesalahan", "BELANJA_TOTAL_MISMATCH": "kesalahan", "DUPLICATE_CODE": "kesalahan",
    "UNMATCHED_ROW": "kesalahan", "UNKNOWN_REFERENCE": "kesalahan", "REALISASI_EXCEEDS_PAGU": "kesalahan",
    "NEGATIVE_AMOUNT": "kesalahan", "UNREADABLE_VALUE": "kesalahan", "NAME_MISMATCH": "peringatan",
    "AMBIGUOUS_COLUMN": "peringatan",  # SPEC §6 since issue 7 (§10.2)
    "TARGET_MISMATCH": "peringatan", "ZERO_TARGET": "peringatan", "MISSING_REALISASI": "peringatan",
    "UNIT_MISMATCH": "peringatan", "UNMAPPED_INDICATOR": "peringatan", "ORPHAN_ROW": "peringatan",
    "UNMAPPED_SUBKEGIATAN": "info", "TARGET_NOT_CHALLENGING": "info",
    "POLARITY_CONFLICT": "peringatan",  # SPEC §6 since issue 17 (§10.12)
    "PEGAWAI_TIDAK_VALID": "peringatan",  # SPEC §6 since issue 19 (§12)
    "TABEL_KOSONG": "info",  # SPEC §6 since issue 19 (§12: a table the input does not fill is left out)
}
TRIGGERED: set[str] = set()


def triggers(*kode):
    """Mark a test as the trigger of `kode` (checked by test_every_code_has_a_trigger)."""
    TRIGGERED.update(kode)
    return lambda fn: fn


def hit(result, kode, lembar, sel, *words, tingkat=None):
    """The one finding `kode` at lembar!sel; its tingkat is SPEC's and its message holds every word."""
    hits = [f for f in result.findings if f.kode == kode and (f.lembar, f.sel) == (lembar, sel)]
    assert len(hits) == 1, [(f.kode, f.lembar, f.sel, f.pesan) for f in result.findings]
    f = hits[0]
    assert f.tingkat == (tingkat or SPEC_TINGKAT[kode])
    for word in words:
        assert word in f.pesan, (word, f.pesan)
    return f


def kinds(result):
    return sorted({f.kode for f in result.findings})


# ------------------------------------------------------------------ baseline


@pytest.fixture(scope="module")
def baseline(tmp_path_factory):
    return run(tmp_path_factory.mktemp("baseline"))


def test_baseline_is_clean(baseline):
    assert [(f.kode, f.sel, f.pesan) for f in baseline.findings] == []


@pytest.mark.parametrize("kode", sorted(SPEC_TINGKAT))
def test_baseline_does_not_trigger(baseline, kode):
    assert kode not in [f.kode for f in baseline.findings]


# Codes the product adds to SPEC §6, each for a case the SPEC's codes do not name.
EXTENSIONS = {"EXTERNAL_LINK": "peringatan",  # numbers read from links to another workbook (issue 6)
              # the rekap's own findings (SPEC §11: files of different years, two files of one SKPD)
              "TAHUN_BERBEDA": "peringatan", "SKPD_GANDA": "peringatan"}


def test_severities_are_spec_severities():
    assert {k: v for k, v in TINGKAT.items() if k not in EXTENSIONS} == SPEC_TINGKAT
    assert {k: TINGKAT[k] for k in EXTENSIONS} == EXTENSIONS


# ------------------------------------------------------------------ SUM_MISMATCH


@triggers("SUM_MISMATCH")
def test_sum_mismatch_dpa_program(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02", "Pagu", 151 * M)
    result = run(tmp_path, **data)
    assert kinds(result) == ["SUM_MISMATCH"]
    f = hit(result, "SUM_MISMATCH", "DPA", "C5", "program 7.01.02", "Rp151.000.000", "Rp150.000.000")
    assert (f.dilaporkan, f.dihitung) == (151 * M, 150 * M)
    assert result.total_pagu == 250 * M  # the stated subtotal is never trusted


def test_sum_mismatch_realisasi_kegiatan(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01", "Realisasi", "96.000.000")
    result = run(tmp_path, **data)
    assert kinds(result) == ["SUM_MISMATCH"]
    hit(result, "SUM_MISMATCH", "Realisasi", "D6", "kegiatan 7.01.02.2.01", "Rp96.000.000", "Rp95.000.000")


@pytest.mark.parametrize("role, label, cell, stated, computed", [
    ("dpa", "Pagu", "C11", "Rp251.000.000", "Rp250.000.000"),
    ("realisasi", "Realisasi", "D11", "Rp229.000.000", "Rp230.000.000"),
])
def test_sum_mismatch_total_rows(tmp_path, role, label, cell, stated, computed):
    data = minimal()
    put(data[role], "Jumlah" if role == "dpa" else "Total", label, int(stated[2:].replace(".", "")))
    result = run(tmp_path, **data)
    assert kinds(result) == ["SUM_MISMATCH"]
    hit(result, "SUM_MISMATCH", "DPA" if role == "dpa" else "Realisasi", cell, "Total", stated, computed)


def test_sum_mismatch_within_toleransi_rupiah(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02", "Pagu", 150 * M + 1)  # within the default tolerance of Rp1
    assert kinds(run(tmp_path, **data)) == []
    put(data["dpa"], "7.01.02", "Pagu", 150 * M + 2)
    assert kinds(run(tmp_path, **data)) == ["SUM_MISMATCH"]
    data["identitas"].append(["Toleransi Rupiah", 1000])
    assert kinds(run(tmp_path, **data)) == []


def test_sum_mismatch_akun_subtotal(tmp_path):
    data = minimal()
    i = next(k for k, r in enumerate(data["dpa"]) if r[0] == "7.01.02.2.02.0001")
    data["dpa"][i + 1:i + 1] = [["5.1.02", "Belanja Barang dan Jasa", 31 * M],
                                ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 30 * M],
                                ["5.2.02", "Belanja Modal Peralatan dan Mesin", 20 * M]]
    result = run(tmp_path, **data)
    assert kinds(result) == ["SUM_MISMATCH"]
    hit(result, "SUM_MISMATCH", "DPA", "C11", "akun 5.1.02", "Rp31.000.000", "Rp30.000.000")


def test_sum_mismatch_sub_kegiatan_with_akun_rows(tmp_path):
    data = minimal()
    i = next(k for k, r in enumerate(data["dpa"]) if r[0] == "7.01.02.2.02.0001")
    data["dpa"][i + 1:i + 1] = [["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 30 * M],
                                ["5.1.02.01.01.0026", "Belanja Bahan Cetak", 19 * M]]
    result = run(tmp_path, **data)
    hit(result, "SUM_MISMATCH", "DPA", "C10", "sub kegiatan 7.01.02.2.02.0001", "Rp50.000.000", "Rp49.000.000",
        "akun")


def test_sum_mismatch_belanja_sheet_group_row(tmp_path):
    belanja = [["Kode", "Uraian", "Pagu", "Realisasi"],
               ["5.1", "Belanja Operasi", 251 * M, 230 * M],
               ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M],
               ["5.1.02", "Belanja Barang dan Jasa", 150 * M, 140 * M]]
    result = run(tmp_path, belanja=belanja)
    assert kinds(result) == ["SUM_MISMATCH"]
    hit(result, "SUM_MISMATCH", "Belanja", "C2", "5.1", "Rp251.000.000", "Rp250.000.000")


# ------------------------------------------------------------------ PERCENT_MISMATCH


@triggers("PERCENT_MISMATCH")
def test_percent_mismatch_realisasi_rasio(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "%", "96,00")
    result = run(tmp_path, **data)
    assert kinds(result) == ["PERCENT_MISMATCH"]
    f = hit(result, "PERCENT_MISMATCH", "Realisasi", "E7", "7.01.02.2.01.0001", "96", "95 %", "Rp38.000.000",
            "Rp40.000.000")
    assert (f.dilaporkan, f.dihitung) == (96, 95)


@pytest.mark.parametrize("stated, agrees", [
    ("93,33", True), ("93,3", True), ("93", True), ((0.9333, "0.00%"), True), ("93,333%", True),
    ("93,34", False), ("93,4", False), ("94", False), ((0.9334, "0.00%"), False), ("93,3334", False),
])
def test_percent_claim_tolerance(tmp_path, stated, agrees):
    """Program 7.01.02: 140 / 150 = 93,333… %; a claim agrees when it equals that rounded to its decimals."""
    data = minimal()
    put(data["realisasi"], "7.01.02", "%", stated)
    assert kinds(run(tmp_path, **data)) == ([] if agrees else ["PERCENT_MISMATCH"])


def test_percent_mismatch_kinerja_capaian(tmp_path):
    data = minimal()
    data["kinerja"][0].append("Capaian 2024")
    put(data["kinerja"], IND_A, "Capaian 2024", "99 %")
    put(data["kinerja"], IND_T, "Capaian 2024", "101,22%")  # 83 / 82 = 101,2195…: agrees
    result = run(tmp_path, **data)
    assert kinds(result) == ["PERCENT_MISMATCH"]
    hit(result, "PERCENT_MISMATCH", "Kinerja", "M3", IND_A, "99 %", "100 %")


def test_percent_mismatch_belanja_sheet(tmp_path):
    belanja = [["Kode", "Uraian", "Pagu", "Realisasi", "%"],
               ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M, "91,00"],
               ["5.1.02", "Belanja Barang dan Jasa", 150 * M, 140 * M, "93,33"]]
    result = run(tmp_path, belanja=belanja)
    assert kinds(result) == ["PERCENT_MISMATCH"]
    hit(result, "PERCENT_MISMATCH", "Belanja", "E2", "5.1.01", "91", "90 %")


# ------------------------------------------------------------------ SISA, PAGU


@triggers("SISA_MISMATCH")
def test_sisa_mismatch(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0002", "Sisa", 4 * M)
    result = run(tmp_path, **data)
    assert kinds(result) == ["SISA_MISMATCH"]
    hit(result, "SISA_MISMATCH", "Realisasi", "F8", "7.01.02.2.01.0002", "Rp4.000.000", "Rp3.000.000",
        "Rp60.000.000", "Rp57.000.000")


@triggers("PAGU_MISMATCH")
def test_pagu_mismatch(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "Pagu", 41 * M)
    result = run(tmp_path, **data)
    assert kinds(result) == ["PAGU_MISMATCH"]
    f = hit(result, "PAGU_MISMATCH", "Realisasi", "C7", "7.01.02.2.01.0001", "Rp41.000.000", "Rp40.000.000")
    assert (f.dilaporkan, f.dihitung) == (41 * M, 40 * M)


def test_pagu_mismatch_compares_with_the_computed_dpa_pagu(tmp_path):
    """SPEC §9.7: a stated DPA subtotal that is wrong does not make the Realisasi pagu wrong."""
    data = minimal()
    put(data["dpa"], "7.01.02", "Pagu", 151 * M)
    result = run(tmp_path, **data)
    assert kinds(result) == ["SUM_MISMATCH"]


# ------------------------------------------------------------------ Dilaporkan


def dilaporkan(*rows):
    return [["Tabel", "Subjek", "Ukuran", "Nilai"], *rows]


@triggers("CLAIM_MISMATCH")
def test_claim_mismatch(tmp_path):
    result = run(tmp_path, dilaporkan=dilaporkan(["Tabel 3.4", IND_A, "Serapan", "96,00%"]))
    assert kinds(result) == ["CLAIM_MISMATCH"]
    f = hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D2", "Tabel 3.4", IND_A, "96,00 %", "95")
    assert (f.dilaporkan, f.dihitung) == (96, 95)


@pytest.mark.parametrize("label", ["Angka", "Angka dalam LKIP", "Nilai dalam LKIP", "Tercantum", "Nilai Tercantum"])
def test_the_claimed_value_column_under_each_of_its_names(tmp_path, label):
    """SPEC §10.15: the Dilaporkan value column as review papers label it."""
    rows = [["Tabel", "Subjek", "Ukuran", label], ["Tabel 3.4", IND_A, "Serapan", "96,00%"]]
    result = run(tmp_path, dilaporkan=rows)
    assert kinds(result) == ["CLAIM_MISMATCH"]
    f = hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D2", "Tabel 3.4", IND_A, "96,00 %", "95")
    assert (f.dilaporkan, f.dihitung) == (96, 95)


def test_claims_of_every_subject_kind_that_agree(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_T, "Target 2024", "87,65")
    put(data["kinerja"], IND_T, "Realisasi 2024", "87,67")
    put(data["kinerja"], IND_T, "Target 2025", "87,75")
    data["dilaporkan"] = dilaporkan(
        ["Tabel 3.1", IND_T, "Target", "87,65"],
        [None, IND_T, "Realisasi", "87,67"],
        [None, IND_T, "Capaian", "100 %"],  # 100,0228 % written without decimals
        [None, IND_T, "Capaian", "100,02%"],
        [None, IND_T, "Capaian Akhir Renstra", "99,91%"],  # 87,67 / 87,75
        [None, IND_T, "Serapan", "92%"],
        [None, IND_T, "Kategori", "Sangat Berhasil"],
        ["Tabel 3.4", IND_A, "Pagu", "100.000.000"],
        [None, IND_A, "Realisasi Anggaran", "Rp. 95.000.000,00"],
        [None, IND_A, "Sisa", "5.000.000"],
        [None, IND_A, "Efisiensi", "5%"],
        ["Tabel 3.13", "7.01.02", "Pagu", 150 * M],
        [None, "7.01.02.2.01", "Serapan", (0.95, "0.00%")],
        [None, "Total", "Realisasi Anggaran", "230.000.000"],
        [None, "Total", "Sisa", "20.000.000"],
        [None, "Total", "Serapan", "92,00"],
        [None, "Total", "Efisiensi", "7,50%"],
    )
    result = run(tmp_path, **data)
    assert [(f.kode, f.sel, f.pesan) for f in result.findings] == []


@pytest.mark.parametrize("ukuran, stated, agrees", [
    ("Capaian", "100 %", True),  # 100,0228 %
    ("Capaian", "100,02 %", True),
    ("Capaian", "100,0 %", True),
    ("Capaian", "100,03 %", False),
    ("Capaian", "100,00 %", False),
    ("Efisiensi", "0,48 %", True),  # 0,4754 %
    ("Efisiensi", "0,5 %", True),
    ("Efisiensi", "0,47 %", False),
    ("Efisiensi", "0,475 %", True),
    ("Efisiensi", "0,4754 %", True),
    ("Efisiensi", "0,4755 %", False),
    ("Pagu", "434.214.700", True),
    ("Pagu", "434.214.701", True),  # within Toleransi Rupiah (1)
    ("Pagu", "434.214.702", False),
    ("Realisasi Anggaran", "Rp. 432.248.899,00", True),
    ("Realisasi Anggaran", "432.248.897", False),
])
def test_claim_tolerance(tmp_path, ukuran, stated, agrees):
    """The seed's IKM: capaian 87,67 / 87,65 = 100,0228 %, serapan 432.248.899 / 434.214.700, efisiensi 0,4754 %."""
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", "87,65")
    put(data["kinerja"], IND_A, "Realisasi 2024", "87,67")
    data["dpa"] = [["Kode", "Uraian", "Pagu"],
                   ["7.01.02.2.02.0003", "Peningkatan Efektifitas Pelayanan", 434_214_700]]
    data["realisasi"] = [["Kode", "Uraian", "Realisasi"],
                         ["7.01.02.2.02.0003", "Peningkatan Efektifitas Pelayanan", 432_248_899]]
    data["pemetaan"] = [["Indikator", "Kode"], [IND_A, "7.01.02.2.02.0003"], [IND_B, "7.01.02.2.02.0003"]]
    data["dilaporkan"] = dilaporkan(["Tabel 3.4", IND_A, ukuran, stated])
    result = run(tmp_path, **data)
    claims = [f for f in result.findings if f.kode == "CLAIM_MISMATCH"]
    assert len(claims) == (0 if agrees else 1), [f.pesan for f in claims]
    if claims:
        assert (claims[0].lembar, claims[0].sel) == ("Dilaporkan", "D2")


def test_money_claim_with_a_larger_toleransi_rupiah(tmp_path):
    data = minimal()
    data["identitas"].append(["Toleransi Rupiah", "1.000"])
    data["dilaporkan"] = dilaporkan(["T", "Total", "Pagu", "250.001.000"], ["T", "Total", "Pagu", "250.001.001"])
    result = run(tmp_path, **data)
    assert [(f.kode, f.sel) for f in result.findings] == [("CLAIM_MISMATCH", "D3")]


def test_claim_kategori_mismatch(tmp_path):
    result = run(tmp_path, dilaporkan=dilaporkan(["Tabel 4.1", IND_A, "Kategori", "Berhasil"]))
    hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D2", IND_A, "Berhasil", "Sangat Berhasil")


def test_claim_about_a_budget_row_by_code_and_number_and_a_belanja_group(tmp_path):
    data = minimal()
    data["belanja"] = [["Kode", "Uraian", "Pagu", "Realisasi"], ["5.1.02", "Belanja Barang dan Jasa", 250 * M, 230 * M]]
    data["dilaporkan"] = dilaporkan(["Tabel 3.13", "7.01.02.2.01.0002", "Realisasi Anggaran", "56.000.000"],
                                    ["Bab 3.2", "5.1.02", "Serapan", "92,5%"])
    result = run(tmp_path, **data)
    hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D2", "7.01.02.2.01.0002", "Rp56.000.000", "Rp57.000.000")
    hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D3", "5.1.02", "92,5 %", "92")


def test_claim_value_that_cannot_be_read(tmp_path):
    result = run(tmp_path, dilaporkan=dilaporkan(["T", "Total", "Pagu", "dua ratus lima puluh juta"]))
    hit(result, "UNREADABLE_VALUE", "Dilaporkan", "D2", "dua ratus lima puluh juta")


# ------------------------------------------------------------------ Kinerja claims


@triggers("CATEGORY_MISMATCH")
def test_category_mismatch(tmp_path):
    data = minimal()
    data["kinerja"][0].append("Kategori")
    put(data["kinerja"], IND_A, "Kategori", "Berhasil")
    put(data["kinerja"], IND_B, "Kategori", "sangat berhasil")  # case does not matter
    result = run(tmp_path, **data)
    assert kinds(result) == ["CATEGORY_MISMATCH"]
    f = hit(result, "CATEGORY_MISMATCH", "Kinerja", "M3", IND_A, "'Berhasil'", "'Sangat Berhasil'", "100 %")
    assert (f.dilaporkan, f.dihitung) == ("Berhasil", "Sangat Berhasil")


@triggers("COMPONENT_MISMATCH")
def test_component_mismatch(tmp_path):
    data = minimal()
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_A, 2024, "Semester I", 88, "rata-rata"], [IND_A, 2024, "Semester II", 92, None],
                        [IND_B, 2024, "Utara", 5, "jumlah"], [IND_B, 2024, "Selatan", 7, None]]
    result = run(tmp_path, **data)
    assert kinds(result) == ["COMPONENT_MISMATCH"]
    f = hit(result, "COMPONENT_MISMATCH", "Kinerja", "K3", IND_A, "95", "90")
    assert (f.dilaporkan, f.dihitung) == (95, 90)
    assert result.indicators[1].realisasi == 90  # Komponen wins (SPEC §9.12)


# ------------------------------------------------------------------ belanja


@triggers("BELANJA_TOTAL_MISMATCH")
def test_belanja_total_mismatch_from_the_sheet(tmp_path):
    belanja = [["Kode", "Uraian", "Pagu", "Realisasi"],
               ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M],
               ["5.1.02", "Belanja Barang dan Jasa", 140 * M, 140 * M]]
    result = run(tmp_path, belanja=belanja)
    assert kinds(result) == ["BELANJA_TOTAL_MISMATCH"]
    f = hit(result, "BELANJA_TOTAL_MISMATCH", "Belanja", "B2", "pagu", "Rp240.000.000", "Rp250.000.000")
    assert (f.dilaporkan, f.dihitung) == (240 * M, 250 * M)


def test_belanja_total_mismatch_realisasi(tmp_path):
    belanja = [["Kode", "Uraian", "Pagu", "Realisasi"],
               ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M],
               ["5.1.02", "Belanja Barang dan Jasa", 150 * M, 141 * M]]
    result = run(tmp_path, belanja=belanja)
    assert [f.kode for f in result.findings] == ["BELANJA_TOTAL_MISMATCH"]
    assert "Rp231.000.000" in result.findings[0].pesan and "Rp230.000.000" in result.findings[0].pesan


def test_belanja_total_mismatch_from_akun_rows(tmp_path):
    """Akun rows under only one sub kegiatan do not cover the whole budget."""
    data = minimal()
    for key, col, amount in (("dpa", "Pagu", 50 * M), ("realisasi", "Realisasi", 45 * M)):
        i = next(k for k, r in enumerate(data[key]) if r[0] == "7.01.02.2.02.0001")
        row = ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor"] + [None] * (len(data[key][0]) - 2)
        row[data[key][0].index(col)] = amount
        data[key].insert(i + 1, row)
    result = run(tmp_path, **data)
    assert result.belanja_source == "akun"
    assert kinds(result) == ["BELANJA_TOTAL_MISMATCH"]
    assert [(f.lembar, f.sel, f.dilaporkan, f.dihitung) for f in result.findings] == [
        ("DPA", "B11", 50 * M, 250 * M), ("DPA", "B11", 45 * M, 230 * M)]  # pagu, then realisasi
    assert "Rp50.000.000" in result.findings[0].pesan and "Rp250.000.000" in result.findings[0].pesan


# ------------------------------------------------------------------ DUPLICATE_CODE


@triggers("DUPLICATE_CODE")
def test_duplicate_code_in_dpa(tmp_path):
    data = minimal()
    data["dpa"].insert(8, ["7.01.02.2.01.0002", "Pelayanan Perizinan Lanjutan", 60 * M])
    result = run(tmp_path, **data)
    assert kinds(result) == ["DUPLICATE_CODE"]
    f = hit(result, "DUPLICATE_CODE", "DPA", "A9", "7.01.02.2.01.0002")
    assert f.dilaporkan == 60 * M
    assert result.total_pagu == 250 * M  # the first occurrence counts, the later one is left out


def test_duplicate_code_in_realisasi(tmp_path):
    data = minimal()
    data["realisasi"].insert(8, ["7.01.02.2.01.0002", "Pelayanan Perizinan", 60 * M, 1 * M, None, None])
    result = run(tmp_path, **data)
    assert kinds(result) == ["DUPLICATE_CODE"]
    hit(result, "DUPLICATE_CODE", "Realisasi", "A9", "7.01.02.2.01.0002")
    assert result.total_realisasi == 230 * M


def test_duplicate_outline_number(tmp_path):
    dpa = [["No", "Uraian", "Pagu"], ["1.", "Program Penunjang", 100 * M], ["1.1", "Administrasi", 100 * M],
           ["1.1.1", "Gaji", 60 * M], ["1.1.2", "Tunjangan", 40 * M], ["1.1.2", "Tunjangan Lain", 5 * M]]
    real = [["No", "Uraian", "Realisasi"], ["1.1.1", "Gaji", 50 * M], ["1.1.2", "Tunjangan", 30 * M]]
    result = run(tmp_path, dpa=dpa, realisasi=real, pemetaan=None)
    hit(result, "DUPLICATE_CODE", "DPA", "A6", "Nomor 1.1.2")
    assert result.total_pagu == 100 * M


def test_akun_codes_repeat_under_different_sub_kegiatan_but_not_under_one(tmp_path):
    data = minimal()
    for sub, amount in (("7.01.02.2.01.0001", 40 * M), ("7.01.02.2.01.0002", 60 * M)):
        i = next(k for k, r in enumerate(data["dpa"]) if r[0] == sub)
        data["dpa"].insert(i + 1, ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", amount])
    assert kinds(run(tmp_path, **data)) == []
    i = next(k for k, r in enumerate(data["dpa"]) if r[0] == "5.1.02.01.01.0024")
    data["dpa"].insert(i + 1, ["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 1 * M])
    result = run(tmp_path, **data)
    assert kinds(result) == ["DUPLICATE_CODE"]
    hit(result, "DUPLICATE_CODE", "DPA", f"A{i + 2}", "5.1.02.01.01.0024")


# ------------------------------------------------------------------ UNMATCHED_ROW


@triggers("UNMATCHED_ROW")
def test_unmatched_realisasi_row_is_kesalahan(tmp_path):
    data = minimal()
    data["realisasi"].insert(8, ["7.01.02.2.01.0003", "Pelayanan Lain", None, 1 * M, None, None])
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNMATCHED_ROW"]
    f = hit(result, "UNMATCHED_ROW", "Realisasi", "B9", "7.01.02.2.01.0003", "Pelayanan Lain", "Rp1.000.000",
            tingkat="kesalahan")
    assert f.dilaporkan == 1 * M
    assert result.total_realisasi == 230 * M  # left out of the rollups (SPEC §9.6)


def test_dpa_sub_kegiatan_without_realisasi_row_is_peringatan(tmp_path):
    data = minimal()
    drop(data["realisasi"], "7.01.02.2.01.0002")
    result = run(tmp_path, **data)
    f = hit(result, "UNMATCHED_ROW", "DPA", "B8", "7.01.02.2.01.0002", "Pelayanan Perizinan", "Rp60.000.000",
            tingkat="peringatan")
    assert f.dihitung == 60 * M
    assert result.total_realisasi == 173 * M
    assert [f.kode for f in result.findings if f.kode == "UNMATCHED_ROW"] == ["UNMATCHED_ROW"]


def test_unmatched_akun_row(tmp_path):
    data = minimal()
    for key, col, kode, amount in (("dpa", "Pagu", "5.1.02.01.01.0024", 50 * M),
                                   ("realisasi", "Realisasi", "5.1.02.01.01.0025", 45 * M)):
        i = next(k for k, r in enumerate(data[key]) if r[0] == "7.01.02.2.02.0001")
        row = [kode, "Belanja ATK"] + [None] * (len(data[key][0]) - 2)
        row[data[key][0].index(col)] = amount
        data[key].insert(i + 1, row)
    result = run(tmp_path, **data)
    hit(result, "UNMATCHED_ROW", "Realisasi", "B11", "5.1.02.01.01.0025", "Rp45.000.000")


# ------------------------------------------------------------------ UNKNOWN_REFERENCE


@triggers("UNKNOWN_REFERENCE")
def test_unknown_reference_pemetaan_indicator(tmp_path):
    data = minimal()
    data["pemetaan"] += [["Indeks Reformasi Birokrasi", "7.01.01"], [None, "7.01.01.2.01"]]  # filled down
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNKNOWN_REFERENCE"]
    assert len(result.findings) == 1  # one finding for the name, not one per row
    hit(result, "UNKNOWN_REFERENCE", "Pemetaan", "A4", "Indeks Reformasi Birokrasi")


def test_unknown_reference_pemetaan_code(tmp_path):
    data = minimal()
    data["pemetaan"].append([IND_A, "7.01.09"])
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNKNOWN_REFERENCE"]
    hit(result, "UNKNOWN_REFERENCE", "Pemetaan", "B4", "7.01.09")


def test_unknown_reference_komponen(tmp_path):
    data = minimal()
    data["komponen"] = [["Indikator", "Tahun", "Nilai"], ["Indeks Tak Dikenal", 2024, 90], [None, 2024, 80]]
    result = run(tmp_path, **data)
    assert [(f.kode, f.lembar, f.sel) for f in result.findings] == [("UNKNOWN_REFERENCE", "Komponen", "A2")]
    assert "Indeks Tak Dikenal" in result.findings[0].pesan


def test_unknown_reference_dilaporkan(tmp_path):
    result = run(tmp_path, dilaporkan=dilaporkan(
        ["T", "Indeks Tak Dikenal", "Pagu", 1], [None, None, "Serapan", 1],  # subject filled down: once
        ["T", "Total", "Volume", 1],
        ["T", "Total", "Kategori", "Baik"],
        ["T", "7.09.01", "Pagu", 1]))
    assert [f.kode for f in result.findings] == ["UNKNOWN_REFERENCE"] * 4
    hit(result, "UNKNOWN_REFERENCE", "Dilaporkan", "B2", "Indeks Tak Dikenal")
    hit(result, "UNKNOWN_REFERENCE", "Dilaporkan", "C4", "Volume")
    hit(result, "UNKNOWN_REFERENCE", "Dilaporkan", "C5", "Kategori", "Total")
    hit(result, "UNKNOWN_REFERENCE", "Dilaporkan", "B6", "7.09.01")


# ------------------------------------------------------------------ REALISASI_EXCEEDS_PAGU


@triggers("REALISASI_EXCEEDS_PAGU")
def test_realisasi_exceeds_pagu_once_per_row(tmp_path):
    """Sub kegiatan 7.01.02.2.02.0001 is its kegiatan's only sub: both exceed, only the sub is reported."""
    data = minimal()
    for key, value in (("7.01.02.2.02.0001", 55 * M), ("7.01.02.2.02", 55 * M), ("7.01.02", 150 * M),
                       ("Total", 240 * M)):
        put(data["realisasi"], key, "Realisasi", value)
    for key in ("7.01.02.2.02.0001", "7.01.02.2.02", "7.01.02", "Total"):
        put(data["realisasi"], key, "%", None)
        put(data["realisasi"], key, "Sisa", None)
    result = run(tmp_path, **data)
    assert kinds(result) == ["REALISASI_EXCEEDS_PAGU"]
    f = hit(result, "REALISASI_EXCEEDS_PAGU", "Realisasi", "D10", "7.01.02.2.02.0001", "Rp55.000.000",
            "Rp50.000.000")
    assert (f.dilaporkan, f.dihitung) == (55 * M, 50 * M)


def test_realisasi_exceeds_pagu_per_akun_row(tmp_path):
    data = minimal()
    for key, col, lines in (("dpa", "Pagu", [("5.1.02.01.01.0024", 30 * M), ("5.1.02.01.01.0026", 20 * M)]),
                            ("realisasi", "Realisasi", [("5.1.02.01.01.0024", 31 * M), ("5.1.02.01.01.0026", 14 * M)])):
        i = next(k for k, r in enumerate(data[key]) if r[0] == "7.01.02.2.02.0001")
        for n, (kode, amount) in enumerate(lines, start=1):
            row = [kode, "Belanja"] + [None] * (len(data[key][0]) - 2)
            row[data[key][0].index(col)] = amount
            data[key].insert(i + n, row)
    result = run(tmp_path, **data)
    assert [f.kode for f in result.findings if f.kode == "REALISASI_EXCEEDS_PAGU"] == ["REALISASI_EXCEEDS_PAGU"]
    hit(result, "REALISASI_EXCEEDS_PAGU", "Realisasi", "D11", "5.1.02.01.01.0024", "Rp31.000.000", "Rp30.000.000")


# ------------------------------------------------------------------ NEGATIVE_AMOUNT, UNREADABLE_VALUE


@triggers("NEGATIVE_AMOUNT")
@pytest.mark.parametrize("role, label, cell", [("dpa", "Pagu", "C7"), ("realisasi", "Realisasi", "D7")])
def test_negative_amount(tmp_path, role, label, cell):
    data = minimal()
    put(data[role], "7.01.02.2.01.0001", label, "(1.000)")
    result = run(tmp_path, **data)
    f = hit(result, "NEGATIVE_AMOUNT", "DPA" if role == "dpa" else "Realisasi", cell, "7.01.02.2.01.0001",
            "-Rp1.000")
    assert f.dilaporkan == -1000
    assert [f.kode for f in result.findings].count("NEGATIVE_AMOUNT") == 1


def test_negative_amount_in_the_belanja_sheet(tmp_path):
    belanja = [["Kode", "Uraian", "Pagu", "Realisasi"],
               ["5.1.01", "Belanja Pegawai", 100 * M, 91 * M],
               ["5.1.02", "Belanja Barang dan Jasa", 150 * M, 140 * M],
               ["5.1.03", "Koreksi Belanja", 0, "-1.000.000"]]
    result = run(tmp_path, belanja=belanja)
    assert kinds(result) == ["NEGATIVE_AMOUNT"]
    hit(result, "NEGATIVE_AMOUNT", "Belanja", "D4", "5.1.03", "-Rp1.000.000")


@triggers("UNREADABLE_VALUE")
def test_unreadable_value(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "Realisasi", "tiga puluh delapan juta")
    result = run(tmp_path, **data)
    f = hit(result, "UNREADABLE_VALUE", "Realisasi", "D7", "tiga puluh delapan juta", "D7")
    assert f.dilaporkan == "tiga puluh delapan juta"


def test_unreadable_value_in_kinerja_and_pemetaan(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2025", "seratus")
    data["pemetaan"].append([IND_A, "7.01.xx"])
    result = run(tmp_path, **data)
    hit(result, "UNREADABLE_VALUE", "Kinerja", "I3", "seratus")
    hit(result, "UNREADABLE_VALUE", "Pemetaan", "B4", "7.01.xx")


# ------------------------------------------------------------------ odd values: a correct value or a finding


def test_percent_format_on_a_pagu_reads_the_stored_rupiah_and_says_so(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", (50 * M, "0%"))  # shows 5.000.000.000 %
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNIT_MISMATCH"]  # the stored 50 M is right: every sum still agrees
    assert result.total_pagu == 250 * M
    f = hit(result, "UNIT_MISMATCH", "DPA", "C10", "persen", "Rupiah", "Rp50.000.000", "5.000.000.000 %")
    assert (f.dilaporkan, f.dihitung) == (5_000_000_000, 50 * M)


def test_percent_format_on_a_money_claim_and_on_indicator_values(tmp_path):
    data = minimal()
    data["dilaporkan"] = dilaporkan(["Tabel 3.13", "Total", "Pagu", (250 * M, "0.00%")])
    put(data["kinerja"], IND_A, "Realisasi 2024", (0.95, "0%"))  # an indicator value: 95 %, as before
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNIT_MISMATCH"]
    hit(result, "UNIT_MISMATCH", "Dilaporkan", "D2", "Rp250.000.000")
    assert next(i for i in result.indicators if i.nama == IND_A).realisasi == 95


@pytest.mark.parametrize("pagu", ["Rp 50 jt", "Rp50jt", "50 juta", "50.000 rb", "0,05 M", "Rp 0,05 miliar",
                                  "Rp. 50.000.000,-", "50.000.000 Rupiah", "50.000.000,00"])
def test_money_scale_words_give_the_amount(tmp_path, pagu):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", pagu)
    put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", "Rp 45 jt")
    result = run(tmp_path, **data)
    assert kinds(result) == []
    assert (result.total_pagu, result.total_realisasi) == (250 * M, 230 * M)


@pytest.mark.parametrize("pagu, why", [("93,67%", "persen"), ("50 LKD", "LKD"), ("٥٠٠٠٠٠٠٠", "jumlah Rupiah"),
                                       ("５０,０００,０００", "jumlah Rupiah"), ("1" * 400, "2^53"),
                                       ("NaN", "jumlah Rupiah"), ("inf", "jumlah Rupiah")])
def test_money_that_is_a_percent_a_unit_unicode_or_huge_is_unreadable(tmp_path, pagu, why):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", pagu)
    result = run(tmp_path, **data)
    f = hit(result, "UNREADABLE_VALUE", "DPA", "C10", "kolom 'Pagu'", "jumlah Rupiah", why)
    assert f.dilaporkan == pagu
    assert len(f.pesan) < 300  # a 400-digit text is cut short in the sentence


def test_percent_in_a_money_claim_is_unreadable(tmp_path):
    result = run(tmp_path, dilaporkan=dilaporkan(["Tabel 3.13", "Total", "Realisasi Anggaran", "93,67%"]))
    assert kinds(result) == ["UNREADABLE_VALUE"]
    hit(result, "UNREADABLE_VALUE", "Dilaporkan", "D2", "93,67%", "jumlah Rupiah")


def test_unicode_digits_in_realisasi_and_kinerja_are_unreadable(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "Realisasi", "٣٨٠٠٠٠٠٠")
    put(data["kinerja"], IND_B, "Realisasi 2024", "１２")
    result = run(tmp_path, **data)
    hit(result, "UNREADABLE_VALUE", "Realisasi", "D7", "٣٨٠٠٠٠٠٠")
    hit(result, "UNREADABLE_VALUE", "Kinerja", "K4", "１２")


@pytest.mark.parametrize("tahun", ["٢٠٢٤", "２０２４"])
def test_a_year_in_unicode_digits_is_no_year(tmp_path, tahun):
    with pytest.raises(InputError, match="Tahun"):  # Excel holds it as text: no report year (exit 3)
        run(tmp_path, identitas={"Tahun": tahun})


def test_huge_values_cannot_overflow_a_sum(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.01.2.01.0001", "Pagu", 1e308)
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", 1e308)
    put(data["kinerja"], IND_A, "Target 2024", 1e308)
    result = run(tmp_path, **data)
    for sheet, cell in (("DPA", "C4"), ("DPA", "C10"), ("Kinerja", "H3")):
        assert any(f.kode == "UNREADABLE_VALUE" and (f.lembar, f.sel) == (sheet, cell) for f in result.findings)
    assert result.total_pagu == 100 * M  # 250 M without the two unreadable 100 M and 50 M pagu


def test_a_capaian_that_overflows_is_empty_and_a_finding(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", 1e-310)  # 95 / 1e-310 × 100 is no finite number
    result = run(tmp_path, **data)
    ind = next(i for i in result.indicators if i.nama == IND_A)
    assert (ind.capaian, ind.kategori, ind.efisiensi) == (None, None, None)
    hit(result, "UNREADABLE_VALUE", "Kinerja", "H3", f"capaian 2024 indikator '{IND_A}'", "realisasi 95",
        "target 1e-310", "terhingga")


def test_an_efisiensi_that_overflows_is_empty_and_a_finding(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", 1e15)
    put(data["kinerja"], IND_A, "Realisasi 2024", 1e-300)  # capaian 1e-313: serapan / capaian is inf
    result = run(tmp_path, **data)
    ind = next(i for i in result.indicators if i.nama == IND_A)
    assert ind.capaian is not None and ind.efisiensi is None
    hit(result, "UNREADABLE_VALUE", "Kinerja", "H3", "efisiensi", "serapan 95", "terhingga")
    assert result.efisiensi_rata_rata == pytest.approx(10)  # the mean over the indicators that have one


def test_a_komponen_realisasi_that_overflows_is_empty_and_a_finding(tmp_path):
    komponen = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                [IND_A, 2024, "Layanan tepat waktu", 1e15, "pembilang"],
                [IND_A, 2024, "Seluruh layanan", 1e-300, "penyebut"]]
    result = run(tmp_path, komponen=komponen)
    hit(result, "UNREADABLE_VALUE", "Komponen", "D3", f"realisasi 2024 indikator '{IND_A}'",
        "pembilang Komponen 1e+15", "penyebut Komponen 1e-300", "terhingga")


def test_450_decimals_in_a_percent_cell_and_a_claim_do_not_crash(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "%", "95," + "0" * 448 + "1")
    data["dilaporkan"] = dilaporkan(["Tabel 3.4", IND_A, "Capaian", "100," + "0123456789" * 45])
    result = run(tmp_path, **data)
    assert kinds(result) == ["CLAIM_MISMATCH"]  # 100,0123456789… at 17 decimals is not 100
    hit(result, "CLAIM_MISMATCH", "Dilaporkan", "D2", IND_A)


def test_a_400_digit_integer_stored_in_the_file_is_unreadable(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", 987654321)
    path = build(tmp_path, **data)
    big = tmp_path / "besar.xlsx"  # openpyxl cannot write it: put the digits in the sheet's XML
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(big, "w") as dst:
        for info in src.infolist():
            dst.writestr(info, src.read(info).replace(b"<v>987654321</v>", b"<v>" + b"9" * 400 + b"</v>"))
    result = analyse(str(big))
    f = hit(result, "UNREADABLE_VALUE", "DPA", "C10", "2^53")
    assert f.dilaporkan == "9" * 400


def test_an_akun_line_without_pagu_is_reported_like_a_sub_kegiatan(tmp_path):
    data = minimal()
    i = next(k for k, r in enumerate(data["dpa"]) if r[0] == "7.01.02.2.02.0001")
    data["dpa"][i + 1:i + 1] = [["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 50 * M],
                                ["5.1.02.01.01.0026", "Belanja Bahan Cetak", None],
                                ["5.1.02.01.01.0027", "Belanja Fotokopi", "-"]]  # `-` is Rp0 (SPEC §10.6)
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNREADABLE_VALUE"]
    hit(result, "UNREADABLE_VALUE", "DPA", "B12", "Akun 5.1.02.01.01.0026", "tidak memiliki pagu", "Rp0")


# ------------------------------------------------------------------ NAME_MISMATCH


@triggers("NAME_MISMATCH")
def test_name_mismatch_by_code(tmp_path):
    data = minimal()
    put(data["realisasi"], "7.01.02.2.01.0001", "Uraian", "Pelayanan KTP")
    put(data["realisasi"], "7.01.02.2.01.0002", "Uraian", "PELAYANAN  PERIZINAN.")  # same after normalising
    result = run(tmp_path, **data)
    assert kinds(result) == ["NAME_MISMATCH"]
    hit(result, "NAME_MISMATCH", "Realisasi", "B7", "7.01.02.2.01.0001", "Pelayanan KTP",
            "Pelayanan Administrasi Kependudukan")
    assert result.nodes[5].realisasi == 38 * M  # still joined by its code


def test_name_mismatch_by_outline_number(tmp_path):
    dpa = [["No", "Uraian", "Pagu"], ["1.", "Program Penunjang", 10], ["1.1", "Administrasi", 10],
           ["1.1.1", "Gaji", 10]]
    real = [["No", "Uraian", "Realisasi"], ["1.1.1", "Tunjangan", 9]]
    result = run(tmp_path, dpa=dpa, realisasi=real, pemetaan=None)
    hit(result, "NAME_MISMATCH", "Realisasi", "B2", "1.1.1", "Gaji", "Tunjangan")
    assert result.total_realisasi == 9


# ------------------------------------------------------------------ targets and realisasi


@triggers("TARGET_MISMATCH")
def test_target_mismatch(tmp_path):
    data = minimal()
    data["kinerja"][0].append("Target PK")
    put(data["kinerja"], IND_B, "Target PK", 13)
    put(data["kinerja"], IND_A, "Target PK", "95")  # equal: fine
    result = run(tmp_path, **data)
    assert kinds(result) == ["TARGET_MISMATCH"]
    f = hit(result, "TARGET_MISMATCH", "Kinerja", "M4", IND_B, "13", "12")
    assert (f.dilaporkan, f.dihitung) == (13, 12)


@triggers("POLARITY_CONFLICT")
def test_polarity_conflict(tmp_path):
    """`≤ 12` says lower is better; the stated Positif counts (capaian 12 / 12 = 100), §10.12."""
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2024", "≤ 12")
    result = run(tmp_path, **data)
    assert kinds(result) == ["POLARITY_CONFLICT"]
    hit(result, "POLARITY_CONFLICT", "Kinerja", "H4", IND_B, "≤ 12", "positif")
    ind = next(i for i in result.indicators if i.nama == IND_B)
    assert (ind.row.polaritas, ind.target, ind.capaian) == ("positif", 12, 100)


@triggers("ZERO_TARGET")
def test_zero_target(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2024", 0)
    result = run(tmp_path, **data)
    hit(result, "ZERO_TARGET", "Kinerja", "H4", IND_B, "0")


def test_missing_target_points_at_the_indicator(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2024", "-")
    result = run(tmp_path, **data)
    assert kinds(result) == ["ZERO_TARGET"]
    hit(result, "ZERO_TARGET", "Kinerja", "D4", IND_B, "kosong")


@triggers("MISSING_REALISASI")
@pytest.mark.parametrize("value", [None, "-", "Tidak ada"])
def test_missing_realisasi(tmp_path, value):
    data = minimal()
    put(data["kinerja"], IND_B, "Realisasi 2024", value)
    result = run(tmp_path, **data)
    assert kinds(result) == ["MISSING_REALISASI"]
    hit(result, "MISSING_REALISASI", "Kinerja", "K4", IND_B, "2024")  # the empty Realisasi 2024 cell, not the name


@triggers("UNIT_MISMATCH")
def test_unit_mismatch_count_indicator_with_percent_satuan(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Satuan", "%")
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNIT_MISMATCH"]
    hit(result, "UNIT_MISMATCH", "Kinerja", "E4", IND_B)


def test_unit_mismatch_count_indicator_with_a_percent_target(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Satuan", None)
    put(data["kinerja"], IND_B, "Target 2025", "14%")
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNIT_MISMATCH"]
    hit(result, "UNIT_MISMATCH", "Kinerja", "I4", IND_B)


def test_unit_mismatch_value_unit_differs_from_satuan(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Realisasi 2024", "12 Dokumen")
    put(data["kinerja"], IND_B, "Target 2024", "12 Desa")  # agrees with the Satuan
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNIT_MISMATCH"]
    hit(result, "UNIT_MISMATCH", "Kinerja", "K4", IND_B, "Dokumen")


@triggers("UNMAPPED_INDICATOR")
def test_unmapped_indicator(tmp_path):
    data = minimal()
    drop(data["pemetaan"], IND_B)
    result = run(tmp_path, **data)
    # sasaran 2 (B's) has no budget: its Pendukung and Efisiensi tables are left out (TABEL_KOSONG)
    assert kinds(result) == ["TABEL_KOSONG", "UNMAPPED_INDICATOR", "UNMAPPED_SUBKEGIATAN"]
    hit(result, "UNMAPPED_INDICATOR", "Kinerja", "D4", IND_B)


def test_tujuan_without_pemetaan_is_not_unmapped(baseline):
    assert baseline.indicators[0].level == "tujuan" and baseline.indicators[0].supports is None
    assert baseline.indicators[0].whole_budget
    assert "UNMAPPED_INDICATOR" not in [f.kode for f in baseline.findings]


def test_without_a_pemetaan_sheet_every_sasaran_is_unmapped(tmp_path):
    result = run(tmp_path, pemetaan=None)
    # and the Pendukung / Efisiensi tables are left out (TABEL_KOSONG, tested above)
    assert [(f.kode, f.sel) for f in result.findings] == [("UNMAPPED_INDICATOR", "D3"), ("UNMAPPED_INDICATOR", "D4"),
                                                          ("TABEL_KOSONG", None)]


@triggers("ORPHAN_ROW")
def test_orphan_row(tmp_path):
    data = minimal()
    for key in ("dpa", "realisasi"):
        drop(data[key], "7.01.01")
    result = run(tmp_path, **data)
    assert kinds(result) == ["ORPHAN_ROW"]
    hit(result, "ORPHAN_ROW", "DPA", "B2", "7.01.01.2.01", "Administrasi Keuangan Perangkat Daerah", "program")
    assert result.total_pagu == 250 * M  # still counted


def test_orphan_sub_kegiatan_rolls_up_into_its_program(tmp_path):
    data = minimal()
    for key in ("dpa", "realisasi"):
        drop(data[key], "7.01.02.2.02")
    result = run(tmp_path, **data)
    assert kinds(result) == ["ORPHAN_ROW"]
    hit(result, "ORPHAN_ROW", "DPA", "B9", "7.01.02.2.02.0001", "Pembinaan Ketertiban Desa", "kegiatan")
    program = next(n for n in result.nodes if n.kode == "7.01.02")
    assert program.pagu == 150 * M


@triggers("UNMAPPED_SUBKEGIATAN")
def test_unmapped_sub_kegiatan(tmp_path):
    data = minimal()
    put(data["pemetaan"], IND_B, "Kode", "7.01.02.2.01.0001")
    result = run(tmp_path, **data)
    assert kinds(result) == ["UNMAPPED_SUBKEGIATAN"]
    f = hit(result, "UNMAPPED_SUBKEGIATAN", "DPA", "B10", "7.01.02.2.02.0001", "Pembinaan Ketertiban Desa",
            "Rp50.000.000")
    assert f.dihitung == 50 * M


def test_supporting_program_subs_need_no_indicator(baseline):
    """7.01.01.2.01.0001 (program x.xx.01) supports no indicator in the baseline and is not reported."""
    mapped = {n.kode for i in baseline.indicators for n in (i.supports or [])}
    assert "7.01.01.2.01.0001" not in mapped
    assert "UNMAPPED_SUBKEGIATAN" not in [f.kode for f in baseline.findings]


@triggers("TARGET_NOT_CHALLENGING")
def test_target_not_challenging_positive(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2025", 11)
    result = run(tmp_path, **data)
    assert kinds(result) == ["TARGET_NOT_CHALLENGING"]
    f = hit(result, "TARGET_NOT_CHALLENGING", "Kinerja", "I4", IND_B, "2025", "11", "12")
    assert (f.dilaporkan, f.dihitung) == (11, 12)


def test_target_not_challenging_negative(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Polaritas", "Negatif")
    for year, t in {2023: 14, 2024: 12, 2025: 13}.items():
        put(data["kinerja"], IND_B, f"Target {year}", t)
    put(data["kinerja"], IND_B, "Realisasi 2023", 14)
    result = run(tmp_path, **data)
    assert kinds(result) == ["TARGET_NOT_CHALLENGING"]
    hit(result, "TARGET_NOT_CHALLENGING", "Kinerja", "I4", IND_B, "13", "12", "negatif")


# ------------------------------------------------------------------ AMBIGUOUS_COLUMN
@triggers("AMBIGUOUS_COLUMN")
def test_ambiguous_column_sebelum_sesudah(tmp_path):
    """SPEC §10.2: `Sesudah Perubahan` wins over `Sebelum Perubahan`; the choice is a peringatan."""
    data = minimal()
    head = [["Kode", "Uraian", "Sebelum Perubahan", "Sesudah Perubahan"], [None, None, "Pagu", "Pagu"]]
    data["dpa"] = head + [[k, u, p + 5 * M if p else None, p] for k, u, p in data["dpa"][1:]]
    from builder import sheet
    result = run(tmp_path, **{**data, "dpa": sheet(data["dpa"], merge=["A1:A2", "B1:B2"])})
    assert kinds(result) == ["AMBIGUOUS_COLUMN"]
    f = hit(result, "AMBIGUOUS_COLUMN", "DPA", "D2", "Pagu", "D", "C")
    assert (f.dihitung, f.dilaporkan) == ("D", "C")
    assert result.total_pagu == 250 * M


# ------------------------------------------------------------------ PEGAWAI_TIDAK_VALID (SPEC §12)
@triggers("PEGAWAI_TIDAK_VALID")
def test_pegawai_tidak_valid(tmp_path):
    """A Pegawai row whose NIP is not 18 digits (more cases in test_bab1.py)."""
    pegawai = [["Nama", "NIP", "Pangkat/Golongan", "Pendidikan"], ["Saihani", "1977052 200906 1 002", "II/d", "SLTA"],
               ["Hatmi", "19821215 200801 2 014", "III/a", "S1"]]
    result = run(tmp_path, extra_sheets={"Pegawai": pegawai})
    assert kinds(result) == ["PEGAWAI_TIDAK_VALID"]
    hit(result, "PEGAWAI_TIDAK_VALID", "Pegawai", "B2", "Saihani", "1977052 200906 1 002", "17 angka")


# ------------------------------------------------------------------ every code covered


def test_every_code_has_a_trigger():
    assert TRIGGERED == set(SPEC_TINGKAT)


def test_findings_are_ordered_by_tingkat(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_B, "Target 2025", 11)  # info
    put(data["realisasi"], "7.01.02.2.01.0001", "Uraian", "Pelayanan KTP")  # peringatan
    put(data["dpa"], "7.01.02", "Pagu", 1)  # kesalahan
    result = run(tmp_path, **data)
    assert [f.tingkat for f in result.findings] == ["kesalahan", "peringatan", "info"]


def test_ref_helper_matches_the_cells_used_above():
    data = minimal()
    assert ref(data["realisasi"], "7.01.02.2.01.0001", "%") == "E7"
    assert ref(data["kinerja"], IND_B, "Target 2025") == "I4"


def test_messages_name_the_users_sheets(tmp_path):
    """A sentence names an input sheet as the workbook calls it, not by its role (issue 19 item 3)."""
    data = minimal()
    data["dpa"] = builder.sheet(data["dpa"], name="Anggaran")
    data["pemetaan"] = builder.sheet(data["pemetaan"] + [["Indikator Tak Dikenal", "7.01.02"], [IND_A, "9.99.99"]],
                                     name="Cascading")
    put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", 55 * M)
    result = run(tmp_path, **data)
    unknown = {f.pesan for f in result.findings if f.kode == "UNKNOWN_REFERENCE"}
    assert "Lembar Cascading menyebut kode 9.99.99 yang tidak ada di lembar Anggaran." in unknown, unknown
    assert any(p.startswith("Lembar Cascading menyebut indikator 'Indikator Tak Dikenal'") for p in unknown), unknown
    exceeds = hit(result, "REALISASI_EXCEEDS_PAGU", "Realisasi", "D10")
    assert "melebihi pagunya" in exceeds.pesan
    assert not [f for f in result.findings if "Pemetaan" in f.pesan or " DPA" in f.pesan]


@triggers("TABEL_KOSONG")
def test_a_table_with_no_data_is_named_with_the_input_column_that_would_fill_it(tmp_path):
    """A dinas with no tujuan indicator and no IKU text: 3.1 Capaian Tujuan and 2.3 IKU have nothing to show."""
    data = minimal()
    drop(data["kinerja"], IND_T)
    for row in data["kinerja"][1:]:
        row[-1] = None  # Penanggung Jawab, the minimal input's one IKU column
    result = run(tmp_path, **data)
    assert kinds(result) == ["TABEL_KOSONG"] and len(result.findings) == 2
    iku, tujuan = result.findings
    assert (iku.tingkat, iku.lembar, iku.sel, tujuan.tingkat) == ("info", None, None, "info")
    for word in ("Tabel Indikator Kinerja Utama", "'Makna'", "'Penanggung Jawab'", "lembar Kinerja"):
        assert word in iku.pesan, iku.pesan
    for word in ("Tabel Capaian Tujuan", "'Level'", "Tujuan", "lembar Kinerja"):
        assert word in tujuan.pesan, tujuan.pesan


@triggers("TABEL_KOSONG")
def test_no_pemetaan_leaves_out_the_pendukung_and_efisiensi_tables_with_one_info(tmp_path):
    """Without Pemetaan no sasaran indicator has a budget: every Pendukung and Efisiensi table would show a
    header and blank money columns only. One info names them and the Pemetaan columns that would fill them."""
    result = run(tmp_path, pemetaan=None)
    kosong = [f for f in result.findings if f.kode == "TABEL_KOSONG"]
    assert len(kosong) == 1 and (kosong[0].tingkat, kosong[0].lembar, kosong[0].sel) == ("info", None, None)
    assert kosong[0].pesan == (
        "Tabel Pendukung dan Efisiensi per Sasaran dan Daftar Analisis Efisiensi tidak dicetak karena indikator "
        "sasarannya tidak didukung program, kegiatan atau sub kegiatan mana pun; nomor tabel sesudahnya maju. "
        "Isi kolom 'Indikator' dan 'Kode' di lembar Pemetaan untuk menampilkannya.")


def test_a_sasaran_with_no_mapped_indicator_loses_its_pendukung_and_efisiensi_tables(tmp_path):
    data = minimal()
    drop(data["pemetaan"], IND_A)  # sasaran 1's one indicator
    result = run(tmp_path, **data)
    kosong = [f.pesan for f in result.findings if f.kode == "TABEL_KOSONG"]
    assert len(kosong) == 1 and kosong[0].startswith(
        "Tabel Pendukung Sasaran 1 dan Efisiensi Sasaran 1 tidak dicetak karena"), kosong


def test_an_empty_dpa_leaves_out_every_budget_table_with_one_info(tmp_path):
    result = run(tmp_path, dpa=[["Kode", "Uraian", "Pagu"]], realisasi=[["Kode", "Uraian", "Pagu", "Realisasi"]],
                 pemetaan=None)
    assert not result.nodes
    kosong = [f.pesan for f in result.findings if f.kode == "TABEL_KOSONG"]
    assert kosong == [
        "Tabel Rencana Kerja (Renja), Pendukung dan Efisiensi per Sasaran, Realisasi Anggaran, Daftar Analisis "
        "Efisiensi dan Realisasi per Jenis Belanja tidak dicetak karena lembar DPA tidak berisi baris anggaran; "
        "nomor tabel sesudahnya maju. Isi kolom 'Kode', 'Uraian' dan 'Pagu' di lembar itu (dan 'Realisasi' di "
        "lembar Realisasi) untuk menampilkannya."]


def test_a_belanja_sheet_with_no_row_is_named(tmp_path):
    result = run(tmp_path, belanja=[["Kode", "Uraian", "Pagu", "Realisasi"]])
    assert [f.pesan for f in result.findings if f.kode == "TABEL_KOSONG"] == [
        "Tabel Realisasi per Jenis Belanja tidak dicetak karena lembar Belanja tidak berisi data; isi kolom "
        "'Kode', 'Pagu' dan 'Realisasi' di lembar itu untuk menampilkannya."]
    assert "TABEL_KOSONG" not in kinds(run(tmp_path, belanja=None))  # no Belanja sheet: nothing to say


def test_one_iku_text_is_enough_to_print_the_iku_table(tmp_path):
    data = minimal()
    for row in data["kinerja"][2:]:
        row[-1] = None
    put(data["kinerja"], IND_B, "Penanggung Jawab", "Kepala Seksi Pemerintahan")
    assert "TABEL_KOSONG" not in kinds(run(tmp_path, **data))
