"""Indonesian cell values: numbers, percentages, codes, outline numbers, labels."""
from __future__ import annotations

import datetime as _dt
import re
from decimal import Decimal

from lkip_xl.model import Cell, Num, Txt

NO_VALUE = {"", "-", "--", "–", "—", "tidak ada", "n/a", "nihil"}


class Unreadable(ValueError):
    """A value that cannot be read as what its column needs (UNREADABLE_VALUE)."""


def norm_label(text: object) -> str:
    """Lower-case and turn every run of non-letters/digits into one space."""
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


_LEVEL_PREFIX = re.compile(r"^(program|kegiatan|sub kegiatan|subkegiatan)\s+")


def norm_name(text: object) -> str:
    """Name key for joining rows across sheets: case, spaces, punctuation and a level word."""
    key = norm_label(text)
    return _LEVEL_PREFIX.sub("", key) or key


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
    else:
        value = " ".join(str(raw).replace("\xa0", " ").split())
    return Txt(value, cell) if value else None


# ------------------------------------------------------------------ numbers


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


def _integer_digits(number_format: str | None) -> int:
    """Minimum integer digits of a number format (`0000` -> 4, `#,##0.00` -> 1)."""
    if not number_format or number_format == "General":
        return 0
    section = re.sub(r'"[^"]*"|\[[^\]]*\]|\\.', "", number_format.split(";")[0])
    return section.split(".")[0].count("0")


def shortest_decimals(value: float) -> int:
    exponent = Decimal(repr(float(value))).normalize().as_tuple().exponent
    return max(0, -exponent) if isinstance(exponent, int) else 0


_TOKEN = re.compile(r"\d[\d.,]*")
_CURRENCY = re.compile(r"^(rp\.?|idr)\s*", re.I)
_NO_CENTS = re.compile(r"(?<=\d)[.,]-+$")


def _parse_token(tok: str) -> tuple[float, int]:
    tok = tok.rstrip(".,")
    dots, commas = tok.count("."), tok.count(",")
    if dots and commas:
        dec_sep = "." if tok.rfind(".") > tok.rfind(",") else ","
        thou = "," if dec_sep == "." else "."
        if tok.count(dec_sep) > 1:
            raise Unreadable(tok)
        int_part, frac = tok.split(dec_sep)
        _check_groups(int_part, thou)
        return float(int_part.replace(thou, "") + "." + frac), len(frac)
    sep = "." if dots else "," if commas else ""
    if not sep:
        return float(tok), 0
    parts = tok.split(sep)
    if len(parts) > 2:
        _check_groups(tok, sep)
        return float(tok.replace(sep, "")), 0
    int_part, frac = parts
    # One dot and exactly three digits after it is the Indonesian thousands dot
    # (1.500 = 1500); a comma is always the Indonesian decimal comma.
    if sep == "." and len(frac) == 3 and int_part.strip("0"):
        return float(int_part + frac), 0
    return float(f"{int_part or '0'}.{frac}"), len(frac)


def _check_groups(number: str, thou: str) -> None:
    groups = number.split(thou)
    if not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:]):
        raise Unreadable(number)


def parse_number(raw: object, cell: Cell, number_format: str | None = None) -> Num | None:
    """Read a number the way Indonesian workbooks write it; None for no value.

    Percent-formatted cells and text with `%` come back in percent units
    (0.9367 formatted as 93,67 % -> 93.67) with `percent=True`.
    """
    if is_blank(raw):
        return None
    if isinstance(raw, bool) or isinstance(raw, (_dt.datetime, _dt.date, _dt.time)):
        raise Unreadable(str(raw))
    if isinstance(raw, (int, float)):
        value = float(raw)
        if value != value or value in (float("inf"), float("-inf")):
            raise Unreadable(str(raw))
        decimals, percent = format_decimals(number_format)
        if percent:
            value = float(f"{value * 100:.15g}")
        if decimals is None:
            decimals = shortest_decimals(value)
        return Num(value, cell, raw, decimals, percent)
    text = " ".join(str(raw).replace("\xa0", " ").split())
    body = _CURRENCY.sub("", text)
    body = _NO_CENTS.sub("", body)  # Rp. 1.000.000,- : the dash stands for ",00"
    tokens = _TOKEN.findall(body)
    if len(tokens) != 1:
        raise Unreadable(text)
    tok = tokens[0]
    start = body.index(tok)
    before, after = body[:start].strip(), body[start + len(tok):].strip()
    try:
        value, decimals = _parse_token(tok)
    except ValueError:
        raise Unreadable(text) from None
    negative = False
    if before.endswith("-") or before.endswith("−"):
        negative, before = True, before[:-1].strip()
    if before == "(" and after == ")":  # accounting negative: (1.000)
        negative, before, after = True, "", ""
    if before.endswith("("):  # a label with the figure in brackets: Baik (67,50)
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
    if unit and not re.match(r"[A-Za-z(]", unit):
        raise Unreadable(text)
    if negative:
        value = -value
    return Num(value, cell, raw, decimals, percent, unit or None)


# ------------------------------------------------------------ codes, numbers

_CODE = re.compile(r"^\d+(\.\d+)*$")


def parse_code(raw: object, number_format: str | None = None) -> str | None:
    """A budget or akun code (`7.01.02.2.02.0003`, `5.1.02`); None if the cell is not one."""
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
        text = str(raw).strip().replace(" ", "").rstrip(".")
    return text if _CODE.match(text) else None


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


def code_level(code: str) -> str | None:
    if is_akun(code):
        return "akun"
    return {3: "program", 5: "kegiatan", 6: "sub_kegiatan"}.get(code.count(".") + 1)


def outline_level(nomor: str) -> str | None:
    return {1: "program", 2: "kegiatan", 3: "sub_kegiatan"}.get(nomor.count(".") + 1)
