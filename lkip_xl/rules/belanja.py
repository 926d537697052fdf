"""Per jenis belanja (akun groups): from akun rows of DPA/Realisasi, else the Belanja sheet."""
from __future__ import annotations

from lkip_xl.model import PAGU, REALISASI, BelanjaGroup, BelanjaRow, BudgetNode

NAMA_AKUN = {
    "5": "Belanja Daerah",
    "5.1": "Belanja Operasi",
    "5.1.01": "Belanja Pegawai",
    "5.1.02": "Belanja Barang dan Jasa",
    "5.1.03": "Belanja Bunga",
    "5.1.04": "Belanja Subsidi",
    "5.1.05": "Belanja Hibah",
    "5.1.06": "Belanja Bantuan Sosial",
    "5.2": "Belanja Modal",
    "5.2.01": "Belanja Modal Tanah",
    "5.2.02": "Belanja Modal Peralatan dan Mesin",
    "5.2.03": "Belanja Modal Gedung dan Bangunan",
    "5.2.04": "Belanja Modal Jalan, Jaringan, dan Irigasi",
    "5.2.05": "Belanja Modal Aset Tetap Lainnya",
    "5.2.06": "Belanja Modal Aset Lainnya",
    "5.3": "Belanja Tidak Terduga",
    "5.4": "Belanja Transfer",
}


def jenis_of(kode: str) -> str:
    return ".".join(kode.split(".")[:3])


def kelompok_of(kode: str) -> str:
    return ".".join(kode.split(".")[:2])


def keys_of(kode: str) -> tuple[str, str]:
    """(jenis, kelompok) belanja of an akun code, "" where the code is too short to have one."""
    return (jenis_of(kode) if kode.count(".") >= 2 else "", kelompok_of(kode) if kode.count(".") >= 1 else "")


def sheet_leaves(rows: list[BelanjaRow]) -> list[bool]:
    """For each Belanja sheet row: whether it is a leaf the sums count (its code has no code below it,
    and is its first occurrence)."""
    leaves = leaf_codes([r.kode for r in rows if r.kode])
    seen: set[str] = set()
    out = []
    for r in rows:
        out.append(bool(r.kode) and r.kode in leaves and r.kode not in seen)
        if r.kode:
            seen.add(r.kode)
    return out


def leaf_codes(codes: list[str]) -> set[str]:
    """The codes with no other code below them (`5.1.02` is not a leaf when `5.1.02.01` is there)."""
    parents: set[str] = set()
    for code in codes:
        parts = code.split(".")
        parents.update(".".join(parts[:i]) for i in range(1, len(parts)))
    return {c for c in codes if c not in parents}


def group_leaves(leaves: list[tuple[str, float, float, int]], names: dict[str, str]) -> list[BelanjaGroup]:
    """Sum (kode, pagu, realisasi, unknown bits) leaves into jenis (5.1.01 …) and kelompok (5.1, 5.2)
    groups; a group over an unreadable leaf amount is unknown in that money (§10.16)."""
    sums: dict[str, list[float]] = {}
    unknown: dict[str, int] = {}
    keys_of: dict[str, list[str]] = {}  # the same akun codes repeat under every sub kegiatan
    for kode, pagu, real, bits in leaves:
        keys = keys_of.get(kode)
        if keys is None:
            keys = keys_of[kode] = [] if kode.count(".") < 1 else \
                [kelompok_of(kode)] + ([jenis_of(kode)] if kode.count(".") >= 2 else [])
        for key in keys:
            acc = sums.setdefault(key, [0.0, 0.0])
            acc[0] += pagu
            acc[1] += real
            if bits:
                unknown[key] = unknown.get(key, 0) | bits
    out = []
    for key in sorted(sums, key=lambda k: [int(p) for p in k.split(".")]):
        pagu, real = sums[key]
        out.append(BelanjaGroup(key, names.get(key) or NAMA_AKUN.get(key, f"Belanja {key}"), pagu, real,
                                kelompok=key.count(".") == 1, unknown=unknown.get(key, 0)))
    return out


def from_akun(nodes: list[BudgetNode]) -> list[BelanjaGroup] | None:
    """Groups from DPA and Realisasi akun rows, when both sheets carry them."""
    leaves_dpa = [(a.kode, a.amount, a.unknown) for n in nodes for a in n.akun if a.leaf]
    leaves_real = [(a.kode, a.amount, a.unknown) for n in nodes for a in n.real_akun if a.leaf]
    if not leaves_dpa or not leaves_real:
        return None
    names = {a.kode: a.row.uraian.value for n in nodes for a in n.akun if a.row.uraian}
    merged = [(k, v, 0.0, PAGU if u else 0) for k, v, u in leaves_dpa] + \
        [(k, 0.0, v, REALISASI if u else 0) for k, v, u in leaves_real]
    return group_leaves(merged, names)


def from_sheet(rows: list[BelanjaRow]) -> list[BelanjaGroup]:
    names = {r.kode: r.uraian.value for r in rows if r.kode and r.uraian}
    items = [(r.kode or "", r.pagu.value if r.pagu else 0.0, r.realisasi.value if r.realisasi else 0.0, r.unknown)
             for r, leaf in zip(rows, sheet_leaves(rows)) if leaf]
    return group_leaves(items, names)


def unreadable(rows: list[BelanjaRow] | None) -> int:
    """Leaf amounts of the Belanja sheet that could not be read, left out of its sums (§10.16)."""
    rows = rows or []
    return sum(bin(r.unknown).count("1") for r, leaf in zip(rows, sheet_leaves(rows)) if leaf)
