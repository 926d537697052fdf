"""lkip-xl in a real browser (issue 16): the site that `python -m lkip_xl.web build` writes, driven in
Debian's chromium through Playwright and the page's test hooks (data-state, data-kesalahan…,
data-kind, data-pesan-error). Skipped with a reason where chromium or Playwright is absent."""
from __future__ import annotations

import functools
import hashlib
import http.server
import json
import shutil
import subprocess
import sys
import threading
import zipfile
from pathlib import Path

import pytest

from run_cli import SAMPLE, run_cli

REPO = Path(__file__).resolve().parents[1]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
KABUPATEN = REPO / "samples" / "kabupaten"
READY_MS = 120_000
RUN_MS = 180_000

sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright for Python (the test extra) drives chromium")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no chromium on this machine (apt-get install chromium): "
                                                         "the browser tests need a real browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    from lkip_xl.web.build import build_site

    folder = tmp_path_factory.mktemp("web") / "situs"
    build_site(folder)
    return folder


class _Server:
    """The site over http://127.0.0.1, every request it answered remembered (path, content type)."""

    def __init__(self, root: Path):
        served: list[tuple[str, str]] = []

        class Handler(http.server.SimpleHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def send_header(self, key, value):
                if key.lower() == "content-type":
                    served.append((self.path, value))
                super().send_header(key, value)

        self.served = served
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(root)))
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.origin = f"http://127.0.0.1:{self.httpd.server_address[1]}"


@pytest.fixture(scope="module")
def server(site):
    srv = _Server(site)
    yield srv
    srv.httpd.shutdown()
    srv.httpd.server_close()


@pytest.fixture(scope="module")
def playwright():
    with sync_api.sync_playwright() as p:
        yield p


@pytest.fixture(scope="module")
def browser(playwright):
    b = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
    yield b
    b.close()


@pytest.fixture
def page(browser, server):
    """A fresh page on the site, ready (runtime loaded), with every request it made recorded."""
    context = browser.new_context(accept_downloads=True)
    pg = context.new_page()
    pg.requests = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.goto(f"{server.origin}/index.html")
    pg.wait_for_selector("body[data-state=ready]", timeout=READY_MS)
    yield pg
    context.close()


def finish(pg) -> str:
    pg.wait_for_selector("body[data-state=done], body[data-state=error]", timeout=RUN_MS)
    return pg.evaluate("document.body.dataset.state")


def downloaded(pg, kind: str) -> bytes:
    """The bytes of the download link of `kind`, read in the page (a blob URL)."""
    data = pg.evaluate("""async (kind) => {
        const links = document.querySelectorAll(`a[download][data-kind="${kind}"]`);
        if (links.length !== 1) return null;
        const buf = new Uint8Array(await (await fetch(links[0].href)).arrayBuffer());
        let s = ""; for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode(...buf.subarray(i, i + 0x8000));
        return btoa(s); }""", kind)
    assert data is not None, f"no single download link of kind {kind}"
    import base64
    return base64.b64decode(data)


def counts(pg) -> tuple[int, int, int]:
    found = pg.evaluate("""() => Array.from(document.querySelectorAll('[data-kesalahan]'))
        .map(e => [e.dataset.kesalahan, e.dataset.peringatan, e.dataset.info])""")
    assert len(found) == 1, found
    return tuple(int(x) for x in found[0])


def test_the_page_has_its_hooks(page):
    assert page.evaluate("document.querySelectorAll('input[type=file][multiple]').length") == 1
    assert page.evaluate("document.documentElement.lang") == "id"
    assert "tidak diunggah" in page.inner_text("#privasi")


def test_sample_gives_the_findings_and_the_cli_workbook(page, tmp_path):
    page.set_input_files("input[type=file]", str(SAMPLE))
    assert finish(page) == "done", page.inner_text("body")
    assert counts(page) == (11, 3, 0)
    text = page.inner_text("#hasil")
    assert "Kecamatan Juai" in text and "2024" in text and "CLAIM_MISMATCH" in text and "Dilaporkan!D49" in text
    assert "Rp7.996.663.078" in text and "93,67 %" in text
    assert "Lembar DPA" in page.inner_text("#pembacaan")
    # The workbook and the JSON report are the command line's, byte for byte.
    shutil.copyfile(SAMPLE, tmp_path / SAMPLE.name)
    assert run_cli("fill", SAMPLE.name, cwd=tmp_path).returncode == 0
    cli = (tmp_path / f"{SAMPLE.stem}_lkip.xlsx").read_bytes()
    web = downloaded(page, "lkip")
    assert hashlib.sha256(web).hexdigest() == hashlib.sha256(cli).hexdigest()
    report = run_cli("check", SAMPLE.name, "--json", cwd=tmp_path)
    assert json.loads(downloaded(page, "json")) == json.loads(report.stdout)
    assert page.evaluate("document.querySelector('a[data-kind=lkip]').download") == f"{SAMPLE.stem}_lkip.xlsx"


