"""Note listings for `deckbuilder cards`: a table to read, JSON for scripts, CSV for Anki.

The CSV stands alone: it uses Anki's stock note types (Basic: Front/Back; Cloze: Text/Back Extra),
which every collection has, with our context line folded into the front and the source into the
back, and Anki's own text-import headers, so it imports as it is into any collection. Its GUIDs
are the package's: importing a newer CSV updates its notes in place (docs/manifest.md).
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


CSV_NOTE_TYPES = {"basic": "Basic", "cloze": "Cloze"}
"""Our note types -> Anki's stock ones, by the English names a collection gives them."""

CSV_HEADER = (
    "#separator:tab\n#html:true\n#notetype column:1\n#deck column:2\n#tags column:5\n"
    "#guid column:6\n#columns:Note type\tDeck\tFront or Text\tBack or Back Extra\tTags\tGUID\n"
)
"""Anki's text-import file headers: every column's meaning, so the import dialog needs no
choices. #separator comes first: Anki reads #columns with the separator it has by then. The
GUID is not the first column: Anki skips a line starting with '#', a GUID's possible first
character."""


def csv_fields(packaged: PackagedNote) -> tuple[str, str]:
    """A note's four fields folded into a stock note type's two: the context line above the
    question, the source line under the answer (or the cloze's Back Extra)."""
    front, back, context, source = packaged.fields.values()
    if context:
        front = f"<small>{context}</small><br>{front}"
    source = f"<small>{source}</small>"
    return front, f"{back}<br><br>{source}" if back else source


def _csv(notes: list[PackagedNote]) -> str:
    out = io.StringIO()
    out.write(CSV_HEADER)
    writer = csv.writer(out, delimiter="\t", lineterminator="\n")
    for packaged in notes:
        note = packaged.note
        writer.writerow(
            [
                CSV_NOTE_TYPES[note.note_type],
                packaged.deck,
                *csv_fields(packaged),
                " ".join(note.tags),
                packaged.stamp.guid,
            ]
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
