"""The corpus of tests/documents/: documents in the shapes people really write (README.md there
says which shapes each holds and what a good card from it looks like). Each builds zero-config,
and its cards are compared with tests/documents/golden/ (`make golden` rewrites them; review the
diff against the README's table)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import parse_document
from builder.cli import cli
from tests.golden import (
    DOCUMENT_GOLDEN,
    DOCUMENTS,
    corpus_documents,
    document_golden_path,
    document_text,
)

DOCUMENT_PATHS = corpus_documents()


@pytest.mark.parametrize("document", DOCUMENT_PATHS, ids=lambda p: p.stem)
def test_builds_zero_config(document: Path, tmp_path: Path) -> None:
    output = tmp_path / f"{document.stem}.apkg"
    result = CliRunner().invoke(cli, ["build", str(document), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 0
    assert "the deck has no cards" not in result.output


@pytest.mark.parametrize("document", DOCUMENT_PATHS, ids=lambda p: p.stem)
def test_cards_match_golden_list(document: Path) -> None:
    """The reviewed list is what the document gives today: a rule change that moves a card shows
    up here, to be read and committed with `make golden`."""
    expected = document_golden_path(document).read_text(encoding="utf-8")
    assert document_text(document) == expected, "cards changed: run `make golden`, review the diff"


def test_every_golden_list_has_its_document() -> None:
    expected = {document_golden_path(document) for document in DOCUMENT_PATHS}
    orphans = sorted(path.name for path in set(DOCUMENT_GOLDEN.glob("*.cards.txt")) - expected)
    assert not orphans, f"golden lists without a document: {orphans}; run `make golden`"


@pytest.mark.parametrize("document", DOCUMENT_PATHS, ids=lambda p: p.stem)
def test_document_says_which_shapes_it_holds(document: Path) -> None:
    shapes = parse_document(document).meta.get("shapes")
    assert isinstance(shapes, list) and shapes, "front matter needs `shapes: [...]`"
    assert 1000 <= document.stat().st_size <= 6000, "a corpus document is 1–6 KB"


def test_readme_describes_every_document() -> None:
    readme = (DOCUMENTS / "README.md").read_text(encoding="utf-8")
    described = set(re.findall(r"^\| `([^`]+\.md)` \|", readme, flags=re.MULTILINE))
    assert described == {document.name for document in DOCUMENT_PATHS}
