"""The empty input workbook (SPEC §3): headers, validation lists, examples and a Petunjuk sheet."""
from __future__ import annotations

import datetime
import os
from itertools import groupby
from typing import NamedTuple

from lkip_xl.figures import DEFAULT_EFISIENSI, RUMUS_EFISIENSI, RUMUS_NEGATIF
from lkip_xl.model import GOLONGAN, KOMPONEN_LHE, PENDIDIKAN, RUANG, STATUS
from lkip_xl.reader.bab1 import (
    INOVASI_FIELDS, PEGAWAI_FIELDS, PENGHARGAAN_FIELDS, TINDAK_LANJUT_FIELDS, pangkat_shown,
)
from lkip_xl.reader.budget import BELANJA_FIELDS, DPA_FIELDS, REALISASI_FIELDS
from lkip_xl.reader.identitas import KEYS
from lkip_xl.reader.kinerja import KINERJA_FIELDS, KOMPONEN_FIELDS
from lkip_xl.reader.links import DILAPORKAN_FIELDS, PEMETAAN_FIELDS, SKALA_FIELDS
from lkip_xl.reader.upaya import UPAYA_FIELDS
from lkip_xl.reader.sheets import SHEET_NAMES_SHOWN, SHEET_SYNONYMS, FieldSpec, shown_label
from lkip_xl.reader.values import norm_label

LAST_ROW = 500  # validation lists cover data rows 2..LAST_ROW
LENIENT = {"Polaritas"}  # +/-, Maksimal/Minimal, Naik/Turun are accepted too (SPEC §3.2)
# Every list of these sheets only warns: other spellings (D-III, Penata Muda III/a, a komponen of its own) are read.
LENIENT_SHEETS = {"Pegawai", "Tindak Lanjut LHE"}


class Col(NamedTuple):
    label: str
    width: float
    note: str  # what the column holds and its accepted other labels
    example: str = ""
    required: bool = False
    kind: str = ""  # "text": keep typed codes as text ("1.10" must not become 1.1); "money": #,##0


class Sheet(NamedTuple):
    name: str
    about: str  # what the sheet holds and its accepted other names
    columns: list[Col]
    lists: dict[str, list[str]] = {}  # column label -> allowed values


IKM = "Indeks Kepuasan Masyarakat (IKM) Pelayanan dan Kesejahteraan Sosial"
SUB = "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan"
SUB_CODE = "7.01.02.2.02.0003"
TARGETS = {2021: "87,50", 2022: "87,55", 2023: "87,60", 2024: "87,65", 2025: "87,70", 2026: "87,75"}
REALISASI = {2022: "87,59", 2023: "87,62", 2024: "87,67"}
CODE = (f"Kode rekening: program 7.01.02, kegiatan 7.01.02.2.02, sub kegiatan "
        f"{SUB_CODE}, akun belanja 5.1.02.01.01.0024 (milik sub kegiatan di atasnya). Boleh dipecah ke beberapa "
        "kolom berdampingan di bawah satu judul Kode (7.01.02 | 2.02 | 0003).")
NUMBER = "Nomor urut bertingkat: 1. program, 1.1 kegiatan, 1.1.1 sub kegiatan."

IDENTITAS = [  # key, default value, allowed values, example
    ("SKPD", "", [], "Kecamatan Juai"),
    ("Pemerintah Daerah", "", [], "Kabupaten Balangan"),
    ("Tahun", "", [], "2024 (wajib: tahun laporan)"),
    ("Periode Renstra", "", [], "2021-2026"),
    ("Kepala SKPD", "", [], "NAMA CAMAT, S.Sos., M.M."),
    ("NIP", "", [], "19800101 200501 1 001"),
    ("Jabatan", "", [], "Camat Juai"),
    ("Tempat dan Tanggal", "", [], "Juai, Februari 2025"),
    ("Rumus Polaritas Negatif", "(2T-R)/T", list(RUMUS_NEGATIF), "(2T-R)/T"),
    ("Rumus Efisiensi", DEFAULT_EFISIENSI, list(RUMUS_EFISIENSI), DEFAULT_EFISIENSI),
    ("Skala Kategori", "Berhasil", ["Berhasil", "Permendagri 86"], "Berhasil"),
    ("Toleransi Rupiah", 1, [], "1"),
    ("Nomor LHE", "", [], "700/147/LHE/Inspektorat-Blg/2024 (untuk lembar Tindak Lanjut LHE)"),
    ("Tanggal LHE", "", [], "19 Juli 2024"),
]

