"""Definitions: `**Term**: description` items, and `**Label:** value` paragraphs, become
"term -> description" cards.

A list counts when at least two items, and most of them, have one of these shapes (with `-`, `*`,
`+` or numbered markers): `**Term**: text`, `**Term:** text`, `**Term** — text`, `**Term**
(gloss): text`, `Term – text` (en or em dash between spaces), `Term: text` (a short term without
a full stop). The split is never inside brackets or parentheses: `[NHS — Asthma](https://…)` is
a link, not a definition. A term must name a thing: an instruction (`**Push, don't pull** –
easier and safer`, `**Stay active:** …`) is not a term, and a list of mostly instructions is left
to the enumeration rule, unless at least half its labels are given away by their explanations
(`**Limit salt**: Salt makes the body hold water`): those are asked as terms ("Limit salt?").
A `**problem**:` item followed by its `**solution**:` makes one card:
"Clearance halved — what to do?" -> the solution. An answer loses its citations ("(Smith et
al., J Korr 2015;4:1-9)", "(see Section 2.10)"), and a paragraph (more than two sentences, or
over 35 words) keeps its first sentence (`text.short_answer`) when that sentence defines
(sentences of NOTE_MAX_WORDS words or fewer each are kept together: steps of one answer); one
that is only a predicate (`may apply to cells or organs.`, `always pathologic.`) or one question
of a series (`Too large? Think oedema. Too small? …`) keeps the whole paragraph up to
MAX_WHOLE_WORDS words, and makes no note past that (`whole_answer`); such a whole answer of three
to MAX_POINTS short sentences, each a property of its own, is shown as a list of them
(`as_points`). An answer that only says
its term again ("Acid-base balance?" -> "The kidneys help maintain the proper acid-base balance
in your blood") makes no card (`restates`), nor does a sign's short gloss that says its whole
name again ("Joint pain?" -> "Aches and pains in the joints") in a list naming signs or symptoms,
which the enumeration rule asks as a cloze of the signs (`glosses`), nor a value that only joins
two siblings' values with a slash ("Reading: 130-139/80-89" beside "Systolic: 130-139" and
"Diastolic: 80-89": `joining_siblings`), which would ask both of them a second time.

A paragraph of `**Label:** value` lines (`**Normal range:** 60–100 bpm`) defines the section's
subject: "Pulse in vital signs: Normal range?" (a label that only flags the text, such as
"Note:", "Tip:", "CRITICAL:" or "Key:", makes no card, nor does a `Buzzwords: …` list item).
A list's subject is its label or bold lead-in when it has one (`leads.py`): `**Normal BP:**`
then `- Systolic: 100–139` asks "Normal BP in preeclampsia: Systolic?". Worked examples
(`True negatives: 990 × 0.95 = 940.5`, lists after "Example:") are not facts and make no card.

A glossary line holding two entries (`- **ESBL** — a β-lactamase. **AmpC** — a
cephalosporinase.`) is two definitions: the second, run into the first's answer, was a term
the student never saw asked. So is a later sentence opening with a label of its own (`- P: atria
fire. QRS: ventricles fire. T: recovery.`) or stating a formula named in words (`Mean pressure
(MP) ≈ (S + 2D)/3; pulse load ≈ S − D`): "QRS?", "Mean pressure (MP) ≈ ?" (`sibling_entries`).
A legend under a table that says what one of its columns holds (`- Max / Notes: if filled in,
…` beside `- TBW: total body weight`, TBW a cell) is no card (`table.legend_columns`).

A `**Field**: value` paragraph broken into lines by hard breaks (two trailing spaces or a
backslash) keeps its lines apart: lines naming properties (`Onset 5 min` / `Peak 1 h` /
`Duration 4 h`) are asked of the field ("Insulin: rapid-acting — onset?"), other short lines are
points of its answer (`_facets`); flattened, they ran into one answer, and a block that ran on
into other text was too long to card at all.

Lines of a paragraph that each open with a bold term as their sentence's subject (`**Korrin
fever** affects the joints.` / `**Velbar disorders** involve …`) define those terms: "What is
korrin fever?" -> the line, or its first sentence when that says what the term is ("X is a
…") (not a bold word that modifies a noun, `**Warning** signs include`,
nor a paragraph leading a list in).

A `Term: value` item with points nested under it (in any list, or unfolded by the document model
as a label over its list) is a definition with details: its short points go on the back, and a
point that labels a list of its own (`Signs` over `- bone pain`) or a short `Label: value` point
is asked of the term ("Marrow clotting: Signs?"). Plain `label: value` lines (`Onset: 1-2 h`)
right under a heading or a lead-in ending in ":" card as bold label lines do.

Lecture notes written as bullets of whole sentences define a term in italics or bold inside the
sentence (`* The *tidal volume* is the volume of one quiet breath`): "What is the tidal
volume?", and a sub-item that points back with a figure (`* This is about 500 mL`) gives its
typical value; a sub-item naming its statement (`* This is called air trapping`) asks the name
(`_emphasised_terms`, `_named_statements`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import lru_cache
from itertools import pairwise

from ..document import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RawBlock,
    Section,
    Table,
    to_markdown,
)
from ..memory import TEXT_CACHE
from ..notes import Note, make_key
from ..text import (
    INSTRUCTION_VERBS,
    MAX_ANSWER_WORDS,
    as_list,
    asked_label,
    explained_answer,
    heading_text,
    initial_runs,
    is_pep_talk,
    is_relational,
    lower_first,
    opens_with_facet,
    plain,
    short_answer,
    spelled_initials,
    split_sentences,
    without_asides,
    without_citations,
    without_step_label,
    word_count,
    words,
)
from .context import Context
from .faq import answered_blocks
from .forms import (
    choice_kind,
    is_default_finding,
    is_examination,
    unaccented,
)
from .leads import (
    MIN_BOLD_STATEMENT_WORDS,
    Lead,
    entries_over,
    is_example,
    is_example_text,
    is_flag,
    is_worked_question,
    leads,
    spelled_label,
    subject,
)
from .table import legend_columns

_SHAPES = (
    re.compile(
        r"^(\*\*|__)(?P<term>[^*_]+?)(\*\*|__)(?P<gloss>\s*\([^()]{1,60}\))?\s*[:—–]\s*"
        r"(?P<text>\S.*)$",
        re.DOTALL,
    ),
    re.compile(r"^(\*\*|__)(?P<term>[^*_]+?)\s*:\s*(\*\*|__)\s*(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(\*\*|__)(?P<term>[^*_]+?)(\*\*|__)\s+-\s+(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(?P<term>[^:*_—–.]{1,60}?)\s+[—–]\s+(?P<text>\S.*)$", re.DOTALL),
    re.compile(r"^(?P<term>[^:*_.?!]{1,50}?):\s+(?P<text>\S.*)$", re.DOTALL),
    # a question in quotes and its answer after a dash, however long (`_QUOTED_ASKED`)
    re.compile(r"^(?P<term>[“\"][^“”\"\n]{3,150}\?[”\"])\s+[—–-]\s+(?P<text>\S.*)$", re.DOTALL),
    # a term in italics before its colon (`*Dry form (DF)*: …`), as a bold one is
    re.compile(
        r"^(\*|_)(?P<term>[^*_\s][^*_]*?)(?<!\s)\1(?P<gloss>\s*\([^()]{1,60}\))?\s*:\s+"
        r"(?P<text>\S.*)$",
        re.DOTALL,
    ),
)
_LABEL_LINE = re.compile(
    r"^(?:(\*\*|__)(?P<a>[^*_\n]{1,60}?)\s*:\s*(\*\*|__)|(\*\*|__)(?P<b>[^*_:\n]{1,60}?)(\*\*|__)"
    r"\s*:)\s*(?P<value>\S.*)$"
)
MAX_TERM_WORDS = 6
MAX_LABEL_WORDS = 5
MAX_VALUE_WORDS = 40
_INSTRUCTION_VERBS = INSTRUCTION_VERBS
"""Verbs that open an instruction ("Keep loads close"), never a term's name (text.py)."""
_NOT_VERB_AFTER = frozenset("of in for during".split())
_NOT_NAMED = _INSTRUCTION_VERBS | frozenset("don't don dont not".split())
"""An instruction's verb and negation: never what its explanation gives away."""
_ARITHMETIC = re.compile(r"\d\s*[×x*/÷+−-]\s*\(?\d[\d.,]*\)?\s*=|=\s*\d[\d.,]*\s*[×x*/÷+−-]\s*\d")


def definition(item: ListItem) -> tuple[str, str] | None:
    """(term, description) when the item is written as a definition."""
    return _definition(_as_written(item))


def defined_term(item: ListItem) -> str:
    """The term a definition item defines (`- optic disc : a small area …`), as the subject of a
    later sentence of its text that another rule cards alone ("On a fundus image, it is … 15
    degrees …" says nothing of what "it" is without it); "" when the item is no definition, or
    its term is a number, a flag, a figure or longer than a name."""
    pair = definition(item)
    term = plain(pair[0]).strip() if pair is not None else ""
    if not 0 < len(term.split()) <= MAX_OWN_NAME_WORDS or any(char.isdigit() for char in term):
        return ""
    return "" if is_flag(term) or is_numbering(term) else term


def takes_one_of(item: ListItem) -> bool:
    """A bold term over the values it takes one of (`**Breathing rate** one of` over its
    thresholds): one definition, not a label heading a list of its own."""
    return _as_written(item) != item.text


def _as_written(item: ListItem) -> str:
    """The item's text, with a bold term's values written out when it takes one of a sub-list's
    (`**Respiratory rate** one of` over `- < 10/min`, `- > 30/min` reads as `**Respiratory
    rate**: < 10/min or > 30/min`)."""
    if not item.blocks or not item.text.startswith(("**", "__")):
        return item.text
    term = _TERM_OVER_VALUES.match(item.text.strip())
    inner = item.blocks[0]
    if term is None or len(item.blocks) != 1 or not isinstance(inner, ListBlock):
        return item.text
    if any(value.blocks for value in inner.items) or len(inner.items) > MAX_SUB_VALUES:
        return item.text
    values = [" ".join(value.text.split()) for value in inner.items]
    if any(len(plain(value).split()) > MAX_SUB_VALUE_WORDS for value in values):
        return item.text
    return f"{term.group('bold')}: {' or '.join(values)}"


_TERM_OVER_VALUES = re.compile(
    r"^(?P<bold>(\*\*|__)[^*_]{1,60}?(\*\*|__))\s*"
    r"(?P<one>(?:any\s+)?one\s+of|any\s+of|either)(?:\s+the\s+following)?\s*:?$",
    re.IGNORECASE,
)
"""A bold term over the sub-list of values it takes one of: `**Respiratory rate** one of` (a
bare `**Gown**` over `- tie at the neck` is a step and its detail; `**Signs:**` over a list
leads in a list of its own)."""
MAX_SUB_VALUES = 4
MAX_SUB_VALUE_WORDS = 8


@lru_cache(maxsize=TEXT_CACHE)
def _definition(text: str) -> tuple[str, str] | None:
    # Cached: three rules ask about every list item (definition, enumeration, via
    # is_definition_list, and this rule again for each item it turns into a card).
    for number, shape in enumerate(_SHAPES):
        match = shape.match(text.strip())
        if match:
            term = match.group("term").strip()
            if not _closed(term):  # split inside a link: "[NHS — Asthma](…)"
                return None
            if number in _DASHED and _splits_range(term, match.group("text")):
                return None  # "Ketamine 1 – 3 mg/kg": a dose range, not a term and its text
            if number in _DASHED and _two_instructions(term, match.group("text")):
                return None  # "Rest on demand — watch for cues": advice, no term
            gloss = (match.groupdict().get("gloss") or "").strip()
            if 0 < len(term.split()) <= MAX_TERM_WORDS or _QUOTED_ASKED.fullmatch(term):
                return (f"{term} {gloss}" if gloss else term), match.group("text").strip()
            return None
    return None


_QUOTED_ASKED = re.compile(r"[“\"](?:[^“”\"\n]){3,150}\?[”\"]")
"""A question in double quotes (`“Should I wait for it to ‘clear up’?” — No. …`): a myth's or
a patient's question with its answer, a term however long."""

_DASHED = frozenset({2, 3})
"""The shapes that split at a dash (`**Term** - text`, `Term – text`)."""


def _two_instructions(term: str, text: str) -> bool:
    """Both sides of a dash are instructions: a verb with its adverbial phrase (`Rest on
    demand`, `Sleep in short bursts`) then a lower-case verb telling what to do (`watch for
    cues`). The left side is no term, the right no definition of it."""
    words, told = plain(term).lower().split(), plain(text).split()
    if len(words) < 2 or not told or not told[0].isalpha() or not told[0].islower():
        return False
    return told[0] in _TOLD_OPENERS and words[1] in _ADVERBIAL


_TOLD_OPENERS = INSTRUCTION_VERBS | frozenset("watch look call see let offer feed note".split())
_ADVERBIAL = frozenset("on at in for to up out off with every as when until".split())


def _splits_range(term: str, text: str) -> bool:
    return term[-1:].isdigit() and text[:1].isdigit()


def _closed(term: str) -> bool:
    """A term closes every bracket it opens: a split inside link text or a parenthesis
    ("[NHS — Asthma](https://…)") is no definition."""
    return term.count("[") == term.count("]") and term.count("(") == term.count(")")


@lru_cache(maxsize=TEXT_CACHE)
def is_instruction(term: str) -> bool:
    """True for a head that tells the reader what to do ("Bend at the knees", "Don't lift",
    "Stay active"): it opens with a verb of instruction and goes on with its object, not
    with "of"/"in" ("Use in pregnancy" names a thing)."""
    words = [word.strip(",;:") for word in plain(term).lower().replace("’", "'").split()]
    if len(words) < 2:
        return False
    if words[0] in ("do", "don't", "never", "always") or words[:2] == ["do", "not"]:
        return True
    return words[0] in _INSTRUCTION_VERBS and words[1] not in _NOT_VERB_AFTER


def is_worked_example(text: str) -> bool:
    """Arithmetic with a result ("990 × 0.95 = 940.5"): an example's working, not a fact."""
    return "=" in text and _ARITHMETIC.search(plain(text)) is not None


def is_definition_list(block: ListBlock) -> bool:
    """Most items are definitions, and most of those name things: a list of instructions with
    explanations (`**Keep loads close** – reduces strain`) is not one (though one instruction
    among terms, as in a mnemonic's letters, is carded with them). A list of one item counts
    when that item is a definition (`### Antihistamines` then `- **Uses**: …`): its heading is
    the subject. A list of instructions is one when at least half of them are given away by
    their explanations (`**Limit salt**: Salt makes the body hold water`): hidden, such a label
    is read off the text after it, so each is asked as a term is ("Limit salt?")."""
    return _is_definition_list(tuple(_as_written(item) for item in block.items))


@lru_cache(maxsize=1 << 10)
def _is_definition_list(items: tuple[str, ...]) -> bool:
    # Cached: the definition and enumeration rules both ask about every list.
    if spelled_initials(items):
        return False  # a mnemonic's letters (`**K** - Kidney disease`): prose_fact asks them
    found = [pair for text in items if (pair := _definition(text)) is not None]
    if len(found) < min(2, len(items)):
        return False
    if (
        2 <= len(items) <= MAX_STATES
        and len(found) == len(items)
        and all(plain(term).strip().rstrip(":").lower() in _STATES for term, _ in found)
    ):
        return False  # `- Fed: A` / `- Fasting: B`: states side by side, the values recalled
    if len(found) * 3 < len(items) * 2 and not _terms_among_sentences(items, len(found)):
        return False
    instructions = [(term, text) for term, text in found if is_instruction(term)]
    if len(instructions) * 2 < len(found):
        return True
    return sum(1 for term, text in instructions if gives_away(term, text)) * 2 >= len(found)


def _terms_among_sentences(items: tuple[str, ...], terms: int) -> bool:
    """A list of notes that mixes `**Term**: …` items with whole sentences (`- Autolysis is
    different; cells are broken down by their own enzymes.`): no rule clozes its sentences, so
    its terms are asked as a definition list's are, when they are half of it at least and in
    bold."""
    if terms * 2 < len(items):
        return False
    others = [text for text in items if _definition(text) is None]
    bold = sum(1 for text in items if text.startswith(("**", "__")) and _definition(text))
    return bold == terms and all(len(plain(text).split()) >= MIN_SENTENCE_WORDS for text in others)


MIN_SENTENCE_WORDS = 7
"""Words of an item read as a whole sentence beside a list's terms."""
_STATES = frozenset(
    """
    fed fasting fasted starvation starving rest resting exercise exertion awake asleep sleep
    day night daytime nighttime inspiration expiration inhalation exhalation systole diastole
    supine standing upright postprandial preprandial
    """.split()
)
"""Labels naming a state a body is in (`Fed:`, `Fasting:`, `Systole:`): two or three of them
side by side contrast the heading's thing across states, each value recalled beside its state
(a cloze, `- Fed: {{hormone A}}` / `- Fasting: {{hormone C}}`), never "Korrin lipase: Fed?"."""
MAX_STATES = 3


def gives_away(label: str, text: str) -> bool:
    """The text after a label says one of the label's own words (as `_root`s, the verb of an
    instruction aside): "**Don't smoke**: Smoking damages the heart" — a deletion of the label
    would show its answer. "**Stay hydrated**: drink water" keeps it hidden."""
    named = _roots([w for w in words(label) if w not in _NOT_NAMED]) - _FILLER_ROOTS
    return bool(named & _roots(words(text)))


