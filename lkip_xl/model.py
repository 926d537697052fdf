"""Plain data of the product: what was read (with its cell) and what a finding says."""
from __future__ import annotations


from decimal import Decimal
from dataclasses import dataclass, field
from typing import Any, Literal

from lkip_xl.arith import add_up
from lkip_xl.figures import SERAPAN, SISA

def percent_of(part: float, whole: float) -> float | None:
    """Serapan: part / whole × 100 as declared in `figures.SERAPAN` (None on a zero whole, never inf)."""
    return SERAPAN.value({"realisasi": part, "pagu": whole})


# urusan / bidang: heading rows above the programs (`7`, `7.01`), their amounts are claims (§10.5);
# subtotal: `Jumlah <program>`, `Jumlah Anggaran Sub Kegiatan :` (§10.4); total: the grand total (§9.2).
Level = Literal["program", "kegiatan", "sub_kegiatan", "akun", "total", "subtotal", "urusan", "bidang"]

# What a figure leaves out when a value could not be read (§10.16, §10.21): bits of `unknown`.
# PAGU / REALISASI: a budget sum over an unreadable amount; TARGET / KINERJA: an indicator's report-year
# target / realisasi that could not be read (nothing is taken in its place).
PAGU, REALISASI, TARGET, KINERJA = 1, 2, 4, 8
# The inputs each computed figure rests on (FigureKey.measure -> bits); a figure absent here rests on none.
MONEY_OF = {"pagu": PAGU, "realisasi": REALISASI, "realisasi_anggaran": REALISASI, "sisa": PAGU | REALISASI,
            "serapan": PAGU | REALISASI, "efisiensi": PAGU | REALISASI, "nilai": PAGU | REALISASI}
INDICATOR_RESTS_ON = {"target": TARGET, "realisasi": KINERJA, "capaian": TARGET | KINERJA,
                      "kategori": TARGET | KINERJA, "capaian_akhir": KINERJA, "pagu": PAGU,
                      "realisasi_anggaran": REALISASI, "sisa": PAGU | REALISASI, "serapan": PAGU | REALISASI,
                      "efisiensi": PAGU | REALISASI | TARGET | KINERJA}
Tingkat = Literal["kesalahan", "peringatan", "info"]


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a value came from: input sheet name and A1 reference."""

    sheet: str
    ref: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


@dataclass(frozen=True, slots=True)
class FigureKey:
    """Which computed figure a finding or a claim compares with, and the workbook shows live.

    `subject` is "total" (the whole budget, E, Nilai), "node" (a program / kegiatan / sub kegiatan
    by its index in `Result.nodes`), "ind" (an indicator by its index in `Result.indicators`),
    "belanja" (a jenis or kelompok belanja by its code) or "belanja_total"; `measure` names the figure
    ("pagu", "serapan", "capaian_2023", …).
    """

    subject: str
    index: int | str | None
    measure: str

    @classmethod
    def total(cls, measure: str) -> "FigureKey":
        return cls("total", None, measure)

    @classmethod
    def node(cls, index: int, measure: str) -> "FigureKey":
        return cls("node", index, measure)

    @classmethod
    def ind(cls, index: int, measure: str) -> "FigureKey":
        return cls("ind", index, measure)

    @classmethod
    def belanja(cls, kode: str, measure: str) -> "FigureKey":
        return cls("belanja", kode, measure)

    @classmethod
    def pegawai(cls, subjek: str) -> "FigureKey":
        """A count of Tabel 1.1: `subjek` is "pendidikan:S1", "pangkat:III/a", "golongan:III", "golongan:PPPK",
        "total" … (rules/pegawai.py lists them)."""
        return cls("pegawai", subjek, "jumlah_pegawai")

    def of(self, measure: str) -> "FigureKey":
        """The same subject's figure `measure`."""
        return FigureKey(self.subject, self.index, measure)


# A double carries about 17 significant digits; more decimals than that say nothing more.
MAX_DECIMALS = 17


