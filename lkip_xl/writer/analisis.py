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
import re
from collections.abc import Sequence
from typing import Any

from lkip_xl.figures import (
    DEFAULT_EFISIENSI, EFISIEN, RUMUS_EFISIENSI, SERAPAN, TERCAPAI, Add, And, Angka, Compare, Concat, CountIf, Expr,
    If, Lower, NaikTurun, Abs, Const, Ref, Round, Sub, Text, all_numbers, perubahan, selisih_akhir, within_limits,
)
from lkip_xl.model import PAGU, REALISASI, BudgetNode, FigureKey, Indicator, Result, Txt, shortest_decimals
from lkip_xl.teks import Teks
from lkip_xl.textfmt import angka
from lkip_xl.writer import layout as D
from lkip_xl.writer import units
from lkip_xl.writer.book import RISKY_START, Book, ref, setup_table_sheet
from lkip_xl.writer.tables import terbilang, written_target

SHEET = "Analisis Capaian"
INPUT_FILL = "#FFF2CC"  # a light input fill: the office writes here
HEADING_FILL = "#D9E1F2"
WIDTHS = [30, 95]  # column A the indicator, column B the paragraph
FIRST = 4  # first row of the paragraphs (0-based); the header is row 3
LINE_PT = 12.0  # one wrapped line of Arial 9, in points
MAX_ROW_PT = 409.0  # Excel's tallest row
FAKTOR_LINES = 5  # room to write the causes and solutions
# Supporting sub kegiatan named one by one in an indicator's analysis; a kabupaten indicator backed by
# 2,000 of them gets the first ones and a pointer to the tables (a paragraph nobody reads otherwise).
MAX_PENDUKUNG = 25
MAX_KOMPONEN = 6  # a realisasi built from more komponen is pointed to (Data Komponen), not spelled out
FAKTOR_LABEL = "Faktor penyebab keberhasilan/kegagalan dan solusi"
UPAYA_INPUT_LABEL = "Upaya perbaikan"
# the full citation of the efisiensi formula, said once (the first indicator with a budget)
PMK_LENGKAP = "Peraturan Menteri Keuangan (PMK) Nomor 249/PMK.02/2011"
# units of measure that are amounts, not counts: "sebesar 5 ha", but "sebanyak 70 LKD"
BUKAN_HITUNGAN = {"rp", "rupiah", "ha", "hektar", "hektare", "km", "m", "m2", "m3", "meter", "ton", "kg", "liter",
                  "tahun", "bulan", "hari", "jam", "menit", "kali lipat"}
NOTE_COL = 2  # column C: the note on screen, outside the print area
HELPER_COL = 4  # column E on: the pieces of a paragraph too long for one formula (hidden, joined in B)
NOTE_WIDTH = 40

BENCHMARK_LABEL = {"kab_kota_lain": "kabupaten/kota lain", "rpjmd_provinsi": "RPJMD Provinsi", "rpjmn": "RPJMN"}
# a benchmark cell saying there is none
NO_BENCHMARK = {"", "-", "--", "tidak ada", "belum ada", "tidak tersedia", "belum tersedia", "n/a", "na", "nihil"}
BELUM = "belum tersedia"
# satuan of an index or a score: a planner writes the number alone
TANPA_SATUAN = {"indeks", "index", "nilai", "skor", "score", "poin", "angka", "indeks/nilai"}
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
    """A percentage with 2 decimals and no space, as the tables show it (`0.00"%"`): `100,02%`; a whole
    one without decimals, as a planner writes it: `100%`."""
    whole = Compare(Round(x, 2), "=", Round(x, 0))
    return jika(all_numbers(x), If(whole, Angka(x, 0, suffix="%", kosong=kosong), Angka(x, 2, suffix="%", kosong=kosong)),
                kosong)


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
    """The satuan as a planner writes it after a number: `%` -> "%" (no space, as the tables), an index
    or a score none (`87,67`, not `87,67 Indeks`), an acronym as written (`70 LKD`), a word in lower
    case (`3 dokumen`)."""
    satuan = " ".join((ind.row.satuan.value if ind.row.satuan else "").split())
    if units.is_percent(satuan):  # "Persen" reads as the tables show it: "%" (and a change in poin)
        return "%"
    if satuan in ("", "-") or satuan.lower().strip(".") in TANPA_SATUAN:
        return ""
    words = [w if any(c.isupper() for c in w[1:]) or not w[:1].isupper() else w.lower() for w in satuan.split()]
    return " " + " ".join(words)


def bilangan(n: int) -> str:
    """A small count as the office writes it: `2 (dua)`; from 10 on the digits alone."""
    return f"{n} ({terbilang(n)})" if 0 < n < 10 else str(n)


