"""Bad input: one line naming file and line, a non-zero exit, no traceback, no partial output."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import NoReturn

import pytest
from click.testing import CliRunner, Result

from builder.cli import cli

GOOD = "# Asthma\n\n## FAQ\n\n### How is asthma diagnosed?\n\nSpirometry.\n"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


def assert_one_line_error(result: Result, *expected: str, code: int = 2) -> str:
    assert result.exit_code == code, result.output
    assert "Traceback" not in result.output
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1, result.output
    for text in expected:
        assert text in errors[0], errors[0]
    return errors[0]


@pytest.fixture
def here(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_source_that_does_not_exist(here: Path) -> None:
    assert_one_line_error(run("build", "missing.md", "-o", "x.apkg"), "missing.md", "not found")


def test_source_that_is_a_folder(here: Path) -> None:
    (here / "notes.md").mkdir()
    assert_one_line_error(run("build", "notes.md", "-o", "x.apkg"), "notes.md", "folder")


def test_empty_source(here: Path) -> None:
    (here / "notes.md").write_text("  \n\n")
    assert_one_line_error(run("build", "notes.md", "-o", "x.apkg"), "notes.md", "empty")


def test_source_not_utf8_names_line_and_byte(here: Path) -> None:
    (here / "notes.md").write_bytes(b"# Title\n\nline two\ncaf\xe9 au lait\n")
    error = assert_one_line_error(run("build", "notes.md", "-o", "x.apkg"), "notes.md:4:")
    assert "0xe9" in error and "UTF-8" in error


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-8-sig"])
def test_a_source_that_says_its_encoding_with_a_byte_order_mark_is_read(
    here: Path, encoding: str
) -> None:
    """Windows Notepad's "Unicode" is UTF-16 with a byte-order mark: read as it says."""
    text = "# Café asthma\n\n## Signs\n\n- Wheeze\n- Cough\n- Tight chest\n"
    data = text.encode(encoding)
    (here / "notes.md").write_bytes(
        ("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else data
    )
    result = run("cards", "notes.md", "--format", "json")
    assert result.exit_code == 0, result.output
    assert "Signs in café asthma" in result.stdout


def test_huge_source_stops_with_a_clear_message(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.document

    monkeypatch.setattr(builder.document, "MAX_SOURCE_BYTES", 1024 * 1024)
    (here / "notes.md").write_text(GOOD + ("- item\n" * 200_000))
    assert_one_line_error(run("build", "notes.md", "-o", "x.apkg"), "notes.md", "split it")
    assert not (here / "x.apkg").exists()


def test_manifest_that_is_not_valid_toml_names_the_line(here: Path) -> None:
    (here / "deck.toml").write_text('title = "A"\nid = 12345\nsources = ["a.md"\n')
    assert_one_line_error(run("build", "deck.toml"), "deck.toml:3:", "not valid TOML")


@pytest.mark.parametrize("name", ["notes.txt", "notes"])
@pytest.mark.parametrize("command", ["build", "cards", "check", "preview"])
def test_a_file_that_is_neither_source_nor_manifest(here: Path, command: str, name: str) -> None:
    """Not read as TOML (whose parse error would point at a Markdown line)."""
    (here / name).write_text(GOOD)
    error = assert_one_line_error(run(command, name))
    assert error.startswith(f"error: {name}: ")
    assert error.endswith("name a .md/.markdown source or a .toml manifest")


def test_cards_for_a_subdeck_that_does_not_exist_names_the_subdecks(here: Path) -> None:
    table = "| Trigger | Example |\n|---|---|\n| Allergen | Dust mite |\n| Irritant | Smoke |\n"
    (here / "notes.md").write_text(GOOD + "\n## Triggers\n\n" + table)
    error = assert_one_line_error(run("cards", "notes.md", "--subdeck", "Trigers"))
    assert error == (
        "error: notes.md: no subdeck 'Trigers' (did you mean 'Triggers'?); the subdecks are "
        "'FAQ', 'Triggers', 'Abbreviations'"
    )
    listed = run("cards", "notes.md", "--subdeck", "triggers", "--format", "json")  # any case
    assert listed.exit_code == 0
    assert {record["subdeck"] for record in json.loads(listed.output)} == {"Triggers"}


def test_table_row_with_wrong_number_of_cells_is_a_warning_and_read_as_github_reads_it(
    here: Path,
) -> None:
    """GitHub pads a short row with empty cells and drops a long row's extra ones: the document
    builds (zero-config never fails on a readable document), each such row named once."""
    (here / "notes.md").write_text(
        "# T\n\n## Drugs\n\n| Drug | Use | Dose |\n|---|---|---|\n| Velbarin | pain | 4 mg |\n"
        "| Tosmarin | fever |\n| Kellin | cough | 5 mg | extra |\n"
    )
    result = run("build", "notes.md", "-o", "x.apkg")
    assert result.exit_code == 0, result.output
    assert "notes.md:8: warning: table row has 2 cells but the header has 3 (its missing" in (
        result.output
    )
    assert "notes.md:9: warning: table row has 4 cells but the header has 3 (its extra" in (
        result.output
    )
    listed = json.loads(run("cards", "notes.md", "--format", "json").output)
    assert "Tosmarin in t: use?" in [record["front"] for record in listed]


def test_a_pipe_inside_a_wikilink_or_template_is_named_as_the_cells_split(here: Path) -> None:
    (here / "notes.md").write_text(
        "# T\n\n## Drugs\n\n| Drug | Use |\n|---|---|\n| Velbarin | see [[Pain relief|pain]] |\n"
        "| Tosmarin | fever |\n| Kellin | cough | extra |\n"
    )
    result = run("build", "notes.md", "-o", "x.apkg")
    assert result.exit_code == 0, result.output
    split = "notes.md:7: warning: table row has 3 cells but the header has 2 (its extra cells "
    split += "left out); a | inside '[[Pain relief|pain]]' splits its cell: write it as \\|"
    assert split in result.output
    extra = "notes.md:9: warning: table row has 3 cells but the header has 2 (its extra cells "
    extra += "left out); give every row the same number of | cells"
    assert extra in result.output


def test_heading_with_no_content_is_a_warning_naming_the_line(here: Path) -> None:
    (here / "notes.md").write_text(GOOD + "\n## Empty heading\n")
    result = run("build", "notes.md", "-o", "x.apkg")
    assert result.exit_code == 0, result.output
    assert "notes.md:9: warning: heading 'Empty heading' has no content" in result.output


def test_document_with_no_cards_is_an_error_with_strict(here: Path) -> None:
    (here / "notes.md").write_text("# Notes\n\n## Thoughts\n\nJust prose, nothing to ask.\n")
    result = run("build", "notes.md", "-o", "x.apkg")
    assert result.exit_code == 0 and "has no cards" in result.output
    assert_one_line_error(run("build", "notes.md", "-o", "y.apkg", "--strict"), "no cards")
    assert not (here / "y.apkg").exists()


def test_failed_build_leaves_the_previous_package_untouched(here: Path) -> None:
    (here / "notes.md").write_text(GOOD)
    assert run("build", "notes.md", "-o", "deck.apkg").exit_code == 0
    before = (here / "deck.apkg").read_bytes()
    wide = "| " + " | ".join(["x"] * 65) + " |\n|" + "---|" * 65 + "\n"  # too wide a table
    (here / "notes.md").write_text(GOOD + "\n" + wide)
    assert_one_line_error(run("build", "notes.md", "-o", "deck.apkg"), "notes.md:")
    assert (here / "deck.apkg").read_bytes() == before
    assert sorted(p.name for p in here.iterdir()) == ["deck.apkg", "notes.md"]


def _raising(error: Exception) -> Callable[..., NoReturn]:
    """A stand-in for a function that fails with `error` (a full disk, say)."""

    def fail(*args: object) -> NoReturn:
        raise error

    return fail


def test_failed_write_leaves_no_partial_file(here: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import builder.anki

    (here / "notes.md").write_text(GOOD)

    monkeypatch.setattr(builder.anki, "_zip", _raising(OSError(28, "No space left on device")))
    assert_one_line_error(
        run("build", "notes.md", "-o", "deck.apkg"), "deck.apkg", "No space left", code=1
    )
    assert sorted(p.name for p in here.iterdir()) == ["notes.md"]


def test_full_disk_while_collecting_notes_is_one_line_and_leaves_no_package(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    import builder.anki

    (here / "notes.md").write_text(GOOD)

    class FullDisk(sqlite3.Connection):
        def executemany(self, *args: object) -> sqlite3.Cursor:
            raise sqlite3.OperationalError("database or disk is full")

    connect = sqlite3.connect
    monkeypatch.setattr(
        builder.anki.sqlite3, "connect", lambda *a, **k: connect(*a, **k, factory=FullDisk)
    )
    assert_one_line_error(
        run("build", "notes.md", "-o", "deck.apkg"), "deck.apkg", "disk is full", code=1
    )
    assert sorted(p.name for p in here.iterdir()) == ["notes.md"]


def test_failed_write_leaves_the_lock_untouched(
    here: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import builder.anki

    (here / "source").mkdir()
    (here / "decks").mkdir()
    (here / "source" / "notes.md").write_text(GOOD)
    (here / "decks" / "notes.toml").write_text(
        'title = "Notes"\nid = 1234567890\nsources = ["../source/notes.md"]\n\n'
        '[[subdeck]]\nname = "All"\nsections = ["*"]\n'
    )
    assert run("build", "decks/notes.toml").exit_code == 0
    lock = (here / "decks" / "notes.lock").read_text()
    (here / "source" / "notes.md").write_text(GOOD.replace("Spirometry.", "Spirometry, peak flow."))

    monkeypatch.setattr(builder.anki, "_zip", _raising(OSError(28, "No space left on device")))
    assert_one_line_error(run("build", "decks/notes.toml"), "No space left", code=1)
    assert (here / "decks" / "notes.lock").read_text() == lock
    assert sorted(p.name for p in (here / "decks").iterdir()) == ["notes.lock", "notes.toml"]


# -- images -----------------------------------------------------------------------------

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\xcf\xc0\xf0\x1f\x00\x05\x00\x01\xff\x89\x99"
    b"=\x1d\x00\x00\x00\x00IEND\xaeB`\x82"
)


def image_doc(src: str) -> str:
    return (
        "# Asthma\n\n## FAQ\n\n### What does an asthma inhaler look like?\n\n"
        f"Like this: ![inhaler]({src})\n"
    )


def test_image_is_embedded_under_its_content_hash(here: Path, tmp_path: Path) -> None:
    import zipfile

    from tests.ankiutil import import_apkg, open_collection, rendered_cards

    (here / "img").mkdir()
    (here / "img" / "inhaler.png").write_bytes(PNG)
    (here / "notes.md").write_text(image_doc("img/inhaler.png"))
    result = run("build", "notes.md", "-o", "deck.apkg")
    assert result.exit_code == 0, result.output
    with zipfile.ZipFile(here / "deck.apkg") as archive:
        import json

        names = json.loads(archive.read("media"))
        assert len(names) == 1
        (name,) = names.values()
        assert name.startswith("db-") and name.endswith(".png")
        assert archive.read(next(iter(names))) == PNG
    col = open_collection(tmp_path / "col" / "c.anki2")
    try:
        import_apkg(col, here / "deck.apkg")
        (card,) = rendered_cards(col)
        assert f'src="{name}"' in card["answer"]
        assert os.path.exists(os.path.join(col.media.dir(), name))
    finally:
        col.close()


@pytest.mark.parametrize(
    ("src", "message"),
    [
        ("../secret.png", "outside the source's folder"),
        ("/etc/passwd.png", "outside the source's folder"),
        ("img/missing.png", "not found"),
        ("img/notes.txt", "not a type Anki displays"),
    ],
)
def test_bad_image_paths_are_refused_naming_the_line(here: Path, src: str, message: str) -> None:
    (here / "img").mkdir()
    (here / "img" / "notes.txt").write_text("x")
    (here / "secret.png").write_bytes(PNG)
    docs = here / "docs"
    docs.mkdir()
    (docs / "notes.md").write_text(image_doc(src))
    assert_image_refused_or_left_off(here, "notes.md:5:", message)


def test_symlink_leading_out_of_the_source_folder_is_refused(here: Path) -> None:
    (here / "secret.png").write_bytes(PNG)
    docs = here / "docs"
    docs.mkdir()
    (docs / "inhaler.png").symlink_to(here / "secret.png")
    (docs / "notes.md").write_text(image_doc("inhaler.png"))
    assert_image_refused_or_left_off(here, "notes.md:5:", "links outside")


def assert_image_refused_or_left_off(here: Path, where: str, message: str) -> None:
    """docs/notes.md's image: a manifest deck refuses it, naming the line, and writes nothing; a
    zero-config build (no manifest to fix it in) leaves it off its card with that line as a
    warning, and no image reaches the package."""
    import zipfile

    (here / "docs" / "notes.toml").write_text(
        'title = "Asthma"\nid = 1234567890\nsources = ["notes.md"]\n\n'
        '[[subdeck]]\nname = "FAQ"\nsections = ["FAQ"]\n'
    )
    assert_one_line_error(run("build", "docs/notes.toml", "-o", "x.apkg"), where, message)
    assert not (here / "x.apkg").exists()
    result = run("build", "docs/notes.md", "-o", "x.apkg")
    assert result.exit_code == 0, result.output
    (warning,) = [line for line in result.output.splitlines() if "(left off the card)" in line]
    assert warning.startswith(f"{where} warning: image ") and message in warning
    with zipfile.ZipFile(here / "x.apkg") as package:
        assert package.read("media") == b"{}"


def test_a_csv_of_a_deck_with_images_says_it_cannot_carry_them(here: Path) -> None:
    (here / "inhaler.png").write_bytes(PNG)
    (here / "notes.md").write_text(image_doc("inhaler.png"))
    result = run("cards", "notes.md", "--format", "csv")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("#separator:tab\n") and "<img" in result.stdout
    assert result.stderr == (
        "note: the cards show 1 image, which a CSV cannot carry: import the .apkg for them "
        "(docs/manifest.md)\n"
    )
    (here / "plain.md").write_text(GOOD)
    assert run("cards", "plain.md", "--format", "csv").stderr == ""
