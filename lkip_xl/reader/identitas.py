"""Identitas: key | value rows (SKPD, Tahun, options)."""
from __future__ import annotations

import re

from lkip_xl.figures import DEFAULT_EFISIENSI, RUMUS_EFISIENSI, RUMUS_NEGATIF
from lkip_xl.errors import InputError
from lkip_xl.findings import finding
from lkip_xl.model import Finding, Identitas
from lkip_xl.reader.bab1 import parse_tanggal
from lkip_xl.reader.sheets import Sheet, column_letter
from lkip_xl.reader.rows import percent_format_finding
from lkip_xl.reader.values import MONEY, Unreadable, as_text, norm_label, parse_number
from lkip_xl.textfmt import tanggal

KEYS: dict[str, tuple[str, ...]] = {
    "skpd": ("skpd", "nama skpd", "perangkat daerah", "nama perangkat daerah", "opd", "instansi"),
    "pemda": ("pemerintah daerah", "pemda", "kabupaten kota", "pemerintah kabupaten"),
    "tahun": ("tahun", "tahun anggaran", "tahun laporan", "tahun pelaporan"),
    "periode": ("periode renstra", "periode"),
    "kepala": ("kepala skpd", "nama kepala skpd", "kepala", "nama kepala"),
    "nip": ("nip", "nip kepala skpd"),
    "jabatan": ("jabatan",),
    "tempat_tanggal": ("tempat dan tanggal", "tempat tanggal", "tempat"),
    "rumus_polaritas_negatif": ("rumus polaritas negatif",),
    "rumus_efisiensi": ("rumus efisiensi",),
    "skala_kategori": ("skala kategori",),
    "toleransi_rupiah": ("toleransi rupiah", "toleransi"),
    # the LHE whose rekomendasi the Tindak Lanjut LHE sheet follows up (SPEC §12)
    "nomor_lhe": ("nomor lhe", "no lhe", "nomor laporan hasil evaluasi"),
    "tanggal_lhe": ("tanggal lhe", "tgl lhe", "tanggal laporan hasil evaluasi"),
}
_LOOKUP = {syn: key for key, syns in KEYS.items() for syn in syns}


# Words that may stand beside the report year in the Tahun cell (`Tahun Anggaran 2024`, `TA 2024 Murni`)
_YEAR_WORDS = {"tahun", "anggaran", "ta", "t", "a", "thn", "laporan", "kinerja", "murni", "perubahan", "apbd"}


def read_identitas(sheet: Sheet, findings: list[Finding]) -> Identitas:
    found: dict[str, tuple[object, object]] = {}
    keyed: dict[int, tuple[str, int, int | None]] = {}  # row -> (key, its column, value column) for Pembacaan
    for r in range(1, sheet.max_row + 1):
        cols = sheet.row_cols.get(r, [])
        # The key is the first cell that names one (a `No` column may precede it); its value is the
        # next cell to the right, skipping a separator cell (`Tahun | : | 2024`).
        for i, c in enumerate(cols[:-1]):
            key = _LOOKUP.get(norm_label(sheet.raw(r, c)))
            if key is None:
                continue
            rest = [cc for cc in cols[i + 1:] if str(sheet.raw(r, cc)).strip() not in (":", "=")]
            if rest and key not in found:
                found[key] = (sheet.raw(r, rest[0]), sheet.cell(r, rest[0]), sheet.fmt(r, rest[0]))
            keyed[r] = (key, c, rest[0] if rest else None)
            break
    _record_reading(sheet, keyed)
    ident = Identitas(tahun=0)
    ident.cells = {k: v[1] for k, v in found.items()}

    def text(key: str) -> str:
        if key not in found:
            return ""
        t = as_text(found[key][0], found[key][1])
        return t.value if t else ""

    year_text = text("tahun")
    m = re.fullmatch(r"([0-9]{4})(\.0)?", year_text)
    if not m:  # as offices write it: `Tahun Anggaran 2024`, `TA. 2024`, `2024 (Murni)` — one year, nothing else
        words = re.sub(r"[().,:]", " ", year_text.lower()).split()
        years = [w for w in words if re.fullmatch(r"(19|20)[0-9]{2}", w)]
        if len(years) == 1 and all(w in _YEAR_WORDS or w == years[0] for w in words):
            m = re.fullmatch(r"([0-9]{4})()", years[0])
    if not m:
        where = f" (sel {found['tahun'][1].ref} berisi '{year_text}')" if "tahun" in found else ""
        raise InputError(
            f"Lembar {sheet.name} di berkas {sheet.file_name} harus memuat Tahun laporan "
            f"berupa angka empat digit{where}."
        )
    ident.tahun = int(m.group(1))
    ident.skpd = text("skpd")
    ident.pemda = text("pemda")
    ident.kepala = text("kepala")
    ident.nip = text("nip")
    ident.jabatan = text("jabatan")
    ident.tempat_tanggal = text("tempat_tanggal")
    period = re.fullmatch(r"([0-9]{4})\s*[-–/s.d]+\s*([0-9]{4})", text("periode").replace(" ", ""))
    if period and int(period.group(1)) <= int(period.group(2)):
        ident.periode = (int(period.group(1)), int(period.group(2)))

    def option(key: str, choices: dict[str, str], default: str) -> str:
        value = text(key)
        if not value:
            return default
        chosen = choices.get(norm_label(value))
        if chosen is None:
            cell = found[key][1]
            allowed = " atau ".join(sorted(set(choices.values())))
            findings.append(finding("UNREADABLE_VALUE", cell, "option", value=value, allowed=allowed,
                                    default=default, dilaporkan=value))
            return default
        return chosen

    ident.rumus_polaritas_negatif = option(  # type: ignore[assignment]
        "rumus_polaritas_negatif", _spellings(RUMUS_NEGATIF), "(2T-R)/T")
    ident.rumus_efisiensi = option(  # type: ignore[assignment]
        "rumus_efisiensi", _spellings(RUMUS_EFISIENSI), DEFAULT_EFISIENSI)
    ident.skala_kategori = option(  # type: ignore[assignment]
        "skala_kategori", {"berhasil": "Berhasil", "permendagri 86": "Permendagri 86",
                           "permendagri 86 2017": "Permendagri 86"}, "Berhasil")
    ident.nomor_lhe = text("nomor_lhe")
    if "tanggal_lhe" in found:
        ident.tanggal_lhe = _tanggal(found["tanggal_lhe"], findings) or text("tanggal_lhe")
    if "toleransi_rupiah" in found:
        raw, cell, fmt = found["toleransi_rupiah"]
        try:
            tol = parse_number(raw, cell, fmt, MONEY)
        except Unreadable:
            tol = None
            findings.append(finding("UNREADABLE_VALUE", cell, "toleransi", raw=raw, dilaporkan=str(raw)))
        if tol is not None and tol.percent_format:
            findings.append(percent_format_finding(tol, "Toleransi Rupiah"))
        if tol is not None and tol.value >= 0:
            ident.toleransi_rupiah = tol.value
    return ident


