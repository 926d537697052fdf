"""lkip-xl in the browser: start-up, cache, `fill` of the sample and of a 22k-row input, in headless Chromium.

    python benchmarks/bench_web.py [--runs 5] [--fill-pages 3] [--fill-runs 10] [--big-runs 5] [--native-runs 3]
                                   [--breakdown 3] [--akun 10] [--site DIR] [--keep DIR]
                                   [--chromium /usr/bin/chromium]

The site is built into a temp dir with `lkip_xl.web.build.build_site` (downloads cached in
~/.cache/lkip-xl, so no network after the first build) unless --site gives a built one; its size is
printed first. It is served over http://127.0.0.1 by a local ThreadingHTTPServer (http.server's
SimpleHTTPRequestHandler: Last-Modified and If-Modified-Since -> 304 as it does, `.wasm` as
application/wasm), which counts every response by status. The page is driven with Playwright through its
test hooks (body[data-state], input[type=file], [data-kesalahan]); an init script records, in the page,
the time of every data-state change and of every message of the worker.

1. Cold start -> `ready` (target <= 5 s): a fresh profile (persistent context in a new temp dir) each
   run. Time from page.goto to body[data-state=ready] (both on the system clock: the page's
   performance.timeOrigin + now() against time.time()), so Playwright's polling is not counted.
2. Browser cache -> `ready` (target <= 2 s): after the cold load (and --linger seconds of use, so the
   browser can write its code caches), the browser is closed and started again on the same profile,
   and the page loaded again ("restart"); then once more in a new tab of that browser ("new tab").
   http.server sends no Cache-Control, so the browser's heuristic freshness (10% of the file's age)
   decides between the two cases measured, with the header the host would send:
   `no-cache` (every file revalidated: 304s) and `max-age=3600` (no request at all). The columns
   200/304 count the server's answers during the load; `cached` the worker's resource entries
   with transferSize 0 (served from the cache without a request); the sizes of the profile's HTTP
   cache and V8 code caches after the cold session are printed below the table.
   Each load is split where the page tells: navigation (goto -> the page's time origin), page
   (-> the worker created), Pyodide (-> the worker's "Memasang lkip-xl" progress: loadPyodide), and
   install (-> ready: fetch and unpack xlsxwriter and lkip_xl, import lkip_xl).
   --breakdown N more loads (cold and restart, max-age) use a copy of the site whose worker.js posts
   a mark after each step (the site under test itself is never changed), for a finer split.
3. `fill` of samples/kecamatan_juai_2024.xlsx (target <= 1.5 s): --fill-runs runs in each of
   --fill-pages fresh pages, time from set_input_files to body[data-state=done]; the first run of a
   page (lazy imports, wasm code run for the first time) is shown apart from the others; the modules
   the first run imported are counted.
4. A 22k-rows-per-sheet input (benchmarks/gen_kabupaten.py OUT.xlsx --akun 10) in the page against
   native `python -m lkip_xl fill` of the same file (one child process per run; wall and CPU from
   wait4). Target <= 4x native. Memory: the tab's renderer process (the page and its worker) peak RSS
   (VmHWM in /proc) and the size of Pyodide's wasm memory after each run (it never shrinks); CPU of
   the renderer from /proc/PID/stat. After the last run a gc.collect() in the worker says how much
   cyclic garbage the runs had left (garbage that holds wasm memory until Python's next full collection).

Figures only, no asserts. Medians with min-max over the runs; the machine may be shared, so the
spread matters as much as the median.
"""
from __future__ import annotations

import argparse
import functools
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

SAMPLE = REPO / "samples" / "kecamatan_juai_2024.xlsx"
POLICIES = ("no-cache", "max-age=3600")
TARGETS = {"cold": 5.0, "cache": 2.0, "fill": 1.5, "ratio": 4.0}
CLK_TCK = os.sysconf("SC_CLK_TCK")

