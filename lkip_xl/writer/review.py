"""Temuan (findings, with live selisih) and Data Dilaporkan (every claim against its computed figure)."""
from __future__ import annotations

import re

from lkip_xl.figures import SESUAI, SISA, TIDAK_SESUAI, Text, agrees, sama, selisih, status_is
from lkip_xl.findings import LABEL
from lkip_xl.model import ClaimJudgement, FigureKey, Finding, Num, Result
from lkip_xl.rules.rounding import claim_decimals
from lkip_xl.writer import layout as D
from lkip_xl.writer.book import Book, a1, excel_value, finite_or_none, quote_sheet, ref, setup_table_sheet
from lkip_xl.writer.tables import Plan

TEMUAN = "Temuan"
SUDAH, BELUM = "Sudah sesuai", "Belum sesuai"

# Fixed fills by severity (Excel's "Bad" / "Neutral" styles), and the live colours of a verdict.
RED = {"bg_color": "#FFC7CE", "font_color": "#9C0006"}
AMBER = {"bg_color": "#FFEB9C", "font_color": "#9C5700"}
GREEN = {"bg_color": "#C6EFCE", "font_color": "#006100"}
ROW_COLOURS: dict[str, dict[str, str]] = {"kesalahan": RED, "peringatan": AMBER, "info": {}}

# Temuan columns (0-based). Ringkasan counts the Tingkat column of rows FIRST_ROW onwards.
HEADER_ROW = 3
FIRST_ROW = 4
# What a reviewer reads on paper first, then (right of Status, outside the print area) what only serves on
# screen: the link into this workbook and the sheet that holds the computed figure.
(COL_NO, COL_KODE, COL_LABEL, COL_TINGKAT, COL_JUMLAH, COL_SEL, COL_PESAN, COL_DILAPORKAN, COL_DIHITUNG,
 COL_SELISIH, COL_STATUS, COL_LINK, COL_TABEL) = range(13)
TEMUAN_COLUMNS = [("No", 5), ("Kode", 21), ("Jenis temuan", 15), ("Tingkat", 10), ("Jumlah temuan", 8),
                  ("Sel input (berkas Anda)", 14), ("Pesan", 50), ("Dilaporkan", 14), ("Dihitung", 14),
                  ("Selisih", 12), ("Status", 13), ("Sel di workbook ini", 11), ("Angka hitung di workbook ini", 17)]
PRINTED = COL_STATUS + 1  # the columns printed (issue 19's readers: Temuan printed at about 6 pt)
LINK_TEXT = "Lihat di workbook"

# Data Dilaporkan columns (0-based)
(K_TABEL, K_DI_SINI, K_SUBJEK, K_UKURAN, K_STATED, K_COMPUTED, K_SELISIH, K_STATUS) = range(8)

PERCENT_FIGURES = ("capaian", "capaian_akhir", "serapan", "efisiensi")


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


def figure_sheet(book: Book, result: Result, plan: Plan, key: FigureKey | None) -> str | None:
    """The sheet of this workbook whose table shows the figure `key` first: an indicator's kinerja, the
    capaian table of its sasaran (or tujuan); its budget, the efisiensi table of its sasaran; budget
    nodes and the whole budget, Realisasi Anggaran; E and Nilai, the Efisiensi summary; belanja, Jenis
    Belanja. Without a table, the data sheet that holds the figure, or None."""
    roles = [role for role in _table_roles(result, plan, key) if role in plan.names] if key else []
    return plan.names[roles[0]] if roles else _data_sheet(book, key)


def claim_sheets(book: Book, result: Result, plan: Plan) -> list[str | None]:
    """For every Dilaporkan claim, the sheet of this workbook holding its figure, read as the draft's
    table: the claims citing one draft table (its Tabel, e.g. "Tabel 3.14") are shown together there,
    so the table here that shows all of them is named (the whole-office efisiensi table for a draft
    table of every indicator's pagu and efisiensi), and the one with the draft's own number if it is
    among them; a claim no common table shows gets the first table showing its figure."""
    klaim = result.data.dilaporkan
    figures = [(result.claims.get(i) or ClaimJudgement()).figure for i in range(len(klaim))]
    roles = [[r for r in _table_roles(result, plan, key) if r in plan.names] if key else [] for key in figures]
    common: dict[str, set[str]] = {}
    for k, own in zip(klaim, roles):
        if own:
            tabel = k.tabel.strip()
            common[tabel] = common[tabel] & set(own) if tabel in common else set(own)
    out: list[str | None] = []
    for k, own, key in zip(klaim, roles, figures):
        number = re.search(r"\d+(?:\.\d+)+", k.tabel or "")
        shared = common.get(k.tabel.strip(), set())
        chosen = (next((r for r in own if number and plan.numbers[r] == number.group(0)), None)
                  or next((r for r in own if r in shared), None) or (own[0] if own else None))
        out.append(plan.names[chosen] if chosen else _data_sheet(book, key))
    return out


