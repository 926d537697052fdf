"""XML as expat reads it, for what is read without expat (the worksheet fast path): whitespace,
entities and character references, attributes, the root element's namespaces; and text as every
part keeps it (Excel's _xHHHH_ escapes, lone surrogates, the cell limit). Whatever these helpers do
not read exactly as expat would (an unknown entity, a repeated attribute, a forbidden character, an
encoding other than UTF-8) is _Fallback: expat reads the part instead."""
from __future__ import annotations

import re

# Excel's own cell limit; a longer text can only come from a tool that ignored it.
MAX_TEXT = 32_767
# Namespaces. expat reports a namespaced name as "URI local" (namespace_separator=" ").
MAIN_NS = ("http://schemas.openxmlformats.org/spreadsheetml/2006/main",
           "http://purl.oclc.org/ooxml/spreadsheetml/main")
_TRUE = ("1", "true")
# Whitespace as XML defines it (Python's str.strip would also take NBSP and other Unicode spaces).
_XML_SPACE = " \t\n\r"
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def clean_text(text: str) -> str:
    """A text as Python can always encode it: a lone UTF-16 surrogate becomes U+FFFD."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "".join("\ufffd" if "\ud800" <= ch <= "\udfff" else ch for ch in text)
    return text


def _unescape(text: str) -> str:
    """Excel writes control characters in text as _xHHHH_; a character beyond the BMP may come as
    a pair of escaped surrogates, and a lone surrogate becomes U+FFFD."""
    if "_x" not in text:
        return text
    out = _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)
    if any(0xD800 <= ord(ch) <= 0xDFFF for ch in out):
        out = out.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return out


class _TextBuffer:
    """Character data of one element, kept to Excel's cell limit (plus slack for _xHHHH_ escapes):
    a 4 MB text never exists in memory whole."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.cut = False

    def add(self, data: str) -> None:
        room = MAX_TEXT + 16 - self.size
        if len(data) > room:
            data, self.cut = data[:max(room, 0)], True
        if data:
            self.parts.append(data)
            self.size += len(data)

    def value(self) -> str:
        return "".join(self.parts)


class _Fallback(Exception):
    """The fast path met XML it does not read; expat reads the part instead."""


def _declaration(head: bytes) -> bytes:
    """`head` after its XML declaration; _Fallback when it declares an encoding other than UTF-8."""
    if not head.startswith(b"<?xml"):
        return head  # no declaration (or a misplaced one, which the scan hands to expat)
    end = head.find(b"?>", 0, 1024)
    if end < 0:
        raise _Fallback
    m = _ENCODING.search(head, 0, end)
    if m and m.group(1).lower() not in (b"utf-8", b"utf8"):
        raise _Fallback
    return head[end + 2:]


def _plain(xml: bytes) -> None:
    """_Fallback where expat must decide: a comment, CDATA, DTD or processing instruction, a namespace
    declaration or prefix, a character XML forbids."""
    if (b"<!" in xml or b"<?" in xml or b"xmlns" in xml or _PREFIXED.search(xml) or _bad_bytes(xml)
            or not _references_ok(xml)):
        raise _Fallback


def _references_ok(xml: bytes) -> bool:
    """Every '&' starts an entity XML knows without a DTD or a character reference."""
    return b"&" not in xml or xml.count(b"&") == len(_REFERENCE.findall(xml))


def _bad_bytes(xml: bytes) -> bool:
    """A character XML 1.0 forbids (C0 controls but TAB, LF, CR; U+FFFE, U+FFFF): expat refuses it."""
    return bool(xml.translate(None, _XML_BYTES)) or (b"\xef\xbf" in xml and _BAD_BYTES.search(xml) is not None)


def _root_start(buf: bytes) -> tuple[int, set[str], bytes]:
    """Where the root element's start tag ends, and the prefixes it declares; _Fallback unless its
    default namespace is the SpreadsheetML one (or none)."""
    lt = buf.find(b"<")
    if lt < 0 or buf[:lt].strip(b" \t\r\n"):
        raise _Fallback
    m = _ROOT.match(buf, lt)
    if m is None:
        raise _Fallback
    prefixes = {"xml"}
    for key, value in _attrs(m.group(2)).items():
        if key == "xmlns" and value not in MAIN_NS:
            raise _Fallback
        if key.startswith("xmlns:"):
            if value in MAIN_NS or not value:
                raise _Fallback  # a prefix for SpreadsheetML itself (or an undeclaration): expat
            prefixes.add(key[6:])
    for key in _attrs(m.group(2)):
        if ":" in key and not key.startswith("xmlns:") and key.partition(":")[0] not in prefixes:
            raise _Fallback
    return m.end(), prefixes, m.group(1)


