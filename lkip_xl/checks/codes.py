"""The finding codes of SPEC §6 with their default severity, and the Finding factory."""
from __future__ import annotations

from typing import Any

from lkip_xl.model import Cell, Finding

TINGKAT = {
    "SUM_MISMATCH": "kesalahan",
    "PERCENT_MISMATCH": "kesalahan",
    "SISA_MISMATCH": "kesalahan",
    "PAGU_MISMATCH": "kesalahan",
    "CLAIM_MISMATCH": "kesalahan",
    "CATEGORY_MISMATCH": "kesalahan",
    "COMPONENT_MISMATCH": "kesalahan",
    "BELANJA_TOTAL_MISMATCH": "kesalahan",
    "DUPLICATE_CODE": "kesalahan",
    "UNMATCHED_ROW": "kesalahan",
    "UNKNOWN_REFERENCE": "kesalahan",
    "REALISASI_EXCEEDS_PAGU": "kesalahan",
    "NEGATIVE_AMOUNT": "kesalahan",
    "UNREADABLE_VALUE": "kesalahan",
    "NAME_MISMATCH": "peringatan",
    "AMBIGUOUS_COLUMN": "peringatan",
    "TARGET_MISMATCH": "peringatan",
    "ZERO_TARGET": "peringatan",
    "MISSING_REALISASI": "peringatan",
    "UNIT_MISMATCH": "peringatan",
    "UNMAPPED_INDICATOR": "peringatan",
    "ORPHAN_ROW": "peringatan",
    "EXTERNAL_LINK": "peringatan",
    "UNMAPPED_SUBKEGIATAN": "info",
    "TARGET_NOT_CHALLENGING": "info",
}


def finding(kode: str, cell: Cell | None, pesan: str, dilaporkan: Any = None, dihitung: Any = None,
            tingkat: str | None = None, figure: tuple | None = None, kind: str | None = None,
            decimals: int | None = None) -> Finding:
    """A finding; `figure`/`kind`/`decimals` let the workbook show a live selisih for arithmetic claims."""
    return Finding(kode, tingkat or TINGKAT[kode], cell.sheet if cell else None, cell.ref if cell else None,
                   pesan, _plain(dilaporkan), _plain(dihitung), figure, kind, decimals)


def _plain(x: Any) -> Any:
    """JSON-friendly: whole floats as int."""
    if isinstance(x, float) and x.is_integer() and abs(x) < 2**53:
        return int(x)
    return x
