"""Checks on indicators: targets, realisasi, capaian, kategori, units, mapping."""
from __future__ import annotations

import re
from typing import Iterator

from lkip_xl.findings import finding
from lkip_xl.model import KINERJA, TARGET, FigureKey, Finding, Indicator, KinerjaIssues, Result
from lkip_xl.names import norm_label
from lkip_xl.rules.rounding import claim_decimals, ratio_agrees
from lkip_xl.textfmt import angka, persen, rupiah


def _q(ind: Indicator) -> str:
    return f"indikator '{ind.nama}'"


def check(result: Result) -> Iterator[Finding]:
    tahun = result.data.identitas.tahun
    for i, ind in enumerate(result.indicators):
        yield from _targets(ind, tahun)
        yield from _realisasi(ind, tahun, i)
        yield from _stated(ind, tahun, i)
        yield from _units(ind)
        if ind.level == "sasaran" and ind.supports is None:
            yield finding("UNMAPPED_INDICATOR", ind.row.indikator.cell, indikator=ind.nama)
    yield from _references(result.kinerja_issues)
    if result.data.pemetaan is not None:
        yield from _unmapped_subs(result)


def _targets(ind: Indicator, tahun: int) -> Iterator[Finding]:
    row = ind.row
    renstra = row.targets.get(tahun)
    if row.target_pk is not None and renstra is not None and abs(row.target_pk.value - renstra.value) > 1e-9:
        yield finding("TARGET_MISMATCH", row.target_pk.cell, indicator=_q(ind), stated=angka(row.target_pk.value),
                      year=tahun, renstra=angka(renstra.value), dilaporkan=row.target_pk.value,
                      dihitung=renstra.value)
    if (ind.target is None or ind.target == 0) and not ind.unknown & TARGET:  # an unreadable one: its own finding
        cell = ind.target_num.cell if ind.target_num else row.indikator.cell
        what = "bernilai 0" if ind.target == 0 else "kosong"
        yield finding("ZERO_TARGET", cell, year=tahun, indicator=_q(ind), state=what, dilaporkan=ind.target)
    years = sorted(row.targets)
    for prev, year in zip(years, years[1:]):
        if year != prev + 1:
            continue
        a, b = row.targets[prev].value, row.targets[year].value
        worse = b < a if row.polaritas == "positif" else b > a
        if worse:
            arah = "lebih rendah" if row.polaritas == "positif" else "lebih tinggi"
            yield finding("TARGET_NOT_CHALLENGING", row.targets[year].cell, year=year, indicator=_q(ind),
                          target=angka(b), direction=arah, prev_year=prev, prev_target=angka(a),
                          polaritas=row.polaritas, dilaporkan=b, dihitung=a)


def _realisasi(ind: Indicator, tahun: int, i: int) -> Iterator[Finding]:
    row = ind.row
    if ind.realisasi is None and not ind.unknown & KINERJA:  # an unreadable one: its own finding
        yield finding("MISSING_REALISASI", row.realisasi_cell or row.indikator.cell, year=tahun, indicator=_q(ind))
    for year, built in sorted(ind.komponen.items()):
        stated = row.realisasi.get(year)
        if stated is not None and not ratio_agrees(stated, built):
            yield finding("COMPONENT_MISMATCH", stated.cell, year=year, indicator=_q(ind),
                          stated=angka(stated.value, 4), computed=angka(built, 4), dilaporkan=stated.value,
                          dihitung=built, figure=FigureKey.ind(i, f"realisasi_{year}"), kind="ratio",
                          decimals=claim_decimals(stated))


def _stated(ind: Indicator, tahun: int, i: int) -> Iterator[Finding]:
    row = ind.row
    for year, stated in sorted(row.capaian.items()):
        computed = ind.capaian_by_year.get(year)
        if computed is None and year == tahun:
            computed = ind.capaian
        if computed is not None and not ratio_agrees(stated, computed):
            yield finding("PERCENT_MISMATCH", stated.cell, "capaian", year=year, indicator=_q(ind),
                          stated=persen(stated.value), computed=persen(computed), dilaporkan=stated.value,
                          dihitung=computed, figure=FigureKey.ind(i, f"capaian_{year}"), kind="ratio",
                          decimals=claim_decimals(stated))
    if row.kategori is not None and ind.kategori is not None:
        if norm_label(row.kategori.value) != norm_label(ind.kategori):
            yield finding("CATEGORY_MISMATCH", row.kategori.cell, indicator=_q(ind), stated=row.kategori.value,
                          capaian=persen(ind.capaian), computed=ind.kategori, dilaporkan=row.kategori.value,
                          dihitung=ind.kategori)


