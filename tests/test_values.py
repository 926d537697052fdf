"""Reading Indonesian cell values (SPEC §3.1, §9.4) and Excel's rounding (SPEC §4)."""
from __future__ import annotations

import datetime as dt
import math
import sys

import pytest

from lkip_xl.model import Cell, Num
from lkip_xl.reader.values import (
    MAX_DECIMALS, MONEY, PERCENT, VALUE, Unreadable, code_level, format_decimals, is_akun, norm_label, norm_name,
    outline_level, parse_code, parse_number, parse_outline,
)
from lkip_xl.rules.rounding import claim_decimals, money_agrees, ratio_agrees, round_excel

CELL = Cell("DPA", "C7")


def num(raw, fmt=None) -> Num | None:
    return parse_number(raw, CELL, fmt)


# ------------------------------------------------------------------ numbers as text


@pytest.mark.parametrize("raw, value, decimals, percent, unit", [
    ("6.025.173.178", 6025173178, 0, False, None),
    ("6.025.173.178,00", 6025173178, 2, False, None),
    ("Rp. 7.996.663.078,00", 7996663078, 2, False, None),
    ("Rp7.996.663.078", 7996663078, 0, False, None),
    ("Rp 1.000", 1000, 0, False, None),
    ("Rp. 1.000.000,-", 1000000, 0, False, None),
    ("93,67", 93.67, 2, False, None),
    ("93,67%", 93.67, 2, True, None),
    (" 93,67 % ", 93.67, 2, True, None),
    ("\xa093,67", 93.67, 2, False, None),
    ("100 %", 100, 0, True, None),
    ("100,00", 100, 2, False, None),
    ("0,48 %", 0.48, 2, True, None),
    ("70 LKD", 70, 0, False, "LKD"),
    ("22 Orang Per Bulan", 22, 0, False, "Orang Per Bulan"),
    ("Baik (67,50)", 67.5, 2, False, None),
    ("(1.000)", -1000, 0, False, None),
    ("-5", -5, 0, False, None),
    ("87.65", 87.65, 2, False, None),  # a decimal point with two digits stays a decimal point
    ("1.500", 1500, 0, False, None),  # one dot and three digits is the Indonesian thousands dot
    ("0.125", 0.125, 3, False, None),  # ... unless the integer part is 0
    ("1.000,5", 1000.5, 1, False, None),
    ("1,000.50", 1000.5, 2, False, None),  # English style, both separators present
    ("2024", 2024, 0, False, None),
])
def test_text_numbers(raw, value, decimals, percent, unit):
    got = num(raw)
    assert got is not None
    assert got.value == pytest.approx(value, abs=0, rel=1e-15)
    assert got.decimals == decimals
    assert got.percent is percent
    assert got.unit == unit
    assert got.cell == CELL
    assert got.raw == raw


@pytest.mark.parametrize("raw", [None, "", "   ", "-", "--", "–", "—", "Tidak ada", "tidak ada", "TIDAK ADA",
                                 "n/a", "\xa0"])
def test_no_value(raw):
    assert num(raw) is None


@pytest.mark.parametrize("raw", ["abc", "Baik", "Rp", "%", "1,2,3", "1.2.3", "1.0000.000", "12 34", "12-15",
                                 "(5", "100%%", "5 %-", "Rp 12 + 3"])
def test_garbage_is_unreadable(raw):
    with pytest.raises(Unreadable):
        num(raw)


@pytest.mark.parametrize("raw", [True, False, dt.datetime(2024, 1, 1), dt.date(2024, 1, 1), float("nan"),
                                 float("inf")])
def test_non_numbers_are_unreadable(raw):
    with pytest.raises(Unreadable):
        num(raw)


# ------------------------------------------------------------------ real numbers and formats


def test_percent_formatted_number_is_in_percent_units():
    got = num(0.9367, "0.00%")
    assert got.value == 93.67  # exactly, not 93.66999999999999
    assert got.decimals == 2
    assert got.percent is True
    assert got.raw == 0.9367


def test_percent_format_without_decimals():
    got = num(1.0, "0%")
    assert (got.value, got.decimals, got.percent) == (100.0, 0, True)


def test_plain_number_keeps_its_shortest_decimals():
    assert num(93.67).decimals == 2
    assert num(93.67).percent is False
    assert num(100).decimals == 0
    assert num(0.4754).decimals == 4


