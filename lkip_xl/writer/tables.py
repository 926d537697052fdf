"""The LKIP tables (Bab II–IV of the report), each on its own sheet, as formulas over the data sheets."""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl.figures import JUMLAH_KELOMPOK, SELISIH, SERAPAN, SISA, TERTULIS
from lkip_xl.model import BudgetNode, FigureKey, Indicator, Result
from lkip_xl.writer import data as D
from lkip_xl.writer.book import Book, a1, ref, setup_table_sheet


@dataclass
class Plan:
    """Sheet names and table numbers, decided before anything is written."""

    tahun: int
    sasaran: list[tuple[str, list[Indicator]]]
    names: dict[str, str]  # role -> sheet name
    numbers: dict[str, str]  # role -> table number


def plan(result: Result) -> Plan:
    groups: list[tuple[str, list[Indicator]]] = []
    for ind in result.indicators:
        if ind.level != "sasaran":
            continue
        name = ind.row.sasaran.value if ind.row.sasaran else ind.nama
        if groups and groups[-1][0] == name:
            groups[-1][1].append(ind)
        else:
            groups.append((name, [ind]))
    names: dict[str, str] = {}
    numbers: dict[str, str] = {}

    def add(role: str, number: str, title: str) -> None:
        numbers[role] = number
        names[role] = f"{number} {title}"[:31]

    add("renstra", "2.1", "Renstra")
    add("renja", "2.2", "Renja")
    add("iku", "2.3", "IKU")
    add("pk", "2.4", "Perjanjian Kinerja")
    add("tujuan", "3.1", "Capaian Tujuan")
    n = 2
    for k in range(len(groups)):
        add(f"capaian{k}", f"3.{n}", f"Capaian Sasaran {k + 1}")
        add(f"pendukung{k}", f"3.{n + 1}", f"Pendukung Sasaran {k + 1}")
        add(f"efisiensi{k}", f"3.{n + 2}", f"Efisiensi Sasaran {k + 1}")
        n += 3
    add("anggaran", f"3.{n}", "Realisasi Anggaran")
    add("efisiensi", f"3.{n + 1}", "Efisiensi")
    if result.belanja:
        add("belanja", f"3.{n + 2}", "Jenis Belanja")
    add("rangkuman", "4.1", "Rangkuman PK")
    return Plan(result.data.identitas.tahun, groups, names, numbers)


def _title(book: Book, ws, number: str, title: str, ncols: int) -> None:
    ws.merge_range(0, 0, 0, max(ncols - 1, 1), f"Tabel {number} {title}", book.fmt(bold=True, font_size=11))


def _headers(book: Book, ws, row: int, spec: list) -> int:
    """Write a one- or two-row header. spec items: 'Label' or ('Group', ['a', 'b'])."""
    two = any(isinstance(s, tuple) for s in spec)
    hf = book.header_fmt()
    c = 0
    for s in spec:
        if isinstance(s, tuple):
            group, subs = s
            if len(subs) > 1:
                ws.merge_range(row, c, row, c + len(subs) - 1, group, hf)
            else:
                ws.write_string(row, c, group, hf)
            for k, sub in enumerate(subs):
                ws.write_string(row + 1, c + k, sub, hf)
                book.fit(ws, row + 1, c + k, sub)
            c += len(subs)
        else:
            if two:
                ws.merge_range(row, c, row + 1, c, s, hf)
                book.fit(ws, row + 1, c, s[: max(0, len(s) - 12)])
            else:
                ws.write_string(row, c, s, hf)
                book.fit(ws, row, c, s)
            c += 1
    return row + (2 if two else 1)


def _hitung(ind: Indicator, layout: D.Layout, col: int) -> str:
    return ref(D.HITUNG, layout.ind_row[id(ind)], col)


# ------------------------------------------------------------------- Bab II


