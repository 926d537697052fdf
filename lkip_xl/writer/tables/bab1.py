"""Bab I (SPEC §12): Tabel 1.1, the pegawai per pendidikan, pangkat and golongan as live counts over Data
Pegawai, in the seed's side-by-side layout; Tabel 1.2, the nominatif in the order of the Pegawai sheet."""
from __future__ import annotations

from lkip_xl.figures import (
    JUMLAH, JUMLAH_GOLONGAN, JUMLAH_GOLONGAN_PNS, JUMLAH_PEGAWAI, JUMLAH_SELURUH_PEGAWAI, NAMA_DAN_NIP, TEKS,
    pegawai_tak_terhitung, within_limits,
)
from lkip_xl.model import FigureKey, Result
from lkip_xl.rules.pegawai import BLOCKS, TOTAL, Hitungan
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, a1, excel_value, ref, setup_table_sheet
from lkip_xl.writer.data_pegawai import DATA_PEGAWAI, FIRST_ROW, P_JABATAN, P_NAMA, P_NIP, P_PANGKAT, column_range
from lkip_xl.writer.tables import Plan, headers, title

JLH = "Jlh (Org)"
# As Tabel 1.1 prints a count: `-` for none.
COUNT_FORMAT = '#,##0;-#,##0;"-"'


