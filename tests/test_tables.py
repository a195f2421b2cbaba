"""Table cells and the manifest's `[[table]]` options on the table shapes the builder reads
(the shapes themselves are pinned by tests/fixtures/rules/table.md)."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from builder import load_manifest, plan_deck
from builder.text import plain, split_points

_WORDS = st.from_regex(r"[a-j]+(?:[ -][a-j]+){0,3}", fullmatch=True)


@given(_WORDS, _WORDS, _WORDS, st.sampled_from(["(", "["]))
def test_points_never_split_inside_brackets_or_at_an_entity(
    before: str, inside: str, after: str, bracket: str
) -> None:
    closing = ")" if bracket == "(" else "]"
    cell = f"{before} {bracket}{inside}; {after}{closing} &amp; {after}"
    assert split_points(cell) == [cell]
    assert split_points(f"{cell}; {before}") == [cell, before]


def test_a_cell_keeps_its_minus_sign_and_its_bracketed_semicolons() -> None:
    assert split_points("-1000") == ["-1000"]
    assert split_points("- Rash<br>- Itch") == ["Rash", "Itch"]
    assert split_points("Liver injury (NAPQI; give NAC); Rash") == [
        "Liver injury (NAPQI; give NAC)",
        "Rash",
    ]
    assert split_points("Shaking &amp; palpitations; Headache") == [
        "Shaking &amp; palpitations",
        "Headache",
    ]
    assert split_points("CT<br>--") == ["CT"]


SOURCE = """\
# Asthma

## Salbutamol

| Element | Details |
|---|---|
| **Class** | Short-acting beta-2 agonist |
| **Onset** | Within minutes |

## Team

| Specialist | Role |
|---|---|
| Chest physician | Plans treatment and prescribes inhalers for the whole year |
| Asthma nurse | Teaches inhaler technique at every review |
"""
HEAD = 'title = "Asthma"\nid = 1234567890\nsources = ["asthma.md"]\ntopic = "asthma"\n'
HEAD += '\n[[subdeck]]\nname = "All"\nsections = ["*"]\n'


def fronts(folder: Path, manifest: str) -> list[str]:
    (folder / "asthma.md").write_text(SOURCE)
    (folder / "asthma.toml").write_text(HEAD + manifest)
    notes = plan_deck(load_manifest(folder / "asthma.toml")).notes
    return [packaged.note.front for packaged in notes if packaged.note.rule == "table"]


def test_a_field_table_takes_the_question_template(tmp_path: Path) -> None:
    options = '\n[[table]]\nsection = "Salbutamol"\nquestion = "{subject} — {column}?"\n'
    assert fronts(tmp_path, options)[:2] == ["Salbutamol — class?", "Salbutamol — onset?"]


def test_reverse_true_asks_long_descriptions_the_other_way_too(tmp_path: Path) -> None:
    assert not [front for front in fronts(tmp_path, "") if front.endswith("which specialist?")]
    options = '\n[[table]]\nsection = "Team"\nreverse = true\n'
    assert [f for f in fronts(tmp_path, options) if f.endswith("which specialist?")] == [
        "Plans treatment and prescribes inhalers for the whole year (role) in asthma:"
        " which specialist?",
        "Teaches inhaler technique at every review (role) in asthma: which specialist?",
    ]


def test_naming_the_subject_column_reads_a_field_table_as_rows(tmp_path: Path) -> None:
    options = '\n[[table]]\nsection = "Salbutamol"\nsubject = "Element"\n'
    assert fronts(tmp_path, options)[:2] == [
        "Class in asthma: details?",
        "Onset in asthma: details?",
    ]


def test_an_underscore_inside_a_word_is_text_not_emphasis() -> None:
    # CommonMark: `_` between letters or digits neither opens nor closes emphasis
    assert plain("VELBAR_IV_LOAD") == "VELBAR_IV_LOAD"
    assert plain("KORRIN_2_PO and _soft_ words") == "KORRIN_2_PO and soft words"
    assert plain("__strong__ then *one* then a_b") == "strong then one then a_b"
