"""The static site: Pyodide's runtime from the npm registry and xlsxwriter from PyPI, each at a pinned
version whose hash is checked, lkip_xl packed from this source tree, and the page (static/).

The folder needs no server of ours: any static host works if it serves `.wasm` as `application/wasm`;
opened from disk it needs a browser started with --allow-file-access-from-files (the launchers do).
Downloads are kept in a cache folder, so a second build needs no network.
"""
from __future__ import annotations

import base64
import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from pathlib import Path

PYODIDE_VERSION = "0.29.5"
# `npm view pyodide@0.29.5 dist.integrity`: the tarball's SHA-512, as npm itself checks it.
PYODIDE_INTEGRITY = "sha512-TkYrUv9m8QmfImADKRmpwZulL48E0uUaBSO+dvRQKyAJc0qh9gu7jn8btyHPh3NZm1r2IH2YrJhIr7Q2B9urAw=="
# The runtime only: the packages pyodide-lock.json lists live on a CDN the page never asks.
PYODIDE_FILES = ("pyodide.js", "pyodide.asm.js", "pyodide.asm.wasm", "python_stdlib.zip", "pyodide-lock.json",
                 "package.json")
XLSXWRITER_VERSION = "3.3.1"
XLSXWRITER_SHA256 = "8e2c89e59d733fe59e112317218c64fbbc276d90a8c144ebd6f7fa15e7ab184a"
MAX_SITE_BYTES = 20 * 1024 * 1024

PACKAGE = Path(__file__).resolve().parents[1]  # lkip_xl/
STATIC = Path(__file__).resolve().parent / "static"
LAUNCHERS = ("Buka LKIP.bat", "buka-lkip.sh")


class BuildError(Exception):
    """One sentence for whoever builds the site."""


def cache_dir(cache: Path | None) -> Path:
    folder = cache or Path(os.environ.get("LKIP_XL_CACHE", Path.home() / ".cache" / "lkip-xl"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _registry() -> str:
    return os.environ.get("LKIP_NPM_REGISTRY", "https://registry.npmjs.org").rstrip("/")


def pyodide_tarball(cache: Path) -> bytes:
    """The pinned npm tarball of pyodide, checked against its integrity hash (downloaded once)."""
    path = cache / f"pyodide-{PYODIDE_VERSION}.tgz"
    if not path.exists():
        url = f"{_registry()}/pyodide/-/pyodide-{PYODIDE_VERSION}.tgz"
        try:
            with urllib.request.urlopen(url, timeout=120) as response:
                data = response.read()
        except OSError as exc:
            raise BuildError(f"Pyodide {PYODIDE_VERSION} tidak dapat diunduh dari {url} ({exc}).") from None
        _check_integrity(data, url)
        tmp = path.with_suffix(".part")
        tmp.write_bytes(data)
        os.replace(tmp, path)
    data = path.read_bytes()
    _check_integrity(data, str(path))
    return data


def _check_integrity(data: bytes, where: str) -> None:
    algo, _, expected = PYODIDE_INTEGRITY.partition("-")
    got = base64.b64encode(hashlib.new(algo, data).digest()).decode()
    if got != expected:
        raise BuildError(f"Berkas {where} tidak sama dengan pyodide {PYODIDE_VERSION} yang dipatok "
                         f"(hash {algo} berbeda); tidak dipakai.")


def xlsxwriter_wheel(cache: Path) -> Path:
    """The pinned xlsxwriter wheel from PyPI (through pip, as configured), checked against its SHA-256."""
    path = cache / f"xlsxwriter-{XLSXWRITER_VERSION}-py3-none-any.whl"
    if not path.exists():
        with tempfile.TemporaryDirectory() as tmp:
            done = subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
                                   "--disable-pip-version-check", "-q", "-d", tmp, f"xlsxwriter=={XLSXWRITER_VERSION}"],
                                  capture_output=True, text=True)
            wheels = list(Path(tmp).glob("*.whl"))
            if done.returncode != 0 or len(wheels) != 1:
                raise BuildError(f"xlsxwriter {XLSXWRITER_VERSION} tidak dapat diunduh dengan pip "
                                 f"({(done.stderr.strip().splitlines() or ['?'])[-1]}).")
            _check_sha256(wheels[0].read_bytes(), wheels[0].name)
            shutil.copyfile(wheels[0], path)
    _check_sha256(path.read_bytes(), str(path))
    return path


def _check_sha256(data: bytes, where: str) -> None:
    if hashlib.sha256(data).hexdigest() != XLSXWRITER_SHA256:
        raise BuildError(f"Berkas {where} tidak sama dengan xlsxwriter {XLSXWRITER_VERSION} yang dipatok "
                         "(hash SHA-256 berbeda); tidak dipakai.")


def package_zip() -> bytes:
    """lkip_xl as it stands in this tree: its .py files, unpacked by the page into site-packages.
    Fixed timestamps, sorted names: the same tree gives the same bytes."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(PACKAGE.rglob("*")):
            rel = path.relative_to(PACKAGE.parent).as_posix()
            if path.is_dir() or "__pycache__" in rel or "/static/" in rel:
                continue
            if path.suffix not in (".py", ".typed"):
                continue
            info = zipfile.ZipInfo(rel, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    return buf.getvalue()


def build_site(out: Path, cache: Path | None = None) -> int:
    """Write the site to `out` (its old content replaced); returns its size in bytes."""
    cache = cache_dir(cache)
    tarball = pyodide_tarball(cache)
    wheel = xlsxwriter_wheel(cache)
    out = Path(out)
    staging = out.with_name(out.name + ".tmp")
    shutil.rmtree(staging, ignore_errors=True)
    (staging / "pyodide").mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(tarball), mode="r:gz") as tar:
        for name in PYODIDE_FILES:
            member = tar.getmember(f"package/{name}")
            (staging / "pyodide" / name).write_bytes(tar.extractfile(member).read())
    (staging / "paket").mkdir()
    shutil.copyfile(wheel, staging / "paket" / wheel.name)
    (staging / "paket" / "lkip_xl.zip").write_bytes(package_zip())
    for path in sorted(STATIC.iterdir()):
        if path.is_file():
            data = path.read_bytes()
            if path.name == "worker.js":
                data = data.replace(b"@XLSXWRITER_WHEEL@", wheel.name.encode())
            target = staging / path.name
            target.write_bytes(data)
            if path.suffix == ".sh":
                target.chmod(0o755)
    size = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file())
    if size > MAX_SITE_BYTES:
        shutil.rmtree(staging, ignore_errors=True)
        raise BuildError(f"Situs menjadi {size / 1e6:.1f} MB, lebih dari batas {MAX_SITE_BYTES / 1e6:.0f} MB.")
    if out.exists():
        shutil.rmtree(out)
    os.replace(staging, out)
    return size


def write_bundle(site: Path, bundle: Path) -> None:
    """The offline bundle for offices: the site in a folder of the zip, the launchers beside it."""
    site = Path(site)
    tmp = Path(str(bundle) + ".part")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(site.rglob("*")):
            if path.is_file():
                rel = path.relative_to(site).as_posix()
                arc = rel if rel in LAUNCHERS else f"lkip-xl/{rel}"
                info = zipfile.ZipInfo(arc, date_time=(2024, 1, 1, 0, 0, 0))
                info.compress_type = zipfile.ZIP_DEFLATED
                info.external_attr = (0o755 if path.suffix == ".sh" else 0o644) << 16
                zf.writestr(info, path.read_bytes())
    os.replace(tmp, bundle)
