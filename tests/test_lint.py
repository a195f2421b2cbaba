"""`deckbuilder check`: each lint rule on a card that breaks it and one that does not, the output
formats, the command's exit statuses, and the shipped deck (no errors)."""

from __future__ import annotations

import dataclasses
import difflib
import itertools
import json
import random
import re
from collections import Counter
from pathlib import Path
from unittest import mock

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

import builder.lint as lint
from builder import load_manifest, plan_deck
from builder.cli import cli
from builder.errors import ManifestError
from builder.lint import (
    LINT_RULES,
    NEAR_DUPLICATE_RATIO,
    Problem,
    _char_counts,
    _common_chars,
    check_notes,
    check_plan,
    format_problems,
    front_key,
    is_contact_only,
    longest_list,
    only_wording_differs,
    plain_text,
    without_shown_answers,
)
from builder.manifest import LintOptions, Manifest
from builder.notes import NUMBERED_DELETION, Note, NoteType, Source
from tests.conftest import ROOT, SEED_MANIFEST, copy_project

PATH = "source/asthma.md"


def card(
    front: str,
    back: str = "A short answer.",
    line: int = 1,
    note_type: NoteType = "basic",
    context: str = "Asthma › FAQ",
    section: tuple[str, ...] = ("Asthma", "FAQ"),
) -> Note:
    return Note(
        rule="faq" if note_type == "basic" else "enumeration",
        note_type=note_type,
        front=front,
        back=back,
        source=Source(PATH, "Asthma", section, line),
        key=("test", str(line), front),
        context=context,
    )


def manifest(
    forbid: tuple[str, ...] = (),
    max_answer_words: int = 80,
    max_list_items: int = 6,
    max_cloze_words: int = 12,
    include: tuple[str, ...] = (),
) -> Manifest:
    return Manifest(
        title="Asthma",
        deck_id=1234567890,
        sources=(),
        subdecks=(),
        topic="asthma",
        forbid=forbid,
        lint=LintOptions(
            max_answer_words=max_answer_words,
            max_list_items=max_list_items,
            max_cloze_words=max_cloze_words,
        ),
        include=include,
    )


def found(*cards: Note, deck: Manifest | None = None) -> list[tuple[str, int]]:
    """(code, line) of every problem, in the order check_notes sorts them."""
    return [(p.code, p.line) for p in check_notes(cards, deck or manifest())]


def sentence(count: int) -> str:
    return " ".join(f"word{number}" for number in range(count))


# -- LONG-ANSWER ---------------------------------------------------------------------------------


def test_long_answer_over_the_manifest_limit() -> None:
    assert found(card("What is asthma?", sentence(81), line=7)) == [("LONG-ANSWER", 7)]
    assert found(card("What is asthma?", sentence(80), line=7)) == []


def test_long_answer_limit_comes_from_the_manifest() -> None:
    long_card = card("What is asthma?", sentence(30), line=3)
    assert found(long_card, deck=manifest(max_answer_words=20)) == [("LONG-ANSWER", 3)]
    assert found(long_card, deck=manifest(max_answer_words=30)) == []


def test_long_answer_counts_words_of_the_plain_text() -> None:
    # Markup (list markers, emphasis, links) is not counted as words.
    back = "\n".join(f"- **item** [link](https://example.org/{n})" for n in range(5))
    assert found(card("Which items?", back), deck=manifest(max_answer_words=10)) == []
    assert found(card("Which items?", back), deck=manifest(max_answer_words=9)) == [
        ("LONG-ANSWER", 1)
    ]


def test_long_cloze_deletion() -> None:
    long_cloze = card(f"Asthma is {{{{c1::{sentence(26)}}}}}.", "", line=4, note_type="cloze")
    short_cloze = card(f"Asthma is {{{{c1::{sentence(25)}}}}}.", "", line=4, note_type="cloze")
    # Under the default 12-word limit both are SENTENCE-CLOZE, which LONG-ANSWER does not repeat.
    roomy = manifest(max_cloze_words=40)
    assert found(long_cloze, deck=roomy) == [("LONG-ANSWER", 4)]
    assert found(short_cloze, deck=roomy) == []
    assert found(long_cloze) == [("SENTENCE-CLOZE", 4)]
    # The cloze's extra text (its back) is read after every card: up to the answer limit.
    assert found(card("Asthma is {{c1::chronic}}.", sentence(80), note_type="cloze")) == []


def test_long_cloze_extra() -> None:
    extra = card("Asthma is {{c1::chronic}}.", sentence(81), line=9, note_type="cloze")
    problems = check_notes([extra], manifest())
    assert [(p.code, p.line) for p in problems] == [("LONG-ANSWER", 9)]
    assert "the extra has 81 words (limit 80)" in problems[0].message
    assert found(extra, deck=manifest(max_answer_words=100)) == []


def test_long_cloze_deletion_under_a_stricter_manifest() -> None:
    cloze = card(f"Asthma is {{{{c1::{sentence(12)}}}}}.", "", line=4, note_type="cloze")
    assert found(cloze, deck=manifest(max_answer_words=10)) == [("LONG-ANSWER", 4)]


# -- LIST-ON-BASIC -------------------------------------------------------------------------------


def items(count: int, ordered: bool = False) -> str:
    return "\n".join(f"{n}. drug {n}" if ordered else f"- drug {n}" for n in range(1, count + 1))


def test_list_on_basic_over_the_limit() -> None:
    assert found(card("Which drugs treat asthma?", items(7), line=12)) == [("LIST-ON-BASIC", 12)]
    assert found(card("Which drugs treat asthma?", items(7, ordered=True), line=12)) == [
        ("LIST-ON-BASIC", 12)
    ]
    assert found(card("Which drugs treat asthma?", items(6), line=12)) == []


def test_list_on_basic_limit_comes_from_the_manifest() -> None:
    listing = card("Which drugs treat asthma?", items(4))
    assert found(listing, deck=manifest(max_list_items=3)) == [("LIST-ON-BASIC", 1)]


def test_list_on_basic_counts_each_list_on_its_own() -> None:
    nested = "- relievers\n  - drug 1\n  - drug 2\n- preventers\n  - drug 3\n  - drug 4"
    two_lists = items(4) + "\n\nand also:\n\n" + items(4)
    assert found(card("Which drugs treat asthma?", nested), deck=manifest(max_list_items=2)) == []
    assert found(card("Which drugs treat asthma?", two_lists)) == []


def test_a_list_on_a_cloze_note_is_fine() -> None:
    cloze = "Asthma drugs:\n\n" + "\n".join(f"- {{{{c{n}::drug {n}}}}}" for n in range(1, 10))
    assert found(card(cloze, "", note_type="cloze")) == []


# -- DUPLICATE-FRONT and NEAR-DUPLICATE-FRONT ----------------------------------------------------


def test_duplicate_front_ignores_case_spacing_and_punctuation() -> None:
    first = card("What triggers asthma attacks?", "Allergens.", line=5)
    second = card("what  TRIGGERS *asthma* attacks", "Cold air.", line=15)
    problems = check_notes([first, second], manifest())
    assert [(p.code, p.line, p.severity) for p in problems] == [("DUPLICATE-FRONT", 15, "error")]
    assert "line 5" in problems[0].message


def test_different_fronts_are_not_duplicates() -> None:
    assert found(card("What triggers asthma attacks?"), card("How is asthma diagnosed?")) == []


def test_fronts_differing_only_in_a_comparison_sign_are_not_duplicates() -> None:
    """A table of targets by weight: "(< 20 kg)" and "(> 20 kg)" ask two questions; the signs
    were folded away with the punctuation and `check` failed a correct deck."""
    below = card("Feed volume in infants: intake (< 20 kg)?", "100 mL/kg/day", line=5)
    above = card("Feed volume in infants: intake (> 20 kg)?", "50 mL/kg/day", line=6)
    assert found(below, above) == []
    rising = card("Potassium ↑ in kidney failure: ECG sign?", line=7)
    falling = card("Potassium ↓ in kidney failure: ECG sign?", line=8)
    assert "DUPLICATE-FRONT" not in [code for code, _ in found(rising, falling)]
    again = card("Feed volume in infants:  INTAKE (< 20 kg)", "100 mL/kg/day", line=9)
    assert ("DUPLICATE-FRONT", 9) in found(below, again)


def test_near_duplicate_front() -> None:
    first = card("Which inhaled drugs relieve asthma symptoms quickly?", "Relievers.", line=5)
    second = card("Which inhaled drug relieves asthma symptoms quickly?", "SABA.", line=9)
    problems = check_notes([first, second], manifest())
    assert [(p.code, p.line, p.severity) for p in problems] == [
        ("NEAR-DUPLICATE-FRONT", 9, "warning")
    ]
    assert "line 5" in problems[0].message


def test_similar_but_distinct_fronts_are_not_near_duplicates() -> None:
    first = card("Which inhaled drugs relieve asthma symptoms quickly?", line=5)
    second = card("Which inhaled drugs prevent asthma attacks at night?", line=9)
    assert found(first, second) == []


def test_fronts_asking_different_chinese_fields_are_not_near_duplicates() -> None:
    """Sibling questions of a Chinese note differ in a few characters, no ASCII word: "起始?"
    (start) and "維持?" (maintenance) were 94% alike and "only wording" apart."""
    first = card("劑量 / 用法（成人） in velbarin（維巴林）: 起始?", line=5)
    second = card("劑量 / 用法（成人） in velbarin（維巴林）: 維持?", line=9)
    assert found(first, second) == []
    again = card("劑量 / 用法（成人） in velbarin（維巴林）: 起始 ?", line=12)
    assert ("NEAR-DUPLICATE-FRONT", 12) in found(first, again) or ("DUPLICATE-FRONT", 12) in found(
        first, again
    )


def test_duplicates_name_the_other_file_when_it_differs() -> None:
    first = card("What triggers asthma attacks?", line=5)
    other_file = Source("other.md", "Other", ("Other",), 2)
    second = dataclasses.replace(card("What triggers asthma attacks?"), source=other_file)
    problems = check_notes([first, second], manifest())
    assert [(p.code, p.path, p.line) for p in problems] == [("DUPLICATE-FRONT", "other.md", 2)]
    assert f"{PATH}:5" in problems[0].message


# -- ANSWER-IN-FRONT -----------------------------------------------------------------------------


def test_answer_in_front_of_a_basic_card() -> None:
    assert found(card("Is salbutamol a reliever inhaler?", "Salbutamol.", line=8)) == [
        ("ANSWER-IN-FRONT", 8)
    ]
    assert found(card("Which inhaler relieves symptoms quickly?", "Salbutamol.", line=8)) == []


_WORDS = st.sampled_from(["velbarin", "Korrin", "fever", "dose", "5 mg", "the", "Ärzte", "or"])
_TEXTS = st.lists(_WORDS, min_size=1, max_size=6).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(front=_TEXTS, back=_TEXTS, heading=_TEXTS)
def test_prints_its_answer_is_the_check_it_shortens(front: str, back: str, heading: str) -> None:
    """`prints_its_answer` (which the extraction asks of every Basic note) skips the check when
    the answer's longest word is in neither the front nor a heading shown: on plain text that
    changes no verdict."""
    note = card(front + "?", back, section=("Asthma", heading))
    assert lint.prints_its_answer(note) == any(True for _ in lint._answer_in_front(note))


def test_answer_in_front_matches_whole_words_and_skips_tiny_answers() -> None:
    assert found(card("Do itchy eyes come with allergic asthma?", "Yes")) == []
    assert found(card("Is asthma curable, no or yes?", "No")) == []


def test_cloze_answer_elsewhere_in_the_note() -> None:
    shown = card(
        "{{c1::Salbutamol}} relieves symptoms; salbutamol is inhaled.", "", 6, note_type="cloze"
    )
    other_cloze = card(
        "{{c1::Salbutamol}} relieves; {{c2::salbutamol}} is inhaled.", "", 6, note_type="cloze"
    )
    assert found(shown) == [("ANSWER-IN-FRONT", 6)]
    # Note 1 shows c2's "salbutamol" and card 2 shows c1's "Salbutamol": both give it away.
    problems = check_notes([other_cloze], manifest())
    assert [(p.code, p.line) for p in problems] == [("ANSWER-IN-FRONT", 6)] * 2
    assert "c1" in problems[0].message and "c2" in problems[1].message


def test_cloze_answer_hidden_everywhere_is_fine() -> None:
    both_hidden = card(
        "{{c1::Salbutamol}} relieves; {{c1::salbutamol}} is inhaled.", "", note_type="cloze"
    )
    distinct = card(
        "{{c1::Salbutamol}} relieves, {{c2::budesonide}} prevents.", "", note_type="cloze"
    )
    assert found(both_hidden) == []
    assert found(distinct) == []


def test_an_images_description_is_not_an_answer_printed_in_the_front() -> None:
    # The image is the answer: its description is not printed on the card (a missing image
    # leaves the card out, with a BUILD-WARNING that names it: not the answer in the front).
    pictured = card(
        "Could my dog have korrin fever?", "![Could my dog have korrin fever?](dog.png)"
    )
    worded = card("Could my dog have korrin fever?", "Could my dog have korrin fever?", line=2)
    assert found(pictured) == []
    assert found(worded) == [("ANSWER-IN-FRONT", 2)]
    # The rules still leave a card out whose image only repeats its question.
    assert lint.prints_its_answer(pictured)


def test_answer_in_quotes_or_repeating_its_heading_is_in_front() -> None:
    quoted = card("Korrin precautions in asthma: door sign?", '"Korrin precautions"', line=4)
    heading = card(
        "Door sign?", "Korrin Precautions.", line=5, section=("Wards", "Korrin precautions")
    )
    other = card("Sign?", "Korrin warning", line=6, section=("Wards", "Korrin precautions"))
    assert found(quoted, heading, other) == [("ANSWER-IN-FRONT", 4), ("ANSWER-IN-FRONT", 5)]


