"""Abbreviations the document defines ("radiofrequency ablation (RFA)") become two cards each.

Unlike the section rules this one reads the whole document: definitions are found with the
Schwartz & Hearst algorithm (builder/abbreviations.py) in paragraphs, list items and table cells
of the sections the manifest routes, and only the first definition of each short form counts (in
the deck: a later document's definition of the same short form is left out too).
Abbreviations that are only used, never defined ("PET scans"), make no cards. A front leaves out
the topic when the topic would give the answer away (a deck on "urate-lowering therapy (ULT)"),
and an abbreviation that the document's title or the section's headings spell out already ("# VLT:
Velbarin Loading Therapy", shown above every card) makes none, nor does a numbered member of a
series spelled out as one word with its number ("IL-5 (interleukin-5)"), nor an institution's
name ("Food and Drug Administration (FDA)", "World Health Organization (WHO)").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..abbreviations import find_abbreviations
from ..document import Block, ListBlock, Paragraph, Section, Table
from ..notes import Note
from ..text import content_words, normalise, plain
from .context import Context


def extract(sections: list[Section], ctx: Context) -> list[Note]:
    """Both directions for every abbreviation defined in `sections`, in document order. A short
    form defined again makes the same keys again: the deck keeps the first (rules/__init__.py)."""
    notes = []
    for section, line, text in _texts(sections):
        for found in (found for part in _lines(text) for found in find_abbreviations(plain(part))):
            if _spelled_out_above(found.short, found.long, (ctx.document, *section.path)):
                continue
            if _series_member(found.short, found.long) or _institution(found.long):
                continue
            short, key = found.short, normalise(found.short)
            gives_away = not ctx.topic or _gives_away(found.short, found.long, ctx.topic)
            where = "" if gives_away else f" in {ctx.topic}"
            expand = f"What does {short} stand for{where}?"
            abbreviate = f"Abbreviation for “{found.long}”{where}?"
            notes += [
                ctx.note("abbreviation", "basic", expand, found.long,
                         ("abbreviation", key, "expand"), section, line),
                ctx.note("abbreviation", "basic", abbreviate, short,
                         ("abbreviation", key, "abbreviate"), section, line),
            ]  # fmt: skip
    return notes


_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)


def _lines(text: str) -> list[str]:
    """A text's lines as written (`<br>` breaks a table cell's, or a paragraph's, points): a
    definition never runs from one to the next ("25 mg BID<br>(50 mg BID if over 85 kg)" makes
    no "BID" of its second line)."""
    return _BREAK.split(text) if "<" in text else [text]


def _gives_away(short: str, long: str, topic: str) -> bool:
    """The topic holds the answer: "What does ULT stand for in urate-lowering therapy?"."""
    if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", topic):
        return True
    wanted = content_words(long)
    return bool(wanted) and wanted <= content_words(topic)


_INSTITUTIONS = frozenset(
    """
    Administration Organization Organisation Agency Association Institute Institutes Society
    College Department Centers Centres Foundation Council Commission Committee Ministry
    Federation Academy Board Service
    Organización Organização Organizzazione Agência Agencia Agence Agenzia Sociedade Sociedad
    Société Società Gesellschaft Ministério Ministerio Ministère Ministero Instituto Institut
    Istituto Autorité Asociación Associação Associazione Fundação Fundación Fondation Comité
    Comissão Comisión Conselho Consejo Conseil Colegio Colégio Academia Académie Akademie
    """.split()
)
"""Nouns an institution's name is built on, capitalised as in a name ("Food and Drug
Administration", "Organisation mondiale de la santé")."""


def _institution(long: str) -> bool:
    """The long form names an institution (an agency, a society, a ministry): "What does FDA
    stand for?" asks who the page cites, never what it teaches."""
    return any(word in _INSTITUTIONS for word in re.findall(r"[^\W\d_]+", long))


_SERIES = re.compile(r"(?P<stem>[^\W\d_]+)[-\s]?(?P<number>\d+[a-z]?)", re.IGNORECASE)


def _series_member(short: str, long: str) -> bool:
    """`IL-5 (interleukin-5)`: the expansion is one word (the short form's letters spelled out)
    and the same number, so its card asks only the series' name, shown with its number on the
    front. A name of several words (`TLR4 (toll-like receptor 4)`) is still asked."""
    short_part, long_part = _SERIES.fullmatch(short), _SERIES.fullmatch(long)
    if short_part is None or long_part is None:
        return False  # not a lettered stem and its number each (`SCA`, `toll-like receptor 4`)
    return short_part.group("number").lower() == long_part.group("number").lower()


def _spelled_out_above(short: str, long: str, titles: tuple[str, ...]) -> bool:
    """The line above every card (the document's title and the section's headings) holds both
    the short form and the long one ("# VLT: Velbarin Loading Therapy"): both cards would show
    their answer."""
    for title in titles:
        if short in title and re.search(rf"(?<!\w){re.escape(short)}(?!\w)", plain(title)):
            wanted = content_words(long)
            if wanted and wanted <= content_words(title):
                return True
    return False


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
