"""What a rule may know besides its section: the document, the deck's topic, where its notes go."""

from __future__ import annotations

import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from fnmatch import fnmatchcase
from functools import lru_cache
from html import unescape
from typing import TypeAlias

from ..document import Section
from ..memory import TEXT_CACHE
from ..notes import DELETION, Note, NoteType, Source
from ..text import (
    content_words,
    filed_subject,
    heading_subject,
    heading_text,
    is_facet_heading,
    is_generic_heading,
    is_grade_or_setting,
    is_misc_heading,
    is_partial_heading,
    is_relational,
    is_remark,
    lower_first,
    names_genre_only,
    names_topic,
    newly_read,
    normalise,
    plain,
    subject_thing,
    without_asides,
    without_citations,
    without_decoration,
    without_whole,
)


@dataclass(frozen=True, slots=True)
class TableOptions:
    """A manifest's `[[table]]`: how the table rule reads the tables of matching sections."""

    section: str
    subject: str | None = None
    reverse: bool | None = None
    question: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class Context:
    """One routed section's surroundings. Rules make their notes through `note`, which places
    them: source line, context line, subdeck and tags."""

    document: str
    """The document's title."""
    source_path: str
    """The source as the manifest names it, for note backs and messages."""
    topic: str
    """Phrase naming the deck's subject, used to make fronts stand alone."""
    subdeck: str = ""
    tags: tuple[str, ...] = ()
    """The deck's and the subdeck's tags; each note adds its rule's."""
    tables: tuple[TableOptions, ...] = ()
    in_faq: bool = False
    """True inside an FAQ section, which the faq rule reads as a whole."""
    facets: frozenset[str] = frozenset()
    """The document's headings that name a facet of their parent (`routing.facet_headings`)."""
    terms: frozenset[tuple[str, ...]] = frozenset()
    """The paths of the document's sections whose subsections list terms of one kind
    (`term.lists_terms`): a one-word heading under one is a term."""
    names: frozenset[str] = frozenset()
    """The document's headings as names (`text.name_key`): a list of them is its outline."""
    apart: str = ""
    """When the section's tables' rows would ask what a table under another heading asks (the
    same row label and column, another answer): the subject of the heading that tells them apart
    (`table.rows_apart`); "" otherwise."""
    language: str = "en"
    """The language of the document's prose (`text.prose_language`): the few words a front
    gets around its subject ("in <topic>", "What does X stand for?") are left out or said in
    it (`localised`); "en" leaves every front as the rules wrote it."""
    made: tuple[Note, ...] = ()
    """The notes the section's other rules made, as a last-resort rule (`Rule.fallback`) is
    given them: it leaves what another rule asked to that rule (`Said`)."""

    def source(self, section: Section, line: int) -> Source:
        return Source(self.source_path, self.document, section.path, line)

    def note(
        self,
        rule: str,
        note_type: NoteType,
        front: str,
        back: str,
        key: tuple[str, ...],
        section: Section,
        line: int,
    ) -> Note:
        """A note of `rule` made from `section` (at `line`), placed in this context's subdeck."""
        if "?:" in front:  # "… — why keep it?:" as a heading's question opens a front
            front = _QUESTION_COLON.sub("?", front)
        front = without_decoration(front)  # the key keeps them: no note changes identity
        if front.startswith(": "):  # a subject of nothing (`heading` of a "Glossary" page)
            front = front[2:]
        if self.language != "en":
            owner = page_owner(self.document, self.topic)
            front = localised(front, self.topic, self.language, owner, rule == "table")
        if "(" in front and _YEAR.search(front):  # "… leads to (An, 2021):" asks no citation
            cited = without_citations(front)
            # a deletion of only the citation stays, and so does a citation opening the front
            # (a heading of only "(An, 2021)": without it the front opens with " in asthma:")
            front = front if "::}}" in cited or cited[:1] != front[:1] else cited
        return Note(
            rule,
            note_type,
            front,
            back,
            self.source(section, line),
            key,
            context_line(section.path),
            self.subdeck,
            note_tags(self.tags, rule, note_type),
        )

    def table_options(self, section: Section) -> TableOptions | None:
        for options in self.tables:
            if matches(section, options.section):
                return options
        return None

    def situate(self, phrase: str) -> str:
        """`phrase` plus 'in <topic>' unless it already names the topic."""
        if not self.topic or names_topic(phrase, self.topic):
            return phrase
        thing, dash, relation = phrase.partition(" — ")
        if dash and relation.endswith("?"):  # "Diary in <topic> — why keep it?"
            return f"{thing} in {self.topic} — {relation}"
        return f"{phrase} in {self.topic}"

    def subject(self, section: Section) -> str:
        """The subject the section's headings name (`heading_subject`). The document's own title
        heads the text before its first heading: a title that gives no topic ("Module 3 quiz",
        a six-word page title) is no subject either."""
        return _subject(self._headings(section), self.facets)

    def thing(self, section: Section) -> str:
        """The nearest heading above and at the section that names a thing (`subject_thing`):
        what a relational label ("Five mechanisms:", "Limitations:") is a part of."""
        return subject_thing(self._headings(section))

    def outer_thing(self, section: Section) -> str:
        """The thing a heading above the section's own names: what a plain line the author
        wrote as a sub-heading beside that heading (`Risk factors` under "Types of stones") is
        a part of."""
        return subject_thing(self._headings(section)[:-1])

    def title(self, section: Section) -> str:
        """The section's own heading, situated in the topic; a heading that says something
        rather than naming it ("Technique Matters!", "Why Use It?") gives its subject
        (`heading`)."""
        if is_remark(heading_text(section.title)) or is_generic_heading(section.title):
            return self.heading(section)  # "11/10/2023" names when, not what
        if is_partial_heading(section.title) and (
            self.subject(section) != heading_text(section.title) or self._topics_part(section)
        ):  # "Immune type" under "Granulomatous inflammation": a part of the thing above
            return self.heading(section)
        if len(section.path) == 1 and self._headings(section) != section.path:
            return self.heading(section)  # the page title, its genre words cut ("Insulin")
        return self.situate(plain(section.title).rstrip(" :"))  # "**Background:**" labels

    def _headings(self, section: Section) -> tuple[str, ...]:
        if section.path[:1] != (self.document,):
            return section.path
        if not self.topic:
            return section.path[1:]
        title = heading_text(self.document)
        if title.lower() != self.topic.lower() and names_topic(title, self.topic):
            # The page title as a subject is its topic ("Insulin Pharmacology and Notes" ->
            # "Insulin"): its genre words name no thing a front asks about.
            return (self.topic[:1].upper() + self.topic[1:], *section.path[1:])
        return section.path

    def names_subject(self, text: str, section: Section) -> bool:
        """True when `text` stands alone: it names the topic, or without a topic, the subject
        of its section (or there is none to name)."""
        about = self.topic or self.subject(section)
        return not about or names_topic(text, about)

    def _topics_part(self, section: Section) -> str:
        """A heading of only "misc" words, a grade or a setting ("Divers", "Mild",
        "Outpatient") with no heading above naming what it is a part of: a part of the page's
        topic ("Douleur — divers", "Hyperkalaemia — mild"); "" for any other section."""
        subject = self.subject(section)
        if not self.topic or not subject or not is_partial_heading(subject):
            return ""
        if not is_misc_heading(subject) and not is_grade_or_setting(subject):
            return ""  # "Rash types in korrin fever" says it already
        return f"{self.topic[:1].upper()}{self.topic[1:]} — {lower_first(subject)}"

    def keyed_heading(self, section: Section) -> str:
        """`heading` as a list's note identity reads it: a heading read as a part of a subject
        only since round 35 (`newly_read`: "Outpatient", "Examen clinique", "How often?") as
        it read before, so those notes keep their review history."""
        before = newly_read(section.title)
        return self.situate(before) if before else self.heading(section)

    def heading(self, section: Section) -> str:
        """The section's subject as a front begins with it, situated in the topic: "2. Pulse"
        gives "Pulse in <topic>"; a generic heading ("Overview", "Key points") gives its
        parent's subject, or the topic itself when no heading above names one."""
        part = self._topics_part(section)
        if part:
            return part
        subject = self.subject(section)
        if subject and not self.topic and _bare_part(subject):
            # "Examen clinique" on a page whose title names no one topic: of the title's subject
            owner = subject_thing((self.document,))
            if owner and not names_topic(subject, owner):
                return f"{owner} — {lower_first(subject)}"
        if subject:
            return self.situate(subject)
        if not self.topic and names_genre_only(section.title):
            return ""  # "Glossary" names no subject: each term is its own ("ADLS?")
        topic = self.topic or heading_text(section.title)
        return topic[:1].upper() + topic[1:]


