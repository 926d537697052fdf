"""Analisis Capaian: Bab III of the LKIP written out, live (issue 9, item 7).

For every indicator (tujuan first, then each sasaran under its heading) one paragraph of Indonesian
sentences, one sentence per row, each sentence ONE formula over the figures of Perhitungan Kinerja
(and, for the supporting sub kegiatan, Data Anggaran): so a sentence changes when a number changes.
Each sentence is an expression of lkip_xl/figures.py (text, the locale-free number text of `Angka`,
IF over the figures' verdicts) over the cells it cites: the same declaration renders the formula and
gives the string Excel or LibreOffice computes from the values those cells cache, which the cell caches.

The seven analyses the LKE expects (PermenPANRB 88/2021 with the format of 53/2014):

1. realisasi against target, with capaian and kategori;
2. the trend against each earlier year with data (naik / turun, by how much);
3. capaian against the Renstra end target, and what remains;
4. the benchmark, when given (the input's text by reference to Data Kinerja, else as a string
   constant: shown, never evaluated);
5. efisiensi: serapan against capaian, efisien when efisiensi > 0 (the office's Rumus Efisiensi);
6. the supporting sub kegiatan with their pagu, realisasi and serapan;
7. the causes and solutions: an empty, marked input cell the office fills in itself.

A sentence whose inputs are missing reads sensibly: the whole sentence is
IF(<its numbers are numbers>, <sentence>, <"... belum tersedia.">), and its value takes the same branch.
Indicator values show the decimals of the indicator's input (the tables' rule),
percentages 2 decimals, Rupiah whole.
"""
from __future__ import annotations

import math
from typing import Any

from lkip_xl.figures import (
    DEFAULT_EFISIENSI, EFISIEN, KURANG_AKHIR, RUMUS_EFISIENSI, SERAPAN, TERCAPAI, Angka, Compare, Concat, Expr, If,
    NaikTurun, Ref, Text, all_numbers, perubahan, selisih_akhir, within_limits,
)
from lkip_xl.model import BudgetNode, FigureKey, Indicator, Result, Txt
from lkip_xl.teks import Teks
from lkip_xl.textfmt import angka
from lkip_xl.writer import layout as D
from lkip_xl.writer import units
from lkip_xl.writer.book import Book, ref, setup_table_sheet

SHEET = "Analisis Capaian"
INPUT_FILL = "#FFF2CC"  # a light input fill: the office writes here
HEADING_FILL = "#D9E1F2"
WIDTHS = [30, 95]  # column A the indicator, column B the paragraph
FIRST = 4  # first row of the paragraphs (0-based); the header is row 3
LINE_PT = 12.0  # one wrapped line of Arial 9, in points
FAKTOR_LINES = 5  # room to write the causes and solutions
# Supporting sub kegiatan named one by one in an indicator's analysis; a kabupaten indicator backed by
# 2,000 of them gets the first ones and a pointer to the tables (a paragraph nobody reads otherwise).
MAX_PENDUKUNG = 25
FAKTOR_LABEL = "Faktor penyebab keberhasilan/kegagalan dan solusi (diisi SKPD)"

BENCHMARK_LABEL = {"kab_kota_lain": "kabupaten/kota lain", "rpjmd_provinsi": "RPJMD Provinsi", "rpjmn": "RPJMN"}
# a benchmark cell saying there is none
NO_BENCHMARK = {"", "-", "--", "tidak ada", "belum ada", "tidak tersedia", "belum tersedia", "n/a", "na", "nihil"}
BELUM = "belum tersedia"
# the figures of Perhitungan Kinerja a paragraph cites, by the name its expressions use
CITED = {"nama": D.H_IND, "target": D.H_TARGET, "realisasi": D.H_REAL, "capaian": D.H_CAP, "kategori": D.H_KAT,
         "target_akhir": D.H_TAKHIR, "capaian_akhir": D.H_CAKHIR, "pagu": D.H_PAGU, "realisasi_anggaran": D.H_RA,
         "serapan": D.H_SERAPAN, "efisiensi": D.H_EFF}
