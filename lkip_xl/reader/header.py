"""Choosing a table's header rows and giving each field its column (SPEC §9.1, §10.1, §10.2, §10.9).

A candidate header is one, two or three adjacent label rows among the first rows of the sheet. Each
column of a candidate gets a *sub label* (its lowest label) and the *group labels* above it (`Target`
over `2023`, `Sesudah Perubahan` over `Jumlah (Rp)`); a group label only qualifies the columns under
it. Candidates are scored on how well their labels explain the fields and how well the rows below fit
them; on a tie the upper (then the shorter) candidate wins.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from lkip_xl.reader.table import FieldSpec, Header, Sheet
from lkip_xl.reader.values import norm_label

HEADER_SCAN_ROWS = 50
MAX_HEADER_ROWS = 3
FIT_ROWS = 12  # rows looked at below a candidate to see whether the data fits its labels
FIT_CELLS = 5  # non-empty cells per column among them

_YEAR = re.compile(r"\b(19[0-9][0-9]|20[0-9][0-9])\b")
# A code, outline number or dotted amount (7.01.01, 1.1, 1., 6.025.173.178): data, never a header label.
_DATA_TEXT = re.compile(r"^\s*[0-9]+(\.[0-9]+)+\.?\s*$|^\s*[0-9]+\.\s*$")
# A column-numbering cell: `1`, `(1)`, `5 = (3 - 4)`, `10 = (9 / 8) x 100`.
_NUMBERING_TEXT = re.compile(r"^\s*\(?\s*[0-9]{1,3}\s*\)?\s*(=.*)?$")
_KEY_VALUE = re.compile(r"^[^:()]{1,80}?\s*:\s*\S")
_CODE_TEXT = re.compile(r"^\s*([0-9X]+(\.[0-9X]+)*\.?)\s*$", re.I)
_AMOUNT_TEXT = re.compile(r"^\s*\(?\s*-?\s*(rp\.?\s*)?-?[0-9][0-9.,\s\u00a0]*\s*%?\s*\)?\s*$|^\s*(rp\.?\s*)?[-–—]\s*$", re.I)

# Words that qualify a label without naming a field: they never count against a candidate.
_REVISION_AFTER = {"sesudah", "setelah", "perubahan", "pergeseran", "refocusing"}
_REVISION_BEFORE = {"sebelum", "murni", "awal"}
_MONTHS = {"januari": 1, "februari": 2, "pebruari": 2, "maret": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
           "agustus": 8, "september": 9, "oktober": 10, "november": 11, "nopember": 11, "desember": 12}
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUALIFIERS = (_REVISION_AFTER | _REVISION_BEFORE | set(_MONTHS) | set(_ROMAN)
               | {"tahun", "ta", "rp", "rupiah", "s", "d", "sd", "sampai", "dengan", "bulan", "ini", "lalu", "tw",
                  "triwulan", "semester", "kumulatif", "persen", "dan", "atau", "yang", "per", "pada", "di"})
# What a column measures (SPEC §10.13, §10.19; the names are sheets.MEASURES). `%` reads as `persen`.
_RATIO_WORDS = {"persen", "persentase", "rasio"}
_RATIO_PHRASES = (" tingkat capaian ",)
_REMAINDER_WORDS = {"sisa", "selisih"}
_INDICATOR_WORDS = {"k", "kinerja", "fisik", "bobot", "volume"}
_MONEY_WORDS = {"rp", "rupiah", "keuangan", "anggaran", "pagu", "dana"}
_UP_TO_YEAR = re.compile(r" (?:s d|sd|sampai dengan) (?:tahun|19[0-9][0-9]|20[0-9][0-9]) ")
_CUMULATIVE = (" s d ", " sd ", " sampai dengan ", " kumulatif ")
# Kinerja: a label with one of these words is no year's target or realisasi of the indicator.
_NOT_YEAR_VALUE = {"awal", "akhir", "baseline", "kondisi", "pk", "keuangan", "anggaran", "pagu", "rp", "rupiah",
                   "serapan"}


@dataclass
class HeadCell:
    """One column of a candidate header: its lowest label and the group labels above it."""

    col: int
    sub: str
    groups: tuple[tuple[tuple[int, int], str], ...]  # (anchor, text) of each group label, top first
    anchor: tuple[int, int]  # the cell the sub label comes from (a merged label: its top-left cell)

    @property
    def text(self) -> str:
        return " ".join(t for t in (*(g for _, g in self.groups), self.sub) if t)


@dataclass
class Choice:
    """How one column could serve one field."""

    col: int
    name: str
    base: tuple[float, int]  # how well the label matches: (class, length of the synonym)
    pref: tuple  # (visible, year, revision, period): what decides between equally good labels
    cols: list[int] = field(default_factory=list)  # the columns taken (a split Kode: all its parts)
    canonical: int = 0  # for an exact match: minus the synonym's place in the field's list

    @property
    def rank(self) -> tuple:
        """Between columns for one field: a visible column before a hidden one, then the match class,
        then year, revision and period, then how canonical an exact label is (`Pagu` before
        `Pagu Anggaran`) or how long a contained synonym is."""
        return (self.pref[0], self.base[0], self.pref[1:], self.canonical if self.base[0] >= 3 else self.base[1])


# ---------------------------------------------------------------- rows as header material

def _display(sheet: Sheet, r: int) -> dict[int, tuple[tuple[int, int], str]]:
    """Column -> (anchor, label text) of row r as shown (cells inside a merged label show it)."""
    cache = sheet.__dict__.setdefault("_display_cache", {})
    if r in cache:
        return cache[r]
    out: dict[int, tuple[tuple[int, int], str]] = {}
    cols = set(sheet.row_cols.get(r, ()))
    for r0, c0, r1, c1 in _merges_on(sheet, r):
        cols.update(range(c0, c1 + 1))
    for c in sorted(cols):
        anchor = sheet.merge_anchor.get((r, c), (r, c))
        text = _label_text(sheet.values.get(anchor))
        if text:
            out[c] = (anchor, text)
    cache[r] = out
    return out


def _merges_on(sheet: Sheet, r: int) -> list[tuple[int, int, int, int]]:
    index = sheet.__dict__.get("_merge_rows")
    if index is None:
        index = {}
        for m in sheet.merges:
            if m[0] > HEADER_SCAN_ROWS + MAX_HEADER_ROWS + FIT_ROWS:
                continue
            for rr in range(m[0], min(m[2], HEADER_SCAN_ROWS + MAX_HEADER_ROWS + FIT_ROWS) + 1):
                index.setdefault(rr, []).append(m)
        sheet.__dict__["_merge_rows"] = index
    return index.get(r, [])


def _label_text(v: object) -> str:
    if isinstance(v, str):
        return " ".join(v.split())
    if isinstance(v, (int, float)) and not isinstance(v, bool) and v == int(v) and 1900 < v < 2100:
        return str(int(v))
    return ""


def looks_like_data(sheet: Sheet, r: int) -> bool:
    """Row r holds a number other than a year, a code / outline number, a date or a numbering cell."""
    for c in sheet.row_cols.get(r, ()):
        v = sheet.values.get((r, c))
        if isinstance(v, bool) or v is None:
            continue
        if isinstance(v, str):
            if _DATA_TEXT.match(v) or (_NUMBERING_TEXT.match(v) and not _YEAR.fullmatch(v.strip())):
                return True
        elif isinstance(v, (int, float)):
            if not (1900 < v < 2100 and v == int(v)):
                return True
        else:  # dates and times
            return True
    return False


def is_key_value(sheet: Sheet, r: int) -> bool:
    """`Urusan : …`, `SKPD | : | …`, `Alokasi Tahun 2024 : Rp …`: a title line, never a header."""
    texts = [sheet.values[(r, c)] for c in sheet.row_cols.get(r, ()) if isinstance(sheet.values[(r, c)], str)
             and sheet.values[(r, c)].strip()]
    if not texts:
        return False
    if _KEY_VALUE.match(texts[0]) or texts[0].rstrip().endswith(":"):
        return True
    return len(texts) > 1 and texts[1].strip().startswith(":")


def is_title(sheet: Sheet, r: int) -> bool:
    """A row whose only content is one text (merged across the table or not), unless it is a group
    label standing over some of the labels of the row below it."""
    raw = [c for c in sheet.row_cols.get(r, ()) if not _blank(sheet.values[(r, c)])]
    if len(raw) != 1:
        return False
    c = raw[0]
    span_end = c
    for m in _merges_on(sheet, r):
        if (m[0], m[1]) == (r, c):
            span_end = m[3]
    below = [cc for cc in sheet.row_cols.get(r + 1, ()) if not _blank(sheet.values[(r + 1, cc)])]
    if not below:
        return True
    # A group label sits right of the first label below it and does not span all of them.
    return c <= below[0] or span_end >= below[-1]


def _blank(v: object) -> bool:
    return v is None or (isinstance(v, str) and not v.strip())


def label_row(sheet: Sheet, r: int) -> bool:
    """Row r can be (part of) a header."""
    if not sheet.row_cols.get(r) or not _display(sheet, r):
        return False
    return not (looks_like_data(sheet, r) or is_key_value(sheet, r) or is_title(sheet, r))


def head_cells(sheet: Sheet, first: int, last: int) -> dict[int, HeadCell]:
    """The columns of the header rows first..last with their sub and group labels (labels merged down
    from above `first` are not part of this candidate)."""
    rows = [r for r in range(first, last + 1) if r in (first, last) or not numbering_inside(sheet, r)]
    disp = {r: {c: e for c, e in _display(sheet, r).items() if e[0][0] >= first} for r in rows}
    entries: dict[int, list[tuple[tuple[int, int], str]]] = {}
    for r in rows:
        for c, (anchor, text) in disp[r].items():
            lst = entries.setdefault(c, [])
            if not lst or lst[-1][0] != anchor:
                lst.append((anchor, text))
    # An unmerged group label followed by empty cells groups the labelled columns under them.
    extra: dict[int, list[tuple[tuple[int, int], str]]] = {}
    for r in rows[:-1]:
        ext: tuple[tuple[int, int], str] | None = None
        for c in range(1, max(entries, default=0) + 1):
            below = [e for e in entries.get(c, []) if e[0][0] > r]
            if c in disp[r]:
                anchor, text = disp[r][c]
                ext = (anchor, text) if below and anchor == (r, c) else None
            elif ext is not None and below:
                extra.setdefault(c, []).append(ext)
            else:
                ext = None
    # A label over another one must be a group label: merged across columns or followed by empty
    # cells; a one-column label over another is a header over its first data row.
    # (Labels merged down through the header rows show it is one header too: `Sebelum Perubahan` over
    # `Pagu` beside `Kode` merged over two rows.)
    wide = {e[0] for lst in extra.values() for e in lst}
    tall = False
    for r0, c0, r1, c1 in (m for r in rows for m in _merges_on(sheet, r)):
        if c1 > c0:
            wide.add((r0, c0))
        if first <= r0 < r1 and r0 < last:
            tall = True
    out = {}
    for c, lst in sorted(entries.items()):
        if not tall and any(anchor not in wide for anchor, _ in lst[:-1]):
            return {}
        anchor, sub = lst[-1]
        out[c] = HeadCell(c, sub, tuple(extra.get(c, [])) + tuple(lst[:-1]), anchor)
    return out


# ---------------------------------------------------------------- qualifiers

def _words(text: str) -> list[str]:
    return norm_label(text.replace("%", " persen ")).split()


def revision_rank(words: list[str]) -> int:
    """Sesudah / Setelah / Perubahan (2) over a plain label (1) over Sebelum / Murni (0)."""
    if set(words) & _REVISION_BEFORE:
        return 0
    return 2 if set(words) & _REVISION_AFTER else 1


def period_rank(words: list[str]) -> tuple[int, float]:
    """(2, 0) the whole year; (1, n) cumulative up to period n; (0, n) the single period n."""
    text = " " + " ".join(words) + " "
    cumulative = any(k in text for k in (" s d ", " sd ", " sampai dengan ", " kumulatif ", " s/d "))
    ordinal: float | None = None
    for i, w in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else ""
        if w in ("triwulan", "tw", "trw") and nxt in _ROMAN:
            ordinal = 3 * _ROMAN[nxt]
        elif w == "semester" and nxt in _ROMAN:
            ordinal = 6 * _ROMAN[nxt]
        elif w in _MONTHS:
            ordinal = _MONTHS[w]
        elif w == "bulan" and nxt == "ini":
            ordinal = 13
        elif w == "bulan" and nxt == "lalu":
            ordinal = 12.5
    if ordinal is None:
        return (1, 13) if cumulative else (2, 0)
    return (1 if cumulative else 0, ordinal)


def years_in(words: list[str]) -> list[int]:
    return [int(w) for w in words if _YEAR.fullmatch(w)]


def column_measures(labels: list[list[str]]) -> set[str]:
    """What a column's labels say it measures (sheets.MEASURES but `numbers`): `labels` are the words of
    its sub label first, then of each group label above it, nearest first."""
    out = set()
    words = {w for ws in labels for w in ws}
    text = " " + " ".join(w for ws in reversed(labels) for w in ws) + " "
    if words & _RATIO_WORDS or any(p in text for p in _RATIO_PHRASES):
        out.add("ratio")
    if words & _REMAINDER_WORDS:
        out.add("remainder")
    # `K | Rp`, `Kinerja | Keuangan`, `Fisik (%) | Keuangan (%)`: the nearest label that speaks of either
    # decides; one that speaks of both (`Target Kinerja dan Anggaran`) leaves it open.
    for ws in labels:
        money, indicator = bool(_MONEY_WORDS.intersection(ws)), bool(_INDICATOR_WORDS.intersection(ws))
        if money or indicator:
            if money != indicator:
                out.add("money" if money else "indicator")
            break
    # A cumulative over years: the nearest label with years gives a range, or the labels say `s/d Tahun …`,
    # or a cumulative about the Renstra (`Realisasi … Renstra sampai dengan Renja Tahun Lalu`).
    for ws in labels:
        years = set(years_in(ws))
        if years:
            if len(years) > 1:
                out.add("multi_year")
            break
    if _UP_TO_YEAR.search(text) or ("renstra" in words and any(k in text for k in _CUMULATIVE)):
        out.add("multi_year")
    return out


def _holds_numbers(sheet: Sheet, c: int, last: int) -> bool:
    """Most of the first FIT_CELLS non-empty cells below the header rows in column c are numbers."""
    seen, numbers = _fitting(sheet, c, last, "number")
    return 2 * numbers > seen


def _fitting(sheet: Sheet, c: int, last: int, kind: str) -> tuple[int, int]:
    """(cells looked at, cells of `kind`) among the first FIT_CELLS non-empty cells of column c within
    FIT_ROWS rows below the header: the bounded look every test of a column's content takes."""
    seen = good = 0
    for r in range(last + 1, last + 1 + FIT_ROWS):
        v = sheet.values.get((r, c))
        if _blank(v):
            continue
        seen += 1
        good += _fits(v, kind)
        if seen >= FIT_CELLS:
            break
    return seen, good