_QUESTION_COLON = re.compile(r"\?:(?=\s|$)")
_YEAR = re.compile(r"\b(?:19|20)\d\d")
"""A front with a year may hold a citation (`without_citations`); a pointer ("(see the tick
guide)") is left as it is."""


_LOCAL_WORDS: dict[str, tuple[str, str, str]] = {
    # (what does X stand for, abbreviation for X, part n of m)
    "pt": ("O que significa {}?", "Sigla de “{}”?", "(parte {} de {})"),
    "es": ("¿Qué significa {}?", "Sigla de “{}”?", "(parte {} de {})"),
    "fr": ("Que signifie {} ?", "Sigle de « {} » ?", "(partie {} sur {})"),
    "de": ("Wofür steht {}?", "Abkürzung für „{}“?", "(Teil {} von {})"),
    "it": ("Cosa significa {}?", "Sigla di “{}”?", "(parte {} di {})"),
}
"""The builder's own words on a front, in the document's language."""
_STANDS_FOR = re.compile(r"^What does (?P<x>.+) stand for\?$", re.DOTALL)
_ABBREVIATION_FOR = re.compile(r"^Abbreviation for “(?P<x>.+)”\?$", re.DOTALL)
_PART_OF = re.compile(r" \(part (\d+) of (\d+)\)")


