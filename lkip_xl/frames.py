"""The report and the rekap as pandas DataFrames, for analysts (SPEC §11). pandas is imported only here,
inside the functions: the CLI never pays for it."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable


def report_frames(path: str | Path) -> dict[str, Any]:
    """One workbook read and checked as `check` does: {"Anggaran", "Jenis Belanja", "Indikator", "Temuan",
    "Pembacaan"} as DataFrames, one row per entry of the §8 JSON report's lists."""
    import pandas as pd

    from lkip_xl.api import analyse
    from lkip_xl.report import build_report

    report = build_report(analyse(str(path)))
    indikator = [{k: v for k, v in i.items() if k != "realisasi_tahun_lalu"}
                 | {f"realisasi_{y}": x for y, x in i["realisasi_tahun_lalu"].items()}
                 for i in report["indikator"]]
    return {
        "Anggaran": pd.DataFrame(report["kegiatan"], columns=["kode", "nomor", "uraian", "level", "pagu",
                                                              "realisasi", "sisa", "serapan"]),
        "Jenis Belanja": pd.DataFrame(report["belanja"], columns=["kode", "uraian", "pagu", "realisasi",
                                                                  "serapan"]),
        "Indikator": pd.DataFrame(indikator),
        "Temuan": pd.DataFrame(report["temuan"], columns=["kode", "tingkat", "lembar", "sel", "pesan",
                                                          "dilaporkan", "dihitung"]),
        "Pembacaan": pd.DataFrame([{k: v for k, v in p.items() if k != "dilewati"} | {"dilewati": len(p["dilewati"])}
                                   for p in report["pembacaan"]]),
    }


def rekap_frames(paths: Iterable[str | Path], jobs: int | None = None) -> dict[str, Any]:
    """Workbooks and folders as `lkip-xl rekap` reads them: one DataFrame per sheet of the rekap workbook,
    under the sheet's name, holding the values the workbook shows."""
    import pandas as pd

    from lkip_xl import rekap as R

    rekap = R.analyse_paths([Path(p) for p in paths], jobs=jobs)
    belanja = []
    codes = R.belanja_codes(rekap)
    for row in R.belanja_rows(rekap):
        flat: dict[str, Any] = {"No": row["No"], "SKPD": row["SKPD"]}
        for kode, _ in codes:
            pagu, realisasi = row["belanja"].get(kode, (None, None))
            flat[f"{kode} Pagu"] = pagu
            flat[f"{kode} Realisasi"] = realisasi
        belanja.append(flat)

    def frame(rows: list[dict[str, Any]], columns: list[str] | None = None):
        return pd.DataFrame(rows, columns=columns or (list(rows[0]) if rows else None))

    return {
        R.DAFTAR: frame(R.daftar_rows(rekap)),
        R.ANGGARAN: frame(R.anggaran_rows(rekap)),
        R.BELANJA: frame(belanja),
        R.KINERJA: frame(R.kinerja_rows(rekap)),
        R.INDIKATOR: frame(R.indikator_rows(rekap)),
        R.TEMUAN: frame(R.temuan_rows(rekap)),
    }
