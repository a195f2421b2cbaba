"""A short list of statements that no other rule carded, under a heading naming what they are
about, becomes one Basic note: the heading asked, the statements the answer.

Handbooks and patient pages often put their facts as whole-sentence bullets straight under a
heading, with no lead-in line ("## Prognosis" / "- Most episodes resolve within four weeks." /
"- Recurrence is common."). The enumeration rule clozes short items, and a cloze over a whole
sentence is a card no student can answer, so such a list made no card at all. A student can
answer "Prognosis in low back pain?" with the points. Only for a list the section's own heading
names (not "Overview" or "Key points": `Context.subject`), of 2 to MAX_ITEMS items of at most
MAX_ITEM_WORDS words each, and never a list of links, questions or instructions to a form. A
list of one item that is all its section holds is read when the item is a rule ("### Consent"
over "- Never examine without asking, explain each step"): it gave no card and no warning.

A list whose every item pairs a finding with its meaning after a spaced hyphen ("Pain waking the
child at night - Malignancy") asks each finding instead: "Red flags in limping child: pain
waking the child at night?" -> "Malignancy" (the meaning short, MAX_MEANING_WORDS words); one
bare finding among them (`- Antalgic`, MAX_BARE) is no card and does not make the list a cloze. A
dash between two figures is a range ("loading 4 - 6 g IV"): split there, a dose became a riddle
("loading 4?" -> "6 g IV").

A list mixing sentences with short names each paired with what it is (`- Korsakoff - memory
deficits, apathy` among `- Withdrawal is an imbalance of …`, a box of pearls) asks each name
alone ("Alcohol withdrawal: Korsakoff?"): a name of up to MAX_NAME_WORDS words and no verb, the
meaning no figure (the measure rule's); the sentences are left to the other rules, and the list
is no cloze hiding each name with its meaning (`named_pairs`). A `Label: value` item among
sentence items of a list no rule carded (`- Other side effects: rash, dizziness` beside `- Needs
a blood count each month …`) is a definition still, asked as one (`_label_items`), and the
sentence items beside it are asked together as a list of statements (`_beside_labels`).

An item that says what a named thing does and then, after a spaced dash, what to give for it
(`- Disease W causes eye and gait signs - give vitamin Q`) asks "Disease W: treatment?", and a
sentence item saying which qualified group of people should do something ("Patients with a weak
heart should have X, otherwise Y", often a whole `==highlighted==` statement) asks "who should
have X?", under any heading: plain sentences with nothing to hide and no term, which made no card.
An item may open with a plain label over whole sentences of its own (`1. Cleaning: The drain has
… . Change …`): it is a statement like the others; a numbered list is answered in its numbers.

A key point written as an equation of words (`- Wide QRS + long PR = severe korrinaemia`,
`- **Low korrin = flat waves**`) among the statements is asked on its own, left side shown:
"Key points: wide QRS + long PR = ?" -> "severe korrinaemia", under any heading; the list's
other statements are asked as before, and a list of only such points makes no note of the
heading alone (a front naming nothing but the section over unrelated points). Arithmetic
(`10 × 0.9 = 9`) and a side of more than MAX_EQUATED_WORDS words are no such point.

A heading that asks ("How should I take this medicine?"), over a list and nothing else carded,
is asked as written with the list its answer, as the faq rule asks one over a paragraph.

An item may open with a bold statement of its own (`**Never rub the limbs** (massage) -- it
can trigger an arrhythmia`: MIN_BOLD_WORDS words or more, no term the definition rule reads),
not with a bold label (`**Class**: …`).

A statement the author set in bold (`leads.bold_statements`: a paragraph all bold that ends as a
sentence, `**Restraints are a last resort.**`, or a bold clause with a verb inside a paragraph)
that no other rule carded is asked the same way: "Restraints in <topic>?" -> the statement (not
one holding a measured figure: the measure rule clozes it; nor an advert's). A bold warning
(`**Never give drug M fast!**`, "Do not …", "Avoid …") asks "<heading>: what to avoid?".

It is a last resort (`Rule.fallback`), before `measure`: a list another rule's note came from,
or asks any item of, is left to it (a list of warnings, every item an instruction such as "Do
not …" or "Never …", is learned whole though a sentence rule asked one of them); so is an
advert, and an unnumbered list holding a measured figure (the measure rule clozes the figure);
numbered steps are learned whole, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..abbreviations import find_abbreviations
from ..document import Block, ListBlock, ListItem, Paragraph, Section
from ..notes import Note, cloze, literal, make_key
from ..text import (
    INSTRUCTION_VERBS,
    heading_text,
    is_advert,
    is_container_heading,
    is_generic_heading,
    leans_back,
    lower_first,
    plain,
    sentence_gaps,
    split_sentences,
    states_a_figure,
    without_asides,
    without_citations,
    without_connective,
    without_emoji,
)
from . import term
from .context import Context, Said
from .definition import ask, definition, is_instruction, is_numbering, is_worked_example
from .faq import answered_blocks
from .leads import (
    Lead,
    bold_statements,
    captions,
    claim_term,
    is_claim,
    is_example,
    is_example_text,
    is_flag,
    lead_of,
)

MAX_ITEMS = 6
MAX_STEPS = 8
MAX_ITEM_WORDS = 25
MIN_ITEM_WORDS = 3
"""Shorter items are the enumeration rule's (a cloze each); a list it refused is not a list of
statements either."""
MAX_MEANING_WORDS = 8
MIN_PAIRS = 2
MAX_LEAD_WORDS = 6
_PAIR = re.compile(
    r"^(?P<finding>.{3,}?)(?:(?<!\d)\s+[-–—]\s+|\s+[-–—]\s+(?!\d))"
    r"(?P<meaning>(?:(?!\s[-–—]\s).){2,})$"
)
"""A finding, a spaced dash and its meaning; a dash between two figures ("loading 4 - 6 g") is
a range, never the pair's dash."""


def _pair(text: str) -> re.Match[str] | None:
    """`_PAIR.match(text)`; text with no dash (most) is no pair, found by `in` at once."""
    if "-" not in text and "–" not in text and "—" not in text:
        return None
    return _PAIR.match(text)


def _answered(text: str) -> re.Match[str] | None:
    """`_pair(text)`, but None for a term followed by questions (`Dyspnoea - at rest? on
    exertion?`): the questions are what to ask about it in a history, never its meaning."""
    found = _pair(text)
    return None if found is None or "?" in text[found.end("finding") :] else found


MIN_STATEMENT_WORDS = 6
"""A list of short names only is the enumeration rule's (which refused it for a reason)."""
_LABELLED = re.compile(r"^(?:\S+\s+){0,3}?\S+:\s")
"""An item opening with a label of a few words and a colon ("Drugs: …", "Before meals: …")."""
_LINKED = re.compile(r"\]\(|https?://|www\.")
_ARROW = re.compile(r"->|=>|>>|→|⇒")


_ODDS_AND_ENDS = re.compile(
    r"(?:misc\.?|miscellaneous|miscellanea|other|others|other (?:points|information|notes|facts)"
    r"|odds and ends|varia|various|sonstiges|divers|varios|outros|altro|altri)"
)
"""A heading over points that share nothing but having no other place: asked as one question
("Miscellaneous?"), its answer is unrelated facts; each point is asked on its own, or not."""


def _odds_and_ends(title: str, section: Section, ctx: Context) -> bool:
    """A "Miscellaneous" heading naming no thing above it (under "Key points", or the page's
    topic alone); under a drug's heading it is that drug's ("Quenzol — misc?")."""
    if _ODDS_AND_ENDS.fullmatch(plain(title).strip(" :.").casefold()) is None:
        return False
    return "—" not in ctx.subject(section)