# ---------------------------------------------------------------- matching labels to fields

# The parts of a code as SIMDA and the Permendagri forms head them, under one `Kode` label
CODE_PARTS = {"urusan", "bidang", "program", "prog", "kegiatan", "keg", "sub", "sub kegiatan", "subkegiatan",
              "sub keg", "unit", "organisasi", "org", "akun", "kelompok", "jenis", "objek", "obyek", "rincian",
              "rincian objek", "sub rincian objek", "rek", "rekening", "kd", "kode"}


def _code_groups(cells: dict[int, "HeadCell"], specs: list[FieldSpec], pinned_cols: set[int]
                 ) -> dict[tuple[int, int], tuple[str, tuple[float, int, str]]]:
    """Group labels that name a split code (a multi field: `Kode`) over sub labels that are its parts
    (`Urusan | Bidang | Program | Kegiatan | Sub`): anchor -> (field, match). The parts are one code, so
    none of them is read as a field of its own (`Program` is not the Uraian)."""
    multi = [s for s in specs if s.multi]
    if not multi:
        return {}
    under: dict[tuple[int, int], list[HeadCell]] = {}
    text: dict[tuple[int, int], str] = {}
    for c, h in cells.items():
        for a, g in h.groups:
            under.setdefault(a, []).append(h)
            text[a] = g
    out = {}
    for a, hs in under.items():
        if len(hs) < 2 or any(h.col in pinned_cols for h in hs):
            continue
        found = _synonym_matches(" ".join(_words(text[a])), multi)
        exact = {n: m for n, m in found.items() if m[0] >= 3}
        if len(exact) != 1:
            continue
        if all(" ".join(_words(h.sub)) in CODE_PARTS for h in hs if h.sub.strip()) and \
                sum(1 for h in hs if h.sub.strip()) >= 2:
            out[a] = next(iter(exact.items()))
    return out