TEXT_FIGURES = ("nama", "kategori")  # cited as the text the cell shows


# ----------------------------------------------------------------------------- sentence pieces


def is_number(x: object) -> bool:
    """What AND(ISNUMBER(x),NOT(ISLOGICAL(x))) says of a cell holding the cached value of `x`."""
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(float(x))


def kalimat(*parts: str | Expr) -> Expr:
    """Text and figures joined into one sentence (&); empty text is left out."""
    return Concat(tuple(Text(p) if isinstance(p, str) else p for p in parts if p != ""))


def jika(test: Expr, yes: str | Expr, no: str | Expr) -> Expr:
    """IF(test, yes, no), text given as str."""
    return If(test, Text(yes) if isinstance(yes, str) else yes, Text(no) if isinstance(no, str) else no)


def nilai(x: Expr, decimals: int, unit: str, kosong: str = BELUM) -> Expr:
    """An indicator value with its unit (`87,67 Indeks`, `100 %`), or `kosong` when it is no number."""
    return jika(all_numbers(x), kalimat(Angka(x, decimals), unit), kosong)


def persen(x: Expr, kosong: str = BELUM) -> Expr:
    """A percentage with 2 decimals and a space, as the tables show it: `100,02 %`."""
    return Angka(x, 2, suffix=" %", kosong=kosong)


def rupiah(x: Expr) -> Expr:
    """Whole rupiah: `Rp7.996.663.078`."""
    return Angka(x, 0, prefix="Rp")


def cell_value(x: Any) -> Any:
    """The value a figure's cell holds (book.excel_value): None and non-finite numbers show "-"."""
    return "-" if x is None or (isinstance(x, float) and not math.isfinite(x)) else x


def indicator_decimals(ind: Indicator) -> int:
    """Decimals of the indicator's values: the tables' rule (writer/units.py), so text and tables agree."""
    return units.decimals_of(ind)


def unit_of(ind: Indicator) -> str:
    """The satuan as the sentence writes it after a number: `%` -> " %", `Indeks` -> " Indeks"."""
    satuan = " ".join((ind.row.satuan.value if ind.row.satuan else "").split())
    if units.is_percent(satuan):  # "Persen" reads as the tables show it: "%" (and a change in poin)
        return " %"
    return "" if satuan in ("", "-") else " " + satuan


def _benchmarks(ind: Indicator) -> list[tuple[str, Txt]]:
    """(label, text) of the benchmarks given: a cell saying there is none is none."""
    out = []
    for key, label in BENCHMARK_LABEL.items():
        value = ind.row.benchmarks.get(key)
        if value is None:
            continue
        text = " ".join(str(value.value).split())
        if text.lower().rstrip(".") not in NO_BENCHMARK:
            out.append((label, value))
    return out


def rendered(sentence: Expr, addr: dict[str, str], env: dict[str, Any]) -> Teks:
    """The sentence's formula over the cells `addr` names and the text it gives for the values they
    cache (`env`); ValueError when Excel could not hold the formula."""
    return Teks(within_limits(sentence.formula(addr)), sentence.value(env))


# ----------------------------------------------------------------------------- one indicator


