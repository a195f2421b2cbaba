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


def test_pieces_in_any_number_of_jobs_build_the_package_a_whole_parse_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.build as build
    import builder.streaming as streaming
    from benchmarks.generate import write_deck
    from builder import load_manifest

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    manifest_path = write_deck(2000, 3, tmp_path)
    staged_whole = []
    real_stage_whole = streaming.stage_whole

    def spy(*args: object, **kwargs: object) -> object:
        staged_whole.append(True)
        return real_stage_whole(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(build, "stage_whole", spy)
    packages = {}
    for mode, chunk, jobs in (("whole", 10**9, 1), ("pieces", 20_000, 1), ("2 jobs", 20_000, 2)):
        monkeypatch.setattr(document, "CHUNK_CHARS", chunk)
        staged_whole.clear()
        (tmp_path / "decks" / f"{manifest_path.stem}.lock").unlink(missing_ok=True)
        result = build.build_deck(
            load_manifest(manifest_path), output=tmp_path / mode / "deck.apkg", jobs=jobs
        )
        assert result.report is not None and result.report.notes > 1000
        assert staged_whole == ([True] if mode == "whole" else [])
        packages[mode] = result.output.read_bytes()
    assert packages["whole"] == packages["pieces"] == packages["2 jobs"]


def _build_both_ways(
    manifest_path: Path, root: Path, monkeypatch: pytest.MonkeyPatch, chunk: int
) -> list[tuple[bytes, list[str]] | str]:
    """The package and warnings (or the error) from a whole parse, then from pieces of about
    `chunk` characters."""
    import builder.build as build
    from builder import BuilderError, load_manifest

    outcomes: list[tuple[bytes, list[str]] | str] = []
    for name, size in (("whole", 10**9), ("pieces", chunk)):
        monkeypatch.setattr(document, "CHUNK_CHARS", size)
        manifest_path.with_suffix(".lock").unlink(missing_ok=True)
        try:
            result = build.build_deck(load_manifest(manifest_path), output=root / name / "d.apkg")
        except BuilderError as error:
            outcomes.append(str(error))
            continue
        assert result.report is not None
        outcomes.append((result.output.read_bytes(), result.report.warnings))
    return outcomes


def test_seed_deck_from_pieces_is_the_same_package(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole, pieces = _build_both_ways(
        project / "decks" / "breast-cancer-liver-metastasis.toml", project, monkeypatch, 1500
    )
    assert isinstance(whole, tuple) and pieces == whole


TITLES = ["Risk factors", "Diagnosis", "Treatment", "FAQ", "Coping", "Imaging", "Surgery"]
BLOCKS = [
    "Tumour necrosis factor (TNF) and radiofrequency ablation (RFA) are named here.",
    "Later pieces define TNF again: transient nerve fatigue (TNF).",
    "- Age\n- Family history (FH)\n- Obesity",
    "| Option | Benefit | Risk |\n|---|---|---|\n| Surgery | Cure | Bleed |\n| RFA | Fast | Pain |",
    "Treatment options include surgery, chemotherapy, and radiotherapy.",
    "About 30% of patients respond.",
    "```md\n# not a heading\n```",
    "<!--\n## not a heading either\n-->",
    "Setext title\n------------",
    "- item\n\n  # a heading inside a list item",
    "**Q: What is staging?**\nA: Finding how far it spread.",
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    parts = ["---\ntitle: Random\n# a comment\n---\n"] if draw(st.booleans()) else []
    if draw(st.booleans()):
        parts.append("# Only title")
    for _ in range(draw(st.integers(1, 8))):
        level = draw(st.integers(2, 3)) if parts else draw(st.integers(1, 3))
        title = draw(st.sampled_from(TITLES))
        parts.append(f"{'#' * level} {title}")
        if title == "FAQ":
            for number in range(draw(st.integers(0, 3))):
                parts.append(f"{'#' * (level + 1)} What is question {number}?")
                parts.append(draw(st.sampled_from(BLOCKS)))
        for block in draw(st.lists(st.sampled_from(BLOCKS), max_size=3)):
            parts.append(block)
    return "\n\n".join(parts) + "\n"


@settings(max_examples=20, deadline=None)
@given(text=documents(), chunk=st.integers(1, 400))
def test_any_document_from_pieces_is_the_same_package(
    tmp_path_factory: pytest.TempPathFactory, text: str, chunk: int
) -> None:
    """Whatever the scan cannot read (setext headings, headings in list items, FAQs across
    pieces) makes the build stage the document whole: the package never changes."""
    root = tmp_path_factory.mktemp("deck")
    (root / "source").mkdir()
    (root / "decks").mkdir()
    (root / "source" / "notes.md").write_text(text)
    manifest = root / "decks" / "notes.toml"
    manifest.write_text(
        'title = "Random"\nid = 1234567890\ntopic = "liver metastases"\n'
        'sources = ["../source/notes.md"]\n\n[[subdeck]]\nname = "All"\nsections = ["*"]\n'
    )
    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
        whole, pieces = _build_both_ways(manifest, root, monkeypatch, chunk)
    assert pieces == whole


def test_without_fork_the_pieces_are_staged_here_with_the_same_package(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no `fork`: --jobs then runs the pieces in the building process."""
    import multiprocessing

    import builder.build as build
    from benchmarks.generate import write_deck
    from builder import load_manifest

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    monkeypatch.setattr(document, "CHUNK_CHARS", 20_000)
    manifest_path = write_deck(500, 3, tmp_path)
    packages = []
    real_context = multiprocessing.get_context
    for methods in (["fork", "spawn"], ["spawn"]):

        def context(method: str | None = None, methods: list[str] = methods) -> object:
            if method not in methods:  # what Windows says to "fork"
                raise ValueError(f"cannot find context for {method!r}")
            return real_context(method)

        monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda m=methods: m)
        monkeypatch.setattr(multiprocessing, "get_context", context)
        manifest_path.with_suffix(".lock").unlink(missing_ok=True)
        result = build.build_deck(
            load_manifest(manifest_path), output=tmp_path / methods[0] / "d.apkg", jobs=2
        )
        packages.append(result.output.read_bytes())
    assert packages[0] == packages[1]


def test_usable_cpus_without_affinity(monkeypatch: pytest.MonkeyPatch) -> None:
    """macOS and Windows have no sched_getaffinity: the CPU count stands in."""
    import os

    from builder.parallel import usable_cpus

    monkeypatch.delattr(os, "sched_getaffinity")
    monkeypatch.setattr(os, "cpu_count", lambda: 3)
    assert usable_cpus() == 3


BLOCK_BITS = [
    "---\n", "title: x\n", "# H\n", "## H2\n", "para text\n", "\n", "- item\n", "  - nested\n",
    "1. one\n", "2) two\n", "> quote\n", ">> deep\n", "- > quoted item\n", "> - listed quote\n",
    "1. > q\n", "   > indented\n", "    > code\n", "\t> tab\n", "a > b\n", "->\n", "x<br>y\n",
    "| a | b |\n", "|---|---|\n", "| 1<br>2 | 3 |\n", "```\n", "~~~ py\n", "``code``\n", "~~x~~\n",
    "[ref]: /url\n", "[link](x)\n", "- [ref]: /u\n", "> [r]: /q\n", "<div>\n", "***\n", "===\n",
    "- <p>x</p>\n", "  <br>\n", "a <b>\n", "> <!-- c -->\n", "1. <div>\n", "x<div>\n",
    "- - -\n", "* * *\n", "> ___ \n", "- **b**\n", "a -\n", "x*\r", "Setext\n---\n", "- --\t\n",
    "\r\n", "\r", "- a\r> b\r", "text\r\n> q\r\n",
]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_BITS), max_size=30).map("".join))
def test_a_parser_without_the_rules_a_text_cannot_use_gives_the_same_tokens(text: str) -> None:
    """parser_for leaves out block rules (front matter, fences, link references, block quotes,
    raw HTML, thematic breaks) whose character the text lacks where the rule looks for it: the
    tokens must be the ones the whole setup gives."""

    def tokens(parser: object) -> list[dict[str, object]]:
        return [token.as_dict() for token in parser.parse(text)]  # type: ignore[attr-defined]

    assert tokens(document.parser_for(text)) == tokens(document.markdown_parser())


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("# T\n\npara\n", {"front_matter", "fence", "reference", "blockquote", "html_block", "hr"}),
        ("---\nt: 1\n---\n", {"fence", "reference", "blockquote", "html_block"}),
        (
            "| a<br>b | c -> d |\n",
            {"front_matter", "fence", "reference", "blockquote", "html_block", "hr"},
        ),
        ("- 1. > quote\n", {"fence", "reference", "html_block", "hr"}),
        ("1. - > quote\n", {"front_matter", "fence", "reference", "html_block", "hr"}),
        ("x\r  > quote\n", {"front_matter", "fence", "reference", "html_block", "hr"}),
        ("> <div>\n", {"front_matter", "fence", "reference", "hr"}),
        ("~~~\ncode\n~~~\n[a]: /b\n", {"front_matter", "blockquote", "html_block", "hr"}),
        ("a\n* * *\t\r\nb", {"front_matter", "fence", "reference", "blockquote", "html_block"}),
        ("a\n- __\n", {"front_matter", "fence", "reference", "blockquote", "html_block"}),
    ],
)
def test_the_rules_left_out(text: str, left_out: set[str]) -> None:
    active = set(document.parser_for(text).block.ruler.get_active_rules())
    assert set(document.markdown_parser().block.ruler.get_active_rules()) - active == left_out
