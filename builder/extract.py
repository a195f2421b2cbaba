"""From a document's routed sections to notes: each subdeck's rules, as the registry orders them."""

from __future__ import annotations

from .document import Document
from .manifest import Manifest
from .notes import Note
from .routing import Route, check_routes, route
from .rules import RULES, Context


def extract_notes(manifest: Manifest, documents: list[Document]) -> list[Note]:
    """Every note the rules make of these documents, in document order, before the checks of the
    deck as a whole (build.read_deck); raises on patterns that match nothing."""
    routed = [route(manifest, document) for document in documents]
    check_routes(manifest, routed)
    return [
        note
        for document, each in zip(documents, routed, strict=True)
        for note in document_notes(manifest, document, each.routes)
    ]


def document_notes(manifest: Manifest, document: Document, routes: tuple[Route, ...]) -> list[Note]:
    """The notes of one document: each routed section through its subdeck's rules, then the
    rules that read the whole document."""
    notes: list[Note] = []
    source_path = display_path(manifest, document)
    for routed in routes:
        ctx = _context(manifest, document.title, source_path, routed)
        reads = "faq" if routed.in_faq else "section"
        for rule in RULES:
            if reads in rule.reads and rule.name in routed.subdeck.rules:
                notes.extend(rule.extract(routed.section, ctx))
    if manifest.abbreviations:
        tags = (*manifest.tags, *((f"{manifest.tags[0]}::abbreviations",) if manifest.tags else ()))
        ctx = Context(document.title, source_path, manifest.topic, manifest.abbreviations, tags)
        for rule in RULES:
            if "document" not in rule.reads:
                continue
            sections = [
                section
                for routed in routes
                if rule.name in routed.subdeck.rules
                for section in (routed.section.walk() if routed.in_faq else [routed.section])
            ]
            notes.extend(rule.extract(sections, ctx))
    return notes


def _context(manifest: Manifest, document: str, source_path: str, routed: Route) -> Context:
    subdeck = routed.subdeck
    return Context(
        document=document,
        source_path=source_path,
        topic=manifest.topic,
        subdeck=subdeck.name,
        tags=(*manifest.tags, *subdeck.tags),
        tables=manifest.tables,
        in_faq=routed.in_faq,
    )


def display_path(manifest: Manifest, document: Document) -> str:
    """The source as notes and messages cite it: from the repository root for decks/*.toml
    (`source/notes.md`), else relative to the manifest's folder."""
    if manifest.path is not None:
        folder = manifest.path.resolve().parent
        base = folder.parent if folder.name == "decks" else folder
        try:
            return str(document.path.resolve().relative_to(base))
        except ValueError:
            pass
    return document.path.name
