"""One call from a file to everything: read, compute, check."""
from __future__ import annotations

from lkip_xl.model import Result


def analyse(path: str) -> Result:
    from lkip_xl.checks import run_checks
    from lkip_xl.reader import read_input
    from lkip_xl.rules.compute import compute

    result = compute(read_input(path))
    run_checks(result)
    return result
