"""Lists of short items become one Cloze note, one cloze per item, so each item is its own card.

The lead-in sentence before the list ("These treatment options include:") or, failing that, the
section heading gives the context, with the deck's topic added when neither names it.
"""

from __future__ import annotations

import re

from ..document import ListBlock, Paragraph, Section
from ..notes import Note, make_key
from ..text import names_topic, plain
from .context import Context, with_lead_in
from .definition import is_definition_list

MAX_ITEM_WORDS = 16
MAX_LEAD_WORDS = 45
MIN_ITEMS = 2


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    for lead, block in with_lead_in(section.blocks):
        if not isinstance(block, ListBlock) or not _enumerates(block):
            continue
        intro = _intro(lead, section, ctx)
        items = []
        for number, item in enumerate(block.items, 1):
            marker = f"{number}." if block.ordered else "-"
            items.append(f"{marker} {{{{c{number}::{item.text}}}}}")
        front = intro + "\n\n" + "\n".join(items)
        key = make_key("enumeration", section.path, plain(intro))
        notes.append(ctx.note("enumeration", "cloze", front, "", key, section, block.line))
    return notes


def _enumerates(block: ListBlock) -> bool:
    if len(block.items) < MIN_ITEMS or is_definition_list(block):
        return False
    return all(
        item.text and not item.blocks and len(plain(item.text).split()) <= MAX_ITEM_WORDS
        for item in block.items
    )


def _intro(lead: Paragraph | None, section: Section, ctx: Context) -> str:
    heading = ctx.heading(section)
    if lead is None or not plain(lead.text).endswith(":"):
        return f"{heading}:"
    text = plain(lead.text)
    if len(text.split()) > MAX_LEAD_WORDS:
        text = split_sentences(text)[-1]
    if ctx.topic and not names_topic(text, ctx.topic):
        text = f"{heading}: {text}"
    return text


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, split at . ! ? and white space before a capital, a digit, a quote
    or a parenthesis (after "e.g." too: see below)."""
    parts, last = [], 0
    for gap in _SENTENCE_GAP.finditer(text):
        parts.append(text[last : gap.start(1)])
        last = gap.end(1)
    parts.append(text[last:])
    return [part.strip() for part in parts if part.strip()]


_SENTENCE_GAP = re.compile(r"[.!?](\s+)(?=[A-Z0-9“\"(])")
"""The white space between two sentences (group 1). This finds what splitting at
`(?<!\\be\\.g)(?<!\\bi\\.e)(?<=[.!?])\\s+(?=[A-Z0-9“"(])` did, three times faster: a pattern
that starts with a character class lets the regex engine skip ahead. Those two lookbehinds never
held anything back (the text before a break ends in . ! or ?, never in "g" or "e"), so they are
gone; "e.g. Foo" is split, as it always was."""