def kata_besaran(unit: str, decimals: int) -> str:
    """`sebanyak` before a count (`70 LKD`, `3 dokumen`), `sebesar` before an amount, an index or a %."""
    satuan = unit.strip().lower().strip(".")
    if not satuan or satuan == "%" or decimals or satuan in BUKAN_HITUNGAN or satuan.startswith("rp"):
        return "sebesar"
    return "sebanyak"


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

    def __init__(self, book: Book, result: Result, layout: D.Layout, ind: Indicator, sebut_rumus: bool = False,
                 kembar: Indicator | None = None) -> None:
        self.book, self.result, self.layout, self.ind = book, result, layout, ind
        self.sebut_rumus = sebut_rumus  # the efisiensi formula cited in full here (the first with a budget)
        self.kembar = kembar  # the tujuan indicator whose figures this sasaran indicator repeats
        self.index = result.positions().ind[id(ind)]
        self.row = layout.ind_row[id(ind)]
        self.tahun = result.data.identitas.tahun
        self.d = indicator_decimals(ind)
        self.unit = unit_of(ind)
        self.kata = kata_besaran(self.unit, self.d)
        # a change of an index or a score is in poin, of a percentage in persen poin, else in its unit
        self.beda = " persen poin" if self.unit == "%" else " poin" if not self.unit else self.unit
        # paragraphs of sentences; a sentence is a formula (Teks) or plain text (str), with the text that
        # joins it to the one before ("" for a sentence that may read "" and brings its own space)
        self.paragraphs: list[list[tuple[Teks | str, str]]] = []
        self.sentences: list[tuple[Teks | str, str]] = []
        # the cells the sentences cite, and the values they cache
        self.addr = {name: ref(D.HITUNG, self.row, col) for name, col in CITED.items()}
        figure = D.INDICATOR_FIGURES
        self.env: dict[str, Any] = {name: cell_value(figure[name].value(ind)) for name in CITED
                                    if name in figure}
        self.env["nama"] = ind.nama
        self.env["kategori"] = str(cell_value(ind.kategori))

    def subjek(self) -> str:
        """What the realisasi is called in the komponen sentence: `Nilai IKM` for an index named with its
        acronym, else `Realisasi`."""
        acronym = re.search(r"\(([A-Z][A-Za-z0-9]{1,9})\)", self.ind.nama)
        return f"Nilai {acronym.group(1)}" if acronym and not self.unit else "Realisasi"

    def fig(self, measure: str) -> str | None:
        return self.book.figure_ref(FigureKey.ind(self.index, measure))

    def v(self, x: str | Expr) -> Expr:
        """An indicator value (a figure's name, or an expression) with its unit, or "belum tersedia"."""
        return nilai(Ref(x) if isinstance(x, str) else x, self.d, self.unit)

    def vt(self, measure: str) -> Expr:
        """A target as the office wrote it (`≥ 85%`, `80 - 85%`) by reference to Data Kinerja's cell, as the
        tables print it; a plain number as `v` writes it."""
        written = written_target(self.ind, self.layout, measure)
        if written is None:
            return self.v(measure)
        name = f"tertulis_{measure}"
        self.addr[name], self.env[name] = written
        unit = self.unit if self.unit.strip() and self.unit.strip().casefold() not in written[1].casefold() else ""
        return jika(all_numbers(Ref(measure)), kalimat(Ref(name), unit), BELUM)

    def add(self, sentence: Expr) -> None:
        self.sentences.append((rendered(sentence, self.addr, self.env), " "))

    def add_optional(self, sentence: Expr) -> None:
        """A sentence that reads "" when its fact does not hold (its own leading space otherwise); left out
        when Excel could not hold its formula (a list of many items: what it adds is not essential)."""
        try:
            self.sentences.append((rendered(sentence, self.addr, self.env), ""))
        except ValueError:
            return

    def say(self, text: str) -> None:
        self.sentences.append((text, " "))

    def paragraph(self) -> None:
        """Close the paragraph written so far."""
        if self.sentences:
            self.paragraphs.append(self.sentences)
        self.sentences = []

    def checked(self, build, *fallbacks) -> None:
        """The sentence `build(arg)` makes, for the first argument whose formula Excel can hold."""
        for arg in fallbacks:
            try:
                self.add(build(arg))
                return
            except ValueError:
                continue
        raise ValueError("sentence too long even in its shortest form")

    def build(self) -> list[list[tuple[Teks | str, str]]]:
        """The paragraphs: capaian (how the realisasi was built, over 100 %); the years before and the
        Renstra; the benchmark; budget and efisiensi; one per supporting sub kegiatan (a list)."""
        if self.kembar is not None:
            self.sama_dengan_tujuan()
            self.paragraph()
        else:
            self.capaian()
            self.komponen()
            self.melampaui()
            self.paragraph()
            self.tren()
            self.renstra()
            self.paragraph()
        self.pembanding()
        self.paragraph()
        self.anggaran()
        self.paragraph()
        self.pendukung()
        return self.paragraphs

    # 1. realisasi against target, capaian and kategori
    def capaian_kalimat(self) -> Expr:
        """Realisasi against target, capaian and kategori (lower case mid-sentence); the name by reference
        to Perhitungan Kinerja's cell: shown, never evaluated, no input text in the formula."""
        tahun = self.tahun
        T, R, C = Ref("target"), Ref("realisasi"), Ref("capaian")
        yes = kalimat("Realisasi indikator ", Ref("nama"), f" tahun {tahun} {self.kata} ", self.v("realisasi"),
                      " dari target ", self.vt("target"), ", sehingga capaian kinerjanya ", persen(C),
                      " (kategori ", Lower(Ref("kategori")), ").")
        no = kalimat("Capaian indikator ", Ref("nama"), f" tahun {tahun} belum dapat dihitung: target ",
                     self.v("target"), ", realisasi ", self.v("realisasi"), ".")
        return jika(all_numbers(T, R, C), yes, no)

    def capaian(self) -> None:
        self.add(self.capaian_kalimat())

    # 1'. a sasaran indicator whose figures are the tujuan indicator's: said once, with why (reviewer's read)
    def sama_dengan_tujuan(self) -> None:
        t = self.kembar
        assert t is not None
        trow = self.layout.ind_row[id(t)]
        for name, col in (("t_target", D.H_TARGET), ("t_realisasi", D.H_REAL), ("t_target_akhir", D.H_TAKHIR),
                          ("t_nama", D.H_IND)):
            self.addr[name] = ref(D.HITUNG, trow, col)
        self.env.update({"t_target": cell_value(t.target), "t_realisasi": cell_value(t.realisasi),
                         "t_target_akhir": cell_value(t.target_akhir), "t_nama": t.nama})
        sama = And(tuple(Compare(Ref(a), "=", Ref(b)) for a, b in (
            ("target", "t_target"), ("realisasi", "t_realisasi"), ("target_akhir", "t_target_akhir"))))
        yes = kalimat(" Target, realisasi dan target akhir Renstra indikator ini sama dengan indikator tujuan ",
                      Ref("t_nama"), ", sehingga uraian cara perhitungan, perbandingan dengan tahun sebelumnya dan "
                      "capaian terhadap target akhir Renstra pada indikator tujuan di atas berlaku juga untuk "
                      "indikator ini.")
        no = kalimat(" Saat workbook ini dibuat, nilai indikator ini sama dengan indikator tujuan ", Ref("t_nama"),
                     ", sehingga perbandingan dengan tahun sebelumnya dan target akhir Renstra tidak diulang; "
                     "nilainya kini berbeda, jadi buat ulang workbook ini untuk uraian lengkapnya.")
        self.add(kalimat(self.capaian_kalimat(), If(sama, yes, no)))

    # 1a. how the realisasi was built from the Komponen rows of the report year
    def komponen(self, tahun: int | None = None, realisasi: str = "realisasi") -> None:
        """The report year's (or, from the trend, an earlier year `tahun`'s, whose realisasi is the
        figure `realisasi`) realisasi told from its Komponen rows."""
        year = self.tahun if tahun is None else tahun
        metode = self.ind.komponen_metode.get(year)
        if metode is None or (tahun is None and self.ind.realisasi_source != "komponen"):
            return
        rows = [k for k, found in zip(self.result.data.komponen, self.result.kinerja_issues.komponen_join)
                if k.tahun == year and any(f is self.ind for f in found)]
        cells = []
        for k, row in enumerate(rows):
            where = self.book.input_cells.get((row.nilai.cell.sheet, row.nilai.cell.ref)) if row.nilai.cell else None
            if where is None or not is_number(row.nilai.value):
                return
            sheet, r, c = where
            name, label = f"komponen_{year}_{k}", f"komponen_nama_{year}_{k}"
            self.addr[name], self.env[name] = ref(sheet, r, c), row.nilai.value
            self.addr[label] = ref(sheet, r, D.KOM_KOMPONEN)
            self.env[label] = row.komponen.value if row.komponen else ""
            cells.append((row, Ref(name), Ref(label)))
        if not 2 <= len(cells) <= MAX_KOMPONEN:
            return
        if metode == "rasio":
            pembilang = [c for c in cells if c[0].metode == "pembilang"]
            penyebut = [c for c in cells if c[0].metode == "penyebut"]
            if len(pembilang) != 1 or len(penyebut) != 1:
                return
            d = _komponen_decimals(rows)
            parts: list[str | Expr] = [
                f"{self.subjek()} tahun {year} {self.kata} ", self.v(realisasi), " dihitung dari ",
                pembilang[0][2], " (", Angka(pembilang[0][1], d), ") dibagi ", penyebut[0][2], " (",
                Angka(penyebut[0][1], d), ") dikali 100."]
        else:
            d = _komponen_decimals(rows)
            # as a planner writes it: "Nilai IKM tahun 2024 sebesar 87,67 merupakan rata-rata nilai
            # Semester I (87,56) dan Semester II (87,78)."
            parts = [f"{self.subjek()} tahun {year} {self.kata} ", self.v(realisasi),
                     " merupakan rata-rata nilai " if metode == "rata" else " merupakan jumlah "]
            for k, (_row, nilai_ref, nama_ref) in enumerate(cells):
                parts += [", " if 0 < k < len(cells) - 1 else (" dan " if k else ""), nama_ref, " (",
                          Angka(nilai_ref, d), ")"]
            parts.append(".")
        values = [c[1] for c in cells]
        self.add_optional(jika(all_numbers(*values, Ref(realisasi)), kalimat(" ", *parts), ""))

    # 1b. realisasi beyond the target named as a fact, with by how much
    def melampaui(self) -> None:
        if not is_number(self.ind.capaian):
            return
        C, R, T = Ref("capaian"), Ref("realisasi"), Ref("target")
        lebih = Angka(Abs(perubahan(R, T, self.d)), self.d)
        if self.ind.row.polaritas == "negatif":
            said = kalimat(" Realisasi tersebut lebih rendah ", lebih, self.beda, " daripada target, sehingga target "
                           "terlampaui (indikator ini makin rendah makin baik).")
        else:
            said = kalimat(" Realisasi tersebut melampaui target sebesar ", lebih, self.beda, ".")
        self.add_optional(jika(all_numbers(C, R, T), jika(
            And((Compare(Round(C, 2), ">", 100), Compare(perubahan(R, T, self.d), "<>", 0))), said, ""), ""))

    # 2. against each earlier year with data
    def tren(self) -> None:
        ind, tahun = self.ind, self.tahun
        R, C = Ref("realisasi"), Ref("capaian")
        change_unit = self.beda
        for y in [y for y in self.layout.realisasi_years if y < tahun]:
            ry, cy = ind.realisasi_by_year.get(y), ind.capaian_by_year.get(y)
            Ry, Cy = self.fig(f"realisasi_{y}"), self.fig(f"capaian_{y}")
            if Ry is None or Cy is None or not is_number(ry):
                continue  # no data that year: nothing to compare with
            ry_name, cy_name = f"realisasi_{y}", f"capaian_{y}"
            self.addr.update({ry_name: Ry, cy_name: Cy})
            self.env.update({ry_name: cell_value(ry), cy_name: cell_value(cy)})
            cap = jika(all_numbers(C, Ref(cy_name)),
                       kalimat("; capaiannya ", _perubahan(C, Ref(cy_name), 2, " persen poin", persen)), "")
            yes = kalimat(f"Dibandingkan tahun {y}, realisasi tahun {tahun} ",
                          _perubahan(R, Ref(ry_name), self.d, change_unit, self.v), cap, ".")
            no = f"Perbandingan dengan tahun {y} belum dapat dibuat karena realisasi tahun {tahun} belum tersedia."
            self.add(jika(all_numbers(R, Ref(ry_name)), yes, no))
            if is_number(cy) and is_number(ind.capaian):
                self.add_optional(self.target_berubah(y, ry_name, cy_name))
            self.komponen(y, ry_name)

    def target_berubah(self, y: int, ry_name: str, cy_name: str) -> Expr:
        """Capaian and realisasi moving apart against year `y`: the target moved (SPEC §4: capaian =
        realisasi against the year's target)."""
        R, C, Ry, Cy = Ref("realisasi"), Ref("capaian"), Ref(ry_name), Ref(cy_name)
        up_r, down_r = Compare(perubahan(R, Ry, self.d), ">", 0), Compare(perubahan(R, Ry, self.d), "<", 0)
        up_c, down_c = Compare(perubahan(C, Cy, 2), ">", 0), Compare(perubahan(C, Cy, 2), "<", 0)
        naik, turun = ("naik", "turun") if self.ind.row.polaritas != "negatif" else ("turun", "naik")
        tahun = self.tahun
        same_r = Compare(perubahan(R, Ry, self.d), "=", 0)
        held = jika(And((same_r, down_c)), f" Capaian turun walaupun realisasinya tetap karena target tahun {tahun} "
                    f"{'lebih tinggi' if naik == 'naik' else 'lebih rendah'} daripada target tahun {y}.",
                    jika(And((same_r, up_c)), f" Capaian naik walaupun realisasinya tetap karena target tahun {tahun} "
                         f"{'lebih rendah' if naik == 'naik' else 'lebih tinggi'} daripada target tahun {y}.", ""))
        apart = jika(And((up_r, down_c) if naik == "naik" else (down_r, down_c)),
                     f" Capaian turun walaupun realisasinya {naik} karena target tahun {tahun} lebih tinggi "
                     f"daripada target tahun {y}." if naik == "naik" else
                     f" Capaian turun walaupun realisasinya {naik} karena target tahun {tahun} lebih rendah "
                     f"daripada target tahun {y}.",
                     jika(And((down_r, up_c) if naik == "naik" else (up_r, up_c)),
                          f" Capaian naik walaupun realisasinya {turun} karena target tahun {tahun} lebih rendah "
                          f"daripada target tahun {y}." if naik == "naik" else
                          f" Capaian naik walaupun realisasinya {turun} karena target tahun {tahun} lebih tinggi "
                          f"daripada target tahun {y}.", held))
        return jika(all_numbers(R, Ry, C, Cy), apart, "")

    # 3. against the Renstra end target: the real gap first, then the capaian against it (reviewer's read)
    def renstra(self) -> None:
        ind, tahun = self.ind, self.tahun
        R, TA, CA = Ref("realisasi"), Ref("target_akhir"), Ref("capaian_akhir")
        akhir = f"tahun {ind.tahun_akhir}" if ind.tahun_akhir else "periode ini"
        gap = Angka(selisih_akhir(self.d), self.d)
        terhadap = kalimat(" (capaian terhadap target akhir ", persen(CA), ")")
        # the end target is a later year's: met now, it is to be held, not yet "tercapai"
        tetap = (" dan perlu dipertahankan sampai akhir periode Renstra"
                 if ind.tahun_akhir is None or ind.tahun_akhir > tahun else "")
        met = kalimat(f"Realisasi tahun {tahun} telah memenuhi target akhir Renstra {akhir} sebesar ",
                      self.vt("target_akhir"), terhadap, tetap, ".")
        if ind.row.polaritas == "negatif":
            short = kalimat(f"Terhadap target akhir Renstra {akhir} sebesar ", self.vt("target_akhir"),
                            f", realisasi tahun {tahun} masih perlu diturunkan ", gap, self.beda,
                            " lagi (indikator ini makin rendah makin baik).")
        else:
            short = kalimat(f"Terhadap target akhir Renstra {akhir} sebesar ", self.vt("target_akhir"),
                            f", realisasi tahun {tahun} masih kurang ", gap, self.beda, terhadap, ".")
        no = (f"Capaian terhadap target akhir Renstra {akhir} belum dapat dihitung karena target akhir atau "
              f"realisasinya belum tersedia.")
        self.add(jika(all_numbers(R, TA, CA), jika(TERCAPAI, met, short), no))

    # 4. the benchmark, when given: the input's text as a string constant
    def pembanding(self) -> None:
        given = _benchmarks(self.ind)
        if not given:
            return  # said once for the sasaran (write_analisis)

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
            self.say("Indikator ini belum dipetakan ke sub kegiatan pendukung, sehingga serapan anggaran dan "
                     "efisiensinya belum dapat dianalisis.")
            return
        if ind.unknown & (PAGU | REALISASI):  # §10.16: a sum over an amount that could not be read is unknown
            which = "pagu" if ind.unknown & PAGU else "realisasi"
            self.say(f"Jumlah {which} anggaran pendukung indikator ini belum dapat dihitung karena ada angka di "
                     "lembar input yang tidak dapat dibaca (lihat lembar Temuan), sehingga serapan anggaran dan "
                     "efisiensinya belum dapat dinilai.")
            return
        S, C, E = Ref("serapan"), Ref("capaian"), Ref("efisiensi")
        P, RA = Ref("pagu"), Ref("realisasi_anggaran")
        if ind.whole_budget:
            skpd = " ".join(str(self.result.data.identitas.skpd or "").split()) or "SKPD"
            intro = (f"Anggaran untuk mencapai {'tujuan' if ind.level != 'sasaran' else 'sasaran'} ini adalah "
                     f"seluruh anggaran {skpd} tahun {self.tahun}: pagu ")
        else:
            intro = f"Indikator ini didukung oleh {bilangan(len(ind.supports or []))} sub kegiatan dengan pagu "
        self.add(kalimat(intro, rupiah(P), ", realisasi ", rupiah(RA), " (serapan ", persen(S), ")."))
        if is_number(ind.serapan):
            self.add_optional(jika(all_numbers(S), jika(
                Compare(Round(S, 2), ">", 100),
                kalimat(" Realisasi anggaran melebihi pagu (serapan ", persen(S), " di atas 100%); selisih ",
                        rupiah(Sub(RA, P)),
                        " perlu dijelaskan, misalnya pergeseran anggaran yang belum dicatat di DPA."), ""), ""))
        ident = self.result.data.identitas
        rumus = RUMUS_EFISIENSI.get(ident.rumus_efisiensi, RUMUS_EFISIENSI[DEFAULT_EFISIENSI])
        if not self.sebut_rumus:
            cite = ""
        elif rumus.name == DEFAULT_EFISIENSI:
            cite = f" menurut {PMK_LENGKAP}, yaitu (1 \u2212 serapan anggaran \u00f7 capaian kinerja) \u00d7 100,"
        else:
            cite = " (capaian kinerja dikurangi serapan anggaran)"
        sisa = Sub(P, RA)
        # what the figure means, said as a fact: unspent money is not called "efisien" (reviewer's read)
        ada_sisa = Compare(Round(sisa, 0), ">", 0)
        arti = jika(EFISIEN, kalimat(", sehingga penggunaan anggaran untuk indikator ini tergolong efisien",
                                     jika(ada_sisa, kalimat(" dengan sisa anggaran ", rupiah(sisa), "."), ".")),
                    jika(Compare(Round(E, 2), "<", 0), ", artinya serapan anggaran lebih tinggi daripada capaian "
                         "kinerja sehingga penggunaan anggaran belum efisien.",
                         ", artinya serapan anggaran sebanding dengan capaian kinerja."))
        yes = kalimat("Dengan serapan anggaran ", persen(S), " untuk capaian kinerja ", persen(C),
                      ", efisiensi penggunaan anggaran", cite, " sebesar ", persen(E), arti)
        no = jika(all_numbers(C), "Efisiensi belum dapat dihitung karena serapan anggaran belum dapat dihitung.",
                  "Efisiensi belum dapat dihitung karena capaian kinerja belum dapat dihitung.")
        self.add(jika(all_numbers(E), yes, no))
        sumber = self.sumber_sisa()
        if sumber is not None:
            self.add_optional(jika(all_numbers(E, P, RA), jika(And((EFISIEN, ada_sisa)), sumber, ""), ""))

    def sumber_sisa(self) -> Expr | None:
        """" Sisa anggaran terbesar berasal dari Belanja Pegawai (Rp330.402.614)." — the jenis belanja (the
        whole budget) or the supporting sub kegiatan with the largest sisa, by a chain of IF over their
        cells (as the highest efisiensi is chosen), so an edited amount moves it; "" when there is one
        item, more than MAX_BANDING, or an amount is no number (None: not said at all)."""
        items: list[tuple[str, str, str, Any, Any, Any]] = []  # (uraian, pagu, realisasi cells; values)
        if self.ind.whole_budget:
            for g in self.result.belanja:
                where = self.book.figures.get(FigureKey.belanja(g.kode, "pagu"))
                real = self.book.figure_ref(FigureKey.belanja(g.kode, "realisasi"))
                if not g.kelompok and where is not None and real is not None:
                    sheet, row, col = where
                    items.append((ref(sheet, row, D.J_URAIAN), ref(sheet, row, col), real, g.uraian, g.pagu,
                                  g.realisasi))
        else:
            for node in self.ind.supports or []:
                nr = self.layout.node_row.get(id(node))
                if nr is not None:
                    items.append((ref(D.ANGGARAN, nr, D.C_URAIAN), ref(D.ANGGARAN, nr, D.C_PAGU),
                                  ref(D.ANGGARAN, nr, D.C_REAL), node.uraian, node.pagu, node.realisasi))
        if not 2 <= len(items) <= MAX_BANDING or not all(is_number(p) and is_number(r) for *_, p, r in items) \
                or self.ind.unknown & (PAGU | REALISASI):
            return None
        sisa = []
        for k, (u, p, r, uv, pv, rv) in enumerate(items):
            for name, cell, value in ((f"su{k}", u, uv), (f"sp{k}", p, pv), (f"sr{k}", r, rv)):
                self.addr[name], self.env[name] = cell, value
            sisa.append(Sub(Ref(f"sp{k}"), Ref(f"sr{k}")))
        kata = "" if self.ind.whole_budget else "sub kegiatan "

        def disebut(k: int) -> Expr:
            return kalimat(kata, Ref(f"su{k}"), " (", rupiah(sisa[k]), ")")

        chain = juara(sisa, ">=", disebut)
        values = [Ref(f"sp{k}") for k in range(len(items))] + [Ref(f"sr{k}") for k in range(len(items))]
        return jika(all_numbers(*values), kalimat(" Sisa anggaran terbesar berasal dari ", chain, "."), "")

    # 6. the supporting sub kegiatan with their serapan
    def pendukung(self) -> None:
        """One sentence per sub kegiatan; its code and names are references to Data Anggaran's cells
        (text shown, never evaluated; no input text inside the formula)."""
        nodes = [n for n in (self.ind.supports or []) if id(n) in self.layout.node_row]
        if nodes:
            self.say("Sub kegiatan pendukungnya sebagai berikut:")
            self.paragraph()
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
            # a sub kegiatan that supports other indicators too says so (its budget is counted for each)
            juga = [i for i in self.result.indicators if i is not self.ind and not i.whole_budget
                    and id(i) in self.layout.ind_row and any(n is node for n in i.supports or [])]
            tail: list[str | Expr] = []
            for j, other in enumerate(juga[:3]):
                addr[f"juga{j}"] = ref(D.HITUNG, self.layout.ind_row[id(other)], D.H_IND)
                env[f"juga{j}"] = other.nama
                tail += [" Sub kegiatan ini juga mendukung indikator " if j == 0 else
                         (" dan " if j == len(juga[:3]) - 1 else ", "), Ref(f"juga{j}")]
            if tail:
                tail.append(".")
            if node.unknown & (PAGU | REALISASI):  # §10.16: its amount could not be read
                which = "pagu" if node.unknown & PAGU else "realisasi"
                figures: tuple[str | Expr, ...] = (
                    f": {which}nya tidak dapat dibaca (lihat lembar Temuan), sehingga serapannya belum dapat "
                    "dihitung.",)
            else:
                figures = (": pagu ", rupiah(Ref("pagu")), ", realisasi ", rupiah(Ref("realisasi")), ", serapan ",
                           persen(Ref("serapan"), "tidak dapat dihitung"), ".")
            self.sentences.append((rendered(kalimat(*parts, *figures, *tail), addr, env), " "))
            self.paragraph()
        if len(nodes) > MAX_PENDUKUNG:
            self.say(f"… dan {angka(len(nodes) - MAX_PENDUKUNG, 0)} sub kegiatan pendukung lainnya; "
                     "rincian seluruhnya ada di tabel Pendukung Sasaran dan lembar Data Anggaran.")
            self.paragraph()


