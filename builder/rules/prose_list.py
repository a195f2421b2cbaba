"""Lists written inside a sentence become cloze notes, one cloze per item.

Much of a real article's content sits in prose: "symptoms, including abdominal pain, jaundice,
fatigue, and weight loss". After a cue ("including", "such as", "include(s)", "a combination
of", "present(s) with"), three or more short comma-separated items ending in "and"/"or" (with a
comma before it or not: "a, b and c" is three) make one Cloze note ("etc."
or "and so on" ends the series, never a deletion: `enumeration.is_etc`); two short items do when
they end an "include(s)" sentence ("Signs include wheeze and a dry cough."). A series'
last item too long to recall ends where a condition opens ("…, and diving unless …"). A
sentence that leans on the one before it ("This can lead to...") takes that sentence along, so the
card stands alone; one that does not name the topic is prefixed with its section and topic.
"""

from __future__ import annotations

import re

from ..document import Paragraph, Section
from ..notes import Note, cloze, literal, make_key
from ..text import FIGURE, plain, split_sentences
from .context import Context
from .enumeration import is_etc
from .faq import answered_blocks
from .leads import captions

_CUE = re.compile(
    r"\b(including|such as|includes?|a combination of"
    r"|tales como|tais como|tel(?:le)?s que|incluyendo|incluindo|notamment"
    r"|incluyen?|incluem|inclui|incluent|(?<=, )como):?\s+"
    r"(?!the following\b)",
    re.IGNORECASE,
)
"""A list's cue, in English and as Spanish, Portuguese and French write it ("tales como",
"tais como", "tels que", "incluyendo", "incluindo", "notamment", "incluyen", "incluem",
"incluent"), with a colon after it or not ("which include: a, b, …"); a "como" after a comma
is Spanish's and Portuguese's "such as" (`fatores de risco, como a, b ou c`), where alone it
is also "how" and "as"."""
_END_OF_ITEM = re.compile(
    r"\s+(?:can|may|might|will|would|should|must|are|is|was|were|has|have|had|that|which|"
    r"depending|as well as)\b.*$|,.*$|[.;:!?]+$",
    re.IGNORECASE,
)
_PRESENTS = re.compile(r"\b(?:[Pp]resent(?:s|ing)?|PRESENT(?:S|ING)?) with\s+")
"""A presentation's list cue ("may present with", "presents with", "presenting with"), the
way "include" cues one; case-sensitive, so its own test (`"resent" in text`) finds it at once."""
CUE_PARTS = ("nclu", "uch a", "comb", "como", " que", "notam")
"""A part of each cue that `_CUE` can only match as these very letters, whatever their case (no
other character matches them ignoring case, see tests/test_rules.py): text whose lower case holds
none of them holds no cue."""
_LEANS_BACK = re.compile(r"^(this|these|it|they|such|those)\b", re.IGNORECASE)
MIN_ITEMS = 3
MAX_ITEMS = 8
"""Deletions of one note at most: each card shows every other answer, so a longer series is
asked in parts, as a long list is (`enumeration.MAX_DELETIONS`)."""
MAX_SHORT_ITEMS = 10
MAX_PARTS = 3
"""Parts a series is cut into at most: a longer one (over 24 items) is a passage to recite, no
card (as a numbered procedure of more than enumeration.MAX_STEPS steps is)."""
MAX_ITEM_WORDS = 8
MAX_CARD_WORDS = 70


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    asked = answered_blocks(section.blocks)  # a quiz's case, question and options: no facts
    asked |= captions(section.blocks)  # nor a picture's caption
    for number, block in enumerate(section.blocks):
        if not isinstance(block, Paragraph) or number in asked:
            continue
        prose = plain(block.text)
        if (not _may_hold_cue(prose) or _CUE.search(prose) is None) and (
            "resent" not in prose.lower() or _PRESENTS.search(prose) is None
        ):
            continue  # a sentence holds a cue only where its paragraph does
        sentences = split_sentences(prose)
        for index, sentence in enumerate(sentences):
            for clozed in cloze_parts(sentence):
                text = clozed
                if _LEANS_BACK.match(sentence) and index > 0:
                    text = f"{literal(sentences[index - 1])} {clozed}"
                if len(text.split()) > MAX_CARD_WORDS:
                    continue
                if not ctx.names_subject(text, section):
                    text = f"{literal(ctx.heading(section))}: {text}"
                subject = re.sub(r"\{\{c\d+::[^}]*\}\}", "#", clozed)
                key = make_key("prose_list", section.path, subject)
                notes.append(ctx.note("prose_list", "cloze", text, "", key, section, block.line))
    return notes


