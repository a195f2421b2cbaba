"""`deckbuilder check` against `deckbuilder build` on the same generated course (issue 16).

    python -m benchmarks.check                        # 10k and 50k items, once each
    python -m benchmarks.check --sizes 10000 --repeat 3

The check reads every note the build reads and lints it; the near-duplicate search compares
fronts, which must not grow with the square of the deck (docs/performance.md). Each command runs
in a fresh process on a folder holding only the manifest and its source (no lock, no caches), the
check first, then the build; the medians give the ratio, PASS when at most `CHECK_RATIO`.
`benchmarks/run.py` (`make bench`) calls `measure_check` and adds its rows to the targets.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

from . import generate
from . import run as harness

CHECK_RATIO = 2.0
"""The issue's target: check takes at most twice as long as build."""
SIZES = (10_000, 50_000)


def measure_check(sizes: tuple[int, ...], work: Path, repeat: int = 1) -> list[dict[str, Any]]:
    """One target row per size: check / build wall time, with both times shown."""
    rows = []
    for n_items in sizes:
        folder = work / f"check{n_items}"
        manifest = generate.write_deck(n_items, harness.SEED, folder)
        deck = harness.Deck(folder, manifest, [folder / "source" / "synthetic.md"], jobs=1)
        checks, builds = harness.Series(), harness.Series()
        for attempt in range(repeat):
            harness._log(f"[check {n_items}] check and build ({attempt + 1}/{repeat})")
            deck.reset()
            relative = str(manifest.relative_to(folder))
            check = checks.add(
                harness.spawn(harness.deckbuilder("check", relative), cwd=folder, env=deck.env)
            )
            if not check.ok:
                harness._log(f"  check failed (exit {check.returncode}):\n{check.output[-2000:]}")
            deck.reset()
            builds.add(deck.build())
        ratio = harness._ratio(checks.seconds(), builds.seconds())
        label = f"{n_items // 1000}k" if n_items >= 1000 else str(n_items)
        rows.append(
            {
                "target": f"{label} check / build",
                "value": ratio,
                "shown": f"{harness._fmt(ratio)}x (check {harness._cell(checks)}, "
                f"build {harness._cell(builds)})",
                "limit": f"<= {CHECK_RATIO:g}x",
                "verdict": harness._verdict(ratio, CHECK_RATIO),
                "check": checks.summary(),
                "build": builds.summary(),
            }
        )
        shutil.rmtree(folder, ignore_errors=True)
    return rows


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