def juara(values: Sequence[Expr], op: str, disebut) -> Expr:
    """What `disebut(k)` says of the item whose value is `op` (">=" the largest, "<=" the smallest) every
    other's, the first such: a chain of IF over the cells, so an edited figure moves the verdict live."""
    chain: Expr = disebut(len(values) - 1)
    for k in reversed(range(len(values) - 1)):
        chain = If(And(tuple(Compare(values[k], op, values[j]) for j in range(len(values)) if j != k)),
                   disebut(k), chain)
    return chain


def _perubahan(now: Expr, before: Expr, decimals: int, unit: str, show) -> Expr:
    """ "naik 0,05 Indeks (dari 87,62 Indeks menjadi 87,67 Indeks)", or "tetap 100 %" (both numbers)."""
    return jika(Compare(perubahan(now, before, decimals), "=", 0), kalimat("tetap ", show(now)),
                kalimat(NaikTurun(now, before, decimals, unit), " (dari ", show(before), " menjadi ", show(now), ")"))


_BILANGAN = {2: "dua", 3: "tiga", 4: "empat", 5: "lima", 6: "enam"}


def _komponen_decimals(rows: list) -> int:
    return min(max((r.nilai.decimals if r.nilai.decimals is not None else shortest_decimals(r.nilai.value))
                   for r in rows), 4)


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


