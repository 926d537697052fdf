"""Workbooks shaped like real offices' files (SPEC §10): the report must hold the hand figures.

Each layout of `layouts.py` is checked aspect by aspect (totals, budget rows, indicators, efisiensi,
jenis belanja, findings, `fill` exit code) so a failure says which part of the reading went wrong.
"""
from __future__ import annotations

import math
import sys
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/: run_cli, as the other suites use it

from layouts import LAYOUTS  # noqa: E402  (tests/realworld is on the path: rootdir-relative import mode)
from run_cli import run_cli  # noqa: E402

from lkip_xl.api import analyse  # noqa: E402
from lkip_xl.report import build_report  # noqa: E402

REL = 1e-9  # figures are exact up to float noise


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("realworld")


_CACHE: dict[str, tuple[Path, dict, object]] = {}


def _case(name: str, folder: Path):
    """(path, expected, report or the exception analyse raised); built and analysed once per layout."""
    if name not in _CACHE:
        path, expected = LAYOUTS[name](folder)
        try:
            report = build_report(analyse(str(path)))
        except Exception as exc:  # reported by every test of the layout
            report = exc
        _CACHE[name] = (path, expected, report)
    return _CACHE[name]


def _report(name: str, folder: Path):
    path, expected, report = _case(name, folder)
    if isinstance(report, Exception):
        pytest.fail(f"analyse raised {type(report).__name__}: {report}")
    return expected, report


