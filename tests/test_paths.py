"""Where the files go (SPEC §5, §7): the input is never touched, the outputs of a run appear
together or not at all, and every file-system problem is exit 3 with one Indonesian sentence.

Everything runs the real CLI in a child process. Faults the machine cannot produce on demand
(a full disk, a read-only file system, a file appearing mid-run; tests run as root, so chmod
does not stop them) are injected by a few lines the child runs before `lkip_xl.cli.main()`.
"""
from __future__ import annotations

import glob
import hashlib
import os
import re
import shutil
import signal
import socket
import stat
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import openpyxl
import pytest

from run_cli import SAMPLE, TIMEOUT_S, child_env, run_cli

INPUT = "masukan.xlsx"
SAMPLE_SHA = hashlib.sha256(SAMPLE.read_bytes()).hexdigest()
posix_only = pytest.mark.skipif(os.name != "posix", reason="FIFOs, devices and signals are POSIX")


@pytest.fixture
def work(tmp_path) -> Path:
    """A folder holding only the input; at the end the input must be byte for byte the sample."""
    shutil.copyfile(SAMPLE, tmp_path / INPUT)
    yield tmp_path
    assert hashlib.sha256((tmp_path / INPUT).read_bytes()).hexdigest() == SAMPLE_SHA


def listing(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))  # hidden files too: temporary files start with a dot


def assert_refused(proc, *words: str) -> str:
    """Exit 3, nothing on stdout, one Indonesian sentence on stderr naming `words`."""
    assert proc.returncode == 3, (proc.returncode, proc.stdout[-300:], proc.stderr)
    assert proc.stdout == ""
    assert proc.stderr.endswith("\n") and proc.stderr.count("\n") == 1, proc.stderr
    line = proc.stderr.strip()
    assert line.endswith(".") and not re.search(r"\.\s", line), line  # one sentence
    for english in ("Traceback", "Error", "Errno", "No such", "denied", "Is a directory", "exists"):
        assert english not in line, line
    assert "pengembang" not in line, line  # the catch-all for bugs is never a file-system answer
    assert re.search(r"\b(berkas|folder|tidak|bukan|sudah)\b", line, re.I), line
    for word in words:
        assert word in line, line
    return line


