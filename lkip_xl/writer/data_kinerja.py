"""Data Kinerja (the indicator rows as read), Data Komponen and Data Pemetaan."""
from __future__ import annotations

from typing import Any

from lkip_xl.model import Num, Result, Target, Txt
from lkip_xl.writer import units
from lkip_xl.writer.book import RISKY_START, Book, ref, setup_table_sheet
from lkip_xl.writer.layout import (
    ANGGARAN, C_PAGU, C_REAL, DATA_FIRST, HITUNG, K_ID, K_INDIKATOR, K_LEVEL, K_POLARITAS, K_SASARAN, K_SATUAN,
    K_TUJUAN, KINERJA, KOM_ID, KOM_INDIKATOR, KOM_KOMPONEN, KOM_METODE, KOM_NILAI, KOM_TAHUN, KOMPONEN, P_ID,
    P_INDIKATOR, P_KODE, P_NO, P_PAGU, P_REAL, P_URAIAN, PEMETAAN, Layout,
)

# Data Kinerja's columns before those of the years, in the layout's order
FIXED = {K_ID: ("ID", ("id",)), K_LEVEL: ("Level", ("level",)), K_TUJUAN: ("Tujuan", ("tujuan",)),
         K_SASARAN: ("Sasaran", ("sasaran",)), K_INDIKATOR: ("Indikator", ("indikator",)),
         K_SATUAN: ("Satuan", ("satuan",)), K_POLARITAS: ("Polaritas", ("polaritas",))}


def write_kinerja(book: Book, result: Result, layout: Layout) -> None:
    ws = book.sheet(KINERJA)
    inds = result.indicators
    tahun = result.data.identitas.tahun
    # a year whose only value could not be read still has its column: the text written there
    unreadable = {key for i in inds for key in i.row.unreadable}
    target_years = sorted({y for i in inds for y in i.row.targets} | {k[1] for k in unreadable if k[0] == "target"})
    stated_real = {y for i in inds for y in i.row.realisasi} | {k[1] for k in unreadable if k[0] == "realisasi"}
    real_years = sorted(stated_real | {y for i in inds for y in i.komponen})
    layout.realisasi_years = [y for y in real_years if y <= tahun]
    layout.tahun = tahun
    cap_years = sorted({y for i in inds for y in i.row.capaian})
    has_pk = any(i.row.target_pk is not None for i in inds) or ("target_pk",) in unreadable
    # A target written `≥ 83` or `80 - 85 %` (§10.12): its text beside the bound the formulas use.
    written = {key for i in inds for key, v in _targets(i.row) if isinstance(v, Target)}
    cols: list[tuple[str, tuple]] = [FIXED[c] for c in range(len(FIXED))]
    for y in target_years:
        if ("target", y) in written:
            cols.append((f"Target {y} (tertulis)", ("tertulis", "target", y)))
        cols.append((f"Target {y}" + (" (batas)" if ("target", y) in written else ""), ("target", y)))
    cols += [(f"Realisasi {y} (tertulis)", ("realisasi", y)) for y in sorted(stated_real)]
    if has_pk:
        if ("target_pk",) in written:
            cols.append(("Target PK (tertulis)", ("tertulis", "target_pk")))
        cols.append(("Target PK" + (" (batas)" if ("target_pk",) in written else ""), ("target_pk",)))
    cols += [(f"Capaian {y} (tertulis)", ("capaian", y)) for y in cap_years]
    cols += [("Kategori (tertulis)", ("kategori",)), ("Kab/Kota Lain", ("kab_kota_lain",)),
             ("RPJMD Provinsi", ("rpjmd_provinsi",)), ("RPJMN", ("rpjmn",))]
    ws.write_string(0, 0, "Data indikator kinerja (Renstra, PK, realisasi) — dibaca oleh lembar "
                          f"{HITUNG}.", book.title_fmt())
    book.legend(ws)
    for c, (label, key) in enumerate(cols):
        ws.write_string(2, c, label, book.header_fmt())
        layout.kinerja_cols[key] = c
    widths = [5, 9, 30, 30, 40, 9, 9] + [10] * (len(cols) - len(FIXED))
    setup_table_sheet(ws, (2, 2), widths, freeze_col=5)
    for i, ind in enumerate(inds):
        r = DATA_FIRST + i
        layout.ind_row[id(ind)] = r
        row = ind.row
        book.text(ws, r, K_ID, layout.ind_id[id(ind)])
        book.text(ws, r, K_LEVEL, row.level.capitalize())
        book.text(ws, r, K_TUJUAN, row.tujuan.value if row.tujuan else "")
        book.text(ws, r, K_SASARAN, row.sasaran.value if row.sasaran else "")
        book.text(ws, r, K_INDIKATOR, row.indikator.value)
        book.remember_input(row.indikator.cell, KINERJA, r, K_INDIKATOR)
        book.text(ws, r, K_SATUAN, row.satuan.value if row.satuan else "")
        if row.satuan:
            book.remember_input(row.satuan.cell, KINERJA, r, K_SATUAN)
        book.text(ws, r, K_POLARITAS, row.polaritas.capitalize())
        kind = units.kind_of(ind)
        for (label, key) in cols[len(FIXED):]:
            c = layout.kinerja_cols[key]
            value = _kinerja_value(row, key)
            # the stated capaian and kategori, and a realisasi the Komponen rows build, are only compared
            claim = key[0] in ("capaian", "kategori") or (key[0] == "realisasi" and key[1] in ind.komponen_metode)
            role = "claim" if claim else "input"
            if isinstance(value, Num):
                book.number(ws, r, c, value.value, "percent" if key[0] == "capaian" else kind, role=role)
                book.remember_input(value.cell, KINERJA, r, c)
            elif value is not None:
                book.text(ws, r, c, value.value, fmt=book.cell_fmt("text", risky=value.value.startswith(RISKY_START),
                                                                   role=role))
                book.remember_input(value.cell, KINERJA, r, c)
            else:
                ws.write_blank(r, c, None, book.cell_fmt("text"))
                if key == ("realisasi", layout.tahun):  # the empty cell MISSING_REALISASI points at
                    book.remember_input(row.realisasi_cell, KINERJA, r, c)


