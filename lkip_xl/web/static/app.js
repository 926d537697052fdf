// lkip-xl's page: the user's files go to the worker (worker.js, where Pyodide runs lkip_xl) and come
// back as figures, findings and downloads. Nothing is sent anywhere else.
// Test hooks (a contract): <body data-state> loading → ready → working → done | error; one
// <input type="file" multiple>; after done one element with data-kesalahan/-peringatan/-info;
// downloads are <a download data-kind="lkip|json|rekap|template">; an error's sentence is in [data-pesan-error].
"use strict";

const MAX_FILE_BYTES = 200 * 1024 * 1024; // the reader refuses parts beyond this anyway; the tab must not hold more
const $ = (id) => document.getElementById(id);
const body = document.body;
let worker = null;
let urls = [];

function setState(state) {
  body.dataset.state = state;
  $("tombol-template").disabled = state === "loading" || state === "working";
}

function status(text) {
  $("status").textContent = text;
}

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined) continue;
    if (key === "class") node.className = value;
    else if (key.startsWith("data-") || key === "download" || key === "href" || key === "title") node.setAttribute(key, value);
    else node[key] = value;
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

// Numbers the Indonesian way, as the workbook and the terminal show them.
function rupiah(x) {
  if (x === null || x === undefined) return "-";
  const whole = Math.round(Math.abs(x));
  return (x < 0 ? "-" : "") + "Rp" + whole.toLocaleString("id-ID", { maximumFractionDigits: 0 });
}
function persen(x) {
  if (x === null || x === undefined) return "-";
  return x.toLocaleString("id-ID", { minimumFractionDigits: 2, maximumFractionDigits: 2 }) + " %";
}

function download(kind, name, bytes, label, main) {
  const type = name.endsWith(".json") ? "application/json" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  const url = URL.createObjectURL(new Blob([bytes], { type }));
  urls.push(url);
  return el("a", { href: url, download: name, "data-kind": kind, class: main ? "utama" : "" }, label);
}

function clearResults() {
  for (const url of urls) URL.revokeObjectURL(url);
  urls = [];
  for (const id of ["identitas", "ringkas", "jumlah", "unduhan", "temuan", "pembacaan"]) $(id).replaceChildren();
  const old = $("temuan-rekap");
  if (old) old.remove();
  $("hasil").hidden = true;
  $("galat").hidden = true;
  $("pesan-error").textContent = "";
}

function figure(label, value, cls, attrs) {
  return el("div", Object.assign({ class: "angka " + (cls || "") }, attrs || {}), label, el("b", {}, value));
}

function countsBox(jumlah) {
  return el("div", { class: "ringkas", "data-kesalahan": jumlah.kesalahan, "data-peringatan": jumlah.peringatan,
                     "data-info": jumlah.info },
    figure("Kesalahan", jumlah.kesalahan, jumlah.kesalahan ? "kesalahan" : ""),
    figure("Peringatan", jumlah.peringatan, jumlah.peringatan ? "peringatan" : ""),
    figure("Info", jumlah.info, "info"));
}