def shortest_decimals(value: float) -> int:
    """Decimals of the shortest form of `value` (93.67 -> 2), at most MAX_DECIMALS."""
    try:
        exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    except (OverflowError, ValueError):
        return 0
    return min(MAX_DECIMALS, max(0, -exponent)) if isinstance(exponent, int) else 0


@dataclass(frozen=True, slots=True)
class Num:
    """A number read from the input.

    `value` is in display units: a percentage is 93.67, never 0.9367.
    `decimals` is how many decimals the user wrote or formatted (None: unknown).
    `percent_format`: a Rupiah amount stored in a percent-formatted cell; `value` is the number
    stored (Rp1.500.000, not the 150.000.000 % the cell shows), the reader reports the format.
    """

    value: float
    cell: Cell
    raw: Any = None
    decimals: int | None = None
    percent: bool = False
    unit: str | None = None
    percent_format: bool = False


@dataclass(frozen=True, slots=True)
class Target(Num):
    """A target as a PK document writes it (§10.12): `≥ 83`, `maks. 20`, `80 - 85 %`.

    `value` is the bound capaian is measured against (for a band: the lower bound for positive
    polarity, the upper for negative); `written` is the cell's text, which the tables print.
    `arah` is the direction the text gives ("positif" for ≥ / min, "negatif" for ≤ / maks, None for a
    band); `low`/`high` are a band's bounds.
    """

    written: str = ""
    arah: str | None = None
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Txt:
    """A text read from the input, with its cell."""

    value: str
    cell: Cell


def claim_decimals(stated: "Num") -> int:
    """Decimals a claim was written with, capped: beyond ~17 digits a double holds nothing more."""
    d = stated.decimals if stated.decimals is not None else shortest_decimals(stated.value)
    return max(0, min(d, MAX_DECIMALS))


@dataclass(slots=True)
class Finding:
    kode: str
    tingkat: Tingkat
    lembar: str | None
    sel: str | None
    pesan: str
    dilaporkan: Any = None
    dihitung: Any = None
    # For the workbook's live selisih: which computed figure the stated cell is compared with
    # (e.g. FigureKey.node(3, "pagu"), FigureKey.ind(2, "serapan")), and how.
    figure: FigureKey | None = field(default=None, compare=False)
    kind: str | None = field(default=None, compare=False)  # "money" | "ratio"
    decimals: int | None = field(default=None, compare=False)
    # Findings that share one cause (the same wrong figure claimed in several tables) share a number
    # (SPEC §6); checks/kelompok.py numbers them, 1, 2, … in the order of their first finding.
    kelompok: int | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kode": self.kode,
            "tingkat": self.tingkat,
            "lembar": self.lembar,
            "sel": self.sel,
            "pesan": self.pesan,
            "dilaporkan": self.dilaporkan,
            "dihitung": self.dihitung,
            "kelompok": self.kelompok,
        }


# ---------------------------------------------------------------- input rows


@dataclass(slots=True)
class Identitas:
    tahun: int
    skpd: str = ""
    pemda: str = ""
    periode: tuple[int, int] | None = None
    kepala: str = ""
    nip: str = ""
    jabatan: str = ""
    tempat_tanggal: str = ""
    rumus_polaritas_negatif: Literal["(2T-R)/T", "T/R"] = "(2T-R)/T"
    rumus_efisiensi: str = "PMK 249"  # a key of figures.RUMUS_EFISIENSI
    skala_kategori: Literal["Berhasil", "Permendagri 86"] = "Berhasil"
    toleransi_rupiah: float = 1.0
    nomor_lhe: str = ""  # the LHE whose rekomendasi the Tindak Lanjut LHE sheet follows up (SPEC §12)
    tanggal_lhe: str = ""  # as the table prints it: `19 Juli 2024`
    cells: dict[str, Cell] = field(default_factory=dict)