def extract(section: Section, ctx: Context) -> list[Note]:
    if is_worked_question(section):
        return []  # `**Question asks**: …` / `**Student thinks**: …`: steps of one test question
    notes = []
    answered = answered_blocks(section.blocks) | _letters(section)
    for index, (lead, block) in enumerate(leads(section.blocks)):
        if index in answered or is_example(lead, section):
            continue
        if isinstance(block, Paragraph):
            notes.extend(_label_notes(block, section, ctx))
            notes.extend(_dash_labelled(block, section, ctx))
            before = section.blocks[index - 1] if index else None
            notes.extend(_labelled_paragraph(lead, before, block, section, ctx))
            notes.extend(_conditional_line(before, block, section, ctx))
            after = section.blocks[index + 1 : index + 2]
            if not after or not isinstance(after[0], ListBlock):  # else it leads the list in
                notes.extend(_bold_subjects(block, section, ctx))
            opens = _opens_part(section.blocks, index)
            notes.extend(_term_over_list(block, after, section, ctx, opens))
            notes.extend(_captioned_label(block, section, ctx))
            if opens:
                notes.extend(_plain_label_notes(block, section, ctx))
        elif isinstance(block, ListBlock) and is_definition_list(block):
            if any(is_worked_example(item.text) for item in block.items):
                continue
            notes.extend(_list_notes(block, lead, section, ctx))
        elif isinstance(block, ListBlock):
            notes.extend(_terms_with_points(block, lead, section, ctx))
            notes.extend(_emphasised_terms(block, section, ctx))
            notes.extend(_named_statements(block, section, ctx))
    if any(isinstance(b, Paragraph) and b.text.startswith(("**", "__")) for b in section.blocks):
        notes.extend(_bold_tips(section, ctx))
    return notes


_BOLD_OPENING = re.compile(r"^(\*\*|__)(?P<bold>[^*_\n]+?)(\*\*|__)")
_TIP_VERBS = frozenset("choose trim moisturise moisturize floss inspect".split())
"""More verbs that open a leaflet's tip ("Trim your nails", "Choose soft shoes") besides the
instruction verbs (`is_instruction`): none that also opens a term's name ("Dry skin", "Test
results", "Exercise tolerance"), which only a following "your"/"the" marks as a verb."""
_IMPERATIVE_NEXT = frozenset(
    "your yourself the a an any all every each them it this these those up out off".split()
)
"""Words after a first word that make it a verb telling the reader what to do ("Trim your",
"Pack the"): a name is not followed by them."""
MIN_TIPS = 3
MAX_TIPS = 6
MAX_TIP_WORDS = 10


def is_imperative(bold: str) -> bool:
    """A bold lead that tells the reader what to do ("Trim your toenails straight across",
    "Never go barefoot.", "Choose gentle activities"): an instruction, never a term to define."""
    words = [w.strip(",;:.!") for w in plain(bold).lower().replace("’", "'").split()]
    if len(words) < 2 or not words[0].isalpha():
        return is_instruction(bold)
    if is_instruction(bold) or words[0] in _TIP_VERBS:
        return True
    return words[1] in _IMPERATIVE_NEXT and words[0] not in _NOT_SUBJECT


def _bold_tips(section: Section, ctx: Context) -> list[Note]:
    """A run of MIN_TIPS or more paragraphs that each open with a bold instruction (a leaflet's
    "**Check your feet every day** for cuts …" / "**Never go barefoot.** Always …"): the
    instructions are what to learn, asked together ("Foot care: what to do?" -> the bold
    instructions), in even parts of at most MAX_TIPS. The rest of each paragraph explains."""
    runs: list[list[tuple[str, int]]] = [[]]
    for block in section.blocks:
        found = _BOLD_OPENING.match(block.text.strip()) if isinstance(block, Paragraph) else None
        bold = found.group("bold").strip().rstrip(".,;:!") if found else ""
        if found and len(bold.split()) <= MAX_TIP_WORDS and is_imperative(bold):
            runs[-1].append((bold, block.line))
        elif runs[-1]:
            runs.append([])
    run = max(runs, key=len)
    if len(run) < MIN_TIPS:
        return []
    count = -(-len(run) // MAX_TIPS)
    size, extra = divmod(len(run), count)
    about = ctx.heading(section)
    notes, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < extra else 0)
        part = run[start:end]
        start = end
        span = f" (part {number + 1} of {count})" if count > 1 else ""
        answer = "\n".join(f"- {bold}" for bold, _ in part)
        key = make_key("definition", section.path, "what to do", None, span.strip(" ()"))
        front = f"{about}: what to do{span}?"
        notes.append(ctx.note("definition", "basic", front, answer, key, section, part[0][1]))
    return notes


def _letters(section: Section) -> frozenset[int]:
    """The blocks that are a mnemonic's letters a paragraph each (`initial_runs`): prose_fact
    asks them together, never a letter alone ("N?" -> "Nerve.")."""
    if not any(
        isinstance(b, Paragraph) and b.text.startswith(("**", "__")) for b in section.blocks
    ):
        return frozenset()  # cheap: most sections have no bold paragraph
    runs = initial_runs(one_line_paragraphs(section.blocks))
    return frozenset(index for start, end in runs for index in range(start, end))


def one_line_paragraphs(blocks: tuple[Block, ...]) -> tuple[str, ...]:
    """Each block's text when it is a one-line paragraph, else ""."""
    texts = (block.text.strip() if isinstance(block, Paragraph) else "" for block in blocks)
    return tuple(text if "\n" not in text else "" for text in texts)


def _list_notes(block: ListBlock, lead: Lead | None, section: Section, ctx: Context) -> list[Note]:
    """A note per term; a problem and its solution make one note ("Clearance halved — what to
    do?")."""
    notes: list[Note] = []
    about = subject(lead, section, ctx)
    # A label or bold lead-in is part of the identity: two lists under one heading may both
    # define "Signs".
    within = f"{lead.text}: " if lead is not None and lead.kind in ("label", "name") else ""
    found = [definition(item) for item in block.items]
    myths = _myths(block, found)
    notes.extend(_myth_note(claim, fact, about, section, ctx, line) for claim, fact, line in myths)
    solved = _solutions(found)
    answers = tuple(pair[1] for pair in found if pair is not None)
    repeated = _repeated_terms(block, found, solved)
    tips = is_list_of_tips(found)
    spelled = _spelled(found)
    signs = names_signs(lead, section)
    idle = idle_glosses(block, lead, section)
    terms = [pair[0] for pair in found if pair is not None]
    tabled = any(isinstance(other, Table) for other in section.blocks)
    legends = legend_columns(terms, section) if tabled else frozenset()
    joining = joining_siblings(found)
    translated = _translations(found)
    indexed = (lead is None or lead.kind == "sentence") and is_term_index(section.title)
    scored = _score_scale(lead, answers, ctx.language)
    form = _form_of(answers, section)
    if scored is not None and scored[1]:  # `**Items (0-20 points):**`: the scale's total
        total = make_key("definition", section.path, within, "total")
        front = f"{about} — {scored[0]}?"
        notes.append(ctx.note("definition", "basic", front, scored[1], total, section, block.line))
    if translated or indexed:  # `肾小球 — **glomerulus**` or a "Glossary": the heading is a
        # term index's label at most, the terms are the topic's
        about = (ctx.topic[:1].upper() + ctx.topic[1:]) if ctx.topic else about
    for number, item in enumerate(block.items):
        pair = found[number]
        if pair is None or number - 1 in solved or repeated.get(number) == "":
            continue  # not a definition, the solution of the problem before it, or a term
            # asked with the first item that names it
        term, text = pair
        if term in legends:
            continue  # a table's legend saying what one of its columns holds
        if number in joining:
            continue  # "Reading: 130-139/80-89" after "Systolic: 130-139", "Diastolic: 80-89"
        if number in idle:
            continue  # "Complications: Heart attack?" -> "Myocardial infarction": the label is
            # the fact, asked by the list's cloze (enumeration)
        if is_claim_label(term):
            continue  # `**Myth:** …` / `**Fact:** …`: asked as one claim above, or nothing
        text, second = _two_entries(repeated.get(number, text))
        text, siblings = sibling_entries(term, text)
        if is_flag(term) or is_pep_talk(term, text) or is_slogan(term, tips, ctx.language):
            continue  # `- Buzzwords: …`, `**Key**: …`: a flag asks nothing; nor encouragement
        if text.rstrip().endswith("?"):
            continue  # `**QT interval:** normal or prolonged?`: a checklist's prompt, no answer
        field = _form_field(text, form)
        if field is None:
            continue  # `Clubbing: Present / Absent`, `Cranial nerves: No abnormalities`: a
            # form's choice or default, nothing to learn
        asked, numbered = term + field, is_numbering(term)
        if numbered:  # `- Path 2: Mitochondrial route: …`: ask the name the value gives
            named = own_name(text)
            if named is None:
                continue  # `- Step 3: …` with no name of its own: nothing to ask
            asked, text = named
            if ", " in asked:  # `Path 3: Free radicals, ischemia, chemo: leads to …`: no name
                effect = _EFFECT.match(text)
                if effect is None:
                    continue  # causes listed over what they do, said no way to ask alone
                asked = f"{asked} — {effect.group('verb').lower()}"
                text = text[effect.end() :].strip()
        choice = _CHOICE.fullmatch(plain(text).strip())
        if choice is not None:  # `**Apoptosis**: physiologic or pathologic`: asked as a choice
            asked = f"{term} — {choice.group(0).rstrip('.').lower()}"
            text = f"Either: {text.rstrip('.')}"
        rank = ranked(asked) if not numbered else None
        if rank is not None:  # "Metformin (first-line)": the rank is a fact, not a clue
            asked = rank[0]
        front = f"{about}: {asked_label(asked)}?"
        if asks_its_subject(asked, about):  # `- diuretics --- drugs that …` under "Diuretic
            front = _subject_asked(about)  # drugs": what they are, asked once
        if scored is not None:  # "Gait?" -> "0-3" asked a score without saying so
            front = f"{about}: {asked_label(asked)} — {scored[0]}?"
        if translated:
            front = f"{about}: {asked} in English?".removeprefix(": ")
        if spelled:  # `- **D**: high glucose` … `- **A**: acidosis`: "D?" names nothing
            front = f"{about}: criterion {asked}?"
        if not numbered and names_a_study(plain(term)):
            # "Trials: KORR-2 Trial?" names a trial and asks nothing: what did it show?
            front = ask(f"What did the {plain(term).removeprefix('The ')} show", ctx) + "?"
            text = _CITED.sub("", text)  # "… at 3 years [(J Korr, 2019)](https://…)"
        keyed = within + term
        if number in solved:  # the problem asked, its solution the answer
            front = ask(f"{_sentence_case(text).rstrip('.')} — what to do?", ctx)
            keyed = f"{within}{term}: {text}"  # each problem its own note, not one "Problem"
            text = solved[number]
        key = make_key("definition", section.path, keyed, item.pin)
        # a term over the values it takes one of has them in its answer already
        kept, points = _points(() if takes_one_of(item) else item.blocks, term)
        said = explained_answer(text) if numbered else whole_answer(text, term)
        if said and not numbered and said == without_citations(text).strip():
            # kept whole (its first sentence only a predicate) and over two sentences: its
            # labelled sentences (`Causes include …`, `Types include: …`) are asked apart
            rest = without_labelled(text)
            if rest != said and _sentence_count(said) > MAX_WHOLE_SENTENCES:
                said = rest
        if said and not numbered:
            said = as_points(said)
        answer = with_details(said, kept)
        if not points and restates(front, term, answer, answers):
            continue  # "Acid-base balance?" -> "The kidneys help maintain acid-base balance."
        if signs and not points and glosses(term, answer):
            continue  # "Symptoms: Joint pain?" -> "Aches and pains in the joints": the list
            # of signs is asked as a cloze (enumeration), the gloss adds nothing to recall
        if said and rank is not None:
            answer = f"{_sentence_case(rank[1])} — {answer}"
            if _ranks(found).count(rank[1].lower()) == 1:  # two first-line terms: no one answer
                which = make_key("definition", section.path, within + term, item.pin, "rank")
                asks = f"{about}: {rank[1].lower()}?"  # as prose_fact asks a role
                notes.append(
                    ctx.note("definition", "basic", asks, rank[0], which, section, item.line)
                )
        if said:  # else a paragraph too long to show whole and wrong cut short
            notes.append(ctx.note("definition", "basic", front, answer, key, section, item.line))
        if said and not numbered and len(said) < len(text):  # the rest was cut: its
            # labelled sentences (`Causes: …`, `Example: …`) are facts of their own
            for label, told in labelled_sentences(text):
                asked = f"{about}: {term} — {label.lower()}?"
                at = make_key("definition", section.path, f"{within}{term} — {label}", item.pin)
                notes.append(ctx.note("definition", "basic", asked, told, at, section, item.line))
            for what, why in reasons_of(term, text):  # "… is a blind spot as it has no …"
                asked = f"{about}: {term} — why {what}?"
                at = make_key("definition", section.path, f"{within}{term} — why {what}", item.pin)
                notes.append(ctx.note("definition", "basic", asked, why, at, section, item.line))
        notes.extend(point_notes(term, points, section, ctx, about))
        notes.extend(_sibling_notes(about, within, siblings, section, ctx, item.line))
        if second is not None and not (is_flag(second[0]) or is_instruction(second[0])):
            key = make_key("definition", section.path, within + second[0])
            answer = whole_answer(second[1])
            if answer:  # else too long to show whole and wrong cut short, as the first
                notes.append(
                    ctx.note(
                        "definition",
                        "basic",
                        f"{about}: {second[0]}?",
                        answer,
                        key,
                        section,
                        item.line,
                    )
                )
    checked = [] if signs else _signs_checked(found, about, within, section, ctx, block.line)
    return [*notes, *checked]


FormOf = tuple[bool, bool]
"""(examination, template): a list under an examination heading; a list of a form's fields (an
item whose value is a polarity pair, or under an examination heading a choice list or a
content-free default)."""


def _form_of(answers: tuple[str, ...], section: Section) -> FormOf:
    examined = is_examination(section.path)
    template = any(choice_kind(answer) == "polarity" for answer in answers) or (
        examined and any(choice_kind(answer) or is_default_finding(answer) for answer in answers)
    )
    return examined, template


def _form_field(text: str, form: FormOf) -> str | None:
    """What a form's field asks past its label: None for no note (a polarity pair, `Present /
    Absent`, or, in an examination write-up, a content-free default, `No abnormalities`), " —
    recorded as" for a choice list of a form (`Good / Fair / Poor`: what the form offers, not
    what is true), " — normal finding" for an examination write-up's finding (`Pupils: Equal and
    reactive`: the normal one, asked as such), "" for any other value."""
    examined, template = form
    kind = choice_kind(text)
    if kind == "polarity":
        return None
    if kind == "scale" and template:
        return " — recorded as"
    if examined and is_default_finding(text):
        return None
    if examined and template and not kind and _no_figure(text):
        return " — normal finding"
    return ""


def _signs_checked(
    found: list[tuple[str, str] | None],
    about: str,
    within: str,
    section: Section,
    ctx: Context,
    line: int,
) -> list[Note]:
    """A list whose every definition is a polarity pair (`Fluid thrill: Positive / Negative`,
    `Shifting dullness: Normal / Altered`) is a form's checklist of signs: the signs are what to
    learn, one cloze each ("Ascites signs: {{Fluid thrill}}, {{Shifting dullness}}"), never
    their ticks. (Under a heading naming signs, the enumeration rule asks them already.)"""
    pairs = [pair for pair in found if pair is not None]
    if len(pairs) < MIN_CHECKED or any(choice_kind(text) != "polarity" for _, text in pairs):
        return []
    signs = [plain(term).strip().rstrip(":").strip() for term, _ in pairs]
    if any(not sign or "{" in sign or "}" in sign or "::" in sign for sign in signs):
        return []
    shown = "\n".join(f"- {{{{c{number}::{sign}}}}}" for number, sign in enumerate(signs, 1))
    key = make_key("definition", section.path, within + ", ".join(signs), "signs checked")
    return [ctx.note("definition", "cloze", f"{about}:\n\n{shown}", "", key, section, line)]


MIN_CHECKED = 2
"""Fewest signs a form's checklist names to be asked as a list."""


def _no_figure(text: str) -> bool:
    return not any(char.isdigit() for char in plain(text))


def _score_scale(
    lead: Lead | None, answers: tuple[str, ...], language: str
) -> tuple[str, str] | None:
    """(what is scored, the scale's total) of a list whose every value is a bare score range
    (`**Gait:** 0-3`, `0-4 each`) under a label or lead-in: the unit its brackets name
    (`**Items (0-20 points):**` gives "points" and "0-20"), else, in English, "score range"
    and no total. None for any other list, or one of a single item."""
    if len(answers) < MIN_SCORED or not all(_SCORE.fullmatch(plain(a).strip()) for a in answers):
        return None
    bracket = _SCORE_TOTAL.search(lead.text) if lead is not None else None
    if bracket is not None:
        return bracket["unit"], bracket["total"].replace(" ", "")
    return ("score range", "") if language == "en" else None


MIN_SCORED = 2
_SCORE = re.compile(r"[01]\s?[-–]\s?\d{1,3}(?: [^\W\d_]{1,8})?\.?")
"""A bare score range from 0 or 1, a word after it at most (`0-3`, `0-4 cada`); a measure's
normal range (`60 - 100`) starts elsewhere."""
_SCORE_TOTAL = re.compile(r"\((?P<total>\d{1,3}\s?[-–]\s?\d{1,3})\s+(?P<unit>[^\W\d_]{2,12})\)")
"""A label's bracketed total and its unit: `(0-42 points)`, `(0-42 pontos)`."""


