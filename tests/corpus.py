"""The reader against openpyxl (and python-calamine where they disagree) over the public .xlsx corpus,
and the CLI on every file of it.

The corpus is ../shared/corpus/xlsx/ beside the repository (CI clones the repository next to a copy
of shared/), or the folder named by LKIP_CORPUS. Each file is read

* by lkip_xl.reader.xlsx.XlsxFile, every worksheet (an InputError is a refusal with its sentence);
* by openpyxl (data_only=True, normal mode): values, number formats, merged ranges, hidden rows and
  columns, normalised as tests/test_xlsx_reader.py's `oracle` does;
* by python-calamine (values only), asked only about the cells where the first two disagree: the side
  it agrees with names the difference's class.

Every difference is a Finding (file, sheet, class, cells); tests/corpus_accepted.tsv lists the
accepted ones with their reason, and tests/test_corpus.py fails on any other and on any listed one
that no longer occurs. Classes:

  value:<verdict>[:<kind>]  the cell's values differ (a cell empty on one side included); verdict:
      openpyxl-wrong      calamine reads what the reader reads
      reader-wrong        calamine reads what openpyxl reads (a mechanical name: the table's reason
                          says whether it is the reader's bug)
      both-differ         calamine agrees with neither
      unresolved          calamine cannot read the sheet
      vs-calamine         openpyxl has no worksheet to compare (it failed, or does not list the sheet):
                          the reader and calamine differ
    kind, when one applies: merged (openpyxl empties a cell a merged range covers), error (#DIV/0!
    and the like; calamine gives them as ''), duration (a timedelta on one side), time (a
    datetime.time on one side), whitespace (texts equal but for leading/trailing space), escape
    (texts differ and one holds _xHHHH_)
  value:long-text-cut     the reader cut a text longer than Excel's 32,767 characters (by design)
  format[:case]           number formats differ on a cell that holds a value for both ('' is General);
                          case: only in upper/lower case
  merge                   merged ranges differ (openpyxl's clipped to the reader's data extent first)
  hidden_rows, hidden_cols[:wide-range]  hidden rows / columns differ (count: rows or columns);
                          wide-range: only columns of a hidden <col> range 1,000+ wide
  sheet-list              a sheet one of them lists and the other does not
  refused:<why>           the reader refuses the file (sheet "*"; cells: what openpyxl reads of it) or
                          a sheet with an InputError; <why> is a short name of its sentence
  refused-together:<why>  every sheet alone is read, all sheets together are refused (a total limit)
  reader-crash:<error>    the reader raised something other than InputError (always a bug)
  openpyxl-error:<error>  openpyxl cannot load the file, or is not asked (skipped-merge-area): the
                          reader's values are checked against calamine's alone
  <phase>-timeout, <phase>-crash  a phase ran past its time or killed its worker

Run it alone: PYTHONPATH=. python tests/corpus.py [--jobs 2] [--summary] [--write-table] [--cli]
"""
from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import io
import json
import multiprocessing
import os
import re
import resource
import signal
import sys
import tempfile
import time
import traceback
import warnings
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import wait as wait_any
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_ROOT = REPO.parent / "shared" / "corpus" / "xlsx"
TABLE = HERE / "corpus_accepted.tsv"
SUFFIXES = (".xlsx", ".xlsm")

# Per file, in a comparison worker: each phase's own time, then a hard stop for the whole file.
PHASE_SECONDS = {"reader": 60, "openpyxl": 120, "calamine": 60}
# openpyxl makes an object for every cell a merged range covers (one range over a million rows takes it
# minutes: 1M covered cells, 2 min); past this many in a file it is not asked, calamine alone is.
OPENPYXL_MERGED_CELLS = 500_000
FILE_SECONDS = 300
WORKER_MEMORY = 3 << 30  # address space of a comparison worker (openpyxl on a merge bomb needs many GB)
WORKER_FILES = 100  # a worker is replaced after this many files (openpyxl leaves garbage behind)
# The CLI: what the issue asks of every file.
CLI_SECONDS = 30
CLI_MEMORY = 1 << 30
CLI_CODES = (0, 1, 3)
EXAMPLES = 4


def corpus_root() -> Path:
    env = os.environ.get("LKIP_CORPUS")
    return Path(env).expanduser().resolve() if env else DEFAULT_ROOT


def corpus_files(root: Path) -> list[str]:
    """Every workbook under `root`, as sorted paths relative to it."""
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*")
                  if p.suffix.lower() in SUFFIXES and p.is_file())


# ------------------------------------------------------------------------------------------- findings


@dataclass(frozen=True)
class Finding:
    file: str
    sheet: str
    cls: str
    cells: int
    examples: tuple[str, ...] = field(default=(), compare=False)

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.sheet, self.cls)


def cell_name(r: int, c: int) -> str:
    letters = ""
    while c > 0:
        c, rem = divmod(c - 1, 26)
        letters = chr(65 + rem) + letters
    return f"{letters}{r}"


