"""The command line (SPEC §7): typer parses every command line; commands.py does the work.

Usage errors are said in Indonesian, in one line, from a table keyed on click's exception types and
on the parameters lkip-xl declares here, never on click's English wording.
"""
from __future__ import annotations

import difflib
import sys
from pathlib import Path
from typing import Optional

import typer

from lkip_xl import commands
from lkip_xl.commands import EXIT_OK, EXIT_USAGE, Exit
from lkip_xl.errors import Cancelled

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    help="lkip-xl: tabel LKIP dengan rumus Excel hidup dan lembar Temuan dari satu workbook input.",
)


def _run(command, **kwargs) -> None:
    try:
        command(**kwargs)
    except Exit as end:
        raise typer.Exit(end.code) from None


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
    _run(commands.fill, input=input, output=output, force=force, json_report=json_report, strict=strict)


@app.command()
def check(
    input: Path = typer.Argument(..., metavar="INPUT", help="Workbook input (.xlsx)."),
    json_out: bool = typer.Option(False, "--json", help="Cetak laporan JSON (SPEC §8) ke stdout."),
    strict: bool = typer.Option(False, "--strict", help="Keluar dengan kode 1 juga bila ada peringatan."),
    pembacaan: bool = typer.Option(
        False, "--pembacaan",
        help="Tampilkan dulu cara setiap lembar dibaca: baris header, kolom tiap isian (mis. Pagu) dengan "
             "labelnya, jumlah baris data, dan baris yang dilewati beserta alasannya. Dengan --json, "
             "keterangan ini ada di kunci 'pembacaan'."),
) -> None:
    """Periksa workbook input dan tampilkan semua temuan (kode keluar 1 bila ada kesalahan)."""
    _run(commands.check, input=input, json_out=json_out, strict=strict, pembacaan=pembacaan)


@app.command()
def rekap(
    inputs: list[Path] = typer.Argument(..., metavar="INPUT...",
                                        help="Workbook input (.xlsx) dan/atau folder (semua *.xlsx di dalamnya)."),
    output: Optional[Path] = typer.Option(None, "-o", "--output",
                                          help="Workbook rekap (bawaan: rekap_lkip.xlsx di folder kerja; "
                                               "bila berupa folder, rekap_lkip.xlsx di dalamnya)."),
    force: bool = typer.Option(False, "--force", help="Timpa berkas keluaran yang sudah ada."),
    json_report: Optional[Path] = typer.Option(None, "--json", help="Tulis juga rekap JSON ke berkas ini."),
    fill_dir: Optional[Path] = typer.Option(None, "--fill-dir",
                                            help="Tulis juga workbook LKIP (hasil fill) setiap berkas ke folder ini."),
    jobs: Optional[int] = typer.Option(None, "--jobs", min=1,
                                       help="Jumlah proses yang bekerja bersamaan (bawaan: jumlah inti CPU)."),
) -> None:
    """Rekap seluruh perangkat daerah: periksa setiap workbook seperti 'check', lalu tulis satu workbook rekap."""
    _run(commands.rekap, inputs=inputs, output=output, force=force, json_report=json_report, fill_dir=fill_dir,
         jobs=jobs)


@app.command()
def template(
    output: Path = typer.Option(Path("lkip_template.xlsx"), "-o", "--output", help="Berkas template yang ditulis."),
    force: bool = typer.Option(False, "--force", help="Timpa berkas yang sudah ada."),
) -> None:
    """Tulis workbook input kosong (kontrak input dengan petunjuk)."""
    _run(commands.template, output=output, force=force)


COMMANDS = ("fill", "check", "rekap", "template")
# What a parameter must hold, for the sentence of a value click refused (keyed on the parameter's name).
VALUE_RULES = {"jobs": "bilangan bulat 1 atau lebih"}


def run() -> None:
    """The `lkip-xl` program (its console script and `python -m lkip_xl`): main() in a process that ends
    with it. A check or fill of one workbook keeps every row it read alive to the end, so the cyclic
    collector would only walk them again and again (a kabupaten rincian's fill: ~5 s of 24); it is
    off for the run, and what lives at the end is frozen, so the interpreter's last collection at exit
    skips it too. rekap keeps it: it drops one workbook's rows before reading the next."""
    import gc

    if sys.argv[1:2] in (["check"], ["fill"]):
        gc.disable()
    try:
        main()
    finally:
        gc.freeze()


