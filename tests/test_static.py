"""Habits the CI keeps (issue 18 item 4): ruff finds nothing, and mypy's errors only shrink.

ruff runs with the rules in pyproject.toml ([tool.ruff]). mypy's errors are counted per module and
compared with tests/mypy_baseline.json: a module may not gain errors, and a module that lost some
makes the test ask for the baseline to be lowered (`UPDATE_MYPY_BASELINE=1 python -m pytest
tests/test_static.py`), so the count can only go down. model.py, figures.py and rules/ must have none.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BASELINE = Path(__file__).resolve().parent / "mypy_baseline.json"
CLEAN = ("lkip_xl/model.py", "lkip_xl/figures.py", "lkip_xl/rules/")


def test_ruff_finds_nothing():
    pytest.importorskip("ruff", reason="ruff is in the test extra")
    done = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "lkip_xl", "tests", "benchmarks"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr


def mypy_errors() -> Counter:
    from mypy import api

    out, err, _ = api.run(["lkip_xl", "--ignore-missing-imports", "--no-error-summary", "--hide-error-context",
                           "--cache-dir", os.devnull])
    assert not err.strip(), err
    counts: Counter = Counter()
    for line in out.splitlines():
        m = re.match(r"^(lkip_xl/[^:]+\.py):\d+: error:", line)
        if m:
            counts[m.group(1)] += 1
    return counts


def test_mypy_errors_only_shrink():
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    counts = mypy_errors()
    if os.environ.get("UPDATE_MYPY_BASELINE"):
        BASELINE.write_text(json.dumps(dict(sorted(counts.items())), indent=1) + "\n", encoding="utf-8")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    grown = {m: (baseline.get(m, 0), n) for m, n in counts.items() if n > baseline.get(m, 0)}
    assert not grown, f"mypy errors grew (module: baseline, now): {grown}"
    shrunk = {m: (n, counts.get(m, 0)) for m, n in baseline.items() if counts.get(m, 0) < n}
    assert not shrunk, (f"fewer mypy errors than the baseline (module: baseline, now): {shrunk}; lower it with "
                        "UPDATE_MYPY_BASELINE=1 python -m pytest tests/test_static.py")


def test_model_figures_and_rules_type_check():
    pytest.importorskip("mypy", reason="mypy is in the test extra")
    baseline = json.loads(BASELINE.read_text(encoding="utf-8"))
    dirty = {m: n for m, n in baseline.items() if m.startswith(CLEAN)}
    assert not dirty, f"model, figures and rules must pass mypy outright: {dirty}"
