"""Helpers for tests that check generated .apkg files against the real Anki backend.

Plain functions (no pytest fixtures), written for the `anki` package from PyPI
(checked against 26.9.3). The behaviour they rely on is written up in
docs/anki-import.md.

Typical use::

    col = open_collection(tmp_path / "collection.anki2")
    log = import_apkg(col, "deck.apkg")
    assert len(log.new) == 3
    cards = rendered_cards(col)
    answer_all_cards(col)
    ...
    col.close()
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

# Note: import anki.collection before anki.cards (importing anki.cards first is circular).
from anki.collection import (
    Collection,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.import_export_pb2 import ImportAnkiPackageUpdateCondition, ImportResponse
from anki.scheduler.v3 import CardAnswer, Scheduler

StrPath = str | os.PathLike[str]

# Values of ImportAnkiPackageOptions.update_notes / .update_notetypes.
IF_NEWER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_IF_NEWER
ALWAYS = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_ALWAYS
NEVER = ImportAnkiPackageUpdateCondition.IMPORT_ANKI_PACKAGE_UPDATE_CONDITION_NEVER


def open_collection(path: StrPath) -> Collection:
    """Open (creating it if missing) a collection at `path`, e.g. tmp_path / "c.anki2".

    The caller should `col.close()` it when done.
    """
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    return Collection(os.fspath(path))


def desktop_default_options() -> ImportAnkiPackageOptions:
    """The options Anki desktop's import dialog shows for a fresh collection.

    The dialog is seeded from `import_presets(col)`; on a fresh collection those
    are all proto defaults: merge_notetypes=False, update_notes=IF_NEWER,
    update_notetypes=IF_NEWER, with_scheduling=False, with_deck_configs=False.
    """
    return ImportAnkiPackageOptions(
        merge_notetypes=False,
        update_notes=IF_NEWER,
        update_notetypes=IF_NEWER,
        with_scheduling=False,
        with_deck_configs=False,
    )


def import_presets(col: Collection) -> ImportAnkiPackageOptions:
    """What the desktop import dialog would show now: the options of the last import."""
    return col._backend.get_import_anki_package_presets()


def import_apkg(col: Collection, apkg_path: StrPath, **overrides: Any) -> ImportResponse.Log:
    """Import an .apkg with the desktop defaults and return the import log.

    Keyword arguments override single options, e.g.
    `import_apkg(col, p, update_notes=ALWAYS, merge_notetypes=True)`.
    Always starts from `desktop_default_options()` (not from the collection's
    presets, which every import overwrites), so calls do not affect each other.
    The log has repeated fields `new`, `updated`, `duplicate`, `conflicting`
    (entries: `.id.nid`, `.fields`) and `found_notes`.
    """
    options = desktop_default_options()
    for name, value in overrides.items():
        setattr(options, name, value)
    request = ImportAnkiPackageRequest(package_path=os.fspath(apkg_path), options=options)
    log = col.import_anki_package(request).log
    # The Python notetype cache is not invalidated by imports; stale entries
    # would give wrong field names / templates in note.items(), models.get().
    col.models._clear_cache()
    return log


def deck_names(col: Collection) -> list[str]:
    """All deck names (full `Parent::Child` form), sorted; includes "Default"."""
    return sorted(d.name for d in col.decks.all_names_and_ids())


def rendered_cards(col: Collection) -> list[dict[str, Any]]:
    """Every card in the collection, rendered, ordered by (note id, card ord).

    Keys: card_id, note_id, ord, deck, notetype, question, answer, css, tags,
    guid, note_mod, fields (dict name -> value), due, ivl, queue, type.
    `question`/`answer` are the rendered HTML without the `<style>` block
    (card.question() is "<style>{css}</style>" + question).
    """
    rows = []
    for cid in col.find_cards("", order="c.nid, c.ord"):
        card = col.get_card(cid)
        note = card.note()
        out = card.render_output(reload=True)
        rows.append(
            {
                "card_id": card.id,
                "note_id": note.id,
                "ord": card.ord,
                "deck": col.decks.name(card.did),
                "notetype": note.note_type()["name"],  # type: ignore[index]
                "question": out.question_text,
                "answer": out.answer_text,
                "css": out.css,
                "tags": list(note.tags),
                "guid": note.guid,
                "note_mod": note.mod,
                "fields": dict(note.items()),
                "due": card.due,
                "ivl": card.ivl,
                "queue": card.queue,
                "type": card.type,
            }
        )
    return rows


def answer_all_cards(col: Collection, rating: CardAnswer.Rating.V = CardAnswer.EASY) -> int:
    """Answer every card once with `rating` (default Easy), like a review would.

    Each answer updates the card's scheduling and adds one revlog row. Cards are
    answered directly by id, so deck daily limits do not apply. Returns the
    number of cards answered.
    """
    sched = col.sched
    assert isinstance(sched, Scheduler)  # the v3 scheduler
    cids = col.find_cards("", order="c.id")
    for cid in cids:
        card = col.get_card(cid)
        card.start_timer()
        states = col._backend.get_scheduling_states(cid)
        sched.answer_card(sched.build_answer(card=card, states=states, rating=rating))
    return len(cids)


def review_log(col: Collection) -> dict[int, list[dict[str, Any]]]:
    """Revlog rows grouped by card id, oldest first.

    Row keys: id (answer time in ms), ease (button 1-4), ivl, last_ivl, type.
    """
    assert col.db is not None, "collection is closed"
    logs: dict[int, list[dict[str, Any]]] = {}
    for rid, cid, ease, ivl, last_ivl, typ in col.db.all(
        "select id, cid, ease, ivl, lastIvl, type from revlog order by id"
    ):
        logs.setdefault(cid, []).append(
            {"id": rid, "ease": ease, "ivl": ivl, "last_ivl": last_ivl, "type": typ}
        )
    return logs


_BIDI = set("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c")
_SRC = re.compile(r'<img\b[^>]*?\bsrc="([^"]*)"', re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")


def broken_cards(col: Collection, remote_images: bool = False) -> list[str]:
    """What a student would find broken after importing: a card whose front is empty or
    carries Anki's cloze error ("No cloze N found on card"), a sound, TTS or LaTeX tag or a
    MathJax formula made from text, an image missing from the media folder (or fetched from
    another server), a deck name or tag holding HTML or direction overrides. [] when none."""
    import html

    problems = []
    media = Path(col.media.dir())
    for cid in col.find_cards("", order="c.nid, c.ord"):
        card = col.get_card(cid)
        out = card.render_output(reload=True)
        where = f"card {card.ord + 1} of note {card.nid}"
        front = html.unescape(_TAGS.sub("", out.question_text)).replace("\u2060", "").strip()
        if not front:
            problems.append(f"{where}: empty front")
        for side in (out.question_text, out.answer_text):
            if "found on card" in side or "cloze deletions" in side.lower():
                problems.append(f"{where}: Anki's cloze error: {side[:200]!r}")
            if "class=latex" in side or 'class="latex"' in side:
                problems.append(f"{where}: LaTeX made from text")
            if "\\(" in side or "\\[" in side:
                problems.append(f"{where}: MathJax made from text")
            for src in _SRC.findall(side):
                if "://" in src:
                    if not remote_images:
                        problems.append(f"{where}: remote image {src}")
                elif not (media / html.unescape(src)).is_file():
                    problems.append(f"{where}: missing media {src}")
        if out.question_av_tags or out.answer_av_tags:
            problems.append(f"{where}: sound or TTS tag {out.question_av_tags}")
    for deck in col.decks.all_names_and_ids():
        if set(deck.name) & _BIDI or "<" in deck.name or ">" in deck.name:
            problems.append(f"deck name {deck.name!r}")
    for tag in col.tags.all():
        if set(tag) & _BIDI or "<" in tag or ">" in tag:
            problems.append(f"tag {tag!r}")
    return problems


def card_texts(col: Collection) -> list[str]:
    """Every card's front and back as the student reads them: tags removed, entities decoded,
    word joiners (invisible) left out."""
    import html

    texts = []
    for card in rendered_cards(col):
        for side in (card["question"], card["answer"]):
            texts.append(html.unescape(_TAGS.sub(" ", side)).replace("\u2060", ""))
    return texts
