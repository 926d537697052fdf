"""Every derived figure declared once: an expression that evaluates and renders.

A figure is an expression over named inputs (`Ref`) and constants. The same declaration

- `value(env)`: the unrounded Python value, with Excel's semantics where Python differs: a guarded
  division by zero, a text input or a missing input is "no value" (None, the "-" the sheet shows);
- `formula(addr)`: the Excel formula text for the given cell addresses, without the leading "=".

The rules evaluate the declarations (JSON, findings, cached results); the writer renders them and
caches the value the rules evaluated, so a formula and its cached value cannot drift. LibreOffice
recalculation (tests/test_fill.py, tests/test_figures.py) proves the two agree.

This module is the only source of formula text: the writer, the rekap, the written analysis (through
teks.py), the Status columns and the conditional formats render declarations made here, over the
addresses writer/layout.py names (tests/test_formula_source.py scans the package for any other).
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Context, Decimal
from typing import Any, Callable, Mapping, TypeVar, dataclass_transform

from lkip_xl.arith import add_up, approx_sub

# Declarations are built once at import and never changed; only __init__ is generated (no repr, eq,
# hash or frozen setattr): each generated method costs an exec at start-up, and the CLI starts often.
_T = TypeVar("_T")


@dataclass_transform(eq_default=False)
def _declaration(cls: type[_T]) -> type[_T]:
    return dataclass(eq=False, repr=False)(cls)

Env = Mapping[str, Any]
Addr = Mapping[str, Any]  # a name -> a cell or range address, or (for a criteria list) pairs of them


def _number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def round_excel(x: float, n: int = 0) -> float:
    """Round half away from zero after 15 significant digits, as Excel and LibreOffice do.

    Total: any finite float and any `n` (also 450 decimals, or -400) give a finite float.
    """
    if not math.isfinite(x):
        return x
    if n >= 0 and abs(x) < 1e15 and float(x).is_integer():
        return float(x)  # a whole number below 15 digits: nothing to round (the common case, quickly)
    d = Decimal(f"{x:.15g}")
    exponent = d.as_tuple().exponent
    if not isinstance(exponent, int) or exponent >= -n:
        out = float(d)  # nothing beyond the n-th decimal: no rounding to do
    elif d.adjusted() < -n - 1:
        out = 0.0  # below half a unit of the n-th decimal
    else:
        # Digits kept: those before the point plus n (both bounded here: at most ~340 + 15).
        context = Context(prec=max(28, d.adjusted() + n + 3))
        out = float(d.quantize(Decimal(1).scaleb(-n, context), rounding=ROUND_HALF_UP, context=context))
    # 15 significant digits of the largest doubles round up past the largest double.
    return out if math.isfinite(out) else x


class Expr:
    """An expression; `prec` orders operators for parentheses (atoms bind tightest)."""

    prec = 9

    def value(self, env: Env) -> Any:
        raise NotImplementedError

    def formula(self, addr: Addr) -> str:
        raise NotImplementedError

    def template(self, *names: str) -> Callable[..., str]:
        """The formula as a function of the addresses of `names` (in that order), rendered once: a data
        sheet writing the same figure on 100k rows only puts the addresses in. For figures whose
        addresses are single cells or ranges (not lists)."""
        marks = {name: f"\x00{i}\x00" for i, name in enumerate(names)}
        text = self.formula(marks).replace("{", "{{").replace("}", "}}")
        for i in range(len(names)):
            text = text.replace(f"\x00{i}\x00", f"{{{i}}}")
        return text.format


@_declaration
class Ref(Expr):
    """A named input: a number, None ("-") or, for a label such as the polarity, text."""

    name: str

    def value(self, env: Env) -> Any:
        return env.get(self.name)

    def formula(self, addr: Addr) -> str:
        return addr[self.name]


@_declaration
class Const(Expr):
    x: float

    def value(self, env: Env) -> Any:
        return self.x

    def formula(self, addr: Addr) -> str:
        return str(self.x) if isinstance(self.x, int) else f"{self.x:g}"  # a count of a million stays 1000000


def _e(x: Expr | float) -> Expr:
    return x if isinstance(x, Expr) else Const(x)


@_declaration
class _Binary(Expr):
    left: Expr
    right: Expr
    op = "?"

    def __init__(self, left: Expr | float, right: Expr | float) -> None:
        object.__setattr__(self, "left", _e(left))
        object.__setattr__(self, "right", _e(right))

    def value(self, env: Env) -> Any:
        a, b = self.left.value(env), self.right.value(env)
        if not (_number(a) and _number(b)):
            return None  # Excel: #VALUE! on "-" ; the guards around never let it get here
        return self.apply(a, b)

    def apply(self, a: float, b: float) -> Any:
        raise NotImplementedError

    def formula(self, addr: Addr) -> str:
        left = self.left.formula(addr)
        right = self.right.formula(addr)
        if self.left.prec < self.prec:
            left = f"({left})"
        if self.right.prec <= self.prec:  # left-associative: a-(b-c), a/(b*c) keep theirs
            right = f"({right})"
        return f"{left}{self.op}{right}"


class Add(_Binary):
    op, prec = "+", 1

    def apply(self, a: float, b: float) -> Any:
        return a + b


class Sub(_Binary):
    op, prec = "-", 1

    def apply(self, a: float, b: float) -> Any:
        return approx_sub(a, b)  # as the spreadsheet's `-`: 0 for operands equal to ~15 digits


class Mul(_Binary):
    op, prec = "*", 2

    def apply(self, a: float, b: float) -> Any:
        return a * b


class Div(_Binary):
    op, prec = "/", 2

    def apply(self, a: float, b: float) -> Any:
        return a / b if b else None  # Excel: #DIV/0!


@_declaration
class Group(Expr):
    """Parentheses as the formula has always been written; no effect on the value."""

    inner: Expr

    def value(self, env: Env) -> Any:
        return self.inner.value(env)

    def formula(self, addr: Addr) -> str:
        return f"({self.inner.formula(addr)})"


@_declaration
class ZeroGuard(Expr):
    """IF(x=0,"-",then): nothing when `x` is zero."""

    x: Expr
    then: Expr

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return None if x == 0 else self.then.value(env)

    def formula(self, addr: Addr) -> str:
        return f'IF({self.x.formula(addr)}=0,"-",{self.then.formula(addr)})'


@_declaration
class Finite(Expr):
    """No figure is ever inf or nan: an overflowing quotient is "no value" (checks/finite.py says why)."""

    inner: Expr

    def value(self, env: Env) -> Any:
        v = self.inner.value(env)
        return v if v is None or math.isfinite(v) else None

    def formula(self, addr: Addr) -> str:
        return self.inner.formula(addr)


@_declaration
class IfNumbers(Expr):
    """`then` when every input is a number, else "-".

    style "and":    IF(AND(ISNUMBER(a),ISNUMBER(b)),then,"-")
    style "or_not": IF(OR(NOT(ISNUMBER(a)),NOT(ISNUMBER(b))),"-",then)
    """

    inputs: tuple[Expr, ...]
    then: Expr
    style: str = "and"

    def value(self, env: Env) -> Any:
        if not all(_number(i.value(env)) for i in self.inputs):
            return None
        return self.then.value(env)

    def formula(self, addr: Addr) -> str:
        refs = [i.formula(addr) for i in self.inputs]
        if self.style == "or_not":
            test = ",".join(f"NOT(ISNUMBER({r}))" for r in refs)
            return f'IF(OR({test}),"-",{self.then.formula(addr)})'
        test = ",".join(f"ISNUMBER({r})" for r in refs)
        if len(refs) > 1:
            test = f"AND({test})"
        return f'IF({test},{self.then.formula(addr)},"-")'


@_declaration
class IfNegatif(Expr):
    """IF(pol="Negatif",negatif,positif); Excel compares text ignoring case."""

    polaritas: Expr
    negatif: Expr
    positif: Expr

    def value(self, env: Env) -> Any:
        pol = self.polaritas.value(env)
        negative = isinstance(pol, str) and pol.lower() == "negatif"
        return (self.negatif if negative else self.positif).value(env)

    def formula(self, addr: Addr) -> str:
        return (f'IF({self.polaritas.formula(addr)}="Negatif",{self.negatif.formula(addr)},'
                f'{self.positif.formula(addr)})')


@_declaration
class Clamp(Expr):
    """MAX(lo,MIN(hi,x))."""

    x: Expr
    lo: float
    hi: float

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return None if not _number(x) else max(self.lo, min(self.hi, x))

    def formula(self, addr: Addr) -> str:
        return f"MAX({self.lo:g},MIN({self.hi:g},{self.x.formula(addr)}))"


@_declaration
class Mean(Expr):
    """IFERROR(AVERAGE(range),"-"): the mean of the numbers of a range; `env[name]` lists them.

    Each term is divided before the sum, so finite terms never give inf; a mean that is still
    not finite is "no value".
    """

    name: str

    def value(self, env: Env) -> Any:
        xs = [x for x in env.get(self.name) or () if _number(x)]
        if not xs:
            return None
        mean = add_up(x / len(xs) for x in xs)
        return mean if math.isfinite(mean) else None

    def formula(self, addr: Addr) -> str:
        return f'IFERROR(AVERAGE({addr[self.name]}),"-")'


@_declaration
class FirstNumber(Expr):
    """The first of the inputs that is a number, else "-": IF(ISNUMBER(a),a,IF(ISNUMBER(b),b,"-")).

    An input the workbook has no cell for (absent from the addresses) is skipped in the formula;
    its value is then None as well.
    """

    names: tuple[str, ...]

    def value(self, env: Env) -> Any:
        return next((env[n] for n in self.names if _number(env.get(n))), None)

    def formula(self, addr: Addr) -> str:
        formula = '"-"'
        for name in reversed(self.names):
            if name in addr:
                formula = f"IF(ISNUMBER({addr[name]}),{addr[name]},{formula})"
        return formula


@_declaration
class FirstGiven(Expr):
    """The first of the inputs that is not empty, when it is a number, else "-":
    IF(a="",IF(ISNUMBER(b),b,"-"),IF(ISNUMBER(a),a,"-")). Text in a (a value that could not be read) is
    no number and does not let b stand in for it (SPEC §10.21).

    An input the workbook has no cell for (absent from the addresses) is skipped in the formula;
    its value is then None as well.
    """

    names: tuple[str, ...]

    def value(self, env: Env) -> Any:
        for n in self.names:
            v = env.get(n)
            if v is None or v == "":
                continue
            return v if _number(v) else None
        return None

    def formula(self, addr: Addr) -> str:
        formula = '"-"'
        for name in reversed(self.names):
            if name in addr:
                a = addr[name]
                number = f'IF(ISNUMBER({a}),{a},"-")'
                formula = number if formula == '"-"' else f'IF({a}="",{formula},{number})'
        return formula


@_declaration
class AsWritten(Expr):
    """An input shown as written, text or number, "-" when blank: IF(a="","-",a)."""

    name: str

    def value(self, env: Env) -> Any:
        v = env.get(self.name)
        return None if v is None or v == "" else v

    def formula(self, addr: Addr) -> str:
        a = addr[self.name]
        return f'IF({a}="","-",{a})'


@_declaration
class TextOf(Expr):
    """A text cell of a data sheet shown as it is, "" when blank (a reference to a blank cell gives 0):
    IF(a="","",a). A text starting with `=` stays text: a reference returns it, never evaluates it."""

    name: str

    def value(self, env: Env) -> Any:
        v = env.get(self.name)
        return "" if v is None else str(v)

    def formula(self, addr: Addr) -> str:
        a = addr[self.name]
        return f'IF({a}="","",{a})'


@_declaration
class UnderIt(Expr):
    """Text `first`, and `second` on a line under it when `second` is given: first&IF(b="","",CHAR(10)&b)."""

    first: Expr
    second: str
    prec = 0  # a & join, as Concat

    def value(self, env: Env) -> Any:
        under = env.get(self.second)
        return self.first.value(env) + (f"\n{under}" if under not in (None, "") else "")

    def formula(self, addr: Addr) -> str:
        b = addr[self.second]
        return f'{self.first.formula(addr)}&IF({b}="","",CHAR(10)&{b})'


@_declaration
class IfError(Expr):
    """IFERROR(first,fallback): `fallback` where `first` has no value."""

    first: Expr
    fallback: Expr

    def value(self, env: Env) -> Any:
        v = self.first.value(env)
        return self.fallback.value(env) if v is None else v

    def formula(self, addr: Addr) -> str:
        return f"IFERROR({self.first.formula(addr)},{self.fallback.formula(addr)})"


@_declaration
class Sum(Expr):
    """SUM(range): `env[name]` lists the numbers of the range, `addr[name]` is the range (0 with none)."""

    name: str

    def value(self, env: Env) -> Any:
        return add_up(x for x in env.get(self.name) or () if _number(x))

    def formula(self, addr: Addr) -> str:
        return f"SUM({addr[self.name]})" if addr[self.name] else "0"  # no cells: nothing to add


@_declaration
class Plus(Expr):
    """a+b+c… over cells (`addr[name]` lists them, `env[name]` their values); 0 with none."""

    name: str

    def value(self, env: Env) -> Any:
        return add_up(env.get(self.name) or ())

    def formula(self, addr: Addr) -> str:
        return "+".join(addr[self.name]) or "0"


@_declaration
class SumIfs(Expr):
    """The numbers of a range on the rows of one indicator (Data Pemetaan; Data Komponen: and year, and
    for a ratio one metode).

    `addr["nilai"]` is the value range, `addr["kriteria"]` the (range, value) pairs of the indicator
    (and year), `addr["metode"]` the metode range; `env[name]` lists the matching numbers in row order.
    """

    name: str  # "nilai" (every row), "pembilang" or "penyebut"
    how: str = "sum"  # "sum" | "mean"

    def value(self, env: Env) -> Any:
        xs = list(env.get(self.name) or ())
        if self.how == "mean":
            return add_up(xs) / len(xs) if xs else None  # Excel: #DIV/0!
        return add_up(xs)

    def formula(self, addr: Addr) -> str:
        fn = "AVERAGEIFS" if self.how == "mean" else "SUMIFS"
        pairs = list(addr["kriteria"]) + ([(addr["metode"], self.name)] if self.name != "nilai" else [])
        kriteria = "".join(f",{rng},{_criterion(v)}" for rng, v in pairs)
        return f'{fn}({addr["nilai"]}{kriteria})'


def _criterion(v: str | float) -> str:
    """A criterion value as formula text: text quoted, a number as written."""
    return _literal(v) if isinstance(v, str) else Const(v).formula({})


@_declaration
class SumProductEq(Expr):
    """SUMPRODUCT(--(keys="kode"),values): the sum of the values whose key is `kode`, as text.

    `env["values"]` lists the values of the rows whose key equals the code, in row order.
    """

    def value(self, env: Env) -> Any:
        return add_up(env.get("values") or ())

    def formula(self, addr: Addr) -> str:
        return f'SUMPRODUCT(--({addr["keys"]}="{addr["kode"]}"),{addr["values"]})'


@_declaration
class CountIfs(Expr):
    """COUNTIFS(range,criterion,…): the rows where every range holds its criterion.

    `env[name]` lists a range's cells in row order and `addr[name]` is the range; a criterion is an
    expression whose value is the text sought and whose formula is a cell holding it, or a text written
    into the formula quoted. Text compares ignoring case, as the spreadsheet compares it; the criterion
    "<>" holds for every cell that is not empty. The criteria given are plain labels (`S1`, `III/a`,
    `PPPK`): no wildcard (`*`, `?`, `~`) and no other operator.
    """

    where: tuple[tuple[str, Expr | str], ...]

    def value(self, env: Env) -> Any:
        columns = [env.get(name) or () for name, _ in self.where]
        tests = [_holds(c if isinstance(c, str) else c.value(env)) for _, c in self.where]
        return sum(1 for row in zip(*columns) if all(test(x) for test, x in zip(tests, row)))

    def formula(self, addr: Addr) -> str:
        pairs = (f"{addr[name]},{_criterion(c) if isinstance(c, str) else c.formula(addr)}" for name, c in self.where)
        return "COUNTIFS(" + ",".join(pairs) + ")"


def _holds(criterion: Any) -> Callable[[Any], bool]:
    """A COUNTIFS criterion as a test of one cell: "<>" any cell not empty, a text that text ignoring case."""
    if criterion == "<>":
        return lambda x: x is not None and x != ""
    wanted = str(criterion).casefold()
    return lambda x: isinstance(x, str) and x.casefold() == wanted


@_declaration
class Band(Expr):
    """The kategori of a capaian on a live scale: nested IF(c>=bound,name,…) over the scale's cells.

    `env["skala"]` is [(lower bound, name)], highest first, the last open below (-inf);
    `addr["batas"]` / `addr["nama"]` list the scale's cells in the same order.
    """

    capaian: Expr

    def value(self, env: Env) -> Any:
        c = self.capaian.value(env)
        if not _number(c):
            return None
        scale = env["skala"]
        # Compare at 15 significant digits, as Excel and LibreOffice do: a capaian built from
        # components (rata-rata 89,97 and 90,11 against a target of 90,04) is 99.99999999999999 in
        # binary floating point, and shows, and is, 100 %.
        c = float(f"{c:.15g}")
        for bound, name in scale:
            if c >= bound:
                return name
        return scale[-1][1]

    def formula(self, addr: Addr) -> str:  # type: ignore[override]
        batas, nama = addr["batas"], addr["nama"]
        cap = self.capaian.formula(addr)
        formula = nama[-1]
        for k in range(len(nama) - 2, -1, -1):
            formula = f"IF({cap}>={batas[k]},{nama[k]},{formula})"
        return f'IF(ISNUMBER({cap}),{formula},"-")'


@_declaration
class CountsForE(Expr):
    """The efisiensi of an indicator that enters E, else "" (SPEC §9.3): a sasaran indicator with a
    budget and an efisiensi. IF(AND(level="Sasaran",ISNUMBER(eff),ISNUMBER(pagu)),eff,"")."""

    def value(self, env: Env) -> Any:
        ok = (str(env.get("level", "")).lower() == "sasaran" and _number(env.get("efisiensi"))
              and _number(env.get("pagu")))
        return env["efisiensi"] if ok else ""

    def formula(self, addr: Addr) -> str:
        eff = addr["efisiensi"]
        return f'IF(AND({addr["level"]}="Sasaran",ISNUMBER({eff}),ISNUMBER({addr["pagu"]})),{eff},"")'


@_declaration
class Round(Expr):
    """ROUND(x,digits): half away from zero, after 15 significant digits, as Excel rounds."""

    x: Expr
    digits: int

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return round_excel(x, self.digits) if _number(x) else None

    def formula(self, addr: Addr) -> str:
        return f"ROUND({self.x.formula(addr)},{self.digits})"


def _rank(v: Any) -> int:
    return 0 if _number(v) else 2 if isinstance(v, bool) else 1


def excel_order(a: Any, b: Any) -> int:
    """-1, 0 or 1 as a spreadsheet orders two cell values: numbers by value (equal when they agree to
    about 15 digits, as LibreOffice's approxEqual), text after every number and ignoring case; None,
    the "-" a figure without value shows, is text. A blank cell (0 or "" by the other side) and TRUE or
    FALSE (1 and 0 in LibreOffice, not in Excel) are left out: no declaration compares them
    (tests/test_figures.py proves the rest against LibreOffice)."""
    a, b = ("-" if v is None else v for v in (a, b))
    if _rank(a) != _rank(b):
        return -1 if _rank(a) < _rank(b) else 1
    if _number(a):
        d = approx_sub(a, b)
        return (d > 0) - (d < 0)
    if isinstance(a, str):
        a, b = a.casefold(), str(b).casefold()
    return (a > b) - (a < b)


_OPS: dict[str, Callable[[int], bool]] = {"=": lambda c: c == 0, "<>": lambda c: c != 0, "<": lambda c: c < 0,
                                         "<=": lambda c: c <= 0, ">": lambda c: c > 0, ">=": lambda c: c >= 0}


@_declaration
class Compare(Expr):
    """left op right for op in = <> < <= > >=: a verdict the written analysis states, a conditional
    format's test, a claim's Status. TRUE or FALSE by `excel_order`."""

    left: Expr
    op: str
    right: Expr
    prec = -1  # below & and arithmetic: `a&b=c` compares the joined text

    def __init__(self, left: Expr | float, op: str, right: Expr | float) -> None:
        if op not in _OPS:
            raise ValueError(f"no comparison {op!r}")
        object.__setattr__(self, "left", _e(left))
        object.__setattr__(self, "op", op)
        object.__setattr__(self, "right", _e(right))

    def value(self, env: Env) -> Any:
        return _OPS[self.op](excel_order(self.left.value(env), self.right.value(env)))

    def formula(self, addr: Addr) -> str:
        left, right = self.left.formula(addr), self.right.formula(addr)
        left = f"({left})" if self.left.prec <= self.prec else left
        right = f"({right})" if self.right.prec <= self.prec else right
        return f"{left}{self.op}{right}"


@_declaration
class Agrees(Expr):
    """Whether a claim's selisih is nothing: |selisih| ≤ tolerance (Rupiah) or selisih = 0 (ratio).

    The Rupiah test allows 1e-9 more than the tolerance: amounts stored as doubles differ by a
    rounding error that is no Rupiah.
    """

    selisih: Expr
    tolerance: float | None  # None: a ratio, exact
    yes: str
    no: str

    def value(self, env: Env) -> Any:
        x = self.selisih.value(env)
        ok = _number(x) and (x == 0 if self.tolerance is None else abs(x) <= self.tolerance + 1e-9)
        return self.yes if ok else self.no

    def formula(self, addr: Addr) -> str:
        x = self.selisih.formula(addr)
        test = f"{x}=0" if self.tolerance is None else f"ABS({x})<={self.tolerance + 1e-9!r}"
        return f'IF({test},"{self.yes}","{self.no}")'


@_declaration
class Nothing(Expr):
    """No value: the "-" a cell shows ("-" in the formula, None in Python)."""

    def value(self, env: Env) -> Any:
        return None

    def formula(self, addr: Addr) -> str:
        return '"-"'


NOTHING = Nothing()

NA_ERROR = "#N/A"  # the cached value of NA(): xlsxwriter writes this text as the error itself (t="e")


@_declaration
class NoPoint(Expr):
    """NA(): Excel's #N/A, which a chart draws as no point at all (no bar, no data label), in Excel and
    in LibreOffice; "" or "-" would be drawn as a bar of 0. Only a chart's helper cell holds it: no
    declaration computes with it."""

    def value(self, env: Env) -> Any:
        return NA_ERROR

    def formula(self, addr: Addr) -> str:
        return "NA()"


NO_POINT = NoPoint()

# Text constants in formulas: Excel caps one at 255 UTF-16 units, and a cell cannot hold C0 control
# characters other than tab, newline and CR.
_LITERAL_CHUNK = 120  # characters per text constant: <= 255 UTF-16 units even with doubled quotes
_CONTROL = {"\n": 10, "\t": 9, "\r": 13}
_OTHER_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 except tab, newline, CR
_ANY_CONTROL = re.compile("[\x00-\x1f]")


def clean_text(text: str) -> str:
    """Text as a cell can hold it: other C0 control characters (not storable in xlsx) dropped."""
    return _OTHER_CONTROL.sub("", text)


def _literal(text: str) -> str:
    """Formula text for the string `text`, never evaluated: quotes doubled, chunks <= 255 units,
    newline/tab/CR as CHAR(10)/CHAR(9)/CHAR(13)."""
    text = clean_text(text)
    if len(text) <= _LITERAL_CHUNK and not _ANY_CONTROL.search(text):  # the usual piece: one constant
        return '"' + text.replace('"', '""') + '"' if text else '""'
    parts: list[str] = []  # formula pieces
    run = ""

    def flush() -> None:
        nonlocal run
        if run:
            parts.append('"' + run.replace('"', '""') + '"')
            run = ""

    for c in text:
        if c in _CONTROL:
            flush()
            parts.append(f"CHAR({_CONTROL[c]})")
            continue
        run += c
        if len(run) >= _LITERAL_CHUNK:
            flush()
    flush()
    return "&".join(parts) if parts else '""'


@_declaration
class Text(Expr):
    """A text constant, user text welcome: "…" with quotes doubled; long text or text with a newline
    in pieces joined by & (CHAR(10) for the newline). Shown, never evaluated."""

    text: str

    @property
    def prec(self) -> int:  # type: ignore[override]
        text = clean_text(self.text)
        return 9 if len(text) <= _LITERAL_CHUNK and not _ANY_CONTROL.search(text) else Concat.prec

    def value(self, env: Env) -> Any:
        return clean_text(self.text)

    def formula(self, addr: Addr) -> str:
        return _literal(self.text)


@_declaration
class Concat(Expr):
    """a&b&c: text joined; every part gives text ("" with no part)."""

    parts: tuple[Expr, ...]
    prec = 0  # below + and -, above the comparisons

    def value(self, env: Env) -> Any:
        return "".join(p.value(env) for p in self.parts)

    def formula(self, addr: Addr) -> str:
        if not self.parts:
            return '""'
        return "&".join(f"({p.formula(addr)})" if p.prec < self.prec else p.formula(addr) for p in self.parts)


@_declaration
class If(Expr):
    """IF(test,then,otherwise); as Excel, only the branch taken is evaluated."""

    test: Expr
    then: Expr
    otherwise: Expr

    def value(self, env: Env) -> Any:
        return (self.then if self.test.value(env) else self.otherwise).value(env)

    def formula(self, addr: Addr) -> str:
        return f"IF({self.test.formula(addr)},{self.then.formula(addr)},{self.otherwise.formula(addr)})"


@_declaration
class Lower(Expr):
    """LOWER(x): a label in lower case mid-sentence ("kategori sangat berhasil"). Python's lower() of
    the letters a planner's labels hold, as Excel's and LibreOffice's LOWER give them."""

    x: Expr

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return x.lower() if isinstance(x, str) else x

    def formula(self, addr: Addr) -> str:
        return f"LOWER({self.x.formula(addr)})"


@_declaration
class And(Expr):
    """AND(a,b,…): every term holds."""

    terms: tuple[Expr, ...]

    def value(self, env: Env) -> Any:
        return all(t.value(env) for t in self.terms)

    def formula(self, addr: Addr) -> str:
        return f"AND({','.join(t.formula(addr) for t in self.terms)})"


@_declaration
class Not(Expr):
    x: Expr

    def value(self, env: Env) -> Any:
        return not self.x.value(env)

    def formula(self, addr: Addr) -> str:
        return f"NOT({self.x.formula(addr)})"


def _shown_number(x: Any) -> bool:
    """A number a cell shows as one: finite (a value that is not is cached as "-"), never TRUE/FALSE."""
    if not _number(x):
        return False
    try:
        return math.isfinite(x)
    except OverflowError:  # an int beyond any double
        return False


@_declaration
class IsNumber(Expr):
    """ISNUMBER(x). LibreOffice's ISNUMBER(TRUE) is TRUE, Excel's FALSE: `all_numbers` rules TRUE out."""

    x: Expr

    def value(self, env: Env) -> Any:
        return _shown_number(self.x.value(env))

    def formula(self, addr: Addr) -> str:
        return f"ISNUMBER({self.x.formula(addr)})"


@_declaration
class IsLogical(Expr):
    x: Expr

    def value(self, env: Env) -> Any:
        return isinstance(self.x.value(env), bool)

    def formula(self, addr: Addr) -> str:
        return f"ISLOGICAL({self.x.formula(addr)})"


def all_numbers(*xs: Expr) -> Expr:
    """Every input is a number, in Excel and in LibreOffice alike: AND(ISNUMBER(x),NOT(ISLOGICAL(x)))
    for one, AND(…,…) of those for several."""
    tests = [And((IsNumber(x), Not(IsLogical(x)))) for x in xs]
    return tests[0] if len(tests) == 1 else And(tuple(tests))


@_declaration
class Abs(Expr):
    x: Expr

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return abs(x) if _number(x) else None

    def formula(self, addr: Addr) -> str:
        return f"ABS({self.x.formula(addr)})"


@_declaration
class CountIf(Expr):
    """COUNTIF(range,criterion): the cells of a range (`env[name]` lists them) equal to the criterion,
    text ignoring case. The criterion is a plain value: a level, a tingkat, a number (no wildcard or
    operator in the criteria this package writes)."""

    name: str
    criterion: Expr

    def value(self, env: Env) -> Any:
        c, cells = self.criterion.value(env), env.get(self.name) or ()
        if isinstance(c, str):  # the same as excel_order, quickly: a kabupaten's Level column is long
            c = c.casefold()
            return sum(1 for x in cells if isinstance(x, str) and x.casefold() == c)
        return sum(1 for x in cells if x is not None and excel_order(x, c) == 0)

    def formula(self, addr: Addr) -> str:
        return f"COUNTIF({addr[self.name]},{self.criterion.formula(addr)})"


@_declaration
class CountWhere(Expr):
    """SUMPRODUCT((r1=v1)*(r2=v2)…): the rows where every range equals its value by `=` (exact: no
    wildcard or operator in a value counts, unlike COUNTIFS). `env[name]` lists each range's cells."""

    where: tuple[tuple[str, Expr], ...]

    def value(self, env: Env) -> Any:
        columns = [env.get(name) or () for name, _ in self.where]
        wanted = [v.value(env) for _, v in self.where]
        return sum(1 for row in zip(*columns) if all(excel_order(x, w) == 0 for x, w in zip(row, wanted)))

    def formula(self, addr: Addr) -> str:
        tests = "*".join(f"({addr[name]}={v.formula(addr)})" for name, v in self.where)
        return f"SUMPRODUCT({tests})"


@_declaration
class MinIf(Expr):
    """The smallest number of a range on the rows whose key equals a value, else "-"; a one-cell array
    formula (`array`): IF(SUMPRODUCT(m)=0,"-",MIN(IF(m,values))) with m = (keys=value)*ISNUMBER(values).
    MIN(IF(…)) works in every Excel and in LibreOffice; MINIFS needs Excel 2019, and AGGREGATE over an
    inline array is not evaluated as an array by LibreOffice. `env[values]`, `env[key]` list the cells."""

    values: str
    key: str
    equals: Expr
    array = True

    def value(self, env: Env) -> Any:
        v = self.equals.value(env)
        xs = [x for k, x in zip(env.get(self.key) or (), env.get(self.values) or ())
              if excel_order(k, v) == 0 and _shown_number(x)]
        return min(xs) if xs else None

    def formula(self, addr: Addr) -> str:
        values = addr[self.values]
        mine = f"({addr[self.key]}={self.equals.formula(addr)})*ISNUMBER({values})"
        return f'IF(SUMPRODUCT({mine})=0,"-",MIN(IF({mine},{values})))'


@_declaration
class AverageIfs(Expr):
    """AVERAGEIFS(values,r1,v1,r2,v2…): the mean of the numbers of `values` on the rows where every
    range equals its value (text ignoring case); no such number: #DIV/0! (None). `env[name]` lists the
    cells of each range."""

    values: str
    where: tuple[tuple[str, Expr], ...]

    def value(self, env: Env) -> Any:
        wanted = [v.value(env) for _, v in self.where]
        rows = zip(env.get(self.values) or (), *(env.get(name) or () for name, _ in self.where))
        xs = [x for x, *keys in rows if _shown_number(x) and all(excel_order(k, w) == 0 for k, w in zip(keys, wanted))]
        return add_up(xs) / len(xs) if xs else None

    def formula(self, addr: Addr) -> str:
        where = "".join(f",{addr[name]},{v.formula(addr)}" for name, v in self.where)
        return f"AVERAGEIFS({addr[self.values]}{where})"


# ----------------------------------------------------------------------------- number text
# Indonesian number text as formulas that read the same in every locale (lkip_xl/teks.py says why and
# how): only ROUND, ABS, INT, LEN, MID, REPLACE and TEXT with digit-only formats.

MAX_TEXT_DECIMALS = 6
TEXT_LIMIT = 10**15  # scaled integers at or above this carry more digits than Excel keeps
MAX_FORMULA_CHARS = 8192  # Excel's limit, counted with the leading "="
MAX_NESTING = 64


def _check_decimals(decimals: int) -> None:
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= MAX_TEXT_DECIMALS:
        raise ValueError(f"decimals must be an int in 0..{MAX_TEXT_DECIMALS}, not {decimals!r}")


def _scaled(x: float, d: int) -> int:
    """Python side of N = ROUND(ROUND(ABS(X),d)*10^d,0)."""
    return int(round_excel(round_excel(abs(x), d) * 10**d, 0))


def _n_formula(X: str, d: int) -> str:
    return f"ROUND(ABS({X}),0)" if d == 0 else f"ROUND(ROUND(ABS({X}),{d})*{10**d},0)"


def _digits_formula(X: str, d: int) -> str:
    """Unsigned Indonesian digits of |X| rounded to d decimals (X must be a number, N < 1e15)."""
    n = _n_formula(X, d)
    padded = f'TEXT({n},"{"0" * (15 + d)}")'
    if d:
        padded = f'REPLACE({padded},16,0,",")'
    for pos in (13, 10, 7, 4):
        padded = f'REPLACE({padded},{pos},0,".")'
    count = f'LEN(TEXT({n},"{"0" * (d + 1)}"))'  # integer digits + d
    start = f"20-INT((4*{count}-{4 * d + 1})/3)"
    return f"MID({padded},{start},99)"


def _digits(x: float, d: int) -> str:
    """`1234567.891`, 2 -> "1.234.567,89": x (not negative) rounded as Excel rounds, Indonesian separators."""
    text = f"{round_excel(x, d):,.{d}f}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


@_declaration
class Angka(Expr):
    """The digits of x rounded to `decimals`, Indonesian (`1.234.567,89`), between `prefix` and `suffix`;
    `kosong` when x is no number or has more digits than Excel keeps. The sign leads: `-Rp1.500`; a
    negative rounding to zero shows no "-"."""

    x: Expr
    decimals: int = 2
    prefix: str = ""
    suffix: str = ""
    kosong: str = "-"

    def __post_init__(self) -> None:
        _check_decimals(self.decimals)

    def value(self, env: Env) -> Any:
        x, d = self.x.value(env), self.decimals
        if not _shown_number(x) or _scaled(float(x), d) >= TEXT_LIMIT:
            return clean_text(self.kosong)
        rounded = round_excel(float(x), d)
        sign = "-" if rounded < 0 else ""
        return sign + clean_text(self.prefix) + _digits(abs(rounded), d) + clean_text(self.suffix)

    def formula(self, addr: Addr) -> str:
        X, d = self.x.formula(addr), self.decimals
        g = _literal(self.kosong)
        pre = f"{_literal(self.prefix)}&" if clean_text(self.prefix) else ""
        suf = f"&{_literal(self.suffix)}" if clean_text(self.suffix) else ""
        return (f"IF({all_numbers(self.x).formula(addr)},IF({_n_formula(X, d)}<1E15,"
                f'IF(ROUND({X},{d})<0,"-","")&{pre}{_digits_formula(X, d)}{suf},{g}),{g})')


def perubahan(now: Expr | float, before: Expr | float, decimals: int = 2) -> Expr:
    """The change from `before` to `now` as the two are shown with `decimals`, so the words add up with
    the numbers printed beside them: ROUND(ROUND(now,d)-ROUND(before,d),d)."""
    return Round(Sub(Round(_e(now), decimals), Round(_e(before), decimals)), decimals)


@_declaration
class NaikTurun(Expr):
    """The change from `before` to `now` in words: "naik 2,30" / "turun 1,00" / "tetap", `satuan` after
    the number (" poin"); `kosong` when either is no number."""

    now: Expr
    before: Expr
    decimals: int = 2
    satuan: str = ""
    kosong: str = "-"

    def __post_init__(self) -> None:
        _check_decimals(self.decimals)

    def value(self, env: Env) -> Any:
        d = self.decimals
        both = _shown_number(self.now.value(env)) and _shown_number(self.before.value(env))
        diff = perubahan(self.now, self.before, d).value(env) if both else None
        if diff is None or _scaled(diff, d) >= TEXT_LIMIT:
            return clean_text(self.kosong)
        if diff == 0:
            return "tetap"
        return ("naik " if diff > 0 else "turun ") + _digits(abs(diff), d) + clean_text(self.satuan)

    def formula(self, addr: Addr) -> str:
        d = self.decimals
        D = perubahan(self.now, self.before, d).formula(addr)
        g = _literal(self.kosong)
        suf = f"&{_literal(self.satuan)}" if clean_text(self.satuan) else ""
        return (f"IF({all_numbers(self.now, self.before).formula(addr)},IF({_n_formula(D, d)}<1E15,"
                f'IF({D}=0,"tetap",IF({D}>0,"naik ","turun ")&{_digits_formula(D, d)}{suf}),{g}),{g})')


_STRINGS = re.compile(r'"[^"]*"')
_PARENS = re.compile(r"[()]")


def nesting(formula: str) -> int:
    """Deepest parenthesis level outside string constants (an upper bound on function nesting)."""
    depth = deepest = 0
    for paren in _PARENS.findall(_STRINGS.sub("", formula)):  # a "" inside a string splits it in two: same
        if paren == "(":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def within_limits(formula: str) -> str:
    """`formula` when Excel can hold it (8192 characters, 64 levels), else ValueError."""
    if len(formula) + 1 > MAX_FORMULA_CHARS:
        raise ValueError(f"sentence formula has {len(formula) + 1} characters (Excel: at most "
                         f"{MAX_FORMULA_CHARS}); split it into more sentences")
    if nesting(formula) > MAX_NESTING:
        raise ValueError(f"sentence formula nests {nesting(formula)} levels (Excel: at most {MAX_NESTING})")
    return formula


# ----------------------------------------------------------------------------- the figures

R, P = Ref("realisasi"), Ref("pagu")

# serapan = realisasi / pagu × 100; nothing on a zero pagu (SPEC §4)
SERAPAN = Finite(ZeroGuard(P, Mul(Div(R, P), 100)))
# the same where pagu and realisasi may be "-" (an indicator without budget)
SERAPAN_INDIKATOR = IfNumbers((P, R), SERAPAN)
# sisa = pagu − realisasi
SISA = Sub(P, R)
# a difference: what one place says minus what another gives (Selisih)
SELISIH = Sub(Ref("dilaporkan"), Ref("dihitung"))


def selisih(kind: str, decimals: int | None) -> Expr:
    """Selisih of a claim: Rupiah as stated − computed; a ratio at the claim's decimals, both rounded
    (a claim written 96,67 is read at 2 decimals, whatever digits the cell holds beyond them)."""
    if kind == "money":
        return SELISIH
    d = decimals or 0
    return Sub(Round(Ref("dilaporkan"), d), Round(Ref("dihitung"), d))


SESUAI, TIDAK_SESUAI = "Sesuai", "Tidak sesuai"


def agrees(kind: str, tolerance: float, yes: str = SESUAI, no: str = TIDAK_SESUAI) -> Expr:
    """The claim rule (SPEC §4) on a selisih `Ref("selisih")`: the checks judge with it, the workbook's
    Status column renders it."""
    return Agrees(Ref("selisih"), tolerance if kind == "money" else None, yes, no)


def sama(yes: str = SESUAI, no: str = TIDAK_SESUAI) -> Expr:
    """The Status of a claim stated as text (a kategori): IF(stated=computed,yes,no), the text compared
    ignoring case. (The checks judge such a claim on normalised labels, checks/klaim.py.)"""
    return If(Compare(Ref("dilaporkan"), "=", Ref("dihitung")), Text(yes), Text(no))

# a rollup: the sum of the rincian (leaf) amounts of a row's span, or of the kelompok rows
JUMLAH = Sum("rincian")
JUMLAH_KELOMPOK = Plus("kelompok")
# an indicator's supporting budget: the pagu (realisasi) of its distinct supporting sub kegiatan
PENDUKUNG = SumIfs("nilai")
# a jenis / kelompok belanja: the leaf amounts whose jenis (kelompok) is its code
PER_JENIS = SumProductEq()

# Tabel 1.1 (SPEC §12): the pegawai whose Data Pegawai column `kolom` (pendidikan, golongan, status) holds the
# row's label `kriteria`: COUNTIFS(kolom,kriteria)
JUMLAH_PEGAWAI = CountIfs((("kolom", Ref("kriteria")),))
# every pegawai: the names that are not empty, COUNTIFS(nama,"<>")
JUMLAH_SELURUH_PEGAWAI = CountIfs((("nama", "<>"),))
# a golongan: its ruang rows added up (III = III/a + III/b + III/c + III/d)
JUMLAH_GOLONGAN = Plus("ruang")
# a PNS golongan: its ruang rows, and the PNS whose golongan is written without a ruang (`III`): a PPPK's
# golongan III is not among them (COUNTIFS(golongan,kriteria,status,"PNS"))
JUMLAH_GOLONGAN_PNS = Add(Plus("ruang"), CountIfs((("golongan", Ref("kriteria")), ("status", "PNS"))))

# target of the report year: the PK target when given, else the Renstra target
TARGET = FirstGiven(("target_pk", "target_renstra"))
# a stated number that may be "-"
TERTULIS = FirstNumber(("tertulis",))
# a benchmark (Kab/Kota lain, RPJMD Provinsi, RPJMN) as the user wrote it in Data Kinerja
BENCHMARK = AsWritten("benchmark")
# a text of a data sheet (Data Pegawai's jabatan, a penghargaan's tempat …) shown in a table as it is there
TEKS = TextOf("teks")
# Tabel 1.2's "Nama dan NIP": the name, the NIP on the line under it when there is one
NAMA_DAN_NIP = UnderIt(TextOf("nama"), "nip")

# realisasi built from Data Komponen rows (SPEC §5): Σpembilang / Σpenyebut × 100, Σ (all "jumlah"),
# else the rata-rata
_KOMPONEN = {"rasio": Mul(Div(SumIfs("pembilang"), SumIfs("penyebut")), 100),
             "jumlah": SumIfs("nilai"), "rata": SumIfs("nilai", "mean")}


def komponen_metode(metodes: list[str]) -> str:
    """Which Komponen rule the rows' metodes call for: "rasio", "jumlah" or "rata"."""
    if any(m in ("pembilang", "penyebut") for m in metodes):
        return "rasio"
    return "jumlah" if metodes and all(m == "jumlah" for m in metodes) else "rata"


def komponen(metode: str) -> Expr:
    return _KOMPONEN[metode]


def realisasi(metode: str | None) -> Expr:
    """Realisasi of a year: from Komponen when it has rows (and gives a number), else the stated value."""
    return IfError(komponen(metode), TERTULIS) if metode else TERTULIS

T, RL, POL = Ref("target"), Ref("realisasi"), Ref("polaritas")
_POSITIF = Mul(Div(RL, T), 100)                                  # R / T × 100
_NEGATIF = {"(2T-R)/T": Mul(Div(Sub(Mul(2, T), RL), T), 100),    # (2T − R) / T × 100
            "T/R": ZeroGuard(RL, Mul(Div(T, RL), 100))}           # T / R × 100


@_declaration
class Rumus:
    """A rule the office chooses in Identitas: its name there, the spellings read as it (normalised
    labels), its expression, and how the report and the Efisiensi table name it."""

    name: str
    spellings: tuple[str, ...]
    expr: Expr
    report_text: str = ""
    table_text: str = ""


# Rumus Polaritas Negatif: capaian of an indicator where lower is better
RUMUS_NEGATIF = {r.name: r for r in (
    Rumus("(2T-R)/T", ("2t r t",), _NEGATIF["(2T-R)/T"]),
    Rumus("T/R", ("t r",), _NEGATIF["T/R"]),
)}


def capaian(rumus_negatif: str) -> Expr:
    """Capaian (%) by polarity; `rumus_negatif` is Identitas' Rumus Polaritas Negatif."""
    negatif = RUMUS_NEGATIF[rumus_negatif].expr
    return IfNumbers((T, RL), ZeroGuard(T, IfNegatif(POL, negatif, _POSITIF)), style="or_not")


CAP, SER = Ref("capaian"), Ref("serapan")
# Rumus Efisiensi; a new rule is one more entry here (Identitas, template, report and tables follow)
RUMUS_EFISIENSI = {r.name: r for r in (
    Rumus("PMK 249", ("pmk 249", "pmk", "pmk 249 pmk 02 2011"),
          ZeroGuard(CAP, Mul(Group(Sub(1, Div(SER, CAP))), 100)),  # (1 − serapan/capaian) × 100
          "(1 - (RA/RK) / (PA/TK)) x 100 (PMK 249/PMK.02/2011)",
          "E = Σ (1 − (RA/RK) / (PA/TK)) × 100% / n  (PMK 249/PMK.02/2011); RA realisasi anggaran, "
          "RK realisasi kinerja, PA pagu anggaran, TK target kinerja"),
    Rumus("Selisih", ("selisih",), Sub(CAP, SER),  # capaian − serapan
          "capaian kinerja - serapan anggaran (Selisih)",
          "Efisiensi = capaian kinerja − serapan anggaran (rumus Selisih)"),
)}
DEFAULT_EFISIENSI = "PMK 249"


def efisiensi(rumus: str) -> Expr:
    """Efisiensi (%) of an indicator; `rumus` is Identitas' Rumus Efisiensi."""
    return IfNumbers((CAP, SER), RUMUS_EFISIENSI.get(rumus, RUMUS_EFISIENSI[DEFAULT_EFISIENSI]).expr)


# kategori of a capaian on the scale (Identitas' Skala Kategori or the Skala sheet)
KATEGORI = Band(Ref("capaian"))
# the analysis' verdicts, at the 2 decimals the tables show: efisien (efisiensi above 0), and the
# Renstra's end target reached (capaian against it at least 100 %)
EFISIEN = Compare(Round(Ref("efisiensi"), 2), ">", 0)
TERCAPAI = Compare(Round(Ref("capaian_akhir"), 2), ">=", 100)
# E: the mean of the sasaran indicators' efisiensi that have a budget (SPEC §9.3)
EFISIENSI_UNTUK_E = CountsForE()
E = Mean("efisiensi_sasaran")
# Nilai Efisiensi = 50 + (E / 20) × 50, E clamped to [−20, 20]
NILAI_TEXT = "Nilai Efisiensi = 50 + (E / 20) × 50, dengan E dibatasi −20 s.d. 20"
NILAI = IfNumbers((Ref("e"),), Add(50, Mul(Group(Div(Clamp(Ref("e"), -20.0, 20.0), 20)), 50)))

# the written analysis (writer/analisis.py): what remains to the Renstra's end target, at the decimals
# the sentence shows: 100 % less the capaian against it, and |target akhir − realisasi|
KURANG_AKHIR = perubahan(100, Ref("capaian_akhir"), 2)


def selisih_akhir(decimals: int) -> Expr:
    return Abs(perubahan(Ref("target_akhir"), Ref("realisasi"), decimals))


# Tabel 1.1's note: the pegawai a list could not count (unknown pendidikan, pangkat without ruang …), as the
# gap between the SKPD's total and the list's Jumlah; "" when every list counts everyone
def pegawai_tak_terhitung(blocks: tuple[str, ...]) -> Expr:
    gaps = {b: Sub(Ref("total"), Ref(f"jumlah_{b}")) for b in blocks}
    clauses = [If(Compare(gap, ">", 0), Concat((Text(" "), Angka(gap, 0), Text(f" pegawai tidak dihitung per {b}."))),
                  Text("")) for b, gap in gaps.items()]
    numbers = And(tuple(IsNumber(Ref(n)) for n in ["total", *(f"jumlah_{b}" for b in blocks)]))
    any_gap = And((numbers, Not(And(tuple(Compare(gap, "<=", 0) for gap in gaps.values())))))
    return If(any_gap, Concat((Text("Catatan (lihat lembar Temuan):"), *clauses)), Text(""))


# Ringkasan: the rows of a budget level (Data Anggaran's Level column), and the findings of a tingkat
# (Temuan's Tingkat column, plus those beyond the rows the sheet lists: a constant)
def jumlah_level(label: str) -> Expr:
    return CountIf("level", Text(label))


def jumlah_temuan(tingkat: str, beyond: int = 0) -> Expr:
    """Findings of one tingkat: the Temuan rows' Jumlah (a row lists every finding of one cause) summed
    over the rows of that tingkat, plus those beyond the rows listed. `env["nilai"]` lists the Jumlah of
    the matching rows; `addr["nilai"]` the Jumlah range, `addr["kriteria"]` ((Tingkat range, tingkat),)."""
    listed = SumIfs("nilai")
    return Add(listed, beyond) if beyond else listed


# Live colours (conditional formats): a rule's test over `sel`, the first cell of its range.
SEL = Ref("sel")
MELEBIHI_100 = And((IsNumber(SEL), Compare(SEL, ">", 100)))  # serapan above 100 %: more realised than budgeted
NEGATIF = And((IsNumber(SEL), Compare(SEL, "<", 0)))  # a negative sisa
PITA_KATEGORI = Compare(SEL, "=", Ref("nama"))  # a kategori band: the cell holds the name on the scale
# The capaian chart's bar in one kategori band's series (writer/ringkasan.py): the capaian when its kategori
# is the band's name on the scale (`nama`, the scale's cell), else no point: a bar takes its band's colour live
BATANG_PITA = If(Compare(Ref("kategori"), "=", Ref("nama")), Ref("capaian"), NO_POINT)


def status_is(text: str) -> Expr:
    """A Status cell reads `text` (a claim not agreeing, a finding corrected)."""
    return Compare(SEL, "=", Text(text))


# The rekap (writer/rekap.py), for one SKPD (`nomor`, its No) over the rekap's Indikator sheet (`no`, the
# No of each row), and the region's totals over the SKPD rows
NOMOR = Ref("nomor")
JUMLAH_DAERAH = Sum("skpd")
JUMLAH_INDIKATOR = CountIf("no", NOMOR)
# per kategori, counted exactly: no wildcard or operator in a kategori name counts
JUMLAH_KATEGORI = CountWhere((("no", NOMOR), ("kategori", Ref("nama_kategori"))))
TANPA_KATEGORI = Sub(Ref("jumlah"), Sum("per_kategori"))
CAPAIAN_TERENDAH = MinIf("capaian", "no", NOMOR)
# E of the SKPD (SPEC §9.3): the mean efisiensi of its sasaran indicators; an indicator has an efisiensi
# only with a budget, so this is E's rule (EFISIENSI_UNTUK_E, E) over the rekap's rows
E_SKPD = IfError(AverageIfs("efisiensi", (("no", NOMOR), ("level", Text("Sasaran")))), NOTHING)
