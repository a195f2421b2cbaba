"""Kinds of section that are not content: the one registry of what never becomes a card.

Documents people write carry more than facts: reading lists, references, learning objectives,
"next module" links, newsletter lines, disclaimers, course scaffolding. A student studying a card
alone on a phone rejects every one of them. Each `Kind` here says what it is, how it is
recognised, and that it is skipped by default:

- by **heading**: the heading, normalised (numbering, emoji, markup, a trailing "(...)" and
  punctuation gone, case folded), matches one of the kind's phrasings in full; "References and
  further reading" matches when each of its parts does. The section and everything under it is
  skipped. A heading that names a kind only over navigation ("Contents": a table of contents,
  or what an anatomical space holds) skips its section only when the section's items are links,
  page references or the page's own headings (`section_kind`);
- by **content**, where no heading says so: a paragraph or list item whose words say it (a
  footnote definition, "Join our Discord", "Disclaimer: ...", "Next module: ..."), a block of a
  recognisable shape (a paragraph or list that is only links, a list of citations, a checklist of
  `[ ]` boxes), or a label paragraph (`**References**`, `Further reading:`) with the list or
  table right after it. Only those blocks are skipped.

A block that is content keeps no lone wikilink: an item, paragraph or table cell that is one
`[[link]]` and nothing else (which the document model leaves for this module to tell
navigation) becomes the link's text, and a link to a picture file is left out.

Routing (routing.py) applies the registry to every routed section; a manifest's `include` cards a
kind anyway (docs/manifest.md, "Non-content sections"); `deckbuilder check` reports a note whose
text is of a skipped kind (lint.py, NON-CONTENT); `deckbuilder init` lists what it skips.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache

from .abbreviations import find_abbreviations
from .dialects import lone_wikilink_text
from .document import Block, ListBlock, ListItem, Paragraph, RawBlock, Section, Table
from .memory import TEXT_CACHE
from .text import BASELINE_CHOICES, BRACKET_TAGS, REFERENCE_HEADINGS, figure_in, plain


@dataclass(frozen=True, slots=True)
class Line:
    """A line of text of a kind, wherever it stands: a regular expression searched in the line's
    text (lower case, inline markup removed)."""

    pattern: str
    words: tuple[str, ...] = ()
    """Words one of which the line holds, to pass most text over without the expression; none
    for an expression anchored at the start (`^`), which fails at once anyway."""


@dataclass(frozen=True, slots=True)
class Kind:
    """One kind of non-content, as a manifest's `include` names it."""

    name: str
    description: str
    """What it is, in a few words (docs, `init`'s hint, the build's notes)."""
    headings: tuple[str, ...] = ()
    """Regular expressions a normalised heading (or label paragraph) matches in full."""
    lines: tuple[Line, ...] = ()
    """A paragraph or list item of this kind wherever it stands, by its words."""
    shapes: tuple[Callable[[Block], bool], ...] = ()
    """Tests of a block's shape (a list of citations, a checklist of `[ ]` boxes...)."""
    navigation_headings: tuple[str, ...] = ()
    """Headings that name the kind only over navigation (`section_kind`): "Contents" heads a
    table of contents on one page and what runs through an anatomical space on another."""
    skipped: bool = True
    """Skipped unless the manifest's `include` names it."""
    tables: bool = False
    """Its shapes read tables too (most kinds read no table by its content)."""


@dataclass(frozen=True, slots=True)
class Skipped:
    """What routing left out of a deck: a section of a non-content kind, or blocks of one."""

    kind: str
    line: int
    """The heading's line, or the first block's."""
    what: str
    """What was left out, in words: section 'References', a list under 'Overview'."""
    blocks: int = 1
    """How many blocks (a section: 1)."""
    sample: str = ""
    """The first block's own words, short, as a message quotes them (`- None` / `- Low`)."""

    def message(self) -> str:
        """The build's note about it (`build -v`): what was left out and how to keep it."""
        return (
            f"note: left out {self.what} as non-content ({self.kind}); "
            f'`include = ["{self.kind}"]` in a manifest cards it'
        )


# -- recognising a block by its shape --------------------------------------------------------

_LINK = re.compile(
    # [text](url "title"), not an image; CommonMark allows spaces around the url: `( x.pdf )`
    r"(?<!!)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*[^)\s]*(?:\s+\"[^\"]*\")?\s*\)"
    r"|\[\[[^\[\]]*\]\]"  # [[wikilink]], never reading past the next `[`
    r"|<(?:https?://|mailto:)[^>]*>"  # <autolink>
    r"|\b(?:https?://|www\.)\S+"  # a bare URL
)
_LABEL = re.compile(r"^[\W_]*[^\W\d_][\w '’&/-]{0,40}?:")
"""A short label before a line's links: "Source:", "Read more:", "See also:"."""


def only_links(markdown: str) -> bool:
    """True when the text is nothing but links (or bare URLs), with at most punctuation, emoji,
    a short label ("Source:", "Read more:") and what a link leads to in brackets besides: a
    reading list's line, navigation."""
    if not ("](" in markdown or "[[" in markdown or "http" in markdown or "www." in markdown):
        return False
    rest, links = _LINK.subn(" ", markdown)
    if not links:
        return False
    rest = _LABEL.sub(" ", rest.strip(), count=1)
    if "(" in rest:  # what a link leads to, in brackets after it: "(the first-aid page)"
        rest = _LINK_ASIDE.sub(" ", rest)
    return not any(char.isalnum() for char in rest)


_LINK_ASIDE = re.compile(r"\([^()]*\)")


def _links(block: Block) -> bool:
    if isinstance(block, Paragraph):
        return only_links(block.text)
    if isinstance(block, ListBlock):
        return all(_item_is(item, only_links) for item in block.items) and not _named_notes(block)
    return False


def _named_notes(block: ListBlock) -> bool:
    """A list of two or more items each one wikilink to a note and nothing else (`- [[Cards/
    Furosemide|Furosemide]]` under "Examples of loop diuretics"): in a vault, where every thing
    has a note of its own, that is a list of the things, content read as the links' texts. A
    link list under "See also" or "Related", after a "Further reading:" label, or to web pages
    stays navigation."""
    return len(block.items) >= 2 and all(
        not item.blocks and bool(lone_wikilink_text(item.text)) for item in block.items
    )


_PRACTICE_TITLE = re.compile(
    r"(?:(?:practice|review|revision|study|self[- ]?test|exam|end of (?:chapter|module|unit))"
    r" )?(?:prompts?|questions?|problems?|tasks?|exercises?|activit(?:y|ies)|drills?)"
    r"|practi[cs]e|self[- ]?(?:check|test|assessment)|try (?:this|these|it|yourself)"
    r"|your turn|over to you|challenges?|apply (?:it|this|your knowledge)"
)
"""A heading over the reader's exercises ("Practice prompts", "Activities", "Try this",
"Self-check"): its list is content unless every item is a study task (`_study_tasks`), as
"Exercises" over a physiotherapy programme ("Stretch the calf for 30 seconds") is."""
_STUDY_TASK = re.compile(
    r"^(?:now |then |try to |briefly |quickly )?(?:label|trace|explain|describe|draw|sketch"
    r"|diagram|annotate|compare|contrast|list|identify|name|outline|summari[sz]e|discuss"
    r"|predict|calculate|derive|justify|design|construct|map|classify|rank|sort|match|write"
    r"|define|state|recall|review|practi[cs]e|complete|fill in|work out|think about|reflect"
    r"|research|look up|find out|create|make a|quiz|test yourself|use (?:the|your) )\b"
)
"""How a study task opens: an instruction to the student about the material ("Label a PV loop",
"Trace conduction", "Explain how …")."""


def _study_tasks(block: ListBlock) -> bool:
    """Every item of the list is an instruction for studying, none with an answer under it: a
    course's exercises, not facts."""
    return len(block.items) >= 1 and all(
        not item.blocks and _STUDY_TASK.match(_opening(item.text)) is not None
        for item in block.items
    )


def _lecture_aims(block: ListBlock) -> bool:
    """Two items or more, none with items under it, each opening with a verb a lecture's aims
    open with ("Discuss and analyse the blood count", "Define each value"), one of them a verb
    no procedure opens with (discuss, define, describe, analyse, understand): what a lesson
    will cover, written wherever it stands, not a fact. "Explain the procedure" over "Obtain
    consent" is a procedure's steps."""
    if len(block.items) < MIN_AIMS or any(item.blocks for item in block.items):
        return False
    opened = [_AIM.match(_opening(item.text)) for item in block.items]
    return all(opened) and any(found and found.group("lecture") for found in opened)


MIN_AIMS = 2
_AIM = re.compile(
    r"^(?:(?P<lecture>discuss|define|describe|analy[sz]e|understand)|explain|outline"
    r"|summari[sz]e|recogni[sz]e|appreciate|review)\b"
)


_ALTERNATIVE = re.compile(r"\s+(?:or|vs\.?|versus)\s+", re.IGNORECASE)
"""Between two topics of a study prompt: "A or B", "X vs. Y", "P versus Q"."""
_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)
_STATING = re.compile(
    r"\b(?:is|are|was|were|be|been|cause[sd]?|leads?|gives?|has|have|should|must|can|may|will"
    r"|does|do|means?|presents?|shows?|needs?|take|use)\b|[=<>≥≤→%°]|\d\s*(?:mg|mcg|ml|mmol|kg|cm|mm)\b",
    re.IGNORECASE,
)
"""What makes a phrase a statement rather than a topic's name: a verb, a relation, a dose."""
_MEANING = re.compile(r"\w\s+[-–—]\s+\w")
"""A dash between a term and what it means or points to: a fact, whatever "or" it holds."""
MAX_TOPIC_WORDS = 6
"""The longest name of a topic in a prompt ("post-ventricular MI complications")."""
MIN_PROMPT_TOPICS = 4
"""So many topics joined by "or" in one item make it a prompt even without a "vs."."""


_BOLD_LABEL = re.compile(r"\s*(?:\*\*|__)[^*_\n]{1,80}?(?::\s*(?:\*\*|__)|(?:\*\*|__)\s*:)")
"""An item opening with a bold label and its colon (`**Delusions**: …`, `**Delusions:** …`)."""


def _topic_prompt(text: str) -> int:
    """How many topics a list item offers to study, when it is a study prompt and not a fact:
    short names joined by "or" / "vs." ("Disease A or Disease B or Disease C", "Drug X vs. drug
    Y"), most of them stating nothing (no verb, no relation, no dose), no dash before a meaning; 0
    otherwise."""
    if _BOLD_LABEL.match(text) is not None:
        return 0  # "**Hallucinations**: auditory or visual": the author's term and its meaning
    said = plain(text).strip().rstrip(".").strip()
    if _MEANING.search(said):
        return 0  # "Rash or bruising - a bleeding disorder": a term and what it means
    topics = _ALTERNATIVE.split(said)
    if len(topics) < 2:
        return 0
    named = sum(
        0 < len(topic.split()) <= MAX_TOPIC_WORDS and _STATING.search(topic) is None
        for topic in topics
    )
    return len(topics) if 2 * named > len(topics) else 0


def _study_topics(block: Block) -> bool:
    """A high-yield list of what to study, not of facts: a third of its items or more (two at
    least) study prompts (`_topic_prompt`), one of them weighing two things (`X vs. Y`) or
    offering MIN_PROMPT_TOPICS or more; the items beside them name topics too ("Shock", "lipid
    lowering drug"). Hidden, an item is one topic among siblings of its kind: nothing to
    recall. A list of signs ("fever or chills", "nausea or vomiting") weighs nothing against
    anything and offers two or three."""
    if not isinstance(block, ListBlock) or len(block.items) < 2:
        return False
    if any(item.blocks for item in block.items):
        return False
    counts = [_topic_prompt(item.text) for item in block.items]
    prompts = [(count, item.text) for count, item in zip(counts, block.items, strict=True) if count]
    if len(prompts) < 2 or 3 * len(prompts) < len(block.items):
        return False
    return any(count >= MIN_PROMPT_TOPICS or _VERSUS.search(plain(text)) for count, text in prompts)


MIN_TOPIC_LISTS = 3
"""Study-topic lists a page needs before its other lists of bare names count as topics too."""
MAX_NAMED_TOPIC_WORDS = 12
"""The longest item of such a list: `Label: topic, topic, etc.`, no sentence."""


def topics_page(sections: Iterable[Section]) -> bool:
    """A page of study prompts (a high-yield list per system): MIN_TOPIC_LISTS of its lists or
    more, and half of them or more, are study-topic lists (`_study_topics`). There a list of bare
    names under a label ("Time frame for conditions: A, B, C, etc.", "Drugs of abuse: overdose
    and withdrawal") names topics too (`_named_topics`), though alone it would read as facts."""
    lists = [b for section in sections for b in section.blocks if isinstance(b, ListBlock)]
    topics = sum(1 for block in lists if _study_topics(block))
    return topics >= MIN_TOPIC_LISTS and 2 * topics >= len(lists)


def _named_topics(block: Block) -> bool:
    """A list whose every item names things and states nothing: no verb, relation or dose
    (`_STATING`), no dash before a meaning, no bold label, no sub-list, a few words."""
    return isinstance(block, ListBlock) and all(
        not item.blocks
        and _BOLD_LABEL.match(item.text) is None
        and len((said := plain(item.text)).split()) <= MAX_NAMED_TOPIC_WORDS
        and _STATING.search(said) is None
        and _MEANING.search(said) is None
        for item in block.items
    )


