"""Build samples/kecamatan_juai_2024.xlsx: the input workbook of the seed LKIP.

The seed is the LKIP 2024 of Kecamatan Juai, Kabupaten Balangan
(shared/seed/000_b2bfd02cb2e5f272.txt). This script puts ALL of its data into
the input-workbook contract of SPEC section 3, deliberately using the layout
variations a real office workbook has (title rows, blank rows, merged title
cells, two-row headers, a code split over three columns, vertically merged
cells, numbers written as Indonesian text, percent-formatted numbers).

It also keeps the seed's own mistakes (the sasaran-4 serapan / efisiensi
figures, and the pangkat counts of its Tabel 1.1 that its own nominatif
contradicts) as Dilaporkan claims, so `lkip-xl check` has something to find.
Bab I and the closing lists (SPEC section 12) come from the seed too: its
nominatif (Tabel 1.2) with the seed's two malformed NIPs, its penghargaan,
inovasi and LHE tindak lanjut, pasted with the page breaks of the PDF.

Run:  python samples/build_sample.py
Output is deterministic: regenerating gives a byte-identical file.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.writer.excel import ExcelWriter

OUTPUT = Path(__file__).resolve().parent / "kecamatan_juai_2024.xlsx"
FIXED_TIME = dt.datetime(2025, 2, 1, 0, 0, 0)

MONEY = "#,##0"
PERCENT = "0%"
DEC2 = "0.00"
TEXT = "@"


@dataclass(frozen=True)
class Fmt:
    """A cell value with its own number format (e.g. 1.0 shown as 100%)."""

    value: object
    number_format: str


# ---------------------------------------------------------------------------
# Identitas
# ---------------------------------------------------------------------------

IDENTITAS = [
    ("SKPD", "Kecamatan Juai"),
    ("Pemerintah Daerah", "Kabupaten Balangan"),
    ("Tahun", 2024),
    ("Periode Renstra", "2021-2026"),
    ("Kepala SKPD", "NANANG EDWARD, S.Sos., MM"),
    ("NIP", "19800127 200604 1 016"),
    ("Jabatan", "Camat Juai"),
    ("Tempat dan Tanggal", "Juai, Februari 2025"),
    ("Rumus Polaritas Negatif", "(2T-R)/T"),
    ("Rumus Efisiensi", "PMK 249"),
    ("Skala Kategori", "Berhasil"),
    ("Toleransi Rupiah", 1),
    # the LHE whose rekomendasi the Tindak Lanjut LHE sheet follows up (seed, Bab III 3.4)
    ("Nomor LHE", "700/147/LHE/Inspektorat-Blg/2024"),
    ("Tanggal LHE", "19 Juli 2024"),
]

# ---------------------------------------------------------------------------
# Kinerja (Tabel 2.1 targets, Tabel 2.3 IKU texts, Tabel 2.4 names, Bab III
# realisasi).  Indicator / sasaran names follow Tabel 2.3 / 2.4.
# ---------------------------------------------------------------------------

TUJUAN = "Terwujudnya Tata Kelola Pemerintah Kecamatan yang Baik"

SAS_1 = "Meningkatnya Fasilitasi Pelayanan Masyarakat"
SAS_2 = "Meningkatnya Fasilitasi Pemberdayaan Masyarakat"
SAS_3 = "Meningkatnya Ketentraman dan Ketertiban Umum di Wilayah Kecamatan"
SAS_4 = "Meningkatnya Penyelenggaraan Pemerintahan Desa"

IKM_TUJUAN = "Indeks Kepuasan Masyarakat (IKM)"
IKM = "Indeks Kepuasan Masyarakat (IKM) Pelayanan dan Kesejahteraan Sosial"
LKD = "Jumlah Lembaga Kemasyarakatan Desa (LKD) yang Aktif"
TRANTIB = "Persentase Gangguan Ketentraman dan Ketertiban Umum yang Ditangani"
ADM_PEM = "Persentase Desa Tertib Administrasi Pemerintahan"
ADM_KEU = "Persentase Desa Tertib Administrasi Keuangan"

TARGET_YEARS = [2021, 2022, 2023, 2024, 2025, 2026]
REALISASI_YEARS = [2022, 2023, 2024]

# Targets of Tabel 2.1. IKM values are numbers shown with two decimals; the %
# indicators mix the text "100%" (2023) and a percent-formatted 1.0 (2024-26).
IKM_TARGETS = [Fmt(v, DEC2) for v in (87.50, 87.55, 87.60, 87.65, 87.70, 87.75)]
LKD_TARGETS = ["-", "-", 60, 70, 80, 90]
PCT_TARGETS = ["-", "-", "100%", Fmt(1.0, PERCENT), Fmt(1.0, PERCENT), Fmt(1.0, PERCENT)]

# Realisasi 2022, 2023, 2024 (Tabel 3.1-3.11).  IKM 2022/2023 are typed as
# Indonesian text, 2024 as a number, to exercise both.
IKM_REALISASI = ["87,59", "87,62", Fmt(87.67, DEC2)]
LKD_REALISASI = ["-", 60, "70 LKD"]
PCT_REALISASI = ["-", "100%", "100%"]

KATEGORI = "Sangat Berhasil"
NO_BENCHMARK = ["Tidak ada", "Tidak ada", "Tidak ada"]  # Kab/Kota Lain, RPJMD Prov, RPJMN

# IKU texts of Tabel 2.3: Makna, Alasan Pemilihan, Formulasi,
# Sumber/Referensi, Penanggung Jawab, Sumber Data.
IKU = {
    IKM: (
        "Tingkat Kualitas Pelayanan yang diberikan oleh Seksi Pelayanan Publik "
        "kepada seluruh warga masyarakat Kecamatan Juai",
        "Sebagai Indikator bagi Pemerintah Kecamatan Juai dalam memberikan "
        "layanan kepada masyarakat",
        "Nilai Indeks Kepuasan Masyarakat (IKM) seksi pelayanan dan "
        "kesejahteraan sosial",
        "Berdasarkan Keputusan Menteri PANRB Nomor 14 Tahun 2017 tentang "
        "Pedoman Penyusunan Survey Kepuasan Masyarakat Unit Penyelenggara "
        "Pelayanan Publik",
        "Camat Juai",
        "Seksi Pelayanan dan Kesejahteraan Sosial",
    ),
    LKD: (
        "Lembaga Kemasyarakatan Desa yang ditetapkan dengan Keputusan Kepala Desa",
        "Sebagai sarana bagi Pemerintah Kecamatan Juai dalam meningkatkan peran "
        "Lembaga Kemasyarakatan Desa (LKD)",
        "Jumlah Lembaga Kemasyarakatan Desa (LKD) yang ditetapkan dengan "
        "Keputusan Kepala Desa",
        "Analisa Mandiri",
        "Camat Juai",
        "Seksi Pemberdayaan Masyarakat",
    ),
    TRANTIB: (
        "Tingkat Ketentraman dan Ketertiban Umum di Wilayah Kecamatan",
        "Sebagai Indikator bagi Pemerintah Kecamatan Juai dalam Menjaga "
        "Kondusifitas Wilayah",
        "Jumlah Gangguan Ketentraman dan Ketertiban Umum yang Ditangani Dibagi "
        "Jumlah Kasus yang Terjadi Dikali 100%",
        "Analisa Mandiri",
        "Camat Juai",
        "Seksi Ketentraman dan Ketertiban Umum",
    ),
    ADM_PEM: (
        "Tingkat Tertib Administrasi Pemerintahan",
        "Sebagai Indikator bagi Pemerintah Kecamatan Juai dalam Memberikan "
        "Pembinaan Administrasi Pemerintahan",
        "Jumlah LPPD dan Laporan Kinerja BPD yang Disampaikan Seluruh Desa "
        "Dibagi 2 (Dua) Laporan Per Desa Dikali 100%",
        "Analisa Mandiri",
        "Camat Juai",
        "Seksi Pemerintahan",
    ),
    ADM_KEU: (
        "Tingkat Tertib Pengelolaan Keuangan",
        "Sebagai Indikator bagi Pemerintah Kecamatan Juai dalam Memberikan "
        "Pembinaan Pengelolaan Keuangan dan Aset Desa",
        "Jumlah Laporan Realisasi Keuangan yang Disampaikan Seluruh Desa Dibagi "
        "Jumlah Desa Dikali 100%",
        "Analisa Mandiri, Berdasarkan Amanat Permendagri Nomor 20 Tahun 2018 "
        "Tentang Pengelolaan Keuangan Desa dan Permendagri Nomor 1 Tahun 2016 "
        "Tentang Pengelolaan Aset Desa",
        "Camat Juai",
        "Seksi Pembangunan",
    ),
}
NO_IKU = (None,) * 6

# No, Level, Tujuan, Sasaran, Indikator, Satuan, Polaritas, targets, realisasi.
# Tujuan is written once (the reader fills down); the Sasaran cell of the
# second sasaran-4 indicator is None because it is merged with the row above.
KINERJA = [
    (1, "Tujuan", TUJUAN, None, IKM_TUJUAN, "Indeks", "Positif", IKM_TARGETS, IKM_REALISASI),
    (2, "Sasaran", None, SAS_1, IKM, "Indeks", "Positif", IKM_TARGETS, IKM_REALISASI),
    (3, "Sasaran", None, SAS_2, LKD, "LKD", "Positif", LKD_TARGETS, LKD_REALISASI),
    (4, "Sasaran", None, SAS_3, TRANTIB, "%", "Positif", PCT_TARGETS, PCT_REALISASI),
    (5, "Sasaran", None, SAS_4, ADM_PEM, "%", "Positif", PCT_TARGETS, PCT_REALISASI),
    (6, "Sasaran", None, None, ADM_KEU, "%", "Positif", PCT_TARGETS, PCT_REALISASI),
]

# ---------------------------------------------------------------------------
# Komponen: IKM per semester (Tabel 3.1 / 3.2 explanations), rata-rata.
# ---------------------------------------------------------------------------

IKM_SEMESTER = [
    (2022, "Semester I", 87.56), (2022, "Semester II", 87.62),
    (2023, "Semester I", 87.51), (2023, "Semester II", 87.73),
    (2024, "Semester I", 87.56), (2024, "Semester II", 87.78),
]
KOMPONEN = [
    (indikator, tahun, komponen, Fmt(nilai, DEC2), "rata-rata")
    for indikator in (IKM, IKM_TUJUAN)
    for tahun, komponen, nilai in IKM_SEMESTER
]

# ---------------------------------------------------------------------------
# Budget tree: Tabel 2.2 (indikator, target kinerja, pagu) joined with
# Tabel 3.13 (names, pagu, realisasi, rasio).  Codes: programs 2-6 from
# Tabel 3.3 / 3.6 / 3.9 / 3.12; program 1 (no codes in the seed) from
# Permendagri 90/2019.  Names are written as Tabel 3.13 writes them.
#
# (kode, no, uraian, indikator, target kinerja, pagu, realisasi, rasio text)
# ---------------------------------------------------------------------------

BUDGET = [
    ("7.01.01", "1.", "Program Penunjang Urusan Pemerintahan Daerah/KabupatenKota",
     "Nilai Akuntabilitas Kinerja (Nilai SAKIP)", "Baik (67,50)",
     6_025_173_178, 5_592_781_361, "92,82"),
    ("7.01.01.2.01", "1.1", "Perencanaan, penganggaran dan evaluasi kinerja Perangkat Daerah",
     "Jumlah Dokumen Perencanaan, Penganggaran dan Evaluasi Kinerja Perangkat daerah yang disusun",
     "6 Dokumen", 306_851_700, 304_556_268, "99,25"),
    ("7.01.01.2.01.0001", "1.1.1", "Penyusunan dokumen perencanaan perangkat daerah",
     "Jumlah Dokumen Perencanaan Perangkat Daerah", "2 Dokumen",
     6_515_500, 6_515_500, "100"),
    ("7.01.01.2.01.0002", "1.1.2", "Koordinasi dan penyusunan dokumen RKA SKPD",
     "Jumlah Dokumen RKA-SKPD dan Laporan Hasil Koordinasi Penyusunan Dokumen RKA-SKPD",
     "2 Dokumen", 6_469_500, 5_661_700, "87,51"),
    ("7.01.01.2.01.0006", "1.1.3",
     "Koordinasi dan penyusunan laporan capaian kinerja dan ikhtisar realisasi kinerja SKPD",
     "Jumlah Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD dan Laporan Hasil "
     "Koordinasi Penyusunan Laporan Capaian Kinerja dan Ikhtisar Realisasi Kinerja SKPD",
     "2 Dokumen", 293_866_700, 292_379_068, "99,49"),
    ("7.01.01.2.02", "1.2", "Administrasi Keuangan Perangkat Daerah",
     "Cakupan Pelaksanaan Administrasi Keuangan Perangkat Daerah sesuai ketentuan yang berlaku",
     "12 bulan", 3_376_670_578, 3_045_667_964, "90,20"),
    ("7.01.01.2.02.0001", "1.2.1", "Penyediaan Gaji dan Tunjangan ASN",
     "Jumlah Orang yang Menerima Gaji dan Tunjangan ASN", "22 Orang Per Bulan",
     3_269_845_678, 2_939_443_064, "89,90"),
    ("7.01.01.2.02.0007", "1.2.2", "Pelaksanaan Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD",
     "Jumlah Dokumen Penatausahaan dan Pengujian/Verifikasi Keuangan SKPD", "4 Dokumen",
     106_824_900, 106_224_900, "99,44"),
    ("7.01.01.2.05", "1.3", "Administrasi Kepegawaian Perangkat Daerah",
     "Cakupan pelaksanaan administrasi kepegawaian perangkat daerah", "12 Bulan",
     19_040_000, 18_900_493, "99,27"),
    ("7.01.01.2.05.0011", "1.3.1", "Bimbingan Teknis Implementasi Peraturan Perundang-undangan",
     "Jumlah Orang yang Mengikuti Bimbingan Teknis Implementasi Peraturan Perundang-Undangan",
     "15 Orang", 19_040_000, 18_900_493, "99,27"),
    ("7.01.01.2.06", "1.4", "Administrasi Umum Perangkat Daerah",
     "Cakupan Penyediaan Administrasi Umum Perangkat Daerah", "12 Bulan",
     735_990_200, 732_933_817, "99,58"),
    ("7.01.01.2.06.0001", "1.4.1", "Penyediaan Komponen Instalasi Listrik/Penerangan Bangunan Kantor",
     "Jumlah Paket Komponen Instalasi Listrik/Penerangan Bangunan Kantor yang Disediakan",
     "1 Paket", 9_461_500, 9_461_500, "100"),
    ("7.01.01.2.06.0005", "1.4.2", "Penyediaan Barang Cetak dan Penggandaan",
     "Jumlah Paket Barang Cetak dan Penggandaan yang Disediakan", "1 Paket",
     138_844_300, 138_320_600, "99,62"),
    ("7.01.01.2.06.0009", "1.4.3", "Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD",
     "Jumlah Laporan Penyelenggaraan Rapat Koordinasi dan Konsultasi SKPD", "12 Laporan",
     587_684_400, 585_151_717, "99,57"),
    ("7.01.01.2.08", "1.5", "Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah",
     "Cakupan Penyediaan Jasa Penunjang Urusan Pemerintahan Daerah", "12 Bulan",
     635_248_700, 579_810_551, "91,27"),
    ("7.01.01.2.08.0001", "1.5.1", "Penyediaan Surat Menyurat",
     "Jumlah Laporan Penyediaan Jasa Surat Menyurat", "1 Laporan",
     139_267_100, 137_887_300, "99,01"),
    ("7.01.01.2.08.0002", "1.5.2", "Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik",
     "Jumlah Laporan Penyediaan Jasa Komunikasi, Sumber Daya Air dan Listrik yang Disediakan",
     "12 Laporan", 149_094_200, 121_615_251, "81,57"),
    ("7.01.01.2.08.0003", "1.5.3", "Penyediaan Jasa Peralatan dan Perlengkapan Kantor",
     "Jumlah Laporan Penyediaan Jasa Peralatan dan Perlengkapan Kantor yang Disediakan",
     "1 Laporan", 346_887_400, 320_308_000, "92,34"),
    ("7.01.01.2.09", "1.6", "Pemeliharaan Barang Milik Daerah Penunjang Urusan Pemerintahan Daerah",
     "Cakupan pemeliharaan barang milik daerah penunjang urusan pemerintahan daerah", "12 Bulan",
     951_372_000, 910_912_268, "95,75"),
    ("7.01.01.2.09.0001", "1.6.1",
     "Penyediaan Jasa Pemeliharaan, Biaya Pemeliharaan dan Pajak Kendaraan Perorangan Dinas "
     "atau Kendaraan Dinas Jabatan",
     "Jumlah Kendaraan Perorangan Dinas atau Kendaraan Dinas Jabatan yang Dipelihara dan "
     "Dibayarkan Pajaknya", "13 Unit", 715_039_000, 675_184_750, "94,43"),
    ("7.01.01.2.09.0009", "1.6.2", "Pemeliharaan/Rehabilitasi Gedung Kantor dan Bangunan Lainnya",
     "Jumlah Gedung Kantor dan Bangunan Lainnya yang Dipelihara/ Direhabilitasi", "2 Unit",
     236_333_000, 235_727_518, "99,74"),

    ("7.01.02", "2.", "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik",
     "Jumlah laporan penyelenggaraan pemerintahan dan pelayanan publik", "1 Laporan",
     434_214_700, 432_248_899, "99,55"),
    ("7.01.02.2.02", "2.1",
     "Kegiatan Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh Unit Kerja "
     "Perangkat Daerah yang ada di Kecamatan",
     "Persentase Penyelenggaraan Pelayanan di Tingkat Kecamatan sesuai Standar Pelayanan",
     "100%", 219_579_800, 219_183_899, "99,82"),
    ("7.01.02.2.02.0003", "2.1.1",
     "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di Wilayah Kecamatan",
     "Jumlah Laporan Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat di "
     "Wilayah Kecamatan", "100%", 219_579_800, 219_183_899, "99,82"),
    ("7.01.02.2.04", "2.2", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan Kepada Camat",
     "Persentase Pelaksanaan Urusan Pemerintahan yang Dilimpahkan Kepada Camat", "100%",
     214_634_900, 213_065_000, "99,27"),
    ("7.01.02.2.04.0003", "2.2.1",
     "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan Lain yang Dilimpahkan",
     "Jumlah Laporan Pelaksanaan Kewenangan Lain yang Dilimpahkan", "1 Laporan",
     214_634_900, 213_065_000, "99,27"),

    ("7.01.03", "3.", "Program Pemberdayaan Masyarakat Desa dan Kelurahan",
     "Jumlah Laporan Pemberdayaan Masyarakat Desa dan Kelurahan", "1 Laporan",
     372_156_100, 354_065_310, "95,14"),
    ("7.01.03.2.01", "3.1", "Koordinasi Kegiatan Pemberdayaan Desa",
     "Persentase Penyelenggaraan Pemberdayaan Masyarakat di Tingkat Kecamatan yang Difasilitasi",
     "100%", 231_486_900, 231_271_300, "99,91"),
    ("7.01.03.2.01.0001", "3.1.1",
     "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah Perencanaan Pembangunan di Desa",
     "Jumlah Lembaga Kemasyarakatan yang Berpartisipasi dalam Forum Musyawarah Perencanaan "
     "Pembangunan di Desa", "4 Lembaga Kemasyarakatan", 49_507_400, 49_507_400, "100,00"),
    ("7.01.03.2.01.0002", "3.1.2",
     "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang dilakukan oleh "
     "Pemerintah dan Swasta di Wilayah Kerja Kecamatan",
     "Jumlah Dokumen Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat yang "
     "Dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan", "1 Dokumen",
     79_870_000, 79_686_100, "99,77"),
    ("7.01.03.2.01.0003", "3.1.3",
     "Peningkatan Efektifitas Kegiatan Pemberdayaan Masyarakat di Wilayah Kecamatan",
     "Jumlah Laporan Peningkatan Efektivitas Kegiatan Pemberdayaan Masyarakat di Wilayah "
     "Kecamatan", "1 Laporan", 102_109_500, 102_077_800, "99,97"),
    ("7.01.03.2.06", "3.2", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan",
     "Persentase Penyelenggaraan Pemberdayaan Masyarakat di Tingkat Kecamatan yang Difasilitasi",
     "100%", 140_669_200, 122_794_010, "87,29"),
    ("7.01.03.2.06.0006", "3.2.1",
     "Peningkatan Kesadaran Keluarga dalam Peningkatan Pendidikan dan Keterampilan untuk "
     "Mewujudkan Sumber Daya Manusia yang Berkualitas dan Berdaya Saing",
     "Jumlah Keluarga yang Mengikuti Penumbuhan dan Peningkatan Kesadaran Keluarga dalam "
     "Keterlibatan Perencanaan Kehidupan Menuju Keluarga Berkualitas", "50 Keluarga",
     140_669_200, 122_794_010, "87,29"),

    ("7.01.04", "4.", "Program Koordinasi Ketentraman dan Ketertiban Umum",
     "Jumlah laporan koordinasi ketentraman dan ketertiban umum", "1 Laporan",
     295_471_700, 260_547_500, "88,18"),
    ("7.01.04.2.01", "4.1", "Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum",
     "Persentase Penyelenggaraan Ketentraman dan Ketertiban Umum di Tingkat Kecamatan yang "
     "Difasilitasi", "100%", 295_471_700, 260_547_500, "88,18"),
    ("7.01.04.2.01.0001", "4.1.1",
     "Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara Nasional Indonesia dan "
     "Instansi Vertikal di Wilayah Kecamatan",
     "Jumlah Laporan Hasil Sinergitas dengan Kepolisian Negara Republik Indonesia, Tentara "
     "Nasional Indonesia dan Instansi Vertikal di Wilayah Kecamatan", "1 Laporan",
     295_471_700, 260_547_500, "88,18"),

    ("7.01.05", "5.", "Program Penyelenggaraan Urusan Pemerintahan Umum",
     "Jumlah Laporan Penyelenggaraan Urusan Pemerintahan Umum", "100%",
     426_643_600, 418_374_934, "98,06"),
    ("7.01.05.2.01", "5.1", "Penyelenggaraan Urusan Pemerintahan Umum sesuai Penugasan Kepala Daerah",
     "Persentase Pelaksanaan Kegiatan Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan "
     "Kepala Daerah", "100%", 426_643_600, 418_374_934, "98,06"),
    ("7.01.05.2.01.0001", "5.1.1",
     "Pembinaan Kerukunan Antar Suku dan Intra Suku, Umat Beragama, Ras, dan Golongan Lainnya "
     "Guna Mewujudkan Stabilitas Keamanan Lokal, Regional, dan Nasional",
     "Jumlah Orang yang Mengikuti Pembinaan Kerukunan Antar Suku dan Intra Suku, Umat Beragama, "
     "Ras dan Golongan Lainnya Guna Mewujudkan Stabilitas Keamanan Lokal, Regional, dan Nasional",
     "126 Orang", 121_116_000, 115_149_900, "95,07"),
    ("7.01.05.2.01.0004", "5.1.2",
     "Pelaksanaan Semua Urusan Pemerintahan yang Bukan Merupakan Kewenangan Daerah dan Tidak "
     "Dilaksanakan Oleh Instansi Vertikal",
     "Jumlah Dokumen Semua Urusan Pemerintahan yang Bukan Merupakan Kewenangan Daerah dan Tidak "
     "Dilaksanakan oleh Instansi Vertikal", "1 Dokumen", 305_527_600, 303_225_034, "99,25"),

    ("7.01.06", "6.", "Program Pembinaan dan Pengawasan Pemerintahan Desa",
     "Jumlah laporan pembinaan dan pengawasan pemerintahan desa", "1 Laporan",
     443_003_800, 432_336_400, "97,59"),
    ("7.01.06.2.01", "6.1",
     "Fasilitasi, Rekomendasi dan Koordinasi Pembinaan dan Pengawasan Pemerintahan Desa",
     "Jumlah Desa dan Kelurahan yang Dibina dan Diawasi Pembangunannya", "21 Desa",
     443_003_800, 432_336_400, "97,59"),
    ("7.01.06.2.01.0002", "6.1.1", "Fasilitasi Administrasi Tata Pemerintahan Desa",
     "Jumlah Dokumen yang Difasilitasi dalam rangka Administrasi Tata Pemerintahan Desa",
     "1 Dokumen", 137_971_300, 130_775_400, "94,78"),
    ("7.01.06.2.01.0003", "6.1.2", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan Aset Desa",
     "Jumlah Dokumen yang Difasilitasi dalam rangka Pengelolaan Keuangan Desa dan "
     "Pendayagunaan Aset Desa", "1 Dokumen", 137_773_300, 137_276_600, "99,64"),
    ("7.01.06.2.01.0009", "6.1.3",
     "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa",
     "Jumlah Dokumen Sinkronisasi Perencanaan Pembangunan Daerah dengan Pembangunan Desa",
     "1 Dokumen", 30_449_200, 30_384_200, "99,79"),
    ("7.01.06.2.01.0013", "6.1.4", "Fasilitasi Penyusunan Perencanaan Pembangunan Partisipatif",
     "Jumlah Dokumen Fasilitasi dalam rangka Perencanaan Pembangunan Partisipatif", "1 Dokumen",
     41_017_800, 41_009_000, "99,98"),
    ("7.01.06.2.01.0015", "6.1.5",
     "Fasilitasi Penataan, Pemanfaatan, dan Pendayagunaan Ruang Desa serta Penetapan dan "
     "Penegasan Batas Desa",
     "Jumlah Dokumen Fasilitasi dalam Rangka Penataan, Pemanfaatan dan Pendayagunaan Ruang Desa "
     "serta Penetapan dan Penegasan Batas Desa", "1 Dokumen", 95_792_200, 92_891_200, "96,97"),
]

# A genuine difference of the seed: Tabel 2.2 (the Renja / DPA) names sub
# kegiatan 3.2.1 differently from Tabel 3.13 (the Realisasi).
DPA_NAME_OVERRIDES = {
    "3.2.1": "Penumbuhan dan Peningkatan Kesadaran Keluarga dalam Keterlibatan Perencanaan "
             "Kehidupan Menuju Keluarga Berkualitas",
}

TOTAL_PAGU = 7_996_663_078        # stated in Tabel 3.13 and Bab 3.2
TOTAL_REALISASI = 7_490_354_404   # stated in Tabel 3.13
TOTAL_RASIO = "93,67"
DPA_TOTAL_LABEL = "Jumlah"
REALISASI_TOTAL_LABEL = "Total Anggaran / Realisasi / Rata-Rata Rasio Capaian"

# ---------------------------------------------------------------------------
# Pemetaan: Tabel 3.3 (sasaran 1), 3.6 (sasaran 2), 3.9 (sasaran 3),
# 3.12 (sasaran 4, per indicator).  Names exactly as those tables write them.
# The tujuan indicator has no rows: it is supported by the whole budget.
# ---------------------------------------------------------------------------

PEMETAAN = [
    (IKM, "7.01.02", "PROGRAM PENYELENGGARAAN PEMERINTAHAN DAN PELAYANAN PUBLIK"),
    (IKM, "7.01.02.2.02", "Penyelenggaraan Urusan Pemerintahan yang tidak Dilaksanakan oleh "
                          "Unit Kerja Perangkat Daerah yang ada di Kecamatan"),
    (IKM, "7.01.02.2.02.0003", "Peningkatan Efektifitas Pelaksanaan Pelayanan kepada Masyarakat "
                               "di Wilayah Kecamatan"),
    (IKM, "7.01.02.2.04", "Pelaksanaan Urusan Pemerintahan yang Dilimpahkan kepada Camat"),
    (IKM, "7.01.02.2.04.0003", "Pelaksanaan Urusan Pemerintahan yang Terkait dengan Kewenangan "
                               "Lain yang Dilimpahkan"),

    (LKD, "7.01.03", "PROGRAM PEMBERDAYAAN MASYARAKAT DESA DAN KELURAHAN"),
    (LKD, "7.01.03.2.01", "Koordinasi Kegiatan Pemberdayaan Desa"),
    (LKD, "7.01.03.2.01.0001", "Peningkatan Partisipasi Masyarakat dalam Forum Musyawarah "
                               "Perencanaan Pembangunan di Desa"),
    (LKD, "7.01.03.2.01.0002", "Sinkronisasi Program Kerja dan Kegiatan Pemberdayaan Masyarakat "
                               "yang dilakukan oleh Pemerintah dan Swasta di Wilayah Kerja Kecamatan"),
    (LKD, "7.01.03.2.01.0003", "Peningkatan efektifitas kegiatan pemberdayaan masyarakat di "
                               "wilayah kecamatan"),
    (LKD, "7.01.03.2.06", "Pemberdayaan dan Kesejahteraan Keluarga Tingkat Kecamatan dan Kelurahan"),
    (LKD, "7.01.03.2.06.0006", "Peningkatan Kesadaran Keluarga dalam Peningkatan Pendidikan dan "
                               "Keterampilan untuk Mewujudkan Sumber Daya Manusia yang Berkualitas "
                               "dan Berdaya Saing"),

    (TRANTIB, "7.01.04", "PROGRAM KOORDINASI KETENTRAMAN DAN KETERTIBAN UMUM"),
    (TRANTIB, "7.01.04.2.01", "Koordinasi Upaya Penyelenggaraan Ketentraman dan Ketertiban Umum"),
    (TRANTIB, "7.01.04.2.01.0001", "Sinergitas dengan Kepolisian Negara Republik Indonesia, "
                                   "Tentara Nasional Indonesia dan Instansi Vertikal di Wilayah "
                                   "Kecamatan"),
    (TRANTIB, "7.01.05", "PROGRAM PENYELENGGARAAN URUSAN PEMERINTAHAN UMUM"),
    (TRANTIB, "7.01.05.2.01", "Penyelenggaraan Urusan Pemerintahan Umum Sesuai Penugasan "
                              "Kepala Daerah"),
    (TRANTIB, "7.01.05.2.01.0001", "Pembinaan Kerukunan Antar Suku dan Intra Suku, Umat Beragama, "
                                   "Ras, dan Golongan Lainnya Guna Mewujudkan Stabilitas Keamanan "
                                   "Lokal, Regional, dan Nasional"),
    (TRANTIB, "7.01.05.2.01.0004", "Pelaksanaan Semua Urusan Pemerintahan yang Bukan Merupakan "
                                   "Kewenangan Daerah dan Tidak Dilaksanakan Oleh Instansi Vertikal"),

    (ADM_PEM, "7.01.06.2.01.0002", "Fasilitasi Administrasi Tata Pemerintahan Desa"),
    (ADM_PEM, "7.01.06.2.01.0015", "Fasilitasi Penataan, Pemanfaatan, dan Pendayagunaan Ruang "
                                   "Desa serta Penetapan dan Penegasan Batas Desa"),
    (ADM_KEU, "7.01.06.2.01.0003", "Fasilitasi Pengelolaan Keuangan Desa dan Pendayagunaan "
                                   "Aset Desa"),
    (ADM_KEU, "7.01.06.2.01.0009", "Fasilitasi Sinkronisasi Perencanaan Pembangunan Daerah "
                                   "dengan Pembangunan Desa"),
    (ADM_KEU, "7.01.06.2.01.0013", "Fasilitasi Penyusunan Perencanaan Pembangunan Partisipatif"),
]

# ---------------------------------------------------------------------------
# Belanja (Bab 3.2 and the Ringkasan Eksekutif).
# The seed gives the two kinds of belanja modal only as realisasi and %;
# their pagu (7.165.000 and 966.829.200) is derived so that both the stated %
# (99,79 and 93,32) and the stated 5.2 total (973.994.200) agree.
# ---------------------------------------------------------------------------

BELANJA = [
    ("5.1", "Belanja Operasi", 7_022_668_878, 6_580_929_405, "93,71"),
    ("5.1.01", "Belanja Pegawai", 3_269_845_678, 2_939_443_064, "89,90"),
    ("5.1.02", "Belanja Barang dan Jasa", 3_752_823_200, 3_641_486_341, "97,03"),
    ("5.2", "Belanja Modal", 973_994_200, 909_424_999, "93,37"),
    ("5.2.02", "Belanja Modal Peralatan dan Mesin", 966_829_200, 902_274_999, "93,32"),
    ("5.2.05", "Belanja Modal Aset Tetap Lainnya", 7_165_000, 7_150_000, "99,79"),
]

# ---------------------------------------------------------------------------
# Dilaporkan: every figure the seed reports in its capaian tables (3.1, 3.2,
# 3.5, 3.8, 3.11), efisiensi tables (3.4, 3.7, 3.10, 3.14) and Tabel 4.1, as
# text exactly as printed.  Tabel 3.11 / 3.14 keep the seed's wrong sasaran-4
# serapan (97,26% / 96,70%) and efisiensi (2,74% / 3,30%).
# ---------------------------------------------------------------------------

DILAPORKAN_BY_TABLE = [
    ("Tabel 3.1", IKM_TUJUAN, {"Target": "87,65", "Realisasi": "87,67", "Capaian": "100,02%",
                               "Capaian Akhir Renstra": "99,91", "Serapan": "93,67%"}),
    ("Tabel 3.2", IKM, {"Target": "87,65", "Realisasi": "87,67", "Capaian": "100,02%",
                        "Capaian Akhir Renstra": "99,91", "Serapan": "99,55%"}),
    ("Tabel 3.4", IKM, {"Target": "87,65", "Realisasi": "87,67", "Capaian": "100,02%",
                        "Pagu": "434.214.700", "Realisasi Anggaran": "432.248.899",
                        "Serapan": "99,55%", "Efisiensi": "0,48%"}),
    ("Tabel 3.5", LKD, {"Target": "70", "Realisasi": "70", "Capaian": "100%",
                        "Capaian Akhir Renstra": "77,78%", "Serapan": "95,14%"}),
    ("Tabel 3.7", LKD, {"Target": "70 LKD", "Realisasi": "70 LKD", "Capaian": "100%",
                        "Pagu": "372.156.100", "Realisasi Anggaran": "354.065.310",
                        "Serapan": "95,14%", "Efisiensi": "4,86%"}),
    # The seed's Tabel 3.8 row has one cell fewer than its header; the text
    # (point 4) gives the capaian terhadap akhir Renstra as 100%.
    ("Tabel 3.8", TRANTIB, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                            "Capaian Akhir Renstra": "100%", "Serapan": "94,02%"}),
    ("Tabel 3.10", TRANTIB, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Pagu": "722.115.300", "Realisasi Anggaran": "678.922.434",
                             "Serapan": "94,02%", "Efisiensi": "5,98%"}),
    ("Tabel 3.11", ADM_PEM, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Capaian Akhir Renstra": "100%", "Serapan": "97,26%"}),
    ("Tabel 3.11", ADM_KEU, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Capaian Akhir Renstra": "100%", "Serapan": "96,70%"}),
    ("Tabel 3.13", "Total", {"Pagu": "7.996.663.078", "Realisasi Anggaran": "7.490.354.404",
                             "Serapan": "93,67%"}),
    ("Tabel 3.14", IKM, {"Target": "87,65", "Realisasi": "87,67", "Capaian": "100,02%",
                         "Pagu": "434.214.700", "Realisasi Anggaran": "432.248.899",
                         "Serapan": "99,55%", "Efisiensi": "0,48%"}),
    ("Tabel 3.14", LKD, {"Target": "70 LKD", "Realisasi": "70 LKD", "Capaian": "100%",
                         "Pagu": "372.156.100", "Realisasi Anggaran": "354.065.310",
                         "Serapan": "95,14%", "Efisiensi": "4,86%"}),
    ("Tabel 3.14", TRANTIB, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Pagu": "722.115.300", "Realisasi Anggaran": "678.922.434",
                             "Serapan": "94,02%", "Efisiensi": "5,98%"}),
    ("Tabel 3.14", ADM_PEM, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Pagu": "233.763.500", "Realisasi Anggaran": "223.666.600",
                             "Serapan": "97,26%", "Efisiensi": "2,74%"}),
    ("Tabel 3.14", ADM_KEU, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%",
                             "Pagu": "209.240.300", "Realisasi Anggaran": "208.669.800",
                             "Serapan": "96,70%", "Efisiensi": "3,30%"}),
    ("Tabel 4.1", IKM, {"Target": "87,65", "Realisasi": "87,67", "Capaian": "100,02 %"}),
    ("Tabel 4.1", LKD, {"Target": "70", "Realisasi": "70", "Capaian": "100%"}),
    ("Tabel 4.1", TRANTIB, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%"}),
    ("Tabel 4.1", ADM_PEM, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%"}),
    ("Tabel 4.1", ADM_KEU, {"Target": "100%", "Realisasi": "100%", "Capaian": "100%"}),
]
# The seed's Tabel 1.1 as printed (`-` for none).  Its golongan totals agree
# with its nominatif, but five pangkat counts do not: III/a 2, III/b 1, III/c 4,
# IV/a 1 and IV/b 1, where the nominatif lists 4, 0, 3, 2 and 0.
TABEL_1_1 = {
    "Total": 18,
    "SD": "-", "SLTP": 3, "SLTA": 2, "D1": "-", "D2": "-", "D3": 1, "D4": "-", "S1": 7, "S2": 5, "S3": "-",
    "I/a": "-", "I/b": "-", "I/c": "-", "I/d": "-", "II/a": 2, "II/b": "-", "II/c": 1, "II/d": 1,
    "III/a": 2, "III/b": 1, "III/c": 4, "III/d": 4, "IV/a": 1, "IV/b": 1, "IV/c": "-", "IV/d": "-", "IV/e": "-",
    "PPPK": 1,
    "I": "-", "II": 4, "III": 11, "IV": 2, "VII (PPPK)": 1,
}
DILAPORKAN = [
    (tabel, subjek, ukuran, nilai)
    for tabel, subjek, figures in DILAPORKAN_BY_TABLE
    for ukuran, nilai in figures.items()
] + [("Tabel 1.1", subjek, "Jumlah Pegawai", nilai) for subjek, nilai in TABEL_1_1.items()]

# ---------------------------------------------------------------------------
# Pegawai: the seed's Tabel 1.2 (nominatif) exactly as printed, Nama and NIP in
# one cell as a DUK writes them, including its two malformed NIPs (Saihani's
# has 17 digits, Ruslan's 19).  The seed gives no pendidikan per person; these
# follow the names' titles (S.Sos./SE/S.Pd S1, M.M/M.AP/M.Ak S2, A.Md D3,
# untitled SLTP/SLTA) as far as the seed's own Tabel 1.1 counts allow (SLTP 3,
# SLTA 2, D3 1, S1 7, S2 5: more S2 and S1 and one D3 fewer than the titles
# show), so H. Nuryono, S.Kep is S2, Hujaimah, A.Md S1, and the untitled III/a
# staff Yusnani and Hatmi Susanti S1.  Spelled the ways DUKs spell them.
# ---------------------------------------------------------------------------

PEGAWAI = [  # No, Nama, NIP, Pangkat / Golongan, Jabatan, Pendidikan
    ("01", "Nanang Edward,S.Sos.,M.M", "19800127 200604 1 016", "Pembina (IV/a)", "Camat", "S2"),
    ("02", "Erliyanti, SE., MM., M. Ak.", "19851020 201001 2 031", "Penata Tk.I (III/d)", "Sekretaris Camat",
     "S-2"),
    ("03", "Hj. Yanti Masitah,S.Sos.,M.AP", "19670319 198703 2 009", "Pembina (IV/a)",
     "Kasubbag Umum dan Kepegawaian", "Strata 2"),
    ("04", "Mili Yusmawati, S.Sos., MM", "19801117 200604 2 024", "Penata Tk.I (III/d)",
     "Kasi Pelayanan dan Kesejahteraan Sosial", "S2"),
    ("05", "H. Nuryono, S.Kep", "19730507 199602 1 002", "Penata Tk.I (III/d)", "Kasi Pemerintahan", "S2"),
    ("06", "Dewi Budi Astuti,S.Pd", "19820305 201001 2 017", "Penata Tk.I (III/d)", "Kasi Pemberdayaan Masyarakat",
     "S1"),
    ("07", "Muhammad Rusdi, SE", "19770304 200501 1 010", "Penata (III/c)", "Ketentraman dan Ketertiban Umum",
     "S-1"),
    ("08", "Feri Arianti, S.Pd.AUD", "19840215 200701 2 002", "Penata (III/c)", "Kasi Pembangunan", "S1"),
    ("09", "Hujaimah,A.Md", "19880212 201001 2 016", "Penata (III/c)", "Kasubbag Perencanaan dan Keuangan", "S1"),
    ("10", "Muhammad Aditya Pratama, SE", "19910214 202012 1 009", "Penata Muda (III/a)", "Staf Seksi Pembangunan",
     "Strata 1"),
    ("11", "Yusnani", "19770501 200701 1 016", "Penata Muda (III/a)", "Staf Seksi Pemerintahan", "S1"),
    ("12", "Akhmad Basuki", "19780719 200701 1 007", "Penata Muda III/a", "Staf Pembangunan", "SMA"),
    ("13", "Hatmi Susanti", "19821215 200801 2 014", "Penata Muda III/a", "Staf Kasubbag Umum dan Kepegawaian",
     "S1"),
    ("14", "Saihani", "1977052 200906 1 002", "Pengatur Tk.I (II/d)", "Staf Subbag Perencanaan dan Keuangan",
     "SLTA"),
    ("15", "Ali Sadikin", "19680816 198804 1 001", "Pengatur (II/c)", "Staf Kasubbag Umum dan Kepegawaian", "SLTP"),
    ("16", "Misnu Raga", "19690718 200701 1 029", "Pengatur Muda (II/a)", "Staf Kasubbag Umum dan Kepegawaian",
     "SMP"),
    ("17", "Ruslan", "19690330 2021212 1 003", "Pengatur Muda (II/a)", "Staf Kasubbag Umum dan Kepegawaian",
     "SLTP"),
    ("18.", "Misnawati, A.Md.", "19900329 202421 2 002", "PPPK Golongan VII", "JF Pranata Komputer Terampil",
     "D-III"),
]

# ---------------------------------------------------------------------------
# Penghargaan (seed Tabel 3.15), Inovasi (Bab III 3.4) and the LHE's tindak
# lanjut, as printed.  Row 7 of the penghargaan and row 5 of the tindak lanjut
# run on over a page break of the PDF: pasted so, they continue on a row with
# no number.  One date is an Excel date, the rest text as printed.
# ---------------------------------------------------------------------------

PENGHARGAAN = [  # No., Tanggal, Tempat, Penghargaan, Keterangan
    ("1.", "30 Mei 2024", "Kab Balangan", "Lomba Desa (Desa Hukai)",
     "Dinas Pemberdayaan Perempuan dan Perlindungan Anak, Pengendalian Penduduk dan Keluarga Berencana serta "
     "Pemberdayaan Masyarakat dan Desa Kabupaten Balangan"),
    ("2.", Fmt(dt.datetime(2024, 10, 30), "d mmmm yyyy"), "Halaman Kantor Bupati Balangan",
     "Juara 3 Lomba PBB Satlinmas Tingkat Kabupaten", "Satpol PP Kabupaten Balangan"),
    ("3.", "5 Desember 2024", "Ar Raudah Resto Paringin", "Pengawasan kearsipan internal SKPD",
     "Dinas Perpustakaan dan Kearsipan Daerah Kab. Balangan"),
    ("4.", "22 Desember 2024", "Mayang Maurai", "Juara III Lomba UP2K PKK Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("5.", "22 Desember 2024", "Mayang Maurai", "Juara III Lomba Posyandu Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("6.", "22 Desember 2024", "Mayang Maurai", "Juara II Lomba Hatinya PKK Tingkat Kabupaten Balangan",
     "Ketua TP PKK Kabupaten Balangan"),
    ("7.", "22 Desember 2024", "Mayang Maurai", "Juara 4 Lomba Administarasi PKK Tingkat",
     "Ketua TP PKK Kabupaten Balangan"),
    (None, None, None, "Kabupaten Balangan", None),
]

INOVASI = [  # Nama, Uraian
    ("Pemetaan Batas Desa Berbasis Partisipatif (PETA BAPER)",
     "Inovasi yang dilakukan oleh seksi penyelenggaraan pemerintahan untuk mempercepat proses pemetaan batas desa "
     "di wilayah Kecamatan Juai."),
    ("Sistem Publikasi Digital (Silikit)",
     "Inovasi yang dilakukan untuk mengaktifkan media informasi digital di Kecamatan Juai."),
    ("Dana Duka Santunan Kematian Proses Mulus (Ana Tulus)",
     "Inovasi yang dilakukan untuk meningkatkan kualitas layanan klaim bantuan uang kematian bagi masyarakat "
     "Kabupaten Balangan yang dicanangkan sebagai program kerja Bupati Balangan terpilih saat ini."),
    ("Sinergi Linmas dengan Masyarakat (Sinar Linmas)",
     "Inovasi yang dilakukan untuk meningkatkan koordinasi dan kerjasama pemberdayaan Satlinmas di desa."),
    ("Evaluasi Cepat Berkolaborasi dengan Pemerintahan Desa (Si Cabe Pedas)",
     "Inovasi yang dilaksanakan untuk mempermudah dan mempercepat pelaksanaan evaluasi administrasi desa di seksi "
     "pembinaan dan pengawasan pemerintahan desa khususnya dalam rangka pencapaian target indikator kinerja desa "
     "tertib administrasi keuangan desa."),
    ("Sistem Disposisi Digital (Sidigit)",
     "Inovasi berupa sistem untuk meningkatkan tata kelola pemerintah Kecamatan Juai dengan cara mempermudah proses "
     "disposisi surat masuk sehingga memudahkan proses dan meningkatkan keterbukaan komunikasi antar pegawai di "
     "Kecamatan Juai."),
    ("Pengukuran Kinerja dan Keuangan (Kurkinku)",
     "Inovasi yang dilakukan dalam rangka meningkatkan kualitas tata kelola pemerintahan di Kecamatan Juai "
     "khususnya dalam penyusunan dan penyampaian laporan pengukuran capaian kinerja dan keuangan masing-masing "
     "aparatur sipil Negara sesuai dengan target perjanjian kinerja yang telah ditentukan."),
    ("Sistem Informasi Desa (Sispemdes)",
     "Inovasi yang dilakukan untuk menyajikan suatu sistem yang dapat menyediakan keseluruhan data profil desa."),
]

# No | Rekomendasi | Rencana Tindak Lanjut, each komponen on a row of its own above its rekomendasi.
TINDAK_LANJUT = [
    ("Perencanaan Kinerja", None, None),
    ("1.", "Menyempurnakan Diagram Crosscutting yang menunjukkan kesinambungan antar unit organisasi atau unit kerja "
           "lain untuk pencapaian tujuan dan sasaran kinerja",
     "Sesegeranya menyusun draft diagram crosscutting kecamatan"),
    ("Pengukuran Kinerja", None, None),
    ("2.", "Agar kedepannya Laporan Kinerja Instansi Pemerintah (LKjIP) dapat memberikan informasi efisiensi "
           "anggaran yang berdasarkan target dan realisasi kinerja dengan rencana dan realisasi anggaran yang "
           "digunakan",
     "Akan disusun tabel efisiensi anggaran yang memuat target kinerja, realisasi kinerja, rencana anggaran dan "
     "realisasi anggaran"),
    ("Pelaporan Kinerja", None, None),
    ("3.", "Dokumen Laporan Kinerja (LKjIP) menginfokan perbandingan dengan realisasi kinerja tahun-tahun sebelumnya",
     "Sebagian telah ditindaklanjuti penyediaan informasi berupa perbandingan dengan realisasi kinerja tahun "
     "sebelumnya"),
    ("4.", "Agar kedepannya Laporan Kinerja (LKjIP) memberikan informasi mengenai perbandingan realisasi capaian "
           "kinerja SKPD dengan data realisasi capaian antar Kabupaten/Kota dalam 1 (satu) Provinsi.",
     "Akan mengusahakan untuk menemukan laporan realisasi kinerja Kecamatan Lain di Kabupaten/Kota dalam 1 (satu) "
     "provinsi yang sama"),
    ("5.", "Pada penutup LKjIP terdapat rekomendasi atau langkah antisipasi untuk perencanaan kinerja",
     "Telah ditindaklanjuti pencantuman solusi atas kendala pencapaian"),
    (None, "tahun berikutnya berdasarkan hambatan atas kendala dalam pelaksanaan kinerja tahun sebelumnya/evaluasi "
           "berjalan.", "kinerja sasaran tahun 2023"),
    ("Evaluasi Akuntabilitas Kinerja", None, None),
    ("6.", "Menindaklanjuti seluruh rekomendasi atas Laporan Hasil Evaluasi (LHE) Akuntabilitas Kinerja Tahun "
           "sebelumnya.",
     "Telah disusun tabel matrik tindak lanjut atas LHE tahun sebelumnya (2022) dan sebagian telah selesai "
     "ditindaklanjuti"),
]


# ---------------------------------------------------------------------------
# Writing helpers
# ---------------------------------------------------------------------------

BOLD = Font(bold=True)
TITLE_FONT = Font(bold=True, size=12)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
THIN = Side(style="thin", color="808080")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_ALIGN = Alignment(horizontal="center", vertical="center", wrap_text=True)
WRAP_WIDTH = 30  # columns at least this wide wrap their text


def split_code(code: str | None) -> list[str | None]:
    """'7.01.02.2.02.0003' -> ['7.01.02', '2.02', '0003'] (program | kegiatan | sub)."""
    if not code:
        return [None, None, None]
    parts = code.split(".")
    return [".".join(parts[:3]), ".".join(parts[3:5]) or None, ".".join(parts[5:]) or None]


def rupiah_text(amount: int) -> str:
    """6025173178 -> '6.025.173.178' (Indonesian thousands separator)."""
    return f"{amount:,}".replace(",", ".")


def write_table(ws, header, rows, *, title=None, widths=(), formats=None, text_cols=()):
    """Write an optional title row + blank row, a header and the data rows.

    header: a list with one entry per column group:
        "Label"              one column (merged over both header rows if the
                             header has two rows);
        ("Label", n)         one label merged across n columns (split code);
        ("Label", [a, b..])  a label merged across its sub-labels, which fill
                             a second header row.
    rows: lists of cell values; a Fmt carries its own number format.
    formats: {column index (1-based): number format} for numeric cells.
    text_cols: column indexes whose cells are text ('@').
    Returns the first header row number.
    """
    formats = formats or {}
    two_rows = any(isinstance(h, tuple) and isinstance(h[1], list) for h in header)
    ncols = sum(1 if isinstance(h, str) else (h[1] if isinstance(h[1], int) else len(h[1]))
                for h in header)

    top = 1
    if title:
        ws.cell(row=1, column=1, value=title).font = TITLE_FONT
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncols)
        top = 3  # row 2 stays blank
    bottom = top + 1 if two_rows else top

    col = 1
    for h in header:
        label, span = (h, 1) if isinstance(h, str) else h
        width = span if isinstance(span, int) else len(span)
        ws.cell(row=top, column=col, value=label)
        if isinstance(span, list):
            for i, sub in enumerate(span):
                ws.cell(row=bottom, column=col + i, value=sub)
            if width > 1:
                ws.merge_cells(start_row=top, start_column=col, end_row=top,
                               end_column=col + width - 1)
        elif width > 1 or two_rows:
            ws.merge_cells(start_row=top, start_column=col, end_row=bottom,
                           end_column=col + width - 1)
        col += width
    for r in range(top, bottom + 1):
        for c in range(1, ncols + 1):
            cell = ws.cell(row=r, column=c)
            cell.font, cell.fill, cell.alignment, cell.border = BOLD, HEADER_FILL, HEADER_ALIGN, BOX

    for c, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(c)].width = width
    wrap = {c for c, width in enumerate(widths, start=1) if width >= WRAP_WIDTH}

    for r, values in enumerate(rows, start=bottom + 1):
        for c, value in enumerate(values, start=1):
            fmt = None
            if isinstance(value, Fmt):
                value, fmt = value.value, value.number_format
            elif c in text_cols:
                fmt = TEXT
            elif isinstance(value, (int, float)) and c in formats:
                fmt = formats[c]
            cell = ws.cell(row=r, column=c)
            if value is not None:
                cell.value = value
                if isinstance(value, str):
                    cell.data_type = "s"  # never a formula, whatever it starts with
            if fmt:
                cell.number_format = fmt
            cell.border = BOX
            cell.alignment = Alignment(vertical="top", wrap_text=c in wrap)
    ws.freeze_panes = ws.cell(row=bottom + 1, column=1)
    return top


# ---------------------------------------------------------------------------
# Sheets
# ---------------------------------------------------------------------------

def build_identitas(wb):
    ws = wb.create_sheet("Identitas")
    write_table(ws, ["Kunci", "Nilai"], IDENTITAS, widths=(26, 40))


def build_kinerja(wb):
    ws = wb.create_sheet("Kinerja")
    header = ["No", "Level", "Tujuan", "Sasaran", "Indikator", "Satuan", "Polaritas",
              ("Target", TARGET_YEARS), ("Realisasi", REALISASI_YEARS), "Kategori",
              "Kab/Kota Lain", "RPJMD Provinsi", "RPJMN", "Makna", "Alasan Pemilihan",
              "Formulasi", "Sumber/Referensi", "Penanggung Jawab", "Sumber Data"]
    rows = [
        [no, level, tujuan, sasaran, indikator, satuan, polaritas, *targets, *realisasi,
         KATEGORI, *NO_BENCHMARK, *IKU.get(indikator, NO_IKU)]
        for no, level, tujuan, sasaran, indikator, satuan, polaritas, targets, realisasi
        in KINERJA
    ]
    widths = (5, 9, 30, 30, 40, 8, 9, *[8] * 6, *[9] * 3, 16, 11, 11, 11, 40, 40, 40, 40, 14, 24)
    top = write_table(ws, header, rows, title="DATA KINERJA KECAMATAN JUAI 2024", widths=widths)
    # Sasaran 4 has two indicators: merge its cell over both rows.
    first = top + 2 + [k[4] for k in KINERJA].index(ADM_PEM)
    ws.merge_cells(start_row=first, start_column=4, end_row=first + 1, end_column=4)


def build_komponen(wb):
    ws = wb.create_sheet("Komponen")
    write_table(ws, ["Indikator", "Tahun", "Komponen", "Nilai", "Metode"], KOMPONEN,
                widths=(45, 8, 14, 10, 12))


def build_dpa(wb):
    ws = wb.create_sheet("DPA")
    header = [("Kode", 3), "No", "Program / Kegiatan / Sub Kegiatan", "Indikator",
              "Target Kinerja", "Pagu Anggaran (Rp)"]
    rows = [
        [*split_code(kode), no, DPA_NAME_OVERRIDES.get(no, uraian), indikator, target, pagu]
        for kode, no, uraian, indikator, target, pagu, _realisasi, _rasio in BUDGET
    ]
    rows.append([None, None, None, None, DPA_TOTAL_LABEL, None, None, TOTAL_PAGU])
    write_table(ws, header, rows, title="DOKUMEN PELAKSANAAN ANGGARAN (DPA) KECAMATAN JUAI TAHUN 2024",
                widths=(10, 6, 7, 7, 50, 50, 16, 18), formats={8: MONEY}, text_cols=(1, 2, 3, 4))


def build_realisasi(wb):
    ws = wb.create_sheet("Realisasi")
    header = ["No.", "Program / Kegiatan / Sub Kegiatan", "Pagu Anggaran", "Realisasi",
              "Rasio Capaian"]
    rows = []
    for i, (_kode, no, uraian, _ind, _target, pagu, realisasi, rasio) in enumerate(BUDGET):
        if i % 2:  # every other row typed as Indonesian text, like a pasted report
            pagu, realisasi = rupiah_text(pagu), rupiah_text(realisasi)
        rows.append([no, uraian, pagu, realisasi, rasio])
    rows.append([None, REALISASI_TOTAL_LABEL, TOTAL_PAGU, TOTAL_REALISASI, TOTAL_RASIO])
    write_table(ws, header, rows,
                title="RINCIAN REALISASI ANGGARAN PER 31 DESEMBER 2024",
                widths=(7, 60, 18, 18, 10), formats={3: MONEY, 4: MONEY}, text_cols=(1, 5))


def build_pemetaan(wb):
    ws = wb.create_sheet("Pemetaan")
    header = ["Indikator", ("Kode", 3), "Nama Program / Kegiatan / Sub Kegiatan"]
    rows = [[indikator, *split_code(kode), nama] for indikator, kode, nama in PEMETAAN]
    write_table(ws, header, rows,
                title="PROGRAM, KEGIATAN DAN SUB KEGIATAN PENDUKUNG CAPAIAN KINERJA",
                widths=(45, 10, 6, 7, 70), text_cols=(2, 3, 4))


def build_belanja(wb):
    ws = wb.create_sheet("Belanja")
    write_table(ws, ["Kode Rekening", "Uraian", "Pagu", "Realisasi", "%"], BELANJA,
                title="REALISASI PER JENIS BELANJA TAHUN 2024",
                widths=(14, 36, 18, 18, 8), formats={3: MONEY, 4: MONEY}, text_cols=(1, 5))


def build_dilaporkan(wb):
    ws = wb.create_sheet("Dilaporkan")
    write_table(ws, ["Tabel", "Subjek", "Ukuran", "Nilai"], DILAPORKAN,
                title="ANGKA YANG DILAPORKAN DALAM DRAF LKIP 2024",
                widths=(11, 60, 22, 16), text_cols=(1, 2, 3, 4))


def build_pegawai(wb):
    ws = wb.create_sheet("Pegawai")
    rows = [[no, f"{nama}\n{nip}", pangkat, jabatan, pendidikan]
            for no, nama, nip, pangkat, jabatan, pendidikan in PEGAWAI]
    write_table(ws, ["NO", "NAMA DAN NIP", "PANGKAT / GOLONGAN", "JABATAN", "PENDIDIKAN"], rows,
                title="DAFTAR NOMINATIF PNS KECAMATAN JUAI PER 31 DESEMBER 2024", widths=(5, 40, 22, 40, 12),
                text_cols=(1,))


def build_penghargaan(wb):
    ws = wb.create_sheet("Penghargaan")
    write_table(ws, ["No.", "Tanggal", "Tempat", "Penghargaan", "Keterangan"], [list(r) for r in PENGHARGAAN],
                title="DAFTAR PENGHARGAAN YANG DITERIMA KECAMATAN JUAI TAHUN 2024", widths=(5, 18, 30, 45, 60),
                text_cols=(1,))


def build_inovasi(wb):
    ws = wb.create_sheet("Inovasi")
    rows = [[f"{i}.", nama, uraian] for i, (nama, uraian) in enumerate(INOVASI, start=1)]
    write_table(ws, ["No", "Nama Inovasi", "Uraian"], rows, title="INOVASI KECAMATAN JUAI TAHUN 2024",
                widths=(5, 45, 80), text_cols=(1,))


# Bab IV 4.3 of the seed: its upaya perbaikan, as the office wrote them (typos and all, as the nominatif)
UPAYA = [
    "Mempertahan kinerja yang sudah dicapai yaitu kinerja dengan capaian \u201csangat berhasil\u201d.",
    "Mengevaluasi kembali segala kekurangan-kekurangan yang masih dimungkinkan ada.",
    "Mengatasi segala kendala-kendala/hambatan yang ada dalam pencapaian kinerja.",
    "Menyempurnakan, mengembangkan dan meningkatkan kualitas pencapaian kinerja yang telah ditetapkan dengan cara "
    "melakukan inovasi terhadap jenis-jenis program, kegiatan dan sub kegiatan yang sudah termuat dalam Renstra "
    "Kecamatan Juai yang berkualitas disesuaikan dengan kebutuhan akan peningkatan kompetensi dan pelayanan;",
    "Meningkatkan kompetensi dan profesionalitasi SDM pegawai di Lingkungan Kecamatan Juai.",
    "Secara konsisten dan berkelanjutan melakukan perbaikan atau penyempurnaan terhadap pelayanan yang diberikan "
    "kepada masyarakat.",
    "Meningkatkan prosedur pelayanan kepada masyarakat lebih jelas dan transparan.",
    "Meningkatkan aktivitas pengendalian dan melakukan pengawasan serta monitoring secara terus menerus terhadap "
    "perencanaan dan pelaksanaan semua kegiatan.",
]


def build_upaya(wb):
    ws = wb.create_sheet("Upaya Perbaikan")
    write_table(ws, ["No", "Upaya Perbaikan"], [[f"{i}.", u] for i, u in enumerate(UPAYA, start=1)],
                title="UPAYA PERBAIKAN KECAMATAN JUAI", widths=(5, 100), text_cols=(1,))


def build_tindak_lanjut(wb):
    ws = wb.create_sheet("Tindak Lanjut LHE")
    top = write_table(ws, ["No", "Rekomendasi", "Rencana Tindak Lanjut"], [list(r) for r in TINDAK_LANJUT],
                      title="RENCANA TINDAK LANJUT ATAS REKOMENDASI LHE AKUNTABILITAS KINERJA TAHUN 2023",
                      widths=(6, 70, 60), text_cols=(1,))
    for i, (no, rekomendasi, _rencana) in enumerate(TINDAK_LANJUT):
        if rekomendasi is None:  # the komponen's own row, merged across the table as in the LKIP
            ws.merge_cells(start_row=top + 1 + i, start_column=1, end_row=top + 1 + i, end_column=3)
            ws.cell(row=top + 1 + i, column=1).font = BOLD


# ---------------------------------------------------------------------------
# Self-checks
# ---------------------------------------------------------------------------

def check_data():
    """The seed's budget tables add up: check the literal data before writing."""
    subs = [b for b in BUDGET if b[1].count(".") == 2]
    assert len([b for b in BUDGET if b[1].endswith(".")]) == 6
    assert len([b for b in BUDGET if b[1].count(".") == 1 and not b[1].endswith(".")]) == 13
    assert len(subs) == 28
    for kode, no, *_rest in BUDGET:  # code shape agrees with the outline number
        level = 0 if no.endswith(".") else no.count(".")
        assert len(kode.split(".")) == (3, 5, 6)[level], (kode, no)
    for _kode, no, _u, _i, _t, pagu, realisasi, _r in BUDGET:
        if no.count(".") < 2:
            prefix = no if no.endswith(".") else no + "."
            kids = [b for b in subs if b[1].startswith(prefix)]
            assert pagu == sum(b[5] for b in kids), no
            assert realisasi == sum(b[6] for b in kids), no
    assert sum(b[5] for b in subs) == TOTAL_PAGU
    assert sum(b[6] for b in subs) == TOTAL_REALISASI
    assert BELANJA[0][2] + BELANJA[3][2] == TOTAL_PAGU
    assert BELANJA[0][3] + BELANJA[3][3] == TOTAL_REALISASI
    assert BELANJA[4][2] + BELANJA[5][2] == BELANJA[3][2]
    budget_codes = {b[0] for b in BUDGET}
    assert all(kode in budget_codes for _i, kode, _n in PEMETAAN)
    names = {k[4] for k in KINERJA}
    assert all(i in names for i, _k, _n in PEMETAAN)
    assert all(k[0] in names for k in KOMPONEN)
    assert all(s in names or s == "Total" for _t, s, u, _n in DILAPORKAN if u != "Jumlah Pegawai")
    # Tabel 1.1 of the seed: its pendidikan counts are the sample's, its golongan totals its nominatif's
    from collections import Counter
    pendidikan = Counter({"S-2": "S2", "Strata 2": "S2", "S-1": "S1", "Strata 1": "S1", "SMA": "SLTA",
                          "SMP": "SLTP", "D-III": "D3"}.get(p[5], p[5]) for p in PEGAWAI)
    assert {k: v for k, v in pendidikan.items()} == {k: TABEL_1_1[k] for k in ("SLTP", "SLTA", "D3", "S1", "S2")}
    assert len(PEGAWAI) == TABEL_1_1["Total"] == 18
    assert len(PENGHARGAAN) == 8 and len(INOVASI) == 8 and sum(1 for r in TINDAK_LANJUT if r[0] and r[1]) == 6


