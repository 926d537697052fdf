"""Every derived figure declared once: an expression that evaluates and renders.

A figure is an expression over named inputs (`Ref`) and constants. The same declaration

- `value(env)`: the unrounded Python value, with Excel's semantics where Python differs: a guarded
  division by zero, a text input or a missing input is "no value" (None, the "-" the sheet shows);
- `formula(addr)`: the Excel formula text for the given cell addresses, without the leading "=".

The rules evaluate the declarations (JSON, findings, cached results); the writer renders them and
caches the value the rules evaluated, so a formula and its cached value cannot drift. LibreOffice
recalculation (tests/test_fill.py) proves the two agree.
"""
from __future__ import annotations

import math
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
Addr = Mapping[str, str]


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
        return f"{self.x:g}"


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
    """SUM(range): `env[name]` lists the numbers of the range, `addr[name]` is the range."""

    name: str

    def value(self, env: Env) -> Any:
        return add_up(x for x in env.get(self.name) or () if _number(x))

    def formula(self, addr: Addr) -> str:
        return f"SUM({addr[self.name]})"


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
    """The Data Komponen numbers of one indicator and year (and, for a ratio, one metode).

    `addr["nilai"]` is the value range, `addr["kriteria"]` the criteria pairs of the indicator and
    year, `addr["metode"]` the metode range; `env[name]` lists the matching numbers in row order.
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
        metode = f',{addr["metode"]},"{self.name}"' if self.name != "nilai" else ""
        return f'{fn}({addr["nilai"]},{addr["kriteria"]}{metode})'


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
        return "COUNTIFS(" + ",".join(f"{addr[name]},{_criterion(c, addr)}" for name, c in self.where) + ")"


def _criterion(c: Expr | str, addr: Addr) -> str:
    """A COUNTIFS criterion as the formula writes it: a text quoted, an expression rendered."""
    return f'"{c}"' if isinstance(c, str) else c.formula(addr)


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


@_declaration
class Compare(Expr):
    """x>bound (or >=): a verdict the written analysis states; False when x is no number."""

    x: Expr
    op: str  # ">" | ">="
    bound: float

    def value(self, env: Env) -> Any:
        x = self.x.value(env)
        return _number(x) and (x > self.bound if self.op == ">" else x >= self.bound)

    def formula(self, addr: Addr) -> str:
        return f"{self.x.formula(addr)}{self.op}{self.bound:g}"


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

# target of the report year: the PK target when given, else the Renstra target
TARGET = FirstGiven(("target_pk", "target_renstra"))
# a stated number that may be "-"
TERTULIS = FirstNumber(("tertulis",))

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