def is_term_index(title: str) -> bool:
    """A heading naming a term index (a glossary, "Key vocabulary", "Medical terminology",
    "本节英文术语索引"), its qualifiers naming no subject ("Cardiac terms" names one): a label of
    the page's words, no subject of the terms listed under it."""
    return _TERM_INDEX.fullmatch(heading_text(title).lower().rstrip(":. ")) is not None


_TERM_INDEX = re.compile(
    r"(?:(?:key|basic|important|common|core|essential|useful|new|medical|clinical|english"
    r"|technical|general|main)\s+){0,2}(?:(?:glossary|glossaire|glosario|glossário|glossar"
    r"|vocabulary|vocabulaire|vocabulario|vocabulário|vokabular|terminology|terminologie"
    r"|terminología|terminologia|(?:fach)?begriffe)(?:\s+of\s+terms)?|terms)"
    r"|\S{0,6}(?:术语|術語|用語|词汇|詞彙)(?:表|索引|对照表?|對照表?|一览|一覧|集)?"
)


def _translations(found: list[tuple[str, str] | None]) -> bool:
    """A list of two terms or more, each written in a script other than Latin and glossed in
    Latin letters only (`肾小球 — **glomerulus**`): the glosses are the English names of the
    terms, so each is asked as "X in English?", never "X?" (which asks its meaning)."""
    pairs = [pair for pair in found if pair is not None]
    return (
        len(pairs) >= 2
        and len(pairs) == len(found)
        and all(
            _FOREIGN.search(term) is not None
            and _LATIN.search(term) is None
            and _LATIN_GLOSS.fullmatch(plain(gloss).strip()) is not None
            for term, gloss in pairs
        )
    )


_FOREIGN = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f]")
"""A letter of a script other than Latin (CJK, Cyrillic, Greek, Arabic …)."""
_LATIN = re.compile(r"[A-Za-z]")
_LATIN_GLOSS = re.compile(r"[A-Za-z][A-Za-z0-9 ,.'()/-]*")


def _spelled(found: list[tuple[str, str] | None]) -> bool:
    """Whether every item of the list is labelled with one capital letter (`- **D**: …`,
    `- **K**: …`, `- **A**: …`): each label names a criterion by its letter, not a thing a
    front can ask about alone ("Diagnosis: D?")."""
    letters = [plain(pair[0]).strip() for pair in found if pair is not None]
    if len(letters) < 2 or len(letters) < len(found):
        return False
    return all(len(letter) == 1 and letter.isupper() for letter in letters)


_EFFECT = re.compile(
    r"(?P<verb>(?:lead|leads|result|results)\s+(?:to|in)|causes?|triggers?|activates?|induces?"
    r"|increases?|decreases?|produces?)\s+(?=\S)",
    re.IGNORECASE,
)
"""What things listed as a label do, opening the value (`Free radicals, ischemia: leads to DNA
damage`): the question the list asks ("Free radicals, ischemia — leads to?")."""
_CHOICE = re.compile(r"(?:[a-z][\w-]+)\s+or\s+(?:[a-z][\w-]+)\.?")
"""A value that is only two alternatives (`physiologic or pathologic`): asked bare ("Apoptosis?")
the front does not say what it asks; the alternatives are the question, "either" the answer."""


def sibling_entries(term: str, text: str) -> tuple[str, list[tuple[str, tuple[str, str, str]]]]:
    """A definition's text and the entries of their own that later sentences of it open with:
    another `Label: value` (`- P: atria fire. QRS: ventricles fire. T: recovery.`), or formulas
    (`Mean pressure (MP) ≈ (S + 2D)/3; pulse pressure ≈ S − D`). Each was a fact the student saw
    only as a passenger of the first label's answer, or never (the answer cut at the first
    sentence). Returns (the first label's text up to the first such sentence, [(label, (operator,
    value, formula))]): a label's value is its sentence and those leaning on it ("It …"), a
    formula's its right side. A label naming a part of a named term (`Asthma: … Causes: …`,
    `labelled_sentences`), a flag (`Note: …`) or an instance (`Example: …`) is no entry of its
    own."""
    if ": " not in text and "=" not in text and "≈" not in text:
        return text, []  # cheap: most definitions hold one label
    sentences = _SENTENCE.split(" ".join(text.split()))
    if len(sentences) < 2:
        return text, []
    part_of_term = not is_relational(plain(term))
    found: list[tuple[str, tuple[str, str, str]]] = []
    first = len(sentences)
    leaning = False
    for index, sentence in enumerate(sentences[1:], 1):
        label = _SIBLING.match(sentence)
        formulas = [
            f
            for clause in _CLAUSES.split(sentence.rstrip("."))
            if (f := _FORMULA.match(clause.strip()))
        ]
        if label is not None and _is_sibling(label.group("label"), term, part_of_term):
            found.append((label.group("label").strip(), ("", label.group("told"), "")))
            leaning = True
        elif formulas:
            for formula in formulas:
                name = formula.group("name").strip()
                found.append(
                    (
                        name[:1].upper() + name[1:],
                        (formula.group("op"), "", formula.group("value").strip()),
                    )
                )
            leaning = False
        elif leaning and (plain(sentence).split() or [""])[0].lower() in _LEANING:
            label_, (op, told, value) = found[-1]
            found[-1] = (label_, (op, f"{told} {sentence}", value))
            continue
        else:
            leaning = False
            continue
        first = min(first, index)
    if not found:
        return text, []
    return " ".join(sentences[:first]), found


_SIBLING = re.compile(r"^(?P<label>[A-Z0-9][\w/’'()-]*(?:\s[\w/’'()-]+){0,3}):\s+(?P<told>\S.*)$")
_CLAUSES = re.compile(r";\s+")
_FORMULA = re.compile(
    r"^(?P<name>[A-Za-z][A-Za-z ’'-]{2,40}?(?:\s\([A-Z][A-Za-z0-9]{1,6}\))?)\s+(?P<op>[=≈])\s+"
    r"(?P<value>(?=[^=≈]{1,40}$)[^=≈]*[\d+−×·/*(][^=≈]*)$"
)
"""A formula named in words (`Mean pressure (MP) ≈ (S + 2D)/3`), not in symbols (`ΔP = Q·R`)."""


def _sibling_notes(
    about: str,
    within: str,
    siblings: list[tuple[str, tuple[str, str, str]]],
    section: Section,
    ctx: Context,
    line: int,
) -> list[Note]:
    """A note for each entry `sibling_entries` found: "ECG: QRS?", "Haemodynamics: Mean
    pressure (MP) ≈ ?"."""
    notes = []
    for label, (operator, told, value) in siblings:
        key = make_key("definition", section.path, within + label)
        asked = f"{about}: {label} {operator} ?" if operator else f"{about}: {label}?"
        answer = value if operator else whole_answer(told)
        if answer:
            notes.append(ctx.note("definition", "basic", asked, answer, key, section, line))
    return notes


_DISCOURSE = frozenset(
    """result results outcome effect reason why goal aim purpose meaning conclusion so then
    therefore thus hence mnemonic trick clue think question q a answer maintenance loading
    initial induction starting max maximum usual""".split()
)
"""Labels that carry a term's text on (`Result: less pain`), never an entry beside it."""
_CODE_SYSTEM = re.compile(r"^(?:ICD|CPT|SNOMED|ATC|LOINC|MeSH)\b|\bcodes?$", re.IGNORECASE)


def _is_sibling(label: str, term: str, part_of_term: bool) -> bool:
    """A sentence's label is an entry beside the term's, written as the term is (`P` and `QRS`,
    `Systole` and `Diastole`, two relations: `Dose` and `Route`), not a part of it (`Causes`,
    `Types include`, `Maintenance` after `tachyarrhythmias`), a flag or an instance."""
    if is_flag(label) or plain(label).lower() in _INSTANCES or len(label.split()) > MAX_LABEL_WORDS:
        return False
    if _CODE_SYSTEM.match(label) is not None:
        return False  # `ICD-10: S15.0`: the term's code, a part of it
    named = plain(label).lower().split()
    if named[0] in _INSTRUCTION_VERBS or named[0] in _DISCOURSE or named[-1] in _LEADING_VERBS:
        return False  # `Avoid: …`, `Result: …`, `Types include: …`: the term's text goes on
    if _label_shape(label) != _label_shape(term):
        return False  # `tachyarrhythmias: … Maintenance: …`: a part of the term's text
    return not (part_of_term and is_relational(label))


_LEADING_VERBS = frozenset("include includes including are is were was involve involves".split())


def _label_shape(label: str) -> tuple[bool, bool, int]:
    """How a label is written: in capitals or symbols (`QRS`, `T`, `S1`), opening with a
    capital, and its number of words."""
    text = without_asides(plain(label)).strip() or plain(label)
    return (not any(char.islower() for char in text), text[:1].isupper(), len(text.split()))


def _two_entries(text: str) -> tuple[str, tuple[str, str] | None]:
    """A definition's text and the second entry of a glossary line that holds two (`**ESBL**
    — a β-lactamase. **AmpC** — a cephalosporinase.`): (the first's text, (term, text)); the
    second run into the first's answer was a term and its meaning the student never saw
    asked."""
    if "**" not in text and "__" not in text:
        return text, None
    found = _SECOND_ENTRY.search(text)
    if found is None:
        return text, None
    second = _definition(text[found.end() :].strip())
    if second is None or second[1].count("**") or not text[: found.start()].strip():
        return text, None
    return text[: found.start()].strip(), second


def _before_bold_statement(value: str) -> str:
    """A label's value up to a statement of the author's own in bold after it (`**Drip** =
    fluids, oxygen. **Never give X before Y** (…).`): that is the paragraph's next point, the
    statements rule's card, not the label's answer."""
    if "**" not in value and "__" not in value:
        return value
    found = _NEXT_BOLD.search(value)
    if found is None or len(found.group("said").split()) < MIN_BOLD_STATEMENT_WORDS:
        return value
    return value[: found.start()].strip()


_NEXT_BOLD = re.compile(r"(?<=[.!?])\s+(?=(\*\*|__)(?P<said>[^*_\s][^*_\n]*?[^*_\s:])\1(?!\s*:))")

_SECOND_ENTRY = re.compile(r"(?<=[.;])\s+(?=(\*\*|__)[^*_\n]{1,60}?(\*\*|__)\s*(?:[:—–]|-\s))")


def _repeated_terms(
    block: ListBlock, found: list[tuple[str, str] | None], solved: dict[int, str]
) -> dict[int, str]:
    """Items that define a term an item before them defines too (`- **¼ plate:** protein` /
    `- **¼ plate:** starch`), each term asked once: its first item's index with every answer as
    a list, and the later items' with "". Two notes with one front and different answers would
    each be half the answer. Items with points of their own, problems and solutions stay apart."""
    groups: dict[str, list[tuple[int, str]]] = {}
    for number, pair in enumerate(found):
        if pair is None or block.items[number].blocks or {number, number - 1} & solved.keys():
            continue
        if is_claim_label(pair[0]):
            continue
        groups.setdefault(plain(pair[0]).lower(), []).append((number, pair[1]))
    merged: dict[int, str] = {}
    for group in groups.values():
        if len(group) > 1:
            merged[group[0][0]] = "\n".join(f"- {text}" for _, text in group)
            merged.update(dict.fromkeys((number for number, _ in group[1:]), ""))
    return merged


def restates(front: str, term: str, answer: str, answers: tuple[str, ...] = ()) -> bool:
    """An answer that only says its term again: every word of the term in it, and no word
    besides those of the front (the term, its heading, the topic), those most of its list's
    answers share (their common subject: "Thyroid hormones …", "… your blood") and a few filler
    words ("help", "maintain", "essential", "role"); no figure and no negation. "Functions in
    kidney: Acid-base balance?" -> "The kidneys help maintain the proper acid-base balance in
    your blood." teaches nothing; "Water balance?" -> "The gland keeps water balance by
    sweating" and "Soft tissue?" -> "No soft tissue detail" do."""
    lowered = answer.lower()
    for word in term.lower().split():
        word = word.strip(_PUNCTUATION)
        if len(word) > 2 and word not in _RESTATE_STOP and word[:4] not in lowered:
            return False  # a word of the term missing: cheaper to see than to read every word
    if _DIGIT.search(answer):
        return False
    said = words(unaccented(answer))  # "Hábito alimentar": whole words, not "h", "bito"
    if _NEGATION & set(said):
        return False
    named = _roots(words(unaccented(term)))
    found = _roots(said)
    if not named or not named <= found:
        return False
    new = found - named - _roots(words(unaccented(front))) - _FILLER_ROOTS - _GENERIC_ROOTS
    return not new or not new - _shared_roots(answers)


_GENERIC = """habit habits pattern patterns type types kind kinds habito habitos padrao padroes
    tipo tipos costume costumes patron patrones habitude habitudes"""
"""Nouns that say only what sort of thing the label is ("Diet?" -> "Eating habit", "Alimentação?"
-> "Hábito alimentar"): an answer adding nothing else to its label restates it."""


_SIGNS = re.compile(r"\b(?:signs?|symptoms?|red\s+flags?)\b", re.IGNORECASE)
"""A heading or lead-in naming the signs a list gives ("Warning signs", "Red flags")."""


def names_signs(lead: Lead | None, section: Section) -> bool:
    """The list's lead-in, or else its heading, names signs or symptoms."""
    said = lead.text if lead is not None else section.title
    return _SIGNS.search(plain(said)) is not None


_RELATION = re.compile(
    r"^(?:(?:the|main|common|major|possible|long-term)\s+)*"
    r"(?:complications?|causes?|risk\s+factors?|consequences?"
    r"|complica[çc][õo]es|complicaciones|complicanze|komplikationen|causas|cause|ursachen"
    r"|fatores\s+de\s+risco|factores\s+de\s+riesgo|facteurs\s+de\s+risque"
    r"|fattori\s+di\s+rischio|risikofaktoren|conseq[uü][êe]ncias|consecuencias|conséquences)\b",
    re.IGNORECASE,
)
"""A heading opening with a relation of its subject to the things its list names
("Complications of untreated korrin fever", "Causas de …", "Risk factors"), in the languages
the builder localises: each `**Term**: gloss` item is a member, and being one is the fact."""


def names_relation(lead: Lead | None, section: Section) -> bool:
    """The list's label, or else its heading, opens with a relation (`_RELATION`); a lead-in
    sentence under such a heading leaves it the heading's."""
    said = lead.text if lead is not None and lead.kind in ("label", "name") else section.title
    return _RELATION.match(heading_text(said) or plain(said)) is not None


MAX_GLOSS_WORDS = 8


def glosses(term: str, answer: str) -> bool:
    """A sign's answer that only glosses it: every word of the sign's name again, or its
    everyday paraphrase (`_PARAPHRASES`: "Tiredness?" -> "Worn out, low on energy"), in at most
    MAX_GLOSS_WORDS words, with no figure (nor a number in words) and no negation ("Dry skin?"
    -> "The skin becomes dry and rough"); a bracketed other name of the sign ("Big spleen
    (splenomegaly)") need not be said. A list of signs is asked as a cloze of their names, so
    such a card asks nothing more; a gloss in other words ("Alogia?" -> "Poverty of speech") or
    one that names only part of the sign ("Disordered speech?" -> "Speech without logic or
    order") is a definition."""
    if len(words(answer)) > MAX_GLOSS_WORDS or _DIGIT.search(answer):
        return False
    said = words(answer)
    if (_NEGATION | _NUMBER_WORDS) & set(said):
        return False  # "Tired for over two weeks": how long is a fact of its own
    name = plain(term)
    named = _roots(words(_ALIAS.sub("", name))) or _roots(words(name))
    meant = {_PARAPHRASE_OF.get(root, root) for root in _roots(said)}
    return bool(named) and all(_PARAPHRASE_OF.get(root, root) in meant for root in named)


_CATEGORY = re.compile(
    r"\b(?:risk\s+factors?|complications?|prevention|benefits?|advantages?|causes?"
    r"|lifestyle\s+(?:changes?|modifications?|measures?)|how\s+(?:it|they)\s+works?"
    r"|mechanisms?\s+of\s+action)\b",
    re.IGNORECASE,
)
"""A heading or lead-in naming the kind of thing its list's labels are ("Risk factors",
"Complications", "Prevention", "Benefits", "Causes", "How it works"): each label is a member,
and being one is the fact."""
MAX_IDLE_WORDS = 4
MIN_MEMBERS = 3
_CIRCUMSTANCE = frozenset(
    "when if in with unless during after before while until once at on by".split()
)


def idle_glosses(block: ListBlock, lead: Lead | None, section: Section) -> frozenset[int]:
    """The items of a `**Label**: gloss` list under a heading or lead-in naming a category
    (`_CATEGORY`) whose gloss only restates the label (`_idle`): "Heart attack?" -> "Myocardial
    infarction", "No smoking?" -> "Avoid tobacco", "Taking pills on time?" -> "Take as
    prescribed". Such a card asks what the front already says (that it is a risk, a
    complication, a measure); the labels are asked as one cloze of the list instead
    (enumeration's `_members_note`). Only when every item is a short label (or a flag, left
    out), three at least; a gloss adding a figure, a name, a list, a condition or what the
    thing does ("Obesity?" -> "BMI 30 or more") stays a definition."""
    said = lead.text if lead is not None else section.title
    if names_signs(lead, section):
        return frozenset()  # a sign's gloss is `glosses`' and the signs' cloze's
    category = _CATEGORY.search(plain(said)) is not None
    found = [definition(item) for item in block.items]
    restated = [pair is not None and restating(*pair, said) for pair in found]
    if not category and not any(restated):
        return frozenset()  # most lists restate nothing
    members = [i for i, pair in enumerate(found) if pair is not None and not is_flag(pair[0])]
    if len(members) < MIN_MEMBERS or len(members) + sum(
        1 for pair in found if pair is not None and is_flag(pair[0])
    ) < len(found):
        return frozenset()  # a list mixing labels and plain items is no catalogue of members
    for index in members:
        label = plain(found[index][0]).strip().rstrip(":").strip()  # type: ignore[index]
        if not 0 < len(label.split()) <= MAX_IDLE_LABEL_WORDS or _DIGIT.search(label):
            return frozenset()
        facet = len(label.split()) <= MAX_FACET_LABEL_WORDS and is_relational(label)
        if len(label) < 3 or facet or _CATEGORY.fullmatch(label):
            return frozenset()  # a mnemonic's letter or a facet (`**Causes**: …`), no member
    return frozenset(
        index
        for index in members
        if not block.items[index].blocks
        and (restated[index] or (category and _idle(*found[index])))  # type: ignore[misc]
    )