def extract(section: Section, ctx: Context) -> list[Note]:
    if ctx.in_faq or section.level == 0 or is_example(None, section):
        return []
    title = plain(section.title).strip()
    asks = title.endswith("?") and not ctx.made  # "How should I take it?" over its list
    boxed = is_container_heading(title)  # "Clinical pearls": the list's name, no subject
    asked = answered_blocks(section.blocks)
    carded = {note.source.line for note in ctx.made}
    equated = _equated_notes(section, asked, carded, ctx)
    equated_lines = {note.source.line for note in equated}
    carded |= equated_lines
    if not (asks or boxed) and (
        not ctx.subject(section)
        or is_generic_heading(title)
        or title.endswith("?")
        or _odds_and_ends(title, section, ctx)
    ):
        # "Key points", "Overview": the heading names nothing to ask about
        who = _who_notes(section, asked, carded, ctx)
        shaped = _shaped_notes(section, asked, carded | {n.source.line for n in who}, ctx)
        return equated + who + shaped
    stated = {note.source.line for note in ctx.made if note.rule != "prose_fact"}
    said = ""  # what the notes say, worked out for the first list that may need it
    notes: list[Note] = [] if asks else _bold_notes(section, ctx, asked, carded)
    if not asks:
        notes.extend(_verdict_notes(section, ctx, asked, carded | {n.source.line for n in notes}))
    if not asks:
        marked = _marked_notes(section, ctx, asked, carded | {n.source.line for n in notes})
        if marked and (ctx.made or notes or not term.extract(section, ctx)):
            # a section the term rule asks whole ("Transmission?" -> its paragraph) stays its
            # own; the term rule is asked only when marks were found (most sections have none)
            notes.extend(marked)
    lists = 0
    beside: set[int] = set()  # lists whose sentences are asked beside their labelled items
    previous: Block | None = None
    for index, block in enumerate(section.blocks):
        before, previous = previous, block
        if index in asked or not isinstance(block, ListBlock):
            continue
        if equated_lines.intersection(item.line for item in block.items):
            kept = tuple(item for item in block.items if item.line not in equated_lines)
            if not kept or len(kept) < len(block.items) - len(kept):
                continue  # a list of equated points, a sentence or two beside them
            block = ListBlock(block.ordered, kept, kept[0].line)  # the rest, asked as before
        items = [plain(" ".join(item.text.split())) for item in block.items]
        pairs = finding_pairs(block.items)
        lead_in = lead_of(before) if isinstance(before, Paragraph) else None
        lead = lead_in.text if lead_in is not None and lead_in.kind != "flag" else ""
        if lead and not pairs and not (lead_in and numbered_statements(block, lead_in)):
            continue  # a list of statements with a lead-in is the enumeration rule's to read
        lone = len(section.blocks) == 1  # "### Consent" / "- Never examine without asking, …"
        if not (pairs or _statements(block, items, lone) or _long_statements(block, items)):
            rest = _beside_labels(block, items)
            if rest is None:
                notes.extend(_named_notes(block, carded, section, ctx))
                continue
            block, items = rest  # its `Label: value` items are asked apart (`_label_items`)
            beside.add(index)
        if ctx.made and not said:
            said = Said(ctx.made).all()
        if any(item.lower() in said for item in items):
            continue
        warnings = all(is_instruction(item) for item in items)
        if (stated if warnings else carded) & {block.line, *(item.line for item in block.items)}:
            continue  # another rule asked one of its items: the list is that rule's (a list of
            # warnings is learned whole, though a sentence rule asked one: "Do not give …")
        if any(is_advert(item) for item in items):
            continue  # "First consultation only £49 — book now!"
        if not (block.ordered or pairs or asks) and any(states_a_figure(i) for i in items):
            notes.extend(_named_notes(block, carded, section, ctx))
            continue  # "Infuse 40 mg/kg over 20 minutes": the measure rule clozes its figures;
            # numbered steps are learned in order, whole
        if pairs:
            found = [(item, _answered(text)) for item, text in zip(block.items, items, strict=True)]
            notes.extend(_pairs(found, lead, section, ctx))
        elif not asks and claims(title):
            continue  # "### Anaphylaxis is rare in children" + "?" asks yes or no of a claim
            # whose bullets are its evidence, each asked (or not) on its own
        else:
            lists += 1  # keyed by its place among the section's lists of statements
            front = ask(heading_text(section.title), ctx) if asks else f"{ctx.heading(section)}?"
            if boxed and not asks:
                front = f"{ctx.situate(heading_text(section.title))}?"
            key = make_key("statements", section.path, f"list {lists}")
            marks = [f"{n}." if block.ordered else "-" for n in range(1, len(block.items) + 1)]
            back = "\n".join(
                f"{mark} {_shown(item.text)}" for mark, item in zip(marks, block.items, strict=True)
            )
            if len(block.items) == 1:
                back = _shown(block.items[0].text)  # a lone rule, no list of one
            notes.append(ctx.note("statements", "basic", front, back, key, section, block.line))
    listed = {note.source.line for note in notes}  # a list asked whole already asks its people
    who = _who_notes(section, asked, carded, ctx, listed)
    asked_lines = carded | {note.source.line for note in who + notes}
    shaped = _shaped_notes(section, asked, asked_lines, ctx, listed)
    for index, block in enumerate(section.blocks):
        if index not in asked and isinstance(block, ListBlock):
            used = asked_lines  # a sentence item asked by its shape leaves the labels beside it
            if index in beside:  # its sentences' note is this rule's own: the labels still asked
                used = carded | {note.source.line for note in who}
            notes.extend(_label_items(block, used, section, ctx))
    return equated + who + shaped + notes


MAX_EQUATED_WORDS = 8
_EQUATED = re.compile(r"^(?P<left>[^=≠<>:]+?)\s+=\s+(?P<right>[^=≠<>]+?)\.?$")
"""A point written as an equation of words: `findings = condition`, `condition = sign`."""
_FORMULA_SIGNS = re.compile(r"[/×*·^√÷]")
_WORD = re.compile(r"\b[A-Za-zÀ-ÿ][a-zà-ÿ]{2,}")


def equated(text: str) -> tuple[str, str] | None:
    """The two sides of a key point written as an equation of words ("Wide QRS + long PR =
    severe korrinaemia"), None for anything else: arithmetic, a label's value (`Sign: a = b`),
    a formula (`PPV = TP / (TP + FP)`), a side of no words or of more than
    MAX_EQUATED_WORDS."""
    bare = " ".join(plain(text).split())
    if " = " not in bare or is_worked_example(bare) or _FORMULA_SIGNS.search(bare):
        return None
    if not _WORD.search(bare):
        return None  # `PPV = TP / (TP + FP)`, `QRS = R`: symbols, a formula's
    found = _EQUATED.match(bare)
    if found is None:
        return None
    left, right = found["left"].strip(" *_"), found["right"].strip(" *_")
    if not _WORD.search(left) or any(side.count("(") != side.count(")") for side in (left, right)):
        return None  # `40-50% = mild` (of what?), `Cuff (width = 40% of the arm)`: a part
    for side in (left, right):
        words = side.split()
        if not words or len(words) > MAX_EQUATED_WORDS or not any(c.isalpha() for c in side):
            return None
    return left, right


def _equated_notes(
    section: Section, asked: frozenset[int] | set[int], carded: set[int], ctx: Context
) -> list[Note]:
    """A note for each list item no rule carded that is a key point written as an equation
    (`equated`): "<heading>: wide QRS + long PR = ?" -> "severe korrinaemia". Such a point
    asked with the list's other statements was one line of an answer to the heading alone."""
    notes: list[Note] = []
    clozed = {note.source.line for note in ctx.made if note.note_type == "cloze"}
    for index, block in enumerate(section.blocks):
        if index in asked or not isinstance(block, ListBlock) or block.ordered:
            continue
        if block.line in clozed:
            continue  # a list another rule clozed (`- PPV = TP / (TP + FP)`) is its own
        before = section.blocks[index - 1] if index else None
        lead_in = lead_of(before) if isinstance(before, Paragraph) else None
        if lead_in is not None and lead_in.kind != "flag":
            continue  # `Licensed for:` over `- cancer pain = idem, and …`: the lead-in's list
        for item in block.items:
            if item.line in carded or item.blocks:
                continue
            sides = equated(item.text)
            if sides is None:
                continue
            left, right = sides
            front = f"{ctx.heading(section)}: {left} = ?"
            key = make_key("statements", section.path, f"{left} =")
            answer = right[:1].upper() + right[1:] if right[:1].islower() else right
            notes.append(ctx.note("statements", "basic", front, answer, key, section, item.line))
    return notes


