"""Each figure's declaration: its value (Excel's semantics) and the formula it renders."""
from __future__ import annotations

import math

import pytest

from lkip_xl import figures as F

ADDR = {"realisasi": "H4", "pagu": "G4", "target": "D4", "polaritas": "Kinerja!G4",
        "capaian": "F4", "serapan": "L4", "e": "M9", "efisiensi_sasaran": "N4:N7"}


def test_serapan_value_and_formula():
    assert F.SERAPAN.value({"realisasi": 230.0, "pagu": 250.0}) == 230.0 / 250.0 * 100
    assert F.SERAPAN.value({"realisasi": 5.0, "pagu": 0.0}) is None  # Excel shows "-"
    assert F.SERAPAN.value({"realisasi": 1e300, "pagu": 1e-300}) is None  # never inf
    assert F.SERAPAN.formula(ADDR) == 'IF(G4=0,"-",H4/G4*100)'


def test_serapan_of_an_indicator_without_budget_is_nothing():
    assert F.SERAPAN_INDIKATOR.value({"realisasi": None, "pagu": None}) is None
    assert F.SERAPAN_INDIKATOR.value({"realisasi": 95.0, "pagu": 100.0}) == 95.0
    assert F.SERAPAN_INDIKATOR.formula(ADDR) == 'IF(AND(ISNUMBER(G4),ISNUMBER(H4)),IF(G4=0,"-",H4/G4*100),"-")'


@pytest.mark.parametrize("rumus", ["(2T-R)/T", "T/R"])
def test_capaian_positive_is_r_over_t_whatever_the_negative_rule(rumus):
    cap = F.capaian(rumus)
    assert cap.value({"target": 12.0, "realisasi": 8.0, "polaritas": "positif"}) == 8.0 / 12.0 * 100
    assert cap.value({"target": 0.0, "realisasi": 8.0, "polaritas": "positif"}) is None
    assert cap.value({"target": None, "realisasi": 8.0, "polaritas": "positif"}) is None
    assert cap.value({"target": 12.0, "realisasi": None, "polaritas": "negatif"}) is None


def test_capaian_negative_rules():
    env = {"target": 16.0, "realisasi": 12.0, "polaritas": "negatif"}
    assert F.capaian("(2T-R)/T").value(env) == (2 * 16.0 - 12.0) / 16.0 * 100
    assert F.capaian("T/R").value(env) == 16.0 / 12.0 * 100
    assert F.capaian("T/R").value({**env, "realisasi": 0.0}) is None  # T/R with R = 0
    assert F.capaian("(2T-R)/T").value({**env, "polaritas": "Negatif"}) == 125.0  # Excel ignores case
    assert F.capaian("(2T-R)/T").formula(ADDR) == (
        'IF(OR(NOT(ISNUMBER(D4)),NOT(ISNUMBER(H4))),"-",IF(D4=0,"-",'
        'IF(Kinerja!G4="Negatif",(2*D4-H4)/D4*100,H4/D4*100)))')
    assert F.capaian("T/R").formula(ADDR) == (
        'IF(OR(NOT(ISNUMBER(D4)),NOT(ISNUMBER(H4))),"-",IF(D4=0,"-",'
        'IF(Kinerja!G4="Negatif",IF(H4=0,"-",D4/H4*100),H4/D4*100)))')


def test_capaian_overflow_stays_inf_for_the_overflow_finding():
    assert math.isinf(F.capaian("(2T-R)/T").value({"target": 1e-300, "realisasi": 1e300, "polaritas": "positif"}))


def test_efisiensi_pmk_249_and_selisih():
    env = {"capaian": 80.0, "serapan": 140.0 / 150.0 * 100}
    assert F.efisiensi("PMK 249").value(env) == (1 - env["serapan"] / 80.0) * 100
    assert F.efisiensi("PMK 249").value({**env, "capaian": 0.0}) is None
    assert F.efisiensi("Selisih").value(env) == 80.0 - env["serapan"]
    assert F.efisiensi("Selisih").value({**env, "capaian": 0.0}) == -env["serapan"]
    for rumus in ("PMK 249", "Selisih"):
        assert F.efisiensi(rumus).value({"capaian": None, "serapan": 90.0}) is None
        assert F.efisiensi(rumus).value({"capaian": 90.0, "serapan": None}) is None
    assert F.efisiensi("PMK 249").formula(ADDR) == 'IF(AND(ISNUMBER(F4),ISNUMBER(L4)),IF(F4=0,"-",(1-L4/F4)*100),"-")'
    assert F.efisiensi("Selisih").formula(ADDR) == 'IF(AND(ISNUMBER(F4),ISNUMBER(L4)),F4-L4,"-")'