@dataclass(slots=True)
class IndicatorRow:
    """One row of the Kinerja sheet."""

    row: int
    level: Literal["tujuan", "sasaran"]
    indikator: Txt
    tujuan: Txt | None = None
    sasaran: Txt | None = None
    satuan: Txt | None = None
    polaritas: Literal["positif", "negatif"] = "positif"
    targets: dict[int, Num] = field(default_factory=dict)
    realisasi: dict[int, Num] = field(default_factory=dict)
    capaian: dict[int, Num] = field(default_factory=dict)  # stated: claims
    target_pk: Num | None = None
    kategori: Txt | None = None  # stated: a claim
    benchmarks: dict[str, Num | Txt] = field(default_factory=dict)
    iku: dict[str, Txt] = field(default_factory=dict)
    # Values that could not be read (UNREADABLE_VALUE), as written: ("target", year), ("target_pk",),
    # ("realisasi", year) -> the text. Such a value is unknown: nothing else is judged in its place (§10.21).
    unreadable: dict[tuple, Txt] = field(default_factory=dict)
    # the cell the report year's realisasi is read from (where MISSING_REALISASI points when it is empty)
    realisasi_cell: Cell | None = None


@dataclass(slots=True)
class KomponenRow:
    indikator: Txt
    tahun: int
    nilai: Num
    metode: Literal["rata-rata", "jumlah", "pembilang", "penyebut"]
    komponen: Txt | None = None


@dataclass(slots=True)
class BudgetRow:
    """One row of the DPA or Realisasi sheet.

    `amount` is the pagu (DPA) or the realisasi (Realisasi); for program,
    kegiatan, total rows and a sub kegiatan with akun rows it is a claim.
    """

    sheet: str
    row: int
    level: Level
    kode: str | None
    nomor: str | None
    uraian: Txt | None
    amount: Num | None
    label_cell: Cell
    pagu: Num | None = None  # Realisasi sheet only (checked against DPA)
    persen: Num | None = None
    sisa: Num | None = None
    indikator: Txt | None = None
    target_kinerja: Txt | None = None
    satuan: Txt | None = None
    key_cell: Cell | None = None  # the cell of the code (first part) or the outline number
    subtotal_of: str | None = None  # a subtotal row: the level its label names ("program" …), if any
    unreadable: bool = False  # `amount`'s cell holds something that is no amount (UNREADABLE_VALUE, §10.16)


@dataclass(slots=True)
class PemetaanRow:
    indikator: Txt
    kode: str | None
    nomor: str | None
    cell: Cell  # the code / number cell


@dataclass(slots=True)
class BelanjaRow:
    kode: str | None
    uraian: Txt | None
    pagu: Num | None
    realisasi: Num | None
    persen: Num | None
    label_cell: Cell
    row: int
    unknown: int = 0  # PAGU | REALISASI: that amount's cell could not be read (§10.16)


@dataclass(slots=True)
class Klaim:
    """A figure of the draft report (Dilaporkan), as read: the reader also says what it names."""

    row: int
    tabel: str
    subjek: Txt
    ukuran: Txt
    nilai: Num | Txt
    measure: str | None = None  # the canonical ukuran ("Pagu", "Capaian", …), None: not one we know
    kode: str | None = None  # the Subjek read as a budget / akun code, if it is one
    nomor: str | None = None  # the Subjek read as an outline number (1.2.3), if it is one
    expected: str = "angka"  # what the Nilai must be, in words ("jumlah Rupiah", "persentase", "angka")
    pegawai: str | None = None  # a Jumlah Pegawai claim: the count its Subjek names ("pangkat:III/a", FigureKey.pegawai)


# The canonical claim measures (Klaim.measure): Rupiah amounts, percentages, and the computed
# figure each one is compared with (FigureKey.measure).
MONEY_MEASURES = frozenset({"Pagu", "Realisasi Anggaran", "Sisa"})
PERCENT_MEASURES = frozenset({"Capaian", "Capaian Akhir Renstra", "Serapan", "Efisiensi"})
FIGURE_MEASURE = {"Target": "target", "Realisasi": "realisasi", "Capaian": "capaian",
                  "Capaian Akhir Renstra": "capaian_akhir", "Target Akhir Renstra": "target_akhir", "Pagu": "pagu",
                  "Realisasi Anggaran": "realisasi_anggaran", "Sisa": "sisa", "Serapan": "serapan",
                  "Efisiensi": "efisiensi", "Nilai Efisiensi": "nilai", "Kategori": "kategori",
                  "Jumlah Pegawai": "jumlah_pegawai"}