def write_renstra(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["renstra"])
    years = sorted({y for i in result.indicators for y in i.row.targets})
    spec = ["Tujuan", "Indikator Tujuan", "Sasaran Strategis", "Indikator Sasaran"]
    spec.append(("Target", [str(y) for y in years]) if years else "Target")
    _title(book, ws, p.numbers["renstra"], "Tujuan, Sasaran dan Target Indikator pada Rencana Strategis", 4 + len(years))
    r = _headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [28, 28, 28, 34] + [9] * len(years))
    shown = _Shown()
    for ind in result.indicators:
        row = ind.row
        _tujuan_sasaran_cells(book, ws, r, ind, shown)
        kr = layout.ind_row[id(ind)]
        for k, y in enumerate(years):
            cell = ref(D.KINERJA, kr, layout.kinerja_cols[("target", y)])
            t = row.targets.get(y)
            book.formula(ws, r, 4 + k, TERTULIS.formula({"tertulis": cell}), t.value if t else None,
                         kind=_kind_for(ind))
        r += 1


@dataclass
class _Shown:
    """The tujuan and sasaran already written above: a name is shown once per group."""

    tujuan: str | None = None
    sasaran: str | None = None


def _tujuan_sasaran_cells(book: Book, ws, r: int, ind: Indicator, shown: _Shown) -> None:
    """Columns Tujuan | Indikator Tujuan | Sasaran | Indikator Sasaran of one indicator row."""
    tujuan = ind.row.tujuan.value if ind.row.tujuan else ""
    book.text(ws, r, 0, tujuan if tujuan != shown.tujuan else "")
    shown.tujuan = tujuan
    if ind.level == "tujuan":
        cells, shown.sasaran = [ind.nama, "", ""], None
    else:
        sasaran = ind.row.sasaran.value if ind.row.sasaran else ""
        cells = ["", sasaran if sasaran != shown.sasaran else "", ind.nama]
        shown.sasaran = sasaran
    for c, text in enumerate(cells, start=1):
        book.text(ws, r, c, text)


def _kind_for(ind: Indicator) -> str:
    values = [v for v in [*ind.row.targets.values(), *ind.row.realisasi.values()] if v is not None]
    if values and all(float(v.value).is_integer() for v in values) and ind.realisasi_source != "komponen":
        return "integer"
    return "decimal"


def write_renja(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["renja"])
    _title(book, ws, p.numbers["renja"],
           f"Program, Kegiatan dan Sub Kegiatan pada Rencana Kerja Tahun Anggaran {p.tahun}", 6)
    r = _headers(book, ws, 2, ["No.", "Kode", "Program / Kegiatan / Sub Kegiatan", "Indikator",
                                ("Target", ["Kinerja", "Keuangan (Rp)"])])
    setup_table_sheet(ws, (2, r - 1), [7, 18, 44, 44, 14, 16])
    for node in _tree_order(result):
        bold = node.level != "sub_kegiatan"
        depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
        book.text(ws, r, 0, node.nomor or "", bold=bold)
        book.text(ws, r, 1, node.kode or "", bold=bold)
        book.text(ws, r, 2, node.uraian, bold=bold, indent=depth)
        row = node.row
        book.text(ws, r, 3, row.indikator.value if row.indikator else "")
        target = row.target_kinerja.value if row.target_kinerja else ""
        if row.satuan and target and row.satuan.value.lower() not in target.lower():
            target = f"{target} {row.satuan.value}"
        book.text(ws, r, 4, target)
        book.formula(ws, r, 5, ref(D.ANGGARAN, layout.node_row[id(node)], D.C_PAGU), node.pagu, bold=bold)
        r += 1
    book.text(ws, r, 2, "Jumlah", bold=True)
    for c in (0, 1, 3, 4):
        book.text(ws, r, c, "")
    book.formula(ws, r, 5, ref(D.ANGGARAN, layout.total_row, D.C_PAGU), result.total_pagu, bold=True)


def _tree_order(result: Result) -> list[BudgetNode]:
    out: list[BudgetNode] = []

    def visit(n: BudgetNode) -> None:
        out.append(n)
        for c in n.children:
            visit(c)

    for n in result.nodes:
        if n.parent is None:
            visit(n)
    return out


