"""Open the workbook, find sheets by name and header rows by their labels."""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from lkip_xl.errors import InputError
from lkip_xl.model import Cell, SheetReading
from lkip_xl.reader.safe import check_input_file
from lkip_xl.reader.values import is_blank, norm_label
from lkip_xl.reader.xlsx import Grid, SheetInfo, XlsxFile

SHEET_SYNONYMS: dict[str, tuple[str, ...]] = {
    "identitas": ("identitas", "info", "profil"),
    "kinerja": ("kinerja", "indikator", "renstra", "iku"),
    "komponen": ("komponen",),
    "dpa": ("dpa", "anggaran", "renja", "rka"),
    "realisasi": ("realisasi", "lra", "realisasianggaran"),
    "pemetaan": ("pemetaan", "cascading", "pendukung"),
    "belanja": ("belanja", "jenisbelanja"),
    "dilaporkan": ("dilaporkan", "klaim"),
    "skala": ("skala",),
}
SHEET_LABELS = {
    "identitas": "Identitas",
    "kinerja": "Kinerja",
    "komponen": "Komponen",
    "dpa": "DPA",
    "realisasi": "Realisasi",
    "pemetaan": "Pemetaan",
    "belanja": "Belanja",
    "dilaporkan": "Dilaporkan",
    "skala": "Skala",
}

HEADER_SCAN_ROWS = 40
_YEAR = re.compile(r"\b(19[0-9][0-9]|20[0-9][0-9])\b")
# A code, outline number or dotted amount (7.01.01, 1.1, 1., 6.025.173.178): data, never a header label.
_DATA_TEXT = re.compile(r"^\s*[0-9]+(\.[0-9]+)+\.?\s*$|^\s*[0-9]+\.\s*$")


def column_letter(col: int) -> str:
    letters = ""
    while col:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


@dataclass(frozen=True)
class FieldSpec:
    name: str
    synonyms: tuple[str, ...]
    required: bool = False
    multi: bool = False  # a label may cover several adjacent columns (Kode parts)
    unless: tuple[str, ...] = ()  # a label holding one of these words never matches by containment
    label: str = ""  # the field's name for the user (Pembacaan, Pengaturan Baca, messages)

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").title()


