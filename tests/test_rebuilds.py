"""Rebuilds: a build with nothing changed is skipped; after an edit, the package is the same as a
build from scratch."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import build_deck, load_manifest
from builder.cli import cli
from tests.conftest import SEED_MANIFEST

MANIFEST = """\
title = "Two Documents"
id = 1987654321
topic = "asthma"
sources = ["../source/one.md", "../source/two.md"]

[[subdeck]]
name = "All"
sections = ["*"]
"""


@pytest.fixture
def two_docs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    (tmp_path / "source").mkdir()
    (tmp_path / "decks").mkdir()
    (tmp_path / "source" / "one.md").write_text(
        "# One\n\n## FAQ\n\n### What triggers asthma?\n\nAllergens.\n"
    )
    (tmp_path / "source" / "two.md").write_text(
        "# Two\n\n## Questions and answers\n\n### How is asthma treated?\n\nInhalers.\n"
    )
    (tmp_path / "decks" / "two.toml").write_text(MANIFEST)
    return tmp_path


def build(*args: str) -> str:
    result = CliRunner().invoke(cli, ["build", "decks/two.toml", *args])
    assert result.exit_code == 0, result.output
    return result.output


def test_nothing_changed_is_skipped(two_docs: Path) -> None:
    assert "2 notes" in build()
    package = (two_docs / "dist" / "two.apkg").read_bytes()
    assert "up to date" in build()
    assert (two_docs / "dist" / "two.apkg").read_bytes() == package
    assert "2 notes" in build("--force")


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "source" / "two.md").write_text(
            (root / "source" / "two.md").read_text().replace("Inhalers.", "Inhaled steroids.")
        ),
        lambda root: (root / "decks" / "two.toml").write_text(
            MANIFEST.replace('topic = "asthma"', 'topic = "adult asthma"')
        ),
        lambda root: (root / "decks" / "two.lock").write_text(""),
        lambda root: (root / "dist" / "two.apkg").unlink(),
        lambda root: (root / "dist" / "two.apkg").write_bytes(b"not a package"),
    ],
    ids=["source", "manifest", "lock", "output-deleted", "output-replaced"],
)
def test_any_change_to_an_input_or_the_output_rebuilds(two_docs: Path, change: object) -> None:
    build()
    change(two_docs)  # type: ignore[operator]
    assert "up to date" not in build()


def test_an_edit_rebuilds_the_same_package_as_a_clean_build(two_docs: Path) -> None:
    build()
    (two_docs / "source" / "two.md").write_text(
        (two_docs / "source" / "two.md").read_text().replace("Inhalers.", "Inhaled steroids.")
    )
    assert "1 changed" in build()
    clean = build_deck(
        load_manifest(two_docs / "decks" / "two.toml"), output=two_docs / "clean" / "two.apkg"
    )
    assert clean.report is not None
    rebuilt = (two_docs / "dist" / "two.apkg").read_bytes()
    assert (two_docs / "clean" / "two.apkg").read_bytes() == rebuilt


def test_seed_deck_rebuild_is_skipped(project: Path) -> None:
    first = CliRunner().invoke(cli, ["build", SEED_MANIFEST])
    assert first.exit_code == 0, first.output
    second = CliRunner().invoke(cli, ["build", SEED_MANIFEST])
    assert "Breast Cancer Liver Metastasis: up to date -> dist/" in second.output


def _add_terms(root: Path, text: str) -> None:
    for name in ("one.md", "two.md"):
        path = root / "source" / name
        path.write_text(path.read_text() + f"\n## Terms\n\n{text}\n")


def test_an_abbreviation_defined_in_two_documents_is_one_note_pair(two_docs: Path) -> None:
    """The first document's definition is kept; the second's notes and cards are left out of
    the package and of the counts, as they are from `deckbuilder cards`."""
    import sqlite3
    import zipfile

    _add_terms(two_docs, "Chronic obstructive pulmonary disease (COPD) narrows the airways.")
    assert "4 notes, 4 cards" in build()
    with zipfile.ZipFile(two_docs / "dist" / "two.apkg") as package:
        (two_docs / "collection.anki2").write_bytes(package.read("collection.anki2"))
    collection = sqlite3.connect(two_docs / "collection.anki2")
    fronts = [row[0] for row in collection.execute("SELECT sfld FROM notes ORDER BY id")]
    about_copd = [front for front in fronts if "COPD" in front or "Chronic obstructive" in front]
    assert len(fronts) == 4 and len(about_copd) == 2
    assert collection.execute("SELECT count(*) FROM cards").fetchone() == (4,)
    listing = CliRunner().invoke(cli, ["cards", "decks/two.toml", "--format", "json"])
    assert len(json.loads(listing.output)) == 4


def test_one_question_in_two_documents_is_an_error_naming_both(two_docs: Path) -> None:
    (two_docs / "source" / "two.md").write_text(
        "# Two\n\n## FAQ\n\n### What triggers asthma?\n\nCold air.\n"
    )
    result = CliRunner().invoke(cli, ["build", "decks/two.toml"])
    assert result.exit_code == 2
    assert "same identity" in result.output
    assert "one.md:5" in result.output and "two.md:5" in result.output
    assert not (two_docs / "dist" / "two.apkg").exists()


def test_a_rebuild_checks_every_pattern_against_every_document(two_docs: Path) -> None:
    """Unchanged documents are not routed again, but the patterns they match still count, and
    a pattern the edited document no longer matches is still an error."""
    manifest = two_docs / "decks" / "two.toml"
    manifest.write_text(
        MANIFEST.replace('sections = ["*"]', 'sections = ["FAQ"]')
        + '\n[[subdeck]]\nname = "Other"\nsections = ["Questions and answers"]\n'
    )
    assert "2 notes" in build()
    two = two_docs / "source" / "two.md"
    two.write_text(two.read_text().replace("Inhalers.", "Inhaled steroids."))
    assert "1 changed" in build()  # FAQ, in the unchanged one.md, still matches
    two.write_text(two.read_text().replace("Questions and answers", "Treatment"))
    result = CliRunner().invoke(cli, ["build", "decks/two.toml"])
    assert result.exit_code == 2, result.output
    assert "no section matches 'Questions and answers'" in result.output
