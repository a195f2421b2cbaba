"""What a rule may know besides its section: the document, the deck's topic, per-table options."""

from __future__ import annotations

from collections.abc import Iterator
from fnmatch import fnmatchcase
from typing import Final

from ..cards import Source, names_topic
from ..document import Block, Document, Paragraph, Section
from ..manifest import TableOptions
from ..records import Record


class Context(Record):
    __slots__ = ("document", "in_faq", "source_path", "tables", "topic")
    document: Final[Document]
    source_path: Final[str]
    """The source as the manifest names it, for card backs and messages."""
    topic: Final[str]
    """Phrase naming the deck's subject, used to make fronts stand alone."""
    tables: Final[tuple[TableOptions, ...]]
    in_faq: Final[bool]
    """True inside an FAQ section, which the faq rule reads as a whole."""

    def __init__(
        self,
        document: Document,
        source_path: str,
        topic: str,
        tables: tuple[TableOptions, ...] = (),
        in_faq: bool = False,
    ) -> None:
        self.document = document
        self.source_path = source_path
        self.topic = topic
        self.tables = tables
        self.in_faq = in_faq

    def source(self, section: Section, line: int) -> Source:
        return Source(self.source_path, self.document.title, section.path, line)

    def table_options(self, section: Section) -> TableOptions | None:
        for options in self.tables:
            if matches(section, options.section):
                return options
        return None

    def situate(self, phrase: str) -> str:
        """`phrase` plus 'in <topic>' unless it already names the topic."""
        if not self.topic or names_topic(phrase, self.topic):
            return phrase
        return f"{phrase} in {self.topic}"


def matches(section: Section, pattern: str) -> bool:
    """A manifest pattern matches a heading's text or its 'Parent/Child' path, ignoring case."""
    pattern = pattern.lower().strip()
    return fnmatchcase(section.title.lower(), pattern) or fnmatchcase(
        "/".join(section.path).lower(), pattern
    )


def context_line(section: Section) -> str:
    return " › ".join(section.path)


def with_lead_in(blocks: tuple[Block, ...]) -> Iterator[tuple[Paragraph | None, Block]]:
    """Each block with the paragraph just before it (a list's lead-in sentence), if any."""
    previous: Block | None = None
    for block in blocks:
        yield (previous if isinstance(previous, Paragraph) else None), block
        previous = block
