"""Notes as plain values: what a rule makes of a fact, before any HTML or identity.

The words are genanki's and Anki's: a rule makes a `Note`; Anki makes cards from it (one from a
Basic note, one per cloze number from a Cloze note). A note holds Markdown, not HTML, and no
genanki object: its fields are rendered later (render.py) and its identity (GUID, ids, times) is
derived at the edge (lock.py, anki.py) from `Note.key`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from .text import normalise

NoteType = Literal["basic", "cloze"]

FIELDS: dict[NoteType, tuple[str, ...]] = {
    "basic": ("Front", "Back", "Context", "Source"),
    "cloze": ("Text", "Extra", "Context", "Source"),
}
"""Each note type's fields by name, in Anki's order. The first is the sort field; the third
(Context) and fourth (Source) are escaped text, the first two rendered Markdown."""


@dataclass(frozen=True, slots=True)
class Source:
    """Where a note's fact came from: shown on the back, cited by lint messages."""

    path: str
    """The source file: from the repository root for decks/*.toml, else from the manifest."""
    document: str
    """The document's title."""
    section: tuple[str, ...]
    """Heading path of the section the fact sits in."""
    line: int

    def __reduce__(self) -> tuple[type[Source], tuple[object, ...]]:
        """Pickled as its constructor's arguments, as `Note` is."""
        return Source, (self.path, self.document, self.section, self.line)


@dataclass(frozen=True, slots=True)
class Note:
    """One Anki note as a rule makes it, placed in its subdeck with its tags."""

    rule: str
    """The extraction rule that made it (faq, table, definition, ...)."""
    note_type: NoteType
    front: str
    """Markdown: the Front field, or for a cloze note the Text with `{{c1::...}}` deletions."""
    back: str
    """Markdown: the Back field, or for a cloze note the optional Extra shown after the answer."""
    source: Source
    key: tuple[str, ...]
    """What identifies the note across releases: rule, section path or pin, and subject."""
    context: str = ""
    """A short line shown small above the question (the section path)."""
    subdeck: str = ""
    tags: tuple[str, ...] = ()

    def __reduce__(self) -> tuple[type[Note], tuple[object, ...]]:
        """Pickled as its constructor's arguments: a worker process sends a document's notes,
        and a slotted dataclass's own pickling looks its fields up for every note (slower)."""
        fields = (self.rule, self.note_type, self.front, self.back, self.source, self.key)
        return Note, (*fields, self.context, self.subdeck, self.tags)

    @property
    def cards(self) -> int:
        """How many cards Anki makes from this note."""
        return len(cloze_numbers(self.front)) if self.note_type == "cloze" else 1


_CLOZE = re.compile(r"{{c(\d+)::.+?}}", re.DOTALL)
DELETION = re.compile(r"\{\{c\d+::(.*?)(?:::[^}]*)?\}\}", re.DOTALL)
"""A cloze deletion, its answer the group (a hint after `::` left out): `DELETION.sub(r"\1", …)`
shows a Cloze note's text with every answer filled in."""
MAX_FIELD_CHARS = 10_000
"""Longest Markdown a card's side may hold: more does not fit a phone's screen, and Markdown's
link syntax costs time that grows with the square of a paragraph's length."""


def over_side_limit(text: str) -> bool:
    """Whether a Cloze text is over MAX_FIELD_CHARS even with every deletion's marks taken off:
    no card can show it, whatever deletions are left as text."""
    if len(text) <= MAX_FIELD_CHARS:
        return False
    marks = sum(
        len(m.group(0)) - len(m.group(2).split("::", 1)[0])  # a hint goes with its marks
        for m in NUMBERED_DELETION.finditer(text)
    )
    return len(text) - marks > MAX_FIELD_CHARS


NUMBERED_DELETION = re.compile(r"\{\{c(\d+)::(.*?)\}\}", re.DOTALL)
"""A cloze deletion with its card's number (group 1) and its text, a hint included (group 2)."""

WORD_JOINER = "\u2060"
"""An invisible character that joins nothing: put between two braces or colons of a text, it
keeps them from forming Anki's cloze syntax while they look the same on the card."""
_DOUBLED = re.compile(r"([{}:])(?=\1)")


def literal(text: str) -> str:
    """Source text to put into a Cloze note's Text as it is: `{{`, `}}` and `::` in it (a
    teacher's example of cloze syntax, a typo) never open, close or hint a deletion."""
    if "{{" not in text and "}}" not in text and "::" not in text:
        return text
    return _DOUBLED.sub(rf"\1{WORD_JOINER}", text)


def deletion(number: int, text: str) -> str:
    """`text` as the cloze deletion numbered `number`; the one way rules make a deletion."""
    inner = literal(text)
    if inner.endswith("}"):  # `a}` + `}}` would close the deletion one brace early
        inner += WORD_JOINER
    return f"{{{{c{number}::{inner}}}}}"


def cloze_numbers(text: str) -> list[int]:
    """The cloze numbers of a Cloze note's text that make a card (`{{c1::...}}` -> 1), sorted:
    the rule genanki and Anki apply."""
    return sorted({int(n) for n in _CLOZE.findall(text) if int(n) > 0})


def cloze(text: str, spans: list[tuple[int, int]], numbers: list[int] | None = None) -> str:
    """`text` with each (start, end) span made a cloze deletion, numbered c1, c2, ... in order
    (or by `numbers`, one per span: spans sharing a number are hidden on one card)."""
    out, last = [], 0
    for index, (start, end) in enumerate(spans):
        number = numbers[index] if numbers is not None else index + 1
        out.append(literal(text[last:start]) + deletion(number, text[start:end]))
        last = end
    return "".join(out) + literal(text[last:])


def make_key(
    rule: str, section: tuple[str, ...], subject: str, pin: str | None = None, *extra: str
) -> tuple[str, ...]:
    """A note key: a pin (written `{#id}` in the source) replaces section path and subject."""
    if pin:
        return (rule, "#" + pin, *extra)
    return (rule, *_normalised_path(section), normalise(subject), *extra)


@lru_cache(maxsize=1 << 12)
def _normalised_path(section: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(normalise(part) for part in section)


def key_text(key: tuple[str, ...]) -> str:
    """A key as the lock file and GUIDs spell it."""
    return " | ".join(key)
