"""Lists of short items become one Cloze note, one cloze per item, so each item is its own card.

What the list is about comes from its lead-in (`leads.py`): a lead-in sentence before the list
("These treatment options include:"), a label line (`**Droplets**`, `Normal BP:`) or a bold lead-in
naming a thing, failing those the section's subject; the deck's topic is added when none names it.
Each item is one cloze when it is short (a few words, not a sentence); an item that opens with a
bold phrase (`**Gown** – tie at the neck`, `**Push, don't pull** – easier`) has only that phrase
hidden. A sub-list an item heads (an outline's `- Treatment` over its points) is a list of its own,
asked under the item's label with the label above it as context ("Treatment — regimens"); names each
over one detail (`- Velbarin` / ` - red urine`) have the details hidden, not the names. Other
sub-lists of an item are shown on the back. An item too long to recall word for word is never a
cloze whole: its short head is (`Varn / Vetch, especially in late summer`, `Quench or Quit - use
water if small`), or else it stays visible; a list with too many such items gets, after a lead-in, a
Basic card whose answer is the list (when it is short enough), and else no card. A list of criteria
(every item a threshold: `Fasting glucose ≥7.0 mmol/L OR`) has the thresholds hidden; an `OR` ending
an item stays between the items. Lists of questions, worked examples, keyword indexes ("INICET
Buzzwords") and the questions the faq rule reads make no cloze. The steps that make a medicine up
(`### Mixing instructions` over `- Draw up 1 mL …`, `- Inject into a 100 mL bag`) are asked together
("Mixing instructions in X: steps?"), never a cloze per step. An answer key (every item ending in
a tick or a cross, both used: `- Sleepy ✗`) hides only its ticked items; the crossed ones are named
on the back ("Not: Sleepy"), never hidden as facts.
"""

from __future__ import annotations

import re
from dataclasses import replace

from ..abbreviations import find_abbreviations
from ..document import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RawBlock,
    Section,
    is_named_sequence,
    named_stage,
    to_markdown,
)
from ..notes import NUMBERED_DELETION, Note, cloze_numbers, deletion, literal, make_key
from ..text import (
    ARROW,
    ARROW_SPLIT,
    CJK,
    CJK_LETTERS,
    FACET_NAMES,
    FIGURE,
    INSTRUCTION_VERBS,
    MAX_ANSWER_WORDS,
    chain_nodes,
    content_words,
    drawn_arrows,
    explained_initials,
    heading_subject,
    heading_text,
    is_container_heading,
    is_generic_heading,
    is_pep_talk,
    is_relational,
    is_result,
    label_asks,
    lower_first,
    name_key,
    names_by_colour,
    names_topic,
    newly_read,
    one_answer,
    opens_with_baseline,
    opens_with_facet,
    plain,
    points_at_picture,
    short_subject,
    single_spaced,
    spelled_initials,
    split_number,
    split_sentences,
    states_a_figure,
    with_twin,
    without_asides,
    without_code_asides,
    without_emoji,
    word_count,
)
from .context import Context
from .definition import (
    MIN_MEMBERS,
    definition,
    has_points,
    idle_glosses,
    is_definition_list,
    is_instruction,
    names_relation,
    names_signs,
    takes_one_of,
)
from .faq import answered_blocks
from .forms import is_choice_item, told_among_fields
from .leads import (
    FINITE_VERBS,
    Lead,
    claim_term,
    is_claim,
    is_example,
    is_flag,
    is_index,
    is_open_clause,
    item_subject,
    lead_of,
    leads,
    out_of_math,
    points_back,
    stands_for,
    subject,
)
from .statements import EMPTY_MARKS, finding_pairs, named_pairs, numbered_statements

MAX_ITEM_WORDS = 12
"""The longest item clozed whole; longer ones are sentences to read, not recall."""
MAX_BOLD_WORDS = 8
"""The longest bold phrase clozed inside an item."""
MAX_BOLD_ITEM_WORDS = 30
"""The longest item whose bold phrase is clozed (the rest stays visible on the front)."""
MAX_WHOLE_WORDS = 10
"""An item of this many words is not clozed whole: only its figure or emphasised phrase."""
MIN_FIGURE_ITEM_WORDS = 4
"""A statement this long whose figure follows a qualifier ("Improves within {{2 days}}") has the
figure clozed; a shorter item, or a figure after a name ("Prednisolone 40 mg daily"), is
clozed whole."""
MAX_FIGURE_CONTEXT_WORDS = 15
MAX_HEAD_WORDS = MAX_BOLD_WORDS
"""The longest head (the words before an item's first dash, colon, bracket or comma) hidden
in an item too long to be one cloze."""
MAX_LONG_SHARE = 4
"""A list clozes around its long items (MAX_WHOLE_WORDS words or more with no figure or
emphasised phrase to delete: left visible, no deletion) when they are at most a quarter of it;
more, and it is a list of sentences, not of things to recall."""
MAX_STEPS = 10
"""A longer numbered procedure is not learnt one cloze per step (a 21-step procedure would be
21 cards on one long front)."""
MAX_LEAD_WORDS = 45
MIN_ITEMS = 2
MIN_CLOSED_DELETIONS = 2
MAX_CLOSED_WORDS = 3
"""Short items (two at least, of three words at most) that let a last long item stand beside
them as text."""
MAX_LIST_ANSWER_ITEMS = 6
MAX_LIST_ANSWER_WORDS = 80
"""A list that cannot be clozed is a Basic card's answer only within `check`'s limits (its
LIST-ON-BASIC and LONG-ANSWER defaults, 6 items and 80 words)."""

_LINK_ONLY = re.compile(r"^\[[^\]]*\]\([^)]*\)\W*$")
"""An item that is only a link points elsewhere: a reading list, not facts."""
_BOLD_HEAD = re.compile(r"^(\*\*|__)(?P<bold>[^*_].*?)(\*\*|__)")
_ASK_CUE = re.compile(
    r"(?:,?(?:\s+(?:may|can|might|could|will|also|often|usually))*"
    r"\s+(?:such as|include|includes|including|as follows|the following))?\s*:?\s*$",
    re.IGNORECASE,
)


def extract(section: Section, ctx: Context) -> list[Note]:
    notes = []
    answered = answered_blocks(section.blocks)
    listed: bool | None = None
    asked: set[str] = set()  # the fronts of labelled points made so far
    ambiguous: set[str] = set()
    for index, (lead, block) in enumerate(leads(section.blocks)):
        if not isinstance(block, ListBlock) or index in answered:
            continue
        wrong = _crossed(block)
        if is_example(lead, section) and not wrong:
            continue  # a worked example's answer key is its stated conclusion: asked
        if (is_index(section.title) and (lead is None or lead.kind != "sentence")) or (
            lead is not None and is_index(lead.text)
        ):
            continue  # a keyword index ("INICET Buzzwords"): bare words, each a fact elsewhere;
            # a sentence leading a list in ("The biopsy can show:") says what its words are
        if lead is not None and lead.kind == "sentence" and points_at_picture(lead.text):
            continue  # "As shown in the diagram:": what it leads reads a picture no card shows
        if wrong:  # an answer key: its ticked items asked, its crossed ones named on the back
            right = tuple(
                replace(i, text=_unticked(i.text)) for i in block.items if i.line not in wrong
            )
            block = ListBlock(block.ordered, right, block.line)
        lone = _lone_item_note(block, section, ctx) if lead is None else []
        if lead is None and not lone:  # `ALP is non-specific` / `- e.g. comes from bone`
            lone = _example_note(block, section.blocks[index - 1] if index else None, section, ctx)
        if lead is not None:
            if listed is None:  # once a section: whether it holds a list of its own
                listed = any(isinstance(b, ListBlock) and len(b.items) > 1 for b in section.blocks)
            lone = _labelled_point_note(block, lead, section, ctx) if listed else []
            if lone and lone[0].front in asked:  # the same label under many owners
                ambiguous.add(lone[0].front)
        if lone:
            notes.extend(lone)
            asked.add(lone[0].front)
            continue
        made = _list_notes(block, lead, section, ctx)
        if not made and lead is not None:  # `由：` over one or two bold names: the heading's
            made = _flagged_names_note(block, lead, section, ctx)
        if wrong:
            named = "Not: " + "; ".join(plain(text) for text in wrong.values())
            made = [replace(n, back=f"{n.back}\n\n{named}" if n.back else named) for n in made]
        notes.extend(made)
    if ambiguous:  # `Treatments:` over one point under each of many groups, the group's name
        # lost: one question with many answers, none of them right alone; asked nowhere
        notes = [note for note in notes if note.front not in ambiguous]
    return notes


_TICKS = frozenset("✓✔✅☑")
_CROSSES = frozenset("✗✘❌✕")
"""A tick or a cross ending an item: the author's answer key (`- Sleepy ✗`)."""


def _mark(text: str) -> str:
    """The tick or cross ending `text` (before a variation selector), or ""."""
    last = text.rstrip().removesuffix("\ufe0f")[-1:]
    return last if last in _TICKS or last in _CROSSES else ""


def _unticked(text: str) -> str:
    """An answer key's item without its tick or cross."""
    return text.rstrip().removesuffix("\ufe0f")[:-1].rstrip()


def _crossed(block: ListBlock) -> dict[int, str]:
    """The crossed items (line -> text without its mark) of a list whose every item ends in a
    tick or a cross, both used: an answer key ("select all that apply"), whose crossed items
    are wrong answers, never facts to hide; {} for any other list."""
    marks = [_mark(item.text) for item in block.items]
    if len(marks) < 2 or not all(marks):
        return {}
    crossed = {
        item.line: _unticked(item.text)
        for item, mark in zip(block.items, marks, strict=True)
        if mark in _CROSSES
    }
    return crossed if 0 < len(crossed) < len(block.items) else {}


def _member_of(name: str, heading: str) -> bool:
    """True when a bare name of one or two words ends as the class its heading names does
    ("Meropenem" under "Carbapenem", "Atorvastatin" under "Statins"): a member of that class,
    the one example the author gives of it."""
    words, named = name.split(), plain(heading).strip().split()
    if not words or len(words) > 2 or not named or len(named) > 3:
        return False
    if any(not word.isalpha() for word in words):
        return False
    last, cls = words[-1].lower(), named[-1].lower().rstrip("s")
    if last == cls:
        return False
    shared = 0
    while shared < min(len(last), len(cls)) and last[-1 - shared] == cls[-1 - shared]:
        shared += 1
    return shared >= MIN_CLASS_ENDING


MIN_CLASS_ENDING = 4
"""Letters a member's name shares with the end of its class's ("-penem", "-statin")."""


_LONE_WORD = re.compile(r"[A-Za-z]{3}")
_NOT_LONE = re.compile(r"^[\"“'‘]|^(?:e\.g\.|eg\b|example|see\b)|\bor\b|\betc\b", re.I)
"""A quote, an example, a pointer, a choice between two ("congruent or not") or an open list."""


def _lone_item_note(block: ListBlock, section: Section, ctx: Context) -> list[Note]:
    """A heading over a list of one short item and nothing else (`#### Auscultation` over `-
    Two fetal hearts heard`): the item answers the heading, "Auscultation in twins?" -> the
    item. A heading naming no subject ("Notes", "Links"), a link, a question, a lead-in item or
    a statement (a sentence, read by the statement rules) asks nothing here."""
    if len(block.items) != 1 or section.blocks != (block,):
        return []
    item = block.items[0]
    text = plain(without_emoji(item.text)).strip()
    words = text.split()
    if is_instruction(text) or ":" in text or "==" in item.text or definition(item) is not None:
        return []  # the heading's rule (statements), a `Label: value` (definition), markup
    if item.blocks or not 0 < len(words) <= MAX_ITEM_WORDS or text.endswith(("?", ":", ".")):
        return []
    if is_sentence(text) or _LONE_WORD.search(text) is None or _NOT_LONE.search(text):
        return []  # a statement (another rule's), a score ("3 2 1 0"), a quote, choices
    if len(words) > 2 and all(word[:1].isupper() for word in words):
        return []  # `- Place Time Person`: a form's choices in a row
    if _LINK_ONLY.match(without_emoji(item.text).strip()) or _gives_an_address(item):
        return []
    title = heading_text(section.title)
    if not title or is_generic_heading(title) or is_container_heading(section.title):
        return []
    if is_facet(title) or is_relational(title) or plain(title).lower().rstrip(":. ") in FACET_NAMES:
        return []  # `## Findings` over one finding: one of the heading thing's, not its answer
    question = _intro(None, section, ctx).rstrip(" ,;:-–—") + "?"
    if ctx.language == "en" and _member_of(text, title):  # `### Carbapenem` / `- Meropenem`
        question = question[:-1] + ": example?"  # one of the class, not what the class is
    if nodes := chain_nodes(section.title):  # `R --> H --> growth effects` over its outcome:
        question = ctx.situate(f"{' → '.join(nodes)} — leads to?")  # the chain asks, not R alone
    answer = single_spaced(without_emoji(item.text)).strip()
    key = make_key("enumeration", section.path, text, item.pin, "lone")
    return [ctx.note("enumeration", "basic", question, answer, key, section, item.line)]


def _example_note(
    block: ListBlock, before: Block | None, section: Section, ctx: Context
) -> list[Note]:
    """A short claim over one example of it (`ALP is not specific` / `- e.g. made in bone
    too`): the claim asked for its example, "<section>: ALP is not specific — for example?" ->
    the example. Neither a lead-in nor a list of facts, it gave no note and the claim was lost."""
    if len(block.items) != 1 or block.items[0].blocks or not isinstance(before, Paragraph):
        return []
    item = block.items[0]
    example = _FOR_EXAMPLE.match(plain(without_emoji(item.text)).strip())
    claim = plain(before.text).strip().rstrip(".")
    if example is None or not example.group("rest") or "\n" in claim:
        return []
    if not 1 < len(claim.split()) <= MAX_CLAIM_WORDS or claim.endswith((":", "?")):
        return []
    own = _OWN_SUBJECT.match(claim)
    if own is not None and not names_topic(heading_text(section.title), own.group("name")):
        question = f"{claim} — for example?"  # "ALP is …" under `## ALT and AST`: its own
    else:
        question = f"{ctx.heading(section)}: {claim} — for example?"
    key = make_key("enumeration", section.path, f"{claim}: e.g.", item.pin, "example")
    answer = example.group("rest").strip()
    return [ctx.note("enumeration", "basic", question, answer, key, section, item.line)]


_FOR_EXAMPLE = re.compile(
    r"(?:e\.\s?g\.?|eg\.?|for example|for instance|p\.\s?ej\.|ad es\.|z\.\s?B\.|por ex\.|ex\.)"
    r"[,:]?\s+(?P<rest>.+)$",
    re.IGNORECASE,
)
"""An item that is only an example of what the line above says (`- e.g. made in bone`)."""
MAX_CLAIM_WORDS = 12
_OWN_SUBJECT = re.compile(
    r"^(?P<name>[A-Z][A-Z0-9]{1,5}s?)\s+(?:is|are|was|were|has|have|can|may|comes?|rises?)\b"
)
"""A claim whose subject is an abbreviation (`ALP is not specific`): it names its own topic,
which a heading naming other things ("ALT and AST") would misfile it under."""


def _labelled_point_note(
    block: ListBlock, lead: Lead, section: Section, ctx: Context
) -> list[Note]:
    """A part's label over its one point (`Wet type — treatment:` over `- Saline`, a tree's
    label unfolded) beside other lists (the caller's test): "Wet type — treatment?" -> the
    point. A section of such lines alone is the term rule's (`Label: value` lines)."""
    if len(block.items) != 1 or block.items[0].blocks or lead.kind not in ("label", "name"):
        return []
    owned = " — " in lead.text and is_relational(lead.text.rsplit(" — ", 1)[1])
    lower_clause = lead.text[:1].islower() and len(lead.text.split()) > 1
    if not owned and (_labelled_value(lead.text) or lower_clause):
        return []  # `Dose: 5 mg` says its own value; `also give:` is a sentence's lead-in
    if not owned and _BOLD_SPAN.fullmatch(block.items[0].text.strip()):
        return []  # `- **Early walking**`: the first of parts told one by one, no answer
    item = block.items[0]
    text = plain(without_emoji(item.text)).strip()
    if lead.opens:  # `Velbarin (Velba):` over its one fact, sentence or not: the entry's note
        if not 0 < len(text.split()) <= MAX_ENTRY_POINT_WORDS or text.endswith((":", "?")):
            return []
    elif block.ordered or named_stage(item) is not None:
        return []  # `1. **Early mobilising**` over points written after it: a series' first
    elif " — " in lead.text and not is_relational(lead.text.rsplit(" — ", 1)[1]):
        return []  # a part named with its owner (`unfold_labels`), or a label of its own
    elif (" — " not in lead.text and not _asks_point(lead.text)) or (
        not 0 < len(text.split()) <= MAX_ITEM_WORDS or is_sentence(text)
    ):
        return []  # a label that names no point of its own, or a point too long to be one
    question = _intro(lead, section, ctx).rstrip(" ,;:-–—") + "?"
    key = make_key("enumeration", section.path, f"{lead.text}: {text}", item.pin, "lone")
    answer = single_spaced(without_emoji(item.text)).strip()
    return [ctx.note("enumeration", "basic", question, answer, key, section, item.line)]


MAX_ENTRY_POINT_WORDS = 30
"""The longest one fact under a reference entry's name line asked as that entry's note."""


def _asks_point(label: str) -> bool:
    """A label of a few words that names what its one point is (`SV2A block:` over `-
    Levetiracetam`), as a `Label: value` line does: no sentence, no generic word ("Notes"), no
    pointer to more ("See also")."""
    text = plain(without_emoji(label)).strip().rstrip(":").strip()
    if not 0 < len(text.split()) <= MAX_ASKED_LABEL or is_sentence(text):
        return False
    if _SAYING.search(text) is not None:
        return False  # "may also be ordered:": a clause leading on, no name of its point
    return not is_generic_heading(text) and _NOT_LONE.search(text) is None


_SAYING = re.compile(
    r"\b(?:can|may|might|should|must|is|are|was|were|will|puede|pueden|debe|deben|es|son|pode"
    r"|podem|deve|devem|é|são|peut|peuvent|doit|doivent|est|sont)\b",
    re.IGNORECASE,
)
"""A modal or a copula, in English or as Spanish, Portuguese and French write it: a label
holding one says something ("tb se puede pedir"), so it names no answer."""


def _labelled_value(label: str) -> bool:
    """A label line that holds a value of its own after a colon (`Dose: 5 mg`)."""
    head, colon, rest = label.partition(":")
    return bool(colon and head.strip() and rest.strip())


MAX_FLAGGED_NAMES = 4
_BOLD_ONLY = re.compile(r"(\*\*|__)[^*_\n]+?\1")
_CLOSING = re.compile(r"^(?:[A-Za-z]+\s+)?[A-Za-z]+[.。]?$|^[\u3400-\u9fff]{1,3}[.。]?$")
"""A continuation line that only closes the lead-in's sentence around the list (`构成。`,
`form it.`): the list's frame, no words of its last item's."""


def _flagged_names_note(block: ListBlock, lead: Lead, section: Section, ctx: Context) -> list[Note]:
    """A heading over a lead-in that names nothing (`由：`, a fragment) and a list of a few bold
    names, maybe with a tail line indented under an item (`* **Muscle M**` / `  and the bone it
    sits on`), and nothing else: the names answer the heading, "Side wall?" -> "Muscle M and the
    bone it sits on". The tail is the item's; one that only closes the lead-in's sentence
    (`构成。`) is left out. Before, one name made no note and a tail left the list unasked."""
    if lead.kind != "flag" or not 0 < len(block.items) <= MAX_FLAGGED_NAMES:
        return []
    if len(section.blocks) > 3:  # the lead-in, the list, a closing rule: cheap on long sections
        return []
    rest = [
        b
        for b in section.blocks
        if not (b is block or (isinstance(b, RawBlock) and b.kind == "hr"))
    ]
    if len(rest) != 1 or not isinstance(rest[0], Paragraph):
        return []
    names = []
    for number, item in enumerate(block.items):
        first, _, tail = item.text.strip().partition("\n")
        if item.blocks or _BOLD_ONLY.fullmatch(first.strip()) is None or "\n" in tail.strip():
            return []
        tail = tail.strip()
        last = number == len(block.items) - 1
        if tail and (not last or _CLOSING.match(plain(tail)) is None):
            first = f"{first.strip()} {tail}"
        names.append(single_spaced(without_emoji(first)).strip())
    title = heading_text(section.title)
    if not title or is_generic_heading(title) or is_container_heading(section.title):
        return []
    question = _intro(None, section, ctx).rstrip(" ,;:-–—") + "?"
    answer = names[0] if len(names) == 1 else "\n".join(f"- {name}" for name in names)
    key = make_key("enumeration", section.path, plain(names[0]), block.items[0].pin, "lone")
    return [ctx.note("enumeration", "basic", question, answer, key, section, block.items[0].line)]


def _list_notes(
    block: ListBlock,
    lead: Lead | None,
    section: Section,
    ctx: Context,
    outer: str = "",
    staged: bool = False,
    under_result: bool = False,
) -> list[Note]:
    """A list's notes, then those of the sub-lists its items head (`_nested`). `outer` is the
    label of the item a sub-list hangs under, "" for a list of the section's own; the list is
    `under_result` when a test's result was passed over above it (`- Positive`)."""
    folded = _glosses_folded(block)
    glossed = folded is not block  # `- i.e. …` under an item: its gloss, on the back
    block = _prompted_terms(folded)
    if is_named_sequence(block):
        return _sequence_notes(block, lead, section, ctx, outer)
    if lead is not None and lead.kind in ("label", "name") and is_result(lead.text):
        under_result = True  # `- Positive` over `- Brief` / its causes: kinds of that result
    notes = []
    nested, hoisted = _nested(block, lead, section, ctx, outer, staged)
    if _checklist(block, lead, section, ctx):
        return nested  # `- Back wall` / `- Side wall`, each told under its heading: an outline
    if any(is_condition(item) for item in block.items):
        notes.extend(_condition_notes(block, lead, section, ctx, outer))
        if block.ordered:  # a numbered step stays, its sub-list asked apart: "repeat step 2"
            rest = tuple(  # still points at step 2
                ListItem(i.text, i.line, (), i.pin) if is_condition(i) else i for i in block.items
            )
        else:
            rest = tuple(item for item in block.items if not is_condition(item))
        block = ListBlock(block.ordered, rest, block.line)
    shown: frozenset[int] = frozenset()
    headings: frozenset[int] = frozenset()
    if hoisted:
        if not block.ordered:  # a one-word label ("Treatment") or a lead-in ("… (the I's):")
            among_steps = _has_steps(block, hoisted)  # among steps, a label heads a part: shown
            shown = frozenset(
                i.line for i in block.items if i.line in hoisted and (_is_label(i) or among_steps)
            )
            if _kinds_beside(block, hoisted, shown):  # `- Raised` still drops out
                shown = frozenset(
                    i.line for i in block.items if i.line in shown and _says_nothing(i.text)
                )
            if _label_outline(block, hoisted, lead):  # `- Tablet form` over its doses
                headings = frozenset(
                    i.line for i in block.items if i.line in hoisted and _sub_heading(i)
                )  # a sub-heading, no item; one over points asked here is shown, never hidden
                shown |= {
                    i.line
                    for i in block.items
                    if i.line not in hoisted and not _valued(i) and _sub_heading(i)
                }
            # a clause over its own list asked apart, a label over what its back shows
            shown |= {
                i.line
                for i in block.items
                if (i.line in hoisted and _clause_label(i)) or _outline_lead_in(i)
            }
        if not block.ordered:  # a lead-in item over its own list asked apart: not an item here
            rest = tuple(  # nor a facet over it (`- Indications` / its uses): a sub-heading
                i
                for i in block.items
                if i.line not in hoisted
                or (
                    _leads_in(i) is None
                    and not _bare_lead_in(i)
                    and (i.line in shown or not _facet_over_list(i))
                )
            )
            block = ListBlock(block.ordered, rest, block.line)
        elif _breaks_down(lead):  # a numbered bold title heads its points, no item here
            rest = tuple(i for i in block.items if i.line not in hoisted or not is_bold_title(i))
            if not rest:
                return notes + nested
            block = ListBlock(block.ordered, rest, block.line)
        block = _without_hoisted(block, hoisted)
        if all(i.line in shown or is_relational(plain(i.text)) for i in block.items):
            return notes + nested  # "rf / clinical / rx": an outline's facets, each asked apart
        if headings:  # the labels over one point left: asked for it ("tablet form? — 10 mg")
            rest = tuple(i for i in block.items if i.line not in headings)
            if not rest:
                return notes + nested
            lone = None
            if len(rest) == 1:
                lone = _lone_point_note(rest[0], lead, section, ctx, outer, under_result)
            if lone is not None:
                return [*notes, lone, *nested]
            block, shown = ListBlock(block.ordered, rest, block.line), shown - headings
    if outer and lead is not None and is_definition_list(block):
        notes.extend(_term_notes(block, lead, section, ctx, outer))
    if is_preparation(block, lead.text if lead is not None else "", section.title):
        steps = _steps_note(block, lead, section, ctx)
        return notes + ([steps] if steps is not None else []) + nested
    if not outer and (finding_pairs(block.items) or (lead is None and named_pairs(block))):
        return notes + nested  # `- Night pain - Malignancy`: each finding asked (statements)
    unnamed = lead is None or lead.kind == "flag"  # no lead-in, or `**Important:**` / `【重点】`
    keyed = _keyword_sentences(block) if unnamed and not outer and not block.ordered else {}
    if len(keyed) >= MIN_KEYED_SENTENCES or _cjk_keyed(block, keyed) or (glossed and keyed):
        notes.extend(_keyword_notes(block, keyed, lead, section, ctx))
        return notes + nested
    if not outer and names_signs(lead, section) and is_definition_list(block):
        # each sign's meaning is the definition rule's
        notes.extend(_signs_note(block, lead, section, ctx))
    listed: list[Note] = []
    if _enumerates(block):
        whole = block
        if not outer and any(has_points(item) for item in block.items):
            # a `Term: value` item over its points: carded by the definition rule
            rest = tuple(item for item in block.items if not has_points(item))
            block = ListBlock(block.ordered, rest, block.line)
        listed = _cloze_notes(block, lead, section, ctx, outer, shown, hoisted, under_result)
        if not listed and not outer:
            listed = _management_notes(block, lead, section, ctx)
        block = whole
    elif not outer:
        listed = _management_notes(block, lead, section, ctx)
    if not listed and not outer and idle_glosses(block, lead, section):
        # members whose gloss says nothing more, no card of their own: asked here
        listed = _members_note(block, lead, section, ctx)
    elif (
        not listed
        and not outer
        and len(block.items) >= MIN_MEMBERS
        and names_relation(lead, section)
        and is_definition_list(block)
    ):
        # `**Stroke**: …` under "Complications of X": that X leads to each is the fact, the
        # glosses (the definition rule's) say what each is
        listed = _signs_note(block, lead, section, ctx)
    return notes + listed + nested


_RESTATES = re.compile(
    r"(?:\*\*|__)?(?:i\.\s?e\.|that is(?: to say)?,|in other words,"
    r"|即[：:，,]|也就是说|换言之|换句话说)",
    re.IGNORECASE,
)
"""An item saying the one above again in other words (`- i.e. **A and B together**`, `- 即：…`)."""


def _glosses_folded(block: ListBlock) -> ListBlock:
    """The list with each item that restates the item above (`_RESTATES`) moved under it, as a
    paragraph for the back: a gloss is no fact of its own, and as a second deletion each card
    would print the other's answer in other words."""
    if not any(_RESTATES.match(item.text) for item in block.items[1:]):
        return block
    items: list[ListItem] = []
    for item in block.items:
        if items and _RESTATES.match(item.text):
            above = items[-1]
            gloss = Paragraph(item.text, item.line)
            items[-1] = ListItem(
                above.text, above.line, (*above.blocks, gloss, *item.blocks), above.pin
            )
        else:
            items.append(item)
    return ListBlock(block.ordered, tuple(items), block.line)


def _checklist(block: ListBlock, lead: Lead | None, section: Section, ctx: Context) -> bool:
    """A list of bare names that asks nothing: under a label or none, each the name of one of
    the document's headings (its outline: what is told there is asked there; a sentence
    leading in, "The options include:", makes it a fact); or under a checklist's heading
    (`### Must recognise`, `### 如何寻找主要结构`), names to find or know with no label saying
    what they are (`- Main branches:` over them is asked)."""
    if len(block.items) < MIN_ITEMS:
        return False
    names = [_bare_name(item) for item in block.items]
    if not all(names):
        return False
    said = lead is not None and lead.kind != "flag" and _NOT_A_LABEL.search(plain(lead.text))
    if not said and all(name_key(name) in ctx.names for name in names):
        return True
    return bool(said or lead is None or lead.kind == "flag") and (
        _CHECKLIST.match(heading_text(section.title)) is not None
    )


def _bare_name(item: ListItem) -> str:
    """The item's text when it is only a name or names (`Back wall`, `肌皮神经`, `A、B`): one
    line, nothing under it, no sentence, figure or emphasis; "" otherwise."""
    text = item.text.strip()
    if item.blocks or "\n" in text or len(text) > MAX_NAME_CHARS or _NOT_A_NAME.search(text):
        return ""
    return text if len(text.split()) <= MAX_NAME_WORDS else ""


