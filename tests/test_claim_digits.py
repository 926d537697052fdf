"""Claims compare at 15 significant digits on both sides (SPEC §10.17).

A stated value stored with 16-17 significant digits and no number format (what a formula copied as a
value leaves) is cut to 15 digits as the computed value is: two doubles that differ only beyond the
15th digit, or two equal doubles, never disagree, in the check and in the workbook's Status formula.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import builder
from builder import M, minimal, put
from lkip_xl.api import analyse
from lkip_xl.figures import SESUAI
from lkip_xl.writer import write_workbook

REAL_B = 50 * M / 3  # sub kegiatan 7.01.02.2.02.0001: pagu 50 M, realisasi a third of it
TOTAL_REAL = 90 * M + 38 * M + 57 * M + REAL_B


def _input(folder: Path) -> Path:
    data = minimal()
    put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", REAL_B)
    put(data["realisasi"], "7.01.02.2.02.0001", "%", None)
    put(data["realisasi"], "7.01.02.2.02.0001", "Sisa", None)
    for key in ("7.01.02.2.02", "7.01.02", None):
        if key is None:
            data["realisasi"][-1][3:] = [None, None, None]
        else:
            put(data["realisasi"], key, "Realisasi", None)
            put(data["realisasi"], key, "%", None)
            put(data["realisasi"], key, "Sisa", None)
    # the stated values as a spreadsheet computes them: 33.33333333333333 (the computed serapan is the
    # double 33.333333333333336), 80.66666666666666 (computed 80.66666666666667), and one equal double
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.13", "7.01.02.2.02.0001", "Serapan", REAL_B / (50 * M) * 100],
                          ["Tabel 3.13", "Total", "Serapan", TOTAL_REAL / (250 * M) * 100],
                          ["Tabel 3.13", "Total", "Realisasi Anggaran", TOTAL_REAL],
                          ["Tabel 3.13", "7.01.02.2.02.0001", "Sisa", 50 * M - REAL_B]]
    return builder.build(folder, **data)


def test_stated_and_computed_differ_only_beyond_15_digits(tmp_path):
    stated = REAL_B / (50 * M) * 100
    result = analyse(str(_input(tmp_path)))
    computed = result.claims[0].computed
    assert stated != computed and f"{stated:.15g}" == f"{computed:.15g}"  # the case is real
    assert all(j.agrees for j in result.claims.values()), result.claims
    assert not [f for f in result.findings if f.kode == "CLAIM_MISMATCH"]


@pytest.mark.libreoffice
def test_the_status_formula_agrees_after_recalculation(tmp_path):
    from recalc import differences, recalculate, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    result = analyse(str(_input(tmp_path)))
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    copy = recalculate(out, tmp_path / "lo")
    bad, n = differences(out, copy)
    assert not bad, bad[:5]
    ws = openpyxl.load_workbook(copy, data_only=True)["Data Dilaporkan"]
    assert [row[7] for row in ws.iter_rows(min_row=4, values_only=True)] == [SESUAI] * 4


# (a, b, what LibreOffice 7 computes for =A1-B1): measured, and re-measured by the test below.
SUBTRACTIONS = [(281474976710656.0, 281474976710655.0, 1), (-9855350123529.82, -9855350123529.83, 0),
                (50e6 - 50e6 / 3, 33333333.333333336, 0), (0.30000000000000004, 0.3, 0),
                (1234567.8901234567, 1234567.890123456, 0), (100.00000000000001, 100.0, 0),
                (1e15 + 2, 1e15, 2), (123456789012.3456, 123456789012.3457, 0), (0.1 + 0.7, 0.8, 0),
                (2.5000000000000004, 2.5, 0), (0.1, 0.2, 0.1 - 0.2), (-3.0, 3.0, -6.0)]


@pytest.mark.parametrize("a, b, expected", SUBTRACTIONS)
def test_subtraction_is_the_spreadsheets(a, b, expected):
    from lkip_xl.arith import approx_sub

    assert approx_sub(a, b) == expected


@pytest.mark.libreoffice
def test_the_subtractions_are_what_libreoffice_computes(tmp_path):
    import xlsxwriter

    from recalc import recalculate, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    path = tmp_path / "minus.xlsx"
    wb = xlsxwriter.Workbook(str(path))
    ws = wb.add_worksheet()
    for i, (a, b, _) in enumerate(SUBTRACTIONS):
        ws.write_number(i, 0, a)
        ws.write_number(i, 1, b)
        ws.write_formula(i, 2, f"=A{i + 1}-B{i + 1}", None, 0)
    wb.close()
    copy = recalculate(path, tmp_path / "lo")
    ws2 = openpyxl.load_workbook(copy, data_only=True).active
    assert [ws2.cell(i + 1, 3).value for i in range(len(SUBTRACTIONS))] == [e for _, _, e in SUBTRACTIONS]