def _targets(row) -> list[tuple[tuple, object]]:
    """(Data Kinerja key, value) of each target of the row: the PK target and the years'."""
    out: list[tuple[tuple, object]] = [(("target", y), v) for y, v in row.targets.items()]
    return out + ([(("target_pk",), row.target_pk)] if row.target_pk is not None else [])


def _kinerja_value(row, key: tuple):
    """What Data Kinerja shows in column `key`: the number read, the text of a value that could not
    be read (a formula over it then gives "-", as the report does), or a target as written."""
    name = key[0]
    if name == "tertulis":
        value = row.target_pk if key[1] == "target_pk" else row.targets.get(key[2])
        return Txt(value.written, value.cell) if isinstance(value, Target) else None
    if name == "target":
        value = row.targets.get(key[1])
    elif name == "realisasi":
        value = row.realisasi.get(key[1])
    elif name == "capaian":
        return row.capaian.get(key[1])
    elif name == "target_pk":
        value = row.target_pk
    elif name == "kategori":
        return row.kategori
    else:
        return row.benchmarks.get(name)
    return row.unreadable.get(key) if value is None else value


def write_komponen(book: Book, result: Result, layout: Layout) -> dict[tuple[int, int], dict[str, Any]]:
    """Data Komponen; returns (id(indicator), year) -> the addresses `figures.komponen` sums over."""
    where: dict[tuple[int, int], dict[str, Any]] = {}
    rows = result.data.komponen
    if not rows:
        return where
    ws = book.sheet(KOMPONEN)
    ws.write_string(0, 0, "Komponen realisasi indikator (misalnya IKM per semester).", book.title_fmt())
    book.legend(ws)
    for c, h in enumerate(["ID", "Indikator", "Tahun", "Komponen", "Nilai", "Metode"]):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [5, 48, 7, 18, 10, 11])
    r = DATA_FIRST
    for k, found in zip(rows, result.kinerja_issues.komponen_join):
        # a row naming no indicator is shown, never summed ("?")
        for iid in [layout.ind_id[id(ind)] for ind in found] or ["?"]:
            book.text(ws, r, KOM_ID, iid)
            book.text(ws, r, KOM_INDIKATOR, k.indikator.value)
            book.remember_input(k.indikator.cell, KOMPONEN, r, KOM_INDIKATOR)
            book.number(ws, r, KOM_TAHUN, k.tahun, "center")
            book.text(ws, r, KOM_KOMPONEN, k.komponen.value if k.komponen else "")
            book.number(ws, r, KOM_NILAI, k.nilai.value, "decimal", role="input" if found else "claim")
            if found:
                book.remember_input(k.nilai.cell, KOMPONEN, r, KOM_NILAI)
            book.text(ws, r, KOM_METODE, k.metode)
            r += 1
    last = max(r - 1, DATA_FIRST)

    def rng(c: int) -> str:
        return f"{ref(KOMPONEN, DATA_FIRST, c)}:{ref(KOMPONEN, last, c)}"
    for ind in result.indicators:
        for year in ind.komponen_metode:
            where[(id(ind), year)] = {"nilai": rng(KOM_NILAI), "metode": rng(KOM_METODE),
                                      "kriteria": ((rng(KOM_ID), layout.ind_id[id(ind)]), (rng(KOM_TAHUN), year))}
    return where


