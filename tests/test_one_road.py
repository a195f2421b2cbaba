"""One road: the package holds exactly the notes `deckbuilder cards --format json` lists, and the
same bytes whatever the number of jobs. Checked on the seed deck and on a generated course."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from benchmarks.generate import write_multi_deck
from builder import load_manifest, plan_deck
from builder.cli import cli
from tests.ankiutil import import_apkg, open_collection
from tests.conftest import SEED_MANIFEST


def package_notes(apkg: Path, folder: Path) -> list[dict[str, Any]]:
    """Every note of a package as its collection holds it, with its cards' decks, in id order."""
    with zipfile.ZipFile(apkg) as package:
        (folder / "inside.anki2").write_bytes(package.read("collection.anki2"))
    db = sqlite3.connect(folder / "inside.anki2")
    try:
        decks_json, models_json = db.execute("SELECT decks, models FROM col").fetchone()
        decks = {int(k): v["name"] for k, v in json.loads(decks_json).items()}
        models = {int(k): v["name"] for k, v in json.loads(models_json).items()}
        cards: dict[int, list[tuple[int, str]]] = {}
        for nid, ordinal, did in db.execute("SELECT nid, ord, did FROM cards ORDER BY id"):
            cards.setdefault(nid, []).append((ordinal, decks[did]))
        return [
            {
                "id": nid,
                "guid": guid,
                "note_type": models[mid],
                "mod": mod,
                "tags": tags.split(),
                "fields": flds.split("\x1f"),
                "cards": cards.get(nid, []),
            }
            for nid, guid, mid, mod, tags, flds in db.execute(
                "SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id"
            )
        ]
    finally:
        db.close()


def listed_notes(target: Path) -> list[dict[str, Any]]:
    result = CliRunner().invoke(cli, ["cards", str(target), "--format", "json"])
    assert result.exit_code == 0, result.output
    records: list[dict[str, Any]] = json.loads(result.output)
    return records


def assert_package_equals_listing(target: Path, folder: Path) -> int:
    """Build `target`, then compare the package with the listing note by note, field by field;
    returns how many notes were compared."""
    result = CliRunner().invoke(cli, ["build", str(target), "-o", str(folder / "deck.apkg")])
    assert result.exit_code == 0, result.output
    # By GUID: a note added in a later release takes the next free id, after the others.
    packaged = sorted(package_notes(folder / "deck.apkg", folder), key=lambda note: note["guid"])
    listed = sorted(listed_notes(target), key=lambda record: str(record["guid"]))
    assert [note["guid"] for note in packaged] == [record["guid"] for record in listed]
    for note, record in zip(packaged, listed, strict=True):
        assert note["fields"] == record["fields"], record["key"]
        assert note["tags"] == record["tags"], record["key"]
        assert note["note_type"] == f"deckbuilder {record['note_type'].title()}"
        assert len(note["cards"]) == record["cards"], record["key"]
        assert {deck for _, deck in note["cards"]} == {record["deck"]}, record["key"]
    return len(listed)


def test_the_seed_package_holds_what_cards_lists(project: Path) -> None:
    manifest = project / SEED_MANIFEST
    compared = assert_package_equals_listing(manifest, project)
    assert compared == len(plan_deck(load_manifest(manifest)).notes) > 80


LITERAL_BRACES = """# Korrin syntax

## Marks

| | | |
|---|---|---|
| Wet {{c5::cough}} | Fever | Night |
| Dry cough | Rash }} | Day |
| Brace {{ x | Chill | Dawn |

## Ratings

| Grade | Measure |
|---|---|
| <img src="{{ '/pics/up.png' | relative_url }}"> Strong | Sealed water jars |
| <img src="{{ '/pics/down.png' | relative_url }}"> Weak | Garlic necklaces |

## Pairs

| Gout | Pseudogout |
|---|---|
| Urate {{c9::needles}} | Calcium rhomboids |
| Big toe | Knee |
"""
"""Braces a document holds as text: cloze syntax quoted in a table cell, a lone `{{` or `}}`,
and a site's template tags with a `|` filter inside a cell."""


def test_literal_braces_never_make_or_count_as_a_deletion(tmp_path: Path) -> None:
    source = tmp_path / "korrin-syntax.md"
    source.write_text(LITERAL_BRACES, encoding="utf-8")
    assert assert_package_equals_listing(source, tmp_path) >= 5
    listed = listed_notes(source)
    packaged = package_notes(tmp_path / "deck.apkg", tmp_path)
    assert sum(record["cards"] for record in listed) == sum(len(n["cards"]) for n in packaged)
    marks = [record for record in listed if record["note_type"] == "cloze"]
    assert len(marks) == 3  # every row of the cloze table, each with its three deletions
    assert all(record["cards"] == 3 for record in marks)


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated course of 3,000 items in three documents, one subdeck per ten units."""
    root = tmp_path_factory.mktemp("course")
    manifest, _ = write_multi_deck(3000, 1, root, documents=3, single_subdeck=False)
    return manifest


def test_the_generated_course_package_holds_what_cards_lists(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    monkeypatch.chdir(course.parent.parent)
    assert assert_package_equals_listing(course, tmp_path) > 3000


def test_any_number_of_jobs_gives_the_same_bytes_and_anki_takes_every_note(
    course: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    outputs = []
    for jobs in ("1", "2", "3"):
        output = tmp_path / f"jobs{jobs}.apkg"
        result = CliRunner().invoke(
            cli, ["build", str(course), "-o", str(output), "--jobs", jobs, "--force"]
        )
        assert result.exit_code == 0, result.output
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1] == outputs[2]
    listed = listed_notes(course)
    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_apkg(col, tmp_path / "jobs2.apkg")
        assert col.note_count() == len(listed)
        assert col.card_count() == sum(record["cards"] for record in listed)
    finally:
        col.close()
