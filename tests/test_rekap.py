"""`lkip-xl rekap` (SPEC §11): every SKPD checked as `check` does, gathered into one workbook and JSON."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from builder import build, identitas_rows, minimal, put
from run_cli import REPO, SAMPLE, child_env, run_cli

KABUPATEN = REPO / "samples" / "kabupaten"
READABLE = ["dinas_contoh_2024.xlsx", "kecamatan_juai_2024.xlsx", "kecamatan_paringin_2024.xlsx"]
BROKEN = "kecamatan_rusak_2024.xlsx"
SHEETS = ["Daftar Perangkat Daerah", "Anggaran", "Jenis Belanja", "Kinerja", "Indikator", "Temuan"]


def rekap_cli(*args, cwd: Path, timeout: int = 60) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lkip_xl", "rekap", *map(str, args)], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=child_env(),
                          stdin=subprocess.DEVNULL)


@pytest.fixture(scope="module")
def sample_run(tmp_path_factory):
    """`rekap samples/kabupaten --json --fill-dir` once for the module."""
    work = tmp_path_factory.mktemp("rekap")
    proc = rekap_cli(KABUPATEN, "--json", "rekap.json", "--fill-dir", "fill", "--jobs", "2", cwd=work)
    return work, proc, json.loads((work / "rekap.json").read_text(encoding="utf-8"))


def own_check(path: Path, cwd: Path) -> dict:
    proc = run_cli("check", "--json", path, cwd=cwd)
    assert proc.returncode in (0, 1), proc.stderr
    return json.loads(proc.stdout)


def test_exit_code_1_on_the_sample_folder_and_outputs_written(sample_run):
    work, proc, _ = sample_run
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""  # not a terminal: no progress
    assert (work / "rekap_lkip.xlsx").exists()
    assert sorted(p.name for p in (work / "fill").iterdir()) == [n.replace(".xlsx", "_lkip.xlsx") for n in READABLE]
    assert "4 berkas, 3 terbaca, 1 tidak terbaca" in proc.stdout


def test_figures_per_skpd_are_those_of_its_own_check(sample_run, tmp_path):
    _, _, report = sample_run
    entries = {Path(e["berkas"]).name: e for e in report["perangkat_daerah"]}
    assert sorted(entries) == sorted(READABLE + [BROKEN])
    for name in READABLE:
        own = own_check(KABUPATEN / name, tmp_path)
        e = entries[name]
        assert e["status"] == "terbaca" and e["pesan"] is None
        assert (e["skpd"], e["tahun"]) == (own["skpd"], own["tahun"])
        assert e["anggaran"] == own["anggaran"]
        assert e["efisiensi"] == own["efisiensi"]
        counts = {t: sum(1 for f in own["temuan"] if f["tingkat"] == t) for t in ("kesalahan", "peringatan", "info")}
        assert e["jumlah_temuan"] == counts
        assert [dict(f, berkas=e["berkas"]) for f in own["temuan"]] == [
            f for f in report["temuan"] if f["berkas"] == e["berkas"] and f["kode"] not in ("TAHUN_BERBEDA",
                                                                                         "SKPD_GANDA")]
    readable = [e for e in report["perangkat_daerah"] if e["status"] == "terbaca"]
    for key in ("pagu", "realisasi", "sisa"):
        assert report["total"][key] == sum(e["anggaran"][key] for e in readable)
    assert report["total"]["serapan"] == pytest.approx(report["total"]["realisasi"] / report["total"]["pagu"] * 100)
    assert report["tahun"] == 2024


def test_unreadable_file_listed_with_the_sentence_check_prints(sample_run, tmp_path):
    work, proc, report = sample_run
    check = run_cli("check", KABUPATEN / BROKEN, cwd=tmp_path)
    assert check.returncode == 3
    e = next(e for e in report["perangkat_daerah"] if e["berkas"].endswith(BROKEN))
    assert e["status"] == "tidak terbaca"
    assert e["pesan"] == check.stderr.strip()
    assert e["anggaran"] is None and e["skpd"] is None
    assert check.stderr.strip() in proc.stdout
    wb = load_workbook(work / "rekap_lkip.xlsx")
    rows = [[c.value for c in row] for row in wb["Daftar Perangkat Daerah"].iter_rows(min_row=5)]
    broken = next(r for r in rows if r[1] == BROKEN)
    assert broken[4] == "tidak terbaca" and broken[8] == check.stderr.strip()
    wb.close()


def test_json_schema(sample_run):
    _, _, report = sample_run
    assert set(report) == {"tahun", "perangkat_daerah", "total", "temuan"}
    assert set(report["total"]) == {"pagu", "realisasi", "sisa", "serapan"}
    for e in report["perangkat_daerah"]:
        assert set(e) == {"berkas", "skpd", "tahun", "status", "pesan", "anggaran", "efisiensi", "jumlah_temuan"}
        assert e["status"] in ("terbaca", "tidak terbaca")
        assert set(e["jumlah_temuan"]) == {"kesalahan", "peringatan", "info"}
        if e["anggaran"] is not None:
            assert set(e["anggaran"]) == {"pagu", "realisasi", "sisa", "serapan", "tidak_terbaca"}
            assert set(e["efisiensi"]) == {"rumus", "rata_rata", "nilai"}
    for f in report["temuan"]:
        assert set(f) == {"kode", "tingkat", "lembar", "sel", "pesan", "dilaporkan", "dihitung", "kelompok", "berkas"}
    levels = [f["tingkat"] for f in report["temuan"]]
    order = {"kesalahan": 0, "peringatan": 1, "info": 2}
    assert levels == sorted(levels, key=order.get), "most serious first"


def test_workbook_sheets_sorting_and_formulas(sample_run):
    work, _, report = sample_run
    wb = load_workbook(work / "rekap_lkip.xlsx")
    assert wb.sheetnames == SHEETS
    ws = wb["Anggaran"]
    rows = [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_row=7)]
    assert [r[1] for r in rows] == ["Kecamatan Paringin", "Dinas Contoh Ketertiban dan Pelayanan", "Kecamatan Juai"]
    assert rows[0][4] == "=C5-D5" and rows[0][5].startswith("=IF(C5=0")
    total = [c.value for c in ws[8]]
    assert total[2] == "=SUM(C5:C7)" and total[3] == "=SUM(D5:D7)"
    temuan = wb["Temuan"]
    skpd = [temuan.cell(row=r, column=2).value for r in range(5, temuan.max_row + 1)]
    assert "Kecamatan Paringin" in skpd and "Kecamatan Juai" in skpd
    # xlsxwriter writes a relative external link with Windows separators
    links = {c.coordinate: c.hyperlink.target.replace("\\", "/") for row in wb["Daftar Perangkat Daerah"].iter_rows()
             for c in row if c.hyperlink}
    assert sorted(Path(t).name for t in links.values()) == sorted(n.replace(".xlsx", "_lkip.xlsx") for n in READABLE)
    assert all(not Path(t).is_absolute() and (work / t).exists() for t in links.values())
    wb.close()
    values = load_workbook(work / "rekap_lkip.xlsx", data_only=True)
    ws = values["Anggaran"]
    assert ws["C8"].value == report["total"]["pagu"] and ws["D8"].value == report["total"]["realisasi"]
    assert ws["F8"].value == pytest.approx(report["total"]["serapan"])
    serapan = [ws.cell(row=r, column=6).value for r in range(5, 8)]
    assert serapan == sorted(serapan)
    values.close()


def test_fill_dir_writes_what_fill_writes(sample_run, tmp_path):
    work, _, _ = sample_run
    for name in READABLE:
        out = tmp_path / name.replace(".xlsx", "_lkip.xlsx")
        proc = run_cli("fill", KABUPATEN / name, "-o", out, cwd=tmp_path)
        assert proc.returncode == 0, proc.stderr
        assert out.read_bytes() == (work / "fill" / out.name).read_bytes()


@pytest.mark.libreoffice
def test_libreoffice_recalculates_the_rekap_to_its_cached_values(sample_run, tmp_path):
    from recalc import mismatches, soffice

    if soffice() is None:
        pytest.fail("LibreOffice (soffice) is required: the recalculation test cannot run")
    work, _, _ = sample_run
    bad, n = mismatches(work / "rekap_lkip.xlsx")
    assert n > 40
    assert not bad, bad


@pytest.mark.libreoffice
def test_libreoffice_recalculates_a_rekap_with_other_kategori_and_no_budget(tmp_path):
    """Kategori of another scale, an indicator without capaian, an SKPD without E, names that look like formulas."""
    from recalc import mismatches

    a = minimal()
    a["identitas"] = identitas_rows({"SKPD": '=HYPERLINK("http://contoh.invalid","klik")',
                                     "Skala Kategori": "Permendagri 86"})
    put(a["kinerja"], "Jumlah Desa Tertib", "Realisasi 2024", 6)
    b = minimal()
    b["identitas"] = identitas_rows({"SKPD": "+Badan*Uji?"})
    b["pemetaan"] = None
    put(b["kinerja"], "Jumlah Desa Tertib", "Realisasi 2024", None)
    build(tmp_path, "a.xlsx", **a)
    build(tmp_path, "b.xlsx", **b)
    proc = rekap_cli(tmp_path / "a.xlsx", tmp_path / "b.xlsx", "-o", tmp_path / "out.xlsx", cwd=tmp_path)
    assert proc.returncode in (0, 1), proc.stderr
    wb = load_workbook(tmp_path / "out.xlsx", data_only=True)
    kinerja = [[c.value for c in row] for row in wb["Kinerja"].iter_rows(min_row=4)]
    assert "Sangat Tinggi" in kinerja[0] and "Sangat Berhasil" in kinerja[0]
    wb.close()
    bad, n = mismatches(tmp_path / "out.xlsx")
    assert not bad, bad


def test_injection_safety(tmp_path):
    evil = '=HYPERLINK("http://contoh.invalid","klik")'
    build(tmp_path, "evil.xlsx", identitas={"SKPD": evil})
    proc = rekap_cli(tmp_path / "evil.xlsx", "-o", tmp_path / "out.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    wb = load_workbook(tmp_path / "out.xlsx")
    hits = [(ws.title, c.coordinate, c.data_type) for ws in wb.worksheets for row in ws.iter_rows() for c in row
            if c.value == evil]
    assert {h[0] for h in hits} >= {"Daftar Perangkat Daerah", "Anggaran", "Kinerja", "Indikator"}
    assert all(t == "s" for _, _, t in hits)
    assert not any(c.hyperlink for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    assert not any(isinstance(c.value, str) and c.value.startswith("=") and "HYPERLINK" in c.value
                   and c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row)
    wb.close()


def test_lock_files_and_lkip_outputs_are_skipped(tmp_path):
    folder = tmp_path / "opd"
    folder.mkdir()
    src = build(folder, "kecamatan.xlsx")
    shutil.copyfile(src, folder / "~$kecamatan.xlsx")
    (folder / "catatan.txt").write_text("bukan workbook")
    assert run_cli("fill", src, cwd=tmp_path).returncode == 0  # folder/kecamatan_lkip.xlsx
    first = rekap_cli(folder, "-o", folder, "--json", tmp_path / "a.json", cwd=tmp_path)
    assert first.returncode == 0, first.stderr
    assert (folder / "rekap_lkip.xlsx").exists()
    again = rekap_cli(folder, "-o", tmp_path / "b.xlsx", "--json", tmp_path / "b.json", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    for name in ("a.json", "b.json"):
        report = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        assert [Path(e["berkas"]).name for e in report["perangkat_daerah"]] == ["kecamatan.xlsx"]
    # the template is an input, not an output: it is read (and is unreadable only for its empty tables)
    from lkip_xl.rekap import is_lkip_output

    assert run_cli("template", "-o", tmp_path / "t.xlsx", cwd=tmp_path).returncode == 0
    assert not is_lkip_output(tmp_path / "t.xlsx")
    assert is_lkip_output(folder / "kecamatan_lkip.xlsx") and is_lkip_output(folder / "rekap_lkip.xlsx")


def test_rekap_findings_other_year_and_same_skpd(tmp_path):
    build(tmp_path, "a.xlsx")
    build(tmp_path, "b.xlsx")  # the same SKPD again
    build(tmp_path, "c.xlsx", identitas={"SKPD": "Kecamatan Lain", "Tahun": 2023,
                                         "Periode Renstra": "2021-2025"},
          kinerja=[row[:6] + row[6:9] + row[9:11] for row in minimal()["kinerja"]])
    proc = rekap_cli(tmp_path, "--json", "r.json", cwd=tmp_path)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    own = [(f["kode"], Path(f["berkas"]).name, f["tingkat"]) for f in report["temuan"]
           if f["kode"] in ("TAHUN_BERBEDA", "SKPD_GANDA")]
    assert ("SKPD_GANDA", "b.xlsx", "peringatan") in own
    assert ("TAHUN_BERBEDA", "c.xlsx", "peringatan") in own
    assert report["tahun"] == 2024
    assert proc.returncode in (0, 1)
    # as a Bappeda reviewer reads them: a year as a year, the other file by its name, and the Daftar's
    # Jumlah explained against the heading's count
    wb = load_workbook(tmp_path / "rekap_lkip.xlsx", data_only=True)
    rows = {r[4]: r for r in wb["Temuan"].iter_rows(values_only=True) if r[4] in ("TAHUN_BERBEDA", "SKPD_GANDA")}
    assert rows["TAHUN_BERBEDA"][8:10] == ("2023", "2024")
    assert rows["SKPD_GANDA"][9] in ("a.xlsx", "b.xlsx")
    notes = [r[1] for r in wb["Daftar Perangkat Daerah"].iter_rows(values_only=True)
             if isinstance(r[1], str) and r[1].startswith("Ditambah")]
    assert notes == ["Ditambah temuan rekap ini sendiri (2 peringatan: TAHUN_BERBEDA, SKPD_GANDA) di lembar Temuan."]


def test_a_budget_only_partly_split_per_akun_says_so(tmp_path):
    """One sub kegiatan with akun rows among several: the jenis belanja cover part of the pagu; the check says
    why the totals differ and the rekap's Jenis Belanja row says how much they cover."""
    from lkip_xl.api import analyse

    data = minimal()
    dpa = data["dpa"]
    at = next(i for i, row in enumerate(dpa) if row[0] == "7.01.02.2.02.0001")
    dpa[at + 1:at + 1] = [["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 50_000_000]]
    real = data["realisasi"]
    at = next(i for i, row in enumerate(real) if row[0] == "7.01.02.2.02.0001")
    real[at + 1:at + 1] = [["5.1.02.01.01.0024", "Belanja Alat Tulis Kantor", 50_000_000, 45_000_000, 90, 5_000_000]]
    path = build(tmp_path, "a.xlsx", dpa=dpa, realisasi=real)
    result = analyse(str(path))
    said = [f.pesan for f in result.findings if f.kode == "BELANJA_TOTAL_MISMATCH"]
    assert said and all(p.endswith("; hanya 1 dari 4 sub kegiatan yang dirinci per akun belanja, sehingga jenis "
                                   "belanja tidak mencakup seluruh anggaran.") for p in said), said
    rekap_cli(tmp_path, cwd=tmp_path)
    wb = load_workbook(tmp_path / "rekap_lkip.xlsx", data_only=True)
    notes = [r[-1] for r in wb["Jenis Belanja"].iter_rows(values_only=True) if r[1] == result.data.identitas.skpd]
    assert notes == ["Jenis belanja hanya mencakup Rp50.000.000 dari pagu Rp250.000.000: tidak semua sub kegiatan "
                     "dirinci per akun; pagu dan realisasi seluruhnya ada di lembar Anggaran."]


def test_exit_3_when_nothing_can_be_read(tmp_path):
    folder = tmp_path / "rusak"
    folder.mkdir()
    (folder / "a.xlsx").write_bytes(b"PK\x03\x04 terpotong")
    proc = rekap_cli(folder, "--json", "r.json", cwd=tmp_path)
    assert proc.returncode == 3
    assert len(proc.stderr.strip().splitlines()) == 1 and "a.xlsx" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "rekap_lkip.xlsx").exists() and not (tmp_path / "r.json").exists()
    empty = tmp_path / "kosong"
    empty.mkdir()
    proc = rekap_cli(empty, cwd=tmp_path)
    assert proc.returncode == 3 and "Tidak ada berkas .xlsx" in proc.stderr


def test_exit_2_on_usage_error(tmp_path):
    for args in ((), ("--jobs", "0", str(SAMPLE)), ("--tidak-ada", str(SAMPLE))):
        proc = rekap_cli(*args, cwd=tmp_path)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Traceback" not in proc.stderr


def test_existing_output_needs_force_and_nothing_is_written(tmp_path):
    (tmp_path / "rekap_lkip.xlsx").write_bytes(b"lama")
    proc = rekap_cli(SAMPLE, "--json", "r.json", cwd=tmp_path)
    assert proc.returncode == 3 and "--force" in proc.stderr
    assert (tmp_path / "rekap_lkip.xlsx").read_bytes() == b"lama" and not (tmp_path / "r.json").exists()
    proc = rekap_cli(SAMPLE, "--force", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert (tmp_path / "rekap_lkip.xlsx").read_bytes()[:2] == b"PK"


def test_same_input_same_bytes(tmp_path):
    for name in ("x.xlsx", "y.xlsx"):
        assert rekap_cli(KABUPATEN, "-o", tmp_path / name, cwd=tmp_path).returncode == 1
    assert (tmp_path / "x.xlsx").read_bytes() == (tmp_path / "y.xlsx").read_bytes()


def test_frames_match_the_workbook_and_pandas_stays_out_of_the_cli():
    import lkip_xl

    frames = lkip_xl.rekap_frames([KABUPATEN], jobs=1)
    assert list(frames) == SHEETS
    anggaran = frames["Anggaran"]
    assert list(anggaran["SKPD"]) == ["Kecamatan Paringin", "Dinas Contoh Ketertiban dan Pelayanan", "Kecamatan Juai"]
    assert anggaran["Pagu"].sum() == 8_496_663_078
    assert len(frames["Daftar Perangkat Daerah"]) == 4
    one = lkip_xl.report_frames(SAMPLE)
    assert set(one) == {"Anggaran", "Jenis Belanja", "Indikator", "Temuan", "Pembacaan"}
    assert len(one["Temuan"]) == 14
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "lkip_xl", "--help"], capture_output=True,
                          text=True, env=child_env(), timeout=30)
    assert proc.returncode == 0
    assert "pandas" not in proc.stderr and "lkip_xl.frames" in proc.stderr


