"""The command line as typer presents it: help, usage errors and every spelling of the options.
The commands themselves live in cli.py; `lkip-xl check|fill FILE …` in their plain forms run without
importing this module (cli.main), the rest comes here."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from lkip_xl import cli

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
    except cli.Exit as end:
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
    _run(cli.fill, input=input, output=output, force=force, json_report=json_report, strict=strict)


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
    _run(cli.check, input=input, json_out=json_out, strict=strict, pembacaan=pembacaan)


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
    _run(cli.rekap, inputs=inputs, output=output, force=force, json_report=json_report, fill_dir=fill_dir,
         jobs=jobs)


@app.command()
def template(
    output: Path = typer.Option(Path("lkip_template.xlsx"), "-o", "--output", help="Berkas template yang ditulis."),
    force: bool = typer.Option(False, "--force", help="Timpa berkas yang sudah ada."),
) -> None:
    """Tulis workbook input kosong (kontrak input dengan petunjuk)."""
    _run(cli.template, output=output, force=force)