def write_jumlah_pegawai(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "pegawai" not in p.names:
        return
    ws = book.sheet(p.names["pegawai"])
    sheet = p.names["pegawai"]
    counts = result.pegawai or {}
    title(book, ws, p.numbers["pegawai"],
          p.judul("Daftar Jumlah Pegawai", "Menurut Kualifikasi Pendidikan dan Pangkat/Golongan"), 8)
    r = headers(book, ws, 2, ["SKPD", JLH, "Kualifikasi Pendidikan", JLH, "Pangkat", JLH, "Golongan", JLH])
    setup_table_sheet(ws, (2, r - 1), [30, 9, 16, 9, 12, 9, 12, 9])
    first = r
    height = max(len(rows) for rows in BLOCKS.values())
    last = first + height - 1
    label = book.fmt(border=1, align="center", valign="top")
    number = book.fmt(border=1, align="center", valign="top", num_format=COUNT_FORMAT)
    bold_number = book.fmt(border=1, align="center", valign="top", num_format=COUNT_FORMAT, bold=True)
    skpd = " ".join(str(result.data.identitas.skpd or "").split())
    ws.merge_range(first, 0, last, 0, "", book.fmt(border=1, text_wrap=True, valign="top", bold=True))
    book.text(ws, first, 0, skpd, bold=True, fmt=book.fmt(border=1, text_wrap=True, valign="top", bold=True))
    ws.merge_range(first, 1, last, 1, "", bold_number)
    cells: dict[str, str] = {}
    _count(book, ws, sheet, first, 1, TOTAL, result, counts, cells, bold_number)
    for c, rows in zip((2, 4, 6), BLOCKS.values()):
        for k, h in enumerate(rows):
            book.text(ws, first + k, c, h.label, fmt=label)
            _count(book, ws, sheet, first + k, c + 1, h, result, counts, cells, number)
        for k in range(len(rows), height):
            ws.write_blank(first + k, c, None, label)
            ws.write_blank(first + k, c + 1, None, label)
    # Each list's sum: a pegawai whose pendidikan or pangkat could not be read shows as the gap to the total.
    total = last + 1
    ws.merge_range(total, 0, total, 1, "", book.fmt(border=1))
    addr: dict[str, str] = {"total": a1(first, 1)}
    env: dict[str, object] = {"total": counts.get(TOTAL.key)}
    for c, block in zip((2, 4, 6), BLOCKS):
        book.text(ws, total, c, "Jumlah", fmt=book.fmt(border=1, align="center", bold=True))
        span = f"{a1(first, c + 1)}:{a1(first + len(BLOCKS[block]) - 1, c + 1)}"
        ws.write_formula(total, c + 1, "=" + JUMLAH.formula({"rincian": span}), bold_number,
                         excel_value(counts.get(f"jumlah:{block}")))
        addr[f"jumlah_{block}"], env[f"jumlah_{block}"] = a1(total, c + 1), counts.get(f"jumlah:{block}")
    # Why a Jumlah falls short of the SKPD's total, live under the table (the pegawai are in Temuan)
    catatan = pegawai_tak_terhitung(tuple(BLOCKS))
    ws.merge_range(total + 1, 0, total + 1, 7, "", book.fmt(italic=True, text_wrap=True, valign="top"))
    ws.write_formula(total + 1, 0, "=" + within_limits(catatan.formula(addr)),
                     book.fmt(italic=True, text_wrap=True, valign="top"), catatan.value(env))
    ws.set_row(total + 1, 27)


def _count(book: Book, ws, sheet: str, r: int, c: int, h: Hitungan, result: Result, counts: dict[str, int],
           cells: dict[str, str], fmt) -> None:
    """One count: COUNTIFS over its Data Pegawai column with the row's label (the cell at its left) as the
    criterion, or a golongan as its ruang rows added up (`cells`: where the counts written so far are);
    remembered for the claims that name it."""
    if h.parts and h.kolom:  # a PNS golongan: its ruang rows and the PNS written without a ruang
        formula = JUMLAH_GOLONGAN_PNS.formula({"ruang": [cells[k] for k in h.parts],
                                               "golongan": column_range(result, "golongan"),
                                               "status": column_range(result, "status"), "kriteria": a1(r, c - 1)})
    elif h.parts:
        ruang: dict = {"ruang": [cells[k] for k in h.parts]}
        formula = JUMLAH_GOLONGAN.formula(ruang)
    elif h is TOTAL:
        formula = JUMLAH_SELURUH_PEGAWAI.formula({"nama": column_range(result, "nama")})
    else:
        formula = JUMLAH_PEGAWAI.formula({"kolom": column_range(result, h.kolom), "kriteria": a1(r, c - 1)})
    ws.write_formula(r, c, "=" + formula, fmt, excel_value(counts.get(h.key)))
    cells[h.key] = a1(r, c)
    book.remember_figure(FigureKey.pegawai(h.key), sheet, r, c)


def write_nominatif(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "nominatif" not in p.names:
        return
    ws = book.sheet(p.names["nominatif"])
    title(book, ws, p.numbers["nominatif"], p.judul("Daftar Nominatif Pegawai", f"per 31 Desember {p.tahun}"), 4)
    r = headers(book, ws, 2, ["No", "Nama dan NIP", "Pangkat / Golongan", "Jabatan"])
    setup_table_sheet(ws, (2, r - 1), [6, 48, 30, 52])
    center = book.fmt(border=1, align="center", valign="top")
    for i, pegawai in enumerate(result.data.pegawai or ()):
        book.text(ws, r, 0, f"{i + 1:02d}", fmt=center)
        # live: each cell refers to its Data Pegawai cell, so editing Data Pegawai changes the table
        dr = FIRST_ROW + i
        nip = pegawai.nip.value if pegawai.nip else ""
        _live(book, ws, r, 1, NAMA_DAN_NIP.formula({"nama": ref(DATA_PEGAWAI, dr, P_NAMA),
                                                   "nip": ref(DATA_PEGAWAI, dr, P_NIP)}),
              NAMA_DAN_NIP.value({"nama": pegawai.nama.value, "nip": nip}))
        for c, col, value in ((2, P_PANGKAT, pegawai.pangkat), (3, P_JABATAN, pegawai.jabatan)):
            _live(book, ws, r, c, TEKS.formula({"teks": ref(DATA_PEGAWAI, dr, col)}),
                  TEKS.value({"teks": value.value if value else None}))
        r += 1


def _live(book: Book, ws, r: int, c: int, formula: str, text: str) -> None:
    """A text of a data sheet by reference, its text cached, its row as tall as the text needs."""
    book.formula(ws, r, c, formula, text, kind="text")
    if text:
        book.fit(ws, r, c, text)
