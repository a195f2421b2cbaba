"""A section written as short lines, one to a paragraph, is a list: each line an item.

Exam notes and checklists put one finding or step on each line (`### Feel` / `Effusion. (Tap
test.)` / `Joint line tenderness.`), and in Markdown each line with a blank line after it is a
paragraph. Read as prose, no rule asked them: a page of such notes gave one card in five lines. Two
or more such lines in a row under a heading are carded as the list they are (the enumeration
rule's cloze, under the heading's subject), a trailing bracketed aside kept as the item's
explanation on the back. A line is short when it is a phrase of a few words ending in a full stop;
a sentence (a verb like "is" after its first word), a lead-in (ending in a colon, or right above a
list), a clause opening on an adverb ("Directly blocks replication."), a `Label: value` line, a
bold label alone, a bracket alone and a line of prose end the run.

Lines of one paragraph that each pair a term with its meaning (`P wave: atrial depolarisation,
the spread of the impulse through both atria` / `QRS: …`, as a verse block or soft-wrapped notes
keep them) are a glossary: each line is asked as a definition is ("Waves in ECG: P wave?"). The
definition rule asks such lines while every meaning is short; one longer meaning made it read the
paragraph as prose with a colon in it, and the whole block gave no card. So these are the lines
read here: every line a term of a few words, a colon and a meaning of at most MAX_MEANING_WORDS
words, one meaning at least longer than the definition rule's, and no long meaning a sentence
(`Dose: the usual dose is …`, a verb such as "is": prose with a colon in it).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import replace

from ..document import Block, ListBlock, ListItem, Paragraph, Section
from ..notes import Note, make_key
from ..text import KIND_NUMERAL, heading_text, is_pep_talk, plain
from . import enumeration
from .context import Context, context_line, note_tags
from .definition import MAX_PLAIN_VALUE_WORDS, is_worked_example
from .faq import answered_blocks
from .leads import FINITE_VERBS, is_flag

MAX_LINE_WORDS = 6
"""The longest line (its aside aside) read as an item; a longer one is a sentence of prose."""
MIN_LINES = 2


def extract(section: Section, ctx: Context) -> list[Note]:
    if section.level < 1 or not section.blocks:
        return []
    notes = _term_lines(section, ctx)
    if len(section.blocks) < MIN_LINES:
        return notes
    named = _named(section)
    keys: set[tuple[str, ...]] = set()
    for run in _runs(section.blocks):
        items = tuple(_item(line) for line in run)
        alone = replace(named, blocks=(ListBlock(False, items, run[0].line),), children=())
        key = make_key("short_lines", section.path, plain(items[0].text))
        if key in keys:  # two runs opening on one line ("Inspect." … "Inspect."): all their lines
            key = make_key("short_lines", section.path, " / ".join(plain(i.text) for i in items))
        keys.add(key)
        for note in enumeration.extract(alone, ctx):
            tags = note_tags(ctx.tags, "short_lines", note.note_type)
            source = replace(note.source, section=section.path)
            context = context_line(section.path)
            notes.append(
                replace(
                    note, rule="short_lines", key=key, tags=tags, source=source, context=context
                )
            )
    return notes


def _named(section: Section) -> Section:
    """The section, its heading named with its parent's when it is only numbers (`#### 2`,
    `#### 3, 4, 6` under `### Cranial nerve`): "2" names nothing a card could ask about."""
    title = heading_text(section.title)
    if len(section.path) < 2 or any(char.isalpha() for char in title):
        return section
    name = f"{heading_text(section.path[-2])} {title}"
    return replace(section, title=name, path=(*section.path[:-1], name))


def _runs(blocks: tuple[Block, ...]) -> list[list[Paragraph]]:
    """The runs of MIN_LINES short lines or more, each line a paragraph of its own; none among a
    quiz's options, which are no list of facts (looked for only where a run is found)."""
    runs = _runs_outside(blocks, frozenset())
    return _runs_outside(blocks, answered_blocks(blocks)) if runs else runs


def _runs_outside(blocks: tuple[Block, ...], asked: Collection[int]) -> list[list[Paragraph]]:
    runs: list[list[Paragraph]] = []
    run: list[Paragraph] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if (
            isinstance(block, Paragraph)
            and index not in asked
            and not isinstance(following, ListBlock)  # a line right above a list leads it in
            and is_short_line(block.text)
        ):
            run.append(block)
            continue
        if len(run) >= MIN_LINES:
            runs.append(run)
        run = []
    if len(run) >= MIN_LINES:
        runs.append(run)
    return runs


_ASIDE = re.compile(r"^(?P<head>[^()]+?)\s*\((?P<aside>[^()]+)\)\.?$")
_MARKUP = re.compile(r"[*_`<\[\]]")


def _parts(text: str) -> tuple[str, str]:
    """A line's head and its trailing bracketed aside ("" when it has none)."""
    found = _ASIDE.match(text.strip())
    if found is None:
        return text.strip(), ""
    return found.group("head").strip(), found.group("aside").strip()