def as_amount(value) -> int:
    """Read a money cell: a number or Indonesian text '6.025.173.178'."""
    if isinstance(value, str):
        return int(value.replace(".", ""))
    return int(value)


def check_file(path: Path):
    wb = load_workbook(path)
    for ws in wb.worksheets:
        print(f"{ws.title:<11} rows={ws.max_row:>3} cols={ws.max_column:>2}")
    sub_no = re.compile(r"^\d+\.\d+\.\d+$")

    dpa = wb["DPA"]
    dpa_subs = [r for r in dpa.iter_rows(min_row=4, values_only=True) if sub_no.match(str(r[3] or ""))]
    assert len(dpa_subs) == 28
    assert sum(as_amount(r[7]) for r in dpa_subs) == 7_996_663_078
    assert dpa["C6"].value == "0001"  # sub kegiatan 1.1.1: code part kept as text

    real = wb["Realisasi"]
    real_subs = [r for r in real.iter_rows(min_row=4, values_only=True) if sub_no.match(str(r[0] or ""))]
    assert len(real_subs) == 28
    assert sum(as_amount(r[3]) for r in real_subs) == 7_490_354_404
    print("self-check OK: DPA sub kegiatan pagu = 7.996.663.078, "
          "Realisasi sub kegiatan = 7.490.354.404")


# ---------------------------------------------------------------------------

def save_deterministic(wb, path: Path):
    """Save with fixed document dates and fixed zip timestamps.

    openpyxl's Workbook.save() stamps 'modified' with the current time, and
    zip members get the current time too; write through ExcelWriter into
    memory, then copy the members with a fixed timestamp.
    """
    wb.properties.created = FIXED_TIME
    wb.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    ExcelWriter(wb, zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED)).save()
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=FIXED_TIME.timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o644 << 16
            dst.writestr(member, src.read(info.filename))


def main():
    check_data()
    wb = Workbook()
    wb.remove(wb.active)
    wb.properties.creator = "lkip-xl samples/build_sample.py"
    wb.properties.title = "Data masukan LKIP Kecamatan Juai 2024"
    for build in (build_identitas, build_kinerja, build_komponen, build_dpa, build_realisasi,
                  build_pemetaan, build_belanja, build_dilaporkan, build_pegawai, build_penghargaan, build_inovasi,
                  build_tindak_lanjut, build_upaya):
        build(wb)
    save_deterministic(wb, OUTPUT)
    print(f"wrote {OUTPUT}")
    check_file(OUTPUT)


if __name__ == "__main__":
    main()
