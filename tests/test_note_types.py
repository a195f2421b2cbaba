"""Note types stay fixed: a change is a recorded migration that real Anki applies in place."""

from __future__ import annotations

import json
from pathlib import Path

import genanki
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import builder.anki as anki
from builder import build_deck, load_manifest
from builder.anki import base91, guid_for
from tests.ankiutil import (
    answer_all_cards,
    import_apkg,
    open_collection,
    rendered_cards,
    review_log,
)
from tests.conftest import ROOT, SEED_MANIFEST


def test_ids_and_field_names_are_frozen() -> None:
    assert anki.BASIC_MODEL.model_id == 1764115201
    assert anki.CLOZE_MODEL.model_id == 1764115202
    assert [f["name"] for f in anki.BASIC_MODEL.fields] == ["Front", "Back", "Context", "Source"]
    assert [f["name"] for f in anki.CLOZE_MODEL.fields] == ["Text", "Extra", "Context", "Source"]
    assert [t["name"] for t in anki.BASIC_MODEL.templates] == ["Card 1"]
    assert [t["name"] for t in anki.CLOZE_MODEL.templates] == ["Cloze"]


def test_a_change_to_templates_or_css_is_recorded_in_the_history() -> None:
    version, mtime, fingerprint = anki.NOTE_TYPE_HISTORY[-1]
    assert anki.note_type_fingerprint() == fingerprint, (
        "note types changed: append a row to NOTE_TYPE_HISTORY (docs/note-types.md)"
    )
    versions = [row[0] for row in anki.NOTE_TYPE_HISTORY]
    times = [row[1] for row in anki.NOTE_TYPE_HISTORY]
    assert versions == list(range(1, len(versions) + 1))
    assert times == sorted(set(times)), "each version must be newer than the one before"
    assert (version, mtime) == (anki.NOTE_TYPE_VERSION, anki.NOTE_TYPE_MTIME)


def test_a_newer_note_type_updates_the_students_copy_in_place(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    manifest = load_manifest(project / SEED_MANIFEST)
    current_css = anki.CSS
    with monkeypatch.context() as old:
        old.setattr(anki.BASIC_MODEL, "css", "/* previous version */")
        old.setattr(anki.CLOZE_MODEL, "css", "/* previous version */")
        old.setattr(anki, "NOTE_TYPE_MTIME", anki.NOTE_TYPE_MTIME - 86400)
        previous = build_deck(manifest, output=project / "old.apkg").output
    current = build_deck(manifest, output=project / "new.apkg").output
    col = open_collection(project / "c" / "collection.anki2")
    try:
        first = import_apkg(col, previous)
        assert {c["css"] for c in rendered_cards(col)} == {"/* previous version */"}
        second = import_apkg(col, current)
        assert len(second.new) == 0 and len(second.conflicting) == 0
        assert sorted(m["name"] for m in col.models.all()).count("deckbuilder Basic") == 1
        assert not any(m["name"].endswith("+") for m in col.models.all())
        cards = rendered_cards(col)
        assert {card["css"] for card in cards} == {current_css}
        assert len({card["note_id"] for card in cards}) == len(first.new)
    finally:
        col.close()


@settings(max_examples=300, deadline=None)
@given(deck_id=st.integers(min_value=1, max_value=2**63 - 1), key=st.text())
def test_guids_are_the_ones_genanki_computes(deck_id: int, key: str) -> None:
    """Every released note's GUID came from genanki.guid_for: ours must never differ."""
    assert guid_for(deck_id, key) == genanki.guid_for(deck_id, key)


@pytest.mark.parametrize("number", [0, 1, 90, 91, 92, 91 * 91 - 1, 91 * 91, 91**3, 2**64 - 1])
def test_base91_at_the_digit_boundaries(number: int) -> None:
    digits, rest = [], number
    while rest:
        rest, digit = divmod(rest, 91)
        digits.append(anki._BASE91[digit])
    assert base91(number) == "".join(reversed(digits))


V1 = json.loads((ROOT / "tests" / "fixtures" / "note-types" / "v1.json").read_text("utf-8"))
"""The first released note types (templates and CSS), to build the package students hold."""


def test_students_holding_the_first_release_get_the_new_look_with_their_reviews(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Import a package made with version 1 of the note types, review every card, then import
    today's: the note types take the new templates and CSS in place; notes, cards and review
    history are untouched."""
    manifest = load_manifest(project / SEED_MANIFEST)
    with monkeypatch.context() as old:
        for model, kind in ((anki.BASIC_MODEL, "basic"), (anki.CLOZE_MODEL, "cloze")):
            template = {"name": model.templates[0]["name"], **V1[kind]}
            old.setattr(model, "templates", [template])
            old.setattr(model, "css", V1["css"])
        _, mtime, fingerprint = anki.NOTE_TYPE_HISTORY[0]
        assert anki.note_type_fingerprint() == fingerprint, "v1.json is not what version 1 was"
        old.setattr(anki, "NOTE_TYPE_MTIME", mtime)
        previous = build_deck(manifest, output=project / "v1.apkg").output
    current = build_deck(manifest, output=project / "current.apkg").output
    col = open_collection(project / "c" / "collection.anki2")
    try:
        first = import_apkg(col, previous)
        before = rendered_cards(col)
        assert {card["css"] for card in before} == {V1["css"]}
        assert all('class="db-context"' in card["answer"] for card in before)
        answer_all_cards(col)
        reviewed = {card["card_id"]: (card["due"], card["ivl"]) for card in rendered_cards(col)}
        history = review_log(col)

        second = import_apkg(col, current)
        # Only the note types change: every note is as it was ("duplicate": kept, not updated),
        # so a student's own edits to notes survive this update too.
        assert (len(second.new), len(second.updated), len(second.conflicting)) == (0, 0, 0)
        assert len(second.duplicate) == len(first.new)
        assert not any(m["name"].endswith("+") for m in col.models.all())
        after = rendered_cards(col)
        assert {card["css"] for card in after} == {anki.CSS}
        for card in after:
            assert card["answer"].count('class="db-source"') == 1, card["answer"]
            assert 'class="db-context"' not in card["answer"], card["answer"]
        assert {card["card_id"]: (card["due"], card["ivl"]) for card in after} == reviewed
        assert review_log(col) == history
        assert len({card["note_id"] for card in after}) == len(first.new)
    finally:
        col.close()
