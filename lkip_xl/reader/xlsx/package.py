"""The zip container of an .xlsx (the package): its members (a name spelt with backslashes is found
too), its relationships, and each part's stream, parsed by expat as it inflates (whole tokens only;
the handlers see elements of the expected namespaces only). It refuses two members under one name, a
part whose declared size or ratio is a bomb's, a stream that inflates beyond its declared size or
MAX_RATIO times the compressed bytes really read, more than MAX_READ_BYTES read, MAX_CELLS cells or
MAX_CHARS characters kept over the whole read, MAX_RELATIONSHIPS relationships in one list, a DTD and
a token larger than MAX_TOKEN_BYTES: each the moment it is crossed, with one Indonesian sentence."""
from __future__ import annotations

import contextlib
import posixpath
import zipfile
import zlib
from typing import TYPE_CHECKING
from xml.parsers import expat

from lkip_xl.errors import InputError
from lkip_xl.reader.safe import check_directory
from lkip_xl.reader.xlsx.xml import MAIN_NS, _Fallback
from lkip_xl.textfmt import angka, short_name

if TYPE_CHECKING:
    from lkip_xl.reader.xlsx.workbook import SheetInfo

# Non-empty cells kept over all sheets read: it bounds memory. A kabupaten dinas' rincian (2,000 sub
# kegiatan x 50 akun lines, 102k rows on DPA and on Realisasi) is ~820k cells and `check` peaks at
# ~330 MB on it (benchmarks/bench_scale.py); 1.5M admits the same rows with ~7 filled columns per
# sheet and stays well under 1 GB. Formulas without a saved value, hidden rows and <col> entries
# count as cells too: each costs memory although it holds no value.
MAX_CELLS = 1_500_000
# Characters of text kept over all sheets read (distinct shared strings count once).
MAX_CHARS = 64_000_000
# Per parse, never per part name: a part read twice counts twice.
MAX_PART_BYTES = 200 * 1024 * 1024
MAX_READ_BYTES = 400 * 1024 * 1024
# Below this inflated size a high compression ratio is ordinary (repetitive XML), not a bomb. The
# ratio is measured on the bytes actually inflated against the bytes the member really occupies in
# the archive, never on the sizes its directory declares.
RATIO_FLOOR_BYTES = 16 * 1024 * 1024
MAX_RATIO = 100
# The structure of a workbook: far beyond any real one, small enough to read in a blink.
MAX_RELATIONSHIPS = 20_000
MAX_ZIP_ENTRIES = 20_000
# One XML token (a tag with its attributes, a comment, a run of text) held before expat sees it.
# expat before 2.6 parses a token again on every chunk until it is whole (CVE-2023-52425): expat is
# only ever given whole tokens, and a token larger than this is refused.
MAX_TOKEN_BYTES = 16 * 1024 * 1024
CHUNK = 1 << 16
_REL_OFFICE = "/officeDocument"
# Namespaces. expat reports a namespaced name as "URI local" (namespace_separator=" ").
PACKAGE_REL_NS = ("http://schemas.openxmlformats.org/package/2006/relationships",)


class _Stop(Exception):
    """Raised inside an expat handler to end the parse with an InputError."""

    def __init__(self, error: InputError):
        self.error = error


class _Names(dict):
    """expat's element names -> the local name in the expected namespaces (or none), else None."""

    def __init__(self, spaces: tuple[str, ...]):
        super().__init__()
        self.spaces = spaces

    def __missing__(self, name: str):
        uri, sep, local = name.rpartition(" ")
        value = local if not sep or uri in self.spaces else None
        self[name] = value
        return value


