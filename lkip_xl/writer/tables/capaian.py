"""Bab III: capaian of the tujuan and of each sasaran, and the programs that support each sasaran."""
from __future__ import annotations

from lkip_xl.figures import BENCHMARK
from lkip_xl.model import BudgetNode, FigureKey, Indicator, Num, Result
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, ref, setup_table_sheet
from lkip_xl.writer.tables import Plan, figure_cells, headers, kind_for, title, tree_order
from lkip_xl.writer.tables import ordinal as tables_ordinal

# Kinerja Tahun N (target, realisasi, capaian), kategori, and against the Renstra's end target
KINERJA_COLUMNS = ("target", "realisasi", "capaian", "kategori", "target_akhir", "capaian_akhir")
# the benchmark columns, as Data Kinerja names them
BENCHMARKS = ("kab_kota_lain", "rpjmd_provinsi", "rpjmn")
from lkip_xl.writer.tables.efisiensi import efisiensi_table


def _capaian_table(book: Book, ws, result: Result, layout: D.Layout, p: Plan, number: str, heading: str,
                   inds: list[Indicator], first_label: str) -> None:
    earlier = [y for y in layout.realisasi_years if y < p.tahun]
    spec = ["No.", first_label, "Indikator Kinerja Utama"] + [f"Realisasi {y}" for y in earlier]
    spec += [(f"Kinerja {p.tahun}", ["Target", "Realisasi", "Capaian"]), "Kategori", "Target Akhir Renstra",
             "Capaian Terhadap Akhir Renstra", "Realisasi / Capaian terhadap Kab/Kota Lain",
             "Realisasi / Capaian terhadap RPJMD Provinsi", "Realisasi / Capaian terhadap RPJMN",
             "Serapan Anggaran"]
    ncols = 3 + len(earlier) + 3 + 4 + len(BENCHMARKS) + 1
    title(book, ws, number, heading, ncols)
    r = first = headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [5, 26, 32] + [10] * len(earlier) + [10, 10, 10, 14, 10, 11, 13, 13, 13, 11])
    last_group = None
    n = 0
    for ind in inds:
        group = (ind.row.sasaran.value if ind.row.sasaran else "") if ind.level == "sasaran" else \
            (ind.row.tujuan.value if ind.row.tujuan else "")
        if group != last_group:
            n += 1
        book.text(ws, r, 0, f"{n}." if group != last_group else "", fmt=book.cell_fmt("center"))
        book.text(ws, r, 1, group if group != last_group else "")
        last_group = group
        book.text(ws, r, 2, ind.nama)
        kind = kind_for(ind)
        c = 3
        for y in earlier:
            book.formula(ws, r, c, book.figure_ref(FigureKey.ind(result.positions().ind[id(ind)], f"realisasi_{y}")),
                         ind.realisasi_by_year.get(y), kind=kind)
            c += 1
        c = figure_cells(book, ws, r, c, ind, layout, KINERJA_COLUMNS)
        for key in BENCHMARKS:  # live: editing Data Kinerja's cell changes the table
            value = ind.row.benchmarks.get(key)
            cell = ref(D.KINERJA, layout.ind_row[id(ind)], layout.kinerja_cols[(key,)])
            book.formula(ws, r, c, BENCHMARK.formula({"benchmark": cell}),
                         BENCHMARK.value({"benchmark": value.value if value else None}),
                         kind=kind if isinstance(value, Num) else "center")
            c += 1
        serapan = c
        figure_cells(book, ws, r, serapan, ind, layout, ("serapan",))
        r += 1
    book.kategori_colours(ws, first, r - 1, 3 + len(earlier) + 3, layout.skala_nama)
    book.flag_serapan(ws, first, r - 1, serapan)


