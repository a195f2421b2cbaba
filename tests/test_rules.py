"""Extraction rules, fixture-driven: tests/fixtures/rules/<rule>.md holds many cases each.

A case's expected output lists the notes a zero-config build makes of its Markdown (every rule on,
topic "asthma" unless the front matter names another) as `[rule/note type] subdeck`, `Q:` and `A:`.
The Markdown goes through the whole pipeline (`plan_deck`), as `deckbuilder cards` runs it.
"""

from __future__ import annotations

import re
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import DeckPlan
from builder.build import plan_deck
from builder.document import ListItem
from builder.manifest import manifest_for_source
from builder.notes import make_key
from builder.rules.definition import labelled_sentences
from builder.rules.enumeration import MAX_HEAD_WORDS, MAX_ITEM_WORDS, head_cloze
from builder.rules.leads import is_flag
from builder.rules.prose_list import _CUE, CUE_PARTS
from builder.text import (
    FIGURE,
    LONG_SENTENCE_WORDS,
    asks_why,
    clause_of,
    label_asks,
    plain,
    twinned,
)
from tests.fixtures.reader import read_fixture_file

FIXTURES = Path(__file__).parent / "fixtures" / "rules"
CASES = [
    pytest.param(markdown, expected, id=f"{path.stem}:{line}:{title}")
    for path in sorted(FIXTURES.glob("*.md"))
    for line, title, markdown, expected in read_fixture_file(path)
]


def planned(markdown: str) -> DeckPlan:
    """What a zero-config build plans from a case's Markdown (topic "asthma" unless its front
    matter names another)."""
    if not markdown.startswith("---"):
        markdown = "---\ntitle: Asthma notes\ntopic: asthma\n---\n" + markdown
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fixture.md"
        source.write_text(markdown, encoding="utf-8")
        return plan_deck(manifest_for_source(source))


def cards_text(markdown: str, plan: DeckPlan | None = None) -> str:
    notes = [packaged.note for packaged in (plan or planned(markdown)).notes]
    blocks = []
    for note in notes:
        lines = [f"[{note.rule}/{note.note_type}] {note.subdeck}", f"Q: {note.front}"]
        if note.back:
            lines.append(f"A: {note.back}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) if blocks else "(no cards)"


@pytest.mark.parametrize(("markdown", "expected"), CASES)
def test_rule_fixture(markdown: str, expected: str) -> None:
    plan = planned(markdown)
    assert cards_text(markdown, plan) == expected.strip()
    # a zero-config build tells two notes with one identity apart; a manifest build refuses
    assert [w for w in plan.warnings if "same identity" in w] == []


def test_the_prose_list_prefilter_misses_no_cue() -> None:
    """`prose_list` skips a paragraph whose lower case holds none of CUE_PARTS before running its
    case-blind regex. That is sound only if no character other than these letters (upper or
    lower case) matches them ignoring case, as U+017F matches "s" and U+212A matches "k"."""
    letters = "".join(sorted(set("".join(CUE_PARTS))))
    pattern = re.compile(f"[{re.escape(letters)}]", re.IGNORECASE)
    odd = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if pattern.fullmatch(chr(code)) and chr(code).lower() not in letters
    ]
    assert odd == []
    cues = ("including", "includes", "include", "such as", "a combination of", "tales como")
    for cue in (*cues, "tais como", "tels que", "telles que", "incluyendo", "notamment"):
        assert _CUE.search(f"Options {cue.upper()} a, b, and c.")
        assert any(part in cue for part in CUE_PARTS)


_WORD = st.sampled_from(
    "Varn ticks press the point if in which especially or / - – : ( ) , fever 12 mm ≥39 °C "
    "Result Rest rest deep **bold** wells".split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORD, min_size=10, max_size=24))