def write_pemetaan(book: Book, result: Result, layout: Layout) -> None:
    """The distinct supporting sub kegiatan of each indicator, with their live pagu and realisasi."""
    mapped = [i for i in result.indicators if i.supports]
    if result.data.pemetaan is None:
        return
    ws = book.sheet(PEMETAAN)
    ws.write_string(0, 0, "Anggaran pendukung per indikator (sub kegiatan yang berbeda, dari lembar Pemetaan).",
                    book.title_fmt())
    for c, h in enumerate(["ID", "Indikator", "Kode", "No", "Sub Kegiatan", "Pagu", "Realisasi"]):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [5, 40, 18, 7, 48, 15, 15])
    r = DATA_FIRST
    for ind in mapped:
        for node in ind.supports or []:
            nr = layout.node_row[id(node)]
            book.text(ws, r, P_ID, layout.ind_id[id(ind)])
            book.text(ws, r, P_INDIKATOR, ind.nama)
            book.text(ws, r, P_KODE, node.kode)
            book.text(ws, r, P_NO, node.nomor)
            book.text(ws, r, P_URAIAN, node.uraian)
            book.formula(ws, r, P_PAGU, ref(ANGGARAN, nr, C_PAGU), node.pagu)
            book.formula(ws, r, P_REAL, ref(ANGGARAN, nr, C_REAL), node.realisasi)
            r += 1
    layout.pemetaan_last = max(r - 1, DATA_FIRST)
    r += 1
    ws.write_string(r, 0, "Baris lembar Pemetaan seperti diisi:", book.title_fmt())
    r += 1
    for c, h in enumerate(["", "Indikator", "Kode", "No"]):
        ws.write_string(r, c, h, book.header_fmt())
    for p in result.data.pemetaan:
        r += 1
        book.text(ws, r, P_INDIKATOR, p.indikator.value)
        book.remember_input(p.indikator.cell, PEMETAAN, r, P_INDIKATOR)
        book.text(ws, r, P_KODE, p.kode)
        book.text(ws, r, P_NO, p.nomor)
        book.remember_input(p.cell, PEMETAAN, r, P_KODE if p.kode else P_NO)


