"""A heading naming a term, over a short paragraph that explains it and that no other rule asked,
becomes one Basic note: the term asked, the paragraph the answer.

Notes and handbooks often define a term by giving it a heading of its own ("## Antigenic drift"
over "Point mutations in the HA and NA genes make the proteins unrecognisable; a new vaccine is
needed every year."). The sentence rules read a few known shapes, and most such paragraphs fit
none, so the term made no card. It is asked as "Antigenic drift in influenza?" when the heading
is a short noun phrase of its own (MAX_TERM_WORDS words, not a part of its parent such as
"Diagnosis" or "Treatment", not generic, a flag, a question, a step or a remark) and its section
holds one or two short paragraphs (MAX_WORDS words in all) and nothing else.

A section written one fact to a line (an Obsidian note keeps each line break: "### Velbarin" /
"= KV-12 (brand name)" / "synthetic analogue of korrin" / "→ gut specificity") answers with its
lines as points, and its heading may be one word: it names the thing its lines are facts of.
Read as one paragraph, the lines ran together into a sentence nobody wrote.

A lecture transcript written a sentence a line under a numbered part ("## Second kind of toxin:
alpha-toxin" over "This one makes holes in platelets." / "So they burst …") is asked of the name
after the colon, its sentences the points, each pointing back ("This one", "It") read as the
name (`_transcript_lines`).

A one-line `Label: value` paragraph among the term's paragraphs (`### Korrin knee` over a
definition, a risk line, `Examination findings: a, b and c`, an outcome) is asked of the term
("Korrin knee: examination findings?"), however long the section: four short paragraphs are
too long for one answer, and the findings were lost with them. The paragraphs left answer the
term as before when they are one or two.

A class note's section written a fact to a one-line paragraph ("heart stops beating" / "S/S:"
over a one-item list, read as one `S/S: …` line / "call 911, start CPR"), three to MAX_LINES of
them, answers its term with its lines as points (`_line_points`, `_folded`).

A heading telling the reader what to do ("Improve your toilet routine") over one or two paragraphs
saying how, too long for a term's answer, is asked "…: how?" with its sentences as points
(`_advice`): the advice was lost with the word limit.

It is a last resort (`Rule.fallback`), after every other rule: a section any other rule asked
anything of is left to it. Never for a paragraph of links, markup left as written, an advert, a
contact line or a worked example, nor for a lead-in that ends in ":".
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..document import Block, ListBlock, Paragraph, RawBlock, Section
from ..notes import Note, make_key
from ..text import (
    FACET_NAMES,
    asks_why,
    content_words,
    explained_answer,
    heading_mnemonic,
    heading_text,
    is_advert,
    is_container_heading,
    is_facet_heading,
    is_flattened,
    is_generic_heading,
    is_pep_talk,
    is_relational,
    is_remark,
    is_signature,
    lower_first,
    one_answer,
    ordinal_name,
    plain,
    sentence_gaps,
    single_spaced,
    split_sentences,
    without_asides,
    without_reference_marks,
    words,
)
from .context import Context
from .definition import bold_label, is_instruction, is_numbering, is_worked_example
from .forms import is_form_instruction
from .leads import FINITE_VERBS, is_example, is_example_text, is_flag, is_index

MIN_TERM_WORDS = 2
MAX_TERM_WORDS = 5
_THING_IS = re.compile(r"^(?P<x>[\w-]+(?:\s+[\w-]+){0,3})\s+(?:is|are)\s")
"""A paragraph opening by saying what a named thing is: it must be the heading's term."""
_DEFINING = re.compile(r"^(?:definitions?|description|what\s+(?:is|are))\b", re.I)
_PRONOUN_OR_OPTION = re.compile(r"^(?:(?:it|this|these|they|that)\b|\(?[a-e][).]\s)", re.I)
MIN_WORDS = 6
MAX_WORDS = 35
"""A term's explanation is a few sentences; a longer section is an essay, not one answer."""
MAX_ABOUT_WORDS = 60
"""The longest paragraph asked when its first sentence says the heading's term (`_about_heading`):
a phone screen's worth, as `explained_answer` shows whole."""
_SCAFFOLD = re.compile(
    r"^(?:(?:step|task|question|part|section|chapter|week|day)\s*\d|instructions?\b|directions?\b)",
    re.I,
)
"""A procedure's or a quiz's scaffolding ("Step 2", "Instructions"), not a term."""
_NOT_PROSE = re.compile(r"\]\(|https?://|www\.|@|==|`|\||\{\{|<[a-z/]|:\n|\bsee\s+[A-Z]", re.I)
"""Links, contact details, markup left as written, a table's bars, a template's fields, a line
leading into others ("… with the following causes:"), a pointer ("see Clinical Features")."""
_NAMED_CODE = re.compile(r"`[A-Za-z][\w .'’-]{0,40}`")
"""A name set in code font (`` `N. fakeus` ``): the author's mark on a word, not code."""


_SCRIPT = re.compile(r"</?su[bp]>")
"""A sub- or superscript's tags (`P<sub>pk</sub>`, the dialect pass's form of `P$_{pk}$`)."""


