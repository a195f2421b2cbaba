"""Lists of short items become one Cloze note, one cloze per item, so each item is its own card.

What the list is about comes from its lead-in (`leads.py`): a lead-in sentence before the list
("These treatment options include:"), a label line (`**Droplets**`, `Normal BP:`) or a bold
lead-in naming a thing, failing those the section's subject; the deck's topic is added when none
names it. Each item is one cloze when it is short (a few words, not a sentence); an item that
opens with a bold phrase (`**Gown** – tie at the neck`, `**Push, don't pull** – easier`) has only
that phrase hidden. Sub-lists of an item are shown on the back. An item too long to recall word
for word is never a cloze: a list with one gets, after a lead-in, a Basic card whose answer is the
list (when it is short enough), and else no card. Lists of questions, worked examples and the
questions the faq rule reads make no cloze.
"""

from __future__ import annotations

import re

from ..document import ListBlock, ListItem, Section, to_markdown
from ..notes import Note, deletion, literal, make_key
from ..text import heading_subject, plain, single_spaced, without_emoji
from .context import Context
from .definition import is_definition_list
from .faq import answered_blocks
from .leads import FINITE_VERBS, Lead, is_example, leads, subject

MAX_ITEM_WORDS = 12
"""The longest item clozed whole; longer ones are sentences to read, not recall."""
MAX_BOLD_WORDS = 8
"""The longest bold phrase clozed inside an item."""
MAX_BOLD_ITEM_WORDS = 30
"""The longest item whose bold phrase is clozed (the rest stays visible on the front)."""
MAX_STEPS = 10
"""A longer numbered procedure is not learnt one cloze per step (a 21-step procedure would be
21 cards on one long front)."""
MAX_LEAD_WORDS = 45
MIN_ITEMS = 2
MAX_LIST_ANSWER_ITEMS = 6
MAX_LIST_ANSWER_WORDS = 80
"""A list that cannot be clozed is a Basic card's answer only within `check`'s limits (its
LIST-ON-BASIC and LONG-ANSWER defaults, 6 items and 80 words)."""

_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)\W*$")
"""An item that is only a link points elsewhere: a reading list, not facts."""
_BOLD_HEAD = re.compile(r"^(\*\*|__)(?P<bold>[^*_].*?)(\*\*|__)")
_ASK_CUE = re.compile(
    r"(?:,?\s+(?:such as|include|includes|including|as follows|the following))?\s*:?\s*$",
    re.IGNORECASE,
)


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    answered = answered_blocks(section.blocks)
    for index, (lead, block) in enumerate(leads(section.blocks)):
        if not isinstance(block, ListBlock) or index in answered or not _enumerates(block):
            continue
        if is_example(lead, section):
            continue
        intro = _intro(lead, section, ctx)
        note = _cloze_note(block, intro, section, ctx) or _list_note(
            block, lead, intro, section, ctx
        )
        if note is not None:
            notes.append(note)
    return notes


def _enumerates(block: ListBlock) -> bool:
    """A list of facts: two items or more (numbered steps: at most MAX_STEPS), not
    definitions, not mostly questions or links."""
    if len(block.items) < MIN_ITEMS or is_definition_list(block):
        return False
    if block.ordered and len(block.items) > MAX_STEPS:
        return False
    questions = sum(1 for item in block.items if plain(item.text).endswith("?"))
    links = sum(1 for item in block.items if _LINK_ONLY.match(without_emoji(item.text).strip()))
    return questions * 2 <= len(block.items) and links * 2 <= len(block.items)


def _cloze_note(block: ListBlock, intro: str, section: Section, ctx: Context) -> Note | None:
    items = []
    for number, item in enumerate(block.items, 1):
        text = cloze_item(item, number)
        if text is None:
            return None
        marker = f"{number}." if block.ordered else "-"
        items.append(f"{marker} {text}")
    front = literal(intro) + "\n\n" + "\n".join(items)
    key = make_key("enumeration", section.path, plain(intro))
    return ctx.note("enumeration", "cloze", front, _sub_lists(block), key, section, block.line)