def _synonym_matches(lab: str, specs: list[FieldSpec], context: list[str] = ()) -> dict[str, tuple[float, int, str]]:
    """Field -> (class, synonym length, synonym): exact 3, contained as whole words 2. A field's `unless`
    words also count in the group labels (`context`): `Keuangan 2024` over `Target` is money."""
    out: dict[str, tuple[float, int, str]] = {}
    if not lab:
        return out
    padded = f" {lab} "
    words = set(lab.split()) | set(context)
    for s in specs:
        best: tuple[float, int, str] | None = None
        weak = next((syn for syn in s.weak if f" {syn} " in padded), None)
        if weak is not None:
            # A fallback label (`Pagu Indikatif` holds the word `pagu` too): it serves only when no
            # other column does.
            out[s.name] = (1, len(weak), weak)
            continue
        for syn in s.synonyms:
            if syn in s.weak:
                continue
            if lab == syn and not (s.unless and set(s.unless) & set(context)):
                best = (3, len(syn), syn)
                break
            if f" {syn} " in padded and not (s.unless and set(s.unless) & words):
                if best is None or len(syn) > best[1]:
                    best = (2, len(syn), syn)
        if best is not None:
            out[s.name] = best
    return out


@dataclass
class Reading:
    """The fields one candidate header explains."""

    header: Header
    choices: list[Choice]
    score: float
    rivals: dict[str, list[int]] = field(default_factory=dict)  # field -> columns left (AMBIGUOUS_COLUMN)