def short(v: object, room: int = 60) -> str:
    text = repr(v)
    return text if len(text) <= room else text[:room - 12] + f"...<{len(text)} chars>"


class Collector:
    """Findings of one file, merged per (sheet, class)."""

    def __init__(self, rel: str):
        self.rel = rel
        self.counts: dict[tuple[str, str], int] = {}
        self.examples: dict[tuple[str, str], list[str]] = {}

    def add(self, sheet: str, cls: str, cells: int = 1, example: str | None = None) -> None:
        key = (sheet, cls)
        self.counts[key] = self.counts.get(key, 0) + cells
        shown = self.examples.setdefault(key, [])
        if example is not None and len(shown) < EXAMPLES:
            shown.append(example)

    def findings(self) -> list[Finding]:
        return [Finding(self.rel, s, c, n, tuple(self.examples[(s, c)])) for (s, c), n in sorted(self.counts.items())]


# ----------------------------------------------------------------------------------- normalisation


def norm(v: object):
    """A value as a comparable (kind, value), or None for an empty cell.

    Numbers compare with == (int 5 and float 5.0 are the same value); a date is a datetime at
    midnight; a bool is its own kind (True is not 1); whitespace-only text is empty, as in the
    reader; errors (#DIV/0!) are text in every library."""
    if v is None:
        return None
    if isinstance(v, bool):
        return ("bool", v)
    if isinstance(v, (int, float)):
        return ("num", v)
    if isinstance(v, str):
        return ("text", v) if v.strip() else None
    if isinstance(v, dt.datetime):
        return ("datetime", v.replace(tzinfo=None))
    if isinstance(v, dt.date):
        return ("datetime", dt.datetime(v.year, v.month, v.day))
    if isinstance(v, dt.time):
        return ("time", v)
    if isinstance(v, dt.timedelta):
        return ("duration", v)
    return ("other", repr(v))


def same(a: object, b: object) -> bool:
    na, nb = norm(a), norm(b)
    if na is None or nb is None:
        return na is nb
    return na[0] == nb[0] and na[1] == nb[1]


def clip_merges(merges, values) -> set[tuple[int, int, int, int]]:
    """Merged ranges cut to the extent of `values` as lkip_xl.reader.xlsx clips its own: a range that
    starts past the last row or column holding data goes, the rest is cut there; single cells go."""
    if not merges:
        return set()
    max_r = max((r for r, _ in values), default=0)
    max_c = max((c for _, c in values), default=0)
    out = set()
    for r0, c0, r1, c1 in merges:
        if r0 > max_r or c0 > max_c:
            continue
        rng = (r0, c0, min(r1, max_r), min(c1, max_c))
        if rng[0] == rng[2] and rng[1] == rng[3]:
            continue
        out.add(rng)
    return out


# ------------------------------------------------------------------------------------------ readers


class PhaseTimeout(BaseException):  # past any `except Exception` inside a library
    pass


class _Phase:
    """Marks the phase a worker is in (for the parent, should it have to kill it) and bounds its time."""

    def __init__(self, name: str, report):
        self.name, self.report = name, report

    def __enter__(self):
        self.report(self.name)
        signal.signal(signal.SIGALRM, self._ring)
        signal.setitimer(signal.ITIMER_REAL, PHASE_SECONDS[self.name])
        return self

    def _ring(self, *_):
        raise PhaseTimeout(self.name)

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        return False


REFUSALS = [  # (pattern in the reader's sentence, short reason)
    (r"bom dekompresi", "decompression-bomb"),
    (r"bom entitas|deklarasi DTD", "xml-dtd"),
    (r"rusak atau terpotong", "not-a-zip"),
    (r"yang lengkap \(bagian", "missing-part"),
    (r"tidak ada xl/workbook\.xml", "no-workbook"),
    (r"XML yang rusak", "bad-xml"),
    (r"bukan UTF-8", "not-utf8"),
    (r"sel gabungan yang mencakup", "merged-area-limit"),
    (r"sel gabungan", "merge-count-limit"),
    (r"juta karakter", "text-limit"),
    (r"lebih besar daripada yang tercatat", "size-mismatch"),
    (r"mengembang menjadi lebih dari", "read-size-limit"),
    (r"lebih dari [\d.,]+ sel\b", "cell-limit"),
]


def refusal(sentence: str) -> str:
    for pattern, name in REFUSALS:
        if re.search(pattern, sentence):
            return name
    return "other"


