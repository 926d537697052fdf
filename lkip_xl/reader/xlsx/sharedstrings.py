"""The shared strings part (xl/sharedStrings.xml, or where the workbook's relationship points): the
texts that cells refer to by index. Only the strings the sheets read refer to are kept, each cut to
MAX_TEXT characters (a rich string's runs joined, phonetic guides left out); their characters count
towards the read's MAX_CHARS."""
from __future__ import annotations

from lkip_xl.reader.xlsx.package import Package
from lkip_xl.reader.xlsx.xml import MAX_TEXT, _TextBuffer, _unescape, clean_text


def read_shared(book: Package, wanted: set[int]) -> tuple[dict[int, tuple[str, bool]], int]:
    """The shared strings whose index is in `wanted` (text cut to MAX_TEXT, was cut), and how many
    the part holds."""
    out: dict[int, tuple[str, bool]] = {}
    index = -1
    depth = 0  # 1 in <sst>, 2 in <si>
    phonetic = 0
    in_t = False
    text = _TextBuffer()

    def start(name, attrs):
        nonlocal index, depth, phonetic, in_t
        depth += 1
        if name == "si" and depth == 2:
            index += 1
            text.reset()
        elif name == "rPh":
            phonetic += 1  # phonetic guide text is not the cell's text
        elif name == "t" and depth > 2 and not phonetic and index in wanted:
            in_t = True

    def end(name):
        nonlocal depth, phonetic, in_t
        depth -= 1
        if name == "t":
            in_t = False
        elif name == "rPh":
            phonetic -= 1
        elif name == "si" and depth == 1 and index in wanted:
            value = clean_text(_unescape(text.value()))
            book._count_chars(len(value))
            out[index] = (value[:MAX_TEXT], text.cut or len(value) > MAX_TEXT)

    def chars(data):
        if in_t:
            text.add(data)

    book._parse(book._related("/sharedStrings", "xl/sharedStrings.xml"), start, end, chars, required=False)
    return out, index + 1