def write_iku(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["iku"])
    _title(book, ws, p.numbers["iku"], f"Indikator Kinerja Utama Tahun {p.tahun}", 9)
    spec = ["No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja Utama", "Makna Indikator",
            "Alasan Pemilihan", "Formulasi Perhitungan", "Sumber/Referensi", "Penanggung Jawab", "Sumber Data"]
    r = _headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [5, 26, 28, 30, 30, 30, 26, 16, 18])
    keys = ["makna", "alasan", "formulasi", "sumber_referensi", "penanggung_jawab", "sumber_data"]
    n = 0
    for name, inds in p.sasaran:
        n += 1
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, str(n) if k == 0 else "", fmt=book.cell_fmt("center"))
            book.text(ws, r, 1, name if k == 0 else "")
            book.text(ws, r, 2, ind.nama)
            for c, key in enumerate(keys):
                value = ind.row.iku.get(key)
                book.text(ws, r, 3 + c, value.value if value else "")
            r += 1


def write_pk(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["pk"])
    _title(book, ws, p.numbers["pk"], f"Perjanjian Kinerja Tahun {p.tahun}", 5)
    r = _headers(book, ws, 2, ["No", "Kinerja Utama (Sasaran Strategis)", "Indikator Kinerja", "Target", "Satuan"])
    setup_table_sheet(ws, (2, r - 1), [5, 36, 44, 12, 12])
    n = 0
    for name, inds in p.sasaran:
        n += 1
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, f"{n:02d}" if k == 0 else "", fmt=book.cell_fmt("center"))
            book.text(ws, r, 1, name if k == 0 else "")
            book.text(ws, r, 2, ind.nama)
            book.formula(ws, r, 3, _hitung(ind, layout, D.H_TARGET), ind.target, kind=_kind_for(ind))
            book.text(ws, r, 4, ind.row.satuan.value if ind.row.satuan else "")
            r += 1


# ------------------------------------------------------------------ Bab III


def _capaian_table(book: Book, ws, result: Result, layout: D.Layout, p: Plan, number: str, title: str,
                   inds: list[Indicator], first_label: str) -> None:
    earlier = [y for y in layout.realisasi_years if y < p.tahun]
    spec = ["No.", first_label, "Indikator Kinerja Utama"] + [f"Realisasi {y}" for y in earlier]
    spec += [(f"Kinerja {p.tahun}", ["Target", "Realisasi", "Capaian"]), "Kategori", "Target Akhir Renstra",
             "Capaian Terhadap Akhir Renstra", "Realisasi / Capaian terhadap Kab/Kota Lain",
             "Realisasi / Capaian terhadap RPJMD Provinsi", "Realisasi / Capaian terhadap RPJMN",
             "Serapan Anggaran"]
    ncols = 3 + len(earlier) + 3 + 8
    _title(book, ws, number, title, ncols)
    r = _headers(book, ws, 2, spec)
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
        kind = _kind_for(ind)
        c = 3
        for y in earlier:
            book.formula(ws, r, c, book.figure_ref(FigureKey.ind(result.indicators.index(ind), f"realisasi_{y}")),
                         ind.realisasi_by_year.get(y), kind=kind)
            c += 1
        for col, value, k in ((D.H_TARGET, ind.target, kind), (D.H_REAL, ind.realisasi, kind),
                              (D.H_CAP, ind.capaian, "percent"), (D.H_KAT, ind.kategori, "text"),
                              (D.H_TAKHIR, ind.target_akhir, kind), (D.H_CAKHIR, ind.capaian_akhir, "percent")):
            book.formula(ws, r, c, _hitung(ind, layout, col), value, kind=k)
            c += 1
        for key in ("kab_kota_lain", "rpjmd_provinsi", "rpjmn"):
            value = ind.row.benchmarks.get(key)
            book.text(ws, r, c, value.value if value else "-")
            c += 1
        book.formula(ws, r, c, _hitung(ind, layout, D.H_SERAPAN), ind.serapan, kind="percent")
        r += 1


