"""Which staged notes a package takes, and each one's identity: GUID, note id and time.

The rules are simple: every key once in a deck (else an error names both places), an
abbreviation once (the first document's definition wins), and identities from the lock
(lock.stamp_notes). They are applied to the staged files (staging.py), and the identities are
written, in package order, to a small SQLite file that the package copies them from.

That file is kept in the cache folder with what it agrees with: the staged files it covered and
the digest of the lock the build left. Rebuilding a deck of many documents after one of them
changed, with that lock still in place, the other documents' notes would all be stamped
"unchanged" again, so they keep their identities as they are. Only the changed documents are
stamped, against the lock entries of their keys and of the keys they had before (read by
bisection from the sorted lock file, not parsed whole), and the lock file is rewritten with
just those entries changed. Whatever this shortcut cannot vouch for (a lock not in the form a
build writes, abbreviations moving between documents, a key now in two documents, a missing
file) makes the build stamp every note, which gives the same result, only slower
(tests/test_identities.py compares the two on random edits).
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple, NoReturn

from .extract import duplicate_key
from .lock import (
    ID_STEP,
    Lock,
    LockChanges,
    LockFile,
    Stamp,
    build_time,
    read_lock,
    stamp_notes,
)
from .staging import (
    Identity,
    count_cards,
    first_source,
    read_abbreviations,
    read_decks,
    read_identities,
    source_of,
)

STORE = "identities.sqlite"
_SCHEMA = """
CREATE TABLE stamp (part INTEGER NOT NULL, seq INTEGER NOT NULL, id INTEGER NOT NULL,
                    guid TEXT NOT NULL, mod INTEGER NOT NULL);
CREATE TABLE meta (data TEXT NOT NULL);
"""
_VERSION = 2


class Identified(NamedTuple):
    """What identifying a deck's staged notes found, and where their identities were written."""

    stamps: Path
    """The stamps file (its `stamp` table: part, seq, id, guid, mod in package order)."""
    ranges: list[tuple[int, int]]
    """The rows of each part's (staged file's) stamps."""
    notes: int
    cards: int
    decks: set[str]
    changes: LockChanges
    lock_lines: Iterable[str] | None
    """The new lock file's lines when it changes."""
    zip_time: int


class _Stamped(NamedTuple):
    changes: LockChanges
    lock_lines: Iterable[str] | None
    max_id: int
    """The highest note id in the lock."""
    canonical: bool
    """Whether the lock left after the build is in the form a build writes (LockFile)."""


class StampFile:
    """The stamps of one build, written to a temporary file beside the kept one; `keep` puts it
    in place once the package and the lock are written."""

    def __init__(self, folder: Path):
        self.path = folder / STORE
        self.temporary = folder / f".{STORE}.{os.getpid()}.tmp"
        self.temporary.unlink(missing_ok=True)
        folder.mkdir(parents=True, exist_ok=True)
        self.connection = sqlite3.connect(self.temporary, isolation_level=None)
        self.connection.execute("PRAGMA journal_mode = OFF")
        self.connection.execute("PRAGMA synchronous = OFF")
        self.connection.executescript(_SCHEMA)
        self.connection.execute("BEGIN")
        self.ranges: list[tuple[int, int]] = []
        """The first and last row of each part's stamps, parts in order (no index needed)."""

    def add(self, part: int, seqs: Iterable[int], stamps: Iterable[Stamp]) -> None:
        added = self.connection.executemany(
            "INSERT INTO stamp VALUES (?, ?, ?, ?, ?)",
            ((part, seq, s.note_id, s.guid, s.mtime) for seq, s in zip(seqs, stamps, strict=True)),
        )
        self._added(part, added.rowcount)

    def _added(self, part: int, count: int) -> None:
        assert part == len(self.ranges), "parts are added in order"
        last = self.ranges[-1][1] if self.ranges else 0
        self.ranges.append((last + 1, last + count))

    @contextmanager
    def previous(self, path: Path) -> Iterator[None]:
        """Attach the previous build's stamps file, for `copy`."""
        self.connection.execute("COMMIT")
        self.connection.execute("ATTACH DATABASE ? AS previous", (str(path),))
        self.connection.execute("BEGIN")
        try:
            yield
        finally:
            self.connection.execute("COMMIT")
            self.connection.execute("DETACH DATABASE previous")
            self.connection.execute("BEGIN")

    def copy(self, part: int, rows: tuple[int, int]) -> None:
        """The stamps in these rows of the previous build's file, as part `part`."""
        added = self.connection.execute(
            "INSERT INTO stamp SELECT ?, seq, id, guid, mod FROM previous.stamp "
            "WHERE rowid BETWEEN ? AND ? ORDER BY rowid",
            (part, *rows),
        )
        self._added(part, added.rowcount)

    def totals(self) -> tuple[int, int]:
        """(notes, the newest note time)."""
        count, newest = self.connection.execute("SELECT count(*), max(mod) FROM stamp").fetchone()
        return int(count), int(newest or 0)

    def finish(self, record: dict[str, object]) -> None:
        """Close the file with what it agrees with (kept by `keep`)."""
        record = {**record, "ranges": self.ranges}
        self.connection.execute("INSERT INTO meta VALUES (?)", (json.dumps(record),))
        self.connection.execute("COMMIT")
        self.connection.close()

    def keep(self, lock_digest: str | None) -> None:
        """Put the file in place, with the digest of the lock the build left: the next build
        trusts it when it finds that lock, and if it is in the form a build writes. A file that
        cannot be kept only makes the next build stamp every note, so it does not fail this one.
        """
        try:
            connection = sqlite3.connect(self.temporary, isolation_level=None)
            try:
                (data,) = connection.execute("SELECT data FROM meta").fetchone()
                record = json.loads(data)
                record["lock"] = lock_digest if record.pop("canonical", False) else None
                connection.execute("UPDATE meta SET data = ?", (json.dumps(record),))
            finally:
                connection.close()
            os.replace(self.temporary, self.path)
        except (OSError, sqlite3.Error):
            self.temporary.unlink(missing_ok=True)

    def discard(self) -> None:
        self.connection.close()
        self.temporary.unlink(missing_ok=True)


