"""What the page's worker runs in Pyodide: the functions `lkip-xl check`, `fill`, `rekap` and
`template` run, on files in the worker's in-memory file system. Nothing here knows about the browser;
every answer is plain data the page shows (and the same bytes the command line would write)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

REKAP_CODES = ("TAHUN_BERBEDA", "SKPD_GANDA")


def _unexpected(exc: Exception, name: str) -> str:
    return (f"Berkas {name} tidak dapat dibaca ({type(exc).__name__}: {exc}); laporkan berkas input ini ke "
            "pengembang lkip-xl.")


def _say(progress, text: str) -> None:
    if progress is not None:
        progress(text)


def check_and_fill(path: str, progress=None) -> dict[str, Any]:
    """One workbook: the check report and the fill workbook beside it, or the one sentence why not.
    `progress(text)` hears each step."""
    from lkip_xl.api import analyse
    from lkip_xl.errors import InputError
    from lkip_xl.findings import LABEL
    from lkip_xl.report import build_report
    from lkip_xl.writer import write_workbook

    src = Path(path)
    _say(progress, f"Membaca dan memeriksa {src.name} …")
    try:
        result = analyse(str(src))
    except InputError as err:
        return {"pesan_error": str(err)}
    except Exception as exc:  # a bug must still reach the user as one sentence, never a traceback
        return {"pesan_error": _unexpected(exc, src.name)}
    report = build_report(result)
    target = src.with_name(f"{src.stem}_lkip.xlsx")
    _say(progress, f"Menulis {target.name} …")
    try:
        write_workbook(result, str(target))
    except Exception as exc:
        return {"pesan_error": f"Workbook LKIP untuk {src.name} tidak dapat ditulis ({type(exc).__name__}: {exc})."}
    text = json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    json_path = src.with_name(f"{src.stem}_lkip.json")
    json_path.write_text(text, encoding="utf-8", errors="replace")
    counts = {t: sum(1 for f in report["temuan"] if f["tingkat"] == t) for t in ("kesalahan", "peringatan", "info")}
    return {
        "berkas": src.name, "skpd": report["skpd"], "tahun": report["tahun"], "anggaran": report["anggaran"], "jumlah": counts,
        "temuan": [dict(f, label=LABEL.get(f["kode"], "")) for f in report["temuan"]],
        "pembacaan": report["pembacaan"],
        "lkip": str(target), "lkip_nama": target.name, "json": str(json_path), "json_nama": json_path.name,
    }


def rekap(paths: list[str], progress=None) -> dict[str, Any]:
    """Several workbooks: the rekap, as `lkip-xl rekap NAME…` run in their folder (one process), and its
    workbook, which then names the files as the user knows them."""
    import contextlib

    from lkip_xl.errors import InputError
    from lkip_xl.rekap import DEFAULT_OUTPUT, analyse_paths, daftar_rows
    from lkip_xl.writer.rekap import write_rekap

    folder = Path(paths[0]).parent
    files = [Path(Path(p).name) for p in paths]
    _say(progress, f"Memeriksa {len(files)} berkas …")
    with contextlib.chdir(folder):
        try:
            result = analyse_paths(files, jobs=1)
        except InputError as err:
            return {"pesan_error": str(err)}
        if not result.readable:
            first = result.entries[0] if result.entries else None
            return {"pesan_error": f"Tidak satu pun dari {len(files)} berkas dapat dibaca"
                                   + (f"; yang pertama, {first.path.name}: {first.pesan}" if first else ".")}
        target = Path(DEFAULT_OUTPUT)
        _say(progress, f"Menulis {target.name} …")
        write_rekap(result, str(target), link_base=target.parent)
    rows = []
    for row, entry in zip(daftar_rows(result), result.entries):
        a = (entry.report or {}).get("anggaran") or {}
        rows.append({"berkas": entry.path.name, "skpd": row["SKPD"], "tahun": row["Tahun"], "status": row["Status"],
                     "kesalahan": row["Kesalahan"], "peringatan": row["Peringatan"], "info": row["Info"],
                     "pagu": a.get("pagu"), "realisasi": a.get("realisasi"), "serapan": a.get("serapan"),
                     "pesan": row["Keterangan"]})
    counts = {t: sum(1 for x in result.temuan if x["tingkat"] == t) for t in ("kesalahan", "peringatan", "info")}
    # The rekap's own findings (the same office twice, another year) speak of its totals: the page shows them.
    own = [{"kode": x["kode"], "tingkat": x["tingkat"], "pesan": x["pesan"], "berkas": x.get("berkas")}
           for x in result.temuan if x["kode"] in REKAP_CODES]
    return {"rekap": str(folder / target), "rekap_nama": target.name, "baris": rows, "total": result.total,
            "jumlah": counts, "tahun": result.tahun, "temuan_rekap": own}


def template(folder: str) -> dict[str, Any]:
    """The empty input workbook, the same file as `lkip-xl template`."""
    from lkip_xl.template import write_template

    target = Path(folder) / "lkip_template.xlsx"
    write_template(str(target))
    return {"template": str(target), "template_nama": target.name}
