"""Upaya Perbaikan (SPEC §12): one `Upaya` per row, Bab IV 4.3's numbered list, in the sheet's order.

The sheet may be one column alone (the header finder wants two labels), so its header is the first
cell saying `Upaya` (or a synonym) and the list is the text below it; a `No` column beside it is ignored."""
from __future__ import annotations

from lkip_xl.model import Finding, Txt
from lkip_xl.reader.sheets import FieldSpec, Sheet
from lkip_xl.reader.values import as_text, norm_label

UPAYA_FIELDS = [
    FieldSpec("upaya", ("upaya", "upaya perbaikan", "langkah", "rencana perbaikan"), required=True),
]
HEADER_ROWS = 20  # the header is looked for in the sheet's first rows


def read_upaya(sheet: Sheet, findings: list[Finding]) -> list[Txt]:
    labels = {norm_label(s) for s in UPAYA_FIELDS[0].synonyms}
    header = next(((r, c) for (r, c), v in sorted(sheet.values.items())
                   if r <= HEADER_ROWS and isinstance(v, str) and norm_label(v) in labels), None)
    if header is None:
        return []
    top, col = header
    out = []
    for r in range(top + 1, sheet.max_row + 1):
        raw = sheet.values.get((r, col))
        if raw is None:
            continue
        upaya = as_text(raw, sheet.cell(r, col))
        if upaya is not None and " ".join(str(upaya.value).split()):
            out.append(upaya)
    return out
