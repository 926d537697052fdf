"""Targets as PK documents write them (SPEC §10.12) and an unreadable target (§10.21).

`≥ 83` / `min. 80` mean higher is better, `≤ 16 %` / `maks. 20` lower is better; with no Polaritas the
direction sets it, against a stated one it is a POLARITY_CONFLICT and the stated one counts. A band
`80 - 85` is measured against the bound that must be reached (lower for positive, upper for negative)
and printed as written. A target that cannot be read is unknown: nothing is judged against another
target in its place. Every expected figure below is worked out by hand in its comment.
"""
from __future__ import annotations

import openpyxl
import pytest

import builder
from builder import IND_A, IND_B, minimal, put
from lkip_xl.api import analyse
from lkip_xl.report import build_report
from lkip_xl.writer import write_workbook

IND_NEG = "Persentase Desa Rawan Konflik"
IND_BAND = "Persentase Dokumen Tepat Waktu"
IND_NBAND = "Persentase Keluhan Tidak Tertangani"
IND_CONFLICT = "Persentase Aduan Berulang"


def _forms() -> dict:
    """minimal() plus four indicators whose 2024 targets are written as PK documents write them."""
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", "≥ 95")  # = 95: capaian 95 / 95 = 100, as before
    data["kinerja"] += [
        # no Polaritas: `≤ 16 %` makes it negative; capaian (2 × 16 − 12) / 16 × 100 = 125
        ["Sasaran", builder.TUJUAN, builder.SAS_A, IND_NEG, "%", None, 18, "≤ 16 %", 14, 17, 12],
        # band, positive: the lower bound 80; capaian 84 / 80 × 100 = 105
        ["Sasaran", builder.TUJUAN, builder.SAS_A, IND_BAND, "%", "Positif", 75, "80 - 85", 90, 70, 84],
        # band, negative: the upper bound 12; capaian (2 × 12 − 11) / 12 × 100 = 108,333…
        ["Sasaran", builder.TUJUAN, builder.SAS_B, IND_NBAND, "%", "Negatif", 14, "10 – 12 %", 9, 13, 11],
        # `maks. 20` under a stated Positif: POLARITY_CONFLICT, the stated one counts: 15 / 20 × 100 = 75
        ["Sasaran", builder.TUJUAN, builder.SAS_B, IND_CONFLICT, "%", "Positif", 25, "maks. 20", 18, 22, 15],
    ]
    data["pemetaan"] += [[name, "7.01.01.2.01.0001"] for name in (IND_NEG, IND_BAND, IND_NBAND, IND_CONFLICT)]
    return data


@pytest.fixture(scope="module")
def forms(tmp_path_factory):
    path = builder.build(tmp_path_factory.mktemp("forms"), **_forms())
    return path, analyse(str(path))


def _ind(result, name):
    return next(i for i in result.indicators if i.nama == name)


def test_directions_and_bands_give_the_bound_and_the_polarity(forms):
    _, result = forms
    expect = {  # name -> (target, polaritas, capaian), by hand above
        IND_A: (95, "positif", 100.0),
        IND_NEG: (16, "negatif", 125.0),
        IND_BAND: (80, "positif", 105.0),
        IND_NBAND: (12, "negatif", (2 * 12 - 11) / 12 * 100),
        IND_CONFLICT: (20, "positif", 75.0),
    }
    for name, (target, polaritas, capaian) in expect.items():
        ind = _ind(result, name)
        assert (ind.target, ind.row.polaritas) == (target, polaritas), name
        assert ind.capaian == pytest.approx(capaian), name
    report = {i["indikator"]: i for i in build_report(result)["indikator"]}
    assert report[IND_NEG]["polaritas"] == "negatif" and report[IND_NEG]["target"] == 16
    assert report[IND_NBAND]["capaian"] == pytest.approx((2 * 12 - 11) / 12 * 100)


def test_only_the_contradiction_is_a_finding(forms):
    _, result = forms
    conflicts = [f for f in result.findings if f.kode == "POLARITY_CONFLICT"]
    assert [(f.lembar, f.sel, f.tingkat) for f in conflicts] == [("Kinerja", "H8", "peringatan")]
    assert "maks. 20" in conflicts[0].pesan and "positif" in conflicts[0].pesan
    assert not [f for f in result.findings if f.kode in ("UNREADABLE_VALUE", "ZERO_TARGET", "UNIT_MISMATCH")]


