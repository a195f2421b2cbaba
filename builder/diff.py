"""What changed between two releases of a deck: notes added, removed and changed, for release notes.

Reads two .apkg files with the standard library only (zipfile + sqlite3, read-only) and matches
notes by GUID, as Anki does on import. A note is *changed* when a field or its tags differ; a
note whose cards sit in another deck in the new package is not, because Anki leaves an updated
note's cards in the deck they are in (docs/anki-import.md §6).

`format_diff` renders the result as text (for the developer), JSON (for scripts, stable keys) or
Markdown (release notes for students).
"""

from __future__ import annotations

import html
import json
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from .errors import InputError
from .notes import DELETION

Format = Literal["text", "json", "markdown"]

SHORT = 100
"""About how many characters of a front or a changed field the text and Markdown formats show."""

_COLLECTIONS = ("collection.anki21", "collection.anki2")
"""Inside an .apkg, in order of preference: newer Anki exports carry both, the .anki2 a stub."""


@dataclass(frozen=True, slots=True)
class NoteSummary:
    guid: str
    note_type: str
    deck: str
    """Full deck name of the note's first card, 'Deck::Subdeck' ('' if it has no cards)."""
    fields: dict[str, str]
    """Field name -> HTML value, in the note type's field order."""
    tags: tuple[str, ...]
    cards: int = 0
    """How many cards the package holds of the note."""

    @property
    def front(self) -> str:
        """The first field's HTML ('' for a note without fields)."""
        return next(iter(self.fields.values()), "")


@dataclass(frozen=True, slots=True)
class FieldChange:
    field: str
    old: str
    new: str
    """HTML values; a field missing on one side (note type changed) counts as ''."""


@dataclass(frozen=True, slots=True)
class ChangedNote:
    guid: str
    note_type: str
    deck: str
    changes: tuple[FieldChange, ...]
    tags_added: tuple[str, ...]
    tags_removed: tuple[str, ...]
    front: str = ""
    """The new first field's HTML, to name the note in listings."""


@dataclass(frozen=True, slots=True)
class PackageDiff:
    added: tuple[NoteSummary, ...]
    removed: tuple[NoteSummary, ...]
    changed: tuple[ChangedNote, ...]
    unchanged: int

    def summary(self) -> str:
        return (
            f"{len(self.added)} added, {len(self.removed)} removed, "
            f"{len(self.changed)} changed, {self.unchanged} unchanged"
        )


# -- reading ---------------------------------------------------------------------------------


def read_package(path: str | Path) -> dict[str, NoteSummary]:
    """Every note of an .apkg by GUID. Raises InputError for a file that is not a readable deck."""
    path = Path(path)
    if not path.exists():
        raise InputError("file not found; name an .apkg file", path)
    if not path.is_file():
        raise InputError("not a file; name an .apkg file", path)
    try:
        with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory() as folder:
            names = set(archive.namelist())
            member = next((name for name in _COLLECTIONS if name in names), None)
            if member is None:
                if "collection.anki21b" in names:
                    raise InputError(
                        "this package uses Anki's newest format (collection.anki21b), which "
                        "cannot be read; export it again with 'Support older Anki versions' ticked",
                        path,
                    )
                raise InputError("no Anki collection inside; is this an .apkg file?", path)
            database = Path(archive.extract(member, folder))
            return _read_collection(database, path)
    except zipfile.BadZipFile as exc:
        raise InputError("not an .apkg file (not a zip archive)", path) from exc
    except OSError as exc:
        raise InputError(f"cannot read package: {exc.strerror or exc}", path) from exc


