"""Read the input workbook (SPEC §3) into InputData; every value keeps its cell."""
from __future__ import annotations

from lkip_xl.collector import paused
from lkip_xl.model import InputData


def read_input(path: str) -> InputData:
    """Open `path` safely and parse every sheet; InputError (exit 3) when it cannot be read."""
    with paused():
        return _read_input(path)


def _read_input(path: str) -> InputData:
    from lkip_xl.reader.bab1 import read_inovasi, read_pegawai, read_penghargaan, read_tindak_lanjut
    from lkip_xl.reader.budget import read_belanja, read_budget
    from lkip_xl.reader.identitas import read_identitas
    from lkip_xl.reader.kinerja import read_kinerja, read_komponen
    from lkip_xl.reader.links import read_dilaporkan, read_pemetaan, read_skala
    from lkip_xl.reader.sheets import Workbook
    from lkip_xl.reader.upaya import read_upaya

    wb = Workbook(path)
    findings: list = file_findings(wb)
    identitas_sheet = wb.require("identitas")
    identitas = read_identitas(identitas_sheet, findings)
    wb.set_report_year(identitas.tahun)  # it chooses between `DPA 2023` and `DPA 2024`
    kinerja_sheet = wb.require("kinerja")
    dpa_sheet = wb.require("dpa")
    realisasi_sheet = wb.require("realisasi")
    indicators = read_kinerja(kinerja_sheet, identitas.tahun, findings)
    _within_report_size(indicators, kinerja_sheet)
    # The two largest sheets: once read, their cells are let go (bounded memory on a kabupaten's rincian).
    dpa = read_budget(dpa_sheet, "dpa", findings, release=True)
    dpa_sheet.release()
    realisasi = read_budget(realisasi_sheet, "realisasi", findings, release=True)
    realisasi_sheet.release()
    data = InputData(path=path, identitas=identitas, indicators=indicators, dpa=dpa, realisasi=realisasi)
    data.sheet_names = {"identitas": identitas_sheet.name, "kinerja": kinerja_sheet.name,
                        "dpa": dpa_sheet.name, "realisasi": realisasi_sheet.name}
    optional = {
        "komponen": lambda s: setattr(data, "komponen", read_komponen(s, findings)),
        "pemetaan": lambda s: setattr(data, "pemetaan", read_pemetaan(s, findings)),
        "belanja": lambda s: setattr(data, "belanja", read_belanja(s, findings)),
        "dilaporkan": lambda s: setattr(data, "dilaporkan", read_dilaporkan(s, findings)),
        "skala": lambda s: setattr(data, "skala", read_skala(s, findings) or None),
        "pegawai": lambda s: setattr(data, "pegawai", read_pegawai(s, findings)),
        "penghargaan": lambda s: setattr(data, "penghargaan", read_penghargaan(s, findings)),
        "inovasi": lambda s: setattr(data, "inovasi", read_inovasi(s, findings)),
        "tindak_lanjut": lambda s: setattr(data, "tindak_lanjut", read_tindak_lanjut(s, findings)),
        "upaya": lambda s: setattr(data, "upaya", read_upaya(s, findings)),
    }
    for role, parse in optional.items():
        sheet = wb.find(role)
        if sheet is not None:
            data.sheet_names[role] = sheet.name
            parse(sheet)
    findings.extend(f for sheet in wb.sheets_read() for f in sheet.header_findings)
    data.findings = findings
    # Pembacaan lists the sheets as the user sees their tabs, not in the order they were parsed.
    tabs = {info.name: i for i, info in enumerate(wb._infos)}
    data.pembacaan = sorted((sheet.reading for sheet in wb.sheets_read()), key=lambda s: tabs.get(s.lembar, len(tabs)))
    return data


def file_findings(wb) -> list:
    """What the file itself says about its numbers: formulas never calculated (exit 3: every figure
    would be a silent zero), links to other workbooks, texts longer than Excel allows."""
    from lkip_xl.errors import InputError
    from lkip_xl.findings import finding
    from lkip_xl.reader.sheets import column_letter

    out = []
    for grid in wb.grids:
        if grid.uncached_formulas:
            r, c = grid.uncached_formulas[0]
            raise InputError(
                f"Lembar {grid.name} di berkas {wb.file_name} berisi {len(grid.uncached_formulas)} rumus tanpa "
                f"nilai tersimpan (pertama di sel {column_letter(c)}{r}), sehingga angkanya tidak dapat dibaca; "
                "buka berkas itu di Excel atau LibreOffice, simpan, lalu jalankan lagi.")
        if grid.external_refs:
            r, c = grid.external_refs[0]
            out.append(finding("EXTERNAL_LINK", wb.cell(grid.name, r, c), "cell", count=len(grid.external_refs)))
        if grid.long_texts:
            r, c = grid.long_texts[0]
            more = f" (dan {len(grid.long_texts) - 1} sel lain)" if len(grid.long_texts) > 1 else ""
            out.append(finding("UNREADABLE_VALUE", wb.cell(grid.name, r, c), "long_text", more=more))
    if wb.has_external_links and not any(f.kode == "EXTERNAL_LINK" for f in out):
        out.append(finding("EXTERNAL_LINK", None, "file", file=wb.file_name))
    return out


# The workbook gets tables per sasaran: beyond these an LKIP is no longer a report, and `fill`
# would leave the 30 s budget (400 sasaran take ~4 s; the cost grows faster than linearly).
MAX_SASARAN = 300
MAX_INDICATORS = 2000


def _within_report_size(indicators, sheet) -> None:
    from lkip_xl.errors import InputError

    sasaran = {ind.sasaran.value for ind in indicators if ind.sasaran is not None}
    if len(indicators) > MAX_INDICATORS or len(sasaran) > MAX_SASARAN:
        raise InputError(
            f"Lembar {sheet.name} di berkas {sheet.file_name} berisi {len(indicators)} indikator dan "
            f"{len(sasaran)} sasaran; satu LKIP dibuat untuk paling banyak {MAX_INDICATORS} indikator dan "
            f"{MAX_SASARAN} sasaran, jadi periksa apakah baris header dan akhir tabel sudah benar.")
