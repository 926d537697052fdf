"""compute(data) -> Result: every figure of the LKIP, computed once from the leaves."""
from __future__ import annotations

import contextlib
import gc

from lkip_xl import figures
from lkip_xl.model import InputData, Result
from lkip_xl.rules import belanja as belanja_rules
from lkip_xl.rules.budget import build_tree
from lkip_xl.rules.kinerja import compute_indicators, counts_for_e, nilai_efisiensi, scale_for


@contextlib.contextmanager
def gc_paused():
    """The cyclic collector paused for the block, then restored as it was (as reading does, see
    reader.gc_paused): every row read is alive while the figures are computed and checked, and a
    full collection would only walk them again (~1 s on a kabupaten rincian). Cycles made inside
    the block (the tree's parent links) are collected once it is restored."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def compute(data: InputData) -> Result:
    with gc_paused():
        return _compute(data)


def _compute(data: InputData) -> Result:
    tree = build_tree(data.dpa, data.realisasi)
    scale = scale_for(data.identitas, data.skala)
    indicators, kin_issues = compute_indicators(
        data.indicators, data.komponen, data.pemetaan, tree, data.identitas, scale)
    groups = belanja_rules.from_akun(tree.nodes)
    source = "akun" if groups is not None else None
    if groups is None and data.belanja:
        groups, source = belanja_rules.from_sheet(data.belanja), "sheet"
    e = figures.E.value({"efisiensi_sasaran": [i.efisiensi for i in indicators if counts_for_e(i)]})
    result = Result(
        data=data, nodes=tree.nodes, total_pagu=tree.total_pagu, total_realisasi=tree.total_realisasi,
        indicators=indicators, belanja=groups or [], belanja_source=source,
        efisiensi_rata_rata=e, nilai_efisiensi=nilai_efisiensi(e), skala=scale,
        tree=tree, kinerja_issues=kin_issues,
    )
    return result
