"""The seed deck covers the article: every fact the issue lists is on a card."""

from __future__ import annotations

import re

import pytest

from builder import Note, load_manifest, plan_deck
from tests.conftest import ROOT, SEED_MANIFEST

TOPIC = "breast cancer liver metastases"


@pytest.fixture(scope="module")
def cards() -> list[Note]:
    return [packaged.note for packaged in plan_deck(load_manifest(ROOT / SEED_MANIFEST)).notes]


def fronts(cards: list[Note]) -> dict[str, Note]:
    return {card.front: card for card in cards if card.note_type == "basic"}


@pytest.mark.parametrize(
    "factor",
    ["Tumor characteristics", "Genetic mutations", "Prior treatment", "Age and overall health"],
)
def test_every_risk_factor_row_both_ways(cards: list[Note], factor: str) -> None:
    by_front = fronts(cards)
    assert f"{factor} (risk factor) in {TOPIC}: description?" in by_front
    assert any(c.back == factor and c.front.startswith("Which risk factor") for c in cards)


@pytest.mark.parametrize("method", ["Imaging Tests", "Biopsies", "Blood Tests"])
def test_every_diagnostic_method_with_advantages_and_disadvantages(
    cards: list[Note], method: str
) -> None:
    by_front = fronts(cards)
    for column in ("advantages", "disadvantages"):
        card = by_front[f"{method} (diagnostic method) in {TOPIC}: {column}?"]
        assert card.subdeck == "Diagnosis" and card.back


@pytest.mark.parametrize(
    "modality",
    ["Surgery", "Radiation Therapy", "Targeted Therapy", "Chemotherapy", "Immunotherapy"],
)
def test_every_treatment_modality_with_advantages_and_limitations(
    cards: list[Note], modality: str
) -> None:
    by_front = fronts(cards)
    for column in ("advantages", "limitations"):
        card = by_front[f"{modality} for {TOPIC}: {column}?"]
        assert card.subdeck == "Treatment Trade-offs"
        assert card.back.count("\n- ") == 1, "two points, shown as a list"


def test_the_five_prognosis_factors(cards: list[Note]) -> None:
    terms = [
        card.front.split(": ", 1)[1].rstrip("?")
        for card in cards
        if card.rule == "definition" and card.front.startswith("Factors Affecting Prognosis")
    ]
    assert terms == [
        "Tumor size", "Lymph node involvement", "Hormone receptor status", "HER2 status",
        "Response to treatment",
    ]  # fmt: skip


def test_stage_iv_survival_figures_are_clozes(cards: list[Note]) -> None:
    figures = {card.front for card in cards if card.rule == "figure"}
    assert f"In {TOPIC}, the 5-year survival rate for Stage IV is {{{{c1::15-27%}}}}." in figures
    assert f"In {TOPIC}, the 10-year survival rate for Stage IV is {{{{c1::6-14%}}}}." in figures
    assert any("{{c1::20% to 30%}} of breast cancer patients" in front for front in figures)


@pytest.mark.parametrize(
    "specialty",
    [
        "Oncologist", "Surgeon", "Radiation Oncologist", "Radiologist", "Pain Specialist",
        "Nutritionist", "Psychologist",
    ],
)  # fmt: skip
def test_every_care_team_role(cards: list[Note], specialty: str) -> None:
    card = fronts(cards)[f"{specialty} (specialty) in {TOPIC}: role?"]
    assert card.subdeck == "Care Team"


@pytest.mark.parametrize(
    "modality",
    [
        "Targeted Therapy", "Immunotherapy", "Combination Therapies",
        "Genomics and Personalized Medicine", "Gene Therapy", "Nanomedicine",
        "Targeted Drug Delivery Systems",
    ],
)  # fmt: skip
def test_every_emerging_modality(cards: list[Note], modality: str) -> None:
    card = fronts(cards)[f"{modality} (treatment modality) in {TOPIC}: description?"]
    assert card.subdeck == "Emerging Therapies"


def test_the_five_treatment_options_are_one_cloze_note(cards: list[Note]) -> None:
    (note,) = [
        c for c in cards if c.rule == "enumeration" and "treatment options include" in c.front
    ]
    items = re.findall(r"\{\{c(\d)::([^}]*)\}\}", note.front)
    assert items == [
        ("1", "Surgery"), ("2", "Radiation Therapy"), ("3", "Targeted Therapy"),
        ("4", "Chemotherapy"), ("5", "Immunotherapy"),
    ]  # fmt: skip


def test_every_front_names_the_topic(cards: list[Note]) -> None:
    from builder.text import names_topic

    for card in cards:
        if card.rule == "abbreviation":
            continue
        assert names_topic(card.front, TOPIC), card.front


def test_no_two_cards_share_a_front(cards: list[Note]) -> None:
    seen = [card.front for card in cards]
    assert len(seen) == len(set(seen))


def test_abbreviation_subdeck_holds_exactly_the_defined_abbreviations(cards: list[Note]) -> None:
    abbreviations = [card for card in cards if card.subdeck == "Abbreviations"]
    expanded = {
        card.front.split(" ")[2]: card.back for card in abbreviations if "stand for" in card.front
    }
    assert expanded == {
        "CT": "computed tomography",
        "MRI": "magnetic resonance imaging",
        "ER": "Estrogen receptor",
        "PR": "progesterone receptor",
        "RFA": "radiofrequency ablation",
        "MWA": "microwave ablation",
    }
    reverse = {card.back for card in abbreviations if card.front.startswith("Abbreviation for")}
    assert reverse == set(expanded)
    for used_only in ("PET", "HER2", "BRCA1", "CA 15-3"):
        assert not any(used_only in card.front + card.back for card in abbreviations)
