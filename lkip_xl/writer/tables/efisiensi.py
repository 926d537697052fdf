"""Bab III: efisiensi of the resources per sasaran and for the whole office (E, Nilai Efisiensi)."""
from __future__ import annotations

from lkip_xl.figures import NILAI_TEXT, RUMUS_EFISIENSI
from lkip_xl.model import Indicator, Result
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, ref, setup_table_sheet
from lkip_xl.writer.tables import Plan, figure_cells, headers, title

# after Sasaran | Indikator: Kinerja (target, realisasi, capaian), Keuangan (pagu, realisasi, serapan), Efisiensi
COLUMNS = ("target", "realisasi", "capaian", "pagu", "realisasi_anggaran", "serapan", "efisiensi")


def efisiensi_table(book: Book, ws, result: Result, layout: D.Layout, number: str, heading: str,
                     groups: list[tuple[str, list[Indicator]]], tahun: int, summary: bool) -> int:
    spec = ["Sasaran Kinerja Utama", "Indikator Kinerja Utama",
            (f"Kinerja {tahun}", ["Target", "Realisasi", "Capaian"]),
            (f"Keuangan {tahun}", ["Target", "Realisasi", "Capaian"]), "Efisiensi Anggaran"]
    title(book, ws, number, heading, 9)
    r = first = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [28, 34, 10, 10, 10, 16, 16, 10, 11])
    for name, inds in groups:
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, name if k == 0 else "")
            book.text(ws, r, 1, ind.nama)
            figure_cells(book, ws, r, 2, ind, layout, COLUMNS)
            r += 1
    book.flag_serapan(ws, first, r - 1, 2 + COLUMNS.index("serapan"))
    return r


def write_efisiensi_summary(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "efisiensi" not in p.names:  # no sasaran indicator with a budget: left out (TABEL_KOSONG)
        return
    ws = book.sheet(p.names["efisiensi"])
    r = efisiensi_table(book, ws, result, layout, p.numbers["efisiensi"],
                         p.judul("Daftar Analisis Efisiensi Sumber Daya Sasaran Kinerja Utama", f"Tahun {p.tahun}"),
                         p.sasaran, p.tahun, summary=True)
    bold_text = book.fmt(bold=True, border=1, text_wrap=True)
    ws.merge_range(r, 0, r, 7, "Rata-rata efisiensi (E) = Σ efisiensi indikator sasaran yang memiliki anggaran / n",
                   bold_text)
    book.formula(ws, r, 8, ref(D.HITUNG, *layout.e_cell), result.efisiensi_rata_rata, kind="percent", bold=True)
    ws.merge_range(r + 1, 0, r + 1, 7, NILAI_TEXT,
                   bold_text)
    book.formula(ws, r + 1, 8, ref(D.HITUNG, *layout.nilai_cell), result.nilai_efisiensi, kind="decimal", bold=True)
    rumus = RUMUS_EFISIENSI[result.data.identitas.rumus_efisiensi].table_text
    ws.merge_range(r + 3, 0, r + 3, 8, "Rumus: " + rumus, book.fmt(italic=True, text_wrap=True))
    ws.set_row(r + 3, 28)


