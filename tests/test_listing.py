"""`deckbuilder cards`: the listing formats, and the CSV that Anki imports as it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from anki.collection import ImportCsvRequest
from click.testing import CliRunner

from builder.anki import PackagedNote
from builder.cli import cli
from builder.listing import format_notes
from builder.lock import LockEntry
from builder.notes import Note, Source
from tests.ankiutil import import_apkg, open_collection, rendered_cards
from tests.conftest import SEED_MANIFEST


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def import_csv(col: Any, path: Path) -> Any:
    """Import as Anki's File > Import does: the options the file's headers give."""
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def by_guid(col: Any) -> dict[str, dict[str, Any]]:
    """guid -> the note as Anki holds it: note type, deck, tags, fields, and its cards' count."""
    found: dict[str, dict[str, Any]] = {}
    for card in rendered_cards(col):
        note = found.setdefault(card["guid"], {**card, "cards": 0, "note_ids": set()})
        note["cards"] += 1
        note["note_ids"].add(card["note_id"])
    return found


def counts(log: Any) -> dict[str, int]:
    kinds = ("new", "updated", "duplicate", "conflicting", "missing_notetype", "missing_deck")
    return {kind: len(getattr(log, kind)) for kind in kinds if len(getattr(log, kind))}


def test_table_listing_shows_subdeck_rule_and_front(project: Path) -> None:
    output = invoke("cards", SEED_MANIFEST)
    assert output.splitlines()[0].split()[:4] == ["SUBDECK", "RULE", "FRONT", "BACK"]
    assert "What is breast cancer metastasis to the liver?" in output
    assert output.rstrip().endswith("cards")


def test_subdeck_filter(project: Path) -> None:
    records = json.loads(invoke("cards", SEED_MANIFEST, "--format", "json", "--subdeck", "FAQ"))
    assert {record["subdeck"] for record in records} == {"FAQ"}
    assert sum(record["rule"] == "faq" for record in records) == 9


def test_csv_imports_every_note_into_a_fresh_collection(project: Path) -> None:
    """The CSV stands alone: Anki's stock Basic and Cloze, our context above the question and
    the source under the answer, each note in its subdeck with its tags and GUID."""
    invoke("build", SEED_MANIFEST, "-o", "deck.apkg")
    Path("deck.csv").write_text(invoke("cards", SEED_MANIFEST, "--format", "csv"))
    from_apkg = open_collection(project / "a" / "collection.anki2")
    from_csv = open_collection(project / "b" / "collection.anki2")
    try:
        import_apkg(from_apkg, project / "deck.apkg")
        expected = by_guid(from_apkg)
        assert counts(import_csv(from_csv, project / "deck.csv")) == {"new": len(expected)}
        imported = by_guid(from_csv)
        assert imported.keys() == expected.keys()
        for guid, note in imported.items():
            want = expected[guid]
            stock = {"deckbuilder Basic": "Basic", "deckbuilder Cloze": "Cloze"}[want["notetype"]]
            assert note["notetype"] == stock
            assert (note["deck"], sorted(note["tags"])) == (want["deck"], sorted(want["tags"]))
            assert note["cards"] == want["cards"]  # one per cloze deletion
            fields = want["fields"]
            front, back = note["fields"].values()
            first, second = ("Front", "Back") if stock == "Basic" else ("Text", "Extra")
            assert fields["Context"] in front and fields[first] in front
            assert fields[second] in back and fields["Source"] in back
            assert fields["Source"] in note["answer"]
        assert sum(note["cards"] for note in imported.values()) == sum(
            note["cards"] for note in expected.values()
        )
    finally:
        from_apkg.close()
        from_csv.close()


def test_csv_reimport_updates_in_place_and_never_touches_the_packages_notes(
    project: Path,
) -> None:
    invoke("build", SEED_MANIFEST, "-o", "deck.apkg")
    Path("v1.csv").write_text(invoke("cards", SEED_MANIFEST, "--format", "csv"))
    source = project / "source" / "breast-cancer-liver-metastasis.md"
    source.write_text(source.read_text().replace("are relatively common.", "are common.", 1))
    Path("v2.csv").write_text(invoke("cards", SEED_MANIFEST, "--format", "csv"))
    from_csv = open_collection(project / "b" / "collection.anki2")
    from_apkg = open_collection(project / "a" / "collection.anki2")
    try:
        total = counts(import_csv(from_csv, project / "v1.csv"))["new"]
        before = by_guid(from_csv)
        # The same file again: every note is found by its GUID and left as it is.
        assert counts(import_csv(from_csv, project / "v1.csv")) == {"duplicate": total}
        # A newer file: the changed note is updated in place (same note, so its history stays).
        assert counts(import_csv(from_csv, project / "v2.csv")) == {
            "updated": 1, "duplicate": total - 1
        }  # fmt: skip
        after = by_guid(from_csv)
        changed = [guid for guid in after if after[guid]["fields"] != before[guid]["fields"]]
        assert len(changed) == 1 and after[changed[0]]["note_ids"] == before[changed[0]]["note_ids"]
        assert "are common." in after[changed[0]]["fields"]["Back"]

        # Over the package's notes (same GUIDs, another note type) Anki changes and adds nothing.
        import_apkg(from_apkg, project / "deck.apkg")
        notes = by_guid(from_apkg)
        assert counts(import_csv(from_apkg, project / "v2.csv")) == {"conflicting": total}
        assert by_guid(from_apkg) == notes
    finally:
        from_csv.close()
        from_apkg.close()


def test_a_guid_starting_with_a_hash_is_not_read_as_a_comment(tmp_path: Path) -> None:
    """Anki skips a line that starts with '#', one of the GUID alphabet's characters."""
    note = Note("faq", "basic", "Q?", "A.", Source("a.md", "Doc", ("FAQ",), 3), ("faq", "q"))
    fields = {"Front": "Q?", "Back": "A.", "Context": "FAQ", "Source": "Doc — FAQ"}
    packaged = PackagedNote(note, fields, "Doc::FAQ", LockEntry("k", "#q1", 1, 1, ""))
    (tmp_path / "one.csv").write_text(format_notes([packaged], "csv"))
    col = open_collection(tmp_path / "c" / "collection.anki2")
    try:
        assert counts(import_csv(col, tmp_path / "one.csv")) == {"new": 1}
        assert list(by_guid(col)) == ["#q1"]
    finally:
        col.close()
