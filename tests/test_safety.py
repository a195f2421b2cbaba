"""Nothing harmful leaves the builder, and no input crashes it.

Property tests (hypothesis) over arbitrary Markdown and hostile HTML, and a deck built from a
hostile source imported into the real Anki backend.
"""

from __future__ import annotations

import contextlib
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from builder.cli import cli
from builder.document import parse_document
from builder.errors import BuilderError
from builder.extract import extract_notes
from builder.manifest import manifest_for_document
from builder.render import Renderer
from tests.test_bad_input import PNG

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=pic.png onerror=alert(1)>",
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    "<iframe src=https://evil.example></iframe>",
    '<object data="x.swf"></object>',
    "<style>.card{display:none}</style>",
    '<svg onload="alert(1)"><circle/></svg>',
    '<img src="data:image/svg+xml;base64,PHN2Zz4=">',
    "<div onclick='steal()'>text</div>",
    "<scr<script>ipt>alert(1)</script>",
    '<a href="  javascript:alert(1)">x</a>',
    "<body onload=alert(1)>",
    "[link](javascript:alert(1))",
    "![img](javascript:alert(1))",
]
MARKDOWN_BITS = [
    "# ", "## ", "### ", "\n", "\n\n", "- ", "* ", "1. ", "| ", " |", "|---|", "**", "_", "`",
    "FAQ", "Q: ", "A: ", "?", ":", " — ", "{#id}", "<br>", "20%", "(CT)", "> ", "```", "---\n",
    "Term", "text", " ", "[a](b)", "![x](y.png)", "\t", "\\", "&amp;", "\u00a0", "é",
]  # fmt: skip


class Markup(HTMLParser):
    """Collects what a browser would treat as active content."""

    def __init__(self) -> None:
        super().__init__()
        self.bad: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "style", "svg", "body"):
            self.bad.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.bad.append(f"{name}=")
            if name in ("href", "src") and value:
                scheme = value.strip().split(":", 1)[0].lower() if ":" in value else ""
                if scheme in ("javascript", "data", "vbscript"):
                    self.bad.append(f"{scheme}:")


def active_content(html: str) -> list[str]:
    parser = Markup()
    parser.feed(html)
    return parser.bad


IMAGES = Path(tempfile.mkdtemp(prefix="deckbuilder-safety-"))
"""The payloads' one local image, pic.png, is there (a build refuses a missing image)."""
(IMAGES / "pic.png").write_bytes(PNG)


def all_fields(markdown: str) -> list[str]:
    document = parse_document(IMAGES / "prop.md", text=markdown)
    notes = extract_notes(manifest_for_document(document), [document])
    renderer = Renderer(IMAGES, "prop.md")
    return [field for note in notes for field in renderer.fields(note).values()]


markdown_text = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_BITS), st.text(max_size=12)), max_size=60
).map("".join)
hostile_text = st.lists(
    st.one_of(st.sampled_from(MARKDOWN_BITS), st.sampled_from(HOSTILE), st.text(max_size=8)),
    max_size=40,
).map(lambda parts: "## FAQ\n\n### Is it safe?\n\n" + "".join(parts))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(markdown_text)
def test_arbitrary_markdown_never_raises_anything_but_our_input_error(text: str) -> None:
    with contextlib.suppress(BuilderError):
        all_fields(text)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_text)
def test_no_field_ever_holds_active_content(text: str) -> None:
    try:
        fields = all_fields(text)
    except BuilderError:
        return
    for field in fields:
        assert active_content(field) == [], field


@pytest.mark.parametrize("payload", HOSTILE)
def test_each_hostile_payload_is_neutralised(payload: str) -> None:
    fields = all_fields(f"## FAQ\n\n### What is this payload?\n\nBefore {payload} after.\n")
    assert fields, "the question still makes a card"
    for field in fields:
        assert active_content(field) == [], field
    assert any("Before" in field and "after." in field for field in fields)