_ENCODING = re.compile(rb"encoding\s*=\s*[\"']([^\"'?<>]*)[\"']")
_ATTR_RE = rb'[A-Za-z_][-\w.]*(?::[A-Za-z_][-\w.]*)?\s*+=\s*+(?:"[^"<]*+"|\'[^\'<]*+\')'
_ROOT = re.compile(rb"<([A-Za-z_][-\w.]*)((?:\s++" + _ATTR_RE + rb")*+)\s*+>")
_PREFIXED = re.compile(rb"</?[A-Za-z_][-\w.]*:")
_TAG = re.compile(rb"</?[A-Za-z_][-\w.:]*(?:\s++" + _ATTR_RE + rb")*+\s*+/?>")
_PREFIXED_ATTR = re.compile(rb"\s([A-Za-z_][-\w.]*):[A-Za-z_][-\w.]*\s*=")
# Characters XML 1.0 forbids (C0 controls but TAB, LF, CR; U+FFFE, U+FFFF): expat refuses them.
_BAD_BYTES = re.compile(rb"\xef\xbf[\xbe\xbf]")
_XML_BYTES = bytes(b for b in range(256) if b >= 0x20 or b in (0x9, 0xA, 0xD))
_ATTR = re.compile(rb'([A-Za-z_][-\w.]*(?::[A-Za-z_][-\w.]*)?)\s*=\s*(?:"([^"<]*)"|\'([^\'<]*)\')')
_REFERENCE = re.compile(rb"&(?:amp|lt|gt|quot|apos|#[0-9]++|#x[0-9A-Fa-f]++);")
_ENTITY = re.compile(rb"&(#[0-9]+|#x[0-9A-Fa-f]+|[A-Za-z]+);")
_XML_ENTITIES = {b"amp": "&", b"lt": "<", b"gt": ">", b"quot": '"', b"apos": "'"}


def _xml_char(code: int) -> bool:
    return (code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD
            or 0x10000 <= code <= 0x10FFFF)


def _xml_text(raw: bytes, attribute: bool = False) -> str:
    """Bytes of XML character data as expat gives them: line ends normalised to LF (in an attribute,
    TAB, CR and LF become spaces), the five entities and character references."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    if attribute and (b"\n" in raw or b"\t" in raw):
        raw = raw.replace(b"\n", b" ").replace(b"\t", b" ")
    if b"&" not in raw:
        return raw.decode("utf-8")
    out, pos = [], 0
    for m in _ENTITY.finditer(raw):
        out.append(raw[pos:m.start()].decode("utf-8"))
        name = m.group(1)
        if name[:1] == b"#":
            code = int(name[2:], 16) if name[1:2] in (b"x", b"X") else int(name[1:])
            if not _xml_char(code):
                raise _Fallback
            out.append(chr(code))
        elif name in _XML_ENTITIES:
            out.append(_XML_ENTITIES[name])
        else:
            raise _Fallback
        pos = m.end()
    rest = raw[pos:]
    if b"&" in rest:
        raise _Fallback
    out.append(rest.decode("utf-8"))
    return "".join(out)


def _attrs(raw: bytes) -> dict[str, str]:
    """Attributes of a tag; _Fallback where expat would see something else (a repeated name, text
    that is not an attribute)."""
    out: dict[str, str] = {}
    pos, size = 0, len(raw)
    for m in _ATTR.finditer(raw):
        if raw[pos:m.start()].strip(b" \t\r\n") or (pos and m.start() == pos):
            raise _Fallback
        key = m.group(1).decode()
        if key in out:
            raise _Fallback
        value = m.group(2)
        out[key] = _xml_text(value if value is not None else m.group(3), attribute=True)
        pos = m.end()
    if raw[pos:size].strip(b" \t\r\n/"):
        raise _Fallback
    return out