def read_ours(path: Path, out: Collector):
    """(sheet names, {name: Grid}, {name: refusal sentence}); None for the names when the file is refused."""
    from lkip_xl.errors import InputError
    from lkip_xl.reader.xlsx import XlsxFile

    try:
        book = XlsxFile(str(path), path.name)
    except InputError as exc:
        out.add("*", f"refused:{refusal(str(exc))}", 1, str(exc))
        return None, {}, {}
    try:
        names = [s.name for s in book.sheets]
        try:
            return names, {g.name: g for g in book.read_sheets(book.sheets)}, {}
        except InputError as exc:
            together = str(exc)
    finally:
        book.close()
    # One sheet at a time: which sheet is refused, and the others still compared.
    grids, refused = {}, {}
    for i, name in enumerate(names):
        book = XlsxFile(str(path), path.name)
        try:
            grids[name] = book.read_sheets([book.sheets[i]])[0]
        except InputError as exc:
            refused[name] = str(exc)
        finally:
            book.close()
    if not refused:
        out.add("*", f"refused-together:{refusal(together)}", 1, together)
    return names, grids, refused


class OpenpyxlSkipped(Exception):
    pass


_MERGE_REF = re.compile(rb'<(?:[A-Za-z_][-\w.]*:)?mergeCell\b[^>]*?\bref="\$?([A-Za-z]{1,3})\$?(\d+)'
                        rb'(?::\$?([A-Za-z]{1,3})\$?(\d+))?"')


def merged_area(path: Path) -> int:
    """Cells covered by the merged ranges of every worksheet part, counted without openpyxl."""
    import zipfile

    def col(letters: bytes) -> int:
        n = 0
        for ch in letters.upper():
            n = n * 26 + ch - 64
        return n

    total = 0
    try:
        with zipfile.ZipFile(path) as z:
            for info in z.infolist():
                if "worksheets/" not in info.filename.replace("\\", "/") or info.file_size > 64 << 20:
                    continue
                for a, r0, b, r1 in _MERGE_REF.findall(z.read(info)):
                    if b:
                        total += (abs(int(r1) - int(r0)) + 1) * (abs(col(b) - col(a)) + 1)
    except Exception:  # noqa: BLE001 - a broken zip is openpyxl's to fail on
        return 0
    return total


def read_openpyxl(path: Path) -> tuple[list[str], dict[str, dict]]:
    """Sheet names and, per worksheet, what tests/test_xlsx_reader.py's oracle takes from openpyxl."""
    import openpyxl
    from openpyxl.worksheet.worksheet import Worksheet

    with contextlib.redirect_stdout(io.StringIO()):  # it prints "0 is out of range" for a bad style index
        wb = openpyxl.load_workbook(path, data_only=True)
    try:
        out = {}
        for ws in wb.worksheets:
            if not isinstance(ws, Worksheet):
                continue
            values, formats = {}, {}
            # ws._cells rather than iter_rows: a lone cell at XFD1048576 must not cost the whole rectangle.
            for (r, c), cell in getattr(ws, "_cells", {}).items():
                v = cell.value
                if v is None or (isinstance(v, str) and not v.strip()):
                    continue
                values[(r, c)] = v
                if cell.number_format != "General":
                    formats[(r, c)] = cell.number_format
            merges = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
            col_ranges = [(d.min, d.max) for _, d in ws.column_dimensions.items() if d.hidden and d.min and d.max]
            hidden_cols = {c for lo, hi in col_ranges for c in range(lo, hi + 1)}
            hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
            out[ws.title] = {"values": values, "formats": formats, "merges": merges,
                             "hidden_cols": hidden_cols, "hidden_rows": hidden_rows, "hidden_col_ranges": col_ranges}
        return list(wb.sheetnames), out
    finally:
        wb.close()


class Calamine:
    """python-calamine's values of one file, opened at the first question."""

    def __init__(self, path: Path, phase):
        self.path, self.phase = path, phase
        self.book = None
        self.failed: str | None = None
        self.sheets: dict[str, list[list] | None] = {}

    def sheet(self, name: str):
        if name in self.sheets:
            return self.sheets[name]
        rows = None
        with self.phase("calamine"):
            try:
                if self.book is None and self.failed is None:
                    from python_calamine import CalamineWorkbook
                    self.book = CalamineWorkbook.from_path(str(self.path))
                if self.book is not None:
                    rows = self.book.get_sheet_by_name(name).to_python(skip_empty_area=False)
            except PhaseTimeout:
                self.failed = "timeout"
            except Exception as exc:  # noqa: BLE001 - any failure only leaves the difference unresolved
                self.failed = self.failed or type(exc).__name__
        self.sheets[name] = rows
        return rows

    @staticmethod
    def at(rows, r: int, c: int):
        if r - 1 < len(rows) and c - 1 < len(rows[r - 1]):
            return rows[r - 1][c - 1]
        return None


# --------------------------------------------------------------------------------------- comparison


