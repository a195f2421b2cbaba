"""Abbreviations the document defines ("radiofrequency ablation (RFA)") become two cards each.

Unlike the section rules this one reads the whole document: definitions are found with the
Schwartz & Hearst algorithm (builder/abbreviations.py) in paragraphs, list items and table cells
of the sections the manifest routes, and only the first definition of each short form counts.
Abbreviations that are only used, never defined ("PET scans"), make no cards.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..abbreviations import find_abbreviations
from ..cards import Card, normalise, plain
from ..document import Block, ListBlock, Paragraph, Section, Table
from .context import Context, context_line


def extract(sections: list[Section], ctx: Context) -> list[Card]:
    """Both directions for every abbreviation defined in `sections` (in document order)."""
    return [card for _, pair in candidates(sections, ctx) for card in pair]


def candidates(sections: list[Section], ctx: Context) -> Iterator[tuple[str, tuple[Card, Card]]]:
    """(short form in lower case, its two cards) for the first definition of each short form.

    A large document is read piece by piece: joining the pieces' candidates and keeping the first
    of each short form gives what one pass over the whole document gives."""
    seen: set[str] = set()
    for section, line, text in _texts(sections):
        for found in find_abbreviations(plain(text)):
            short = found.short
            if short.lower() in seen:
                continue
            seen.add(short.lower())
            source = ctx.source(section, line)
            context = context_line(section)
            yield (
                short.lower(),
                (
                    Card(
                        rule="abbreviation",
                        note_type="basic",
                        front=f"What does {short} stand for in {ctx.topic}?",
                        back=found.long,
                        source=source,
                        key=("abbreviation", normalise(short), "expand"),
                        context=context,
                    ),
                    Card(
                        rule="abbreviation",
                        note_type="basic",
                        front=f"Abbreviation for “{found.long}” in {ctx.topic}?",
                        back=short,
                        source=source,
                        key=("abbreviation", normalise(short), "abbreviate"),
                        context=context,
                    ),
                ),
            )


def _texts(sections: list[Section]) -> Iterator[tuple[Section, int, str]]:
    """The texts that may define an abbreviation: those holding a `(` (Markdown text without one
    has none in its plain text either, where definitions are looked for)."""
    for section in sections:
        yield from _block_texts(section, section.blocks)


def _block_texts(section: Section, blocks: tuple[Block, ...]) -> Iterator[tuple[Section, int, str]]:
    for block in blocks:
        if isinstance(block, Paragraph):
            if "(" in block.text:
                yield section, block.line, block.text
        elif isinstance(block, ListBlock):
            for item in block.items:
                if "(" in item.text:
                    yield section, item.line, item.text
                if item.blocks:
                    yield from _block_texts(section, item.blocks)
        elif isinstance(block, Table):
            for row in block.rows:
                for cell in row.cells:
                    if "(" in cell:
                        yield section, row.line, cell
