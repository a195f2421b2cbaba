"""Golden card lists: every card of every shipped deck as reviewable text.

`make golden` (python -m tests.golden) rewrites tests/golden/<deck>.cards.txt; tests/test_golden.py
compares a fresh extraction with them on every run, so every change to the cards shows in a diff.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"


def record_text(record: dict[str, Any]) -> str:
    """One card as text: a header line, then the front and back (indented when multi-line)."""
    source = record["source"]
    header = (
        f"## {record['subdeck']} | {record['note_type']} | {record['rule']} | "
        f"{source['path']}:{source['line']} | {' '.join(record['tags'])}"
    )
    lines = [header]
    for label, text in (("Q", record["front"]), ("A", record["back"])):
        if not text:
            continue
        first, *rest = text.split("\n")
        lines.append(f"{label}: {first}")
        lines.extend(f"   {line}" if line else "" for line in rest)
    return "\n".join(lines)


def golden_text(records: list[dict[str, Any]]) -> str:
    return "\n\n".join(record_text(r) for r in records) + "\n"


def deck_records(manifest_path: Path) -> list[dict[str, Any]]:
    from builder import load_manifest, plan_deck
    from builder.listing import note_record

    plan = plan_deck(load_manifest(manifest_path))
    return [note_record(note) for note in plan.notes]


def golden_path(manifest_path: Path) -> Path:
    return GOLDEN / f"{manifest_path.stem}.cards.txt"


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for manifest in sorted((ROOT / "decks").glob("*.toml")):
        path = golden_path(manifest)
        path.write_text(golden_text(deck_records(manifest)), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