def compare_file(path: Path, rel: str, report=lambda phase: None) -> list[Finding]:
    out = Collector(rel)

    def phase(name):
        return _Phase(name, report)

    try:
        with phase("reader"):
            names, grids, refused = read_ours(path, out)
    except PhaseTimeout:
        out.add("*", "reader-timeout")
        return out.findings()
    except Exception as exc:  # noqa: BLE001 - anything but InputError is the reader's bug
        out.add("*", f"reader-crash:{type(exc).__name__}", 1, traceback.format_exc(limit=-3).strip()[-300:])
        return out.findings()

    opx_error = None
    try:
        if merged_area(path) > OPENPYXL_MERGED_CELLS:
            raise OpenpyxlSkipped
        with phase("openpyxl"), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            opx_names, opx = read_openpyxl(path)
    except OpenpyxlSkipped:
        opx_error = "skipped-merge-area"
    except PhaseTimeout:
        opx_error = "timeout"
    except Exception as exc:  # noqa: BLE001 - openpyxl's failures are recorded, not raised
        opx_error = type(exc).__name__
    calamine = Calamine(path, phase)

    if names is None:  # the reader refused the whole file: the cells it gives up, as openpyxl reads them
        lost = 0 if opx_error else sum(len(sheet["values"]) for sheet in opx.values())
        (key,) = out.counts
        out.counts[key] = max(1, lost)
        out.examples[key].append(f"openpyxl: {opx_error or f'{lost} cells'}")
        return out.findings()
    if opx_error is not None:
        out.add("*", f"openpyxl-error:{opx_error}")
        for name, grid in grids.items():
            compare_calamine(name, grid, calamine, out)
        for name, sentence in refused.items():
            out.add(name, f"refused:{refusal(sentence)}", 1, sentence)
        return out.findings()

    for name in names:
        if name not in opx_names:
            out.add(name, "sheet-list", 1, "listed by the reader, not by openpyxl")
    for name in opx_names:
        if name not in names:
            out.add(name, "sheet-list", max(1, len(opx.get(name, {}).get("values", ()))),
                    "listed by openpyxl, not by the reader")
    for name, sentence in refused.items():
        out.add(name, f"refused:{refusal(sentence)}", max(1, len(opx.get(name, {}).get("values", ()))), sentence)
    for name, grid in grids.items():
        want = opx.get(name)
        if want is None:  # not listed by openpyxl, or not as a worksheet: calamine alone
            compare_calamine(name, grid, calamine, out)
            continue
        compare_sheet(name, grid, want, calamine, out)
    return out.findings()