# Runs in the page before its own scripts: state changes and worker messages, with epoch times (ms).
INIT_SCRIPT = r"""
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const lk = window.__bench = { states: [], msgs: [] };
  new MutationObserver(() => {
    const s = document.body && document.body.dataset.state;
    const a = lk.states;
    if (s && (!a.length || a[a.length - 1][0] !== s)) a.push([s, now()]);
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ["data-state"] });
  const Original = window.Worker;
  window.Worker = class extends Original {
    constructor(...args) {
      super(...args);
      lk.msgs.push(["worker created", now()]);
      this.addEventListener("message", (e) => {
        const m = e.data || {};
        if (m.type === "bench") lk.msgs.push([m.label, m.t]);
        else lk.msgs.push([m.type === "progress" ? "progress: " + m.text : m.type, now(), m.ms]);
      });
    }
  };
})();
"""

# The instrumented copy of worker.js (--breakdown only): a mark after each step of init().
WORKER_PRELUDE = r"""
const __mark = (label) => self.postMessage({ type: "bench", label, t: performance.timeOrigin + performance.now() });
{
  const instantiate = WebAssembly.instantiateStreaming;
  if (instantiate) WebAssembly.instantiateStreaming = function (...args) {
    __mark("wasm start");
    return instantiate.apply(this, args).then((r) => { __mark("wasm instantiated"); return r; });
  };
}
"""
WORKER_MARKS = (  # (line of worker.js the mark goes before, mark)
    ('  progress("Memasang', "loadPyodide done"),
    ("  pyodide.unpackArchive(wheel", "packages fetched"),
    ("  const site =", "xlsxwriter unpacked"),
    ("  page = pyodide.pyimport", "lkip_xl unpacked"),
    ("  // The modules every check needs", "page imported"),
    ('  post({ type: "ready"', "modules imported"),
)
BREAKDOWN_STEPS = (  # (label, from mark, to mark)
    ("navigation (goto -> time origin)", "goto", "origin"),
    ("page, app.js, worker.js", "origin", "worker created"),
    ("pyodide.js, pyodide.asm.js", "worker created", "wasm start"),
    ("wasm fetch+compile+instantiate", "wasm start", "wasm instantiated"),
    ("Python start-up (rest of loadPyodide)", "wasm instantiated", "loadPyodide done"),
    ("fetch xlsxwriter + lkip_xl.zip", "loadPyodide done", "packages fetched"),
    ("unpack xlsxwriter wheel", "packages fetched", "xlsxwriter unpacked"),
    ("unpack lkip_xl.zip", "xlsxwriter unpacked", "lkip_xl unpacked"),
    ("import lkip_xl.web.page", "lkip_xl unpacked", "page imported"),
    ("import api, report, writer, findings", "page imported", "modules imported"),
    ("-> ready on the page", "modules imported", "ready"),
    ("total (goto -> ready)", "goto", "ready"),
)


# --------------------------------------------------------------------------------------------- server

class Handler(SimpleHTTPRequestHandler):
    """http.server's static files, plus a count of every answer and the Cache-Control of the policy."""

    extensions_map = {**SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def log_message(self, format, *args):  # noqa: A002 - http.server's name
        pass

    def send_response(self, code, message=None):
        with self.server.lock:
            self.server.hits.append((self.path, int(code)))
        super().send_response(code, message)

    def end_headers(self):
        if self.server.cache_control:
            self.send_header("Cache-Control", self.server.cache_control)
        super().end_headers()


class Site:
    """A built site served on 127.0.0.1 (port chosen by the system) in a background thread."""

    def __init__(self, folder: Path):
        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(folder)))
        self.httpd.daemon_threads = True
        self.httpd.hits = []
        self.httpd.lock = threading.Lock()
        self.httpd.cache_control = None
        self.url = f"http://127.0.0.1:{self.httpd.server_port}/index.html"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def take_hits(self) -> list[tuple[str, int]]:
        with self.httpd.lock:
            hits, self.httpd.hits = self.httpd.hits, []
        return hits

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


# -------------------------------------------------------------------------------------------- browser

