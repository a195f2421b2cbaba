"""The only module that speaks genanki: note types, GUIDs, and a byte-reproducible .apkg.

Note types are fixed constants: their ids must never change once students hold a deck (a new id
would make Anki import every note as a new note type). Changing templates or CSS is a migration:
a new row in `NOTE_TYPE_HISTORY` with a later time (docs/note-types.md).

genanki stamps every note with one time and numbers notes from the clock; we override that edge so
each note carries the id and time from the lock file, and we write the zip ourselves with fixed
dates and order, so the same commit gives the same bytes.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

import genanki

from .archive import write_zip
from .errors import ExportError
from .lock import Stamp, joined_content_digest
from .staging import NoteRow, StageWriter

NOTE_TYPE_HISTORY: tuple[tuple[int, int, str], ...] = (
    # (version, modification time, fingerprint): append a row for every change, never edit one.
    (1, 1764115200, "26819adf540b6247"),
)
"""Every released version of our note types. Anki updates a note type it already has only when
the package's modification time is newer, so a change to templates or CSS must come with a new
row and a later time (docs/note-types.md); tests/test_note_types.py holds the code to it."""
NOTE_TYPE_VERSION, NOTE_TYPE_MTIME, _ = NOTE_TYPE_HISTORY[-1]

# Beside this module (package data), read without importlib.resources, which costs ~3 ms to import.
CSS = Path(__file__).with_name("card.css").read_text(encoding="utf-8")

BASIC_FRONT = '<div class="db-context">{{Context}}</div>\n<div class="db-front">{{Front}}</div>'
BASIC_BACK = (
    '{{FrontSide}}\n<hr id="answer">\n<div class="db-back">{{Back}}</div>\n'
    '<div class="db-source">{{Source}}</div>'
)
CLOZE_FRONT = (
    '<div class="db-context">{{Context}}</div>\n<div class="db-front">{{cloze:Text}}</div>'
)
CLOZE_BACK = (
    '<div class="db-context">{{Context}}</div>\n<div class="db-front">{{cloze:Text}}</div>\n'
    '{{#Extra}}<div class="db-extra">{{Extra}}</div>{{/Extra}}\n'
    '<div class="db-source">{{Source}}</div>'
)

BASIC_MODEL = genanki.Model(
    1764115201,
    "deckbuilder Basic",
    fields=[{"name": "Front"}, {"name": "Back"}, {"name": "Context"}, {"name": "Source"}],
    templates=[{"name": "Card 1", "qfmt": BASIC_FRONT, "afmt": BASIC_BACK}],
    css=CSS,
    sort_field_index=0,
)
CLOZE_MODEL = genanki.Model(
    1764115202,
    "deckbuilder Cloze",
    fields=[{"name": "Text"}, {"name": "Extra"}, {"name": "Context"}, {"name": "Source"}],
    templates=[{"name": "Cloze", "qfmt": CLOZE_FRONT, "afmt": CLOZE_BACK}],
    css=CSS,
    model_type=genanki.Model.CLOZE,
    sort_field_index=0,
)
MODELS = {"basic": BASIC_MODEL, "cloze": CLOZE_MODEL}


def note_type_fingerprint() -> str:
    """A hash of everything Anki stores of our note types: ids, names, fields, templates, CSS."""
    import hashlib

    # Only what we define: genanki adds keys to the field and template dicts as it writes.
    described = [
        [
            model.model_id,
            model.name,
            model.model_type,
            [field["name"] for field in model.fields],
            [[t["name"], t["qfmt"], t["afmt"]] for t in model.templates],
            model.css,
        ]
        for model in MODELS.values()
    ]
    return hashlib.sha256(json.dumps(described, sort_keys=True).encode()).hexdigest()[:16]


class PackagedNote(NamedTuple):
    """A note ready for the package: its HTML fields, where it goes, and its identity."""

    note_type: str
    fields: list[str]
    tags: tuple[str, ...]
    deck: str
    """Full deck name, 'Deck::Subdeck'."""
    stamp: Stamp


class DeckTree(NamedTuple):
    title: str
    deck_id: int
    description: str
    subdecks: dict[str, int]
    """Full subdeck name -> id."""


def guid_for(deck_id: int, key: str) -> str:
    """A note's GUID from the deck id and its key (never its answer): genanki's guid_for, made
    cheaper (a large deck computes one per note; tests hold the two equal)."""
    digest = hashlib.sha256(f"{deck_id}__{key}".encode()).digest()
    return base91(int.from_bytes(digest[:8], "big"))


_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
_PAIRS = [high + low for high in _BASE91 for low in _BASE91]


def base91(number: int) -> str:
    """`number` in Anki's base 91 digits, two digits per step."""
    text = ""
    while number >= 91 * 91:
        number, pair = divmod(number, 91 * 91)
        text = _PAIRS[pair] + text
    return (_PAIRS[number] if number >= 91 else _BASE91[number] if number else "") + text