def test_a_choice_names_its_answer_and_gives_nothing_away() -> None:
    offered = card("Anti-inflammatory in asthma: Velbarin or Tessalid?", "Velbarin", line=3)
    assert found(offered) == []
    assert found(card("Velbarin or tessalid: which is velbarin?", "Velbarin", line=3)) == [
        ("ANSWER-IN-FRONT", 3)
    ]


def test_cloze_answer_in_another_items_aside_is_a_cross_reference() -> None:
    aside = card(
        "Chain:\n\n1. {{c1::Source}} (where it lives)\n2. {{c2::Exit}} (how it leaves the source)",
        "",
        7,
        note_type="cloze",
    )
    lead_in = card(
        "Rate control with a beta-blocker (e.g. velbarin):\n\n- {{c1::Velbarin}}\n- {{c2::Tessa}}",
        "",
        8,
        note_type="cloze",
    )
    assert found(aside) == []
    assert found(lead_in) == [("ANSWER-IN-FRONT", 8)]


def test_pandoc_scripts_and_course_details_are_reported() -> None:
    scripts = card("Target SpO~2~ in asthma?", "94–98%", line=2)
    course = card("Korrin module in asthma: Prerequisites?", "Module 1 completed", line=3)
    duration = card("Velbarin course in asthma: Duration?", "7 days", line=4)
    assert found(scripts, course, duration) == [("LEFTOVER-MARKUP", 2), ("NON-CONTENT", 3)]
    assert found(course, deck=manifest(include=("course",))) == []


# -- EMPTY-FIELD ---------------------------------------------------------------------------------


def test_empty_fields() -> None:
    assert found(card("What is asthma?", "  ", line=3)) == [("EMPTY-FIELD", 3)]
    assert found(card("", "An answer.", line=4)) == [("EMPTY-FIELD", 4)]
    assert found(card("Asthma is chronic.", "", line=5, note_type="cloze")) == [("EMPTY-FIELD", 5)]
    assert found(card("Asthma is {{c1::}}.", "", line=6, note_type="cloze")) == [("EMPTY-FIELD", 6)]


@pytest.mark.parametrize("blank", ["#", "%", "# or %", "TBD", "# and type"])
def test_a_forms_blank_is_no_answer_and_is_named_as_shown(blank: str) -> None:
    problems = check_notes([card("Wells tested per month?", blank, line=7)], manifest())
    assert [(p.code, p.line) for p in problems] == [("EMPTY-FIELD", 7)]
    assert repr(blank) in problems[0].message and "is empty" not in problems[0].message
    cloze = card(f"Target for wells: {{{{c1::{blank}}}}}.", "", line=8, note_type="cloze")
    assert found(cloze) == [("EMPTY-FIELD", 8)]


@pytest.mark.parametrize("value", ["#3 ward", "40 per week", "% saturation on air", "C#"])
def test_a_value_with_a_hash_or_percent_is_an_answer(value: str) -> None:
    assert found(card("Wells tested per month?", value)) == []


def test_full_fields_and_a_cloze_without_extra_are_fine() -> None:
    assert found(card("What is asthma?", "A chronic disease of the airways.")) == []
    assert found(card("Which sign is shown?", "![](wheeze.png)")) == []
    assert found(card("Asthma is {{c1::chronic}}.", "", note_type="cloze")) == []


def test_empty_fronts_are_not_duplicates_of_each_other() -> None:
    assert found(card("", line=1), card("", line=2)) == [("EMPTY-FIELD", 1), ("EMPTY-FIELD", 2)]


# -- DANGLING-PRONOUN ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "front",
    [
        "It is triggered by what?",
        "This is made worse by which drugs?",
        "“They” are treated how?",
        "Their first symptom is {{c1::wheeze}}.",
    ],
)
def test_front_starting_with_a_pronoun_without_the_topic(front: str) -> None:
    note_type: NoteType = "cloze" if "{{c1::" in front else "basic"
    back = "" if note_type == "cloze" else "Pollen."
    assert found(card(front, back, line=11, note_type=note_type)) == [("DANGLING-PRONOUN", 11)]


@pytest.mark.parametrize(
    "front",
    [
        "It is the commonest asthma trigger: which?",
        "Itching of the eyes: which allergy?",
        "What triggers it?",
    ],
)
def test_front_that_stands_alone(front: str) -> None:
    assert found(card(front, "Pollen.")) == []


# -- FORBIDDEN-TEXT ------------------------------------------------------------------------------


def test_forbidden_phrase_in_any_field() -> None:
    deck = manifest(forbid=("Free Consultation",))
    assert found(card("What is asthma?", "Book a free  consultation!", line=2), deck=deck) == [
        ("FORBIDDEN-TEXT", 2)
    ]
    assert found(card("**Free** consultation: asthma?", "Yes.", line=3), deck=deck) == [
        ("FORBIDDEN-TEXT", 3)
    ]
    in_context = card("What is asthma?", context="Asthma › Free Consultation", line=4)
    assert found(in_context, deck=deck) == [("FORBIDDEN-TEXT", 4)]
    in_heading = card("What is asthma?", section=("Asthma", "Free consultation"), line=5)
    assert found(in_heading, deck=deck) == [("FORBIDDEN-TEXT", 5)]
    assert found(card("What is asthma?", "A free and open consultation."), deck=deck) == []


def test_forbidden_regex() -> None:
    deck = manifest(forbid=("/click\\s+to\\s+call/", "/acme(-| )clinic/"))
    hit = card("Is asthma chronic?", "A disease. Click  to call now!", line=2)
    miss = card("What is an asthma attack?", "A disease. Clicks and calls.", line=3)
    assert found(hit, miss, deck=deck) == [("FORBIDDEN-TEXT", 2)]
    both = card("What is asthma?", "Acme-Clinic: click to call.", line=4)
    assert found(both, deck=deck) == [("FORBIDDEN-TEXT", 4), ("FORBIDDEN-TEXT", 4)]


def test_invalid_forbidden_regex_is_a_manifest_error() -> None:
    with pytest.raises(ManifestError, match="not a valid regular expression"):
        check_notes([card("What is asthma?")], manifest(forbid=("/(unclosed/",)))


# -- severities, order and output ----------------------------------------------------------------


def test_severities() -> None:
    errors = {"ANSWER-IN-FRONT", "DUPLICATE-FRONT", "EMPTY-FIELD", "FORBIDDEN-TEXT"}
    errors |= {"LEFTOVER-MARKUP", "LINK-ONLY", "NON-CONTENT", "MERGE-CONFLICT"}
    assert {code for code, (severity, _) in LINT_RULES.items() if severity == "error"} == errors
    assert {severity for severity, _ in LINT_RULES.values()} == {"error", "warning"}


def test_problems_are_sorted_by_path_line_and_code() -> None:
    deck = manifest(forbid=("salbutamol",))
    cards = [
        card("Is salbutamol a reliever?", "Salbutamol", line=9),
        card("It is what?", sentence(90), line=3),
        card("What is asthma?", "", line=1),
    ]
    assert found(*cards, deck=deck) == [
        ("EMPTY-FIELD", 1),
        ("DANGLING-PRONOUN", 3),
        ("LONG-ANSWER", 3),
        ("ANSWER-IN-FRONT", 9),
        ("FORBIDDEN-TEXT", 9),
    ]


def test_format_text_and_summary() -> None:
    problems = [
        Problem("b.md", 2, "LONG-ANSWER", "too long", "warning"),
        Problem("a.md", 7, "EMPTY-FIELD", "the front is empty", "error"),
    ]
    assert format_problems(problems, "text", notes=8, cards=10) == (
        "a.md:7: EMPTY-FIELD the front is empty\n"
        "b.md:2: LONG-ANSWER too long\n"
        "1 error, 1 warning in 8 notes (10 cards)\n"
    )
    assert (
        format_problems([], "text", notes=1, cards=1) == "0 errors, 0 warnings in 1 note (1 card)\n"
    )
    assert format_problems(problems, "text").endswith("1 error, 1 warning at 2 source lines\n")


def test_format_json() -> None:
    problems = [Problem("a.md", 7, "EMPTY-FIELD", "the front is empty", "error")]
    assert json.loads(format_problems(problems, "json")) == [
        {
            "path": "a.md",
            "line": 7,
            "code": "EMPTY-FIELD",
            "severity": "error",
            "message": "the front is empty",
        }
    ]
    assert json.loads(format_problems([], "json")) == []


def test_docs_list_every_rule() -> None:
    docs = (ROOT / "docs" / "lint-rules.md").read_text(encoding="utf-8")
    table = dict(re.findall(r"^\| `([A-Z-]+)` \| (error|warning) \|", docs, re.MULTILINE))
    assert table == {code: severity for code, (severity, _) in LINT_RULES.items()}
    for code, (severity, _) in LINT_RULES.items():
        assert f"### `{code}` ({severity})" in docs


# -- a planned deck and the command --------------------------------------------------------------

SOURCE = """\
# Asthma

## FAQ

### What triggers asthma attacks?

Allergens, cold air and exercise.

### How is asthma diagnosed?

Spirometry before and after a bronchodilator.{advert}

## Questions

### What triggers asthma attacks?

Pollen and smoke.
"""

MANIFEST = """\
title = "Asthma"
id = 1234567890
topic = "asthma"
sources = ["../source/asthma.md"]
forbid = ["Free Consultation"]

[[subdeck]]
name = "FAQ"
sections = [{sections}]
"""


def write_deck(root: Path, advert: str = "", sections: str = '"FAQ"') -> Path:
    (root / "source").mkdir(exist_ok=True)
    (root / "decks").mkdir(exist_ok=True)
    (root / "source" / "asthma.md").write_text(SOURCE.format(advert=advert), encoding="utf-8")
    path = root / "decks" / "asthma.toml"
    path.write_text(MANIFEST.format(sections=sections), encoding="utf-8")
    return path


def test_check_plan_reports_at_source_lines(tmp_path: Path) -> None:
    path = write_deck(tmp_path, " Book a Free Consultation.", sections='"FAQ", "Questions"')
    problems = check_plan(plan_deck(load_manifest(path)))
    assert [(p.path, p.line, p.code) for p in problems] == [
        (PATH, 9, "FORBIDDEN-TEXT"),
        (PATH, 15, "DUPLICATE-FRONT"),
    ]
    assert "line 5" in problems[1].message


