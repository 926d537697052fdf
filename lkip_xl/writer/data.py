"""The data sheets the formulas read, and the one sheet where every indicator figure is defined.

Leaf numbers from the input are constants here; every rollup, ratio and indicator figure is a
formula written next to them with the rules' value cached. The tables only refer to these cells.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from lkip_xl import figures
from lkip_xl.figures import (
    E, EFISIENSI_UNTUK_E, PER_JENIS, JUMLAH, KATEGORI, NILAI, PENDUKUNG, SERAPAN, SERAPAN_INDIKATOR, SISA, TARGET, TERTULIS,
)
from lkip_xl.model import AnggaranRow, BudgetNode, FigureKey, Indicator, Num, Result
from lkip_xl.rules.belanja import keys_of, sheet_leaves
from lkip_xl.rules.budget import listing
from lkip_xl.writer.book import Book, a1, ref, setup_table_sheet

ANGGARAN = "Data Anggaran"
KINERJA = "Data Kinerja"
KOMPONEN = "Data Komponen"
PEMETAAN = "Data Pemetaan"
BELANJA = "Data Belanja"
DILAPORKAN = "Data Dilaporkan"
HITUNG = "Perhitungan Kinerja"

LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan", "akun": "Akun"}


def _n(num: Num | None) -> float | None:
    return None if num is None else num.value


@dataclass
class Layout:
    """Where things landed, for the tables."""

    node_row: dict[int, int] = field(default_factory=dict)  # id(node) -> row in Data Anggaran
    node_index: dict[int, int] = field(default_factory=dict)  # id(node) -> index in result.nodes
    total_row: int = 0
    ind_row: dict[int, int] = field(default_factory=dict)  # id(indicator) -> row in Perhitungan/Data Kinerja
    ind_id: dict[int, str] = field(default_factory=dict)
    kinerja_cols: dict[tuple, int] = field(default_factory=dict)
    pemetaan_last: int | None = None  # last row of Data Pemetaan's supporting list, when written
    realisasi_years: list[int] = field(default_factory=list)
    e_cell: tuple[int, int] = (0, 0)
    nilai_cell: tuple[int, int] = (0, 0)
    belanja: "BelanjaData | None" = None


# Data Anggaran columns
C_LEVEL, C_KODE, C_NO, C_URAIAN, C_PAGU_DATA, C_REAL_DATA, C_PAGU, C_REAL, C_SISA, C_SERAPAN = range(10)
C_S_PAGU_DPA, C_S_REAL, C_S_PAGU_REAL, C_S_PERSEN, C_S_SISA, C_JENIS, C_KELOMPOK, C_SUMBER = range(10, 18)
C_URAIAN_REAL = 18


def write_anggaran(book: Book, result: Result, layout: Layout) -> None:
    ws = book.sheet(ANGGARAN)
    header = ["Level", "Kode", "No", "Uraian", "Pagu (data)", "Realisasi (data)", "Pagu", "Realisasi", "Sisa",
              "Serapan (%)", "Pagu tertulis di DPA", "Realisasi tertulis", "Pagu tertulis di Realisasi",
              "% tertulis", "Sisa tertulis", "Jenis belanja", "Kelompok belanja", "Sel input",
              "Uraian di lembar Realisasi (bila berbeda)"]
    ws.write_string(0, 0, "Data anggaran dan realisasi — angka rincian (kolom E dan F) dibaca oleh semua rumus; "
                          "ubah angka di sini dan seluruh tabel mengikuti.", book.title_fmt())
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [10, 18, 7, 48, 15, 15, 15, 15, 15, 9, 15, 15, 15, 9, 15, 9, 9, 20, 40],
                      freeze_col=4)
    rows = listing(result.nodes)
    layout.node_index = {id(n): i for i, n in enumerate(result.nodes)}
    first = 3
    for i, row in enumerate(rows):
        r = first + i
        a, b = r, first + row.last
        node = row.node
        if node is not None:
            _write_node_row(book, ws, r, row.depth, node, layout, result)
        else:
            _write_akun_row(book, ws, r, row)
        bold = node is not None and node.level != "sub_kegiatan"
        book.formula(ws, r, C_PAGU, JUMLAH.formula({"rincian": f"{a1(a, C_PAGU_DATA)}:{a1(b, C_PAGU_DATA)}"}),
                     row.pagu, bold=bold)
        book.formula(ws, r, C_REAL, JUMLAH.formula({"rincian": f"{a1(a, C_REAL_DATA)}:{a1(b, C_REAL_DATA)}"}),
                     row.realisasi, bold=bold)
        money = {"pagu": a1(r, C_PAGU), "realisasi": a1(r, C_REAL)}
        values = {"pagu": row.pagu, "realisasi": row.realisasi}
        book.formula(ws, r, C_SISA, SISA.formula(money), SISA.value(values))
        book.formula(ws, r, C_SERAPAN, SERAPAN.formula(money), SERAPAN.value(values), kind="percent")
        if node is not None:
            idx = layout.node_index[id(node)]
            for measure, col in (("pagu", C_PAGU), ("realisasi", C_REAL), ("sisa", C_SISA), ("serapan", C_SERAPAN)):
                book.remember_figure(FigureKey.node(idx, measure), ANGGARAN, r, col)
    last = first + len(rows) - 1
    total = last + 1
    layout.total_row = total
    book.text(ws, total, C_URAIAN, "Total", bold=True)
    for c in (C_LEVEL, C_KODE, C_NO, C_PAGU_DATA, C_REAL_DATA):
        ws.write_blank(total, c, None, book.cell_fmt("text"))
    end = max(last, first)
    book.formula(ws, total, C_PAGU, JUMLAH.formula({"rincian": f"{a1(first, C_PAGU_DATA)}:{a1(end, C_PAGU_DATA)}"}),
                 result.total_pagu, bold=True)
    book.formula(ws, total, C_REAL, JUMLAH.formula({"rincian": f"{a1(first, C_REAL_DATA)}:{a1(end, C_REAL_DATA)}"}),
                 result.total_realisasi, bold=True)
    money = {"pagu": a1(total, C_PAGU), "realisasi": a1(total, C_REAL)}
    book.formula(ws, total, C_SISA, SISA.formula(money), result.total_sisa, bold=True)
    book.formula(ws, total, C_SERAPAN, SERAPAN.formula(money), result.total_serapan, kind="percent", bold=True)
    for measure, col in (("pagu", C_PAGU), ("realisasi", C_REAL), ("sisa", C_SISA), ("serapan", C_SERAPAN)):
        book.remember_figure(FigureKey.total(measure), ANGGARAN, total, col)
    issues = result.budget_issues
    for row in issues.dpa_totals + issues.realisasi_totals:
        col = C_S_PAGU_DPA if row in issues.dpa_totals else C_S_REAL
        if row.amount is not None:
            book.number(ws, total, col, row.amount.value)
            book.remember_input(row.amount.cell, ANGGARAN, total, col)
        for num, c in ((row.pagu, C_S_PAGU_REAL), (row.persen, C_S_PERSEN), (row.sisa, C_S_SISA)):
            if num is not None:
                book.number(ws, total, c, num.value, "decimal" if c == C_S_PERSEN else "money")
                book.remember_input(num.cell, ANGGARAN, total, c)
        book.remember_input(row.label_cell, ANGGARAN, total, C_URAIAN)
    # rows the rollups leave out (no DPA row, repeated codes): shown, never summed
    left_out = [row for row in issues.unmatched_realisasi] + [row for row, _ in issues.duplicates]
    if left_out:
        r = total + 2
        ws.write_string(r, 0, "Baris yang tidak dihitung (lihat lembar Temuan):", book.title_fmt())
        for row in left_out:
            r += 1
            book.text(ws, r, C_LEVEL, LEVEL_LABEL.get(row.level, row.level))
            book.text(ws, r, C_KODE, row.kode)
            book.text(ws, r, C_NO, row.nomor)
            book.text(ws, r, C_URAIAN, row.uraian.value if row.uraian else "")
            col = C_S_PAGU_DPA if row.sheet == result.data.sheet_names.get("dpa") else C_S_REAL
            if row.amount is not None:
                book.number(ws, r, col, row.amount.value)
                book.remember_input(row.amount.cell, ANGGARAN, r, col)
            book.remember_input(row.label_cell, ANGGARAN, r, C_URAIAN)
            book.text(ws, r, C_SUMBER, f"{row.sheet}!{row.label_cell.ref}")


def _write_node_row(book: Book, ws, r: int, depth: int, node: BudgetNode, layout: Layout, result: Result) -> None:
    layout.node_row[id(node)] = r
    bold = node.level != "sub_kegiatan"
    book.text(ws, r, C_LEVEL, LEVEL_LABEL[node.level], bold=bold)
    book.text(ws, r, C_KODE, node.kode, bold=bold)
    book.text(ws, r, C_NO, node.nomor, bold=bold)
    book.text(ws, r, C_URAIAN, node.uraian, bold=bold, indent=depth)
    book.remember_input(node.row.label_cell, ANGGARAN, r, C_URAIAN)
    sources = [f"{node.row.sheet}!{node.row.label_cell.ref}"]
    leaf_pagu = node.is_leaf and not node.akun
    leaf_real = node.is_leaf and not node.real_akun
    _amount(book, ws, r, node.row.amount, leaf_pagu, C_PAGU_DATA, C_S_PAGU_DPA)
    real = node.real_row
    if real is not None:
        sources.append(f"{real.sheet}!{real.label_cell.ref}")
        if any(row is real for _node, row in result.budget_issues.name_mismatch):
            # a NAME_MISMATCH links here: show the name as the Realisasi sheet writes it
            book.text(ws, r, C_URAIAN_REAL, real.uraian.value)
            book.remember_input(real.label_cell, ANGGARAN, r, C_URAIAN_REAL)
        else:
            book.remember_input(real.label_cell, ANGGARAN, r, C_URAIAN)
        _amount(book, ws, r, real.amount, leaf_real, C_REAL_DATA, C_S_REAL)
        for num, c in ((real.pagu, C_S_PAGU_REAL), (real.persen, C_S_PERSEN), (real.sisa, C_S_SISA)):
            if num is not None:
                book.number(ws, r, c, num.value, "decimal" if c == C_S_PERSEN else "money")
                book.remember_input(num.cell, ANGGARAN, r, c)
    else:
        ws.write_blank(r, C_REAL_DATA, None, book.cell_fmt("money"))
    book.text(ws, r, C_SUMBER, "; ".join(sources))


def _write_akun_row(book: Book, ws, r: int, row: AnggaranRow) -> None:
    dpa, real = row.dpa, row.real
    book.text(ws, r, C_LEVEL, "Akun")
    book.text(ws, r, C_KODE, row.kode)
    uraian = (dpa.row.uraian if dpa and dpa.row.uraian else real.row.uraian if real and real.row.uraian else None)
    book.text(ws, r, C_URAIAN, uraian.value if uraian else "", indent=row.depth)
    book.text(ws, r, C_JENIS, row.jenis)
    book.text(ws, r, C_KELOMPOK, row.kelompok)
    sources = []
    for line, data_col, stated_col in ((dpa, C_PAGU_DATA, C_S_PAGU_DPA), (real, C_REAL_DATA, C_S_REAL)):
        if line is None:
            ws.write_blank(r, data_col, None, book.cell_fmt("money"))
            continue
        sources.append(f"{line.row.sheet}!{line.row.label_cell.ref}")
        book.remember_input(line.row.label_cell, ANGGARAN, r, C_URAIAN)
        _amount(book, ws, r, line.row.amount, line.leaf, data_col, stated_col)
    book.text(ws, r, C_SUMBER, "; ".join(sources))


def _amount(book: Book, ws, r: int, amount: Num | None, leaf: bool, data_col: int, stated_col: int) -> None:
    """A leaf amount is data the rollups sum; any other stated amount is a claim, kept aside."""
    if leaf:
        book.number(ws, r, data_col, amount.value if amount else None)
        if amount is not None:
            book.remember_input(amount.cell, ANGGARAN, r, data_col)
        return
    ws.write_blank(r, data_col, None, book.cell_fmt("money"))
    if amount is not None:
        book.number(ws, r, stated_col, amount.value)
        book.remember_input(amount.cell, ANGGARAN, r, stated_col)


# ------------------------------------------------------------------- kinerja


def indicator_ids(result: Result, layout: Layout) -> None:
    for i, ind in enumerate(result.indicators):
        layout.ind_id[id(ind)] = f"I{i + 1:02d}"


def write_kinerja(book: Book, result: Result, layout: Layout) -> None:
    ws = book.sheet(KINERJA)
    inds = result.indicators
    tahun = result.data.identitas.tahun
    target_years = sorted({y for i in inds for y in i.row.targets})
    real_years = sorted({y for i in inds for y in i.row.realisasi} | {y for i in inds for y in i.komponen})
    layout.realisasi_years = [y for y in real_years if y <= tahun]
    cap_years = sorted({y for i in inds for y in i.row.capaian})
    has_pk = any(i.row.target_pk is not None for i in inds)
    cols: list[tuple[str, tuple]] = [("ID", ("id",)), ("Level", ("level",)), ("Tujuan", ("tujuan",)),
                                     ("Sasaran", ("sasaran",)), ("Indikator", ("indikator",)),
                                     ("Satuan", ("satuan",)), ("Polaritas", ("polaritas",))]
    cols += [(f"Target {y}", ("target", y)) for y in target_years]
    cols += [(f"Realisasi {y} (tertulis)", ("realisasi", y)) for y in sorted({y for i in inds for y in i.row.realisasi})]
    if has_pk:
        cols.append(("Target PK", ("target_pk",)))
    cols += [(f"Capaian {y} (tertulis)", ("capaian", y)) for y in cap_years]
    cols += [("Kategori (tertulis)", ("kategori",)), ("Kab/Kota Lain", ("kab_kota_lain",)),
             ("RPJMD Provinsi", ("rpjmd_provinsi",)), ("RPJMN", ("rpjmn",))]
    ws.write_string(0, 0, "Data indikator kinerja (Renstra, PK, realisasi) — dibaca oleh lembar "
                          f"{HITUNG}.", book.title_fmt())
    for c, (label, key) in enumerate(cols):
        ws.write_string(2, c, label, book.header_fmt())
        layout.kinerja_cols[key] = c
    widths = [5, 9, 30, 30, 40, 9, 9] + [10] * (len(cols) - 7)
    setup_table_sheet(ws, (2, 2), widths, freeze_col=5)
    for i, ind in enumerate(inds):
        r = 3 + i
        layout.ind_row[id(ind)] = r
        row = ind.row
        book.text(ws, r, 0, layout.ind_id[id(ind)])
        book.text(ws, r, 1, row.level.capitalize())
        book.text(ws, r, 2, row.tujuan.value if row.tujuan else "")
        book.text(ws, r, 3, row.sasaran.value if row.sasaran else "")
        book.text(ws, r, 4, row.indikator.value)
        book.remember_input(row.indikator.cell, KINERJA, r, 4)
        book.text(ws, r, 5, row.satuan.value if row.satuan else "")
        if row.satuan:
            book.remember_input(row.satuan.cell, KINERJA, r, 5)
        book.text(ws, r, 6, row.polaritas.capitalize())
        for (label, key) in cols[7:]:
            c = layout.kinerja_cols[key]
            value = _kinerja_value(row, key)
            if isinstance(value, Num):
                book.number(ws, r, c, value.value, "decimal")
                book.remember_input(value.cell, KINERJA, r, c)
            elif value is not None:
                book.text(ws, r, c, value.value)
                book.remember_input(value.cell, KINERJA, r, c)
            else:
                ws.write_blank(r, c, None, book.cell_fmt("text"))


def _kinerja_value(row, key: tuple):
    name = key[0]
    if name == "target":
        return row.targets.get(key[1])
    if name == "realisasi":
        return row.realisasi.get(key[1])
    if name == "capaian":
        return row.capaian.get(key[1])
    if name == "target_pk":
        return row.target_pk
    if name == "kategori":
        return row.kategori
    return row.benchmarks.get(name)


def write_komponen(book: Book, result: Result, layout: Layout) -> dict[tuple[int, int], dict[str, str]]:
    """Data Komponen; returns (id(indicator), year) -> the addresses `figures.komponen` sums over."""
    where: dict[tuple[int, int], dict[str, str]] = {}
    rows = result.data.komponen
    if not rows:
        return where
    ws = book.sheet(KOMPONEN)
    ws.write_string(0, 0, "Komponen realisasi indikator (misalnya IKM per semester).", book.title_fmt())
    for c, h in enumerate(["ID", "Indikator", "Tahun", "Komponen", "Nilai", "Metode"]):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [5, 48, 7, 18, 10, 11])
    r = 3
    for k, found in zip(rows, result.kinerja_issues.komponen_join):
        # a row naming no indicator is shown, never summed ("?")
        for iid in [layout.ind_id[id(ind)] for ind in found] or ["?"]:
            book.text(ws, r, 0, iid)
            book.text(ws, r, 1, k.indikator.value)
            book.remember_input(k.indikator.cell, KOMPONEN, r, 1)
            book.number(ws, r, 2, k.tahun, "center")
            book.text(ws, r, 3, k.komponen.value if k.komponen else "")
            book.number(ws, r, 4, k.nilai.value, "decimal")
            if found:
                book.remember_input(k.nilai.cell, KOMPONEN, r, 4)
            book.text(ws, r, 5, k.metode)
            r += 1
    last = max(r - 1, 3)
    rng = {c: f"{ref(KOMPONEN, 3, c)}:{ref(KOMPONEN, last, c)}" for c in range(6)}
    for ind in result.indicators:
        for year in ind.komponen_metode:
            where[(id(ind), year)] = {"nilai": rng[4], "metode": rng[5],
                                      "kriteria": f'{rng[0]},"{layout.ind_id[id(ind)]}",{rng[2]},{year}'}
    return where


def write_pemetaan(book: Book, result: Result, layout: Layout) -> None:
    """The distinct supporting sub kegiatan of each indicator, with their live pagu and realisasi."""
    mapped = [i for i in result.indicators if i.supports]
    if result.data.pemetaan is None:
        return
    ws = book.sheet(PEMETAAN)
    ws.write_string(0, 0, "Anggaran pendukung per indikator (sub kegiatan yang berbeda, dari lembar Pemetaan).",
                    book.title_fmt())
    for c, h in enumerate(["ID", "Indikator", "Kode", "No", "Sub Kegiatan", "Pagu", "Realisasi"]):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [5, 40, 18, 7, 48, 15, 15])
    r = 3
    for ind in mapped:
        for node in ind.supports:
            nr = layout.node_row[id(node)]
            book.text(ws, r, 0, layout.ind_id[id(ind)])
            book.text(ws, r, 1, ind.nama)
            book.text(ws, r, 2, node.kode)
            book.text(ws, r, 3, node.nomor)
            book.text(ws, r, 4, node.uraian)
            book.formula(ws, r, 5, ref(ANGGARAN, nr, C_PAGU), node.pagu)
            book.formula(ws, r, 6, ref(ANGGARAN, nr, C_REAL), node.realisasi)
            r += 1
    layout.pemetaan_last = max(r - 1, 3)
    r += 1
    ws.write_string(r, 0, "Baris lembar Pemetaan seperti diisi:", book.title_fmt())
    r += 1
    for c, h in enumerate(["", "Indikator", "Kode", "No"]):
        ws.write_string(r, c, h, book.header_fmt())
    for p in result.data.pemetaan:
        r += 1
        book.text(ws, r, 1, p.indikator.value)
        book.remember_input(p.indikator.cell, PEMETAAN, r, 1)
        book.text(ws, r, 2, p.kode)
        book.text(ws, r, 3, p.nomor)
        book.remember_input(p.cell, PEMETAAN, r, 2 if p.kode else 3)


# --------------------------------------------------------------- Perhitungan

H_ID, H_IND, H_LEVEL, H_TARGET, H_REAL, H_CAP, H_KAT, H_TAKHIR, H_CAKHIR, H_PAGU, H_RA, H_SERAPAN, H_EFF, H_E = range(14)


def write_perhitungan(book: Book, result: Result, layout: Layout, komponen: dict) -> None:
    """One row per indicator: target, realisasi, capaian, kategori, budget, efisiensi — live."""
    ws = book.sheet(HITUNG)
    ident = result.data.identitas
    tahun = ident.tahun
    earlier = [y for y in layout.realisasi_years if y < tahun]
    extra = []
    for y in earlier:
        extra += [(f"Realisasi {y}", ("real", y)), (f"Capaian {y}", ("cap", y))]
    header = ["ID", "Indikator", "Level", f"Target {tahun}", f"Realisasi {tahun}", f"Capaian {tahun} (%)",
              "Kategori", "Target Akhir Renstra", "Capaian thd Akhir Renstra (%)", "Pagu", "Realisasi Anggaran",
              "Serapan (%)", "Efisiensi (%)", "Efisiensi untuk E"] + [h for h, _ in extra]
    ws.write_string(0, 0, "Perhitungan indikator kinerja — satu definisi setiap angka; tabel LKIP merujuk ke sini.",
                    book.title_fmt())
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [5, 40, 8, 10, 10, 10, 15, 10, 10, 15, 15, 9, 9, 9] + [10] * len(extra),
                      freeze_col=2)
    extra_col = {key: H_E + 1 + k for k, (_, key) in enumerate(extra)}
    # the kategori scale, live: lower bounds and names
    scale_row = 3 + len(result.indicators) + 6
    ws.write_string(scale_row - 1, 0, "Skala kategori (batas bawah capaian %)", book.title_fmt())
    for k, (bound, name) in enumerate(result.skala):
        rr = scale_row + k
        if bound == float("-inf"):
            book.text(ws, rr, 1, name)
            ws.write_string(rr, 2, "di bawahnya", book.cell_fmt("text"))
        else:
            book.number(ws, rr, 0, bound, "decimal")
            book.text(ws, rr, 1, name)
    skala = {"batas": [ref(HITUNG, scale_row + k, 0) for k in range(len(result.skala))],
             "nama": [ref(HITUNG, scale_row + k, 1) for k in range(len(result.skala))]}
    kc = layout.kinerja_cols
    capaian, efisiensi = figures.capaian(ident.rumus_polaritas_negatif), figures.efisiensi(ident.rumus_efisiensi)
    for ind in result.indicators:
        r = layout.ind_row[id(ind)]
        row = ind.row
        iid = layout.ind_id[id(ind)]
        book.text(ws, r, H_ID, iid)
        book.text(ws, r, H_IND, ind.nama)
        book.text(ws, r, H_LEVEL, ind.level.capitalize())
        # target: PK when given, else the Renstra target of the report year
        target = {}
        if ("target_pk",) in kc:
            target["target_pk"] = ref(KINERJA, r, kc[("target_pk",)])
        if ("target", tahun) in kc:
            target["target_renstra"] = ref(KINERJA, r, kc[("target", tahun)])
        book.formula(ws, r, H_TARGET, TARGET.formula(target), ind.target, kind="decimal")
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], "target"), HITUNG, r, H_TARGET)
        # realisasi of the report year (Komponen wins over a stated value)
        book.formula(ws, r, H_REAL, _realisasi_formula(ind, kc, r, tahun, komponen), ind.realisasi, kind="decimal")
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], "realisasi"), HITUNG, r, H_REAL)
        pol = f"{ref(KINERJA, r, 6)}"
        t, rl = a1(r, H_TARGET), a1(r, H_REAL)
        book.formula(ws, r, H_CAP, capaian.formula({"target": t, "realisasi": rl, "polaritas": pol}), ind.capaian,
                     kind="percent")
        book.formula(ws, r, H_KAT, KATEGORI.formula({"capaian": a1(r, H_CAP), **skala}), ind.kategori, kind="text")
        end_ref = ref(KINERJA, r, kc[("target", ind.tahun_akhir)]) if ("target", ind.tahun_akhir) in kc else None
        book.formula(ws, r, H_TAKHIR, TERTULIS.formula({"tertulis": end_ref} if end_ref else {}), ind.target_akhir,
                     kind="decimal")
        book.formula(ws, r, H_CAKHIR, capaian.formula({"target": a1(r, H_TAKHIR), "realisasi": rl, "polaritas": pol}),
                     ind.capaian_akhir, kind="percent")
        # budget: mapped sub kegiatan, or the whole budget for a tujuan without rows
        if ind.supports is not None and layout.pemetaan_last is not None:
            last = layout.pemetaan_last
            which = f'{ref(PEMETAAN, 3, 0)}:{ref(PEMETAAN, last, 0)},"{iid}"'
            pf = PENDUKUNG.formula({"nilai": f"{ref(PEMETAAN, 3, 5)}:{ref(PEMETAAN, last, 5)}", "kriteria": which})
            rf = PENDUKUNG.formula({"nilai": f"{ref(PEMETAAN, 3, 6)}:{ref(PEMETAAN, last, 6)}", "kriteria": which})
        elif ind.whole_budget:
            pf, rf = ref(ANGGARAN, layout.total_row, C_PAGU), ref(ANGGARAN, layout.total_row, C_REAL)
        else:
            pf = rf = '"-"'
        book.formula(ws, r, H_PAGU, pf, ind.pagu)
        book.formula(ws, r, H_RA, rf, ind.realisasi_anggaran)
        p, ra = a1(r, H_PAGU), a1(r, H_RA)
        book.formula(ws, r, H_SERAPAN, SERAPAN_INDIKATOR.formula({"pagu": p, "realisasi": ra}),
                     ind.serapan, kind="percent")
        book.formula(ws, r, H_EFF, efisiensi.formula({"capaian": a1(r, H_CAP), "serapan": a1(r, H_SERAPAN)}),
                     ind.efisiensi, kind="percent")
        book.formula(ws, r, H_E, EFISIENSI_UNTUK_E.formula({"level": a1(r, H_LEVEL), "efisiensi": a1(r, H_EFF),
                                                            "pagu": p}),
                     EFISIENSI_UNTUK_E.value({"level": ind.level, "efisiensi": ind.efisiensi, "pagu": ind.pagu}),
                     kind="percent")
        for measure, col in (("capaian", H_CAP), ("kategori", H_KAT), ("target_akhir", H_TAKHIR),
                             ("capaian_akhir", H_CAKHIR), ("pagu", H_PAGU), ("realisasi_anggaran", H_RA),
                             ("serapan", H_SERAPAN), ("efisiensi", H_EFF)):
            book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], measure), HITUNG, r, col)
        for y in earlier:
            cr, cc = extra_col[("real", y)], extra_col[("cap", y)]
            book.formula(ws, r, cr, _realisasi_formula(ind, kc, r, y, komponen), ind.realisasi_by_year.get(y),
                         kind="decimal")
            ty = {"tertulis": ref(KINERJA, r, kc[("target", y)])} if ("target", y) in kc else {}
            capf = capaian.formula({"target": TERTULIS.formula(ty), "realisasi": a1(r, cr), "polaritas": pol})
            book.formula(ws, r, cc, capf, ind.capaian_by_year.get(y), kind="percent")
            book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"realisasi_{y}"), HITUNG, r, cr)
            book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"capaian_{y}"), HITUNG, r, cc)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"realisasi_{tahun}"), HITUNG, r, H_REAL)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"capaian_{tahun}"), HITUNG, r, H_CAP)
    first = 3
    last = 3 + max(len(result.indicators) - 1, 0)
    er = last + 2
    book.text(ws, er, H_IND, "Rata-rata efisiensi indikator sasaran (E)", bold=True)
    book.formula(ws, er, H_EFF, E.formula({"efisiensi_sasaran": f"{a1(first, H_E)}:{a1(last, H_E)}"}),
                 result.efisiensi_rata_rata, kind="percent", bold=True)
    book.text(ws, er + 1, H_IND, "Nilai Efisiensi = 50 + (E / 20) × 50, E dibatasi −20 s.d. 20", bold=True)
    e = a1(er, H_EFF)
    book.formula(ws, er + 1, H_EFF, NILAI.formula({"e": e}),
                 result.nilai_efisiensi, kind="decimal", bold=True)
    layout.e_cell, layout.nilai_cell = (er, H_EFF), (er + 1, H_EFF)
    book.remember_figure(FigureKey.total("efisiensi"), HITUNG, er, H_EFF)
    book.remember_figure(FigureKey.total("nilai"), HITUNG, er + 1, H_EFF)


def _idx(result: Result, ind: Indicator) -> int:
    return result.indicators.index(ind)


def _realisasi_formula(ind: Indicator, kc: dict, r: int, year: int, komponen: dict) -> str:
    """`figures.realisasi`: from Data Komponen when the rules built it so, else the stated value."""
    addr = dict(komponen.get((id(ind), year), {}))
    if ("realisasi", year) in kc:
        addr["tertulis"] = ref(KINERJA, r, kc[("realisasi", year)])
    return figures.realisasi(ind.komponen_metode.get(year)).formula(addr)


# ------------------------------------------------------------------- belanja


@dataclass
class BelanjaData:
    """Where the leaf amounts the jenis belanja sums read are: sheet, rows and columns."""

    sheet: str
    first: int
    last: int
    jenis: int
    kelompok: int
    pagu: int
    realisasi: int

    def range(self, col: int) -> str:
        return f"{ref(self.sheet, self.first, col)}:{ref(self.sheet, self.last, col)}"


def write_belanja_data(book: Book, result: Result, layout: Layout) -> None:
    """Jenis belanja sums: from akun rows of Data Anggaran, or from a Data Belanja sheet."""
    if not result.belanja:
        return
    if result.belanja_source == "akun":
        layout.belanja = BelanjaData(ANGGARAN, 3, layout.total_row - 1, C_JENIS, C_KELOMPOK, C_PAGU_DATA, C_REAL_DATA)
        return
    ws = book.sheet(BELANJA)
    ws.write_string(0, 0, "Data belanja per jenis (dari lembar Belanja input).", book.title_fmt())
    header = ["Kode", "Uraian", "Jenis", "Kelompok", "Pagu (data)", "Realisasi (data)",
              "Pagu tertulis", "Realisasi tertulis", "% tertulis"]
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [18, 40, 9, 9, 15, 15, 15, 15, 9])
    rows = result.data.belanja or []
    first = r = 3
    for row, is_leaf in zip(rows, sheet_leaves(rows)):
        book.text(ws, r, 0, row.kode or "")
        book.text(ws, r, 1, row.uraian.value if row.uraian else "")
        book.remember_input(row.label_cell, BELANJA, r, 1)
        jenis, kelompok = keys_of(row.kode) if is_leaf else ("", "")
        book.text(ws, r, 2, jenis)
        book.text(ws, r, 3, kelompok)
        for num, data_col, stated_col in ((row.pagu, 4, 6), (row.realisasi, 5, 7)):
            col = data_col if is_leaf else stated_col
            book.number(ws, r, col, _n(num))
            if num is not None:
                book.remember_input(num.cell, BELANJA, r, col)
        if row.persen is not None:
            book.number(ws, r, 8, row.persen.value, "decimal")
            book.remember_input(row.persen.cell, BELANJA, r, 8)
        r += 1
    layout.belanja = BelanjaData(BELANJA, first, max(r - 1, first), 2, 3, 4, 5)


def belanja_formula(layout: Layout, kode: str, measure: str) -> str:
    """`figures.PER_JENIS`: the leaf amounts whose jenis (kelompok) equals `kode` (plain text equality)."""
    b = layout.belanja
    key_col = b.kelompok if kode.count(".") == 1 else b.jenis
    return PER_JENIS.formula({"keys": b.range(key_col), "kode": kode,
                            "values": b.range(b.pagu if measure == "pagu" else b.realisasi)})
