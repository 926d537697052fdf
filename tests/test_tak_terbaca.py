"""One unreadable amount is one finding (SPEC §10.16).

An amount typed as text that is no amount (`abc`) is unknown, not Rp0: every sum above it is the sum
of the readable leaves, and no claim on a figure that includes it (a stated subtotal, the Realisasi
sheet's pagu / % / sisa, the per-jenis total, a Dilaporkan figure) is judged. The count of such
amounts is in the JSON `anggaran.tidak_terbaca`, the check summary line and the workbook's totals.
"""
from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

import builder
from builder import IND_A, M, minimal, put
from lkip_xl.api import analyse
from lkip_xl.console import findings_table
from lkip_xl.report import build_report
from lkip_xl.writer import write_workbook
from variants import SAMPLE

GAJI_PAGU = 3_269_845_678  # sample DPA!H10: sub kegiatan 7.01.01.2.02.0001
GAJI_REALISASI = 2_939_443_064  # sample Realisasi!D10


def _keys(result) -> list[tuple[str, str | None, str | None]]:
    return sorted((f.kode, f.lembar, f.sel) for f in result.findings)


def _typed(tmp_path: Path, sheet: str, cell: str, value: object, name: str = "typed.xlsx") -> Path:
    wb = openpyxl.load_workbook(SAMPLE)
    wb[sheet][cell] = value
    out = tmp_path / name
    wb.save(out)
    return out


@pytest.fixture(scope="module")
def base():
    return analyse(str(SAMPLE))


def test_an_unreadable_pagu_in_the_sample_is_exactly_one_new_finding(tmp_path, base):
    result = analyse(str(_typed(tmp_path, "DPA", "H10", "abc")))
    assert _keys(result) == sorted(_keys(base) + [("UNREADABLE_VALUE", "DPA", "H10")])
    assert result.total_pagu == base.total_pagu - GAJI_PAGU  # the readable leaves
    assert result.total_realisasi == base.total_realisasi
    assert result.tidak_terbaca == 1
    report = build_report(result)
    assert report["anggaran"]["tidak_terbaca"] == 1 and build_report(base)["anggaran"]["tidak_terbaca"] == 0
    # not also "dianggap Rp0"
    assert not any("dianggap Rp0" in f.pesan for f in result.findings)
    summary = findings_table(result, "typed.xlsx").strip().splitlines()[-1]
    assert summary.startswith("Ringkasan:") and "1 jumlah tak terbaca" in summary
    assert "tak terbaca" not in findings_table(base, "x.xlsx")


def test_an_unreadable_realisasi_in_the_sample_is_exactly_one_new_finding(tmp_path, base):
    result = analyse(str(_typed(tmp_path, "Realisasi", "D10", "dua milyar")))
    assert _keys(result) == sorted(_keys(base) + [("UNREADABLE_VALUE", "Realisasi", "D10")])
    assert result.total_realisasi == base.total_realisasi - GAJI_REALISASI
    assert result.total_pagu == base.total_pagu and result.tidak_terbaca == 1


def test_an_unreadable_belanja_leaf_is_exactly_one_new_finding(tmp_path, base):
    """5.1.02's pagu unreadable: the stated 5.1, the Jumlah check against the total and 5.1.02's %
    are not judged."""
    result = analyse(str(_typed(tmp_path, "Belanja", "C6", "abc")))
    assert _keys(result) == sorted(_keys(base) + [("UNREADABLE_VALUE", "Belanja", "C6")])
    assert result.tidak_terbaca == 1


def test_an_unreadable_akun_leaf_is_exactly_one_new_finding(tmp_path):
    """Akun rows: the sub kegiatan's stated pagu, its akun parents and the per-jenis total (from the
    akun rows) leave the unknown leaf out and are not judged."""
    import variants

    path = variants.base_path("akun", tmp_path)
    clean = analyse(str(path))
    wb = openpyxl.load_workbook(path)
    ws = wb["DPA"]
    row = next(r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == "5.1.02.01.01.0024")
    ws.cell(row, 4).value = "abc"
    wb.save(tmp_path / "akun_abc.xlsx")
    result = analyse(str(tmp_path / "akun_abc.xlsx"))
    assert _keys(clean) == []
    assert _keys(result) == [("UNREADABLE_VALUE", "DPA", f"D{row}")]
    assert result.tidak_terbaca == 1 and result.belanja_source == "akun"


