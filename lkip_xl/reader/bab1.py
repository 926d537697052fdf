"""Bab I and the closing lists (SPEC §12): Pegawai, Penghargaan, Inovasi and Tindak Lanjut LHE.

Offices keep these as they keep their DUK and their Word tables: a pangkat by its name alone
(`Penata Muda Tk.I`) or with its golongan (`Pembina (IV/a)`, `Penata Muda / III a`), a PPPK as
`PPPK Golongan VII`, pendidikan as `D-III`, `Strata 1` or `SMU`, Nama and NIP in one cell, a table
pasted from a PDF whose long rows run on over the next line. What Tabel 1.1 counts is read here into
the few labels it counts (`III/a`, `S1`, PPPK); what the report prints stays as written.
"""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal
from typing import NamedTuple

from lkip_xl.findings import finding
from lkip_xl.model import (
    GOLONGAN, KOMPONEN_LHE, PANGKAT, PENDIDIKAN, PNS, PPPK, Finding, InovasiRow, PegawaiRow, PenghargaanRow,
    Tanggal, TindakLanjutRow, Txt,
)
from lkip_xl.reader.rows import TableReader, locate
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.tablerows import data_rows
from lkip_xl.reader.values import Unreadable, as_text, new_txt, norm_label
from lkip_xl.textfmt import shown

NOMOR = FieldSpec("nomor", ("no", "nomor", "no urut"), label="No")

PEGAWAI_FIELDS = [
    NOMOR,
    # A DUK writes `Nama` and the NIP under it in one cell: `Nama dan NIP` is the name's column.
    FieldSpec("nama", ("nama", "nama pegawai", "nama lengkap", "nama dan nip", "nama nip"),
              required=True),
    FieldSpec("nip", ("nip", "nip baru", "nomor induk pegawai", "nip nipppk"), label="NIP"),
    FieldSpec("pangkat", ("pangkat golongan", "pangkat gol", "pangkat gol ruang", "pangkat golongan ruang",
                          "pangkat"), label="Pangkat/Golongan"),
    FieldSpec("golongan", ("golongan", "gol", "gol ruang", "golongan ruang")),
    FieldSpec("jabatan", ("jabatan", "nama jabatan")),
    FieldSpec("pendidikan", ("pendidikan", "pendidikan terakhir", "tingkat pendidikan", "jenjang pendidikan",
                             "kualifikasi pendidikan")),
    FieldSpec("status", ("status", "status kepegawaian", "status pegawai", "jenis pegawai")),
]

PENGHARGAAN_FIELDS = [
    NOMOR,
    FieldSpec("tanggal", ("tanggal", "tgl", "waktu", "tanggal penghargaan")),
    FieldSpec("tempat", ("tempat", "lokasi", "tempat penyerahan")),
    FieldSpec("penghargaan", ("penghargaan", "nama penghargaan", "jenis penghargaan", "prestasi"), required=True),
    FieldSpec("pemberi", ("pemberi", "keterangan", "pemberi penghargaan", "diberikan oleh", "instansi pemberi")),
]

INOVASI_FIELDS = [
    NOMOR,
    FieldSpec("nama", ("nama", "nama inovasi", "inovasi", "judul inovasi"), required=True),
    FieldSpec("uraian", ("uraian", "keterangan", "deskripsi", "penjelasan", "uraian singkat")),
]

TINDAK_LANJUT_FIELDS = [
    NOMOR,
    FieldSpec("komponen", ("komponen", "komponen evaluasi", "aspek", "komponen sakip")),
    FieldSpec("rekomendasi", ("rekomendasi", "rekomendasi lhe", "uraian rekomendasi", "saran"), required=True),
    FieldSpec("rencana", ("rencana tindak lanjut", "tindak lanjut", "rencana aksi", "tindak lanjut rekomendasi"),
              label="Rencana Tindak Lanjut"),
    FieldSpec("status", ("status", "status tindak lanjut", "keterangan")),
]

NO_NAME = "baris tanpa nama"


# ------------------------------------------------------------------ Pegawai


