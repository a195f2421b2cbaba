"""Questions and their answers become Basic notes, in an FAQ section and wherever else they are
written as questions and answers.

An FAQ section is titled like one ("FAQ", "Frequently Asked Questions", "Common questions",
"Questions and answers", "Q&A"). Its questions are written in any shape below, or as
sub-headings (`### What is X?`, the answer being everything under the heading):

- bold paragraphs (`**What is X?**`), the answer being the blocks up to the next question;
- `Q:` paragraphs, bold or not (`**Q: What is X?**`), the answer as an `A:` paragraph or the
  same paragraph's next line;
- a `Q:` and its `A:` in one list item (`* **Q: What is X?** A: …`);
- in such a list, an item that is only bold text (`- **Kidney effects**`) heads the questions
  after it: a question leaning on the ones before it ("Does it …?", "Is this …?", "What about
  X?") is opened by the page's thing and that heading (`_situated`);
- numbered questions (`1.) What is X?` as a paragraph, its answer after it; or `1. What is X?`
  as a list item with its answer as a sub-list), and bulleted ones (`- 🍒 Why X?` over a
  sub-list that answers it, as note-taking apps write them; not when the sub-items only ask
  again); an item of the answer's list that asks and
  answers at once (`* Position for the infusion? Left side.`) is a question of its own, and
  ends the answer;
- a quiz question with lettered options (`a)`, `B.`, in a sub-list, a list or a paragraph of
  lines after its stem), the right one marked ✓ (`- b) 60–100 bpm ✓`) or named by an
  `Answer:` line after the options (`**Answer:** B`, `Correct answer: b) …`): the chosen option
  is the answer, and a `Rationale:` / `Explanation:` line after it says why, on the back. A stem
  or answer that refers to the options ("Which of the following…", "a reading of:", "Both a
  and b") shows the options on the front and answers with the letter; without exactly one
  chosen option it makes no card (nor do its options: a `**Q3.**` or "Which …?" stem over them
  takes them). An answer callout right after the options (a vault's folded self-test: `>
  [!success]- Answer`, "Solution", "答案", over `**B** — why`) is that `Answer:` line and its
  rationale (`answered_in_callouts`, which routing reads instead of the section); the callout
  makes no notes of its own.
- the same quiz written as sibling sections (`## Question` over `## Options` as a letter table or
  list, and an `## Answer` / `## Correct Answer` section): routing gives the stem section this
  rule as one quiz (`quiz_items`), its options section no rule;
- review slides (Marp, reveal.js): a case (a paragraph that opens on its patient), its question
  and lettered options on one slide, answered on the next by striking out every other option
  (`~~A. …~~`), by an option marked "(correct)" or set in bold alone, or by a slide titled
  "Answer" / "Explanation" naming the option; asked with the case on the front. A case, a
  question slide or options that no answer follows, and an empty template slide's options,
  make no card, and no rule reads them as facts.

A case question that a card would carry whole (`scenario`: a stem telling a patient's case before
it asks, answered by more than 12 words; or a vignette of more than 60 words answered with its
reasoning) makes no card, and no other rule reads its blocks.

In any other section the same shapes are read as questions too (so "Common exam questions" or
"Check your understanding" make questions, not clozes with the answer on the front), except
headings; there an answer is the one block after its question. A thematic break (`---`) and a
"See also" or "Further reading" line end an answer. A list of items ending in "?" inside an
answer stays part of that answer.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..document import (
    Block,
    ListBlock,
    ListItem,
    Paragraph,
    RawBlock,
    Section,
    Table,
    split_pin,
    to_markdown,
)
from ..notes import Note, make_key
from ..text import (
    asks_what_to_do,
    bold_initials,
    heading_text,
    lower_first,
    one_answer,
    plain,
    short_answer,
    single_spaced,
    title_thing,
    told_answer,
    without_citations,
    without_emoji,
)
from .context import Context
from .leads import bold_statements

_FAQ_TITLE = re.compile(
    r"^(faqs?|f\.a\.q\.?s?|frequently asked questions|common(ly asked)? questions|"
    r"questions( and |\s*&\s*)answers|q\s*&\s*a|questions)\b",
    re.IGNORECASE,
)
_BOLD_QUESTION = re.compile(r"^(\*\*|__)(?P<q>[^*_].*?\?(\s*\{#[^}]*\})?)\s*(\*\*|__)$", re.DOTALL)
_OTHER_ANSWER = r"resposta|respuesta|r[ée]ponse|risposta|antwort"
"""The word "answer" as a label in the other languages question banks come in (`Resposta:`,
`Respuesta:`, `Réponse :`, `Risposta:`, `Antwort:`): paired with its question as `A:` is."""
_OTHER_QUESTION = r"pergunta|pregunta|domanda|frage"
_Q_PREFIX = re.compile(
    rf"^(\*\*|__)?(?:Q(?:uestion)?\s*\d*\s*[:.]|(?:{_OTHER_QUESTION})\s*\d*\s*:)\s*(\*\*|__)?\s*",
    re.IGNORECASE,
)
_A_PREFIX = re.compile(
    rf"^(\*\*|__)?(?:A(?:nswer)?\s*[:.]|(?:{_OTHER_ANSWER})\s*:)\s*(\*\*|__)?\s*", re.IGNORECASE
)
_A_LABEL = re.compile(
    rf"^(\*\*|__)?(?:A(?:nswer)?|{_OTHER_ANSWER})\s*:\s*(\*\*|__)?\s*", re.IGNORECASE
)
"""An answer's own label, with its colon (`A. baumannii` is no label)."""
_INLINE_ANSWER = re.compile(
    rf"(?:\*\*|__)?\s*\b(?:A(?:nswer)?|(?i:{_OTHER_ANSWER}))\s*:\s*(?:\*\*|__)?\s*"
)
_NUMBERED_QUESTION = re.compile(r"^\d{1,3}\s*[.)]+\s*(?P<q>\S.*\?)$")
_OPTION = re.compile(r"^\(?[a-hA-H][.)]\s*")
_TICK = re.compile(r"\s*[✓✔✅☑]\uFE0F?\s*")
_ENDS_ANSWER = re.compile(
    r"^(see also|further reading|read more|related\b|learn more|sources?\b|references?\b)",
    re.IGNORECASE,
)
_LINK_ONLY = re.compile(r"^(?:\s*\[[^\]]*\]\([^)]*\)\s*[,;·|]?)+$")


def is_faq(section: Section) -> bool:
    return bool(_FAQ_TITLE.match(plain(section.title).strip()))


@dataclass(frozen=True, slots=True)
class Question:
    text: str
    answer: str
    line: int
    pin: str | None
    blocks: tuple[int, ...]
    """The indices of the section's blocks the question and its answer take."""
    label: str = ""
    """The bold item heading the list items the question is among (`- **Kidney effects**`)."""


def extract(section: Section, ctx: Context) -> list[Note]:
    """The notes of a section's questions: all of an FAQ section (its sub-headings too), and the
    questions written as such in any other section."""
    asked = questions(section.blocks, True) if ctx.in_faq else _outside_faq(section.blocks)[0]
    if not ctx.in_faq and asked and not asked[-1].answer and len(section.blocks) >= 2:
        asked = [*asked[:-1], _revealed_in_details(section, asked[-1])]
    if not ctx.in_faq and (heading := _heading_question(section, asked)) is not None:
        asked = [heading, *asked]  # the heading's own question comes first
    notes = [
        _note(
            question.text,
            question.answer,
            question.line,
            question.pin,
            section,
            ctx,
            question.label,
        )
        for question in asked
        if not scenario(question.text, question.answer)
    ]
    if ctx.in_faq:
        for child in section.children:
            answer = to_markdown(_answer_blocks(child.blocks))
            for grandchild in child.children:
                answer += f"\n\n**{grandchild.title}**\n\n" + to_markdown(grandchild.blocks)
            question_text = _unnumbered(child.title)
            notes.append(_note(question_text, answer.strip(), child.line, child.pin, section, ctx))
    return [note for note in notes if note.back.strip()]


_ASK_LABEL = re.compile(r"^[^?\s]{1,12}\?\s*[—–:-]\s+(?=[^?]{12,}\?$)")
"""A one-word label ahead of a heading's question: "WHY? — Why is …?"."""


