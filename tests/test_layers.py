"""The package reads top-down (issue 8): model and figures at the bottom, then reader, rules, checks,
and writer / report / console on top. A lower layer never imports a higher one or a sibling's internals."""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lkip_xl"

# layer -> the lkip_xl modules it must never import (prefixes)
FORBIDDEN = {
    "model": ["lkip_xl.reader", "lkip_xl.rules", "lkip_xl.checks", "lkip_xl.writer", "lkip_xl.report"],
    "figures": ["lkip_xl.reader", "lkip_xl.rules", "lkip_xl.checks", "lkip_xl.writer", "lkip_xl.report"],
    "findings": ["lkip_xl.reader", "lkip_xl.rules", "lkip_xl.checks", "lkip_xl.writer", "lkip_xl.report"],
    "rules": ["lkip_xl.reader", "lkip_xl.checks", "lkip_xl.writer", "lkip_xl.report"],
    "checks": ["lkip_xl.reader", "lkip_xl.writer", "lkip_xl.report"],
    "writer": ["lkip_xl.checks", "lkip_xl.report", "lkip_xl.console"],
    "report": ["lkip_xl.writer", "lkip_xl.console", "lkip_xl.checks"],
    "console": ["lkip_xl.writer", "lkip_xl.checks"],
}


def _layer(path: Path) -> str:
    rel = path.relative_to(PACKAGE)
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            out.append((node.lineno, node.module))
            out += [(node.lineno, f"{node.module}.{a.name}") for a in node.names]
        elif isinstance(node, ast.Import):
            out += [(node.lineno, a.name) for a in node.names]
    return out


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_import_goes_up_or_sideways(path):
    forbidden = FORBIDDEN.get(_layer(path), [])
    bad = [(line, mod) for line, mod in _imports(path)
           if any(mod == f or mod.startswith(f + ".") for f in forbidden)]
    assert not bad, f"{path.relative_to(PACKAGE)} imports {bad}"


def test_the_check_itself_can_fail(tmp_path):
    """A writer module importing the checks is caught (the scan is not vacuous)."""
    bad = tmp_path / "x.py"
    bad.write_text("from lkip_xl.checks.klaim import claim_value\nimport lkip_xl.reader.values\n")
    mods = [m for _, m in _imports(bad)]
    assert "lkip_xl.checks.klaim" in mods and "lkip_xl.reader.values" in mods