def test_number_format_fixes_the_decimals():
    assert num(87.6, "0.00").decimals == 2
    assert num(1234567.0, "#,##0").decimals == 0
    assert num(1234567.5, "#,##0.00").decimals == 2
    assert num(99.5, '_(* #,##0.0_);_(* (#,##0.0);_(* "-"??_);_(@_)').decimals == 1


@pytest.mark.parametrize("fmt, decimals, percent", [
    ("General", None, False),
    (None, None, False),
    ("0.00%", 2, True),
    ("0%", 0, True),
    ("#,##0", 0, False),
    ("#,##0.00", 2, False),
    ('#,##0.00 "%"', 2, False),  # a quoted % is a literal, not a percent format
    ("@", None, False),
    ("[$Rp-421]#,##0.00", 2, False),
    ("0.0;[Red]-0.0", 1, False),
])
def test_format_decimals(fmt, decimals, percent):
    assert format_decimals(fmt) == (decimals, percent)


# ------------------------------------------------------------------ codes and outline numbers


@pytest.mark.parametrize("raw, code", [
    ("7.01.02.2.02.0003", "7.01.02.2.02.0003"),
    (" 7.01.02 ", "7.01.02"),
    ("5.1.02.", "5.1.02"),
    ("0001", "0001"),  # a sub kegiatan part typed as text keeps its zeros
    (1, "1"),
    ("abc", None),
    ("Program A", None),
    (True, None),
    (None, None),
])
def test_parse_code(raw, code):
    assert parse_code(raw) == code


def test_parse_code_of_a_number_uses_its_format():
    assert parse_code(7.01, "0.00") == "7.01"
    assert parse_code(2.1, "0.00") == "2.10"
    assert parse_code(5.1) == "5.1"


@pytest.mark.parametrize("raw, nomor", [
    ("1.", "1"), ("1.1", "1.1"), ("1.1.1", "1.1.1"), ("1.10", "1.10"), ("01.02", "1.2"),
    (2, "2"), (1.0, "1"), (1.1, "1.1"), ("a", None), (None, None), ("I.", None),
])
def test_parse_outline(raw, nomor):
    assert parse_outline(raw) == nomor


@pytest.mark.parametrize("code, level", [
    ("7.01.02", "program"), ("7.01.02.2.02", "kegiatan"), ("7.01.02.2.02.0003", "sub_kegiatan"),
    ("5", "akun"), ("5.1", "akun"), ("5.1.02", "akun"), ("5.1.02.01.01.0024", "akun"),
    ("5.01.01", "program"),  # urusan 5.01 (perencanaan) is a program, not an akun
    ("7.01", None), ("7.01.02.2", None),
])
def test_code_level(code, level):
    assert code_level(code) == level
    assert is_akun(code) is (level == "akun")


def test_outline_level():
    assert [outline_level(n) for n in ("1", "1.1", "1.1.1", "1.1.1.1")] == [
        "program", "kegiatan", "sub_kegiatan", None]


def test_labels_and_names_normalise():
    assert norm_label("Program / Kegiatan / Sub Kegiatan") == norm_label("Program/Kegiatan/Sub Kegiatan")
    assert norm_label("  Pagu Anggaran 2024 (Rp) ") == "pagu anggaran 2024 rp"
    assert norm_name("Program Pemberdayaan Masyarakat") == norm_name("PEMBERDAYAAN  MASYARAKAT.")
    assert norm_name("Kegiatan Penyelenggaraan Urusan") == norm_name("Penyelenggaraan Urusan")


# ------------------------------------------------------------------ rounding like Excel


@pytest.mark.parametrize("x, n, excel", [
    (2.675, 2, 2.68),
    (1.005, 2, 1.01),
    (0.125, 2, 0.13),
    (-0.125, 2, -0.13),
    (-2.5, 0, -3.0),
    (2.5, 0, 3.0),
    (0.5, 0, 1.0),
    (1.015, 2, 1.02),
    (5.015, 2, 5.02),
    (93.675, 2, 93.68),
])
def test_round_excel_half_away_from_zero(x, n, excel):
    assert round_excel(x, n) == excel
    assert round(x, n) != excel  # the cases where Python's round() is wrong for an LKIP


def test_round_excel_ordinary_values():
    assert round_excel(93.6682, 2) == 93.67
    assert round_excel(100.0228, 0) == 100.0
    assert round_excel(0.4754, 2) == 0.48
    assert round_excel(7996663078.4, 0) == 7996663078.0
    assert round_excel(-0.0001, 2) == 0.0


