"""`lkip-xl` as a user runs it (SPEC §7): exit codes, stdout/stderr, the table, the JSON report, template."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

from run_cli import SAMPLE, TIMEOUT_S, child_env, run_cli

# The eleven claims of the seed LKIP that its own numbers contradict (Dilaporkan sheet of the sample): six
# serapan / efisiensi figures of Tabel 3.11 and 3.14, five pangkat counts of Tabel 1.1.
WRONG_CLAIM_CELLS = ["D49", "D54", "D84", "D85", "D91", "D92", "D127", "D128", "D129", "D131", "D132"]
# The seed's nominatif: two NIPs that are not 18 digits (Pegawai sheet of the sample), fixed for a clean input.
MALFORMED_NIPS = {"B17": "Saihani\n19770502 200906 1 002", "B20": "Ruslan\n19690330 202121 1 003"}
SUMMARY = re.compile(
    r"^Ringkasan: 11 kesalahan, \d+ peringatan, \d+ info\. "
    r"Pagu Rp7\.996\.663\.078, realisasi Rp7\.490\.354\.404, serapan 93,67 %\.$",
    re.M,
)

# SPEC §8, spelled out here rather than imported.
REPORT_KEYS = {"skpd", "tahun", "anggaran", "kegiatan", "belanja", "indikator", "efisiensi", "temuan", "pembacaan"}
ANGGARAN_KEYS = {"pagu", "realisasi", "sisa", "serapan", "tidak_terbaca"}
KEGIATAN_KEYS = {"kode", "nomor", "uraian", "level", "pagu", "realisasi", "sisa", "serapan"}
BELANJA_KEYS = {"kode", "uraian", "pagu", "realisasi", "serapan"}
INDIKATOR_KEYS = {"level", "tujuan", "sasaran", "indikator", "satuan", "polaritas", "target", "realisasi",
                  "capaian", "kategori", "realisasi_tahun_lalu", "target_akhir_renstra", "capaian_akhir_renstra",
                  "pagu", "realisasi_anggaran", "serapan", "efisiensi"}
EFISIENSI_KEYS = {"rumus", "rata_rata", "nilai"}
TEMUAN_KEYS = {"kode", "tingkat", "lembar", "sel", "pesan", "dilaporkan", "dihitung", "kelompok"}


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def sample(tmp_path) -> Path:
    path = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, path)
    return path


def _without_wrong_claims(src: Path, dst: Path, *, fix_name: bool) -> Path:
    """The sample minus its eleven wrong Dilaporkan rows; `fix_name` also removes its warnings (the
    NAME_MISMATCH and the two malformed NIPs)."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Dilaporkan"]
    for row in sorted((int(c[1:]) for c in WRONG_CLAIM_CELLS), reverse=True):
        ws.delete_rows(row)
    if fix_name:
        dpa_names = {r[3]: r[4] for r in wb["DPA"].iter_rows(min_row=4, values_only=True)}
        realisasi = wb["Realisasi"]
        assert realisasi["A36"].value == "3.2.1"
        realisasi["B36"] = dpa_names["3.2.1"]
        for cell, text in MALFORMED_NIPS.items():
            assert wb["Pegawai"][cell].value.split("\n")[0] == text.split("\n")[0]
            wb["Pegawai"][cell] = text
    wb.save(dst)
    return dst


# ----------------------------------------------------------------------------- check


