"""Excel's rounding and the claim tolerance rule (SPEC §4)."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from lkip_xl.model import Num
from lkip_xl.reader.values import shortest_decimals


_WIDE = Context(prec=400)  # room for any double at any number of decimals


def round_excel(x: float, n: int = 0) -> float:
    """Round half away from zero after 15 significant digits, as Excel and LibreOffice do."""
    if not math.isfinite(x):
        return x
    return float(Decimal(f"{x:.15g}").quantize(Decimal(1).scaleb(-n), rounding=ROUND_HALF_UP, context=_WIDE))


def claim_decimals(stated: Num) -> int:
    return stated.decimals if stated.decimals is not None else shortest_decimals(stated.value)


def ratio_agrees(stated: Num, computed: float) -> bool:
    """A % / ratio / indicator claim written with d decimals equals the computed value rounded to d."""
    d = claim_decimals(stated)
    return round_excel(stated.value, d) == round_excel(computed, d)


def money_agrees(stated: float, computed: float, tolerance: float) -> bool:
    return abs(stated - computed) <= tolerance + 1e-9
