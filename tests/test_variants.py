"""Layout variants give the same report (issue 7 item 6, SPEC §10: "The same data in any of these
layouts gives the same report").

Each case re-lays every input sheet of a base workbook (the sample and builder workbooks, see
tests/variants.py) and asserts that the report equals the base's: every number, and the findings
as a multiset of (kode, tingkat) with their numbers; `pembacaan`, sheet names, cells and
sentences are left out (they depend on the layout).

Two kinds of cases:
- single_<transformation>: exactly one transformation on every sheet (isolates a reader weakness);
- mix: a random mix of transformations, each on a random subset of the sheets.

A failure prints the seed, the recipe and the differences, and the command that rebuilds the
variant: python -m tests.variants SEED out.xlsx --base BASE [--only T] --check
"""
from __future__ import annotations

import pytest
from variants import TRANSFORMS, base_path, compare_reports, failure_message, make_variant, report_for

# Single-transformation variants: seeds per base and transformation.
SINGLE = {"sample": 2, "minimal": 1, "split": 2, "two_row": 2, "findings": 1, "akun": 1}
# Random mixes per base.
MIX = {"sample": 25, "minimal": 20, "split": 30, "two_row": 30, "findings": 25, "akun": 20}

CASES = [pytest.param(base, t, seed, id=f"{base}-single_{t}-{seed}")
         for base, n in SINGLE.items() for t in TRANSFORMS for seed in range(n)]
CASES += [pytest.param(base, None, seed, id=f"{base}-mix-{seed}") for base, n in MIX.items() for seed in range(n)]

_BASE_REPORTS: dict[str, dict] = {}


@pytest.fixture(scope="module")
def bases_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("variant_bases")


def _base_report(name: str, folder) -> dict:
    if name not in _BASE_REPORTS:
        _BASE_REPORTS[name] = report_for(base_path(name, folder))
    return _BASE_REPORTS[name]


def test_enough_variants():
    assert len(CASES) >= 200


@pytest.mark.parametrize(("base", "only", "seed"), CASES)
def test_variant_gives_the_same_report(base, only, seed, bases_dir, tmp_path):
    expected = _base_report(base, bases_dir)
    out = tmp_path / f"{base}_{only or 'mix'}_{seed}.xlsx"
    recipe = make_variant(base, seed, out, only=only, folder=bases_dir)
    try:
        got = report_for(out)
    except Exception as exc:  # an InputError (exit 3) or a crash is a difference too
        pytest.fail(failure_message(recipe, [f"analyse failed: {type(exc).__name__}: {exc}"]), pytrace=False)
    diffs = compare_reports(expected, got)
    if diffs:
        pytest.fail(failure_message(recipe, diffs), pytrace=False)


def test_generator_is_deterministic(bases_dir, tmp_path):
    a = make_variant("split", 7, tmp_path / "a.xlsx", folder=bases_dir)
    b = make_variant("split", 7, tmp_path / "b.xlsx", folder=bases_dir)
    assert a == b


def test_single_mode_applies_exactly_one_transformation(bases_dir, tmp_path):
    for t in TRANSFORMS:
        recipe = make_variant("sample", 0, tmp_path / f"{t}.xlsx", only=t, folder=bases_dir)
        assert recipe["applied"] == [t], (t, recipe)


def test_variant_keeps_values_formats_and_merges(bases_dir, tmp_path):
    """Self-check of the generator: a permutation + extra columns + blank rows variant of the sample
    keeps every data cell (value and number format) and the vertical merges of the Kinerja sheet."""
    import openpyxl

    out = tmp_path / "v.xlsx"
    make_variant("sample", 3, out, only=["permute", "extra_columns", "blank_rows", "title"], folder=bases_dir)
    base = openpyxl.load_workbook(base_path("sample", bases_dir))
    var = openpyxl.load_workbook(out)

    def cells(ws, first_row):
        got = {}
        for row in ws.iter_rows(min_row=first_row):
            for c in row:
                if c.value is not None:
                    got.setdefault(c.value if not isinstance(c.value, str) else c.value.strip(), set()).add(
                        c.number_format)
        return got

    for name in ("DPA", "Realisasi", "Kinerja", "Pemetaan", "Belanja"):
        b, v = cells(base[name], 3), cells(var[name], 1)
        missing = {k: f for k, f in b.items() if k not in v or not f <= v[k]}
        assert not missing, (name, missing)
    # the sasaran merged over two indicator rows still spans exactly those two rows
    ws = var["Kinerja"]
    spans = [m for m in ws.merged_cells.ranges if m.max_row - m.min_row == 1 and m.min_col == m.max_col
             and ws.cell(m.min_row, m.min_col).value == "Meningkatnya Penyelenggaraan Pemerintahan Desa"]
    assert len(spans) == 1
    r = spans[0].min_row
    col = [c for c in range(1, ws.max_column + 1) if ws.cell(r, c).value == "Persentase Desa Tertib Administrasi "
           "Pemerintahan"]
    assert col and ws.cell(r + 1, col[0]).value == "Persentase Desa Tertib Administrasi Keuangan"
