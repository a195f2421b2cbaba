"""The build, top to bottom: manifest -> documents -> cards -> identities -> package.

Every command is a thin layer over these functions: `plan_deck` makes the cards and their
identities without writing anything (used by `cards`, `check`, `preview`), `build_deck` also
writes the .apkg and the lock file.
"""

from __future__ import annotations

import gc
import hashlib
import html
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .cache import CACHE_DIR, DocumentCache, file_digest, is_up_to_date, record_build
from .cards import Card, topic_phrase
from .document import Document, parse_document, read_source
from .errors import LockError, SourceError
from .extract import (
    abbreviation_cards,
    check_unique_keys,
    display_path,
    first_abbreviations,
    section_cards,
)
from .lock import (
    Lock,
    LockChanges,
    Stamp,
    build_time,
    content_digest,
    key_text,
    read_lock,
    stamp_notes,
    write_text_atomic,
)
from .manifest import Manifest, Subdeck, slugify, stable_id
from .media import embed_images
from .render import removed_markup, to_html
from .routing import Route, route


@dataclass(frozen=True, slots=True)
class Note:
    """A card with what Anki needs: rendered fields, full deck name and identity."""

    card: Card
    fields: list[str]
    deck: str
    stamp: Stamp


@dataclass(frozen=True, slots=True)
class DeckPlan:
    manifest: Manifest
    documents: list[Document]
    notes: list[Note]
    lock: Lock
    changes: LockChanges
    lock_changed: bool
    media: dict[str, bytes] = field(default_factory=dict)
    """Embedded images: package file name -> bytes."""
    warnings: list[str] = field(default_factory=list)
    """`path:line: message` lines worth a teacher's look; they do not stop the build."""
    media_files: list[str] = field(default_factory=list)
    """The image files embedded, so a rebuild notices when one changes."""

    @property
    def cards(self) -> list[Card]:
        return [note.card for note in self.notes]

    @property
    def anki_card_count(self) -> int:
        return sum(note.card.anki_cards for note in self.notes)

    @property
    def subdecks(self) -> dict[str, int]:
        """Full name -> id of every subdeck that holds notes, in manifest order."""
        used = {note.deck for note in self.notes}
        names = [self.deck_name(s.name) for s in self.manifest.subdecks]
        if self.manifest.abbreviations:
            names.append(self.deck_name(self.manifest.abbreviations))
        return {
            name: stable_id(str(self.manifest.deck_id), name)
            for name in dict.fromkeys(names)
            if name in used
        }

    def deck_name(self, subdeck: str) -> str:
        return f"{self.manifest.title}::{subdeck}"


@dataclass(frozen=True, slots=True)
class BuildResult:
    manifest: Manifest
    output: Path
    plan: DeckPlan | None
    """None when the build was skipped: nothing it depends on changed since the last one."""
    lock_written: bool = False

    @property
    def skipped(self) -> bool:
        return self.plan is None

    def summary(self) -> str:
        if self.plan is None:
            return f"{self.manifest.title}: up to date -> {self.output}"
        plan = self.plan
        return (
            f"{plan.manifest.title}: {len(plan.notes)} notes, {plan.anki_card_count} cards, "
            f"{len(plan.subdecks)} subdecks -> {self.output}"
        )


def manifest_for_source(path: str | Path) -> Manifest:
    """Zero-config: a deck straight from one Markdown file, one subdeck per top-level section."""
    return manifest_for_document(parse_document(Path(path)))


def manifest_for_document(document: Document) -> Manifest:
    """The defaults a zero-config build uses; `deckbuilder init` writes the same as a manifest."""
    subdecks = tuple(
        Subdeck(name=subdeck_name(section.title), sections=(literal_pattern(section.title),))
        for section in document.sections
    )
    return Manifest(
        title=document.title,
        deck_id=zero_config_deck_id(document),
        sources=(document.path.resolve(),),
        subdecks=subdecks,
        path=None,
        topic=topic_phrase(str(document.meta.get("topic") or document.title)),
        tags=(slugify(document.title),),
    )


def zero_config_deck_id(document: Document) -> int:
    """The deck id of a build without a manifest: derived from the title, never random."""
    return stable_id("deckbuilder", document.title)


def subdeck_name(title: str) -> str:
    return title.replace("::", ":").strip() or "Notes"


def literal_pattern(title: str) -> str:
    """A heading as a manifest pattern that matches only itself (glob characters escaped)."""
    return "".join(f"[{char}]" if char in "*?[" else char for char in title)


@contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic collector: a build makes millions of short-lived acyclic objects (tokens,
    cards), and its scans cost about a quarter of the time (docs/performance.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def plan_deck(
    manifest: Manifest,
    rename_matching: bool = True,
    cache: DocumentCache | None = None,
    jobs: int = 1,
) -> DeckPlan:
    """Cards, rendered fields and identities for a deck; writes nothing but the cache.

    `jobs` processes parse large sources in pieces; the plan is the same for any number.
    """
    with _no_cyclic_gc():
        return _plan_deck(manifest, rename_matching, cache, jobs)


def _plan_deck(
    manifest: Manifest, rename_matching: bool, cache: DocumentCache | None, jobs: int
) -> DeckPlan:
    loaded = [_document(path, cache, jobs) for path in manifest.sources]
    documents = [document for document, _ in loaded]
    routes = route(manifest, documents)
    warnings = empty_section_warnings(manifest, documents)
    rendered: list[tuple[Card, list[str]]] = []
    media: dict[str, bytes] = {}
    media_files: dict[str, str] = {}
    manifest_key = repr(manifest)
    for document, digest in loaded:
        key = (manifest_key, str(document.path), digest)
        part = cache.load("cards", *key) if cache is not None else None
        if part is None or any(file_digest(Path(p)) != d for p, d in part.media_files.items()):
            part = _render_document(manifest, document, routes, jobs)
            if cache is not None:
                cache.store(part, "cards", *key)
        rendered.extend(part.rendered)
        warnings.extend(part.warnings)
        media.update(part.media)
        media_files.update(part.media_files)
    kept = {id(card) for card in first_abbreviations([card for card, _ in rendered])}
    rendered = [(card, fields) for card, fields in rendered if id(card) in kept]
    check_unique_keys([card for card, _ in rendered])
    from .anki import MODELS, guid_for

    keyed = [
        (key_text(card.key), content_digest(MODELS[card.note_type].model_id, fields, card.tags))
        for card, fields in rendered
    ]
    old_lock = read_lock(manifest.lock_path)
    stamps, lock, changes = stamp_notes(
        keyed,
        old_lock,
        build_time(),
        lambda key: guid_for(manifest.deck_id, key),
        rename_matching=rename_matching,
    )
    notes = [
        Note(card, fields, f"{manifest.title}::{card.subdeck}", stamp)
        for (card, fields), stamp in zip(rendered, stamps, strict=True)
    ]
    changed = lock.text() != old_lock.text()
    warnings = list(dict.fromkeys(warnings))
    return DeckPlan(
        manifest, documents, notes, lock, changes, changed, media, warnings, list(media_files)
    )


@dataclass(frozen=True, slots=True)
class _RenderedDocument:
    """One document's cards with their HTML fields: what the document cache keeps."""

    rendered: list[tuple[Card, list[str]]]
    warnings: list[str]
    media: dict[str, bytes]
    media_files: dict[str, str]
    """Image path -> content digest, so a changed image invalidates the cached cards."""


def _document(path: Path, cache: DocumentCache | None, jobs: int = 1) -> tuple[Document, str]:
    """A parsed source and the digest of its text; parsed once per distinct text when cached."""
    text = read_source(path)
    digest = hashlib.sha256(text.encode()).hexdigest()
    document = cache.load("document", str(path), digest) if cache is not None else None
    if not isinstance(document, Document):
        document = parse_document(path, text=text, jobs=jobs)
        if cache is not None:
            cache.store(document, "document", str(path), digest)
    return document, digest


PARALLEL_MIN_SECTIONS = 64
"""Fewer routed sections than this are not worth starting worker processes for."""


def _render_document(
    manifest: Manifest, document: Document, routes: list[Route], jobs: int = 1
) -> _RenderedDocument:
    """The document's cards with their fields. With several jobs, slices of its sections are
    extracted and rendered in forked workers, and joined in order: the same result as one."""
    own = [routed for routed in routes if routed.document is document]
    slices = _slices(own, jobs if len(own) >= PARALLEL_MIN_SECTIONS else 1)
    if len(slices) > 1:
        import multiprocessing

        global _SHARED
        _SHARED = (manifest, own)
        try:
            with multiprocessing.get_context("fork").Pool(jobs) as pool:
                parts = pool.map(_render_slice, slices)
        finally:
            _SHARED = None
    else:
        parts = [_render_cards(manifest, document, section_cards(manifest, own))]
    parts.append(_render_cards(manifest, document, abbreviation_cards(manifest, document, own)))
    media: dict[str, bytes] = {}
    files: dict[str, str] = {}
    for part in parts:
        media.update(part.media)
        files.update(part.media_files)
    return _RenderedDocument(
        [item for part in parts for item in part.rendered],
        [warning for part in parts for warning in part.warnings],
        media,
        files,
    )


_SHARED: tuple[Manifest, list[Route]] | None = None
"""What forked workers read instead of receiving it pickled: the manifest and routed sections."""


def _slices(routes: list[Route], jobs: int) -> list[tuple[int, int]]:
    """Contiguous slices, a few per job so that uneven sections even out."""
    if jobs <= 1:
        return [(0, len(routes))]
    count = min(len(routes), jobs * 4)
    bounds = [len(routes) * index // count for index in range(count + 1)]
    return list(itertools.pairwise(bounds))


def _render_slice(bounds: tuple[int, int]) -> _RenderedDocument:
    assert _SHARED is not None
    manifest, routes = _SHARED
    chosen = routes[bounds[0] : bounds[1]]
    return _render_cards(manifest, chosen[0].document, section_cards(manifest, chosen))


def _render_cards(manifest: Manifest, document: Document, cards: list[Card]) -> _RenderedDocument:
    source_path = display_path(manifest, document)
    media: dict[str, bytes] = {}
    used: list[str] = []
    warnings: list[str] = []
    rendered = []
    for card in cards:
        where = f"{card.source.path}:{card.source.line}"
        for part in (card.front, card.back):
            for removed in removed_markup(part):
                warnings.append(f"{where}: warning: removed {removed} (not allowed on cards)")
        fields = [
            embed_images(value, document.path.parent, source_path, card.source.line, media, used)
            for value in _fields(card)
        ]
        rendered.append((card, fields))
    files = {path: file_digest(Path(path)) for path in dict.fromkeys(used)}
    return _RenderedDocument(rendered, warnings, media, files)


def empty_section_warnings(manifest: Manifest, documents: list[Document]) -> list[str]:
    """Headings with nothing under them: usually a paste that lost its content."""
    return [
        f"{display_path(manifest, document)}:{section.line}: warning: heading "
        f"{section.title!r} has no content"
        for document in documents
        for section in document.walk()
        if not section.blocks and not section.children
    ]


def _fields(card: Card) -> list[str]:
    source = html.escape(f"{card.source.document} — {' › '.join(card.source.section)}")
    return [to_html(card.front), to_html(card.back), html.escape(card.context), source]


def deck_description(manifest: Manifest, documents: list[Document]) -> str:
    """Shown on Anki's deck overview: what the deck is, where it comes from, the disclaimer."""
    parts = []
    if manifest.description:
        parts.append(html.escape(manifest.description))
    for document in documents:
        meta = document.meta
        origin = ", ".join(
            str(value) for value in (meta.get("source"), meta.get("publisher")) if value
        )
        line = f"Source: <i>{html.escape(document.title)}</i>"
        if origin:
            line += f" ({html.escape(origin)})"
        parts.append(line)
        if meta.get("disclaimer"):
            parts.append(f"<small>{html.escape(str(meta['disclaimer']))}</small>")
    return "<br><br>".join(parts)


def default_output(manifest: Manifest, dist: Path = Path("dist")) -> Path:
    return dist / f"{manifest.slug}.apkg"


def build_deck(
    manifest: Manifest,
    output: Path | None = None,
    frozen: bool = False,
    rename_matching: bool = True,
    strict: bool = False,
    force: bool = False,
    jobs: int = 1,
) -> BuildResult:
    """Build one deck into `output` (default dist/<slug>.apkg) and bring its lock up to date.

    Skipped when the package is there and nothing it depends on changed (unless `force`);
    unchanged documents come from the cache beside the package.
    """
    from .anki import DeckTree, PackagedNote, write_package

    output = output or default_output(manifest)
    inputs = [path for path in (manifest.path, *manifest.sources, manifest.lock_path) if path]
    options = {
        "output": str(output.resolve()),
        "frozen": frozen,
        "rename_matching": rename_matching,
        "strict": strict,
    }
    # Only manifest builds keep a cache and may be skipped: their lock pins every note's time,
    # so the same inputs give the same package. A zero-config build leaves no files but its own.
    cache = None
    if manifest.lock_path is not None:
        if not force and is_up_to_date(output, inputs, options):
            return BuildResult(manifest, output, None)
        cache = DocumentCache(output.parent / CACHE_DIR / manifest.slug)
    plan = plan_deck(manifest, rename_matching=rename_matching, cache=cache, jobs=jobs)
    if not plan.notes:
        where = manifest.path or manifest.sources[0]
        if strict:
            raise SourceError("the deck has no cards (--strict); check its sections", where)
        plan.warnings.append(f"{where}: warning: the deck has no cards")
    if frozen and plan.lock_changed:
        raise LockError(
            f"the lock file would change ({plan.changes.summary()}); run `deckbuilder build` "
            "without --frozen and commit the lock",
            manifest.lock_path or manifest.path,
        )
    tree = DeckTree(
        title=manifest.title,
        deck_id=manifest.deck_id,
        description=deck_description(manifest, plan.documents),
        subdecks=plan.subdecks,
    )
    packaged = [
        PackagedNote(note.card.note_type, note.fields, note.card.tags, note.deck, note.stamp)
        for note in plan.notes
    ]
    zip_time = max((note.stamp.mtime for note in plan.notes), default=0)
    with _no_cyclic_gc():
        write_package(tree, packaged, output, media=plan.media, zip_time=zip_time)
    lock_written = False
    if manifest.lock_path is not None and plan.lock_changed:
        write_text_atomic(manifest.lock_path, plan.lock.text())
        lock_written = True
    if cache is not None:
        cache.prune()
        record_build(output, inputs, options, plan.media_files)
    return BuildResult(manifest, output, plan, lock_written)
