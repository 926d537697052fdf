"""lkip_xl/teks.py: Indonesian number text as formulas that read the same in every locale.

Python side: edge cases, random values against an independent Decimal formatter, agreement with
textfmt. LibreOffice side: thousands of (value, formula) cells recalculated under an English and an
Indonesian locale; every formula must give its cached string in both, while a TEXT(x,"#,##0.00")
control cell proves the locale really changed between the two runs.
"""
from __future__ import annotations

import os
import random
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from lkip_xl import textfmt
from lkip_xl.teks import (MAX_FORMULA_CHARS, Sentence, Teks, angka, literal, naik_turun, nesting, persen,
                          rupiah, selisih)
from tests.recalc import CONTROL, LOCALES, cached_values, formula_cells, recalculate_in_locale, soffice

REF = "'Perhitungan Kinerja'!$H$12"  # the kind of reference the Analisis Capaian sheet will use


# ----------------------------------------------------------------------------- independent formatter


def indonesian(x: object, d: int) -> str:
    """Independent of teks/textfmt: Decimal from Excel's 15 significant digits, digits grouped by hand."""
    if not isinstance(x, (int, float)) or isinstance(x, bool):
        return "-"
    q = Decimal(f"{abs(x):.15g}").quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    whole, _, frac = f"{q:f}".partition(".")
    if len(whole) + d > 15:  # more digits than Excel keeps
        return "-"
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    text = ".".join([whole, *groups]) + ("," + frac if d else "")
    return ("-" if x < 0 and q != 0 else "") + text


def excel_stored(x: float) -> float:
    """The double LibreOffice/Excel reads back: xlsxwriter writes numbers with 16 significant digits."""
    return float(f"{x:.16g}")


# ----------------------------------------------------------------------------- Python side


@pytest.mark.parametrize("x, d, expected", [
    (1234567.891, 2, "1.234.567,89"),
    (-0.005, 2, "-0,01"),
    (0, 2, "0,00"),
    (100.02, 2, "100,02"),
    (99.995, 2, "100,00"),  # round before splitting: never "99,100"
    (999.9996, 3, "1.000,000"),
    (0.29, 2, "0,29"),  # 0.29*100 = 28.999999999999996
    (1.005, 2, "1,01"),  # Excel's 15-digit rounding, not the binary 1.00499999...
    (2.675, 2, "2,68"),
    (-0.004, 2, "0,00"),  # no "-0,00"
    (-1234.5, 0, "-1.235"),  # half away from zero, ABS before INT/MOD
    (-0.5, 0, "-1"),
    (0.05, 1, "0,1"),
    (999, 0, "999"),
    (1000, 0, "1.000"),
    (999999999999999, 0, "999.999.999.999.999"),
    (1e15, 0, "-"),  # beyond the 15 digits Excel keeps
    (9999999999999.99, 2, "9.999.999.999.999,99"),
    (9999999999999.996, 2, "-"),  # 15 digits round it up to 1e13: 16 digits with the decimals
    (123456789012.3456, 3, "123.456.789.012,346"),
    (7, 6, "7,000000"),
    (None, 2, "-"), ("12", 2, "-"), (True, 2, "-"), (float("nan"), 2, "-"), (float("inf"), 2, "-"),
    (10**400, 0, "-"),
])
def test_angka_examples(x, d, expected):
    assert angka("A1", x, d).value == expected


def test_persen_rupiah_examples():
    assert persen("A1", 100.02).value == "100,02%"  # the seed report's form
    assert persen("A1", 100.02, spasi=True).value == "100,02 %"  # textfmt's form
    assert persen("A1", 100, 0).value == "100%"
    assert persen("A1", None).value == "-"
    assert rupiah("A1", 7996663078).value == "Rp7.996.663.078"
    assert rupiah("A1", 7996663077.5).value == "Rp7.996.663.078"
    assert rupiah("A1", -1500).value == "-Rp1.500"
    assert rupiah("A1", -0.4).value == "Rp0"
    assert rupiah("A1", "x", kosong="(tidak ada)").value == "(tidak ada)"
    assert angka("A1", None, kosong="n/a").value == "n/a"


