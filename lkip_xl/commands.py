"""The commands of the command line (SPEC §7): read, call, print, exit code. cli.py parses the
arguments (typer) and calls them; a command ends by raising Exit with its code."""
from __future__ import annotations

import json
import os
import stat
import sys
from pathlib import Path
from typing import Optional

from lkip_xl.terminal import for_terminal
from lkip_xl.errors import Cancelled, InputError, OutputError, file_kind, os_error_in, os_reason

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


class Exit(Exception):
    """A command's end with its exit code (cli.py turns it into typer's)."""

    def __init__(self, code: int = EXIT_OK):
        super().__init__(code)
        self.code = code


def _fail(message: str) -> None:
    # Exactly one line: an exception text may carry newlines.
    sys.stderr.write(for_terminal(" ".join(message.split())) + "\n")
    raise Exit(EXIT_INPUT)


# Names Excel opens as another format: an .xlsx written under them is refused by Excel ("format and
# extension don't match"), so the workbook is never written so.
NOT_XLSX = {".xls", ".xlsm", ".xlsb", ".xltx", ".xltm", ".csv", ".ods", ".txt"}


def _xlsx_name(path: Optional[Path]) -> None:
    if path is not None and path.suffix.lower() in NOT_XLSX:
        _fail(f"Berkas hasil {path.name} harus berakhiran .xlsx: isinya workbook .xlsx, dan Excel menolak membukanya "
              f"dengan akhiran {path.suffix} (contoh: -o {path.stem}.xlsx).")


def _progress(message: str) -> None:
    """Progress goes to stderr, and only when a person is watching."""
    if sys.stderr.isatty():
        sys.stderr.write(for_terminal(message) + "\n")


def _emit(text: str, *, written: Optional[Path] = None) -> None:
    """Results go to stdout; a full disk or closed pipe there is exit 3 too, not a traceback."""
    try:
        sys.stdout.write(for_terminal(text))
        sys.stdout.flush()
    except OSError as exc:
        # Point stdout at nothing, or Python's own flush at exit prints a second error.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        done = f"Berkas {written} sudah ditulis, tetapi ringkasannya" if written else "Hasil"
        _fail(f"{done} tidak dapat ditulis ke keluaran standar ({os_reason(exc)}).")


def _require_regular_input(path: Path) -> None:
    """Refuse by stat alone what is not a regular file: opening a FIFO would wait forever."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        _fail(f"Berkas {path} tidak ditemukan.")
    except OSError as exc:
        _fail(f"Berkas {path} tidak dapat dibuka ({os_reason(exc)}).")
    if stat.S_ISDIR(mode):
        _fail(f"{path} adalah folder, bukan berkas .xlsx.")
    if not stat.S_ISREG(mode):
        _fail(f"Berkas {path} adalah {file_kind(mode)}, bukan berkas biasa, jadi tidak dibaca sebagai workbook.")


def _unexpected(exc: Exception, path: Path, doing: str) -> None:
    """The last word on an exception nobody expected: a file-system one is the user's to fix, the rest ours."""
    if os.environ.get("LKIP_XL_DEBUG"):
        raise exc
    cause = os_error_in(exc)
    if cause is not None:
        _fail(f"Berkas {path} tidak dapat {doing} ({os_reason(cause)}).")
    _fail(f"Berkas {path.name} tidak dapat {doing} ({type(exc).__name__}: {exc}); "
          "laporkan berkas input ini ke pengembang lkip-xl.")


def _analyse(path: Path):
    from lkip_xl.api import analyse

    _progress(f"Membaca {path.name} …")
    try:
        return analyse(str(path))
    except InputError as err:
        _fail(str(err))
    except Exception as exc:  # a bug must still not show a traceback to the user
        _unexpected(exc, path, "dibaca")


