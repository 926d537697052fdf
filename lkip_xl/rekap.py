"""A whole region at once (SPEC §11): every SKPD workbook checked as `check` does, gathered into one rekap.

The per-file work runs in a process pool and returns the §8 report dict (small, picklable, the stable
interface); the rekap is built from those dicts, never from Result objects (rekap_data.py: the
entries, totals, findings and each sheet's rows).
"""
from __future__ import annotations

import os
import stat
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable

from lkip_xl.reader.safe import is_lkip_output
from lkip_xl.terminal import for_terminal
from lkip_xl.errors import InputError, file_kind, os_error_in, os_reason

from lkip_xl.rekap_data import (  # noqa: F401 (re-exported: the rekap as data, as it was found here)
    ANGGARAN, BELANJA, DAFTAR, INDIKATOR, KINERJA, REKAP_TITLE, SHEETS, TEMUAN, TERBACA, TIDAK_TERBACA, TINGKAT,
    Entry, Rekap, anggaran_entries, anggaran_rows, belanja_codes, belanja_rows, build_rekap, daftar_rows,
    indikator_rows, kategori_names, kinerja_rows, rekap_json, temuan_rows,
)

DEFAULT_OUTPUT = "rekap_lkip.xlsx"


# ----------------------------------------------------------------------------- inputs


@dataclass
class Inputs:
    files: list[Path]
    skipped: list[tuple[Path, str]] = field(default_factory=list)  # (path, why), told on stderr


def collect_inputs(paths: Iterable[Path]) -> Inputs:
    """Files as given, and every `*.xlsx` directly inside a folder (lock files and lkip-xl outputs skipped).

    A file named twice (directly and through its folder) is read once. A path that does not exist
    stays in the list: reading it gives the sentence `check` would print."""
    found = Inputs([])
    for given in paths:
        given = Path(given)
        if given.is_dir():
            try:
                names = sorted(os.listdir(given), key=lambda n: (n.casefold(), n))
            except OSError as exc:
                raise InputError(f"Folder {given} tidak dapat dibuka ({os_reason(exc)}).") from None
            for name in names:
                path = given / name
                if not name.lower().endswith(".xlsx") or name.startswith("."):
                    continue
                if name.startswith("~$"):
                    found.skipped.append((path, "berkas kunci Excel (~$)"))
                    continue
                if not path.is_file():
                    continue
                if is_lkip_output(path):
                    found.skipped.append((path, "keluaran lkip-xl (fill atau rekap)"))
                    continue
                found.files.append(path)
        else:
            found.files.append(given)
    unique: list[Path] = []
    seen: set = set()
    for path in found.files:
        try:
            st = os.stat(path)
            ident: tuple = (st.st_dev, st.st_ino)  # hard links and case-insensitive folders too
        except OSError:
            ident = ("path", os.path.realpath(path))
        if ident not in seen:
            seen.add(ident)
            unique.append(path)
    found.files = unique
    return found


def fill_name(path: Path) -> str:
    """The name `fill` gives the workbook of `path` by default."""
    return f"{path.stem}_lkip.xlsx"


# ----------------------------------------------------------------------------- one file


def _one_line(message: str) -> str:
    return " ".join(message.split())