_CLOZE = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)


def card_ords(note_type: str, fields: list[str]) -> str:
    """Which cards a note makes, as a staged row lists them ('0,1,2'): one for a Basic note, one
    per cloze number for a Cloze note (the rule genanki and Anki apply)."""
    if note_type == "basic":
        return "0" if fields[0] or fields[2] else ""
    return ",".join([str(number - 1) for number in cloze_numbers(fields[0])])


def cloze_numbers(text: str) -> list[int]:
    """The cloze numbers in a Cloze note's text that get a card (`{{c1::...}}` -> 1)."""
    return sorted({int(n) for n in _CLOZE.findall(text) if int(n) > 0})


@lru_cache(maxsize=256)
def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as Anki's notes table stores them. Cached: a deck's notes share a few tag sets."""
    return " " + " ".join(tags) + " "


def note_row(
    note_type: str,
    fields: list[str],
    tags: tuple[str, ...],
    deck: str,
    key: str,
    guid: str,
    rule: str = "",
    path: str = "",
    line: int = 0,
) -> NoteRow:
    """A note as a staged row (see staging.py): what the package and the lock need of it."""
    model_id = MODELS[note_type].model_id
    joined = "\x1f".join(fields)
    digest = joined_content_digest(model_id, joined, tags)
    ords = card_ords(note_type, fields)
    return (
        key, rule, model_id, deck, tags_text(tags), joined, fields[0], ords, digest, guid, path,
        line,
    )  # fmt: skip


def write_package(
    tree: DeckTree,
    notes: list[PackagedNote],
    output: Path,
    media: dict[str, bytes] | None = None,
    zip_time: int = NOTE_TYPE_MTIME,
) -> None:
    """A package from notes held in memory (small decks, tests): staged, then written."""
    from .identities import StampFile

    with tempfile.TemporaryDirectory() as folder:
        staged = Path(folder) / "notes.sqlite"
        writer = StageWriter(staged)
        writer.add(
            (
                note_row(n.note_type, n.fields, n.tags, n.deck, n.stamp.guid, n.stamp.guid),
                tree.subdecks.get(n.deck, tree.deck_id),
            )
            for n in notes
        )
        writer.finish(None)
        stamps = StampFile(Path(folder))
        stamps.add(0, range(1, len(notes) + 1), [note.stamp for note in notes])
        stamps.finish({})
        write_staged_package(
            tree, [staged], stamps.temporary, stamps.ranges, output, media, zip_time
        )


def write_staged_package(
    tree: DeckTree,
    files: list[Path],
    stamps: Path,
    ranges: list[tuple[int, int]],
    output: Path,
    media: dict[str, bytes] | None = None,
    zip_time: int = NOTE_TYPE_MTIME,
    threads: int = 1,
    blocks: Path | None = None,
) -> None:
    """Write the .apkg through a temporary file and a rename: a failure leaves no partial file.

    genanki writes the collection, decks and note types. Notes are copied from the staged files
    by SQLite (`INSERT ... SELECT`, no Python per note); each takes its id, GUID and time from
    the stamps file (identities.py; `ranges`: the rows of each file's stamps), and its cards the
    ids right after its own. `blocks`: the
    archive.BlockCache file that lets the zip reuse the last package's deflated blocks."""
    decks = {tree.title: genanki.Deck(tree.deck_id, tree.title, description=tree.description)}
    for name, deck_id in tree.subdecks.items():
        decks[name] = genanki.Deck(deck_id, name, description=tree.description)
    for model in MODELS.values():
        decks[tree.title].add_model(model)
    package = genanki.Package(list(decks.values()))
    output.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    os.close(handle)
    database = temporary + ".anki2"
    try:
        # A temporary file, deleted on any failure: no journal needed. Autocommit mode, so that
        # staged files can be attached between our own transactions.
        connection = sqlite3.connect(database, isolation_level=None)
        try:
            notes = ranges[-1][1] if ranges else 0
            connection.execute(f"PRAGMA page_size = {page_size(notes)}")
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            cursor = connection.cursor()
            package.write_to_db(cursor, NOTE_TYPE_MTIME, itertools.count(1))  # schema, decks
            _copy_notes(cursor, files, stamps, ranges)
        finally:
            connection.close()
        _zip(Path(temporary), Path(database), media or {}, zip_time, threads, blocks)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, output)
    except (OSError, sqlite3.Error) as exc:
        raise ExportError(f"cannot write package: {exc}", output) from exc
    finally:
        for leftover in (temporary, database, database + "-journal"):
            if os.path.exists(leftover):
                os.unlink(leftover)


