"""The only module that speaks genanki: note types, GUIDs, and a byte-reproducible .apkg.

Note types are fixed constants: their ids must never change once students hold a deck (a new id
would make Anki import every note as a new note type). Changing templates or CSS is a migration:
a new row in `NOTE_TYPE_HISTORY` with a later time (docs/note-types.md).

genanki stamps every note with one time, numbers notes from the clock and rewrites the whole decks
JSON once per deck; we override that edge: each note carries the id and time from the lock file,
the decks are written once, and the zip is written with fixed dates and order, so the same commit
gives the same bytes.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from types import TracebackType

import genanki
from genanki.apkg_col import APKG_COL
from genanki.apkg_schema import APKG_SCHEMA

from .archive import write_zip
from .errors import ExportError
from .lock import LockEntry, content_digest
from .notes import FIELDS, Note, cloze_numbers, key_text

NOTE_TYPE_HISTORY: tuple[tuple[int, int, str], ...] = (
    # (version, modification time, fingerprint): append a row for every change, never edit one.
    (1, 1764115200, "26819adf540b6247"),
    (2, 1796515200, "52a633375223d92a"),
)
"""Every released version of our note types. Anki updates a note type it already has only when
the package's modification time is newer, so a change to templates or CSS must come with a new
row and a later time (docs/note-types.md); tests/test_note_types.py holds the code to it."""
NOTE_TYPE_VERSION, NOTE_TYPE_MTIME, _ = NOTE_TYPE_HISTORY[-1]

# Beside this module (package data), read without importlib.resources, which costs ~3 ms to import.
CSS = Path(__file__).with_name("card.css").read_text(encoding="utf-8")

# One context line on each side, at the top: the Source field (document — section path). The
# Context field (the section path alone) is kept, as field names never change, but not shown:
# showing both printed the section path twice on the back (docs/note-types.md). Each side is
# wrapped in .db-card, which keeps the text to a readable measure.
BASIC_FRONT = (
    '<div class="db-card">\n<div class="db-source">{{Source}}</div>\n'
    '<div class="db-front">{{Front}}</div>\n</div>'
)
BASIC_BACK = (
    '{{FrontSide}}\n<div class="db-card">\n<hr id="answer">\n'
    '<div class="db-back">{{Back}}</div>\n</div>'
)
CLOZE_FRONT = (
    '<div class="db-card">\n<div class="db-source">{{Source}}</div>\n'
    '<div class="db-front">{{cloze:Text}}</div>\n</div>'
)
CLOZE_BACK = (
    '<div class="db-card">\n<div class="db-source">{{Source}}</div>\n'
    '<div class="db-front">{{cloze:Text}}</div>\n'
    '{{#Extra}}<div class="db-extra">{{Extra}}</div>{{/Extra}}\n</div>'
)

BASIC_MODEL = genanki.Model(
    1764115201,
    "deckbuilder Basic",
    fields=[{"name": name} for name in FIELDS["basic"]],
    templates=[{"name": "Card 1", "qfmt": BASIC_FRONT, "afmt": BASIC_BACK}],
    css=CSS,
    sort_field_index=0,
)
CLOZE_MODEL = genanki.Model(
    1764115202,
    "deckbuilder Cloze",
    fields=[{"name": name} for name in FIELDS["cloze"]],
    templates=[{"name": "Cloze", "qfmt": CLOZE_FRONT, "afmt": CLOZE_BACK}],
    css=CSS,
    model_type=genanki.Model.CLOZE,
    sort_field_index=0,
)
MODELS = {"basic": BASIC_MODEL, "cloze": CLOZE_MODEL}


def note_type_fingerprint() -> str:
    """A hash of everything Anki stores of our note types: ids, names, fields, templates, CSS."""
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


@dataclass(frozen=True, slots=True)
class PackagedNote:
    """A note as the package holds it: its fields rendered (by name), its full deck name
    ('Deck::Subdeck') and its identity from the lock."""

    note: Note
    fields: dict[str, str]
    deck: str
    stamp: LockEntry
    """Its lock entry: GUID, note id and modification time."""


@dataclass(frozen=True, slots=True)
class DeckTree:
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


def card_ords(note_type: str, fields: dict[str, str]) -> list[int]:
    """The cards a note makes, by template ordinal: one for a Basic note whose front shows
    something (a field it shows is not empty), one per cloze number for a Cloze note (the rule
    genanki and Anki apply)."""
    if note_type == "basic":
        return [0] if fields["Front"] or fields["Source"] else []
    return [number - 1 for number in cloze_numbers(fields["Text"])]


@lru_cache(maxsize=256)
def tags_text(tags: tuple[str, ...]) -> str:
    """Tags as Anki's notes table stores them. Cached: a deck's notes share a few tag sets."""
    return " " + " ".join(tags) + " "


@dataclass(frozen=True, slots=True)
class RenderedNote:
    """A note with its fields rendered to HTML (by field name), and what the lock needs of it."""

    note: Note
    fields: dict[str, str]
    digest: str
    """What the lock compares to tell that the note changed: note type, fields and tags."""

    @property
    def key(self) -> str:
        """The note's key as the lock spells it (`notes.key_text`): made where it is read, not
        carried, as a worker sends a document's notes (it was a fifth of what it sent)."""
        return key_text(self.note.key)

    def __reduce__(self) -> tuple[type[RenderedNote], tuple[object, ...]]:
        """Pickled as its constructor's arguments (a worker sends a document's notes): a slotted
        dataclass's own pickling looks its fields up for every object, twice as slow."""
        return RenderedNote, (self.note, self.fields, self.digest)

    @classmethod
    def of(cls, note: Note, fields: dict[str, str]) -> RenderedNote:
        joined = "\x1f".join(fields.values())
        digest = content_digest(MODELS[note.note_type].model_id, joined, note.tags)
        return cls(note, fields, digest)


