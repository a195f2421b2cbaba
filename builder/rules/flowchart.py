"""A fenced decision flowchart becomes one note a question: "<heading>, <condition>: action?".

Protocols draw what to do as a flowchart in a fence: steps indented under each other as
`-> Output < 10 mL/h?` over `-> Raise the rate`, or a tree whose branches answer questions
(`├─ Clamp closed?` over `│  ├─ YES → Open it`). No other rule reads a fence, so the protocol's
decisions gave nothing. Each question's answer under its YES (or the plain step under it) is one
note; the NO branch's too when it is an action rather than another question or a pointer ("Go
to step 2"). A question under another's answer asks both conditions, two levels at most; a
question asked again and again in the chart (`Alarm resolved?` after every step) is its loop,
not a fact of one branch.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..dialects import flowchart_steps
from ..document import RawBlock, Section
from ..notes import Note, make_key
from ..text import INSTRUCTION_VERBS, plain
from .context import Context
from .leads import is_example

MAX_CONDITIONS = 2


@dataclass(frozen=True, slots=True)
class _Question:
    """A question of the chart: the conditions above it and its own, its answers."""

    conditions: tuple[tuple[str, bool], ...]
    """(question, answered yes) from the outermost down; the last one is this question's own."""
    line: int
    answers: list[str]


def extract(section: Section, ctx: Context) -> list[Note]:
    notes: list[Note] = []
    if is_example(None, section):
        return notes  # a worked case's chart decides for that case only
    for block in section.blocks:
        if not isinstance(block, RawBlock) or block.kind != "fence" or block.info:
            continue
        if "?" not in block.text:
            continue  # a cheap look: a flowchart asks
        steps = flowchart_steps(block.text.split("\n"))
        if steps:
            notes.extend(_notes(steps, block.line + 1, section, ctx))
    return notes


def _notes(
    steps: dict[int, tuple[int, str]], first: int, section: Section, ctx: Context
) -> list[Note]:
    questions = _questions(steps, first)
    asked: dict[str, int] = {}
    for question in questions:
        own = question.conditions[-1]
        asked[own[0]] = asked.get(own[0], 0) + own[1]
    heading = ctx.title(section)
    notes: list[Note] = []
    seen: set[str] = set()
    for question in questions:
        answers = [answer for answer in question.answers if not _POINTER.match(answer)]
        conditions = question.conditions
        if not answers or len(conditions) > MAX_CONDITIONS or asked[conditions[-1][0]] > 1:
            continue
        said = ", ".join(_condition(text, yes) for text, yes in conditions)
        ask = "action?" if _is_action(answers[0]) else "leads to?"
        front = f"{heading}, {said}: {ask}"
        if front in seen:
            continue
        seen.add(front)
        back = _joined(answers)
        key = make_key("flowchart", section.path, said)
        notes.append(ctx.note("flowchart", "basic", front, back, key, section, question.line))
    return notes


def _questions(steps: dict[int, tuple[int, str]], first: int) -> list[_Question]:
    """Each question of the chart with its answers, in the chart's order. A step's parent is the
    nearest step above it further left; what a step says after its question (`Over? → Alkalosis`)
    and a YES step's words answer that question, a NO step's words answer it no."""
    questions: list[_Question] = []
    stack: list[tuple[int, tuple[tuple[str, bool], ...], _Question | None]] = []
    # per open step: its column, the conditions its children are under, the question its
    # plain children answer (None when they answer nothing)
    for index, (column, label) in steps.items():
        while stack and stack[-1][0] >= column:
            stack.pop()
        conditions, answering = (stack[-1][1], stack[-1][2]) if stack else ((), None)
        parts = [plain(part).strip() for part in _ARROW.split(label)]
        parts = [part for part in parts if part]
        if parts and _YES_NO.match(parts[0]) and conditions and answering is not None:
            yes = parts.pop(0).lower().startswith("y")
            conditions = (*conditions[:-1], (conditions[-1][0], yes))
            if not yes:
                answering = _Question(conditions, first + index, [])
                questions.append(answering)
        elif parts and _YES_NO.match(parts[0]):
            parts.pop(0)
        elif len(parts) > 1 and not parts[0].endswith("?") and not _is_action(parts[0]):
            # a case of its own (`Other causes → Acidosis`): under a question, one more case
            # asked; elsewhere an outline's line, which answers nothing
            parts[0] += "?" if conditions else ""
            answering = None
        for part in parts:
            if part.endswith("?"):  # past two levels a question gives no note: kept short
                asked = (*conditions[:MAX_CONDITIONS], (part.rstrip("?").strip(), True))
                answering = _Question(asked, first + index, [])
                questions.append(answering)
                conditions = asked
            elif answering is not None:
                answering.answers.append(part)
        stack.append((column, conditions, answering))
    return questions


def _condition(question: str, yes: bool) -> str:
    """The question as a condition: "Is this a lung case?" is "a lung case", "Output low?" is
    "output low"; answered no, "output low — no"."""
    words = _ASKED.sub("", question).split(" ", 1)
    head = words[0]
    if head[:1].isupper() and head[1:2].islower():
        head = head[:1].lower() + head[1:]
    text = " ".join([head, *words[1:]])
    return text if yes else f"{text} — no"


def _is_action(answer: str) -> bool:
    """An answer telling what to do (`Raise the rate`), not what it means (`Alkalosis`)."""
    word = answer.split(" ", 1)[0].lower().strip(",.;:")
    return word in INSTRUCTION_VERBS or word in _STEP_VERBS


def _joined(answers: list[str]) -> str:
    """The answers in one line: a bracket goes on its step, other steps after a "; "."""
    out = answers[0]
    for answer in answers[1:]:
        out += f" {answer}" if answer.startswith("(") else f"; {answer}"
    return out


_ASKED = re.compile(r"^(?:is|are)\s+(?:this|it|there|these|they)\s+(?=\S)", re.IGNORECASE)
"""A question's opening words ("Is this a …", "Are there …"), no part of its condition."""
_ARROW = re.compile(r"[ \t]*(?:→|->|=>|⇒)[ \t]*")
_YES_NO = re.compile(r"^(?:yes|no|y|n)\b[ \t:]*$", re.IGNORECASE)
_POINTER = re.compile(r"^(?:go|return|proceed|skip|move|continue|back)\s+(?:on\s+)?to\b", re.I)
"""An answer that only points at another step ("Go to Step 2"): nothing to learn."""
_STEP_VERBS = frozenset(
    """
    increase decrease start stop consider continue straighten empty reconnect suction call
    administer resume repeat reassess add give switch tighten clamp open close replace restart
    discontinue begin titrate escalate treat refer transfer drain flush change lower
    """.split()
)
"""Verbs opening a flowchart's step besides those of an instruction (`text.INSTRUCTION_VERBS`)."""
