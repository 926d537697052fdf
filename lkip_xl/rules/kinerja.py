"""Indicator figures: realisasi (Komponen), capaian by polarity, kategori, budget and efisiensi."""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from lkip_xl.arith import add_up
from lkip_xl import figures
from lkip_xl.model import (
    KINERJA, TARGET, BudgetNode, Cell, Identitas, Indicator, IndicatorRow, KinerjaIssues, KomponenRow, Overflow,
    PemetaanRow, SkalaRow, percent_of,
)
from lkip_xl.names import norm_label
from lkip_xl.rules.budget import BudgetTree

SCALES: dict[str, list[tuple[float, str]]] = {
    "Berhasil": [(100, "Sangat Berhasil"), (75, "Berhasil"), (55, "Cukup Berhasil"),
                 (float("-inf"), "Kurang Berhasil")],
    "Permendagri 86": [(91, "Sangat Tinggi"), (76, "Tinggi"), (66, "Sedang"), (51, "Rendah"),
                       (float("-inf"), "Sangat Rendah")],
}


def scale_for(identitas: Identitas, skala: list[SkalaRow] | None) -> list[tuple[float, str]]:
    """Bands as (lower bound, kategori), highest first; the lowest band is open below."""
    if skala:
        bands = [(s.batas_bawah, s.kategori) for s in skala]
        return bands[:-1] + [(float("-inf"), bands[-1][1])]
    return SCALES[identitas.skala_kategori]


def kategori(capaian: float | None, scale: list[tuple[float, str]]) -> str | None:
    """The kategori band of a capaian (`figures.KATEGORI`)."""
    return figures.KATEGORI.value({"capaian": capaian, "skala": scale})


def capaian(target: float | None, realisasi: float | None, polaritas: str, rumus_negatif: str) -> float | None:
    """Achievement in percent (`figures.capaian`); None when the target is 0 or missing or nothing was realised."""
    return figures.capaian(rumus_negatif).value({"target": target, "realisasi": realisasi, "polaritas": polaritas})


def efisiensi(capaian_pct: float | None, serapan: float | None, rumus: str) -> float | None:
    """Efisiensi of an indicator (`figures.efisiensi`)."""
    return figures.efisiensi(rumus).value({"capaian": capaian_pct, "serapan": serapan})


def nilai_efisiensi(e: float | None) -> float | None:
    """Nilai Efisiensi (`figures.NILAI`)."""
    return figures.NILAI.value({"e": e})


def komponen_value(rows: list[KomponenRow]) -> float | None:
    """Realisasi built from components (`figures.komponen`): rata-rata, jumlah, or Σpembilang / Σpenyebut × 100."""
    metode = figures.komponen_metode([r.metode for r in rows])
    return figures.komponen(metode).value({
        "nilai": [r.nilai.value for r in rows],
        "pembilang": [r.nilai.value for r in rows if r.metode == "pembilang"],
        "penyebut": [r.nilai.value for r in rows if r.metode == "penyebut"]})


@dataclass
class IndicatorIndex:
    """Find indicators by the name another sheet uses for them."""

    indicators: list[Indicator]
    exact: dict[str, list[Indicator]] = field(default_factory=dict)
    loose: dict[str, list[Indicator]] = field(default_factory=dict)  # answers of the slow search, kept

    def __post_init__(self) -> None:
        for ind in self.indicators:
            self.exact.setdefault(norm_label(ind.nama), []).append(ind)

    def find(self, name: str) -> list[Indicator]:
        key = norm_label(name)
        if not key:
            return []
        if key in self.exact:
            return self.exact[key]
        if key not in self.loose:
            # A shortened or lengthened name, when it points at exactly one indicator. A name
            # filled down over many rows is searched once.
            hits = [i for k, inds in self.exact.items() for i in inds
                    if f" {key} " in f" {k} " or f" {k} " in f" {key} "]
            self.loose[key] = hits if len(hits) == 1 else []
        return self.loose[key]


def renstra_years(identitas: Identitas, rows: list[IndicatorRow]) -> tuple[int, int] | None:
    if identitas.periode:
        return identitas.periode
    years = sorted({y for r in rows for y in r.targets})
    return (years[0], years[-1]) if years else None


