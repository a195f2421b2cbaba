"""A grading scale written in one line becomes a cloze note, one cloze per grade.

Exam notes write a scale as numbered grades in a row, in a bracket after a heading (`### Reflex
(0 none, 1 low, 2 normal, 3 high, and 4 clonus.)`) or as a paragraph of its own (`(0 none, 1
flicker, …, 5 normal.)`). No rule read them: the heading's scale was only ever the subject of
other cards, the paragraph gave nothing. Three grades or more, numbered on from 0 or 1, each a
few words, are one note: "Reflex in <topic> — grades: 0 {{c1::none}}, 1 {{c2::low}}, …". A
heading's scale is left out of the card's source line and context, which would show it.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Paragraph, Section
from ..notes import Note, deletion, literal, make_key
from ..text import heading_text, lower_first, plain
from .context import Context, context_line

MIN_GRADES = 3
MAX_GRADES = 11
MAX_GRADE_WORDS = 6


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    titled = _TITLED.match(heading_text(section.title)) if section.title.endswith(")") else None
    if titled is not None:
        grades = grades_of(titled.group("scale"))
        if grades is not None:
            name = titled.group("name").strip()
            path = (*section.path[:-1], name)
            note = _note(grades, ctx.situate(name), name, replace(section, path=path), ctx)
            notes.append(replace(note, context=context_line(path)))
    lead = ""
    for block in section.blocks:
        if not isinstance(block, Paragraph) or not block.text.lstrip("(")[:1].isdigit():
            lead = _lead(block)
            continue  # a cheap look: a scale opens on its first grade
        grades = grades_of(plain(block.text).strip().removeprefix("(").rstrip(".)"))
        if grades is not None:
            about = (
                f"{ctx.heading(section)} — {lower_first(lead)}" if lead else ctx.heading(section)
            )
            name = lead or "grades"
            note = _note(grades, about, name, section, ctx, block.line)
            if any(known.key == note.key for known in notes):  # two scales alike: their words
                words = " ".join(meaning for _, meaning in grades)
                note = replace(note, key=make_key("scale", section.path, f"{name} {words}"))
            notes.append(note)
        lead = ""
    return notes


def _lead(block: object) -> str:
    """The name a label line above a scale gives it (`Power:` over `0 none, 1 flicker, …`)."""
    if not isinstance(block, Paragraph) or "\n" in block.text.strip():
        return ""
    text = plain(block.text).strip()
    return text[:-1].strip() if text.endswith(":") and len(text.split()) <= MAX_GRADE_WORDS else ""


def _note(
    grades: list[tuple[str, str]],
    about: str,
    name: str,
    section: Section,
    ctx: Context,
    line: int | None = None,
) -> Note:
    shown = ", ".join(
        f"{grade} {deletion(number, meaning)}" for number, (grade, meaning) in enumerate(grades, 1)
    )
    front = f"{literal(about)} — grades: {shown}"
    key = make_key("scale", section.path, f"{name} {grades[0][0]}-{grades[-1][0]}")
    return ctx.note("scale", "cloze", front, "", key, section, line or section.line)


_WORDED = re.compile(r"[^\W\d_]{3}")
_TITLED = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<scale>[^()]+)\)\s*$")
_GRADE = re.compile(
    r"^(?:and\s+|or\s+)?(?P<grade>\d{1,2})\s*(?:=|:|-|–)?\s*(?P<meaning>[^\d\s].*)$"
)


_COUNTED = frozenset(
    """
    second seconds minute minutes min mins hour hours hr hrs day days week weeks month months year
    years time times dose doses tablet tablets tab tabs puff puffs drop drops unit units
    """.split()
)
"""Words a number counts ("2 weeks", "3 tablets"): a count, never a grade's meaning."""


def grades_of(text: str) -> list[tuple[str, str]] | None:
    """The (grade, meaning) pairs of a scale written in a row ("0 none, 1 low, and 2 normal."),
    or None when the text is not one: fewer than three grades, not numbered on from 0 or 1, a
    meaning of more than a few words, meanings that repeat or are no words (units)."""
    parts = [part.strip() for part in text.strip().rstrip(".").split(",")]
    if not MIN_GRADES <= len(parts) <= MAX_GRADES:
        return None
    found = [_GRADE.match(part) for part in parts]
    grades = [(one.group("grade"), one.group("meaning").strip()) for one in found if one]
    if len(grades) < len(parts) or grades[0][0] not in ("0", "1"):
        return None
    first = int(grades[0][0])
    if any(int(grade) != first + number for number, (grade, _) in enumerate(grades)):
        return None
    meanings = [meaning.lower() for _, meaning in grades]
    if any(meaning.split()[0].rstrip(".,") in _COUNTED for meaning in meanings):
        return None  # "1 week, 2 weeks later, 3 months after": a timeline, not grades
    if len(set(meanings)) < len(meanings) or not all(map(_WORDED.search, meanings)):
        return None  # "(1 g, 2 g, 3 g)": doses, not grades
    if any(len(meaning.split()) > MAX_GRADE_WORDS for meaning in meanings):
        return None
    return grades
