"""From routed sections to cards: run each subdeck's rules, then tag and place every card."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .cards import Card
from .document import Document
from .errors import SourceError
from .manifest import Manifest
from .routing import Route, route
from .rules import RULES, Context, abbreviation


def extract_cards(manifest: Manifest, documents: list[Document]) -> list[Card]:
    """Every card the manifest asks for, in document order; keys are checked to be unique."""
    routes = route(manifest, documents)  # patterns are checked against all documents at once
    cards = [card for document in documents for card in document_cards(manifest, document, routes)]
    cards = first_abbreviations(cards)
    check_unique_keys(cards)
    return cards


def first_abbreviations(cards: list[Card]) -> list[Card]:
    """An abbreviation defined in several documents of one deck is asked once: the first
    definition wins, as it does within one document."""
    seen: set[tuple[str, ...]] = set()
    kept = []
    for card in cards:
        if card.rule == "abbreviation":
            if card.key in seen:
                continue
            seen.add(card.key)
        kept.append(card)
    return kept


def document_cards(manifest: Manifest, document: Document, routes: list[Route]) -> list[Card]:
    """The cards of one document: its routed sections through their subdecks' rules, then its
    abbreviations."""
    own = [routed for routed in routes if routed.document is document]
    return section_cards(manifest, own) + abbreviation_cards(manifest, document, own)


def section_cards(manifest: Manifest, routes: list[Route]) -> list[Card]:
    """The cards the section rules make for these routed sections (any slice of a document's)."""
    return [card for cards in section_card_groups(manifest, routes) for card in cards]


def section_card_groups(manifest: Manifest, routes: list[Route]) -> Iterator[list[Card]]:
    """Each routed section's cards in turn: a build writes them before extracting the next."""
    contexts: dict[tuple[int, bool], Context] = {}  # one per document and FAQ-ness
    for routed in routes:
        document = routed.document
        ctx = contexts.get((id(document), routed.in_faq))
        if ctx is None:
            ctx = _context(manifest, document, display_path(manifest, document), routed.in_faq)
            contexts[id(document), routed.in_faq] = ctx
        subdeck = routed.subdeck
        cards = []
        for name, rule in RULES:
            if name in subdeck.rules:
                for card in rule(routed.section, ctx):  # _place, without a call per card
                    tags = _tags(manifest.tags, subdeck.tags, card.rule, card.note_type)
                    cards.append(card.with_route(subdeck.name, tags))
        yield cards


AbbreviationCandidates = tuple[tuple[str, tuple[Card, ...]], ...]
"""(short form folded, its cards) for the first definition of each short form in some sections."""


def abbreviation_cards(manifest: Manifest, document: Document, routes: list[Route]) -> list[Card]:
    """The document's abbreviation cards (a pass over the whole document, first definitions)."""
    own = [routed for routed in routes if routed.document is document]
    return first_definitions(manifest, abbreviation_candidates(manifest, document, own))


def abbreviation_candidates(
    manifest: Manifest, document: Document, routes: list[Route]
) -> AbbreviationCandidates:
    """The abbreviations these routed sections define, first definition first. Candidates of
    consecutive parts of a document, joined, are the whole document's."""
    if not manifest.abbreviations:
        return ()
    sections = [
        section
        for routed in routes
        if "abbreviation" in routed.subdeck.rules
        for section in (routed.section.walk() if routed.in_faq else [routed.section])
    ]
    ctx = _context(manifest, document, display_path(manifest, document), False)
    return tuple(abbreviation.candidates(sections, ctx))


def first_definitions(manifest: Manifest, candidates: AbbreviationCandidates) -> list[Card]:
    """Each abbreviation once, from its first definition, placed in the abbreviations subdeck."""
    if not manifest.abbreviations:
        return []
    tags = (f"{manifest.tags[0]}::abbreviations",) if manifest.tags else ()
    seen: set[str] = set()
    cards: list[Card] = []
    for short, pair in candidates:
        if short not in seen:
            seen.add(short)
            cards.extend(_place(manifest, manifest.abbreviations, tags, card) for card in pair)
    return cards


def _context(manifest: Manifest, document: Document, source_path: str, in_faq: bool) -> Context:
    return Context(
        document=document,
        source_path=source_path,
        topic=manifest.topic,
        tables=manifest.tables,
        in_faq=in_faq,
    )


def _place(manifest: Manifest, subdeck: str, subdeck_tags: tuple[str, ...], card: Card) -> Card:
    return card.with_route(subdeck, _tags(manifest.tags, subdeck_tags, card.rule, card.note_type))


@lru_cache(maxsize=1024)
def _tags(
    manifest_tags: tuple[str, ...], subdeck_tags: tuple[str, ...], rule: str, note_type: str
) -> tuple[str, ...]:
    tags = [*manifest_tags, *subdeck_tags, f"card::{rule}"]
    if note_type == "cloze":
        tags.append("card::cloze")
    clean = (re.sub(r"\s+", "-", tag.strip()) for tag in tags)
    return tuple(dict.fromkeys(tag for tag in clean if tag))


def display_path(manifest: Manifest, document: Document) -> str:
    """The source as cards and messages cite it: from the repository root for decks/*.toml
    (`source/notes.md`), else relative to the manifest's folder."""
    if manifest.path is not None:
        folder = manifest.path.resolve().parent
        base = folder.parent if folder.name == "decks" else folder
        try:
            return str(document.path.resolve().relative_to(base))
        except ValueError:
            pass
    return document.path.name


def check_unique_keys(cards: list[Card]) -> None:
    """Two notes with one key would share a GUID: refuse, naming both source lines."""
    seen: dict[tuple[str, ...], Card] = {}
    for card in cards:
        other = seen.get(card.key)
        if other is not None:
            raise duplicate_key(
                " | ".join(card.key),
                (other.source.path, other.source.line),
                (card.source.path, card.source.line),
            )
        seen[card.key] = card


def duplicate_key(key: str, first: tuple[str, int], second: tuple[str, int]) -> SourceError:
    """The error for a key made twice, raised at the second place, naming the first."""
    return SourceError(
        f"two notes have the same identity ({key}), the other at {first[0]}:{first[1]}; "
        "reword one or pin it with {#id}",
        *second,
    )
