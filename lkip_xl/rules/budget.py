"""The budget tree: DPA rows joined with Realisasi rows, rolled up from the leaves."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from lkip_xl.arith import add_up
from lkip_xl.model import PAGU, REALISASI, AkunLine, AnggaranRow, BudgetIssues, BudgetNode, BudgetRow, BudgetTree
from lkip_xl.rules.belanja import keys_of
from lkip_xl.names import norm_name, subtotal_name

PARENT_LEVEL = {"kegiatan": "program", "sub_kegiatan": "kegiatan"}
HEADINGS = ("urusan", "bidang")
CODE_PREFIX = {"program": 3, "kegiatan": 5}


def _parent_code(kode: str | None, level: str) -> str | None:
    if not kode:
        return None
    parent = PARENT_LEVEL.get(level)
    return ".".join(kode.split(".")[: CODE_PREFIX[parent]]) if parent else None


def subtotal_groups(row: BudgetRow, latest: BudgetNode | None) -> list[BudgetNode]:
    """The groups a subtotal row may state (§10.4): among the last node and its ancestors, the one
    its label names by level (`Jumlah Anggaran Sub Kegiatan :`) or by name (`Jumlah <program>`);
    with neither (`Sub Total`), every one of them, innermost first."""
    chain = []
    node = latest
    while node is not None:
        chain.append(node)
        node = node.parent
    if row.subtotal_of:
        named = [n for n in chain if n.level == row.subtotal_of]
        if named:
            return named[:1]
    if row.uraian is not None:
        name = norm_name(subtotal_name(row.uraian.value))
        named = [n for n in chain if name and norm_name(n.uraian) == name]
        if named:
            return named[:1]
    return chain


def _parent_nomor(nomor: str | None) -> str | None:
    return nomor.rsplit(".", 1)[0] if nomor and "." in nomor else None


def build_tree(dpa: list[BudgetRow], realisasi: list[BudgetRow]) -> BudgetTree:
    issues = BudgetIssues()
    tree = BudgetTree([], {}, {}, issues)
    last: dict[str, BudgetNode | None] = {"program": None, "kegiatan": None, "sub_kegiatan": None}
    akun_codes: dict[int, set[str]] = {}  # id(sub kegiatan) -> its akun codes: one lookup per line
    latest: BudgetNode | None = None  # the last program / kegiatan / sub kegiatan: a subtotal closes its group
    for row in dpa:
        if row.level == "total":
            issues.dpa_totals.append(row)
            continue
        if row.level in HEADINGS:
            issues.dpa_headings.append(row)
            last.update(program=None, kegiatan=None, sub_kegiatan=None)  # a new section starts
            continue
        if row.level == "subtotal":
            groups = subtotal_groups(row, latest)
            if groups:
                issues.dpa_subtotals.append((row, groups))
            continue
        if row.level == "akun":
            sub = last["sub_kegiatan"]
            if sub is None:
                issues.orphans.append((row, "sub kegiatan"))
                continue
            codes = akun_codes.setdefault(id(sub), set())
            if row.kode in codes:
                issues.duplicates.append((row, row.kode or ""))
                continue
            codes.add(row.kode or "")
            sub.akun.append(AkunLine(row.kode or "", row))
            continue
        dup = (row.kode and row.kode in tree.by_code) or (row.nomor and row.nomor in tree.by_nomor)
        if dup:
            issues.duplicates.append((row, row.kode if row.kode in tree.by_code else row.nomor or ""))
            continue
        node = BudgetNode(row.level, row.kode, row.nomor, row.uraian.value if row.uraian else "", row)
        _link_parent(tree, node, last, issues)
        tree.nodes.append(node)
        latest = node
        if row.kode:
            tree.by_code[row.kode] = node
        if row.nomor:
            tree.by_nomor[row.nomor] = node
        last[row.level] = node
        if row.level == "program":
            last["kegiatan"] = last["sub_kegiatan"] = None
        elif row.level == "kegiatan":
            last["sub_kegiatan"] = None
    _mark_akun_leaves(tree.nodes, "akun")
    _join_realisasi(tree, realisasi)
    for node in tree.nodes:
        # An empty pagu is counted as Rp0 and reported; an unreadable one has its own finding (§10.16).
        if node.is_leaf and not node.akun and node.row.amount is None and not node.row.unreadable:
            issues.missing_amount.append(node.row)
        issues.missing_amount.extend(
            a.row for a in node.akun if a.leaf and a.row.amount is None and not a.row.unreadable)
    _roll_up(tree)
    return tree


def _link_parent(tree: BudgetTree, node: BudgetNode, last: dict, issues: BudgetIssues) -> None:
    want = PARENT_LEVEL.get(node.level)
    if want is None:
        return
    positional = last[want]
    parent = None
    code = _parent_code(node.kode, node.level)
    if code:
        parent = tree.by_code.get(code)
    if parent is None and node.nomor:
        parent = tree.by_nomor.get(_parent_nomor(node.nomor) or "")
    if parent is None and positional is not None and not (node.kode and positional.kode):
        if not (node.nomor and positional.nomor):
            parent = positional
    if parent is None:
        issues.orphans.append((node.row, want))
        if node.level == "sub_kegiatan":  # roll up into the program if that exists
            grand = tree.by_code.get(".".join(node.kode.split(".")[:3])) if node.kode else None
            if grand is None and node.nomor and node.nomor.count(".") == 2:
                grand = tree.by_nomor.get(node.nomor.split(".")[0])
            if grand is None and last["program"] is not None and not node.kode:
                grand = last["program"]
            parent = grand
    if parent is not None:
        node.parent = parent
        parent.children.append(node)


def _mark_akun_leaves(nodes: list[BudgetNode], attr: str) -> None:
    """Leaf akun lines carry their amount; a line with lines below it (5.1.02 over 5.1.02.01.01.0024)
    is the sum of its leaves. Linear in the lines: each code has at most a handful of segments."""
    prefixes: dict[str, list[str]] = {}  # SIPD repeats the same akun codes under every sub kegiatan
    for node in nodes:
        lines = getattr(node, "akun" if attr == "akun" else "real_akun")
        if not lines:
            continue
        codes = {a.kode for a in lines}
        for c in codes:
            if c not in prefixes:
                prefixes[c] = _proper_prefixes(c)
        # Every code that has another line below it (a proper segment prefix of some line's code).
        parents = {prefix for c in codes for prefix in prefixes[c] if prefix in codes}
        totals: dict[str, float] = {}
        unknown: set[str] = set()  # parent codes over an unreadable leaf (§10.16)
        for line in lines:
            line.leaf = line.kode not in parents
            if line.leaf:
                line.amount = line.row.amount.value if line.row.amount else 0.0
                line.unknown = line.row.unreadable
                if parents:
                    for prefix in prefixes[line.kode]:
                        if prefix in parents:
                            totals[prefix] = totals.get(prefix, 0.0) + line.amount
                            if line.unknown:
                                unknown.add(prefix)
        for line in lines:
            if not line.leaf:
                line.amount = totals.get(line.kode, 0.0)
                line.unknown = line.kode in unknown


def _proper_prefixes(kode: str) -> list[str]:
    """`5.1.02.01` -> [`5`, `5.1`, `5.1.02`]."""
    parts = kode.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _join_realisasi(tree: BudgetTree, realisasi: list[BudgetRow]) -> None:
    issues = tree.issues
    by_name: dict[tuple[str, str], deque[BudgetNode]] = {}
    for each in tree.nodes:
        by_name.setdefault((each.level, norm_name(each.uraian)), deque()).append(each)
    seen_code: set[str] = set()
    seen_nomor: set[str] = set()
    current: BudgetNode | None = None
    latest: BudgetNode | None = None
    real_codes: set[str] = set()  # the akun codes of `current`'s realisasi, and its DPA akun lines
    dpa_lines: dict[str, AkunLine] = {}
    for row in realisasi:
        if row.level == "total":
            issues.realisasi_totals.append(row)
            continue
        if row.level in HEADINGS:
            issues.realisasi_headings.append(row)
            current = None
            continue
        if row.level == "subtotal":
            groups = subtotal_groups(row, latest)
            if groups:
                issues.realisasi_subtotals.append((row, groups))
            current = None
            continue
        if row.level == "akun":
            if current is None:
                issues.unmatched_realisasi.append(row)
                continue
            if row.kode in real_codes:
                issues.duplicates.append((row, row.kode or ""))
                continue
            line = AkunLine(row.kode or "", row)
            current.real_akun.append(line)
            real_codes.add(line.kode)
            dpa_line = dpa_lines.get(row.kode) if row.kode else None
            if dpa_line is not None:
                dpa_line.realisasi_line = line
            continue
        current = None
        real_codes = set()
        dpa_lines = {}
        if (row.kode and row.kode in seen_code) or (row.nomor and row.nomor in seen_nomor):
            issues.duplicates.append((row, row.kode if row.kode in seen_code else row.nomor or ""))
            continue
        if row.kode:
            seen_code.add(row.kode)
        if row.nomor:
            seen_nomor.add(row.nomor)
        node: BudgetNode | None = None
        by_key = False
        if row.kode and row.kode in tree.by_code:
            node, by_key = tree.by_code[row.kode], True
        elif row.nomor and row.nomor in tree.by_nomor and not (row.kode and tree.by_code):
            node, by_key = tree.by_nomor[row.nomor], True
        elif row.uraian is not None:
            # The first DPA node of that name still without a realisasi row; matched ones are dropped
            # from the front, so many rows of one name stay linear.
            cands = by_name.get((row.level, norm_name(row.uraian.value)))
            while cands and cands[0].real_row is not None:
                cands.popleft()
            node = cands[0] if cands else None
        if node is None or node.real_row is not None:
            issues.unmatched_realisasi.append(row)
            continue
        node.real_row = row
        current = latest = node
        real_codes = {a.kode for a in node.real_akun}
        dpa_lines = {a.kode: a for a in node.akun}
        if by_key and row.uraian is not None and norm_name(row.uraian.value) != norm_name(node.uraian):
            issues.name_mismatch.append((node, row))
    for node in tree.nodes:
        if node.is_leaf and node.real_row is None:
            issues.unmatched_dpa.append(node)
    _mark_akun_leaves(tree.nodes, "real_akun")


def _roll_up(tree: BudgetTree) -> None:
    """Every node's pagu and realisasi from its leaves; an unreadable leaf amount is left out and
    marks every sum over it as unknown (§10.16), counted once in tree.tidak_terbaca."""
    unreadable = 0

    def visit(node: BudgetNode) -> None:
        nonlocal unreadable
        if node.children:
            for child in node.children:
                visit(child)
            node.pagu = add_up(c.pagu for c in node.children)
            node.realisasi = add_up(c.realisasi for c in node.children)
            for c in node.children:
                node.unknown |= c.unknown
            return
        if node.akun:
            leaves = [a for a in node.akun if a.leaf]
            node.pagu = add_up(a.amount for a in leaves)
            bad = sum(1 for a in leaves if a.unknown)
        else:
            node.pagu = node.row.amount.value if node.row.amount else 0.0
            bad = 1 if node.row.unreadable else 0
        if bad:
            node.unknown |= PAGU
            unreadable += bad
        bad = 0
        if node.real_akun:
            leaves = [a for a in node.real_akun if a.leaf]
            node.realisasi = add_up(a.amount for a in leaves)
            bad = sum(1 for a in leaves if a.unknown)
        elif node.real_row is not None and node.real_row.amount is not None:
            node.realisasi = node.real_row.amount.value
        else:
            node.realisasi = 0.0
            bad = 1 if node.real_row is not None and node.real_row.unreadable else 0
        if bad:
            node.unknown |= REALISASI
            unreadable += bad

    roots = tree.roots
    for root in roots:
        visit(root)
    tree.total_pagu = add_up(r.pagu for r in roots)
    tree.total_realisasi = add_up(r.realisasi for r in roots)
    for r in roots:
        tree.unknown |= r.unknown
    tree.tidak_terbaca = unreadable


def _akun_key(kode: str) -> list[int]:
    return [int(p) for p in kode.split(".")]


def listing(nodes: list[BudgetNode]) -> list[AnggaranRow]:
    """The budget rows depth first, each node followed by its akun codes (DPA and Realisasi merged,
    in code order) and then its children; every row with its span and the sums over it.

    A node's span is its akun rows and its descendants; an akun row's span is the codes below it
    (its code a prefix of theirs). The sums add the leaf amounts of the span, exactly as the
    workbook's SUM over the span adds its rincian column.
    """
    return list(iter_listing(nodes))


def iter_listing(nodes: list[BudgetNode]) -> Iterator[AnggaranRow]:
    """listing() one row at a time: only one node's akun rows are held at once (a kabupaten's Data
    Anggaran writes its 100k rows as they come)."""
    sizes: dict[int, int] = {}
    for root in (n for n in nodes if n.parent is None):
        _span_size(root, sizes)
    at = _Listing(sizes)
    for root in (n for n in nodes if n.parent is None):
        yield from at.visit(root, 0)


def _akun_codes(node: BudgetNode) -> set[str]:
    return {a.kode for a in node.akun} | {a.kode for a in node.real_akun}


def _span_size(node: BudgetNode, sizes: dict[int, int]) -> int:
    """Rows of `node`'s span in the listing: itself, its akun codes and its descendants' rows."""
    n = 1 + len(_akun_codes(node)) + sum(_span_size(child, sizes) for child in node.children)
    sizes[id(node)] = n
    return n


class _Listing:
    """The walk of iter_listing: where the next row goes, and what is computed once per akun code."""

    def __init__(self, sizes: dict[int, int]):
        self.sizes = sizes
        self.index = 0  # of the next row
        self.keys: dict[str, tuple[str, str]] = {}  # akun code -> (jenis, kelompok): one string each
        self.sort_keys: dict[str, list[int]] = {}  # the same akun codes recur under every sub kegiatan

    def sort_key(self, code: str) -> list[int]:
        known = self.sort_keys.get(code)
        if known is None:
            known = self.sort_keys[code] = _akun_key(code)
        return known

    def visit(self, node: BudgetNode, depth: int) -> Iterator[AnggaranRow]:
        yield AnggaranRow(depth, node=node, pagu=node.pagu, realisasi=node.realisasi,
                          last=self.index + self.sizes[id(node)] - 1)
        self.index += 1
        if node.akun or node.real_akun:
            block = self.akun_block(node, depth)
            for row in block:
                row.last += self.index
            self.index += len(block)
            yield from block
        for child in node.children:
            yield from self.visit(child, depth + 1)

    def akun_block(self, node: BudgetNode, depth: int) -> list[AnggaranRow]:
        """A node's akun rows in code order, each with its span (`last` counted within the block)
        and the sums over it."""
        out: list[AnggaranRow] = []
        dpa = {a.kode: a for a in node.akun}
        real = {a.kode: a for a in node.real_akun}
        open_rows: list[int] = []
        prefixes: list[str] = []  # "<code>." of each open row
        keys = self.keys
        for code in sorted(set(dpa) | set(real), key=self.sort_key):
            while open_rows and not code.startswith(prefixes[-1]):
                prefixes.pop()
                _close(out, open_rows.pop())
            jenis, kelompok = keys.get(code) or keys.setdefault(code, keys_of(code))
            out.append(AnggaranRow(depth + 1 + code.count("."), kode=code, dpa=dpa.get(code),
                                   real=real.get(code), jenis=jenis, kelompok=kelompok))
            open_rows.append(len(out) - 1)
            prefixes.append(code + ".")
        while open_rows:
            _close(out, open_rows.pop())
        return out


def _close(out: list[AnggaranRow], i: int) -> None:
    """Akun row i's span ends at the last row so far; its sums over that span."""
    row = out[i]
    row.last = len(out) - 1
    if row.last == i:  # no codes below it: its own amounts
        d, q = row.dpa, row.real
        # the sum of one amount (sum() adds it to 0), without a new number object per row
        row.pagu = _plus(d.amount) if d is not None and d.leaf and d.row.amount else 0
        row.realisasi = _plus(q.amount) if q is not None and q.leaf and q.row.amount else 0
    else:
        span = out[i: row.last + 1]
        row.pagu = add_up(r.dpa.amount for r in span if r.dpa is not None and r.dpa.leaf and r.dpa.row.amount)
        row.realisasi = add_up(r.real.amount for r in span if r.real is not None and r.real.leaf and r.real.row.amount)


def _plus(x: float) -> float:
    """0 + x, as sum() gives it, reusing x's own object where that is the same number (not for -0.0)."""
    return x if x else 0 + x
