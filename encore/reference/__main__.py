"""``python3 -m encore.reference [--write | --check] [--out DIR]``: the reference docs.

Without options it lists the pages that are stale; ``--write`` rewrites them and
``--check`` exits 1 when any is stale (for CI).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from encore.reference import FOLDER, stale, write


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python3 -m encore.reference", description=__doc__)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--write", action="store_true", help="rewrite the stale pages")
    mode.add_argument("--check", action="store_true", help="exit 1 when a page is stale")
    parser.add_argument("--out", type=Path, default=FOLDER, help=f"folder (default {FOLDER})")
    args = parser.parse_args(argv)
    if args.write:
        for name in write(args.out):
            print(f"wrote {args.out / name}")
        return 0
    names = stale(args.out)
    for name in names:
        print(f"stale: {args.out / name}")
    return 1 if names and args.check else 0


if __name__ == "__main__":
    sys.exit(main())