def _kembar(ind: Indicator, tujuan: list[Indicator]) -> Indicator | None:
    """The tujuan indicator whose figures a sasaran indicator repeats (the same target, realisasi, years
    before and Renstra end target, all of them numbers): its paragraph is not written twice."""
    if ind.level != "sasaran" or not is_number(ind.realisasi) or not is_number(ind.target):
        return None
    for t in tujuan:
        if (t.target == ind.target and t.realisasi == ind.realisasi and t.target_akhir == ind.target_akhir
                and t.realisasi_by_year == ind.realisasi_by_year and t.capaian_by_year == ind.capaian_by_year
                and unit_of(t) == unit_of(ind) and indicator_decimals(t) == indicator_decimals(ind)):
            return t
    return None


def write_analisis(book: Book, result: Result, layout: D.Layout, rangkuman: str | None = None) -> None:
    """The sheet; `rangkuman` is the number of the Rangkuman PK table (Tabel 4.1), cited in 4.2."""
    ws = book.sheet(SHEET)
    ident = result.data.identitas
    tahun = ident.tahun
    fmt = book.fmt
    text_fmt = fmt(text_wrap=True)
    name_fmt = fmt(text_wrap=True, bold=True)
    risky_name_fmt = fmt(text_wrap=True, bold=True, quote_prefix=True)  # "=…", "-…": text, even once edited
    heading_fmt = fmt(text_wrap=True, bold=True, bg_color=HEADING_FILL, border=1)
    label_fmt = fmt(text_wrap=True, italic=True, bold=True, bg_color=INPUT_FILL, border=1)
    input_fmt = fmt(text_wrap=True, bg_color=INPUT_FILL, border=1)
    setup_table_sheet(ws, (3, 3), WIDTHS, landscape=False)
    skpd = ident.skpd or ""  # the footer (SKPD, year, page numbers) is book.finish_print's, as on every sheet
    title = f"Analisis Capaian Kinerja {skpd} Tahun {tahun}".replace("  ", " ")
    ws.merge_range(0, 0, 0, 1, "", book.title_fmt())
    ws.write_string(0, 0, title, book.title_fmt())
    # the note is for the screen: beside the text, outside the print area, never pasted into the report
    note = ("Petunjuk: kalimat di kolom B adalah rumus atas lembar Perhitungan Kinerja dan Data Anggaran: ubah "
            "angka di lembar data, kalimatnya ikut berubah. Satu sel kolom B adalah satu paragraf; salin kolom B "
            "ke Word. Sel berwarna kuning (faktor penyebab, upaya perbaikan) diisi sendiri oleh SKPD; upaya "
            "perbaikan dapat juga ditulis di lembar Upaya Perbaikan pada berkas masukan.")
    ws.set_column(NOTE_COL, NOTE_COL, NOTE_WIDTH)
    ws.merge_range(0, NOTE_COL, 3, NOTE_COL, "", fmt(text_wrap=True, italic=True, valign="top"))
    ws.write_string(0, NOTE_COL, note, fmt(text_wrap=True, italic=True, valign="top"))
    ws.write_string(3, 0, "Indikator Kinerja", book.header_fmt())
    ws.write_string(3, 1, "Analisis Capaian", book.header_fmt())
    # rows 0-3 hold the note: the title, header and blank rows take ~50 pt, row 1 the rest
    ws.set_row(1, max(LINE_PT * _lines(note, NOTE_WIDTH) + 3 - 50, 15))
    r = FIRST
    helpers = 0  # helper columns used
    if not result.indicators:
        ws.write_string(r, 0, "Tidak ada indikator kinerja di lembar Kinerja.", text_fmt)
        ws.print_area(0, 0, r, 1)
        return

    def write(cells: Teks | str | list[tuple[Teks | str, str]], lines_a: int = 1) -> None:
        """One paragraph in column B: one formula, or (when Excel's formula limit splits it) the join of
        its pieces, which sit in hidden helper columns of the same row."""
        nonlocal r, helpers
        pieces = cells if isinstance(cells, list) else [(cells, " ")]
        text: Teks | str
        if len(pieces) == 1:
            text = pieces[0][0]
        else:
            addr: dict[str, str] = {}
            env: dict[str, Any] = {}
            parts: list[Expr] = []
            for k, (piece, sep) in enumerate(pieces):
                col = HELPER_COL + k
                if isinstance(piece, Teks):
                    ws.write_formula(r, col, "=" + piece.formula, text_fmt, piece.value)
                else:
                    ws.write_string(r, col, piece, text_fmt)
                addr[f"p{k}"], env[f"p{k}"] = ref(SHEET, r, col), piece.value if isinstance(piece, Teks) else piece
                parts += ([Text(sep)] if k and sep else []) + [Ref(f"p{k}")]
            helpers = max(helpers, len(pieces))
            text = rendered(Concat(tuple(parts)), addr, env)
        if isinstance(text, Teks):
            ws.write_formula(r, 1, "=" + text.formula, text_fmt, text.value)
            lines = _lines(text.value + " " * _slack(text), WIDTHS[1])
        else:
            ws.write_string(r, 1, text, text_fmt)
            lines = _lines(text, WIDTHS[1])
        ws.set_row(r, min(LINE_PT * max(lines, lines_a) + 3, MAX_ROW_PT))
        r += 1

    def heading(text: str) -> None:
        nonlocal r
        ws.merge_range(r, 0, r, 1, "", heading_fmt)
        ws.write_string(r, 0, text, heading_fmt)
        ws.set_row(r, LINE_PT * _lines(text, sum(WIDTHS)) + 3)
        r += 1

    def isian(label: str) -> None:
        """An empty, marked cell the office writes in (causes and solutions, upaya perbaikan)."""
        nonlocal r
        ws.write_string(r, 0, label, label_fmt)
        ws.write_blank(r, 1, None, input_fmt)
        ws.set_row(r, max(LINE_PT * FAKTOR_LINES, LINE_PT * _lines(label, WIDTHS[0]) + 3))
        r += 1

    groups = _groups(result)
    tujuan = [ind for ind in result.indicators if ind.level != "sasaran"]
    dikutip = False  # the efisiensi formula cited in full once, with the first indicator that has a budget
    for title_, inds in groups:
        heading(title_)
        for ind in inds:
            name = _name_with_satuan(ind)
            sebut = not dikutip and is_number(ind.pagu) and is_number(ind.efisiensi)
            dikutip = dikutip or sebut
            paragraphs = Paragraph(book, result, layout, ind, sebut_rumus=sebut, kembar=_kembar(ind, tujuan)).build()
            for k, p in enumerate(paragraphs):
                if k == 0:
                    ws.write_string(r, 0, name, risky_name_fmt if name[:1] in RISKY_START else name_fmt)
                write(cells_of(p), _lines(name, WIDTHS[0]) if k == 0 else 1)
            isian(FAKTOR_LABEL)
            r += 1  # a blank row between paragraphs
        tanpa = [ind for ind in inds if not _benchmarks(ind)]
        if tanpa:
            write(_tanpa_pembanding(inds, tanpa))
            r += 1
    efisiensi = efisiensi_antarindikator(result, layout)
    belanja = belanja_per_jenis(book, result)
    if efisiensi is not None or belanja:
        heading("Efisiensi dan Realisasi Anggaran per Jenis Belanja" if efisiensi is not None and belanja else
                "Perbandingan Efisiensi antarindikator" if efisiensi is not None else
                "Realisasi Anggaran per Jenis Belanja")
        if efisiensi is not None:
            write(efisiensi)
        for paragraph in belanja:
            write(cells_of(paragraph))
        r += 1
    write_bab_iv(book, result, layout, write, heading, isian, rangkuman)
    if helpers:
        ws.set_column(HELPER_COL, HELPER_COL + helpers - 1, 30, None, {"hidden": True})
    ws.print_area(0, 0, r - 1, 1)


