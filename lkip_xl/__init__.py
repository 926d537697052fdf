"""lkip-xl: tabel LKIP dari workbook anggaran dan kinerja."""

__version__ = "0.1.0"

from lkip_xl.frames import rekap_frames, report_frames  # noqa: E402  (pandas only inside them)

__all__ = ["rekap_frames", "report_frames"]
