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

The construction is declared once, in lkip_xl/figures.py (`Angka`, `NaikTurun`, `perubahan`, `Text`,
`Concat`): one declaration gives the formula and the string Excel/LibreOffice compute for a value. This
module is a thin layer over them for a formula piece given as text: each builder takes an expression
(a reference such as 'Perhitungan Kinerja'!$H$12) and its Python value and returns a `Teks`, the
formula text (without "=") and that string; the writer caches the latter (`write_formula(...,
value=...)`). tests/test_teks.py recalculates in LibreOffice under an English and an Indonesian locale
and finds both strings equal to the cached ones.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lkip_xl import figures
from lkip_xl.figures import (  # noqa: F401 (the limits: part of this module's interface)
    MAX_FORMULA_CHARS, MAX_NESTING, Angka, Concat, Expr, NaikTurun, Ref, Text, all_numbers, nesting, perubahan,
    within_limits,
)

KOSONG = "-"
MAX_DECIMALS = figures.MAX_TEXT_DECIMALS
LIMIT = figures.TEXT_LIMIT  # scaled integers at or above this carry more digits than Excel keeps


@dataclass(frozen=True)
class Teks:
    """A text formula (without the leading "=") and the string Excel computes for it."""

    formula: str
    value: str


_X, _A, _B = Ref("x"), Ref("a"), Ref("b")


def _teks(node: Expr, addr: dict[str, str], env: dict[str, Any]) -> Teks:
    return Teks(node.formula(addr), node.value(env))


def angka(expr: str, x: object, decimals: int = 2, kosong: str = KOSONG) -> Teks:
    """`1234567.891`, 2 -> "1.234.567,89"; -0.005 -> "-0,01"; 0 -> "0,00"; not a number -> `kosong`."""
    return _teks(Angka(_X, decimals, kosong=kosong), {"x": expr}, {"x": x})


def persen(expr: str, x: object, decimals: int = 2, spasi: bool = False, kosong: str = KOSONG) -> Teks:
    """`100.02` -> "100,02%" as the seed report writes it (60 of 63 percents there have no space);
    `spasi=True` -> "100,02 %", the form of textfmt.persen (console and findings)."""
    return _teks(Angka(_X, decimals, suffix=" %" if spasi else "%", kosong=kosong), {"x": expr}, {"x": x})


def rupiah(expr: str, x: object, kosong: str = KOSONG) -> Teks:
    """`7996663078` -> "Rp7.996.663.078"; -1500 -> "-Rp1.500" (textfmt.rupiah); whole rupiah."""
    return _teks(Angka(_X, 0, prefix="Rp", kosong=kosong), {"x": expr}, {"x": x})


def selisih(a_expr: str, a: object, b_expr: str, b: object, decimals: int = 2) -> tuple[str, float | None]:
    """The change a - b between the two figures as shown with `decimals` (so the words add up with the
    numbers printed next to them): formula ROUND(ROUND(a,d)-ROUND(b,d),d) and its value (None when
    either is not a finite number)."""
    node, env = perubahan(_A, _B, decimals), {"a": a, "b": b}
    return node.formula({"a": a_expr, "b": b_expr}), node.value(env) if all_numbers(_A, _B).value(env) else None


def naik_turun(a_expr: str, a: object, b_expr: str, b: object, decimals: int = 2, satuan: str = "",
               kosong: str = KOSONG) -> Teks:
    """Change from b (before) to a (now): "naik 2,30" / "turun 1,00" / "tetap"; `satuan` (e.g. " poin")
    follows the number; `kosong` when either is not a number."""
    return _teks(NaikTurun(_A, _B, decimals, satuan, kosong), {"a": a_expr, "b": b_expr}, {"a": a, "b": b})


def literal(text: str) -> Teks:
    """A text piece of a sentence (user text welcome: it stays a string constant)."""
    return _teks(Text(text), {}, {})


class Sentence:
    """One sentence, one formula: literal text (str) and number pieces (Teks) concatenated with &.

    >>> s = Sentence("Realisasi ", persen("B2", 98.5), " dari target ", persen("C2", 100, 0), ".")
    >>> s.value
    'Realisasi 98,50% dari target 100%.'
    """

    def __init__(self, *parts: str | Teks) -> None:
        self._parts: list[Expr] = []
        self._addr: dict[str, str] = {}
        self._env: dict[str, str] = {}
        self.add(*parts)

    def add(self, *parts: str | Teks) -> "Sentence":
        for p in parts:
            if isinstance(p, str):
                if p:
                    self._parts.append(Text(p))
            elif isinstance(p, Teks):  # a piece rendered already: its formula and value by name
                name = f"bagian{len(self._parts)}"
                self._addr[name], self._env[name] = p.formula, p.value
                self._parts.append(Ref(name))
            else:
                raise TypeError(f"a sentence piece is str or Teks, not {type(p).__name__}")
        return self

    @property
    def formula(self) -> str:
        return Concat(tuple(self._parts)).formula(self._addr)

    @property
    def value(self) -> str:
        return Concat(tuple(self._parts)).value(self._env)

    def teks(self) -> Teks:
        """The sentence as one Teks; ValueError when Excel could not hold the formula."""
        return Teks(within_limits(self.formula), self.value)
