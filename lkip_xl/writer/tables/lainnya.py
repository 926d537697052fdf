"""Bab III's closing lists (SPEC §12), as the seed's "Analisis Kinerja Lainnya" prints them: the penghargaan
table, the numbered inovasi list and the follow-up of the last LHE's rekomendasi, grouped by komponen."""
from __future__ import annotations

from lkip_xl.model import KOMPONEN_LHE, Result, TindakLanjutRow
from lkip_xl.textfmt import tanggal
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, setup_table_sheet
from lkip_xl.writer.tables import Plan, headers, title


def write_penghargaan(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "penghargaan" not in p.names:
        return
    ws = book.sheet(p.names["penghargaan"])
    title(book, ws, p.numbers["penghargaan"], p.judul("Daftar Penghargaan yang Diterima", f"Tahun {p.tahun}"), 5)
    r = headers(book, ws, 2, ["No.", "Tanggal", "Tempat", "Penghargaan", "Keterangan"])
    setup_table_sheet(ws, (2, r - 1), [6, 16, 27, 48, 48])
    center = book.fmt(border=1, align="center", valign="top")
    for i, row in enumerate(result.data.penghargaan or ()):
        book.text(ws, r, 0, f"{i + 1}.", fmt=center)
        when = tanggal(row.tanggal) if row.tanggal else row.tanggal_tertulis.value if row.tanggal_tertulis else ""
        book.text(ws, r, 1, when)
        for c, value in enumerate((row.tempat, row.penghargaan, row.pemberi), start=2):
            book.text(ws, r, c, value.value if value else "")
        r += 1


def write_inovasi(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    """A numbered list, as Bab III writes it: the inovasi's name, its description under it."""
    if "inovasi" not in p.names:
        return
    ws = book.sheet(p.names["inovasi"])
    text = p.judul("Inovasi", f"Tahun {p.tahun}")
    ws.merge_range(0, 0, 0, 1, text, book.fmt(bold=True, font_size=11, text_wrap=True, valign="top"))
    r = headers(book, ws, 2, ["No.", "Nama dan Uraian Inovasi"])
    setup_table_sheet(ws, (2, r - 1), [6, 130])
    number = book.fmt(align="right", valign="top", bold=True)
    name = book.fmt(bold=True, text_wrap=True, valign="top")
    body = book.fmt(text_wrap=True, valign="top")
    for i, row in enumerate(result.data.inovasi or ()):
        ws.write_string(r, 0, f"{i + 1}.", number)
        book.text(ws, r, 1, row.nama.value, bold=True, fmt=name)
        r += 1
        if row.uraian:
            book.text(ws, r, 1, row.uraian.value, fmt=body)
            r += 1
        r += 1  # a blank line between items, as the report spaces them


def write_tindak_lanjut(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    """Rekomendasi | Rencana Tindak Lanjut (and Status when given), numbered through, grouped by komponen
    in the LHE's order, under the LHE's number and date when Identitas gives them."""
    if "tindak_lanjut" not in p.names:
        return
    ws = book.sheet(p.names["tindak_lanjut"])
    rows = result.data.tindak_lanjut or []
    status = any(row.status for row in rows)
    ncols = 4 if status else 3
    ident = result.data.identitas
    text = "Rencana Tindak Lanjut atas Rekomendasi Laporan Hasil Evaluasi (LHE) Akuntabilitas Kinerja"
    lhe = " ".join(x for x in (f"Nomor {ident.nomor_lhe}" if ident.nomor_lhe else "",
                                 f"tanggal {ident.tanggal_lhe}" if ident.tanggal_lhe else "") if x)
    ws.merge_range(0, 0, 0, ncols - 1, "", book.fmt(bold=True, font_size=11, text_wrap=True, valign="top"))
    ws.write_string(0, 0, f"{text} {p.skpd}".strip(), book.fmt(bold=True, font_size=11, text_wrap=True,
                                                               valign="top"))
    widths: list[float] = [6.0, 62.0, 62.0, 16.0] if status else [6.0, 70.0, 70.0]
    book.fit(ws, 0, 0, text, span=ncols, bold=True, font_size=11)
    if lhe:
        ws.merge_range(1, 0, 1, ncols - 1, f"LHE {lhe}", book.fmt(italic=True, text_wrap=True, valign="top"))
    r = headers(book, ws, 2, ["No", "Rekomendasi", "Rencana Tindak Lanjut"] + (["Status"] if status else []))
    setup_table_sheet(ws, (2, r - 1), widths)
    group = book.fmt(bold=True, border=1, bg_color="#F2F2F2", text_wrap=True, valign="top")
    center = book.fmt(border=1, align="center", valign="top")
    n = 0
    for komponen, members in _by_komponen(rows):
        if komponen:
            ws.merge_range(r, 0, r, ncols - 1, komponen, group)
            r += 1
        for row in members:
            n += 1
            book.text(ws, r, 0, f"{n}.", fmt=center)
            book.text(ws, r, 1, row.rekomendasi.value)
            book.text(ws, r, 2, row.rencana.value if row.rencana else "")
            if status:
                book.text(ws, r, 3, row.status.value if row.status else "")
            r += 1


def _by_komponen(rows: list[TindakLanjutRow]) -> list[tuple[str, list[TindakLanjutRow]]]:
    """The LHE's komponen in their order, then others as they first appear, then rows with none; each
    group's rows in the order of the sheet."""
    groups: dict[str, list[TindakLanjutRow]] = {}
    for row in rows:
        groups.setdefault(row.komponen, []).append(row)
    order = [k for k in KOMPONEN_LHE if k in groups] + [k for k in groups if k not in KOMPONEN_LHE and k]
    return [(k, groups[k]) for k in order] + ([("", groups[""])] if "" in groups else [])
