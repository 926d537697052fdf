"""Write an output file whole or not at all: temporary file in the same folder, then rename."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Callable

from lkip_xl.errors import OutputError


def replace_atomically(target: Path, write: Callable[[str], None]) -> None:
    """Call `write(tmp_path)` and move the result onto `target`; nothing is left behind on failure."""
    target = Path(target)
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise OutputError(f"Folder {folder} untuk berkas keluaran tidak ada.")
    fd, tmp = tempfile.mkstemp(prefix=f".{target.stem}.", suffix=".xlsx.tmp", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, target)
    except PermissionError:
        raise OutputError(f"Berkas {target} tidak dapat ditulis (sedang dibuka di Excel atau tanpa izin).") from None
    except OSError as exc:
        raise OutputError(f"Berkas {target} tidak dapat ditulis: {exc.strerror or exc}.") from None
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