function showOne(message) {
  const r = message.result;
  $("judul-tabel").textContent = "Temuan";
  $("blok-pembacaan").hidden = false;
  $("identitas").textContent = `${r.skpd || "SKPD"} — tahun ${r.tahun} (${r.berkas})`;
  const a = r.anggaran;
  $("ringkas").replaceChildren(
    figure("Pagu", rupiah(a.pagu)), figure("Realisasi", rupiah(a.realisasi)),
    figure("Serapan", persen(a.serapan)), figure("Sisa", rupiah(a.sisa)),
    ...(a.tidak_terbaca ? [figure("Jumlah tak terbaca", a.tidak_terbaca, "kesalahan")] : []));
  $("jumlah").replaceChildren(countsBox(r.jumlah));
  $("unduhan").replaceChildren(
    download("lkip", r.lkip_nama, message.lkip, `Unduh ${r.lkip_nama}`, true),
    download("json", r.json_nama, message.json, `Unduh laporan JSON`));
  const rows = r.temuan.map((t) => el("tr", { class: t.tingkat },
    el("td", { class: "tingkat" }, t.tingkat),
    el("td", { class: "kode" }, t.kode, el("small", {}, t.label)),
    el("td", {}, t.lembar && t.sel ? `${t.lembar}!${t.sel}` : (t.lembar || "-")),
    el("td", {}, t.pesan)));
  $("temuan").replaceChildren(rows.length ? el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Tingkat"), el("th", {}, "Kode"), el("th", {}, "Sel input"), el("th", {}, "Pesan"))),
    el("tbody", {}, ...rows)) : el("p", {}, "Tidak ada temuan."));
  $("pembacaan").replaceChildren(...r.pembacaan.map((p) => {
    const kolom = Object.entries(p.kolom).map(([isian, huruf]) => `${isian} di kolom ${huruf}`).join("; ");
    const [first, last] = p.baris_header || [];
    const header = p.baris_header ? `header baris ${first === last ? first : `${first}–${last}`}` : "tanpa baris header";
    const skipped = p.dilewati.slice(0, 5).map((d) => `${d.baris}: ${d.alasan}`).join("; ");
    const more = p.dilewati.length > 5 ? `; … dan ${p.dilewati.length - 5} lainnya` : "";
    return el("p", {}, el("b", {}, `Lembar ${p.lembar}` + (p.peran && p.peran !== p.lembar ? ` (dibaca sebagai ${p.peran})` : "")),
      `: ${header}; ${kolom || "tidak ada kolom yang dikenali"}; ${p.baris_data} baris data` +
      (p.baris_tersembunyi ? ` (${p.baris_tersembunyi} di antaranya tersembunyi, tetap dibaca)` : "") +
      `; ${p.dilewati.length} baris dilewati` +
      (skipped ? ` (baris ${skipped}${more}).` : "."));
  }));
  $("hasil").hidden = false;
}

function showRekap(message) {
  const r = message.result;
  $("judul-tabel").textContent = "Per perangkat daerah (rincian temuan: lembar Temuan workbook rekap)";
  $("blok-pembacaan").hidden = true;
  $("identitas").textContent = `Rekap ${r.baris.length} berkas` + (r.tahun ? ` — tahun ${r.tahun}` : "");
  $("ringkas").replaceChildren(
    figure("Total pagu", rupiah(r.total.pagu)), figure("Total realisasi", rupiah(r.total.realisasi)),
    figure("Serapan", persen(r.total.serapan)));
  $("jumlah").replaceChildren(countsBox(r.jumlah));
  $("unduhan").replaceChildren(download("rekap", r.rekap_nama, message.rekap, `Unduh ${r.rekap_nama}`, true));
  if (r.temuan_rekap.length) {
    $("unduhan").after(el("div", { class: "galat peringatan-rekap", id: "temuan-rekap" },
      el("h2", {}, "Perhatikan sebelum memakai totalnya"),
      ...r.temuan_rekap.map((t) => el("p", {}, `${t.kode}: ${t.pesan}`))));
  }
  const rows = r.baris.map((b) => el("tr", { class: b.skpd ? "" : "tak-terbaca" },
    el("td", {}, b.berkas), el("td", {}, b.skpd || "-"), el("td", {}, b.tahun ?? "-"),
    el("td", { class: "uang" }, rupiah(b.pagu)), el("td", { class: "uang" }, rupiah(b.realisasi)),
    el("td", { class: "persen" }, persen(b.serapan)),
    el("td", {}, b.kesalahan ?? "-"), el("td", {}, b.peringatan ?? "-"), el("td", {}, b.info ?? "-"),
    el("td", {}, b.pesan || b.status)));
  $("temuan").replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, ...["Berkas", "SKPD", "Tahun", "Pagu", "Realisasi", "Serapan", "Kesalahan",
      "Peringatan", "Info", "Keterangan"].map((h) => el("th", {}, h)))),
    el("tbody", {}, ...rows)));
  $("hasil").hidden = false;
}

function showError(sentence) {
  $("pesan-error").textContent = sentence;
  $("galat").hidden = false;
  setState("error");
  status("Pilih berkas lain, atau perbaiki berkas ini lalu coba lagi.");
}