# Pangkat/golongan as a DUK writes them, for the Pegawai sheet's drop-down (a range: beyond the 255
# characters of an inline list). Other spellings (III/a, Penata Muda III/a) are read too.
PANGKAT_LIST = [f"{pangkat_shown(code)} ({code})" for code in
                (f"{g}/{r}" for g in GOLONGAN for r in RUANG[g])] + \
    [f"PPPK Golongan {g}" for g in ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
                                    "XIV", "XV", "XVI", "XVII")]
LISTS_SHEET = "Daftar Pilihan"  # hidden: the long drop-down lists
LONG_LISTS = {"Pangkat/Golongan": PANGKAT_LIST}

SHEETS = [
    Sheet("Identitas", "Identitas laporan dan pilihan perhitungan, satu baris per kunci. Kunci di kolom A, nilai "
          "di kolom B. Hanya Tahun yang wajib.", [
              Col("Kunci", 26, "Nama kunci; sudah terisi, jangan diubah.", "Tahun"),
              Col("Nilai", 50, "Isi nilainya. Pilihan bawaan sudah terisi.", "2024"),
          ]),
    Sheet("Kinerja", "Satu baris per indikator tujuan atau sasaran dari Renstra dan Perjanjian Kinerja. Sesuaikan tahun pada judul Target/Realisasi/Capaian dengan periode "
          "Renstra dan tahun laporan. Sel Tujuan/Sasaran yang kosong atau digabung mengikuti baris di atasnya.", [
              Col("Level", 10, "Tujuan atau Sasaran; kosong berarti Sasaran.", "Sasaran"),
              Col("Tujuan", 32, "Tujuan Renstra.",
                  "Terwujudnya Tata Kelola Pemerintah Kecamatan yang Baik"),
              Col("Sasaran", 32, "Sasaran strategis.",
                  "Meningkatnya Fasilitasi Pelayanan Masyarakat"),
              Col("Indikator", 40, "Nama indikator kinerja.", IKM, True),
              Col("Satuan", 10, "Satuan indikator.", "Indeks"),
              Col("Polaritas", 11, "Positif (makin tinggi makin baik) atau Negatif; juga +/-, Maksimal/Minimal, "
                  "Naik/Turun. Kosong berarti Positif, kecuali target ditulis ≥ / min (Positif) atau ≤ / maks (Negatif).",
                  "Positif"),
              *(Col(f"Target {y}", 12, "Target Renstra per tahun: angka, atau seperti di dokumen PK: ≥ 83, maks. 20, "
                  "80 - 85 % (rentang: capaian diukur terhadap batas yang harus dicapai).", v)
                for y, v in TARGETS.items()),
              *(Col(f"Realisasi {y}", 12, "Realisasi tahun lalu dan tahun laporan (atau dari lembar Komponen).", v)
                for y, v in REALISASI.items()),
              Col("Target PK", 12, "Target Perjanjian Kinerja bila berbeda penulisannya; kosong = target Renstra "
                  "tahun laporan.", "87,65"),
              Col("Capaian 2024", 12, "Capaian yang dilaporkan (diperiksa, tidak dipakai menghitung).", "100,02%"),
              Col("Kategori", 16, "Kategori yang dilaporkan (diperiksa).", "Sangat Berhasil"),
              Col("Kab/Kota Lain", 14, "Pembanding kabupaten/kota lain (teks atau angka).", "Tidak ada"),
              Col("RPJMD Provinsi", 14, "Pembanding RPJMD provinsi.", "Tidak ada"),
              Col("RPJMN", 14, "Pembanding RPJMN.", "Tidak ada"),
              Col("Makna", 30, "Makna indikator (tabel IKU).", "Tingkat kualitas pelayanan yang diberikan seksi "
                  "pelayanan publik kepada seluruh warga Kecamatan Juai"),
              Col("Alasan Pemilihan", 30, "Alasan pemilihan indikator.", "Sebagai indikator bagi Pemerintah "
                  "Kecamatan Juai dalam memberikan layanan kepada masyarakat"),
              Col("Formulasi", 30, "Formulasi perhitungan.", "Rata-rata nilai IKM semester I dan semester II"),
              Col("Sumber/Referensi", 30, "Sumber/referensi indikator.", "Keputusan Menteri PANRB Nomor 14 Tahun 2017"),
              Col("Penanggung Jawab", 18, "Penanggung jawab indikator.", "Camat Juai"),
              Col("Sumber Data", 24, "Sumber data.", "Seksi Pelayanan dan Kesejahteraan Sosial"),
          ], {"Level": ["Tujuan", "Sasaran"], "Polaritas": ["Positif", "Negatif"]}),
    Sheet("Komponen", "Opsional: cara realisasi indikator dihitung, satu baris per komponen. Realisasi dari "
          "komponen menggantikan realisasi yang ditulis di Kinerja (yang berbeda menjadi temuan).", [
              Col("Indikator", 40, "Nama indikator persis seperti di lembar Kinerja.", IKM, True),
              Col("Tahun", 8, "Tahun realisasi.", "2024", True),
              Col("Komponen", 20, "Nama komponen.", "Semester I"),
              Col("Nilai", 12, "Nilai komponen.", "87,56", True),
              Col("Metode", 12, "rata-rata, jumlah, atau pembilang/penyebut (realisasi = jumlah pembilang / "
                  "jumlah penyebut x 100).", "rata-rata (Semester II 87,78 -> IKM 2024 = 87,67)", True),
          ], {"Metode": ["rata-rata", "jumlah", "pembilang", "penyebut"]}),
    Sheet("DPA", "Pohon anggaran: program, kegiatan, sub kegiatan dan boleh sampai akun belanja. Tiap baris perlu Kode atau No (atau kolom Level: Program, Kegiatan, Sub "
          "Kegiatan). Baris berlabel Total/Jumlah tanpa kode dianggap "
          "total yang dilaporkan dan diperiksa; pagu program dan kegiatan juga diperiksa terhadap jumlah "
          "sub kegiatannya.", [
              Col("Kode", 20, CODE, SUB_CODE, kind="text"),
              Col("No", 7, NUMBER, "2.1.1", kind="text"),
              Col("Uraian", 45, "Nama program/kegiatan/sub kegiatan/akun.", SUB),
              Col("Indikator", 40, "Indikator program/kegiatan/sub kegiatan.", "Jumlah Laporan Peningkatan "
                  "Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan"),
              Col("Target Kinerja", 14, "Target kinerja.", "1 Laporan"),
              Col("Satuan", 10, "Satuan target kinerja.", "Laporan"),
              Col("Pagu", 18, "Pagu anggaran (Rp).", "219.579.800", True, "money"),
          ]),
    Sheet("Realisasi", "Realisasi anggaran per program/kegiatan/sub kegiatan, dengan aturan Kode/No yang sama seperti DPA. Pagu, % dan Sisa bila diisi diperiksa.", [
              Col("Kode", 20, CODE, SUB_CODE, kind="text"),
              Col("No", 7, NUMBER, "2.1.1", kind="text"),
              Col("Uraian", 45, "Nama program/kegiatan/sub kegiatan.", SUB),
              Col("Pagu", 18, "Pagu anggaran; diperiksa terhadap DPA.", "219.579.800",
                  kind="money"),
              Col("Realisasi", 18, "Realisasi anggaran (Rp).",
                  "219.183.899", True, "money"),
              Col("%", 10, "Serapan yang dilaporkan.",
                  "99,82%"),
              Col("Sisa", 16, "Sisa anggaran yang dilaporkan.", "395.901", kind="money"),
          ]),
    Sheet("Pemetaan", "Program/kegiatan/sub kegiatan pendukung tiap indikator, satu baris per pasangan. Program atau kegiatan mewakili semua sub kegiatan di bawahnya. "
          "Indikator tujuan tanpa baris didukung seluruh anggaran.", [
              Col("Indikator", 40, "Nama indikator persis seperti di lembar Kinerja.", IKM, True),
              Col("Kode", 20, "Kode program/kegiatan/sub kegiatan dari DPA, atau nomor urutnya (kolom No).",
                  SUB_CODE, True, "text"),
          ]),
    Sheet("Belanja", "Opsional: realisasi per jenis belanja. Tidak perlu bila DPA "
          "dan Realisasi memuat baris akun.", [
              Col("Kode", 14, "Kode akun belanja: 5.1.01 pegawai, 5.1.02 barang dan jasa, 5.2.02 modal peralatan "
                  "dan mesin, 5.2.05 modal aset tetap lainnya.", "5.1.02", True, "text"),
              Col("Uraian", 36, "Nama jenis belanja.", "Belanja Barang dan Jasa"),
              Col("Pagu", 18, "Pagu anggaran.", "3.752.823.200", True, "money"),
              Col("Realisasi", 18, "Realisasi anggaran.", "3.641.486.341", True, "money"),
              Col("%", 10, "Serapan yang dilaporkan (diperiksa).", "97,03%"),
          ]),
    Sheet("Dilaporkan", "Opsional: angka dari draf laporan yang ingin diperiksa.", [
              Col("Tabel", 16, "Nama tabel di laporan (bebas).", "Tabel 3.4"),
              Col("Subjek", 40, "Nama indikator, kode atau nomor urut, kode akun, atau Total.", IKM, True),
              Col("Ukuran", 22, "Besaran yang dilaporkan (pilih dari daftar).", "Serapan", True),
              Col("Nilai", 16, "Angka yang tertulis di laporan.", "99,55%", True),
          ], {"Ukuran": ["Target", "Realisasi", "Capaian", "Capaian Akhir Renstra", "Pagu", "Realisasi Anggaran",
                         "Serapan", "Sisa", "Efisiensi", "Kategori", "Jumlah Pegawai"]}),
    Sheet("Skala", "Opsional: skala kategori sendiri; bila diisi menggantikan pilihan Skala Kategori di Identitas. "
          "Kategori berlaku mulai Batas Bawah (capaian dalam %) sampai batas berikutnya.", [
              Col("Batas Bawah", 14, "Capaian terendah (%) untuk kategori ini.", "100 / 75 / 55 / 0", True),
              Col("Kategori", 24, "Nama kategori.", "Sangat Berhasil / Berhasil / Cukup Berhasil / Kurang Berhasil",
                  True),
          ]),
    Sheet("Pegawai", "Opsional (Bab I): satu baris per pegawai, seperti Daftar Urut Kepangkatan (DUK). Menghasilkan "
          "Tabel 1.1 (jumlah pegawai menurut pendidikan, pangkat dan golongan, dihitung langsung dari lembar Data "
          "Pegawai) dan Tabel 1.2 (daftar nominatif, urut seperti lembar ini). Nama dan NIP boleh ditulis dalam satu "
          "sel (NIP di baris bawah nama). NIP yang bukan 18 angka, pangkat/golongan atau pendidikan yang tidak "
          "dikenal dilaporkan sebagai temuan (PEGAWAI_TIDAK_VALID). Tabel 1.1 draf dapat diperiksa lewat lembar "
          "Dilaporkan dengan Ukuran Jumlah Pegawai dan Subjek S1, III/a, III, PPPK atau Total.", [
              Col("Nama", 32, "Nama pegawai dengan gelarnya (boleh diikuti NIP di baris bawah dalam sel yang sama).",
                  "Nanang Edward, S.Sos., M.M", True),
              Col("NIP", 22, "NIP 18 angka; spasi boleh. Tulis sebagai teks (angka Excel hanya menyimpan 15 digit).",
                  "19800127 200604 1 016", kind="text"),
              Col("Pangkat/Golongan", 24, "Pangkat dengan golongan/ruang, atau salah satunya: Pembina (IV/a), IV/a, "
                  "Penata Muda III/a, Penata Muda Tk.I; PPPK ditulis PPPK Golongan VII.", "Pembina (IV/a)"),
              Col("Jabatan", 34, "Jabatan.", "Camat"),
              Col("Pendidikan", 12, "Pendidikan terakhir: SD, SLTP, SLTA, D1–D4, S1–S3 (juga SMP, SMA/SMK/SMU, "
                  "D-III, S-1, Strata 1 …).", "S2"),
              Col("Status", 9, "PNS atau PPPK; kosong berarti menurut pangkat/golongannya.", "PNS"),
          ], {"Pangkat/Golongan": PANGKAT_LIST, "Pendidikan": list(PENDIDIKAN), "Status": list(STATUS)}),
    Sheet("Penghargaan", "Opsional (Bab III): satu baris per penghargaan yang diterima. Menghasilkan tabel Daftar "
          "Penghargaan.", [
              Col("Tanggal", 16, "Tanggal penerimaan: tanggal Excel, 30 Mei 2024, 30-05-2024, atau bulan saja "
                  "(Desember 2024). Tanggal yang tidak terbaca menjadi temuan.", "30 Mei 2024"),
              Col("Tempat", 24, "Tempat penyerahan.", "Kab Balangan"),
              Col("Penghargaan", 40, "Nama penghargaan atau prestasi.", "Lomba Desa (Desa Hukai)", True),
              Col("Pemberi", 36, "Pemberi penghargaan.", "Satpol PP Kabupaten Balangan"),
          ]),
    Sheet("Inovasi", "Opsional (Bab III): satu baris per inovasi. Menghasilkan daftar inovasi bernomor.", [
              Col("Nama", 40, "Nama inovasi dan singkatannya.", "Sistem Publikasi Digital (Silikit)", True),
              Col("Uraian", 70, "Uraian singkat inovasi.", "Inovasi yang dilakukan untuk mengaktifkan media "
                  "informasi digital di Kecamatan Juai."),
          ]),
    Sheet("Tindak Lanjut LHE", "Opsional (Bab III): rekomendasi Laporan Hasil Evaluasi (LHE) akuntabilitas kinerja "
          "tahun lalu dan rencana tindak lanjutnya, satu baris per rekomendasi. Menghasilkan tabelnya, dikelompokkan "
          "per komponen, dengan Nomor LHE dan Tanggal LHE dari lembar Identitas. Sel Komponen yang kosong mengikuti "
          "baris di atasnya.", [
              Col("Komponen", 28, "Komponen evaluasi: Perencanaan Kinerja, Pengukuran Kinerja, Pelaporan Kinerja "
                  "atau Evaluasi Akuntabilitas Kinerja.", "Perencanaan Kinerja"),
              Col("Rekomendasi", 50, "Rekomendasi LHE.", "Menyempurnakan Diagram Crosscutting", True),
              Col("Rencana Tindak Lanjut", 50, "Rencana tindak lanjutnya.",
                  "Sesegeranya menyusun draft diagram crosscutting kecamatan"),
              Col("Status", 14, "Status tindak lanjut (bebas).", "Dalam proses"),
          ], {"Komponen": list(KOMPONEN_LHE)}),
    Sheet("Upaya Perbaikan", "Opsional: langkah yang akan ditempuh untuk meningkatkan kinerja, satu upaya per "
          "baris; dicetak berurutan sebagai daftar bernomor di Bab IV (4.3 Upaya Perbaikan) lembar Analisis Capaian.", [
              Col("Upaya", 90, "Satu upaya perbaikan.", "Mengevaluasi kembali kekurangan yang masih ada.", True),
          ]),
    Sheet("Pengaturan Baca", "Opsional: bila lkip-xl salah memilih baris judul atau "
          "kolom sebuah lembar (lihat Pembacaan Input di hasil fill, atau lkip-xl check --pembacaan), tuliskan di "
          "sini cara membacanya, satu baris per lembar. Yang diisi menggantikan pengenalan otomatis untuk lembar "
          "itu; yang dikosongkan tetap dikenali otomatis. Kolom lain boleh ditambah dengan nama kolom lembar itu "
          "(mis. Target Kinerja, Sisa, %, Target 2024). Baris atau kolom yang tidak ada atau tidak berisi data "
          "membuat pemeriksaan berhenti dengan pesan yang menyebutkannya.", [
              Col("Lembar", 18, "Nama lembar yang diatur, persis seperti nama tab-nya.", "DPA", True, "text"),
              Col("Baris Header", 14, "Nomor baris judul tabel; dua baris ditulis 11-12.", "11-12", False, "text"),
              Col("Baris Akhir", 14, "Nomor baris data terakhir; baris di bawahnya tidak dibaca.", "120", False,
                  "text"),
              Col("Kode", 10, "Huruf kolom kode; kode yang terpecah ke beberapa kolom ditulis A:C.", "A:E", False,
                  "text"),
              Col("No", 10, "Huruf kolom nomor urut bertingkat.", "B", False, "text"),
              Col("Uraian", 10, "Huruf kolom nama program/kegiatan/sub kegiatan.", "F", False, "text"),
              Col("Pagu", 10, "Huruf kolom pagu anggaran.", "K", False, "text"),
              Col("Realisasi", 10, "Huruf kolom realisasi anggaran.", "L", False, "text"),
              Col("Indikator", 10, "Huruf kolom nama indikator (lembar Kinerja dan Pemetaan).", "D", False, "text"),
          ]),
]