_GLOSSED = re.compile(r"(?P<term>[^()]*[^()\s])\s*\((?P<gloss>[^(),;:]+)\)")
"""A topic with what it shows in brackets: "Condition P (small pupil)"."""
MAX_GLOSS_WORDS = 4
_STATED = re.compile(r"(?:^|,\s+)(?P<label>[^\W\d_][\w '/&-]{0,40}):\s+(?P<value>[^:]*)$")
"""A `Label: statement` closing a prompt, after a comma: "…, Principle: A = B; C = D"."""
_RELATION = re.compile(r"\s(?:=|→|->|<|>|≥|≤)\s")


def stated_in_prompts(block: ListBlock) -> ListBlock | None:
    """The facts a study-topic list states inside its prompts, each a `Term: fact` item on the
    prompt's line, or None. Two shapes hold one: a prompt whose every alternative carries a
    short bracketed finding ("Condition P (small pupil) or condition Q (wide pupil)": "Condition
    P: small pupil", "condition Q: wide pupil"), and a `Label: statement` closing a prompt after
    a comma whose statement is a relation ("…, Gas principle: blood solubility = onset"). The
    rest of the prompt stays a topic to study."""
    items = [ListItem(fact, item.line) for item in block.items for fact in _prompt_facts(item.text)]
    return replace(block, items=tuple(items), line=items[0].line) if items else None


def _prompt_facts(text: str) -> list[str]:
    said = " ".join(plain(text).split()).rstrip(".")
    facts = []
    topics = _ALTERNATIVE.split(said)
    glossed = [_GLOSSED.fullmatch(topic.strip()) for topic in topics]
    if len(topics) >= 2 and all(
        found is not None
        and len(found["term"].split()) <= MAX_TOPIC_WORDS
        and len(found["gloss"].split()) <= MAX_GLOSS_WORDS
        for found in glossed
    ):
        facts += [f"{found['term']}: {found['gloss'].strip()}" for found in glossed if found]
    stated = _STATED.search(said) if ":" in said else None
    if stated is not None and _RELATION.search(stated["value"]):
        facts.append(f"{stated['label']}: {stated['value'].strip()}")
    return facts


_INDEX_TITLE = re.compile(
    r"(?:(?:all|my|main|key|course|module|the) )?(?:sub)?(?:topics|index|notes|pages|lectures"
    r"|lessons|sessions|modules|units|chapters|weeks|files|links|contents)"
    r"(?: (?:in|of) this (?:folder|vault|course|module|section|page))?"
    r"|(?:[\w' -]+ )?(?:index|moc|map of contents?|dashboard|home ?page)|home|start here"
    r"|related(?: [\w'’&-]+){1,3}"
)
"""A heading that names no kind of thing, only the notes under it ("Topics", "Index",
"Lectures", "Cardiology MOC"), or a note's neighbours ("Related laboratory methods"): a list of
note links there is the vault's index, not a list of things to learn (`_named_notes`); other
content under it ("Related anatomy" over its text) is read."""


def _item_is(item: ListItem, test: Callable[[str], bool]) -> bool:
    """The item's text passes `test`, and so do any paragraphs and nested lists under it."""
    if not test(item.text):
        return False
    for inner in item.blocks:
        if isinstance(inner, Paragraph) and not test(inner.text):
            return False
        if isinstance(inner, ListBlock) and not all(_item_is(i, test) for i in inner.items):
            return False
        if not isinstance(inner, Paragraph | ListBlock):
            return False
    return True


_CITATION = re.compile(
    r"\bet al\b"  # Smith A, Jones B, et al.
    r"|\b(?:19|20)\d\d[a-z]?\s*[;:]\s*\d"  # 2012;70:959 (Vancouver)
    r"|\b(?:19|20)\d\d\)?\s*+[,.]?\s*+\d+\s*\(\d+\)"  # 2010, 141(3) / (2010) 141(3)
    r"|\bdoi\b|\bdoi\.org/|\bpmid\b|\bisbn\b"
    r"|\b(?:vol|pp)\.\s*\d",
    re.IGNORECASE,
)


def _citation(text: str) -> bool:
    if _DIGIT.search(text) is None and "et al" not in text:  # every citation pattern needs one
        return only_links(text)
    return _CITATION.search(text) is not None or only_links(text)


_DIGIT = re.compile(r"\d")


def _citations(block: Block) -> bool:
    """A list whose every item is a citation or only a link, one at least a citation (a list of
    links alone is `links`): a reference list."""
    return (
        isinstance(block, ListBlock)
        and all(_item_is(i, _citation) for i in block.items)
        and any(_CITATION.search(i.text) for i in block.items)
    )


_TASK = re.compile(r"^\[[ xX✓✔]?\]\s")


def _checklist(block: Block) -> bool:
    """A list of `[ ]` boxes: a skills checklist to tick, not facts."""
    return isinstance(block, ListBlock) and all(_TASK.match(i.text) for i in block.items)


_COURSE_LABEL = re.compile(
    r"^[ \t]*(?:\*\*|__)?([A-Za-z][A-Za-z /&'()-]{1,40}?)[ \t]*(?::|(?:\*\*|__):)"
)
"""The label of a `**Label:** value` line (or `Label: value`)."""
_COURSE_STRONG = frozenset(
    label.strip()
    for line in """prerequisite|prerequisites|pre-requisites|estimated time|estimated duration
    |time to complete|completion time|reading time|passing score|passing grade|pass mark|credits
    |ce credits|cme credits|ceus|contact hours|target audience|course code|module code
    |mode of delivery|delivery mode|certificate|unit code|unit number|unit reference
    |module number|course number|credit value|glh|guided learning hours|tqt
    |total qualification time""".splitlines()
    for label in line.split("|")
    if label.strip()
)
"""Labels only a course's description has ("Prerequisites:", "Estimated time:")."""
_COURSE_WEAK = frozenset(
    ["duration", "format", "time", "length", "level", "topic", "audience", "delivery", "instructor",
     "instructors", "facilitator", "lessons", "modules", "assessment", "language", "cost",
     "fee", "location", "schedule"]
)  # fmt: skip
"""Labels a course's description shares with content ("Duration: 7 days"): only beside others."""


def course_label(label: str) -> bool:
    """A label only a course's description has ("Prerequisites", "Estimated time")."""
    return " ".join(label.lower().split()) in _COURSE_STRONG


def _course_details(block: Block) -> bool:
    """The lines describing a course or module, not its subject: `**Duration:** 2 hours`,
    `**Format:** online`, `**Prerequisites:** Unit 1`, as one paragraph or list. Every line's
    label is one of these, and there are two at least or one only a course has."""
    labels = _labels(block)
    known = _COURSE_STRONG | _COURSE_WEAK
    if not labels or any(label not in known for label in labels):
        return False
    return len(labels) >= 2 or labels[0] in _COURSE_STRONG


def _labels(block: Block) -> list[str]:
    """The labels of a paragraph's or a list's `**Label:** value` lines, lower case; none
    unless every line has one."""
    if isinstance(block, Paragraph):
        if ":" not in block.text:
            return []
        lines = block.text.split("\n")
    elif isinstance(block, ListBlock):
        if not all(":" in item.text and not item.blocks for item in block.items):
            return []
        lines = [item.text for item in block.items]
    else:
        return []
    labels = []
    for line in lines:
        label = _line_label(line)
        if label is None:
            return []
        labels.append(label)
    return labels


@lru_cache(maxsize=TEXT_CACHE)
def _line_label(line: str) -> str | None:
    """A `**Label:** value` line's label, lower case (None for a line without one). Cached: a
    block's lines are asked for by the course, source and credits kinds in turn."""
    found = _COURSE_LABEL.match(line)
    return None if found is None else " ".join(found.group(1).lower().split())


_PROVENANCE = frozenset(
    label.strip()
    for line in """date accessed|accessed|accessed on|access date|retrieved|retrieved on
    |date retrieved|publication date|date published|published|published on|publisher
    |source url|url|original url|original source|archived|archive date|fetched|fetched on
    |date fetched|downloaded|downloaded on|date downloaded|scraped|scraped on""".splitlines()
    for label in line.split("|")
    if label.strip()
)
"""Labels that say where and when a page was taken from ("Date accessed:", "Source URL:")."""
_PROVENANCE_WEAK = frozenset(
    ["organisation", "organization", "language", "author", "authors", "source", "website"]
)
"""Labels a page's provenance has, and content may too: only beside one above."""


def _source_details(block: Block) -> bool:
    """The lines saying where a page came from, not what it teaches: `**Organisation**: …`,
    `**Date accessed**: 2026-01-10`, `**Language**: English`, as one paragraph or list, two of
    one label at least naming its provenance and another naming it or who wrote it; or lines
    that only date or number the document (`**Effective Date:** …`, `_DOCUMENT_DATES`)."""
    labels = _labels(block)
    said = sum(label in _PROVENANCE or label in _DOCUMENT_DATES for label in labels)
    if labels and all(label in _DOCUMENT_DATES for label in labels):
        return True  # `**Last updated:** March 2024` alone dates the document, teaches nothing
    return said >= 1 and said + sum(label in _PROVENANCE_WEAK for label in labels) >= 2


_DOCUMENT_DATES = frozenset(
    label.strip()
    for line in """effective date|effective from|review date|next review|next review date
    |last reviewed|date reviewed|reviewed on|last updated|date updated|updated on|last modified
    |last revised|revision date|date revised|date of issue|issue date|date issued|approval date
    |date approved|approved by|policy number|document number|document id|document version
    |version number|version|date of version|version date|date of publication""".splitlines()
    for label in line.split("|")
    if label.strip()
)
"""Labels a policy's or handout's header gives the document itself ("Effective Date:", "Last
updated:", "Policy Number:"): its dates and its number, never what it teaches."""


_SCOPE = frozenset(
    label.strip()
    for line in """age range|age group|ages|for ages|suitable for|intended for|intended audience
    |audience|who it is for|who this is for|who is this for|reading level""".splitlines()
    for label in line.split("|")
    if label.strip()
)
"""Labels of a page header's line saying whom the page is for ("Age range:", "Suitable for:")."""


def _page_scope(block: Block) -> bool:
    """Lines under a page's title saying whom the page is for (`**Age range:** 0-24 months`):
    the leaflet's scope, not a fact about its subject. Under a heading of its own (a
    condition's epidemiology) the same line is content; only the title's blocks are asked."""
    labels = _labels(block)
    return bool(labels) and all(label in _SCOPE for label in labels)


_HEADER_LINE = re.compile(
    r"^[ \t]*(?:\*\*|__)(?P<l>[^\W\d_][\w /&'().-]{0,40}?)[ \t]*"
    r"(?::[ \t]*(?:\*\*|__)|(?:\*\*|__)[ \t]*:)[ \t]*(?P<v>\S.*)$"
)
"""A `**Label:** value` line in any script ("**Versión:** 1.0", "**Fecha:** 2025-01-02")."""
_ADMIN = re.compile(
    r"(?:document |doc )?(?:version|versi[oó]n|vers[aã]o|revision|revisi[oó]n|revis[aã]o|edition"
    r"|edici[oó]n|edi[cç][aã]o|date|fecha|data|datum|updated|last updated|actualizado|atualizado"
    r"|chapter|cap[ií]tulo|chapitre|kapitel|block|bloque|bloco|module|m[oó]dulo|unit|unidad"
    r"|unidade|type|document type|tipo|author|authors|autor|autora|autores|auteur|status|estado"
    r"|applies to|aplicable a|aplica-se a|applicable to|audience|p[uú]blico|dirigido a"
    r"|destinatarios|course|curso|code|c[oó]digo|reviewed by|revisado por|approved by"
    r"|aprobado por|prepared by|elaborado por)",
    re.IGNORECASE,
)
"""Labels that administer a document (its version, date, chapter, type, author, audience), in
the languages the corpora use: what the page is, never what it teaches."""
_STAMP = re.compile(r"v?\d+(?:\.\d+)+|\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{2,4}", re.I)
"""A value that only numbers or dates a document ("1.0", "2025-12-23", "6.5")."""


def _document_header(block: Block) -> bool:
    """A run of three or more `**Label:** value` lines under a page's title whose labels are
    mostly the document's administration (version, date, chapter, type, applies to), one at
    least a stamp (a version or a date): front matter written as text. A label of content among
    them ("**Objective:** safe use of …") goes with the block: it restates the title."""
    if not isinstance(block, Paragraph) or block.text.count("\n") < 2:
        return False
    found = [_HEADER_LINE.match(line.rstrip(" \\")) for line in block.text.strip().split("\n")]
    if any(line is None for line in found):
        return False
    pairs = [(line.group("l").strip(), line.group("v").strip(" *_")) for line in found if line]
    admin = sum(_ADMIN.fullmatch(label) is not None for label, _ in pairs)
    stamped = any(_STAMP.fullmatch(value) for _, value in pairs)
    return stamped and admin >= 2 and admin * 2 > len(pairs)


