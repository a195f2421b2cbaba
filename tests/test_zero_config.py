"""A zero-config build never fails on a document it can read: repeated headings and clashing
note identities are told apart, stably, with one warning each naming both lines. A manifest build
refuses the same clashes, every one at once with real line numbers. An empty deck says why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from builder.cli import cli
from builder.extract import distinct_keys
from builder.notes import Note, Source
from tests.import_support import png

# Two `# Asthma` headings: no single title, so both are top-level sections with one text.
TWICE = """\
# Asthma

## Symptoms

Common symptoms:

- cough
- wheeze

# Asthma

## Symptoms

Common symptoms:

- cough
- chest tightness
"""

THIRD = """
# Asthma

## Symptoms

Common symptoms:

- night cough
- breathlessness
"""


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert "Traceback" not in result.output
    return result.exit_code, result.output


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def built(name: str, markdown: str) -> str:
    """The output of a zero-config build of `markdown` saved as `name`, which must pass."""
    Path(name).write_text(markdown)
    code, output = run("build", name, "-o", Path(name).with_suffix(".apkg").name)
    assert code == 0, output
    return output


def records(path: str) -> list[dict[str, object]]:
    code, output = run("cards", path, "--format", "json")
    assert code == 0, output
    listed: list[dict[str, object]] = json.loads(output)
    return listed


def test_two_top_level_headings_with_one_text_build_as_one_subdeck(here: Path) -> None:
    output = built("notes.md", TWICE)
    assert "2 notes, 4 cards, 1 subdecks" in output
    assert (
        "notes.md:16: warning: this note and the one at line 7 have the same identity "
        "(enumeration | asthma | symptoms | common symptoms (asthma) in notes); this build tells "
        "them apart as (2), a manifest build refuses it: give one of them a heading of its own, "
        "or reword its lead-in"
    ) in output.splitlines()
    assert "line 0" not in output and "None" not in output


def test_the_second_gets_a_numbered_key_and_a_later_third_changes_neither(here: Path) -> None:
    """The first keeps its key, the n-th gets "(n)": what students have keeps its GUID when the
    teacher adds another section with the same heading after the others."""
    (here / "notes.md").write_text(TWICE)
    before = records("notes.md")
    assert [r["key"] for r in before] == [
        ["enumeration", "asthma", "symptoms", "common symptoms (asthma) in notes"],
        ["enumeration", "asthma", "symptoms", "common symptoms (asthma) in notes", "(2)"],
    ]
    (here / "notes.md").write_text(TWICE + THIRD)
    after = records("notes.md")
    assert [r["guid"] for r in after[:2]] == [r["guid"] for r in before]
    assert after[2]["key"] == [*before[0]["key"], "(3)"]  # type: ignore[misc]
    assert len({r["guid"] for r in after}) == 3


def test_same_heading_under_different_parents_is_no_clash(here: Path) -> None:
    output = built(
        "notes.md",
        "# Lung disease\n\n## Asthma\n\n### Symptoms\n\nCommon symptoms:\n\n- cough\n- wheeze\n\n"
        "## COPD\n\n### Symptoms\n\nCommon symptoms:\n\n- cough\n- sputum\n",
    )
    assert "warning" not in output
    assert [r["subdeck"] for r in records("notes.md")] == ["Asthma", "COPD"]


def test_a_section_two_zero_config_subdecks_match_stays_with_its_parent(here: Path) -> None:
    output = built(
        "notes.md",
        "# Asthma\n\n## Overview/Definition\n\nText.\n\n## Overview\n\n### Definition\n\n"
        "Common triggers:\n\n- pollen\n- smoke\n\n## Definition\n\nMore text.\n",
    )
    assert (
        "notes.md:9: warning: section 'Overview/Definition' matches the subdecks "
        "'Overview/Definition' and 'Definition'; it stays in 'Overview' (a manifest, "
        "`deckbuilder init`, can say otherwise)"
    ) in output.splitlines()
    assert [r["subdeck"] for r in records("notes.md")] == ["Overview"]


# -- a manifest build refuses, every clash at once ---------------------------------------------


def test_a_manifest_build_reports_every_clash_at_once_with_both_lines(here: Path) -> None:
    (here / "notes.md").write_text(TWICE + THIRD)
    (here / "notes.toml").write_text(
        'title = "Asthma"\nid = 1234567890\nsources = ["notes.md"]\n\n'
        '[[subdeck]]\nname = "Asthma"\nsections = ["Asthma"]\n'
    )
    code, output = run("build", "notes.toml", "-o", "notes.apkg")
    assert code == 2
    lines = output.splitlines()
    assert lines[-2:] == [
        "error: notes.md:16: two notes have the same identity (enumeration | asthma | symptoms "
        "| common symptoms in asthma), the other at notes.md:7; give one of them a "
        "heading of its own, or reword its lead-in",
        "error: notes.md:25: two notes have the same identity (enumeration | asthma | symptoms "
        "| common symptoms in asthma), the other at notes.md:7; give one of them a "
        "heading of its own, or reword its lead-in",
    ]
    assert not (here / "notes.apkg").exists()


def test_claims_name_real_lines_and_never_none(here: Path) -> None:
    """Subdecks written as inline tables have no `[[subdeck]]` line to cite: none is made up."""
    (here / "notes.md").write_text("# Asthma\n\n## FAQ\n\n### Is it curable?\n\nNo.\n")
    (here / "notes.toml").write_text(
        'title = "Asthma"\nid = 1234567890\nsources = ["notes.md"]\n'
        'subdeck = [{name = "A", sections = ["FAQ"]}, {name = "B", sections = ["F*"]}, '
        '{name = "C", sections = ["FAQ"]}]\n'
    )
    code, output = run("cards", "notes.toml")
    assert code == 2
    assert output.splitlines() == [
        "error: notes.toml: section 'FAQ' is claimed by 'A' and 'B' and 'C'; keep it in one "
        "subdeck (the section is at line 3 of notes.md)",
    ]


# -- an empty deck says why ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "why"),
    [
        (
            "---\ntitle: Asthma\n---\n",
            "the document holds no text outside its front matter (read for the page's settings, "
            "and for lists of `term:`/`definition:` or `question:`/`answer:` entries): write "
            "some Markdown (headings, lists, tables)",
        ),
        (  # entries of another shape: still no text of the page's own
            "---\ntitle: Asthma\nsteps:\n  - label: one\n    go: two\n  - label: three\n"
            "    go: four\n---\n",
            "the document holds no text outside its front matter",
        ),
        (
            "# Links\n\n## Further reading\n\n- [A](https://a.example)\n\n"
            "## Sources\n\n1. Orlen P. Ticks. J Tick Med. 2018;9:12-19.\n",
            "everything under its headings was left out as non-content (further_reading, "
            'references); `include = ["further_reading", "references"]` in a manifest cards it',
        ),
        ("# Notes\n\n## One\n\n## Two\n", "its sections hold nothing but headings"),
        (
            "# Notes\n\n## One\n\nA sentence.\n\n## Further reading\n\n- [A](https://a.example)\n",
            "no rule found a shape it reads (1 section with content; left out as non-content: "
            "further_reading)",
        ),
        (
            '<div class="page">\n<h4>Calls</h4>\n<ul><li><b>Fever:</b> 2 days</li></ul>\n</div>',
            "its content is raw HTML no rule reads (<div>): write it as Markdown, or in the HTML "
            "that is read (headings, paragraphs, lists, bold; docs/writing-sources.md)",
        ),
    ],
)
def test_an_empty_deck_says_why_and_strict_refuses_it(here: Path, markdown: str, why: str) -> None:
    output = built("notes.md", markdown)
    assert "warning: the deck has no cards: " + why in output
    code, output = run("build", "notes.md", "-o", "strict.apkg", "--strict")
    assert code == 2
    assert "error: " in output and "the deck has no cards (--strict): " + why in output
    assert not (here / "strict.apkg").exists()


# -- the rule that tells keys apart, as a property -------------------------------------------------

KEYS = st.sampled_from([("faq", "x"), ("faq", "x", "(2)"), ("faq", "y"), ("table", "x")])


def noted(key: tuple[str, ...], line: int) -> Note:
    return Note(key[0], "basic", "Q?", "A.", Source("n.md", "N", ("S",), line), key)


@given(st.lists(KEYS, max_size=12), st.lists(KEYS, max_size=4))
def test_keys_come_out_distinct_and_a_later_note_renumbers_none(
    keys: list[tuple[str, ...]], more: list[tuple[str, ...]]
) -> None:
    notes = [noted(key, line) for line, key in enumerate(keys, 1)]
    kept, warnings = distinct_keys(notes)
    assert len({note.key for note in kept}) == len(kept) == len(notes)
    held: set[tuple[str, ...]] = set()
    for note, was in zip(kept, notes, strict=True):
        if was.key in held:  # an earlier note holds it: this one gets "(n)", and a warning
            assert note.key[:-1] == was.key and note.key[-1][0] == "("
        else:
            assert note.key == was.key
        held.add(note.key)
    assert len(warnings) == sum(1 for a, b in zip(kept, notes, strict=True) if a.key != b.key)
    later = [noted(key, len(keys) + n) for n, key in enumerate(more, 1)]
    again, _ = distinct_keys(notes + later)
    assert [note.key for note in again[: len(kept)]] == [note.key for note in kept]


@pytest.mark.parametrize(
    ("markdown", "deck"),
    [
        # `&lt;` is read "<": the deck name keeps all of it (the sign in its full-width form,
        # which no HTML reads as a tag), not "Korrin (score".
        ("# Korrin (score &lt; 4)\n\n## &beta;-Velbarin\n\n- Dose: 5 mg daily\n",
         "Korrin (score ＜ 4)::β-Velbarin"),
        # a `<` before a word opens no tag (it is never closed); a real tag is still left out
        ("# Velbarin when HR&lt;Normal range\n\n## <b>Dose</b>\n\n- Adults: 5 mg\n",
         "Velbarin when HR＜Normal range::Dose"),
    ],
)  # fmt: skip
def test_a_title_with_a_comparison_sign_names_the_whole_deck(
    tmp_path: Path, markdown: str, deck: str
) -> None:
    source = tmp_path / "korrin.md"
    source.write_text(markdown)
    result = CliRunner().invoke(cli, ["cards", str(source), "--format", "json"])
    assert result.exit_code == 0, result.output
    notes = json.loads(result.output)
    assert {note["deck"] for note in notes} == {deck}
    assert {note["context"] for note in notes} == {deck.split("::")[1]}


def test_check_says_a_deck_has_no_cards_as_build_does(tmp_path: Path) -> None:
    """A page whose text sits in its front matter (a CMS export) makes no card: `check` warns
    with build's reason instead of reporting 0 problems."""
    source = tmp_path / "export.md"
    source.write_text(
        "---\ntitle: Pressure injuries\nanswer: >-\n  Stage 1 is intact skin.\n---\n&nbsp;\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(cli, ["check", str(source)])
    assert "BUILD-WARNING the deck has no cards: " in result.output
    assert result.output.strip().endswith("0 errors, 1 warning in 0 notes (0 cards)")


# -- what a manifest deck refuses, a zero-config build leaves out with a warning ---------------

PICTURED = """\
# Heart failure

## Signs

- Oedema ![swollen ankle](https://example.com/ankle.png)
- Breathlessness ![chart](figures/missing.png)
- Fatigue
"""

LONG_LIST = "# Drugs\n\n## Every drug\n\n" + "".join(f"- drug{n}\n" for n in range(1, 121))


def test_an_image_a_manifest_refuses_is_left_off_its_card(here: Path) -> None:
    """A page from someone else's site: its remote and missing images are left off the cards,
    each with a warning naming its note's line; the cards stay, and no server is ever asked."""
    output = built("notes.md", PICTURED)
    warnings = [line for line in output.splitlines() if "(left off the card)" in line]
    assert [w.split(": warning: ")[0] for w in warnings] == ["notes.md:5", "notes.md:5"]
    assert "is on another server" in warnings[0] and "not found" in warnings[1]
    (listed,) = records("notes.md")
    assert listed["cards"] == 3
    fields = " ".join(map(str, listed["fields"]))  # type: ignore[call-overload]
    assert "<img" not in fields and "example.com" not in fields
    (here / "notes.toml").write_text(
        'title = "Heart failure"\nid = 1234567890\nsources = ["notes.md"]\n\n'
        '[[subdeck]]\nname = "Signs"\nsections = ["Signs"]\n'
    )
    code, output = run("build", "notes.toml", "-o", "deck.apkg")
    assert code == 2 and "notes.md:5: image 'https://example.com/ankle.png'" in output
    assert not (here / "deck.apkg").exists()


def test_a_card_whose_answer_was_only_a_missing_image_is_left_out(here: Path) -> None:
    """A question answered by an infographic that did not come with the page would be a card
    with a blank back: it is left out, with a warning; the other cards stay."""
    output = built(
        "notes.md",
        "# Korrin fever\n\n## Questions\n\n### Could my child have korrin fever?\n\n"
        "![Signs of korrin fever](signs.png)\n\n### When does the rash fade?\n\nBy day five.\n",
    )
    assert (
        "notes.md:5: warning: a side of this card was only an image, and image 'signs.png' not "
        "found (left out)"
    ) in output.splitlines()
    assert [r["front"] for r in records("notes.md")] == ["When does the rash fade? (korrin fever)"]


def test_a_deletion_that_is_only_a_picture_says_to_move_the_picture(here: Path) -> None:
    """A list whose bold opening phrase is a picture would hide nothing but the picture: the
    warning names the picture as the cause, not the list's length."""
    (here / "rash.png").write_bytes(png())
    output = built(
        "signs.md",
        "# Korrin\n\n## Signs\n\n- **![](rash.png)** Violet rash on the shins\n"
        "- **Knees** ache in the morning\n- **Fever** above 39 degrees\n",
    )
    assert (
        "signs.md:5: warning: this enumeration card would be broken in Anki (a deletion that is "
        "only a picture); move the picture out of the list or sentence, or give it words "
        "(left out)"
    ) in output.splitlines()


def test_a_note_anki_could_not_show_is_left_out_with_a_warning(here: Path) -> None:
    """120 items would make a cloze of 120 deletions (Anki allows 99): the note is left out, the
    build goes on; a manifest deck refuses it, naming the line."""
    output = built("drugs.md", LONG_LIST + "\n## Doses\n\n- Aspirin: 75 mg daily\n")
    assert (
        "drugs.md:5: warning: this enumeration card would be broken in Anki (120 deletions, "
        "more than the 99 a note may make); shorten or reword the list or sentence it comes "
        "from (left out)"
    ) in output.splitlines()
    assert [r["rule"] for r in records("drugs.md")] == ["definition"]
    (here / "drugs.toml").write_text(
        'title = "Drugs"\nid = 1234567890\nsources = ["drugs.md"]\n\n'
        '[[subdeck]]\nname = "Drugs"\nsections = ["Every drug", "Doses"]\n'
    )
    code, output = run("build", "drugs.toml", "-o", "deck.apkg")
    assert code == 2 and "drugs.md:5: this enumeration card would be broken" in output