def read_pegawai(sheet: Sheet, findings: list[Finding]) -> list[PegawaiRow]:
    header = locate(sheet, PEGAWAI_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[PegawaiRow] = []
    for r in data_rows(sheet, header):
        nama = t.txt(r, "nama")
        if nama is None:
            sheet.reading.skip(r, NO_NAME)
            continue
        nip = t.txt(r, "nip")
        raw_nip = t.raw(r, "nip")
        numeric_nip = type(raw_nip) in (int, float)
        if nip is not None and numeric_nip:  # as the spreadsheet holds it: 15 significant digits
            nip = new_txt(str(int(Decimal(f"{raw_nip:.15g}"))), nip.cell)
        if nip is None:
            nama, nip = split_nip(nama)
        row = PegawaiRow(r, nama, nip, jabatan=t.txt(r, "jabatan"), pendidikan_tertulis=t.txt(r, "pendidikan"))
        who = nama.value
        if nip is not None:
            if numeric_nip and len(nip.value) > 15:
                findings.append(finding("PEGAWAI_TIDAK_VALID", nip.cell, "nip_angka", nama=who, nip=nip.value))
            else:
                why = nip_problem(nip.value)
                if why:
                    findings.append(finding("PEGAWAI_TIDAK_VALID", nip.cell, "nip", nama=who, nip=shown(nip.value),
                                            why=why, dilaporkan=nip.value))
        _pangkat(t, r, row, findings)
        if t.has("pendidikan"):
            written = row.pendidikan_tertulis
            row.pendidikan = pendidikan_of(written.value) if written else None
            if row.pendidikan is None:
                why = f"'{shown(written.value)}' tidak dikenal (gunakan SD, SLTP, SLTA, D1–D4 atau S1–S3)" \
                    if written else "belum diisi"
                findings.append(finding("PEGAWAI_TIDAK_VALID", t.cell(r, "pendidikan"), "pendidikan", nama=who,
                                        why=why, dilaporkan=written.value if written else None))
        out.append(row)
    return out


def _pangkat(t: TableReader, r: int, row: PegawaiRow, findings: list[Finding]) -> None:
    """The pangkat/golongan (one column, or a Pangkat and a Golongan column) and the status."""
    parts = [x for x in (t.txt(r, "pangkat"), t.txt(r, "golongan")) if x is not None]
    status = t.txt(r, "status")
    stated = status_of(status.value) if status else None
    who = row.nama.value
    if status is not None and stated is None:
        findings.append(finding("PEGAWAI_TIDAK_VALID", status.cell, "status", nama=who, status=shown(status.value),
                                dilaporkan=status.value))
    if not parts:
        row.status = stated
        if t.has("pangkat") or t.has("golongan"):
            cell = t.cell(r, "pangkat") or t.cell(r, "golongan")
            findings.append(finding("PEGAWAI_TIDAK_VALID", cell, "pangkat", nama=who, why="belum diisi"))
        return
    text = " ".join(p.value for p in parts)
    row.pangkat = parts[0] if len(parts) == 1 else new_txt(text, parts[0].cell)
    cell = parts[0].cell
    read = parse_pangkat(text, stated)
    row.golongan, row.status = read.golongan, read.status or stated
    if read.status and stated and read.status != stated:
        findings.append(finding("PEGAWAI_TIDAK_VALID", status.cell if status else cell, "status_beda", nama=who,
                                status=stated, pangkat=shown(text), derived=read.status, dilaporkan=stated,
                                dihitung=read.status))
    if read.problem:
        findings.append(finding("PEGAWAI_TIDAK_VALID", cell, "pangkat", nama=who,
                                why=f"'{shown(text)}' {read.problem}", dilaporkan=text))
    elif read.tanpa_ruang:
        findings.append(finding("PEGAWAI_TIDAK_VALID", cell, "tanpa_ruang", nama=who, pangkat=shown(text),
                                golongan=read.golongan, dilaporkan=text))
    elif read.by_name and read.by_name != read.golongan:
        findings.append(finding("PEGAWAI_TIDAK_VALID", cell, "pangkat_beda", nama=who, pangkat=shown(text),
                                nama_pangkat=read.name, by_name=read.by_name, golongan=read.golongan,
                                dilaporkan=read.by_name, dihitung=read.golongan))


_NIP_AT_END = re.compile(r"^(?P<nama>.*?\S)[\s,;]*(?:\bNIP\b\.?\s*:?\s*)?(?P<nip>[0-9][0-9 .]*[0-9])\s*$", re.S | re.I)
MIN_NIP_DIGITS = 8  # a run of digits at least this long after a name is its NIP (a malformed one too)


def split_nip(nama: Txt) -> tuple[Txt, Txt | None]:
    """`Nama, S.E. 19800127 200604 1 016` (the NIP under the name in one DUK cell) -> the name and the NIP,
    both at the cell; the name alone when it ends in no NIP."""
    m = _NIP_AT_END.match(nama.value)
    if m is None or sum(ch.isdigit() for ch in m.group("nip")) < MIN_NIP_DIGITS:
        return nama, None
    return new_txt(m.group("nama").rstrip(" ,;"), nama.cell), new_txt(m.group("nip").strip(), nama.cell)


def nip_problem(nip: str) -> str | None:
    """Why a NIP is none (18 digits; spaces and a `NIP.` in front allowed), or None."""
    body = re.sub(r"^\s*nip\b\.?\s*:?", "", nip, flags=re.I)
    digits = re.sub(r"[\s\xa0]", "", body)
    if not digits.isascii() or not digits.isdigit():
        return "memuat huruf atau tanda selain angka"
    if len(digits) != 18:
        return f"terdiri dari {len(digits)} angka"
    return None


# Pangkat by name (BKN), as norm_label writes them with `Tingkat I` as `tk i`.
PANGKAT_NAMES = {
    "juru muda": "I/a", "juru muda tk i": "I/b", "juru": "I/c", "juru tk i": "I/d",
    "pengatur muda": "II/a", "pengatur muda tk i": "II/b", "pengatur": "II/c", "pengatur tk i": "II/d",
    "penata muda": "III/a", "penata muda tk i": "III/b", "penata": "III/c", "penata tk i": "III/d",
    "pembina": "IV/a", "pembina tk i": "IV/b", "pembina utama muda": "IV/c", "pembina utama madya": "IV/d",
    "pembina utama": "IV/e",
}
_NAME_SHOWN = {code: " ".join(w.capitalize() if w != "tk" else "Tk." for w in name.split()).replace("Tk. I", "Tk.I")
               for name, code in PANGKAT_NAMES.items()}


def pangkat_shown(code: str) -> str:
    """The name of the pangkat of golongan/ruang `code` as a DUK writes it: III/b -> Penata Muda Tk.I."""
    return _NAME_SHOWN[code]


_RUANG = re.compile(r"(?<![A-Za-z])(IV|III|II|I)\s*[/.\-]?\s*([a-e])(?![A-Za-z])", re.I)
_ROMAN = ("XVII", "XVI", "XV", "XIV", "XIII", "XII", "XI", "X", "IX", "VIII", "VII", "VI", "V", "IV", "III", "II", "I")
_PPPK_GOLONGAN = re.compile(r"(?<![A-Za-z])(" + "|".join(_ROMAN) + r"|1[0-7]|[1-9])(?![A-Za-z0-9])", re.I)
_PPPK = re.compile(r"\b(?:pppk|p3k)\b|perjanjian kerja", re.I)
_ARABIC = {str(i): roman for i, roman in enumerate(reversed(_ROMAN), start=1)}


class Pangkat(NamedTuple):
    """A pangkat/golongan as read: the golongan counted (`III/a`, a PPPK's `VII`), the status it tells,
    the golongan its name alone gives (and that name as shown), and why it cannot be counted."""

    golongan: str | None = None
    status: str | None = None
    by_name: str | None = None
    name: str | None = None
    problem: str | None = None
    tanpa_ruang: bool = False  # a PNS golongan written without its ruang (`III`, `Golongan IV`): counted
    # in its golongan, in no pangkat


def parse_pangkat(text: str, status: str | None = None) -> Pangkat:
    """`Pembina (IV/a)`, `IV/a`, `Penata Muda III/a`, `Penata Muda / III a`, `Penata Tk.I`, `PPPK Golongan VII`;
    a bare golongan (`VII`, `IX`) is a PPPK's when the status says PPPK."""
    if _PPPK.search(text):
        return Pangkat(_pppk_golongan(_PPPK.sub(" ", text)), PPPK)
    m = _RUANG.search(text)
    code = f"{m.group(1).upper()}/{m.group(2).lower()}" if m else None
    rest = text[:m.start()] + " " + text[m.end():] if m else text
    key = _name_key(rest)
    by_name = PANGKAT_NAMES.get(key)
    if code is not None:
        return Pangkat(code, PNS, by_name, _NAME_SHOWN.get(by_name or ""))
    if by_name is not None:
        return Pangkat(by_name, PNS)
    if status == PPPK:
        golongan = _pppk_golongan(text)
        if golongan is not None:
            return Pangkat(golongan, PPPK)
    bare = key.upper()
    if bare in GOLONGAN:
        return Pangkat(bare, PNS, tanpa_ruang=True)
    words = key.split()
    if len(words) > 1 and words[-1].upper() in GOLONGAN:  # `Penata (III)`: the name gives the ruang
        named = PANGKAT_NAMES.get(" ".join(words[:-1]))
        if named is not None and named.split("/")[0] == words[-1].upper():
            return Pangkat(named, PNS)
    return Pangkat(problem="tidak dikenal (tulis mis. Penata Muda (III/a), III/a atau PPPK Golongan VII)")


def _pppk_golongan(text: str) -> str | None:
    key = " ".join(w for w in norm_label(text).split() if w not in ("golongan", "gol"))
    m = _PPPK_GOLONGAN.fullmatch(key.strip()) or _PPPK_GOLONGAN.search(key)
    if m is None:
        return None
    found = m.group(1).upper()
    return _ARABIC.get(found, found)


def _name_key(text: str) -> str:
    """A pangkat's name as PANGKAT_NAMES keys it: `Penata Tingkat 1`, `Penata Tk.I`, `PENATA TK. I` -> `penata tk i`."""
    key = norm_label(text)
    key = re.sub(r"\b(?:tingkat|tkt)\b", "tk", key)
    key = re.sub(r"\btk\s*(?:i|1)\b", "tk i", key)
    return " ".join(w for w in key.split() if w not in ("pangkat", "golongan", "gol", "ruang"))


def status_of(text: str) -> str | None:
    key = norm_label(text)
    if key in ("pns", "cpns", "pegawai negeri sipil", "asn pns", "calon pegawai negeri sipil"):
        return PNS
    if _PPPK.search(key) or key in ("asn pppk",):
        return PPPK
    return None


# Pendidikan: whole values first, then the level a longer value starts with (`S-1 Ekonomi`, `SMA Negeri 1`).
_PENDIDIKAN_WHOLE = {
    "sd": "SD", "mi": "SD", "sd mi": "SD", "sekolah dasar": "SD", "paket a": "SD",
    "sltp": "SLTP", "smp": "SLTP", "mts": "SLTP", "sekolah menengah pertama": "SLTP", "paket b": "SLTP",
    "slta": "SLTA", "sma": "SLTA", "smk": "SLTA", "smu": "SLTA", "stm": "SLTA", "smea": "SLTA", "spg": "SLTA",
    "ma": "SLTA", "man": "SLTA", "sekolah menengah atas": "SLTA", "sekolah menengah kejuruan": "SLTA",
    "paket c": "SLTA",
    "ahli madya": "D3", "sarjana muda": "D3", "sarjana terapan": "D4", "sarjana": "S1", "magister": "S2",
    "master": "S2", "pascasarjana": "S2", "doktor": "S3", "doktoral": "S3",
}
_LEVEL_WORDS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "satu": 1, "dua": 2, "tiga": 3, "empat": 4}
_DIPLOMA = re.compile(r"^(?:d|diploma)\s?(iv|iii|ii|i|[1-4]|satu|dua|tiga|empat)\b")
_STRATA = re.compile(r"^(?:s|strata)\s?(iii|ii|i|[1-3]|satu|dua|tiga)\b")
_SCHOOL = re.compile(r"^(sd|sltp|smp|mts|slta|sma|smk|smu|stm|smea|sarjana muda|sarjana terapan|sarjana|"
                     r"magister|doktor|ahli madya|paket [abc])\b")


