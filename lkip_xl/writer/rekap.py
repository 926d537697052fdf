"""The rekap workbook (SPEC §11): six sheets over every SKPD, live formulas with cached values.

The rows come from lkip_xl.rekap (the same rows pandas gets); this module only lays them out. Pagu and
realisasi per SKPD are the data; sisa, serapan, totals, the kategori counts, the lowest capaian, E and
Nilai Efisiensi are formulas over them, each caching the value the files' own reports give. Every
formula is a declaration of lkip_xl/figures.py; the columns they read are named in writer/layout.py.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from lkip_xl.arith import add_up
from lkip_xl import rekap_data as R
from lkip_xl.figures import (
    CAPAIAN_TERENDAH, E_SKPD, JUMLAH_DAERAH, JUMLAH_INDIKATOR, JUMLAH_KATEGORI, NILAI, SERAPAN, SISA, TANPA_KATEGORI,
)
from lkip_xl.textfmt import rupiah
from lkip_xl.writer.book import (
    FIXED_DATE, READABLE_SCALE, RISKY_START, Book, a1, excel_value, finish_print, quote_sheet, setup_table_sheet,
)
from lkip_xl.writer.layout import (
    RA_PAGU, RA_REALISASI, RA_SERAPAN, RA_SISA, RB_FIRST, RD_INFO, RD_KESALAHAN, RD_PERINGATAN, RI_CAPAIAN,
    RI_EFISIENSI, RI_KATEGORI, RI_LEVEL, RK_NO, RK_SKPD, RKIN_FIRST_KATEGORI, RKIN_JUMLAH,
)

HEADER_ROW = 3  # 0-based: title, note, blank, header
FIRST = HEADER_ROW + 1
ROW_COLOURS = {"kesalahan": "#F8CBAD", "peringatan": "#FFE699"}
INDIKATOR_LABELS = ("No", "Perangkat Daerah", "Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas",
                    "Target", "Realisasi", "Capaian (%)", "Kategori", "Serapan (%)", "Efisiensi (%)")
TEMUAN_COUNTS = ((RD_KESALAHAN, "kesalahan"), (RD_PERINGATAN, "peringatan"), (RD_INFO, "info"))


def write_rekap(rekap: R.Rekap, path: str, link_base: Path | None = None) -> None:
    """Write the rekap workbook to `path`; fill workbooks are linked relative to `link_base` (its folder)."""
    book = Book(path)
    # The title marks the file as a rekap output: a later rekap of this folder skips it.
    book.wb.set_properties({"created": FIXED_DATE, "title": R.REKAP_TITLE, "author": "lkip-xl"})
    for name in R.SHEETS:
        book.sheet(name)
    indikator = _write_indikator(book, rekap)
    _write_daftar(book, rekap, link_base)
    _write_anggaran(book, rekap)
    _write_belanja(book, rekap)
    _write_kinerja(book, rekap, indikator)
    _write_temuan(book, rekap)
    book.sheets[R.DAFTAR].activate()
    # every sheet: 'Rekap LKIP <tahun>' and 'Halaman n dari m' at the foot of each page
    finish_print(book, R.REKAP_TITLE, rekap.tahun or "")
    book.close()


def _title(book: Book, ws, text: str, note: str) -> None:
    ws.write_string(0, 0, text, book.title_fmt())
    ws.write_string(1, 0, note, book.fmt(italic=True))


def _header(book: Book, ws, labels: list[str], row: int = HEADER_ROW) -> None:
    for c, label in enumerate(labels):
        ws.write_string(row, c, label, book.header_fmt())


def _cells(r0: int, c0: int, r1: int, c1: int) -> str:
    """The range from (r0, c0) to (r1, c1)."""
    return f"{a1(r0, c0)}:{a1(r1, c1)}"


def _heading(rekap: R.Rekap) -> str:
    tahun = f" tahun {rekap.tahun}" if rekap.tahun else ""
    return f"Rekap LKIP{tahun} — {len(rekap.entries)} berkas perangkat daerah"


def _value(book: Book, ws, r: int, c: int, value: Any, kind: str) -> None:
    """A data value: a number, text (always as text), or blank."""
    if isinstance(value, bool):
        book.text(ws, r, c, "ya" if value else "tidak")
    elif isinstance(value, (int, float)):
        book.number(ws, r, c, value, kind)
    elif value is None:
        book.number(ws, r, c, None, kind)
    elif isinstance(value, str):
        book.text(ws, r, c, value)
    else:
        book.text(ws, r, c, json.dumps(value, ensure_ascii=False))


# ----------------------------------------------------------------------------- Daftar


def _write_daftar(book: Book, rekap: R.Rekap, link_base: Path | None) -> None:
    ws = book.sheet(R.DAFTAR)
    readable, unreadable = len(rekap.readable), len(rekap.unreadable)
    _title(book, ws, _heading(rekap),
           f"{readable} berkas terbaca, {unreadable} tidak terbaca. Jumlah temuan per berkas sama dengan "
           "hasil 'lkip-xl check' berkas itu; rinciannya di lembar Temuan.")
    labels = ["No", "Berkas", "SKPD", "Tahun", "Status", "Kesalahan", "Peringatan", "Info", "Keterangan",
              "Workbook LKIP"]
    _header(book, ws, labels)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [5, 30, 34, 7, 13, 10, 10, 8, 44, 30], freeze_col=3)
    bad = book.fmt(border=1, bold=True, font_color="#9C0006", bg_color="#FFC7CE")
    rows = R.daftar_rows(rekap)
    for k, (e, row) in enumerate(zip(rekap.entries, rows)):
        r = FIRST + k
        book.number(ws, r, RK_NO, row["No"], "integer")
        book.text(ws, r, 1, e.path.name)  # the JSON keeps the path as given
        book.text(ws, r, 2, row["SKPD"])
        book.number(ws, r, 3, row["Tahun"], "center")
        if e.status == R.TERBACA:
            book.text(ws, r, 4, e.status)
        else:
            ws.write_string(r, 4, e.status, bad)
        for c, tingkat in TEMUAN_COUNTS:
            book.number(ws, r, c, row[tingkat.capitalize()], "integer")
        book.text(ws, r, 8, row["Keterangan"])
        if e.fill is not None:
            target = os.path.relpath(e.fill, link_base) if link_base is not None else str(e.fill)
            # A link the tool builds to a file it wrote; the text shown is that file's name.
            ws.write_url(r, 9, "external:" + target.replace(os.sep, "/"), book.fmt(border=1, font_color="blue",
                                                                                     underline=1),
                         string=e.fill.name, tip="Buka workbook LKIP (hasil fill) perangkat daerah ini")
        else:
            book.text(ws, r, 9, "")
    last = FIRST + len(rows) - 1
    total = last + 1
    book.text(ws, total, 1, "Jumlah", bold=True)
    for c in (2, 3, 4, 8, 9):
        book.text(ws, total, c, "", bold=True)
    book.text(ws, total, 0, "", bold=True)
    for c, tingkat in TEMUAN_COUNTS:
        value = sum(e.jumlah_temuan[tingkat] for e in rekap.readable)
        book.formula(ws, total, c, JUMLAH_DAERAH.formula({"skpd": _cells(FIRST, c, last, c)}), value, kind="integer",
                     bold=True)
    own = [row for row in R.temuan_rows(rekap) if row["Kode"] in ("TAHUN_BERBEDA", "SKPD_GANDA")]
    if own:  # why the heading's count is larger than this Jumlah
        n = {t: sum(1 for row in own if row["Tingkat"] == t) for t in R.TINGKAT}
        said = ", ".join(f"{k} {t}" for t, k in n.items() if k)
        book.text(ws, total + 1, 1, f"Ditambah temuan rekap ini sendiri ({said}: TAHUN_BERBEDA, SKPD_GANDA) di "
                                    "lembar Temuan.", fmt=book.fmt(italic=True))
    ws.autofilter(HEADER_ROW, 0, last, len(labels) - 1)


# ----------------------------------------------------------------------------- Anggaran


def _write_anggaran(book: Book, rekap: R.Rekap) -> None:
    ws = book.sheet(R.ANGGARAN)
    _title(book, ws, f"Realisasi anggaran per perangkat daerah{f' tahun {rekap.tahun}' if rekap.tahun else ''}",
           "Urut dari serapan terendah. Sisa, serapan dan jumlah adalah rumus: ubah pagu atau realisasi, "
           "semuanya ikut berubah.")
    labels = ["No", "Perangkat Daerah", "Pagu (Rp)", "Realisasi (Rp)", "Sisa (Rp)", "Serapan (%)"]
    _header(book, ws, labels)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [5, 44, 18, 18, 18, 12], freeze_col=2)
    rows = R.anggaran_rows(rekap)
    for k, row in enumerate(rows):
        r = FIRST + k
        book.number(ws, r, RK_NO, row["No"], "integer")
        book.text(ws, r, RK_SKPD, row["SKPD"])
        book.number(ws, r, RA_PAGU, row["Pagu"], "money")
        book.number(ws, r, RA_REALISASI, row["Realisasi"], "money")
        _sisa_serapan(book, ws, r, row["Pagu"], row["Realisasi"])
    last = FIRST + len(rows) - 1
    total = last + 1
    book.text(ws, total, RK_NO, "", bold=True)
    book.text(ws, total, RK_SKPD, "Jumlah kabupaten/kota", bold=True)
    t = rekap.total
    for c, key in ((RA_PAGU, "pagu"), (RA_REALISASI, "realisasi")):
        book.formula(ws, total, c, JUMLAH_DAERAH.formula({"skpd": _cells(FIRST, c, last, c)}), t[key], kind="money",
                     bold=True)
    _sisa_serapan(book, ws, total, t["pagu"], t["realisasi"], bold=True)
    note = total + 2
    if rekap.unreadable:
        names = ", ".join(e.path.name for e in rekap.unreadable)
        book.text(ws, note, 1, f"Tidak termasuk {len(rekap.unreadable)} berkas yang tidak terbaca: {names}.",
                  fmt=book.fmt(italic=True, font_color="#9C0006"))


def _sisa_serapan(book: Book, ws, r: int, pagu: Any, realisasi: Any, bold: bool = False) -> None:
    where = {"pagu": a1(r, RA_PAGU), "realisasi": a1(r, RA_REALISASI)}
    env = {"pagu": pagu or 0, "realisasi": realisasi or 0}
    book.formula(ws, r, RA_SISA, SISA.formula(where), SISA.value(env), kind="money", bold=bold)
    book.formula(ws, r, RA_SERAPAN, SERAPAN.formula(where), SERAPAN.value(env), kind="percent", bold=bold)


# ----------------------------------------------------------------------------- Jenis Belanja


def _write_belanja(book: Book, rekap: R.Rekap) -> None:
    ws = book.sheet(R.BELANJA)
    codes = R.belanja_codes(rekap)
    _title(book, ws, "Pagu dan realisasi per jenis belanja",
           "Kelompok (5.1 operasi, 5.2 modal) dan jenisnya berdampingan: jangan dijumlahkan keduanya.")
    top, sub = HEADER_ROW - 1, HEADER_ROW
    hdr = book.header_fmt()
    for c, label in ((0, "No"), (1, "Perangkat Daerah")):
        ws.merge_range(top, c, sub, c, "", hdr)
        ws.write_string(top, c, label, hdr)
    for k, (kode, uraian) in enumerate(codes):
        c = RB_FIRST + 2 * k
        ws.merge_range(top, c, top, c + 1, "", hdr)
        ws.write_string(top, c, f"{kode} {uraian}".strip(), hdr)
        ws.write_string(sub, c, "Pagu (Rp)", hdr)
        ws.write_string(sub, c + 1, "Realisasi (Rp)", hdr)
    note_col = RB_FIRST + 2 * len(codes)
    ws.merge_range(top, note_col, sub, note_col, "", hdr)
    ws.write_string(top, note_col, "Keterangan", hdr)
    # Many columns of figures: printed at 8 pt or more, flowing to more pages with No and Perangkat Daerah
    # repeated, never shrunk to one unreadable page (issue 19).
    setup_table_sheet(ws, (top, sub), [5, 40] + [16] * (2 * len(codes)) + [44], freeze_col=2,
                      min_scale=READABLE_SCALE)
    ws.set_row(top, 36)
    rows = R.belanja_rows(rekap)
    for k, row in enumerate(rows):
        r = FIRST + k
        if not row["belanja"]:
            book.text(ws, r, note_col, "Input tanpa rincian jenis belanja (akun 5.x atau lembar Belanja); pagu dan "
                                       "realisasinya ada di lembar Anggaran, jadi jumlah di sini lebih kecil.",
                      fmt=book.fmt(italic=True, text_wrap=True, border=1))
        elif row["pagu"] and row["dirinci"] < row["pagu"] - 1:  # akun rows under only some sub kegiatan
            book.text(ws, r, note_col, f"Jenis belanja hanya mencakup {rupiah(row['dirinci'])} dari pagu "
                                       f"{rupiah(row['pagu'])}: tidak semua sub kegiatan dirinci per akun; pagu dan "
                                       "realisasi seluruhnya ada di lembar Anggaran.",
                      fmt=book.fmt(italic=True, text_wrap=True, border=1))
        else:
            book.text(ws, r, note_col, "")
        book.number(ws, r, RK_NO, row["No"], "integer")
        book.text(ws, r, RK_SKPD, row["SKPD"])
        for j, (kode, _) in enumerate(codes):
            if not row["belanja"]:  # said on every page the row is printed on, not only under Keterangan
                for c in (RB_FIRST + 2 * j, RB_FIRST + 2 * j + 1):
                    book.text(ws, r, c, "tidak dirinci", fmt=book.fmt(italic=True, align="center", border=1))
                continue
            pagu, realisasi = row["belanja"].get(kode, (None, None))
            book.number(ws, r, RB_FIRST + 2 * j, pagu, "money")
            book.number(ws, r, RB_FIRST + 2 * j + 1, realisasi, "money")
    last = FIRST + len(rows) - 1
    total = last + 1
    book.text(ws, total, RK_NO, "", bold=True)
    book.text(ws, total, RK_SKPD, "Jumlah kabupaten/kota", bold=True)
    for j, (kode, _) in enumerate(codes):
        for m, c in enumerate((RB_FIRST + 2 * j, RB_FIRST + 2 * j + 1)):
            value = add_up((row["belanja"].get(kode, (None, None))[m] or 0) for row in rows)
            book.formula(ws, total, c, JUMLAH_DAERAH.formula({"skpd": _cells(FIRST, c, last, c)}), value, kind="money",
                         bold=True)
    book.text(ws, total, note_col, "", bold=True)
    if rekap.unreadable:
        names = ", ".join(e.path.name for e in rekap.unreadable)
        book.text(ws, total + 2, 1, f"Tidak termasuk {len(rekap.unreadable)} berkas yang tidak terbaca: {names}.",
                  fmt=book.fmt(italic=True, font_color="#9C0006"))


# ----------------------------------------------------------------------------- Indikator


def _write_indikator(book: Book, rekap: R.Rekap) -> dict[str, str]:
    """Every indicator of every SKPD; returns the absolute ranges Kinerja's formulas read."""
    ws = book.sheet(R.INDIKATOR)
    rows = R.indikator_rows(rekap)
    _title(book, ws, "Semua indikator kinerja semua perangkat daerah",
           "Siap untuk filter dan pivot: satu baris per indikator. No = nomor berkas di Daftar Perangkat Daerah.")
    labels = list(INDIKATOR_LABELS)
    _header(book, ws, labels)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [5, 28, 9, 30, 30, 40, 10, 10, 11, 11, 11, 15, 11, 11],
                      freeze_col=2)
    kinds = {"Target": "decimal", "Realisasi": "decimal", "Capaian (%)": "percent", "Serapan (%)": "percent",
             "Efisiensi (%)": "percent", "No": "integer"}
    for k, row in enumerate(rows):
        r = FIRST + k
        for c, label in enumerate(labels):
            key = "SKPD" if label == "Perangkat Daerah" else label
            _value(book, ws, r, c, row[key], kinds.get(label, "text"))
    last = FIRST + max(len(rows), 1) - 1
    if rows:
        ws.autofilter(HEADER_ROW, 0, last, len(labels) - 1)
    sheet = quote_sheet(R.INDIKATOR)

    def col(c: int) -> str:
        return f"{sheet}!{a1(FIRST, c, True)}:{a1(last, c, True)}"
    return {"no": col(RK_NO), "level": col(RI_LEVEL), "capaian": col(RI_CAPAIAN), "kategori": col(RI_KATEGORI),
            "efisiensi": col(RI_EFISIENSI)}


