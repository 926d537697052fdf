"""How an indicator's numbers are shown: its unit in the number format, and the decimals its input uses.

`100` with Satuan `%` shows `100%`, `70` with `LKD` shows `70 LKD`, `87,65` with `Indeks` shows
`87,65 Indeks` — the same format on every row and in every table of that indicator. Percentages
computed by the tool (capaian, serapan, efisiensi) keep `0.00"%"`; money keeps `#,##0`.
"""
from __future__ import annotations

import re

from lkip_xl.model import Indicator, Num, shortest_decimals
from lkip_xl.names import norm_label
from lkip_xl.writer.book import UNIT

MAX_DECIMALS = 4  # more digits than this say nothing in a report table
MAX_UNIT = 10  # a longer Satuan ("per 100.000 KH") would not fit the tables' columns: shown without it
PERCENT_UNITS = {"%", "persen", "percent", "prosen"}
_UNSAFE = re.compile(r'["\\\x00-\x1f\x7f]')  # closes the quoted text of a number format, or cannot print


def decimals_of(ind: Indicator) -> int:
    """The most decimals any of the indicator's input numbers is written with (capped); a realisasi
    built as a mean or a ratio of components gets at least 2."""
    nums: list[Num] = [*ind.row.targets.values(), *ind.row.realisasi.values()]
    if ind.row.target_pk is not None:
        nums.append(ind.row.target_pk)
    d = 0
    for n in nums:
        d = max(d, n.decimals if n.decimals is not None else shortest_decimals(n.value))
    if any(m != "jumlah" for m in ind.komponen_metode.values()):
        d = max(d, 2)
    return min(d, MAX_DECIMALS)


def is_percent(satuan: str | None) -> bool:
    text = (satuan or "").strip()
    return text in PERCENT_UNITS or norm_label(text) in PERCENT_UNITS


def unit_suffix(satuan: str | None) -> str:
    """The number format's text after the digits: `"%"`, `" LKD"`, or nothing."""
    text = _UNSAFE.sub("", (satuan or "").strip())
    if not text:
        return ""
    if is_percent(text):
        return '"%"'
    if len(text) > MAX_UNIT:
        return ""
    return f'" {text}"'


def number_format(ind: Indicator, with_unit: bool = True) -> str:
    d = decimals_of(ind)
    digits = "#,##0" + ("." + "0" * d if d else "")
    return digits + (unit_suffix(ind.row.satuan.value if ind.row.satuan else None) if with_unit else "")


def kind_of(ind: Indicator, with_unit: bool = True) -> str:
    """The Book cell kind of the indicator's target, realisasi and target akhir; without the unit
    beside a Satuan column (2.4 PK)."""
    return UNIT + number_format(ind, with_unit)