@dataclass
class Header:
    """Where each field sits: field -> columns; year fields as (name, year) -> column."""

    first_row: int
    last_row: int
    columns: dict[str, list[int]] = field(default_factory=dict)
    years: dict[tuple[str, int], int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    end_row: int | None = None  # the last data row, when the user pinned it (Pengaturan Baca)


class Sheet:
    """Cell values and number formats of one worksheet, merged areas resolved.

    A plain grid: any reading backend that fills a `Grid` can feed it."""

    def __init__(self, grid: Grid, file_name: str):
        self.name: str = grid.name
        self.file_name = file_name
        self.values: dict[tuple[int, int], object] = grid.values
        self.formats: dict[tuple[int, int], str] = grid.formats
        self.hidden_rows: set[int] = grid.hidden_rows
        self.hidden_cols: set[int] = grid.hidden_cols
        self.merge_anchor: dict[tuple[int, int], tuple[int, int]] = {}
        # The backend clipped the ranges to the data and bounded the cells they cover.
        self.merges: list[tuple[int, int, int, int]] = list(grid.merges)
        for r0, c0, r1, c1 in self.merges:
            for r in range(r0, r1 + 1):
                for c in range(c0, c1 + 1):
                    if (r, c) != (r0, c0):
                        self.merge_anchor.setdefault((r, c), (r0, c0))
        self.row_cols: dict[int, list[int]] = {}
        for r, c in sorted(self.values):
            self.row_cols.setdefault(r, []).append(c)
        self.max_row = max(self.row_cols, default=0)
        self.max_col = max((c for _, c in self.values), default=0)
        self.reading = SheetReading(self.name, "")

    def cell(self, r: int, c: int) -> Cell:
        return Cell(self.name, f"{column_letter(c)}{r}")

    def raw(self, r: int, c: int) -> object:
        return self.values.get((r, c))

    def fmt(self, r: int, c: int) -> str | None:
        return self.formats.get((r, c))

    def merged_value(self, r: int, c: int) -> object:
        """The value shown in (r, c): a cell inside a merged area shows its anchor's."""
        anchor = self.merge_anchor.get((r, c))
        return self.values.get(anchor) if anchor else self.values.get((r, c))

    def in_vertical_merge_from(self, r: int, c: int, top: int) -> bool:
        anchor = self.merge_anchor.get((r, c))
        return bool(anchor and anchor[0] <= top and anchor[1] == c)

    # ---------------------------------------------------------------- header

    def find_header(self, specs: list[FieldSpec], year_fields: tuple[str, ...] = ()) -> Header | None:
        """The header row (or two-row header) whose labels match the most fields."""
        best: tuple[int, int, Header] | None = None
        last = min(self.max_row, HEADER_SCAN_ROWS)
        for r in range(1, last + 1):
            # Loose label matching would take a data row ("Nilai Akuntabilitas …" for Pagu)
            # for the header when the real header lacks a column: headers hold no data.
            if self._looks_like_data(r):
                continue
            candidates = [self._labels_one(r)]
            two = self._labels_two(r) if not self._looks_like_data(r + 1) else None
            if two is not None:
                candidates.append(two)
            for labels, last_row in candidates:
                if len(labels) < 2:
                    continue  # a title row ("DPA … TAHUN 2024" would match Pagu by "anggaran")
                header = match_header(labels, specs, year_fields)
                header.first_row, header.last_row = r, last_row
                if any(s.required and s.name not in header.columns for s in specs):
                    continue
                score = len(header.columns) + len(header.years)
                # Prefer more matched fields; on a tie the two-row reading (it saw more).
                key = (score, last_row - r)
                if best is None or key > best[:2]:
                    best = (score, last_row - r, header)
        return best[2] if best else None

    def _looks_like_data(self, r: int) -> bool:
        """Row r holds a number other than a year, or a code / outline number."""
        for c in range(1, self.max_col + 1):
            v = self.raw(r, c)
            if isinstance(v, bool) or v is None:
                continue
            if isinstance(v, str):
                if _DATA_TEXT.match(v):
                    return True
            elif isinstance(v, (int, float)):
                if not (1900 < v < 2100 and v == int(v)):
                    return True
            else:  # dates and times
                return True
        return False

    def _labels_one(self, r: int) -> tuple[dict[int, str], int]:
        labels = {}
        for c in range(1, self.max_col + 1):
            v = self.raw(r, c)
            if isinstance(v, str):
                labels[c] = v
            elif isinstance(v, (int, float)) and not isinstance(v, bool) and 1900 < v < 2100:
                labels[c] = str(int(v))
        return labels, r

    def _labels_two(self, r: int) -> tuple[dict[int, str], int] | None:
        """Labels of a two-row header (a group label over sub labels), or None."""
        below = r + 1
        groups: dict[int, str] = {}
        for c in range(1, self.max_col + 1):
            top = self.merged_value(r, c)
            if top is None and c > 1 and (c - 1) in groups and self.raw(r, c) is None:
                # unmerged group label followed by empty top cells: extend the group
                if self.raw(below, c) is not None:
                    groups[c] = groups[c - 1]
                continue
            anchor = self.merge_anchor.get((r, c), (r, c))
            wide = any(m[0] == anchor[0] and m[1] == anchor[1] and m[3] > m[1] for m in self.merges)
            if top is not None and (wide or self.raw(r, c + 1) is None and self.raw(below, c + 1) is not None):
                if self.raw(below, c) is not None:
                    groups[c] = str(top)
        if not groups:
            return None
        labels: dict[int, str] = {}
        for c in range(1, self.max_col + 1):
            sub = self.raw(below, c)
            if c in groups:
                labels[c] = f"{groups[c]} {_label_text(sub)}".strip()
                continue
            if sub is not None and not self.in_vertical_merge_from(below, c, r):
                return None  # a data row, not a sub header
            top = self.merged_value(r, c)
            if top is not None:
                labels[c] = str(top)
        return labels, below

    # ------------------------------------------------------------------ rows

    def data_rows(self, header: Header) -> list[int]:
        """Rows below the header that are data (SPEC §10.3); see reader/tablerows.py."""
        from lkip_xl.reader.tablerows import data_rows

        return data_rows(self, header)


def _label_text(v: object) -> str:
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    return "" if v is None else str(v)


def match_header(labels: dict[int, str], specs: list[FieldSpec], year_fields: tuple[str, ...]) -> Header:
    """Assign header labels to fields (SPEC §9.1): exact match first, then the longest synonym."""
    header = Header(0, 0, labels=dict(labels))
    normed = {c: norm_label(t.replace("%", " persen ")) for c, t in labels.items()}
    taken: set[int] = set()
    by_syn = sorted(((syn, s) for s in specs for syn in s.synonyms), key=lambda x: -len(x[0]))
    # year columns: "Target 2024", "Realisasi 2023" ...
    for c, lab in normed.items():
        m = _YEAR.search(lab)
        if not m:
            continue
        words = lab.split()
        for yf in year_fields:
            if words[0] == yf or (yf in words and not any(w in ("pk", "keuangan", "anggaran") for w in words)):
                if (yf, int(m.group(1))) not in header.years:
                    header.years[(yf, int(m.group(1)))] = c
                    taken.add(c)
                break
    for c, lab in normed.items():  # exact
        if c in taken or not lab:
            continue
        for s in specs:
            if lab in s.synonyms and (s.multi or s.name not in header.columns):
                header.columns.setdefault(s.name, []).append(c)
                taken.add(c)
                break
    for c, lab in normed.items():  # contains a synonym as whole words
        if c in taken or not lab:
            continue
        padded = f" {lab} "
        for syn, s in by_syn:
            if f" {syn} " in padded and (s.multi or s.name not in header.columns) and not (
                    s.unless and set(s.unless) & set(lab.split())):
                header.columns.setdefault(s.name, []).append(c)
                taken.add(c)
                break
    # A multi-column field (Kode) also owns the unlabelled columns right of it.
    for s in specs:
        if s.multi and s.name in header.columns:
            cols = header.columns[s.name]
            c = max(cols) + 1
            while c not in labels and c <= max(labels, default=0):
                cols.append(c)
                c += 1
            cols.sort()
    return header


class Workbook:
    """The input workbook, opened safely; only the sheets lkip-xl uses are read."""

    def __init__(self, path: str):
        check_input_file(path)
        self.path = path
        self.file_name = os.path.basename(path)
        book = XlsxFile(path, self.file_name)
        try:
            wanted: dict[str, SheetInfo] = {}
            for role in SHEET_SYNONYMS:
                info = self._match(book.sheets, role)
                if info is not None:
                    wanted.setdefault(info.name, info)
            grids = book.read_sheets(list(wanted.values()))
        finally:
            book.close()
        self.has_external_links = book.has_external_links
        self._sheets = {g.name: Sheet(g, self.file_name) for g in grids}
        self.grids = grids
        self._infos = book.sheets

    @staticmethod
    def _match(infos: list[SheetInfo], role: str) -> SheetInfo | None:
        wanted = SHEET_SYNONYMS[role]
        for info in infos:
            if re.sub(r"[\s_\-]+", "", info.name.lower()) in wanted:
                return info
        return None

    def cell(self, sheet: str, r: int, c: int) -> Cell:
        return Cell(sheet, f"{column_letter(c)}{r}")

    def find(self, role: str) -> Sheet | None:
        info = self._match(self._infos, role)
        sheet = self._sheets.get(info.name) if info is not None else None
        if sheet is not None:
            sheet.reading.peran = SHEET_LABELS[role]
        return sheet

    def sheets_read(self) -> list[Sheet]:
        """The sheets given a role, in workbook order."""
        return [s for s in self._sheets.values() if s.reading.peran]

    def require(self, role: str) -> Sheet:
        sheet = self.find(role)
        if sheet is None:
            names = ", ".join(SHEET_SYNONYMS[role])
            raise InputError(
                f"Berkas {self.file_name} tidak memiliki lembar {SHEET_LABELS[role]} "
                f"(nama yang diterima: {names})."
            )
        return sheet
