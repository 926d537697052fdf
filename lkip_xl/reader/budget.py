"""DPA and Realisasi (the budget tree) and Belanja (per jenis belanja)."""
from __future__ import annotations

from itertools import product

from lkip_xl.model import PAGU, REALISASI, BelanjaRow, BudgetRow, Finding, Txt
from lkip_xl.reader.rows import TableReader, locate
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.tablerows import (
    AFTER_TOTAL, KEY_VALUE, NO_AMOUNT, RINCIAN, code_in_name, data_rows, first_text, running_numbers, total_kind,
)
from lkip_xl.reader.values import (
    _CACHED_LEN, MAX_VALUE, MIN_MONEY, MONEY, PERCENT, Unreadable, _clean_text, _stored_spec, as_text, code_level,
    is_akun, new_num, new_txt, norm_label, outline_level, parse_number, parse_outline, parse_stored,
)

_KODE = FieldSpec("kode", ("kode", "kode rekening", "kode rek", "kode program kegiatan sub kegiatan",
                           "kode rek program kegiatan sub kegiatan", "rekening"), multi=True, label="Kode")
_NOMOR = FieldSpec("nomor", ("no", "nomor", "no urut"), label="No")
_URAIAN = FieldSpec("uraian", ("uraian", "program kegiatan sub kegiatan", "nama", "program",
                               "nama program kegiatan sub kegiatan", "kegiatan", "sub kegiatan",
                               "program kegiatan", "uraian program kegiatan sub kegiatan"), label="Uraian")
# What a column may measure that a field never is (FieldSpec.never; SPEC §10.13, §10.19): an amount is
# never a ratio, a sisa, an indicator's value (`K`, `Kinerja`, `Fisik`) or a cumulative over years; the row's
# % is the money ratio, never `Fisik (%)` / `Bobot (%)` / `Kinerja (%)`; `Tingkat` holding numbers is no Level.
_NOT_AMOUNT = ("ratio", "remainder", "indicator", "multi_year")
_LEVEL = FieldSpec("level", ("level", "tingkat"), label="Level", never=("numbers",))
_PERSEN = FieldSpec("persen", ("persen", "rasio", "rasio capaian", "persentase", "serapan", "capaian"), label="%",
                    never=("indicator", "multi_year"))
_SISA = FieldSpec("sisa", ("sisa", "sisa anggaran", "selisih", "sisa pagu", "sisa pagu anggaran", "sisa dana"),
                  label="Sisa", never=("ratio", "indicator", "multi_year"))

DPA_FIELDS = [
    _KODE, _NOMOR, _URAIAN, _LEVEL,
    FieldSpec("amount", ("pagu", "anggaran", "target keuangan", "jumlah", "jumlah rp", "pagu anggaran",
                         "keuangan", "pagu indikatif", "nilai"), required=True, label="Pagu",
              weak=("pagu indikatif", "nilai"), never=_NOT_AMOUNT),
    FieldSpec("indikator", ("indikator", "indikator kinerja", "indikator program kegiatan"), label="Indikator"),
    FieldSpec("target_kinerja", ("target kinerja", "target", "kinerja"), label="Target Kinerja",
              never=("money", "multi_year")),
    FieldSpec("satuan", ("satuan",), label="Satuan"),
]
REALISASI_FIELDS = [
    _KODE, _NOMOR, _URAIAN, _LEVEL,
    FieldSpec("amount", ("realisasi", "realisasi anggaran", "realisasi rp", "realisasi keuangan", "jumlah spj",
                         "spj", "realisasi belanja", "total realisasi"), required=True, label="Realisasi",
              never=_NOT_AMOUNT),
    FieldSpec("pagu", ("pagu", "anggaran", "pagu anggaran", "target keuangan", "total pagu"), label="Pagu",
              never=_NOT_AMOUNT),
    _PERSEN, _SISA,
]
LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub kegiatan": "sub_kegiatan",
               "subkegiatan": "sub_kegiatan", "sub": "sub_kegiatan", "akun": "akun", "rekening": "akun",
               "belanja": "akun"}