def _close(got, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    if isinstance(want, str):
        return got == want
    return math.isclose(float(got), float(want), rel_tol=REL, abs_tol=1e-6)


def _diff(where: str, got: dict, want: dict) -> list[str]:
    return [f"{where} {k}: got {got.get(k)!r}, want {v!r}" for k, v in want.items() if not _close(got.get(k), v)]


def _findings(report) -> str:
    rows = [f"  {t['kode']} {t['tingkat']} {t['lembar']}!{t['sel']}: {t['pesan'][:140]}" for t in report["temuan"]]
    more = f"\n  … {len(rows) - 12} more" if len(rows) > 12 else ""
    return "\n".join(rows[:12]) + more


NAMES = list(LAYOUTS)


@pytest.mark.parametrize("name", NAMES)
def test_anggaran(name, folder):
    expected, report = _report(name, folder)
    problems = _diff("anggaran", report["anggaran"], expected["anggaran"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_kegiatan(name, folder):
    expected, report = _report(name, folder)
    levels = Counter(k["level"] for k in report["kegiatan"])
    problems = [f"levels: got {dict(levels)}, want {expected['levels']}"] if dict(levels) != expected["levels"] else []
    by_code = {k["kode"]: k for k in report["kegiatan"] if k["kode"]}
    for kode, (level, pagu, real) in expected["kegiatan"].items():
        got = by_code.get(kode)
        if got is None:
            problems.append(f"{kode}: no such row (kodes read: {sorted(by_code)[:20]})")
            continue
        problems += _diff(kode, got, {"level": level, "pagu": pagu, "realisasi": real})
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_indikator(name, folder):
    expected, report = _report(name, folder)
    by_name = {i["indikator"]: i for i in report["indikator"]}
    problems = []
    if set(by_name) != set(expected["indikator"]):
        problems.append(f"indicators: got {sorted(by_name)}, want {sorted(expected['indikator'])}")
    for ind, want in expected["indikator"].items():
        got = by_name.get(ind)
        if got is None:
            continue
        want = dict(want)
        lalu = want.pop("realisasi_tahun_lalu", None)
        problems += _diff(ind[:40], got, want)
        if lalu is not None:
            got_lalu = {y: v for y, v in got["realisasi_tahun_lalu"].items() if v is not None}
            if set(got_lalu) != set(lalu) or not all(_close(got_lalu[y], v) for y, v in lalu.items()):
                problems.append(f"{ind[:40]} realisasi_tahun_lalu: got {got_lalu}, want {lalu}")
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_efisiensi(name, folder):
    expected, report = _report(name, folder)
    problems = _diff("efisiensi", report["efisiensi"], expected["efisiensi"])
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_belanja(name, folder):
    expected, report = _report(name, folder)
    if "belanja" not in expected:
        pytest.skip("no akun rows in this layout")
    by_code = {g["kode"]: g for g in report["belanja"]}
    problems = []
    for kode, (pagu, real) in expected["belanja"].items():
        got = by_code.get(kode)
        if got is None:
            problems.append(f"belanja {kode}: missing (got {sorted(by_code)})")
            continue
        problems += _diff(f"belanja {kode}", got, {"pagu": pagu, "realisasi": real})
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_kolom(name, folder):
    """The column each field was read from (Pembacaan), where the layout names it; None: not read at all."""
    expected, report = _report(name, folder)
    if "kolom" not in expected:
        pytest.skip("the layout names no column")
    read = {p["peran"]: p["kolom"] for p in report["pembacaan"]}
    problems = [f"{peran} {field}: got {read.get(peran, {}).get(field)!r}, want {letter!r}"
                for peran, fields in expected["kolom"].items() for field, letter in fields.items()
                if read.get(peran, {}).get(field) != letter]
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", NAMES)
def test_no_false_kesalahan(name, folder):
    expected, report = _report(name, folder)
    got = Counter(t["kode"] for t in report["temuan"] if t["tingkat"] == "kesalahan")
    want = Counter(k for k, tingkat in expected["temuan"] if tingkat == "kesalahan")
    assert got == want, f"kesalahan: got {dict(got)}, want {dict(want)}\n{_findings(report)}"


@pytest.mark.parametrize("name", NAMES)
def test_findings_exactly(name, folder):
    """Every finding (peringatan and info too) is one the layout legitimately expects."""
    expected, report = _report(name, folder)
    got = Counter((t["kode"], t["tingkat"]) for t in report["temuan"])
    want = Counter(tuple(t) for t in expected["temuan"])
    assert got == want, f"findings: got {dict(got)}, want {dict(want)}\n{_findings(report)}"


@pytest.mark.parametrize("name", NAMES)
def test_fill_exits_0(name, folder, tmp_path):
    path, _, _ = _case(name, folder)
    out = tmp_path / "out.xlsx"
    proc = run_cli("fill", path, "-o", out, cwd=tmp_path)
    assert proc.returncode == 0, f"exit {proc.returncode}: {proc.stderr.strip()[-500:]}"
    assert out.exists()


@pytest.fixture(scope="module")
def recalculated(tmp_path_factory) -> dict[str, tuple[Path, Path]]:
    """Every layout's `fill` output and its LibreOffice recalculation, in ONE LibreOffice run."""
    from recalc import assert_sentinel_recalculated, recalculate_many, soffice, with_sentinel

    from lkip_xl.writer import write_workbook

    if soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed")
    work = tmp_path_factory.mktemp("realworld_lo")
    outputs, planted = {}, {}
    for name, build in LAYOUTS.items():
        path, _ = build(work)
        outputs[name] = work / f"{path.stem}_lkip.xlsx"
        write_workbook(analyse(str(path)), str(outputs[name]))
        planted[name] = with_sentinel(outputs[name], work)
    copies = recalculate_many([p[0] for p in planted.values()], work)
    done = {}
    for (name, (_copy, _member, cell, true_value)), copy in zip(planted.items(), copies):
        assert_sentinel_recalculated(copy, cell, true_value)
        done[name] = (outputs[name], copy)
    return done


@pytest.mark.libreoffice
@pytest.mark.parametrize("name", list(LAYOUTS))
def test_libreoffice_recalculates_every_formula_of_the_layout(recalculated, name):
    """Subtotal, heading and period readings still give formulas that equal their cached values."""
    from recalc import differences

    produced, recalced = recalculated[name]
    bad, n = differences(produced, recalced)
    assert n > 200 and not bad, bad[:10]
