"""The speed-ups that live inside one function, each held to the plain way it replaces: the same
tokens from a parser without the rules a text cannot use, the same Document from a kept parse, the
same matches from literal section patterns as from globs."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import example, given, settings
from hypothesis import strategies as st

import builder.dialects as dialects
import builder.document as document
import builder.extract as extract
import builder.kinds as kinds
import builder.rules.context as context
import builder.rules.figure as figure
import builder.rules.leads as leads
import builder.rules.measure as measure
import builder.rules.prose_fact as prose_fact
import builder.rules.table as table
import builder.text as text
from builder.cli import cli
from builder.document import ListItem
from builder.manifest import Manifest, Subdeck
from builder.notes import DELETION, Note, Source
from builder.routing import _Patterns, literal_text
from builder.rules.prose_fact import _deletions, holds_deletion
from builder.text import plain


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
    "!!! note\n", "!!! danger \"Title\"\n", "    - dose\n", "??? tip\n", ":::tip\n", ":::\n",
    "::: note Title\n", "[^1]: a footnote\n", "x[^1]\n", "> [!NOTE]\n",
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


TABLE_BITS = [
    "| a | b |\n", "|---|---|\n", "|:-|-:|\n", "a | b\n", "--- | ---\n", "| x\\| y | z |\n",
    "| \\ | \\\\| |\n", "\\|a|\\\n", "| `c|d` | e |\n", "| 1<br>2 | 3 |\n", "||\n", "|\n",
    "- | a |\n", "> | q |\n", "para\n", "\n", "    | code |\n", "# H\n",
    "| a\\|b | c |\n|---|---|\n", "| p \\| q | r\\\\|\n",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="|\\ a-:", max_size=30))
def test_a_row_split_at_its_pipes_is_markdown_its_escaped_split(row: str) -> None:
    """`_split_row` splits a row without a backslash with `str.split`; with one, or without,
    its cells are markdown-it's own."""
    from markdown_it.rules_block.table import escapedSplit

    assert document._split_row(row) == escapedSplit(row)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(TABLE_BITS + BLOCK_BITS), max_size=20).map("".join))
def test_the_table_rule_with_the_sooner_split_gives_markdown_its_tokens(text: str) -> None:
    """The reading parser's table rule (markdown-it's, its rows split by `_split_row`) gives
    the tokens markdown-it's own table rule gives (both ended at a line without a '|')."""
    from markdown_it.rules_block.table import table

    stock = document._parser_without.__wrapped__(())  # a parser of its own, not the cached one
    stock.block.ruler.at("table", document.ended_table(table), {"alt": ["paragraph", "reference"]})
    ours = document.markdown_parser()
    assert ours.block.ruler.get_active_rules() == stock.block.ruler.get_active_rules()
    assert [t.as_dict() for t in ours.parse(text)] == [t.as_dict() for t in stock.parse(text)]


FRONT_MATTER_BITS = [
    "---\n", "title: x\n", "t: -\n", "...\n", " ...\n", "  ---\n", "----\n", "--- \n",
    "    ---\n", "---x\n", "- a\n", "\n", "\r\n", "para\n", "***\n", "* * *\n", "x_\n",
    "Setext\n---\n", "-\n", "--\n", "> ---\n",
]  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(
    st.lists(st.sampled_from(FRONT_MATTER_BITS), max_size=12).map(
        lambda bits: "---\n" + "".join(bits)
    )
)
def test_a_front_matters_dashes_leave_the_thematic_break_out_only_when_it_cannot_match(
    text: str,
) -> None:
    """parser_for leaves the thematic break out of a text opening with front matter when only
    the front matter's own `---` lines end in a break mark: the tokens are the whole setup's."""

    def tokens(parser: object) -> list[dict[str, object]]:
        return [token.as_dict() for token in parser.parse(text)]  # type: ignore[attr-defined]

    assert tokens(document.parser_for(text)) == tokens(document.markdown_parser())


@pytest.mark.parametrize(
    ("text", "left_out"),
    [
        ("# T\n\npara\n", {"front_matter", "fence", "reference", "blockquote", "html_block", "hr"}),
        ("---\nt: 1\n---\n", {"fence", "reference", "blockquote", "html_block", "hr"}),
        ("---\nt: 1\n---\n\n***\n", {"fence", "reference", "blockquote", "html_block"}),
        ("---\nt: -\n---\n", {"fence", "reference", "blockquote", "html_block"}),
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
    """The dialects' block rules (admonitions, directives, footnotes) are left out too: none of
    these texts holds `!!!`, `???`, `:::` or `[^`."""
    dialects = {"admonition", "container_directive", "footnote_def"}
    active = set(document.parser_for(text).block.ruler.get_active_rules())
    assert set(document.markdown_parser().block.ruler.get_active_rules()) - active == (
        left_out | dialects
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab*?[]!-^ ", max_size=8), st.text(alphabet="ab*?[]!-^ ", max_size=8))
def test_a_literal_pattern_matches_what_its_glob_matches(pattern: str, text: str) -> None:
    """`literal_text` says which patterns name one text; for those a dict lookup replaces the
    glob, and must agree with it on every text."""
    literal = literal_text(pattern)
    if literal is not None:
        assert fnmatch.fnmatchcase(text, pattern) == (text == literal)
    assert literal_text("".join(f"[{c}]" if c in "*?[" else c for c in text)) == text


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="ab*?[]/ ", min_size=1, max_size=6), min_size=1, max_size=6),
    st.text(alphabet="ab*?[]/ ", max_size=8),
)
def test_the_compiled_patterns_match_as_fnmatch_does(patterns: list[str], text: str) -> None:
    manifest = Manifest("T", 1, (), tuple(Subdeck(f"S{i}", (p,)) for i, p in enumerate(patterns)))
    found = sorted(_Patterns(manifest).matching(text.lower()))
    expected = [
        i for i, p in enumerate(patterns) if fnmatch.fnmatchcase(text.lower(), p.lower().strip())
    ]
    assert found == expected


def test_a_kept_parse_is_the_parse(tmp_path: Path) -> None:
    """`keep=True` (the zero-config manifest's parse) hands its Document to the next parse of the
    same path and text, once; any other text is parsed afresh."""
    source = tmp_path / "notes.md"
    text = "# Notes\n\n## A\n\n- x\n- y\n"
    kept = document.parse_document(source, text, keep=True)
    assert document.parse_document(source, text) is kept
    again = document.parse_document(source, text)
    assert again is not kept and again == kept
    assert document.parse_document(source, text + "\n## B\n\nz\n") != kept


def test_notes_pickle_as_their_constructors_arguments() -> None:
    """Note, Source and RenderedNote pickle through `__reduce__` (a worker sends a document's
    notes): every field must come back, including any added later."""
    import dataclasses
    import pickle

    from builder.anki import RenderedNote
    from builder.notes import Note, Source

    source = Source("source/a.md", "A", ("One", "Two"), 7)
    note = Note("faq", "cloze", "{{c1::x}}", "extra", source, ("faq", "x"), "One", "S", ("t",))
    rendered = RenderedNote(note, {"Text": "x", "Extra": "e"}, "0123")
    for value in (source, note, rendered):
        assert len(value.__reduce__()[1]) == len(dataclasses.fields(value))
        assert pickle.loads(pickle.dumps(value)) == value