# ----------------------------------------------------------------------------- Kinerja


def _write_kinerja(book: Book, rekap: R.Rekap, ind: dict[str, str]) -> None:
    ws = book.sheet(R.KINERJA)
    names = R.kategori_names(rekap)
    _title(book, ws, "Capaian kinerja per perangkat daerah",
           "Jumlah indikator per kategori, capaian terendah, E (rata-rata efisiensi sasaran) dan Nilai "
           "Efisiensi; dihitung dari lembar Indikator.")
    labels = (["No", "Perangkat Daerah", "Jumlah indikator"] + names
              + ["Tanpa kategori", "Capaian terendah (%)", "E (%)", "Nilai Efisiensi"])
    _header(book, ws, labels)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [5, 40, 11] + [11] * len(names) + [11, 13, 10, 11],
                      freeze_col=2)
    rows = R.kinerja_rows(rekap)
    first_kat, after = RKIN_FIRST_KATEGORI, RKIN_FIRST_KATEGORI + len(names)
    for k, row in enumerate(rows):
        r = FIRST + k
        # the Indikator sheet's columns, and this SKPD's No
        cells = {**ind, "nomor": a1(r, RK_NO)}
        book.number(ws, r, RK_NO, row["No"], "integer")
        book.text(ws, r, RK_SKPD, row["SKPD"])
        book.formula(ws, r, RKIN_JUMLAH, JUMLAH_INDIKATOR.formula(cells), row["Jumlah indikator"], kind="integer")
        for j, name in enumerate(names):
            c = first_kat + j  # the kategori named by the header cell
            book.formula(ws, r, c, JUMLAH_KATEGORI.formula({**cells, "nama_kategori": a1(HEADER_ROW, c, True)}),
                         row[name], kind="integer")
        per_kategori = _cells(r, first_kat, r, after - 1) if names else ""
        book.formula(ws, r, after, TANPA_KATEGORI.formula({"jumlah": a1(r, RKIN_JUMLAH), "per_kategori": per_kategori}),
                     row["Tanpa kategori"], kind="integer")
        lowest = row["Capaian terendah (%)"]  # MIN(IF(…)): a one-cell array formula (CAPAIAN_TERENDAH.array)
        ws.write_array_formula(r, after + 1, r, after + 1, "=" + CAPAIAN_TERENDAH.formula(cells),
                               book.cell_fmt("percent" if lowest is not None else "center"), excel_value(lowest))
        book.formula(ws, r, after + 2, E_SKPD.formula(cells), row["E (%)"], kind="percent")
        e_cell = a1(r, after + 2)
        book.formula(ws, r, after + 3, NILAI.formula({"e": e_cell}), NILAI.value({"e": row["E (%)"]}),
                     kind="decimal")