def localised(front: str, topic: str, language: str, owner: str = "", row: bool = False) -> str:
    """A front of a document not in English without the builder's English around its subject:
    no "in <topic>" (an English word glued to the author's; the line above names the page),
    "What does X stand for?", "Abbreviation for “…”?" and "(part 1 of 2)" in `language`. A
    front opening with a part of any subject alone ("Prognóstico in <topic>: …", a one-word
    top heading) opens with the page's subject, `owner`, instead: "AVC — prognóstico: …"; so
    does a table's `row` ("Preparada en SG 5% in noradrenalina: estabilidad?" -> "Noradrenalina
    — preparada en SG 5%: estabilidad?"; not a row shown with its kind, "Velbarina (frasco)",
    a thing of its own) and a front saying "this drug" ("este medicamento"):
    without "in <topic>" neither names what it is about. The note keeps its identity: only the
    words shown change."""
    words = _LOCAL_WORDS.get(language)
    if words is None:
        return front
    if owner and topic:
        part, said, rest = front.partition(f" in {topic}")
        if said and rest[:1] in (":", "?") and "\n" not in part and _bare_part(part):
            front = f"{owner} — {lower_first(without_whole(part))}{rest}"
        elif said and rest[:1] in (":", "?") and "\n" not in part and " — " in part:
            parts = part.split(" — ")  # "Presentaciones — normas de seguridad": parts alone
            if all(_bare_part(each) for each in parts):
                front = f"{owner} — {lower_first(parts[-1])}{rest}"
        elif (
            said
            and rest[:1] in (":", "?")
            and "\n" not in part
            and ((row and not part.endswith(")")) or _THIS_DRUG.search(front))
            and not names_topic(part, owner)
        ):
            front = f"{owner} — {lower_first(part)}{rest}"
    if topic and f" in {topic}" in front:
        front = re.sub(rf" in {re.escape(topic)}(?=[:?]| \(| —|$)", "", front, flags=re.M)
    if front.startswith("What does "):
        found = _STANDS_FOR.match(front)
        front = words[0].format(found["x"]) if found is not None else front
    elif front.startswith("Abbreviation for "):
        found = _ABBREVIATION_FOR.match(front)
        front = words[1].format(found["x"]) if found is not None else front
    if " (part " in front:
        front = _PART_OF.sub(lambda m: " " + words[2].format(m[1], m[2]), front)
    return front


