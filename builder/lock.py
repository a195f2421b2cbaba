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
import itertools
import os
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from html import unescape
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
MAX_NOTE_ID = 2**52
"""Largest note id a lock may hold: Anki's ids are 64-bit, and AnkiDroid and the desktop's
JavaScript read them as doubles (exact to 2**53); new ids and card ids count up from here."""
MAX_TIME = 2**31 - 1
"""Latest time a lock or SOURCE_DATE_EPOCH may give (2038): far-future times would make every
later release look older to Anki, which then skips its edits."""
FUTURE_SLACK = 86400
"""How far past the build time (and the clock) a lock's times may lie: clocks differ a little."""
_GUID = re.compile(r"[A-Za-z0-9!#$%&()*+,\-./:;<=>?@\[\]^_`{|}~]{1,20}")
"""A GUID as Anki and genanki write them: base-91 digits, never empty."""
_DIGEST = re.compile(r"[0-9a-f]{16}")
_DECK_LINE = re.compile(r"# deck id: (\d+)\s*")


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
    deck_id: int | None = None
    """The deck the lock belongs to (written as `# deck id: N`); None in locks written before
    it was recorded, and in a lock never written."""

    def text(self) -> str:
        return "".join(self.lines())

    def lines(self) -> Iterator[str]:
        """The lock file's lines (with their newlines): the header, then one per note by key."""
        yield HEADER
        if self.deck_id is not None:
            yield f"# deck id: {self.deck_id}\n"
        for entry in sorted(self.entries.values(), key=lambda e: e.key):
            yield entry_line(entry) + "\n"


def entry_line(entry: LockEntry) -> str:
    status = "removed" if entry.removed else "active"
    return f"{entry.key}\t{entry.guid}\t{entry.note_id}\t{entry.mtime}\t{entry.digest}\t{status}"


def content_digest(model_id: int, joined_fields: str, tags: tuple[str, ...]) -> str:
    """What the lock compares to tell a changed note: note type, fields (joined by 0x1f, as Anki
    holds them) and tags."""
    data = f"{model_id}\x1e{joined_fields}\x1e{_tags_text(tags)}"
    return hashlib.sha256(data.encode()).hexdigest()[:16]


@lru_cache(maxsize=256)
def _tags_text(tags: tuple[str, ...]) -> str:
    """Tags sorted and spaced. Cached: a deck's notes share a few tag sets."""
    return " ".join(sorted(tags))


def build_time() -> int:
    """`SOURCE_DATE_EPOCH` when set (reproducible builds), else now."""
    value = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return int(time.time())
    if not value.isascii() or not value.isdigit() or len(value) > 12:
        raise LockError(
            f"SOURCE_DATE_EPOCH={value[:40]!r} is not a whole number of seconds since 1970; "
            "unset it or give one (e.g. `git log -1 --format=%ct`)"
        )
    if int(value) > MAX_TIME:
        raise LockError(
            f"SOURCE_DATE_EPOCH={value} is after 2038; give the time of the last commit "
            "(`git log -1 --format=%ct`)"
        )
    return int(value)


@dataclass(frozen=True, slots=True)
class Identities:
    """What the lock gives a deck's notes, and the lock the build leaves."""

    stamps: list[LockEntry]
    """Each note's lock entry (its GUID, id and time), in the notes' order."""
    lock: Lock
    changes: LockChanges
    changed: bool
    """Whether the lock file's text changes (a build then writes it: `lock.lines()`)."""


def identify(
    notes: Sequence[tuple[str, str]],
    path: Path | None,
    new_guid: Callable[[str], str],
    rename_matching: bool = True,
    deck_id: int | None = None,
) -> Identities:
    """Stamp (key, content digest) pairs from the lock at `path`, the lock of deck `deck_id`
    (checked against the one it records); `new_guid(key)` gives a note the lock does not know
    yet its GUID."""
    text = _read_text(path)
    # A lock checked out with CRLF line ends (git on Windows) is the same lock.
    was = _text_digest([text.replace("\r\n", "\n") if "\r" in text else text])
    now = build_time()
    old = parse_lock(text, path, deck_id, now)
    del text  # a large deck's lock is megabytes: only its entries are needed from here
    if deck_id is not None and old.deck_id is None:
        _check_foreign(notes, old, path, deck_id, new_guid)
    stamps, lock, changes = stamp_notes(notes, old, now, new_guid, rename_matching)
    if path is not None and deck_id is not None:
        lock = Lock(lock.entries, deck_id)
    return Identities(stamps, lock, changes, _text_digest(lock.lines()) != was)


