"""Metamorphic layout variants of an input workbook (issue 7 item 6; SPEC §3, §9.1, §10).

The same data in another allowed layout must give the same report. This module re-lays every
input sheet of a base workbook with a seeded, random combination of layout transformations and
records what it did (the *recipe*), so a failing variant can be rebuilt and looked at:

    python -m tests.variants 17 /tmp/v.xlsx                      # base: the sample, all transformations
    python -m tests.variants 17 /tmp/v.xlsx --base split --only title --check
    python -m tests.variants 17 /tmp/v.xlsx --only permute --sheet DPA --check

`--check` analyses base and variant and prints the recipe and the differences of the reports.

API:
    make_variant(base, seed, out, only=None, sheets=None) -> recipe (dict)
        base: a path to an .xlsx, or a name in BASES ("sample", "minimal", "split", "two_row",
        "findings", "akun"); `only`: one transformation name or a list (None: a random mix);
        `sheets`: restrict to these input sheets (original names or roles, case-insensitive).
    base_path(name, folder) -> Path          the base workbook (builder bases are written to folder)
    report_for(path) -> dict                 build_report(analyse(path))
    compare_reports(base, variant) -> list[str]   differences, [] when the same (see normalise())
    format_recipe(recipe) -> str

Transformations (TRANSFORMS), each applied per sheet and only the way the SPEC allows:
    title         title rows above the table: one title (merged across the table or not), directly
                  above the header or after a blank row, `key : value` blocks (one cell, or
                  `Key | : | value`); replaces what was above the header
    footer        notes and a signature block after the table (place and date, Mengetahui, Camat …,
                  a name, NIP …)
    numbering     a column-numbering row under the header: 1 | 2 | 3, '1' | '2', (1) | (2),
                  formula texts (`5 = (4/3) x 100`), a split Kode block numbered once (merged)
    blank_rows    blank rows between header and data, before top-level rows (programs), before
                  the total row; never inside a vertical merge
    extra_columns irrelevant columns (Keterangan, Sumber Dana, Lokasi) between column blocks; in
                  Identitas a `:` separator column and/or a Keterangan column right of the value
    permute       column blocks reordered (a split Kode block, a group label with its sub-columns
                  and a vertically merged label move as one); in Identitas the key rows reordered
    synonyms      header labels replaced by SPEC synonyms (§3, §9.1) or case/spacing variants;
                  in Identitas key synonyms (Nama SKPD, Pemda, Tahun Anggaran)
    numbers_text  numbers written as Indonesian text (6.025.173.178, Rp. 7.996.663.078,00, 93,67,
                  100%) with exactly their value and the decimals their format showed
    sheet_names   sheet name variants: case, spaces / _ / -, SPEC synonyms (Anggaran, LRA, Info …)

Cell values, number formats, merged ranges (header merges, vertical merges of Tujuan / Sasaran),
column widths and hidden flags move with their rows and columns.
"""
from __future__ import annotations

import argparse
import copy
import json
import math
import random
import re
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable

import openpyxl

sys.path.insert(0, str(Path(__file__).resolve().parent))
import builder  # noqa: E402  (tests/builder.py; importable both under pytest and with python -m)
from builder import M, minimal, sheet  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kecamatan_juai_2024.xlsx"

TRANSFORMS = ("title", "footer", "numbering", "blank_rows", "extra_columns", "permute", "synonyms",
              "numbers_text", "sheet_names")

# SPEC §3: sheet names, case-insensitive, ignoring spaces, `_` and `-`; synonyms in brackets.
SHEET_NAMES = {
    "identitas": ["Identitas", "Info", "Profil"],
    "kinerja": ["Kinerja", "Indikator", "Renstra", "IKU"],
    "komponen": ["Komponen"],
    "dpa": ["DPA", "Anggaran", "Renja", "RKA"],
    "realisasi": ["Realisasi", "LRA", "Realisasi Anggaran"],
    "pemetaan": ["Pemetaan", "Cascading", "Pendukung"],
    "belanja": ["Belanja", "Jenis Belanja"],
    "dilaporkan": ["Dilaporkan", "Klaim"],
    "skala": ["Skala"],
}
TABLE_ROLES = ("kinerja", "komponen", "dpa", "realisasi", "pemetaan", "belanja", "dilaporkan", "skala")


def norm(text: object) -> str:
    """SPEC §9.1: lower-case, every run of non-letters/digits one space."""
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


def role_of(sheet_name: str) -> str | None:
    key = re.sub(r"[\s_\-]+", "", sheet_name.lower())
    for role, names in SHEET_NAMES.items():
        if key in {re.sub(r"[\s_\-]+", "", n.lower()) for n in names}:
            return role
    return None


# Header labels per role and field: the labels a base may use (matched after norm()), and the
# substitutes the SPEC allows (§3 synonyms, §9.1 spelling and containment). Fields without SPEC
# synonyms only get case / spacing variants.
_URAIAN = ["Uraian", "Program/Kegiatan/Sub Kegiatan", "Program / Kegiatan / Sub Kegiatan", "Nama", "URAIAN",
           "PROGRAM / KEGIATAN / SUB KEGIATAN"]
