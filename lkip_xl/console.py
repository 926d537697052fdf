"""The findings as a plain-text table for `lkip-xl check` (stdout)."""
from __future__ import annotations

import textwrap

from lkip_xl.model import Result
from lkip_xl.textfmt import persen, rupiah

JUDUL = {"kesalahan": "KESALAHAN", "peringatan": "PERINGATAN", "info": "INFO"}


def findings_table(result: Result, file_name: str, width: int = 110) -> str:
    ident = result.data.identitas
    lines = [f"Pemeriksaan {file_name} — {ident.skpd or 'SKPD'} tahun {ident.tahun}", ""]
    counts = {k: 0 for k in JUDUL}
    for f in result.findings:
        counts[f.tingkat] += 1
    for tingkat, judul in JUDUL.items():
        rows = [f for f in result.findings if f.tingkat == tingkat]
        if not rows:
            continue
        lines.append(f"{judul} ({len(rows)})")
        code_w = max(len(f.kode) for f in rows)
        loc_w = max(len(_loc(f)) for f in rows)
        indent = 2 + code_w + 2 + loc_w + 2
        for f in rows:
            wrapped = textwrap.wrap(f.pesan, max(40, width - indent)) or [""]
            lines.append(f"  {f.kode:<{code_w}}  {_loc(f):<{loc_w}}  {wrapped[0]}")
            lines.extend(" " * indent + w for w in wrapped[1:])
        lines.append("")
    if not result.findings:
        lines.append("Tidak ada temuan.")
        lines.append("")
    lines.append(
        f"Ringkasan: {counts['kesalahan']} kesalahan, {counts['peringatan']} peringatan, {counts['info']} info. "
        f"Pagu {rupiah(result.total_pagu)}, realisasi {rupiah(result.total_realisasi)}, "
        f"serapan {persen(result.total_serapan)}."
    )
    return "\n".join(lines) + "\n"


def _loc(f) -> str:
    return f"{f.lembar}!{f.sel}" if f.lembar and f.sel else (f.lembar or "-")