def test_e_is_the_mean_of_the_numbers():
    assert F.E.value({"efisiensi_sasaran": [5.0, 10.0]}) == 7.5
    assert F.E.value({"efisiensi_sasaran": [5.0, "", 10.0]}) == 7.5  # AVERAGE skips text
    assert F.E.value({"efisiensi_sasaran": []}) is None  # IFERROR(AVERAGE()) shows "-"
    assert F.E.value({"efisiensi_sasaran": [1.7e308, 1.7e308]}) == 1.7e308  # divided first: no inf
    assert F.E.formula(ADDR) == 'IFERROR(AVERAGE(N4:N7),"-")'


@pytest.mark.parametrize("e, nilai", [(7.5, 68.75), (0.0, 50.0), (20.0, 100.0), (35.0, 100.0),
                                      (-20.0, 0.0), (-27.6, 0.0), (None, None)])
def test_nilai_clamps_e_to_plus_minus_20(e, nilai):
    assert F.NILAI.value({"e": e}) == nilai


def test_nilai_formula():
    assert F.NILAI.formula(ADDR) == 'IF(ISNUMBER(M9),50+(MAX(-20,MIN(20,M9))/20)*50,"-")'


def test_arithmetic_renders_the_parentheses_it_needs():
    a, b, c = F.Ref("a"), F.Ref("b"), F.Ref("c")
    addr = {"a": "A1", "b": "B1", "c": "C1"}
    assert F.Sub(a, F.Sub(b, c)).formula(addr) == "A1-(B1-C1)"
    assert F.Div(a, F.Mul(b, c)).formula(addr) == "A1/(B1*C1)"
    assert F.Mul(F.Add(a, b), c).formula(addr) == "(A1+B1)*C1"
    assert F.Sub(F.Sub(a, b), c).formula(addr) == "A1-B1-C1"
    assert F.Sub(F.Sub(a, b), c).value({"a": 5.0, "b": 2.0, "c": 1.0}) == 2.0
    assert F.Div(a, b).value({"a": 1.0, "b": 0.0}) is None  # Excel: #DIV/0!
    assert F.Add(a, b).value({"a": 1.0, "b": "-"}) is None


def test_target_is_pk_else_renstra_and_skips_columns_the_workbook_lacks():
    assert F.TARGET.value({"target_pk": 90.0, "target_renstra": 80.0}) == 90.0
    assert F.TARGET.value({"target_pk": None, "target_renstra": 80.0}) == 80.0
    assert F.TARGET.value({}) is None
    # a PK cell holding text that could not be read is no number, and the Renstra target does not stand in
    assert F.TARGET.value({"target_pk": "tiga belas", "target_renstra": 80.0}) is None  # SPEC §10.21
    assert F.TARGET.formula({"target_pk": "K4", "target_renstra": "H4"}) == \
        'IF(K4="",IF(ISNUMBER(H4),H4,"-"),IF(ISNUMBER(K4),K4,"-"))'
    assert F.TARGET.formula({"target_renstra": "H4"}) == 'IF(ISNUMBER(H4),H4,"-")'
    assert F.TARGET.formula({}) == '"-"'


@pytest.mark.parametrize("metodes, values, expected, fn", [
    (["jumlah", "jumlah"], [7.0, 4.0], 11.0, "SUMIFS(E4:E9,A4:A9,\"I01\")"),
    (["rata-rata", "jumlah"], [7.0, 4.0], 5.5, "AVERAGEIFS(E4:E9,A4:A9,\"I01\")"),
    (["pembilang", "penyebut"], [3.0, 4.0], 75.0,
     'SUMIFS(E4:E9,A4:A9,"I01",F4:F9,"pembilang")/SUMIFS(E4:E9,A4:A9,"I01",F4:F9,"penyebut")*100'),
])
def test_komponen_rule_by_metode(metodes, values, expected, fn):
    metode = F.komponen_metode(metodes)
    env = {"nilai": values, "pembilang": [v for m, v in zip(metodes, values) if m == "pembilang"],
           "penyebut": [v for m, v in zip(metodes, values) if m == "penyebut"]}
    assert F.komponen(metode).value(env) == expected
    addr = {"nilai": "E4:E9", "kriteria": 'A4:A9,"I01"', "metode": "F4:F9", "tertulis": "Kinerja!J4"}
    assert F.komponen(metode).formula(addr) == fn
    assert F.realisasi(metode).formula(addr) == f'IFERROR({fn},IF(ISNUMBER(Kinerja!J4),Kinerja!J4,"-"))'
    # a ratio over no penyebut falls back to the stated realisasi, as IFERROR does
    assert F.realisasi("rasio").value({"pembilang": [3.0], "penyebut": [], "tertulis": 80.0}) == 80.0
    assert F.realisasi(None).value({"tertulis": None}) is None