WORD_BITS = st.sampled_from("ab_Z9 .-'\t\n\x7fé²ß·")


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=WORD_BITS, max_size=40) | st.text(max_size=40))
def test_the_longest_word_is_the_first_longest_regex_word(text: str) -> None:
    """lint.longest_word splits ASCII text on its bytes instead of `findall(r"\\w+")`: the same
    word, the first of the longest, or "" when there is none."""
    import re

    from builder.lint import longest_word

    words = re.findall(r"\w+", text)
    assert longest_word(text) == (max(words, key=len) if words else "")


FIGURE_BITS = st.sampled_from(
    [
        "over ",
        "under ",
        "more than ",
        "<",
        "≥ ",
        "between ",
        " and ",
        "38",
        "5",
        ".5",
        "-",
        "–",
        " to ",
        "°C",
        " mg/kg",
        " mL",
        " L/min",
        " hours",
        " days",
        "%",
        " or more",
        "/",
        "(",
        ")",
        "fever ",
        "Give ",
        "at least ",
        "x",
        " ",
        "\n",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(FIGURE_BITS, max_size=14).map("".join))
def test_the_measure_rules_digit_gate_skips_only_text_without_figures(text: str) -> None:
    """measure looks for a digit before its figure pattern: text with no digit holds no figure,
    so the gate leaves out nothing the pattern would find."""
    from builder.text import FIGURE

    if not any(char.isdigit() for char in text):
        assert FIGURE.search(text) is None


CLOZE_WORDS = st.sampled_from(["velbarin", "Velbarin", "kellin rash", "40 mg", "fever", "**IgE**"])


@st.composite
def cloze_fronts(draw: st.DrawFn) -> str:
    """A lead-in over items, each words and perhaps a deletion, as the list rules write them."""
    lines = [f"{draw(CLOZE_WORDS)} in korrin fever:", ""]
    for number in range(1, draw(st.integers(1, 5)) + 1):
        before = " ".join(draw(st.lists(CLOZE_WORDS, max_size=3)))
        answer = draw(CLOZE_WORDS)
        lines.append(f"- {before} {{{{c{number}::{answer}}}}} {draw(CLOZE_WORDS)}".strip())
    return "\n".join(lines)


@settings(max_examples=300, deadline=None)
@given(cloze_fronts())
def test_a_cloze_with_no_deletion_said_twice_shows_none_of_its_answers(front: str) -> None:
    """lint.without_shown_answers looks for shown answers only when some deletion's text stands
    twice in the front: where none does, the full look finds nothing either."""
    from builder.lint import _said_twice, _shown_deletions

    if not _said_twice(front):
        assert _shown_deletions(front, body=True) == []


@settings(max_examples=200, deadline=None)
@given(
    st.integers(9_900, 10_100),
    st.lists(st.tuples(CLOZE_WORDS, st.sampled_from(["", "::a hint", "::h"])), max_size=40),
)
def test_a_cloze_over_the_side_limit_is_over_it_whatever_deletions_are_left_as_text(
    padding: int, deletions: list[tuple[str, str]]
) -> None:
    """lint.without_shown_answers skips a cloze text `notes.over_side_limit` calls too long
    (render leaves it out or refuses it): a 714 KB changelog took 50 s there. That changes no
    card only if no choice of deletions left as text could bring it under the limit."""
    from builder.notes import MAX_FIELD_CHARS, NUMBERED_DELETION, over_side_limit

    items = [f"- {{{{c{n}::{word}{hint}}}}}" for n, (word, hint) in enumerate(deletions, 1)]
    front = "x" * padding + "\n" + "\n".join(items)
    if over_side_limit(front):
        plainest = NUMBERED_DELETION.sub(lambda m: m.group(2).split("::", 1)[0], front)
        assert len(plainest) > MAX_FIELD_CHARS
    else:
        assert (
            len(front) <= MAX_FIELD_CHARS
            or len(NUMBERED_DELETION.sub(lambda m: m.group(2).split("::", 1)[0], front))
            <= MAX_FIELD_CHARS
        )


@given(st.text(alphabet="ab 09²٣½x", max_size=12) | st.text(max_size=20))
def test_the_digit_look_by_regex_finds_what_isdigit_finds(text: str) -> None:
    """Encouragement is no fact unless it holds a digit (`text.is_pep_talk`): ASCII text is
    searched with a regex, the rest character by character (`²` is a digit to `isdigit`)."""
    from builder.text import _has_digit

    assert _has_digit(text) == any(char.isdigit() for char in text)


ROOTS = st.sets(st.text(alphabet="abc", min_size=1, max_size=6), max_size=6)


@given(ROOTS, ROOTS, st.integers(1, 6), st.integers(0, 4))
def test_the_roots_shown_are_counted_as_same_root_counts_them(
    roots: set[str], shown: set[str], least: int, needed: int
) -> None:
    """A deletion another line of its card restates (`lint._facet_hints`): the count with its
    prefix look-ups and its early stop says what the sum of `_same_root` over every pair says."""
    from builder.lint import _roots_shown, _same_root

    counted = sum(any(_same_root(root, other, least) for other in shown) for root in roots)
    assert _roots_shown(roots, shown, least, needed) == (counted >= needed)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.text(alphabet="aAb 1*", min_size=0, max_size=8), max_size=6),
    st.text(alphabet="ab 1", max_size=20),
)
def test_deletions_looked_up_by_their_opening_match_the_plain_scan(
    parts: list[str], text: str
) -> None:
    """prose_fact finds a list note's deletion in an item as `any(part in text)` does."""
    front = " ".join(f"{{{{c{n}::{part}}}}}" for n, part in enumerate(parts, 1))
    scan = [plain(found).lower() for found in DELETION.findall(front)]
    expected = any(len(part) > 2 and part in text for part in scan)
    assert holds_deletion(text, _deletions(front)) == expected


def test_a_long_lists_deletions_are_read_once_not_once_per_item(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A list of thousands of long items, each a deletion ("Cold pack {{15 minutes, three times
    a day}} …"), took seconds per thousand items: each item read all the note's deletions."""
    reads: list[str] = []
    real = DELETION

    class Counted:
        def findall(self, text: str) -> list[str]:
            reads.append(text)
            return real.findall(text)

    monkeypatch.setattr(prose_fact, "DELETION", Counted())
    items = "".join(
        f"- Cold pack {n} minutes three times a day to ease the pain and swelling after the walk\n"
        for n in range(40)
    )
    source = tmp_path / "rehab.md"
    source.write_text(f"# Knee\n\n## Rehab\n\n{items}", encoding="utf-8")
    result = CliRunner().invoke(cli, ["cards", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert any("{{c40::" in note["front"] for note in json.loads(result.output))
    assert len(reads) == 1, len(reads)  # the one list note's front


def test_a_heading_in_capitals_reads_each_word_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Whether "COOL" stays in capitals depends on the heading's other words ("COOL THE PERSON",
    "HIV AND AIDS"): each word was read against all the others, and a heading of 10,000 such
    words took over a minute. Each word's spelling is now read once."""
    import builder.text as text

    calls: list[str] = []
    real = text._word_shaped

    def counted(word: str) -> bool:
        calls.append(word)
        return real(word)

    monkeypatch.setattr(text, "_word_shaped", counted)
    heading = " ".join(["COOL", "THE", "SEAL"] * 300)
    assert text._sentence_case(heading).startswith("Cool the seal cool")
    assert len(calls) <= 900, len(calls)


HEADINGS = st.sampled_from(
    [
        "Asthma", "2. Pulse", "Overview", "Key points", "Limitations", "Clinical pearls",
        "Tips regarding inspection", "When to See a Doctor", "Management: Nutrition",
        "Why Use It?", "Technique Matters!", "Hounsfield units (HU)", "Korrin fever", "Notes",
    ]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.lists(HEADINGS, min_size=1, max_size=4).map(tuple), min_size=1, max_size=6),
    st.frozensets(st.sampled_from(["when to see a doctor", "limitations", "overview"])),
    st.sampled_from(["", "synthetic hepatology"]),
)
def test_a_sections_subject_worked_out_once_is_the_headings_subject(
    paths: list[tuple[str, ...]], facets: frozenset[str], topic: str
) -> None:
    """`Context.subject` keeps `heading_subject`'s answer for a section's headings and the
    document's facets: asked again, in any order, it is the answer worked out afresh."""
    from builder.document import Section
    from builder.rules.context import Context
    from builder.text import heading_subject

    ctx = Context("Doc", "doc.md", topic, facets=facets)
    for path in [*paths, *reversed(paths)]:
        section = Section(path[-1], len(path), path, 1)
        headings = path[1:] if not topic and path[:1] == ("Doc",) else path
        assert ctx.subject(section) == heading_subject(headings, facets)