def claims(title: str) -> bool:
    """A heading written as a declarative sentence ("Anaphylaxis is rare in school children",
    "La anafilaxia es poco frecuente en niños"): six words or more with a finite verb after
    its first word, no question word before it (`How the drugs are given`, "6) ⛔ What not to
    do" name a topic); numbering and emoji are no words."""
    words = [word.lower().strip(",;:.!()") for word in plain(title).split()]
    words = [word for word in words if any(char.isalpha() for char in word)]  # "6)", "⛔"
    if len(words) < MIN_CLAIM_HEADING_WORDS or words[0] in _QUESTION_WORDS:
        return False
    return any(
        word in _HEADING_VERBS and words[at] not in _RELATIVE_WORDS
        for at, word in enumerate(words[1:])
    )  # `words[at]` is the word before the verb: "Drugs that are …" names a thing


MIN_CLAIM_HEADING_WORDS = 6
_HEADING_VERBS = frozenset(
    """is are was were can may must should will has have does do es son está están puede pueden
    debe deben é são pode podem deve devem est sont peut peuvent doit doivent""".split()
)
"""Finite verbs (a copula or a modal, English, Spanish, Portuguese, French) that make a
heading a sentence."""
_QUESTION_WORDS = frozenset(
    "how why what when where which who whom whose cómo qué cuándo dónde por como quando onde "
    "porque comment pourquoi quand".split()
)
_RELATIVE_WORDS = frozenset("that which who whom whose que qui cuyo to".split())
"""A word before a verb that makes it a relative clause ("Drugs that are given …"); "to"
makes it an infinitive ("What not to do")."""


_BARE_LABEL = re.compile(
    r"(?:procedures?|steps|technique|method|instructions|protocol|process)", re.IGNORECASE
)
"""A lead-in that only names its list a procedure (`Procedure:`), never what it is about."""


def numbered_statements(block: ListBlock, lead: Lead) -> bool:
    """Numbered items under a bare label (`Procedure:`, `Notes:`) most of which state
    something rather than tell what to do ("Locks may be used as an alternative to …", "Choice
    of fluid is usually:"): statements of different kinds, which the sentence rules ask one by
    one. One note fronted by the label ("Procedure?") asks nothing an answer of four unrelated
    sentences could be recalled by; when no sentence rule asks any of them, the list is this
    rule's, asked of the heading as a list with no lead-in is."""
    if not block.ordered or lead.kind != "label":
        return False
    if _BARE_LABEL.fullmatch(lead.text.strip()) is None and not is_generic_heading(lead.text):
        return False
    told = sum(1 for item in block.items if is_instruction(plain(item.text)))
    return told * 2 < len(block.items)


MIN_BESIDE_ITEMS = 3


def _beside_labels(block: ListBlock, items: list[str]) -> tuple[ListBlock, list[str]] | None:
    """The sentence items of a list of statements that also holds a `Label: value` item or two
    (`- Used for hard-water kettles`, `- Needs rinsing twice after use`, `- Other side effects:
    foaming, a smell`), the labels fewer than half of it: the sentences are asked together as
    a list of statements is, the labels one by one (`_label_items`); None for any other list.
    The labels alone were asked, and the sentences beside them lost. Each sentence has
    MIN_STATEMENT_WORDS words or more and no arrow: a short point or a pathway is an outline's."""
    if len(items) < MIN_BESIDE_ITEMS or not any(":" in text for text in items):
        return None  # two sentences and a label at least, the label's colon somewhere
    kept = [
        (item, text)
        for item, text in zip(block.items, items, strict=True)
        if item.blocks or (pair := definition(item)) is None or not _label_item(*pair)
    ]
    if len(kept) == len(items) or (len(items) - len(kept)) * 2 >= len(items):
        return None
    texts = [text for _, text in kept]
    if any(
        len(without_asides(text).split()) < MIN_ITEM_WORDS or _ARROW.search(text) for text in texts
    ):
        return None  # `- Both (Sensory and Motor)`, `- Medulla >>> …`: an outline's points
    rest = ListBlock(block.ordered, tuple(item for item, _ in kept), kept[0][0].line)
    return (rest, texts) if _statements(rest, texts) else None


_WHO_SHOULD = re.compile(
    r"^(?P<who>(?:Those|Patients|People|Anyone|Adults|Children|Women|Men|Individuals|Infants"
    r"|Babies)\s+(?:with|who|at|on|over|under|taking|aged|in|from)\b[^;:]+?)"
    r"\s+(?P<should>should(?:\s+not)?|must(?:\s+not)?)\s+(?P<what>[^;:,]+?)"
    r"(?:,\s+(?P<else>otherwise\s+[^;:]+?))?\.?$"
)
"""A sentence saying which people should do something ("Patients with a weak heart should
have their dose halved, otherwise …"): its group of people, always qualified ("with", "who",
"over" …), and what they should do, in one clause."""
MAX_WHO_WORDS = 25
MAX_WHAT_WORDS = 12
MAX_WHO_SENTENCE_WORDS = 60


def _who_notes(
    section: Section,
    asked: frozenset[int] | set[int],
    carded: set[int],
    ctx: Context,
    listed: frozenset[int] | set[int] = frozenset(),
) -> list[Note]:
    """ "Who should have their dose halved?" -> "Patients with a weak heart", for each sentence
    of a list item that says which people should (or must) do something, when no note came from
    that item nor from its list (`listed`: a list of statements asked whole, whose card would
    show each answer again). A plain sentence item has nothing to hide and often no term to ask
    about (a whole `==highlighted==` statement, the page's key point, made no card); the people
    it names are the fact, and a qualified group is never filler."""
    notes: list[Note] = []
    for index, block in enumerate(section.blocks):
        if index in asked or not isinstance(block, ListBlock) or block.line in listed:
            continue
        for item in block.items:
            if item.line in carded or _LINKED.search(item.text):
                continue
            for sentence in split_sentences(plain(" ".join(item.text.split()))):
                if len(sentence.split()) > MAX_WHO_SENTENCE_WORDS:
                    continue  # a long sentence holds more than who should do what
                found = _WHO_SHOULD.match(sentence)
                if found is None:
                    continue
                who, what = found["who"].strip().rstrip(","), found["what"].strip()
                if len(who.split()) > MAX_WHO_WORDS or len(what.split()) > MAX_WHAT_WORDS:
                    continue
                front = f"{ctx.heading(section)}: who {found['should']} {what}?"
                back = who + (f" — {found['else'].strip()}" if found["else"] else "")
                key = make_key("statements", section.path, f"who {found['should']} {what}")
                notes.append(ctx.note("statements", "basic", front, back, key, section, item.line))
    return notes


_ALWAYS = re.compile(
    r"^(?P<head>(?:always|never)\s+(?!(?:be|been|is|are|do|does)\b)[a-z]+\s+"
    r"(?:(?:of|about)\s+)?)"
    r"(?P<what>[^,;:()]+?)"
    r"\s+(?:in|for|with|to|before|after|during|when|if|on|from)\s+"
    r"(?:(?:all|any|an?|the)\s+)?(?:(?:patients?|people|persons?|child(?:ren)?|adults?|anyone"
    r"|those|wom[ae]n|m[ae]n|infants?|bab(?:y|ies))\s+(?:with|who\s+ha(?:ve|s)|having)\s+)?"
    r"(?:an?\s+|the\s+)?(?P<case>[^;:]+?)\.?$",
    re.IGNORECASE,
)
"""A rule for a named case: "Always suspect <X> in <people with …>", "Never give <X> to <case>";
the case asked when the heading names <X>."""
_CONDITION = re.compile(r"^(?P<cond>if\s+[^,;]+?)[,;]\s*(?P<then>\S.+?)\.?$", re.IGNORECASE)
"""A condition and its action: "If <condition>, <what to do>"."""
_RECEIVES = re.compile(
    r"^(?P<head>.*?\b(?:should|must|may|can)\s+(?:receive|get|be\s+given|be\s+treated\s+with"
    r"|be\s+started\s+on)\s+)(?P<what>[^;:()]+?)$",
    re.IGNORECASE,
)
"""The action names what the person gets: "<someone> should receive <X>"."""
_GIVEN = re.compile(
    r"^(?P<what>[^;:(),]+?)(?P<tail>\s+(?:should|must|may|can)\s+be\s+"
    r"(?:administered|given|started|used|tried)\b.*)$",
    re.IGNORECASE,
)
"""Or names it as what is given: "<X> should be administered"."""
_TREAT = re.compile(
    r"^(?P<head>(?:treat|manage)\s+(?:as|with|for)\s+|give\s+|start\s+|use\s+)"
    r"(?P<what>[^;:(),]+?)$",
    re.IGNORECASE,
)
"""Or tells what to do with one short object: "treat as <X>", "give <X>"."""
MAX_SHAPED_WORDS = 45
MAX_SHAPED_ANSWER_WORDS = 6
MAX_SHAPED_PART_WORDS = 4
MAX_SHOWN_CHILD_WORDS = 60
_OR_AND = re.compile(r",?\s+(?:or|and)\s+|,\s+", re.IGNORECASE)