MAX_BANDING = 12  # efisiensi compared across at most this many indicators (the formula grows as n²)


def efisiensi_antarindikator(result: Result, layout: D.Layout) -> Teks | None:
    """The highest and the lowest efisiensi among the sasaran indicators that have one (two or more),
    each named: a chain of IF over the efisiensi cells of Perhitungan Kinerja, so a changed figure moves
    the verdict. None when fewer than two, more than MAX_BANDING, or Excel could not hold the formula."""
    inds = [i for i in result.indicators if i.level == "sasaran" and is_number(i.efisiensi)
            and not i.unknown & (PAGU | REALISASI)]
    if not 2 <= len(inds) <= MAX_BANDING:
        return None
    addr: dict[str, str] = {}
    env: dict[str, Any] = {}
    for k, ind in enumerate(inds):
        row = layout.ind_row[id(ind)]
        addr[f"e{k}"], env[f"e{k}"] = ref(D.HITUNG, row, D.H_EFF), ind.efisiensi
        addr[f"n{k}"], env[f"n{k}"] = ref(D.HITUNG, row, D.H_IND), ind.nama

    def pct(x: Expr) -> Expr:  # 2 decimals as the efisiensi tables show them: the n² chain stays small
        return Angka(x, 2, suffix="%", kosong=BELUM)

    def pilih(op: str) -> Expr:
        return juara([Ref(f"e{k}") for k in range(len(inds))], op,
                     lambda k: kalimat(Ref(f"n{k}"), " (", pct(Ref(f"e{k}")), ")"))

    values = [Ref(f"e{k}") for k in range(len(inds))]
    sentence = jika(all_numbers(*values), kalimat(
        f"Di antara {bilangan(len(inds))} indikator sasaran yang efisiensinya dapat dihitung, efisiensi tertinggi "
        "dicapai oleh indikator ", pilih(">="), ", sedangkan yang terendah oleh indikator ", pilih("<="), "."), "")
    try:
        return rendered(sentence, addr, env)
    except ValueError:
        return None


