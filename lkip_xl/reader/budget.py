"""DPA and Realisasi (the budget tree) and Belanja (per jenis belanja)."""
from __future__ import annotations

from lkip_xl.model import BelanjaRow, BudgetRow, Finding
from lkip_xl.reader.rows import TableReader, locate
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.values import MONEY, PERCENT, as_text, code_level, norm_label, outline_level, parse_outline

_KODE = FieldSpec("kode", ("kode", "kode rekening", "kode rek", "kode program kegiatan sub kegiatan",
                           "kode rek program kegiatan sub kegiatan", "rekening"), multi=True, label="Kode")
_NOMOR = FieldSpec("nomor", ("no", "nomor", "no urut"), label="No")
_URAIAN = FieldSpec("uraian", ("uraian", "program kegiatan sub kegiatan", "nama", "program",
                               "nama program kegiatan sub kegiatan", "kegiatan", "sub kegiatan",
                               "program kegiatan", "uraian program kegiatan sub kegiatan"), label="Uraian")
_LEVEL = FieldSpec("level", ("level", "tingkat"), label="Level")
_PERSEN = FieldSpec("persen", ("persen", "rasio", "rasio capaian", "persentase", "serapan", "capaian"), label="%")
_SISA = FieldSpec("sisa", ("sisa", "sisa anggaran", "selisih"), label="Sisa")

DPA_FIELDS = [
    _KODE, _NOMOR, _URAIAN, _LEVEL,
    FieldSpec("amount", ("pagu", "anggaran", "target keuangan", "jumlah", "jumlah rp", "pagu anggaran",
                         "keuangan", "pagu indikatif", "nilai"), required=True, label="Pagu"),
    FieldSpec("indikator", ("indikator", "indikator kinerja", "indikator program kegiatan"), label="Indikator"),
    FieldSpec("target_kinerja", ("target kinerja", "target", "kinerja"), label="Target Kinerja"),
    FieldSpec("satuan", ("satuan",), label="Satuan"),
]
REALISASI_FIELDS = [
    _KODE, _NOMOR, _URAIAN, _LEVEL,
    FieldSpec("amount", ("realisasi", "realisasi anggaran", "realisasi rp", "realisasi keuangan", "jumlah spj",
                         "spj", "realisasi belanja", "total realisasi"), required=True, label="Realisasi"),
    FieldSpec("pagu", ("pagu", "anggaran", "pagu anggaran", "target keuangan", "total pagu"), label="Pagu"),
    _PERSEN, _SISA,
]
LEVEL_WORDS = {"program": "program", "kegiatan": "kegiatan", "sub kegiatan": "sub_kegiatan",
               "subkegiatan": "sub_kegiatan", "sub": "sub_kegiatan", "akun": "akun", "rekening": "akun",
               "belanja": "akun"}


def read_budget(sheet: Sheet, role: str, findings: list[Finding]) -> list[BudgetRow]:
    specs = DPA_FIELDS if role == "dpa" else REALISASI_FIELDS
    header = locate(sheet, specs)
    t = TableReader(sheet, header, findings)
    out: list[BudgetRow] = []
    for r in sheet.data_rows(header):
        kode, kode_cell = t.code(r)
        nomor = parse_outline(t.raw(r, "nomor")) if t.has("nomor") else None
        uraian = t.txt(r, "uraian")
        label_cell = (t.cell(r, "uraian") if uraian else None) or kode_cell or t.cell(r, "nomor") \
            or t.cell(r, "amount")
        first_text = _first_text(sheet, r, header)
        level = None
        if kode:
            level = code_level(kode)
        if level is None and nomor:
            level = outline_level(nomor)
        if level is None and t.has("level"):
            level = LEVEL_WORDS.get(norm_label(t.raw(r, "level") or ""))
        if level is None and not kode and not nomor and first_text:
            if norm_label(first_text.value).startswith(("total", "jumlah")):
                level = "total"
                label_cell = first_text.cell
                uraian = uraian or first_text
        amount = t.num(r, "amount", MONEY)
        row_pagu = t.num(r, "pagu", MONEY) if role == "realisasi" else None
        if level is None:
            if amount is None and row_pagu is None:
                continue  # a sub heading or a note
            what = f"kode '{kode}'" if kode else f"nomor '{nomor}'" if nomor else "baris ini"
            t.unreadable(label_cell, kode or nomor or (uraian.value if uraian else None),
                         f"tingkat {what} (program, kegiatan, sub kegiatan atau akun) tidak dapat "
                         "ditentukan dari kode, nomor maupun kolom Level; baris diabaikan")
            continue
        out.append(BudgetRow(
            sheet=sheet.name, row=r, level=level, kode=kode, nomor=nomor, uraian=uraian, amount=amount,
            label_cell=label_cell, pagu=row_pagu,
            key_cell=kode_cell if kode else t.cell(r, "nomor") if nomor else None,
            persen=t.num(r, "persen", PERCENT) if role == "realisasi" else None,
            sisa=t.num(r, "sisa", MONEY) if role == "realisasi" else None,
            indikator=t.txt(r, "indikator"), target_kinerja=t.txt(r, "target_kinerja"),
            satuan=t.txt(r, "satuan"),
        ))
    return out


def _first_text(sheet: Sheet, r: int, header) -> object:
    for c in sheet.row_cols.get(r, []):
        raw = sheet.raw(r, c)
        if isinstance(raw, str) and raw.strip():
            return as_text(raw, sheet.cell(r, c))
    return None


BELANJA_FIELDS = [
    FieldSpec("kode", ("kode", "kode rekening", "kode akun", "akun", "rekening"), required=True, multi=True, label="Kode"),
    FieldSpec("uraian", ("uraian", "jenis belanja", "nama", "nama akun", "uraian belanja"), label="Uraian"),
    FieldSpec("pagu", ("pagu", "anggaran", "pagu anggaran", "target keuangan"), required=True, label="Pagu"),
    FieldSpec("realisasi", ("realisasi", "realisasi anggaran"), required=True, label="Realisasi"),
    _PERSEN,
]


def read_belanja(sheet: Sheet, findings: list[Finding]) -> list[BelanjaRow]:
    header = locate(sheet, BELANJA_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[BelanjaRow] = []
    for r in sheet.data_rows(header):
        kode, kode_cell = t.code(r)
        uraian = t.txt(r, "uraian")
        first_text = _first_text(sheet, r, header)
        if kode is None:
            if first_text is None or not norm_label(first_text.value).startswith(("total", "jumlah")):
                continue
            uraian = uraian or first_text
        out.append(BelanjaRow(kode, uraian, t.num(r, "pagu", MONEY),
                              t.num(r, "realisasi", MONEY), t.num(r, "persen", PERCENT),
                              (t.cell(r, "uraian") if uraian else None) or kode_cell, r))
    return out