def _read_collection(database: Path, package: Path) -> dict[str, NoteSummary]:
    try:
        connection = sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise InputError(f"cannot open the collection inside: {exc}", package) from exc
    try:
        models, decks = _models_and_decks(connection, package)
        deck_of: dict[int, str] = {}
        cards: dict[int, int] = {}
        for note_id, deck_id in connection.execute(
            "SELECT nid, did FROM cards ORDER BY nid, ord, id"
        ):
            deck_of.setdefault(note_id, decks.get(deck_id, ""))
            cards[note_id] = cards.get(note_id, 0) + 1
        notes: dict[str, NoteSummary] = {}
        for note_id, guid, model_id, tags, flds in connection.execute(
            "SELECT id, guid, mid, tags, flds FROM notes ORDER BY id"
        ):
            name, field_names = models.get(model_id, (f"unknown note type {model_id}", []))
            values = str(flds).split("\x1f")
            names = field_names + [
                f"Field {number}" for number in range(len(field_names) + 1, len(values) + 1)
            ]
            notes[str(guid)] = NoteSummary(
                guid=str(guid),
                note_type=name,
                deck=deck_of.get(note_id, ""),
                fields={field: value for field, value in zip(names, values, strict=False)},
                tags=tuple(str(tags).split()),
                cards=cards.get(note_id, 0),
            )
        return notes
    except sqlite3.Error as exc:
        raise InputError(f"the collection inside cannot be read: {exc}", package) from exc
    finally:
        connection.close()


def _models_and_decks(
    connection: sqlite3.Connection, package: Path
) -> tuple[dict[int, tuple[str, list[str]]], dict[int, str]]:
    """Note type id -> (name, field names in order), and deck id -> full name, from `col`."""
    row = connection.execute("SELECT models, decks FROM col").fetchone()
    if row is None:
        raise InputError("the collection inside has no `col` row", package)
    try:
        raw_models: dict[str, Any] = json.loads(row[0] or "{}")
        raw_decks: dict[str, Any] = json.loads(row[1] or "{}")
        models = {
            int(model_id): (
                str(model["name"]),
                [
                    str(field["name"])
                    for field in sorted(model["flds"], key=lambda field: int(field["ord"]))
                ],
            )
            for model_id, model in raw_models.items()
        }
        decks = {int(deck_id): str(deck["name"]) for deck_id, deck in raw_decks.items()}
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(
            "the collection's note types or decks are not valid JSON", package
        ) from exc
    return models, decks


# -- comparing -------------------------------------------------------------------------------


def diff_packages(old: str | Path, new: str | Path) -> PackageDiff:
    """Notes of `new` not in `old` (added), of `old` not in `new` (removed), and those in both
    whose fields or tags differ (changed), matched by GUID."""
    before = read_package(old)
    after = read_package(new)
    added = [after[guid] for guid in after.keys() - before.keys()]
    removed = [before[guid] for guid in before.keys() - after.keys()]
    changed: list[ChangedNote] = []
    unchanged = 0
    for guid in before.keys() & after.keys():
        change = _compare(before[guid], after[guid])
        if change is None:
            unchanged += 1
        else:
            changed.append(change)
    return PackageDiff(
        added=tuple(sorted(added, key=_note_order)),
        removed=tuple(sorted(removed, key=_note_order)),
        changed=tuple(sorted(changed, key=_note_order)),
        unchanged=unchanged,
    )


def _compare(old: NoteSummary, new: NoteSummary) -> ChangedNote | None:
    names = list(dict.fromkeys([*new.fields, *old.fields]))
    changes = tuple(
        FieldChange(name, old.fields.get(name, ""), new.fields.get(name, ""))
        for name in names
        if old.fields.get(name, "") != new.fields.get(name, "")
    )
    tags_added = tuple(sorted(set(new.tags) - set(old.tags)))
    tags_removed = tuple(sorted(set(old.tags) - set(new.tags)))
    if not changes and not tags_added and not tags_removed:
        return None
    return ChangedNote(
        guid=new.guid,
        note_type=new.note_type,
        deck=new.deck,
        changes=changes,
        tags_added=tags_added,
        tags_removed=tags_removed,
        front=new.front,
    )


def _note_order(note: NoteSummary | ChangedNote) -> tuple[str, str, str]:
    return (note.deck.casefold(), plain_text(note.front).casefold(), note.guid)