def read_budget(sheet: Sheet, role: str, findings: list[Finding], *, release: bool = False) -> list[BudgetRow]:
    """The rows of DPA or Realisasi. `release`: the caller lets the sheet go once read (Sheet.release),
    so each row's cells may go as soon as the row is read (a kabupaten rincian's peak memory)."""
    specs = DPA_FIELDS if role == "dpa" else REALISASI_FIELDS
    header = locate(sheet, specs)
    t = TableReader(sheet, header, findings)
    rows = data_rows(sheet, header)
    numbered = t.has("nomor") and not _running_no(t, rows)
    last_coded = _last_coded(t, rows)
    out: list[BudgetRow] = []
    akun_open = False  # SIPD rincian item lines follow an akun row until the next coded row
    has_kode, has_level, realisasi = t.has("kode"), t.has("level"), role == "realisasi"
    # A row's cells are read only while the row is (a figure written as text makes TableReader.style
    # look at its whole column: then nothing is let go early).
    drop = release and not _text_figures(t, rows)
    values, formats, row_cols = sheet.values, sheet.formats, sheet.row_cols
    num, txt = _fast_num(t), _fast_txt(t)
    c_uraian, c_amount, c_pagu, c_persen, c_sisa = (t.col(name) for name in ("uraian", "amount", "pagu", "persen", "sisa"))
    c_indikator, c_target, c_satuan = (t.col(name) for name in ("indikator", "target_kinerja", "satuan"))
    done = 0
    for i, r in enumerate(rows):
        if drop:
            if done:
                for c in row_cols[done]:
                    key = (done, c)
                    values.pop(key, None)
                    formats.pop(key, None)
            done = r
        kode, kode_cell = t.code(r)
        nomor = parse_outline(t.raw(r, "nomor")) if numbered else None
        uraian = txt(r, c_uraian)
        if kode is None and not has_kode and uraian is not None:
            split = code_in_name(uraian.value)  # `7.01.01 Program …` with no Kode column (§10.5)
            if split is not None:
                kode, kode_cell = split[0], uraian.cell
                uraian = Txt(split[1], uraian.cell)
        label_cell = (t.cell(r, "uraian") if uraian else None) or kode_cell or t.cell(r, "nomor") \
            or t.cell(r, "amount")
        text = first_text(sheet, r) if not kode and not nomor else None  # a total row has neither
        level = None
        subtotal_of = None
        if kode:
            level = code_level(kode) or heading_level(kode)
        if level is None and nomor:
            level = outline_level(nomor)
        if level is None and has_level:
            level = LEVEL_WORDS.get(norm_label(t.raw(r, "level") or ""))
        if level is None and not kode and not nomor and text:
            kind = total_kind(text.value)
            if kind is not None:
                level, subtotal_of = kind
                if level == "total" and i < last_coded:
                    level = "subtotal"  # a `Jumlah` with programs below it totals the group above it
                label_cell = text.cell
                uraian = uraian or text
        if level is None and not kode and not nomor and akun_open:
            sheet.reading.skip(r, RINCIAN)  # the akun row's amount counts, its items do not
            continue
        akun_open = level == "akun" or (akun_open and level is None)
        seen = len(findings)
        amount = num(r, c_amount, MONEY)
        unreadable = amount is None and len(findings) > seen  # its UNREADABLE_VALUE: unknown, not Rp0
        if amount is None and level in ("total", "subtotal") and text is not None:
            amount = _amount_in_text(text)  # `Jumlah Anggaran Sub Kegiatan : Rp 120.500.000`
        row_pagu = num(r, c_pagu, MONEY) if realisasi else None
        if level is None:
            if amount is None and row_pagu is None:
                sheet.reading.skip(r, KEY_VALUE if text and ":" in text.value else NO_AMOUNT)
                continue
            what = f"kode '{kode}'" if kode else f"nomor '{nomor}'" if nomor else "baris ini"
            t.unreadable(label_cell, kode or nomor or (uraian.value if uraian else None),
                         f"tingkat {what} (program, kegiatan, sub kegiatan atau akun) tidak dapat "
                         "ditentukan dari kode, nomor maupun kolom Level; baris diabaikan")
            continue
        out.append(BudgetRow(
            sheet=sheet.name, row=r, level=level, kode=kode, nomor=nomor, uraian=uraian, amount=amount,
            label_cell=label_cell, pagu=row_pagu,
            key_cell=kode_cell if kode else t.cell(r, "nomor") if nomor else None,
            persen=num(r, c_persen, PERCENT) if realisasi else None,
            sisa=num(r, c_sisa, MONEY) if realisasi else None,
            indikator=txt(r, c_indikator), target_kinerja=txt(r, c_target),
            satuan=txt(r, c_satuan), subtotal_of=subtotal_of, unreadable=unreadable,
        ))
        if level == "total" and len(out) > 1:
            _end_table(sheet, rows[i + 1:])  # the table ends at its grand total (§10.3)
            break
    return out


def _fast_num(t: TableReader):
    """TableReader.num_at(r, c, kind), None for no column: a number stored as one, read without the
    method's layers; anything else (text, an unreadable value, a percent format) through num_at."""
    values, formats, cell, num_at = t.sheet.values, t.sheet.formats, t.sheet.cell, t.num_at
    specs: dict = {}  # (number format, kind) -> _stored_spec

    def num(r: int, c: int | None, kind):
        if c is None:
            return None
        raw = values.get((r, c))
        if raw is None:
            return None
        if (type(raw) is int and -MAX_VALUE <= raw <= MAX_VALUE) or \
                (type(raw) is float and MIN_MONEY <= abs(raw) <= MAX_VALUE):
            # parse_stored's answer for an ordinary figure (finite, within every limit, an int's
            # shortest decimals 0) in a format that shows it as stored
            fmt = formats.get((r, c))
            spec = specs.get((fmt, kind))
            if spec is None:
                spec = specs[(fmt, kind)] = _stored_spec(fmt, kind)
            decimals, percent, percent_format = spec
            if not percent and not percent_format:
                if type(raw) is int:
                    return new_num(float(raw), cell(r, c), raw, 0 if decimals is None else decimals,
                                   False, None, False)
                if decimals is not None:
                    return new_num(raw, cell(r, c), raw, decimals, False, None, False)
        if type(raw) is int or type(raw) is float:
            try:
                found = parse_stored(raw, cell(r, c), formats.get((r, c)), kind)
            except Unreadable:
                return num_at(r, c, kind)  # its finding
            if not found.percent_format:
                return found
        return num_at(r, c, kind)
    return num