@lru_cache(maxsize=TEXT_CACHE)
def restating(term: str, text: str, about: str = "") -> bool:
    """A gloss that says its label again, under any heading: one clause of its first sentence
    (up to a comma, semicolon, colon, bracket or sentence end) holds every content word of the
    label, by its
    root or its everyday paraphrase ("Raises tear flow?" -> "It increases the flow of tears,
    mostly at night"; sensitive / sensitivity, decrease / decreases meet), with fewer other
    words than the label has (two at most; hedges such as "may", "often", "slightly" and the
    words of `about`, the front's heading, do not count), no figure and no negation; or the
    label's abbreviation may be said in full ("Lowers LDL?" -> "It lowers low-density
    lipoprotein"; not a label that is only abbreviations: "TBW?" -> "Total body weight" says
    what it stands for). Such a Basic note asks what its front already says; the labels are
    asked together, as a cloze of the list or in the answer of the term they fall under."""
    if _DIGIT.search(text) or _DIGIT.search(term):
        return False
    name = _ALIAS.sub("", plain(term)).strip().rstrip(":").strip()
    said = plain(text).strip()
    if not _may_restate(name, said.lower()):
        return False
    short = re.findall(r"\b[A-Z]{2,6}\b", name)
    named = _meanings(words(name)) - _FILLER_ROOTS - _HEDGE_ROOTS
    if len(named) < MIN_RESTATED_WORDS or len(short) >= len(named):
        return False  # "TBW?" -> "Total body weight": what it stands for is the fact
    allowed = min(len(named) - 1, MAX_RESTATING_NEW)
    own = named | _meanings(words(about)) | _FILLER_ROOTS | _HEDGE_ROOTS
    first = split_sentences(said)
    for clause in _GLOSS_CLAUSE.split(first[0] if first else said):
        found = words(clause)
        if _NEGATION & set(found):
            continue
        meant = _meanings(_spelled_out(short, found) if short else found)
        if named <= meant and len(meant - own) <= allowed:
            return True
    return False


def _may_restate(name: str, lowered: str) -> bool:
    """Cheap first look: every word of the label a paraphrase cannot stand for (nor an
    abbreviation, which may be spelled out) shows its first four letters in the gloss."""
    for word in name.split():
        word = word.strip(_PUNCTUATION)
        if len(word) < 3 or word.isupper() or word.lower() in _RESTATE_STOP:
            continue
        if word.lower()[:4] not in lowered and _root(word.lower()) not in _PARAPHRASE_OF:
            return False
    return True


def _spelled_out(short: list[str], found: list[str]) -> list[str]:
    """The clause's words with each of the label's abbreviations (`LDL`) that it spells out in a
    row ("low density lipoprotein") put back as the abbreviation, so that it counts as said."""
    for abbreviation in short:
        kept = [i for i, word in enumerate(found) if word not in _INITIAL_SKIP]
        initials = "".join(found[i][0] for i in kept)
        at = initials.find(abbreviation.lower())
        if at >= 0:
            start, end = kept[at], kept[at + len(abbreviation) - 1]
            found = [*found[:start], abbreviation.lower(), *found[end + 1 :]]
    return found


def _meanings(found: list[str]) -> set[str]:
    """Each word's root, or its paraphrase group's first word (`_PARAPHRASES`)."""
    return {_PARAPHRASE_OF.get(root, root) for root in _roots(found)}


MAX_IDLE_LABEL_WORDS = 6
MAX_FACET_LABEL_WORDS = 2
"""A facet is named in two words at most (`Clinical features`); a longer label ending in one of
its words is a member (`Possible heart benefits`)."""


def _idle(term: str, text: str) -> bool:
    """A member's gloss that adds nothing to its label: one sentence with no figure, no
    negation and no "how often" that says the label again (`glosses`, or its first clause does:
    "Salt deficiency?" -> "Lack of salt, a mineral the nerves need"), or says in four words at
    most no name (a capitalised word inside; an acronym is none), no list, no condition ("When
    used alone"), no one thing picked out ("the right mattress") and not what the thing does
    ("Damages vessels")."""
    said = plain(text).strip()
    if _DIGIT.search(said) or len(split_sentences(said)) > 1:
        return False
    found = words(said)
    if (_NEGATION | _NUMBER_WORDS) & set(found):
        return False
    if glosses(term, said):
        return True
    first = re.split(r"[,;:(]", said, maxsplit=1)[0]
    if len(words(plain(term))) >= 2 and first != said and glosses(term, first):
        return True
    shown = said.rstrip(".!").split()
    if not 0 < len(shown) <= MAX_IDLE_WORDS or re.search(r"[,;/]", said):
        return False
    if shown[0].lower() in _CIRCUMSTANCE or _does(shown[0]):
        return False
    if shown[0].lower() in ("the", "a", "an"):
        return False  # "Surface?" -> "the right mattress": one thing picked out
    names = [word for word in shown[1:] if word[:1].isupper() and word[1:2].islower()]
    return not names or len(names) == len(shown) - 1  # "… in Asian women": a name; a
    # gloss in title case names nothing by its capitals


def _does(word: str) -> bool:
    """A gloss's first word telling what the thing does ("Damages", "Lowers"): a verb in -s."""
    lowered = word.lower()
    return len(lowered) > 4 and lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


SHARED_MIN_ANSWERS = 3


@lru_cache(maxsize=1 << 8)
def _shared_roots(answers: tuple[str, ...]) -> frozenset[str]:
    """The words (as `_roots`) that at least half of a list's answers use, in a list of
    SHARED_MIN_ANSWERS or more (`answers`, the list's definitions): the subject every item is
    about."""
    if len(answers) < SHARED_MIN_ANSWERS:
        return frozenset()
    counts: dict[str, int] = {}
    for answer in answers:
        for root in _roots(words(answer)):
            counts[root] = counts.get(root, 0) + 1
    return frozenset(root for root, count in counts.items() if 2 * count >= len(answers))


_PUNCTUATION = "*_()[]{}.,;:!?'\"`"
_DIGIT = re.compile(r"\d")
_NEGATION = frozenset("no not never without cannot none nor".split())
_RESTATE_STOP = frozenset(
    """a an and are as at be by for from in into is it its of on or the to with how what why
    when which who can may this that these those their there they them your you our we also
    well than then so such all any each both more most much very""".split()
)
_FILLER = """help helps helping maintain maintains maintaining proper properly essential important
    crucial vital key role roles play plays playing influence influences influencing affect
    affects many various several bodily body overall health healthy normal keep keeps ensure
    ensures involved responsible function functions functioning work works process processes"""


@lru_cache(maxsize=TEXT_CACHE)
def _root(word: str) -> str:
    """A word cut to its first six letters after a common ending, so that "detoxify" and
    "detoxification" meet."""
    for suffix in ("ations", "ation", "ing", "ies", "es", "s", "ed", "y", "e"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:6]


def _roots(found: list[str]) -> set[str]:
    return {_root(word) for word in found if len(word) > 2 and word not in _RESTATE_STOP}


_FILLER_ROOTS = frozenset(_roots(_FILLER.split()))
_GENERIC_ROOTS = frozenset(_roots(_GENERIC.split()))


_NUMBER_WORDS = frozenset(
    """one two three four five six seven eight nine ten twelve twice dozen hundred hourly daily
    weekly monthly yearly annual annually often every""".split()
)
_ALIAS = re.compile(r"\s*\([^()]*\)")
"""A bracketed other name after a sign's name: "Enlarged spleen (splenomegaly)"."""
_PARAPHRASES = (
    "tired tiredness fatigue fatigued exhausted exhaustion lethargy lethargic weary energy",
    "slow slowed slowing slowness delayed delay sluggish",
    "enlarged enlargement swelling swollen bigger",
    "weak weakness feeble",
    "pain painful ache aches aching sore soreness hurts",
    "cold chilly chills",
    "sensitivity sensitive intolerance intolerant feeling feel feels",
    "constipation bowel bowels stool stools",
    "breathless breathlessness breath breathing",
    "dizzy dizziness lightheaded giddy",
    "itch itching itchy",
    "sleepy sleepiness drowsy drowsiness",
    "confusion confused muddled disoriented",
    "deficiency deficient lack lacking shortage inadequate insufficient",
    "increase increases increased increasing improve improves improved raise raises boost boosts",
    "decrease decreases decreased decreasing reduce reduces reduced lower lowers lowered",
)
"""Everyday words for one symptom or state, each group said of one another ("Fatigue?" ->
"Tired all the time"): a small general table of plain-language paraphrases, never a
term and its medical name ("Polydipsia?" -> "Great thirst" teaches the word)."""
_PARAPHRASE_OF = {_root(word): group.split()[0] for group in _PARAPHRASES for word in group.split()}

MAX_RESTATING_NEW = 2
MIN_RESTATED_WORDS = 2
"""A one-word label said again ("Favorability?" -> "Favorable (…) vs. unfavorable (…)") may
open the answer's choice; two words or more said again are the label restated."""
_GLOSS_CLAUSE = re.compile(r"[,;:()]|(?<=[.!?])\s")
_HEDGES = """may might could can often usually generally typically sometimes slightly also
    potentially possibly likely some certain lead leads leading amount degree really"""
_HEDGE_ROOTS = frozenset(_roots(_HEDGES.split()))
_INITIAL_SKIP = frozenset("of and the to in for with on a an".split())


_PROBLEMS = frozenset("problem issue situation scenario case".split())
_SOLUTIONS = frozenset("solution answer action management response fix".split())


def _solutions(found: list[tuple[str, str] | None]) -> dict[int, str]:
    """Each problem item's index with its solution's text (`**Problem**: …` then
    `**Solution**: …`)."""
    pairs = {}
    for number in range(len(found) - 1):
        problem, solution = found[number], found[number + 1]
        if problem is None or solution is None:
            continue
        if plain(problem[0]).lower() in _PROBLEMS and plain(solution[0]).lower() in _SOLUTIONS:
            pairs[number] = solution[1]
    return pairs


_MYTH_LABELS = {
    "myth": True,
    "misconception": True,
    "false belief": True,
    "fact": False,
    "truth": False,
    "reality": False,
    "the truth": False,
    "the fact": False,
}
"""Labels of a claim a page debunks (True) and of the correction that follows it (False)."""


def is_claim_label(term: str) -> bool:
    """A label that sets a claim against its correction (`**Myth:**`, `**Fact:**`): the same on
    every item of its list, it names nothing, and the myth read alone is false."""
    return plain(term).strip().rstrip(":").strip().lower() in _MYTH_LABELS


def _myths(block: ListBlock, found: list[tuple[str, str] | None]) -> list[tuple[str, str, int]]:
    """Each myth of a list with its correction: `- **Myth:** A` with `**Fact:** B` on a line of
    its own under it, or in the next item."""
    myths = []
    for number, pair in enumerate(found):
        if pair is None or not _MYTH_LABELS.get(plain(pair[0]).strip().lower(), False):
            continue
        item = block.items[number]
        inner = [b.text.strip() for b in item.blocks if isinstance(b, Paragraph)]
        told = _LABEL_LINE.match(inner[0].splitlines()[0]) if inner else None
        fact = ""
        if (
            told is not None
            and _MYTH_LABELS.get(plain(told.group("a") or told.group("b")).strip().lower()) is False
        ):
            fact = " ".join([told.group("value"), *inner[0].splitlines()[1:]])
        elif number + 1 < len(found):
            after = found[number + 1]
            if after is not None and _MYTH_LABELS.get(plain(after[0]).strip().lower()) is False:
                fact = after[1]
        if fact:
            myths.append((pair[1], fact, item.line))
    return myths


def _myth_note(
    claim: str, fact: str, about: str, section: Section, ctx: Context, line: int
) -> Note:
    """A myth and its correction as one note: "Kettles — true or false: scale makes the water
    unsafe?" -> "False: scale is harmless chalk …" ("Myth?" -> the myth taught it as an
    answer)."""
    said = plain(claim).strip().strip("“”\"'‘’ ").rstrip(".!").strip()
    front = f"{about} — true or false: {lower_first(said)}?"
    key = make_key("definition", section.path, f"myth: {said}")
    return ctx.note("definition", "basic", front, f"False: {fact.strip()}", key, section, line)


def _sentence_case(text: str) -> str:
    text = plain(text).strip()
    return text[:1].upper() + text[1:]


_STUDY = re.compile(r"^[^:?]{1,60}\b(?:trial|study|meta-analysis)$", re.IGNORECASE)
"""A term that names one study (`**KORR-2 Trial**`, `**The Velbar Study**`): what is known of it
is its finding."""
_DESIGN_WORDS = frozenset(
    """
    a an the cohort case control case-control cross-sectional randomised randomized controlled
    clinical observational pilot feasibility crossover cross-over double-blind single-blind blind
    blinded placebo placebo-controlled prospective retrospective longitudinal ecological
    experimental interventional non-randomised non-randomized open-label phase i ii iii iv
    systematic review diagnostic accuracy qualitative quantitative mixed-methods nested matched
    population-based community-based multicentre multicenter large small
    """.split()
)
"""Words that name a kind of study ("Cohort study", "Randomised controlled trial"), not one."""


def names_a_study(term: str) -> bool:
    """Whether a term names one study or trial (`KORR-2 Trial`, `The Velbar Study`, `ISIS
    trial`), whose finding is what a student learns; not a kind of study ("Cohort study",
    "Case-control study", "Randomised controlled trial"), which a definition explains."""
    if _STUDY.search(term) is None:
        return False
    words = [word for word in term.split()[:-1] if word.lower().strip("(),") not in _DESIGN_WORDS]
    return any(any(c.isdigit() for c in word) or word[:1].isupper() for word in words)


_CITED = re.compile(r"\s*\[\(?[^\]\n]{0,40}\b(?:19|20)\d\d\)?\]\([^)\s]+\)\W*$")
"""A study's finding's closing link to where it was published (`[(J Korr, 2019)](https://…)`):
a reference, not part of the finding."""


def asks_its_subject(term: str, about: str) -> bool:
    """Whether a defined term is the subject its front already names, whole or with only a
    word naming the class of drugs around it (`diuretici` under "Farmaci diuretici",
    `ACE-inibitori` under "ACE-inibitori"): asked "Farmaci diuretici: diuretici?", the front
    repeats itself."""
    label = plain(asked_label(term)).lower().strip(" :")
    subject = plain(about).split(" in ", 1)[0].lower().strip(" :")
    if not label or not subject or "?" in subject:
        return False
    if label == subject:
        return True
    named = [word for word in subject.split() if word not in _CLASS_WORDS]
    return len(named) < len(subject.split()) and " ".join(named) == label


_CLASS_WORDS = frozenset(
    "drugs drug medications medicines agents farmaci farmaco fármacos fármaco farmacos "
    "medicamentos médicaments medicamenti medikamente arzneimittel".split()
)
"""Words naming a class of drugs around its kind ("Farmaci diuretici", "Gizmo drugs"): the
kind is the class; any other word beside a term ("Korrin Fever" over `Fever`) names a thing
the term is a part of."""


def _subject_asked(about: str) -> str:
    """The front of a term's definition when the term is its front's subject: the subject
    alone ("Gizmo blockers?", "ACE-inibitori in …?"), its note the subject's definition, in
    any language (a page in one the builder has no words of reads as English)."""
    return f"{about}?"


def ask(question: str, ctx: Context) -> str:
    """A question written out in full, with the topic added in brackets unless it names it."""
    return question if ctx.situate(question) == question else f"{question} ({ctx.topic})"


def _label_notes(block: Paragraph, section: Section, ctx: Context) -> list[Note]:
    """`**Label:** value` lines of a paragraph: each defines the section's subject."""
    if not block.text.lstrip().startswith(("**", "__")):
        return []
    raw = block.text.strip().splitlines()
    lines = [line.strip().rstrip("\\").strip() for line in raw]
    found = [_LABEL_LINE.match(line) for line in lines]
    if found[0] is None:
        return []
    # Each label with its value, and the lines after it that are no label: its value wrapped,
    # or after a hard line break (two spaces or a backslash) a line of its own.
    pairs: list[tuple[re.Match[str], list[str], int]] = []
    for offset, (text, found_label) in enumerate(zip(lines, found, strict=True)):
        if found_label is not None:
            pairs.append((found_label, [found_label.group("value")], offset))
        elif not text:
            continue
        elif _HARD_BREAK.search(raw[offset - 1]):
            pairs[-1][1].append(text)
        else:
            pairs[-1][1][-1] += f" {text}"
    notes = []
    for number, (match, parts, offset) in enumerate(pairs):
        label = without_step_label(plain(match.group("a") or match.group("b")).strip())
        if is_claim_label(label):  # `**Myth:** A` over `**Fact:** B`: one claim, or nothing
            after = pairs[number + 1] if number + 1 < len(pairs) else None
            verdict = plain(after[0].group("a") or after[0].group("b")) if after else ""
            if _MYTH_LABELS.get(label.lower()) and _MYTH_LABELS.get(verdict.lower()) is False:
                claim, fact = " ".join(parts), " ".join(after[1] if after else [])
                about = ctx.heading(section)
                notes.append(_myth_note(claim, fact, about, section, ctx, block.line + offset))
            continue
        value, facets = _facets(parts)
        line = block.line + offset
        value = _before_bold_statement(value)
        value, siblings = sibling_entries(label, value)
        notes.extend(_label_note(label, value, section, ctx, line))
        notes.extend(_sibling_notes(ctx.heading(section), "", siblings, section, ctx, line))
        if facets and _is_label(label):
            notes.extend(_facet_notes(label, facets, section, ctx, line))
    return notes