def _not_prose(text: str) -> re.Match[str] | None:
    """`_NOT_PROSE` in the text, a name in code font read as the name, a sub- or superscript as
    its letters."""
    if "`" in text:
        text = _NAMED_CODE.sub("name", text)
    if "<su" in text:
        text = _SCRIPT.sub("", text)
    return _NOT_PROSE.search(text)


def _sibling(named: frozenset[str], term: frozenset[str]) -> bool:
    """The paragraph names a thing of the term's kind that is not the term ("Early korrin" under
    "Mixed korrin"): they share a word and neither holds the other."""
    return bool(named & term) and not (named <= term or term <= named)


def extract(section: Section, ctx: Context) -> list[Note]:
    if ctx.in_faq or not section.blocks or (section.callout and not _headed_box(section)):
        return []  # a `<details>` "Show answer", an admonition: what it holds is read elsewhere
    mnemonic = _mnemonic_note(section, ctx)
    if mnemonic:
        subject = heading_mnemonic(section.title)[0]
        return [*mnemonic, *extract(replace(section, title=subject), ctx)]
    if ctx.made or section.level < 2 or section.children:
        return _loose_labels(section, ctx)  # a section another rule asked anything of is that
        # rule's, but for its `Label: value` lines; a heading over subsections names a chapter,
        # and its paragraph introduces them
    facet = _facet_note(section, ctx)
    if facet:
        return facet
    if not all(isinstance(block, Paragraph) or _is_rule(block) for block in section.blocks):
        folded = _folded(section.blocks)
        if folded is None:
            return _loose_labels(section, ctx)
        section = replace(section, blocks=folded)
    if _only_told(section.blocks):
        return []  # "Record any known allergy.": a form telling its note-taker what to write
    return _term_notes(section, ctx) or _loose_labels(section, ctx)


def _only_told(blocks: tuple[Block, ...]) -> bool:
    """Every paragraph of a section is an instruction to whoever fills in a form (`Informe o
    estado civil…`, `Describe the patient's job.`): the heading is a field, nothing to learn."""
    said = [block.text for block in blocks if isinstance(block, Paragraph)]
    return bool(said) and all(is_form_instruction(text) for text in said)


MAX_FOLDED_LABEL_WORDS = 4


def _folded(blocks: tuple[Block, ...]) -> tuple[Paragraph, ...] | None:
    """A class note's `Label:` line over a list of one item (`S/S:` / `- sudden collapse, no
    pulse`) is a `Label: value` line written on two: the blocks with each such pair read as
    that one line, or None when any other list (or block) is there."""
    folded: list[Paragraph] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            folded.append(block)
            continue
        if _is_rule(block):
            continue  # a closing thematic break
        if not isinstance(block, ListBlock) or len(block.items) != 1 or block.items[0].blocks:
            return None
        label = folded[-1].text.strip() if folded else ""
        words = plain(label).split()
        if not label.endswith(":") or "\n" in label or len(words) > MAX_FOLDED_LABEL_WORDS:
            return None
        item = single_spaced(block.items[0].text).strip()
        folded[-1] = Paragraph(f"{label} {item}", folded[-1].line)
    return tuple(folded)


def _is_rule(block: object) -> bool:
    """A thematic break (`---`, `****`): it only closes the section's text."""
    return isinstance(block, RawBlock) and block.kind == "hr"


_REVEAL = re.compile(
    r"^(?:show|hide|click|tap|expand|toggle|view|see|reveal|open|read)\b"
    r"|\b(?:answers?|solutions?|hints?|explanations?|rationales?|spoilers?|key)\b"
    r"|^(?:more|details?|info|notes?)$",
    re.IGNORECASE,
)
"""A `<details>` summary that hides an answer or more text ("Show answer", "Click to expand",
"Rationale"), not a part of the page."""


def _headed_box(section: Section) -> bool:
    """A `<details>` accordion whose summary names a part of the page ("Gloves and hand
    hygiene"): a site folds its sections so, and the summary is the section's heading; so is an
    admonition's own title naming a thing (`!!! tip "Pressure control"`), not its kind nor a box
    of points ("Clinical pearl", "Note for every table")."""
    title = plain(heading_text(section.title)).strip()
    if not title or _REVEAL.search(title) is not None:
        return False
    if section.callout == "details":
        return True
    return (
        title.lower() != section.callout
        and not is_generic_heading(title)
        and not is_container_heading(title)
        and _BOX_TITLE.search(title) is None
    )


_BOX_TITLE = re.compile(
    r"^(?:notes?|notas?|tips?|consejos?|warnings?|caution|danger|important|remember|pearls?|"
    r"attention|info|hint|summary|example|abstract|tldr|question|quote|success|failure|bug)\b",
    re.IGNORECASE,
)
"""An admonition title opening with a kind of box ("Nota para todas las tablas", "Tip: …"):
what the box is, not what it is about."""


MAX_FACET_ITEM_WORDS = 25


