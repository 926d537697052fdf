"""Tabel 1.1 (SPEC §12): how many pegawai per pendidikan, pangkat and golongan, from the figures' declarations.

The table's rows are declared here once: the rules count them, the writer lays them out side by side and
renders the same declarations over Data Pegawai, and a Dilaporkan claim names one by its key.
"""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl import figures
from lkip_xl.model import GOLONGAN, PANGKAT, PENDIDIKAN, PPPK, PegawaiRow


@dataclass(frozen=True)
class Hitungan:
    """One count of Tabel 1.1: its key (FigureKey.pegawai), its label as the table prints it, and the Data
    Pegawai column it counts ("pendidikan", "golongan", "status", "nama") or the keys it adds up (a PNS golongan
    both: its ruang rows, and the golongan column's PNS without a ruang)."""

    key: str
    label: str
    kolom: str = ""
    parts: tuple[str, ...] = ()


PENDIDIKAN_ROWS = tuple(Hitungan(f"pendidikan:{p}", p, "pendidikan") for p in PENDIDIKAN)
# A PPPK has no pangkat: counted by status, in the pangkat list and as a golongan of its own.
PANGKAT_ROWS = tuple(Hitungan(f"pangkat:{p}", p, "golongan") for p in PANGKAT) + \
    (Hitungan(f"pangkat:{PPPK}", PPPK, "status"),)
# A PNS golongan: its ruang rows, and (kolom "golongan") the PNS written with the golongan alone (`III`).
GOLONGAN_ROWS = tuple(Hitungan(f"golongan:{g}", g, "golongan",
                               parts=tuple(f"pangkat:{p}" for p in PANGKAT if p.split("/")[0] == g))
                      for g in GOLONGAN) + (Hitungan(f"golongan:{PPPK}", PPPK, parts=(f"pangkat:{PPPK}",)),)
TOTAL = Hitungan("total", "Jumlah", "nama")
BLOCKS = {"pendidikan": PENDIDIKAN_ROWS, "pangkat": PANGKAT_ROWS, "golongan": GOLONGAN_ROWS}


def columns(rows: list[PegawaiRow]) -> dict[str, list]:
    """The columns of Data Pegawai that Tabel 1.1 counts, in row order."""
    return {"nama": [r.nama.value for r in rows], "golongan": [r.golongan for r in rows],
            "status": [r.status for r in rows], "pendidikan": [r.pendidikan for r in rows]}


def hitung(rows: list[PegawaiRow]) -> dict[str, int]:
    """Every count of Tabel 1.1 by key, and each block's sum as "jumlah:<block>"."""
    data = columns(rows)
    out: dict[str, int] = {}
    out[TOTAL.key] = figures.JUMLAH_SELURUH_PEGAWAI.value({"nama": data["nama"]})
    for h in (*PENDIDIKAN_ROWS, *PANGKAT_ROWS):
        out[h.key] = figures.JUMLAH_PEGAWAI.value({"kolom": data[h.kolom], "kriteria": h.label})
    for h in GOLONGAN_ROWS:
        ruang = [out[k] for k in h.parts]
        out[h.key] = figures.JUMLAH_GOLONGAN_PNS.value({"ruang": ruang, "golongan": data["golongan"],
                                                        "status": data["status"], "kriteria": h.label}) \
            if h.kolom else figures.JUMLAH_GOLONGAN.value({"ruang": ruang})
    for block, hs in BLOCKS.items():
        out[f"jumlah:{block}"] = figures.JUMLAH.value({"rincian": [out[h.key] for h in hs]})
    return out