def belanja_per_jenis(book: Book, result: Result) -> list[list[tuple[Teks | str, str]]]:
    """Belanja per jenis in paragraphs: a kelompok (belanja operasi, belanja modal) with its total, "terdiri
    atas" each jenis under it (pegawai, barang dan jasa; modal peralatan …), each with pagu, realisasi and
    serapan by reference to the Realisasi per Jenis Belanja table; none when the input has no jenis.
    A paragraph is its pieces with the text joining each to the one before (cells_of)."""
    tahun = result.data.identitas.tahun
    shown = []
    for g in result.belanja:
        where = book.figures.get(FigureKey.belanja(g.kode, "pagu"))
        real, serapan = (book.figure_ref(FigureKey.belanja(g.kode, m)) for m in ("realisasi", "serapan"))
        if where is not None and real is not None and serapan is not None:
            shown.append((g, where, real, serapan))
    kelompok = {g.kode for g, *_ in shown if g.kelompok}

    def induk(g) -> str:
        return next((k for k in kelompok if not g.kelompok and g.kode.startswith(k + ".")), "")

    has_members = {induk(g) for g, *_ in shown} - {""}
    out: list[tuple[str, list[tuple[Teks | str, str]]]] = []  # (the kelompok a paragraph opens, its pieces)
    for g, (sheet, row, col), real, serapan in shown:
        addr = {"uraian": ref(sheet, row, D.J_URAIAN), "pagu": ref(sheet, row, col), "realisasi": real,
                "serapan": serapan}
        env = {"uraian": g.uraian, "pagu": cell_value(g.pagu), "realisasi": cell_value(g.realisasi),
               "serapan": cell_value(g.serapan)}
        figures: tuple[str | Expr, ...] = (
            rupiah(Ref("pagu")), ", realisasi ", rupiah(Ref("realisasi")), " (serapan ",
            persen(Ref("serapan"), "tidak dapat dihitung"),
            jika(all_numbers(Ref("serapan")), jika(Compare(Round(Ref("serapan"), 2), ">", 100), ", melebihi pagu", ""),
                 ""))
        if induk(g) and out and out[-1][0] == induk(g):  # "Belanja Pegawai dengan pagu Rp… (serapan …)"
            out[-1][1].append((rendered(kalimat(Ref("uraian"), " dengan pagu ", *figures, ")"), addr, env), ""))
            continue
        if g.unknown:  # §10.16: the sums leave out an amount that could not be read
            figures = (*figures, ", tanpa jumlah yang tidak dapat dibaca")
        opens = g.kode in has_members
        sentence = kalimat(Ref("uraian"), f" tahun {tahun}: pagu ", *figures, "), terdiri atas" if opens else ").")
        out.append((g.kode if opens else "", [(rendered(sentence, addr, env), " ")]))
    paragraphs = []
    for _, pieces in out:
        members = len(pieces) - 1
        for k in range(1, members + 1):  # "terdiri atas A, B dan C."
            pieces[k] = (pieces[k][0], " " if k == 1 else " dan " if k == members else ", ")
        if members:
            pieces.append((".", ""))
        paragraphs.append(pieces)
    return paragraphs


