"""Data Anggaran: the budget rows depth first, leaf amounts as data and every rollup as a SUM over its span."""
from __future__ import annotations

from lkip_xl.figures import JUMLAH, SERAPAN, SISA
from lkip_xl.model import AnggaranRow, BudgetNode, FigureKey, Num, Result
from lkip_xl.rules.budget import iter_listing
from xlsxwriter.utility import xl_col_to_name
from lkip_xl.writer.book import RISKY_FIRST, Book, a1, excel_value, finite_or_none, setup_table_sheet
from lkip_xl.writer.stream import formula_body, inline_body, number_body
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
    setup_table_sheet(ws, (2, 2), [10, 18, 7, 48, 15, 15, 15, 15, 15, 9, 15, 15, 15, 9, 15, 9, 9, 28, 40],
                      freeze_col=4)
    rows = iter_listing(result.nodes)  # one row at a time: a kabupaten's 100k are never all held
    layout.node_index = {id(n): i for i, n in enumerate(result.nodes)}
    first = 3
    sheet, ws = ws, book.stream(ws, first)  # the rows below the header: written in order, straight to XML
    # the figures' formulas rendered once; per row only the addresses go in
    jumlah, sisa, serapan = JUMLAH.template("rincian"), SISA.template("pagu", "realisasi"), \
        SERAPAN.template("pagu", "realisasi")
    pd, rd, p, q = (xl_col_to_name(c) for c in (C_PAGU_DATA, C_REAL_DATA, C_PAGU, C_REAL))
    figure_cols = (("pagu", C_PAGU), ("realisasi", C_REAL), ("sisa", C_SISA), ("serapan", C_SERAPAN))
    akun_rows = _AkunRows(book, ws, jumlah, sisa, serapan, {(f.lembar, f.sel) for f in result.findings})
    written = 0
    for i, row in enumerate(rows):
        r, written = first + i, i + 1
        node = row.node
        if node is None:
            akun_rows.write(r, row)
            continue
        a, b = r + 1, first + row.last + 1  # 1-based rows of the span
        _write_node_row(book, ws, r, row.depth, node, layout, result)
        bold = node.level != "sub_kegiatan"
        book.formula(ws, r, C_PAGU, jumlah(f"{pd}{a}:{pd}{b}"), row.pagu, bold=bold)
        book.formula(ws, r, C_REAL, jumlah(f"{rd}{a}:{rd}{b}"), row.realisasi, bold=bold)
        values = {"pagu": row.pagu, "realisasi": row.realisasi}
        book.formula(ws, r, C_SISA, sisa(f"{p}{a}", f"{q}{a}"), SISA.value(values))
        book.formula(ws, r, C_SERAPAN, serapan(f"{p}{a}", f"{q}{a}"), SERAPAN.value(values), kind="percent")
        idx = layout.node_index[id(node)]
        for measure, col in figure_cols:
            book.remember_figure(FigureKey.node(idx, measure), ANGGARAN, r, col)
    last = first + written - 1
    total = last + 1
    layout.total_row = total
    book.flag_sisa(sheet, first, total, C_SISA)
    book.flag_serapan(sheet, first, total, C_SERAPAN)
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


