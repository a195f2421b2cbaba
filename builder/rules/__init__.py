"""The extraction rules, in the order they run. The manifest switches them on or off by name.

Each rule is a pure function `extract(section, ctx) -> list[Card]` in a module of its own.
"""

from __future__ import annotations

from collections.abc import Callable

from ..cards import Card
from ..document import Section
from . import abbreviation, definition, enumeration, faq, figure, prose_list, table
from .context import Context

Rule = Callable[[Section, Context], list[Card]]

RULES: tuple[tuple[str, Rule], ...] = (
    ("faq", faq.extract),
    ("table", table.extract),
    ("definition", definition.extract),
    ("enumeration", enumeration.extract),
    ("prose_list", prose_list.extract),
    ("figure", figure.extract),
)
"""Section rules, in order. `abbreviation` reads the whole document instead (builder/extract.py)."""

__all__ = ["RULES", "Context", "Rule", "abbreviation"]