class Paragraph:
    """The sentences of one indicator, in order: a formula (Teks) or plain text (str)."""

    def __init__(self, book: Book, result: Result, layout: D.Layout, ind: Indicator) -> None:
        self.book, self.result, self.layout, self.ind = book, result, layout, ind
        self.index = result.positions().ind[id(ind)]
        self.row = layout.ind_row[id(ind)]
        self.tahun = result.data.identitas.tahun
        self.d = indicator_decimals(ind)
        self.unit = unit_of(ind)
        self.sentences: list[Teks | str] = []
        # the cells the sentences cite, and the values they cache
        self.addr = {name: ref(D.HITUNG, self.row, col) for name, col in CITED.items()}
        figure = D.INDICATOR_FIGURES
        self.env: dict[str, Any] = {name: cell_value(figure[name].value(ind)) for name in CITED
                                    if name in figure}
        self.env["nama"] = ind.nama
        self.env["kategori"] = str(cell_value(ind.kategori))

    def fig(self, measure: str) -> str | None:
        return self.book.figure_ref(FigureKey.ind(self.index, measure))

    def v(self, x: str | Expr) -> Expr:
        """An indicator value (a figure's name, or an expression) with its unit, or "belum tersedia"."""
        return nilai(Ref(x) if isinstance(x, str) else x, self.d, self.unit)

    def add(self, sentence: Expr) -> None:
        self.sentences.append(rendered(sentence, self.addr, self.env))

    def checked(self, build, *fallbacks) -> None:
        """The sentence `build(arg)` makes, for the first argument whose formula Excel can hold."""
        for arg in fallbacks:
            try:
                self.add(build(arg))
                return
            except ValueError:
                continue
        raise ValueError("sentence too long even in its shortest form")

    def build(self) -> list[Teks | str]:
        self.capaian()
        self.tren()
        self.renstra()
        self.pembanding()
        self.anggaran()
        self.pendukung()
        return self.sentences

    # 1. realisasi against target, capaian and kategori
    def capaian(self) -> None:
        tahun = self.tahun
        T, R, C = Ref("target"), Ref("realisasi"), Ref("capaian")

        def sentence(nama: Expr) -> Expr:
            yes = kalimat("Realisasi indikator ", nama, f" tahun {tahun} sebesar ", self.v("realisasi"),
                          " dari target ", self.v("target"), ", sehingga capaian kinerjanya ", persen(C),
                          " (kategori ", Ref("kategori"), ").")
            no = kalimat("Capaian indikator ", nama, f" tahun {tahun} belum dapat dihitung: target ",
                         self.v("target"), ", realisasi ", self.v("realisasi"), ".")
            return jika(all_numbers(T, R, C), yes, no)

        # the name by reference to Perhitungan Kinerja's cell: shown, never evaluated, no input text in the formula
        self.checked(sentence, Ref("nama"))

    # 2. against each earlier year with data
    def tren(self) -> None:
        ind, tahun = self.ind, self.tahun
        R, C = Ref("realisasi"), Ref("capaian")
        change_unit = " poin" if self.unit.strip() == "%" else self.unit
        for y in [y for y in self.layout.realisasi_years if y < tahun]:
            ry, cy = ind.realisasi_by_year.get(y), ind.capaian_by_year.get(y)
            Ry, Cy = self.fig(f"realisasi_{y}"), self.fig(f"capaian_{y}")
            if Ry is None or Cy is None or not is_number(ry):
                continue  # no data that year: nothing to compare with
            ry_name, cy_name = f"realisasi_{y}", f"capaian_{y}"
            self.addr.update({ry_name: Ry, cy_name: Cy})
            self.env.update({ry_name: cell_value(ry), cy_name: cell_value(cy)})
            cap = jika(all_numbers(C, Ref(cy_name)),
                       kalimat(", sedangkan capaiannya ", _perubahan(C, Ref(cy_name), 2, " poin", persen)), "")
            yes = kalimat(f"Dibandingkan tahun {y}, realisasi tahun {tahun} ",
                          _perubahan(R, Ref(ry_name), self.d, change_unit, self.v), cap, ".")
            no = f"Perbandingan dengan tahun {y} belum dapat dibuat karena realisasi tahun {tahun} belum tersedia."
            self.add(jika(all_numbers(R, Ref(ry_name)), yes, no))

    # 3. against the Renstra end target, and what remains
    def renstra(self) -> None:
        ind, tahun = self.ind, self.tahun
        R, TA, CA = Ref("realisasi"), Ref("target_akhir"), Ref("capaian_akhir")
        akhir = f"tahun {ind.tahun_akhir}" if ind.tahun_akhir else "periode ini"
        gap = Angka(selisih_akhir(self.d), self.d)
        gap_unit = " poin" if self.unit.strip() == "%" else self.unit
        rest = jika(TERCAPAI, "sehingga target akhir Renstra telah tercapai",
                    kalimat("sehingga realisasi masih perlu diturunkan ", gap, gap_unit,
                            " lagi untuk mencapai target akhir Renstra (indikator ini makin rendah makin baik)")
                    if ind.row.polaritas == "negatif" else
                    kalimat("sehingga masih diperlukan ", persen(KURANG_AKHIR), " lagi (selisih ", gap, gap_unit,
                            ") untuk mencapai target akhir Renstra"))
        yes = kalimat(f"Realisasi tahun {tahun} tersebut telah mencapai ", persen(CA),
                      f" dari target akhir Renstra {akhir} sebesar ", self.v("target_akhir"), ", ", rest, ".")
        no = (f"Capaian terhadap target akhir Renstra {akhir} belum dapat dihitung karena target akhir atau "
              f"realisasinya belum tersedia.")
        self.add(jika(all_numbers(R, TA, CA), yes, no))

    # 4. the benchmark, when given: the input's text as a string constant
    def pembanding(self) -> None:
        given = _benchmarks(self.ind)
        if not given:
            self.sentences.append("Data pembanding (kabupaten/kota lain, RPJMD Provinsi, RPJMN) untuk indikator "
                                  "ini belum tersedia.")
            return

        def sentence(limit: int | None) -> Expr:
            parts: list[str | Expr] = [f"Sebagai pembanding, realisasi tahun {self.tahun} sebesar ",
                                       self.v("realisasi"), " dibandingkan dengan "]
            for k, (label, txt) in enumerate(given):
                parts.append(("; " if k else "") + f"{label}: ")
                where = self.book.input_cells.get((txt.cell.sheet, txt.cell.ref))
                if where is not None:  # the cell the input text landed in: shown, never evaluated
                    name = f"pembanding_{k}"
                    self.addr[name], self.env[name] = ref(*where), str(txt.value)
                    parts.append(Ref(name))
                else:  # a string constant
                    text = " ".join(str(txt.value).split())
                    parts.append(text if limit is None else text[:limit])
            return kalimat(*parts, ".")

        self.checked(sentence, None, 500)

    # 5. budget and efisiensi, when the indicator has a budget
    def anggaran(self) -> None:
        ind = self.ind
        if not is_number(ind.pagu):
            self.sentences.append("Indikator ini belum dipetakan ke sub kegiatan pendukung (lembar Pemetaan), "
                                  "sehingga serapan anggaran dan efisiensinya belum dapat dianalisis.")
            return
        S, C, E = Ref("serapan"), Ref("capaian"), Ref("efisiensi")
        if ind.whole_budget:
            intro = "Indikator ini didukung oleh seluruh anggaran SKPD: pagu "
        else:
            n = len(ind.supports or [])
            intro = f"Anggaran {n} sub kegiatan pendukung indikator ini: pagu "
        self.add(kalimat(intro, rupiah(Ref("pagu")), ", realisasi ", rupiah(Ref("realisasi_anggaran")), " (serapan ",
                         persen(S), ")."))
        ident = self.result.data.identitas
        rumus = RUMUS_EFISIENSI.get(ident.rumus_efisiensi, RUMUS_EFISIENSI[DEFAULT_EFISIENSI])
        yes = kalimat("Dengan serapan anggaran ", persen(S), " untuk capaian kinerja ", persen(C),
                      ", efisiensi penggunaan anggaran sebesar ", persen(E),
                      f" (rumus {rumus.name}), sehingga penggunaan anggaran untuk indikator ini ",
                      jika(EFISIEN, "efisien", "tidak efisien"), ".")
        no = "Efisiensi belum dapat dihitung karena capaian kinerja atau serapan anggaran belum tersedia."
        self.add(jika(all_numbers(E), yes, no))

    # 6. the supporting sub kegiatan with their serapan
    def pendukung(self) -> None:
        """One sentence per sub kegiatan; its code and names are references to Data Anggaran's cells
        (text shown, never evaluated; no input text inside the formula)."""
        nodes = [n for n in (self.ind.supports or []) if id(n) in self.layout.node_row]
        for k, node in enumerate(nodes[:MAX_PENDUKUNG], start=1):
            nr = self.layout.node_row[id(node)]
            label = D.LEVEL_LABEL.get(node.level, node.level)
            serapan = SERAPAN.value({"pagu": node.pagu, "realisasi": node.realisasi})
            addr = {"uraian": ref(D.ANGGARAN, nr, D.C_URAIAN), "pagu": ref(D.ANGGARAN, nr, D.C_PAGU),
                    "realisasi": ref(D.ANGGARAN, nr, D.C_REAL), "serapan": ref(D.ANGGARAN, nr, D.C_SERAPAN)}
            env = {"uraian": node.uraian, "pagu": cell_value(node.pagu), "realisasi": cell_value(node.realisasi),
                   "serapan": cell_value(serapan)}
            parts: list[str | Expr] = [f"{k}. {label} "]
            if node.kode or node.nomor:
                addr["kode"] = ref(D.ANGGARAN, nr, D.C_KODE if node.kode else D.C_NO)
                env["kode"] = node.kode or node.nomor or ""
                parts += [Ref("kode"), " "]
            parts.append(Ref("uraian"))
            program = _program(node)
            if program is not None and program is not node and id(program) in self.layout.node_row:
                word = "" if program.uraian.lower().startswith("program") else "Program "
                addr["program"] = ref(D.ANGGARAN, self.layout.node_row[id(program)], D.C_URAIAN)
                env["program"] = program.uraian
                parts += [f" ({word}", Ref("program"), ")"]
            self.sentences.append(rendered(kalimat(
                *parts, ": pagu ", rupiah(Ref("pagu")), ", realisasi ", rupiah(Ref("realisasi")), ", serapan ",
                persen(Ref("serapan"), "tidak dapat dihitung"), "."), addr, env))
        if len(nodes) > MAX_PENDUKUNG:
            self.sentences.append(f"… dan {angka(len(nodes) - MAX_PENDUKUNG, 0)} sub kegiatan pendukung lainnya; "
                                  "rincian seluruhnya ada di tabel Pendukung Sasaran dan lembar Data Anggaran.")