def _may_hold_cue(text: str) -> bool:
    """False when the text holds no cue, found with `in` on its lower case: looking for the cue
    itself (a case-blind regex cannot skip ahead) costs ten times as much, in every paragraph."""
    lowered = text.lower()
    return any(part in lowered for part in CUE_PARTS)


def cloze_parts(sentence: str) -> list[str]:
    """The sentence with each listed item as a cloze (a series of more than MAX_ITEMS items in
    parts: `_series_parts`), or nothing when it holds no such list."""
    cues = list(_CUE.finditer(sentence))
    if "resent" in sentence.lower():
        cues = sorted((*cues, *_PRESENTS.finditer(sentence)), key=lambda cue: cue.start())
    for cue in cues:
        if sentence.count("(", 0, cue.start()) > sentence.count(")", 0, cue.start()):
            continue  # "fluid status (including weight), …": an aside's cue, no series of its own
        most = MAX_ITEMS * MAX_PARTS
        spans = item_spans(sentence, cue.end(), most) or _pair(sentence, cue.end())
        if spans is None:
            continue
        if cue.group().lower().startswith("como") and _CLAUSE_ITEM.match(sentence, spans[0][0]):
            continue  # ", como ele se desenvolve, …": "how", a clause, no member of a set
        if len(spans) > MAX_ITEMS and not _terse(sentence, spans):
            return _series_parts(sentence, spans)
        figures = [m.span() for m in FIGURE.finditer(sentence, 0, cue.start())]
        return [cloze(sentence, figures + spans)]  # "Infants {{2-10 months}} old with {{A}}, …"
    return []


