"""A measured figure stated in a sentence that no other rule carded becomes a cloze on the figure.

Handbooks and patient pages state their key numbers in their own words: "A fever of over 38 °C
in a baby under 3 months is a red flag", "Admit if Na <125 mEq/L", "Infuse 40 mg/kg over 20
minutes". The sentence rules read a few known shapes, and most such sentences fit none of them,
so the number a student is examined on made no card. This rule reads what is left: a sentence
of a paragraph, a list item or sub-item, or a plain line of a paragraph whose lines are separate
statements (a list that lost its bullets), holding a figure with a unit ("38 °C", "40 mg/kg",
"5 days", "<94%") or a comparison ("more than 3", "<125"), becomes "Temperature in fever: A
fever of {{c1::over 38 °C}} …", one deletion per figure (at most MAX_FIGURES; more only in
clauses kept apart by semicolons, a card per clause: `clause_groups`).

It is the registry's last resort (`Rule.fallback`): it is told what the section's other notes
say, by the line each came from (`Context.made`), and leaves a sentence that a note of its block
asks, or whose figure one states ("Dose: 40 mg" asked by the definition rule), to that note; the
sentences a note left out (a paragraph's answer keeps its first) are read, and so are the
steps of a procedure asked a few at a time (`enumeration.is_procedure_part`): that long answer
does not test a figure inside one step. Never a worked
example, a calculation (`=`, `×`), a preparation recipe ("dilute … in 20 mL", or a list of
steps the enumeration rule reads as one: `enumeration.is_preparation`), a contact line, a
long sentence or a bare figure with no words round it; a solution's strength ("0.9% sodium
chloride") is part of its name. A sentence that does not name the section's subject is opened by
it ("Disposition in hyponatremia: Admit if Na {{c1::<125 mEq/L}}"), and a list item by its
lead-in or parent item too (a parent longer than a topic by its words before a clause: "continue
the drip", not "continue the drip until the patient eats"); a long sentence shows only the clause
its figures need (`text.clause_of`), never an opening connective ("However, …"), and a range's
lower bound in words goes with the figure ("{{Seven to 40 days}}"); a checklist's "☐ …" lines
are read alone.
A figure a heading above states ("Final concentration 0.4 units/ml" under
"Mixing (0.4 U/mL)") is no deletion: the source line shows it; nor is a figure only in the
bracketed qualifier of a condition when the instruction follows it ("If … staggered (> 1 hour
between doses), treatment is started at once": no card). A sentence that points back at
the one before it ("… checked 5 days after starting these drugs", "They …") shows that sentence
before it when it is short, else makes no card: alone it cannot be answered. A heading giving
its stage's duration in brackets (`### 2. Refill (0.3 seconds)`) asks it: "Refill in <topic>:
duration?" -> "0.3 seconds" (`_heading_duration`); one giving its kind's share (`### Ischaemic
(85% of cases)`) hides the share in its own words. The key is the whole sentence with its
figures masked, so correcting a figure in a later release keeps the note (and its review
history).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from html import unescape
from itertools import pairwise

from ..document import Block, ListBlock, ListItem, Paragraph, Section
from ..notes import Note, cloze, deletion, literal, make_key
from ..text import (
    FIGURE,
    clause_of,
    content_words,
    ends_mid_phrase,
    given_strength,
    heading_text,
    is_advert,
    is_flattened,
    is_total,
    leans_back,
    names_a_strength,
    names_topic,
    normalise,
    plain,
    split_number,
    split_sentences,
    twinned,
    whole_range,
    without_asides,
    without_citations,
    without_connective,
    without_reference_marks,
)
from .context import Context, Said
from .definition import bold_label, defined_term, is_instruction, joining_items
from .enumeration import is_fragment_lead, is_preparation, is_procedure_part, is_whole_list
from .faq import answered_blocks
from .figure import PIPE_ROWS, measures, reports_statistics
from .leads import (
    bold_subject,
    captions,
    claim_term,
    is_claim,
    is_example,
    is_example_text,
    is_flag,
    item_subject,
    lead_of,
    names_no_facet,
    opens_with_it,
    out_of_math,
)

MAX_FIGURES = 3
"""A sentence with more figures is a table written as text: its clozes would show each other."""
MAX_SENTENCE_WORDS = 45
MIN_OTHER_WORDS = 2
"""A bare figure ("38 °C") with no words round it states nothing to ask."""
MAX_LEAD_WORDS = 12

_BRANDED_VALUE = re.compile(
    r"^[^\W\d_][\w'’-]*(?:\s+[^\W\d_][\w'’-]*)?\s*\([A-ZÀ-Þ0-9®™ &-]{2,}\)\s*"
    r"[<>≤≥~]?\s*\d[\d.,]*\s*(?:[-–]\s*\d[\d.,]*\s*)?[^\W\d_µ%]{0,5}\.?$"
)
"""A drug's name, its brand in capitals and a figure, and nothing else ("Velbarin (VELBAX) 25
h", a slide's list line): a row of a table whose column header the slide never wrote; a cloze
on the figure asks a quantity it does not name."""
_DIGIT = re.compile(r"\d")
_WORKED = re.compile(r"\d\s*(?:=|×|\*|÷)\s*\d|\d\s*[x×]\s*\d+(?:\.\d+)?\s*=|\s[*×÷]\s")
"""A calculation or formula ("990 × 0.95 = 940.5", "Na + 2.4 * (BG - 100)"): its numbers hold
for that example only, or are asked as the formula."""
_CONTACT = re.compile(
    r"\b(?:call|phone|telephone|ring|helpline|hotline|contact|email|e-mail|website|visit|open)\b"
    r"|\blink\b|^see\s+(?:also|page|section|chapter|the\s+(?:\w+\s+){0,2}(?:link|page|guide|guideline|website|leaflet|table|figure))\b|https?://|www\.|@",
    re.IGNORECASE,
)
"""A line telling where to reach someone or what to read ("The helpline is open 24 hours a
day", "See the guideline link for children (0-12 years)"): no fact."""
_CONTACT_PARTS = (
    "call", "phone", "ring", "helpline", "hotline", "contact", "mail", "website", "visit",
    "open", "link", "see", "http", "www.", "@",
)  # fmt: skip
"""A part of each `_CONTACT` word (in any case)."""


def _contact(prose: str) -> bool:
    """`_CONTACT` finds a word in the prose. ASCII prose with no part of its words (most) is
    passed at once: `in` finds that faster than the pattern, which tries each word at every
    position."""
    if prose.isascii():
        lowered = prose.lower()
        if not any(part in lowered for part in _CONTACT_PARTS):
            return False
    return _CONTACT.search(prose) is not None


_WEB = re.compile(r"https?://|www\.|@")
"""A paragraph giving an address: its figures are a page's or a phone's. (A contact word in
one sentence of a paragraph, "open flames", leaves the others' figures asked.)"""
_RECIPE = re.compile(
    r"\b(?:dilut\w*|ma(?:k|d)e\s+up(?!\s+(?:of|for|to)\b)|reconstitut\w*|draw\s+up)\b"
    r"|^calculate\b",
    re.I,
)
"""A preparation recipe ("Make up a 100 mg/mL solution by diluting 2 g in 20 mL") or a step of
a calculation ("Calculate the rate to be given over 24 h"): how it is worked out, no fact.
What a thing is made up of ("Plasma is made up of about 90% water"), and a calculated value
("Calculated osmolality above 295"), are facts."""
_OPTION = re.compile(r"^\(?[a-eA-E][).]\s")
"""A quiz's lettered option or answer ("b) 48 hours, unless it leaks")."""
_FLAG = re.compile(r"^([^:]{1,30}):\s+")
_LEFTOVER = re.compile(r"==|\*\*|`|\]\(|\[\[|\{\{|<[a-z/]")
"""Markup the reader left as written (a stray `==`, a wikilink): a card would show it."""
_LABEL_LINES = re.compile(r"\n[ \t]*(?:\*\*|__)")
"""A paragraph whose later line opens with bold: labelled lines (`**A:** x` / `**B:** y`), each
its own statement, none the subject of the whole; a label over a hard-wrapped text is."""
_LINE_GOES_ON = re.compile(r"(?:[,;:(–-]|\b(?:and|or|of|the|a|an|to|with|in|for|by|at))$", re.I)


def extract(section: Section, ctx: Context) -> list[Note]:
    if ctx.in_faq or is_example(None, section):
        return []
    asked = answered_blocks(section.blocks)  # a quiz item's stem and options
    asked |= captions(section.blocks)  # a picture's caption: how its study was done
    made = tuple(note for note in ctx.made if not is_procedure_part(note))
    said = Said(made)
    # a figure the author set in bold in a list answered whole ("Report a gain of **>2 kg in
    # 3 days**"): the key threshold, which the list's long answer does not test
    marked = Said(tuple(note for note in made if not is_whole_list(note)))
    notes: list[Note] = []
    if section.level and section.title.endswith(")"):
        notes.extend(_heading_duration(section, ctx))
    seen: set[str] = set()
    previous: Block | None = None
    for index, block in enumerate(section.blocks):
        before, previous = previous, block
        if index in asked:
            continue
        if isinstance(block, Paragraph):
            if _DIGIT.search(block.text) is None:
                continue  # every figure has a digit: the cheap look first
            lead = lead_of(before) if isinstance(before, Paragraph) else None
            if lead is not None and is_example(lead, section):
                continue
            count = block.text.count("\n") + 1
            here = said.at(range(block.line, block.line + count))
            labelled = None if _LABEL_LINES.search(block.text.strip()) else bold_label(block.text)
            about, body = labelled if labelled is not None else ("", block.text)
            if is_flag(about):
                about = ""  # "**Note:** …" flags the text; it names nothing
            body = body[:1].upper() + body[1:]
            for text in _lines(body):  # "**Initial workup** — …" is about the workup
                notes.extend(_note(text, about, here, block.line, section, ctx, seen))
        elif isinstance(block, ListBlock):
            opening = _lead(before)
            said_before = before.text if isinstance(before, Paragraph) else ""
            if is_preparation(block, said_before, section.title):
                continue  # a recipe's volumes: its steps are asked together (enumeration)
            joining = joining_items(block)
            for item, about, lines in _items(block, opening, (block.line,)):
                if item.line in joining:
                    continue  # "Reading: 130-139/80-89" beside its two halves, asked already
                first = _first_line(item.text)
                if _DIGIT.search(first) is not None:
                    here = (marked if _BOLD_FIGURE.search(first) else said).at(lines)
                    bold = bold_subject(first) or defined_term(item)  # `- term : …`
                    notes.extend(_note(first, about, here, item.line, section, ctx, seen, bold))
    return notes


_LASTING = re.compile(
    r"(?P<name>[^()]+?)\s*\((?P<value>~?\s*\d+(?:\.\d+)?"
    r"(?:\s*(?:-|–|to)\s*\d+(?:\.\d+)?)?\s*"
    r"(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?))\)",
    re.IGNORECASE,
)
"""A heading naming a stage and how long it lasts in its brackets: `### Refill (0.3 seconds)`."""


_LETTER = re.compile(r"[^\W\d_]")


def _heading_duration(section: Section, ctx: Context) -> list[Note]:
    """The duration a heading gives its stage in brackets, `### 2. Refill (0.3 seconds)`, asked
    as that stage's fact ("Refill in topic: duration?" -> "0.3 seconds"): the section under it
    tells what happens, never how long, so no other note asks it."""
    title = heading_text(section.title)
    found = _LASTING.fullmatch(title)
    if found is None:
        return _heading_share(title, section, ctx)
    name = found.group("name").strip(" -–—:")
    if _LETTER.search(name) is None:
        return []
    front = f"{ctx.situate(name)}: duration?"
    key = make_key("measure", section.path, name, section.pin, "duration")
    return [ctx.note("measure", "basic", front, found.group("value"), key, section, section.line)]


_SHARE = re.compile(r"(?P<name>[^()]+?)\s*\((?P<value>~?\s*\d+(?:[.,]\d+)?\s*%)(?P<rest>[^()]*)\)")
"""A heading naming a kind and its share in brackets: `### Ischaemic (85% of cases)`."""


def _heading_share(title: str, section: Section, ctx: Context) -> list[Note]:
    """The share a heading gives its kind in brackets (`### Ischaemic stroke (85% of cases)`),
    asked as a cloze of the heading's own words ("Ischaemic stroke ({{85%}} of cases)"), so a
    document in any language is asked in its own: the section under it tells what the kind
    is, never how common."""
    found = _SHARE.fullmatch(title)
    if found is None or _LETTER.search(found.group("name")) is None:
        return []
    name = found.group("name").strip(" -–—:")
    topic = ctx.topic
    opening = f"{topic[:1].upper()}{topic[1:]}: " if topic and not names_topic(name, topic) else ""
    text = f"{literal(opening + name)} ({deletion(1, found.group('value'))}"
    text += f"{literal(found.group('rest'))})"
    key = make_key("measure", section.path, name, section.pin, "share")
    return [ctx.note("measure", "cloze", text, "", key, section, section.line)]


_BOLD_FIGURE = re.compile(r"(\*\*|__)[^*_\n]*?\d[^*_\n]*?\1")
"""A bold span holding a figure (`**>2 kg in 3 days**`)."""


def _lead(before: Block | None) -> str:
    """A list's lead-in sentence or label ("Admit if:"), as a front opens with it; of a lead-in
    of several sentences, the last, which leads the list ("… keep a diary. Advice:")."""
    if not isinstance(before, Paragraph):
        return ""
    text = without_reference_marks(plain(before.text)).strip()
    said = split_sentences(text) if ". " in text else []
    text = said[-1].strip() if said else text
    if not text.endswith(":") or len(text.split()) > MAX_LEAD_WORDS or is_example_text(text):
        return ""
    if names_no_facet(text) or is_fragment_lead(text):
        return ""  # "Each of the following points is important in …:" says only that they matter
    return text.rstrip(":").strip()


def _items(
    block: ListBlock, about: str, lists: tuple[int, ...]
) -> Iterator[tuple[ListItem, str, tuple[int, ...]]]:
    """Each item and sub-item, with what it is said about (the list's lead-in, or for a
    sub-item its parent item: "Paracetamol +/- codeine" over its doses) and the lines notes
    about it may come from (its own, its list's and the lists around that)."""
    for item in block.items:
        yield item, about, (*lists, item.line)
        head = without_reference_marks(plain(item.text.split("\n", 1)[0])).strip().rstrip(":")
        if _claimed(item.text.split("\n", 1)[0]):
            head = _claim_subject(head)
        elif _DIGIT.search(head) is not None:
            head = _named_part(head)
        elif len(head.split()) > MAX_TOPIC_WORDS:
            head = _subject_part(head)
        inner_about = head if 0 < len(head.split()) <= MAX_LEAD_WORDS else about
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                yield from _items(inner, inner_about, (*lists, item.line, inner.line))


_WHOLE_BOLD = re.compile(r"\s*(\*\*|__)(?P<inner>[^*_](?:(?!\1).)*?)\1\s*:?\s*")


def _claimed(line: str) -> bool:
    """An item that is one bold sentence (`- **Ward patients need A plus B.**`) over its
    evidence: a claim, whose sentence is no topic for the points under it."""
    whole = _WHOLE_BOLD.fullmatch(line)
    return whole is not None and is_claim(whole.group("inner"))


def _claim_subject(claim: str) -> str:
    """The subject a claim turns on ("Ward patients"), when short (`leads.claim_term`), or the
    label it opens with, as its sub-items' topic; "" when it has none, so they take the list's
    own topic (its heading): the whole sentence on a front ("Every empyema needs drainage.:
    Criteria?") reads as neither a topic nor a question."""
    label, colon, _ = claim.partition(":")
    if colon and 0 < len(label.split()) <= MAX_TOPIC_WORDS:
        return _subject_part(label.strip())  # `**ICU patients (severe): never C alone.**`
    term = claim_term(claim)
    return claim[term[0] : term[1]].strip() if term is not None else ""


def _first_line(text: str) -> str:
    """An item's first line with the lines its author's hard wrap cut from it: each next line
    while the one before ends mid-phrase (a comma, "and"). A line that ends a phrase stays
    apart: the next may be a line of its own ("Facts  " then "Explanation …") or a paragraph the
    item took in ("- coma" then "however, …"). Cut at its wrap, the card read "RF: {> 65
    years}, ulcer history, infection ,"."""
    lines = text.split("\n")
    first = lines[0]
    for line in lines[1:]:
        if not line.strip() or _LINE_GOES_ON.search(first.rstrip()) is None:
            break
        first = f"{first.rstrip()} {line.strip()}"
    return first


def _named_part(head: str) -> str:
    """A parent item holding figures names its sub-items' subject before its condition or
    figure ("BP management until systolic <150" -> "BP management"): the figures are its own
    facts, asked on their own, and on a sub-item's front they would show another card's answer.
    "" when no part before them names anything."""
    cut = _HEAD_QUALIFIER.search(head)
    named = head[: cut.start()].strip() if cut is not None else ""
    return named if named and _DIGIT.search(named) is None else ""


def _subject_part(head: str) -> str:
    """A parent item longer than a topic is an instruction or a sentence ("continue the drip
    until the patient eats and drinks normally"): its sub-items' subject is its words before a
    clause or an aside ("continue the drip"), or the whole when none is cut off. A comma cuts
    nothing: it more often goes on listing ("Give fluids, insulin, potassium and …")."""
    cut = _CLAUSE_CUT.search(head)
    named = head[: cut.start()].strip() if cut is not None else ""
    return named if len(named.split()) >= 2 else head


MAX_TOPIC_WORDS = 8
"""A sub-item's subject longer than this is cut to its words before a clause."""
_CLAUSE_CUT = re.compile(
    r"[:;]|\s(?:if|until|when|whenever|unless|while|because|since|so that|as long as)\s"
    r"|\s[(\[]|\s[-–—]\s",
    re.IGNORECASE,
)
_HEAD_QUALIFIER = re.compile(
    r":|\s(?:if|until|when|unless|while|for|at|to|of)\s|\s[(\[]|\s[-–—]\s|,", re.IGNORECASE
)


def _said(sentence: str, spans: list[tuple[int, int]], said: str) -> bool:
    if sentence.lower() in said:
        return True
    return any(" ".join(sentence[start:end].lower().split()) in said for start, end in spans)


_BOX = re.compile(r"^[☐☑☒□▢]\s*")
"""A tick box opening a line: the line is an item of a checklist, the box no word of it."""


def _lines(text: str) -> list[str]:
    """A paragraph's statements: its lines when each is one (a list that lost its bullets,
    "Admit if Na <125" / "Consult nephrology", or a checklist's "☐ …" lines, read without their
    boxes; a line cut on "over", "de" … with the next), else the paragraph as one text."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    if len(lines) > 1 and all(_BOX.match(line) for line in lines):
        return [_BOX.sub("", line) for line in lines]  # a checklist: "☐ Saline 200 mL"
    lines = _rejoined(lines)
    if len(lines) > 1 and all(
        _LINE_GOES_ON.search(first) is None
        and (second[:1].isupper() or second[:1].isdigit())
        and not _WRAPPED.search(first)
        for first, second in pairwise(lines)
    ):
        return lines
    return [text]


def _rejoined(lines: list[str]) -> list[str]:
    """The lines with each one a hard wrap cut on a word that never ends a sentence ("… given
    IV over" / "15 seconds.") joined to the next: read alone, each half was a statement."""
    joined: list[str] = []
    for line in lines:
        if joined and ends_mid_phrase(joined[-1]):
            joined[-1] = f"{joined[-1]} {line}"
        else:
            joined.append(line)
    return joined


_WRAPPED = re.compile(r"[.!?]\s+\S.*[^\W\d]$")
"""A line holding a sentence's end and then the opening words of another that it stops in (`…
delay 4-6h. Lasts` / `4-6 hours.`): prose a converter wrapped to a width, not a statement a
line."""


def _note(
    text: str,
    about: str,
    said: str,
    line: int,
    section: Section,
    ctx: Context,
    seen: set[str],
    bold: str = "",
) -> list[Note]:
    """The cloze notes of a text's sentences that hold figures no note of its block says.
    `bold` is the subject the text opens with (`leads.bold_subject`): a clause cut off from it
    is opened by it."""
    if _DIGIT.search(text) is None:
        return []  # every figure has a digit (and most text has none: the cheap look first)
    prose = without_citations(
        without_reference_marks(unescape(plain(text)))
    ).strip()  # "BNP &gt; 100 pg/mL"
    if said and prose.lower() in said:
        return []  # another rule's note asks the whole text
    flag = _FLAG.match(prose)
    if flag is not None and is_flag(flag.group(1)):
        prose = prose[flag.end() :]  # "Note: some wards count for 30 seconds"
        prose = prose[:1].upper() + prose[1:]
    if not prose or PIPE_ROWS.match(text) or _LEFTOVER.search(prose) or _OPTION.match(prose):
        return []  # a table row left as text, markup left as written, a quiz's option
    if (
        _RECIPE.search(prose)
        or is_advert(prose)
        or is_example_text(prose)
        or _WEB.search(prose)
        or _WORKED.search(prose)
        or split_number(prose)  # "Pre-meal 801 30 mg%": a figure the extraction broke
    ):
        return []
    notes: list[Note] = []
    above = _figures_above(section, ctx.document, about)
    sentences = split_sentences(prose)
    for number, sentence in enumerate(sentences):
        if reports_statistics(sentence):
            continue  # "… adjusted OR 0.46 (95% CI …)": how a study counted, no fact
        if _contact(sentence):
            continue  # a contact line among facts ("The helpline is open 24 hours")
        spans = [
            match.span()
            for match in (FIGURE.finditer(sentence) if _DIGIT.search(sentence) else ())
            if not names_a_strength(sentence[match.end() :])  # "3% hypertonic saline"
        ]
        spans = whole_range(sentence, twinned(sentence, spans))  # "{{c1::above 38.5°C (101.3°F)}}"
        if "\\" in sentence:
            kept = out_of_math(sentence, spans)  # "{{c1::\\( 5 mg/kg \\)}}", never inside it
            if any(not any(k[0] <= a and b <= k[1] for k in kept) for a, b in spans):
                continue  # a formula's figures: shown, it is the fact a card of the rest hides
            spans = kept
        if spans and above:
            spans = [span for span in spans if not _shown_above(sentence[slice(*span)], above)]
        if spans:
            spans = _series(sentence, measures(sentence, spans))  # "20, {{40}} and 80 mg"
        if spans and _EXAMPLE_CUE.search(sentence):
            spans = [span for span in spans if not _in_example(sentence, span[0])]
        doses = _dose_spans(sentence, spans)
        if doses:
            spans = doses  # "lipid emulsion 20% 100 cc IV (if <70 kg, …)": the doses asked
        limit = MAX_FIGURES + 1 if doses else MAX_FIGURES
        groups = clause_groups(sentence, spans) if len(spans) > limit and not doses else None
        if not spans or (len(spans) > limit and groups is None):
            continue  # a table written as text ("men 4, women 3, children 2, infants 1")
        if sentence.endswith((":", "?")) or is_total(sentence):
            continue  # a lead-in, a question (it asks, states nothing) or a sum
        if ends_mid_phrase(sentence):
            continue  # cut by a hard wrap ("… given IV over"): its figure's meaning is cut off
        if _side_qualifier(sentence, spans):
            continue
        if said and _said(sentence, spans, said):
            continue  # another rule's note asks it, or states one of its figures
        words = len(sentence.split())
        shown = len(FIGURE.sub(" ", sentence).split())
        if doses:  # the strength left visible is a word of the card too ("100% O2 {{…}}")
            shown = len(" ".join(sentence[a:b] for a, b in _gaps(sentence, spans)).split())
        if words > MAX_SENTENCE_WORDS or shown < MIN_OTHER_WORDS:
            continue
        if _BRANDED_VALUE.match(sentence) is not None:
            continue  # "Drug (BRAND) 25 h": which quantity the hours are the line never says
        if is_flattened(sentence):
            continue  # a table or list flattened into a line: "Severity Mild Severe Coma (GCS <8)"
        masked = FIGURE.sub("#", sentence)
        if normalise(sentence) in seen:
            continue  # the same statement said again: the first is asked
        # the same words with other figures (`Drug 4 mg/4 mL - vial 4 mL` beside `Drug 8 mg/4
        # mL - vial 4 mL`): a statement of its own, keyed by its figures too (the first keeps
        # the key it always had)
        figured = (normalise(sentence),) if normalise(masked) in seen else ()
        clause, spans = (  # the key stays the whole sentence's
            (sentence, spans) if groups else clause_of(sentence, spans)
        )
        referent = ""
        if number and _generic_subject(clause):  # "Injectable solution is 10 mg/mL": whose?
            owner = _named_before(sentences, number)
            if not owner:
                continue
            referent = f"{owner} —"
            if clause[1:2].islower():
                clause = clause[:1].lower() + clause[1:]
        elif (
            leans_back(clause)
            or (number and _it_of_another(clause, sentences[number - 1], section))
            or _said_after(clause)
            or (number and _no_subject(clause))
            or (number and _after_instruction(clause, sentences[number - 1]))
        ):
            referent = _referent(sentences, number)
            if not referent:
                continue
        if not referent:  # "However, …": what it answers is not on the card
            clause, spans = without_connective(clause, spans)
        seen.update((normalise(masked), normalise(sentence)))
        stated = f"{referent} {clause}" if referent else clause
        if bold and bold.lower() not in stated.lower():  # "Nitrates: contraindicated if …"
            about = f"{about} — {bold}" if about and about.lower() not in bold.lower() else bold
        opening = f"{about}: " if about and about.lower() not in stated.lower() else ""
        heading = ctx.heading(section)
        named = [thing for thing in (ctx.subject(section), ctx.topic) if thing] or [heading]
        if not all(names_topic(opening + stated, thing) for thing in named):
            # "Infuse 40 mg/kg over 20 minutes" under "Magnesium sulphate" names neither
            opening = f"{heading} — {opening}" if opening else f"{heading}: "
        if referent:
            opening = f"{opening}{referent} "
        text_ = literal(opening) + cloze(clause, spans, groups or _same_amounts(clause, spans))
        key = make_key("measure", section.path, masked, section.pin, normalise(masked), *figured)
        notes.append(ctx.note("measure", "cloze", text_, "", key, section, line))
    return notes


MAX_CLAUSE_FIGURES = 2
_SEMICOLON = re.compile(r";\s+")


def clause_groups(sentence: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """A sentence with more figures than MAX_FIGURES whose clauses, kept apart by semicolons,
    hold MAX_CLAUSE_FIGURES or fewer each ("risky above 4 a day or 14 a week in men; above 3 a
    day or 7 a week in women"): each clause's figures are hidden together on a card of their
    own, a card per clause (the cloze number of each span); None when it is not so written
    (a table written as text: its clozes would show each other)."""
    cuts, depth, read = [], 0, 0
    for found in _SEMICOLON.finditer(sentence):  # each stretch counted once: a long line is linear
        at = found.start()
        depth += sentence.count("(", read, at) - sentence.count(")", read, at)
        read = at
        if depth == 0:
            cuts.append(at)
    if not cuts:
        return None
    clauses = [bisect_left(cuts, start) for start, _ in spans]
    numbered = sorted(set(clauses))
    if not 2 <= len(numbered) <= MAX_FIGURES:
        return None
    if any(clauses.count(clause) > MAX_CLAUSE_FIGURES for clause in numbered):
        return None
    return [numbered.index(clause) + 1 for clause in clauses]


_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?)\s*([a-zµμ%°])", re.IGNORECASE)
"""A number and the first letter of its unit ("0.4 U/mL" -> ("0.4", "u"))."""


def _figures_above(section: Section, title: str, about: str = "") -> frozenset[tuple[str, str]]:
    """The amounts the headings above a section and the document's title state, as `_AMOUNT`
    reads them: shown in the source line over every card of the section; and those of the
    label its cards open with (`about`: "If pulse < 60/min:" over "Stop once it is > 60/min"),
    printed on the front itself."""
    headings = " ".join((title, *section.path, about))
    if _DIGIT.search(headings) is None:
        return frozenset()
    return frozenset(
        (number, unit.lower())
        for figure in FIGURE.finditer(headings)
        for number, unit in _AMOUNT.findall(figure.group())
    )  # figures only: "Type 2 diabetes" states no amount to hide "every 2 days" by


def _same_amounts(clause: str, spans: list[tuple[int, int]]) -> list[int] | None:
    """One cloze number for the figures of a clause that state the same amounts ("started
    below {{60/min}} and stopped once above {{60/min}}"): on two cards each would print the
    other's answer. None when every figure states its own."""
    amounts = [_BOUND_SIGNS.sub("", clause[start:end]).lower() for start, end in spans]
    if len(set(amounts)) == len(amounts) or not all(_DIGIT.search(each) for each in amounts):
        return None
    first = list(dict.fromkeys(amounts))
    return [first.index(amount) + 1 for amount in amounts]


_BOUND_SIGNS = re.compile(r"[<>≤≥=\s]+")
"""What a figure states beside its amount: its bound's sign, and spaces ("> 60 bpm", "<60bpm")."""


def _shown_above(figure: str, above: frozenset[tuple[str, str]]) -> bool:
    """A figure the source line shows already ("Final concentration 0.4 units/ml" under
    "Mixing instructions (0.4 U/mL)"): its every amount, unit letter and all, is in a heading.
    Deleted, it would be an answer printed over its question."""
    found = [(number, unit.lower()) for number, unit in _AMOUNT.findall(figure)]
    return bool(found) and all(amount in above for amount in found)


_CONDITION_OPENING = re.compile(r"^(?:if|when|whenever|unless|once|where|in case)\b", re.I)
_BRACKETED = re.compile(r"\([^()]*\)")
_MAIN_CLAUSE = re.compile(r"^\s*,\s*(?P<main>\S.*)$")
MIN_MAIN_WORDS = 4


def _side_qualifier(sentence: str, spans: list[tuple[int, int]]) -> bool:
    """Every figure is a bracketed qualifier of a condition ("If … staggered (> 1 hour between
    doses), acetylcysteine is started at once"), while the instruction it leads to stands,
    figure-free, after it: hiding the qualifier asks a side detail and shows the fact. No card
    (the sentence's other rules ask the instruction, if any)."""
    if "(" not in sentence or _CONDITION_OPENING.match(sentence) is None:
        return False
    for bracket in _BRACKETED.finditer(sentence):
        if all(bracket.start() < start and end < bracket.end() for start, end in spans):
            main = _MAIN_CLAUSE.match(sentence[bracket.end() :])
            return main is not None and len(main.group("main").split()) >= MIN_MAIN_WORDS
    return False


MAX_REFERENT_WORDS = 25


def _referent(sentences: list[str], number: int) -> str:
    """The sentence before a sentence that points back at it ("Thiazides, ACE inhibitors and
    NSAIDs reduce lithium clearance. … checked 5 days after starting these drugs"), shown
    before it so that the card says which; "" when there is none in its text, or it is long or
    points back itself: then the sentence makes no card."""
    if not number:
        return ""
    before = sentences[number - 1]
    if len(before.split()) > MAX_REFERENT_WORDS or leans_back(before) or before.endswith(":"):
        return ""
    return before


_SERIES_JOINS = frozenset({"and", "or", "ou", "o", "oder", "y", "et", "und", "e"})
"""The words that join a series' last value in the languages the builder reads: "and", "or";
French "et", "ou"; Spanish "y", "o"; Portuguese and Italian "e", "ou"/"o"; German "und", "oder"."""
_SERIES = re.compile(
    r"(?<![\w.,])(?P<series>(?:\d+(?:[.,]\d+)?\s*,\s*)*\d+(?:[.,]\d+)?)\s*,?\s+"
    rf"(?:{'|'.join(sorted(_SERIES_JOINS, key=len, reverse=True))})\s+$"
)
"""Bare numbers listed before a figure's unit takes them all: "20, 40, and 80 mg", "8 or 10
mg/mL", "0,2 ou 0,3 mg" (a decimal comma), "8 oder 15 Tage"."""
_RANGE_OPENING = re.compile(r"\b(?:between|from|entre|zwischen|tra|fra)\s+$", re.IGNORECASE)
"""A range's opening word: "between 2 and 4 mg", "entre 2 et 4 mg", "zwischen 2 und 4 mg"."""


def _series(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans with a series of bare numbers that shares the next figure's unit ("in 20,
    40, and 80 mg tablets", "de 0,2 ou 0,3 mg") hidden whole with that figure: one answer, one
    deletion (so it counts once against MAX_FIGURES). Hidden alone, the last value was trivia
    the values shown beside it gave no way to recall; each hidden alone, a series over the
    limit made no note. A range opened by its word in another language ("entre 2 et 4 mg",
    "zwischen 2 und 4 mg") is hidden whole with that word, as `FIGURE` takes "between 2 and 4
    mg" whole."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        found = _series_before(sentence, start)
        if found is not None and not any(a < start and b > found.start() for a, b in out):
            opening = _RANGE_OPENING.search(sentence, 0, found.start())
            start = found.start("series") if opening is None else opening.start()
        out.append((start, end))
    return out


def _series_before(sentence: str, start: int) -> re.Match[str] | None:
    """`_SERIES` ending at `start`, searched for only from where its numbers can begin: it
    holds digits, separators and spaces up to its joining word, so the search starts at the
    run of those before that word (from the sentence's start, a line of 30,000 figures
    searched it 30,000 times whole)."""
    at = start
    while at > 0 and sentence[at - 1].isspace():
        at -= 1
    if at == start:
        return None
    word = at
    while word > 0 and sentence[word - 1].isalpha():
        word -= 1
    if sentence[word:at] not in _SERIES_JOINS:
        return None
    at = word
    while at > 0 and (sentence[at - 1] in _SERIES_CHARACTERS or sentence[at - 1].isspace()):
        at -= 1
    return _SERIES.search(sentence, at, start)


_SERIES_CHARACTERS = frozenset("0123456789.,")
_SUBJECT = re.compile(
    r"^(?P<subject>\S.*?)\s+(?:is|are|was|were|comes?|has|have|averages?|contains?|lasts?"
    r"|ranges?|varies|vary|can|may|should|will|must)\b",
    re.IGNORECASE,
)
"""A sentence's subject: its words before its first verb."""
_GENERIC_WORDS = frozenset(
    """
    the a an this these that those its their it they both all each either two three four
    between of for in by oral orally iv im sc intravenous intramuscular subcutaneous injectable
    injection injections solution solutions tablet tablets capsule capsules syrup syrups
    suspension suspensions form forms formulation formulations preparation preparations powder
    vial vials ampoule ampoules liquid liquids dose doses dosing administration route routes
    strength strengths drug drugs
    """.split()
)
"""Words of a subject that names no thing of its own: a form, a route, a pronoun, a count.
A subject of such words with a form or a count among them (`_FORM_WORDS`) is generic; one
that is only a pronoun ("It", "They") is `leans_back`'s, shown with the sentence before."""
_FORM_WORDS = frozenset(
    """
    both all three two injection injections solution solutions tablet
    tablets capsule capsules syrup syrups suspension suspensions formulation formulations
    powder vial vials ampoule ampoules liquid liquids dose doses dosing administration
    """.split()
)
MAX_NAMED_WORDS = 3


def _generic_subject(clause: str) -> bool:
    """The clause's subject is a form, a route or a count of a thing named before it
    ("Injectable solutions come in 10 mg/mL", "Oral administration between the three averages
    …"): alone on a card it says of no drug which."""
    found = _SUBJECT.match(plain(clause).strip())
    if found is None:
        return False
    words = [word.strip(",;:()").lower() for word in found["subject"].split()]
    return all(word in _GENERIC_WORDS for word in words) and any(
        word in _FORM_WORDS for word in words
    )


def _named_before(sentences: list[str], number: int) -> str:
    """The thing the nearest sentence before `number` with a subject of its own names, when
    that subject is a name of a few words ("Furosemide comes in …"); "" when it is not (a
    quantity, "The half-life for furosemide is …": what the generic sentence measures is not
    shown), or there is none."""
    for before in reversed(sentences[:number]):
        found = _SUBJECT.match(plain(before).strip())
        if found is None:
            return ""
        words = found["subject"].split()
        lowered = [word.strip(",;:()").lower() for word in words]
        if all(word in _GENERIC_WORDS for word in lowered):
            continue  # another generic sentence: the name is further back
        if len(words) > MAX_NAMED_WORDS or not words[0][:1].isalpha():
            return ""
        if any(word in _GENERIC_WORDS or _DIGIT.search(word) for word in lowered):
            return ""  # "The half-life for X": a quantity, not a name
        return found["subject"].strip()
    return ""


def _in_example(sentence: str, start: int) -> bool:
    """The figure at `start` stands in brackets that open with an example's cue ("written as
    upper over lower (for example, 130/85 mmHg)"): it shows how a value looks, no fact to
    recall. A figure after a cue outside brackets ("…, e.g. 2 weeks in children", "For example,
    X is started at 15 mg") states a case of the fact and is still asked."""
    for cue in _EXAMPLE_CUE.finditer(sentence, 0, start):
        opened = sentence.rfind("(", 0, cue.start() + 1)
        if opened < 0 or sentence[opened + 1 : cue.start()].strip():
            continue
        closed = sentence.find(")", opened)
        if closed < 0 or closed >= start:
            return True  # "(for example, 130/85)": the bracket is the example's
    return False


_EXAMPLE_CUE = re.compile(
    r"\b(?:e\.\s?g\.|eg\b|for example|for instance|such as|por exemplo|por ejemplo|p\.\s?ex\."
    r"|z\.\s?B\.|zum Beispiel|par exemple|ad esempio|per esempio|ex\.)",
    re.IGNORECASE,
)
"""What opens an example, in the languages the rules read: "e.g.", "for example", "por
exemplo", "z. B.", "par exemple", "ad esempio"."""


def _it_of_another(clause: str, before: str, section: Section) -> bool:
    """The clause opens with an "It" that stands for the subject of the sentence before it, a
    thing the heading does not name ("It can occur within a day" after "Korrin crisis is a
    complication of korrin fever." under "High sugar"): alone, the card would say it of the
    heading's thing."""
    if not opens_with_it(clause):
        return False
    named = item_subject(without_asides(before))
    return bool(named) and not content_words(named) <= content_words(section.title)


def _after_instruction(clause: str, before: str) -> bool:
    """A sentence whose subject is "it" right after an instruction ("Press on a nail and count
    how long the nail takes to turn pink. It should take 1-2 seconds."): the instruction names
    no subject of its own, so "it" is a thing inside it, never the heading's subject ("The
    canal is narrow. It is 1.3 cm long." stays as it is). Alone, "It should take {{1-2
    seconds}}" asks nothing a student can tell."""
    return _IT.match(clause) is not None and is_instruction(before)


_IT = re.compile(r"^it(?:\s|['’]s\s)", re.IGNORECASE)


_DOSE = re.compile(
    r"\d\s*(?:mL|ml|cc|mg|mcg|µg|micrograms?|milligrams?|g|units?|IU|mmol|mEq|meq|LPM|L/min)"
    r"(?:/[a-z0-9]+)*$",
    re.IGNORECASE,
)
"""A figure that is an amount given: a volume, a mass, units, a rate of them ("1.5 cc/kg"), a
flow of oxygen ("10-15 LPM", "15 L/min")."""
_STRENGTH_THEN = re.compile(r"\s*(?:[A-Za-z][\w-]*:?\s+){0,2}$")
"""At most two words between a strength and its dose ("20% 100 cc", "20% dose: 12 cc/kg")."""
_PERCENT = re.compile(r"^\d+(?:[.,]\d+)?\s*%$")
_NAME_BEFORE = re.compile(
    r"(?<![\w-])(?!(?:of|in|by|to|than|at|about|and|or|with|for|from|is|are|was|were)\s)"
    r"[A-Za-z][\w-]*\s+$"
)
"""A name just before a percentage ("emulsion 20%"), not a word that makes it a share ("of 40%")."""
_CUT_OFF = re.compile(r"\b(?:if|when|unless)\s+(?:(?:body\s+)?weight\s+(?:is\s+)?)?$", re.I)
"""A weight cut-off ("(if <70 kg, give 1.5 cc/kg)") chooses between doses; it is no dose."""


def _dose_spans(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """A dose line's figures to hide: its doses and their times, without the preparation's
    strength written after the drug's name ("lipid emulsion 20% 100 cc", "lidocaine 1% 5 mL":
    part of what is given, never the answer) or a weight cut-off between two doses. [] when
    the sentence gives no dose or has neither to leave out."""
    figures = [sentence[start:end].strip() for start, end in spans]
    dosed = [_DOSE.search(figure) is not None for figure in figures]
    if not any(dosed):
        return []
    kept: list[tuple[int, int]] = []
    for number, (span, figure) in enumerate(zip(spans, figures, strict=True)):
        start, end = span
        after = [i for i in range(number + 1, len(spans)) if dosed[i]]
        strength = (
            (
                _PERCENT.match(figure) is not None
                and (
                    _NAME_BEFORE.search(sentence[:start]) is not None
                    or not sentence[:start].strip(" *_")  # "100% O2 10-15 LPM": the gas's strength
                )
                and bool(after)
                and _STRENGTH_THEN.match(sentence[end : spans[after[0]][0]]) is not None
            )
            or (_PERCENT.match(figure) is not None and given_strength(sentence, start))
        )
        cut_off = figure.endswith("kg") and _CUT_OFF.search(sentence[:start]) is not None
        if not (strength or cut_off):
            kept.append(span)
    return kept if len(kept) < len(spans) else []


_MODAL_FIRST = re.compile(r"^(?:May|Might|Can|Could|Should|Must|Will|Would)\s+(?:also\s+)?[a-z]+\b")
"""A statement opening with its verb ("May need up to 10 mg"): its subject is the sentence
before it, as a note's later sentence of "Give naloxone 400 micrograms … . May need up to 10 mg"."""


def _no_subject(clause: str) -> bool:
    """The clause opens with a modal verb and asks nothing: alone on a card it says what may
    be needed, not of what ("May need {{up to 10 mg}}")."""
    return not clause.rstrip().endswith("?") and _MODAL_FIRST.match(clause.lstrip()) is not None


_AFTER_ANOTHER = re.compile(
    r"^(?:(?:an?|the)\s+(?:more|less|worse|later|higher|lower|greater|next|other|further"
    r"|second|third|subsequent)|another)"
    r"\s+(?:[a-z-]+\s+)?(?:signs?|symptoms?|steps?|stages?|features?|findings?|options?|doses?"
    r"|effects?|complications?|manifestations?)\s+(?:is|are|was|were|includes?|may|can)\b"
    r"|^(?:repeat|continue|increase|decrease|reduce|taper|titrate|double|halve|resume|stop)"
    r"\s+(?:after|every|in|for|until|by|to|at|if|when|over|within|once|twice|daily|hourly)\b",
    re.IGNORECASE,
)
"""A clause said only after another: its subject compares with one named before it ("a more
severe sign is …", "the next step is …", "another dose may …"), or it is an order with no
object ("Repeat after 20 minutes", "Increase by 10 mg"): repeat what, a sign of what?"""


def _said_after(clause: str) -> bool:
    """The clause names its subject only through the sentence before it (`_AFTER_ANOTHER`):
    shown with that sentence, or no note ("{{< 12 per minute}}" under the wrong heading)."""
    return _AFTER_ANOTHER.match(plain(clause).lstrip()) is not None


def _gaps(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of the sentence between its hidden spans."""
    out, last = [], 0
    for start, end in spans:
        out.append((last, start))
        last = end
    return [*out, (last, len(sentence))]