@lru_cache(maxsize=256)
def page_owner(document: str, topic: str) -> str:
    """The page's subject as a front opens with it ("Glucagón — contraindicaciones"): the
    thing its title names (`subject_thing`), or its topic when that thing is not it — a
    chapter number ("6.5 – Glucagón: …" names "6.5") or the form the page was made in
    ("Guión TikTok — Noradrenalina"). An acronym the title gives for its topic stays ("AVC")."""
    owner = subject_thing((document,))
    if "_" in owner:  # "Korrin_C SMITH_2025 IFCS": a file's name, who filed it after the year
        owner = filed_subject(owner)
    article = _ARTICLE.match(owner)
    if article is not None and owner[article.end() :][:1].isupper():
        owner = owner[article.end() :]  # "Les Benzodiazépines — effets indésirables"
    if not topic or (owner and (owner.isupper() or names_topic(owner, topic))):
        return owner
    return topic[:1].upper() + topic[1:]


_ARTICLE = re.compile(r"(?:les|le|la|los|las|el|os|as|die|der|das|gli|il|lo)\s+", re.IGNORECASE)
"""A definite article opening a title in the languages `localised` serves: no part of the
subject a front opens with."""


def _bare_part(phrase: str) -> bool:
    """A front's opening that names a part of a subject and nothing else ("Prognóstico",
    "Complications", "Évolution", "Contraindicaciones (raras)", "Durante la administración"): a
    short relational or facet phrase, or a time of giving it, with no dash joining it to a
    thing already; its bracketed aside does not count."""
    phrase = without_asides(phrase).strip()
    if "—" in phrase:
        return False
    words = phrase.split()
    if words and words[0].lower() in _WHEN_GIVEN and len(words) <= MAX_BARE_PART_WORDS + 1:
        return True
    if len(words) > MAX_BARE_PART_WORDS:
        return False
    return is_relational(phrase) or is_facet_heading(phrase)


_THIS_DRUG = re.compile(
    r"\b(?:est[ea]s? (?:medicamentos?|fármacos?|farmacos?|medicaç(?:ão|ões)|drogas?)"
    r"|ce médicament|questo farmaco|dieses (?:Medikament|Arzneimittel))\b",
    re.IGNORECASE,
)
"""A page subject named only as "this drug", in the languages `localised` serves."""


_WHEN_GIVEN = frozenset(
    "durante antes después despues tras após apos depois pendant avant après während vor nach "
    "prima dopo cuándo cuando quando quand wann".split()
)
"""Words opening a phrase that says when, in the other languages notes come in ("Durante la
administración", "Após a infusão", "Cuándo suspender"): a time in the page subject's use, never
a subject."""


MAX_BARE_PART_WORDS = 3


@lru_cache(maxsize=TEXT_CACHE)
def _subject(headings: tuple[str, ...], facets: frozenset[str]) -> str:
    """`heading_subject`, worked out once for a section: several of its rules ask for it."""
    return heading_subject(headings, facets)


@lru_cache(maxsize=1024)
def note_tags(tags: tuple[str, ...], rule: str, note_type: str) -> tuple[str, ...]:
    """A note's tags: the deck's and its subdeck's, then its rule's."""
    tags = (*tags, f"card::{rule}", *(("card::cloze",) if note_type == "cloze" else ()))
    clean = ("-".join(tag.split()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in clean if tag))


def matches(section: Section, pattern: str) -> bool:
    """A manifest pattern matches a heading's text or its 'Parent/Child' path, ignoring case."""
    pattern = pattern.lower().strip()
    return fnmatchcase(section.title.lower(), pattern) or fnmatchcase(
        "/".join(section.path).lower(), pattern
    )


@lru_cache(maxsize=256)
def context_line(path: tuple[str, ...]) -> str:
    """The Context field: the section's heading path, each heading as a front names it (no
    outline numbers or emoji). Cached: a section's notes share it."""
    return " › ".join(text for title in path if (text := heading_text(title)))


