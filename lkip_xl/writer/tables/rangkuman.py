"""Bab IV: the capaian of every Perjanjian Kinerja indicator."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, setup_table_sheet
from lkip_xl.writer.tables import Plan, Shown, figure_cells, headers, title, tujuan_sasaran_cells

# after Tujuan | Indikator Tujuan | Sasaran | Indikator Sasaran: Kinerja Tahun N
COLUMNS = ("target", "realisasi", "capaian", "kategori")


def write_rangkuman(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["rangkuman"])
    title(book, ws, p.numbers["rangkuman"],
          p.judul("Daftar Rincian Capaian Indikator Perjanjian Kinerja", f"Tahun {p.tahun}"), 8)
    r = headers(book, ws, 2, ["Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
                                (f"Kinerja Tahun {p.tahun}", ["Target", "Realisasi", "Capaian", "Kategori"])])
    setup_table_sheet(ws, (2, r - 1), [26, 24, 26, 32, 10, 10, 10, 15])
    shown = Shown()
    first = r
    for ind in result.indicators:
        tujuan_sasaran_cells(book, ws, r, ind, shown)
        figure_cells(book, ws, r, 4, ind, layout, COLUMNS)
        r += 1
    book.kategori_colours(ws, first, r - 1, 4 + COLUMNS.index("kategori"), layout.skala_nama)
