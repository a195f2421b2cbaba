"""Card listings for `deckbuilder cards`: a table to read, JSON for scripts, CSV for Anki.

The CSV uses Anki's own text-import headers, so the file imports as it is (into a collection that
has our note types, e.g. after importing the deck once) and updates the same notes as the .apkg,
matched by GUID.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import textwrap
from typing import TYPE_CHECKING, Any

from .cards import plain

if TYPE_CHECKING:
    from .build import DeckPlan, Note


def note_record(note: Note) -> dict[str, Any]:
    """One note as stable, documented JSON fields (see docs/manifest.md, "Listing cards")."""
    card = note.card
    return {
        "guid": note.stamp.guid,
        "deck": note.deck,
        "subdeck": card.subdeck,
        "note_type": card.note_type,
        "rule": card.rule,
        "front": card.front,
        "back": card.back,
        "context": card.context,
        "tags": list(card.tags),
        "cards": card.anki_cards,
        "key": list(card.key),
        "source": {
            "path": card.source.path,
            "document": card.source.document,
            "section": list(card.source.section),
            "line": card.source.line,
        },
        "fields": note.fields,
    }


def format_notes(plan: DeckPlan, notes: list[Note], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([note_record(n) for n in notes], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(notes)
    return _table(notes)


def _csv(notes: list[Note]) -> str:
    from .anki import MODELS

    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n")
    out.write("#deck column:3\n#tags column:8\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for note in notes:
        model = MODELS[note.card.note_type]
        writer.writerow(
            [note.stamp.guid, model.name, note.deck, *note.fields, " ".join(note.card.tags)]
        )
    return out.getvalue()


def _table(notes: list[Note]) -> str:
    width = max(80, shutil.get_terminal_size((120, 24)).columns)
    front_width = max(30, (width - 40) * 3 // 5)
    back_width = max(20, width - 40 - front_width)
    lines = [f"{'SUBDECK':<22} {'RULE':<12} {'FRONT':<{front_width}} BACK"]
    for note in notes:
        card = note.card
        front = textwrap.shorten(plain(card.front.replace("\n", " ")), front_width, placeholder="…")
        back = textwrap.shorten(plain(card.back.replace("\n", " ")), back_width, placeholder="…")
        subdeck = textwrap.shorten(card.subdeck, 22, placeholder="…")
        lines.append(f"{subdeck:<22} {card.rule:<12} {front:<{front_width}} {back}")
    total = sum(n.card.anki_cards for n in notes)
    lines.append(f"{len(notes)} notes, {total} cards")
    return "\n".join(lines) + "\n"