def one_question_each(notes: list[Note]) -> list[Note]:
    """A document's notes with each question asked once. Two Basic notes of one section and one
    subject (the front before its last ": ") ask the same thing when one's attribute holds the
    other's words and, besides them, only words of the subject ("Constipation: Causes?" and
    "Constipation: Causes of constipation?", made by two bullets): the later one's answer is
    added to the earlier note's. "Hx and Dx: Hx?" and "…: Dx?" differ; so do notes of two
    sections. A dict groups the notes as they come by section, subject and the attribute's first
    word (two attributes asking the same open with the same word), so only a few are compared;
    a table asks each of its cells once already, and an abbreviation has its own rule."""
    groups: dict[tuple[tuple[str, ...], str, str], dict[frozenset[str], list[Asked]]] = {}
    kept: list[Note] = []
    for note in notes:
        if note.note_type != "basic" or note.rule in _ASKED_ONCE:
            kept.append(note)
            continue
        about, _, attribute = note.front.rpartition(": ")
        # A question written out ("Is it contagious?") is asked again in the same words.
        head = _first_word(attribute) if about else normalise(attribute)
        group = groups.setdefault((note.source.section, about, head), {})
        subject = content_words(about, 1)
        asked = content_words(attribute, 1) | _signs(attribute)  # "If < 20 kg", "If > 20 kg"
        # Two attributes asking the same have the same words besides the subject's: only the
        # notes sharing them are compared (comparing each with every other was quadratic).
        same = group.setdefault(asked - subject, [])
        earlier = None
        if same:
            earlier = _same_question(same, asked, subject) if about else same[0][1]
        if earlier is None or kept[earlier].key == note.key:
            # One identity twice is not this function's to merge: a zero-config build numbers
            # the repeat, a manifest build refuses it (extract.distinct_keys).
            same.append((asked, len(kept)))
            kept.append(note)
        elif normalise(kept[earlier].back) != normalise(note.back):
            kept[earlier] = replace(kept[earlier], back=f"{kept[earlier].back}\n\n{note.back}")
    return _no_summary_repeats(
        _no_author_repeats(_one_cloze_each(_no_table_repeats(_one_answer_each(kept))))
    )


def _no_summary_repeats(notes: list[Note]) -> list[Note]:
    """The notes without a summary box's cloze list (a section under "Quick reference",
    "Summary", "At a glance") whose points the notes before it already tell, most of them word
    for word: the box restates the page for a reader in a hurry, and a card of it asks each
    fact a second time. A point is told when every meaningful word of it was in an earlier
    note of the body (its front or back); a box's point the body never made stays, and so
    does the box when fewer than MIN_TOLD_SHARE of its points were told."""
    if not any(_in_summary(note.source.section) for note in notes):
        return notes
    kept: list[Note] = []
    said: set[str] = set()
    for note in notes:
        if note.note_type == "cloze" and _in_summary(note.source.section):
            points = [content_words(plain(part)) for part in DELETION.findall(note.front)]
            points = [point for point in points if point]
            told = sum(1 for point in points if point <= said)
            if len(points) >= MIN_SUMMARY_POINTS and told >= MIN_TOLD_SHARE * len(points):
                continue
        elif not _in_summary(note.source.section):
            said.update(content_words(plain(DELETION.sub(_hidden, note.front))))
            said.update(content_words(plain(note.back)))
        kept.append(note)
    return kept


def _hidden(found: re.Match[str]) -> str:
    return f" {found.group(1)} "


@lru_cache(maxsize=256)
def _in_summary(path: tuple[str, ...]) -> bool:
    """A section under a heading that only sums the page up ("When to seek care — Quick
    reference", "Summary", "At a glance")."""
    for title in path:
        text = heading_text(title).lower().strip(" :.")
        parts = [part.strip() for part in re.split(r" [—–-] |: ", text)]
        if any(part in _SUMMARY_HEADINGS for part in parts):
            return True
    return False


_SUMMARY_HEADINGS = frozenset(
    (
        "quick reference",
        "quick reference guide",
        "summary",
        "summary table",
        "at a glance",
        "recap",
        "cheat sheet",
        "quick facts",
        "in brief",
        "resumen",
        "resumo",
        "résumé",
        "riassunto",
        "zusammenfassung",
        "referencia rápida",
        "referência rápida",
    )
)
"""Headings of a box that sums the page up, in the languages notes come in."""
MIN_SUMMARY_POINTS = 2
MIN_TOLD_SHARE = 0.75
"""The share of a summary list's points the body told already, each word of them, that makes
the list a repeat."""