def read_candidate(sheet: Sheet, first: int, last: int, specs: list[FieldSpec], year_fields: tuple[str, ...],
                   pinned: dict[str, list[int]] | None = None, report_year: int | None = None) -> Reading:
    """Assign the columns of header rows first..last to fields: best match first, one field per column
    and one column per field (a split Kode: the columns under its one header cell)."""
    pinned = pinned or {}
    cells = head_cells(sheet, first, last)
    by_name = {s.name: s for s in specs}
    header = Header(first, last, labels={c: h.text for c, h in cells.items()})
    pinned_cols = {c for cols in pinned.values() for c in cols}
    choices: list[Choice] = []
    year_choices: list[tuple[str, int, tuple, int]] = []
    penalty = 0.0
    spans: dict[tuple[int, int], list[int]] = {}
    for c, h in cells.items():
        spans.setdefault(h.anchor, []).append(c)
    used_groups: set[tuple[int, int]] = set()
    all_groups: set[tuple[int, int]] = set()
    code_groups = _code_groups(cells, specs, pinned_cols)
    for c, h in cells.items():
        all_groups.update(a for a, _ in h.groups)
        if c in pinned_cols or c != min(spans[h.anchor]):
            continue  # one choice per header cell: a merged label is one label
        code = next(((a, name, match) for a, _ in h.groups if a in code_groups
                     for name, match in [code_groups[a]]), None)
        if code is not None:  # SIMDA: `Kode` over `Urusan | Bidang | Program | Kegiatan | Sub`, one code
            anchor, name, (cls, length, syn) = code
            used_groups.add(anchor)
            parts = sorted(x for x, hx in cells.items() if any(a == anchor for a, _ in hx.groups))
            if c == parts[0]:
                synonyms = by_name[name].synonyms
                canonical = -synonyms.index(syn) if syn in synonyms else 0
                choices.append(Choice(c, name, (cls, length), (c not in sheet.hidden_cols, False, 1, 0, period_rank([])),
                                      parts, canonical))
            continue
        sub_words = _words(h.sub)
        group_words = [w for _, g in h.groups for w in _words(g)]
        words = group_words + sub_words
        for anchor, g in h.groups:
            if all(w in _QUALIFIERS or _YEAR.fullmatch(w) for w in _words(g)):
                used_groups.add(anchor)
        sub_years, group_years = years_in(sub_words), years_in(group_words)
        years = sub_years or (group_years if len(set(group_years)) == 1 else [])
        visible = c not in sheet.hidden_cols
        # Kinerja: a year's target / realisasi / capaian of the indicator.
        yf = _year_field(sub_words, group_words, year_fields) if years else None
        if yf is not None:
            year_choices.append((yf, years[0], (visible,) + period_rank(words), c))
            used_groups.update(a for a, _ in h.groups)
            continue
        if report_year and not year_fields and any(y > report_year for y in years):
            continue  # Prakiraan Maju 2025: never this year's pagu or realisasi (SPEC §10.9)
        year_rank = 1 if not years else 2 if report_year in years else 0
        # The budget in force (Setelah Efisiensi, Setelah Pergeseran, Perubahan) wins over Murni / Sebelum /
        # Awal whatever year either label carries (SPEC §10.18: `Pagu APBD Murni 2025` beside `Pagu Setelah
        # Efisiensi` is the budget before an Inpres 1/2025 cut); the year decides among the rest.
        revision = revision_rank(words)
        pref = (visible, revision != 0, year_rank, revision, period_rank(words))
        # A field never takes a column that measures what the field is not (FieldSpec.never, SPEC §10.13).
        measures = column_measures([sub_words] + [_words(g) for _, g in reversed(h.groups)])
        found = {} if "rincian" in group_words else _synonym_matches(" ".join(sub_words), specs, group_words)
        matches = _allowed(found, by_name, measures, sheet, c, last)
        if not matches and h.groups and "rincian" not in group_words:
            # `Realisasi Anggaran` over `Triwulan I`: the group names the field, the sub its period.
            # Ranked just below the same match on a label of its own.
            by_group = _synonym_matches(" ".join(group_words), specs)
            matches = _allowed({n: (m[0] - 0.25, m[1], m[2]) for n, m in by_group.items()},
                               by_name, measures, sheet, c, last)
            if not matches:
                by_all = _synonym_matches(" ".join(words), specs)
                matches = _allowed({n: (m[0] - 0.5, m[1], m[2]) for n, m in by_all.items()},
                                   by_name, measures, sheet, c, last)
            if matches:
                used_groups.update(a for a, _ in h.groups)
        if not matches:
            if not h.groups and not found:  # a sub label under a group is qualified by it; a refused one is known
                penalty += min(1.0, 0.3 * sum(1 for w in sub_words if w not in _QUALIFIERS and not _YEAR.fullmatch(w)))
            continue
        best = max(matches.values())
        loose = [w for w in sub_words if w not in best[2].split() and w not in _QUALIFIERS and not _YEAR.fullmatch(w)]
        penalty += min(0.6, 0.15 * len(loose))
        for name, (cls, length, syn) in matches.items():
            cols = sorted(x for x in spans[h.anchor] if x not in pinned_cols) if by_name[name].multi else [c]
            synonyms = by_name[name].synonyms
            canonical = -synonyms.index(syn) if syn in synonyms else 0
            choices.append(Choice(c, name, (cls, length), pref, cols, canonical))
    # A group label that explains nothing and stands over nearly the whole table (a title glued on
    # top) counts against the candidate.
    for anchor in all_groups - used_groups:
        under = sum(1 for h in cells.values() if any(a == anchor for a, _ in h.groups))
        if under >= 0.8 * len(cells):
            penalty += 1.5

    header.columns = {name: list(cols) for name, cols in pinned.items() if not _is_year_key(name)}
    for name, cols in pinned.items():
        if _is_year_key(name):
            yf, year = name.split(":")
            header.years[(yf, int(year))] = cols[0]
    taken = set(pinned_cols)
    chosen: list[Choice] = []
    for ch in sorted(choices, key=lambda ch: (ch.rank, -ch.col), reverse=True):
        if ch.name in header.columns or any(x in taken for x in ch.cols):
            continue
        header.columns[ch.name] = list(ch.cols)
        taken.update(ch.cols)
        chosen.append(ch)
    rivals: dict[str, list[int]] = {}
    for ch in chosen:
        left = [o.col for o in choices if o.name == ch.name and o.base == ch.base and o.col not in taken]
        if left and not by_name[ch.name].multi and not ch.name.startswith("ignored"):
            rivals[ch.name] = left
    # Year columns: one per (field, year); quarterly columns under a year are its periods.
    periods: dict[tuple[str, int], list[tuple[tuple, int]]] = {}
    for yf, year, pref, c in year_choices:
        if c not in taken:
            periods.setdefault((yf, year), []).append((pref, c))
    for key, lst in periods.items():
        if key not in header.years:
            header.years[key] = max(lst, key=lambda x: (x[0], -x[1]))[1]
    header.periods = {k: [c for _, c in sorted(v, key=lambda x: x[0][2])] for k, v in periods.items()
                      if len(v) > 1 and all(pref[1] == 0 for pref, _ in v)}
    _extend_split_code(sheet, header, specs, cells, last)
    score = sum(3.0 if ch.base[0] >= 2.5 else 2.0 if ch.base[0] >= 1.5 else 1.0 for ch in chosen) + 2.0 * len(header.years) - penalty
    score += _fit(sheet, header, last)
    # A valid sub label row (its labels stand under group labels) is header, not a first data row.
    score += 0.5 * (last - first) if cells else 0
    return Reading(header, chosen, score, rivals)


