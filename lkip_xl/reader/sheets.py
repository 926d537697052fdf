"""Open the workbook, find sheets by name and header rows by their labels."""
from __future__ import annotations

import os
import re
from pathlib import Path
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from lkip_xl.errors import InputError
from lkip_xl.model import Cell, SheetReading
from lkip_xl.reader.safe import check_input_file, is_lkip_output
from lkip_xl.reader.values import is_blank, new_cell, norm_label
from lkip_xl.reader.xlsx import Grid, SheetInfo, XlsxFile, column_letter  # noqa: F401 (column_letter: re-exported)
from lkip_xl.textfmt import short_name

SHEET_SYNONYMS: dict[str, tuple[str, ...]] = {
    "identitas": ("identitas", "info", "profil"),
    "kinerja": ("kinerja", "indikator", "renstra", "iku"),
    "komponen": ("komponen",),
    "dpa": ("dpa", "anggaran", "renja", "rka", "dppa"),
    "realisasi": ("realisasi", "lra", "realisasianggaran"),
    "pemetaan": ("pemetaan", "cascading", "pendukung"),
    "belanja": ("belanja", "jenisbelanja"),
    "dilaporkan": ("dilaporkan", "klaim"),
    "skala": ("skala",),
    "pengaturan": ("pengaturanbaca", "carabaca"),
}
# Sheet-name synonyms as a user writes them (the keys above ignore case, spaces, `_` and `-`).
SHEET_NAMES_SHOWN = {"dpa": "DPA", "dppa": "DPPA", "rka": "RKA", "lra": "LRA", "iku": "IKU",
                     "realisasianggaran": "Realisasi Anggaran", "jenisbelanja": "Jenis Belanja",
                     "pengaturanbaca": "Pengaturan Baca", "carabaca": "Cara Baca"}
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
    "pengaturan": "Pengaturan Baca",
}



# Rows up to which a column's A1 references are shared between sheets (a list of this many slots
# per column asked for: 2 MB).
_SHARED_REF_ROWS = 250_000




@dataclass(frozen=True)
class FieldSpec:
    name: str
    synonyms: tuple[str, ...]
    required: bool = False
    multi: bool = False  # a label may cover several adjacent columns (Kode parts)
    unless: tuple[str, ...] = ()  # a label holding one of these words never matches by containment
    label: str = ""  # the field's name for the user (Pembacaan, Pengaturan Baca, messages)
    weak: tuple[str, ...] = ()  # fallback synonyms: a column labelled so serves only when no other does
    # What a column may measure that this field never is (SPEC §10.13, §10.19): names from MEASURES.
    never: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        unknown = set(self.never) - MEASURES
        if unknown:
            raise ValueError(f"FieldSpec {self.name}: unknown measures {sorted(unknown)}")

    @property
    def title(self) -> str:
        return self.label or self.name.replace("_", " ").title()


# What a column measures, as header.column_measures reads it from the column's labels (and, for
# `numbers`, from its cells); a FieldSpec's `never` lists those its field never is:
#   ratio       the labels say `%`, `Persentase`, `Rasio` or `Tingkat Capaian`
#   remainder   the labels say `Sisa` or `Selisih`
#   indicator   the nearest label that tells money from an indicator's value says `K`, `Kinerja`, `Fisik`,
#               `Bobot` or `Volume` (under `Target Kinerja dan Anggaran`: its `K`, not its `Rp`)
#   money       that label says `Rp`, `Keuangan`, `Anggaran`, `Pagu` or `Dana`
#   multi_year  a cumulative over years: a year range (`Kumulatif 2021-2024`), `s/d Tahun 2024`, or a
#               cumulative (`s/d`, `sampai dengan`) in a column about the Renstra
#   numbers     most of its first cells below the header are numbers
MEASURES = frozenset({"ratio", "remainder", "indicator", "money", "multi_year", "numbers"})


def shown_label(synonym: str) -> str:
    """A normalised synonym as a user writes it: `jumlah spj` -> `Jumlah SPJ`."""
    return " ".join(ACRONYMS.get(w, w.capitalize()) for w in synonym.split())


