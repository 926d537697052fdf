"""The output workbook (SPEC §5): every LKIP table as live formulas over data sheets, plus Temuan."""
from __future__ import annotations

from lkip_xl.model import Result


def write_workbook(result: Result, path: str) -> None:
    """Write the whole workbook to `path` (the caller makes it atomic)."""
    from lkip_xl.collector import paused

    with paused():  # every row read is alive while writing: a collection would only walk them again
        _write_workbook(result, path)


def _write_workbook(result: Result, path: str) -> None:
    from lkip_xl.writer import (
        analisis, data_anggaran, data_belanja, data_kinerja, pembacaan, perhitungan, review, ringkasan, tables,
    )
    from lkip_xl.writer import layout as D
    from lkip_xl.writer import data_pegawai
    from lkip_xl.writer.tables import anggaran, bab1, capaian, efisiensi, lainnya, rangkuman, rencana
    from lkip_xl.writer.book import Book, finish_print

    book = Book(path)
    plan = tables.plan(result)
    order = [ringkasan.RINGKASAN, *plan.names.values(), analisis.SHEET, review.TEMUAN, pembacaan.PEMBACAAN,
             D.ANGGARAN, D.KINERJA]
    if result.data.komponen:
        order.append(D.KOMPONEN)
    if result.data.pemetaan is not None:
        order.append(D.PEMETAAN)
    if result.belanja_source == "sheet":
        order.append(D.BELANJA)
    if result.data.pegawai:
        order.append(data_pegawai.DATA_PEGAWAI)
    if result.data.dilaporkan:
        order.append(D.DILAPORKAN)
    order.append(D.HITUNG)
    for name in order:
        book.sheet(name)
    layout = D.Layout()
    D.indicator_ids(result, layout)
    # data first (they decide where every figure lives), then the tables that refer to them
    data_anggaran.write_anggaran(book, result, layout)
    data_kinerja.write_kinerja(book, result, layout)
    komponen = data_kinerja.write_komponen(book, result, layout)
    data_kinerja.write_pemetaan(book, result, layout)
    perhitungan.write_perhitungan(book, result, layout, komponen)
    data_belanja.write_belanja_data(book, result, layout)
    data_pegawai.write_pegawai(book, result)
    for write in (bab1.write_jumlah_pegawai, bab1.write_nominatif,
                  rencana.write_renstra, rencana.write_renja, rencana.write_iku, rencana.write_pk,
                  capaian.write_tujuan, capaian.write_sasaran, anggaran.write_anggaran,
                  efisiensi.write_efisiensi_summary, anggaran.write_belanja,
                  lainnya.write_penghargaan, lainnya.write_inovasi, lainnya.write_tindak_lanjut,
                  rangkuman.write_rangkuman):
        write(book, result, layout, plan)
    analisis.write_analisis(book, result, layout, plan.numbers.get("rangkuman"))
    review.write_dilaporkan(book, result, plan)
    review.write_temuan(book, result, plan)
    pembacaan.write_pembacaan(book, result)
    ringkasan.write_ringkasan(book, result, layout)
    book.sheets[ringkasan.RINGKASAN].activate()
    finish_print(book, result.data.identitas.skpd, result.data.identitas.tahun)
    book.close()
