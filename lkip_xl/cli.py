"""Thin command line: parse arguments, call, print, exit code (SPEC §7)."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer

from lkip_xl.errors import InputError, OutputError

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="lkip-xl: tabel LKIP dengan rumus Excel hidup dan lembar Temuan dari satu workbook input.",
)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_INPUT = 0, 1, 2, 3


def _fail(message: str) -> None:
    # Exactly one line: an exception text may carry newlines (openpyxl's do).
    sys.stderr.write(" ".join(message.split()) + "\n")
    raise typer.Exit(EXIT_INPUT)


def _progress(message: str) -> None:
    """Progress goes to stderr, and only when a person is watching."""
    if sys.stderr.isatty():
        sys.stderr.write(message + "\n")


def _analyse(path: Path):
    from lkip_xl.api import analyse

    _progress(f"Membaca {path.name} …")
    try:
        return analyse(str(path))
    except InputError as err:
        _fail(str(err))
    except Exception as exc:  # a bug must still not show a traceback to the user
        if os.environ.get("LKIP_XL_DEBUG"):
            raise
        _fail(f"Berkas {path.name} tidak dapat diproses ({type(exc).__name__}: {exc}); "
              "laporkan berkas ini ke pengembang lkip-xl.")


@app.command()
def fill(
    input: Path = typer.Argument(..., metavar="INPUT", help="Workbook input (.xlsx)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Workbook keluaran (bawaan: <nama input>_lkip.xlsx di sebelahnya)."),
    force: bool = typer.Option(False, "--force", help="Timpa berkas keluaran yang sudah ada."),
    json_report: Optional[Path] = typer.Option(None, "--json", help="Tulis juga laporan JSON ke berkas ini."),
    strict: bool = typer.Option(False, "--strict", help="Keluar dengan kode 1 bila ada kesalahan."),
) -> None:
    """Buat workbook LKIP: semua tabel sebagai rumus Excel hidup, ditambah lembar Temuan."""
    from lkip_xl.output import replace_atomically

    target = output or input.with_name(f"{input.stem}_lkip.xlsx")
    if target.resolve() == input.resolve():
        _fail(f"Berkas keluaran {target} sama dengan berkas input; pilih nama lain dengan -o.")
    if target.exists() and not force:
        _fail(f"Berkas {target} sudah ada; gunakan --force untuk menimpanya.")
    if json_report is not None and json_report.exists() and not force:
        _fail(f"Berkas {json_report} sudah ada; gunakan --force untuk menimpanya.")
    result = _analyse(input)
    _progress(f"Menulis {target.name} …")
    from lkip_xl.writer import write_workbook

    try:
        replace_atomically(target, lambda tmp: write_workbook(result, tmp))
        if json_report is not None:
            from lkip_xl.report import build_report

            text = json.dumps(build_report(result), ensure_ascii=False, indent=2) + "\n"
            replace_atomically(json_report, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
    except OutputError as err:
        _fail(str(err))
    except Exception as exc:  # a bug while writing: nothing was left behind; say so in one sentence
        if os.environ.get("LKIP_XL_DEBUG"):
            raise
        _fail(f"Workbook {target.name} gagal ditulis ({type(exc).__name__}: {exc}); tidak ada berkas yang "
              "dibuat. Laporkan berkas input ini ke pengembang lkip-xl.")
    counts = {t: sum(1 for f in result.findings if f.tingkat == t) for t in ("kesalahan", "peringatan", "info")}
    sys.stdout.write(f"Workbook LKIP ditulis ke {target} ({counts['kesalahan']} kesalahan, "
                     f"{counts['peringatan']} peringatan, {counts['info']} info; lihat lembar Temuan).\n")
    raise typer.Exit(_exit_code(result, strict=strict, fail_on_errors=strict))


@app.command()
def check(
    input: Path = typer.Argument(..., metavar="INPUT", help="Workbook input (.xlsx)."),
    json_out: bool = typer.Option(False, "--json", help="Cetak laporan JSON (SPEC §8) ke stdout."),
    strict: bool = typer.Option(False, "--strict", help="Keluar dengan kode 1 juga bila ada peringatan."),
) -> None:
    """Periksa workbook input dan tampilkan semua temuan (kode keluar 1 bila ada kesalahan)."""
    result = _analyse(input)
    if json_out:
        from lkip_xl.report import build_report

        sys.stdout.write(json.dumps(build_report(result), ensure_ascii=False, indent=2) + "\n")
    else:
        from lkip_xl.console import findings_table

        sys.stdout.write(findings_table(result, input.name))
    raise typer.Exit(_exit_code(result, strict=strict, fail_on_errors=True))


def _exit_code(result, *, strict: bool, fail_on_errors: bool) -> int:
    levels = {f.tingkat for f in result.findings}
    if fail_on_errors and "kesalahan" in levels:
        return EXIT_FINDINGS
    if strict and ("kesalahan" in levels or "peringatan" in levels):
        return EXIT_FINDINGS
    return EXIT_OK


@app.command()
def template(
    output: Path = typer.Option(Path("lkip_template.xlsx"), "-o", "--output", help="Berkas template yang ditulis."),
    force: bool = typer.Option(False, "--force", help="Timpa berkas yang sudah ada."),
) -> None:
    """Tulis workbook input kosong (kontrak input dengan petunjuk)."""
    from lkip_xl.output import replace_atomically
    from lkip_xl.template import write_template

    if output.exists() and not force:
        _fail(f"Berkas {output} sudah ada; gunakan --force untuk menimpanya.")
    try:
        replace_atomically(output, write_template)
    except OutputError as err:
        _fail(str(err))
    sys.stdout.write(f"Template ditulis ke {output}\n")


def _import_openpyxl_without_numpy() -> None:
    """openpyxl imports numpy, when installed, only to recognise numpy scalars, which lkip-xl
    never hands it; importing openpyxl with numpy hidden saves ~0.25 s a run. numpy stays
    importable afterwards."""
    if "openpyxl" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import openpyxl  # noqa: F401
    finally:
        if sys.modules.get("numpy", 0) is None:
            del sys.modules["numpy"]


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] in ("check", "fill"):
        _import_openpyxl_without_numpy()
    try:
        code = app(prog_name="lkip-xl", standalone_mode=False)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan.\n")
        sys.exit(130)
    except Exception as exc:  # click's usage errors (typer may vendor click: match by shape)
        if getattr(exc, "exit_code", None) != EXIT_USAGE or not hasattr(exc, "format_message"):
            raise
        sys.stderr.write(_usage_message(exc) + "\n")
        sys.exit(EXIT_USAGE)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _usage_message(exc: Exception) -> str:
    """Click's usage errors, said in Indonesian in one line."""
    kind = type(exc).__name__
    ctx = getattr(exc, "ctx", None)
    where = f"{ctx.command_path} --help" if ctx is not None else "lkip-xl --help"
    param = getattr(exc, "param", None)
    hint = getattr(exc, "param_hint", None) or (param.human_readable_name if param is not None else None)
    if isinstance(hint, (list, tuple)):
        hint = " / ".join(hint)
    message = exc.format_message()
    if kind == "MissingParameter":
        text = f"Argumen {hint or ''} belum diisi.".replace("  ", " ")
    elif kind == "NoSuchOption":
        text = f"Opsi {getattr(exc, 'option_name', '')} tidak dikenal."
    elif kind == "BadParameter":
        text = f"Nilai {hint or ''} tidak sah ({message}).".replace("  ", " ")
    elif message.startswith("No such command"):
        import re

        name = re.search(r"'([^']+)'", message)
        guess = re.search(r"Did you mean '([^']+)'", message)
        text = f"Perintah '{name.group(1) if name else ''}' tidak dikenal" + (
            f"; maksudnya '{guess.group(1)}'?" if guess else ".")
    elif kind == "NoArgsIsHelpError":
        return message.rstrip()  # the help text itself
    elif "Missing command" in message:
        text = "Perintah belum diberikan (fill, check atau template)."
    else:
        import re

        known = [(r"Got unexpected extra argument(?:s|\(s\))? \((.*)\)", "Argumen berlebih: {0}."),
                 (r"Option '([^']+)' does not take a value", "Opsi {0} tidak menerima nilai."),
                 (r"Option '([^']+)' requires an argument", "Opsi {0} memerlukan nilai."),
                 (r"Option '([^']+)' requires (\d+) arguments", "Opsi {0} memerlukan {1} nilai.")]
        for pattern, template in known:
            m = re.search(pattern, message)
            if m:
                text = template.format(*m.groups())
                break
        else:
            text = f"Penggunaan tidak sah: {message}"
    return f"Kesalahan penggunaan: {text} Lihat '{where}'."


if __name__ == "__main__":
    main()