def _answer_spans(sentence: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The spans hiding the answer `sentence[start:end]`: one per member when it is a short
    series ("Dextrose, or Glucagon": two), else one; None when it is too long to recall."""
    answer = sentence[start:end]
    if not answer.strip() or len(answer.split()) > MAX_SHAPED_ANSWER_WORDS:
        return None
    series = list(_OR_AND.finditer(answer))
    if not series:
        return [(start, end)]
    spans, last = [], 0
    for found in [*series, None]:
        stop = found.start() if found is not None else len(answer)
        part = answer[last:stop]
        if len(part.split()) > MAX_SHAPED_PART_WORDS or not part.strip():
            return None
        spans.append((start + last, start + stop))
        last = found.end() if found is not None else last
    return spans


def _words(text: str) -> set[str]:
    """The words of four letters or more, lower-cased: what shows an answer."""
    return set(re.findall(r"\w{4,}", text.lower()))


def _shaped(sentence: str, named: set[str] | None = None) -> list[tuple[int, int]] | None:
    """The answer spans of a sentence with a known one-answer shape: a rule for a named case
    ("Always suspect <X> in …", the case hidden when <X> is among the `named` words above), or
    a condition and what it calls for ("If …, give <X>", "If …, <someone> should receive <X>",
    "If …, <X> should be administered"); None for any other."""
    found = _ALWAYS.match(sentence)
    if found is not None:
        if named is not None and _words(found["what"]) & named:
            return _answer_spans(sentence, found.start("case"), found.end("case"))
        return _answer_spans(sentence, found.start("what"), found.end("what"))
    found = _CONDITION.match(sentence)
    if found is None or len(found["cond"].split()) < MIN_ITEM_WORDS:
        return None
    then, offset = found["then"], found.start("then")
    for shape in (_RECEIVES, _GIVEN, _TREAT):
        action = shape.match(then)
        if action is not None:
            start, end = action.span("what")
            return _answer_spans(sentence, offset + start, offset + end)
    return None


def _shaped_notes(
    section: Section,
    asked: frozenset[int] | set[int],
    carded: set[int],
    ctx: Context,
    listed: frozenset[int] | set[int] = frozenset(),
) -> list[Note]:
    """A cloze of the answer of each whole-sentence item with a known one-answer shape
    (`_shaped`), when no note came from the item nor its list. Key points are often written as
    such sentences ("- Always suspect low sugar in a confused diabetic.", "- If no meter is at
    hand, treat as low sugar."): a cloze of each whole item is a sentence to recall word for
    word, and the items name each other's words, so they gave nothing. The object alone is
    hidden, the rest of the sentence its clue; the item's own sub-list or paragraph (what
    follows from it) is shown on the back. The heading opens the front; one naming the answer
    asks another part, or nothing."""
    notes: list[Note] = []
    heading = ctx.heading(section)
    for index, block in enumerate(section.blocks):
        if index in asked or not isinstance(block, ListBlock) or block.line in listed:
            continue
        if block.line in carded:
            continue
        if block.ordered:
            continue  # numbered steps are learned in order, whole
        for item in _every_item(block):
            if item.line in carded or _LINKED.search(item.text) or "**" in item.text:
                continue
            if any(states_a_figure(plain(child.text)) for child in _every_item(item)):
                continue  # a figure in it or under it: the measure rule clozes it
            sentences = split_sentences(plain(" ".join(item.text.split())))
            if len(sentences) != 1 or len(sentences[0].split()) > MAX_SHAPED_WORDS:
                continue  # one sentence only: a second one says more than the answer's clue
            sentence = sentences[0].rstrip()
            key = make_key("statements", section.path, sentence, section.pin, "shaped")
            timed = _timed(sentence)
            if timed is not None:
                front = f"{heading}: {timed[0]}?"
                back = "\n\n".join(part for part in (timed[1], _children(item)) if part)
                notes.append(ctx.note("statements", "basic", front, back, key, section, item.line))
                continue
            spans = _shaped(sentence, _words(heading))
            if spans is None:
                continue
            answers = {word for start, end in spans for word in _words(sentence[start:end])}
            if answers & _words(heading):
                continue  # the heading names the answer
            text = sentence[:1].upper() + sentence[1:]
            front = literal(f"{heading}: ") + cloze(text, spans)
            notes.append(
                ctx.note("statements", "cloze", front, _children(item), key, section, item.line)
            )
    return notes


def _every_item(within: ListBlock | ListItem) -> Iterator[ListItem]:
    """The list's items (or the item and its sub-items) and, after each, its sub-lists'
    items, depth first."""
    items = within.items if isinstance(within, ListBlock) else (within,)
    for item in items:
        yield item
        for child in item.blocks:
            if isinstance(child, ListBlock):
                yield from _every_item(child)


_TIMED_VERBS = (
    INSTRUCTION_VERBS
    | frozenset(
        """start restart begin add administer recheck repeat resume continue discontinue switch
        consider increase decrease change withhold order draw reassess""".split()
    )
) - frozenset("do don't never always avoid know go get make".split())
"""Verbs opening a timed instruction; a prohibition ("Do not start X until Y") is no "when to"."""
_DO_WHEN = re.compile(
    r"^(?P<do>(?P<verb>[a-z]+)\s+[^,;:()]{2,60}?)\s+"
    r"(?P<when>(?:when|once|as\s+soon\s+as|until|after|before)\s+[^;:]{3,120}?)\.?$",
    re.IGNORECASE,
)
"""An instruction timed by a clause: "Turn off the drip when the gap has closed"."""
_ENDS_ON_PREPOSITION = re.compile(r"\b(?:at|to|of|in|on|for|with|by)$", re.IGNORECASE)
_GOES_ON = re.compile(
    r",\s*(?:and|then)\b|\band\s+(?:" + "|".join(sorted(_TIMED_VERBS)) + r")\b", re.IGNORECASE
)
MAX_TIMED_DO_WORDS = 8
MAX_TIMED_WHEN_WORDS = 16


def _timed(sentence: str) -> tuple[str, str] | None:
    """("when to <do>", "<When …>") of an instruction timed by its clause ("Start the long
    insulin as soon as the drip runs" asks "when to start the long insulin?"); None for any
    other sentence, a condition inside the instruction ("Give X if Y when Z") or a long one."""
    found = _DO_WHEN.match(sentence)
    if found is None or found["verb"].lower() not in _TIMED_VERBS:
        return None
    do, when = found["do"].strip(), found["when"].strip()
    if len(do.split()) > MAX_TIMED_DO_WORDS or len(when.split()) > MAX_TIMED_WHEN_WORDS:
        return None
    if re.search(r"\b(?:if|unless|when|or)\b", do, re.IGNORECASE) or _ENDS_ON_PREPOSITION.search(
        do
    ):
        return None  # "Stop the drug at once": "once" is no time
    if _GOES_ON.search(when):
        return None  # "… once the rash fades, and give …": a second instruction
    return f"when to {lower_first(do)}", when[:1].upper() + when[1:]


def _children(item: ListItem) -> str:
    """An item's own sub-list or paragraph as a back shows it, when short; else nothing."""
    lines: list[str] = []
    for block in item.blocks:
        if isinstance(block, ListBlock):
            lines.extend(f"- {_shown(child.text)}" for child in block.items if not child.blocks)
        elif isinstance(block, Paragraph):
            lines.append(_shown(block.text))
    if len(lines) == 1:
        lines = [lines[0].removeprefix("- ")]  # one point, no list of one
    shown = "\n".join(lines)
    return shown if len(plain(shown).split()) <= MAX_SHOWN_CHILD_WORDS else ""


def _bold_notes(
    section: Section, ctx: Context, asked: frozenset[int], carded: set[int]
) -> list[Note]:
    """The statements the author set in bold in a paragraph no other rule carded (a paragraph
    all bold, a bold clause inside one: `leads.bold_statements`), each asked as a list of
    statements is: "<heading>?" -> the statement."""
    notes = []
    skipped = asked | captions(section.blocks)
    for index, block in enumerate(section.blocks):
        if index in skipped or not isinstance(block, Paragraph) or block.line in carded:
            continue
        if is_advert(block.text):
            continue  # "**Struggling with a rash? Our clinic can help.** Book now …"
        for statement in bold_statements(block.text):
            if is_example_text(statement) or states_a_figure(statement):
                continue  # "**scores <2 need no transfusion**": the measure rule clozes it
            key = make_key("statements", section.path, statement)
            warns = _WARNING.match(statement) is not None
            front = (
                f"{ctx.heading(section)}: what to avoid?" if warns else f"{ctx.heading(section)}?"
            )
            notes.append(
                ctx.note("statements", "basic", front, statement, key, section, block.line)
            )
    return notes


def _verdict_notes(
    section: Section, ctx: Context, asked: frozenset[int], carded: set[int]
) -> list[Note]:
    """A verdict the author marks on a line of a paragraph no other rule carded (`Routine
    scans are **NOT** recommended`, `… is NEVER indicated`: a callout's do or don't, often set
    off in a block quote): "<heading>: routine scans?" -> "Not recommended". Not a subject that
    points back ("These tests …"), nor one too long to name a thing."""
    notes = []
    for index, block in enumerate(section.blocks):
        if index in asked or not isinstance(block, Paragraph) or block.line in carded:
            continue
        if "NOT" not in block.text and "NEVER" not in block.text and "**" not in block.text:
            continue  # most paragraphs: no verdict marked
        for offset, line in enumerate(block.text.split("\n")):
            found = _VERDICT.fullmatch(line.strip())
            if found is None:
                continue
            subject = plain(found.group("subject")).strip()
            if leans_back(subject) or len(subject.split()) > MAX_VERDICT_SUBJECT_WORDS:
                continue
            verdict = plain(found.group("verdict")).strip().lower()
            back = f"{verdict.capitalize()} {plain(found.group('rest')).strip()}"
            front = f"{ctx.heading(section)}: {lower_first(subject)}?"
            key = make_key("statements", section.path, f"verdict {subject}")
            line_number = block.line + offset
            notes.append(ctx.note("statements", "basic", front, back, key, section, line_number))
    return notes


_VERDICT = re.compile(
    r"(?P<subject>[^.;:!?*_\n]{3,160}?)\s+(?:is|are)\s+"
    r"(?P<verdict>(?:\*\*|__)(?:not|never|NOT|NEVER|Not|Never)(?:\*\*|__)|NOT|NEVER)\s+"
    r"(?P<rest>(?:routinely\s+)?(?:recommended|indicated|required|needed|necessary|advised"
    r"|useful)\b[^.;!?]*?)[.!]?"
)
"""A line whose verdict the author marks in bold or capitals: its subject, the verdict."""
MAX_VERDICT_SUBJECT_WORDS = 14


_WARNING = re.compile(r"^(?:never|do\s+not|don[’']t|avoid|must\s+not)\b", re.IGNORECASE)
"""A bold statement opening with a prohibition (`**Never give drug M fast into a vein!**`): the
heading alone ("Dosing?") asks nothing it answers; "Dosing: what to avoid?" does."""


def _marked_notes(
    section: Section, ctx: Context, asked: frozenset[int], carded: set[int]
) -> list[Note]:
    """Sentences of a paragraph no rule carded that mark a few words inside them in bold or as a
    highlight (`Drug Q binds ==antithrombin== in the ==liver==.`: `==…==` reaches the rules as
    bold): the author's own cloze candidates, asked as a cloze deleting them ("Mechanism in drug
    Q: Drug Q binds {{c1::antithrombin}} in the {{c2::liver}}."). Not a sentence opening with
    its bold word (a term or a label: the definition rule's), one leading a list in (':'),
    asking, stating a measured figure (the measure rule's), longer than MAX_MARKED_SENTENCE_WORDS
    words, or marking a word that names nothing ("**not**", "**and**", "see **Table 1**"). A
    sentence that points back ("This causes …", "It …") shows the short sentence before it."""
    notes: list[Note] = []
    heading = ctx.heading(section)
    shown = set(re.findall(r"\w{4,}", heading.lower()))
    previous: Block | None = None
    for index, block in enumerate(section.blocks):
        above, previous = previous, block
        if isinstance(block, ListBlock) and index not in asked:
            notes.extend(_marked_items(block, above, section, ctx, carded, shown))
            continue
        if index in asked or not isinstance(block, Paragraph) or block.line in carded:
            continue
        if "**" not in block.text and "__" not in block.text:
            continue  # the cheap look first: most paragraphs mark nothing
        if block.text.lstrip().startswith(("**", "__")) or is_advert(block.text):
            continue
        sentences = [part for line in _prose_lines(block.text) for part in split_sentences(line)]
        for number, sentence in enumerate(sentences):
            made = _hidden_marks(sentence, shown)
            if made is None:
                continue
            text, spans = made
            opening = f"{heading}: "
            if leans_back(text) or _IT.match(text) is not None:
                before = _marked_plain(sentences[number - 1]) if number else ""
                if not before or len(before.split()) > MAX_REFERENT_WORDS:
                    continue  # "This causes {{…}}" with nothing short before it to say what
                if leans_back(before) or before.endswith(":"):
                    continue
                opening += f"{before} "
            else:  # "Conversely, …": what it answers is not on the card
                text, spans = without_connective(text, spans)
            key = make_key("statements", section.path, text, section.pin, "marked")
            front = literal(opening) + cloze(text, spans)
            notes.append(ctx.note("statements", "cloze", front, "", key, section, block.line))
    return notes


def _hidden_marks(sentence: str, shown: set[str]) -> tuple[str, list[tuple[int, int]]] | None:
    """The sentence's text and the marked spans worth hiding (`_marked_cloze`, less those the
    card already shows), or None when nothing is left to ask."""
    made = _marked_cloze(sentence)
    if made is None:
        return None
    text, spans = made
    spans = _unshown(text, spans, shown)
    return (text, spans) if spans else None


def _unshown(text: str, spans: list[tuple[int, int]], shown: set[str]) -> list[tuple[int, int]]:
    """The marked spans whose words the card does not already show ("DICOM standard: … in the
    {{DICOM}} format": the heading says it, so hiding it asks nothing)."""
    return [
        (start, end)
        for start, end in spans
        if shown.isdisjoint(re.findall(r"\w{4,}", text[start:end].lower()))
    ]


def _marked_items(
    block: ListBlock,
    before: Block | None,
    section: Section,
    ctx: Context,
    carded: set[int],
    shown: set[str],
) -> list[Note]:
    """The items of a list under a lead-in sentence ended by a full stop (`X is treated with
    **drug A**.` / `- If it fails, **drug B** is needed.`), no note asked of it as a whole, that
    mark a few words inside them as `_marked_notes` reads a sentence: each item no rule carded
    asked as a cloze, the lead-in before it (what the item goes on from). A list under a ':'
    lead-in, or none, is the enumeration rule's."""
    if not isinstance(before, Paragraph) or not any("**" in item.text for item in block.items):
        return []
    whole = {note.source.line for note in ctx.made if note.rule not in _SENTENCE_RULES}
    lead = _marked_plain(before.text)
    if block.line in whole or before.line in whole:
        return []  # the list asked whole, or in its lead-in's note
    if "\n" in before.text.strip() or not lead.endswith("."):
        return []
    if len(lead.split()) > MAX_REFERENT_WORDS or leans_back(lead):
        return []
    notes = []
    for item in block.items:
        if item.blocks or item.line in carded or "**" not in item.text:
            continue
        made = _hidden_marks(" ".join(item.text.split()), shown)
        if made is None:
            continue
        text, spans = made
        key = make_key("statements", section.path, text, section.pin, "marked")
        front = literal(f"{ctx.heading(section)}: {lead} ") + cloze(text, spans)
        notes.append(ctx.note("statements", "cloze", front, "", key, section, item.line))
    return notes


_SENTENCE_RULES = frozenset(("prose_fact", "measure", "figure", "abbreviation", "prose_list"))
"""Rules asking one sentence (or a name) of a list item, never the list as a whole."""
MAX_MARKED_SENTENCE_WORDS = 35
MAX_MARKED_WORDS = 9
MAX_MARKS = 4
MAX_REFERENT_WORDS = 25
_MARK = re.compile(r"(\*\*|__)(?=\S)([^*_\n]{1,80}?)(?<=\S)\1")
_IT = re.compile(r"^it\s", re.IGNORECASE)
_POINTER = re.compile(r"^(?:table|figure|fig\.?|box|chart|section|page)\s*\d", re.IGNORECASE)
EMPTY_MARKS = frozenset(
    """if when whenever unless and or nor but then not no never because although though while
    until so yet also only all any every each both either neither the a an this that these those
    do does did is are was were be must should may can
    e ou mais mas não nem y o pero ni et und oder""".split()
)
"""Words a writer sets in bold for stress, not for a student to recall ("**not**", "**OR**",
a criterion's "**AND**" or Portuguese "**MAIS**" between two items)."""


def _prose_lines(text: str) -> list[str]:
    """The paragraph's lines, a line that goes on in small letters joined to the one before
    (a hard wrap); a line that is only a link (`[[Uterotonics]]`) left out."""
    lines: list[list[str]] = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if lines and line[:1].islower():
            lines[-1].append(line)  # joined once, below: a long wrapped paragraph stays linear
        elif plain(line).strip() and not _LINK_ONLY.match(line):
            lines.append([line])
    return [" ".join(parts) for parts in lines]


_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)$|^\[\[[^\]]*\]\]$")