_PAGE_NOUNS = (
    r"guide|cheat ?sheet|handout|leaflet|booklet|page|article|summary|resource|document|primer"
    r"|fact ?sheet|notes|tutorial|module|lesson|chapter|overview|reference|review|post"
)
_TOOL_NOUNS = r"checklist|check list|tool|toolkit|form|chart|sheet|worksheet|template"
_BLURB = re.compile(
    r"^this (?:[\w'’-]+ ){0,7}?(?P<noun>" + _PAGE_NOUNS + "|" + _TOOL_NOUNS + r")"
    r"(?: \([^()]*\))? (?:aims to |is designed to |is intended to )?(?:provides?|gives|offers"
    r"|covers|contains|outlines|summari[sz]es|presents|includes|lists|explains|describes"
    r"|introduces|helps|serves|sets out|walks|brings together|collects|is (?:a|an|your)\b)"
)
_COVERS = re.compile(
    r"(?:^|[.!?] )(?:it|this \w+(?: \w+)?) (?:covers|includes|contains|spans|walks you through)"
    r" (?:the )?(?:key |main |core |essential |important )?(?:areas|components|topics|aspects"
    r"|elements|sections|points|domains|parts)\b"
)


def _page_blurb(block: Block) -> bool:
    """The paragraph under a page's title (or before its first heading) that describes the
    page itself: "This guide provides …", "This **Falls Screen Cheat Sheet (FSC)** gives nurses
    … It covers key areas such as …". What it lists are the page's sections, each carded where
    it is written; the blurb carded gives clozes of chapter names. A tool's name ("This
    checklist …", "This chart …") is the page only when the paragraph says what it covers:
    "This checklist is used before surgery" under the checklist's title is about the subject."""
    if not isinstance(block, Paragraph) or not block.text[:5].lower().startswith("this"):
        return False
    text = plain(block.text).casefold().strip()
    found = _BLURB.match(text)
    if found is None or figure_in(text):
        return False  # "This page is a quick reference. Digoxin is withheld below 60 bpm.": facts
    return not re.fullmatch(_TOOL_NOUNS, found.group("noun")) or _COVERS.search(text) is not None


_CREDIT_LINE = re.compile(
    r"(?:[A-Z]{2,8}|[A-Z][a-z]+ [A-Z][a-z]+)\s*:\s*(?:the\s+)?"
    r"(?:[A-Z][\w'’.&-]*,?\s+(?:(?:and|of|for|&|on)\s+)?){1,8}"
    r"(?:Institutes?|Organi[sz]ation|Association|Society|College|Agency|Cent(?:er|re)s?|Foundation"
    r"|Department|Ministry|Council|Academy|Service|Library|Network|Alliance|Trust|Board)"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:and\s+)?[A-Z][\w'’.&-]*){0,5})?\.?"
)
"""A lone credit line naming who wrote or funded a page: "NIH: National Heart, Lung, and Blood
Institute", "WHO: World Health Organization"."""


def _credit_line(block: Block) -> bool:
    """A one-line paragraph that is only an organisation credited (`_CREDIT_LINE`), as patient
    pages close a section before their footer: a byline, not a term to learn (the same words
    in a list of abbreviations are one)."""
    if not isinstance(block, Paragraph) or "\n" in block.text.strip() or ":" not in block.text:
        return False
    return _CREDIT_LINE.fullmatch(plain(block.text).strip()) is not None


def _byline(block: Block) -> bool:
    """A byline alone on its line: "By Jane Roe, PGY1, Family Medicine", "By Dr A. Smith" (a
    name in capitals after "By", its roles after commas); "By mouth, twice daily" is content."""
    if not isinstance(block, Paragraph) or not block.text.startswith("By "):
        return False
    return _BYLINE.fullmatch(plain(block.text).strip()) is not None


_BYLINE = re.compile(
    r"By (?:Dr\.? |Prof\.? )?[A-Z][\w'’-]+(?: [A-Z]\.?)?(?: [A-Z][\w'’-]+){1,2}"
    r"(?:,\s*[^,.!?:;]{1,40}){0,3}"
)


def _breadcrumb(text: str, title: str) -> bool:
    """A page's breadcrumb ("Infectious Disease > Antibiotics", a vault's or a site's path to
    the page): a line of short parts joined by ">" or "›" whose last part is the page's own
    title. A comparison ("morphine > codeine") names no page."""
    parts = [part.strip() for part in _CRUMB.split(plain(text).strip())]
    if len(parts) < 2 or not title or any(not part or len(part.split()) > 6 for part in parts):
        return False
    return parts[-1].casefold() == plain(title).strip().casefold()


_CRUMB = re.compile(r"\s+[>›»]\s+")


def _credits(block: Block) -> bool:
    """A handout's credits: two label lines or more, each naming who wrote or teaches it, how
    to reach them or when it was updated (`**Course lead:** Dr A` / `**Phone:** …`)."""
    labels = _labels(block)
    return len(labels) >= 2 and all(
        label in _CREDITS or label in _DOCUMENT_DATES for label in labels
    )


_CREDITS = frozenset(
    label.strip()
    for line in """author|authors|faculty|faculty coordinator|coordinator|course coordinator
    |module coordinator|course lead|module lead|course leader|module leader|course director
    |instructor|lecturer|tutor|teacher|presenter|speaker|facilitator|prepared by|compiled by
    |written by|created by|edited by|reviewed by|institution|institute|university|college|school
    |department|affiliation|organisation|organization|contact|contact details|email|e-mail
    |phone|telephone|tel|mobile|website|address|office|office hours""".splitlines()
    for label in line.split("|")
    if label.strip()
)
"""Labels of a handout's credits lines: who wrote or teaches it and how to reach them. Two or
more of them, and nothing else, make a block of credits ("Course lead:", "Institution:",
"Phone:"); one alone may be content ("Contact: droplet precautions")."""


_SLOT = re.compile(
    r"^(?:(?:first|second|third|final|last) )?(?:days?|weeks?|months?|sessions?|hours?|evenings?"
    r"|mornings?|afternoons?|nights?|weekends?|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b"
    r"[^:.;]{0,24}:"
)
"""A list item's label naming a slot of the reader's time: "Day 1 AM:", "Week 2:", "Evening:"."""
_STUDYING = re.compile(
    r"\b(?:re-?read|read (?:up|through|over|the|your|chapters?|notes)|memori[sz]e|revise|revision"
    r"|flash ?cards?|anki|practi[cs]e|mcqs?|qbank|question banks?|past papers?|mock exams?"
    r"|self-test|quiz yourself|study|cram|do \d+|\d+(?:\s*[–-]\s*\d+)?(?: \w+)? (?:questions"
    r"|cases|vignettes|mcqs))\b"
)
"""What a reader does with study time: read, memorise, revise, practise, do 20 questions."""


def _study_plan(block: Block) -> bool:
    """A list that plans the reader's study time, not the subject: every item a time slot
    ("Day 1 AM:", "Week 2:") and at least half of them study activities ("memorise", "do 20
    questions"). A clinical timeline ("Day 3: the rash spreads") holds none."""
    if not isinstance(block, ListBlock) or len(block.items) < 2:
        return False
    if not all(_SLOT.match(_opening(item.text)) for item in block.items):  # most lists: the first
        return False
    texts = [plain(item.text).casefold() for item in block.items]
    return 2 * sum(_STUDYING.search(text) is not None for text in texts) >= len(texts)


def _opening(markdown: str) -> str:
    """A line's first words, lower case, without the markup that may open it (`**Day 1:**`): a
    cheap look at how a line starts before reading all of it."""
    return markdown[:48].lstrip("*_ \t").replace("*", "").replace("_", " ").casefold()


_CARE_OPENING = re.compile(
    r"^(?:please )?(?:do not |don't |never |always )?(?:store|keep|pack|put|place|throw|dispose"
    r"|discard|return|take|bring|flush|pour|wrap|seal|ask|check)\b"
)
_CARE_OBJECT = re.compile(
    r"\b(?:cool|dry|sunlight|heat|moisture|humid\w*|damp|children|reach|sight|pets|bags?|bins?"
    r"|rubbish|trash|garbage|waste|household|toilet|sink|drains?|chute|pharmac\w*|expiry"
    r"|expiration|expired|unused|no longer (?:use|need)\w*|original (?:container|pack\w*|box))\b"
)
_CARE_MEDICINE = re.compile(
    r"^store\b|\bout of (?:the )?(?:reach|sight)\b|\b(?:medic\w*|drugs?|tablets?|capsules?|pills?"
    r"|inhalers?|bottles?|packs?|packets?|containers?|blisters?|syringes?|pens?|sharps)\b"
)
"""The advice is about the medicine, not the skin or the patient ("Keep the skin dry")."""
_CARE_SPECIFIC = re.compile(
    r"\d|°|fridge|refrigerat|freez|frozen|temperature|degrees|(?<!sun)light"
)
"""What makes a storage line a fact about one medicine: a number, a temperature, the fridge."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _generic_care_line(text: str) -> bool:
    """Every sentence of the line is a leaflet's advice for any medicine: store it somewhere cool
    and dry, away from children, and throw it away in a sealed bag or at a pharmacy."""
    if _CARE_OPENING.match(_opening(text)) is None:  # most text: at its first word
        return False
    sentences = [s for s in _SENTENCE_END.split(plain(text).casefold().strip()) if s]
    return bool(sentences) and all(
        _CARE_OPENING.match(s)
        and _CARE_OBJECT.search(s)
        and _CARE_MEDICINE.search(s)
        and not _CARE_SPECIFIC.search(s)
        for s in sentences
    )


def _generic_care(block: Block) -> bool:
    """A paragraph or list of nothing but a leaflet's generic storage and disposal advice ("Store
    in a cool, dry place. Keep away from children."); "Keep it in the fridge; once opened, 28
    days at room temperature" is a fact about the drug and stays."""
    if isinstance(block, Paragraph):
        return _generic_care_line(block.text)
    return isinstance(block, ListBlock) and all(
        _item_is(item, _generic_care_line) for item in block.items
    )


_GRADES = re.compile(
    r"(?:increased|decreased|reduced|impaired|elevated|diminished|heightened|raised|lowered"
    r"|high|low|medium|moderate|mild|severe|heavy|slight|marked|minimal|fair|poor|excellent"
    r"|younger|older|short|tall|small|large|fast|slow|loud|soft|left|right|bilateral"
    r"|unilateral|inappropriate|abnormal|(?:over|under)\w+)"
)
"""A word that only places a finding on a scale or a side: a degree, a size, a speed, a side,
the baseline's opposite."""
_CHOICE = re.compile(r"[^\W\d_][\w'’-]*(?: ?/ ?[^\W\d_][\w'’-]*| [^\W\d_][\w'’-]*){0,3}")
"""A choice on a form: one to four words, no figure, no bracket, no colon ("Decreased",
"Overweight / Obese", "On left", "Café au lait spots")."""
MAX_CHOICES = 10


def is_choice_list(block: Block) -> bool:
    """A list of the choices a form offers for one item (`### Alertness` over `- Normal` /
    `- Decreased` / `- Increased`; `Scars`: `- None` / `- Burns` / `- Surgical`): short items
    with no sub-lists, one of them the baseline ("Normal", "None", "Absent", "As stated",
    "Good"), fewer than half of them glossed (`- Heightened (vigilant)`); or bare degrees alone
    (`- Mild` / `- Moderate` / `- Severe`). A form is filled in at the bedside: hidden, its
    choices ask nothing. A list mostly of glossed terms (`- None` / `- Echolalia (repeating
    words)` / …) names things to learn and stays content; its baseline is never a deletion."""
    if not isinstance(block, ListBlock) or not 2 <= len(block.items) <= MAX_CHOICES:
        return False
    texts, glossed = [], 0
    for item in block.items:
        if item.blocks or len(item.text) > _CHOICE_CHARS + _GLOSS_CHARS:
            return False  # most lists: a long item at once
        text = plain(item.text).strip().rstrip(".;,").casefold()
        gloss = _CHOICE_GLOSS.fullmatch(text)
        if gloss is not None:
            text, glossed = gloss.group(1), glossed + 1
        if len(text) > _CHOICE_CHARS or _CHOICE.fullmatch(text) is None:
            return False
        texts.append(text)
    base = sum(1 for text in texts if text in BASELINE_CHOICES)
    if not base:
        graded = sum(1 for text in texts if _graded(text))
        return not glossed and graded == len(texts) and all(" " not in text for text in texts)
    return 2 * glossed < len(texts)


def _blank_form(block: Block) -> bool:
    """Lines of a form to fill in (`Time: ______ Episode: yes/no`, `- Signature: ____`): half
    of its lines or more hold a label's empty slot, a blank of underscores or a `yes/no` to
    circle. Asked, its answer would be the blank."""
    if isinstance(block, Paragraph):
        lines = [line for line in block.text.splitlines() if line.strip()]
    elif isinstance(block, ListBlock):
        lines = [item.text for item in block.items if not item.blocks]
        if len(lines) < len(block.items):
            return False
    else:
        return False
    joined = "\n".join(lines)
    if not lines or ("_" not in joined and "/" not in joined):
        return False  # cheap: most blocks hold neither
    slots = sum(1 for line in lines if _BLANK_SLOT.search(line))
    return slots > 0 and 2 * slots >= len(lines)


def _reassurance(block: Block) -> bool:
    """Reassurance to the reader ("You know your baby best; it's always okay to call", "You're
    doing a great job!"): a paragraph or a list with no figure, half of whose sentences or
    items or more comfort the reader. A card of it would ask the reader to recall a pat on
    the back."""
    if isinstance(block, Paragraph):
        said = block.text.casefold()
        if "you" not in said and "n't" not in said and "n’t" not in said:
            return False  # cheap: every phrase it looks for speaks to the reader
        text = plain(block.text)
        units = [u for u in re.split(r"(?<=[.!?])\s+", text) if u.strip()]
    elif isinstance(block, ListBlock) and all(not item.blocks for item in block.items):
        if not any("you" in item.text.casefold() for item in block.items):
            return False
        units = [plain(item.text) for item in block.items]
        text = "\n".join(units)
    else:
        return False
    text = text.casefold().replace("’", "'")
    if not units or any(char.isdigit() for char in text) or _REASSURING.search(text) is None:
        return False
    comforting = sum(
        1 for unit in units if _REASSURING.search(unit.casefold().replace("’", "'")) is not None
    )
    return 2 * comforting >= len(units)


