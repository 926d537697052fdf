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
_INTEGERS = 2.0 ** 53  # beyond it a double holds no odd integer


def _whole(x: float) -> bool:
    return x.is_integer() and abs(x) < _INTEGERS


def approx_equal(a: float, b: float) -> bool:
    """Whether LibreOffice takes a and b for equal (rtl::math::approxEqual, as LibreOffice 7 computes
    `-`): closer than 2⁻⁴⁸ of each (about 15 significant digits), unless both and their difference are
    whole numbers (281474976710656 − 281474976710655 is 1). Measured against LibreOffice in
    tests/test_claim_digits.py."""
    if a == b:
        return True
    if a == 0.0 or b == 0.0:
        return False
    d = abs(a - b)
    if d != d or d == float("inf"):
        return False
    if not (d < abs(a) * _E48 and d < abs(b) * _E48):
        return False
    return not (_whole(d) and _whole(a) and _whole(b))


def approx_sub(a: float, b: float) -> float:
    """a − b as LibreOffice's `-` computes it (rtl::math::approxSub): two numbers of one sign that it
    takes for equal (approx_equal) give exactly 0, so a figure stated with 16-17 digits never differs
    from the computed one by noise (SPEC §10.17)."""
    if ((a > 0.0 and b > 0.0) or (a < 0.0 and b < 0.0)) and approx_equal(a, b):
        return 0.0
    return a - b
