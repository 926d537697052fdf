"""The rekap as data (SPEC §11): one Entry per input file, the region's totals and findings, and each
rekap sheet as plain rows. Built from the §8 report dicts only. The writer (writer/rekap.py) renders
the rows with live formulas and `frames.rekap_frames` turns them into DataFrames, so the two cannot
disagree; rekap.py (the command) gathers the reports and calls both.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lkip_xl.arith import add_up
from lkip_xl.figures import SERAPAN
from lkip_xl.findings import finding
from lkip_xl.model import Finding

TERBACA, TIDAK_TERBACA = "terbaca", "tidak terbaca"
TINGKAT = ("kesalahan", "peringatan", "info")
# docProps/core.xml of what lkip-xl writes: fill's Book sets creator "lkip-xl" and title "LKIP";
# the rekap workbook says "Rekap LKIP". The template ("Masukan lkip-xl") is an input and is read.
REKAP_TITLE = "Rekap LKIP"


# ----------------------------------------------------------------------------- the rekap


@dataclass
class Entry:
    """One input file of the rekap."""

    no: int
    berkas: str  # the path as the user gave it
    path: Path
    status: str
    pesan: str | None
    report: dict[str, Any] | None
    fill: Path | None = None  # the fill workbook written for it

    @property
    def skpd(self) -> str | None:
        return self.report["skpd"] if self.report else None

    @property
    def tahun(self) -> int | None:
        return self.report["tahun"] if self.report else None

    @property
    def jumlah_temuan(self) -> dict[str, int]:
        counts = Counter(t["tingkat"] for t in (self.report or {}).get("temuan", []))
        return {t: counts.get(t, 0) for t in TINGKAT}

    @property
    def nama(self) -> str:
        """What a table shows for the SKPD: its name, or the file's when the name is empty."""
        return self.skpd or self.path.name


@dataclass
class Rekap:
    entries: list[Entry]
    tahun: int | None
    temuan: list[dict[str, Any]]  # every file's findings + the rekap's own, most serious first

    @property
    def readable(self) -> list[Entry]:
        return [e for e in self.entries if e.status == TERBACA]

    @property
    def unreadable(self) -> list[Entry]:
        return [e for e in self.entries if e.status != TERBACA]

    @property
    def total(self) -> dict[str, Any]:
        pagu = add_up(e.report["anggaran"]["pagu"] or 0 for e in self.readable)
        realisasi = add_up(e.report["anggaran"]["realisasi"] or 0 for e in self.readable)
        sisa = add_up(e.report["anggaran"]["sisa"] or 0 for e in self.readable)
        return {"pagu": pagu, "realisasi": realisasi, "sisa": sisa,
                "serapan": SERAPAN.value({"pagu": pagu, "realisasi": realisasi})}

    def exit_code(self) -> int:
        """SPEC §11: 3 nothing read; 1 a file unreadable or with kesalahan; else 0."""
        if not self.readable:
            return 3
        if self.unreadable or any(e.jumlah_temuan["kesalahan"] for e in self.readable):
            return 1
        return 0


def _norm_skpd(name: str) -> str:
    return " ".join(name.split()).casefold()