GENERAL = [
    ("h", "Petunjuk pengisian workbook masukan lkip-xl"),
    ("p", "Isi satu baris data per baris di bawah judul kolom setiap lembar. Judul kolom oranye wajib diisi, yang "
          "biru boleh kosong. Contoh isian ada di komentar sel judul (arahkan penunjuk ke sel judul); workbook ini "
          "sengaja tidak memuat baris contoh agar tidak terbaca sebagai data."),
    ("p", "Nama lembar dan judul kolom dikenali tanpa membedakan huruf besar/kecil, spasi, _ dan -, dan boleh memakai "
          "nama lain yang disebut di bawah. Judul kolom tidak harus di baris 1: baris judul tabel, baris kosong, "
          "sel gabungan dan judul dua baris (mis. Target di atas 2023 | 2024) boleh ada di atas data."),
    ("h", "Bentuk nilai"),
    ("p", "Angka boleh berupa angka Excel atau teks gaya Indonesia: 6.025.173.178, 6.025.173.178,00, "
          "Rp. 7.996.663.078,00, 93,67, 93,67%, 100 %, 70 LKD (angka dan satuan), Baik (67,50). Tanda -, sel kosong "
          "dan Tidak ada berarti tidak ada nilai. Persen boleh angka berformat persen (0,9367 tampil 93,67%), angka "
          "93,67 di kolom persen, atau teks 93,67%. Nilai yang tidak terbaca dilaporkan sebagai temuan beserta "
          "alamat selnya."),
    ("h", "Menjalankan"),
    ("p", "Periksa: lkip-xl check file.xlsx (daftar temuan; --json untuk laporan JSON). Buat tabel LKIP: "
          "lkip-xl fill file.xlsx menghasilkan file_lkip.xlsx di folder yang sama (-o untuk nama lain, --force untuk "
          "menimpa). Template kosong baru: lkip-xl template -o lkip_template.xlsx."),
]


