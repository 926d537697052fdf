"""Numbers written the Indonesian way in messages (`Rp7.996.663.078`, `93,67 %`)."""
from __future__ import annotations

from lkip_xl.rules.rounding import round_excel


def angka(x: float | None, decimals: int = 2) -> str:
    if x is None:
        return "-"
    text = f"{round_excel(x, decimals):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if decimals and "," in text:
        text = text.rstrip("0").rstrip(",")
    return text


def rupiah(x: float | None) -> str:
    if x is None:
        return "-"
    whole = round_excel(x, 0)
    sign = "-" if whole < 0 else ""
    return f"{sign}Rp{abs(whole):,.0f}".replace(",", ".")


def persen(x: float | None, decimals: int = 2) -> str:
    return "-" if x is None else f"{angka(x, decimals)} %"