def test_claim_tolerance():
    assert ratio_agrees(num("100 %"), 100.0228)
    assert ratio_agrees(num("0,48 %"), 0.4754)
    assert not ratio_agrees(num("0,47 %"), 0.4754)
    assert not ratio_agrees(num("100,00 %"), 100.0228)
    assert ratio_agrees(num("100,02%"), 100.0228)
    assert ratio_agrees(num(0.9367, "0.00%"), 93.6682)
    assert not ratio_agrees(num(0.9367, "0.00%"), 93.6649)
    assert money_agrees(1000.0, 1001.0, 1.0)
    assert not money_agrees(1000.0, 1001.5, 1.0)
    assert money_agrees(1000.0, 1049.0, 50.0)


# ------------------------------------------------------------------ column kinds (money / percent / value)


def money(raw, fmt=None) -> Num | None:
    return parse_number(raw, CELL, fmt, MONEY)


def test_percent_format_on_money_reads_the_stored_number():
    got = money(1_500_000, "0%")
    assert (got.value, got.percent, got.percent_format) == (1_500_000, False, True)
    got = money(1_500_000.5, "0.00%")
    assert (got.value, got.percent, got.percent_format) == (1_500_000.5, False, True)
    assert money(1_500_000, "#,##0").percent_format is False


def test_percent_format_keeps_percent_units_for_indicator_values_and_percent_columns():
    assert num(1.0, "0%").value == 100.0  # SPEC §9.11: 100 %, 100 and a percent-formatted 1,0 all mean 100
    assert parse_number(0.9367, CELL, "0.00%", PERCENT).value == 93.67


@pytest.mark.parametrize("raw, value", [
    ("Rp 2,5 M", 2_500_000_000),
    ("Rp 2,5 m", 2_500_000_000),
    ("2,5 miliar", 2_500_000_000),
    ("2,5 Milyar", 2_500_000_000),
    ("Rp2,5M", 2_500_000_000),
    ("1.000 juta", 1_000_000_000),
    ("1.000 Juta Rupiah", 1_000_000_000),
    ("Rp1,2jt", 1_200_000),
    ("Rp 1,2 jt.", 1_200_000),
    ("1,2 JT", 1_200_000),
    ("350 rb", 350_000),
    ("350rb.", 350_000),
    ("350 ribu", 350_000),
    ("1,5 T", 1_500_000_000_000),
    ("1,5 triliun", 1_500_000_000_000),
    ("0,000001 M", 1_000),
    ("7,996663078 M", 7_996_663_078),
    ("(1,25 jt)", -1_250_000),
    ("-Rp 1,25 jt", None),  # a sign before the currency is not a sign before the figure
    ("Rp. 7.996.663.078,00", 7_996_663_078),
    ("Rp. 1.000.000,-", 1_000_000),
    ("1.000.000 Rupiah", 1_000_000),
    ("1.000.000 IDR", 1_000_000),
])
def test_money_scale_words_are_exact(raw, value):
    if value is None:
        with pytest.raises(Unreadable):
            money(raw)
        return
    got = money(raw)
    assert got.value == value  # exactly: Decimal arithmetic, not 2.5 * 1e9 in binary
    assert got.unit is None and got.percent is False


@pytest.mark.parametrize("raw, why", [
    ("93,67%", "persen"), ("100 %", "persen"), ("70 LKD", "LKD"), ("12 Dokumen", "Dokumen"), ("2,5 Mrd", "Mrd"),
    ("Baik (67,50)", None), ("5 %-", None),
])
def test_money_with_a_percent_or_a_unit_is_unreadable(raw, why):
    with pytest.raises(Unreadable) as err:
        money(raw)
    if why:
        assert why in (err.value.reason or "")


@pytest.mark.parametrize("raw", ["-", "Rp -", "Rp. -", "Rp-", " – "])
def test_money_dash_is_zero(raw):
    got = money(raw)  # SPEC §10.6: nothing budgeted or spent, no finding
    assert got.value == 0.0


def test_money_empty_is_no_value():
    assert money(None) is None and money("") is None and money("Tidak ada") is None


def test_percent_column_rejects_other_units():
    assert parse_number("93,67 %", CELL, None, PERCENT).value == 93.67
    assert parse_number("93,67 persen", CELL, None, PERCENT).value == 93.67
    with pytest.raises(Unreadable):
        parse_number("70 LKD", CELL, None, PERCENT)


