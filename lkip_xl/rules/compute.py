"""compute(data) -> Result: every figure of the LKIP, computed once from the leaves."""
from __future__ import annotations

from lkip_xl import figures
from lkip_xl.collector import paused
from lkip_xl.model import KINERJA, TARGET, InputData, Result
from lkip_xl.rules import belanja as belanja_rules
from lkip_xl.rules.budget import build_tree
from lkip_xl.rules.kinerja import compute_indicators, counts_for_e, nilai_efisiensi, scale_for
from lkip_xl.rules.pegawai import hitung as hitung_pegawai


def compute(data: InputData) -> Result:
    with paused():
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
    counted = [i for i in indicators if counts_for_e(i)]
    e = figures.E.value({"efisiensi_sasaran": [i.efisiensi for i in counted]})
    result = Result(
        data=data, nodes=tree.nodes, total_pagu=tree.total_pagu, total_realisasi=tree.total_realisasi,
        indicators=indicators, belanja=groups or [], belanja_source=source,
        efisiensi_rata_rata=e, nilai_efisiensi=nilai_efisiensi(e), skala=scale,
        tree=tree, kinerja_issues=kin_issues,
        # E over the indicators that count, or one left out only because a value could not be read
        efisiensi_unknown=any(i.unknown for i in counted) or any(
            i.unknown & (TARGET | KINERJA) and i.level == "sasaran" and i.pagu for i in indicators),
        tidak_terbaca=tree.tidak_terbaca + (belanja_rules.unreadable(data.belanja) if source == "sheet" else 0),
        pegawai=hitung_pegawai(data.pegawai) if data.pegawai is not None else None,
    )
    return result