_KODE = ["Kode", "Kode Rekening", "KODE", "Kode Rekening"]
_NO = ["No", "No.", "NO"]
LABELS: dict[str, dict[str, tuple[list[str], list[str]]]] = {
    "dpa": {
        "kode": (["kode", "kode rekening"], _KODE),
        "nomor": (["no", "nomor"], _NO),
        "uraian": (["uraian", "program kegiatan sub kegiatan", "nama"], _URAIAN),
        "level": (["level"], ["Level", "LEVEL"]),
        "pagu": (["pagu", "pagu anggaran", "pagu anggaran rp", "anggaran", "jumlah", "jumlah rp", "target keuangan"],
                 ["Pagu", "Anggaran", "Target Keuangan", "Jumlah", "Jumlah (Rp)", "Pagu Anggaran",
                  "Pagu Anggaran {tahun} (Rp)", "PAGU ANGGARAN (Rp)", "Pagu (Rp)"]),
        "indikator": (["indikator"], ["Indikator", "INDIKATOR"]),
        "target_kinerja": (["target kinerja", "target"], ["Target Kinerja", "Target", "TARGET KINERJA"]),
        "satuan": (["satuan"], ["Satuan", "SATUAN"]),
    },
    "realisasi": {
        "kode": (["kode", "kode rekening"], _KODE),
        "nomor": (["no", "nomor"], _NO),
        "uraian": (["uraian", "program kegiatan sub kegiatan", "nama"], _URAIAN),
        "level": (["level"], ["Level", "LEVEL"]),
        "realisasi": (["realisasi", "realisasi anggaran", "realisasi rp"],
                      ["Realisasi", "Realisasi Anggaran", "Realisasi (Rp)", "Jumlah SPJ", "REALISASI"]),
        "pagu": (["pagu", "pagu anggaran", "anggaran"], ["Pagu", "Anggaran", "Pagu Anggaran", "Pagu Anggaran (Rp)"]),
        "persen": (["", "rasio", "rasio capaian", "persentase", "serapan"],
                   ["%", "Rasio", "Rasio Capaian", "Persentase", "Serapan", "Persentase (%)"]),
        "sisa": (["sisa"], ["Sisa", "SISA", "Sisa (Rp)"]),
    },
    "belanja": {
        "kode": (["kode", "kode rekening"], _KODE),
        "uraian": (["uraian"], ["Uraian", "URAIAN"]),
        "pagu": (["pagu", "pagu anggaran", "anggaran"], ["Pagu", "Anggaran", "Pagu Anggaran"]),
        "realisasi": (["realisasi", "realisasi anggaran"], ["Realisasi", "Realisasi Anggaran", "Realisasi (Rp)"]),
        "persen": (["", "rasio", "persentase", "serapan"], ["%", "Rasio", "Persentase", "Serapan"]),
    },
    "pemetaan": {
        "indikator": (["indikator"], ["Indikator", "INDIKATOR", "Indikator Kinerja"]),
        "kode": (["kode", "kode rekening"], _KODE),
        "nomor": (["no", "nomor"], _NO),
        "uraian": (["nama program kegiatan sub kegiatan", "uraian", "nama"],
                   ["Nama Program / Kegiatan / Sub Kegiatan", "Uraian", "Nama", "Program/Kegiatan/Sub Kegiatan"]),
    },
    "kinerja": {
        "no": (["no"], _NO),
        "level": (["level"], ["Level", "LEVEL"]),
        "tujuan": (["tujuan"], ["Tujuan", "TUJUAN"]),
        "sasaran": (["sasaran"], ["Sasaran", "SASARAN", "Sasaran Strategis"]),
        "indikator": (["indikator"], ["Indikator", "INDIKATOR", "Indikator Kinerja"]),
        "satuan": (["satuan"], ["Satuan", "SATUAN"]),
        "polaritas": (["polaritas"], ["Polaritas", "POLARITAS"]),
        "target_group": (["target"], ["Target", "TARGET"]),
        "realisasi_group": (["realisasi"], ["Realisasi", "REALISASI"]),
        "kategori": (["kategori"], ["Kategori", "KATEGORI"]),
        "target_pk": (["target pk"], ["Target PK", "TARGET PK"]),
        "kab_kota_lain": (["kab kota lain"], ["Kab/Kota Lain", "Kab / Kota Lain"]),
        "rpjmd_provinsi": (["rpjmd provinsi"], ["RPJMD Provinsi", "RPJMD PROVINSI"]),
        "rpjmn": (["rpjmn"], ["RPJMN"]),
        "makna": (["makna"], ["Makna", "MAKNA"]),
        "alasan": (["alasan pemilihan"], ["Alasan Pemilihan", "ALASAN PEMILIHAN"]),
        "formulasi": (["formulasi"], ["Formulasi", "FORMULASI"]),
        "sumber_referensi": (["sumber referensi"], ["Sumber/Referensi", "Sumber / Referensi"]),
        "penanggung_jawab": (["penanggung jawab"], ["Penanggung Jawab", "PENANGGUNG JAWAB"]),
        "sumber_data": (["sumber data"], ["Sumber Data", "SUMBER DATA"]),
    },
    "komponen": {f: ([f], [f.title(), f.upper()]) for f in ("indikator", "tahun", "komponen", "nilai", "metode")},
    "dilaporkan": {f: ([f], [f.title(), f.upper()]) for f in ("tabel", "subjek", "ukuran", "nilai")},
    "skala": {"batas bawah": (["batas bawah"], ["Batas Bawah", "BATAS BAWAH"]),
              "kategori": (["kategori"], ["Kategori", "KATEGORI"])},
}
_YEAR_LABEL = re.compile(r"^(target|realisasi|capaian) (19|20)\d\d$")
MONEY_FIELDS = {"pagu", "realisasi", "sisa"}

IDENTITAS_KEYS = {  # SPEC §3 key synonyms
    "skpd": ["SKPD", "Nama SKPD", "Perangkat Daerah"],
    "pemerintah daerah": ["Pemerintah Daerah", "Pemda"],
    "tahun": ["Tahun", "Tahun Anggaran", "TAHUN"],
}


# ------------------------------------------------------------------ the grid


@dataclass
class CellData:
    value: Any
    fmt: str | None = None


@dataclass(eq=False)
class Row:
    cells: dict[Any, CellData] = field(default_factory=dict)
    positional: bool = False  # cells keyed by absolute column (title / footer rows) instead of column id
    tag: str = "data"  # data | total | blank | header | numbering | title | footer
    src: int | None = None  # row in the base sheet


@dataclass(eq=False)
class Merge:
    top: Row
    bottom: Row
    c0: Any
    c1: Any
    mode: str = "id"  # id: column ids; abs: absolute columns; full: across the table


@dataclass
class BaseSheet:
    name: str
    cells: dict[tuple[int, int], CellData]
    merges: list[tuple[int, int, int, int]]
    widths: dict[int, tuple[float | None, bool]]
    freeze: str | None


def read_workbook(path: str | Path) -> list[BaseSheet]:
    wb = openpyxl.load_workbook(path, data_only=True)
    out = []
    for ws in wb.worksheets:
        cells = {}
        for (r, c), cell in ws._cells.items():
            if cell.value is None:
                continue
            fmt = cell.number_format
            cells[(r, c)] = CellData(cell.value, None if fmt == "General" else fmt)
        merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
        widths = {}
        for key, dim in ws.column_dimensions.items():
            idx = openpyxl.utils.column_index_from_string(key)
            for c in range(dim.min or idx, (dim.max or idx) + 1):
                widths[c] = (dim.width, bool(dim.hidden))
        out.append(BaseSheet(ws.title, cells, merges, widths, ws.freeze_panes))
    return out


