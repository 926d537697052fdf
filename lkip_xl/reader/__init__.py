"""Read the input workbook (SPEC §3) into InputData; every value keeps its cell."""
from __future__ import annotations

from lkip_xl.model import InputData


def read_input(path: str) -> InputData:
    """Open `path` safely and parse every sheet; InputError (exit 3) when it cannot be read."""
    from lkip_xl.reader.budget import read_belanja, read_budget
    from lkip_xl.reader.identitas import read_identitas
    from lkip_xl.reader.kinerja import read_kinerja, read_komponen
    from lkip_xl.reader.links import read_dilaporkan, read_pemetaan, read_skala
    from lkip_xl.reader.sheets import Workbook

    wb = Workbook(path)
    findings: list = []
    identitas_sheet = wb.require("identitas")
    kinerja_sheet = wb.require("kinerja")
    dpa_sheet = wb.require("dpa")
    realisasi_sheet = wb.require("realisasi")
    identitas = read_identitas(identitas_sheet, findings)
    data = InputData(
        path=path,
        identitas=identitas,
        indicators=read_kinerja(kinerja_sheet, identitas.tahun, findings),
        dpa=read_budget(dpa_sheet, "dpa", findings),
        realisasi=read_budget(realisasi_sheet, "realisasi", findings),
    )
    data.sheet_names = {"identitas": identitas_sheet.name, "kinerja": kinerja_sheet.name,
                        "dpa": dpa_sheet.name, "realisasi": realisasi_sheet.name}
    optional = {
        "komponen": lambda s: setattr(data, "komponen", read_komponen(s, findings)),
        "pemetaan": lambda s: setattr(data, "pemetaan", read_pemetaan(s, findings)),
        "belanja": lambda s: setattr(data, "belanja", read_belanja(s, findings)),
        "dilaporkan": lambda s: setattr(data, "dilaporkan", read_dilaporkan(s, findings)),
        "skala": lambda s: setattr(data, "skala", read_skala(s, findings) or None),
    }
    for role, parse in optional.items():
        sheet = wb.find(role)
        if sheet is not None:
            data.sheet_names[role] = sheet.name
            parse(sheet)
    data.findings = findings
    return data