def test_kabupaten_folder_gives_the_rekap(page, tmp_path):
    files = sorted(str(p) for p in KABUPATEN.glob("*.xlsx"))
    assert len(files) >= 3
    page.set_input_files("input[type=file]", files)
    assert finish(page) == "done", page.inner_text("body")
    table = page.inner_text("#temuan")
    rows = page.evaluate("document.querySelectorAll('#temuan tbody tr').length")
    assert rows == len(files)
    broken = page.evaluate("document.querySelectorAll('#temuan tbody tr.tak-terbaca').length")
    assert broken >= 1  # samples/kabupaten holds one unreadable file, listed with its sentence
    assert "Berkas" in table
    # The rekap workbook is the command line's, run over the same files by name in their folder.
    for f in files:
        shutil.copyfile(f, tmp_path / Path(f).name)
    cli = run_cli("rekap", *(Path(f).name for f in files), cwd=tmp_path)
    assert cli.returncode in (0, 1), cli.stderr
    assert downloaded(page, "rekap") == (tmp_path / "rekap_lkip.xlsx").read_bytes()


def test_template_is_the_cli_template(page, tmp_path):
    page.click("#tombol-template")
    page.wait_for_selector("a[data-kind=template]", timeout=RUN_MS)
    assert run_cli("template", "-o", "t.xlsx", cwd=tmp_path).returncode == 0
    assert downloaded(page, "template") == (tmp_path / "t.xlsx").read_bytes()


def test_broken_file_gets_the_cli_sentence(page, tmp_path):
    broken = tmp_path / "rusak.xlsx"
    broken.write_bytes(SAMPLE.read_bytes()[:5000])
    page.set_input_files("input[type=file]", str(broken))
    assert finish(page) == "error"
    sentence = page.inner_text("[data-pesan-error]")
    cli = run_cli("check", broken.name, cwd=tmp_path)
    assert cli.returncode == 3 and sentence == cli.stderr.strip()
    # The page stays usable: the next file is read.
    page.set_input_files("input[type=file]", str(SAMPLE))
    assert finish(page) == "done"


def test_a_bomb_is_refused_and_the_tab_survives(page, tmp_path):
    from test_hostile import write_bomb

    bomb = write_bomb(tmp_path / "bom.xlsx", 1024 * 1024 * 1024)
    page.set_input_files("input[type=file]", str(bomb))
    assert finish(page) == "error"
    assert "bom dekompresi" in page.inner_text("[data-pesan-error]")
    page.set_input_files("input[type=file]", str(SAMPLE))
    assert finish(page) == "done" and counts(page) == (11, 3, 0)


def test_every_request_stays_in_the_origin(page, server):
    page.set_input_files("input[type=file]", str(SAMPLE))
    assert finish(page) == "done"
    page.click("#tombol-template")
    page.wait_for_selector("a[data-kind=template]", timeout=RUN_MS)
    foreign = [u for u in page.requests if not u.startswith((server.origin + "/", "blob:", "data:"))]
    assert page.requests and not foreign, foreign
    wasm = [ctype for path, ctype in server.served if path.endswith(".wasm")]
    assert wasm and set(wasm) == {"application/wasm"}


def _launcher_flags() -> list[str]:
    """The flags buka-lkip.sh gives the browser (the test starts chromium the same way)."""
    script = (REPO / "lkip_xl" / "web" / "static" / "buka-lkip.sh").read_text()
    flags = [w for w in script.replace("\\\n", " ").split() if w.startswith("--")]
    assert "--allow-file-access-from-files" in flags and any(f.startswith("--user-data-dir") for f in flags)
    return [f for f in flags if not f.startswith("--user-data-dir")]


