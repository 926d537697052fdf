"""Broken and hostile inputs (SPEC §7, §9.14): exit 3, one Indonesian sentence on stderr, nothing else.

Every case runs the real CLI in a child process with a timeout (a hang fails the test) and
reads the child's own peak memory from wait4(), so a bomb that is parsed instead of
refused shows up even when it happens to be fast.
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import sys
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

import openpyxl
import pytest
import xlsxwriter

from run_cli import SAMPLE, TIMEOUT_S, child_env, run_cli

OLE_MAGIC = bytes.fromhex("D0CF11E0A1B11AE1")  # encrypted .xlsx and old .xls alike
MAX_CHILD_RSS_MB = 500
MB = 1 << 20


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    max_rss_mb: float


# The CLI runs as the grandchild of a small wrapper: a child's peak memory (ru_maxrss) includes
# what it inherited at fork, and the test process may have grown large; the wrapper has not.
_WRAPPER = """
import os, subprocess, sys
child = subprocess.Popen([sys.executable, "-m", "lkip_xl", *sys.argv[2:]])
_, status, usage = os.wait4(child.pid, 0)
code = os.waitstatus_to_exitcode(status)
with open(sys.argv[1], "w") as fh:
    fh.write(f"{usage.ru_maxrss} {code}")
sys.exit(code if code >= 0 else 128 - code)
"""


def run_measured(*args: str, cwd: Path, timeout: float = TIMEOUT_S) -> Run:
    """Like run_cli, plus the CLI's own peak resident memory."""
    out, err, rss = cwd / ".stdout", cwd / ".stderr", cwd / ".rss"
    with open(out, "wb") as fo, open(err, "wb") as fe:
        proc = subprocess.Popen([sys.executable, "-c", _WRAPPER, str(rss), *args], cwd=cwd, stdout=fo, stderr=fe,
                                stdin=subprocess.DEVNULL, env=child_env(), start_new_session=True)
        try:
            proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()
            pytest.fail(f"lkip-xl {' '.join(args)} ran longer than {timeout} s")
    maxrss_kb, code = rss.read_text().split()
    run = Run(int(code), out.read_text("utf-8"), err.read_text("utf-8"), int(maxrss_kb) / 1024)
    for path in (out, err, rss):
        path.unlink()
    return run


# ----------------------------------------------------------------------------- hostile files


