"""Retake docs/tanpa-instalasi.png, the README's picture of the browser page after checking the sample:
builds the site (`python -m lkip_xl.web build`), serves it on 127.0.0.1, drives Debian's chromium with
Playwright (the test extra) and photographs the page once the sample is checked.

    python docs/screenshot.py            # writes docs/tanpa-instalasi.png
"""
from __future__ import annotations

import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
OUT = REPO / "docs" / "tanpa-instalasi.png"


def main() -> int:
    from playwright.sync_api import sync_playwright

    from lkip_xl.web.build import build_site

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("chromium tidak ada (apt-get install chromium)", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "situs"
        build_site(site)
        class Quiet(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

        httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        try:
            with sync_playwright() as p:
                browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
                page = browser.new_page(viewport={"width": 1100, "height": 900})
                page.goto(f"http://127.0.0.1:{httpd.server_address[1]}/index.html")
                page.wait_for_selector("body[data-state=ready]", timeout=180_000)
                page.set_input_files("input[type=file]", str(SAMPLE))
                page.wait_for_selector("body[data-state=done]", timeout=180_000)
                page.screenshot(path=str(OUT))
                browser.close()
        finally:
            httpd.shutdown()
    print(OUT)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
