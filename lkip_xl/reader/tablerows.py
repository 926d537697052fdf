"""Which rows under a header are data (SPEC §10.3), and what a budget row's words say (§10.4).

Offices paste more than the table: a column-numbering row, the header repeated on every page of a
PDF copy, `Halaman 41`, notes, the signature block, SIPD's `[#]` / `[-]` marker lines. None of
them is data and none may become a finding; each skipped row is recorded with its reason in
Indonesian (Pembacaan). Everything here looks at each row once, and at a bounded number of rows
around it: linear in the sheet.
"""
from __future__ import annotations

import functools
import re
from lkip_xl.model import Cell, Txt
from lkip_xl.reader.table import Header, Sheet
from lkip_xl.reader.values import MONEY, Unreadable, as_text, code_level, norm_label, parse_code, parse_number

NUMBERING = "baris penomoran kolom"
REPEATED_HEADER = "judul tabel diulang (halaman baru)"
PAGE_NUMBER = "nomor halaman"
NOTE = "catatan"
CLOSING = "blok penutup dan tanda tangan"
MARKER_GROUP = "penanda kelompok SIPD [#]"
MARKER_NOTE = "penanda keterangan SIPD [-]"
RINCIAN = "rincian belanja di bawah akun"
AFTER_TOTAL = "di bawah baris total (tabel sudah berakhir)"
KEY_VALUE = "keterangan (kunci : nilai), bukan data"
NO_AMOUNT = "judul atau keterangan tanpa kode, nomor dan jumlah"

# `1`, `(1)`, `5 = (3 - 4)`, `10 = (9 / 8) × 100`, `(6) = (4) / (3) x 100`, `12 = 8+9+10+11`
_NUMBER_CELL = re.compile(r"^\(?\s*([0-9]{1,3})\s*\)?\s*(?:=\s*[0-9()\s+\-−–*/xX×:.,%]+)?$")
_PAGE = re.compile(r"(?:^|\s)(?:hal(?:aman)?\.?|page)\s*[0-9]+(?:\s*(?:dari|of|/)\s*[0-9]+)?\s*$", re.I)
_NOTE = re.compile(r"^(?:catatan|keterangan|ket|sumber(?: data)?|nb|n\.b|note)\s*[:.]", re.I)
_MONTHS = ("januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|nopember|november"
           "|desember")
# `Juai, 31 Desember 2024`, `Amuntai,        Februari 2025`, `Juai, Tanggal 2 Januari 2024`, `Juai, 31-12-2024`
_DATE_LINE = re.compile(rf"^[A-Za-z][A-Za-z .'()/\-]*,\s*(?:tanggal\s*)?(?:(?:[0-9]{{1,2}}\s+)?(?:{_MONTHS})\s+"
                        rf"[0-9]{{4}}|[0-9]{{1,2}}[-/.][0-9]{{1,2}}[-/.][0-9]{{4}}|tanggal\b.*)$", re.I)
_CLOSING_OPENERS = re.compile(r"^(?:mengetahui|menyetujui|mengesahkan|disahkan|diperiksa|dibuat oleh|"
                              r"pihak (?:pertama|kedua)|nip\b|nip\.)", re.I)
# The office-holder line of a signature: found only walking back from a NIP line.
_JABATAN = re.compile(r"^(?:a\.?n\.?\s+)?(?:plt\.?\s+|plh\.?\s+)?(?:kepala|camat|sekretaris|bupati|wali\s*kota|"
                      r"walikota|gubernur|lurah|kasubbag|kasubag|kabag|kasi|kabid|pejabat|bendahara|pengguna "
                      r"anggaran|ppkd|pimpinan|direktur|inspektur)\b", re.I)
_MARKER = re.compile(r"^\s*\[\s*([#\-])\s*\]")
_CLOSING_LOOKBACK = 8  # rows walked back from a NIP line to find its office holder
_TITLE_LOOKBACK = 3  # a page's running title rows above a repeated header


def table_columns(header: Header) -> tuple[int, int]:
    """The first and last column of the table: its labels and the columns of its fields."""
    cols = set(header.labels) | {c for cs in header.columns.values() for c in cs} | set(header.years.values())
    return (min(cols), max(cols)) if cols else (1, 0)