def _perubahan(now: Expr, before: Expr, decimals: int, unit: str, show) -> Expr:
    """ "naik 0,05 Indeks (dari 87,62 Indeks menjadi 87,67 Indeks)", or "tetap 100 %" (both numbers)."""
    return jika(Compare(perubahan(now, before, decimals), "=", 0), kalimat("tetap ", show(now)),
                kalimat(NaikTurun(now, before, decimals, unit), " (dari ", show(before), " menjadi ", show(now), ")"))


def _program(node: BudgetNode) -> BudgetNode | None:
    n: BudgetNode | None = node
    while n is not None and n.level != "program":
        n = n.parent
    return n


# ----------------------------------------------------------------------------- the sheet


def _lines(text: str, width: float) -> int:
    """Wrapped lines of `text` in a column `width` characters wide (Arial 9: ~1.2 characters a unit,
    words wrap whole, so a line holds a little less)."""
    per_line = max(int(width * 1.2), 8)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _slack(t: Teks) -> int:
    """Room for the text to grow when the numbers change (a longer number, "naik" for "tetap")."""
    return len(t.value) // 8 + 8


def _groups(result: Result) -> list[tuple[str, list[Indicator]]]:
    """Headings in indicator order: the tujuan, then each sasaran (consecutive indicators of one sasaran)."""
    groups: list[tuple[str, list[Indicator]]] = []
    sasaran_no = 0
    last: tuple[str, str] | None = None
    for ind in result.indicators:
        if ind.level == "sasaran":
            name = ind.row.sasaran.value if ind.row.sasaran else ind.nama
        else:
            name = ind.row.tujuan.value if ind.row.tujuan else ind.nama
        key = (ind.level, name)
        if key != last:
            if ind.level == "sasaran":
                sasaran_no += 1
                groups.append((f"Sasaran Kinerja {sasaran_no}: {name}", []))
            else:
                groups.append((f"Tujuan: {name}", []))
            last = key
        groups[-1][1].append(ind)
    return groups