ERRORS = {"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A", "#GETTING_DATA", "#SPILL!",
          "#CALC!", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!", "#UNKNOWN!"}
WIDE_COLUMNS = 1000  # lkip_xl.reader.xlsx keeps no hidden <col> range this wide (the rest of the sheet)


def nature(a: object, b: object, key=None, merges=()) -> str:
    """What sort of value difference it is, for the class name: '' when nothing more specific."""
    if b is None and a is not None and key is not None and any(
            r0 <= key[0] <= r1 and c0 <= key[1] <= c1 and key != (r0, c0) for r0, c0, r1, c1 in merges):
        return "merged"  # openpyxl empties every cell a merged range covers but its first
    if a in ERRORS or b in ERRORS:
        return "error"
    if isinstance(a, dt.timedelta) or isinstance(b, dt.timedelta):
        return "duration"
    if isinstance(a, dt.time) or isinstance(b, dt.time):
        return "time"
    if isinstance(a, str) and isinstance(b, str):
        if a.strip() == b.strip():
            return "whitespace"
        if "_x" in a or "_x" in b:
            return "escape"
    return ""


def _cls(base: str, kind: str) -> str:
    return f"{base}:{kind}" if kind else base


def compare_sheet(name: str, grid, want: dict, calamine: Calamine, out: Collector) -> None:
    ours, theirs = grid.values, want["values"]
    long_texts = set(grid.long_texts)
    for key in sorted(ours.keys() | theirs.keys()):
        a, b = ours.get(key), theirs.get(key)
        if same(a, b):
            continue
        r, c = key
        if key in long_texts and isinstance(a, str) and isinstance(b, str) and b.startswith(a):
            out.add(name, "value:long-text-cut", 1, f"{cell_name(r, c)}: cut to {len(a)} of {len(b)} characters")
            continue
        rows = calamine.sheet(name)
        if rows is None:
            verdict, cal = "unresolved", f"<calamine: {calamine.failed}>"
        else:
            cal = Calamine.at(rows, r, c)
            with_ours, with_theirs = same(cal, a), same(cal, b)
            verdict = ("both-differ" if with_ours == with_theirs
                       else "openpyxl-wrong" if with_ours else "reader-wrong")
        kind = nature(a, b, key, want["merges"])
        out.add(name, _cls(f"value:{verdict}", kind), 1,
                f"{cell_name(r, c)}: reader={short(a)} openpyxl={short(b)} calamine={short(cal)}")
    fmts = want["formats"]
    for key in sorted(ours.keys() & theirs.keys()):
        a, b = grid.formats.get(key) or None, fmts.get(key) or None  # '' is General too
        if a != b:
            kind = "case" if a and b and a.lower() == b.lower() else ""
            out.add(name, _cls("format", kind), 1, f"{cell_name(*key)}: reader={a!r} openpyxl={b!r}")
    theirs_merges = clip_merges(want["merges"], ours)
    ours_merges = set(grid.merges)
    for rng in sorted(ours_merges ^ theirs_merges):
        side = "reader only" if rng in ours_merges else "openpyxl only"
        out.add(name, "merge", 1, f"{cell_name(*rng[:2])}:{cell_name(*rng[2:])} {side}")
    for attr in ("hidden_rows", "hidden_cols"):
        a, b = set(getattr(grid, attr)), want[attr]
        if a != b:
            only_a, only_b = sorted(a - b), sorted(b - a)
            kind = ""
            if attr == "hidden_cols" and not only_a:
                wide = {c for lo, hi in want["hidden_col_ranges"] if hi - lo + 1 >= WIDE_COLUMNS
                        for c in range(lo, hi + 1)}
                kind = "wide-range" if set(only_b) <= wide else ""
            out.add(name, _cls(attr, kind), len(only_a) + len(only_b),
                    f"reader only {span(only_a)}; openpyxl only {span(only_b)}")


def compare_calamine(name: str, grid, calamine: Calamine, out: Collector) -> None:
    """openpyxl has no worksheet to compare with: the reader's values against calamine's alone."""
    rows = calamine.sheet(name)
    if rows is None:
        if grid.values:
            out.add(name, "value:unresolved", len(grid.values), f"<calamine: {calamine.failed}>")
        return
    theirs = {(i + 1, j + 1): v for i, row in enumerate(rows) for j, v in enumerate(row) if norm(v) is not None}
    for key in sorted(grid.values.keys() | theirs.keys()):
        a, b = grid.values.get(key), theirs.get(key)
        if not same(a, b):
            out.add(name, _cls("value:vs-calamine", nature(a, b)), 1,
                    f"{cell_name(*key)}: reader={short(a)} calamine={short(b)}")


def span(numbers: list[int]) -> str:
    if not numbers:
        return "-"
    if len(numbers) <= 4:
        return ",".join(map(str, numbers))
    return f"{numbers[0]}..{numbers[-1]} ({len(numbers)})"


# -------------------------------------------------------------------------------------------- pool


def _worker(conn, root: str) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (WORKER_MEMORY, WORKER_MEMORY))
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides
    warnings.simplefilter("ignore")  # pytest's -W error is inherited; the libraries' warnings are not findings
    while True:
        rel = conn.recv()
        if rel is None:
            return
        try:
            result = compare_file(Path(root) / rel, rel, lambda phase: conn.send(("phase", phase)))
        except BaseException as exc:  # noqa: BLE001 - a harness failure is a finding, not a dead worker
            result = [Finding(rel, "*", f"harness-error:{type(exc).__name__}", 1,
                              (traceback.format_exc(limit=-3)[-300:],))]
        conn.send(("done", result))


class _Slot:
    def __init__(self, ctx, root: Path):
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker, args=(child, str(root)), daemon=True)
        self.proc.start()
        child.close()
        self.rel: str | None = None
        self.phase = "start"
        self.started = 0.0
        self.files = 0

    def give(self, rel: str) -> None:
        self.rel, self.phase, self.started = rel, "start", time.monotonic()
        self.files += 1
        self.conn.send(rel)

    def stop(self, kill: bool = False) -> None:
        if kill:
            self.proc.kill()
        else:
            try:
                self.conn.send(None)
            except OSError:
                pass
        self.proc.join(10)
        if self.proc.is_alive():
            self.proc.kill()
            self.proc.join()
        self.conn.close()


def compare_corpus(root: Path, files: list[str] | None = None, jobs: int = 2,
                   progress=None) -> tuple[list[Finding], dict[str, float]]:
    """Every file compared in `jobs` worker processes: (findings, seconds per file)."""
    files = corpus_files(root) if files is None else files
    ctx = multiprocessing.get_context("fork")
    todo = list(reversed(files))
    findings: list[Finding] = []
    seconds: dict[str, float] = {}
    slots = [_Slot(ctx, root) for _ in range(max(1, min(jobs, len(files))))]
    try:
        while todo or any(s.rel for s in slots):
            for i, slot in enumerate(slots):
                if slot.rel is None and todo:
                    if slot.files >= WORKER_FILES:
                        slot.stop()
                        slot = slots[i] = _Slot(ctx, root)
                    slot.give(todo.pop())
            busy = [s for s in slots if s.rel]
            now = time.monotonic()
            timeout = max(0.0, min(s.started + FILE_SECONDS - now for s in busy))
            ready = wait_any([s.conn for s in busy], timeout)
            for i, slot in enumerate(slots):
                if slot.rel is None:
                    continue
                result, dead = None, False
                if slot.conn in ready:
                    try:
                        kind, payload = slot.conn.recv()
                    except (EOFError, OSError):
                        slot.proc.join(5)
                        result, dead = [Finding(slot.rel, "*", f"{slot.phase}-crash", 1,
                                                (f"worker exit code {slot.proc.exitcode}",))], True
                    else:
                        if kind == "phase":
                            slot.phase = payload
                            continue
                        result = payload
                elif time.monotonic() - slot.started > FILE_SECONDS:
                    result, dead = [Finding(slot.rel, "*", f"{slot.phase}-timeout", 1,
                                            (f"over {FILE_SECONDS} s",))], True
                if result is None:
                    continue
                findings.extend(result)
                seconds[slot.rel] = time.monotonic() - slot.started
                if progress:
                    progress(slot.rel, result)
                if dead:
                    slot.stop(kill=True)
                    slots[i] = _Slot(ctx, root)
                else:
                    slot.rel = None
    finally:
        for slot in slots:
            slot.stop(kill=slot.rel is not None)
    findings.sort(key=lambda f: f.key)
    return findings, seconds


