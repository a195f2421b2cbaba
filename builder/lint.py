"""Card lint for `deckbuilder check`: pure functions from a planned deck to a list of problems.

Each rule looks at the cards as Markdown (`Note.front` / `Note.back`), not at the rendered HTML,
and reports at the card's source line, so a teacher fixes the Markdown. `LINT_RULES` is the one
list of codes: `docs/lint-rules.md` documents each of them, and a test checks the two agree.
Errors are things a student must never see (forbidden text, an empty side, the same question
twice, the answer printed in the question); warnings are judgement calls a teacher makes.
"""

from __future__ import annotations

import bisect
import difflib
import json
import math
import re
import string
import unicodedata
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, Protocol

from .dialects import closed_bold, flowchart_steps, without_math
from .document import (
    MERGE_CONFLICT,
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RawBlock,
    Section,
    Table,
)
from .errors import ManifestError
from .kinds import course_label, heading_kind, only_links, skipped_kinds, text_kind
from .memory import TEXT_CACHE
from .notes import NUMBERED_DELETION, Note, over_side_limit
from .rules.definition import definition, is_instruction, is_numbering, is_worked_example
from .rules.enumeration import (
    MAX_LIST_ANSWER_ITEMS,
    MAX_LIST_ANSWER_WORDS,
    MAX_PARTED_ITEMS,
    MAX_STEPS,
    is_preparation,
    run_in_label,
)
from .rules.faq import answered_blocks, unanswered_items
from .rules.forms import has_placeholder, is_form_instruction
from .rules.leads import is_example
from .rules.prose_list import is_hedge
from .rules.short_lines import MAX_MEANING_WORDS
from .rules.table import SUBJECT_MAX_WORDS, unread_rows
from .text import (
    ARROW,
    CJK,
    content_words,
    heading_text,
    is_container_heading,
    is_generic_heading,
    is_relational,
    names_topic,
    placeholder,
    plain,
    single_spaced,
    states_a_figure,
)
from .text import words as words_of

if TYPE_CHECKING:
    from .manifest import Manifest
    from .routing import Route

Severity = Literal["error", "warning"]

LINT_RULES: dict[str, tuple[Severity, str]] = {
    "ANSWER-IN-FRONT": ("error", "the answer is printed in the question"),
    "BUILD-WARNING": (
        "warning",
        "the build warns about the source (a heading with no content, an image left out...)",
    ),
    "DANGLING-PRONOUN": (
        "warning",
        "the front starts with a pronoun (it, this, they...) and does not name the topic",
    ),
    "DUPLICATE-FRONT": ("error", "two notes ask the same question"),
    "MERGE-CONFLICT": (
        "error",
        "a source holds an unresolved git merge conflict: only its first side is carded",
    ),
    "EMPTY-FIELD": ("error", "an empty front or Basic back, or a cloze note without a deletion"),
    "FORBIDDEN-TEXT": ("error", "a field contains text the manifest's `forbid` list bans"),
    "FLATTENED-TABLE": (
        "warning",
        "a table or flowchart copied out of a PDF as lines of text, its columns interleaved line "
        "by line: no note reads it; rebuild it as a table or one list per row",
    ),
    "HINTED-CLOZE": (
        "warning",
        "a cloze deletion's own card shows its words elsewhere (another item, the rest of its "
        "line, a near spelling): the card gives its answer away",
    ),
    "LABEL-CLOZE": (
        "warning",
        "a cloze deletion is only a label (`{{c1::PE}}`, `{{c1::Aspirin:}}`) whose content is on "
        "the back, hides a facet's label with its content (`{{c1::Diagnosis (skin test)}}`), or "
        "hides a run-in label, a hedge or a passive verb (`{{c1::When}}:`, `{{c2::sometimes}}`): "
        "the card asks for the outline's word, not the fact",
    ),
    "LEFTOVER-MARKUP": (
        "error",
        "markup that did not render shows on a card (`**`, `[`, `](`, `[^1]`, `==`, `:icon:`, "
        "`{:...}`, `~2~`, `$_{x}$`, HTML, `&amp;amp;`, a stray `,.`)",
    ),
    "LINK-IN-FRONT": ("warning", "the question holds a link or a URL"),
    "LINK-ONLY": ("error", "a side, or a cloze deletion, is only a link or a URL"),
    "LIST-ON-BASIC": ("warning", "a Basic card's answer is a long list: make it a cloze note"),
    "LONG-ANSWER": (
        "warning",
        "an answer, a cloze deletion or a cloze note's extra too long to recall (or read) at once",
    ),
    "MIXED-CLOZE": (
        "warning",
        "a list cloze hides values beside shown labels and whole items alike: a whole item "
        "hidden has no cue",
    ),
    "NEAR-DUPLICATE-FRONT": ("warning", "two notes ask almost the same question"),
    "NO-SUBJECT": (
        "warning",
        "a sentence opens with what is done (`Contraindicated if …`) under a heading that names "
        "no thing (`Clinical pearls`): its subject was lost",
    ),
    "NO-NOTE": (
        "warning",
        "a list, a paragraph of `label: value` lines, a table row or a whole table in a content "
        "section gave no note; or a section gave none though its prose says what a thing is; or "
        "a paragraph of 80 words or more, labelled items or sentence items beside carded ones, "
        "or a term among sibling terms, gave none; or a section of loose one-line facts, or of "
        "three paragraphs and 150 words of prose or more, or one whose prose holds a figure or "
        "words marked in bold or as a highlight, gave none; or a section of 500 characters or "
        "more, written mostly as lines of one paragraph, gave one note or none",
    ),
    "NON-CONTENT": (
        "error",
        "a note comes from a non-content kind the deck skips (references, a disclaimer, a "
        "newsletter line...)",
    ),
    "QUIZ-SCAFFOLD": (
        "warning",
        "a quiz's lettered options are a card's whole answer, or an answer's letter alone is "
        "asked (`Answer: B?`): the question and its chosen option were not paired",
    ),
    "SENTENCE-CLOZE": ("warning", "a cloze deletion is a whole sentence or a long clause"),
    "SOURCE-NOT-FACT": (
        "warning",
        "a note asks about the document, its pages or its publishers (what a source mentions), "
        "not a fact",
    ),
}
"""Every rule: code -> (severity, one-line description)."""

MAX_CLOZE_WORDS = 25
"""Longest cloze deletion, in words (the manifest's `max_answer_words` applies when lower)."""
NEAR_DUPLICATE_RATIO = 0.92
"""difflib similarity of two normalised fronts from which they count as near-duplicates."""
MIN_ANSWER_CHARS = 3
"""Shorter answers ('No', 'CT') are not looked for in their front: they match by accident."""
PRONOUNS = frozenset(["it", "this", "these", "they", "those", "he", "she", "its", "their"])

_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]+|<img\b", re.IGNORECASE)
_IMAGE_MARKUP = re.compile(r"!\[[^\]]*\]\([^)]*\)")


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    code: str
    message: str
    severity: Literal["error", "warning"]


class _Packaged(Protocol):
    @property
    def note(self) -> Note: ...


class _Read(Protocol):
    @property
    def path(self) -> Path: ...

    @property
    def unasked(self) -> Sequence[tuple[str, int, str]]: ...


class _Plan(Protocol):
    """A planned deck (build.DeckPlan), as far as the lint reads it: the lint sits below the
    build, which runs it on `build --strict`."""

    @property
    def manifest(self) -> Manifest: ...

    @property
    def notes(self) -> Sequence[_Packaged]: ...

    @property
    def warnings(self) -> list[str]: ...

    @property
    def documents(self) -> Sequence[_Read]: ...


def check_plan(plan: _Plan) -> list[Problem]:
    """Every problem in a planned deck, sorted by path, line and code: the notes' and, so that
    `check` says what `build` says, the build's own warnings."""
    notes = [packaged.note for packaged in plan.notes]
    problems = check_notes(notes, plan.manifest)
    problems += [build_warning(text, plan.manifest) for text in plan.warnings]
    problems += silent_blocks(plan.documents)
    return sorted(problems, key=_sort_key)


_WARNING_LINE = re.compile(
    r"^(?P<path>.+?):(?:(?P<line>\d+):)? warning: (?P<message>.*)$", re.DOTALL
)


def build_warning(text: str, manifest: Manifest) -> Problem:
    """A build's `path:line: warning: message` as a problem at that line (the manifest's, at
    line 0, for one that names no line). An unresolved merge conflict is an error: half of
    the file is left out of the deck until the author resolves it."""
    found = _WARNING_LINE.match(text)
    if found is None:
        where = str(manifest.path or (manifest.sources[0] if manifest.sources else ""))
        return Problem(where, 0, "BUILD-WARNING", text.removeprefix("warning: "), "warning")
    line = int(found["line"] or 0)  # "the deck has no cards" names the file, not a line
    if found["message"].startswith(MERGE_CONFLICT):
        code = "MERGE-CONFLICT"
        return Problem(found["path"], line, code, found["message"], LINT_RULES[code][0])
    return Problem(found["path"], line, "BUILD-WARNING", found["message"], "warning")


def check_notes(notes: Sequence[Note], manifest: Manifest) -> list[Problem]:
    """Every problem in these cards (in deck order) under the manifest's limits and `forbid`."""
    forbidden = _forbid_patterns(manifest)
    problems: list[Problem] = []
    for note in notes:
        problems.extend(_check_note(note, manifest, forbidden))
    problems.extend(_check_duplicates(notes))
    problems.extend(_check_contexts(notes))
    return sorted(problems, key=_sort_key)


# -- one note at a time ----------------------------------------------------------------------


def _check_note(
    note: Note, manifest: Manifest, forbidden: list[tuple[str, re.Pattern[str]]]
) -> Iterable[Problem]:
    yield from _forbidden_text(note, forbidden)
    empty = list(_empty_fields(note))
    yield from empty
    if empty:
        return
    yield from _leftover_markup(note)
    link_only = list(_link_only(note))
    yield from link_only
    if not link_only:
        yield from _link_in_front(note)
    yield from _non_content(note, skipped_kinds(manifest.include))
    if note.note_type == "cloze":
        sentences = sentence_deletions(note.front, manifest.lint.max_cloze_words)
        yield from _sentence_clozes(note, sentences)
        limit = min(MAX_CLOZE_WORDS, manifest.lint.max_answer_words)
        yield from _long_clozes(note, limit, set(sentences))
        shown = _shown_deletions(note.front)
        yield from _cloze_in_front(note, shown)
        yield from _hinted_clozes(note, {number for number, _ in shown})
        yield from _label_clozes(note)
        yield from _mixed_clozes(note)
        yield from _long_answer(note, manifest.lint.max_answer_words)
    else:
        yield from _long_answer(note, manifest.lint.max_answer_words)
        yield from _list_on_basic(note, manifest.lint.max_list_items)
        yield from _answer_in_front(note)
    yield from _dangling_pronoun(note, manifest.topic)
    yield from _no_subject(note, manifest.topic)
    yield from _about_the_source(note)
    if note.note_type == "basic":
        yield from _quiz_scaffold(note)


def _empty_fields(note: Note) -> Iterable[Problem]:
    if not _has_content(note.front):
        yield _problem(note, "EMPTY-FIELD", "the front is empty")
    elif note.note_type == "basic" and placeholder(note.back):
        yield _problem(
            note,
            "EMPTY-FIELD",
            f"the back shows only {note.back.strip()!r}, a form's blank to fill in, not an answer: "
            "write the value, or leave the line out",
        )
    elif note.note_type == "basic" and not _has_content(note.back):
        yield _problem(note, "EMPTY-FIELD", "the back is empty: a Basic card needs an answer")
    elif note.note_type == "cloze":
        deletions = cloze_deletions(note.front)
        if not deletions:
            yield _problem(
                note, "EMPTY-FIELD", "the cloze note has no deletion: mark one as {{c1::...}}"
            )
        for number, text in deletions:
            if not _has_content(text):
                yield _problem(note, "EMPTY-FIELD", f"cloze deletion c{number} is empty")
            elif placeholder(text):
                yield _problem(
                    note,
                    "EMPTY-FIELD",
                    f"cloze deletion c{number} hides only {text.strip()!r}, a form's blank to "
                    "fill in, not an answer",
                )


def _has_content(markdown: str) -> bool:
    """Text, or an image (whose plain text may be empty)."""
    return bool(plain_text(markdown)) or _IMAGE.search(markdown) is not None


def _long_answer(note: Note, limit: int) -> Iterable[Problem]:
    """A Basic answer, or a cloze note's extra (read after each of its cards), over `limit`."""
    cloze = note.note_type == "cloze"
    if cloze and len(note.back) <= limit:
        return  # a word is two characters at least with its space: cheap for most extras
    count = word_count(note.back)
    if count > limit:
        yield _problem(
            note,
            "LONG-ANSWER",
            f"the extra has {count} words (limit {limit}), read after every card of the note: "
            "keep what explains the deletions, and card the other facts on their own"
            if cloze
            else f"the answer has {count} words (limit {limit}): split it into several cards "
            "or keep only the key fact",
        )


def _long_clozes(note: Note, limit: int, reported: set[str]) -> Iterable[Problem]:
    """Deletions over `limit` words, but those SENTENCE-CLOZE reports (by number)."""
    for number, text in cloze_deletions(note.front):
        count = word_count(text)
        if count > limit and number not in reported:
            yield _problem(
                note,
                "LONG-ANSWER",
                f"cloze deletion c{number} has {count} words (limit {limit}): "
                "delete only the key words",
            )


def _list_on_basic(note: Note, limit: int) -> Iterable[Problem]:
    items = longest_list(note.back)
    if items > limit:
        yield _problem(
            note,
            "LIST-ON-BASIC",
            f"the answer is a list of {items} items (limit {limit}): make it a cloze note, "
            "one deletion per item",
        )


def _answer_in_front(note: Note, alt_text: bool = False) -> Iterable[Problem]:
    """The answer printed in the front, or the heading shown above it. An image's description
    (`![Could my dog have it?](chart.png)`) is not printed on the card: the image is the
    answer, and one that is not found leaves the back empty (BUILD-WARNING says so), not its
    answer in the front; `alt_text` counts it all the same (`prints_its_answer`)."""
    if len(_OPTION_SHOWN.findall(note.front)) > 1:
        return  # a quiz's options listed under its stem: the answer is one of them, by design
    back = note.back if alt_text or "![" not in note.back else _IMAGE_MARKUP.sub(" ", note.back)
    answer = _answer_form(back)
    if len(answer) < MIN_ANSWER_CHARS:
        return
    front = plain_text(note.front)
    if _contains(front, answer):
        if not _offered(front, answer):
            yield _problem(
                note, "ANSWER-IN-FRONT", f"the answer {_quote(answer)} is printed in the front"
            )
        return
    lowered = answer.lower()
    for heading in (note.source.document, *note.source.section):
        if len(heading) >= len(answer) and plain(heading).lower().strip(" .:") == lowered:
            yield _problem(
                note,
                "ANSWER-IN-FRONT",
                f"the answer {_quote(answer)} is the heading shown above the question: it "
                "repeats its heading; leave it out of the source, or ask something else",
            )
            return


def prints_its_answer(note: Note) -> bool:
    """A Basic note whose answer stands in its front, or is the heading shown above it (what
    ANSWER-IN-FRONT reports): a card that asks nothing. The rules' notes pass through this
    before they are kept (extract.document_notes), so such a card is never made; nor is one
    whose answer is an image described by its own question (a heading over an infographic)."""
    if note.note_type != "basic":
        return False
    word = longest_word(note.back[:120])
    if word:  # each of the answer's words is in the front or a heading shown: its longest too
        word = word.lower()
        shown = (note.front, note.source.document, *note.source.section)
        if not any(word in text.lower() for text in shown):
            return False
    return any(True for _ in _answer_in_front(note, alt_text=True))


_WORD = re.compile(r"\w+")
_ASCII_WORD = (string.ascii_letters + string.digits + "_").encode()
_NON_WORD_TO_SPACE = bytes(byte if byte in _ASCII_WORD else 32 for byte in range(128)).ljust(256)


def longest_word(text: str) -> str:
    """The first longest run of `\\w` characters in `text` ("" for none). ASCII text (most) is
    split on its other bytes, twice as fast as `findall` (a note each, in every build)."""
    if text.isascii():
        found = text.encode("ascii").translate(_NON_WORD_TO_SPACE).split()
        return max(found, key=len).decode("ascii") if found else ""
    words = _WORD.findall(text)
    return max(words, key=len) if words else ""


_OPTION_SHOWN = re.compile(r"(?m)^(?:- \(?[a-hA-H][.)]|[1-8]\.) ")
"""A quiz's option as the faq rule lists it under its stem (`- b) Stress`, `2. Rest`)."""


_CHOICE = re.compile(r" or |, | / ")


def _offered(front: str, answer: str) -> bool:
    """The front offers the answer as one of its choices ("Anti-inflammatory: velbarin or
    tessalid?", "…: cannula, catheter or feeding tube?", "…: 腹穿 / 胸穿 / 腰穿?"): a choice
    names its options."""
    if " or " not in front and " / " not in front:
        return False
    choices = _CHOICE.split(front.rsplit(": ", 1)[-1].rstrip("?"))
    return len(choices) > 1 and any(
        choice.strip(" ,").lower() == answer.lower() for choice in choices
    )


def _cloze_in_front(note: Note, shown: list[tuple[str, str]]) -> Iterable[Problem]:
    """ANSWER-IN-FRONT for each deletion its own card shows whole (`_shown_deletions`)."""
    for number, answer in shown:
        yield _problem(
            note,
            "ANSWER-IN-FRONT",
            f"cloze deletion c{number} {_quote(answer)} also appears in the note outside the "
            "deletion",
        )