def build_rekap(files: list[Path], results: list[dict[str, Any]]) -> Rekap:
    entries = [Entry(no=i + 1, berkas=str(path), path=path, status=r["status"], pesan=r["pesan"],
                     report=r["report"]) for i, (path, r) in enumerate(zip(files, results))]
    readable = [e for e in entries if e.status == TERBACA]
    years = Counter(e.tahun for e in readable if e.tahun is not None)
    # The region's year: the one most files report (on a tie, the first file's).
    tahun = None
    if years:
        best = max(years.values())
        tahun = next(e.tahun for e in readable if years.get(e.tahun) == best)
    own: list[dict[str, Any]] = []
    for e in readable:
        if tahun is not None and e.tahun is not None and e.tahun != tahun:
            own.append(_rekap_finding(e, finding("TAHUN_BERBEDA", None, berkas=e.path.name, nama=e.nama,
                                                 tahun=e.tahun, rekap_tahun=tahun, dilaporkan=e.tahun,
                                                 dihitung=tahun)))
    first_of: dict[str, Entry] = {}
    for e in readable:
        if not e.skpd:
            continue
        key = _norm_skpd(e.skpd)
        if key in first_of:
            other = first_of[key]
            own.append(_rekap_finding(e, finding("SKPD_GANDA", None, berkas=e.path.name, other=other.path.name,
                                                 skpd=e.skpd, dilaporkan=e.skpd, dihitung=other.berkas)))
        else:
            first_of[key] = e
    temuan = [dict(t, berkas=e.berkas) for e in readable for t in e.report["temuan"]] + own
    order = {t: i for i, t in enumerate(TINGKAT)}
    no_of = {e.berkas: e.no for e in entries}
    temuan.sort(key=lambda t: (order.get(t["tingkat"], 9), no_of.get(t["berkas"], 0)))
    return Rekap(entries, tahun, temuan)


def _rekap_finding(e: Entry, f: Finding) -> dict[str, Any]:
    """A finding of the rekap itself (the registry's TAHUN_BERBEDA, SKPD_GANDA) as a §11 temuan row."""
    return {**f.as_dict(), "berkas": e.berkas}


def rekap_json(rekap: Rekap) -> dict[str, Any]:
    """The rekap's JSON (SPEC §11); every file's numbers are those of its own `check --json`."""
    return {
        "tahun": rekap.tahun,
        "perangkat_daerah": [
            {"berkas": e.berkas, "skpd": e.skpd, "tahun": e.tahun, "status": e.status, "pesan": e.pesan,
             "anggaran": e.report["anggaran"] if e.report else None,
             "efisiensi": e.report["efisiensi"] if e.report else None,
             "jumlah_temuan": e.jumlah_temuan}
            for e in rekap.entries
        ],
        "total": rekap.total,
        "temuan": rekap.temuan,
    }


# ----------------------------------------------------------------------------- the sheets as rows
# Each builder gives the values of one rekap sheet; writer/rekap.py writes the same rows with formulas.

DAFTAR, ANGGARAN, BELANJA, KINERJA, INDIKATOR, TEMUAN = (
    "Daftar Perangkat Daerah", "Anggaran", "Jenis Belanja", "Kinerja", "Indikator", "Temuan")
SHEETS = (DAFTAR, ANGGARAN, BELANJA, KINERJA, INDIKATOR, TEMUAN)


def daftar_rows(rekap: Rekap) -> list[dict[str, Any]]:
    rows = []
    for e in rekap.entries:
        counts = e.jumlah_temuan
        rows.append({"No": e.no, "Berkas": e.berkas, "SKPD": e.skpd, "Tahun": e.tahun, "Status": e.status,
                     "Kesalahan": counts["kesalahan"] if e.report else None,
                     "Peringatan": counts["peringatan"] if e.report else None,
                     "Info": counts["info"] if e.report else None,
                     "Keterangan": e.pesan,
                     "Workbook LKIP": str(e.fill) if e.fill else None})
    return rows


def _serapan_key(e: Entry):
    serapan = e.report["anggaran"]["serapan"]
    return (serapan is None, serapan if serapan is not None else 0.0, e.no)


def anggaran_entries(rekap: Rekap) -> list[Entry]:
    """Readable files by serapan, lowest first (no serapan last)."""
    return sorted(rekap.readable, key=_serapan_key)


def anggaran_rows(rekap: Rekap) -> list[dict[str, Any]]:
    rows = []
    for e in anggaran_entries(rekap):
        a = e.report["anggaran"]
        rows.append({"No": e.no, "SKPD": e.nama, "Berkas": e.berkas, "Pagu": a["pagu"],
                     "Realisasi": a["realisasi"], "Sisa": a["sisa"], "Serapan (%)": a["serapan"]})
    return rows