@dataclass(slots=True)
class ClaimJudgement:
    """What the checks found for one Dilaporkan row; the workbook shows it and never re-judges."""

    computed: Any = None  # the computed figure (None: none, or not computable)
    figure: FigureKey | None = None  # where the workbook holds it
    unknown: bool = False  # the figure leaves out an amount that could not be read: not judged (§10.16)
    kind: Literal["money", "percent", "decimal"] = "decimal"  # how the stated number is shown
    agrees: bool | None = None  # None: not judged (unknown subject, unreadable value, …)


# ------------------------------------------------- Bab I and the closing lists (SPEC §12)

# Tabel 1.1's rows, as the seed prints them: pendidikan, pangkat (golongan/ruang) and golongan. A PPPK
# has no pangkat: its own row in both lists.
PENDIDIKAN = ("SD", "SLTP", "SLTA", "D1", "D2", "D3", "D4", "S1", "S2", "S3")
GOLONGAN = ("I", "II", "III", "IV")
RUANG = {"I": "abcd", "II": "abcd", "III": "abcd", "IV": "abcde"}
PANGKAT = tuple(f"{g}/{r}" for g in GOLONGAN for r in RUANG[g])  # I/a … IV/e
PNS, PPPK = "PNS", "PPPK"
STATUS = (PNS, PPPK)


@dataclass(slots=True)
class PegawaiRow:
    """One row of the Pegawai sheet: as written, and what Tabel 1.1 counts (None: not known)."""

    row: int
    nama: Txt
    nip: Txt | None = None  # as written (split off the Nama cell when the DUK writes both there)
    pangkat: Txt | None = None  # as written: `Pembina (IV/a)`, `Penata Muda`, `PPPK Golongan VII`
    jabatan: Txt | None = None
    pendidikan_tertulis: Txt | None = None
    golongan: str | None = None  # `III/a`; a PPPK's own golongan `VII`
    status: str | None = None  # PNS | PPPK
    pendidikan: str | None = None  # one of PENDIDIKAN


@dataclass(frozen=True, slots=True)
class Tanggal:
    """A date as a closing list writes it; `hari` None for a month (`Desember 2024`)."""

    tahun: int
    bulan: int
    hari: int | None = None


@dataclass(slots=True)
class PenghargaanRow:
    row: int
    penghargaan: Txt
    tanggal: Tanggal | None = None
    tanggal_tertulis: Txt | None = None  # shown as written when it is no date (UNREADABLE_VALUE)
    tempat: Txt | None = None
    pemberi: Txt | None = None


@dataclass(slots=True)
class InovasiRow:
    row: int
    nama: Txt
    uraian: Txt | None = None


# The komponen of the evaluation of SAKIP (PermenPANRB 88/2021), in the LHE's order.
KOMPONEN_LHE = ("Perencanaan Kinerja", "Pengukuran Kinerja", "Pelaporan Kinerja", "Evaluasi Akuntabilitas Kinerja")


@dataclass(slots=True)
class TindakLanjutRow:
    row: int
    rekomendasi: Txt
    komponen: str = ""  # one of KOMPONEN_LHE, or as written
    rencana: Txt | None = None
    status: Txt | None = None


@dataclass(slots=True)
class SkalaRow:
    batas_bawah: float
    kategori: str