@dataclass(frozen=True, slots=True)
class Repeat:
    """A note whose key an earlier note of the deck has already (they would share a GUID)."""

    number: int
    """The note's place in the deck (1 for the first note)."""
    key: str
    rule: str
    place: tuple[str, int]
    """Its source path and line."""
    first_rule: str
    first_place: tuple[str, int]


class Collection:
    """The package's collection, filled as the build reads each document and written out once
    every note has its identity. Notes wait in temporary tables (SQLite's temporary database, on
    disk) with their keys, so memory does not grow with the deck, and the checks of the deck as a
    whole (a key made twice) are queries. Everything lives in temporary files beside `output`
    (or in the system's temporary folder), removed on leaving the `with` block; `write` returns
    the finished package for the caller to rename into place."""

    def __init__(self, output: Path | None = None):
        self.output = output or Path(tempfile.gettempdir()) / "deckbuilder.apkg"
        self.count = 0
        self.cards = 0
        """Cards the notes added make (before any is left out)."""
        self.hashes: set[int] = set()
        """The hash of every key added: no hash twice, no key twice (and no query to find one)."""
        self.suspects: set[str] = set()
        """The keys whose hash an earlier key had: the only keys that may be repeats."""
        try:
            self.output.parent.mkdir(parents=True, exist_ok=True)
            handle, name = tempfile.mkstemp(prefix=f".{self.output.name}.", dir=self.output.parent)
            os.close(handle)
        except OSError as exc:
            raise ExportError(f"cannot write package: {exc}", self.output) from exc
        self.package = Path(name)
        self.database = Path(name + ".anki2")
        # A temporary file, deleted on any failure: no journal needed.
        self.connection = sqlite3.connect(self.database, isolation_level=None)
        with self._failing():
            self.connection.execute("PRAGMA journal_mode = OFF")
            self.connection.execute("PRAGMA synchronous = OFF")
            self.connection.executescript(APKG_SCHEMA + APKG_COL + _PENDING)
            self.connection.execute("BEGIN")

    @contextmanager
    def _failing(self) -> Iterator[None]:
        """A failure to write (a full disk) as the one-line error it is."""
        try:
            yield
        except (OSError, sqlite3.Error) as exc:
            raise ExportError(f"cannot write package: {exc}", self.output) from exc

    def __enter__(self) -> Collection:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.connection.close()
        for leftover in (self.package, self.database):
            leftover.unlink(missing_ok=True)

    def add(self, notes: Iterable[RenderedNote], deck_ids: dict[str, int]) -> None:
        """Notes in package order; `deck_ids`: subdeck name -> deck id. Rows are made as SQLite
        takes them, not listed first, in one pass: given an iterator that lets each note go once
        read (`read_deck` does), a document's notes leave memory as they go in."""
        cards: list[tuple[int, int, int, int]] = []

        def rows() -> Iterator[tuple[object, ...]]:
            for rendered in notes:
                self.count += 1
                key = rendered.key
                digest = hash(key)
                if digest in self.hashes:
                    self.suspects.add(key)
                self.hashes.add(digest)
                note, fields = rendered.note, rendered.fields
                source, deck_id = note.source, deck_ids[note.subdeck]
                for offset, ord_ in enumerate(card_ords(note.note_type, fields), 1):
                    cards.append((self.count, offset, ord_, deck_id))
                yield (
                    self.count, key, rendered.digest, note.rule, source.path, source.line,
                    deck_id, MODELS[note.note_type].model_id, tags_text(note.tags),
                    "\x1f".join(fields.values()), next(iter(fields.values())),
                )  # fmt: skip

        with self._failing():
            self.connection.executemany(_INSERT_PENDING, rows())
            self.connection.executemany("INSERT INTO pending_card VALUES (?, ?, ?, ?)", cards)
        self.cards += len(cards)

    def repeats(self) -> list[Repeat]:
        """Every note whose key an earlier note has, in deck order, with that earlier note. Only
        the notes of keys that shared a hash are read back (one scan of the table)."""
        if not self.suspects:
            return []
        with self._failing():
            self.connection.execute("CREATE TEMP TABLE suspect (key TEXT PRIMARY KEY)")
            self.connection.executemany(
                "INSERT INTO suspect VALUES (?)", [(key,) for key in self.suspects]
            )
            rows = self.connection.execute(
                "SELECT rowid, key, rule, path, line FROM pending "
                "WHERE key IN (SELECT key FROM suspect) ORDER BY rowid"
            ).fetchall()
            self.connection.execute("DROP TABLE suspect")
        first: dict[str, tuple[str, tuple[str, int]]] = {}
        repeats = []
        for number, key, rule, path, line in rows:
            if key in first:
                first_rule, first_place = first[key]
                repeats.append(Repeat(number, key, rule, (path, line), first_rule, first_place))
            else:
                first[key] = (rule, (path, line))
        return repeats

    def leave_out(self, numbers: list[int]) -> None:
        """Leave these notes (by place, as `repeats` gives them) out of the package."""
        listed = ",".join(str(int(number)) for number in numbers)
        with self._failing():
            self.connection.execute(f"DELETE FROM pending WHERE rowid IN ({listed})")
            self.connection.execute(f"DELETE FROM pending_card WHERE seq IN ({listed})")

    def identities(self) -> tuple[list[int], list[tuple[str, str]], set[int]]:
        """The notes kept, by place, their (key, digest), in package order, and the deck ids
        that hold them: one scan of the table."""
        with self._failing():
            rows = self.connection.execute(
                "SELECT rowid, key, digest, did FROM pending ORDER BY rowid"
            ).fetchall()
        return [row[0] for row in rows], [(row[1], row[2]) for row in rows], {r[3] for r in rows}

    def kept_cards(self) -> int:
        """How many cards the notes kept make."""
        with self._failing():
            (cards,) = self.connection.execute("SELECT count(*) FROM pending_card").fetchone()
        return int(cards)

    def write(
        self,
        tree: DeckTree,
        kept: list[int],
        stamps: list[LockEntry],
        media: dict[str, bytes],
        zip_time: int,
        threads: int = 1,
    ) -> Path:
        """The package, with each note's id, GUID and time from `stamps` (one per note kept, in
        order: `kept` as `identities` gives it) and its cards' ids right after its own; returned
        as a temporary file beside the output, for the caller to rename into place."""
        with self._failing():
            cursor = self.connection.cursor()
            cursor.executemany(
                "INSERT INTO stamp (rowid, id, guid, mod) VALUES (?, ?, ?, ?)",
                (
                    (number, s.note_id, s.guid, s.mtime)
                    for number, s in zip(kept, stamps, strict=True)
                ),
            )
            _write_decks(cursor, tree)
            cursor.execute(
                "INSERT INTO notes SELECT s.id, s.guid, p.mid, s.mod, -1, p.tags, p.flds, p.sfld,"
                " 0, 0, '' FROM pending p JOIN stamp s ON s.rowid = p.rowid ORDER BY p.rowid"
            )
            cursor.execute(
                "INSERT INTO cards SELECT s.id + c.offset, s.id, c.did, c.ord, s.mod, -1, "
                "0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, '' FROM pending_card c "
                "JOIN stamp s ON s.rowid = c.seq ORDER BY c.rowid"
            )  # a card's rowid is its place in (note, offset) order: `add` inserts them so
            cursor.execute("COMMIT")
            self.connection.close()  # its temporary tables go with it
            _zip(self.package, self.database, media, zip_time, threads)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.package, 0o666 & ~umask)
        return self.package


