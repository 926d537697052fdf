"""The libreoffice mark is kept honest: a test (or a fixture it uses) that starts LibreOffice without the
mark fails, so `python -m pytest -m "not libreoffice"` is the fast inner loop it says it is."""
from __future__ import annotations

import os

import pytest

UNMARKED = "LKIP_TEST_UNMARKED"  # recalc.py refuses to start LibreOffice while it is set


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("libreoffice") is None:
        os.environ[UNMARKED] = item.nodeid
    else:
        os.environ.pop(UNMARKED, None)


@pytest.hookimpl(trylast=True)
def pytest_runtest_teardown(item):
    os.environ.pop(UNMARKED, None)