def test_a_long_items_head_deletion_is_short_and_keeps_its_text(words: list[str]) -> None:
    """Whatever the item, a head deletion hides at most MAX_HEAD_WORDS words (a facet's value
    MAX_ITEM_WORDS) and the front reads as the item's first sentence once the deletion is
    shown."""
    item = ListItem(" ".join(words), 1)
    clozed = head_cloze(item, 3)
    if clozed is None:
        return
    front, extra = clozed
    (hidden,) = re.findall(r"\{\{c3::(.*?)\}\}", front)
    value = re.search(r":\s*\{\{c3::", front) is not None  # a facet's value (`Path 2: {{…}}`)
    assert 0 < len(plain(hidden).split()) <= (MAX_ITEM_WORDS if value else MAX_HEAD_WORDS)
    shown = re.sub(r"\{\{c3::(.*?)\}\}", r"\1", front)
    assert f"{shown} {extra}".strip() == " ".join(" ".join(words).split())


def test_a_list_under_a_question_heading_keeps_its_identity_when_its_front_drops_the_heading() -> (
    None
):
    """Under a question heading the front opens with the topic ("Velbarin: Tell your nurse if
    you take:"), as it did not before; the note identity is still made of the heading form, so a
    deck built before keeps its notes and their review history."""
    markdown = (
        "---\ntitle: Velbarin\n---\nWhat should I avoid while I am taking this medicine?\n"
        "-----------------------------------------------------\n\n"
        "Tell your nurse if you take:\n\n- Warfarin\n- Tessalid\n- Korrin drops\n"
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "velbarin.md"
        source.write_text(markdown, encoding="utf-8")
        (note,) = [packaged.note for packaged in plan_deck(manifest_for_source(source)).notes]
    assert note.front.startswith("Velbarin: Tell your nurse if you take:")
    heading = "What should I avoid while I am taking this medicine?"
    assert note.key == make_key(
        "enumeration", (heading,), f"{heading} in velbarin: Tell your nurse if you take:"
    )


def test_a_list_under_a_plain_sub_heading_line_keeps_its_identity_without_the_bracket() -> None:
    """A plain line in a heading's capitals after its section's own content no longer gets the
    heading in brackets ("Checks Before Walking Home in asthma"); the note identity is still
    made of the bracketed form, so a deck built before keeps the note's review history."""
    markdown = (
        "## Bedside round\n\nLook at the chart first:\n\n- Fluid balance since midnight\n"
        "- Drug chart signed and dated\n- Pain scores charted\n\nChecks Before Walking Home\n\n"
        "- Stands unaided\n- Climbs two stairs\n- Knows the next dose\n"
    )
    (note,) = [
        packaged.note
        for packaged in planned(markdown).notes
        if packaged.note.front.startswith("Checks")
    ]
    assert note.front.startswith("Checks Before Walking Home in asthma:")
    assert note.key == make_key(
        "enumeration", ("Bedside round",), "Checks Before Walking Home (bedside round) in asthma:"
    )


def test_a_condition_asked_without_its_action_keeps_the_whole_line_as_its_identity() -> None:
    """`if too slow: raise …` over remarks now asks "if too slow?" with the action on the back;
    its note identity is still the whole line's, as before the split, so its review history
    stays."""
    line = "if the drip runs too slowly: raise it by one unit an hour"
    markdown = f"## Drip\n\n- velbarin drip\n  - {line}\n    - check the line\n  - stop at night\n"
    plan = planned(markdown)
    (note,) = [p.note for p in plan.notes if p.note.front.endswith("if the drip runs too slowly?")]
    assert note.back.startswith("raise it by one unit an hour")
    assert note.key == make_key("enumeration", ("Drip",), line, None, "if")


def test_a_list_asked_with_its_lead_ins_last_sentence_keeps_the_whole_lead_in_as_identity() -> None:
    """A lead-in of two sentences over a list answered whole is asked with its last sentence
    only; the note identity is still made of the whole lead-in, as before."""
    lead = "Velbarin is a syrup that cools the skin. It has a few main effects:"
    items = "".join(f"- it {what}, which the ward nurses check on every round\n" for what in "abc")
    plan = planned(f"## Velbarin\n\n{lead}\n\n{items}")
    (note,) = [packaged.note for packaged in plan.notes]
    assert note.front == "Velbarin in asthma: main effects?"
    whole = f"Velbarin in asthma: {lead}"  # the front as it read before
    assert note.key == make_key("enumeration", ("Velbarin",), whole, None, "list")


def test_a_list_in_parts_asked_with_its_own_sentence_keeps_the_whole_lead_in_as_identity() -> None:
    """A lead-in whose first sentence is a condition the list fills ("If you see any of these
    …") asks each part with its last sentence and "if?"; each part keeps its identity."""
    lead = "If you see any of these signs, do not wait. Ring the ward nurse today:"
    items = "".join(
        f"- a sign {what} that the parents notice at home, often late in the evening after supper\n"
        for what in "abcdefgh"
    )
    plan = planned(f"## Ringing\n\n{lead}\n\n{items}")
    notes = [packaged.note for packaged in plan.notes]
    assert [note.front for note in notes] == [
        f"Ringing in asthma: Ring the ward nurse today if (part {n} of 2)?" for n in (1, 2)
    ]
    whole = f"Ringing in asthma: {lead}"  # the front as it read before
    assert [note.key for note in notes] == [
        make_key("enumeration", ("Ringing",), whole, None, f"part {n} of 2") for n in (1, 2)
    ]


def test_a_list_asked_as_its_headings_parts_keeps_the_whole_lead_in_as_identity() -> None:
    """`The pouch is a sac behind the ear. Its contents are:` over a cloze list is asked as
    "Pouch: contents:"; the note identity is still made of the whole lead-in."""
    lead = "The pouch is a sac behind the ear. Its contents are:"
    plan = planned(f"## The pouch\n\n{lead}\n\n- a vein\n- a nerve\n- a knot\n")
    (note,) = [packaged.note for packaged in plan.notes]
    assert note.front.startswith("The pouch in asthma: contents:\n")
    before = make_key("enumeration", ("The pouch",), f"The pouch in asthma: {lead}")
    assert note.key == before


def test_a_facet_sentence_asked_apart_leaves_the_terms_note_its_identity() -> None:
    """`Caused by …` split off a term's paragraph answer is a note of its own; the term's note
    keeps the identity it had when it held the whole paragraph."""
    text = (
        "Caused by thorns left in the skin after a day of hedging in the fields. Small red"
        " bumps gather in a ring around the thorn and itch most at night."
    )
    plan = planned(f"## Korrin rashes\n\n### Thorn type\n\n{text}\n")
    term, cause = [packaged.note for packaged in plan.notes]
    path = ("Korrin rashes", "Thorn type")
    assert term.key == make_key("term", path, "Thorn type")
    assert cause.key == make_key("term", path, "Thorn type", None, "cause")
    assert cause.back == "Thorns left in the skin after a day of hedging in the fields"


def test_a_long_figure_sentence_cut_to_its_clause_keeps_the_whole_sentence_as_its_identity() -> (
    None
):
    """The measure rule shows a long sentence's figure clause only; its note identity is still
    the whole sentence with the figures masked, as before the cut, so no note is new to a user."""
    sentence = (
        "Korrin levels usually fall to 2–4 mmol/L within a day (except in the rare inherited "
        "form, which clears far more slowly), while velbarin has a half-life of 6 hours."
    )
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "fixture.md"
        source.write_text(f"---\ntopic: korrin fever\n---\n## Levels\n\n{sentence}\n", "utf-8")
        (note,) = [packaged.note for packaged in plan_deck(manifest_for_source(source)).notes]
    assert "inherited" not in note.front
    assert "{{c1::2–4 mmol/L}}" in note.front and "{{c2::6 hours}}" in note.front
    assert "rare inherited form" in note.key[-1]


_CLAUSE_WORDS = st.sampled_from(
    (
        "the dose is 40 mg/kg ; (rather than the long aside here) , while , but - — and child "
        "(0.4 mL/kg) over 20 minutes (e.g. velbarin) given, reducing time . 38 °C (that is, low)"
    ).split()
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_CLAUSE_WORDS, min_size=5, max_size=45))
def test_a_cut_sentence_keeps_every_figure_in_order(words: list[str]) -> None:
    """`clause_of` only removes words around the figures: each figure's span in the cut text
    holds the same figure, in the same order, and a short sentence is left as it is."""
    sentence = " ".join(words)
    spans = twinned(sentence, [found.span() for found in FIGURE.finditer(sentence)])
    if not spans:
        return
    text, cut = clause_of(sentence, spans)
    assert [text[a:b] for a, b in cut] == [sentence[a:b] for a, b in spans]
    if len(sentence.split()) <= LONG_SENTENCE_WORDS:
        assert text == sentence