def _shown_deletions(front: str, body: bool = False) -> list[tuple[str, str]]:
    """(number, answer) of each deletion its own card shows: on the card for cN, every cN
    deletion is hidden and the other clozes are shown. `body`: only where the body shows it (its
    items or its sentence), not its lead-in or subject ("Symptoms of korrin fever: {{fever}}")."""
    deletions = cloze_deletions(front)
    found: list[tuple[str, str]] = []
    card = _body(front) if body else front
    for number in dict.fromkeys(number for number, _ in deletions):
        shown = plain_text(_without_item_asides(_cloze_card_text(card, number)))
        for this, text in deletions:
            answer = _answer_form(text)
            if this != number or len(answer) < MIN_ANSWER_CHARS or (number, answer) in found:
                continue
            if _contains(shown, answer):
                found.append((number, answer))
    return found


def _said_twice(front: str) -> bool:
    """Whether some deletion's text stands in the front more than once (ignoring case): the
    cheap look that finds every note a deletion of which another part could show."""
    lowered = front.lower()
    for match in NUMBERED_DELETION.finditer(front):
        text = _cloze_text(match.group(2)).strip(" *_.,;:").lower()
        if len(text) >= MIN_ANSWER_CHARS and lowered.count(text) > 1:
            return True
    return False


def _body(front: str) -> str:
    """A cloze text without its first line (a list's lead-in), or a one-line text without its
    subject before ": "."""
    if "\n" in front:
        return front.split("\n", 1)[1]
    _, colon, rest = front.partition(": ")
    return rest if colon else front


def without_shown_answers(note: Note) -> Note | None:
    """A Cloze note without the deletions its own cards show (`- Abducens nucleus >>> {{c3::
    Lateral rectus}}` beside `{{c2::Eye movement (lateral rectus)}}`: each card prints the
    other's answer, whole or in part: `hinted_deletions`): those are left as text and the rest
    numbered again; None when no deletion is left, or no more are left than were shown in part
    (items that restate each other: a heading's facets, not a list to recall). The rules' notes
    pass through this before they are kept (extract.document_notes).
    A deletion whose name (without its bracketed gloss) the section's heading shows on the front
    is no question either (`_named_above`): its line asks the side it names instead, or nothing
    (`_relations_asked`); a word of the document's title or of a lead-in that is no heading
    ("Symptoms of korrin fever:" over "fever") stays a deletion, which ANSWER-IN-FRONT still
    reports for a teacher to judge."""
    if note.note_type != "cloze" or over_side_limit(note.front):
        return note  # a side too long for any card is left out or refused as it is (render)
    named = _named_above(note)
    if named:
        note = replace(note, front=_relations_asked(note.front, named))
    if "\n" in note.front and (CJK.search(note.front) or "(" in note.front):
        note = replace(note, front=_names_hidden_again(note.front))
    shown = (
        {number for number, _ in _shown_deletions(note.front, body=True)}
        if _said_twice(note.front)
        else set()
    )
    hinted = hinted_deletions(note.front) - shown
    if not shown and not hinted and not named:
        return _forms_hidden(note)
    kept: dict[str, int] = {}
    for match in NUMBERED_DELETION.finditer(note.front):
        if match.group(1) not in shown and match.group(1) not in hinted:
            kept.setdefault(match.group(1), len(kept) + 1)
    if len(kept) <= len(hinted):
        return None  # items that mostly restate each other: no deletion of them asks anything

    def renumbered(match: re.Match[str]) -> str:
        number = kept.get(match.group(1))
        if number is None:
            return _cloze_text(match.group(2))
        return f"{{{{c{number}::{match.group(2)}}}}}"

    return _forms_hidden(replace(note, front=NUMBERED_DELETION.sub(renumbered, note.front)))


def _named_above(note: Note) -> set[str]:
    """Numbers of the deletions each of whose names the front's first line shows as part of the
    section's heading (`### Vessel P and nerve Q` over `Here **vessel P** runs; behind it lies
    **nerve Q**`, `### Injury and winged scapula` over `this is called **winged scapula**`): the
    card prints its answer above the question. A name is the deletion without its bracketed
    gloss ("腋静脉（axillary vein）" is named by "腋动脉与腋静脉"); a word of script written
    without spaces is found inside the heading's words, another as whole words. Not a name the
    document's title holds too ("fever" under "Symptoms of korrin fever" in a korrin-fever
    document): the subject every card is about is no give-away."""
    if not note.source.section or "{{c" not in note.front:
        return set()
    heading = heading_text(note.source.section[-1])
    first = note.front.split("\n", 1)[0] if "\n" in note.front else note.front.split(": ", 1)[0]
    if not heading or heading not in first:
        return set()  # the front names the section some other way (a lead-in, a label)
    title = note.source.document
    named: dict[str, bool] = {}
    for match in NUMBERED_DELETION.finditer(note.front):
        name = _name_of(_cloze_text(match.group(2)))
        shown = len(name) > 1 and _names(heading, name) and not _names(title, name)
        named[match.group(1)] = named.get(match.group(1), True) and shown
    return {number for number, shown in named.items() if shown}


_SIDE = re.compile(
    r"(?:[上下前后内外左右][上下前后内外]?[侧方]|深面|浅面)"
    r"|\b(?:medial|lateral|anterior|posterior|superior|inferior|superficial|deep|above|below"
    r"|behind|beneath|in front of|proximal|distal)(?:ly)?\b",
    re.IGNORECASE,
)
"""A word that places one structure against another ("medial", "behind", "内侧", "后方")."""


def _relations_asked(front: str, named: set[str]) -> str:
    """The front with the deletions of names the heading shows (`_named_above`) left as text;
    a line left with no deletion hides its first word of side or place instead, under the
    first such number (`在腋动脉的{{c1::内侧}}有腋静脉` under `### 腋动脉与腋静脉`; "behind it lies
    nerve Q" under `### Vessel P and nerve Q`): with both names on show, where one lies is the
    fact. A line with no such word asks nothing and keeps none (`without_shown_answers`
    numbers the rest again). A one-line front's subject before ": " is never searched."""
    if "\n" not in front and ": " in front:
        subject, _, sentence = front.partition(": ")
        return f"{subject}: {_relations_asked(sentence, named)}"
    lines = front.split("\n")
    for index, line in enumerate(lines):
        found = list(NUMBERED_DELETION.finditer(line))
        if not found or any(match.group(1) not in named for match in found):
            if found:  # a line asking something else too: only the names are shown
                lines[index] = NUMBERED_DELETION.sub(
                    lambda m: _cloze_text(m.group(2)) if m.group(1) in named else m.group(0),
                    line,
                )
            continue
        parts = NUMBERED_DELETION.split(line)  # text, number, body, text, number, body, …
        texts = parts[::3]
        out, asked = [], False
        for position, text in enumerate(texts):
            side = None if asked else _SIDE.search(text)
            if side is not None:
                asked = True
                text = (
                    f"{text[: side.start()]}{{{{c{found[0].group(1)}::{side.group(0)}}}}}"
                    f"{text[side.end() :]}"
                )
            out.append(text)
            if position < len(found):
                out.append(_cloze_text(found[position].group(2)))
        lines[index] = "".join(out)
    return "\n".join(lines)


def _names_hidden_again(front: str) -> str:
    """The front with a deletion's name, where another line of its body says it again outside
    any deletion, hidden there too under the same number (`后束发出{{c1::桡神经（radial
    nerve）}}` over `在桡神经上方，可见{{c2::腋神经}}`: card c1 printed its answer one line
    down, and hiding the name alone leaves both facts asked). Only names a whole-word search
    misses: one of a script written without spaces (three characters at least: shorter ones are
    parts of many words), or a name whose bracketed gloss its deletion holds ("velbarin (a
    statin)" said again as "velbarin"), which `_shown_deletions` does not find."""
    lead, _, body = front.partition("\n")
    found = list(NUMBERED_DELETION.finditer(body))
    if not 1 < len(found) <= _MAX_NAMES:
        return front
    names: dict[str, str] = {}
    for match in found:
        text = _cloze_text(match.group(2))
        name = _name_of(text)
        cjk = CJK.search(name) is not None
        if len(name) >= 3 if cjk else name != plain(text).strip(" .,;:") and len(name) > 3:
            names.setdefault(name, match.group(1))
    if not names:
        return front
    pattern = re.compile(
        "|".join(
            re.escape(name) if CJK.search(name) else rf"(?<!\w){re.escape(name)}(?!\w)"
            for name in sorted(names, key=len, reverse=True)
        ),
        re.IGNORECASE,
    )
    lines = body.split("\n")
    owner: dict[str, int] = {}  # the line each name's first deletion stands on: said there
    for index, line in enumerate(lines):
        for match in NUMBERED_DELETION.finditer(line):
            owner.setdefault(_name_of(_cloze_text(match.group(2))), index)
    for index, line in enumerate(lines):
        parts = NUMBERED_DELETION.split(line)
        if not any(pattern.search(text) for text in parts[::3]):
            continue

        def hidden(match: re.Match[str], index: int = index) -> str:
            name = next(n for n in names if n.lower() == match.group(0).lower())
            if owner.get(name) == index:
                return match.group(0)  # its own line: "A, i.e. A" is the author's
            return f"{{{{c{names[name]}::{match.group(0)}}}}}"

        parts[::3] = [pattern.sub(hidden, text) for text in parts[::3]]
        lines[index] = "".join(
            part if position % 3 == 0 else f"{{{{c{part}::" if position % 3 == 1 else f"{part}}}}}"
            for position, part in enumerate(parts)
        )
    return lead + "\n" + "\n".join(lines)


_MAX_NAMES = 16
"""Deletions of one note at most for `_names_hidden_again`: a longer note is a reference list
cut into parts anyway, and its names are looked for in one alternation."""


_GLOSS_ASIDE = re.compile(r"\s*[(（][^()（）]*[)）]")


def _name_of(deletion: str) -> str:
    """A deletion's name: its plain text without bracketed glosses and closing punctuation."""
    return _GLOSS_ASIDE.sub("", plain(deletion)).strip(" .,;:!?，；。：、*_")


def _names(text: str, name: str) -> bool:
    """`name` stands in `text`: inside it for a name of a script written without spaces (no word
    ends to look for), as whole words otherwise."""
    if CJK.search(name) is not None:
        return name.lower() in text.lower()
    return _contains(text, name)


def hinted_deletions(front: str) -> set[str]:
    """Numbers of the deletions whose own card restates them: another line of its body repeats
    a phrase of three meaning words or more that is half the answer (`{{c2::Eye movement (lateral
    rectus muscle)}}` above `{{c3::Abducens nucleus >>> Lateral rectus muscle}}`: each card shows
    the other's answer), or the labels of the lines it shows name it (`{{c1::Both (Sensory and
    Motor)}}` above `Sensory: …` / `Motor: …`, `{{c2::Sensory}}: …` below it). Not the list's
    frame: words most lines hold ("… in one or both eyes" after each sign), an opening two
    items share ("Check blood sugar" before and after a meal), words that differ in the middle
    ("Give fast-acting carbs" / "give slow-acting carbs")."""
    if "\n" not in front or front.count("{{c") < 2:
        return set()  # a list's items, two deletions at least: a sentence cloze says things once
    lines = [line for line in _body(front).splitlines() if line.strip()]
    facets = _facet_hints(front, lines) if len(lines) <= _FACET_LINES else set()
    texts = [NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), line) for line in lines]
    if not _repeats_a_word(texts):
        return facets  # cheap: most lists say no word twice (bar a few small ones)
    seen = [content_words(text) for text in texts]
    counts = Counter(word for line_words in seen for word in line_words)
    pattern = {word for word, count in counts.items() if count >= _PATTERN_LINES}
    answers: dict[str, list[str]] = {}
    for number, text in cloze_deletions(front):
        answers.setdefault(number, []).append(text)
    hinted = set()
    labelled = "}}:" in front
    for number, texts in answers.items():
        first = texts[0].strip("*_ ")
        short = _answer_form(first) if len(first) < 3 or "<" in first[:_SHORT_MARKUP] else ""
        if 0 < len(short) < MIN_ANSWER_CHARS and _letters_shown(lines, number, short):
            hinted.add(number)  # `Steady state ({{c1::SS}})` above `At t = SS`
            continue
        kinds = set().union(*(content_words(text) for text in texts)) - pattern - _FRAME_WORDS
        if labelled and _labels_only(front, number):
            if kinds and all(counts[word] > 1 for word in kinds):
                hinted.add(number)  # `{{c2::Sensory}}: …` below `Both (Sensory and Motor)`
            continue
        if len(kinds) < _LABELLED_WORDS or sum(counts[word] > 1 for word in kinds) < 2:
            continue  # cheap: no two of its words stand anywhere else
        said = [word for text in texts for word in _meaning_words(text, pattern)]
        labels: set[str] = set()
        for line in lines:
            card = _cloze_card_text(line, number)
            if " … " in card:
                continue  # its own line
            run = _shared_run(said, _meaning_words(card, pattern))
            if run >= _HINT_WORDS and run * 2 >= len(kinds):
                hinted.add(number)
                break
            label, colon, _ = plain_text(card).partition(": ")
            if colon and len(label.split()) <= _LABEL_WORDS:
                labels |= content_words(label) & kinds
        else:
            if len(labels) >= _LABELLED_WORDS and len(labels) * 2 >= len(kinds):
                hinted.add(number)
    return hinted | facets


def _facet_hints(front: str, lines: list[str]) -> set[str]:
    """Numbers of the deletions of a short list (a heading's facets: what it does, where it
    runs) that another line of their own card says in other forms of the same words: three
    roots of the answer in one line (`{{c1::Taste … (carotid body)}}` beside `Brainstem >>>
    Tongue, Carotid body`; `thoracic organs` beside `Organs of thorax`), or the one word of a
    one-word answer (`{{c2::Vision}}` above `… >>> Visual cortex`). Not the list's frame: roots
    most lines or every answer hold (`Ward 1`, `Ward 2` above `see the ward notes`)."""
    shows = [NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), line) for line in lines]
    seen = [_roots(text) for text in shows]
    counts = Counter(root for line_roots in seen for root in line_roots)
    pattern = {root for root, count in counts.items() if count >= _PATTERN_LINES}
    answers: dict[str, set[str]] = {}
    texts: dict[str, str] = {}
    for number, text in cloze_deletions(front):
        answers.setdefault(number, set()).update(_roots(text))
        texts[number] = f"{texts.get(number, '')} {text}"
    if len(answers) > 1:
        pattern |= set.intersection(*answers.values())  # `for {{c1::3 months}}`, `{{c2::2 months}}`
    hinted = set()
    for number, found in answers.items():
        roots = found - pattern
        if not roots:
            continue
        one = len(roots) == 1
        needed, least = (1, _ONE_ROOT_CHARS) if one else (_HINT_WORDS, _ROOT_CHARS + 1)
        for line, card, shown in zip(lines, shows, seen, strict=True):
            if f"{{{{c{number}::" in line:
                continue  # its own line: a label beside it is the question
            # (another line's card shows every deletion: `card` and `shown` are the line's own)
            if not _roots_shown(roots, shown, least, needed):
                continue  # cheap: `said` below is a part of `roots`
            if one and not _stems(card).isdisjoint(_stems(texts[number])):
                continue  # the same word again (`3 months`, `3-6 months`): the list's frame
            said = roots - _opening(card, texts[number])  # `Check …` twice: the steps' frame
            if _roots_shown(said, shown, least, needed):
                hinted.add(number)
                if one:  # a deletion saying the word is given away by it in turn
                    hinted.update(
                        other
                        for other, text in cloze_deletions(line)
                        if any(
                            _same_root(root, word, least) for root in roots for word in _roots(text)
                        )
                    )
                break
    return hinted


def _roots(markdown: str) -> set[str]:
    """The roots of a text's meaning words: `visual` and `vision` -> `vis`, `thoracic` ->
    `thorac`, `thorax` -> `thor` (matched as a prefix by `_same_root`)."""
    found = set()
    for stem in _stems(markdown):
        for suffix in _DERIVED:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= _ROOT_CHARS:
                stem = stem[: -len(suffix)]
                break
        found.add(stem)
    return found


def _stems(markdown: str) -> frozenset[str]:
    """The stems of a text's meaning words, its HTML tags (`<sub>`) left out."""
    return content_words(plain_text(_TAG.sub(" ", markdown))) - _FRAME_WORDS


def _same_root(one: str, other: str, least: int) -> bool:
    """Equal roots, or one the start of the other when it has `least` letters at least."""
    if one == other:
        return True
    short, long = (one, other) if len(one) <= len(other) else (other, one)
    return len(short) >= least and _covers(short, long) and long.startswith(short)


def _covers(short: str, long: str) -> bool:
    """A root the start of a longer one is its root when it is more than half of it (`thor`,
    `thorac`; `osmol`, `osmolalit`): a compound's first half is not (`pleur`, `pleurectom`:
    "pleural" shows no "pleurectomy")."""
    return len(short) * 2 > len(long)


def _roots_shown(roots: set[str], shown: set[str], least: int, needed: int) -> bool:
    """Whether `needed` of `roots` have a `_same_root` in `shown`: the same count, stopped when
    reached, without a call per pair (tests/test_speedups.py holds the two equal)."""
    found = 0
    for root in roots:
        if root in shown or (
            len(root) >= least
            and any(
                (other.startswith(root) and _covers(root, other))
                or (len(other) >= least and root.startswith(other) and _covers(other, root))
                for other in shown
            )
        ):
            found += 1
            if found >= needed:
                return True
    return found >= needed