# -- plain text ------------------------------------------------------------------------------

_BREAKS = re.compile(
    r"<\s*(br|hr|/?(p|div|li|ul|ol|tr|td|th|table|h[1-6]|blockquote|pre|dt|dd))\b[^>]*>",
    re.IGNORECASE,
)
_TAGS = re.compile(r"<[^>]*>")


def plain_text(value: str) -> str:
    """A field's HTML as one line of text: tags dropped, entities decoded, spaces collapsed."""
    text = _TAGS.sub("", _BREAKS.sub(" ", value))
    return " ".join(html.unescape(text).split())


def shorten(text: str, width: int = SHORT) -> str:
    """`text` cut at a word boundary to about `width` characters, with '…' where it was cut."""
    if len(text) <= width:
        return text
    cut = text[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"


def label(front: str, width: int = SHORT) -> str:
    """How a note is named in listings: its first field as short plain text, clozes revealed."""
    text = plain_text(DELETION.sub(r"\1", front))
    return shorten(text, width) if text else "(empty)"


def _excerpts(old: str, new: str, width: int = SHORT) -> tuple[str, str]:
    """Old and new plain text shortened around where they first differ, so the change shows."""
    old_text, new_text = plain_text(old), plain_text(new)
    if old_text == new_text:
        return shorten(old_text, width), shorten(new_text, width)
    common = 0
    for old_char, new_char in zip(old_text, new_text, strict=False):
        if old_char != new_char:
            break
        common += 1
    start = 0
    if common > width // 2:
        start = old_text.rfind(" ", 0, common - width // 4) + 1
    lead = "…" if start else ""
    return (
        lead + shorten(old_text[start:], width),
        lead + shorten(new_text[start:], width),
    )


def _subdeck(deck: str) -> str:
    """'Deck::Sub::Part' -> 'Sub::Part'; a top-level deck stays as it is."""
    return deck.split("::", 1)[1] if "::" in deck else deck


# -- formats ---------------------------------------------------------------------------------


def format_diff(diff: PackageDiff, fmt: Format) -> str:
    """The diff as text, JSON or Markdown; every format ends with a newline."""
    if fmt == "text":
        return _text(diff)
    if fmt == "json":
        return _json(diff)
    if fmt == "markdown":
        return _markdown(diff)
    raise ValueError(f"unknown format {fmt!r}; use text, json or markdown")


def _text(diff: PackageDiff) -> str:
    lines = [diff.summary()]
    sections: list[tuple[str, Iterable[NoteSummary | ChangedNote], str]] = [
        ("Added", diff.added, "+"),
        ("Removed", diff.removed, "-"),
        ("Changed", diff.changed, "~"),
    ]
    for title, notes, mark in sections:
        notes = list(notes)
        if not notes:
            continue
        lines += ["", f"{title} ({len(notes)}):"]
        for note in notes:
            lines.append(f"  {mark} [{_subdeck(note.deck)}] {label(note.front)}")
            if isinstance(note, ChangedNote):
                lines += _text_changes(note)
    return "\n".join(lines) + "\n"


def _text_changes(note: ChangedNote) -> list[str]:
    lines = []
    for change in note.changes:
        old, new = _excerpts(change.old, change.new)
        if old == new:
            lines.append(f"      {change.field}: HTML changed, text the same")
        else:
            lines.append(f"      {change.field}: {json.dumps(old, ensure_ascii=False)}")
            lines.append(
                f"      {' ' * len(change.field)}  -> {json.dumps(new, ensure_ascii=False)}"
            )
    tags = [f"+{tag}" for tag in note.tags_added] + [f"-{tag}" for tag in note.tags_removed]
    if tags:
        lines.append(f"      tags: {' '.join(tags)}")
    return lines


def _json(diff: PackageDiff) -> str:
    """Full HTML values, plus `front` as plain text; the same keys every time, in one order."""

    def summary(note: NoteSummary) -> dict[str, Any]:
        return {
            "guid": note.guid,
            "note_type": note.note_type,
            "deck": note.deck,
            "front": label(note.front, width=10**9),
            "fields": note.fields,
            "tags": list(note.tags),
        }

    def changed(note: ChangedNote) -> dict[str, Any]:
        return {
            "guid": note.guid,
            "note_type": note.note_type,
            "deck": note.deck,
            "front": label(note.front, width=10**9),
            "changes": [
                {"field": change.field, "old": change.old, "new": change.new}
                for change in note.changes
            ],
            "tags_added": list(note.tags_added),
            "tags_removed": list(note.tags_removed),
        }

    data = {
        "summary": {
            "added": len(diff.added),
            "removed": len(diff.removed),
            "changed": len(diff.changed),
            "unchanged": diff.unchanged,
        },
        "added": [summary(note) for note in diff.added],
        "removed": [summary(note) for note in diff.removed],
        "changed": [changed(note) for note in diff.changed],
    }
    # Keys in the fixed order written above (not sorted), so `fields` keep the note type's order.
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")


def contents_markdown(notes: dict[str, NoteSummary]) -> str:
    """A package's subdecks with their notes and cards, as a Markdown table: in Anki's order (by
    name, ignoring case), a note counted in the subdeck of its first card."""
    counts: dict[str, tuple[int, int]] = {}
    for note in notes.values():
        subdeck = _subdeck(note.deck)
        had, cards = counts.get(subdeck, (0, 0))
        counts[subdeck] = (had + 1, cards + note.cards)
    ordered = sorted(counts.items(), key=lambda item: item[0].casefold())
    rows = [f"| {_md(name)} | {n} | {c} |" for name, (n, c) in ordered]
    return "\n".join(["| Subdeck | Notes | Cards |", "|---|--:|--:|", *rows])


def _md(text: str) -> str:
    """Plain text safe inside a Markdown paragraph or bullet."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _code(text: str) -> str:
    """`text` as a Markdown code span, whatever backticks it holds."""
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def anki_search(deck: str) -> str:
    """The Browse search for our notes in `deck` (and its subdecks), escaped as Anki wants:
    backslash, double quote, and the wildcards * and _ (checked against anki 26.9.3)."""
    escaped = re.sub(r'([\\"*_])', r"\\\1", deck)
    return f'"deck:{escaped}" note:"deckbuilder*"'


def _markdown(diff: PackageDiff) -> str:
    if not (diff.added or diff.changed or diff.removed):
        return "No notes were added, changed or removed in this release.\n"

    def bullet(note: NoteSummary | ChangedNote) -> str:
        return f"- **{_md(_subdeck(note.deck))}**: {_md(label(note.front))}"

    parts: list[str] = []
    if diff.added:
        parts.append("## Added\n\n" + "\n".join(bullet(note) for note in diff.added))
    if diff.changed:
        lines = []
        for note in diff.changed:
            what = [change.field for change in note.changes]
            if note.tags_added or note.tags_removed:
                what.append("tags")
            lines.append(f"{bullet(note)} _({_md(', '.join(what))} updated)_")
        parts.append("## Changed\n\n" + "\n".join(lines))
    if diff.removed:
        decks = sorted({note.deck.split("::", 1)[0] for note in diff.removed if note.deck})
        searches = " or ".join(_code(anki_search(deck)) for deck in decks) or _code(
            'note:"deckbuilder*"'
        )
        explanation = (
            "Importing this release does not delete anything: Anki keeps these notes in your "
            "collection untouched, with their review history. To find them, open **Browse** "
            f"and search for {searches}, then look for the fronts listed above, or search for "
            "a few words of a front. Whether to delete them (or suspend them) is your choice."
        )
        parts.append(
            "## Removed\n\n"
            + "\n".join(bullet(note) for note in diff.removed)
            + "\n\n"
            + explanation
        )
    return "\n\n".join(parts) + "\n"
