"""Temuan (findings, with live selisih) and Data Dilaporkan (every claim against its computed figure)."""
from __future__ import annotations

from lkip_xl.figures import SESUAI, SISA, TIDAK_SESUAI, agrees, selisih
from lkip_xl.model import ClaimJudgement, FigureKey, Finding, Num, Result
from lkip_xl.rules.rounding import claim_decimals
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, a1, excel_value, finite_or_none, quote_sheet, ref, setup_table_sheet

TEMUAN = "Temuan"
ROW_COLOURS = {"kesalahan": "#F8CBAD", "peringatan": "#FFE699", "info": None}


def figure_formula(book: Book, key: FigureKey | None) -> str | None:
    """A formula giving the computed figure `key`, or None when the workbook has no cell for it."""
    if not key:
        return None
    found = book.figure_ref(key)
    if found:
        return found
    if key.measure == "realisasi_anggaran":
        return book.figure_ref(key.of("realisasi"))
    if key.subject == "ind" and key.measure == "sisa":
        pagu, ra = book.figure_ref(key.of("pagu")), book.figure_ref(key.of("realisasi_anggaran"))
        if pagu and ra:
            return SISA.formula({"pagu": pagu, "realisasi": ra})
    return None


def _selisih(ws, book: Book, r: int, stated: float, computed: float, kind: str, decimals: int | None,
             cell_kind: str | None = None, fmt=None) -> float:
    """Column F/I: `figures.selisih` of the stated (col-2) and computed (col-1) cells; returns its value."""
    c = 5 if fmt is None else 8
    fig = selisih(kind, decimals)
    value = fig.value({"dilaporkan": stated, "dihitung": computed})
    formula = fig.formula({"dilaporkan": a1(r, c - 2), "dihitung": a1(r, c - 1)})
    if fmt is None:
        book.formula(ws, r, c, formula, value, kind=cell_kind or "decimal")
    else:
        ws.write_formula(r, c, "=" + formula, fmt, excel_value(value))
    return value


def write_dilaporkan(book: Book, result: Result) -> None:
    klaim = result.data.dilaporkan
    if not klaim:
        return
    ws = book.sheet(D.DILAPORKAN)
    tol = result.data.identitas.toleransi_rupiah
    ws.write_string(0, 0, "Angka yang dilaporkan dalam draf laporan, dibandingkan dengan hasil hitung (langsung).",
                    book.title_fmt())
    header = ["Tabel", "Subjek", "Ukuran", "Nilai dilaporkan", "Hasil hitung", "Selisih", "Status"]
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
    setup_table_sheet(ws, (2, 2), [12, 46, 18, 15, 15, 12, 14], freeze_col=3)
    for i, k in enumerate(klaim):
        r = 3 + i
        book.text(ws, r, 0, k.tabel)
        book.text(ws, r, 1, k.subjek.value)
        book.remember_input(k.subjek.cell, D.DILAPORKAN, r, 1)
        book.text(ws, r, 2, k.ukuran.value)
        book.remember_input(k.ukuran.cell, D.DILAPORKAN, r, 2)
        stated = k.nilai
        judged = result.claims.get(i) or ClaimJudgement()  # judged once, by the checks
        computed = judged.computed
        numeric = k.measure is not None and k.measure != "Kategori"
        if isinstance(stated, Num):
            kind = judged.kind
            book.number(ws, r, 3, stated.value, kind)
        else:
            kind = "text"
            book.text(ws, r, 3, stated.value)
        book.remember_input(stated.cell, D.DILAPORKAN, r, 3)
        f = figure_formula(book, judged.figure) if computed is not None else None
        if f is None:
            book.text(ws, r, 4, "-" if computed is None else "")
            for c in (5, 6):
                book.text(ws, r, c, "")
            continue
        book.formula(ws, r, 4, f, computed, kind=kind if kind != "text" else "text")
        if k.measure == "Kategori" or not isinstance(stated, Num) or not numeric:
            same = judged.agrees
            book.text(ws, r, 5, "")
            book.formula(ws, r, 6, f'IF({a1(r, 3)}={a1(r, 4)},"{SESUAI}","{TIDAK_SESUAI}")',
                         SESUAI if same else TIDAK_SESUAI, kind="text")
            continue
        money = judged.kind == "money"
        skind = "money" if money else "ratio"
        _selisih(ws, book, r, stated.value, float(computed), skind, None if money else claim_decimals(stated),
                 "money" if money else "decimal")
        book.formula(ws, r, 6, agrees(skind, tol).formula({"selisih": a1(r, 5)}),
                     SESUAI if judged.agrees else TIDAK_SESUAI, kind="text")


MAX_TEMUAN_ROWS = 5000


