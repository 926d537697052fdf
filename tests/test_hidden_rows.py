"""Hidden and filtered rows are data (SPEC §10.20): a row hidden by an AutoFilter or a collapsed
outline group is read like any other, the totals include it, and Pembacaan says how many were hidden."""
from __future__ import annotations

import openpyxl

import builder
from builder import minimal
from lkip_xl.api import analyse
from lkip_xl.report import build_report
from run_cli import run_cli


def _hidden(tmp_path):
    path = builder.build(tmp_path, **minimal())
    wb = openpyxl.load_workbook(path)
    dpa = wb["DPA"]
    dpa.auto_filter.ref = f"A1:C{dpa.max_row}"  # an AutoFilter that hides two sub kegiatan rows
    for r in (6, 7):  # 7.01.02.2.01.0001 (40 M) and .0002 (60 M)
        dpa.row_dimensions[r].hidden = True
    real = wb["Realisasi"]
    for r in (8, 9):  # a collapsed outline group: kegiatan 7.01.02.2.02 and its sub kegiatan
        real.row_dimensions[r].outlineLevel = 1
        real.row_dimensions[r].hidden = True
    out = tmp_path / "tersembunyi.xlsx"
    wb.save(out)
    return out


def test_hidden_rows_are_read_and_counted(tmp_path):
    path = _hidden(tmp_path)
    result = analyse(str(path))
    # the same figures as the clean minimal input: 250 M / 230 M, no finding
    assert (result.total_pagu, result.total_realisasi) == (250 * builder.M, 230 * builder.M)
    assert result.findings == []
    entries = {e["lembar"]: e for e in build_report(result)["pembacaan"]}
    assert entries["DPA"]["baris_tersembunyi"] == 2 and entries["Realisasi"]["baris_tersembunyi"] == 2
    assert entries["Kinerja"]["baris_tersembunyi"] == 0
    proc = run_cli("check", str(path), "--pembacaan", cwd=tmp_path)
    assert "2 di antaranya tersembunyi (filter atau grup), tetap dibaca" in proc.stdout
