"""Pemetaan (budget -> indicator), Dilaporkan (claims to check) and Skala (kategori bands)."""
from __future__ import annotations

from lkip_xl.model import Finding, Klaim, PemetaanRow, SkalaRow
from lkip_xl.reader.rows import TableReader, locate
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.values import Unreadable, as_text, parse_number, parse_outline

PEMETAAN_FIELDS = [
    FieldSpec("indikator", ("indikator", "indikator kinerja", "indikator kinerja utama", "nama indikator",
                            "indikator sasaran"), required=True),
    FieldSpec("kode", ("kode", "kode rekening", "kode rek", "kode rek program kegiatan sub kegiatan",
                       "kode program kegiatan sub kegiatan"), multi=True),
    FieldSpec("nomor", ("no", "nomor")),
    FieldSpec("uraian", ("uraian", "nama program kegiatan sub kegiatan", "program kegiatan sub kegiatan", "nama")),
]


def read_pemetaan(sheet: Sheet, findings: list[Finding]) -> list[PemetaanRow]:
    header = locate(sheet, PEMETAAN_FIELDS)
    t = TableReader(sheet, header, findings)
    if not t.has("kode") and not t.has("nomor"):
        from lkip_xl.errors import InputError

        raise InputError(f"Lembar {sheet.name} di berkas {sheet.file_name} tidak memiliki kolom wajib "
                         "'Kode' (atau 'No') pada baris judul tabelnya.")
    out: list[PemetaanRow] = []
    indikator = None
    for r in sheet.data_rows(header):
        indikator = t.txt(r, "indikator") or indikator
        kode, cell = t.code(r)
        nomor = parse_outline(t.raw(r, "nomor")) if t.has("nomor") else None
        if kode is None and nomor is None:
            if cell is not None and t.raw(r, "kode") not in (None, ""):
                t.unreadable(cell, t.raw(r, "kode"),
                             f"kode '{t.raw(r, 'kode')}' tidak dapat dibaca sebagai kode program/kegiatan/sub kegiatan")
            continue
        if indikator is None:
            continue
        out.append(PemetaanRow(indikator, kode, nomor, cell or t.cell(r, "nomor")))
    return out


DILAPORKAN_FIELDS = [
    FieldSpec("tabel", ("tabel", "sumber", "tabel laporan")),
    FieldSpec("subjek", ("subjek", "subject", "uraian", "indikator")),
    FieldSpec("ukuran", ("ukuran", "besaran", "measure"), required=True),
    FieldSpec("nilai", ("nilai", "angka", "dilaporkan", "nilai dilaporkan"), required=True),
]


def read_dilaporkan(sheet: Sheet, findings: list[Finding]) -> list[Klaim]:
    header = locate(sheet, DILAPORKAN_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[Klaim] = []
    tabel = subjek = None
    for r in sheet.data_rows(header):
        tabel_txt = t.txt(r, "tabel")
        if tabel_txt is not None:
            tabel = tabel_txt.value
        subjek = t.txt(r, "subjek") or subjek
        ukuran = t.txt(r, "ukuran")
        c = t.col("nilai")
        raw = sheet.raw(r, c)
        if subjek is None or ukuran is None or raw is None:
            continue
        cell = sheet.cell(r, c)
        try:
            nilai = parse_number(raw, cell, sheet.fmt(r, c))
        except Unreadable:
            nilai = None
        out.append(Klaim(r, tabel or "", subjek, ukuran, nilai if nilai is not None else as_text(raw, cell)))
    return out


SKALA_FIELDS = [
    FieldSpec("batas", ("batas bawah", "batas", "nilai minimal", "capaian minimal"), required=True),
    FieldSpec("kategori", ("kategori", "predikat"), required=True),
]


def read_skala(sheet: Sheet, findings: list[Finding]) -> list[SkalaRow]:
    header = locate(sheet, SKALA_FIELDS)
    t = TableReader(sheet, header, findings)
    out = []
    for r in sheet.data_rows(header):
        batas = t.num(r, "batas")
        kategori = t.txt(r, "kategori")
        if batas is not None and kategori is not None:
            out.append(SkalaRow(batas.value, kategori.value))
    return sorted(out, key=lambda s: -s.batas_bawah)