def _data_sheet(book: Book, key: FigureKey | None) -> str | None:
    if key is None:
        return None
    where = book.figures.get(key) or (book.figures.get(key.of("realisasi")) if key.measure == "realisasi_anggaran"
                                      else None)
    return where[0] if where else None


def _table_roles(result: Result, plan: Plan, key: FigureKey) -> list[str]:
    """The Plan roles of the tables showing the figure `key`, the one a reader looks at first first."""
    measure = key.measure
    if key.subject == "node":
        return ["anggaran"]
    if key.subject == "total":
        return ["efisiensi"] if measure in ("efisiensi", "nilai") else ["anggaran"]
    if key.subject in ("belanja", "belanja_total"):
        return ["belanja"]
    if key.subject != "ind" or not isinstance(key.index, int) or not 0 <= key.index < len(result.indicators):
        return []
    ind = result.indicators[key.index]
    measure = {f"realisasi_{plan.tahun}": "realisasi", f"capaian_{plan.tahun}": "capaian"}.get(measure, measure)
    if ind.level == "tujuan":
        own, budget, summary = "tujuan", None, None
    else:
        k = _sasaran_of(plan).get(id(ind))
        if k is None:
            return []
        own, budget, summary = f"capaian{k}", f"efisiensi{k}", "efisiensi"
    roles = {"target": [own, budget, summary, "rangkuman"], "realisasi": [own, budget, summary, "rangkuman"],
             "capaian": [own, budget, summary, "rangkuman"], "kategori": [own, "rangkuman"],
             "target_akhir": [own], "capaian_akhir": [own], "serapan": [budget, own, summary],
             "pagu": [budget, summary], "realisasi_anggaran": [budget, summary], "sisa": [budget],
             "efisiensi": [budget, summary]}.get(measure)
    if roles is None and measure.startswith("realisasi_"):
        roles = [own]  # an earlier year's realisasi: a column of the capaian table
    return [r for r in roles or [] if r]


def _sasaran_of(plan: Plan) -> dict[int, int]:
    """id(indicator) -> the index of its sasaran group in the plan (computed once per plan)."""
    known = getattr(plan, "_sasaran_of", None)
    if known is None:
        known = {id(i): k for k, (_, inds) in enumerate(plan.sasaran) for i in inds}
        plan._sasaran_of = known
    return known


def number_format(kind: str | None, decimals: int | None, percent: bool) -> str:
    """Money as #,##0; a ratio with the claim's decimals (and a % sign for a percentage)."""
    if kind == "money":
        return "#,##0"
    d = min(decimals if decimals is not None else 2, 10)
    return "#,##0" + ("." + "0" * d if d else "") + ('"%"' if percent else "")


def input_cell_text(lembar: str | None, sel: str | None) -> str:
    """The input sheet and cell the user edits in their own file, as Excel names it: Realisasi!E27."""
    if not lembar:
        return sel or ""
    sheet = lembar if re.fullmatch(r"[^\W\d]\w*", lembar) and not re.fullmatch(r"[A-Za-z]{1,3}\d+", lembar) \
        else quote_sheet(lembar)
    return f"{sheet}!{sel}" if sel else lembar


