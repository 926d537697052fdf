"""Checks on the per-jenis belanja summary: stated group rows and the total."""
from __future__ import annotations

from typing import Iterator

from lkip_xl.arith import add_up
from lkip_xl.findings import finding
from lkip_xl.checks.budget import serapan_claim
from lkip_xl.model import PAGU, REALISASI, FigureKey, Finding, Result
from lkip_xl.names import norm_label
from lkip_xl.rules.belanja import leaf_codes
from lkip_xl.rules.rounding import money_agrees
from lkip_xl.textfmt import rupiah


def check(result: Result) -> Iterator[Finding]:
    tol = result.data.identitas.toleransi_rupiah
    if result.belanja_source == "sheet":
        yield from _sheet_claims(result, tol)
    if not result.belanja:
        return
    pagu, real = result.belanja_jumlah
    where = result.data.sheet_names.get("belanja") if result.belanja_source == "sheet" else None
    anchor = _first_cell(result)
    unknown = result.tree.unknown if result.tree is not None else 0
    why = ""
    if result.belanja_source != "sheet":  # the jenis come from the DPA's akun rows: do they cover every leaf?
        leaves = [n for n in result.nodes if not n.children]
        dirinci = sum(1 for n in leaves if n.akun)
        if 0 < dirinci < len(leaves):
            why = (f"; hanya {dirinci} dari {len(leaves)} sub kegiatan yang dirinci per akun belanja, sehingga "
                   "jenis belanja tidak mencakup seluruh anggaran")
    for bit, what, jumlah, total in ((PAGU, "pagu", pagu, result.total_pagu),
                                     (REALISASI, "realisasi", real, result.total_realisasi)):
        if unknown & bit or result.unknown(FigureKey("belanja_total", None, what)):
            continue  # one side leaves out an unreadable amount (§10.16)
        if not money_agrees(jumlah, total, tol):
            yield finding("BELANJA_TOTAL_MISMATCH", anchor, measure=what,
                          where=' di lembar ' + where if where else '', stated=rupiah(jumlah),
                          computed=rupiah(total), difference=rupiah(jumlah - total), why=why, dilaporkan=jumlah,
                          dihitung=total)


def _first_cell(result: Result):
    if result.belanja_source == "sheet" and result.data.belanja:
        return result.data.belanja[0].label_cell
    for node in result.nodes:
        if node.akun:
            return node.akun[0].row.label_cell
    return None


def _sheet_claims(result: Result, tol: float) -> Iterator[Finding]:
    rows = result.data.belanja or []
    groups = {g.kode: g for g in result.belanja}
    leaves = leaf_codes([r.kode for r in rows if r.kode])
    kelompok = [g for g in result.belanja if g.kelompok]
    for r in rows:
        label = f"belanja {r.kode}" if r.kode else "total belanja"
        fig = FigureKey.belanja(r.kode, "") if r.kode else FigureKey("belanja_total", None, "")
        if r.kode is None:
            if not norm_label(r.uraian.value if r.uraian else "").startswith(("total", "jumlah")):
                continue
            pagu, real = result.belanja_jumlah
            unknown = 0
            for g in kelompok:
                unknown |= g.unknown
        elif r.kode in leaves:
            pagu = r.pagu.value if r.pagu else 0.0
            real = r.realisasi.value if r.realisasi else 0.0
            unknown = r.unknown
        else:
            g = groups.get(r.kode)
            if g is None:
                sub = [x for x in result.belanja if not x.kelompok and x.kode.startswith(r.kode + ".")] or \
                      [x for x in kelompok if x.kode.startswith(r.kode + ".") or r.kode == "5"]
                pagu, real = add_up(x.pagu for x in sub), add_up(x.realisasi for x in sub)
                unknown = 0
                for x in sub:
                    unknown |= x.unknown
            else:
                pagu, real, unknown = g.pagu, g.realisasi, g.unknown
        if r.kode is None or r.kode not in leaves:
            for bit, what, stated, computed in ((PAGU, "pagu", r.pagu, pagu), (REALISASI, "realisasi", r.realisasi, real)):
                if stated is not None and not unknown & bit and not money_agrees(stated.value, computed, tol):
                    yield finding("SUM_MISMATCH", stated.cell, "belanja", measure=what.capitalize(), subject=label,
                                  stated=rupiah(stated.value), computed=rupiah(computed),
                                  difference=rupiah(stated.value - computed), dilaporkan=stated.value,
                                  dihitung=computed, figure=fig.of(what), kind="money")
        if not unknown:
            yield from serapan_claim(r.persen, real, pagu, label, fig.of("serapan"), "Persentase")