def _heading_question(section: Section, asked: list[Question]) -> Question | None:
    """A heading that asks (`## How is korrin fever spread?`) answered by the paragraph under
    it, as patient guides write: the paragraph's first sentences answer it, outside an FAQ
    too; when a paragraph of the section states a sentence in bold (`leads.bold_statements`),
    that sentence is the answer. Not when that paragraph asks or answers a question of its
    own."""
    question = _asked(_unnumbered(heading_text(section.title)))  # "1. What is it?", "Q1: …?"
    if not question.endswith("?") or not section.blocks or len(question.split()) < 3:
        return None
    if (label := _ASK_LABEL.match(question)) is not None:
        question = question[label.end() :]  # "WHY? — Why is adrenaline life-saving?"
    if section.level == 0:
        return None  # the document's title, over its introduction: not asked and answered
    first = section.blocks[0]
    if not isinstance(first, Paragraph) or any(0 in found.blocks for found in asked):
        return None
    text = first.text.strip()
    if text.endswith((":", "?")) or len(text.split()) < 5:
        return None  # a lead-in to a list, or a question back
    if any(isinstance(block, ListBlock) for block in section.blocks):
        return None  # a list answers it (the enumeration rule's), the paragraph leads in
    if bold_statements(text) != (plain(text).strip(),):  # not a bold answer already
        for index, block in enumerate(section.blocks):
            stated = bold_statements(block.text) if isinstance(block, Paragraph) else ()
            if stated and not any(index in found.blocks for found in asked):
                # "Our experience is …" then **We stop it in anyone with …**: the author's
                # bold sentence is the answer, not the paragraph that happens to come first
                return Question(question, stated[0], block.line, section.pin, (index,))
    return Question(question, told_answer(question, text), first.line, section.pin, (0,))


def answered_blocks(blocks: tuple[Block, ...]) -> frozenset[int]:
    """The indices of the blocks outside an FAQ that the faq rule reads as questions and
    answers: the other rules leave them alone."""
    return _outside_faq(blocks)[1]


def _outside_faq(blocks: tuple[Block, ...]) -> tuple[list[Question], frozenset[int]]:
    """`_read` outside an FAQ, for the last section asked about: four rules ask about each."""
    cached = _LAST_READ.get(id(blocks))
    if cached is not None and cached[0] is blocks:
        return cached[1]
    found: tuple[list[Question], frozenset[int]] = ([], frozenset())
    if any(map(_may_ask, blocks)):
        asked, taken = _read(blocks, False)
        found = (asked, frozenset(taken))
    _LAST_READ.clear()
    _LAST_READ[id(blocks)] = (blocks, found)
    return found


_LAST_READ: dict[int, tuple[tuple[Block, ...], tuple[list[Question], frozenset[int]]]] = {}
"""The last section's questions, kept with its blocks (so the id is still theirs)."""


def _labels_answer(text: str) -> bool:
    """A cheap first look: may the text open with an answer's label, in any language asked
    (`**Answer:**`, `Resposta:`, `Bonne réponse :`), or a question's (`Pregunta:`)?"""
    if "nswer" in text[:24]:
        return True
    opening = text[:32].lower()
    return any(stem in opening for stem in _LABEL_STEMS)


_LABEL_STEMS = (
    *("respost", "respuest", "ponse", "rispost", "antwort"),
    *("ergunt", "regunt", "doman", "frage"),
)


def _may_ask(block: Block) -> bool:
    """A cheap first look: could the block be (or hold) a question?"""
    if isinstance(block, Paragraph):
        text = block.text
        return (
            "?" in text
            or "Q" in text[:8]
            or "q" in text[:8]
            or _labels_answer(text)
            or "::" in text
            or "ront" in text[:8]
            or ((text[:1].isdigit() or text[:1] in "Aa") and _CASE_OPENS.match(text) is not None)
        )
    if isinstance(block, ListBlock):
        return any(
            "?" in item.text or item.blocks or "**True**" in item.text or "**False**" in item.text
            for item in block.items
        ) or bool(block.items and _OPTION.match(block.items[0].text.lstrip("~*_ ")))
    return False


def _note(
    question: str,
    answer: str,
    line: int,
    pin: str | None,
    section: Section,
    ctx: Context,
    label: str = "",
) -> Note:
    question = question.strip()
    stem, options = question.split("\n\n", 1) if "\n\n" in question else (question, "")
    # A question that does not name the topic gets it added, so the card stands alone.
    front = stem if ctx.situate(stem) == stem else f"{stem} ({ctx.topic})"
    if _LEANS_BACK.search(stem) is not None and (label or not ctx.topic):
        front = _situated(stem, label, ctx)
    front += f"\n\n{options}" if options else ""  # a quiz's options, shown under its stem
    key = make_key("faq", section.path, question, pin)
    asked = stem.lstrip("¿¡ ")  # "¿Qué son los anticoagulantes?" asks as "What are …?" does
    if _ONE_THING.match(asked) and not asks_what_to_do(asked):  # "What is a cataract?"
        answer = one_answer(answer, stem)
    return ctx.note("faq", "basic", front, without_citations(answer), key, section, line)


_ONE_THING = re.compile(
    r"^(?:what|which|who|where|when|is|are|can|could|does|do|will|should|o\s+que|qu[ae]l|"
    r"qu['’]est|quand|o[uù]|quel(?:le)?s?|cu[aá]l(?:es)?|qu[ée]|cu[aá]ndo|d[oó]nde|quando|"
    r"onde|was|wer|wo|wann)\b",
    re.IGNORECASE,
)
"""A question asking one thing (what, which, when, whether): its answer's first sentence
answers it. Not "why" nor "how": a chain of reasons or a way of doing, whose first sentence
may only set the scene ("Coping can be hard." for "How can patients cope?")."""
_LEANS_BACK = re.compile(
    r"^(?:does|do|is|are|can|could|will|would|should|has|have|did|was|were|may|might|must)\s+"
    r"(?:it|this|these|they|that|those)\b|^(?:what|how)\s+about\b|\b(?:this|these)\s+[a-z]",
    re.IGNORECASE,
)
"""A question whose subject only the questions before it name: "Does it raise sodium?", "Is
this dose-related?", "What about sodium?", "… of these cataracts?"."""


def _situated(stem: str, label: str, ctx: Context) -> str:
    """A question leaning on the ones before it, opened by what it is about: the document's
    thing (the topic, or the thing its title names, `title_thing`) and the bold item heading
    its list part ("Drug D — kidney effects: is this dose-related?"); the question as written
    when neither names anything."""
    thing = ctx.topic or title_thing(ctx.document)
    thing = thing[:1].upper() + thing[1:]
    about = heading_text(label)
    opening = f"{thing} — {lower_first(about)}" if thing and about else thing or about
    return f"{opening}: {lower_first(stem)}" if opening else stem


def questions(blocks: tuple[Block, ...], in_faq: bool) -> list[Question]:
    """The questions written in these blocks, each with its answer. In an FAQ an answer runs
    to the next question; elsewhere it is the one block after its question."""
    return _read(blocks, in_faq)[0]


def _read(blocks: tuple[Block, ...], in_faq: bool) -> tuple[list[Question], set[int]]:
    """The questions, and the indices of every block read as a question or an answer (a quiz
    without a marked answer too: its options are no list of facts)."""
    found: list[Question] = []
    taken: set[int] = set()
    open_question: tuple[str, list[str], int, list[int]] | None = None
    inline: list[Question] = []
    """Questions asked inside the open question's answer, to follow it."""

    def close() -> None:
        nonlocal open_question
        if open_question is not None:
            text, answer, line, indices = open_question
            question, pin = split_pin(text)
            body = "\n\n".join(part for part in answer if part).strip()
            found.append(Question(question.strip(), body, line, pin, tuple(indices)))
            taken.update(indices)
        found.extend(inline)
        inline.clear()
        open_question = None

    quizzed: set[int] = set()
    for index, block in enumerate(blocks):
        if index in quizzed:
            continue
        quiz = _block_quiz(blocks, index) if isinstance(block, Paragraph) else None
        if quiz is not None:
            close()
            quiz = quiz if in_faq else _in_context(blocks, index, quiz, taken)
            found.append(quiz)
            taken.update(quiz.blocks)
            quizzed.update(quiz.blocks)
            continue
        cards = _flashcards(block) if isinstance(block, Paragraph) else []
        if cards:  # `Question::Answer`, `Question` / `?` / `Answer`, `Front:` / `Back:`
            close()
            found.extend(replace(card, blocks=(index,)) for card in cards)
            taken.add(index)
            continue
        asked = _question_of(block, in_faq)
        if asked is not None:
            close()
            text, rest = asked
            open_question = (text, [rest] if rest else [], block.line, [index])
            if rest and not in_faq:
                close()
            continue
        unasked = None if in_faq else _unanswered(blocks, index, taken)
        if unasked is not None:  # a case that asks with no answer, or options with no question
            close()
            taken.update(unasked)
            continue
        revealed = _revealed(blocks[index - 1], block, index) if index else None
        if revealed is not None:  # `**Answer:** b) …` after a question whose options mark none
            close()
            found.append(revealed)
            taken.add(index)
            continue
        listed = _list_questions(block, index) if isinstance(block, ListBlock) else None
        if listed is not None:
            close()
            found.extend(listed)
            taken.add(index)
            continue
        if open_question is None:
            continue
        if _ends_answer(block):
            close()
            continue
        if isinstance(block, ListBlock) and (split := _inline_questions(block, index)):
            block, asked_inside = split
            inline.extend(asked_inside)
        open_question[1].append(_block_markdown(block, strip_answer=not open_question[1]))
        open_question[3].append(index)
        if not in_faq:
            close()
    close()
    return found, taken