_REASSURING = re.compile(
    r"\b(?:you know (?:your (?:baby|child|children|body|kid|kids)|(?:them |it )?best)|"
    r"trust your (?:instincts?|gut|judge?ment)|"
    r"(?:you're|you are) doing (?:a |an )?(?:great|good|wonderful|fantastic|amazing) job|"
    r"(?:it's|it is) (?:always |never )?(?:okay|ok|fine|alright|all right) to (?:call|ask)|"
    r"(?:it's|it is) never wrong to (?:call|ask)|never wrong to (?:call|ask)|"
    r"(?:you're|you are) not alone|don't (?:panic|worry)|be kind to yourself|"
    r"you(?:'ve| have) got this|you can do (?:it|this))\b"
)
"""What comforts a reader, not what teaches: the page's words to a worried parent or student."""


_BLANK_SLOT = re.compile(
    r"(?:^|:)\s*(?:\*\*\s*)?(?:\\?_){3,}|:\s*(?:\*\*\s*)?yes\s*/\s*no\b|(?<![\w/])Y/N(?![\w/])",
    re.IGNORECASE,
)
"""A label's empty slot: a blank of underscores (escaped or not), a `yes/no` or `Y/N` to circle."""


def _has_slot(item: ListItem) -> bool:
    """`_BLANK_SLOT` finds a slot in the item. Every slot holds a `_` or a `/` (neither has a
    case to fold): an item with neither, most, is not searched (the pattern tries each of its
    openings at every position)."""
    text = item.text
    return ("_" in text or "/" in text) and _BLANK_SLOT.search(text) is not None


def _without_slots(block: ListBlock) -> tuple[ListBlock, tuple[Kind, Block] | None]:
    """A chart template's list with its slots left out: items with a blank or a `Y/N` to circle
    (`- Allergies: Y/N`), and, beside them, labels left empty (`- Medications:` over `- Current:`
    and `- Previous:`). The rest of the list (`- Risk factors:` over its items) is content."""
    if not any(map(_has_slot, block.items)):
        return block, None
    gone = tuple(item for item in block.items if _slot(item))
    if not gone:
        return block, None
    kept = tuple(item for item in block.items if item not in gone)
    return replace(block, items=kept), (_BY_NAME["form"], replace(block, items=gone))


def _empty_labels(block: Block) -> bool:
    """A list of two or more labels with nothing after them (`- Current:` / `- Previous:`): a
    chart's fields to fill in, which its lead-in (`Medications:`) only names."""
    return (
        isinstance(block, ListBlock)
        and len(block.items) >= 2
        and all(not item.blocks and plain(item.text).strip().endswith(":") for item in block.items)
        and all(len(plain(item.text).split()) <= 4 for item in block.items)
    )


def _slot(item: ListItem) -> bool:
    """An item to fill in: a blank or `Y/N` in its text, or a label with nothing after it and
    nothing under it but such items."""
    text = plain(item.text).strip()
    if _BLANK_SLOT.search(item.text):
        return True
    if not text.endswith(":"):
        return False
    inner = [block for block in item.blocks if isinstance(block, ListBlock)]
    if len(inner) != len(item.blocks):
        return False
    return all(_slot(child) for block in inner for child in block.items)


def is_form_page(sections: Iterable[Section]) -> bool:
    """A page that is a form to fill in: at least `_FORM_PAGE_LISTS` of its lists, and a
    quarter of them or more, are a form's choices (`is_choice_list`). Its other lists of
    short choices are the form's items too (`_short_choices`)."""
    lists = [b for section in sections for b in section.blocks if isinstance(b, ListBlock)]
    forms = sum(1 for block in lists if is_choice_list(block))
    return forms >= _FORM_PAGE_LISTS and 4 * forms >= len(lists)


_FORM_PAGE_LISTS = 3


def _short_choices(block: Block, title: str = "") -> bool:
    """On a form's page, a list of three or more short choices (one to three words, no figure,
    no colon, at most one with a bracket after it) that opens with a baseline naming what is
    normal (`- Normal appearance` / `- Uncombed` / …, `- No aids` / …), is mostly single
    words (`- Cane` / `- Crutches` / `- Walker` / `- Hearing aid`; eleven mood adjectives, one
    glossed) or stands under the form's catch-all item (`### Other findings`): the choices or
    the catalogue of one more item to tick. A list of phrases (`- Rising pain` / `- Spreading
    redness`) under a heading of its own, or of glossed terms, stays content."""
    if not isinstance(block, ListBlock) or len(block.items) < 3:
        return False
    heads, bracketed = [], 0
    for item in block.items:
        text = plain(item.text).strip().rstrip(".;,")
        gloss = _CHOICE_GLOSS.fullmatch(text)
        if gloss is not None:
            text, bracketed = gloss.group(1), bracketed + 1
        if item.blocks or len(text) > _CHOICE_CHARS or _SHORT_CHOICE.fullmatch(text) is None:
            return False
        heads.append(text.casefold())
    if bracketed > 1:
        return False
    if _NORMAL_BASELINE.fullmatch(heads[0]) or _CATCH_ALL.match(heading_text(title)):
        return True
    return 2 * sum(1 for head in heads if _ONE_WORD_CHOICE.fullmatch(head)) > len(heads)


_ONE_WORD_CHOICE = re.compile(r"[^\W\d_][\w'’-]*(?: ?/ ?[^\W\d_][\w'’-]*)?")
_SHORT_CHOICE = re.compile(r"[^\W\d_][\w'’-]*(?:(?: ?/ ?| )[^\W\d_][\w'’-]*){0,2}")
"""One to three words, a slash joining two as a space does ("Hearing aid", "Chewing/sucking")."""
_NORMAL_BASELINE = re.compile(r"(?:normal|no|none of(?: the)?)\s+[\w'’-]+(?:\s+[\w'’-]+)?")
"""A baseline that names the normal finding it stands for: "Normal appearance", "No aids",
"None of these"."""
_CATCH_ALL = re.compile(r"(?:other|additional|further|miscellaneous)\b", re.IGNORECASE)
"""A form's last item for whatever its others did not name: "Other findings"."""
_CHOICE_GLOSS = re.compile(r"(.+?)\s*\([^()]+\)")
"""A choice with a gloss after it: "heightened (vigilant)"."""
_GLOSS_CHARS = 60
_CHOICE_CHARS = 40


def _graded(text: str) -> bool:
    """A choice that only grades: a word of it is a degree, a size, a speed, a side."""
    return any(_GRADES.fullmatch(word) for word in re.split(r"[\s/]+", text) if word)


# -- the registry ----------------------------------------------------------------------------

_MORE = (
    r"(?:(?:additional|extra|external|further|other|useful|helpful|recommended|suggested|more"
    r"|online|selected|key|supplementary|supplemental|essential|optional|background|general|web)"
    r"\s+)*"
)
"""Qualifiers before a noun: "Additional resources", "Useful links"."""


def _file_layout(block: Block) -> bool:
    """A block that describes the file the notes were taken from rather than their subject: its
    sheets, rows, columns, cells and formulas ("This Excel file is a dose calculator", `-
    **Sheet2**: empty`, "C6 is the master weight cell; the others read `=C6`", `| Column | Holds
    |` over `| D | dose per kg |`). A paragraph whose first sentence or half its sentences say
    so, a list half of whose items do, a table whose first column names columns by letter or
    half of whose rows speak of the file. Words a subject shares ("cell", "row", "column" alone;
    "C6" the vertebra) never count by themselves: only with a letter, a number or a formula."""
    if isinstance(block, Paragraph):
        sentences = [part for part in _FILE_SENTENCE_END.split(plain(block.text)) if part.strip()]
        said = [_names_file(sentence) for sentence in sentences]
        return bool(said) and (said[0] or 2 * sum(said) >= len(said))
    if isinstance(block, ListBlock):
        items = [plain(item.text) for item in block.items]
        return len(items) >= 2 and 2 * sum(map(_names_file, items)) >= len(items)
    if isinstance(block, Table):
        rows = [" ".join(plain(cell) for cell in row.cells) for row in block.rows]
        if len(rows) < 2:
            return False
        corner = plain(block.header[0]).strip().lower() if block.header else ""
        letters = all(_COLUMN_LETTER.fullmatch(plain(row.cells[0]).strip()) for row in block.rows)
        if letters and _COLUMN_WORD.fullmatch(corner):
            return True  # `| Column | Holds |` over `| B | drug name |`: the sheet's legend
        return 2 * sum(map(_names_file, rows)) >= len(rows)
    return False


def _names_file(text: str) -> bool:
    return _FILE_WORDS.search(text) is not None


_FILE_WORDS = re.compile(
    r"\.(?i:xlsx?|xlsm|csv|ods)\b"
    r"|\b(?i:excel|spreadsheet|workbook|worksheet|hoja de c[aá]lculo|planilha|feuille de calcul"
    r"|tabellenblatt)\b"
    r"|\b(?i:hoja|sheet|planilha|feuille|blatt)\s?\d\b"
    r"|\b(?i:celdas?|cells?|c[eé]lulas?|cellules?|zellen?)\s+[A-Z]{1,2}\d{1,4}\b"
    r"|\b(?i:col\.|columnas?|columns?|colunas?|colonnes?|spalten?)\s+[A-Z]{1,2}\b"
    r"|=\s?[A-Z]{1,2}\d*\s*[*+/×-]\s*[A-Z]{1,2}\d*|=[A-Z]{1,2}\d{1,4}\b"
    r"|\b(?i:filas?|rows?|linhas?|lignes?|zeilen?)\s+\d{1,4}\b"
    r"|\b(?i:este|esta|this|ce|cette|diese[sr]?)\s+(?i:archivo|fichero|file|arquivo|fichier|datei)\b"
)
"""Words that speak of a file, not of a subject: an extension, a spreadsheet, a sheet by number,
a cell by reference, a column by letter, a formula over cells, a row by number, "this file"."""
_FILE_SENTENCE_END = re.compile(r"(?<=[.!?。])\s+")
_COLUMN_LETTER = re.compile(r"[A-Z]{1,2}(?:\s*[-–]\s*[A-Z]{1,2})?")
_COLUMN_WORD = re.compile(r"col\.?|columnas?|columns?|colunas?|colonnes?|spalten?")


_PLATFORMS = (
    "discord", "newsletter", "telegram", "whatsapp", "twitter", "instagram", "facebook",
    "youtube", "tiktok", "linkedin", "patreon", "substack", "mailing list", "podcast",
)  # fmt: skip

_FIGURE_REF = r"(?:figure|fig\.?|table|box|diagram|chart|algorithm|flowchart)\s+\d+[a-z]?"
"""A page's own numbered figure or table: "Figure 1", "Table 2b"."""