def _opening(line: str, answer: str) -> set[str]:
    """The root of the first meaning word when a line and an answer both open with it."""
    first = _FIRST_WORD.search(plain_text(line))
    start = _FIRST_WORD.search(plain_text(answer))
    if first is None or start is None or first.group().lower() != start.group().lower():
        return set()
    return _roots(start.group())


_TAG = re.compile(r"<[^<>]*>")
_DERIVED = ("ical", "ual", "ion", "ic", "al", "ax", "en", "y")
"""Endings that turn one root into kindred words (`vision`/`visual`, `thorax`/`thoracic`)."""
_ROOT_CHARS = 3
_ONE_ROOT_CHARS = 5
"""Letters of a root, at least, to name a one-word answer as the start of another word (`soft`
is no giveaway of `softer`, `trem` of `tremors`)."""
_FIRST_WORD = re.compile(r"[^\W\d_]+")
_FACET_LINES = 5
"""Lines of a list, at most, to be a heading's facets rather than a list to recall."""


def _repeats_a_word(lines: list[str]) -> bool:
    """Whether two lines share a word of four letters or more (ignoring case), or a word of one or
    two that is no small word of a sentence (`SS`, `V`, `k`): what `hinted_deletions` looks for
    needs one (a phrase or labels of three-letter words only are let go, for speed)."""
    found: set[str] = set()
    for line in lines:
        here = {word.lower() for word in _LONG_WORD.findall(line)}
        here.update(word for word in _SHORT_WORD.findall(line) if word not in _SMALL_WORDS)
        if not found.isdisjoint(here):
            return True
        found |= here
    return False


_LONG_WORD = re.compile(r"\w{4,}")
_SHORT_WORD = re.compile(r"(?<!\w)\w{1,2}(?!\w)")
_SMALL_WORDS = frozenset(
    "a an as at be by do he i if in is it me my no of on or so to up us we A An As At If In "
    "It No Of On Or So To".split()
)
"""Small words of a sentence, never a formula's symbol: a line may repeat them freely."""


def _meaning_words(markdown: str, pattern: set[str]) -> list[str]:
    """The words of a text that carry meaning, in order, without the list's frame."""
    return [
        word
        for word in (_stem_once(word) for word in words_of(markdown))
        if word and word not in pattern and word not in _FRAME_WORDS
    ]


def _stem_once(word: str) -> str:
    stems = content_words(word)
    return next(iter(stems)) if stems else ""


def _shared_run(answer: list[str], line: list[str]) -> int:
    """The longest run of words the answer and the line both hold in the same order; 0 for
    one that opens both (their shared frame)."""
    best = 0
    for i in range(len(answer)):
        for j in range(len(line)):
            length = 0
            while (
                i + length < len(answer)
                and j + length < len(line)
                and answer[i + length] == line[j + length]
            ):
                length += 1
            if length > best and not (i == 0 and j == 0):
                best = length
    return best


_FRAME_WORDS = frozenset(
    """
    not no via per than also then each any all both only very more most less least should must
    will would could your you our they them his her anything something everything
    """.split()
)
"""Words that join or qualify a phrase: two items sharing them share no answer."""


def _letters_shown(lines: list[str], number: str, answer: str) -> bool:
    """A deletion of a letter or two (a symbol, an abbreviation) that another line prints as a
    word of its own, in the same case: too short for `_contains`, which ignores case."""
    if not answer.strip() or not answer.isalnum():
        return False
    word = re.compile(rf"(?<![\w]){re.escape(answer)}(?![\w])")
    return any(
        word.search(plain_text(card)) is not None
        for card in (_cloze_card_text(line, number) for line in lines)
        if " … " not in card
    )


def _labels_only(front: str, number: str) -> bool:
    """Every deletion cN is the label of its line (`- {{c2::Sensory}}: taste …`): hidden, the
    fact beside it stays on the card."""
    found = re.findall(rf"\{{\{{c{number}::[^{{}}]*\}}\}}(.?)", front)
    return bool(found) and all(after == ":" for after in found)


_SHORT_MARKUP = 40
"""Characters of Markdown, at most, before the tag of a deletion that hides a letter or two
(`S<sub>0</sub>`)."""
_HINT_WORDS = 3
"""Meaning words of an answer one other line must print, at least, to restate it."""
_LABELLED_WORDS = 2
"""Meaning words of an answer the labels of its card's lines must name, at least."""
_LABEL_WORDS = 3
_PATTERN_LINES = 3
"""Lines a word stands in, at least, to be the list's pattern rather than an item's own."""


_ITEM_ASIDE = re.compile(r"(?m)^([ \t]*(?:[-*+]|\d+[.)])[ \t].*?)\([^()\n]*\)")


def _without_item_asides(markdown: str) -> str:
    """A card's text without the asides of its list items: "Portal of exit (how it leaves the
    reservoir)" names the answer "Reservoir" of another item as a cross-reference, not as the
    answer. A lead-in's aside ("Rate control: a beta-blocker (e.g. diltiazem)") still counts."""
    if "(" not in markdown:
        return markdown
    previous = ""
    while previous != markdown:  # every aside of an item, one per pass
        previous, markdown = markdown, _ITEM_ASIDE.sub(r"\1", markdown)
    return markdown


def _cloze_card_text(front: str, number: str) -> str:
    """The question side of card cN: its deletions hidden, every other deletion shown."""

    def show(match: re.Match[str]) -> str:
        return " … " if match.group(1) == number else _cloze_text(match.group(2))

    return NUMBERED_DELETION.sub(show, front)


def _dangling_pronoun(note: Note, topic: str) -> Iterable[Problem]:
    front = plain_text(note.front)
    match = re.match(r"\W*([^\W\d_]+)", front)
    if match and match.group(1).lower() in PRONOUNS and not names_topic(front, topic):
        yield _problem(
            note,
            "DANGLING-PRONOUN",
            f"the front starts with {_quote(match.group(1))} and does not name the topic "
            f"({_quote(topic)}): say what it refers to",
        )


def _no_subject(note: Note, topic: str = "") -> Iterable[Problem]:
    """NO-SUBJECT: "Clinical pearls in ACS: Contraindicated if … {{24 hours}}": the sentence
    opens with a participle and a preposition (its subject was a bold word the item lost), and
    the subject before the colon is a part of any page (`is_relational`, `is_generic_heading`),
    or the deck's topic alone under a box of points ("ACS: Contraindicated if …" under "Clinical
    pearls"; under "Background" the topic is what is defined), so the card says of nothing what
    is done. A part with its thing after it
    ("Indications in velbarin in ACS") names the thing."""
    subject, colon, rest = note.front.partition(": ")
    if not colon or _PARTICIPLE.match(rest) is None:
        return
    subject = plain(subject).strip()
    tail = f" in {topic}".lower()
    if topic and subject.lower().endswith(tail):
        subject = subject[: -len(tail)].strip()  # the part the builder added: the deck's topic
        lost = " in " not in subject and (is_relational(subject) or is_generic_heading(subject))
    elif topic and subject.lower() == topic.lower():
        heading = note.source.section[-1] if note.source.section else ""
        lost = is_container_heading(heading)  # "Background" is about the topic; a box is not
        subject = heading_text(heading) if lost else subject
    else:
        subject = subject.split(" in ", 1)[0].strip()
        lost = is_relational(subject) or is_generic_heading(subject)
    if lost:
        yield _problem(
            note,
            "NO-SUBJECT",
            f"the card says {_quote(plain_text(rest), 40)} of {_quote(subject)}, which names no "
            "thing: name what it is said of in the source sentence (or make it the heading)",
        )


_PARTICIPLE = re.compile(
    r"(?:[A-Z][a-z]+ed|Given|Seen|Found|Known|Shown|Taken|Done) (?:if|by|for|in|with|to|when|as"
    r"|after|before|during|on|at|from|unless)\b"
)
"""What is done, opening a sentence that lost its subject: `Contraindicated if`, `Given to`."""


def _forbidden_text(note: Note, forbidden: list[tuple[str, re.Pattern[str]]]) -> Iterable[Problem]:
    if not forbidden:
        return
    source = f"{note.source.document} — {' › '.join(note.source.section)}"
    fields = [
        (name, text, plain_text(text))
        for name, text in (
            ("front", note.front),
            ("back", note.back),
            ("context", note.context),
            ("source", source),
        )
    ]
    for pattern, regex in forbidden:
        for name, text, plain_form in fields:
            if regex.search(text) or regex.search(plain_form):
                yield _problem(
                    note,
                    "FORBIDDEN-TEXT",
                    f"the {name} contains {_quote(pattern)}, which the manifest forbids",
                )
                break


def _forbid_patterns(manifest: Manifest) -> list[tuple[str, re.Pattern[str]]]:
    """`forbid` entries as regexes: `/regex/` as written, anything else as a literal phrase."""
    patterns = []
    for pattern in manifest.forbid:
        if len(pattern) >= 3 and pattern.startswith("/") and pattern.endswith("/"):
            try:
                regex = re.compile(pattern[1:-1], re.IGNORECASE)
            except re.error as exc:
                raise ManifestError(
                    f"forbid pattern {pattern!r} is not a valid regular expression ({exc})",
                    manifest.path,
                ) from exc
        else:
            words = pattern.split()
            regex = re.compile(r"\s+".join(re.escape(word) for word in words), re.IGNORECASE)
        patterns.append((pattern, regex))
    return patterns


def _leftover_markup(note: Note) -> Iterable[Problem]:
    """Markup a student would see as text: the Markdown did not render it."""
    sides = [("front", note.front), ("back", note.back)]
    if note.note_type == "cloze":
        sides[0] = ("text", note.front)
        sides[1] = ("extra", note.back)
    for name, markdown in sides:
        found = leftover_markup(markdown)
        if found:
            yield _problem(
                note,
                "LEFTOVER-MARKUP",
                f"the {name} shows {', '.join(found)} as text: fix the markup in the source "
                "(or remove it)",
            )


def _check_contexts(notes: Sequence[Note]) -> Iterable[Problem]:
    """The context line above each question is the heading path as text: markup in a heading
    shows there. Reported once per heading path, at its first note."""
    seen: set[str] = set()
    for note in notes:
        if note.context in seen:
            continue
        seen.add(note.context)
        found = _literal_markup(note.context)
        if found:
            yield _problem(
                note,
                "LEFTOVER-MARKUP",
                f"the heading path {_quote(note.context)} shows {', '.join(found)} as text above "
                "every card of its section: remove it from the heading",
            )


def _link_only(note: Note) -> Iterable[Problem]:
    """A side that is only a link or a URL: where to read the fact, not the fact."""
    if note.note_type == "cloze":
        for number, text in cloze_deletions(note.front):
            if is_link_only(text):
                yield _problem(
                    note,
                    "LINK-ONLY",
                    f"cloze deletion c{number} is only a link ({_quote(plain_text(text))}): "
                    "a reading list is not a fact to recall; leave it out of the source section",
                )
        return
    for name, text in (("front", note.front), ("back", note.back)):
        if is_link_only(text):
            yield _problem(
                note,
                "LINK-ONLY",
                f"the {name} is only a link ({_quote(plain_text(text))}): a card needs the fact, "
                "not where to read it",
            )


def _link_in_front(note: Note) -> Iterable[Problem]:
    front = NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), note.front)
    if _LINK_MARKUP.search(front) or _URL.search(plain_text(front)):
        yield _problem(
            note,
            "LINK-IN-FRONT",
            "the question holds a link: a card is studied offline, on its own; name what the "
            "link points to in words",
        )


def _non_content(note: Note, skip: frozenset[str]) -> Iterable[Problem]:
    """A note from a heading or a line of a kind the deck skips, which routing did not catch."""
    if not skip:
        return
    for heading in note.source.section:
        kind = heading_kind(heading)
        if kind is not None and kind.name in skip:
            yield _problem(
                note,
                "NON-CONTENT",
                f"the note comes from the section {_quote(plain(heading))}, {kind.description} "
                f"({kind.name}): cut it, or `include` the kind in the manifest on purpose",
            )
            return
    if "course" in skip and note.note_type == "basic" and course_label(_asked_label(note.front)):
        yield _problem(
            note,
            "NON-CONTENT",
            f"the note asks the course's details ({_quote(_asked_label(note.front))}), "
            "course scaffolding (course): cut the line, or `include` the kind on purpose",
        )
        return
    texts = [note.front, note.back]
    if note.note_type == "cloze":
        texts += [text for _, text in cloze_deletions(note.front)]
    for text in texts:
        kind = text_kind(plain_text(text)) if text else None
        if kind is not None and kind.name in skip:
            yield _problem(
                note,
                "NON-CONTENT",
                f"the note holds {kind.description} ({kind.name}): "
                f"{_quote(plain_text(text))}; cut it from the source",
            )
            return


def _asked_label(front: str) -> str:
    """What a "<subject>: <label>?" front asks ("Prerequisites"), or ""."""
    if not front.endswith("?") or ": " not in front:
        return ""
    return plain(front.rsplit(": ", 1)[1][:-1]).strip()


def _sentence_clozes(note: Note, sentences: dict[str, str]) -> Iterable[Problem]:
    """One problem per note, naming each deletion and why."""
    if sentences:
        whys = "; ".join(f"c{number} {why}" for number, why in sentences.items())
        yield _problem(
            note,
            "SENTENCE-CLOZE",
            f"cloze deletion {whys}: hide only the key words of each, or make it a question "
            "with a short answer",
        )


def sentence_deletions(front: str, limit: int) -> dict[str, str]:
    """Cloze number -> why, for each deletion a student would have to recall word for word:
    a whole sentence, or more than `limit` words."""
    found: dict[str, str] = {}
    for number, text in cloze_deletions(front):
        count = word_count(text)
        if count > limit:
            found.setdefault(number, f"has {count} words (limit {limit})")
        elif count >= MIN_SENTENCE_WORDS and _is_sentence(plain_text(text)):
            found.setdefault(number, "is a whole sentence")
    return found


MIN_SENTENCE_WORDS = 6
"""A deletion this long that ends like a sentence is one (shorter ones are items: "Rest.")."""


def _is_sentence(text: str) -> bool:
    text = text.rstrip(" )]\"'”’»")
    return text[-1:] in (".", "!", "?") and _ABBREVIATION_END.search(text) is None


_ABBREVIATION_END = re.compile(r"\b(?:etc|e\.g|i\.e|vs|approx|incl|cf)\.$", re.IGNORECASE)


# -- clozes that ask the wrong thing, notes about the source -----------------------------------


def _hinted_clozes(note: Note, reported: set[str]) -> Iterable[Problem]:
    """HINTED-CLOZE for each deletion whose card shows its words (`hinted_words`), but those
    ANSWER-IN-FRONT reports (shown whole)."""
    subject = " ".join((note.source.document, *note.source.section))
    for number, shown in hinted_words(note.front, subject).items():
        if number in reported:
            continue
        said = ", ".join(_quote(word) for word in shown)
        yield _problem(
            note,
            "HINTED-CLOZE",
            f"cloze deletion c{number}: its card shows {said} outside the deletion, which gives "
            "the answer away; say each fact once, or hide those words too",
        )


def hinted_words(front: str, subject: str = "") -> dict[str, list[str]]:
    """Cloze number -> the words its own card shows that give its answer away (as the card
    writes them). A deletion of several meaning words gives itself away when two of them at
    least, half of them, are said again by the rest of its own line (`{{c1::Slide test (bound
    test)}}: "slide" and "bound" have five letters`) or by another deletion, shown on its card
    (`{{c3::Brainstem >>> Tongue muscles}}` under `{{c2::Tongue movement (its muscles)}}`); a
    deletion of one meaning word, when the card's text outside every deletion has that word,
    another form of it or a near spelling (`{{c2::amiodarone}}` above `redose amiodarine`),
    asides in brackets left out (a gloss). Not the list's frame: words of the lead-in, the
    subject or `subject` (the headings above the note), words most lines hold, words every
    answer holds (`{{c1::Type 1 diabetes}}`, `{{c2::Type 2 diabetes}}`); nor an answer with a
    figure its card does not show (`{{c1::over 3-12 hours}}` beside `over 5-14 days`: the
    figure is the fact). The rules' notes already lose the deletions that restate another
    item whole (`without_shown_answers`); this reports what is left, for a teacher to judge."""
    deletions = cloze_deletions(front)
    if not deletions:
        return {}
    body = _body(front)
    if not _may_hint(body, deletions):
        return {}
    lines = [line for line in body.splitlines() if line.strip()]
    counts = Counter(
        root
        for line in lines
        for root in _root_words(NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), line))
    )
    frame = set(_root_words(f"{front[: len(front) - len(body)]} {subject}"))  # its subject
    if len(lines) > _PATTERN_LINES:
        frame |= {root for root, count in counts.items() if count >= _PATTERN_LINES}
    answers: dict[str, dict[str, str]] = {}
    for number, text in deletions:
        answers.setdefault(number, {}).update(_root_words(text))
    if len(answers) > 1:
        frame |= set.intersection(*(set(roots) for roots in answers.values()))
    found: dict[str, list[str]] = {}
    for number, words in answers.items():
        roots = set(words) - frame
        if not roots or not _figures_shown(body, number):
            continue
        if len(roots) == 1:
            (root,) = roots
            visible = _root_words(_without_item_asides(NUMBERED_DELETION.sub(" … ", body)))
            shown = [word for other, word in visible.items() if _same_word(root, other)]
            if len(root) >= _ROOT_CHARS and shown:
                found[number] = shown[:1]
            continue
        marker = f"{{{{c{number}::"
        own = [_cloze_card_text(line, number) for line in lines if marker in line]
        rest = _root_words(" ".join(own))
        said = [
            words[root]
            for root in sorted(roots)
            if any(_same_root(root, other, _ROOT_CHARS + 1) for other in rest)
        ]
        if len(said) >= _HINTED_ROOTS and 2 * len(said) >= len(roots):
            found[number] = said
    return found