_INLINE_QUESTION = re.compile(r"^(?P<q>[^?]{12,200}\?)\s+(?P<a>[^\s?].*)$", re.DOTALL)
"""A list item asking and answering at once: "Position for the infusion? Left side."."""
_ASIDE = re.compile(r"\([^()]*\)\.?")
"""All that follows a question in brackets: the question's aside, never its answer."""


def _inline_questions(block: ListBlock, index: int) -> tuple[ListBlock, list[Question]] | None:
    """An answer's list with questions asked in its items ("Velbarin: what if the patient gets
    cramps? Slow the drip."): the items before the first such question answer the open question;
    each such item is a question of its own; the items after them (another topic, a procedure)
    belong to neither. None when no item asks, or the first one does."""
    asked = []
    first = None
    for number, item in enumerate(block.items):
        text = item.text.strip()
        found = _INLINE_QUESTION.match(text) if "?" in text else None
        if found is None or text.endswith("?") or len(found.group("q").split()) < 3:
            continue
        if _ASIDE.fullmatch(found.group("a").strip()):
            continue
        first = number if first is None else first
        said = Paragraph(short_answer(found.group("a")), item.line)
        answer = to_markdown((said, *item.blocks))
        asked.append(Question(plain(found.group("q")), answer, item.line, item.pin, (index,)))
    if first is None or first == 0:
        return None
    return ListBlock(block.ordered, block.items[:first], block.line), asked


def _ends_answer(block: Block) -> bool:
    """A thematic break, or a "See also" / "Further reading" / link-only line: not an answer."""
    if isinstance(block, RawBlock):
        return block.kind == "hr"
    if isinstance(block, Paragraph):
        text = block.text.strip()
        return bool(_ENDS_ANSWER.match(plain(text)) or _LINK_ONLY.match(text))
    return False


_INLINE_CARD = re.compile(r"^(?P<q>[^:{}]*?[^\s:{}])\s*:{2,3}\s*(?P<a>[^\s:].*)$")
"""A flashcard on one line, as the Obsidian Spaced Repetition plugin writes it:
`Question::Answer` (`:::`, the plugin's both-ways card, is read one way)."""
_FRONT = re.compile(r"^(?:\*\*|__)?front\s*:\s*(?:\*\*|__)?\s*(?P<t>\S.*)$", re.IGNORECASE)
_BACK = re.compile(r"^(?:\*\*|__)?back\s*:\s*(?:\*\*|__)?\s*(?P<t>\S.*)$", re.IGNORECASE)


def _flashcards(block: Paragraph) -> list[Question]:
    """Flashcards written in a flashcard tool's syntax: a paragraph of `Question::Answer` lines
    (not a Logseq or Dataview `key:: value` property: its key is one word), a question and its
    answer on either side of a line holding only "?", or `Front:` and `Back:` lines."""
    lines = block.text.strip().splitlines()
    if "::" in block.text:
        cards = []
        for offset, line in enumerate(lines):
            found = _INLINE_CARD.match(line.strip()) if "::" in line else None
            if found is None:
                continue
            question = found.group("q").strip()
            if len(question.split()) < 2 and not question.endswith("?"):
                continue  # `status:: done`: a property, not a card
            answer = found.group("a").strip()
            cards.append(Question(_as_question(question), answer, block.line + offset, None, ()))
        return cards
    marks = [offset for offset, line in enumerate(lines) if line.strip() in ("?", "??")]
    if len(marks) == 1 and 0 < marks[0] < len(lines) - 1:
        question = " ".join(line.strip() for line in lines[: marks[0]])
        answer = "\n".join(line.strip() for line in lines[marks[0] + 1 :])
        return [Question(_as_question(question), answer, block.line, None, ())]
    if len(lines) >= 2 and (front := _FRONT.match(lines[0].strip())) is not None:
        back = next((b for line in lines[1:] if (b := _BACK.match(line.strip()))), None)
        if back is not None:
            answer = back.group("t").strip()
            return [Question(_as_question(front.group("t").strip()), answer, block.line, None, ())]
    return []


def _as_question(front: str) -> str:
    """A flashcard's front as a question: "Antidote for heparin" -> "Antidote for heparin?"."""
    return front if front.endswith(("?", ".", "!", ")")) else front.rstrip(":").rstrip() + "?"


def _question_of(block: Block, in_faq: bool) -> tuple[str, str] | None:
    """(question, answer in the same paragraph) of a paragraph written as a question."""
    if not isinstance(block, Paragraph):
        return None
    text, pin = split_pin(block.text.strip())
    pin_text = f" {{#{pin}}}" if pin else ""
    bold = _BOLD_QUESTION.match(text.strip())
    if bold and not _Q_PREFIX.match(text.strip()):
        question, inner_pin = split_pin(bold.group("q").strip())
        if inner_pin:  # `**Question? {#id}**`
            pin_text = f" {{#{inner_pin}}}"
            question = question.strip()
        return question + pin_text, ""
    text = block.text.strip()
    prefix = _Q_PREFIX.match(text)
    if prefix:
        return _split_question(text[prefix.end() :], bool(prefix.group(1)))
    first, _, rest = text.partition("\n")
    numbered = _NUMBERED_QUESTION.match(plain(first).strip())
    if numbered:
        return numbered.group("q"), _A_PREFIX.sub("", rest.strip(), count=1)
    return None


def _split_question(body: str, bold: bool) -> tuple[str, str]:
    """A `Q:` paragraph's question and the answer written after it (on its next line, or after
    `A:` on the same line)."""
    question, _, rest = body.partition("\n")
    inline = _INLINE_ANSWER.search(question)
    if inline is not None and "?" in question[: inline.start()]:
        rest = question[inline.end() :] + ("\n" + rest if rest else "")
        question = question[: inline.start()]
    question = question.strip()
    if bold or question.endswith(("**", "__")):
        question = question.rstrip("*_ ").strip()
    if len(question) > 2 and question[0] in '"“' and question[-1] in '"”':
        question = question[1:-1].strip()  # `Question: "Define X."`
    return question, _A_PREFIX.sub("", rest.strip(), count=1)


def _list_questions(block: ListBlock, index: int) -> list[Question] | None:
    """Questions written as list items: `Q: … A: …` in one item, a numbered question with its
    answer as a sub-list, or a quiz question whose ✓ option is the answer; None when the list
    is not (mostly) questions."""
    if bold_initials(tuple(item.text for item in block.items)):
        return None  # `**F**ace drooping: does one side droop?`: an acronym's letters
    found = []
    asked = 0
    label = ""
    for item in block.items:
        text = item.text.strip()
        typed = _QUIZ_TYPE.match(text) if "(" in text[:4] or "[" in text[:4] else None
        if typed is not None:  # `**(MCQ)** …?`, `**(True/False)** …`: a question bank's item
            asked += 1
            quiz = _typed_quiz(replace(item, text=text[typed.end() :].strip()), index)
            if quiz is not None:
                found.append(quiz)
            continue  # answered nowhere: no note; its options and statement are no facts
        heads = _BOLD_ITEM.fullmatch(text) if not item.blocks and "*" in text[:2] else None
        if heads is not None and not heads.group("l").rstrip().endswith("?"):
            label = heads.group("l").strip()  # `- **Kidney effects**`: heads the items after it
            continue
        prefix = _Q_PREFIX.match(text)
        if prefix is not None:
            asked += 1
            question, answer = _split_question(text[prefix.end() :], bool(prefix.group(1)))
            # the answer on the item's next line, its `**A:**` label as on the question's line
            answer = answer or _A_LABEL.sub("", _answer_markdown(item.blocks), count=1)
            found.append(Question(question, answer, item.line, item.pin, (index,), label))
            continue
        options = _options(item)
        if options is not None:
            asked += 1
            quiz = _quiz(text, options, item.blocks[1:], item.line, item.pin, (index,))
            if quiz is not None:
                found.append(quiz)
            continue
        if plain(text).endswith("?") and item.blocks and _answers(item, block.ordered):
            asked += 1
            answer = _answer_markdown(item.blocks)
            found.append(Question(_asked(text), answer, item.line, item.pin, (index,), label))
            continue
        verdict = _VERDICT.match(text) if ("True" in text or "False" in text) else None
        if verdict is not None:
            asked += 1
            statement = verdict.group("s").strip().rstrip(".")
            why = verdict.group("why").strip(" —–-:;,")
            answer = verdict.group("v") + (f" — {why}" if why else "")
            asks = f"{statement}: true or false?"  # the choice, so "True" is no answer in it
            found.append(Question(asks, answer, item.line, item.pin, (index,)))
            continue
        # `- Commonest cause in infants? Quellin virus`: asked and answered in one item, in a
        # list that opens so (else the items are an open question's answer: `_inline_questions`)
        opens = bool(found) or item is block.items[0]
        inline = _INLINE_QUESTION.match(text) if opens and "?" in text else None
        if inline is not None and len(inline.group("q").split()) >= 3 and len(block.items) > 1:
            if "?" in inline.group("a") or _ASIDE.fullmatch(inline.group("a").strip()):
                continue  # "What is it? What would you expect?": questions, no answer; "Are
                # you nervous? (sensitivity 100%)": a question to put, its aside no answer
            asked += 1
            said = Paragraph(short_answer(_A_LABEL.sub("", inline.group("a"), count=1)), item.line)
            answer = to_markdown((said, *item.blocks))
            found.append(Question(plain(inline.group("q")), answer, item.line, item.pin, (index,)))
    if asked * 2 < len(block.items):
        return None
    return found


