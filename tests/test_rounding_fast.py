"""The fast paths of rules/rounding.py give exactly what the figures' declarations give."""
from __future__ import annotations

import math
import random

import pytest

from lkip_xl.figures import SESUAI, agrees, round_excel, selisih
from lkip_xl.model import Cell, Num, percent_of
from lkip_xl.rules.rounding import money_agrees, ratio_agrees, round_fast, serapan

EDGES = [0.0, -0.0, 0.5, -0.5, 0.005, -0.005, 0.004999999999, 0.0049, 0.0004, -0.0004, 1e-5, 2.675, 1.005,
         87.76000000000001, 83.84999999999999, 99.995, -99.995, 99.9949999, 0.125, 0.375, 1.5, 2.5, -2.5,
         123456789012345.6, 999999999999999.9, 1e15, -1e15, 1e15 - 1, 5e14 + 0.5, 1e300, 1e-300,
         math.inf, -math.inf, math.nan, 100.0, 93.67, 1 / 3, 2 / 3, 12.3449999999999, 0.9999999999999999]


def _samples(n: int = 6000, seed: int = 7):
    rnd = random.Random(seed)
    for _ in range(n):
        yield rnd.choice([
            rnd.uniform(-1000, 1000),
            round(rnd.uniform(0, 200), rnd.randint(0, 6)),
            rnd.randrange(100_000, 50_000_000, 100) / rnd.randrange(100_000, 50_000_000, 100) * 100,
            rnd.uniform(-1, 1) * 10 ** rnd.randint(-8, 16),
            float(rnd.randint(-10**9, 10**9)) + rnd.choice([0.5, 0.05, 0.005, 0.0005, 0.25]),
        ])


def _same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or (a == b and math.copysign(1, a) == math.copysign(1, b))


@pytest.mark.parametrize("n", [0, 1, 2, 3, 4, 6, 10, 15, 17])
def test_round_fast_is_round_excel(n):
    for x in [*EDGES, *(-x for x in EDGES), *_samples()]:
        assert _same(round_fast(x, n), round_excel(x, n)), (x, n)


def test_round_fast_outside_its_range_is_round_excel():
    for x in (3, -7, True, 1.25):
        for n in (-2, -1, 18, 40):
            assert _same(float(round_fast(x, n)), float(round_excel(x, n))), (x, n)


def _ratio_declared(stated: Num, computed) -> bool:
    from lkip_xl.rules.rounding import claim_decimals
    d = claim_decimals(stated)
    return agrees("ratio", 0.0).value({"selisih": selisih("ratio", d).value(
        {"dilaporkan": stated.value, "dihitung": computed})}) == SESUAI


def test_ratio_agrees_is_the_declared_rule():
    cell = Cell("Realisasi", "E4")
    rnd = random.Random(3)
    for x in _samples(5000):
        for d in (None, 0, 1, 2, 3):
            stated_value = round_excel(x, d if d is not None else 2)
            for computed in (x, stated_value, x + 0.005, x - 0.004999, x * (1 + 1e-12), rnd.uniform(0, 100)):
                stated = Num(stated_value, cell, stated_value, d)
                assert ratio_agrees(stated, computed) == _ratio_declared(stated, computed), (stated, computed)


def test_money_agrees_is_the_declared_rule():
    rnd = random.Random(5)
    for _ in range(20000):
        a = rnd.choice([rnd.randrange(0, 10**12), rnd.uniform(0, 1e12), 0, 0.0])
        b = rnd.choice([a, a + rnd.uniform(-2, 2), a + 1e-10, a - 1, rnd.randrange(0, 10**12)])
        tol = rnd.choice([0, 0.0, 1, 1.0, 0.5, 1000])
        declared = agrees("money", tol).value({"selisih": selisih("money", None).value(
            {"dilaporkan": a, "dihitung": b})}) == SESUAI
        assert money_agrees(a, b, tol) == declared, (a, b, tol)
    assert money_agrees(None, 5.0, 1.0) is False


def test_serapan_is_percent_of():
    rnd = random.Random(9)
    pairs = [(0, 0), (5, 0), (0.0, 0.0), (5.0, -0.0), (1e308, 1e-10), (None, 5.0), (5.0, None), (3, 7), (-4.0, 3.0)]
    pairs += [(rnd.uniform(0, 1e10), rnd.choice([rnd.uniform(0, 1e10), rnd.randrange(1, 10**10)])) for _ in range(20000)]
    for real, pagu in pairs:
        a, b = serapan(real, pagu), percent_of(real, pagu)
        assert (a is None and b is None) or _same(a, b), (real, pagu)