def test_the_columns_the_rekap_formulas_read_are_where_the_headers_say():
    """writer/layout.py names the rekap columns the formulas read; the Indikator header agrees with them."""
    from lkip_xl.writer import layout
    from lkip_xl.writer.rekap import INDIKATOR_LABELS

    named = {layout.RK_NO: "No", layout.RK_SKPD: "Perangkat Daerah", layout.RI_LEVEL: "Level",
             layout.RI_CAPAIAN: "Capaian (%)", layout.RI_KATEGORI: "Kategori", layout.RI_EFISIENSI: "Efisiensi (%)"}
    assert {c: INDIKATOR_LABELS[c] for c in named} == named


def test_every_rekap_sheet_prints_its_page_numbers_and_jenis_belanja_stays_readable(sample_run):
    """Issue 19 item 4: a footer 'Rekap LKIP <tahun> … Halaman n dari m' on every sheet; Jenis Belanja
    (many columns of figures) prints at 8 pt or more, flowing to further pages with No and Perangkat
    Daerah repeated; an SKPD whose input has no jenis belanja says so on its row."""
    from lkip_xl.writer.book import READABLE_SCALE

    work, _, report = sample_run
    wb = load_workbook(work / "rekap_lkip.xlsx")
    for ws in wb.worksheets:
        assert ws.oddFooter.right.text == "Halaman &P dari &N", ws.title
        assert ws.oddFooter.left.text == f"Rekap LKIP {report['tahun']}", ws.title
    belanja = wb["Jenis Belanja"]
    assert belanja.page_setup.scale >= READABLE_SCALE and not belanja.sheet_properties.pageSetUpPr.fitToPage
    assert belanja.print_title_cols == "$A:$B"
    assert READABLE_SCALE * 9 / 100 >= 8  # the 9 pt cells print at 8 pt or more
    rows = {belanja.cell(r, 2).value: r for r in range(5, belanja.max_row + 1) if belanja.cell(r, 2).value}
    plain = rows["Kecamatan Paringin"]  # its input has no akun rows and no Belanja sheet
    assert belanja.cell(plain, 3).value == "tidak dirinci"
    assert "tanpa rincian jenis belanja" in belanja.cell(plain, belanja.max_column).value