_QUIZ_TYPE = re.compile(
    r"^(?:\*\*|__)?[(\[]\s*(?:mcqs?|sba|qcm|single\s+best\s+answer|(?:multiple|single)[\s-]choice"
    r"|m[uú]ltipla\s+escolha|escolha\s+m[uú]ltipla|(?:opci[oó]n|selecci[oó]n)\s+m[uú]ltiple"
    r"|choix\s+multiples?|t\s*/\s*f|v\s*/\s*f|true\s*(?:/|or)\s*false"
    r"|verdadeiro\s*(?:/|ou)\s*falso|verdadero\s*(?:/|o)\s*falso|vrai\s*(?:/|ou)\s*faux"
    r"|clinical\s+case|case\s+(?:study|vignette)|estudo\s+de\s+caso|estudio\s+de\s+caso|caso\s+cl[ií]nico"
    r"|cas\s+clinique|short\s+answer|resposta\s+curta)\s*[)\]]\s*(?:\*\*|__)?\s*[:.]?\s*",
    re.IGNORECASE,
)
"""A question bank's type tag opening an item (`**(MCQ)**`, `(V/F)`, `[Case study]`): the item
is a question to answer, never a fact, whether or not the bank gives its answer."""


def unanswered_items(block: Block) -> int:
    """How many of a list's question-bank items (`**(MCQ)** …`) mark no answer: they give no
    note, and `check` asks the author to mark them."""
    if not isinstance(block, ListBlock):
        return 0
    return sum(
        1
        for item in block.items
        if (typed := _QUIZ_TYPE.match(item.text.strip())) is not None
        and _typed_quiz(replace(item, text=item.text.strip()[typed.end() :].strip()), 0) is None
    )


def _typed_quiz(item: ListItem, index: int) -> Question | None:
    """A tagged question bank item (its tag off) as a card when its answer is marked: a ✓ or a
    bold option, an `Answer:` line after its options, a true-or-false verdict; else None."""
    text = item.text
    lists = [inner for inner in item.blocks if isinstance(inner, ListBlock)]
    if lists and len(lists[0].items) >= 2:
        options = [option.text.strip() for option in lists[0].items]
        after = item.blocks[item.blocks.index(lists[0]) + 1 :]
        return _quiz(text, options, after, item.line, item.pin, (index,))
    verdict = _VERDICT.match(text) if ("True" in text or "False" in text) else None
    if verdict is None:
        return None
    statement = verdict.group("s").strip().rstrip(".")
    why = verdict.group("why").strip(" —–-:;,")
    answer = verdict.group("v") + (f" — {why}" if why else "")
    return Question(f"{statement}: true or false?", answer, item.line, item.pin, (index,))


_BOLD_ITEM = re.compile(r"(?:\*\*\*?|\*(?=[^*\s][^*]*\*\*$))\s*(?P<l>[^*\n]{2,60}?)\s*\*\*?\*?")
"""A list item that is only bold text (`**Kidney effects**`, also as hurried notes close it:
`**Kidney effects **`, `*KIDNEY EFFECTS**`): a heading for the items after it, not a fact."""


def _answers(item: ListItem, ordered: bool) -> bool:
    """True when a question item's nested blocks answer it: always in a numbered list; in a
    bulleted one (`- 🍒 Why …?` over a sub-list) unless every nested item asks again (a list of
    questions to put to a patient, not answers)."""
    if ordered:
        return True
    return not all(
        isinstance(inner, ListBlock) and all(plain(i.text).endswith("?") for i in inner.items)
        for inner in item.blocks
    )


def _unnumbered(title: str) -> str:
    """A question heading without the author's question number (`### **Q1: Can it …?**`, "Q2.
    Is it …?", "Question 3: …"): plain, as a card asks it; any other heading as written."""
    said = plain(title).strip()
    bare = _Q_PREFIX.sub("", said, count=1)
    return bare if bare != said and bare.endswith("?") else title


def _asked(text: str) -> str:
    """A question item as a front: plain, without the emoji a note-taking app marks it with."""
    return single_spaced(without_emoji(plain(text))).strip()


_VERDICT = re.compile(
    r"^(?P<s>[^*]{12,300}?[.!]?)\s+(?:\*\*|__)(?P<v>True|False)(?:\*\*|__)\.?(?P<why>.*)$",
    re.DOTALL,
)
"""A true-or-false quiz item: a statement, its bold verdict, and why (`… full thickness.
**False** — stage 2 is partial`)."""
_REVEALED = re.compile(
    r"^(?:\*\*|__)?(?:(?:correct\s+)?answer|(?:bonne\s+|richtige\s+)?(?:"
    + _OTHER_ANSWER
    + r")(?:\s+(?:correta|correcta|correcte|corretta))?):?(?:\*\*|__)?:?\s+(?P<a>\S.*)$",
    re.I,
)
"""The line that gives a quiz question's answer after its options: `**Answer:** b) …`."""


def _revealed(before: Block, block: Block, index: int) -> Question | None:
    """The question a list's last item asks with options none of which is marked, answered by
    the `Answer:` paragraph after the list (by its letter, or in words)."""
    if not isinstance(before, ListBlock) or not isinstance(block, Paragraph) or not before.items:
        return None
    if _REVEALED.match(block.text.strip()) is None:
        return None
    item = before.items[-1]
    options = _options(item)
    if options is None or any(_TICK.search(option) for option in options):
        return None
    return _quiz(item.text, options, (block,), block.line, item.pin, (index,))


def _options(item: ListItem) -> list[str] | None:
    """The lettered options of a quiz question (`1. Normal range is:` then `- a) …`), or None."""
    text = plain(item.text).strip()
    if not text.endswith((":", "?")) or not item.blocks:
        return None
    inner = item.blocks[0]
    if not isinstance(inner, ListBlock) or len(inner.items) < 2:
        return None
    options = [option.text.strip() for option in inner.items]
    if not all(_OPTION.match(plain(option)) for option in options):
        return None
    return options


_NEEDS_OPTIONS = re.compile(
    r"\b(?:(?:which|what|each|all|none|any|both)\s+of\s+the\s+(?:following|above|options|choices)|"
    r"the\s+following\s+(?:is|are|statements?)|(?:above|below)\s+options|"
    r"\b(?:reading|value|result|score|level|rate|dose)\s+of\s*[:?]?$|"
    r"(?:both|neither)\s+(?:[a-h]\W?\s+)?(?:and|nor)\s+[a-h]\b)",
    re.IGNORECASE,
)
"""A quiz stem or answer that refers to the options ("Which of the following raises korrin
levels?", "You should report a reading of:", "All of the above"): alone on a card, it asks
nothing, or only "pick one of the numbers you cannot see"."""


def _needs_options(stem: str, answer: str) -> bool:
    """True when the question cannot be asked without its options (read only for quiz
    questions, which are few)."""
    return bool(_NEEDS_OPTIONS.search(plain(stem)) or _NEEDS_OPTIONS.search(plain(answer)))


def _quiz(
    stem: str,
    options: list[str],
    after: Sequence[Block],
    line: int,
    pin: str | None,
    blocks: tuple[int, ...],
    revealed: bool = False,
) -> Question | None:
    """A quiz question: its stem, its lettered options and the one chosen, by a ✓ mark or by
    the `Answer:` line in the blocks after the options (with a `Rationale:` line, why). The
    stem is asked alone unless it (or the answer) refers to the options: then they are shown."""
    said, why = _answer_lines(after, revealed)
    if _SEVERAL.match(plain(said)):  # select all that apply: each option named is an answer
        return _select_all(stem, options, said, why, line, pin, blocks)
    ticked = [number for number, option in enumerate(options) if _TICK.search(option)]
    chosen = ticked[0] if len(ticked) == 1 and not said else _chosen(options, said)
    if chosen is None and not said and not ticked:
        chosen = _marked(options)  # every other option struck through, or one marked correct
    if chosen is None:
        return None
    letter, option = _lettered(plain(_TICK.sub(" ", _bare(options[chosen]))).strip())
    if not option:
        return None
    rest = plain(said).strip()  # `Answer: b) into a vein. Veins carry it …`: the rest says why
    if rest.lower().startswith(option.lower()):
        rest = rest[len(option) :]
    elif (named := _LETTER.match(rest)) is not None:
        rest = rest[named.end() :].strip()
        rest = rest[len(option) :] if rest.lower().startswith(option.lower()) else rest
    why = why or rest.lstrip(" .—–-:;").strip()
    answer = option + (f"\n\n{short_answer(why)}" if why else "")
    if _needs_options(stem, option):
        shown = "\n".join(_shown_option(choice) for choice in options)
        question = f"{plain(stem).strip()}\n\n{shown}"
        answer = f"{letter.strip()} {answer}"
    else:
        question = _quiz_question(stem)
    return Question(question, answer, line, pin, blocks)