def test_check_sample_prints_the_findings_table(sample, tmp_path):
    proc = run_cli("check", sample.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""  # progress only on a terminal
    out = proc.stdout
    assert out.startswith("Pemeriksaan kecamatan_juai_2024.xlsx — Kecamatan Juai tahun 2024\n")
    assert "KESALAHAN (11, dari 7 penyebab)" in out
    claim_lines = [line for line in out.splitlines() if line.strip().startswith("CLAIM_MISMATCH")]
    assert [re.search(r"Dilaporkan!(D\d+)", line).group(1) for line in claim_lines] == WRONG_CLAIM_CELLS
    assert "dilaporkan 97,26 %, sedangkan hasil hitung 95,6807 %" in out
    assert "dilaporkan 96,70 %, sedangkan hasil hitung 99,7273 %" in out
    assert SUMMARY.search(out), out[-400:]
    assert out.endswith("\n") and "Traceback" not in out


def test_check_json_has_exactly_the_spec_keys(sample, tmp_path):
    proc = run_cli("check", sample.name, "--json", cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    report = json.loads(proc.stdout)
    assert set(report) == REPORT_KEYS
    assert report["skpd"] == "Kecamatan Juai" and report["tahun"] == 2024
    assert set(report["anggaran"]) == ANGGARAN_KEYS
    assert report["anggaran"]["pagu"] == 7_996_663_078
    assert report["anggaran"]["realisasi"] == 7_490_354_404
    assert report["anggaran"]["serapan"] == pytest.approx(93.6685006, abs=1e-6)  # percent units, unrounded
    assert report["kegiatan"] and all(set(k) == KEGIATAN_KEYS for k in report["kegiatan"])
    assert {k["level"] for k in report["kegiatan"]} == {"program", "kegiatan", "sub_kegiatan"}
    assert report["belanja"] and all(set(b) == BELANJA_KEYS for b in report["belanja"])
    assert report["indikator"] and all(set(i) == INDIKATOR_KEYS for i in report["indikator"])
    assert set(report["efisiensi"]) == EFISIENSI_KEYS
    assert all(set(t) == TEMUAN_KEYS for t in report["temuan"])
    claims = [t for t in report["temuan"] if t["kode"] == "CLAIM_MISMATCH"]
    assert [(t["lembar"], t["sel"], t["tingkat"]) for t in claims] == [
        ("Dilaporkan", cell, "kesalahan") for cell in WRONG_CLAIM_CELLS]


def test_check_json_is_the_only_stdout(sample, tmp_path):
    """Nothing but the report on stdout, so `lkip-xl check --json x.xlsx > r.json` is valid JSON."""
    proc = run_cli("check", "--json", sample.name, cwd=tmp_path)
    assert proc.stdout.lstrip().startswith("{") and proc.stdout.rstrip().endswith("}")
    json.loads(proc.stdout)


def test_check_leaves_the_input_untouched(sample, tmp_path):
    before = sha256(sample)
    for args in (("check", sample.name), ("check", sample.name, "--json")):
        run_cli(*args, cwd=tmp_path)
    assert sha256(sample) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [sample.name]  # no stray files beside it


def test_clean_workbook_exits_0(tmp_path):
    clean = _without_wrong_claims(SAMPLE, tmp_path / "bersih.xlsx", fix_name=True)
    proc = run_cli("check", clean.name, cwd=tmp_path)
    assert proc.returncode == 0, proc.stdout
    assert proc.stderr == ""
    assert "Ringkasan: 0 kesalahan, 0 peringatan" in proc.stdout
    strict = run_cli("check", clean.name, "--strict", cwd=tmp_path)
    assert strict.returncode == 0, strict.stdout
    report = json.loads(run_cli("check", clean.name, "--json", cwd=tmp_path).stdout)
    assert not [t for t in report["temuan"] if t["tingkat"] in ("kesalahan", "peringatan")]


def test_strict_fails_on_warnings(tmp_path):
    """Warnings only (the NAME_MISMATCH and the two malformed NIPs of the sample): 0 normally, 1 with --strict."""
    warned = _without_wrong_claims(SAMPLE, tmp_path / "peringatan.xlsx", fix_name=False)
    plain = run_cli("check", warned.name, cwd=tmp_path)
    assert plain.returncode == 0, plain.stdout
    assert "Ringkasan: 0 kesalahan, 3 peringatan" in plain.stdout
    assert "NAME_MISMATCH" in plain.stdout and plain.stdout.count("PEGAWAI_TIDAK_VALID") == 2
    strict = run_cli("check", warned.name, "--strict", cwd=tmp_path)
    assert strict.returncode == 1
    assert strict.stdout == plain.stdout
    as_json = run_cli("check", warned.name, "--strict", "--json", cwd=tmp_path)
    assert as_json.returncode == 1
    assert [t["kode"] for t in json.loads(as_json.stdout)["temuan"]] == ["PEGAWAI_TIDAK_VALID"] * 2 + ["NAME_MISMATCH"]


def test_strict_with_errors_exits_1(sample, tmp_path):
    assert run_cli("check", sample.name, "--strict", cwd=tmp_path).returncode == 1


# ----------------------------------------------------------------------------- usage


@pytest.mark.parametrize("args", [
    (),                                      # no command: help, as a usage error
    ("check",),                              # missing INPUT
    ("check", "a.xlsx", "b.xlsx"),           # extra argument
    ("check", "--bogus", "a.xlsx"),          # unknown option
    ("check", "a.xlsx", "--json=ya"),        # a flag takes no value
    ("periksa", "a.xlsx"),                   # unknown command
    ("template", "-o"),                      # option without its value
], ids=["none", "no-input", "extra-arg", "unknown-option", "flag-value", "unknown-command", "no-option-value"])
def test_usage_errors_exit_2(tmp_path, args):
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 2, (proc.stdout, proc.stderr)
    assert proc.stdout == ""
    if args:  # one Indonesian line, not click's English
        assert proc.stderr.startswith("Kesalahan penggunaan: ") and proc.stderr.count("\n") == 1, proc.stderr
        assert "Error" not in proc.stderr and "Lihat 'lkip-xl" in proc.stderr
    else:  # no command at all: the help itself
        assert "Usage: lkip-xl" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args,words", [
    (("--help",), ["Usage: lkip-xl", "check", "template"]),
    (("check", "--help"), ["Usage: lkip-xl check", "INPUT", "--json", "--strict", "--pembacaan"]),
    (("template", "--help"), ["Usage: lkip-xl template", "--output", "--force"]),
])
def test_help(tmp_path, args, words):
    proc = run_cli(*args, cwd=tmp_path)
    assert proc.returncode == 0
    assert proc.stderr == ""
    for word in words:
        assert word in proc.stdout