_COUNT = re.compile(r"^(jumlah|banyaknya|banyak)\b")
_PERCENT_NAME = re.compile(r"^(persentase|presentase|prosentase|proporsi)\b")
_PERCENT_UNIT = {"persen", "%", "pct"}


def _units(ind: Indicator) -> Iterator[Finding]:
    row = ind.row
    name = norm_label(ind.nama)
    satuan = row.satuan.value.strip() if row.satuan else ""
    satuan_pct = satuan in ("%",) or norm_label(satuan) in _PERCENT_UNIT
    values = [v for v in [row.target_pk, *row.targets.values(), *row.realisasi.values()] if v is not None]
    pct_values = [v for v in values if v.percent]
    unit_values = [v for v in values if v.unit]
    problem, cell = None, row.satuan.cell if row.satuan else row.indikator.cell
    if _COUNT.match(name) and (satuan_pct or pct_values):
        problem = "berupa jumlah tetapi satuan atau targetnya persen"
        cell = pct_values[0].cell if pct_values else cell
    elif _PERCENT_NAME.match(name) and satuan and not satuan_pct:
        problem = f"berupa persentase tetapi satuannya '{satuan}'"
    elif _PERCENT_NAME.match(name) and unit_values:
        problem = f"berupa persentase tetapi nilainya ditulis dengan satuan '{unit_values[0].unit}'"
        cell = unit_values[0].cell
    elif satuan_pct and unit_values:
        problem = f"bersatuan % tetapi nilainya ditulis dengan satuan '{unit_values[0].unit}'"
        cell = unit_values[0].cell
    elif satuan and not satuan_pct and pct_values:
        problem = f"bersatuan '{satuan}' tetapi nilainya ditulis dalam persen"
        cell = pct_values[0].cell
    else:
        units = {norm_label(v.unit): v for v in unit_values}
        if satuan and not satuan_pct:
            mine = norm_label(satuan)
            odd = [v for k, v in units.items() if k and k not in mine and mine not in k]
            if odd:
                problem = f"bersatuan '{satuan}' tetapi nilainya ditulis '{odd[0].unit}'"
                cell = odd[0].cell
        elif len(units) > 1:
            a, b = list(units.values())[:2]
            problem = f"ditulis dengan dua satuan berbeda ('{a.unit}' dan '{b.unit}')"
            cell = b.cell
    if problem:
        yield finding("UNIT_MISMATCH", cell, "indicator", indicator=_q(ind), problem=problem)


def _references(issues: KinerjaIssues) -> Iterator[Finding]:
    seen: set = set()  # a name filled down over several rows is one finding, at the cell that holds it
    named = [(k.indikator.cell.sheet, k.indikator) for k in issues.unknown_komponen] + \
            [(p.indikator.cell.sheet, p.indikator) for p in issues.unknown_pemetaan_indicator]
    for lembar, indikator in named:
        if indikator.cell in seen:
            continue
        seen.add(indikator.cell)
        yield finding("UNKNOWN_REFERENCE", indikator.cell, "indikator", sheet=lembar, indikator=indikator.value,
                      dilaporkan=indikator.value)
    for p in issues.unknown_pemetaan_code:
        key = f"kode {p.kode}" if p.kode else f"nomor {p.nomor}"
        yield finding("UNKNOWN_REFERENCE", p.cell, "kode", key=key, dilaporkan=p.kode or p.nomor)


def _is_supporting_program(node) -> bool:
    if node.kode and node.kode.count(".") >= 2:  # the program is in the code, even when its row is absent
        return node.kode.split(".")[2] == "01"
    while node.parent is not None:
        node = node.parent
    if node.kode and node.kode.count(".") == 2:
        return node.kode.split(".")[2] == "01"
    return norm_label(node.uraian).startswith(("program penunjang", "penunjang urusan"))


def _unmapped_subs(result: Result) -> Iterator[Finding]:
    used = {id(n) for ind in result.indicators for n in (ind.supports or [])}
    for node in result.nodes:
        if node.is_leaf and id(node) not in used and not _is_supporting_program(node):
            yield finding("UNMAPPED_SUBKEGIATAN", node.row.label_cell, label=node.label, uraian=node.uraian,
                          pagu=rupiah(node.pagu), dihitung=node.pagu)