# ---------------------------------------------------------------- accepted labels, from the reader itself

# The reader's own synonym tables: the Petunjuk lists exactly what they accept, so the two cannot drift.
READER_FIELDS: dict[str, list[FieldSpec]] = {
    "kinerja": KINERJA_FIELDS, "komponen": KOMPONEN_FIELDS, "dpa": DPA_FIELDS, "realisasi": REALISASI_FIELDS,
    "pemetaan": PEMETAAN_FIELDS, "belanja": BELANJA_FIELDS, "dilaporkan": DILAPORKAN_FIELDS, "skala": SKALA_FIELDS,
    "pegawai": PEGAWAI_FIELDS, "penghargaan": PENGHARGAAN_FIELDS, "inovasi": INOVASI_FIELDS,
    "tindak_lanjut": TINDAK_LANJUT_FIELDS,
    "upaya": UPAYA_FIELDS,
}


def shown(synonym: str) -> str:
    """A reader synonym as a user writes it (shown_label, and NIP in capitals)."""
    return " ".join("NIP" if w == "Nip" else w for w in shown_label(synonym).split())


def label_key(label: str) -> str:
    """A label as the header finder compares it (`%` is `persen`)."""
    return norm_label(label.replace("%", " persen "))


def role_of(sheet_name: str) -> str:
    compact = label_key(sheet_name).replace(" ", "")
    return next(role for role, names in SHEET_SYNONYMS.items() if compact in names)


