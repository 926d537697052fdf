"""Pembacaan Input (SPEC §10.7): how each input sheet was read, so a wrong figure is traced to a
wrong header row or a wrong column at a glance."""
from __future__ import annotations

from lkip_xl.model import (
    Result, SheetReading, dilewati_runs, dipatok_in_order, header_rows_text, key_fields, kolom_in_order, main_fields,
)
from lkip_xl.writer.book import Book

PEMBACAAN = "Pembacaan Input"
WIDTHS = [24, 12, 58, 12, 12, 12]
BLOCK_FILL = "#D9E1F2"
MAX_RUNS = 2000  # a sheet of thousands of stray lines stays readable (and quick to write)


def write_pembacaan(book: Book, result: Result) -> None:
    ws = book.sheet(PEMBACAAN)
    readings = result.data.pembacaan
    tahun = result.data.identitas.tahun
    ws.lkip_widths = list(WIDTHS)
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    ws.freeze_panes(1, 0)
    ws.write_string(0, 0, "Pembacaan input — bagaimana setiap lembar workbook input dibaca", book.title_fmt())
    note = book.fmt(italic=True, text_wrap=True, valign="top")
    ws.merge_range(1, 0, 1, 5, "", note)
    text = ("Bila angka laporan tampak salah, periksa dulu di sini baris mana yang dipakai sebagai judul kolom "
            "(baris header) dan kolom mana yang dibaca untuk setiap isian, misalnya Pagu dan Realisasi. Nomor "
            "baris dan huruf kolom menunjuk ke workbook input. Pembacaan yang salah dapat ditetapkan sendiri "
            "lewat lembar Pengaturan Baca di workbook input.")
    ws.write_string(1, 0, text, note)
    book.fit(ws, 1, 0, text, span=6)

    r = 3
    for c, h in enumerate(["Lembar input", "Peran", "Kolom utama", "Baris header", "Baris data", "Baris dilewati"]):
        ws.write_string(r, c, h, book.header_fmt())
    for reading in readings:
        r += 1
        book.text(ws, r, 0, reading.lembar)
        book.text(ws, r, 1, reading.peran)
        main = "; ".join(_with_label(reading, name, letters) for name, letters in main_fields(reading, tahun))
        book.text(ws, r, 2, main)
        ws.write_string(r, 3, header_rows_text(reading), book.cell_fmt("center"))
        book.number(ws, r, 4, reading.baris_data, "integer")
        book.number(ws, r, 5, len(reading.dilewati), "integer")
    if not readings:
        r += 1
        book.text(ws, r, 0, "Tidak ada lembar yang dibaca.")

    for reading in readings:
        r = _block(book, ws, r + 2, reading, tahun)


def _block(book: Book, ws, r: int, reading: SheetReading, tahun: int) -> int:
    """One sheet's block from row `r`; returns its last row."""
    band = book.fmt(bold=True, font_size=10, bg_color=BLOCK_FILL)
    ws.write_string(r, 0, f"Lembar {reading.lembar} — dibaca sebagai {reading.peran}", band)
    for c in range(1, len(WIDTHS)):
        ws.write_blank(r, c, None, band)
    r += 1
    header = header_rows_text(reading)
    where = (f"Baris header: {header}" if reading.baris_header
             else "Baris header: tidak ada (dibaca sebagai pasangan kunci dan nilai)"
             if reading.peran == "Identitas" else "Baris header: tidak ditemukan")
    hidden = (f" · Baris tersembunyi (tetap dibaca): {reading.baris_tersembunyi}"
              if reading.baris_tersembunyi else "")
    ws.write_string(r, 0, f"{where} · Baris data: {reading.baris_data} · Baris dilewati: {len(reading.dilewati)}"
                          + hidden, book.fmt(bold=True))
    r += 2
    for c, h in enumerate(["Isian", "Kolom", "Label di input", "Dipatok"]):
        ws.write_string(r, c, h, book.header_fmt())
    pinned = set(dipatok_in_order(reading))
    fields = kolom_in_order(reading)
    # The money and this year's figures stand out: they are what a wrong total is traced to.
    main = {name for name, _ in key_fields(reading, tahun)}
    for name, letters in fields:
        r += 1
        bold = name in main
        book.text(ws, r, 0, name, bold=bold)
        ws.write_string(r, 1, letters, book.fmt(border=1, align="center", bold=bold) if bold
                        else book.cell_fmt("center"))
        book.text(ws, r, 2, reading.label.get(name, ""), bold=bold)
        book.text(ws, r, 3, "ya" if name in pinned else "", fmt=book.cell_fmt("center"))
    if not fields:
        r += 1
        book.text(ws, r, 0, "Tidak ada kolom yang dikenali.")
    rows_pinned = sorted(pinned - {name for name, _ in fields})
    if rows_pinned:
        r += 1
        ws.write_string(r, 0, "Dipatok lewat Pengaturan Baca: " + ", ".join(rows_pinned), book.fmt(italic=True))
    r += 2
    runs = dilewati_runs(reading)
    if not runs:
        ws.write_string(r, 0, "Tidak ada baris yang dilewati.", book.fmt(italic=True))
        return r
    for c, h in enumerate(["Baris dilewati", "s.d. baris", "Alasan"]):
        ws.write_string(r, c, h, book.header_fmt())
    row_no = book.fmt(border=1, num_format="0", align="center")
    for first, last, alasan in runs[:MAX_RUNS]:
        r += 1
        ws.write_number(r, 0, first, row_no)
        if last != first:
            ws.write_number(r, 1, last, row_no)
        else:
            ws.write_blank(r, 1, None, row_no)
        book.text(ws, r, 2, alasan)
    if len(runs) > MAX_RUNS:
        r += 1
        more = sum(1 for row in reading.dilewati if row > runs[MAX_RUNS - 1][1])
        ws.write_string(r, 0, f"… dan {more} baris lain yang dilewati; daftar lengkapnya ada di kunci "
                              "'pembacaan' laporan JSON (lkip-xl check --json).", book.fmt(italic=True))
    return r


def _with_label(reading: SheetReading, name: str, letters: str) -> str:
    """`Pagu: kolom H (Pagu Anggaran (Rp))`; the label only when it says more than the field's name."""
    label = reading.label.get(name, "")
    return f"{name}: kolom {letters}" + (f" ({label})" if label and label != name else "")