def _mnemonic_note(section: Section, ctx: Context) -> list[Note]:
    """A heading giving its subject a mnemonic (`Toxicity: Think "Mice → Ears → Kidney"`, under
    "Aminoglycosides") is that mnemonic's note: "Aminoglycosides — toxicity: mnemonic?" -> the
    mnemonic. The front of the notes under it names the subject alone (`heading_mnemonic`)."""
    mnemonic = heading_mnemonic(section.title)[1]
    if not mnemonic:
        return []
    front = f"{ctx.heading(section)}: mnemonic?"
    key = make_key("term", section.path, "mnemonic", section.pin)
    return [ctx.note("term", "basic", front, mnemonic, key, section, section.line)]


def _facet_note(section: Section, ctx: Context) -> list[Note]:
    """A facet heading of a thing ("### MOA", "### Mechanism", "### CIs" under "## Velbarin")
    over one short paragraph or a one-item list, and nothing else, is one Basic note
    "Velbarin: mechanism of action?" -> the text. No list rule reads one item, and the term
    rule's term must name a thing of its own: the fact was lost."""
    if len(section.blocks) != 1 or section.level < 2:
        return []
    title = heading_text(section.title).strip()
    lowered = plain(title).lower().rstrip(":. ")
    # a one-word phase ("Course", "Patogenese") the term rule's one-word check would drop
    named = is_relational(title) or (" " not in lowered and is_facet_heading(title))
    facet = FACET_NAMES.get(lowered) or (lower_first(title) if named else "")
    if not facet or len(facet.split()) > MAX_TERM_WORDS or _SCAFFOLD.match(title):
        return []
    thing = ctx.thing(replace(section, path=section.path[:-1])) if len(section.path) > 1 else ""
    if not thing or thing.lower() == lowered:
        return []
    block = section.blocks[0]
    if isinstance(block, ListBlock):
        if len(block.items) != 1 or block.items[0].blocks:
            return []
        text, line, most = block.items[0].text.strip(), block.items[0].line, MAX_FACET_ITEM_WORDS
    elif isinstance(block, Paragraph):
        text, line, most = block.text.strip(), block.line, MAX_ABOUT_WORDS
    else:
        return []
    prose = plain(text)
    if not 1 <= len(prose.split()) <= most or "\n" in text or _not_prose(text):
        return []
    if text.endswith((":", "?")) or is_flag(prose) or is_advert(prose) or is_example_text(prose):
        return []
    if bold_label(text) is not None or _PRONOUN_OR_OPTION.match(prose):
        return []  # `**Label:** value` is the definition rule's; "It …" names nothing
    front = f"{ctx.situate(thing)}: {facet}?"
    key = make_key("term", section.path, f"{thing}: {facet}", section.pin)
    return [ctx.note("term", "basic", front, without_reference_marks(text), key, section, line)]


def _term_notes(section: Section, ctx: Context) -> list[Note]:
    """The notes of a section of paragraphs only that no other rule asked: the heading's term
    asked, its one-line `Label: value` paragraphs asked of it."""
    named = ordinal_name(section.title)  # "Second kind of toxin: velbotoxin" names one thing
    term = named or heading_text(section.title).strip()
    labelled = _labelled(section)
    blocks = tuple(
        block
        for block in section.blocks
        if isinstance(block, Paragraph) and all(block is not other for other in labelled)
    )
    notes = _label_notes(term, labelled, section, ctx) if labelled else []
    if not blocks or len(blocks) > 2:
        if not labelled and (points := _line_points(term, blocks, section)):
            front = f"{ctx.heading(section)}?"
            key = make_key("term", section.path, term, section.pin)
            return [ctx.note("term", "basic", front, points, key, section, blocks[0].line)]
        return notes
    return notes + _term_note(term, blocks, section, ctx, named=bool(named))


MAX_LOOSE_LINE_WORDS = 12


def _line_points(term: str, blocks: tuple[Paragraph, ...], section: Section) -> str:
    """A class note's section written a fact to a paragraph of one short line ("heart stops
    beating" / "S/S: sudden collapse, no pulse" / "call 911, start CPR"), three to MAX_LINES of
    them under a heading naming a term: its lines as points of the term's answer; "" for any
    other section. Too many paragraphs for a term's answer, each line was lost."""
    if not MIN_LOOSE_LINES <= len(blocks) <= MAX_LINES:
        return ""
    lines = [single_spaced(block.text).strip() for block in blocks]
    if any("\n" in block.text.strip() for block in blocks) or any(
        not 1 <= len(plain(line).split()) <= MAX_LOOSE_LINE_WORDS
        or line.endswith((":", "?"))
        or _not_prose(line)
        for line in lines
    ):
        return ""
    if not _names_a_term(term, without_asides(term).split(), MIN_TERM_WORDS, section):
        return ""
    return "\n".join(f"- {line}" for line in lines)


MIN_LOOSE_LINES = 3