class Layout:
    """One table sheet being re-laid: rows above the header, header, body, rows after; column order."""

    def __init__(self, base: BaseSheet, role: str):
        self.base, self.role, self.name = base, role, base.name
        cells, merges = base.cells, base.merges
        rows = sorted({r for r, _ in cells})
        covered = {(r, c) for r0, c0, r1, c1 in merges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)
                   if (r, c) != (r0, c0)}
        h0 = next(r for r in rows if sum(1 for (rr, _) in cells if rr == r) >= 2)
        h1 = max([m[2] for m in merges if m[0] == h0] + [h0])
        if h1 == h0 and self._unmerged_subheader(h0, covered):
            h1 = h0 + 1
        last = rows[-1]
        width = max(c for (r, c) in cells if r >= h0)
        self.h0, self.h1, self.width = h0, h1, width
        self.order: list[Any] = list(range(1, width + 1))
        # Column blocks: a column whose top header cell is empty (covered by a merge, or a split
        # Kode part / sub-column of an unmerged group label) belongs to the block on its left.
        blocks: list[list[Any]] = []
        for c in range(1, width + 1):
            if blocks and (h0, c) not in cells:
                blocks[-1].append(c)
            else:
                blocks.append([c])
        for r0, c0, r1, c1 in merges:  # a merge in the table must not be split by a permutation
            if r1 >= h0 and c1 > c0 and not (r0 < h0):
                joined = [b for b in blocks if any(c0 <= c <= c1 for c in b)]
                if len(joined) > 1:
                    blocks = [b for b in blocks if b not in joined] + [sum(joined, [])]
                    blocks.sort(key=lambda b: b[0])
        self.blocks = blocks
        self.fields: dict[Any, str] = {}
        for b in blocks:
            f = self._field(cells.get((h0, b[0])))
            for c in b:
                self.fields[c] = f
        self.rows_by_src: dict[int, Row] = {}
        self.pre = [self._row(r, positional=True, tag="title") for r in range(1, h0)]
        self.header = [self._row(r, tag="header") for r in range(h0, h1 + 1)]
        self.body = [self._row(r) for r in range(h1 + 1, last + 1)]
        self.post: list[Row] = []
        for row in self.body:
            row.tag = self._classify(row)
        self.merges: list[Merge] = []
        for r0, c0, r1, c1 in merges:
            top, bottom = self.rows_by_src[r0], self.rows_by_src[r1]
            if r0 < h0:
                full = c0 == 1 and c1 >= width
                self.merges.append(Merge(top, bottom, c0, c1, "full" if full else "abs"))
            else:
                self.merges.append(Merge(top, bottom, c0, c1, "id"))

    def _unmerged_subheader(self, h0: int, covered: set) -> bool:
        below = {c: cd.value for (r, c), cd in self.base.cells.items() if r == h0 + 1}
        if not below:
            return False
        for v in below.values():
            if isinstance(v, bool) or (isinstance(v, (int, float)) and not (1900 < v < 2100)):
                return False
            if isinstance(v, str) and re.match(r"^\s*[\d.,%]+\s*$", v) and not re.match(r"^\s*(19|20)\d\d\s*$", v):
                return False
        return any((h0, c) not in self.base.cells and (h0, c) not in covered for c in below)

    def _row(self, r: int, positional: bool = False, tag: str = "data") -> Row:
        row = Row({c: copy.copy(cd) for (rr, c), cd in self.base.cells.items() if rr == r}, positional, tag, r)
        self.rows_by_src[r] = row
        return row

    def _field(self, label: object) -> str | None:
        if label is None:
            return None
        lab = norm(str(label).replace("%", " "))
        for f, (known, _subs) in LABELS.get(self.role, {}).items():
            if lab in known:
                return f
        if _YEAR_LABEL.match(lab):
            return "year:" + lab.split()[0]
        return None

    def cols_of(self, f: str) -> list[Any]:
        return [c for c in self.order if self.fields.get(c) == f]

    def code_of(self, row: Row) -> str | None:
        parts = [str(row.cells[c].value).strip() for c in self.cols_of("kode") if c in row.cells]
        return ".".join(p for p in parts if p) or None

    def _classify(self, row: Row) -> str:
        if not row.cells:
            return "blank"
        if self.role in ("dpa", "realisasi", "belanja"):
            nomor = [row.cells[c].value for c in self.cols_of("nomor") if c in row.cells]
            if not self.code_of(row) and not nomor:
                texts = [cd.value for _, cd in sorted(row.cells.items()) if isinstance(cd.value, str)]
                if texts and norm(texts[0]).startswith(("total", "jumlah")):
                    return "total"
        return "data"

    def is_top_level(self, row: Row) -> bool:
        """A program row (or any row where the role has no hierarchy)."""
        if row.tag == "total":
            return True
        if self.role not in ("dpa", "realisasi"):
            return row.tag == "data"
        code = self.code_of(row)
        if code:
            return code.count(".") == 2
        nomor = [str(row.cells[c].value).strip().rstrip(".") for c in self.cols_of("nomor") if c in row.cells]
        return bool(nomor) and "." not in nomor[0]

    # ---------------------------------------------------------------- writing

    def all_rows(self) -> list[Row]:
        return self.pre + self.header + self.body + self.post

    def write(self, ws) -> None:
        rows = self.all_rows()
        index = {id(row): i for i, row in enumerate(rows, start=1)}
        pos = {cid: i for i, cid in enumerate(self.order, start=1)}
        for i, row in enumerate(rows, start=1):
            for key, cd in row.cells.items():
                if cd.value is None:
                    continue
                _put(ws, i, key if row.positional else pos[key], cd)
        for m in self.merges:
            r0, r1 = index[id(m.top)], index[id(m.bottom)]
            if m.mode == "full":
                c0, c1 = 1, len(self.order)
            elif m.mode == "abs":
                c0, c1 = m.c0, m.c1
            else:
                c0, c1 = pos[m.c0], pos[m.c1]
                span = {pos[c] for c in self.order if c in _ids_between(self.order, m.c0, m.c1)}
                assert span == set(range(c0, c1 + 1)), f"merge {m} split by the column order"
            if (r0, c0) != (r1, c1):
                ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
        for cid in self.order:
            width, hidden = self.base.widths.get(cid, (None, False)) if isinstance(cid, int) else (14, False)
            letter = openpyxl.utils.get_column_letter(pos[cid])
            if width:
                ws.column_dimensions[letter].width = width
            if hidden:
                ws.column_dimensions[letter].hidden = True
        first_body = index[id(self.body[0])] if self.body else index[id(self.header[-1])] + 1
        ws.freeze_panes = f"A{first_body}"


def _ids_between(order: list[Any], a: Any, b: Any) -> list[Any]:
    i, j = order.index(a), order.index(b)
    return order[i:j + 1]


def _put(ws, r: int, c: int, cd: CellData) -> None:
    cell = ws.cell(row=r, column=c)
    cell.value = cd.value
    if isinstance(cd.value, str):
        cell.data_type = "s"  # text stays text, whatever it starts with
    if cd.fmt:
        cell.number_format = cd.fmt


# ------------------------------------------------------------------ context


@dataclass
class Context:
    skpd: str = "Kecamatan Uji"
    tahun: int = 2024
    kepala: str = "Budi Santoso"
    nip: str = "19700101 199003 1 001"
    jabatan: str = ""

    @property
    def place(self) -> str:
        words = self.skpd.split()
        return words[-1] if words else "Juai"


def _context(sheets: list[BaseSheet]) -> Context:
    ctx = Context()
    for s in sheets:
        if role_of(s.name) != "identitas":
            continue
        pairs = {}
        for (r, c), cd in s.cells.items():
            if isinstance(cd.value, str) and (r, c + 1) in s.cells:
                pairs[norm(cd.value)] = s.cells[(r, c + 1)].value
        ctx.skpd = str(pairs.get("skpd", ctx.skpd))
        try:
            ctx.tahun = int(str(pairs.get("tahun", ctx.tahun)).split(".")[0])
        except ValueError:
            pass
        ctx.kepala = str(pairs.get("kepala skpd", ctx.kepala))
        ctx.nip = str(pairs.get("nip", ctx.nip))
        ctx.jabatan = str(pairs.get("jabatan", ""))
    if not ctx.jabatan:
        ctx.jabatan = f"Camat {ctx.place}" if ctx.skpd.lower().startswith("kecamatan") else f"Kepala {ctx.skpd}"
    return ctx


# ------------------------------------------------------------------ table transformations

TITLES = {
    "dpa": ["DOKUMEN PELAKSANAAN ANGGARAN (DPA) {SKPD} TAHUN {tahun}", "DPA SKPD TAHUN ANGGARAN {tahun}",
            "RINCIAN ANGGARAN PROGRAM, KEGIATAN DAN SUB KEGIATAN", "Pagu Anggaran {skpd} Tahun {tahun}",
            "RENCANA KERJA DAN ANGGARAN"],
    "realisasi": ["LAPORAN REALISASI ANGGARAN (LRA) TAHUN {tahun}", "RINCIAN REALISASI ANGGARAN PER 31 DESEMBER {tahun}",
                  "Realisasi Anggaran per Program, Kegiatan dan Sub Kegiatan", "REALISASI FISIK DAN KEUANGAN"],
    "kinerja": ["DATA KINERJA {SKPD} {tahun}", "RENCANA STRATEGIS {SKPD}", "Indikator Kinerja Utama",
                "TARGET DAN REALISASI KINERJA TAHUN {tahun}"],
    "pemetaan": ["PROGRAM, KEGIATAN DAN SUB KEGIATAN PENDUKUNG CAPAIAN KINERJA", "CASCADING KINERJA {SKPD}"],
    "belanja": ["REALISASI PER JENIS BELANJA TAHUN {tahun}", "Rekapitulasi Belanja per Jenis"],
    "komponen": ["KOMPONEN PERHITUNGAN REALISASI INDIKATOR", "Data Dukung Capaian"],
    "dilaporkan": ["ANGKA YANG DILAPORKAN DALAM DRAF LKIP {tahun}", "Angka dalam draf laporan"],
    "skala": ["SKALA PENILAIAN CAPAIAN", "Kategori Capaian Kinerja"],
    "identitas": ["IDENTITAS", "DATA UMUM {SKPD}", "Identitas Perangkat Daerah"],
}


