"""The workbook part (xl/workbook.xml, or wherever the package's officeDocument relationship points):
its sheets in order, by name, with their worksheet part (none for a chart sheet or a target the
package lacks) and whether they are hidden; and its 1904 date system flag. It refuses a workbook
without that part and one with more than MAX_SHEETS sheets."""
from __future__ import annotations

from dataclasses import dataclass

from lkip_xl.errors import InputError
from lkip_xl.reader.xlsx.package import Package, _Stop
from lkip_xl.reader.xlsx.xml import _TRUE, _XML_SPACE, clean_text
from lkip_xl.textfmt import angka

# The structure of a workbook: far beyond any real one, small enough to read in a blink.
MAX_SHEETS = 4_096
# Namespaces. expat reports a namespaced name as "URI local" (namespace_separator=" ").
_DOC_REL_NS = ("http://schemas.openxmlformats.org/officeDocument/2006/relationships",
               "http://purl.oclc.org/ooxml/officeDocument/relationships")
_REL_ID = tuple(f"{ns} id" for ns in _DOC_REL_NS)


@dataclass
class SheetInfo:
    name: str
    part: str | None  # zip member of the worksheet; None for a chart sheet
    hidden: bool = False


def read_workbook(book: Package) -> tuple[bool, list[SheetInfo]]:
    """The 1904 date system flag and the sheets of the package's workbook part, in their order."""
    date1904 = False
    if book._member(book._workbook_part) is None:
        raise InputError(f"Berkas {book.name} bukan workbook Excel .xlsx (tidak ada xl/workbook.xml).")
    rels = book._rels(book._workbook_part)
    found: list[tuple[str, str, bool]] = []
    path: list[str] = []

    def start(name, attrs):
        nonlocal date1904
        if name == "sheet" and path[-1:] == ["sheets"] and len(path) == 2:
            if len(found) >= MAX_SHEETS:
                raise _Stop(book._refuse(f"workbook berisi lebih dari {angka(MAX_SHEETS, 0)} lembar"))
            rid = next((attrs[k] for k in _REL_ID if k in attrs), None)
            if rid is None:  # a relationship id in a namespace of its own: still the only id there is
                rid = next((v for k, v in attrs.items() if k.endswith(" id")), "")
            found.append((clean_text(attrs.get("name", "")), rid, attrs.get("state", "visible") != "visible"))
        elif name == "workbookPr" and len(path) == 1:
            date1904 = attrs.get("date1904", "0").strip(_XML_SPACE).lower() in _TRUE
        path.append(name)

    def end(name):
        path.pop()

    book._parse(book._workbook_part, start, end)
    sheets: list[SheetInfo] = []
    for name, rid, hidden in found:
        kind, target = rels.get(rid, ("", ""))
        part = target if kind.endswith("/worksheet") and book._member(target) else None
        sheets.append(SheetInfo(name, part, hidden))
    return date1904, sheets
