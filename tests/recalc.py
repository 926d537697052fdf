"""Recalculate a workbook with LibreOffice (forced recalculation) and compare with cached values."""
from __future__ import annotations

import math
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

LOCALE_PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"""
SENTINEL_SHEET = "Sentinel"
UNMARKED = "LKIP_TEST_UNMARKED"  # set by conftest.py while a test without the libreoffice mark runs


def guard_marked() -> None:
    """Refuse to start LibreOffice from a test without the libreoffice mark (conftest.py sets UNMARKED)."""
    if os.environ.get(UNMARKED):
        raise RuntimeError(f"{os.environ[UNMARKED]} runs LibreOffice but is not marked libreoffice: mark it, so that "
                           "`python -m pytest -m 'not libreoffice'` stays the fast inner loop")


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def recalculate(path: Path, workdir: Path) -> Path:
    """A copy of `path` recalculated by LibreOffice (own profile, forced recalculation)."""
    return recalculate_many([path], workdir)[0]


def recalculate_many(paths: list[Path], workdir: Path) -> list[Path]:
    """Recalculated copies of `paths` from one LibreOffice run (each start costs seconds).

    The file names must differ: the copies land side by side in `workdir/out`.
    """
    guard_marked()
    names = [p.name for p in paths]
    assert len(set(names)) == len(names), f"file names must differ: {names}"
    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(PROFILE)
    out = workdir / "out"
    out.mkdir(exist_ok=True)
    env = dict(os.environ, HOME=str(workdir))
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=180 + 60 * len(paths), env=env)
    copies = [out / name for name in names]
    missing = [c.name for c in copies if not c.exists()]
    assert not missing, f"LibreOffice wrote no copy of {missing}"
    return copies


def with_sentinel(path: Path, workdir: Path) -> tuple[Path, str, str, float]:
    """A copy of `path` where one numeric formula cell caches a wrong value (987654321).

    Returns (copy, sheet xml member, cell, true cached value): after a real recalculation the
    cell must hold the true value again, so a silent no-recalc cannot pass.
    """
    import re
    import zipfile

    target = workdir / ("sentinel_" + path.name)
    with zipfile.ZipFile(path) as zin:
        names = zin.namelist()
        member = sorted(n for n in names if n.startswith("xl/worksheets/sheet"))[0]
        xml = zin.read(member).decode("utf-8")
        m = re.search(r'<c r="([A-Z]+[0-9]+)"[^>]*><f>[^<]+</f><v>(-?[0-9.E+-]+)</v></c>', xml)
        assert m, "no numeric formula cell to use as sentinel"
        cell, true_value = m.group(1), float(m.group(2))
        xml = xml[: m.start(2)] + "987654321" + xml[m.end(2):]
        with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as zout:
            for name in names:
                data = xml.encode("utf-8") if name == member else zin.read(name)
                zout.writestr(zin.getinfo(name), data)
    return target, member, cell, true_value


def formula_cells(path: Path) -> dict[tuple[str, str], str]:
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=False)
    out = {}
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value.startswith("="):
                    out[(ws.title, c.coordinate)] = c.value
                elif type(c.value).__name__ == "ArrayFormula":  # {=…}: checked like any formula
                    out[(ws.title, c.coordinate)] = "{" + str(c.value.text) + "}"
    return out


def cached_values(path: Path) -> dict[tuple[str, str], object]:
    from openpyxl import load_workbook

    wb = load_workbook(path, data_only=True)
    return {(ws.title, c.coordinate): c.value for ws in wb.worksheets for row in ws.iter_rows() for c in row}


def same(a: object, b: object) -> bool:
    if isinstance(a, bool) or isinstance(b, bool):
        return a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)
    if a in (None, "") and b in (None, ""):
        return True
    return a == b


def differences(produced: Path, recalced: Path) -> tuple[list[tuple], int]:
    """Formula cells of `produced` whose value in `recalced` differs from the cached one.

    Returns ([(sheet, cell, formula, cached, recalculated)], number of formula cells).
    """
    cached = cached_values(produced)
    formulas = formula_cells(produced)
    values = cached_values(recalced)
    bad = [(s, c, f, cached.get((s, c)), values.get((s, c))) for (s, c), f in formulas.items()
           if not same(cached.get((s, c)), values.get((s, c)))]
    return bad, len(formulas)


def assert_sentinel_recalculated(recalced: Path, cell: str, true_value: float) -> None:
    """The planted wrong value of `with_sentinel` is gone: LibreOffice really recalculated."""
    from openpyxl import load_workbook

    first_sheet = load_workbook(recalced).sheetnames[0]
    got = cached_values(recalced).get((first_sheet, cell))
    assert got != 987654321 and same(got, true_value), f"LibreOffice did not recalculate ({cell}: {got})"


def mismatches(produced: Path, keep: Path | None = None) -> tuple[list[tuple], int]:
    """Formula cells whose LibreOffice value differs from the cached one: [(sheet, cell, formula, cached, lo)].

    Raises AssertionError when LibreOffice did not really recalculate (the sentinel kept its wrong value).
    """
    from openpyxl import load_workbook

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        planted, _member, cell, true_value = with_sentinel(produced, work)
        first_sheet = load_workbook(planted).sheetnames[0]
        assert cached_values(planted)[(first_sheet, cell)] == 987654321
        recalced_path = recalculate(planted, work)
        if keep:
            shutil.copy(recalced_path, keep)
        assert_sentinel_recalculated(recalced_path, cell, true_value)
        return differences(produced, recalced_path)


# ------------------------------------------------------------------ recalculation under a locale

# A LibreOffice profile that recalculates on load and takes `locale` as its locale setting.
PROFILE = """<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
<value>0</value></prop></item>
<item oor:path="/org.openoffice.Setup/L10N"><prop oor:name="ooSetupSystemLocale" oor:op="fuse">\
<value>{locale}</value></prop></item>
</oor:items>
"""
LOCALES = {"en-US": "C.UTF-8", "id-ID": "id_ID.UTF-8"}  # LibreOffice locale, process locale
CONTROL = {"en-US": ("1,234,567.89", "1,234.50"), "id-ID": ("1.234.567,89", "1.234,50")}


def recalculate_in_locale(paths: list[Path], workdir: Path, locale: str) -> dict[str, Path]:
    """Copies of `paths` recalculated by one LibreOffice run with `locale` as its locale setting
    (and the process locale), by file name. CONTROL's cells prove the locale really changed."""
    guard_marked()

    profile = workdir / "profile"
    (profile / "user").mkdir(parents=True, exist_ok=True)
    (profile / "user" / "registrymodifications.xcu").write_text(LOCALE_PROFILE.format(locale=locale))
    out = workdir / "out"
    env = dict(os.environ, HOME=str(workdir), LC_ALL=LOCALES[locale], LANG=LOCALES[locale])
    subprocess.run([soffice(), f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), *map(str, paths)],
                   check=True, capture_output=True, timeout=300, env=env)
    copies = {p.name: out / p.name for p in paths}
    missing = [n for n, c in copies.items() if not c.exists()]
    assert not missing, f"LibreOffice wrote no copy of {missing} ({locale})"
    return copies
