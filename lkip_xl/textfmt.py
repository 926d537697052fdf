"""Numbers written the Indonesian way in messages (`Rp7.996.663.078`, `93,67 %`)."""
from __future__ import annotations

from lkip_xl.figures import round_excel
from lkip_xl.model import Tanggal, claim_decimals


NAME_CHARS = 80


def short_name(name: str, limit: int = NAME_CHARS) -> str:
    """A name from the file (sheet, part, file) as a sentence shows it: at most `limit` characters."""
    return name if len(name) <= limit else name[:limit - 1] + "…"


def angka(x: float | None, decimals: int = 2, keep_zeros: bool = False) -> str:
    """`1234.5` -> `1.234,5`; trailing zeros dropped unless `keep_zeros` (a claim as written)."""
    if x is None:
        return "-"
    text = f"{round_excel(x, decimals):,.{decimals}f}"
    text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    if decimals and "," in text and not keep_zeros:
        text = text.rstrip("0").rstrip(",")
    return text


def rupiah(x: float | None) -> str:
    if x is None:
        return "-"
    whole = round_excel(x, 0)
    sign = "-" if whole < 0 else ""
    return f"{sign}Rp{abs(whole):,.0f}".replace(",", ".")


def persen(x: float | None, decimals: int = 2, keep_zeros: bool = False) -> str:
    return "-" if x is None else f"{angka(x, decimals, keep_zeros)} %"


def as_written(num) -> str:
    """A stated number shown with the decimals it was written with."""
    d = claim_decimals(num)
    return persen(num.value, d, True) if num.percent else angka(num.value, d, True)


def angka_penuh(x: float | None) -> str:
    """Any magnitude readably: `95`, `0,0012`, and `1e-300` / `9,5e+301` where fixed decimals would
    show 0 or hundreds of digits (the figures behind a formula that gave no finite number)."""
    if x is None:
        return "-"
    if x == 0 or 1e-4 <= abs(x) < 1e15:
        return angka(x, 4)
    return f"{x:.6g}".replace(".", ",")


def shown(raw: object, n: int = 60) -> str:
    """A cell's content for a sentence: long text (a 400-digit number) cut short."""
    text = str(raw)
    return text if len(text) <= n else text[: n - 1] + "…"


def tidak_terbaca(n: int) -> str:
    """The sentence under the totals when amounts could not be read (§10.16)."""
    what = "1 jumlah" if n == 1 else f"{n} jumlah"
    return (f"Catatan: {what} di input tidak dapat dibaca (lihat UNREADABLE_VALUE); total dihitung tanpanya "
            "dan klaim atas total yang memuatnya tidak dinilai.")


BULAN = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember")


def tanggal(t: Tanggal) -> str:
    """A `model.Tanggal` as an Indonesian report writes it: `30 Mei 2024`, `Desember 2024`."""
    month = f"{BULAN[t.bulan - 1]} {t.tahun}"
    return f"{t.hari} {month}" if t.hari else month

