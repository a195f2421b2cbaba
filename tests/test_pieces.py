"""Large sources are parsed in pieces (and in parallel): the Document is the same as one parse."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import builder.document as document
from benchmarks.generate import generate
from tests.conftest import ROOT

SEED = ROOT / "source" / "breast-cancer-liver-metastasis.md"


def whole(path: Path, text: str) -> document.Document:
    return document.parse_document(path, text=text)


@pytest.mark.parametrize("size", [200, 2000, 20000])
@pytest.mark.parametrize("jobs", [1, 2])
def test_seed_in_pieces_is_the_same_document(
    size: int, jobs: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = SEED.read_text()
    expected = whole(SEED, text)
    monkeypatch.setattr(document, "CHUNK_CHARS", size)
    assert len(document.split_pieces(text, size)) > 1
    assert document.parse_document(SEED, text=text, jobs=jobs) == expected


def test_generated_course_in_pieces_is_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    text = generate(3000, seed=7)
    path = Path("course.md")
    expected = whole(path, text)
    monkeypatch.setattr(document, "CHUNK_CHARS", 20_000)
    assert len(document.split_pieces(text, 20_000)) > 5
    assert document.parse_document(path, text=text, jobs=2) == expected


def test_headings_inside_fences_and_comments_are_not_cut_points() -> None:
    text = (
        "# T\n\n```\n## not a heading\n```\n\n<!--\n\n## nor this\n-->\n\n<div>\n## nor\n\n"
        "## Real\n\nx\n"
    )
    cuts = [offset for offset, _ in document.split_pieces(text, size=1)]
    assert cuts == [0, 14]


def test_link_references_keep_the_document_whole() -> None:
    text = "# T\n\n## A\n\nsee [x]\n\n## B\n\n[x]: https://example.org\n" * 50
    assert len(document.split_pieces(text, size=10)) == 1


BITS = ["# ", "## ", "### ", "\n", "\n\n", "- ", "1. ", "| a | b |\n|---|---|\n", "```\n", "~~~\n",
        "<!--\n", "-->\n", "text", "**b**", "> ", "    code\n", "---\n", "Q: x?\n", "<div>\n",
        "<pre>\n", "</pre>\n", "<script>", "</script>\n", "````\n"]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(BITS) | st.text(max_size=6), max_size=80).map("".join))
def test_any_text_in_pieces_is_the_same_document(text: str) -> None:
    path = Path("any.md")
    try:
        expected = whole(path, text)
    except document.SourceError:
        return
    pieces = document.split_pieces(text, size=1)
    parsed = [document._parse_piece(path, offset, piece) for offset, piece in pieces]
    preamble, sections = document._merge([(blocks, roots) for _, blocks, roots in parsed])
    if len(sections) == 1 and sections[0].level == 1:
        return  # title handling is shared code, compared by the tests above
    assert (preamble, sections) == (expected.preamble, expected.sections)


def test_two_jobs_build_the_same_package_as_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.build as build
    from benchmarks.generate import write_deck
    from builder import load_manifest

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    monkeypatch.setattr(document, "CHUNK_CHARS", 50_000)
    monkeypatch.setattr(build, "PARALLEL_MIN_SECTIONS", 4)
    manifest_path = write_deck(2000, 3, tmp_path)
    packages = []
    for jobs in (1, 2):
        (tmp_path / "decks" / f"{manifest_path.stem}.lock").unlink(missing_ok=True)
        result = build.build_deck(
            load_manifest(manifest_path), output=tmp_path / f"out{jobs}" / "deck.apkg", jobs=jobs
        )
        assert result.report is not None and result.report.notes > 1000
        packages.append(result.output.read_bytes())
    assert packages[0] == packages[1]