_PENDING = """
CREATE TEMP TABLE pending (key TEXT, digest TEXT, rule TEXT, path TEXT, line INTEGER,
    did INTEGER, mid INTEGER, tags TEXT, flds TEXT, sfld TEXT);
CREATE TEMP TABLE pending_card (seq INTEGER, offset INTEGER, ord INTEGER, did INTEGER);
CREATE TEMP TABLE stamp (id INTEGER, guid TEXT, mod INTEGER);
"""
"""Notes waiting for their identities (rowid: their place in the deck), their cards, then the
identities."""
_INSERT_PENDING = (
    "INSERT INTO pending (rowid, key, digest, rule, path, line, did, mid, tags, flds, sfld) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _write_decks(cursor: sqlite3.Cursor, tree: DeckTree) -> None:
    """The deck tree and note types, into the collection's one row: once, not once per deck as
    genanki's `Deck.write_to_db` does (which makes a deck of many subdecks quadratic)."""
    (decks_json,) = cursor.execute("SELECT decks FROM col").fetchone()
    decks = json.loads(decks_json)
    for deck_id, name in [(tree.deck_id, tree.title), *((i, n) for n, i in tree.subdecks.items())]:
        decks[str(deck_id)] = genanki.Deck(deck_id, name, description=tree.description).to_json()
    models = {
        str(model.model_id): model.to_json(NOTE_TYPE_MTIME, tree.deck_id)
        for model in MODELS.values()
    }
    cursor.execute("UPDATE col SET decks = ?, models = ?", (json.dumps(decks), json.dumps(models)))


def _zip(
    target: Path, database: Path, media: dict[str, bytes], zip_time: int, threads: int = 1
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
    write_zip(target, entries, stamp, threads)


def write_package(
    tree: DeckTree, notes: list[PackagedNote], output: Path, media: dict[str, bytes] | None = None
) -> None:
    """A package of notes already identified (as `plan_deck` gives them), renamed into place."""
    subdecks = {note.note.subdeck: tree.subdecks.get(note.deck, tree.deck_id) for note in notes}
    with Collection(output) as collection:
        collection.add([RenderedNote.of(note.note, note.fields) for note in notes], subdecks)
        newest = max((note.stamp.mtime for note in notes), default=0)
        stamps = [note.stamp for note in notes]
        kept = list(range(1, len(notes) + 1))
        os.replace(collection.write(tree, kept, stamps, media or {}, newest), output)