def data_rows(sheet: Sheet, header: Header) -> list[int]:
    """The data rows below the header; every other row with content is recorded as skipped."""
    reading = sheet.reading
    lo, hi = table_columns(header)
    heads = _header_texts(sheet, header, lo, hi)
    rows = sorted(r for r in sheet.row_cols if r > header.last_row and (header.end_row is None or r <= header.end_row))
    out: list[int] = []
    dropped: set[int] = set()
    texty: list[tuple[int, bool]] = []  # text-only rows since the last row with figures: (row, office holder?)
    totals: set[int] = set()  # text-only rows that state a total
    closed = False
    row_cols, values = sheet.row_cols, sheet.values
    for r in rows:
        if closed:
            reading.skip(r, CLOSING)
            continue
        cells = [(c, v) for c in row_cols[r]
                 if lo <= c <= hi and not ((v := values[(r, c)]) is None or isinstance(v, str) and not v.strip())]
        if not cells:
            continue  # blank (a blank row inside the table is fine)
        texts = _texts(cells)
        why = _not_data(cells, heads, texts)
        if why == CLOSING or why is None and _signature_line(cells, texts):
            closed = True
            reading.skip(r, CLOSING)
            if _nip(cells):  # the office holder and name above the NIP line belong to the block
                start = next((i for i, (_, jabatan) in enumerate(texty) if jabatan), None)
                for back, _ in texty[start:] if start is not None else ():
                    dropped.add(back)
                    reading.skip(back, CLOSING)
            continue
        if why == REPEATED_HEADER:  # the page's running title rows just above it too
            for back, _ in texty[-_TITLE_LOOKBACK:]:
                if back in totals:
                    continue  # `Jumlah Anggaran Sub Kegiatan : Rp …` closes the page above, it is no title
                dropped.add(back)
                reading.skip(back, REPEATED_HEADER)
            texty.clear()
        if why is not None:
            reading.skip(r, why)
            continue
        out.append(r)
        if _text_only(cells):
            texty.append((r, any(_JABATAN.match(t) for t in texts)))
            if texts and total_kind(texts[0]) is not None:
                totals.add(r)
            del texty[:-_CLOSING_LOOKBACK]
        else:
            texty.clear()
    out = [r for r in out if r not in dropped]
    reading.data_rows.update(out)
    return out


def _header_texts(sheet: Sheet, header: Header, lo: int, hi: int) -> dict[int, set[str]]:
    """Per column, the normalised labels of the header rows: a later copy is a repeated header."""
    out: dict[int, set[str]] = {}
    for hr in range(header.first_row, header.last_row + 1):
        for c in range(lo, hi + 1):
            v = sheet.merged_value(hr, c)
            if v is not None and not isinstance(v, bool) and _key(v):
                out.setdefault(c, set()).add(_key(v))
    return out


def _key(v: object) -> str:
    """A label as compared with the header's (case and spacing aside: a copy is the same text)."""
    t = type(v)
    if t is str:
        return _text_key(v) if len(v) <= 200 else " ".join(v.split()).lower()
    if t is int:
        return str(v)  # digits and a sign: nothing to join or lower
    if t is float:
        # repr of a float has no space and no capital (`87.67`, `1e+16`, `inf`)
        return str(int(v)) if v.is_integer() else str(v)
    return " ".join(str(v).split()).lower()


@functools.lru_cache(maxsize=8192)
def _text_key(v: str) -> str:
    """_key of a short text, cached: a rincian repeats its akun codes and names on every sub kegiatan."""
    return " ".join(v.split()).lower()


def _texts(cells: list[tuple[int, object]]) -> list[str]:
    return [(_words(v) if len(v) <= 200 else " ".join(v.split())) for _, v in cells if isinstance(v, str)]


@functools.lru_cache(maxsize=8192)
def _words(v: str) -> str:
    """The words of a short text one space apart, cached (a rincian repeats its akun codes and names)."""
    return " ".join(v.split())


def _text_only(cells: list[tuple[int, object]]) -> bool:
    """At most two cells, all words (no figure, no code): a title, a name, an office holder."""
    return len(cells) <= 2 and all(isinstance(v, str) and not _figure_text(v) for _, v in cells)


def _figure_text(text: str) -> bool:
    """A code, outline number or amount written as text (`7.01.01`, `1.1`, `Rp. 1.000`)."""
    if parse_code(text) is not None:
        return True
    try:
        return parse_number(text, _NOWHERE, None, MONEY) is not None
    except Unreadable:
        return False