class Browser:
    """Chromium on its own profile folder (a persistent context), one page at a time."""

    def __init__(self, pw, chromium: str, profile: Path):
        self.profile = profile
        self.context = pw.chromium.launch_persistent_context(str(profile), executable_path=chromium,
                                                             args=["--no-sandbox"], headless=True)
        self.context.add_init_script(INIT_SCRIPT)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()

    def new_tab(self) -> None:
        old, self.page = self.page, self.context.new_page()
        old.close()

    def load(self, url: str, timeout: float = 120) -> dict:
        """Load the page until `ready` (or `error`); the marks of the load, in ms from goto."""
        goto = time.time() * 1000
        self.page.goto(url)
        self.page.wait_for_selector("body[data-state=ready], body[data-state=error]", timeout=timeout * 1000)
        bench = self.page.evaluate("window.__bench")
        marks = {"goto": 0.0, "origin": self.page.evaluate("performance.timeOrigin") - goto}
        for name, t, *_ in bench["msgs"]:
            marks.setdefault(name.split(":")[0] if name.startswith("progress") else name, t - goto)
            if name.startswith("progress: Memasang"):
                marks.setdefault("loadPyodide done", t - goto)
        for state, t in bench["states"]:
            marks.setdefault(state, t - goto)
        marks["worker ms"] = next((m[2] for m in bench["msgs"] if m[0] == "ready"), None)
        marks["state"] = self.page.evaluate("document.body.dataset.state")
        return marks

    def worker_eval(self, expression: str, default=None):
        try:
            return self.page.workers[0].evaluate(expression)
        except Exception:  # no worker, or the worker's globals are not what this benchmark expects
            return default

    def fill(self, path: Path, timeout: float = 600) -> dict:
        """One file through the page's file input until `done` or `error`; ms from set_input_files."""
        k = self.page.evaluate("window.__bench.states.length")
        start = time.time() * 1000
        self.page.set_input_files("input[type=file]", str(path))
        self.page.wait_for_function(
            "k => window.__bench.states.slice(k).some(s => s[0] === 'done' || s[0] === 'error')",
            arg=k, polling=20, timeout=timeout * 1000)
        states = self.page.evaluate("window.__bench.states").copy()[k:]
        end = next(t for s, t in states if s in ("done", "error"))
        working = next((t for s, t in states if s == "working"), None)
        state = self.page.evaluate("document.body.dataset.state")
        counts = self.page.evaluate("""() => { const e = document.querySelector('[data-kesalahan]');
            return e ? [e.dataset.kesalahan, e.dataset.peringatan, e.dataset.info].join('/') : null; }""")
        error = self.page.evaluate("() => { const e = document.querySelector('[data-pesan-error]'); "
                                   "return e ? e.textContent : ''; }")
        return {"ms": end - start, "working_ms": (end - working) if working else None, "state": state,
                "counts": counts, "error": error}

    def renderer(self) -> int | None:
        """The pid of the tab's renderer (it runs the worker too): of this profile's renderers, the largest."""
        best, best_rss = None, -1
        needle = f"--user-data-dir={self.profile}".encode()
        for entry in os.scandir("/proc"):
            if not entry.name.isdigit():
                continue
            try:
                cmd = Path(entry.path, "cmdline").read_bytes()
                if b"--type=renderer" not in cmd or needle not in cmd or b"--top-chrome-webui" in cmd:
                    continue
                rss = proc_status(int(entry.name)).get("VmRSS", 0)
            except OSError:
                continue
            if rss > best_rss:
                best, best_rss = int(entry.name), rss
        return best

    def close(self) -> None:
        self.context.close()


def proc_status(pid: int) -> dict[str, int]:
    """VmRSS, VmHWM… of a process, in KiB."""
    out = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if value.strip().endswith("kB"):
            out[key] = int(value.split()[0])
    return out


