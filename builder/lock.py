"""The lock file: what keeps students' review history safe across releases.

Anki updates an imported note in place only when its GUID is already in the collection and its
modification time is newer than the one there; with an equal time it leaves the note alone (see
docs/anki-import.md). So each note needs a stable GUID, and a modification time that moves only
when the note's content moves. `decks/<slug>.lock` records both, per note key, as sorted text that
reviews well in a diff, much like a package manager's lock file:

    key <TAB> guid <TAB> note id <TAB> mtime <TAB> content hash <TAB> status
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

from .errors import LockError

HEADER = (
    "# deckbuilder lock file: one line per note, sorted by key. Commit it with the deck; it keeps\n"
    "# each note's GUID and the time its content last changed, so updates keep review history.\n"
    "# key\tguid\tnote id\tmtime\tcontent hash\tstatus\n"
)
RENAME_THRESHOLD = 0.6
"""How similar a reworded question must be to its old form to inherit the old note."""
ID_STEP = 100
"""New note ids are this far apart; a note's cards take the ids just after its own."""


class LockEntry(NamedTuple):
    """One lock line. A named tuple, not a frozen dataclass: a lock is read and rebuilt once per
    build with a line per note, and tuples are made several times faster."""

    key: str
    guid: str
    note_id: int
    mtime: int
    digest: str
    removed: bool = False


class Rename(NamedTuple):
    old_key: str
    new_key: str
    score: float


class LockChanges(NamedTuple):
    added: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    renamed: tuple[Rename, ...] = ()

    @property
    def any(self) -> bool:
        return bool(self.added or self.changed or self.removed or self.renamed)

    def summary(self) -> str:
        parts = [
            f"{len(self.added)} added",
            f"{len(self.changed)} changed",
            f"{len(self.removed)} removed",
        ]
        if self.renamed:
            parts.append(f"{len(self.renamed)} reworded")
        return ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Lock:
    entries: dict[str, LockEntry] = field(default_factory=dict)

    def text(self) -> str:
        return "".join(self.lines())

    def lines(self) -> Iterator[str]:
        """The lock file's lines (with their newlines): the header, then one per note by key."""
        yield HEADER
        for entry in sorted(self.entries.values(), key=lambda e: e.key):
            yield entry_line(entry) + "\n"


def entry_line(entry: LockEntry) -> str:
    status = "removed" if entry.removed else "active"
    return f"{entry.key}\t{entry.guid}\t{entry.note_id}\t{entry.mtime}\t{entry.digest}\t{status}"


def content_digest(model_id: int, joined_fields: str, tags: tuple[str, ...]) -> str:
    """What the lock compares to tell a changed note: note type, fields (joined by 0x1f, as Anki
    holds them) and tags."""
    data = f"{model_id}\x1e{joined_fields}\x1e{' '.join(sorted(tags))}"
    return hashlib.sha256(data.encode()).hexdigest()[:16]


def build_time() -> int:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            return int(value)
        except ValueError as exc:
            raise LockError(
                f"SOURCE_DATE_EPOCH={value!r} is not a whole number of seconds"
            ) from exc
    return int(time.time())


@dataclass(frozen=True, slots=True)
class Identities:
    """What the lock gives a deck's notes, and the lock the build leaves."""

    stamps: list[LockEntry]
    """Each note's lock entry (its GUID, id and time), in the notes' order."""
    lock: Lock
    changes: LockChanges
    changed: bool
    """Whether the lock file's text changes (a build then writes it)."""


def identify(
    notes: Sequence[tuple[str, str]],
    path: Path | None,
    new_guid: Callable[[str], str],
    rename_matching: bool = True,
) -> Identities:
    """Stamp (key, content digest) pairs from the lock at `path`; `new_guid(key)` gives a note
    the lock does not know yet its GUID."""
    text = _read_text(path)
    old = parse_lock(text, path)
    stamps, lock, changes = stamp_notes(notes, old, build_time(), new_guid, rename_matching)
    return Identities(stamps, lock, changes, _digest(lock.lines()) != _digest([text]))


def _digest(lines: Iterable[str]) -> bytes:
    """A digest of text given in pieces: a large lock is compared without joining it."""
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode())
    return digest.digest()


