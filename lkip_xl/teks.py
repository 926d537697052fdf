"""Indonesian number text as live Excel formulas that read the same in every locale.

The trap: Excel (and LibreOffice) read the format string of `TEXT(x, "...")` in the *user's* locale.
`TEXT(x,"#.##0,00")` is right on an Indonesian Excel and garbage on an English one;
`TEXT(x,"#,##0.00")` is the reverse. `FIXED()` and cell number formats follow the locale too. A
sentence such as "capaian 98,50% ... serapan anggaran Rp7.996.663.078" must therefore never let a
locale-dependent piece choose a separator.

The construction (for an expression X and d decimals) uses only locale-free pieces:

1. `N = ROUND(ROUND(ABS(X),d)*10^d,0)`: the magnitude rounded as Excel rounds (half away from zero,
   15 significant digits), scaled to an exact integer (ROUND first, then split: 99.995 -> "100,00",
   never "99,100"; the outer ROUND absorbs float error such as 0.29*100 = 28.999999999999996; ABS
   first, so INT-rounds-down-on-negatives never enters).
2. `TEXT(N,"000...0")` (15+d zeros, a digit-only format: the same in every locale) gives the digits
   zero-padded to 15 integer positions; nested `REPLACE(...,pos,0,".")` at fixed positions inserts
   "," before the decimals and "." between the thousands groups (right to left, so positions hold).
3. `MID(padded, 20-INT((4*L-1)/3), 99)` drops the leading zeros and dots, where
   `L = LEN(TEXT(N,"0..0"))-d` is the count of integer digits (L digits plus INT((L-1)/3) dots).
4. The minus sign is `IF(ROUND(X,d)<0,"-","")`: no "-0,00" when a negative rounds to zero.
5. Guards: X not a number (text, blank, TRUE, an error such as #DIV/0!) shows `kosong` ("-"), tested
   as AND(ISNUMBER(X),NOT(ISLOGICAL(X))) since LibreOffice counts TRUE as a number and Excel does not;
   N >= 1e15 (more than the 15 significant digits Excel keeps: |x| >= 10^(15-d)) shows `kosong` too,
   so a sentence never shows #VALUE! or invented digits. Money (0 decimals) is exact below 1e15.

X is repeated inside the formula (no LET: Excel 2016/2019 and LibreOffice 7 lack it), about 450
characters per number for a cell reference; `Sentence` checks Excel's 8192-character and 64-level
limits and splits long literals (Excel caps a text constant at 255 characters).

Each builder returns a `Teks`: the formula text (without "=") and the string Excel/LibreOffice
compute for the given Python value; the writer caches the latter (`write_formula(..., value=...)`).
The Python side formats with `lkip_xl.textfmt` (Excel's rounding via round_excel). tests/test_teks.py
recalculates in LibreOffice under an English and an Indonesian locale and finds both strings equal
to the cached ones.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

from lkip_xl import textfmt
from lkip_xl.figures import round_excel

KOSONG = "-"
MAX_DECIMALS = 6
MAX_FORMULA_CHARS = 8192  # Excel's limit, counted with the leading "="
MAX_NESTING = 64
LIMIT = 10**15  # scaled integers at or above this carry more digits than Excel keeps
_LITERAL_CHUNK = 120  # characters per text constant: <= 255 UTF-16 units even with doubled quotes
_CONTROL = {"\n": 10, "\t": 9, "\r": 13}


@dataclass(frozen=True)
class Teks:
    """A text formula (without the leading "=") and the string Excel computes for it."""

    formula: str
    value: str


def _is_number(x: object) -> bool:
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return False
    try:
        return math.isfinite(float(x))
    except OverflowError:  # an int beyond any double
        return False


def _check_decimals(decimals: int) -> None:
    if not isinstance(decimals, int) or isinstance(decimals, bool) or not 0 <= decimals <= MAX_DECIMALS:
        raise ValueError(f"decimals must be an int in 0..{MAX_DECIMALS}, not {decimals!r}")


def _scaled(x: float, d: int) -> int:
    """Python side of N = ROUND(ROUND(ABS(X),d)*10^d,0)."""
    return int(round_excel(round_excel(abs(x), d) * 10**d, 0))


def _is_number_formula(X: str) -> str:
    """A number and not TRUE/FALSE: LibreOffice's ISNUMBER(TRUE) is TRUE, Excel's is FALSE."""
    return f"AND(ISNUMBER({X}),NOT(ISLOGICAL({X})))"


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


def _number(X: str, x: object, d: int, *, prefix: str = "", suffix: str = "", kosong: str = KOSONG) -> Teks:
    _check_decimals(d)
    prefix, suffix, kosong = _clean(prefix), _clean(suffix), _clean(kosong)
    g = _literal(kosong)
    pre = f"{_literal(prefix)}&" if prefix else ""
    suf = f"&{_literal(suffix)}" if suffix else ""
    formula = (f"IF({_is_number_formula(X)},IF({_n_formula(X, d)}<1E15,"
               f'IF(ROUND({X},{d})<0,"-","")&{pre}{_digits_formula(X, d)}{suf},{g}),{g})')
    if not _is_number(x) or _scaled(float(x), d) >= LIMIT:
        return Teks(formula, kosong)
    rounded = round_excel(float(x), d)
    sign = "-" if rounded < 0 else ""  # a negative rounding to zero shows "0,00", not "-0,00"
    return Teks(formula, sign + prefix + textfmt.angka(abs(rounded), d, keep_zeros=True) + suffix)


def angka(expr: str, x: object, decimals: int = 2, kosong: str = KOSONG) -> Teks:
    """`1234567.891`, 2 -> "1.234.567,89"; -0.005 -> "-0,01"; 0 -> "0,00"; not a number -> `kosong`."""
    return _number(expr, x, decimals, kosong=kosong)


def persen(expr: str, x: object, decimals: int = 2, spasi: bool = False, kosong: str = KOSONG) -> Teks:
    """`100.02` -> "100,02%" as the seed report writes it (60 of 63 percents there have no space);
    `spasi=True` -> "100,02 %", the form of textfmt.persen (console and findings)."""
    return _number(expr, x, decimals, suffix=" %" if spasi else "%", kosong=kosong)


def rupiah(expr: str, x: object, kosong: str = KOSONG) -> Teks:
    """`7996663078` -> "Rp7.996.663.078"; -1500 -> "-Rp1.500" (textfmt.rupiah); whole rupiah."""
    return _number(expr, x, 0, prefix="Rp", kosong=kosong)


def selisih(a_expr: str, a: object, b_expr: str, b: object, decimals: int = 2) -> tuple[str, float | None]:
    """The change a - b between the two figures as shown with `decimals` (so the words add up with the
    numbers printed next to them): formula ROUND(ROUND(a,d)-ROUND(b,d),d) and its value (None when
    either is not a number)."""
    d = decimals
    formula = f"ROUND(ROUND({a_expr},{d})-ROUND({b_expr},{d}),{d})"
    if not (_is_number(a) and _is_number(b)):
        return formula, None
    return formula, round_excel(round_excel(float(a), d) - round_excel(float(b), d), d)


def naik_turun(a_expr: str, a: object, b_expr: str, b: object, decimals: int = 2, satuan: str = "",
               kosong: str = KOSONG) -> Teks:
    """Change from b (before) to a (now): "naik 2,30" / "turun 1,00" / "tetap"; `satuan` (e.g. " poin")
    follows the number; `kosong` when either is not a number."""
    _check_decimals(decimals)
    d = decimals
    D, diff = selisih(a_expr, a, b_expr, b, d)
    g = _literal(kosong)
    suf = f"&{_literal(satuan)}" if satuan else ""
    formula = (f"IF(AND({_is_number_formula(a_expr)},{_is_number_formula(b_expr)}),IF({_n_formula(D, d)}<1E15,"
               f'IF({D}=0,"tetap",IF({D}>0,"naik ","turun ")&{_digits_formula(D, d)}{suf}),{g}),{g})')
    if diff is None or _scaled(diff, d) >= LIMIT:
        value = _clean(kosong)
    elif diff == 0:
        value = "tetap"
    else:
        value = ("naik " if diff > 0 else "turun ") + textfmt.angka(abs(diff), d, keep_zeros=True) + _clean(satuan)
    return Teks(formula, value)


def _clean(text: str) -> str:
    """Text as a sentence can hold it: other C0 control characters (not storable in xlsx) dropped."""
    return _OTHER_CONTROL.sub("", text)


_OTHER_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")  # C0 except tab, newline, CR
_ANY_CONTROL = re.compile("[\x00-\x1f]")


def _literal(text: str) -> str:
    """Formula text for the string `text`, never evaluated: quotes doubled, chunks <= 255 units,
    newline/tab/CR as CHAR(10)/CHAR(9)/CHAR(13)."""
    text = _clean(text)
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


def literal(text: str) -> Teks:
    """A text piece of a sentence (user text welcome: it stays a string constant)."""
    return Teks(_literal(text), _clean(text))


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


_STRINGS = re.compile(r'"[^"]*"')
_PARENS = re.compile(r"[()]")


class Sentence:
    """One sentence, one formula: literal text (str) and number pieces (Teks) concatenated with &.

    >>> s = Sentence("Realisasi ", persen("B2", 98.5), " dari target ", persen("C2", 100, 0), ".")
    >>> s.value
    'Realisasi 98,50% dari target 100%.'
    """

    def __init__(self, *parts: str | Teks) -> None:
        self._parts: list[Teks] = []
        self.add(*parts)

    def add(self, *parts: str | Teks) -> "Sentence":
        for p in parts:
            if isinstance(p, str):
                if p:
                    self._parts.append(literal(p))
            elif isinstance(p, Teks):
                self._parts.append(p)
            else:
                raise TypeError(f"a sentence piece is str or Teks, not {type(p).__name__}")
        return self

    @property
    def formula(self) -> str:
        return "&".join(p.formula for p in self._parts) if self._parts else '""'

    @property
    def value(self) -> str:
        return "".join(p.value for p in self._parts)

    def teks(self) -> Teks:
        """The sentence as one Teks; ValueError when Excel could not hold the formula."""
        formula = self.formula
        if len(formula) + 1 > MAX_FORMULA_CHARS:
            raise ValueError(f"sentence formula has {len(formula) + 1} characters (Excel: at most "
                             f"{MAX_FORMULA_CHARS}); split it into more sentences")
        if nesting(formula) > MAX_NESTING:
            raise ValueError(f"sentence formula nests {nesting(formula)} levels (Excel: at most {MAX_NESTING})")
        return Teks(formula, self.value)