def _forms_hidden(note: Note) -> Note:
    """A Cloze note whose one-word deletions are hidden again wherever their card shows a word
    made from them (`{{c1::velbopril}}` beside "its active form, velboprilat"): the card asks
    both places at once, instead of printing its answer's stem (`hinted_words`). The same word
    shown again, or a shorter one, is left for `without_shown_answers` and check to judge."""
    if "{{c" not in note.front:
        return note
    subject = " ".join((note.source.document, *note.source.section))
    hinted = hinted_words(note.front, subject)
    front = note.front
    for number, shown in hinted.items():
        hidden = {text.strip("*_ ") for this, text in cloze_deletions(front) if this == number}
        if any(not _ONE_WORD.fullmatch(text) for text in hidden):
            front = _echoes_hidden(front, number, hidden)  # its item's own explanation
            continue
        if len(shown) != 1:
            continue  # `hinted_words` judges, check reports
        if not all(_derived(shown[0], text) for text in hidden):
            continue
        head = front[: len(front) - len(_body(front))]
        front = head + _hidden_again(front[len(head) :], number, shown[0])
    return note if front == note.front else replace(note, front=front)


def _echoes_hidden(front: str, number: str, hidden: set[str]) -> str:
    """`front` with each run of two meaning words or more that its deletion c`number` holds,
    said again on that deletion's own line (an item's explanation: `{{c2::No murein wall} -
    these germs need no murein wall`), made deletion c`number` too: the card asks the item,
    the explanation stays, and it no longer prints the answer beside its blank."""
    roots = _roots(" ".join(hidden))
    marker = f"{{{{c{number}::"
    lines = front.split("\n")
    for index, line in enumerate(lines):
        if marker not in line:
            continue
        head = next(m for m in NUMBERED_DELETION.finditer(line) if m.group(1) == number)
        if not _EXPLAINED.match(line, head.end()):
            continue  # a gloss in the item's own sentence (`X, meaning …`) is judged by check
        out, last = [], 0
        for match in NUMBERED_DELETION.finditer(line):
            out.append(_echo_runs(line[last : match.start()], number, roots))
            out.append(match.group(0))
            last = match.end()
        out.append(_echo_runs(line[last:], number, roots))
        lines[index] = "".join(out)
    return "\n".join(lines)


def _echo_runs(text: str, number: str, roots: set[str]) -> str:
    """`text` with each run of `MIN_ECHO_WORDS` words or more whose roots are `roots` hidden as
    deletion c`number` (one small word between them, `cell of the wall`, kept in the run)."""
    words = list(_ECHO_WORD.finditer(text))
    echo = [
        any(
            _same_root(mine, root, _ROOT_CHARS + 1) for mine in _roots(w.group(0)) for root in roots
        )
        for w in words
    ]
    runs: list[tuple[int, int]] = []
    at = 0
    while at < len(words):
        if not echo[at]:
            at += 1
            continue
        end, count = at, 1
        while end + 1 < len(words):
            between = text[words[end].end() : words[end + 1].start()]
            if between.strip() or not echo[end + 1]:
                break
            end, count = end + 1, count + 1
        if count >= MIN_ECHO_WORDS:
            runs.append((words[at].start(), words[end].end()))
        at = end + 1
    for start, end in reversed(runs):
        text = f"{text[:start]}{{{{c{number}::{text[start:end]}}}}}{text[end:]}"
    return text


_EXPLAINED = re.compile(r"[*_]*\s+[-–—]\s")
"""After an item's hidden head, the dash that opens its explanation (`{{c1::X}} - why`)."""
_ECHO_WORD = re.compile(r"[^\W\d_][\w'’-]*")
MIN_ECHO_WORDS = 2


def _hidden_again(body: str, number: str, word: str) -> str:
    """`body` with each whole `word` outside its deletions made deletion c`number` too."""
    found = re.compile(rf"(?<![\w\\]){re.escape(word)}(?!\w)", re.IGNORECASE)

    def hidden(match: re.Match[str]) -> str:
        return f"{{{{c{number}::{match.group(0)}}}}}"

    out, last = [], 0
    for match in NUMBERED_DELETION.finditer(body):
        out.append(found.sub(hidden, body[last : match.start()]))
        out.append(match.group(0))
        last = match.end()
    out.append(found.sub(hidden, body[last:]))
    return "".join(out)


def _derived(word: str, root: str) -> bool:
    """`word` is `root` with an ending added (`velboprilat` of `velbopril`)."""
    return len(word) > len(root) and word.lower().startswith(root.lower())


_ONE_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _may_hint(body: str, deletions: list[tuple[str, str]]) -> bool:
    """Whether some deletion has a meaning word whose first letters start a word of the text
    its card may show (outside every deletion, or a deletion beside it on its line): the cheap
    look that passes every deletion `hinted_words` can report (most have no such word)."""
    said = {stem[:_ROOT_CHARS] for _, text in deletions for stem in content_words(text)}
    if not said:
        return False  # figures only (`{{c1::40%}}`): no word to give away
    outside = NUMBERED_DELETION.sub(" ", body)
    shown = (
        {stem[:_ROOT_CHARS] for stem in content_words(outside)}
        if _LETTER.search(outside)
        else set()
    )
    if body.count("{{c") > 1:
        for line in body.splitlines():  # a deletion beside another on its line shows there
            if line.count("{{c") > 1:
                shown.update(stem[:_ROOT_CHARS] for stem in content_words(plain_text(line)))
    return not said.isdisjoint(shown)


_LETTER = re.compile(r"[^\W\d_]")


def _figures_shown(body: str, number: str) -> bool:
    """Whether card cN shows every figure its deletions hide (`3-12` of `over 3-12 hours`)."""
    hidden = [text for this, text in cloze_deletions(body) if this == number]
    figures = {figure for text in hidden for figure in _FIGURE.findall(text)}
    if not figures:
        return True
    card = _cloze_card_text(body, number)
    return all(figure in card for figure in figures)


_FIGURE = re.compile(r"\d+(?:[.,]\d+)?")


_HINTED_ROOTS = 2
"""Meaning words of a deletion, at least, its card must show for HINTED-CLOZE (of several)."""


def _root_words(markdown: str) -> dict[str, str]:
    """Root of each meaning word of a text -> the word as written (lower case), first seen."""
    found: dict[str, str] = {}
    for word in words_of(plain_text(_TAG.sub(" ", markdown))):
        for root in _roots(word):
            found.setdefault(root, word)
    return found


def _same_word(root: str, other: str) -> bool:
    """Roots of one word: the same, one the start of the other, or a near spelling of a long
    word (`amiodaron`, `amiodarin`: one letter changed past the seventh)."""
    if root == other or _same_root(root, other, _ONE_ROOT_CHARS):
        return True
    if min(len(root), len(other)) < _NEAR_SPELLING_CHARS or abs(len(root) - len(other)) > 1:
        return False
    shorter = min(len(root), len(other))
    prefix = next((i for i in range(shorter) if root[i] != other[i]), shorter)
    return prefix >= _NEAR_SPELLING_CHARS - 1 and prefix >= shorter - 2


_NEAR_SPELLING_CHARS = 8
"""Letters of a root, at least, to be matched by a near spelling (a typo) rather than exactly."""


def _label_clozes(note: Note) -> Iterable[Problem]:
    """LABEL-CLOZE for the deletions that are whole items and label their content on the back
    (`label_deletions`), or hide a facet's label with its content (`facet_deletions`)."""
    facets = facet_deletions(note.front)
    if facets:
        names = ", ".join(f"c{number} {_quote(text, 30)}" for number, text in facets)
        yield _problem(
            note,
            "LABEL-CLOZE",
            f"cloze deletions {names} hide a facet's label with its content: each card asks "
            "which facet comes next, not the fact; write each as `Label: content` (`Diagnosis: "
            "skin test`) so that the content is asked under its label",
        )
        return
    filler = filler_deletions(note.front)
    if filler:
        names = ", ".join(f"c{number} {_quote(text, 30)}" for number, text in filler)
        yield _problem(
            note,
            "LABEL-CLOZE",
            f"cloze deletion {names} hides words that only introduce or hedge the fact (a run-in "
            "label, a question word, 'sometimes', 'is recommended'): the fact stays visible "
            "beside it; hide what the label introduces instead",
        )
        return
    found = label_deletions(note.front, note.back)
    if found:
        names = ", ".join(f"c{number} {_quote(text, 30)}" for number, text in found)
        yield _problem(
            note,
            "LABEL-CLOZE",
            f"cloze deletion {names} only labels what the back says under it: the card asks "
            "for the outline's word, not the fact; hide the facts under each label instead",
        )


def filler_deletions(front: str) -> list[tuple[str, str]]:
    """(number, text) of each deletion that hides only what introduces its item's fact: a
    run-in label (`**{{c1::A –}}**`, `**{{c2::When}}**:`), a hedge (`{{c4::in some
    patients}}`) or a passive verb (`{{c3::is recommended}}`)."""
    if "{{" not in front:
        return []
    found = []
    for match in NUMBERED_DELETION.finditer(front):
        text = plain_text(match.group(2).split("::", 1)[0]).strip()
        if not text or (match.group(1), text) in found:
            continue
        if run_in_label(text) or is_hedge(text) or _PASSIVE.fullmatch(text) is not None:
            found.append((match.group(1), text))
    return found


_PASSIVE = re.compile(r"(?:is|are|was|were|be)\s+(?:not\s+)?\w+(?:ed|en)", re.IGNORECASE)


def label_deletions(front: str, back: str) -> list[tuple[str, str]]:
    """(number, label) of each deletion that is a list item alone and a label, by its colon
    (`- {{c2::**Aspirin:**}}`) or as a part of any subject (`- {{c1::Dx}}`, `- {{c3::Management}}`:
    `is_relational`), whose text the back holds as a line of its own with more text after it
    (`**Dx**` then the findings): the outline's labels hidden, their content shown after the
    answer. Not a list of named things with their details on the back (`{{c1::Absorption}}`,
    `{{c2::Metabolism}}`): recalling the names is the point."""
    if not back or "\n" not in front:
        return []
    labels = {_label_key(line) for line in back.splitlines() if line.strip()}
    if len(labels) < 2:
        return []
    found = []
    for line in _body(front).splitlines():
        match = _WHOLE_ITEM.match(line)
        if match is None:
            continue
        number, text = match.group(1), _cloze_text(match.group(2))
        label = plain_text(text).strip()
        if (
            (label.endswith(":") or is_relational(label.rstrip(":")))
            and _label_key(text) in labels
            and (number, text) not in found
        ):
            found.append((number, label.rstrip(" :")))
    if not found or word_count(back) <= 2 * sum(word_count(text) for _, text in found):
        return []  # the back says no more than the labels
    return found


def facet_deletions(front: str) -> list[tuple[str, str]]:
    """(number, text) of each deletion that is a list item alone and a facet of a subject with
    its content in brackets (`- {{c1::Definition (infection without active disease)}}`, `-
    {{c2::Diagnosis (skin test positive)}}`), when MIN_FACETS or more are: the author's outline
    of a subject (definition, diagnosis, treatment) carded as if its labels were the facts."""
    if "\n" not in front or "{{c" not in front:
        return []
    found = []
    for line in _body(front).splitlines():
        match = _WHOLE_ITEM.match(line)
        if match is None:
            continue
        text = plain_text(_cloze_text(match.group(2))).strip()
        facet = _FACET_ITEM.match(text)
        if facet is not None and _is_facet(facet.group("label")):
            found.append((match.group(1), text))
    return found if len(found) >= MIN_FACETS else []


MIN_FACETS = 2
_FACET_ITEM = re.compile(r"^(?P<label>[^()]{1,30}?)\s*\((?P<content>[^()]+)\)$")
_FACET_WORDS = frozenset(
    """definition route onset duration mechanism features examples pathophysiology aetiology
    etiology epidemiology presentation investigations tests screening prevention outcome""".split()
)
"""Facets `text.is_relational` does not name (it reads subjects: "Diagnosis", "Treatment")."""


def _is_facet(label: str) -> bool:
    return is_relational(label) or label.strip().lower() in _FACET_WORDS


_WHOLE_ITEM = re.compile(
    r"^\s*(?:[-*+]|\d+[.)])\s+(?:\*\*|__)?\{\{c(\d+)::(.*?)\}\}(?:\*\*|__)?\s*:?\s*$"
)
"""A list item that is one deletion alone (bold around it, a colon after it)."""


def _label_key(markdown: str) -> str:
    """A label compared with a line: plain, lower case, without list marks and end colons."""
    return plain_text(markdown).strip(" :-*").lower()


def _mixed_clozes(note: Note) -> Iterable[Problem]:
    """MIXED-CLOZE: a list whose items show a label and hide its value (`- **Folate:**
    {{c1::daily to week 14}}`), two at least, beside items hidden whole (`- {{c9::Montelukast}}`),
    two at least: the hidden whole item is asked with no cue but its place in the list."""
    if "\n" not in note.front:
        return
    labelled = whole = 0
    hidden: list[str] = []
    for line in _body(note.front).splitlines():
        match = _WHOLE_ITEM.match(line)
        if match is not None:
            whole += 1
            hidden.append(f"c{match.group(1)}")
            continue
        start = line.find("{{c")
        if start > 0 and _ITEM_LABEL.match(plain_text(line[:start])) is not None:
            labelled += 1
    if labelled >= 2 and whole >= 2:
        yield _problem(
            note,
            "MIXED-CLOZE",
            f"the list hides {labelled} values beside their labels and {whole} whole items "
            f"({', '.join(hidden[:4])}{'…' if whole > 4 else ''}), which have no cue: split "
            "the list, or show each item's name and hide what is said of it",
        )


_ITEM_LABEL = re.compile(r"^\W{0,3}\w[^:]{0,60}(?::|\s[—–-])\W*$")
"""What an item shows before its deletion when that is a label: `Folate: —`, `Step 2 –`."""


def _about_the_source(note: Note) -> Iterable[Problem]:
    """SOURCE-NOT-FACT: a note that asks about the document rather than its subject: what a
    source mentions or leaves out (`Mentions oxygen at BLS level`, `Not mentioned in the
    public guidance`), a page's titles, index or source (`Page titles (source)`, `Glossary:
    Index?`), or a section named for where its text comes from (`## Source: …`)."""
    said = ""
    if note.note_type == "basic" and _may_report(note.back[:_REPORT_CHARS].lower()):
        answer = plain_text(note.back)[:_SOURCE_CHARS]
        if _REPORTS.match(answer) is not None:
            said = f"the answer {_quote(answer, 50)} says what a source mentions"
    if not said and _may_name_the_page(note.front[:_SOURCE_CHARS].lower()):
        question = plain_text(note.front)
        if _ABOUT_PAGE.search(question[:_SOURCE_CHARS]) is not None:
            said = f"the question {_quote(question, 50)} asks about the page"
    if not said and _names_its_source(note.source.section):
        said = "its section names the source its text comes from"
    if said:
        yield _problem(
            note,
            "SOURCE-NOT-FACT",
            f"{said}, not a fact to learn: cut it, or ask the fact the source gives",
        )


_OPTION_LINE = re.compile(r"^(?:[-*+][ \t]+)?\(?([A-Ha-h])[.)][ \t]+\S")
_ANSWER_LETTER = re.compile(r"(?i):[ \t]*[a-h]\?$")
_ANSWER_WORD = re.compile(r"(?i)\banswer|\bsolution|\bkey\b|答案|解答|正解")
"""A front ending with a letter asked (`…: B?`) after a word that names a quiz's answer: the
tail is found first and the word before it, as one pattern (`answer.*:`) tried the colons from
every "answer" (thousands of `answer:` took seconds, quadratic)."""


def _quiz_scaffold(note: Note) -> Iterable[Problem]:
    """QUIZ-SCAFFOLD: a quiz the builder could not pair with its answer, carded in pieces: its
    stem answered by its lettered options (a, b, c … in order, no mark of the right one), or
    its answer's letter asked alone ("Answer in velbarin: B?")."""
    lines = [line.strip() for line in note.back.splitlines() if line.strip()]
    letters = [_OPTION_LINE.match(line) for line in lines]
    if len(lines) >= 2 and all(letters):
        marks = "".join(found.group(1).lower() for found in letters if found)
        spelt = all(  # `A. Airway`, `B. Breathing`: a mnemonic's letters, not a quiz's options
            plain_text(line[found.end() - 1 :]).lower().startswith(found.group(1).lower())
            for line, found in zip(lines, letters, strict=True)
            if found
        )
        if marks == "abcdefgh"[: len(marks)] and not spelt:
            yield _problem(
                note,
                "QUIZ-SCAFFOLD",
                "the answer is only the quiz's options: mark the right one (an `Answer:` line or "
                "an answer callout right after them), or cut the question",
            )
            return
    front = plain_text(note.front).strip() if "?" in note.front[-3:] else ""
    asked = _ANSWER_LETTER.search(front)
    if asked is not None and _ANSWER_WORD.search(front, 0, asked.start()):
        yield _problem(
            note,
            "QUIZ-SCAFFOLD",
            "the question asks an answer's letter alone: put the answer right after its "
            "question's options so that they make one card",
        )


