"""The rules are generic: a document on another subject, written for the tests with different
headings, tables and lists than the seed, gives the cards its structure implies."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder import Note, manifest_for_source, plan_deck

DOCUMENT = Path(__file__).parent / "documents" / "type-2-diabetes.md"


@pytest.fixture(scope="module")
def notes() -> list[Note]:
    return [packaged.note for packaged in plan_deck(manifest_for_source(DOCUMENT)).notes]


def fronts(notes: list[Note], rule: str) -> dict[str, str]:
    return {card.front: card.back for card in notes if card.rule == rule}


def test_three_column_table_asks_each_column_per_drug_class(notes: list[Note]) -> None:
    table = fronts(notes, "table")
    assert table["Biguanides (drug class) in type 2 diabetes: mechanism?"] == (
        "Reduce hepatic glucose output"
    )
    assert table["Sulfonylureas (drug class) in type 2 diabetes: common side effects?"] == (
        "- Hypoglycaemia\n- Weight gain"
    )
    assert len(table) == 6, "3 rows x 2 value columns, no reverse cards for 3 columns"


def test_em_dash_definitions_become_term_cards(notes: list[Note]) -> None:
    definitions = fronts(notes, "definition")
    assert definitions == {
        # "Key terms" names no subject: the topic does.
        "Type 2 diabetes: HbA1c?": "average blood glucose over about three months.",
        "Type 2 diabetes: Insulin resistance?": ("reduced response of cells to insulin."),
    }


def test_lead_in_list_is_one_cloze_note_with_a_cloze_per_item(notes: list[Note]) -> None:
    (note,) = [card for card in notes if card.rule == "enumeration"]
    assert note.note_type == "cloze"
    assert note.front.startswith("Long-term complications of type 2 diabetes include:")
    assert note.cards == 4 and "{{c4::Cardiovascular disease}}" in note.front


def test_bold_questions_in_a_common_questions_section(notes: list[Note]) -> None:
    assert fronts(notes, "faq") == {
        "Can type 2 diabetes be reversed?": (
            "Weight loss can bring blood glucose back to normal in some people."
        ),
        "How often should HbA1c be checked in type 2 diabetes?": (
            "Every 3 to 6 months, depending on control."
        ),
    }


def test_percentage_in_prose_is_a_cloze_on_the_number(notes: list[Note]) -> None:
    figures = [card.front for card in notes if card.rule == "figure"]
    assert "About {{c1::90%}} of people with diabetes have type 2 diabetes." in figures


def test_subdecks_follow_top_level_sections(notes: list[Note]) -> None:
    assert {card.subdeck for card in notes} >= {
        "Overview", "Medicines", "Complications", "Key terms", "Common questions",
    }  # fmt: skip


def test_zero_config_builds_have_an_abbreviations_subdeck(notes: list[Note]) -> None:
    abbreviations = {card.front: card.back for card in notes if card.subdeck == "Abbreviations"}
    assert abbreviations == {
        "What does SGLT2 stand for in type 2 diabetes?": "sodium-glucose cotransporter 2",
        "Abbreviation for “sodium-glucose cotransporter 2” in type 2 diabetes?": "SGLT2",
    }
