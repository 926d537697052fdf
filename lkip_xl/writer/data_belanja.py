"""Data Belanja: the Belanja sheet's rows when the jenis belanja come from it (not from akun rows)."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.rules.belanja import keys_of, sheet_leaves
from lkip_xl.writer.book import Book, setup_table_sheet
from lkip_xl.writer.layout import ANGGARAN, BELANJA, C_JENIS, C_KELOMPOK, C_PAGU_DATA, C_REAL_DATA, BelanjaData, Layout, n


def write_belanja_data(book: Book, result: Result, layout: Layout) -> None:
    """Jenis belanja sums: from akun rows of Data Anggaran, or from a Data Belanja sheet."""
    if not result.belanja:
        return
    if result.belanja_source == "akun":
        layout.belanja = BelanjaData(ANGGARAN, 3, layout.total_row - 1, C_JENIS, C_KELOMPOK, C_PAGU_DATA, C_REAL_DATA)
        return
    ws = book.sheet(BELANJA)
    ws.write_string(0, 0, "Data belanja per jenis (dari lembar Belanja input).", book.title_fmt())
    book.legend(ws)
    header = ["Kode", "Uraian", "Jenis", "Kelompok", "Pagu (data)", "Realisasi (data)",
              "Pagu tertulis", "Realisasi tertulis", "% tertulis"]
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [18, 40, 9, 9, 15, 15, 15, 15, 9])
    rows = result.data.belanja or []
    first = r = 3
    for row, is_leaf in zip(rows, sheet_leaves(rows)):
        book.text(ws, r, 0, row.kode or "")
        book.text(ws, r, 1, row.uraian.value if row.uraian else "")
        book.remember_input(row.label_cell, BELANJA, r, 1)
        jenis, kelompok = keys_of(row.kode) if is_leaf else ("", "")
        book.text(ws, r, 2, jenis)
        book.text(ws, r, 3, kelompok)
        for num, data_col, stated_col in ((row.pagu, 4, 6), (row.realisasi, 5, 7)):
            col = data_col if is_leaf else stated_col
            book.number(ws, r, col, n(num), role="input" if is_leaf else "claim")
            if num is not None:
                book.remember_input(num.cell, BELANJA, r, col)
        if row.persen is not None:
            book.number(ws, r, 8, row.persen.value, "decimal", role="claim")
            book.remember_input(row.persen.cell, BELANJA, r, 8)
        r += 1
    layout.belanja = BelanjaData(BELANJA, first, max(r - 1, first), 2, 3, 4, 5)


