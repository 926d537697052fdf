"""Every finding code (SPEC §6 plus the product's own), declared once: severity, label, message shapes.

A check, the reader or the rules emit a finding by code name; its sentence is rendered here from the
code's template, so adding a code touches this registry plus the one module that emits it:

    finding("SISA_MISMATCH", cell, subject=..., stated=rupiah(x), pagu=..., realisasi=..., computed=...,
            dilaporkan=x, dihitung=y)
    finding("SUM_MISMATCH", cell, "total_pagu", sheet=..., stated=..., computed=..., difference=...)

Template fields are plain `str.format` names filled with text the caller has already formatted
(`rupiah`, `persen`, `angka`); `{lembar}` and `{sel}` default to the finding's own cell.
"""
from __future__ import annotations

import contextlib
import contextvars
import functools
import string
from dataclasses import dataclass, field
from typing import Any, Mapping

from lkip_xl.model import Cell, FigureKey, Finding, Tingkat

DEFAULT = "default"  # the shape name of a code that has one message shape

# A sentence names an input sheet as the user called it: `{lembar_dpa}` is the DPA sheet's own name
# ("Anggaran SKPD", "Cascading" for Pemetaan …), the role's name when the sheet is absent. Set for a
# workbook's checks by `sheet_names(...)`.
SHEET_ROLES = {"lembar_dpa": ("dpa", "DPA"), "lembar_realisasi": ("realisasi", "Realisasi"),
               "lembar_kinerja": ("kinerja", "Kinerja"), "lembar_komponen": ("komponen", "Komponen"),
               "lembar_pemetaan": ("pemetaan", "Pemetaan")}
_SHEETS: contextvars.ContextVar[dict[str, str]] = contextvars.ContextVar("lkip_sheet_names", default={})


@contextlib.contextmanager
def sheet_names(names: Mapping[str, str]):
    """While the checks of one workbook run: role -> the user's sheet name, for the sentences."""
    token = _SHEETS.set(dict(names))
    try:
        yield
    finally:
        _SHEETS.reset(token)


@dataclass(frozen=True)
class Code:
    """One finding code: its default severity, short Indonesian label and its message shapes."""

    kode: str
    tingkat: Tingkat
    label: str
    pesan: Mapping[str, str]  # shape name -> template
    tingkat_of: Mapping[str, Tingkat] = field(default_factory=dict)  # shapes with another severity

    def fields(self, shape: str) -> frozenset[str]:
        return _fields(self.pesan[shape])