def _marked_plain(sentence: str) -> str:
    return " ".join(plain(sentence).split())


def _marked_cloze(sentence: str) -> tuple[str, list[tuple[int, int]]] | None:
    """The sentence as plain text with the spans it marks, or None when it is no such
    sentence."""
    if sentence.startswith(("**", "__")) or sentence.rstrip("*_ ").endswith((":", "?")):
        return None
    marks = list(_MARK.finditer(sentence))
    if not 0 < len(marks) <= MAX_MARKS:
        return None
    text = _marked_plain(sentence)
    spans: list[tuple[int, int]] = []
    last = 0
    names = find_abbreviations(plain(sentence)) if "(" in sentence else []
    for mark in marks:
        word = " ".join(plain(mark.group(2)).split())
        if not _is_mark(word):
            if any(name.short in word and name.long in word for name in names):
                continue  # `**FEV1/FVC (forced expiratory volume …)**`: too long a name, shown
            return None
        found = text.find(word, last)
        if found < 0:
            return None  # the plain text no longer holds it as written
        if len(marks) == 1 and is_claim(word):
            term = claim_term(word)  # `💎 **Artifact looks like VF.**`: the claim's term
            if term is None:
                return None  # no short term to hide: a sentence to recite
            spans.append((found + term[0], found + term[1]))
            break
        spans.append((found, found + len(word)))
        last = found + len(word)
    if not spans:
        return None
    count = len(text.split())
    measured = text  # a figure of a spelled-out name ("… in 1 second") measures nothing
    for name in names:
        measured = measured.replace(name.long, name.short)
    if count > MAX_MARKED_SENTENCE_WORDS or count < MIN_STATEMENT_WORDS:
        return None
    if states_a_figure(measured):
        return None
    if spans[0][0] == 0:
        return None  # the sentence's own subject in bold: a term the definition rule reads
    return text, spans


