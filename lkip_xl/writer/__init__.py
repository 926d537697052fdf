"""The output workbook (SPEC §5): every LKIP table as live formulas over data sheets, plus Temuan."""
from __future__ import annotations

from lkip_xl.model import Result


def write_workbook(result: Result, path: str) -> None:
    """Write the whole workbook to `path` (the caller makes it atomic)."""
    from lkip_xl.writer import data as D
    from lkip_xl.writer import pembacaan, review, ringkasan, tables
    from lkip_xl.writer.book import Book

    book = Book(path)
    plan = tables.plan(result)
    order = [ringkasan.RINGKASAN, *plan.names.values(), review.TEMUAN, pembacaan.PEMBACAAN, D.ANGGARAN,
             D.KINERJA]
    if result.data.komponen:
        order.append(D.KOMPONEN)
    if result.data.pemetaan is not None:
        order.append(D.PEMETAAN)
    if result.belanja_source == "sheet":
        order.append(D.BELANJA)
    if result.data.dilaporkan:
        order.append(D.DILAPORKAN)
    order.append(D.HITUNG)
    for name in order:
        book.sheet(name)
    layout = D.Layout()
    D.indicator_ids(result, layout)
    # data first (they decide where every figure lives), then the tables that refer to them
    D.write_anggaran(book, result, layout)
    D.write_kinerja(book, result, layout)
    komponen = D.write_komponen(book, result, layout)
    D.write_pemetaan(book, result, layout)
    D.write_perhitungan(book, result, layout, komponen)
    D.write_belanja_data(book, result, layout)
    tables.write_renstra(book, result, layout, plan)
    tables.write_renja(book, result, layout, plan)
    tables.write_iku(book, result, layout, plan)
    tables.write_pk(book, result, layout, plan)
    tables.write_tujuan(book, result, layout, plan)
    tables.write_sasaran(book, result, layout, plan)
    tables.write_anggaran(book, result, layout, plan)
    tables.write_efisiensi_summary(book, result, layout, plan)
    tables.write_belanja(book, result, layout, plan)
    tables.write_rangkuman(book, result, layout, plan)
    review.write_dilaporkan(book, result)
    review.write_temuan(book, result)
    pembacaan.write_pembacaan(book, result)
    ringkasan.write_ringkasan(book, result, layout)
    book.sheets[ringkasan.RINGKASAN].activate()
    book.close()