def _allowed(found: dict[str, tuple[float, int, str]], by_name: dict[str, FieldSpec], measures: set[str],
             sheet: Sheet, c: int, last: int) -> dict[str, tuple[float, int, str]]:
    """The matches of column c whose field may take a column that measures this (FieldSpec.never)."""
    out = {}
    for name, match in found.items():
        never = by_name[name].never
        if never and (measures.intersection(never) or ("numbers" in never and _holds_numbers(sheet, c, last))):
            continue
        out[name] = match
    return out


def _is_year_key(name: str) -> bool:
    return ":" in name


def _year_field(sub_words: list[str], group_words: list[str], year_fields: tuple[str, ...]) -> str | None:
    if not year_fields or set(sub_words + group_words) & _NOT_YEAR_VALUE:
        return None
    if sub_words and sub_words[0] in year_fields:
        return sub_words[0]
    for w in sub_words:
        if w in year_fields:
            return w
    for w in group_words:
        if w in year_fields:
            return w
    return None


def _extend_split_code(sheet: Sheet, header: Header, specs: list[FieldSpec], cells: dict[int, HeadCell],
                       last: int) -> None:
    """A Kode header cell followed by empty header cells owns them (the code's parts), wherever the block
    sits; right of the last label only while the rows below hold values there."""
    for s in specs:
        if not s.multi or s.name not in header.columns:
            continue
        cols = header.columns[s.name]
        c = max(cols) + 1
        right_most = max(cells, default=0)
        while c not in cells and c not in {x for v in header.columns.values() for x in v}:
            if c > right_most and not _has_values_below(sheet, c, last):
                break
            if c > sheet.max_col:
                break
            cols.append(c)
            header.labels.setdefault(c, header.labels.get(cols[0], ""))
            c += 1
        cols.sort()