def page_size(notes: int) -> int:
    """The collection's page size. SQLite fills a large collection 15 % faster in 64 KB pages
    (its largest; Anki reads any) than in its default 4 KB ones, for a package 1-2 % larger; a
    small deck keeps 4 KB pages, as each table and index takes at least one page."""
    return 65536 if notes >= LARGE_DECK else 4096


LARGE_DECK = 5000
"""Notes from which a collection is written in 64 KB pages."""


ATTACH_AT_ONCE = 8
"""Staged files attached together (SQLite allows 10 attached databases by default; the stamps
file is one more)."""


def _copy_notes(
    cursor: sqlite3.Cursor, files: list[Path], stamps: Path, ranges: list[tuple[int, int]]
) -> None:
    """All notes, then all cards, in package order (the order fixes the package's bytes); one
    transaction per group of staged files."""
    groups = [
        list(enumerate(files))[start : start + ATTACH_AT_ONCE]
        for start in range(0, len(files), ATTACH_AT_ONCE)
    ]
    copies = (
        "INSERT INTO notes SELECT s.id, s.guid, n.mid, s.mod, -1, n.tags, n.flds, n.sfld, 0, 0, '' "
        "FROM stamps.stamp s JOIN {staged}.note n ON n.seq = s.seq "
        "WHERE s.rowid BETWEEN ? AND ? ORDER BY s.rowid",
        "INSERT INTO cards SELECT s.id + c.offset, s.id, c.did, c.ord, s.mod, -1, "
        "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM stamps.stamp s "
        "JOIN {staged}.card c ON c.seq = s.seq WHERE s.rowid BETWEEN ? AND ? "
        "ORDER BY s.rowid, c.offset",
    )
    cursor.execute("ATTACH DATABASE ? AS stamps", (str(stamps),))
    try:
        for copy in copies:
            for group in groups:
                with _attached(cursor, group):
                    for number, _ in group:
                        cursor.execute(copy.format(staged=f"staged{number}"), ranges[number])
    finally:
        cursor.execute("DETACH DATABASE stamps")


@contextmanager
def _attached(cursor: sqlite3.Cursor, group: list[tuple[int, Path]]) -> Iterator[None]:
    """Attach a group of staged files as staged<N> and run one transaction over them."""
    attached = []
    try:
        for number, path in group:
            cursor.execute(f"ATTACH DATABASE ? AS staged{number}", (str(path),))
            attached.append(number)
        cursor.execute("BEGIN")
        yield
        cursor.execute("COMMIT")
    finally:
        if cursor.connection.in_transaction:
            cursor.execute("ROLLBACK")
        for number in attached:
            cursor.execute(f"DETACH DATABASE staged{number}")


def _zip(
    target: Path,
    database: Path,
    media: dict[str, bytes],
    zip_time: int,
    threads: int = 1,
    blocks: Path | None = None,
) -> None:
    """Zip entries in a fixed order with fixed dates: same inputs, same bytes."""
    from datetime import UTC, datetime

    stamp = datetime.fromtimestamp(max(zip_time, 315532800), UTC).timetuple()[:6]
    names = sorted(media)
    index = {str(number): name for number, name in enumerate(names)}
    entries: list[tuple[str, bytes | Path]] = [
        ("collection.anki2", database),
        ("media", json.dumps(index, sort_keys=True).encode()),
        *((str(number), media[name]) for number, name in enumerate(names)),
    ]
    write_zip(target, entries, stamp, threads, blocks)
