"""`deckbuilder cards`: the listing formats, and the CSV that Anki imports as it is."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from anki.collection import ImportCsvRequest
from click.testing import CliRunner

from builder.cli import cli
from tests.ankiutil import import_apkg, open_collection, rendered_cards
from tests.conftest import SEED_MANIFEST


def invoke(*args: str) -> str:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def notes(col: Any) -> dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """guid -> (deck, sorted tags, fields) for every note, as Anki holds them."""
    found = {}
    for card in rendered_cards(col):
        found[card["guid"]] = (
            card["deck"], tuple(sorted(card["tags"])), tuple(card["fields"].values())
        )  # fmt: skip
    return found


def import_csv(col: Any, path: Path) -> Any:
    metadata = col.get_csv_metadata(str(path), None)
    return col.import_csv(ImportCsvRequest(path=str(path), metadata=metadata)).log


def test_table_listing_shows_subdeck_rule_and_front(project: Path) -> None:
    output = invoke("cards", SEED_MANIFEST)
    assert output.splitlines()[0].split()[:4] == ["SUBDECK", "RULE", "FRONT", "BACK"]
    assert "What is breast cancer metastasis to the liver?" in output
    assert output.rstrip().endswith("cards")


def test_subdeck_filter(project: Path) -> None:
    records = json.loads(invoke("cards", SEED_MANIFEST, "--format", "json", "--subdeck", "FAQ"))
    assert {record["subdeck"] for record in records} == {"FAQ"}
    assert sum(record["rule"] == "faq" for record in records) == 9


def test_csv_imports_into_anki_with_the_same_notes_decks_and_tags(project: Path) -> None:
    invoke("build", SEED_MANIFEST, "-o", "deck.apkg")
    Path("deck.csv").write_text(invoke("cards", SEED_MANIFEST, "--format", "csv"))
    assert Path("deck.csv").read_text().startswith("#separator:tab\n#html:true\n")

    from_apkg = open_collection(project / "a" / "collection.anki2")
    from_csv = open_collection(project / "b" / "collection.anki2")
    try:
        import_apkg(from_apkg, project / "deck.apkg")
        expected = notes(from_apkg)

        # The CSV names our note types, so the collection needs them: a student has them from
        # the deck. Start from the deck's note types with no notes, then import the CSV alone.
        import_apkg(from_csv, project / "deck.apkg")
        from_csv.remove_notes(from_csv.find_notes(""))
        log = import_csv(from_csv, project / "deck.csv")
        assert len(log.new) == len(expected)
        assert notes(from_csv) == expected

        # Imported over the .apkg's notes, the CSV matches them by GUID: nothing new.
        again = import_csv(from_apkg, project / "deck.csv")
        assert len(again.new) == 0
        assert notes(from_apkg) == expected
    finally:
        from_apkg.close()
        from_csv.close()