MAX_NAME_CHARS = 40
MAX_NAME_WORDS = 4
_NOT_A_NAME = re.compile(r"[*_`\[\d.:;!?：；。！？，]|,\s|\s[-–—]\s")
_NOT_A_LABEL = re.compile(r"[，,。]|(?:\S+\s+){9}\S")
"""A lead-in that is a sentence (a comma, ten words or more), naming no kind of thing."""
_CHECKLIST = re.compile(
    r"(?:things\s+|what\s+)?(?:you\s+)?(?:must|should|need\s+to)\s+(?:know|recogni[sz]e|"
    r"identify|find|be\s+able\s+to)\b|how\s+to\s+(?:find|locate|identify|recogni[sz]e)\b|"
    r"checklist|必须会|必须(?:掌握|认识|辨认)|需要(?:掌握|辨认|找到)|如何(?:寻找|找到|辨认|识别)",
    re.IGNORECASE,
)
"""A checklist's heading: what to know or find (`Must recognise`, `How to find them`, 必须会认
"must recognise", 如何寻找 "how to find")."""


def _prompted_terms(block: ListBlock) -> ListBlock:
    """A history-taking list (`- Dyspnoea - at rest? on exertion?`, `- Orthopnoea - how many
    pillows?`, `- Angina?`): each item's term is the fact, the questions after its dash are what
    to ask about it, never an answer: the item reads as its term, its questions go to the back
    under it. Two such items at least, none opening in bold (`**P**rovokes - what makes it
    worse?` spells a mnemonic; `**Assess** - is it …?` is a step with its check); any other
    list is returned as it is."""
    prompted = {}
    for item in block.items:
        text = item.text.strip()
        found = _PROMPTED.fullmatch(text) if "?" in text and text[:1] not in "*_" else None
        if found is not None and len(plain(found["term"]).split()) <= MAX_ASKED_LABEL:
            prompted[item.line] = found
    if len(prompted) < MIN_ITEMS:
        return block
    items = []
    for item in block.items:
        found = prompted.get(item.line)
        if found is None:
            bare = _ASKED_TERM.fullmatch(item.text.strip())
            if bare is None or item.blocks:
                items.append(item)
                continue
            items.append(replace(item, text=bare["term"]))  # `- Angina?` beside them: a term
            continue
        asked = Paragraph(found["prompt"][:1].upper() + found["prompt"][1:], item.line)
        items.append(replace(item, text=found["term"], blocks=(asked, *item.blocks)))
    return ListBlock(block.ordered, tuple(items), block.line)


def asks_only(text: str) -> bool:
    """Text that is questions only ("At rest? on exertion?"): what to ask, no answer."""
    said = plain(text).strip()
    return said.endswith("?") and _SAYS_END.search(said) is None


_SAYS_END = re.compile(r"[.!:](?:\s|$)")
_PROMPTED = re.compile(r"(?P<term>[^?\n]{2,60}?)\s+[-–—]\s+(?P<prompt>[^\n]*\?)")
_ASKED_TERM = re.compile(r"(?P<term>[^?\s][^?\n]{0,40}?)\s*\?")
"""`Term - question?` and, beside such items, a bare `Term?`."""


_MANAGEMENT = re.compile(r"\b(?:manag\w*|treat\w*|therap\w*|what to do|first aid)\b", re.I)
"""A heading or lead-in naming what is done about a condition ("Management", "Treatment of
…", "Each of these points matters in treating it:")."""
_MODAL = re.compile(r"\b(?:should|must)\s+(?:not\s+|never\s+|also\s+)?be\s+\w+ed\b", re.I)
"""An instruction said of its object: "Early use of velbarin should be avoided"."""
_MANAGING = frozenset(
    """start begin continue consider treat admit refer transfuse replace correct administer
    prescribe order arrange discontinue withhold reverse switch""".split()
)
"""Verbs that open a step of treatment besides the general verbs of instruction ("Start Y",
"Consider Z", "Refer to …")."""
MIN_MANAGEMENT_STEPS = 3
MAX_MANAGEMENT_STEP_WORDS = 35


def _management_notes(
    block: ListBlock, lead: Lead | None, section: Section, ctx: Context
) -> list[Note]:
    """A management list of bulleted sentence items no other shape asked (`## Management` or "… in
    treating it:" over `- Stop every source of X, including …` / `- Start Y such as A or B. If
    …`): its instructions are the facts, so the first sentence of each item that tells what to
    do (a verb of instruction, "X should be avoided") is a point of a Basic note, "<heading>:
    what to do?", in parts within the answer's limits (`MAX_LIST_ANSWER_ITEMS`, `_WORDS`). At
    least three such items and half the list; none when the list needs no lead-in line and
    fits a statements answer (six items or fewer under the heading alone: that rule's)."""
    items = block.items
    if block.ordered:
        return []  # numbered steps are a procedure: asked in order (`_procedure_parts`) or told
    if len(items) < MIN_MANAGEMENT_STEPS or (lead is None and len(items) <= MAX_LIST_ANSWER_ITEMS):
        return []
    named = _MANAGEMENT.search(heading_text(section.title)) or (
        lead is not None and lead.kind == "sentence" and _MANAGEMENT.search(lead.text)
    )
    if not named:
        return []
    points: list[tuple[ListItem, str]] = []
    for item in items:
        sentences = split_sentences(single_spaced(plain(item.text)).strip())
        first = sentences[0].strip() if sentences else ""
        if not first or len(first.split()) > MAX_MANAGEMENT_STEP_WORDS:
            continue
        opening = first.split(None, 1)[0].lower()
        if is_instruction(first) or opening in _MANAGING or _MODAL.search(first):
            points.append((item, first))
    if len(points) < MIN_MANAGEMENT_STEPS or len(points) * 2 < len(items):
        return []
    parts = _even_parts(points)
    about = ctx.heading(section) if _MANAGEMENT.search(heading_text(section.title)) else None
    question = about or _intro(lead, section, ctx).rstrip(" ,;:-–—")
    key_intro = plain(_intro_key(lead, section, ctx))
    notes = []
    for number, part in enumerate(parts, 1):
        said = f" (part {number} of {len(parts)})" if len(parts) > 1 else ""
        answer = "\n".join(f"- {text}" for _, text in part)
        key = make_key("enumeration", section.path, key_intro, None, f"what to do{said}")
        front = f"{question}: what to do{said}?"
        notes.append(ctx.note("enumeration", "basic", front, answer, key, section, part[0][0].line))
    return notes


def _even_parts(points: list[tuple[ListItem, str]]) -> list[list[tuple[ListItem, str]]]:
    """Points cut into as few parts as the answer's limits allow, of about equal length (four
    and one would leave a lone point on its own card)."""
    spans = _even_spans([len(text.split()) for _, text in points])
    return [[points[at] for at in span] for span in spans]


