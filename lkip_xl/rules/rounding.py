"""Excel's rounding and the claim tolerance rule (SPEC §4).

The judgments here are those of the figures' declarations (`figures.selisih`, `figures.agrees`,
`figures.SERAPAN`, `figures.round_excel`). A kabupaten rincian asks them once per row (100k rows),
so each has a fast path for plain floats that gives the identical value without building the
expression; anything else goes through the declarations (tests/test_rounding_fast.py compares them).
"""
from __future__ import annotations

from math import isfinite

from lkip_xl.arith import approx_sub
from lkip_xl.figures import SESUAI, agrees, round_excel, selisih  # noqa: F401 (round_excel: used across the package)
from lkip_xl.model import MAX_DECIMALS, Num, claim_decimals, percent_of, shortest_decimals  # noqa: F401 (claim_decimals: re-exported)

_POW10 = [10 ** n for n in range(MAX_DECIMALS + 1)]


def round_fast(x: float, n: int) -> float:
    """round_excel(x, n), the same float, for a float below 10^15 and 0 <= n <= 17 without a Decimal:
    the 15 significant digits Excel keeps, rounded half away from zero at the n-th decimal on the
    digits themselves. Other arguments, and a result of zero (whose sign round_excel decides), go
    to round_excel."""
    if type(x) is not float or not 0 <= n <= MAX_DECIMALS or not -1e15 < x < 1e15:
        return round_excel(x, n)
    s = f"{x:.15g}"
    if "e" in s:
        return round_excel(x, n)  # below 10^-4: written with an exponent
    head, _, frac = s.partition(".")
    if len(frac) <= n:
        return float(s)  # nothing beyond the n-th decimal
    negative = head[0] == "-"
    digits = int((head[1:] if negative else head) + frac[:n])
    if frac[n] >= "5":
        digits += 1
    if not digits:
        return round_excel(x, n)
    out = digits / _POW10[n]  # int / int: correctly rounded, as float(Decimal) is
    return -out if negative else out


def serapan(realisasi: float, pagu: float) -> float | None:
    """percent_of(realisasi, pagu) (`figures.SERAPAN`): realisasi / pagu × 100, None on a zero pagu or
    an overflow."""
    tr, tp = type(realisasi), type(pagu)
    if (tr is float or tr is int) and (tp is float or tp is int):
        if pagu == 0:
            return None
        v = realisasi / pagu * 100
        return v if isfinite(v) else None
    return percent_of(realisasi, pagu)


def ratio_agrees(stated: Num, computed: float) -> bool:
    """A % / ratio / indicator claim written with d decimals equals the computed value rounded to d
    (`figures.selisih` / `figures.agrees`, as the workbook's Status formula says)."""
    d = claim_decimals(stated)
    a = stated.value
    if type(a) is float and type(computed) is float:
        return approx_sub(round_fast(a, d), round_fast(computed, d)) == 0  # as the Status formula's `-`
    return agrees("ratio", 0.0).value({"selisih": selisih("ratio", d).value(
        {"dilaporkan": stated.value, "dihitung": computed})}) == SESUAI


def money_agrees(stated: float, computed: float, tolerance: float) -> bool:
    """A Rupiah claim is within the tolerance of the computed amount (`figures.agrees`)."""
    ts, tc, tt = type(stated), type(computed), type(tolerance)
    if (ts is float or ts is int) and (tc is float or tc is int) and (tt is float or tt is int):
        return abs(approx_sub(stated, computed)) <= tolerance + 1e-9
    return agrees("money", tolerance).value({"selisih": selisih("money", None).value(
        {"dilaporkan": stated, "dihitung": computed})}) == SESUAI
