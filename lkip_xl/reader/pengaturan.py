"""The optional `Pengaturan Baca` sheet (SPEC §10.11): the user pins how a sheet is read.

One row per input sheet: `Lembar`, `Baris Header` (`11` or `11-12`), `Baris Akhir` and, per field to
pin, a column named after the field (`Kode`, `Uraian`, `Pagu`, `Realisasi`, `Target 2024`, …) holding
a column letter (`G`, or `A:C` for a split code). What a row states overrides detection; what it
leaves empty is detected as usual.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from lkip_xl.errors import InputError
from lkip_xl.reader.table import FieldSpec, Header, Sheet
from lkip_xl.reader.values import norm_label
from lkip_xl.reader.xlsx import col_index, column_letter

_LEMBAR = {"lembar", "nama lembar", "sheet", "nama sheet"}
_HEADER = {"baris header", "baris judul", "baris judul tabel", "header"}
_END = {"baris akhir", "baris terakhir", "baris data terakhir", "akhir"}
_ROWS = re.compile(r"^\s*([0-9]{1,7})\s*(?:[-–:]|s\s*d|sampai)?\s*([0-9]{1,7})?\s*$", re.I)
_COLS = re.compile(r"^\s*([A-Za-z]{1,3})\s*(?:[:\-–]\s*([A-Za-z]{1,3}))?\s*$")
_YEAR_TITLE = re.compile(r"^(target|realisasi|capaian) ((?:19|20)[0-9]{2})$")


def sheet_key(name: str) -> str:
    """Sheet names compare like the Workbook finds them: case-insensitive, without spaces, `_`, `-`."""
    return re.sub(r"[\s_\-]+", "", str(name).lower())


@dataclass
class Pin:
    """What one row of Pengaturan Baca states about one sheet."""

    lembar: str
    source: str  # "Lembar Pengaturan Baca di berkas X baris n", for messages
    header_rows: tuple[int, int] | None = None
    end_row: int | None = None
    fields: dict[str, tuple[str, list[int]]] = field(default_factory=dict)  # norm title -> (as written, cols)

    def resolve(self, sheet: Sheet, specs: list[FieldSpec], year_fields: tuple[str, ...]
                ) -> tuple[dict[str, list[int]], tuple[int, int] | None]:
        """(field name -> pinned columns, pinned header rows); InputError for what cannot be."""
        if self.header_rows is not None:
            a, b = self.header_rows
            if b > sheet.max_row or not any(sheet.row_cols.get(r) for r in range(a, b + 1)):
                raise InputError(f"{self.source}: Baris Header {self._rows_text()} untuk lembar {sheet.name} "
                                 "tidak ada atau kosong.")
        if self.end_row is not None:
            first = self.header_rows[1] if self.header_rows else 1
            if self.end_row > sheet.max_row or self.end_row <= first:
                raise InputError(f"{self.source}: Baris Akhir {self.end_row} untuk lembar {sheet.name} "
                                 "tidak ada atau tidak berada di bawah header.")
        by_title = {norm_label(s.title): s.name for s in specs}
        by_title.update({norm_label(s.name.replace("_", " ")): s.name for s in specs})
        pinned: dict[str, list[int]] = {}
        for key, (written, cols) in self.fields.items():
            year = _YEAR_TITLE.match(key)
            if year and year.group(1) in year_fields:
                pinned[f"{year.group(1)}:{year.group(2)}"] = cols[:1]
            elif key in by_title:
                pinned[by_title[key]] = cols
            else:
                known = ", ".join(s.title for s in specs)
                raise InputError(f"{self.source}: kolom '{written}' bukan nama kolom lembar {sheet.name} "
                                 f"(yang dikenal: {known}).")
        return pinned, self.header_rows

    def check_data(self, sheet: Sheet, header: Header, pinned: dict[str, list[int]]) -> None:
        """A pinned column must hold data below the header."""
        last = header.end_row or sheet.max_row
        for name, cols in pinned.items():
            for c in cols[:1]:
                if not any(_filled(sheet.values.get((r, c))) for r in range(header.last_row + 1, last + 1)):
                    written = next((w for k, (w, cc) in self.fields.items() if cc == cols), name)
                    raise InputError(f"{self.source}: kolom {column_letter(c)} yang ditetapkan untuk {written} "
                                     f"di lembar {sheet.name} tidak berisi data di bawah baris header.")

    def pinned_titles(self, specs: list[FieldSpec], pinned: dict[str, list[int]]) -> set[str]:
        titles = {s.name: s.title for s in specs}
        out = set()
        for name in pinned:
            if ":" in name:
                yf, year = name.split(":")
                out.add(f"{yf.title()} {year}")
            else:
                out.add(titles.get(name, name))
        if self.header_rows is not None:
            out.add("Baris Header")
        if self.end_row is not None:
            out.add("Baris Akhir")
        return out

    def _rows_text(self) -> str:
        a, b = self.header_rows or (0, 0)
        return str(a) if a == b else f"{a}-{b}"


def _filled(v: object) -> bool:
    return v is not None and not (isinstance(v, str) and not v.strip())


def read_pengaturan(sheet: Sheet) -> dict[str, Pin]:
    """Sheet key -> Pin for every row of the Pengaturan Baca sheet that names a sheet."""
    where = f"Lembar {sheet.name} di berkas {sheet.file_name}"
    head_row = None
    for r in range(1, min(sheet.max_row, 30) + 1):
        if any(norm_label(sheet.values[(r, c)]) in _LEMBAR for c in sheet.row_cols.get(r, ())
               if isinstance(sheet.values[(r, c)], str)):
            head_row = r
            break
    if head_row is None:
        return {}
    roles: dict[int, tuple[str, str]] = {}
    for c in sheet.row_cols[head_row]:
        written = " ".join(str(sheet.values[(head_row, c)]).split())
        key = norm_label(written)
        if not key:
            continue
        kind = "lembar" if key in _LEMBAR else "header" if key in _HEADER else "end" if key in _END else "field"
        roles[c] = (kind, written)
    out: dict[str, Pin] = {}
    for r in range(head_row + 1, sheet.max_row + 1):
        cells = {c: sheet.values[(r, c)] for c in sheet.row_cols.get(r, ()) if _filled(sheet.values[(r, c)])}
        lembar = next((str(v).strip() for c, v in cells.items() if roles.get(c, ("",))[0] == "lembar"), None)
        if not lembar:
            continue
        pin = Pin(lembar, f"{where} baris {r}")
        for c, v in cells.items():
            kind, written = roles.get(c, ("", ""))
            ref = f"{where} sel {sheet.cell(r, c).ref}"
            if kind == "header":
                pin.header_rows = _rows(v, ref)
            elif kind == "end":
                pin.end_row = _rows(v, ref)[0]
            elif kind == "field":
                pin.fields[norm_label(written)] = (written, _cols(v, ref, written))
        out[sheet_key(lembar)] = pin
    return out


def _rows(v: object, ref: str) -> tuple[int, int]:
    if isinstance(v, (int, float)) and not isinstance(v, bool) and v == int(v) and v >= 1:
        return int(v), int(v)
    m = _ROWS.match(str(v))
    if m:
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        if 1 <= a <= b and b - a < 5:
            return a, b
    raise InputError(f"{ref}: '{v}' bukan nomor baris (contoh: 11, atau 11-12 untuk header dua baris).")


def _cols(v: object, ref: str, written: str) -> list[int]:
    m = _COLS.match(str(v))
    if not m:
        raise InputError(f"{ref}: '{v}' bukan huruf kolom untuk {written} (contoh: G, atau A:C untuk kode "
                         "yang terpecah).")
    a = col_index(m.group(1))
    b = col_index(m.group(2)) if m.group(2) else a
    if b < a:
        a, b = b, a
    return list(range(a, b + 1))
