"""python -m lkip_xl.web build DIR [--bundle ZIP]: the static site (and the offline bundle for offices)."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lkip_xl.web",
                                     description="Bangun situs statis lkip-xl (berjalan di peramban, tanpa instalasi).")
    sub = parser.add_subparsers(dest="command", required=True)
    build = sub.add_parser("build", help="tulis situs statis ke folder DIR")
    build.add_argument("dir", type=Path, help="folder tujuan (dibuat bila belum ada; isinya diganti)")
    build.add_argument("--bundle", type=Path, help="juga tulis zip luring untuk kantor (situs + peluncur)")
    build.add_argument("--cache", type=Path, help="folder unduhan (bawaan: ~/.cache/lkip-xl)")
    args = parser.parse_args(argv)
    from lkip_xl.web.build import BuildError, build_site, write_bundle

    try:
        size = build_site(args.dir, cache=args.cache)
        print(f"Situs ditulis ke {args.dir} ({size / 1e6:.1f} MB).")
        if args.bundle:
            write_bundle(args.dir, args.bundle)
            print(f"Paket luring ditulis ke {args.bundle}.")
    except BuildError as err:
        sys.stderr.write(f"{err}\n")
        return 3
    return 0


if __name__ == "__main__":
    sys.exit(main())