@pytest.mark.parametrize(
    "source",
    sorted((Path(__file__).parent / "documents").glob("*.md"))
    + sorted((Path(__file__).parent / "fixtures" / "rules").glob("*.md")),
    ids=lambda path: path.name,
)
def test_a_last_resort_is_given_every_note_made_before_it(
    source: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """document_notes hands a last-resort rule (`Rule.fallback`) a new Context only when the
    section's rules made more notes since the last one: the notes it is told are always all
    those made before it in the section, in order."""
    from dataclasses import replace

    import builder.extract as extract
    from builder.manifest import manifest_for_document
    from builder.routing import route

    made: dict[int, list[object]] = {}
    checked = []

    def watched(rule):  # type: ignore[no-untyped-def]
        def run(section, ctx):  # type: ignore[no-untyped-def]
            if rule.fallback:
                assert ctx.made == tuple(made.get(id(section), []))
                checked.append(rule.name)
            notes = rule.extract(section, ctx)
            made.setdefault(id(section), []).extend(notes)
            return notes

        return replace(rule, extract=run) if "document" not in rule.reads else rule

    monkeypatch.setattr(extract, "RULES", tuple(watched(rule) for rule in extract.RULES))
    parsed = document.parse_document(source.resolve())
    manifest = manifest_for_document(parsed)
    extract.document_notes(manifest, parsed, route(manifest, parsed).routes)
    assert checked or not made


def test_questions_asked_once_compare_only_notes_sharing_their_words(tmp_path: Path) -> None:
    """Thousands of `- Bed 12: checked hourly` items under one lead-in, each asked "Bed N?": the
    notes asking the same were found by comparing each with every earlier one of its section
    opening with the same word (3,000 items: 20 s, quadratic); now only notes whose attributes
    share their words besides the subject's are compared. Two asking the same still merge."""
    items = "".join(f"- Bed {n}: checked every {n % 7 + 1} hours\n" for n in range(3_000))
    source = tmp_path / "wards.md"
    source.write_text(f"# Wards\n\n## Checks\n\nThe beds are checked as follows:\n\n{items}")
    result = CliRunner().invoke(cli, ["cards", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert len(json.loads(result.output)) == 3_000
    twice = "# Rash\n\n## Korrin rash\n\n- Causes: ticks\n- Causes of korrin rash: heat\n"
    source.write_text(twice)
    result = CliRunner().invoke(cli, ["cards", str(source), "--format", "json"])
    [note] = json.loads(result.output)
    assert "ticks" in note["back"] and "heat" in note["back"]


SENTENCE_BITS = st.sampled_from(
    ["e.g.", "i.e.", "vs.", "etc.", "ge.", "a", "Ab", "é", ".", "!", "?", '"', "”", "“", "(", "*",
     "_", "1", " ", "  ", "\n", "\t", "\xa0"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(SENTENCE_BITS, max_size=24).map("".join) | st.text(max_size=30))
def test_the_sentence_breaks_opening_with_white_space_split_as_the_look_behinds_did(
    text: str,
) -> None:
    """definition's `_SENTENCE` and `_POINT_BREAK` open with the white space (the regex engine
    skips ahead to it) instead of their look-behinds (tried at every position): the same
    breaks, in single-spaced text and any other."""
    import re

    from builder.rules import definition

    sentence = re.compile(
        r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\betc\.)(?<=[.!?])\s+(?=[A-Z“\"(*_])"
    )
    point = re.compile(
        r"(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\betc\.)(?:(?<=[.!?])|(?<=[.!?][\"”]))"
        r"\s+(?=[A-Z“\"(*_])"
    )
    for joined in (text, " ".join(text.split())):
        assert definition._SENTENCE.split(joined) == sentence.split(joined)
        assert definition._POINT_BREAK.split(joined) == point.split(joined)
        assert bool(definition._SENTENCE.search(joined)) == bool(sentence.search(joined))


STATISTICS_BITS = st.sampled_from(
    ["confidence interval", "Odds Ratio", "hazard ratios", "RISK RATIO", "relative risk",
     "p-value", "P values", "spline", "mixed effect", "Cox regression", "regression models",
     "random intercepts", "propensity", "statistically significant", "significantly different",
     "standard deviation", "interquartile", "95% CI", "95 %CI", "aOR 0.4", "HR: .5", "OR=1.2",
     "p < 0.05", "P=.01", "p ≤ .1", "cohort", "ratio", "ci", "or", "hr", " ", "s", "ſ", "K",
     "\u212a", "İ", "x", "1", ".", ","]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(st.lists(STATISTICS_BITS, max_size=8).map("".join) | st.text(max_size=30))
def test_the_statistics_gate_skips_only_sentences_the_pattern_cannot_match(text: str) -> None:
    """figure.reports_statistics looks for a part of every statistic's words with `in` before
    its pattern: the same answer."""
    from builder.rules import figure

    assert figure.reports_statistics(text) == (figure._STATISTICS.search(text) is not None)


GATE_BITS = st.sampled_from(
    ["green", "Red", "GREY", "bold colour", "highlighted in ", "rows in ", " text", "items ",
     "call", "Phone", "e-mail", "link", "see also", "See the page", "https://", "www.", "@",
     "include", "such as", "are", "IS", "as follows", "..", "…", ":", "if", "When", "unless",
     "whenever", "including", "and", "for", ",", "/", "+", ";", "&", " - ", " – ", "—", "4 - 6",
     "a", "b", "E", "s", "g", "ſ", "\u212a", "é", "_", "1", " ", "\n", "\t", "?", ")", "*"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(GATE_BITS, max_size=10).map("".join) | st.text(max_size=30))
@example("Words highlighted in bold colour are key")
@example("References for further reading")
def test_the_cheap_looks_before_searched_patterns_change_no_answer(text: str) -> None:
    """Each pattern that tries its words at every position is asked only after a cheap look
    (`in`, or the text's last character) says it could match: the same answers."""
    from builder import document, kinds
    from builder import text as text_module
    from builder.rules import leads, measure, statements

    said = text_module.plain(text)
    assert text_module.names_by_colour(text) == (text_module._IN_COLOUR.search(said) is not None)
    assert measure._contact(text) == (measure._CONTACT.search(text) is not None)
    assert leads._ends_as_lead(text) == (leads._SENTENCE_END.search(text) is not None)
    assert document._opens_clause(text) == (document._OPEN_CLAUSE.search(text) is not None)
    pair, found = statements._pair(text), statements._PAIR.match(text)
    assert (pair and pair.groups()) == (found and found.groups())
    heading = kinds.heading_text(text)
    whole = kinds._whole(heading) if heading else None
    parts = [kinds._whole(part) for part in kinds._PARTS.split(heading) if part]
    split = parts[0] if len(parts) >= 2 and all(parts) else None
    assert kinds.heading_kind.__wrapped__(text) == (whole or split if heading else None)


@settings(max_examples=400, deadline=None)
@given(st.lists(FIGURE_BITS, max_size=8).map("".join) | st.text(max_size=30))
@example("more than ٣ mg")
def test_a_figure_is_looked_for_only_in_text_with_a_digit(text: str) -> None:
    """text.figure_in asks `FIGURE` only of text with a digit (every branch of it has one)."""
    from builder.text import FIGURE, figure_in

    assert figure_in(text) == (FIGURE.search(text) is not None)


_WORDS = st.frozensets(st.sampled_from([f"w{n}" for n in range(12)]), max_size=10)


@given(st.lists(_WORDS, max_size=12), _WORDS)
@settings(max_examples=400, deadline=None)
def test_restated_read_from_bits_finds_what_comparing_every_note_finds(
    notes: list[frozenset[str]], answer: frozenset[str]
) -> None:
    """context.restated reads each word's notes as an int's bits and keeps, for each count of
    words missed, the notes missing no more: it answers as comparing the answer with every
    note does (one holding 4 in 5 of its words)."""
    said: dict[str, list[int]] = {}
    for index, words in enumerate(notes):
        for word in words:
            said.setdefault(word, []).append(index)
    holding = {word: (len(indices), context._bits(indices)) for word, indices in said.items()}
    every = any(len(answer & words) * 5 >= len(answer) * 4 for words in notes if words & answer)
    assert context.restated(answer, holding) == (bool(answer) and every)


def _note(rule: str, kind: str, front: str, back: str = "") -> Note:
    return Note(rule, kind, front, back, Source("a.md", "A", ("S",), 1), (rule, front))  # type: ignore[arg-type]


def _every_cloze_compared(notes: list[Note]) -> list[Note]:
    """`_one_cloze_each` as round 28 wrote it: each note compared with every earlier one."""
    seen: dict[tuple[str, ...], list[frozenset[str]]] = {}
    kept = []
    for note in notes:
        if note.note_type != "cloze" or note.rule in context._ASKED_ONCE:
            kept.append(note)
            continue
        hidden = tuple(plain(part).strip().lower() for part in DELETION.findall(note.front))
        if len(hidden) < context.MIN_CLOZE_REPEAT_DELETIONS:
            kept.append(note)
            continue
        told = plain(DELETION.sub(" ", note.front.rpartition(": ")[2])).lower()
        stems = frozenset(word[:4] for word in told.split() if len(word) > 2)
        earlier = seen.setdefault(hidden, [])
        if any(
            context._restates(stems, other, context.MIN_CLOZE_REPEAT_WORDS) for other in earlier
        ):
            continue
        earlier.append(stems)
        kept.append(note)
    return kept


_CLOZE_BITS = st.sampled_from(
    ["{{c1::5 mg}}", "{{c2::10 mg}}", "{{c1::bd}}", "dose", "daily", "with", "food", "aspirin",
     "given", "adults", "children", "at", "in", "Dose:", "x", "oral", "route", "start", "slowly"]
)  # fmt: skip


@given(
    st.lists(
        st.tuples(
            st.sampled_from(["measure", "prose_fact", "table"]),
            st.sampled_from(["cloze", "basic"]),
            st.lists(_CLOZE_BITS, max_size=12).map(" ".join),
        ),
        max_size=14,
    )
)
@example(  # the later note shares its four commoner stems with the earlier one, not its rarest
    [("measure", "cloze", f"{words} {{{{c1::5 mg}}}} {{{{c2::10 mg}}}}")
     for words in ("dose daily with food", "dose daily with food aspirin")]
)  # fmt: skip
@settings(max_examples=400, deadline=None)
def test_one_cloze_each_comparing_the_rarest_stems_keeps_what_comparing_all_keeps(
    made: list[tuple[str, str, str]],
) -> None:
    """_one_cloze_each compares a note only with the earlier ones holding one of its rarest
    stems, and not at all when it has too few: it keeps the notes comparing every pair keeps."""
    notes = [_note(rule, kind, front) for rule, kind, front in made]
    assert context._one_cloze_each(notes) == _every_cloze_compared(notes)


STAMP_BITS = st.sampled_from(
    [" ", "\t", ",", ";", "&", " and ", "(", ")", "[0:01]", "[12:30:05]", "[02:00](u?t=1)",
     '<a class="t">[00:02:00]</a>', "x", ".", "\n", ":"]
)  # fmt: skip
_SQUARE_TIMESTAMP = (  # the pattern as r29forms wrote it: a line of blanks cost its square
    r"(?P<sep>[ \t]*[,;])?[ \t]*(?:\([ \t]*{s}[ \t]*\)|{s})"
    r"(?P<end>(?=[ \t]*(?:[.,;:!?)\]]|\n|$)))?"
)


@settings(max_examples=600, deadline=None)
@given(st.lists(STAMP_BITS, max_size=12).map("".join))
@example("Negative ,  [0:01] , [0:02].")
def test_timestamps_dropped_from_a_runs_first_blank_are_the_ones_dropped_before(text: str) -> None:
    """dialects._TIMESTAMP starts a match only at the first blank of a run, and reads blanks
    between stamps one way: the same text as the pattern that tried every blank."""
    import re

    from builder import dialects

    stamps = rf"{dialects._ONE_STAMP}(?:[ \t]*(?:[,;&]|and)?[ \t]*{dialects._ONE_STAMP})*"
    square = re.compile(_SQUARE_TIMESTAMP.format(s=stamps))
    assert dialects._TIMESTAMP.sub(dialects._drop_stamps, text) == square.sub(
        dialects._drop_stamps, text
    )


@given(
    st.lists(
        st.sampled_from(["The", "metastases", "liver", "diagnosis", "of", "a", "IV", "**bold**",
                         "x2", "doses", "Dose", "[link](u)", "cases", "é", "-", "is"]),
        max_size=12,
    ).map(" ".join),
    st.sampled_from([1, 3]),
    st.booleans(),
)  # fmt: skip
@settings(max_examples=300, deadline=None)
def test_content_words_from_the_stem_dict_are_the_words_stemmed_one_by_one(
    text: str, min_length: int, full: bool
) -> None:
    """content_words looks each word's stem up in a dict that fills itself (and stops filling
    at MAX_STEMS): the words are each word's `_content_stem`, stopwords and short words out."""
    import builder.text as text_module

    one_by_one = {text_module._content_stem(word, min_length) for word in text_module.words(text)}
    with pytest.MonkeyPatch.context() as patch:
        if full:
            patch.setattr(text_module, "MAX_STEMS", 0)
            patch.setattr(text_module, "_STEMS", {})
        assert text_module.content_words.__wrapped__(text, min_length) == one_by_one - {""}


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("_a _b_ c", "_a b c"),  # the inner pair, as CommonMark reads it (not "a _b c")
        ("ALPHA_IV_LOAD and _x_", "ALPHA_IV_LOAD and x"),
        ("__bold__ and x_2_y", "bold and x_2_y"),
        ("_a_b_ and __x _ y__", "a_b and x _ y"),
        ("_a " * 3 + "x", "_a _a _a x"),
    ],
)
def test_an_underscore_run_holds_no_underscore_that_could_open_one(
    markdown: str, text: str
) -> None:
    """What keeps `_a _a _a …` linear: a try stops at the next opener instead of the line's end."""
    assert plain(markdown) == text


def _joins_one_by_one(number: int, found: list[tuple[str, str] | None]) -> bool:
    """The per-item check `joining_siblings` replaces: every sibling's figures read again."""
    from builder.rules.definition import _FIGURES

    pair = found[number]
    halves = plain(pair[1]).split("/") if pair is not None else []
    if len(halves) != 2:
        return False
    wanted = [tuple(_FIGURES.findall(half)) for half in halves]
    if not all(wanted):
        return False
    others = [
        tuple(_FIGURES.findall(plain(other[1])))
        for index, other in enumerate(found)
        if other is not None and index != number and "/" not in other[1]
    ]
    if wanted[0] == wanted[1]:
        return others.count(wanted[0]) >= 2
    return wanted[0] in others and wanted[1] in others


_VALUES = st.sampled_from(
    ["1", "2", "1/2", "2/1", "1/1", "x/y", "1 mg", "1/2/3", "&#47;1", "2 &#47; 2"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.none(), st.tuples(st.just("Term"), _VALUES)), max_size=8))
def test_slashed_items_found_once_per_list_are_those_found_one_by_one(
    found: list[tuple[str, str] | None],
) -> None:
    from builder.rules.definition import joining_siblings

    expected = {number for number in range(len(found)) if _joins_one_by_one(number, found)}
    assert joining_siblings(found) == expected


_CELLS = st.sampled_from(["TBW", "Max", "Max / Notes", "max notes", "Dose", "tbw", "", "IBW"])


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.lists(st.lists(_CELLS, min_size=2, max_size=2), min_size=1, max_size=3), max_size=2
    ),
    st.lists(_CELLS, max_size=6),
)
def test_legend_lines_found_once_per_list_are_those_found_one_by_one(
    tables: list[list[list[str]]], terms: list[str]
) -> None:
    """`legend_columns` reads each table once; a term is a legend as the per-term check had it:
    a header of some table, whose cells spell another term of the list."""
    from builder.document import Section, Table, TableRow
    from builder.rules.table import _folded, legend_columns

    blocks = tuple(
        Table(
            tuple(rows[0]),
            tuple(TableRow(tuple(row), 2 + at) for at, row in enumerate(rows[1:])),
            1,
        )
        for rows in tables
    )
    section = Section("Legend", 1, ("Legend",), 1, blocks)

    def one_by_one(term: str) -> bool:
        name = _folded(term)
        for block in blocks:
            if name not in {_folded(cell) for cell in block.header}:
                continue
            cells = {_folded(cell) for row in block.rows for cell in row.cells}
            if any(_folded(other) in cells for other in terms if _folded(other) != name):
                return True
        return False

    assert legend_columns(terms, section) == {term for term in terms if one_by_one(term)}


_PATHS = st.lists(
    st.sampled_from(["Notes", "Low", "High", "Cold", "Skin", "Tables"]), min_size=1, max_size=3
).map(tuple)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.tuples(_PATHS, st.sampled_from(["Skin", "Gut"]), st.sampled_from(["pale", "flushed"])),
        max_size=8,
    )
)
def test_tables_told_apart_by_sorted_neighbours_are_those_told_apart_pair_by_pair(
    tables: list[tuple[tuple[str, ...], str, str]],
) -> None:
    """`rows_apart` finds the deepest heading a section shares with another asking the same row
    (with another answer, or alike in a table of the same header row) from its neighbours in
    sorted order; comparing every pair gives the same subjects."""
    from builder.document import Section, Table, TableRow
    from builder.rules.table import _heading_subject, _row_questions, _shared, rows_apart

    by_path: dict[tuple[str, ...], list[Table]] = {}
    for path, label, answer in tables:
        by_path.setdefault(path, []).append(
            Table(("System", "Sign"), (TableRow((f"**{label}**", answer), 3),), 1)
        )
    sections = [Section(path[-1], 1, path, 1, tuple(blocks)) for path, blocks in by_path.items()]
    asked: dict[tuple[str, str], dict[tuple[str, ...], set[str]]] = {}
    for section in sections:
        for block in section.blocks:
            assert isinstance(block, Table)
            for pair, answer in _row_questions(block):
                asked.setdefault(pair, {}).setdefault(section.path, set()).add(answer)
    partners: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
    for paths in asked.values():
        if len(paths) < 2:
            continue  # asked once; asked twice, with other answers or alike by tables of one
            # header row (every table here has the same): told apart either way
        for path in paths:
            partners.setdefault(path, set()).update(other for other in paths if other != path)
    expected = {}
    for path, others in partners.items():
        depth = max(_shared(path, other) for other in others)
        expected[path] = _heading_subject(path[depth] if depth < len(path) else path[-1])
    assert rows_apart(sections) == expected


