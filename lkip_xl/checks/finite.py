"""No figure is ever inf or nan: the ones whose formula gave none are empty, and each is a finding.

Amounts are bounded when read (|x| <= 2^53, and 0 or >= 10^-100 Rupiah), so a serapan cannot
overflow; indicator figures can (a target of 1e-300): the rules leave them empty and record which
input cell is to blame. The serapan checks below are the safety net that keeps "empty" from ever
being silent.
"""
from __future__ import annotations

from typing import Iterator

from lkip_xl.findings import finding
from lkip_xl.model import Finding, Result
from lkip_xl.textfmt import angka_penuh, rupiah


def check(result: Result) -> Iterator[Finding]:
    issues = result.kinerja_issues
    seen: set = set()
    for o in issues.overflows:
        numbers = " dan ".join(f"{name} {angka_penuh(value)}" for name, value in o.numbers)
        yield finding("UNREADABLE_VALUE", o.cell, "not_finite", what=o.figure, indikator=o.indikator,
                      numbers=numbers)
        seen.add(o.cell)
    for node in result.nodes:
        if node.pagu and node.serapan is None:
            cell = node.row.amount.cell if node.row.amount is not None else node.row.label_cell
            if cell not in seen:
                seen.add(cell)
                yield _serapan(cell, f"{node.level.replace('_', ' ')} {node.label}", node.realisasi, node.pagu)
    if result.total_pagu and result.total_serapan is None:
        first = result.nodes[0].row.label_cell if result.nodes else None
        yield _serapan(first, "total anggaran", result.total_realisasi, result.total_pagu)
    for ind in result.indicators:
        if ind.pagu and ind.serapan is None:
            yield _serapan(ind.row.indikator.cell, f"anggaran indikator '{ind.nama}'", ind.realisasi_anggaran or 0.0,
                           ind.pagu)


def _serapan(cell, what: str, realisasi: float, pagu: float) -> Finding:
    where = f"Lembar {cell.sheet} sel {cell.ref}: " if cell is not None else ""
    return finding("UNREADABLE_VALUE", cell, "serapan_not_finite", where=where, subject=what,
                   realisasi=rupiah(realisasi), pagu=angka_penuh(pagu))
