// lkip-xl's worker: Pyodide runs the lkip_xl package here, so the page never freezes. Files arrive as
// ArrayBuffers, live in Pyodide's in-memory file system and leave only as the downloads the page offers.
"use strict";

importScripts("pyodide/pyodide.js");

let pyodide = null;
let page = null;
let runs = 0;

function post(message, transfer) {
  self.postMessage(message, transfer || []);
}

function progress(text) {
  post({ type: "progress", text: String(text) });
}

async function init() {
  const started = performance.now();
  progress("Memuat Python (Pyodide) di peramban …");
  pyodide = await loadPyodide({ indexURL: new URL("pyodide/", self.location.href).href });
  progress("Memasang lkip-xl …");
  const [wheel, pkg] = await Promise.all(
    ["paket/@XLSXWRITER_WHEEL@", "paket/lkip_xl.zip"].map(async (url) => {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      return response.arrayBuffer();
    })
  );
  // Both into site-packages by its absolute path (unpacked relative to the working folder, a package
  // would vanish from the import path as soon as a check changes folder).
  const site = pyodide.runPython("import sysconfig; sysconfig.get_paths()['purelib']");
  pyodide.unpackArchive(wheel, "wheel", { extractDir: site });
  pyodide.unpackArchive(pkg, "zip", { extractDir: site });
  page = pyodide.pyimport("lkip_xl.web.page");
  // The modules every check needs, imported now so the first file is as quick as the next.
  pyodide.runPython("import lkip_xl.api, lkip_xl.report, lkip_xl.writer, lkip_xl.findings, xlsxwriter");
  post({ type: "ready", ms: Math.round(performance.now() - started), python: pyodide.version });
}

function toJs(proxy) {
  const value = proxy.toJs({ dict_converter: Object.fromEntries });
  proxy.destroy();
  return value;
}

function readOut(path) {
  const data = pyodide.FS.readFile(path);
  pyodide.FS.unlink(path);
  return data;
}

function workFolder() {
  runs += 1;
  const folder = `/tmp/lkip/run${runs}`;
  pyodide.FS.mkdirTree(folder);
  return folder;
}

function clearFolder(folder) {
  for (const name of pyodide.FS.readdir(folder)) {
    if (name !== "." && name !== "..") pyodide.FS.unlink(`${folder}/${name}`);
  }
  pyodide.FS.rmdir(folder);
}

async function run(files) {
  const started = performance.now();
  const folder = workFolder();
  try {
    const paths = files.map((f) => {
      const path = `${folder}/${f.name}`;
      pyodide.FS.writeFile(path, new Uint8Array(f.buffer));
      return path;
    });
    if (paths.length === 1) {
      const result = toJs(page.check_and_fill(paths[0], progress));
      if (result.pesan_error) return post({ type: "error", pesan: result.pesan_error });
      const lkip = readOut(result.lkip);
      const json = readOut(result.json);
      post({ type: "done", mode: "satu", result, lkip, json, ms: Math.round(performance.now() - started) },
           [lkip.buffer, json.buffer]);
    } else {
      const result = toJs(page.rekap(paths, progress));
      if (result.pesan_error) return post({ type: "error", pesan: result.pesan_error });
      const rekap = readOut(result.rekap);
      post({ type: "done", mode: "rekap", result, rekap, ms: Math.round(performance.now() - started) }, [rekap.buffer]);
    }
  } finally {
    clearFolder(folder);
    // A check leaves reference cycles: collect them now, or a session of many files keeps them all.
    pyodide.runPython("import gc; gc.collect()");
  }
}

function template() {
  const folder = workFolder();
  try {
    const result = toJs(page.template(folder));
    const data = readOut(result.template);
    post({ type: "template", nama: result.template_nama, data }, [data.buffer]);
  } finally {
    clearFolder(folder);
  }
}

self.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "init") await init();
    else if (message.type === "run") await run(message.files);
    else if (message.type === "template") template();
  } catch (err) {
    post({ type: "error", pesan: `Terjadi kesalahan di pemeriksa (${err && err.message ? err.message.split("\n").slice(-2).join(" ") : err}); muat ulang halaman lalu coba lagi.` });
  }
};