def test_removed_raw_html_is_a_warning_naming_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("notes.md").write_text(
        "# Notes\n\n## FAQ\n\n### What does the script do?\n\nNothing <script>x()</script> now.\n"
    )
    result = CliRunner().invoke(cli, ["build", "notes.md", "-o", "x.apkg"])
    assert result.exit_code == 0, result.output
    assert "notes.md:5: warning: removed <script> (not allowed on cards)" in result.output


def test_hostile_deck_renders_harmlessly_in_real_anki(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ankiutil import import_apkg, open_collection, rendered_cards

    monkeypatch.chdir(tmp_path)
    lines = ["# Hostile", "", "## FAQ", ""]
    for number, payload in enumerate(HOSTILE, 1):
        lines += [f"### Question {number} about hostile input?", "", f"Answer {payload} end.", ""]
    lines += ["## Table", "", "| Name | Value |", "|---|---|"]
    lines += [f"| Row {n} | {p.replace('|', '')} |" for n, p in enumerate(HOSTILE, 1)]
    Path("hostile.md").write_text("\n".join(lines) + "\n")
    Path("pic.png").write_bytes(PNG)
    result = CliRunner().invoke(cli, ["build", "hostile.md", "-o", "hostile.apkg"])
    assert result.exit_code == 0, result.output
    col = open_collection(tmp_path / "col" / "c.anki2")
    try:
        import_apkg(col, tmp_path / "hostile.apkg")
        cards = rendered_cards(col)
        assert len(cards) >= len(HOSTILE)
        for card in cards:
            assert active_content(card["question"]) == [], card["question"]
            assert active_content(card["answer"]) == [], card["answer"]
    finally:
        col.close()


@settings(max_examples=1000, deadline=None)
@given(
    st.text(max_size=40) | st.text(alphabet=" .,;:'\"?()%/+=#${}|~-–—’‘“”°abcXYZ09é", max_size=40)
)
def test_plain_text_fast_path_renders_exactly_like_markdown_it_and_nh3(text: str) -> None:
    from builder.dialects import closed_bold
    from builder.render import _markdown, sanitise, to_html

    text = text.strip()
    if text and "\n" not in text:
        assert to_html(text) == sanitise(_markdown().renderInline(closed_bold(text)))


_WORD = st.text(alphabet=" .,;:'\"?()%/+={}|~-–abcXYZ09é#)*", max_size=12)
_LINE = st.one_of(
    _WORD,
    _WORD.map(lambda word: "- " + word),
    st.tuples(st.integers(0, 12), _WORD).map(lambda pair: f"{pair[0]}. {pair[1]}"),
)


@settings(max_examples=1000, deadline=None)
@given(
    st.lists(st.lists(_LINE, min_size=1, max_size=4).map("\n".join), max_size=3).map("\n\n".join)
)
def test_list_fast_path_renders_exactly_like_markdown_it_and_nh3(text: str) -> None:
    from builder.dialects import closed_bold
    from builder.render import _markdown, sanitise, to_html

    text = text.strip()
    if text:
        shown = closed_bold(text)  # a bold run CommonMark leaves open, closed (dialects)
        slow = _markdown().render(shown) if "\n" in text else _markdown().renderInline(shown)
        assert to_html(text) == sanitise(slow)


_CLOZE_ITEM = st.tuples(st.integers(1, 12), _WORD).map(
    lambda pair: f"{{{{c{pair[0]}::{pair[1]}}}}}"
)


@settings(max_examples=1000, deadline=None)
@given(
    _WORD,
    st.lists(st.one_of(_CLOZE_ITEM, _CLOZE_ITEM.map(lambda item: "{" + item)), min_size=1),
    st.booleans(),
)
def test_cloze_list_fast_path_renders_exactly_like_markdown_it_and_nh3(
    intro: str, items: list[str], ordered: bool
) -> None:
    """An enumeration's front: a lead-in, then list items that start with `{{c1::`."""
    from builder.dialects import closed_bold
    from builder.render import _markdown, sanitise, to_html

    lines = [f"{n}. {item}" if ordered else f"- {item}" for n, item in enumerate(items, 1)]
    text = ("Lead-in " + intro + "\n\n" + "\n".join(lines)).strip()
    shown = closed_bold(text)  # a bold run CommonMark leaves open, closed (dialects)
    slow = _markdown().render(shown) if "\n" in text else _markdown().renderInline(shown)
    assert to_html(text) == sanitise(slow)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=40) | st.text(alphabet=" .,;:'\"?()%/+=#${}|~-_aZ09\t\n<&*é–", max_size=40))