@lru_cache(maxsize=TEXT_CACHE)
def _names_its_source(section: tuple[str, ...]) -> bool:
    """A heading of the path names where its text comes from (once per section, not note)."""
    return any(_SOURCE_HEADING.match(plain(heading)) is not None for heading in section)


_REPORT_CHARS = 40


def _may_report(head: str) -> bool:
    """What an answer `_REPORTS` matches holds in its first `_REPORT_CHARS` characters, in
    lower case: a cheap look (every note's)."""
    return (
        "ention" in head
        or "iscuss" in head
        or "not " in head
        or "ly " in head
        or "publi" in head
        or "offic" in head
    )


def _may_name_the_page(front: str) -> bool:
    """What a question `_ABOUT_PAGE` finds holds, in lower case: a cheap look."""
    return (
        "(" in front
        and ("(source" in front or "(publ" in front or "(web" in front or "(page" in front)
    ) or ("page title" in front or "index?" in front)


_SOURCE_CHARS = 300
_REPORTS = re.compile(
    r"^(?:it |this (?:page|document|source|guide|leaflet) )?(?:also |only |briefly )?"
    r"(?:mention(?:s|ed)?|discuss(?:es|ed))\b"
    r"|^(?:explicitly|specifically) (?:distinguishes|states|notes|covers|describes|mentions)\b"
    r"|^(?:is |are )?not (?:mentioned|discussed|covered|addressed|described|specified|stated)\b"
    r"|^(?:the )?(?:published|public-facing|official) (?:guidance|guidelines?|advice|material)\b",
    re.IGNORECASE,
)
"""An answer that reports what a text says: `Mentions …`, `Not mentioned in …`, `Published
guidance is aimed at …` (a comparison of two sources, carded)."""
_ABOUT_PAGE = re.compile(
    r"\((?:source|publisher|website|web ?page|page)\)|\bpage titles?\b|^[^:?]{1,80}: index\?$",
    re.IGNORECASE,
)
"""A question about the page: its source, its titles, its index."""
_SOURCE_HEADING = re.compile(r"^(?:sources?|adapted from|taken from)\s*:\s*\S", re.IGNORECASE)
"""A heading that names where its section's text comes from (`Source: Red Cross`)."""


# -- leftover markup ---------------------------------------------------------------------------

_SUSPECT = re.compile(r"\*\*|__|\[|\]|\{|\}|==|:[a-z]|::|<|&|\w[~^]|[,;][ \t]*[,;.]|\$[_^\\]")
"""A character some leftover needs: text without one is passed over at once."""
_LEFTOVERS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("`**`", re.compile(r"\*\*")),
    ("`__`", re.compile(r"__")),
    ("a wikilink `[[...]]`", re.compile(r"\[\[|\]\]")),
    ("a footnote marker `[^...]`", re.compile(r"\[\^[^\]\s]*\]")),
    ("a broken link `](`", re.compile(r"\]\(")),
    ("a reference link `[text][label]`", re.compile(r"\]\[")),
    ("an attribute list `{...}`", re.compile(r"\{[:.#][^}]*\}")),
    (
        "a property line `key:: value` (Logseq)",
        re.compile(r"(?<![\w.-])[A-Za-z][\w.-]+::[ \t]+\S"),
    ),
    (
        "double braces `{{ }}` (a site's template tag or cloze marks typed as text)",
        re.compile("\\{\u2060?\\{|\\}\u2060?\\}"),
    ),
    ("highlight marks `==`", re.compile(r"==(?=\S)|(?<=\S)==")),
    (
        "a Pandoc sub- or superscript `~2~`, `^2^`",
        re.compile(r"(?<=[\w)])~(?!~)[^\s~]{1,12}~(?!~)|\^[^\s^\[\]]{1,12}\^"),
    ),
    (
        "an icon code `:name:`",
        re.compile(r"(?<![\w:/]):[a-z][a-z0-9]*(?:[-_+][a-z0-9]+)*:(?![\w:])"),
    ),
    (
        "a separator left by removed markup `,.` / `,,`",
        re.compile(r"(?<=[\w\"'”’)])[ \t]*[,;](?:[ \t]*[,;])*[ \t]*[,;.](?![.\w])"),
    ),
    (
        "TeX math left in dollars `$_{...}$`",
        re.compile(r"\$[_^{\\]|(?<=[}_^])\$"),
    ),
    ("an HTML tag", re.compile(r"<(?:[A-Za-z][A-Za-z0-9]*|/[A-Za-z][A-Za-z0-9]*|!--)[\s/>]")),
    (
        "an HTML entity",
        re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});"),
    ),
)
_LINK_MARKUP = re.compile(r"(?<!!)\[[^\]]*\]\([^)]*\)")  # a link, not an image
_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_URL = re.compile(r"\b(?:https?://|www\.)\S+")
_URL_OR_PATH = re.compile(r"(?:https?://|www\.)\S+|/[\w\-./#?=&%]*[\w/]")


@lru_cache(maxsize=TEXT_CACHE)
def leftover_markup(markdown: str) -> tuple[str, ...]:
    """What of a Markdown field a student would see as markup: the leftovers in the text the
    Markdown renders as text (emphasis, links, HTML and entities that do render are fine)."""
    text = without_math(NUMBERED_DELETION.sub(_held_deletion, markdown))
    if _SUSPECT.search(text) is None:
        return ()
    text = closed_bold(text)  # as render.py closes a bold run CommonMark would leave open
    found: dict[str, None] = {}
    for token in _html_markdown().parse(text):
        if token.type != "inline" or not token.children:
            continue
        shown = "".join(
            child.content if child.type == "text" else "\n"
            for child in token.children
            if child.type in ("text", "softbreak", "hardbreak")
        )  # a line break kept: `3` / `key:: value` is no `3key::` run
        found.update(dict.fromkeys(_literal_markup(shown)))
    return tuple(found)


def _held_deletion(match: re.Match[str]) -> str:
    """A deletion's text between two punctuation marks, as its `{{c1::` and `}}` stand when the
    field is rendered: CommonMark reads `Hy**{{c1::po}}**` otherwise than `Hy**po**` (the card
    closes such a bold run, `closed_bold`, and so does the check)."""
    return f"«{_cloze_text(match.group(2))}»"


@lru_cache(maxsize=TEXT_CACHE)
def _literal_markup(text: str) -> tuple[str, ...]:
    """The leftovers in text shown as it is (a heading path, or what Markdown rendered as text)."""
    if _SUSPECT.search(text) is None:
        return ()
    if "=" in text and ">" in text:  # `===|enzyme|===>`, `==>`: an arrow, no highlight mark
        text = ARROW.sub(" → ", text)
    found = [name for name, pattern in _LEFTOVERS if pattern.search(text)]
    if text.count("[") != text.count("]"):
        found.append("an unmatched `[` or `]`")
    return tuple(found)


def is_link_only(markdown: str) -> bool:
    """A side (or deletion) that is only links or URLs, or a site path ("/guides/asthma"). A
    wikilink's text is the fact itself (`[[Renal failure]]`): LEFTOVER-MARKUP's business."""
    text = NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), markdown).strip()
    text = _WIKILINK.sub(lambda m: m.group(1), text)
    if only_links(text):
        return True
    shown = plain_text(text)
    return bool(shown) and _URL_OR_PATH.fullmatch(shown) is not None


def is_contact_only(markdown: str) -> bool:
    """An answer that is only where to reach someone: a link, a URL or site path, an email
    address or a phone number ("Phone: 0800 123 4567" under "For more information")."""
    if len(markdown) > 300 or not (
        "@" in markdown or "/" in markdown or "www" in markdown or markdown[:1] in "+(0123456789["
    ):
        return False  # a look that every note passes through: most answers are none of these
    if is_link_only(markdown):
        return True
    shown = plain_text(markdown).strip().rstrip(".")
    if not shown or len(shown) > 60:
        return False
    if _EMAIL.fullmatch(shown) is not None:
        return True
    if _PHONE.fullmatch(shown) is None:
        return False
    if re.search(r"\s[-–]\s", shown):
        return False  # "150 000 - 450 000": a range of counts
    groups = re.findall(r"\d+", shown)  # 902-717-7596, 0800 123 4567: not 1500-2000, 2024-01-15
    return len(groups) >= 3 and len(groups[-1]) >= 4 and sum(map(len, groups)) >= 9


_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_PHONE = re.compile(r"\+?[\d\s().-]+")


@lru_cache(maxsize=1)
def _html_markdown() -> Any:
    """Markdown as render.py reads a field (raw HTML on), to see what renders as text."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True}).enable("table")


# -- pairs of notes ----------------------------------------------------------------------------


def _check_duplicates(notes: Sequence[Note]) -> Iterable[Problem]:
    """Each note against the notes before it; reported at the later one, naming the earlier.

    Near-duplicates name the most similar earlier note (the earliest of equals). Comparing every
    pair is quadratic (a 10,000-note deck took a minute), so a note is only compared with the
    notes that can pass the rule, and those are found without looking at the others:

    - `only_wording_differs` holds only between fronts with the same content words (below), so
      the notes are grouped by that set and compared within their group;
    - in a large group (a script whose words `content_words` cannot see, such as Cyrillic, puts
      every front in one), the character pairs two fronts must share to reach the ratio find the
      candidates through an index (`_Candidates`);
    - a candidate must have a compatible length and enough characters in common (difflib's
      `quick_ratio`, from character counts made once per front) before difflib runs.

    Every pair the rule accepts is a candidate, so this reports what comparing all pairs
    reports (tests/test_lint.py holds it to a plain all-pairs search).
    """
    seen: dict[str, Note] = {}
    groups: dict[frozenset[str], list[tuple[int, str, Note]]] = {}
    for index, note in enumerate(notes):
        front = front_key(note.front)
        if not front:
            continue
        first = seen.get(front)
        if first is not None:
            yield _problem(
                note,
                "DUPLICATE-FRONT",
                f"front {_quote(plain_text(note.front))} repeats the card at {_where(first, note)}",
            )
            continue
        seen[front] = note
        groups.setdefault(content_words(front, 1), []).append((index, front, note))
    for group in groups.values():
        if len(group) > 1:
            yield from _near_duplicates(group)


def _near_duplicates(group: list[tuple[int, str, Note]]) -> Iterable[Problem]:
    """NEAR-DUPLICATE-FRONT within one group of distinct fronts (index, front key, note)."""
    ratio_needed = NEAR_DUPLICATE_RATIO
    matcher = difflib.SequenceMatcher(autojunk=False)
    candidates = _Candidates([front for _, front, _ in group], ratio_needed)
    counts: list[int] = []
    for position, (_, front, note) in enumerate(group):
        chars = _char_counts(front)
        counts.append(chars)
        countable = len(front) < _COUNT_LIMIT
        shortest, longest = _length_window(len(front), ratio_needed)
        matcher.set_seq2(front)
        best: tuple[float, int, Note] | None = None
        for other_position in candidates.earlier(position):
            other_index, other_front, other = group[other_position]
            length = len(other_front)
            if not shortest <= length <= longest or (
                countable
                and length < _COUNT_LIMIT
                and 2 * _common_chars(chars, counts[other_position])
                < ratio_needed * (len(front) + length)
            ):
                continue
            matcher.set_seq1(other_front)
            ratio = matcher.ratio()
            if (
                ratio >= ratio_needed
                and (best is None or (ratio, -other_index) > (best[0], -best[1]))
                and only_wording_differs(front, other_front)
            ):
                best = (ratio, other_index, other)
        if best is not None:
            yield _problem(
                note,
                "NEAR-DUPLICATE-FRONT",
                f"front {_quote(plain_text(note.front))} is {best[0]:.0%} similar to "
                f"{_quote(plain_text(best[2].front))} at {_where(best[2], note)}",
            )


def _length_window(length: int, ratio: float) -> tuple[int, int]:
    """The lengths a front may have to reach `ratio` with one of `length` characters:
    ratio <= 2 * min(len) / (sum of lens)."""
    return (
        math.ceil(length * ratio / (2 - ratio) - _SLACK),
        math.floor(length * (2 - ratio) / ratio + _SLACK),
    )


_SLACK = 1e-9
"""Bounds are widened by this much: difflib computes the ratio in floating point."""
SMALL_GROUP = 24
"""Groups up to this size compare every pair (cheaper than indexing them)."""
GRAM = 3
"""Characters in the pieces the index of a large group holds (see `_Candidates`)."""


class _Candidates:
    """The earlier fronts of a group that can reach the ratio with a given one (a superset).

    Where difflib's ratio 2M/T (M characters matched, T both lengths) is at least r, the
    unmatched characters U = T - 2M separate the matching blocks, so there are at most U + 1
    blocks; a block of s characters holds s - q + 1 runs of q characters (q-grams) found in both
    fronts, so the fronts share at least M - (q - 1)(U + 1) >= ((2q - 1)r/2 - (q - 1))T - (q - 1)
    q-grams, counted with repeats. T is at least a front's length plus the shortest length its
    partner may have, which bounds the q-grams shared from one front's length alone
    (`_shared_grams_needed`).

    Two sets sharing t elements share one among their first (size - t + 1) elements in any one
    order (prefix filtering): ordered rarest first, those prefixes are short lists of rare
    q-grams, and the fronts whose prefixes share one are the candidates. A front too short for
    the bound (t <= 0) is compared with every other front; so is every front of a group when
    the ratio is too low for the bound to say anything.
    """

    def __init__(self, fronts: list[str], ratio: float):
        self.size = len(fronts)
        self.indexed = self.size > SMALL_GROUP and (2 * GRAM - 1) * ratio / 2 > GRAM - 1
        if not self.indexed:
            return
        tokens = [_grams(front) for front in fronts]
        rarity = Counter(token for front_tokens in tokens for token in front_tokens)
        self.prefixes: list[list[tuple[str, int]] | None] = []
        for front, front_tokens in zip(fronts, tokens, strict=True):
            needed = _shared_grams_needed(len(front), ratio)
            if needed <= 0 or not front_tokens:
                self.prefixes.append(None)
                continue
            front_tokens.sort(key=lambda token: (rarity[token], token))
            self.prefixes.append(front_tokens[: len(front_tokens) - needed + 1])
        self.index: dict[tuple[str, int], list[int]] = {}
        self.unfiltered: list[int] = []

    def earlier(self, position: int) -> Iterable[int]:
        """Positions before `position` that may reach the ratio with it; call in order."""
        if not self.indexed:
            return range(position)
        prefix = self.prefixes[position]
        found: set[int]
        if prefix is None:
            found = set(range(position))
            self.unfiltered.append(position)
        else:
            found = set(self.unfiltered)
            for token in prefix:
                postings = self.index.setdefault(token, [])
                found.update(postings)
                postings.append(position)
        return sorted(found)


def _shared_grams_needed(length: int, ratio: float) -> int:
    """The fewest q-grams a front of `length` characters shares with any front it reaches
    `ratio` with (see `_Candidates`)."""
    shortest, _ = _length_window(length, ratio)
    per_character = (2 * GRAM - 1) * (ratio - _SLACK) / 2 - (GRAM - 1)
    return math.ceil(per_character * (length + shortest) - (GRAM - 1) - _SLACK)


def _grams(front: str) -> list[tuple[str, int]]:
    """A front's runs of `GRAM` characters, each repeat numbered (the second "the" is
    ("the", 1)), so that sets of them share as many elements as the fronts share runs."""
    seen: Counter[str] = Counter()
    tokens = []
    for start in range(len(front) - GRAM + 1):
        gram = front[start : start + GRAM]
        tokens.append((gram, seen[gram]))
        seen[gram] += 1
    return tokens


def only_wording_differs(first: str, second: str) -> bool:
    """True when two fronts differ only in small words, punctuation or word endings.

    "What does CT stand for?" and "What does MRI stand for?" are alike as strings but ask about
    different things (sibling cards from one template); "How is X treated?" and "How is the X
    treated?" ask the same thing. Content words are found word by word, so where every
    difference has the same content words on both sides, so have the whole fronts: fronts with
    different `content_words(front, 1)` never pass (the near-duplicate search relies on it).
    """
    left, right = first.split(), second.split()
    for tag, a1, a2, b1, b2 in difflib.SequenceMatcher(None, left, right).get_opcodes():
        if tag == "equal":
            continue
        one, other = " ".join(left[a1:a2]), " ".join(right[b1:b2])
        if content_words(one, 1) != content_words(other, 1) or _ideographs(one) != _ideographs(
            other
        ):
            return False
    return True


def _ideographs(text: str) -> frozenset[str]:
    """The CJK characters of a text: each carries meaning as a word does ("起始" and "維持",
    start and maintenance, are two questions, though no ASCII word tells them apart)."""
    if text.isascii():
        return frozenset()
    return frozenset(
        char for char in text if "\u3040" <= char <= "\u9fff" or "\uac00" <= char <= "\ud7af"
    )


# Character counts packed into one integer, a 16-bit field per character class, so the
# characters two fronts share (the sum of the smaller count of each class) take a few big-integer
# operations instead of a Python loop per class. Exact while fronts are under 2**15 characters.
# Other characters (é, Cyrillic, CJK) share `_OTHER_FIELDS` classes by code point: merging
# classes can only raise the sum, so it stays an upper bound.
_COUNTED = "abcdefghijklmnopqrstuvwxyz0123456789 "
_OTHER_FIELDS = 29
_FIELD_BITS = 16
_COUNT_LIMIT = 1 << (_FIELD_BITS - 1)
_FIELD_MASK = (1 << _FIELD_BITS) - 1
_GUARDS = sum(
    1 << (_FIELD_BITS * i + _FIELD_BITS - 1) for i in range(len(_COUNTED) + _OTHER_FIELDS)
)


def _char_counts(text: str) -> int:
    """How often each of a-z, 0-9 and space occurs, then other characters by class, packed."""
    counts = Counter(text)
    fields = [counts.pop(char, 0) for char in _COUNTED] + [0] * _OTHER_FIELDS
    for char, count in counts.items():
        fields[len(_COUNTED) + ord(char) % _OTHER_FIELDS] += count
    return sum(min(count, _COUNT_LIMIT - 1) << (_FIELD_BITS * i) for i, count in enumerate(fields))


def _common_chars(first: int, second: int) -> int:
    """Sum over the packed fields of min(first, second): characters the two texts share."""
    # Per field, (a + 2**15) - b keeps its guard bit exactly when a >= b.
    first_larger = (((first | _GUARDS) - second) & _GUARDS) >> (_FIELD_BITS - 1)
    mask = first_larger * _FIELD_MASK
    smaller = (second & mask) | (first & ~mask)
    # The fields are digits in base 2**16, and 2**16 = 1 (mod 2**16 - 1): the remainder is
    # their sum, which is below 2**15.
    return smaller % _FIELD_MASK


# Signs that change what a front asks ("urine output (< 30 kg)?" is not "(> 30 kg)?"): kept as
# words when the rest of the punctuation is folded away.
_MEANING_SIGNS = str.maketrans(
    {"<": " lt ", ">": " gt ", "≤": " le ", "≥": " ge ", "↑": " up ", "↓": " down "}
)


def front_key(markdown: str) -> str:
    """A front compared for duplicates: cloze text shown, case, punctuation and spacing folded
    (but not the comparison and arrow signs that make two questions different, nor a "+" or a
    dash glued to its word: "de + de 1 heure" and "de –de 1 heure" are more and less than)."""
    text = unicodedata.normalize("NFKC", plain_text(markdown)).casefold()
    if "+" in text or "–" in text or "−" in text:
        text = _PLUS_MINUS.sub(lambda m: " plus " if m.group() == "+" else " minus ", text)
    text = re.sub(r"[^\w\s]|_", " ", text.translate(_MEANING_SIGNS))
    return " ".join(text.split())


_PLUS_MINUS = re.compile(r"\+|[–−](?=\w)")


def _where(first: Note, note: Note) -> str:
    if first.source.path == note.source.path:
        return f"line {first.source.line}"
    return f"{first.source.path}:{first.source.line}"


# -- text helpers ------------------------------------------------------------------------------


def cloze_deletions(text: str) -> list[tuple[str, str]]:
    """(number, Markdown text) of every `{{cN::text}}` or `{{cN::text::hint}}` in order."""
    return [(m.group(1), _cloze_text(m.group(2))) for m in NUMBERED_DELETION.finditer(text)]


def _cloze_text(body: str) -> str:
    return body.split("::", 1)[0]


@lru_cache(maxsize=TEXT_CACHE)
def plain_text(markdown: str) -> str:
    """A field's Markdown as one line of text: block markup, inline markup and clozes removed."""
    text = (
        NUMBERED_DELETION.sub(lambda m: _cloze_text(m.group(2)), markdown)
        if "{{" in markdown
        else markdown
    )
    simple = _plain_lines(text)
    if simple is not None:
        return " ".join(" ".join(simple[0]).split())
    return _parsed_plain_text(text)