def _not_data(cells: list[tuple[int, object]], heads: dict[int, set[str]],
              texts: list[str] | None = None) -> str | None:
    """Why this row is no data (SPEC §10.3), or None. `texts`: _texts(cells), when known."""
    first = cells[0][1]
    # A row opening with a text that is no column number (a code, a name) is no numbering row.
    if (type(first) is not str or _NUMBER_CELL.match(first.strip())) and is_numbering_row([v for _, v in cells]):
        return NUMBERING
    # A repeated header: at least two cells, and three in five, equal to the header's labels. The
    # look stops once too many cells differ for that.
    n = len(cells)
    need = max(2, -(-3 * n // 5))
    room = n - need  # cells that may differ
    if room >= 0:
        for c, v in cells:
            head = heads.get(c)
            if head is None or _key(v) not in head:
                room -= 1
                if room < 0:
                    break
        else:
            return REPEATED_HEADER
    if texts is None:
        texts = _texts(cells)
    if len(texts) == len(cells):
        if any(_PAGE.search(t) for t in texts) and len(cells) <= 3:
            return PAGE_NUMBER
        if len(cells) <= 3 and (_DATE_LINE.match(texts[0]) or _CLOSING_OPENERS.match(texts[0])):
            return CLOSING
        if len(cells) <= 2 and _NOTE.match(texts[0]):
            return NOTE
    if texts:
        m = _MARKER.match(texts[0])
        if m:
            return MARKER_GROUP if m.group(1) == "#" else MARKER_NOTE
    return None


def _signature_line(cells: list[tuple[int, object]], texts: list[str] | None = None) -> bool:
    """Two-party closings put `Mengetahui,` left and `Pihak Kedua,` right: any cell opening it."""
    if len(cells) > 3:
        return False
    if texts is None:
        texts = _texts(cells)
    return len(texts) == len(cells) <= 3 and any(_DATE_LINE.match(t) or _CLOSING_OPENERS.match(t) for t in texts)


def _nip(cells: list[tuple[int, object]]) -> bool:
    return any(re.match(r"^nip\b", t, re.I) for t in _texts(cells))


def is_numbering_row(vals: list[object]) -> bool:
    """`1 | 2 | 3`, `(1) | (2)`, `5 = (3 - 4)`, `0 | 1 | 2`: column numbers, increasing left to right.

    Gaps are allowed (the numbering may count unlabelled Kode part columns, or number a merged
    block once); a two-cell row must count 1, 2 (or 0, 1)."""
    if len(vals) < 2:
        return False
    nums = []
    for v in vals:
        if isinstance(v, bool):
            return False
        if isinstance(v, (int, float)):
            if v != int(v) or not 0 <= v < 1000:
                return False
            nums.append(int(v))
            continue
        m = _NUMBER_CELL.match(str(v).strip())
        if m is None:
            return False
        nums.append(int(m.group(1)))
    if nums[0] > 1 or any(b <= a for a, b in zip(nums, nums[1:])):
        return False
    if len(nums) == 2:
        return nums[1] == nums[0] + 1
    return nums[-1] - nums[0] < 3 * len(nums)


# ------------------------------------------------------------------ budget rows (§10.4, §10.5)

_SUBTOTAL_HINTS = (
    ("jumlah anggaran sub kegiatan", "sub_kegiatan"), ("jumlah sub kegiatan", "sub_kegiatan"),
    ("jumlah anggaran kegiatan", "kegiatan"), ("jumlah kegiatan", "kegiatan"),
    ("jumlah anggaran program", "program"), ("jumlah program", "program"),
)
_GRAND = ("jumlah total", "jumlah keseluruhan", "jumlah seluruh", "grand total", "jumlah belanja daerah")


def total_kind(text: str) -> tuple[str, str | None] | None:
    """What a `Total` / `Jumlah …` label states: ("total", None) the grand total (§9.2);
    ("subtotal", level or None) the total of the group above it (§10.4); None when neither.

    `Jumlah Anggaran Sub Kegiatan :` and `Jumlah Program …` name their group's level; `Jumlah
    <name>` and `Sub Total` name it by name or not at all."""
    key = norm_label(text)
    if key.startswith(("sub total", "subtotal", "sub jumlah")):
        return "subtotal", None
    if key.startswith("total") or key in ("jumlah", "jumlah belanja", "jumlah anggaran", "jumlah pagu",
                                          "jumlah realisasi") or key.startswith(_GRAND):
        return "total", None
    if key.startswith("jumlah "):
        for prefix, level in _SUBTOTAL_HINTS:
            if key.startswith(prefix):
                return "subtotal", level
        return "subtotal", None
    return None


def first_text(sheet: Sheet, r: int) -> Txt | None:
    """The row's first text that is words: not a number written as text (`93,67` in a Rasio column
    left of Uraian), not a code."""
    for c in sheet.row_cols.get(r, []):
        raw = sheet.raw(r, c)
        if isinstance(raw, str) and raw.strip() and not _figure_text(raw):
            return as_text(raw, sheet.cell(r, c))
    return None


_CODE_IN_NAME = re.compile(r"^\s*([0-9X]+(?:\.[0-9X]+)+)\.?\s+(\S.*)$", re.S | re.I)


def code_in_name(text: str) -> tuple[str, str] | None:
    """`7.01.01 Program Penunjang …` -> ("7.01.01", "Program Penunjang …") (SPEC §10.5), when the
    leading code has the shape of a program, kegiatan, sub kegiatan or akun code."""
    m = _CODE_IN_NAME.match(text)
    if not m:
        return None
    code = parse_code(m.group(1))
    if code is None or code_level(code) is None:
        return None
    return code, m.group(2).strip()


def running_numbers(values: list[str | None]) -> bool:
    """A `No` column that counts rows (1, 2, 3 … on every numbered row) rather than an outline:
    one-segment numbers going up by one, at least three of them."""
    nums = [v for v in values if v is not None]
    if len(nums) < 3 or any("." in v for v in nums):
        return False
    ints = [int(v) for v in nums]
    return all(b == a + 1 for a, b in zip(ints, ints[1:]))


_NOWHERE = Cell("", "")  # parse_number wants a cell; a probe has none