# ------------------------------------------------------------------ Unicode digits are text, as in Excel


@pytest.mark.parametrize("raw", ["٥٠٠٠٠", "٣٨٫٥", "５００００", "１２３,４５", "5٠", "50０ Dokumen", "۱۲۳"])
@pytest.mark.parametrize("kind", [MONEY, PERCENT, VALUE])
def test_unicode_digits_are_unreadable(raw, kind):
    with pytest.raises(Unreadable):
        parse_number(raw, CELL, None, kind)


@pytest.mark.parametrize("raw", ["٧.٠١.٠٢", "７.01.02", "5.1.０2", "١"])
def test_unicode_digits_are_no_code_or_outline_number(raw):
    assert parse_code(raw) is None
    assert parse_outline(raw) is None


# ------------------------------------------------------------------ magnitudes: no overflow, no inf


@pytest.mark.parametrize("kind", [MONEY, PERCENT, VALUE])
def test_huge_integers_and_texts_are_unreadable_not_overflow(kind):
    for raw in (10**400, -(10**400), "1" * 400, "9" * 400 + ",5", "1." + ".".join(["000"] * 140)):
        with pytest.raises(Unreadable):
            parse_number(raw, CELL, None, kind)


def test_money_up_to_2_pow_53_is_exact_and_beyond_is_unreadable():
    assert money(2**53).value == 2**53
    assert money("9.007.199.254.740.992").value == 2**53
    for raw in (2**53 + 1, float(2**54), 1e308, "9.007.199.254.740.993", "10.000 T"):
        with pytest.raises(Unreadable) as err:
            money(raw)
        assert "2^53" in err.value.reason


def test_money_below_10_pow_minus_100_is_unreadable_but_rounding_noise_is_not():
    assert money(5.551115123125783e-17).value == 5.551115123125783e-17  # 0.1 + 0.2 - 0.3 in a Sisa cell
    assert money(0.0).value == 0.0
    for raw in (1e-300, -1e-300, 5e-324):
        with pytest.raises(Unreadable):
            money(raw)


def test_indicator_values_beyond_10_pow_15_are_unreadable():
    assert num(1e15).value == 1e15
    for raw in (1e16, 1e308, "1.000.000.000.000.000.000"):
        with pytest.raises(Unreadable):
            num(raw)
    with pytest.raises(Unreadable):
        num(1e14, "0%")  # shown as 1e16 %


@pytest.mark.parametrize("raw", [float("nan"), float("inf"), float("-inf"), "NaN", "nan", "inf", "-inf",
                                 "Infinity", "1e308"])
@pytest.mark.parametrize("kind", [MONEY, PERCENT, VALUE])
def test_nan_and_inf_are_unreadable(raw, kind):
    with pytest.raises(Unreadable):
        parse_number(raw, CELL, None, kind)


# ------------------------------------------------------------------ decimals capped, round_excel total


def test_450_decimals_are_read_and_capped():
    text = "0," + "1234567890" * 45
    got = num(text)
    assert got.value == pytest.approx(0.123456789012345678)
    assert got.decimals == MAX_DECIMALS
    assert parse_number(0.5, CELL, "0." + "0" * 450, VALUE).decimals == MAX_DECIMALS
    assert ratio_agrees(got, 0.1234567890123456789)  # no decimal.InvalidOperation
    assert not ratio_agrees(got, 0.2)


def test_claim_decimals_is_capped_even_for_a_num_built_by_hand():
    stated = Num(0.1, CELL, "0,1", 450)
    assert claim_decimals(stated) == MAX_DECIMALS
    assert ratio_agrees(stated, 0.1)


@pytest.mark.parametrize("x", [0.0, -0.0, 1.0, -2.5, 93.675, 1e-300, 5e-324, -5e-324, 1e15, 2.0**53, 1e300,
                               sys.float_info.max, -sys.float_info.max, sys.float_info.min])
@pytest.mark.parametrize("n", [-10**6, -400, -308, -1, 0, 2, 17, 340, 450, 10**6])
def test_round_excel_is_total_over_finite_floats(x, n):
    got = round_excel(x, n)
    assert math.isfinite(got)
    shown = float(f"{x:.15g}")
    if n >= 17 and abs(x) >= 1e-3 and math.isfinite(shown):
        assert got == shown  # nothing left to round
