"""`deckbuilder check` against `deckbuilder build` on the same generated course (issue 16).

    python -m benchmarks.check                        # 10k and 50k items, once each
    python -m benchmarks.check --sizes 10000 --repeat 3

The check reads every note the build reads and lints it; the near-duplicate search compares
fronts, which must not grow with the square of the deck (docs/performance.md). Each command runs
in a fresh process on a folder holding only the manifest and its source (no lock, no caches), the
check first, then the build; the medians give the ratio, PASS when at most `CHECK_RATIO`.
`make bench` (`benchmarks/run.py`, where `measure_check` lives) adds its rows to the targets.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from . import run as harness
from .run import CHECK_RATIO, measure_check

__all__ = ["CHECK_RATIO", "main", "measure_check"]

SIZES = (10_000, 50_000)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--sizes", default=",".join(map(str, SIZES)), help="item counts, comma-separated"
    )
    parser.add_argument("--repeat", type=int, default=1, help="runs of each command (median)")
    args = parser.parse_args(argv)
    sizes = tuple(int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip())
    work = Path(tempfile.mkdtemp(prefix="deckbuilder-check-"))
    try:
        rows = measure_check(sizes, work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(harness.target_table(rows))
    return 0 if all(row["verdict"] == "PASS" for row in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
