"""Keys for matching labels and names across sheets: case, spaces and punctuation do not count."""
from __future__ import annotations

import re


def norm_label(text: object) -> str:
    """Lower-case and turn every run of non-letters/digits into one space."""
    return re.sub(r"[^0-9a-z]+", " ", str(text).lower()).strip()


_LEVEL_PREFIX = re.compile(r"^(program|kegiatan|sub kegiatan|subkegiatan)\s+")


def norm_name(text: object) -> str:
    """Name key for joining rows across sheets: case, spaces, punctuation and a level word."""
    key = norm_label(text)
    return _LEVEL_PREFIX.sub("", key) or key


def subtotal_name(text: str) -> str:
    """The group a `Jumlah <name>` row names (`Jumlah Program Penunjang …` -> `program penunjang …`)."""
    return norm_label(text).removeprefix("jumlah").strip()
