"""Bab II: Renstra, Renja, IKU and Perjanjian Kinerja."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.writer import layout as D
from lkip_xl.writer import units
from lkip_xl.figures import TERTULIS
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
    ws = book.sheet(p.names["renja"])
    title(book, ws, p.numbers["renja"],
          p.judul("Daftar Program, Kegiatan dan Sub Kegiatan pada Dokumen Rencana Kerja",
                  f"Tahun Anggaran {p.tahun}"), 6)
    r = headers(book, ws, 2, ["No.", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator",
                                ("Target", ["Kinerja", "Keuangan (Rp)"])])
    setup_table_sheet(ws, (2, r - 1), [7, 18, 44, 44, 14, 16])
    for node in tree_order(result):
        bold = node.level != "sub_kegiatan"
        depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
        book.text(ws, r, 0, node.nomor or "", bold=bold)
        book.text(ws, r, 1, node.kode or "", bold=bold)
        book.text(ws, r, 2, node.uraian, bold=bold, indent=depth)
        row = node.row
        book.text(ws, r, 3, row.indikator.value if row.indikator else "")
        target = row.target_kinerja.value if row.target_kinerja else ""
        if row.satuan and target and row.satuan.value.lower() not in target.lower():
            target = f"{target} {row.satuan.value}"
        book.text(ws, r, 4, target)
        book.formula(ws, r, 5, ref(D.ANGGARAN, layout.node_row[id(node)], D.C_PAGU), node.pagu, bold=bold)
        r += 1
    book.text(ws, r, 2, "Jumlah", bold=True)
    for c in (0, 1, 3, 4):
        book.text(ws, r, c, "")
    book.formula(ws, r, 5, ref(D.ANGGARAN, layout.total_row, D.C_PAGU), result.total_pagu, bold=True)


def write_iku(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["iku"])
    title(book, ws, p.numbers["iku"], p.judul("Indikator Kinerja Utama", f"Tahun {p.tahun}"), 9)
    spec = ["No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja Utama", "Makna Indikator",
            "Alasan Pemilihan", "Formulasi Perhitungan", "Sumber/Referensi", "Penanggung Jawab", "Sumber Data"]
    r = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [5, 26, 28, 30, 30, 30, 26, 16, 18])
    keys = ["makna", "alasan", "formulasi", "sumber_referensi", "penanggung_jawab", "sumber_data"]
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


