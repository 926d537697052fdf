"""Data Pegawai: the Pegawai sheet as read, and the columns Tabel 1.1's counts read (SPEC §12).

Golongan/Ruang, Status and Pendidikan hold what the count looks for (`III/a`, `PPPK`, `S1`), beside the
pangkat and pendidikan as written; editing them here changes Tabel 1.1.
"""
from __future__ import annotations

from lkip_xl.model import PANGKAT, PENDIDIKAN, STATUS, Result, Txt
from lkip_xl.writer.book import RISKY_START, Book, ref, setup_table_sheet

DATA_PEGAWAI = "Data Pegawai"
HEADER_ROW = 2
FIRST_ROW = 3  # the first pegawai (0-based)
(P_NO, P_NAMA, P_NIP, P_PANGKAT, P_GOLONGAN, P_STATUS, P_PENDIDIKAN_TERTULIS, P_PENDIDIKAN,
 P_JABATAN) = range(9)
COLUMNS = [("No", 5), ("Nama", 30), ("NIP", 22), ("Pangkat/Golongan (tertulis)", 22), ("Golongan/Ruang", 10),
           ("Status", 8), ("Pendidikan (tertulis)", 14), ("Pendidikan", 10), ("Jabatan", 34)]
# The columns rules.pegawai counts (Hitungan.kolom) -> their column here.
COUNTED = {"nama": P_NAMA, "golongan": P_GOLONGAN, "status": P_STATUS, "pendidikan": P_PENDIDIKAN}
# A PPPK's golongan is I … XVII (no ruang).
GOLONGAN_PPPK = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV",
                 "XVI", "XVII")


def column_range(result: Result, kolom: str) -> str:
    """The range of Data Pegawai that a count of column `kolom` reads."""
    c = COUNTED[kolom]
    last = FIRST_ROW + len(result.data.pegawai or ()) - 1
    return f"{ref(DATA_PEGAWAI, FIRST_ROW, c)}:{ref(DATA_PEGAWAI, last, c)}"


def write_pegawai(book: Book, result: Result) -> None:
    rows = result.data.pegawai
    if not rows:
        return
    ws = book.sheet(DATA_PEGAWAI)
    ws.write_string(0, 0, "Data pegawai (lembar Pegawai) — Tabel 1.1 menghitung kolom Nama, Golongan/Ruang, Status "
                          "dan Pendidikan.", book.title_fmt())
    book.legend(ws)
    for c, (label, _) in enumerate(COLUMNS):
        ws.write_string(HEADER_ROW, c, label, book.header_fmt())
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [w for _, w in COLUMNS], freeze_col=P_NAMA + 1)
    for i, p in enumerate(rows):
        r = FIRST_ROW + i
        ws.write_number(r, P_NO, i + 1, book.cell_fmt("integer"))
        _text(book, ws, r, P_NAMA, p.nama, "input")
        _text(book, ws, r, P_NIP, p.nip)
        _text(book, ws, r, P_PANGKAT, p.pangkat)
        book.text(ws, r, P_GOLONGAN, p.golongan, fmt=book.cell_fmt("text", role="input"))
        book.text(ws, r, P_STATUS, p.status, fmt=book.cell_fmt("text", role="input"))
        _text(book, ws, r, P_PENDIDIKAN_TERTULIS, p.pendidikan_tertulis)
        book.text(ws, r, P_PENDIDIKAN, p.pendidikan, fmt=book.cell_fmt("text", role="input"))
        _text(book, ws, r, P_JABATAN, p.jabatan)
    last = FIRST_ROW + len(rows) - 1
    for col, values, what in ((P_GOLONGAN, [*PANGKAT, *GOLONGAN_PPPK], "golongan/ruang PNS (I/a … IV/e) atau "
                               "golongan PPPK (I … XVII)"), (P_STATUS, list(STATUS), "PNS atau PPPK"),
                              (P_PENDIDIKAN, list(PENDIDIKAN), ", ".join(PENDIDIKAN))):
        # A warning, not a refusal: a value outside the list is simply not counted.
        ws.data_validation(FIRST_ROW, col, last, col, {
            "validate": "list", "source": values, "error_type": "warning", "error_title": "Tidak dihitung",
            "error_message": f"Tabel 1.1 menghitung {what}; nilai lain tidak masuk hitungan."})


def _text(book: Book, ws, r: int, c: int, value: Txt | None, role: str | None = None) -> None:
    """A text as read, its input cell remembered (Temuan links to it here)."""
    text = value.value if value is not None else ""
    book.text(ws, r, c, text, fmt=book.cell_fmt("text", risky=text.startswith(RISKY_START), role=role))
    if value is not None:
        book.remember_input(value.cell, DATA_PEGAWAI, r, c)