class _Previous(NamedTuple):
    """The last build's stamps file, when the lock on disk is the one it left."""

    path: Path
    files: list[str]
    dropped: list[list[int]]
    ranges: list[list[int]]
    max_id: int
    lock: LockFile

    @classmethod
    def load(cls, folder: Path, lock_path: Path | None) -> _Previous | None:
        path = folder / STORE
        if lock_path is None or not path.is_file() or not lock_path.is_file():
            return None
        try:
            connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            try:
                (data,) = connection.execute("SELECT data FROM meta").fetchone()
            finally:
                connection.close()
            record = json.loads(data)
            data_bytes = lock_path.read_bytes()
            if record.get("version") != _VERSION or record.get("lock") != _digest(data_bytes):
                return None
            lock = LockFile.read(data_bytes.decode("utf-8"))
            if lock is None:
                return None
            return cls(
                path,
                record["files"],
                record["dropped"],
                record["ranges"],
                int(record["max_id"]),
                lock,
            )
        except (sqlite3.Error, OSError, ValueError, KeyError, TypeError):
            return None


def lock_digest(path: Path | None) -> str | None:
    """The digest the stamps file keeps of the lock a build left."""
    if path is None:
        return None
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return None


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def identify(
    files: list[Path], folder: Path, lock_path: Path | None, rename_matching: bool
) -> tuple[Identified, StampFile]:
    """Identify the notes staged in `files` (package order) against the lock at `lock_path`,
    reusing the identities kept in `folder` where they still hold."""
    dropped = _repeated_abbreviations(files)
    store = StampFile(folder)
    try:
        previous = _Previous.load(folder, lock_path)
        found = None
        if previous is not None:
            found = _stamp_changed(files, dropped, previous, store, rename_matching)
            if found is None:  # the shortcut gave up: start the file again
                store.discard()
                store = StampFile(folder)
        if found is None:
            found = _stamp_all(files, dropped, lock_path, store, rename_matching)
        notes, newest = store.totals()
        store.finish(
            {
                "version": _VERSION,
                "files": [file.name for file in files],
                "dropped": dropped,
                "max_id": found.max_id,
                "canonical": found.canonical,
            }
        )
    except BaseException:
        store.discard()
        raise
    decks = set().union(*(read_decks(file) for file in files))
    cards = sum(count_cards(file, left_out) for file, left_out in zip(files, dropped, strict=True))
    return (
        Identified(
            store.temporary,
            store.ranges,
            notes,
            cards,
            decks,
            found.changes,
            found.lock_lines,
            newest,
        ),
        store,
    )


def _repeated_abbreviations(files: list[Path]) -> list[list[int]]:
    """Per file, the seqs of abbreviation notes an earlier file already defines."""
    seen: set[str] = set()
    dropped = []
    for file in files:
        repeated = []
        for seq, key in read_abbreviations(file):
            if key in seen:
                repeated.append(seq)
            seen.add(key)
        dropped.append(repeated)
    return dropped


def _kept(file: Path, left_out: list[int]) -> tuple[list[Identity], Sequence[int]]:
    """The identities the package takes from a staged file, and their seqs."""
    identities = read_identities(file)
    if not left_out:
        return identities, range(1, len(identities) + 1)
    seqs = sorted(set(range(1, len(identities) + 1)) - set(left_out))
    return [identities[seq - 1] for seq in seqs], seqs