class _AkunRows:
    """The akun rows (100k on a kabupaten's rincian) written whole, straight as XML: the cells, formats
    and row heights the Book's text/number/formula calls give (formats resolved once, formulas from
    the figures' templates), without a call per cell."""

    def __init__(self, book: Book, stream, jumlah, sisa, serapan, wanted: set[tuple[str | None, str | None]]):
        self.book, self.stream = book, stream
        self.jumlah, self.sisa, self.serapan = jumlah, sisa, serapan
        self.widths = stream.lkip_widths
        self.letters = stream.ref_letters(C_SUMBER + 1)
        xf = stream.xf
        self.text_xf = {(indent, risky): xf(book.cell_fmt("text", False, indent, risky))
                        for indent in (0,) for risky in (False, True)}
        self.money, self.percent = xf(book.cell_fmt("money")), xf(book.cell_fmt("percent"))
        self.input, self.claim = xf(book.cell_fmt("money", role="input")), xf(book.cell_fmt("money", role="claim"))
        self.string = stream.string_index
        self.plain = self.text_xf[(0, False)]
        self.code_rooms = {col: book.text_room(self.widths, col) for col in (C_KODE, C_JENIS, C_KELOMPOK)}
        self.rooms: dict[tuple[int, int], int] = {}  # (col, indent) -> characters of one line
        self.inputs = book.input_cells
        # Where an input cell landed matters to the findings that name it (Temuan's links) only: a
        # kabupaten's 200k rincian cells are not all remembered.
        self.wanted = wanted

    def _text(self, cells: list[str], col: int, n: int, value: str, indent: int = 0, inline: bool = False) -> float:
        """As Book.text: a string cell (a blank one for ""), its format by indent and a risky first
        character; returns the height it needs (0 for one line). `inline`: text unique to the row (the
        source cells) is written in the cell, not kept in the shared strings."""
        key = (indent, value[:1] in RISKY_FIRST)
        xf = self.text_xf.get(key)
        if xf is None:
            xf = self.text_xf[key] = self.stream.xf(self.book.cell_fmt("text", False, *key))
        if not value:
            cells.append(f'<c r="{self.letters[col]}{n}"{xf}/>')
            return 0.0
        body = inline_body(xf, value) if inline else None
        cells.append(f'<c r="{self.letters[col]}{n}"' + (body or f'{xf} t="s"><v>{self.string(value)}</v></c>'))
        room = self.rooms.get(key := (col, indent))
        if room is None:
            room = self.rooms[key] = self.book.text_room(self.widths, col, indent)
        if len(value) <= room and "\n" not in value:
            return 0.0
        return self.book.text_height(self.widths, col, value, indent) or 0.0

    def _code(self, cells: list[str], col: int, n: int, value: str) -> float:
        """_text for a code or a code's group ("5.1.02"): a digit first, so never risky; at indent 0."""
        if not value or value[0] in RISKY_FIRST:
            return self._text(cells, col, n, value)
        cells.append(f'<c r="{self.letters[col]}{n}"{self.plain} t="s"><v>{self.string(value)}</v></c>')
        if len(value) <= self.code_rooms[col]:
            return 0.0
        return self.book.text_height(self.widths, col, value) or 0.0

    def write(self, r: int, row: AnggaranRow) -> None:
        n, L = r + 1, self.letters
        cells = [f'<c r="{L[C_LEVEL]}{n}"{self.plain} t="s"><v>{self.string("Akun")}</v></c>']
        dpa, real = row.dpa, row.real
        text = self._text
        height = self._code(cells, C_KODE, n, row.kode)
        uraian = (dpa.row.uraian if dpa and dpa.row.uraian else real.row.uraian if real and real.row.uraian else None)
        height = max(height, text(cells, C_URAIAN, n, uraian.value if uraian else "", row.depth))
        stated: list[tuple[int, float]] = []
        sources = []
        for line, data_col, stated_col in ((dpa, C_PAGU_DATA, C_S_PAGU_DPA), (real, C_REAL_DATA, C_S_REAL)):
            if line is None:
                cells.append(f'<c r="{L[data_col]}{n}"{self.money}/>')
                continue
            label = line.row.label_cell
            sources.append(f"{line.row.sheet}!{label.ref}")
            if (key := (label.sheet, label.ref)) in self.wanted:
                self.inputs[key] = (ANGGARAN, r, C_URAIAN)
            amount = line.row.amount
            value = None if amount is None else finite_or_none(amount.value)
            if line.leaf:  # a leaf amount is data the rollups sum (as _amount)
                cells.append(f'<c r="{L[data_col]}{n}"' + (f"{self.input}/>" if value is None
                                                          else number_body(self.input, value)))
                if amount is not None and (key := (amount.cell.sheet, amount.cell.ref)) in self.wanted:
                    self.inputs[key] = (ANGGARAN, r, data_col)
            else:  # any other stated amount is a claim, kept aside
                cells.append(f'<c r="{L[data_col]}{n}"{self.money}/>')
                if amount is not None:
                    stated.append((stated_col, value))
                    if (key := (amount.cell.sheet, amount.cell.ref)) in self.wanted:
                        self.inputs[key] = (ANGGARAN, r, stated_col)
        last = self.stream.first + row.last + 1  # 1-based last row of the span
        values = {"pagu": row.pagu, "realisasi": row.realisasi}
        cells.append(f'<c r="{L[C_PAGU]}{n}"' + formula_body(
            self.money, self.jumlah(f"{L[C_PAGU_DATA]}{n}:{L[C_PAGU_DATA]}{last}"), excel_value(row.pagu)))
        cells.append(f'<c r="{L[C_REAL]}{n}"' + formula_body(
            self.money, self.jumlah(f"{L[C_REAL_DATA]}{n}:{L[C_REAL_DATA]}{last}"), excel_value(row.realisasi)))
        p, q = f"{L[C_PAGU]}{n}", f"{L[C_REAL]}{n}"
        cells.append(f'<c r="{L[C_SISA]}{n}"' + formula_body(self.money, self.sisa(p, q),
                                                              excel_value(SISA.value(values))))
        cells.append(f'<c r="{L[C_SERAPAN]}{n}"' + formula_body(self.percent, self.serapan(p, q),
                                                                 excel_value(SERAPAN.value(values))))
        for col, value in stated:
            cells.append(f'<c r="{L[col]}{n}"' + (f"{self.claim}/>" if value is None
                                                  else number_body(self.claim, value)))
        height = max(height, self._code(cells, C_JENIS, n, row.jenis or ""),
                     self._code(cells, C_KELOMPOK, n, row.kelompok or ""),
                     text(cells, C_SUMBER, n, "; ".join(sources), inline=True))
        self.stream.put_row(r, "".join(cells), C_SUMBER, height)


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