def write_dilaporkan(book: Book, result: Result, plan: Plan) -> None:
    klaim = result.data.dilaporkan
    if not klaim:
        return
    ws = book.sheet(D.DILAPORKAN)
    tol = result.data.identitas.toleransi_rupiah
    ws.write_string(0, 0, "Angka yang dilaporkan dalam draf laporan, dibandingkan dengan hasil hitung (langsung).",
                    book.title_fmt())
    ws.write_string(1, 0, "Nomor tabel draf dapat berbeda dengan nomor tabel di workbook ini: kolom 'Tabel di "
                          "workbook ini' menyebut lembar yang memuat angkanya.", book.fmt(italic=True))
    header = ["Tabel (draf)", "Tabel di workbook ini", "Subjek", "Ukuran", "Nilai dilaporkan", "Hasil hitung",
              "Selisih", "Status"]
    for c, h in enumerate(header):
        ws.write_string(2, c, h, book.header_fmt())
        book.fit(ws, 2, c, h)
    setup_table_sheet(ws, (2, 2), [11, 22, 56, 16, 15, 15, 12, 13], freeze_col=K_SUBJEK + 1)
    sheets = claim_sheets(book, result, plan)
    for i, k in enumerate(klaim):
        r = 3 + i
        book.text(ws, r, K_TABEL, k.tabel)
        judged = result.claims.get(i) or ClaimJudgement()  # judged once, by the checks
        ws.write_string(r, K_DI_SINI, sheets[i] or "-",
                        book.cell_fmt("text"))
        book.text(ws, r, K_SUBJEK, k.subjek.value)
        book.remember_input(k.subjek.cell, D.DILAPORKAN, r, K_SUBJEK)
        book.text(ws, r, K_UKURAN, k.ukuran.value)
        book.remember_input(k.ukuran.cell, D.DILAPORKAN, r, K_UKURAN)
        stated = k.nilai
        computed = judged.computed
        numeric = k.measure is not None and k.measure != "Kategori"
        money = judged.kind == "money"
        if isinstance(stated, Num):
            kind = judged.kind
            decimals = None if money else claim_decimals(stated)
            cell = book.fmt(border=1, align="right", num_format=number_format(
                "money" if money else "ratio", decimals, judged.kind == "percent"))
            ws.write_number(r, K_STATED, stated.value, cell)
        else:
            kind = "text"
            book.text(ws, r, K_STATED, stated.value)
        book.remember_input(stated.cell, D.DILAPORKAN, r, K_STATED)
        f = figure_formula(book, judged.figure) if computed is not None else None
        if f is None:
            book.text(ws, r, K_COMPUTED, "-" if computed is None else "")
            book.text(ws, r, K_SELISIH, "")
            book.text(ws, r, K_STATUS, TIDAK_DINILAI if judged.unknown else "")
            continue
        if k.measure == "Kategori" or not isinstance(stated, Num) or not numeric:
            book.formula(ws, r, K_COMPUTED, f, computed, kind=kind if kind != "text" else "text")
            book.text(ws, r, K_SELISIH, "")
            if judged.unknown:
                book.text(ws, r, K_STATUS, TIDAK_DINILAI)
                continue
            stated_computed = {"dilaporkan": a1(r, K_STATED), "dihitung": a1(r, K_COMPUTED)}
            book.formula(ws, r, K_STATUS, sama().formula(stated_computed), SESUAI if judged.agrees else TIDAK_SESUAI,
                         kind="text")
            continue
        ws.write_formula(r, K_COMPUTED, "=" + f, cell, excel_value(computed))
        skind = "money" if money else "ratio"
        _selisih(ws, r, K_SELISIH, float(stated.value), float(computed), skind, decimals, cell)
        if judged.unknown:
            book.text(ws, r, K_STATUS, TIDAK_DINILAI)
            continue
        book.formula(ws, r, K_STATUS, agrees(skind, tol).formula({"selisih": a1(r, K_SELISIH)}),
                     SESUAI if judged.agrees else TIDAK_SESUAI, kind="text")
    last = 2 + len(klaim)
    ws.conditional_format(3, 0, last, K_STATUS, {
        "type": "formula", "criteria": "=" + status_is(TIDAK_SESUAI).formula({"sel": _fixed_column(3, K_STATUS)}),
        "format": _dxf(book, RED)})


# A claim on a figure that leaves out an amount that could not be read (§10.16) is not judged.
TIDAK_DINILAI = "Tidak dinilai"


def _selisih(ws, r: int, c: int, stated: float, computed: float, kind: str, decimals: int | None, fmt) -> float:
    """`figures.selisih` of the stated (c-2) and computed (c-1) cells at column c; returns its value."""
    fig = selisih(kind, decimals)
    value = fig.value({"dilaporkan": stated, "dihitung": computed})
    ws.write_formula(r, c, "=" + fig.formula({"dilaporkan": a1(r, c - 2), "dihitung": a1(r, c - 1)}), fmt,
                     excel_value(value))
    return value


MAX_TEMUAN_ROWS = 5000