_IMAGE_LINE = re.compile(r"^(?:!\[[^\]]*\]\([^()]*\)|!\[\[[^\]]*\]\]|\s)+$")
_CAPTION_LABEL = re.compile(
    r"^(?P<label>[A-Z][^:.!?\n]{1,80}?):\s+(?P<value>[^\s:]\S*(?:\s+\S+)*)$"
)
_FIGURE_LABEL = re.compile(
    r"^(?:fig(?:ure)?|image|img|photo|picture|diagram|table|source|credit|caption)\b", re.I
)
MAX_CAPTION_WORDS = 30


def _captioned_label(block: Paragraph, section: Section, ctx: Context) -> list[Note]:
    """A picture over its caption line, the caption a `Label: value` fact (`![](knee.png)` /
    `KORR (Knee Outer Rotation) test: pain at the front means …`): "Examination: KORR (…)
    test?" -> the value. Under a section other rules card already (a list above it), no rule read
    the line. Not a figure's number or credit (`Figure 2: …`, `Source: …`), a flag, a lead-in or
    a paragraph of sentences."""
    lines = [line.strip() for line in block.text.strip().splitlines() if line.strip()]
    if len(lines) != 2 or _IMAGE_LINE.match(lines[0]) is None:
        return []
    found = _CAPTION_LABEL.match(lines[1].rstrip("\\").strip())
    if found is None:
        return []
    label, value = plain(found.group("label")).strip(), found.group("value").strip()
    if is_flag(label) or _FIGURE_LABEL.match(label) or not _is_label(without_asides(label)):
        return []
    count = len(plain(value).split())
    if value.endswith((":", "?")) or count > MAX_CAPTION_WORDS or _SENTENCE.search(value):
        return []
    key = make_key("definition", section.path, label)
    front = f"{ctx.heading(section)}: {label}?"
    return [ctx.note("definition", "basic", front, value, key, section, block.line + 1)]


def _label_note(label: str, value: str, section: Section, ctx: Context, line: int) -> list[Note]:
    """`**Label:** value` as a note of the section's subject, when it states a fact."""
    if not _is_label(label):
        return []
    restated = _restated(label, value)
    if restated:  # "**COPD**: COPD is an umbrella term … . It is …": the definition is its
        value = short_answer(restated)  # first sentence, its term said once, on the front
    if len(plain(value).split()) > MAX_VALUE_WORDS:
        return []
    if is_worked_example(value) or not any(char.isalnum() for char in value):
        return []  # `**Signature:** ________` is a form to fill in
    if value.rstrip().endswith(":"):
        return []  # `**CT with contrast:** Indicated for:` leads into a list
    if is_pep_talk(label, value) or is_slogan(label, language=ctx.language):
        return []  # `**Goal:** everyone can do it!`: words to the reader, no fact
    key = make_key("definition", section.path, label)
    front = f"{ctx.heading(section)}: {asked_label(label)}?"
    answer = whole_answer(value)
    return [ctx.note("definition", "basic", front, answer, key, section, line)] if answer else []


def _restated(label: str, value: str) -> str:
    """A value of two sentences or more that opens by restating its label as the subject of
    "is", "are", "refers to" or "means" ("**Bed rest**: Bed rest is time spent lying down. It
    helps …"): the value after those words; "" for any other."""
    said = plain(value).strip()
    term = plain(label).strip().rstrip(":")
    found = _RESTATED.match(said[len(term) :]) if said.lower().startswith(term.lower()) else None
    if found is None or not term:
        return ""
    rest = said[len(term) + found.end() :].strip()
    return rest if _SENTENCE.search(rest) else ""


_RESTATED = re.compile(r"^\s+(?:is|are|refers to|means)\s+(?=\w)")


_HARD_BREAK = re.compile(r"(?: {2,}|\\)$")
_FACET_LINE = re.compile(
    r"^(?P<facet>[A-Z][a-z][\w-]*(?:\s[a-z][\w-]*)?)(?:\s*:\s+(?P<said>\S.*)|"
    r"\s+(?P<value>(?:[<>≤≥~±]\s*)?\d.*|(?:no|none|not)\b.*))$"
)
"""A hard-broken line naming a property and its value (`Onset 5-15 min`, `Peak: 1 h`, `Peak
none`)."""
_TRAILING_FACET = re.compile(
    r"^(?P<head>.*?\S)\s+(?P<facet>[A-Z][a-z]+)\s+(?P<value>\d\S*(?:\s+\S+){0,2})$"
)
"""A property run into the end of the first line (`lispro, aspart Onset 5-15 minutes`), as
the conversion from a web page that broke the lines after it left it."""
_RUN_ON = re.compile(r"\)\s+(?=[A-Z])")
MIN_FACETS = 2
MAX_FACET_WORDS = 10
"""A property's value is short: a longer line ran on into other text."""


def _facets(parts: list[str]) -> tuple[str, list[tuple[str, str]]]:
    """A label's value and the properties its hard-broken lines give (`**Fast-acting**: Korrin,
    Velbar␣␣` / `Onset 5 min␣␣` / `Peak 1 h␣␣` / `Duration 4 h`): ("Korrin, Velbar", [("Onset",
    "5 min"), …]), each property asked of the label, and the lines flattened into one run-on
    answer no longer. A line with no property name goes on the one above it (`1 h (second
    drug)`), or ends the properties when that would make it longer than MAX_FACET_WORDS (the
    block ran on into other text: what follows the closing bracket is not its value). Lines that
    are no properties are points of the value. Fewer than MIN_FACETS properties: none, the
    lines read as points."""
    first, rest = parts[0], parts[1:]
    if not rest:
        return first, []
    facets: list[tuple[str, str]] = []
    points: list[str] = []
    trailing = _TRAILING_FACET.match(first)
    lead = [(trailing.group("facet"), trailing.group("value"))] if trailing is not None else []
    for text in rest:
        found = _FACET_LINE.match(text)
        if found is not None and not facets and not points and lead:
            facets.extend(lead)
        if found is not None:
            facets.append((found.group("facet"), ""))
            text = found.group("said") or found.group("value")
        if facets and (found is not None or text[:1].isdigit()):
            said = facets[-1][1]
            # a line of its own is a value of its own: "6-23 h (first drug); 24 h (second)"
            apart = "; " if found is None and said and not said.endswith((",", ";")) else " "
            joined = f"{said}{apart}{text}".strip()
            if len(joined.split()) > MAX_FACET_WORDS:
                cut = _RUN_ON.split(joined, maxsplit=1)
                facets[-1] = (facets[-1][0], f"{cut[0]})" if len(cut) == 2 else joined)
                break
            facets[-1] = (facets[-1][0], joined)
            continue
        if facets:
            break
        points.append(text)
    cleaned = [
        (facet, value.strip().rstrip(",;").strip())
        for facet, value in facets
        if len(value.split()) <= MAX_FACET_WORDS
    ]
    if len(cleaned) < MIN_FACETS:
        return (as_list(parts) if _own_lines(parts) else " ".join(parts)), []
    if lead and cleaned[0] == (lead[0][0], lead[0][1].strip().rstrip(",;").strip()):
        first = trailing.group("head") if trailing is not None else first
    return as_list([first, *points]) if points else first, cleaned


def _own_lines(parts: list[str]) -> bool:
    """Hard-broken lines that are points of their own (`nausea,␣␣` / `Headache␣␣` / `Rash`),
    each short and opening as a point does (a capital, a figure) or after one that closed
    (`,;.`); not one sentence broken in the middle (`may cause␣␣` / `a rash`)."""
    if any(len(plain(part).split()) > MAX_FACET_WORDS for part in parts):
        return False
    return all(
        part[:1].isupper() or part[:1].isdigit() or before.endswith((",", ";", "."))
        for before, part in pairwise(parts)
    )


def _facet_notes(
    label: str, facets: list[tuple[str, str]], section: Section, ctx: Context, line: int
) -> list[Note]:
    """A note for each property of a label's hard-broken lines: "Insulin: fast-acting —
    onset?" -> "5 min"."""
    notes = []
    for facet, value in facets:
        front = f"{ctx.heading(section)}: {asked_label(label)} — {facet.lower()}?"
        key = make_key("definition", section.path, f"{label} — {facet}")
        notes.append(ctx.note("definition", "basic", front, value, key, section, line))
    return notes


def bold_label(text: str) -> tuple[str, str] | None:
    """A paragraph opening with a bold label and a colon or a dash (`**Dose:** 5 mg`,
    `**Initial workup** — Check the titre …`): (the label as plain text, the rest), else None.
    A label's own aside after a dash ("Refeeding — the complication that kills") is left out."""
    found = _BOLD_LEAD.match(text.strip())
    if found is None:
        return None
    label = without_step_label(plain(found.group("label")).strip().rstrip(":").strip())
    label = re.split(r"\s+[—–]\s+|\s+-\s+", label, maxsplit=1)[0].strip()
    return (label, found.group("rest").strip()) if label else None


_BOLD_LEAD = re.compile(
    r"^(\*\*|__)(?P<label>[^*_\n]{1,80}?)(?:\s*:\s*(\*\*|__)|(\*\*|__)\s*(?::|[—–]|\s-\s))"
    r"\s*(?P<rest>\S.*)$",
    re.DOTALL,
)


def _dash_labelled(block: Paragraph, section: Section, ctx: Context) -> list[Note]:
    """A paragraph whose bold label is followed by a dash (`**Initial workup** — Check the
    titre and a blood count.`) defines that label as a `**Label:**` line does: "Korrin fever:
    initial workup?" -> the text (up to MAX_VALUE_WORDS words; a longer paragraph is prose, which
    the sentence rules read without its label); a second bold label after a sentence of the
    first's (`**A** – text. **B** – text.`) is an entry of its own, as in a glossary line."""
    text = block.text.strip()
    if "\n" in text or _LABEL_LINE.match(text) is not None:
        return []  # a paragraph of label lines, a `**Label:**` line: `_label_notes`'
    found = bold_label(text)
    if found is None:
        return []
    first, second = _two_entries(found[1])  # `**A** – text. **B** – text.`: two entries
    notes = []
    for label, value in [(found[0], first), *([second] if second else [])]:
        count = len(plain(value).split())
        if not _is_label(label) or not 0 < count <= MAX_VALUE_WORDS or value.endswith((":", "?")):
            break  # a longer paragraph is prose (its first sentence, often a hook, answers
            # nothing): the sentence rules read it
        if is_worked_example(value) or is_pep_talk(label, value) or _points_elsewhere(value):
            break
        key = make_key("definition", section.path, label)
        front = f"{ctx.heading(section)}: {lower_first(label)}?"
        answer = whole_answer(value)
        if not answer:
            break
        notes.append(ctx.note("definition", "basic", front, answer, key, section, block.line))
    return notes


def _points_elsewhere(value: str) -> bool:
    """Text that is mostly links (`**Pair with** — the [Nutrition](…) page and the [Algorithms]
    (…)`): a pointer to other pages, no fact."""
    linked = sum(len(found.group(1).split()) for found in _LINK_TEXT.finditer(value))
    return linked > 0 and linked * MAX_LINKED_SHARE >= len(plain(value).split())


_LINK_TEXT = re.compile(r"\[([^\]]*)\]\([^)]*\)")
MAX_LINKED_SHARE = 3
"""A third or more of the words in link text: the text points elsewhere."""


def _labelled_paragraph(
    lead: Lead | None, before: Block | None, block: Paragraph, section: Section, ctx: Context
) -> list[Note]:
    """A bold label alone (`**Standard dose:**`) over the one sentence it labels: "Nitro: standard
    dose?" -> the sentence. Not over a paragraph that labels itself or asks."""
    if lead is None or lead.kind != "label" or not isinstance(before, Paragraph):
        return []
    if _BOLD_LABEL_ONLY.match(before.text.strip()) is None:
        return []
    text = block.text.strip()
    if text.startswith(("**", "__")) or text.endswith((":", "?")) or "\n\n" in text:
        return []
    if not _is_label(lead.text) or is_worked_example(text) or len(text.split()) > MAX_VALUE_WORDS:
        return []
    key = make_key("definition", section.path, lead.text)
    front = f"{ctx.heading(section)}: {lower_first(lead.text)}?"
    answer = explained_answer(text)  # instructions keep their every step ("repeat in 5 min")
    return [ctx.note("definition", "basic", front, answer, key, section, block.line)]


_BOLD_LABEL_ONLY = re.compile(r"^(\*\*|__)[^*_\n]{1,60}?:?(\*\*|__):?$")


def _conditional_line(
    before: Block | None, block: Paragraph, section: Section, ctx: Context
) -> list[Note]:
    """A condition that stresses only its conjunction or some words in bold (`**If** the pulse
    is normal **and** the patient is awake: give the second dose.`) and then says what to do:
    "Dosing: If the pulse is normal and the patient is awake?" -> the instruction, as a bold
    label would ask it (`**If the pulse is slow**: …`, `_label_notes`). A condition ending in
    ':' over a one-sentence paragraph (`**If** no signs of shock:` / `Send home.`) asks the
    same, that sentence its answer. The bold word is no term, and the line is no label the other
    shapes read: without this, the instruction was on no card."""
    text = " ".join(block.text.split())
    found = _CONDITION_LINE.match(text) or _CONDITION_COMMA.match(text)
    if (
        found is not None
        and found.re is _CONDITION_COMMA
        and (plain(found.group("rest")).split() or [""])[0].lower() not in _TELLS
    ):
        return []  # "**If** X, the patient can go home": no instruction to ask
    if found is not None and found.group("rest"):
        conj, condition, answer = found.group("if"), found.group("cond"), found.group("rest")
    elif isinstance(before, Paragraph) and "\n" not in before.text.strip():
        lead = _CONDITION_LINE.match(" ".join(before.text.split()))
        if lead is None or lead.group("rest") or len(split_sentences(plain(text))) != 1:
            return []
        if text.startswith(("**", "__")) or text.endswith((":", "?")):
            return []
        conj, condition, answer = lead.group("if"), lead.group("cond"), text
    else:
        return []
    condition = without_asides(plain(condition)).strip().rstrip(",")
    count = len(condition.split())
    if not MIN_CONDITION_WORDS <= count <= MAX_CONDITION_WORDS or _CUE_END.search(condition):
        return []  # "If BP persists start a drug for example:" over its options: a lead-in
    if any(word in _TELLS for word in condition.lower().split()) or _OWN_NAME.match(answer):
        return []  # the instruction is inside the condition; "Drug Q dose: 5 mg" is an option
    if answer.rstrip().endswith((":", "?")) or len(plain(answer).split()) > MAX_VALUE_WORDS:
        return []
    asked = f"{conj} {condition}"
    key = make_key("definition", section.path, asked)
    front = f"{ctx.heading(section)}: {asked}?"
    answer = whole_answer(answer[:1].upper() + answer[1:])
    return (
        [ctx.note("definition", "basic", front, answer, key, section, block.line)] if answer else []
    )


_CONDITION_LINE = re.compile(
    r"^(?:\*\*|__)(?P<if>If|When|Unless|Once|In case)(?:\*\*|__)\s+"
    r"(?P<cond>[^:\n]{3,160}?)\s*:\s*(?P<rest>\S.*)?$"
)
_CONDITION_COMMA = re.compile(
    r"^(?:\*\*|__)(?P<if>If|When|Unless|Once|In case)(?:\*\*|__)\s+"
    r"(?P<cond>[^:,\n]{3,160}?),\s+(?P<rest>\S.*)$"
)
"""A line opening with its conditional conjunction in bold, the condition up to a colon (bold
words inside it: `**and**`), then what to do (or nothing: a lead-in); or up to its first comma,
when what follows opens with a verb telling what to do (`**When** the rash shows, stop it.`)."""
_CUE_END = re.compile(r"\b(?:for example|e\.g\.?|such as|including|include|as follows)$", re.I)
_TELLS = INSTRUCTION_VERBS | frozenset("start begin continue consider treat admit refer".split())
MIN_CONDITION_WORDS = 2
MAX_CONDITION_WORDS = 14


def _is_label(label: str) -> bool:
    words = label.split()
    return 0 < len(words) <= MAX_LABEL_WORDS and not is_flag(label)


def _term_over_list(
    block: Paragraph, after: tuple[Block, ...], section: Section, ctx: Context, opens: bool = False
) -> list[Note]:
    """A one-line `Term: value` paragraph (a plain one: a bold label is `_label_notes`') right
    over a list: an outline's definition item (`- Levothyroxine: synthetic T4` over its facts,
    which the document model unfolds as a label and its list). It states a fact, so it is
    carded as a definition, its list kept on the back."""
    text = block.text.strip()
    if not after or not isinstance(after[0], ListBlock) or text.startswith("**"):
        return []
    entries = entries_over(block, after[0])
    if entries and all(value for _, value in entries):
        if len(entries) > 1 and opens:
            return []  # lines opening their part: `_plain_label_notes` asks each
        # `Tosarin (Tosa): Factor R blocker.` lines over a list: each entry's value its note;
        # the list is the entries' own, asked under their names (`leads.name_line`)
        return [
            note
            for number, line in enumerate(text.splitlines())
            for note in _term_notes(ListItem(line.strip(), block.line + number), section, ctx)
        ]
    if "\n" in text:
        return []
    if text.rstrip("*_ ").endswith(":") or spelled_label(text):
        return []  # a lead-in (`S/S: Signs and Symptoms` spells its label out): the list's
    return _term_notes(ListItem(text, block.line, after), section, ctx)


