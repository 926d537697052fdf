"""Dilaporkan: every figure of the draft report, checked against the computed one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from lkip_xl.findings import finding
from lkip_xl.model import Finding, Klaim, Num, Result, percent_of
from lkip_xl.reader.links import MONEY_UKURAN as MONEY
from lkip_xl.reader.links import PERCENT_UKURAN as PERCENT
from lkip_xl.reader.links import UKURAN, ukuran_kind
from lkip_xl.reader.rows import shown as shown_raw
from lkip_xl.reader.values import KIND_WORDS, norm_label, parse_code, parse_outline
from lkip_xl.rules.kinerja import IndicatorIndex
from lkip_xl.rules.rounding import claim_decimals, money_agrees, ratio_agrees
from lkip_xl.textfmt import angka, persen, rupiah

FIGURE_MEASURE = {"Target": "target", "Realisasi": "realisasi", "Capaian": "capaian",
                  "Capaian Akhir Renstra": "capaian_akhir", "Target Akhir Renstra": "target_akhir", "Pagu": "pagu",
                  "Realisasi Anggaran": "realisasi_anggaran", "Sisa": "sisa", "Serapan": "serapan",
                  "Efisiensi": "efisiensi", "Nilai Efisiensi": "nilai", "Kategori": "kategori"}


@dataclass
class Subject:
    label: str
    measures: dict[str, Callable[[], object]]
    figure: tuple = ()  # ("total",), ("node", i), ("belanja", kode), ("ind", i)


def resolve(result: Result, text: str, index: IndicatorIndex) -> Subject | None:
    """What a Dilaporkan `Subjek` names: Total, a budget code/number, an akun group or an indicator."""
    key = norm_label(text)
    if key in ("total", "jumlah", "total anggaran", "jumlah total"):
        r = result
        return Subject("Total", {
            "Pagu": lambda: r.total_pagu, "Realisasi": lambda: r.total_realisasi,
            "Realisasi Anggaran": lambda: r.total_realisasi, "Sisa": lambda: r.total_sisa,
            "Serapan": lambda: r.total_serapan, "Efisiensi": lambda: r.efisiensi_rata_rata,
            "Nilai Efisiensi": lambda: r.nilai_efisiensi}, ("total",))
    tree = result.issues["tree"]
    where = _positions(result)
    code = parse_code(text)
    node = tree.find(code, None) if code else None
    group = where["belanja"].get(code) if code else None
    # `5.1.02` is an akun code, never the outline number 5.1.2; an akun-shaped `5.1` that names a jenis
    # belanja group is that group (a kegiatan numbered 5.1 can be named by its full code).
    zero_padded = any(len(p) > 1 and p.startswith("0") for p in (code or "").split("."))
    if node is None and code and group is None and not zero_padded:
        node = tree.find(None, parse_outline(text))
    if node is not None:
        return Subject(f"{node.label} ({node.uraian})", _money(lambda: node.pagu, lambda: node.realisasi),
                       ("node", where["node"][id(node)]))
    if code:
        if group is not None:
            return Subject(f"belanja {group.kode} ({group.uraian})",
                           _money(lambda: group.pagu, lambda: group.realisasi), ("belanja", group.kode))
    found = index.find(text)
    if found:
        ind = found[0]
        return Subject(f"indikator '{ind.nama}'", {
            "Target": lambda: ind.target, "Realisasi": lambda: ind.realisasi, "Capaian": lambda: ind.capaian,
            "Capaian Akhir Renstra": lambda: ind.capaian_akhir, "Target Akhir Renstra": lambda: ind.target_akhir,
            "Pagu": lambda: ind.pagu, "Realisasi Anggaran": lambda: ind.realisasi_anggaran,
            "Sisa": lambda: None if ind.pagu is None else ind.pagu - (ind.realisasi_anggaran or 0),
            "Serapan": lambda: ind.serapan, "Efisiensi": lambda: ind.efisiensi, "Kategori": lambda: ind.kategori},
            ("ind", where["ind"][id(ind)]))
    return None


def _positions(result: Result) -> dict[str, dict]:
    """Where each node / indicator / belanja group sits, built once per result (one lookup per claim)."""
    cached = result.issues.get("positions")
    if cached is None or cached["sizes"] != (len(result.nodes), len(result.indicators), len(result.belanja)):
        cached = {
            "sizes": (len(result.nodes), len(result.indicators), len(result.belanja)),
            "node": {id(n): i for i, n in enumerate(result.nodes)},
            "ind": {id(ind): i for i, ind in enumerate(result.indicators)},
            "belanja": {},
        }
        for g in result.belanja:
            cached["belanja"].setdefault(g.kode, g)
        result.issues["positions"] = cached
    return cached


def _money(pagu: Callable[[], float], real: Callable[[], float]) -> dict[str, Callable[[], object]]:
    def serapan():
        return percent_of(real(), pagu())

    return {"Pagu": pagu, "Realisasi": real, "Realisasi Anggaran": real,
            "Sisa": lambda: pagu() - real(), "Serapan": serapan}


def claim_value(result: Result, klaim: Klaim, index: IndicatorIndex) -> tuple[str | None, object, Subject | None]:
    """(canonical ukuran, computed value, subject) of one claim; used by the checks and the writer."""
    ukuran = UKURAN.get(norm_label(klaim.ukuran.value))
    subject = resolve(result, klaim.subjek.value, index)
    if ukuran is None or subject is None or ukuran not in subject.measures:
        return ukuran, None, subject
    return ukuran, subject.measures[ukuran](), subject


def check(result: Result) -> Iterator[Finding]:
    index = IndicatorIndex(result.indicators)
    tol = result.data.identitas.toleransi_rupiah
    unknown_subjects: set = set()  # a Subjek filled down over several rows is reported once
    for i, k in enumerate(result.data.dilaporkan):
        ukuran, computed, subject = claim_value(result, k, index)
        where = f"{k.tabel}: " if k.tabel else ""
        if ukuran is None:
            yield finding("UNKNOWN_REFERENCE", k.ukuran.cell, "ukuran", table=where, ukuran=k.ukuran.value,
                          dilaporkan=k.ukuran.value)
            continue
        if subject is None:
            if k.subjek.cell in unknown_subjects:
                continue
            unknown_subjects.add(k.subjek.cell)
            yield finding("UNKNOWN_REFERENCE", k.subjek.cell, "subjek", table=where, subjek=k.subjek.value,
                          dilaporkan=k.subjek.value)
            continue
        if ukuran not in subject.measures:
            yield finding("UNKNOWN_REFERENCE", k.ukuran.cell, "ukuran_subjek", table=where, ukuran=ukuran,
                          subject=subject.label, dilaporkan=k.ukuran.value)
            continue
        if computed is None:
            continue  # not computable (e.g. zero target): reported by its own check
        stated = k.nilai
        if ukuran == "Kategori" or not isinstance(stated, Num):
            text = stated.value if not isinstance(stated, Num) else str(stated.raw)
            result.claim_agrees[i] = norm_label(str(text)) == norm_label(str(computed))
        if ukuran == "Kategori":
            if not result.claim_agrees[i]:
                yield finding("CLAIM_MISMATCH", stated.cell, "kategori", table=where, subject=subject.label,
                              stated=text, computed=computed, dilaporkan=text, dihitung=computed)
            continue
        if not isinstance(stated, Num):
            what = KIND_WORDS[ukuran_kind(k.ukuran.value)]
            yield finding("UNREADABLE_VALUE", stated.cell, "claim", raw=shown_raw(stated.value), expected=what,
                          dilaporkan=stated.value)
            continue
        value = float(computed)  # type: ignore[arg-type]
        figure = subject.figure + (FIGURE_MEASURE[ukuran],)
        if ukuran in MONEY:
            kind, decimals = "money", None
            ok = money_agrees(stated.value, value, tol)
            shown = (rupiah(stated.value), rupiah(value))
        else:
            ok = ratio_agrees(stated, value)
            d = claim_decimals(stated)
            kind, decimals = "ratio", d
            if ukuran in PERCENT:
                shown = (persen(stated.value, d, True), persen(value, max(d, 2) + 2))
            else:
                shown = (angka(stated.value, d, True), angka(value, max(d, 2) + 2))
        result.claim_agrees[i] = ok
        if not ok:
            yield finding("CLAIM_MISMATCH", stated.cell, "value", table=where, ukuran=ukuran, subject=subject.label,
                          stated=shown[0], computed=shown[1], dilaporkan=stated.value, dihitung=value,
                          figure=figure, kind=kind, decimals=decimals)
