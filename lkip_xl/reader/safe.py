"""Refuse unsafe or unreadable files before any parser sees them."""
from __future__ import annotations

import os
import zipfile
import zlib

from lkip_xl.errors import InputError
from lkip_xl.textfmt import angka

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 400 * 1024 * 1024
MAX_RATIO = 100
# Tiny members (a few KB of repetitive XML) legitimately compress beyond 100:1;
# the ratio only means something once a member is big enough to hurt.
RATIO_FLOOR_BYTES = 1024 * 1024
# A DOCTYPE can only stand in the prolog, before the root element: the head of a part suffices.
XML_HEAD_BYTES = 4096


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
    except PermissionError:
        raise InputError(f"Berkas {name} tidak dapat dibuka karena tidak ada izin membacanya.") from None
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibuka ({exc.strerror or type(exc).__name__}).") from None
    if not head:
        raise InputError(f"Berkas {name} kosong (0 bita), bukan workbook Excel .xlsx.")
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
                f"{angka(size / 1e6, 0)} MB (rasio {angka(ratio, 0)}:1), kemungkinan bom dekompresi."
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"Berkas {name} ditolak: isinya mengembang menjadi {angka(total / 1e6, 0)} MB.")
    _refuse_xml_entities(path, name, infos)


def _refuse_xml_entities(path: str, name: str, infos: list[zipfile.ZipInfo]) -> None:
    """No part of an .xlsx declares a DTD; one that does may hide an entity bomb ("billion laughs")."""
    try:
        with zipfile.ZipFile(path) as zf:
            for info in infos:
                if not info.filename.endswith((".xml", ".rels")) or info.is_dir():
                    continue
                with zf.open(info) as part:
                    head = part.read(XML_HEAD_BYTES)
                # UTF-16 parts spell "<!DOCTYPE" with NUL bytes in between.
                if b"<!DOCTYPE" in head.replace(b"\0", b"") or b"<!ENTITY" in head.replace(b"\0", b""):
                    raise InputError(
                        f"Berkas {name} ditolak: bagian {info.filename} memuat deklarasi DTD/entitas XML "
                        "yang tidak dipakai oleh workbook Excel, kemungkinan bom entitas XML."
                    )
    except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
        # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression
        raise InputError(f"Berkas {name} rusak atau terpotong (bukan arsip .xlsx yang utuh).") from None