@dataclass(slots=True)
class SheetReading:
    """How one input sheet was read (SPEC §10.7, Pembacaan): which rows made the header, which
    column serves each field, how many rows were data and which rows were skipped, and why."""

    lembar: str
    peran: str  # "Identitas" | "Kinerja" | "DPA" | "Realisasi" | …
    baris_header: tuple[int, int] | None = None
    kolom: dict[str, str] = field(default_factory=dict)  # field -> column letter, "A:C" for a split code
    label: dict[str, str] = field(default_factory=dict)  # field -> its header label as written
    data_rows: set[int] = field(default_factory=set)
    dilewati: dict[int, str] = field(default_factory=dict)  # row -> why it is no data (Indonesian)
    dipatok: set[str] = field(default_factory=set)  # fields pinned by the Pengaturan Baca sheet
    hidden_rows: set[int] = field(default_factory=set)  # the sheet's hidden rows (a filter, a collapsed group)

    def skip(self, row: int, alasan: str) -> None:
        self.data_rows.discard(row)
        self.dilewati.setdefault(row, alasan)

    @property
    def baris_data(self) -> int:
        return len(self.data_rows)

    @property
    def baris_tersembunyi(self) -> int:
        """Data rows that are hidden in the input: read like any other (SPEC §10.20)."""
        return len(self.data_rows & self.hidden_rows) if self.hidden_rows else 0


@dataclass(slots=True)
class InputData:
    path: str
    identitas: Identitas
    indicators: list[IndicatorRow]
    dpa: list[BudgetRow]
    realisasi: list[BudgetRow]
    komponen: list[KomponenRow] = field(default_factory=list)
    pemetaan: list[PemetaanRow] | None = None
    belanja: list[BelanjaRow] | None = None
    dilaporkan: list[Klaim] = field(default_factory=list)
    skala: list[SkalaRow] | None = None
    # SPEC §12, each None when its sheet is absent
    pegawai: list[PegawaiRow] | None = None
    penghargaan: list[PenghargaanRow] | None = None
    inovasi: list[InovasiRow] | None = None
    tindak_lanjut: list[TindakLanjutRow] | None = None
    sheet_names: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # raised while reading
    pembacaan: list[SheetReading] = field(default_factory=list)
    upaya: list[Txt] = field(default_factory=list)  # Upaya Perbaikan (SPEC §12): Bab IV 4.3


# ------------------------------------------------------------ computed figures


@dataclass(eq=False, slots=True)
class AkunLine:
    """An akun row under a sub kegiatan; `amount` is its leaf value or the sum of its leaves."""

    kode: str
    row: BudgetRow
    leaf: bool = True
    amount: float = 0.0
    realisasi_line: "AkunLine | None" = None
    unknown: bool = False  # its amount leaves out an unreadable leaf (§10.16)


@dataclass(eq=False, slots=True)
class BudgetNode:
    """A program, kegiatan or sub kegiatan with its computed (never stated) money."""

    level: str
    kode: str | None
    nomor: str | None
    uraian: str
    row: BudgetRow
    parent: "BudgetNode | None" = None
    children: list["BudgetNode"] = field(default_factory=list)
    akun: list[AkunLine] = field(default_factory=list)
    real_row: BudgetRow | None = None
    real_akun: list[AkunLine] = field(default_factory=list)
    pagu: float = 0.0
    realisasi: float = 0.0
    unknown: int = 0  # PAGU | REALISASI: that sum leaves out an unreadable leaf amount (§10.16)

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def sisa(self) -> float:
        return SISA.value({"pagu": self.pagu, "realisasi": self.realisasi})

    @property
    def serapan(self) -> float | None:
        return percent_of(self.realisasi, self.pagu)

    @property
    def label(self) -> str:
        return self.kode or self.nomor or self.uraian

    def leaves(self) -> list["BudgetNode"]:
        if not self.children:
            return [self]
        return [leaf for child in self.children for leaf in child.leaves()]


@dataclass(eq=False, slots=True)
class AnggaranRow:
    """A row of the budget listing (Data Anggaran), depth first: a program / kegiatan / sub kegiatan,
    or an akun code under a sub kegiatan with its DPA and Realisasi lines. Its pagu and realisasi
    are the sum of the leaf amounts of rows `index … last` (its span)."""

    depth: int
    node: BudgetNode | None = None
    kode: str = ""  # an akun row's code
    dpa: AkunLine | None = None
    real: AkunLine | None = None
    last: int = 0  # index of the last row of its span in the listing
    pagu: float = 0.0
    realisasi: float = 0.0
    jenis: str = ""  # an akun row's jenis (5.1.02) and kelompok (5.1) belanja, when its code has them
    kelompok: str = ""