def _text_digest(pieces: Iterable[str]) -> bytes:
    """A digest of the text `pieces` join into: the lock written is compared with the lock read
    without holding both texts (or the lines of either) at once."""
    digest = hashlib.sha256()
    for piece in pieces:
        digest.update(piece.encode())
    return digest.digest()


def _check_foreign(
    notes: Sequence[tuple[str, str]],
    lock: Lock,
    path: Path | None,
    deck_id: int,
    new_guid: Callable[[str], str],
) -> None:
    """A lock that records no deck id (written before it did) is another deck's when none of
    the notes they share has the GUID this deck gives it: their GUIDs would move the other
    deck's notes in students' collections."""
    shared = [(lock.entries[key].guid, new_guid(key)) for key, _ in notes if key in lock.entries]
    if len(shared) >= 3 and all(old != new for old, new in shared):
        raise LockError(
            f"this lock's GUIDs were made for another deck, not deck id {deck_id}; restore "
            "this deck's lock from version control, or delete the file to start afresh",
            path,
        )


def _read_text(path: Path | None) -> str:
    if path is None or not path.exists():
        return Lock().text()
    if not path.is_file():  # reading a pipe would wait for a writer forever
        raise LockError("the lock is not a regular file (a folder or a pipe); remove it", path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LockError(f"cannot read the lock file: {exc.strerror}", path) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise LockError(
            "the lock file is not text (not valid UTF-8); restore it from version control "
            "(`git checkout -- FILE`), or delete it to give every note a new identity",
            path,
            line,
        ) from exc


def parse_lock(
    text: str, path: Path | None, deck_id: int | None = None, now: int | None = None
) -> Lock:
    """The lock's entries, each checked: a lock damaged by hand or by a merge would give
    students duplicates or overwrite one note with another, so any doubt is an error."""
    latest = max(now if now is not None else 0, int(time.time())) + FUTURE_SLACK
    entries: dict[str, LockEntry] = {}
    guids: dict[str, int] = {}
    ids: dict[int, int] = {}
    recorded: int | None = None
    for number, line in enumerate(_lines(text), 1):
        if not line.strip():
            continue
        if line.startswith("#"):
            deck = _DECK_LINE.fullmatch(line)
            if deck is not None:
                recorded = int(deck.group(1))
            continue
        entry = _entry(line, path, number, latest)
        if entry.key in entries:
            raise _restore(f"the key {entry.key[:60]!r} is listed twice", path, number)
        other = guids.setdefault(entry.guid, number)
        if other != number:
            raise _restore(f"GUID {entry.guid!r} is also given on line {other}", path, number)
        other = ids.setdefault(entry.note_id, number)
        if other != number:
            raise _restore(f"note id {entry.note_id} is also given on line {other}", path, number)
        entries[entry.key] = entry
    _check_id_spacing(ids, path)
    if deck_id is not None and recorded is not None and recorded != deck_id:
        raise LockError(
            f"this lock belongs to deck id {recorded}, not to this deck ({deck_id}); restore "
            "this deck's lock from version control, or delete the file to start afresh",
            path,
        )
    return Lock(entries, recorded)


def _lines(text: str) -> Iterator[str]:
    """The text's lines, one at a time (a list of a large lock's lines would hold a second copy
    of it); a line may end in CRLF, as a checkout on Windows may write it."""
    start, end = 0, len(text)
    while start < end:
        stop = text.find("\n", start)
        if stop < 0:
            stop = end
        yield text[start : stop - 1 if stop > start and text[stop - 1] == "\r" else stop]
        start = stop + 1


_GOOD_LINE = re.compile(
    r"([^\t]*\S[^\t]*)\t(" + _GUID.pattern + r")\t([1-9][0-9]{0,15})\t([0-9]{1,10})\t"
    r"([0-9a-f]{16})\t(active|removed)"
)
"""A well-formed lock line, matched in one call (a lock has a line per note); only a line that
does not match is taken apart to say what is wrong with it."""


def _entry(line: str, path: Path | None, number: int, latest: int) -> LockEntry:
    good = _GOOD_LINE.fullmatch(line)
    if good is not None:
        key, guid, note_id, mtime, digest, status = good.groups()
        if int(note_id) <= MAX_NOTE_ID and int(mtime) <= min(latest, MAX_TIME):
            return LockEntry(key, guid, int(note_id), int(mtime), digest, status == "removed")
    parts = line.split("\t")
    if len(parts) != 6:
        raise _restore("malformed lock line (want 6 tab-separated fields)", path, number)
    key, guid, note_id, mtime, digest, status = parts
    if not key.strip():
        raise _restore("a line has an empty key", path, number)
    if _GUID.fullmatch(guid) is None:
        raise _restore(f"GUID {guid[:30]!r} is not an Anki GUID", path, number)
    if not (note_id.isascii() and note_id.isdigit() and 0 < int(note_id) <= MAX_NOTE_ID):
        raise _restore(f"note id {note_id[:30]!r} is not a note id Anki accepts", path, number)
    if not (mtime.isascii() and mtime.isdigit() and int(mtime) <= MAX_TIME):
        raise _restore(f"time {mtime[:30]!r} is not a time Anki accepts", path, number)
    if int(mtime) > latest:
        raise _restore(
            f"time {mtime} is in the future; later releases would look older to Anki",
            path,
            number,
        )
    if _DIGEST.fullmatch(digest) is None:
        raise _restore(f"content hash {digest[:30]!r} is not 16 hex digits", path, number)
    if status not in ("active", "removed"):
        raise LockError(f"unknown status {status!r}: use active or removed", path, number)
    return LockEntry(key, guid, int(note_id), int(mtime), digest, status == "removed")


def _check_id_spacing(ids: dict[int, int], path: Path | None) -> None:
    """Note ids at least ID_STEP apart: a note's cards take the ids just after its own."""
    ordered = sorted(ids)
    for low, high in itertools.pairwise(ordered):
        if high - low < ID_STEP:
            raise _restore(
                f"note id {high} is within {ID_STEP} of note id {low} (line {ids[low]}), so "
                "their cards' ids would clash",
                path,
                ids[high],
            )


def _restore(problem: str, path: Path | None, line: int) -> LockError:
    return LockError(
        f"{problem}; restore the lock from version control rather than editing it by hand",
        path,
        line,
    )


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
    new_keys = [(key, digest) for key, digest in notes if key not in entries]
    gone = [e for e in entries.values() if e.key not in current and not e.removed]
    renames = _match_same_content(new_keys, gone) if new_keys and gone else []
    for rename in renames:  # a pin added to a note, a section renamed: same note, new key
        old = entries.pop(rename.old_key)
        entries[rename.new_key] = old._replace(key=rename.new_key)
    if rename_matching:
        reworded = _match_rewordings(
            [key for key, _ in notes if key not in entries or entries[key].removed],
            [e.key for e in entries.values() if e.key not in current and not e.removed],
        )
        for rename in reworded:
            old = entries.pop(rename.old_key)
            entries[rename.new_key] = old._replace(key=rename.new_key, digest="")
        renames += reworded
    next_id = max([now * 1000, *(e.note_id + ID_STEP for e in entries.values())])
    owners = {e.guid: e.key for e in entries.values()}
    stamps: list[LockEntry] = []
    added, changed = [], []
    for key, digest in notes:
        entry = entries.get(key)
        if entry is None:
            guid = new_guid(key)
            owner = entries.get(owners.get(guid, ""))
            if owner is not None and owner.key not in current:
                # The key's own note, carried off under another key (a pin, a rewording) that
                # is gone now: the key takes it back, as one changed note.
                del entries[owner.key]
                entry = owner._replace(key=key, mtime=max(now, owner.mtime + 1), digest=digest,
                                       removed=False)  # fmt: skip
                changed.append(key)
            else:
                salt = 0
                while guid in owners:  # a reworded note that stays holds this key's GUID
                    salt += 1
                    guid = new_guid(f"{key}\t{salt}")
                entry = LockEntry(key, guid, next_id, now, digest)
                next_id += ID_STEP
                added.append(key)
            entries[key] = entry
            owners[guid] = key
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


def _match_same_content(new: list[tuple[str, str]], gone: list[LockEntry]) -> list[Rename]:
    """Pair each new key with a vanished key of the same rule whose note had the very same
    content: the note is unchanged, only its key moved (a `{#id}` pin added, a heading above it
    renamed). Each vanished note is adopted once, the first new key in deck order first."""
    by_content: dict[tuple[str, str], list[str]] = {}
    for entry in sorted(gone, key=lambda e: e.key):
        by_content.setdefault((_rule(entry.key), entry.digest), []).append(entry.key)
    renames = []
    for key, digest in new:
        candidates = by_content.get((_rule(key), digest))
        if candidates:
            renames.append(Rename(candidates.pop(0), key, 1.0))
    return renames


def _rule(key: str) -> str:
    return key.split(" | ", 1)[0]


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
    differing = [
        (a, b)
        for a, b in zip(new_parts, old_parts, strict=True)
        if a != b and unescape(a) != unescape(b)  # "&beta;-blockers" as a release before wrote it
    ]
    if not differing:
        return 1.0  # the same key with its headings' entities decoded, as headings now are
    if len(differing) != 1:
        return 0.0
    a, b = differing[0]
    import difflib  # only when a key is new and another vanished

    return difflib.SequenceMatcher(None, a, b).ratio()