def _term_note(
    term: str, blocks: tuple[Paragraph, ...], section: Section, ctx: Context, *, named: bool
) -> list[Note]:
    """The heading's term asked, its one or two paragraphs the answer."""
    words = without_asides(term).split()
    lines = _fact_lines(blocks)
    transcript = not lines and bool(lines := _transcript_lines(section, blocks, term))
    listed = bool(ctx.terms) and section.path[:-1] in ctx.terms  # one of a list of terms
    # "### Velbarin" over its facts, a line each; "### Confabulation" among terms of its kind
    least = 1 if lines or listed or named else MIN_TERM_WORDS

    if not _names_a_term(term, words, least, section):
        return []
    texts = [
        without_reference_marks(block.text).strip()  # "… hyperglycemia [9]" of a wiki export
        for block in blocks
    ]
    answer = "\n".join(lines) if lines else "\n\n".join(texts)
    prose = plain(answer)
    if _not_prose(answer) or is_advert(prose) or is_example_text(prose):
        return []
    if any(bold_label(text) is not None for text in texts) or is_pep_talk(term, prose):
        return []  # `**Framework:** …` is the definition rule's; "You CAN exercise!" no fact
    if any(text.endswith((":", "?")) for text in texts):
        return []  # a lead-in to what is not there, a question
    if len(texts) > 1 and is_signature(plain(texts[-1]), plain("\n".join(texts[:-1]))):
        return []  # a quotation and the line signing it ("Jane Smith, patient advocate")
    if _PRONOUN_OR_OPTION.match(prose) and not lines:
        return []  # "It is important to …" names no term; "b) 48 hours" is a quiz's option
    other = _THING_IS.match(prose)
    if other is not None and _sibling(content_words(other.group("x")), content_words(term)):
        return []  # "Early korrin is …" under "Mixed korrin": about another thing
    if any(is_flattened(line) for line in prose.split("\n")):
        return []
    stage = listed and len(blocks) == 1 and _STAGE.fullmatch(term) is not None
    stage = stage and _stage_answer(prose)  # "### Relaxation" among the stages of a process
    if len(words) < MIN_TERM_WORDS and not (lines or named or stage) and not _defines(prose, term):
        return []  # a one-word heading among terms, over what is not a definition
    count = len(prose.split())
    back = "\n".join(f"- {text}" for text in lines) if lines else explained_answer(answer)
    if count > MAX_WORDS and not (transcript or stage) and not _about_heading(term, prose):
        back = _definition_sentence(prose) if listed and not lines else ""
        if not back and not lines and (advice := _advice(term, texts)):
            front = f"{ctx.heading(section)}: how?"
            key = make_key("term", section.path, term, section.pin)
            return [ctx.note("term", "basic", front, advice, key, section, blocks[0].line)]
        if not back:
            return []
    if count < MIN_WORDS:
        return []
    heading = ctx.heading(section)
    front = f"Why {lower_first(heading)}?" if asks_why(term, prose) else f"{heading}?"
    key = make_key("term", section.path, term, section.pin)
    faceted = _facet_sentences(back) if front == f"{heading}?" and not lines else None
    if faceted is None:
        back = back if lines or front != f"{heading}?" else one_answer(back, term)
        return [ctx.note("term", "basic", front, back, key, section, blocks[0].line)]
    rest, facets = faceted
    rest = one_answer(rest, term)  # the sentence saying what it is; a why keeps its reasons
    line = blocks[0].line
    notes = [ctx.note("term", "basic", front, rest, key, section, line)]
    for facet, value in facets:
        facet_key = make_key("term", section.path, term, section.pin, facet)
        notes.append(
            ctx.note("term", "basic", f"{heading}: {facet}?", value, facet_key, section, line)
        )
    return notes


_FACET_OPENING = re.compile(
    r"^(?P<how>caused\s+by|treated\s+(?:with|by)|diagnosed\s+(?:with|by)|spread\s+by"
    r"|transmitted\s+by)\s+(?P<value>[^.;!?]+?)\.?$",
    re.IGNORECASE,
)
"""A sentence of a term's paragraph that opens with the facet it gives ("Caused by inert
material (like sutures)."): its value is a fact of its own, asked by the facet's name."""
_FACETS = {"caused": "cause", "treated": "treatment", "diagnosed": "diagnosis"}
_FACETS.update({"spread": "spread", "transmitted": "spread"})
MIN_SPLIT_WORDS = 25
"""A term's answer shorter than this is read at a glance, its facet sentence with the rest."""


def _facet_sentences(back: str) -> tuple[str, list[tuple[str, str]]] | None:
    """A term's paragraph answer of MIN_SPLIT_WORDS or more, some of whose sentences open with
    the facet they give ("Caused by …", "Treated with …"): those asked apart by their facet
    ("…: cause?" -> the value), the other sentences still the term's answer. None when there
    is no such sentence, or when nothing else would be left to answer the term."""
    if "\n" in back or len(plain(back).split()) < MIN_SPLIT_WORDS:
        return None
    sentences = split_sentences(back)
    rest: list[str] = []
    facets: list[tuple[str, str]] = []
    for sentence in sentences:
        found = _FACET_OPENING.match(sentence)
        facet = _FACETS[found.group("how").split()[0].lower()] if found else ""
        if found is None or any(facet == name for name, _ in facets):
            rest.append(sentence)
            continue
        value = found.group("value").strip()
        facets.append((facet, value[:1].upper() + value[1:]))
    if not facets or not rest:
        return None
    return " ".join(rest), facets


