"""The LKIP tables (Bab II–IV of the report), each on its own sheet, as formulas over the data sheets.

One module per family of tables: `rencana` (Bab II), `capaian` (capaian, pendukung), `efisiensi`,
`anggaran` (realisasi anggaran, jenis belanja) and `rangkuman` (Bab IV). A table declares its columns;
an indicator's figures are referred to by name (`layout.INDICATOR_FIGURES`), never recomputed.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl.model import BudgetNode, Indicator, Result, Target
from lkip_xl.rules.tabel import sasaran_groups, tabel_kosong
from lkip_xl.writer import layout as D
from lkip_xl.writer import units
from lkip_xl.writer.book import Book, ref


@dataclass
class Plan:
    """Sheet names and table numbers, decided before anything is written."""

    tahun: int
    sasaran: list[tuple[str, list[Indicator]]]
    names: dict[str, str]  # role -> sheet name
    numbers: dict[str, str]  # role -> table number
    skpd: str = ""
    periode: tuple[int, int] | None = None

    def judul(self, before: str, after: str = "") -> str:
        """A title as the LKIP writes it: `before`, the SKPD's name (left out when unknown), `after`."""
        return " ".join(x for x in (before, self.skpd, after) if x)

    def periode_text(self) -> str:
        return f"Periode {self.periode[0]}–{self.periode[1]}" if self.periode else ""


def plan(result: Result) -> Plan:
    groups = sasaran_groups(result)
    names: dict[str, str] = {}
    numbers: dict[str, str] = {}
    left_out = {role for kosong in tabel_kosong(result) for role in kosong.roles}
    count: dict[str, int] = {}

    def add(role: str, number: str, title: str) -> None:
        """The table `role` in `number`'s chapter, numbered after the tables kept before it: a table the
        input leaves empty is left out and the numbers after it close up (SPEC §12)."""
        if role in left_out:
            return
        bab = number.split(".")[0]
        count[bab] = count.get(bab, 0) + 1
        numbers[role] = number = f"{bab}.{count[bab]}"
        names[role] = f"{number} {title}"[:31]

    data = result.data
    if data.pegawai:  # Bab I (SPEC §12): only when the Pegawai sheet has rows
        add("pegawai", "1.1", "Jumlah Pegawai")
        add("nominatif", "1.2", "Nominatif Pegawai")
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
    n += 2
    if result.belanja:
        add("belanja", f"3.{n}", "Jenis Belanja")
        n += 1
    # Bab III's closing lists (SPEC §12); the seed numbers only the penghargaan table
    if data.penghargaan:
        add("penghargaan", f"3.{n}", "Penghargaan")
    if data.inovasi:
        names["inovasi"] = "Inovasi"
    if data.tindak_lanjut:
        names["tindak_lanjut"] = "Tindak Lanjut LHE"
    add("rangkuman", "4.1", "Rangkuman PK")
    ident = result.data.identitas
    return Plan(ident.tahun, groups, names, numbers, " ".join(str(ident.skpd or "").split()), ident.periode)


_ANGKA = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan", "sepuluh", "sebelas"]


def terbilang(n: int) -> str:
    """Indonesian number words of 0 <= n < 1,000,000 (lower case): 12 -> 'dua belas', 101 -> 'seratus satu'."""
    if n < 12:
        return _ANGKA[n] or "nol"
    if n < 20:
        return f"{_ANGKA[n - 10]} belas"
    for unit, word, one in ((1000, "ribu", "seribu"), (100, "ratus", "seratus"), (10, "puluh", None)):
        if n >= unit:
            head, rest = divmod(n, unit)
            text = one if head == 1 and one else f"{terbilang(head)} {word}"
            return f"{text} {terbilang(rest)}" if rest else text
    raise ValueError(n)  # unreachable


def ordinal(n: int) -> str:
    """The ordinal word as a title writes it: 1 -> 'Pertama', 2 -> 'Kedua', 11 -> 'Kesebelas',
    12 -> 'Kedua Belas', 21 -> 'Kedua Puluh Satu', 100 -> 'Keseratus'."""
    if n == 1:
        return "Pertama"
    return " ".join(w.capitalize() for w in f"ke{terbilang(n)}".split(" "))


