"""Input workbooks shaped like the files real offices keep (SPEC §10), with hand-computed figures.

Each `layout_*` function writes one complete input workbook into `folder` and returns
`(path, expected)`. The shapes follow what SIPD / SIMDA / wp-sipd / e-SAKIP print and what a
table pasted from a PDF looks like; see LAYOUTS.md beside this file for the sources.

`expected` holds figures computed BY HAND from the leaves (the arithmetic is in the comments),
never by running lkip-xl:

    {"anggaran": {"pagu", "realisasi", "sisa", "serapan"},
     "levels": {"program": n, "kegiatan": n, "sub_kegiatan": n},   # how many budget nodes
     "kegiatan": {kode: (level, pagu, realisasi)},                    # a few rows
     "indikator": {name: {"target", "realisasi", "capaian", "kategori", "capaian_akhir_renstra",
                          "pagu", "realisasi_anggaran", "serapan", "efisiensi", ...}},
     "efisiensi": {"rata_rata", "nilai"},
     "belanja": {kode: (pagu, realisasi)}        # only where akun rows exist
     "temuan": [(kode, tingkat), ...],           # the findings legitimately expected (a multiset)
     "kolom": {peran: {field: letter | None}}}   # optional: the column Pembacaan names (None: no column)

Most layouts share one small dataset (`Kecamatan Sungai Pandan`, 2024: 3 programs, 6 kegiatan,
6 sub kegiatan, 1 tujuan + 3 sasaran indicators) so the same hand figures (`CORE`) apply; a layout
that changes the data says so and carries its own figures. Data is internally consistent wherever
no finding is planted.
"""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable

import openpyxl
from openpyxl.utils import get_column_letter

M = 1_000_000
TAHUN = 2024
SKPD = "Kecamatan Sungai Pandan"
PEMDA = "Kabupaten Hulu Sungai Utara"