def read_lock(path: Path | None) -> Lock:
    return parse_lock(_read_text(path), path)


def _read_text(path: Path | None) -> str:
    if path is None or not path.exists():
        return Lock().text()
    return path.read_text(encoding="utf-8")


def parse_lock(text: str, path: Path | None) -> Lock:
    entries: dict[str, LockEntry] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        try:
            key, guid, note_id, mtime, digest, status = parts
            entry = LockEntry(key, guid, int(note_id), int(mtime), digest, status == "removed")
        except ValueError as exc:
            raise LockError(
                "malformed lock line (want 6 tab-separated fields); restore it from version "
                "control rather than editing by hand",
                path,
                number,
            ) from exc
        if status not in ("active", "removed"):
            raise LockError(f"unknown status {status!r}: use active or removed", path, number)
        entries[key] = entry
    return Lock(entries)


def stamp_notes(
    notes: Sequence[tuple[str, str]],
    lock: Lock,
    now: int,
    new_guid: Callable[[str], str],
    rename_matching: bool = True,
) -> tuple[list[LockEntry], Lock, LockChanges]:
    """Give each (key, digest) its GUID, note id and mtime; return the updated lock and changes.
    `new_guid(key)` is asked only for a key the lock does not know yet. New notes get ids above
    every id in the lock.

    Unchanged notes keep their recorded time; changed and new notes get `now`, but always later than
    the time recorded before, so Anki sees them as newer even when SOURCE_DATE_EPOCH is older.
    """
    entries = dict(lock.entries)
    current = {key for key, _ in notes}
    renames: list[Rename] = []
    if rename_matching:
        renames = _match_rewordings(
            [key for key, _ in notes if key not in entries or entries[key].removed],
            [e.key for e in entries.values() if e.key not in current and not e.removed],
        )
        for rename in renames:
            old = entries.pop(rename.old_key)
            entries[rename.new_key] = old._replace(key=rename.new_key, digest="")
    next_id = max([now * 1000, *(e.note_id + ID_STEP for e in entries.values())])
    stamps: list[LockEntry] = []
    added, changed = [], []
    for key, digest in notes:
        entry = entries.get(key)
        if entry is None:
            entries[key] = entry = LockEntry(key, new_guid(key), next_id, now, digest)
            next_id += ID_STEP
            added.append(key)
        elif entry.digest != digest or entry.removed:
            entry = entry._replace(mtime=max(now, entry.mtime + 1), digest=digest, removed=False)
            entries[key] = entry
            changed.append(key)
        stamps.append(entry)
    removed = []
    for key, entry in list(entries.items()):
        if key not in current and not entry.removed:
            entries[key] = entry._replace(removed=True)
            removed.append(key)
    renamed_new = {r.new_key for r in renames}
    changes = LockChanges(
        added=tuple(added),
        changed=tuple(k for k in changed if k not in renamed_new),
        removed=tuple(removed),
        renamed=tuple(renames),
    )
    return stamps, Lock(entries), changes


def _match_rewordings(new_keys: list[str], gone_keys: list[str]) -> list[Rename]:
    """Pair each new key with a vanished key of the same rule and section, best score first."""
    scored = []
    for new in new_keys:
        for old in gone_keys:
            score = _similarity(new, old)
            if score >= RENAME_THRESHOLD:
                scored.append((score, new, old))
    renames, used_new, used_old = [], set(), set()
    for score, new, old in sorted(scored, key=lambda item: (-item[0], item[1], item[2])):
        if new in used_new or old in used_old:
            continue
        used_new.add(new)
        used_old.add(old)
        renames.append(Rename(old, new, round(score, 2)))
    return renames


def _similarity(new: str, old: str) -> float:
    """Keys that differ in exactly one part (the question or subject): how alike that part is."""
    new_parts, old_parts = new.split(" | "), old.split(" | ")
    if len(new_parts) != len(old_parts) or new_parts[0] != old_parts[0]:
        return 0.0
    differing = [(a, b) for a, b in zip(new_parts, old_parts, strict=True) if a != b]
    if len(differing) != 1:
        return 0.0
    a, b = differing[0]
    import difflib  # only when a key is new and another vanished

    return difflib.SequenceMatcher(None, a, b).ratio()