def write_temuan(book: Book, result: Result) -> None:
    ws = book.sheet(TEMUAN)
    findings = result.findings
    tol = result.data.identitas.toleransi_rupiah
    ws.merge_range(0, 0, 0, 9, f"Temuan pemeriksaan — {len(findings)} temuan "
                                f"({_count(findings, 'kesalahan')} kesalahan, {_count(findings, 'peringatan')} "
                                f"peringatan, {_count(findings, 'info')} info)", book.fmt(bold=True, font_size=11))
    ws.write_string(1, 0, "Sel menunjuk ke data di workbook ini (klik untuk membuka). Untuk temuan hitungan, "
                          "kolom Selisih dan Status dihitung ulang: perbaiki angkanya dan status berubah menjadi "
                          "'Sudah sesuai'.", book.fmt(italic=True))
    header = ["No", "Kode", "Tingkat", "Lembar input", "Sel input", "Pesan", "Dilaporkan", "Dihitung", "Selisih",
              "Status"]
    for c, h in enumerate(header):
        ws.write_string(3, c, h, book.header_fmt())
    setup_table_sheet(ws, (3, 3), [5, 24, 11, 12, 10, 66, 15, 15, 13, 16], freeze_col=0)
    shown = findings[:MAX_TEMUAN_ROWS]
    ws.autofilter(3, 0, 3 + max(len(shown), 1), 9)
    if len(shown) < len(findings):
        # Tens of thousands of rows are no list a reviewer reads, and would take fill past its time
        # budget; the most serious come first, and check --json always has them all.
        ws.merge_range(4 + len(shown), 0, 4 + len(shown), 9,
                       f"… dan {len(findings) - len(shown)} temuan lain yang tidak dimuat di lembar ini "
                       "(urutan: kesalahan, peringatan, info); daftar lengkapnya ada di keluaran "
                       "'lkip-xl check <berkas input> --json'.", book.fmt(italic=True, bold=True))
    for i, f in enumerate(shown):
        r = 4 + i
        colour = ROW_COLOURS[f.tingkat]
        extra = {"bg_color": colour} if colour else {}
        text = book.fmt(border=1, text_wrap=True, **extra)
        ws.write_number(r, 0, i + 1, book.fmt(border=1, num_format="#,##0", align="right", **extra))
        ws.write_string(r, 1, f.kode, text)
        ws.write_string(r, 2, f.tingkat, text)
        ws.write_string(r, 3, f.lembar or "", text)
        target = book.input_cells.get((f.lembar, f.sel)) if f.lembar and f.sel else None
        if target:
            sheet, tr, tc = target
            ws.write_url(r, 4, f"internal:{quote_sheet(sheet)}!{a1(tr, tc)}",
                         book.fmt(border=1, font_color="blue", underline=1, **extra), string=f.sel)
        else:
            ws.write_string(r, 4, f.sel or "", text)
        book.text(ws, r, 5, f.pesan, fmt=text)
        _finding_numbers(book, ws, r, f, target, tol, extra)


def _finding_numbers(book: Book, ws, r: int, f: Finding, target, tol: float, extra: dict) -> None:
    stated_ref = ref(*target) if target else None
    computed_ref = figure_formula(book, f.figure)
    dilaporkan, dihitung = finite_or_none(f.dilaporkan), finite_or_none(f.dihitung)
    live = (f.kind in ("money", "ratio") and stated_ref and computed_ref and isinstance(dilaporkan, (int, float))
            and isinstance(dihitung, (int, float)))
    if not live:
        for c, value in ((6, dilaporkan), (7, dihitung)):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, c, value, book.fmt(border=1, num_format=book_num_format(f, value), **extra))
            else:
                book.text(ws, r, c, "" if value is None else str(value), fmt=book.fmt(border=1, text_wrap=True, **extra))
        for c in (8, 9):
            ws.write_blank(r, c, None, book.fmt(border=1, **extra))
        return
    num_fmt = "#,##0" if f.kind == "money" else "0.00"
    cell = book.fmt(border=1, num_format=num_fmt, **extra)
    ws.write_formula(r, 6, "=" + stated_ref, cell, excel_value(dilaporkan))
    ws.write_formula(r, 7, "=" + computed_ref, book.fmt(border=1, num_format="#,##0.####" if f.kind == "money"
                                                         else "0.00##", **extra), excel_value(dihitung))
    value = _selisih(ws, book, r, float(dilaporkan), float(dihitung), f.kind, f.decimals, fmt=cell)
    status = agrees(f.kind, tol, "Sudah sesuai", "Belum sesuai")
    ws.write_formula(r, 9, "=" + status.formula({"selisih": a1(r, 8)}), book.fmt(border=1, bold=True, **extra),
                     status.value({"selisih": value}))


def book_num_format(f: Finding, value: float) -> str:
    return "#,##0" if float(value).is_integer() else "#,##0.00##"


def _count(findings: list[Finding], tingkat: str) -> int:
    return sum(1 for f in findings if f.tingkat == tingkat)