class _Feeder:
    """Gives expat whole tokens only. Outside a comment, CDATA section or processing instruction a
    tag cannot hold '<', so everything before the last '<' is whole tokens; those three end at their
    own marker. A token that grows beyond MAX_TOKEN_BYTES before it is whole is refused."""

    def __init__(self, parser, too_big):
        self.parse = parser.Parse
        self.too_big = too_big
        self.buf = bytearray()
        self.pos = 0  # where the next look for a token start begins
        self.closing: bytes | None = None  # end marker of an open comment, CDATA section or PI

    def feed(self, chunk: bytes) -> None:
        buf = self.buf
        buf += chunk
        cut = self._cut()
        if cut:
            self.parse(bytes(buf[:cut]), False)
            del buf[:cut]
            self.pos = max(self.pos - cut, 0)
        if len(buf) > MAX_TOKEN_BYTES:
            raise self.too_big()

    def close(self) -> None:
        self.parse(bytes(self.buf), True)
        self.buf = bytearray()

    def _cut(self) -> int:
        buf, pos, cut = self.buf, self.pos, 0
        while True:
            if self.closing is not None:
                end = buf.find(self.closing, pos)
                if end < 0:
                    self.pos = max(pos, len(buf) - len(self.closing) + 1)
                    return cut
                pos = cut = end + len(self.closing)
                self.closing = None
            bang, pi = buf.find(b"<!", pos), buf.find(b"<?", pos)
            special = min(bang, pi) if bang >= 0 and pi >= 0 else max(bang, pi)
            if special < 0:
                last = buf.rfind(b"<", pos)
                if last > cut:
                    cut = last
                self.pos = max(pos, len(buf) - 8)  # a token start cut by the chunk is looked at again
                return cut
            if len(buf) - special < 9:
                self.pos = max(special, pos)  # '<![CDATA[' may still be arriving
                return max(cut, special)
            cut = max(cut, special)
            if buf.startswith(b"<!--", special):
                self.closing, pos = b"-->", special + 4
            elif buf.startswith(b"<![CDATA[", special):
                self.closing, pos = b"]]>", special + 9
            elif special == pi:
                self.closing, pos = b"?>", special + 2
            else:
                pos = special + 2  # <!DOCTYPE: the handler refuses it as soon as expat sees it


class _Bounded:
    """A part's stream that refuses to inflate beyond the size its zip directory declared, or beyond
    MAX_RATIO times the compressed bytes actually consumed (never the sizes the directory declares);
    every byte counts for the read."""

    def __init__(self, raw, info: zipfile.ZipInfo, book: Package):
        self.raw, self.left, self.book, self.name = raw, info.file_size, book, info.filename
        self.declared = info.compress_size
        self.inflated = 0

    def read(self, n: int) -> bytes:
        data = self.raw.read(n)
        size = len(data)
        self.left -= size
        self.inflated += size
        if self.left < 0:
            raise self.book._refuse(f"bagian {short_name(self.name)} lebih besar daripada yang tercatat di arsipnya")
        if self.inflated > RATIO_FLOOR_BYTES and self.inflated > MAX_RATIO * self._consumed():
            raise self.book._refuse(f"bagian {short_name(self.name)} mengembang lebih dari {MAX_RATIO} kali "
                                    "ukurannya di arsip, kemungkinan bom dekompresi")
        self.book._count_read(size)
        return data

    def _consumed(self) -> int:
        # zipfile's count of compressed bytes not yet read, less what its decompressor holds unread
        # (CPython 3.x and Pyodide alike); without them, the declared size bounds the read as before.
        left = getattr(self.raw, "_compress_left", None)
        if not isinstance(left, int):
            return self.declared
        tail = getattr(getattr(self.raw, "_decompressor", None), "unconsumed_tail", b"")
        return self.declared - left - (len(tail) if isinstance(tail, bytes) else 0)