def write_temuan(book: Book, result: Result, plan: Plan) -> None:
    ws = book.sheet(TEMUAN)
    findings = result.findings
    tol = result.data.identitas.toleransi_rupiah
    ncols = len(TEMUAN_COLUMNS)
    ws.merge_range(0, 0, 0, PRINTED - 1, f"Temuan pemeriksaan — {len(findings)} temuan "
                                       f"({_count(findings, 'kesalahan')} kesalahan, "
                                       f"{_count(findings, 'peringatan')} peringatan, {_count(findings, 'info')} "
                                       "info)", book.fmt(bold=True, font_size=11))
    note = ("Sel input: sel di berkas input Anda yang perlu diperiksa. 'Lihat di workbook' membuka salinan nilainya "
            "di workbook ini; 'Angka hitung di workbook ini' menyebut lembar yang memuat hasil hitungnya (nomor "
            "tabel draf dapat berbeda). Untuk temuan hitungan, Selisih dan Status dihitung ulang: perbaiki "
            "angkanya dan status berubah menjadi 'Sudah sesuai'.")
    ws.merge_range(1, 0, 1, PRINTED - 1, note, book.fmt(italic=True, text_wrap=True, valign="top"))
    ws.set_row(1, 26)
    for c, (h, _) in enumerate(TEMUAN_COLUMNS):
        ws.write_string(HEADER_ROW, c, h, book.header_fmt())
        book.fit(ws, HEADER_ROW, c, h)
    setup_table_sheet(ws, (HEADER_ROW, HEADER_ROW), [w for _, w in TEMUAN_COLUMNS], freeze_col=0)
    groups = cause_rows(findings)
    shown = groups[:MAX_TEMUAN_ROWS]
    listed = sum(len(g) for g in shown)
    # a claim's figure is named where Data Dilaporkan names it, found by the cell of its stated value
    of_claim = {(k.nilai.cell.sheet, k.nilai.cell.ref): sheet
                for k, sheet in zip(result.data.dilaporkan, claim_sheets(book, result, plan)) if k.nilai.cell}
    last = HEADER_ROW + max(len(shown), 1)
    ws.autofilter(HEADER_ROW, 0, last, ncols - 1)
    if listed < len(findings):
        # Tens of thousands of rows are no list a reviewer reads, and would take fill past its time
        # budget; the most serious come first, and check --json always has them all.
        ws.merge_range(FIRST_ROW + len(shown), 0, FIRST_ROW + len(shown), PRINTED - 1,
                       f"… dan {len(findings) - listed} temuan lain yang tidak dimuat di lembar ini "
                       "(urutan: kesalahan, peringatan, info); daftar lengkapnya ada di keluaran "
                       "'lkip-xl check <berkas input> --json'.", book.fmt(italic=True, bold=True))
    for i, group in enumerate(shown):
        r = FIRST_ROW + i
        f = group[0]  # the row shows the first finding of the cause; its cells and sentences list the rest
        extra = ROW_COLOURS[f.tingkat]
        text = book.fmt(border=1, text_wrap=True, **extra)
        whole = book.fmt(border=1, num_format="#,##0", align="right", **extra)
        ws.write_number(r, COL_NO, i + 1, whole)
        ws.write_string(r, COL_KODE, f.kode, text)
        ws.write_string(r, COL_LABEL, LABEL.get(f.kode, ""), text)
        ws.write_string(r, COL_TINGKAT, f.tingkat, text)
        ws.write_number(r, COL_JUMLAH, len(group), whole)
        ws.write_string(r, COL_SEL, cells_text(group), text)
        target = book.input_cells.get((f.lembar, f.sel)) if f.lembar and f.sel else None
        if target:
            sheet, tr, tc = target
            fill = {"bg_color": extra["bg_color"]} if extra else {}
            ws.write_url(r, COL_LINK, f"internal:{quote_sheet(sheet)}!{a1(tr, tc)}",
                         book.fmt(border=1, font_color="blue", underline=1, text_wrap=True, **fill),
                         string=LINK_TEXT)
        else:
            ws.write_blank(r, COL_LINK, None, text)
        ws.write_string(r, COL_TABEL, of_claim.get((f.lembar, f.sel)) or figure_sheet(book, result, plan, f.figure) or "",
                        text)
        book.text(ws, r, COL_PESAN, cause_text(group), fmt=text)
        _finding_numbers(book, ws, r, f, target, tol, extra)
    if shown:
        first, end = FIRST_ROW, FIRST_ROW + len(shown) - 1
        # A corrected row turns green as a whole (over its severity fill); a live Belum sesuai stays red.
        ws.conditional_format(first, 0, end, ncols - 1, {
            "type": "formula", "criteria": "=" + status_is(SUDAH).formula({"sel": _fixed_column(first, COL_STATUS)}),
            "format": _dxf(book, GREEN)})
        ws.conditional_format(first, COL_STATUS, end, COL_STATUS, {
            "type": "cell", "criteria": "==", "value": Text(BELUM).formula({}),
            "format": _dxf(book, {"bold": True, **RED})})
    # Printed: the columns up to Status, fitted to the page's width (the screen-only ones stay on screen)
    ws.print_area(0, 0, FIRST_ROW + len(shown) + (1 if listed < len(findings) else 0), PRINTED - 1)