def proc_cpu(pid: int) -> float:
    """User + system CPU seconds of a process (all its threads)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


# ------------------------------------------------------------------------------------------- figures

def med(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def spread(values: list[float], unit: str = "s", scale: float = 1000) -> str:
    """'median (min-max)' of ms values shown in seconds (or of plain values with scale 1)."""
    values = [v / scale for v in values if v is not None]
    if not values:
        return "-"
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f}){unit}"


def step(marks: dict, a: str, b: str) -> float | None:
    return marks[b] - marks[a] if isinstance(marks.get(a), float) and isinstance(marks.get(b), float) else None


def hits_summary(hits: list[tuple[str, int]]) -> tuple[int, int, int]:
    c = Counter(code for _, code in hits)
    return c[200], c[304], sum(n for code, n in c.items() if code not in (200, 304))


def cached_entries(browser: Browser) -> tuple[int, int]:
    """(resource entries of the worker served without a request, all entries)."""
    entries = browser.worker_eval("performance.getEntriesByType('resource').map(e => e.transferSize)", [])
    return sum(1 for size in entries if size == 0), len(entries)


# ---------------------------------------------------------------------------------------------- runs

def site_size(folder: Path) -> None:
    files = sorted((p for p in folder.rglob("*") if p.is_file()), key=lambda p: -p.stat().st_size)
    total = sum(p.stat().st_size for p in files)
    print(f"site {folder}: {total / 1e6:.1f} MB in {len(files)} files "
          f"({', '.join(f'{p.name} {p.stat().st_size / 1e6:.2f}' for p in files[:5])} MB…)\n")


def loads(pw, args, site: Site, tmp: Path) -> dict[str, list[dict]]:
    """Cold, restart and new-tab loads for each cache policy."""
    rows: dict[str, list[dict]] = {}
    for run in range(args.runs):
        for policy in POLICIES:
            site.httpd.cache_control = policy
            profile = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
            browser = Browser(pw, args.chromium, profile)
            site.take_hits()
            for scenario in ("cold", f"restart, {policy}", f"new tab, {policy}"):
                if scenario.startswith("restart"):
                    browser.close()
                    rows.setdefault("profile", []).append(profile_caches(profile))
                    browser = Browser(pw, args.chromium, profile)
                elif scenario.startswith("new tab"):
                    browser.new_tab()
                site.take_hits()
                marks = browser.load(site.url)
                marks["hits"] = hits_summary(site.take_hits())
                marks["cached"] = cached_entries(browser)
                rows.setdefault(scenario, []).append(marks)
                if scenario == "cold":
                    time.sleep(args.linger)
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)
        print(f"  loads: run {run + 1}/{args.runs} done", file=sys.stderr)
    return rows


def profile_caches(profile: Path) -> dict[str, float]:
    """MB on disk of the profile's HTTP cache and V8 code caches (what a restart can reuse)."""
    out = {}
    for label, rel in (("HTTP cache", "Default/Cache"), ("wasm code cache", "Default/Code Cache/wasm"),
                       ("JS code cache", "Default/Code Cache/js")):
        out[label] = sum(p.stat().st_size for p in (profile / rel).rglob("*") if p.is_file()) / 1e6
    return out


def print_loads(rows: dict[str, list[dict]]) -> None:
    caches = rows.pop("profile", [])
    header = (f"{'load -> ready':<26} {'n':>3} {'to ready (goto)':>22} {'in page':>7} {'nav':>6} {'page':>6} "
              f"{'pyodide':>8} {'install':>8} {'200':>4} {'304':>4} {'oth':>4} {'cached':>7} {'state':>6}")
    print(header)
    print("-" * len(header))
    for scenario, marks in rows.items():
        ready = [m.get("ready") for m in marks]
        inpage = [step(m, "origin", "ready") for m in marks]
        parts = [med([step(m, a, b) for m in marks]) for a, b in
                 (("goto", "origin"), ("origin", "worker created"), ("worker created", "loadPyodide done"),
                  ("loadPyodide done", "ready"))]
        hits = [m["hits"] for m in marks]
        cached = marks[-1]["cached"]
        states = Counter(m["state"] for m in marks)
        print(f"{scenario:<26} {len(marks):>3} {spread(ready):>22} {med(inpage) / 1000:>6.2f}s "
              + " ".join(f"{p / 1000:>5.2f}s" if p is not None else f"{'-':>6}" for p in parts[:2]) + " "
              + " ".join(f"{p / 1000:>7.2f}s" if p is not None else f"{'-':>8}" for p in parts[2:])
              + "".join(f" {med([h[i] for h in hits]):>4.0f}" for i in range(3))
              + f" {cached[0]:>3}/{cached[1]:<3} {','.join(states):>6}")
    print("(to ready: goto -> body[data-state=ready], median (min-max); in page: from the page's time origin; "
          "nav/page/pyodide/install: medians of the steps; 200/304/oth: the server's answers per load (median); "
          "cached: worker resources with transferSize 0, last run)")
    if caches:
        print("(profile after the cold load, median MB: "
              + ", ".join(f"{k} {med([c[k] for c in caches]):.2f}" for k in caches[0]) + ")")
    print()


