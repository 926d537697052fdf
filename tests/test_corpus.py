"""The public .xlsx corpus (../shared/corpus/xlsx, or LKIP_CORPUS): the reader against openpyxl and
python-calamine, with every difference accounted for in tests/corpus_accepted.tsv, and the CLI on every
file within the limits the project sets (exit 0/1/3, no traceback, 30 s, 1 GiB). The work is in
tests/corpus.py; it runs in LKIP_CORPUS_JOBS worker processes (2 unless told)."""
from __future__ import annotations

import json
import os
import time
from collections import Counter
from pathlib import Path

import pytest

import corpus

ROOT = corpus.corpus_root()
JOBS = int(os.environ.get("LKIP_CORPUS_JOBS", "2"))

pytestmark = pytest.mark.corpus
needs_corpus = pytest.mark.skipif(not ROOT.is_dir(), reason=f"no .xlsx corpus at {ROOT}: lay shared/corpus/xlsx "
                                                            "beside the repository or point LKIP_CORPUS at one")


@pytest.fixture(scope="module")
def files() -> list[str]:
    found = corpus.corpus_files(ROOT)
    assert found, f"no .xlsx/.xlsm file under {ROOT}"
    return found


def test_the_comparison_itself(tmp_path):
    """Without the corpus: the sample agrees cell for cell, and a difference is found and named (openpyxl
    leaves Excel's _x0007_ escape undecoded; the reader and calamine decode it)."""
    pytest.importorskip("python_calamine", reason="python-calamine (the test extra) decides openpyxl's disputes")
    import xlsxwriter

    sample = Path(__file__).resolve().parents[1] / "samples" / "kecamatan_juai_2024.xlsx"
    assert corpus.compare_file(sample, sample.name) == []
    path = tmp_path / "bel.xlsx"
    wb = xlsxwriter.Workbook(path)
    ws = wb.add_worksheet("S")
    ws.write_string(0, 0, "bel\x07")
    ws.write_number(1, 0, 5)
    wb.close()
    found = corpus.compare_file(path, path.name)
    assert [(f.sheet, f.cls, f.cells) for f in found] == [("S", "value:openpyxl-wrong:escape", 1)], found
    assert "reader='bel\\x07' openpyxl='bel_x0007_'" in found[0].examples[0]


def report_dir(request) -> Path:
    """Where the full results go: .pytest_cache/d/corpus, or a temporary folder without the cache."""
    cache = getattr(request.config, "cache", None)
    if cache is not None:
        return Path(cache.mkdir("corpus"))
    return request.getfixturevalue("tmp_path_factory").mktemp("corpus")


def say(capsys, lines: list[str]) -> None:
    """A few lines for whoever watches the run (pytest keeps passing tests' output to itself)."""
    with capsys.disabled():
        print()
        for line in lines:
            print(f"  [corpus] {line}")


@needs_corpus
def test_reader_differences_are_the_accepted_ones(files, request, capsys):
    pytest.importorskip("openpyxl")
    pytest.importorskip("python_calamine", reason="python-calamine (the test extra) decides openpyxl's disputes")
    started = time.monotonic()
    findings, seconds = corpus.compare_corpus(ROOT, files, jobs=JOBS)
    took = time.monotonic() - started
    assert sorted(seconds) == files, "some files were never compared"

    table = corpus.load_table()
    changes = corpus.table_changes(findings, table)
    report = report_dir(request) / "differences.tsv"
    report.write_text("".join(f"{f.file}\t{f.sheet}\t{f.cls}\t{f.cells}\t{' | '.join(f.examples)}\n"
                              for f in findings), encoding="utf-8")
    slow = sorted(seconds.items(), key=lambda kv: -kv[1])[:5]
    say(capsys, [f"reader vs openpyxl/calamine: {len(files)} files in {took:.0f} s with {JOBS} workers; "
                 f"{len(findings)} differences ({sum(1 for a in table.values() if a.reason.startswith('BUG:'))} "
                 f"of the table's lines are BUG); all of them in {report}",
                 "slowest: " + ", ".join(f"{name} {s:.1f} s" for name, s in slow)])
    assert not changes, (
        f"{len(changes)} change(s) against {corpus.TABLE.name} (a new difference is a regression or needs a line "
        f"with its reason; a GONE line is fixed: delete it; `python tests/corpus.py --write-table` rewrites "
        f"the table keeping the reasons):\n" + "\n".join(changes))


@needs_corpus
def test_cli_on_every_file(files, request, capsys):
    started = time.monotonic()
    runs = corpus.run_cli_isolated(ROOT, jobs=JOBS)
    took = time.monotonic() - started
    assert sorted(r.file for r in runs) == files, "the CLI did not run on every file"

    report = report_dir(request) / "cli.jsonl"
    report.write_text("".join(json.dumps(r.__dict__, ensure_ascii=False) + "\n" for r in runs), encoding="utf-8")
    slow = sorted(runs, key=lambda r: -r.seconds)[:5]
    say(capsys, [f"CLI check --json: {len(runs)} files in {took:.0f} s with {JOBS} at a time; exit codes "
                 f"{dict(sorted(Counter(r.code for r in runs).items(), key=str))}; peak "
                 f"{max(r.max_rss_mb for r in runs):.0f} MB; every run in {report}",
                 "slowest: " + ", ".join(f"{r.file} {r.seconds:.1f} s" for r in slow)])
    problems = [f"{r.file}: {p}" for r in runs for p in r.problems()]
    if corpus.CLI_MODE == "fork":
        # The forked runs stand for `python -m lkip_xl`: a sample of files run as a new interpreter must
        # end the same way.
        sample = files[::max(1, len(files) // 12)]
        real = corpus.run_cli_corpus(ROOT, sample, jobs=JOBS, mode="exec")
        forked = {r.file: r for r in runs}
        problems += [f"{r.file}: `python -m lkip_xl` ended otherwise than its forked run (exit {r.code} vs "
                     f"{forked[r.file].code})" for r in real
                     if (r.code, r.stdout, r.stderr) != (forked[r.file].code, forked[r.file].stdout,
                                                         forked[r.file].stderr)]
        problems += [f"{r.file}: {p}" for r in real for p in r.problems()]
    assert not problems, (f"{len(problems)} CLI run(s) broke the limits (exit {corpus.CLI_CODES}, no traceback, "
                          f"{corpus.CLI_SECONDS} s, {corpus.CLI_MEMORY >> 20} MB):\n" + "\n".join(problems))
