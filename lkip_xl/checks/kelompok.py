"""Findings that share one cause (SPEC §6): the same wrong figure claimed in several tables.

Two claims share a cause when they state the same value for the same computed figure (the serapan of
one indicator written 97,26 % in Tabel 3.11 and again in Tabel 3.14), and an indicator's Efisiensi
claim shares the cause of its wrong Serapan claim when it is exactly what that serapan gives (2,74 %
= (1 − 97,26 / 100) × 100 with the computed capaian): it was derived from the wrong figure, not
wrong on its own. Every finding gets a kelompok number; findings of one cause share it.
"""
from __future__ import annotations

from lkip_xl import figures
from lkip_xl.model import Finding, Result
from lkip_xl.rules.rounding import round_excel


def number_causes(result: Result, findings: list[Finding]) -> None:
    """Set `kelompok` on every finding: 1, 2, … in order of first appearance; one cause, one number."""
    cause: dict[object, object] = {}  # id(finding) -> its cause key
    serapan_claims: dict[int, list[Finding]] = {}  # indicator index -> its wrong Serapan claims
    for f in findings:
        fig = f.figure
        if f.kode == "CLAIM_MISMATCH" and fig is not None and isinstance(f.dilaporkan, (int, float)):
            cause[id(f)] = ("claim", fig, f.dilaporkan)
            if fig.subject == "ind" and fig.measure == "serapan" and isinstance(fig.index, int):
                serapan_claims.setdefault(fig.index, []).append(f)
    rumus = figures.efisiensi(result.data.identitas.rumus_efisiensi)
    for f in findings:
        fig = f.figure
        if id(f) not in cause or fig is None or fig.measure != "efisiensi" or fig.subject != "ind":
            continue
        ind = result.indicators[fig.index] if isinstance(fig.index, int) else None
        if ind is None:
            continue
        for s in serapan_claims.get(fig.index, []):  # type: ignore[arg-type]
            derived = rumus.value({"capaian": ind.capaian, "serapan": s.dilaporkan})
            d = f.decimals or 0
            if derived is not None and round_excel(derived, d) == round_excel(float(f.dilaporkan), d):
                cause[id(f)] = cause[id(s)]
                break
    numbers: dict[object, int] = {}
    for f in findings:
        key = cause.get(id(f), id(f))
        f.kelompok = numbers.setdefault(key, len(numbers) + 1)



