"""The package's structure, enforced (issue 18): every module has a layer, and imports only go down.

LAYERS gives each module its layer (by the longest matching name); MAY_IMPORT says which layers a layer
may import. Imports inside one layer are allowed, but no module may take part in an import cycle.
Function-local imports count as imports (they only defer the cost); an import under TYPE_CHECKING
does not (it never runs).
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "lkip_xl"

# Lowest first. A module belongs to the layer of the longest prefix that names it.
LAYERS: dict[str, tuple[str, ...]] = {
    # plain helpers on which everything stands: errors, names, Excel arithmetic, the terminal, atomic output
    "base": ("lkip_xl.errors", "lkip_xl.names", "lkip_xl.collector", "lkip_xl.arith", "lkip_xl.terminal",
             "lkip_xl.output"),
    "figures": ("lkip_xl.figures",),  # every figure's value and formula, declared once
    "model": ("lkip_xl.model", "lkip_xl.findings", "lkip_xl.textfmt"),  # plain data, finding registry, wording
    "reader": ("lkip_xl.reader",),
    "rules": ("lkip_xl.rules",),
    "checks": ("lkip_xl.checks",),
    "api": ("lkip_xl.api",),  # read → compute → check
    # what a Result is shown as; none of it reads input or judges it
    "present": ("lkip_xl.report", "lkip_xl.console", "lkip_xl.teks", "lkip_xl.writer", "lkip_xl.rekap_data"),
    "template": ("lkip_xl.template",),  # the empty input: its labels are the reader's synonyms
    "rekap": ("lkip_xl.rekap", "lkip_xl.frames"),  # many workbooks at once, and their DataFrames
    "app": ("lkip_xl.commands", "lkip_xl.cli", "lkip_xl.__main__", "lkip_xl.web"),
    "package": ("lkip_xl",),  # lkip_xl/__init__.py: the library's front door
}
_BELOW_PRESENT = {"base", "figures", "model", "rules"}
MAY_IMPORT: dict[str, set[str]] = {
    "base": set(),
    "figures": {"base"},
    "model": {"base", "figures"},
    "reader": {"base", "figures", "model"},
    "rules": {"base", "figures", "model"},
    "checks": {"base", "figures", "model", "rules"},
    "api": {"base", "figures", "model", "reader", "rules", "checks"},
    "present": _BELOW_PRESENT,
    "template": {"base", "figures", "model", "reader"},
    "rekap": {"base", "figures", "model", "reader", "rules", "checks", "api", "present"},
    "app": {"base", "figures", "model", "reader", "rules", "checks", "api", "present", "template", "rekap"},
    "package": {"base", "figures", "model", "reader", "rules", "checks", "api", "present", "template", "rekap",
                "app"},
}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def layer_of(module: str) -> str | None:
    best = None
    for layer, prefixes in LAYERS.items():
        for prefix in prefixes:
            below = module.startswith(prefix + ".") and prefix != "lkip_xl"  # the package's own layer is itself only
            if (module == prefix or below) and (best is None or len(prefix) > len(best[1])):
                best = (layer, prefix)
    return best[0] if best else None


def _resolve(name: str, modules) -> str | None:
    """The module an imported name lives in (`lkip_xl.reader.sheets.Sheet` -> `lkip_xl.reader.sheets`)."""
    while name:
        if name in modules:
            return name
        name = name.rsplit(".", 1)[0] if "." in name else ""
    return None


def imports(source: str, modules=MODULES) -> list[tuple[int, str]]:
    """(line, module) of every lkip_xl module the source imports at run time."""
    tree = ast.parse(source)
    skipped: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            skipped.update(id(n) for n in ast.walk(node))
    out = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.split(".")[0] == "lkip_xl":
                target = _resolve(name, modules)
                if target is not None:
                    out.append((node.lineno, target))
    return out


def bad_imports(module: str, source: str, modules=MODULES) -> list[str]:
    mine = layer_of(module)
    out = []
    for line, target in imports(source, modules):
        theirs = layer_of(target)
        if target == module or theirs == mine or (module == "lkip_xl" and target.startswith("lkip_xl.")
                                                  and theirs in MAY_IMPORT["package"]):
            continue
        if theirs not in MAY_IMPORT.get(mine, set()):
            out.append(f"line {line}: {module} ({mine}) imports {target} ({theirs})")
    return out


def test_every_module_has_a_layer():
    missing = [m for m in MODULES if layer_of(m) is None]
    assert not missing, f"modules with no layer in tests/test_layers.py LAYERS: {missing}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_only_go_down(module):
    bad = bad_imports(module, MODULES[module].read_text(encoding="utf-8"))
    assert not bad, "\n".join(bad)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    found: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                found.append(sorted(comp))

    for v in graph:
        if v not in index:
            visit(v)
    return found


def test_no_import_cycles():
    graph = {m: {t for _, t in imports(p.read_text(encoding="utf-8"))} - {m} for m, p in MODULES.items()}
    assert _cycles(graph) == []


def test_the_checks_catch_what_they_are_meant_to():
    """The rules are not vacuous: the two imports the issue names, a module with no layer, a cycle."""
    # the reader reaching up into the writer, and the wording helpers reaching up into the rekap
    assert bad_imports("lkip_xl.reader.values", "from lkip_xl.writer.book import Book\n")
    assert bad_imports("lkip_xl.textfmt", "from lkip_xl.rekap import run_rekap\n")
    # the writer taking a helper from the reader: sideways, as present may not import reader
    assert bad_imports("lkip_xl.writer.stream", "from lkip_xl.reader.sheets import column_letter\n")
    # a function-local import counts; one under TYPE_CHECKING does not
    assert bad_imports("lkip_xl.model", "def f():\n    from lkip_xl.checks import run_checks\n")
    assert not bad_imports("lkip_xl.model", "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n"
                                            "    from lkip_xl.checks import run_checks\n")
    assert layer_of("lkip_xl.nieuw") is None
    assert _cycles({"a": {"b"}, "b": {"a"}, "c": {"a"}}) == [["a", "b"]]