def test_naik_turun_examples():
    assert naik_turun("B1", 98.5, "C1", 96.2).value == "naik 2,30"
    assert naik_turun("B1", 95, "C1", 96).value == "turun 1,00"
    assert naik_turun("B1", 95.001, "C1", 95.004).value == "tetap"  # both show 95,00
    assert naik_turun("B1", 95.005, "C1", 95.004).value == "naik 0,01"  # 95,01 - 95,00: the words add up
    assert naik_turun("B1", 98.5, "C1", 96.2, 2, " poin").value == "naik 2,30 poin"
    assert naik_turun("B1", 96.2, "C1", 96.2, 2, " poin").value == "tetap"
    assert naik_turun("B1", 96.2, "C1", None).value == "-"
    assert naik_turun("B1", 1500, "C1", 3000, 0).value == "turun 1.500"
    assert selisih("B1", 0.3, "C1", 0.1, 1) == ("ROUND(ROUND(B1,1)-ROUND(C1,1),1)", 0.2)


def _random_values(rng: random.Random, n: int, digits: int = 15) -> list[tuple[float, int]]:
    """Values over every magnitude, exact half-way decimals, and whole numbers up to the limit.

    When the digit that decides the rounding is the 15th or 16th of a full 17-digit double,
    LibreOffice's ROUND and round_excel (which first keeps 15 significant digits) can differ by one unit: ROUND(500000000000000.5,0) is
    500000000000001 in LibreOffice 7.4, 500000000000000 in round_excel. That is ROUND, not teks.
    """
    out = []
    for _ in range(n):
        d = rng.randint(0, 4)
        kind = rng.random()
        if kind < 0.5:
            x = 10 ** rng.uniform(-6, digits + 0.2 - d)
        elif kind < 0.8:  # k + 0.5 units of the d-th decimal, written in decimal
            k = rng.randint(0, 10 ** rng.randint(1, digits - 1))
            x = float(Decimal(k).scaleb(-d) + Decimal(5).scaleb(-d - 1))
        elif kind < 0.9:  # whole numbers (money) up to and past the limit
            x = float(rng.randint(0, 10 ** rng.randint(1, 15)) + rng.choice([0, 0, 1]) * (10**15 - 1))
        else:  # just below the limit
            x = (10 ** (digits - d)) - rng.choice([1, 0.5, 0.4, 0.6, 1.5]) * 10.0 ** -d
        x = excel_stored(x if rng.random() < 0.5 else -x)
        out.append((x, d))
    return out


def test_random_values_match_an_independent_formatter():
    rng = random.Random(20261130)
    values = _random_values(rng, 20000)
    assert sum(indonesian(x, d) == "-" for x, d in values) > 100  # the limit is exercised
    assert sum("." in indonesian(x, d) for x, d in values) > 10000  # so are thousands groups
    bad = [(x, d, angka("A1", x, d).value, indonesian(x, d)) for x, d in values
           if angka("A1", x, d).value != indonesian(x, d)]
    assert not bad, bad[:10]


def test_python_values_agree_with_textfmt():
    rng = random.Random(7)
    for x, d in _random_values(rng, 5000):
        if abs(x) >= 10 ** (15 - d) - 1:
            continue  # teks shows "-" beyond the digits Excel keeps; textfmt has no such limit
        text = textfmt.angka(x, d, keep_zeros=True)
        if text.lstrip("-").strip("0,.") == "":
            text = text.lstrip("-")  # textfmt writes a negative rounding to zero as "-0,00"
        assert angka("A1", x, d).value == text
        assert persen("A1", x, d, spasi=True).value == textfmt.persen(float(text.replace(".", "").replace(
            ",", ".")), d, keep_zeros=True)
        if d == 0:
            assert rupiah("A1", x).value == textfmt.rupiah(x)


def _all_builders(x: object = 1234.5, y: object = 1200.0) -> list[Teks]:
    return [angka(REF, x, d) for d in range(7)] + [persen(REF, x), persen(REF, x, 1, spasi=True), rupiah(REF, x),
                                                    naik_turun(REF, x, REF.replace("H", "I"), y, 2, " poin")]