def fill(input: Path, output: Optional[Path] = None, force: bool = False, json_report: Optional[Path] = None,
         strict: bool = False) -> None:
    """Buat workbook LKIP: semua tabel sebagai rumus Excel hidup, ditambah lembar Temuan."""
    from lkip_xl.output import Outputs

    _require_regular_input(input)
    target = output or input.with_name(f"{input.stem}_lkip.xlsx")
    _xlsx_name(target)
    try:
        # Every output path is checked, and its temporary file made, before the input is read.
        with Outputs([target, *([json_report] if json_report else [])], inputs=[input], force=force) as out:
            result = _analyse(input)
            _progress(f"Menulis {target.name} …")
            from lkip_xl.writer import write_workbook

            out.write(target, lambda tmp: write_workbook(result, tmp))
            if json_report is not None:
                from lkip_xl.report import build_report

                text = json.dumps(build_report(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
                out.write(json_report, lambda tmp: Path(tmp).write_text(text, encoding="utf-8",
                                                                        errors="replace"))
            out.commit()
    except OutputError as err:
        _fail(str(err))
    except Exit:
        raise
    except Exception as exc:  # a bug while writing: the temporary files are gone, nothing was placed
        _unexpected(exc, target, "ditulis")
    counts = {t: sum(1 for f in result.findings if f.tingkat == t) for t in ("kesalahan", "peringatan", "info")}
    _emit(f"Workbook LKIP ditulis ke {target} ({counts['kesalahan']} kesalahan, "
          f"{counts['peringatan']} peringatan, {counts['info']} info; lihat lembar Temuan).\n", written=target)
    raise Exit(_exit_code(result, strict=strict, fail_on_errors=strict))


def check(input: Path, json_out: bool = False, strict: bool = False, pembacaan: bool = False) -> None:
    """Periksa workbook input dan tampilkan semua temuan (kode keluar 1 bila ada kesalahan)."""
    _require_regular_input(input)
    result = _analyse(input)
    if json_out:
        from lkip_xl.report import build_report

        _emit(json.dumps(build_report(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n")
    else:
        from lkip_xl.console import findings_table, pembacaan_table

        text = findings_table(result, input.name)
        if pembacaan:
            text = pembacaan_table(result, input.name) + text
        _emit(text)
    raise Exit(_exit_code(result, strict=strict, fail_on_errors=True))


def rekap(inputs: list[Path], output: Optional[Path] = None, force: bool = False,
          json_report: Optional[Path] = None, fill_dir: Optional[Path] = None, jobs: Optional[int] = None) -> None:
    """Rekap seluruh perangkat daerah: periksa setiap workbook seperti 'check', lalu tulis satu workbook rekap."""
    from lkip_xl.rekap import run_rekap

    _xlsx_name(output)
    try:
        code, summary, written = run_rekap(inputs, output=output, force=force, json_path=json_report,
                                           fill_dir=fill_dir, jobs=jobs or os.cpu_count() or 1,
                                           progress=sys.stderr.isatty())
    except (InputError, OutputError) as err:
        _fail(str(err))
    except Exit:
        raise
    except Exception as exc:  # a bug while writing: nothing was placed
        _unexpected(exc, output or Path("rekap_lkip.xlsx"), "ditulis")
    _emit(summary, written=written)
    raise Exit(code)


def _exit_code(result, *, strict: bool, fail_on_errors: bool) -> int:
    levels = {f.tingkat for f in result.findings}
    if fail_on_errors and "kesalahan" in levels:
        return EXIT_FINDINGS
    if strict and ("kesalahan" in levels or "peringatan" in levels):
        return EXIT_FINDINGS
    return EXIT_OK


def template(output: Path = Path("lkip_template.xlsx"), force: bool = False) -> None:
    """Tulis workbook input kosong (kontrak input dengan petunjuk)."""
    from lkip_xl.output import Outputs
    from lkip_xl.template import write_template

    _xlsx_name(output)
    try:
        with Outputs([output], force=force) as out:
            out.write(output, write_template)
            out.commit()
    except OutputError as err:
        _fail(str(err))
    except Exception as exc:
        _unexpected(exc, output, "ditulis")
    _emit(f"Template ditulis ke {output}\n", written=output)


def _stop_on_signals() -> dict:
    """SIGTERM, SIGHUP and Ctrl+C raise Cancelled, so `finally` blocks remove temporary files.

    Returns the previous handlers. A signal ignored at start (nohup) stays ignored."""
    import signal

    def stop(signum, frame):
        for s in previous:  # a second signal must not cut the cleanup short
            signal.signal(s, signal.SIG_IGN)
        raise Cancelled(signum)

    previous = {}
    for name in ("SIGTERM", "SIGHUP", "SIGINT"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) is not signal.SIG_IGN:
            try:
                previous[signum] = signal.signal(signum, stop)
            except ValueError:  # not the main thread: signals stay as they are
                break
    return previous