def write_tujuan(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "tujuan" not in p.names:  # no tujuan indicator: left out (TABEL_KOSONG)
        return
    ws = book.sheet(p.names["tujuan"])
    inds = [i for i in result.indicators if i.level == "tujuan"]
    _capaian_table(book, ws, result, layout, p, p.numbers["tujuan"],
                   p.judul("Analisis Capaian Tujuan", f"Tahun {p.tahun}"), inds, "Tujuan")


def write_sasaran(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    for k, (name, inds) in enumerate(p.sasaran):
        ordinal = tables_ordinal(k + 1)
        ws = book.sheet(p.names[f"capaian{k}"])
        _capaian_table(book, ws, result, layout, p, p.numbers[f"capaian{k}"],
                       p.judul(f"Capaian Sasaran Kinerja {ordinal}", f"Sesuai Perjanjian Kinerja Tahun {p.tahun}"),
                       inds, "Sasaran Kinerja Utama")
        if f"pendukung{k}" in p.names:  # else no indicator of it mapped to a budget (TABEL_KOSONG)
            _pendukung(book, result, layout, p, k, inds)
        if f"efisiensi{k}" not in p.names:
            continue
        efisiensi_table(book, book.sheet(p.names[f"efisiensi{k}"]), result, layout, p.numbers[f"efisiensi{k}"],
                         p.judul(f"Analisis Efisiensi Sumber Daya Anggaran Capaian Sasaran Kinerja {ordinal}",
                                 f"Tahun {p.tahun}"),
                         [(name, inds)], p.tahun, summary=False)


def _pendukung(book: Book, result: Result, layout: D.Layout, p: Plan, k: int, inds: list[Indicator]) -> None:
    ws = book.sheet(p.names[f"pendukung{k}"])
    title(book, ws, p.numbers[f"pendukung{k}"],
           p.judul(f"Program, Kegiatan dan Sub Kegiatan Pendukung Capaian Kinerja Sasaran {tables_ordinal(k + 1)}",
                   f"Tahun {p.tahun}"), 4)
    r = headers(book, ws, 2, ["Kode", "Nama Program / Kegiatan / Sub Kegiatan", "Pagu", "Realisasi"])
    setup_table_sheet(ws, (2, r - 1), [20, 60, 16, 16])
    italic = book.fmt(italic=True, border=1, text_wrap=True)
    for ind in inds:
        if len(inds) > 1:
            ws.merge_range(r, 0, r, 3, f"Indikator Kinerja Utama: {ind.nama}", italic)
            r += 1
        if ind.supports is None:
            ws.merge_range(r, 0, r, 3, "Belum ada anggaran pendukung di lembar Pemetaan.", italic)
            r += 1
            continue
        supporting = {id(leaf) for leaf in ind.supports}
        for node in _with_ancestors(ind.supports, result):
            bold = node.level != "sub_kegiatan"
            depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
            book.text(ws, r, 0, node.kode or node.nomor or "", bold=bold)
            book.text(ws, r, 1, node.uraian.upper() if node.level == "program" else node.uraian, bold=bold,
                      indent=depth)
            if id(node) in supporting:
                nr = layout.node_row[id(node)]
                book.formula(ws, r, 2, ref(D.ANGGARAN, nr, D.C_PAGU), node.pagu, bold=bold)
                book.formula(ws, r, 3, ref(D.ANGGARAN, nr, D.C_REAL), node.realisasi, bold=bold)
            else:  # a heading: its own total may include sub kegiatan that support other indicators
                book.number(ws, r, 2, None)
                book.number(ws, r, 3, None)
            r += 1
        book.text(ws, r, 1, "Jumlah anggaran pendukung indikator", bold=True)
        book.text(ws, r, 0, "")
        figure_cells(book, ws, r, 2, ind, layout, ("pagu", "realisasi_anggaran"), bold=True)
        r += 1


def _with_ancestors(leaves: list[BudgetNode], result: Result) -> list[BudgetNode]:
    wanted: set[int] = set()
    for leaf in leaves:
        n = leaf
        while n is not None:
            wanted.add(id(n))
            n = n.parent
    return [n for n in tree_order(result) if id(n) in wanted]


