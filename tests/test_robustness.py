"""Never a crash: the sample with random cells replaced by junk still reads, checks and writes."""
from __future__ import annotations

import datetime
import json
import random
from pathlib import Path

import pytest
from openpyxl import load_workbook

from lkip_xl.api import analyse
from lkip_xl.errors import InputError
from lkip_xl.report import build_report
from lkip_xl.writer import write_workbook

SAMPLE = Path(__file__).resolve().parents[1] / "samples" / "kecamatan_juai_2024.xlsx"
JUNK = [None, "", "-", "abc", "=1+1", "+62", "@x", "1.2.3", "12,34,56", 0, -5, 1e300, 3.5, True,
        datetime.datetime(2024, 1, 1), "Rp. 1.000", "100%", "Tidak ada", "5.1.02", "1.1", "7.01.02", "Tujuan",
        "Sasaran", "Negatif", "T/R", "Selisih", "Permendagri 86", " ", "x" * 300, "70 LKD", "(1.000)",
        "Baik (67,50)", 2024, "Total", "Jumlah"]


def _damaged(seed: int, folder: Path) -> Path:
    rnd = random.Random(seed)
    wb = load_workbook(SAMPLE)
    for _ in range(rnd.randint(1, 12)):
        ws = wb[rnd.choice(wb.sheetnames)]
        cell = ws.cell(rnd.randint(1, ws.max_row + 2), rnd.randint(1, ws.max_column + 1))
        if type(cell).__name__ != "MergedCell":
            cell.value = rnd.choice(JUNK)
    if rnd.random() < 0.15:
        wb[rnd.choice(wb.sheetnames)].delete_rows(rnd.randint(1, 6), rnd.randint(1, 3))
    if rnd.random() < 0.15:
        wb[rnd.choice(wb.sheetnames)].delete_cols(rnd.randint(1, 6), 1)
    path = folder / f"rusak_{seed}.xlsx"
    wb.save(path)
    return path


@pytest.mark.parametrize("seed", range(24))
def test_damaged_sample_never_crashes(tmp_path, seed):
    path = _damaged(seed, tmp_path)
    try:
        result = analyse(str(path))
    except InputError as err:  # a required sheet, column or Tahun was destroyed: one sentence
        assert str(err) and "\n" not in str(err)
        return
    json.dumps(build_report(result))
    write_workbook(result, str(tmp_path / "out.xlsx"))
    assert load_workbook(tmp_path / "out.xlsx").sheetnames[0] == "Ringkasan"


def _mutated_xml(seed: int, folder: Path) -> Path:
    """The sample with bytes of one sheet's XML deleted, duplicated or replaced: the parser's own fuzz."""
    import zipfile

    rnd = random.Random(seed)
    path = folder / f"xml_{seed}.xlsx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        names = [i.filename for i in src.infolist()]
        victim = rnd.choice([n for n in names if n.startswith("xl/")])
        for name in names:
            data = bytearray(src.read(name))
            if name == victim and data:
                for _ in range(rnd.randint(1, 6)):
                    at = rnd.randrange(len(data))
                    op = rnd.random()
                    if op < 0.33:
                        del data[at:at + rnd.randint(1, 40)]
                    elif op < 0.66:
                        data[at:at] = data[at:at + rnd.randint(1, 200)]
                    else:
                        data[at] = rnd.choice(b'<>&"/=;#x0123456789abcAZ \x00\xff')
            out.writestr(name, bytes(data))
    return path


@pytest.mark.parametrize("seed", range(60))
def test_mutated_xml_never_crashes(tmp_path, seed):
    path = _mutated_xml(seed, tmp_path)
    try:
        result = analyse(str(path))
    except InputError as err:
        assert str(err) and "\n" not in str(err)
        return
    json.dumps(build_report(result))


@pytest.mark.parametrize("seed", [3, 7, 11, 19])
def test_cli_never_reaches_the_catch_all(tmp_path, seed):
    """The catch-all sentence ('laporkan … ke pengembang') is for bugs: no input may reach it."""
    from run_cli import run_cli

    for path in (_damaged(seed, tmp_path), _mutated_xml(seed, tmp_path)):
        for args in (["check", path.name, "--json"], ["fill", path.name, "-o", f"out_{path.stem}.xlsx"]):
            proc = run_cli(*args, cwd=tmp_path)
            assert proc.returncode in (0, 1, 3), proc.stderr
            assert "pengembang" not in proc.stderr and "Traceback" not in proc.stderr, proc.stderr