# ----------------------------------------------------------------------------- Temuan


def _write_temuan(book: Book, rekap: R.Rekap) -> None:
    ws = book.sheet(R.TEMUAN)
    rows = R.temuan_rows(rekap)
    counts = {t: sum(1 for row in rows if row["Tingkat"] == t) for t in R.TINGKAT}
    _title(book, ws, f"Temuan semua perangkat daerah — {len(rows)} temuan ({counts['kesalahan']} kesalahan, "
                     f"{counts['peringatan']} peringatan, {counts['info']} info)",
           "Yang paling serius lebih dulu. Lembar dan sel menunjuk ke berkas input perangkat daerah itu; "
           "TAHUN_BERBEDA dan SKPD_GANDA adalah temuan rekap ini sendiri.")
    labels = ["No", "Perangkat Daerah", "Berkas", "Tingkat", "Kode", "Lembar", "Sel", "Pesan", "Dilaporkan",
              "Dihitung"]
    _header(book, ws, labels)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [5, 26, 24, 11, 22, 12, 7, 70, 14, 14], freeze_col=2)
    fmts = {t: {"text": book.fmt(border=1, bg_color=colour, text_wrap=True),
                "risky": book.fmt(border=1, bg_color=colour, text_wrap=True, quote_prefix=True),
                "integer": book.fmt(border=1, bg_color=colour, num_format="#,##0"),
                "number": book.fmt(border=1, bg_color=colour, num_format="#,##0.0###")}
            for t, colour in ROW_COLOURS.items()}
    for k, row in enumerate(rows):
        r = FIRST + k
        colour = fmts.get(row["Tingkat"])
        for c, label in enumerate(labels):
            key = "SKPD" if label == "Perangkat Daerah" else label
            value = row[key]
            if label == "Berkas":
                value = Path(value).name
            if row["Kode"] == "SKPD_GANDA" and label in ("Dilaporkan", "Dihitung") and isinstance(value, str) \
                    and (os.sep in value or "/" in value):
                value = Path(value).name  # the other file: its name, as the Berkas column gives it
            if row["Kode"] == "TAHUN_BERBEDA" and label in ("Dilaporkan", "Dihitung") and isinstance(value, int):
                value = str(value)  # a year, never "2,023"
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                whole = float(value).is_integer()
                if colour:
                    ws.write_number(r, c, value, colour["integer" if whole else "number"])
                else:
                    book.number(ws, r, c, value, "integer" if whole else "decimal")
            else:
                text = "" if value is None else value if isinstance(value, str) else json.dumps(
                    value, ensure_ascii=False)
                if colour:
                    if text:
                        ws.write_string(r, c, text, colour["risky" if text.startswith(RISKY_START) else "text"])
                        book.fit(ws, r, c, text)
                    else:
                        ws.write_blank(r, c, None, colour["text"])
                else:
                    book.text(ws, r, c, text)
    if rows:
        ws.autofilter(HEADER_ROW, 0, FIRST + len(rows) - 1, len(labels) - 1)