def test_console_script_is_installed(tmp_path):
    """The `lkip-xl` command of the README, not only `python -m lkip_xl`."""
    script = shutil.which("lkip-xl", path=str(Path(sys.executable).parent))
    if script is None:
        pytest.skip("lkip-xl is not installed next to this Python (pip install . installs it)")
    proc = subprocess.run([script, "--help"], cwd=tmp_path, capture_output=True, text=True,
                          timeout=TIMEOUT_S, env=child_env())
    assert proc.returncode == 0 and "Usage: lkip-xl" in proc.stdout


# ----------------------------------------------------------------------------- template


def test_template_writes_the_input_contract(tmp_path):
    proc = run_cli("template", "-o", "isian.xlsx", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr == ""
    assert "isian.xlsx" in proc.stdout
    book = openpyxl.load_workbook(tmp_path / "isian.xlsx")
    assert book.sheetnames[0] == "Petunjuk"
    assert {"Identitas", "Kinerja", "DPA", "Realisasi"} <= set(book.sheetnames)
    assert [p.name for p in tmp_path.iterdir()] == ["isian.xlsx"]  # no temporary file left behind


def test_template_default_name(tmp_path):
    proc = run_cli("template", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "lkip_template.xlsx").is_file()


def test_template_refuses_to_overwrite_without_force(tmp_path):
    target = tmp_path / "isian.xlsx"
    target.write_bytes(b"pekerjaan saya")
    proc = run_cli("template", "-o", target.name, cwd=tmp_path)
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "--force" in proc.stderr and "isian.xlsx" in proc.stderr
    assert target.read_bytes() == b"pekerjaan saya"

    forced = run_cli("template", "-o", target.name, "--force", cwd=tmp_path)
    assert forced.returncode == 0, forced.stderr
    assert openpyxl.load_workbook(target).sheetnames[0] == "Petunjuk"


def test_template_into_missing_folder(tmp_path):
    proc = run_cli("template", "-o", "tidak_ada/isian.xlsx", cwd=tmp_path)
    assert proc.returncode == 3
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "tidak_ada" in proc.stderr and "Traceback" not in proc.stderr


def test_template_output_is_checkable(tmp_path):
    """The empty template read back by `check` is an input error (no Tahun yet), not a crash."""
    run_cli("template", "-o", "isian.xlsx", cwd=tmp_path)
    proc = run_cli("check", "isian.xlsx", cwd=tmp_path)
    assert proc.returncode == 3, proc.stdout
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "Tahun" in proc.stderr


# ----------------------------------------------------------------------------- one parser

def test_usage_messages_do_not_read_clicks_english(tmp_path, monkeypatch, capsys):
    """The Indonesian sentence comes from the exception's type and parameters: click's own wording may
    change (or be translated) and the sentence stays."""
    import typer

    from lkip_xl import cli

    usage_error = typer.BadParameter.__mro__[1]  # click's UsageError, wherever typer takes click from
    monkeypatch.setattr(usage_error, "format_message", lambda self: "Kata-kata click yang lain sama sekali")
    for argv, expected in ((["check", "a.xlsx", "b.xlsx"], "Argumen berlebih: perintah check menerima satu INPUT."),
                           (["periksa", "a.xlsx"], "Perintah 'periksa' tidak dikenal."),
                           (["fill", "a.xlsx", "--json"], "Opsi --json memerlukan nilai."),
                           (["check", "--json=ya", "a.xlsx"], "Opsi --json tidak menerima nilai."),
                           (["rekap", "--jobs", "0", "d"], "Nilai --jobs tidak sah: harus bilangan bulat 1 atau lebih.")):
        monkeypatch.setattr(sys, "argv", ["lkip-xl", *argv])
        with pytest.raises(SystemExit) as end:
            cli.main()
        assert end.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(f"Kesalahan penggunaan: {expected} Lihat 'lkip-xl"), err


def test_there_is_one_parser():
    """typer reads every command line: no second, hand-written reading of the arguments."""
    from lkip_xl import cli

    assert not hasattr(cli, "fast_args") and not hasattr(cli, "FAST_FLAGS")


@pytest.mark.parametrize("command, collector", [("check", False), ("rekap", True)])
def test_a_check_runs_without_the_cyclic_collector_and_a_rekap_with_it(tmp_path, command, collector):
    """check/fill keep every row read alive to the end: the collector is off for them (cli.run); rekap
    lets one workbook's rows go before the next, so it keeps the collector."""
    code = ("import atexit, gc, sys\natexit.register(lambda: print('collector', gc.isenabled()))\n"
            f"sys.argv = ['lkip-xl', {command!r}, sys.argv[1], *sys.argv[2:]]\n"
            "from lkip_xl.cli import run\nrun()\n")
    extra = ["-o", str(tmp_path / "rekap.xlsx")] if command == "rekap" else []
    done = subprocess.run([sys.executable, "-c", code, str(SAMPLE), *extra], capture_output=True, text=True,
                          timeout=120, cwd=tmp_path)
    assert done.returncode == 1, done.stderr
    assert done.stdout.splitlines()[-1] == f"collector {collector}"


@pytest.mark.parametrize("command", ["fill", "template", "rekap"])
def test_a_workbook_is_never_written_under_a_name_excel_opens_as_another_format(tmp_path, command):
    """`-o hasil.xls` would give an .xlsx that Excel refuses ("format and extension don't match"): one
    sentence naming the file and the right name, exit 3, nothing written."""
    args = {"fill": ["fill", SAMPLE, "-o", "hasil.xls"], "template": ["template", "-o", "hasil.xls"],
            "rekap": ["rekap", SAMPLE, "-o", "hasil.xls"]}[command]
    done = run_cli(*args, cwd=tmp_path)
    assert done.returncode == 3, (done.stdout, done.stderr)
    assert done.stderr.strip() == ("Berkas hasil hasil.xls harus berakhiran .xlsx: isinya workbook .xlsx, dan Excel "
                                   "menolak membukanya dengan akhiran .xls (contoh: -o hasil.xlsx).")
    assert not (tmp_path / "hasil.xls").exists()