def _terms_with_points(
    block: ListBlock, lead: Lead | None, section: Section, ctx: Context
) -> list[Note]:
    """In a list that is no definition list, a `Term: value` item over a list of its own points
    (`- Renal vein thrombosis: a clot in the renal vein` / `  - Manifestations` / `    - flank
    pain`): a definition with its details, which a cloze of the outer list cannot hold. A term
    that is a facet (`Diagnosis: …`) under a label (an item `- Night wheeze` over it, unfolded
    into its lead-in) is a fact about that label's thing, never the heading's."""
    notes = []
    owner = lead if lead is not None and lead.kind in ("label", "name") else None
    for item in block.items:
        if has_points(item):
            notes.extend(_term_notes(item, section, ctx, owner))
    return notes


def has_points(item: ListItem) -> bool:
    """A `Term: value` item over a list of two points or more (or one labelled point): the
    definition rule cards it with its points, whatever list it stands in (the enumeration rule
    leaves it out)."""
    lists = [b for b in item.blocks if isinstance(b, ListBlock)]
    if not any(len(b.items) > 1 or _is_point(b.items[0]) for b in lists):
        return False
    found = definition(item)
    if found is None or is_worked_example(found[1]):
        return False
    return not is_flag(found[0]) and not is_instruction(found[0])


def _term_notes(
    item: ListItem, section: Section, ctx: Context, owner: Lead | None = None
) -> list[Note]:
    """The definition of a term over its points, and a note per point that labels a list of
    its own (`Manifestations` over `flank pain` / `haematuria`): "Renal vein thrombosis:
    manifestations?"."""
    found = definition(item)
    if found is None or is_flag(found[0]) or is_instruction(found[0]):
        return []
    term, value = found
    if not any(char.isalnum() for char in value) or is_worked_example(value):
        return []  # `Step 1: dose = 20 × 70 = 1400` over its steps is a worked example
    facet = owner is not None and is_relational(plain(term).rstrip(":").strip())
    about = subject(owner if facet else None, section, ctx)
    named = plain(term).lower() in plain(about).lower()
    front = ask(f"What is {term}?", ctx) if named else f"{about}: {asked_label(term)}?"
    key = make_key("definition", section.path, term, item.pin)
    kept, points = _points(item.blocks, term)
    said = whole_answer(value, term)
    answer = with_details(said, kept)
    notes = point_notes(term, points, section, ctx, about)
    if not said:
        return notes
    return [ctx.note("definition", "basic", front, answer, key, section, item.line), *notes]


def _points(blocks: tuple[Block, ...], term: str = "") -> tuple[tuple[Block, ...], list[ListItem]]:
    """The blocks under a term without its labelled points, and those points. A point whose
    value only says its label again (`restating`: `**Raises tear flow**: it increases the flow
    of tears`) is no point: its label alone stays in the term's answer with the others."""
    points = [
        p
        for b in blocks
        if isinstance(b, ListBlock)
        for p in b.items
        if _is_point(p) or _is_sub_topic(p)
    ]
    if not points:
        return blocks, []
    bare = {id(p): _label_item(p) for p in points if _restates_point(p, term)}
    points = [p for p in points if id(p) not in bare]
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, ListBlock):
            rest = tuple(bare.get(id(i), i) for i in block.items if i not in points)
            if rest:
                kept.append(ListBlock(block.ordered, rest, block.line))
        else:
            kept.append(block)
    return tuple(kept), points


def _restates_point(point: ListItem, term: str) -> bool:
    found = None if point.blocks else _definition(point.text)
    return found is not None and restating(found[0], found[1], term)


def _label_item(point: ListItem) -> ListItem:
    """A `Label: value` point as its label alone (the label is the fact)."""
    found = _definition(point.text)
    label = plain(found[0]).strip().rstrip(":").strip() if found is not None else point.text
    return ListItem(label, point.line, (), point.pin)


def point_notes(
    term: str, points: list[ListItem], section: Section, ctx: Context, about: str = ""
) -> list[Note]:
    """A note per labelled point under a term: "Renal vein thrombosis: manifestations?". A
    term that is a facet of what `about` names (`Side effects:` over `- Severe` over its
    list) owns nothing alone: "Side effects: Severe?" left the drug off the card, so its
    points are asked as the term's part, "Velbarin: side effects — severe?"."""
    notes = []
    owned = bool(about) and _names_facet(term)
    for point in points:
        if _is_sub_topic(point):
            notes.extend(point_notes(_label_only(point.text), _sub_points(point), section, ctx))
            continue
        found = _definition(point.text)
        label, back = found if found is not None else (point.text, to_markdown(point.blocks))
        label = plain(label).rstrip(" :")
        asked = (
            f"{about}: {plain(term)} — {lower_first(label)}?"
            if owned
            else f"{plain(term)}: {label}?"
        )
        key = make_key("definition", section.path, f"{term}: {label}", point.pin)
        answer = whole_answer(back)
        if answer:
            notes.append(ctx.note("definition", "basic", asked, answer, key, section, point.line))
    return notes


def _names_facet(term: str) -> bool:
    """A term naming a facet of a subject it does not name ("Side effects", "Effetti avversi
    comuni"), in any language the facet words are known in."""
    label = plain(term).rstrip(" :")
    return is_relational(label) or opens_with_facet(label)


def _is_point(item: ListItem) -> bool:
    """A labelled point under a term: a short name with no value over a short list
    (`Manifestations` / `- flank pain`), or a short `Label: value` line (`Cause: a clot`)."""
    if len(item.blocks) == 1 and isinstance(item.blocks[0], ListBlock):
        return (
            0 < len(item.text.split()) <= _MAX_POINT_LABEL_WORDS
            and _definition(item.text) is None
            and len(plain(to_markdown(item.blocks)).split()) <= MAX_DETAIL_WORDS
        )
    found = _definition(item.text)
    return (
        not item.blocks
        and found is not None
        and 0 < len(plain(found[0]).split()) <= _MAX_POINT_LABEL_WORDS
        and not is_flag(found[0])
        and len(plain(found[1]).split()) <= MAX_DETAIL_ITEM_WORDS
    )


def _is_sub_topic(item: ListItem) -> bool:
    """A label with no value over `Key: value` lines too long or too many to be one point's
    answer (`**Group D species**:` over its salt, bile and drug facts, or a long label,
    `***K. gallus*** (formerly *K. bovis*):`): a thing of its own, asked key by key at any
    depth ("Group D species: PYR test?"), never left on the term's back as a bare label."""
    if _is_point(item) or len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return False
    label = _label_only(item.text)
    children = item.blocks[0].items
    return (
        bool(label)
        and len(label.split()) <= _MAX_SUB_TOPIC_WORDS
        and len(children) >= 2
        and all(_is_key_line(child) for child in children)
    )


def _is_key_line(item: ListItem) -> bool:
    """A `Key: value` line of a sub-topic: a short key, no flag, nothing nested."""
    found = _definition(item.text)
    return (
        not item.blocks
        and found is not None
        and 0 < len(plain(found[0]).split()) <= _MAX_KEY_WORDS
        and not is_flag(found[0])
    )


_MAX_KEY_WORDS = 5
"""Most words of a sub-topic's key ("Bile esculin azide agar")."""


def _label_only(text: str) -> str:
    """The label of a line that is only a label ending in ":" (`**Group D species**:`); ""
    for any other line."""
    shown = plain(text).strip()
    return shown[:-1].strip() if shown.endswith(":") and shown.count(":") == 1 else ""


def _sub_points(item: ListItem) -> list[ListItem]:
    block = item.blocks[0]
    return list(block.items) if isinstance(block, ListBlock) else []


_MAX_SUB_TOPIC_WORDS = 8
_MAX_POINT_LABEL_WORDS = 3
MAX_DETAIL_WORDS = 40
"""Most words a definition's back keeps of the points nested under it."""
MAX_DETAIL_ITEM_WORDS = 25
"""A nested point longer than this explains; it is left to the source."""


def with_details(answer: str, blocks: tuple[Block, ...]) -> str:
    """A definition's answer with the short points nested under its item (`- Levothyroxine:
    synthetic T4` / `  - first-line choice`): they are that term's facts, and no other note
    holds them. Deeper levels go first when the whole is too long; nothing is added when even
    the first level is."""
    lists = tuple(
        ListBlock(b.ordered, short, b.line)
        for b in blocks
        if isinstance(b, ListBlock) and (short := tuple(i for i in b.items if _is_detail(i)))
    )
    if not lists:
        return answer
    for details in (lists, tuple(_first_level(b) for b in lists)):
        shown = to_markdown(details)
        if len(plain(shown).split()) <= MAX_DETAIL_WORDS:
            return f"{answer}\n\n{shown}"
    return answer


def _is_detail(item: ListItem) -> bool:
    """A short point, not a flag (`Buzzwords: …`): one a definition's back keeps."""
    found = _definition(item.text)
    flagged = found is not None and is_flag(found[0])
    return not flagged and len(plain(item.text).split()) <= MAX_DETAIL_ITEM_WORDS


def _first_level(block: ListBlock) -> ListBlock:
    items = tuple(ListItem(item.text, item.line, (), item.pin) for item in block.items)
    return ListBlock(block.ordered, items, block.line)


def _opens_part(blocks: tuple[Block, ...], index: int) -> bool:
    """Whether the paragraph at `index` comes right after its heading (a rule between them
    aside) or after a lead-in line ending in ":", or opens with such a line itself (`Glargine:`
    over its lines): its lines then say what that one names."""
    block = blocks[index]
    if isinstance(block, Paragraph) and block.text.split("\n", 1)[0].rstrip().endswith(":"):
        return True
    while index > 0 and _is_rule(blocks[index - 1]):
        index -= 1
    if index == 0:
        return True
    last = blocks[index - 1]
    return isinstance(last, Paragraph) and last.text.rstrip().endswith(":")


def _is_rule(block: Block) -> bool:
    return isinstance(block, RawBlock) and block.kind == "hr"


def _plain_label_notes(block: Paragraph, section: Section, ctx: Context) -> list[Note]:
    """A paragraph of plain `label: value` lines (`Onset: 1-2 h` / `Peak: 4 h`, `130-135: mild`),
    under its heading or a lead-in: each line defines the section's subject, as a bold label's
    line does. A first line ending in ":" is its lead-in. At least half the other lines are a
    short label with a short value, the rest short notes (`acute @<48 hours`, left alone); a
    paragraph with a longer line is prose."""
    text = block.text.strip()
    if text.startswith(("**", "__")) or ":" not in text or "\n" not in text:
        return []
    lines = [line.strip().rstrip("\\").strip() for line in text.splitlines()]
    offset = 1 if lines[0].endswith(":") else 0
    found = [(n, _PLAIN_LABEL_LINE.match(line)) for n, line in enumerate(lines) if n >= offset]
    labelled = [(n, match) for n, match in found if match is not None]
    if len(labelled) < 2 or len(labelled) * 2 < len(found):
        return []
    if any(len(lines[n].split()) > MAX_NOTE_LINE_WORDS for n, match in found if match is None):
        return []  # a sentence among the lines: prose with a colon in it, not a list of labels
    notes = []
    # a lead-in naming a thing ("Lispro:") is the lines' subject, and part of their identity
    named = plain(lines[0]).rstrip(":").strip() if offset else ""
    words = named.lower().split()
    if named and (len(words) > MAX_NAME_WORDS or _LINKING & set(words) or not _is_label(named)):
        named = ""  # "Given by mouth:", "The ranges are:": a condition or sentence, no name
    if named and named.lower() in plain(section.title).lower():
        named = ""  # "Grades:" under "Hyponatraemia grades": the heading says it
    about = ctx.situate(named) if named else ctx.heading(section)
    for number, match in labelled:
        label, value = plain(match.group("label")).strip(), match.group("value").strip()
        if label.isdigit() and len(label) <= 2:  # `1 : Grade 1. Mild narrowing …`: a scale's
            step = _SCALE_STEP.match(value)  # step, asked by the name it gives, never the number
            if step is None or len(plain(step.group("said")).split()) > MAX_WHOLE_WORDS:
                continue
            label, value = step.group("name"), step.group("said")
        elif not _is_label(label) or len(plain(value).split()) > MAX_PLAIN_VALUE_WORDS:
            return []  # a longer line: the paragraph is prose with a colon in it
        if is_worked_example(value) or is_pep_talk(label, value):
            return []
        key = make_key("definition", section.path, f"{named}: {label}" if named else label)
        front = f"{about}: {asked_label(label)}?"
        answer = whole_answer(value)
        line = block.line + number
        if answer:
            notes.append(ctx.note("definition", "basic", front, answer, key, section, line))
    return notes


_SCALE_STEP = re.compile(r"^(?P<name>[A-Z][^.!?:;]{2,60}?)\.\s+(?P<said>[A-Z(].*)$")
"""A numbered scale step's value that opens with its name as a sentence of its own ("Grade 1.
Mild narrowing …", "Mild nonproliferative DR. Small red dots …"): the name, then what it says."""
MAX_NAME_WORDS = 3
_LINKING = frozenset("a an the by with for in of to when if as after before during are is".split())
"""Words that make a lead-in a phrase or a sentence rather than a thing's name ("Lispro")."""
_PLAIN_LABEL_LINE = re.compile(r"^(?P<label>[^:*_\n]{1,40}?)\s*:\s+(?P<value>[^/\s].*)$")
MAX_PLAIN_VALUE_WORDS = 12
"""A plain label's value is short (longer lines make the paragraph prose)."""
MAX_NOTE_LINE_WORDS = 8
"""Lines without a label among the labelled ones are notes this short, or the paragraph is
prose."""


def whole_answer(text: str, term: str = "") -> str:
    """A definition's answer as a card shows it: `text.short_answer` (a paragraph's first
    sentence: the definition, which the rest explains) when that first sentence defines, else
    the whole text, or "" (no note) past MAX_WHOLE_WORDS words. A first sentence that is only a
    predicate (`**Hypertrophy**: may apply to cells or organs. Causes include …`, `always
    pathologic.`) says one property among the others, as does a clause about something else than
    the `term` (`**Coagulation necrosis**: proteins are denatured. Cell shape is retained. …`),
    and one question of a series (`Too large? Think oedema. Too small? Think atrophy.`) one
    half: cut there, the answer would read as complete and be false."""
    text = _first_definition(text)
    cut = short_answer(text)
    whole = without_citations(text).strip()
    if cut == whole or _short_notes(whole):
        return whole  # "15 g sugar. Wait 15 mins. Repeat if low.": short notes, one answer
    opening = plain(cut).split(maxsplit=1)[0].lower() if plain(cut).split() else ""
    clause = _CLAUSE.match(plain(cut))
    other = clause is not None and not _roots(words(clause.group("s"))) & _roots(words(term))
    if opening not in _PREDICATE_OPENINGS and not other and "?" not in whole:
        return cut
    return whole if len(whole.split()) <= MAX_WHOLE_WORDS else ""


def _first_definition(text: str) -> str:
    """Of a term given several definitions, a sentence or more on each line (a definition
    list's `: …` lines: what it is, then its complications, then how common it is), over
    MAX_ANSWER_WORDS words in all: the first, the definition; the others are facts of their
    own, asked of nothing but this term, and left to the document."""
    lines = [line.strip() for line in text.strip().split("\n") if line.strip()]
    if len(lines) < 2 or word_count(text) <= MAX_ANSWER_WORDS:
        return text
    if not all(line.endswith((".", "!")) and _LISTED_LINE.match(line) is None for line in lines):
        return text
    return lines[0]


_LISTED_LINE = re.compile(r"^(?:[-*+•]\s|\d+[.)]\s|[|#>])")


_CLAUSE = re.compile(r"^(?P<s>[a-z][\w-]*(?:\s+[\w-]+){0,2})\s+(?:is|are|was|were)\s")
"""A first sentence that is a clause of its own about a common noun ("proteins are denatured"):
its subject. A name ("MRI is the gold standard for …") states the term's role."""


NOTE_MAX_WORDS = 5
"""Sentences each this short are kept together: steps or notes of one answer (a first sentence
of three words is no definition the rest explains), and a later one carded alone ("Wait {{15
mins}}.") asked a step out of its order."""
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+")


def _short_notes(text: str) -> bool:
    """Whether the text is short notes: every sentence NOTE_MAX_WORDS words or fewer, none after
    the first leaning on it ("It cannot be reversed." explains a definition)."""
    sentences = _SENTENCE_BREAK.split(text)
    return all(len(said.split()) <= NOTE_MAX_WORDS for said in sentences) and not any(
        said.split(maxsplit=1)[0].lower() in _LEANING for said in sentences[1:] if said.split()
    )


_LEANING = frozenset("it its they their this these that those such".split())
_LEANING_PLURAL = frozenset("they their these those such".split())


MAX_WHOLE_WORDS = 50
"""The longest answer kept whole when its first sentence does not define: a short paragraph."""
_PREDICATE_OPENINGS = frozenset(
    """may might can could must should will would always usually often never sometimes also
    mostly typically generally commonly rarely frequently""".split()
)
"""Words that open a predicate, not a definition: `**Term**: may apply to …` (a modal or an
adverb of frequency where the definition's noun phrase would stand)."""