KINDS: tuple[Kind, ...] = (
    Kind(
        "references",
        "references, bibliography, sources, citations",
        headings=(
            rf"{_MORE}(?:{REFERENCE_HEADINGS})",
            # Where the page came from: organisation, date accessed, language.
            r"(?:source|document|page|article) (?:information|info|details|metadata)|metadata",
            # Sources the page vouches for: "Credible sources", "Trusted references".
            r"(?:credible|trusted|reliable|reputable|authoritative|official) (?:sources?"
            r"|references?|resources?|websites?|sites)",
        ),
        shapes=(_citations, _source_details),
    ),
    Kind(
        "further_reading",
        "further reading, useful links, learn more",
        headings=(
            rf"{_MORE}(?:links|web ?links|websites|web sites)|reading list",
            r"(?:further|additional|recommended|suggested|more|background|extra) readings?",
            r"read more|learn more|find out more|more (?:info|information)"
            r"|further (?:info|information)|where to (?:find|get) (?:more )?(?:help|information)",
        ),
        lines=(
            # A sentence that only sends the reader elsewhere: "For more information on the
            # safe use of X, you may refer to the Y agency's guide: [link]". What it names (the
            # agency, its abbreviation) is the publisher's, not a fact to learn.
            Line(
                r"^(?:for )?(?:more|further|additional) (?:information|info|details|advice|help"
                r"|reading)\b"
                r"(?:[^.!?]|\.(?!\s+[a-z]))*\b(?:refer to|see|visit|read|go to|contact|call"
                r"|consult|check)\b(?:[^.!?]|\.(?!\s+[a-z]))*[.!]?$",
                ("more", "further", "additional"),
            ),
            # A line that only sends the reader to another list or page: "See the drug list
            # for more details." (its answer would be the pointer).
            Line(
                r"^(?:please )?(?:see|refer to|check|consult) [^.!?;:]{1,60}? for (?:more|further"
                r"|full|additional) (?:details|information|info|guidance)\.?$",
                ("see", "refer", "check", "consult"),
            ),
            # A teaser question and a pointer to another page of the site: "Curious about
            # remedies X and Y? Check the Alternatives Toolkit for what is known …".
            Line(
                r"^[^.!?]{1,160}\?\s+(?:please )?(?:see|check|visit|read|explore|browse"
                r"|head to|go to) (?:the|our|this|that) (?:[\w’'-]+ ){0,4}(?:toolkit|page|guide"
                r"|section|article|chapter|website|site|resource|handout|leaflet|hub|library"
                r"|module|tab)s? (?:for|to|before)\b[^.!?]*[.!]?$",
                ("see", "check", "visit", "read", "explore", "browse", "head to", "go to"),
            ),
        ),
    ),
    Kind(
        "resources",
        "resources, materials, videos to watch",
        headings=(
            rf"{_MORE}(?:resources?|tools and resources|downloads?|handouts?|worksheets?)",
            r"(?:required|course|study|learning|reading|class|supplementary) materials?",
            r"(?:practice |recommended |suggested |related |useful )?videos?|video resources",
            # Pages to print and fill in or pin up: "Printable: Symptom log", "Printable tools".
            r"printables?(?: .*)?",
        ),
    ),
    Kind(
        "related",
        "related articles, guides and topics, see also, “see …” pointers, a figure pointer",
        headings=(
            r"related(?: (?:content|articles?|guides?|topics?|posts?|pages?|notes?|reading"
            r"|links|conditions|resources|information|lessons?|modules?|chapters?|questions))?",
            # A vault's links between notes: "Child notes", "Connections", "Backlinks".
            r"(?:child|parent|sibling|linked|connected) notes?|connections|backlinks",
            # A vault note's links to its neighbours: "Related concepts", "Related MOCs",
            # "Research connections" (a list of note links there is no content). Not any
            # "Related …": "Related anatomy", "Related complications" head content.
            r"related (?:concepts?|ideas?|mocs?|maps? of contents?)|(?:research|further|other)"
            r" connections",
            # a course's pointers to its other chapters: "Relación con otros capítulos",
            # "Capítulos relacionados", "Ver también", "Veja também", "Voir aussi", "Siehe auch"
            r"(?:relaci[oó]n|rela[cç][aã]o|liens?|bezug) (?:con|com|avec|zu) (?:otros|outros"
            r"|d'autres|les autres|anderen) (?:cap[ií]tulos|bloques|blocos|m[oó]dulos|temas"
            r"|chapitres|kapiteln)|(?:cap[ií]tulos|bloques|blocos|m[oó]dulos|temas|chapitres)"
            r" (?:relacionad[oa]s|li[eé]s|connexes)|other chapters|ver tambi[eé]n|v[eé]ase"
            r"(?: tambi[eé]n)?|veja tamb[eé]m|ver tamb[eé]m|voir aussi|siehe auch",
            r"see also|also see|also read|you (?:may|might) also (?:like|enjoy|be interested in)"
            r"|read next|(?:more|other|popular|similar|recommended) (?:articles|guides|posts"
            r"|topics|stories|reads)",
            # The same in Chinese and Japanese notes: "相關" (related), "相關筆記" (related
            # notes), "參見" / "另見" (see also), "関連項目" (related items).
            r"相[關关](?:筆記|笔记|連結|链接|條目|条目|文章|主題|主题|頁面|页面)?|[參参另][見见]"
            r"|関連(?:項目|記事|ノート|リンク)?|参照",
        ),
        lines=(
            # A pointer to another page and nothing else: "Anticoagulation: see “Clots” in
            # Haematology". No card can follow it, and its answer would be the pointer.
            Line(
                r"^(?:[^:]{1,40}:\s*)?(?:see|refer to)(?: also)?\s+[“\"‘'][^”\"’']{1,80}[”\"’']"
                r"(?:\s+(?:in|on|under)\s+[^.;:]{1,60})?\.?$",
                ("see", "refer to"),
            ),
            # A line that opens by pointing elsewhere: "**Pair with** — the Nutrition page, …",
            # "See also: …" (its links may already be text: a site's own pages).
            Line(
                r"^(?:pair (?:it )?with|read (?:it )?alongside|see also|also see)\s*[—–:-]\s",
                ("pair", "alongside", "see also", "also see"),
            ),
            # One sentence whose subject is the page's own figure or table: "Figure 2 and
            # Table 1 give an approach to …" says where to look; the card cannot show it.
            Line(
                rf"^(?:{_FIGURE_REF})(?:\s*(?:,|and|&)\s*(?:{_FIGURE_REF}))*\s+(?:provides?|shows?"
                r"|gives?|summari[sz]es?|outlines?|illustrates?|lists?|describes?|presents?"
                r"|depicts?|displays?|details?|offers?|sets? out)\b[^.!?]*[.!]?$"
            ),
        ),
    ),
    Kind(
        "footnotes",
        "footnotes and their definitions ([^1]: ...)",
        headings=(r"foot ?notes?|end ?notes?|notes and references",),
        lines=(
            Line(r"^\[\^[^\]\s]+\]:"),
            # A note under a table or figure opened by its mark: `† In adults`; one written
            # as an escaped star (`\*This table does not cover …`) is `_FOOTNOTE_MARK`'s.
            Line(r"^[†‡] ?(?=[a-z0-9])"),
        ),
    ),
    Kind(
        "disclaimer",
        "disclaimers, legal notices, terms, copyright",
        headings=(
            r"(?:medical |legal |important |general )?disclaimers?|legal(?: notice)?"
            r"|terms of (?:use|service)|terms and conditions|privacy(?: policy)?"
            r"|cookie policy|copyright(?: notice)?|licen[cs]e|important notice",
        ),
        lines=(
            Line(r"^(?:medical |legal |important )?disclaimer\b"),
            Line(
                r"\bnot (?:intended (?:to be |as )?)?(?:a substitute|to replace|to substitute|a "
                r"replacement) for (?:\w+ ){0,3}(?:advice|care|consultation|diagnosis"
                r"|professionals?|doctors?|physicians?|healthcare)\b",
                ("substitute", "replace"),
            ),
            Line(
                r"\bfor (?:general )?(?:educational|informational|information) purposes only\b",
                ("purposes only",),
            ),
            # A line that only sends the reader to their own clinician ("Always follow your
            # surgeon's specific instructions."): a caution over the page, no fact of it.
            Line(
                r"^(?:always |please )?(?:follow|check with|consult|ask|talk to|speak (?:to|with)"
                r"|listen to) (?:your|the) (?:own )?(?:\w+ )?(?:doctor|surgeon|pharmacist|nurse"
                r"|gp|physician|provider|care team|team|midwife|dentist|specialist|clinician|vet)"
                r"(?:['’]s)?(?: (?:specific |own |exact )?(?:instructions|advice|restrictions"
                r"|recommendations|guidance|orders|directions))?(?:\s*[-–—,]\s*[^.!?]{0,40})?[.!]?$",
                ("follow", "check", "consult", "ask", "talk", "speak", "listen"),
            ),
            Line(
                r"\b(?:does|do|is|are) not (?:constitute |provide |give )?(?:medical"
                r"|professional|legal) advice\b",
                ("advice",),
            ),
        ),
    ),
    Kind(
        "acknowledgements",
        "acknowledgements, credits, funding",
        headings=(
            r"acknowledge?ments?|credits|(?:special )?thanks|thank you|contributors?"
            r"|funding(?: sources?)?|conflicts? of interest|competing interests",
        ),
    ),
    Kind(
        "objectives",
        "learning objectives and outcomes, what a lesson covers, whom a page is for",
        headings=(
            r"(?:learning|lesson|module|chapter|session|course|unit|study|intended learning)"
            r" (?:objectives?|outcomes?|goals?|aims?)",
            r"objectives|aims and objectives|key learning points?"
            r"|objetivos(?: de aprendizaje| de aprendizagem| del tema| de la unidad)?|objectifs"
            r"(?: d'apprentissage| pédagogiques)?|obiettivi(?: di apprendimento)?|lernziele"
            r"|what you (?:will|'ll|should) learn|by the end of this \w+",
            # a course chapter's own aim, in the languages the corpora use: "Objetivo del
            # capítulo", "Objetivos da unidade", "Objectifs du chapitre"
            r"(?:objetivos?|objectifs?|obiettivi|ziele?)(?: generale?s?| principale?s?)?"
            r" (?:del|de la|de los|do|da|dos|de|du|de l'|des|della|dello|dell'|des) ?"
            r"(?:cap[ií]tulo|unidad|unidade|tema|bloque|bloco|m[oó]dulo|lecci[oó]n|li[cç][aã]o|aula|curso|chapitre|le[cç]on"
            r"|capitolo|kapitels)",
            # a lecture note's "learning aims" (学习要求, 本节目标)
            r"(?:学习|教学|本[节章课次]|课程)(?:要求|目标|目的)",
        ),
        lines=(
            Line(
                r"\bby the end of this (?:lesson|module|chapter|session|unit|course|section"
                r"|article)\b",
                ("by the end",),
            ),
            Line(
                r"\b(?:you|students|learners|participants) will (?:be able to|learn)\b",
                ("will be able", "will learn"),
            ),
            # A guide's statement of purpose, labelled or under its "Objective" heading: "To
            # assist clinicians with the management of …" names its readers, not a fact.
            Line(
                r"^(?:objectives?\s*:\s*)?to (?:assist|help|guide|support|inform|educate|equip)"
                r" (?:the )?(?:clinicians|readers|learners|students|nurses|practitioners|staff"
                r"|physicians|doctors|prescribers|pharmacists|trainees|residents"
                r"|health ?care (?:workers|professionals|providers|staff))\b"
            ),
            # The author's note about the note itself, in the languages notes come in: "This
            # sheet covers all of the slides", "Cette fiche reprend 100 % du PDF".
            Line(
                r"^(?:this|these|cette|ce|cet|ces|diese[sr]?|est[ae]s?|questa|questo)"
                r" (?:sheet|notes?|fiche|summary|document|résumé|synthèse|zusammenfassung"
                r"|ficha|resumo|resumen|riassunto|scheda) (?:reprend|couvre|contient|résume"
                r"|regroupe|synthétise|covers?|contains?|includes?|summari[sz]es?|reproduces?"
                r"|is based on|umfasst|enthält|fasst|cubre|contiene|abrange|contém|riprende"
                r"|copre)\b.*\b(?:pdf|slides?|diapos?|folien|lecture|cours|book|livre|atlas"
                r"|vault|obsidian|chapter|chapitre)\b"
            ),
            Line(
                r"^this (?:module|lesson|chapter|unit|session|tutorial|guide|article|page|leaflet"
                r"|handout|booklet|section|factsheet|fact sheet) (?:teaches|covers|introduces"
                r"|describes|explains|focuses on|is about|helps you|will (?:teach|cover|introduce"
                r"|help you|explain|describe))\b"
            ),
            # A blog's outline: "In this article I'm going to cover:", "In this note we will
            # look at:" (and its list: the page's own contents, not a fact).
            Line(
                r"^in this (?:module|lesson|chapter|unit|session|tutorial|guide|article|page"
                r"|leaflet|handout|booklet|section|post|blog(?: post)?|note|video|talk|piece)"
                r",? (?:i|we|you)(?:['’]m| am| are|['’]re| will|['’]ll| shall)?"
                r" (?:going to |gonna )?"
                r"(?:cover|look at|discuss|explain|describe|go (?:through|over)|talk about"
                r"|learn(?: about)?|explore|review|outline)\b"
            ),
            # A blurb's "This chapter guides you through …", wherever its sentence starts.
            Line(
                r"(?:^|[.!?] )this (?:module|lesson|chapter|unit|session|tutorial|guide|article"
                r"|page|leaflet|handout|booklet|section) (?:guides|walks|takes|will (?:guide"
                r"|walk|take)) you through\b",
                ("you through",),
            ),
        ),
    ),
    Kind(
        "next",
        'links to the next or previous lesson, "next steps"',
        headings=(
            r"next(?: steps?)?|(?:next|previous|prev) (?:module|lesson|chapter|unit|article"
            r"|topic|section|page|part|post|week|session)|previous|up next|what'?s next"
            r"|where to (?:go )?next|continue (?:reading|learning)|coming up(?: next)?",
        ),
        lines=(
            Line(
                r"^[←«‹<\s]*(?:next|previous|prev|up next)(?: (?:module|lesson|chapter|unit"
                r"|article|topic|section|page|part|post))?\s*(?::|→|»|›|>|\|)"
            ),
        ),
    ),
    Kind(
        "author",
        "about the author, written or reviewed by, contact, a byline's reading time",
        headings=(
            r"about(?: (?:the|this) (?:authors?|site|guide|page|article|series|course|website"
            r"|blog))?|about (?:me|us)|(?:the )?authors?|author (?:bio|info|information|details)"
            r"|biography|meet the (?:team|authors?)|contact (?:us|me|information|details)"
            r"|get in touch",
        ),
        lines=(
            Line(
                r"^(?:written|authored|posted|published|compiled|edited|(?:medically )?reviewed"
                r"|fact[ -]checked) by\b"
            ),
            # A byline's reading time: "Quick guide - 4 min read", "5-minute read".
            # A short line, no sentence: "The result takes 2 minutes. Read it …" is content.
            Line(
                r"^[^.!?]{0,40}\b\d+[ -]?(?:min|mins|minute|minutes)[ -]read\b[^.!?]{0,40}$",
                (" read",),
            ),
        ),
        shapes=(_credits, _byline, _credit_line),
    ),
    Kind(
        "comments",
        "comments and feedback",
        headings=(
            r"comments|leave a (?:comment|reply)|post a comment|reader comments"
            r"|(?:your|reader|send us|give us|leave) feedback|your comments|join the discussion"
            r"|discussion (?:forum|board|thread)",
        ),
    ),
    Kind(
        "promotion",
        "share, subscribe, newsletter, follow us, donate",
        headings=(
            r"share(?: this(?: \w+)?)?|share (?:on|via) .*|subscribe.*|newsletters?.*"
            r"|sign up.*|join (?:us|our \w+|the community)|follow (?:us|me)(?: on .*)?"
            r"|stay (?:connected|in touch|updated)|connect with us|support (?:us|this \w+)"
            r"|donate|donations?|sponsors?|sponsored|advertisements?|advertising|ads"
            # A plea without the word: "Help sustain trusted guidance", "Help fund our site".
            r"|(?:please )?help (?:us )?(?:sustain|fund) .+|support our (?:work|mission|site)"
            r"|social media|socials",
            # A clinic's call to book: "Call to action (CTA)", "Book your visit".
            r"call to action|cta|book (?:now|online|today|an? (?:appointment|visit|consultation)"
            r"|your (?:appointment|visit|consultation|exam))|(?:schedule|make) (?:an|your)"
            r" (?:appointment|visit|consultation)",
        ),
        lines=(
            Line(
                r"\b(?:join|subscribe|follow|sign up|like|share|support|donate|check out"
                r"|find us|listen)\b.{0,60}\b(?:" + "|".join(_PLATFORMS) + r")\b",
                _PLATFORMS,
            ),
            Line(r"\bbuy me a coffee\b|\blike (?:and|&) subscribe\b", ("coffee", "subscribe")),
            # A call to take the site's own wares: "Download our free chart today!", "Join our
            # 5,000 students" (what "we get our vitamin D from" says is no call: it opens no
            # paragraph with a verb of taking).
            Line(r"^(?:download|grab|claim|get|join|order|buy)\s+(?:our|my)\b"),
        ),
    ),
    Kind(
        "contents",
        "tables of contents and page outlines",
        headings=(
            r"table of contents|toc|on this page|in this (?:article|guide|page|post|section"
            r"|chapter|lesson|module|note|document)|jump to.*|quick (?:links|navigation)"
            r"|outline|sections|page contents|navigation",
        ),
        navigation_headings=(r"contents",),
    ),
    Kind(
        "changelog",
        "change logs, revision history, last updated",
        headings=(
            r"change ?log|(?:revision|version|edit|change|document|update) history"
            r"|release notes|what'?s new|(?:last )?(?:updated|modified|revised)",
            # When the page was last looked at: "Last updated date", "Last reviewed".
            r"(?:last )?(?:updated|modified|revised|reviewed)(?: (?:on|date))?"
            r"|(?:last )?(?:update|review|revision) date",
        ),
        lines=(
            Line(r"^(?:last )?(?:updated|modified|revised|reviewed)(?: on)?\s*:"),
            # Two dates in one: "Last reviewed/updated on: …".
            Line(
                r"^(?:last )?(?:updated|modified|revised|reviewed)\s*/\s*(?:updated|modified"
                r"|revised|reviewed)(?: on| date)?\s*:"
            ),
        ),
    ),
    Kind(
        "course",
        "course and exam scaffolding: course details, exam tips, answer outlines, checklists",
        # Not self-assessment ("Check your understanding", "Test yourself"): its questions with
        # answers are the best cards a page has (the faq rule reads them anywhere), and a list
        # of questions without answers makes no card anyway.
        headings=(
            r"exam (?:tips?|technique|strategy|strategies|pointers?|hints?)"
            r"|tips for (?:the )?exams?",
            r"previous (?:years?'? )?(?:questions|papers|exam questions)"
            r"|past (?:papers|exam questions|year questions)|pyqs?",
            r"skills? (?:competency )?checklists?|competency (?:checklists?|assessment)"
            r"|skills (?:demonstrated|checklist|check)|key concepts mastered|summary of skills",
            r"(?:instructor|teacher|tutor)'?s? notes|assignments?|homework|(?:课后)?作业(?:要求)?"
            r"|记录要求|操作(?:要点|经验|技巧|注意事项)"  # homework; a lab's technique tips
            r"|职业素质|人文关怀"  # an exam station's marks for conduct and bedside manner
            r"|reflection(?: questions)?|reflective questions|discussion questions"
            r"|case stud(?:y|ies)(?: questions)?",
            r"(?:[\w']+ ){0,3}answer (?:frameworks?|outlines?|plans?|templates?|structures?"
            r"|skeletons?|writing(?: tips)?)"
            r"|how to answer (?:exam |essay |the )?(?:questions?|papers?)"
            r"|model answers?",
            # A note's own to-do list: "Figures / Diagrams to Add", "To do".
            r"(?:(?:figures?|diagrams?|images?|pictures?|illustrations?|tables?|notes?|cards?"
            r"|links?|sections?|questions?)(?: and | ?/ ?| )?){1,3}to (?:add|draw|make|create"
            r"|insert|write|fill in)|to ?dos?|todo list",
            # The author's own checks of the page: "To verify", "Gate report", "QA checklist"
            # (a bare "Verify" may head a procedure's step; the to-dos under it are lines, below).
            r"to verify|(?:items )?to (?:check|confirm)|open (?:checks|items)"
            r"|(?:gate|qa) (?:report|checklist|checks|gates?)",
        ),
        lines=(
            # A note to self left in the text: "TODO: stratification", "TBD", "FIXME". A "todo"
            # only as a mark (a colon, a bracket, a dash or nothing after it): Portuguese and
            # Spanish "Todo derrame …", "Todo paciente …" open a fact about every one.
            Line(r"^(?:tbd|fixme)\b(?!-)|^todo\s*(?:[:(\[—–]|-\s|$)", ("todo", "tbd", "fixme")),
            # The same in brackets, often as code: "`[VERIFY: the dose table's edition]`",
            # "[ASSUMPTION: …]" (its text may quote facts, but asks the author to check them).
            Line(r"^\[(?:verify|todo|tbd|fixme|assumption|check|confirm|citation needed)\b"),
            # A page's rule for its own format, not a fact of its subject: "Tables kept ≤ 8
            # rows", "Every claim carries a bracketed source tag".
            Line(
                r"\b(?:tables?|lists?|sections?|rows?|cards?|pages?|sheets?) (?:are |is )?(?:kept"
                r"|limited|capped) (?:to |at |under |below )?(?:[≤<]|at most|no more than|max)",
                ("kept", "limited", "capped"),
            ),
            Line(
                r"\b(?:every|each) (?:\w+ ){0,2}(?:claim|fact|statement|row|entry|line|cell)"
                r" (?:carries|cites|ends (?:in|with)) (?:a |an |its )?(?:\w+ )?"
                r"(?:source|citation|reference)",
                ("carries", "cites", "ends"),
            ),
            Line(r"^(?:passing|pass) (?:score|grade|mark)\b"),
            # An exam station's invented patient and the candidate's task: "Scenario: Mr K, 61,
            # fell at home. Task: splint his forearm.", "临床情景：…。要求：…" (a story told for
            # one exam, no fact of its subject). A bare "Scenario:" leads a list in: its own.
            Line(
                r"^(?:clinical |case |exam )?(?:scenario|vignette)\s*\d*\s*[:：][ \t]*\S"
                r"|^(?:临床)?情[景境]\s*[:：][ \t]*\S"
            ),
            # A question bank's id for the note's question, alone on its line: "uw-id=585",
            # "QID: 10342", "question id 77".
            Line(r"^(?:[a-z]{1,10}[-_ ])?(?:q|question[-_ ]?)?id\s*[=:#]?\s*\d{2,}$"),
            Line(r"^you will (?:practi[cs]e|demonstrate|perform|rehearse)\b"),
            Line(r"^(?:skills? )?(?:competency |performance )?checklists?\s*:"),
            Line(
                r"\bread (?:the |all |each )?(?:directions|instructions|questions?|stems?)\b"
                r"(?: \w+){0,3} carefully\b",
                ("carefully",),
            ),
        ),
        shapes=(_checklist, _course_details),
    ),
    Kind(
        "study_plan",
        "study plans and schedules: the reader's days and sessions of revision",
        headings=(
            r"(?:[\w-]+ )?(?:day |week |month |hour )?(?:study|revision|revising|cram(?:ming)?"
            r"|exam prep(?:aration)?) (?:plan|planner|schedule|timetable|calendar|routine"
            r"|checklist)s?|cram plans?",
            r"(?:study|revision|studying) tips|how to (?:study|revise)(?: (?:this|for) [\w ]+)?",
            r"学习(?:建议|方法)",  # "study tips"
        ),
        shapes=(_study_plan,),
    ),
    Kind(
        "file_layout",
        "the layout of the file the notes describe: its sheets, rows, columns, cells, formulas",
        shapes=(_file_layout,),
        tables=True,
    ),
    Kind(
        "topics",
        'a high-yield list of topics to study, not facts: "A or B or C", "X vs. Y"',
        shapes=(_study_topics,),
    ),
    Kind(
        "medicine_care",
        "a medicine leaflet's generic storage and disposal advice",
        shapes=(_generic_care,),
    ),
    Kind(
        "form",
        "a form's answer choices: Normal / Decreased / Increased under an item to fill in",
        lines=(
            # the form's own instruction: "Use this space to write down …", "Write your notes
            # here", "Space for your questions"
            Line(r"^(?:please )?(?:use|write in) (?:this|the) (?:space|lines?|box(?:es)?)\b"),
            Line(r"^write (?:down )?your (?:\w+ ){0,2}here\b"),
            Line(r"^(?:space|room) for (?:your )?(?:notes|questions|answers)\b"),
        ),
        shapes=(is_choice_list, _blank_form),
    ),
    Kind(
        "encouragement",
        "words of reassurance and encouragement to the reader",
        headings=(
            r"trust your (?:instincts?|gut|judge?ment)",
            r"(?:a )?(?:few )?words? of (?:encouragement|reassurance)",
            r"you(?:'ve| have) got this",
            r"you are not alone|you're not alone",
        ),
        shapes=(_reassurance,),
    ),
    Kind(
        "links",
        "paragraphs and lists that are only links, whatever their heading",
        shapes=(_links,),
    ),
)
"""Every kind, in the order a block is tested (the first kind that recognises it names it)."""