def compute_indicators(rows: list[IndicatorRow], komponen: list[KomponenRow],
                       pemetaan: list[PemetaanRow] | None, tree: BudgetTree, identitas: Identitas,
                       scale: list[tuple[float, str]]) -> tuple[list[Indicator], KinerjaIssues]:
    issues = KinerjaIssues()
    tahun = identitas.tahun
    indicators = [Indicator(row=r) for r in rows]
    index = IndicatorIndex(indicators)
    groups: dict[int, dict[int, list[KomponenRow]]] = {}  # id(indicator) -> year -> components
    for k in komponen:
        found = index.find(k.indikator.value)
        issues.komponen_join.append(found)
        if not found:
            issues.unknown_komponen.append(k)
        for ind in found:
            groups.setdefault(id(ind), {}).setdefault(k.tahun, []).append(k)
    period = renstra_years(identitas, rows)
    for ind in indicators:
        row = ind.row

        def finite(value: float | None, cell: Cell | None, figure: str, *numbers: tuple[str, float | None],
                   ind: Indicator = ind) -> float | None:
            """The figure, or None plus an Overflow when its formula gave inf or nan."""
            if value is None or math.isfinite(value):
                return value
            issues.overflows.append(Overflow(cell or ind.row.indikator.cell, figure, ind.nama,
                                             tuple((n, v) for n, v in numbers if v is not None)))
            return None

        for year, ks in groups.get(id(ind), {}).items():
            value = komponen_value(ks)
            if value is not None:  # the workbook then builds this year's realisasi from Data Komponen
                ind.komponen_metode[year] = figures.komponen_metode([k.metode for k in ks])
            first = next((k for k in ks if k.metode == "penyebut"), ks[0])
            value = finite(value, first.nilai.cell, f"realisasi {year}", ("jumlah pembilang Komponen",
                           _sum(ks, "pembilang")), ("jumlah penyebut Komponen", _sum(ks, "penyebut")))
            if value is not None:
                ind.komponen[year] = value
        years = sorted(set(row.realisasi) | set(ind.komponen))
        for year in years:
            if year in ind.komponen:
                ind.realisasi_by_year[year] = ind.komponen[year]
            elif year in row.realisasi:
                ind.realisasi_by_year[year] = row.realisasi[year].value
        # The PK target when its cell holds one, else the Renstra target of the year; an unreadable one
        # is unknown and nothing is judged against another target in its place (§10.21).
        bad_pk, bad_renstra = row.unreadable.get(("target_pk",)), row.unreadable.get(("target", tahun))
        if row.target_pk is not None:
            ind.target_num = row.target_pk
        elif bad_pk is None and tahun in row.targets:
            ind.target_num = row.targets[tahun]
        pk = row.target_pk.value if row.target_pk else bad_pk.value if bad_pk else None
        renstra = row.targets[tahun].value if tahun in row.targets else bad_renstra.value if bad_renstra else None
        ind.target = figures.TARGET.value({"target_pk": pk, "target_renstra": renstra})
        if ind.target is None and (bad_pk is not None or (row.target_pk is None and bad_renstra is not None)):
            ind.unknown |= TARGET
        if tahun not in ind.komponen and ("realisasi", tahun) in row.unreadable:
            ind.unknown |= KINERJA
        ind.realisasi = ind.realisasi_by_year.get(tahun)
        ind.realisasi_source = ("komponen" if tahun in ind.komponen else
                                "kinerja" if tahun in row.realisasi else None)
        rumus = identitas.rumus_polaritas_negatif
        # T/R divides by the realisasi: a tiny realisasi is then the cell to blame, else the target.
        by_realisasi = row.polaritas == "negatif" and rumus == "T/R"

        def blame(target_num, year: int) -> Cell | None:
            if by_realisasi:
                stated = row.realisasi.get(year)
                return stated.cell if stated is not None and year not in ind.komponen else \
                    next((k.nilai.cell for k in groups.get(id(ind), {}).get(year, [])), None)
            return target_num.cell if target_num is not None else None

        ind.capaian = finite(capaian(ind.target, ind.realisasi, row.polaritas, rumus), blame(ind.target_num, tahun),
                             f"capaian {tahun}", ("realisasi", ind.realisasi), ("target", ind.target))
        ind.kategori = kategori(ind.capaian, scale)
        for year, value in ind.realisasi_by_year.items():
            if year == tahun:
                ind.capaian_by_year[year] = ind.capaian
            elif year < tahun:
                t = row.targets.get(year)
                ind.capaian_by_year[year] = finite(
                    capaian(t.value if t else None, value, row.polaritas, rumus), blame(t, year),
                    f"capaian {year}", ("realisasi", value), ("target", t.value if t else None))
        if period:
            ind.tahun_akhir = period[1]
            end = row.targets.get(period[1])
            ind.target_akhir = end.value if end else None
            ind.capaian_akhir = finite(
                capaian(ind.target_akhir, ind.realisasi, row.polaritas, rumus), blame(end, tahun),
                "capaian terhadap target akhir Renstra", ("realisasi", ind.realisasi), ("target", ind.target_akhir))
    _map_budget(indicators, index, pemetaan, tree, issues)
    for ind in indicators:
        value = efisiensi(ind.capaian, ind.serapan, identitas.rumus_efisiensi)
        if value is not None and not math.isfinite(value):
            cell = ind.target_num.cell if ind.target_num is not None else ind.row.indikator.cell
            numbers = (("capaian", ind.capaian), ("serapan", ind.serapan))
            issues.overflows.append(Overflow(cell, "efisiensi", ind.nama,
                                             tuple((n, v) for n, v in numbers if v is not None)))
            value = None
        ind.efisiensi = value
    return indicators, issues


