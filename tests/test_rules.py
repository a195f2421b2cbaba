"""Extraction rules, fixture-driven: tests/fixtures/rules/<rule>.md holds many cases each.

A case's expected output lists the cards made from its Markdown (zero-config, every rule on,
topic "asthma" unless the front matter names another) as `[rule/note type] subdeck`, `Q:` and `A:`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.build import manifest_for_document
from builder.document import parse_document
from builder.extract import extract_cards
from tests.fixtures.reader import read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = [
    pytest.param(markdown, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, markdown, expected in read_fixture_file(path)
]


def cards_text(markdown: str) -> str:
    if not markdown.startswith("---"):
        markdown = "---\ntitle: Asthma notes\ntopic: asthma\n---\n" + markdown
    document = parse_document(Path("fixture.md"), text=markdown)
    cards = extract_cards(manifest_for_document(document), [document])
    blocks = []
    for card in cards:
        lines = [f"[{card.rule}/{card.note_type}] {card.subdeck}", f"Q: {card.front}"]
        if card.back:
            lines.append(f"A: {card.back}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "(no cards)"


@pytest.mark.parametrize(("markdown", "expected"), CASES)
def test_rule_fixture(markdown: str, expected: str) -> None:
    assert cards_text(markdown) == expected.strip()
