"""The one error a user sees: an Indonesian sentence, exit code 3."""


class InputError(Exception):
    """The input cannot be read at all (exit 3). `str(err)` is the user's sentence."""


class OutputError(Exception):
    """The output cannot be written (exit 3)."""


class Cancelled(BaseException):
    """A signal (SIGTERM, SIGHUP, Ctrl+C) stopped the run; BaseException so no `except Exception` keeps it."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


# The reasons a user can act on, in their language; strerror would be English.
_OS_REASONS = {
    "EACCES": "tidak ada izin, atau berkas sedang dibuka di program lain",
    "EPERM": "tidak diizinkan oleh sistem",
    "EROFS": "sistem berkasnya hanya-baca",
    "ENOSPC": "ruang disk penuh",
    "EDQUOT": "kuota disk habis",
    "EFBIG": "berkas terlalu besar untuk sistem berkas ini",
    "ENAMETOOLONG": "namanya terlalu panjang",
    "ENOTDIR": "salah satu bagian jalurnya bukan folder",
    "EISDIR": "jalur itu adalah folder",
    "ENOENT": "jalurnya tidak ditemukan",
    "ELOOP": "tautan simboliknya berputar",
    "EEXIST": "berkas itu sudah ada",
    "EIO": "galat baca/tulis perangkat",
    "EBUSY": "sedang dipakai program lain",
    "ETXTBSY": "sedang dipakai program lain",
    "EMFILE": "terlalu banyak berkas terbuka",
    "ENFILE": "terlalu banyak berkas terbuka",
    "EPIPE": "program penerima sudah menutup pipanya",
    "EXDEV": "berada di perangkat yang berbeda",
    "EINVAL": "nama atau jalurnya tidak sah",
}


def os_reason(exc: OSError) -> str:
    """Why a file-system call failed, as a short Indonesian phrase."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    return _OS_REASONS.get(name) or f"galat sistem {name or exc.errno or type(exc).__name__}"


def os_error_in(exc: BaseException) -> OSError | None:
    """The OSError behind `exc`, if any: libraries wrap them (xlsxwriter's FileCreateError)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, OSError):
            return exc
        seen.add(id(exc))
        wrapped = next((a for a in getattr(exc, "args", ()) if isinstance(a, OSError)), None)
        exc = wrapped or exc.__cause__ or exc.__context__
    return None


def file_kind(mode: int) -> str:
    """What a non-regular file is, for a sentence (`stat.S_IFMT` of its mode)."""
    import stat

    for test, kind in ((stat.S_ISDIR, "folder"), (stat.S_ISFIFO, "pipa (FIFO)"), (stat.S_ISSOCK, "soket"),
                       (stat.S_ISCHR, "perangkat"), (stat.S_ISBLK, "perangkat")):
        if test(mode):
            return kind
    return "bukan berkas biasa"