def test_command_clean_deck_exits_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_deck(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output == "0 errors, 0 warnings in 2 notes (2 cards)\n"


def test_command_says_what_build_warns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A heading with no content: `build` warns at its line, and `check` lists the same warning
    (exit 0: a warning), so a teacher running only `check` hears of it."""
    path = write_deck(tmp_path)
    source = tmp_path / "source" / "asthma.md"
    source.write_text(source.read_text(encoding="utf-8") + "\n## Empty heading\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    built = CliRunner().invoke(cli, ["build", str(path.relative_to(tmp_path)), "-o", "x.apkg"])
    warned = [line for line in built.output.splitlines() if ": warning: " in line]
    assert warned == [f"{PATH}:19: warning: heading 'Empty heading' has no content"]
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{PATH}:19: BUILD-WARNING heading 'Empty heading' has no content",
        "0 errors, 1 warning in 2 notes (2 cards)",
    ]


def test_command_summary_counts_notes_and_the_cards_they_make(project: Path) -> None:
    """A cloze note makes a card per deletion: the summary says both, as `cards` lists them."""
    listed = CliRunner().invoke(cli, ["cards", SEED_MANIFEST, "--format", "json"])
    records = json.loads(listed.output)
    notes, cards = len(records), sum(record["cards"] for record in records)
    assert cards > notes
    result = CliRunner().invoke(cli, ["check", SEED_MANIFEST])
    assert result.output.splitlines()[-1].endswith(f" in {notes} notes ({cards} cards)")


def test_command_errors_exit_1_text(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_deck(tmp_path, " Book a Free Consultation.", sections='"FAQ", "Questions"')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "decks/asthma.toml"])
    assert result.exit_code == 1, result.output
    lines = result.output.splitlines()
    assert lines[0].startswith(f"{PATH}:9: FORBIDDEN-TEXT ")
    assert lines[1].startswith(f"{PATH}:15: DUPLICATE-FRONT ")
    assert lines[2] == "2 errors, 0 warnings in 3 notes (3 cards)"


def test_command_errors_exit_1_json(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_deck(tmp_path, " Book a Free Consultation.", sections='"FAQ", "Questions"')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--format", "json"])
    assert result.exit_code == 1, result.output
    records = json.loads(result.output)
    assert [(r["path"], r["line"], r["code"], r["severity"]) for r in records] == [
        (PATH, 9, "FORBIDDEN-TEXT", "error"),
        (PATH, 15, "DUPLICATE-FRONT", "error"),
    ]
    assert all(list(r) == ["path", "line", "code", "severity", "message"] for r in records)


def test_command_warnings_only_exit_0(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write_deck(tmp_path)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "--max-answer-words", "3"])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines() == [
        f"{PATH}:5: LONG-ANSWER the answer has 5 words (limit 3): split it into several cards "
        "or keep only the key fact",
        f"{PATH}:9: LONG-ANSWER the answer has 6 words (limit 3): split it into several cards "
        "or keep only the key fact",
        "0 errors, 2 warnings in 2 notes (2 cards)",
    ]


def test_command_missing_manifest_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check", "decks/missing.toml"])
    assert result.exit_code == 2
    assert result.output.count("\n") == 1
    assert "error: decks/missing.toml: manifest not found" in result.output


def test_command_bad_forbid_regex_exits_2(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_deck(tmp_path)
    text = path.read_text(encoding="utf-8").replace('"Free Consultation"', '"/(oops/"')
    path.write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 2
    assert "not a valid regular expression" in result.output


def test_shipped_deck_has_no_errors(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    problems = check_plan(plan_deck(load_manifest(root / SEED_MANIFEST)))
    errors = [f"{p.path}:{p.line}: {p.code} {p.message}" for p in problems if p.severity == "error"]
    assert errors == []


def test_shipped_deck_has_no_silent_list(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    problems = check_plan(plan_deck(load_manifest(root / SEED_MANIFEST)))
    assert [p for p in problems if p.code == "NO-NOTE"] == []


SILENT = """\
# Kellin deficiency

## Key points

- Bleeding into the joints, which swell and stiffen over the following weeks and months
- Slow healing of the skin after cuts, because the repair cells need the hormone

## Treatment

- Velbarin, taken each morning
- Tosmarin, taken at night

## Reading

- [Kellin society](https://example.org/kellin)
- [Living with kellin deficiency](https://example.org/living)

## Worked example

Step 1: dose = 2 × 25 = 50
Step 2: total = 50 × 7 = 350
"""


def no_note_problems(tmp_path: Path, markdown: str) -> list[Problem]:
    """The NO-NOTE problems `check` finds in a document (zero-config)."""
    source = tmp_path / "kellin.md"
    source.write_text(markdown, encoding="utf-8")
    from builder.manifest import manifest_for_source

    problems = check_plan(plan_deck(manifest_for_source(source)))
    return [p for p in problems if p.code == "NO-NOTE"]


def silent(tmp_path: Path, markdown: str) -> list[tuple[int, str]]:
    """(line, severity) of each NO-NOTE problem."""
    return [(p.line, p.severity) for p in no_note_problems(tmp_path, markdown)]


def test_a_list_of_facts_that_gives_no_note_is_a_warning(tmp_path: Path) -> None:
    """A list of sentences no rule cards (under a generic heading, which names nothing the
    statements rule could ask) is reported at its line; a carded list, a reading list and a
    worked example are not."""
    assert silent(tmp_path, SILENT) == [(5, "warning")]


def test_a_table_row_too_long_to_card_is_a_warning(tmp_path: Path) -> None:
    """The table rule leaves out a row whose first cell is too long to name it, and cards the
    others: the row left out is reported at its line, the carded rows are not."""
    long = ", ".join(["velbarin", "tessalid", "korrimab", "dorvastin", "pellicor", "quantrel"])
    long += ", bravonide, sultamin, orvex and mirolast (all oral)"
    markdown = (
        "# Kellin deficiency\n\n## Interactions\n\n| Drug | Advice |\n|---|---|\n"
        f"| {long} | Halve the dose when starting any of these |\n"
        "| Loop blockers | Check potassium weekly |\n| Grapefruit | Avoid large amounts |\n"
    )
    assert silent(tmp_path, markdown) == [(7, "warning")]
    shorter = markdown.replace(long, "Velbarin and tessalid")
    assert silent(tmp_path, shorter) == []


def test_a_recipe_too_long_to_ask_is_named_as_steps(tmp_path: Path) -> None:
    """Preparation steps are asked together as one note, up to six steps: a longer recipe gives
    none, and the warning says so instead of asking for a lead-in it already has."""
    steps = [
        "Withdraw 2 mL of kellin from the vial",
        "Inject it into a 50 mL bag of glucose",
        "Mix by turning the bag over",
        "Label the bag with the time",
        "Check the strength against the chart",
        "Flush the line with saline",
        "Run it over 30 minutes",
    ]
    markdown = "# Kellin\n\n## How to dilute\n\n" + "".join(f"- {s}\n" for s in steps)
    found = no_notes(tmp_path, markdown)
    assert len(found) == 1 and found[0][0] == 5
    assert "preparation steps" in found[0][1] and "6 steps" in found[0][1]
    assert silent(tmp_path, markdown.replace("- Run it over 30 minutes\n", "")) == []


def test_a_note_template_with_blanks_to_fill_in_is_not_asked_for_facts(tmp_path: Path) -> None:
    """A resident's template to copy ("Exam showed ***. Labs were notable for ***.") gives no
    note by design: NO-NOTE does not ask its author to write its blanks as facts. The same
    paragraph with the blanks filled in is prose that states facts, and is reported."""
    template = (
        "# Kellin deficiency\n\n## Sample note\n\n"
        "**Assessment:**  \n-- **History**: *** onset, diet, kellin intake  \n"
        "-- **Exam**: *** pale nails, brittle hair, slow reflexes\n\n"
        "The patient's history is notable for ***. Exam showed ***. Taken together, the "
        "presentation is most concerning for ***, with a differential including ***.\n"
    )
    assert silent(tmp_path, template) == []
    filled = template.replace("***", "kellin loss")
    assert silent(tmp_path, filled) != []


def test_sentences_lost_beside_pairs_asked_one_by_one_are_named(tmp_path: Path) -> None:
    """In a box of pearls each `Name - meaning` item is asked alone; its sentences gave none, and
    three or more of them, half the list, lost in silence are reported at the first one. A list
    asked as one note, or with fewer sentences lost, is not."""
    pearls = (
        "# Kellin deficiency\n\n> [!tip] Pearls\n"
        "> - Kellin loss is an imbalance of two salts that the gut no longer absorbs well\n"
        "> - Orlen sign - pale, ridged nails\n"
        "> - The deficiency is more common in people who avoid green vegetables all year\n"
        "> - Marrow syndrome - slow reflexes, brittle hair\n"
        "> - Children with kellin loss often grow more slowly than their brothers and sisters\n"
        "> - Dellin test - a drop of kellin on the tongue\n"
        "> - A second course of kellin is needed when the first one gave no rise in salts\n"
    )
    found = no_notes(tmp_path, pearls)
    assert [line for line, _ in found] == [4], found
    assert "sentence items gave no note" in found[0][1]
    # it says what a plain sentence is still asked for, so its author knows what to write
    assert "which people should do something" in found[0][1]
    assert "what to give for a named thing" in found[0][1]
    fewer = pearls.replace(
        "> - A second course of kellin is needed when the first one gave no rise in salts\n",
        "> - Tessal sign - a violet tongue\n",
    )
    assert no_notes(tmp_path, fewer) == []


def no_notes(tmp_path: Path, markdown: str) -> list[tuple[int, str]]:
    """(line, message) of each NO-NOTE warning `check` gives a document."""
    return [(p.line, p.message) for p in no_note_problems(tmp_path, markdown)]


def test_a_list_whose_items_restate_each_other_says_why_it_gave_no_note(tmp_path: Path) -> None:
    """A heading's facets that repeat each other's words give no cloze (each card would print
    another's answer); the warning names that, not a missing lead-in. With the target said once,
    the list is a cloze again and nothing is reported."""
    markdown = (
        "# Ear nerves\n\n## Tellic nerve\n\n- Motor\n- Ear tilting (posterior auricle muscle)\n"
        "- Tellic nucleus in the medulla >>> Posterior auricle muscle\n"
    )
    found = no_notes(tmp_path, markdown)
    assert len(found) == 1 and found[0][0] == 5
    assert "say each other's words" in found[0][1] and "lead-in" not in found[0][1]
    said_once = markdown.replace(" (posterior auricle muscle)", "")
    assert silent(tmp_path, said_once) == []


def test_a_list_under_a_heading_naming_it_is_not_told_to_get_a_heading(tmp_path: Path) -> None:
    """Seven sentences right under a heading that names them (a picture between is no lead-in)
    gave no note: the warning asks for short items, not for the lead-in or heading the list
    already has. Under a heading naming no subject ("Key points", "Clinical pearls") it still
    suggests one."""
    items = "".join(
        f"- {sentence}.\n"
        for sentence in (
            "Cold, damp skin that may look pale or grey",
            "Heavy sweating or wet skin",
            "Blue lips and fingertips",
            "Fast and weak pulse",
            "Fast and shallow breathing",
            "Wide or narrow pupils",
            "Confusion such as being lost, dizzy, restless or feeling faint",
        )
    )
    picture = "![A patient lying down](/img/shock.jpg)\n\n"
    named = no_notes(tmp_path, f"# Korrin shock\n\n## Signs of korrin shock\n\n{picture}{items}")
    assert len(named) == 1 and named[0][0] == 7
    assert "its heading says what its items are" in named[0][1] and "lead-in" not in named[0][1]
    for heading in ("Key points", "Clinical pearls"):  # a part of any page; a box of points
        generic = no_notes(tmp_path, f"# Korrin shock\n\n## {heading}\n\n{items}")
        assert len(generic) == 1 and "lead-in line ending in ':' (or a heading)" in generic[0][1]


STEPS = "".join(
    f"{number}. {step}.\n"
    for number, step in enumerate(
        (
            "Ring 999 when the fit runs past five minutes or the person is hurt in the fall",
            "Keep the person still and clear hard or sharp things away from them on the floor",
            "Put a folded coat or a soft bag under their head so that it is not knocked",
            "Turn them onto their side once the jerking has stopped, with the top knee bent",
            "Do not put anything in their mouth, and do not hold their arms or legs down",
            "Time the fit from the start, and write down what you saw for the ambulance crew",
            "Stay with them until they are fully awake, and talk to them calmly as they wake",
            "Check their breathing once the fit is over, and start rescue breaths if it stopped",
            "Call their family or carer once the ambulance is on its way",
        ),
        1,
    )
)


def test_steps_that_gave_no_note_are_told_to_be_short_steps_not_labels(tmp_path: Path) -> None:
    """Nine first-aid steps written as sentences give no note (too many to ask as one card).
    Labels (`Term: value`) would not fit steps: the warning asks for short steps (a cloze), for
    a heading only when none names the steps, and after a lead-in (bold too) for fewer steps.
    Written as short actions the steps are carded; a list of facts keeps its advice."""
    named = no_notes(tmp_path, f"# Korrin fits\n\n## Korrin fit first aid\n\n{STEPS}")
    assert len(named) == 1 and named[0][0] == 5
    assert "these steps gave no note" in named[0][1] and "Term: value" not in named[0][1]
    assert "lead-in" not in named[0][1]
    led = no_notes(tmp_path, f"# Korrin fits\n\n## Korrin fit\n\nDuring a fit:\n\n{STEPS}")
    assert len(led) == 1 and "after a lead-in line" in led[0][1]
    assert "Term: value" not in led[0][1] and "give them a heading" not in led[0][1]
    bold = no_notes(tmp_path, f"# Korrin fits\n\n## Korrin fit\n\n**During a fit:**\n{STEPS}")
    assert len(bold) == 1 and "after a lead-in line" in bold[0][1]
    generic = no_notes(tmp_path, f"# Korrin fits\n\n## Key points\n\n{STEPS}")
    assert len(generic) == 1 and "these steps gave no note: give them a heading" in generic[0][1]
    assert "Term: value" not in generic[0][1]
    short = "".join(" ".join(line.split()[:4]) + "\n" for line in STEPS.splitlines())
    assert silent(tmp_path, f"# Korrin fits\n\n## Key points\n\n{short}") == []
    facts = no_notes(
        tmp_path,
        f"# Korrin\n\n## Key points\n\n{SILENT.split('## Key points')[1].split('##')[0].strip()}\n",
    )
    assert len(facts) == 1 and "Term: value" in facts[0][1]


def test_term_lines_are_asked_or_told_how_to_be_asked(tmp_path: Path) -> None:
    """Soft-wrapped `Term: meaning` lines (a verse block's) are asked one by one, a long meaning
    too; when one is a long sentence no rule asks them, and `check` warns at the paragraph's
    line with what to write (a term, a colon, a meaning that is no sentence), not "a `Term:
    value` line", which they already are."""
    lines = (
        "P wave: the spread of the impulse from the sinus node across both atria of the heart\n"
        "QRS: ventricular depolarisation\n"
    )
    assert silent(tmp_path, f"# Heart trace\n\n## Waves\n\n{lines}") == []
    sentence = lines.replace("P wave: the spread of", "P wave: the wave is made by the spread of")
    found = no_notes(tmp_path, f"# Heart trace\n\n## Waves\n\n{sentence}")
    assert len(found) == 1 and found[0][0] == 5
    assert "labelled lines" in found[0][1] and "not a sentence" in found[0][1]
    assert "`Term: value` line" not in found[0][1]


def test_a_navigation_table_is_not_told_to_name_its_rows(tmp_path: Path) -> None:
    """A table whose first column names pages (links to them, file names, or a `Page` header)
    is where to read, not facts: when the table rule makes nothing of it, `check` does not ask
    for a first column of names (it has one); nor of a worked example's table. A table of facts
    still is told so."""
    facts = (
        "# Kellin deficiency\n\n## Signs\n\n| Sign | Condition | Seen in |\n|---|---|---|\n"
        "| Wheeze<br>Cough | Velbar flare<br>Korrin strain | Adults<br>Children |\n"
        "| Fever<br>Rash | Tessal fever<br>Korrin strain | Adults<br>Babies |\n"
    )
    assert [line for line, _ in silent(tmp_path, facts)] == [5]
    pages = facts.replace("| Sign |", "| Page |")
    assert silent(tmp_path, pages) == []
    files = facts.replace("Wheeze<br>Cough", "wheeze.md<br>cough.md").replace(
        "Fever<br>Rash", "[Fever](https://example.org/fever)"
    )
    assert silent(tmp_path, files) == []
    example = facts.replace("## Signs", "## Worked example")  # its counts hold for it only
    assert silent(tmp_path, example) == []


def test_a_list_of_numbered_labels_says_why_it_gave_no_note(tmp_path: Path) -> None:
    """Items labelled only by the author's numbering (`Path 2:`) name nothing a card can ask:
    the warning says so, and once each is named after its number the list is carded."""
    markdown = (
        "# Korrin\n\n## Korrin signalling\n\n"
        "- Path 1: the ligand binds velbin and opens the gate.\n"
        "- Path 2: the cell loses its survival signal and its dalnor runs low.\n"
    )
    found = no_notes(tmp_path, markdown)
    assert len(found) == 1 and found[0][0] == 5
    assert "only numbers" in found[0][1] and "lead-in" not in found[0][1]
    named = markdown.replace("Path 1: ", "Path 1: Velbin route: ").replace(
        "Path 2: ", "Path 2: Dalnor route: "
    )
    assert silent(tmp_path, named) == []


REMEMBER = """\
# Korrin fever

## Remember

- **Rest matters most**: Korrin fever in infants is always urgent
- **Fever itself is not the enemy**: It helps the body fight the mite
- **Fluids come first**: More important than food during fever
- **Don't fear the rash**: Most rashes fade within a week
- **How the child plays matters**: A child who plays when the fever falls is less worrying
"""


def test_labelled_items_dropped_beside_carded_ones_are_named(tmp_path: Path) -> None:
    """A list whose labels read as slogans: a rule cards two items and drops three; `check`
    names the first dropped item, not silent because a sibling gave a note. A list whose items
    each give their note says nothing."""
    found = no_notes(tmp_path, REMEMBER)
    assert [line for line, _ in found] == [5]
    assert "labelled items gave no note" in found[0][1]
    named = (
        "# Korrin fever\n\n## Drugs\n\n- **Velbarin**: kills the korrin mite\n"
        "- **Tessalid**: soothes the rash\n- **Dorvastin**: lowers the fever\n"
        "- **Pellicor**: stops the itch\n- **Quantrel**: clears the eggs\n"
    )
    assert silent(tmp_path, named) == []


def test_a_sentence_under_a_generic_heading_is_said_of_the_topic() -> None:
    """Under "Background" the topic is what the sentence defines: no NO-SUBJECT."""
    background = cloze("Asthma: Defined as wheeze {{c1::twice}} a week", section=("Background",))
    assert found(background) == []


LONG_PROSE = """\
# Korrin fever

## Management

**Velbarin:** the first drug for korrin fever.

Most children are managed at home with rest, fluids and velbarin, and only a few need a bed on \
the ward, where the team watches the rash, the temperature and the fluid balance closely. A \
child who stops drinking can be given fluids through a drip until the fever settles and the \
child can drink again without help, which in most cases happens quickly. Dehydration is the \
main danger in the first days of the illness. The child can then go home with a plan for the \
parents, who bring the child back to the clinic after a week.
"""


def test_a_long_paragraph_that_gave_no_note_is_named(tmp_path: Path) -> None:
    """A management paragraph of 80 words or more gives no note while its section's label line
    does: `check` names the paragraph. A short one, one a rule carded, or one where the page's
    publisher speaks ("our nurses") is not named."""
    found = no_notes(tmp_path, LONG_PROSE)
    assert [line for line, _ in found] == [7]
    assert "80 words or more" in found[0][1]
    short = LONG_PROSE.split(" A child who stops", 1)[0] + "\n"  # its first sentence alone
    assert "Most children" in short and "Dehydration" not in short
    assert silent(tmp_path, short) == []
    figure = LONG_PROSE.replace("happens quickly", "happens within 5 days")
    assert silent(tmp_path, figure) == []
    offer = LONG_PROSE.replace("Most children are", "Our nurses say most children are")
    assert silent(tmp_path, offer) == []  # the publisher speaking: a leaflet's offer, not facts


def test_a_term_over_its_points_is_no_longer_silent(tmp_path: Path) -> None:
    markdown = SILENT.replace(
        "- Bleeding into the joints",
        "- Marrow clotting: clots in the marrow veins\n"
        "  - Signs\n    - bone pain\n    - fever\n- Bleeding into the joints",
    )
    assert silent(tmp_path, markdown) == []


def test_a_review_slides_options_and_case_are_not_silent_lists(tmp_path: Path) -> None:
    """Lettered options after a case with no question (and a quiz's struck options) make no
    note by design: no NO-NOTE advice to give them a lead-in."""
    slides = (
        "# Kellin review\n\n---\n# Q1\n\nA 52-year-old woman has had swollen knees for 3 weeks "
        "and bruises on both arms since she started a new tablet.\n\n"
        "- A. Start velbarin each morning\n- B. Stop the tablet and recheck in a week\n"
        "- C. Refer for a joint wash-out\n"
    )
    assert silent(tmp_path, slides) == []


PROSE = """\
# Kellin deficiency

## Background

Kellin deficiency is a rare disorder of the marrow that makes the joints bleed.

## Outlook

These children often do well. In practice, the joints are rarely spared for long.

## Diagram

The clotting cascade is shown above, with the kellin step marked in red.

## Dosing

Velbarin is a drug for the joints at 40 mg/kg a day.

## Biopsy

A marrow biopsy is performed to confirm the diagnosis in most children.

## Signs

Tosmarin is a hormone made in the marrow.

- Bleeding into the joints
- Slow healing of the skin
"""


def test_a_section_whose_prose_says_what_a_thing_is_and_gave_no_note_is_a_warning(
    tmp_path: Path,
) -> None:
    """A section that gave no note at all, opening a paragraph with what a thing is ("Kellin
    deficiency is a rare disorder …"), is reported at the paragraph; not prose that leans on
    what came before or talks about the page, a sentence with a figure (the measure rule's),
    nor a section that gave a note."""
    assert silent(tmp_path, PROSE) == [(5, "warning")]


OVERVIEW = """# Korrin knee

## Overview

Korrin knee (also known as velbar joint, tessal knee or the wanderer's knee) comes on slowly
over months, often in people who walk a long way on hard ground every single day of the week.

Walking, weight, old injuries and some kinds of work all play a part, and often several of them
together. The knee swells when the fluid inside it thickens, and the joint then feels stiff in
the morning and after sitting.

Resting the knee can ease the swelling within weeks, but the stiffness tends to come back if
the walking goes on unchanged. In some people, for instance those whose knee locks or gives
way, a surgeon may need to look inside the joint and clear it.

Your nurse may suggest exercises to keep the muscles round the knee strong once the swelling
has settled, so that the joint is better held and less likely to flare up again later.

## Signs

- Swelling
- Stiffness
"""


def test_a_long_section_of_prose_that_gave_no_note_is_a_warning(tmp_path: Path) -> None:
    """A section of three paragraphs and 150 words of prose or more that gave no note is
    reported at its first paragraph, whatever its sentences open with (a patient page's
    overview: the page gave notes of its last lines only); two such paragraphs are not."""
    assert silent(tmp_path, OVERVIEW) == [(5, "warning")]
    shorter = OVERVIEW.replace(OVERVIEW[OVERVIEW.index("Resting") : OVERVIEW.index("## Signs")], "")
    assert silent(tmp_path, shorter) == []


LINED = """# Tessen splints

## Fitting a tessen splint

Kit to bring to the bedside:
¤ A padded tessen splint cut to the length of the whole limb
¤ Two crepe bandages of ten centimetres, rolled and ready
¤ Tape strips or a strap that closes with hook and loop
Steps to follow:
¤ Check the pulse and the feeling in the toes before you start
¤ Pad every bony point that the splint will press against
¤ Lay the splint along the limb past the joint above and below
¤ Wrap the bandage from the toes upward in even turns
¤ Check the pulse and the feeling in the toes once more

## Taking it off

Cut the tape and unwind the bandage slowly.
"""


def test_a_long_section_of_lines_that_gave_one_note_or_none_is_a_warning(
    tmp_path: Path,
) -> None:
    """A section whose text is mostly lines of one paragraph (a list typed with a glyph no rule
    knows, as a PDF leaves it), 500 characters or more, that gave one note or none is named at
    its first line; the same words as a Markdown list, or as hard-wrapped prose (its lines going
    on in small letters), are not."""
    warned = no_notes(tmp_path, LINED)
    assert [line for line, _ in warned] == [5]
    assert "one note or none" in warned[0][1]
    listed = LINED.replace("¤ ", "- ").replace("Steps to follow:", "\nSteps to follow:")
    assert all("one note or none" not in message for _, message in no_notes(tmp_path, listed))
    wrapped = LINED.replace("\n¤ ", "\nand ").replace("Steps", "steps")
    assert all("one note or none" not in message for _, message in no_notes(tmp_path, wrapped))


TERMS = """# Kellin habits

## Errors of thinking

### Velbarizing

Expecting the worst outcome of every small setback at work or at home.

### Tessalation

A pattern of copying the mood of whoever spoke last in a group.

### Korrinism

Most staff on the ward notice it within a week, and the notes record it each shift.
"""


def test_a_term_among_terms_that_gave_no_note_is_a_warning(tmp_path: Path) -> None:
    """Among sections that list terms, one the term rule refused (its paragraph opens as no
    definition does) is reported at its paragraph, with what to write; its siblings, carded as
    terms, are not, and once it opens with what the term is it is carded too."""
    found = no_notes(tmp_path, TERMS)
    assert [line for line, _ in found] == [15]
    assert "this term gave no note" in found[0][1] and "35 words" in found[0][1]
    defined = TERMS.replace("Most staff on the ward notice it", "Seeing a slight in every remark")
    assert silent(tmp_path, defined) == []


# -- the near-duplicate search reports what comparing every pair reports -------------------------

WORDS = [
    *"the a of in is how what which for and".split(),  # stopwords: wording only
    *"liver livers metastasis metastases tumour tumours scan scans treated treat".split(),
    *"ct mri 5 10 café".split(),
    *"печень опухоль лечение метастазы".split(),  # words content_words cannot see
]


@st.composite
def similar_fronts(draw: st.DrawFn) -> list[str]:
    """Fronts made from a few base questions by small edits: many near-duplicates, duplicates
    and sibling questions, in one content-word group or across several."""
    word = st.sampled_from(WORDS)
    bases = draw(st.lists(st.lists(word, min_size=1, max_size=9), min_size=1, max_size=4))
    fronts = []
    for _ in range(draw(st.integers(1, 40))):
        words = list(draw(st.sampled_from(bases)))
        for _ in range(draw(st.integers(0, 3))):
            place = draw(st.integers(0, len(words)))
            edit = draw(st.sampled_from(["insert", "delete", "ending", "letter", "case"]))
            if edit == "insert":
                words.insert(place, draw(word))
            elif words and edit == "delete":
                del words[min(place, len(words) - 1)]
            elif words and edit == "ending":
                words[min(place, len(words) - 1)] += draw(st.sampled_from(["s", "es", "e"]))
            elif words and edit == "letter":
                at = min(place, len(words) - 1)
                words[at] = words[at][:-1] + draw(st.sampled_from("aéиx1"))
            elif words:
                at = min(place, len(words) - 1)
                words[at] = f"*{words[at].upper()}*"
        fronts.append(" ".join(words) + draw(st.sampled_from(["?", "", " ?", "."])))
    return fronts


def all_pairs(texts: list[str]) -> list[tuple[str, int, int, str]]:
    """The rule by the book: each front against every earlier distinct front; the most similar
    one that passes (earliest of equals). (code, line, earlier line, similarity shown)."""
    found: list[tuple[str, int, int, str]] = []
    earlier: list[tuple[int, str]] = []
    for line, text in enumerate(texts, 1):
        key = front_key(text)
        if not key:
            continue
        same = [other_line for other_line, other in earlier if other == key]
        if same:
            found.append(("DUPLICATE-FRONT", line, same[0], ""))
            continue
        passing = []
        for other_line, other in earlier:
            ratio = difflib.SequenceMatcher(None, other, key, autojunk=False).ratio()
            if ratio >= NEAR_DUPLICATE_RATIO and only_wording_differs(key, other):
                passing.append((ratio, -other_line))
        if passing:
            ratio, other_line = max(passing)
            found.append(("NEAR-DUPLICATE-FRONT", line, -other_line, f"{ratio:.0%}"))
        earlier.append((line, key))
    return found


def reported(texts: list[str]) -> list[tuple[str, int, int, str]]:
    cards = [card(text, "An answer.", line=n) for n, text in enumerate(texts, 1)]
    result = []
    for p in check_notes(cards, manifest()):
        if p.code in ("DUPLICATE-FRONT", "NEAR-DUPLICATE-FRONT"):
            match = re.search(r"(?:is (\d+%) similar to .*)?at line (\d+)$", p.message)
            assert match is not None, p.message
            result.append((p.code, p.line, int(match.group(2)), match.group(1) or ""))
    return result


@pytest.mark.parametrize("small_group", [lint.SMALL_GROUP, 0], ids=["as-shipped", "all-indexed"])
@settings(max_examples=150, deadline=None)
@given(
    st.one_of(
        similar_fronts(),
        st.lists(
            st.text(alphabet="ab cdé?1", min_size=1, max_size=40).map(lambda s: "Q " + s),
            max_size=12,
        ),
    )
)
def test_near_duplicates_match_an_all_pairs_search(small_group: int, texts: list[str]) -> None:
    """`small_group=0` sends every group through the q-gram index, however small."""
    with mock.patch.object(lint, "SMALL_GROUP", small_group):
        got = reported(texts)
    assert got == all_pairs(texts)


@settings(max_examples=100, deadline=None)
@given(similar_fronts())
def test_fronts_that_pass_share_the_grams_the_index_counts_on(texts: list[str]) -> None:
    """The bound the index rests on: a pair that reaches the ratio shares at least as many
    q-grams (with repeats) as `_shared_grams_needed` says for either front's length."""
    keys = [front_key(text) for text in texts[:15]]
    for first, second in itertools.combinations(keys, 2):
        ratio = difflib.SequenceMatcher(None, first, second, autojunk=False).ratio()
        if ratio >= NEAR_DUPLICATE_RATIO:
            shared = len(set(lint._grams(first)) & set(lint._grams(second)))
            for front in (first, second):
                assert shared >= lint._shared_grams_needed(len(front), NEAR_DUPLICATE_RATIO)


def test_a_large_group_is_compared_through_the_index() -> None:
    """Cyrillic questions all fall into one group (`content_words` sees no words in them): each
    is compared with the few fronts that share its rare runs of letters, not with all others."""
    rng = random.Random(1)
    syllables = [c + v for c in "бвгдзклмнпрстфхцчшжщ" for v in "аеиоуяыэю"]
    vocabulary = ["".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(1000)]
    fronts = [" ".join(rng.choices(vocabulary, k=rng.randint(4, 9))) for _ in range(600)]
    candidates = lint._Candidates(fronts, NEAR_DUPLICATE_RATIO)
    compared = sum(len(list(candidates.earlier(position))) for position in range(len(fronts)))
    assert candidates.indexed
    assert compared < 0.15 * len(fronts) * (len(fronts) - 1) / 2, compared


@given(st.text(max_size=300), st.text(max_size=300))
def test_packed_character_counts(first: str, second: str) -> None:
    common = sum((Counter(first) & Counter(second)).values())
    # Characters outside a-z, 0-9 and space share a few counts: the bound may only be higher.
    assert _common_chars(_char_counts(first), _char_counts(second)) >= common
    simple = "".join(c for c in first if c in "abc 1"), "".join(c for c in second if c in "abc 1")
    assert _common_chars(*map(_char_counts, simple)) == sum(
        (Counter(simple[0]) & Counter(simple[1])).values()
    )


def test_sibling_fronts_from_one_template_are_not_near_duplicates() -> None:
    first = card("What does CT stand for in asthma?", "computed tomography", line=5)
    second = card("What does ER stand for in asthma?", "emergency room", line=9)
    third = card("In asthma, the 5-year rate is {{c1::10%}}.", "", line=12, note_type="cloze")
    fourth = card("In asthma, the 10-year rate is {{c1::5%}}.", "", line=13, note_type="cloze")
    assert check_notes([first, second], manifest()) == []
    assert [p.code for p in check_notes([third, fourth], manifest())] == []


# -- the text helpers' shortcuts give what the long way gives --------------------------------------

MARKDOWNISH = st.text(alphabet="ab Zé1.\n*_`[]()!<>&#-+=|~\\\t\u00a0\x0c:{}", max_size=30)
LISTISH = st.lists(
    st.tuples(
        st.sampled_from(["- ", "- ", "-  ", "-    ", "", "", "-", "* ", "1. ", " ", "  "]),
        st.one_of(
            st.from_regex(r"[abZé1…(:%][ab Z1.)…]{0,5}", fullmatch=True), st.text("ab-*1.) \t")
        ),
    ),
    max_size=8,
).map(lambda lines: "\n".join(start + text for start, text in lines))
"""Lines of list items, plain lines and empty lines: the shapes plain_text reads without parsing,
and near misses."""


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        MARKDOWNISH,
        st.text(max_size=30),
        MARKDOWNISH.map(lambda s: "a" + s),
        LISTISH,
        LISTISH.map(lambda s: s + "\n"),
    )
)
def test_plain_text_of_plain_lines_skips_the_parser(markdown: str) -> None:
    """The shortcut gives what the parser gives (`_plain_lines` answers for many of these)."""
    text = NUMBERED_DELETION.sub(lambda m: lint._cloze_text(m.group(2)), markdown)
    assert plain_text(markdown) == lint._parsed_plain_text(text)
    assert longest_list(markdown) == lint._parsed_longest_list(markdown)


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet="aAbB iIsSkK_é…\u0130\u0131\u017f\u212a\u00a0-\t\n", max_size=20),
    st.text(alphabet="aAbB iIsSkK_é-\t", min_size=1, max_size=6).filter(str.strip),
)
def test_answer_search_shortcut_agrees_with_the_regex(text: str, answer: str) -> None:
    assert lint._contains(text, answer) == lint._found_as_words(text, answer)


def test_only_four_characters_beyond_ascii_match_an_ascii_letter_ignoring_case() -> None:
    """What the answer search's shortcut rests on (lint._ASCII_FOLDS)."""
    letters = re.compile("[a-z]", re.IGNORECASE)
    found = [
        chr(code)
        for code in range(0x80, 0x110000)
        if not 0xD800 <= code <= 0xDFFF and letters.fullmatch(chr(code))
    ]
    assert found == ["\u0130", "\u0131", "\u017f", "\u212a"]
    assert all(lint._ASCII_FOLDS.fullmatch(char) for char in found)


# -- LEFTOVER-MARKUP ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "back", "shown"),
    [
        ("What is velbarin?**", "A tick drug.", "`**`"),
        ("[World Health Organization?", "Fact sheet.", "an unmatched `[` or `]`"),
        ("What is velbarin?", "Fact sheet](https://example.org/who)", "a broken link `](`"),
        ("What is velbarin?", "A tick drug[^3].", "a footnote marker `[^...]`"),
        ("What is velbarin?", "==First-line== drug.", "highlight marks `==`"),
        ("What is velbarin?", "Oral :material-pill: drug.", "an icon code `:name:`"),
        ("Which link opens?", 'Guidance{:target="_blank"}', "an attribute list `{...}`"),
        ("Which grade?", "Strong {{ grade }}", "double braces `{{ }}`"),
        ("Which grade?", "Strong {\u2060{ grade", "double braces `{{ }}`"),
        ("What is velbarin?", "A [[Tick drug]].", "a wikilink `[[...]]`"),
        ("What is velbarin?", "Ticks &amp;amp; lice.", "an HTML entity"),
        ("What is velbarin?", "A &lt;span&gt;drug&lt;/span&gt;.", "an HTML tag"),
        ("What is __velbarin?", "A drug.", "`__`"),
        ("Kidney?", "Creatinine above 3\nvelb.list-type:: number", "a property line `key:: value`"),
        ("Spore test?", "Negative,.", "a separator left by removed markup"),
        ("Shape?", 'Like "a string of beads",,.', "a separator left by removed markup"),
        ("Which test?", "The **^15^N breath test**.", "a Pandoc sub- or superscript"),
        ("Which drug?", "[Velbarin][vb] first.", "a reference link `[text][label]`"),
        ("Which ratio?", "V$_{d}/V_t$ in health.", "TeX math left in dollars"),
        ("Which symbol?", "P$_{plt}\\(** or **P \\)_{mes}$", "TeX math left in dollars"),
    ],
)
def test_leftover_markup(front: str, back: str, shown: str) -> None:
    problems = check_notes([card(front, back, line=6)], manifest())
    assert [(p.code, p.line) for p in problems] == [("LEFTOVER-MARKUP", 6)]
    assert shown in problems[0].message