def _parsed_plain_text(text: str) -> str:
    """plain_text the long way, through the parser's tokens."""
    parts = []
    for token in _parse(text):
        if token.type == "inline":
            parts.append(plain(token.content))
        elif token.type in ("fence", "code_block"):
            parts.append(token.content)
        elif token.type == "html_block":
            parts.append(re.sub(r"<[^>]*>", " ", token.content))
    return " ".join(" ".join(parts).split())


def _plain_lines(text: str) -> tuple[list[str], int] | None:
    """(each line's text, the longest list's length) of Markdown made of the shapes most fields
    have: lines of plain text, `- ` list items of plain text, and empty lines; None for
    anything else. What parsing would find, without the parser (tests/test_lint.py holds the two
    equal): a `- ` line starts a list or continues the current one; a plain line ends the list
    only after an empty line (right after an item it continues the item's paragraph)."""
    if _MARKUP.search(text) is not None:
        return None
    parts: list[str] = []
    longest = items = 0
    blank = False
    for line in text.split("\n"):
        if not line:
            blank = True
            continue
        if _ITEM.match(line):
            items += 1
            longest = max(longest, items)
            parts.append(line[2:])
        elif _PARAGRAPH.match(line):
            if blank:
                items = 0
            parts.append(line)
        else:
            return None
        blank = False
    return parts, longest


_TEXT = r"(?![0-9]{1,9}[.)](?:[ \t]|$))[^\s#>+=~\-]"
_PARAGRAPH = re.compile(_TEXT)
"""The start of a line that can only be a paragraph's: not a heading, quote, list, rule, fence
or indented code."""
_ITEM = re.compile("- {1,4}" + _TEXT)
"""A `- ` list item whose text starts as a paragraph does."""
_MARKUP = re.compile(r"[\\`*_\[\]<>&|\r\x00]")
"""Characters that may start inline markup (or a line, or stand for one): text free of them is
plain words, laid out by its lines alone."""


def word_count(markdown: str) -> int:
    """Words in the plain text; a word is a run of non-space characters with a letter or digit."""
    return sum(1 for word in plain_text(markdown).split() if any(c.isalnum() for c in word))


def longest_list(markdown: str) -> int:
    """Items of the longest Markdown list (each nested list counted on its own)."""
    simple = _plain_lines(markdown)
    return simple[1] if simple is not None else _parsed_longest_list(markdown)


def _parsed_longest_list(markdown: str) -> int:
    """longest_list the long way, through the parser's tokens."""
    stack: list[int] = []
    longest = 0
    for token in _parse(markdown):
        if token.type in ("bullet_list_open", "ordered_list_open"):
            stack.append(0)
        elif token.type == "list_item_open" and stack:
            stack[-1] += 1
        elif token.type in ("bullet_list_close", "ordered_list_close") and stack:
            longest = max(longest, stack.pop())
    return longest


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable("table")


@lru_cache(maxsize=64)
def _parse(markdown: str) -> tuple[Any, ...]:
    """Tokens, kept for the next few calls: several rules read the same field."""
    return tuple(_markdown().parse(markdown))


def _answer_form(markdown: str) -> str:
    """An answer as looked for in a front: plain text without the closing full stop or the
    quotation marks around it (`"Contact precautions"`)."""
    return plain_text(markdown).strip(" .,;:!?\"'“”‘’«»")


def _contains(text: str, answer: str) -> bool:
    """`answer` in `text` ignoring case, as whole words ('Yes' is not in 'eyes')."""
    # What the regex needs at least: most answers are ruled out without compiling one (answers
    # rarely repeat, so the regex cache does not help). An ASCII answer matches, ignoring case,
    # only ASCII text and the four letters in `_ASCII_FOLDS`.
    if (
        answer.isascii()
        and (text.isascii() or _ASCII_FOLDS.search(text) is None)
        and " ".join(answer.split()).lower() not in " ".join(text.split()).lower()
    ):
        return False
    return _found_as_words(text, answer)


def _found_as_words(text: str, answer: str) -> bool:
    """`_contains` the long way, with a regex."""
    pattern = r"\s+".join(re.escape(word) for word in answer.split())
    if answer[0].isalnum() or answer[0] == "_":
        pattern = r"(?<!\w)" + pattern
    if answer[-1].isalnum() or answer[-1] == "_":
        pattern += r"(?!\w)"
    return re.search(pattern, text, re.IGNORECASE) is not None


_ASCII_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
"""İ, ı, ſ and the Kelvin sign: the only characters beyond ASCII that an ASCII letter matches
under re.IGNORECASE (found by trying every code point)."""


def _quote(text: str, width: int = 70) -> str:
    """Quoted, long text cut in the middle: the ends tell similar questions apart."""
    if len(text) > width:
        head = (width - 1) // 2
        text = text[:head].rstrip() + "…" + text[len(text) - (width - 1 - head) :].lstrip()
    return f'"{text}"'


def _problem(note: Note, code: str, message: str) -> Problem:
    return Problem(note.source.path, note.source.line, code, message, LINT_RULES[code][0])


def _sort_key(problem: Problem) -> tuple[str, int, str, str]:
    return (problem.path, problem.line, problem.code, problem.message)


# -- output ------------------------------------------------------------------------------------


def problem_record(problem: Problem) -> dict[str, Any]:
    """One problem as JSON, with stable keys (see docs/lint-rules.md, "Output")."""
    return {
        "path": problem.path,
        "line": problem.line,
        "code": problem.code,
        "severity": problem.severity,
        "message": problem.message,
    }


def format_problems(
    problems: Sequence[Problem],
    fmt: Literal["text", "json"],
    notes: int | None = None,
    cards: int | None = None,
) -> str:
    """`path:line: CODE message` lines and a summary, or a JSON list; sorted either way.

    `notes` and `cards` are how many were checked, for the summary ("in 103 notes (144 cards)":
    a cloze note makes several cards); without them it counts the source lines with problems.
    """
    ordered = sorted(problems, key=_sort_key)
    if fmt == "json":
        records = [problem_record(problem) for problem in ordered]
        return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    lines = [f"{p.path}:{p.line}: {p.code} {p.message}" for p in ordered]
    errors = sum(1 for p in ordered if p.severity == "error")
    warnings = len(ordered) - errors
    if notes is None:
        where = f"at {_count(len({(p.path, p.line) for p in ordered}), 'source line')}"
    else:
        where = f"in {_count(notes, 'note')}"
        if cards is not None:
            where += f" ({_count(cards, 'card')})"
    lines.append(f"{_count(errors, 'error')}, {_count(warnings, 'warning')} {where}")
    return "\n".join(lines) + "\n"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


# -- content that gave no note ---------------------------------------------------------------


def unasked_blocks(
    shown: str, routes: Sequence[Route], notes: Sequence[Note]
) -> list[tuple[str, int, str]]:
    """(path as notes cite it, line, kind) of each list, or paragraph of `label: value` lines,
    in a section the deck reads that no rule made a note from (NO-NOTE), of each long paragraph
    that gave none, and of labelled items of a list dropped beside carded ones. The rules refuse
    what they cannot card well, and a refusal is silent: a teacher who never sees the fact
    missing cannot fix its shape. A note counts for a block when its source line is inside it.
    `read_document` asks this of each document's routes; `check` reports it. An abbreviation's
    notes ask what its letters stand for, none of the block's facts: they count for no block
    (`lines`), only for the items they sit in (`carded`)."""
    carded = {note.source.line for note in notes}
    lines = sorted({note.source.line for note in notes if note.rule != "abbreviation"})
    found: list[tuple[str, int, str]] = []
    untold = [
        block.line
        for routed in routes
        for block in routed.section.blocks
        if unanswered_items(block)
        and not carded.intersection(range(block.line, _last_line(block) + 1))
    ]
    if untold:  # said once: the whole bank wants its answers marked, not each question
        found.append((shown, untold[0], "unanswered quiz"))
    for routed in routes:
        section = routed.section
        if routed.in_faq or "enumeration" not in routed.subdeck.rules:
            continue  # an FAQ's lists are its answers; a deck may not card lists at all
        if _fill_in(section):
            continue  # a note template's blanks ("Exam showed ***."): nothing to write as facts
        found.extend((shown, line, "placeholder") for line in _placeholders(section.blocks))
        previous: Block | None = None
        said = len(found)  # the section's own warnings come after these
        long: list[tuple[str, int, str]] = []  # said of the section instead when it gave none
        quizzed = answered_blocks(section.blocks)  # a quiz's options and case: no note, by design
        for number, block in enumerate(section.blocks):
            before, previous = previous, block
            if (
                isinstance(block, Table)
                and "table" in routed.subdeck.rules
                and not _navigation(block)
                and not is_example(None, section)  # a worked example's counts hold for it only
            ):
                at_rows = unread_rows(block)  # a manifest's subject column may card them after all
                found.extend((shown, line, "table row") for line in at_rows if line not in carded)
                if _silent_table(block, lines):
                    found.append((shown, block.line, "table"))
            if _silent_tree(block, lines) and not is_example(None, section):
                found.append((shown, block.line, "tree"))
            if _unread_table(block) and "table" in routed.subdeck.rules:
                found.append((shown, block.line, "html table"))
            elif _unread_list(block, lines):
                found.append((shown, block.line, "html list"))
            if isinstance(block, RawBlock) and block.kind == "flattened":
                found.append((shown, block.line, "flattened table"))  # (`document`: no note)
            if not isinstance(block, (ListBlock, Paragraph)) or number in quizzed:
                continue
            first, last = block.line, _last_line(block)
            if isinstance(block, Paragraph) and _long_prose(block, section):
                at = bisect.bisect_left(lines, first)
                if not (at < len(lines) and lines[at] <= last) and not is_example(None, section):
                    long.append((shown, block.line, "long prose"))
                continue  # a long paragraph is no lead-in's list nor `label: value` lines
            if isinstance(before, Paragraph) and "\n" not in before.text.strip():
                first = before.line  # a one-line lead-in's note may hold its list (a term's)
            at = bisect.bisect_left(lines, first)
            if at < len(lines) and lines[at] <= last:
                dropped = _dropped_items(block, carded) if isinstance(block, ListBlock) else 0
                if dropped and not is_example(None, section):
                    found.append((shown, dropped, "items"))
                elif isinstance(block, ListBlock) and not is_example(None, section):
                    dropped = _dropped_sentences(block, carded)
                    if dropped:
                        found.append((shown, dropped, "sentences"))
                    elif beside := _beside_labels(block, carded):
                        found.append((shown, beside, "beside labels"))
                continue  # a note's line inside the block
            if not (_looks_like_content(block) or _led_point(block, before)):
                continue
            if is_example(None, section):
                continue  # a worked example's numbers hold for that example only
            kind = "list" if isinstance(block, ListBlock) else "paragraph"
            lead = before.text if isinstance(before, Paragraph) else ""
            if isinstance(block, ListBlock) and is_preparation(block, lead, section.title):
                kind = "steps"  # a recipe too long to ask as one note: no lead-in would help
            elif isinstance(block, ListBlock) and _restates_itself(block):
                kind = "restating"  # its cloze was dropped: each card showed another's answer
            elif isinstance(block, ListBlock) and _numbered_labels(block):
                kind = "numbered"  # `- Path 2: …`: the author's numbering names nothing to ask
            elif isinstance(block, ListBlock) and _instructions(block):
                if plain(lead).rstrip(" *_").endswith(":"):  # steps: no label would help
                    kind = "led steps"  # asked as one '…: steps?' card, up to a few steps
                elif _opens_section(before) and _names_its_list(section):
                    kind = "named steps"  # asked as a cloze when short
                else:
                    kind = "unnamed steps"
            elif (
                isinstance(block, ListBlock)
                and len(block.items) > MAX_LIST_ANSWER_ITEMS
                and plain(lead).rstrip(" *_").endswith(":")
            ):
                kind = "long list"  # it has its lead-in: its length is why it gave none
            elif _led_point(block, before):
                kind = "led point"  # one item under its lead-in: the lead-in is no help
            elif kind == "list" and _opens_section(before) and _names_its_list(section):
                kind = "headed list"  # a heading that names its items: asking for one misleads
            found.append((shown, block.line, kind))
        if _unasked_term(routed, lines):
            found.append((shown, section.blocks[0].line, "term"))
            long = []  # the term's warning says what to write
        elif "prose_fact" in routed.subdeck.rules and not is_example(None, section):
            prose = _unasked_prose(section, lines)
            if prose is not None:
                found.append((shown, prose, "prose"))
                long = []
            elif not long and len(found) == said:  # nothing said of the section yet
                loose = _unasked_lines(section, lines)
                marked = _unasked_marked(section, lines) if loose is None else None
                if loose is not None:
                    found.append((shown, loose, "loose lines"))
                elif marked is not None:
                    found.append((shown, marked, "marked prose"))
        if not long and len(found) == said and not is_example(None, section):
            thin = _thin_section(section, lines)
            if thin is not None:
                found.append((shown, thin, "thin section"))
        found.extend(long)
    return found


MIN_THIN_SECTION_CHARS = 500
"""A section's own text of this many characters or more that gave at most one note lost facts:
a procedure converted from PDF (its bullets a symbol font's glyphs) read as one paragraph."""


MIN_LINED = 3
"""Lines of one paragraph, each a line of its own (no blank line between): a list or a table the
author (or a PDF's converter) typed as lines, which CommonMark joins into one paragraph."""


def _thin_section(section: Section, lines: list[int]) -> int | None:
    """The line of the first paragraph or list of a section whose own paragraphs and lists hold
    MIN_THIN_SECTION_CHARS characters or more and gave one note or none, when nothing else was
    said of it: a shape no rule reads (glyphs for bullets, a table typed as text) is silent
    otherwise, the one note hiding the loss."""
    written = [block for block in section.blocks if isinstance(block, (Paragraph, ListBlock))]
    total = sum(map(_written_chars, written))
    if total < MIN_THIN_SECTION_CHARS:
        return None
    lined = sum(
        len(block.text) for block in written if isinstance(block, Paragraph) and _lined(block)
    )
    if 2 * lined < total:
        return None  # prose or lists the rules read: its notes are the rules' choice
    if _section_notes(section, lines) > 1:
        return None
    return written[0].line