MAX_ADVICE_SENTENCES = 6
MAX_ADVICE_SENTENCE_WORDS = 25


def _advice(term: str, texts: list[str]) -> str:
    """A heading telling the reader what to do ("Improve your toilet routine") over one or two
    paragraphs saying how, too long for a term's answer: its sentences as points ("… — improve
    your toilet routine: how?"), each short (MAX_ADVICE_SENTENCE_WORDS words, up to
    MAX_ADVICE_SENTENCES, MAX_ABOUT_WORDS in all) and half of them or more instructions
    themselves ("Keep to …", "Don't delay …", "If possible, raise …"); else ""."""
    heading = plain(term).lower().split()
    if not is_instruction(term) and not (len(heading) > 2 and heading[1] == "your"):
        return ""  # "Improve your toilet routine": told to the reader, whatever its verb
    sentences = [
        sentence.strip() for text in texts for sentence in split_sentences(single_spaced(text))
    ]
    sentences = [sentence for sentence in sentences if sentence]
    if not 2 <= len(sentences) <= MAX_ADVICE_SENTENCES:
        return ""
    sizes = [len(plain(sentence).split()) for sentence in sentences]
    if max(sizes) > MAX_ADVICE_SENTENCE_WORDS or sum(sizes) > MAX_ABOUT_WORDS:
        return ""
    telling = sum(1 for sentence in sentences if _tells(plain(sentence)))
    if telling * 2 < len(sentences):
        return ""
    return "\n".join(f"- {sentence}" for sentence in sentences)


_LEADING_CLAUSE = re.compile(r"^(?:if|when|to)\b[^,]{2,80},\s*", re.IGNORECASE)


def _tells(sentence: str) -> bool:
    """A sentence telling what to do, after any opening condition or purpose ("If possible,
    raise …", "To make it easier, try …")."""
    return is_instruction(sentence) or is_instruction(_LEADING_CLAUSE.sub("", sentence))


def _names_a_term(term: str, words: list[str], least: int, section: Section) -> bool:
    """The heading is a short noun phrase of its own: `least` to MAX_TERM_WORDS words, not a
    part of its parent, generic, a flag, a question, a step or a remark."""
    if not least <= len(words) <= MAX_TERM_WORDS or term.endswith(("?", ":", "!")):
        return False  # one word ("Triggers", "Velbarin") names a subject or a facet, not a term
    if _DEFINING.match(term):
        return False  # "Definition of X", "What is X": the prose_fact rule's definition sections
    if is_generic_heading(term) or is_container_heading(term) or is_relational(term):
        return False  # "Overview", "Clinical pearls", "Diagnosis": no term of its own
    if is_flag(term) or is_remark(term):
        return False  # "Note", "Why use it?"
    if _SCAFFOLD.match(term) or is_example(None, section) or not any(c.isalpha() for c in term):
        return False
    return not is_index(term)  # "Exam keywords": bare words, each a fact elsewhere


_LABELLED_LINE = re.compile(
    r"^(?P<label>[A-Z][A-Za-z’'-]+(?:\s[a-z][A-Za-z’'-]*){0,2}):\s+(?P<value>[^\s:]\S*(?:\s+\S+)*)$"
)
MAX_LABELLED_WORDS = 25


def _labelled(section: Section) -> tuple[Paragraph, ...]:
    """The section's one-line `Label: value` paragraphs (`Examination findings: a clicking joint,
    a swollen kneecap and reduced bending`) among its others: each a fact of the heading's term,
    which a section of several paragraphs, too long for one answer, lost."""
    found = []
    for block in section.blocks:
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        match = _LABELLED_LINE.match(text) if "\n" not in text else None
        if match is None or is_flag(match.group("label")) or _not_prose(text):
            continue
        value = match.group("value")
        if value.endswith((":", "?")) or sentence_gaps(value):
            continue  # a lead-in, a question, a paragraph of sentences
        if len(plain(value).split()) <= MAX_LABELLED_WORDS and isinstance(block, Paragraph):
            found.append(block)
    return tuple(found)


def _label_notes(
    term: str, labelled: tuple[Paragraph, ...], section: Section, ctx: Context
) -> list[Note]:
    """ "Korrin knee: examination findings?" -> the value, for each labelled paragraph under a
    heading that names a term."""
    listed = bool(ctx.terms) and section.path[:-1] in ctx.terms
    least = 1 if listed else MIN_TERM_WORDS  # "Course" over "Onset: sudden" names a facet
    if not _names_a_term(term, without_asides(term).split(), least, section):
        return []
    notes = []
    for block in labelled:
        found = _LABELLED_LINE.match(block.text.strip())
        if found is None:
            continue
        label, value = found.group("label"), found.group("value").strip()
        front = f"{ctx.heading(section)}: {lower_first(label)}?"
        key = make_key("term", section.path, f"{term}: {label}", section.pin)
        notes.append(ctx.note("term", "basic", front, value, key, section, block.line))
    return notes


