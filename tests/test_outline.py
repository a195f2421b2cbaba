"""The outline scan finds the headings the parser finds, or the difference shows (pieces.py then
stages the document whole)."""

from __future__ import annotations

import pytest

from builder.document import Section, _fold, markdown_parser
from builder.outline import scan_headings


def parsed(text: str) -> list[tuple[int, int, str, str | None]]:
    tokens = markdown_parser().parse(text)
    skip = 0
    if tokens and tokens[0].type == "front_matter":
        skip = tokens[0].map[1]
        tokens = tokens[1:]
    _, sections = _fold(tokens)

    def walk(found: tuple[Section, ...]) -> list[tuple[int, int, str, str | None]]:
        out = []
        for section in found:
            out.append((section.line, section.level, section.title, section.pin))
            out.extend(walk(section.children))
        return out

    assert skip == 0 or text.startswith("---")
    return walk(sections)


def scanned(text: str) -> list[tuple[int, int, str, str | None]] | None:
    skip = 0
    tokens = markdown_parser().parse(text)
    if tokens and tokens[0].type == "front_matter":
        skip = tokens[0].map[1]
    headings = scan_headings(text, skip)
    return None if headings is None else [tuple(h) for h in headings]  # type: ignore[misc]


AGREE = {
    "atx levels and closing hashes": "# One #\n\n## Two ##  \n\ntext\n\n### Three# \n#### ##\n",
    "pins": "## Risk factors {#risk}\n\ntext\n\n### Age {#age} ###\n",
    "fenced code": "# A\n\n```md\n# not a heading\n````\n# still code\n```\n\n## B\n",
    "tilde fence never closed": "# A\n\n~~~\n# code\n",
    "backticks in info string": "# A\n\n``` a`b\n# heading after a non-fence\n",
    "raw html": "# A\n\n<!-- a comment\n# not a heading\n-->\n\n## B\n<script>\n# x\n</script>\n",
    "front matter with comments": "---\ntitle: T\n# a yaml comment\n---\n\n# Title\n\n## S\n",
    "crlf": "# A\r\n\r\ntext\r\n\r\n## B ##\r\n",
    "heading interrupts a paragraph": "# A\ntext\n## B\n- item\n# C\n",
    "seven hashes and indented code": "####### no\n\n    # code\n\n   # yes\n",
    "empty heading": "#\n\n# \n\ntext\n",
}


@pytest.mark.parametrize("text", AGREE.values(), ids=AGREE.keys())
def test_scan_finds_the_parsed_headings(text: str) -> None:
    assert scanned(text) == parsed(text)


DIFFER = {
    "setext heading": "Title\n=====\n\n## B\n",
    "heading inside a list item": "- item\n\n  # inside\n\n# A\n",
    "heading inside a div": "<div>\n# inside\n</div>\n\n# A\n",
}


@pytest.mark.parametrize("text", DIFFER.values(), ids=DIFFER.keys())
def test_what_the_scan_cannot_see_shows_as_a_difference(text: str) -> None:
    assert scanned(text) != parsed(text)


def test_lone_carriage_returns_are_not_scanned() -> None:
    assert scan_headings("# A\rtext\r") is None