const OPENED_FROM_DISK = "Halaman ini dibuka langsung dari disk, dan peramban tidak mengizinkannya memuat " +
  "pemeriksanya. Buka lewat peluncur di folder yang sama (Buka LKIP.bat di Windows, buka-lkip.sh di Linux), " +
  "atau letakkan foldernya di server web.";

function startWorker() {
  setState("loading");
  status("Memuat pemeriksa …");
  try {
    worker = new Worker("worker.js");
  } catch (err) {
    showError(location.protocol === "file:" ? OPENED_FROM_DISK : `Pemeriksa tidak dapat dimulai (${err.message}).`);
    status("");
    return;
  }
  worker.onmessage = (event) => {
    const m = event.data;
    if (m.type === "progress") status(m.text);
    else if (m.type === "ready") {
      setState("ready");
      status(`Siap (dimuat dalam ${(m.ms / 1000).toFixed(1)} detik). Pilih atau letakkan workbook.`);
    } else if (m.type === "done") {
      if (m.mode === "satu") showOne(m); else showRekap(m);
      setState("done");
      status(`Selesai dalam ${(m.ms / 1000).toFixed(1)} detik.`);
    } else if (m.type === "template") {
      const link = download("template", m.nama, m.data, `Unduh ${m.nama}`);
      $("unduhan-template").replaceChildren(link);
      link.click();
      status("Template input kosong siap diunduh.");
    } else if (m.type === "error") showError(m.pesan);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    if (body.dataset.state === "loading") {
      // It never became ready: starting it again would fail the same way.
      showError(location.protocol === "file:" ? OPENED_FROM_DISK
        : "Pemeriksa tidak dapat dimuat dari folder situs ini (berkas pyodide/ atau paket/ tidak lengkap?).");
      status("");
      return;
    }
    showError("Pemeriksa di peramban berhenti (kemungkinan memori tab habis karena berkas terlalu besar). Halaman memuat ulang pemeriksanya; coba berkas yang lebih kecil.");
    setTimeout(startWorker, 100);
  };
  worker.postMessage({ type: "init" });
}

async function handle(fileList) {
  const files = Array.from(fileList || []);
  if (!files.length) return;
  if (body.dataset.state === "loading" || body.dataset.state === "working") {
    status(body.dataset.state === "loading"
      ? "Tunggu sebentar: pemeriksa masih dimuat. Letakkan berkasnya lagi setelah tertulis \"Siap\"."
      : "Tunggu sebentar: berkas sebelumnya masih diperiksa. Letakkan berkas ini lagi setelah selesai.");
    return;
  }
  clearResults();
  const big = files.find((f) => f.size > MAX_FILE_BYTES);
  if (big) {
    const mb = (n) => Math.round(n / (1024 * 1024)).toLocaleString("id-ID");
    showError(`Berkas ${big.name} ditolak: ukurannya ${mb(big.size)} MB, lebih dari ${mb(MAX_FILE_BYTES)} MB yang dapat dibaca di peramban.`);
    return;
  }
  setState("working");
  status(files.length === 1 ? `Membaca ${files[0].name} …` : `Membaca ${files.length} berkas …`);
  const payload = await Promise.all(files.map(async (f) => ({ name: f.name, buffer: await f.arrayBuffer() })));
  worker.postMessage({ type: "run", files: payload }, payload.map((p) => p.buffer));
}

$("berkas").addEventListener("change", (event) => {
  handle(event.target.files);
  event.target.value = "";
});
const zone = $("jatuhkan");
for (const name of ["dragenter", "dragover"]) {
  zone.addEventListener(name, (event) => { event.preventDefault(); zone.classList.add("aktif"); });
}
for (const name of ["dragleave", "drop"]) {
  zone.addEventListener(name, () => zone.classList.remove("aktif"));
}
zone.addEventListener("drop", (event) => {
  event.preventDefault();
  handle(event.dataTransfer.files);
});
$("tombol-template").addEventListener("click", () => {
  if (body.dataset.state === "loading" || body.dataset.state === "working") return;
  worker.postMessage({ type: "template" });
});
startWorker();
