"""Manifest validation: every problem a teacher can make, with a message that says what to do."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from builder import ManifestError, load_manifest, plan_deck
from builder.cli import cli

SOURCE = """\
# Asthma

## Triggers

| Trigger | Example |
|---|---|
| Allergen | House dust mite |
| Irritant | Cigarette smoke |

## Medicines

- **Salbutamol**: a short-acting bronchodilator.
- **Budesonide**: an inhaled corticosteroid.

## FAQ

### How is asthma diagnosed?

Spirometry.
"""
HEAD = 'title = "Asthma"\nid = 1234567890\nsources = ["asthma.md"]\ntopic = "asthma"\n'
SUBDECKS = '\n[[subdeck]]\nname = "All"\nsections = ["*"]\n'


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "asthma.md").write_text(SOURCE)
    return tmp_path


def error_of(function: Any, *args: Any) -> str:
    with pytest.raises(ManifestError) as caught:
        function(*args)
    return str(caught.value)


def write(here: Path, text: str) -> Path:
    path = here / "asthma.toml"
    path.write_text(text)
    return path


@pytest.mark.parametrize(
    ("text", "line", "expected"),
    [
        (
            HEAD + "colour = 1\n" + SUBDECKS,
            5,
            "unknown key `colour` in top level; known keys: title",
        ),
        (
            HEAD + SUBDECKS + "colour = 2\n",
            9,
            "unknown key `colour` in [[subdeck]]; known keys: name",
        ),
        (HEAD.replace('["asthma.md"]', '["missing.md"]') + SUBDECKS, 3, "source file not found"),
        (HEAD.replace("id = 1234567890\n", "") + SUBDECKS, None, "missing `id`"),
        (
            HEAD.replace("1234567890", '"abc"') + SUBDECKS,
            2,
            "`id` must be a whole number from 1 to",
        ),
        (HEAD, None, "no [[subdeck]] tables"),
        (HEAD + SUBDECKS + 'rules = ["faq", "magic"]\n', 9, "unknown rule 'magic'; known rules"),
        (HEAD + SUBDECKS + '\n[[table]]\nsection = "Triggers"\nreverse = "no"\n', 12, "`reverse`"),
        (HEAD + SUBDECKS + '\n[[table]]\nsection = "T"\nquestion = "{oops}?"\n', 12, "template"),
        (HEAD + '\n[[subdeck]]\nname = "A::B"\nsections = ["FAQ"]\n', 6, "may not contain '::'"),
        (HEAD + "description = 3\n" + SUBDECKS, 5, "`description` must be a string"),
        (HEAD + "tags = [1, 2]\n" + SUBDECKS, 5, "`tags` must be a list of strings"),
    ],
)
def test_invalid_manifest_names_file_line_and_problem(
    here: Path, text: str, line: int | None, expected: str
) -> None:
    path = write(here, text)
    with pytest.raises(ManifestError) as caught:
        load_manifest(path)
    where = f"{path}:{line}: " if line else f"{path}: "
    assert str(caught.value).startswith(where), str(caught.value)
    assert expected in str(caught.value)


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [
        (HEAD + 'tags = "asthma"\n' + SUBDECKS, 5, "tags"),
        (HEAD + 'exclude = "References"\n' + SUBDECKS, 5, "exclude"),
        (HEAD + 'forbid = "Free Consultation"\n' + SUBDECKS, 5, "forbid"),
        (HEAD + 'rules = "faq"\n' + SUBDECKS, 5, "rules"),
        (HEAD.replace('["asthma.md"]', '"asthma.md"') + SUBDECKS, 3, "sources"),
        (HEAD + SUBDECKS.replace('["*"]', '"*"'), 8, "sections"),
        (HEAD + SUBDECKS + 'tags = "asthma"\n', 9, "tags"),
        (HEAD + SUBDECKS + 'rules = "faq"\n', 9, "rules"),
    ],
)
def test_a_string_where_a_list_is_wanted_is_one_error_at_its_line(
    here: Path, text: str, line: int, key: str
) -> None:
    path = write(here, text)
    message = error_of(load_manifest, path)
    value = re.search(rf'^{key} = "(.*)"$', text, re.MULTILINE)
    assert value is not None
    assert message == (
        f"{path}:{line}: `{key}` must be a list of strings, in brackets: "
        f'{key} = ["{value.group(1)}"]'
    )


def test_a_string_tag_is_an_error_on_the_command_line(here: Path) -> None:
    write(here, HEAD + 'tags = "asthma"\n' + SUBDECKS)
    result = CliRunner().invoke(cli, ["cards", "asthma.toml"])
    assert result.exit_code == 2
    assert result.output == (
        'error: asthma.toml:5: `tags` must be a list of strings, in brackets: tags = ["asthma"]\n'
    )


def test_every_problem_is_reported_at_once(here: Path) -> None:
    path = write(here, HEAD.replace("1234567890", "-1") + "colour = 1\n")
    message = error_of(load_manifest, path)
    assert "`id` must be a whole number from 1 to" in message
    assert "unknown key `colour`" in message
    assert "no [[subdeck]] tables" in message
    assert len(message.splitlines()) == 3


def test_section_not_in_the_document_suggests_the_closest_headings(here: Path) -> None:
    path = write(here, HEAD + '\n[[subdeck]]\nname = "T"\nsections = ["Trigers"]\n')
    message = error_of(plan_deck, load_manifest(path))
    assert message.startswith(f"{path}:6: subdeck 'T': no section matches 'Trigers'")
    assert "did you mean 'Triggers'?" in message


def test_two_subdecks_claiming_one_section(here: Path) -> None:
    text = HEAD + '\n[[subdeck]]\nname = "A"\nsections = ["FAQ"]\n'
    text += '\n[[subdeck]]\nname = "B"\nsections = ["F*"]\n'
    path = write(here, text)
    message = error_of(plan_deck, load_manifest(path))
    assert "section 'FAQ' is claimed by 'A' (line 6) and 'B' (line 10)" in message


def test_cli_exit_status_is_2_for_input_errors_and_0_on_success(here: Path) -> None:
    write(here, HEAD + "colour = 1\n" + SUBDECKS)
    result = CliRunner().invoke(cli, ["build", "asthma.toml", "-o", "a.apkg"])
    assert result.exit_code == 2
    assert result.output.startswith("error: asthma.toml:5: unknown key `colour`")
    write(here, HEAD + SUBDECKS)
    result = CliRunner().invoke(cli, ["build", "asthma.toml", "-o", "a.apkg"])
    assert result.exit_code == 0, result.output


def test_table_options_turn_reverses_off_and_name_the_subject(here: Path) -> None:
    text = HEAD + SUBDECKS + '\n[[table]]\nsection = "Triggers"\nreverse = false\n'
    text += 'subject = "Example"\nquestion = "{subject}: which {column}?"\n'
    cards = [n.note for n in plan_deck(load_manifest(write(here, text))).notes]
    fronts = [card.front for card in cards if card.rule == "table"]
    assert fronts == ["House dust mite: which trigger?", "Cigarette smoke: which trigger?"]


def test_subdeck_rules_and_exclude(here: Path) -> None:
    text = HEAD + 'exclude = ["Medicines"]\n' + SUBDECKS + 'rules = ["faq"]\n'
    cards = [n.note for n in plan_deck(load_manifest(write(here, text))).notes]
    assert {card.rule for card in cards} == {"faq"}


def test_patterns_may_match_in_any_of_several_sources(here: Path) -> None:
    (here / "copd.md").write_text(
        "# COPD\n\n## Inhalers\n\n- **LAMA**: long-acting.\n- **LABA**: long-acting too.\n"
    )
    text = HEAD.replace('["asthma.md"]', '["asthma.md", "copd.md"]')
    text += '\n[[subdeck]]\nname = "Asthma"\nsections = ["Triggers"]\n'
    text += '\n[[subdeck]]\nname = "COPD"\nsections = ["Inhalers"]\n'
    cards = [n.note for n in plan_deck(load_manifest(write(here, text))).notes]
    assert {card.subdeck for card in cards} >= {"Asthma", "COPD"}
    assert {card.source.path for card in cards} == {"asthma.md", "copd.md"}


def test_a_pattern_written_with_an_html_entity_names_its_heading(here: Path) -> None:
    """Headings are read with their entities as characters (`## &beta;-Blockers` is
    "β-Blockers"): a manifest written before, naming the heading as it was written, still
    routes it, and so does its `[[table]]` section."""
    (here / "asthma.md").write_text(
        "# Asthma\n\n## &beta;-Agonists\n\n| Drug | Onset |\n|---|---|\n"
        "| Velbarin | Minutes |\n| Tessalid | Hours |\n"
    )
    text = HEAD + '\n[[subdeck]]\nname = "Agonists"\nsections = ["&beta;-Agonists"]\n'
    text += '\n[[table]]\nsection = "&beta;-agonists"\nquestion = "{subject}: {column}?"\n'
    text += "reverse = false\n"
    cards = [n.note for n in plan_deck(load_manifest(write(here, text))).notes]
    assert [(card.subdeck, card.front) for card in cards] == [
        ("Agonists", "Velbarin: onset?"),
        ("Agonists", "Tessalid: onset?"),
    ]
    assert {card.source.section for card in cards} == {("β-Agonists",)}


def test_an_abbreviation_defined_in_two_sources_is_asked_once(here: Path) -> None:
    (here / "copd.md").write_text(
        "# COPD\n\n## Imaging\n\nA magnetic resonance imaging (MRI) scan is rarely needed.\n"
    )
    (here / "asthma.md").write_text(
        SOURCE + "\n## Imaging\n\nMagnetic resonance imaging (MRI) is rarely used.\n"
    )
    text = HEAD.replace('["asthma.md"]', '["asthma.md", "copd.md"]') + SUBDECKS
    cards = [n.note for n in plan_deck(load_manifest(write(here, text))).notes]
    expand = [card for card in cards if card.front.startswith("What does MRI stand for")]
    assert [card.source.path for card in expand] == ["asthma.md"]


SLOW_FORBID = [
    r"/a*a*b/",  # against a line of 10,000 a's: hours (n**3), where /a*b/ takes 0.4 s
    r"/\d+\.?\d+%/",
    r"/\w+\s*\w+!/",
    r"/.*guaranteed.*cure/",
    r"/(a*)(a*)b/",
    r"/x|[a-z]+[a-z]+!/",
    r"/a{1,1000}a{1,1000}b/",
]
FAST_FORBID = [
    r"/click\s+to\s+call/",
    r"/cures?/",
    r"/.*guaranteed.*/",
    r"/\bfree\b.*\bconsultation\b/",
    r"/\d+-\d+/",
    r"/\w+@\w+\.com/",
    r"/[A-Z]{2,}\s+[A-Z]{2,}/",
    r"/(?:call|phone)\s*\d+/",
    r"/\d{1,3}\d{1,3}x/",
    r"/(?>a*)a*b/",
    r"/a*+a*b/",
]


@pytest.mark.parametrize("pattern", SLOW_FORBID)
def test_a_forbid_pattern_with_two_repeats_in_a_row_is_refused(here: Path, pattern: str) -> None:
    """Two repeats that can take the same characters, one after the other, try every split of
    a long line between them from every place a search starts: a power of the line's length."""
    escaped = pattern.replace("\\", "\\\\")
    message = error_of(load_manifest, write(here, HEAD + f'forbid = ["{escaped}"]\n' + SUBDECKS))
    assert message == (
        f"{here / 'asthma.toml'}:5: forbid pattern {pattern!r} has two repeats in a row that can "
        "take the same characters, which can take hours on one line; put something the first "
        r"cannot take between them (`/\d+(\.\d+)?%/`, not `/\d+\.?\d+%/`), or make the first "
        r"possessive (`\d++`)"
    )


@pytest.mark.parametrize("pattern", FAST_FORBID)
def test_a_forbid_pattern_whose_repeats_are_kept_apart_is_accepted(
    here: Path, pattern: str
) -> None:
    escaped = pattern.replace("\\", "\\\\")
    deck = load_manifest(write(here, HEAD + f'forbid = ["{escaped}"]\n' + SUBDECKS))
    assert deck.forbid == (pattern,)


def test_the_advice_for_two_repeats_in_a_row_is_itself_accepted(here: Path) -> None:
    """What the message tells the teacher to write instead is a pattern it accepts."""
    from builder.manifest import regex_danger

    assert regex_danger(r"\d+\.?\d+%") and not regex_danger(r"\d+(\.\d+)?%")