def _select_all(
    stem: str,
    options: list[str],
    said: str,
    why: str,
    line: int,
    pin: str | None,
    blocks: tuple[int, ...],
) -> Question | None:
    """A select-all-that-apply item: the answer lists every option its `Answer:` line names
    ("A, B and D")."""
    marks = _MARKS.findall(plain(said).split(".")[0])
    chosen = [(_LETTERS if mark.isalpha() else _NUMBERS).index(mark.lower()) for mark in marks]
    if len(chosen) < 2 or max(chosen) >= len(options):
        return None
    picked = [_lettered(plain(options[number]))[1] for number in chosen]
    answer = "\n".join(f"- {text}" for text in picked) + (f"\n\n{short_answer(why)}" if why else "")
    question = _SELECT_ALL.sub("", plain(stem)).strip()
    if _needs_options(question, ""):
        shown = "\n".join(f"- {plain(choice).strip()}" for choice in options)
        return Question(f"{question} (all that apply)\n\n{shown}", answer, line, pin, blocks)
    return Question(f"{question} (all that apply)", answer, line, pin, blocks)


_MARKS = re.compile(r"\b[a-hA-H1-8]\b")
_SELECT_ALL = re.compile(r"\(?select all that apply\.?\)?$", re.IGNORECASE)


def _shown_option(option: str) -> str:
    """An option as a front lists it: `- b) Stress`; a numbered one as a numbered line (`2. Rest`:
    under a bullet, `2)` would start a list of its own and its number would be lost)."""
    text = plain(_TICK.sub(" ", _bare(option))).strip()
    mark, rest = _lettered(text)
    if mark[:1].isdigit():
        return f"{mark.strip('() .')}. {rest}"
    return f"- {mark.strip()} {rest}" if mark else f"- {text}"  # `A.Rest` as `- A. Rest`


_RATIONALE = re.compile(
    r"^(?:\*\*|__)?(?:rationale|explanation|why)\s*:?\s*(?:\*\*|__)?\s*:?\s*(?P<why>\S.*)$",
    re.IGNORECASE | re.DOTALL,
)


def _answer_lines(blocks: Sequence[Block], revealed: bool = False) -> tuple[str, str]:
    """The answer an `Answer:` line gives (its text after the label) and the `Rationale:` after
    it, from the first blocks after a quiz's options; ("", "") without an `Answer:` line. In a
    revealed answer (a `<details>` after the options) the first line is the answer."""
    lines = [
        line.strip()
        for block in blocks[:2]
        if isinstance(block, Paragraph)
        for line in block.text.strip().splitlines()
    ]
    said = why = ""
    for text in lines:
        labelled = _REVEALED.match(plain(text)) if _labels_answer(text) else None
        if revealed and not said and labelled is None:
            said = text
            continue
        if labelled is not None and not said:
            said = labelled.group("a").strip()
            continue
        reason = _RATIONALE.match(text) if said else None
        if reason is not None:
            why = reason.group("why").strip()
            break
    return said, why


_LETTERS = "abcdefgh"
_NUMBERS = "12345678"
_LETTER = re.compile(r"^\(?(?P<l>[a-hA-H1-8])(?:[.):]|$|(?<=[a-hA-H])(?=\s+[—–-]\s))")
"""An answer naming its option by the letter: `B`, `b)`, `(c)`, `B. …`, `B — why` (not `2 - 3
days`: a range, not option 2)."""
_SEVERAL = re.compile(r"^\(?[a-hA-H1-8]\)?\s*(?:,|&|and\b)\s*\(?[a-hA-H1-8]\b")
"""An answer naming several options ("B and D", "1, 3"): select-all items, not one answer."""
_CHOICE = re.compile(r"^\(?(?:[a-hA-H]|[1-8])[.)]\s*")
"""An option's mark: a letter (`b)`, `B.`, `(c)`) or, in a numbered list of options, a number."""


def _chosen(options: list[str], said: str) -> int | None:
    """Which option an answer names: by its words, or by its letter (`B`, `b)`, `(c)`)."""
    said = plain(said).strip()
    words = said.lower().rstrip(".")
    for number, option in enumerate(options):
        text = _lettered(plain(_TICK.sub(" ", _bare(option))).strip())[1].lower().rstrip(".")
        if text and (words == text or words.startswith(text + ".")):
            return number
    letter = _LETTER.match(said)
    if letter is not None and _SEVERAL.match(said) is None:
        mark = letter.group("l").lower()
        number = (_LETTERS if mark.isalpha() else _NUMBERS).index(mark)
        return number if number < len(options) else None
    return None


def _lettered(option: str) -> tuple[str, str]:
    """An option's letter as written (`b) `) and its text."""
    found = _CHOICE.match(option)
    return (option[: found.end()], option[found.end() :].strip()) if found else ("", option)


def _option_texts(block: Block) -> list[str] | None:
    """A quiz's options written after its stem: a list of lettered items, or a paragraph of
    lettered lines, lettered a, b, c … in order; or a numbered list (`1.` … `4.`), read as
    options only when an `Answer:` line follows (else it is a list of facts)."""
    if isinstance(block, ListBlock) and block.ordered:  # `1. …` `2. …`: numbered options
        if any(item.blocks or item.text.rstrip().endswith("?") for item in block.items):
            return None
        return [f"{number}) {item.text.strip()}" for number, item in enumerate(block.items, 1)]
    if isinstance(block, ListBlock):
        if any(item.blocks for item in block.items):
            return None
        texts = [item.text.strip() for item in block.items]
    elif isinstance(block, Paragraph):
        texts = [line.strip().rstrip("\\").strip() for line in block.text.strip().splitlines()]
    else:
        return None
    if len(texts) < 2:
        return None
    for number, text in enumerate(texts):
        bare = plain(_bare(text))
        letter = _OPTION.match(bare)
        if (
            letter is None
            or number >= len(_LETTERS)
            or bare[: letter.end()].strip("(). ").lower() != _LETTERS[number]
        ):
            return None  # a), b), c) … in order: not a line that opens "A." by chance
    return texts


_PICK_ONE = re.compile(r"(?:^|[.!?]\s+)Which\b[^.!?]*\?$", re.IGNORECASE)
"""A stem's question that asks to pick one ("… Which action should the nurse take first?")."""


def _block_quiz(
    blocks: tuple[Block, ...], index: int, reveal: tuple[Block, ...] | None = None
) -> Question | None:
    """A quiz written as blocks: a stem paragraph asking (ending in "?" or ":"), its options
    after it, then the `Answer:` line (or a ✓ on one option), or `reveal`: the blocks of a
    `<details>` right after the options, which give the answer first."""
    stem = blocks[index]
    if index + 1 >= len(blocks) or not isinstance(stem, Paragraph):
        return None
    text = stem.text.strip()
    if not text:
        return None  # a paragraph of white space only (a pasted no-break space)
    last = _SELECT_ALL.sub("", plain(text.splitlines()[-1]).rstrip()).strip()
    if not last.endswith(("?", ":")) or _REVEALED.match(text):
        return None
    options = _option_texts(blocks[index + 1])
    if options is None:
        return None
    after = blocks[index + 2 : index + 4] if reveal is None else reveal
    asks = _Q_PREFIX.sub("", text, count=1)
    quiz = _quiz(asks, options, after, stem.line, None, (), revealed=reveal is not None)
    if quiz is None:  # "Which …?" or `Q3.` over options, answered elsewhere: no list of facts
        listed = blocks[index + 1]
        lettered = not (isinstance(listed, ListBlock) and listed.ordered)
        numbered = _Q_PREFIX.match(text) is not None  # `**Q3.** …?`: a quiz's own question
        picks = lettered and (_PICK_ONE.search(last) is not None or numbered) and len(options) > 2
        return Question(text, "", stem.line, None, (index, index + 1)) if picks else None
    used = [index, index + 1]
    for number, block in enumerate(after, index + 2):  # the answer's and the rationale's lines
        if isinstance(block, Paragraph) and (
            _REVEALED.match(block.text.strip()) or _RATIONALE.match(block.text.strip())
        ):
            used.append(number)
        else:
            break
    return Question(quiz.text, quiz.answer, quiz.line, quiz.pin, tuple(used))


def _quiz_question(text: str) -> str:
    """A quiz stem as a question: "Normal adult pulse range is:" -> "Normal adult pulse range?"."""
    stem = plain(text).strip().rstrip(":?").rstrip()
    stem = re.sub(r"\s+(?:is|are)$", "", stem)
    return stem + "?"


# Review slides (Marp, reveal.js): a case, its question and lettered options on one slide, the
# answer shown on the next by striking out the other options.