def _lined(block: Paragraph) -> bool:
    """A paragraph of MIN_LINED lines or more, each a line of its own: at most half of them go on
    in small letters on the next (a hard-wrapped sentence is prose)."""
    breaks = block.text.strip().count("\n")
    if breaks < MIN_LINED - 1:
        return False
    return 2 * len(_RUN_ON.findall(block.text)) <= breaks


_RUN_ON = re.compile(r"\n[ \t]*[a-z(]")
"""A line going on in small letters or a bracket: the rest of the sentence above."""


def _written_chars(block: Block) -> int:
    """The characters of a paragraph's or a list's text, nested items included."""
    if isinstance(block, Paragraph):
        return len(block.text)
    if isinstance(block, ListBlock):
        return sum(len(item.text) + sum(map(_written_chars, item.blocks)) for item in block.items)
    return 0


MIN_LOOSE_LINES = 2
MIN_LOOSE_WORDS = 3
MAX_LOOSE_WORDS = 15


def _unasked_lines(section: Section, lines: list[int]) -> int | None:
    """The line of the first of a section's loose lines (a class note's one-line paragraphs:
    "heart stops beating", "call 911, start CPR") when the section gave no note at all: each a
    fact no rule reads, and the deck's other notes hid the loss. MIN_LOOSE_LINES lines or more,
    each a phrase of MIN_LOOSE_WORDS to MAX_LOOSE_WORDS words (no question, lead-in, link or
    contact); nothing in the section but such lines and lists."""
    if not section.blocks or not all(
        isinstance(block, (Paragraph, ListBlock)) for block in section.blocks
    ):
        return None
    if _section_notes(section, lines):
        return None  # the section gave a note
    loose = [
        block.line
        for block in section.blocks
        if isinstance(block, Paragraph)
        and "\n" not in block.text.strip()
        and MIN_LOOSE_WORDS <= len(plain(block.text).split()) <= MAX_LOOSE_WORDS
        and not block.text.rstrip().endswith((":", "?"))
        and not only_links(block.text)
        and not is_contact_only(block.text)
        and "](" not in block.text
    ]
    return loose[0] if len(loose) >= MIN_LOOSE_LINES else None


_BLANK = re.compile(r"(?<![*\w])\*{3}(?![*\w])|(?<![_\w])_{3,}(?![_\w])")
"""A template's blank to fill in: `***` or `___` standing alone ("Exam showed ***.")."""
MIN_BLANKS = 2


def _placeholders(blocks: Sequence[Block]) -> Iterator[int]:
    """The lines of the paragraphs and list items holding a blank the author left for a value
    (`in the _X_th space`, `___`): the rules make no note of them (`forms.has_placeholder`), and
    the fact is missing from the source."""
    for block in blocks:
        if isinstance(block, Paragraph) and has_placeholder(block.text):
            yield block.line
        elif isinstance(block, ListBlock):
            for item in block.items:
                if has_placeholder(item.text):
                    yield item.line
                yield from _placeholders(item.blocks)


def _fill_in(section: Section) -> bool:
    """A section that is a note template to copy and fill in (a resident's "Sample A&P": "HPI
    notable for ***. Exam showed ***."), MIN_BLANKS blanks or more: no paragraph of it is a fact
    the author forgot to shape, and NO-NOTE asking for one misleads."""
    blanks = 0
    for block in section.blocks:
        if isinstance(block, Paragraph) and ("***" in block.text or "___" in block.text):
            blanks += len(_BLANK.findall(block.text))
            if blanks >= MIN_BLANKS:
                return True
    return False


def _opens_section(before: Block | None) -> bool:
    """True when nothing but a picture stands between a block and its heading."""
    if before is None:
        return True
    return isinstance(before, Paragraph) and bool(_IMAGE_ONLY.match(before.text))


_IMAGE_ONLY = re.compile(r"\s*(?:!\[[^\]\n]*\]\([^)\n]*\)\s*)+\Z")


def _names_its_list(section: Section) -> bool:
    """True when a list opening its section stands under a heading that names something
    ("## Complications"), not a part of any page ("## Key points") nor a box of points ("##
    Clinical pearls"): its NO-NOTE cannot ask for
    a lead-in or a heading it has."""
    title = section.title
    return section.level > 0 and not (is_generic_heading(title) or is_container_heading(title))


MIN_DROPPED_ITEMS = 3
"""Labelled items of one list that gave no note, while others did, before NO-NOTE says so."""


def _dropped_items(block: ListBlock, carded: set[int]) -> int:
    """The line of the first labelled item (`**Label**: text`) of a list that gave no note
    while a sibling did, when MIN_DROPPED_ITEMS such items or more, half the list or more, gave
    none; 0 otherwise. Each labelled item is its own note, so a run of them gone is facts lost
    in silence (a rule took their labels for slogans, or their text for a remark). A list asked
    as one note (its note at the list's own line) drops nothing."""
    items = block.items
    if len(items) < 2 * MIN_DROPPED_ITEMS - 1 or block.line in carded:
        return 0
    unasked = [
        item
        for item in items
        if not any(line in carded for line in range(item.line, _item_last_line(item) + 1))
    ]
    if len(unasked) < MIN_DROPPED_ITEMS or 2 * len(unasked) < len(items):
        return 0  # cheap first: most lists with a note in them are asked whole
    silent = [item.line for item in unasked if definition(item) is not None]
    if len(silent) < MIN_DROPPED_ITEMS or 2 * len(silent) < len(items):
        return 0
    return silent[0]


def _dropped_sentences(block: ListBlock, carded: set[int]) -> int:
    """The line of the first sentence item of a list asked item by item (two items or more
    carded, none at the list's own line) when MIN_DROPPED_ITEMS of its sentence items or more,
    half the list or more, gave no note: a box of pearls whose `Term - meaning` items were asked
    and whose sentences ("Wernicke encephalopathy causes … - give thiamine") were lost in
    silence. 0 otherwise."""
    items = block.items
    if len(items) < 2 * MIN_DROPPED_ITEMS - 1 or block.line in carded:
        return 0  # a list asked as one note (its note at the list's own line) drops nothing
    asked = [
        any(line in carded for line in range(item.line, _item_last_line(item) + 1))
        for item in items
    ]  # one flag an item: looking each item up in a list of the asked ones was quadratic
    if sum(asked) < 2:
        return 0
    silent = [
        item.line
        for item, was_asked in zip(items, asked, strict=True)
        if not was_asked
        and not item.blocks
        and len(plain(item.text).split()) >= MIN_SENTENCE_WORDS
        and definition(item) is None
    ]
    if len(silent) < MIN_DROPPED_ITEMS or 2 * len(silent) < len(items):
        return 0
    return silent[0]


def _beside_labels(block: ListBlock, carded: set[int]) -> int:
    """The line of the first item of a list whose notes are only of its `Label: value` items
    (`- Other side effects: …` asked alone) while two items or more that are no label gave
    none (`- Used for …`, `- Requires monitoring of …`): a drug's facts lost beside the one
    asked. 0 otherwise."""
    items = [item for item in block.items if not item.blocks]
    if len(items) != len(block.items) or block.line in carded:
        return 0
    asked = [item for item in items if item.line in carded]
    if not asked or any(definition(item) is None for item in asked):
        return 0
    silent = [
        item.line
        for item in items
        if item.line not in carded
        and definition(item) is None
        and not plain(item.text).rstrip().endswith(":")  # a lead-in of the items after it
        and _SEE.search(item.text) is None  # "Further information, see Robbins": a pointer
        and not only_links(item.text)
    ]
    return silent[0] if len(silent) >= 2 else 0


_PUBLISHER = frozenset(("we", "our", "us", "We", "Our"))
"""Words of a publisher speaking of itself ("Call our helpline"): a page's offer, not facts."""
MIN_LONG_PROSE_WORDS = 80
"""A paragraph of this many words or more that gave no note is a loss NO-NOTE names."""


def _long_prose(block: Paragraph, section: Section) -> bool:
    """A paragraph of MIN_LONG_PROSE_WORDS words or more, of two sentences or more stating facts
    (a figure, or a thing that "is" something), that gave no note in a section the deck reads:
    a management paragraph the rules could not cut into questions. Not a worked example, a
    paragraph of links or contacts, nor the page's publisher speaking ("our helpline")."""
    text = block.text
    if len(text) < MIN_LONG_PROSE_WORDS * 4:
        return False  # cheap: most paragraphs are short
    said = plain(text)
    if len(said.split()) < MIN_LONG_PROSE_WORDS or is_worked_example(text) or only_links(text):
        return False
    if text.count("](") >= 2 or not _PUBLISHER.isdisjoint(said.split()):
        return False  # contacts or links ("Call us … [Email us](…)"), a publisher speaking
    sentences = [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z0-9])", said) if part]
    return len(sentences) >= 2 and (
        any(char.isdigit() for char in said) or any(_is_statement(part) for part in sentences)
    )


def _unasked_term(routed: Route, lines: list[int]) -> bool:
    """A section among a list of terms (`Route.terms`: "### Confabulation" beside "### Thought
    blocking") that gave no note: the term rule refused its paragraph (too long, or no
    definition), and the term is missing from a deck that has its siblings."""
    section = routed.section
    if not routed.terms or section.path[:-1] not in routed.terms or not section.blocks:
        return False
    if "term" not in routed.subdeck.rules:
        return False
    return not _section_notes(section, lines)


def _unasked_prose(section: Section, lines: list[int]) -> int | None:
    """The line of the first prose statement of a section that gave no note at all, when it
    has one: a sentence of facts ("Velbarin is a blood thinner that stops clots growing.") that
    no rule read, a figure-free one no last resort reads either."""
    if not section.blocks:
        return None
    if _section_notes(section, lines):
        return None  # the section gave a note
    if _leads_to_notes(section, lines):
        return None  # "Discharge if the patient meets the following criteria.": its list's
    said = [block.text for block in section.blocks if isinstance(block, Paragraph)]
    if said and all(is_form_instruction(text) for text in said):
        return None  # "Record any known allergy.": a form's instruction, no fact lost
    for block in section.blocks:
        if isinstance(block, Paragraph) and _is_statement(block.text):
            return block.line
    if len(section.blocks) == 1 and _one_sentence(section.blocks[0]):
        return section.blocks[0].line  # "Usually caused by X, also Y.": its heading's fact
    return _unasked_page(section)


def _leads_to_notes(section: Section, lines: list[int]) -> bool:
    """A section whose only text is a lead-in sentence pointing at what follows ("… meets the
    following criteria.") and whose first subsection gave a note: that subsection holds what it
    leads to, so nothing was lost."""
    blocks = section.blocks
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph) or not section.children:
        return False
    text = plain(blocks[0].text).strip()
    if _POINTS_AHEAD.search(text) is None and not text.endswith(":"):
        return False
    child = section.children[0]
    return bool(child.blocks) and _section_notes(child, lines) > 0


_POINTS_AHEAD = re.compile(r"\b(?:(?:the )?following|below|as follows)\b", re.IGNORECASE)
"""Words of a sentence that leads in to what comes after it."""


_PASSIVE_DONE = re.compile(r"\b(?:is|are)\s+\w+ed\b")
_ONE_SENTENCE = re.compile(r"[^.!?\n]*\w[.!]")
"""One sentence on one line, ended by its full stop (no question, no lead-in's colon)."""


def _one_sentence(block: Block) -> bool:
    """A section's only paragraph, one sentence of facts (_MIN_STATEMENT_WORDS words or more, no
    link nor worked example): whatever its verb ("Usually caused by …", "… skyldes …"), the
    fact the heading names, lost when no rule asked it. Not one leaning on what came before, a
    passive (what is done) nor one about the page, as `_is_statement` reads none."""
    if not isinstance(block, Paragraph):
        return False
    text = plain(block.text).strip()
    if _ONE_SENTENCE.fullmatch(text) is None or len(text.split()) < _MIN_STATEMENT_WORDS:
        return False
    words = text.lower().split()
    if words[0].strip(string.punctuation) in _LEANS:
        return False  # "This video shows …": it leans on what came before
    if _PASSIVE_DONE.search(text) or not _ABOUT_THE_PAGE.isdisjoint(w.strip(".,;") for w in words):
        return False  # what is done ("… is performed to …"), or the page ("shown above")
    return not only_links(block.text) and "](" not in block.text and not is_worked_example(text)


def _unasked_marked(section: Section, lines: list[int]) -> int | None:
    """The line of the first paragraph of a section that gave no note at all though it holds a
    measured figure ("It should take 1-2 seconds") or words the author marked inside a sentence
    (`==antithrombin==`, `**binds**`): the fact the author pointed at was lost, silently."""
    if not section.blocks:
        return None
    if _section_notes(section, lines):
        return None  # the section gave a note
    quizzed = answered_blocks(section.blocks)  # a quiz's case and options: no note, by design
    for number, block in enumerate(section.blocks):
        if not isinstance(block, Paragraph) or number in quizzed or is_worked_example(block.text):
            continue
        text = block.text.strip()
        if states_a_figure(text) or _MARKED_INSIDE.search(text) is not None:
            return block.line
    return None


_MARKED_INSIDE = re.compile(r"\w[,;]?\s+(?:\*\*|__)(?=\w)[^*_\n]{1,80}?(?<=\w)(?:\*\*|__)")
"""A bold (or `==highlighted==`) span inside a sentence, after a word: not a bold label opening
the line."""


MIN_UNASKED_PARAGRAPHS = 3
MIN_UNASKED_WORDS = 150
"""A section of this many paragraphs and words of prose or more that gave no note is a part
of a page lost, whatever its sentences open with."""


def _unasked_page(section: Section) -> int | None:
    """The line of the first paragraph of a section that gave no note though it holds
    MIN_UNASKED_PARAGRAPHS paragraphs of sentences and MIN_UNASKED_WORDS words or more (a
    patient page's overview, its subject in a long opening such as "Kidney korrins (also called
    …) are …"): a page that gave a few notes of its last lines was silent on the rest. Not a
    worked example, links, contacts nor the page's publisher speaking."""
    prose = [
        block
        for block in section.blocks
        if isinstance(block, Paragraph)
        and _SENTENCE_STOP.search(block.text)
        and not only_links(block.text)
        and block.text.count("](") < 2
        and not is_worked_example(block.text)
    ]
    if len(prose) < MIN_UNASKED_PARAGRAPHS:
        return None
    said = [plain(block.text).split() for block in prose]
    if sum(map(len, said)) < MIN_UNASKED_WORDS:
        return None
    if any(not _PUBLISHER.isdisjoint(words) for words in said):
        return None  # "Call our helpline": the publisher's offer, not facts
    return prose[0].line


_SENTENCE_STOP = re.compile(r"\w[.!?](?:\s|$)")


def _is_statement(text: str) -> bool:
    """A paragraph opening with what a thing is ("Velbarin is a blood thinner that …", "Types I
    and II are antibody-mediated"): a subject of a few words, then "is" or "are", no figure
    (figures are the measure rule's). Not an opening that leans on what came before ("These
    drugs are …", "In practice, fractures are …"), a passive ("… is performed to …"), nor one
    about the page ("… is shown above")."""
    if any(character.isdigit() for character in text) or only_links(text):
        return False
    words = plain(text).split()
    if len(words) < _MIN_STATEMENT_WORDS or is_worked_example(text):
        return False
    verb = next((i for i, word in enumerate(words[: _MAX_SUBJECT_WORDS + 1]) if word in _IS), 0)
    first = words[0].lower().strip(string.punctuation)
    if not verb or first in _LEANS or any(":" in word for word in words[:verb]):
        return False
    after = plain(words[verb + 1]).lower().strip(".,;*_")
    if after.endswith("ed") and "-" not in after:
        return False  # "A biopsy is performed to …": what is done, not what a thing is
    return after not in _ABOUT_THE_PAGE


_MIN_STATEMENT_WORDS = 6
_MAX_SUBJECT_WORDS = 6
_IS = frozenset(("is", "are"))
_LEANS = frozenset(
    """
    this these that those it its they their there here such which who what when where why how
    if in on at for as by with from after before during while although because so but and or
    your you we our my i
    """.split()
)
"""Opening words of a sentence that leans on what came before or speaks to the reader."""
_ABOUT_THE_PAGE = frozenset(
    "shown seen illustrated depicted summarized summarised described discussed listed covered "
    "explained below above".split()
)


def silent_blocks(documents: Sequence[_Read]) -> list[Problem]:
    """NO-NOTE problems of the documents read (`unasked_blocks`), at the path notes cite."""
    problems = []
    for read in documents:
        for shown, line, kind in read.unasked:
            if kind == "flattened table":
                problems.append(Problem(shown, line, "FLATTENED-TABLE", _FLATTENED, "warning"))
                continue
            message = _NO_NOTE_OF.get(kind, _NO_NOTE)
            problems.append(Problem(shown, line, "NO-NOTE", message, "warning"))
    return problems