def _sum(rows: list[KomponenRow], metode: str) -> float | None:
    values = [r.nilai.value for r in rows if r.metode == metode]
    return add_up(values) if values else None


def _map_budget(indicators: list[Indicator], index: IndicatorIndex, pemetaan: list[PemetaanRow] | None,
                tree: BudgetTree, issues: KinerjaIssues) -> None:
    supports: dict[int, dict[int, BudgetNode]] = {}  # id(indicator) -> id(leaf) -> leaf, distinct
    done: set[tuple[int, int]] = set()  # (indicator, node) pairs already expanded
    for p in pemetaan or []:
        found = index.find(p.indikator.value)
        if not found:
            issues.unknown_pemetaan_indicator.append(p)
            continue
        node = tree.find(p.kode, p.nomor)
        if node is None:
            issues.unknown_pemetaan_code.append(p)
            continue
        for ind in found:
            if (id(ind), id(node)) in done:
                continue
            done.add((id(ind), id(node)))
            leaves = supports.setdefault(id(ind), {})
            for leaf in node.leaves():
                leaves.setdefault(id(leaf), leaf)
    order = {id(n): i for i, n in enumerate(tree.nodes)}
    for ind in indicators:
        chosen = supports.get(id(ind))
        if chosen is not None:
            ind.supports = sorted(chosen.values(), key=lambda n: order[id(n)])
            ind.pagu = figures.PENDUKUNG.value({"nilai": [n.pagu for n in ind.supports]})
            ind.realisasi_anggaran = figures.PENDUKUNG.value({"nilai": [n.realisasi for n in ind.supports]})
            for n in ind.supports:
                ind.unknown |= n.unknown
        elif ind.level == "tujuan":
            ind.whole_budget = True
            ind.pagu = tree.total_pagu
            ind.realisasi_anggaran = tree.total_realisasi
            ind.unknown = tree.unknown
        if ind.pagu:
            ind.serapan = percent_of(ind.realisasi_anggaran or 0.0, ind.pagu)


def counts_for_e(ind: Indicator) -> bool:
    """A sasaran indicator with a budget and an efisiensi enters E (SPEC §9.3)."""
    return figures.EFISIENSI_UNTUK_E.value({"level": ind.level, "efisiensi": ind.efisiensi, "pagu": ind.pagu}) != ""