def test_a_labelled_sentence_is_not_cut_after_an_abbreviations_dot() -> None:
    """ "e.g. Velbar patches" goes on the same sentence: cut at "e.g.", the card said "a rash in
    a few, e.g." and stopped."""
    assert labelled_sentences(
        "A drug that stops the korrin enzyme. Causes: a rash in a few, e.g. Velbar patches. "
        "Example: velbarin."
    ) == [("Causes", "a rash in a few, e.g. Velbar patches."), ("Example", "velbarin.")]


def test_a_trimmed_cloze_context_keeps_the_sentences_identity() -> None:
    """A figure's card shows less than its sentence (no "However,", no clause after it, a range
    hidden whole), but its note is keyed by the whole sentence, figures masked, as before: the
    notes already released keep their review history."""
    markdown = (
        "## Checks\n\nHowever, in most wards the korrin level is checked after 6 hours, "
        "and so a late sample is often missed by the night team on the ward.\n\n"
        "Five to 12 days.\n"
    )
    notes = [packaged.note for packaged in planned(markdown).notes]
    assert [note.front.split(": ", 1)[1] for note in notes] == [
        "In most wards the korrin level is checked after {{c1::6 hours}}.",
        "{{c1::Five to 12 days}}.",
    ]
    assert [note.key[3] for note in notes] == [
        "however, in most wards the korrin level is checked after #, and so a late sample is "
        "often missed by the night team on the ward",
        "five to #",
    ]


