"""Definition bullets: `**Term**: description` items become "term -> description" cards.

A list counts when at least two items, and most of them, have one of these shapes (with `-`, `*`,
`+` or numbered markers): `**Term**: text`, `**Term:** text`, `**Term** — text`, `Term – text`
(en or em dash between spaces), `Term: text` (a short term without a full stop).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..document import ListBlock, ListItem, Section
from ..notes import Note, make_key
from .context import Context

_SHAPES = (
    re.compile(r"^(\*\*|__)(?P<term>[^*_]+?)(\*\*|__)\s*[:—–]\s*(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(\*\*|__)(?P<term>[^*_]+?)\s*:\s*(\*\*|__)\s*(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(\*\*|__)(?P<term>[^*_]+?)(\*\*|__)\s+-\s+(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(?P<term>[^:*_—–.]{1,60}?)\s+[—–]\s+(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(?P<term>[^:*_.?!]{1,50}?):\s+(?P<text>\S.*)$", re.DOTALL),
)
MAX_TERM_WORDS = 6


def definition(item: ListItem) -> tuple[str, str] | None:
    """(term, description) when the item is written as a definition."""
    return _definition(item.text)


@lru_cache(maxsize=1 << 12)
def _definition(text: str) -> tuple[str, str] | None:
    # Cached: three rules ask about every list item (definition, enumeration, via
    # is_definition_list, and this rule again for each item it turns into a card).
    for shape in _SHAPES:
        match = shape.match(text.strip())
        if match:
            term = match.group("term").strip()
            if 0 < len(term.split()) <= MAX_TERM_WORDS:
                return term, match.group("text").strip()
    return None


def is_definition_list(block: ListBlock) -> bool:
    found = sum(1 for item in block.items if definition(item) is not None)
    return found >= 2 and found * 3 >= len(block.items) * 2


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    heading = ctx.heading(section)
    for block in section.blocks:
        if not isinstance(block, ListBlock) or not is_definition_list(block):
            continue
        for item in block.items:
            found = definition(item)
            if found is None:
                continue
            term, text = found
            key = make_key("definition", section.path, term, item.pin)
            notes.append(
                ctx.note(
                    "definition", "basic", f"{heading}: {term}?", text, key, section, item.line
                )
            )
    return notes