def run_patched(prelude: str, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`lkip-xl ARGS` in a child that first runs `prelude` (a fault injection)."""
    code = textwrap.dedent(prelude) + "\nimport sys\nsys.argv[0] = 'lkip-xl'\nfrom lkip_xl.cli import main\nmain()\n"
    return subprocess.run([sys.executable, "-c", code, *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8", timeout=TIMEOUT_S, env=child_env(),
                          stdin=subprocess.DEVNULL)


def _default_signals() -> None:
    """The child starts with the signals a user's shell gives it: a test run launched in the
    background (`cmd &` ignores SIGINT) must not pass that on, or Ctrl+C would look ignored."""
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def start_cli(*args: str, cwd: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "lkip_xl", *map(str, args)], cwd=cwd, env=child_env(),
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, encoding="utf-8",
                            preexec_fn=_default_signals if os.name == "posix" else None)


def is_workbook(path: Path) -> bool:
    return "Temuan" in openpyxl.load_workbook(path).sheetnames


# ----------------------------------------------------------------------------- 1 an output that is the input


def _alias(kind: str, folder: Path) -> str:
    """Another name for the input."""
    if kind == "hard-link":
        os.link(folder / INPUT, folder / "tautan_keras.json")
        return "tautan_keras.json"
    if kind == "symlink":
        os.symlink(INPUT, folder / "tautan.json")
        return "tautan.json"
    if kind == "symlinked-folder":
        os.symlink(folder, folder / "lewat")
        return f"lewat/{INPUT}"
    if kind == "dots":
        (folder / "sub").mkdir()
        return f"sub/../{INPUT}"
    return INPUT.upper() if kind == "other-case" else INPUT


ALIASES = ["same-name", "dots", "other-case", "hard-link", "symlink", "symlinked-folder"]


@pytest.mark.parametrize("kind", ALIASES)
@pytest.mark.parametrize("option", ["--json", "-o"])
def test_an_output_naming_the_input_is_refused_even_with_force(work, kind, option):
    alias = _alias(kind, work)
    before = listing(work)
    other = ["-o", "hasil.xlsx"] if option == "--json" else ["--json", "laporan.json"]
    proc = run_cli("fill", INPUT, *other, option, alias, "--force", cwd=work)
    assert_refused(proc, alias, INPUT)
    assert listing(work) == before  # refused before anything was written


def test_the_default_output_being_a_link_to_the_input_is_refused(work):
    os.symlink(INPUT, work / "masukan_lkip.xlsx")
    assert_refused(run_cli("fill", INPUT, "--force", cwd=work), "masukan_lkip.xlsx")
    assert os.path.islink(work / "masukan_lkip.xlsx")


@pytest.mark.parametrize("json_name, force", [
    ("hasil.xlsx", False), ("./hasil.xlsx", False), ("HASIL.xlsx", False),
    ("hasil.xlsx", True), ("./hasil.xlsx", True), ("HASIL.xlsx", True), ("tautan_keras.xlsx", True)])
def test_json_and_workbook_on_one_path_are_refused(work, json_name, force):
    if json_name == "tautan_keras.xlsx":  # an existing workbook and a hard link to it
        (work / "hasil.xlsx").write_bytes(b"hasil lama")
        os.link(work / "hasil.xlsx", work / json_name)
    before = listing(work)
    proc = run_cli("fill", INPUT, "-o", "hasil.xlsx", "--json", json_name, *(["--force"] if force else []),
                   cwd=work)
    line = assert_refused(proc, "hasil.xlsx")
    assert "dua kali" in line or ("sama" in line and json_name in line), line
    assert listing(work) == before


# ----------------------------------------------------------------------------- 2, 3 output locations


def _device(folder: Path, name: str) -> str:
    """A null character device of our own: a test must never risk the machine's /dev/null."""
    try:
        os.mknod(folder / name, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("cannot make a device node here")
    return name


def _location(case: str, folder: Path) -> tuple[str, str]:
    """(output path, the word the sentence must name) for a place no file can be written."""
    if case == "missing-folder":
        return "tidak_ada/keluaran", "tidak_ada"
    if case == "parent-is-a-file":
        (folder / "catatan.txt").write_text("bukan folder")
        return "catatan.txt/keluaran", "catatan.txt"
    if case == "name-too-long":
        name = "k" * 300
        return name, name
    if case == "directory":
        (folder / "arsip").mkdir()
        return "arsip", "arsip"
    if case == "fifo":
        os.mkfifo(folder / "pipa")
        return "pipa", "pipa"
    if case == "device":
        return _device(folder, "perangkat"), "perangkat"
    if case == "sysfs":  # permission denied, even to root
        return "/sys/keluaran", "/sys"
    if case == "procfs":
        return "/proc/keluaran", "/proc"
    raise AssertionError(case)


LOCATIONS = ["missing-folder", "parent-is-a-file", "name-too-long", "directory", "fifo", "device", "sysfs",
             "procfs"]


@posix_only
@pytest.mark.parametrize("case", LOCATIONS)
@pytest.mark.parametrize("role", ["fill -o", "fill --json", "template -o"])
def test_an_unwritable_output_location_is_exit_3_and_leaves_nothing(work, case, role):
    path, word = _location(case, work)
    if case in ("sysfs", "procfs") and not os.path.isdir(word):
        pytest.skip(f"no {word} here")
    before = listing(work)
    command, option = role.split()
    suffix = ".json" if option == "--json" else ".xlsx"
    target = path if case in ("directory", "fifo", "device") else path + suffix
    args = [INPUT, "-o", "hasil.xlsx", "--json", target] if option == "--json" else [INPUT, "-o", target]
    if command == "template":
        args = ["-o", target]
    proc = run_cli(command, *args, "--force", cwd=work)
    assert_refused(proc, word)
    assert listing(work) == before  # no workbook beside a failed report, no temporary file


def test_check_with_a_full_disk_on_stdout_is_exit_3(work):
    if not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full")
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "lkip_xl", "check", INPUT], cwd=work, stdout=full,
                              stderr=subprocess.PIPE, text=True, timeout=TIMEOUT_S, env=child_env())
    proc.stdout = ""
    assert_refused(proc, "penuh")