def _has_values_below(sheet: Sheet, c: int, last: int) -> bool:
    return any((r, c) in sheet.values and not _blank(sheet.values[(r, c)]) for r in range(last + 1, last + 1 + FIT_ROWS))


_CODE_FIELDS = {"kode"}
_TEXT_FIELDS = {"uraian", "indikator", "tujuan", "sasaran", "indikator_tujuan", "komponen", "subjek", "kategori"}
_NUMBER_FIELDS = {"amount", "pagu", "realisasi", "sisa", "persen", "nilai", "batas", "target_pk", "realisasi_plain",
                  "capaian_plain"}


def _fit(sheet: Sheet, header: Header, last: int) -> float:
    """How well the rows below fit the labels: codes under Kode, numbers under amounts, text under
    Uraian / Indikator. A bounded look: FIT_CELLS cells per column within FIT_ROWS rows."""
    bonus = 0.0
    checks = [(name, cols[0]) for name, cols in header.columns.items()] + [("_year", c) for c in header.years.values()]
    for name, c in checks:
        kind = "code" if name in _CODE_FIELDS else "text" if name in _TEXT_FIELDS else \
            "number" if name in _NUMBER_FIELDS or name == "_year" else None
        if kind is None:
            continue
        seen, good = _fitting(sheet, c, last, kind)
        if seen:
            bonus += 0.5 * good / seen - 0.25 * (seen - good) / seen
    return bonus


