"""Ringkasan: identity, key figures, finding counts and two native charts."""
from __future__ import annotations

from lkip_xl.model import Result
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, ref
from lkip_xl.writer import review
from lkip_xl.writer.review import TEMUAN

RINGKASAN = "Ringkasan"


def write_ringkasan(book: Book, result: Result, layout: D.Layout) -> None:
    ws = book.sheet(RINGKASAN)
    ident = result.data.identitas
    ws.set_column(0, 0, 34)
    ws.set_column(1, 1, 40)
    ws.set_column(2, 4, 16)
    ws.set_landscape()
    ws.set_paper(9)
    ws.fit_to_pages(1, 0)
    ws.merge_range(0, 0, 0, 4, f"Ringkasan LKIP {ident.skpd} Tahun {ident.tahun}".replace("  ", " "),
                   book.fmt(bold=True, font_size=13))
    label = book.fmt(bold=True, border=1, bg_color="#F2F2F2")
    r = 2
    for key, value in (("SKPD", ident.skpd), ("Pemerintah Daerah", ident.pemda), ("Tahun", str(ident.tahun)),
                       ("Periode Renstra", f"{ident.periode[0]}–{ident.periode[1]}" if ident.periode else ""),
                       ("Kepala SKPD", ident.kepala), ("NIP", ident.nip), ("Jabatan", ident.jabatan),
                       ("Tempat dan Tanggal", ident.tempat_tanggal)):
        ws.write_string(r, 0, key, label)
        book.text(ws, r, 1, value)
        r += 1
    r += 1
    total = layout.total_row
    levels = f"{ref(D.ANGGARAN, 3, D.C_LEVEL)}:{ref(D.ANGGARAN, max(total - 1, 3), D.C_LEVEL)}"
    counts = {lv: sum(1 for n in result.nodes if n.level == key)
              for lv, key in (("Program", "program"), ("Kegiatan", "kegiatan"), ("Sub Kegiatan", "sub_kegiatan"))}
    figures = [
        ("Pagu anggaran", ref(D.ANGGARAN, total, D.C_PAGU), result.total_pagu, "money"),
        ("Realisasi anggaran", ref(D.ANGGARAN, total, D.C_REAL), result.total_realisasi, "money"),
        ("Sisa anggaran", ref(D.ANGGARAN, total, D.C_SISA), result.total_sisa, "money"),
        ("Serapan anggaran (%)", ref(D.ANGGARAN, total, D.C_SERAPAN), result.total_serapan, "percent"),
        ("Jumlah program", f'COUNTIF({levels},"Program")', counts["Program"], "integer"),
        ("Jumlah kegiatan", f'COUNTIF({levels},"Kegiatan")', counts["Kegiatan"], "integer"),
        ("Jumlah sub kegiatan", f'COUNTIF({levels},"Sub Kegiatan")', counts["Sub Kegiatan"], "integer"),
        ("Rata-rata efisiensi sasaran, E (%)", ref(D.HITUNG, *layout.e_cell), result.efisiensi_rata_rata, "percent"),
        ("Nilai efisiensi", ref(D.HITUNG, *layout.nilai_cell), result.nilai_efisiensi, "decimal"),
    ]
    shown = result.findings[:review.MAX_TEMUAN_ROWS]
    col = review.COL_TINGKAT
    tingkat = f"{ref(TEMUAN, review.FIRST_ROW, col)}:{ref(TEMUAN, review.HEADER_ROW + max(len(shown), 1), col)}"
    for t in ("kesalahan", "peringatan", "info"):
        # Findings beyond the rows the Temuan sheet lists are counted as a constant.
        beyond = sum(1 for f in result.findings[len(shown):] if f.tingkat == t)
        figures.append((f"Temuan {t}", f'COUNTIF({tingkat},"{t}")' + (f"+{beyond}" if beyond else ""),
                        sum(1 for f in result.findings if f.tingkat == t), "integer"))
    ws.write_string(r, 0, "Angka utama", book.fmt(bold=True, font_size=11))
    r += 1
    for name, formula, value, kind in figures:
        ws.write_string(r, 0, name, label)
        book.formula(ws, r, 1, formula, value, kind=kind)
        r += 1
    r += 1
    # chart data: pagu vs realisasi per program; capaian per indicator
    ws.write_string(r, 0, "Pagu dan realisasi per program", book.fmt(bold=True, font_size=11))
    r += 1
    hf = book.header_fmt()
    for c, h in enumerate(["Program", "Pagu", "Realisasi", "Serapan (%)"]):
        ws.write_string(r, c, h, hf)
    first = r + 1
    programs = [n for n in result.nodes if n.parent is None]
    for node in programs:
        r += 1
        nr = layout.node_row[id(node)]
        book.text(ws, r, 0, node.uraian)
        book.formula(ws, r, 1, ref(D.ANGGARAN, nr, D.C_PAGU), node.pagu)
        book.formula(ws, r, 2, ref(D.ANGGARAN, nr, D.C_REAL), node.realisasi)
        book.formula(ws, r, 3, ref(D.ANGGARAN, nr, D.C_SERAPAN), node.serapan, kind="percent")
    last = r
    if programs:
        chart = book.wb.add_chart({"type": "bar"})
        for c, name, colour in ((1, "Pagu", "#8EA9DB"), (2, "Realisasi", "#2F5597")):
            chart.add_series({"name": [RINGKASAN, first - 1, c], "categories": [RINGKASAN, first, 0, last, 0],
                              "values": [RINGKASAN, first, c, last, c], "fill": {"color": colour}})
        chart.set_title({"name": "Pagu dan realisasi per program"})
        chart.set_y_axis({"reverse": True})
        chart.set_x_axis({"num_format": "#,##0"})
        chart.set_legend({"position": "bottom"})
        chart.set_size({"width": 720, "height": 90 + 42 * len(programs)})
        ws.insert_chart(2, 5, chart)
    r += 2
    ws.write_string(r, 0, f"Capaian indikator {ident.tahun} (%)", book.fmt(bold=True, font_size=11))
    r += 1
    for c, h in enumerate(["Indikator", "Capaian (%)", "Kategori"]):
        ws.write_string(r, c, h, hf)
    first = r + 1
    for ind in result.indicators:
        r += 1
        hr = layout.ind_row[id(ind)]
        book.text(ws, r, 0, ind.nama)
        book.formula(ws, r, 1, ref(D.HITUNG, hr, D.H_CAP), ind.capaian, kind="percent")
        book.formula(ws, r, 2, ref(D.HITUNG, hr, D.H_KAT), ind.kategori, kind="text")
    if result.indicators:
        chart = book.wb.add_chart({"type": "bar"})
        chart.add_series({"name": "Capaian (%)", "categories": [RINGKASAN, first, 0, r, 0],
                          "values": [RINGKASAN, first, 1, r, 1], "fill": {"color": "#548235"},
                          "data_labels": {"value": True, "num_format": "0.00"}})
        chart.set_title({"name": f"Capaian indikator {ident.tahun} (%)"})
        chart.set_y_axis({"reverse": True})
        chart.set_legend({"none": True})
        chart.set_size({"width": 720, "height": 90 + 42 * len(result.indicators)})
        ws.insert_chart(24, 5, chart)
