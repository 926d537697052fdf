"""Which report tables the input leaves empty (SPEC §12): such a table is left out, the numbers after it
close up, and a TABEL_KOSONG finding names the input column that would fill it."""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl.model import Indicator, Result

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
    also: tuple[str, ...] = ()  # further tables left out for the same cause (one finding names them all)
    sebab: str = ""  # the finding's message shape when not the default: "pemetaan", "anggaran"

    @property
    def roles(self) -> tuple[str, ...]:
        return (self.role, *self.also)


def _names(names: list[str]) -> str:
    """'a', 'a dan b', 'a, b dan c'."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} dan {names[-1]}"


def sasaran_groups(result: Result) -> list[tuple[str, list[Indicator]]]:
    """(sasaran, its indicators) in report order, as the tables number them (writer/tables.plan too)."""
    groups: list[tuple[str, list[Indicator]]] = []
    for ind in result.indicators:
        if ind.level != "sasaran":
            continue
        name = ind.row.sasaran.value if ind.row.sasaran else ind.nama
        if groups and groups[-1][0] == name:
            groups[-1][1].append(ind)
        else:
            groups.append((name, [ind]))
    return groups


def _budget_tables(result: Result) -> list[TabelKosong]:
    """The tables over the budget (Renja, the per-sasaran Pendukung and Efisiensi, Realisasi Anggaran,
    the Efisiensi summary, Jenis Belanja) that the input leaves empty: all of them when DPA has no budget
    row; a sasaran's Pendukung and Efisiensi when none of its indicators is mapped to a budget row (they
    would show a header and blank money columns only), the summary too when no sasaran is."""
    groups = [inds for _, inds in sasaran_groups(result)]
    if not result.nodes:
        roles = ["renja", *(f"{kind}{k}" for k in range(len(groups)) for kind in ("pendukung", "efisiensi")),
                 "anggaran", "efisiensi"] + ([] if result.belanja else ["belanja"])
        tabel = _names(["Rencana Kerja (Renja)", "Pendukung dan Efisiensi per Sasaran", "Realisasi Anggaran",
                        "Daftar Analisis Efisiensi"] + ([] if result.belanja else ["Realisasi per Jenis Belanja"]))
        return [TabelKosong(roles[0], tabel, "'Kode', 'Uraian' dan 'Pagu'", also=tuple(roles[1:]), sebab="anggaran")]
    kosong = [k for k, inds in enumerate(groups) if not any(ind.supports for ind in inds)]
    out: list[TabelKosong] = []
    kolom = "'Indikator' dan 'Kode'"
    if groups and len(kosong) == len(groups):
        roles = [f"{kind}{k}" for k in kosong for kind in ("pendukung", "efisiensi")] + ["efisiensi"]
        out.append(TabelKosong(roles[0], "Pendukung dan Efisiensi per Sasaran dan Daftar Analisis Efisiensi",
                               kolom, also=tuple(roles[1:]), sebab="pemetaan"))
    else:
        for k in kosong:
            out.append(TabelKosong(f"pendukung{k}", f"Pendukung Sasaran {k + 1} dan Efisiensi Sasaran {k + 1}",
                                   kolom, also=(f"efisiensi{k}",), sebab="pemetaan"))
    if result.data.belanja == [] and not result.belanja:  # the Belanja sheet is there, with no row
        out.append(TabelKosong("belanja", "Realisasi per Jenis Belanja", "'Kode', 'Pagu' dan 'Realisasi'",
                               "belanja"))
    return out


def tabel_kosong(result: Result) -> list[TabelKosong]:
    """The tables of the report the input gives nothing to show, in report order."""
    out: list[TabelKosong] = []
    indicators = result.indicators
    if not any(ind.row.iku for ind in indicators if ind.level == "sasaran"):
        out.append(TabelKosong("iku", "Indikator Kinerja Utama",
                               ", ".join(f"'{name}'" for name in IKU_COLUMNS.values())))
    if not any(ind.level == "tujuan" for ind in indicators):
        out.append(TabelKosong("tujuan", "Capaian Tujuan", "'Level' (Tujuan, pada baris indikator tujuan)"))
    out += _budget_tables(result)
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