def main() -> None:
    import signal

    previous = commands._stop_on_signals()
    args = sys.argv[1:]
    try:
        code = app(args=args, prog_name="lkip-xl", standalone_mode=False)
    except SystemExit:
        raise
    except Cancelled as stop:
        sys.stderr.write("Dibatalkan.\n")
        sys.exit(128 + stop.signum)
    except KeyboardInterrupt:
        sys.stderr.write("Dibatalkan.\n")
        sys.exit(130)
    except Exception as exc:
        message = usage_message(exc, args)
        if message is None:
            raise
        sys.stderr.write(message + "\n")
        sys.exit(EXIT_USAGE)
    finally:
        for signum, handler in previous.items():  # main() also runs inside tests
            signal.signal(signum, handler)
    sys.exit(code if isinstance(code, int) else EXIT_OK)


def _kinds(exc: Exception) -> list[str]:
    """The names of click's exception types `exc` is (typer may vendor click: its classes are matched
    by their click names, most specific first)."""
    return [cls.__name__ for cls in type(exc).__mro__]


def _command(args: list[str]) -> str | None:
    """The command the line names (its first word that is no option), when it is one of ours."""
    word = next((a for a in args if not a.startswith("-")), None)
    return word if word in COMMANDS else None


def _option(command: str | None, name: str):
    """The click parameter declared for option `name` of `command`, or None."""
    import typer.main

    group = typer.main.get_command(app)
    cmd = group.commands.get(command) if command else None  # type: ignore[attr-defined]
    for param in (cmd.params if cmd is not None else []):
        if name in getattr(param, "opts", ()):
            return param
    return None


def usage_message(exc: Exception, args: list[str]) -> str | None:
    """Click's usage error `exc` for command line `args`, as one Indonesian line; None for any other
    exception. NoArgsIsHelpError gives the help text itself."""
    kinds = _kinds(exc)
    if "UsageError" not in kinds or getattr(exc, "exit_code", None) != EXIT_USAGE:
        return None
    if "NoArgsIsHelpError" in kinds:
        return exc.format_message().rstrip()  # type: ignore[attr-defined]
    command = _command(args)
    where = f"lkip-xl {command} --help" if command else "lkip-xl --help"
    param = getattr(exc, "param", None)
    opts = sorted(getattr(param, "opts", None) or [], key=len)  # an option by its long name, an argument by its metavar
    shown = (opts[-1] if opts and opts[-1].startswith("-") else param.human_readable_name if param is not None
             else "") or ""
    if "MissingParameter" in kinds:
        text = f"Argumen {shown} belum diisi."
    elif "BadParameter" in kinds:
        rule = VALUE_RULES.get(getattr(param, "name", None) or "")
        text = f"Nilai {shown} tidak sah" + (f": harus {rule}." if rule else ".")
    elif "NoSuchOption" in kinds:
        name = getattr(exc, "option_name", "") or ""
        guesses = [p for p in (getattr(exc, "possibilities", None) or []) if p.startswith("-")]
        text = f"Opsi {name} tidak dikenal" + (f"; maksudnya {guesses[0]}?" if guesses else ".")
    elif "BadOptionUsage" in kinds:
        name = getattr(exc, "option_name", "") or ""
        option = _option(command, name.split("=")[0])
        takes_value = option is not None and not getattr(option, "is_flag", False)
        text = f"Opsi {name} memerlukan nilai." if takes_value else f"Opsi {name} tidak menerima nilai."
    elif command is None:
        word = next((a for a in args if not a.startswith("-")), None)
        if word is None:
            text = "Perintah belum diberikan (fill, check, rekap atau template)."
        else:
            guess = difflib.get_close_matches(word, COMMANDS, n=1)
            text = f"Perintah '{word}' tidak dikenal" + (f"; maksudnya '{guess[0]}'?" if guess else ".")
    else:  # a command's own usage error that names no parameter: arguments beyond those it takes
        takes = {"rekap": "menerima satu atau lebih INPUT", "template": "tidak menerima argumen"}.get(
            command, "menerima satu INPUT")
        text = f"Argumen berlebih: perintah {command} {takes}."
    return f"Kesalahan penggunaan: {' '.join(text.split())} Lihat '{where}'."


if __name__ == "__main__":
    run()
