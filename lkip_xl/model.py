"""Plain data of the product: what was read (with its cell) and what a finding says."""
from __future__ import annotations

import math
from decimal import Decimal
from dataclasses import dataclass, field
from typing import Any, Literal

from lkip_xl.figures import SERAPAN

def percent_of(part: float, whole: float) -> float | None:
    """Serapan: part / whole × 100 as declared in `figures.SERAPAN` (None on a zero whole, never inf)."""
    return SERAPAN.value({"realisasi": part, "pagu": whole})


# urusan / bidang: heading rows above the programs (`7`, `7.01`), their amounts are claims (§10.5);
# subtotal: `Jumlah <program>`, `Jumlah Anggaran Sub Kegiatan :` (§10.4); total: the grand total (§9.2).
Level = Literal["program", "kegiatan", "sub_kegiatan", "akun", "total", "subtotal", "urusan", "bidang"]
Tingkat = Literal["kesalahan", "peringatan", "info"]


@dataclass(frozen=True, slots=True)
class Cell:
    """Where a value came from: input sheet name and A1 reference."""

    sheet: str
    ref: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}"


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
class Txt:
    """A text read from the input, with its cell."""

    value: str
    cell: Cell


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
    # (e.g. ("node", 3, "pagu"), ("ind", 2, "serapan"), ("total", "realisasi")), and how.
    figure: tuple | None = field(default=None, compare=False)
    kind: str | None = field(default=None, compare=False)  # "money" | "ratio"
    decimals: int | None = field(default=None, compare=False)

    def as_dict(self) -> dict[str, Any]:
        return {
            "kode": self.kode,
            "tingkat": self.tingkat,
            "lembar": self.lembar,
            "sel": self.sel,
            "pesan": self.pesan,
            "dilaporkan": self.dilaporkan,
            "dihitung": self.dihitung,
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
    rumus_efisiensi: Literal["PMK 249", "Selisih"] = "PMK 249"
    skala_kategori: Literal["Berhasil", "Permendagri 86"] = "Berhasil"
    toleransi_rupiah: float = 1.0
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


@dataclass(slots=True)
class Klaim:
    row: int
    tabel: str
    subjek: Txt
    ukuran: Txt
    nilai: Num | Txt


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

    def skip(self, row: int, alasan: str) -> None:
        self.data_rows.discard(row)
        self.dilewati.setdefault(row, alasan)

    @property
    def baris_data(self) -> int:
        return len(self.data_rows)


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
    sheet_names: dict[str, str] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)  # raised while reading
    pembacaan: list[SheetReading] = field(default_factory=list)


# ------------------------------------------------------------ computed figures


@dataclass(eq=False, slots=True)
class AkunLine:
    """An akun row under a sub kegiatan; `amount` is its leaf value or the sum of its leaves."""

    kode: str
    row: BudgetRow
    leaf: bool = True
    amount: float = 0.0
    realisasi_line: "AkunLine | None" = None


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

    @property
    def is_leaf(self) -> bool:
        return not self.children

    @property
    def sisa(self) -> float:
        return self.pagu - self.realisasi

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


@dataclass(slots=True)
class BelanjaGroup:
    kode: str
    uraian: str
    pagu: float
    realisasi: float
    kelompok: bool = False  # 5.1 / 5.2 group rather than one jenis

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

    @property
    def nama(self) -> str:
        return self.row.indikator.value

    @property
    def level(self) -> str:
        return self.row.level


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
    issues: dict[str, list] = field(default_factory=dict)  # structural facts for the checks
    # Dilaporkan row (its index) -> whether the claim agrees with the computed figure; judged once,
    # by checks/klaim.py, and shown by the workbook's Data Dilaporkan status.
    claim_agrees: dict[int, bool] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    @property
    def total_sisa(self) -> float:
        return self.total_pagu - self.total_realisasi

    @property
    def total_serapan(self) -> float | None:
        return percent_of(self.total_realisasi, self.total_pagu)

    @property
    def belanja_jumlah(self) -> tuple[float, float]:
        """Σ pagu and Σ realisasi over the kelompok belanja (5.1, 5.2, …): the per-jenis total."""
        kelompok = [g for g in self.belanja if g.kelompok]
        return sum(g.pagu for g in kelompok), sum(g.realisasi for g in kelompok)

    @property
    def belanja_jumlah_serapan(self) -> float | None:
        pagu, realisasi = self.belanja_jumlah
        return percent_of(realisasi, pagu)