def _fits(v: object, kind: str) -> bool:
    if kind == "number":
        return (isinstance(v, (int, float)) and not isinstance(v, bool)) or (
            isinstance(v, str) and bool(_AMOUNT_TEXT.match(v)))
    if kind == "code":
        return (isinstance(v, (int, float)) and not isinstance(v, bool)) or (
            isinstance(v, str) and bool(_CODE_TEXT.match(v)))
    return isinstance(v, str) and any(ch.isalpha() for ch in v)


# ---------------------------------------------------------------- choosing

def candidates(sheet: Sheet, limit: int = HEADER_SCAN_ROWS) -> list[tuple[int, int]]:
    """(first, last) rows of every candidate header among the first `limit` rows: up to MAX_HEADER_ROWS
    label rows, and a column-numbering row between two of them is passed over (wp-sipd's evaluasi
    Renja prints `7 | 12 = 8+9+10+11` between its block labels and `K | Rp`)."""
    out = []
    last_row = min(sheet.max_row, limit)
    ok = {r: label_row(sheet, r) for r in range(1, last_row + MAX_HEADER_ROWS + 1)}
    for r in range(1, last_row + 1):
        if not ok.get(r):
            continue
        out.append((r, r))
        taken, nxt = 1, r + 1
        while taken < MAX_HEADER_ROWS:
            if ok.get(nxt):
                taken += 1
                out.append((r, nxt))
            elif not (ok.get(nxt + 1) and numbering_inside(sheet, nxt)):
                break
            nxt += 1
    return out