KIND_NAMES: tuple[str, ...] = tuple(kind.name for kind in KINDS)
_BY_NAME = {kind.name: kind for kind in KINDS}


@lru_cache(maxsize=64)
def skipped_kinds(include: tuple[str, ...] = ()) -> frozenset[str]:
    """The kinds a deck skips: every kind skipped by default that its manifest does not
    `include`."""
    return frozenset(kind.name for kind in KINDS if kind.skipped and kind.name not in include)


# -- headings ----------------------------------------------------------------------------------

_HEADING = {
    kind.name: re.compile("|".join(f"(?:{h})" for h in kind.headings))
    for kind in KINDS
    if kind.headings
}
_NUMBERING = re.compile(
    r"^(?:(?:chapter|section|part|lesson|module|unit|appendix)\s+)?"
    r"(?:\d+(?:\.\d+)*[.):]?|[ivxlc]+[.):]|[a-z][.)])\s+"
)
_TAG = re.compile(r"<[^>]*>")
_WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]]*)\]\]")
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_NOT_WORD = re.compile(r"[^\w '/,+;.)]|_")
"""What a heading's kind does not depend on: emoji, symbols, other punctuation."""
_PARTS = re.compile(r"\s*(?:,|/|\+|;|&|\band\b|\bfor\b)\s*")


@lru_cache(maxsize=1 << 12)
def heading_text(title: str) -> str:
    """A heading as its kind is recognised: markup, HTML tags, emoji, numbering, a trailing
    "(...)" and punctuation removed, case folded, `&` read as "and", hyphens as spaces."""
    text = plain(title)
    if "<" in text:
        text = _TAG.sub(" ", text)
    if "[[" in text:
        text = _WIKILINK.sub(lambda match: match.group(1), text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text).replace("’", "'")
    text = text.casefold().replace("&", " and ")
    if "(" in text or "[" in text:
        text = _BRACKETED.sub(" ", text)
    text = " ".join(_NOT_WORD.sub(" ", text).split())
    text = _NUMBERING.sub("", text)
    return " ".join(text.replace(".", " ").replace(")", " ").split())


@lru_cache(maxsize=1 << 12)
def heading_kind(title: str) -> Kind | None:
    """The kind a heading names, or None for a heading of content."""
    text = heading_text(title)
    if not text:
        return None
    found = _whole(text)
    if found is not None:
        return found
    if "and" not in text and "for" not in text and not any(mark in text for mark in ",/+;&"):
        return None  # no `_PARTS` separator (most headings): one part, no kind
    parts = [part for part in _PARTS.split(text) if part]
    if len(parts) < 2:
        return None
    kinds = [_whole(part) for part in parts]
    return kinds[0] if all(kinds) else None


@lru_cache(maxsize=1 << 10)
def navigation_heading_kind(title: str) -> Kind | None:
    """The kind a heading names when the section under it is navigation ("Contents"), or None."""
    text = heading_text(title)
    found = _ANY_NAVIGATION.fullmatch(text) if text else None
    return None if found is None or found.lastgroup is None else _BY_NAME[found.lastgroup]


def section_kind(section: Section, titles: Callable[[], frozenset[str]] = frozenset) -> Kind | None:
    """The kind a section is by its heading: `heading_kind`, or a navigation heading's kind
    when the section holds only navigation (`is_navigation`; `titles` gives the document's
    headings, `heading_text`, which a plain table of contents lists: asked only then). "##
    Contents" over links or the page's own headings is a table of contents; over "- Femoral
    nerve – supplies the thigh" it is the facts a place contains, and content."""
    kind = heading_kind(section.title)
    if kind is not None:
        return kind
    kind = navigation_heading_kind(section.title)
    if kind is not None and is_navigation(section, titles()):
        return kind
    if _OUTLINE_HEADING.fullmatch(heading_text(section.title).casefold()) and is_outline(section):
        return _BY_NAME["course"]
    return None


