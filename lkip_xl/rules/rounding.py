"""Excel's rounding and the claim tolerance rule (SPEC §4)."""
from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Context, Decimal

from lkip_xl.model import MAX_DECIMALS, Num, shortest_decimals


def round_excel(x: float, n: int = 0) -> float:
    """Round half away from zero after 15 significant digits, as Excel and LibreOffice do.

    Total: any finite float and any `n` (also 450 decimals, or -400) give a finite float.
    """
    if not math.isfinite(x):
        return x
    d = Decimal(f"{x:.15g}")
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= -n:
        out = float(d)  # nothing beyond the n-th decimal: no rounding to do
    elif d.adjusted() < -n - 1:
        out = 0.0  # below half a unit of the n-th decimal
    else:
        # Digits kept: those before the point plus n (both bounded here: at most ~340 + 15).
        context = Context(prec=max(28, d.adjusted() + n + 3))
        out = float(d.quantize(Decimal(1).scaleb(-n, context), rounding=ROUND_HALF_UP, context=context))
    # 15 significant digits of the largest doubles round up past the largest double.
    return out if math.isfinite(out) else x


def claim_decimals(stated: Num) -> int:
    """Decimals a claim was written with, capped: beyond ~17 digits a double holds nothing more."""
    d = stated.decimals if stated.decimals is not None else shortest_decimals(stated.value)
    return max(0, min(d, MAX_DECIMALS))


def ratio_agrees(stated: Num, computed: float) -> bool:
    """A % / ratio / indicator claim written with d decimals equals the computed value rounded to d."""
    d = claim_decimals(stated)
    return round_excel(stated.value, d) == round_excel(computed, d)


def money_agrees(stated: float, computed: float, tolerance: float) -> bool:
    return abs(stated - computed) <= tolerance + 1e-9