def _plain_stem(word: str) -> str:
    """text._stem as it read before its early exits: every suffix tried in turn."""
    for suffix in ("ases", "asis", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


@settings(max_examples=800, deadline=None)
@given(st.text(alphabet="aeisx1", max_size=9) | st.text(max_size=12))
def test_a_stem_found_by_its_last_letter_is_the_stem_every_suffix_gives(word: str) -> None:
    """text._stem looks at the word's last letter before trying its suffixes (all end in "s";
    only an "e" is taken off otherwise): the same stem as trying each suffix."""
    assert text._stem(word) == _plain_stem(word)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="abes ", max_size=12), max_size=30), st.integers(1, 3))
def test_content_words_through_a_stem_dict_that_starts_afresh_are_the_words(
    texts: list[str], min_length: int
) -> None:
    """The stem dict starts afresh when full (`MAX_STEMS`, small here): every text's content
    words are still each word's `_content_stem`, and the dict never holds more than its bound."""
    stems = text._Stems(min_length)
    saved = text.MAX_STEMS
    text.MAX_STEMS = 4
    try:
        for each in texts:
            found = {stems[word] for word in text.words(each)} - {""}
            assert found == {text._content_stem(word, min_length) for word in text.words(each)} - {
                ""
            }
            assert len(stems) <= 4
    finally:
        text.MAX_STEMS = saved