# Faults injected at each step of a run; {E} is the errno.
FAULTS = {
    "read": """
        import errno, os, lkip_xl.reader
        def read_input(path):
            raise OSError(errno.{E}, os.strerror(errno.{E}), path)
        lkip_xl.reader.read_input = read_input
    """,
    "temporary-file": """
        import errno, os
        _open = os.open
        def open_(path, flags, *args, **kw):
            if flags & os.O_CREAT:
                raise OSError(errno.{E}, os.strerror(errno.{E}), path)
            return _open(path, flags, *args, **kw)
        os.open = open_
    """,
    # xlsxwriter wraps what goes wrong while saving in its own FileCreateError
    "write": """
        import errno, os, lkip_xl.writer, lkip_xl.template
        from xlsxwriter.exceptions import FileCreateError
        def fail(*args):
            with open(args[-1], "wb") as half:
                half.write(b"PK separuh")
            try:
                raise OSError(errno.{E}, os.strerror(errno.{E}), args[-1])
            except OSError as exc:
                raise FileCreateError(exc)
        lkip_xl.writer.write_workbook = fail
        lkip_xl.template.write_template = fail
    """,
    "placing": """
        import errno, os
        def fail(src, dst, *args, **kw):
            raise OSError(errno.{E}, os.strerror(errno.{E}), dst)
        os.link = os.replace = os.rename = fail
    """,
}
ERRNOS = ["EACCES", "EROFS", "ENOSPC", "EDQUOT", "ENAMETOOLONG", "EIO", "ESTALE"]
LATE = ["EROFS", "ENOSPC", "ESTALE"]  # after a full read: three errors suffice
FAULT_CASES = ([("fill", step, e) for step in ("read", "temporary-file") for e in ERRNOS]
               + [("fill", step, e) for step in ("write", "placing") for e in LATE]
               + [("template", step, e) for step in ("temporary-file", "write", "placing") for e in ERRNOS])


@posix_only
@pytest.mark.parametrize("command, step, errno_name", FAULT_CASES)
def test_every_file_system_error_is_one_sentence_never_the_catch_all(work, command, step, errno_name):
    before = listing(work)
    args = ["fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json"] if command == "fill" else [
        "template", "-o", "hasil.xlsx"]
    proc = run_patched(FAULTS[step].replace("{E}", errno_name), *args, cwd=work)
    assert_refused(proc, INPUT if step == "read" else "hasil.xlsx")
    assert listing(work) == before


# ----------------------------------------------------------------------------- 2 together or not at all