def sample_edited(edit: Callable[[openpyxl.Workbook], None]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        wb = openpyxl.load_workbook(SAMPLE)
        edit(wb)
        path = folder / "lkip_rusak.xlsx"
        wb.save(path)
        return path
    return build


def _write(name: str, data: bytes) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        path.write_bytes(data)
        return path
    return build


def _missing(folder: Path) -> Path:
    return folder / "tidak_ada.xlsx"


def _directory(folder: Path) -> Path:
    path = folder / "laporan.xlsx"
    path.mkdir()
    return path


def _zip(name: str, members: dict[str, bytes]) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        path = folder / name
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for member, data in members.items():
                zf.writestr(member, data)
        return path
    return build


def _damaged_sheet_xml(folder: Path) -> Path:
    """A valid zip whose Kinerja sheet XML stops halfway."""
    path = folder / "xml_rusak.xlsx"
    with zipfile.ZipFile(SAMPLE) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "xl/worksheets/sheet2.xml":
                data = data[: len(data) // 2]
            dst.writestr(info, data)
    return path


def _rename_header(sheet: str, cell: str, expected: str, new: object) -> Callable[[openpyxl.Workbook], None]:
    def edit(wb: openpyxl.Workbook) -> None:
        assert wb[sheet][cell].value == expected  # the sample still has the layout this test assumes
        wb[sheet][cell] = new
    return edit


def _drop_identitas_row(key: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb["Identitas"]
        row = next(c.row for c in ws["A"] if c.value == key)
        ws.delete_rows(row)
    return edit


def _set_tahun(value: object) -> Callable[[openpyxl.Workbook], None]:
    def edit(wb: openpyxl.Workbook) -> None:
        ws = wb["Identitas"]
        row = next(c.row for c in ws["A"] if c.value == "Tahun")
        ws.cell(row, 2, value)
    return edit


def _delete_sheet(name: str) -> Callable[[openpyxl.Workbook], None]:
    def edit(wb: openpyxl.Workbook) -> None:
        del wb[name]
    return edit


SAMPLE_BYTES = SAMPLE.read_bytes()

# id -> (builder, words the one-line message must contain besides the file name)
CASES: dict[str, tuple[Callable[[Path], Path], list[str]]] = {
    "not-a-zip": (_write("catatan.xlsx", "Ini catatan biasa, bukan Excel.\n".encode()), ["bukan workbook"]),
    "csv-renamed": (_write("data.xlsx", b"Kode;Uraian;Pagu\n7.01.01;Program;1000\n"), ["bukan workbook"]),
    "empty": (_write("nol.xlsx", b""), ["kosong"]),
    "truncated": (_write("terpotong.xlsx", SAMPLE_BYTES[: len(SAMPLE_BYTES) // 2]), ["rusak"]),
    "ole-encrypted": (_write("sandi.xlsx", OLE_MAGIC + os.urandom(4096)), ["kata sandi", ".xls"]),
    "old-xls": (_write("lama.xls", OLE_MAGIC + b"\0" * 4096), ["kata sandi", ".xls"]),
    # an OLE file says which it is: its directory names the EncryptedPackage stream, or the Workbook one
    "ole-password": (_write("bersandi.xlsx", OLE_MAGIC + b"\0" * 1024 + "EncryptedPackage".encode("utf-16-le")
                            + b"\0\0" + b"\0" * 1024), ["dilindungi kata sandi;", "simpan sebagai .xlsx"]),
    "xls-97": (_write("lama97.xls", OLE_MAGIC + b"\0" * 1024 + "Workbook".encode("utf-16-le") + b"\0\0"
                      + b"\0" * 1024), ["Excel lama (.xls, Excel 97-2003)", "(.xlsx)"]),
    "excel-lock-file": (_write("~$anggaran.xlsx", b"\x0bWindows User" + b"\x20" * 40), ["berkas kunci sementara Excel",
                                                                                   "pilih anggaran.xlsx sendiri"]),
    "missing-file": (_missing, ["tidak ditemukan"]),
    "directory": (_directory, ["folder"]),
    "zip-not-xlsx": (_zip("dokumen.xlsx", {"word/document.xml": b"<w:document/>"}), ["bukan workbook"]),
    "xml-cut": (_damaged_sheet_xml, ["tidak dapat dibaca"]),
    "no-dpa-sheet": (sample_edited(_delete_sheet("DPA")), ["lembar DPA"]),
    "no-realisasi-sheet": (sample_edited(_delete_sheet("Realisasi")), ["lembar Realisasi"]),
    "no-pagu-column": (sample_edited(_rename_header("DPA", "H3", "Pagu Anggaran (Rp)", "Biaya")),
                       ["Lembar DPA", "'Pagu'"]),
    "no-pagu-label": (sample_edited(_rename_header("DPA", "H3", "Pagu Anggaran (Rp)", None)),
                      ["Lembar DPA", "'Pagu'"]),
    "no-realisasi-column": (sample_edited(_rename_header("Realisasi", "D3", "Realisasi", "Terpakai")),
                            ["Lembar Realisasi", "'Realisasi'"]),
    "no-indikator-column": (sample_edited(_rename_header("Kinerja", "E3", "Indikator", "Ukuran")),
                            ["Lembar Kinerja", "'Indikator'"]),
    "no-tahun": (sample_edited(_drop_identitas_row("Tahun")), ["Lembar Identitas", "Tahun"]),
    "tahun-text": (sample_edited(_set_tahun("dua ribu dua puluh empat")), ["Lembar Identitas", "Tahun", "B4"]),
}


def assert_refused(run: Run, path: Path, words: list[str]) -> None:
    assert run.returncode == 3, (run.stdout[-500:], run.stderr)
    assert run.stdout == ""
    assert run.stderr.endswith("\n") and run.stderr.count("\n") == 1, run.stderr  # exactly one line
    line = run.stderr.strip()
    assert "Traceback" not in line and "Error:" not in line
    assert line.startswith(("Berkas ", "Lembar ")) or line.startswith(path.name), line  # Indonesian
    assert line.endswith(".") and not re.search(r"\.\s", line), line  # one sentence
    assert path.name in line, line
    for word in words:
        assert word in line, line
    assert run.max_rss_mb < MAX_CHILD_RSS_MB


@pytest.mark.parametrize("command", [("check",), ("check", "--json"), ("fill",)], ids=["table", "json", "fill"])
@pytest.mark.parametrize("case", list(CASES))
def test_broken_input_exits_3_with_one_sentence(tmp_path, case, command):
    build, words = CASES[case]
    path = build(tmp_path)
    before = path.read_bytes() if path.is_file() else None
    files_before = sorted(p.name for p in tmp_path.iterdir())
    run = run_measured(command[0], path.name, *command[1:], cwd=tmp_path)
    assert_refused(run, path, words)
    if before is not None:
        assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files_before  # fill left nothing behind


def test_input_bytes_unchanged_after_check(tmp_path):
    path = tmp_path / SAMPLE.name
    shutil.copyfile(SAMPLE, path)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    mtime = path.stat().st_mtime_ns
    for args in (["check", path.name], ["check", path.name, "--json"], ["check", path.name, "--strict"]):
        assert run_cli(*args, cwd=tmp_path).returncode == 1
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == [SAMPLE.name]


# ----------------------------------------------------------------------------- decompression bombs


def write_bomb(path: Path, member_bytes: int) -> Path:
    """A zip whose sheet1.xml, the Identitas sheet, inflates to `member_bytes` of one repeated byte,
    streamed in 1 MB chunks."""
    chunk = b"\0" * MB
    # Level 1 deflates 1 GB in about a second (4.7 MB file, ratio ~230:1); level 6 takes three times longer.
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        zf.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        zf.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns:r="r"><sheets>'
                    '<sheet name="Identitas" sheetId="1" r:id="rId1"/></sheets></workbook>')
        zf.writestr("xl/_rels/workbook.xml.rels", '<?xml version="1.0"?><Relationships><Relationship Id="rId1" '
                    'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
                    'Target="worksheets/sheet1.xml"/></Relationships>')
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            for _ in range(member_bytes // MB):
                member.write(chunk)
    return path


@pytest.fixture(scope="module")
def bombs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bombs")
    write_bomb(folder / "bom_1gb.xlsx", 1024 * MB)       # beyond the 200 MB a part may inflate to
    write_bomb(folder / "bom_rasio.xlsx", 150 * MB)      # under 200 MB, but above 100:1
    return folder


@pytest.mark.parametrize("name", ["bom_1gb.xlsx", "bom_rasio.xlsx"])
def test_decompression_bomb_refused_before_parsing(bombs, tmp_path, name):
    path = tmp_path / name
    shutil.copyfile(bombs / name, path)
    assert path.stat().st_size < 8 * MB  # the test itself stays small
    run = run_measured("check", name, cwd=tmp_path)
    assert_refused(run, path, ["xl/worksheets/sheet1.xml", "bom dekompresi"])
    assert run.max_rss_mb < 200  # refused from the zip directory, nothing inflated


# ----------------------------------------------------------------------------- XML entity bomb


def copy_with_shared_strings(dst: Path) -> Path:
    """The sample rewritten by xlsxwriter, which keeps text in xl/sharedStrings.xml."""
    src = openpyxl.load_workbook(SAMPLE)
    book = xlsxwriter.Workbook(dst, {"strings_to_numbers": False, "strings_to_formulas": False,
                                     "strings_to_urls": False})
    for ws in src.worksheets:
        out = book.add_worksheet(ws.title)
        for row in ws.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                fmt = None if cell.number_format == "General" else book.add_format({"num_format": cell.number_format})
                out.write(cell.row - 1, cell.column - 1, cell.value, fmt)
        for rng in ws.merged_cells.ranges:
            out.merge_range(rng.min_row - 1, rng.min_col - 1, rng.max_row - 1, rng.max_col - 1,
                            ws.cell(rng.min_row, rng.min_col).value)
    book.close()
    return dst


def billion_laughs(src: Path, dst: Path) -> Path:
    """`src` with ten levels of nested entities (10^9 'lol's) declared and used in sharedStrings.xml."""
    entities = '<!ENTITY lol0 "lol">' + "".join(
        f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10}">' for i in range(1, 10))
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == "xl/sharedStrings.xml":
                text = data.decode("utf-8")
                root = text.index("<sst")
                assert "<t>Kunci</t>" in text
                text = (text[:root] + f"<!DOCTYPE sst [{entities}]>" + text[root:]).replace(
                    "<t>Kunci</t>", "<t>&lol9;</t>", 1)
                data = text.encode("utf-8")
            zout.writestr(info, data)
    return dst


@pytest.fixture(scope="module")
def shared_strings_copy(tmp_path_factory) -> Path:
    path = copy_with_shared_strings(tmp_path_factory.mktemp("sst") / "salinan.xlsx")
    with zipfile.ZipFile(path) as zf:
        assert "xl/sharedStrings.xml" in zf.namelist()
    return path


def test_shared_strings_copy_is_a_valid_input(shared_strings_copy, tmp_path):
    """Control: without the entities the same workbook is read and checked like the sample."""
    path = tmp_path / "salinan.xlsx"
    shutil.copyfile(shared_strings_copy, path)
    proc = run_cli("check", path.name, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout.count("CLAIM_MISMATCH") == 11


def test_xml_entity_bomb_refused(shared_strings_copy, tmp_path):
    path = billion_laughs(shared_strings_copy, tmp_path / "tawa.xlsx")
    run = run_measured("check", path.name, cwd=tmp_path)
    assert_refused(run, path, ["xl/sharedStrings.xml", "entitas XML"])