# ------------------------------------------------------------------------------------------- table


HEADER = ("file", "sheet", "class", "cells", "reason")


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", lambda m: {"t": "\t", "n": "\n", "r": "\r"}.get(m.group(1), m.group(1)), text)


@dataclass(frozen=True)
class Accepted:
    file: str
    sheet: str
    cls: str
    cells: int
    reason: str

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.sheet, self.cls)


def load_table(path: Path = TABLE) -> dict[tuple[str, str, str], Accepted]:
    table: dict[tuple[str, str, str], Accepted] = {}
    if not path.exists():
        return table
    for n, line in enumerate(path.read_text("utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if tuple(parts) == HEADER:
            continue
        if len(parts) != 5:
            raise ValueError(f"{path.name}:{n}: expected 5 tab-separated columns, got {len(parts)}")
        file, sheet, cls, cells, reason = (_unescape(p) for p in parts)
        row = Accepted(file, sheet, cls, int(cells), reason)
        if row.key in table:
            raise ValueError(f"{path.name}:{n}: {row.key} listed twice")
        table[row.key] = row
    return table


TABLE_INTRO = """\
# Accepted differences of lkip_xl/reader/xlsx/ from openpyxl (python-calamine deciding) over
# shared/corpus/xlsx, checked by tests/test_corpus.py: a difference not listed here fails the test,
# and so does a line that no longer occurs. One line per (file, sheet, class); cells is how many
# cells (rows, columns, ranges) differ. A reason starting with "BUG:" is the reader's own mistake:
# fix the reader and delete the line. Classes: see tests/corpus.py. Rewrite with
# `PYTHONPATH=. python tests/corpus.py --write-table` (keeps the reasons of lines that stay).
"""


def write_table(findings: list[Finding], path: Path = TABLE) -> None:
    old = load_table(path)
    lines = [TABLE_INTRO.rstrip("\n"), "\t".join(HEADER)]
    for f in sorted(findings, key=lambda f: f.key):
        reason = old[f.key].reason if f.key in old else "TODO"
        lines.append("\t".join(_escape(str(x)) for x in (f.file, f.sheet, f.cls, f.cells, reason)))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def table_changes(findings: list[Finding], table: dict[tuple[str, str, str], Accepted]) -> list[str]:
    """What differs between the run and the table, one readable line each; empty when they agree."""
    found = {f.key: f for f in findings}
    lines = []
    for key in sorted(found.keys() | table.keys()):
        f, a = found.get(key), table.get(key)
        where = f"{key[0]} [{key[1]}] {key[2]}"
        if a is None:
            lines.append(f"NEW      {where}: {f.cells} cell(s); e.g. " + " | ".join(f.examples))
        elif f is None:
            lines.append(f"GONE     {where}: listed with {a.cells} cell(s) ({a.reason}); delete the line")
        elif f.cells != a.cells:
            lines.append(f"CHANGED  {where}: {a.cells} -> {f.cells} cell(s) ({a.reason}); e.g. "
                         + " | ".join(f.examples))
        elif not a.reason.strip() or a.reason.strip() == "TODO":
            lines.append(f"NOREASON {where}: the table gives no reason")
    return lines


# --------------------------------------------------------------------------------------------- CLI


@dataclass
class CliRun:
    file: str
    code: int | None  # None: killed at the time limit
    seconds: float
    max_rss_mb: float
    stdout: str
    stderr: str

    def problems(self) -> list[str]:
        out = []
        if self.code is None:
            out.append(f"ran longer than {CLI_SECONDS} s")
        elif self.code not in CLI_CODES:
            out.append(f"exit code {self.code}")
        if "Traceback" in self.stdout or "Traceback" in self.stderr:
            out.append("traceback: " + self.stderr.strip()[-300:])
        if self.max_rss_mb > CLI_MEMORY / (1 << 20):
            out.append(f"peak memory {self.max_rss_mb:.0f} MB")
        if self.code == 3 and len(self.stderr.strip().splitlines()) != 1:
            out.append(f"exit 3 with {len(self.stderr.strip().splitlines())} lines on stderr, not one sentence")
        if self.code in (0, 1):
            try:
                json.loads(self.stdout)
            except ValueError:
                out.append("exit 0/1 without a JSON report on stdout")
        return out


def _limit_child() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (CLI_MEMORY, CLI_MEMORY))


# How each file's CLI process starts (LKIP_CORPUS_CLI):
#   fork  a process that has imported lkip_xl.cli forks one child per file, which runs lkip_xl's
#         __main__ as `python -m lkip_xl check FILE --json` does (same argv, exit code, streams, and
#         an uncaught exception printed as the interpreter prints it, exit 1); it skips only the
#         ~0.15 s of interpreter start and imports that each file would otherwise pay (and atexit
#         handlers, which `check` does not register).
#   exec  `python -m lkip_xl check FILE --json` itself, a new interpreter per file (3-5 min here).
CLI_MODE = os.environ.get("LKIP_CORPUS_CLI", "fork")


def _forked_cli(path: str, cwd: str, out_fd: int, err_fd: int) -> None:
    """In the child of a fork: `python -m lkip_xl check PATH --json`, then _exit with its code."""
    code = 70
    try:
        _limit_child()
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        devnull = os.open(os.devnull, os.O_RDONLY)
        os.dup2(devnull, 0)
        os.dup2(out_fd, 1)
        os.dup2(err_fd, 2)
        os.chdir(cwd)
        import runpy

        sys.argv = ["lkip_xl", "check", path, "--json"]
        try:
            runpy.run_module("lkip_xl", run_name="__main__", alter_sys=True)
            code = 0
        except SystemExit as stop:  # what the interpreter makes of it
            if stop.code is None:
                code = 0
            elif isinstance(stop.code, int):
                code = stop.code & 0xFF
            else:
                print(stop.code, file=sys.stderr)
                code = 1
        except BaseException:  # noqa: BLE001 - an uncaught exception: the interpreter's traceback, exit 1
            traceback.print_exc()
            code = 1
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except Exception:  # noqa: BLE001 - a closed stream is the CLI's business
                pass
    finally:
        os._exit(code)


def _imported_by_check(path: str) -> list[str]:
    """The modules `check PATH --json` imports beyond what this process has, run in a throwaway child."""
    read, write = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(read)
            before = set(sys.modules)
            null = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(null, fd)
            import runpy

            sys.argv = ["lkip_xl", "check", path, "--json"]
            try:
                runpy.run_module("lkip_xl", run_name="__main__", alter_sys=True)
            except BaseException:  # noqa: BLE001 - only the imports matter here
                pass
            os.write(write, "\n".join(sorted(set(sys.modules) - before)).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as fh:
        names = fh.read().decode().split()
    os.waitpid(pid, 0)
    return [n for n in names if n != "__main__"]


def run_cli_corpus(root: Path, files: list[str] | None = None, jobs: int = 2, mode: str = CLI_MODE,
                   progress=None) -> list[CliRun]:
    """`python -m lkip_xl check FILE --json` on every file, `jobs` at a time, each in its own process
    limited to CLI_MEMORY of address space and killed after CLI_SECONDS. Peak memory comes from
    wait4(); the children are started from this process (keep it small: see cli_main)."""
    import subprocess

    from run_cli import child_env

    files = corpus_files(root) if files is None else files
    env = child_env()
    if mode == "fork":
        import importlib

        # What `python -m lkip_xl` imports at its start, and what `check` imports on its way (once here,
        # not once per file): the modules a first run in a throwaway child imported.
        import lkip_xl.cli  # noqa: F401
        for name in _imported_by_check(str(root / files[0])) if files else ():
            try:
                importlib.import_module(name)
            except Exception:  # noqa: BLE001 - a child imports it again if it needs it
                pass
    elif mode != "exec":
        raise ValueError(f"LKIP_CORPUS_CLI={mode!r}: fork or exec")
    todo = list(reversed(files))
    running: list[tuple[str, int, float, object, object, object]] = []
    results: list[CliRun] = []
    with tempfile.TemporaryDirectory(prefix="lkip-corpus-") as tmp:
        while todo or running:
            while todo and len(running) < jobs:
                rel = todo.pop()
                fo, fe = tempfile.TemporaryFile(dir=tmp), tempfile.TemporaryFile(dir=tmp)
                proc = None
                if mode == "exec":
                    proc = subprocess.Popen([sys.executable, "-m", "lkip_xl", "check", str(root / rel), "--json"],
                                            cwd=tmp, env=env, stdin=subprocess.DEVNULL, stdout=fo, stderr=fe,
                                            preexec_fn=_limit_child)
                    pid = proc.pid
                else:
                    sys.stdout.flush()
                    sys.stderr.flush()
                    pid = os.fork()
                    if pid == 0:
                        _forked_cli(str(root / rel), tmp, fo.fileno(), fe.fileno())
                running.append((rel, pid, time.monotonic(), fo, fe, proc))
            time.sleep(0.002)
            for item in list(running):
                rel, pid, started, fo, fe, proc = item
                done, status, usage = os.wait4(pid, os.WNOHANG)
                elapsed = time.monotonic() - started
                if done == 0:
                    if elapsed <= CLI_SECONDS:
                        continue
                    os.kill(pid, signal.SIGKILL)
                    _, status, usage = os.wait4(pid, 0)
                    code = None
                else:
                    code = os.waitstatus_to_exitcode(status)
                if proc is not None:
                    proc.returncode = -1 if code is None else code  # reaped here, not by Popen
                running.remove(item)
                texts = []
                for fh in (fo, fe):
                    fh.seek(0)
                    texts.append(fh.read().decode("utf-8", "replace"))
                    fh.close()
                run = CliRun(rel, code, elapsed, usage.ru_maxrss / 1024, *texts)
                results.append(run)
                if progress:
                    progress(run)
    results.sort(key=lambda r: r.file)
    return results


def cli_main(argv: list[str]) -> int:
    """`corpus.py --cli-json`: the CLI runs from a small process of their own (a child's peak memory
    counts what it inherits at fork: not pytest's, nor openpyxl's), results as JSON lines on stdout."""
    p = argparse.ArgumentParser()
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--root", type=Path, default=None)
    p.add_argument("--mode", choices=("fork", "exec"), default=CLI_MODE)
    args = p.parse_args(argv)
    root = args.root or corpus_root()
    runs = run_cli_corpus(root, jobs=args.jobs, mode=args.mode)
    for run in runs:
        print(json.dumps(run.__dict__, ensure_ascii=False), flush=True)
    return 0


def run_cli_isolated(root: Path, jobs: int = 2, mode: str = CLI_MODE) -> list[CliRun]:
    """run_cli_corpus in a fresh interpreter that imports neither openpyxl nor pytest."""
    import subprocess

    from run_cli import child_env

    done = subprocess.run([sys.executable, str(Path(__file__)), "--cli-json", "--jobs", str(jobs),
                           "--root", str(root), "--mode", mode], capture_output=True, text=True,
                          encoding="utf-8", env=child_env(), stdin=subprocess.DEVNULL)
    if done.returncode != 0:
        raise RuntimeError(f"corpus.py --cli-json failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return [CliRun(**json.loads(line)) for line in done.stdout.splitlines() if line.strip()]


# -------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--cli-json"]:
        return cli_main(argv[1:])
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--jobs", type=int, default=2)
    p.add_argument("--root", type=Path, default=None, help="corpus folder (default: LKIP_CORPUS or ../shared)")
    p.add_argument("--write-table", action="store_true", help=f"rewrite {TABLE.name} from this run")
    p.add_argument("--summary", action="store_true", help="counts per class, and every finding with examples")
    p.add_argument("--cli", action="store_true", help="also run the CLI on every file")
    p.add_argument("files", nargs="*", help="only these files (relative to the corpus)")
    args = p.parse_args(argv)
    root = args.root or corpus_root()
    if not root.is_dir():
        print(f"no corpus at {root}", file=sys.stderr)
        return 2
    files = args.files or None
    started = time.monotonic()
    findings, seconds = compare_corpus(root, files, jobs=args.jobs)
    took = time.monotonic() - started
    if args.summary:
        for f in findings:
            print(f"{f.file}\t{f.sheet}\t{f.cls}\t{f.cells}")
            for e in f.examples:
                print(f"    {e}")
        print()
        for cls, n in sorted(Counter(f.cls for f in findings).items()):
            print(f"{n:6d} lines {sum(f.cells for f in findings if f.cls == cls):9d} cells  {cls}")
        slow = sorted(seconds.items(), key=lambda kv: -kv[1])[:10]
        print("slowest:", ", ".join(f"{k} {v:.1f}s" for k, v in slow))
    print(f"compared {len(seconds)} files in {took:.0f} s: {len(findings)} differences", file=sys.stderr)
    if args.write_table:
        if files:
            print("--write-table needs the whole corpus", file=sys.stderr)
            return 2
        write_table(findings)
    changes = table_changes(findings, load_table()) if not files else []
    for line in changes:
        print(line)
    status = 1 if changes else 0
    if args.cli:
        started = time.monotonic()
        runs = run_cli_isolated(root, jobs=args.jobs)
        print(f"CLI on {len(runs)} files in {time.monotonic() - started:.0f} s; codes "
              f"{dict(Counter(r.code for r in runs))}", file=sys.stderr)
        for r in runs:
            for problem in r.problems():
                print(f"CLI {r.file}: {problem}")
                status = 1
        for r in sorted(runs, key=lambda r: -r.seconds)[:10]:
            print(f"CLI slow: {r.file} {r.seconds:.1f} s, {r.max_rss_mb:.0f} MB")
    return status


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    sys.exit(main())