def cause_rows(findings: list[Finding]) -> list[list[Finding]]:
    """The findings as Temuan rows: one row per cause (SPEC §6, Finding.kelompok), in order of the
    cause's first finding; a finding without a kelompok is a row of its own."""
    rows: list[list[Finding]] = []
    at: dict[int, list[Finding]] = {}
    for f in findings:
        if f.kelompok is None:
            rows.append([f])
            continue
        row = at.get(f.kelompok)
        if row is None:
            row = at[f.kelompok] = []
            rows.append(row)
        row.append(f)
    return rows


def cells_text(group: list[Finding]) -> str:
    """`Dilaporkan!D49, D84, D85`: every input cell of one cause, a sheet named once while it repeats."""
    out, sheet = [], None
    for f in group:
        out.append(f.sel or "" if f.lembar == sheet and f.sel else input_cell_text(f.lembar, f.sel))
        sheet = f.lembar
    return ", ".join(x for x in out if x)


def cause_text(group: list[Finding]) -> str:
    """The first finding's sentence, then where the same wrong figure (or what follows from it) recurs."""
    first, rest = group[0], group[1:]
    if not rest:
        return first.pesan
    also = "; ".join(f"{input_cell_text(f.lembar, f.sel)}: {f.pesan}" for f in rest)
    return f"{first.pesan} Penyebab yang sama juga tampak di {len(rest)} sel lain: {also}"


def _finding_numbers(book: Book, ws, r: int, f: Finding, target, tol: float, extra: dict) -> None:
    stated_ref = ref(*target) if target else None
    computed_ref = figure_formula(book, f.figure)
    dilaporkan, dihitung = finite_or_none(f.dilaporkan), finite_or_none(f.dihitung)
    percent = bool(f.figure) and f.figure.measure.startswith(PERCENT_FIGURES)
    live = (f.kind in ("money", "ratio") and stated_ref and computed_ref and isinstance(dilaporkan, (int, float))
            and isinstance(dihitung, (int, float)))
    if not live:
        for c, value in ((COL_DILAPORKAN, dilaporkan), (COL_DIHITUNG, dihitung)):
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                ws.write_number(r, c, value, book.fmt(border=1, num_format=static_format(f, value, percent),
                                                      **extra))
            else:
                book.text(ws, r, c, "" if value is None else str(value),
                          fmt=book.fmt(border=1, text_wrap=True, **extra))
        for c in (COL_SELISIH, COL_STATUS):
            ws.write_blank(r, c, None, book.fmt(border=1, **extra))
        return
    cell = book.fmt(border=1, num_format=number_format(f.kind, f.decimals, percent), **extra)
    ws.write_formula(r, COL_DILAPORKAN, "=" + stated_ref, cell, excel_value(dilaporkan))
    ws.write_formula(r, COL_DIHITUNG, "=" + computed_ref, cell, excel_value(dihitung))
    value = _selisih(ws, r, COL_SELISIH, float(dilaporkan), float(dihitung), f.kind, f.decimals, cell)
    status = agrees(f.kind, tol, SUDAH, BELUM)
    ws.write_formula(r, COL_STATUS, "=" + status.formula({"selisih": a1(r, COL_SELISIH)}),
                     book.fmt(border=1, bold=True, **extra), status.value({"selisih": value}))


def static_format(f: Finding, value: float, percent: bool) -> str:
    """A number a finding quotes without a live formula: money as #,##0, a ratio at its claim's decimals."""
    if f.kind == "money" or (f.kind is None and float(value).is_integer()):
        return "#,##0"
    if f.kind == "ratio":
        return number_format("ratio", f.decimals, percent)
    return "#,##0.00##"


def _dxf(book: Book, props: dict):
    """A conditional format (colours and weight only: Excel ignores a dxf's font name and size)."""
    key = ("dxf", *sorted(props.items()))
    if key not in book.formats:
        book.formats[key] = book.wb.add_format(dict(props))
    return book.formats[key]


def _fixed_column(row: int, col: int) -> str:
    """The cell (row, col) with its column fixed: $L4, read by a colour rule on every cell of its row."""
    return "$" + a1(row, col)


def _count(findings: list[Finding], tingkat: str) -> int:
    return sum(1 for f in findings if f.tingkat == tingkat)