def title(book: Book, ws, number: str, text: str, ncols: int) -> None:
    """The table's title over its columns, wrapped (its row grows to the text at close)."""
    text = f"Tabel {number} {text}"
    span = max(ncols, 2)
    ws.merge_range(0, 0, 0, span - 1, "", book.fmt(bold=True, font_size=11, text_wrap=True, valign="top"))
    ws.write_string(0, 0, text, book.fmt(bold=True, font_size=11, text_wrap=True, valign="top"))
    book.fit(ws, 0, 0, text, span=span, bold=True, font_size=11)


def headers(book: Book, ws, row: int, spec: list) -> int:
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
                book.fit(ws, row + 1, c + k, sub, bold=True)
            c += len(subs)
        else:
            if two:
                ws.merge_range(row, c, row + 1, c, s, hf)
                book.fit(ws, row + 1, c, s[: max(0, len(s) - 12)], bold=True)
            else:
                ws.write_string(row, c, s, hf)
                book.fit(ws, row, c, s, bold=True)
            c += 1
    return row + (2 if two else 1)


def hitung(ind: Indicator, layout: D.Layout, col: int) -> str:
    return ref(D.HITUNG, layout.ind_row[id(ind)], col)


# ------------------------------------------------------------------- Bab II


@dataclass
class Shown:
    """The tujuan and sasaran already written above: a name is shown once per group."""

    tujuan: str | None = None
    sasaran: str | None = None


def tujuan_sasaran_cells(book: Book, ws, r: int, ind: Indicator, shown: Shown) -> None:
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


def kind_for(ind: Indicator) -> str:
    """How the indicator's own values show: its unit and its input's decimals (writer/units.py)."""
    return units.kind_of(ind)


def tree_order(result: Result) -> list[BudgetNode]:
    out: list[BudgetNode] = []

    def visit(n: BudgetNode) -> None:
        out.append(n)
        for c in n.children:
            visit(c)

    for n in result.nodes:
        if n.parent is None:
            visit(n)
    return out




def figure_cells(book: Book, ws, r: int, c: int, ind: Indicator, layout: D.Layout, measures: tuple[str, ...],
                 bold: bool = False, kind: str | None = None) -> int:
    """Cells c, c+1, … referring to the indicator's figures `measures` in Perhitungan Kinerja, each with
    its value cached and shown as the figure's kind (or the indicator's, or `kind`); returns the next column."""
    for measure in measures:
        written = written_target(ind, layout, measure)
        if written is not None:  # `≥ 83`, `80 - 85 %`: printed as the user wrote it (§10.12)
            book.formula(ws, r, c, written[0], written[1], kind="center", bold=bold)
        else:
            fig = D.INDICATOR_FIGURES[measure]
            book.formula(ws, r, c, hitung(ind, layout, fig.col), fig.value(ind),
                         kind=fig.kind or kind or kind_for(ind), bold=bold)
        c += 1
    return c


def written_target(ind: Indicator, layout: D.Layout, measure: str, year: int | None = None) -> tuple[str, str] | None:
    """(reference, text) of the Data Kinerja cell holding a target as written (`≥ 83`, `80 - 85 %`),
    when the target that `measure` shows ("target": the PK or report year's; "target_akhir": the last
    Renstra year's; "renstra": the year `year`'s) was written so; None for a plain number."""
    row = ind.row
    if measure == "target":
        value = ind.target_num
        key = ("tertulis", "target_pk") if value is not None and value is row.target_pk else \
            ("tertulis", "target", layout.tahun)
    elif measure in ("target_akhir", "renstra"):
        y = ind.tahun_akhir if measure == "target_akhir" else year
        value = row.targets.get(y) if y is not None else None
        key = ("tertulis", "target", y)
    else:
        return None
    if not isinstance(value, Target) or key not in layout.kinerja_cols:
        return None
    return ref(D.KINERJA, layout.ind_row[id(ind)], layout.kinerja_cols[key]), value.written
