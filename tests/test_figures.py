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