def _fast_txt(t: TableReader):
    """TableReader.txt by column (None for no column), a short text without as_text's tests."""
    values, cell = t.sheet.values, t.sheet.cell

    def txt(r: int, c: int | None):
        if c is None:
            return None
        raw = values.get((r, c))
        if raw is None:
            return None
        if type(raw) is str and len(raw) <= _CACHED_LEN:
            value = _clean_text(raw)
            return new_txt(value, cell(r, c)) if value else None
        return as_text(raw, cell(r, c))
    return txt


def _text_figures(t: TableReader, rows: list[int]) -> bool:
    """Whether a number column of the table holds text in a data row."""
    values = t.sheet.values
    cols = [c for c in (t.col(name) for name in ("amount", "pagu", "persen", "sisa")) if c is not None]
    # the types of those cells' values, gathered without a Python step per cell
    return any(issubclass(kind, str) for kind in set(map(type, map(values.get, product(rows, cols)))))


def heading_level(kode: str) -> str | None:
    """Urusan (`7`) and bidang urusan (`7.01`, `X.XX`) rows head the programs below them (§10.5)."""
    parts = kode.split(".")
    if is_akun(kode) or len(parts) > 2:
        return None
    return "urusan" if len(parts) == 1 else "bidang"


def _running_no(t: TableReader, rows: list[int]) -> bool:
    """The No column counts rows (1, 2, 3 … beside codes), it is no outline (§10.5)."""
    if not t.has("kode") and not t.has("uraian"):
        return False
    values = [parse_outline(t.raw(r, "nomor")) for r in rows]
    if not running_numbers(values):
        return False
    # An outline of programs only (1, 2, 3) looks the same: the codes beside the numbers decide.
    return any((code := t.code(r)[0]) and code_level(code) not in (None, "program") for r in rows)


def _last_coded(t: TableReader, rows: list[int]) -> int:
    """Index of the last row holding a program, kegiatan or sub kegiatan code: a `Total` above it
    does not end the table."""
    for i in range(len(rows) - 1, -1, -1):
        kode = t.code(rows[i])[0]
        if kode is None and not t.has("kode"):
            uraian = t.txt(rows[i], "uraian")
            split = code_in_name(uraian.value) if uraian else None
            kode = split[0] if split else None
        if kode and code_level(kode) in ("program", "kegiatan", "sub_kegiatan"):
            return i
    return -1


def _end_table(sheet: Sheet, rest: list[int]) -> None:
    for r in rest:
        sheet.reading.skip(r, AFTER_TOTAL)


def _amount_in_text(text: Txt):
    """The amount a total line states after its colon, when the amount column is empty (SIPD prints
    `Jumlah Anggaran Sub Kegiatan : Rp 120.500.000` in the Uraian cell)."""
    head, colon, tail = text.value.rpartition(":")
    if not colon or not tail.strip():
        return None
    try:
        return parse_number(tail.strip(), text.cell, None, MONEY)
    except Unreadable:
        return None


BELANJA_FIELDS = [
    FieldSpec("kode", ("kode", "kode rekening", "kode akun", "akun", "rekening"), required=True, multi=True, label="Kode"),
    FieldSpec("uraian", ("uraian", "jenis belanja", "nama", "nama akun", "uraian belanja"), label="Uraian"),
    FieldSpec("pagu", ("pagu", "anggaran", "pagu anggaran", "target keuangan"), required=True, label="Pagu",
              never=_NOT_AMOUNT),
    FieldSpec("realisasi", ("realisasi", "realisasi anggaran"), required=True, label="Realisasi", never=_NOT_AMOUNT),
    _PERSEN,
]


def read_belanja(sheet: Sheet, findings: list[Finding]) -> list[BelanjaRow]:
    header = locate(sheet, BELANJA_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[BelanjaRow] = []
    for r in data_rows(sheet, header):
        kode, kode_cell = t.code(r)
        uraian = t.txt(r, "uraian")
        text = first_text(sheet, r)
        if kode is None:
            if text is None or not norm_label(text.value).startswith(("total", "jumlah")):
                continue
            uraian = uraian or text
        unknown = 0
        amounts = []
        for bit, name in ((PAGU, "pagu"), (REALISASI, "realisasi")):
            seen = len(findings)
            amounts.append(t.num(r, name, MONEY))
            if amounts[-1] is None and len(findings) > seen:
                unknown |= bit  # its UNREADABLE_VALUE: unknown, not Rp0 (§10.16)
        out.append(BelanjaRow(kode, uraian, amounts[0], amounts[1], t.num(r, "persen", PERCENT),
                              (t.cell(r, "uraian") if uraian else None) or kode_cell, r, unknown))
    return out
