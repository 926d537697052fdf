"""The output files of one run appear whole and together, or none does (SPEC §5).

Each output is written to a temporary file in its own folder, created before any
work starts (so a folder that cannot take it is refused early); `commit` then moves
them all into place, and takes the earlier moves back if a later one fails.
"""
from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
import sys
from pathlib import Path
from typing import Callable, Iterable

from lkip_xl.errors import Cancelled, OutputError, file_kind, os_error_in, os_reason

# Signals that make the CLI stop (see cli.main): held while files move, so a run
# is never stopped with half its outputs in place.
_STOP_SIGNALS = {getattr(signal, n) for n in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, n)}
# Errors of os.link that mean "this file system has no hard links" (FAT, some network shares).
_NO_HARD_LINKS = {errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EXDEV}


def same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name one file: by resolved path (case-folded) or by device and inode."""
    if _path_key(a) == _path_key(b):
        return True
    try:
        return os.path.samestat(os.stat(a), os.stat(b))  # hard links, case-insensitive folders
    except OSError:
        return False


def _path_key(path: Path) -> str:
    # Case-folded because Windows and macOS folders ignore case: refusing `A.xlsx` beside
    # `a.xlsx` on Linux costs a rename, replacing one with the other costs a file.
    import unicodedata

    return unicodedata.normalize("NFC", os.path.realpath(path)).casefold()


def _where(folder: Path) -> str:
    return "folder kerja saat ini" if str(folder) == "." else f"folder {folder}"


class Outputs:
    """`with Outputs([...], inputs=[...], force=...) as out: out.write(t, fn); …; out.commit()`."""

    def __init__(self, targets: Iterable[Path], *, inputs: Iterable[Path] = (), force: bool = False):
        self.targets = [Path(t) for t in targets]
        self.force = force
        self._temps: dict[Path, str] = {}
        for target in self.targets:
            for source in inputs:
                if same_file(target, source):
                    raise OutputError(f"Berkas keluaran {target} menunjuk ke berkas input {source}; "
                                      "pilih nama lain agar input tidak tertimpa.")
        for i, a in enumerate(self.targets):
            for b in self.targets[i + 1:]:
                if same_file(a, b):
                    both = (f"{a} diberikan dua kali" if str(a) == str(b)
                            else f"{a} dan {b} menunjuk ke berkas yang sama")
                    raise OutputError(f"Berkas keluaran {both}; pilih nama lain untuk salah satunya.")
        for target in self.targets:
            self._refuse_target(target)

    def _refuse_target(self, target: Path) -> None:
        folder = target.parent
        try:
            folder_mode = os.stat(folder).st_mode
        except FileNotFoundError:
            raise OutputError(f"Folder {folder} untuk berkas keluaran {target} tidak ada.") from None
        except OSError as exc:
            raise OutputError(f"Folder {folder} untuk berkas keluaran {target} tidak dapat dibuka "
                              f"({os_reason(exc)}).") from None
        if not stat.S_ISDIR(folder_mode):
            raise OutputError(f"{folder} bukan folder, jadi berkas keluaran {target} tidak dapat dibuat di sana.")
        try:
            mode = os.stat(target).st_mode
        except FileNotFoundError:
            mode = None
        except OSError as exc:  # e.g. a name longer than the file system allows
            raise OutputError(f"Berkas keluaran {target} tidak dapat dipakai ({os_reason(exc)}).") from None
        if mode is not None and not stat.S_ISREG(mode):
            # Even with --force: replacing /dev/null or a pipe is never what was meant.
            raise OutputError(f"Keluaran {target} adalah {file_kind(mode)}, bukan berkas biasa; "
                              "berikan nama sebuah berkas.")
        if os.path.lexists(target) and not self.force:
            raise OutputError(f"Berkas {target} sudah ada; gunakan --force untuk menimpanya.")

    def __enter__(self) -> Outputs:
        try:
            for target in self.targets:
                with _signals_held():  # no temporary file may exist unrecorded
                    self._temps[target] = _create_beside(target, ".tmp")
        except OSError as exc:
            self._remove_temps()
            raise OutputError(f"Berkas keluaran {target} tidak dapat dibuat di {_where(target.parent)} "
                              f"({os_reason(exc)}).") from None
        except BaseException:
            self._remove_temps()
            raise
        return self

    def __exit__(self, *exc_info) -> None:
        with _signals_held():
            self._remove_temps()

    def write(self, target: Path, write: Callable[[str], None]) -> None:
        """Call `write(temporary path)` for `target`; a file-system failure becomes an OutputError."""
        try:
            write(self._temps[Path(target)])
            _flush_to_disk(self._temps[Path(target)])
        except Exception as exc:
            cause = os_error_in(exc)
            if cause is None:
                raise
            raise OutputError(f"Berkas keluaran {target} gagal ditulis ({os_reason(cause)}); "
                              "tidak ada berkas keluaran yang dibuat.") from None

    def commit(self) -> None:
        """Move every temporary file onto its target, or none at all."""
        moves: list[tuple[Path, str | None, bool, bool]] = []  # target, backup, backup moved, placed
        current = None
        with _signals_held():
            try:
                for current in self.targets:
                    backup, moved = _set_aside(current) if self.force else (None, False)
                    moves.append((current, backup, moved, False))
                    self._place(self._temps[current], current)
                    moves[-1] = (current, backup, moved, True)
                stopped = _pending_stop_signal()
                if stopped is not None:  # asked to stop while the files moved: take them back
                    raise Cancelled(stopped)
            except BaseException as exc:
                _undo(moves)
                if isinstance(exc, FileExistsError):
                    raise OutputError(f"Berkas {current} dibuat oleh program lain selama lkip-xl bekerja; "
                                      "tidak ada yang ditimpa, gunakan --force untuk menimpanya.") from None
                if isinstance(exc, OSError):
                    raise OutputError(f"Berkas keluaran {current} tidak dapat ditempatkan ({os_reason(exc)}); "
                                      "tidak ada berkas keluaran yang diubah.") from None
                raise
            for _, backup, _, _ in moves:
                if backup is not None:
                    _remove(backup)

    def _place(self, tmp: str, target: Path) -> None:
        if self.force:
            os.replace(tmp, target)
            return
        try:
            os.link(tmp, target)  # atomic, and refuses a target that appeared since the start
        except OSError as exc:
            if exc.errno not in _NO_HARD_LINKS:
                raise
            _rename_no_replace(tmp, target)
        else:
            _remove(tmp)  # the target is placed now; a leftover name is only tidied later

    def _remove_temps(self) -> None:
        for tmp in self._temps.values():
            _remove(tmp)


def _create_beside(target: Path, suffix: str, link_from: Path | None = None) -> str:
    """A new hidden file next to `target` (empty, or a hard link to `link_from`); returns its path."""
    for _ in range(100):
        name = target.parent / f".{target.name[:60]}.{os.urandom(4).hex()}{suffix}"
        try:
            if link_from is None:
                os.close(os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            elif os.link in os.supports_follow_symlinks:
                os.link(link_from, name, follow_symlinks=False)
            else:
                os.link(link_from, name)
            return str(name)
        except FileExistsError:
            continue
    raise FileExistsError(errno.EEXIST, "no free temporary name", str(target.parent))


def _set_aside(target: Path) -> tuple[str | None, bool]:
    """Keep the file that --force replaces until every output is in place, so it can be put back.

    Returns the backup's path (None when there is nothing to keep) and whether the file was moved
    there (no hard links) rather than linked."""
    if not os.path.lexists(target):
        return None, False
    try:
        return _create_beside(target, ".bak", link_from=target), False
    except OSError as exc:
        if exc.errno not in _NO_HARD_LINKS:
            raise
    backup = _create_beside(target, ".bak")  # no hard links here: move the old file aside instead
    os.replace(target, backup)
    return backup, True


def _undo(moves: list[tuple[Path, str | None, bool, bool]]) -> None:
    """Take placed outputs back and put replaced files back; best effort, never raises."""
    for target, backup, moved, placed in reversed(moves):
        try:
            if backup is not None and (placed or moved):
                os.replace(backup, target)
            elif backup is not None:
                _remove(backup)  # a linked copy of a file that never left its place
            elif placed:
                os.unlink(target)
        except OSError:
            pass  # a backup that could not be restored stays beside the target rather than vanish


def _rename_no_replace(src: str, dst: Path) -> None:
    """Rename that fails with FileExistsError when `dst` exists, for file systems without hard links."""
    if os.name == "nt":
        os.rename(src, dst)  # Windows never replaces in a rename
        return
    if sys.platform.startswith("linux"):
        import ctypes

        renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)
        if renameat2 is not None:
            at_fdcwd, rename_noreplace = -100, 1
            if renameat2(at_fdcwd, os.fsencode(src), at_fdcwd, os.fsencode(dst), rename_noreplace) == 0:
                return
            err = ctypes.get_errno()
            if err not in (errno.EINVAL, errno.ENOSYS):  # EINVAL: the file system lacks the flag
                raise OSError(err, os.strerror(err), str(dst))
    if os.path.lexists(dst):  # last resort: a short window remains between this test and the rename
        raise FileExistsError(errno.EEXIST, os.strerror(errno.EEXIST), str(dst))
    os.replace(src, dst)


def _flush_to_disk(path: str) -> None:
    # A power cut right after the move must find the whole file, not an empty one.
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    with contextlib.suppress(OSError):  # cleanup must not hide the error that caused it
        os.unlink(path)


@contextlib.contextmanager
def _signals_held():
    """Delay the stop signals for a few file moves; a pending one is delivered on leaving."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)


def _pending_stop_signal() -> int | None:
    if not hasattr(signal, "sigpending"):
        return None
    # A blocked signal stays pending even when ignored (nohup's SIGHUP): that one asks for nothing.
    pending = {s for s in signal.sigpending() & _STOP_SIGNALS if signal.getsignal(s) is not signal.SIG_IGN}
    return min(pending) if pending else None
