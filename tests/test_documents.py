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

FAILS_TODAY = {
    "bold-label-lists": (
        "bold-label-lists.md:21: two notes have the same identity (enumeration | how brask pox "
        "spreads | …): the four bold-label lists under one heading share one key"
    ),
    "bold-lead-in-reactions": (
        "bold-lead-in-reactions.md:22: two notes have the same identity (definition | acute "
        "reactions | signs): the `**Signs**:` items under each bold lead-in share one key"
    ),
    "tropical-fevers": (
        "section 'Overview' is claimed by 'Overview' (line 0) and 'Overview' (line 0); "
        "keep it in one subdeck (and again as `None:0:`)"
    ),
}
"""Documents whose zero-config build fails today (exit 2), with the error it prints. The test
is a strict xfail: when the rules are fixed it passes, fails as XPASS, and the entry goes."""


def _build_case(document: Path) -> object:
    reason = FAILS_TODAY.get(document.stem)
    if reason is None:
        return document
    marks = pytest.mark.xfail(strict=True, raises=AssertionError, reason=reason)
    return pytest.param(document, marks=marks)


@pytest.mark.parametrize("document", DOCUMENT_PATHS, ids=lambda p: p.stem)
def test_cards_match_golden_list(document: Path) -> None:
    golden = document_golden_path(document)
    assert golden.exists(), f"no golden list for {document.name}: run `make golden`"
    assert document_text(document) == golden.read_text(encoding="utf-8"), (
        f"cards of {document.name} changed: run `make golden`, review the diff against "
        "tests/documents/README.md"
    )


@pytest.mark.parametrize("document", [_build_case(p) for p in DOCUMENT_PATHS], ids=lambda p: p.stem)
def test_builds_zero_config(document: Path, tmp_path: Path) -> None:
    output = tmp_path / f"{document.stem}.apkg"
    result = CliRunner().invoke(cli, ["build", str(document), "-o", str(output)])
    assert result.exit_code == 0, result.output
    assert output.stat().st_size > 0


def test_every_failing_build_is_a_document() -> None:
    assert set(FAILS_TODAY) <= {document.stem for document in DOCUMENT_PATHS}


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