def test_file_url_start_with_the_launcher_flags(playwright, site, tmp_path):
    """Opened from disk, as the launchers open it: its own profile, file access from files."""
    context = playwright.chromium.launch_persistent_context(str(tmp_path / "profil"), executable_path=CHROMIUM,
                                                            args=["--no-sandbox", *_launcher_flags()])
    try:
        pg = context.new_page()
        pg.goto((site / "index.html").as_uri())
        pg.wait_for_selector("body[data-state=ready]", timeout=READY_MS)
        pg.set_input_files("input[type=file]", str(SAMPLE))
        assert finish(pg) == "done" and counts(pg) == (11, 3, 0)
    finally:
        context.close()


def test_offline_bundle_holds_the_site_and_the_launchers(site, tmp_path):
    from lkip_xl.web.build import write_bundle

    bundle = tmp_path / "lkip-xl-luring.zip"
    write_bundle(site, bundle)
    with zipfile.ZipFile(bundle) as zf:
        names = set(zf.namelist())
        assert {"Buka LKIP.bat", "buka-lkip.sh", "lkip-xl/index.html", "lkip-xl/worker.js",
                "lkip-xl/pyodide/pyodide.asm.wasm"} <= names
        bat = zf.read("Buka LKIP.bat")
        assert b"\r\n" in bat and b"--allow-file-access-from-files" in bat and b"--user-data-dir" in bat
        assert b"msedge.exe" in bat and b"chrome.exe" in bat
        assert zf.getinfo("buka-lkip.sh").external_attr >> 16 & 0o111
    assert sum(p.stat().st_size for p in site.rglob("*") if p.is_file()) < 20 * 1024 * 1024


def test_build_refuses_a_tarball_that_is_not_the_pinned_one(tmp_path, monkeypatch):
    from lkip_xl.web import build

    (tmp_path / f"pyodide-{build.PYODIDE_VERSION}.tgz").write_bytes(b"bukan pyodide")
    with pytest.raises(build.BuildError, match="hash sha512 berbeda"):
        build.pyodide_tarball(tmp_path)


def test_build_command_line(tmp_path):
    """`python -m lkip_xl.web build DIR --bundle ZIP` as the README says (downloads from the cache)."""
    done = subprocess.run([sys.executable, "-m", "lkip_xl.web", "build", str(tmp_path / "situs"), "--bundle",
                           str(tmp_path / "luring.zip")], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "situs" / "index.html").exists() and (tmp_path / "luring.zip").exists()
    assert "MB" in done.stdout


def test_real_world_layouts_give_in_the_page_what_the_command_line_gives(page, tmp_path):
    """Python 3.13 in Pyodide and the native Python read the real-world layouts alike: the same JSON
    report and the same workbook, byte for byte."""
    sys.path.insert(0, str(REPO / "tests" / "realworld"))
    from layouts import LAYOUTS

    from lkip_xl.api import analyse
    from lkip_xl.report import build_report
    from lkip_xl.writer import write_workbook

    for name, make in LAYOUTS.items():
        folder = tmp_path / name
        folder.mkdir()
        path, _ = make(folder)
        result = analyse(str(path))
        write_workbook(result, str(folder / "cli.xlsx"))
        page.set_input_files("input[type=file]", str(path))
        assert finish(page) == "done", (name, page.inner_text("body"))
        assert json.loads(downloaded(page, "json")) == json.loads(json.dumps(build_report(result))), name
        assert downloaded(page, "lkip") == (folder / "cli.xlsx").read_bytes(), name


def test_opened_from_disk_without_the_launcher_says_how_to_open_it(browser, site):
    """Double-clicking index.html: the browser will not start the worker from file://; the page says
    which launcher to use instead of loading forever."""
    context = browser.new_context()
    try:
        pg = context.new_page()
        pg.goto((site / "index.html").as_uri())
        pg.wait_for_selector("body[data-state=error]", timeout=READY_MS)
        assert "Buka LKIP.bat" in pg.inner_text("[data-pesan-error]")
    finally:
        context.close()


def test_the_rekap_says_when_an_office_is_counted_twice(page, tmp_path):
    twice = tmp_path / "kecamatan_juai_2024 (1).xlsx"
    shutil.copyfile(SAMPLE, twice)
    page.set_input_files("input[type=file]", [str(SAMPLE), str(twice)])
    assert finish(page) == "done"
    assert "SKPD_GANDA" in page.inner_text("#temuan-rekap")


def test_a_file_dropped_while_working_is_not_silently_ignored(page):
    page.evaluate("document.body.dataset.state = 'working'")  # as while a run is under way
    page.set_input_files("input[type=file]", str(SAMPLE))
    assert "Tunggu" in page.inner_text("#status")
    assert page.evaluate("document.body.dataset.state") == "working"
