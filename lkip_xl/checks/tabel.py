"""TABEL_KOSONG: a report table the input leaves empty is left out; the finding says what would fill it."""
from __future__ import annotations

from collections.abc import Iterator

from lkip_xl.findings import finding
from lkip_xl.model import Finding, Result
from lkip_xl.rules.tabel import tabel_kosong


def check(result: Result) -> Iterator[Finding]:
    for kosong in tabel_kosong(result):
        if kosong.lembar:
            sheet = result.data.sheet_names.get(kosong.lembar, kosong.lembar)
            yield finding("TABEL_KOSONG", None, "lembar", tabel=kosong.tabel, kolom=kosong.kolom, sheet=sheet)
        elif kosong.sebab == "pemetaan":
            yield finding("TABEL_KOSONG", None, "pemetaan", tabel=kosong.tabel, kolom=kosong.kolom)
        elif kosong.sebab == "anggaran":
            yield finding("TABEL_KOSONG", None, "anggaran", tabel=kosong.tabel, kolom=kosong.kolom)
        else:
            yield finding("TABEL_KOSONG", None, tabel=kosong.tabel, kolom=kosong.kolom)