def _signs(text: str) -> frozenset[str]:
    """The comparison signs of an attribute: "If < 20 kg" and "If > 20 kg" ask two things, and
    so do "+ of 1 hour" and "–of 1 hour" (more or less than, as French slides write "de + de"
    and "de –de")."""
    return frozenset(_SIGN.findall(text))


_SIGN = re.compile(r"[<>≤≥+]|[–−](?=\w)")


MIN_CLOZE_REPEAT_DELETIONS = 2
"""Deletions two Cloze notes need in common before one counts as the other's copy: one figure
("10 %") recurs in a document by chance."""
MIN_CLOZE_REPEAT_WORDS = 4
"""Words (besides the deletions) the shorter of two such notes needs before they compare."""


def _one_cloze_each(notes: list[Note]) -> list[Note]:
    """The notes without a Cloze note that hides the same figures as an earlier one, in the
    same order, in nearly the same words: a summary's bullet ("We start X at 500 mg tds, up to
    1 g bd") restated in a later section's paragraph asks one fact twice. The earlier note is
    kept; words are compared as `_one_answer_each` compares answers, topic and heading aside
    (a section's front names its heading)."""
    seen: dict[tuple[str, ...], _Said] = {}
    kept = []
    for note in notes:
        if note.note_type != "cloze" or note.rule in _ASKED_ONCE:
            kept.append(note)
            continue
        hidden = tuple(plain(part).strip().lower() for part in DELETION.findall(note.front))
        if len(hidden) < MIN_CLOZE_REPEAT_DELETIONS:
            kept.append(note)
            continue
        told = plain(DELETION.sub(" ", note.front.rpartition(": ")[2])).lower()
        stems = frozenset(word[:4] for word in told.split() if len(word) > 2)
        kept.append(note)
        if len(stems) < MIN_CLOZE_REPEAT_WORDS:
            continue  # too few words to restate another, or to be restated: never compared
        earlier = seen.setdefault(hidden, _Said())
        if earlier.restates(stems):
            kept.pop()
        else:
            earlier.add(stems)
    return kept


class _Said:
    """The stems of the Cloze notes kept so far that hide one set of figures, and each stem's
    notes. A note restating another shares `MIN_CLOZE_REPEAT_WORDS` of its stems with it, so it
    holds one of any `len(stems) - MIN_CLOZE_REPEAT_WORDS + 1` of them: only the notes holding
    one of the rarest are compared (comparing each with every earlier one was quadratic: a
    paragraph of 5,000 lead-in lists cost 16 s of CPU)."""

    __slots__ = ("holding", "stems")

    def __init__(self) -> None:
        self.stems: list[frozenset[str]] = []
        self.holding: dict[str, list[int]] = {}

    def restates(self, stems: frozenset[str]) -> bool:
        """Whether `stems` restates (`_restates`) one of the notes; each has enough of them."""
        holding = self.holding
        rarest = sorted(stems, key=lambda stem: (len(holding.get(stem, ())), stem))
        some = rarest[: len(stems) - MIN_CLOZE_REPEAT_WORDS + 1]
        near = {index for stem in some for index in holding.get(stem, ())}
        return any(_restates(stems, self.stems[index], MIN_CLOZE_REPEAT_WORDS) for index in near)

    def add(self, stems: frozenset[str]) -> None:
        for stem in stems:
            self.holding.setdefault(stem, []).append(len(self.stems))
        self.stems.append(stems)