def regular_input_problem(path: Path) -> str | None:
    """What `check` says (cli._require_regular_input) about a path that is not a regular file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return f"Berkas {path} tidak ditemukan."
    except OSError as exc:
        return f"Berkas {path} tidak dapat dibuka ({os_reason(exc)})."
    if stat.S_ISDIR(mode):
        return f"{path} adalah folder, bukan berkas .xlsx."
    if not stat.S_ISREG(mode):
        return f"Berkas {path} adalah {file_kind(mode)}, bukan berkas biasa, jadi tidak dibaca sebagai workbook."
    return None


def _unexpected_sentence(exc: Exception, path: Path, doing: str) -> str:
    """The sentence of cli._unexpected for an exception nobody expected."""
    cause = os_error_in(exc)
    if cause is not None:
        return f"Berkas {path} tidak dapat {doing} ({os_reason(cause)})."
    return (f"Berkas {path.name} tidak dapat {doing} ({type(exc).__name__}: {exc}); "
            "laporkan berkas input ini ke pengembang lkip-xl.")


def check_one(path: str, fill_temp: str | None = None) -> dict[str, Any]:
    """Read and check one file exactly as `check` does; write its `fill` workbook to `fill_temp` if given.

    Returns {"status", "pesan", "report" (§8 dict or None), "fill_error"}: small and picklable."""
    from lkip_xl.api import analyse
    from lkip_xl.report import build_report

    p = Path(path)
    problem = regular_input_problem(p)
    if problem is not None:
        return {"status": TIDAK_TERBACA, "pesan": _one_line(problem), "report": None, "fill_error": None}
    try:
        result = analyse(path)
    except InputError as err:
        return {"status": TIDAK_TERBACA, "pesan": _one_line(str(err)), "report": None, "fill_error": None}
    except Exception as exc:  # a bug must not stop the rekap: the file is listed with the sentence check prints
        if os.environ.get("LKIP_XL_DEBUG"):
            raise
        return {"status": TIDAK_TERBACA, "pesan": _one_line(_unexpected_sentence(exc, p, "dibaca")),
                "report": None, "fill_error": None}
    report = build_report(result)
    fill_error = None
    if fill_temp is not None:
        from lkip_xl.writer import write_workbook

        try:
            write_workbook(result, fill_temp)  # the same writer as `fill`
            fd = os.open(fill_temp, os.O_RDWR)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        except Exception as exc:
            if os.environ.get("LKIP_XL_DEBUG"):
                raise
            fill_error = _one_line(_unexpected_sentence(exc, Path(fill_temp), "ditulis"))
    return {"status": TERBACA, "pesan": None, "report": report, "fill_error": fill_error}


def _quiet_worker() -> None:
    # Ctrl+C reaches the whole process group: the parent stops the pool, workers must not print tracebacks.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)


def check_all(files: list[Path], fill_temps: list[str | None], jobs: int,
              progress: Callable[[int, int, Path], None] | None = None) -> list[dict[str, Any]]:
    """`check_one` for every file, on `jobs` processes; results in the order of `files`."""
    n = len(files)
    results: list[dict[str, Any] | None] = [None] * n
    if jobs <= 1 or n <= 1:
        for i, path in enumerate(files):
            results[i] = check_one(str(path), fill_temps[i])
            if progress:
                progress(i + 1, n, path)
        return results  # type: ignore[return-value]
    import concurrent.futures as cf
    import multiprocessing

    # Forked workers inherit the modules already imported: import them once, here.
    import lkip_xl.api  # noqa: F401
    import lkip_xl.checks  # noqa: F401
    import lkip_xl.reader  # noqa: F401
    import lkip_xl.report  # noqa: F401
    import lkip_xl.rules.compute  # noqa: F401
    if any(fill_temps):
        import lkip_xl.writer  # noqa: F401
        import xlsxwriter  # noqa: F401

    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods and sys.platform != "darwin" else None)
    with cf.ProcessPoolExecutor(max_workers=min(jobs, n), mp_context=context, initializer=_quiet_worker) as pool:
        futures = {pool.submit(check_one, str(path), fill_temps[i]): i for i, path in enumerate(files)}
        try:
            for done, future in enumerate(cf.as_completed(futures), start=1):
                i = futures[future]
                results[i] = future.result()
                if progress:
                    progress(done, n, files[i])
        except BaseException:
            for future in futures:
                future.cancel()
            raise
    return results  # type: ignore[return-value]


def analyse_paths(paths: Iterable[Path], jobs: int | None = None) -> Rekap:
    """Collect, check and gather, with no output written (the library's entry point)."""
    found = collect_inputs(paths)
    results = check_all(found.files, [None] * len(found.files), jobs or os.cpu_count() or 1)
    return build_rekap(found.files, results)


# ----------------------------------------------------------------------------- the command


def _line_width() -> int:
    import shutil

    return max(20, min(100, shutil.get_terminal_size((80, 24)).columns - 1))  # a wrapped line breaks \r


def _progress_line(done: int, total: int, path: Path) -> None:
    width = _line_width()
    sys.stderr.write("\r" + for_terminal(f"[{done}/{total}] {path.name}")[:width].ljust(width))
    sys.stderr.flush()


def _part_file(folder: Path, name: str) -> str:
    """A new hidden file in `folder` that a worker writes a fill workbook into."""
    for _ in range(100):
        part = folder / f".{name[:60]}.{os.urandom(4).hex()}.part"
        try:
            os.close(os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return str(part)
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def run_rekap(inputs: list[Path], *, output: Path | None, force: bool, json_path: Path | None,
              fill_dir: Path | None, jobs: int, progress: bool) -> tuple[int, str, Path]:
    """The `rekap` command: returns (exit code, summary for stdout, rekap path).

    Raises InputError when nothing can be read and OutputError when an output cannot be written; the
    outputs (rekap, JSON, every fill workbook) appear together, whole, or not at all."""
    import json

    from lkip_xl.errors import OutputError
    from lkip_xl.output import Outputs

    found = collect_inputs(inputs)
    if progress:
        for path, why in found.skipped:
            sys.stderr.write(for_terminal(f"Dilewati: {path.name} ({why}).") + "\n")
    if not found.files:
        where = ", ".join(str(p) for p in inputs)
        raise InputError(f"Tidak ada berkas .xlsx untuk direkap di {where}.")
    files = found.files
    target = Path(output) if output is not None else Path(DEFAULT_OUTPUT)
    if target.is_dir():
        target = target / DEFAULT_OUTPUT
    if fill_dir is not None:
        fill_dir = Path(fill_dir)
        if not fill_dir.exists() and fill_dir.parent.is_dir():
            try:
                fill_dir.mkdir()
            except OSError as exc:
                raise OutputError(f"Folder {fill_dir} tidak dapat dibuat ({os_reason(exc)}).") from None
    fill_targets = [fill_dir / fill_name(p) for p in files] if fill_dir is not None else []
    extra = [json_path] if json_path is not None else []
    # Every output path is refused now, if it must be, before any input is read.
    Outputs([target, *extra, *fill_targets], inputs=files, force=force)
    parts: list[str | None] = [None] * len(files)
    try:
        if fill_dir is not None:
            try:
                parts = [_part_file(fill_dir, t.name) for t in fill_targets]
            except OSError as exc:
                raise OutputError(f"Workbook LKIP tidak dapat dibuat di folder {fill_dir} "
                                  f"({os_reason(exc)}).") from None
        results = check_all(files, parts, jobs, _progress_line if progress else None)
        if progress:
            sys.stderr.write("\r" + " " * _line_width() + "\r")
        rekap = build_rekap(files, results)
        if not rekap.readable:
            first = rekap.entries[0]
            if len(files) == 1:
                raise InputError(first.pesan or f"Berkas {first.berkas} tidak dapat dibaca.")
            raise InputError(f"Tidak satu pun dari {len(files)} berkas dapat dibaca; "
                             f"yang pertama, {first.path.name}: {first.pesan}")
        for e, r in zip(rekap.entries, results):
            if r["fill_error"]:
                raise OutputError(f"{r['fill_error']} Tidak ada berkas keluaran yang dibuat.")
        if fill_dir is not None:
            for e, t in zip(rekap.entries, fill_targets):
                if e.status == TERBACA:
                    e.fill = t
        written = [e for e in rekap.entries if e.fill is not None]
        from lkip_xl.writer.rekap import write_rekap

        with Outputs([target, *extra, *(e.fill for e in written)], inputs=files, force=force) as out:
            out.write(target, lambda tmp: write_rekap(rekap, tmp, link_base=target.parent))
            if json_path is not None:
                text = json.dumps(rekap_json(rekap), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
                out.write(json_path, lambda tmp: Path(tmp).write_text(text, encoding="utf-8"))
            for e in written:
                part = parts[e.no - 1]
                out.write(e.fill, lambda tmp, part=part: os.replace(part, tmp))
            out.commit()
    finally:
        for part in parts:
            if part is not None:
                try:
                    os.unlink(part)
                except OSError:
                    pass
    return rekap.exit_code(), summary(rekap, target, fill_dir), target


def summary(rekap: Rekap, target: Path, fill_dir: Path | None) -> str:
    """What stdout says after a rekap."""
    from lkip_xl.textfmt import persen, rupiah

    tahun = f" {rekap.tahun}" if rekap.tahun else ""
    lines = [f"Rekap LKIP{tahun}: {len(rekap.entries)} berkas, {len(rekap.readable)} terbaca, "
             f"{len(rekap.unreadable)} tidak terbaca."]
    if rekap.unreadable:
        lines.append("Tidak terbaca:")
        lines.extend(f"  {e.berkas}: {e.pesan}" for e in rekap.unreadable)
    t = rekap.total
    lines.append(f"Total pagu {rupiah(t['pagu'])}, realisasi {rupiah(t['realisasi'])}, "
                 f"serapan {persen(t['serapan'], keep_zeros=True)}.")
    counts = Counter(x["tingkat"] for x in rekap.temuan)
    lines.append(f"Temuan: {counts.get('kesalahan', 0)} kesalahan, {counts.get('peringatan', 0)} peringatan, "
                 f"{counts.get('info', 0)} info (lihat lembar Temuan).")
    if fill_dir is not None:
        lines.append(f"Workbook LKIP setiap perangkat daerah ditulis ke folder {fill_dir}.")
    lines.append(f"Workbook rekap ditulis ke {target}.")
    return "\n".join(lines) + "\n"