def _terse(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Up to MAX_SHORT_ITEMS items of a word or two each ("pollen, dust, smoke, …"): one list,
    quick to read whole, stays one note (as `enumeration.MAX_SHORT_DELETIONS` keeps one)."""
    sizes = [len(sentence[a:b].split()) for a, b in spans]
    return len(sizes) <= MAX_SHORT_ITEMS and max(sizes) <= 3 and sum(sizes) <= 2 * len(sizes)


def _series_parts(sentence: str, spans: list[tuple[int, int]]) -> list[str]:
    """A long series ("which include: a, b, … and q", 17 adverse effects) asked in parts of
    about equal size, in its order: each part is the sentence's words before the series with
    that part's items, "…" where more follow, and says which part it is ("(part 1 of 3)")."""
    count = -(-len(spans) // MAX_ITEMS)
    size = -(-len(spans) // count)
    head = sentence[: spans[0][0]]
    parts = []
    for number, first in enumerate(range(0, len(spans), size), 1):
        group = spans[first : first + size]
        last = first + size >= len(spans)
        start, end = group[0][0], group[-1][1]
        ending = sentence[end:].rstrip() if last else ", …"
        text = f"{head}{sentence[start:end]}{ending} (part {number} of {count})"
        shift = len(head) - start
        parts.append(cloze(text, [(a + shift, b + shift) for a, b in group]))
    return parts


_PAIR = re.compile(
    r"(?P<a>(?:[^\W\d][\w'-]*\s+){0,3}[^\W\d][\w'-]*)\s+(?:and|or)\s+"
    r"(?P<b>(?:[^\W\d][\w'-]*\s+){0,3}[^\W\d][\w'-]*)\s*[.!]?\s*$"
)
"""Two short items, of one to four words each, ending the sentence: "a and b"."""
_PAIR_CUE = re.compile(r"includ(?:es?|ing)\s+$", re.IGNORECASE)


def _pair(sentence: str, start: int) -> list[tuple[int, int]] | None:
    """The spans of two short items ending a sentence after its "include(s)"/"including" cue
    ("Common signs include wheeze and a dry cough."): the sentence says nothing but the two
    things, so the pair is a list, as a series of three is."""
    if _PAIR_CUE.search(sentence, 0, start) is None:
        return None
    pair = _PAIR.match(sentence, start)
    if pair is None or len(_LAST_JOIN.findall(pair.group())) > 1:
        return None  # "a and b or c": no pair
    lowered = sentence.lower()
    if any(lowered.count(pair[name].lower()) > 1 for name in ("a", "b")):
        return None  # "fever or a history of fever": the card would show its own answer
    return [pair.span("a"), pair.span("b")]


def item_spans(sentence: str, start: int, most: int = MAX_ITEMS) -> list[tuple[int, int]] | None:
    """Character spans of the list items starting at `start`: a, b, (and|or) c; None when they
    are fewer than MIN_ITEMS or more than `most`."""
    spans: list[tuple[int, int]] = []
    position = start
    read = _without_bracketed(sentence)  # "derangement (K, phosphate, Mg)" is one item
    while True:
        comma = read.find(", ", position)
        chunk_end = comma if comma != -1 else len(sentence)
        chunk = read[position:chunk_end]
        final = _FINAL_JOIN.match(chunk)
        if final or comma == -1:
            item_start = position + (final.end() if final else 0)
            aside = _DASHED.match(sentence, item_start)  # "or — in babies — a blocked duct"
            if aside is not None:
                item_start = (
                    aside.end()
                    + len(sentence[aside.end() :])
                    - len(sentence[aside.end() :].lstrip())
                )
            tail = read[item_start:]
            cut = _END_OF_ITEM.search(tail)
            item_end = item_start + (cut.start() if cut else len(tail))
            if len(read[item_start:item_end].split()) > MAX_ITEM_WORDS:
                condition = _CONDITION.search(read, item_start, item_end)
                if condition is not None:  # "and diving unless …": the item ends there
                    item_end = condition.start()
            joined = None if final else _last_join(read, spans, item_start, item_end)
            if joined is None and not final:  # "…, reduced libido and sometimes fatigue"
                joined = _HEDGED_JOIN.search(read, item_start, item_end)
            if joined is not None:  # "a, b, c and d": no comma before the last "and"
                spans.append((item_start, joined.start()))
                item_start = joined.end()
            spans.append((item_start, item_end))
            break
        spans.append((position, chunk_end))
        position = comma + 2
    spans = _without_hedges(sentence, spans)
    ended = next((n for n, (a, b) in enumerate(spans) if is_etc(sentence[a:b])), None)
    if ended is not None:
        spans = spans[:ended]  # "infection, injury, drugs, etc.": the series ends at "etc"
    if spans and _BOTH.fullmatch(sentence[slice(*spans[-1])].strip()):
        spans = spans[:-1]  # "drugs, surgery or both": the two again, no third thing
    head = _SHARED_HEAD.match(sentence, spans[0][0], spans[0][1]) if spans else None
    if head is not None:  # "monitoring of {{a}}, {{b}} and {{c}}": the head is every item's
        spans[0] = (head.end(), spans[0][1])
    items = [sentence[a:b] for a, b in spans]
    if not MIN_ITEMS <= len(items) <= most or any(_CUE.search(read[a:b]) for a, b in spans):
        return None  # too few, or a nested cue ("a combination of X, such as Y") reads better
    if not all(0 < len(_DASHED.sub("—", item).split()) <= MAX_ITEM_WORDS for item in items):
        return None
    if any("<" in item and _TAG.search(item) for item in items):
        return None  # `and <img src=…>`: raw HTML is nothing to recall (sanitising may empty it)
    return spans


_SHARED_HEAD = re.compile(
    r"(?:\w+\s+){0,2}?(?:monitoring|measurement|measurements|assessment|assessments|evaluation"
    r"|testing|checks|checking|review|surveillance)\s+of\s+",
    re.IGNORECASE,
)
"""The words opening a series' first item that say what is done to every item ("periodic
monitoring of blood pressures, fluid status and …"): outside its deletion."""

_HEDGE = (
    r"(?:sometimes|occasionally|often|rarely|usually|possibly|typically|especially"
    r"|in\s+(?:some|many|most|a\s+few|rare|severe|certain)\s+(?:patients|people|cases|children"
    r"|adults|women|men))"
)
_HEDGE_ONLY = re.compile(rf"{_HEDGE}", re.IGNORECASE)
_HEDGE_OPENING = re.compile(rf"\s*{_HEDGE}\s+", re.IGNORECASE)
_HEDGED_JOIN = re.compile(rf"\s+(?:and|or)\s+{_HEDGE}\s+", re.IGNORECASE)
"""How often or in whom an item holds ("in some patients", "sometimes"): a hedge, never an item;
after an "and" it opens the series' last item ("reduced libido and sometimes fatigue")."""
_TRAILING_JOIN = re.compile(r"\s+(?:and|or)$")
_PREDICATE_OPENING = re.compile(
    r"(?:is|are|was|were|be|been|has|have|had|can|may|might|will|would|should|must)\b"
    r"|\w+ed\s+by\b",
    re.IGNORECASE,
)
"""A chunk opening with a verb ("is recommended", "supported by …"): the series has ended and the
sentence's predicate or a clause about it goes on."""


def is_hedge(text: str) -> bool:
    """A phrase that says how often or in whom something holds ("in some patients",
    "sometimes"), never a thing to recall."""
    return _HEDGE_ONLY.fullmatch(text.strip()) is not None


def _without_hedges(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The series' items without a hedge set off by commas ("… and, in some patients, anxiety"),
    the "and" before it left out of the item it ends, and cut before a chunk that opens with a
    verb (", is recommended"): none of these is a thing to recall."""
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        chunk = sentence[start:end].strip()
        if _PREDICATE_OPENING.match(chunk):
            break
        if _HEDGE_ONLY.fullmatch(chunk):
            continue
        opening = _HEDGE_OPENING.match(sentence, start)
        if opening is not None:  # "and sometimes sweating": the hedge stays out of the item
            start = opening.end()
        trailing = _TRAILING_JOIN.search(sentence, start, end)
        kept.append((start, trailing.start() if trailing is not None else end))
    return kept


_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CLAUSE_ITEM = re.compile(
    r"(?:ele|ela|eles|elas|él|ella|ellos|ellas|se|que|o que|lo que|isso|isto|esto|eso)\b",
    re.IGNORECASE,
)
"""A first item after "como" that opens with a pronoun or "que": a clause ("como ele se
desenvolve", how it develops), so "como" is "how" there."""
_BOTH = re.compile(r"(?:both|all(?: of)? (?:them|these|three)|ambos|ambas|les deux)\W*", re.I)
"""A series' last "item" that only joins the others ("… or both", "ou ambos")."""
_CONDITION = re.compile(r"(?<=\w)\s+(?:unless|if|when|until|except|provided)\b")
"""A condition opening after a series' last item ("… and diving unless cleared"): what it holds
for, not the item."""
_JOINS = r"and/or|y/o|e/o|et/ou|and|or|y|e|o|u|et|ou"
"""The words before a series' last item: English's, and Spanish's, Portuguese's and French's."""
_FINAL_JOIN = re.compile(rf"(?:{_JOINS})\s+")
_LAST_JOIN = re.compile(rf"\s+(?:{_JOINS})\s+")
_CLAUSE_OPENING = re.compile(r"(?:which|who|whose|that|where|when|while|but)\b", re.IGNORECASE)


def _last_join(
    read: str, spans: list[tuple[int, int]], start: int, end: int
) -> re.Match[str] | None:
    """The "and" parting the last two items of a series written without a comma before it
    ("apples, grapes, pears and plums"): the first in the last chunk, when that chunk's head is a
    short item (four words at most) and no item before holds an "and" or "or" of its own. Else
    the chunk is one item: "tests and markers, assist in X and Y" and "the virus, which infects
    the nose and throat" are no series of three."""
    if not spans or _CLAUSE_OPENING.match(read, start):
        return None
    if any(_LAST_JOIN.search(read, a, b) for a, b in spans):
        return None
    joined = _LAST_JOIN.search(read, start, end)
    if joined is None or len(read[start : joined.start()].split()) > 4:
        return None
    return joined


_BRACKETED = re.compile(
    r"\([^()]*\)|\[[^\[\]]*\]|(?<=\s)[—–][^—–,;]{1,40}[—–](?=\s)"
    r"|(?:(?<=\band )|(?<=\bor )|(?<=, ))[—–][^—–;]{1,40}[—–](?=\s)"
)
"""Brackets, and an aside between dashes; across a comma only where an item opens ("or — in
small children, mostly at night — a blocked nose"): "iron deficiency – common, B12 deficiency –
rare" glosses two items, each after its dash."""
_DASHED = re.compile(r"(?<!\S)[—–][^—–]{1,40}[—–](?!\S)")
"""An aside between dashes ("or — in babies — a blocked duct"): like a bracket, not the item's
own words."""


def _without_bracketed(sentence: str) -> str:
    """The sentence with what its brackets hold blanked out (the same length, so its spans
    still point into the sentence): a comma in brackets separates no items."""
    if "(" not in sentence and "[" not in sentence and "—" not in sentence and "–" not in sentence:
        return sentence
    return _BRACKETED.sub(lambda found: "(" + "_" * (len(found.group()) - 2) + ")", sentence)
