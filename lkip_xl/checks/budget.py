"""Checks on DPA and Realisasi: stated subtotals, %, sisa, pagu, structure."""
from __future__ import annotations

from typing import Callable, Iterator

from lkip_xl.figures import SISA
from lkip_xl.findings import finding
from lkip_xl.model import (
    PAGU, REALISASI, AkunLine, BudgetIssues, BudgetNode, BudgetRow, FigureKey, Finding, Num, Result,
)
from lkip_xl.rules.rounding import claim_decimals, money_agrees, ratio_agrees, serapan as percent_of
from lkip_xl.textfmt import persen, rupiah

LEVEL_NAME = {"program": "program", "kegiatan": "kegiatan", "sub_kegiatan": "sub kegiatan", "akun": "akun"}


def subject(row: BudgetRow) -> str:
    name = row.uraian.value if row.uraian else ""
    key = row.kode or row.nomor
    label = f"{LEVEL_NAME.get(row.level, row.level)} {key}" if key else LEVEL_NAME.get(row.level, row.level)
    return f"{label} ({_short(name)})" if name else label


def _upper_first(text: str) -> str:
    """Capitalise a sentence start without lower-casing the name inside it (str.capitalize does)."""
    return text[:1].upper() + text[1:]


def _short(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


def check(result: Result) -> Iterator[Finding]:
    tol = result.data.identitas.toleransi_rupiah
    issues = result.budget_issues
    yield from _structure(result, issues)
    for i, node in enumerate(result.nodes):
        yield from _dpa_claims(node, tol, i)
        if node.real_row is not None:
            yield from _realisasi_claims(node, tol, i)
        if node.is_leaf and not node.unknown and node.realisasi > node.pagu + 1e-6:
            cell = (node.real_row.amount.cell if node.real_row and node.real_row.amount else node.row.label_cell)
            yield finding("REALISASI_EXCEEDS_PAGU", cell, "row", subject=subject(node.row),
                          realisasi=rupiah(node.realisasi), pagu=rupiah(node.pagu),
                          dilaporkan=node.realisasi, dihitung=node.pagu)
        for line in node.akun:
            real = line.realisasi_line
            if line.leaf and real is not None and not (line.unknown or real.unknown) \
                    and real.amount > line.amount + 1e-6:
                yield finding("REALISASI_EXCEEDS_PAGU", real.row.amount.cell if real.row.amount else real.row.label_cell,
                              "akun", code=line.kode, subject=subject(node.row), realisasi=rupiah(real.amount),
                              pagu=rupiah(line.amount), dilaporkan=real.amount, dihitung=line.amount)
    yield from _totals(result, issues, tol)
    yield from _subtotals(result, issues, tol)
    yield from _headings(result, issues, tol)
    yield from _negatives(result)


def _mismatch_sum(row: BudgetRow, stated: Num, computed: float, what: str, parts: str,
                  figure: FigureKey | None = None) -> Finding:
    return finding("SUM_MISMATCH", stated.cell, "parts", measure=what.capitalize(), subject=subject(row),
                   stated=rupiah(stated.value), parts=parts, computed=rupiah(computed),
                   difference=rupiah(stated.value - computed),
                   dilaporkan=stated.value, dihitung=computed, figure=figure, kind="money")


def _dpa_claims(node: BudgetNode, tol: float, i: int) -> Iterator[Finding]:
    stated = node.row.amount
    if stated is not None and (node.children or node.akun) and not node.unknown & PAGU \
            and not money_agrees(stated.value, node.pagu, tol):
        parts = "rincian akunnya" if node.akun and not node.children else "rinciannya"
        yield _mismatch_sum(node.row, stated, node.pagu, "pagu", parts, FigureKey.node(i, "pagu"))
    yield from _akun_claims(node.akun, tol, "pagu")


def _akun_claims(lines: list[AkunLine], tol: float, what: str) -> Iterator[Finding]:
    for line in lines:
        stated = line.row.amount
        if not line.leaf and stated is not None and not line.unknown \
                and not money_agrees(stated.value, line.amount, tol):
            yield _mismatch_sum(line.row, stated, line.amount, what, "rincian akunnya")


def _realisasi_claims(node: BudgetNode, tol: float, i: int) -> Iterator[Finding]:
    row = node.real_row
    stated = row.amount
    if stated is not None and (node.children or node.real_akun) and not node.unknown & REALISASI \
            and not money_agrees(stated.value, node.realisasi, tol):
        yield _mismatch_sum(row, stated, node.realisasi, "realisasi", "rinciannya", FigureKey.node(i, "realisasi"))
    yield from _akun_claims(node.real_akun, tol, "realisasi")
    yield from stated_ratios(row, node.pagu, node.realisasi, tol, subject(row), FigureKey.node(i, ""), node.unknown)
    dpa_lines = {a.kode: a for a in node.akun}  # one lookup per akun line, not a scan
    for line in node.real_akun:
        dpa = dpa_lines.get(line.kode)
        if dpa is not None:
            # the subject is worded only for a finding: a rincian has 100k lines that agree
            yield from stated_ratios(line.row, dpa.amount, line.amount, tol, lambda row=line.row: subject(row),
                                     unknown=(PAGU if dpa.unknown else 0) | (REALISASI if line.unknown else 0))
        elif node.akun:
            yield finding("UNMATCHED_ROW", line.row.label_cell, "akun", code=line.kode, sheet=line.row.sheet,
                          subject=subject(node.row), amount=rupiah(line.amount), dilaporkan=line.amount)


def serapan_claim(stated: Num | None, realisasi: float, pagu: float, label: str | Callable[[], str],
                  figure: FigureKey | None, what: str = "Rasio serapan") -> Iterator[Finding]:
    """PERCENT_MISMATCH: a stated % against the serapan of its pagu and realisasi, at the claim's decimals.
    `label` may be a function giving it, called only when there is a finding to word."""
    serapan = percent_of(realisasi, pagu)
    if stated is not None and serapan is not None and not ratio_agrees(stated, serapan):
        yield finding("PERCENT_MISMATCH", stated.cell, "serapan", what=what,
                      subject=label() if callable(label) else label,
                      stated=persen(stated.value), realisasi=rupiah(realisasi), pagu=rupiah(pagu),
                      computed=persen(serapan), dilaporkan=stated.value, dihitung=serapan,
                      figure=figure, kind="ratio", decimals=claim_decimals(stated))


def stated_ratios(row: BudgetRow, pagu: float, realisasi: float, tol: float, label: str | Callable[[], str],
                  figure: FigureKey | None = None, unknown: int = 0) -> Iterator[Finding]:
    """Pagu, % and Sisa written on a Realisasi row, checked against the computed figures (those of
    `figure`'s subject, when the workbook has one). `label` may be a function giving it, called only
    when there is a finding to word. A figure resting on money in `unknown` (PAGU | REALISASI: a sum
    that leaves out an unreadable amount) is not judged (§10.16)."""
    def fig(measure: str) -> FigureKey | None:
        return figure.of(measure) if figure else None

    labelled = label if callable(label) else lambda: label

    if row.pagu is not None and not unknown & PAGU and not money_agrees(row.pagu.value, pagu, tol):
        yield finding("PAGU_MISMATCH", row.pagu.cell, subject=labelled(), sheet=row.sheet,
                      stated=rupiah(row.pagu.value), computed=rupiah(pagu), difference=rupiah(row.pagu.value - pagu),
                      dilaporkan=row.pagu.value, dihitung=pagu, figure=fig("pagu"), kind="money")
    if unknown:
        return
    yield from serapan_claim(row.persen, realisasi, pagu, labelled, fig("serapan"))
    sisa = SISA.value({"pagu": pagu, "realisasi": realisasi})
    if row.sisa is not None and not money_agrees(row.sisa.value, sisa, tol):
        yield finding("SISA_MISMATCH", row.sisa.cell, subject=labelled(), stated=rupiah(row.sisa.value),
                      pagu=rupiah(pagu), realisasi=rupiah(realisasi), computed=rupiah(sisa),
                      dilaporkan=row.sisa.value, dihitung=sisa, figure=fig("sisa"), kind="money")


def _totals(result: Result, issues: BudgetIssues, tol: float) -> Iterator[Finding]:
    unknown = result.tree.unknown if result.tree is not None else 0
    for row in issues.dpa_totals:
        if row.amount is not None and not unknown & PAGU and not money_agrees(row.amount.value, result.total_pagu, tol):
            yield finding("SUM_MISMATCH", row.amount.cell, "total_pagu", sheet=row.sheet,
                          stated=rupiah(row.amount.value), computed=rupiah(result.total_pagu),
                          difference=rupiah(row.amount.value - result.total_pagu),
                          dilaporkan=row.amount.value, dihitung=result.total_pagu, figure=FigureKey.total("pagu"),
                          kind="money")
    for row in issues.realisasi_totals:
        if row.amount is not None and not unknown & REALISASI \
                and not money_agrees(row.amount.value, result.total_realisasi, tol):
            yield finding("SUM_MISMATCH", row.amount.cell, "total_realisasi", sheet=row.sheet,
                          stated=rupiah(row.amount.value), computed=rupiah(result.total_realisasi),
                          difference=rupiah(row.amount.value - result.total_realisasi),
                          dilaporkan=row.amount.value, dihitung=result.total_realisasi,
                          figure=FigureKey.total("realisasi"), kind="money")
        yield from stated_ratios(row, result.total_pagu, result.total_realisasi, tol, "total anggaran",
                                 FigureKey.total(""), unknown)


def _subtotals(result: Result, issues: BudgetIssues, tol: float) -> Iterator[Finding]:
    """A stated subtotal (`Jumlah <program>`, `Jumlah Anggaran Sub Kegiatan :`) against the group
    above it (SPEC §10.4); a label that names no group agrees when any enclosing group agrees."""
    index = result.positions().node
    for measure, subtotals in (("pagu", issues.dpa_subtotals), ("realisasi", issues.realisasi_subtotals)):
        bit = PAGU if measure == "pagu" else REALISASI
        for row, groups in subtotals:
            stated = row.amount
            if stated is None:
                continue
            agreeing = [n for n in groups if money_agrees(stated.value, getattr(n, measure), tol)]
            node = agreeing[0] if agreeing else groups[-1] if len(groups) > 1 else groups[0]
            if not agreeing and any(n.unknown & bit for n in groups):
                continue  # the group it states may hold the unreadable amount (§10.16)
            if not agreeing:
                computed = getattr(node, measure)
                yield finding("SUM_MISMATCH", stated.cell, "subtotal", measure=measure,
                              label=_short(row.uraian.value if row.uraian else ''), sheet=row.sheet,
                              stated=rupiah(stated.value), subject=subject(node.row), computed=rupiah(computed),
                              difference=rupiah(stated.value - computed), dilaporkan=stated.value,
                              dihitung=computed, figure=FigureKey.node(index[id(node)], measure), kind="money")
            if measure == "realisasi":
                yield from stated_ratios(row, node.pagu, node.realisasi, tol, f"subtotal {subject(node.row)}",
                                         FigureKey.node(index[id(node)], ""), node.unknown)


def _headings(result: Result, issues: BudgetIssues, tol: float) -> Iterator[Finding]:
    """Urusan (`7`) and bidang (`7.01`) heading rows state the sum of the programs they head (§10.5)."""
    sums: dict[str, list[float]] = {}
    unknown: dict[str, int] = {}  # heading code -> money its sum leaves out (§10.16)
    for node in result.nodes:
        if node.level == "program" and node.kode:
            parts = node.kode.split(".")
            for key in (parts[0], ".".join(parts[:2])):
                acc = sums.setdefault(key, [0.0, 0.0])
                acc[0] += node.pagu
                acc[1] += node.realisasi
                unknown[key] = unknown.get(key, 0) | node.unknown
    for measure, rows in (("pagu", issues.dpa_headings), ("realisasi", issues.realisasi_headings)):
        for row in rows:
            acc = sums.get(row.kode or "")
            stated = row.amount
            if stated is None or acc is None or unknown[row.kode or ""] & (PAGU if measure == "pagu" else REALISASI):
                continue
            computed = acc[0] if measure == "pagu" else acc[1]
            what = "urusan" if row.level == "urusan" else "bidang urusan"
            if not money_agrees(stated.value, computed, tol):
                yield finding("SUM_MISMATCH", stated.cell, "heading", measure=measure.capitalize(), heading=what,
                              code=row.kode, sheet=row.sheet, stated=rupiah(stated.value), computed=rupiah(computed),
                              difference=rupiah(stated.value - computed), dilaporkan=stated.value,
                              dihitung=computed, kind="money")


def _structure(result: Result, issues: BudgetIssues) -> Iterator[Finding]:
    for row, key in issues.duplicates:
        yield finding("DUPLICATE_CODE", row.key_cell or row.label_cell,
                      key_kind="Kode" if key == row.kode else "Nomor", key=key, sheet=row.sheet, row=row.row,
                      dilaporkan=row.amount.value if row.amount else None)
    for row, parent in issues.orphans:
        yield finding("ORPHAN_ROW", row.label_cell, subject=_upper_first(subject(row)), sheet=row.sheet,
                      parent=LEVEL_NAME[parent] if parent in LEVEL_NAME else parent)
    for row in issues.unmatched_realisasi:
        amount = row.amount.value if row.amount else None
        yield finding("UNMATCHED_ROW", row.label_cell, "realisasi", subject=_upper_first(subject(row)),
                      sheet=row.sheet, amount=rupiah(amount), dilaporkan=amount)
    for node in issues.unmatched_dpa:
        yield finding("UNMATCHED_ROW", node.row.label_cell, "dpa", subject=_upper_first(subject(node.row)),
                      pagu=rupiah(node.pagu), dihitung=node.pagu)
    for node, row in issues.name_mismatch:
        via = f"kode {node.kode}" if row.kode and row.kode == node.kode else f"nomor {node.nomor}"
        yield finding("NAME_MISMATCH", row.uraian.cell if row.uraian else row.label_cell, key=via,
                      dpa_name=node.uraian, sheet=row.sheet, name=row.uraian.value if row.uraian else '',
                      dilaporkan=row.uraian.value if row.uraian else None, dihitung=node.uraian)
    for row in issues.missing_amount:
        yield finding("UNREADABLE_VALUE", row.label_cell, "no_pagu", subject=_upper_first(subject(row)),
                      sheet=row.sheet)


def _negatives(result: Result) -> Iterator[Finding]:
    rows = list(result.data.dpa) + list(result.data.realisasi)
    seen = set()
    for row in rows:
        for num in (row.amount, row.pagu):
            if num is not None and num.value < 0 and num.cell not in seen:
                seen.add(num.cell)
                what = "Pagu" if (row.sheet == result.data.sheet_names.get("dpa") or num is row.pagu) else "Realisasi"
                yield finding("NEGATIVE_AMOUNT", num.cell, "row", measure=what, subject=subject(row),
                              amount=rupiah(num.value), dilaporkan=num.value)
    for brow in result.data.belanja or []:
        label = f"belanja {brow.kode}" if brow.kode else "total belanja"
        for what, num in (("Pagu", brow.pagu), ("Realisasi", brow.realisasi)):
            if num is not None and num.value < 0:
                yield finding("NEGATIVE_AMOUNT", num.cell, "belanja", measure=what, subject=label,
                              sheet=num.cell.sheet, amount=rupiah(num.value), dilaporkan=num.value)
