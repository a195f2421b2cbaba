"""Key facts stated in a sentence of prose become Basic notes, for two sentence shapes only.

Prose is read conservatively: most sentences are not one question and one answer. Two shapes are:

- a role: "Velbarin is the first-line treatment for Korrin fever." (or "The first-line treatment
  for Korrin fever is velbarin.") asks "First-line treatment for Korrin fever?" -> "Velbarin".
  The roles are first/second/third line, drug/treatment/test/investigation of choice, gold
  standard, mainstay, cornerstone, and "most common(ly used)", "most important", "most
  accurate", "most effective"; the thing named has at most four words and is not a pronoun, and
  the role takes "the" (or no article: "X is first line"), never "a" ("a cornerstone" is one of
  several);
- a threshold: "A reading of 140/90 mmHg or higher is considered high." asks "Reading considered
  high?" -> "140/90 mmHg or higher" (also "defined as", "classed as", and values written "above
  N", "≥ N" and the like).

Worked examples ("Example: …", "For example, …") are left alone.
"""

from __future__ import annotations

import re

from ..document import Paragraph, Section
from ..notes import Note, make_key
from ..text import plain
from .context import Context
from .enumeration import split_sentences
from .faq import answered_blocks
from .leads import is_example, is_example_text, lead_of

_ROLE = (
    r"(?:(?:first|second|third|1st|2nd|3rd)[- ]line|(?:drug|treatment|test|investigation|"
    r"imaging|agent|procedure) of choice|gold[- ]standard|mainstay|cornerstone|"
    r"(?:single\s+)?most\s+(?:commonly\s+used|common|important|accurate|effective|sensitive|"
    r"specific))"
)
_PRONOUN = re.compile(
    r"^(?:it|this|that|these|those|they|there|which|another|other|one|each|both|all|some|such)\b",
    re.IGNORECASE,
)
_THING_IS_ROLE = re.compile(
    rf"^(?P<x>[^\s,;:()]+(?:\s+[^\s,;:()]+){{0,3}}?)\s+(?:is|are|remains|remain)\s+(?:also\s+)?"
    rf"(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?)"
    r"(?=\s*(?:[,.;(]|\band\b|\bbut\b|\bwhich\b|\bbecause\b|$))",
    re.IGNORECASE,
)
_ROLE_IS_THING = re.compile(
    rf"^(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?)\s+(?:is|are)\s+(?P<x>[^\s,;:()]+"
    r"(?:\s+[^\s,;:()]+){0,3}?)(?=\s*(?:[,.;(]|\bwhich\b|\bthat\b|\bbecause\b|$))",
    re.IGNORECASE,
)
_AND_ROLE = re.compile(
    rf"\band\s+(?:is|are)\s+(?:also\s+)?(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?)"
    r"(?=\s*(?:[,.;(]|\band\b|\bbut\b|$))",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<what>[a-z][\w -]{0,30}?)\s+(?:of\s+)?"
    r"(?P<value>(?:(?:[≥≤><]|above|over|below|under|greater than|less than|more than)\s*)?"
    r"\d[^\s,;()]*(?:\s*[a-zA-Z%°/µ]+\S*)?"
    r"(?:\s+(?:or|and)\s+(?:higher|more|above|greater|over|lower|less|below|under))?)"
    r"(?P<aside>\s*\([^()]*\))?\s+(?:is|are)\s+(?:considered|defined as|classed as|"
    r"classified as|regarded as|diagnosed as|diagnostic of)\s+(?P<kind>[^,.;()]{2,40}?)"
    r"\s*(?:[,.;(]|$)",
    re.IGNORECASE,
)
MAX_SENTENCE_WORDS = 40


def extract(section: Section, ctx: Context) -> list[Note]:
    notes: list[Note] = []
    answered = answered_blocks(section.blocks)
    for index, block in enumerate(section.blocks):
        if not isinstance(block, Paragraph) or index in answered:
            continue
        text = plain(block.text)
        if not _may_state(text) or is_example(lead_of(block), section) or is_example_text(text):
            continue
        for sentence in split_sentences(text):
            if len(sentence.split()) > MAX_SENTENCE_WORDS or is_example_text(sentence):
                continue
            for question, answer in facts(sentence):
                front = ctx.situate(question[:1].upper() + question[1:]) + "?"
                key = make_key("prose_fact", section.path, question)
                notes.append(
                    ctx.note("prose_fact", "basic", front, answer, key, section, block.line)
                )
    return notes


_CUES = (
    "line",
    "choice",
    "standard",
    "mainstay",
    "cornerstone",
    "most ",
    "consider",
    "defined",
    "classed",
    "classified",
    "regarded",
    "diagnos",
)


def _may_state(text: str) -> bool:
    """A cheap look for any cue word before the regular expressions run."""
    lowered = text.lower()
    return any(cue in lowered for cue in _CUES)


def facts(sentence: str) -> list[tuple[str, str]]:
    """(question without "?", answer) for each fact the sentence states in a known shape."""
    sentence = sentence.strip()
    found: list[tuple[str, str]] = []
    thing = _THING_IS_ROLE.match(sentence)
    if thing is not None and _names_a_thing(thing.group("x")):
        answer = thing.group("x").strip().rstrip(".!?")
        found.append((_role(thing.group("role")), answer))
        rest = sentence[thing.end() :]
        for more in _AND_ROLE.finditer(rest):
            found.append((_role(more.group("role")), answer))
    role = _ROLE_IS_THING.match(sentence)
    if role is not None and _names_a_thing(role.group("x")):
        found.append((_role(role.group("role")), role.group("x").strip().rstrip(".!?")))
    threshold = _THRESHOLD.match(sentence)
    if threshold is not None and not _PRONOUN.match(threshold.group("what")):
        what = threshold.group("what").strip()
        kind = threshold.group("kind").strip()
        value = (threshold.group("value") + (threshold.group("aside") or "")).strip()
        found.append((f"{what} considered {kind}", value))
    return found


def _role(text: str) -> str:
    return " ".join(text.split()).rstrip(" -")


def _names_a_thing(text: str) -> bool:
    """A short name, not a pronoun or a clause ("It", "This drug", "Patients who …")."""
    words = text.split()
    if not 0 < len(words) <= 4 or _PRONOUN.match(text):
        return False
    return not any(word.lower() in ("who", "which", "that", "when", "if") for word in words)