def field_of(role: str, label: str) -> FieldSpec | None:
    """The reader field a template column is read as (None: a year column such as Target 2024)."""
    key = label_key(label)
    return next((f for f in READER_FIELDS.get(role, []) if key in f.synonyms), None)


def other_names(synonyms: tuple[str, ...], label: str) -> list[str]:
    key = label_key(label)
    return [shown(s) for s in synonyms if s != key]


def sheet_names_line(sheet: Sheet) -> str | None:
    compact = label_key(sheet.name).replace(" ", "")
    names = [SHEET_NAMES_SHOWN.get(n, n.title()) for n in SHEET_SYNONYMS[role_of(sheet.name)] if n != compact]
    return f"Nama lain lembar: {', '.join(names)}." if names else None


def column_note(sheet: Sheet, col: Col) -> str:
    """What the column holds and every other label the reader accepts for it."""
    spec = field_of(role_of(sheet.name), col.label)
    others = other_names(spec.synonyms, col.label) if spec else []
    return col.note + (f" Nama lain: {', '.join(others)}." if others else "")


def extra_fields_line(sheet: Sheet) -> str | None:
    """Reader fields the template has no column for: they are recognised too."""
    role = role_of(sheet.name)
    used = {id(field_of(role, c.label)) for c in sheet.columns}
    extra = [f for f in READER_FIELDS.get(role, []) if id(f) not in used]
    if not extra:
        return None
    return "Kolom lain yang juga dikenali: " + "; ".join(
        f"{f.title} (judul: {', '.join(shown(s) for s in f.synonyms)})" for f in extra) + "."


