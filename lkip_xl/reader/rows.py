"""Reading typed values out of one located table, collecting UNREADABLE_VALUE findings."""
from __future__ import annotations

import re

from lkip_xl.errors import InputError
from lkip_xl.findings import finding
from lkip_xl.model import Cell, Finding, Num, Txt
from lkip_xl.textfmt import shown
from lkip_xl.reader.sheets import FieldSpec, Header, Sheet, column_letter, shown_label
from lkip_xl.reader.values import (
    EN, ID, KIND_WORDS, VALUE, Kind, Style, Unreadable, as_text, number_style, parse_code, parse_number,
    parse_stored, parse_target,
)


def locate(sheet: Sheet, specs: list[FieldSpec], year_fields: tuple[str, ...] = ()) -> Header:
    """The header of `sheet` (SPEC §10.1, §10.2), with what the Pengaturan Baca sheet pins (§10.11);
    InputError naming the missing required column and the row that came closest (§10.8)."""
    from lkip_xl.reader.header import choose

    pin = sheet.pengaturan
    pinned, rows = pin.resolve(sheet, specs, year_fields) if pin is not None else ({}, None)
    best, closest = choose(sheet, specs, year_fields, pinned, rows, sheet.report_year)
    if best is None:
        raise InputError(missing_column_message(sheet, specs, closest.header if closest else None))
    header = best.header
    if pin is not None:
        header.end_row = pin.end_row
        pin.check_data(sheet, header, pinned)
    sheet.header_findings = [ambiguous_finding(sheet, header, specs, name, left)
                             for name, left in best.rivals.items()]
    record_header(sheet, header, specs)
    if pin is not None:
        sheet.reading.dipatok.update(pin.pinned_titles(specs, pinned))
    return header


def missing_column_message(sheet: Sheet, specs: list[FieldSpec], closest: Header | None) -> str:
    """One sentence: the sheet, the field, the labels looked for and the header row that came closest."""
    found = set(closest.columns) if closest else set()
    lacking = [s for s in specs if s.required and s.name not in found] or [s for s in specs if s.required]
    spec = lacking[0]
    looked = [shown_label(s) for s in spec.synonyms[:5]] + (["…"] if len(spec.synonyms) > 5 else [])
    where = f"Lembar {sheet.name} di berkas {sheet.file_name}: kolom '{spec.title}' tidak ditemukan " \
            f"(dicari: {', '.join(looked)})"
    if not sheet.values:
        return f"Lembar {sheet.name} di berkas {sheet.file_name} kosong: isi tabelnya dengan kolom " \
               f"'{spec.title}' dan kolom lain yang diperlukan."
    if closest is None or not closest.labels:
        return f"{where}; tidak ada baris judul tabel yang dikenali."
    rows = str(closest.first_row) if closest.first_row == closest.last_row else \
        f"{closest.first_row}-{closest.last_row}"
    labels, seen = [], set()
    for c in sorted(closest.labels):
        text = re.sub(r"\.(\s+|$)", " ", " ".join(str(closest.labels[c]).split())).strip()
        if text and text not in seen:
            seen.add(text)
            labels.append(shown(text, 40))
    more = ", …" if len(labels) > 12 else ""
    return f"{where}; baris {rows} berisi {', '.join(labels[:12])}{more}."


def ambiguous_finding(sheet: Sheet, header: Header, specs: list[FieldSpec], name: str, left: list[int]) -> Finding:
    """AMBIGUOUS_COLUMN (SPEC §10.2): several columns could serve one field; says which one was used."""
    title = next((s.title for s in specs if s.name == name), name)
    col = header.columns[name][0]

    def named(c: int) -> str:
        label = " ".join(str(header.labels.get(c, "")).split())
        hidden = ", tersembunyi" if c in sheet.hidden_cols else ""
        return f"{column_letter(c)} ('{label}'{hidden})"

    r = header.last_row
    anchor = sheet.merge_anchor.get((r, col), (r, col))
    others = ", ".join(named(c) for c in left)
    return finding("AMBIGUOUS_COLUMN", sheet.cell(anchor[0], col), title=title, used=named(col), others=others,
                   dilaporkan=", ".join(column_letter(c) for c in left), dihitung=column_letter(col))


def record_header(sheet: Sheet, header: Header, specs: list[FieldSpec]) -> None:
    """Pembacaan: the header rows and the column of each field (by its name for the user), with
    the label as written."""
    reading = sheet.reading
    reading.baris_header = (header.first_row, header.last_row)
    titles = {s.name: s.title for s in specs}
    for name, cols in header.columns.items():
        letters = column_letter(cols[0]) if len(cols) == 1 else f"{column_letter(cols[0])}:{column_letter(cols[-1])}"
        reading.kolom[titles.get(name, name)] = letters
        reading.label[titles.get(name, name)] = " ".join(str(header.labels.get(cols[0], "")).split())
    for (name, year), col in sorted(header.years.items()):
        key = f"{name.replace('_', ' ').title()} {year}"
        periods = header.periods.get((name, year))
        # Quarterly columns under a year: all of them are read (the last with a value counts).
        reading.kolom[key] = column_letter(col) if not periods else \
            f"{column_letter(min(periods))}:{column_letter(max(periods))}"
        reading.label[key] = " ".join(str(header.labels.get(col, "")).split())