@functools.cache
def _fields(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def _one(template: str) -> dict[str, str]:
    return {DEFAULT: template}


_CODES = (
    Code("SUM_MISMATCH", "kesalahan", "Jumlah tidak sesuai", {
        "parts": "{measure} {subject} tertulis {stated}, sedangkan jumlah {parts} adalah {computed} "
                 "(selisih {difference}).",
        "total_pagu": "Total pagu di lembar {sheet} tertulis {stated}, sedangkan jumlah seluruh sub kegiatan "
                      "{computed} (selisih {difference}).",
        "total_realisasi": "Total realisasi di lembar {sheet} tertulis {stated}, sedangkan jumlah realisasi "
                           "seluruh sub kegiatan {computed} (selisih {difference}).",
        "subtotal": "Subtotal {measure} '{label}' di lembar {sheet} tertulis {stated}, sedangkan jumlah "
                    "{subject} adalah {computed} (selisih {difference}).",
        "heading": "{measure} {heading} {code} di lembar {sheet} tertulis {stated}, sedangkan jumlah program "
                   "di bawahnya {computed} (selisih {difference}).",
        "belanja": "{measure} {subject} tertulis {stated}, sedangkan jumlah rinciannya {computed} "
                   "(selisih {difference}).",
    }),
    Code("PERCENT_MISMATCH", "kesalahan", "Persentase tidak sesuai", {
        # `what`: "Rasio serapan" on a Realisasi row, "Persentase" on a Belanja row
        "serapan": "{what} {subject} tertulis {stated}, sedangkan realisasi {realisasi} / pagu {pagu} = {computed}.",
        "capaian": "Capaian {year} {indicator} tertulis {stated}, sedangkan hasil hitung {computed}.",
    }),
    Code("SISA_MISMATCH", "kesalahan", "Sisa tidak sesuai", _one(
        "Sisa {subject} tertulis {stated}, sedangkan pagu {pagu} − realisasi {realisasi} = {computed}.")),
    Code("PAGU_MISMATCH", "kesalahan", "Pagu berbeda dengan DPA", _one(
        "Pagu {subject} di lembar {sheet} tertulis {stated}, sedangkan pagu di lembar {lembar_dpa} {computed} "
        "(selisih {difference}).")),
    Code("CLAIM_MISMATCH", "kesalahan", "Angka laporan tidak sesuai", {
        "value": "{table}{ukuran} {subject} dilaporkan {stated}, sedangkan hasil hitung {computed}.",
        "kategori": "{table}Kategori {subject} dilaporkan '{stated}', sedangkan hasil hitung '{computed}'.",
    }),
    Code("CATEGORY_MISMATCH", "kesalahan", "Kategori tidak sesuai", _one(
        "Kategori {indicator} tertulis '{stated}', sedangkan capaian {capaian} termasuk '{computed}'.")),
    Code("COMPONENT_MISMATCH", "kesalahan", "Realisasi tidak sesuai komponen", _one(
        "Realisasi {year} {indicator} tertulis {stated}, sedangkan dari lembar {lembar_komponen} {computed}.")),
    Code("BELANJA_TOTAL_MISMATCH", "kesalahan", "Jumlah jenis belanja tidak sesuai", _one(
        "Jumlah {measure} per jenis belanja{where} {stated} tidak sama dengan total {measure} "
        "program/kegiatan {computed} (selisih {difference}){why}.")),
    Code("DUPLICATE_CODE", "kesalahan", "Kode ganda", _one(
        "{key_kind} {key} muncul lebih dari sekali di lembar {sheet} (baris {row}); baris ini tidak dihitung.")),
    Code("UNMATCHED_ROW", "kesalahan", "Baris tanpa pasangan", {
        "realisasi": "{subject} di lembar {sheet} tidak ditemukan di lembar {lembar_dpa}; realisasinya {amount} "
                     "tidak dihitung.",
        "akun": "Akun {code} pada lembar {sheet} ({subject}) tidak ada di lembar {lembar_dpa}; realisasinya {amount} "
                "tidak dihitung.",
        "dpa": "{subject} (pagu {pagu}) tidak memiliki baris di lembar {lembar_realisasi}; realisasinya dianggap 0.",
    }, tingkat_of={"dpa": "peringatan"}),
    Code("UNKNOWN_REFERENCE", "kesalahan", "Rujukan tidak dikenal", {
        "ukuran": "{table}ukuran '{ukuran}' tidak dikenal (gunakan Target, Realisasi, Capaian, "
                  "Capaian Akhir Renstra, Pagu, Realisasi Anggaran, Serapan, Sisa, Efisiensi, Kategori).",
        "subjek": "{table}subjek '{subjek}' bukan indikator, kode, nomor, akun atau Total yang ada di data.",
        "ukuran_subjek": "{table}ukuran {ukuran} tidak berlaku untuk {subject}.",
        "pegawai": "{table}Jumlah Pegawai dihitung dari lembar Pegawai, yang tidak ada di berkas ini.",
        "pegawai_subjek": "{table}subjek '{subjek}' bukan pendidikan (SD … S3), pangkat (I/a … IV/e), golongan "
                          "(I … IV, PPPK) atau Total, sehingga Jumlah Pegawai-nya tidak dapat dihitung.",
        "indikator": "Lembar {sheet} menyebut indikator '{indikator}' yang tidak ada di lembar {lembar_kinerja}.",
        "kode": "Lembar {lembar_pemetaan} menyebut {key} yang tidak ada di lembar {lembar_dpa}.",
    }),
    Code("REALISASI_EXCEEDS_PAGU", "kesalahan", "Realisasi melebihi pagu", {
        "row": "Realisasi {subject} {realisasi} melebihi pagunya {pagu}.",
        "akun": "Realisasi akun {code} pada {subject} {realisasi} melebihi pagunya {pagu}.",
    }),
    Code("NEGATIVE_AMOUNT", "kesalahan", "Nilai negatif", {
        "row": "{measure} {subject} bernilai negatif ({amount}).",
        "belanja": "{measure} {subject} di lembar {sheet} bernilai negatif ({amount}).",
    }),
    Code("UNREADABLE_VALUE", "kesalahan", "Nilai tidak terbaca", {
        "cell": "Lembar {lembar} sel {sel}: {why}.",
        "claim": "Lembar {lembar} sel {sel}: nilai '{raw}' tidak dapat dibaca sebagai {expected}.",
        "option": "Lembar {lembar} sel {sel}: pilihan '{value}' tidak dikenal (gunakan {allowed}); "
                  "dipakai bawaan {default}.",
        "toleransi": "Lembar {lembar} sel {sel}: Toleransi Rupiah '{raw}' bukan angka; dipakai bawaan 1.",
        "long_text": "Lembar {lembar} sel {sel}{more}: teks lebih panjang dari 32.767 karakter (batas Excel); "
                     "hanya 32.767 karakter pertamanya yang dibaca.",
        "no_pagu": "{subject} di lembar {sheet} tidak memiliki pagu; dianggap Rp0.",
        "not_finite": "Lembar {lembar} sel {sel}: {what} indikator '{indikator}' dari {numbers} tidak "
                      "menghasilkan angka terhingga, sehingga dikosongkan.",
        "serapan_not_finite": "{where}serapan {subject} dari realisasi {realisasi} dan pagu {pagu} tidak "
                              "menghasilkan angka terhingga, sehingga dikosongkan.",
        "report_not_finite": "Angka {paths} pada laporan tidak terhingga, sehingga dikosongkan.",
    }),
    Code("NAME_MISMATCH", "peringatan", "Nama berbeda", _one(
        "Nama untuk {key} berbeda: di lembar {lembar_dpa} '{dpa_name}', di lembar {sheet} '{name}'.")),
    Code("AMBIGUOUS_COLUMN", "peringatan", "Kolom bermakna ganda", _one(
        "Lembar {lembar}: beberapa kolom dapat dibaca sebagai {title}; yang dipakai kolom {used}, yang tidak "
        "dipakai {others}. Jika keliru, tetapkan kolomnya di lembar Pengaturan Baca.")),
    Code("TARGET_MISMATCH", "peringatan", "Target PK berbeda dengan Renstra", _one(
        "Target PK {indicator} {stated} berbeda dengan target Renstra {year} {renstra}.")),
    Code("POLARITY_CONFLICT", "peringatan", "Arah target berlawanan dengan polaritas", _one(
        "Target {year} {indicator} ditulis '{written}' ({direction}), sedangkan Polaritas-nya {stated}; "
        "yang dipakai Polaritas {stated}.")),
    Code("ZERO_TARGET", "peringatan", "Target nol atau kosong", _one(
        "Target {year} {indicator} {state}; capaiannya tidak dapat dihitung.")),
    Code("MISSING_REALISASI", "peringatan", "Realisasi belum diisi", _one(
        "Realisasi {year} {indicator} belum diisi.")),
    Code("UNIT_MISMATCH", "peringatan", "Satuan tidak konsisten", {
        "indicator": "Satuan {indicator} tidak konsisten: indikator {problem}.",
        "percent_format": "Lembar {lembar} sel {sel}: sel berformat persen padahal {where} berisi jumlah "
                          "Rupiah; dibaca sebagai {amount} (angka yang tersimpan), bukan {shown} % yang tampil.",
    }),
    Code("UNMAPPED_INDICATOR", "peringatan", "Indikator tanpa anggaran", _one(
        "Indikator sasaran '{indikator}' tidak didukung anggaran apa pun di lembar {lembar_pemetaan}; "
        "serapan dan efisiensinya tidak dapat dihitung.")),
    Code("ORPHAN_ROW", "peringatan", "Baris tanpa induk", _one(
        "{subject} di lembar {sheet} tidak memiliki baris {parent} induknya.")),
    Code("EXTERNAL_LINK", "peringatan", "Tautan ke workbook lain", {
        "cell": "Lembar {lembar} sel {sel}: {count} rumus mengambil angka dari workbook lain; yang dibaca adalah "
                "nilai terakhir yang tersimpan di berkas ini, yang mungkin sudah tidak sama dengan berkas "
                "sumbernya.",
        "file": "Berkas {file} memuat tautan ke workbook lain; angka yang dibaca adalah nilai terakhir yang "
                "tersimpan, yang mungkin sudah tidak sama dengan berkas sumbernya.",
    }),
    Code("PEGAWAI_TIDAK_VALID", "peringatan", "Data pegawai tidak valid", {
        "nip": "Lembar {lembar} sel {sel}: NIP {nama} '{nip}' {why}; NIP terdiri dari 18 angka (spasi boleh).",
        "nip_angka": "Lembar {lembar} sel {sel}: NIP {nama} tersimpan sebagai angka ({nip}), sehingga angka "
                     "sesudah digit ke-15 hilang (Excel hanya menyimpan 15 digit); tulis NIP sebagai teks.",
        "pangkat": "Lembar {lembar} sel {sel}: pangkat/golongan {nama} {why}; pegawai ini tidak dihitung per "
                   "pangkat dan golongan di Tabel 1.1.",
        "tanpa_ruang": "Lembar {lembar} sel {sel}: pangkat/golongan {nama} '{pangkat}' tidak menyebut ruang "
                       "(a–e); pegawai ini dihitung di golongan {golongan} tetapi tidak per pangkat di Tabel 1.1 "
                       "(tulis mis. {golongan}/a).",
        "pangkat_beda": "Lembar {lembar} sel {sel}: pangkat/golongan {nama} '{pangkat}' menyebut pangkat "
                        "{nama_pangkat} ({by_name}) dan golongan {golongan}; yang dihitung {golongan}.",
        "pendidikan": "Lembar {lembar} sel {sel}: pendidikan {nama} {why}; pegawai ini tidak dihitung per "
                      "pendidikan di Tabel 1.1.",
        "status": "Lembar {lembar} sel {sel}: status {nama} '{status}' tidak dikenal (gunakan PNS atau PPPK).",
        "status_beda": "Lembar {lembar} sel {sel}: status {nama} tertulis {status}, sedangkan pangkat/golongannya "
                       "'{pangkat}' milik {derived}; yang dihitung {derived}.",
    }),
    Code("UNMAPPED_SUBKEGIATAN", "info", "Sub kegiatan tanpa indikator", _one(
        "Sub kegiatan {label} ({uraian}) dengan pagu {pagu} tidak mendukung indikator mana pun di lembar "
        "Pemetaan.")),
    Code("TABEL_KOSONG", "info", "Tabel tanpa data", {
        DEFAULT: "Tabel {tabel} tidak dicetak karena tidak ada datanya; nomor tabel sesudahnya maju. Isi kolom "
                 "{kolom} di lembar {lembar_kinerja} untuk menampilkannya.",
        "lembar": "Tabel {tabel} tidak dicetak karena lembar {sheet} tidak berisi data; isi kolom {kolom} di lembar "
                  "itu untuk menampilkannya.",
        "pemetaan": "Tabel {tabel} tidak dicetak karena indikator sasarannya tidak didukung program, kegiatan atau "
                    "sub kegiatan mana pun; nomor tabel sesudahnya maju. Isi kolom {kolom} di lembar "
                    "{lembar_pemetaan} untuk menampilkannya.",
        "anggaran": "Tabel {tabel} tidak dicetak karena lembar {lembar_dpa} tidak berisi baris anggaran; nomor tabel "
                    "sesudahnya maju. Isi kolom {kolom} di lembar itu (dan 'Realisasi' di lembar {lembar_realisasi}) "
                    "untuk menampilkannya.",
    }),
    Code("TARGET_NOT_CHALLENGING", "info", "Target kurang menantang", _one(
        "Target Renstra {year} {indicator} ({target}) {direction} dari target {prev_year} ({prev_target}) "
        "padahal polaritasnya {polaritas}.")),
)

# The rekap's own findings (SPEC §11): about the set of files, not one file's figures.
_CODES += (
    Code("TAHUN_BERBEDA", "peringatan", "Tahun berkas berbeda", _one(
        "Berkas {berkas} ({nama}) berisi data tahun {tahun}, sedangkan rekap ini tahun {rekap_tahun} "
        "(tahun sebagian besar berkas); angkanya tetap masuk total.")),
    Code("SKPD_GANDA", "peringatan", "SKPD ganda", _one(
        "Berkas {berkas} dan {other} sama-sama berisi SKPD '{skpd}'; salah satunya mungkin salinan atau versi "
        "lama, dan anggarannya terhitung dua kali dalam total.")),
)

CODES: dict[str, Code] = {c.kode: c for c in _CODES}
TINGKAT: dict[str, Tingkat] = {c.kode: c.tingkat for c in _CODES}
LABEL: dict[str, str] = {c.kode: c.label for c in _CODES}


def finding(kode: str, cell: Cell | None, shape: str = DEFAULT, *, dilaporkan: Any = None, dihitung: Any = None,
            figure: FigureKey | None = None, kind: str | None = None, decimals: int | None = None,
            plain: bool = True, **fields: Any) -> Finding:
    """The finding `kode` at `cell`, its sentence rendered from the registry's template `shape`.

    `figure`/`kind`/`decimals` let the workbook show a live selisih for arithmetic claims; `plain`
    writes whole floats of dilaporkan/dihitung as int in the report.
    """
    code = CODES[kode]
    if cell is not None:
        fields.setdefault("lembar", cell.sheet)
        fields.setdefault("sel", cell.ref)
    wanted = code.fields(shape)
    named = _SHEETS.get()
    for key in wanted & SHEET_ROLES.keys():
        role, shown = SHEET_ROLES[key]
        fields.setdefault(key, named.get(role) or shown)
    missing = wanted - fields.keys()
    extra = fields.keys() - wanted - {"lembar", "sel"} - SHEET_ROLES.keys()
    if missing or extra:
        raise TypeError(f"{code}/{shape}: missing fields {sorted(missing)}, unknown fields {sorted(extra)}")
    pesan = code.pesan[shape].format(**fields)
    if plain:
        dilaporkan, dihitung = _plain(dilaporkan), _plain(dihitung)
    return Finding(kode, code.tingkat_of.get(shape, code.tingkat), cell.sheet if cell else None,
                   cell.ref if cell else None, pesan, dilaporkan, dihitung, figure, kind, decimals)


def _plain(x: Any) -> Any:
    """JSON-friendly: whole floats as int."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x