def identitas_keys_line() -> str:
    parts = []
    for key, *_ in IDENTITAS:
        synonyms = next(syns for syns in KEYS.values() if label_key(key) in syns)
        others = other_names(synonyms, key)
        if others:
            parts.append(f"{key} = {' / '.join(others)}")
    return "Nama lain kunci: " + "; ".join(parts) + "."


def _petunjuk() -> list[tuple[str, str]]:
    lines = list(GENERAL)
    for sheet in SHEETS:
        lines += [("h", f"Lembar {sheet.name}"), ("p", sheet.about)]
        names = sheet_names_line(sheet)
        if names:
            lines.append(("p", names))
        if sheet.name == "Identitas":
            options = "; ".join(f"{k}: {' atau '.join(c)} (bawaan {d})" for k, d, c, _ in IDENTITAS if c)
            lines.append(("p", f"Pilihan: {options}; Toleransi Rupiah: selisih uang yang masih dianggap sama "
                               "(bawaan 1)."))
            lines.append(("p", identitas_keys_line()))
            continue
        required = [c.label for c in sheet.columns if c.required]
        lines.append(("p", "Kolom wajib: " + (", ".join(required) or "-") + "."))
        notes = [(c.label, column_note(sheet, c)) for c in sheet.columns]
        for note, same in groupby(notes, key=lambda n: n[1]):  # Target 2021 … Target 2026 once
            labels = [label for label, _ in same]
            lines.append(("i", f"{labels[0]}{' … ' + labels[-1] if len(labels) > 1 else ''}: {note}"))
        extra = extra_fields_line(sheet)
        if extra:
            lines.append(("i", extra))
    return lines