_LOOSE_LINE = re.compile(
    r"^(?P<label>[A-Za-z][\w’'/&-]*(?:\s[A-Za-z][\w’'/&-]*){0,3})\s?:\s+(?P<value>[^\s/].*)$"
)
"""A plain `Label: value` line: a label of one to four words (`Rate`, `S/S`, `Start CPR`), no
figure in it ("NR 224: Final exam" is a course code over its title)."""
MAX_LOOSE_WORDS = 25
MAX_LOOSE_POINTS_WORDS = 35
"""A value of points set apart by semicolons (`pain in the arm; sweating; nausea`) may run
longer: the card shows them a point to a line."""
_FIELD_LABELS = frozenset(
    """
    tags tag img image figure fig photo picture caption link links url website web email e-mail
    phone tel fax address name title subtitle version status category categories share credit
    credits license licence copyright signature front back q a question questions objective
    objectives course class lecture module week day time location
    answer resposta respuesta réponse reponse risposta antwort pergunta pregunta domanda frage
    """.split()
)
"""Labels of a page's, a form's or a flashcard's fields, not of a fact ("Tags:", "img:"); a
question's and its answer's in the languages the faq rule pairs (`Pergunta:` / `Resposta:`)."""
_OPENS_CLAUSE = frozenset(
    "it this that these those they we you i he she there here the a an".split()
)
"""Words opening a clause or a sentence's subject ("The virus carrier: tick spreads …")."""


def _loose_labels(section: Section, ctx: Context) -> list[Note]:
    """A one-line plain `Label: value` paragraph among a section's loose lines or beside its
    lists (`Rate: 40 - 60` after a list, `S/S: hissing and a wet patch` among one-line notes)
    that no rule asked is a definition, as a `- Label: value` item is: "Pressure in hoses:
    rate?" -> "40 - 60". A class note written a line to a paragraph lost these facts while the
    rest of its section was carded. Never a flag (`Note:`), the author's numbering (`Step 2:`),
    a page's field (`Tags:`, `img:`), a label opening a clause (`It matters:`), a lead-in over a
    list, a value of several sentences, a link, a question or a worked example."""
    if is_example(None, section):
        return []
    made = {note.source.line for note in ctx.made}
    notes = []
    for index, block in enumerate(section.blocks):
        text = block.text.strip() if isinstance(block, Paragraph) else ""
        if not text or "\n" in text or block.line in made or text.startswith(("*", "_")):
            continue
        found = _LOOSE_LINE.match(text)
        if found is None:
            continue
        label, value = found.group("label").strip(), found.group("value").strip()
        after = section.blocks[index + 1 : index + 2]
        if after and not isinstance(after[0], Paragraph):
            continue  # it leads in the list or table under it
        if not _loose_label(label) or not _loose_value(label, value):
            continue
        answer = _points(value)
        front = f"{ctx.heading(section)}: {lower_first(label)}?"
        key = make_key("term", section.path, f"{heading_text(section.title)}: {label}", section.pin)
        notes.append(ctx.note("term", "basic", front, answer, key, section, block.line))
    return notes


def _loose_label(label: str) -> bool:
    """A label naming what its value tells, not a flag, a numbering, a field or a clause."""
    lowered = label.lower()
    if is_flag(label) or is_numbering(label) or lowered in _FIELD_LABELS:
        return False
    first = lowered.split()[0]
    return first not in _OPENS_CLAUSE and not any(w in FINITE_VERBS for w in lowered.split())


def _loose_value(label: str, value: str) -> bool:
    """A short value of one sentence (or of points set apart by semicolons)."""
    if value.endswith((":", "?")) or _not_prose(value) or sentence_gaps(value):
        return False  # a lead-in, a question, links or markup, a paragraph of sentences
    if "___" in value or "Y/N" in value or not any(char.isalnum() for char in value):
        return False  # a form's blank to fill in ("Signature: ______", "Rash: Y/N")
    said = plain(value)
    count = len(said.split())
    if count > (MAX_LOOSE_POINTS_WORDS if "; " in said else MAX_LOOSE_WORDS):
        return False
    if is_worked_example(value) or is_advert(said) or is_example_text(said):
        return False
    return not is_pep_talk(label, said)


def _points(value: str) -> str:
    """The value as a card shows it: points set apart by semicolons a point to a line, when
    the value is too long to read as one phrase."""
    parts = [part.strip() for part in value.split("; ") if part.strip()]
    if len(parts) < 2 or len(plain(value).split()) <= MAX_POINTS_AS_PHRASE:
        return value
    return "\n".join(f"- {part}" for part in parts)


MAX_POINTS_AS_PHRASE = 12


MAX_LINES = 6
MAX_LINE_WORDS = 10


def _fact_lines(blocks: tuple[Paragraph, ...]) -> list[str]:
    """The lines of a section written one fact to a line (an Obsidian note keeps each line
    break: "= brand name" / "synthetic analogue of …" / "→ kidney specificity"), each a point
    of the answer; [] for any other section. At least one paragraph of two lines or more, 2 to
    MAX_LINES lines in all, each of at most MAX_LINE_WORDS words (prose wrapped to a width runs
    longer), none a sentence (".": prose, and prose wrapped to a width ends in one) or leading
    into another (":"); two of them at least free of links and markup."""
    texts = [block.text.strip() for block in blocks]
    if not any("\n" in text for text in texts):
        return []
    lines = [line.strip().rstrip("\\").strip() for text in texts for line in text.splitlines()]
    lines = [line for line in lines if line]
    if not 2 <= len(lines) <= MAX_LINES:
        return []
    if any(
        len(plain(line).split()) > MAX_LINE_WORDS or line.endswith((":", ".")) for line in lines
    ):
        return []  # a line leading into others, a sentence: prose, not a fact to a line
    # Each line is a fact of its own: one that holds a link or markup left as written
    # ("==d==eaminated") is left out, and the others still answer.
    kept = [line for line in lines if not _not_prose(line)]
    return kept if len(kept) >= 2 else []