def test_claims_on_figures_without_the_unknown_amount_are_still_judged(tmp_path):
    """The unknown leaf is under program 7.01.02: a wrong claim on program 7.01.01 is still a
    finding, the claims on 7.01.02 and on the total are not judged, and the tujuan (whole budget)
    and indicator B (which the leaf supports) have unknown serapan."""
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", "lima puluh juta")
    put(data["realisasi"], "7.01.01", "Pagu", 101 * M)  # wrong, and its program has no unknown leaf
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.13", "Total", "Pagu", 250 * M],
                          ["Tabel 3.13", "7.01.02", "Pagu", 150 * M],
                          ["Tabel 3.13", "7.01.01", "Pagu", 99 * M],
                          ["Tabel 3.4", IND_A, "Serapan", "95%"],
                          ["Tabel 3.5", builder.IND_B, "Serapan", "90%"]]
    result = analyse(str(builder.build(tmp_path, **data)))
    keys = [(f.kode, f.sel) for f in result.findings]
    assert ("UNREADABLE_VALUE", "C10") in keys
    assert ("PAGU_MISMATCH", "C2") in keys  # 7.01.01 in Realisasi: judged
    assert ("CLAIM_MISMATCH", "D4") in keys  # 7.01.01's pagu claimed 99 M: judged
    assert len(keys) == 3, result.findings
    unknown = {i: j.unknown for i, j in result.claims.items()}
    assert unknown == {0: True, 1: True, 2: False, 3: False, 4: True}


def test_a_blank_pagu_is_still_counted_as_rp0_and_reported(tmp_path):
    data = minimal()
    put(data["dpa"], "7.01.02.2.02.0001", "Pagu", None)
    result = analyse(str(builder.build(tmp_path, **data)))
    assert any("dianggap Rp0" in f.pesan for f in result.findings)
    assert result.tidak_terbaca == 0


def test_the_workbook_says_it_and_does_not_judge_the_claim(tmp_path):
    result = analyse(str(_typed(tmp_path, "DPA", "H10", "abc")))
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    wb = openpyxl.load_workbook(out)
    notes = [(ws.title, c.coordinate) for ws in wb.worksheets for row in ws.iter_rows() for c in row
             if isinstance(c.value, str) and c.value.startswith("Catatan: 1 jumlah di input tidak dapat dibaca")]
    assert len(notes) == 2 and {t for t, _ in notes} >= {"Ringkasan"}, notes
    statuses = [row[7] for ws in wb.worksheets if ws.title.startswith("Data Dilaporkan")
                for row in ws.iter_rows(min_row=4, values_only=True)]
    assert "Tidak dinilai" in statuses


@pytest.mark.libreoffice
def test_the_workbook_with_an_unknown_amount_recalculates_to_its_cached_values(tmp_path):
    from recalc import mismatches, soffice

    if soffice() is None:
        pytest.skip("LibreOffice not installed")
    result = analyse(str(_typed(tmp_path, "DPA", "H10", "abc")))
    out = tmp_path / "out.xlsx"
    write_workbook(result, out)
    bad, n = mismatches(out)
    assert n > 300 and not bad, bad[:10]


def test_an_unreadable_realisasi_is_never_told_as_rp0_in_the_analysis_and_temuan_names_what_was_not_judged(
        tmp_path, base):
    """A sub kegiatan's realisasi typed wrongly: the Analisis does not write 'realisasi Rp0 … tergolong
    efisien' for its indicator (its budget paragraph says the sum cannot be computed, its list line that the
    amount could not be read), and the one UNREADABLE_VALUE says which Dilaporkan claims were not judged."""
    from lkip_xl.writer.analisis import SHEET

    wb = openpyxl.load_workbook(SAMPLE)
    ws = wb["Realisasi"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == 130_775_400)  # 7.01.06.2.01.0002
    ws[cell.coordinate] = "Rp 130.775.4OO"
    path = tmp_path / "ketik.xlsx"
    wb.save(path)
    result = analyse(str(path))
    ind = next(i for i in result.indicators if i.nama == "Persentase Desa Tertib Administrasi Pemerintahan")
    unjudged = [k.nilai.cell.ref for i, k in enumerate(result.data.dilaporkan) if result.claims[i].unknown]
    assert unjudged  # the sample claims this indicator's serapan (Dilaporkan!D49 …)
    [bad] = [f for f in result.findings if f.kode == "UNREADABLE_VALUE"]
    assert bad.sel == cell.coordinate
    assert bad.pesan.endswith("Angka ini tidak ikut dijumlah; angka laporan yang bergantung padanya tidak dinilai "
                              f"(Dilaporkan!{unjudged[0]}{''.join(', ' + c for c in unjudged[1:])}).")
    out = tmp_path / "ketik_lkip.xlsx"
    write_workbook(result, str(out))
    wb = openpyxl.load_workbook(out, data_only=True)
    texts = [str(c.value) for row in wb[SHEET].iter_rows(min_col=2, max_col=2) for c in row if c.value]
    assert ("Jumlah realisasi anggaran pendukung indikator ini belum dapat dihitung karena ada angka di lembar input "
            "yang tidak dapat dibaca (lihat lembar Temuan), sehingga serapan anggaran dan efisiensinya belum dapat "
            "dinilai.") in texts
    assert any(t.startswith("1. Sub Kegiatan 7.01.06.2.01.0002") and t.endswith(
        "realisasinya tidak dapat dibaca (lihat lembar Temuan), sehingga serapannya belum dapat dihitung.")
        for t in texts)
    assert not any("Rp0" in t or ind.nama + " (" in t and "efisiensi tertinggi" in t for t in texts)