def _kv_lines(role: str, ctx: Context, rnd: random.Random) -> list[tuple[str, Any]]:
    lines = [("SKPD", ctx.skpd), ("Tahun Anggaran", ctx.tahun)]
    if role in ("dpa", "realisasi", "belanja"):
        lines = [("Urusan Pemerintahan", "7 - UNSUR KEWILAYAHAN"), ("Bidang Urusan", "7.01 - KECAMATAN"),
                 ("Organisasi", f"7.01.0.00.0.00.01.0000 - {ctx.skpd}")] + lines
        if rnd.random() < 0.5:
            lines.append((f"Alokasi Tahun {ctx.tahun}", "Rp 1.250.000.000,00"))
    else:
        lines.append(("Pemerintah Daerah", "Kabupaten Contoh"))
    k = rnd.randint(2, len(lines))
    return rnd.sample(lines, k)


def t_title(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    """Replace the rows above the header with a new title block."""
    old = set(map(id, lay.pre))
    lay.merges = [m for m in lay.merges if id(m.top) not in old]
    pre: list[Row] = []
    titles = rnd.sample(TITLES[lay.role], rnd.randint(1, min(2, len(TITLES[lay.role]))))
    merged = rnd.random() < 0.7
    recipe: dict[str, Any] = {"titles": [], "merged": merged}
    for t in titles:
        text = t.format(SKPD=ctx.skpd.upper(), skpd=ctx.skpd, tahun=ctx.tahun)
        row = Row({1: CellData(text)}, positional=True, tag="title")
        pre.append(row)
        if merged and len(lay.order) > 1:
            lay.merges.append(Merge(row, row, 1, len(lay.order), "full"))
        recipe["titles"].append(text)
    if rnd.random() < 0.6:
        form = rnd.choice(["one", "three", "colon"])
        if rnd.random() < 0.5:
            pre.append(Row(positional=True, tag="blank"))
        kv = _kv_lines(lay.role, ctx, rnd)
        for key, value in kv:
            if form == "one":
                cells = {1: CellData(f"{key} : {value}")}
            elif form == "colon":
                cells = {1: CellData(key), 2: CellData(f": {value}")}
            else:
                v = value if isinstance(value, int) and rnd.random() < 0.4 else str(value)
                cells = {1: CellData(key), 2: CellData(":"), 3: CellData(v)}
            pre.append(Row(cells, positional=True, tag="title"))
        recipe["key_value"] = {"form": form, "keys": [k for k, _ in kv]}
    gap = rnd.random() < 0.5
    if gap:
        pre.append(Row(positional=True, tag="blank"))
    recipe["blank_before_header"] = gap
    lay.pre = pre
    return recipe


def t_footer(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    width = len(lay.order)
    col = max(1, min(width, rnd.choice([width, width - 1, width - 2, 2, (width + 1) // 2])))
    post: list[Row] = [Row(positional=True, tag="blank") for _ in range(rnd.randint(0, 2))]
    recipe: dict[str, Any] = {"column": col}
    if rnd.random() < 0.3:
        note = rnd.choice(["Sumber : SIPD Kabupaten", "Catatan: angka dalam Rupiah", "Keterangan: data per 31 Desember"])
        post.append(Row({1: CellData(note)}, positional=True, tag="footer"))
        recipe["note"] = note
    dates = [f"{ctx.place}, 31 Desember {ctx.tahun}", f"{ctx.place}, 15 Januari {ctx.tahun + 1}",
             f"{ctx.place},        Februari {ctx.tahun + 1}"]
    two_party = width >= 3 and rnd.random() < 0.3
    left = 1 if two_party else None
    lines: list[dict[int, str]] = [{col: rnd.choice(dates)}]
    if two_party:
        lines.append({left: "Mengetahui,", col: "Pihak Kedua,"})
        lines.append({left: "Pihak Pertama", col: "Kasubbag Perencanaan dan Keuangan"})
    else:
        if rnd.random() < 0.6:
            lines.append({col: "Mengetahui,"})
        lines.append({col: rnd.choice([ctx.jabatan, f"Kepala {ctx.skpd}", ctx.jabatan.upper()])})
    lines += [{}, {}]
    lines.append({col: ctx.kepala} if not two_party else {left: ctx.kepala, col: "Siti Aminah, S.E."})
    if rnd.random() < 0.4:
        lines.append({col: "Pembina Tk. I (IV/b)"})
    nip = rnd.choice([f"NIP {ctx.nip}", f"NIP. {ctx.nip}", f"NIP : {ctx.nip}"])
    lines.append({col: nip} if not two_party else {left: nip, col: "NIP 19850505 201001 2 003"})
    span = rnd.random() < 0.3 and col + 1 <= width
    for cells in lines:
        row = Row({c: CellData(v) for c, v in cells.items()}, positional=True, tag="footer" if cells else "blank")
        post.append(row)
        if span and col in cells:
            lay.merges.append(Merge(row, row, col, col + 1, "abs"))
    recipe.update(two_party=two_party, merged=span, lines=[" | ".join(l.values()) for l in lines if l])
    lay.post = post
    return recipe


def t_numbering(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    style = rnd.choice(["int", "text", "paren", "formula", "paren_formula"])
    merge_blocks = rnd.random() < 0.4
    row = Row(tag="numbering")
    numbers: dict[Any, int] = {}
    k = 0
    spans = []
    for block in _blocks_in_order(lay):
        labelled_subs = any(c in h.cells for h in lay.header for c in block[1:])
        if merge_blocks and len(block) > 1 and not labelled_subs:
            k += 1
            numbers[block[0]] = k
            spans.append((block[0], block[-1]))
        else:
            for c in block:
                k += 1
                numbers[c] = k
    pos_of = {f: numbers.get(next(iter(lay.cols_of(f)), None)) for f in ("pagu", "realisasi", "persen", "sisa")}
    formula_done = False
    for c, n in numbers.items():
        text: Any = n
        if style in ("formula", "paren_formula"):
            f = lay.fields.get(c)
            p, r = pos_of["pagu"], pos_of["realisasi"]
            if f == "persen":
                text = _formula(style, n, r or n - 1, "/", p or n - 2, " x 100")
                formula_done = True
            elif f == "sisa" and p and r:
                text = _formula(style, n, p, "-", r, "")
                formula_done = True
        if isinstance(text, int):
            text = {"int": n, "text": str(n), "paren": f"({n})", "formula": n, "paren_formula": f"({n})"}[style]
        row.cells[c] = CellData(text)
    if style in ("formula", "paren_formula") and not formula_done and len(numbers) >= 3:
        last = max(numbers, key=lambda c: numbers[c])
        n = numbers[last]
        row.cells[last] = CellData(_formula(style, n, n - 1, "/", n - 2, " x 100"))
    for a, b in spans:
        lay.merges.append(Merge(row, row, a, b, "id"))
    lay.body.insert(0, row)
    return {"style": style, "merged_blocks": bool(spans),
            "row": [row.cells[c].value for c in lay.order if c in row.cells]}


def _formula(style: str, n: int, a: int, op: str, b: int, tail: str) -> str:
    if style == "paren_formula":
        return f"({n}) = ({a}) {op} ({b}){tail}"
    return f"{n} = ({a}{op}{b}){tail}" if tail else f"{n} = {a} {op} {b}"


def _blocks_in_order(lay: Layout) -> list[list[Any]]:
    return sorted(lay.blocks, key=lambda b: lay.order.index(b[0]))


def _inside_merge(lay: Layout, before: Row) -> bool:
    """A blank row inserted before `before` would split a vertical merge."""
    idx = {id(r): i for i, r in enumerate(lay.body)}
    i = idx[id(before)]
    for m in lay.merges:
        if id(m.top) in idx and id(m.bottom) in idx and idx[id(m.top)] < i <= idx[id(m.bottom)]:
            return True
    return False


def t_blank_rows(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    data = [r for r in lay.body if r.tag in ("data", "total")]
    if not data:
        return {}
    candidates = [r for r in data[1:] if lay.is_top_level(r) and not _inside_merge(lay, r)]
    chosen = rnd.sample(candidates, min(len(candidates), rnd.randint(1, 3))) if candidates else []
    recipe: dict[str, Any] = {"before_rows": sorted(r.src for r in chosen)}
    if rnd.random() < 0.5 or not chosen:
        chosen.append(data[0])
        recipe["after_header"] = True
    for target in chosen:
        i = lay.body.index(target)
        for _ in range(rnd.choice([1, 1, 2])):
            lay.body.insert(i, Row(tag="blank"))
    return recipe


EXTRA_VALUES = {
    "Keterangan": [None, None, "-", "Tercapai", "Sesuai DPA", "Dalam proses"],
    "Sumber Dana": ["DAU", "PAD", "DAK", "DBH", None],
    "Lokasi": ["Kantor Camat", "Seluruh Desa", "Desa Binaan", None],
}


def t_extra_columns(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    labels = rnd.sample(list(EXTRA_VALUES), rnd.randint(1, 3))
    added = []
    for n, label in enumerate(labels):
        cid = f"x{n}:{label}"
        blocks = _blocks_in_order(lay)
        at = rnd.randint(0, len(blocks))
        pos = lay.order.index(blocks[at][0]) if at < len(blocks) else len(lay.order)
        lay.order.insert(pos, cid)
        lay.blocks.append([cid])
        lay.fields[cid] = "extra"
        lay.header[0].cells[cid] = CellData(label)
        if len(lay.header) > 1 and rnd.random() < 0.7:
            lay.merges.append(Merge(lay.header[0], lay.header[-1], cid, cid, "id"))
        for row in lay.body:
            if row.tag == "data":
                v = rnd.choice(EXTRA_VALUES[label])
                if v is not None:
                    row.cells[cid] = CellData(v)
        added.append({"label": label, "position": pos + 1})
    return {"columns": added}


def t_permute(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    blocks = _blocks_in_order(lay)
    if len(blocks) < 2:
        return {}
    before = [b[0] for b in blocks]
    for _ in range(10):
        if rnd.random() < 0.5:
            new = blocks[:]
            rnd.shuffle(new)
        else:  # move one block
            new = blocks[:]
            b = new.pop(rnd.randrange(len(new)))
            new.insert(rnd.randrange(len(new) + 1), b)
        if [b[0] for b in new] != before:
            break
    lay.order = [c for b in new for c in b]
    return {"order": [_label_of(lay, b) for b in new]}


def _label_of(lay: Layout, block: list[Any]) -> str:
    cd = lay.header[0].cells.get(block[0])
    label = str(cd.value) if cd else "?"
    return f"{label}[{len(block)}]" if len(block) > 1 else label


def t_synonyms(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    changes = {}
    table = LABELS.get(lay.role, {})
    for hrow in lay.header:
        for cid, cd in hrow.cells.items():
            if not isinstance(cd.value, str):
                continue
            lab = norm(cd.value.replace("%", " "))
            subs = None
            for f, (known, s) in table.items():
                if lab in known:
                    subs = [x.format(tahun=ctx.tahun) for x in s]
            if subs is None and _YEAR_LABEL.match(lab):
                subs = [cd.value.upper(), cd.value.lower().capitalize()]
            if not subs or rnd.random() < 0.3:
                continue
            new = rnd.choice([s for s in subs if s != cd.value] or subs)
            if new != cd.value:
                changes[cd.value] = new
                cd.value = new
    return {"labels": changes}


def _format_decimals(fmt: str | None) -> tuple[int | None, bool]:
    if not fmt or fmt in ("General", "@"):
        return None, False
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", fmt.split(";")[0])
    percent = "%" in section
    if not re.search(r"[0#?]", section):
        return None, percent
    m = re.search(r"\.([0#?]+)", section)
    return (len(m.group(1)) if m else 0), percent


def indonesian(value: float | int, fmt: str | None, style: str = "plain", pct_space: bool = False) -> str | None:
    """`value` as Indonesian text showing exactly the same number; None when that is impossible
    (the format hides decimals the value has: the text would claim another precision).

    style: plain (6.025.173.178), cents (6.025.173.178,00), rp (Rp 6.025.173.178),
    rp_cents (Rp. 6.025.173.178,00); cents only for money, where decimals are no claim.
    A percent-formatted 0,9367 becomes 93,67% (or 93,67 %).
    """
    decimals, percent = _format_decimals(fmt)
    d = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
    if percent:
        d *= 100
    exact = max(0, -d.normalize().as_tuple().exponent)
    if decimals is not None and exact > decimals:
        return None
    places = decimals if decimals is not None else exact
    if style in ("cents", "rp_cents") and not percent:
        places = max(places, 2)
    int_part, _, frac = f"{abs(d):.{places}f}".partition(".")
    out = f"{int(int_part):,}".replace(",", ".") + ("," + frac if frac else "")
    if d < 0:
        out = "-" + out
    if percent:
        out += (" " if pct_space else "") + "%"
    elif style == "rp":
        out = "Rp " + out
    elif style == "rp_cents":
        out = "Rp. " + out
    return out


def t_numbers_text(lay: Layout, rnd: random.Random, ctx: Context) -> dict:
    cols: dict[Any, list[Row]] = {}
    for row in lay.body:
        if row.tag not in ("data", "total"):
            continue
        for cid, cd in row.cells.items():
            if isinstance(cd.value, (int, float)) and not isinstance(cd.value, bool):
                cols.setdefault(cid, []).append(row)
    if not cols:
        return {}
    chosen = [c for c in cols if rnd.random() < 0.6] or [rnd.choice(list(cols))]
    recipe = {}
    for cid in chosen:
        f = lay.fields.get(cid)
        label = norm(lay.header[0].cells[cid].value) if cid in lay.header[0].cells else ""
        yearish = "tahun" in label or f == "tahun"
        money = f in MONEY_FIELDS and lay.role in ("dpa", "realisasi", "belanja")
        style = rnd.choice(["plain", "cents", "rp", "rp_cents"]) if money else "plain"
        pct_space = rnd.random() < 0.3
        n = 0
        for row in cols[cid]:
            cd = row.cells[cid]
            if yearish or (isinstance(cd.value, int) and 1900 < cd.value < 2100 and f in ("tahun", "no")):
                text = str(int(cd.value)) if float(cd.value).is_integer() else None
            else:
                text = indonesian(cd.value, cd.fmt, style if money else "plain", pct_space)
            if text is None:
                continue
            row.cells[cid] = CellData(text, "@")
            n += 1
        recipe[_label_of(lay, [cid])] = {"style": style, "cells": n}
    return {"columns": recipe}


TABLE_TRANSFORMS = {  # applied in this order: the column order is final before numbering and footers
    "permute": t_permute,
    "extra_columns": t_extra_columns,
    "synonyms": t_synonyms,
    "numbers_text": t_numbers_text,
    "numbering": t_numbering,
    "blank_rows": t_blank_rows,
    "title": t_title,
    "footer": t_footer,
}


# ------------------------------------------------------------------ Identitas (key | value rows)


class IdentitasLayout:
    """Identitas is not a table: title rows, row order, `Key | : | value`, key synonyms."""

    def __init__(self, base: BaseSheet):
        self.base, self.role, self.name = base, "identitas", base.name
        rows = sorted({r for r, _ in base.cells})
        self.rows: list[list[CellData | None]] = []
        for r in rows:
            width = max(c for (rr, c) in base.cells if rr == r)
            self.rows.append([copy.copy(base.cells.get((r, c))) for c in range(1, width + 1)])
        first = self.rows[0][0].value if self.rows and self.rows[0] and self.rows[0][0] else None
        self.head = 1 if first is not None and norm(first) in ("kunci", "key", "uraian", "item") else 0
        self.pre: list[list[CellData | None]] = []
        self.merges: list[tuple[int, int]] = []  # (index in pre, width) merged titles
        self.kv_extra: list[str] = []  # column kinds inserted right of the key: ":" ; after the value: "ket"
        self.blank_after: set[int] = set()

    def write(self, ws) -> None:
        out: list[list[CellData | None]] = list(self.pre)
        body = self.rows[self.head:]
        header = self.rows[:self.head]
        for i, row in enumerate(header + body):
            row = list(row)
            is_kv = i >= len(header)
            if ":" in self.kv_extra and is_kv and len(row) >= 2:
                row = row[:1] + [CellData(":")] + row[1:]
            elif ":" in self.kv_extra:
                row = row[:1] + [None] + row[1:]
            if "ket" in self.kv_extra:
                row = row + [CellData("Keterangan") if not is_kv else None]
            out.append(row)
            if is_kv and (i - len(header)) in self.blank_after:
                out.append([])
        for r, row in enumerate(out, start=1):
            for c, cd in enumerate(row, start=1):
                if cd is not None and cd.value is not None:
                    _put(ws, r, c, cd)
        for i, width in self.merges:
            if width > 1:
                ws.merge_cells(start_row=i + 1, start_column=1, end_row=i + 1, end_column=width)
        for c, (width, hidden) in self.base.widths.items():
            letter = openpyxl.utils.get_column_letter(c)
            if width:
                ws.column_dimensions[letter].width = width


def i_title(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    text = rnd.choice(TITLES["identitas"]).format(SKPD=ctx.skpd.upper(), skpd=ctx.skpd, tahun=ctx.tahun)
    lay.pre = [[CellData(text)]]
    if rnd.random() < 0.5:
        lay.merges.append((0, 2))
    if rnd.random() < 0.6:
        lay.pre.append([])
    return {"title": text, "blank": len(lay.pre) > 1}


def i_permute(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    body = lay.rows[lay.head:]
    rnd.shuffle(body)
    lay.rows[lay.head:] = body
    return {"keys": [str(r[0].value) if r and r[0] else "" for r in body]}


def i_synonyms(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    changes = {}
    for row in lay.rows[lay.head:]:
        if not row or row[0] is None:
            continue
        subs = IDENTITAS_KEYS.get(norm(row[0].value))
        if subs and rnd.random() < 0.8:
            new = rnd.choice([s for s in subs if s != row[0].value] or subs)
            changes[row[0].value] = new
            row[0] = CellData(new, row[0].fmt)
    return {"keys": changes}


def i_extra_columns(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    kinds = rnd.choice([[":"], ["ket"], [":", "ket"]])
    lay.kv_extra = kinds
    return {"columns": kinds}


def i_blank_rows(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    n = len(lay.rows) - lay.head
    lay.blank_after = set(rnd.sample(range(n), min(n, rnd.randint(1, 2))))
    return {"after_key_rows": sorted(lay.blank_after)}


def i_numbers_text(lay: IdentitasLayout, rnd: random.Random, ctx: Context) -> dict:
    done = []
    for row in lay.rows[lay.head:]:
        if len(row) >= 2 and row[1] is not None and isinstance(row[1].value, (int, float)) \
                and not isinstance(row[1].value, bool):
            v = row[1].value
            if float(v).is_integer():
                row[1] = CellData(str(int(v)), "@")
                done.append(str(row[0].value))
    return {"keys": done} if done else {}


IDENTITAS_TRANSFORMS = {"permute": i_permute, "extra_columns": i_extra_columns, "synonyms": i_synonyms,
                        "numbers_text": i_numbers_text, "blank_rows": i_blank_rows, "title": i_title}


def sheet_name_variant(name: str, role: str, rnd: random.Random) -> str:
    choice = rnd.choice(SHEET_NAMES[role]) if rnd.random() < 0.5 else name
    words = choice.split()
    kind = rnd.choice(["upper", "lower", "title", "sep"])
    if kind == "sep" and len(words) > 1:
        choice = rnd.choice(["_", "-", "", "  "]).join(words)
    elif kind == "sep":
        choice = choice.upper() if choice != choice.upper() else choice.lower()
    else:
        choice = {"upper": str.upper, "lower": str.lower, "title": str.title}[kind](choice)
    return choice[:31]


# ------------------------------------------------------------------ the variant


def make_variant(base: str | Path, seed: int, out: str | Path, only: str | Iterable[str] | None = None,
                 sheets: Iterable[str] | None = None, folder: str | Path | None = None) -> dict:
    """Write the variant `seed` of `base` to `out`; the recipe of what was done.

    only=None: each transformation is chosen with probability 1/2 (at least one) and applied to
    each sheet with probability 3/4; only="title" (or a list): exactly those, on every sheet
    (restricted to `sheets` when given).
    """
    base_file = base_path(base, folder or tempfile.mkdtemp(prefix="variants_"))
    chosen_only = [only] if isinstance(only, str) else list(only) if only is not None else None
    for t in chosen_only or []:
        if t not in TRANSFORMS:
            raise ValueError(f"unknown transformation {t!r}; one of {', '.join(TRANSFORMS)}")
    rnd = random.Random(f"{Path(base_file).name}|{seed}|{chosen_only}")
    if chosen_only is None:
        active = [t for t in TRANSFORMS if rnd.random() < 0.5] or [rnd.choice(TRANSFORMS)]
        p_sheet = 0.75
    else:
        active, p_sheet = chosen_only, 1.0
    wanted = {s.lower() for s in sheets} if sheets else None
    base_sheets = read_workbook(base_file)
    ctx = _context(base_sheets)
    recipe: dict[str, Any] = {"base": str(base), "seed": seed, "only": chosen_only, "active": active, "sheets": {}}
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for bs in base_sheets:
        role = role_of(bs.name)
        selected = role is not None and (wanted is None or bs.name.lower() in wanted or role in wanted)
        lay: Layout | IdentitasLayout | None = None
        steps: dict[str, Any] = {}
        new_name = bs.name
        if role == "identitas":
            lay = IdentitasLayout(bs)
            transforms = IDENTITAS_TRANSFORMS
        elif role in TABLE_ROLES:
            lay = Layout(bs, role)
            transforms = TABLE_TRANSFORMS
        if lay is not None and selected:
            for name, fn in transforms.items():
                if name in active and rnd.random() < p_sheet:
                    step = fn(lay, rnd, ctx)
                    if step:
                        steps[name] = step
            if "sheet_names" in active and rnd.random() < p_sheet:
                new_name = sheet_name_variant(bs.name, role, rnd)
                if new_name != bs.name:
                    steps["sheet_names"] = {"name": new_name}
        ws = wb.create_sheet(new_name)
        if lay is not None:
            lay.write(ws)
        else:
            for (r, c), cd in bs.cells.items():
                _put(ws, r, c, cd)
            for r0, c0, r1, c1 in bs.merges:
                ws.merge_cells(start_row=r0, start_column=c0, end_row=r1, end_column=c1)
        if steps:
            recipe["sheets"][bs.name] = steps
    names = [ws.title for ws in wb.worksheets]
    assert len({role_of(n) for n in names if role_of(n)}) == len([n for n in names if role_of(n)]), names
    wb.save(out)
    recipe["applied"] = sorted({t for s in recipe["sheets"].values() for t in s})
    return recipe


def format_recipe(recipe: dict) -> str:
    return json.dumps(recipe, ensure_ascii=False, indent=1, default=str)


# ------------------------------------------------------------------ bases


def _base_minimal() -> dict:
    return minimal()


def _base_split() -> dict:
    """Split Kode merged over three part columns plus a No column; Realisasi by No only; Belanja,
    Dilaporkan (one wrong claim) and a split-Kode Pemetaan."""
    data = minimal()
    dpa = [["Kode", None, None, "No", "Uraian", "Indikator", "Target Kinerja", "Pagu"]]
    real = [["No.", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran", "Realisasi", "Rasio Capaian", "Sisa"]]
    nos = {"7.01.01": "1.", "7.01.01.2.01": "1.1", "7.01.01.2.01.0001": "1.1.1", "7.01.02": "2.",
           "7.01.02.2.01": "2.1", "7.01.02.2.01.0001": "2.1.1", "7.01.02.2.01.0002": "2.1.2",
           "7.01.02.2.02": "2.2", "7.01.02.2.02.0001": "2.2.1"}
    for (kode, uraian, pagu), rrow in zip(data["dpa"][1:], data["realisasi"][1:]):
        if kode is None:
            dpa.append([None, None, None, None, "Jumlah", None, None, (pagu, "#,##0")])
            real.append([None, "Total", (pagu, "#,##0"), (rrow[3], "#,##0"), rrow[4], (rrow[5], "#,##0")])
            continue
        parts = kode.split(".")
        cells = [(".".join(parts[:3]), "@"), (".".join(parts[3:5]), "@") if len(parts) > 3 else None,
                 (parts[5], "@") if len(parts) > 5 else None]
        level = len(parts)
        dpa.append(cells + [(nos[kode], "@"), uraian, f"Jumlah {uraian.split()[0]}",
                            f"{level} Dokumen", (pagu, "#,##0")])
        real.append([(nos[kode], "@"), uraian, (pagu, "#,##0"), (rrow[3], "#,##0"), rrow[4], (rrow[5], "#,##0")])
    data["dpa"] = sheet([["RINCIAN DPA"], []] + dpa, merge=["A1:H1", "A3:C3"])
    data["realisasi"] = sheet(real, name="Realisasi")
    data["pemetaan"] = sheet([
        ["Indikator", "Kode", None, None, "Nama Program / Kegiatan / Sub Kegiatan"],
        [builder.IND_A, "7.01.02", "2.01", None, "Pelayanan kepada Masyarakat"],
        [builder.IND_B, "7.01.02", "2.02", "0001", "Pembinaan Ketertiban Desa"],
    ], merge=["B1:D1"])
    data["belanja"] = [["Kode Rekening", "Uraian", "Pagu", "Realisasi", "%"],
                       ["5.1", "Belanja Operasi", (250 * M, "#,##0"), (230 * M, "#,##0"), "92,00"],
                       ["5.1.02", "Belanja Barang dan Jasa", (250 * M, "#,##0"), (230 * M, "#,##0"), (0.92, "0.00%")]]
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.13", "Total", "Pagu", (250 * M, "#,##0")],
                          [None, None, "Serapan", (0.9, "0.00%")],  # wrong: 92 %
                          ["Tabel 3.2", builder.IND_A, "Capaian", "100%"],
                          [None, builder.IND_B, "Realisasi", 12]]
    return data


def _base_two_row() -> dict:
    """Kinerja with a merged two-row header (Target / Realisasi over years), a vertically merged
    Tujuan, a Komponen sheet, Selisih efficiency and a Skala sheet."""
    data = minimal()
    t, a, b = builder.TUJUAN, builder.SAS_A, builder.SAS_B
    kinerja = [
        ["DATA KINERJA"],
        ["No", "Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas", "Target", None, None,
         "Realisasi", None, "Kategori"],
        [None, None, None, None, None, None, None, 2023, 2024, 2025, 2023, 2024, None],
        [1, "Tujuan", t, None, builder.IND_T, "Indeks", "Positif", (80, "0.00"), (82, "0.00"), (84, "0.00"),
         (81.25, "0.00"), "83", "Sangat Berhasil"],
        [2, "Sasaran", None, a, builder.IND_A, "%", "Positif", (0.9, "0%"), (0.95, "0%"), (1, "0%"), 92, 95,
         "Sangat Berhasil"],
        [3, "Sasaran", None, b, builder.IND_B, "Desa", "Negatif", 14, 12, 10, 13, 11, "Sangat Berhasil"],
        [4, "Sasaran", None, None, "Jumlah Aduan Terlambat", "Aduan", "Negatif", 5, 4, 3, 5, 6, "Berhasil"],
    ]
    merge = ["A1:M1", "A2:A3", "B2:B3", "C2:C3", "D2:D3", "E2:E3", "F2:F3", "G2:G3", "H2:J2", "K2:L2", "M2:M3",
             "C4:C7", "D6:D7"]
    data["kinerja"] = sheet(kinerja, merge=merge)
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [builder.IND_T, 2024, "Semester I", (82.5, "0.00"), "rata-rata"],
                        [None, None, "Semester II", (83.5, "0.00"), None],
                        [builder.IND_T, 2023, "Semester I", 81.25, "rata-rata"]]
    data["identitas"] = builder.identitas_rows({"Rumus Efisiensi": "Selisih", "NIP": "19700101 199003 1 001",
                                                "Toleransi Rupiah": 1})
    data["skala"] = [["Batas Bawah", "Kategori"], [100, "Sangat Berhasil"], [(0.8, "0%"), "Berhasil"],
                     [60, "Cukup Berhasil"], [0, "Kurang Berhasil"]]
    data["pemetaan"].append([builder.IND_B, "7.01.02.2.02"])
    return data


def _base_findings() -> dict:
    """The minimal data with kesalahan and peringatan: a wrong subtotal, a wrong %, a wrong sisa,
    a name mismatch, an unmatched realisasi row, a zero target."""
    data = minimal()
    builder.put(data["dpa"], "7.01.02", "Pagu", 160 * M)  # SUM_MISMATCH
    builder.put(data["realisasi"], "7.01.02.2.01", "%", "96,00")  # PERCENT_MISMATCH
    builder.put(data["realisasi"], "7.01.02.2.02", "Sisa", 6 * M)  # SISA_MISMATCH
    builder.put(data["realisasi"], "7.01.02.2.01.0002", "Uraian", "Pelayanan Perizinan Terpadu")  # NAME_MISMATCH
    data["realisasi"].insert(-1, ["7.01.02.2.02.0009", "Kegiatan Tambahan", 0, 5 * M, None, None])
    builder.put(data["kinerja"], builder.IND_B, "Target 2024", 0)  # ZERO_TARGET
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.13", "Total", "Realisasi Anggaran", "230.000.000"],
                          ["Tabel 3.14", builder.IND_A, "Efisiensi", "5,00%"],
                          [None, builder.IND_A, "Serapan", (95.1, "0.00")]]
    return data


def _base_akun() -> dict:
    """Akun rows under each sub kegiatan in DPA and Realisasi, money with #,##0, a Level column."""
    data = minimal()
    dpa, real = [["Kode", "Uraian", "Level", "Pagu"]], [["Kode", "Uraian", "Pagu", "Realisasi", "Sisa"]]
    for (kode, uraian, pagu), rrow in zip(data["dpa"][1:], data["realisasi"][1:]):
        level = {3: "Program", 5: "Kegiatan", 6: "Sub Kegiatan"}.get(len(kode.split("."))) if kode else None
        dpa.append([kode, uraian, level, (pagu, "#,##0")])
        real.append([kode, uraian, (pagu, "#,##0"), (rrow[3], "#,##0"), (rrow[5], "#,##0")])
        if kode and kode.count(".") == 5:
            p1, r1 = pagu * 3 // 5, rrow[3] * 3 // 5
            for akun, name, p, r in (("5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", p1, r1),
                                     ("5.2.02.05.01.0005", "Belanja Modal Mesin", pagu - p1, rrow[3] - r1)):
                dpa.append([akun, name, "Akun", (p, "#,##0")])
                real.append([akun, name, (p, "#,##0"), (r, "#,##0"), (p - r, "#,##0")])
    data["dpa"], data["realisasi"] = dpa, real
    return data


BASES = {"sample": None, "minimal": _base_minimal, "split": _base_split, "two_row": _base_two_row,
         "findings": _base_findings, "akun": _base_akun}


def base_path(name: str | Path, folder: str | Path) -> Path:
    """The base workbook `name` (a BASES key or a path); builder bases are written into `folder`."""
    if str(name) == "sample":
        return SAMPLE
    if str(name) not in BASES:
        return Path(name)
    path = Path(folder) / f"base_{name}.xlsx"
    if not path.exists():
        builder.build(Path(folder), file_name=path.name, **BASES[str(name)]())
    return path


# ------------------------------------------------------------------ comparing reports


def report_for(path: str | Path) -> dict:
    from lkip_xl.api import analyse
    from lkip_xl.report import build_report

    return build_report(analyse(str(path)))


def _num_key(v: Any) -> Any:
    if isinstance(v, float) and math.isfinite(v):
        return float(f"{v:.9g}")
    return v


def normalise(report: dict) -> dict:
    """The report without what depends on the layout: `pembacaan`, and in each finding the sheet
    (`lembar`), cell (`sel`) and the sentence (`pesan`, it names cells and sheets); findings become
    a sorted list of (kode, tingkat, dilaporkan, dihitung)."""
    out = {k: v for k, v in report.items() if k not in ("pembacaan", "temuan")}
    out["temuan"] = sorted(((f["kode"], f["tingkat"], _num_key(f.get("dilaporkan")), _num_key(f.get("dihitung")))
                            for f in report.get("temuan", [])), key=repr)
    return out


def _close(a: Any, b: Any) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    return a == b


def _diff(a: Any, b: Any, path: str, out: list[str]) -> None:
    if isinstance(a, dict) and isinstance(b, dict):
        for k in list(a) + [k for k in b if k not in a]:
            if k not in b or k not in a:
                out.append(f"{path}.{k}: {a.get(k, '<missing>')!r} != {b.get(k, '<missing>')!r}")
            else:
                _diff(a[k], b[k], f"{path}.{k}", out)
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            out.append(f"{path}: {len(a)} items != {len(b)} items")
        for i, (x, y) in enumerate(zip(a, b)):
            _diff(x, y, f"{path}[{i}]", out)
    elif isinstance(a, tuple) and isinstance(b, tuple) and len(a) == len(b):
        if not all(_close(x, y) for x, y in zip(a, b)):
            out.append(f"{path}: {a!r} != {b!r}")
    elif not _close(a, b):
        out.append(f"{path}: {a!r} != {b!r}")


def compare_reports(base: dict, variant: dict) -> list[str]:
    """Differences between two reports (SPEC §8) after normalise(); [] when they are the same:
    every number, and the findings as a multiset of (kode, tingkat) and their numbers."""
    a, b = normalise(base), normalise(variant)
    out: list[str] = []
    ta, tb = a.pop("temuan"), b.pop("temuan")
    _diff(a, b, "report", out)
    ca, cb = Counter((k, t) for k, t, *_ in ta), Counter((k, t) for k, t, *_ in tb)
    if ca != cb:
        out.append(f"temuan (kode, tingkat): missing {dict(ca - cb)}, extra {dict(cb - ca)}")
    else:
        na, nb = Counter(map(repr, ta)), Counter(map(repr, tb))
        if na != nb:
            out.append(f"temuan numbers: missing {sorted(na - nb)}, extra {sorted(nb - na)}")
    return out


def failure_message(recipe: dict, diffs: list[str], limit: int = 25) -> str:
    only = recipe.get("only")
    cmd = (f"python -m tests.variants {recipe['seed']} /tmp/variant.xlsx --base {recipe['base']}"
           + (" " + " ".join(f"--only {t}" for t in only) if only else "") + " --check")
    lines = [f"variant {recipe['base']} seed {recipe['seed']} differs from its base "
             f"({len(diffs)} differences). Reproduce: {cmd}", "recipe:", format_recipe(recipe), "diff:"]
    lines += diffs[:limit] + ([f"... {len(diffs) - limit} more"] if len(diffs) > limit else [])
    return "\n".join(lines)


# ------------------------------------------------------------------ command line


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m tests.variants", description=__doc__.split("\n\n")[0])
    p.add_argument("seed", type=int)
    p.add_argument("out")
    p.add_argument("--base", default="sample", help=f"one of {', '.join(BASES)} or a path (default sample)")
    p.add_argument("--only", action="append", choices=TRANSFORMS, help="apply exactly this transformation "
                   "(repeatable); default: a random mix")
    p.add_argument("--sheet", action="append", help="only re-lay this sheet (name or role; repeatable)")
    p.add_argument("--check", action="store_true", help="analyse base and variant and print the differences")
    args = p.parse_args(argv)
    folder = Path(args.out).resolve().parent
    base = base_path(args.base, folder)
    recipe = make_variant(args.base, args.seed, args.out, args.only, args.sheet, folder)
    print(format_recipe(recipe))
    if args.check:
        try:
            diffs = compare_reports(report_for(base), report_for(args.out))
        except Exception as exc:  # noqa: BLE001 - a developer tool: show what happened
            print(f"variant cannot be analysed: {type(exc).__name__}: {exc}")
            return 1
        print("same report" if not diffs else "\n".join(["differences:"] + diffs))
        return 1 if diffs else 0
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