@dataclass(slots=True)
class BelanjaGroup:
    kode: str
    uraian: str
    pagu: float
    realisasi: float
    kelompok: bool = False  # 5.1 / 5.2 group rather than one jenis
    unknown: int = 0  # PAGU | REALISASI: that sum leaves out an unreadable amount (§10.16)

    @property
    def serapan(self) -> float | None:
        return percent_of(self.realisasi, self.pagu)


@dataclass(eq=False, slots=True)
class Indicator:
    row: IndicatorRow
    target: float | None = None
    target_num: Num | None = None
    realisasi: float | None = None
    realisasi_source: str | None = None  # "komponen" | "kinerja"
    komponen: dict[int, float] = field(default_factory=dict)
    komponen_metode: dict[int, str] = field(default_factory=dict)  # year -> figures.komponen_metode, when built
    realisasi_by_year: dict[int, float] = field(default_factory=dict)
    capaian_by_year: dict[int, float | None] = field(default_factory=dict)
    capaian: float | None = None
    kategori: str | None = None
    target_akhir: float | None = None
    tahun_akhir: int | None = None
    capaian_akhir: float | None = None
    supports: list[BudgetNode] | None = None  # distinct leaf nodes; None: unmapped
    whole_budget: bool = False
    pagu: float | None = None
    realisasi_anggaran: float | None = None
    serapan: float | None = None
    efisiensi: float | None = None
    unknown: int = 0  # PAGU | REALISASI | TARGET | KINERJA: what its figures leave out (§10.16, §10.21)

    @property
    def nama(self) -> str:
        return self.row.indikator.value

    @property
    def level(self) -> str:
        return self.row.level


# ------------------------------------------------------- facts for the checks


@dataclass
class BudgetIssues:
    """Structural facts the checks report (rules only record them)."""

    duplicates: list[tuple[BudgetRow, str]] = field(default_factory=list)  # row, the repeated key
    orphans: list[tuple[BudgetRow, str]] = field(default_factory=list)  # row, missing parent label
    unmatched_realisasi: list[BudgetRow] = field(default_factory=list)
    unmatched_dpa: list[BudgetNode] = field(default_factory=list)
    name_mismatch: list[tuple[BudgetNode, BudgetRow]] = field(default_factory=list)
    dpa_totals: list[BudgetRow] = field(default_factory=list)
    realisasi_totals: list[BudgetRow] = field(default_factory=list)
    missing_amount: list[BudgetRow] = field(default_factory=list)
    # Stated subtotals (§10.4): the row and the groups it may total (the first one when none agrees).
    dpa_subtotals: list[tuple[BudgetRow, list[BudgetNode]]] = field(default_factory=list)
    realisasi_subtotals: list[tuple[BudgetRow, list[BudgetNode]]] = field(default_factory=list)
    # Urusan / bidang heading rows (§10.5): claims on the programs whose codes they prefix.
    dpa_headings: list[BudgetRow] = field(default_factory=list)
    realisasi_headings: list[BudgetRow] = field(default_factory=list)


@dataclass
class BudgetTree:
    nodes: list[BudgetNode]
    by_code: dict[str, BudgetNode]
    by_nomor: dict[str, BudgetNode]
    issues: BudgetIssues
    total_pagu: float = 0.0
    total_realisasi: float = 0.0
    unknown: int = 0  # PAGU | REALISASI: the totals leave out an unreadable leaf amount (§10.16)
    tidak_terbaca: int = 0  # leaf amounts (pagu or realisasi) that could not be read

    def find(self, kode: str | None, nomor: str | None) -> BudgetNode | None:
        if kode and kode in self.by_code:
            return self.by_code[kode]
        if nomor and nomor in self.by_nomor:
            return self.by_nomor[nomor]
        return None

    @property
    def roots(self) -> list[BudgetNode]:
        return [n for n in self.nodes if n.parent is None]