def write_tujuan(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["tujuan"])
    inds = [i for i in result.indicators if i.level == "tujuan"]
    _capaian_table(book, ws, result, layout, p, p.numbers["tujuan"], f"Analisis Capaian Tujuan Tahun {p.tahun}",
                   inds, "Tujuan")


def write_sasaran(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    for k, (name, inds) in enumerate(p.sasaran):
        ordinal = k + 1
        ws = book.sheet(p.names[f"capaian{k}"])
        _capaian_table(book, ws, result, layout, p, p.numbers[f"capaian{k}"],
                       f"Capaian Sasaran Kinerja {ordinal} Tahun {p.tahun}", inds, "Sasaran Kinerja Utama")
        _pendukung(book, result, layout, p, k, inds)
        _efisiensi_table(book, book.sheet(p.names[f"efisiensi{k}"]), result, layout, p.numbers[f"efisiensi{k}"],
                         f"Analisis Efisiensi Sumber Daya Anggaran Sasaran Kinerja {ordinal} Tahun {p.tahun}",
                         [(name, inds)], p.tahun, summary=False)


def _pendukung(book: Book, result: Result, layout: D.Layout, p: Plan, k: int, inds: list[Indicator]) -> None:
    ws = book.sheet(p.names[f"pendukung{k}"])
    _title(book, ws, p.numbers[f"pendukung{k}"],
           f"Program, Kegiatan dan Sub Kegiatan Pendukung Sasaran Kinerja {k + 1} Tahun {p.tahun}", 4)
    r = _headers(book, ws, 2, ["Kode", "Nama Program / Kegiatan / Sub Kegiatan", "Pagu", "Realisasi"])
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
        book.formula(ws, r, 2, _hitung(ind, layout, D.H_PAGU), ind.pagu, bold=True)
        book.formula(ws, r, 3, _hitung(ind, layout, D.H_RA), ind.realisasi_anggaran, bold=True)
        r += 1


def _with_ancestors(leaves: list[BudgetNode], result: Result) -> list[BudgetNode]:
    wanted: set[int] = set()
    for leaf in leaves:
        n = leaf
        while n is not None:
            wanted.add(id(n))
            n = n.parent
    return [n for n in _tree_order(result) if id(n) in wanted]


def _efisiensi_table(book: Book, ws, result: Result, layout: D.Layout, number: str, title: str,
                     groups: list[tuple[str, list[Indicator]]], tahun: int, summary: bool) -> int:
    spec = ["Sasaran Kinerja Utama", "Indikator Kinerja Utama",
            (f"Kinerja {tahun}", ["Target", "Realisasi", "Capaian"]),
            (f"Keuangan {tahun}", ["Target", "Realisasi", "Capaian"]), "Efisiensi Anggaran"]
    _title(book, ws, number, title, 9)
    r = _headers(book, ws, 2, spec)
    setup_table_sheet(ws, (2, r - 1), [28, 34, 10, 10, 10, 16, 16, 10, 11])
    for name, inds in groups:
        for k, ind in enumerate(inds):
            book.text(ws, r, 0, name if k == 0 else "")
            book.text(ws, r, 1, ind.nama)
            kind = _kind_for(ind)
            for c, (col, value, kd) in enumerate(((D.H_TARGET, ind.target, kind), (D.H_REAL, ind.realisasi, kind),
                                                  (D.H_CAP, ind.capaian, "percent"), (D.H_PAGU, ind.pagu, "money"),
                                                  (D.H_RA, ind.realisasi_anggaran, "money"),
                                                  (D.H_SERAPAN, ind.serapan, "percent"),
                                                  (D.H_EFF, ind.efisiensi, "percent"))):
                book.formula(ws, r, 2 + c, _hitung(ind, layout, col), value, kind=kd)
            r += 1
    return r


def write_efisiensi_summary(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["efisiensi"])
    r = _efisiensi_table(book, ws, result, layout, p.numbers["efisiensi"],
                         f"Analisis Efisiensi Sumber Daya Sasaran Kinerja Utama Tahun {p.tahun}", p.sasaran, p.tahun,
                         summary=True)
    bold_text = book.fmt(bold=True, border=1, text_wrap=True)
    ws.merge_range(r, 0, r, 7, "Rata-rata efisiensi (E) = Σ efisiensi indikator sasaran yang memiliki anggaran / n",
                   bold_text)
    book.formula(ws, r, 8, ref(D.HITUNG, *layout.e_cell), result.efisiensi_rata_rata, kind="percent", bold=True)
    ws.merge_range(r + 1, 0, r + 1, 7, "Nilai Efisiensi = 50 + (E / 20) × 50, dengan E dibatasi −20 s.d. 20",
                   bold_text)
    book.formula(ws, r + 1, 8, ref(D.HITUNG, *layout.nilai_cell), result.nilai_efisiensi, kind="decimal", bold=True)
    rumus = ("E = Σ (1 − (RA/RK) / (PA/TK)) × 100% / n  (PMK 249/PMK.02/2011); RA realisasi anggaran, "
             "RK realisasi kinerja, PA pagu anggaran, TK target kinerja"
             if result.data.identitas.rumus_efisiensi == "PMK 249"
             else "Efisiensi = capaian kinerja − serapan anggaran (rumus Selisih)")
    ws.merge_range(r + 3, 0, r + 3, 8, "Rumus: " + rumus, book.fmt(italic=True, text_wrap=True))
    ws.set_row(r + 3, 28)


def write_anggaran(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["anggaran"])
    _title(book, ws, p.numbers["anggaran"], f"Rincian Realisasi Anggaran per 31 Desember {p.tahun}", 7)
    r = _headers(book, ws, 2, ["No.", "Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran", "Realisasi",
                                "Sisa", "Rasio Capaian"])
    setup_table_sheet(ws, (2, r - 1), [7, 18, 50, 16, 16, 15, 9])
    for node in _tree_order(result):
        bold = node.level != "sub_kegiatan"
        depth = {"program": 0, "kegiatan": 1, "sub_kegiatan": 2}[node.level]
        nr = layout.node_row[id(node)]
        book.text(ws, r, 0, node.nomor or "", bold=bold)
        book.text(ws, r, 1, node.kode or "", bold=bold)
        book.text(ws, r, 2, node.uraian, bold=bold, indent=depth)
        for c, (col, value, kind) in enumerate(((D.C_PAGU, node.pagu, "money"), (D.C_REAL, node.realisasi, "money"),
                                               (D.C_SISA, node.sisa, "money"), (D.C_SERAPAN, node.serapan, "percent"))):
            book.formula(ws, r, 3 + c, ref(D.ANGGARAN, nr, col), value, kind=kind, bold=bold)
        r += 1
    ws.merge_range(r, 0, r, 2, "Total Anggaran / Realisasi / Rasio Capaian", book.fmt(bold=True, border=1))
    for c, (col, value, kind) in enumerate(((D.C_PAGU, result.total_pagu, "money"),
                                           (D.C_REAL, result.total_realisasi, "money"),
                                           (D.C_SISA, result.total_sisa, "money"),
                                           (D.C_SERAPAN, result.total_serapan, "percent"))):
        book.formula(ws, r, 3 + c, ref(D.ANGGARAN, layout.total_row, col), value, kind=kind, bold=True)


def write_belanja(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    if "belanja" not in p.names:
        return
    ws = book.sheet(p.names["belanja"])
    _title(book, ws, p.numbers["belanja"], f"Realisasi Anggaran per Jenis Belanja Tahun {p.tahun}", 6)
    r = _headers(book, ws, 2, ["Kode Rekening", "Jenis Belanja", "Pagu Anggaran", "Realisasi", "Sisa", "Serapan"])
    setup_table_sheet(ws, (2, r - 1), [14, 44, 17, 17, 16, 10])
    kelompok_rows = []
    for g in result.belanja:
        bold = g.kelompok
        book.text(ws, r, 0, g.kode, bold=bold)
        book.text(ws, r, 1, g.uraian, bold=bold, indent=0 if g.kelompok else 1)
        book.formula(ws, r, 2, D.belanja_formula(layout, g.kode, "pagu"), g.pagu, bold=bold)
        book.formula(ws, r, 3, D.belanja_formula(layout, g.kode, "realisasi"), g.realisasi, bold=bold)
        money = {"pagu": a1(r, 2), "realisasi": a1(r, 3)}
        book.formula(ws, r, 4, SISA.formula(money), SISA.value({"pagu": g.pagu, "realisasi": g.realisasi}), bold=bold)
        book.formula(ws, r, 5, SERAPAN.formula(money), g.serapan, kind="percent",
                     bold=bold)
        for measure, col in (("pagu", 2), ("realisasi", 3), ("realisasi_anggaran", 3), ("sisa", 4), ("serapan", 5)):
            book.remember_figure(FigureKey.belanja(g.kode, measure), ws.name, r, col)
        if g.kelompok:
            kelompok_rows.append(r)
        r += 1
    pagu, real = result.belanja_jumlah
    book.text(ws, r, 0, "", bold=True)
    book.text(ws, r, 1, "Jumlah belanja", bold=True)
    book.formula(ws, r, 2, JUMLAH_KELOMPOK.formula({"kelompok": [a1(k, 2) for k in kelompok_rows]}), pagu, bold=True)
    book.formula(ws, r, 3, JUMLAH_KELOMPOK.formula({"kelompok": [a1(k, 3) for k in kelompok_rows]}), real, bold=True)
    money = {"pagu": a1(r, 2), "realisasi": a1(r, 3)}
    book.formula(ws, r, 4, SISA.formula(money), SISA.value({"pagu": pagu, "realisasi": real}), bold=True)
    book.formula(ws, r, 5, SERAPAN.formula(money), result.belanja_jumlah_serapan,
                 kind="percent", bold=True)
    for measure, col in (("pagu", 2), ("realisasi", 3), ("sisa", 4), ("serapan", 5)):
        book.remember_figure(FigureKey("belanja_total", None, measure), ws.name, r, col)
    r += 1
    book.text(ws, r, 1, "Selisih terhadap total realisasi anggaran program/kegiatan")
    book.text(ws, r, 0, "")
    tp, tr = ref(D.ANGGARAN, layout.total_row, D.C_PAGU), ref(D.ANGGARAN, layout.total_row, D.C_REAL)
    book.formula(ws, r, 2, SELISIH.formula({"dilaporkan": a1(r - 1, 2), "dihitung": tp}),
                 SELISIH.value({"dilaporkan": pagu, "dihitung": result.total_pagu}))
    book.formula(ws, r, 3, SELISIH.formula({"dilaporkan": a1(r - 1, 3), "dihitung": tr}),
                 SELISIH.value({"dilaporkan": real, "dihitung": result.total_realisasi}))


# -------------------------------------------------------------------- Bab IV


def write_rangkuman(book: Book, result: Result, layout: D.Layout, p: Plan) -> None:
    ws = book.sheet(p.names["rangkuman"])
    _title(book, ws, p.numbers["rangkuman"], f"Rincian Capaian Indikator Perjanjian Kinerja Tahun {p.tahun}", 8)
    r = _headers(book, ws, 2, ["Tujuan", "Indikator Tujuan", "Sasaran", "Indikator Sasaran",
                                (f"Kinerja Tahun {p.tahun}", ["Target", "Realisasi", "Capaian", "Kategori"])])
    setup_table_sheet(ws, (2, r - 1), [26, 24, 26, 32, 10, 10, 10, 15])
    shown = _Shown()
    for ind in result.indicators:
        _tujuan_sasaran_cells(book, ws, r, ind, shown)
        kind = _kind_for(ind)
        for c, (col, value, kd) in enumerate(((D.H_TARGET, ind.target, kind), (D.H_REAL, ind.realisasi, kind),
                                              (D.H_CAP, ind.capaian, "percent"), (D.H_KAT, ind.kategori, "text"))):
            book.formula(ws, r, 4 + c, _hitung(ind, layout, col), value, kind=kd)
        r += 1
