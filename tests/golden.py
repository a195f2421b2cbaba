"""Golden card lists: every card of every shipped deck, and of every test document, as reviewable
text.

`make golden` (python -m tests.golden) rewrites tests/golden/<deck>.cards.txt and
tests/documents/golden/<document>.cards.txt; tests/test_golden.py and tests/test_documents.py
compare a fresh extraction with them on every run (and never rewrite them), so every change to the
cards shows in a diff.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
DOCUMENTS = ROOT / "tests" / "documents"
DOCUMENT_GOLDEN = DOCUMENTS / "golden"


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


def corpus_documents() -> list[Path]:
    """The corpus of tests/documents/ (its README.md describes it and is not one of them)."""
    return [path for path in sorted(DOCUMENTS.glob("*.md")) if path.name != "README.md"]


def document_golden_path(document: Path) -> Path:
    return DOCUMENT_GOLDEN / f"{document.stem}.cards.txt"


def document_text(document: Path) -> str:
    """What a zero-config build of one document gives, as text: its warnings (`!! ` lines), then
    every card; or, when the build stops, its error lines. Paths are cited from tests/documents/
    so the text is the same in any checkout."""
    from builder import manifest_for_source, plan_deck
    from builder.errors import BuilderError
    from builder.listing import note_record

    try:
        plan = plan_deck(manifest_for_source(document))
    except BuilderError as error:
        return "".join(f"!! error: {_cited(line)}\n" for line in str(error).splitlines())
    warnings = "".join(f"!! {_cited(warning)}\n" for warning in plan.warnings)
    records = [note_record(note) for note in plan.notes]
    cards = golden_text(records) if records else "(no cards)\n"
    return f"{warnings}\n{cards}" if warnings else cards


def _cited(message: str) -> str:
    return message.replace(f"{DOCUMENTS}/", "")


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for manifest in sorted((ROOT / "decks").glob("*.toml")):
        path = golden_path(manifest)
        path.write_text(golden_text(deck_records(manifest)), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    DOCUMENT_GOLDEN.mkdir(parents=True, exist_ok=True)
    documents = corpus_documents()
    for document in documents:
        path = document_golden_path(document)
        path.write_text(document_text(document), encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    kept = {document_golden_path(document) for document in documents}
    for stale in sorted(set(DOCUMENT_GOLDEN.glob("*.cards.txt")) - kept):
        stale.unlink()
        print(f"removed {stale.relative_to(ROOT)} (its document is gone)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
