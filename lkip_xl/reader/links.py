"""Pemetaan (budget -> indicator), Dilaporkan (claims to check) and Skala (kategori bands)."""
from __future__ import annotations

from lkip_xl.model import MONEY_MEASURES, PERCENT_MEASURES, Finding, Klaim, Num, PemetaanRow, SkalaRow
from lkip_xl.reader.bab1 import pegawai_subjek
from lkip_xl.reader.tablerows import data_rows
from lkip_xl.reader.rows import TableReader, locate, percent_format_finding
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.values import (
    KIND_WORDS, MONEY, PERCENT, VALUE, Kind, Unreadable, as_text, is_blank, norm_label, parse_code, parse_number,
    parse_outline,
)

PEMETAAN_FIELDS = [
    FieldSpec("indikator", ("indikator", "indikator kinerja", "indikator kinerja utama", "nama indikator",
                            "indikator sasaran"), required=True),
    FieldSpec("kode", ("kode", "kode rekening", "kode rek", "kode rek program kegiatan sub kegiatan",
                       "kode program kegiatan sub kegiatan"), multi=True),
    FieldSpec("nomor", ("no", "nomor"), label="No"),
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
    for r in data_rows(sheet, header):
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


UKURAN = {
    "target": "Target", "target kinerja": "Target",
    "realisasi": "Realisasi", "realisasi kinerja": "Realisasi",
    "capaian": "Capaian", "capaian kinerja": "Capaian",
    "capaian akhir renstra": "Capaian Akhir Renstra", "capaian terhadap akhir renstra": "Capaian Akhir Renstra",
    "target akhir renstra": "Target Akhir Renstra",
    "pagu": "Pagu", "target keuangan": "Pagu", "anggaran": "Pagu", "pagu anggaran": "Pagu",
    "realisasi anggaran": "Realisasi Anggaran", "realisasi keuangan": "Realisasi Anggaran",
    "serapan": "Serapan", "capaian keuangan": "Serapan", "rasio": "Serapan", "rasio capaian": "Serapan",
    "serapan anggaran": "Serapan",
    "sisa": "Sisa", "sisa anggaran": "Sisa",
    "efisiensi": "Efisiensi", "efisiensi anggaran": "Efisiensi",
    "nilai efisiensi": "Nilai Efisiensi",
    "kategori": "Kategori",
    # Tabel 1.1's counts, from the Pegawai sheet (SPEC §12)
    "jumlah pegawai": "Jumlah Pegawai", "jumlah asn": "Jumlah Pegawai", "jumlah orang": "Jumlah Pegawai",
}


def ukuran_kind(text: str) -> Kind:
    """How a Dilaporkan `Nilai` is read: Rupiah for Pagu / Realisasi Anggaran / Sisa, percent for
    Capaian / Serapan / Efisiensi, an indicator value otherwise."""
    ukuran = UKURAN.get(norm_label(text))
    return MONEY if ukuran in MONEY_MEASURES else PERCENT if ukuran in PERCENT_MEASURES else VALUE


DILAPORKAN_FIELDS = [
    FieldSpec("tabel", ("tabel", "sumber", "tabel laporan")),
    FieldSpec("subjek", ("subjek", "subject", "uraian", "indikator")),
    FieldSpec("ukuran", ("ukuran", "besaran", "measure"), required=True),
    # SPEC §10.15: as drafts and review papers label the figure they quote.
    FieldSpec("nilai", ("nilai", "angka", "dilaporkan", "nilai dilaporkan", "angka dalam lkip", "nilai dalam lkip",
                        "tercantum", "nilai tercantum"), required=True),
]


def read_dilaporkan(sheet: Sheet, findings: list[Finding]) -> list[Klaim]:
    header = locate(sheet, DILAPORKAN_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[Klaim] = []
    tabel = subjek = None
    for r in data_rows(sheet, header):
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
        measure = UKURAN.get(norm_label(ukuran.value))
        try:  # a value that cannot be read stays text: the check reports it (or reads a Kategori)
            nilai = parse_number(raw, cell, sheet.fmt(r, c), ukuran_kind(ukuran.value))
        except Unreadable:
            nilai = None
        if nilai is None and measure == "Jumlah Pegawai" and isinstance(raw, str) and is_blank(raw) and raw.strip():
            nilai = Num(0.0, cell, raw, 0)  # Tabel 1.1 prints no pegawai as `-`
        if nilai is not None and nilai.percent_format:
            findings.append(percent_format_finding(nilai, f"nilai {ukuran.value}"))
        code = parse_code(subjek.value)
        out.append(Klaim(r, tabel or "", subjek, ukuran, nilai if nilai is not None else as_text(raw, cell),
                         measure=measure, kode=code, nomor=parse_outline(subjek.value) if code else None,
                         expected=KIND_WORDS[ukuran_kind(ukuran.value)],
                         pegawai=pegawai_subjek(subjek.value) if measure == "Jumlah Pegawai" else None))
    return out


SKALA_FIELDS = [
    FieldSpec("batas", ("batas bawah", "batas", "nilai minimal", "capaian minimal"), required=True, label="Batas Bawah"),
    FieldSpec("kategori", ("kategori", "predikat"), required=True),
]


def read_skala(sheet: Sheet, findings: list[Finding]) -> list[SkalaRow]:
    header = locate(sheet, SKALA_FIELDS)
    t = TableReader(sheet, header, findings)
    out = []
    for r in data_rows(sheet, header):
        batas = t.num(r, "batas")
        kategori = t.txt(r, "kategori")
        if batas is not None and kategori is not None:
            out.append(SkalaRow(batas.value, kategori.value))
    return sorted(out, key=lambda s: -s.batas_bawah)