def _stamp_all(
    files: list[Path],
    dropped: list[list[int]],
    lock_path: Path | None,
    store: StampFile,
    rename_matching: bool,
) -> _Stamped:
    """Every note against the whole lock."""
    seen: set[str] = set()
    keyed: list[Identity] = []
    parts: list[Sequence[int]] = []
    for file, left_out in zip(files, dropped, strict=True):
        identities, seqs = _kept(file, left_out)
        keys = [key for key, _, _ in identities]
        if not seen.isdisjoint(keys) or len(set(keys)) != len(keys):
            _raise_duplicate_key(files, file, seen, keys, seqs)
        seen.update(keys)
        keyed += identities
        parts.append(seqs)
    del seen
    old = read_lock(lock_path)
    stamps, lock, changes = stamp_notes(keyed, old, build_time(), rename_matching)
    del keyed, old
    position = 0
    for part, seqs in enumerate(parts):
        store.add(part, seqs, stamps[position : position + len(seqs)])
        position += len(seqs)
    max_id = max((entry.note_id for entry in lock.entries.values()), default=0)
    if changes.any:
        return _Stamped(changes, lock.lines(), max_id, canonical=True)
    # The lock stays as it is: the next build may patch it only if it is as a build writes it.
    written = hashlib.sha256()
    for line in lock.lines():
        written.update(line.encode())
    return _Stamped(changes, None, max_id, written.hexdigest() == lock_digest(lock_path))


def _stamp_changed(
    files: list[Path],
    dropped: list[list[int]],
    previous: _Previous,
    store: StampFile,
    rename_matching: bool,
) -> _Stamped | None:
    """The changed files' notes against their keys' lock entries; the others keep their
    identities. None when that cannot be vouched for."""
    before = {name: part for part, name in enumerate(previous.files)}
    reused = [before.get(file.name) for file in files]
    changed = sum(
        file.stat().st_size for file, old in zip(files, reused, strict=True) if old is None
    )
    if 2 * changed > sum(file.stat().st_size for file in files):
        return None  # most documents changed (or the builder did): stamping all is faster
    if any(
        old is not None and previous.dropped[old] != left_out
        for old, left_out in zip(reused, dropped, strict=True)
    ):
        return None  # another document's abbreviations moved: which notes are kept changed
    kept = set(reused)
    gone = [
        (previous.path.parent / name, previous.dropped[part])
        for part, name in enumerate(previous.files)
        if part not in kept
    ]
    if not all(path.is_file() for path, _ in gone):
        return None
    notes: list[Identity] = []
    parts: dict[int, Sequence[int]] = {}
    for part, (file, old) in enumerate(zip(files, reused, strict=True)):
        if old is None:
            identities, parts[part] = _kept(file, dropped[part])
            notes += identities
    new_keys = [key for key, _, _ in notes]
    old_keys = {key for path, left_out in gone for key, _, _ in _kept(path, left_out)[0]}
    entries = {}
    for key in sorted({*new_keys, *old_keys}):  # in lock order, as read_lock keeps them
        entry = previous.lock.entry(key)
        if entry is not None:
            entries[key] = entry
    if len(set(new_keys)) != len(new_keys) or any(
        key not in old_keys and key in entries and not entries[key].removed for key in new_keys
    ):
        return None  # a key made twice: stamping everything names both places
    stamps, lock, changes = stamp_notes(
        notes, Lock(entries), build_time(), rename_matching, previous.max_id + ID_STEP
    )
    position = 0
    with store.previous(previous.path):
        for part, old in enumerate(reused):
            if old is None:
                seqs = parts[part]
                store.add(part, seqs, stamps[position : position + len(seqs)])
                position += len(seqs)
            else:
                first, last = previous.ranges[old]
                store.copy(part, (first, last))
    max_id = max([previous.max_id, *(entry.note_id for entry in lock.entries.values())])
    lines = previous.lock.patched(entries, lock.entries.values()) if changes.any else None
    return _Stamped(changes, lines, max_id, canonical=True)


def _raise_duplicate_key(
    files: list[Path], file: Path, earlier: set[str], keys: list[str], seqs: Iterable[int]
) -> NoReturn:
    """Name the first key of `file` made twice (here or in an earlier file), and both places."""
    here: set[str] = set()
    for key, seq in zip(keys, seqs, strict=True):
        if key in earlier or key in here:
            raise duplicate_key(key, first_source(files, key), source_of(file, seq))
        here.add(key)
    raise AssertionError("no key is made twice")  # pragma: no cover - the caller checked