@pytest.mark.parametrize(
    ("label", "answer", "under_result", "asks"),
    [
        ("Raised", "- smoke, cold air", False, "causes"),
        ("High values (damp)", "mould, leaks", False, "causes"),
        ("Low readings", "- missed preventer", False, "causes"),
        ("Brief", "pollen season", True, "causes"),  # a kind of the result above it
        ("Brief", "pollen season", False, ""),
        ("High risk", "- smokers\n- over 65", False, ""),  # a group, not a test's result
        ("Normal", "above 400", False, ""),
        ("High", "- 39 to 41 °C", False, ""),  # a band's threshold, not its causes
        ("Brief", "- under 2 hours", True, ""),
        ("spacer", "- once shaken, fit the puffer\n  - breathe in slowly", False, "when"),
        ("spacer", "- once shaken, fit the puffer\n- wash weekly", False, ""),  # one says no when
        ("Treatment", "- if wheezy, give the reliever", False, ""),  # a facet asks what, not when
    ],
)
def test_a_label_over_its_content_says_what_it_asks(
    label: str, answer: str, under_result: bool, asks: str
) -> None:
    assert label_asks(label, answer, result=under_result) == asks


@pytest.mark.parametrize(
    ("heading", "answer", "why"),
    [
        ("Drink more water", "Water helps keep mucus thin.", True),
        ("Increase your activity", "A walk a day can help you breathe easier.", True),
        ("Drink more water", "Aim for eight glasses a day.", False),  # says how much, not why
        ("Increase in symptoms", "Night cough helps show poor control.", False),  # a thing's name
        ("Peak flow", "It helps track control.", False),  # no instruction
    ],
)
def test_an_instruction_heading_over_what_it_does_asks_why(
    heading: str, answer: str, why: bool
) -> None:
    assert asks_why(heading, answer) is why