def test_formulas_use_only_locale_free_pieces():
    for t in _all_builders():
        f = t.formula
        assert "FIXED(" not in f and "DOLLAR(" not in f and "VALUE(" not in f
        formats = re.findall(r'TEXT\((?:[^"]*?),"([^"]*)"\)', f)
        assert formats and len(formats) == f.count("TEXT("), f
        assert all(set(fmt) == {"0"} for fmt in formats), formats  # digit-only formats
        literals = set(re.findall(r'"((?:[^"]|"")*)"', f))
        allowed = {",", ".", "-", "", "%", " %", "Rp", "tetap", "naik ", "turun ", " poin"}
        assert {lit for lit in literals if set(lit) != {"0"}} <= allowed, literals  # separators only as text


def test_formula_size_and_nesting():
    for t in _all_builders():
        assert len(t.formula) < 1200 and nesting(t.formula) <= 20, (len(t.formula), nesting(t.formula))
    s = Sentence("Realisasi ", persen(REF, 98.5), " dari target ", persen(REF, 100, 0), " dengan capaian ",
                 persen(REF, 98.5), " (kategori Sangat Baik), ",
                 naik_turun(REF, 98.5, REF.replace("H", "I"), 96.2, 2, " poin"),
                 " dibanding 2023; serapan anggaran ", rupiah(REF, 7996663078), " dari pagu ", rupiah(REF, 8.5e9), ".")
    t = s.teks()
    assert len(t.formula) + 1 < MAX_FORMULA_CHARS and nesting(t.formula) < 64
    assert t.value == ("Realisasi 98,50% dari target 100% dengan capaian 98,50% (kategori Sangat Baik), naik 2,30 "
                       "poin dibanding 2023; serapan anggaran Rp7.996.663.078 dari pagu Rp8.500.000.000.")
    too_long = Sentence(*[rupiah(REF, i) for i in range(30)])
    with pytest.raises(ValueError, match="8192"):
        too_long.teks()


def test_literals_are_escaped_text_never_evaluated():
    t = literal('Kata "kutip", =SUM(A1:A3), \'x\nbaris')
    assert t.value == 'Kata "kutip", =SUM(A1:A3), \'x\nbaris'
    assert t.formula == '"Kata ""kutip"", =SUM(A1:A3), \'x"&CHAR(10)&"baris"'
    assert literal("").formula == '""' and literal("a\x01b").value == "ab"
    long = literal("x" * 1000 + '"' * 300)
    assert all(len(lit) <= 255 for lit in re.findall(r'"((?:[^"]|"")*)"', long.formula))
    assert long.value == "x" * 1000 + '"' * 300
    with pytest.raises(TypeError):
        Sentence("a", 3)  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        angka("A1", 1, 7)


# ----------------------------------------------------------------------------- LibreOffice, two locales

DATA = "Perhitungan Kinerja"


def recalculate_in(path: Path, workdir: Path, locale: str) -> Path:
    """A copy of `path` recalculated by LibreOffice with `locale` as its locale setting."""
    return recalculate_in_locale([path], workdir, locale)[path.name]


