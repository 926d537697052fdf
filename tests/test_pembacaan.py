"""Pembacaan (SPEC §10.7): how each input sheet was read, in the JSON report, the `Pembacaan Input`
sheet of `fill` and `check --pembacaan`."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import openpyxl
import pytest

from builder import M, build, minimal
from lkip_xl.api import analyse
from lkip_xl.console import pembacaan_table
from lkip_xl.model import SheetReading
from lkip_xl.report import build_report, dilewati_runs, pembacaan_entry
from lkip_xl.writer import write_workbook
from lkip_xl.writer.pembacaan import PEMBACAAN
from run_cli import run_cli

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "samples" / "kecamatan_juai_2024.xlsx"
ENTRY_KEYS = {"lembar", "peran", "baris_header", "kolom", "baris_data", "dilewati", "dipatok",
              "baris_tersembunyi"}  # SPEC §10.20: hidden data rows, read like any other


def by_sheet(report: dict) -> dict[str, dict]:
    return {e["lembar"]: e for e in report["pembacaan"]}


@pytest.fixture(scope="module")
def sample_report() -> dict:
    return json.loads(json.dumps(build_report(analyse(str(SAMPLE))), allow_nan=False))


def test_sample_pembacaan_lists_every_sheet_read_in_tab_order(sample_report):
    entries = sample_report["pembacaan"]
    assert [e["lembar"] for e in entries] == openpyxl.load_workbook(SAMPLE).sheetnames
    assert all(set(e) == ENTRY_KEYS for e in entries)
    assert all(e["dipatok"] == {} for e in entries)  # nothing pinned: no Pengaturan Baca sheet


def test_sample_dpa_and_realisasi_show_header_row_and_money_columns(sample_report):
    sheets = by_sheet(sample_report)
    dpa = sheets["DPA"]
    assert (dpa["peran"], dpa["baris_header"], dpa["baris_data"]) == ("DPA", [3, 3], 48)
    assert dpa["kolom"]["Pagu"] == "H" and dpa["kolom"]["Kode"] == "A:C" and dpa["kolom"]["Uraian"] == "E"
    assert list(dpa["kolom"]) == ["Kode", "No", "Uraian", "Indikator", "Target Kinerja", "Pagu"]  # left to right
    real = sheets["Realisasi"]
    assert (real["baris_header"], real["kolom"]["Realisasi"], real["kolom"]["Pagu"]) == ([3, 3], "D", "C")
    kinerja = sheets["Kinerja"]
    assert kinerja["baris_header"] == [3, 4]  # `Target` over the years: a two-row header
    assert (kinerja["kolom"]["Target 2024"], kinerja["kolom"]["Realisasi 2024"]) == ("K", "P")


def test_identitas_shows_key_and_value_columns(sample_report):
    ident = by_sheet(sample_report)["Identitas"]
    assert ident == {"lembar": "Identitas", "peran": "Identitas", "baris_header": [1, 1],
                     "kolom": {"Kunci": "A", "Nilai": "B"}, "baris_data": 14, "baris_tersembunyi": 0, "dilewati": [],
                     "dipatok": {}}


def test_the_bab_i_and_closing_sheets_of_the_sample(sample_report):
    """SPEC §12: each optional sheet with its role; the rows a PDF page broke are continuations, not data."""
    sheets = by_sheet(sample_report)
    got = {name: (sheets[name]["peran"], sheets[name]["baris_header"], sheets[name]["baris_data"],
                  sheets[name]["dilewati"]) for name in ("Pegawai", "Penghargaan", "Inovasi", "Tindak Lanjut LHE")}
    continued = [{"baris": 11, "alasan": "lanjutan baris di atasnya (tabel terpotong halaman)"}]
    assert got == {"Pegawai": ("Pegawai", [3, 3], 18, []), "Penghargaan": ("Penghargaan", [3, 3], 7, continued),
                   "Inovasi": ("Inovasi", [3, 3], 8, []),
                   "Tindak Lanjut LHE": ("Tindak Lanjut LHE", [3, 3], 10, [
                       {"baris": 12, "alasan": "lanjutan baris di atasnya (tabel terpotong halaman)"}])}
    assert sheets["Pegawai"]["kolom"] == {"No": "A", "Nama": "B", "Pangkat/Golongan": "C", "Jabatan": "D",
                                          "Pendidikan": "E"}


def test_identitas_skipped_rows_say_why(tmp_path):
    rows = [["IDENTITAS PERANGKAT DAERAH"], [], *minimal()["identitas"],
            ["Alamat", "Jl. Ahmad Yani"], ["Tahun", 2023], ["Kepala SKPD"]]
    report = build_report(analyse(str(build(tmp_path, identitas=rows))))
    ident = by_sheet(report)["Identitas"]
    assert ident["baris_header"] == [3, 3] and ident["kolom"] == {"Kunci": "A", "Nilai": "B"}
    assert report["tahun"] == 2024  # the first Tahun counts
    why = {d["baris"]: d["alasan"] for d in ident["dilewati"]}
    assert set(why) == {1, 9, 10, 11}
    assert "judul" in why[1]
    assert "Alamat" in why[9] and "tidak dikenal" in why[9]
    assert "baris 6" in why[10]  # Tahun was read on row 6 already
    assert "tanpa nilai" in why[11]
    assert ident["baris_data"] == 5


def titled_dpa() -> list[list]:
    """The minimal DPA under a title, a blank row and a numbering row, renamed `Anggaran`."""
    rows = minimal()["dpa"]
    return [["DOKUMEN PELAKSANAAN ANGGARAN 2024"], [], rows[0], [1, 2, 3], *rows[1:]]


@pytest.fixture(scope="module")
def titled(tmp_path_factory):
    from builder import sheet

    folder = tmp_path_factory.mktemp("pembacaan")
    path = build(folder, dpa=sheet(titled_dpa(), name="Anggaran", merge=["A1:C1"]))
    book = openpyxl.load_workbook(path)
    book.move_sheet("Anggaran", offset=-2)  # a DPA tab before Identitas: Pembacaan follows the tabs
    book.save(path)
    result = analyse(str(path))
    return path, result, build_report(result)


def test_builder_dpa_header_pagu_and_numbering_row(titled):
    _, _, report = titled
    assert [e["lembar"] for e in report["pembacaan"]][:3] == ["Anggaran", "Identitas", "Kinerja"]
    dpa = by_sheet(report)["Anggaran"]
    assert dpa["peran"] == "DPA"
    assert dpa["baris_header"] == [3, 3]
    assert dpa["kolom"] == {"Kode": "A", "Uraian": "B", "Pagu": "C"}
    assert dpa["baris_data"] == 10  # 9 budget rows and the Jumlah row
    numbering = [d for d in dpa["dilewati"] if d["baris"] == 4]
    assert numbering and "nomor" in numbering[0]["alasan"].lower()
    assert report["anggaran"]["pagu"] == 250 * M


def test_entry_shape_orders_columns_and_marks_pinned_choices():
    reading = SheetReading("Anggaran", "DPA", (11, 12), {"Pagu": "AB", "Uraian": "F", "Kode": "A:E", "%": "Z"},
                           data_rows={13, 14, 20}, dilewati={30: "blok penutup", 15: "baris [#] SIPD"},
                           dipatok={"Pagu", "Baris Header"})
    entry = pembacaan_entry(reading)
    assert list(entry["kolom"]) == ["Kode", "Uraian", "%", "Pagu"]
    assert entry["baris_header"] == [11, 12] and entry["baris_data"] == 3
    assert entry["dilewati"] == [{"baris": 15, "alasan": "baris [#] SIPD"}, {"baris": 30, "alasan": "blok penutup"}]
    assert entry["dipatok"] == {"Pagu": True, "Baris Header": True}
    assert list(entry["dipatok"]) == ["Pagu", "Baris Header"]
    assert json.loads(json.dumps(entry)) == entry


def test_skipped_rows_group_into_runs_only_without_data_between():
    reading = SheetReading("DPA", "DPA", (3, 3), data_rows={5, 6, 9},
                           dilewati={4: "penomoran", 7: "tanda tangan", 8: "tanda tangan", 10: "tanda tangan",
                                     12: "tanda tangan", 13: "catatan"})
    assert dilewati_runs(reading) == [(4, 4, "penomoran"), (7, 8, "tanda tangan"), (10, 12, "tanda tangan"),
                                      (13, 13, "catatan")]


# ----------------------------------------------------------------------------- the workbook sheet


def sheet_rows(path: Path) -> list[list]:
    ws = openpyxl.load_workbook(path)[PEMBACAAN]
    return [[c.value for c in row] for row in ws.iter_rows(max_col=6)]


@pytest.fixture(scope="module")
def filled(titled, tmp_path_factory):
    _, result, _ = titled
    out = tmp_path_factory.mktemp("isi") / "keluaran.xlsx"
    write_workbook(result, str(out))
    return out


def test_pembacaan_sheet_follows_temuan(filled):
    names = openpyxl.load_workbook(filled).sheetnames
    assert names.index(PEMBACAAN) == names.index("Temuan") + 1
    assert names[names.index(PEMBACAAN) + 1].startswith("Data")


def test_pembacaan_sheet_summary_shows_header_row_and_pagu_column(filled):
    rows = sheet_rows(filled)
    head = next(i for i, r in enumerate(rows) if r[0] == "Lembar input")
    assert rows[head][:6] == ["Lembar input", "Peran", "Kolom utama", "Baris header", "Baris data",
                              "Baris dilewati"]
    summary = {r[0]: r for r in rows[head + 1:head + 8] if r[0]}
    assert summary["Anggaran"][1] == "DPA"
    assert summary["Anggaran"][2] == "Pagu: kolom C"
    assert summary["Anggaran"][3:6] == ["3", 10, 1]
    assert summary["Realisasi"][2].startswith("Realisasi: kolom D; Pagu: kolom C")
    assert summary["Kinerja"][2] == "Target 2024: kolom H; Realisasi 2024: kolom K"


def test_pembacaan_sheet_block_lists_fields_labels_and_skipped_rows(filled):
    rows = sheet_rows(filled)
    start = next(i for i, r in enumerate(rows) if r[0] == "Lembar Anggaran — dibaca sebagai DPA")
    end = next((i for i, r in enumerate(rows) if i > start and str(r[0]).startswith("Lembar ")), len(rows))
    block = rows[start:end]
    assert block[1][0].startswith("Baris header: 3 · Baris data: 10 · Baris dilewati: 1")
    fields = next(i for i, r in enumerate(block) if r[0] == "Isian")
    assert block[fields][:4] == ["Isian", "Kolom", "Label di input", "Dipatok"]
    assert [r[:3] for r in block[fields + 1:fields + 4]] == [["Kode", "A", "Kode"], ["Uraian", "B", "Uraian"],
                                                            ["Pagu", "C", "Pagu"]]
    skipped = next(i for i, r in enumerate(block) if r[0] == "Baris dilewati")
    assert block[skipped + 1][0] == 4 and block[skipped + 1][1] is None and "nomor" in block[skipped + 1][2].lower()


def test_pembacaan_sheet_writes_input_labels_as_text(tmp_path):
    rows = minimal()["dpa"]
    rows[0] = ["Kode", "Uraian", "+Pagu Anggaran"]
    out = tmp_path / "keluaran.xlsx"
    write_workbook(analyse(str(build(tmp_path, dpa=rows))), str(out))
    ws = openpyxl.load_workbook(out)[PEMBACAAN]
    cells = [c for row in ws.iter_rows() for c in row if c.value == "+Pagu Anggaran"]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)


def test_pembacaan_sheet_is_byte_identical_on_a_second_run(titled, tmp_path):
    _, result, _ = titled
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_workbook(result, str(first))
    write_workbook(analyse(str(titled[0])), str(second))
    assert first.read_bytes() == second.read_bytes()


# ----------------------------------------------------------------------------- the command line


def test_check_pembacaan_prints_the_reading_before_the_findings(titled, tmp_path):
    path = titled[0]
    proc = run_cli("check", str(path), "--pembacaan", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert out.index("Pembacaan input.xlsx") < out.index("Lembar Anggaran") < out.index("Pemeriksaan input.xlsx")
    assert "Lembar Anggaran (dibaca sebagai DPA)" in out
    assert "header baris 3; Pagu di kolom C; 10 baris data; 1 baris dilewati." in out
    assert any(line.split()[:3] == ["Pagu", "C", "Pagu"] for line in out.splitlines())
    assert any(line.split()[0] == "4" and "nomor" in line.lower() for line in out.splitlines()
               if line.startswith("      "))
    plain = run_cli("check", str(path), cwd=tmp_path)
    assert "Pembacaan" not in plain.stdout and plain.stdout in out


def test_check_pembacaan_with_json_prints_only_the_json(titled, tmp_path):
    proc = run_cli("check", str(titled[0]), "--pembacaan", "--json", cwd=tmp_path)
    report = json.loads(proc.stdout)
    assert by_sheet(report)["Anggaran"]["kolom"]["Pagu"] == "C"


def test_console_table_of_the_sample(sample_report):
    text = pembacaan_table(analyse(str(SAMPLE)), SAMPLE.name)
    assert "Lembar DPA\n  header baris 3; Pagu di kolom H; 48 baris data; 0 baris dilewati.\n" in text
    assert "Lembar Identitas\n  header baris 1; 14 baris data; 0 baris dilewati.\n" in text
    assert max(len(line) for line in text.splitlines()) <= 110


# ----------------------------------------------------------------------------- a SIPD export


def test_sipd_dpa_lists_its_closing_rows_as_skipped(tmp_path):
    sys.path.insert(0, str(ROOT / "tests" / "realworld"))
    from layouts import layout_01_dpa_sipd

    path, _ = layout_01_dpa_sipd(tmp_path)
    dpa = by_sheet(build_report(analyse(str(path))))["DPA"]
    assert dpa["baris_header"] == [10, 11] and dpa["kolom"]["Pagu"] == "K"
    ws = openpyxl.load_workbook(path)["DPA"]
    values = [[c.value for c in row] for row in ws.iter_rows()]
    total = next(i for i, r in enumerate(values, 1) if r[0] == "Jumlah Total Anggaran :")
    after = {i for i, r in enumerate(values, 1) if i > total and any(v is not None for v in r)}
    skipped = {d["baris"] for d in dpa["dilewati"]}
    assert after and after <= skipped


def test_thousands_of_skipped_rows_are_listed_in_full_only_in_the_json(tmp_path):
    """A sheet of stray lines: the JSON lists every row, the sheet and the terminal a bounded number."""
    from lkip_xl import console
    from lkip_xl.writer import pembacaan

    result = analyse(str(build(tmp_path)))
    dpa = next(r for r in result.data.pembacaan if r.peran == "DPA")
    for row in range(100, 100 + 2 * 2100, 2):  # alternating reasons: one run per row
        dpa.skip(row, "catatan" if row % 4 else "baris kosong berformat")
    entry = next(e for e in build_report(result)["pembacaan"] if e["peran"] == "DPA")
    assert len(entry["dilewati"]) == 2100
    text = console.pembacaan_table(result, "x.xlsx")
    assert f"… dan {2100 - console.MAX_RUNS} baris lain" in text
    out = tmp_path / "keluaran.xlsx"
    write_workbook(result, str(out))
    rows = sheet_rows(out)
    assert any(str(r[0]).startswith(f"… dan {2100 - pembacaan.MAX_RUNS} baris lain") for r in rows)