def write_analisis(book: Book, result: Result, layout: D.Layout) -> None:
    ws = book.sheet(SHEET)
    ident = result.data.identitas
    tahun = ident.tahun
    fmt = book.fmt
    text_fmt = fmt(text_wrap=True)
    name_fmt = fmt(text_wrap=True, bold=True)
    heading_fmt = fmt(text_wrap=True, bold=True, bg_color=HEADING_FILL, border=1)
    label_fmt = fmt(text_wrap=True, italic=True, bold=True, bg_color=INPUT_FILL, border=1)
    input_fmt = fmt(text_wrap=True, bg_color=INPUT_FILL, border=1)
    setup_table_sheet(ws, (3, 3), WIDTHS, landscape=False)
    skpd = ident.skpd or ""  # the footer (SKPD, year, page numbers) is book.finish_print's, as on every sheet
    title = f"Analisis Capaian Kinerja {skpd} Tahun {tahun}".replace("  ", " ")
    ws.merge_range(0, 0, 0, 1, "", book.title_fmt())
    ws.write_string(0, 0, title, book.title_fmt())
    note = ("Kalimat di kolom B adalah rumus atas lembar Perhitungan Kinerja dan Data Anggaran: ubah angka di "
            "lembar data, kalimatnya ikut berubah. Sel berwarna kuning \u201cFaktor penyebab\u201d diisi sendiri "
            "oleh SKPD.")
    ws.merge_range(1, 0, 1, 1, "", fmt(text_wrap=True, italic=True))
    ws.write_string(1, 0, note, fmt(text_wrap=True, italic=True))
    ws.set_row(1, LINE_PT * _lines(note, sum(WIDTHS)) + 3)
    ws.write_string(3, 0, "Indikator Kinerja", book.header_fmt())
    ws.write_string(3, 1, "Analisis Capaian", book.header_fmt())
    r = FIRST
    if not result.indicators:
        ws.write_string(r, 0, "Tidak ada indikator kinerja di lembar Kinerja.", text_fmt)
        return
    for heading, inds in _groups(result):
        ws.merge_range(r, 0, r, 1, "", heading_fmt)
        ws.write_string(r, 0, heading, heading_fmt)
        ws.set_row(r, LINE_PT * _lines(heading, sum(WIDTHS)) + 3)
        r += 1
        for ind in inds:
            sentences = Paragraph(book, result, layout, ind).build()
            name = f"{ind.nama}{' (' + unit_of(ind).strip() + ')' if unit_of(ind) else ''}"
            for k, s in enumerate(sentences):
                lines = 1
                if k == 0:
                    ws.write_string(r, 0, name, name_fmt)
                    lines = _lines(name, WIDTHS[0])
                if isinstance(s, Teks):
                    ws.write_formula(r, 1, "=" + s.formula, text_fmt, s.value)
                    lines = max(lines, _lines(s.value + " " * _slack(s), WIDTHS[1]))
                else:
                    ws.write_string(r, 1, s, text_fmt)
                    lines = max(lines, _lines(s, WIDTHS[1]))
                ws.set_row(r, LINE_PT * lines + 3)
                r += 1
            ws.write_string(r, 0, FAKTOR_LABEL, label_fmt)
            ws.write_blank(r, 1, None, input_fmt)
            ws.set_row(r, max(LINE_PT * FAKTOR_LINES, LINE_PT * _lines(FAKTOR_LABEL, WIDTHS[0]) + 3))
            r += 2  # a blank row between paragraphs