def build_workbook(path: Path) -> dict[str, int]:
    """Values on a 'Perhitungan Kinerja' sheet, number text formulas over them on 'Teks'."""
    import xlsxwriter

    rng = random.Random(9)
    values: list[object] = [1234567.891, -0.005, 0, 100.02, 99.995, 999.9996, 0.29, 1.005, 2.675, -0.004,
                            -1234.5, -0.5, 0.05, 999, 1000, 999999999999999, 1e15, 9999999999999.99,
                            9999999999999.996, 123456789012.3456, 7996663078, 7996663077.5, -1500, 1e-300,
                            -999999999999999, 0.125, 1.15, 8.325, 1.0000000000000002]
    values += [x for x, _ in _random_values(rng, 600)]
    values += [round(rng.uniform(0, 200), rng.randint(0, 3)) for _ in range(100)]  # percent-like
    specials = ["teks", "12", None, True, "#DIV/0!"]
    wb = xlsxwriter.Workbook(str(path))
    data = wb.add_worksheet(DATA)
    out = wb.add_worksheet("Teks")
    control = wb.add_worksheet("Kontrol")
    control.write_formula(0, 0, 'TEXT(1234567.891,"#,##0.00")', None, "belum dihitung")
    control.write_formula(1, 0, "FIXED(1234.5,2)", None, "belum dihitung")
    cells: list[object] = [excel_stored(float(v)) for v in values] + specials
    for r, v in enumerate(cells):
        if v is None:
            continue
        if v == "#DIV/0!":
            data.write_formula(r, 0, "1/0", None, "#DIV/0!")
            cells[r] = None
        elif isinstance(v, bool):
            data.write_boolean(r, 0, v)
        elif isinstance(v, str):
            data.write_string(r, 0, v)
        else:
            data.write_number(r, 0, v)
    count = {"formulas": 0, "guard": 0, "naik": 0, "turun": 0, "tetap": 0}

    def put(row: int, col: int, t: Teks) -> None:
        out.write_formula(row, col, t.formula, None, t.value)
        count["formulas"] += 1
        count["guard"] += t.value == "-"
        for word in ("naik", "turun", "tetap"):
            count[word] += t.value.startswith(word)

    def proven(v: object, d: int) -> bool:
        """Whole numbers to the limit; other values while the rounding is decided by at most the 14th
        significant digit (beyond, LibreOffice's ROUND and round_excel may differ: see _random_values)."""
        return not isinstance(v, float) or v.is_integer() or abs(v) < 10 ** (13 - d)

    def small(v: object) -> bool:
        return not isinstance(v, float) or abs(v) < 1e9

    def pair(r: int) -> tuple[str, object]:
        """The value `r` is compared with: the next one when both are small, else itself ("tetap").

        Subtracting near-equal numbers of 13+ digits, LibreOffice snaps the difference to zero
        (approxSub); naik_turun is meant for percentages and is proven below 1e9."""
        nxt = (r + 1) % len(cells)
        other = nxt if r % 3 and small(cells[r]) and small(cells[nxt]) else r
        return f"'{DATA}'!$A${other + 1}", cells[other]

    for r, v in enumerate(cells):
        ref = f"'{DATA}'!$A${r + 1}"
        for d in range(5):
            if proven(v, d):
                put(r, d, angka(ref, v, d))
        if proven(v, 2):
            put(r, 5, persen(ref, v))
        if proven(v, 0):
            put(r, 6, rupiah(ref, v))
        put(r, 7, naik_turun(ref, v, *pair(r), 2, " poin"))
    # Sentences: literal text with quotes, formula-like text, newline; numbers from the sheet.
    row = len(cells) + 1
    for r in [r for r in range(len(cells)) if proven(cells[r], 2)][:40]:
        ref = f"'{DATA}'!$A${r + 1}"
        s = Sentence(f'Indikator "{r}" (=A{r}+1; \'kutip\'): realisasi ', persen(ref, cells[r]),
                     " dari target 100%,\nserapan ", rupiah(ref, cells[r]), ", ",
                     naik_turun(ref, cells[r], *pair(r), 2, " poin"), ".")
        put(row, 0, s.teks())
        row += 1
    wb.close()
    return count


@pytest.mark.libreoffice
def test_libreoffice_gives_the_cached_text_in_two_locales(tmp_path):
    if not soffice():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice (soffice) is required in CI")
        pytest.skip("LibreOffice (soffice) is not installed")
    produced = tmp_path / "teks.xlsx"
    count = build_workbook(produced)
    assert count["formulas"] > 5000 and count["guard"] > 100
    assert min(count["naik"], count["turun"], count["tetap"]) > 50, count
    cached = cached_values(produced)
    formulas = formula_cells(produced)
    checked = [key for key in formulas if key[0] == "Teks"]
    assert len(checked) == count["formulas"]
    for locale in LOCALES:
        work = tmp_path / locale
        recalced = cached_values(recalculate_in(produced, work, locale))
        # The locale really is in force: a locale-dependent format reads differently in each run.
        assert (recalced[("Kontrol", "A1")], recalced[("Kontrol", "A2")]) == CONTROL[locale]
        bad = [(cell, cached[(s, cell)], recalced.get((s, cell)), formulas[(s, cell)])
               for s, cell in checked if recalced.get((s, cell)) != cached[(s, cell)]]
        assert not bad, f"{locale}: {len(bad)} of {len(checked)} cells differ:\n" + "\n".join(
            f"  {c}: cached {want!r}, LibreOffice {got!r}" for c, want, got, _f in bad[:20])
