"""Where the data sheets put things: sheet names, columns, and the cells every table refers to."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable

from lkip_xl.model import Indicator, Num, Result
from lkip_xl.writer.book import ref

ANGGARAN = "Data Anggaran"
KINERJA = "Data Kinerja"
KOMPONEN = "Data Komponen"
PEMETAAN = "Data Pemetaan"
BELANJA = "Data Belanja"
DILAPORKAN = "Data Dilaporkan"
HITUNG = "Perhitungan Kinerja"

LEVEL_LABEL = {"program": "Program", "kegiatan": "Kegiatan", "sub_kegiatan": "Sub Kegiatan", "akun": "Akun"}



def n(num: Num | None) -> float | None:
    return None if num is None else num.value


@dataclass
class Layout:
    """Where things landed, for the tables."""

    node_row: dict[int, int] = field(default_factory=dict)  # id(node) -> row in Data Anggaran
    node_index: dict[int, int] = field(default_factory=dict)  # id(node) -> index in result.nodes
    total_row: int = 0
    ind_row: dict[int, int] = field(default_factory=dict)  # id(indicator) -> row in Perhitungan/Data Kinerja
    ind_id: dict[int, str] = field(default_factory=dict)
    kinerja_cols: dict[tuple, int] = field(default_factory=dict)
    pemetaan_last: int | None = None  # last row of Data Pemetaan's supporting list, when written
    realisasi_years: list[int] = field(default_factory=list)
    tahun: int = 0  # the report year
    e_cell: tuple[int, int] = (0, 0)
    skala_nama: list[str] = field(default_factory=list)  # the kategori scale's name cells, best band first
    nilai_cell: tuple[int, int] = (0, 0)
    belanja: BelanjaData | None = None

    def pemetaan_range(self, col: int) -> str:
        """Column `col` of Data Pemetaan's supporting list (written: pemetaan_last is set)."""
        assert self.pemetaan_last is not None, "Data Pemetaan is written first"
        return f"{ref(PEMETAAN, DATA_FIRST, col)}:{ref(PEMETAAN, self.pemetaan_last, col)}"


# Data Anggaran columns
C_LEVEL, C_KODE, C_NO, C_URAIAN, C_PAGU_DATA, C_REAL_DATA, C_PAGU, C_REAL, C_SISA, C_SERAPAN = range(10)
C_S_PAGU_DPA, C_S_REAL, C_S_PAGU_REAL, C_S_PERSEN, C_S_SISA, C_JENIS, C_KELOMPOK, C_SUMBER = range(10, 18)
C_URAIAN_REAL = 18



# Data Kinerja: the columns every indicator row has; the target, realisasi, capaian … columns of each
# year follow them (Layout.kinerja_cols)
K_ID, K_LEVEL, K_TUJUAN, K_SASARAN, K_INDIKATOR, K_SATUAN, K_POLARITAS = range(7)
# Data Komponen columns
KOM_ID, KOM_INDIKATOR, KOM_TAHUN, KOM_KOMPONEN, KOM_NILAI, KOM_METODE = range(6)
# Data Pemetaan columns: the distinct supporting sub kegiatan of each indicator, with live pagu and realisasi
P_ID, P_INDIKATOR, P_KODE, P_NO, P_URAIAN, P_PAGU, P_REAL = range(7)
DATA_FIRST = 3  # the first data row of Data Kinerja, Komponen and Pemetaan: below title, legend and header

# The Bab III budget tables (writer/tables/anggaran.py): Rincian Realisasi Anggaran, and per jenis belanja
T_NO, T_KODE, T_URAIAN, T_PAGU, T_REAL, T_SISA, T_RASIO = range(7)
J_KODE, J_URAIAN, J_PAGU, J_REAL, J_SISA, J_SERAPAN = range(6)

# Perhitungan Kinerja columns
H_ID, H_IND, H_LEVEL, H_TARGET, H_REAL, H_CAP, H_KAT, H_TAKHIR, H_CAKHIR, H_PAGU, H_RA, H_SERAPAN, H_EFF, H_E = range(14)
# and its kategori scale, below the indicators: lower bound, name, and "di bawahnya" for the open band
S_BATAS, S_NAMA, S_BAWAH = range(3)


@dataclass(frozen=True)
class IndicatorFigure:
    """A figure of an indicator as Perhitungan Kinerja defines it: its column there, its value, and how a
    table shows it (None: the indicator's own kind, whole numbers or decimals as its input)."""

    col: int
    value: Callable[[Indicator], Any]
    kind: str | None


INDICATOR_FIGURES: dict[str, IndicatorFigure] = {
    "target": IndicatorFigure(H_TARGET, lambda i: i.target, None),
    "realisasi": IndicatorFigure(H_REAL, lambda i: i.realisasi, None),
    "capaian": IndicatorFigure(H_CAP, lambda i: i.capaian, "percent"),
    "kategori": IndicatorFigure(H_KAT, lambda i: i.kategori, "text"),
    "target_akhir": IndicatorFigure(H_TAKHIR, lambda i: i.target_akhir, None),
    "capaian_akhir": IndicatorFigure(H_CAKHIR, lambda i: i.capaian_akhir, "percent"),
    "pagu": IndicatorFigure(H_PAGU, lambda i: i.pagu, "money"),
    "realisasi_anggaran": IndicatorFigure(H_RA, lambda i: i.realisasi_anggaran, "money"),
    "serapan": IndicatorFigure(H_SERAPAN, lambda i: i.serapan, "percent"),
    "efisiensi": IndicatorFigure(H_EFF, lambda i: i.efisiensi, "percent"),
}


@dataclass
class BelanjaData:
    """Where the leaf amounts the jenis belanja sums read are: sheet, rows and columns."""

    sheet: str
    first: int
    last: int
    jenis: int
    kelompok: int
    pagu: int
    realisasi: int

    def range(self, col: int) -> str:
        return f"{ref(self.sheet, self.first, col)}:{ref(self.sheet, self.last, col)}"


def indicator_ids(result: Result, layout: Layout) -> None:
    for i, ind in enumerate(result.indicators):
        layout.ind_id[id(ind)] = f"I{i + 1:02d}"


def belanja_formula(layout: Layout, kode: str, measure: str) -> str:
    """`figures.PER_JENIS`: the leaf amounts whose jenis (kelompok) equals `kode` (plain text equality)."""
    b = layout.belanja
    assert b is not None, "Data Belanja is written first"
    key_col = b.kelompok if kode.count(".") == 1 else b.jenis
    from lkip_xl.figures import PER_JENIS

    return PER_JENIS.formula({"keys": b.range(key_col), "kode": kode,
                            "values": b.range(b.pagu if measure == "pagu" else b.realisasi)})


# The rekap workbook (writer/rekap.py): the columns its formulas read and write. Each sheet begins
# No | Perangkat Daerah.
RK_NO, RK_SKPD = 0, 1
RD_KESALAHAN, RD_PERINGATAN, RD_INFO = 5, 6, 7  # Daftar Perangkat Daerah: the findings of each file
RA_PAGU, RA_REALISASI, RA_SISA, RA_SERAPAN = 2, 3, 4, 5  # Anggaran
RB_FIRST = 2  # Jenis Belanja: pagu and realisasi of each jenis side by side, from this column on
# Indikator: the columns Kinerja counts over (in the order of writer/rekap.py's INDIKATOR_LABELS)
RI_LEVEL, RI_CAPAIAN, RI_KATEGORI, RI_EFISIENSI = 2, 10, 11, 13
RKIN_JUMLAH, RKIN_FIRST_KATEGORI = 2, 3  # Kinerja: the number of indicators, then one column per kategori
