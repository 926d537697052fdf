"""The styles part (xl/styles.xml, or where the workbook's relationship points): the number format of
each cell style, built-in or the file's own, and which formats show a date or time and which an
elapsed time. Only the cell styles' formats are read (fonts, fills, borders and conditional formats'
<dxf> are not); more than MAX_STYLES entries are refused."""
from __future__ import annotations

import re

from lkip_xl.reader.xlsx.package import Package, _Stop
from lkip_xl.textfmt import angka

MAX_STYLES = 200_000  # <numFmt> and <xf> entries of styles.xml together (Excel stops at 64,000 xf)
BUILTIN_FORMATS = {
    0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)', 7: '"$"#,##0.00_);("$"#,##0.00)', 8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%", 10: "0.00%", 11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "mm-dd-yy", 15: "d-mmm-yy",
    16: "d-mmm", 17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
    22: "m/d/yy h:mm", 37: "#,##0_);(#,##0)", 38: "#,##0_);[Red](#,##0)", 39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)", 41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
    42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
    43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
    44: '_("$"* #,##0.00_)_("$"* \\(#,##0.00\\)_("$"* "-"??_)_(@_)', 45: "mm:ss", 46: "[h]:mm:ss",
    47: "mmss.0", 48: "##0.0E+0", 49: "@",
}
_DATE_STRIP = re.compile(r'"[^"]*"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_DATE_CHARS = re.compile(r"(?<![_\\])[dmhysDMHYS]")


def is_duration_format(fmt: str | None) -> bool:
    """An elapsed-time format: [h]:mm:ss, [mm]:ss, [s] (as openpyxl and calamine read them)."""
    return bool(fmt) and _DURATION.search(fmt.split(";")[0]) is not None


def is_date_format(fmt: str | None) -> bool:
    if not fmt:
        return False
    return _DATE_CHARS.search(_DATE_STRIP.sub("", fmt.split(";")[0])) is not None


def read_styles(book: Package) -> list[str | None]:
    """Number format of each cell style (cellXfs index). Only styleSheet/numFmts/numFmt defines
    a format: a <numFmt> inside a conditional format's <dxf> belongs to that rule alone."""
    custom: dict[int, str] = {}
    xf_ids: list[int] = []
    path: list[str] = []
    count = 0

    def start(name, attrs):
        nonlocal count
        if len(path) == 2 and ((name == "numFmt" and path[1] == "numFmts")
                               or (name == "xf" and path[1] == "cellXfs")):
            count += 1
            if count > MAX_STYLES:
                raise _Stop(book._refuse(f"daftar gaya sel berisi lebih dari {angka(MAX_STYLES, 0)} entri"))
            if name == "numFmt":
                try:
                    custom[int(attrs.get("numFmtId", ""))] = attrs.get("formatCode", "")
                except ValueError:
                    pass
            else:
                try:
                    xf_ids.append(int(attrs.get("numFmtId", "0")))
                except ValueError:
                    xf_ids.append(0)
        path.append(name)

    def end(name):
        path.pop()

    book._parse(book._related("/styles", "xl/styles.xml"), start, end, required=False)
    return [custom.get(i, BUILTIN_FORMATS.get(i)) for i in xf_ids]

