"""Indonesian cell values: numbers, percentages, codes, outline numbers, labels."""
from __future__ import annotations

import datetime as _dt
import functools
import re
from dataclasses import fields, replace
from decimal import Decimal, InvalidOperation
from typing import Literal

from lkip_xl.model import MAX_DECIMALS, Cell, Num, Target, Txt, shortest_decimals
from lkip_xl.names import norm_label, norm_name  # noqa: F401 (re-exported: the reader, checks and tests key labels with them)

NO_VALUE = {"", "-", "--", "–", "—", "tidak ada", "n/a", "nihil"}
_DASHES = {"-", "--", "–", "—"}

# What a number column holds; it decides how a percent format, `%`, a scale word (`2,5 M`) or a
# unit after the figure is read.
#   money:   Rupiah. A percent format is a formatting slip (the stored number counts), `%` and any
#            unit other than a scale word or `Rupiah` cannot be read; `-` / `Rp -` is Rp0 (SPEC §10.6).
#   percent: a % / rasio / capaian column: a percent format and `%` are percent units (SPEC §3.1).
#   value:   an indicator's target or realisasi (SPEC §9.11): percent formats, `%`, units as today.
Kind = Literal["money", "percent", "value"]
MONEY: Kind = "money"
PERCENT: Kind = "percent"
VALUE: Kind = "value"
KIND_WORDS = {MONEY: "jumlah Rupiah", PERCENT: "persentase", VALUE: "angka"}

# A double holds every integer up to 2**53 exactly: a larger amount cannot be right to the Rupiah,
# and a sum of amounts below it can never overflow. Indicator values and percentages beyond 10**15
# are no real figure either.
MAX_MONEY = 2**53
MAX_VALUE = 10**15
# A Rupiah amount that is not 0 yet below 10^-100 is no amount either (Excel's rounding noise is
# around 10^-17); bounded below, no serapan (realisasi / pagu) can overflow.
MIN_MONEY = 1e-100

# Scale words after an amount: `Rp 2,5 M`, `1.000 juta`, `Rp1,2jt`, `350 rb`.
_SCALE_EXP = {"rb": 3, "ribu": 3, "jt": 6, "juta": 6, "m": 9, "miliar": 9, "milyar": 9,
              "t": 12, "triliun": 12, "trilyun": 12}
_MONEY_TAIL = re.compile(r"^(?:(?P<scale>rb|ribu|jt|juta|m|miliar|milyar|t|triliun|trilyun)\.?)?\s*"
                         r"(?:rupiah|rp\.?|idr)?$", re.I)


def _slot_maker(cls, names: tuple[str, ...]):
    """A constructor of the frozen, slotted dataclass `cls` that sets its slots directly: the same
    object as cls(*args) at half the cost (a kabupaten rincian makes a million Cells, Nums and Txts).
    The ordinary constructor when the fields are not `names` (the class changed)."""
    if tuple(f.name for f in fields(cls)) != names or hasattr(cls, "__post_init__"):
        return cls
    new = object.__new__
    setters = [cls.__dict__[n].__set__ for n in names]
    if len(names) == 2:
        s0, s1 = setters

        def make2(a, b):
            obj = new(cls)
            s0(obj, a)
            s1(obj, b)
            return obj
        return make2
    s0, s1, s2, s3, s4, s5, s6 = setters

    def make7(a, b, c=None, d=None, e=False, f=None, g=False):
        obj = new(cls)
        s0(obj, a)
        s1(obj, b)
        s2(obj, c)
        s3(obj, d)
        s4(obj, e)
        s5(obj, f)
        s6(obj, g)
        return obj
    return make7


# Cell(sheet, ref), Txt(value, cell), Num(value, cell, raw, decimals, percent, unit, percent_format)
new_cell = _slot_maker(Cell, ("sheet", "ref"))
new_txt = _slot_maker(Txt, ("value", "cell"))
new_num = _slot_maker(Num, ("value", "cell", "raw", "decimals", "percent", "unit", "percent_format"))


class Unreadable(ValueError):
    """A value that cannot be read as what its column needs (UNREADABLE_VALUE).

    `reason` (Indonesian, optional) says why, for the finding's sentence.
    """

    def __init__(self, text: object, reason: str | None = None):
        super().__init__(str(text))
        self.reason = reason


def is_blank(raw: object) -> bool:
    if raw is None:
        return True
    if isinstance(raw, str):
        return raw.strip().replace("\xa0", " ").strip().lower() in NO_VALUE
    return False