def test_kategori_band_on_the_live_scale():
    scale = [(100, "Sangat Berhasil"), (75, "Berhasil"), (float("-inf"), "Kurang Berhasil")]
    assert F.KATEGORI.value({"capaian": 99.99999999999999, "skala": scale}) == "Sangat Berhasil"  # 15 digits
    assert F.KATEGORI.value({"capaian": 74.99, "skala": scale}) == "Kurang Berhasil"
    assert F.KATEGORI.value({"capaian": None, "skala": scale}) is None
    addr = {"capaian": "F4", "batas": ["A20", "A21", "A22"], "nama": ["B20", "B21", "B22"]}
    assert F.KATEGORI.formula(addr) == 'IF(ISNUMBER(F4),IF(F4>=A20,B20,IF(F4>=A21,B21,B22)),"-")'


def test_efisiensi_counts_for_e_only_for_sasaran_with_budget():
    f = F.EFISIENSI_UNTUK_E
    assert f.value({"level": "sasaran", "efisiensi": 5.0, "pagu": 10.0}) == 5.0
    assert f.value({"level": "tujuan", "efisiensi": 5.0, "pagu": 10.0}) == ""
    assert f.value({"level": "sasaran", "efisiensi": 5.0, "pagu": None}) == ""
    assert f.formula({"level": "C4", "efisiensi": "M4", "pagu": "J4"}) == \
        'IF(AND(C4="Sasaran",ISNUMBER(M4),ISNUMBER(J4)),M4,"")'


def test_sums_and_differences():
    assert F.SISA.value({"pagu": 10.0, "realisasi": 7.5}) == 2.5 and F.SISA.formula({"pagu": "G4", "realisasi": "H4"}) == "G4-H4"
    assert F.JUMLAH.formula({"rincian": "E4:E9"}) == "SUM(E4:E9)"
    assert F.JUMLAH_KELOMPOK.formula({"kelompok": ["C4", "C7"]}) == "C4+C7"
    assert F.JUMLAH_KELOMPOK.formula({"kelompok": []}) == "0"
    assert F.PER_JENIS.formula({"keys": "P4:P9", "kode": "5.1.02", "values": "E4:E9"}) == \
        'SUMPRODUCT(--(P4:P9="5.1.02"),E4:E9)'


def test_countifs_counts_the_rows_holding_every_criterion():
    f = F.CountIfs((("gol", F.Ref("dicari")), ("status", F.Ref("status_dicari"))))
    env = {"gol": ["III/a", "iii/a", "IV/a", None, "III/a"], "status": ["PNS", "PNS", "PNS", "PNS", "PPPK"],
           "dicari": "III/a", "status_dicari": "PNS"}
    assert f.value(env) == 2  # text ignoring case, as the spreadsheet compares it
    assert f.formula({"gol": "'Data Pegawai'!$E$4:$E$8", "dicari": "B5", "status": "'Data Pegawai'!$F$4:$F$8",
                      "status_dicari": '"PNS"'}) == \
        "COUNTIFS('Data Pegawai'!$E$4:$E$8,B5,'Data Pegawai'!$F$4:$F$8,\"PNS\")"
    filled = F.CountIfs((("nama", "<>"),))  # a text criterion is written into the formula
    assert filled.value({"nama": ["A", None, "", "B", 3.0]}) == 3  # "<>": every cell not empty
    assert filled.value({"nama": []}) == 0
    assert filled.formula({"nama": "B4:B9"}) == 'COUNTIFS(B4:B9,"<>")'