def cloze_item(item: ListItem, number: int) -> str | None:
    """The item with its cloze `c<number>`: a bold opening phrase alone, or the whole item when
    it is short and not a sentence; None when the item is too long to recall."""
    text = single_spaced(without_emoji(item.text)).strip()  # "✅ Hand hygiene": no emoji
    if not text:
        return None
    bold = _BOLD_HEAD.match(text)
    if bold is not None and text[bold.end() : bold.end() + 1].isalnum():
        bold = None  # `**R**escue`: a mnemonic's letter, not a phrase
    if bold is not None and bold.end() < len(text.rstrip(" :")):
        phrase = bold.group("bold").strip()
        inner = phrase.rstrip(":").rstrip()
        words = len(plain(inner).split())
        if 0 < words <= MAX_BOLD_WORDS and len(plain(text).split()) <= MAX_BOLD_ITEM_WORDS:
            colon = phrase[len(inner) :]
            marks = bold.group(1)
            hidden = f"{marks}{deletion(number, inner)}{marks}{colon}"
            return hidden + literal(text[bold.end() :])
    if is_sentence(text) or "\n" in item.text.strip():  # an item over several lines is prose
        return None
    return deletion(number, text)


def is_sentence(text: str) -> bool:
    """Too long to recall word for word: more than MAX_ITEM_WORDS words, a clause of six words
    or more (a verb like "is", "can", "should" after its first word: "Standard precautions are
    used with all patients"), or eight words or more ending in a full stop."""
    words = plain(text).split()
    if len(words) > MAX_ITEM_WORDS:
        return True
    if len(words) < 6:
        return False
    if any(word.lower().strip(",;") in FINITE_VERBS for word in words[1:]):
        return True
    return len(words) >= 8 and words[-1].endswith((".", "!")) and not words[-1].endswith("..")


def _sub_lists(block: ListBlock) -> str:
    """The sub-lists of the list's items, for the back: each under its item."""
    parts = []
    for item in block.items:
        inner = to_markdown(item.blocks)
        if inner:
            parts.append(f"**{plain(item.text).rstrip(':')}**\n\n{inner}")
    return "\n\n".join(parts)


def _list_note(
    block: ListBlock, lead: Lead | None, intro: str, section: Section, ctx: Context
) -> Note | None:
    """A list too long to cloze, after a lead-in that asks for it ("... when all of the
    following are true:"), or numbered steps under a heading that names a subject ("Injecting
    insulin"): one Basic card with the list as its answer, when it is short. Other lists of
    sentences ("Key points", "Advice") make no card."""
    if len(block.items) > MAX_LIST_ANSWER_ITEMS:
        return None
    asks = lead is not None and lead.kind != "flag"
    if not asks and not (block.ordered and heading_subject(section.path)):
        return None
    answer = to_markdown((block,))
    if len(plain(answer).split()) > MAX_LIST_ANSWER_WORDS:
        return None
    question = _ASK_CUE.sub("", intro).rstrip(" ,;:-–—") + "?"
    if block.ordered and lead is not None and lead.kind == "condition":
        question = question[:-1] + ": steps?"  # "ABHR (when hands are not dirty): steps?"
    key = make_key("enumeration", section.path, plain(intro), None, "list")
    return ctx.note("enumeration", "basic", question, answer, key, section, block.line)


def _intro(lead: Lead | None, section: Section, ctx: Context) -> str:
    if lead is None or lead.kind != "sentence":
        return f"{subject(lead, section, ctx)}:"
    text = lead.text
    if len(text.split()) > MAX_LEAD_WORDS:
        text = split_sentences(text)[-1]
    if not ctx.names_subject(text, section):
        text = f"{ctx.heading(section)}: {text}"
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