PAGE_BITS = st.sampled_from(
    [
        "Page",
        "PAGE",
        "page",
        "pAgE",
        " ",
        "\t",
        "2",
        "٣",
        "12",
        " of ",
        " OF ",
        "\n",
        "\r\n",
        "x",
        "İ",
        "ſ",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(PAGE_BITS, max_size=16).map("".join) | st.text(max_size=30))
def test_the_page_number_gate_skips_only_text_the_pattern_cannot_match(text: str) -> None:
    """dialects._from_pdf looks for a literal "page", spaces and a digit in the lower-cased text
    before the case-blind page-number pattern: no text it skips has a page number."""
    if dialects._PAGE_NUMBER.search(text) is not None:
        assert dialects._PAGE_NUMBER_START.search(text.lower()) is not None


def _plain_fact(note: Note) -> tuple[frozenset[str], frozenset[str]] | None:
    """`extract._fact` as stop 31 wrote it: every answer split into words, each word's
    characters looked at one by one."""
    if note.note_type == "cloze":
        answer = " ".join(found.group(1) for found in DELETION.finditer(note.front))
        text_ = DELETION.sub(r"\1", note.front) + f" {note.back}"
    else:
        answer, text_ = note.back, f"{note.front} {note.back}"

    def words(said: str) -> frozenset[str]:
        found = (word.strip(extract._AROUND) for word in plain(said).lower().split())
        return frozenset(word for word in found if word and word not in extract._SMALL_WORDS)

    figures = frozenset(word for word in words(answer) if any(c.isdigit() for c in word))
    return (words(text_), figures) if figures else None


FACT_BITS = st.sampled_from(
    ["{{c1::", "}}", "::hint", "2", "٣", "²", "½", "10 mg", " ", "the", "A", "**", "_", "<br>",
     "[x](y)", "\\*", "(", ")", ".", "“", "Dose", "İ", "ǅ"]
)  # fmt: skip


@settings(max_examples=600, deadline=None)
@given(
    st.sampled_from(["basic", "cloze"]),
    st.lists(FACT_BITS, max_size=10).map("".join) | st.text(max_size=20),
    st.lists(FACT_BITS, max_size=10).map("".join) | st.text(max_size=20),
)
def test_a_fact_read_only_from_answers_with_a_digit_is_the_fact(
    kind: str, front: str, back: str
) -> None:
    """extract._fact splits an answer into words only when some character of it is a digit
    (no word can hold one otherwise: plain and lower add none), and a cloze's text only when
    its deletions hold a figure: the same words and figures as splitting every note."""
    note = _note("table", kind, front, back)
    assert extract._fact(note) == _plain_fact(note)


def _plain_glyph_lists(text: str) -> str:
    """`dialects.glyph_lists` as stop 31 wrote it: every pattern searched over the whole text,
    letter bullets by a multi-line `^`."""
    import re

    letter = re.compile(r"(?m)^[ \t]*([qo§])[ \t]+[A-Z0-9#]")
    counts: dict[str, int] = {}
    for found in letter.finditer(text):
        counts[found.group(1)] = counts.get(found.group(1), 0) + 1
    letters = frozenset(each for each, count in counts.items() if count >= 2)
    glyphs = any(glyph in text for glyph in dialects._GLYPHS)
    arrows = dialects._ARROW_GLYPH.search(text) is not None
    converted = dialects._CONVERTED_GLYPH.search(text) is not None
    blank = dialects._LEFT_BLANK.search(text) is not None
    numerals = "I." in text and "II." in text
    if not (glyphs or arrows or converted or letters or blank or numerals):
        return text
    lines = text.split("\n")
    outside = list(dialects._outside_fences(lines))
    if glyphs or arrows or converted or letters:
        dialects._glyph_items(lines, outside, letters)
    if converted or letters or blank:
        dialects._page_chrome(lines, outside, converted or bool(letters))
    if numerals:
        dialects._numeral_items(lines, outside)
    return "\n".join(lines)


GLYPH_BITS = st.sampled_from(
    ["\n", "\r\n", " ", "\t", "q ", "o ", "§ ", "Q ", "O ", "Venous", "bien", "1. ", "#", "• ",
     "➢ ", "\uf0b7 ", "177", "This page intentionally left blank", "PAGE İNTENTİONALLY LEFT BLANK",
     "page ıntentionally blan\u212a", "I. Name (x): y", "II. Other: z", "```", "~~~", "- ", "ſ"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(GLYPH_BITS, max_size=14).map("".join) | st.text(max_size=30))
@example("o A\no B")
@example("x\nq 1. A\n  q B")
@example("Page intentionally left blank")
@example("page ıntentionally left blank\n")
def test_glyph_lists_looking_only_where_a_pattern_can_match_reads_as_before(text: str) -> None:
    """dialects.glyph_lists skips the glyph, arrow and symbol-font patterns in ASCII text (none
    can match there), the left-blank pattern in ASCII text without "intentionally" in its lower
    case, and finds letter bullets after a line break: the same text as searching everything."""
    assert dialects.glyph_lists(text) == _plain_glyph_lists(text)


MARGIN_BITS = st.sampled_from(
    ["\n", "\r\n", "\r", " ", "\t", "*", "**", "_", "__", "Label", "<", "</", "<p>", "<H2 x>",
     "<li", "<hr/>", "<br>", "x", "A sentence", ".", "\u2028", "\x85"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(MARGIN_BITS, max_size=14).map("".join) | st.text(max_size=30))
@example("**Label** A sentence")
@example("x\n<p>")
def test_a_literal_look_for_a_mark_at_a_lines_start_skips_only_texts_without_a_match(
    text: str,
) -> None:
    """dialects.run_in_labels and exports.raw_html look for a line opening with `*`, `_` or `<`
    (after a line break or at the start: where `(?m)^` matches) before their patterns: no text
    they skip holds a match."""
    import builder.exports as exports

    if not (text.startswith(("*", "_")) or "\n*" in text or "\n_" in text):
        assert dialects._RUN_IN.search(text) is None
        assert dialects.run_in_labels(text) == text
    if not (text.startswith("<") or "\n<" in text):
        assert exports._READ_START.search(text) is None
        assert exports.raw_html(text) == text


LINE_END_BITS = st.sampled_from(
    ["\n", "\r\n", "\r", " ", "  ", "\t", "text", "Page 2 of 4", "- ", "* ", "1. ", "12) ", ">",
     " >", "\t>", ">=", "5", "-> 6", "x"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(LINE_END_BITS, max_size=30).map("".join) | st.text(max_size=30))
@example("a \n" * 12)
@example("a \r\r\n" * 12)
@example("- > 5")
def test_literal_looks_for_a_lines_end_or_a_sign_skip_only_texts_without_them(text: str) -> None:
    """dialects._from_pdf lists the lines only of a text with a line ending in a space (`" \\n"`,
    `" \\r"`, or a space at its end), and comparisons searches its pattern only in a text with a
    space or tab before a `>`: the same answers as reading every text."""
    filled = [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    spaced = sum(1 for line in filled if line.endswith(" ") and not line.endswith("  "))
    paged = len(dialects._PAGE_NUMBER.findall(text)) >= dialects._MIN_PAGES
    assert dialects._from_pdf(text) == (paged or (len(filled) >= 10 and spaced * 2 > len(filled)))
    if " >" not in text and "\t>" not in text:
        assert dialects._COMPARISON.search(text) is None


_SAID = st.lists(st.sampled_from([f"word{n}" for n in range(9)]), max_size=9).map(" ".join)


@given(st.lists(st.tuples(st.sampled_from(["faq", "table", "definition"]), _SAID), max_size=10))
@settings(max_examples=400, deadline=None)
def test_no_author_repeats_counting_only_notes_sharing_enough_words_keeps_what_all_keep(
    made: list[tuple[str, str]],
) -> None:
    """context._no_author_repeats numbers apart only the notes sharing five wanted words or more
    (fewer restate no answer of six words or more): it drops the flashcards comparing each
    with every other rule's note drops (one holding 4 in 5 of its answer's words)."""
    notes = [_note(rule, "basic", f"Q{index}: A?", said) for index, (rule, said) in enumerate(made)]

    def restated_by_any(answer: frozenset[str]) -> bool:
        return any(
            len(answer & context._meaning(f"A? {note.back}")) * 5 >= len(answer) * 4
            for note in notes
            if note.rule != "faq"
        )

    kept = [
        note
        for note in notes
        if note.rule != "faq"
        or len(answer := context._meaning(note.back)) < context.MIN_RESTATED_WORDS
        or not restated_by_any(answer)
    ]
    assert context._no_author_repeats(notes) == kept


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(_CELLS, min_size=2, max_size=3), min_size=2, max_size=5),
    st.sampled_from([None, "Dose", "max notes"]),
)
def test_a_table_read_again_gives_its_first_reading_and_forgets_it_when_gone(
    rows: list[list[str]], preferred: str | None
) -> None:
    """`read_table` keeps each table's reading while the table lives (`rows_apart` reads every
    table before the rules read each again): the kept reading is the one worked out afresh, and
    it goes with its table, so a document's readings leave memory with the document."""
    import gc

    from builder.document import Table, TableRow
    from builder.rules import table as tables

    width = min(map(len, rows))
    made = Table(
        tuple(rows[0][:width]),
        tuple(TableRow(tuple(row[:width]), 2 + at) for at, row in enumerate(rows[1:])),
        1,
    )
    first = tables.read_table(made, preferred)
    assert tables.read_table(made, preferred) is first
    assert first == tables._read(made, preferred)
    number = id(made)
    assert number in tables._READINGS
    del made
    gc.collect()
    assert number not in tables._READINGS


HEADING_BITS = st.sampled_from(
    ["\n", "\r\n", " ", "   ", "    ", "\t", "#", "##", "###", "#######", "## ", "##x", "##Stones",
     "##2", "##_", "##é", "#tag", "Risk", "---\n", "```\n", "x", "**", "**a **b", "** c", "(", "."]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(HEADING_BITS, max_size=16).map("".join) | st.text(max_size=30))
@example("##Stones\n###Risk factors")
@example("   ##é")
@example("#######a")
def test_spaceless_headings_looked_for_after_glued_hashes_are_those_found_everywhere(
    text: str,
) -> None:
    """dialects.spaceless_headings searches its line-anchored pattern only in a text where two
    hashes touch a letter: a text it skips holds no match, so it finds what it found before."""
    if dialects._GLUED_HASHES.search(text) is None:
        assert dialects._SPACELESS.search(text) is None
        assert dialects.spaceless_headings(text) == ()


@settings(max_examples=800, deadline=None)
@given(st.lists(HEADING_BITS, max_size=16).map("".join) | st.text(max_size=30))
@example("**no signs **(see below)")
@example("**5 g **IM")
@example("**a **b**")
def test_spaced_bold_closed_only_in_text_with_two_stars_is_the_pattern_everywhere(
    text: str,
) -> None:
    """dialects._spaced_emphasis leaves a text without `**` as it is: the pattern's substitution
    over every text gives the same."""
    assert dialects._spaced_emphasis(text) == dialects._SPACED_CLOSE.sub(
        dialects._closed_bold, text
    )


PASS_GATE_BITS = st.sampled_from(
    ["\n", "\r\n", " ", "  ", "\t", "-", "---", "----", " ---", "--- ---", "|---|---|", "**",
     "***", " -**", " –**", " —**", ".**", ";**", "!**", "?**", "x", "**Label**", "：", "？", "！",
     "。", "é", "Term"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(PASS_GATE_BITS, max_size=16).map("".join) | st.text(max_size=30))
@example("------  -----\n")
@example("**BNP –** raised in failure.")
@example("Stop.**Next** step")
@example("答案？")
def test_whole_text_gates_opening_with_a_literal_answer_as_the_patterns_did(text: str) -> None:
    """The gates in front of `pandoc_tables`, `_full_width`, `_dashed_labels` and
    `_glued_labels` look for a literal first (`--- +---`, `**`) or skip ASCII text: each says
    a text needs its rewrite exactly when the pattern it stands for finds a match."""
    gates = {step.__name__: used for step, used in dialects._STEPS}
    assert gates["_full_width"](text) == (re.search(r"[：？！。]", text) is not None)
    assert gates["_dashed_labels"](text) == (re.search(r" [-–—]\*\*", text) is not None)
    assert gates["_glued_labels"](text) == (re.search(r"[.;!?]\*\*[^\s*]", text) is not None)
    if dialects._DASH_PAIR.search(text) is None:
        assert dialects._DASH_RULE.search(text) is None
        assert dialects.pandoc_tables(text) is text


DASH_BITS = st.sampled_from(["-", "--", "---", "a", "é", "Z", "1", "٣", "_", " ", "\n"])


@settings(max_examples=800, deadline=None)
@given(st.lists(DASH_BITS, max_size=14).map("".join) | st.text(max_size=30))
@example("ACE--inibitori")
@example("10--20")
@example("a--1")
def test_the_pandoc_dash_gate_opens_with_its_dashes_and_finds_what_the_pattern_found(
    text: str,
) -> None:
    """`_pandoc_dashes`' gate looks for `--` first, then the letters or digits around it: it
    says a text needs the rewrite exactly when the pattern it replaced (a letter or digit
    first, tried at every position) finds a match."""
    gates = {step.__name__: used for step, used in dialects._STEPS}
    plain_way = re.search(r"(?:[^\W\d_]--[^\W\d_]|\d--\d)", text) is not None
    assert gates["_pandoc_dashes"](text) == plain_way


SLOT_BITS = st.sampled_from(
    ["_", "__", "___", "\\_", ":", " ", "**", "yes", "YES", "/", " / ", "no", "Y", "N", "y/n",
     "Y/N", "x", "Allergies", "\n", "é"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(SLOT_BITS, max_size=12).map("".join) | st.text(max_size=30))
@example("Allergies: ___")
@example("Smoker: yes / no")
@example("Diabetic Y/N")
def test_the_slot_gate_searches_only_items_that_can_hold_a_slot(text: str) -> None:
    """`kinds._has_slot` passes an item with neither `_` nor `/` without the search: it says
    the item holds a slot exactly when `_BLANK_SLOT` finds one."""
    item = ListItem(text, 1)
    assert kinds._has_slot(item) == (kinds._BLANK_SLOT.search(text) is not None)


MEASURE_BITS = st.sampled_from(
    ["100 %", "100%", "50%", "10 to 20%", " ", "not ", "never ", "Não ", "isn't ", "safe",
     "FEV1 (forced expiratory volume in 1 second)", " 1 second ", "of", "."]
)  # fmt: skip


@settings(max_examples=500, deadline=None)
@given(st.lists(MEASURE_BITS, max_size=10).map("".join))
@example("It is not 100 % safe.")
def test_figures_that_measure_look_for_a_negation_only_beside_a_whole(sentence: str) -> None:
    """`figure.measures` looks for a negation only when one of the figures is a whole "100 %":
    the figures kept are those of the plain reading, the negation looked for first."""
    spans = [found.span() for found in figure._PERCENT.finditer(sentence)]
    denied = figure._NEGATION.search(sentence) is not None
    names = [
        (at, at + len(found.long))
        for found in figure.find_abbreviations(sentence)
        if figure._DIGIT_RUN.search(found.long) and (at := sentence.find(found.long)) >= 0
    ]
    plain_way = [
        (start, end)
        for start, end in spans
        if not any(a <= start and end <= b for a, b in names)
        and not (denied and figure._WHOLE.fullmatch(sentence[start:end]))
    ]
    assert figure.measures(sentence, spans) == plain_way


LEAD_END_BITS = st.sampled_from(
    ["include", "INCLUDES", "including", "such as", "are", "is", "as follows", "..", ".", "…",
     ":", " ", "\n", "\u2003", "x", "this", "Causes", "xinclude", "é", "!", "  :", "ſuch as"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(LEAD_END_BITS, max_size=12).map("".join) | st.text(max_size=30))
@example("Symptoms include:")
@example("Act fast.  :")
@example("Signs are as follows ")
@example("See the list........")
def test_a_lead_ins_end_is_looked_for_in_the_texts_last_characters(text: str) -> None:
    """`leads._ends_as_lead` searches the pattern in the stripped text's last 16 characters
    (an end and the character its `\\b` reads) and the stray colon only after a last `:`: the
    same answer as both patterns searched over the whole text."""
    last = text.rstrip()[-1:]
    plain_way = not (last and last.isascii() and last not in ":.esgESG") and (
        leads._STRAY_COLON.search(text) is None and leads._SENTENCE_END.search(text) is not None
    )
    assert leads._ends_as_lead(text) == plain_way


LABEL_BITS = st.sampled_from(
    ["TDS", "tds", "VELBAR_TDS", "Korrin", " B", "b", "Day", " 2", "2+", "2", " ", "_", "**",
     "é", "É", "İ", "x", ", ", "<br>", "Week 3"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(
    st.lists(LABEL_BITS, max_size=6).map("".join) | st.text(max_size=12),
    st.lists(LABEL_BITS, max_size=6).map("".join) | st.text(max_size=12),
)
@example("TDS", "VELBAR_TDS")
@example("2+", "Day 2")
@example("B", "Korrin B")
def test_a_cell_repeats_its_label_as_the_plain_reading_says(cell: str, label: str) -> None:
    """`table.repeats_label` passes a cell whose first word is not in its lower-cased label
    before reading all of its words: the same answer as the plain reading."""
    words = table._NAME_WORDS.findall(plain(cell).lower())
    counted = table._COUNTED_KEY.fullmatch(plain(label)) is not None
    if words and all(word.isdigit() for word in words) and counted:
        plain_way = False
    else:
        plain_way = bool(words) and set(words) <= set(table._NAME_WORDS.findall(label.lower()))
    assert table.repeats_label(cell, label) == plain_way


_SERIES_WORDS = ["and", "or", "band", "ou", "e", "y", "oder"]
_SERIES_TEXT = st.lists(
    st.sampled_from(["20", "4.5", "1,5", ", ", ",", " ", "  ", "\n", "x", "mg", *_SERIES_WORDS]),
    max_size=14,
).map("".join)


@settings(max_examples=500, deadline=None)
@given(_SERIES_TEXT, st.data())
@example("in 20, 40, and 80 mg", None)
@example("between 2 and 4 mg", None)
def test_a_series_is_found_from_its_own_run_as_from_the_sentences_start(
    sentence: str, data: st.DataObject | None
) -> None:
    """`measure._series_before` starts its search at the run of digits, separators and spaces
    before the joining word that ends it; searching from the sentence's start finds the same."""
    starts = range(len(sentence) + 1)
    for start in [data.draw(st.sampled_from(starts))] if data is not None else starts:
        fast = measure._series_before(sentence, start)
        slow = measure._SERIES.search(sentence, 0, start)
        assert (fast and (fast.span(), fast.group("series"))) == (
            slow and (slow.span(), slow.group("series"))
        )


_PROVENANCE_BITS = st.sampled_from(
    ["PDF", "pdf", "Slide", "slides", "deck", "Diapo", "FOLIEN", "lecture", "Handout", "cours",
     "Poly", "textbook", "BOOK", "livre", "Buch", "apostila", "ICD", "icd-10", "CIM", "CID",
     "ICPC", "ICDx", "xCID", "(", ")", " ", "-", "Key points", "selon le", "ı", "İ", "ſ", "K"]
)  # fmt: skip


@settings(max_examples=800, deadline=None)
@given(st.lists(_PROVENANCE_BITS, max_size=6).map("".join) | st.text(max_size=16))
@example("Key points (PDF)")
@example("Asthma ICD-10 J45")
@example("slıde notes")
def test_the_provenance_gate_says_what_the_case_blind_search_says(heading: str) -> None:
    """`text._may_be_provenance` rules out an ASCII heading lacking every word of the
    pattern lower-cased before the case-blind search: the same answer as that search."""
    plain_way = text._MAY_BE_PROVENANCE.search(heading) is not None
    assert text._may_be_provenance(heading) == plain_way


_ASIDE_BITS = st.sampled_from(
    ["(", ")", "((", " ", "\t", "\n", ", ", ",", "from the", "of the", "selon le", "du", "PDF",
     "pdf", "slides", "Diapos", "cours", "lecture", "poly", "polyp", "important", "T", "ı", "İ",
     "x", "- "]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_ASIDE_BITS, max_size=14).map("".join) | st.text(max_size=30))
@example("Giant T (a major sign from the PDF)\nnext (key, from the slides) line")
@example(" \t(from the PDF) (x, du cours)(of the lecture)")
@example("(a (b, from the PDF) c)")
def test_provenance_asides_are_found_at_their_brackets_as_the_sub_finds_them(text: str) -> None:
    """`dialects.provenance_asides` tries `_PROVENANCE_ASIDE` only at brackets holding a
    source word: the same text as the sub over the whole text."""
    lowered = text.lower()
    if "(" not in text or not any(word in lowered for word in dialects._PROVENANCE_WORDS):
        plain_way = text
    else:
        plain_way = dialects._PROVENANCE_ASIDE.sub(dialects._kept_aside, text)
    assert dialects.provenance_asides(text) == plain_way


_LINE_BITS = st.sampled_from(
    ["follow", "read", "see", "see also", "more", "information", "next", "module", "by", "this",
     "written by", "join", "discord", "our", "todo", "id 123", "q", "\\*", "not", "advice", ": ",
     ". ", "?", " ", "\n", "write your name here", "objectives: to help", "x", "İ"]
)  # fmt: skip


@settings(max_examples=1000, deadline=None)
@given(st.lists(_LINE_BITS, max_size=10).map("".join) | st.text(max_size=30))
@example("Follow the steps. Next module: Cardiology")
@example("Written by the team; see also the atlas")
def test_a_lines_kind_skips_the_wordless_lines_the_joined_search_rules_out(line: str) -> None:
    """`kinds.text_kind` tries the lines that need no word only when `_UNGATED` (all of them
    joined) finds one: the same kind as trying every line in order."""
    plain_way = None
    if line.startswith("\\*") and kinds._FOOTNOTE_MARK.match(line):
        plain_way = kinds._BY_NAME["footnotes"]
    else:
        folded = plain(line).casefold().strip()
        for kind, words, pattern in kinds._LINES:
            if (any(word in folded for word in words) or not words) and pattern.search(folded):
                plain_way = kind
                break
    assert kinds.text_kind.__wrapped__(line) is plain_way
