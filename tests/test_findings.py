"""The finding-code registry (lkip_xl/findings.py): every code declared once, every emitter uses it."""
from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest

from lkip_xl import findings
from lkip_xl.findings import CODES, DEFAULT, LABEL, SHEET_ROLES, TINGKAT, finding
from lkip_xl.model import Cell

PACKAGE = Path(findings.__file__).resolve().parent
PARAMS = set(inspect.signature(finding).parameters) - {"fields"}
AUTO = {"lembar", "sel"} | set(SHEET_ROLES)  # filled from the finding's cell, and the user's sheet names


def emitters() -> list[tuple[str, int, str, str, set[str]]]:
    """Every `finding("CODE", cell, "shape", **fields)` call in the package: (file, line, code, shape, fields)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "finding":
                args = node.args
                assert args and isinstance(args[0], ast.Constant), f"{path}:{node.lineno}: code must be a literal"
                shape = args[2].value if len(args) > 2 else DEFAULT
                names = {k.arg for k in node.keywords} - PARAMS
                out.append((path.relative_to(PACKAGE).as_posix(), node.lineno, args[0].value, shape, names))
    return out


def test_every_code_has_severity_label_and_a_message():
    for code in CODES.values():
        assert code.tingkat in ("kesalahan", "peringatan", "info")
        assert code.label and code.label[0].isupper() and len(code.label) <= 40, code.kode
        assert code.pesan, code.kode
        assert set(code.tingkat_of) <= set(code.pesan)
    assert len(set(LABEL.values())) == len(LABEL), "two codes share a label"
    assert list(TINGKAT) == list(CODES)


def test_template_fields_never_shadow_the_parameters_of_finding():
    for code in CODES.values():
        for shape in code.pesan:
            assert not (code.fields(shape) & PARAMS), (code.kode, shape)


def test_every_emitter_names_a_declared_shape_with_exactly_its_fields():
    calls = emitters()
    assert len(calls) > 40
    for file, line, kode, shape, names in calls:
        assert kode in CODES, f"{file}:{line}: unknown code {kode}"
        code = CODES[kode]
        assert shape in code.pesan, f"{file}:{line}: {kode} has no message shape {shape!r}"
        wanted = code.fields(shape)
        assert wanted - AUTO <= names <= wanted, f"{file}:{line}: {kode}/{shape} fields {sorted(names)}, " \
                                                 f"template wants {sorted(wanted)}"


def test_every_declared_shape_is_emitted_somewhere():
    used = {(kode, shape) for _, _, kode, shape, _ in emitters()}
    declared = {(c.kode, shape) for c in CODES.values() for shape in c.pesan}
    assert declared - used == set()


def test_findings_are_created_only_through_the_registry():
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name in ("findings.py", "model.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                assert getattr(node.func, "id", None) != "Finding", f"{path}:{node.lineno}: use findings.finding()"


def test_message_is_rendered_from_the_template_and_cell():
    f = finding("SISA_MISMATCH", Cell("Realisasi", "F4"), subject="program 7.01", stated="Rp1", pagu="Rp3",
                realisasi="Rp1", computed="Rp2", dilaporkan=1.0, dihitung=2.5)
    assert (f.kode, f.tingkat, f.lembar, f.sel) == ("SISA_MISMATCH", "kesalahan", "Realisasi", "F4")
    assert f.pesan == "Sisa program 7.01 tertulis Rp1, sedangkan pagu Rp3 − realisasi Rp1 = Rp2."
    assert (f.dilaporkan, f.dihitung) == (1, 2.5)  # whole floats as int in the report
    g = finding("UNREADABLE_VALUE", Cell("DPA", "C7"), "cell", why="bukan angka")
    assert g.pesan == "Lembar DPA sel C7: bukan angka."


def test_a_shape_may_carry_its_own_severity():
    f = finding("UNMATCHED_ROW", None, "dpa", subject="Sub kegiatan 1", pagu="Rp5")
    assert f.tingkat == "peringatan" and TINGKAT["UNMATCHED_ROW"] == "kesalahan"


def test_missing_or_unknown_fields_and_shapes_are_errors():
    with pytest.raises(TypeError, match="missing fields"):
        finding("MISSING_REALISASI", None, year=2024)
    with pytest.raises(TypeError, match="unknown fields"):
        finding("MISSING_REALISASI", None, year=2024, indicator="x", tahun=2024)
    with pytest.raises(KeyError):
        finding("SUM_MISMATCH", None)  # several shapes: the caller names one
    with pytest.raises(KeyError):
        finding("NO_SUCH_CODE", None)