class Package:
    """An opened .xlsx as a zip of parts: members, relationships, streams within the budgets."""

    def __init__(self, path: str, display_name: str):
        self.path = path
        self.name = short_name(display_name)
        check_directory(path, self.name)
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise self._broken() from None
        infos = self._zip.infolist()
        self._members = {i.filename: i for i in infos}
        # A member name as some writers spell it (`xl\\workbook.xml`) is found under '/' too.
        self._lower = {n.replace("\\", "/").lower(): n for n in self._members}
        if len(self._lower) != len(infos):
            # Two members under one name (or one spelling): readers disagree on which is meant.
            seen: set[str] = set()
            twice = next(n for n in (i.filename.replace("\\", "/").lower() for i in infos) if n in seen or seen.add(n))
            raise self._refuse(f"arsipnya memuat dua bagian bernama {short_name(twice)}, sehingga isinya tidak pasti")
        self._read_bytes = 0
        self._cells = 0
        self._chars = 0
        self._rels_cache: dict[str, dict[str, tuple[str, str]]] = {}
        # The workbook's sheets once read: a sentence names a worksheet part by its sheet.
        self.sheets: list[SheetInfo] = []
        self.has_external_links = any(n.lower().startswith("xl/externallinks/") for n in self._members)
        self._workbook_part = self._office_document()

    def close(self) -> None:
        self._zip.close()

    # ----------------------------------------------------------------- errors

    def _broken(self) -> InputError:
        return InputError(f"Berkas {self.name} rusak atau terpotong (bukan arsip .xlsx yang utuh).")


    def _unreadable(self, sheet: str, what: str) -> InputError:
        return InputError(f"Berkas {self.name} tidak dapat dibaca sebagai workbook Excel: lembar "
                          f"{short_name(sheet)} berisi {what} (berkas rusak).")


    def _refuse(self, why: str) -> InputError:
        return InputError(f"Berkas {self.name} ditolak: {why}.")

    # ------------------------------------------------------------------ parts

    def _member(self, part: str) -> zipfile.ZipInfo | None:
        part = part.lstrip("/")
        info = self._members.get(part)
        if info is None:
            real = self._lower.get(part.replace("\\", "/").lower())
            info = self._members.get(real) if real else None
        return info


    @contextlib.contextmanager
    def _open(self, part: str, *, required: bool = True):
        """The inflating stream of one part, within the limits; None when an optional part is absent.
        Every failure inside the block becomes the product's own sentence."""
        info = self._member(part)
        if info is None:
            if required:
                raise InputError(f"Berkas {self.name} bukan workbook Excel .xlsx yang lengkap (bagian "
                                 f"{short_name(part)} tidak ada).")
            yield None
            return
        size = info.file_size
        ratio = size / max(info.compress_size, 1)
        if size > MAX_PART_BYTES or (size > RATIO_FLOOR_BYTES and ratio > MAX_RATIO):
            raise self._refuse(f"bagian {short_name(info.filename)} akan mengembang menjadi "
                               f"{angka(size / 1e6, 0)} MB (rasio {angka(ratio, 0)}:1), kemungkinan bom dekompresi")
        try:
            with self._zip.open(info) as raw:
                yield _Bounded(raw, info, self)
        except _Stop as stop:
            raise stop.error from None
        except (InputError, _Fallback):
            raise
        except expat.ExpatError as exc:
            raise InputError(f"Berkas {self.name} tidak dapat dibaca sebagai workbook Excel: {self._label(info)} "
                             f"berisi XML yang rusak (teks XML-nya baris {exc.lineno}, kolom {exc.offset + 1}).") from None
        except UnicodeDecodeError:
            raise InputError(f"Berkas {self.name} tidak dapat dibaca sebagai workbook Excel: {self._label(info)} "
                             "berisi teks yang bukan UTF-8.") from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError, RuntimeError):
            # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression
            raise self._broken() from None


    def _label(self, info: zipfile.ZipInfo) -> str:
        """A part as a sentence names it: the sheet the user knows, then the part."""
        sheet = next((i.name for i in self.sheets if i.part == info.filename), None)
        part = f"bagian {short_name(info.filename)}"
        return part if sheet is None else f"lembar {short_name(sheet)} ({part})"


    def _parse(self, part: str, start, end=None, text=None, *, required: bool = True,
               spaces: tuple[str, ...] = MAIN_NS) -> bool:
        """Stream one part through expat; False when it is absent. The handlers get local names of
        elements in `spaces` (or in no namespace); any other element is skipped with all it holds."""
        with self._open(part, required=required) as stream:
            if stream is None:
                return False
            parser = expat.ParserCreate(namespace_separator=" ")
            parser.buffer_text = True
            parser.buffer_size = CHUNK
            names = _Names(spaces)
            skip = 0

            def on_start(name, attrs):
                nonlocal skip
                if skip:
                    skip += 1
                    return
                tag = names[name]
                if tag is None:
                    skip = 1
                else:
                    start(tag, attrs)

            def on_end(name):
                nonlocal skip
                if skip:
                    skip -= 1
                elif end is not None:
                    end(names[name])

            parser.StartElementHandler = on_start
            parser.EndElementHandler = on_end
            if text is not None:
                def on_text(data):
                    if not skip:
                        text(data)
                parser.CharacterDataHandler = on_text

            def no_dtd(*_args) -> None:
                # No part of an .xlsx declares a DTD; one that does may hide an entity bomb.
                raise _Stop(self._refuse(f"bagian {short_name(stream.name)} memuat deklarasi DTD/entitas XML "
                                         "yang tidak dipakai oleh workbook Excel, kemungkinan bom entitas XML"))

            parser.StartDoctypeDeclHandler = no_dtd
            parser.EntityDeclHandler = no_dtd
            feeder = _Feeder(parser, lambda: self._refuse(
                f"bagian {short_name(stream.name)} memuat satu unsur XML yang lebih besar dari "
                f"{MAX_TOKEN_BYTES // (1024 * 1024)} MB"))
            while True:
                chunk = stream.read(CHUNK)
                if not chunk:
                    break
                feeder.feed(chunk)
            feeder.close()
        return True


    def _rels(self, part: str) -> dict[str, tuple[str, str]]:
        """Relationship id -> (type, target part) of `part`, read once."""
        cached = self._rels_cache.get(part)
        if cached is not None:
            return cached
        folder, base = posixpath.split(part)
        rels: dict[str, tuple[str, str]] = {}
        count = 0

        def start(name, attrs):
            nonlocal count
            if name == "Relationship":
                count += 1
                if count > MAX_RELATIONSHIPS:
                    raise _Stop(self._refuse(f"daftar relasi {short_name(part or 'paket')} berisi lebih dari "
                                             f"{angka(MAX_RELATIONSHIPS, 0)} entri"))
                if attrs.get("TargetMode") != "External":
                    target = attrs.get("Target", "")
                    target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                        posixpath.join(folder, target))
                    rels[attrs.get("Id", "")] = (attrs.get("Type", ""), target)

        self._parse(posixpath.join(folder, "_rels", base + ".rels"), start, required=False,
                    spaces=PACKAGE_REL_NS)
        self._rels_cache[part] = rels
        return rels


    def _office_document(self) -> str:
        for kind, target in self._rels("").values():
            if kind.endswith(_REL_OFFICE):
                return target
        return "xl/workbook.xml"


    def _related(self, kind: str, default: str) -> str:
        for rel_kind, target in self._rels(self._workbook_part).values():
            if rel_kind.endswith(kind):
                return target
        return default

    # ---------------------------------------------------------------- budgets

    def _count_chars(self, n: int) -> None:
        self._chars += n
        if self._chars > MAX_CHARS:
            raise _Stop(self._refuse(f"teks di lembar yang dibaca melebihi {MAX_CHARS // 10**6} juta karakter"))


    def _count_cells(self, n: int) -> None:
        self._cells += n
        if self._cells > MAX_CELLS:
            raise _Stop(self._refuse(f"lembar yang dibaca berisi lebih dari {angka(MAX_CELLS, 0)} sel"))


    def _count_read(self, n: int) -> None:
        self._read_bytes += n
        if self._read_bytes > MAX_READ_BYTES:
            raise self._refuse(f"lembar yang dibaca mengembang menjadi lebih dari {angka(MAX_READ_BYTES / 1e6, 0)} MB")
