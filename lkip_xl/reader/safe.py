"""Refuse unsafe or unreadable files before any parser sees them."""
from __future__ import annotations

import os
import zipfile

from lkip_xl.errors import InputError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100
# Tiny members (a few KB of repetitive XML) legitimately compress beyond 100:1;
# the ratio only means something once a member is big enough to hurt.
RATIO_FLOOR_BYTES = 1024 * 1024


def check_input_file(path: str) -> None:
    """Raise InputError with one Indonesian sentence when `path` is not a safe .xlsx."""
    name = os.path.basename(path)
    if not os.path.exists(path):
        raise InputError(f"Berkas {path} tidak ditemukan.")
    if os.path.isdir(path):
        raise InputError(f"{path} adalah folder, bukan berkas .xlsx.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibuka: {exc.strerror}.") from None
    if head.startswith(OLE_MAGIC):
        raise InputError(
            f"Berkas {name} dilindungi kata sandi atau berformat Excel lama (.xls); "
            "buka di Excel, hapus kata sandinya dan simpan sebagai .xlsx."
        )
    if not head.startswith(b"PK"):
        raise InputError(f"Berkas {name} bukan workbook Excel .xlsx.")
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError(f"Berkas {name} rusak atau terpotong (bukan arsip .xlsx yang utuh).") from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in names:
        raise InputError(f"Berkas {name} bukan workbook Excel .xlsx (tidak ada xl/workbook.xml).")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        ratio = size / max(info.compress_size, 1)
        if size > MAX_MEMBER_BYTES or (size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise InputError(
                f"Berkas {name} ditolak: bagian {info.filename} akan mengembang menjadi "
                f"{size / 1e6:,.0f} MB (rasio {ratio:,.0f}:1), kemungkinan bom dekompresi.".replace(",", ".")
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"Berkas {name} ditolak: isinya mengembang menjadi {total / 1e6:.0f} MB.")