_SENTENCE_END = re.compile(r"(?<=[a-z0-9)\]”\"'%])[.!?](?=\s+[A-Z“\"(]|\s*$)")


MAX_TRANSCRIPT_LINES = 6
MAX_TRANSCRIPT_LINE_WORDS = 30
MAX_TRANSCRIPT_WORDS = 80
_BACK_REFERENCE = re.compile(
    r"^(?:(?:this|that)\s+(?P<noun>one|guy|toxin|drug|enzyme|protein|bacterium|organism|virus"
    r"|agent|molecule|hormone|condition|disease)|it(?!['’]|\s+is\s+\w+\s+to\b))\b",
    re.IGNORECASE,
)
"""A transcript's sentence pointing back at the heading's thing: "This one makes holes in …",
"This toxin destroys …", "It targets …" (not "It is important to …", "It's …")."""


def _transcript_lines(section: Section, blocks: tuple[Paragraph, ...], term: str) -> list[str]:
    """A lecture transcript's section, one sentence a line (a line not ending a sentence is
    wrapped and read with the next), whose first sentence points back at the heading's thing
    ("## Second kind of toxin: alpha-toxin" over "This one makes holes in platelets." / "So
    they burst, causing bleeding."): its sentences as points, each pointer back read as the
    thing's name ("Alpha-toxin makes holes in platelets."); [] for any other section. 2 to
    MAX_TRANSCRIPT_LINES sentences of at most MAX_TRANSCRIPT_LINE_WORDS words,
    MAX_TRANSCRIPT_WORDS in all."""
    texts = [block.text.strip() for block in blocks]
    if not term or len(texts) != 1 or "\n" not in texts[0]:
        return []
    sentences: list[str] = []
    for line in texts[0].splitlines():
        line = line.strip().rstrip("\\").strip()
        if sentences and not sentences[-1].endswith((".", "!", "?")):
            sentences[-1] = f"{sentences[-1]} {line}"  # a sentence wrapped onto this line
        elif line:
            sentences.append(line)
    if not 2 <= len(sentences) <= MAX_TRANSCRIPT_LINES or not sentences[-1].endswith("."):
        return []
    counts = [len(plain(sentence).split()) for sentence in sentences]
    if max(counts) > MAX_TRANSCRIPT_LINE_WORDS or sum(counts) > MAX_TRANSCRIPT_WORDS:
        return []
    if _BACK_REFERENCE.match(sentences[0]) is None:
        return []  # a paragraph of its own words, not about the heading's thing
    kinds = {"one", "guy", *words(heading_text(section.title).casefold())}
    return [_named(sentence, term, kinds) for sentence in sentences]


def _named(sentence: str, term: str, kinds: set[str]) -> str:
    """A transcript's sentence with its pointer back at the heading's thing ("This one", "This
    toxin" under "… kind of toxin: …", "It") read as the thing's name; "This protein" under a
    heading about a toxin points at something else and stays."""
    found = _BACK_REFERENCE.match(sentence)
    noun = found.group("noun") if found is not None else None
    if found is None or (noun is not None and noun.casefold() not in kinds):
        return sentence
    return term[:1].upper() + term[1:] + sentence[found.end() :]


def _about_heading(term: str, prose: str) -> bool:
    """A paragraph of MAX_WORDS to MAX_ABOUT_WORDS words that is about its heading's term: two
    sentences or more, none longer than MAX_WORDS (one long sentence is an essay's), the first
    saying the heading's first word ("## Screening" over "Clinicians use short questionnaires to
    screen for …", "Screening uses …"). The heading names what the paragraph explains, and a
    student can answer it; a paragraph that never says it is about something else."""
    if len(prose.split()) > MAX_ABOUT_WORDS or "\n" in prose.strip():
        return False
    ends = [end.end() for end in _SENTENCE_END.finditer(prose)]
    if len(ends) < 2 or ends[-1] < len(prose.rstrip()):
        return False  # one sentence, or a paragraph that stops mid-sentence
    starts = [0, *ends[:-1]]
    if any(len(prose[a:b].split()) > MAX_WORDS for a, b in zip(starts, ends, strict=True)):
        return False
    head = next((word for word in words(without_asides(term)) if content_words(word)), "")
    return bool(head) and _stem(head) in {_stem(word) for word in words(prose[: ends[0]])}