def write_template(path: str | os.PathLike) -> None:
    """Write the empty input workbook to path; the same bytes on every run."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(os.fspath(path), {
        "strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False})
    wb.set_properties({"title": "Masukan lkip-xl", "created": datetime.datetime(2025, 1, 1)})
    head = {"bold": True, "border": 1, "text_wrap": True, "valign": "vcenter", "align": "center"}
    fmt = {
        "head": wb.add_format({**head, "bg_color": "#DDEBF7"}),
        "need": wb.add_format({**head, "bg_color": "#F8CBAD"}),
        "text": wb.add_format({"num_format": "@"}),
        "money": wb.add_format({"num_format": "#,##0"}),
        "h": wb.add_format({"bold": True, "font_size": 12, "font_color": "#1F4E79"}),
        "p": wb.add_format({"text_wrap": True, "valign": "top"}),
        "i": wb.add_format({"text_wrap": True, "valign": "top", "indent": 2}),
    }

    ws = wb.add_worksheet("Petunjuk")
    ws.set_column(0, 0, 110)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    for row, (style, text) in enumerate(_petunjuk()):
        # Explicit heights: LibreOffice does not grow rows for wrapped text on load.
        ws.set_row(row, 16 * (len(text) // 115 + 1) + 2)
        ws.write_string(row, 0, text, fmt[style])

    for sheet in SHEETS:
        ws = wb.add_worksheet(sheet.name)
        for col, c in enumerate(sheet.columns):
            ws.set_column(col, col, c.width, fmt.get(c.kind))
            ws.write_string(0, col, c.label, fmt["need" if c.required else "head"])
            tip = column_note(sheet, c) + (f"\nContoh: {c.example}" if c.example else "")
            ws.write_comment(0, col, tip, {"width": 320, "height": 24 + 15 * (len(tip) // 48 + tip.count("\n"))})
            if c.label in sheet.lists:
                ws.data_validation(1, col, LAST_ROW - 1, col, _choice(sheet.lists[c.label], c.label in LENIENT or
                                                                      sheet.name in LENIENT_SHEETS))
        ws.freeze_panes(1, 0)
        if sheet.name == "Identitas":
            _fill_identitas(ws, fmt)
    _lists_sheet(wb)
    wb.close()


def _lists_sheet(wb) -> None:
    """The long drop-down lists, one column each, on a hidden sheet."""
    ws = wb.add_worksheet(LISTS_SHEET)
    for col, (label, values) in enumerate(LONG_LISTS.items()):
        ws.write_string(0, col, label)
        for row, value in enumerate(values, start=1):
            ws.write_string(row, col, value)
        ws.set_column(col, col, 28)
    ws.hide()


def _fill_identitas(ws, fmt: dict) -> None:
    for row, (key, default, choices, example) in enumerate(IDENTITAS, start=1):
        ws.write_string(row, 0, key)
        ws.write_comment(row, 0, f"Contoh: {example}", {"width": 240, "height": 40})
        if isinstance(default, str) and default:
            ws.write_string(row, 1, default)
        elif default != "":
            ws.write_number(row, 1, default)
        elif key == "NIP":
            ws.write_blank(row, 1, None, fmt["text"])  # an 18-digit NIP typed as a number would lose digits
        if choices:
            ws.data_validation(row, 1, row, 1, _choice(choices))


def _choice(values: list[str], lenient: bool = False) -> dict:
    """A drop-down list; a lenient one only warns, so accepted other spellings can still be typed. A list
    longer than an inline one may be is read from its column of the hidden Daftar Pilihan sheet."""
    message = "Pilih salah satu: " + ", ".join(values) + "."
    source: str | list[str] = values
    if len(",".join(values)) > INLINE_LIST:
        from xlsxwriter.utility import quote_sheetname, xl_range_abs

        col = list(LONG_LISTS.values()).index(values)
        source = f"{quote_sheetname(LISTS_SHEET)}!{xl_range_abs(1, col, len(values), col)}"
        message = f"Pilih dari daftar ({values[0]} … {values[-1]}) atau tulis bentuk lain yang dikenali."
    return {"validate": "list", "source": source, "error_type": "warning" if lenient else "stop",
            "error_title": "Pilihan tidak dikenal", "error_message": message}


INLINE_LIST = 255  # characters an inline drop-down list may hold (Excel)