def as_text(raw: object, cell: Cell) -> Txt | None:
    """The cell as text (numbers in their plain form); None when empty."""
    if raw is None:
        return None
    if isinstance(raw, bool):
        value = "Ya" if raw else "Tidak"
    elif isinstance(raw, float) and raw.is_integer():
        value = str(int(raw))
    elif isinstance(raw, (_dt.datetime, _dt.date)):
        value = raw.strftime("%d-%m-%Y")
    elif type(raw) is str and len(raw) <= _CACHED_LEN:
        value = _clean_text(raw)  # cached: a rincian repeats the same akun names under every sub kegiatan
    else:
        value = " ".join(str(raw).replace("\xa0", " ").split())
    return new_txt(value, cell) if value else None


@functools.lru_cache(maxsize=8192)
def _clean_text(raw: str) -> str:
    return " ".join(raw.replace("\xa0", " ").split())


# ------------------------------------------------------------------ numbers


@functools.lru_cache(maxsize=4096)
def format_decimals(number_format: str | None) -> tuple[int | None, bool]:
    """Decimals fixed by an Excel number format, and whether it is a percent format."""
    if not number_format or number_format == "General":
        return None, False
    section = number_format.split(";")[0]
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", section)
    percent = "%" in section
    if not re.search(r"[0#?]", section):
        return None, percent
    m = re.search(r"\.([0#?]+)", section)
    return (len(m.group(1)) if m else 0), percent


@functools.lru_cache(maxsize=4096)
def _integer_digits(number_format: str | None) -> int:
    """Minimum integer digits of a number format (`0000` -> 4, `#,##0.00` -> 1)."""
    if not number_format or number_format == "General":
        return 0
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.split(";")[0])
    return section.split(".")[0].count("0")


# ASCII digits only: Excel reads Arabic-Indic (٠١٢) or full-width (０１２) digits as text, so must we
# (Python's `\d`, int() and float() accept them).
_TOKEN = re.compile(r"[0-9][0-9.,]*")
# Digit groups separated by spaces (`7 996 663 078`, no-break spaces already made plain): a PDF copy
# or a French/SI locale. A lone `2 000` counts; `70 LKD` and `2 items` do not.
_SPACE_GROUPS = re.compile(r"(?<![0-9.,])[0-9]{1,3}(?: [0-9]{3})+(?![0-9])")

# How a column writes its numbers (SPEC §10.10): "id" 7.996.663.078,00, "en" 7,996,663,078.00.
Style = Literal["id", "en"]
ID: Style = "id"
EN: Style = "en"
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.I)
_NO_CENTS = re.compile(r"(?<=[0-9])[.,]-+$")


def _parse_token(tok: str, style: Style | None = None) -> tuple[Decimal, int]:
    """An Indonesian or English styled figure as an exact Decimal, and the decimals written.

    `style` decides a figure that reads both ways (`1,250`, `1.250`): the style of its column;
    Indonesian when the column says nothing."""
    tok = tok.rstrip(".,")
    dots, commas = tok.count("."), tok.count(",")
    if dots and commas:
        dec_sep = "." if tok.rfind(".") > tok.rfind(",") else ","
        thou = "," if dec_sep == "." else "."
        if tok.count(dec_sep) > 1:
            raise Unreadable(tok)
        int_part, frac = tok.split(dec_sep)
        _check_groups(int_part, thou)
        return Decimal(int_part.replace(thou, "") + "." + frac), len(frac)
    sep = "." if dots else "," if commas else ""
    if not sep:
        return Decimal(tok), 0
    parts = tok.split(sep)
    if len(parts) > 2:
        _check_groups(tok, sep)
        return Decimal(tok.replace(sep, "")), 0
    int_part, frac = parts
    # One separator and exactly three digits after it reads both ways. Indonesian: the dot groups
    # thousands (1.500 = 1500), the comma is the decimal comma; an English column the other way round.
    thousands = "," if style == EN else "."
    if len(frac) == 3 and int_part.strip("0") and len(int_part) <= 3 and sep == thousands:
        return Decimal(int_part + frac), 0
    if sep == "." and len(frac) == 3 and int_part.strip("0") and style != EN:
        return Decimal(int_part + frac), 0
    return Decimal(f"{int_part or '0'}.{frac}"), len(frac)


