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