def _shown_above_plainly(figure: str, headings: str) -> bool:
    """figure's first reading of a figure the headings state: each place it occurs, looked at."""
    said = figure.replace(" ", "")
    at = headings.find(said)
    while at >= 0:
        before, after = headings[at - 1 : at], headings[at + len(said) : at + len(said) + 1]
        if not (before.isdigit() or before == ".") and not after.isdigit():
            return True
        at = headings.find(said, at + 1)
    return False


_FIGURE_TEXT = st.text(alphabet="0123456789.%- to and–\u00a0x²٣", max_size=24)


@settings(max_examples=400, deadline=None)
@given(_FIGURE_TEXT, _FIGURE_TEXT)
def test_stated_figures_read_once_equals_each_figure_searched(headings: str, sentence: str) -> None:
    """figure._stated_figures (the headings' figures, read once) says of every figure
    `_PERCENT` reads in a sentence what searching the headings for it said."""
    from builder.rules.figure import _PERCENT, _shown_above, _stated_figures

    heading = headings.replace(" ", "")
    stated = _stated_figures(heading)
    for found in _PERCENT.finditer(sentence + " " + headings):
        figure = found.group(0)
        assert _shown_above(figure, stated) == _shown_above_plainly(figure, heading), figure


_PART_SETS = st.lists(st.frozensets(st.sampled_from("abcde"), max_size=4), max_size=12)


@settings(max_examples=300, deadline=None)
@given(_PART_SETS, st.frozensets(st.sampled_from("abcdef"), max_size=4))
def test_part_of_another_equals_comparing_every_row(parts: list, these: frozenset) -> None:
    """table.part_of_another (the rows holding the rarest part looked at) says what comparing a
    row's parts with every row's said."""
    from builder.rules.table import part_of_another

    inside = part_of_another(parts)
    for found in [*parts, these]:
        assert inside(found) == any(other > found for other in parts), found


@pytest.mark.parametrize(
    ("label", "flag"),
    [
        ("The teacher mentioned:", True),
        ("Lecturer also stressed", True),
        ("老师提到", True),
        ("老师也强调了", True),
        ("重点", True),
        ("Teacher training", False),
        ("走行", False),
        ("老师提示在胸骨旁可找", False),
    ],
)
def test_who_said_it_flags_what_follows(label: str, flag: bool) -> None:
    """A run-in naming who said what follows is a flag, no label to ask; a label, or a lead-in
    going on to say where, is not."""
    assert is_flag(label) is flag


def test_a_hard_wrapped_items_figures_are_read_with_the_lines_it_goes_on_in() -> None:
    """The measure rule reads an item's first line with the lines its author's wrap cut from it
    (a line ending mid-phrase, or a next line in lower case): cut at its wrap, the card ended
    "… infection ,"."""
    markdown = (
        "## Korrin harms\n\n1.  Korrin\n\n    Harms :\n\n    -   gut:\n\n"
        "        -   minor : nausea, cramps\n\n        -   major : ulcer, bleeding\n\n"
        "        -   RF : { \\> 65 years, earlier ulcer, infection ,\n"
        "            severe illness}, {+ steroids} RF ≥ 3 : avoid !\n\n"
        "    -   kidney :\n\n        -   fluid loss, old age\n"
    )
    fronts = [packaged.note.front for packaged in planned(markdown).notes]
    assert any("severe illness}" in front and "65 years}}" in front for front in fronts), fronts
    assert not any(front.rstrip().endswith("infection ,") for front in fronts), fronts