def test_a_report_that_cannot_be_placed_takes_the_workbook_back(work):
    """The workbook is placed first; the report then fails: the workbook must go again."""
    proc = run_patched("""
        import errno, os
        _link = os.link
        def link(src, dst, *args, **kw):
            if str(dst).endswith(".json"):
                raise OSError(errno.ENOSPC, "No space left on device", dst)
            return _link(src, dst, *args, **kw)
        os.link = link
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert_refused(proc, "laporan.json", "penuh")
    assert listing(work) == [INPUT]


def test_with_force_a_failed_report_puts_the_old_files_back(work):
    (work / "hasil.xlsx").write_bytes(b"hasil lama")
    (work / "laporan.json").write_bytes(b"laporan lama")
    proc = run_patched("""
        import errno, os
        _replace = os.replace
        def replace(src, dst, *args, **kw):
            if str(dst).endswith("laporan.json"):
                raise OSError(errno.EIO, "Input/output error", dst)
            return _replace(src, dst, *args, **kw)
        os.replace = replace
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", "--force", cwd=work)
    assert_refused(proc, "laporan.json")
    assert (work / "hasil.xlsx").read_bytes() == b"hasil lama"
    assert (work / "laporan.json").read_bytes() == b"laporan lama"
    assert listing(work) == sorted([INPUT, "hasil.xlsx", "laporan.json"])  # no backup, no temporary file


def test_with_force_both_old_files_are_replaced(work):
    (work / "hasil.xlsx").write_bytes(b"hasil lama")
    (work / "laporan.json").write_bytes(b"laporan lama")
    proc = run_cli("fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", "--force", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert is_workbook(work / "hasil.xlsx") and (work / "laporan.json").read_text().startswith("{")
    assert listing(work) == sorted([INPUT, "hasil.xlsx", "laporan.json"])


# ----------------------------------------------------------------------------- 4 files that appear meanwhile


def test_an_output_that_appears_during_the_run_is_not_replaced(work):
    """Another program writes hasil.xlsx while lkip-xl computes: its file stays."""
    proc = run_patched("""
        import lkip_xl.writer
        _write = lkip_xl.writer.write_workbook
        def write_workbook(result, path):
            _write(result, path)
            open("hasil.xlsx", "wb").write(b"dari program lain")
        lkip_xl.writer.write_workbook = write_workbook
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert_refused(proc, "hasil.xlsx", "--force")
    assert (work / "hasil.xlsx").read_bytes() == b"dari program lain"
    assert listing(work) == sorted([INPUT, "hasil.xlsx"])


def test_a_report_that_appears_during_the_run_takes_the_workbook_back(work):
    proc = run_patched("""
        import lkip_xl.report
        _build = lkip_xl.report.build_report
        def build_report(result):
            open("laporan.json", "w").write("dari program lain")
            return _build(result)
        lkip_xl.report.build_report = build_report
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert_refused(proc, "laporan.json")
    assert (work / "laporan.json").read_text() == "dari program lain"
    assert listing(work) == sorted([INPUT, "laporan.json"])


NO_HARD_LINKS = """
    import errno, os
    def link(*args, **kw):
        raise OSError(errno.EPERM, "Operation not permitted")
    os.link = link
"""


def test_without_hard_links_the_placement_still_never_replaces(work):
    """FAT drives and some shares have no hard links: the no-clobber move must hold there too."""
    proc = run_patched(textwrap.dedent(NO_HARD_LINKS) + textwrap.dedent("""
        import lkip_xl.writer
        _write = lkip_xl.writer.write_workbook
        def write_workbook(result, path):
            _write(result, path)
            open("hasil.xlsx", "wb").write(b"dari program lain")
        lkip_xl.writer.write_workbook = write_workbook
    """), "fill", INPUT, "-o", "hasil.xlsx", cwd=work)
    assert_refused(proc, "hasil.xlsx")
    assert (work / "hasil.xlsx").read_bytes() == b"dari program lain"
    assert listing(work) == sorted([INPUT, "hasil.xlsx"])


def test_without_hard_links_new_and_forced_outputs_are_written(work):
    proc = run_patched(NO_HARD_LINKS, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert proc.returncode == 0, proc.stderr
    (work / "laporan.json").write_text("laporan lama")
    forced = run_patched(NO_HARD_LINKS, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", "--force",
                         cwd=work)
    assert forced.returncode == 0, forced.stderr
    assert is_workbook(work / "hasil.xlsx") and (work / "laporan.json").read_text().startswith("{")
    assert listing(work) == sorted([INPUT, "hasil.xlsx", "laporan.json"])


def test_two_runs_writing_one_output_at_once_one_wins(work):
    runs = [start_cli("fill", INPUT, "-o", "hasil.xlsx", cwd=work) for _ in range(2)]
    results = [(*run.communicate(timeout=2 * TIMEOUT_S), run.returncode) for run in runs]
    results = [(code, out, err) for out, err, code in results]
    assert sorted(code for code, _, _ in results) == [0, 3], results
    loser = next(err for code, _, err in results if code == 3)
    assert loser.count("\n") == 1 and "hasil.xlsx" in loser and "--force" in loser, loser
    assert is_workbook(work / "hasil.xlsx")
    assert listing(work) == sorted([INPUT, "hasil.xlsx"])


# ----------------------------------------------------------------------------- 5 signals


def _wait_for_temporary_file(folder: Path, run: subprocess.Popen) -> None:
    deadline = time.monotonic() + TIMEOUT_S
    while not glob.glob(str(folder / ".*.tmp")):
        assert run.poll() is None, run.communicate()
        assert time.monotonic() < deadline, "no temporary file appeared"
        time.sleep(0.001)


@posix_only
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP, signal.SIGINT], ids=lambda s: s.name)
def test_a_signal_during_the_run_leaves_no_temporary_file(work, signum):
    run = start_cli("fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    _wait_for_temporary_file(work, run)
    run.send_signal(signum)
    out, err = run.communicate(timeout=TIMEOUT_S)
    assert (run.returncode, out, err) == (128 + signum, "", "Dibatalkan.\n")
    assert listing(work) == [INPUT]


@posix_only
def test_sigterm_while_the_workbook_is_written_leaves_nothing(work):
    proc = run_patched("""
        import os, signal, time, lkip_xl.writer
        def write_workbook(result, path):
            with open(path, "wb") as half:
                half.write(b"PK separuh")
            os.kill(os.getpid(), signal.SIGTERM)
            time.sleep(5)
        lkip_xl.writer.write_workbook = write_workbook
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert (proc.returncode, proc.stdout, proc.stderr) == (143, "", "Dibatalkan.\n")
    assert listing(work) == [INPUT]


@posix_only
@pytest.mark.parametrize("force", [False, True], ids=["new", "force"])
def test_sigterm_while_the_files_move_takes_them_all_back(work, force):
    """The signal arrives between placing the workbook and placing the report."""
    if force:
        (work / "hasil.xlsx").write_bytes(b"hasil lama")
    proc = run_patched("""
        import os, signal
        for name in ("link", "replace"):
            def move(src, dst, *args, _move=getattr(os, name), **kw):
                if str(dst) == "hasil.xlsx":
                    os.kill(os.getpid(), signal.SIGTERM)
                return _move(src, dst, *args, **kw)
            setattr(os, name, move)
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", *(["--force"] if force else []), cwd=work)
    assert (proc.returncode, proc.stdout, proc.stderr) == (143, "", "Dibatalkan.\n")
    assert listing(work) == sorted([INPUT] + (["hasil.xlsx"] if force else []))
    if force:
        assert (work / "hasil.xlsx").read_bytes() == b"hasil lama"


@posix_only
def test_a_sighup_ignored_from_the_start_stays_ignored(work):
    """Under nohup a SIGHUP during the moves must not cancel the run."""
    proc = run_patched("""
        import os, signal
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
        _link = os.link
        def link(src, dst, *args, **kw):
            os.kill(os.getpid(), signal.SIGHUP)
            return _link(src, dst, *args, **kw)
        os.link = link
    """, "fill", INPUT, "-o", "hasil.xlsx", "--json", "laporan.json", cwd=work)
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert listing(work) == sorted([INPUT, "hasil.xlsx", "laporan.json"])


# ----------------------------------------------------------------------------- 6 inputs that are not files


def _not_a_file(kind: str, folder: Path) -> str:
    if kind == "fifo":
        os.mkfifo(folder / "pipa.xlsx")
        return "pipa.xlsx"
    if kind == "socket":
        path = folder / "soket.xlsx"
        with socket.socket(socket.AF_UNIX) as sock:
            sock.bind(str(path))  # the socket file stays after the socket is closed
        return path.name
    return _device(folder, "perangkat.xlsx")


@posix_only
@pytest.mark.parametrize("kind", ["fifo", "socket", "device"])
@pytest.mark.parametrize("command", ["check", "fill"])
def test_an_input_that_is_not_a_regular_file_is_refused_at_once(work, kind, command):
    name = _not_a_file(kind, work)
    before = listing(work)
    started = time.monotonic()
    proc = run_cli(command, name, cwd=work)  # a FIFO opened for reading would wait for ever
    assert_refused(proc, name, "bukan berkas biasa")
    assert time.monotonic() - started < TIMEOUT_S
    assert listing(work) == before


# ----------------------------------------------------------------------------- 7 names do not decide


@pytest.mark.parametrize("name", ["masukan.xls", "masukan"])
def test_the_cli_does_not_refuse_an_input_by_its_name(work, name):
    """Whatever the name, the CLI hands the file to the reader (which looks at the bytes)."""
    shutil.copyfile(work / INPUT, work / name)
    proc = run_patched("""
        import lkip_xl.api
        from lkip_xl.errors import InputError
        def analyse(path):
            raise InputError(f"Berkas {path} sampai ke pembaca.")
        lkip_xl.api.analyse = analyse
    """, "check", name, cwd=work)
    assert_refused(proc, f"Berkas {name} sampai ke pembaca")


@pytest.mark.parametrize("name", ["masukan.xls", "masukan"])
def test_an_xlsx_under_another_name_is_read(work, name):
    shutil.copyfile(work / INPUT, work / name)
    assert run_cli("check", name, cwd=work).returncode == 1
    proc = run_cli("fill", name, "-o", "hasil.xlsx", cwd=work)
    assert proc.returncode == 0, proc.stderr
    assert is_workbook(work / "hasil.xlsx")