@pytest.mark.parametrize(
    ("front", "back"),
    [
        ("What is **velbarin**?", "A __tick__ drug, *oral*."),
        ("What is velbarin?", "See the [guideline](https://example.org/g) on ticks."),
        ("What is velbarin?", "Ticks &amp; lice, <b>both</b> [sic]."),
        ("What is velbarin?", "Take at 10:30: with food."),
        ("What is velbarin?", "| Dose | Time |\n|---|---|\n| 2 mg | 8:00 |"),
        ("What is velbarin?", "A ratio of 1:2, `x == y` in code."),
        ("What is velbarin?", "Written std::move in C++; a ratio a::b."),
        ("Which drugs?", "Velbarin, tessalid, ... and others; a pH of 7,5."),
        ("Which price?", "Costs $5 and $10; the index \\( K_{a} \\), P<sub>pk</sub>."),
        ("首选哪种药?", "首选**维巴林（velbarin）**口服, a**(b)**c."),
    ],
)
def test_markup_that_renders_is_no_leftover(front: str, back: str) -> None:
    assert found(card(front, back)) == []


def test_an_ascii_arrow_is_no_highlight_mark() -> None:
    """An author's arrow notation (`===|enzyme E|===>`, `==>`) is one token, not `==` marks
    left as text; a real `==mark==` beside an arrow still is."""
    arrowed = card("Korrin pathway?", "Tyrosine ===|enzyme E|===> korrin ==> rash", line=2)
    assert found(arrowed) == []
    marked = card("Korrin pathway?", "Tyrosine ===> ==korrin== rash", line=2)
    assert found(marked) == [("LEFTOVER-MARKUP", 2)]


