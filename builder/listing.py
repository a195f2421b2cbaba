"""Note listings for `deckbuilder cards`: a table to read, JSON for scripts, CSV for Anki.

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

from .text import plain

if TYPE_CHECKING:
    from .anki import PackagedNote


def note_record(packaged: PackagedNote) -> dict[str, Any]:
    """One note as stable, documented JSON fields (see docs/manifest.md, "Listing cards")."""
    note = packaged.note
    return {
        "guid": packaged.stamp.guid,
        "deck": packaged.deck,
        "subdeck": note.subdeck,
        "note_type": note.note_type,
        "rule": note.rule,
        "front": note.front,
        "back": note.back,
        "context": note.context,
        "tags": list(note.tags),
        "cards": note.cards,
        "key": list(note.key),
        "source": {
            "path": note.source.path,
            "document": note.source.document,
            "section": list(note.source.section),
            "line": note.source.line,
        },
        "fields": list(packaged.fields.values()),
    }


def format_notes(notes: list[PackagedNote], fmt: str) -> str:
    if fmt == "json":
        return json.dumps([note_record(n) for n in notes], ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        return _csv(notes)
    return _table(notes)


def _csv(notes: list[PackagedNote]) -> str:
    from .anki import MODELS

    out = io.StringIO()
    out.write("#separator:tab\n#html:true\n#guid column:1\n#notetype column:2\n")
    out.write("#deck column:3\n#tags column:8\n")
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for packaged in notes:
        note = packaged.note
        model = MODELS[note.note_type]
        fields = packaged.fields.values()
        writer.writerow(
            [packaged.stamp.guid, model.name, packaged.deck, *fields, " ".join(note.tags)]
        )
    return out.getvalue()


def _table(notes: list[PackagedNote]) -> str:
    width = max(80, shutil.get_terminal_size((120, 24)).columns)
    front_width = max(30, (width - 40) * 3 // 5)
    back_width = max(20, width - 40 - front_width)
    lines = [f"{'SUBDECK':<22} {'RULE':<12} {'FRONT':<{front_width}} BACK"]
    for packaged in notes:
        note = packaged.note
        front = textwrap.shorten(plain(note.front.replace("\n", " ")), front_width, placeholder="…")
        back = textwrap.shorten(plain(note.back.replace("\n", " ")), back_width, placeholder="…")
        subdeck = textwrap.shorten(note.subdeck, 22, placeholder="…")
        lines.append(f"{subdeck:<22} {note.rule:<12} {front:<{front_width}} {back}")
    total = sum(packaged.note.cards for packaged in notes)
    lines.append(f"{len(notes)} notes, {total} cards")
    return "\n".join(lines) + "\n"