def breakdown(pw, args, site_dir: Path, tmp: Path) -> None:
    """Cold and restart (max-age) loads of an instrumented copy of the site: time of each step."""
    copy = tmp / "site-instrumented"
    shutil.copytree(site_dir, copy)
    worker = (copy / "worker.js").read_text(encoding="utf-8")
    missing = [mark for line, mark in WORKER_MARKS if line not in worker]
    worker = worker.replace('"use strict";\n', '"use strict";\n' + WORKER_PRELUDE, 1)
    for line, mark in WORKER_MARKS:
        worker = worker.replace(line, f'  __mark("{mark}");\n' + line, 1)
    (copy / "worker.js").write_text(worker, encoding="utf-8")
    site = Site(copy)
    site.httpd.cache_control = "max-age=3600"
    cols: dict[str, list[dict]] = {"cold": [], "restart": []}
    try:
        for _ in range(args.breakdown):
            profile = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
            browser = Browser(pw, args.chromium, profile)
            cols["cold"].append(browser.load(site.url))
            time.sleep(args.linger)
            browser.close()
            browser = Browser(pw, args.chromium, profile)
            cols["restart"].append(browser.load(site.url))
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)
    finally:
        site.close()
    header = f"{'step (instrumented worker.js)':<40} {'cold':>22} {'restart (cache)':>22}"
    print(header)
    print("-" * len(header))
    for label, a, b in BREAKDOWN_STEPS:
        print(f"{label:<40} " + " ".join(f"{spread([step(m, a, b) for m in cols[c]]):>22}" for c in cols))
    print(f"({args.breakdown} loads each; max-age=3600"
          + (f"; marks not placed, worker.js changed: {', '.join(missing)}" if missing else "") + ")\n")


def sample_fills(pw, args, site: Site, tmp: Path) -> tuple[list[dict], list[dict]]:
    """--fill-pages fresh pages, --fill-runs fills of the sample in each: (first fills, the others)."""
    site.httpd.cache_control = None
    firsts, rest = [], []
    modules = "pyodide.runPython('import sys; \" \".join(sorted(sys.modules))')"
    before = after = None
    for _ in range(args.fill_pages):
        profile = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
        browser = Browser(pw, args.chromium, profile)
        try:
            browser.load(site.url)
            before = browser.worker_eval(modules)
            for i in range(args.fill_runs):
                (rest if i else firsts).append(browser.fill(SAMPLE))
                if i == 0:
                    after = browser.worker_eval(modules)
        finally:
            browser.close()
            shutil.rmtree(profile, ignore_errors=True)
    runs = firsts + rest
    header = (f"{'fill in the page':<32} {'n':>3} {'set_input_files -> done':>24} {'working -> done':>22} "
              f"{'state':>6} {'k/p/i':>8}")
    print(header)
    print("-" * len(header))
    print(f"{SAMPLE.name + ', first':<32} {len(firsts):>3} {spread([r['ms'] for r in firsts]):>24} "
          f"{spread([r['working_ms'] for r in firsts]):>22} {','.join(sorted({r['state'] for r in firsts})):>6} "
          f"{firsts[-1]['counts'] or '-':>8}")
    if rest:
        print(f"{SAMPLE.name + ', next':<32} {len(rest):>3} {spread([r['ms'] for r in rest]):>24} "
              f"{spread([r['working_ms'] for r in rest]):>22} {','.join(sorted({r['state'] for r in rest})):>6} "
              f"{rest[-1]['counts'] or '-':>8}")
    print(f"{SAMPLE.name + ', all':<32} {len(runs):>3} {spread([r['ms'] for r in runs]):>24} "
          f"{spread([r['working_ms'] for r in runs]):>22}")
    if before is not None and after is not None:
        new = set(after.split()) - set(before.split())
        kinds = Counter(name.split(".")[0] if name.split(".")[0] in ("lkip_xl", "xlsxwriter") else "other"
                        for name in new)
        print(f"(the first fill imported {len(new)} more Python modules ({kinds['lkip_xl']} lkip_xl, "
              f"{kinds['xlsxwriter']} xlsxwriter, {kinds['other']} stdlib/other) to the {len(before.split())} "
              "in sys.modules at ready)")
    print(f"({args.fill_pages} fresh pages; first: the first fill after ready in each, next: the other fills)\n")
    return firsts, rest