_STRUCK = re.compile(r"^\s*~~(?P<o>[^~]+)~~")
"""An option struck through (`~~C. Insulin~~`), with what the slide says after it left off."""
_CORRECT = re.compile(r"\s*\((?:correct|right)(?:\s+answer)?\)|\s+[—–-]+\s*correct\s*$", re.I)
"""An option marked right: "(correct)", " – correct" (a spaced dash: "Self-correct" is a word)."""
_BOLD_OPTION = re.compile(r"^(?:\(?[a-hA-H][.)]\s*)?(?:\*\*|__)[^*_]+(?:\*\*|__)$")
_CASE = re.compile(
    r"\b\d{1,3}[- ](?:year|yr|month|week|day)s?[- ]old\b|\b\d{1,3}\s?(?:yo|y/o)\b", re.IGNORECASE
)
"""A case vignette's patient: "A 62-year-old man", "85 yo woman"."""
_CASE_OPENS = re.compile(
    r"^(?:an?\s+)?\d{1,3}(?:[- ](?:year|yr|month|week)s?[- ]old|\s?(?:yo|y/o))\b", re.IGNORECASE
)
"""A paragraph that opens on its patient: a case, told for its own sake."""
_HTML_DROPPED = re.compile(r"<(style|script)\b.*?</\1>|<!--.*?-->", re.I | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def _bare(option: str) -> str:
    """An option as it is offered: without its strike-through (nor what follows it) or a
    "(correct)" mark."""
    if "~~" in option and (struck := _STRUCK.match(option)) is not None:
        return struck.group("o").strip()
    return _CORRECT.sub("", option) if "orrect" in option or "ight" in option else option


def _marked(options: list[str]) -> int | None:
    """The option an answer slide marks: the one left when every other is struck through, or the
    one marked "(correct)" or set in bold alone; None when no single one is."""
    struck = [bool(_STRUCK.match(option)) for option in options]
    if any(struck):
        return struck.index(False) if struck.count(False) == 1 and len(options) >= 2 else None
    for marks in (_CORRECT, _BOLD_OPTION):
        found = [number for number, option in enumerate(options) if marks.search(option.strip())]
        if len(found) == 1:
            return found[0]
    return None


def _case_before(blocks: tuple[Block, ...], index: int, taken: set[int]) -> tuple[list[int], str]:
    """The case a quiz asks about, written before its question or options on the same slide:
    the paragraphs (and the text of the slide's HTML layout blocks) right before them, when they
    describe a patient ("A 62-year-old man …"); ([], "") otherwise."""
    found: list[int] = []
    parts: list[str] = []
    for number in range(index - 1, -1, -1):
        block = blocks[number]
        if number in taken or _ends_answer(block):
            break
        if isinstance(block, Paragraph):
            parts.append(plain(block.text))
        elif isinstance(block, RawBlock) and block.kind == "html_block":
            parts.append(_html_text(block.text))
        else:
            break
        found.append(number)
    found.reverse()
    text = " ".join(part for part in reversed(parts) if part)
    return (found, text) if _CASE.search(text) else ([], "")


def _html_text(html: str) -> str:
    """What an HTML layout block (`</div><div>` and a line of text) shows as text."""
    return " ".join(_TAG.sub(" ", _HTML_DROPPED.sub(" ", html)).split())


def _in_context(blocks: tuple[Block, ...], index: int, quiz: Question, taken: set[int]) -> Question:
    """A quiz read from its stem paragraph, as a review slide writes it: asked with the case
    written before the stem (which no other rule then reads as facts), and, when the answer is
    shown by striking out the other options, the paragraph after them on its back, as why."""
    found, case = _case_before(blocks, index, taken)
    text, answer, used = quiz.text, quiz.answer, [*found, *quiz.blocks]
    if case and answer:
        text = f"{case} {text}"
    listed = blocks[index + 1]
    struck = isinstance(listed, ListBlock) and any(_STRUCK.match(i.text) for i in listed.items)
    after = max(quiz.blocks) + 1
    if answer and struck and "\n\n" not in answer and after < len(blocks):
        why = blocks[after]
        if isinstance(why, Paragraph) and not _ends_answer(why):
            lines = plain(why.text).strip().splitlines()
            option = _lettered(answer)[1].lower()
            if lines and lines[0].strip().lower().rstrip(".") == option.rstrip("."):
                lines = lines[1:]  # the answer said again above why
            said = " ".join(" ".join(lines).split())
            answer += f"\n\n{short_answer(said)}" if said else ""
            used.append(after)
    return Question(text, answer, quiz.line, quiz.pin, tuple(used))


def _unanswered(blocks: tuple[Block, ...], index: int, taken: set[int]) -> list[int] | None:
    """The blocks of a quiz that makes no card: a case that asks ("… Which of the following is
    most likely?") with no options or answer after it, a paragraph that opens on its patient
    ("A 48-year-old woman …"), or lettered options with no question
    before them (after a case, or answered by striking, or empty: a template slide); with the
    case before them. None for anything else."""
    block = blocks[index]
    if isinstance(block, Paragraph):
        text = plain(block.text).strip()
        if index in taken:
            return None
        if _CASE_OPENS.match(text) and len(text.split()) >= 20 and not _asked_after(blocks, index):
            return [index]  # "85 yo woman w/ h/o HFpEF …": one patient's story, no fact
        if not text.endswith("?"):
            return None
        last = re.split(r"(?<=[.!])\s+", text)[-1]
        if not (_NEEDS_OPTIONS.search(last) or (_CASE.search(text) and len(text.split()) >= 20)):
            return None
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if isinstance(following, Paragraph) and _REVEALED.match(following.text.strip()):
            return None
        return [*_case_before(blocks, index, taken)[0], index]
    if not isinstance(block, ListBlock) or block.ordered:
        return None
    options = _option_texts(block)
    if options is None:
        return None
    found, case = _case_before(blocks, index, taken)
    empty = all(not _lettered(plain(_bare(option)).strip())[1] for option in options)
    marked = any(_STRUCK.match(option) for option in options) or _marked(options) is not None
    if not (case or empty or marked):
        return None  # `a. Airway` `b. Breathing`: a lettered list of facts
    return [*found, index]


def _asked_after(blocks: tuple[Block, ...], index: int) -> bool:
    """True when the case at `index` leads to a question or lettered options on the same slide
    (past more of its paragraphs and HTML layout blocks): a quiz, which takes it."""
    for block in blocks[index + 1 :]:
        if isinstance(block, ListBlock):
            return not block.ordered and _option_texts(block) is not None
        if isinstance(block, RawBlock) and block.kind == "html_block":
            continue
        if not isinstance(block, Paragraph) or _ends_answer(block):
            return False
        if plain(block.text).strip().endswith("?"):
            return True
    return False


def _answer_blocks(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """An answer's blocks, up to a thematic break or a "See also" line."""
    for index, block in enumerate(blocks):
        if _ends_answer(block):
            return blocks[:index]
    return blocks


def _block_markdown(block: Block, strip_answer: bool = False) -> str:
    text = _answer_markdown((block,))
    return _A_PREFIX.sub("", text, count=1) if strip_answer else text


def _answer_markdown(blocks: tuple[Block, ...]) -> str:
    """Blocks as an answer: a list of one item is that item ("7 days", not "- 7 days")."""
    if len(blocks) == 1 and isinstance(blocks[0], ListBlock) and len(blocks[0].items) == 1:
        (item,) = blocks[0].items
        return to_markdown((Paragraph(item.text, item.line), *item.blocks))
    return to_markdown(blocks)


def _revealed_in_details(section: Section, quiz: Question) -> Question:
    """A quiz ending its section, answered in the `<details>` that follows its options
    (`<summary>Answer</summary>`): the details' first line is the answer."""
    last = len(section.blocks) - 2
    child = section.children[0] if section.children else None
    if quiz.blocks != (last, last + 1) or child is None or child.callout != "details":
        return quiz
    found = _block_quiz(section.blocks, last, child.blocks)
    return quiz if found is None else found


# A question-bank item written as sections: `## Question`, `## Options`, `## Correct Answer`.

_STEM_TITLE = re.compile(r"^(?:question|stem|vignette|case|clinical\s+vignette)\s*\d*$", re.I)
_OPTIONS_TITLE = re.compile(r"^(?:options|choices|answer\s+(?:choices|options))$", re.I)
_ANSWER_TITLE = re.compile(r"^(?:correct\s+)?answer$", re.I)
_WHY_TITLE = re.compile(r"^(?:explanation|rationale)s?$", re.I)
_FINDINGS = 12
"""Finding lines a quiz front keeps of its vignette: more and the card is the page."""


@dataclass(frozen=True, slots=True)
class QuizItem:
    """A question-bank item whose stem, options and answer are sibling sections: read as one
    quiz question (the stem section, its blocks replaced by the quiz), the options section
    making no notes of its own."""

    stem: Section
    options: Section
    """The options section; for a question slide answered by the next, that answer slide."""
    quiz: Section
    explained: tuple[tuple[Section, Section], ...] = ()
    """The item's explanation sections, each with its `Option C:` labels named by the option's
    text (`Start IV magnesium:`), so no card asks about a letter it does not show."""


def quiz_items(sections: Sequence[Section]) -> list[QuizItem]:
    """The question-bank items among sibling sections: a stem section (`## Question`) whose
    last paragraph asks, an options section after it (`## Options`, a table or a lettered
    list), and an answer section (`## Correct Answer`: a letter or the option) after that."""
    found: list[QuizItem] = []
    titles = [plain(section.title).strip() for section in sections]
    for index, title in enumerate(titles[:-2]):
        if _STEM_TITLE.match(title) is None or not _OPTIONS_TITLE.match(titles[index + 1]):
            continue
        later = list(zip(sections[index + 2 :], titles[index + 2 :], strict=True))
        ends = [number for number, (_, name) in enumerate(later) if _STEM_TITLE.match(name)]
        later = later[: ends[0]] if ends else later  # up to the next item's stem
        answer = next((each for each, name in later if _ANSWER_TITLE.match(name)), None)
        why = next((each for each, name in later if _WHY_TITLE.match(name)), None)
        quiz = _sections_quiz(sections[index], sections[index + 1], answer, why)
        if quiz is None:
            continue
        lettered = _lettered_options(sections[index + 1].blocks) or []
        named = {_lettered(line)[0].strip("(). ").lower(): _lettered(line)[1] for line in lettered}
        reasons = _listed_reasons(why) if why is not None and len(quiz.blocks) == 3 else None
        asked = _reasons_asked(reasons, named, answer, why) if why and reasons else None
        if why is not None and reasons is not None and asked is None:  # the why on its back
            said = "; ".join(_letters_named(reason, named).rstrip(" .") for reason in reasons)
            quiz = replace(quiz, blocks=(*quiz.blocks, Paragraph(f"Rationale: {said}", why.line)))
        explained = tuple(
            (
                each,
                replace(  # a list of reasons is the quiz's rationale: no question of its own
                    each,
                    blocks=(asked or ())
                    if each is why and reasons is not None
                    else tuple(_named_options(block, named) for block in each.blocks),
                ),
            )
            for each, name in later
            if _WHY_TITLE.match(name)
        )
        found.append(QuizItem(sections[index], sections[index + 1], quiz, explained))
    for index, title in enumerate(titles[1:], 1):
        if _NEXT_ANSWER_TITLE.match(title) is None:
            continue
        quiz = _answered_next(sections[index - 1], sections[index])
        if quiz is not None and all(item.stem is not sections[index - 1] for item in found):
            found.append(QuizItem(sections[index - 1], sections[index], quiz))
    return found


_ANSWER_CALLOUT_TITLE = re.compile(
    r"^(?:(?:the\s+)?(?:correct\s+)?answers?|solution|key|答案|解答|正解|解析|答え)"
    r"(?:\s*(?:to\s+)?(?:q(?:uestion)?\s*)?#?\d+)?\s*[:.]?$",
    re.IGNORECASE,
)
"""A callout that reveals a quiz answer: "Answer", "Correct answer", "Solution", "答案" (answer),
"解答" (solution), "正解" (the right answer)."""


def answered_in_callouts(section: Section) -> tuple[Section, tuple[Section, ...]] | None:
    """A section of quiz questions (a stem paragraph, its lettered options) each answered by a
    callout right after its options, as a vault's self-test folds it (`> [!success]- Answer`
    over `**B** — why`): the section with each callout's first line as the `Answer:` line
    after the options and the rest of it as the `Rationale:`, read by the FAQ reader as one
    quiz, and the callouts so read, which make no notes of their own (alone, "Answer: B?" asks
    nothing). None when no callout answers a quiz there."""
    if not section.children or len(section.blocks) < 2:
        return None
    blocks = list(section.blocks)
    placed: dict[int, Section] = {}
    for child in section.children:
        if not child.callout or not child.blocks or child.children:
            continue
        if not isinstance(child.blocks[0], Paragraph):
            continue
        if _ANSWER_CALLOUT_TITLE.match(plain(child.title).strip()) is None:
            continue
        before = [n for n, block in enumerate(blocks) if block.line < child.line]
        if not before or before[-1] in placed or before[-1] < 1:
            continue
        options, stem = blocks[before[-1]], blocks[before[-1] - 1]
        if not isinstance(stem, Paragraph) or _option_texts(options) is None:
            continue
        placed[before[-1]] = child
    if not placed:
        return None
    rebuilt: list[Block] = []
    for number, block in enumerate(blocks):
        rebuilt.append(block)
        answer = placed.get(number)
        said = answer.blocks[0] if answer is not None else None
        if answer is None or not isinstance(said, Paragraph):
            continue
        first, _, rest = said.text.strip().partition("\n")
        why = [rest.strip()] if rest.strip() else []
        why += [b.text.strip() for b in answer.blocks[1:2] if isinstance(b, Paragraph)]
        rebuilt.append(Paragraph(f"Answer: {first.strip()}", said.line))
        if why:
            rebuilt.append(Paragraph(f"Rationale: {' '.join(why)}", said.line))
    used = tuple(placed.values())
    children = tuple(child for child in section.children if all(child is not u for u in used))
    return replace(section, blocks=tuple(rebuilt), children=children), used


_NEXT_ANSWER_TITLE = re.compile(
    r"^(?:(?:the\s+)?(?:correct\s+)?answers?|explanation|rationale|solution)"
    r"(?:\s*(?:to\s+)?(?:q(?:uestion)?\s*)?#?\d+)?\s*:?$",
    re.IGNORECASE,
)
"""A slide that reveals the answer to the slide before it: "Answer", "Answer 3", "Explanation"."""


def _answered_next(stem: Section, answer: Section) -> Section | None:
    """A question slide (its question, then lettered options none of which is marked) whose
    answer is the next slide's ("# Answer" over "**B. Velbarin** — it acts within the hour"):
    the stem section with the answer's first line as an `Answer:` line after the options and
    the rest of that slide as a `Rationale:`, read by the FAQ reader as one quiz; the answer
    slide makes no notes of its own. None when the stem ends in no such question."""
    blocks = [block for block in stem.blocks if not isinstance(block, RawBlock)]
    if len(blocks) < 2 or not isinstance(blocks[-1], ListBlock) or blocks[-1].ordered:
        return None
    said = answer.blocks[0] if answer.blocks else None
    if not isinstance(said, Paragraph) or _option_texts(blocks[-1]) is None:
        return None
    first, _, rest = said.text.strip().partition("\n")
    why = [rest.strip()] if rest.strip() else []
    why += [block.text.strip() for block in answer.blocks[1:2] if isinstance(block, Paragraph)]
    asked: list[Block] = [*blocks, Paragraph(f"Answer: {first.strip()}", said.line)]
    quiz = _block_quiz(tuple(asked), len(blocks) - 2)
    if quiz is None or not quiz.answer:
        return None
    if why and "\n\n" not in quiz.answer:  # the answer line says no why: the lines after it do
        asked.append(Paragraph(f"Rationale: {' '.join(why)}", said.line))
    return replace(stem, blocks=tuple(asked), children=())


def _listed_reasons(why: Section) -> tuple[str, ...] | None:
    """An explanation section that is only a short list of one-sentence reasons (`1. Drug X
    covers …` / `2. Option (B) is for …`): its items, the quiz's rationale; None otherwise."""
    if len(why.blocks) != 1 or why.children or not isinstance(why.blocks[0], ListBlock):
        return None
    items = why.blocks[0].items
    if not 1 < len(items) <= MAX_REASONS or any(item.blocks for item in items):
        return None
    reasons = tuple(" ".join(item.text.split()) for item in items)
    if any(". " in reason.rstrip(". ") for reason in reasons):
        return None  # a reason of several sentences: a paragraph, not one line
    return reasons


MAX_REASONS = 6


def _reasons_asked(
    reasons: tuple[str, ...], named: dict[str, str], answer: Section | None, why: Section
) -> tuple[Block, ...] | None:
    """An explanation whose reasons name the options they rule out (`Drug X (C) is for …`, `A is
    wrong because …`) as questions of their own, each reason a fact a student keeps: "Why not
    <option C's text>?" answered by its reason, and one "Why <the answer's text>?" answered by
    the reasons naming no other option. Read by the FAQ reader as bold questions over their
    answers; None when no reason rules an option out (then the reasons are the quiz's back)."""
    first = answer.blocks[0] if answer is not None and answer.blocks else None
    said = next(iter(first.text.strip().splitlines()), "") if isinstance(first, Paragraph) else ""
    right = _ANSWER_LETTER.match(plain(said).strip())
    if right is None or right.group(1).lower() not in named:
        return None
    chosen = right.group(1).lower()
    ruled_out: list[tuple[list[str], str]] = []
    for_it: list[str] = []
    for reason in reasons:
        letters, told = _reason_letters(reason)
        wrong = [letter for letter in letters if letter != chosen and letter in named]
        if not told or (wrong and len(wrong) != len(letters)):
            return None  # a reason naming the answer beside others, or an unknown letter
        if letters and not wrong and letters != [chosen]:
            return None
        if wrong:
            ruled_out.append((wrong, told))
        else:
            for_it.append(told)
    if not ruled_out:
        return None
    blocks: list[Block] = []
    if for_it:
        blocks.append(Paragraph(f"**Why {_unended(named[chosen])}?**", why.line))
        blocks.append(_reason_list(for_it, why.line))
    for letters, told in ruled_out:
        options = " or ".join(_unended(named[letter]) for letter in letters)
        blocks.append(Paragraph(f"**Why not {options}?**", why.line))
        blocks.append(Paragraph(told, why.line))
    return tuple(blocks)


_ANSWER_LETTER = re.compile(r"^(?:\*\*|__)?\(?([A-Ha-h])\)?(?:[.):]|\s|\*\*|__|$)")
"""The letter a `## Correct Answer` section opens with: `B`, `**B**`, `(b) …`, `B. Ceftriaxone`."""

_REASON_LABEL = re.compile(
    r"^(?:\*\*|__)?(?:option\s+)?\(?([A-H])\)?(?:\*\*|__)?\s*(?:(?:is\s+)?(?:wrong|incorrect|"
    r"not\s+correct|correct|right)\b)?\s*(?:because\b|[:.,\u2013\u2014-])\s*(?:\*\*|__)?\s*",
    re.IGNORECASE,
)
"""A reason opening with the option it speaks of: `A is wrong because …`, `Option C: …`,
`(D) — …`, `**B** correct: …`."""


def _reason_letters(reason: str) -> tuple[list[str], str]:
    """The option letters a reason names (`(C)`, `(A, D)`, or an opening `A is wrong because`)
    and the reason without them: "Higher-level antibiotics are for …"."""
    text = " ".join(plain(reason).split())
    label = _REASON_LABEL.match(text)
    if label is not None:
        told = text[label.end() :].strip()
        return [label.group(1).lower()], told[:1].upper() + told[1:]
    letters: list[str] = []
    for found in _BRACKETED_LETTERS.finditer(text):
        letters += [letter.lower() for letter in re.findall(r"[A-H]", found.group(1))]
    told = " ".join(_BRACKETED_LETTERS.sub("", text).split()).replace(" ,", ",")
    return letters, told.replace(" .", ".")


def _unended(option: str) -> str:
    """An option's text as a question names it mid-sentence: its first word lowered unless an
    acronym ("oral azithromycin", "IV ceftriaxone"), without its closing full stop."""
    first, _, rest = plain(option).strip().rstrip(".").partition(" ")
    return f"{lower_first(first)} {rest}".strip()


def _reason_list(reasons: list[str], line: int) -> Block:
    """The reasons for the answer: one paragraph, or a list of them."""
    if len(reasons) == 1:
        return Paragraph(reasons[0], line)
    return ListBlock(False, tuple(ListItem(reason, line) for reason in reasons), line)


def _letters_named(text: str, named: dict[str, str]) -> str:
    """A reason with the options it names by letter in brackets, `(C)`, `(A, D)`, named by
    their text: "Higher-level antibiotics (C) are for …" points at no option on a card."""

    def name(match: re.Match[str]) -> str:
        letters = [letter.lower() for letter in re.findall(r"[A-H]", match.group(1))]
        if not all(letter in named for letter in letters):
            return match.group(0)
        return "(" + " / ".join(named[letter] for letter in letters) + ")"

    return _BRACKETED_LETTERS.sub(name, text)


_BRACKETED_LETTERS = re.compile(r"\(([A-H](?:\s*(?:,|/|&|and|or)\s*[A-H])*)\)")
"""Options named by their letters in brackets: `(C)`, `(A, D)`, `(B or E)`."""


_OPTION_LABEL = re.compile(r"^(?:\*\*|__)?option\s+\(?([a-h])\)?\s*:?(?:\*\*|__)?\s*:?\s*$", re.I)
"""An explanation's label that names an option by its letter alone: `- Option C:`."""


def _named_options(block: Block, named: dict[str, str]) -> Block:
    """A block of an explanation with each `Option C:` label (a paragraph or a list item) named
    by the option's text."""
    if isinstance(block, Paragraph):
        label = _OPTION_LABEL.match(block.text.strip())
        named_as = named.get(label.group(1).lower()) if label else None
        return replace(block, text=f"{named_as}:") if named_as else block
    if not isinstance(block, ListBlock):
        return block
    items = []
    for item in block.items:
        label = _OPTION_LABEL.match(item.text.strip())
        text = (
            f"{named[label.group(1).lower()]}:"
            if label and label.group(1).lower() in named
            else item.text
        )
        blocks = tuple(_named_options(inner, named) for inner in item.blocks)
        items.append(replace(item, text=text, blocks=blocks))
    return replace(block, items=tuple(items))


def _sections_quiz(
    stem: Section, options: Section, answer: Section | None, why: Section | None
) -> Section | None:
    """The stem section with its blocks as one quiz the FAQ reader reads: the vignette as one
    asking paragraph, the options as lettered lines, the `Answer:` line and, when the
    explanation opens with prose, a `Rationale:` line."""
    if answer is None or not answer.blocks or not isinstance(answer.blocks[0], Paragraph):
        return None
    asks = _vignette(stem.blocks)
    lettered = _lettered_options(options.blocks)
    if asks is None or lettered is None:
        return None
    said = next(iter(answer.blocks[0].text.strip().splitlines()), "")
    if not said:
        return None  # an answer of white space only
    blocks: list[Block] = [
        Paragraph(asks, stem.line),
        Paragraph("\n".join(lettered), options.line),
        Paragraph(f"Answer: {said}", answer.line),
    ]
    if why is not None and why.blocks and isinstance(why.blocks[0], Paragraph):
        blocks.append(Paragraph(f"Rationale: {why.blocks[0].text.strip()}", why.line))
    return replace(stem, blocks=tuple(blocks), children=())


def _vignette(blocks: tuple[Block, ...]) -> str | None:
    """A stem's blocks as one paragraph ending in its question: its paragraphs, and its lists of
    findings run in (`RR 24/min; HR 102/min`) while they hold no more than `_FINDINGS` lines in
    all (past that, the paragraphs alone); None when the last block does not ask."""
    if not blocks or not isinstance(blocks[-1], Paragraph):
        return None
    if not plain(blocks[-1].text).strip().endswith("?"):
        return None
    lists = [block for block in blocks if isinstance(block, ListBlock)]
    keep = sum(len(block.items) for block in lists) <= _FINDINGS
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(" ".join(plain(block.text).split()))
        elif isinstance(block, ListBlock) and keep:
            items = "; ".join(" ".join(plain(item.text).split()) for item in block.items)
            if parts and parts[-1].endswith(":"):
                parts[-1] += f" {items}."
            else:
                parts.append(items + ".")
    return " ".join(part for part in parts if part)


_TABLE_LETTER = re.compile(r"\(?([a-hA-H])[.)]?")
"""An options table's letter cell: `A`, `A)`, `(a)`, `b.`."""


def _lettered_options(blocks: tuple[Block, ...]) -> list[str] | None:
    """An options section's choices as lettered lines (`A) …`): the rows of a table whose first
    cell is the letter, or a lettered list or paragraph; None without two or more in order."""
    for block in blocks:
        if isinstance(block, Table) and len(block.header) >= 2:
            lines = [
                f"{mark.group(1)}) {plain(row.cells[1]).strip()}"
                for row in block.rows
                if len(row.cells) >= 2
                and (mark := _TABLE_LETTER.fullmatch(plain(row.cells[0]).strip())) is not None
                and plain(row.cells[1]).strip()
            ]
            return lines if _option_texts(Paragraph("\n".join(lines), 0)) else None
        texts = _option_texts(block)
        if texts is not None:
            return texts
    return None


# A case question: its patient before its question, answered at length.

_CASE_SENTENCE = re.compile(r"(?<=[\w)\]%][.;])\s+(?=[A-Z])|(?<=\w[.;])\s*\n+\s*")
"""Where a stem's sentence ends: "… and fever. RADT negative. What next?"."""
_CASE_WORDS = 6
"""Words of statements before its question that make a stem a case ("A child has sore throat
and fever. RADT negative.")."""
_CASE_ANSWER = 12
"""Words of an answer past which a case question asks for a worked scenario, not a fact."""
_CASE_FRONT = 60
"""Words of a case's front (its vignette and options) past which the card is the whole page."""


def scenario(question: str, answer: str) -> bool:
    """A case question that a card would carry whole: its patient before its question ("A child
    has sore throat and fever. RADT negative. What next?"), answered at length (a paragraph of
    management), or a vignette of more than `_CASE_FRONT` words answered with its reasoning. A
    student keeps the facts it rests on, which the page states elsewhere. "A patient is on
    contact precautions. You must?" over "Wear gloves and gown" stays, and so does a vignette
    answered by its option alone, or a short one answered by an option and why."""
    stem, _, options = question.partition("\n\n")
    stem = plain(stem).strip()
    if "?" not in stem:
        return False
    said = plain(answer).split()
    if len(said) <= _CASE_ANSWER:
        return False
    told: list[str] = []
    for sentence in _CASE_SENTENCE.split(stem):
        if sentence.rstrip().endswith("?"):
            break
        told.append(sentence)
    if len(" ".join(told).split()) < _CASE_WORDS:
        return False
    first = plain(answer.strip().split("\n\n", 1)[0]).split()
    front = len(stem.split()) + len(plain(options).split())
    return len(first) > _CASE_ANSWER or front > _CASE_FRONT
