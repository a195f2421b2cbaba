"""What a hostile case is: a small project, one command, and what the user must see.

A case starts from `PROJECT` (a manifest `decks/deck.toml` whose one subdeck takes every section
of `source/doc.md`), adds or replaces files, runs one `deckbuilder` command and states the exit
status, the one error line or the warnings, and what Anki must show. tests/test_hostile.py runs
every case in tests/hostile/cases.py and checks, besides what the case states: no traceback; a
failed command leaves every file byte for byte as it was and adds none; and a package that was
built imports into the real Anki backend with no broken card (tests/ankiutil.broken_cards).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

MANIFEST = """title = "Hostile"
id = 1234567890
sources = ["../source/doc.md"]

[[subdeck]]
name = "All"
sections = ["*"]
"""
DOC = """# Asthma

## FAQ

### How is asthma diagnosed?

Spirometry before and after a bronchodilator.

## Triggers

| Trigger | Example |
|---|---|
| Allergen | House dust mite |
| Irritant | Cigarette smoke |
"""
PROJECT: dict[str, str | bytes] = {"decks/deck.toml": MANIFEST, "source/doc.md": DOC}
BUILD = ("build", "decks/deck.toml")

Files = dict[str, "str | bytes | None"]
"""Path (relative to the project) -> text, bytes, or None to leave the file out."""


@dataclass(frozen=True, slots=True)
class Case:
    name: str
    """What the case is, as a test id."""
    item: int | None
    """The defect of issue 15 it reproduces (1-20), None for a case of our own."""
    files: Files = field(default_factory=dict)
    """Files over `PROJECT`."""
    args: tuple[str, ...] = BUILD
    exit: int = 0
    error: str = ""
    """Text the one `error:` line holds (when `exit` is not 0)."""
    says: tuple[str, ...] = ()
    """Text the output holds (warnings, the lock's summary)."""
    before: tuple[tuple[str, ...], ...] = ()
    """Commands run first, each of which must succeed (a build that shipped a deck)."""
    then: Files = field(default_factory=dict)
    """Files changed after `before` (the edit the case is about)."""
    setup: Callable[[Path], None] | None = None
    """Makes what files cannot say (a pipe, a symlink, a generated file), given the project;
    run after `before` and `then`."""
    env: dict[str, str] = field(default_factory=dict)
    limits: dict[str, int] = field(default_factory=dict)
    """Module attributes (`module.NAME`) lowered for the case: a size limit proved small."""
    fails_with: Callable[[], object] | None = None
    """A context manager in force during the command (a full disk, a build already running)."""
    shows: tuple[str, ...] = ()
    """Text some card shows a student (word joiners left out, entities decoded)."""
    same_guids: bool = False
    """The lock's GUIDs after the command are those before it (no note lost its history)."""
    gone: tuple[str, ...] = ()
    """Files the command must remove."""
    remote_images: bool = False
    """The package may show remote images (the manifest allows them)."""
    errors: int = 1
    """How many `error:` lines (a manifest reports every problem at once)."""