_OUTLINE_HEADING = re.compile(
    r"(?:key |main |core )?(?:terms?|concepts?|topics?)(?: ?(?:and|&|/|,) ?(?:terms?|concepts?))?"
    r"|(?:lecture )?(?:outline|sections?)(?: ?/ ?(?:outline|sections?))*"
    r"|(?:(?:diseases?|conditions?|presentations?|topics?|disorders?)(?: ?/ ?| and | & |, ))*"
    r"(?:diseases?|conditions?|presentations?|topics?|disorders?) (?:covered|discussed|included)"
    r"|(?:my|revision|review|self[- ]?test|practice|study) questions|formatives?(?: provided)?"
)
"""A lecture note template's headings over its own scaffolding ("Key Terms & Concepts",
"Outline/Sections", "Conditions Covered", "Revision Questions"): a section of them is the
course's when it holds only an outline (`is_outline`), content when it holds facts."""


def is_outline(section: Section) -> bool:
    """A section holding only an outline of what a note covers: lists whose items (nested ones
    too) are bare names of a few words ("Serum fibrosis markers") or questions left unanswered
    ("What are the markers of cholestasis?", "Name the transaminases."), and a lead-in line
    over them ("Formatives provided:"). A `Term: meaning` item or a sentence is content."""
    if section.children or not section.blocks:
        return False
    listed = False
    for block in section.blocks:
        if isinstance(block, Paragraph):
            if not plain(block.text).strip().endswith(":"):
                return False
        elif isinstance(block, ListBlock):
            asked = sum(_asks(plain(item.text).strip()) for item in block.items)
            if asked * 2 < len(block.items) and not all(map(_outline_item, block.items)):
                return False  # (a flattened sub-list's names among questions: still theirs)
            listed = True
        else:
            return False
    return listed


def _outline_item(item: ListItem) -> bool:
    text = plain(item.text).strip()
    nested = all(
        isinstance(b, ListBlock) and all(_outline_item(i) for i in b.items) for b in item.blocks
    )
    if not nested:
        return False
    if not text or _asks(text):
        return True  # an empty item, a question, or a task set ("List two causes of …")
    words = text.rstrip(":").split()
    return len(words) <= MAX_OUTLINE_WORDS and ":" not in text.rstrip(":") and "." not in text


def _asks(text: str) -> bool:
    """A question, or a task an exam sets ("Name the transaminases.")."""
    return text.endswith("?") or _ASKS_TO.match(text) is not None


MAX_OUTLINE_WORDS = 6
_ASKS_TO = re.compile(
    r"(?:what|which|why|how|when|where|who|name|list|give|describe|explain|outline|compare"
    r"|define|discuss)\b",
    re.IGNORECASE,
)


def is_navigation(section: Section, titles: frozenset[str] = frozenset()) -> bool:
    """Whether a section holds nothing to learn: no subsections, and every block links, page
    references (`Causes .... 12`, `Treatment, p. 40`), a `[TOC]` marker, or the names of the
    document's own headings. An empty section is navigation: a marker a site fills in."""
    if section.children:
        return False
    for block in section.blocks:
        if isinstance(block, Paragraph):
            if not (_links(block) or _TOC_MARKER.fullmatch(block.text.strip())):
                return False
        elif isinstance(block, ListBlock):
            if not all(_navigation_item(item, titles) for item in block.items):
                return False
        elif not isinstance(block, RawBlock):
            return False
    return True


def _navigation_item(item: ListItem, titles: frozenset[str]) -> bool:
    if item.blocks and not all(
        isinstance(block, ListBlock) and all(_navigation_item(i, titles) for i in block.items)
        for block in item.blocks
    ):
        return False
    text = item.text.strip()
    if not text or only_links(text) or _PAGE_REFERENCE.search(plain(text)):
        return True
    return bool(titles) and heading_text(text) in titles


_TOC_MARKER = re.compile(
    r"\[toc\]|\[\[_toc_\]\]|\{:?\s*toc\s*\}|\{\{<?\s*toc\s*>?\}\}|<!--\s*toc\s*-->|\$\{toc\}",
    re.IGNORECASE,
)
"""A marker a site generator replaces with the page's table of contents."""
_PAGE_REFERENCE = re.compile(
    r"(?<![.…])(?:\.{3,}|…+)\s*\d{1,4}\s*$"
    r"|\b(?:p|pp|pg|page|pages)\.?\s*\d{1,4}(?:\s*[-–]\s*\d{1,4})?\s*$",
    re.IGNORECASE,
)
"""An item that points to a page: dot leaders to a number, or "p. 12" at its end. The leaders
are tried from their first dot only (`(?<![.…])`): from every dot of a long run, each try would
read the run to its end."""


def _whole(text: str) -> Kind | None:
    found = _ANY_HEADING.fullmatch(text)
    return None if found is None or found.lastgroup is None else _BY_NAME[found.lastgroup]


_ANY_HEADING = re.compile("|".join(f"(?P<{name}>{p.pattern})" for name, p in _HEADING.items()))
"""Every kind's headings as one pattern, a group per kind, tried in the registry's order."""
_ANY_NAVIGATION = re.compile(
    "|".join(
        f"(?P<{kind.name}>{'|'.join(f'(?:{h})' for h in kind.navigation_headings)})"
        for kind in KINDS
        if kind.navigation_headings
    )
    or "(?!)"
)


# -- lines and blocks --------------------------------------------------------------------------

_LINES = [
    (kind, frozenset(line.words), re.compile(line.pattern)) for kind in KINDS for line in kind.lines
]
_WORDS = tuple(dict.fromkeys(word for _, words, _ in _LINES for word in words))
_UNGATED = re.compile("|".join(f"(?:{p.pattern})" for _, words, p in _LINES if not words) or "(?!)")
"""Every pattern that needs no word, as one: a text holding none of the lines' words is content
unless this finds one (most text, in one search)."""


@lru_cache(maxsize=TEXT_CACHE)
def text_kind(markdown: str) -> Kind | None:
    """The kind a line of text is (a footnote definition, "Join our Discord", a disclaimer,
    "Next module: ..."), by its words; None for content."""
    if markdown.startswith("\\*") and _FOOTNOTE_MARK.match(markdown):
        return _BY_NAME["footnotes"]
    text = plain(markdown).casefold().strip()
    present = [word for word in _WORDS if word in text]  # "follow", "read", "see": often some
    ungated = _UNGATED.search(text) is not None  # most text: none, and no line needing no word
    if not present and not ungated:
        return None
    for kind, words, pattern in _LINES:
        if words.isdisjoint(present) if words else not ungated:  # one search said no
            continue
        if pattern.search(text):
            return kind
    return None


_FOOTNOTE_MARK = re.compile(r"(?:\\\*){1,3}(?=[\w(])")
r"""A paragraph opened by a footnote's mark written escaped so that it shows (`\*This table does
not cover children`, `\*\*Also used: …`): the note under a table or figure, not its content."""


def label_kind(markdown: str) -> Kind | None:
    """The kind a label paragraph names: `**References**`, `Further reading:`, a heading
    written as a bold line of a few words, a bracket tag (`【作业要求】…：` is homework)."""
    text = markdown.strip()
    if text.startswith("【"):
        tags = BRACKET_TAGS.match(text)
        rest = text[tags.end() :] if tags is not None else ""
        if tags is not None and (not rest or (len(text) <= 60 and rest.endswith(":"))):
            for tag in tags.group(0).replace("】", "").split("【")[1:]:
                found = heading_kind(tag)
                if found is not None:
                    return found
    if len(text) > 60 or not (text.endswith((":", "**", "__")) or text.startswith(("**", "__"))):
        return None
    label = text.strip("*_ ").rstrip(":").strip("*_ ")
    if label.count(" ") > 5 or "\n" in label:
        return None
    return heading_kind(label)


def block_kind(block: Block) -> Kind | None:
    """The kind a block is by its words or its shape; None for content."""
    if isinstance(block, Table):
        return next((kind for kind, shape in _TABLE_SHAPES if shape(block)), None)
    if not isinstance(block, Paragraph | ListBlock):
        return None  # a raw block: no kind reads it by content
    if isinstance(block, Paragraph):
        found = text_kind(block.text)
        if found is not None:
            return found
    elif isinstance(block, ListBlock) and block.items:
        first = _item_kind(block.items[0])  # every item of one kind, or the list is content
        if first is not None and all(_item_kind(item) is first for item in block.items[1:]):
            return first
    for kind, shape in _SHAPES:
        if shape(block):
            return kind
    return None


_SHAPES = [(kind, shape) for kind in KINDS for shape in kind.shapes]
_TABLE_SHAPES = [(kind, shape) for kind, shape in _SHAPES if kind.tables]
"""The shapes that read a table: few kinds tell a table by its content."""


def _item_kind(item: ListItem) -> Kind | None:
    return text_kind(item.text) if not item.blocks else None


def content_blocks(
    blocks: tuple[Block, ...],
    skip: frozenset[str],
    header: bool = False,
    title: str = "",
    topics: bool = False,
    form_page: bool = False,
) -> tuple[tuple[Block, ...], list[tuple[Kind, Block]]]:
    """The blocks that are content, and each one left out with its kind. A label paragraph of a
    skipped kind (`**References**`, `Further reading:`) takes the list or table after it along.
    `header`: the blocks stand under the page's title, where a `**Age range:** …` line says
    whom the page is for (`_page_scope`). `title`: the heading over them; a list of notes under
    an index's heading (`_INDEX_TITLE`) is the vault's navigation, a list of study tasks under
    a practice heading (`_PRACTICE_TITLE`) the course's exercises. `topics`: the page is one of
    study prompts (`topics_page`), where a list of bare names is one too; a study-topic list
    left out keeps the facts its prompts state (`stated_in_prompts`). `form_page`: the page is a
    form (`is_form_page`), whose lists of short choices are its items too (`_short_choices`)."""
    index = bool(title) and _INDEX_TITLE.fullmatch(heading_text(title)) is not None
    practice = bool(title) and _PRACTICE_TITLE.fullmatch(heading_text(title)) is not None
    kept: list[Block] = []
    left: list[tuple[Kind, Block]] = []
    label: Kind | None = None
    previous: Block | None = None
    previous_kept: Block | None = None
    for block in blocks:
        if label is not None and isinstance(block, ListBlock | Table):
            left.append((label, block))
            label = None
            continue
        label = None
        kind = block_kind(block)
        if kind is None and form_page and _short_choices(block, title):
            kind = _BY_NAME["form"]  # `Expression`: `- Fluent` / `- Nonfluent` on a form's page
        if (
            kind is not None
            and kind.name == "form"
            and isinstance(block, ListBlock)
            and _said_of(title, previous, block)
        ):
            kind = None  # "Reflexes in a lower motor neurone lesion are:" over `- Decreased`
        previous = block
        if kind is None and index and isinstance(block, ListBlock) and _named_notes(block):
            kind = _BY_NAME["links"]  # "## Topics" over `- [[Heart failure]]`: the vault's index
        if kind is None and practice and isinstance(block, ListBlock) and _study_tasks(block):
            kind = _BY_NAME["course"]  # "## Practice prompts" over `- Label a PV loop …`
        if kind is None and isinstance(block, ListBlock) and _lecture_aims(block):
            kind = _BY_NAME["objectives"]  # `- Discuss the cations` / `- Define each value`
        if kind is None and header and (_page_scope(block) or _page_blurb(block)):
            kind = _BY_NAME["objectives"]
        if kind is None and header and _document_header(block):
            kind = _BY_NAME["references"]  # `**Version:** 1.0` / `**Date:** …`: front matter
        if (
            kind is None
            and header
            and isinstance(block, Paragraph)
            and "\n" not in block.text.strip()
            and _breadcrumb(block.text, title)
        ):
            kind = _BY_NAME["links"]  # "[[Infectious Disease]] > Antibiotics": the page's path
        if kind is None and topics and _named_topics(block):
            kind = _BY_NAME["topics"]  # "Drugs of abuse: overdose and withdrawal" among prompts
        is_label = False
        if kind is None and isinstance(block, Paragraph):
            kind = label_kind(block.text)
            is_label = kind is not None
        if (
            kind is None
            and isinstance(previous_kept, Paragraph)
            and _is_lead_in(previous_kept)
            and _empty_labels(block)
        ):  # `Medications:` over `- Current:` / `- Previous:`: a chart's fields to fill in (a
            # list of labels under a heading of its own is its labels')
            kind = _BY_NAME["form"]
        if kind is None and isinstance(block, ListBlock):
            block, dropped = _without_items(block, skip)
            if dropped is not None:
                left.append(dropped)
            if "form" in skip:
                block, dropped = _without_slots(block)
                if dropped is not None:
                    left.append(dropped)
            if "related" in skip:
                block, dropped = _without_pointers(block)
                if dropped is not None:
                    left.append(dropped)
        if kind is None or kind.name not in skip:
            kept.extend(_unlinked_blocks((block,)))
            previous_kept = kept[-1] if kept else None
            continue
        lead = previous_kept if kept and kept[-1] is previous_kept else None
        if (
            isinstance(lead, Paragraph)
            and _is_lead_in(lead)
            and (_checklist(block) or _empty_labels(block))
        ):
            left.append((kind, kept.pop()))  # "**Suspect it if:**" over `- [ ] pain`
        left.append((kind, block))
        if kind.name == "form" and isinstance(block, ListBlock):
            kept.extend(_spelled_out(block))  # `- Shortness of breath (SOB)`: what SOB means
        if kind.name == "topics" and isinstance(block, ListBlock):
            stated = stated_in_prompts(block)
            if stated is not None:
                kept.append(stated)  # "Condition P (small pupil) or …": a fact inside a prompt
        if isinstance(block, Paragraph) and (is_label or block.text.rstrip(" *_").endswith(":")):
            label = kind  # "By the end of this lesson you will be able to:" and its list
    if "form" in skip:
        kept = _without_filled_slots(kept, left)
    return tuple(kept), left