def _is_mark(word: str) -> bool:
    """A marked span a student can recall: a few words naming something, no stressed function
    word, no pointer to a table or figure, no label."""
    words = word.split()
    if not 0 < len(words) <= MAX_MARKED_WORDS or len(word) > MAX_MARK_CHARACTERS:
        return False
    if word.endswith(":") or _POINTER.match(word) is not None:
        return False
    return any(w.lower().strip(".,;()") not in EMPTY_MARKS and len(w) > 1 for w in words)


MAX_MARK_CHARACTERS = 60


MAX_LABEL_ITEM_WORDS = 4
MAX_LABEL_VALUE_WORDS = 20


def _label_items(block: ListBlock, carded: set[int], section: Section, ctx: Context) -> list[Note]:
    """A `Label: value` item in a list of sentence items that no rule asked (`- Other side
    effects: foaming, a smell` beside `- Used for hard-water kettles`): a definition still,
    "Descaler: other side effects?" -> its value, as it is in a list of labels. A value that
    opens with what to do (`- Signs of scale: give a vinegar rinse`) answers "<label> — what to
    do?". Only when none of the list is carded, and some item of it is no label (a list of
    labels is the definition rule's); a flag, the author's numbering or a label with a verb is
    no label. A label over a short sub-list of its own shows that on its back."""
    lines = {block.line, *(item.line for item in block.items)}
    notes: list[Note] = []
    if carded & lines:
        return notes
    found = [(item, definition(item)) for item in block.items if not _deep(item)]
    pairs = [(item, pair) for item, pair in found if pair is not None and _label_item(*pair)]
    if not pairs or len(pairs) == len(block.items) or len(pairs) * 2 > len(block.items):
        return notes  # no label, or a list of labels: the definition rule's to read
    for item, (label, value) in pairs:
        label, value = plain(label).strip(), " ".join(without_citations(value).split())
        if _instructs(label, ctx.language):
            notes.extend(_instruction_note(item, label, value, section, ctx))
            continue
        first = plain(value).split(maxsplit=1)[0].lower()
        what = " — what to do" if first in INSTRUCTION_VERBS else ""
        front = f"{ctx.heading(section)}: {lower_first(label)}{what}?"
        key = make_key("statements", section.path, label)
        back = "\n\n".join(part for part in (value, _children(item)) if part)
        notes.append(ctx.note("statements", "basic", front, back, key, section, item.line))
    return notes


def _instructs(label: str, language: str) -> bool:
    """A label that is itself what to do (`- Check the drip hourly — aim 20 drops`; in a page
    not in English an infinitive, `- Controlar la diuresis — objetivo …`, or "never …"): no
    name, so "<heading>: check the drip hourly?" asks nothing a student can answer."""
    if is_instruction(label):
        return True
    words = label.lower().split()
    if language == "en" or len(words) < 2:
        return False
    if words[0] in _NEVER:
        return True
    return _INFINITIVE.search(words[0]) is not None and words[1] not in _NAME_GOES_ON


_NEVER = frozenset("nunca jamais jamás mai nie niemals".split())
_INFINITIVE = re.compile(r"^[a-záéíóúàèìòù]{3,}(?:ar|er|ir|ire|are|ere|re)$")
"""The infinitive an instruction opens with in Spanish, Portuguese, Italian and French."""
_NAME_GOES_ON = frozenset("de del da do dos das di della du des en em y e et o ou".split())
"""A word after a first word in -ar/-er that makes it a name ("Azúcar en sangre")."""


