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
                info = self._match(book.sheets, role)
                if info is not None:
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

    @staticmethod
    def _match(infos: list[SheetInfo], role: str) -> SheetInfo | None:
        wanted = SHEET_SYNONYMS[role]
        for info in infos:
            # No accepted name is long: a sheet name of megabytes is not worth a pass per role.
            if len(info.name) <= MAX_ROLE_NAME and re.sub(r"[\s_\-]+", "", info.name.lower()) in wanted:
                return info
        return None

    def cell(self, sheet: str, r: int, c: int) -> Cell:
        return Cell(sheet, f"{column_letter(c)}{r}")

    def find(self, role: str) -> Sheet | None:
        info = self._match(self._infos, role)
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
            raise InputError(
                f"Berkas {self.file_name} tidak memiliki lembar {SHEET_LABELS[role]} "
                f"(nama yang diterima: {names}; lembar yang ada: {present})."
            )
        return sheet