def _name_with_satuan(ind: Indicator) -> str:
    """The indicator with its satuan as the sentences write it: `(%)`, `(LKD)`; an index has none."""
    unit = unit_of(ind).strip()
    if not unit or f"({unit})".casefold() in ind.nama.casefold():  # `… Desa (LKD) yang Aktif`: said once
        return ind.nama
    return f"{ind.nama} ({unit})"


def _tanpa_pembanding(inds: list[Indicator], tanpa: list[Indicator]) -> str:
    """Said once for a sasaran (or the tujuan): which indicators have no benchmark."""
    sumber = "kabupaten/kota lain, RPJMD Provinsi, maupun RPJMN karena data pembanding belum tersedia"
    if len(tanpa) == len(inds):
        which = "indikator ini" if len(inds) == 1 else f"{bilangan(len(inds))} indikator di atas"
        return f"Realisasi {which} belum dapat dibandingkan dengan {sumber}."
    names = ", ".join(ind.nama for ind in tanpa)
    return f"Realisasi indikator {names} belum dapat dibandingkan dengan {sumber}."


def cells_of(paragraph: list[tuple[Teks | str, str]]) -> list[tuple[Teks | str, str]]:
    """The paragraph as few formulas as Excel's formula limits allow, each with the text that joins it
    to the one before: one, unless it is too long (write() then joins them in one cell)."""
    out: list[tuple[Teks | str, str]] = []
    current: list[tuple[Teks | str, str]] = []

    def joined(pieces: list[tuple[Teks | str, str]]) -> Teks | str:
        if all(isinstance(t, str) for t, _ in pieces):
            return "".join((sep if k else "") + str(t) for k, (t, sep) in enumerate(pieces))
        parts: list[Expr] = []
        addr: dict[str, str] = {}
        env: dict[str, Any] = {}
        for k, (t, sep) in enumerate(pieces):
            if k and sep:
                parts.append(Text(sep))
            if isinstance(t, Teks):
                addr[f"k{k}"], env[f"k{k}"] = t.formula, t.value
                parts.append(Ref(f"k{k}"))
            else:
                parts.append(Text(t))
        return rendered(Concat(tuple(parts)), addr, env)

    for piece in paragraph:
        try:
            joined(current + [piece])
            current.append(piece)
        except ValueError:
            out.append((joined(current), current[0][1]))
            current = [piece]
    if current:
        out.append((joined(current), current[0][1]))
    return out


# ----------------------------------------------------------------------------- Bab IV