def test_leftover_markup_in_a_cloze_is_found_inside_the_deletions() -> None:
    cloze = card("Causes: {{c1::==ticks==}}, {{c2::needles}}", "", line=3, note_type="cloze")
    assert found(cloze) == [("LEFTOVER-MARKUP", 3)]
    assert found(card("Causes: {{c1::ticks}}, {{c2::needles}}", "", note_type="cloze")) == []


def test_a_deletion_cutting_into_emphasis_is_checked_as_the_card_renders_it() -> None:
    """A deletion inside a bold span that touches a word (`Hy**{{c1::po}}**`): CommonMark
    leaves the `**` open between a letter and the deletion's brace, and the card closes it
    (`dialects.closed_bold`), so it is no leftover; a bold run nothing closes still is. Bold
    around or inside a whole deletion renders."""
    from builder.render import to_html

    cut = "Korrin: Hy**{{c1::po}}** so slow"
    assert "<strong>" in to_html(cut) and "**" not in to_html(cut)
    assert found(card(cut, "", line=5, note_type="cloze")) == []
    lone = card("Korrin: Hy**{{c1::po}} so slow", "", line=5, note_type="cloze")
    assert found(lone) == [("LEFTOVER-MARKUP", 5)]
    for whole in ("Korrin: **{{c1::Hypo}}** so slow", "Korrin: {{c1::Hy**po**}} so slow"):
        assert found(card(whole, "", note_type="cloze")) == []


def test_markup_in_a_heading_is_reported_once_for_its_section() -> None:
    context = 'Gout › <span id="ult">Urate lowering</span>'
    notes = [card(f"Question {n}?", "Answer.", line=n, context=context) for n in (4, 5, 6)]
    problems = check_notes(notes, manifest())
    assert [(p.code, p.line) for p in problems] == [("LEFTOVER-MARKUP", 4)]
    assert "the heading path" in problems[0].message and "an HTML tag" in problems[0].message
    assert found(card("Question?", context="Gout › Urate lowering")) == []


# -- LINK-ONLY and LINK-IN-FRONT -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("front", "back", "note_type"),
    [
        ("Further reading in asthma?", "[NHS — Asthma](https://example.org/nhs)", "basic"),
        ("Source of the asthma guide?", "https://example.org/asthma", "basic"),
        ("Related guide in asthma?", "/guides/asthma-action-plan", "basic"),
        ("[Asthma UK](https://example.org/uk)", "A charity.", "basic"),
        ("Reading: {{c1::[NHS](https://example.org/nhs)}}, {{c2::spirometry}}", "", "cloze"),
    ],
)
def test_link_only(front: str, back: str, note_type: NoteType) -> None:
    assert found(card(front, back, line=8, note_type=note_type)) == [("LINK-ONLY", 8)]


def test_a_wikilink_side_is_leftover_markup_not_a_link() -> None:
    assert found(card("What does RF stand for?", "[[Renal failure]]", line=2)) == [
        ("LEFTOVER-MARKUP", 2)
    ]


def test_link_in_front() -> None:
    linked = card("When is [velbarin](https://example.org/v) given (asthma)?", "At night.", line=5)
    assert found(linked) == [("LINK-IN-FRONT", 5)]
    assert found(card("When is velbarin given (asthma)?", "At night.", line=5)) == []
    # an image on the front is no link, and a link in the answer is fine
    assert found(card("Which rash is this (asthma)? ![rash](rash.png)", "Hives.")) == []
    assert found(card("Who wrote the asthma guide?", "[NICE](https://example.org) in 2021.")) == []


# -- NON-CONTENT ---------------------------------------------------------------------------------


def test_non_content_from_a_skipped_heading() -> None:
    note = card(
        "Korrin Society guidelines?", "2020 edition.", line=9, section=("Asthma", "Resources")
    )
    assert found(note) == [("NON-CONTENT", 9)]
    assert found(note, deck=manifest(include=("resources",))) == []
    assert found(card("Triggers?", "Pollen.", section=("Asthma", "Triggers"))) == []


@pytest.mark.parametrize(
    "deletion",
    ["Join our Discord for weekly asthma quizzes", "Follow us on Instagram"],
)
def test_non_content_line_inside_a_list(deletion: str) -> None:
    cloze = card(
        f"Triggers: {{{{c1::pollen}}}}, {{{{c2::{deletion}}}}}", "", line=4, note_type="cloze"
    )
    assert found(cloze) == [("NON-CONTENT", 4)]
    assert found(cloze, deck=manifest(include=("promotion",))) == []


def test_non_content_answer() -> None:
    disclaimer = "This page is not a substitute for professional medical advice."
    assert found(card("Is asthma curable?", disclaimer, line=2)) == [("NON-CONTENT", 2)]
    assert found(card("Is asthma curable?", "No, but it can be controlled.", line=2)) == []


# -- SENTENCE-CLOZE --------------------------------------------------------------------------------


def test_sentence_cloze() -> None:
    sentence_item = "Velbarin is given twice a day with food."
    whole = card(f"Key points:\n\n- {{{{c1::{sentence_item}}}}}", "", line=3, note_type="cloze")
    long_item = "velbarin twice daily with food for seven days unless the knees ache badly"
    clause = card(f"Key points:\n\n- {{{{c1::{long_item}}}}}", "", line=3, note_type="cloze")
    short = card(
        "Key points:\n\n- {{c1::velbarin}}\n- {{c2::rest.}}", "", line=3, note_type="cloze"
    )
    assert found(whole) == [("SENTENCE-CLOZE", 3)]
    assert found(clause) == [("SENTENCE-CLOZE", 3)]
    assert found(short) == []
    assert found(clause, deck=manifest(max_cloze_words=15)) == []
    # one problem per note, naming every deletion
    both = card(
        f"Key points:\n\n- {{{{c1::{sentence_item}}}}}\n- {{{{c2::{long_item}}}}}",
        "",
        line=3,
        note_type="cloze",
    )
    problems = check_notes([both], manifest())
    assert len(problems) == 1
    assert "c1 is a whole sentence; c2 has 13 words (limit 12)" in problems[0].message