def _instruction_note(
    item: ListItem, label: str, value: str, section: Section, ctx: Context
) -> list[Note]:
    """An instruction and what it is for after its dash (`- Wean slowly — halve the dose`): the
    instruction shown, its purpose hidden ("… — {{c1::halve the dose}} (over a day)"), a
    bracketed aside after it shown. One holding a figure is the measure rule's: it hides the
    figure."""
    if states_a_figure(value) or len(plain(value).split()) > MAX_INSTRUCTION_VALUE_WORDS:
        return []
    shown = value.split(" (", 1)[0].rstrip(" .;,")
    if not shown:
        return []
    text = f"{label} — {value}"
    start = len(label) + 3
    key = make_key("statements", section.path, label, None, "instruction")
    front = literal(f"{ctx.heading(section)}: ") + cloze(text, [(start, start + len(shown))])
    return [ctx.note("statements", "cloze", front, "", key, section, item.line)]


MAX_INSTRUCTION_VALUE_WORDS = 8


def _deep(item: ListItem) -> bool:
    """An item over more than one short sub-list of points with none of their own: a label
    over its one sub-point (`- Monitoring: hourly sugars` / `  - less often once stable`) is
    still a label, its sub-point shown on its back (`_children`)."""
    if not item.blocks:
        return False
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return True
    return any(child.blocks for child in item.blocks[0].items) or not _children(item)


def _label_item(label: str, value: str) -> bool:
    """A short label naming what its short value tells (`Other side effects`), not a flag, a
    numbering, a clause or a link."""
    said = plain(label).strip()
    if not 0 < len(said.split()) <= MAX_LABEL_ITEM_WORDS or _VERB.search(said):
        return False
    if is_flag(said) or is_numbering(said) or _LINKED.search(value) or value.endswith("?"):
        return False
    if any(char.isdigit() for char in said) or is_advert(f"{said}: {plain(value)}"):
        return False  # "First consultation only £49: book now": an advert, no label
    told = plain(without_citations(value))
    if sentence_gaps(told):
        return False  # a paragraph of sentences ("Take it seriously. Success needs …")
    return 0 < len(told.split()) <= MAX_LABEL_VALUE_WORDS and not is_example_text(told)


def finding_pairs(items: tuple[ListItem, ...]) -> bool:
    """Every item pairs a finding with its meaning after a spaced dash, the meaning short
    ("Pain waking the child at night - Malignancy"): each finding is asked, by this rule."""
    if len(items) < MIN_PAIRS:
        return False
    bare = 0
    for item in items:
        text = plain(" ".join(item.text.split()))
        found = _answered(text)
        if found is None and not item.blocks and _bare_finding(item.text, text):
            bare += 1  # `- Antalgic` among `- Tiptoe - short tendon`: a finding, no meaning
            continue
        if (
            item.blocks
            or item.text.lstrip().startswith(("**", "__"))
            or found is None
            or len(found["meaning"].split()) > MAX_MEANING_WORDS
        ):
            return False
    return bare <= MAX_BARE and len(items) - bare >= MIN_PAIRS + bare


MAX_BARE = 1
MAX_BARE_WORDS = 3
"""A list of findings each with its meaning may hold one finding written with none (`- Antalgic`
among `- Trendelenburg gait - hip dysplasia`): a name of a few words, no sentence. It is no card
and keeps the others from being one cloze that hides each finding with its meaning."""


def _bare_finding(markdown: str, text: str) -> bool:
    return (
        len(text.split()) <= MAX_BARE_WORDS
        and not text.endswith((".", ":", "?"))
        and not markdown.lstrip().startswith(("**", "__"))
        and not _LINKED.search(markdown)
    )


def _shown(text: str) -> str:
    """An item as the answer lists it: on one line (a hard-wrapped item joined), without the
    emoji or tick that served as its bullet ("✅ Warm up 10-15 minutes")."""
    return without_emoji(" ".join(text.split())).strip()


def _statements(block: ListBlock, items: list[str], lone: bool = False) -> bool:
    """A short list of short statements, each with a few words of its own, none a link, a
    question, a sub-list's label or an example. A `lone` list, all its section holds, may be one
    item when that item is a rule, an instruction of several words ("Never examine without
    asking, keep the patient covered")."""
    if lone and len(items) == 1:
        named = [word for word in items[0].split() if any(char.isalpha() for char in word)]
        if len(named) < MIN_STATEMENT_WORDS or not is_instruction(items[0]):
            return False  # "Place  Time  Person", "Simultaneous auscultation …": no rule
    elif not 2 <= len(items) <= (MAX_STEPS if block.ordered else MAX_ITEMS):
        return False
    for item, text in zip(block.items, items, strict=True):
        if item.blocks or _LINKED.search(item.text) or is_example_text(text):
            return False
        if _labelled(item) or "->" in text:
            return False  # `**Class**: …` items are asked one by one (definition)
        if _LABELLED.match(text) and not _labels_sentences(text):
            return False  # and so are `Drugs: …` items
        words = len(text.split())
        if not MIN_ITEM_WORDS <= words <= MAX_ITEM_WORDS or text.endswith((":", "?")):
            return False
    return max(len(text.split()) for text in items) >= MIN_STATEMENT_WORDS


def _pairs(
    pairs: list[tuple[ListItem, re.Match[str] | None]],
    about: str,
    section: Section,
    ctx: Context,
    named: bool = False,
) -> list[Note]:
    """A note per finding of a list of "finding - meaning" pairs, the meaning its answer; a
    lead-in ("Gaits:") names what the findings are. A `named` finding ("Orlen syndrome") is
    asked as written, not lower-cased as a finding in a sentence is."""
    notes = []
    for item, found in pairs:
        if found is None:
            continue  # a finding with no meaning (`finding_pairs`): nothing to ask
        finding, meaning = found["finding"].strip(), found["meaning"].strip().rstrip(".")
        if _figures_on_front(meaning, finding):
            continue  # `Velbarin 4 mg/4 mL - vial 4 mL`: the front prints its answer's figure
        within = (
            f" — {lower_first(about)}" if about and len(about.split()) <= MAX_LEAD_WORDS else ""
        )
        front = f"{ctx.heading(section)}{within}: {finding if named else lower_first(finding)}?"
        key = make_key("statements", section.path, finding)
        back = meaning[:1].upper() + meaning[1:]
        notes.append(ctx.note("statements", "basic", front, back, key, section, item.line))
    return notes


def _figures_on_front(meaning: str, finding: str) -> bool:
    """Whether every figure of a meaning (a number with its unit) is written in its finding:
    a product's strength and its pack (`4 mg/4 mL - vial 4 mL`) asked so shows the answer."""
    figures = [re.sub(r"\s+", "", figure) for figure in _AMOUNT.findall(plain(meaning))]
    shown = re.sub(r"\s+", "", plain(finding))
    return bool(figures) and all(figure in shown for figure in figures)


_AMOUNT = re.compile(r"\d+(?:[.,]\d+)?\s*(?:[a-zA-Zµ%]+\b)?")
MAX_NAME_WORDS = 6
MAX_NAMED_MEANING_WORDS = 20
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|being|has|have|had|can|may|might|will|would|should|must"
    r"|do|does|did|causes?|caused|leads?|led|makes?|gives?|shows?|means?)\b",
    re.IGNORECASE,
)
"""A word that makes a finding a sentence: "Withdrawal is an imbalance of …" is no name."""


def _dashed(block: ListBlock) -> Iterator[tuple[ListItem, re.Match[str]]]:
    """The plain items of a list that read `words - words` (`_PAIR`), with the match: the
    shape both a named pair and a treatment are read from. Not an item with blocks under it,
    one opening in bold (a definition's) or one with a link."""
    for item in block.items:
        if item.blocks or item.text.lstrip().startswith(("**", "__")) or _LINKED.search(item.text):
            continue
        found = _answered(plain(" ".join(item.text.split())))
        if found is not None:
            yield item, found


def _named_pairs(block: ListBlock) -> list[tuple[ListItem, re.Match[str] | None]]:
    """The items of a mixed list that pair a short name with what it is after a spaced dash
    (`- Korsakoff - memory deficits, apathy` among sentences and thresholds, as in a box of
    pearls): each is asked alone ("Korsakoff?"), the other items left to the sentence rules."""
    named: list[tuple[ListItem, re.Match[str] | None]] = []
    for item, found in _dashed(block):
        name = _BRACKET.sub("", found["finding"])
        if (
            len(name.split()) > MAX_NAME_WORDS
            or _VERB.search(name)
            or name.rstrip().endswith((".", ":", ";", ","))
            or len(found["meaning"].split()) > MAX_NAMED_MEANING_WORDS
            or states_a_figure(found["meaning"])
        ):
            continue  # "… – occurs in 50% of cases": the measure rule clozes the figure
        named.append((item, found))
    return named