def test_the_workbook_prints_the_target_as_written_and_computes_with_the_bound(forms, tmp_path):
    _, result = forms
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    wb = openpyxl.load_workbook(out)
    data = wb["Data Kinerja"]
    header = {c.value: c.column for c in data[3]}
    assert "Target 2024 (tertulis)" in header and "Target 2024 (batas)" in header
    rows = {data.cell(r, 5).value: r for r in range(4, data.max_row + 1)}
    assert data.cell(rows[IND_NBAND], header["Target 2024 (tertulis)"]).value == "10 – 12 %"
    assert data.cell(rows[IND_NBAND], header["Target 2024 (batas)"]).value == 12
    values = openpyxl.load_workbook(out, data_only=True)
    renstra = values["2.1 Renstra"]
    shown = [c for row in renstra.iter_rows(values_only=True) for c in row]
    assert {"≥ 95", "≤ 16 %", "80 - 85", "10 – 12 %", "maks. 20"} <= set(shown)
    capaian_tables = [ws for ws in values.worksheets if ws.title.startswith("3.") and "Capaian Sasaran" in ws.title]
    printed = {c for ws in capaian_tables for row in ws.iter_rows(values_only=True) for c in row}
    assert {"≤ 16 %", "80 - 85"} <= printed


@pytest.mark.libreoffice
def test_the_workbook_recalculates_to_its_cached_values(forms, tmp_path):
    from recalc import mismatches, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    _, result = forms
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    bad, n = mismatches(out)
    assert n > 300 and not bad, bad[:10]


# ---------------------------------------------------------------- §10.21: an unreadable target


def _pk(target_pk_b, capaian_b=None):
    """minimal() with a Target PK column (IND_B's PK `target_pk_b`; the others as Renstra) and a
    stated Capaian 2024 and Dilaporkan claim for IND_B."""
    data = minimal()
    kinerja = data["kinerja"]
    kinerja[0] += ["Target PK", "Capaian 2024"]
    for row in kinerja[1:]:
        row += [row[7], None]
    put(kinerja, IND_B, "Target PK", target_pk_b)
    put(kinerja, IND_B, "Capaian 2024", capaian_b)
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"], ["Tabel 3.5", IND_B, "Capaian", capaian_b]]
    return data


def test_a_signed_pk_target_is_read_and_compared_with_renstra(tmp_path):
    """Renstra 2024 = 12, PK `≥ 13`: TARGET_MISMATCH (13 ≠ 12) and capaian against 13: 12 / 13 × 100
    = 92,31 %, which the stated 92,31 % and the claim agree with. Read as unreadable before (SPEC §10.12)."""
    result = analyse(str(builder.build(tmp_path, **_pk("≥ 13", "92,31"))))
    ind = _ind(result, IND_B)
    assert ind.target == 13 and ind.capaian == pytest.approx(12 / 13 * 100)
    assert sorted(f.kode for f in result.findings) == ["TARGET_MISMATCH"]


def test_an_unreadable_pk_target_is_one_finding_and_renstra_does_not_stand_in(tmp_path):
    """PK `tiga belas` cannot be read: the Renstra 12 is not used in its place, so the stated capaian
    100 % and the claim are not judged, and there is no ZERO_TARGET (SPEC §10.21)."""
    clean = analyse(str(builder.build(tmp_path, **_pk(12, "100"))))
    assert clean.findings == [] and _ind(clean, IND_B).capaian == 100
    result = analyse(str(builder.build(tmp_path, "bad.xlsx", **_pk("tiga belas", "100"))))
    assert [(f.kode, f.sel) for f in result.findings] == [("UNREADABLE_VALUE", "M4")]
    ind = _ind(result, IND_B)
    assert ind.target is None and ind.capaian is None and ind.kategori is None and ind.efisiensi is None
    assert result.claims[0].unknown
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    wb = openpyxl.load_workbook(out)
    statuses = [row[7] for row in wb["Data Dilaporkan"].iter_rows(min_row=4, values_only=True)]
    assert statuses == ["Tidak dinilai"]
    data = wb["Data Kinerja"]
    header = {c.value: c.column for c in data[3]}
    assert data.cell(6, header["Target PK"]).value == "tiga belas"  # the text, so the formula gives "-"


def test_an_unreadable_renstra_target_is_one_finding(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Target 2024", "sembilan lima")
    result = analyse(str(builder.build(tmp_path, **data)))
    assert [f.kode for f in result.findings] == ["UNREADABLE_VALUE"]  # no ZERO_TARGET beside it
    assert _ind(result, IND_A).capaian is None


def test_an_unreadable_realisasi_is_one_finding(tmp_path):
    data = minimal()
    put(data["kinerja"], IND_A, "Realisasi 2024", "sembilan lima")
    result = analyse(str(builder.build(tmp_path, **data)))
    assert [f.kode for f in result.findings] == ["UNREADABLE_VALUE"]  # no MISSING_REALISASI beside it


@pytest.mark.libreoffice
def test_the_unreadable_target_workbook_recalculates(tmp_path):
    from recalc import mismatches, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    result = analyse(str(builder.build(tmp_path, **_pk("tiga belas", "100"))))
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    bad, n = mismatches(out)
    assert n > 200 and not bad, bad[:10]
