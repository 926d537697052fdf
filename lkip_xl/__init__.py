"""lkip-xl: tabel LKIP dari workbook anggaran dan kinerja."""

__version__ = "0.1.0"
