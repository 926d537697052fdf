"""Dilaporkan: every figure of the draft report, checked against the computed one."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from lkip_xl.figures import SISA
from lkip_xl.findings import finding
from lkip_xl.model import (
    FIGURE_MEASURE, MONEY_MEASURES, PERCENT_MEASURES, ClaimJudgement, FigureKey, Finding, Klaim, Num, Result,
    percent_of,
)
from lkip_xl.names import norm_label
from lkip_xl.rules.kinerja import IndicatorIndex
from lkip_xl.rules.rounding import claim_decimals, money_agrees, ratio_agrees
from lkip_xl.textfmt import angka, persen, rupiah, shown as shown_raw


@dataclass
class Subject:
    label: str
    measures: dict[str, Callable[[], object]]
    figure: FigureKey  # the subject's figures in the workbook (its measure is replaced per claim)


def resolve(result: Result, klaim: Klaim, index: IndicatorIndex) -> Subject | None:
    """What a Dilaporkan `Subjek` names: Total, a budget code/number, an akun group or an indicator; for a
    Jumlah Pegawai, a count of Tabel 1.1."""
    if klaim.measure == "Jumlah Pegawai":
        return _pegawai(result, klaim)
    text = klaim.subjek.value
    key = norm_label(text)
    if key in ("total", "jumlah", "total anggaran", "jumlah total"):
        r = result
        return Subject("Total", {
            "Pagu": lambda: r.total_pagu, "Realisasi": lambda: r.total_realisasi,
            "Realisasi Anggaran": lambda: r.total_realisasi, "Sisa": lambda: r.total_sisa,
            "Serapan": lambda: r.total_serapan, "Efisiensi": lambda: r.efisiensi_rata_rata,
            "Nilai Efisiensi": lambda: r.nilai_efisiensi}, FigureKey.total(""))
    tree = result.tree
    where = result.positions()
    code = klaim.kode
    node = tree.find(code, None) if code else None
    group = where.belanja.get(code) if code else None
    # `5.1.02` is an akun code, never the outline number 5.1.2; an akun-shaped `5.1` that names a jenis
    # belanja group is that group (a kegiatan numbered 5.1 can be named by its full code).
    zero_padded = any(len(p) > 1 and p.startswith("0") for p in (code or "").split("."))
    if node is None and code and group is None and not zero_padded:
        node = tree.find(None, klaim.nomor)
    if node is not None:
        return Subject(f"{node.label} ({node.uraian})", _money(lambda: node.pagu, lambda: node.realisasi),
                       FigureKey.node(where.node[id(node)], ""))
    if code:
        if group is not None:
            return Subject(f"belanja {group.kode} ({group.uraian})",
                           _money(lambda: group.pagu, lambda: group.realisasi), FigureKey.belanja(group.kode, ""))
    found = index.find(text)
    if found:
        ind = found[0]
        return Subject(f"indikator '{ind.nama}'", {
            "Target": lambda: ind.target, "Realisasi": lambda: ind.realisasi, "Capaian": lambda: ind.capaian,
            "Capaian Akhir Renstra": lambda: ind.capaian_akhir, "Target Akhir Renstra": lambda: ind.target_akhir,
            "Pagu": lambda: ind.pagu, "Realisasi Anggaran": lambda: ind.realisasi_anggaran,
            "Sisa": lambda: None if ind.pagu is None else SISA.value({"pagu": ind.pagu, "realisasi": ind.realisasi_anggaran or 0}),
            "Serapan": lambda: ind.serapan, "Efisiensi": lambda: ind.efisiensi, "Kategori": lambda: ind.kategori},
            FigureKey.ind(where.ind[id(ind)], ""))
    return None


PEGAWAI_LABEL = {"pendidikan": "pendidikan", "pangkat": "pangkat", "golongan": "golongan"}


def _pegawai(result: Result, klaim: Klaim) -> Subject | None:
    """A count of Tabel 1.1 (`S1`, `III/a`, `III`, `PPPK`, `Total`), from the Pegawai sheet."""
    counts, key = result.pegawai, klaim.pegawai
    if counts is None or key is None or key not in counts:
        return None
    kind, _, label = key.partition(":")
    shown = f"{PEGAWAI_LABEL[kind]} {label}" if label else "seluruh pegawai"
    return Subject(shown, {"Jumlah Pegawai": lambda: counts[key]}, FigureKey.pegawai(key).of(""))


def _money(pagu: Callable[[], float], real: Callable[[], float]) -> dict[str, Callable[[], object]]:
    def serapan():
        return percent_of(real(), pagu())

    return {"Pagu": pagu, "Realisasi": real, "Realisasi Anggaran": real,
            "Sisa": lambda: SISA.value({"pagu": pagu(), "realisasi": real()}), "Serapan": serapan}


def claim_value(result: Result, klaim: Klaim, index: IndicatorIndex) -> tuple[str | None, object, Subject | None]:
    """(canonical ukuran, computed value, subject) of one claim."""
    ukuran = klaim.measure
    subject = resolve(result, klaim, index)
    if ukuran is None or subject is None or ukuran not in subject.measures:
        return ukuran, None, subject
    return ukuran, subject.measures[ukuran](), subject


def check(result: Result) -> Iterator[Finding]:
    index = IndicatorIndex(result.indicators)
    tol = result.data.identitas.toleransi_rupiah
    unknown_subjects: set = set()  # a Subjek filled down over several rows is reported once
    for i, k in enumerate(result.data.dilaporkan):
        ukuran, computed, subject = claim_value(result, k, index)
        judged = result.claims[i] = ClaimJudgement(
            computed=computed,
            figure=subject.figure.of(FIGURE_MEASURE[ukuran]) if subject and ukuran in FIGURE_MEASURE else None,
            kind="money" if ukuran in MONEY_MEASURES else "percent" if ukuran in PERCENT_MEASURES else "decimal")
        where = f"{k.tabel}: " if k.tabel else ""
        if ukuran is None:
            yield finding("UNKNOWN_REFERENCE", k.ukuran.cell, "ukuran", table=where, ukuran=k.ukuran.value,
                          dilaporkan=k.ukuran.value)
            continue
        if subject is None:
            if k.subjek.cell in unknown_subjects:
                continue
            unknown_subjects.add(k.subjek.cell)
            if ukuran == "Jumlah Pegawai" and result.pegawai is None:
                yield finding("UNKNOWN_REFERENCE", k.ukuran.cell, "pegawai", table=where, dilaporkan=k.ukuran.value)
            elif ukuran == "Jumlah Pegawai":
                yield finding("UNKNOWN_REFERENCE", k.subjek.cell, "pegawai_subjek", table=where,
                              subjek=k.subjek.value, dilaporkan=k.subjek.value)
            else:
                yield finding("UNKNOWN_REFERENCE", k.subjek.cell, "subjek", table=where, subjek=k.subjek.value,
                              dilaporkan=k.subjek.value)
            continue
        if ukuran not in subject.measures:
            yield finding("UNKNOWN_REFERENCE", k.ukuran.cell, "ukuran_subjek", table=where, ukuran=ukuran,
                          subject=subject.label, dilaporkan=k.ukuran.value)
            continue
        if result.unknown(judged.figure):
            judged.unknown = True
            continue  # the figure leaves out an amount that could not be read (§10.16): not judged
        if computed is None:
            continue  # not computable (e.g. zero target): reported by its own check
        stated = k.nilai
        if ukuran == "Kategori" or not isinstance(stated, Num):
            text = stated.value if not isinstance(stated, Num) else str(stated.raw)
            judged.agrees = norm_label(str(text)) == norm_label(str(computed))
        if ukuran == "Kategori":
            if not judged.agrees:
                yield finding("CLAIM_MISMATCH", stated.cell, "kategori", table=where, subject=subject.label,
                              stated=text, computed=computed, dilaporkan=text, dihitung=computed)
            continue
        if not isinstance(stated, Num):
            yield finding("UNREADABLE_VALUE", stated.cell, "claim", raw=shown_raw(stated.value), expected=k.expected,
                          dilaporkan=stated.value)
            continue
        value = float(computed)  # type: ignore[arg-type]
        if ukuran in MONEY_MEASURES:
            kind, decimals = "money", None
            ok = money_agrees(stated.value, value, tol)
            shown = (rupiah(stated.value), rupiah(value))
        else:
            ok = ratio_agrees(stated, value)
            d = claim_decimals(stated)
            kind, decimals = "ratio", d
            if ukuran in PERCENT_MEASURES:
                shown = (persen(stated.value, d, True), persen(value, max(d, 2) + 2))
            else:
                shown = (angka(stated.value, d, True), angka(value, max(d, 2) + 2))
        judged.agrees = ok
        if not ok:
            yield finding("CLAIM_MISMATCH", stated.cell, "value", table=where, ukuran=ukuran, subject=subject.label,
                          stated=shown[0], computed=shown[1], dilaporkan=stated.value, dihitung=value,
                          figure=judged.figure, kind=kind, decimals=decimals)


def tidak_dinilai(result: Result, findings: list[Finding]) -> None:
    """§10.16 in Temuan: the finding of a budget amount that could not be read says that it is left out of
    the sums and which Dilaporkan claims could therefore not be judged (they show 'Tidak dinilai' in Data
    Dilaporkan; without this sentence they would leave Temuan without a word)."""
    rows = {(row.sheet, row.row) for node in result.nodes for row in (node.row, node.real_row)
            if row is not None and row.unreadable}
    rows |= {(a.row.sheet, a.row.row) for node in result.nodes for a in (*node.akun, *node.real_akun)
             if a.row.unreadable}
    if not rows:
        return
    claims = [k.nilai.cell for i, k in enumerate(result.data.dilaporkan)
              if result.claims.get(i) is not None and result.claims[i].unknown and k.nilai.cell is not None]
    said = " Angka ini tidak ikut dijumlah"
    if claims:
        first = claims[0]
        cells = [f"{first.sheet}!{first.ref}"] + [c.ref if c.sheet == first.sheet else f"{c.sheet}!{c.ref}"
                                                  for c in claims[1:]]
        said += f"; angka laporan yang bergantung padanya tidak dinilai ({', '.join(cells)})"
    for f in findings:
        if f.kode == "UNREADABLE_VALUE" and f.lembar and f.sel and (f.lembar, _row_of(f.sel)) in rows:
            f.pesan = f.pesan.rstrip(".") + "." + said + "."


def _row_of(ref: str) -> int:
    digits = "".join(ch for ch in ref if ch.isdigit())
    return int(digits) if digits else 0
