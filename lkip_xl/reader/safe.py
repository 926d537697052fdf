"""Refuse unsafe or unreadable files before any parser sees them."""
from __future__ import annotations

import os
import re
import stat
import zipfile

from lkip_xl.errors import InputError
from lkip_xl.textfmt import angka, short_name

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
MAX_MEMBER_BYTES = 200 * 1024 * 1024
# Only the parts that are read get inflated (reader/xlsx/ bounds those); the whole archive
# is bounded loosely so that a directory of absurd sizes is refused at once.
MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024
# Entries of the archive: far beyond any real workbook (a sheet is 2-5 parts), and zipfile builds an
# object per entry before anything else can be looked at.
MAX_ZIP_ENTRIES = 20_000
MAX_DIRECTORY_BYTES = 32 * 1024 * 1024
# The titles `fill` and `rekap` give their workbooks (document properties, creator lkip-xl).
OUTPUT_TITLES = ("LKIP", "Rekap LKIP")
_MAX_CORE_XML = 64 * 1024


def check_input_file(path: str) -> None:
    """Raise InputError with one Indonesian sentence when `path` is not a safe .xlsx."""
    name = os.path.basename(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise InputError(f"Berkas {path} tidak ditemukan.") from None
    except PermissionError:
        raise InputError(f"Berkas {path} tidak dapat dibuka karena tidak ada izin membacanya.") from None
    except OSError as exc:
        raise InputError(f"Berkas {path} tidak dapat dibuka ({exc.strerror or type(exc).__name__}).") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path} adalah folder, bukan berkas .xlsx.")
    if not stat.S_ISREG(info.st_mode):
        # A FIFO or a device would block or never end: never open one.
        raise InputError(f"{path} bukan berkas biasa (mis. pipa atau perangkat), bukan workbook .xlsx.")
    try:
        with open(path, "rb") as fh:
            head = fh.read(2048)
    except PermissionError:
        raise InputError(f"Berkas {name} tidak dapat dibuka karena tidak ada izin membacanya.") from None
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibuka ({exc.strerror or type(exc).__name__}).") from None
    if not head:
        raise InputError(f"Berkas {name} kosong (0 bita), bukan workbook Excel .xlsx.")
    if head.startswith(OLE_MAGIC):
        raise InputError(_ole_sentence(path, name))
    if not head.startswith(b"PK"):
        if name.startswith("~$"):  # what Excel leaves beside a workbook it has open: a name, no content
            raise InputError(f"Berkas {name} adalah berkas kunci sementara Excel (dibuat selama workbook "
                             f"{name[2:]} sedang dibuka), bukan workbook; pilih {name[2:]} sendiri.")
        raise InputError(_not_a_workbook(name, head))
    check_directory(path, name)
    try:
        with zipfile.ZipFile(path) as zf:
            infos = zf.infolist()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        raise InputError(f"Berkas {name} rusak atau terpotong (bukan arsip .xlsx yang utuh).") from None
    names = {i.filename for i in infos}
    if "xl/workbook.xml" not in {n.replace("\\", "/").lower() for n in names}:
        other = _other_office_file(names)
        if other:
            raise InputError(f"Berkas {name} adalah {other}, bukan workbook Excel; buka di Excel atau LibreOffice "
                             "lalu simpan sebagai Excel Workbook (.xlsx).")
    total = 0
    for member in infos:
        size = member.file_size
        total += size
        if size > MAX_MEMBER_BYTES:
            ratio = size / max(member.compress_size, 1)
            raise InputError(
                f"Berkas {name} ditolak: bagian {short_name(member.filename)} akan mengembang menjadi "
                f"{angka(size / 1e6, 0)} MB (rasio {angka(ratio, 0)}:1), kemungkinan bom dekompresi."
            )
    if total > MAX_TOTAL_BYTES:
        raise InputError(f"Berkas {name} ditolak: isinya mengembang menjadi {angka(total / 1e6, 0)} MB.")