def number_style(raw: object) -> Style | None:
    """The style a text figure proves (`1.200.000,00`, `93,67` Indonesian; `1,200,000.00`, `95.83`
    English); None for real numbers and figures that read both ways (`1,250`)."""
    if not isinstance(raw, str):
        return None
    text = _SPACE_GROUPS.sub(lambda m: m.group(0).replace(" ", ""), " ".join(raw.replace("\xa0", " ").split()))
    tokens = _TOKEN.findall(text)
    if len(tokens) != 1:
        return None
    tok = tokens[0].rstrip(".,")
    dots, commas = tok.count("."), tok.count(",")
    if dots and commas:
        return EN if tok.rfind(".") > tok.rfind(",") else ID
    if dots > 1:
        return ID
    if commas > 1:
        return EN
    if dots or commas:
        frac = tok.split("." if dots else ",")[1]
        if len(frac) == 3 and tok.split("." if dots else ",")[0].strip("0"):
            return None
        return EN if dots else ID
    return None


def _check_groups(number: str, thou: str) -> None:
    groups = number.split(thou)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise Unreadable(number)


def parse_number(raw: object, cell: Cell, number_format: str | None = None, kind: Kind = VALUE,
                 style: Style | None = None) -> Num | None:
    """Read a number the way Indonesian workbooks write it, as column `kind` needs; None for no value.

    Percent-formatted cells and text with `%` come back in percent units
    (0.9367 formatted as 93,67 % -> 93.67) with `percent=True`, except in a money column: there a
    percent format is a slip, the stored number counts and `Num.percent_format` says so
    (UNIT_MISMATCH), and `%` cannot be read.
    """
    if type(raw) is int or type(raw) is float:  # the common cell first (bool is no int here)
        return _parse_stored(raw, cell, number_format, kind)
    if kind == MONEY and isinstance(raw, str) and _is_dash(raw):
        return Num(0.0, cell, raw, 0)  # `-`, `Rp -`, `Rp. -`: nothing budgeted or spent (SPEC §10.6)
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, (_dt.datetime, _dt.date, _dt.time)):
        raise Unreadable(str(raw))
    if isinstance(raw, (int, float)):
        return _parse_stored(raw, cell, number_format, kind)
    if not isinstance(raw, str):
        raise Unreadable(str(raw))
    return _parse_text(raw, cell, kind, style)


def _is_dash(text: str) -> bool:
    body = _CURRENCY.sub("", " ".join(text.replace("\xa0", " ").split()))
    return body.strip() in _DASHES


_INFINITIES = (float("inf"), float("-inf"))


def _limit(kind: Kind) -> int:
    return MAX_MONEY if kind == MONEY else MAX_VALUE


def _check_magnitude(value: float | Decimal, kind: Kind) -> None:
    if abs(value) > _limit(kind):
        raise _too_large(kind)
    if kind == MONEY and value and abs(value) < MIN_MONEY:
        raise Unreadable("", "nilainya bukan 0 tetapi lebih kecil dari 10^-100 Rupiah")


def _too_large(kind: Kind) -> Unreadable:
    if kind == MONEY:
        return Unreadable("", "nilainya melebihi 2^53 sehingga tidak dapat dihitung tepat sampai Rupiah")
    return Unreadable("", "nilainya melebihi 10^15 sehingga bukan angka yang wajar")


def _stored_spec(number_format: str | None, kind: Kind) -> tuple[int | None, bool, bool]:
    """(decimals, percent, percent_format) of a stored number with this format in a `kind` column."""
    decimals, percent = format_decimals(number_format)
    if percent and kind == MONEY:
        # A Rupiah column formatted as percent: the number stored is the amount.
        return None, False, True
    return (None if decimals is None else min(decimals, MAX_DECIMALS)), percent, False


_STORED_SPECS: dict[tuple[str | None, Kind], tuple[int | None, bool, bool]] = {}




def _parse_stored(raw: int | float, cell: Cell, number_format: str | None, kind: Kind) -> Num:
    """A real number stored in the cell."""
    if isinstance(raw, int) and abs(raw) > (MAX_MONEY if kind == MONEY else MAX_VALUE):
        raise _too_large(kind)  # float() of a 400-digit int overflows
    value = float(raw)
    if value != value or value in _INFINITIES:
        raise Unreadable(str(raw), "nilainya bukan angka terhingga")
    spec = _STORED_SPECS.get((number_format, kind))
    if spec is None:
        spec = _stored_spec(number_format, kind)
        if len(_STORED_SPECS) < 4096:
            _STORED_SPECS[(number_format, kind)] = spec
    decimals, percent, percent_format = spec
    if percent:
        value = float(f"{value * 100:.15g}")
    if not (MIN_MONEY <= abs(value) <= MAX_VALUE):  # the ordinary figure needs no further look
        _check_magnitude(value, kind)
    if decimals is None:
        decimals = min(_shortest_decimals(value), MAX_DECIMALS)
    return new_num(value, cell, raw, decimals, percent, None, percent_format)


