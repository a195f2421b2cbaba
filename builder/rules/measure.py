"""A measured figure stated in a sentence that no other rule carded becomes a cloze on the figure.

Handbooks and patient pages state their key numbers in their own words: "A fever of over 38 °C
in a baby under 3 months is a red flag", "Admit if Na <125 mEq/L", "Infuse 40 mg/kg over 20
minutes". The sentence rules read a few known shapes, and most such sentences fit none of them,
so the number a student is examined on made no card. This rule reads what is left: a sentence
of a paragraph, a list item or sub-item, or a plain line of a paragraph whose lines are separate
statements (a list that lost its bullets), holding a figure with a unit ("38 °C", "40 mg/kg",
"5 days", "<94%") or a comparison ("more than 3", "<125"), becomes "Temperature in fever: A
fever of {{c1::over 38 °C}} …", one deletion per figure (at most MAX_FIGURES).

It is the registry's last resort (`Rule.fallback`): it reads only blocks whose line no note of
the section came from (a paragraph or list another rule carded is left whole to that rule), and
never a worked example, a calculation (`=`, `×`), a contact line, a long sentence or a bare
figure with no words round it. A sentence that does not name the section's subject is opened by
it ("Disposition in hyponatremia: Admit if Na {{c1::<125 mEq/L}}"), and a list item by its
lead-in or parent item too. The key is the sentence with its figures masked, so correcting a
figure in a later release keeps the note (and its review history).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

from ..document import Block, ListBlock, ListItem, Paragraph, Section
from ..notes import Note, cloze, literal, make_key
from ..text import is_advert, names_a_strength, names_topic, normalise, plain
from .context import Context
from .enumeration import split_sentences
from .faq import answered_blocks
from .figure import PIPE_ROWS
from .leads import is_example, is_example_text, is_flag, lead_of

MAX_FIGURES = 3
"""A sentence with more figures is a table written as text: its clozes would show each other."""
MAX_SENTENCE_WORDS = 45
MIN_OTHER_WORDS = 2
"""A bare figure ("38 °C") with no words round it states nothing to ask."""
MAX_LEAD_WORDS = 12
MIN_HEADLINE_WORDS = 12
MAX_CAPITALISED = 0.5
"""A longer "sentence" with more than half its words capitalised is a flattened table or list."""

_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = rf"{_NUMBER}(?:\s*(?:-|–|to)\s*{_NUMBER}|/{_NUMBER})?"
_MORE = r"(?:\s+or\s+(?:more|less|longer|greater|higher|lower|above|below|over|under))"
_COMPARE = r"(?:[<>≤≥]=?|=<|=>|\b(?:more|less|greater|fewer|higher|lower)\s+than|\bexceeding)"
_NEAR = r"(?:\bover|\bunder|\babove|\bbelow|\bat\s+least|\bat\s+most|\bup\s+to|\bwithin)"
"""Words that compare only a figure with a unit: "under 12" may count anything."""
_UNIT = (
    r"(?:%|°\s?[CF]?|degrees?(?:\s+(?:celsius|centigrade|fahrenheit|[CF]))?"
    r"|(?:mmol|µmol|umol|micromol|mEq|meq|mg|g|ng|pg|mcg|µg|IU|units?|mL|ml)"
    r"(?:/(?:k?g|d?L|l|dl|m2|m²|min|h|hr|hour|day|dose|kg/(?:h|hr|hour|day|min)))*"
    r"|k?g|L|mmHg|kPa|bpm|beats?\s+(?:per|a)\s+minute|breaths?\s+(?:per|a)\s+minute"
    r"|/min|per\s+minute|hourly|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|weeks?|wks?"
    r"|months?|years?(?:\s+old)?|yrs?|cm|mm|kg/m2|kg/m²)"
)
_FIGURE = re.compile(
    rf"(?:(?:{_COMPARE})\s*-?{_AMOUNT}(?:\s*{_UNIT}(?![A-Za-z]))?"
    rf"|(?:\bbetween\s+{_NUMBER}\s+and\s+|{_NEAR}\s+)?(?<![\w.–/-]){_AMOUNT}{_MORE}?\s*{_UNIT}"
    rf"(?![A-Za-z]){_MORE}?)",
    re.IGNORECASE,
)
"""A figure with a unit ("38 °C", "40 mg/kg", "4-6 hourly", "5 or more days") or a comparison
("more than -3", "<125 mEq/L", "≥ 94%", "between 24 and 28 weeks")."""
_WORKED = re.compile(r"\d\s*(?:=|×|\*|÷)\s*\d|\d\s*[x×]\s*\d+(?:\.\d+)?\s*=|\s[*×÷]\s")
"""A calculation or formula ("990 × 0.95 = 940.5", "Na + 2.4 * (BG - 100)"): its numbers hold
for that example only, or are asked as the formula."""
_CONTACT = re.compile(
    r"\b(?:call|phone|telephone|ring|helpline|hotline|contact|email|e-mail|website|visit|open)\b"
    r"|\blink\b|^see\b|https?://|www\.|@",
    re.IGNORECASE,
)
"""A line telling where to reach someone or what to read ("The helpline is open 24 hours a
day", "See the guideline link for children (0-12 years)"): no fact."""
_MARKERS = re.compile(r"\s*\[\d+(?:\s*[-–,]\s*\d+)*\]")
"""Numbered reference markers ("<135 mEq/L [1]") that an exported wiki page leaves in its text."""
_OPTION = re.compile(r"^\(?[a-eA-E][).]\s")
"""A quiz's lettered option or answer ("b) 48 hours, unless it leaks")."""
_FLAG = re.compile(r"^([^:]{1,30}):\s+")
_LEFTOVER = re.compile(r"==|\*\*|`|\]\(|\[\[|\{\{|<[a-z/]")
"""Markup the reader left as written (a stray `==`, a wikilink): a card would show it."""
_LINE_GOES_ON = re.compile(r"(?:[,;:(–-]|\b(?:and|or|of|the|a|an|to|with|in|for|by|at))$", re.I)


def extract(section: Section, ctx: Context) -> list[Note]:
    if ctx.in_faq or is_example(None, section):
        return []
    asked = answered_blocks(section.blocks)  # a quiz item's stem and options
    notes: list[Note] = []
    seen: set[str] = set()
    previous: Block | None = None
    for index, block in enumerate(section.blocks):
        before, previous = previous, block
        if index in asked or _carded(block, ctx.carded):
            continue
        if isinstance(block, Paragraph):
            lead = lead_of(before) if isinstance(before, Paragraph) else None
            if lead is not None and is_example(lead, section):
                continue
            for line in _lines(block.text):
                notes.extend(_note(line, "", block.line, section, ctx, seen))
        elif isinstance(block, ListBlock):
            opening = _lead(before)
            for item, about in _items(block, opening, ctx):
                notes.extend(
                    _note(item.text.split("\n", 1)[0], about, item.line, section, ctx, seen)
                )
    return notes


def _carded(block: Block, carded: frozenset[int]) -> bool:
    """A note came from the block: its line, or for a paragraph any of its lines (the
    definition rule asks a paragraph's label lines one by one)."""
    if isinstance(block, Paragraph):
        return any(block.line + offset in carded for offset in range(block.text.count("\n") + 1))
    return block.line in carded


def _lead(before: Block | None) -> str:
    """A list's lead-in sentence or label ("Admit if:"), as a front opens with it."""
    if not isinstance(before, Paragraph):
        return ""
    text = _MARKERS.sub("", plain(before.text)).strip()
    if not text.endswith(":") or len(text.split()) > MAX_LEAD_WORDS or is_example_text(text):
        return ""
    return text.rstrip(":").strip()


def _items(block: ListBlock, about: str, ctx: Context) -> Iterator[tuple[ListItem, str]]:
    """Each item and sub-item no note came from, with what it is said about: the list's
    lead-in, or for a sub-item its parent item ("Paracetamol +/- codeine" over its doses)."""
    for item in block.items:
        if item.line in ctx.carded:
            continue
        yield item, about
        head = _MARKERS.sub("", plain(item.text.split("\n", 1)[0])).strip().rstrip(":")
        inner_about = head if 0 < len(head.split()) <= MAX_LEAD_WORDS else about
        for inner in item.blocks:
            if isinstance(inner, ListBlock) and inner.line not in ctx.carded:
                yield from _items(inner, inner_about, ctx)


def _capitalised(sentence: str) -> float:
    words = [word for word in sentence.split() if word[:1].isalpha()]
    return sum(word[:1].isupper() for word in words) / len(words) if words else 0.0


def _lines(text: str) -> list[str]:
    """A paragraph's statements: its lines when each is one (a list that lost its bullets,
    "Admit if Na <125" / "Consult nephrology"), else the paragraph as one text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(
        _LINE_GOES_ON.search(first) is None and (second[:1].isupper() or second[:1].isdigit())
        for first, second in pairwise(lines)
    ):
        return lines
    return [text]


def _note(
    text: str, about: str, line: int, section: Section, ctx: Context, seen: set[str]
) -> list[Note]:
    prose = _MARKERS.sub("", plain(text)).strip()
    flag = _FLAG.match(prose)
    if flag is not None and is_flag(flag.group(1)):
        prose = prose[flag.end() :]  # "Note: some wards count for 30 seconds"
        prose = prose[:1].upper() + prose[1:]
    if not prose or PIPE_ROWS.match(text) or _LEFTOVER.search(prose) or _OPTION.match(prose):
        return []  # a table row left as text, markup left as written, a quiz's option
    if (
        is_advert(prose)
        or is_example_text(prose)
        or _CONTACT.search(prose)
        or _WORKED.search(prose)
    ):
        return []
    notes: list[Note] = []
    for sentence in split_sentences(prose):
        spans = [
            match.span()
            for match in _FIGURE.finditer(sentence)
            if not names_a_strength(sentence[match.end() :])  # "3% hypertonic saline"
        ]
        if not spans or len(spans) > MAX_FIGURES or sentence.endswith(":"):
            continue
        words = len(sentence.split())
        shown = len(_FIGURE.sub(" ", sentence).split())
        if words > MAX_SENTENCE_WORDS or shown < MIN_OTHER_WORDS:
            continue
        if words > MIN_HEADLINE_WORDS and _capitalised(sentence) > MAX_CAPITALISED:
            continue  # a table or list flattened into a line: "Severity Mild Severe Coma (GCS <8)"
        masked = _FIGURE.sub("#", sentence)
        if normalise(masked) in seen:
            continue  # the same statement with other figures: the first is asked
        seen.add(normalise(masked))
        opening = f"{about}: " if about and about.lower() not in sentence.lower() else ""
        heading = ctx.heading(section)
        if not names_topic(opening + sentence, ctx.topic or ctx.subject(section) or heading):
            opening = f"{heading} — {opening}" if opening else f"{heading}: "
        text_ = literal(opening) + cloze(sentence, spans)
        key = make_key("measure", section.path, masked, section.pin, normalise(masked))
        notes.append(ctx.note("measure", "cloze", text_, "", key, section, line))
    return notes
