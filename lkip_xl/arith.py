"""Adding up figures the same way on every Python: left to right, as Excel's SUM adds.

Python 3.12 made `sum()` of floats compensated (Neumaier), so the same amounts summed one bit apart on
the browser's Python 3.13 (Pyodide) and the command line's 3.11: a JSON figure differed in its last
digit. Every sum of figures goes through `add_up`, which is what `sum()` did before 3.12.
"""
from __future__ import annotations

from functools import reduce
from operator import add
from typing import Iterable


def add_up(values: Iterable) -> int | float:
    """0 + v1 + v2 + …, left to right (ints stay exact until a float joins)."""
    return reduce(add, values, 0)


_E48 = 2.0 ** -48


def approx_sub(a: float, b: float) -> float:
    """a − b as LibreOffice's `-` computes it (rtl::math::approxSub): two numbers of one sign that
    agree to about 15 significant digits (closer than 2⁻⁴⁸ of each) give exactly 0, so a figure stated
    with 16-17 digits never differs from the computed one by noise (SPEC §10.17)."""
    if a == b:
        return a - b
    if (a > 0.0 and b > 0.0) or (a < 0.0 and b < 0.0):
        d = abs(a - b)
        if d < abs(a) * _E48 and d < abs(b) * _E48:
            return 0.0
    return a - b
