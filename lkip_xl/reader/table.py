"""The grid of one input sheet and what a header is: the types every part of the reader shares.

Nothing here looks for headers or data rows (header.py, tablerows.py do, over these types), so the
reader's modules import this one and never each other in a circle.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter

from lkip_xl.model import Cell, SheetReading
from lkip_xl.reader.values import new_cell
from lkip_xl.reader.xlsx import Grid, column_letter

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
                                    "tw", "sd", "apbd", "bos", "blud", "lhe", "pppk", "nipppk", "sakip")}


@dataclass
class Header:
    """Where each field sits: field -> columns; year fields as (name, year) -> column."""

    first_row: int
    last_row: int
    columns: dict[str, list[int]] = field(default_factory=dict)
    years: dict[tuple[str, int], int] = field(default_factory=dict)
    labels: dict[int, str] = field(default_factory=dict)
    end_row: int | None = None  # the last data row, when the user pinned it (Pengaturan Baca)
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