# parse_number of an int or a float (not a bool), for readers that know the type already
parse_stored = _parse_stored


def _shortest_decimals(value: float) -> int:
    """model.shortest_decimals of a float, without a Decimal for the plain spellings (`93.67`, `100.0`)."""
    text = repr(value)
    if "e" in text or "n" in text:
        return shortest_decimals(value)  # 1e-05, inf, nan: the general way
    frac = text.partition(".")[2].rstrip("0")
    return min(MAX_DECIMALS, len(frac))


def _parse_text(raw: str, cell: Cell, kind: Kind, style: Style | None = None) -> Num:
    text = " ".join(raw.replace("\xa0", " ").split())
    body = _CURRENCY.sub("", text)
    body = _SPACE_GROUPS.sub(lambda m: m.group(0).replace(" ", ""), body)
    body = _NO_CENTS.sub("", body)  # Rp. 1.000.000,- : the dash stands for ",00"
    tokens = _TOKEN.findall(body)
    if len(tokens) != 1:
        raise Unreadable(text)
    tok = tokens[0]
    start = body.index(tok)
    before, after = body[:start].strip(), body[start + len(tok):].strip()
    try:
        exact, decimals = _parse_token(tok, style)
    except (ValueError, InvalidOperation):
        raise Unreadable(text) from None
    negative = False
    if before.endswith("-") or before.endswith("−"):
        negative, before = True, before[:-1].strip()
    if before == "(" and (after == ")" or kind == MONEY and after.endswith(")")):
        negative, before, after = True, "", after[:-1].strip()  # accounting negative: (1.000), (1,25 jt)
    if before.endswith("(") and kind != MONEY:  # a label with the figure in brackets: Baik (67,50)
        before = before[:-1].strip()
        if not after.startswith(")"):
            raise Unreadable(text)
        after = after[1:].strip()
        if not re.fullmatch(r"[A-Za-z][A-Za-z .]*", before):
            raise Unreadable(text)
    elif before:
        raise Unreadable(text)
    percent = after.startswith("%")
    unit = after[1:].strip() if percent else after
    if kind == MONEY:
        if percent:
            raise Unreadable(text, "persen bukan jumlah Rupiah")
        tail = _MONEY_TAIL.match(unit)
        if tail is None:
            raise Unreadable(text, f"satuan '{unit}' bukan Rupiah")
        scale = tail.group("scale")
        if scale:
            exp = _SCALE_EXP[scale.lower()]
            exact = exact.scaleb(exp)
            decimals = max(0, decimals - exp)
        unit = ""
    elif unit and not re.match(r"[A-Za-z(]", unit):
        raise Unreadable(text)
    elif kind == PERCENT and unit and unit.lower() not in ("persen", "pct"):
        raise Unreadable(text, f"satuan '{unit}' bukan persen")
    _check_magnitude(exact, kind)
    value = float(exact)
    if negative:
        value = -value
    return new_num(value, cell, raw, min(decimals, MAX_DECIMALS), percent, unit or None)


# ------------------------------------------------------------ targets as PK documents write them

# `≥ 83`, `>= 83 %`, `min. 80`, `minimal 80`, `≤ 16 %`, `maks. 20` (SPEC §10.12): the direction first.
_DIRECTION = re.compile(r"^(?P<op>≥|>=|=>|>|≤|<=|=<|<|"
                        r"(?:min(?:imal|imum)?|maks(?:imal|imum)?|max(?:imal|imum)?)(?![a-z]))\.?\s*", re.I)
_NEGATIVE_OPS = ("≤", "<", "=<", "maks", "max")
# `80 - 85`, `80–85 %`, `80 % - 85 %`, `80 s.d. 85`, `80 s/d 85`: a band (a digit on either side).
_BAND = re.compile(r"^(?P<a>[^-–—]*[0-9][^-–—]*?)\s*(?:-|–|—|\bs\.?\s?d\.?|\bs/d|\bsampai(?: dengan)?)\s*"
                   r"(?P<b>[0-9].*)$", re.I)


