"""Bab II: Renstra, Renja, IKU and Perjanjian Kinerja."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.writer import layout as D
from lkip_xl.writer import units
from lkip_xl.figures import TERTULIS
from lkip_xl.rules.tabel import iku_columns_given
from lkip_xl.writer.book import Book, ref, setup_table_sheet
from lkip_xl.writer.tables import (
    Plan, Shown, figure_cells, headers, kind_for, title, tree_order, tujuan_sasaran_cells, written_target,
)


def write_renstra(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["renstra"])
    years = sorted({y for i in result.indicators for y in i.row.targets} |
                   {k[1] for i in result.indicators for k in i.row.unreadable if k[0] == "target"})
    spec = ["Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran"]
    spec.append(("Target", [str(y) for y in years]) if years else "Target")
    title(book, ws, p.numbers["renstra"],
          p.judul("Data Tujuan, Sasaran dan Target Indikator Sasaran pada Dokumen Rencana Strategis", p.periode_text()),
          4 + len(years))
    r = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [28, 28, 28, 34] + [9] * len(years))
    shown = Shown()
    for ind in result.indicators:
        row = ind.row
        tujuan_sasaran_cells(book, ws, r, ind, shown)
        kr = layout.ind_row[id(ind)]
        for k, y in enumerate(years):
            written = written_target(ind, layout, "renstra", y)
            if written is not None:  # `≥ 83`, `80 - 85 %`: as the user wrote it (§10.12)
                book.formula(ws, r, 4 + k, written[0], written[1], kind="center")
                continue
            cell = ref(D.KINERJA, kr, layout.kinerja_cols[("target", y)])
            t = row.targets.get(y)
            book.formula(ws, r, 4 + k, TERTULIS.formula({"tertulis": cell}), t.value if t else None,
                         kind=kind_for(ind))
        r += 1


def write_renja(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "renja" not in p.names:  # no budget row: left out (TABEL_KOSONG)
        return
    ws = book.sheet(p.names["renja"])
    nodes = tree_order(result)
    # a column blank on every row is dropped: No., Indikator and the target kinerja are often not given
    numbered = any(node.nomor for node in nodes)
    with_indikator = any(node.row.indikator for node in nodes)
    targets = [_target_kinerja(node) for node in nodes]
    with_target = any(targets)
    spec: list = (["No."] if numbered else []) + ["Kode", "Program / Kegiatan / Sub Kegiatan"]
    widths: list[float] = [7.0] if numbered else []
    widths += [18, 44]
    if with_indikator:
        spec.append("Indikator")
        widths.append(44)
    spec.append(("Target", ["Kinerja", "Keuangan (Rp)"]) if with_target else "Pagu (Rp)")
    widths += [14, 16] if with_target else [16]
    title(book, ws, p.numbers["renja"],
          p.judul("Daftar Program, Kegiatan dan Sub Kegiatan pada Dokumen Rencana Kerja",
                  f"Tahun Anggaran {p.tahun}"), len(spec) + with_target)
    r = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), widths)
    pagu = len(widths) - 1
    for node, target in zip(nodes, targets):
        bold = node.level != "sub_kegiatan"
        depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
        c = 0
        if numbered:
            book.text(ws, r, 0, node.nomor or "", bold=bold)
            c = 1
        book.text(ws, r, c, node.kode or "", bold=bold)
        book.text(ws, r, c + 1, node.uraian, bold=bold, indent=depth)
        c += 2
        if with_indikator:
            book.text(ws, r, c, node.row.indikator.value if node.row.indikator else "")
            c += 1
        if with_target:
            book.text(ws, r, c, target)
        book.formula(ws, r, pagu, ref(D.ANGGARAN, layout.node_row[id(node)], D.C_PAGU), node.pagu, bold=bold)
        r += 1
    uraian = 2 if numbered else 1
    for c in range(pagu):
        if c != uraian:
            book.text(ws, r, c, "")
    book.text(ws, r, uraian, "Jumlah", bold=True)
    book.formula(ws, r, pagu, ref(D.ANGGARAN, layout.total_row, D.C_PAGU), result.total_pagu, bold=True)


def _target_kinerja(node) -> str:
    """The Renja's target kinerja of a row, with its unit when the target does not say it."""
    row = node.row
    target = row.target_kinerja.value if row.target_kinerja else ""
    if row.satuan and target and row.satuan.value.lower() not in target.lower():
        target = f"{target} {row.satuan.value}"
    return target


def write_iku(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "iku" not in p.names:  # no IKU text at all: left out (TABEL_KOSONG)
        return
    ws = book.sheet(p.names["iku"])
    keys = iku_columns_given(result)  # a column blank on every row is dropped
    labels = {"makna": ("Makna Indikator", 30), "alasan": ("Alasan Pemilihan", 30),
              "formulasi": ("Formulasi Perhitungan", 30), "sumber_referensi": ("Sumber/Referensi", 26),
              "penanggung_jawab": ("Penanggung Jawab", 16), "sumber_data": ("Sumber Data", 18)}
    title(book, ws, p.numbers["iku"], p.judul("Indikator Kinerja Utama", f"Tahun {p.tahun}"), 3 + len(keys))
    spec = ["No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja Utama"] + [labels[k][0] for k in keys]
    r = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [5, 26, 28] + [labels[k][1] for k in keys])
    n = 0
    for name, inds in p.sasaran:
        n += 1
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, str(n) if k == 0 else "", fmt=book.cell_fmt("center"))
            book.text(ws, r, 1, name if k == 0 else "")
            book.text(ws, r, 2, ind.nama)
            for c, key in enumerate(keys):
                value = ind.row.iku.get(key)
                book.text(ws, r, 3 + c, value.value if value else "")
            r += 1


def write_pk(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["pk"])
    title(book, ws, p.numbers["pk"], p.judul("Data Perjanjian Kinerja", f"Tahun Anggaran {p.tahun}"), 5)
    r = headers(book, ws, 2, ["No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja", "Target", "Satuan"])
    setup_table_sheet(ws, (2, r - 1), [5, 36, 44, 12, 12])
    n = 0
    for name, inds in p.sasaran:
        n += 1
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, f"{n:02d}" if k == 0 else "", fmt=book.cell_fmt("center"))
            book.text(ws, r, 1, name if k == 0 else "")
            book.text(ws, r, 2, ind.nama)
            # the unit is in the Satuan column: not a second time in the number
            figure_cells(book, ws, r, 3, ind, layout, ("target",), kind=units.kind_of(ind, with_unit=False))
            book.text(ws, r, 4, ind.row.satuan.value if ind.row.satuan else "")
            r += 1