def _even_spans(sizes: list[int]) -> list[list[int]]:
    """The indexes of points of these word counts in as few even parts as the answer holds."""
    for count in range(1, len(sizes) + 1):
        size = -(-len(sizes) // count)
        parts = [list(range(at, min(at + size, len(sizes)))) for at in range(0, len(sizes), size)]
        if all(
            len(part) <= MAX_LIST_ANSWER_ITEMS
            and sum(sizes[at] for at in part) <= MAX_LIST_ANSWER_WORDS
            for part in parts
        ):
            return parts
    return [[at] for at in range(len(sizes))]


MIN_KEYED_SENTENCES = 2
_CONDITION_BEFORE = re.compile(
    r"(?:^|[.;]\s+)(?:in|with|for|during|if|when|after|before|among|once)\b[^,;.]{0,40}$",
    re.IGNORECASE,
)
"""The words before a bold phrase that make it the sentence's condition ("In patients with
**liver disease**, …"): shown, never hidden, as the question's premise."""


def _ends_clause(text: str) -> bool:
    """A short item written as a clause of CJK text: it ends as a clause does ('；', '。', '，')."""
    return CJK.search(text) is not None and text.rstrip().endswith((".", ",", "，", *_CJK_STOP))


def _keyword_sentences(block: ListBlock) -> dict[int, list[tuple[int, int]]]:
    """Sentence items (lecture notes written as whole-sentence bullets) with key words in bold
    inside them (`- In patients with **liver disease**, **drugs A and B** are preferred.`): the
    spans each item's card hides, by item index; a condition's bold phrase is shown, the others
    hidden. Only when most items are sentences: in a list of short things to recall the bold
    phrase is one deletion among the items (`cloze_item`); and only when one cloze of the list
    would be wrong: a sentence with nothing bold would be hidden whole, or a condition with its
    answer. Not an item the definition rule reads, one opening with a bold label, one bold as a
    whole, or a mnemonic's letters; never a numbered list, whose steps are read in order."""
    sentences = [item for item in block.items if is_sentence(item.text)]
    if 2 * len(sentences) <= len(block.items):
        return {}
    keyed: dict[int, list[tuple[int, int]]] = {}
    shown = False  # a condition's bold phrase, which one cloze of the list would hide
    for index, item in enumerate(block.items):
        text = single_spaced(without_emoji(item.text)).strip()
        if "\n" in item.text.strip() or definition(item) is not None:
            continue  # `Arachidonic acid → two paths: **COX** …`: the definition rule's
        if not is_sentence(text) and not _ends_clause(text):
            continue  # a short clause (`这就叫**翼状肩胛**。`) among sentences is keyed too
        marks = [m for m in _BOLD_SPAN.finditer(text) if not is_symbol(m.group("inner"))]
        if not marks or marks[0].start() == 0 or _BOLD_SPAN.fullmatch(text.rstrip(" .:")):
            continue  # none, a bold label opening the item (a definition), or all of it bold
        if any(_glued_letter(text[m.end() : m.end() + 1]) for m in marks):
            continue  # `**T**ell`: a mnemonic's letters
        conditions = [m for m in marks if _CONDITION_BEFORE.search(text, 0, m.start())]
        spans = [
            m.span("inner")
            for m in marks
            if m not in conditions and len(m.group("inner").split()) <= MAX_BOLD_WORDS
        ]
        spans = [(a, b - len(text[a:b]) + len(text[a:b].rstrip(".;,:"))) for a, b in spans]
        if spans:  # "**low iron and folate.**": the full stop is no part of the answer
            keyed[index] = spans
            shown = shown or bool(conditions)
    bare = any(is_sentence(item.text) for i, item in enumerate(block.items) if i not in keyed)
    if shown or bare or len(block.items) == 1:  # one item, a gloss under it: no list to cloze
        return keyed
    return {}  # all of them keyed, none a condition: one cloze


def _cjk_keyed(block: ListBlock, keyed: dict[int, list[tuple[int, int]]]) -> bool:
    """One CJK sentence with a bold term among CJK sentences with none: the term is asked (one
    cloze of the list would hide the other sentences whole); English lists need two."""
    return (
        len(keyed) == 1
        and len(block.items) > 1
        and all(CJK.search(item.text) is not None for item in block.items)
    )


def _keyword_notes(
    block: ListBlock,
    keyed: dict[int, list[tuple[int, int]]],
    lead: Lead | None,
    section: Section,
    ctx: Context,
) -> list[Note]:
    """A cloze note per sentence item with key words in bold (`_keyword_sentences`), each bold
    phrase a deletion of its own, the section or lead-in naming what it is about; the item's
    sub-items go on the back. One cloze over the whole list would hide sentences whole, or a
    condition with its answer."""
    intro = _intro(lead, section, ctx)
    if heading_text(section.title).endswith("?"):
        return [_answer_note(block, keyed, intro, section, ctx)]
    notes = []
    for index, spans in keyed.items():
        item = block.items[index]
        text = single_spaced(without_emoji(item.text)).strip()
        out, last = [], 0
        for number, (start, end) in enumerate(spans, 1):
            out.append(literal(text[last:start]) + deletion(number, text[start:end]))
            last = end
        front = unglued_bold(literal(intro) + "\n\n" + "".join(out) + literal(text[last:]))
        key = make_key("enumeration", section.path, plain(text))
        back = to_markdown(_recallable_blocks(item.blocks))
        notes.append(ctx.note("enumeration", "cloze", front, back, key, section, item.line))
    return notes


def _answer_note(
    block: ListBlock,
    keyed: dict[int, list[tuple[int, int]]],
    intro: str,
    section: Section,
    ctx: Context,
) -> Note:
    """Sentence items under a heading that asks a question ("Why is it a poor choice?"): the
    items are the answer's parts, so one note shows them all, each bold phrase a deletion; one
    note per keyed item would leave out the items with nothing bold."""
    lines, number = [], 0
    for index, item in enumerate(block.items):
        text = single_spaced(without_emoji(item.text)).strip()
        out, last = [], 0
        for start, end in keyed.get(index, ()):
            number += 1
            out.append(literal(text[last:start]) + deletion(number, text[start:end]))
            last = end
        lines.append("- " + "".join(out) + literal(text[last:]))
    front = unglued_bold(literal(intro) + "\n\n" + "\n".join(lines))
    key = make_key("enumeration", section.path, plain(intro), None, "answer")
    back = "\n\n".join(
        told for item in block.items if (told := to_markdown(_recallable_blocks(item.blocks)))
    )  # the items' sub-items, as each item's own note had them
    return ctx.note("enumeration", "cloze", front, back, key, section, block.line)


def _cloze_notes(
    block: ListBlock,
    lead: Lead | None,
    section: Section,
    ctx: Context,
    outer: str,
    shown: frozenset[int] = frozenset(),
    hoisted: frozenset[int] = frozenset(),
    under_result: bool = False,
) -> list[Note]:
    """The cloze (or Basic) note of a list of facts, and its `**Label:** value` items' notes.
    The items on the `shown` lines stay visible: a one-word label or a lead-in whose points are
    asked on their own is no deletion (hidden, "Treatment" is all a card would ask). A label on
    a `hoisted` line (its points asked on their own) is no line of a Basic card's answer."""
    notes = []
    if outer and lead is not None:
        intro = _nested_intro(lead.text, outer, ctx)
    else:
        intro = _intro(lead, section, ctx)
    paired = _pairs(block)  # `**Tab. X:**` over `- once daily`: a name over its detail
    if len(paired) > MAX_PAIRED:
        paired = {}  # a long reference list: each `**Label:**` over its line asked on its own
    labelled = [
        item
        for index, item in enumerate(block.items)
        if index not in paired and label_of(item) is not None
    ]
    if labelled and (len(labelled) < len(block.items) or any(map(_one_point, labelled))):
        notes.extend(_label_notes(labelled, lead, section, ctx))
        rest = tuple(item for item in block.items if item not in labelled)
        if not rest:
            return notes  # `**Label:**` lines, some over their value's line: all asked
        block = ListBlock(block.ordered, rest, block.line)
    stubs = _stubs(block, hoisted)
    if stubs:  # `- dosing` with nothing under it, beside `- mx` over its point: no item
        block = ListBlock(
            block.ordered, tuple(i for i in block.items if i not in stubs), block.line
        )
    outlined, shown = _outline_notes(
        block, lead, intro, section, ctx, shown, bool(stubs), under_result
    )
    notes.extend(outlined)
    if outlined:
        done = {note.source.line for note in outlined}
        rest = tuple(item for item in block.items if item.line not in done)
        if not rest:
            return notes
        block = ListBlock(block.ordered, rest, block.line)
    key = "" if outer else _intro_key(lead, section, ctx)
    if lead is not None and lead.key:
        key = lead.key
    block = _recallable(block)
    block = ListBlock(block.ordered, _without_dangling(block.items, hoisted), block.line)
    made = _cloze_note(block, intro, section, ctx, lead is not None, bool(outer), shown, key, lead)
    if len(made) > 1:
        return notes + made  # a list too long for one cloze, asked in parts
    note = made[0] if made else None
    counted = ordinal_rests(block)
    if counted is not None and not any(counted.values()):
        return notes  # "First round" / "Second round": counting, no answer to a question
    if note is None and not outlined and not outer:
        parts = _procedure_parts(block, lead, intro, section, ctx, key)
        if parts:  # numbered steps too long for one answer: asked a few steps at a time
            return notes + parts
    asked = lead is None or len(lead.text.split()) <= MAX_ASKED_LABEL
    if note is None and not outlined and (not outer or (asked and not _written_out(block))):
        listed = tuple(i for i in block.items if i.line not in hoisted or not _bare_label(i))
        listed = _without_dangling(listed, hoisted)
        if listed:  # `2. **Pneumothorax:**`, its points asked apart: never an answer
            listing = ListBlock(block.ordered, listed, block.line)
            note = _list_note(listing, lead, intro, section, ctx, key)
            if note is None and not outer:  # too long for one answer: a few items at a time
                notes.extend(_list_parts(listing, lead, intro, section, ctx, key))
    if note is not None:
        notes.append(note)
    return notes


_PREPARATION = re.compile(
    r"\b(?:mix(?:ing)?|prepar(?:e|es|ed|ing|ation)|dilut(?:e|ed|ing|ion)|reconstitut\w*"
    r"|mak(?:e|ing)\s+up)\b",
    re.IGNORECASE,
)
"""A heading or lead-in naming how a medicine is made up ("Mixing instructions", "How to
dilute", "Preparation")."""
_PREPARING = frozenset(
    """add combine dilute dissolve draw expel fill flush inject invert mix obtain pour prime
    reconstitute shake stir swirl transfer withdraw""".split()
)
"""Verbs that open a step of making a medicine up ("Draw up 1 mL", "Inject into the bag")."""
MIN_PREPARING_STEPS = 2


def is_preparation(block: ListBlock, lead: str, title: str) -> bool:
    """Steps that make a medicine up (`### Mixing instructions` over `- Draw up 1 mL …`, `- Inject
    into a 100 mL bag`): a heading or lead-in naming the preparation over a list at least two of
    whose items open with a verb of preparation. Its volumes and strengths hold for that recipe
    only (and the concentration it ends in is often in its heading): the steps are asked
    together, never a cloze each."""
    if _PREPARATION.search(title) is None and _PREPARATION.search(lead) is None:
        return False
    opening = (plain(item.text).split(" ", 1)[0].lower() for item in block.items)
    return sum(1 for word in opening if word in _PREPARING) >= MIN_PREPARING_STEPS


def _steps_note(block: ListBlock, lead: Lead | None, section: Section, ctx: Context) -> Note | None:
    """A preparation's steps as one Basic note, "<heading>: steps?", when the list is short
    enough to be an answer; else none."""
    answer = to_markdown((block,))
    if (
        len(block.items) > MAX_LIST_ANSWER_ITEMS
        or len(plain(answer).split()) > MAX_LIST_ANSWER_WORDS
    ):
        return None
    question = _intro(lead, section, ctx).rstrip(" ,;:-–—") + ": steps?"
    key = make_key(
        "enumeration", section.path, plain(_intro_key(lead, section, ctx)), None, "steps"
    )
    return ctx.note("enumeration", "basic", question, answer, key, section, block.line)


MIN_HOISTED_ITEMS = 2
"""A sub-list of this many items is a list of its own (one item under another is its detail)."""


def _hoisted(item: ListItem) -> ListBlock | None:
    """The sub-list an outline item heads (`- Treatment` over `- Velbarin 3 months`, `- Tessalid`):
    its one block, a list of MIN_HOISTED_ITEMS items or more, under a short label that is no
    condition (those are read per item), no question and no statement."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    inner = item.blocks[0]
    deeper = _hoisted(inner.items[0]) if len(inner.items) == 1 else None
    named = deeper is not None and _skips_a_name(inner.items[0], deeper)
    if deeper is not None and not named:
        inner = deeper  # `- clinical` / `- presentation` / points: the points
    text = plain(without_emoji(item.text)).strip()
    if len(inner.items) < MIN_HOISTED_ITEMS and not named:
        return None  # a lone name over its points is asked as the list it heads
    if not _names(text) or is_condition(item):
        return None
    if takes_one_of(item):
        return None  # `**Breathing rate** one of` over thresholds: the definition rule's
    return inner


def _skips_a_name(middle: ListItem, points: ListBlock) -> bool:
    """A lone middle item that names the thing its points are about (`- Velbarin` over `- a
    pain reliever for …` and `- May worsen grit` over its side effect): passed over, the points
    would be asked of the label above it, and their own labels taken for its questions. A
    facet (`- clinical` over `- presentation` over points) names no thing and is passed over."""
    label = plain(without_emoji(middle.text)).strip().rstrip(":").strip()
    if is_relational(label) or is_facet(label) or _field_label(label):
        return False
    return any(is_sentence(point.text) for point in points.items) and any(
        point.blocks for point in points.items
    )


def _leads_in(item: ListItem) -> tuple[Lead, ListBlock] | None:
    """An item too long to be a label that leads into its sub-list as a lead-in sentence does
    ("See a doctor at once if you notice any of these signs of bleeding:" over `+ Black stools`):
    its sub-list is asked as a list after that sentence, not hidden on the item's back. A
    condition asked on its own (`If SpO2 > 92%:` over what to do) is not one."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    inner = item.blocks[0]
    if len(inner.items) < MIN_HOISTED_ITEMS or (is_condition(item) and _condition_asked(item)):
        return None
    if _hoisted(item) is not None or _middle_lead(item) is not None:
        return None  # a label's sub-list, asked under it
    if any(inner_item.blocks for inner_item in inner.items):
        return None  # an outline under a sentence: its levels are no list of short items
    lead = _leads_in_text(item.text)
    return None if lead is None else (lead, inner)


def _led_note(
    block: ListBlock, lead: Lead, section: Section, ctx: Context, whose: str = ""
) -> list[Note]:
    """The cloze of a sub-list after the item that leads into it, as after a lead-in paragraph;
    no Basic card of its items (a parent's sentences are read on its back). `whose` is the
    thing a lead-in opening with a pronoun stands for ("They are mostly made of:" under
    "Gallstones are …"): the lead-in then opens the front as a nested one does."""
    if not _enumerates(block) or finding_pairs(block.items):
        return []
    if whose:
        intro = key = _nested_intro(lead.text.rstrip(":").strip(), whose, ctx)
    else:
        intro, key = _intro(lead, section, ctx), _intro_key(lead, section, ctx)
    return _cloze_note(block, intro, section, ctx, key_intro=key)


def _leads_in_text(source: str) -> Lead | None:
    """The lead-in sentence an item's text is, ending with ':', a cue ("such as") or an open
    clause ("… when there is"), if it is one."""
    text = plain(without_emoji(source)).strip()
    if "\n" in source.strip():
        return None
    ends_open = is_open_clause(source) and _ASKS.match(text) is None
    if not text.endswith(":") and _CUE_END.search(text) is None and not ends_open:
        return None  # "Symptoms start when there is" leads in; "What is the effect on" asks
    lead = lead_of(Paragraph(source, 0))
    if lead is None or lead.kind != "sentence" or len(text.split()) > MAX_LEAD_WORDS:
        return None
    return lead


_CUE_END = re.compile(r"\b(?:such as|include|includes|including|the following)\s*$", re.I)
_ASKS = re.compile(r"(?:what|how|why|which|who|whose|where|when|is|are|does|do|can)\b", re.I)
"""An item opening as a question ("What is the impact of X on" over its cases): a learning
objective, no lead-in of facts."""


def _names(text: str) -> bool:
    """A parent item's plain text that names what its sub-list is about: short, no question,
    no statement ("Fenytrol: keeps channels closed", "earliest sign = peaked T waves")."""
    if not text or text.endswith("?") or len(text.split()) > MAX_HOISTED_LABEL_WORDS:
        return False
    return ":" not in text.rstrip(":") and " = " not in text and not is_sentence(text)


def _middle_lead(item: ListItem) -> tuple[str, ListBlock] | None:
    """A statement over one lead-in over a sub-list (`- earliest sign = peaked T waves` /
    `  - later signs:` / points): the lead-in's label and its sub-list. The statement names
    nothing the points are; the lead-in does."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    middle = item.blocks[0].items
    if len(middle) != 1 or not plain(middle[0].text).rstrip().endswith(":"):
        return None
    if _names(plain(without_emoji(item.text)).strip()):
        return None  # `- Treatment` / `  - first line:`: the outer label names it
    inner = _hoisted(middle[0])
    if inner is None:
        return None
    return plain(without_emoji(middle[0].text)).strip().rstrip(":").strip(), inner


MAX_HOISTED_LABEL_WORDS = 10
MAX_ASKED_LABEL = 4
"""A sub-list that cannot be clozed is a Basic card's answer only under a label of a few words
("EKG", "Eye protection"): a longer one is a statement, no question."""
MAX_NESTED_INTRO_WORDS = 12
_SAYS = re.compile(r"[!?]|\.\s")
"""A label that exclaims, asks or holds a full stop says something rather than naming it."""


def _written_out(block: ListBlock) -> bool:
    """Items written as sentences, most ending in a full stop ("The ability to adapt to any
    situation."): an explanation under a name, not points to recall. A terse note of a word
    or two with a stop (`Flex-extend.`, `Rotate.`) is a point, not a sentence."""
    stops = sum(
        1
        for item in block.items
        if (text := plain(item.text).rstrip()).endswith(".")
        and len(text.split()) > MAX_TERSE
        and "**" not in item.text
    )
    return stops * 2 > len(block.items)


MAX_TERSE = 2
"""Words of a note that ends in a stop and is still a point (`Lateral bend.`), not a sentence."""


def _sequence_notes(
    block: ListBlock, lead: Lead | None, section: Section, ctx: Context, outer: str
) -> list[Note]:
    """The notes of a list of named stages over their points (`- **injury** (minutes)` /
    `  - vasoconstriction`, …, `- **maturation**`; `document.is_named_sequence`): one cloze of
    the names in their order, each name alone (an aside such as "(acute phase begins within
    minutes)" would show the name or be a second answer); an aside or a one-line point that
    says when or how long asked on its own ("Healing: inflammation — timing?"); and each
    stage's points asked under its name, as an outline item's are. A stage's name is their
    subject, never an answer; an explanation of it is read on the cloze's back."""
    stages = [(item, *(named_stage(item) or ("", ""))) for item in block.items]
    about = subject(lead, section, ctx)
    notes: list[Note] = []
    items, back = [], []
    for number, (item, name, aside) in enumerate(stages, 1):
        marker = f"{number}." if block.ordered else "-"
        timing = bool(aside) and _TIMING.search(aside) is not None
        shows = aside and not timing and not _names_stage(aside, name)
        tail = f" ({literal(aside)})" if shows else ""
        items.append(f"{marker} **{deletion(number, name)}**{tail}")
        if aside and not shows:
            back.append(f"**{name}**: {aside}")
        if timing:
            notes.append(_timing_note(about, name, aside, item, section, ctx))
        if not item.blocks:
            continue
        inner = item.blocks[0] if len(item.blocks) == 1 else None
        if isinstance(inner, ListBlock) and len(inner.items) >= MIN_HOISTED_ITEMS:
            whose = outer or short_subject(ctx.subject(section)) or name
            made = _list_notes(inner, Lead(name, "label"), section, ctx, whose, staged=True)
            if made:
                notes.extend(made)
                continue
        point = _one_point(item)
        if point and _TIMING.search(point) and len(plain(point).split()) <= MAX_ITEM_WORDS:
            notes.append(_timing_note(about, name, point, item, section, ctx))  # `lasts 2 weeks`
        else:  # an explanation of the name: read on the cloze's back
            back.append(f"**{name}**\n\n{to_markdown(item.blocks)}")
    intro = _nested_intro(lead.text, outer, ctx) if outer and lead else _intro(lead, section, ctx)
    key_intro = "" if outer else _intro_key(lead, section, ctx)
    key = make_key("enumeration", section.path, plain(key_intro or intro))
    front = literal(intro) + "\n\n" + "\n".join(items)
    cloze = ctx.note("enumeration", "cloze", front, "\n\n".join(back), key, section, block.line)
    return [cloze, *notes]


def _timing_note(
    about: str, name: str, when: str, item: ListItem, section: Section, ctx: Context
) -> Note:
    """ "<subject>: <stage> — timing?" -> when the stage comes or how long it lasts."""
    front = f"{about}: {name} — timing?"
    key = make_key("enumeration", section.path, f"{plain(about)}: {name}", item.pin, "timing")
    return ctx.note("enumeration", "basic", front, when, key, section, item.line)


_TIMING = re.compile(
    r"\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?|years?)\b", re.I
)
"""An aside or a point that says when a stage comes or how long it lasts ("(first minutes)",
"lasts 3 weeks - 1 year")."""


def _names_stage(aside: str, name: str) -> bool:
    """An aside that repeats the stage's name ("**acute** (the acute phase begins …)")."""
    return bool(content_words(name) & content_words(aside))


def _nested(
    block: ListBlock,
    lead: Lead | None,
    section: Section,
    ctx: Context,
    outer: str,
    staged: bool = False,
    parent: str = "",
) -> tuple[list[Note], frozenset[int]]:
    """The notes of the sub-lists the list's items head, each asked under its item's label
    with the list's own label (or its heading's subject) as context ("Treatment — first-line
    drugs"): in an outline the facts sit two or three levels down, and hidden on a parent's
    back they are never asked. Also the lines of the items whose sub-list made a note.
    `parent` is the sentence item the list hangs under ("Kidney stones are hard deposits …"):
    a lead-in item opening with a pronoun ("They are usually made of") stands for its subject."""
    notes: list[Note] = []
    hoisted = set()
    about = lead.text if lead is not None and lead.kind in ("label", "name") else outer
    if about and _SAYS.search(about) is not None:
        about = ""  # "Order matters! Put on from cleanest to dirtiest": a remark, no name
    elif outer and about and len(about.split()) == 1 and about != outer and not staged:
        # "Treatment" under "Latent TB": whose treatment is what the points need to say
        whose = without_asides(outer).strip()
        if len(f"{whose} {about}".split()) <= MAX_ASKED_LABEL + 1:
            about = f"{whose} {lower_first(about)}"
    about = _owned(about, outer, section, ctx)
    if not about and any(
        _hoisted(item) is not None or _middle_lead(item) is not None for item in block.items
    ):
        about = short_subject(ctx.subject(section))
        if not about and lead is not None and lead.kind == "sentence":
            about = lead.text.rstrip(":").strip()
    previous = ""
    lead_text = lead.text if lead is not None else ""
    whose = item_subject(parent)
    for item in block.items:
        before, previous = previous, item.text
        inner = _hoisted(item)
        titled = block.ordered and is_bold_title(item)
        if inner is None and titled:  # `3. **Side effect: Rash:**` over its points
            points = item.blocks[0]
            assert isinstance(points, ListBlock)  # is_bold_title's
            if len(points.items) >= MIN_HOISTED_ITEMS:  # one point is the item's own answer
                inner = points
            else:
                titled = False
        # `1. **Exposure**` over how it is done, in a list named as a procedure
        step = block.ordered and _step_name(item) and _names_procedure(lead, section)
        if inner is None and step:
            points = item.blocks[0]
            assert isinstance(points, ListBlock)  # _step_name's
            if len(points.items) == 1 and plain(points.items[0].text).rstrip().endswith("."):
                inner = points  # one written-out point under a step is its content too
        asked = _mnemonic_questions(item, section, ctx)
        if asked is not None:  # `- SCOFF` over the questions its letters stand for
            notes.append(asked)
            hoisted.add(item.line)
            continue
        middle = _middle_lead(item) if inner is None else None
        if middle is not None:  # "later changes:" under "earliest change = …"
            label, inner = middle
            pointing = item_subject(item.text) if points_back(label) else ""
            if pointing:  # "They are mostly made of:" under "Gallstones are …"
                label = _resolved(label, item.text, about)
            whose_list = pointing or about or label
            made = _list_notes(inner, Lead(label, "label"), section, ctx, whose_list)
            if made:
                notes.extend(made)
                hoisted.add(item.line)
            continue
        if inner is None:
            led = _leads_in(item)
            led_notes: list[Note] = []
            if led is not None:  # "See a doctor at once if you have any of these signs:"
                said, pointing = led[0], whose if points_back(led[0].text) else ""
                if not pointing and lead is not None and lead.entry:
                    pointing = lead.entry  # "Many interactions, including:" under `Monitoring:`
                if pointing:  # "They are mostly made of:" under "Gallstones are …"
                    text = led[0].text.rstrip(":").strip()
                    text = _resolved(text, before, lead_text, parent, outer or about)
                    said = Lead(text, "sentence")
                led_notes = _led_note(led[1], said, section, ctx, pointing)
            if led_notes:
                notes.extend(led_notes)
                hoisted.add(item.line)
            outline = _outline_under(item) if led is None else None
            if not led_notes and outline is not None:  # a sentence over an outline: its lists
                notes.extend(_nested(outline, None, section, ctx, about, staged, item.text)[0])
            continue
        label = plain(without_code_asides(without_emoji(item.text))).strip().rstrip(":").strip()
        label = _UNFINISHED.sub("", label) or label
        key = ""
        if about and _RANGE_ITEM.match(label) is not None:
            # `- Female 4.2 -> 5.4` over causes: they are the test's, not the value's
            key, label = _nested_intro(label, about, ctx), about
        pointing = whose if points_back(label) else ""
        label = _resolved(label, before, lead_text, parent, outer or about)
        result = is_result(_passed_over(item, inner))
        whose_list = pointing or about or label
        owner = _said_above(parent, item) if not pointing and not key else ""
        if owner:  # `- actions:` under "Q blocks the enzyme, the peptidase": whose actions the
            whose_list = f"{owner} — {lower_first(label)}"  # sentence says, not Q's
        if titled and ":" in label:  # `**Serious side effect: Rash:**`: the title says a fact
            made = _titled_note(inner, label, whose_list, section, ctx, item)
        else:
            labelled = Lead(label, "label", key=key)
            made = _list_notes(inner, labelled, section, ctx, whose_list, False, result)
        if not made and titled:  # its sentences, asked as the section they are
            made = _titled_note(inner, label, whose_list, section, ctx, item)
        if not made and step:  # its instructions, asked under it, never a step cloze's back
            made = _step_notes(inner, label, whose_list, section, ctx)
        if made:
            notes.extend(made)
            hoisted.add(item.line)
    return notes, frozenset(hoisted)


def _bare_clause(item: ListItem, clozed: str) -> bool:
    """An item written as a whole sentence with nothing bold (`Rotate the lobe medially.`),
    its cloze hiding all of it, in a list whose author bolded its key words: it has no key
    word, and hidden whole it asks for the sentence recited; it is read beside the others'
    deletions."""
    text = plain(item.text).strip()
    return (
        clozed.startswith("{{c")
        and clozed.endswith("}}")
        and clozed.count("{{c") == 1
        and "**" not in item.text
        and "__" not in item.text
        and text.endswith(".")
        and len(text.split()) >= MIN_CLAUSE_WORDS
    )


MIN_CLAUSE_WORDS = 3


def _mnemonic_questions(item: ListItem, section: Section, ctx: Context) -> Note | None:
    """`- SCOFF` over the questions a screening tool puts (`- Do you make yourself SICK …?`):
    the questions are what its name stands for, "SCOFF in eating disorders: questions?" with
    them as the answer; left on another note's back they were never asked. None for any other
    item: a name in capitals over two questions or more and nothing else."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    name = plain(without_emoji(item.text)).strip().rstrip(":").strip()
    questions = item.blocks[0].items
    if _MNEMONIC.fullmatch(name) is None or len(questions) < MIN_ITEMS:
        return None
    if any(q.blocks or not plain(q.text).rstrip().endswith("?") for q in questions):
        return None
    if len(questions) > MAX_LIST_ANSWER_ITEMS:
        return None
    front = f"{ctx.situate(name)}: questions?"
    answer = to_markdown(item.blocks)
    key = make_key("enumeration", section.path, name, item.pin, "questions")
    return ctx.note("enumeration", "basic", front, answer, key, section, item.line)


_MNEMONIC = re.compile(r"[A-Z][A-Z0-9-]{2,9}")
"""A name in capitals (`SCOFF`, `CAGE`, `PHQ-2`): a tool or mnemonic, not a word."""


def _step_notes(
    points: ListBlock, label: str, whose: str, section: Section, ctx: Context
) -> list[Note]:
    """The note of a step's points no cloze asked: one point holding a bold key term is that
    term's cloze ("ligate close to protect {{the nerve}}"), other points a Basic card's answer
    ("Steps — closure?")."""
    intro = _nested_intro(label, whose, ctx)
    clozed = cloze_item(points.items[0], 1) if len(points.items) == 1 else None
    if clozed is not None and "**" in points.items[0].text and not clozed[0].startswith("{{"):
        front = unglued_bold(f"{literal(intro)}\n\n- {clozed[0]}")
        key = make_key("enumeration", section.path, plain(intro))
        return [ctx.note("enumeration", "cloze", front, clozed[1], key, section, points.line)]
    told = _list_note(points, Lead(label, "label"), intro, section, ctx)
    return [told] if told is not None else []


def _step_name(item: ListItem) -> bool:
    """A numbered step that is only a bold name over the list of how it is done (`1.
    **Exposure**` over `- Raise the flaps.`): in a list named as a procedure, the points are
    the step's, asked under its name however they are written; the names' order is the
    outline's own cloze. (Numbered qualities over their explanations stay on its back.)"""
    return (
        len(item.blocks) == 1
        and isinstance(item.blocks[0], ListBlock)
        and _STEP_NAME.fullmatch(item.text.strip()) is not None
    )


_STEP_NAME = re.compile(r"(\*\*|__)[^*_\n:]{1,60}?\1")


_RANGE_ITEM = re.compile(
    r"^[A-Za-z][\w'-]*(?: [A-Za-z][\w'-]*)?\s+[<>≤≥]?\d[\d.,]*\s*(?:->|→|[-–—]|to)\s*\d[\d.,]*"
    r"(?:\s*[%\w/]{1,8})?$"
)
"""An item that is only a value, a group's range (`Female 4.2 -> 5.4`, `Adults 60-100 bpm`): the
sub-list under it says what moves the value, the parent's thing, not the group."""
_UNFINISHED = re.compile(r"(?<=\w)\s+(?:can|may|could|might|will|would|should|must)\s+be$", re.I)
"""A lead-in that stops at its verb ("Triggers can be" over the triggers): the words before it
name the list; "can be" on a card's front asks nothing."""


_BOLD_TITLE = re.compile(r"^(\*\*|__)(?=\S)[^*_\n]{1,80}?(?:\1:|:\1)$")


def is_bold_title(item: ListItem) -> bool:
    """A numbered item that is only a bold title ending in ':' over a list of its own
    (`2. **Benefits:**` over `- **Cheap:** …`): a chat model's section heading written as a
    list item. Its points are asked under it; it is no item of its siblings' list."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return False
    return _BOLD_TITLE.match(without_emoji(item.text).strip()) is not None


_LEADS_TO = re.compile(r"\s+(?:→|->|=>)\s+")


def arrow_result(label: str) -> str:
    """The thing an outline parent `A → B` leads to, the subject of the lists under its own
    sub-list (`- commonest complication → Crisis X` over `- Bones` over its points): they are
    about B, and "A → B — bones" on a front reads as neither. "" for a label with no one
    arrow."""
    parts = _LEADS_TO.split(label)
    if len(parts) != 2 or not parts[0].strip() or not parts[1].strip():
        return ""
    return parts[1].strip()


_BREAKDOWN = re.compile(
    r"\b(?:breakdown|overview|summary|rundown|key (?:information|facts|points|details)"
    r"|(?:more|some|the) (?:information|details) (?:about|on))\b",
    re.I,
)


def _breaks_down(lead: Lead | None) -> bool:
    """A chat model's "Here's a breakdown of key information about X:" over numbered bold
    titles: it says nothing the titles are, so they are the headings of their points, never
    items to recall. A lead-in that says what they are ("3 tests, score 0-3:") asks for them,
    and so does a heading (numbered titles there may be steps, their order the fact)."""
    return lead is not None and lead.kind == "sentence" and _BREAKDOWN.search(lead.text) is not None


def _titled_note(
    block: ListBlock, label: str, whose: str, section: Section, ctx: Context, item: ListItem
) -> list[Note]:
    """The sentences under a bold title no other note asks (`3. **Starting the drug:**` over
    how it is begun and taken): one Basic card, "<subject> — <title>?", the list its answer,
    when it is short; a longer one is read, not recalled. A title that says its fact
    (`**Serious side effect: Rash:**`) asks for it ("… — serious side effect?" -> "Rash"),
    its points under it when they fit."""
    asked, _, told = label.partition(":")
    answer = to_markdown((_recallable(block),))
    fits = len(block.items) <= MAX_LIST_ANSWER_ITEMS and len(plain(answer).split()) <= (
        MAX_LIST_ANSWER_WORDS
    )
    if told.strip():
        answer = f"**{told.strip()}**" + (f"\n\n{answer}" if fits else "")
    elif not fits:
        return []
    asked = asked.strip()
    front = f"{whose} — {lower_first(asked)}" if whose and whose != asked else asked
    key = make_key("enumeration", section.path, f"{plain(whose)}: {label}", item.pin, "titled")
    return [ctx.note("enumeration", "basic", f"{front}?", answer, key, section, item.line)]


def _said_above(parent: str, item: ListItem) -> str:
    """The sentence item a bare label hangs under (`- Q blocks the enzyme, the peptidase` over
    `- actions:` over points), as its sub-list's subject: the label may be the subject's or the
    object's, and only the sentence says which; the page's subject in its place gave the
    enzyme's actions to the drug. "" when there is no such sentence or the item is no facet's
    label (`- the effect of the drug results from` names its owner, `- Hypercalcemia` a
    thing of its own)."""
    if not parent or not _facet_over_list(item) or _PRONOUN_OPENING.match(parent) is not None:
        return ""  # `- Hypercalcemia` names a thing of its own
    said = plain(without_emoji(parent)).strip().rstrip(".;:").strip()
    return said if MAX_ASKED_LABEL < len(said.split()) <= MAX_OWNER_WORDS else ""


MAX_OWNER_WORDS = 18
_PRONOUN_OPENING = re.compile(r"(?:they|it|these|this|there)\b", re.IGNORECASE)


def _outline_under(item: ListItem) -> ListBlock | None:
    """A sentence item over a sub-list whose items head lists of their own ("There are many
    factors that …" over `+ They are usually made of` over points): the lists two levels down
    are asked under their own lead-ins, never lost under a sentence no rule reads as a label."""
    outline = item.blocks[0] if len(item.blocks) == 1 else None
    if not isinstance(outline, ListBlock):
        return None
    if ":" in plain(item.text) or definition(item) is not None:
        return None  # `Term: meaning` over its points: the definition rule asks them
    if any(
        len(inner.blocks) == 1 and isinstance(inner.blocks[0], ListBlock) for inner in outline.items
    ):
        return outline
    return None


def _resolved(label: str, *above: str) -> str:
    """A lead-in item that opens with a pronoun ("They are usually made of" over its points)
    with the pronoun as the thing it stands for: the subject of the item just above it, else
    of the item it hangs under ("Kidney stones are hard …" -> "Kidney stones are usually made
    of"), else the heading's subject (the last of `above`). The pronoun alone names nothing on
    a card's front. A thing whose number the verb does not agree with ("It is …" after
    "Kidney stones are …") is not the one meant, and a dummy "it" ("It is thought that")
    stands for nothing: the label stays as written rather than read "Stones is thought that"."""
    for text in above:
        found = stands_for(label, text)
        if found:
            return found
    named = above[-1] if above else ""
    if named and len(named.split()) <= MAX_ASKED_LABEL and not is_sentence(named):
        return stands_for(label, named, named=True) or label  # a heading's subject names them
    return label


def _owned(about: str, outer: str, section: Section, ctx: Context) -> str:
    """A facet label ("etiology", "Clinical features") names no thing: its sub-lists' points
    need whose facet it is, the item's it hangs under or else the heading's thing
    ("Hyponatraemia etiology — iatrogenic", never "etiology — iatrogenic")."""
    if not about or about == outer or not is_relational(plain(about)):
        return about
    if outer and not is_relational(plain(outer)):
        if outer == short_subject(ctx.subject(section)):
            return about  # the heading's own subject already heads the sub-list's intro
        whose = without_asides(outer).strip()
    else:
        whose = short_subject(ctx.thing(section))
    if not whose or names_topic(about, whose) or whose.lower() in about.lower():
        return about
    if content_words(whose) <= content_words(ctx.topic):
        return about  # the topic names it: "Treatment — regimens in korrin fever"
    owned = f"{whose} {lower_first(about)}"
    return owned if len(owned.split()) <= MAX_ASKED_LABEL + 1 else about


def _is_label(item: ListItem) -> bool:
    """One word, or a lead-in ending with a colon: over points asked on their own, hiding it
    asks only for the label. A code span glued to the word is the author's aside on it
    (`- func`slows the heart``), no words of the label's own."""
    text = plain(without_emoji(_CODE_ASIDE.sub(" ", item.text))).strip()
    return text.endswith(":") or len(text.split()) == 1


def _kinds_beside(block: ListBlock, hoisted: frozenset[int], shown: frozenset[int]) -> bool:
    """One-word labels shown over their own points (`- Body` over its list) in a list of
    plain names, one at least hidden beside them (`- Mind`, `- Family`, `- Home visits` over
    its list), no field of an entry among them: a set of kinds, asked as one list. Shown
    alone, the cloze hid a category's name beside one it showed, "Body, {{Mind}}, {{Family}}".
    A `Label: value` item is asked apart and a result label (`- Raised`) dropped: no name."""
    if not shown:
        return False
    names = []
    for item in block.items:
        text = plain(without_emoji(_CODE_ASIDE.sub(" ", item.text))).strip()
        label, colon, value = text.partition(":")
        if _field_label(label):
            return False  # `- Causes`, `- Dosing`, `- uses`: an entry's fields, each asked apart
        if (colon and value.strip()) or _says_nothing(item.text):
            continue
        if not _sub_heading(item) or _NO_KIND.search(text) is not None:
            return False  # "Bed rest (two weeks)", "Adults 2.5 - 7.8": facts, not kinds
        if item.line in hoisted or not item.blocks:  # else its points are asked with it
            names.append(item.line)
    return any(line in shown for line in names) and any(line not in shown for line in names)


_NO_KIND = re.compile(r"[\d()\[\]`（）]")


_CODE_ASIDE = re.compile(r"(?<=\S)`[^`\n]+`")
"""An inline code span glued to the word before it: an aside, as a margin note is."""


def _label_outline(block: ListBlock, hoisted: frozenset[int], lead: Lead | None) -> bool:
    """A list whose every item is a label over a sub-list of its own, asked apart (`- Tablet
    form` over its doses) or over one value (`- Liquid form` over `- 5 ml three times a day`),
    or, right under a heading, a short name over its points (`- Sick days` over its advice): an
    outline, its labels sub-headings of the facts under them. After a lead-in ("Four things
    affect absorption:") names over their explanations are the things to recall."""
    headed = lead is None  # right under its heading, not after a lead-in or a label line
    return len(block.items) >= MIN_ITEMS and all(
        _heads_list(item)
        and (item.line in hoisted or _valued(item) or (headed and _heads_points(item)))
        for item in block.items
    )


def _facet_over_list(item: ListItem) -> bool:
    """A label naming a facet of the list's subject over a sub-list asked apart (`- Indicazioni
    terapeutiche` / its uses, `- Side effects seen often` / its effects): a sub-heading of the
    list, its sub-list asked as "<subject> — <facet>"; hidden among the list's facts it asked
    only for a heading's name."""
    text = plain(without_emoji(item.text)).strip().rstrip(":").strip()
    return opens_with_facet(text) and _PREDICATE.match(text) is None and not is_sentence(text)


def _heads_points(item: ListItem) -> bool:
    """A short name over a list of points (`- Sick days` over `- test ketones` / `- keep
    drinking`), not over one point explaining it (`- Uptake` over a sentence)."""
    inner = item.blocks[0] if len(item.blocks) == 1 else None
    return (
        isinstance(inner, ListBlock)
        and len(inner.items) >= MIN_HOISTED_ITEMS
        and _sub_heading(item)
    )


def _valued(item: ListItem) -> bool:
    """A label over one short value (`- Liquid form` / `- 5 ml three times a day`), not over
    another label (`- Skin test` / `- Interpretation (by induration)`)."""
    pair = _pair(item)
    if pair is None:
        return False
    detail = plain(without_asides(pair[1])).strip()
    return not (is_relational(detail) or is_facet(detail) or detail.lower() in _FIELDS)


def _sub_heading(item: ListItem) -> bool:
    """An outline item that is only a short name (`- Initiation of bolus`, `- Glipizide
    (Glucotrol)`): hidden, it asks for a heading whose content is asked on its own under it;
    a predicate ("May cause …"), an instruction or a sentence says something and is no name."""
    text = plain(without_emoji(item.text)).strip().rstrip(":").strip()
    named = without_asides(text).strip()
    return (
        0 < len(named.split()) <= MAX_ASKED_LABEL
        and _PREDICATE.match(named) is None
        and not is_instruction(named)
        and not is_sentence(named)
    )


def _lone_point_note(
    item: ListItem,
    lead: Lead | None,
    section: Section,
    ctx: Context,
    outer: str,
    under_result: bool = False,
) -> Note | None:
    """The one label over one point left in an outline whose other labels head lists asked on
    their own (`- Glimepiride` over `- 1-2 mg daily`): a Basic note, "<list>: glimepiride?" ->
    its point; a cloze of one name would ask for a heading. None for any other item."""
    point = _one_point(item)
    label = plain(without_emoji(item.text)).strip().rstrip(":").strip()
    if not _valued(item) or not _sub_heading(item):
        return None
    if outer and lead is not None:
        about = _nested_intro(lead.text, outer, ctx).rstrip(" :")
    else:
        about = _intro(lead, section, ctx).rstrip(" :")
    asked = label if _ABBREVIATED.fullmatch(label) else lower_first(label)
    asks = label_asks(label, point, result=under_result)  # `- Transient` under `- Positive`
    key = make_key("enumeration", section.path, f"{plain(about)}: {label}", item.pin, "outline")
    front = f"{about}: {asked} — {asks}?" if asks else f"{about}: {asked}?"
    return ctx.note("enumeration", "basic", front, point, key, section, item.line)


def _without_hoisted(block: ListBlock, hoisted: frozenset[int]) -> ListBlock:
    """The list with its hoisted sub-lists taken off its items: they are asked on their own."""
    items = tuple(
        ListItem(item.text, item.line, (), item.pin) if item.line in hoisted else item
        for item in block.items
    )
    return ListBlock(block.ordered, items, block.line)


def _term_notes(
    block: ListBlock, lead: Lead, section: Section, ctx: Context, outer: str
) -> list[Note]:
    """A sub-list of `term: value` items asked on its own (`- clinical` / `- early: headache,
    vomiting`): a Basic note per term under its label ("Cerebral oedema — clinical: early?")."""
    notes = []
    intro = _nested_intro(lead.text, outer, ctx).rstrip(":")
    idle = idle_glosses(block, lead, section)
    completed = _COMPLETED_BY.search(plain(lead.text).rstrip(" :")) is not None
    places: list[tuple[str, str, ListItem]] = []
    for number, item in enumerate(block.items):
        found = definition(item)
        if found is None or is_flag(found[0]) or number in idle:
            continue  # a flag, or a member whose gloss restates it: asked by the cloze below
        term, value = found
        key = make_key("enumeration", section.path, f"{lead.text}: {term}", item.pin, "term")
        listed = _aside_over_list(value, item)
        if listed:  # `LATER LIFE: (see also)` over its points: they answer it, not the aside
            about = _COMPLETED_BY.sub("", intro) if completed else f"{intro}:"
            label = plain(term).strip()
            label = label.lower() if label.isupper() and len(label) > 4 else lower_first(label)
            front = f"{about} — {label}?"  # "LATER LIFE" as a sentence writes it
            notes.append(ctx.note("enumeration", "basic", front, listed, key, section, item.line))
            continue
        if completed:  # `Deposits of Q in` / `1. nerves: burning pain`: the places are asked
            places.append((plain(term).strip(), value, item))
            continue
        front = f"{intro}: {lower_first(plain(term))}?"
        value = one_answer(value, term)  # a paragraph after its term: its first sentence
        notes.append(ctx.note("enumeration", "basic", front, value, key, section, item.line))
    if len(places) >= MIN_ITEMS:
        lines = [
            f"- {deletion(n, term)}: {literal(value)}"
            for n, (term, value, _) in enumerate(places, 1)
        ]
        front = f"{intro}:\n\n" + "\n".join(lines)
        key = make_key("enumeration", section.path, f"{lead.text} (places)", None, "term")
        notes.append(ctx.note("enumeration", "cloze", front, "", key, section, block.line))
    elif places:  # one place alone: its term asked as any other
        term, value, item = places[0]
        key = make_key("enumeration", section.path, f"{lead.text}: {term}", item.pin, "term")
        front = f"{intro}: {lower_first(term)}?"
        notes.append(ctx.note("enumeration", "basic", front, value, key, section, item.line))
    if idle:
        notes.extend(_members_note(block, lead, section, ctx, f"{intro}:", lead.text))
    return notes


_COMPLETED_BY = re.compile(r"\s+(?:in|into|of|on|at|to|within|from|with|for)$", re.IGNORECASE)
"""A lead-in ending in a preposition (`Deposits of Q in`): its items finish its sentence, so
their terms are the places or things it names, one cloze of them, each term's words its clue
(never "Deposits of Q in: nerves?" asked as if "nerves" were defined)."""


def _aside_over_list(value: str, item: ListItem) -> str:
    """The points of an item whose value is empty or only an aside (`LATER LIFE: (see also)`)
    over a list of its own, joined with "; ": what the item's label is answered by; "" for
    any other item."""
    if plain(without_asides(value)).strip(" :.;,-–—") or not item.blocks:
        return ""
    points = [
        plain(without_emoji(point.text)).strip()
        for sub in item.blocks
        if isinstance(sub, ListBlock)
        for point in sub.items
    ]
    points = [point for point in points if point]
    if not points or len(points) > MAX_LIST_ANSWER_ITEMS:
        return ""
    return "; ".join(points)


def _nested_intro(label: str, outer: str, ctx: Context) -> str:
    """A sub-list's subject: the label it hangs under, then its own unless that names the
    other, in the topic ("Treatment — first-line drugs in korrin fever:"); a label alone when
    the two would be a sentence's length."""
    if label.split()[-1].lower() in _LEADS_ON:  # "… and addition of": a lead-in sentence
        about = outer if outer != label and len(outer.split()) <= MAX_ASKED_LABEL else ""
        if about and about.lower() in label.lower():
            return f"{label}:"  # "Kidney stones are made of" under "Kidney stones": named once
        context = _in_topic(about, ctx) if about else ctx.topic
        return f"{context}: {label}:" if context else f"{label}:"
    label = _GLOSS.sub("", label).strip() or label
    if outer.endswith(f" — {lower_first(label)}"):  # joined to the sentence it hangs under
        return _in_topic(outer, ctx) + ":"  # (`_said_above`): whole, however long
    if outer == label or names_topic(label, outer):
        return _in_topic(label, ctx) + ":"
    if arrow_result(outer):  # `- commonest → Crisis X` / `  - Bones`: "Crisis X — bones"
        if arrow_result(label):
            return _in_topic(label, ctx) + ":"  # `- Lungs → chest crisis`: says what it is
        outer = arrow_result(outer)
    joined = f"{outer} — {lower_first(label)}"
    if len(plain(joined).split()) > MAX_NESTED_INTRO_WORDS:
        return _in_topic(label, ctx) + ":"
    return _in_topic(joined, ctx) + ":"


_GLOSS = re.compile(r"\s*\((?:how|where|what|when|why|which|who|i\.e\.|e\.g\.)[\s,][^()]*\)", re.I)
"""An aside that explains a label ("Mode of transmission (how it travels)") is no part of the
sub-list's subject; one that names ("(SIADH)", "(the three Ts)") stays."""
_LEADS_ON = frozenset(
    "of to with for by in on from into as and or that include includes including".split()
)


def _in_topic(phrase: str, ctx: Context) -> str:
    """The phrase in the topic; a short topic ("TB") the phrase does not spell out goes after
    it in brackets, as a label's heading does ("Drug resistance (TB)")."""
    situated = ctx.situate(phrase)
    if situated != phrase or not ctx.topic or ctx.topic.lower() in phrase.lower():
        return situated
    return f"{phrase} ({ctx.topic})"


def is_condition(item: ListItem) -> bool:
    """An item that is a condition with what to do under it (`If SpO2 > 92%` over `- deepen
    sedation`): a question of its own, not one of the list's items."""
    return bool(item.blocks) and _CONDITION.match(plain(item.text)) is not None


_CONDITION = re.compile(r"^(?:if|when|once|in case)\b", re.IGNORECASE)
MAX_CONDITION_WORDS = 20


def _condition_asked(item: ListItem) -> bool:
    """A condition short enough to ask, over an answer short enough to give."""
    answer = plain(to_markdown(item.blocks))
    condition = plain(item.text).rstrip(" :.")
    return (
        len(answer.split()) <= MAX_LIST_ANSWER_WORDS
        and len(condition.split()) <= MAX_CONDITION_WORDS
    )


def _condition_notes(
    block: ListBlock, lead: Lead | None, section: Section, ctx: Context, outer: str
) -> list[Note]:
    """One Basic note per condition: "<section>: if SpO2 > 92%?" -> what its item holds. A
    condition that says its own action (`if too slow: raise by 1 U/h`, `when X falls to 5 consider
    halving Y`) asks the condition alone: the action opens the answer, over the item's remarks."""
    notes = []
    for item in block.items:
        if not is_condition(item) or not _condition_asked(item):
            continue
        answer = to_markdown(item.blocks)
        line = plain(item.text).rstrip(" :.")
        condition, action = condition_parts(line)
        if action:
            answer = f"{action}\n\n{answer}"
        intro = f"{ctx.heading(section)}:"
        if outer and lead is not None and lead.kind == "label":  # under `- insulin infusion`
            intro = _nested_intro(lead.text, outer, ctx)
        front = f"{intro} {lower_first(condition)}?"
        key = make_key("enumeration", section.path, line, item.pin, "if")  # the whole line
        notes.append(ctx.note("enumeration", "basic", front, answer, key, section, item.line))
    return notes


_ACTION_VERBS = frozenset(
    """
    consider give start stop increase decrease reduce raise lower continue add repeat switch
    call check seek double halve withhold hold omit change recheck refer follow
    """.split()
)
"""Verbs that open what to do once a condition holds ("… consider reducing", "… give 1 g")."""
_CONDITION_COLON = re.compile(r":\s+(?=\S)")


def condition_parts(condition: str) -> tuple[str, str]:
    """(condition, action) of a condition that says its own action: `if too slow: raise by 1
    U/h` at its colon; `if low, give 1 g` at a comma a verb of action follows; `when X falls to
    200 mg/dl consider halving Y` at such a verb right after the condition's figure (elsewhere
    a verb with no comma before it is the condition's own: "if patients stop eating"); `if one
    is abnormal the other should be checked` where a main clause with a modal begins
    (`_THEN_CLAUSE`). A bare condition (`if the patient is newly diagnosed`) is (condition, "")."""
    colon = _CONDITION_COLON.search(condition)
    if colon is not None:
        head, action = condition[: colon.start()].strip(), condition[colon.end() :].strip()
        if len(head.split()) >= 2 and action:
            return head, action
    words = condition.split(" ")
    for at in range(2, len(words) - 1):
        if words[at].lower() not in _ACTION_VERBS:
            continue
        head = " ".join(words[:at]).rstrip(" ,;")
        figure = [found.end() for found in FIGURE.finditer(head)]
        if words[at - 1].endswith(",") or figure[-1:] == [len(head)]:
            return head, " ".join(words[at:])
    then = _THEN_CLAUSE.search(condition)
    if then is not None and len(condition[: then.start()].split()) >= MIN_CONDITION_HEAD:
        action = condition[then.end() :].strip()  # "if one is abnormal the other should be
        return condition[: then.start()].strip(), action[:1].upper() + action[1:]  # checked"
    return condition, ""


_THEN_CLAUSE = re.compile(
    r"\s(?=(?:the|this|that|these|those|it|they|you|we|both|each)\s+(?:\w+\s+){0,2}?"
    r"(?:should|must|will|may|can|needs?\s+to)\s)",
    re.IGNORECASE,
)
"""The start of a main clause a condition runs into with no comma, its subject a pronoun or a
determiner's noun and its verb a modal ("if one is abnormal | the other should be checked"):
what to do, never part of a question ("… the other should be checked?")."""
MIN_CONDITION_HEAD = 3


def label_of(item: ListItem) -> tuple[str, str] | None:
    """(label, value) of a `**Label:** value` item: a definition, never a cloze's deletion."""
    text = single_spaced(without_emoji(item.text)).strip()
    bold = _BOLD_HEAD.match(text)
    if bold is None:
        return None
    phrase = bold.group("bold").strip()
    rest = text[bold.end() :]
    if not phrase.endswith(":"):
        return None  # `**Salbutamol**: a bronchodilator` names a term: clozed as before
    if not rest.strip():
        rest = _one_point(item)  # `**Aspirin:**` over `- Avoid high doses late on.`
    label, value = plain(phrase).rstrip(": "), plain(rest.lstrip(":")).strip()
    if not value or not 0 < len(label.split()) <= MAX_BOLD_WORDS:
        return None
    return label, value


def _outline_notes(
    block: ListBlock,
    lead: Lead | None,
    intro: str,
    section: Section,
    ctx: Context,
    shown: frozenset[int],
    outline: bool = False,
    under_result: bool = False,
) -> tuple[list[Note], frozenset[int]]:
    """An outline's labels over their content (`- PE` / `  - rubbery on rectal exam`, `- Prehn
    sign` over a paragraph): hidden, a label asks only for its name while what
    is known of it goes to the back. Each is asked instead, "BPH: PE?" -> its content, when that
    is short enough to be an answer; a longer one stays visible in the list's cloze. Also the
    lines the cloze shows. A name over one short detail is a pair (`_pairs`), clozed as before.
    In a list known to be an `outline` (a sibling is a field label's stub, or its list is asked
    apart: `- brands` over one line beside `- dosing` over its doses) a field label is one too.
    A label that alone would ask nothing says what it asks (`text.label_asks`): its list
    `under_result` (`- Positive` over `- Transient` / causes) names kinds of that result."""
    paired = _pairs(block)
    paired_items = [block.items[index] for index in paired]
    fielded = _fielded(block)
    kindred = fielded or _lone_head(block, shown)
    outline = outline or bool(shown)
    labels = [
        (item, label)
        for index, item in enumerate(block.items)
        if (label := _outline_label(item))
        and (index not in paired or (outline and _field_label(label)))
    ]
    explained = all(item.blocks for item in block.items) and (
        lead is None or lead.kind != "sentence"
    )  # "… is associated with:" over things explained: the things are what is recalled
    if not labels or not any(
        _outline_facet(item, label, explained)
        or (outline and _field_label(label))
        or (kindred and _heads_list(item))
        or (is_result(label) and _heads_list(item))  # `- Elevated` over its causes
        for item, label in labels
    ):
        return [], shown
    if lead is not None and lead.kind == "sentence":
        about = subject(None, section, ctx)
    else:
        about = intro.rstrip(" :")
    notes = []
    if fielded:  # `- Normal: 4.5 to 8` beside `- High values` over its list: fields alike
        labels = [
            (item, label)
            for item in block.items
            if (label := _outline_label(item) or _field_name(item)) and item not in paired_items
        ]
    for item, label in labels:
        answer = _one_point(item) or to_markdown(item.blocks) or _field_text(item)
        if asks_only(answer):
            continue  # `- Dyspnoea` over "At rest? on exertion?": what to ask, never an answer
        if len(plain(answer).split()) > MAX_LIST_ANSWER_WORDS:
            shown = shown | {item.line}  # read on the cloze's back, never its deletion
            continue
        asked = label if _ABBREVIATED.fullmatch(label) else lower_first(label)
        found = _lone_result(item)
        if found is not None:  # `- Ketones` / `- Elevation` / its causes: the causes asked
            result, answer = found
            if " — " in about or " in " in about:  # "Blood tests in asthma: iron, low — …"
                front = f"{about}: {asked}, {lower_first(result)} — causes?"
            else:  # a plain name, as a sub-list's intro joins it: "Urine tests — iron: low — …"
                front = f"{about} — {asked}: {lower_first(result)} — causes?"
        else:
            asks = label_asks(label, answer, result=under_result)
            front = f"{about}: {asked} — {asks}?" if asks else f"{about}: {asked}?"
        key = make_key("enumeration", section.path, f"{plain(about)}: {label}", item.pin, "outline")
        notes.append(ctx.note("enumeration", "basic", front, answer, key, section, item.line))
    return notes, shown


def _heads_list(item: ListItem) -> bool:
    """A label item over a sub-list (`- Transient` / `  - fever, exercise`): its content sits
    under it, so hidden in its list's cloze the card asks only for the label."""
    return len(item.blocks) == 1 and isinstance(item.blocks[0], ListBlock)


def _lone_result(item: ListItem) -> tuple[str, str] | None:
    """(result, what it holds) of a label whose one sub-item is a test's result over content of
    its own (`- Ketones` / `- Elevation` / its causes): the result says what the content is."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    inner = item.blocks[0].items
    if len(inner) != 1 or not inner[0].blocks or "\n" in inner[0].text.strip():
        return None
    result = plain(without_emoji(inner[0].text)).strip().rstrip(":").strip()
    if not is_result(result):
        return None
    answer = _one_point(inner[0]) or to_markdown(inner[0].blocks)
    return (result, answer) if answer.strip() else None


def _passed_over(item: ListItem, inner: ListBlock) -> str:
    """The label of the lone middle item `_hoisted` passed over to reach `inner` (`- Positive`
    between `- Protein` and `- Transient` / `- Persistent`), "" when none was."""
    if not item.blocks or not isinstance(item.blocks[0], ListBlock) or item.blocks[0] is inner:
        return ""
    middle = item.blocks[0].items
    return plain(without_emoji(middle[0].text)).strip().rstrip(":").strip() if middle else ""


def _lone_head(block: ListBlock, shown: frozenset[int]) -> bool:
    """One label over its list beside labels shown, their lists asked apart (`- Brief` over its
    causes beside `- Lasting`), or labels over lists beside such labels and steps written as
    sentences (`- Fluids` over its rates beside `- Start the drip once …`): its cloze would
    hide a word, its content only on the back. A list hiding several labels (`Absorption`,
    `Metabolism` beside a shown `Distribution`) asks for the set of them, and stays a cloze."""
    heading = [_heads_list(item) and bool(_outline_label(item)) for item in block.items]
    rest = [item for item, head in zip(block.items, heading, strict=True) if not head]
    steps = {item.line for item in rest if item.line not in shown and is_sentence(item.text)}
    heads = sum(heading)  # by position, not by comparing items: linear in a list of thousands
    if not heads or not rest or not shown or (heads > 1 and not steps):
        return False
    return all(item.line in shown or item.line in steps for item in rest)


def _has_steps(block: ListBlock, hoisted: frozenset[int]) -> bool:
    """A list holding a step written as a sentence beside its labels (`- Start the drip once the
    level falls`): its labels head parts of a procedure, not kinds to recall."""
    return any(i.line not in hoisted and is_sentence(i.text) for i in block.items)


def _fielded(block: ListBlock) -> bool:
    """A list of fields, some written `Label: value` on one line (`- Normal: 4.5 to 8`), a
    sibling label heading its value's list below it: the label over a list is a field too,
    asked for what it holds, never hidden as the list's deletion."""
    return any(_field_value(item) is not None for item in block.items) and any(
        _heads_list(item) and _outline_label(item) for item in block.items
    )


def _field_value(item: ListItem) -> re.Match[str] | None:
    """The `Label:` of a one-line `Label: value` item with nothing under it (`- Normal: 4.5 to
    8`, `- Diagnosis: renal ultrasound`): a short plain label naming what its value is."""
    if item.blocks or "\n" in item.text.strip():
        return None
    text = single_spaced(without_emoji(item.text)).strip()
    found = _LABEL_COLON.match(text) if ": " in text else None
    if found is None and not text.isascii():  # `- 应用 广谱`: a field named, a space, its value
        found = _SPACED_FIELD.match(text)
        found = found if found is not None and found.group("label") in _FIELDS else None
    if found is None or not text[found.end() :].strip():
        return None
    label = plain(found.group("label")).strip()
    if not 0 < len(label.split()) <= MAX_FACET_WORDS or is_sentence(label) or _DIGIT.search(label):
        return None
    return found


_SPACED_FIELD = re.compile(r"(?P<label>[^\x00-\x7f\s:：]{1,6})\s+(?=\S)")
"""A field label in a script written without spaces, then a space before its value: the space
is the only separator there (`应用 广谱`)."""


def _whole_value(text: str, field: re.Match[str], number: int) -> str | None:
    """The value after a field's label hidden whole (`: {{renal ultrasound}}`), when the item
    is short enough to be one deletion; None for a longer one, read rather than recalled."""
    value = text[field.end() :].strip()
    if len(plain(text).split()) >= MAX_WHOLE_WORDS or is_sentence(value):
        return None
    rest = text[field.end("label") :]
    start = len(rest) - len(rest[1:].lstrip())
    return _cloze_span(rest, (start, start + len(rest[start:].rstrip(" .;,"))), number)


def _parallel_labels(block: ListBlock) -> dict[int, int]:
    """Items that are a short label and its value, two of them at least in the list: a label
    before a bare range or threshold (`- Adult 10-20` / `- Child 20-30`, `- Low < 5`), or one
    word before a colon, a comma beside it (`- Raised: A, B` / `- Lowered, C, D`). The label
    is the cue, the value is the fact: by index, where each item's value starts. A facet's
    label (`Sensory:`) and a bold value are `cloze_item`'s."""
    ranges: dict[int, int] = {}
    words: dict[int, int] = {}
    colons = 0
    for index, item in enumerate(block.items):
        if "\n" in item.text.strip():
            continue
        text = single_spaced(without_emoji(item.text)).strip()
        found = _RANGE_LABEL.fullmatch(text)
        if found is not None:
            ranges[index] = found.start("value")
            continue
        found = _WORD_LABEL.match(text)
        if (
            found is not None
            and found.group("label")[0].isupper()
            and not is_facet(found.group("label"))
            and "**" not in text
        ):
            words[index] = found.end("sign") - 1  # at the colon (or comma) itself
            colons += found.group("sign").endswith(":")
    return {
        **(ranges if len(ranges) >= MIN_ITEMS else {}),
        **(words if len(words) >= MIN_ITEMS and colons else {}),
    }


_RANGE_LABEL = re.compile(
    r"(?P<label>[A-Za-z][a-z]+(?:[- ][a-z]+)?)\s+(?P<value>(?:[<>≤≥]=?\s*\d[\d.,]*"
    r"|\d[\d.,]*\s*(?:-|–|—|->|→|to)\s*\d[\d.,]*)(?:\s*%)?)"
)
"""A label, then a reference range or threshold and nothing else: `Adult 10-20`, `Low < 5 %`;
not a name's number (`Ward 2`), nor a dose (`Velbarin 5 mg`), whose unit makes the name the
thing to recall."""
_WORD_LABEL = re.compile(
    r"(?P<label>[^\W\d_](?:[^\W\d_]|-){1,20})(?P<sign>[ \u00a0\u202f]?:|,)\s+(?=\S)"
)
"""One word (a capital first: `_parallel_labels`) run in before its value with a colon or a
comma: `Raised: …`, `Lowered, …`; French sets a space before its colon (`Fréquence : …`)."""


def _label_value(text: str, start: int, number: int) -> str | None:
    """The item with its value after the label `start` ends hidden whole (`Adult {{10-20}}`,
    `Raised: {{A, B}}`); None when the value is a sentence or too long to recall in one (the
    item is read: its label hidden would ask nothing)."""
    if text[start:].lstrip().startswith(tuple("<>≤≥0123456789")):
        gap = len(text[start:]) - len(text[start:].lstrip())
        return literal(text[: start + gap]) + deletion(number, text[start + gap :].rstrip())
    value = text[start + 1 :].strip().rstrip(" .;,")
    if len(plain(value).split()) >= MAX_WHOLE_WORDS or is_sentence(value):
        return None
    return literal(text[: start + 1]) + " " + deletion(number, value)


def _field_name(item: ListItem) -> str:
    """The label of a one-line `Label: value` field (`_field_value`), "" for any other item."""
    found = _field_value(item)
    return plain(found.group("label")).strip() if found is not None else ""


def _field_text(item: ListItem) -> str:
    """The value of a one-line `Label: value` field (`_field_value`), "" for any other item."""
    found = _field_value(item)
    if found is None:
        return ""
    return single_spaced(without_emoji(item.text)).strip()[found.end() :].strip()


_ABBREVIATED = re.compile(r"[A-Z]{2,4}|[A-Z]x")
"""A short label an outline abbreviates its facets with ("PE", "ECG", "Dx", "Cx"); not a short
word ("Eye", "Age")."""


def _outline_label(item: ListItem) -> str:
    """The label of an outline item over its content (`- Management` over its points, `- Prehn
    sign` over a paragraph): a few words on a line of their own that name. "" for any other
    item."""
    if not item.blocks or "\n" in item.text.strip():
        return ""
    text = plain(without_emoji(item.text)).strip().rstrip(":").strip()
    if not text or len(text.split()) > MAX_ASKED_LABEL or not _names(text) or _DIGIT.search(text):
        return ""
    if _PREDICATE.match(text) is not None:
        return ""  # "May worsen grit" over its side effect: said of the thing above, no label
    return text


_PREDICATE = re.compile(r"(?:may|can|could|might|will|would|should|must|does|do)\s+\w", re.I)
"""An item opening with a modal or auxiliary verb ("May worsen grit formation", "Can cause
rash"): a predicate of the thing it hangs under, a statement, never a label to ask."""


def _outline_facet(item: ListItem, label: str, explained: bool) -> bool:
    """An outline label that shows its list is an outline: a facet ("Management", "Dx", "PE")
    over anything, or, in a list whose every item is `explained`, a thing (not a step: "Prepare
    for intubation") over prose explaining it; in such a list every short label over content is
    one (`- Drugs` beside `- Management`)."""
    prose = all(isinstance(inner, Paragraph) for inner in item.blocks)
    if explained and prose and not is_instruction(label):
        return True
    if _heads_labels(item):
        return True
    return is_relational(label) or is_facet(label) or _ABBREVIATED.fullmatch(label) is not None


def _heads_labels(item: ListItem) -> bool:
    """An item over a sub-list whose every item is a label over content of its own (`- Ketones`
    / `  - Elevation` / `    - diabetic ketoacidosis, starvation`): a heading of an outline two
    levels deep, whose name hidden in its list's cloze asks for a heading, its facts only on the
    back. It is asked for what it holds ("…: ketones?")."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return False
    return all(
        inner.blocks and isinstance(inner.blocks[0], ListBlock) and _outline_label(inner)
        for inner in item.blocks[0].items
    )


def _field_label(text: str) -> bool:
    """A label naming a field of a reference entry ("indications", "SE", "brands", "dosing"):
    what is known of the thing, under it, never a fact itself."""
    label = plain(without_emoji(text)).strip().rstrip(":").strip()
    if not label or len(label.split()) > MAX_FIELD_WORDS:
        return False
    return (
        is_relational(label)
        or is_facet(label)
        or _ABBREVIATED.fullmatch(label) is not None
        or label.lower() in _FIELDS
    )


def _says_nothing(text: str) -> bool:
    """A label whose points are asked on their own that would say nothing among the list's
    facts: a field of an entry (`- Cautions`) or a result (`- Raised`, `- Decreases`); not a
    name among names (`- Distribution` beside the other phases), which the list would lose."""
    label = plain(without_emoji(text)).strip().rstrip(":").strip()
    return _entry_field(text) or is_result(label) or _CHANGE.fullmatch(label) is not None


_CHANGE = re.compile(r"(?:increase|decrease|rise|fall|drop)s?", re.IGNORECASE)
"""A one-word result written as a verb (`- Decreases` over its causes)."""


def _entry_field(text: str) -> bool:
    """A label naming a field of a drug's or a condition's entry ("Cautions", "SEs",
    "considerations"), never one of the things a list names ("EKG", "Microscopy")."""
    label = plain(without_emoji(text)).strip().rstrip(":").strip()
    if not label or len(label.split()) > MAX_FIELD_WORDS:
        return False
    return is_relational(label) or label.lower() in _FIELDS


MAX_FIELD_WORDS = 3
_FIELDS = frozenset(
    """
    brand brands class cautions caution considerations dose doses dosage dosages interactions
    monitoring notes precautions warnings se ses ci cis adr adrs kinds comparison
    应用 用途 作用 机制 特点 部位 种类 分类 比较 症状 病因 治疗 诊断 不良反应 副作用 禁忌 禁忌症
    适应症 临床表现 并发症 预后 注意事项 相互作用 体内过程 药理作用
    """.split()
) | frozenset(("brand names", "trade names", "drug class", "side effects", "adverse effects"))
"""Field labels of a drug's or a condition's entry that `is_relational` does not name, in the
languages notes are written in ("应用" uses, "种类" kinds, "不良反应" adverse effects)."""


def _stubs(block: ListBlock, hoisted: frozenset[int]) -> set[ListItem]:
    """Items that are only a field label with nothing under it (`- indications`, `- dosing`)
    in an outline whose other field labels head their content (`- mx` over its point, or a
    label whose list is asked apart): a template's empty slots, no item to recall. A list of
    names (`- Velbarin` beside `- Tessalid` over its points) has none."""
    fields = [
        item
        for item in block.items
        if (item.blocks or item.line in hoisted)
        and _field_label(item.text)
        and "\n" not in item.text.strip()
    ]
    empty = [
        item
        for item in block.items
        if not item.blocks and item.line not in hoisted and "\n" not in item.text.strip()
    ]
    if not fields:  # `- kinds` / `- comparison`: an outline of sub-topics not written yet
        labels = len(empty) == len(block.items) >= MIN_ITEMS
        named = [_entry_field(i.text) for i in empty]  # and codes beside a field: `- AP`
        slots = any(named) and all(n or _code(i.text) for n, i in zip(named, empty, strict=True))
        return set(empty) if labels and (slots or _counts_off(empty)) else set()
    slots = all(  # every other item heads content, one of them a field label at least
        item.blocks or item.line in hoisted for item in block.items if item not in empty
    ) and all(_bare_word(item) or _field_label(item.text) for item in empty)
    # a template's slots are all written alike; `- Bleeds` beside `- vomiting` are points
    return {
        item
        for item in empty
        if not _DIGIT.search(item.text)
        and (
            _entry_field(item.text)
            or (
                _field_label(item.text)
                and not _ABBREVIATED.fullmatch(plain(item.text).strip().rstrip(":"))
            )
            or (slots and len(plain(item.text).split()) <= MAX_SLOT_WORDS and _bare_word(item))
        )
    }
    # an empty `- RT` beside `- CT` over its regimens names a treatment, no empty field


def _code(text: str) -> bool:
    """An item of codes only, no word longer than MAX_CODE characters (`AP`, `0 相 4相`)."""
    words = plain(without_emoji(text)).split()
    return bool(words) and all(len(word) <= MAX_CODE for word in words)


def _counts_off(items: list[ListItem]) -> bool:
    """Codes counting off a class's members (`- IA` / `- IB` / `- IC`, `- PA` / `- PB`), each
    the name of what the outline goes on to tell: hidden, one asks only the next letter."""
    codes = [plain(item.text).strip() for item in items]
    if not all(_CODE.fullmatch(code) for code in codes):
        return False
    heads = {(len(code), code[:-1]) for code in codes}
    return len(heads) == 1 and len({code[-1] for code in codes}) == len(codes)


MAX_CODE = 3
_CODE = re.compile(r"[A-Za-z0-9]{2,3}")


MAX_SLOT_WORDS = 2
"""An empty item this short among field labels over their content is one more field left empty
(`- hist` above `- actions` / `- uses` over their points), no thing of its own."""


def _bare_word(item: ListItem) -> bool:
    """An item of words alone, lower case, no markup: a note-taker's slot name (`hist`)."""
    text = item.text.strip()
    return text.islower() and text.replace(" ", "").isalpha()


def _bare_lead_in(item: ListItem) -> bool:
    """A label with a colon over its own list (`- Treatments:` / `  - Saline`): once that list
    is asked apart, the label is no point of the list it stands in. A longer lead-in says a
    fact of its own ("Consider a third dose and add:") and stays."""
    text = plain(without_emoji(item.text)).strip()
    short = len(text.split()) <= MAX_ASKED_LABEL
    return short and text.endswith(":") and not is_bold_title(item)


def _clause_label(item: ListItem) -> bool:
    """An outline item that is a clause left open over its own list (`- Release of Q is raised
    by` over its causes): words enough for a clause, ending on a short lower-case word (a
    preposition or article, in any language, which `is_open_clause` may not know). Once its
    list is asked apart, hidden it would ask a lead-in's words, not a fact."""
    words = plain(without_emoji(item.text)).split()
    last = words[-1] if words else ""
    return len(words) > MAX_ASKED_LABEL and last.isalpha() and last.islower() and len(last) <= 3


def _outline_lead_in(item: ListItem) -> bool:
    """An item that is a label with a colon over what it heads (`- Sequence:` over numbered
    steps): the steps are its content, shown on the back; the label is no fact to hide."""
    return bool(item.blocks) and plain(without_emoji(item.text)).strip().endswith(":")


def _bare_label(item: ListItem) -> bool:
    """An item that is only a label, with nothing under it left (`2. **Pneumothorax:**` once
    its points are asked on their own): the subject of its points, never an answer."""
    if item.blocks:
        return False
    text = plain(without_emoji(item.text)).strip()
    return text.endswith(":") and len(text.split()) <= MAX_ASKED_LABEL


def _one_point(item: ListItem) -> str:
    """The text of a label's one sub-item, a line with nothing under it (`**Aspirin:**` over
    `- Avoid high doses late on.`): the label's value written on the next line. "" for any
    other item."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return ""
    inner = item.blocks[0].items
    if len(inner) != 1 or inner[0].blocks or "\n" in inner[0].text.strip():
        return ""
    return single_spaced(without_emoji(inner[0].text)).strip()


def _label_notes(
    items: list[ListItem], lead: Lead | None, section: Section, ctx: Context
) -> list[Note]:
    """`**Prevention:** repellent` in a list of facts: "Korrin fever: prevention?"."""
    notes = []
    about = subject(lead, section, ctx)
    for item in items:
        label, value = label_of(item) or ("", "")
        if is_pep_talk(label, value):
            continue  # `**Expectation for students:** work hard`: words to the reader
        front = f"{about}: {lower_first(label)}?"
        key = make_key("enumeration", section.path, label, item.pin, "label")
        value = one_answer(value, label)  # a paragraph after its label: its first sentence
        notes.append(ctx.note("enumeration", "basic", front, value, key, section, item.line))
    return notes


def _enumerates(block: ListBlock) -> bool:
    """A list of facts: two items or more (numbered steps: at most MAX_STEPS), not
    definitions, not mostly questions or links."""
    if len(block.items) < MIN_ITEMS or is_definition_list(block):
        return False
    texts = tuple(item.text for item in block.items)
    if explained_initials(texts) or spelled_initials(texts):
        return False  # `**F**ace drooping: …`, `**K** - Kidney`: an acronym's letters (prose_fact)
    if block.ordered and len(block.items) > MAX_STEPS:
        return False
    questions = sum(1 for item in block.items if plain(item.text).endswith("?"))
    linked = [
        _LINK_ONLY.match(without_emoji(item.text).strip()) is not None or _gives_an_address(item)
        for item in block.items
    ]
    if not all(linked):  # `- High blood pressure` / `- [Diabetes](Diabetes.md)`: the site's
        # own pages among plain members are members, named by their words (a list of
        # nothing but links stays a reading list)
        linked = [
            link and _PAGE_LINK_ITEM.fullmatch(without_emoji(item.text).strip()) is None
            for link, item in zip(linked, block.items, strict=True)
        ]
    return questions * 2 <= len(block.items) and sum(linked) * 2 <= len(block.items)


def _cloze_note(
    block: ListBlock,
    intro: str,
    section: Section,
    ctx: Context,
    led: bool = True,
    strict: bool = False,
    shown_lines: frozenset[int] = frozenset(),
    key_intro: str = "",
    subject_of: Lead | None = None,
) -> list[Note]:
    """One cloze per item. Items only their heads stand for (`Apply A before B (why)`) make a
    note only after a lead-in saying what they are: alone they are statements, for prose_fact.
    A `strict` list (a sub-list asked on its own) makes none when its items are written-out
    sentences, or one left visible is: lecture prose is read on the parent's back, not
    recited."""
    if len(block.items) < MIN_ITEMS:
        return []
    block = _recallable(block)
    if len(block.items) < MIN_ITEMS:
        return []
    block, joiners = _without_joiners(block)
    shown = _shown_elsewhere(block, intro, ctx.topic)
    # a lead-in that is the heading itself: lint's `_named_above` asks what the line says of
    # the names it shows (`Behind it lies …`), so those items stay as they are made here
    heading = heading_text(section.title)
    lead = "" if heading and heading in intro else _lead_words(intro, ctx.topic)
    scaffolding = _scaffolding(block)
    shown |= {index for index, item in enumerate(block.items) if item.line in shown_lines}
    criteria = _is_criteria(block)
    pairs = _pairs(block)
    glossed = _glossed(block)
    baseline = opens_with_baseline([item.text for item in block.items])
    # a sibling label shown, its content asked apart (`- Differential` over its list): the
    # list is an entry's fields, and a `Label: value` item's value is what is recalled
    fields = any(item.line in shown_lines for item in block.items)
    ranked = _parallel_labels(block)
    bolded = any(_BOLD_SPAN.search(item.text) for item in block.items)
    counted = ordinal_rests(block)
    if counted is not None and not any(counted.values()):
        return []  # "First generation" / "Second generation": counting, nothing to recall
    predicate = not bolded and _predicates(block, subject_of)
    told = not bolded and (_told(block) or predicate)  # beside bold key terms, a step is read
    instructed = frozenset() if told else told_among_fields(tuple(i.text for i in block.items))
    items: dict[int, str] = {}  # each kept item's line, by its index in the list
    extras: dict[int, str] = {}
    deletions = long = heads = 0
    long_prose = last_long = False
    values: dict[str, int] = {}  # a threshold's number: the same value is one deletion
    read: list[str] = []  # items that are paragraphs, shown on the back (`_paragraph`)
    for number, item in enumerate(block.items, 1):
        marker = f"{number}." if block.ordered else "-"
        joiner = joiners.get(number - 1, "")
        item_text = single_spaced(without_emoji(item.text)).strip()
        if counted is not None:  # "Fifth generation, i.e. {{ceftaroline}}": the ordinal shown
            rest = counted[number - 1]
            if rest:
                deletions += 1
                head = item_text[: len(item_text) - len(rest)]
                items[number - 1] = f"{marker} {literal(head)}{deletion(deletions, rest)}{joiner}"
            else:
                items[number - 1] = f"{marker} {literal(item_text)}{joiner}"
            continue
        if number - 1 in pairs:
            name, detail = pairs[number - 1]
            deletions += 1
            items[number - 1] = f"{marker} {literal(name)} — {deletion(deletions, detail)}{joiner}"
            continue
        if item.line in shown_lines and not item.blocks and _says_nothing(item.text):
            continue  # `- Cautions`, `- Raised`, its points asked apart: the label says nothing
        if (
            number - 1 in shown
            or number - 1 in scaffolding
            or _symbols_only(item)
            or _bold_name_only(item, bool(pairs))
            or is_etc(plain(item.text))  # "- etc.": shown, never a deletion
            or is_choice_item(item.text)  # "- Presence/Absence of murmurs": a form's tick
            or number - 1 in instructed  # "- Record any herbal remedy" among the fields
            or (
                number < len(block.items) and not item.blocks and is_unfinished(plain(item.text))
            )  # "- Germs of all kinds produce"
            or _outline_lead_in(item)  # "- Sequence:" over its steps: the back's, not a fact
            or (number == 1 and baseline)  # a form's "- None" first: hidden, it asks nothing
        ):
            text = literal(single_spaced(without_emoji(item.text)).strip())
            items[number - 1] = f"{marker} {text}{joiner}"
            continue
        # beside labels asked by their values (`Adult: {{X}}`), a longer label's value too
        labelled = fields or (bool(ranked) and number - 1 not in ranked)
        field = _field_value(item) if labelled else None
        value = _whole_value(item_text, field, deletions + 1) if field else None
        if field is not None and value is not None:  # "Diagnosis: {{renal ultrasound}}"
            deletions += 1
            items[number - 1] = f"{marker} {literal(field.group('label'))}{value}{joiner}"
            continue
        if field is not None:  # "Film: often normal, may show …": read, never its label hidden
            items[number - 1] = f"{marker} {literal(item_text)}{joiner}"
            continue
        if number - 1 in ranked:  # "Adult {{10-20}}" beside "Child {{20-30}}": the label shown
            value = _label_value(item_text, ranked[number - 1], deletions + 1)
            if value is not None:
                deletions += 1
            items[number - 1] = f"{marker} {value or literal(item_text)}{joiner}"
            continue
        threshold = _threshold(item) if criteria else None
        if number - 1 in glossed:  # "{{Ballismus}} (large, violent movements)"
            term, gloss = glossed[number - 1]
            deletions += 1
            items[number - 1] = f"{marker} {deletion(deletions, term)}{literal(gloss)}{joiner}"
            continue
        if threshold is not None:
            first, extra, (start, end) = threshold
            value = plain(first[start:end])
            if value not in values:
                deletions += 1
                values[value] = deletions
            clozed: tuple[str, str] | None = (
                _cloze_span(first, (start, end), values[value]),
                extra,
            )
        else:
            clozed = cloze_item(item, deletions + 1, told, predicate)  # c1, c2, … no gap
            if clozed is not None and bolded and _bare_clause(item, clozed[0]):
                # "Rotate the lobe." beside "Divide **the vein**.": read, never recited
                items[number - 1] = f"{marker} {literal(item_text)}{joiner}"
                continue
            if clozed is None:
                if len(plain(item.text).split()) < MAX_WHOLE_WORDS:
                    return []  # a short statement among things to recall: a list of statements
                clozed = head_cloze(item, deletions + 1, intro)
                heads += clozed is not None
                if clozed is None:  # "Ice {{10-15 minutes, several times a day}} to ease pain"
                    clozed = dose_cloze(item, deletions + 1)
            if clozed is not None and cloze_numbers(clozed[0]):  # not "May repeat as needed."
                deletions = max(cloze_numbers(clozed[0]))  # a series in an item: one each
        if clozed is None:
            # ten words or more with nothing short in it: read, not recalled; the last item of
            # a list of doses (`- **Drug A** 5 mg BID × 7 days`) stating a figure too is read
            # beside the others: its one dose never takes the list's regimens with it
            long += 0 if number == len(block.items) and _all_dosed(block, deletions) else 1
            long_prose = long_prose or plain(item.text).rstrip().endswith(".")
            last_long = (
                number == len(block.items)
                and not is_sentence(item.text)
                and not is_instruction(item.text)
                and all(
                    len(plain(short.text).split()) <= MAX_CLOSED_WORDS for short in block.items[:-1]
                )
            )
            text = literal(single_spaced(without_emoji(item.text)).strip())
            if not block.ordered and not item.blocks and _paragraph(item.text):
                read.append(text)  # a paragraph among names: the back's, not the cloze's
                continue
            items[number - 1] = f"{marker} {text}{joiner}"
            continue
        text, extra = clozed
        if threshold is None and _lead_shows(text, lead):  # its blank printed above it: read
            deletions = max([0, *cloze_numbers("\n".join(items.values()))])
            items[number - 1] = f"{marker} {literal(item_text)}{joiner}"
            continue
        if extra:
            extras[number - 1] = extra
        items[number - 1] = f"{marker} {text}{joiner}"
    # a last item too long to recall after two words or names (`Sensory` / `Vision` / `Retina
    # to the chiasm, the tracts and the cortex`) is read beside them; not advice ("Take it with
    # food") after side effects, nor a list of longer items, which a Basic card answers
    closing = long == 1 and last_long and not long_prose and deletions >= MIN_CLOSED_DELETIONS
    if not deletions or (long * MAX_LONG_SHARE > len(block.items) and not closing):
        return []  # mostly sentences: a Basic card's answer, or none
    if long and deletions < 2:
        return []
    if strict and (long_prose or _written_out(block)):
        return []
    if heads == deletions and not led:
        return []  # statements with no lead-in naming what they are
    items = _asides_alike(items)
    front = unglued_bold(given_away(literal(intro) + "\n\n" + "\n".join(items.values())))
    if not cloze_numbers(front):
        return []
    key = make_key("enumeration", section.path, plain(key_intro or intro))
    if pairs:
        block = ListBlock(
            block.ordered,
            tuple(
                ListItem(item.text, item.line, (), item.pin) if index in pairs else item
                for index, item in enumerate(block.items)
            ),
            block.line,
        )
    parts = _parts(front, list(items))
    if len(parts) > 1:  # more than MAX_DELETIONS: each card would show the other answers
        made = _part_notes(parts, block, extras, key, section, ctx)
        return [*made[:-1], replace(made[-1], back=_joined([made[-1].back, *read]))]
    back = _joined([_sub_lists(block, extras), *read])
    return [ctx.note("enumeration", "cloze", front, back, key, section, block.line)]


def ordinal_rests(block: ListBlock) -> dict[int, str] | None:
    """What follows the counted words of each item, by index, when the items open with a run of
    ordinals in order (`First generation` / `Second generation` / `Third generation, i.e.
    cefdinoral`, `1st line: …` / `2nd line: …`), else None. The ordinal and the noun it counts
    are the outline, never a fact: hidden, they ask only how to count; what comes after them
    (after a comma, colon, dash, bracket or "i.e.") is the item's fact, "" when none does."""
    if len(block.items) < MIN_ITEMS:
        return None
    rests: dict[int, str] = {}
    for index, item in enumerate(block.items):
        text = single_spaced(without_emoji(item.text)).strip()
        found = _COUNTED.match(plain(text))
        if found is None or _ordinal_number(found.group("ordinal")) != index + 1:
            return None
        if plain(text) != text:  # emphasis or a link inside: read the plain item only
            return None
        rests[index] = _RUN_ON.sub("", text[found.end() :]).strip()
    return rests


def _ordinal_number(word: str) -> int:
    word = word.lower()
    if word[0].isdigit():
        return int(word[:-2])
    return _ORDINAL_WORDS.index(word) + 1 if word in _ORDINAL_WORDS else 0


_ORDINAL_WORDS = (
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth".split()
)
_COUNTED = re.compile(
    r"(?P<ordinal>(?:" + "|".join(_ORDINAL_WORDS) + r")|\d{1,2}(?:st|nd|rd|th))"
    r"(?:\s+[A-Za-z-]+)?(?=$|\s*[,:(–—]|\s+-\s|\s+i\.e\.)",
    re.IGNORECASE,
)
"""An item's opening ordinal and the one noun it counts (`Fifth generation`, `2nd line`)."""
_RUN_ON = re.compile(r"^\s*(?:[,:–—-]\s*)?(?:(?:i\.e\.|e\.g\.|ie|eg)[,:]?\s*)?")
"""The mark between the counted words and the fact: ", i.e. ", ": ", " – "."""


def _paragraph(text: str) -> bool:
    """An item that is a paragraph (two sentences or more, over MAX_ANSWER_WORDS words) beside
    items a cloze hides: read, never recalled, it made the card's text a page long ("- **Type
    D**, a rare kind in which …" after four hidden names), and goes to the Extra field."""
    return word_count(text) > MAX_ANSWER_WORDS and len(split_sentences(plain(text))) >= 2


def _joined(parts: list[str]) -> str:
    return "\n\n".join(part for part in parts if part)


MAX_DELETIONS = 8
"""Deletions of one cloze note at most: each card shows every other answer, so a longer list is
asked in parts of about equal size, in its order ("Delusions (part 1 of 2):")."""
MAX_PARTS = 3
"""Parts a list is cut into at most: a longer one is a reference table written as a list."""
MAX_SHORT_DELETIONS = 10
MAX_SHORT_DELETION_WORDS = 3
"""A list of up to ten items of one to three words (on average) each (`Dizziness`, `Nausea /
vomiting`) stays one note: cut in two, each half asks a list the student learnt as one."""


def _terse(body: str) -> bool:
    """Every line of a cloze's body is one deletion and nothing else, of three words or fewer
    on average and none longer than MAX_TERSE_WORDS (`Altered level of consciousness / coma`
    among `Dehydration` and `Nausea / vomiting`)."""
    sizes = []
    for line in body.split("\n"):
        found = list(NUMBERED_DELETION.finditer(line))
        if len(found) != 1 or NUMBERED_DELETION.sub("", line).strip(" -*0123456789.)"):
            return False
        sizes.append(len(_WORD.findall(plain(found[0].group(2)))))
    return max(sizes) <= MAX_TERSE_WORDS and sum(sizes) <= MAX_SHORT_DELETION_WORDS * len(sizes)


_WORD = re.compile(r"\w[\w'’-]*")
MAX_TERSE_WORDS = 5


def _parts(front: str, kept: list[int]) -> list[tuple[str, list[int]]]:
    """A cloze's front cut into parts of at most MAX_DELETIONS deletions each, each part's
    deletions numbered from c1 again and its lead-in saying which part it is, with the list
    indexes of the items it holds; the front alone when it holds no more."""
    intro, _, body = front.partition("\n\n")
    lines = body.split("\n")
    total = len(cloze_numbers(body))
    if total <= MAX_DELETIONS or len(lines) != len(kept) or "\n" in intro:
        return [(front, kept)]
    if total <= MAX_SHORT_DELETIONS and _terse(body):
        return [(front, kept)]  # ten signs of a word or two: one list, quick to read whole
    count = -(-total // MAX_DELETIONS)
    if count > MAX_PARTS:
        return [(front, kept)]  # a reference list, not a list to recall (checked for Anki's limit)
    size = -(-total // count)
    groups: list[list[int]] = [[]]
    seen: set[str] = set()
    for at, line in enumerate(lines):
        numbers = {found.group(1) for found in NUMBERED_DELETION.finditer(line)}
        if numbers - seen and len(seen) + len(numbers - seen) > size and len(groups) < count:
            groups.append([])
            seen = set()
        groups[-1].append(at)
        seen |= numbers
    parts = []
    for number, group in enumerate(groups, 1):
        renumbered: dict[str, int] = {}

        def again(match: re.Match[str], renumbered: dict[str, int] = renumbered) -> str:
            new = renumbered.setdefault(match.group(1), len(renumbered) + 1)
            return f"{{{{c{new}::{match.group(2)}}}}}"

        text = "\n".join(NUMBERED_DELETION.sub(again, lines[at]) for at in group)
        head = intro.rstrip()
        said = f" (part {number} of {len(groups)})"
        head = f"{head[:-1]}{said}:" if head.endswith(":") else f"{head}{said}"
        parts.append((f"{head}\n\n{text}", [kept[at] for at in group]))
    return parts


def _part_notes(
    parts: list[tuple[str, list[int]]],
    block: ListBlock,
    extras: dict[int, str],
    key: tuple[str, ...],
    section: Section,
    ctx: Context,
) -> list[Note]:
    """A cloze note per part, each with the back of its own items; the first keeps the whole
    list's identity (its first cards ask what they asked), the others are named by their part."""
    notes = []
    for number, (front, indexes) in enumerate(parts, 1):
        items = tuple(block.items[index] for index in indexes)
        own = {at: extras[index] for at, index in enumerate(indexes) if index in extras}
        back = _sub_lists(ListBlock(block.ordered, items, block.line), own)
        part_key = key if number == 1 else (*key, f"part {number}")
        notes.append(ctx.note("enumeration", "cloze", front, back, part_key, section, block.line))
    return notes


_WHOLE_ASIDE = re.compile(
    r"^(?P<marker>\S+) \{\{c(?P<number>\d+)::(?P<term>[^{}()*]+?)\s*\((?P<aside>[^(){}*]+)\)\}\}$"
)
"""A line hiding a name with its bracketed aside whole: `- {{c1::Tics (sudden jerks)}}`."""
_NAME_ASIDE = re.compile(
    r"^(?P<marker>\S+) (?P<term>[A-Za-z][\w' /-]*?)\s*\((?P<aside>[^(){}*]+)\)$"
)
"""A line left to read, a name and its long aside: `- Magnetic gait (feet stuck to the floor …)`."""
_ASIDE_SHOWN = re.compile(r"\{\{c\d+::[^{}]+\}\}\**\s*\(")
"""A line hiding a name alone, its bracketed aside shown: `- {{c2::Mannerisms}} (odd ways …)`."""


def _asides_alike(items: dict[int, str]) -> dict[int, str]:
    """In a list where some name is hidden alone beside its aside (`{{Mannerisms}} (odd ways of
    moving)`), a short `Name (aside)` item hides its name alone too: one note asks one kind of
    thing, never a name here and a name with its meaning there. An aside that says the name
    again, another name or a figure stays hidden with it (`_describes`)."""
    if sum(1 for line in items.values() if _ASIDE_SHOWN.search(line)) < MIN_GLOSSED:
        return items
    alike = {}
    for index, line in items.items():
        found = _WHOLE_ASIDE.match(line) or _NAME_ASIDE.match(line)
        if found is not None:
            term, aside = found.group("term").strip(), found.group("aside").strip()
            if term and len(term.split()) <= MAX_ASKED_LABEL and _describes(term, aside):
                line = f"{found.group('marker')} {{{{c0::{term}}}}} ({aside})"
        alike[index] = line
    renumbered: dict[str, int] = {}  # in their order again: a name read before is now asked

    def again(match: re.Match[str]) -> str:
        key = match.group(1) if match.group(1) != "0" else f"new {len(renumbered)}"
        number = renumbered.setdefault(key, len(renumbered) + 1)
        return f"{{{{c{number}::{match.group(2)}}}}}"

    return {index: NUMBERED_DELETION.sub(again, line) for index, line in alike.items()}


def _describes(term: str, aside: str) -> bool:
    """An aside that describes its name in a few lower-case words ("sudden jerks", "resting,
    intention"), shown as its hint; not a figure or a rank ("5x the risk", "most common"), a
    qualifier ("for manual use"), another name ("diplopia", "RSV", "Drug Sensitivity Testing"),
    examples after a plural ("sedatives, sleeping tablets") nor words of the name again, which
    are facts or give the name away."""
    words = aside.split()
    if len(words) < MIN_GLOSS_WORDS or not aside[0].islower() or _DIGIT.search(aside):
        return False
    first = words[0].rstrip(".:,").lower()
    if first in _NOT_A_GLOSS or first in _RANKS:
        return False
    named = aside.split(",")[0].split()
    if "," in aside and named and _plural(named[-1]):
        return False  # "sedatives, sleeping tablets": examples, the facts under the name
    return not _says_term(term, aside) and not is_facet(term)


_RANKS = frozenset("most least best worst commonest first main only".split())


def given_away(text: str) -> str:
    """A cloze text without the deletions that give themselves away on their own line: every
    word of meaning a deletion hides stands in the rest of its item, or there and in the lead-in
    (`The smear test is done two ways:` over `{{Slide smear test (bound test)}}: "slide" and
    "bound" both have five letters`). Such a card is read, not recalled:
    the deletion is left as text, the others numbered c1, c2, … again. The text as it is when
    none does. (Deletions that other lines restate are `lint.without_shown_answers`' to find.)"""
    away = set()
    lead, _, body = text.partition("\n")
    above = content_words(plain(lead), 1)
    for line in body.splitlines():
        if "{{c" not in line:
            continue
        found = list(NUMBERED_DELETION.finditer(line))
        for number in {match.group(1) for match in found}:
            hidden = " ".join(match.group(2) for match in found if match.group(1) == number)
            meant = _said(hidden)  # "<90 mmHg" beside "<65 mmHg": 90
            rest = "".join(
                " " if match.group(1) == number else match.group(2) for match in found
            ) + NUMBERED_DELETION.sub(" ", line)
            beside = meant & _said(rest)
            if beside and meant <= beside | above:
                away.add(number)
    if not away:
        return text
    numbers = dict.fromkeys(match.group(1) for match in NUMBERED_DELETION.finditer(text))
    renumbered = {n: i for i, n in enumerate((n for n in numbers if n not in away), 1)}

    def unwrap(match: re.Match[str]) -> str:
        number = match.group(1)
        if number in away:
            return match.group(2)
        return f"{{{{c{renumbered[number]}::{match.group(2)}}}}}"

    return NUMBERED_DELETION.sub(unwrap, text)


def _said(text: str) -> frozenset[str]:
    """The words of meaning of a text, a decimal one number ("7.5 mg" shows no "5 mg")."""
    return content_words(
        _DECIMAL.sub(lambda m: m.group(0).replace(".", "p").replace(",", "p"), plain(text)), 1
    )


_DECIMAL = re.compile(r"\d+[.,]\d+")


def _pairs(block: ListBlock) -> dict[int, tuple[str, str]]:
    """A list of names each over its one detail (`- Velbarin (V)` / `  - Red urine`), as an
    outline writes `Name: detail` (not numbered steps): (name, detail) by item, the detail being
    what is asked (hidden on a parent's back it is never asked). Empty unless two items or most
    are such pairs."""
    found: dict[int, tuple[str, str]] = {}
    if block.ordered:
        return found  # numbered steps: the steps are what is recalled, in order
    for index, item in enumerate(block.items):
        pair = _pair(item)
        if pair is not None:
            found[index] = pair
    return found if len(found) >= MIN_PAIRS or len(found) * 2 > len(block.items) else {}


def _pair(item: ListItem) -> tuple[str, str] | None:
    """(name, detail) of a name over its one short detail (`- Velbarin (V)` / `  - Red urine`),
    None for any other item."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    inner = item.blocks[0].items
    if len(inner) != 1 or inner[0].blocks or "\n" in inner[0].text.strip():
        return None
    name = single_spaced(without_emoji(item.text)).strip().rstrip(":").strip()
    detail = single_spaced(without_emoji(inner[0].text)).strip().rstrip(".;,")
    detail = _PAIR_PRONOUN.sub("", detail)  # "They block …" under the name: it is the name
    if not name or not detail or len(plain(detail).split()) > MAX_ITEM_WORDS:
        return None
    if is_sentence(detail) or len(split_sentences(detail)) > 1:
        return None  # "Given under the tongue. Do not chew.": read, not recalled
    if len(plain(name).split()) > MAX_HOISTED_LABEL_WORDS or name.endswith("?"):
        return None
    return name, detail


_PAIR_PRONOUN = re.compile(r"^(?:[Tt]hey|[Ii]t)\s+(?=[a-z]+s?\b)(?!is\b|are\b|was\b|were\b)")
"""A detail under a name that opens with a pronoun for it ("They block conversion of …" under
`- ACE inhibitors`): the name is shown beside it, so the pronoun goes and the verb is what is
asked, never "{{They block …}}". A pronoun over "is"/"are" keeps its sentence."""
MIN_PAIRS = 2
MAX_PAIRED = 8
"""Names each over their detail clozed in one note, at most; a longer list of `**Label:**` lines
over their values (a drug list's doses) asks each label on its own: one cloze of twenty
deletions would show nineteen answers on every card."""


def _glossed(block: ListBlock) -> dict[int, tuple[str, str]]:
    """A list of named things each with its meaning in brackets (`- Ballismus (large, violent
    movements)`, `- Capgras (loved one replaced by an impostor)`): (term, " (gloss)") by item.
    Deleted whole, term and meaning go together and neither cues the other; the term alone is
    asked, its meaning the hint. Empty unless MIN_GLOSSED items or more are such; an aside that
    qualifies ("(with your therapist)", "(4-way)", "(SOB)", "(e.g. …)") is no meaning."""
    found: dict[int, tuple[str, str]] = {}
    for index, item in enumerate(block.items):
        text = item.text.strip()
        clause = None if item.blocks else _TERM_CLAUSE.fullmatch(single_spaced(plain(text)))
        if clause is not None and _names_glossed(clause.group("term"), clause.group("gloss")):
            # "Curschmann spirals, which are mucus plugs": the name asked, its meaning the hint
            found[index] = (clause.group("term"), clause.group("gloss"))
            continue
        if item.blocks or not text.endswith(")") or "**" in text:
            continue
        match = _TERM_GLOSS.fullmatch(single_spaced(text))
        if match is None:
            continue
        term, gloss = match.group("term"), match.group("gloss")
        words = gloss.split()
        if len(words) < MIN_GLOSS_WORDS or not gloss[0].islower() or _DIGIT.search(gloss):
            continue  # "(Infection without active disease)": a label's content, not a meaning
        if words[0].rstrip(".:,") in _NOT_A_GLOSS or words[0] in _NOT_A_GLOSS:
            continue
        if not _one_meaning(gloss) or _says_term(term, gloss):
            continue  # "Age (risk rises with age)": the gloss says the term, deleted whole
        if is_facet(term) or is_relational(term):
            continue  # "Diagnosis (TST or IGRA positive)": the facet's content is the fact
        found[index] = (term, f" ({gloss})")
    return found if len(found) >= MIN_GLOSSED else {}


def _names_glossed(term: str, gloss: str) -> bool:
    """A name of a few words (no article: "The colour of the bag, which should be …" is a
    sentence's subject) whose relative clause does not say it again."""
    words = term.split()
    if not 0 < len(words) <= MAX_GLOSSED_NAME_WORDS or words[0].lower() in _ARTICLES:
        return False
    return not content_words(term) <= content_words(gloss)


MAX_GLOSSED_NAME_WORDS = 4
_ARTICLES = frozenset("the a an this these".split())


def _says_term(term: str, gloss: str) -> bool:
    """The gloss says the term again: a word of it, or a word of its family ("Chorea
    (choreiform movements)", "Athetosis (athetoid writhing)"): five letters or more in common
    at the start, past any prefix such as "hyper" ("Hyperacusis (hypersensitivity to sound)"
    says nothing of the term)."""
    words, said = content_words(term), content_words(gloss)
    if words & said:
        return True
    for word in words:
        prefix = _WORD_PREFIX.match(word)
        least = max(MIN_SHARED_LETTERS, prefix.end() + 3 if prefix else 0)
        if len(word) >= least and any(other[:least] == word[:least] for other in said):
            return True
    return False


MIN_SHARED_LETTERS = 5
_WORD_PREFIX = re.compile(
    r"(?:hyper|hypo|trans|inter|intra|micro|macro|pseudo|poly|anti|dys|para|peri|post|pre"
    r"|sub|super|endo|epi|extra|neuro|cardio|gastro|haemo|hemo|under|over|self|non)",
    re.IGNORECASE,
)


def _one_meaning(gloss: str) -> bool:
    """A gloss that says what a thing is ("large, violent movements", "world not real"), not a
    list of examples ("diet, exercise, weight loss", "coughing, sneezing"), which are the facts
    under a vague name: no comma, or one after a word or two describing the noun phrase after
    it ("slow writhing, sinusoidal movements")."""
    parts = gloss.split(",")
    if len(parts) == 1:
        return True
    first = parts[0].split()
    if not first or _plural(first[-1]):
        return False  # "sedatives, blood pressure meds": things named, examples
    return len(parts) == 2 and len(first) <= 2 and len(parts[1].split()) >= 2


def _plural(word: str) -> bool:
    """A word that looks plural ("sedatives"), not an adjective or a singular ending in s
    ("nervous", "loss", "paralysis")."""
    lowered = word.lower()
    return lowered.endswith("s") and not lowered.endswith(("ous", "ss", "is", "us"))


_TERM_GLOSS = re.compile(r"(?P<term>[A-Za-zÀ-ÿ][\w'’/ -]{1,40}?)\s*\((?P<gloss>[^()]{3,80})\)")
"""A name of one to a few words, then its meaning in brackets."""
_TERM_CLAUSE = re.compile(
    r"(?P<term>[A-Za-zÀ-ÿ][\w'’/ -]{1,40}?)(?P<gloss>,\s(?:which|meaning|i\.e\.)\s[^()]{3,80})"
)
"""A name of one to a few words, then its meaning in a relative clause ("Curschmann spirals,
which are mucus plugs", "goblet cell hyperplasia, meaning more mucus cells")."""
MIN_GLOSS_WORDS = 2
MIN_GLOSSED = 2
_NOT_A_GLOSS = frozenset(
    """with without for from see e.g. eg i.e. ie as if when by in on at to or and per
    especially including mainly mostly how where what why which who but eg. ie.""".split()
)
"""First words of an aside that qualifies an item, or says which facet a label is ("(where
spores rest)"), rather than saying what it means."""


def _bold_name_only(item: ListItem, paired: bool) -> bool:
    """An item that is a bold name and nothing more (`**Tab. Velbarin**`, `**Velbarin:**`) that is
    no deletion: beside names each over its detail (`paired`) it says nothing to recall (a cloze
    of it hides a name with no cue), and as a label over sentences of its own (`**Velbarin:**` /
    `Avoid late. Useful early.`) it names facts its card would not show. A bold name over short
    points (`1. **Gown**` / `tie at the neck`) stays a step to recall."""
    text = item.text.strip()
    if text[:2] not in _BOLD or _BOLD_NAME.fullmatch(text) is None:
        return False
    if paired and not item.blocks:
        return True
    return text.rstrip("*_").endswith(":") and any(
        isinstance(block, ListBlock)
        and any(plain(inner.text).rstrip().endswith(".") for inner in block.items)
        for block in item.blocks
    )


_BOLD = ("**", "__")
_BOLD_NAME = re.compile(r"(\*\*|__)[^*_\n]+?:?\1:?")


def is_symbol(markdown: str) -> bool:
    """A formula's letter, with its subscript if any (`V`, `k`, `S<sub>0</sub>`): hidden, it asks
    a letter the note's formulas print again, never a fact."""
    if len(markdown) > _SYMBOL_MARKUP:
        return False  # cheap: a word, a phrase
    text = plain(markdown).strip()
    return _SYMBOL.fullmatch(text) is not None and (len(text) == 1 or "<su" in markdown)


_SYMBOL = re.compile(r"[A-Za-z][A-Za-z0-9]{0,2}")
_SYMBOL_MARKUP = 30
"""Characters of Markdown, at most, of a symbol (`S<sub>SS</sub>`)."""


def _symbols_only(item: ListItem) -> bool:
    """A sentence whose bold spans are all a formula's letters (`**S** is the amount left at
    time t`): read as it is, its letters are no deletions and it is no fact to recite."""
    if "**" not in item.text:
        return False
    text = item.text
    marks = list(_BOLD_SPAN.finditer(text))
    if any(text[mark.end() : mark.end() + 1].isalnum() for mark in marks):
        return False  # `**P**ull the pin`: a mnemonic's letters, the item deleted whole
    return bool(marks) and all(is_symbol(mark.group("inner")) for mark in marks)


def _scaffolding(block: ListBlock) -> set[int]:
    """Indexes of the items that introduce the items after them (`Some of the proteins
    involved:`, `Overview of the cascade:` amid the facts): the list's scaffolding, shown, never
    a deletion. A list mostly of such labels is the labels' own, and a last one leads into its
    own sub-list."""
    ends = [item.text.rstrip(" *_").endswith(":") for item in block.items]
    if not any(ends) or sum(ends) * 2 >= len(ends):
        return set()
    return {i for i, end in enumerate(ends[:-1]) if end and not ends[i + 1]}


def _recallable(block: ListBlock) -> ListBlock:
    """The list without the items that only point elsewhere ("Further information, see …"), give
    an address (`Register the case: https://…`) or pick things out by a colour no card shows
    ("The signs highlighted in green are …"): nothing on them is to recall, as a deletion or on
    a list's back."""
    # facts among which some are linked (`- [Diabetes](Diabetes.md)` beside `- Smoking`): the
    # links are the site's pointers to its pages on them, the words the facts to recall
    facts = any(_PAGE_LINK_ITEM.fullmatch(item.text.strip()) is None for item in block.items)
    # a sentence-case whole-item link among capitalised facts (`- [Valve disease](https://…)`
    # under `- Heart block` …): one of the facts, its words written as the others' are
    styled = facts and _capitalised_facts(block)
    kept = tuple(
        _unlinked(item, facts)
        for item in block.items
        if not (
            _points_elsewhere(item)
            or (_gives_an_address(item) and not (styled and _sentence_case_link(item.text)))
            or names_by_colour(item.text)
            or split_number(item.text)  # "801 30 mg%": hidden, a wrong value asked
        )
    )
    return block if kept == block.items else ListBlock(block.ordered, kept, block.line)


def _unlinked(item: ListItem, among_facts: bool = False) -> ListItem:
    """A kept item whose words are mostly a link (`[drink more water](https://…)`, `have [blood
    in the stool](https://…)` among facts) with its links as their text: the link is the
    author's pointer to more, the words are the fact to recall (a card is studied offline).
    So is an item wholly a link to another page of the site (`[Gout](gout.md)`) `among_facts`
    (items not links): a dead relative link in a card, the reader's text left it whole as
    possible navigation, but a list of facts is no reading list."""
    text = item.text
    page = _PAGE_LINK_ITEM.fullmatch(text.strip()) if among_facts else None
    if page is not None:
        return replace(item, text=page.group("text") + page.group("rest"))
    if "](" not in text or not _mostly_linked(text):
        return item
    return replace(item, text=_LINK.sub(r"\g<text>", text))


def _recallable_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """An item's sub-blocks for a card's back, each sub-list `_recallable`: a reference line
    under a fact (`- A review of the evidence - https://…`) is no part of its answer."""
    return tuple(_recallable(b) if isinstance(b, ListBlock) else b for b in blocks)


def _points_elsewhere(item: ListItem) -> bool:
    """An item that sends the reader to another text (`Further information, see Robbins
    pp.19-22`, `See chapter 4 for more`): no fact, left out of the list's note."""
    if "see" not in item.text.lower():
        return False  # most items: cheap
    return _POINTER.match(plain(item.text).strip()) is not None


def _gives_an_address(item: ListItem) -> bool:
    """An item that is mostly where to go (`Report it to the registry: https://…`, `Gene
    tests: [the genetics service](https://…)`): a web address or a link makes half its words.
    Nobody recalls an address; the item is left out of the list's note."""
    text = item.text
    if "://" not in text and "www." not in text:
        return False  # most items: cheap
    if _ADDRESS.search(plain(text)) is not None:
        return True  # an address written out
    return _mostly_linked(text) and not _links_own_words(text)


def _capitalised_facts(block: ListBlock) -> bool:
    """A list of two items or more not wholly links, each written from a capital (`- Heart
    block`, `- A rhythm called [korrin block](…)`)."""
    plain_items = [
        plain(i.text).strip() for i in block.items if _LINK.fullmatch(i.text.strip()) is None
    ]
    return len(plain_items) >= 2 and all(text[:1].isupper() for text in plain_items)


def _sentence_case_link(text: str) -> bool:
    """An item wholly one link of three words or more, only its first capitalised (`[Valve
    disease of the heart](…)`): a fact's words, where a page's title capitalises its words
    (`[Korrin Rash Fact Sheet](…)`)."""
    found = _LINK.fullmatch(text.strip())
    if found is None:
        return False
    words = plain(found.group("text")).split()
    return len(words) >= 2 and not any(word[:1].isupper() for word in words[1:] if len(word) > 3)


def _mostly_linked(text: str) -> bool:
    """Links to web pages make half the item's words or more."""
    linked = sum(len(plain(found.group(0)).split()) for found in _LINK.finditer(text))
    return linked * 2 >= len(plain(text).split())


def _links_own_words(text: str) -> bool:
    """A link on the item's own words, a fact the author linked to a page about it: `have
    [blood in your stool](https://…)`, or a whole item `[drink more water](https://…)` written
    in lower case like a list's fragments. Not a link given as a label's value (`Gene tests:
    [the genetics service](…)`), after a pointer (`See [the guide](…)`), or a whole item
    written as a page's title (`[Tick Fevers Fact Sheet](…)`): those say where to go."""
    found = _LINK.search(text)
    if found is None:
        return False
    before = plain(text[: found.start()]).strip()
    if not before:
        words = plain(found.group(0)).split()
        return bool(words) and words[0][:1].islower()
    return not before.endswith((":", "-", "–", "—")) and _POINTER_LEAD.match(before) is None


_POINTER_LEAD = re.compile(r"(?:see|visit|read|go to|more (?:at|in|on)|find)\b", re.IGNORECASE)


_PAGE_LINK_ITEM = re.compile(
    r"\[(?P<text>[^\[\]]+)\]\((?![\w+.-]*:|www\.)[^()\s]*(?:\s+\"[^\"]*\")?\)(?P<rest>\W*)"
)
"""An item wholly a link to a page of the same site (a relative target, no scheme), as the
reader leaves it (dialects' site links): `[Heart failure](Heart%20Failure.md)`."""


_ADDRESS = re.compile(r"(?:\bhttps?://|\bwww\.)\S")
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]]*)\]\((?:https?://|www\.)[^)]*\)")
"""A link to a web page; not an image (`![ankle](https://…)`), which is shown, not visited."""


_POINTER = re.compile(
    r"(?:for )?(?:further|more|additional) (?:information|info|reading|details?)\b.{0,40}\bsee\b"
    r"|see\b.{0,60}\b(?:pp?\.|pages?|chapters?|ch\.)\s*\d",
    re.IGNORECASE,
)


def _without_joiners(block: ListBlock) -> tuple[ListBlock, dict[int, str]]:
    """The list without the "OR"/"AND" its items end with (`A1C over 7% OR`: alternatives,
    said between the items; `**AND**`, Portuguese `**MAIS**` in bold), and those joiners by
    item, to show after each item's text."""
    found = [_JOINER.search(item.text) for item in block.items]
    if not any(found):
        return block, {}
    joiners, items = {}, []
    letters = _joined_by_letters(found, block)
    for index, item in enumerate(block.items):
        joiner = found[index]
        if joiner is not None and (
            joiner.group("word") in ("OR", "AND")
            or (
                joiner.group(3)
                and joiner.group("word").lower() in EMPTY_MARKS
                and (len(joiner.group("word")) > 1 or letters)
            )
        ):
            # a bold joiner's stop before it goes with it (`TC. **MAIS**`: "TC" is the item)
            cut = joiner.start() if joiner.group(3) else joiner.start(2)
            joiners[index] = (
                f"{joiner.group('stop')} {joiner.group(2)}"
                if joiner.group(3)
                else (" " + joiner.group(2))
            )
            item = ListItem(item.text[:cut].rstrip(), item.line, item.blocks, item.pin)
        items.append(item)
    return ListBlock(block.ordered, tuple(items), block.line), joiners


def _joined_by_letters(found: list[re.Match[str] | None], block: ListBlock) -> bool:
    """Whether the bold single letters closing items are joiners (`low sugar **Y**` /
    `cannot swallow **O**` / `unconscious`: Spanish "y", "o", Portuguese "e"): every item but
    the last closes with one, the last with none, and one letter alone follows a word in small
    letters. A letter closing the last item too, or after a name (`Vitamin **E**`), names a
    member of a series."""
    if len(found) < 2 or found[-1] is not None:
        return False
    if not all(
        m is not None and bool(m.group(3)) and m.group("word") in _JOINING_LETTERS
        for m in found[:-1]
    ):
        return False
    if len(found) > 2:
        return True
    before = plain(block.items[0].text[: found[0].start()] if found[0] else "").split()
    return bool(before) and before[-1][:1].islower()


_JOINING_LETTERS = frozenset("YOEU")
_JOINER = re.compile(r"(?<!\s)(?P<stop>[.;,]?)\s+((\*\*|__)?(?P<word>[A-ZÃÕÉ]{1,5})\3?)$")
"""A joining word in capitals closing an item: "OR", "AND", or in bold one of `EMPTY_MARKS`
(`**MAIS**`); a capital letter alone (`- Drug A`) names. It starts where a run of blanks does
(the look-behind), so a search tries each run once: a long run of blanks took minutes."""
_DIGIT = re.compile(r"\d")


def _is_criteria(block: ListBlock) -> bool:
    """A list of criteria: every item states a threshold (`Fasting glucose ≥7 mmol/L`,
    `Ferritin 30–100 µg/L`), the value to recall, as its first sentence does."""
    return all(_threshold(item) is not None for item in block.items)


def _threshold(item: ListItem) -> tuple[str, str, tuple[int, int]] | None:
    """An item's first sentence, the rest of it (for the back), and the span of the threshold
    its first sentence states: a figure after a comparison sign, or a range, with the same
    value in other units in brackets (`≥7.0 mmol/L (≥126 mg/dL)`, `5.6 mmol/L (100 mg/dL)
    to 6.9 mmol/L (125 mg/dL)`); None when it states none."""
    if _DIGIT.search(item.text) is None:  # most items: no figure at all
        return None
    text = single_spaced(without_emoji(item.text)).strip()
    if not text or "\n" in item.text.strip():
        return None
    sentences = split_sentences(text)
    first = sentences[0]
    if "**" in first or "__" in first:  # `**A1C 5.7–6.4%** (39–47 mmol/mol)`: the value is
        first = _BOLD_SPAN.sub(r"\g<inner>", first)  # the emphasis now, and its units one span
    for found in _THRESHOLD.finditer(first):
        if found.group("sign") or found.group("range") or found.group("upper"):
            return first, " ".join(sentences[1:]), found.span()
    return None


def _shown_elsewhere(block: ListBlock, intro: str, topic: str) -> set[int]:
    """Items whose text stands elsewhere on the front (in the lead-in, or as another item: a
    procedure's repeated "Wash hands"): never a deletion, or the card shows its answer. The
    topic's name in the lead-in does not count ("fever" in "Signs of korrin fever:")."""
    texts = [plain(item.text).strip().rstrip(".").lower() for item in block.items]
    lead = _lead_words(intro, topic)
    shown = set()
    for index, text in enumerate(texts):
        if not text:
            continue
        if texts.count(text) > 1 or f" {_WORDS_ONLY.sub(' ', text).strip()} " in lead:
            shown.add(index)
    return shown


def _lead_words(intro: str, topic: str) -> str:
    """The lead-in's words, lowered and space-padded, without the topic's name ("fever" in
    "Signs of korrin fever:" is the subject every card is about, not a give-away)."""
    lead = f" {_WORDS_ONLY.sub(' ', plain(intro).lower())} "
    if topic:
        lead = lead.replace(f" {_WORDS_ONLY.sub(' ', topic.lower()).strip()} ", " ")
    return lead


def _lead_shows(clozed: str, lead: str) -> bool:
    """Every deletion of an item's cloze stands as words in its list's lead-in (`_lead_words`):
    "There are two kinds of blockers:" over "**{{Blockers}}** such as A or B slow …" prints the
    answer above the blank. The item is read beside the others, never a blank."""
    found = [
        _WORDS_ONLY.sub(" ", plain(text).lower()).strip()
        for _, text in NUMBERED_DELETION.findall(clozed)
    ]
    return bool(found) and all(text and f" {text} " in lead for text in found)


_WORDS_ONLY = re.compile(r"[^\w%]+")


_ETC = re.compile(
    r"(?:and\s+|among\s+|amongst\s+)?(?:etc\.?|et\s+cetera|so\s+on|so\s+forth|the\s+like"
    r"|(?:many\s+)?others?"
    r"|(?:many\s+)?more|misc(?:\.|ellaneous)?"
    # the same catch-all in the languages of the notes read so far: "Altro", "Otros", "Autres"
    # and its closing filler: "entre outras", "entre autres", "unter anderem", "tra gli altri"
    r"|(?:e\s+|y\s+|et\s+|und\s+|entre\s+|unter\s+|tra\s+(?:gli\s+|le\s+)?)?"
    r"(?:altr[oiae]|otr[oa]s?|outr[oa]s?|autres?|andere[mn]?|sonstiges?"
    r"|varie|diversos?)"
    # a step that defers to judgement: "Manage as appropriate to clinical findings"
    r"|(?:(?:manage|treat|act|proceed|respond|handle)\s+)?as\s+(?:appropriate|needed|indicated|required)(?:\s+(?:to|by|for)\s+[^.;]{1,40})?)"
    r"\W*",
    re.IGNORECASE,
)


def is_etc(item: str) -> bool:
    """An item of a list, or of a series in a sentence, that only says the series goes on
    ("etc.", "and so on", "and others", "Altro") or defers to judgement ("Manage as
    appropriate"): nothing to recall, so never a deletion."""
    return _ETC.fullmatch(item.strip()) is not None


def is_unfinished(item: str) -> bool:
    """An item the author left unfinished: it ends on a preposition, an article, a joining
    word or a verb that needs its object (`Germs of all kinds produce`, `Allergy to`), three
    words at least and no colon (a label). Hidden, its blank would ask half a sentence. Not a
    list's last item, which may lead into what follows (`They are mostly made of`)."""
    text = item.strip().rstrip(" .…")
    if ":" in text or text.endswith(")") or len(text.split()) < MIN_UNFINISHED_WORDS:
        return False
    return _LEFT_OPEN.search(text) is not None and _STRANDED.search(text) is None


_LEFT_OPEN = re.compile(
    r"\s(?:of|to|for|with|by|from|into|than|and|or|the|an?|is|are|was|were|produce|"
    r"produces|include|includes|contain|contains|require|requires|inhibit|inhibits|binds?)$"
)
MIN_UNFINISHED_WORDS = 3
_STRANDED = re.compile(r"\b(?:what|which|who|whom|where|that|something|anything)\b", re.I)
"""A word a preposition at the end belongs to (`what the board is for`): finished."""


def cloze_item(
    item: ListItem, number: int, told: bool = False, predicate: bool = False
) -> tuple[str, str] | None:
    """The item with its cloze `c<number>`, and what of it goes to the back ("" for nothing):
    the figure of a statement ("Improves within {{24–48 hours}}", "**Cut salt** — less than
    {{5 g}} a day"), else a bold opening phrase alone, or the whole item when it is short and not
    a sentence; a sentence keeps the emphasised phrases of its first sentence as the deletions
    (the other sentences go to the back). In a list of instructions (`told`), or of what a
    lead-in's subject does (`predicate`), an item's verb stays in sight (`instruction_cloze`).
    None when nothing short is left to recall."""
    text = single_spaced(without_emoji(item.text)).strip()  # "✅ Hand hygiene": no emoji
    if not text or "\n" in item.text.strip():  # an item over several lines is prose
        return None
    extra = ""
    short = len(plain(text).split()) < MAX_WHOLE_WORDS and ". " not in text
    if told and short and (predicate or not is_sentence(text)) and "**" not in text:
        instruction = instruction_cloze(text, number, predicate)
        if instruction is not None:  # "Recheck {{blood glucose}}", not the whole step hidden
            return instruction, extra
    aside = _HEAD_ASIDE.match(text) if text.endswith(")") and is_sentence(text) else None
    if aside is not None and not is_sentence(aside.group("head")):
        # "Race (darker skin has higher risk)": the thing is recalled, its aside's clause read
        return deletion(number, aside.group("head")) + literal(aside.group("aside")), extra
    glossed = _DASH_GLOSS.fullmatch(text) if " – " in text or " — " in text else None
    if (
        glossed is not None
        and not text.endswith(".")
        and not is_sentence(text)
        and not is_sentence(glossed.group("head"))
    ):  # "Immune thrombocytopenia – isolated or with haemolysis": the name is recalled, its
        # gloss after the dash read, as a bracketed aside is
        return deletion(number, glossed.group("head")) + literal(glossed.group("gloss")), extra
    if len(plain(text).split()) > MAX_BOLD_ITEM_WORDS or is_sentence(text):
        sentences = split_sentences(text)
        text, extra = sentences[0], " ".join(sentences[1:])
        if "**" not in text and "__" not in text:
            return None
        if len(plain(text).split()) > MAX_BOLD_ITEM_WORDS:
            return None
    bold = _BOLD_HEAD.match(text)
    if bold is not None and text[bold.end() : bold.end() + 1].isalnum():
        bold = None  # `**R**escue`: a mnemonic's letter, not a phrase
    if bold is not None and is_symbol(bold.group("bold")):
        bold = None  # `**S** is the amount left`: a formula's letter, said again in the formula
    if bold is not None and bold.end() < len(text.rstrip(" :.")):
        phrase = bold.group("bold").strip()
        inner = phrase.rstrip(":").rstrip()
        rest = text[bold.end() :]
        figure = None
        if _STATES.match(rest) and _FIGURE.search(inner) is None:
            figure = _FIGURE.search(rest)  # "**Cut salt** — less than 5 g": the 5 g is asked
        if figure is not None and len(plain(rest).split()) <= MAX_FIGURE_CONTEXT_WORDS:
            spans = out_of_math(rest, [(figure.start(), with_twin(rest, figure.end()))])
            if spans:  # a figure in a long formula: the bold phrase is asked instead
                return text[: bold.end()] + _cloze_span(rest, spans[0], number), extra
        words = len(plain(inner).split())
        colon = phrase[len(inner) :]
        facet_rest = rest if colon else rest.lstrip(" *_")
        if 0 < words <= MAX_BOLD_WORDS and facet_rest.startswith(":") and is_facet(inner):
            value = value_cloze(facet_rest, number)  # "**Microscopic features**: {{…}}"
            if value is None:
                return None
            return text[: len(text) - len(facet_rest)] + value, extra
        if run_in_label(inner):  # `**A –** air trapping`, `**Exception**: …`: the label is the cue
            value = _run_in_value(text, bold.end(), inner, number)
            return None if value is None else (value, extra)
        if 0 < words <= MAX_BOLD_WORDS:
            marks = bold.group(1)
            hidden = f"{marks}{deletion(number, inner)}{marks}{colon}"
            claim = is_claim(inner)
            term = claim_term(inner) if claim else None
            if term is not None:  # `**Artifact looks like VF.** Check …`: the claim's term
                hidden = f"{marks}{_claim_cloze(inner, term, number)}{marks}{colon}"
            else:
                shown = _bold_figure(inner)
                if shown is not None:  # `**Titrate to keep MAP ≥ 65 mmHg**`: the figure asked
                    hidden = f"{marks}{_claim_cloze(inner, shown, number)}{marks}{colon}"
                elif _recited(inner):  # `**Never run it without a pressure line.**`: no answer
                    return None
            if _aside_names(rest, inner):  # "**Elimination** (… in elimination products)"
                return hidden, f"{rest.strip()} {extra}".strip()
            return hidden + literal(rest), extra
    marks = list(_BOLD_SPAN.finditer(text)) if "**" in text else []
    marks = [mark for mark in marks if not is_symbol(mark.group("inner"))]
    # `new infiltrate **AND**` over the next criterion: a joining word stressed, no fact
    marks = [mark for mark in marks if plain(mark.group("inner")).lower() not in EMPTY_MARKS]
    spans = [m.span("inner") for m in marks]
    if any(_glued_letter(text[m.end() : m.end() + 1]) for m in marks):
        spans = []  # `**T**ell`: a mnemonic's letters, not phrases
    whole = len(spans) == 1 and _BOLD_SPAN.fullmatch(text.rstrip(" .:")) is not None
    term = claim_term(marks[0].group("inner")) if whole and is_claim(marks[0].group(0)) else None
    if term is not None:  # `**Bundle blocks make … difficult.**`: the claim's term
        inner = marks[0].group("inner")
        start = marks[0].start("inner")
        hidden = _claim_cloze(inner, term, number)
        return literal(text[:start]) + hidden + literal(text[marks[0].end("inner") :]), extra
    if whole:
        spans = []  # an item (or its first sentence) bold as a whole: deleted whole
    if spans and all(len(text[a:b].split()) <= MAX_BOLD_WORDS for a, b in spans):
        each = len(spans) >= MIN_SERIES_MEMBERS  # "**A**, **B**, **C** and **D** are …": one each
        return _cloze_spans(text, spans, number, each), extra  # the author's emphasis is the fact
    if (extra or is_sentence(text)) and not whole:
        return None
    words = len(plain(text).split())
    figure = _FIGURE.search(text) if words >= MIN_FIGURE_ITEM_WORDS else None
    if figure is not None and _QUALIFIED.search(text, 0, figure.start()):
        spans = out_of_math(text, [(figure.start(), with_twin(text, figure.end()))])
        if spans:
            return _cloze_span(text, spans[0], number), extra
    bounds = [
        m
        for m in (_FIGURE.finditer(text) if figure and not _instruction_verb(plain(text)) else [])
        if m.group(0)[0] in "<>≤≥"
        and text.count("(", 0, m.start()) <= text.count(")", 0, m.start())
    ]  # not a step's (the measure rule asks it), nor an aside's: `Drug X (if HR > 70 bpm)`
    if bounds and not 0 < len(plain(text[: bounds[0].start()]).split()) <= MAX_NAMED_BOUND_WORDS:
        bounds = []  # a bound far into a clause, or first (`<4% = no signs`): no head names it
    targeted = figure is not None and _TARGET.search(text, 0, figure.start()) is not None
    # "Serum lactate {{>2 mmol/L}} or {{>18 mg/dL}}", "Target MAP {{65 mmHg}}": the bound asked
    if bounds or targeted:
        spans = out_of_math(text, [m.span() for m in bounds] or [figure.span()] if figure else [])
        if spans:
            return _cloze_spans(text, spans, number), extra
    arrowed = _arrow_value(text, number) if ">" in text or "→" in text else None
    if arrowed is not None:  # `conjugated => liver`: the cue shown, what it gives hidden
        return arrowed, extra
    contrast = _CONTRAST.fullmatch(text.rstrip(".;,").strip()) if " vs" in text else None
    if contrast is not None:  # `conjugated (direct) vs non-conjugated (indirect)`: the glosses
        return _cloze_spans(text, [contrast.span("one"), contrast.span("two")], number), extra
    if words >= MAX_WHOLE_WORDS:
        return None  # a deletion of ten words or more is a sentence to recite
    label = _LABEL_COLON.match(text) if ": " in text else None
    if label is not None and is_facet(label.group("label")):
        value = value_cloze(text[label.end("label") :], number)  # "Motor: {{swallowing}}"
        if value is not None:
            return literal(label.group("label")) + value, extra
    return deletion(number, text.rstrip(",;").rstrip()), extra  # "Velbarin (1%),": no comma


def _arrow_value(text: str, number: int) -> str | None:
    """An item written `A => B` (one arrow, `text.ARROW`, each side a few words) as a label
    and its value: "A →" shown, {{B}} hidden, as `Label: value` is; a hidden arrow would be
    notation to recite, a hidden `===|enzyme|===>` its label too. None for any other item."""
    parts = ARROW_SPLIT.split(text)
    arrow = ARROW.search(text)
    if len(parts) != 2 or arrow is None or "**" in text or "__" in text:
        return None  # (a bold span about the arrow: the bold rules' to read, marks unbroken)
    cue, value = parts[0].strip(), parts[1].strip().rstrip(".;,").strip()
    if not cue or not value or "(" in value[:1]:
        return None
    if cue[-1:].isdigit() and value[:1].isdigit():
        return None  # `pH 7.35 -> 7.2 means …`: a change of a figure, said as a whole
    if (
        len(plain(cue).split()) > MAX_ARROW_SIDE_WORDS
        or len(plain(value).split()) > MAX_ARROW_SIDE_WORDS
    ):
        return None
    return f"{literal(cue)} {drawn_arrows(arrow.group(0))} {deletion(number, value)}"


MAX_ARROW_SIDE_WORDS = 6
_CONTRAST = re.compile(
    r"[\w-]+(?:\s[\w-]+){0,2}\s\((?P<one>[^()*_]{1,25})\)\s+vs\.?\s+"
    r"[\w-]+(?:\s[\w-]+){0,2}\s\((?P<two>[^()*_]{1,25})\)"
)
"""An item setting two things against each other, each with its other name in brackets
(`conjugated (direct) vs non-conjugated (indirect)`): the other names are what it teaches, hidden
together; hidden whole, the item is a contrast to recite with no cue."""


def _claims_led(block: ListBlock) -> bool:
    """Most items open with a bold claim (`1. **Never run it without a pressure line.** An
    arterial line …`, `_recited`): a page's key points, each a sentence of its own, not steps
    one answer lists; asked whole they are a page to recite."""
    led = 0
    for item in block.items:
        bold = _BOLD_HEAD.match(item.text.strip())
        led += bold is not None and _recited(bold.group("bold"))
    return led * 2 > len(block.items)


MIN_RECITED_WORDS = 6
"""A bold claim this long is a sentence to recite word for word, not an item ("**Aging.**",
"**Family history and genetics.**" are items that end in a stop)."""


def _recited(bold: str) -> bool:
    """A bold span that is a whole claim of MIN_RECITED_WORDS words or more (`leads.is_claim`)."""
    return is_claim(bold) and len(plain(bold).split()) >= MIN_RECITED_WORDS


def _bold_figure(phrase: str) -> tuple[int, int] | None:
    """The span of the one figure with its unit in a bold phrase that says more than the figure
    (`**Titrate to keep MAP ≥ 65 mmHg**`, `**Always give it through a central line.**` has
    none): the figure is what to recall; hidden whole, the phrase is a step to recite. None when
    the phrase holds no figure, several, or only the figure."""
    found = list(_FIGURE.finditer(phrase))
    if len(found) != 1 or not plain(phrase[: found[0].start()]).strip():
        return None
    return found[0].start(), with_twin(phrase, found[0].end())


def _claim_cloze(claim: str, term: tuple[int, int], number: int) -> str:
    """A bold claim with only its term hidden (`leads.claim_term`)."""
    start, end = term
    return literal(claim[:start]) + deletion(number, claim[start:end]) + literal(claim[end:])


def run_in_label(phrase: str) -> bool:
    """A bold phrase that only introduces its item, never a fact to hide: a label with its
    dash inside the bold (`**A –** air trapping`, `**Valves –** …`), or one word that names
    nothing: a question word (`**When**:`), a note's flag (`**Exception**:`), an adverb
    (`**Potentially**, …`)."""
    text = plain(phrase).strip()
    if _DASH_END.search(text) is not None and len(text.split()) <= MAX_BOLD_WORDS + 1:
        return True
    word = text.rstrip(":,").strip().lower()
    return " " not in word and (word in _EMPTY_LABELS or _ADVERB.fullmatch(word) is not None)


def _run_in_value(text: str, end: int, label: str, number: int) -> str | None:
    """The item after its run-in label with the label's value hidden (`**A –** {{air
    trapping}}`, `**When**: {{depends on route}}`), or None (the item is read) when the value
    is questions to ask, a sentence, or follows an adverb as the rest of its clause."""
    rest = text[end:]
    dashed = _DASH_END.search(plain(label)) is not None
    if not dashed and _STATES.match(rest) is None:
        return None  # `**Potentially**, the pathology …`: a hedge opening a sentence
    if plain(rest).rstrip().endswith("?"):
        return None  # `**Valves –** regurgitation? stenosis?`: what to look for, asked
    gap = len(rest) - len(rest.lstrip())
    value = value_cloze(rest[gap:], number)
    return None if value is None else text[:end] + rest[:gap] + value


_DASH_END = re.compile(r"\s[-–—]$")
_DASH_GLOSS = re.compile(
    r"(?P<head>[A-Z][\w'’/-]*(?:\s[\w'’/-]+){0,3})(?P<gloss>\s[–—]\s[a-z][^–—:;]*"
    r"(?:\s[^\s–—:;]+){2,})"
)
"""A name and, after a spaced dash, a gloss of three words or more opening in lower case
(`Immune thrombocytopenia – isolated or with haemolysis`): the name is the item's fact; not
an item ending in a full stop (a sentence's clause follows the dash)."""
_EMPTY_LABELS = frozenset(
    """
    when where why how what who which whom whose exception exceptions however but also then
    often sometimes rarely usually occasionally potentially typically generally
    note notes nb important tip tips remember warning caution hint reminder
    """.split()
)
"""Question words, a note's flags and adverbs: words that introduce an item's fact."""
_ADVERB = re.compile(r"[a-z]{3,}(?:ally|ently|antly|ously|ively|arly|ably|ibly|edly)")
"""An adverb (`Clinically`, `Frequently`, `Presumably`); not a noun in -ly (`Cardiomegaly`)."""


def _all_dosed(block: ListBlock, deletions: int) -> bool:
    """Every item of the list states a figure, and the items before the last made deletions:
    a list of regimens, its last a note of its own beside them."""
    return deletions > 0 and all(states_a_figure(item.text) for item in block.items)


def dose_cloze(item: ListItem, number: int) -> tuple[str, str] | None:
    """An item too long to delete whole, with no head to hide, as its dose after its short
    name ("Cold pack {{15 minutes, three times a day}} to ease pain", "Ice {{10-15 minutes, as
    needed}}, …"): the one figure of its first sentence with the frequency right after it. The
    figure is what the item teaches; left as text, the one item with a number is the one never
    asked. None when the words before the figure are no name of one to three words (a clause,
    a qualifier, an instruction: "Rest for at least 2 days", "Keep EtCO2 > 10 mm Hg"), or the
    sentence holds more figures than one (a regimen: the measure rule asks each)."""
    if _DIGIT.search(item.text) is None or item.blocks or "\n" in item.text.strip():
        return None
    text = single_spaced(without_emoji(item.text)).strip()
    sentences = split_sentences(text)
    first = sentences[0]
    figures = list(_FIGURE.finditer(first))
    if len(figures) != 1 or len(_DIGITS.findall(first)) != len(_DIGITS.findall(figures[0][0])):
        return None
    figure = figures[0]
    name = first[: figure.start()].strip()
    words = name.split()
    if not 0 < len(words) <= MAX_DOSE_NAME_WORDS or _NAME_ONLY.fullmatch(name) is None:
        return None
    if words[0].lower() in _NOT_A_HEAD or is_instruction(name) or not name[0].isupper():
        return None
    if any(word.lower() in FINITE_VERBS for word in words):
        return None
    end = with_twin(first, figure.end())
    often = _FREQUENCY.match(first, end)
    span = (figure.start(), often.end() if often is not None else end)
    return _cloze_span(first, span, number), " ".join(sentences[1:])


_DIGITS = re.compile(r"\d+(?:[.,]\d+)?")
_NAME_ONLY = re.compile(r"[A-Za-z][A-Za-z' -]*")
"""A name of words alone: no bracket, comma or sign ("Ice", "Cold pack")."""


MAX_DOSE_NAME_WORDS = 3
_FREQUENCY = re.compile(
    r",?\s+(?:(?:once|twice|thrice)|(?:one|two|three|four|five|six|multiple|several|many|\d+)"
    r"\s+times)(?:\s+(?:a|per|each|every)\s+(?:day|week|hour|night))?(?=[\s,.;]|$)"
    r"|,?\s+(?:daily|weekly|nightly|as needed)(?=[\s,.;]|$)",
    re.IGNORECASE,
)
"""How often, right after a dose: ", three times a day", " twice daily", ", as needed"."""


def _aside_names(rest: str, name: str) -> bool:
    """Whether what follows a bold name is only a bracketed aside that says the name's words
    again, or spells out the acronym it is: shown beside the deletion, it would give the answer
    away, so it goes to the back."""
    if not rest.lstrip().startswith("(") or _ASIDE_ONLY.fullmatch(rest) is None:
        return False
    named = content_words(plain(name), 1)
    if named and named <= content_words(plain(rest), 1):
        return True
    said = plain(name).strip()  # `**ICDSC** (Intensive Care Delirium …)`: its letters spelt out
    return any(found.short == said for found in find_abbreviations(f"{said} {plain(rest).strip()}"))


_ASIDE_ONLY = re.compile(r"\s*\([^()]+\)[.,;]?\s*")
"""A bracketed aside and nothing else: ` (appearance of drug in elimination products)`."""


_LABEL_COLON = re.compile(r"^(?P<label>(?P<mark>[*_]{0,2})[^:*_\[`]{1,40}(?P=mark)):\s")
"""A label before a colon, plain or emphasised: `Motor: swallowing`, `*Group A*: S. pyogenes`."""


_HEAD_ASIDE = re.compile(r"^(?P<head>[^()*_\s][^()*_]{1,30}?)(?P<aside>\s*\([^()]+\))\s*$")
"""A short name with a sentence in brackets after it: "Age (risk doubles each decade)"."""


def _cloze_span(text: str, span: tuple[int, int], number: int) -> str:
    return _cloze_spans(text, [span], number)


def _cloze_spans(text: str, spans: list[tuple[int, int]], number: int, each: bool = False) -> str:
    """The spans hidden on one card (`number`), or `each` on a card of its own, numbered on."""
    out, last = [], 0
    for index, (start, end) in enumerate(spans):
        out.append(literal(text[last:start]) + deletion(number + index * each, text[start:end]))
        last = end
    return "".join(out) + literal(text[last:])


MAX_NAMED_BOUND_WORDS = 4
"""Words naming what a bound is of (`Serum lactate >2 mmol/L`), at most: a criterion's head."""
_TARGET = re.compile(r"\b(?:target|goal|aim)\b", re.IGNORECASE)
"""A target named before its figure (`Target MAP 65 mmHg`): the figure is what is aimed at."""
_QUALIFIED = re.compile(
    r"\b(?:within|for|than|least|most|under|over|above|below|at|every|after|before|to|of|about|"
    r"up to|beyond|more than|less than)\s+$",
    re.IGNORECASE,
)
"""What stands before a statement's figure ("within 24 hours", "at least 30 minutes"); a figure
after a name ("Lumaprin 100 mg") is part of the item, which is deleted whole."""
_STATES = re.compile(r"\s*(?:[—–:]|-\s)")
"""After a bold label, what it says: "**Cut salt** — less than 5 g a day"."""
_BOLD_SPAN = re.compile(
    f"(?<![^\\W_{CJK_LETTERS}])(\\*\\*|__)(?P<inner>[^*_\\s](?:[^*_]*[^*_\\s])?)\\1"
    f"(?![^\\W_{CJK_LETTERS}])"
)
"""A bold phrase inside an item: between spaces or punctuation, or glued to CJK text, which
has no spaces (`到了**集合管**以后`)."""
_UNIT = (
    r"(?:%|°\s?[CF]\b|(?:mg|g|kg|mcg|µg|ml|mL|L|l|mmHg|cmH2O|mm|cm|km|mmol|IU|units?|bpm|h|hrs?|"
    r"hours?|mins?|minutes?|secs?|seconds?|days?|weeks?|months?|years?|times|teaspoons?|"
    r"servings?|drinks?|cups?|glasses|steps|breaths|feedings?|feeds|meals|doses)(?:/[a-zA-Zµ²]+)*\b)"
)
_FIGURE = re.compile(
    r"(?<![\w.,/])(?:[<>≤≥]\s*)?\d+(?:[.,]\d+)?(?:\s*(?:[-–]|to)\s*\d+(?:[.,]\d+)?)?\+?\s*" + _UNIT
)
"""A figure with its unit ("5 g", "24–48 hours", "30 minutes", "≥ 95%", "2+ feedings")."""
_THRESHOLD = re.compile(
    r"(?<![\w.,/-])(?P<sign>[<>≤≥]=?\s*)?(?P<range>\d+(?:[.,]\d+)?\s*[-–]\s*)?"
    r"\d+(?:[.,]\d+)?\s*" + _UNIT + r"(?:\s*\([<>≤≥]?=?\s*\d[^()]*\))?"
    r"(?P<upper>\s+to\s+[<>≤≥]?\d+(?:[.,]\d+)?\s*" + _UNIT + r"(?:\s*\([<>≤≥]?=?\s*\d[^()]*\))?)?"
)
"""A threshold: a figure with its unit after a comparison sign or as a range (`≥6.5%`,
`5.7–6.4%`, `100 mg/dL (5.6 mmol/L) to 125 mg/dL (6.9 mmol/L)`), with its other units in
brackets."""


_RELATIVES = frozenset(("that", "which", "who"))


_BOLD_DELETION = re.compile(r"(\*\*|__)(\{\{c\d+::[^{}]*\}\})\1")


def unglued_bold(front: str) -> str:
    """A front without the bold markers around a deletion glued to a letter (`到了**{{c1::集合管}}**
    以后`): a run opening or closing beside a brace and a letter is no emphasis in CommonMark, so
    its asterisks would show on the card; the deletion is shown plain."""
    if "**{{" not in front and "__{{" not in front:
        return front

    def plain_deletion(found: re.Match[str]) -> str:
        before = front[found.start() - 1 : found.start()]
        after = front[found.end() : found.end() + 1]
        return found.group(2) if before.isalnum() or after.isalnum() else found.group(0)

    return _BOLD_DELETION.sub(plain_deletion, front)


def _glued_letter(char: str) -> bool:
    """A letter right after a bold span that goes on the same word (`**T**ell`); CJK text
    after one (`**集合管**以后`) is the next word."""
    return char.isalnum() and CJK.match(char) is None


_CJK_STOP = ("；", ";", "。")
"""A CJK clause's end: a full-width semicolon or full stop (or its ASCII form)."""
_CJK_ASIDE = re.compile(r"[（(][^（）()]*[）)]")


def is_sentence(text: str) -> bool:
    """Too long to recall word for word: more than MAX_ITEM_WORDS words, a clause of six words
    or more (a verb like "is", "can", "should" after its first word: "Standard precautions are
    used with all patients"; not one after "that", "which" or "who": "Headache that does not go
    away" names a thing), or eight words or more ending in a full stop. CJK text counts by
    `word_count`, its English asides in brackets left out (`腋动脉（axillary artery）` names one
    thing), and ends at '；' or '。' as well."""
    if CJK.search(text) is not None:
        bare = _CJK_ASIDE.sub("", plain(text)).strip()
        count = word_count(bare)
        return count >= 8 and bare.endswith((".", "!", *_CJK_STOP))
    words = plain(text).split()
    if len(words) > MAX_ITEM_WORDS:
        return True
    if len(words) < 6:
        return False
    lowered = [word.lower().strip(",;") for word in words]
    if any(
        word in FINITE_VERBS and lowered[index] not in _RELATIVES
        for index, word in enumerate(lowered[1:])
    ):
        return True  # "Headache that does not go away": a relative clause names a thing
    if len(words) >= MIN_TOLD_SENTENCE_WORDS and lowered[0] in _TOLD_INFINITIVES:
        return words[-1].endswith((".", "!")) and not words[-1].endswith("..")
    return len(words) >= 8 and words[-1].endswith((".", "!")) and not words[-1].endswith("..")


MIN_TOLD_SENTENCE_WORDS = 5
_TOLD_INFINITIVES = frozenset(
    """
    verificar confirmar comprobar registrar vigilar vigiar monitorizar controlar evaluar avaliar
    observar mantener manter medir avisar etiquetar revisar anotar retirar notificar documentar
    """.split()
)
"""Infinitives a checklist's step opens with in Spanish and Portuguese (words no English term
spells): "Verificar acceso venoso central permeable." is a whole instruction, asked as one of
the steps, never hidden word for word as a short item is ("Check … is patent" is a sentence by
its verb)."""


def _sub_lists(block: ListBlock, extras: dict[int, str] | None = None) -> str:
    """What the list's items hold besides their text, for the back, each under its item: the
    rest of a sentence item, explanations, sub-lists."""
    parts = []
    for index, item in enumerate(block.items):
        inner = to_markdown(item.blocks)
        label = plain(item.text)
        extra = (extras or {}).get(index, "")
        if extra:
            inner = f"{extra}\n\n{inner}" if inner else extra
            label = label.removesuffix(plain(extra)).strip()  # the sentence on the front
        if inner:
            parts.append(f"**{label.rstrip(':')}**\n\n{inner}")
    return "\n\n".join(parts)


def _list_note(
    block: ListBlock,
    lead: Lead | None,
    intro: str,
    section: Section,
    ctx: Context,
    key_intro: str = "",
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
    if lead is not None and numbered_statements(block, lead):
        return None  # `Procedure:` over "Locks may be used as …", "Bore depends on …": no steps
    if _claims_led(block):
        return None  # `1. **Never give it undiluted.** …`: key points to recite, no steps
    answer = to_markdown((block,))
    if len(plain(answer).split()) > MAX_LIST_ANSWER_WORDS:
        return None
    key_intro = key_intro or intro  # the identity is the whole lead-in's, as it was
    intro = _own_sentence(lead, intro, section, ctx)
    question = _ASK_CUE.sub("", intro).rstrip(" ,;:-–—") + "?"
    if block.ordered and lead is not None and lead.kind == "condition":
        question = question[:-1] + ": steps?"  # "ABHR (when hands are not dirty): steps?"
    elif lead is not None and lead.valued:  # `**Echo –** shows the walls` over its points
        named = _intro(Lead(lead.valued, lead.kind), section, ctx)
        question = _ASK_CUE.sub("", named).rstrip(" ,;:-–—") + ": features?"
    elif _features_of(block, lead):  # `**Late kind:**` over `- Affects the legs.` …
        question = question[:-1] + ": features?"
    key = make_key("enumeration", section.path, plain(key_intro), None, _WHOLE_LIST)
    return ctx.note("enumeration", "basic", question, answer, key, section, block.line)


def _features_of(block: ListBlock, lead: Lead | None) -> bool:
    """A name over sentences that each say what it does or is, its subject left out (`**Late
    kind:**` over `- Affects the large joints.` / `- Often follows the early kind.`): the
    sentences are the name's features. Asked as the bare name ("Late kind?"), the card asked
    nothing in particular. A facet label (`Key points`, `Side effects`) asks its own thing."""
    if lead is None or lead.kind not in ("label", "name") or block.ordered:
        return False
    label = plain(lead.text).strip(" :*_")
    if not label or is_relational(label) or opens_with_facet(label) or "?" in label:
        return False
    said = [plain(item.text).strip() for item in block.items]
    said = [text for text in said if not text.endswith(":")]  # `Key symptoms:` over its own
    return len(said) >= MIN_FEATURES and all(_says_of_subject(text) for text in said)


MIN_FEATURES = 2
_PAIRED = ("=", ": ", "→", "->", "⇒")
_HOW_OFTEN = frozenset(
    "often usually commonly typically mainly mostly frequently rarely sometimes also always".split()
)


def _says_of_subject(text: str) -> bool:
    """A sentence whose subject is left out: it opens with a verb saying what that subject does
    or is (`Affects the legs`, `Often follows …`, `Is worse at night`), after an adverb or
    not, or with a passive's participle and its agent (`Usually caused by …`)."""
    if any(mark in text for mark in _PAIRED):
        return False  # "douleurs cancéreuses = morphine": a pair, never a predicate
    words = text.split()
    if words and words[0].lower() in _HOW_OFTEN:
        words = words[1:]
    if len(words) < 2:
        return False
    if words[0].lower().endswith("ed") and words[1].lower() == "by":
        return True
    return _predicate_verb(" ".join(words)) is not None


def _without_dangling(items: tuple[ListItem, ...], hoisted: frozenset[int]) -> tuple[ListItem, ...]:
    """The items without the last when it only leads in a list the author wrote after the
    list as a block of its own (`4. Fluid choice is usually:`, nothing under it): that list is
    carded on its own, and an answer ending on a colon ends on nothing. An item whose own
    sub-list is asked apart (`hoisted`) stays: it is the list's, and says what it leads; so do
    the labels of a list of labels (`1. Face check:`, `2. Grip check:`)."""
    if len(items) <= MIN_ITEMS or items[-1].blocks or items[-1].line in hoisted:
        return items
    before, last = (plain(item.text).rstrip(" *_").endswith(":") for item in items[-2:])
    return items[:-1] if last and not before else items  # a list of labels is its labels'


def _own_sentence(lead: Lead | None, intro: str, section: Section, ctx: Context) -> str:
    """A lead-in of several sentences over a list answered whole asks with its last sentence,
    the one that leads the list ("Glucagon is a hormone made in … It has a few key actions:"
    -> "Glucagon: key actions?"). When the sentence before it is a condition the list itself
    fills ("If you notice any of these signs, do not wait. Call the clinic today:"), the list
    answers "if?" ("Call the clinic today if?"), and the condition's words leave the front."""
    if lead is None or lead.kind != "sentence":
        return intro
    said = split_sentences(lead.text)
    if len(said) < 2:
        return intro
    own = said[-1]
    if _LIST_CONDITION.match(plain(said[-2])) is not None and _CUE_LAST.search(own) is None:
        own = own.rstrip(" :") + " if:"
    return _FEW.sub("", _intro(Lead(own, "sentence"), section, ctx))


_LIST_CONDITION = re.compile(
    r"^(?:if|when|whenever|should)\b[^.!?]*?\b(?:any\s+of\s+(?:these|those|the\s+following)"
    r"|these|those|the\s+following|one\s+or\s+more)\b",
    re.IGNORECASE,
)
"""A sentence of a lead-in that is a condition pointing at the list under it ("If you have any
of these symptoms, …", "When one or more of the following appear, …"): the items are the
condition, so the sentence names nothing the list does not."""
_CUE_LAST = re.compile(r"\b(?:if|when|include|includes|are|is|such\s+as|following|these)\W*$", re.I)
"""A last sentence that already says how the list goes on ("Signs include:", "… if:"): no
"if" is added to it."""


_FEW = re.compile(r"(?<=: )(?:a\s+)?(?:few|several|some|many|number\s+of)\s+(?=\w)", re.I)
"""A count with no number before what a list holds ("a few key actions"): the answer shows
how many."""


MAX_PARTED_ITEMS = 12
"""A list after a lead-in that asks for it, too long for one answer, is asked in parts up to
this many items; a longer one is a reference list, not a list to recall."""


def _list_parts(
    block: ListBlock,
    lead: Lead | None,
    intro: str,
    section: Section,
    ctx: Context,
    key_intro: str = "",
) -> list[Note]:
    """A section's list after a lead-in that asks for it ("See a doctor right away if you
    have:") with more items than one answer holds (MAX_LIST_ANSWER_ITEMS < items <=
    MAX_PARTED_ITEMS): Basic notes of consecutive items in even parts ("… (part 1 of 2)?"),
    each within the answer's limits, so no item is lost; none when a part would run past
    MAX_LIST_ANSWER_WORDS."""
    items = block.items
    if lead is None or lead.kind in ("flag", "condition") or block.ordered:
        return []  # numbered steps are `_procedure_parts`'
    if not _led_in(block, section):
        return []  # an item's label over its points: an outline's part, its points asked apart
    if _PROCEDURE.search(lead.text) or _PROCEDURE.search(section.title):
        return []  # a procedure's steps: their figures are asked one by one
    if 2 * sum(1 for item in items if is_instruction(plain(item.text))) >= len(items):
        return []  # steps or advice to follow, as above
    if not MAX_LIST_ANSWER_ITEMS < len(items) <= MAX_PARTED_ITEMS:
        return []
    count = -(-len(items) // MAX_LIST_ANSWER_ITEMS)
    size, extra = divmod(len(items), count)
    groups, start = [], 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        groups.append(items[start:end])
        start = end
    answers = [to_markdown((ListBlock(False, group, group[0].line),)) for group in groups]
    if any(len(plain(answer).split()) > MAX_LIST_ANSWER_WORDS for answer in answers):
        return []
    question = _ASK_CUE.sub("", _own_sentence(lead, intro, section, ctx)).rstrip(" ,;:-–—?")
    notes = []
    for number, (group, answer) in enumerate(zip(groups, answers, strict=True), 1):
        span = f"part {number} of {count}"
        key = make_key("enumeration", section.path, plain(key_intro or intro), None, span)
        front = f"{question} ({span})?"
        notes.append(ctx.note("enumeration", "basic", front, answer, key, section, group[0].line))
    return notes


def _led_in(block: ListBlock, section: Section) -> bool:
    """The list is one of the section's own, right after a paragraph ending in ':' (a lead-in
    as written, not an item's label the outline reads as one)."""
    before = None
    for own in section.blocks:
        if isinstance(own, ListBlock) and own.line == block.line:
            return isinstance(before, Paragraph) and plain(before.text).rstrip(" *_").endswith(":")
        before = own
    return False


_PROCEDURE = re.compile(
    r"\b(?:procedures?|steps?|step-by-step|how\s+to|technique|instructions)\b", re.IGNORECASE
)
"""A heading or lead-in naming a procedure ("Step-by-step procedure for …", "How to use the
inhaler", "How to insert the needle:", `**Procedure - Dressing change:**`)."""
MAX_STEP_WORDS = 50
MIN_PROCEDURE_STEPS = 3
_IF_STEP = re.compile(
    r"^(?:if|when)\s+(?P<cond>[^,;:]{3,80}?)\s*[,;]\s*(?:then\s+)?(?P<action>[^;:]{3,120}?)\.?$",
    re.IGNORECASE,
)
"""A step saying what to do when something goes wrong: "If blood shows in the line; take the
needle out and start again" (a condition, a comma or semicolon, an instruction)."""
_PROCEDURE_WORD = re.compile(
    r"^(?:procedures?|steps|technique|instructions)\s*[-–—:]\s*(?=\S)", re.IGNORECASE
)
"""A label's word naming the list as a procedure (`**Procedure - Dressing change:**`): the
front says "steps" already."""


_NOT_TOLD = frozenset(
    """a an the this that these those it its they their them you your he she we there
    patient patients""".split()
)
_AUXILIARIES = frozenset(
    "is are was were be been can could may might must should will would has have had".split()
)


def _tells(action: str) -> bool:
    """A step's action after its condition says what to do ("clamp the tube and phone the
    ward"): it opens with its verb, not with a subject ("the patient should lie …", "bleeding
    is likely"). Inside numbered steps most of which instruct, any verb opens one."""
    words = plain(action).lower().split()
    if len(words) < 2 or not words[0].isalpha() or words[0] in _NOT_TOLD:
        return False
    return is_instruction(action) or words[1] not in _AUXILIARIES


def _names_procedure(lead: Lead | None, section: Section) -> bool:
    """Numbered steps named as a procedure: by their lead-in ("How to flush the port:",
    `**Procedure - Dressing change:**`), or with no lead-in by a heading that names a subject
    ("Step-by-step procedure for …"). A lead-in naming something else ("Things to bring:")
    heads a list, not steps, whatever the heading says."""
    if lead is None:
        return _PROCEDURE.search(section.title) is not None and bool(heading_subject(section.path))
    return lead.kind in ("sentence", "label") and _PROCEDURE.search(lead.text) is not None


def _procedure_parts(
    block: ListBlock,
    lead: Lead | None,
    intro: str,
    section: Section,
    ctx: Context,
    key_intro: str,
) -> list[Note]:
    """A named numbered procedure (3 to MAX_STEPS sentence steps, most of them telling the
    reader what to do; `_names_procedure`) too long for one answer: Basic notes of consecutive
    steps, each within the answer's limits ("Self-catheterising: steps 1–3?"), so no step is
    lost, and a note of its own for each step saying what to do if something happens ("…: if
    blood shows in the line?" -> "Take the needle out and start again"): a safety rule is a fact
    to recall, not only a line of a long answer. None when a step runs past MAX_STEP_WORDS or
    holds more than its line, or when the list fits one answer (`_list_note` asks it whole)."""
    items = block.items
    texts = [single_spaced(plain(item.text)).strip() for item in items]
    bulleted = not block.ordered and _bulleted_steps(texts, lead)
    most = MAX_BULLETED_STEPS if bulleted else MAX_STEPS
    if not (block.ordered or bulleted) or not MIN_PROCEDURE_STEPS <= len(items) <= most:
        return []
    if not bulleted and not _names_procedure(lead, section):
        return []
    if any(item.blocks or "\n" in item.text.strip() for item in items):
        return []
    sizes = [len(text.split()) for text in texts]
    if max(sizes) > MAX_STEP_WORDS or (
        len(items) <= MAX_LIST_ANSWER_ITEMS and sum(sizes) <= MAX_LIST_ANSWER_WORDS
    ):
        return []
    telling = sum(1 for text in texts if is_instruction(text) or _CONDITION.match(text))
    if telling * 2 < len(items) and not bulleted:
        return []
    parts: list[list[int]] = [[]]
    for index, size in enumerate(sizes):
        part = parts[-1]
        if part and (
            len(part) >= MAX_LIST_ANSWER_ITEMS
            or sum(sizes[i] for i in part) + size > MAX_LIST_ANSWER_WORDS
        ):
            parts.append(part := [])
        part.append(index)
    if bulleted:  # parts of about equal length (new notes: numbered ones keep their spans)
        parts = _even_spans(sizes)
    question = _ASK_CUE.sub("", intro).rstrip(" ,;:-–—?")
    if _PROCEDURE_WORD.match(question):  # `**Procedure - night bag:**`: "Night bag: steps 1–5?"
        question = _PROCEDURE_WORD.sub("", question)
        question = question[:1].upper() + question[1:]
    notes = []
    for part in parts:
        first, last = part[0] + 1, part[-1] + 1
        span = f"step {first}" if first == last else f"steps {first}–{last}"
        answer = "\n".join(f"{i + 1}. {single_spaced(items[i].text).strip()}" for i in part)
        key = make_key("enumeration", section.path, plain(key_intro or intro), None, span)
        line = items[part[0]].line
        notes.append(
            ctx.note("enumeration", "basic", f"{question}: {span}?", answer, key, section, line)
        )
    for item, text in zip(items, texts, strict=True):
        step = _IF_STEP.match(text)
        if step is None or not _tells(step["action"]):
            continue
        cond, action = step["cond"].strip(), step["action"].strip()
        front = f"{question}: {text.split(None, 1)[0].lower()} {cond}?"
        key = make_key("enumeration", section.path, plain(key_intro or intro), None, front)
        answer = action[:1].upper() + action[1:] + "."
        notes.append(ctx.note("enumeration", "basic", front, answer, key, section, item.line))
    return notes


MIN_BULLETED_STEPS = MAX_LIST_ANSWER_ITEMS + 1
MAX_BULLETED_STEPS = 3 * MAX_LIST_ANSWER_ITEMS
"""Bulleted steps are asked in parts up to three answers' worth (a numbered list longer than
MAX_STEPS is no list of facts at all: `_enumerates`)."""


def _bulleted_steps(texts: list[str], lead: Lead | None) -> bool:
    """Bulleted items that are all steps (`Insertion:` over `- Explain to the patient …`, `-
    Palpate veins …`, eleven of them), under a short label: a procedure the author bulleted
    (often a numbered step's own sub-list, or a PDF's glyphs), in the order written. Too many
    for one answer, it made no note at all; asked a few steps at a time, none is lost. Every
    item an instruction but one, and none stating a figure (the measure rule clozes it)."""
    if lead is None or lead.kind not in ("label", "name") or len(texts) < MIN_BULLETED_STEPS:
        return False
    if len(lead.text.split()) > MAX_ASKED_LABEL or is_generic_heading(lead.text):
        return False
    told = sum(1 for text in texts if is_instruction(text) or _opens_step(text))
    return told >= len(texts) - 1 and not any(states_a_figure(text) for text in texts)


_STEP_VERBS = INSTRUCTION_VERBS | frozenset(
    """add adjust advance assemble attach call clamp clean cleanse close confirm connect cover
    cut document draw dress dry enter fill flush label loosen lower open palpate place position
    prepare press prime record recheck release replace secure set stabilise stabilize tape
    tighten verify withdraw""".split()
)
"""Verbs a procedure's steps open with ("Palpate veins …", "Secure the line"), beyond the
instructions any page gives (`INSTRUCTION_VERBS`): read only inside a list of steps."""


def _opens_step(text: str) -> bool:
    """The item opens with a verb of a procedure's step and goes on with what it acts on."""
    words = text.lower().split(None, 2)
    return len(words) > 1 and words[0] in _STEP_VERBS and words[1] not in ("of", "in", "for")


_ITEM_VERBS = _STEP_VERBS | frozenset(
    """
    adhere administer adopt consider consult contact drink eat emphasize emphasise engage give
    include note offer read repeat rest restrict start tailor transport trim watch wrap
    """.split()
)
"""Verbs that open a step or an instruction item ("Administer X", "Recheck Y")."""
_STEP_OPENER = re.compile(
    r"^(?P<verb>(?:(?:may|should|must|can)\s+(?:also\s+)?|(?:do\s+not|don't|never|always)\s+)?"
    r"(?P<word>[A-Za-z']+)(?:\s+(?:for|to|in|on|with|from|about|into|out|up|off|down|"
    r"through|around|onto)\b)?)\s+",
    re.IGNORECASE,
)
_STEP_TAIL = re.compile(
    r"\s*(?:\(|[,;]\s+(?:if|when|as|then)\b|\s(?:to|so|if|when|unless|until|as|like|"
    r"without|before|after|because|while|regularly|daily|often|carefully|immediately|first|"
    r"again|up|down|out|off|every|for|urgently|quickly|promptly|slowly|gently|thoroughly|"
    r"adequately|properly|correctly|frequently|routinely|safely|even|though|although)\b|"
    r"\s(?:and|or)\s+(?:has|is|does|can't|cannot|can|will|won't|seems)\b|[.;:!]?$)",
    re.IGNORECASE,
)
_STEP_IDLE = re.compile(
    r"(?:(?:as|if|when)\s+(?:needed|required|necessary|appropriate|indicated)|prn|again)?[.!]?$",
    re.IGNORECASE,
)
"""What is left of a step that acts on nothing (`May repeat as needed.`): no blank in it."""
_AS_ADVISED = re.compile(
    r"as\s+(?:recommended|prescribed|directed|advised|instructed|tolerated|told|taught)[.!]?",
    re.IGNORECASE,
)
"""A manner after a verb with no object (`Rest as recommended`): the verb is the instruction,
the manner no thing to recall; hidden, the card read "Rest {{as recommended}}"."""
_NO_THING = re.compile(
    r"(?:\w+ly|low|high|well|more|less|by|over|first|then|now|when|where|how|what|why|who)\b", re.I
)
_ASKED = re.compile(r"(?:when|where|how|what|why|who)\b", re.I)
_PLACED = re.compile(
    r"\s(?:flat|upright|short|still|straight|open|closed|clean|dry|warm|cool|apart|away|together)$"
)
"""An adverb or a measure after the verb (`Start low`, `Raise slowly`): no thing acted on."""
MIN_STEP_OBJECT_CHARS = 3
_PRONOUN = re.compile(r"(?:it|them|this|that|these|those|him|her|yourself|themselves)\b", re.I)


def _told(block: ListBlock) -> bool:
    """Every item but one at most opens with an instruction's verb (`Recheck blood glucose`,
    `May repeat as needed`): a list of what to do, whose verbs are no part of what is recalled."""
    opened = sum(1 for item in block.items if _instruction_verb(plain(item.text)) is not None)
    told = len(block.items) if len(block.items) < MIN_TOLD_AMONG else len(block.items) - 1
    return opened >= told


MIN_TOLD_AMONG = 4
"""A list this long may hold one item that is no instruction (`Low-salt diet` among steps)."""


def _instruction_verb(text: str) -> re.Match[str] | None:
    opener = _STEP_OPENER.match(text)
    if opener is None or opener.group("word").lower() not in _ITEM_VERBS:
        return None
    if text[opener.end() :].lower().startswith(("of ", "and ", "or ")):
        return None  # "Use of steroids", "Rest and fluids": a thing named, not an instruction
    return opener


def _predicate_verb(text: str) -> re.Match[str] | None:
    """A verb saying what the lead-in's subject does or is (`Is too sleepy`, `Vomits blood`)."""
    opener = _STEP_OPENER.match(text)
    if opener is None:
        return None
    word = opener.group("word").lower()
    if word in _BEING or (len(word) > MIN_VERB_S and word.endswith("s") and word[-2] != "s"):
        return opener
    return None


_BEING = frozenset("is has seems looks feels appears does can't cannot won't doesn't".split())
MIN_VERB_S = 3
_SUBJECT_END = re.compile(
    r"\b(?:if|when|whose|where)\s+(?:your|the|a|an|his|her|their|my|he|she|they|it)\b"
    r"(?:\s+\w+)?\s*:?$",
    re.IGNORECASE,
)
"""A lead-in ending on its subject (`Call if your baby:`): its items say what the subject does."""


def _predicates(block: ListBlock, lead: Lead | None) -> bool:
    """Items that each finish a lead-in ending on its subject (`Call if your baby:` over `- Is
    too sleepy to feed`, `- Vomits blood`): a list like any other, each item's verb shown."""
    if lead is None or lead.kind not in ("sentence", "label"):
        return False
    if _SUBJECT_END.search(plain(lead.text)) is None:
        return False
    said = sum(1 for item in block.items if _predicate_verb(plain(item.text)) is not None)
    return said >= len(block.items) - 1 and said >= MIN_TOLD_AMONG - 1


def instruction_cloze(text: str, number: int, predicate: bool = False) -> str | None:
    """An instruction item (`Recheck blood glucose`, `Avoid lying down within 3 hours of
    eating`) with its verb shown: its figure with its unit hidden when it has one, else the
    thing it acts on (up to a purpose, a condition or an aside). Hidden whole, the card asks a
    sentence back word for word. A step with nothing to act on (`May repeat as needed`) is
    shown, no deletion: there is nothing in it to recall. None when the item is no instruction."""
    opener = _instruction_verb(text) or (_predicate_verb(text) if predicate else None)
    if opener is None:
        return None
    rest_at = opener.end()
    figure = _FIGURE.search(text, rest_at)
    if figure is not None:
        spans = out_of_math(text, [(figure.start(), with_twin(text, figure.end()))])
        if spans:
            return _cloze_span(text, spans[0], number)
    article = _DETERMINERS.match(text, rest_at)  # outside the blank: `Note any {{changes}}`
    start = article.end() if article is not None else rest_at
    tail = _STEP_TAIL.search(text, start)
    end = tail.start() if tail is not None else len(text)
    thing = text[start:end].rstrip(" ,;")
    if _PRONOUN.match(thing) or "[" in thing:  # a link's words: never half a deletion
        return None  # "Place it over the swelling": what it says is where, not what
    if _STEP_IDLE.fullmatch(text[rest_at:].strip()):
        return literal(text)  # "May repeat as needed.": read, nothing in it to recall
    if _AS_ADVISED.fullmatch(text[rest_at:].strip()):  # "{{Rest}} as recommended": the verb is
        return _cloze_span(text, opener.span("word"), number)  # what to do, never the manner
    idle = not predicate and (_NO_THING.match(thing) or _PLACED.search(thing))
    if len(thing) < MIN_STEP_OBJECT_CHARS or idle or _ASKED.match(thing):
        return None  # "Lie the patient flat": the state it is left in is the fact, not the thing
    if len(thing.split()) > MAX_WHOLE_WORDS - 2:
        return None
    every = _EVERY.search(text[rest_at:start]) is not None
    aimed = _aimed_spans(text, start, start + len(thing), every)
    if aimed is not None:  # "Tell your doctor about any {{side effects}}"; [] when generic only
        return _cloze_spans(text, aimed, number, each=True) if aimed else literal(text)
    members = list(_SERIES_MEMBER.finditer(thing))
    if len(members) >= MIN_SERIES_MEMBERS and all(
        len(m.group(0).split()) <= MAX_SERIES_MEMBER_WORDS for m in members
    ):  # "Check for {{hypotension}}, {{tachycardia}}, {{poor refill}}": each name its blank
        spans = [(start + m.start(), start + m.end()) for m in members]
        return _cloze_spans(text, spans, number, each=True)
    return _cloze_span(text, (start, start + len(thing)), number)


def _aimed_spans(
    text: str, start: int, end: int, every: bool = False
) -> list[tuple[int, int]] | None:
    """What an instruction's fact is when its object is not: the examples after "like" or
    "such as" (`Manage chronic conditions like {{hypertension}} and {{diabetes}}`), the
    complement of a generic object (`Sit the patient in the {{shade}}`, `Tell your doctor about
    any {{side effects}}`), determiners left outside as the object's article is. [] when the
    object is generic with nothing said of it (stays open); None when the object is the fact."""
    examples = _EXAMPLES.search(text, start)
    if examples is not None and examples.start() <= end + 1 and _names_a_class(text, examples):
        found = _content_spans(text, examples.start("what"), examples.end("what"))
        if found:
            return found
    generic = (_ONE_WORD if every else _GENERIC_OBJECT).match(text, start, end)
    if generic is None:
        return None
    complement = _COMPLEMENT.match(text, generic.end(), end)
    if complement is not None:
        return _content_spans(text, complement.start("what"), end, series=False)
    after = generic.end() if generic.end() < end else end
    if _CARER.search(generic.group(0)) and after == end:
        return None  # "Call a {{doctor}} if …": whom to call is the fact
    left = text[after:].strip().rstrip(".!")
    if 0 < len(left.split()) <= MAX_COMPLEMENT_WORDS and not left.endswith("ly"):
        at = text.index(left, after)  # "Keep each turn {{even}}": the state it is kept in
        return [(at, at + len(left))]
    return []


def _content_spans(
    text: str, start: int, end: int, series: bool = True
) -> list[tuple[int, int]] | None:
    """The content words between start and end without their determiners; a series of short
    names one span each. None when nothing is left or the words are too many for a blank."""
    lead = _DETERMINERS.match(text, start, end)
    start = lead.end() if lead is not None else start
    what = text[start:end].rstrip(" ,;.")
    if len(what) < MIN_STEP_OBJECT_CHARS or len(what.split()) > MAX_WHOLE_WORDS - 2:
        return None
    members = list(_SERIES_MEMBER.finditer(what)) if series else []
    if len(members) >= MIN_EXAMPLES and all(
        len(m.group(0).split()) <= MAX_SERIES_MEMBER_WORDS for m in members
    ):
        spans = []
        for m in members:
            article = _DETERMINERS.match(m.group(0))
            spans.append((start + m.start() + (article.end() if article else 0), start + m.end()))
        return spans
    return [(start, start + len(what))]


def _names_a_class(text: str, examples: re.Match[str]) -> bool:
    """The words before "like"/"such as" name only a kind of thing (`chronic conditions`,
    `triggers`, `techniques`): its examples are what to recall. A class with content of its own
    (`moderate exercise like walking`) is the fact; its examples only illustrate it."""
    before = text[: examples.start()].split()
    return bool(before) and before[-1].lower().strip(",") in _EXAMPLE_CLASSES


_EXAMPLE_CLASSES = frozenset(
    """
    conditions diseases illnesses disorders problems infections symptoms signs triggers
    factors foods drinks drugs medicines medications supplements vaccines products items things
    activities techniques methods habits practices options sources substances allergens
    """.split()
)
"""Plural nouns that name only a kind of thing: the examples after them are the fact."""
_EXAMPLES = re.compile(
    r"\s(?:like|such\s+as|including|e\.g\.,?)\s+(?P<what>[^.;:()]+?)\s*(?=[.;:(]|$)", re.I
)
"""Examples an instruction names after its class (`… chronic conditions like X and Y`)."""
_GENERIC_OBJECT = re.compile(
    r"(?:(?:[\w-]+\s+)?(?:patients?|person|people|"
    r"child(?:ren)?|baby|babies|infants?|doctors?|nurses?|clinicians?|providers?|pharmacists?|"
    r"team|family|victims?|casualty|someone|everyone|GP))(?=\s|$)",
    re.IGNORECASE,
)
"""An object that is nobody's fact (`the patient`, `your doctor`); so is any one word after
"each" or "every" (`each turn`)."""
_CARER = re.compile(
    r"\b(?:doctors?|nurses?|clinicians?|providers?|pharmacists?|team|GP)$", re.IGNORECASE
)
"""Whom an instruction sends the reader to: the fact when nothing is said of them."""
_EVERY = re.compile(r"\b(?:each|every)\s+$", re.IGNORECASE)
_ONE_WORD = re.compile(r"[\w-]+(?=\s|$)")
_COMPLEMENT = re.compile(
    r"\s+(?:in|on|about|into|onto|under|near|at|with|of|in\s+front\s+of|next\s+to)\s+"
    r"(?P<what>\S)",
    re.IGNORECASE,
)
_DETERMINERS = re.compile(
    r"(?:(?:a|an|the|your|their|his|her|its|our|my|any|all|some|each|every|this|these|those)"
    r"\s+)+",
    re.IGNORECASE,
)
MAX_COMPLEMENT_WORDS = 2
MIN_EXAMPLES = 2


_SERIES_MEMBER = re.compile(
    r"(?:(?<=^)|(?<=,\s)|(?<=\sand\s)|(?<=\sor\s))(?!and\s|or\s)[^,]+?(?=,\s|\s(?:and|or)\s|$)"
)
"""A member of a series (`drooling, pallor and stiff jaw`): each its own blank."""
MIN_SERIES_MEMBERS = 3
MAX_SERIES_MEMBER_WORDS = 3


_PART_SPAN = re.compile(r"steps? \d+(?:–\d+)?")


def is_procedure_part(note: Note) -> bool:
    """A note asking a few steps of a procedure at once (`_procedure_parts`): its long answer
    does not test a figure inside one step ("insert it 20–25 cm"), which is a fact of its own."""
    return note.rule == "enumeration" and _PART_SPAN.fullmatch(note.key[-1]) is not None


def is_whole_list(note: Note) -> bool:
    """A bulleted list of sentences answered whole (`_list_note`: "Daily weighing?" -> three
    instructions); numbered steps answered whole are recalled in order, figures and all."""
    return (
        note.rule == "enumeration"
        and note.key[-1] == _WHOLE_LIST
        and note.note_type == "basic"
        and note.back.startswith("- ")
    )


_WHOLE_LIST = "list"
"""The last part of a list note's key (`_list_note`)."""


def _intro(lead: Lead | None, section: Section, ctx: Context, keyed: bool = False) -> str:
    """What a list's front opens with: its subject, or its lead-in sentence opened by the
    heading's subject when it names no topic; under a question heading ("What is it for?") by
    the topic alone, not "What is it for? in X: …"."""
    if lead is None and is_container_heading(section.title):
        return f"{ctx.situate(heading_text(section.title))}:"  # "Crisis resources": its name
    if lead is None and keyed and newly_read(section.title):
        return f"{ctx.keyed_heading(section)}:"
    if lead is None or lead.kind != "sentence":
        return f"{subject(lead, section, ctx)}:"
    text = lead.text
    if len(text.split()) > MAX_LEAD_WORDS:
        text = split_sentences(text)[-1]
    said = split_sentences(text) if not keyed and ". " in text else []
    last = plain(said[-1] if said else text).rstrip(": ").strip()
    if not keyed and _FRAGMENT_LEAD.fullmatch(last) is not None:
        return f"{ctx.heading(section)}:"  # "As a preventive measure:" asks nothing
    whose = ctx.subject(section)
    opening = _SUBJECT_VERB.match(plain(said[-2])) if len(said) > 1 else None
    if opening is not None and whose and names_topic(opening.group("subject"), whose):
        own = _ITS.match(plain(said[-1]).rstrip(" :"))
        if own is not None:  # "The fossa is a … Its contents are (medial to lateral):"
            return f"{ctx.heading(section)}: {own.group('what')}{own.group('how') or ''}:"
    owned = _OWNED.match(plain(text).rstrip(" :"))
    if owned is not None:  # "It also has a floor and a roof:": "it" is the heading's thing
        parts = _ARTICLE.sub("", owned.group("what")).strip()
        return f"{ctx.heading(section)}: {parts}"
    if (
        len(said) > 1
        and ctx.language == "en"  # "Está associado a:", "Esto significa que:": no subject
        and not any(_SETS_CONDITION.match(plain(one)) for one in said[:-1])
        and not _POINTS_BACK & set(plain(said[-1]).lower().replace(",", " ").split())
    ):
        # "While exercise helps most patients, watch for overdoing it. Stop if you have:": the
        # last sentence leads the list; the ones before it are a paragraph, no front's topic
        # (a condition before it, "If the child is under two.", is the list's own, and so is
        # the sentence its last points back to: "Its main effects are:", "If one fails:",
        # "However, some have:"; a page in another language drops its subjects: "Está …")
        text = said[-1]
    if not ctx.names_subject(text, section):
        # inside a reference entry (`Velbarin (Velba):` … `Lower the dose in:`) the entry's
        about = (
            ctx.situate(lead.entry)
            if lead.entry
            else ctx.keyed_heading(section)
            if keyed
            else ctx.heading(section)
        )
        if not keyed and ctx.topic and ctx.subject(section).endswith("?"):
            about = ctx.topic[:1].upper() + ctx.topic[1:]
        text = f"{about}: {text}"
    return text


_POINTS_BACK = frozenset(
    "it its they their them this these those one he she his her but however also so yet".split()
)
_SETS_CONDITION = re.compile(
    r"(?:if|when|whenever|unless|in|for|during|after|before|once|until)\b", re.IGNORECASE
)
"""A sentence opening with a condition or a setting the list holds under ("If the child is
under two.", "In pregnancy, …")."""
_FRAGMENT_LEAD = re.compile(
    r"(?:as|for|in|by|with)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?(?:measures?|precautions?|rule"
    r"|addition|general|summary|short|brief|practice|prevention)"
    r"|(?:general|some|other|further|additional|common)\s+(?:recommendations?|advice|tips"
    r"|measures|guidance|suggestions)"
    r"|(?:\w+\s+){0,3}(?:are|is)\s+(?:\w+ly\s+)?(?:encouraged|advised|recommended|asked"
    r"|told)\s+to",
    re.IGNORECASE,
)
"""A lead-in's last sentence that names nothing of its items: an adverbial ("As a preventive
measure:", "In addition:"), a generic noun ("General recommendations:") or a clause its items
finish ("Patients are encouraged to:"). The heading names the list; a front asking the
fragment ("…: As a preventive measure?") asks nothing."""


def is_fragment_lead(text: str) -> bool:
    """A lead-in sentence naming nothing of its items (`_FRAGMENT_LEAD`): "General advice"."""
    return _FRAGMENT_LEAD.fullmatch(plain(text).rstrip(": ").strip()) is not None


_OWNED = re.compile(
    r"^(?:it|they)\s+(?:also\s+)?(?:has|have|contains?|includes?)\s+(?P<what>[\w\s,-]{3,60})$",
    re.IGNORECASE,
)
"""A lead-in saying what "it" has (`It also has a floor and a roof:`): a pronoun names nothing
on a card, so the list is asked as the parts of the heading's thing ("…: floor and roof?")."""
_ARTICLE = re.compile(r"\b(?:a|an|the)\s+", re.IGNORECASE)
_SUBJECT_VERB = re.compile(r"^(?P<subject>[^,;:()]{1,60}?)\s+(?:is|are|was|were|has|have)\b", re.I)
"""A sentence's subject: the words before its first "is"/"has" ("The fossa is …")."""
_ITS = re.compile(
    r"^(?:its|their)\s+(?P<what>(?:main\s+|chief\s+|key\s+)?[a-z][\w-]*(?:\s+[a-z][\w-]*)?)"
    r"\s+(?:are|is|include|includes)(?P<how>\s*\([^()]{1,40}\))?$",
    re.IGNORECASE,
)
"""The last sentence of a lead-in naming the heading's thing, saying what "its" parts are
(`The fossa is a passage for the nerves. Its contents are (medial to lateral):`): the list is
asked as the heading's parts ("Fossa: contents (medial to lateral):"); the sentence before,
whose subject is the heading's thing, is about the thing, not the list. Front only: the
identity keeps the whole lead-in."""


def _intro_key(lead: Lead | None, section: Section, ctx: Context) -> str:
    """The intro a list's note identity is made of: as it read before a question heading gave
    way to the topic, or a plain sub-heading line its heading in brackets (`Lead.own`), so the
    notes of earlier releases keep their review history."""
    if lead is not None and lead.own:
        lead = replace(lead, own=False)
    return _intro(lead, section, ctx, keyed=True)


def head_cloze(item: ListItem, number: int, intro: str = "") -> tuple[str, str] | None:
    """An item too long to be one cloze, with only its head hidden: the term or first clause
    before its first separator (`Quenching or Quelling - use water if small, else leave`,
    `Varn / Vetch, mostly in late summer`, `Press on the Varden point, which may help`); the
    rest stays on the front as its clue, and sentences after the first go to the back. None
    when there is no short head (more than MAX_HEAD_WORDS words, a clause with a verb, words
    that go on into the rest), or when the rest or the lead-in shows the head's words."""
    text = single_spaced(without_emoji(item.text)).strip()
    if not text or "\n" in item.text.strip() or text.endswith(":"):
        return None  # a label of what follows (`Isolation kinds (see book):`): not a fact
    if any(isinstance(block, ListBlock) for block in item.blocks):
        return None  # a parent item: its sub-list says what it is about
    sentences = split_sentences(text)
    first, extra = sentences[0], " ".join(sentences[1:])
    separator = head_end(first)
    if separator is None or len(plain(first).split()) > MAX_BOLD_ITEM_WORDS:
        return None
    end = with_twin(first, separator.start())  # "Fever over 101°F (38.3°C) in children"
    head, rest = first[:end], first[end:]
    words = plain(head).split()
    if not 0 < len(words) <= MAX_HEAD_WORDS or len(plain(rest).split()) < 2:
        return None
    if is_sentence(head) or words[-1].lower() in _HEAD_GOES_ON or _unbalanced(head):
        return None
    figure = _named_figure(first, end)
    if figure is not None:  # "Dose to keep the KR (korrin ratio) between {{2 and 3}}"
        return _cloze_span(first, figure, number), extra
    doses = list(_FIGURE.finditer(head)) if _instruction_verb(plain(head)) is not None else []
    if len(doses) == 1:  # "Start at {{5 mg}} a day (7.5 mg if heavy)": the figure, not the step
        return _cloze_span(
            first, (doses[0].start(), with_twin(first, doses[0].end())), number
        ), extra
    if words[0].lower() in _NOT_A_HEAD:
        return None  # "If it wakes them at night, give…": the condition is not what is asked
    if plain(head).strip().lower() in _DISCOURSE or is_flag(head):
        return None  # "Result: less pain": a word that flags the rest names nothing
    if _TEXT_PART.match(plain(head)) is not None:
        return None  # "Overview of the pump: it is …": a part of the notes, not a fact
    if rest.startswith(":") and (is_facet(head) or states_a_figure(rest)):
        # "Path 2: {{the mitochondrial route}} …"; a label over a figure ("Average duration:
        # 10–20 minutes") names what the figure measures: the figure is asked, never the label
        value = value_cloze(rest, number)
        return (literal(head) + value, extra) if value is not None else None
    tail = _CONDITION_TAIL.fullmatch(rest) if words[0].lower() in _PHASE_VERBS else None
    if tail is not None:  # "Begin other sports (golf, …) {{with clearance from surgeon}}"
        start, after = end + tail.start("tail"), rest[tail.end("tail") :]
        hidden = deletion(number, tail.group("tail"))
        return literal(first[:start]) + hidden + literal(after), extra
    shown = set(_WORDS_ONLY.sub(" ", plain(f"{rest} {intro}").lower()).split())
    if set(_WORDS_ONLY.sub(" ", plain(head).lower()).split()) <= shown:
        return None  # "Rest - rest in bed": the answer stands beside it
    return deletion(number, head) + literal(rest), extra


def _named_figure(first: str, end: int) -> tuple[int, int] | None:
    """The target an item's head names by its initials (`… ratio (INR) between 2 and 3`): the
    figure after the bracketed initials, which the words before them only lead to."""
    if _INITIALS_ASIDE.match(first, end) is None:
        return None
    found = _BETWEEN.search(first, end)
    if found is not None:
        return found.span("range")
    figure = _FIGURE.search(first, end)
    return None if figure is None else (figure.start(), with_twin(first, figure.end()))


_INITIALS_ASIDE = re.compile(r"\s*\([A-Z][A-Za-z0-9]{1,7}\)")
_BETWEEN = re.compile(
    r"\bbetween\s+(?P<range>[<>≤≥]?\d+(?:[.,]\d+)?\s*(?:and|to|[-–])\s*\d+(?:[.,]\d+)?"
    r"(?:\s*" + _UNIT + r")?)",
    re.IGNORECASE,
)
"""A range said in words ("between 2 and 3"): a figure with no unit, the target of a dose."""


_HEAD_END = re.compile(
    r"\s[-–—]\s|:\s|\s\(|,\s(?=(?:which|who|where|especially|particularly|mostly|mainly|"
    r"usually|often|typically|notably|e\.g\.|i\.e\.|such as|including|except|defined|"
    r"characteri[sz]ed|not)\b)",
    re.IGNORECASE,
)
"""Where an item's head ends: a spaced dash, a colon, an opening bracket, or a comma before a
clause about the head (", which …", ", especially …", ", defined as …", ", not explained by …");
another comma goes on listing
("Sharing cups, plates or towels")."""
_PHASE_VERBS = frozenset("begin start continue resume return progress".split())
"""Verbs that open a phase's step ("Begin other activities (golf, …) with clearance"): the head
says only that something starts; the condition after its examples is the fact."""
_CONDITION_TAIL = re.compile(
    r"\s*\([^()]+\),?\s+(?P<tail>(?:with|after|once|until|only|unless|when|under)\s[^()]{3,60}?)"
    r"[.;]?\s*",
    re.IGNORECASE,
)
"""After a head: its examples in brackets, then the condition it comes with ("(golf, …) with
clearance from surgeon", "(stairs) after 6 weeks")."""
_NOT_A_HEAD = frozenset(
    """
    if when whenever once unless while because although though since as so but and or then also
    in on at by for with without to into from of this these that those it they there
    si cuando quando wenn falls lorsque quand
    """.split()
)
"""First words of a condition, a qualifier or a clause leaning on what came before (and "if" and
"when" in the other languages notes come in: "Si usas …", "Wenn …"): such a head is not the
thing the item is about."""
_DISCOURSE = frozenset(
    "result results outcome outcomes effect effects overall conclusion finally so why how".split()
)
"""Heads that say where the item goes ("Result: …"), not what it is about."""
_TEXT_PART = re.compile(
    r"(?:an?\s+|the\s+)?(?:brief\s+|short\s+|quick\s+)?(?:(?:overview|summary|outline|recap|"
    r"basics|background)\s+(?:of|on)|(?:introduction|intro)\s+to)\b",
    re.IGNORECASE,
)
"""A head naming a part of the notes ("Overview of the proteasome", "Summary of …"): the
author's lead label over what follows; hidden, it asks for the words "Overview of". Not
"Review of systems" nor "Introduction of the tube", which name a thing done."""
_HEAD_GOES_ON = frozenset(
    "a an the and or of to in on with for by as at from if when that than".split()
)
"""A head ending in one of these goes on past the separator: no head."""


def _unbalanced(text: str) -> bool:
    """Markup opened in the head and closed after it (`**2-h glucose (fasting)**`)."""
    return (
        text.count("**") % 2 == 1 or text.count("`") % 2 == 1 or text.count("[") != text.count("]")
    )


def is_facet(label: str) -> bool:
    """A label naming a side of the subject, not a fact (`Sensory`, `Microscopic features`,
    `Path 2`, `Group B`, `Precipitating events`): its value after the colon is what is known, so
    hiding the label alone asks nothing."""
    words = _WORDS_ONLY.sub(" ", plain(label)).split()
    if not 0 < len(words) <= MAX_FACET_WORDS:
        return False
    if len(words) >= 2 and _ORDINAL.fullmatch(words[-1]) is not None:
        return True  # "Path 2", "Group B", "Type II", "Stage 3"
    return words[-1].lower() in _FACETS


MAX_FACET_WORDS = 4
_ORDINAL = re.compile(r"\d{1,2}[a-z]?|[A-Z]|[IVX]{1,4}")
_FACETS = frozenset(
    """
    features feature signs symptoms findings events causes cause effects effect function
    functions origin course location site sites sensory motor mechanism mechanisms pathway
    pathways presentation appearance appearances morphology histology microscopy factors
    complications outcomes prognosis treatment management investigations tests uses indications
    contraindications actions action examples types components supply innervation history
    """.split()
)
"""Nouns that name a side of a subject (what it is like, does, comes from, is treated with)."""


def value_cloze(rest: str, number: int) -> str | None:
    """The value after a facet label's colon, hidden: whole when short and not a sentence
    (`: {{taste and touch}}`), else its head before a dash or bracket (`: {{Streptococcus
    agalactiae}} — CAMP test +`); None when neither is short (the item is read, not recalled)."""
    start = len(rest) - len(rest[1:].lstrip()) if rest.startswith(":") else 0
    value = rest[start:]
    first = next(iter(split_sentences(value)), "")
    words = plain(first).split()
    dash = _VALUE_END.search(first)
    whole = first == value.strip() and 0 < len(words) <= MAX_ITEM_WORDS
    if whole and not is_sentence(first) and (dash is None or dash.group().strip() == "("):
        return _cloze_span(rest, (start, start + len(value.rstrip(" .;,"))), number)
    separator = dash
    if separator is None:
        return None
    head = first[: separator.start()]
    head_words = plain(head).split()
    if not 0 < len(head_words) <= MAX_HEAD_WORDS or is_sentence(head) or _unbalanced(head):
        return None
    return _cloze_span(rest, (start, start + separator.start()), number)


_VALUE_END = re.compile(r"\s[-–—]\s|\s\(|;\s|:\s")
"""Where a value's head ends: a spaced dash, a bracket, a semicolon, a colon."""


def head_end(text: str) -> re.Match[str] | None:
    """The separator that ends an item's head (`_HEAD_END`), passing over a dash between two
    figures: "lasts 48 hrs - 6 weeks" is one range, not a term and its explanation."""
    for separator in _HEAD_END.finditer(text):
        if not (
            separator.group().strip() in "-–—"
            and _RANGE_FROM.search(text, 0, separator.start())
            and text[separator.end() : separator.end() + 1].isdigit()
        ):
            return separator
    return None


_RANGE_FROM = re.compile(r"\d[^\s]*(?:\s[A-Za-z]{1,8}\.?)?$")
"""The first figure of a range, with its unit: "48 hrs", "3", "2.5 mg"."""


_WHEN_OR_HOW_BAD = frozenset(
    """early late acute chronic initial later mild moderate severe adults adult children child
    infants infant babies baby elderly newborns newborn neonates neonate toddlers toddler
    teenagers teenager teens adolescents adolescent women men pregnancy""".split()
)
"""A label that says when, how bad or in whom (`**Early:**`, `**In children:**`), not a sign."""
_NOT_A_SIGN = frozenset(
    """day days week weeks month months stage phase grade step
    what how who when where why which""".split()
)
"""A label's first word that makes it a time, a stage or a question (`**Day one:**`, `**Stage
I:**`, `**What to look for:**`): a facet of the signs, not a sign to recall."""


def _members_note(
    block: ListBlock,
    lead: Lead | None,
    section: Section,
    ctx: Context,
    intro: str = "",
    keyed: str = "",
) -> list[Note]:
    """The labels of a list of a category's members (`Complications:` over `**Heart attack**:
    myocardial infarction`) as one cloze, when some glosses only restate their label
    (`definition.idle_glosses`) and make no card: being a member is the fact, recalled here.
    A flag among them (`**Note**: …`) is left out."""
    names = []
    for item in block.items:
        pair = definition(item)
        if pair is not None and not is_flag(pair[0]):
            term = plain(pair[0]).strip().rstrip(":").strip()
            names.append(ListItem(term, item.line, (), item.pin))
    intro = intro or _intro(lead, section, ctx)
    key = f"{keyed or _intro_key(lead, section, ctx)} (members: {names[0].text.lower()})"
    listed = ListBlock(block.ordered, tuple(names), block.line)
    return _cloze_note(listed, intro, section, ctx, lead is not None, False, frozenset(), key)


def _signs_note(block: ListBlock, lead: Lead | None, section: Section, ctx: Context) -> list[Note]:
    """The signs of a `**Sign:** what it means` list as one cloze list (`Warning signs: …` over
    `**Heavy bleeding:** a pad an hour`): the definition rule asks each sign's meaning with the
    sign on the front, so the signs to look out for were never recalled. Only when every item
    names a sign (a short term, no facet such as `**Early:**`)."""
    names = []
    for item in block.items:
        pair = definition(item)
        term = plain(pair[0]).strip().rstrip(":").strip() if pair is not None else ""
        if not 0 < len(term.split()) <= MAX_BOLD_WORDS or is_facet(term) or is_flag(term):
            return []
        if term.split()[-1].lower() in _WHEN_OR_HOW_BAD or term.split()[0].lower() in _NOT_A_SIGN:
            return []  # `**Early:** …`, `**Day one:** …`: the signs are in the values
        if any(char.isdigit() for char in term) or term.endswith("?") or len(term) < 3:
            return []  # `**K** - Kellin rash`: a mnemonic's letter, no sign
        names.append(ListItem(term, item.line, (), item.pin))
    if len(names) < MIN_ITEMS:
        return []
    intro = _intro(lead, section, ctx)
    # named by its first sign too: two such lists under one heading are two notes
    key = f"{_intro_key(lead, section, ctx)} (signs: {names[0].text.lower()})"
    listed = ListBlock(block.ordered, tuple(names), block.line)
    return _cloze_note(listed, intro, section, ctx, lead is not None, False, frozenset(), key)