@dataclass
class Overflow:
    """A figure whose formula gave no finite number (e.g. a target of 1e-300): left empty, reported."""

    cell: Cell  # the input cell responsible (the tiny target, the Σpenyebut's first row, …)
    figure: str  # "capaian 2024", "efisiensi", … (Indonesian, for the sentence)
    indikator: str
    numbers: tuple[tuple[str, float], ...]  # the inputs of the formula, named


@dataclass
class KinerjaIssues:
    komponen_join: list[list[Indicator]] = field(default_factory=list)  # per Komponen row, the indicators it names
    unknown_komponen: list[KomponenRow] = field(default_factory=list)
    unknown_pemetaan_indicator: list[PemetaanRow] = field(default_factory=list)
    unknown_pemetaan_code: list[PemetaanRow] = field(default_factory=list)
    overflows: list[Overflow] = field(default_factory=list)


@dataclass
class Positions:
    """Where each node / indicator / belanja group sits in a Result (for FigureKey), built once."""

    sizes: tuple[int, int, int]
    node: dict[int, int]  # id(node) -> index in Result.nodes
    ind: dict[int, int]  # id(indicator) -> index in Result.indicators
    belanja: dict[str, BelanjaGroup]  # kode -> the first group with it


@dataclass(eq=False)
class Result:
    """Everything computed from one input: the single source of every figure."""

    data: InputData
    nodes: list[BudgetNode]  # programs, kegiatan, sub kegiatan in budget order
    total_pagu: float
    total_realisasi: float
    indicators: list[Indicator]
    belanja: list[BelanjaGroup]
    belanja_source: str | None  # "akun" | "sheet" | None
    efisiensi_rata_rata: float | None
    nilai_efisiensi: float | None
    skala: list[tuple[float, str]]
    tree: BudgetTree | None = None  # the budget tree and its structural facts, for the checks
    kinerja_issues: KinerjaIssues = field(default_factory=KinerjaIssues)
    # Dilaporkan row (its index) -> what the checks found for that claim; judged once, by
    # checks/klaim.py, and shown by the workbook's Data Dilaporkan sheet.
    claims: dict[int, ClaimJudgement] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)
    efisiensi_unknown: bool = False  # E leaves out or averages an indicator with an unreadable input
    # Amounts left out of the sums because they could not be read (§10.16): leaf pagu and realisasi of
    # DPA / Realisasi, and of the Belanja sheet when its groups are the ones shown. A stated subtotal
    # that cannot be read is a finding but leaves nothing out.
    tidak_terbaca: int = 0
    # Tabel 1.1's counts by their key ("pendidikan:S1", FigureKey.pegawai), from the Pegawai sheet (None: none)
    pegawai: dict[str, int] | None = None
    _positions: Positions | None = field(default=None, repr=False)

    @property
    def budget_issues(self) -> BudgetIssues:
        return self.tree.issues if self.tree is not None else BudgetIssues()

    def positions(self) -> Positions:
        sizes = (len(self.nodes), len(self.indicators), len(self.belanja))
        if self._positions is None or self._positions.sizes != sizes:
            belanja: dict[str, BelanjaGroup] = {}
            for g in self.belanja:
                belanja.setdefault(g.kode, g)
            self._positions = Positions(sizes, {id(n): i for i, n in enumerate(self.nodes)},
                                        {id(ind): i for i, ind in enumerate(self.indicators)}, belanja)
        return self._positions

    def unknown(self, figure: FigureKey | None) -> bool:
        """Whether `figure` is computed from a sum that leaves out an unreadable amount: no claim on
        it is judged (§10.16). A realisasi of an indicator (its kinerja) is no money figure."""
        if figure is None:
            return False
        subject, measure = figure.subject, figure.measure
        if subject == "ind":
            bits = INDICATOR_RESTS_ON.get(measure, 0)
            index = figure.index
            return bool(bits and isinstance(index, int) and index < len(self.indicators)
                        and self.indicators[index].unknown & bits)
        bits = MONEY_OF.get(measure, 0)
        if not bits:
            return False
        if subject == "total":
            if measure in ("efisiensi", "nilai"):
                return self.efisiensi_unknown
            return bool(self.tree is not None and self.tree.unknown & bits)
        if subject == "node" and isinstance(figure.index, int) and figure.index < len(self.nodes):
            return bool(self.nodes[figure.index].unknown & bits)
        if subject == "belanja":
            group = self.positions().belanja.get(str(figure.index))
            return bool(group is not None and group.unknown & bits)
        if subject == "belanja_total":
            return any(g.unknown & bits for g in self.belanja if g.kelompok)
        return False

    @property
    def total_sisa(self) -> float:
        return SISA.value({"pagu": self.total_pagu, "realisasi": self.total_realisasi})

    @property
    def total_serapan(self) -> float | None:
        return percent_of(self.total_realisasi, self.total_pagu)

    @property
    def belanja_jumlah(self) -> tuple[float, float]:
        """Σ pagu and Σ realisasi over the kelompok belanja (5.1, 5.2, …): the per-jenis total."""
        kelompok = [g for g in self.belanja if g.kelompok]
        return add_up(g.pagu for g in kelompok), add_up(g.realisasi for g in kelompok)

    @property
    def belanja_jumlah_serapan(self) -> float | None:
        pagu, realisasi = self.belanja_jumlah
        return percent_of(realisasi, pagu)