def test_a_list_item_ending_in_an_abbreviation_is_no_sentence() -> None:
    item = "gloves, gowns, masks, goggles, visors, etc."
    assert found(card(f"PPE: {{{{c1::{item}}}}}", "", note_type="cloze")) == []


# -- build --strict runs the same checks -----------------------------------------------------------


def test_build_strict_fails_on_any_lint_error_and_lists_them_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_deck(tmp_path, " Book a Free Consultation.", sections='"FAQ", "Questions"')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["build", "decks/asthma.toml", "--strict"])
    assert result.exit_code == 2, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert errors[0].startswith(
        "error: decks/asthma.toml: the deck has 2 lint errors (--strict); fix them"
    )
    assert errors[1].startswith(f"error: {PATH}:9: FORBIDDEN-TEXT ")
    assert errors[2].startswith(f"error: {PATH}:15: DUPLICATE-FRONT ")
    assert len(errors) == 3
    assert not (tmp_path / "dist" / "asthma.apkg").exists()
    assert not (tmp_path / "decks" / "asthma.lock").exists()
    # without --strict the same deck builds (check is where a teacher reads the problems)
    result = CliRunner().invoke(cli, ["build", "decks/asthma.toml"])
    assert result.exit_code == 0, result.output


def test_build_strict_passes_a_deck_with_warnings_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_deck(tmp_path)
    source = tmp_path / "source" / "asthma.md"
    key_points = "- Pollen makes asthma worse in spring.\n- Cold air narrows the airways quickly.\n"
    source.write_text(source.read_text() + "\n## Key points\n\n" + key_points)
    (tmp_path / "decks" / "asthma.toml").write_text(
        MANIFEST.format(sections='"FAQ", "Key points"'), encoding="utf-8"
    )
    monkeypatch.chdir(tmp_path)
    checked = CliRunner().invoke(cli, ["check"])
    assert checked.exit_code == 0 and "0 errors, 1 warning" in checked.output, checked.output
    result = CliRunner().invoke(cli, ["build", "--strict"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "dist" / "asthma.apkg").exists()


def test_a_merge_conflict_is_a_check_error_and_build_strict_refuses_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An unresolved git conflict leaves half the file out of the deck: `build` warns and
    builds, `check` says MERGE-CONFLICT as an error, `build --strict` refuses to write."""
    write_deck(tmp_path)
    source = tmp_path / "source" / "asthma.md"
    lines = source.read_text(encoding="utf-8").splitlines()
    conflict = ["<<<<<<< HEAD", *lines[8:], "=======", "Pollen is worse in spring.", ">>>>>>> 9a1"]
    source.write_text("\n".join([*lines[:8], *conflict, ""]), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    message = "unresolved merge conflict (`<<<<<<<` to `>>>>>>>` at line"
    checked = CliRunner().invoke(cli, ["check"])
    assert checked.exit_code == 1, checked.output
    assert checked.output.startswith(f"{PATH}:9: MERGE-CONFLICT {message}"), checked.output
    assert "1 error, 0 warnings in 2 notes" in checked.output
    result = CliRunner().invoke(cli, ["build", "--strict"])
    assert result.exit_code == 2, result.output
    assert f"error: {PATH}:9: MERGE-CONFLICT {message}" in result.output
    assert not (tmp_path / "dist" / "asthma.apkg").exists()
    built = CliRunner().invoke(cli, ["build"])
    assert built.exit_code == 0 and f"{PATH}:9: warning: {message}" in built.output


def test_the_seed_deck_builds_strictly(project: Path) -> None:
    """`make decks` builds with --strict: the shipped deck must pass it."""
    result = CliRunner().invoke(cli, ["build", "--strict", SEED_MANIFEST])
    assert result.exit_code == 0, result.output


def test_make_decks_builds_strictly() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ndecks:", 1)[1].split("\n\n", 1)[0]
    assert "$(BIN)/deckbuilder build --strict\n" in recipe + "\n"


@pytest.mark.parametrize(
    ("answer", "contact"),
    [
        ("0800 123 4567", True),
        ("902-717-7596", True),
        ("clinic@example.org", True),
        ("https://example.org/korrin", True),
        ("150 000 - 450 000", False),  # a range of counts, spaced in thousands
        ("86 000 000 000", False),
        ("1500-2000", False),
        ("2024-01-15", False),
        ("60-100 bpm", False),
    ],
)
def test_only_a_phone_number_email_or_link_is_contact_only(answer: str, contact: bool) -> None:
    assert is_contact_only(answer) is contact


def test_a_table_that_gives_no_note_is_a_warning(tmp_path: Path) -> None:
    """A table the table rule cannot key (every column lists several things in most rows) gives
    no note; `check` names it at its line, with what to change. Once its first column names one
    thing per row it is carded; a table of links or a chart of numbers is never reported."""
    markdown = (
        "# Kellin deficiency\n\n## Signs\n\n| Sign | Condition |\n|---|---|\n"
        "| Wheeze<br>Cough | Velbar flare<br>Korrin strain |\n"
        "| Fever<br>Rash | Tessal fever<br>Korrin strain |\n"
    )
    found = [(p.line, p.severity, p.message) for p in no_note_problems(tmp_path, markdown)]
    assert len(found) == 1 and found[0][:2] == (5, "warning")
    assert "this table gave no note" in found[0][2]
    keyed = markdown.replace("Wheeze<br>Cough", "Wheeze").replace("Fever<br>Rash", "Fever")
    assert silent(tmp_path, keyed) == []
    links = (
        "# Kellin deficiency\n\n## Signs\n\n- Wheeze, which is worse at night\n- Fever and rash\n\n"
        "## Sites\n\n| Site | Link |\n|---|---|\n"
        "| [Kellin society](https://example.org/a) | [page](https://example.org/b) |\n"
        "| [Kellin help](https://example.org/c) | [page](https://example.org/d) |\n"
        "\n## Levels\n\n| Level (%) | mmol/L |\n|---|---|\n| 5 | 5.4 (4.2–6.7) |\n"
        "| 6 | 7.0 (5.5–8.5) |\n| 7 | 8.6 (6.8–10.3) |\n"
    )
    assert [line for line, _ in silent(tmp_path, links) if line >= 8] == []


def test_a_raw_html_table_no_rule_reads_is_a_warning(tmp_path: Path) -> None:
    """An HTML table that is no plain grid (rows of different lengths) stays raw HTML, which no
    rule reads: `check` names it at its line instead of dropping it unsaid. The same table with
    its rows complete is read as a table and carded, so nothing is said."""
    markdown = (
        "# Kellin deficiency\n\n## Stones\n\n<table>\n"
        "<tr><th>Stone</th><th>Shape</th><th>Colour</th></tr>\n"
        "<tr><td>Velbar</td><td>needles</td></tr>\n"
        "<tr><td>Korrin</td><td>plates</td><td>amber</td></tr>\n</table>\n"
    )
    found = [(p.line, p.severity, p.message) for p in no_note_problems(tmp_path, markdown)]
    assert len(found) == 1 and found[0][:2] == (5, "warning")
    assert "this HTML table gave no note" in found[0][2]
    whole = markdown.replace("<td>needles</td></tr>", "<td>needles</td><td>grey</td></tr>")
    assert silent(tmp_path, whole) == []


# -- HINTED-CLOZE, LABEL-CLOZE, MIXED-CLOZE, SOURCE-NOT-FACT ------------------------------------


def cloze(
    front: str, back: str = "", line: int = 5, section: tuple[str, ...] = ("Asthma", "FAQ")
) -> Note:
    return card(front, back, line, note_type="cloze", section=section)


def test_a_deletion_whose_own_line_restates_its_words_gives_itself_away() -> None:
    glossed = cloze(
        "The korrin test comes in two forms:\n\n"
        '- **{{c1::Glass korrin test (dry korrin test)}}**: "glass" and "dry" both mean the '
        "quick form.\n"
        '- **{{c2::Flask korrin test (wet korrin test)}}**: "flask" and "wet" both mean the '
        "slow form."
    )
    problems = check_notes([glossed], manifest())
    assert [(p.code, p.line) for p in problems] == [("HINTED-CLOZE", 5)] * 2
    assert '"dry", "glass"' in problems[0].message and "c1" in problems[0].message
    plain_gloss = cloze(
        "The korrin test comes in two forms:\n\n"
        "- **{{c1::Glass korrin test (dry korrin test)}}**: the quick form at the bedside.\n"
        "- **{{c2::Flask korrin test (wet korrin test)}}**: the slow form in the laboratory."
    )
    assert found(plain_gloss) == []


def test_a_one_word_deletion_shown_in_another_form_or_a_near_spelling() -> None:
    form = cloze("Sight nerve:\n\n- {{c1::Sensory}}\n- {{c2::Vision}}\n- Eye >>> Visual lobe")
    spelling = cloze(
        "Meds in korrin arrest:\n\n"
        "- Give {{c1::velbarin}} first\n"
        "- If shock persists: {{c2::tessalidone}} 300 mg\n"
        "- May repeat tessalidine 150 mg"
    )
    assert found(form) == [("HINTED-CLOZE", 5)]
    problems = check_notes([spelling], manifest())
    assert [p.code for p in problems] == ["HINTED-CLOZE"]
    assert "c2" in problems[0].message and '"tessalidine"' in problems[0].message
    # Other words, a gloss in brackets, and short words that merely share letters: no hint.
    assert found(cloze("Sight nerve:\n\n- {{c1::Sensory}}\n- {{c2::Vision}}\n- Eye >>> lobe")) == []
    gloss = "States:\n\n1. **{{c1::Filtration}}** (movement into the filtrate)\n2. {{c2::Uptake}}"
    assert found(cloze(gloss)) == []


def test_a_list_frame_subject_or_figure_is_no_hint() -> None:
    siblings = cloze("Korrin kinds:\n\n- {{c1::Type 1 korrin}}\n- {{c2::Type 2 korrin}}")
    pairs = cloze(
        "Gown off:\n\n- {{c1::Untie the neck ties}}\n- {{c2::Untie the waist ties}}\n"
        "- Pull it from the shoulders"
    )
    figures = cloze(
        "Marker rises {{c1::over 3-12 hours}}, peaks {{c2::24-48 hours}}, falls "
        "{{c3::over 5-14 days}}"
    )
    subject = cloze(
        "Risks include {{c1::the stage of korrin fever}} and {{c2::age}}.",
        section=("Korrin", "Risks of korrin fever"),
    )
    assert found(siblings, pairs, figures, subject) == []


def test_a_deletion_that_only_labels_what_the_back_says() -> None:
    outline = cloze(
        "Korrin fever:\n\n- Presentation\n- {{c1::Dx}}\n- {{c2::Management}}",
        "**Dx**\n\n- Palm swab: mites seen under the lens\n\n**Management**\n\n"
        "- Rest and fluids for a week\n- Velbarin cream twice daily",
    )
    labels = cloze(
        "Drugs to avoid:\n\n- {{c1::**Velbarin:**}}\n- {{c2::**Tessalid:**}}",
        "**Velbarin**\n\n- Avoid late in pregnancy: it thins the blood\n\n**Tessalid**\n\n"
        "- Avoid in the first weeks: it harms the ear",
    )
    problems = check_notes([outline, labels], manifest())
    assert [p.code for p in problems] == ["LABEL-CLOZE", "LABEL-CLOZE"]
    assert 'c1 "Dx", c2 "Management"' in problems[0].message
    assert 'c1 "Velbarin", c2 "Tessalid"' in problems[1].message
    named = cloze(
        "Drug handling:\n\n- {{c1::Absorption}}\n- {{c2::Clearance}}",
        "**Absorption**\n\n- Mostly in the gut\n\n**Clearance**\n\n- Mostly by the kidney",
    )
    no_back = cloze("Korrin fever:\n\n- {{c1::Dx}}\n- {{c2::Management}}")
    assert found(named, no_back) == []


def test_a_deletion_that_hides_a_run_in_label_a_hedge_or_a_verb() -> None:
    """A deletion of the words that only introduce or hedge a fact (`**{{c1::B –}}**`, `**{{c2::
    When}}**:`, `{{c3::sometimes}}`, `{{c4::is recommended}}`) leaves the fact visible beside it;
    a deletion of the fact after such words, or of a bold name (`**{{c1::Gown}}** – tie it`),
    is none."""
    letters = cloze("Chest film:\n\n- **{{c1::B –}}** cuffing\n- **C –** {{c2::collapse}}")
    when = cloze("Peak flow:\n\n- **{{c1::When}}**: before the dose\n- {{c2::Best of three}}")
    hedged = cloze("Signs include {{c1::wheeze}} and {{c2::sometimes}} a tight chest.")
    verb = cloze("A mix of {{c1::a nurse}} and {{c2::a chest doctor}} {{c3::is recommended}}.")
    problems = check_notes([letters, when, hedged, verb], manifest())
    assert [p.code for p in problems] == ["LABEL-CLOZE"] * 4
    assert 'c1 "B –"' in problems[0].message and "c2" not in problems[0].message
    assert 'c1 "When"' in problems[1].message and 'c2 "sometimes"' in problems[2].message
    assert 'c3 "is recommended"' in problems[3].message
    named = cloze("Gowns:\n\n- **{{c1::Gown}}** – tie at the neck\n- **{{c2::Mask}}** – fit")
    facts = cloze("Peak flow:\n\n- **When**: {{c1::before the dose}}\n- {{c2::Jaundice}}")
    assert found(named, facts) == []


def test_deletions_that_hide_facet_labels_with_their_content() -> None:
    """A list of a subject's facets, each with its content in brackets (`Definition (…)`,
    `Diagnosis (…)`), carded whole: the cards ask the outline's order. Named things glossed in
    brackets (`Tremblor (rhythmic shaking)`) or examples (`Tablets (velbarin, …)`) are not."""
    facets = cloze(
        "Latent korrin:\n\n- {{c1::Definition (infection without active disease)}}\n"
        "- {{c2::Diagnosis (skin test or blood test positive)}}\n- {{c3::Treatment}}"
    )
    problems = check_notes([facets], manifest())
    assert [p.code for p in problems] == ["LABEL-CLOZE"]
    assert "c1" in problems[0].message and "c2" in problems[0].message
    assert "c3" not in problems[0].message and "`Label: content`" in problems[0].message
    named = cloze(
        "Movements:\n\n- {{c1::Tremblor (rhythmic shaking at rest)}}\n"
        "- {{c2::Jerkitis (sudden, brief twitches)}}"
    )
    examples = cloze(
        "Treatment options:\n\n- {{c1::Lifestyle changes (diet, exercise)}}\n"
        "- {{c2::Tablets (velbarin, tessalid)}}\n- {{c3::Insulin}}"
    )
    one = cloze("Latent korrin:\n\n- {{c1::Diagnosis (skin test)}}\n- {{c2::Rest}}")
    assert found(named, examples, one) == []


def test_a_list_that_hides_values_and_whole_items_alike() -> None:
    mixed = cloze(
        "Safe drugs:\n\n"
        "- **Velbarin:** — {{c1::once daily to week 14}}\n"
        "- **Tessalid:** — {{c2::twice daily with food}}\n"
        "- {{c3::**Korrimab**}}\n"
        "- {{c4::**Lusotine**}}"
    )
    problems = check_notes([mixed], manifest())
    assert [p.code for p in problems] == ["MIXED-CLOZE"]
    assert "(c3, c4)" in problems[0].message
    values = cloze(
        "Safe drugs:\n\n- **Velbarin:** — {{c1::once daily}}\n- **Tessalid:** — {{c2::twice daily}}"
    )
    names = cloze("Safe drugs:\n\n- {{c1::Velbarin}}\n- {{c2::Tessalid}}\n- {{c3::Korrimab}}")
    assert found(values, names) == []


@pytest.mark.parametrize(
    "front, back, section",
    [
        (
            "Oxygen (topic) in korrin stings: Red Line Rescue?",
            "Mentions oxygen at the basic level",
            (),
        ),
        ("Oxygen in korrin stings: Blue Cross?", "Not mentioned in public-facing guidance", ()),
        ("Levels in korrin stings: Blue Cross?", "Published guidance is aimed at lay readers", ()),
        ("Korrin glossary: Index?", "Glossary Index · Hubs: Korrin · Mites", ()),
        ("Page titles (source) in korrin stings?", "Korrin and other mites", ()),
        ("Korrin stings: first step?", "Wash the sting", ("Korrin", "Source: Red Line Rescue")),
    ],
)
def test_a_note_about_the_source_not_a_fact(
    front: str, back: str, section: tuple[str, ...]
) -> None:
    note = card(front, back, line=4, section=section or ("Asthma", "FAQ"))
    assert found(note) == [("SOURCE-NOT-FACT", 4)]


@pytest.mark.parametrize(
    "front, back",
    [
        ("Korrin ultrasound: uses?", "Distinguish an abscess from swelling"),
        ("Korrin stings: oxygen?", "Give oxygen when the patient is short of breath"),
        ("Velbarin: what it covers?", "Covers the mite's eggs as well"),
        ("Korrin glossary: mite?", "A tiny red arachnid"),
    ],
)
def test_a_fact_that_merely_mentions_a_source_word_is_fine(front: str, back: str) -> None:
    assert found(card(front, back, line=4)) == []


def test_a_sentence_that_lost_its_subject_under_a_generic_heading() -> None:
    lost = cloze(
        "Clinical pearls in korrin fever: Contraindicated if velbarin taken in {{c1::24 h}}"
    )
    label = card("Treatment in korrin fever: Followed by a slow infusion?", "Tessalid", line=6)
    problems = check_notes([lost, label], manifest())
    assert [(p.code, p.line) for p in problems] == [("NO-SUBJECT", 5), ("NO-SUBJECT", 6)]
    assert '"Clinical pearls"' in problems[0].message
    named = cloze("Velbarin in korrin fever: Contraindicated if taken in the last {{c1::24 h}}")
    adjective = cloze("Key points in korrin fever: Uncomplicated fever resolves in {{c1::3 days}}")
    assert found(named, adjective) == []


def test_a_part_with_its_thing_after_it_names_a_subject() -> None:
    """ "Indications in velbarin in asthma: Given by …" names velbarin (the deck's topic is the
    last "in"); "Indications in asthma: Given by …" names nothing but the topic."""
    named = cloze("Indications in velbarin in asthma: Given by nebuliser at {{c1::5 mg}}")
    part = cloze("Indications in asthma: Given by nebuliser at {{c1::5 mg}}", line=6)
    assert found(named, part) == [("NO-SUBJECT", 6)]


def test_a_sentence_under_a_container_heading_given_the_topic_lost_its_subject() -> None:
    """Under "Clinical pearls" the front opens with the deck's topic alone: the card says of
    asthma what is contraindicated. Under a heading naming a thing it is that thing's."""
    pearls = ("Asthma", "Clinical pearls")
    lost = cloze("Asthma: Contraindicated if velbarin taken in {{c1::24 h}}", section=pearls)
    kept = cloze(
        "Asthma: Contraindicated if velbarin taken in {{c1::24 h}}", section=("Asthma", "Velbar")
    )
    problems = check_notes([lost], manifest())
    assert [(p.code, p.line) for p in problems] == [("NO-SUBJECT", 5)]
    assert '"Clinical pearls"' in problems[0].message
    assert found(kept) == []