def _bold_subjects(block: Paragraph, section: Section, ctx: Context) -> list[Note]:
    """Lines of a paragraph that each open with a bold term as the subject of their sentence
    (`**Korrin fever** affects the joints and skin.` / `**Velbar syndrome** is a rare …`): a
    definition each, the term asked ("Conditions in korrin: Korrin fever?") and its sentences the
    answer. Only when every line is one (lines wrapped into one are one), each a sentence of
    MIN_SUBJECT_WORDS to MAX_VALUE_WORDS words whose term names a thing (not a flag, an
    instruction or a quantity such as `**Most** patients`) and goes on with a verb, not with a
    noun it modifies (`**Warning** signs include …`)."""
    text = block.text.strip()
    if not text.startswith(("**", "__")) or _BOLD_SUBJECT.match(text) is None:
        return []  # cheap: most paragraphs open with no bold term
    entries: list[tuple[str, str, int]] = []
    for offset, written in enumerate(text.splitlines()):
        written = written.strip().rstrip("\\").strip()
        found = _BOLD_SUBJECT.match(written)
        same = [i for i, entry in enumerate(entries) if found and _same_term(entry[0], found)]
        if same:  # the term again (`**Korrin fever** also …`): one note, its lines together
            term, said, at = entries[same[0]]
            again = written.replace(found.group(1), "", 2) if found else written
            entries[same[0]] = (term, f"{said} {again}", at)
        elif found is not None:
            entries.append((found.group("term").strip(), written, offset))
        elif entries and written and not written.startswith(("**", "__", "-", "*", "+")):
            term, said, at = entries[-1]
            entries[-1] = (term, f"{said} {written}", at)
        elif written:
            return []  # a line of another shape: prose with bold words in it
    if not entries or not all(_subject_sentence(term, said) for term, said, _ in entries):
        return []
    if any(_LATER_SUBJECT.search(said) for _, said, _ in entries):
        return []  # `… 3-7 days. **Complicated disease** has …`: two terms in one line
    notes = []
    for term, said, offset in entries:
        found = _BOLD_SUBJECT.match(said)
        if found is not None and found.group("verb") in ("is", "are"):
            said = _FIRST_SENTENCE.split(said, maxsplit=1)[0]  # "X is a …": the definition;
            # the sentences after it explain
        answer = _after_term(whole_answer(said))
        if not answer:
            continue
        if found is not None and found.group("verb") in ("is", "are") and _JUDGED.match(answer):
            continue  # "**Low heat (under 36°C)** is also concerning": a verdict, no definition
        front = ask(f"What {_be(term, said)} {lower_first(plain(term))}?", ctx)
        if (use := _USED_FOR.match(answer)) is not None:  # "Used to tell A from B": its use,
            front = ask(f"What {_be(term, said)} {lower_first(plain(term))} used for?", ctx)
            used = use["y"] or use["to"]  # no definition
            answer = used[:1].upper() + used[1:]
        side = _SIDE_LABEL.match(answer)
        if side is not None and _names_side(side["label"]):  # "**X** starting dose: 250 mg"
            front = ask(f"{plain(term)}: {lower_first(side['label'])}?", ctx)
            answer = side["value"]
        key = make_key("definition", section.path, term)
        line = block.line + offset
        notes.append(ctx.note("definition", "basic", front, answer, key, section, line))
    return notes


_JUDGED = re.compile(
    r"^(?:also\s+|very\s+|usually\s+|often\s+|not\s+|always\s+)*"
    r"(?:(?:concerning|normal|abnormal|common|uncommon|rare|dangerous|serious|worrying|urgent"
    r"|important|expected|harmless|fine|ok|okay|safe|unsafe)(?=\s*(?:$|[.,;:!—–(]|-\s))"
    r"|an?\s+(?:emergency|warning\s+sign|red\s+flag)\b)",
    re.IGNORECASE,
)
"""What a bold subject's "is" may say of it instead of what it is: a verdict ("is also
concerning", "is normal", "is a red flag"), which "What is X?" does not ask for."""
_USED_FOR = re.compile(r"^used\s+(?:for\s+(?P<y>\S.*)|(?P<to>to\s+\S.*))$", re.I | re.S)
"""A bold term's sentence that says what it is used for ("**X** is used to tell A from B"): no
definition of X, so "What is X?" would ask for one the answer does not give."""
_SIDE_LABEL = re.compile(r"^(?P<label>[A-Za-z][\w-]*(?:\s+[\w-]+){0,2}):\s+(?P<value>\S.*)$", re.S)
_SIDE_NOUNS = frozenset(
    """
    dose dosage regimen route duration frequency onset half-life effect action mechanism
    indication contraindication interaction use class antidote target range level monitoring
    treatment management diagnosis prognosis cause sign symptom complication
    """.split()
)
"""Nouns naming a side of a thing ("starting dose", "side effects"): a bold term then such a
label and a colon (`**Methyldopa** starting dose: 250 mg …`) gives that side of the term, which
"What is methyldopa?" would ask as if the dose defined the drug."""


def _names_side(label: str) -> bool:
    last = plain(label).lower().split()[-1]
    return last in _SIDE_NOUNS or last.removesuffix("s") in _SIDE_NOUNS


_JOINS_ANOTHER = frozenset("and or nor but with plus vs versus as".split())
"""Words after a bold term that join it to another thing: no verb of the term's own, so the
sentence is kept whole ("And clopidogrel are …" is no answer)."""


def _after_term(answer: str) -> str:
    """The answer without the bold term it opens with, which its front asks already ("What is
    tosmin palsy?" -> "A rare weakness of …", not "**Tosmin palsy** is a rare weakness of …"):
    after "is" or "are" the verb goes too, another verb opens the answer ("Affects the …")."""
    found = _BOLD_SUBJECT.match(answer)
    if found is None or found.group("verb") in _JOINS_ANOTHER:
        return answer  # "**Aspirin** and **clopidogrel** are …": the term is not all the subject
    rest = answer[found.end(3) :].lstrip()
    if found.group("verb") in ("is", "are"):
        rest = rest[len(found.group("verb")) :].lstrip()
    return rest[:1].upper() + rest[1:] if rest else answer


def _same_term(term: str, found: re.Match[str]) -> bool:
    return plain(term).lower() == plain(found.group("term").strip()).lower()


_BOLD_SUBJECT = re.compile(
    r"^(\*\*|__)(?P<term>[A-Z][^*_\n:.!?]{0,60}?)(\*\*|__)\s+(?P<verb>[a-z][\w'’-]*)\s+(?P<next>\S+)"
)
_FIRST_SENTENCE = re.compile(r"(?<=[a-z)”\"'*][.!?])\s+(?=[A-Z“\"(*])")
_LATER_SUBJECT = re.compile(r"[.!?]\s+(\*\*|__)[A-Z]")
MIN_SUBJECT_WORDS = 5
_NOT_SUBJECT = frozenset(
    """a an the this that these those it its your you our we they all any each every most many
    some few several both either neither no none other another such more less only just
    note important remember tip warning caution key""".split()
)
"""Words that open no term: an article or quantity (`**Most** patients …`), a flag."""
FUNCTION_WORDS = frozenset(
    """if when whenever unless and or nor but then not because although though while whereas
    until so yet also""".split()
)
"""Conjunctions and particles a writer sets in bold to stress a condition or a contrast (`**If**
reflexes are normal: …`, `**Not** before day 3`): emphasis, never a term ("What is if?")."""
_AFTER_NOUN = frozenset(
    """is are was were include includes can may might must should will would need needs have
    has occur occurs""".split()
)
"""Verbs after the word that follows a bold word: that word was the noun it modified
(`**Warning** signs include …`), not a verb of the bold term."""


def _subject_sentence(term: str, said: str) -> bool:
    found = _BOLD_SUBJECT.match(said)
    if found is None or is_flag(term) or is_imperative(term):
        return False
    words = plain(term).lower().split()
    if not 0 < len(words) <= MAX_TERM_WORDS or words[0] in _NOT_SUBJECT:
        return False
    if words[0] in _INSTRUCTION_VERBS or found.group("verb") in _NOT_SUBJECT:
        return False
    if words[0] in FUNCTION_WORDS:
        return False  # `**If** reflexes are normal …`: the author's emphasis, no term
    if plain(found.group("next")).lower().strip(",;") in _AFTER_NOUN:
        return False  # `**Warning** signs include …`: the bold word modifies "signs"
    if not said.rstrip("*_ ”\"'").endswith("."):
        return False
    if MIN_SUBJECT_WORDS <= len(plain(said).split()) <= MAX_VALUE_WORDS:
        return True
    article = plain(found.group("next")).lower()
    if found.group("verb") not in ("is", "are") or article not in ("a", "an", "the"):
        return False  # "**Infants** are 2-5x more …": a comparison, no definition
    # "**X** is a …" opening a longer paragraph: its first sentence is the answer, when short
    first = _FIRST_SENTENCE.split(said, maxsplit=1)[0]
    return MIN_SUBJECT_WORDS <= len(plain(first).split()) <= MAX_LEAD_SENTENCE_WORDS


MAX_LEAD_SENTENCE_WORDS = 25
"""The longest first sentence asked of a longer paragraph it opens (as prose_fact's
MAX_FIRST_SENTENCE_WORDS): a longer one is a passage, not a definition to recall."""


def _be(term: str, said: str) -> str:
    """ "is" or "are", as the term's own verb says (`**Anxiety disorders** involve …`)."""
    found = _BOLD_SUBJECT.match(said)
    verb = found.group("verb") if found is not None else ""
    if verb in ("are", "were", "have") or verb == "is":
        return "are" if verb != "is" else "is"
    plural = term.endswith("s") and not term.endswith(("ss", "is", "us"))
    return "are" if plural and not verb.endswith("s") else "is"


_NUMBERING = re.compile(
    r"^(?:path(?:way)?|route|step|option|part|method|way|approach|item|point|example|case|"
    r"reason|tip|choice|scenario|version|mechanism)\s*(?:\d{1,2}|[a-h]|[ivx]{1,4})\.?$",
    re.IGNORECASE,
)
"""A label that is only the author's numbering ("Path 1", "Step 3", "Option A", "Part ii"):
it names nothing a student could answer from. A classification's number is a name of the field
("Type 1", "Class III", "Stage 2", "Grade 4") and is not one."""


def is_numbering(term: str) -> bool:
    """A definition's term that is only the author's numbering (`_NUMBERING`)."""
    return _NUMBERING.match(plain(term).strip()) is not None


_OWN_NAME = re.compile(r"^(?P<name>[^:;.!?\n]{3,60}?)\s*:\s+(?P<rest>\S.*)$", re.DOTALL)
MAX_OWN_NAME_WORDS = 6


def own_name(text: str) -> tuple[str, str] | None:
    """(name, rest) when a numbered item's value opens with a name of its own (`Path 2:
    Mitochondrial route: the cell …` names "Mitochondrial route"): that name is what the card
    asks. None when it gives none, one too long to be a name, an instruction or a flag."""
    found = _OWN_NAME.match(text.strip())
    if found is None:
        return None
    name = found.group("name").strip().strip("*_").strip()
    if not 0 < len(plain(name).split()) <= MAX_OWN_NAME_WORDS or not name[:1].isupper():
        return None
    if is_instruction(name) or is_flag(name):
        return None  # `Step 2: Give oxygen: …`, `Part 1: Note: …`: an instruction or a flag
    return name, found.group("rest").strip()


_SENTENCE = re.compile(
    r"\s(?<=[.!?]\s)(?<!\be\.g\.\s)(?<!\bi\.e\.\s)(?<!\bvs\.\s)(?<!\betc\.\s)\s*(?=[A-Z“\"(*_])"
)
"""A sentence's end: not after "e.g.", "i.e.", "vs." or "etc." (the dot is theirs). Written to
open with a white space, which the regex engine skips ahead to, and not with the look-behinds,
which it tried at every position (ten times slower); the break is the same white space."""
_LABELLED_SENTENCE = re.compile(r"^(?P<label>[A-Z][a-z]{2,}(?:\s[a-z]{2,})?):\s+(?P<told>\S.*)$")
_OWN_PART_SENTENCE = re.compile(
    r"^It(?:s|'s|’s)\s+(?P<label>[a-z]{3,}(?:\s[a-z]{3,})?)\s+(?:is|are)\s+(?P<told>\S.*)$"
)
"""A later sentence that gives the term's own part or role ("Its function is to …", "Its main
cause is …"): labelled by that noun, with the term as its subject."""
_INSTANCES = frozenset(("example", "examples"))
"""Flags elsewhere, but after a definition an example is an instance of the term, to learn."""
MAX_TOLD_WORDS = 35


def labelled_sentences(text: str) -> list[tuple[str, str]]:
    """(label, what it says) for each sentence after a definition's first that opens with a
    label of one or two words (`Causes: misfolding of …`, `Example: Korrin bodies in …`) or
    gives the term's own part (`Its function is to …`: "function", the term its subject), with
    the sentences after it that lean on it ("They look like …", "These are …"). A definition's
    answer is its first sentence; the labelled sentences after it are facts of their own, lost
    when it is cut. Not a flag (`Note: …`) other than an example, nor one past MAX_TOLD_WORDS
    words."""
    return _labelled_split(text)[1]


