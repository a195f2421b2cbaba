"""The extraction rules: one registry of their names, order, what each reads, and its function.

Everything else about rules derives from `RULES`: the names a manifest may switch on and off
(`RULE_NAMES`), the order notes come out in, which rules read an FAQ section. Each rule is a pure
function in a module of its own; it makes `Note`s through its context (`Context.note`), which
places them in their subdeck. tests/test_registry.py holds every rule to a fixture file
(tests/fixtures/rules/<name>.md) and a row in docs/manifest.md and README's table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ..notes import Note
from . import (
    abbreviation,
    definition,
    enumeration,
    faq,
    figure,
    flowchart,
    measure,
    prose_fact,
    prose_list,
    scale,
    short_lines,
    statements,
    table,
    term,
)
from .context import Context, TableOptions

Reads = Literal["section", "faq", "document"]
"""What a rule is given: a routed section's own blocks ("section"), a whole FAQ section with its
questions ("faq"), or every routed section of a document at once ("document")."""


@dataclass(frozen=True, slots=True)
class Rule:
    name: str
    reads: frozenset[Reads]
    extract: Callable[[Any, Context], list[Note]]
    """`extract(section, ctx)`; for a rule that reads the document, `extract(sections, ctx)`."""
    first_wins: bool = False
    """A note made again with the same key (the same abbreviation defined twice, in one document
    or in several) is left out: the first one wins. For other rules that is an error."""
    fallback: bool = False
    """A last resort: it runs after the section's other rules and is told the lines their notes
    made (`Context.made`), so it asks only what no other rule asked."""


RULES: tuple[Rule, ...] = (
    Rule("faq", frozenset({"faq", "section"}), faq.extract),
    Rule("table", frozenset({"section"}), table.extract),
    Rule("definition", frozenset({"section"}), definition.extract),
    Rule("enumeration", frozenset({"section"}), enumeration.extract),
    Rule("short_lines", frozenset({"section"}), short_lines.extract),
    Rule("scale", frozenset({"section"}), scale.extract),
    Rule("flowchart", frozenset({"section"}), flowchart.extract),
    Rule("prose_list", frozenset({"section"}), prose_list.extract),
    Rule("prose_fact", frozenset({"section"}), prose_fact.extract),
    Rule("figure", frozenset({"section", "faq"}), figure.extract),
    Rule("statements", frozenset({"section"}), statements.extract, fallback=True),
    Rule("measure", frozenset({"section"}), measure.extract, fallback=True),
    Rule("term", frozenset({"section"}), term.extract, fallback=True),
    Rule("abbreviation", frozenset({"document"}), abbreviation.extract, first_wins=True),
)
"""Every rule, in the order its notes come out of a section."""

RULE_NAMES: tuple[str, ...] = tuple(rule.name for rule in RULES)
FIRST_WINS: frozenset[str] = frozenset(rule.name for rule in RULES if rule.first_wins)

__all__ = ["FIRST_WINS", "RULES", "RULE_NAMES", "Context", "Rule", "TableOptions"]
