"""The JSON report of SPEC §8, built from the one Result."""
from __future__ import annotations

import math
from typing import Any

from lkip_xl.findings import finding
from lkip_xl.figures import RUMUS_EFISIENSI
from lkip_xl.model import Result, SheetReading, dilewati_runs, dipatok_in_order, kolom_in_order  # noqa: F401


def _n(x: float | None) -> Any:
    if x is None:
        return None
    if isinstance(x, float) and not math.isfinite(x):
        return _NON_FINITE  # replaced by null below, with a finding: never Infinity / NaN in the JSON
    return int(x) if float(x).is_integer() and abs(x) < 2**53 else x


class _NonFinite:
    pass


_NON_FINITE = _NonFinite()


def build_report(result: Result) -> dict[str, Any]:
    """The JSON report of SPEC §8. Every number in it is finite: `json.dumps(..., allow_nan=False)`
    always works (the rules already leave non-finite figures empty and report them; a figure that
    still is not finite here becomes null plus one finding naming it)."""
    report = _build(result)
    leaks: list[str] = []
    report = _finite(report, "", leaks)
    if leaks:
        report["temuan"].append(finding("UNREADABLE_VALUE", None, "report_not_finite",
                                        paths=", ".join(leaks[:5])).as_dict())
    return report


def _finite(value: Any, path: str, leaks: list[str]) -> Any:
    if value is _NON_FINITE or (isinstance(value, float) and not math.isfinite(value)):
        leaks.append(path)
        return None
    if isinstance(value, dict):
        return {k: _finite(v, f"{path}.{k}" if path else str(k), leaks) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v, f"{path}[{i}]", leaks) for i, v in enumerate(value)]
    return value


def _build(result: Result) -> dict[str, Any]:
    data = result.data
    ident = data.identitas
    return {
        "skpd": ident.skpd,
        "tahun": ident.tahun,
        "anggaran": {"pagu": _n(result.total_pagu), "realisasi": _n(result.total_realisasi),
                     "sisa": _n(result.total_sisa), "serapan": _n(result.total_serapan),
                     "tidak_terbaca": result.tidak_terbaca},
        "kegiatan": [
            {"kode": n.kode, "nomor": n.nomor, "uraian": n.uraian, "level": n.level,
             "pagu": _n(n.pagu), "realisasi": _n(n.realisasi), "sisa": _n(n.sisa), "serapan": _n(n.serapan)}
            for n in result.nodes
        ],
        "belanja": [
            {"kode": g.kode, "uraian": g.uraian, "pagu": _n(g.pagu), "realisasi": _n(g.realisasi),
             "serapan": _n(g.serapan)}
            for g in result.belanja
        ],
        "indikator": [
            {"level": i.level,
             "tujuan": i.row.tujuan.value if i.row.tujuan else "",
             "sasaran": i.row.sasaran.value if i.row.sasaran else None,
             "indikator": i.nama,
             "satuan": i.row.satuan.value if i.row.satuan else None,
             "polaritas": i.row.polaritas,
             "target": _n(i.target), "realisasi": _n(i.realisasi), "capaian": _n(i.capaian),
             "kategori": i.kategori,
             "realisasi_tahun_lalu": {str(y): _n(v) for y, v in sorted(i.realisasi_by_year.items())
                                      if y < ident.tahun},
             "target_akhir_renstra": _n(i.target_akhir), "capaian_akhir_renstra": _n(i.capaian_akhir),
             "pagu": _n(i.pagu), "realisasi_anggaran": _n(i.realisasi_anggaran), "serapan": _n(i.serapan),
             "efisiensi": _n(i.efisiensi)}
            for i in result.indicators
        ],
        "efisiensi": {
            "rumus": RUMUS_EFISIENSI[ident.rumus_efisiensi].report_text,
            "rata_rata": _n(result.efisiensi_rata_rata),
            "nilai": _n(result.nilai_efisiensi),
        },
        "temuan": [f.as_dict() for f in result.findings],
        "pembacaan": [pembacaan_entry(reading) for reading in data.pembacaan],
    }


def pembacaan_entry(reading: SheetReading) -> dict[str, Any]:
    """How one input sheet was read (SPEC §10.7). `dipatok` maps each choice the user pinned in
    Pengaturan Baca (a field of `kolom`, or `Baris Header` / `Baris Akhir`) to true; {} when none."""
    return {
        "lembar": reading.lembar,
        "peran": reading.peran,
        "baris_header": list(reading.baris_header) if reading.baris_header else None,
        "kolom": dict(kolom_in_order(reading)),
        "baris_data": reading.baris_data,
        "baris_tersembunyi": reading.baris_tersembunyi,  # hidden data rows, read like any other (§10.20)
        "dilewati": [{"baris": r, "alasan": alasan} for r, alasan in sorted(reading.dilewati.items())],
        "dipatok": {name: True for name in dipatok_in_order(reading)},
    }
