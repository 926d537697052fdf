"""Data Anggaran: the budget rows depth first, leaf amounts as data and every rollup as a SUM over its span."""
from __future__ import annotations

from lkip_xl.figures import JUMLAH, SERAPAN, SISA
from lkip_xl.model import AnggaranRow, BudgetNode, FigureKey, Num, Result
from lkip_xl.rules.budget import listing
from lkip_xl.writer.book import Book, a1, setup_table_sheet
from lkip_xl.writer.layout import (
    ANGGARAN, C_JENIS, C_KELOMPOK, C_KODE, C_LEVEL, C_NO, C_PAGU, C_PAGU_DATA, C_REAL, C_REAL_DATA, C_S_PAGU_DPA,
    C_S_PAGU_REAL, C_S_PERSEN, C_S_REAL, C_S_SISA, C_SERAPAN, C_SISA, C_SUMBER, C_URAIAN, C_URAIAN_REAL, LEVEL_LABEL,
    Layout,
)


def write_anggaran(book: Book, result: Result, layout: Layout) -> None:
    ws = book.sheet(ANGGARAN)
    header = ["Level", "Kode", "No", "Uraian", "Pagu (data)", "Realisasi (data)", "Pagu", "Realisasi", "Sisa",
              "Serapan (%)", "Pagu tertulis di DPA", "Realisasi tertulis", "Pagu tertulis di Realisasi",
              "% tertulis", "Sisa tertulis", "Jenis belanja", "Kelompok belanja", "Sel input",
              "Uraian di lembar Realisasi (bila berbeda)"]
    ws.write_string(0, 0, "Data anggaran dan realisasi — angka rincian (kolom E dan F) dibaca oleh semua rumus; "
                          "ubah angka di sini dan seluruh tabel mengikuti.", book.title_fmt())
    book.legend(ws)
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
    book.flag_sisa(ws, first, total, C_SISA)
    book.flag_serapan(ws, first, total, C_SERAPAN)
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
            book.number(ws, total, col, row.amount.value, role="claim")
            book.remember_input(row.amount.cell, ANGGARAN, total, col)
        for num, c in ((row.pagu, C_S_PAGU_REAL), (row.persen, C_S_PERSEN), (row.sisa, C_S_SISA)):
            if num is not None:
                book.number(ws, total, c, num.value, "decimal" if c == C_S_PERSEN else "money", role="claim")
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
                book.number(ws, r, col, row.amount.value, role="claim")
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
                book.number(ws, r, c, num.value, "decimal" if c == C_S_PERSEN else "money", role="claim")
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
        book.number(ws, r, data_col, amount.value if amount else None, role="input")
        if amount is not None:
            book.remember_input(amount.cell, ANGGARAN, r, data_col)
        return
    ws.write_blank(r, data_col, None, book.cell_fmt("money"))
    if amount is not None:
        book.number(ws, r, stated_col, amount.value, role="claim")
        book.remember_input(amount.cell, ANGGARAN, r, stated_col)