_NO_ANSWER_NOTE = (
    "a question bank without answers gave no note: its options and true-or-false statements are "
    "no facts; mark the answers (an `Answer: B` line after the options, a ✓ on the right one, "
    "or a **True**/**False** verdict) to card them"
)
_NO_NOTE = (
    "this list gave no note; if it holds facts to learn, give it a lead-in line ending in ':' "
    "(or a heading), and write each fact as a short item or a `Term: value` line"
)
_NO_LED_POINT_NOTE = (
    "this one item under its lead-in gave no note; if it is a fact to learn, write it on the "
    "lead-in's line (`Made of: muscle M`), or give the lead-in a heading of its own that names "
    "what the item is"
)
_NO_LONG_LIST_NOTE = (
    "this list gave no note, though its lead-in asks for it: a list of sentences is asked as one "
    f"answer only up to {MAX_LIST_ANSWER_ITEMS} items and {MAX_LIST_ANSWER_WORDS} words, and in "
    f"parts up to {MAX_PARTED_ITEMS} items of that length each; split it under two lead-ins (by "
    "theme), or write each item as a few words (`- Calf pain on walking`) to ask it as a cloze"
)
_NO_LINES_NOTE = (
    "this paragraph of labelled lines gave no note; if it holds facts to learn, write each line "
    f"as a term of a few words, a colon and its meaning in at most {MAX_MEANING_WORDS} words, not "
    "a sentence (`QRS: ventricular depolarisation`), or each fact as an item under a lead-in "
    "line ending in ':'"
)
_SENTENCES_ASKED = (
    "a plain sentence is asked only when it states a figure with its unit or a comparison "
    "(`Risky above 14 units/week`), says which people should do something (`Patients with a "
    "weak heart should …`) or what to give for a named thing (`Disease W causes … - give "
    "vitamin Q`)"
)
"""What the rules still read in a plain sentence item: the rest of the advice says what to write."""
_NO_HEADED_NOTE = (
    "this list gave no note, though its heading says what its items are; if it holds facts to "
    "learn, write each fact as a short item (a few words: `- Joints: bleeding, swelling`) or a "
    f"`Term: value` line, not a sentence to read ({_SENTENCES_ASKED})"
)
_NO_NOTE_ROW = (
    f"this table row gave no note: its first cell is too long (over {SUBJECT_MAX_WORDS} words) "
    "to name the row on a card; shorten it, or split the row into rows of fewer things"
)
_NO_PROSE_NOTE = (
    "this section gave no note, though its prose states facts; if one is to learn, write it "
    "as `**Term:** what it is` or as a short item under a lead-in line ending in ':'"
)
_NO_STEPS_NOTE = (
    f"these preparation steps gave no note: a recipe is asked as one '…: steps?' card only up to "
    f"{MAX_LIST_ANSWER_ITEMS} steps and {MAX_LIST_ANSWER_WORDS} words; shorten the steps, or split "
    "them under two headings"
)
_NO_RESTATING_NOTE = (
    "this list gave no note: its items say each other's words (a phrase repeated, or an item "
    "naming the others' labels), so a cloze of it would show its own answers; give each item a "
    "label (`Supplies: …`, `Origin: …`) and say each fact once"
)
_NO_NUMBERED_NOTE = (
    "this list gave no note: its labels are only numbers (`Path 2:`, `Step 3:`), which name "
    "nothing a card can ask; name each item after its number (`Path 2: Mitochondrial route: …`)"
)
_NO_HTML_TABLE_NOTE = (
    "this HTML table gave no note: it is no plain grid (a table inside a table, or rows of "
    "different lengths); write it as a Markdown table, one row per thing with a name first"
)
_NO_HTML_LIST_NOTE = (
    "this HTML list gave no note: its items are wrapped in tags no rule reads; write it as a "
    "Markdown list, one `- Label: value` line per item"
)
_NO_TABLE_NOTE = (
    "this table gave no note: no column names each row once; give it a first column with one "
    "short name per row (the thing the row is about), each name in one row only"
)
_NO_ITEMS_NOTE = (
    f"these labelled items gave no note, though others of the list did ({MIN_DROPPED_ITEMS} or "
    "more, half the list or more); if they hold facts to learn, write each as `**Term:** fact`, "
    "a thing named before the colon rather than a slogan or a sentence"
)
_NO_SENTENCES_NOTE = (
    f"these sentence items gave no note, though others of the list did ({MIN_DROPPED_ITEMS} or "
    f"more, half the list or more): {_SENTENCES_ASKED}; if they hold facts to learn, write each "
    "as `Term - what it is` or `**Term:** fact`, or give its key words in bold"
)
_NO_LONG_PROSE_NOTE = (
    f"this paragraph of {MIN_LONG_PROSE_WORDS} words or more gave no note; if it holds facts to "
    "learn, split it into short sentences that each say one thing of a named subject, or into "
    "items under a lead-in line ending in ':'"
)
_NO_TERM_NOTE = (
    "this term gave no note, unlike the terms beside it: open its paragraph with what the term "
    'is ("Expecting the worst …", "A pattern of …"), in a sentence of at most 35 words, and '
    "put any example after that sentence"
)
_STEPS_ADVICE = (
    "too many or too long to ask; write each step as its action in a few words, with no full "
    f"stop (`1. Call 999`, `2. Keep the person still`): up to {MAX_STEPS} such steps are asked in "
    "order as a cloze; put the reasons after the list, or split the steps under two headings"
)
_NO_NAMED_STEPS_NOTE = f"these steps gave no note: {_STEPS_ADVICE}"
_NO_UNNAMED_STEPS_NOTE = (
    "these steps gave no note: give them a heading that says what they are for (`## Seizure: "
    f"what to do`); {_STEPS_ADVICE}"
)
_NO_LED_STEPS_NOTE = (
    "these steps gave no note: after a lead-in line, steps are asked together as one '…: steps?' "
    f"card only up to {MAX_LIST_ANSWER_ITEMS} steps and {MAX_LIST_ANSWER_WORDS} words (up to "
    f"{MAX_STEPS} numbered steps a few at a time when the lead-in names them as a procedure: "
    "`How to change the bag:`); split them under two lead-ins or headings, or keep only the "
    "steps to learn"
)
_NO_LOOSE_NOTE = (
    "this section gave no note, though its lines state facts; if they are to learn, write each "
    "as a `Label: value` line (`S/S: sudden collapse`, `First steps: call 911, start CPR`) or as "
    "short items under a lead-in line ending in ':'"
)
_SEE = re.compile(r"\bsee\b", re.IGNORECASE)
_NO_BESIDE_LABELS_NOTE = (
    "these items gave no note, though the list's `Label: value` items did; if they hold facts to "
    "learn, write each as a label and its value too (`Used for: …`, `Monitoring: …`), or give "
    "its key words in bold"
)
_NO_TOPICS_NOTE = (
    "this list names topics to study ('A or B or C', 'X vs. Y'), not facts, and gave no note: a "
    "card hiding one topic among its siblings asks nothing; to learn them, write each fact itself "
    '(`HOCM: extra heart sound - S4`), or `include = ["topics"]` in a manifest cards the list'
)
_NO_THIN_NOTE = (
    f"this section's lines ({MIN_THIN_SECTION_CHARS} characters or more) gave one note or none; "
    "if they hold facts to learn, write its lists as Markdown lists (`- item`, `1. step`: the "
    "`q`, `o` or `§` glyphs a PDF leaves are no list marks), under a lead-in ending in ':'"
)
_NO_TREE_NOTE = (
    "this fenced flowchart gave no note: no question in it has an answer under it (a step such "
    "as `-> Raise the rate` under `-> Output low?`, or `YES → …`); put what each question "
    "decides under it, or write it as items outside the fence (`- Output low: raise the rate`)"
)
_NO_MARKED_NOTE = (
    "this section gave no note, though its prose holds a figure or words marked in bold or as a "
    "highlight; if they are to learn, write each in a short sentence that names its subject (not "
    "'It should take 2 s'), or as `**Label:** value`"
)
_FLATTENED = (
    "these lines interleave the columns of a table or flowchart copied out of a PDF (a row's "
    "label and its steps side by side, two spaces apart, line by line): read as sentences they "
    "join one column's words to another's, so they gave no note; rebuild them as a Markdown "
    "table, or as one list per row under its label (`For dog bite:` then `1. Rinse …`)"
)


_PLACEHOLDER_NOTE = (
    "this line holds a blank left for a value (`_X_`, `Xth`, `___`), so it gave no note: the "
    "fact is missing; write the value in"
)
_NO_NOTE_OF = {
    "placeholder": _PLACEHOLDER_NOTE,
    "unanswered quiz": _NO_ANSWER_NOTE,
    "paragraph": _NO_LINES_NOTE,
    "led steps": _NO_LED_STEPS_NOTE,
    "long list": _NO_LONG_LIST_NOTE,
    "led point": _NO_LED_POINT_NOTE,
    "named steps": _NO_NAMED_STEPS_NOTE,
    "unnamed steps": _NO_UNNAMED_STEPS_NOTE,
    "items": _NO_ITEMS_NOTE,
    "sentences": _NO_SENTENCES_NOTE,
    "long prose": _NO_LONG_PROSE_NOTE,
    "term": _NO_TERM_NOTE,
    "numbered": _NO_NUMBERED_NOTE,
    "table row": _NO_NOTE_ROW,
    "table": _NO_TABLE_NOTE,
    "prose": _NO_PROSE_NOTE,
    "steps": _NO_STEPS_NOTE,
    "restating": _NO_RESTATING_NOTE,
    "headed list": _NO_HEADED_NOTE,
    "loose lines": _NO_LOOSE_NOTE,
    "beside labels": _NO_BESIDE_LABELS_NOTE,
    "topics": _NO_TOPICS_NOTE,
    "thin section": _NO_THIN_NOTE,
    "tree": _NO_TREE_NOTE,
    "html table": _NO_HTML_TABLE_NOTE,
    "html list": _NO_HTML_LIST_NOTE,
    "marked prose": _NO_MARKED_NOTE,
}


def _unread_table(block: Block) -> bool:
    """A raw-HTML `<table>` that stayed raw (`document._html_table` read no grid in it: a table
    in a table, rows of different lengths): no rule reads it, so its facts are lost unsaid."""
    return (
        isinstance(block, RawBlock)
        and block.kind == "html_block"
        and (block.text[:6].lower() == "<table")
    )


MIN_HTML_ITEMS = 2


def _unread_list(block: Block, lines: list[int]) -> bool:
    """A raw-HTML block holding a list (`<ul>` in `<div>` wrappers, each `<li>` a key and a
    value in `<div>`s) that stayed raw, MIN_HTML_ITEMS items or more not all links (a menu): no
    rule reads it, so its facts are lost unsaid."""
    if not isinstance(block, RawBlock) or block.kind != "html_block":
        return False
    text = block.text
    items = text.count("<li")
    if items < MIN_HTML_ITEMS or text.count("<a ") >= items:
        return False
    at = bisect.bisect_left(lines, block.line)
    return not (at < len(lines) and lines[at] <= block.line + text.count("\n"))


def _silent_tree(block: Block, lines: list[int]) -> bool:
    """A fence drawing a decision flowchart (`├─ Clamp closed?`, `-> Output low?`:
    `dialects.flowchart_steps`) that gave no note: its questions had no answer to ask."""
    if not isinstance(block, RawBlock) or block.kind != "fence" or block.info:
        return False
    if not any(mark in block.text for mark in ("├", "└", "--", "->", "→", "=>", "⇒")):
        return False
    if not flowchart_steps(block.text.split("\n")):
        return False
    at = bisect.bisect_left(lines, block.line)
    return not (at < len(lines) and lines[at] <= block.line + block.text.count("\n") + 1)


def _restates_itself(block: ListBlock) -> bool:
    """Items that show each other's answers when each is a deletion (`hinted_deletions`)."""
    items = [single_spaced(item.text) for item in block.items]
    front = "\n".join(["-", *(f"- {{{{c{n}::{text}}}}}" for n, text in enumerate(items, 1))])
    return bool(hinted_deletions(front))


_MIN_CONTENT_WORDS = 6
_ASKS = re.compile(r"(?:how|what|why|which|who|when|where)\b", re.IGNORECASE)
"""An item opening with a question word: a study question or objective, asked elsewhere."""
_LABELLED_LINE = re.compile(r"^\W{0,3}[^\s:][^:]{0,30}:\s+\S")


def _led_point(block: Block, before: Block | None) -> bool:
    """One item right under a lead-in line ending with ':' (`Made of:` / `* **Muscle M**`): a
    fact as much as a longer list is."""
    return (
        isinstance(block, ListBlock)
        and len(block.items) == 1
        and isinstance(before, Paragraph)
        and plain(before.text).strip().rstrip(" *_").endswith(":")
        and bool(plain(block.items[0].text).strip())
    )


def _looks_like_content(block: Block) -> bool:
    """A list of two items or more (or one with items under it) with some words and few links
    or questions, or a paragraph of two `label: value` lines or more."""
    if isinstance(block, Paragraph):
        if is_worked_example(block.text):
            return False
        lines = block.text.strip().splitlines()
        labelled = sum(1 for line in lines if _LABELLED_LINE.match(plain(line)) is not None)
        return labelled >= 2 and labelled * 3 >= len(lines) * 2
    if not isinstance(block, ListBlock):
        return False
    items = block.items
    if len(items) < 2 and not any(item.blocks for item in items):
        return False
    texts = [plain(item.text) for item in items]
    asides = sum(
        1
        for item, text in zip(items, texts, strict=True)
        if text.endswith("?")
        or _ASKS.match(text) is not None
        or only_links(item.text)
        or is_contact_only(item.text.rpartition(": ")[2])  # `Phone: …`: no note, on purpose
    )
    if asides * 2 >= len(texts):
        return False  # questions (a quiz, an FAQ's index) or links (a reading list, navigation)
    return sum(len(text.split()) for text in texts) >= _MIN_CONTENT_WORDS


def _section_notes(section: Section, lines: list[int]) -> int:
    """How many notes came from a section's own lines (`lines`: the notes' source lines, sorted),
    its heading to its last block's last line; the section has blocks."""
    first, last = section.line, _last_line(section.blocks[-1])
    return bisect.bisect_right(lines, last) - bisect.bisect_left(lines, first)


def _last_line(block: Block) -> int:
    """The source line of a block's last line (a list's last item, nested ones included)."""
    if isinstance(block, Paragraph):
        return block.line + block.text.strip().count("\n")
    if isinstance(block, ListBlock) and block.items:
        return _item_last_line(block.items[-1])
    return getattr(block, "line", 0)


def _item_last_line(item: ListItem) -> int:
    return max([item.line + item.text.count("\n"), *(_last_line(b) for b in item.blocks)])


def _instructions(block: ListBlock) -> bool:
    """Two items or more, half the list or more, tell the reader what to do ("Call 999 if …",
    "Keep the person still"): steps or instructions, which a label (`Term: value`) would not
    fit; what makes them a card is a name for them and short items."""
    items = block.items
    told = sum(1 for item in items if _instructs(item.text))
    return told >= 2 and 2 * told >= len(items)


def _instructs(text: str) -> bool:
    words = plain(text).split()
    if len(words) < 2:
        return False
    first = words[0].lower().strip(",;:")
    return first in _STEP_VERBS or is_instruction(" ".join(words[:4]))


_STEP_VERBS = frozenset(
    """
    call dial phone ring cool cover press loosen place roll open clean clear lay help reassure
    send bring fetch collect record note time start continue repeat hand offer unlock switch
    """.split()
)
"""First-aid verbs `definition.is_instruction` does not know (it reads heads of terms)."""


def _numbered_labels(block: ListBlock) -> bool:
    """Half the items or more are definitions whose term is only the author's numbering
    (`- Path 2: …`, `- Step 3: …`): the definition rule asks none of them without a name."""
    found = [definition(item) for item in block.items]
    numbered = sum(1 for pair in found if pair is not None and is_numbering(pair[0]))
    return numbered * 2 >= len(block.items) > 0


def _silent_table(table: Table, lines: list[int]) -> bool:
    """A table of two rows or more, in words, that no rule made a note from (no note's line in
    its rows): the table rule drops a table whose rows it cannot key, and a table is often the
    page's core (an antidote table). Not a site's map (its caller asks `_navigation` first),
    nor a table of links or with too few words to hold a fact (a conversion chart of numbers)."""
    if len(table.rows) < 2:
        return False
    first, last = table.line, table.rows[-1].line
    at = bisect.bisect_left(lines, first)
    if at < len(lines) and lines[at] <= last:
        return False
    cells = [cell for row in table.rows for cell in row.cells if plain(cell).strip()]
    if 2 * sum(1 for cell in cells if only_links(cell)) >= len(cells):
        return False
    said = [word for cell in cells for word in plain(cell).split() if any(map(str.isalpha, word))]
    return len(said) >= _MIN_CONTENT_WORDS  # a chart of numbers says nothing in words


def _navigation(table: Table) -> bool:
    """A table whose first column is links or page names in half its rows or more (`|
    [Asthma](asthma.md) | Chapter 3 |`, `| asthma.md | … |`), or is headed "Page" or "Link": a
    map of the site, not facts keyed by a name. Telling its author to give it a first column of
    names would be wrong advice: it has one, and it says where to read, not what to learn."""
    if table.header and _PAGE_HEADER.match(plain(table.header[0]).strip()) is not None:
        return True  # `| Page | Chapter |`: its names are pages (a link to one is its text)
    firsts = [row.cells[0] for row in table.rows if row.cells and plain(row.cells[0]).strip()]
    pages = sum(1 for cell in firsts if _names_pages(cell))
    return bool(firsts) and 2 * pages >= len(firsts)


def _names_pages(cell: str) -> bool:
    """Each line of a cell (split at `<br>`) is a link, a wikilink or a file name."""
    parts = [part for part in _CELL_BREAK.split(cell) if part.strip()]
    return bool(parts) and all(
        only_links(part) or _PAGE_NAME.fullmatch(plain(part).strip()) is not None for part in parts
    )


_CELL_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_PAGE_NAME = re.compile(r"[\w .()-]+\.(?:md|mdx|html?|pdf|docx?)", re.IGNORECASE)
_PAGE_HEADER = re.compile(r"(?:\w+ )?(?:web ?)?(?:pages?|links?|files?)\Z", re.IGNORECASE)