def named_pairs(block: ListBlock) -> bool:
    """A list mixing names paired with what they are (`_named_pairs`, two or more) with
    sentences (MIN_STATEMENT_WORDS words or more), as a box of pearls is: each pair asked alone
    by this rule, never a cloze hiding a name with its meaning. Not a list of short items, some
    of them pairs (`- Ticks` / `- Cats - scratches`): that is a list to recall."""
    named = {item.line for item, _ in _named_pairs(block)}
    return len(named) >= MIN_PAIRS and all(
        item.line in named or len(plain(item.text).split()) >= MIN_STATEMENT_WORDS
        for item in block.items
    )


def _named_notes(block: ListBlock, carded: set[int], section: Section, ctx: Context) -> list[Note]:
    """The notes of a mixed list's named pairs (`_named_pairs`), two or more, none carded, and
    of its items that say what to give for a named thing (`_treatments`)."""
    notes = _treatment_notes(block, carded, section, ctx)
    named = _named_pairs(block)
    if len(named) < MIN_PAIRS or carded & {block.line, *(item.line for item, _ in named)}:
        return notes
    told = []  # "Check the drip hourly - aim for 20 drops": what to do, no name to ask
    for item, found in named:
        if found is not None and _instructs(found["finding"].strip(), ctx.language):
            meaning = found["meaning"].strip()
            told.extend(_instruction_note(item, found["finding"].strip(), meaning, section, ctx))
    if told:
        asked = {note.source.line for note in told}
        named = [(item, found) for item, found in named if item.line not in asked]
    return told + _pairs(named, "", section, ctx, named=True) + notes


_TREATMENT = re.compile(
    r"^(?:give|start|use|treat\s+with|administer)\s+(?P<given>[^.;:,()]+?)\.?$", re.IGNORECASE
)
"""An instruction after a sentence's dash saying what to give ("- give thiamine")."""
MAX_GIVEN_WORDS = 4
_HOW_GIVEN = frozenset(
    "with without by at in as before after over on for once twice daily slowly orally it them"
    " this that nothing".split()
)
"""Words that open how or when something is given ("give with food", "give it slowly"), or
that give nothing: no treatment named."""
_NO_NAME = frozenset(
    "it this that these those they he she we you there here the a an its their".split()
)
"""A sentence opening with a pronoun or an article names nothing the front can ask about."""


def _treatments(block: ListBlock) -> list[tuple[ListItem, str, str]]:
    """The items of a list that state something of a named thing and then, after a spaced dash,
    what to give for it (`- Korrin fever causes rash and joint pain - give velbarin`): the name
    (the words before the sentence's verb, up to MAX_NAME_WORDS, opening with a capital) and
    what is given. Such an item has a verb before its dash, so it is no named pair; read whole,
    it was no card at all, and what to give for it is the fact its author wrote it for."""
    found_items = []
    for item, found in _dashed(block):
        given = _TREATMENT.match(found["meaning"].strip())
        verb = _VERB.search(found["finding"])
        if given is None or verb is None or len(given["given"].split()) > MAX_GIVEN_WORDS:
            continue
        if given["given"].split()[0].lower() in _HOW_GIVEN:
            continue  # "- give with food": how a drug is taken, not what is given
        name = found["finding"][: verb.start()].strip()
        words = name.split()
        if (
            not words
            or len(words) > MAX_NAME_WORDS
            or not name[:1].isupper()
            or words[0].lower() in _NO_NAME
            or name.endswith((",", ";", ":"))
        ):
            continue
        found_items.append((item, name, given["given"].strip()))
    return found_items


def _treatment_notes(
    block: ListBlock, carded: set[int], section: Section, ctx: Context
) -> list[Note]:
    """ "Korrin fever: treatment?" -> "Velbarin", for each of `_treatments` no note asks."""
    notes = []
    for item, name, given in _treatments(block):
        if item.line in carded:
            continue
        heading = ctx.heading(section)
        within = "" if heading.lower() in name.lower() else f"{heading} — "
        front = f"{within}{name}: treatment?"
        key = make_key("statements", section.path, f"{name} treatment")
        back = given[:1].upper() + given[1:]
        notes.append(ctx.note("statements", "basic", front, back, key, section, item.line))
    return notes


_BRACKET = re.compile(r"\([^()]*\)")


MAX_LONG_ITEM_WORDS = 50
MAX_LONG_ANSWER_WORDS = 120
"""A slide's or handout's points are often whole long sentences ("The virus stays in the body
after chickenpox and, when immunity falls, can reactivate as …"): a list of them under a heading
that asks or names its subject was left with no card, its facts lost. The heading asked with the
sentences as its answer is a long card, never a cloze over a sentence, and beats a lost fact."""


def _long_statements(block: ListBlock, items: list[str]) -> bool:
    """A short list of statements some of which run past MAX_ITEM_WORDS (up to
    MAX_LONG_ITEM_WORDS, MAX_LONG_ANSWER_WORDS in all), or which mix in an item that is only a
    bold phrase ("**Painful rash**"): that is a point of its own among them."""
    if not 2 <= len(items) <= MAX_ITEMS:
        return False
    lengths = [len(text.split()) for text in items]
    bold = [_whole_bold(item.text) for item in block.items]
    if sum(lengths) > MAX_LONG_ANSWER_WORDS or all(bold):
        return False
    if max(lengths) <= MAX_ITEM_WORDS and not any(bold):
        return False  # short statements are `_statements`'s
    for item, text, words, whole in zip(block.items, items, lengths, bold, strict=True):
        if item.blocks or _LINKED.search(item.text) or is_example_text(text):
            return False
        if whole:
            continue  # "**Painful rash**" heads the sentences that follow it
        if item.text.lstrip().startswith(("**", "__")) or "->" in text:
            return False
        if _LABELLED.match(text) and not _labels_sentences(text):
            return False  # `Drugs: …` items are asked one by one (definition)
        if not MIN_ITEM_WORDS <= words <= MAX_LONG_ITEM_WORDS or text.endswith((":", "?")):
            return False
    return True


def _labels_sentences(text: str) -> bool:
    """A plain label over whole sentences of its own, two or more ("Cleaning: The tube sits in
    … . Change the fluid weekly."): a point of the list like the others, which no rule asks by
    its label (a definition's answer is no run of sentences). A label over one sentence
    (`Signs of overdose: Give the antidote.`) is a label and its value, asked alone."""
    label = _LABELLED.match(text)
    rest = text[label.end() :].strip() if label is not None else ""
    return (
        len(rest.split()) >= MIN_STATEMENT_WORDS
        and rest[:1].isupper()
        and rest.endswith(".")
        and bool(sentence_gaps(rest))
    )


_WHOLE_BOLD = re.compile(r"^\s*(\*\*|__)[^*_:]+\1\s*$")


def _whole_bold(text: str) -> bool:
    """The item is one bold phrase and nothing else, with no label colon."""
    return _WHOLE_BOLD.match(text) is not None


def _labelled(item: ListItem) -> bool:
    """An item opening with a bold label (`**Class**: …`, `**Fever** (over 38 °C)`), not with a
    bold statement of its own (`**Never rub the limbs** (massage) -- it can trigger …`): a bold
    opening of MIN_BOLD_WORDS words or more that the definition rule reads as no term."""
    text = item.text.lstrip()
    if not text.startswith(("**", "__")):
        return False
    bold = _BOLD_OPENING.match(text)
    if bold is None or len(plain(bold.group("bold")).split()) < MIN_BOLD_WORDS:
        return True
    return definition(item) is not None


_BOLD_OPENING = re.compile(r"^(\*\*|__)(?P<bold>[^*_\n]+?)(\*\*|__)(?!\s*[:—–]|\s+-\s)")
MIN_BOLD_WORDS = 3
