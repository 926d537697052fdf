"""Open the workbook, find sheets by name and header rows by their labels."""
from __future__ import annotations

import os
import re
from pathlib import Path

from lkip_xl.errors import InputError
from lkip_xl.model import Cell
from lkip_xl.reader.pengaturan import read_pengaturan
from lkip_xl.reader.safe import check_input_file, is_lkip_output
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
    # SPEC §12: Bab I and the closing lists
    "pegawai": ("pegawai", "kepegawaian", "daftarpegawai", "duk", "nominatif", "daftarnominatif"),
    "penghargaan": ("penghargaan", "daftarpenghargaan"),
    "inovasi": ("inovasi", "daftarinovasi"),
    "tindak_lanjut": ("tindaklanjutlhe", "tindaklanjut", "rekomendasilhe"),
    "upaya": ("upayaperbaikan", "upaya"),
}
# Sheet-name synonyms as a user writes them (the keys above ignore case, spaces, `_` and `-`).
SHEET_NAMES_SHOWN = {"dpa": "DPA", "dppa": "DPPA", "rka": "RKA", "lra": "LRA", "iku": "IKU",
                     "realisasianggaran": "Realisasi Anggaran", "jenisbelanja": "Jenis Belanja",
                     "pengaturanbaca": "Pengaturan Baca", "carabaca": "Cara Baca",
                     "daftarpegawai": "Daftar Pegawai", "duk": "DUK", "daftarnominatif": "Daftar Nominatif",
                     "daftarpenghargaan": "Daftar Penghargaan", "daftarinovasi": "Daftar Inovasi",
                     "tindaklanjutlhe": "Tindak Lanjut LHE", "tindaklanjut": "Tindak Lanjut",
                     "rekomendasilhe": "Rekomendasi LHE", "upayaperbaikan": "Upaya Perbaikan"}
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
    "pegawai": "Pegawai",
    "penghargaan": "Penghargaan",
    "inovasi": "Inovasi",
    "tindak_lanjut": "Tindak Lanjut LHE",
    "upaya": "Upaya Perbaikan",
}



from lkip_xl.reader.table import (  # noqa: F401 (re-exported: the reader's types, as they were found here)
    ACRONYMS, MEASURES, FieldSpec, Header, Sheet, shown_label,
)


def _sheet_key(name: str) -> str:
    return re.sub(r"[\s_\-]+", "", name.lower())


# A refusal lists the sheets there are: the first few, each cut to a readable length.
MAX_NAMES_SHOWN = 30
MAX_ROLE_NAME = 100
# What an office adds to a sheet's name around its role: the year or period, the month it runs to, the
# kind of budget, a leading word for the form ("Matriks Renstra 2021-2026", "LRA s.d. Desember",
# "DPA Murni 2024", "Realisasi Keuangan TW IV").
_MONTHS = ("januari|februari|maret|april|mei|juni|juli|agustus|september|oktober|november|desember|"
           "jan|feb|mar|apr|jun|jul|agu|agt|sep|okt|nov|des")
_LOOSE_DROP = re.compile(
    r"\b(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?|s\.?\s*/?\s*d\.?|sampai(?:\s+dengan)?|"
    rf"(?:bulan\s+)?(?:{_MONTHS})\b|tahun|ta|tw\s*[ivx1-4]+|triwulan\s*[ivx1-4]+|semester\s*[ivx12]+|"
    r"murni|perubahan|induk|final|revisi|rev\s*\d*|keuangan)\b\.?", re.IGNORECASE)
_LOOSE_LEAD = re.compile(r"^(?:matriks|matrik|tabel|form(?:ulir)?|lap(?:oran)?|lampiran)\.?\s+", re.IGNORECASE)


_RANGE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–/]\s*((?:19|20)?\d\d)(?!\d)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def _year_fits(name: str, year: int | None) -> bool:
    """A sheet name's years hold the report year: `DPA 2024` for 2024, `Renstra 2021-2026` for 2021…2026;
    a name without a year, or an unknown report year, always fits."""
    if year is None:
        return True
    ranges = [(int(a), int(b) if len(b) == 4 else int(a[:2] + b)) for a, b in _RANGE.findall(name)]
    if any(lo <= year <= hi for lo, hi in ranges):
        return True
    years = [int(y) for y in _YEAR.findall(_RANGE.sub(" ", name))]
    return not ranges and not years or year in years


def _loose_key(name: str) -> str:
    """A sheet name without its year, period and leading form word, as the role keys are written."""
    text = _LOOSE_DROP.sub(" ", name.lower())
    text = _LOOSE_LEAD.sub("", " ".join(text.split()))
    return re.sub(r"[\s_\-.,()]+", "", text)


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
                for info in self._candidates(book.sheets, role):  # which year is meant is known later
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
        self._year: int | None = None  # Identitas' Tahun, once read: it chooses between `DPA 2023` and `DPA 2024`

    @staticmethod
    def _candidates(infos: list[SheetInfo], role: str, year: int | None = None) -> list[SheetInfo]:
        """The sheets that may be `role`'s: the first whose name is one of its synonyms; else those whose
        name is a synonym once the year, the period and a leading word such as 'Matriks' are set aside
        (`DPA 2024`, `LRA s.d. Desember`, `Matriks Renstra 2021-2026`) and whose years, if any, hold the
        report year `year` (when known)."""
        wanted = SHEET_SYNONYMS[role]
        # No accepted name is long: a sheet name of megabytes is not worth a pass per role.
        named = [info for info in infos if len(info.name) <= MAX_ROLE_NAME]
        for info in named:
            if re.sub(r"[\s_\-]+", "", info.name.lower()) in wanted:
                return [info]
        return [info for info in named if _loose_key(info.name) in wanted and _year_fits(info.name, year)]

    @classmethod
    def _match(cls, infos: list[SheetInfo], role: str, year: int | None = None) -> SheetInfo | None:
        """The sheet of `role`; two sheets that could both be it (`DPA 2023`, `DPA 2024` with no year to
        choose) are no answer."""
        found = cls._candidates(infos, role, year)
        return found[0] if len(found) == 1 else None

    def cell(self, sheet: str, r: int, c: int) -> Cell:
        return Cell(sheet, f"{column_letter(c)}{r}")

    def find(self, role: str) -> Sheet | None:
        info = self._match(self._infos, role, self._year)
        sheet = self._sheets.get(info.name) if info is not None else None
        if sheet is not None:
            sheet.reading.peran = SHEET_LABELS[role]
            sheet.pengaturan = self.pins().get(_sheet_key(sheet.name))
        return sheet

    def pins(self) -> dict:
        """What the Pengaturan Baca sheet pins, per sheet (SPEC §10.11); read once."""
        if self._pins is None:
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
        self._year = year
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
            loose = [short_name(i.name) for i in self._candidates(self._infos, role, self._year)]
            if len(loose) > 1:  # `DPA 2023` and `DPA 2024`: which one is meant is the user's to say
                raise InputError(
                    f"Berkas {self.file_name} memiliki {len(loose)} lembar yang dapat dibaca sebagai lembar "
                    f"{SHEET_LABELS[role]} ({', '.join(loose)}); ganti nama lembar yang dipakai menjadi "
                    f"{SHEET_LABELS[role]} atau hapus yang lain.")
            raise InputError(
                f"Berkas {self.file_name} tidak memiliki lembar {SHEET_LABELS[role]} "
                f"(nama yang diterima: {names}, boleh dengan tahun atau periode, contohnya '{names.split(', ')[0]} "
                f"2024'; lembar yang ada: {present})."
            )
        return sheet