def belanja_codes(rekap: Rekap) -> list[tuple[str, str]]:
    """(kode, uraian) of every jenis / kelompok belanja present in some file, in code order."""
    seen: dict[str, str] = {}
    for e in rekap.readable:
        for b in e.report["belanja"]:
            seen.setdefault(b["kode"], b["uraian"])

    def key(kode: str):
        return [(0, int(p), "") if p.isdigit() else (1, 0, p) for p in kode.split(".")]
    return sorted(seen.items(), key=lambda item: key(item[0]))


def belanja_rows(rekap: Rekap) -> list[dict[str, Any]]:
    """One row per readable file: {kode: (pagu, realisasi)} for each jenis it has, and `dirinci`: the pagu
    its jenis belanja cover (the kelompok 5.1, 5.2 … or else the jenis), to tell a file whose akun rows
    cover only part of its budget."""
    rows = []
    for e in rekap.readable:
        report: dict[str, Any] = e.report or {}
        belanja = report["belanja"]
        depth = min((b["kode"].count(".") for b in belanja), default=0)
        covered = sum(b["pagu"] or 0 for b in belanja if b["kode"].count(".") == depth)
        rows.append({"No": e.no, "SKPD": e.nama, "pagu": report["anggaran"]["pagu"], "dirinci": covered,
                     "belanja": {b["kode"]: (b["pagu"], b["realisasi"]) for b in belanja}})
    return rows


def kategori_names(rekap: Rekap) -> list[str]:
    """Every kategori given to some indicator: the known scales' order first, then as they appear."""
    from lkip_xl.rules.kinerja import SCALES

    known = [name for scale in SCALES.values() for _, name in scale]
    present: dict[str, str] = {}
    for e in rekap.readable:
        for i in e.report["indikator"]:
            if i["kategori"]:
                present.setdefault(i["kategori"].casefold(), i["kategori"])
    ordered = [k for k in known if k.casefold() in present]
    return ordered + [v for k, v in present.items() if k not in {o.casefold() for o in ordered}]


def kinerja_rows(rekap: Rekap) -> list[dict[str, Any]]:
    names = kategori_names(rekap)
    rows = []
    for e in rekap.readable:
        ind = e.report["indikator"]
        counts = Counter((i["kategori"] or "").casefold() for i in ind)
        capaian = [i["capaian"] for i in ind if i["capaian"] is not None]
        row: dict[str, Any] = {"No": e.no, "SKPD": e.nama, "Jumlah indikator": len(ind)}
        for name in names:
            row[name] = counts.get(name.casefold(), 0)
        row["Tanpa kategori"] = len(ind) - sum(row[n] for n in names)
        row["Capaian terendah (%)"] = min(capaian) if capaian else None
        row["E (%)"] = e.report["efisiensi"]["rata_rata"]
        row["Nilai Efisiensi"] = e.report["efisiensi"]["nilai"]
        rows.append(row)
    return rows


def indikator_rows(rekap: Rekap) -> list[dict[str, Any]]:
    rows = []
    for e in rekap.readable:
        for i in e.report["indikator"]:
            rows.append({"No": e.no, "SKPD": e.nama, "Level": i["level"].capitalize(), "Tujuan": i["tujuan"],
                         "Sasaran": i["sasaran"], "Indikator": i["indikator"], "Satuan": i["satuan"],
                         "Polaritas": i["polaritas"].capitalize(), "Target": i["target"],
                         "Realisasi": i["realisasi"], "Capaian (%)": i["capaian"], "Kategori": i["kategori"],
                         "Serapan (%)": i["serapan"], "Efisiensi (%)": i["efisiensi"]})
    return rows


def temuan_rows(rekap: Rekap) -> list[dict[str, Any]]:
    by_berkas = {e.berkas: e for e in rekap.entries}
    rows = []
    for t in rekap.temuan:
        e = by_berkas[t["berkas"]]
        rows.append({"No": e.no, "SKPD": e.nama, "Berkas": e.berkas, "Tingkat": t["tingkat"], "Kode": t["kode"],
                     "Lembar": t["lembar"], "Sel": t["sel"], "Pesan": t["pesan"],
                     "Dilaporkan": t["dilaporkan"], "Dihitung": t["dihitung"]})
    return rows
