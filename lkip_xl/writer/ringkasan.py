"""Ringkasan: identity, key figures, finding counts and two native charts."""
from __future__ import annotations

import math
import textwrap

from lkip_xl.figures import BATANG_PITA, jumlah_level, jumlah_temuan
from lkip_xl.model import Result
from lkip_xl.textfmt import tidak_terbaca
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, a1, column_px, ref
from lkip_xl.writer import review
from lkip_xl.writer.review import TEMUAN

RINGKASAN = "Ringkasan"


WIDTHS = [44, 30, 16, 16, 16]  # printed columns A–E; charts sit below them, as wide
C_LABEL, C_ACUAN = 6, 7  # hidden helper columns: short chart labels, the 100 % reference
C_PITA = 8  # hidden helper columns from here: a capaian chart series per kategori band, best band first
PAGE_HEIGHT_PX = 1010  # printable height of portrait A4 at 100 % (11.69" less margins), 96 dpi
ROW_PX = 20  # a row of default height
MANY_PROGRAMS = 16  # beyond this the pagu chart's labels take one line
DOMINANT = 3  # a program whose pagu is this many times the next one's flattens the others' bars
TIDAK_DAPAT_DIHITUNG = "tidak dapat dihitung"  # a capaian without value, under its bar's label


def write_ringkasan(book: Book, result: Result, layout: D.Layout) -> None:
    ws = book.sheet(RINGKASAN)
    ident = result.data.identitas
    ws.lkip_widths = list(WIDTHS)
    for c, w in enumerate(WIDTHS):
        ws.set_column(c, c, w)
    ws.set_column(C_LABEL, C_ACUAN, 30, None, {"hidden": True})
    names = [name for _, name in result.skala]
    if names:  # hidden, so never printed (the page is columns A–E)
        ws.set_column(C_PITA, C_PITA + len(names) - 1, 16, None, {"hidden": True})
    ws.set_paper(9)
    ws.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.6)
    ws.fit_to_pages(1, 0)
    heading = " ".join(x for x in ("Ringkasan LKIP", " ".join(str(ident.skpd or "").split()),
                                   f"Tahun {ident.tahun}") if x)
    big = book.fmt(bold=True, font_size=13, text_wrap=True)
    ws.merge_range(0, 0, 0, 4, "", big)
    ws.write_string(0, 0, heading, big)
    book.fit(ws, 0, 0, heading, span=5, bold=True, font_size=13)
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
    # Data Anggaran's Level column, and the levels of its node rows (akun rows are no level counted)
    levels = {"level": f"{ref(D.ANGGARAN, 3, D.C_LEVEL)}:{ref(D.ANGGARAN, max(total - 1, 3), D.C_LEVEL)}"}
    labels = {"level": [D.LEVEL_LABEL[n.level] for n in result.nodes]}
    program, kegiatan, sub = (jumlah_level(D.LEVEL_LABEL[key]) for key in ("program", "kegiatan", "sub_kegiatan"))
    figures = [
        ("Pagu anggaran", ref(D.ANGGARAN, total, D.C_PAGU), result.total_pagu, "money"),
        ("Realisasi anggaran", ref(D.ANGGARAN, total, D.C_REAL), result.total_realisasi, "money"),
        ("Sisa anggaran", ref(D.ANGGARAN, total, D.C_SISA), result.total_sisa, "money"),
        ("Serapan anggaran (%)", ref(D.ANGGARAN, total, D.C_SERAPAN), result.total_serapan, "percent"),
        ("Jumlah program", program.formula(levels), program.value(labels), "integer"),
        ("Jumlah kegiatan", kegiatan.formula(levels), kegiatan.value(labels), "integer"),
        ("Jumlah sub kegiatan", sub.formula(levels), sub.value(labels), "integer"),
        ("Rata-rata efisiensi sasaran, E (%)", ref(D.HITUNG, *layout.e_cell), result.efisiensi_rata_rata, "percent"),
        ("Nilai efisiensi", ref(D.HITUNG, *layout.nilai_cell), result.nilai_efisiensi, "decimal"),
    ]
    shown = review.cause_rows(result.findings)[:review.MAX_TEMUAN_ROWS]
    last = review.HEADER_ROW + max(len(shown), 1)
    tingkat_range = f"{ref(TEMUAN, review.FIRST_ROW, review.COL_TINGKAT)}:{ref(TEMUAN, last, review.COL_TINGKAT)}"
    jumlah_range = f"{ref(TEMUAN, review.FIRST_ROW, review.COL_JUMLAH)}:{ref(TEMUAN, last, review.COL_JUMLAH)}"
    listed = sum(len(g) for g in shown)
    for t in ("kesalahan", "peringatan", "info"):
        # A Temuan row counts its findings (one cause, several cells); those beyond the rows listed are
        # counted as a constant.
        count = jumlah_temuan(t, sum(1 for f in result.findings[listed:] if f.tingkat == t))
        addr = {"nilai": jumlah_range, "kriteria": ((tingkat_range, t),)}
        env = {"nilai": [len(g) for g in shown if g[0].tingkat == t]}
        figures.append((f"Temuan {t}", count.formula(addr), count.value(env), "integer"))
    ws.write_string(r, 0, "Angka utama", book.fmt(bold=True, font_size=11))
    r += 1
    for name, formula, value, kind in figures:
        ws.write_string(r, 0, name, label)
        book.formula(ws, r, 1, formula, value, kind=kind)
        r += 1
    if result.tidak_terbaca:
        ws.write_string(r, 0, tidak_terbaca(result.tidak_terbaca), book.fmt(italic=True))
        r += 1
    r += 1
    # chart data: pagu vs realisasi per program; capaian per indicator
    ws.write_string(r, 0, "Pagu dan realisasi per program", book.fmt(bold=True, font_size=11))
    r += 1
    hf = book.header_fmt()
    for c, h in enumerate(["Program", "Pagu", "Realisasi", "Serapan (%)"]):
        ws.write_string(r, c, h, hf)
    ws.write_string(r, C_LABEL, "Label grafik")
    first = r + 1
    programs = [n for n in result.nodes if n.parent is None]
    dominant = _dominant(programs)
    if dominant is not None:  # first, so that the chart of the others is the rows below it
        programs = [dominant] + [n for n in programs if n is not dominant]
    for node in programs:
        r += 1
        nr = layout.node_row[id(node)]
        book.text(ws, r, 0, node.uraian)
        book.text(ws, r, C_LABEL, chart_label(node.uraian, 34, 2 if len(programs) <= MANY_PROGRAMS else 1))
        book.formula(ws, r, 1, ref(D.ANGGARAN, nr, D.C_PAGU), node.pagu)
        book.formula(ws, r, 2, ref(D.ANGGARAN, nr, D.C_REAL), node.realisasi)
        book.formula(ws, r, 3, ref(D.ANGGARAN, nr, D.C_SERAPAN), node.serapan, kind="percent")
    last_program = r
    r += 2
    ws.write_string(r, 0, f"Capaian indikator {ident.tahun} (%)", book.fmt(bold=True, font_size=11))
    r += 1
    for c, h in enumerate(["Indikator", "Capaian (%)", "Kategori"]):
        ws.write_string(r, c, h, hf)
    ws.write_string(r, C_LABEL, "Label grafik")
    ws.write_string(r, C_ACUAN, "Acuan 100 %")
    for k, name in enumerate(names):  # each band's name, as the scale's cell says it: the legend's entries
        book.formula(ws, r, C_PITA + k, layout.skala_nama[k], name, kind="text")
    first_ind = r + 1
    n_ind = len(result.indicators)
    per_line = max(12, min(30, 150 // max(n_ind, 1)))
    for ind in result.indicators:
        r += 1
        hr = layout.ind_row[id(ind)]
        book.text(ws, r, 0, ind.nama)
        label = chart_label(ind.nama, per_line, 3 if n_ind <= 10 else 1)
        if not isinstance(ind.capaian, (int, float)):  # no bar: say why under its place
            label = f"{label}\n({TIDAK_DAPAT_DIHITUNG})"
        book.text(ws, r, C_LABEL, label)
        ws.write_number(r, C_ACUAN, 100)
        book.formula(ws, r, 1, ref(D.HITUNG, hr, D.H_CAP), ind.capaian, kind="percent")
        book.formula(ws, r, 2, ref(D.HITUNG, hr, D.H_KAT), ind.kategori, kind="text")
        # the capaian in its kategori band's column, #N/A (no bar) in the others: the bar's colour is live
        inputs = {"kategori": ind.kategori, "capaian": ind.capaian}
        cells = {"kategori": a1(r, 2), "capaian": a1(r, 1)}
        for k, name in enumerate(names):
            book.formula(ws, r, C_PITA + k, BATANG_PITA.formula({**cells, "nama": layout.skala_nama[k]}),
                         BATANG_PITA.value({**inputs, "nama": name}), kind="percent")
    # the charts on their own page below the tables, as wide as columns A–E
    width = sum(column_px(w) for w in WIDTHS)
    at = r + 3
    charts = []
    if programs:
        # a bar per program and year, never taller than a page (many programs: one-line labels)
        charts.append((_pagu_chart(book, programs, first, last_program, width),
                       min(110 + 48 * len(programs), PAGE_HEIGHT_PX - 40)))
        if dominant is not None:  # the others again, on a scale of their own
            others = programs[1:]
            charts.append((_pagu_chart(book, others, first + 1, last_program, width,
                                       f"Pagu dan realisasi per program, tanpa {chart_label(dominant.uraian, 60, 1)}",
                                       header=first - 1),
                           min(110 + 48 * len(others), PAGE_HEIGHT_PX - 40)))
    if result.indicators:
        bars = [[ind.capaian if ind.kategori == name and _finite(ind.capaian) else None
                 for ind in result.indicators] for name in names]
        charts.append((_capaian_chart(book, ident.tahun, first_ind, r, n_ind, bars), 420))
    breaks = []
    used = PAGE_HEIGHT_PX  # a new page before the first chart
    for chart, height in charts:
        if used + height > PAGE_HEIGHT_PX:
            breaks.append(at)
            used = 0
        chart.set_size({"width": width, "height": height})
        ws.insert_chart(at, 0, chart, {"object_position": 3, "y_offset": 6})  # clear of the page break
        rows = -(-height // ROW_PX) + 1
        at += rows
        used += rows * ROW_PX
    if breaks:
        ws.set_h_pagebreaks(breaks)


def chart_label(text: str, per_line: int, lines: int) -> str:
    """`text` wrapped at word boundaries into at most `lines` lines of `per_line` characters, the last
    cut with '…' when the text is longer: chart category labels that do not run into each other."""
    wrapped = textwrap.wrap(" ".join(str(text or "").split()), per_line) or [""]
    if len(wrapped) > lines:
        wrapped = wrapped[:lines]
        wrapped[-1] = wrapped[-1][:per_line - 1].rstrip() + "…"
    return "\n".join(wrapped)


def _money_axis(largest: float) -> tuple[str, str]:
    """The unit of the pagu axis by magnitude: (number format dividing by it, axis title)."""
    if largest >= 1e10:
        return "#,##0.0,,,", "Rp miliar"
    if largest >= 1e7:
        return "#,##0,,", "Rp juta"
    return "#,##0.0,,", "Rp juta"


def _major_unit(largest: float) -> float:
    """A round step giving at most five gridlines over 0..largest (1, 2, 2.5 or 5 times a power of ten)."""
    if largest <= 0:
        return 1.0
    raw = largest / 5
    mag = 10 ** math.floor(math.log10(raw))
    return next(k * mag for k in (1, 2, 2.5, 5, 10) if k * mag >= raw)


def _dominant(programs: list):
    """The program whose pagu is DOMINANT times every other's, when two or more others would be flattened."""
    pagu = sorted((n.pagu for n in programs if isinstance(n.pagu, (int, float)) and math.isfinite(n.pagu)),
                  reverse=True)
    if len(programs) < 3 or len(pagu) < 2 or pagu[1] <= 0 or pagu[0] < DOMINANT * pagu[1]:
        return None
    return next(n for n in programs if n.pagu == pagu[0])


def _finite(x) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def _pagu_chart(book: Book, programs: list, first: int, last: int, width: int,
                title: str = "Pagu dan realisasi per program", header: int | None = None):
    chart = book.wb.add_chart({"type": "bar"})
    for c, name, colour in ((1, "Pagu", "#8EA9DB"), (2, "Realisasi", "#2F5597")):
        chart.add_series({"name": [RINGKASAN, first - 1 if header is None else header, c], "categories": [RINGKASAN, first, C_LABEL, last, C_LABEL],
                          "values": [RINGKASAN, first, c, last, c], "fill": {"color": colour}, "gap": 60})
    amounts = [abs(v) for n in programs for v in (n.pagu, n.realisasi) if isinstance(v, (int, float))]
    largest = max([v for v in amounts if math.isfinite(v)] + [0])
    num_format, unit = _money_axis(largest)
    chart.set_title({"name": title, "name_font": {"size": 12}})
    size = 8 if len(programs) <= MANY_PROGRAMS else 7
    chart.set_y_axis({"reverse": True, "crossing": "max", "num_font": {"size": size}})  # values along the bottom
    chart.set_x_axis({"min": 0, "major_unit": _major_unit(largest), "num_format": num_format,
                      "name": unit, "name_font": {"size": 9, "bold": False}, "num_font": {"size": 8},
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_legend({"position": "bottom"})
    chart.show_hidden_data()
    return chart


def _capaian_chart(book: Book, tahun: int, first: int, last: int, n: int, bars: list[list]):
    """A column series per kategori band (`bars`, best band first: each indicator's capaian in its band's
    series, None in the others), overlapping in one slot: a bar has its band's colour, the colours of the
    tables' kategori cells (darker), live, and the legend names the bands."""
    chart = book.wb.add_chart({"type": "column"})
    for k, values in enumerate(bars):
        c = C_PITA + k
        chart.add_series({"name": [RINGKASAN, first - 1, c], "categories": [RINGKASAN, first, C_LABEL, last, C_LABEL],
                          "values": [RINGKASAN, first, c, last, c], "values_data": values,  # #N/A: no point
                          "fill": {"color": book.band(k, len(bars))["font_color"]}, "border": {"none": True},
                          "gap": 80, "overlap": 100,
                          "data_labels": {"value": True, "num_format": "0.00", "position": "outside_end",
                                          "font": {"size": 8}}})
    line = book.wb.add_chart({"type": "line"})
    line.add_series({"name": [RINGKASAN, first - 1, C_ACUAN], "categories": [RINGKASAN, first, C_LABEL, last, C_LABEL],
                     "values": [RINGKASAN, first, C_ACUAN, last, C_ACUAN],
                     "line": {"color": "#C00000", "width": 1.5, "dash_type": "dash"}, "marker": {"type": "none"}})
    chart.combine(line)
    chart.set_title({"name": f"Capaian indikator {tahun} (%)", "name_font": {"size": 12}})
    chart.set_y_axis({"min": 0, "major_unit": 20, "num_format": "0", "name": "%", "num_font": {"size": 8},
                      "name_font": {"size": 9, "bold": False},
                      "major_gridlines": {"visible": True, "line": {"color": "#D9D9D9"}}})
    chart.set_x_axis({"num_font": {"size": 8, "rotation": -45 if n > 10 else 0}})
    chart.set_legend({"position": "bottom"})
    chart.show_hidden_data()
    # #N/A as an empty cell: no bar and no '#N/A' data label in the other bands' series (Excel 365 would
    # otherwise label those points '#N/A'; LibreOffice draws #N/A as nothing either way)
    chart.show_na_as_empty_cell()
    return chart
