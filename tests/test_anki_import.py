"""The seed deck imported into a fresh collection of the real Anki backend, as a student would."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.ankiutil import deck_names, import_apkg, open_collection, rendered_cards
from tests.conftest import SEED_MANIFEST

DECK = "Breast Cancer Liver Metastasis"
SEED_QUESTIONS = [
    "What is breast cancer metastasis to the liver?",
    "How common is it for breast cancer to metastasize to the liver?",
    "How is liver metastasis from breast cancer diagnosed?",
    "What is the prognosis for breast cancer spreading to the liver?",
    "What are the treatment options for breast cancer liver metastases?",
    "Can liver surgery be used as a treatment for breast cancer metastasis?",
    "How are liver metastases in breast cancer managed?",
    "What are some emerging therapies for breast cancer metastasis to the liver?",
    "How can patients cope with breast cancer liver metastasis?",
]
ADVERTISING = [
    "acibadem", "health point", "free consultation", "click to call", "see also",
    "state-of-the-art", "at the forefront", "step 1 of 4", "select your gender",
]  # fmt: skip


@pytest.fixture(scope="module")
def imported(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    col = open_collection(tmp_path_factory.mktemp("anki") / "collection.anki2")
    import_apkg(col, seed_build)
    yield col
    col.close()


@pytest.fixture(scope="module")
def cards(imported: Any) -> list[dict[str, Any]]:
    return rendered_cards(imported)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).strip()


def test_deck_tree_has_every_subdeck(imported: Any) -> None:
    names = set(deck_names(imported))
    for subdeck in (
        "FAQ", "Risk Factors & Prognosis", "Diagnosis", "Treatment Trade-offs", "Care Team",
        "Emerging Therapies", "Coping", "Abbreviations",
    ):  # fmt: skip
        assert f"{DECK}::{subdeck}" in names


def test_faq_subdeck_has_the_nine_seed_questions(
    imported: Any, cards: list[dict[str, Any]]
) -> None:
    faq_notes = imported.find_notes(f'"deck:{DECK}::FAQ" tag:card::faq')
    assert len(faq_notes) == 9
    fronts = {imported.get_note(nid)["Front"] for nid in faq_notes}
    assert fronts == set(SEED_QUESTIONS)


def test_every_card_renders_a_question_and_a_different_answer(cards: list[dict[str, Any]]) -> None:
    assert cards
    for card in cards:
        question, answer = _text(card["question"]), _text(card["answer"])
        assert question, card
        assert answer and answer != question, card
        assert "db-source" in card["answer"], "the back cites its source"


def test_every_note_is_tagged_with_topic_and_rule(cards: list[dict[str, Any]]) -> None:
    for card in cards:
        assert "bclm" in card["tags"]
        assert any(tag.startswith("card::") for tag in card["tags"])
        assert any(tag.startswith("bclm::") for tag in card["tags"])


def test_per_subdeck_counts_match_the_build(
    imported: Any, cards: list[dict[str, Any]], seed_build: Path
) -> None:
    from builder import load_manifest, plan_deck

    plan = plan_deck(load_manifest(seed_build.parent.parent / SEED_MANIFEST))
    expected_cards: Counter[str] = Counter()
    for note in plan.notes:
        expected_cards[note.deck] += note.note.cards
    assert Counter(card["deck"] for card in cards) == expected_cards
    expected_notes = Counter(note.deck for note in plan.notes)
    notes_per_deck: Counter[str] = Counter()
    for deck in expected_notes:
        notes_per_deck[deck] = len(imported.find_notes(f'"deck:{deck}"'))
    assert notes_per_deck == expected_notes


def test_cloze_cards_hide_on_front_and_show_on_back(cards: list[dict[str, Any]]) -> None:
    clozes = [card for card in cards if "Cloze" in card["notetype"]]
    assert clozes
    for card in clozes:
        assert "[...]" in card["question"], card["question"]
        hidden = re.search(r'<span class="cloze"[^>]*>(.*?)</span>', card["answer"], re.DOTALL)
        assert hidden and hidden.group(1) != "[...]", card["answer"]


def test_no_card_contains_advertising(cards: list[dict[str, Any]]) -> None:
    for card in cards:
        text = (card["question"] + card["answer"]).lower()
        for phrase in ADVERTISING:
            assert phrase not in text, (phrase, card["question"])


def test_deck_description_names_source_and_disclaimer(imported: Any) -> None:
    deck = imported.decks.by_name(DECK)
    assert "Acibadem Healthcare Group" in deck["desc"]
    assert "not intended to direct people to diagnosis and treatment" in deck["desc"]
