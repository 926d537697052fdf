"""Issue 9: indicator values carry their unit and input decimals; live colours; input cells marked."""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from lkip_xl.model import Cell, Indicator, IndicatorRow, Num, Txt
from lkip_xl.writer import units

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "kecamatan_juai_2024.xlsx"
C = Cell("Kinerja", "A1")


def _ind(satuan, *values, decimals=None):
    row = IndicatorRow(row=1, level="sasaran", indikator=Txt("X", C), satuan=Txt(satuan, C) if satuan else None)
    row.targets = {2024 + k: Num(v, C, decimals=decimals) for k, v in enumerate(values)}
    return Indicator(row=row)


@pytest.mark.parametrize("satuan, values, decimals, expected", [
    ("%", (100.0,), 0, '#,##0"%"'),
    ("Persen", (95.5,), 1, '#,##0.0"%"'),
    ("LKD", (70.0, 80.0), 0, '#,##0" LKD"'),
    ("Indeks", (87.65,), 2, '#,##0.00" Indeks"'),
    (None, (3.0,), 0, "#,##0"),
    ('Do"k\\umen', (3.0,), 0, '#,##0" Dokumen"'),  # a quote or backslash would break the format
    ("Jumlah dokumen perencanaan yang disusun tepat waktu", (3.0,), 0, "#,##0"),  # a description, not a unit
    ("per 100.000 KH", (120.0,), 0, "#,##0"),  # too long for a table column: the cell would print ###
    ("Indeks", (87.123456,), None, '#,##0.0000" Indeks"'),  # capped at 4 decimals
])
def test_number_format_from_satuan_and_input_decimals(satuan, values, decimals, expected):
    assert units.number_format(_ind(satuan, *values, decimals=decimals)) == expected


def test_decimals_are_the_most_any_input_uses():
    ind = _ind("Indeks", 87.5, 87.55)
    assert units.decimals_of(ind) == 2
    ind.komponen_metode = {2024: "rata"}  # a mean of components gets at least 2
    assert units.decimals_of(_ind("Orang", 5.0)) == 0
    ind2 = _ind("Orang", 5.0)
    ind2.komponen_metode = {2024: "rata"}
    assert units.decimals_of(ind2) == 2


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    from lkip_xl.api import analyse
    from lkip_xl.writer import write_workbook

    out = tmp_path_factory.mktemp("units") / "out.xlsx"
    write_workbook(analyse(str(SAMPLE)), str(out))
    wb = openpyxl.load_workbook(out)
    yield wb
    wb.close()


def test_targets_in_tables_carry_their_unit(book):
    """Every indicator target printed in the report tables shows its Satuan (the seed: 100%, 70 LKD), once:
    in 2.4 PK the Satuan column beside the target says it (issue 19 item 4), elsewhere the number format."""
    satuan = {}
    ws = book["Data Kinerja"]
    for row in ws.iter_rows(min_row=4, values_only=True):
        if row[0]:
            satuan[row[4]] = row[5]
    cells = with_unit = 0
    for name in ("2.4 Perjanjian Kinerja", "Perhitungan Kinerja"):
        ws = book[name]
        col = 4  # D: Target, in the PK table and in Perhitungan Kinerja
        for r in range(4, ws.max_row + 1):
            cell = ws.cell(r, col)
            ind = ws.cell(r, 3 if name.startswith("2.4") else 2).value
            if cell.data_type == "f" and ind in satuan:
                cells += 1
                unit = "%" if satuan[ind] == "%" else satuan[ind]
                if name.startswith("2.4"):
                    with_unit += ws.cell(r, 5).value == satuan[ind] and unit not in cell.number_format
                else:
                    with_unit += unit in cell.number_format
    assert cells >= 11 and with_unit / cells >= 0.9, (with_unit, cells)


def test_percent_figures_keep_two_decimals(book):
    ws = book["Perhitungan Kinerja"]
    assert ws["F4"].number_format == '0.00"%"'  # capaian
    assert ws["L4"].number_format == '0.00"%"'  # serapan


def test_tables_colour_kategori_serapan_and_sisa_live(book):
    def rules(ws):
        return [(str(rng), rule.formula[0]) for rng in ws.conditional_formatting for rule in rng.rules]

    capaian = rules(book["3.2 Capaian Sasaran 1"])
    assert any("'Perhitungan Kinerja'!$B$" in f for _, f in capaian)  # kategori bands from the live scale
    assert any(">100" in f for _, f in capaian)  # serapan above 100 %
    anggaran = [f for _, f in rules(book["3.14 Realisasi Anggaran"])]
    assert any("<0" in f for f in anggaran) and any(">100" in f for f in anggaran)
    assert all(f.startswith("AND(ISNUMBER(") for f in anggaran)  # "-" never turns red


def test_data_sheets_mark_inputs_and_stated_values(book):
    ws = book["Data Kinerja"]
    header = {ws.cell(3, c).value: c for c in range(1, ws.max_column + 1)}
    ikm = 4  # first indicator: IKM, realisasi built from Data Komponen
    stated_2024 = ws.cell(ikm, header["Realisasi 2024 (tertulis)"])
    target_2024 = ws.cell(ikm, header["Target 2024"])
    assert target_2024.fill.fgColor.rgb.endswith("FFF2CC")  # an input: edit here
    assert stated_2024.fill.fgColor.rgb.endswith("EDEDED") and stated_2024.font.i  # feeds nothing: a claim
    lkd = 6  # an indicator whose realisasi is stated: an input
    assert ws.cell(lkd, header["Realisasi 2024 (tertulis)"]).fill.fgColor.rgb.endswith("FFF2CC")
    assert "data input" in str(ws["A2"].value)
    anggaran = book["Data Anggaran"]
    leaf = next(r for r in range(4, anggaran.max_row) if anggaran.cell(r, 1).value == "Sub Kegiatan")
    assert anggaran.cell(leaf, 5).fill.fgColor.rgb.endswith("FFF2CC")
    assert anggaran.cell(leaf, 7).fill.fgColor.rgb in ("00000000", None) or anggaran.cell(leaf, 7).data_type == "f"