def _labelled_split(text: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The sentences of `text` that no label takes (its first always), and `labelled_sentences`."""
    if ": " not in text and " It" not in text and _INCLUDE not in text:
        return [text], []  # cheap: most definitions hold no label after their first sentence
    sentences = _SENTENCE.split(" ".join(without_citations(text).split()))
    found: list[tuple[str, str]] = []
    taken: list[list[int]] = []
    current: list[str] | None = None
    leaning = _LEANING
    for index, sentence in enumerate(sentences[1:], 1):
        labelled = (
            _LABELLED_SENTENCE.match(sentence)
            or _OWN_PART_SENTENCE.match(sentence)
            or _INCLUDING_SENTENCE.match(sentence)
        )
        label = labelled.group("label") if labelled is not None else ""
        label = _INCLUDE_TAIL.sub("", label)  # `Types include: …` is labelled "Types"
        if labelled is not None and (label.lower() in _INSTANCES or not is_flag(label)):
            # "It reverses …" after `Causes include …` is the term's again, not the causes'
            leaning = _LEANING_PLURAL if labelled.re is _INCLUDING_SENTENCE else _LEANING
            current = [labelled.group("told")]
            found.append((label, ""))
            taken.append([index])
        elif current is not None and (plain(sentence).split() or [""])[0].lower() in leaning:
            current.append(sentence)
            taken[-1].append(index)
        else:
            current = None
        if current is not None:
            found[-1] = (found[-1][0], " ".join(current))
    kept_found, dropped = [], set()
    for (label, told), indexes in zip(found, taken, strict=True):
        if len(plain(told).split()) <= MAX_TOLD_WORDS:
            kept_found.append((label, told))
            dropped.update(indexes)
    kept = [sentence for index, sentence in enumerate(sentences) if index not in dropped]
    return kept, kept_found


_INCLUDE = " include"
_INCLUDE_TAIL = re.compile(r"\s+include[sd]?$")
_INCLUDING_SENTENCE = re.compile(
    r"^(?P<label>(?:Common\s+|Main\s+)?[A-Z][a-z]{2,}s)\s+(?:include|includes|are)(?::|\s)\s*"
    r"(?P<told>\S.*)$"
)
"""A later sentence naming a plural facet's members (`Causes include aging, disuse …`, `Types
include: coagulative, …`): labelled by that noun, as `Causes: …` is."""


MAX_WHOLE_SENTENCES = 2
"""A whole answer of two sentences reads at a glance (`may follow a fever. Example: the hands.`);
of three or more, its labelled sentences are asked apart."""


MAX_POINTS = 6
MAX_POINT_WORDS = 12
_POINT_BREAK = re.compile(
    r"\s(?:(?<=[.!?]\s)|(?<=[.!?][\"”]\s))(?<!\be\.g\.\s)(?<!\bi\.e\.\s)(?<!\bvs\.\s)(?<!\betc\.\s)"
    r"\s*(?=[A-Z“\"(*_])"
)
"""A sentence's end as `_SENTENCE` finds it, or after a quoted sentence (`"Red is dead." Cells
…`)."""


def as_points(answer: str) -> str:
    """A whole answer of three to MAX_POINTS short sentences, each a property of its own
    (`proteins are denatured. Cell shape is retained. Nucleus fades.`), as a list of them: a
    run-on paragraph of features reads as one long fact, a list as the few short points it is.
    The answer as it is when a sentence is long, asks a question (`Too large? Think …`), leans
    on the one before ("It …", "These …") or all are steps of a few words (`_short_notes`)."""
    if "?" in answer or "\n" in answer.strip() or _short_notes(answer):
        return answer  # "20 g syrup. Wait 10 mins. Repeat if low.": steps, one answer
    sentences = _POINT_BREAK.split(" ".join(answer.split()))
    if not MAX_WHOLE_SENTENCES < len(sentences) <= MAX_POINTS:
        return answer
    if any(len(plain(sentence).split()) > MAX_POINT_WORDS for sentence in sentences):
        return answer
    if any((plain(s).split() or [""])[0].lower() in _LEANING for s in sentences[1:]):
        return answer
    return "\n".join(f"- {sentence[:1].upper()}{sentence[1:]}" for sentence in sentences)


def _sentence_count(text: str) -> int:
    return len(_SENTENCE.split(" ".join(plain(text).split())))


def without_labelled(text: str) -> str:
    """A definition's text without the labelled sentences `labelled_sentences` asks apart."""
    return " ".join(_labelled_split(text)[0])


def ranked(term: str) -> tuple[str, str] | None:
    """(the term, its rank) when a term's aside ranks it among others: `**Metformin**
    (first-line)`, `(drug of choice)`, `(gold standard)`. On the front the aside would give
    the fact away; it is asked on its own ("…: first-line?") and shown with the answer."""
    if not term.endswith(")") or "(" not in term:
        return None
    found = _RANKED.match(term)
    return (found.group("term"), found.group("rank")) if found else None


_RANKED = re.compile(
    r"^(?P<term>[^()]+?)\s*\((?P<rank>(?:single\s+)?(?:(?:first|second|third|1st|2nd|3rd)[- ]line"
    r"|preferred|(?:drug|treatment|investigation|test) of choice|gold[- ]standard|mainstay"
    r"|most common|commonest)(?:\s+[a-z]+){0,2})\)$",
    re.IGNORECASE,
)
"""A term and the rank in its aside (the roles prose_fact asks of a list item that is only a name
and its bracket, "Culture (gold standard)")."""


def _ranks(found: list[tuple[str, str] | None]) -> list[str]:
    """The ranks the list's terms are given in their asides."""
    ranks = (ranked(pair[0]) for pair in found if pair is not None)
    return [rank[1].lower() for rank in ranks if rank is not None]


def _emphasised_terms(block: ListBlock, section: Section, ctx: Context) -> list[Note]:
    """Bullets of whole sentences (lecture notes, at any depth) that define a term set in italics
    or bold inside the sentence (`* The *tidal volume* is the volume of one quiet breath`, `*
    *Minute ventilation* is defined as the product of …`): "What is the tidal volume?" -> the
    rest. A sub-item that points back with a figure (`* This is about 500 mL`) gives "Tidal
    volume: typical value?" -> "About 500 mL"; a worked sum (`135 mL - 65 mL = 70 mL`) answers
    with its result first. The sentence must say what the term is ("is the …", "is defined as a
    …"): an emphasised word in any other sentence (`The *only* muscle …`, `… is larger in …`)
    is no term. Items with a `Term: value` shape are `_terms_with_points`'s."""
    notes: list[Note] = []
    for item in _all_items(block):
        text = item.text.strip()
        if not text.startswith(("*", "_", "The ", "the ", "A ", "An ")):
            continue  # cheap: the term opens the sentence
        found = _EMPHASISED_TERM.match(text)
        if found is None or "\n" in text:
            continue
        term = plain(found.group("term")).strip()
        named = term.lower().split()
        if not 0 < len(named) <= MAX_TERM_WORDS or named[0] in _NOT_SUBJECT:
            continue
        if is_flag(term) or is_instruction(term) or named[0] in _NOT_NAMED:
            continue
        said = found.group("rest").strip().rstrip(".")
        if said.split()[1].lower() in _ROLE_WORDS:
            continue  # "**Bradycardia** is a leading reason for …": a role, not what it is
        if not MIN_SUBJECT_WORDS <= len(plain(said).split()) + 2 <= MAX_VALUE_WORDS:
            continue
        the = "the " if found.group("article") else ""
        front = ask(f"What {found.group('verb')} {the}{lower_first(term)}?", ctx)
        key = make_key("definition", section.path, term)
        answer = _sentence_case(said)
        notes.append(ctx.note("definition", "basic", front, answer, key, section, item.line))
        notes.extend(_values_of(term, item, section, ctx))
    return notes


def _all_items(block: ListBlock) -> Iterator[ListItem]:
    for item in block.items:
        yield item
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                yield from _all_items(inner)


def _values_of(term: str, item: ListItem, section: Section, ctx: Context) -> list[Note]:
    """The sub-items of a defined term that give its figure by pointing back (`This is about
    500 mL`, `It is normally 4-6 L`): its typical value."""
    notes = []
    for inner in item.blocks:
        if not isinstance(inner, ListBlock):
            continue
        for point in inner.items:
            found = _POINTS_BACK.match(plain(point.text).strip())
            if found is None or not _DIGIT.search(found.group("value")):
                continue
            value = found.group("value").strip().rstrip(".")
            if "=" in value:  # `about 135 mL - 65 mL = 70 mL`: the result, then its working
                working, result = (part.strip() for part in value.rsplit("=", 1))
                about = _ABOUT.match(working)
                lead = about.group(0) if about else ""
                value = f"{lead}{result} ({working[len(lead) :]})"
            front = f"{_sentence_case(term)}: typical value?"
            key = make_key("definition", section.path, term, None, "value")
            answer = _sentence_case(value)
            notes.append(ctx.note("definition", "basic", front, answer, key, section, point.line))
    return notes


_EMPHASISED_TERM = re.compile(
    r"^(?:(?P<article>the|a|an)\s+)?(\*\*|__|\*|_)(?P<term>[A-Za-z][A-Za-z' -]{2,60}?)\2\s+"
    r"(?P<verb>is|are)\s+(?:(?:defined|known|described)\s+as\s+)?(?P<rest>(?:the|a|an)\s.+)$",
    re.IGNORECASE,
)
"""A term of words (three letters or more, no symbol: `**Q** is the flow` in a formula's key
is the formula's, not a term to define) that the sentence says what it is."""
_ROLE_WORDS = frozenset(
    """leading common commonest major main key important frequent rare usual typical first
    second third most best only primary principal cornerstone mainstay standard classic useful
    good strong""".split()
)
"""Words after the article that say the term's role or rank (`is the cornerstone of …`, `is a
leading reason for …`), which the prose_fact rule asks, not what the term is."""
_HEDGE = r"(?:typically|usually|normally|generally|roughly|approximately|about|around)\s+"
_POINTS_BACK = re.compile(
    rf"^(?:this|it|that)\s+(?:is|are|was)\s+(?P<value>(?:{_HEDGE}){{0,2}}[~≈]?\s*\d.{{0,60}})$",
    re.IGNORECASE,
)
_ABOUT = re.compile(rf"^(?:{_HEDGE})+", re.IGNORECASE)


def _named_statements(block: ListBlock, section: Section, ctx: Context) -> list[Note]:
    """A statement with a sub-item that names it (`* The airways narrow and the chest
    overinflates` / `  * This is called air trapping`): "The airways narrow and the chest
    overinflates — what is this called?" -> "Air trapping". The statement is the only thing the
    pointer can mean, so the name is asked of it (MIN_SUBJECT_WORDS to MAX_STATEMENT_WORDS words,
    no worked example)."""
    notes: list[Note] = []
    for item in _all_items(block):
        if not item.blocks:
            continue
        statement = plain(item.text).strip().rstrip(".:")
        counted = len(statement.split())
        if not MIN_SUBJECT_WORDS <= counted <= MAX_STATEMENT_WORDS or is_example_text(statement):
            continue
        for inner in item.blocks:
            if not isinstance(inner, ListBlock):
                continue
            for point in inner.items:
                text = plain(point.text).strip()
                if " called " not in text and " known as " not in text and " termed " not in text:
                    continue  # cheap: most sub-items name nothing
                found = _THIS_IS_CALLED.match(text)
                if found is None or len(found.group("name").split()) > MAX_TERM_WORDS:
                    continue
                name = found.group("name").strip()
                front = f"{statement} — what is this called?"
                key = make_key("definition", section.path, name, None, "named")
                answer = _sentence_case(name)
                line = point.line
                notes.append(ctx.note("definition", "basic", front, answer, key, section, line))
    return notes


MAX_STATEMENT_WORDS = 30
_THIS_IS_CALLED = re.compile(
    r"^(?:this|that|it)\s+is\s+(?:also\s+)?(?:called|known\s+as|termed)\s+[“\"]?"
    r"(?P<name>[^“”\",;:()]{3,60}?)[”\"]?\s*\.?$",
    re.IGNORECASE,
)


@lru_cache(maxsize=TEXT_CACHE)
def is_slogan(label: str, tips: bool = False, language: str = "en") -> bool:
    """A bold label that is no term but a takeaway's slogan: a sentence ("Time is tissue",
    "Fever itself isn't dangerous"), an imperative ("Know the warning signs", "Trust your
    judgement"), a conditional ("When in doubt, escalate") or a connective ("But remember").
    Asked as a term ("Time is tissue?") it quotes the claim on the front and asks nothing; the
    fact in its explanation is left to the rules that read a sentence (a figure: measure).
    `tips`: the label stands in a list of tips, most of them instructions ("Stay hydrated: water
    flushes out waste", "Don't smoke: …"), where an imperative names the tip its reason explains.
    `language`: the document's (`Context.language`); the words that tell a slogan are English,
    and in another language they are other words ("Controle do peso": Portuguese "do" is "of
    the", no verb), so a label of a document in another language is never read as one."""
    if language != "en":
        return False
    words = [w.strip(",;:.!") for w in plain(label).lower().replace("’", "'").split()]
    if not words or label.rstrip().endswith("?"):
        return False
    if words[0] in _CONNECTIVES:
        return True
    if len(words) < 2:
        return False
    if _imperative(words):
        return not tips  # not every instruction: "Report immediately:" leads into when to report
    if words[0] in ("when", "if") and "," in label:
        return True  # "When in doubt, call"
    if words[0] in _WH:
        return False  # "What they are", "What to do", "Why it matters": a heading's question
    return len(words) >= 3 and any(word in _FINITE for word in words[1:])


_WH = frozenset("what why how who where which whom whose".split())


def _imperative(words: list[str]) -> bool:
    return len(words) >= 2 and words[0] in _SLOGAN_VERBS and words[1] not in _NOT_VERB_AFTER


def is_list_of_tips(found: list[tuple[str, str] | None]) -> bool:
    """Most of a list's terms are instructions ("Eat a healthy diet", "Don't smoke"): a list of
    tips, each asked with its reason; a takeaway's slogans are mostly claims, one imperative or
    two among them."""
    if not any(
        pair and pair[0].lstrip("*_ ")[:6].lower().replace("’", "'").startswith(_SLOGAN_OPENINGS)
        for pair in found
    ):
        return False  # no label a slogan's verb opens: whether it is a list of tips matters not
    terms = [plain(pair[0]).lower().replace("’", "'").split() for pair in found if pair]
    told = sum(_imperative(words) or is_instruction(" ".join(words)) for words in terms)
    return 2 * told > len(terms)


_CONNECTIVES = frozenset("but so yet however remember and also still".split())
"""Words that open a remark joined to what went before ("But remember:"), never a term."""
_SLOGAN_VERBS = frozenset(
    "trust know stay remember act learn think listen recognise recognize escalate fear believe "
    "be don't never always".split()
)
"""Imperatives of a takeaway's slogan ("Trust your instinct", "Know the red flags"): a frame of
mind, where an instruction's verb ("Report immediately:") leads into what to do."""
_SLOGAN_OPENINGS = tuple(verb[:6] for verb in _SLOGAN_VERBS)
"""Their first letters: a cheap look at a label before reading it."""
_FINITE = frozenset(
    "is are isn't aren't was were matters matter can can't cannot will won't should must "
    "does doesn't do don't".split()
)
"""Finite verbs after a label's first word make it a sentence ("Time is tissue")."""


_REASON_CUES = (" because ", " since ", " as it ", " as they ", " so it ", " so they ")
_REASONED = re.compile(
    r"^(?P<x>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,4}?)\s+(?P<be>is|are)\s+"
    r"(?P<y>[^\s,;:()—–]+(?:\s+[^\s,;:()—–]+){0,5}?),?\s+"
    r"(?:because|since|as\s+(?=(?:it|they)\s+(?:does|do|has|have|lacks?|contains?|cannot|can[’']t|"
    r"is\s+not|are\s+not|isn[’']t|aren[’']t)\b))\s*(?P<why>[^;:]{3,140}?)\s*[.!]?$",
    re.IGNORECASE,
)
_SO = re.compile(
    r"^(?P<x>[^\s,;:()]+(?:\s+[^\s,;:()]+){0,4}?)\s+(?P<cause>(?:has|have|lacks?|contains?|"
    r"does\s+not|do\s+not|cannot)\s+[^,;]{3,80}?),?\s+so\s+(?:it|they)\s+(?P<be>is|are)\s+"
    r"(?P<y>[^\s,;:()—–]+(?:\s+[^\s,;:()—–]+){0,5}?)\s*[.!]?$",
    re.IGNORECASE,
)
_NOT_REASONED = frozenset(
    "a an this these that those there which who he she we you i one some many most".split()
)
"""Openings that are no thing to ask about: a case ("A 62-year-old man is brought in because
…"), or a pronoun with nothing named."""
MAX_REASON_WORDS = 20
_PERSONS = frozenset("patient patients man woman boy girl child baby infant person he she".split())
_NAMING = frozenset("called known named termed referred nicknamed".split())
_POINTING = re.compile(r"^because\s+of\s+(?:this|that|these|those|it|them)\b", re.IGNORECASE)
MIN_REASON_WORDS = 3
_SINCE_WHEN = re.compile(
    r"(?:\S*\d|(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\.?(?=\s\d)"
    r"|(?:january|february|march|april|june|july|august|september|october|november|december"
    r"|last|birth|childhood|then|early|late|spring|summer|autumn|fall|winter|yesterday|infancy"
    r"|its\s+(?:launch|introduction))\b)",
    re.IGNORECASE,
)
"""A "since" that says when ("since 2019", "since last winter", "since birth"), not why."""


def reasoned(sentence: str) -> tuple[str, str, str, str] | None:
    """(thing, "is"/"are", what it is, why) for a sentence that gives a thing's reason for being
    what it is: "The optic cup is pale because it has no vessels", "… as it does not have …"
    (a clause: "as they are in …" compares), or "The cup has no vessels, so it is pale". None
    for any other sentence, a case or a pronoun's, or a reason past MAX_REASON_WORDS words."""
    lowered = sentence.lower()
    if not any(map(lowered.__contains__, _REASON_CUES)):
        return None  # cheap: most sentences give no reason
    found = _REASONED.match(sentence)
    if found is not None:
        why = found.group("why").strip()
        if why.lower().startswith("of "):
            why = f"because {why}"  # "because of the heat": a noun, not a clause
        if _SINCE_WHEN.match(why) and sentence[: found.start("why")].rstrip().endswith("since"):
            return None  # "offered since September 2019 to boys": since when, no reason
    else:
        found = _SO.match(sentence)
        if found is None:
            return None
        why = f"{'They' if found.group('be').lower() == 'are' else 'It'} {found.group('cause')}"
    thing = found.group("x").strip()
    if names_a_person(thing):
        return None  # "The patient is admitted because of …": a case, not a fact
    if (
        thing.split()[0].lower() in _NOT_REASONED
        or not MIN_REASON_WORDS <= len(why.split()) <= MAX_REASON_WORDS
    ):
        return None
    if why.split()[0].lower() in (
        "of",
        "to",
        "well",
        "such",
        "a",
        "an",
        "the",
    ) and not why.lower().startswith("because of"):
        return None  # "as well as", "since the 1990s": no reason
    what = found.group("y").strip().rstrip(".!")
    if what.split()[0].lower() in _NAMING or _POINTING.match(why):
        return None  # "… called "the quiet zone" because …": prose_fact asks the name's reason
    return thing, found.group("be").lower(), what, why[:1].upper() + why[1:]


def reasons_of(term: str, text: str) -> list[tuple[str, str]]:
    """(what the term is, why) for each sentence after a definition's first that gives the
    term's reason for being what it is ("Optic cup: the pale centre of the disc. It is pale
    because it has no vessels"): lost when the definition is cut to its first sentence."""
    if not any(map(text.lower().__contains__, _REASON_CUES)):
        return []
    named = plain(term).lower().removeprefix("the ").strip()
    found: list[tuple[str, str]] = []
    for sentence in _SENTENCE.split(" ".join(without_citations(text).split()))[1:]:
        reason = reasoned(sentence) if named else None
        if reason is None:
            continue
        thing = reason[0].lower().removeprefix("the ").strip()
        if thing == named or thing in ("it", "they"):
            found.append((reason[2], reason[3]))
    return found


def names_a_person(text: str) -> bool:
    """The text names a person ("the patient", "a 40-year-old man"): a case's subject, whose
    reasons are the case's, not facts to learn."""
    return bool(_PERSONS.intersection(text.lower().split()))


_FIGURES = re.compile(r"\d+(?:[.,]\d+)*")


def joining_siblings(found: list[tuple[str, str] | None]) -> frozenset[int]:
    """The items (by number) whose value only joins two other items' values with a slash
    ("Reading: <120/80 mmHg" beside "Systolic: under 120 mmHg" and "Diastolic: under 80 mmHg"):
    each half holds the figures of one sibling's value, so its note asks both of them again.
    Each value's figures are read once for the list, not once per item with a slash."""
    figures = [
        tuple(_FIGURES.findall(plain(pair[1]))) if pair is not None and "/" not in pair[1] else None
        for pair in found
    ]
    counted = Counter(told for told in figures if told is not None)
    joining = set()
    for number, pair in enumerate(found):
        halves = plain(pair[1]).split("/") if pair is not None else []
        if len(halves) != 2:
            continue
        wanted = [tuple(_FIGURES.findall(half)) for half in halves]
        if not all(wanted):
            continue  # "10 mg/kg": a unit, not two values
        own = figures[number]  # its own value is no sibling of its

        def others(told: tuple[str, ...], own: tuple[str, ...] | None = own) -> int:
            return counted[told] - (own == told)

        if others(wanted[0]) >= (2 if wanted[0] == wanted[1] else 1) and others(wanted[1]):
            joining.add(number)
    return frozenset(joining)


def joining_items(block: ListBlock) -> frozenset[int]:
    """The lines of the list's items whose values only join two siblings' (`joining_siblings`):
    no rule asks them, as every figure of theirs is asked already."""
    found = [definition(item) for item in block.items]
    joining = joining_siblings(found)
    return frozenset(item.line for number, item in enumerate(block.items) if number in joining)
