"""Excel's rounding and the claim tolerance rule (SPEC §4)."""
from __future__ import annotations

from lkip_xl.figures import SESUAI, agrees, round_excel, selisih  # noqa: F401 (round_excel: used across the package)
from lkip_xl.model import MAX_DECIMALS, Num, shortest_decimals


def claim_decimals(stated: Num) -> int:
    """Decimals a claim was written with, capped: beyond ~17 digits a double holds nothing more."""
    d = stated.decimals if stated.decimals is not None else shortest_decimals(stated.value)
    return max(0, min(d, MAX_DECIMALS))


def ratio_agrees(stated: Num, computed: float) -> bool:
    """A % / ratio / indicator claim written with d decimals equals the computed value rounded to d
    (`figures.selisih` / `figures.agrees`, as the workbook's Status formula says)."""
    d = claim_decimals(stated)
    return agrees("ratio", 0.0).value({"selisih": selisih("ratio", d).value(
        {"dilaporkan": stated.value, "dihitung": computed})}) == SESUAI


def money_agrees(stated: float, computed: float, tolerance: float) -> bool:
    """A Rupiah claim is within the tolerance of the computed amount (`figures.agrees`)."""
    return agrees("money", tolerance).value({"selisih": selisih("money", None).value(
        {"dilaporkan": stated, "dihitung": computed})}) == SESUAI
