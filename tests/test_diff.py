"""`deckbuilder diff`: two real releases of a small deck, compared in every format."""

from __future__ import annotations

import json
import sqlite3
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import InputError, build_deck, load_manifest
from builder.cli import cli
from builder.diff import (
    ChangedNote,
    FieldChange,
    Format,
    NoteSummary,
    PackageDiff,
    anki_search,
    diff_packages,
    format_diff,
    label,
    plain_text,
    read_package,
    shorten,
)

MANIFEST = """\
title = "Liver Basics"
id = 1234567890
sources = ["../notes.md"]
tags = ["liver"]

[[subdeck]]
name = "Anatomy"
sections = ["Anatomy"]

[[subdeck]]
name = "FAQ"
sections = ["FAQ"]
tags = ["liver::faq"]
"""

SOURCE_V1 = """\
---
title: Liver Basics
---

# Liver Basics

## Anatomy

The liver has two main lobes.

- **Hepatocyte**: the main functional cell of the liver.
- **Bile**: a fluid made by the liver that helps digest fats.

## FAQ

### What does the liver do?

It filters blood and makes bile.

### How is the liver protected?

The lower ribs cover most of it.

### Can the liver regrow?

Yes, it can regenerate after partial removal.
"""

# v2: one answer edited, one question added, one removed.
SOURCE_V2 = SOURCE_V1.replace(
    "It filters blood and makes bile.",
    "It filters blood, makes bile & stores glycogen.",
).replace(
    "### Can the liver regrow?\n\nYes, it can regenerate after partial removal.\n",
    "### Where is the liver?\n\nIn the upper right abdomen, under the diaphragm.\n",
)

V1_EPOCH = "1800000000"
V2_EPOCH = "1800100000"


@dataclass(frozen=True)
class Releases:
    v1: Path
    v2: Path