def test_shipped_deck_has_none_of_the_cloze_and_source_warnings(tmp_path: Path) -> None:
    root = copy_project(tmp_path)
    problems = check_plan(plan_deck(load_manifest(root / SEED_MANIFEST)))
    new = {"HINTED-CLOZE", "LABEL-CLOZE", "MIXED-CLOZE", "SOURCE-NOT-FACT", "LONG-ANSWER"}
    new.add("NO-SUBJECT")
    assert [f"{p.line}: {p.code} {p.message}" for p in problems if p.code in new] == []


def test_a_long_list_asked_item_by_item_is_read_in_one_pass() -> None:
    """`_dropped_sentences` marks each item asked or not once: looking every item up in a list
    of the asked ones was quadratic (5,000 `- Name: value` items took seconds to check)."""
    from builder.document import ListBlock, ListItem
    from builder.lint import _dropped_sentences

    items = tuple(ListItem(f"Korrin {n}: a pellan dose", n) for n in range(2, 40_002))
    assert _dropped_sentences(ListBlock(False, items, 1), set(range(2, 40_002))) == 0
    silent = items[:2] + tuple(
        ListItem(f"Velbarin number {n} is given slowly to every adult", n) for n in range(4, 14)
    )
    assert _dropped_sentences(ListBlock(False, silent, 1), {2, 3}) == 4


# -- QUIZ-SCAFFOLD -------------------------------------------------------------------------------


def test_a_quiz_carded_in_pieces_is_quiz_scaffold() -> None:
    """A stem answered by its four options (no mark of the right one), and a front asking an
    answer's letter alone, were silent: a student can answer neither."""
    options = "- A. Blue lips\n- B. A fast pulse\n- C. Hair loss"
    assert found(card("Which sign comes first in an attack?", options)) == [("QUIZ-SCAFFOLD", 1)]
    assert found(card("Answer in asthma: B?", "It comes a day before the rest.")) == [
        ("QUIZ-SCAFFOLD", 1)
    ]
    assert found(card("答案 in asthma: a?", "吸入後數分鐘見效")) == [("QUIZ-SCAFFOLD", 1)]


def test_an_answer_letter_front_is_read_in_one_pass() -> None:
    """Thousands of "answer:" in one front: the answer word is looked for before the asked
    letter only, where trying the colons from every "answer" was quadratic (14,000: 18 s)."""
    assert found(card("answer:" * 14_000 + "?", "It comes a day before the rest.")) == []
    assert found(card("answer:" * 14_000 + " c?", "It comes first.")) == [("QUIZ-SCAFFOLD", 1)]


def test_lettered_facts_and_a_letter_named_thing_are_no_quiz_scaffold() -> None:
    assert found(card("Airway steps in asthma?", "- A. Airway\n- C. Circulation")) == []
    primary = "- A. Airway\n- B. Breathing\n- C. Circulation"  # a mnemonic's own letters
    assert found(card("Primary survey in an asthma attack?", primary)) == []
    assert found(card("Which vitamin in asthma: B?", "Riboflavin helps")) == []
    assert found(card("Chosen option?", "- B. A fast pulse\n\nIt comes first.")) == []


def test_a_section_of_loose_lines_that_gave_no_note_is_named(tmp_path: Path) -> None:
    """A class note's section written a line to a paragraph ("pump stops turning", "shut the
    valve, call the engineer") under a heading that names no term to ask (one word) gives no
    note, while the document's other sections do: NO-NOTE names its first line and asks for
    `Label: value` lines. Written so, the section is carded and nothing is reported; under a
    heading naming a term the lines answer it (the term rule), and a section of one loose line
    is not named."""
    priming = "# Pumps\n\n## Priming\n\n- Intake: open first\n- Outlet: open last\n\n"
    markdown = (
        priming + "## Seizing\n\npump stops turning\n\na loud hum comes from the motor\n\n"
        "shut the valve, call the engineer\n"
    )
    found = no_notes(tmp_path, markdown)
    assert len(found) == 1 and found[0][0] == 10
    assert "lines state facts" in found[0][1] and "`Label: value`" in found[0][1]
    written = markdown.replace("shut the valve", "First steps: shut the valve")
    assert silent(tmp_path, written) == []
    termed = markdown.replace("## Seizing", "## Seized pump")  # its term asked, lines the points
    assert silent(tmp_path, termed) == []
    folded = termed.replace("a loud hum comes", "Signs:\n- a loud hum comes")  # `Signs:` / one item
    assert silent(tmp_path, folded) == []
    one_line = priming + "## Seizing\n\nshut the valve, call the engineer\n"
    assert silent(tmp_path, one_line) == []


def test_items_lost_beside_an_asked_label_item_are_named(tmp_path: Path) -> None:
    """A drug's list of sentence items whose one `Label: value` item was asked alone (the
    statements rule) lost the other items in silence when they are too long to be asked
    together as statements: NO-NOTE names the first of them. Short sentences beside the label
    are asked together (nothing said); with only one such item left, or the rest a lead-in and
    a pointer ("see …"), nothing is said either."""
    short = (
        "# Kellin\n\n## Velbarin\n\n- Used for **kellin that relapses**\n"
        "- Needs a blood count each month because it can lower the white cells\n"
        "- Other side effects: rash, dizziness, a dry mouth\n"
    )
    assert silent(tmp_path, short) == []
    markdown = short.replace(
        "white cells\n",
        "white cells, and the count is sent to the clinic, which writes to the family doctor "
        "when it falls\n",
    )
    found = no_notes(tmp_path, markdown)
    assert len(found) == 1 and found[0][0] == 5 and "`Label: value` items did" in found[0][1]
    one_left = markdown.replace("- Used for **kellin that relapses**\n", "")
    assert silent(tmp_path, one_left) == []
    pointers = short.replace("Used for **kellin that relapses**", "More, see the leaflet")
    pointers = pointers.replace("Needs a blood count", "Its checks:").split(" each month")[0]
    pointers += "\n- Other side effects: rash, dizziness, a dry mouth\n"
    assert silent(tmp_path, pointers) == []


def test_a_list_of_study_topics_is_named_as_topics(tmp_path: Path) -> None:
    """A high-yield list of prompts ("A or B or C", "X vs. Y") gives no note (kinds.py, `topics`)
    and check says so at its line, in words that say why, not the advice for a list of facts."""
    markdown = (
        "# Kellin review\n\n## Heart\n\n- korrin fever or tick typhus or velbarin rash\n"
        "- drug P vs. drug Q vs. drug R\n- joint disease\n- small rash (pale) or wide rash\n"
    )
    problems = no_note_problems(tmp_path, markdown)
    assert [(p.line, p.severity) for p in problems] == [(5, "warning")]
    assert "names topics to study" in problems[0].message


def test_a_labelled_list_of_names_on_a_page_of_study_topics_is_named_as_topics(
    tmp_path: Path,
) -> None:
    """On a page of study prompts (kinds.topics_page), `Label: topic, topic, etc.` items are
    topics too: no note, and check names the list as it names the others."""
    markdown = (
        "# Kellin review\n\n## Heart\n\n- murmur P or murmur Q or murmur R\n- drug X vs. drug Y\n\n"
        "## Lungs\n\n- cough vs. wheeze vs. stridor\n- asthma or croup\n\n"
        "## Kidney\n\n- stones vs. casts\n- tubular or glomerular or cystic or mixed\n\n"
        "## Mind\n\n- Time course of disorders: korrin mania, tarrow psychosis, etc.\n"
        "- Drugs of misuse: intoxication and withdrawal\n"
    )
    problems = no_note_problems(tmp_path, markdown)
    assert [p.line for p in problems] == [5, 10, 15, 20]
    assert all("names topics to study" in p.message for p in problems)


