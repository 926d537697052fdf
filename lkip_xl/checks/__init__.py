"""Every check of SPEC §6. Each module yields Findings; `run_checks` lists them all."""
from __future__ import annotations

from lkip_xl.model import Finding, Result

TINGKAT_ORDER = {"kesalahan": 0, "peringatan": 1, "info": 2}


def run_checks(result: Result) -> list[Finding]:
    from lkip_xl.checks import belanja, budget, finite, kelompok, kinerja, klaim, tabel
    from lkip_xl.collector import paused
    from lkip_xl.findings import sheet_names

    findings = list(result.data.findings)
    # every row read is alive: a collection would only walk them again
    with paused(), sheet_names(result.data.sheet_names):
        for module in (budget, kinerja, belanja, klaim, finite, tabel):
            findings.extend(module.check(result))
    klaim.tidak_dinilai(result, findings)
    findings.sort(key=lambda f: TINGKAT_ORDER[f.tingkat])  # stable: keeps sheet order inside a level
    kelompok.number_causes(result, findings)
    result.findings = findings
    return findings