ACRONYMS = {"rp": "(Rp)"} | {w: w.upper() for w in ("spj", "iku", "pk", "skpd", "opd", "rpjmd", "rpjmn", "dpa", "lra",
                                    "tw", "sd", "apbd", "bos", "blud")}


@dataclass
class Header:
    """Where each field sits: field -> columns; year fields as (name, year) -> column."""

    first_row: int
    last_row: int
    columns: dict[str, list[int]] = field(default_factory=dict)
    years: dict[tuple[str, int], int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    end_row: int | None = None  # the last data row, when the user pinned it (Pengaturan Baca)
    # Normalised labels of each header row (column -> text): a later row equal to one of them is a
    # repeated page header (see Sheet.is_header_copy).
    row_labels: list[dict[int, str]] = field(default_factory=list)
    # Kinerja: (field, year) -> its period columns in order (`Realisasi 2024` over `TW I … TW IV`).
    periods: dict[tuple[str, int], list[int]] = field(default_factory=dict)


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
        # Each row's columns in order, as a tuple; rows of the same shape share one (a rincian has
        # 100k rows of the same five columns).
        self.row_cols: dict[int, tuple[int, ...]] = {}
        shapes: dict[tuple[int, ...], tuple[int, ...]] = {}
        for r, keys in groupby(sorted(self.values), itemgetter(0)):
            cols = tuple(map(itemgetter(1), keys))
            self.row_cols[r] = shapes.setdefault(cols, cols)
        self.max_row = max(self.row_cols, default=0)
        self.max_col = max((cols[-1] for cols in shapes), default=0)  # each row's columns are in order
        self.reading = SheetReading(self.name, "", hidden_rows=self.hidden_rows)
        self.report_year: int | None = None  # Identitas' Tahun, once read (SPEC §10.9)
        self.pengaturan = None  # what the Pengaturan Baca sheet pins for this sheet (reader.pengaturan.Pin)
        self.header_findings: list = []  # AMBIGUOUS_COLUMN findings of the header chosen
        self._cells_row = 0
        self._cells: dict[int, Cell] = {}
        # Column -> A1 references by row, shared by the sheets of one workbook (Workbook sets it): DPA
        # and Realisasi lay out the same rows, and each reference string is then kept once.
        self.refs: dict[int, list[str | None]] = {}

    def cell(self, r: int, c: int) -> Cell:
        # Readers go row by row and ask for one cell several times (its value, its label, its key):
        # the Cells of the current row are made once and shared (a Cell is a frozen value).
        if r == self._cells_row:
            cell = self._cells.get(c)
            if cell is not None:
                return cell
        else:
            self._cells_row, self._cells = r, {}
        refs = self.refs.get(c)
        if refs is None:
            refs = self.refs[c] = []
        if r < len(refs):
            ref = refs[r]
            if ref is None:
                ref = refs[r] = f"{column_letter(c)}{r}"
        else:
            ref = f"{column_letter(c)}{r}"
            if self.max_row < _SHARED_REF_ROWS:
                refs.extend([None] * (self.max_row + 1 - len(refs)))
                if r < len(refs):
                    refs[r] = ref
        cell = self._cells[c] = new_cell(self.name, ref)
        return cell

    def release(self) -> None:
        """Let the cells go once the sheet has been read (the grid shares these dicts)."""
        for table in (self.values, self.formats, self.row_cols, self.merge_anchor, self._cells):
            table.clear()

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
        """The header rows whose labels best explain the table below them (SPEC §10.1); see header.py."""
        from lkip_xl.reader.header import choose

        best, _ = choose(self, specs, year_fields, report_year=self.report_year)
        return best.header if best else None

    def is_header_copy(self, r: int, header: Header) -> bool:
        """Row r repeats one of the header's rows (the table header a PDF repeats on every page)."""
        from lkip_xl.reader.header import _label_text, _words

        if r <= header.last_row:
            return False
        cols = self.row_cols.get(r, ())
        texts = {c: " ".join(_words(_label_text(self.values[(r, c)]))) for c in cols}
        if len(texts) < 2 or not all(texts.values()):
            return False
        for labels in header.row_labels:
            own = {c: t for c, t in labels.items() if t}
            same = sum(1 for c, t in texts.items() if own.get(c) == t)
            if same == len(texts) and same >= max(2, 0.6 * len(set(own.values()))):
                return True
        return False

    # ------------------------------------------------------------------ rows

    def data_rows(self, header: Header) -> list[int]:
        """Rows below the header that are data (SPEC §10.3); see reader/tablerows.py."""
        from lkip_xl.reader.tablerows import data_rows

        return data_rows(self, header)


def _sheet_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.lower())


