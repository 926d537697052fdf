"""figures.py is the only formula source (issue 18 item 3): no string literal of the package outside
figures.py (or a figures/ package) and writer/layout.py (the addresses) holds formula text.

The scan reads every module's string literals with `ast`: plain strings and the constant parts of
f-strings (docstrings are prose and are passed over). A placeholder counts as a cell when it is an
address (an f-string slot that calls a1/ref/…, or a `{name}` slot of a template string), else as an
opaque operand. A literal is formula text when it

- starts with `=` and a reference, function, quote or parenthesis;
- calls a spreadsheet function (`SUM(`, `IF(`, `COUNTIF(`, `ROUND(`, `ISNUMBER(` …);
- puts an operator between a cell and an operand with no space (`A1-B1`, `{c}>100`, `{x}=0`);
- is a formula string constant standing alone (`"-"`, `""`, `"{status}"`), or passes one as an
  argument (`range,"I01"`).
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "lkip_xl"

FUNCTIONS = ("SUM", "SUMIF", "SUMIFS", "SUMPRODUCT", "COUNT", "COUNTA", "COUNTIF", "COUNTIFS", "AVERAGE",
             "AVERAGEIF", "AVERAGEIFS", "MIN", "MAX", "MINIFS", "MAXIFS", "IF", "IFS", "IFERROR", "ISNUMBER",
             "ISLOGICAL", "ISTEXT", "ISBLANK", "AND", "OR", "NOT", "ROUND", "ROUNDUP", "ROUNDDOWN", "ABS", "INT",
             "MOD", "TEXT", "MID", "LEN", "LEFT", "RIGHT", "REPLACE", "SUBSTITUTE", "CHAR", "CONCATENATE", "FIXED",
             "VALUE", "HYPERLINK", "INDEX", "MATCH", "VLOOKUP", "HLOOKUP", "LOOKUP", "AGGREGATE", "TRIM")
CELL, OPERAND = "A1", "x"
# f-string slots that give an address
ADDRESS_HELPERS = {"a1", "ref", "_column", "quote_sheet", "column_letter", "figure_ref", "range", "col", "h"}
RULES = {
    "leading =": re.compile(r"""^=[A-Za-z$'"(]"""),
    "function call": re.compile(r"(?<![A-Za-z0-9_.])(" + "|".join(FUNCTIONS) + r")\("),
    "operator on a cell": re.compile(r"""A1(<>|<=|>=|[=<>+\-*/&^])(A1|x|\d|"|\$)|x(<>|<=|>=|[=<>+\-*/&^])(A1|\d|"|\$)"""),
    "string constant": re.compile(r'^"(|-|A1|x)"$'),
    "string argument": re.compile(r'(A1|x|\)),"[^"]*"(,|\)|$)'),
}
# Where formula text belongs: the declarations, and the addresses they are rendered with.
ALLOWED = ("figures.py", "figures/", "writer/layout.py")


def _slot(value: ast.FormattedValue) -> str:
    call = value.value
    if isinstance(call, ast.Call):
        fn = call.func
        name = fn.id if isinstance(fn, ast.Name) else fn.attr if isinstance(fn, ast.Attribute) else ""
        if name in ADDRESS_HELPERS:
            return CELL
    return OPERAND


def literal_text(node: ast.AST) -> str:
    """The literal as the scan reads it: address placeholders as A1, other placeholders as x."""
    if isinstance(node, ast.Constant):
        return re.sub(r"\{[A-Za-z_][A-Za-z_0-9]*\}", CELL, node.value)
    return "".join(str(v.value) if isinstance(v, ast.Constant) else _slot(v) for v in node.values)


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and body:
            first = body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and \
                    isinstance(first.value.value, str):
                out.add(id(first.value))
    return out


def formula_literals(source: str) -> list[tuple[int, str, str]]:
    """(line, rule, literal text) of every string literal of `source` that is formula text."""
    tree = ast.parse(source)
    skip = _docstrings(tree)
    skip |= {id(v) for n in ast.walk(tree) if isinstance(n, ast.JoinedStr) for v in n.values}
    out = []
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            text = literal_text(node)
            rule = next((name for name, pattern in RULES.items() if pattern.search(text)), None)
            if rule:
                out.append((node.lineno, rule, text))
    return sorted(out)


def scanned_modules() -> list[Path]:
    return [p for p in sorted(PACKAGE.rglob("*.py"))
            if not p.relative_to(PACKAGE).as_posix().startswith(ALLOWED)]


def test_no_formula_text_outside_figures_and_layout():
    found = [f"{p.relative_to(PACKAGE).as_posix()}:{line} [{rule}] {text[:100]!r}"
             for p in scanned_modules() for line, rule, text in formula_literals(p.read_text(encoding="utf-8"))]
    assert not found, f"{len(found)} formula literals outside figures/layout:\n" + "\n".join(found)


def test_the_scan_covers_the_package_and_spares_the_declarations():
    names = {p.relative_to(PACKAGE).as_posix() for p in scanned_modules()}
    assert {"writer/rekap.py", "writer/review.py", "writer/ringkasan.py", "writer/book.py", "writer/analisis.py",
            "teks.py"} <= names
    assert not names & {"figures.py", "writer/layout.py"}
    figures = PACKAGE / "figures.py"
    if figures.exists():
        assert formula_literals(figures.read_text(encoding="utf-8"))  # it does hold formulas: the scan sees them


PLANTED = '''
"""A docstring may say IF(A1=0,"-",B1/A1): prose."""
def sisa(ws, r):
    ws.write_formula(r, 4, f"{a1(r, 2)}-{a1(r, 3)}")
    total = f"SUM({a1(4, 2)}:{a1(9, 2)})"
    criteria = f'=${_column(11)}4="{STATUS}"'
    flag = "{c}>100"
    nothing = '"-"'
    which = f'{ref(SHEET, 3, 0)}:{ref(SHEET, 9, 0)},"{iid}"'
    verdict = f"{diff}=0"
'''
HARMLESS = '''
rows = f"{first}-{last}"
pesan = "Realisasi {x} / pagu {y} = {z}."
unit = '"%"'
fmt = "#,##0.00"
risky = ("=", "+", "-", "@")
progress = f"[{done}/{total}] {name}"
'''


def test_the_scan_catches_a_planted_formula():
    """Formula text planted in a module is found, one hit per literal; prose and formats are not."""
    found = formula_literals(PLANTED)
    assert [rule for _, rule, _ in found] == ["operator on a cell", "function call", "leading =",
                                             "operator on a cell", "string constant", "string argument",
                                             "operator on a cell"], found
    assert formula_literals(HARMLESS) == []