class TableReader:
    """Typed access to the cells of one table; bad values become findings, never crashes."""

    def __init__(self, sheet: Sheet, header: Header, findings: list[Finding]):
        self.sheet = sheet
        self.header = header
        self.findings = findings
        self._styles: dict[int, Style | None] = {}
        # The first column of each field (the header is settled once located): one lookup per cell.
        self._first = {name: cols[0] for name, cols in header.columns.items() if cols}

    def has(self, name: str) -> bool:
        return name in self.header.columns

    def col(self, name: str) -> int | None:
        return self._first.get(name)

    def raw(self, r: int, name: str) -> object:
        c = self._first.get(name)
        return None if c is None else self.sheet.values.get((r, c))

    def cell(self, r: int, name: str) -> Cell | None:
        c = self._first.get(name)
        return None if c is None else self.sheet.cell(r, c)

    def txt(self, r: int, name: str) -> Txt | None:
        c = self._first.get(name)
        if c is None:
            return None
        raw = self.sheet.values.get((r, c))
        return None if raw is None else as_text(raw, self.sheet.cell(r, c))

    def num(self, r: int, name: str, kind: Kind = VALUE) -> Num | None:
        """The number in field `name`, read as its column's kind (money, percent or indicator value)."""
        c = self._first.get(name)
        return None if c is None else self.num_at(r, c, kind)

    def num_at(self, r: int, c: int, kind: Kind = VALUE) -> Num | None:
        sheet = self.sheet
        raw = sheet.values.get((r, c))
        if raw is None:
            return None  # parse_number's answer for an empty cell
        cell = sheet.cell(r, c)
        try:
            if type(raw) is int or type(raw) is float:  # the common cell: parse_number's first test
                num = parse_stored(raw, cell, sheet.formats.get((r, c)), kind)
            else:
                style = self.style(c) if isinstance(raw, str) else None
                num = parse_number(raw, cell, sheet.formats.get((r, c)), kind, style)
        except Unreadable as err:
            self._refused(cell, raw, c, KIND_WORDS[kind], err)
            return None
        if num is not None and num.percent_format:
            label = self.header.labels[c] if c in self.header.labels else column_letter(c)
            self.findings.append(percent_format_finding(num, f"kolom '{label}'"))
        return num

    def target_at(self, r: int, c: int) -> Num | None:
        """An indicator's target: as num_at, and also as a PK document writes it (`≥ 83`, `maks. 20`,
        `80 - 85 %`: a Target, SPEC §10.12)."""
        raw = self.sheet.values.get((r, c))
        if type(raw) is str:
            cell = self.sheet.cell(r, c)
            try:
                found = parse_target(raw, cell, self.style(c))
            except Unreadable as err:
                self._refused(cell, raw, c, "target", err)
                return None
            if found is not None:
                return found
        return self.num_at(r, c, VALUE)

    def _refused(self, cell: Cell, raw: object, c: int, what: str, err: Unreadable) -> None:
        """The UNREADABLE_VALUE of a cell of column c that could not be read as `what`."""
        label = self.header.labels[c] if c in self.header.labels else column_letter(c)
        why = f" ({err.reason})" if err.reason else ""
        self.unreadable(cell, raw, f"kolom '{label}' berisi '{shown(raw)}' yang tidak dapat dibaca sebagai {what}{why}")

    def style(self, c: int) -> Style | None:
        """How column c writes its numbers (SPEC §10.10), decided once from its data cells: the style
        its unambiguous texts prove, None (each value on its own, Indonesian when ambiguous) when they
        disagree or say nothing."""
        if c not in self._styles:
            rows = self.sheet.reading.data_rows or (r for r in self.sheet.row_cols if r > self.header.last_row)
            seen = set()
            for r in rows:
                found = number_style(self.sheet.values.get((r, c)))
                if found is not None:
                    seen.add(found)
                    if len(seen) > 1:
                        break
            self._styles[c] = EN if seen == {EN} else ID if seen == {ID} else None
        return self._styles[c]

    def unreadable(self, cell: Cell, raw: object, why: str) -> None:
        self.findings.append(
            finding("UNREADABLE_VALUE", cell, "cell", why=why, dilaporkan=None if raw is None else str(raw)))

    def code(self, r: int, name: str = "kode") -> tuple[str | None, Cell | None]:
        """A code from one column or joined from adjacent part columns (`7.01.03 | 2.01 | 0001`)."""
        cols = self.header.columns.get(name)
        if not cols:
            return None, None
        values = self.sheet.values
        if len(cols) == 1:
            # One Kode column (the common table): the code it holds, if any, and its cell either way.
            c = cols[0]
            raw = values.get((r, c))
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                return None, self.sheet.cell(r, c)
            return parse_code(raw, None if type(raw) is str else self.sheet.formats.get((r, c))), \
                self.sheet.cell(r, c)
        parts, first = [], None
        for c in cols:
            raw = values.get((r, c))
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            # a text code never looks at the number format
            part = parse_code(raw, None if type(raw) is str else self.sheet.formats.get((r, c)))
            if part is None:
                if first is None and len(cols) == 1 and str(raw).strip():
                    return None, self.sheet.cell(r, c)
                continue
            if first is None:
                first = self.sheet.cell(r, c)
            parts.append(part)
        if not parts:
            return None, self.sheet.cell(r, cols[0])
        return ".".join(parts), first


def percent_format_finding(num: Num, where: str) -> Finding:
    """UNIT_MISMATCH: a Rupiah amount in a percent-formatted cell, read as the number stored."""
    from lkip_xl.textfmt import angka, rupiah

    cell = num.cell
    as_shown = float(f"{num.value * 100:.15g}")
    # plain=False: the report has always shown these two as the floats they are (150.0, not 150).
    return finding("UNIT_MISMATCH", cell, "percent_format", where=where, amount=rupiah(num.value),
                   shown=angka(as_shown), dilaporkan=as_shown, dihitung=num.value, plain=False)