def test_plain_check_agrees_with_its_regex(text: str) -> None:
    from builder.render import _NOT_PLAIN, _is_plain

    assert _is_plain(text) == (_NOT_PLAIN.search(text) is None)


ANKI_BITS = [
    "{{c1::", "{{c9::x}}", "}}", "::", "{", "}", ":", "[sound:x.mp3]", "[anki:tts lang=en_US]",
    "[/anki:tts]", "[latex]", "[/latex]", "[$]", "[/$]", "\\\\(", "\\\\)", "\\\\[", "\\\\]",
    "&amp;", "&#59;", "; ", "<br>", "{{Front}}", "20%", " and ", ", ", "\u202e", "\x00",
]  # fmt: skip
_INLINE = st.lists(
    st.one_of(
        st.sampled_from(ANKI_BITS),
        st.sampled_from(HOSTILE),
        st.text(alphabet="abc XYZ09.-*_", max_size=6),
    ),
    min_size=1,
    max_size=8,
).map(lambda parts: "".join(parts).replace("\n", " ").replace("|", "/").strip() or "x")


@st.composite
def hostile_decks(draw: st.DrawFn) -> str:
    """A document whose every rule fires on text full of Anki's own syntax and hostile HTML."""
    text = lambda: draw(_INLINE)  # noqa: E731
    items = "".join(f"- {text()}\n" for _ in range(draw(st.integers(2, 4))))
    rows = "".join(f"| Row {n} {text()} | {text()} |\n" for n in range(draw(st.integers(1, 3))))
    return (
        f"# Hostile {text()}\n\n## FAQ\n\n### What is {text()}?\n\n{text()}\n\n"
        f"## Lists {text()}\n\nThe parts of {text()} include:\n\n{items}\n"
        f"## Table\n\n| Name | Value |\n|---|---|\n{rows}\n"
        f"## Prose\n\nSigns include {text()}, {text()}, and {text()}. "
        f"About 30% of {text()} have it in hostile {text()}.\n\n"
        f"- **{text()}**: {text()}\n- **Term**: {text()}\n"
    )


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(markdown=hostile_decks())
def test_generated_hostile_decks_import_into_anki_with_no_broken_card(
    markdown: str, tmp_path_factory: pytest.TempPathFactory
) -> None:
    from builder.build import build_deck
    from builder.manifest import manifest_for_source
    from tests.ankiutil import broken_cards, import_apkg, open_collection

    folder = tmp_path_factory.mktemp("deck")
    (folder / "pic.png").write_bytes(PNG)
    (folder / "deck.md").write_text(markdown, encoding="utf-8")
    try:
        result = build_deck(manifest_for_source(folder / "deck.md"), output=folder / "deck.apkg")
    except BuilderError as error:
        event(f"refused: {error.message[:40]}")
        return
    event("built and imported")
    assert result.report is not None and result.report.notes > 0
    col = open_collection(folder / "anki" / "collection.anki2")
    try:
        import_apkg(col, folder / "deck.apkg")
        assert col.card_count() == result.report.cards
        assert broken_cards(col) == []
    finally:
        col.close()


@pytest.mark.parametrize(
    "field",
    [
        '{{c1::<img src="chart.tiff"> High}}',
        '{{c1::<img src="{{c2::chart.tiff}}"> High}}',
        '<img src="chart.ti\u2060ff"> High',
    ],
)
def test_an_image_warning_names_the_file_as_the_document_wrote_it(
    field: str, tmp_path: Path
) -> None:
    from builder.media import embed_images

    left_off: list[str] = []
    assert "<img" not in embed_images(field, tmp_path, "wells.md", 4, {}, left_off=left_off)
    assert len(left_off) == 1 and "'chart.tiff' is not a type Anki displays" in left_off[0]
