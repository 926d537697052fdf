"""Run `python -m lkip_xl …` in a child process, as a user's shell would (no terminal attached)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
TIMEOUT_S = 10  # a hang is a failure; no test asserts times otherwise


def child_env() -> dict[str, str]:
    """The user's environment without our debug switch (it would show tracebacks).

    The checkout comes first on the path: the child runs this code even where an
    older non-editable `pip install .` sits in site-packages.
    """
    env = dict(os.environ)
    env.pop("LKIP_XL_DEBUG", None)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lkip_xl", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=TIMEOUT_S,
        env=child_env(), stdin=subprocess.DEVNULL,
    )
