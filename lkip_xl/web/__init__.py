"""lkip-xl in the browser: the same package, run by Pyodide in a Web Worker; files never leave the computer.

    python -m lkip_xl.web build DIR [--bundle ZIP]

`build.py` writes the static site (Pyodide from the npm registry and xlsxwriter from PyPI, both pinned
and hash-checked, lkip_xl packed from this source tree, and static/); `page.py` is what the worker
calls. The page's test hooks (data-state, data-kesalahan…, data-kind, data-pesan-error) are a contract:
tests/test_web.py drives it through them.
"""