def parse_target(raw: str, cell: Cell, style: Style | None = None) -> Target | None:
    """A target written with a direction or as a band (SPEC §10.12), None when the text has neither
    (it is then read as any number). Raises Unreadable when it has one but the numbers cannot be read.
    A band's `value` is its lower bound until the row's polarity picks the bound (`with_polarity`)."""
    text = " ".join(raw.replace("\xa0", " ").split())
    m = _DIRECTION.match(text)
    if m:
        rest = text[m.end():]
        if not rest or _DIRECTION.match(rest) or _BAND.match(rest):
            raise Unreadable(text)
        num = _parse_text(rest, cell, VALUE, style)
        op = m.group("op").lower()
        arah = "negatif" if op.startswith(_NEGATIVE_OPS) else "positif"
        return Target(num.value, cell, raw, num.decimals, num.percent, num.unit, False, text, arah)
    m = _BAND.match(text)
    if m is None:
        return None
    lo, hi = _parse_text(m.group("a"), cell, VALUE, style), _parse_text(m.group("b"), cell, VALUE, style)
    if lo.unit and hi.unit and norm_label(lo.unit) != norm_label(hi.unit) or (lo.percent and hi.unit) \
            or (hi.percent and lo.unit):
        raise Unreadable(text, "kedua batas rentang bersatuan berbeda")
    low, high = sorted((lo.value, hi.value))
    return Target(low, cell, raw, max(lo.decimals or 0, hi.decimals or 0), lo.percent or hi.percent,
                  hi.unit or lo.unit, False, text, None, low, high)


def with_polarity(target: Num, polaritas: str) -> Num:
    """A band's bound that must be reached: the lower for positive polarity, the upper for negative."""
    if not isinstance(target, Target) or target.low is None:
        return target
    bound = target.low if polaritas == "positif" else target.high
    return target if bound == target.value else replace(target, value=bound)


# ------------------------------------------------------------ codes, numbers

_CODE = re.compile(r"^[0-9]+(\.[0-9]+)*$")
# SIPD writes the supporting program of a multi-urusan office under bidang `X.XX` (`X.XX.01`,
# `X.XX.01.2.01.0001`): X is a digit placeholder (SPEC §10.5).
_BUDGET_CODE = re.compile(r"^[0-9X]+(\.[0-9X]+)*$")


def parse_code(raw: object, number_format: str | None = None) -> str | None:
    """A budget or akun code (`7.01.02.2.02.0003`, `5.1.02`, `X.XX.01`); None if the cell is not one."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, (int, float)):
        # A number shows as its format says: 2.1 as `2.10` with `0.00`, 1 as `0001` with `0000`.
        decimals, _ = format_decimals(number_format)
        if decimals is not None:
            text = f"{raw:.{decimals}f}"
        else:
            text = str(raw) if isinstance(raw, int) else repr(raw)
        int_part, dot, frac = text.partition(".")
        text = int_part.zfill(_integer_digits(number_format)) + dot + frac
    else:
        text = raw if type(raw) is str else str(raw)
        # Short texts are cached: SIPD repeats the same akun codes under every sub kegiatan.
        return _text_code_cached(text) if len(text) <= _CACHED_LEN else _text_code(text)
    return text if _CODE.match(text) else None


def _text_code(raw: str) -> str | None:
    text = raw.strip().replace(" ", "").rstrip(".")
    if "x" in text.lower():
        text = text.upper()
        # placeholders only in the urusan and bidang segments, and never the whole code
        parts = text.split(".")
        if "X" in "".join(parts[2:]) or not _BUDGET_CODE.match(text) or len(parts) < 3:
            return None
        return text
    return text if _CODE.match(text) else None


_CACHED_LEN = 200  # texts up to this length are cached (8192 of them: a few MB at most)
_text_code_cached = functools.lru_cache(maxsize=8192)(_text_code)


def parse_outline(raw: object) -> str | None:
    """An outline number (`1.`, `1.1`, `1.1.1`) as `1`, `1.1`, `1.1.1`; None if not one."""
    if raw is None or isinstance(raw, bool):
        return None
    if isinstance(raw, float):
        text = repr(raw).removesuffix(".0")
    else:
        text = str(raw).strip().rstrip(".")
    if not _CODE.match(text):
        return None
    return ".".join(str(int(p)) for p in text.split("."))


def is_akun(code: str) -> bool:
    """Akun codes are `5`, `5.1`, `5.1.02…` (one-digit second segment); urusan 5.01… is not."""
    parts = code.split(".")
    return parts[0] == "5" and (len(parts) == 1 or len(parts[1]) == 1)


@functools.lru_cache(maxsize=8192)
def code_level(code: str) -> str | None:
    if is_akun(code):
        return "akun"
    return {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}.get(code.count(".") + 1)


def outline_level(nomor: str) -> str | None:
    return {1: "program", 2: "kegiatan", 3: "sub_kegiatan"}.get(nomor.count(".") + 1)