def write_bab_iv(book: Book, result: Result, layout: D.Layout, write, heading, isian,
                 rangkuman: str | None = None) -> None:
    """Bab IV Penutup: 4.1 each tujuan indicator's capaian and kategori (live), 4.2 the Rangkuman PK table
    cited with a live count of the indicators per kategori, 4.3 the office's upaya perbaikan as a numbered
    list (an empty marked cell to write them in when the input has none) and the closing paragraph."""
    ident = result.data.identitas
    tahun, skpd = ident.tahun, " ".join(str(ident.skpd or "").split()) or "SKPD"
    heading("BAB IV PENUTUP \u2014 4.1 Capaian Indikator Tujuan")
    tujuan = [ind for ind in result.indicators if ind.level != "sasaran"]
    if not tujuan:
        write("Indikator tujuan belum tercantum di lembar Kinerja, sehingga capaiannya belum dapat disimpulkan.")
    for ind in tujuan:
        p = Paragraph(book, result, layout, ind)
        T, R, C = Ref("target"), Ref("realisasi"), Ref("capaian")
        # the tujuan by reference to Data Kinerja's cell (its row is the indicator's): shown, never evaluated
        tujuan_txt = ind.row.tujuan
        pembuka: tuple[str | Expr, ...] = ("Capaian indikator tujuan ",)
        if tujuan_txt is not None and " ".join(str(tujuan_txt.value).split()):
            p.addr["tujuan"] = ref(D.KINERJA, layout.ind_row[id(ind)], D.K_TUJUAN)
            p.env["tujuan"] = str(tujuan_txt.value)
            pembuka = ("Capaian tujuan \u201c", Ref("tujuan"), "\u201d dengan indikator ")
        yes = kalimat(*pembuka, Ref("nama"), f" tahun {tahun} dinyatakan ", Lower(Ref("kategori")),
                      f" karena realisasinya {p.kata} ", p.v("realisasi"), " dari target ", p.vt("target"),
                      ", atau capaian kinerja sebesar ", persen(C), ".")
        no = kalimat(*pembuka, Ref("nama"), f" tahun {tahun} belum dapat disimpulkan karena target atau "
                     "realisasinya belum tersedia.")
        try:
            write(rendered(jika(all_numbers(T, R, C), yes, no), p.addr, p.env))
        except ValueError:
            write(rendered(no, p.addr, p.env))
    heading("4.2 Rangkuman Singkat Capaian Perjanjian Kinerja")
    tabel = f"Tabel {rangkuman}" if rangkuman else "tabel Rangkuman PK"
    pokok = (f"Rangkuman capaian seluruh indikator Perjanjian Kinerja {skpd} tahun {tahun} (target, realisasi, "
             f"capaian dan kategori) disajikan pada {tabel}, dan analisis setiap indikatornya telah diuraikan pada "
             "Bab III.")
    ringkas = _per_kategori(result, layout)
    write(cells_of([(pokok, " "), (ringkas, " ")]) if ringkas is not None else pokok)
    heading("4.3 Upaya Perbaikan")
    upaya = [u for u in (getattr(result.data, "upaya", None) or []) if str(u.value).strip()]
    if upaya:
        write(f"Beberapa langkah yang akan ditempuh {skpd} untuk meningkatkan kinerja pada tahun berikutnya "
              "antara lain sebagai berikut:")
        for k, u in enumerate(upaya, start=1):
            write(f"{k}. {' '.join(str(u.value).split())}")
    else:
        isian(UPAYA_INPUT_LABEL)
    write(f"Demikian Laporan Kinerja Instansi Pemerintah (LKIP) {skpd} Tahun {tahun} ini disusun sebagai bentuk "
          f"pertanggungjawaban atas pencapaian kinerja tahun {tahun}. Laporan ini diharapkan dapat menjadi bahan "
          "pertimbangan dalam menilai keberhasilan kinerja dan dipergunakan untuk meningkatkan efektivitas "
          "perencanaan dan pelaksanaan kegiatan pada tahun berikutnya.")


def _per_kategori(result: Result, layout: D.Layout) -> Teks | None:
    """One live sentence: how many indicators fall in each kategori (COUNTIF over Perhitungan Kinerja's
    Kategori column, the band names by reference to its scale), the bands with none left out: "Dari 6
    indikator kinerja tahun 2024, 5 indikator berkategori sangat berhasil dan 1 indikator berkategori
    berhasil." None when the indicators' rows are not one block or there is no scale."""
    rows = sorted(layout.ind_row[id(ind)] for ind in result.indicators if id(ind) in layout.ind_row)
    names = list(layout.skala_nama or [])
    if not rows or rows != list(range(rows[0], rows[0] + len(rows))) or len(names) != len(result.skala):
        return None
    first, last = ref(D.HITUNG, rows[0], D.H_KAT), ref(D.HITUNG, rows[-1], D.H_KAT)
    addr = {"kategori": f"{first}:{last.split('!')[-1]}"}
    env: dict[str, Any] = {"kategori": [cell_value(ind.kategori) for ind in
                                        sorted(result.indicators, key=lambda i: layout.ind_row[id(i)])]}
    for k, ((_, band), cell) in enumerate(zip(result.skala, names)):
        addr[f"band{k}"], env[f"band{k}"] = cell, band
    counts = [CountIf("kategori", Ref(f"band{k}")) for k in range(len(names))]
    ada = [If(Compare(n, ">", 0), Const(1), Const(0)) for n in counts]  # 1 for a band with indicators
    tahun = result.data.identitas.tahun
    n_tujuan = sum(1 for ind in result.indicators if ind.level != "sasaran")
    n_sasaran = len(rows) - n_tujuan
    which = f"{bilangan(n_tujuan)} indikator tujuan dan {bilangan(n_sasaran)} indikator sasaran" if n_tujuan and \
        n_sasaran else ""
    parts: list[str | Expr] = [f"Dari {bilangan(len(rows))} indikator kinerja tahun {tahun}, "]
    for k, n in enumerate(counts):
        after: str | Expr = ""
        if k + 1 < len(counts):  # "A, B dan C": "dan" before the last band with indicators, "," before others
            later = _sum(ada[k + 1:])
            after = jika(Compare(later, ">", 1), ", ", jika(Compare(later, "=", 1), " dan ", ""))
        parts.append(jika(Compare(n, ">", 0),
                          kalimat(Angka(n, 0), " indikator berkategori ", Lower(Ref(f"band{k}")), after), ""))
    # the indicators without a kategori: their capaian could not be computed
    tanpa = Sub(Const(len(rows)), _sum(list(counts)))
    parts.append(jika(Compare(tanpa, ">", 0), kalimat("; ", Angka(tanpa, 0), " indikator belum dapat dinilai karena "
                                                      "capaiannya belum dapat dihitung"), ""))
    parts.append(".")
    sentence: Expr = kalimat(*parts)
    for k in reversed(range(len(counts))):  # every indicator in one band: said so
        sentence = If(Compare(counts[k], "=", len(rows)), kalimat(
            f"Seluruh indikator kinerja tahun {tahun}" + (f", yaitu {which}," if which else "") + " berkategori ",
            Lower(Ref(f"band{k}")), "."), sentence)
    try:
        return rendered(sentence, addr, env)
    except ValueError:
        return None


def _sum(xs: Sequence[Expr]) -> Expr:
    out = xs[0]
    for x in xs[1:]:
        out = Add(out, x)
    return out
