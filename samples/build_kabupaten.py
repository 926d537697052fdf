"""Build samples/kabupaten/: the workbooks of a few perangkat daerah, for `lkip-xl rekap`.

- kecamatan_juai_2024.xlsx      the seed sample (a copy of samples/kecamatan_juai_2024.xlsx);
- dinas_contoh_2024.xlsx        a dinas whose DPA and Realisasi go down to akun belanja rows
                                (5.1.01, 5.1.02, 5.2.02, 5.2.05) and with a negative-polarity indicator;
- kecamatan_paringin_2024.xlsx  planted errors: a wrong stated program subtotal and a wrong stated %;
- kecamatan_rusak_2024.xlsx     a truncated file (an e-mail attachment cut short): unreadable.

The workbooks are built with tests/builder.py (the tests' workbook builder) and saved with fixed
dates, so running this again gives byte-identical files.

Run:  python samples/build_kabupaten.py
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path[:0] = [str(REPO / "tests"), str(HERE), str(REPO)]

import openpyxl  # noqa: E402

import builder  # noqa: E402
from build_sample import save_deterministic  # noqa: E402

OUT = HERE / "kabupaten"
M = builder.M


def workbook(data: dict, title: str):
    """The builder's sheets as an openpyxl workbook (saved by the caller, deterministically)."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for role in builder.ROLES:
        rows = data.get(role)
        if rows is None:
            continue
        builder._write(wb.create_sheet(builder.DEFAULT_NAMES[role]), builder.SheetSpec(rows))
    wb.properties.creator = "lkip-xl samples/build_kabupaten.py"
    wb.properties.title = title
    return wb


# Akun rows per sub kegiatan: (kode, uraian, pagu, realisasi); each sub kegiatan's akun add up to it.
AKUN = {
    "7.01.01.2.01.0001": [("5.1.01.01.01.0001", "Belanja Gaji Pokok PNS", 100 * M, 90 * M)],
    "7.01.02.2.01.0001": [("5.1.02.01.01.0024", "Belanja Alat/Bahan untuk Kegiatan Kantor-Alat Tulis Kantor",
                           25 * M, 24 * M),
                          ("5.2.02.10.01.0002", "Belanja Modal Personal Computer", 15 * M, 14 * M)],
    "7.01.02.2.01.0002": [("5.1.02.02.01.0003", "Belanja Honorarium Narasumber", 60 * M, 57 * M)],
    "7.01.02.2.02.0001": [("5.1.02.01.01.0026", "Belanja Alat/Bahan untuk Kegiatan Kantor-Bahan Cetak",
                           20 * M, 18 * M),
                          ("5.2.05.01.01.0001", "Belanja Modal Bahan Perpustakaan", 30 * M, 27 * M)],
}


def dinas() -> dict:
    data = builder.minimal()
    data["identitas"] = builder.identitas_rows({"SKPD": "Dinas Contoh Ketertiban dan Pelayanan"})
    for key, with_real in (("dpa", False), ("realisasi", True)):
        rows = data[key]
        for sub, akun in AKUN.items():
            i = builder.find_row(rows, sub)
            new = []
            for kode, uraian, pagu, real in akun:
                if with_real:
                    pct = f"{real / pagu * 100:.2f}".replace(".", ",")
                    new.append([kode, uraian, pagu, real, pct, pagu - real])
                else:
                    new.append([kode, uraian, pagu])
            rows[i + 1:i + 1] = new
    # Fewer cases is better: a negative-polarity indicator (target 12, realisasi 10 -> capaian 116,67 %).
    kinerja = data["kinerja"]
    i = builder.find_row(kinerja, builder.IND_B)
    kinerja[i] = ["Sasaran", builder.TUJUAN, builder.SAS_B, "Jumlah Pelanggaran Ketertiban Umum", "Kasus",
                  "Negatif", 14, 12, 10, 13, 10]
    data["pemetaan"] = [["Indikator", "Kode"], [builder.IND_A, "7.01.02.2.01"],
                        ["Jumlah Pelanggaran Ketertiban Umum", "7.01.02.2.02.0001"]]
    return data


def paringin() -> dict:
    data = builder.minimal()
    data["identitas"] = builder.identitas_rows({"SKPD": "Kecamatan Paringin"})
    builder.put(data["dpa"], "7.01.02", "Pagu", 155 * M)               # parts add up to 150 M
    builder.put(data["realisasi"], "7.01.02.2.01", "%", 96)            # 95 / 100 = 95 %
    builder.put(data["realisasi"], "7.01.02.2.02.0001", "Realisasi", 35 * M)
    builder.put(data["realisasi"], "7.01.02.2.02.0001", "%", 70)
    builder.put(data["realisasi"], "7.01.02.2.02.0001", "Sisa", 15 * M)
    builder.put(data["realisasi"], "7.01.02.2.02", "Realisasi", 35 * M)
    builder.put(data["realisasi"], "7.01.02.2.02", "%", 70)
    builder.put(data["realisasi"], "7.01.02.2.02", "Sisa", 15 * M)
    builder.put(data["realisasi"], "7.01.02", "Realisasi", 130 * M)
    builder.put(data["realisasi"], "7.01.02", "%", "86,67")
    builder.put(data["realisasi"], "7.01.02", "Sisa", 20 * M)
    builder.put(data["realisasi"], "Total", "Realisasi", 220 * M)
    builder.put(data["realisasi"], "Total", "%", 88)
    builder.put(data["realisasi"], "Total", "Sisa", 30 * M)
    return data


def main() -> None:
    OUT.mkdir(exist_ok=True)
    shutil.copyfile(HERE / "kecamatan_juai_2024.xlsx", OUT / "kecamatan_juai_2024.xlsx")
    save_deterministic(workbook(dinas(), "Data masukan LKIP Dinas Contoh 2024"), OUT / "dinas_contoh_2024.xlsx")
    save_deterministic(workbook(paringin(), "Data masukan LKIP Kecamatan Paringin 2024"),
                       OUT / "kecamatan_paringin_2024.xlsx")
    whole = (OUT / "kecamatan_paringin_2024.xlsx").read_bytes()
    (OUT / "kecamatan_rusak_2024.xlsx").write_bytes(whole[: len(whole) // 2])
    for path in sorted(OUT.iterdir()):
        print(f"wrote {path.relative_to(REPO)}")


if __name__ == "__main__":
    main()