def test_a_list_too_long_after_its_lead_in_says_its_length(tmp_path: Path) -> None:
    """A list of sentences after a lead-in ending in ':' is asked in parts up to a dozen items;
    a longer one gives no note, and the warning names its length, not a lead-in it already
    has. Ten such items are asked in parts: nothing to report."""
    signs = [f"Sign number {n} that the kellin level has dropped far too low." for n in range(13)]
    markdown = "# Kellin\n\n## Warning signs\n\nWatch for these signs:\n\n"
    found = no_notes(tmp_path, markdown + "".join(f"- {s}\n" for s in signs))
    assert len(found) == 1 and found[0][0] == 7, found
    assert "up to 6 items" in found[0][1] and "give it a lead-in" not in found[0][1]
    assert silent(tmp_path, markdown + "".join(f"- {s}\n" for s in signs[:10])) == []


def test_a_fenced_flowchart_that_gives_no_note_is_a_warning(tmp_path: Path) -> None:
    """A fence drawing a decision flowchart (`├─ YES → …`, `-> Output low?`) whose questions
    have no answer to ask (only pointers to other steps) gives no note: check names it at the
    fence's line, saying why. One whose questions have answers gives notes (no warning), a tree
    of facts in a fence is read as a list (no warning), and a flowchart in a worked example is
    no fact to ask for."""
    flowchart = (
        "# Kellin pump\n\n## Pump alarm\n\n```\nPUMP ALARM\n├─ Line kinked?\n"
        "│  ├─ YES → Go to step 2\n│  └─ NO → Go to step 3\n└─ Bag empty?\n"
        "   └─ YES → Go to step 4\n```\n"
    )
    found = no_notes(tmp_path, flowchart)
    assert [line for line, _ in found] == [5] and "flowchart" in found[0][1]
    arrows = "# Kellin pump\n\n## Pump alarm\n\n```\n-> Line kinked?\n  -> Go to step 2\n```\n"
    assert [line for line, _ in no_notes(tmp_path, arrows)] == [5]
    answered = flowchart.replace("Go to step 2", "Straighten the line")
    assert silent(tmp_path, answered) == []
    assert silent(tmp_path, arrows.replace("Go to step 2", "Straighten the line")) == []
    facts = (
        "# Kellin pump\n\n## Pump parts\n\n```\n├─ Bag: holds 500 mL\n└─ Line: two metres\n```\n"
    )
    assert silent(tmp_path, facts) == []
    assert silent(tmp_path, flowchart.replace("## Pump alarm", "## Example: a night shift")) == []


def test_a_section_whose_marked_or_measured_prose_gave_no_note_is_a_warning(
    tmp_path: Path,
) -> None:
    """A section that gave no note though its prose holds words the author marked inside a
    sentence (bold, or an `==highlight==`) or a measured figure is reported at that paragraph:
    the fact the author pointed at was lost, silently. A section that gave a note, and one of
    plain prose with neither, are not."""
    markdown = "# Kellin fever\n\n## Infection Location\n\nMostly reaches the ==lower lobes==.\n"
    found = no_notes(tmp_path, markdown)
    assert [line for line, _ in found] == [5]
    assert "figure or words marked" in found[0][1]
    plain_prose = markdown.replace("==lower lobes==", "lower lobes")
    assert all("figure or words marked" not in said for _, said in no_notes(tmp_path, plain_prose))


def test_one_item_under_a_lead_in_that_gives_no_note_is_a_warning(tmp_path: Path) -> None:
    """One item right under its lead-in line is a fact as a longer list is: when no rule asks
    it (a name and a remark under "Named in the talk as:"), NO-NOTE says so; one the rules ask
    ("Made of:" over a name, the heading's term asked) is not reported."""
    markdown = (
        "# Armpit\n\n## Walls\n\n### Inner wall\n\nMade of:\n\n* **Saw muscle**\n"
        "  and the rib wall it sits on.\n\n### Outer wall\n\nNamed in the talk as:\n\n"
        "* **Beak muscle**\n  (the recording misheard it.)\n"
    )
    assert silent(tmp_path, markdown) == [(16, "warning")]
    problems = no_note_problems(tmp_path, markdown)
    assert "one item under its lead-in" in problems[0].message


def test_a_heading_naming_the_hidden_name_asks_the_side_its_sentence_states() -> None:
    """A one-line cloze under a heading that names its deletion hides the sentence's word of
    side instead, never a side word of the subject before ": " ("Medial" of the heading)."""
    section = ("Limb", "Medial cord and velbar nerve")
    below = cloze(
        "Medial cord and velbar nerve in limb: The cord gives off the {{c1::velbar nerve}} "
        "below it.",
        section=section,
    )
    kept = without_shown_answers(below)
    assert kept is not None
    assert kept.front == (
        "Medial cord and velbar nerve in limb: The cord gives off the velbar nerve "
        "{{c1::below}} it."
    )
    plain_line = cloze(
        "Medial cord and velbar nerve in limb: The cord gives off the {{c1::velbar nerve}}.",
        section=section,
    )
    assert without_shown_answers(plain_line) is None  # nothing left to ask
    elsewhere = cloze(
        "Korrin space in limb: The cord gives off the {{c1::velbar nerve}} below it.",
        section=("Limb", "Korrin space"),
    )
    assert without_shown_answers(elsewhere) == elsewhere  # the heading names no answer


def test_a_section_of_one_sentence_that_gave_no_note_is_a_warning(tmp_path: Path) -> None:
    """A section whose only paragraph is one sentence of facts that no rule asked (here a code
    span no rule reads) is reported, whatever its verb ("Mostly set off by …"); one that gave a
    note, and one whose sentence is a question, are not."""
    markdown = (
        "# Kellin deficiency\n\n## Dry flare\n\nMostly set off by `k = f(x)`, sometimes by dust "
        "or mould.\n\n## Wet flare\n\nMostly set off by damp rooms, sometimes by dust or mould.\n"
        "\n## Cold flare\n\nIs it set off by `k = f(x)` on winter mornings?\n"
    )
    assert silent(tmp_path, markdown) == [(5, "warning")]


def test_an_abbreviation_note_does_not_hide_a_list_that_gave_none(tmp_path: Path) -> None:
    """A list whose lead-in gave only abbreviation notes (what its letters stand for) lost its
    facts: reported; the same list asked is not."""
    markdown = (
        "# Kellin deficiency\n\n## Surgery\n\n**Tessal valve repair (TVR)** is offered after two "
        "flares.\n- Chemical **pleurodesis** to glue the layers if a pleurectomy is unsafe.\n"
        "- **Pleurectomy** to strip the lining if pleurodesis fails.\n"
    )
    assert silent(tmp_path, markdown) == [(6, "warning")]  # its cloze would give itself away
    asked = markdown.replace(" if a pleurectomy is unsafe", "").replace(" if pleurodesis fails", "")
    assert silent(tmp_path, asked) == []


def test_a_raw_html_list_that_gave_no_note_is_a_warning(tmp_path: Path) -> None:
    """A list wrapped in `<div>`s, its items in tags no rule reads, stays raw HTML: reported
    at its line; a menu of links is not, nor a box of key and value cells, which is read."""
    box = (
        '<div class="box">\n  <ul class="kv">\n'
        '    <li><div class="k">Dose</div><div class="v">Two tablets a day.</div></li>\n'
        '    <li><div class="k">Storage</div><div class="v">Keep it cold.</div></li>\n'
        "  </ul>\n</div>\n"
    )
    assert silent(tmp_path, f"# Kellin deficiency\n\n## Treatment\n\n{box}") == []
    box = box.replace('<div class="v">', '<div class="v"><em>').replace(
        ".</div></li>", ".</em></div></li>"
    )
    markdown = f"# Kellin deficiency\n\n## Treatment\n\n{box}"
    assert silent(tmp_path, markdown) == [(5, "warning")]
    menu = box.replace('<div class="k">Dose</div>', '<a href="/dose">Dose</a>')
    menu = menu.replace('<div class="k">Storage</div>', '<a href="/keep">Storage</a>')
    assert silent(tmp_path, f"# Kellin deficiency\n\n## Treatment\n\n{menu}") == []


def test_a_table_flattened_out_of_a_pdf_is_no_note_and_a_warning(tmp_path: Path) -> None:
    """Lines that interleave a table's columns, two spaces apart (a PDF's table copied as
    text), make no note (read as sentences they join one row's label to another's steps) and
    are reported as FLATTENED-TABLE at their first line; the same facts as a table, or prose
    typed with two spaces after each period, are not."""
    flattened = (
        "# Kellin bites\n\n## First aid\n\n"
        "For a dog bite; cat  Wash  \n"
        "bite or a rat  1 Rinse the wound for five  \n"
        "bite  minutes. 2 Cover it.  \n"
        "For a bee sting,  Cold pack  \n"
        "wasp or ant sting  1 Hold a cold pack on the sting.  \n"
    )
    source = tmp_path / "kellin.md"
    source.write_text(flattened, encoding="utf-8")
    from builder.manifest import manifest_for_source

    plan = plan_deck(manifest_for_source(source))
    assert not plan.notes
    problems = check_plan(plan)
    assert [(p.code, p.line) for p in problems if p.code == "FLATTENED-TABLE"] == [
        ("FLATTENED-TABLE", 5)
    ]
    prose = (
        "# Kellin bites\n\n## First aid\n\n"
        "Wash a dog bite at once.  Rinse it for five minutes.  \n"
        "Cover it with a clean pad.  Watch it for a day.  \n"
        "Hold a cold pack on a bee sting.  Call for help if it swells.  \n"
    )
    source.write_text(prose, encoding="utf-8")
    problems = check_plan(plan_deck(manifest_for_source(source)))
    assert [p for p in problems if p.code == "FLATTENED-TABLE"] == []


def test_a_question_bank_without_answers_is_told_once_to_mark_them(tmp_path: Path) -> None:
    """Question-bank items tagged with their type and no answer marked give no note (their
    options are no facts): `check` says so once for the document, at the first such list, and
    asks for the answers. The same bank with every answer marked gives notes and no warning."""
    bank = (
        "# Kellin quiz\n\n## Part 1\n\n"
        "1. **(MCQ)** Which drug raises kellin?\n   a) Velbarin\n   b) Tessalid\n   c) Ombrix\n\n"
        "2. **(True/False)** Kellin is stored in the liver.\n\n"
        "## Part 2\n\n"
        "1. **(MCQ)** Which organ stores kellin?\n   a) Liver\n   b) Kidney\n   c) Bone\n"
    )
    found = no_notes(tmp_path, bank)
    assert len(found) == 1 and found[0][0] == 5 and "Answer: B" in found[0][1]
    answered = (
        bank.replace("b) Tessalid", "b) Tessalid ✓")
        .replace("the liver.", "the liver. **True**")
        .replace("a) Liver", "a) Liver ✓")
    )
    assert silent(tmp_path, answered) == []


def test_a_lead_in_section_over_its_carded_list_and_a_fetch_stamp_are_not_silent(
    tmp_path: Path,
) -> None:
    """A section whose only sentence leads in to the list of its subsection ("… meets the
    following criteria.") lost nothing when that list gave a note; a page's "Source: … /
    Fetched: …" stamp says where it came from, no fact. The same sentence over a subsection that
    gave nothing, and a sentence of facts in its place, are still reported."""
    markdown = (
        "# Kellin deficiency\n\nSource: https://example.org/kellin\nFetched: 2026-01-10\n\n"
        "## If the child is well\n\nSend the child home if they meet the following criteria.\n\n"
        "### Criteria for home (all of them)\n\n1. Oxygen above 92% asleep\n"
        "2. Drinking half the usual feeds\n3. A parent who can come back\n"
    )
    assert silent(tmp_path, markdown) == []
    facts = markdown.replace(
        "Send the child home if they meet the following criteria.",
        "Kellin deficiency is a lack of the kellin enzyme that slows the growth of children.",
    )
    assert silent(tmp_path, facts) == [(8, "warning")]


def test_a_plus_or_a_glued_dash_tells_two_fronts_apart() -> None:
    """ "+ of an hour" and "–of an hour" (a slide's more and less than) are two questions; the
    same front twice, or a dash between words, still folds to one key."""
    assert front_key("Overdose: de + de 1 heure?") != front_key("Overdose: de –de 1 heure?")
    assert front_key("Overdose: de + de 1 heure?") == front_key("overdose: de + de 1 heure")
    assert front_key("Stage 1 – mild?") == front_key("Stage 1 - mild?")


def test_a_blank_left_for_a_value_is_named_and_no_note_asks_it(tmp_path: Path) -> None:
    """A line holding a blank the author left for its value (`in the _X_th space`) makes no
    note, which would ask half a fact: `check` names the line, so the author can fill it in.
    The same line with its value written in is asked, and warned about by nothing."""
    markdown = (
        "# Kellin deficiency\n\n## Nail examination\n\n"
        "- **Ridges**: Seen on the _X_th finger first\n"
        "- **Colour**: Pale in most patients\n"
    )
    found = no_notes(tmp_path, markdown)
    assert [line for line, _ in found] == [5], found
    assert "blank left for a value" in found[0][1]
    assert silent(tmp_path, markdown.replace("_X_th", "4th")) == []


def test_a_form_telling_its_note_taker_what_to_write_is_not_asked_for_facts(
    tmp_path: Path,
) -> None:
    """A history template's sections that only tell whoever fills it in what to write
    ("Record the patient's diet …") give no note by design, and NO-NOTE does not ask their
    author to rewrite them as facts. A section stating a fact in its place is reported."""
    form = (
        "# Kellin deficiency\n\n## History\n\n### Diet\n\n"
        "Record the patient's usual diet and any food they avoid.\n\n"
        "### Family\n\nDescribe which relatives had kellin loss and at what age.\n"
    )
    assert silent(tmp_path, form) == []
    stated = form.replace(
        "Record the patient's usual diet and any food they avoid.",
        "Kellin loss is a lack of two salts that the gut no longer absorbs well.",
    )
    assert silent(tmp_path, stated) != []
