"""Dump what the product gives for a set of inputs, to prove a refactoring changes nothing (issue 8 item 6).

    python tests/dump_outputs.py OUTDIR          # writes OUTDIR/<input>.report.json, .check.txt, .cells.txt
    diff -r /tmp/before /tmp/after               # empty when nothing changed

For the sample and several builder workbooks it writes the JSON report (`check --json`), the console
findings table (`check`), and every cell of the `fill` output: formula text, cached value (exact repr)
and number format, one cell per line. The same for two `rekap` workbooks (rekap_*.json, rekap_*.cells.txt):
samples/kabupaten, and two builder files with another kategori scale, no budget and formula-like names.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

import openpyxl  # noqa: E402

import builder  # noqa: E402
import variants  # noqa: E402
from builder import IND_A, IND_B, M, minimal, put  # noqa: E402


def _permendagri() -> dict:
    data = minimal()
    data["identitas"] = {"Skala Kategori": "Permendagri 86", "Rumus Efisiensi": "Selisih"}
    put(data["kinerja"], IND_B, "Realisasi 2024", 8)
    return data


def _many_findings() -> dict:
    """Findings of many codes at once: unreadable values, duplicates, negatives, orphans, unknown references."""
    data = minimal()
    data["identitas"] = {"Rumus Efisiensi": "Entah", "Toleransi Rupiah": "banyak"}
    put(data["kinerja"], IND_A, "Realisasi 2024", "sembilan puluh")
    put(data["kinerja"], IND_B, "Target 2025", 9)  # TARGET_NOT_CHALLENGING
    data["kinerja"].append(["Sasaran", builder.TUJUAN, builder.SAS_B, "Jumlah Dokumen", "%", "Positif",
                            5, 6, 7, 5, 6])  # UNIT_MISMATCH, UNMAPPED_INDICATOR
    data["dpa"].insert(3, ["7.01.01.2.01.0001", "Penyediaan Gaji dan Tunjangan ASN", 100 * M])  # DUPLICATE_CODE
    data["dpa"].insert(-1, ["7.01.05.2.01.0001", "Sub Tanpa Induk", 0])  # ORPHAN_ROW
    put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", 55 * M)  # REALISASI_EXCEEDS_PAGU
    put(data["realisasi"], "7.01.02.2.01.0001", "Realisasi", -1 * M)  # NEGATIVE_AMOUNT
    put(data["realisasi"], "7.01.02.2.01.0002", "Pagu", 61 * M)  # PAGU_MISMATCH
    data["pemetaan"] += [["Indikator Tak Dikenal", "7.01.02"], [IND_A, "9.99.99"]]
    data["komponen"] = [["Indikator", "Tahun", "Komponen", "Nilai", "Metode"],
                        [IND_B, 2024, "Desa A", 7, "jumlah"], [IND_B, 2024, "Desa B", 4, "jumlah"],
                        ["Tak Ada", 2024, "X", 1, "jumlah"]]  # COMPONENT_MISMATCH, UNKNOWN_REFERENCE
    data["belanja"] = [["Kode Rekening", "Uraian", "Pagu", "Realisasi", "%"],
                       ["5.1", "Belanja Operasi", 200 * M, 185 * M, "90,00"],
                       ["5.1.01", "Belanja Pegawai", 100 * M, 90 * M, "90,00"],
                       ["5.1.02", "Belanja Barang dan Jasa", 90 * M, 95 * M, "95,00"],
                       [None, "Jumlah", 250 * M, 230 * M, "92,00"]]
    data["dilaporkan"] = [["Tabel", "Subjek", "Ukuran", "Nilai"],
                          ["Tabel 3.4", IND_A, "Serapan", "96%"],
                          ["Tabel 3.4", IND_A, "Warna", "biru"],
                          ["Tabel 3.4", "Entah Apa", "Pagu", 1],
                          ["Tabel 3.4", "Total", "Capaian", 1],
                          ["Tabel 3.5", IND_B, "Kategori", "Buruk"],
                          ["Tabel 3.5", IND_B, "Realisasi", "dua belas"]]
    return data


def inputs(folder: Path) -> dict[str, Path]:
    import test_fill

    out = {"sample": variants.SAMPLE}
    for name in ("minimal", "split", "two_row", "findings", "akun"):
        out[name] = variants.base_path(name, folder)
    for name, make in test_fill.BUILDERS.items():
        out[name] = make(folder)
    out["permendagri"] = builder.build(folder, "permendagri.xlsx", **_permendagri())
    out["many_findings"] = builder.build(folder, "many_findings.xlsx", **_many_findings())
    return out


def rekap_inputs(folder: Path) -> dict[str, list[Path]]:
    """The rekaps dumped: the sample folder, and two files with another scale, no budget, odd names."""
    from builder import identitas_rows

    a = minimal()
    a["identitas"] = identitas_rows({"SKPD": '=HYPERLINK("http://contoh.invalid","klik")',
                                     "Skala Kategori": "Permendagri 86"})
    put(a["kinerja"], "Jumlah Desa Tertib", "Realisasi 2024", 6)
    b = minimal()
    b["identitas"] = identitas_rows({"SKPD": "+Badan*Uji?"})
    b["pemetaan"] = None
    put(b["kinerja"], "Jumlah Desa Tertib", "Realisasi 2024", None)
    # relative to the repository (main() works there): a checkout's own folder never enters a message
    return {"kabupaten": [Path("samples") / "kabupaten"],
            "lain": [builder.build(folder, "rekap_a.xlsx", **a), builder.build(folder, "rekap_b.xlsx", **b)]}


def cell_lines(path: Path) -> list[str]:
    formulas = openpyxl.load_workbook(path, data_only=False)
    values = openpyxl.load_workbook(path, data_only=True)
    lines = [f"sheets {json.dumps(formulas.sheetnames, ensure_ascii=False)}"]
    for ws in formulas.worksheets:
        cached = values[ws.title]
        for row in ws.iter_rows():
            for c in row:
                if c.value is None:
                    continue
                entry = {"v": repr(cached[c.coordinate].value), "fmt": c.number_format}
                if type(c.value).__name__ == "ArrayFormula":  # {=…} over c.value.ref
                    entry["f"] = "{" + str(c.value.text) + "}"
                    entry["array"] = c.value.ref
                elif c.data_type == "f":
                    entry["f"] = str(c.value)
                if c.hyperlink is not None:
                    entry["link"] = c.hyperlink.location or c.hyperlink.target
                lines.append(f"{ws.title}!{c.coordinate} {json.dumps(entry, ensure_ascii=False)}")
    return lines


def main(outdir: str) -> None:
    from lkip_xl.api import analyse
    from lkip_xl.console import findings_table
    from lkip_xl.report import build_report
    from lkip_xl.writer import write_workbook

    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, path in inputs(folder).items():
            result = analyse(str(path))
            report = json.dumps(build_report(result), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
            (out / f"{name}.report.json").write_text(report, encoding="utf-8")
            (out / f"{name}.check.txt").write_text(findings_table(result, path.name), encoding="utf-8")
            filled = folder / f"{name}_lkip.xlsx"
            write_workbook(result, filled)
            (out / f"{name}.cells.txt").write_text("\n".join(cell_lines(filled)) + "\n", encoding="utf-8")
            print(f"{name}: {len(result.findings)} temuan")
        from lkip_xl.rekap import analyse_paths, rekap_json
        from lkip_xl.writer.rekap import write_rekap

        os.chdir(HERE.parent)
        for name, paths in rekap_inputs(folder).items():
            rekap = analyse_paths(paths, jobs=1)
            for e in rekap.entries:  # paths as given differ between checkouts and runs: names only
                e.berkas = e.path.name
            for t in rekap.temuan:
                t["berkas"] = Path(t["berkas"]).name
            text = json.dumps(rekap_json(rekap), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
            (out / f"rekap_{name}.json").write_text(text, encoding="utf-8")
            book = folder / f"rekap_{name}.xlsx"
            write_rekap(rekap, str(book))
            (out / f"rekap_{name}.cells.txt").write_text("\n".join(cell_lines(book)) + "\n", encoding="utf-8")
            print(f"rekap {name}: {len(rekap.entries)} berkas, {len(rekap.temuan)} temuan")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python tests/dump_outputs.py OUTDIR")
    main(sys.argv[1])