def _no_author_repeats(notes: list[Note]) -> list[Note]:
    """The notes without an author's question (the faq rule's: a `Question::Answer` flashcard,
    a `Q:` line) whose one-line answer another rule's Basic note of the document already gives:
    a page's `- **Onset**: slow, 36-72 h` and its closing flashcard "Why is the onset slow?::
    existing factors must run out, 36-72 h" ask one fact twice. The body's note is kept (its
    answer says as much or more, and it was carded first); the flashcard goes. An answer of a
    few words ("Yes", "Two fingers") or of several paragraphs (a quiz's chosen option and its
    explanation) is another question, not a copy; so is an abbreviation's note, which asks the
    letters the answer spells out."""
    if not any(note.rule == "faq" for note in notes):
        return notes
    asked = {
        index: answer
        for index, note in enumerate(notes)
        if note.rule == "faq" and note.note_type == "basic" and "\n" not in note.back.strip()
        if len(answer := _meaning(note.back)) >= MIN_RESTATED_WORDS
    }
    wanted = frozenset[str]().union(*asked.values())  # only these words are ever looked up
    said: dict[str, list[int]] = {}
    holders = 0  # a note holding too few wanted words restates no answer: the rest, numbered
    for note in notes:  # apart (the bits of a word's notes stay as narrow as they are few)
        # an abbreviation's letters asked ("What does EBSLN stand for?") are not the author's
        # question whose answer names it ("Which nerve is at risk?" — "… nerve (EBSLN).")
        if note.rule not in ("faq", "abbreviation") and note.note_type == "basic":
            shared = _meaning(f"{note.front.rpartition(': ')[2]} {note.back}") & wanted
            if len(shared) >= _LEAST_SHARED:
                for word in shared:
                    said.setdefault(word, []).append(holders)
                holders += 1
    holding = {word: (len(indices), _bits(indices)) for word, indices in said.items()}
    return [
        note
        for index, note in enumerate(notes)
        if index not in asked or not restated(asked[index], holding)
    ]