# ------------------------------------------------- how a sheet was read, shown


def kolom_in_order(reading: SheetReading) -> list[tuple[str, str]]:
    """(field, column letters) from left to right, as the user sees the columns."""
    return sorted(reading.kolom.items(), key=lambda item: (column_number(item[1]), item[0]))


def dipatok_in_order(reading: SheetReading) -> list[str]:
    fields = [name for name, _ in kolom_in_order(reading) if name in reading.dipatok]
    return fields + sorted(reading.dipatok - set(fields))


def column_number(letters: str) -> int:
    """`A` -> 1, `AB` -> 28; a split code `A:C` by its first column."""
    n = 0
    for ch in letters.split(":")[0].strip().upper():
        if not "A" <= ch <= "Z":
            break
        n = n * 26 + ord(ch) - 64
    return n


def header_rows_text(reading: SheetReading) -> str:
    """`3`, `3–4`, or `-` when the sheet has no header row."""
    if not reading.baris_header:
        return "-"
    first, last = reading.baris_header
    return str(first) if first == last else f"{first}–{last}"


def key_fields(reading: SheetReading, tahun: int | None) -> list[tuple[str, str]]:
    """The columns a user checks first when a figure looks wrong: the money of a budget sheet, this
    year's target and realisasi of Kinerja."""
    wanted = ["Realisasi", "Pagu"] if reading.peran == "Realisasi" else ["Pagu", "Realisasi"]
    if tahun:
        wanted += [f"Target {tahun}", "Target PK", f"Realisasi {tahun}"]
    return [(name, reading.kolom[name]) for name in wanted if name in reading.kolom]


def main_fields(reading: SheetReading, tahun: int | None) -> list[tuple[str, str]]:
    """The key fields of the sheet, or its first few columns when it has none (Identitas, Pemetaan)."""
    return key_fields(reading, tahun) or kolom_in_order(reading)[:4]


def dilewati_runs(reading: SheetReading) -> list[tuple[int, int, str]]:
    """Skipped rows as runs (first, last, alasan): neighbouring rows with one reason and no data
    row between them read as one line (a signature block, a page header)."""
    import bisect

    data = sorted(reading.data_rows)
    runs: list[tuple[int, int, str]] = []
    for r, alasan in sorted(reading.dilewati.items()):
        if runs and runs[-1][2] == alasan:
            first, last, _ = runs[-1]
            k = bisect.bisect_right(data, last)
            if k == len(data) or data[k] > r:
                runs[-1] = (first, r, alasan)
                continue
        runs.append((r, r, alasan))
    return runs
