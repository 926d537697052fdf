"""Perhitungan Kinerja: one row per indicator where each of its figures is defined once, live."""
from __future__ import annotations

from lkip_xl import figures
from lkip_xl.figures import (
    E, EFISIENSI_UNTUK_E, KATEGORI, NILAI, NILAI_TEXT, NOTHING, PENDUKUNG, SERAPAN_INDIKATOR, TARGET, TERTULIS,
)
from lkip_xl.model import FigureKey, Indicator, Result
from lkip_xl.writer import units
from lkip_xl.writer.book import Book, a1, ref, setup_table_sheet
from lkip_xl.writer.layout import (
    ANGGARAN, C_PAGU, C_REAL, DATA_FIRST, H_CAKHIR, H_CAP, H_E, H_EFF, H_ID, H_IND, H_KAT, H_LEVEL, H_PAGU, H_RA,
    H_REAL, H_SERAPAN, H_TAKHIR, H_TARGET, HITUNG, K_POLARITAS, KINERJA, P_ID, P_PAGU, P_REAL, S_BATAS,
    S_BAWAH, S_NAMA, Layout,
)


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
    scale_row = DATA_FIRST + len(result.indicators) + 6
    ws.write_string(scale_row - 1, 0, "Skala kategori (batas bawah capaian %)", book.title_fmt())
    for k, (bound, name) in enumerate(result.skala):
        rr = scale_row + k
        if bound == float("-inf"):
            book.text(ws, rr, S_NAMA, name)
            ws.write_string(rr, S_BAWAH, "di bawahnya", book.cell_fmt("text"))
        else:
            book.number(ws, rr, S_BATAS, bound, "decimal")
            book.text(ws, rr, S_NAMA, name)
    skala = {"batas": [ref(HITUNG, scale_row + k, S_BATAS) for k in range(len(result.skala))],
             "nama": [ref(HITUNG, scale_row + k, S_NAMA) for k in range(len(result.skala))]}
    layout.skala_nama = skala["nama"]
    kc = layout.kinerja_cols
    capaian, efisiensi = figures.capaian(ident.rumus_polaritas_negatif), figures.efisiensi(ident.rumus_efisiensi)
    for ind in result.indicators:
        r = layout.ind_row[id(ind)]
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
        kind = units.kind_of(ind)
        book.formula(ws, r, H_TARGET, TARGET.formula(target), ind.target, kind=kind)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], "target"), HITUNG, r, H_TARGET)
        # realisasi of the report year (Komponen wins over a stated value)
        book.formula(ws, r, H_REAL, _realisasi_formula(ind, kc, r, tahun, komponen), ind.realisasi, kind=kind)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], "realisasi"), HITUNG, r, H_REAL)
        pol = ref(KINERJA, r, K_POLARITAS)
        t, rl = a1(r, H_TARGET), a1(r, H_REAL)
        book.formula(ws, r, H_CAP, capaian.formula({"target": t, "realisasi": rl, "polaritas": pol}), ind.capaian,
                     kind="percent")
        book.formula(ws, r, H_KAT, KATEGORI.formula({"capaian": a1(r, H_CAP), **skala}), ind.kategori, kind="text")
        end_ref = ref(KINERJA, r, kc[("target", ind.tahun_akhir)]) if ("target", ind.tahun_akhir) in kc else None
        book.formula(ws, r, H_TAKHIR, TERTULIS.formula({"tertulis": end_ref} if end_ref else {}), ind.target_akhir,
                     kind=kind)
        book.formula(ws, r, H_CAKHIR, capaian.formula({"target": a1(r, H_TAKHIR), "realisasi": rl, "polaritas": pol}),
                     ind.capaian_akhir, kind="percent")
        # budget: mapped sub kegiatan, or the whole budget for a tujuan without rows
        if ind.supports is not None and layout.pemetaan_last is not None:
            which = ((layout.pemetaan_range(P_ID), iid),)
            pf = PENDUKUNG.formula({"nilai": layout.pemetaan_range(P_PAGU), "kriteria": which})
            rf = PENDUKUNG.formula({"nilai": layout.pemetaan_range(P_REAL), "kriteria": which})
        elif ind.whole_budget:
            pf, rf = ref(ANGGARAN, layout.total_row, C_PAGU), ref(ANGGARAN, layout.total_row, C_REAL)
        else:
            pf = rf = NOTHING.formula({})
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
                         kind=kind)
            ty = {"tertulis": ref(KINERJA, r, kc[("target", y)])} if ("target", y) in kc else {}
            capf = capaian.formula({"target": TERTULIS.formula(ty), "realisasi": a1(r, cr), "polaritas": pol})
            book.formula(ws, r, cc, capf, ind.capaian_by_year.get(y), kind="percent")
            book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"realisasi_{y}"), HITUNG, r, cr)
            book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"capaian_{y}"), HITUNG, r, cc)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"realisasi_{tahun}"), HITUNG, r, H_REAL)
        book.remember_figure(FigureKey.ind(result.positions().ind[id(ind)], f"capaian_{tahun}"), HITUNG, r, H_CAP)
    first = DATA_FIRST  # the indicators' rows are those of Data Kinerja
    last = first + max(len(result.indicators) - 1, 0)
    if result.indicators:
        book.kategori_colours(ws, first, last, H_KAT, layout.skala_nama)
        book.flag_serapan(ws, first, last, H_SERAPAN)
    er = last + 2
    book.text(ws, er, H_IND, "Rata-rata efisiensi indikator sasaran (E)", bold=True)
    book.formula(ws, er, H_EFF, E.formula({"efisiensi_sasaran": f"{a1(first, H_E)}:{a1(last, H_E)}"}),
                 result.efisiensi_rata_rata, kind="percent", bold=True)
    book.text(ws, er + 1, H_IND, NILAI_TEXT, bold=True)
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