def check_directory(path, name: str) -> None:
    """Refuse an archive whose central directory is absurd before zipfile reads it whole. zipfile's
    own reader of the end-of-directory record (zip64 included) is used here and nowhere else.
    `path` is a file name or an open binary file (a workbook in memory)."""
    try:
        if hasattr(path, "seek"):
            end = zipfile._EndRecData(path)
            path.seek(0)
        else:
            with open(path, "rb") as fh:
                end = zipfile._EndRecData(fh)
    except OSError as exc:
        raise InputError(f"Berkas {name} tidak dapat dibuka ({exc.strerror or type(exc).__name__}).") from None
    if not end:
        raise InputError(f"Berkas {name} rusak atau terpotong (bukan arsip .xlsx yang utuh).")
    entries, size = end[zipfile._ECD_ENTRIES_TOTAL], end[zipfile._ECD_SIZE]
    if entries > MAX_ZIP_ENTRIES or size > MAX_DIRECTORY_BYTES:
        raise InputError(f"Berkas {name} ditolak: arsipnya berisi {angka(entries, 0)} entri "
                         f"(lebih dari {angka(MAX_ZIP_ENTRIES, 0)}), bukan workbook Excel biasa.")



def _not_a_workbook(name: str, head: bytes) -> str:
    """What a file that is no zip is, in the words of the people who made it."""
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    save_as = "buka di Excel lalu simpan sebagai Excel Workbook (.xlsx)"
    if text.startswith(b"<") and (b"<html" in text or b"<table" in text or b"<!doctype html" in text):
        return (f"Berkas {name} adalah halaman HTML (ekspor \"Excel\" dari aplikasi web), bukan workbook .xlsx; "
                f"{save_as}.")
    if text.startswith(b"<?xml") and b"urn:schemas-microsoft-com:office:spreadsheet" in text:
        return f"Berkas {name} adalah XML Spreadsheet 2003, bukan workbook .xlsx; {save_as}."
    if text[:5] == b"%pdf-":
        return f"Berkas {name} adalah dokumen PDF, bukan workbook Excel .xlsx."
    return f"Berkas {name} bukan workbook Excel .xlsx."


def _other_office_file(names: set[str]) -> str | None:
    if "word/document.xml" in names:
        return "dokumen Word (.docx)"
    if "ppt/presentation.xml" in names:
        return "presentasi PowerPoint (.pptx)"
    if "content.xml" in names and "mimetype" in names:
        return "berkas OpenDocument (mis. .ods dari LibreOffice)"
    return None


def is_lkip_output(path) -> bool:
    """True for a workbook written by `fill` or `rekap` (its document properties say so)."""
    try:
        with zipfile.ZipFile(path) as zf:
            info = zf.getinfo("docProps/core.xml")
            if info.file_size > _MAX_CORE_XML:
                return False
            xml = zf.read(info).decode("utf-8", "replace")
    except (KeyError, OSError, zipfile.BadZipFile, EOFError, ValueError, RuntimeError):
        return False
    creator = re.search(r"<dc:creator>([^<]*)</dc:creator>", xml)
    title = re.search(r"<dc:title>([^<]*)</dc:title>", xml)
    return bool(creator and creator.group(1).strip() == "lkip-xl"
                and title and title.group(1).strip() in OUTPUT_TITLES)


OLE_SCAN = 32 * 1024 * 1024  # the OLE directory of a workbook sits well inside this


def _ole_sentence(path: str, name: str) -> str:
    """An OLE2 file is either an .xlsx under a password (its `EncryptedPackage` stream) or an Excel 97-2003
    workbook (its `Workbook` / `Book` stream): say which, so that nobody is told to remove a password
    the file does not have. Neither found: both are named."""
    try:
        with open(path, "rb") as fh:
            data = fh.read(OLE_SCAN)
    except OSError:
        data = b""
    if "EncryptedPackage".encode("utf-16-le") in data:
        return (f"Berkas {name} dilindungi kata sandi; buka di Excel, hapus kata sandinya (File \u203a Info \u203a "
                "Protect Workbook) dan simpan sebagai .xlsx.")
    if any(stream.encode("utf-16-le") + b"\0\0" in data for stream in ("Workbook", "Book")):
        return (f"Berkas {name} berformat Excel lama (.xls, Excel 97-2003); buka di Excel lalu simpan sebagai "
                "Excel Workbook (.xlsx).")
    return (f"Berkas {name} dilindungi kata sandi atau berformat Excel lama (.xls); buka di Excel, hapus kata "
            "sandinya bila ada, dan simpan sebagai .xlsx.")
