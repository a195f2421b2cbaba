"""FAQ sections: each question and its answer become a Basic note.

Matches a section titled like an FAQ ("FAQ", "Frequently Asked Questions", "Common questions",
"Questions and answers", "Q&A"). Questions are written in one of three shapes:

- as sub-headings (`### What is X?`), the answer being everything under the heading;
- as bold paragraphs (`**What is X?**`), the answer being the blocks up to the next question;
- as `Q:` paragraphs, the answer as an `A:` paragraph (or the same paragraph's next line).

Only paragraphs and headings are questions: a list of items ending in "?" inside an answer stays
part of that answer.
"""

from __future__ import annotations

import re

from ..document import Block, Paragraph, Section, split_pin, to_markdown
from ..notes import Note, make_key
from ..text import plain
from .context import Context

_FAQ_TITLE = re.compile(
    r"^(faqs?|f\.a\.q\.?s?|frequently asked questions|common(ly asked)? questions|"
    r"questions( and |\s*&\s*)answers|q\s*&\s*a|questions)\b",
    re.IGNORECASE,
)
_BOLD_QUESTION = re.compile(r"^(\*\*|__)(?P<q>[^*_].*?\?(\s*\{#[^}]*\})?)\s*(\*\*|__)$", re.DOTALL)
_Q_PREFIX = re.compile(r"^(\*\*|__)?Q(uestion)?\s*[:.]\s*(\*\*|__)?\s*", re.IGNORECASE)
_A_PREFIX = re.compile(r"^(\*\*|__)?A(nswer)?\s*[:.]\s*(\*\*|__)?\s*", re.IGNORECASE)


def is_faq(section: Section) -> bool:
    return bool(_FAQ_TITLE.match(plain(section.title).strip()))


def extract(section: Section, ctx: Context) -> list[Note]:
    """The notes of an FAQ section (routing gives this rule only sections `is_faq` accepts)."""
    notes = [
        _note(question, answer, line, pin, section, ctx)
        for question, answer, line, pin in _inline_questions(section.blocks)
    ]
    for child in section.children:
        answer = to_markdown(child.blocks)
        for grandchild in child.children:
            answer += f"\n\n**{grandchild.title}**\n\n" + to_markdown(grandchild.blocks)
        notes.append(_note(child.title, answer.strip(), child.line, child.pin, section, ctx))
    return [note for note in notes if note.back.strip()]


def _note(
    question: str, answer: str, line: int, pin: str | None, section: Section, ctx: Context
) -> Note:
    question = question.strip()
    # A question that does not name the topic gets it added, so the card stands alone.
    front = question if ctx.situate(question) == question else f"{question} ({ctx.topic})"
    return ctx.note(
        "faq", "basic", front, answer, make_key("faq", section.path, question, pin), section, line
    )


def _inline_questions(blocks: tuple[Block, ...]) -> list[tuple[str, str, int, str | None]]:
    """Questions written as bold or `Q:` paragraphs, with the blocks that answer them."""
    found: list[tuple[str, list[str], int]] = []
    for block in blocks:
        question = _question_of(block)
        if question is not None:
            text, rest = question
            found.append((text, [rest] if rest else [], block.line))
        elif found:
            found[-1][1].append(_block_markdown(block, strip_answer=not found[-1][1]))
    results = []
    for text, answer, line in found:
        text, pin = split_pin(text)
        results.append((text, "\n\n".join(part for part in answer if part).strip(), line, pin))
    return results


def _question_of(block: Block) -> tuple[str, str] | None:
    if not isinstance(block, Paragraph):
        return None
    text, pin = split_pin(block.text.strip())
    pin_text = f" {{#{pin}}}" if pin else ""
    bold = _BOLD_QUESTION.match(text.strip())
    if bold:
        question, inner_pin = split_pin(bold.group("q").strip())
        if inner_pin:  # `**Question? {#id}**`
            pin_text = f" {{#{inner_pin}}}"
            question = question.strip()
        return question + pin_text, ""
    text = block.text.strip()
    prefix = _Q_PREFIX.match(text)
    if prefix:
        body = text[prefix.end() :]
        question, _, rest = body.partition("\n")
        rest = _A_PREFIX.sub("", rest.strip(), count=1)
        return question.strip(), rest
    return None


def _block_markdown(block: Block, strip_answer: bool = False) -> str:
    text = to_markdown((block,))
    return _A_PREFIX.sub("", text, count=1) if strip_answer else text