def numbering_inside(sheet: Sheet, r: int) -> bool:
    """Row r numbers the columns (`7 | 12 = 8+9+10+11 | 14 = 6 + 12`, `(1) | (2)`): every cell is a column
    number, increasing from left to right. Inside a header it is no label row (head_cells skips it);
    below it, tablerows skips it as data."""
    cache = sheet.__dict__.setdefault("_numbering_cache", {})
    if r not in cache:
        nums: list[int] = []
        for c in sorted(sheet.row_cols.get(r, ())):
            v = sheet.values.get((r, c))
            if _blank(v):
                continue
            if isinstance(v, bool):
                nums = []
                break
            if isinstance(v, (int, float)):
                if v != int(v) or not 0 <= v < 1000:
                    nums = []
                    break
                nums.append(int(v))
                continue
            m = _NUMBERING_TEXT.match(str(v)) if isinstance(v, str) else None
            if m is None:
                nums = []
                break
            nums.append(int(re.match(r"\s*\(?\s*([0-9]+)", v).group(1)))
        cache[r] = len(nums) >= 2 and all(b > a for a, b in zip(nums, nums[1:]))
    return cache[r]


def choose(sheet: Sheet, specs: list[FieldSpec], year_fields: tuple[str, ...] = (),
           pinned: dict[str, list[int]] | None = None, rows: tuple[int, int] | None = None,
           report_year: int | None = None) -> tuple[Reading | None, Reading | None]:
    """(the best candidate that has every required field, the best candidate of all) — the second
    names the row that came closest when the first is None."""
    best: tuple[tuple, Reading] | None = None
    closest: tuple[tuple, Reading] | None = None
    spans = [rows] if rows else candidates(sheet)
    pinned = pinned or {}
    seen: set[tuple] = set()
    table_starts = None  # below a complete candidate, three data rows: the table has begun
    for first, last in spans:
        if table_starts is not None and first >= table_starts:
            break  # a later candidate lies inside the table: a repeated header or data
        reading = read_candidate(sheet, first, last, specs, year_fields, pinned, report_year)
        header = reading.header
        if len(header.labels) < 2 and not rows:
            continue
        # A copy of an upper candidate is a repeated page header, never the header.
        signature = tuple(sorted((c, norm_label(t)) for c, t in header.labels.items()))
        if signature in seen:
            continue
        seen.add(signature)
        # On a tie the upper candidate wins, and from one row the taller (its sub labels are no data).
        key = (round(reading.score, 6), -first, last - first)
        if closest is None or key > closest[0]:
            closest = (key, reading)
        if any(s.required and s.name not in header.columns for s in specs):
            continue
        if best is None or key > best[0]:
            best = (key, reading)
            table_starts = _table_start(sheet, reading.header)
    return (best[1] if best else None), (closest[1] if closest else None)


def _table_start(sheet: Sheet, header: Header) -> int | None:
    """The first of three consecutive rows below the header that fill at least two of its fields'
    columns (or look like data), within the rows scanned: the table has begun there."""
    cols = {cs[0] for cs in header.columns.values()}
    run = 0
    for r in range(header.last_row + 1, min(sheet.max_row, HEADER_SCAN_ROWS + MAX_HEADER_ROWS) + 1):
        filled = sum(1 for c in cols if not _blank(sheet.values.get((r, c))))
        run = run + 1 if filled >= 2 or (sheet.row_cols.get(r) and looks_like_data(sheet, r)) else 0
        if run == 3:
            return r - 2
    return None