# A refusal lists the sheets there are: the first few, each cut to a readable length.
MAX_NAMES_SHOWN = 30
MAX_ROLE_NAME = 100


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
        refs: dict[int, list[str | None]] = {}
        for sheet in self._sheets.values():
            sheet.refs = refs
        self.grids = grids
        self._infos = book.sheets
        self._pins: dict | None = None

    @staticmethod
    def _match(infos: list[SheetInfo], role: str) -> SheetInfo | None:
        wanted = SHEET_SYNONYMS[role]
        for info in infos:
            # No accepted name is long: a sheet name of megabytes is not worth a pass per role.
            if len(info.name) <= MAX_ROLE_NAME and re.sub(r"[\s_\-]+", "", info.name.lower()) in wanted:
                return info
        return None

    def cell(self, sheet: str, r: int, c: int) -> Cell:
        return Cell(sheet, f"{column_letter(c)}{r}")

    def find(self, role: str) -> Sheet | None:
        info = self._match(self._infos, role)
        sheet = self._sheets.get(info.name) if info is not None else None
        if sheet is not None:
            sheet.reading.peran = SHEET_LABELS[role]
            sheet.pengaturan = self.pins().get(_sheet_key(sheet.name))
        return sheet

    def pins(self) -> dict:
        """What the Pengaturan Baca sheet pins, per sheet (SPEC §10.11); read once."""
        if self._pins is None:
            from lkip_xl.reader.pengaturan import read_pengaturan

            info = self._match(self._infos, "pengaturan")
            sheet = self._sheets.get(info.name) if info is not None else None
            self._pins = read_pengaturan(sheet) if sheet is not None else {}
            names = {_sheet_key(i.name) for i in self._infos}
            for key, pin in self._pins.items():
                if key not in names:
                    raise InputError(f"{pin.source}: lembar '{short_name(pin.lembar)}' tidak ada di berkas ini.")
        return self._pins

    def set_report_year(self, year: int | None) -> None:
        """Identitas' Tahun: a later year's column is never this year's pagu or realisasi (SPEC §10.9)."""
        for sheet in self._sheets.values():
            sheet.report_year = year

    def sheets_read(self) -> list[Sheet]:
        """The sheets given a role, in workbook order."""
        return [s for s in self._sheets.values() if s.reading.peran]

    def require(self, role: str) -> Sheet:
        sheet = self.find(role)
        if sheet is None:
            if is_lkip_output(Path(self.path)):
                raise InputError(f"Berkas {self.file_name} adalah hasil lkip-xl (workbook LKIP atau rekap), bukan "
                                 "workbook input; periksa workbook input yang dipakai untuk membuatnya.")
            names = ", ".join(SHEET_NAMES_SHOWN.get(n, n.title()) for n in SHEET_SYNONYMS[role])
            shown = [short_name(info.name) for info in self._infos[:MAX_NAMES_SHOWN]]
            if len(self._infos) > MAX_NAMES_SHOWN:
                shown.append(f"dan {len(self._infos) - MAX_NAMES_SHOWN} lembar lain")
            present = ", ".join(shown) or "tidak ada"
            raise InputError(
                f"Berkas {self.file_name} tidak memiliki lembar {SHEET_LABELS[role]} "
                f"(nama yang diterima: {names}; lembar yang ada: {present})."
            )
        return sheet
