"""Bab III: realisasi anggaran per program / kegiatan / sub kegiatan, and per jenis belanja."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.writer import layout as D
from lkip_xl.figures import JUMLAH_KELOMPOK, SELISIH, SERAPAN, SISA
from lkip_xl.model import FigureKey
from lkip_xl.writer.book import Book, a1, ref, setup_table_sheet
from lkip_xl.textfmt import tidak_terbaca
from lkip_xl.writer.tables import Plan, headers, title, tree_order


def write_anggaran(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "anggaran" not in p.names:  # no budget row: left out (TABEL_KOSONG)
        return
    ws = book.sheet(p.names["anggaran"])
    title(book, ws, p.numbers["anggaran"], p.judul("Rincian Realisasi Anggaran", f"per 31 Desember {p.tahun}"), 7)
    r = headers(book, ws, 2, ["No.", "Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran", "Realisasi",
                                "Sisa", "Rasio Capaian"])
    setup_table_sheet(ws, (2, r - 1), [7, 18, 50, 16, 16, 15, 9])
    first = r
    for node in tree_order(result):
        bold = node.level != "sub_kegiatan"
        depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
        nr = layout.node_row[id(node)]
        book.text(ws, r, D.T_NO, node.nomor or "", bold=bold)
        book.text(ws, r, D.T_KODE, node.kode or "", bold=bold)
        book.text(ws, r, D.T_URAIAN, node.uraian, bold=bold, indent=depth)
        for c, col, value, kind in ((D.T_PAGU, D.C_PAGU, node.pagu, "money"),
                                    (D.T_REAL, D.C_REAL, node.realisasi, "money"),
                                    (D.T_SISA, D.C_SISA, node.sisa, "money"),
                                    (D.T_RASIO, D.C_SERAPAN, node.serapan, "percent")):
            book.formula(ws, r, c, ref(D.ANGGARAN, nr, col), value, kind=kind, bold=bold)
        r += 1
    ws.merge_range(r, D.T_NO, r, D.T_URAIAN, "Total Anggaran / Realisasi / Rasio Capaian",
                   book.fmt(bold=True, border=1))
    for c, col, value, kind in ((D.T_PAGU, D.C_PAGU, result.total_pagu, "money"),
                                (D.T_REAL, D.C_REAL, result.total_realisasi, "money"),
                                (D.T_SISA, D.C_SISA, result.total_sisa, "money"),
                                (D.T_RASIO, D.C_SERAPAN, result.total_serapan, "percent")):
        book.formula(ws, r, c, ref(D.ANGGARAN, layout.total_row, col), value, kind=kind, bold=True)
    book.flag_sisa(ws, first, r, D.T_SISA)
    book.flag_serapan(ws, first, r, D.T_RASIO)
    if result.tidak_terbaca:
        note = tidak_terbaca(result.tidak_terbaca)
        ws.merge_range(r + 1, 0, r + 1, 6, "", book.fmt(italic=True, text_wrap=True, valign="top"))
        ws.write_string(r + 1, 0, note, book.fmt(italic=True, text_wrap=True, valign="top"))
        ws.set_row(r + 1, 30)


def write_belanja(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "belanja" not in p.names:
        return
    ws = book.sheet(p.names["belanja"])
    title(book, ws, p.numbers["belanja"], p.judul("Realisasi Anggaran per Jenis Belanja", f"Tahun {p.tahun}"), 6)
    r = headers(book, ws, 2, ["Kode Rekening", "Jenis Belanja", "Pagu Anggaran", "Realisasi", "Sisa", "Serapan"])
    setup_table_sheet(ws, (2, r - 1), [14, 44, 17, 17, 16, 10])
    first = r
    kelompok_rows = []
    for g in result.belanja:
        bold = g.kelompok
        book.text(ws, r, D.J_KODE, g.kode, bold=bold)
        book.text(ws, r, D.J_URAIAN, g.uraian, bold=bold, indent=0 if g.kelompok else 1)
        book.formula(ws, r, D.J_PAGU, D.belanja_formula(layout, g.kode, "pagu"), g.pagu, bold=bold)
        book.formula(ws, r, D.J_REAL, D.belanja_formula(layout, g.kode, "realisasi"), g.realisasi, bold=bold)
        money = {"pagu": a1(r, D.J_PAGU), "realisasi": a1(r, D.J_REAL)}
        book.formula(ws, r, D.J_SISA, SISA.formula(money), SISA.value({"pagu": g.pagu, "realisasi": g.realisasi}),
                     bold=bold)
        book.formula(ws, r, D.J_SERAPAN, SERAPAN.formula(money), g.serapan, kind="percent",
                     bold=bold)
        for measure, col in (("pagu", D.J_PAGU), ("realisasi", D.J_REAL), ("realisasi_anggaran", D.J_REAL),
                             ("sisa", D.J_SISA), ("serapan", D.J_SERAPAN)):
            book.remember_figure(FigureKey.belanja(g.kode, measure), ws.name, r, col)
        if g.kelompok:
            kelompok_rows.append(r)
        r += 1
    book.flag_sisa(ws, first, r, D.J_SISA)  # the groups and their Jumlah row below
    book.flag_serapan(ws, first, r, D.J_SERAPAN)
    pagu, real = result.belanja_jumlah
    book.text(ws, r, D.J_KODE, "", bold=True)
    book.text(ws, r, D.J_URAIAN, "Jumlah belanja", bold=True)
    book.formula(ws, r, D.J_PAGU, JUMLAH_KELOMPOK.formula({"kelompok": [a1(k, D.J_PAGU) for k in kelompok_rows]}),
                 pagu, bold=True)
    book.formula(ws, r, D.J_REAL, JUMLAH_KELOMPOK.formula({"kelompok": [a1(k, D.J_REAL) for k in kelompok_rows]}),
                 real, bold=True)
    money = {"pagu": a1(r, D.J_PAGU), "realisasi": a1(r, D.J_REAL)}
    book.formula(ws, r, D.J_SISA, SISA.formula(money), SISA.value({"pagu": pagu, "realisasi": real}), bold=True)
    book.formula(ws, r, D.J_SERAPAN, SERAPAN.formula(money), result.belanja_jumlah_serapan,
                 kind="percent", bold=True)
    for measure, col in (("pagu", D.J_PAGU), ("realisasi", D.J_REAL), ("sisa", D.J_SISA), ("serapan", D.J_SERAPAN)):
        book.remember_figure(FigureKey("belanja_total", None, measure), ws.name, r, col)
    r += 1
    book.text(ws, r, D.J_URAIAN, "Selisih terhadap total realisasi anggaran program/kegiatan")
    book.text(ws, r, D.J_KODE, "")
    tp, tr = ref(D.ANGGARAN, layout.total_row, D.C_PAGU), ref(D.ANGGARAN, layout.total_row, D.C_REAL)
    book.formula(ws, r, D.J_PAGU, SELISIH.formula({"dilaporkan": a1(r - 1, D.J_PAGU), "dihitung": tp}),
                 SELISIH.value({"dilaporkan": pagu, "dihitung": result.total_pagu}))
    book.formula(ws, r, D.J_REAL, SELISIH.formula({"dilaporkan": a1(r - 1, D.J_REAL), "dihitung": tr}),
                 SELISIH.value({"dilaporkan": real, "dihitung": result.total_realisasi}))


