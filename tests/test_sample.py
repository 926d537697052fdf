"""The committed sample (the seed's LKIP 2024 of Kecamatan Juai) end to end against the seed's own figures."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from lkip_xl.api import analyse
from lkip_xl.model import Cell
from lkip_xl.reader.values import parse_number
from lkip_xl.report import build_report
from lkip_xl.rules.rounding import round_excel

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "kecamatan_juai_2024.xlsx"

IKM_TUJUAN = "Indeks Kepuasan Masyarakat (IKM)"
IKM = "Indeks Kepuasan Masyarakat (IKM) Pelayanan dan Kesejahteraan Sosial"
LKD = "Jumlah Lembaga Kemasyarakatan Desa (LKD) yang Aktif"
TRANTIB = "Persentase Gangguan Ketentraman dan Ketertiban Umum yang Ditangani"
ADM_PEM = "Persentase Desa Tertib Administrasi Pemerintahan"
ADM_KEU = "Persentase Desa Tertib Administrasi Keuangan"

# Tabel 3.13 of the seed (seed/000_b2bfd02cb2e5f272.txt): No, Pagu Anggaran, Realisasi, Rasio Capaian.
TABEL_3_13 = [
    ("1.", "6.025.173.178", "5.592.781.361", "92,82"),
    ("1.1", "306.851.700", "304.556.268", "99,25"),
    ("1.1.1", "6.515.500", "6.515.500", "100"),
    ("1.1.2", "6.469.500", "5.661.700", "87,51"),
    ("1.1.3", "293.866.700", "292.379.068", "99,49"),
    ("1.2", "3.376.670.578", "3.045.667.964", "90,20"),
    ("1.2.1", "3.269.845.678", "2.939.443.064", "89,90"),
    ("1.2.2", "106.824.900", "106.224.900", "99,44"),
    ("1.3", "19.040.000", "18.900.493", "99,27"),
    ("1.3.1", "19.040.000", "18.900.493", "99,27"),
    ("1.4", "735.990.200", "732.933.817", "99,58"),
    ("1.4.1", "9.461.500", "9.461.500", "100"),
    ("1.4.2", "138.844.300", "138.320.600", "99,62"),
    ("1.4.3", "587.684.400", "585.151.717", "99,57"),
    ("1.5", "635.248.700", "579.810.551", "91,27"),
    ("1.5.1", "139.267.100", "137.887.300", "99,01"),
    ("1.5.2", "149.094.200", "121.615.251", "81,57"),
    ("1.5.3", "346.887.400", "320.308.000", "92,34"),
    ("1.6", "951.372.000", "910.912.268", "95,75"),
    ("1.6.1", "715.039.000", "675.184.750", "94,43"),
    ("1.6.2", "236.333.000", "235.727.518", "99,74"),
    ("2.", "434.214.700", "432.248.899", "99,55"),
    ("2.1", "219.579.800", "219.183.899", "99,82"),
    ("2.1.1", "219.579.800", "219.183.899", "99,82"),
    ("2.2", "214.634.900", "213.065.000", "99,27"),
    ("2.2.1", "214.634.900", "213.065.000", "99,27"),
    ("3.", "372.156.100", "354.065.310", "95,14"),
    ("3.1", "231.486.900", "231.271.300", "99,91"),
    ("3.1.1", "49.507.400", "49.507.400", "100,00"),
    ("3.1.2", "79.870.000", "79.686.100", "99,77"),
    ("3.1.3", "102.109.500", "102.077.800", "99,97"),
    ("3.2", "140.669.200", "122.794.010", "87,29"),
    ("3.2.1", "140.669.200", "122.794.010", "87,29"),
    ("4.", "295.471.700", "260.547.500", "88,18"),
    ("4.1", "295.471.700", "260.547.500", "88,18"),
    ("4.1.1", "295.471.700", "260.547.500", "88,18"),
    ("5.", "426.643.600", "418.374.934", "98,06"),
    ("5.1", "426.643.600", "418.374.934", "98,06"),
    ("5.1.1", "121.116.000", "115.149.900", "95,07"),
    ("5.1.2", "305.527.600", "303.225.034", "99,25"),
    ("6.", "443.003.800", "432.336.400", "97,59"),
    ("6.1", "443.003.800", "432.336.400", "97,59"),
    ("6.1.1", "137.971.300", "130.775.400", "94,78"),
    ("6.1.2", "137.773.300", "137.276.600", "99,64"),
    ("6.1.3", "30.449.200", "30.384.200", "99,79"),
    ("6.1.4", "41.017.800", "41.009.000", "99,98"),
    ("6.1.5", "95.792.200", "92.891.200", "96,97"),
]


def seed_number(text: str):
    return parse_number(text, Cell("seed", "-"))


@pytest.fixture(scope="module")
def result():
    return analyse(str(SAMPLE))


def indicator(result, name):
    return next(i for i in result.indicators if i.nama == name)


def r2(x):
    return round_excel(x, 2)


def test_total_budget(result):
    assert result.total_pagu == 7_996_663_078
    assert result.total_realisasi == 7_490_354_404
    assert result.total_sisa == 506_308_674
    assert r2(result.total_serapan) == 93.67


def test_every_program_kegiatan_and_sub_kegiatan_agrees_with_tabel_3_13(result):
    nodes = {n.nomor: n for n in result.nodes}
    assert [n.nomor for n in result.nodes] == [no.rstrip(".") for no, *_ in TABEL_3_13]
    levels = {0: "program", 1: "kegiatan", 2: "sub_kegiatan"}
    for no, pagu, realisasi, rasio in TABEL_3_13:
        node = nodes[no.rstrip(".")]
        assert node.level == levels[no.rstrip(".").count(".")], no
        assert node.pagu == seed_number(pagu).value, no
        assert node.realisasi == seed_number(realisasi).value, no
        stated = seed_number(rasio)
        assert round_excel(node.serapan, stated.decimals) == stated.value, (no, node.serapan, rasio)


def test_codes_of_the_tree(result):
    assert sum(n.level == "program" for n in result.nodes) == 6
    assert sum(n.level == "kegiatan" for n in result.nodes) == 13
    assert sum(n.level == "sub_kegiatan" for n in result.nodes) == 28
    node = next(n for n in result.nodes if n.nomor == "2.1.1")
    assert node.kode == "7.01.02.2.02.0003"


def test_ikm_capaian(result):
    for name in (IKM_TUJUAN, IKM):
        ind = indicator(result, name)
        assert (ind.target, ind.realisasi) == (87.65, pytest.approx(87.67))  # realisasi from Komponen
        assert ind.realisasi_source == "komponen"
        assert r2(ind.capaian) == 100.02
        assert (ind.tahun_akhir, ind.target_akhir) == (2026, 87.75)
        assert r2(ind.capaian_akhir) == 99.91
        assert ind.kategori == "Sangat Berhasil"
        assert {y: r2(v) for y, v in ind.realisasi_by_year.items()} == {2022: 87.59, 2023: 87.62, 2024: 87.67}


def test_lkd_capaian_against_the_end_target(result):
    ind = indicator(result, LKD)
    assert (ind.target, ind.realisasi, ind.capaian) == (70, 70, 100)
    assert ind.target_akhir == 90
    assert r2(ind.capaian_akhir) == 77.78


def test_percent_indicators_read_as_100(result):
    for name in (TRANTIB, ADM_PEM, ADM_KEU):
        ind = indicator(result, name)
        assert (ind.target, ind.realisasi, ind.capaian, ind.capaian_akhir) == (100, 100, 100, 100)


def test_efisiensi_of_sasaran_1_to_3(result):
    assert [r2(indicator(result, n).efisiensi) for n in (IKM, LKD, TRANTIB)] == [0.48, 4.86, 5.98]
    assert [indicator(result, n).pagu for n in (IKM, LKD, TRANTIB)] == [434_214_700, 372_156_100, 722_115_300]
    assert [r2(indicator(result, n).serapan) for n in (IKM, LKD, TRANTIB)] == [99.55, 95.14, 94.02]


def test_sasaran_4_serapan_is_what_its_own_numbers_give(result):
    pem, keu = indicator(result, ADM_PEM), indicator(result, ADM_KEU)
    assert (pem.pagu, pem.realisasi_anggaran) == (233_763_500, 223_666_600)
    assert (keu.pagu, keu.realisasi_anggaran) == (209_240_300, 208_669_800)
    assert (r2(pem.serapan), r2(keu.serapan)) == (95.68, 99.73)
    assert (r2(pem.efisiensi), r2(keu.efisiensi)) == (4.32, 0.27)


def test_tujuan_uses_the_whole_budget_and_stays_out_of_e(result):
    tujuan = indicator(result, IKM_TUJUAN)
    assert tujuan.whole_budget and tujuan.pagu == 7_996_663_078
    sasaran = [i.efisiensi for i in result.indicators if i.level == "sasaran"]
    assert len(sasaran) == 5
    assert result.efisiensi_rata_rata == pytest.approx(sum(sasaran) / 5)
    assert result.nilai_efisiensi == pytest.approx(50 + result.efisiensi_rata_rata / 20 * 50)


def test_findings_are_the_seeds_eleven_wrong_figures(result):
    found = [(f.kode, f.tingkat, f.lembar, f.sel, f.dilaporkan, r2(f.dihitung)) for f in result.findings
             if f.tingkat == "kesalahan"]
    assert found == [
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D49", 97.26, 95.68),  # Tabel 3.11 serapan
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D54", 96.7, 99.73),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D84", 97.26, 95.68),  # Tabel 3.14 serapan
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D85", 2.74, 4.32),  # Tabel 3.14 efisiensi
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D91", 96.7, 99.73),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D92", 3.3, 0.27),
        # Tabel 1.1's pangkat counts against its own nominatif (Tabel 1.2): III/a, III/b, III/c, IV/a, IV/b
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D127", 2, 4),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D128", 1, 0),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D129", 4, 3),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D131", 1, 2),
        ("CLAIM_MISMATCH", "kesalahan", "Dilaporkan", "D132", 1, 0),
    ]
    messages = [f.pesan for f in result.findings if f.kode == "CLAIM_MISMATCH"]
    assert "Tabel 3.11" in messages[0] and ADM_PEM in messages[0] and "97,26 %" in messages[0]
    assert "95,68" in messages[0]
    assert "Tabel 3.14" in messages[5] and "Efisiensi" in messages[5] and ADM_KEU in messages[5]
    assert "3,30 %" in messages[5]


def test_the_warnings_are_the_seeds_two_malformed_nips_and_the_renamed_sub_kegiatan(result):
    rest = [(f.kode, f.tingkat, f.lembar, f.sel) for f in result.findings if f.tingkat != "kesalahan"]
    assert rest == [("PEGAWAI_TIDAK_VALID", "peringatan", "Pegawai", "B17"),  # Saihani: 17 digits
                    ("PEGAWAI_TIDAK_VALID", "peringatan", "Pegawai", "B20"),  # Ruslan: 19 digits
                    ("NAME_MISMATCH", "peringatan", "Realisasi", "B36")]


def test_jenis_belanja(result):
    assert result.belanja_source == "sheet"
    got = {g.kode: (g.pagu, g.realisasi, r2(g.serapan)) for g in result.belanja}
    assert set(got) == {"5.1", "5.1.01", "5.1.02", "5.2", "5.2.02", "5.2.05"}
    # Bab 3.2 of the seed: pagu and realisasi of 5.1, 5.1.01, 5.1.02 and 5.2; realisasi and % of the 5.2 kinds.
    assert got["5.1"] == (7_022_668_878, 6_580_929_405, 93.71)
    assert got["5.1.01"] == (3_269_845_678, 2_939_443_064, 89.90)
    assert got["5.1.02"] == (3_752_823_200, 3_641_486_341, 97.03)
    assert got["5.2"] == (973_994_200, 909_424_999, 93.37)
    assert got["5.2.02"][1:] == (902_274_999, 93.32)
    assert got["5.2.05"][1:] == (7_150_000, 99.79)
    assert got["5.1"][0] + got["5.2"][0] == result.total_pagu
    assert got["5.1"][1] + got["5.2"][1] == result.total_realisasi


def test_json_report_has_exactly_the_keys_of_spec_8(result):
    report = json.loads(json.dumps(build_report(result)))
    assert set(report) == {"skpd", "tahun", "anggaran", "kegiatan", "belanja", "indikator", "efisiensi", "temuan",
                           "pembacaan"}
    assert (report["skpd"], report["tahun"]) == ("Kecamatan Juai", 2024)
    assert set(report["anggaran"]) == {"pagu", "realisasi", "sisa", "serapan", "tidak_terbaca"}
    assert report["anggaran"]["pagu"] == 7_996_663_078
    assert report["anggaran"]["tidak_terbaca"] == 0  # SPEC §10.16: amounts left out of the sums
    assert report["anggaran"]["serapan"] == pytest.approx(93.6685006100491)  # percent units, unrounded
    assert {frozenset(k) for k in report["kegiatan"]} == {frozenset(
        {"kode", "nomor", "uraian", "level", "pagu", "realisasi", "sisa", "serapan"})}
    assert len(report["kegiatan"]) == 47
    assert {k["level"] for k in report["kegiatan"]} == {"program", "kegiatan", "sub_kegiatan"}
    assert {frozenset(k) for k in report["belanja"]} == {frozenset({"kode", "uraian", "pagu", "realisasi", "serapan"})}
    assert {frozenset(k) for k in report["indikator"]} == {frozenset({
        "level", "tujuan", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi", "capaian",
        "kategori", "realisasi_tahun_lalu", "target_akhir_renstra", "capaian_akhir_renstra", "pagu",
        "realisasi_anggaran", "serapan", "efisiensi"})}
    ikm = report["indikator"][1]
    assert (ikm["level"], ikm["polaritas"], ikm["sasaran"]) == ("sasaran", "positif",
                                                                "Meningkatnya Fasilitasi Pelayanan Masyarakat")
    assert ikm["realisasi_tahun_lalu"] == {"2022": pytest.approx(87.59), "2023": pytest.approx(87.62)}
    assert report["indikator"][0]["sasaran"] is None
    assert set(report["efisiensi"]) == {"rumus", "rata_rata", "nilai"}
    assert {frozenset(t) for t in report["temuan"]} == {frozenset(
        {"kode", "tingkat", "lembar", "sel", "pesan", "dilaporkan", "dihitung", "kelompok"})}
    assert len(report["temuan"]) == 14


def test_belanja_claims_by_akun_code_are_not_outline_numbers(tmp_path):
    """`5.1.02` is belanja barang dan jasa, not sub kegiatan 5.1.2; `5.1` the belanja operasi group."""
    import openpyxl

    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Dilaporkan"]
    last = ws.max_row
    claims = [("Bab 3.2", "5.1", "Pagu", "Rp. 7.022.668.878,00"), ("Bab 3.2", "5.1", "Serapan", "93,71%"),
              ("Bab 3.2", "5.1.01", "Realisasi Anggaran", "Rp. 2.939.443.064,00"),
              ("Bab 3.2", "5.1.02", "Serapan", "97,03 %"), ("Bab 3.2", "5.2", "Serapan", "93,37%"),
              ("Bab 3.2", "5.2.02", "Serapan", "93,32%"), ("Bab 3.2", "5.2.05", "Serapan", "99,79%"),
              ("Tabel 3.13", "5.1.2", "Pagu", "305.527.600"), ("Tabel 3.13", "7.01.05.2.01", "Serapan", "98,06")]
    for i, row in enumerate(claims, start=1):
        for c, value in enumerate(row, start=1):
            ws.cell(last + i, c, value)
    path = tmp_path / "juai.xlsx"
    wb.save(path)
    result = analyse(str(path))
    assert [f.sel for f in result.findings if f.kode == "CLAIM_MISMATCH"] == [
        "D49", "D54", "D84", "D85", "D91", "D92", "D127", "D128", "D129", "D131", "D132"]
    assert not [f for f in result.findings if f.kode == "UNKNOWN_REFERENCE"]


def test_the_seeds_eleven_wrong_claims_are_seven_causes(result):
    """SPEC §6: sasaran 4's two wrong serapan figures, each claimed in Tabel 3.11 and 3.14 and carried into
    Tabel 3.14's efisiensi ((1 − 97,26 / 100) × 100 = 2,74), are two causes of three findings each; the five
    wrong pangkat counts of Tabel 1.1 are a cause each."""
    sample_report = build_report(result)
    claims = [t for t in sample_report["temuan"] if t["kode"] == "CLAIM_MISMATCH"]
    groups: dict = {}
    for t in claims:
        groups.setdefault(t["kelompok"], []).append(t["sel"])
    assert sorted(groups.values()) == [["D127"], ["D128"], ["D129"], ["D131"], ["D132"], ["D49", "D84", "D85"],
                                       ["D54", "D91", "D92"]]
    others = [t["kelompok"] for t in sample_report["temuan"] if t["kode"] != "CLAIM_MISMATCH"]
    assert len(set(others)) == len(others) and not set(others) & set(groups)
