"""From routed sections to cards: run each subdeck's rules, then tag and place every card."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .cards import Card
from .document import Document
from .errors import SourceError
from .manifest import Manifest, Subdeck
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
    """Each routed section's cards in turn, placed in its subdeck."""
    for subdeck, cards in rule_card_groups(manifest, routes):
        yield [place(manifest, subdeck.name, subdeck.tags, card) for card in cards]


def rule_card_groups(
    manifest: Manifest, routes: list[Route]
) -> Iterator[tuple[Subdeck, list[Card]]]:
    """Each routed section's subdeck and the cards its rules make, not placed in it yet: a build
    writes them before extracting the next, placing each as it writes it (placing copies a card)."""
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
                cards.extend(rule(routed.section, ctx))
        yield subdeck, cards


AbbreviationCandidates = tuple[tuple[str, tuple[Card, ...]], ...]
"""(short form folded, its cards) for the first definition of each short form in some sections."""


def abbreviation_cards(manifest: Manifest, document: Document, routes: list[Route]) -> list[Card]:
    """The document's abbreviation cards (a pass over the whole document, first definitions),
    placed in the abbreviations subdeck."""
    own = [routed for routed in routes if routed.document is document]
    subdeck, tags = abbreviation_subdeck(manifest)
    candidates = abbreviation_candidates(manifest, document, own)
    return [place(manifest, subdeck, tags, card) for card in first_definitions(candidates)]


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


def first_definitions(candidates: AbbreviationCandidates) -> list[Card]:
    """Each abbreviation's cards once, from its first definition; not placed yet (they go to
    `abbreviation_subdeck`)."""
    seen: set[str] = set()
    cards: list[Card] = []
    for short, pair in candidates:
        if short not in seen:
            seen.add(short)
            cards.extend(pair)
    return cards


def abbreviation_subdeck(manifest: Manifest) -> tuple[str, tuple[str, ...]]:
    """Where abbreviation cards go: the abbreviations subdeck, tagged under the deck's first tag."""
    return manifest.abbreviations, (
        (f"{manifest.tags[0]}::abbreviations",) if manifest.tags else ()
    )


def _context(manifest: Manifest, document: Document, source_path: str, in_faq: bool) -> Context:
    return Context(
        document=document,
        source_path=source_path,
        topic=manifest.topic,
        tables=manifest.tables,
        in_faq=in_faq,
    )


def place(manifest: Manifest, subdeck: str, subdeck_tags: tuple[str, ...], card: Card) -> Card:
    """The card in its subdeck, with its tags."""
    return card.with_route(
        subdeck, card_tags(manifest.tags, subdeck_tags, card.rule, card.note_type)
    )


@lru_cache(maxsize=1024)
def card_tags(
    manifest_tags: tuple[str, ...], subdeck_tags: tuple[str, ...], rule: str, note_type: str
) -> tuple[str, ...]:
    """A card's tags: the deck's, its subdeck's, and its rule's."""
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