def _tanggal(found: tuple, findings: list[Finding]) -> str:
    """A date key's value as the tables print it (`19 Juli 2024`); "" and UNREADABLE_VALUE when it is none."""
    raw, cell, _ = found
    try:
        value = parse_tanggal(raw)
    except Unreadable as err:
        findings.append(finding("UNREADABLE_VALUE", cell, "cell", why=f"'{raw}' tidak dapat dibaca sebagai tanggal "
                                                                    f"({err.reason})", dilaporkan=str(raw)))
        return ""
    return tanggal(value) if value else ""


def _record_reading(sheet: Sheet, keyed: dict[int, tuple[str, int, int | None]]) -> None:
    """Pembacaan of a key | value sheet: the key and value columns, the rows read, and every other
    row that holds something, with why it was not read."""
    reading = sheet.reading
    first_row: dict[str, int] = {}
    key_cols: list[int] = []
    value_cols: list[int] = []
    for r, (key, key_col, value_col) in keyed.items():
        label = " ".join(_shown(sheet.raw(r, key_col)).split())
        if value_col is None:
            reading.skip(r, f"kunci {label} tanpa nilai")
        elif key in first_row:
            reading.skip(r, f"kunci {label} sudah dibaca di baris {first_row[key]}")
        else:
            first_row[key] = r
            reading.data_rows.add(r)
            key_cols.append(key_col)
            value_cols.append(value_col)
    # Keys may sit in more than one column: name the one most of them use (the leftmost on a tie).
    columns = {name: min(set(cols), key=lambda c: (-cols.count(c), c))
               for name, cols in (("Kunci", key_cols), ("Nilai", value_cols)) if cols}
    for name, col in columns.items():
        reading.kolom[name] = column_letter(col)
    first = min(first_row.values(), default=0)
    rest: dict[int, list[str]] = {}
    for r in sorted(sheet.row_cols):
        texts = [t for t in (" ".join(_shown(sheet.raw(r, c)).split()) for c in sheet.row_cols[r]) if t]
        if r not in keyed and texts:
            rest[r] = texts
    # `Kunci | Nilai` above the keys (the nearest such row): the labels of the two columns, not a key.
    header = max((r for r, texts in rest.items() if r < first and len(texts) >= 2), default=None)
    if header is not None:
        reading.baris_header = (header, header)
        rest.pop(header)
        for name, col in columns.items():
            label = sheet.merged_value(header, col)
            reading.label[name] = " ".join(_shown(label).split()) if label is not None else ""
    for r, texts in rest.items():
        if len(texts) == 1 and _LOOKUP.get(norm_label(texts[0])):
            reading.skip(r, f"kunci {texts[0]} tanpa nilai")
        elif len(texts) == 1:
            reading.skip(r, "judul atau catatan, bukan pasangan kunci dan nilai")
        else:
            reading.skip(r, f"kunci '{texts[0][:40]}' tidak dikenal")


def _shown(value: object) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


def _spellings(rules: dict) -> dict[str, str]:
    """Normalised spelling -> rule name, for the rules of a `figures` registry."""
    return {spelling: name for name, rule in rules.items() for spelling in rule.spellings}