def _build(root: Path, source: str, epoch: str, name: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    (root / "notes.md").write_text(source, encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    manifest = load_manifest(root / "decks" / "liver.toml")
    return build_deck(manifest, output=root / "dist" / name).output


@pytest.fixture
def releases(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Releases:
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "liver.toml").write_text(MANIFEST, encoding="utf-8")
    v1 = _build(tmp_path, SOURCE_V1, V1_EPOCH, "v1.apkg", monkeypatch)
    v2 = _build(tmp_path, SOURCE_V2, V2_EPOCH, "v2.apkg", monkeypatch)
    return Releases(v1, v2)


# -- the library -----------------------------------------------------------------------------


def test_read_package_gives_fields_in_order_deck_and_tags(releases: Releases) -> None:
    notes = read_package(releases.v1)
    assert len(notes) == 5
    faq = {note.fields["Front"]: note for note in notes.values() if "Front" in note.fields}
    note = faq["What does the liver do?"]
    assert note.note_type == "deckbuilder Basic"
    assert list(note.fields) == ["Front", "Back", "Context", "Source"]
    assert note.fields["Back"] == "It filters blood and makes bile."
    assert note.deck == "Liver Basics::FAQ"
    assert "liver" in note.tags and "liver::faq" in note.tags
    assert notes[note.guid] is note


def test_diff_finds_one_added_one_removed_one_changed(releases: Releases) -> None:
    diff = diff_packages(releases.v1, releases.v2)

    assert [note.fields["Front"] for note in diff.added] == ["Where is the liver?"]
    assert [note.fields["Front"] for note in diff.removed] == ["Can the liver regrow?"]
    assert len(diff.changed) == 1
    changed = diff.changed[0]
    assert changed.front == "What does the liver do?"
    assert changed.deck == "Liver Basics::FAQ"
    assert [change.field for change in changed.changes] == ["Back"]
    assert changed.changes[0].old == "It filters blood and makes bile."
    assert changed.changes[0].new == "It filters blood, makes bile &amp; stores glycogen."
    assert changed.tags_added == changed.tags_removed == ()
    assert diff.unchanged == 3
    assert diff.summary() == "1 added, 1 removed, 1 changed, 3 unchanged"


def test_same_package_has_no_differences(releases: Releases) -> None:
    diff = diff_packages(releases.v1, releases.v1)
    assert (diff.added, diff.removed, diff.changed, diff.unchanged) == ((), (), (), 5)
    assert format_diff(diff, "text") == "0 added, 0 removed, 0 changed, 5 unchanged\n"
    assert "No notes were added, changed or removed" in format_diff(diff, "markdown")


def test_text_format(releases: Releases) -> None:
    text = format_diff(diff_packages(releases.v1, releases.v2), "text")
    lines = text.splitlines()
    assert lines[0] == "1 added, 1 removed, 1 changed, 3 unchanged"
    assert "Added (1):" in lines and "Removed (1):" in lines and "Changed (1):" in lines
    assert "  + [FAQ] Where is the liver?" in lines
    assert "  - [FAQ] Can the liver regrow?" in lines
    assert "  ~ [FAQ] What does the liver do?" in lines
    # The changed field is named, with old -> new as plain text (entities decoded).
    assert '      Back: "It filters blood and makes bile."' in lines
    assert '            -> "It filters blood, makes bile & stores glycogen."' in lines
    assert "Front:" not in text and "<" not in text


def test_json_format(releases: Releases) -> None:
    data = json.loads(format_diff(diff_packages(releases.v1, releases.v2), "json"))
    assert list(data) == ["summary", "added", "removed", "changed"]
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 3}
    added = data["added"][0]
    assert list(added) == ["guid", "note_type", "deck", "front", "fields", "tags"]
    assert added["front"] == "Where is the liver?"
    assert list(added["fields"]) == ["Front", "Back", "Context", "Source"]
    assert data["removed"][0]["front"] == "Can the liver regrow?"
    changed = data["changed"][0]
    assert list(changed) == [
        "guid", "note_type", "deck", "front", "changes", "tags_added", "tags_removed",
    ]  # fmt: skip
    assert changed["front"] == "What does the liver do?"
    assert changed["changes"] == [
        {
            "field": "Back",
            "old": "It filters blood and makes bile.",
            "new": "It filters blood, makes bile &amp; stores glycogen.",
        }
    ]


def test_markdown_format_is_release_notes(releases: Releases) -> None:
    markdown = format_diff(diff_packages(releases.v1, releases.v2), "markdown")
    headings = [line for line in markdown.splitlines() if line.startswith("#")]
    assert headings == ["## Added", "## Changed", "## Removed"]
    assert "- **FAQ**: Where is the liver?" in markdown
    assert "- **FAQ**: What does the liver do? _(Back updated)_" in markdown
    assert "- **FAQ**: Can the liver regrow?" in markdown
    removed = markdown.split("## Removed", 1)[1]
    assert "untouched" in removed
    assert '`"deck:Liver Basics" note:"deckbuilder*"`' in removed
    assert "choice" in removed
    assert "guid:" not in markdown


def test_collection_anki21_is_preferred(releases: Releases, tmp_path: Path) -> None:
    """Newer Anki exports hold a stub collection.anki2 and the real collection.anki21."""
    both = tmp_path / "both.apkg"
    with zipfile.ZipFile(releases.v1) as old, zipfile.ZipFile(releases.v2) as new:
        stub, real = old.read("collection.anki2"), new.read("collection.anki2")
    with zipfile.ZipFile(both, "w") as archive:
        archive.writestr("collection.anki2", stub)
        archive.writestr("collection.anki21", real)
    assert read_package(both).keys() == read_package(releases.v2).keys()
    assert read_package(both).keys() != read_package(releases.v1).keys()


# -- the command -----------------------------------------------------------------------------


def test_cli_diff_in_each_format(releases: Releases) -> None:
    runner = CliRunner()
    diff = diff_packages(releases.v1, releases.v2)
    formats: list[tuple[list[str], Format]] = [
        ([], "text"),
        (["--format", "json"], "json"),
        (["--format", "markdown"], "markdown"),
    ]
    for options, fmt in formats:
        result = runner.invoke(cli, ["diff", str(releases.v1), str(releases.v2), *options])
        assert result.exit_code == 0, result.output
        assert result.stdout == format_diff(diff, fmt)
    assert result.stdout.startswith("## Added")


def test_cli_help_explains_with_example() -> None:
    result = CliRunner().invoke(cli, ["diff", "--help"])
    assert result.exit_code == 0
    assert "added, removed and changed" in result.output
    assert "deckbuilder diff v1.apkg v2.apkg --format markdown" in result.output


def _not_a_zip(tmp_path: Path) -> Path:
    path = tmp_path / "notes.apkg"
    path.write_text("# not a package\n", encoding="utf-8")
    return path


def _zip_without_collection(tmp_path: Path) -> Path:
    path = tmp_path / "media-only.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("media", "{}")
    return path


def _zip_with_broken_collection(tmp_path: Path) -> Path:
    path = tmp_path / "broken.apkg"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("collection.anki2", b"not a database" * 100)
    return path


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.apkg"


def _directory(tmp_path: Path) -> Path:
    return tmp_path


@pytest.mark.parametrize(
    ("make_bad", "message"),
    [
        (_missing, "file not found"),
        (_not_a_zip, "not a zip archive"),
        (_zip_without_collection, "no Anki collection inside"),
        (_zip_with_broken_collection, "cannot be read"),
        (_directory, "not a file"),
    ],
)
@pytest.mark.parametrize("position", ["old", "new"])
def test_bad_input_is_one_line_and_exit_2(
    releases: Releases,
    tmp_path: Path,
    make_bad: Callable[[Path], Path],
    message: str,
    position: str,
) -> None:
    bad = make_bad(tmp_path)
    with pytest.raises(InputError, match=message) as caught:
        read_package(bad)
    assert caught.value.path == str(bad)

    paths = [str(bad), str(releases.v2)] if position == "old" else [str(releases.v1), str(bad)]
    result = CliRunner().invoke(cli, ["diff", *paths])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"error: {bad}: {caught.value.message}\n"
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_collection_without_note_types_is_an_input_error(tmp_path: Path) -> None:
    database = tmp_path / "collection.anki2"
    connection = sqlite3.connect(database)
    connection.execute("CREATE TABLE col (models TEXT, decks TEXT)")
    connection.execute("INSERT INTO col VALUES ('not json', '{}')")
    connection.commit()
    connection.close()
    package = tmp_path / "odd.apkg"
    with zipfile.ZipFile(package, "w") as archive:
        archive.write(database, "collection.anki2")
    with pytest.raises(InputError, match="not valid JSON"):
        read_package(package)


# -- helpers ---------------------------------------------------------------------------------


def test_plain_text_and_label() -> None:
    assert plain_text("A<br>B &amp; <b>C</b>d<div>e</div>") == "A B & Cd e"
    assert label("Paris is the {{c1::capital::city}} of <i>France</i>") == (
        "Paris is the capital of France"
    )
    assert label("") == "(empty)"
    long = " ".join(["word"] * 60)
    assert len(shorten(long)) <= 100 and shorten(long).endswith("…")
    assert shorten("short") == "short"


def test_changes_in_long_fields_show_where_they_differ() -> None:
    start = "Intro sentence that stays the same across releases. " * 4
    note = ChangedNote(
        guid="g",
        note_type="deckbuilder Basic",
        deck="Deck::Sub",
        changes=(FieldChange("Back", start + "Old ending.", start + "New ending."),),
        tags_added=("new",),
        tags_removed=("old",),
        front="Q?",
    )
    text = format_diff(PackageDiff((), (), (note,), 0), "text")
    assert "Old ending." in text and "New ending." in text
    assert "tags: +new -old" in text
    markdown = format_diff(PackageDiff((), (), (note,), 0), "markdown")
    assert "- **Sub**: Q? _(Back, tags updated)_" in markdown


def test_markdown_escapes_fronts_and_search_escapes_deck_names() -> None:
    note = NoteSummary(
        guid="g",
        note_type="deckbuilder Basic",
        deck='My_"Deck"*::Sub_deck',
        fields={"Front": "What is *this* &lt;tag&gt;?", "Back": "x"},
        tags=(),
    )
    markdown = format_diff(PackageDiff((), (note,), (), 0), "markdown")
    assert r"- **Sub\_deck**: What is \*this\* \<tag\>?" in markdown
    assert anki_search('My_"Deck"*') == r'"deck:My\_\"Deck\"\*" note:"deckbuilder*"'
    assert "`" + anki_search('My_"Deck"*') + "`" in markdown


# -- what the release notes tell students, checked against the real Anki backend ---------------


def test_release_notes_advice_holds_in_anki(releases: Releases, tmp_path: Path) -> None:
    """After importing v1 then v2, the removed note is still there, unchanged, and both the
    Browse search the Markdown gives and a search for its front find it; the changed note is
    updated."""
    pytest.importorskip("anki")
    from tests.ankiutil import import_apkg, open_collection

    diff = diff_packages(releases.v1, releases.v2)
    removed, changed = diff.removed[0], diff.changed[0]
    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_apkg(col, releases.v1)
        (before,) = col.find_notes(f'"{removed.fields["Front"]}"')
        import_apkg(col, releases.v2)

        assert before in col.find_notes(anki_search("Liver Basics"))
        assert col.find_notes("liver regrow") == [before]
        note = col.get_note(before)
        assert note.guid == removed.guid
        assert dict(note.items()) == removed.fields
        assert len(col.find_notes(anki_search("Liver Basics"))) == 6  # 5 in v2 + the removed one

        (updated,) = col.find_notes(f'"{changed.front}"')
        assert col.get_note(updated)["Back"] == changed.changes[0].new
    finally:
        col.close()