def _without_filled_slots(kept: list[Block], left: list[tuple[Kind, Block]]) -> list[Block]:
    """A form's filled lines: where most of the blocks' `**Label:** value` lines are a form's
    blanks (`**Pediatrician:** ____`, two or more), the few filled in (`**Emergency:** 911`) are
    the form's too, a contact list to complete, not facts to learn. They go with the blanks."""
    blanks = [
        block
        for kind, block in left
        if kind.name == "form" and isinstance(block, Paragraph) and _SLOT_LINE.match(block.text)
    ]
    if len(blanks) < _MIN_FORM_SLOTS:
        return kept
    filled = [b for b in kept if isinstance(b, Paragraph) and _SLOT_LINE.match(b.text)]
    if not filled or len(filled) >= len(blanks):
        return kept
    form = _BY_NAME["form"]
    left.extend((form, block) for block in filled)
    return [block for block in kept if block not in filled]


_SLOT_LINE = re.compile(r"^\s*(?:\*\*|__)[^*_:\n]{1,40}:?(?:\*\*|__):?[ \t]*[^\n]{0,40}$")
"""One `**Label:** value` line of a few words: a form's slot, blank or filled."""
_MIN_FORM_SLOTS = 2


def _spelled_out(block: ListBlock) -> list[Paragraph]:
    """The choices of a form left out that spell out an abbreviation (`- Shortness of breath
    (SOB)`), each kept as a line of its own: the page's only definition of it, which the
    abbreviation rule reads."""
    return [
        Paragraph(item.text, item.line)
        for item in block.items
        if "(" in item.text and find_abbreviations(plain(item.text))
    ]


def _is_lead_in(block: Paragraph) -> bool:
    """A one-line paragraph ending in ":" (`**Suspect it if:**`): it leads the list after it
    in, and asks nothing without that list (a checklist of `[ ]` boxes left out leaves it
    alone: "Action plan? — Suspect it if: / Action:")."""
    text = block.text.strip()
    return "\n" not in text and text.rstrip(" *_").endswith(":")


def _said_of(title: str, previous: Block | None, block: Block) -> bool:
    """Whether a list of choices (`is_choice_list`) states a fact instead: a lead-in sentence
    over it ("Reflexes in a lower motor neurone lesion are:"), or a heading naming a setting
    ("Tone in an upper motor neurone lesion") or a scale ("Degrees of dehydration"; "Pain
    severity" or "Tremor range / intensity" over one-word degrees, unglossed: `- Normal` /
    `- Mild` / … / `- Extreme`, the scale in its order). A form's item is a bare name
    ("Alertness", "Apparent age") or a short label ("Pupils:")."""
    if isinstance(previous, Paragraph):
        lead = plain(previous.text).strip()
        if lead.endswith(":") and len(lead.split()) >= _LEAD_WORDS:
            return True
    heading = heading_text(title)
    if _FACT_TITLE.search(heading) is not None:
        return True
    return (
        _SCALE_TITLE.search(heading) is not None
        and isinstance(block, ListBlock)
        and len(block.items) >= _SCALE_STEPS
        and all(
            not item.blocks and _ONE_WORD.fullmatch(plain(item.text).strip().rstrip(".;,"))
            for item in block.items
        )
    )


_LEAD_WORDS = 4
_SCALE_TITLE = re.compile(
    r"\b(?:range|intensity|severity|spectrum)\s*(?:/|$)|/\s*(?:range|intensity|severity)\b",
    re.IGNORECASE,
)
"""A heading whose last word (or one side of a slash) names a scale: "Affect range",
"Pain intensity", "Tremor range / intensity"; not "Range of motion", a form's item."""
_SCALE_STEPS = 4
_ONE_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_FACT_TITLE = re.compile(
    r"\b(?:in|after|during|following|with|from|grades?|grading|degrees?|stages?|classes"
    r"|classification|types?|categories)\b",
    re.IGNORECASE,
)


def _without_pointers(block: ListBlock) -> tuple[ListBlock, tuple[Kind, Block] | None]:
    """A procedure's list without the names of the other documents it sends the reader to
    (`1. Universal Patient Care Protocol` / `2. Blood Glucose Procedure` / `3. IV Procedure`):
    three or more items with no list of their own that are only a title ending in a document's
    genre ("Protocol", "Procedure", "Guideline", "Policy"). A step or a
    list of operations ("Whipple procedure", "Nerve block") is content: one or two such names,
    or names in lower case, stay."""
    named = [
        item
        for item in block.items
        if not item.blocks and _POINTER_NAME.fullmatch(plain(item.text).strip()) is not None
    ]
    if len(named) < _MIN_POINTERS:
        return block, None
    plain_items = [item for item in block.items if not item.blocks]
    named += [
        item
        for item in plain_items
        if item not in named and _POINTER_BESIDE.fullmatch(plain(item.text).strip()) is not None
    ]
    named.sort(key=lambda item: item.line)
    kept = tuple(item for item in block.items if item not in named)
    gone = replace(block, items=tuple(named), line=named[0].line)
    return replace(block, items=kept), (_BY_NAME["related"], gone)


_POINTER_NAME = re.compile(
    r"(?:[A-Z][\w'’-]*|[A-Z]+|/|&)(?:\s+(?:[A-Z][\w'’-]*|[A-Z]+|/|&|of|and|for)){0,6}\s+"
    r"(?:Protocol|Procedure|Guideline|Policy|Pathway|Algorithm|SOP)s?"
)
_POINTER_BESIDE = re.compile(
    r"(?:[A-Z][\w'’-]*|[A-Z]+)(?:\s+(?:[A-Z][\w'’-]*|[A-Z]+|of|and)){0,3}\s+Assessment"
)
"""Beside those names, the assessment protocol a service's list sends to ("Patient Assessment")."""
"""A document's title in title case ending in its genre: "Universal Patient Care Protocol"."""
_MIN_POINTERS = 3


def _without_items(
    block: ListBlock, skip: frozenset[str]
) -> tuple[ListBlock, tuple[Kind, Block] | None]:
    """A list of content with its items of a skipped kind left out ("- Further information, see
    the textbook pp. 19-22" closing a list of facts, "- TODO: check the dose"), and what was
    left out; the same list when none is."""
    if not _may_hold_kinds(block):
        return block, None
    kinds = [_item_kind(item) for item in block.items]
    if not any(kind is not None and kind.name in skip for kind in kinds):
        return block, None
    kept = tuple(
        item
        for item, kind in zip(block.items, kinds, strict=True)
        if kind is None or kind.name not in skip
    )
    gone = tuple(
        item
        for item, kind in zip(block.items, kinds, strict=True)
        if kind is not None and kind.name in skip
    )
    first = next(kind for kind in kinds if kind is not None and kind.name in skip)
    return replace(block, items=kept), (first, replace(block, items=gone, line=gone[0].line))


def _may_hold_kinds(block: ListBlock) -> bool:
    """Whether an item of the list may be a line of a kind: one of the lines' words in the whole
    list's text, or an item opening as a line without words does ("TODO", "Last updated:").
    Most lists hold neither, and are passed over in one scan."""
    text = "\n".join(item.text for item in block.items).casefold()
    return any(word in text for word in _WORDS) or any(
        _UNGATED.match(_opening(item.text)) for item in block.items
    )


def content_section(
    section: Section,
    skip: frozenset[str],
    whole: bool,
    topics: bool = False,
    form_page: bool = False,
) -> tuple[Section, list[Skipped]]:
    """The section with its non-content blocks left out; `whole` (an FAQ, read with its
    subsections) also its subsections, and those whose heading is of a skipped kind. `topics`:
    the page is one of study prompts (`topics_page`); `form_page`: a form's (`is_form_page`)."""
    if not skip:
        blocks = _unlinked_blocks(section.blocks)
        return (section if blocks is section.blocks else replace(section, blocks=blocks)), []
    # The page's header: the blocks under its title (level 1 over `##` sections) or before any
    # heading; not a `#` section of a document whose headings are all `#`.
    header = section.level == 0 or (section.level == 1 and bool(section.children))
    blocks, left = content_blocks(
        section.blocks, skip, header, section.title, topics=topics, form_page=form_page
    )
    skipped = _describe(section, left)
    children = section.children
    if whole and children:
        kept_children: list[Section] = []
        for child in children:
            kind = section_kind(child)
            if kind is not None and kind.name in skip:
                skipped.append(Skipped(kind.name, child.line, f"section {plain(child.title)!r}"))
                continue
            shown, more = content_section(child, skip, whole, topics, form_page)
            kept_children.append(shown)
            skipped += more
        children = tuple(kept_children)
    if not left and children is section.children and _same(blocks, section.blocks):
        return section, skipped
    return replace(section, blocks=blocks, children=children), skipped


def _describe(section: Section, left: list[tuple[Kind, Block]]) -> list[Skipped]:
    """One `Skipped` per kind of block left out of a section, naming the blocks."""
    by_kind: dict[str, list[Block]] = {}
    for kind, block in left:
        by_kind.setdefault(kind.name, []).append(block)
    return [
        Skipped(
            name,
            _line(blocks[0]),
            f"{_blocks_text(blocks)} under {plain(section.title)!r}",
            len(blocks),
            _sample(blocks[0]),
        )
        for name, blocks in by_kind.items()
    ]


def _sample(block: Block) -> str:
    """A block's first words as a message quotes them: a list's first three items
    (`` `- None` / `- Low` / `- Heavy` ``), a paragraph's first line, each cut short."""
    if isinstance(block, ListBlock):
        return " / ".join(f"`- {_short(item.text)}`" for item in block.items[:3])
    text = block.text if isinstance(block, Paragraph) else ""
    return f"`{_short(text.strip().splitlines()[0])}`" if text.strip() else ""


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_SAMPLE_CHARS else text[: MAX_SAMPLE_CHARS - 1] + "…"


MAX_SAMPLE_CHARS = 40


def _line(block: Block) -> int:
    return block.line


def _blocks_text(blocks: Iterable[Block]) -> str:
    """ "a paragraph", "2 lists and a table": what was left out, in words."""
    counts: dict[str, int] = {}
    for block in blocks:
        noun = (
            "list"
            if isinstance(block, ListBlock)
            else "table"
            if isinstance(block, Table)
            else "paragraph"
        )
        counts[noun] = counts.get(noun, 0) + 1
    parts = [f"a {noun}" if n == 1 else f"{n} {noun}s" for noun, n in counts.items()]
    return " and ".join(parts)


# -- wikilinks of content ----------------------------------------------------------------------


def _unlinked_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """`_unlinked` of each block, leaving out a list whose every item was a picture link; the
    same tuple when nothing changed."""
    shown = tuple(_unlinked(block) for block in blocks)
    if _same(shown, blocks):
        return blocks
    return tuple(b for b in shown if not (isinstance(b, ListBlock) and not b.items))


def _same(blocks: tuple[Block, ...], others: tuple[Block, ...]) -> bool:
    return len(blocks) == len(others) and all(a is b for a, b in zip(blocks, others, strict=True))


def _unlinked(block: Block) -> Block:
    """A content block with each item, paragraph or table cell that is one wikilink and nothing
    else (`- [[Tocolytic]]` among other items, a header cell `[[Korrin fever]]`) as its text, and
    a link to a picture file left out: the document model leaves a lone wikilink for this module
    to tell navigation, and once a block is content it is the fact itself. The same block when
    there is none (most blocks: a substring test per text)."""
    if isinstance(block, ListBlock):
        items = tuple(_unlinked_item(item) for item in block.items)
        if all(a is b for a, b in zip(items, block.items, strict=True)):
            return block
        return replace(block, items=tuple(item for item in items if item.text or item.blocks))
    if isinstance(block, Table):
        return _unlinked_table(block)
    if isinstance(block, Paragraph) and "[[" in block.text:
        shown = lone_wikilink_text(block.text)
        return block if shown is None else replace(block, text=shown)
    return block


def _unlinked_item(item: ListItem) -> ListItem:
    text = item.text
    if "[[" in text:
        shown = lone_wikilink_text(text)
        text = text if shown is None else shown
    blocks = _unlinked_blocks(item.blocks) if item.blocks else item.blocks
    if text is item.text and blocks is item.blocks:
        return item
    return replace(item, text=text, blocks=blocks)


def _unlinked_table(table: Table) -> Table:
    if not any("[[" in cell for cell in table.header) and not any(
        "[[" in cell for row in table.rows for cell in row.cells
    ):
        return table
    header = tuple(_unlinked_cell(cell) for cell in table.header)
    rows = tuple(
        replace(row, cells=tuple(_unlinked_cell(cell) for cell in row.cells)) for row in table.rows
    )
    return replace(table, header=header, rows=rows)


def _unlinked_cell(cell: str) -> str:
    shown = lone_wikilink_text(cell) if "[[" in cell else None
    return cell if shown is None else shown