def child_env(folder: Path) -> dict[str, str]:
    """As bench_scale.py: this tree first, bytecode cached outside the tree (as an installed package has it)."""
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def native(cmd: list[str], folder: Path, runs: int) -> list[tuple[float, float, float, int]]:
    """(wall s, cpu s, peak RSS MiB, exit code) of each run of a child process."""
    out = []
    env = child_env(folder)
    subprocess.run(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # warm-up
    for _ in range(runs):
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
        out.append((time.perf_counter() - start, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024,
                    os.waitstatus_to_exitcode(status)))
    return out


def big_fills(pw, args, site: Site, folder: Path, tmp: Path) -> tuple[list, list]:
    big = folder / f"kabupaten_akun{args.akun}.xlsx"
    if not big.exists():
        subprocess.run([sys.executable, str(REPO / "benchmarks" / "gen_kabupaten.py"), str(big), "--akun",
                        str(args.akun)], check=True, stdout=subprocess.DEVNULL, env=child_env(folder))
    nat = native([sys.executable, "-m", "lkip_xl", "fill", big.name, "-o", big.stem + "_native_lkip.xlsx",
                  "--force"], folder, args.native_runs)
    site.httpd.cache_control = None
    profile = Path(tempfile.mkdtemp(prefix="profile-", dir=tmp))
    browser = Browser(pw, args.chromium, profile)
    runs = []
    garbage = None
    heap = "pyodide._module.HEAPU8.length"
    try:
        browser.load(site.url)
        pid = browser.renderer()
        at_ready = proc_status(pid) if pid else {}
        heap_ready = browser.worker_eval(heap)
        for _ in range(args.big_runs):
            cpu = proc_cpu(pid) if pid else None
            r = browser.fill(big)
            r["cpu"] = proc_cpu(pid) - cpu if pid else None
            r["heap"] = browser.worker_eval(heap)
            r["rss"] = proc_status(pid) if pid else {}
            runs.append(r)
        garbage = browser.worker_eval("pyodide.runPython('import gc; gc.collect()')")
    finally:
        browser.close()
        shutil.rmtree(profile, ignore_errors=True)
    wall_n = med([n[0] for n in nat])
    cpu_n = med([n[1] for n in nat])
    wall_p = med([r["ms"] for r in runs]) / 1000
    cpu_p = med([r["cpu"] for r in runs])
    header = (f"{big.name} ({big.stat().st_size / 1e6:.1f} MB) {'n':>3} {'wall':>22} {'cpu':>22} {'x native':>9} "
              f"{'peak memory':>24} {'state':>6}")
    print(header)
    print("-" * len(header))
    print(f"{'native python -m lkip_xl fill':<{len(big.name) + 11}} {len(nat):>3} "
          f"{spread([n[0] for n in nat], 's', 1):>22} "
          f"{spread([n[1] for n in nat], 's', 1):>22} {1:>8.2f}x {max(n[2] for n in nat):>15.0f} MiB RSS "
          f"{'exit ' + str(nat[-1][3]):>6}")
    hwm = max((r["rss"].get("VmHWM", 0) for r in runs), default=0) / 1024
    print(f"{'page (fill, one tab)':<{len(big.name) + 11}} {len(runs):>3} {spread([r['ms'] for r in runs]):>22} "
          f"{spread([r['cpu'] for r in runs], 's', 1):>22} {wall_p / wall_n:>8.2f}x {hwm:>11.0f} MiB tab VmHWM "
          f"{','.join(sorted({r['state'] for r in runs})):>6}")
    print(f"(x native: median wall over median wall; cpu x {cpu_p / cpu_n:.2f} on CPU time. Page CPU: the renderer "
          f"process, page and worker. Per run, wall s / wasm memory MiB / renderer RSS MiB:")
    print("  at ready: wasm " + (f"{heap_ready / 2**20:.0f}" if heap_ready else "?") + f" MiB, renderer RSS "
          f"{at_ready.get('VmRSS', 0) / 1024:.0f} MiB; "
          + "; ".join(f"run {i + 1}: {r['ms'] / 1000:.2f} s / {r['heap'] / 2**20 if r['heap'] else 0:.0f} / "
                      f"{r['rss'].get('VmRSS', 0) / 1024:.0f}" for i, r in enumerate(runs))
          + (f"; k/p/i {runs[-1]['counts']}" if runs and runs[-1]["counts"] else "")
          + (f"; error: {runs[-1]['error']}" if runs and runs[-1]["error"] else "") + ")")
    if garbage is not None:
        print(f"(after the last run, gc.collect() in the worker found {garbage} unreachable objects: cyclic garbage "
              "the runs left for Python's next full collection)")
    print()
    return nat, runs


def summary(load_rows: dict, fills: list, nat: list, big: list) -> None:
    print(f"{'target':<46} {'n':>3} {'median (min-max)':>22} {'target':>8} {'within':>7}")
    print("-" * 90)

    def line(label: str, values: list[float], target: float, unit: str = "s", scale: float = 1000) -> None:
        m = med(values)
        if m is None:
            return
        print(f"{label:<46} {len(values):>3} {spread(values, unit, scale):>22} {target:>7.1f}{unit} "
              f"{('yes' if m is not None and m / scale <= target else 'NO'):>7}")

    line("cold start -> ready (fresh profile)", [m["ready"] for m in load_rows.get("cold", [])], TARGETS["cold"])
    for scenario, marks in load_rows.items():
        if scenario != "cold":
            line(f"browser cache -> ready ({scenario})", [m["ready"] for m in marks], TARGETS["cache"])
    if fills:
        firsts, rest = fills
        line("fill sample in page, first after ready", [r["ms"] for r in firsts], TARGETS["fill"])
        line("fill sample in page, next runs", [r["ms"] for r in rest], TARGETS["fill"])
    if nat and big:
        wall_n = med([n[0] for n in nat])
        line("fill 22k rows/sheet, page / native wall", [r["ms"] / 1000 / wall_n for r in big], TARGETS["ratio"],
             "x", 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="cold + cache loads per cache policy")
    parser.add_argument("--fill-runs", type=int, default=10, help="fills of the sample in each page")
    parser.add_argument("--fill-pages", type=int, default=3, help="fresh pages for the sample fills")
    parser.add_argument("--big-runs", type=int, default=5, help="fills of the 22k input in one page")
    parser.add_argument("--native-runs", type=int, default=3, help="native `fill` runs of the 22k input")
    parser.add_argument("--breakdown", type=int, default=3, help="instrumented loads (cold and restart); 0 skips")
    parser.add_argument("--akun", type=int, default=10, help="gen_kabupaten.py --akun (10: 22k rows per sheet)")
    parser.add_argument("--linger", type=float, default=2.0, help="seconds the cold page stays open before the restart")
    parser.add_argument("--site", type=Path, help="a site built by `python -m lkip_xl.web build` (else built here)")
    parser.add_argument("--keep", type=Path, help="keep the generated input and outputs here instead of a temp dir")
    parser.add_argument("--chromium", default="/usr/bin/chromium", help="the browser (never downloaded)")
    parser.add_argument("--skip", default="", help="comma separated: loads, fill, big")
    args = parser.parse_args()
    skip = set(filter(None, args.skip.split(",")))
    sys.stdout.reconfigure(line_buffering=True)
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="bench-web-") as tmp_name:
        tmp = Path(tmp_name)
        if args.site:
            site_dir = args.site.resolve()
        else:
            from lkip_xl.web.build import build_site
            site_dir = tmp / "site"
            start = time.perf_counter()
            build_site(site_dir)
            print(f"built in {time.perf_counter() - start:.2f} s")
        folder = (args.keep or tmp / "work").resolve()
        folder.mkdir(parents=True, exist_ok=True)
        print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {args.chromium} headless")
        site_size(site_dir)
        site = Site(site_dir)
        load_rows, fills, nat, big = {}, (), [], []
        try:
            with sync_playwright() as pw:
                probe = pw.chromium.launch(executable_path=args.chromium, args=["--no-sandbox"])
                print(f"chromium {probe.version}, served at {site.url}\n")
                probe.close()
                if "loads" not in skip:
                    load_rows = loads(pw, args, site, tmp)
                    print_loads(load_rows)
                    if args.breakdown:
                        breakdown(pw, args, site_dir, tmp)
                if "fill" not in skip:
                    fills = sample_fills(pw, args, site, tmp)
                if "big" not in skip:
                    nat, big = big_fills(pw, args, site, folder, tmp)
        finally:
            site.close()
        summary(load_rows, fills, nat, big)


if __name__ == "__main__":
    main()
