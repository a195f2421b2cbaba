"""Numeric facts students are examined on become cloze notes on the number.

Two sources: table columns whose every cell is a figure (a survival table: "the 5-year survival
rate for Stage IV is {{c1::15-27%}}"; one quantity in several unit columns, "Level (mmol/L) |
Level (mg/dL)", is asked in its first unit only; columns headed by groups, "Women | Men", are
read across the row, "Chest pain (symptom): women {{c1::60%}}, men {{c2::80%}}"; a column of
amounts beside a `Unit` column is hidden with its unit and what a mostly blank column adds,
"{{c1::80 mg/kg}} ({{c1::4 g max}})": `table.joined`), and prose sentences holding a percentage
or a percentage range ("approximately {{c1::20% to 30%}} of breast cancer patients will develop
liver metastases"). "This" or "It" opening a section's first paragraph names the heading's thing
("This is the commonest kind, about 80%" under "Wet korrin" reads "Wet korrin is the commonest
kind, about {{c1::80%}}"). A long sentence shows the clause that holds its figures
(`text.clause_of`), without an opening "However," (it points at a sentence the card does not
show). A picture's caption (`captions`: "Image reproduced from …" right under the picture) and
a sentence reporting a study's statistics ("95% confidence interval", "OR 0.46") are no facts,
here or to the other sentence rules; nor is a sentence opening "They" or "These", whose study
or group another sentence names, nor a later sentence of a paragraph opening "This …" ("…
cannot contract. This leads to low output (EF <=40%)"): what "This" stands for is not shown.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..abbreviations import find_abbreviations
from ..document import Paragraph, Section, Table, TableRow
from ..notes import Note, cloze, deletion, literal, make_key
from ..text import (
    clause_of,
    given_strength,
    heading_subject,
    heading_text,
    is_advert,
    is_relational,
    is_total,
    leans_back,
    lower_first,
    names_a_strength,
    normalise,
    plain,
    points_back,
    split_sentences,
    twinned,
    without_connective,
    without_reference_marks,
)
from .context import Context
from .faq import answered_blocks
from .leads import captions, is_example
from .table import (
    Reading,
    extras_of,
    joined,
    keyed_by_value,
    measured_subject,
    read_table,
    row_kind,
    table_caption,
    uniform,
    with_unit,
)

# Percentages and ranges of them ("20%", "2.5 %", "20% to 30%", "20-30%"): the two alternatives
# `\d+(?:\.\d+)?\s*%?\s*(?:to|-|–|and)\s*\d+(?:\.\d+)?\s*%` and `\d+(?:\.\d+)?\s*%` with their
# leading digits written once, as `\d\d*`: a pattern that starts with a character class lets the
# regex engine skip to the next digit instead of trying both alternatives at every position (4x
# faster). The matches are the same, as either alternative can only succeed after a whole run of
# digits.
_PERCENT = re.compile(
    r"\d\d*(?:(?:\.\d+)?\s*%?\s*(?:to|-|–|and)\s*\d+(?:\.\d+)?\s*%|(?:\.\d+)?\s*%)"
)
MAX_SENTENCE_WORDS = 45
PIPE_ROWS = re.compile(r"^\s*\|.*\|\s*$", re.DOTALL)
"""A table that lost its `|---|` line: a paragraph of `| cell | cell |` rows, no sentence."""


def extract(section: Section, ctx: Context) -> list[Note]:
    if is_example(None, section):
        return []  # a worked example's or a practice case's figures hold for that case only
    notes: list[Note] = []
    previous: object = None
    for block in section.blocks:
        if isinstance(block, Table) and not ctx.in_faq:
            notes.extend(_table_figures(block, table_caption(block, previous), section, ctx))
        if not (isinstance(block, Paragraph) and not block.text.replace("\\", "").strip()):
            previous = block  # as the table rule reads a caption: a lone `\` stands for nothing
    for owner, paragraph in _paragraphs(section, ctx):
        if is_advert(paragraph.text):
            continue  # "First consultation only £49 — 10% off!": an advert's figures
        notes.extend(_prose_figures(paragraph, owner, ctx))
    return notes


def _paragraphs(section: Section, ctx: Context) -> list[tuple[Section, Paragraph]]:
    """Paragraphs to read: the section's own, and inside an FAQ its questions' answers too."""
    asked = frozenset[int]() if ctx.in_faq else answered_blocks(section.blocks)
    asked |= captions(section.blocks)  # a picture's caption: its study's figures
    found = [
        (section, block)
        for index, block in enumerate(section.blocks)
        if isinstance(block, Paragraph) and index not in asked  # a quiz's stem and options
    ]
    if ctx.in_faq:
        for child in section.children:
            found.extend(_paragraphs(child, ctx))
    return found


def _table_figures(table: Table, caption: str, section: Section, ctx: Context) -> list[Note]:
    options = ctx.table_options(section)
    reading = read_table(table, options.subject if options else None)
    subject_index = reading.subject
    if reading.shape != "rows" or subject_index is None or reading.grouped:
        return []  # a figure of a field list, a header-less table or a subject of several rows
        # (two doses of one drug: "the dose for X is" has two answers) is the table rule's
    if caption and not (options and options.question) and keyed_by_value(reading, subject_index):
        return []  # rows keyed by a dose under the drug's name: the table rule asks them of it
    if reading.qualifier is not None:
        return []  # so is one of a subject's rows told apart by a measure ("X, CrCl 30-49")
    notes = []
    # a measure that is the subject is not asked again in another unit ("mg/dL" beside "mEq/L")
    quantities = {_quantity(reading.header[subject_index])} if reading.measured else set()
    parts = joined(reading)  # `| Dose | Unit |`: "10 mcg/kg" is the answer, "10" half of it
    columns = []
    for index, header in enumerate(reading.header):
        if index == subject_index or not reading.figures[index] or not plain(header):
            continue  # a column without a header is the table rule's ("besides" the named)
        if uniform(reading, index):
            continue  # one value in every row (a dial's step of 1): nothing tells the rows apart
        if parts is not None and index in parts.extras:
            continue  # a mostly blank column of maxima: asked with the amount it limits
        quantity = _quantity(header)
        if quantity in quantities:
            continue  # "Level (mg/dL)" after "Level (mmol/L)": the same ladder in another unit
        quantities.add(quantity)
        columns.append(index)
    if len(columns) > 1 and all(_names_group(reading.header[index]) for index in columns):
        return _row_figures(reading, subject_index, columns, section, ctx)
    for index in columns:
        column = lower_first(plain(reading.header[index]))
        for number, row in enumerate(reading.rows):
            value = plain(row.cells[index])
            if not value or number in reading.unread or is_total(plain(row.cells[subject_index])):
                continue  # a total row sums the rows above it: no fact of its own
            subject = _subject(reading, row)
            where = f"In {ctx.topic}, the" if ctx.topic else "The"
            front = literal(f"{where} {column} for {subject} is ")
            if parts is not None and parts.value == index:
                front += deletion(1, with_unit(row, parts))
                extras = extras_of(reading, row, parts, plain(row.cells[subject_index]))
                for at, (name, cell) in enumerate(extras):  # "1 g max", "12 hourly": part of
                    opening = "; " if at else " ("  # the one answer, asked with it
                    front += literal(f"{opening}{name} " if name else opening) + deletion(1, cell)
                front += literal(")") if extras else ""
            else:
                front += deletion(1, value)
            front += "."
            cell = plain(row.cells[subject_index])
            key = make_key("figure", section.path, cell, row.pin, column.lower())
            notes.append(ctx.note("figure", "cloze", front, "", key, section, row.line))
    return notes


GROUP_MAX_WORDS = 2


def _names_group(header: str) -> bool:
    """A figure column's header naming who or when the figure is for ("Women", "Adults",
    "First", "1-year"), not a quantity a sentence can name ("5-year survival rate", "Heart rate
    (/min)", "Dose (adult)": longer, or with a unit or an aside)."""
    text = plain(header)
    return 0 < len(text.split()) <= GROUP_MAX_WORDS and "(" not in text


def _subject(reading: Reading, row: TableRow) -> str:
    """A row's subject as a figure's sentence names it: "time to treatment <1 hour", not "<1
    hour" alone."""
    if reading.measured:
        return lower_first(measured_subject(reading, row))
    return plain(row.cells[reading.subject or 0])


def _row_figures(
    reading: Reading, subject_index: int, columns: list[int], section: Section, ctx: Context
) -> list[Note]:
    """Several figure columns side by side (`| Symptom | Women | Men |`, `| Stage | 1-year |
    5-year |`): each header is a group or a span the figure belongs to, not a quantity a
    sentence can say "the women for chest pain is" of. One cloze note per row reads the row
    across: "Chest pain (symptom) in <topic>: women {{c1::60%}}, men {{c2::80%}}"."""
    kind = row_kind(reading)
    notes = []
    for number, row in enumerate(reading.rows):
        filled = [index for index in columns if plain(row.cells[index])]
        if not filled or number in reading.unread or is_total(plain(row.cells[subject_index])):
            continue
        subject = _subject(reading, row)
        if kind and not reading.measured and kind.split(" ")[-1] not in subject.lower():
            subject = f"{subject} ({kind})"
        text = literal(f"{ctx.situate(subject)}: ")
        for number, index in enumerate(filled, start=1):
            column = lower_first(plain(reading.header[index]))
            text += literal(f"{', ' if number > 1 else ''}{column} ")
            text += deletion(number, plain(row.cells[index]))
        header = plain(reading.header[columns[0]]).lower()
        # keyed as the first column's figure was, alone: that note's reviews carry over
        key = make_key("figure", section.path, plain(row.cells[subject_index]), row.pin, header)
        notes.append(ctx.note("figure", "cloze", text, "", key, section, row.line))
    return notes


_TAG = re.compile(r"<[A-Za-z/][^<>]*>")


def _in_tag(text: str, at: int) -> bool:
    """Whether `at` lies inside an HTML tag (an attribute's `height: 100%`): a tag's figures
    lay the page out; a card never hides one."""
    return "<" in text and any(tag.start() < at < tag.end() for tag in _TAG.finditer(text))


def _prose_figures(paragraph: Paragraph, section: Section, ctx: Context) -> list[Note]:
    notes: list[Note] = []
    prose = without_reference_marks(plain(paragraph.text))  # "… 3% over 10 minutes [8]"
    if "%" not in prose or PIPE_ROWS.match(paragraph.text):
        return notes  # every figure `_PERCENT` finds ends in a per cent sign; a table that lost
        # its `|---|` line is a paragraph of `| cell | cell |` rows, no sentence to cloze
    opening = paragraph is next((b for b in section.blocks if isinstance(b, Paragraph)), None)
    headings = _stated_figures("".join((ctx.document, *section.path)).replace(" ", ""))
    for number, sentence in enumerate(split_sentences(prose)):
        if "%" not in sentence:
            continue  # holds no figure (and looking for digits is slower than for "%")
        spans = [
            match.span()
            for match in _PERCENT.finditer(sentence)
            if not names_a_strength(sentence[match.end() :])  # "0.9% sodium chloride"
            and not given_strength(sentence, match.start())  # "2 mL/kg of 3%"
            and not _shown_above(match.group(0), headings)  # "Saline 0.9%" over every card
            and not _in_tag(sentence, match.start())  # `<img style='height: 100%'>`: markup
        ]
        spans = measures(sentence, spans) if spans else spans
        if not spans or len(sentence.split()) > MAX_SENTENCE_WORDS or is_total(sentence):
            continue
        if reports_statistics(sentence):
            continue  # "… with 95% confidence interval", "OR 0.46": how a study counted
        pointer = points_back(sentence) if opening and number == 0 else 0
        if sentence.rstrip().endswith(":"):
            sentence = before_lead_in(sentence, max(end for _, end in spans))
        shown, hidden = sentence, twinned(sentence, spans)
        if not pointer:  # the clause its figures need, without an opening "However,"
            shown, hidden = without_connective(*clause_of(shown, hidden))
        text = cloze(shown, hidden)
        thing = _heading_thing(section.title) if pointer else ""
        if leans_back(sentence) and _THIS.match(sentence) is None:
            continue  # "They found a lower mortality (12% vs 23%)": who, of whom, is elsewhere
        if number > 0 and _DANGLING.match(sentence) is not None:
            continue  # "… cannot contract. This leads to low output (EF <=40%)": "This" is
            # the sentence before, which the card would not show
        if pointer and thing:
            # "This is the commonest kind, about {{c1::80%}}" opening "### Wet korrin": the
            # heading's thing is what "This" names (the key stays the sentence's own)
            text = f"{literal(thing)} {text[pointer:]}"
        elif not ctx.names_subject(sentence, section):
            text = f"{literal(ctx.title(section))}: {text}"
        masked = _masked(sentence, spans)
        # Keyed by its section's pin when it has one (a pinned FAQ question): rewording the
        # question must not make the figures of its answer new notes.
        key = make_key("figure", section.path, masked, section.pin, normalise(masked))
        notes.append(ctx.note("figure", "cloze", text, "", key, section, paragraph.line))
    return notes


def before_lead_in(sentence: str, end: int) -> str:
    """A sentence that leads into a list (ends with ":") cut to the clause its figures end in
    ("About {{5%}} of cases, and are caused by specific conditions:" -> "About 5% of cases."):
    its last words name a list the card does not show."""
    tail = _NEXT_CLAUSE.search(sentence, end)
    kept = sentence[: tail.start()] if tail is not None else sentence.rstrip().removesuffix(":")
    return kept.rstrip(" ,;") + "."


_NEXT_CLAUSE = re.compile(r",\s|;\s|\s(?:and|but|e|y|et|und|ed|while|which)\s")
"""Where the clause after a figure begins: a comma or a joining word (in the languages the
rules read)."""


_STATISTICS = re.compile(
    r"(?i:\b(?:confidence intervals?|odds ratios?|hazard ratios?|risk ratios?|relative risks?"
    r"|p[- ]values?|splines?|mixed[- ]effects?(?: model)?|(?:logistic|linear|cox|multivariable"
    r"|multivariate) regression|regression models?|random intercepts?"
    r"|propensity|(?:statistically |significantly )(?:significant|different)|standard deviations?"
    r"|interquartile)\b)"
    r"|\b(?:95|99|90)\s*%\s*CI\b|\b(?:a?OR|a?HR)\s*[=:]?\s*\d*\.\d+|\b[pP]\s*[<=≤]\s*0?\.\d"
)
"""A study's statistics or method: what a figure beside it measures is how the study counted
("a mixed-effect model with 95% confidence interval", "12% vs 23%, OR 0.46"), not a fact."""


_THIS = re.compile(r"this\b", re.IGNORECASE)
_DANGLING = re.compile(r"(?:this|these)\s+[a-z]+\s+(?!of\b)", re.IGNORECASE)
"""A later sentence opening with a bare "This"/"These" and its verb ("This leads to …", "These
include …"): it stands for the sentence before."""
"""A "This" opening is the heading's thing, or left as written (the topic is named before it)."""


def _shown_above(figure: str, headings: frozenset[str]) -> bool:
    """Whether the headings above the sentence (the document's title among them), which the
    context line shows over every card, state the figure ("Saline 0.9%"): hidden, it would be
    an answer printed over its question. `headings` is `_stated_figures` of them."""
    return figure.replace(" ", "") in headings


@lru_cache(maxsize=64)
def _stated_figures(headings: str) -> frozenset[str]:
    """Every figure `_PERCENT` reads that `headings` (spaces left out) hold whole: not after a
    digit or '.', nor before a digit ("0.9%" is not "9%"). Read once for a paragraph: searching
    the headings for each figure of it, a long title of figures over a paragraph of them, took
    time as their product (2,000 of each: 12 s). From each place a number starts, the two forms
    `_PERCENT` has (a range, one figure) are matched greedily, which reads any figure there."""
    found: set[str] = set()
    if "%" not in headings:
        return frozenset()
    for start in _DIGIT_RUN.finditer(headings):
        at = start.start()
        if at and (headings[at - 1].isdigit() or headings[at - 1] == "."):
            continue
        for form in (_PERCENT_RANGE, _PERCENT_ONE):
            figure = form.match(headings, at)
            if figure is not None and not headings[figure.end() : figure.end() + 1].isdigit():
                found.add(figure.group())
    return frozenset(found)


_DIGIT_RUN = re.compile(r"\d+")
_PERCENT_RANGE = re.compile(r"\d\d*(?:\.\d+)?\s*%?\s*(?:to|-|–|and)\s*\d+(?:\.\d+)?\s*%")
_PERCENT_ONE = re.compile(r"\d\d*(?:\.\d+)?\s*%")
"""`_PERCENT`'s two forms, each alone."""


def measures(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The figures that measure something: not one inside an abbreviation's spelled-out name
    (`FEV1 (forced expiratory volume in 1 second)`: the "1 second" is a word of the name), nor
    the "100 %" of a denied totality (`not 100 % safe`, `não isenta … 100%`: no share is
    stated, only that it is not complete)."""
    names = [
        (at, at + len(found.long))
        for found in find_abbreviations(sentence)
        if _DIGIT_RUN.search(found.long) and (at := sentence.find(found.long)) >= 0
    ]
    # the negation is looked for only when a figure is a whole "100 %" (the pattern tries its
    # words at every position of the sentence)
    whole = any(_WHOLE.fullmatch(sentence[start:end]) for start, end in spans)
    denied = whole and _NEGATION.search(sentence) is not None
    return [
        (start, end)
        for start, end in spans
        if not any(a <= start and end <= b for a, b in names)
        and not (denied and _WHOLE.fullmatch(sentence[start:end]))
    ]


_NEGATION = re.compile(
    r"\b(?:not|never|no|nor|cannot|n't|não|nem|nunca|jamais|nicht|kein\w*|pas|non)\b|n't\b",
    re.IGNORECASE,
)
_WHOLE = re.compile(r"100\s*%")


def reports_statistics(sentence: str) -> bool:
    """The sentence reports a study's statistics or method (`_STATISTICS`). ASCII text with
    none of the words and marks every statistic needs (most sentences) is no report: `in`
    finds that faster than the pattern, which tries each word at every position."""
    if sentence.isascii() and not any(mark in sentence for mark in _STATISTICS_MARKS):
        lowered = sentence.lower()
        if not any(word in lowered for word in _STATISTICS_WORDS):
            return False
    return _STATISTICS.search(sentence) is not None


_STATISTICS_MARKS = ("CI", "OR", "HR", "<", "=")
_STATISTICS_WORDS = (
    "interval", "ratio", "risk", "value", "spline", "mixed", "regression", "intercept",
    "propensity", "significant", "different", "deviation", "interquartile",
)  # fmt: skip
"""A part of every `_STATISTICS` word (in any case), and its marks (in their case)."""


def _masked(sentence: str, spans: list[tuple[int, int]]) -> str:
    """`_PERCENT.sub("#", sentence)`, from the spans already found."""
    out: list[str] = []
    last = 0
    for start, end in spans:
        out += (sentence[last:start], "#")
        last = end
    return "".join(out) + sentence[last:]


_UNIT = re.compile(
    r"\s*\((?:[^()\s]*/[^()\s]*|%|°\s?[CF]|k?Pa|mm ?Hg|cm ?H(?:2|₂)O|[µμmnk]?g|lbs?|[cmµμ]?m"
    r"|in|inches|m?Eq|[mµμn]?mol|[mµμd]?L|IU|units?)\)$",
    re.IGNORECASE,
)


def _quantity(header: str) -> str:
    """What a figure column measures, without its unit: "Level (mg/dL)" and "Level (mmol/L)"
    are one quantity; a header with no unit in brackets is its own (`Dose (child)` too)."""
    text = plain(header)
    found = _UNIT.search(text) if text.endswith(")") else None
    return text.lower() if found is None else text[: found.start()].strip().lower() + " ()"


def _heading_thing(title: str) -> str:
    """The thing a heading names ("Wet Korrin"), or "" for a generic, relational or long one."""
    text = heading_text(title)
    if heading_subject((title,)) != text or is_relational(text) or text.endswith("?"):
        return ""
    return text if 0 < len(text.split()) <= MAX_THING_WORDS else ""


MAX_THING_WORDS = 4