def is_short_line(text: str) -> bool:
    """A paragraph of one line that is a phrase of a few words ending in a full stop ("Joint
    line tenderness.", "Effusion. (Tap test.)"), not a sentence, a label, a lead-in or markup."""
    if "\n" in text.strip() or not text.rstrip().endswith((".", ".)")):
        return False
    if len(text) > MAX_LINE_CHARS:
        return False  # cheap: a long line is prose (and `_ASIDE` need not scan it)
    head, _ = _parts(text)
    if not head or _MARKUP.search(head) or ": " in head or head.startswith("("):
        return False
    if head.endswith((":", "?", "!")) or not any(char.isalpha() for char in head):
        return False
    words = head.rstrip(".").split()
    if not 0 < len(words) <= MAX_LINE_WORDS or "." in head.rstrip("."):
        return False  # a longer line, or two sentences, is prose
    if _FIGURE.search(KIND_NUMERAL.sub("", head)):
        return False  # "25% of cases in the elderly.": a statement of a share, the figure asked
    if _ADVERB.match(words[0]) and words[0].lower() not in _NOT_ADVERBS:
        return False  # "Directly blocks replication.": a clause about the line above or below
    lowered = [word.lower().strip(",;.") for word in words]
    said = KIND_NUMERAL.sub("", head).lower().split()  # 'Type I diabetes.' names a kind
    if not _PERSONAL.isdisjoint(word.strip(",;.") for word in said):
        return False  # "Thanks for reading.", "Good luck with your exams.": said to the reader
    return not any(word in FINITE_VERBS for word in lowered[1:])


_PERSONAL = frozenset(
    "i me my we us our you your thanks thank hello hi welcome goodbye bye luck soon".split()
)
"""Words of a line said to or by a person, not a finding ("See you soon.", "Welcome back.")."""
MAX_LINE_CHARS = 200


_ADVERB = re.compile(r"[A-Za-z]{3,}ly$")
_FIGURE = re.compile(r"\d")
"""A figure in a line (a share, a count, a time) makes it a statement about the heading's
thing, which the measure rule asks; checklist lines name findings or steps."""
_NOT_ADVERBS = frozenset("early daily weekly monthly yearly elderly family likely".split())
"""Words ending in -ly that name or qualify a thing ("Early mobilisation.", "Daily weights.")."""


def _item(line: Paragraph) -> ListItem:
    """The line as a list item: its head, without the full stop, with its aside as the item's
    explanation."""
    head, aside = _parts(line.text)
    blocks: tuple[Block, ...] = (Paragraph(aside, line.line),) if aside else ()
    return ListItem(head.rstrip(".").strip(), line.line, blocks)


MAX_MEANING_WORDS = 30
"""The longest meaning of a `Term: meaning` line asked on its own; a longer one is a paragraph."""
MAX_TERM_WORDS = 4
_TERM_LINE = re.compile(r"^(?P<term>[^\W_][^:*_\n]{0,40}?)\s*:\s+(?P<meaning>[^/\s].*)$")


def _term_lines(section: Section, ctx: Context) -> list[Note]:
    """A Basic note per line of each paragraph of `Term: meaning` lines the definition rule
    leaves (`_glossary`), asked of the section's subject."""
    notes = []
    asked = answered_blocks(section.blocks)  # a `Front:` / `Back:` card: the faq rule's
    for index, block in enumerate(section.blocks):
        if not isinstance(block, Paragraph) or index in asked:
            continue
        lines = _glossary(block.text)
        if not lines:
            continue
        about = ctx.heading(section)
        for number, term, meaning in lines:
            key = make_key("short_lines", section.path, term)
            line = block.line + number
            notes.append(
                ctx.note("short_lines", "basic", f"{about}: {term}?", meaning, key, section, line)
            )
    return notes


def _glossary(text: str) -> list[tuple[int, str, str]]:
    """(line offset, term, meaning) of each line of a paragraph of two `Term: meaning` lines or
    more (a lead-in line ending in ":" before them aside), when every line is one and one meaning
    at least runs past the definition rule's MAX_PLAIN_VALUE_WORDS; else none."""
    text = text.strip()
    if "\n" not in text or ": " not in text or text.startswith(("**", "__")):
        return []
    lines = [line.strip().rstrip("\\").strip() for line in text.splitlines()]
    offset = 1 if lines[0].endswith(":") else 0
    found = []
    for number, line in enumerate(lines[offset:], offset):
        match = _TERM_LINE.match(line)
        if match is None:
            return []  # a line of prose among them: not a glossary
        term, meaning = plain(match.group("term")).strip(), match.group("meaning").strip()
        said = plain(meaning).split()
        words = term.lower().split()
        if not 0 < len(words) <= MAX_TERM_WORDS or not 0 < len(said) <= MAX_MEANING_WORDS:
            return []
        if not any(char.isalpha() for char in term):
            return []  # `1 : Stage 1. …`: a scale's numbers, which name nothing (definition's)
        if is_flag(term) or is_pep_talk(term, meaning) or any(w in FINITE_VERBS for w in words):
            return []  # "Note: …", "Remember: …", "Pain is: …": no term
        if is_worked_example(meaning) or "](" in meaning or "://" in meaning:
            return []  # a sum worked out, or a link: where to read
        lowered = {word.lower().strip(",;.") for word in said}
        if len(said) > MAX_PLAIN_VALUE_WORDS and not lowered.isdisjoint(FINITE_VERBS):
            return []  # "Dose: the usual dose is fifty micrograms …": a sentence, prose
        found.append((number, term, meaning, len(said)))
    if len(found) < MIN_LINES or all(count <= MAX_PLAIN_VALUE_WORDS for *_, count in found):
        return []  # short meanings are the definition rule's
    return [(number, term, meaning) for number, term, meaning, _ in found]
