"""The findings, and how the input was read (Pembacaan), as plain-text tables for `lkip-xl check` (stdout)."""
from __future__ import annotations

import textwrap

from lkip_xl.model import Result, SheetReading
from lkip_xl.textfmt import persen, rupiah

JUDUL = {"kesalahan": "KESALAHAN", "peringatan": "PERINGATAN", "info": "INFO"}
MAX_RUNS = 200  # skipped-row lines per sheet in the terminal; the JSON lists them all


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
        causes = len({f.kelompok if f.kelompok is not None else id(f) for f in rows})
        lines.append(f"{judul} ({len(rows)}" + (f", dari {causes} penyebab)" if causes < len(rows) else ")"))
        code_w = max(len(f.kode) for f in rows)
        loc_w = max(len(_loc(f)) for f in rows)
        indent = 2 + code_w + 2 + loc_w + 2
        first_of: dict[int, str] = {}  # kelompok -> where its first finding is (SPEC §6: one cause)
        for f in rows:
            pesan = f.pesan
            if f.kelompok is not None:
                if f.kelompok in first_of:
                    pesan = f"(penyebab sama dengan {first_of[f.kelompok]}) {pesan}"
                else:
                    first_of[f.kelompok] = _loc(f)
            wrapped = textwrap.wrap(pesan, max(40, width - indent)) or [""]
            lines.append(f"  {f.kode:<{code_w}}  {_loc(f):<{loc_w}}  {wrapped[0]}")
            lines.extend(" " * indent + w for w in wrapped[1:])
        lines.append("")
    if not result.findings:
        lines.append("Tidak ada temuan.")
        lines.append("")
    lines.append(
        f"Ringkasan: {counts['kesalahan']} kesalahan, {counts['peringatan']} peringatan, {counts['info']} info. "
        f"Pagu {rupiah(result.total_pagu)}, realisasi {rupiah(result.total_realisasi)}, "
        f"serapan {persen(result.total_serapan, keep_zeros=True)}"
        + (f" ({result.tidak_terbaca} jumlah tak terbaca, tidak ikut dijumlah)." if result.tidak_terbaca else ".")
    )
    return "\n".join(lines) + "\n"


def _loc(f) -> str:
    return f"{f.lembar}!{f.sel}" if f.lembar and f.sel else (f.lembar or "-")


def pembacaan_table(result: Result, file_name: str, width: int = 110) -> str:
    """Pembacaan (SPEC §10.7): per input sheet its header rows, the column of each field with its label
    as written, the data row count and the rows skipped with why."""
    from lkip_xl.model import dilewati_runs, dipatok_in_order, key_fields, kolom_in_order

    tahun = result.data.identitas.tahun
    lines = [f"Pembacaan {file_name} — baris header dan kolom yang dibaca dari setiap lembar", ""]
    for reading in result.data.pembacaan:
        lines.append(f"Lembar {reading.lembar}" + ("" if reading.peran == reading.lembar
                                                   else f" (dibaca sebagai {reading.peran})"))
        lines.extend(textwrap.wrap(_summary(reading, key_fields(reading, tahun)), width,
                                   initial_indent="  ", subsequent_indent="  "))
        fields = kolom_in_order(reading)
        if fields:
            pinned = set(dipatok_in_order(reading))
            name_w = max(len("Isian"), *(len(n) for n, _ in fields))
            col_w = max(len("Kolom"), *(len(c) for _, c in fields))
            indent = 4 + name_w + 2 + col_w + 2
            lines.append(f"    {'Isian':<{name_w}}  {'Kolom':<{col_w}}  Label di input")
            for name, letters in fields:
                label = reading.label.get(name, "") or "-"
                label += " [dipatok]" if name in pinned else ""
                wrapped = textwrap.wrap(label, max(30, width - indent)) or [""]
                lines.append(f"    {name:<{name_w}}  {letters:<{col_w}}  {wrapped[0]}")
                lines.extend(" " * indent + w for w in wrapped[1:])
        else:
            lines.append("    Tidak ada kolom yang dikenali.")
        rest = sorted(set(reading.dipatok) - {n for n, _ in fields})
        if rest:
            lines.append(f"    Dipatok lewat Pengaturan Baca: {', '.join(rest)}.")
        runs = dilewati_runs(reading)
        if runs:
            lines.append("    Baris dilewati:")
            where = [str(a) if a == b else f"{a}–{b}" for a, b, _ in runs]
            where_w = max(len(w) for w in where)
            indent = 6 + where_w + 2
            for w, (_, _, alasan) in zip(where[:MAX_RUNS], runs):
                wrapped = textwrap.wrap(alasan, max(30, width - indent)) or [""]
                lines.append(f"      {w:>{where_w}}  {wrapped[0]}")
                lines.extend(" " * indent + x for x in wrapped[1:])
            if len(runs) > MAX_RUNS:
                more = sum(1 for row in reading.dilewati if row > runs[MAX_RUNS - 1][1])
                lines.append(f"      … dan {more} baris lain (daftar lengkap: lkip-xl check --json).")
        lines.append("")
    if not result.data.pembacaan:
        lines.extend(["Tidak ada lembar yang dibaca.", ""])
    return "\n".join(lines) + "\n"


def _summary(reading: SheetReading, key: list[tuple[str, str]]) -> str:
    from lkip_xl.model import header_rows_text

    if reading.baris_header:
        header = f"header baris {header_rows_text(reading)}"
    elif reading.peran == "Identitas":
        header = "tanpa baris header (pasangan kunci dan nilai)"
    else:
        header = "baris header tidak ditemukan"
    parts = [header] + [f"{name} di kolom {letters}" for name, letters in key]
    parts.append(f"{reading.baris_data} baris data")
    if reading.baris_tersembunyi:
        parts.append(f"{reading.baris_tersembunyi} di antaranya tersembunyi (filter atau grup), tetap dibaca")
    parts.append(f"{len(reading.dilewati)} baris dilewati")
    return "; ".join(parts) + "."