def _bits(indices: list[int]) -> int:
    """The set of indices as an int's bits (built in a bytearray: or-ing growing ints is slow)."""
    row = bytearray(indices[-1] // 8 + 1)
    for index in indices:
        row[index >> 3] |= 1 << (index & 7)
    return int.from_bytes(row, "little")


def restated(answer: frozenset[str], holding: dict[str, tuple[int, int]]) -> bool:
    """Whether one note holds 4 in 5 of the answer's words; `holding` gives each word's count
    of notes and those notes as the bits of an int. The notes missing at most j of the words
    read so far are kept as one int for each j up to the misses allowed (`present - need`), so
    each word costs a few `&` and `|` of ints, in C. Counting, for each answer, every note
    sharing any of its words cost the 20,000-item course 2.5 times its build; counting its
    rarest words still half the `cards` command (its common words sit in thousands of notes,
    once per flashcard). The count comes with the bits: `int.bit_count` of a 100,000-note int,
    for each word of each answer, was 85 % of this function's time."""
    need = -(-len(answer) * 4 // 5)  # the fewest shared words with shared * 5 >= len * 4
    present = [held for word in answer if (held := holding.get(word)) is not None and held[0]]
    missable = len(present) - need  # a note may miss this many of the words present, no more
    if not answer or missable < 0:
        return False
    present.sort(key=_count)  # the rarest first: the notes left thin out soonest
    missing_at_most = [-1] * (missable + 1)  # every note, none missed yet
    for _, bits in present:
        for j in range(missable, 0, -1):
            missing_at_most[j] = (missing_at_most[j] & bits) | missing_at_most[j - 1]
        missing_at_most[0] &= bits
        if not missing_at_most[missable]:
            return False
    return True


_count = operator.itemgetter(0)


def _meaning(text: str) -> frozenset[str]:
    """A text's words that carry meaning (`content_words`, figures kept) and its CJK characters,
    each of which carries meaning as a word does."""
    found = content_words(text, 1)
    if not text.isascii():
        found |= {c for c in plain(text) if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af"}
    return found


MIN_RESTATED_WORDS = 6
"""Words an answer needs before another's restating it counts: short answers ("IV", "Daily")
repeat by chance."""
_LEAST_SHARED = -(-MIN_RESTATED_WORDS * 4 // 5)
"""The fewest words a note restating an answer (4 in 5 of them, `restated`) shares with it."""
MAX_RESTATED_WORDS = 30
"""Words an answer may have to count: a definition is a sentence; a longer answer (an FAQ's
paragraph) shares words with its neighbours by topic, not by restating them."""


def _one_answer_each(notes: list[Note]) -> list[Note]:
    """The notes without a definition note restating, in other words, a definition given
    earlier in its section ("ANA definition: nursing is defined as the diagnosis and treatment
    of …", then "Nurse's responsibility: the duty is to diagnose and treat …"): the same fact
    asked twice. A definition is a note whose label says "definition" or whose answer says
    "defined as"; answers are compared by their longer words' first four letters ("diagnosis"
    and "diagnose" are one word) and count as one when nearly all (4 in 5) of the shorter one's
    words are in the other. Only sections holding a definition compare anything."""
    defined: dict[tuple[str, ...], list[frozenset[str]]] = {}
    kept = []
    for note in notes:
        if note.rule != "definition" or "\n" in note.back:
            kept.append(note)
            continue
        section = note.source.section
        label = note.front.rpartition(": ")[2].lower()  # "ANA definition?", not its section
        is_definition = "defin" in label or "defined as" in note.back.lower()
        if not is_definition and section not in defined:
            kept.append(note)
            continue
        stems = frozenset(word[:4] for word in note.back.lower().split() if len(word) > 3)
        if len(stems) < MIN_RESTATED_WORDS or len(stems) > MAX_RESTATED_WORDS:
            kept.append(note)
            continue
        earlier = defined.setdefault(section, [])
        if not is_definition and any(_restates(stems, other) for other in earlier):
            continue
        if is_definition:
            earlier.append(stems)
        kept.append(note)
    return kept


def _restates(one: frozenset[str], other: frozenset[str], least: int = MIN_RESTATED_WORDS) -> bool:
    small = min(len(one), len(other))
    return small >= least and len(one & other) * 5 >= small * 4


_ASKED_ONCE = frozenset(("table", "abbreviation"))


Asked: TypeAlias = tuple[frozenset[str], int]
"""A note's attribute as its content words, and the note's place among the kept notes."""


def _same_question(
    group: list[Asked], asked: frozenset[str], subject: frozenset[str]
) -> int | None:
    """The index of the group's note asking what the attribute of words `asked` asks: one holds
    the other's words and, besides them, only words of the subject."""
    for words, index in group:
        small, large = (words, asked) if len(words) <= len(asked) else (asked, words)
        if small and small <= large and large - small <= subject:
            return index
    return None


def _first_word(text: str) -> str:
    return text.split(" ", 1)[0].rstrip("?:,").lower()


def _no_table_repeats(notes: list[Note]) -> list[Note]:
    """The notes without a summary table's cells that a `**Label**: value` list already asks:
    "Furosemide in <topic>: class?" from a quick-reference row repeats "Furosemide (Lasix) in
    <topic>: Class?" from the drug's own section (the same subject, asides aside, and the same
    attribute), often with a shorter answer. Only documents with a table compare anything."""
    if not any(note.rule == "table" for note in notes):
        return notes
    asked = {_question(note) for note in notes if note.rule == "definition"}
    return [
        note
        for note in notes
        if note.rule != "table" or note.note_type != "basic" or _question(note) not in asked
    ]


def _question(note: Note) -> tuple[str, str]:
    """(subject without its asides, attribute) of a Basic note's "<subject>: <attribute>?"."""
    about, _, attribute = note.front.rpartition(": ")
    return normalise(_ASIDES.sub("", about)), normalise(attribute)


_ASIDES = re.compile(r"\s*\([^()]*\)")


class Said:
    """What a section's notes say, by the line each came from (front and back as plain
    lower-case text without cloze markup), worked out line by line when a last resort first
    asks: most blocks it reads it leaves before comparing anything."""

    __slots__ = ("_notes", "_text")

    def __init__(self, notes: tuple[Note, ...]) -> None:
        self._notes: dict[int, list[Note]] = {}
        for note in notes:
            self._notes.setdefault(note.source.line, []).append(note)
        self._text: dict[int, str] = {}

    def at(self, lines: Iterable[int]) -> str:
        """What the notes from these lines say."""
        found = []
        for line in lines:
            if line in self._notes:
                if line not in self._text:
                    self._text[line] = "\n".join(map(_said, self._notes[line]))
                found.append(self._text[line])
        return "\n".join(found)

    def all(self) -> str:
        """What every note of the section says."""
        return self.at(list(self._notes))


def _said(note: Note) -> str:
    text = f"{note.front}\n{note.back}"
    if "{{" in text:
        text = DELETION.sub(r"\1", text)
    text = plain(text)
    return (unescape(text) if "&" in text else text).lower()
