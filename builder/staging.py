"""Rendered notes staged on disk, one SQLite file per document, before they get identities.

A build renders each section's cards and appends their rows here at once, so memory holds one
section's cards at a time however large the course; the package is then filled from these files
by SQLite itself (`anki.write_staged_package`). A staged file is also the document's cache entry: a
rebuild after editing one document of many reuses the others' files as they are.

Rows keep everything the package and the lock need: the lock reads `key` and `digest`, the
package copies `mid`, `tags`, `flds` and `sfld` and makes one card per entry of `ords`.
"""

from __future__ import annotations

import os
import pickle
import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import Any

SCHEMA = """
CREATE TABLE note (
    seq INTEGER PRIMARY KEY,
    key TEXT NOT NULL, rule TEXT NOT NULL, mid INTEGER NOT NULL, deck TEXT NOT NULL,
    tags TEXT NOT NULL, flds TEXT NOT NULL, sfld TEXT NOT NULL, ords TEXT NOT NULL,
    digest TEXT NOT NULL, guid TEXT NOT NULL, path TEXT NOT NULL, line INTEGER NOT NULL
);
CREATE TABLE card (
    seq INTEGER NOT NULL, offset INTEGER NOT NULL, ord INTEGER NOT NULL, did INTEGER NOT NULL,
    PRIMARY KEY (seq, offset)
) WITHOUT ROWID;
CREATE TABLE summary (data BLOB NOT NULL);
"""
COLUMNS = "key, rule, mid, deck, tags, flds, sfld, ords, digest, guid, path, line"
INSERT_NOTE = f"INSERT INTO note (seq, {COLUMNS}) VALUES ({', '.join('?' * 13)})"
INSERT_CARD = "INSERT INTO card VALUES (?, ?, ?, ?)"

NoteRow = tuple[str, str, int, str, str, str, str, str, str, str, str, int]
"""(key, rule, model id, full deck name, tags as Anki stores them, fields joined by 0x1f, sort
field, card ords as '0,1,2', content digest, GUID for a new note, source path, source line)."""


Identity = tuple[str, str, str]
"""What the lock needs of a staged note: (key, content digest, GUID for a new note)."""


class StageWriter:
    """Writes one staged file through a temporary name; `finish` renames it into place."""

    def __init__(self, path: Path):
        self.path = path
        self.temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.temporary.unlink(missing_ok=True)
        self.connection = sqlite3.connect(self.temporary, isolation_level=None)
        try:
            self.connection.execute("PRAGMA journal_mode = OFF")
            self.connection.execute("PRAGMA synchronous = OFF")
            self.connection.executescript(SCHEMA)
            self.connection.execute("BEGIN")
        except BaseException:
            self.abort()
            raise
        self.count = 0

    def add(self, notes: Iterable[tuple[NoteRow, int]]) -> None:
        """Append (row, deck id) pairs; each note's cards get a row of their own, so the package
        copies them with one statement."""
        rows: list[tuple[object, ...]] = []
        cards: list[tuple[int, int, int, int]] = []
        for row, deck_id in notes:
            self.count += 1
            rows.append((self.count, *row))
            ords = row[7]
            if ords:
                cards.extend(
                    (self.count, offset, int(ord_), deck_id)
                    for offset, ord_ in enumerate(ords.split(","), 1)
                )
        self.connection.executemany(INSERT_NOTE, rows)
        self.connection.executemany(INSERT_CARD, cards)

    def append_file(self, other: Path) -> None:
        """Append another staged file's notes (a piece's, staged by a worker), in order."""
        self.connection.execute("COMMIT")
        self.connection.execute("ATTACH DATABASE ? AS other", (str(other),))
        try:
            base = self.count
            self.connection.execute("BEGIN")
            self.connection.execute(
                f"INSERT INTO note (seq, {COLUMNS}) SELECT seq + ?, {COLUMNS} FROM other.note "
                "ORDER BY seq",
                (base,),
            )
            self.connection.execute(
                "INSERT INTO card SELECT seq + ?, offset, ord, did FROM other.card "
                "ORDER BY seq, offset",
                (base,),
            )
            self.connection.execute("COMMIT")
            self.count = (
                base + self.connection.execute("SELECT count(*) FROM other.note").fetchone()[0]
            )
        finally:
            if self.connection.in_transaction:  # an insert failed: leave `other` detachable
                self.connection.execute("ROLLBACK")
            self.connection.execute("DETACH DATABASE other")
            self.connection.execute("BEGIN")

    def finish(self, summary: Any) -> None:
        """Close the file with its summary, and the few things every build reads of all its
        notes (their decks and abbreviations), so that a build reads them without a scan."""
        data = pickle.dumps(summary, protocol=pickle.HIGHEST_PROTOCOL)
        self.connection.execute("INSERT INTO summary VALUES (?)", (data,))
        self.connection.execute("CREATE TABLE deck AS SELECT DISTINCT deck FROM note")
        self.connection.execute(
            "CREATE TABLE abbreviation AS "
            "SELECT seq, key FROM note WHERE rule = 'abbreviation' ORDER BY seq"
        )
        self.connection.execute("COMMIT")
        self.connection.close()
        self.temporary.replace(self.path)

    def abort(self) -> None:
        self.connection.close()
        self.temporary.unlink(missing_ok=True)


def read_summary(path: Path) -> Any | None:
    """The summary stored with a staged file, or None when it is missing or unreadable."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = connection.execute("SELECT data FROM summary").fetchone()
        finally:
            connection.close()
        return pickle.loads(row[0]) if row else None
    except (
        sqlite3.Error,
        pickle.UnpicklingError,
        EOFError,
        AttributeError,
        ImportError,
        TypeError,
    ):
        return None  # never written whole, or by another version: it is staged again


def read_identities(path: Path) -> list[Identity]:
    """Every staged note's identity, in document order (the note with seq N is item N-1)."""
    return _all(path, "SELECT key, digest, guid FROM note ORDER BY seq")


def read_abbreviations(path: Path) -> list[tuple[int, str]]:
    """(seq, key) of the staged abbreviation notes, which a deck keeps once across documents."""
    return _all(path, "SELECT seq, key FROM abbreviation ORDER BY seq")


def count_cards(path: Path, leaving_out: list[int] | None = None) -> int:
    """How many cards the staged notes make, without those of the notes with these seqs."""
    left_out = ",".join(map(str, leaving_out or []))
    return int(_all(path, f"SELECT count(*) FROM card WHERE seq NOT IN ({left_out})")[0][0])


def read_decks(path: Path) -> set[str]:
    """The full names of the decks a staged file's notes go to."""
    return {deck for (deck,) in _all(path, "SELECT deck FROM deck")}


def source_of(path: Path, seq: int) -> tuple[str, int]:
    """Where a staged note came from (source path and line), for an error message."""
    row = _one(path, "SELECT path, line FROM note WHERE seq = ?", seq)
    return (str(row[0]), int(row[1])) if row else ("?", 0)


def first_source(paths: list[Path], key: str) -> tuple[str, int]:
    """Where the first staged note with this key came from, searching the files in order."""
    for path in paths:
        row = _one(path, "SELECT path, line FROM note WHERE key = ? ORDER BY seq LIMIT 1", key)
        if row:
            return str(row[0]), int(row[1])
    return "?", 0


def _all(path: Path, query: str) -> list[Any]:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def _one(path: Path, query: str, *parameters: object) -> Any:
    connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return connection.execute(query, parameters).fetchone()
    finally:
        connection.close()