def pendidikan_of(text: str) -> str | None:
    """`S-1`, `Strata 1`, `S1 Ilmu Pemerintahan` -> S1; `D-III`, `D III`, `Diploma III` -> D3; `SMU`, `STM`,
    `SMA/SMK` -> SLTA; None when it is none of SD, SLTP, SLTA, D1–D4, S1–S3."""
    key = norm_label(text)
    found = _PENDIDIKAN_WHOLE.get(key)
    if found:
        return found
    for pattern, letter in ((_DIPLOMA, "D"), (_STRATA, "S")):
        m = pattern.match(key)
        if m:
            level = m.group(1)
            return f"{letter}{_LEVEL_WORDS.get(level, level)}"
    m = _SCHOOL.match(key)
    return _PENDIDIKAN_WHOLE.get(m.group(1)) if m else None


def pegawai_subjek(text: str) -> str | None:
    """The count of Tabel 1.1 that a Dilaporkan `Subjek` names (FigureKey.pegawai): `Total`, a pendidikan
    (`S1`), a pangkat (`III/a`, `Penata Muda`), a golongan (`III`, `Golongan IV`) or PPPK (`VII (PPPK)`)."""
    key = norm_label(text)
    if key in ("total", "jumlah", "jumlah pegawai", "total pegawai", "jumlah seluruh", "semua", "jlh", "jlh org"):
        return "total"
    if _PPPK.search(text):
        return f"golongan:{PPPK}"
    education = pendidikan_of(text)
    if education in PENDIDIKAN:
        return f"pendidikan:{education}"
    read = parse_pangkat(text)
    if read.golongan in PANGKAT:
        return f"pangkat:{read.golongan}"
    bare = _name_key(text).upper()
    return f"golongan:{bare}" if bare in GOLONGAN else None