def _stem(word: str) -> str:
    """A word without a common ending, so that "screening" and "screen" meet."""
    for suffix in ("ing", "ers", "es", "er", "s", "ed", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


MIN_LISTED = 3
"""Fewest sibling sections that make a list of terms."""


def lists_terms(section: Section) -> bool:
    """A section whose subsections are a list of terms of one kind (`## Errors of recall` over
    `### Confabulation`, `### Perseveration`, `### Thought blocking`, each a short heading over a
    paragraph or two): there a one-word heading is a term, not a facet of a subject, and a long
    paragraph's first sentence is its definition. Not the parts of a subject ("Management" over
    "Nutrition", "Mobility"), nor subsections holding lists, tables or subsections."""
    children = section.children
    if len(children) < MIN_LISTED or is_relational(heading_text(section.title)):
        return False
    for child in children:
        if child.children or not child.blocks or len(child.blocks) > 2 or child.callout:
            return False
        if not all(isinstance(block, Paragraph) for block in child.blocks):
            return False
        title = heading_text(child.title).strip()
        if not 0 < len(title.split()) <= MAX_TERM_WORDS or title.endswith(("?", ":", "!")):
            return False
        if is_generic_heading(title) or is_container_heading(title) or is_relational(title):
            return False
    return True


def term_lists(sections: tuple[Section, ...]) -> frozenset[tuple[str, ...]]:
    """The paths of the sections that list terms (`lists_terms`), or stages (`lists_stages`),
    for `Context.terms`."""
    return frozenset(
        section.path
        for top in sections
        for section in top.walk()
        if (len(section.children) >= MIN_LISTED and lists_terms(section)) or lists_stages(section)
    )


_STAGE = re.compile(r"[A-Z][a-z]{3,}(?:tion|sion|sis)")
"""A one-word heading naming a process ("Inspiration", "Depolarisation", "Mitosis")."""
MIN_STAGES = 2
MAX_STAGE_SENTENCES = 3


def lists_stages(section: Section) -> bool:
    """A section whose subsections are the stages of a process (`## Mechanism` over `###
    Contraction` and `### Relaxation`): two or more one-word headings naming a process, each
    over one paragraph and nothing else. Each stage is a term, its paragraph its answer."""
    children = section.children
    if len(children) < MIN_STAGES:
        return False
    for child in children:
        title = heading_text(child.title).strip()
        if child.children or child.callout or len(child.blocks) != 1:
            return False
        if not isinstance(child.blocks[0], Paragraph) or _STAGE.fullmatch(title) is None:
            return False
        if is_generic_heading(title) or is_container_heading(title) or is_relational(title):
            return False
    return True


def _stage_answer(prose: str) -> bool:
    """A stage's paragraph short enough to answer whole: two or three sentences, none over
    MAX_WORDS, MAX_ABOUT_WORDS in all."""
    if len(prose.split()) > MAX_ABOUT_WORDS or "\n" in prose.strip():
        return False
    sentences = [sentence for sentence in split_sentences(prose) if sentence.strip()]
    return 1 <= len(sentences) <= MAX_STAGE_SENTENCES and all(
        len(sentence.split()) <= MAX_WORDS for sentence in sentences
    )


_DEFINING_OPENING = re.compile(
    r"^(?:(?P<gerund>[A-Z][a-z]{2,}ing)\b"
    r"|(?:An?|The)\s+(?:[\w-]+\s+){0,3}?(?:of|in|for|where|whereby|which|that|characteri[sz]ed"
    r"|marked|caused|seen|when)\b)"
)
"""How a definition opens: a gerund ("Filling gaps in memory with …", "Expecting the worst"),
or a noun phrase that says what kind of thing ("A pattern of …", "An error in …")."""
_NOT_GERUNDS = frozenset(
    "during following including according regarding depending concerning nothing something"
    " everything anything morning evening being bring thing string spring ceiling".split()
)


def _defines(prose: str, term: str = "") -> bool:
    """The paragraph opens as a definition does (`_DEFINING_OPENING`), not as a statement about
    a subject ("Nutrition: offer small meals", "During the night …"): a noun phrase with no
    verb in it ("The tablets are taken in …") that does not name the term itself ("A daily
    injection in the tummy …" under `### Injections`: a leaflet's facet, no term)."""
    found = _DEFINING_OPENING.match(prose.strip())
    if found is None:
        return False
    gerund = found.group("gerund")
    if gerund is not None:
        return gerund.lower() not in _NOT_GERUNDS
    opening = {_stem(word) for word in found.group(0).casefold().split()[1:-1]}
    named = {_stem(word) for word in term.casefold().split()}
    return not opening & (_VERBS | named)


_VERBS = frozenset(
    "is are was were be been will can may might must should would could has have had do does"
    " did".split()
)


def _definition_sentence(prose: str) -> str:
    """A long paragraph's first sentence, when it is a definition of MIN_WORDS to MAX_WORDS
    words and the rest is its example or aside ("Believing others think badly of you without
    checking. For example, …"); "" otherwise."""
    if not _defines(prose) or "\n" in prose.strip():
        return ""
    end = _SENTENCE_END.search(prose)
    if end is None:
        return ""
    first = prose[: end.end()].strip()
    return first if MIN_WORDS <= len(first.split()) <= MAX_WORDS else ""