# ----------------------------------------------------------------------------- core dataset
# Budget tree (Permendagri 90/2019 codes; names as the seed's Tabel 3.13 writes them).
# (kode, outline number, uraian)
TREE = [
    ("7.01.01", "1.", "Program Penunjang Urusan Pemerintahan Daerah Kabupaten/Kota"),
    ("7.01.01.2.01", "1.1", "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"),
    ("7.01.01.2.01.0001", "1.1.1", "Penyusunan Dokumen Perencanaan Perangkat Daerah"),
    ("7.01.01.2.02", "1.2", "Administrasi Keuangan Perangkat Daerah"),
    ("7.01.01.2.02.0001", "1.2.1", "Penyediaan Gaji dan Tunjangan ASN"),
    ("7.01.01.2.06", "1.3", "Administrasi Umum Perangkat Daerah"),
    ("7.01.01.2.06.0001", "1.3.1", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor"),
    ("7.01.02", "2.", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"),
    ("7.01.02.2.02", "2.1", "Penyelenggaraan Urusan Pemerintahan yang Tidak Dilaksanakan oleh Unit Kerja "
                            "Perangkat Daerah yang Ada di Kecamatan"),
    ("7.01.02.2.02.0003", "2.1.1", "Peningkatan Efektivitas Pelaksanaan Pelayanan kepada Masyarakat di "
                                   "Wilayah Kecamatan"),
    ("7.01.02.2.04", "2.2", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"),
    ("7.01.02.2.04.0003", "2.2.1", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain "
                                   "yang Dilimpahkan"),
    ("7.01.03", "3.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan"),
    ("7.01.03.2.01", "3.1", "Koordinasi Kegiatan Pemberdayaan Desa"),
    ("7.01.03.2.01.0001", "3.1.1", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan "
                                   "Pembangunan di Desa"),
]
# The leaves: sub kegiatan -> (pagu, realisasi).
LEAF = {
    "7.01.01.2.01.0001": (25_000_000, 24_500_000),
    "7.01.01.2.02.0001": (1_200_000_000, 1_150_000_000),
    "7.01.01.2.06.0001": (15_000_000, 14_250_000),
    "7.01.02.2.02.0003": (120_000_000, 115_800_000),
    "7.01.02.2.04.0003": (80_000_000, 72_000_000),
    "7.01.03.2.01.0001": (60_000_000, 57_000_000),
}
# Akun leaves under each sub kegiatan: (akun, pagu, realisasi). They sum to LEAF exactly.
AKUN = {
    "7.01.01.2.01.0001": [("5.1.02.01.01.0024", 10_000_000, 9_800_000),
                          ("5.1.02.01.01.0026", 5_000_000, 4_900_000),
                          ("5.1.02.01.01.0052", 10_000_000, 9_800_000)],
    "7.01.01.2.02.0001": [("5.1.01.01.01.0001", 900_000_000, 870_000_000),
                          ("5.1.01.01.02.0001", 300_000_000, 280_000_000)],
    "7.01.01.2.06.0001": [("5.1.02.01.01.0031", 15_000_000, 14_250_000)],
    "7.01.02.2.02.0003": [("5.1.02.02.01.0003", 80_000_000, 76_000_000),
                          ("5.2.02.05.02.0001", 40_000_000, 39_800_000)],
    "7.01.02.2.04.0003": [("5.1.02.01.01.0052", 80_000_000, 72_000_000)],
    "7.01.03.2.01.0001": [("5.1.02.01.01.0024", 45_000_000, 42_500_000),
                          ("5.2.02.10.01.0002", 15_000_000, 14_500_000)],
}
AKUN_NAMA = {
    "5": "BELANJA DAERAH",
    "5.1": "BELANJA OPERASI",
    "5.1.01": "BELANJA PEGAWAI",
    "5.1.01.01": "Belanja Gaji dan Tunjangan ASN",
    "5.1.01.01.01": "Belanja Gaji Pokok ASN",
    "5.1.01.01.01.0001": "Belanja Gaji Pokok PNS",
    "5.1.01.01.02": "Belanja Tunjangan Keluarga ASN",
    "5.1.01.01.02.0001": "Belanja Tunjangan Keluarga PNS",
    "5.1.02": "BELANJA BARANG DAN JASA",
    "5.1.02.01": "Belanja Barang",
    "5.1.02.01.01": "Belanja Barang Pakai Habis",
    "5.1.02.01.01.0024": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
    "5.1.02.01.01.0026": "Belanja Alat/Bahan untuk Kegiatan Kantor- Bahan Cetak",
    "5.1.02.01.01.0031": "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Listrik",
    "5.1.02.01.01.0052": "Belanja Makanan dan Minuman Rapat",
    "5.1.02.02": "Belanja Jasa",
    "5.1.02.02.01": "Belanja Jasa Kantor",
    "5.1.02.02.01.0003": "Honorarium Narasumber atau Pembahas, Moderator, Pembawa Acara, dan Panitia",
    "5.1.02.02.01.0026": "Belanja Jasa Tenaga Administrasi",
    "5.2": "BELANJA MODAL",
    "5.2.02": "BELANJA MODAL PERALATAN DAN MESIN",
    "5.2.02.05": "Belanja Modal Alat Kantor dan Rumah Tangga",
    "5.2.02.05.02": "Belanja Modal Alat Rumah Tangga",
    "5.2.02.05.02.0001": "Belanja Modal Mebel",
    "5.2.02.10": "Belanja Modal Komputer",
    "5.2.02.10.01": "Belanja Modal Komputer Unit",
    "5.2.02.10.01.0002": "Belanja Modal Personal Computer",
}

TUJUAN = "Meningkatnya Kualitas Penyelenggaraan Pemerintahan Kecamatan"
SAS1 = "Meningkatnya Kualitas Pelayanan Administrasi Kecamatan"
SAS2 = "Meningkatnya Ketenteraman dan Ketertiban Umum"
SAS3 = "Meningkatnya Keberdayaan Masyarakat Desa"
IND_T = "Indeks Kepuasan Masyarakat"
IND1 = "Persentase Pelayanan Administrasi yang Selesai Tepat Waktu"
IND2 = "Jumlah Pelanggaran Ketenteraman dan Ketertiban Umum"
IND3 = "Persentase Desa Berstatus Mandiri"
YEARS = (2022, 2023, 2024, 2025, 2026)
# name -> (level, tujuan, sasaran, satuan, polaritas, targets 2022..2026, realisasi 2022..2024)
INDICATORS = {
    IND_T: ("Tujuan", TUJUAN, None, "Indeks", "Positif", (80, 81, 82, 83, 84), (80.5, 81.2, 83.64)),
    IND1: ("Sasaran", TUJUAN, SAS1, "%", "Positif", (90, 92, 94, 96, 98), (91, 93, 89.3)),
    IND2: ("Sasaran", TUJUAN, SAS2, "Kasus", "Negatif", (12, 10, 8, 6, 5), (11, 9, 6)),
    IND3: ("Sasaran", TUJUAN, SAS3, "%", "Positif", (20, 25, 30, 35, 40), (20, 25, 27)),
}
PEMETAAN = [(IND1, "7.01.02.2.02"), (IND2, "7.01.02.2.04.0003"), (IND3, "7.01.03")]

# ----------------------------------------------------------------------------- hand figures (core)
CORE: dict[str, Any] = {
    "anggaran": {
        # 25 + 1.200 + 15 + 120 + 80 + 60 = 1.500 juta
        "pagu": 1_500_000_000,
        # 24,5 + 1.150 + 14,25 + 115,8 + 72 + 57 = 1.433,55 juta
        "realisasi": 1_433_550_000,
        # 1.500 - 1.433,55 = 66,45 juta
        "sisa": 66_450_000,
        # 1.433,55 / 1.500 x 100 = 95,57
        "serapan": 95.57,
    },
    "levels": {"program": 3, "kegiatan": 6, "sub_kegiatan": 6},
    "kegiatan": {
        "7.01.01": ("program", 1_240_000_000, 1_188_750_000),      # 25+1200+15 / 24,5+1150+14,25
        "7.01.02": ("program", 200_000_000, 187_800_000),          # 120+80 / 115,8+72
        "7.01.03": ("program", 60_000_000, 57_000_000),            # 60 / 57
        "7.01.01.2.02": ("kegiatan", 1_200_000_000, 1_150_000_000),
        "7.01.02.2.02": ("kegiatan", 120_000_000, 115_800_000),
        "7.01.01.2.01.0001": ("sub_kegiatan", 25_000_000, 24_500_000),
        "7.01.02.2.04.0003": ("sub_kegiatan", 80_000_000, 72_000_000),
        "7.01.03.2.01.0001": ("sub_kegiatan", 60_000_000, 57_000_000),
    },
    "indikator": {
        IND_T: {"level": "tujuan", "target": 82, "realisasi": 83.64,
                "capaian": 102.0,                      # 83,64 / 82 x 100
                "kategori": "Sangat Berhasil",          # >= 100
                "realisasi_tahun_lalu": {"2022": 80.5, "2023": 81.2},
                "target_akhir_renstra": 84,
                "capaian_akhir_renstra": 99.57142857142857,  # 83,64 / 84 x 100
                "pagu": 1_500_000_000, "realisasi_anggaran": 1_433_550_000,  # tujuan: whole budget
                "serapan": 95.57,
                "efisiensi": 6.303921568627451},         # (1 - 95,57 / 102) x 100 = 6,43 / 102 x 100
        IND1: {"level": "sasaran", "target": 94, "realisasi": 89.3,
               "capaian": 95.0,                          # 89,3 / 94 x 100
               "kategori": "Berhasil",                   # [75, 100)
               "realisasi_tahun_lalu": {"2022": 91, "2023": 93},
               "target_akhir_renstra": 98,
               "capaian_akhir_renstra": 91.12244897959184,  # 89,3 / 98 x 100
               "pagu": 120_000_000, "realisasi_anggaran": 115_800_000,  # kegiatan 7.01.02.2.02
               "serapan": 96.5,                          # 115,8 / 120 x 100
               "efisiensi": -1.5789473684210527},        # (1 - 96,5 / 95) x 100 = -1,5 / 95 x 100 = -30/19
        IND2: {"level": "sasaran", "target": 8, "realisasi": 6,
               "capaian": 125.0,                         # negative: (2 x 8 - 6) / 8 x 100
               "kategori": "Sangat Berhasil",
               "realisasi_tahun_lalu": {"2022": 11, "2023": 9},
               "target_akhir_renstra": 5,
               "capaian_akhir_renstra": 80.0,            # (2 x 5 - 6) / 5 x 100
               "pagu": 80_000_000, "realisasi_anggaran": 72_000_000,  # sub 7.01.02.2.04.0003
               "serapan": 90.0,                          # 72 / 80 x 100
               "efisiensi": 28.0},                       # (1 - 90 / 125) x 100
        IND3: {"level": "sasaran", "target": 30, "realisasi": 27,
               "capaian": 90.0,                          # 27 / 30 x 100
               "kategori": "Berhasil",
               "realisasi_tahun_lalu": {"2022": 20, "2023": 25},
               "target_akhir_renstra": 40,
               "capaian_akhir_renstra": 67.5,            # 27 / 40 x 100
               "pagu": 60_000_000, "realisasi_anggaran": 57_000_000,  # program 7.01.03
               "serapan": 95.0,                          # 57 / 60 x 100
               "efisiensi": -5.555555555555555},         # (1 - 95 / 90) x 100 = -50/9
    },
    "efisiensi": {
        # E = mean over the sasaran indicators = (-30/19 + 28 - 50/9) / 3 = (3568/171) / 3 = 3568/513
        "rata_rata": 6.955165692007797,
        # 50 + (E / 20) x 50 = 50 + 2,5 x 3568/513 = 50 + 8920/513
        "nilai": 67.38791423001949,
    },
    # real exports carry no IKU texts (Makna, Alasan Pemilihan …): the IKU table is left out (SPEC §6)
    "temuan": [("TABEL_KOSONG", "info")],
}
IKU_KOSONG = TUJUAN_KOSONG = ("TABEL_KOSONG", "info")  # no IKU text; no tujuan indicator
PENDUKUNG_KOSONG = ("TABEL_KOSONG", "info")  # a sasaran whose indicators are mapped to no budget row
# Per jenis belanja from the akun leaves (AKUN):
CORE_BELANJA = {
    # 5.1.01: gaji pokok 900 + tunj. keluarga 300 = 1.200 / 870 + 280 = 1.150
    "5.1.01": (1_200_000_000, 1_150_000_000),
    # 5.1.02: 10+5+10 (sub 1.1.1) + 15 + 80 + 80 + 45 = 245
    #         9,8+4,9+9,8 + 14,25 + 76 + 72 + 42,5 = 229,25
    "5.1.02": (245_000_000, 229_250_000),
    # 5.1 = 5.1.01 + 5.1.02 = 1.445 / 1.379,25
    "5.1": (1_445_000_000, 1_379_250_000),
    # 5.2.02: mebel 40 + PC 15 = 55 / 39,8 + 14,5 = 54,3
    "5.2.02": (55_000_000, 54_300_000),
    "5.2": (55_000_000, 54_300_000),
}


def core(**changes: Any) -> dict[str, Any]:
    exp = copy.deepcopy(CORE)
    exp.update(changes)
    if "temuan" in changes:  # besides the core's
        exp["temuan"] = [*CORE["temuan"], *changes["temuan"]]
    return exp


# ----------------------------------------------------------------------------- writing helpers

def idr(n: float, dec: bool = False, rp: str = "") -> str:
    """Indonesian text number: 1200000 -> '1.200.000' (',00' with dec); negatives in parentheses."""
    neg = n < 0
    n = abs(n)
    whole = int(round(n))
    s = f"{whole:,}".replace(",", ".")
    if dec:
        cents = int(round((n - int(n)) * 100))
        s += f",{cents:02d}"
    if neg:
        s = f"({s})"
    return f"{rp}{s}"


def pct_id(x: float, d: int = 2) -> str:
    return f"{x:.{d}f}".replace(".", ",")


def level_of(kode: str) -> str:
    return {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}[len(kode.split("."))]


def rollup(leaf: dict[str, tuple[float, float]], tree=TREE) -> dict[str, tuple[float, float]]:
    """Amounts of every tree row (used to WRITE stated subtotals into the sheets, not as expectations)."""
    out = {}
    for kode, _, _ in tree:
        subs = [v for k, v in leaf.items() if k == kode or k.startswith(kode + ".")]
        out[kode] = (sum(p for p, _ in subs), sum(r for _, r in subs))
    return out


class Book:
    """A workbook written cell by cell: rows are lists, a cell is a value or (value, number_format)."""

    def __init__(self) -> None:
        self.wb = openpyxl.Workbook()
        self.wb.remove(self.wb.active)

    def sheet(self, name: str, rows: list[list[Any]], merge: tuple[str, ...] | list[str] = (),
              hidden_cols: tuple[str, ...] = (), start_row: int = 1):
        ws = self.wb.create_sheet(name)
        for r, row in enumerate(rows, start=start_row):
            for c, value in enumerate(row or [], start=1):
                fmt = None
                if isinstance(value, tuple):
                    value, fmt = value
                if value is None:
                    continue
                cell = ws.cell(row=r, column=c, value=value)
                if isinstance(value, str):
                    cell.data_type = "s"
                if fmt:
                    cell.number_format = fmt
        for rng in merge:
            ws.merge_cells(rng)
        for col in hidden_cols:
            ws.column_dimensions[col].hidden = True
        return ws

    def save(self, path: Path) -> Path:
        self.wb.save(path)
        return path


def identitas_rows(skpd: str = SKPD, pemda: str = PEMDA, periode: str = "2022-2026") -> list[list[Any]]:
    return [
        ["Kunci", "Nilai"],
        ["SKPD", skpd],
        ["Pemerintah Daerah", pemda],
        ["Tahun", TAHUN],
        ["Periode Renstra", periode],
        ["Kepala SKPD", "H. MUHAMMAD RIDUAN, S.Sos., M.AP"],
        ["NIP", "19720815 199203 1 005"],
        ["Jabatan", f"Camat {SKPD.split(' ', 1)[1]}" if skpd == SKPD else "Kepala Dinas"],
        ["Tempat dan Tanggal", "Amuntai, Februari 2025"],
    ]


def kinerja_rows(indicators: dict = INDICATORS, years: tuple[int, ...] = YEARS) -> list[list[Any]]:
    """The contract's own Kinerja layout (SPEC §3.2)."""
    head = ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas"]
    head += [f"Target {y}" for y in years] + [f"Realisasi {y}" for y in years if y <= TAHUN]
    rows = [head]
    for name, (lvl, tuj, sas, sat, pol, targets, reals) in indicators.items():
        rows.append([lvl, tuj, sas, name, sat, pol, *targets, *reals])
    return rows


def pemetaan_rows(pemetaan=PEMETAAN) -> list[list[Any]]:
    return [["Indikator", "Kode"]] + [[i, k] for i, k in pemetaan]


def simple_budget_rows(kind: str, leaf=LEAF, tree=TREE, akun: dict | None = None,
                       nomor: bool = False) -> list[list[Any]]:
    """A plain DPA (Kode | Uraian | Pagu) or Realisasi (Kode | Uraian | Pagu | Realisasi) sheet."""
    amounts = rollup(leaf, tree)
    head = (["No"] if nomor else []) + ["Kode", "Uraian", "Pagu"] + (["Realisasi"] if kind == "realisasi" else [])
    rows = [head]
    for kode, no, name in tree:
        p, r = amounts[kode]
        rows.append(([no] if nomor else []) + [kode, name, p] + ([r] if kind == "realisasi" else []))
        for a_kode, a_p, a_r in (akun or {}).get(kode, []):
            rows.append(([None] if nomor else []) + [a_kode, AKUN_NAMA[a_kode], a_p]
                        + ([a_r] if kind == "realisasi" else []))
    tp = sum(p for p, _ in leaf.values())
    tr = sum(r for _, r in leaf.values())
    rows.append(([None] if nomor else []) + [None, "Jumlah", tp] + ([tr] if kind == "realisasi" else []))
    return rows


def base_book(kinerja: bool = True, identitas: list | None = None) -> Book:
    b = Book()
    b.sheet("Identitas", identitas or identitas_rows())
    if kinerja:
        b.sheet("Kinerja", kinerja_rows())
    return b


def finish(b: Book, pemetaan=True) -> None:
    if pemetaan:
        b.sheet("Pemetaan", pemetaan_rows())


def _grid(width: int) -> Callable[..., int]:
    """A row writer: `line(cells…)` appends one row (padded to `width`) and returns its number,
    `line.span(r0, c0, r1, c1)` merges a range; `line.rows` and `line.merges` are what `Book.sheet` takes."""
    rows: list[list[Any]] = []
    merges: list[str] = []

    def line(*cells: Any) -> int:
        rows.append(list(cells) + [None] * (width - len(cells)))
        return len(rows)

    def span(r0: int, c0: int, r1: int, c1: int) -> None:
        merges.append(f"{get_column_letter(c0)}{r0}:{get_column_letter(c1)}{r1}")

    line.rows, line.merges, line.span = rows, merges, span  # type: ignore[attr-defined]
    return line


# ============================================================================= 1. SIPD DPA
def layout_01_dpa_sipd(folder: Path) -> tuple[Path, dict]:
    """SIPD DPA-SKPD with its rincian, as exported to Excel (wp-sipd wpsipd-public-rka.php type=dpa_murni).

    Rows 1-9: a merged title block (4 lines) and `key : value` lines (Nomor DPA, Urusan Pemerintahan,
    Bidang Urusan, Organisasi, Alokasi Tahun 2024 : Rp. …) — row 9 sits directly above the header.
    Header rows 10-11: `Kode` merged over the five split code columns A:E (urusan | bidang | program |
    kegiatan | sub kegiatan, as the RFK / Renja SIPD tables split them: `7 | 01 | 01 | 2.01 | 0001`),
    `Uraian`, `Rincian Perhitungan` over `Koefisien | Satuan | Harga | PPN`, `Jumlah (Rp)`.
    Urusan and bidang heading rows carry amounts (claims). Under each sub kegiatan, SIPD's akun
    ladder (5.1 / 5.1.02 / 5.1.02.01 / 5.1.02.01.01 / full akun), then `[#]` and `[-]` marker lines and
    rincian item lines (Koefisien, Satuan, Harga, Jumlah) under each akun — all with amounts — then
    `Jumlah Anggaran Sub Kegiatan :`. Kv lines `Sumber Pendanaan : …` / `Lokasi : …` sit above the akun
    rows of each sub kegiatan. After `Jumlah Total Anggaran :` come SIPD's `Rencana Penarikan Dana per
    Bulan` table (Januari … Desember, Jumlah) and the signature blocks side by side. Amounts are text
    `Rp. 1.200.000.000` as the HTML export leaves them.
    The Realisasi sheet is a plain table with akun rows, so per jenis belanja is computed.
    Expected: the core figures and the core belanja; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    W = 11  # A..K
    last = get_column_letter(W)
    rows: list[list[Any]] = []
    merges: list[str] = []

    def line(*cells: Any, merge_from: int | None = None, merge_to: int | None = None) -> int:
        rows.append(list(cells))
        r = len(rows)
        if merge_from is not None:
            merges.append(f"{get_column_letter(merge_from)}{r}:{get_column_letter(merge_to)}{r}")
        return r

    total = sum(p for p, _ in LEAF.values())
    line("PEMERINTAH KABUPATEN HULU SUNGAI UTARA", merge_from=1, merge_to=W)
    line("DOKUMEN PELAKSANAAN ANGGARAN", merge_from=1, merge_to=W)
    line("SATUAN KERJA PERANGKAT DAERAH", merge_from=1, merge_to=W)
    line("Tahun Anggaran 2024", merge_from=1, merge_to=W)
    for key, value in [("Nomor DPA", "DPA/A.1/7.01.0.00.0.00.07.0000/001/2024"),
                       ("Urusan Pemerintahan", "7 UNSUR KEWILAYAHAN"),
                       ("Bidang Urusan", "7.01 KECAMATAN"),
                       ("Organisasi", "7.01.0.00.0.00.07.0000 Kecamatan Sungai Pandan"),
                       ("Alokasi Tahun 2024", idr(total, dec=True, rp="Rp. ") + " (Satu Miliar Lima Ratus Juta Rupiah)")]:
        r = line(key, ":", value)
        merges.append(f"C{r}:{last}{r}")
    # header rows 10-11
    line("Kode", None, None, None, None, "Uraian", "Rincian Perhitungan", None, None, None, "Jumlah (Rp)")
    line(None, None, None, None, None, None, "Koefisien", "Satuan", "Harga", "PPN", None)
    merges += ["A10:E11", "F10:F11", "G10:J10", "K10:K11"]

    def money(n: float) -> str:
        return idr(n, rp="Rp. ")

    line("7", None, None, None, None, "UNSUR KEWILAYAHAN", None, None, None, None, money(total))
    line("7", "01", None, None, None, "KECAMATAN", None, None, None, None, money(total))
    for kode, _, name in TREE:
        parts = kode.split(".")
        split = [parts[0], parts[1], parts[2]] + (
            [f"{parts[3]}.{parts[4]}"] if len(parts) >= 5 else [None]) + ([parts[5]] if len(parts) == 6 else [None])
        line(*split, name, None, None, None, None, money(amounts[kode][0]))
        if len(parts) != 6:
            continue
        r = line("Sumber Pendanaan : DAU - Dana Alokasi Umum yang Tidak Ditentukan Penggunaannya")
        merges.append(f"A{r}:{last}{r}")
        r = line("Lokasi : Kabupaten Hulu Sungai Utara, Kecamatan Sungai Pandan")
        merges.append(f"A{r}:{last}{r}")
        leaves = AKUN[kode]
        printed: set[str] = set()
        for a_kode, a_pagu, _ in leaves:
            segs = a_kode.split(".")
            for depth in (2, 3, 4, 5):  # SIPD's ladder: 5.1, 5.1.02, 5.1.02.01, 5.1.02.01.01
                pre = ".".join(segs[:depth])
                if pre in printed:
                    continue
                printed.add(pre)
                sub_total = sum(p for k, p, _ in leaves if k.startswith(pre + "."))
                r = line(pre, None, None, None, None, AKUN_NAMA[pre], None, None, None, None, money(sub_total))
                merges.append(f"A{r}:E{r}")
            r = line(a_kode, None, None, None, None, AKUN_NAMA[a_kode], None, None, None, None, money(a_pagu))
            merges.append(f"A{r}:E{r}")
            line(None, None, None, None, None, "[#] Belanja Operasional Kegiatan", None, None, None, None, money(a_pagu))
            line(None, None, None, None, None, "[-] Kebutuhan Kegiatan Tahun 2024", None, None, None, None, money(a_pagu))
            harga = a_pagu * 6 // 100  # 10 x harga = 60 %, the second item the rest
            line(None, None, None, None, None, "Paket kebutuhan utama\nSpesifikasi sesuai SSH", "10 Paket", "Paket",
                 idr(harga), "0", money(10 * harga))
            line(None, None, None, None, None, "Paket kebutuhan pendukung\nSpesifikasi sesuai SSH", "1 Paket", "Paket",
                 idr(a_pagu - 10 * harga), "0", money(a_pagu - 10 * harga))
        r = line("Jumlah Anggaran Sub Kegiatan :", None, None, None, None, None, None, None, None, None,
                 money(amounts[kode][0]))
        merges.append(f"A{r}:J{r}")
    r = line("Jumlah Total Anggaran :", None, None, None, None, None, None, None, None, None, money(total))
    merges.append(f"A{r}:J{r}")
    line()
    months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September",
              "Oktober", "November", "Desember"]
    signature = ["Amuntai, 2 Januari 2024", "Kepala Kecamatan Sungai Pandan", None, None,
                 "H. MUHAMMAD RIDUAN, S.Sos., M.AP", "NIP: 19720815 199203 1 005", None, "Mengesahkan,", "PPKD",
                 None, "Drs. SYAHRIAL, M.Si", "NIP: 19680101 199003 1 012", None, None]
    left = [("Rencana Penarikan Dana per Bulan", None)] + [(m, idr(total / 12, rp="Rp ")) for m in months] + [
        ("Jumlah", idr(total, rp="Rp "))]
    for (label, amount), sign in zip(left, signature):
        r = line(label, None, amount, None, None, None, None, sign, None, None, None)
        merges.append(f"A{r}:B{r}")
        if amount is not None:
            merges.append(f"C{r}:F{r}")
        if sign is not None:
            merges.append(f"H{r}:{last}{r}")
    b.sheet("DPA", rows, merge=merges)
    b.sheet("Realisasi", simple_budget_rows("realisasi", akun=AKUN))
    finish(b)
    exp = core(belanja=CORE_BELANJA)
    return b.save(Path(folder) / "01_dpa_sipd.xlsx"), exp


# ============================================================================= 2. LRA
# Layout 2 changes two subs' akun split (sub totals unchanged):
LRA_AKUN = copy.deepcopy(AKUN)
LRA_AKUN["7.01.01.2.01.0001"] = [("5.1.02.01.01.0024", 10_000_000, 10_250_000),  # overspent by 250.000
                                 ("5.1.02.01.01.0026", 5_000_000, 4_650_000),
                                 ("5.1.02.01.01.0052", 10_000_000, 9_600_000)]   # 10,25+4,65+9,6 = 24,5
LRA_AKUN["7.01.02.2.04.0003"] = [("5.1.02.01.01.0052", 72_000_000, 72_000_000),
                                 ("5.1.02.02.01.0026", 8_000_000, 0)]            # 72+8 = 80 / 72+0 = 72


def layout_02_lra(folder: Path) -> tuple[Path, dict]:
    """An LRA per program / kegiatan / sub kegiatan / akun (SIPD penatausahaan, SIMDA style).

    Title lines (Pemerintah …, LAPORAN REALISASI ANGGARAN …, `SKPD : …`, `Periode : …`), header
    `Kode Rekening | Uraian | Anggaran (Rp) | Realisasi (Rp) | Sisa Anggaran (Rp) | %`, a column
    numbering row `1 | 2 | 3 | 4 | 5 = (3 - 4) | 6 = (4 / 3) x 100`. All amounts are text with
    `,00`; a sisa below zero is written `(250.000,00)` (wp-sipd's ubah_minus); an akun with nothing
    spent shows `Rp -` as realisasi. `JUMLAH BELANJA` closes the table, then a signature block.
    The DPA is a plain table with the same akun rows, so per jenis belanja is computed and the akun
    rows of both sheets are compared.
    Planted: akun 5.1.02.01.01.0024 under 7.01.01.2.01.0001 spent 10.250.000 of 10.000.000
    -> one REALISASI_EXCEEDS_PAGU (SPEC §9.8, per akun row when both sheets have akun rows).
    """
    b = base_book()
    amounts = rollup(LEAF)
    rows: list[list[Any]] = [
        ["PEMERINTAH KABUPATEN HULU SUNGAI UTARA"],
        ["LAPORAN REALISASI ANGGARAN PENDAPATAN DAN BELANJA DAERAH"],
        ["SKPD", ":", "7.01.0.00.0.00.07.0000 - Kecamatan Sungai Pandan"],
        ["Periode", ":", "1 Januari 2024 s.d. 31 Desember 2024"],
        [],
        ["Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Sisa Anggaran (Rp)", "%"],
        ["1", "2", "3", "4", "5 = (3 - 4)", "6 = (4 / 3) x 100"],
    ]
    merges = ["A1:F1", "A2:F2", "C3:F3", "C4:F4"]

    def amt(n: float) -> str:
        return "Rp -" if n == 0 else idr(n, dec=True)

    def line(kode, name, p, r):
        rows.append([kode, name, amt(p), amt(r), idr(p - r, dec=True), pct_id(r / p * 100)])

    for kode, _, name in TREE:
        p, r = amounts[kode]
        line(kode, name, p, r)
        for a_kode, a_p, a_r in LRA_AKUN.get(kode, []):
            line(a_kode, AKUN_NAMA[a_kode], a_p, a_r)
    tp, tr = 1_500_000_000, 1_433_550_000
    rows.append([None, "JUMLAH BELANJA", amt(tp), amt(tr), idr(tp - tr, dec=True), pct_id(tr / tp * 100)])
    rows += [[], [None, None, None, "Amuntai, 10 Januari 2025"], [None, None, None, "Camat Sungai Pandan,"],
             [], [], [None, None, None, "H. MUHAMMAD RIDUAN, S.Sos., M.AP"],
             [None, None, None, "Pembina Tk. I (IV/b)"], [None, None, None, "NIP. 19720815 199203 1 005"]]
    b.sheet("LRA", rows, merge=merges)
    b.sheet("DPA", simple_budget_rows("dpa", akun=LRA_AKUN))
    finish(b)
    exp = core(belanja={
        # 5.1.02 pagu: (10+5+10) + 15 + 80 + (72+8) + 45 = 245
        # 5.1.02 realisasi: (10,25+4,65+9,6) + 14,25 + 76 + (72+0) + 42,5 = 229,25
        **CORE_BELANJA,
    }, temuan=[("REALISASI_EXCEEDS_PAGU", "kesalahan")])
    return b.save(Path(folder) / "02_lra.xlsx"), exp


# ============================================================================= 3. pergeseran
SEBELUM = {  # pagu before the pergeseran (DPA murni); the Sesudah column carries LEAF
    "7.01.01.2.01.0001": 30_000_000,
    "7.01.01.2.02.0001": 1_250_000_000,
    "7.01.01.2.06.0001": 15_000_000,
    "7.01.02.2.02.0003": 100_000_000,
    "7.01.02.2.04.0003": 80_000_000,
    "7.01.03.2.01.0001": 70_000_000,
}  # total 1.545.000.000


def layout_03_pergeseran(folder: Path) -> tuple[Path, dict]:
    """DPPA (pergeseran): `Sebelum Perubahan` and `Sesudah Perubahan` group labels over `Jumlah (Rp)`.

    As wp-sipd's dpa_perubahan / aklap-lra `pergeseran` print it: Kode | Uraian | Sebelum Perubahan
    [Sumber Dana | Jumlah (Rp)] | Sesudah Perubahan [Sumber Dana | Jumlah (Rp)] | Bertambah/(Berkurang)
    [(Rp) | %], numbering row (1) … (8), differences as `(50.000.000)`. The Sesudah column must win;
    the Sebelum total is 1.545.000.000 (30+1250+15+100+80+70 juta).
    Expected: the core figures (the Sesudah column is LEAF) and one AMBIGUOUS_COLUMN peringatan for
    the DPA's Pagu (SPEC §10.2: each such choice is an AMBIGUOUS_COLUMN).
    """
    b = base_book()
    sesudah = rollup(LEAF)
    sebelum = rollup({k: (v, 0) for k, v in SEBELUM.items()})
    rows: list[list[Any]] = [
        ["PEMERINTAH KABUPATEN HULU SUNGAI UTARA"],
        ["DOKUMEN PELAKSANAAN PERGESERAN ANGGARAN SATUAN KERJA PERANGKAT DAERAH (DPPA-SKPD)"],
        ["TAHUN ANGGARAN 2024"],
        [],
        ["Kode", "Uraian", "Sebelum Perubahan", None, "Sesudah Perubahan", None, "Bertambah/(Berkurang)", None],
        [None, None, "Sumber Dana", "Jumlah (Rp)", "Sumber Dana", "Jumlah (Rp)", "(Rp)", "%"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
    ]
    merges = ["A1:H1", "A2:H2", "A3:H3", "A5:A6", "B5:B6", "C5:D5", "E5:F5", "G5:H5"]
    for kode, _, name in TREE:
        s0, s1 = sebelum[kode][0], sesudah[kode][0]
        dana = "DAU" if len(kode.split(".")) == 6 else None
        diff = s1 - s0
        rows.append([kode, name, dana, s0, dana, s1, idr(diff), pct_id(diff / s0 * 100) if s0 else "0,00"])
    rows.append([None, "JUMLAH", None, 1_545_000_000, None, 1_500_000_000, idr(-45_000_000), pct_id(-45 / 1545 * 100)])
    b.sheet("DPA", rows, merge=merges)
    real = simple_budget_rows("realisasi")
    real[0] = ["Kode", "Uraian", "Anggaran Setelah Perubahan", "Realisasi"]
    b.sheet("Realisasi", real)
    finish(b)
    return b.save(Path(folder) / "03_pergeseran.xlsx"), core(temuan=[("AMBIGUOUS_COLUMN", "peringatan")])


# ============================================================================= 4. Monev Renstra
def layout_04_monev_renstra(folder: Path) -> tuple[Path, dict]:
    """Kinerja as wp-sipd's Monev Renstra table (wpsipd-public-monev-renstra.php) prints it.

    Two header rows: No | Tujuan | Sasaran | Indikator | Kondisi Awal | `Tahun 2022` … `Tahun 2026`
    each merged over `Target | Realisasi Target | Pagu | Realisasi Anggaran` | Target Akhir | Satuan |
    Polaritas (added by the office) | Keterangan; then the numbering row 0, 1, 2, …. Tujuan is merged
    vertically over its three sasaran rows. Only the sasaran indicators (no tujuan indicator, no Level
    column). `Kondisi Awal` (88 / 14 / 15) is a baseline, not a target; Pagu / Realisasi Anggaran under
    a year are money. Future years have targets and no realisasi.
    Expected: the core budget; the three sasaran indicators with the core figures; E as core.
    """
    b = Book()
    b.sheet("Identitas", identitas_rows())
    head1 = ["No", "Tujuan", "Sasaran", "Indikator", "Kondisi Awal"]
    head2 = [None] * 5
    for y in YEARS:
        head1 += [f"Tahun {y}", None, None, None]
        head2 += ["Target", "Realisasi Target", "Pagu", "Realisasi Anggaran"]
    head1 += ["Target Akhir", "Satuan", "Polaritas", "Keterangan"]
    head2 += [None] * 4
    ncol = len(head1)
    rows: list[list[Any]] = [
        ["MONITORING DAN EVALUASI RENSTRA"],
        ["Kecamatan Sungai Pandan Periode 2022 - 2026"],
        [],
        head1, head2, [str(i) for i in range(ncol)],
    ]
    merges = [f"A1:{get_column_letter(ncol)}1", f"A2:{get_column_letter(ncol)}2"]
    for c in range(1, 6):
        merges.append(f"{get_column_letter(c)}4:{get_column_letter(c)}5")
    for i in range(len(YEARS)):
        c0 = 6 + 4 * i
        merges.append(f"{get_column_letter(c0)}4:{get_column_letter(c0 + 3)}4")
    for c in range(ncol - 3, ncol + 1):
        merges.append(f"{get_column_letter(c)}4:{get_column_letter(c)}5")
    kondisi = {IND1: 88, IND2: 14, IND3: 15}
    money = {  # per year pagu / realisasi anggaran of the supporting budget (2024 = Pemetaan's figures)
        IND1: [(110 * M, 104 * M), (115 * M, 110 * M), (120 * M, 115_800_000), (125 * M, None), (130 * M, None)],
        IND2: [(70 * M, 66 * M), (75 * M, 70 * M), (80 * M, 72 * M), (85 * M, None), (90 * M, None)],
        IND3: [(50 * M, 48 * M), (55 * M, 52 * M), (60 * M, 57 * M), (65 * M, None), (70 * M, None)],
    }
    start = len(rows) + 1
    for n, name in enumerate((IND1, IND2, IND3), start=1):
        lvl, tuj, sas, sat, pol, targets, reals = INDICATORS[name]
        row: list[Any] = [n, tuj if n == 1 else None, sas, name, kondisi[name]]
        for i, y in enumerate(YEARS):
            real = reals[i] if i < len(reals) else None
            p, ra = money[name][i]
            row += [targets[i], real, p, ra]
        row += [targets[-1], sat, pol, None]
        rows.append(row)
    merges.append(f"B{start}:B{start + 2}")
    b.sheet("Renstra", rows, merge=merges)
    b.sheet("DPA", simple_budget_rows("dpa"))
    b.sheet("Realisasi", simple_budget_rows("realisasi"))
    finish(b)
    exp = core(temuan=[TUJUAN_KOSONG])  # a Renstra monev lists sasaran only
    del exp["indikator"][IND_T]
    return b.save(Path(folder) / "04_monev_renstra.xlsx"), exp


# ============================================================================= 5. PDF-pasted Tabel 3.13
def layout_05_pdf_tabel313(folder: Path) -> tuple[Path, dict]:
    """Realisasi pasted from the LKIP PDF's Tabel 3.13 (the seed's layout), two pages.

    A sentence and the caption `Tabel 3.13 Rincian Realisasi Anggaran per 31 Desember 2024` above the
    header `No. | Program / Kegiatan / Sub Kegiatan | Pagu Anggaran | Realisasi | Rasio Capaian`; outline
    numbers (1., 1.1, 1.1.1) and no codes; every number is text (`1.200.000.000`, `95,83`). At the page
    break: the page footer `Laporan Kinerja … Tahun 2024` with `Halaman 41`, the running header of page
    42 and a repeated table header; the table ends with `Total Anggaran / Realisasi / Rata-Rata Rasio
    Capaian` and a `Sumber:` note. The DPA carries both No and Kode, so rows join by outline number.
    Expected: the core figures (page 1 holds program 1 and its subs: they must be counted); no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    header = ["No.", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran", "Realisasi", "Rasio Capaian"]
    rows: list[list[Any]] = [
        ["Berikut adalah data perbandingan antara pagu anggaran dan realisasi masing-masing program, kegiatan "
         "dan sub kegiatan tahun anggaran 2024 pada Kecamatan Sungai Pandan terhitung per 31 Desember 2024 :"],
        [],
        ["Tabel 3.13 Rincian Realisasi Anggaran per 31 Desember 2024"],
        header,
    ]
    merges = ["A1:E1", "A3:E3"]

    def ratio(p, r):
        v = r / p * 100
        return str(int(v)) if v == int(v) else pct_id(v)

    for kode, no, name in TREE:
        p, r = amounts[kode]
        rows.append([no, name, idr(p), idr(r), ratio(p, r)])
        if kode == "7.01.01.2.02.0001":  # page break after sub 1.2.1
            rows += [[], ["Laporan Kinerja Instansi Pemerintah Kecamatan Sungai Pandan Tahun 2024", None, None, None,
                          "Halaman 41"],
                     ["LKIP Kecamatan Sungai Pandan 2024"], header]
    rows.append(["Total Anggaran / Realisasi / Rata-Rata Rasio Capaian", None, idr(1_500_000_000),
                 idr(1_433_550_000), "95,57"])
    rows += [[], ["Sumber: LRA Kecamatan Sungai Pandan Tahun 2024 (diolah)"], [],
             ["Laporan Kinerja Instansi Pemerintah Kecamatan Sungai Pandan Tahun 2024", None, None, None,
              "Halaman 42"]]
    b.sheet("Realisasi", rows, merge=merges)
    b.sheet("DPA", simple_budget_rows("dpa", nomor=True))
    finish(b)
    return b.save(Path(folder) / "05_pdf_tabel313.xlsx"), core()


# ============================================================================= 6. code in the name
def layout_06_code_in_name(folder: Path) -> tuple[Path, dict]:
    """No Kode column: every name starts with its code (`7.01.01 Program Penunjang …`), as offices
    type Tabel 2.2 (Renja) and Tabel 3.13 by hand. DPA: Program / Kegiatan / Sub Kegiatan | Indikator |
    Target | Pagu (Rp). Realisasi: Program/Kegiatan/Sub Kegiatan | Anggaran | Realisasi | Sisa | %.
    Pemetaan names codes; they must join to the codes read from the names.
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    dpa = [["Tabel 2.2 Rencana Kerja Kecamatan Sungai Pandan Tahun 2024"],
           ["Program / Kegiatan / Sub Kegiatan", "Indikator", "Target", "Pagu (Rp)"]]
    real = [["Program/Kegiatan/Sub Kegiatan", "Anggaran", "Realisasi", "Sisa", "%"]]
    for kode, _, name in TREE:
        p, r = amounts[kode]
        ind, tgt = (("Jumlah Dokumen yang Disusun", "1 Dokumen") if len(kode.split(".")) == 6 else (None, None))
        dpa.append([f"{kode} {name}", ind, tgt, p])
        real.append([f"{kode} {name}", p, r, p - r, round(r / p * 100, 2)])
    dpa.append(["Jumlah", None, None, 1_500_000_000])
    real.append(["Jumlah", 1_500_000_000, 1_433_550_000, 66_450_000, 95.57])
    b.sheet("DPA", dpa, merge=["A1:D1"])
    b.sheet("Realisasi", real)
    finish(b)
    return b.save(Path(folder) / "06_code_in_name.xlsx"), core()


# ============================================================================= 7. multi-urusan
MU_TREE = [
    ("X.XX.01", "1.", "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH KABUPATEN/KOTA"),
    ("X.XX.01.2.02", "1.1", "Administrasi Keuangan Perangkat Daerah"),
    ("X.XX.01.2.02.0001", "1.1.1", "Penyediaan Gaji dan Tunjangan ASN"),
    ("X.XX.01.2.06", "1.2", "Administrasi Umum Perangkat Daerah"),
    ("X.XX.01.2.06.0005", "1.2.1", "Penyediaan Barang Cetak dan Penggandaan"),
    ("2.08.02", "2.", "PROGRAM PENGARUSUTAMAAN GENDER DAN PEMBERDAYAAN PEREMPUAN"),
    ("2.08.02.2.01", "2.1", "Pelembagaan Pengarusutamaan Gender (PUG) pada Lembaga Pemerintah Kewenangan "
                            "Kabupaten/Kota"),
    ("2.08.02.2.01.0001", "2.1.1", "Koordinasi dan Sinkronisasi Perumusan Kebijakan Pelaksanaan PUG"),
    ("2.14.02", "3.", "PROGRAM PENGENDALIAN PENDUDUK"),
    ("2.14.02.2.01", "3.1", "Pemaduan dan Sinkronisasi Kebijakan Pemerintah Daerah dalam rangka Pengendalian "
                            "Kuantitas Penduduk"),
    ("2.14.02.2.01.0001", "3.1.1", "Penyusunan Profil Kependudukan"),
]
MU_LEAF = {
    "X.XX.01.2.02.0001": (500_000_000, 480_000_000),
    "X.XX.01.2.06.0005": (20_000_000, 19_000_000),
    "2.08.02.2.01.0001": (100_000_000, 95_000_000),
    "2.14.02.2.01.0001": (80_000_000, 70_000_000),
}
MU_IND1 = "Indeks Pemberdayaan Gender"
MU_IND2 = "Laju Pertumbuhan Penduduk"
MU_TUJUAN = "Meningkatnya Kesetaraan Gender dan Terkendalinya Pertumbuhan Penduduk"


def layout_07_multi_urusan(folder: Path) -> tuple[Path, dict]:
    """A multi-urusan dinas (DP3AP2KB: bidang 2.08 and 2.14) with SIPD's `X.XX.01` supporting program.

    SIPD keeps the supporting program of such an office under bidang `X.XX` (wp-sipd
    class-wpsipd-public-base-2.php replaces `X.XX` only when asked). Urusan `2` and bidang `2.08` /
    `2.14` heading rows stand above their programs with amounts (claims): 2.08 = 100, 2.14 = 80,
    2 = 180 juta (pagu); 95, 70, 165 (realisasi). The X.XX.01 block comes first, before the headings.
    DPA and Realisasi: one `Kode` column, `Uraian`, amounts; a `Jumlah` row.
    Expected (own data): pagu 500+20+100+80 = 700 juta; realisasi 480+19+95+70 = 664 juta; no finding
    (X.XX.01 is the supporting program, so its subs need no indicator).
    """
    ident = identitas_rows(skpd="Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk dan "
                                "Keluarga Berencana", periode="2021-2025")
    b = Book()
    b.sheet("Identitas", ident)
    b.sheet("Kinerja", [
        ["Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas", "Target 2023", "Target 2024",
         "Target 2025", "Realisasi 2023", "Realisasi 2024"],
        ["Sasaran", MU_TUJUAN, "Meningkatnya Peran Perempuan dalam Pembangunan", MU_IND1, "Indeks", "Positif",
         68, 70, 72, 69, 71.4],
        ["Sasaran", MU_TUJUAN, "Terkendalinya Pertumbuhan Penduduk", MU_IND2, "%", "Negatif",
         1.25, 1.2, 1.15, 1.27, 1.26],
    ])
    amounts = rollup(MU_LEAF, MU_TREE)

    def budget(kind: str) -> list[list[Any]]:
        idx = 0 if kind == "dpa" else 1
        head = ["Kode", "Urusan / Bidang Urusan / Program / Kegiatan / Sub Kegiatan",
                "Anggaran (Rp)" if kind == "dpa" else "Realisasi (Rp)"]
        rows: list[list[Any]] = [head]
        for kode, _, name in MU_TREE:
            if kode == "2.08.02":
                rows.append(["2", "URUSAN PEMERINTAHAN WAJIB YANG TIDAK BERKAITAN DENGAN PELAYANAN DASAR",
                             (180 * M, 165 * M)[idx]])
                rows.append(["2.08", "URUSAN PEMERINTAHAN BIDANG PEMBERDAYAAN PEREMPUAN DAN PERLINDUNGAN ANAK",
                             (100 * M, 95 * M)[idx]])
            if kode == "2.14.02":
                rows.append(["2.14", "URUSAN PEMERINTAHAN BIDANG PENGENDALIAN PENDUDUK DAN KELUARGA BERENCANA",
                             (80 * M, 70 * M)[idx]])
            rows.append([kode, name, amounts[kode][idx]])
        rows.append([None, "Jumlah", (700 * M, 664 * M)[idx]])
        return rows

    b.sheet("DPA", budget("dpa"))
    b.sheet("Realisasi", budget("realisasi"))
    b.sheet("Pemetaan", [["Indikator", "Kode"], [MU_IND1, "2.08.02"], [MU_IND2, "2.14.02.2.01.0001"]])
    exp = {
        "anggaran": {"pagu": 700_000_000, "realisasi": 664_000_000, "sisa": 36_000_000,
                     "serapan": 94.85714285714286},  # 664 / 700 x 100
        "levels": {"program": 3, "kegiatan": 4, "sub_kegiatan": 4},
        "kegiatan": {
            "X.XX.01": ("program", 520_000_000, 499_000_000),       # 500+20 / 480+19
            "X.XX.01.2.02.0001": ("sub_kegiatan", 500_000_000, 480_000_000),
            "2.08.02": ("program", 100_000_000, 95_000_000),
            "2.14.02": ("program", 80_000_000, 70_000_000),
            "2.14.02.2.01": ("kegiatan", 80_000_000, 70_000_000),
        },
        "indikator": {
            MU_IND1: {"level": "sasaran", "target": 70, "realisasi": 71.4,
                      "capaian": 102.0,                  # 71,4 / 70 x 100
                      "kategori": "Sangat Berhasil",
                      "pagu": 100_000_000, "realisasi_anggaran": 95_000_000, "serapan": 95.0,
                      "efisiensi": 6.862745098039216},   # (1 - 95/102) x 100 = 700/102
            MU_IND2: {"level": "sasaran", "target": 1.2, "realisasi": 1.26,
                      "capaian": 95.0,                   # negative: (2 x 1,2 - 1,26) / 1,2 x 100 = 1,14/1,2
                      "kategori": "Berhasil",
                      "pagu": 80_000_000, "realisasi_anggaran": 70_000_000, "serapan": 87.5,  # 70/80
                      "efisiensi": 7.894736842105263},   # (1 - 87,5/95) x 100 = 750/95
        },
        "efisiensi": {"rata_rata": 7.378740970072239,    # (350/51 + 150/19) / 2 = 7150/969
                      "nilai": 68.4468524251806},        # 50 + 2,5 x 7150/969 = 50 + 17875/969
        "temuan": [IKU_KOSONG, TUJUAN_KOSONG],
    }
    return b.save(Path(folder) / "07_multi_urusan.xlsx"), exp


# ============================================================================= 8. triwulan columns
# Quarterly realisasi of each sub kegiatan (not cumulative); they sum to LEAF's realisasi.
TW = {
    "7.01.01.2.01.0001": (5_000_000, 6_000_000, 6_500_000, 7_000_000),        # = 24,5 juta
    "7.01.01.2.02.0001": (280_000_000, 285_000_000, 290_000_000, 295_000_000),  # = 1.150 juta
    "7.01.01.2.06.0001": (3_500_000, 3_500_000, 3_500_000, 3_750_000),        # = 14,25 juta
    "7.01.02.2.02.0003": (20_000_000, 30_000_000, 30_000_000, 35_800_000),    # = 115,8 juta
    "7.01.02.2.04.0003": (10_000_000, 20_000_000, 20_000_000, 22_000_000),    # = 72 juta
    "7.01.03.2.01.0001": (0, 15_000_000, 20_000_000, 22_000_000),             # = 57 juta
}


def layout_08_triwulan(folder: Path) -> tuple[Path, dict]:
    """Realisasi with quarterly and cumulative columns (RFK / monev renja style).

    Header: Kode | Uraian | Pagu Anggaran | `Realisasi Anggaran` merged over `Triwulan I | Triwulan II |
    Triwulan III | Triwulan IV | s.d. Triwulan III | s.d. Triwulan IV` | %. Column H (`s.d. Triwulan III`,
    last quarter's cumulative, left in the template) is HIDDEN. The year's realisasi is `s.d. Triwulan
    IV` (column I): cumulative beats single quarters, the latest period beats earlier ones, a visible
    column beats a hidden one. Taking H would give 1.048 juta; taking Triwulan IV 385,55 juta.
    Expected: the core figures; one AMBIGUOUS_COLUMN peringatan for Realisasi (SPEC §10.2).
    """
    b = base_book()
    amounts = rollup(LEAF)
    tw = {k: rollup({s: (v[i], 0) for s, v in TW.items()}) for k, i in (("1", 0), ("2", 1), ("3", 2), ("4", 3))}
    rows: list[list[Any]] = [
        ["LAPORAN REALISASI FISIK DAN KEUANGAN (RFK) TAHUN 2024"],
        ["Unit Organisasi : 7.01.0.00.0.00.07.0000 Kecamatan Sungai Pandan"],
        ["Kode", "Uraian", "Pagu Anggaran", "Realisasi Anggaran", None, None, None, None, None, "%"],
        [None, None, None, "Triwulan I", "Triwulan II", "Triwulan III", "Triwulan IV", "s.d. Triwulan III",
         "s.d. Triwulan IV", None],
    ]
    merges = ["A1:J1", "A2:J2", "A3:A4", "B3:B4", "C3:C4", "D3:I3", "J3:J4"]
    for kode, _, name in TREE:
        p, r = amounts[kode]
        q = [tw[str(i)][kode][0] for i in range(1, 5)]
        rows.append([kode, name, p, *q, q[0] + q[1] + q[2], r, round(r / p * 100, 2)])
    rows.append([None, "Jumlah", 1_500_000_000, 318_500_000, 359_500_000, 370_000_000, 385_550_000,
                 1_048_000_000, 1_433_550_000, 95.57])
    b.sheet("Realisasi", rows, merge=merges, hidden_cols=("H",))
    b.sheet("DPA", simple_budget_rows("dpa"))
    finish(b)
    # TW I: 5+280+3,5+20+10+0 = 318,5; TW II: 6+285+3,5+30+20+15 = 359,5; TW III: 6,5+290+3,5+30+20+20 = 370;
    # TW IV: 7+295+3,75+35,8+22+22 = 385,55; s.d. TW III: 318,5+359,5+370 = 1.048 (juta)
    return b.save(Path(folder) / "08_triwulan.xlsx"), core(temuan=[("AMBIGUOUS_COLUMN", "peringatan")])


# ============================================================================= 9. number styles
def layout_09_number_styles(folder: Path) -> tuple[Path, dict]:
    """Numbers typed as text in English style (`1,200,000,000.00`) and space-grouped (`1 150 000 000`,
    once with no-break spaces), as a spreadsheet from an English-locale PC or a PDF copy gives them.

    DPA: Pagu (Rp) in English style. Realisasi: Pagu English without decimals (`25,000,000`, unambiguous:
    two commas), Realisasi space-grouped, Sisa English where `500,000` and `750,000` are ambiguous
    alone and take the column's English style (SPEC §10.10: 500.000 and 750.000, not 500 and 750),
    % English (`95.83`).
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)

    def en(n: float, dec: bool = True) -> str:
        return f"{n:,.2f}" if dec else f"{int(n):,}"

    def sp(n: float, nbsp: bool = False) -> str:
        s = f"{int(n):,}".replace(",", "\u00a0" if nbsp else " ")
        return s

    dpa = [["Kode", "Uraian", "Pagu (Rp)"]]
    real = [["Kode", "Uraian", "Pagu", "Realisasi", "Sisa", "%"]]
    for kode, _, name in TREE:
        p, r = amounts[kode]
        dpa.append([kode, name, en(p)])
        real.append([kode, name, en(p, dec=False), sp(r, nbsp=kode == "7.01.01.2.06.0001"),
                     en(p - r, dec=not (p - r) in (500_000, 750_000)), f"{r / p * 100:.2f}"])
    dpa.append([None, "Jumlah", en(1_500_000_000)])
    real.append([None, "Jumlah", en(1_500_000_000, dec=False), sp(1_433_550_000), en(66_450_000), "95.57"])
    b.sheet("DPA", dpa)
    b.sheet("Realisasi", real)
    finish(b)
    return b.save(Path(folder) / "09_number_styles.xlsx"), core()


# ============================================================================= 10. Target over years, TW
def layout_10_kinerja_tw(folder: Path) -> tuple[Path, dict]:
    """Kinerja with a two-row header: `Target` merged over `2022 | … | 2026`, `Realisasi` over `2022 | 2023`,
    and `Realisasi 2024` over `TW I | TW II | TW III | TW IV` (e-SAKIP rencana aksi / PK monitoring style).

    The report year's realisasi is the last quarter that has a value (SPEC §10.9): IKM 83,64 (TW IV;
    TW I and TW III empty), 89,3 (TW IV), 6 (TW IV), 27 (TW III; TW IV empty).
    Expected: the core figures; no finding.
    """
    b = Book()
    b.sheet("Identitas", identitas_rows())
    head1 = ["Level", "Tujuan", "Sasaran", "Indikator Kinerja", "Satuan", "Polaritas", "Target", None, None, None,
             None, "Realisasi", None, "Realisasi 2024", None, None, None]
    head2 = [None] * 6 + list(YEARS) + [2022, 2023, "TW I", "TW II", "TW III", "TW IV"]
    quarters = {IND_T: (None, 83.2, None, 83.64), IND1: (85, 87, 88.5, 89.3), IND2: (2, 3, 5, 6),
                IND3: (20, 22, 27, None)}
    rows: list[list[Any]] = [["PERJANJIAN KINERJA DAN REALISASI TAHUN 2024"], head1, head2]
    merges = ["A1:Q1", "G2:K2", "L2:M2", "N2:Q2"] + [f"{c}2:{c}3" for c in "ABCDEF"]
    for name, (lvl, tuj, sas, sat, pol, targets, reals) in INDICATORS.items():
        rows.append([lvl, tuj, sas, name, sat, pol, *targets, reals[0], reals[1], *quarters[name]])
    b.sheet("Kinerja", rows, merge=merges)
    b.sheet("DPA", simple_budget_rows("dpa"))
    b.sheet("Realisasi", simple_budget_rows("realisasi"))
    finish(b)
    return b.save(Path(folder) / "10_kinerja_tw.xlsx"), core()


# ============================================================================= 11. running No
def layout_11_running_no(folder: Path) -> tuple[Path, dict]:
    """Realisasi with a running `No` (1, 2, 3 … on every row) beside the codes, as a sorted export or a
    filtered list numbers its rows; the DPA keeps outline numbering (1., 1.1, 1.1.1) and codes.
    The running numbers are not outline numbers: `2` is the 2nd row, not program 2.
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    real = [["No", "Kode Rekening", "Uraian", "Anggaran (Rp)", "Realisasi (Rp)", "Capaian (%)"]]
    for n, (kode, _, name) in enumerate(TREE, start=1):
        p, r = amounts[kode]
        real.append([n, kode, name, p, r, round(r / p * 100, 2)])
    real.append([None, None, "Jumlah", 1_500_000_000, 1_433_550_000, 95.57])
    b.sheet("Realisasi", real)
    b.sheet("DPA", simple_budget_rows("dpa", nomor=True))
    finish(b)
    return b.save(Path(folder) / "11_running_no.xlsx"), core()


# ============================================================================= 12. Jumlah <program>
def layout_12_jumlah_program(folder: Path) -> tuple[Path, dict]:
    """`Jumlah <program>` subtotal rows after each program's block (hand-made Renja / LRA tables).

    Program rows are headings without amounts; kegiatan and sub kegiatan rows carry amounts; after the
    last sub kegiatan of a program comes `Jumlah Program …` with the program's total; `TOTAL` closes the
    table. Both DPA and Realisasi. The subtotals are consistent (1.240 / 200 / 60 juta pagu;
    1.188,75 / 187,8 / 57 juta realisasi), so they are claims that agree.
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)

    def sheet_rows(kind: str) -> list[list[Any]]:
        head = ["Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran (Rp)"]
        if kind == "realisasi":
            head += ["Realisasi (Rp)"]
        rows: list[list[Any]] = [head]
        prog = None
        for kode, _, name in TREE + [("END", None, None)]:
            if (kode == "END" or len(kode.split(".")) == 3) and prog is not None:
                p, r = amounts[prog[0]]
                rows.append([None, f"Jumlah {prog[1]}", p] + ([r] if kind == "realisasi" else []))
            if kode == "END":
                break
            if len(kode.split(".")) == 3:
                prog = (kode, name)
                rows.append([kode, name, None] + ([None] if kind == "realisasi" else []))
                continue
            p, r = amounts[kode]
            rows.append([kode, name, p] + ([r] if kind == "realisasi" else []))
        rows.append([None, "TOTAL", 1_500_000_000] + ([1_433_550_000] if kind == "realisasi" else []))
        return rows

    b.sheet("DPA", sheet_rows("dpa"))
    b.sheet("Realisasi", sheet_rows("realisasi"))
    finish(b)
    return b.save(Path(folder) / "12_jumlah_program.xlsx"), core()


# ============================================================================= 19. PK targets with signs
def layout_19_pk_bertanda(folder: Path) -> tuple[Path, dict]:
    """Kinerja as the PermenPANRB 53/2014 Formulir Pengukuran Kinerja prints a Perjanjian Kinerja:
    title block (`PENGUKURAN KINERJA TAHUN 2024`, `Perangkat Daerah : …`, `Tahun Anggaran : 2024`),
    then `No | Sasaran Strategis | Indikator Kinerja | Satuan | Target | Realisasi | Capaian (%)` with a
    column-numbering row (1) … (7), targets written as the signed PK writes them and no Polaritas
    column (SPEC §10.12, §10.14), and the signature block.

    Targets: IKM `≥ 82`, IND1 `≥ 94 %`, IND2 `maks. 8` (lower is better: negative with no Polaritas),
    IND3 `30 - 35 %` (a band; positive, so the bound is 30). Capaian stated as the office computed it.
    Expected: the core figures except what a PK alone cannot give: no earlier years, no Renstra end
    target (so no capaian akhir), and the tujuan indicator listed as a sasaran row of its own sasaran
    (`Meningkatnya Kepuasan Masyarakat`, with the whole budget only when Level says tujuan: it does not,
    so as a sasaran without Pemetaan it has no budget and gives UNMAPPED_INDICATOR).
        IKM  83,64 / 82 x 100 = 102          Sangat Berhasil
        IND1 89,3 / 94 x 100 = 95             Berhasil
        IND2 (2 x 8 - 6) / 8 x 100 = 125      Sangat Berhasil (negative from `maks.`)
        IND3 27 / 30 x 100 = 90               Berhasil (the band's lower bound)
    E and Nilai as core (IKM has no budget and does not enter E).
    """
    b = Book()
    b.sheet("Identitas", identitas_rows())
    sas_ikm = "Meningkatnya Kepuasan Masyarakat"
    rows: list[list[Any]] = [
        ["PENGUKURAN KINERJA TAHUN 2024"],
        ["Perangkat Daerah : Kecamatan Sungai Pandan"],
        ["Tahun Anggaran : 2024"],
        [],
        ["No", "Sasaran Strategis", "Indikator Kinerja", "Satuan", "Target", "Realisasi", "Capaian (%)"],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"],
        [1, sas_ikm, IND_T, "Indeks", "≥ 82", 83.64, "102,00"],
        [2, SAS1, IND1, "%", "≥ 94 %", 89.3, "95,00"],
        [3, SAS2, IND2, "Kasus", "maks. 8", 6, "125,00"],
        [4, SAS3, IND3, "%", "30 - 35 %", 27, "90,00"],
        [],
        ["Sungai Pandan, 31 Desember 2024"],
        ["Camat Sungai Pandan,"],
        [],
        ["H. Ahmad Fauzi, S.Sos"],
        ["NIP. 19700101 199003 1 005"],
    ]
    b.sheet("Kinerja", rows, merge=["A1:G1", "A2:G2", "A3:G3"])
    b.sheet("DPA", simple_budget_rows("dpa"))
    b.sheet("Realisasi", simple_budget_rows("realisasi"))
    finish(b)
    exp = core()
    ikm = exp["indikator"][IND_T]
    ikm.update(level="sasaran", realisasi_tahun_lalu={}, target_akhir_renstra=None, capaian_akhir_renstra=None,
               pagu=None, realisasi_anggaran=None, serapan=None, efisiensi=None)
    for name in (IND1, IND2, IND3):
        exp["indikator"][name].update(realisasi_tahun_lalu={}, target_akhir_renstra=None,
                                      capaian_akhir_renstra=None)
    # … and its sasaran's Pendukung and Efisiensi tables are left out (issue 19)
    exp["temuan"] = [("UNMAPPED_INDICATOR", "peringatan"), IKU_KOSONG, TUJUAN_KOSONG, PENDUKUNG_KOSONG]
    return b.save(Path(folder) / "19_pk_bertanda.xlsx"), exp
# ============================================================================= 13. Permendagri 86 form E.81
E81_KINERJA = {  # the K (kinerja) cells of a row by level: target Renja, realisasi, tingkat capaian
    "program": (100, 100, 100.0),
    "kegiatan": ("4 Laporan", "4 Laporan", 100.0),
    "sub_kegiatan": ("12 Bulan", "12 Bulan", 100.0),
}


def layout_13_e81_renja(folder: Path) -> tuple[Path, dict]:
    """The Permendagri 86/2017 form E.81 `Evaluasi terhadap Hasil Renja Perangkat Daerah` used as the
    Realisasi sheet, beside a plain DPA (wp-sipd wpsipd-public-monitor-indikator-renja.php prints the same
    blocks; so does the Bandung monev print `resources/views/monev/pdf.blade.php` of ariefs66/sira_hibah_v4).

    Rows 1-4: title, `Periode Pelaksanaan : Tahun 2024`, `Indikator dan Target Kinerja … RKPD : …`.
    Header rows 6-8: No | Sasaran | Kode | Urusan/Bidang Urusan … Sub Kegiatan | Indikator Kinerja …, then
    eight blocks of `K | Rp` (each block label merged over rows 6-7, `K` and `Rp` in row 8):
      F:G  Target Renstra PD pada Tahun 2022-2026 (Akhir Periode Renstra PD)           5 x pagu
      H:I  Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2023) 2 x realisasi
      J:K  Target Kinerja dan Anggaran Renja PD Tahun Berjalan 2024 yang Dievaluasi      pagu
      L:S  Realisasi Kinerja Pada Triwulan (row 6) over I | II | III | IV (row 7)        TW amounts
      T:U  Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi               realisasi
      V:W  Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD yang Dievaluasi (%)   realisasi / pagu
      X:Y  Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024 (…)                  3 x realisasi
      Z:AA Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2024 (%)  3r / 5p
    then Unit PD Penanggung Jawab | Ket. Row 9 numbers the columns (`13 = 9+10+11+12`, `14 = 13/8 x 100`).
    The K cells hold indicator values (`100`, `4 Laporan`, `12 Bulan`). After `JUMLAH` come the form's
    `Rata-rata Capaian Kinerja (%)`, `Predikat Kinerja`, the faktor / tindak lanjut lines and signatures.
    SPEC §10.13: pagu is J:K's Rp (K), realisasi T:U's Rp (U; the year's figure wins over Triwulan IV's, §10.9),
    % is V:W's Rp (W); nothing from the Renstra blocks (F:I, X:AA), the K columns or `Tingkat` as Level.
    Expected: the core figures; one AMBIGUOUS_COLUMN (Realisasi: U used, the Triwulan Rp columns left).
    """
    b = base_book()
    amounts = rollup(LEAF)
    tw = [rollup({s: (v[i], 0) for s, v in TW.items()}) for i in range(4)]
    W = 29  # A..AC
    line = _grid(W)
    span = line.span  # type: ignore[attr-defined]
    r = line("EVALUASI TERHADAP HASIL RENJA PERANGKAT DAERAH LINGKUP KABUPATEN HULU SUNGAI UTARA")
    span(r, 1, r, W)
    r = line("RENJA PERANGKAT DAERAH KECAMATAN SUNGAI PANDAN")
    span(r, 1, r, W)
    line("Periode Pelaksanaan : Tahun 2024")
    line("Indikator dan Target Kinerja Perangkat Daerah Kabupaten yang mengacu pada Sasaran RKPD : " + TUJUAN)
    line()
    blocks = [
        "Target Renstra PD pada Tahun 2022-2026 (Akhir Periode Renstra PD)",
        "Realisasi Capaian Kinerja Renstra PD sampai dengan Renja PD Tahun Lalu (2023)",
        "Target Kinerja dan Anggaran Renja PD Tahun Berjalan 2024 yang Dievaluasi",
        "Realisasi Kinerja Pada Triwulan",
        "Realisasi Capaian Kinerja dan Anggaran Renja PD yang Dievaluasi",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renja PD yang Dievaluasi (%)",
        "Realisasi Kinerja dan Anggaran Renstra PD s/d Tahun 2024 (Akhir Tahun Pelaksanaan Renja PD)",
        "Tingkat Capaian Kinerja dan Realisasi Anggaran Renstra PD s/d Tahun 2024 (%)",
    ]
    top = ["No", "Sasaran", "Kode", "Urusan/Bidang Urusan Pemerintahan Daerah dan Program/Kegiatan/Sub Kegiatan",
           "Indikator Kinerja Program (outcome)/Kegiatan (output)"]
    starts = [6, 8, 10, 12, 20, 22, 24, 26]
    for label, c in zip(blocks, starts):
        top += [None] * (c - 1 - len(top)) + [label]
    top += [None] * (28 - 1 - len(top)) + ["Unit PD Penanggung Jawab", "Ket."]
    h = line(*top)
    line(*([None] * 11 + ["I", None, "II", None, "III", None, "IV", None]))
    line(*([None] * 5 + ["K", "Rp"] * 11))
    for c in (1, 2, 3, 4, 5, 28, 29):
        span(h, c, h + 2, c)
    for c in starts:
        if c == 12:
            span(h, 12, h, 19)
            for q in range(4):
                span(h + 1, 12 + 2 * q, h + 1, 13 + 2 * q)
        else:
            span(h, c, h + 1, c + 1)
    numbers = ["1", "2", "3", "4", "5", "6", None, "7", None, "8", None, "9", None, "10", None, "11", None, "12", None,
               "13 = 9+10+11+12", None, "14 = 13/8 x 100", None, "15 = 7 + 13", None, "16 = 15/6 x 100", None,
               "17", "18"]
    n = line(*numbers)
    for c in range(6, 28, 2):
        span(n, c, n, c + 1)
    sasaran = {"7.01.01": SAS1, "7.01.02": SAS2, "7.01.03": SAS3}
    indikator = {"program": "Persentase Capaian Sasaran Program", "kegiatan": "Jumlah Laporan Kegiatan",
                 "sub_kegiatan": "Jumlah Bulan Layanan Terlaksana"}
    for kode, no, name in TREE:
        p, real = amounts[kode]
        lvl = level_of(kode)
        k_target, k_real, k_tingkat = E81_KINERJA[lvl]
        row = [no, sasaran.get(kode), kode, name, indikator[lvl],
               k_target, 5 * p, k_real, 2 * real, k_target, p]
        for q in range(4):
            row += [k_real if q == 3 else None, tw[q][kode][0]]
        row += [k_real, real, k_tingkat, round(real / p * 100, 2), k_real, 3 * real, 60.0,
                round(3 * real / (5 * p) * 100, 2), "Kecamatan Sungai Pandan", None]
        line(*row)
    p_all, r_all = 1_500_000_000, 1_433_550_000
    line(None, None, None, "JUMLAH", None, None, 5 * p_all, None, 2 * r_all, None, p_all,
         None, 318_500_000, None, 359_500_000, None, 370_000_000, None, 385_550_000,
         None, r_all, None, 95.57, None, 3 * r_all, None, round(3 * r_all / (5 * p_all) * 100, 2))
    r = line("Rata-rata Capaian Kinerja (%)", *([None] * 20), 100.0)
    span(r, 1, r, 21)
    r = line("Predikat Kinerja", *([None] * 20), "Sangat Tinggi")
    span(r, 1, r, 21)
    for text in ("Faktor pendorong keberhasilan pencapaian : dukungan aparatur desa",
                 "Faktor penghambat pencapaian kinerja : keterbatasan sarana",
                 "Tindak lanjut yang diperlukan dalam triwulan berikutnya : -",
                 "Tindak lanjut yang diperlukan dalam Renja Perangkat Daerah Kabupaten berikutnya : -"):
        r = line(text)
        span(r, 1, r, W)
    line()
    line(None, None, None, "Disusun", *([None] * 18), "Dievaluasi")
    line(None, None, None, "Amuntai, 15 Januari 2025", *([None] * 18), "Amuntai, 20 Januari 2025")
    line(None, None, None, "Camat Sungai Pandan", *([None] * 18), "Kepala Bappeda")
    line()
    line(None, None, None, "H. MUHAMMAD RIDUAN, S.Sos., M.AP", *([None] * 18), "Ir. H. AHMAD SYARIFUDDIN, M.T")
    line(None, None, None, "NIP. 19720815 199203 1 005", *([None] * 18), "NIP. 19700101 199503 1 002")
    b.sheet("Realisasi", line.rows, merge=line.merges)  # type: ignore[attr-defined]
    b.sheet("DPA", simple_budget_rows("dpa"))
    finish(b)
    # J:K's Rp is LEAF's pagu, T:U's Rp LEAF's realisasi, the Triwulan Rp columns TW (they add up to it):
    # the core figures. W states round(r / p x 100, 2): 98,00 / 95,83 / 95,00 / 96,50 / 90,00 / 95,00 … = computed.
    exp = core(temuan=[("AMBIGUOUS_COLUMN", "peringatan")],
               kolom={"Realisasi": {"Pagu": "K", "Realisasi": "U", "%": "W", "Sisa": None, "Level": None}})
    return b.save(Path(folder) / "13_e81_renja.xlsx"), exp


# ============================================================================= 14. SPJ fungsional
def _spj_split(kode: str, real: float) -> tuple[int, float]:
    """Which SPJ block an akun's realisasi is spent through (0 LS Gaji, 1 LS Barang & Jasa, 2 UP/GU/TU)
    and what of it was spent this month (a tenth: every LEAF / AKUN figure is a multiple of 50.000)."""
    block = 0 if kode.startswith("5.1.01") else 1 if kode.startswith("5.2") else 2
    return block, real / 10


def layout_14_spj_fungsional(folder: Path) -> tuple[Path, dict]:
    """The bendahara's `SPJ Belanja - Fungsional` (SIMDA / SIPD penatausahaan print) used as the Realisasi sheet.

    Title lines, then `SKPD : …`, `Pengguna Anggaran : …`, `Bendahara Pengeluaran : …`, `Tahun Anggaran :
    2024`, `Bulan : Desember`. Header rows 8-9: Kode Rekening | Uraian | Jumlah Anggaran | `SPJ-LS Gaji`,
    `SPJ-LS Barang & Jasa`, `SPJ-UP/GU/TU` each over `s.d. Bulan Lalu | Bulan Ini | s.d. Bulan Ini` |
    `Jumlah SPJ (LS+UP/GU/TU) s.d. Bulan Ini` | `Sisa Pagu Anggaran`; row 10 numbers them (`6 = 4+5`,
    `13 = 6+9+12`, `14 = 3-13`). Program, kegiatan, sub kegiatan and akun rows (AKUN), `JUMLAH`, signatures.
    Each akun's realisasi is spent through one block (5.1.01 LS Gaji, 5.2 LS Barang & Jasa, 5.1.02 UP/GU/TU),
    a tenth of it this month.
    SPEC §10.13: `Sisa Pagu Anggaran` is the Sisa, never the Pagu (the reported case took it as the Pagu:
    a PAGU_MISMATCH on every row); Pagu is `Jumlah Anggaran`, Realisasi `Jumlah SPJ … s.d. Bulan Ini`.
    Expected: the core figures and the core belanja; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    W = 14
    line = _grid(W)
    span = line.span  # type: ignore[attr-defined]
    for title in ("PEMERINTAH KABUPATEN HULU SUNGAI UTARA", "LAPORAN PERTANGGUNGJAWABAN BENDAHARA PENGELUARAN",
                  "(SPJ BELANJA - FUNGSIONAL)"):
        r = line(title)
        span(r, 1, r, W)
    line("SKPD", ": 7.01.0.00.0.00.07.0000 Kecamatan Sungai Pandan")
    line("Pengguna Anggaran", ": H. MUHAMMAD RIDUAN, S.Sos., M.AP")
    line("Tahun Anggaran", ": 2024")
    line("Bulan", ": Desember")
    blocks = ("SPJ-LS Gaji", "SPJ-LS Barang & Jasa", "SPJ-UP/GU/TU")
    h = line("Kode Rekening", "Uraian", "Jumlah Anggaran", blocks[0], None, None, blocks[1], None, None, blocks[2],
             None, None, "Jumlah SPJ (LS+UP/GU/TU) s.d. Bulan Ini", "Sisa Pagu Anggaran")
    line(None, None, None, *(["s.d. Bulan Lalu", "Bulan Ini", "s.d. Bulan Ini"] * 3))
    for c in (1, 2, 3, 13, 14):
        span(h, c, h + 1, c)
    for c in (4, 7, 10):
        span(h, c, h, c + 2)
    line("1", "2", "3", "4", "5", "6 = 4+5", "7", "8", "9 = 7+8", "10", "11", "12 = 10+11", "13 = 6+9+12",
         "14 = 3-13")

    def spj(pagu: float, by_akun: list[tuple[str, float]]) -> list[Any]:
        """The SPJ cells of a row whose realisasi is spent on these akun: 3 blocks, total, sisa."""
        cells = [0.0] * 9
        for a_kode, a_real in by_akun:
            block, this_month = _spj_split(a_kode, a_real)
            cells[3 * block] += a_real - this_month
            cells[3 * block + 1] += this_month
            cells[3 * block + 2] += a_real
        total = cells[2] + cells[5] + cells[8]
        return [*cells, total, pagu - total]

    def akun_of(kode: str) -> list[tuple[str, float]]:
        return [(a, ar) for sub, rows in AKUN.items() if sub == kode or sub.startswith(kode + ".")
                for a, _, ar in rows]

    for kode, _, name in TREE:
        p, _ = amounts[kode]
        line(kode, name, p, *spj(p, akun_of(kode)))
        for a_kode, a_p, a_r in AKUN.get(kode, []):
            line(a_kode, AKUN_NAMA[a_kode], a_p, *spj(a_p, [(a_kode, a_r)]))
    line(None, "JUMLAH", 1_500_000_000, *spj(1_500_000_000, akun_of("7")))
    line()
    line(None, "Mengetahui,", None, None, None, None, None, None, None, None, "Amuntai, 31 Desember 2024")
    line(None, "Pengguna Anggaran", None, None, None, None, None, None, None, None, "Bendahara Pengeluaran")
    line()
    line(None, "H. MUHAMMAD RIDUAN, S.Sos., M.AP", None, None, None, None, None, None, None, None, "SITI AMINAH")
    line(None, "NIP. 19720815 199203 1 005", None, None, None, None, None, None, None, None,
         "NIP. 19850505 201001 2 003")
    b.sheet("Realisasi", line.rows, merge=line.merges)  # type: ignore[attr-defined]
    b.sheet("DPA", simple_budget_rows("dpa", akun=AKUN))
    finish(b)
    # Jumlah SPJ s.d. Bulan Ini of a row = the sum of its akun's realisasi = LEAF / AKUN; Sisa = pagu − that
    # (sub 1.1.1: 25 − 24,5 = 0,5 juta; total 1.500 − 1.433,55 = 66,45 juta): the core figures.
    exp = core(belanja=CORE_BELANJA,
               kolom={"Realisasi": {"Pagu": "C", "Realisasi": "M", "Sisa": "N"}})
    return b.save(Path(folder) / "14_spj_fungsional.xlsx"), exp


# ============================================================================= 15. RFK monthly
RFK_FISIK = {  # physical progress of each sub kegiatan (%): in December alone, and up to December
    "7.01.01.2.01.0001": (10.0, 100.0), "7.01.01.2.02.0001": (8.33, 100.0), "7.01.01.2.06.0001": (8.33, 100.0),
    "7.01.02.2.02.0003": (15.0, 100.0), "7.01.02.2.04.0003": (20.0, 95.0), "7.01.03.2.01.0001": (25.0, 100.0),
}


def layout_15_rfk_bulanan(folder: Path) -> tuple[Path, dict]:
    """A monthly RFK (Laporan Realisasi Fisik dan Keuangan) used as the Realisasi sheet.

    Title lines and `SKPD : …`, `Bulan : Desember 2024`. Header rows 6-8: No | Kode | Program/Kegiatan/Sub
    Kegiatan | Pagu Anggaran (Rp) | Bobot (%) | `Realisasi` (row 6) over `Desember` and `s.d. Desember`
    (row 7), each over `Fisik (%) | Keuangan (Rp) | Keuangan (%)` (row 8) | Sisa Anggaran (Rp) | Keterangan;
    row 9 numbers the columns. Outline numbers and codes; program and kegiatan rows carry their totals
    (the fisik of a parent is the pagu-weighted mean, as RFK prints it); `JUMLAH` closes the table.
    December's keuangan is a tenth of the year's realisasi.
    SPEC §10.19: the row's % is `s.d. Desember › Keuangan (%)`; `Fisik (%)` and `Bobot (%)` are progress and
    weight, never the money ratio (the reported case read `s.d. Desember › Fisik (%)`: 28 PERCENT_MISMATCH).
    Realisasi is `s.d. Desember › Keuangan (Rp)` (cumulative over the single month, §10.9).
    Expected: the core figures; two AMBIGUOUS_COLUMN (Realisasi and %: the `Desember` columns left).
    """
    b = base_book()
    amounts = rollup(LEAF)
    W = 13
    line = _grid(W)
    span = line.span  # type: ignore[attr-defined]
    for title in ("LAPORAN REALISASI FISIK DAN KEUANGAN (RFK)", "KECAMATAN SUNGAI PANDAN TAHUN ANGGARAN 2024"):
        r = line(title)
        span(r, 1, r, W)
    line("SKPD", ": 7.01.0.00.0.00.07.0000 Kecamatan Sungai Pandan")
    line("Bulan", ": Desember 2024")
    line()
    h = line("No", "Kode", "Program/Kegiatan/Sub Kegiatan", "Pagu Anggaran (Rp)", "Bobot (%)", "Realisasi",
             None, None, None, None, None, "Sisa Anggaran (Rp)", "Keterangan")
    line(*([None] * 5), "Desember", None, None, "s.d. Desember")
    line(*([None] * 5), *(["Fisik (%)", "Keuangan (Rp)", "Keuangan (%)"] * 2))
    for c in (1, 2, 3, 4, 5, 12, 13):
        span(h, c, h + 2, c)
    span(h, 6, h, 11)
    span(h + 1, 6, h + 1, 8)
    span(h + 1, 9, h + 1, 11)
    line(*[str(i) for i in range(1, 14)])
    total = 1_500_000_000

    def fisik(kode: str, which: int) -> float:
        subs = [(LEAF[s][0], f[which]) for s, f in RFK_FISIK.items() if s == kode or s.startswith(kode + ".")]
        return round(sum(p * f for p, f in subs) / sum(p for p, _ in subs), 2)

    for kode, no, name in TREE:
        p, real = amounts[kode]
        month = real / 10
        line(no, kode, name, p, round(p / total * 100, 2),
             fisik(kode, 0), month, round(month / p * 100, 2),
             fisik(kode, 1), real, round(real / p * 100, 2), p - real, None)
    r_all = 1_433_550_000
    line(None, None, "JUMLAH", total, 100.0, fisik("7", 0), r_all / 10, round(r_all / 10 / total * 100, 2),
         fisik("7", 1), r_all, 95.57, total - r_all)
    line()
    line(None, None, "Amuntai, 31 Desember 2024", None, None, None, None, None, None, "Camat Sungai Pandan")
    line(None, None, "PPTK", None, None, None, None, None, None, None)
    line(None, None, "NIP. 19800101 200501 1 001", None, None, None, None, None, None, "NIP. 19720815 199203 1 005")
    b.sheet("Realisasi", line.rows, merge=line.merges)  # type: ignore[attr-defined]
    b.sheet("DPA", simple_budget_rows("dpa"))
    finish(b)
    # s.d. Desember › Keuangan (Rp) = LEAF's realisasi; Keuangan (%) = round(r / p x 100, 2) = computed (95,57 on
    # the total: 1.433,55 / 1.500); Sisa = p − r. The Fisik (%) cells (100, 95, 99,6 …) and Bobot (%) (1,67, 80 …)
    # would each disagree with the money ratio on almost every row.
    exp = core(temuan=[("AMBIGUOUS_COLUMN", "peringatan")] * 2,
               kolom={"Realisasi": {"Pagu": "D", "Realisasi": "J", "%": "K", "Sisa": "L"}})
    return b.save(Path(folder) / "15_rfk_bulanan.xlsx"), exp


# ============================================================================= 16. `Tingkat` holding numbers
def layout_16_tingkat_angka(folder: Path) -> tuple[Path, dict]:
    """`Tingkat Capaian (%)` in the Kinerja sheet and `Tingkat Serapan` in the Realisasi sheet: columns that
    hold numbers under a label with the word `tingkat` (a Level synonym).

    Kinerja: a title row, then Tujuan | Sasaran | Indikator | Satuan | Polaritas | Target 2022 … 2026 |
    Realisasi 2022 … 2024 | Tingkat Capaian (%) with no Level column (the tujuan's indicator has no
    Sasaran), a numbering row `(1)` … `(15)`. Tingkat Capaian states the report year's capaian.
    Realisasi: Kode | Uraian | Pagu | Realisasi | Tingkat Serapan (round(r / p x 100, 2)), a `Jumlah` row.
    SPEC §10.13: a `Tingkat` column holding numbers is not the Level (read as Level, each number was a
    `Level harus Tujuan atau Sasaran` finding in Kinerja); they are the stated capaian and the row's %.
    Expected: the core figures; no finding (the stated capaian and serapan agree).
    """
    b = Book()
    b.sheet("Identitas", identitas_rows())
    head = ["Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas"] + [f"Target {y}" for y in YEARS] + \
        [f"Realisasi {y}" for y in YEARS if y <= TAHUN] + ["Tingkat Capaian (%)"]
    capaian = {IND_T: 102.0, IND1: 95.0, IND2: 125.0, IND3: 90.0}  # the core capaian of 2024
    rows: list[list[Any]] = [["CAPAIAN KINERJA KECAMATAN SUNGAI PANDAN TAHUN 2024"], head,
                             [f"({i})" for i in range(1, len(head) + 1)]]
    for name, (_, tuj, sas, sat, pol, targets, reals) in INDICATORS.items():
        rows.append([tuj, sas, name, sat, pol, *targets, *reals, capaian[name]])
    b.sheet("Kinerja", rows, merge=[f"A1:{get_column_letter(len(head))}1"])
    b.sheet("DPA", simple_budget_rows("dpa"))
    amounts = rollup(LEAF)
    real = [["Kode", "Uraian", "Pagu", "Realisasi", "Tingkat Serapan"]]
    for kode, _, name in TREE:
        p, r = amounts[kode]
        real.append([kode, name, p, r, round(r / p * 100, 2)])
    real.append([None, "Jumlah", 1_500_000_000, 1_433_550_000, 95.57])
    b.sheet("Realisasi", real)
    finish(b)
    exp = core(kolom={"Realisasi": {"%": "E", "Level": None}, "Kinerja": {"Capaian": "N", "Level": None}})
    return b.save(Path(folder) / "16_tingkat_angka.xlsx"), exp


# ============================================================================= 17. cumulative over years
def layout_17_kumulatif_tahun(folder: Path) -> tuple[Path, dict]:
    """Cumulative figures over the Renstra years beside the report year's (an `Evaluasi Renstra` table).

    DPA: Kode | Uraian | `Anggaran (Rp)` over `Tahun Berjalan | Renstra s/d Tahun 2024` (the pagu of
    2022-2024: 3 x the year's). Realisasi: a title, then Kode | Program / Kegiatan / Sub Kegiatan | Pagu
    Anggaran Tahun Berjalan (Rp) | Realisasi Anggaran Tahun Berjalan (Rp) | Capaian Tahun Berjalan (%) |
    Pagu Anggaran Renstra 2022-2026 (Rp) (5 x pagu) | Realisasi Anggaran Kumulatif 2022-2024 (Rp)
    (3 x realisasi) | Capaian Renstra s/d Tahun 2024 (%) (3r / 5p), a numbering row, `Jumlah`.
    SPEC §10.13: `Kumulatif 2022-2024` and `s/d Tahun 2024` are cumulatives over years, never the report
    year's figure, although they carry the report year and the year's own columns do not.
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    dpa = [["Kode", "Uraian", "Anggaran (Rp)", None], [None, None, "Tahun Berjalan", "Renstra s/d Tahun 2024"]]
    for kode, _, name in TREE:
        p, _ = amounts[kode]
        dpa.append([kode, name, p, 3 * p])
    dpa.append([None, "Jumlah", 1_500_000_000, 4_500_000_000])
    b.sheet("DPA", dpa, merge=["A1:A2", "B1:B2", "C1:D1"])
    head = ["Kode", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran Tahun Berjalan (Rp)",
            "Realisasi Anggaran Tahun Berjalan (Rp)", "Capaian Tahun Berjalan (%)", "Pagu Anggaran Renstra 2022-2026 (Rp)",
            "Realisasi Anggaran Kumulatif 2022-2024 (Rp)", "Capaian Renstra s/d Tahun 2024 (%)"]
    real: list[list[Any]] = [["EVALUASI PELAKSANAAN RENSTRA KECAMATAN SUNGAI PANDAN TAHUN 2024"], head,
                             [str(i) for i in range(1, 9)]]
    for kode, _, name in TREE:
        p, r = amounts[kode]
        real.append([kode, name, p, r, round(r / p * 100, 2), 5 * p, 3 * r, round(3 * r / (5 * p) * 100, 2)])
    real.append([None, "Jumlah", 1_500_000_000, 1_433_550_000, 95.57, 7_500_000_000, 4_300_650_000, 57.34])
    b.sheet("Realisasi", real, merge=["A1:H1"])
    finish(b)
    # Jumlah: 3 x 1.433,55 = 4.300,65 juta; 4.300,65 / 7.500 x 100 = 57,342 -> 57,34.
    exp = core(kolom={"DPA": {"Pagu": "C"}, "Realisasi": {"Pagu": "C", "Realisasi": "D", "%": "E"}})
    return b.save(Path(folder) / "17_kumulatif_tahun.xlsx"), exp


# ============================================================================= 18. Kinerja | Keuangan
def layout_18_kinerja_keuangan(folder: Path) -> tuple[Path, dict]:
    """`Kinerja | Keuangan` and `Fisik | Keuangan` sub-labels (a Laporan Realisasi Kinerja dan Keuangan).

    DPA: Kode | Uraian | Indikator | `Target` over `Fisik | Keuangan (Rp)`. Realisasi: a title, then Kode |
    Program/Kegiatan/Sub Kegiatan | Indikator Kinerja | Satuan | `Target`, `Realisasi` and `Capaian (%)`
    each over `Kinerja | Keuangan` | Keterangan, a numbering row, `JUMLAH`. The Kinerja cells hold the
    indicator's values (12 bulan, 4 laporan, 100 %), the Keuangan ones money and its ratio.
    SPEC §10.13: under such a group only `Keuangan` is money and only its % the row's %.
    Expected: the core figures; no finding.
    """
    b = base_book()
    amounts = rollup(LEAF)
    volume = {"program": 100, "kegiatan": 4, "sub_kegiatan": 12}
    dpa = [["Kode", "Uraian", "Indikator", "Target", None], [None, None, None, "Fisik", "Keuangan (Rp)"]]
    for kode, _, name in TREE:
        dpa.append([kode, name, "Jumlah Dokumen", volume[level_of(kode)], amounts[kode][0]])
    dpa.append([None, "Jumlah", None, None, 1_500_000_000])
    b.sheet("DPA", dpa, merge=["A1:A2", "B1:B2", "C1:C2", "D1:E1"])
    real: list[list[Any]] = [
        ["LAPORAN REALISASI KINERJA DAN KEUANGAN KECAMATAN SUNGAI PANDAN TAHUN 2024"],
        ["Kode", "Program/Kegiatan/Sub Kegiatan", "Indikator Kinerja", "Satuan", "Target", None, "Realisasi", None,
         "Capaian (%)", None, "Keterangan"],
        [None] * 4 + ["Kinerja", "Keuangan"] * 3,
        [str(i) for i in range(1, 12)],
    ]
    satuan = {"program": "%", "kegiatan": "Laporan", "sub_kegiatan": "Bulan"}
    for kode, _, name in TREE:
        p, r = amounts[kode]
        v = volume[level_of(kode)]
        real.append([kode, name, "Jumlah Dokumen", satuan[level_of(kode)], v, p, v, r, 100.0, round(r / p * 100, 2)])
    real.append([None, "JUMLAH", None, None, None, 1_500_000_000, None, 1_433_550_000, None, 95.57])
    merges = ["A1:K1", "E2:F2", "G2:H2", "I2:J2"] + [f"{c}2:{c}3" for c in "ABCDK"]
    b.sheet("Realisasi", real, merge=merges)
    finish(b)
    exp = core(kolom={"DPA": {"Pagu": "E"}, "Realisasi": {"Pagu": "F", "Realisasi": "H", "%": "J"}})
    return b.save(Path(folder) / "18_kinerja_keuangan.xlsx"), exp


# ============================================================================= 20. wp-sipd monev Renja
def layout_20_wpsipd_monev_renja(folder: Path) -> tuple[Path, dict]:
    """The evaluasi Renja excerpt wp-sipd prints (wpsipd-public-monitor-indikator-renja.php) used as the
    Realisasi sheet: four header rows with the form's column-numbering row INSIDE them.

    Row 1: the title. Row 2: No | Kode | Program, Kegiatan, Sub Kegiatan (each merged over rows 2-5) and
    three blocks: `Target kinerja dan anggaran Renja SKPD Tahun Berjalan Tahun 2024 yang dievaluasi`
    (D:F), `Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang dievaluasi` (G:I), `Realisasi
    Kinerja dan Anggaran Renstra SKPD s/d Tahun 2024 (…)` (J:L). Row 3 numbers the blocks as the full
    form does (`7`, `12 = 8+9+10+11`, `14 = 6 + 12`); row 4 is `K | Rp` (K merged over two columns, Rp
    merged down over row 5); row 5 splits K into `Volume | Satuan`.
    SPEC §10.1 (the numbering row is no label row, rows 2-5 are the header) and §10.13: pagu is the
    Renja block's Rp (F), realisasi the evaluated block's Rp (I); never a K column, never the Renstra
    cumulative (L = 3 x realisasi).
    Expected: the core figures; no finding. Read before as header row 2 only: Pagu D (K Volume),
    15 PAGU_MISMATCH, 6 UNREADABLE_VALUE and a realisasi of Rp72.
    """
    b = base_book()
    amounts = rollup(LEAF)
    W = 12
    line = _grid(W)
    span = line.span  # type: ignore[attr-defined]
    r = line("Tabel Monitoring dan Evaluasi RENJA")
    span(r, 1, r, W)
    h = line("No", "Kode", "Program, Kegiatan, Sub Kegiatan",
             "Target kinerja dan anggaran Renja SKPD Tahun Berjalan Tahun 2024 yang dievaluasi", None, None,
             "Realisasi Capaian Kinerja dan Anggaran Renja SKPD yang dievaluasi", None, None,
             "Realisasi Kinerja dan Anggaran Renstra SKPD s/d Tahun 2024 (Akhir Tahun Pelaksanaan Renja SKPD)")
    line(None, None, None, "7", None, None, "12 = 8+9+10+11", None, None, "14 = 6 + 12")
    line(None, None, None, "K", None, "Rp", "K", None, "Rp", "K", None, "Rp")
    line(None, None, None, "Volume", "Satuan", None, "Volume", "Satuan", None, "Volume", "Satuan")
    for c in (1, 2, 3):
        span(h, c, h + 3, c)
    for c in (4, 7, 10):
        span(h, c, h, c + 2)
        span(h + 1, c, h + 1, c + 2)
        span(h + 2, c, h + 2, c + 1)
        span(h + 2, c + 2, h + 3, c + 2)
    for kode, no, name in TREE:
        p, real = amounts[kode]
        line(no, kode, name, 12, "Bulan", p, 12, "Bulan", real, 36, "Bulan", 3 * real)
    b.sheet("Realisasi", line.rows, merge=line.merges)  # type: ignore[attr-defined]
    b.sheet("DPA", simple_budget_rows("dpa"))
    finish(b)
    exp = core(kolom={"Realisasi": {"Pagu": "F", "Realisasi": "I", "%": None, "Level": None}})
    return b.save(Path(folder) / "20_wpsipd_monev_renja.xlsx"), exp


LAYOUTS: dict[str, Callable[[Path], tuple[Path, dict]]] = {
    "01_dpa_sipd": layout_01_dpa_sipd,
    "02_lra": layout_02_lra,
    "03_pergeseran": layout_03_pergeseran,
    "04_monev_renstra": layout_04_monev_renstra,
    "05_pdf_tabel313": layout_05_pdf_tabel313,
    "06_code_in_name": layout_06_code_in_name,
    "07_multi_urusan": layout_07_multi_urusan,
    "08_triwulan": layout_08_triwulan,
    "09_number_styles": layout_09_number_styles,
    "10_kinerja_tw": layout_10_kinerja_tw,
    "11_running_no": layout_11_running_no,
    "12_jumlah_program": layout_12_jumlah_program,
    "13_e81_renja": layout_13_e81_renja,
    "14_spj_fungsional": layout_14_spj_fungsional,
    "15_rfk_bulanan": layout_15_rfk_bulanan,
    "16_tingkat_angka": layout_16_tingkat_angka,
    "17_kumulatif_tahun": layout_17_kumulatif_tahun,
    "18_kinerja_keuangan": layout_18_kinerja_keuangan,
    "19_pk_bertanda": layout_19_pk_bertanda,
    "20_wpsipd_monev_renja": layout_20_wpsipd_monev_renja,
}


def build_all(folder: Path) -> dict[str, tuple[Path, dict]]:
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return {name: fn(folder) for name, fn in LAYOUTS.items()}


if __name__ == "__main__":  # python tests/realworld/layouts.py OUTDIR  -> writes every layout's workbook
    import sys

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "realworld_out")
    for name, (path, _) in build_all(out).items():
        print(path)