# ------------------------------------------------------------------ dates


_MONTHS = {"januari": 1, "jan": 1, "january": 1, "februari": 2, "pebruari": 2, "feb": 2, "peb": 2, "february": 2,
           "maret": 3, "mar": 3, "march": 3, "april": 4, "apr": 4, "mei": 5, "may": 5, "juni": 6, "jun": 6,
           "june": 6, "juli": 7, "jul": 7, "july": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8, "aug": 8,
           "august": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "oct": 10, "october": 10,
           "november": 11, "nopember": 11, "nov": 11, "nop": 11, "desember": 12, "des": 12, "dec": 12,
           "december": 12}
_DAY_NAME = re.compile(r"^(?:senin|selasa|rabu|kamis|jum'?at|sabtu|minggu|ahad)\s*,?\s*", re.I)
_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})[\s\-/.]+([A-Za-z]+)\.?[\s\-/.,]+(\d{4})$")
_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?[\s\-/.,]+(\d{4})$")
_NUMERIC = re.compile(r"^(\d{1,2})[\-/.](\d{1,2})[\-/.](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
FIRST_YEAR, LAST_YEAR = 1900, 2199


def parse_tanggal(raw: object) -> Tanggal | None:
    """A date as offices write it: an Excel date, `30 Mei 2024`, `Kamis, 30 Mei 2024`, `30-05-2024`,
    `30/05/2024`, `2024-05-30`, or a month (`Desember 2024`); None when empty, Unreadable otherwise."""
    if raw is None or isinstance(raw, str) and not raw.strip():
        return None
    if isinstance(raw, (_dt.datetime, _dt.date)):
        return _checked(raw.year, raw.month, raw.day)
    if not isinstance(raw, str):
        raise Unreadable(raw, "angka, bukan tanggal; tulis mis. 30 Mei 2024 atau format selnya sebagai tanggal")
    text = _DAY_NAME.sub("", " ".join(raw.replace("\xa0", " ").split()))
    m = _DAY_MONTH_YEAR.match(text)
    if m and m.group(2).lower() in _MONTHS:
        return _checked(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_YEAR.match(text)
    if m and m.group(1).lower() in _MONTHS:
        return _checked(int(m.group(2)), _MONTHS[m.group(1).lower()], None)
    m = _NUMERIC.match(text)
    if m:
        return _checked(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = _ISO.match(text)
    if m:
        return _checked(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    raise Unreadable(raw, "tulis mis. 30 Mei 2024, 30-05-2024 atau Desember 2024")


def _checked(year: int, month: int, day: int | None) -> Tanggal:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Unreadable(year, f"tahun {year} di luar {FIRST_YEAR}–{LAST_YEAR}")
    try:
        _dt.date(year, month, day or 1)
    except ValueError:
        raise Unreadable(year, "tanggal itu tidak ada di kalender") from None
    return Tanggal(year, month, day)


# ------------------------------------------------------------------ the closing lists


def read_penghargaan(sheet: Sheet, findings: list[Finding]) -> list[PenghargaanRow]:
    header = locate(sheet, PENGHARGAAN_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[PenghargaanRow] = []
    for r in data_rows(sheet, header):
        if out and _runs_on(t, r, out[-1].row, ("tanggal",)):
            _join(out[-1], t, r, ("tempat", "penghargaan", "pemberi"))
            continue
        penghargaan = t.txt(r, "penghargaan")
        if penghargaan is None:
            sheet.reading.skip(r, "baris tanpa penghargaan")
            continue
        row = PenghargaanRow(r, penghargaan, tempat=t.txt(r, "tempat"), pemberi=t.txt(r, "pemberi"))
        cell, col = t.cell(r, "tanggal"), t.col("tanggal")
        if cell is not None and col is not None:
            raw = t.raw(r, "tanggal")
            try:
                row.tanggal = parse_tanggal(raw)
            except Unreadable as err:
                row.tanggal_tertulis = as_text(raw, cell)
                t.unreadable(cell, raw, f"kolom '{t.header.labels.get(col, 'Tanggal')}' berisi '{shown(raw)}' yang "
                                        f"tidak dapat dibaca sebagai tanggal ({err.reason})")
        out.append(row)
    return out


def read_inovasi(sheet: Sheet, findings: list[Finding]) -> list[InovasiRow]:
    header = locate(sheet, INOVASI_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[InovasiRow] = []
    for r in data_rows(sheet, header):
        nama = t.txt(r, "nama")
        if nama is None:
            sheet.reading.skip(r, "baris tanpa nama inovasi")
            continue
        out.append(InovasiRow(r, nama, t.txt(r, "uraian")))
    return out


def read_tindak_lanjut(sheet: Sheet, findings: list[Finding]) -> list[TindakLanjutRow]:
    """Rekomendasi of the LHE with their komponen: from a Komponen column (filled down), or from the
    komponen's own row above its rekomendasi, as the LKIP's table prints it."""
    header = locate(sheet, TINDAK_LANJUT_FIELDS)
    t = TableReader(sheet, header, findings)
    out: list[TindakLanjutRow] = []
    komponen = ""
    for r in data_rows(sheet, header):
        heading = _komponen_heading(sheet, r)
        if heading is not None:
            komponen = heading
            continue
        if out and _runs_on(t, r, out[-1].row, ("komponen",)):
            _join(out[-1], t, r, ("rekomendasi", "rencana", "status"))
            continue
        stated = t.txt(r, "komponen")
        if stated is not None:
            komponen = komponen_of(stated.value) or stated.value
        rekomendasi = t.txt(r, "rekomendasi")
        if rekomendasi is None:
            sheet.reading.skip(r, "baris tanpa rekomendasi")
            continue
        out.append(TindakLanjutRow(r, rekomendasi, komponen, t.txt(r, "rencana"), t.txt(r, "status")))
    return out


_ENUMERATOR = re.compile(r"^\s*(?:[A-Za-z]|[0-9]+|[IVX]+)[.)]\s+")


def komponen_of(text: str) -> str | None:
    """`Perencanaan Kinerja`, `A. Perencanaan`, `Evaluasi Akuntabilitas Kinerja Internal` -> a KOMPONEN_LHE."""
    key = norm_label(_ENUMERATOR.sub("", text))
    for name in KOMPONEN_LHE:
        first = name.split()[0].lower()
        if key == first or key.startswith(norm_label(name)) or key == f"{first} kinerja" or \
                (first == "evaluasi" and key in ("evaluasi internal", "evaluasi akuntabilitas kinerja internal")):
            return name
    return None


def _komponen_heading(sheet: Sheet, r: int) -> str | None:
    """A row holding only a komponen's name (`Perencanaan Kinerja`, merged across or in the No column)."""
    texts = [v for c in sheet.row_cols.get(r, ()) if isinstance(v := sheet.raw(r, c), str) and v.strip()]
    if len(texts) != 1 or len(sheet.row_cols.get(r, ())) != 1:
        return None
    return komponen_of(texts[0])


def _runs_on(t: TableReader, r: int, above: int, keys: tuple[str, ...]) -> bool:
    """A row of a table pasted from a PDF that runs on from the row `above` (a page broke it): the table
    numbers its rows and numbered that one, this one has no number and none of the `keys` that start a
    new row."""
    if not t.has("nomor") or t.raw(r, "nomor") not in (None, "") or t.raw(above, "nomor") in (None, ""):
        return False
    return all(t.raw(r, k) in (None, "") for k in keys)


def _join(row: object, t: TableReader, r: int, names: tuple[str, ...]) -> None:
    """The texts of a run-on row appended to the fields of the row it continues."""
    for name in names:
        more = t.txt(r, name)
        if more is None:
            continue
        before = getattr(row, name)
        setattr(row, name, more if before is None else new_txt(f"{before.value} {more.value}", before.cell))
    t.sheet.reading.skip(r, "lanjutan baris di atasnya (tabel terpotong halaman)")
