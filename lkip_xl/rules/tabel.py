"""Which report tables the input leaves empty (SPEC §12): such a table is left out, the numbers after it
close up, and a TABEL_KOSONG finding names the input column that would fill it."""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl.model import Result

# the IKU table's columns after the indicator: the Kinerja sheet's columns, as SPEC §3.2 names them
IKU_COLUMNS = {"makna": "Makna", "alasan": "Alasan Pemilihan", "formulasi": "Formulasi",
               "sumber_referensi": "Sumber/Referensi", "penanggung_jawab": "Penanggung Jawab",
               "sumber_data": "Sumber Data"}


@dataclass(frozen=True)
class TabelKosong:
    """A table left out: its role in the plan, its name, and the input that would fill it."""

    role: str
    tabel: str
    kolom: str
    lembar: str = ""  # an optional sheet that is there but holds no row (SPEC §12): its role


def tabel_kosong(result: Result) -> list[TabelKosong]:
    """The tables of the report the input gives nothing to show, in report order."""
    out: list[TabelKosong] = []
    indicators = result.indicators
    if not any(ind.row.iku for ind in indicators if ind.level == "sasaran"):
        out.append(TabelKosong("iku", "Indikator Kinerja Utama",
                               ", ".join(f"'{name}'" for name in IKU_COLUMNS.values())))
    if not any(ind.level == "tujuan" for ind in indicators):
        out.append(TabelKosong("tujuan", "Capaian Tujuan", "'Level' (Tujuan, pada baris indikator tujuan)"))
    data = result.data
    for rows, kosong in ((data.pegawai, TabelKosong("pegawai", "Jumlah Pegawai dan Daftar Nominatif Pegawai",
                                                    "'Nama'", "pegawai")),
                         (data.penghargaan, TabelKosong("penghargaan", "Daftar Penghargaan", "'Penghargaan'",
                                                        "penghargaan")),
                         (data.inovasi, TabelKosong("inovasi", "Inovasi", "'Nama'", "inovasi")),
                         (data.tindak_lanjut, TabelKosong("tindak_lanjut", "Rencana Tindak Lanjut LHE",
                                                          "'Rekomendasi'", "tindak_lanjut"))):
        if rows is not None and not rows:
            out.append(kosong)
    return out


def iku_columns_given(result: Result) -> list[str]:
    """The IKU columns filled on some sasaran indicator's row (a column blank on every row is dropped)."""
    return [key for key in IKU_COLUMNS
            if any(ind.row.iku.get(key) for ind in result.indicators if ind.level == "sasaran")]
