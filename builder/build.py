"""The build, top to bottom: manifest -> documents -> cards -> identities -> package.

Every command is a thin layer over these functions: `plan_deck` makes the cards and their
identities in memory without writing anything (used by `cards`, `check`, `preview`, `diff`);
`build_deck` stages each document's notes on disk (streaming.py), gives them identities from the
lock, and writes the .apkg and the lock file.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import html
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Final, NamedTuple

from .cache import CACHE_DIR, DocumentCache, file_digest, is_up_to_date, record_build
from .cards import Card, topic_phrase
from .document import Document, parse_document, read_source
from .errors import ExportError, LockError, SourceError
from .extract import (
    abbreviation_cards,
    check_unique_keys,
    first_abbreviations,
    section_cards,
)
from .files import write_beside
from .identities import Identified, identify, lock_digest
from .lock import (
    Lock,
    LockChanges,
    Stamp,
    build_time,
    content_digest,
    key_text,
    read_lock,
    stamp_notes,
)
from .manifest import Manifest, Subdeck, slugify, stable_id
from .records import Record
from .routing import Route, route, route_some
from .staging import (
    read_summary,
)
from .streaming import (
    PiecePlan,
    Renderer,
    StagedDocument,
    deck_id,
    empty_section_warnings,
    plan_pieces,
    stage_pieces,
    stage_whole,
)

if TYPE_CHECKING:
    pass


class Note(Record):
    """A card with what Anki needs: rendered fields, full deck name and identity. A Record
    (records.py), as is DeckPlan: plain slotted classes cost far less to create at start-up than
    frozen dataclasses; `_replace` makes a changed copy."""

    __slots__ = ("card", "deck", "fields", "stamp")
    card: Final[Card]
    fields: Final[list[str]]
    deck: Final[str]
    stamp: Final[Stamp]

    def __init__(self, card: Card, fields: list[str], deck: str, stamp: Stamp) -> None:
        self.card = card
        self.fields = fields
        self.deck = deck
        self.stamp = stamp


class DeckPlan(Record):
    __slots__ = (
        "changes", "documents", "lock", "lock_changed", "manifest", "media", "media_files",
        "notes", "warnings",
    )  # fmt: skip
    manifest: Final[Manifest]
    documents: Final[list[Document]]
    notes: Final[list[Note]]
    lock: Final[Lock]
    changes: Final[LockChanges]
    lock_changed: Final[bool]
    media: Final[dict[str, bytes]]
    """Embedded images: package file name -> bytes."""
    warnings: Final[list[str]]
    """`path:line: message` lines worth a teacher's look; they do not stop the build."""
    media_files: Final[list[str]]
    """The image files embedded, so a rebuild notices when one changes."""

    def __init__(
        self,
        manifest: Manifest,
        documents: list[Document],
        notes: list[Note],
        lock: Lock,
        changes: LockChanges,
        lock_changed: bool,
        media: dict[str, bytes] | None = None,
        warnings: list[str] | None = None,
        media_files: list[str] | None = None,
    ) -> None:
        self.manifest = manifest
        self.documents = documents
        self.notes = notes
        self.lock = lock
        self.changes = changes
        self.lock_changed = lock_changed
        self.media = {} if media is None else media
        self.warnings = [] if warnings is None else warnings
        self.media_files = [] if media_files is None else media_files

    @property
    def cards(self) -> list[Card]:
        return [note.card for note in self.notes]

    @property
    def anki_card_count(self) -> int:
        return sum(note.card.anki_cards for note in self.notes)

    @property
    def subdecks(self) -> dict[str, int]:
        """Full name -> id of every subdeck that holds notes, in manifest order."""
        return used_subdecks(self.manifest, {note.deck for note in self.notes})

    def deck_name(self, subdeck: str) -> str:
        return f"{self.manifest.title}::{subdeck}"


def used_subdecks(manifest: Manifest, used: set[str]) -> dict[str, int]:
    """Full name -> id of the subdecks among `used` (full deck names), in manifest order."""
    names = [f"{manifest.title}::{s.name}" for s in manifest.subdecks]
    if manifest.abbreviations:
        names.append(f"{manifest.title}::{manifest.abbreviations}")
    return {name: deck_id(manifest, name) for name in dict.fromkeys(names) if name in used}


class BuildReport(NamedTuple):
    """What a finished build tells the teacher: counts, warnings and what the lock records."""

    notes: int
    cards: int
    """Anki cards (a cloze note makes one per deletion)."""
    subdecks: dict[str, int]
    warnings: list[str]
    """`path:line: message` lines worth a teacher's look; they do not stop the build."""
    changes: LockChanges
    lock_changed: bool
    """Whether the build rewrote the lock file."""
    zip_time: int
    """The newest note time: the package's file dates, so the same inputs give the same bytes."""


class BuildResult(NamedTuple):
    manifest: Manifest
    output: Path
    report: BuildReport | None
    """None when the build was skipped: nothing it depends on changed since the last one."""
    lock_written: bool = False

    @property
    def skipped(self) -> bool:
        return self.report is None

    def summary(self) -> str:
        if self.report is None:
            return f"{self.manifest.title}: up to date -> {self.output}"
        report = self.report
        return (
            f"{self.manifest.title}: {report.notes} notes, {report.cards} cards, "
            f"{len(report.subdecks)} subdecks -> {self.output}"
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


@contextlib.contextmanager
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


def plan_deck(manifest: Manifest, rename_matching: bool = True) -> DeckPlan:
    """Cards, rendered fields and identities for a deck, in memory; writes nothing.

    For the commands that look at every card (`cards`, `check`, `preview`, `diff`); `build_deck`
    makes the same notes but streams them to disk."""
    with _no_cyclic_gc():
        documents = [parse_document(path) for path in manifest.sources]
        routes = route(manifest, documents)
        warnings = [
            warning
            for document in documents
            for warning in empty_section_warnings(manifest, document, lambda s: bool(s.blocks))
        ]
        rendered: list[tuple[Card, list[str]]] = []
        media: dict[str, bytes] = {}
        media_files: dict[str, str] = {}
        for document in documents:
            own = [routed for routed in routes if routed.document is document]
            renderer = Renderer(manifest, document)
            cards = section_cards(manifest, own) + abbreviation_cards(manifest, document, own)
            rendered.extend((card, renderer.fields(card)) for card in cards)
            warnings.extend(renderer.warnings)
            media.update(renderer.media)
            media_files.update(renderer.media_files())
        kept = {id(card) for card in first_abbreviations([card for card, _ in rendered])}
        rendered = [(card, fields) for card, fields in rendered if id(card) in kept]
        check_unique_keys([card for card, _ in rendered])
        from .anki import MODELS, guid_for

        keyed = []
        for card, fields in rendered:
            key = key_text(card.key)
            digest = content_digest(MODELS[card.note_type].model_id, fields, card.tags)
            keyed.append((key, digest, guid_for(manifest.deck_id, key)))
        old_lock = read_lock(manifest.lock_path)
        stamps, lock, changes = stamp_notes(keyed, old_lock, build_time(), rename_matching)
        notes = [
            Note(card, fields, f"{manifest.title}::{card.subdeck}", stamp)
            for (card, fields), stamp in zip(rendered, stamps, strict=True)
        ]
        changed = lock.text() != old_lock.text()
    return DeckPlan(
        manifest,
        documents,
        notes,
        lock,
        changes,
        changed,
        media,
        list(dict.fromkeys(warnings)),
        list(media_files),
    )


def stage_deck(
    manifest: Manifest, cache: DocumentCache, jobs: int = 1
) -> list[tuple[Path, StagedDocument]]:
    """Each document's notes staged on disk, in manifest order. A document whose text, images,
    manifest and builder are unchanged since its file was staged is not parsed again; a large
    one is staged piece by piece in `jobs` processes (streaming.py)."""
    manifest_key = repr(manifest)
    files: list[Path] = []
    summaries: list[StagedDocument | None] = []
    plans: list[PiecePlan | None] = []
    documents: list[Document] = []
    for path in manifest.sources:
        text = read_source(path)
        digest = hashlib.sha256(text.encode()).hexdigest()
        file = cache.entry(manifest_key, str(path), digest)
        summary = read_summary(file)
        if not isinstance(summary, StagedDocument) or any(
            file_digest(Path(image)) != known for image, known in summary.media_files.items()
        ):
            summary = None
        plan = plan_pieces(path, text) if summary is None else None
        files.append(file)
        summaries.append(summary)
        plans.append(plan)
        if summary is not None:
            documents.append(summary.outline)
        elif plan is not None:
            documents.append(plan.document)
        else:
            documents.append(parse_document(path, text, jobs))
        del text
    # Documents staged before were routed then: only their patterns are needed now.
    wanted = [summary is None for summary in summaries]
    known = [frozenset[int]() if summary is None else summary.patterns for summary in summaries]
    routes, matched = _routes_by_document(manifest, documents, wanted, known)
    staged = []
    for index, (file, summary, plan) in enumerate(zip(files, summaries, plans, strict=True)):
        if summary is None and plan is not None:
            own = routes.pop(id(documents[index]), [])
            summary = stage_pieces(manifest, plan, own, file, jobs, matched[index])
            if summary is None:  # its outline was not what the scan read: parse it whole
                path = manifest.sources[index]
                documents[index] = parse_document(path, read_source(path), jobs)
                wanted = [index <= later and done for later, done in enumerate(wanted)]
                routes, matched = _routes_by_document(manifest, documents, wanted, matched)
        if summary is None:
            own = routes.pop(id(documents[index]), [])
            summary = stage_whole(manifest, documents[index], own, file, matched[index])
        documents[index] = summary.outline  # the blocks are on disk now
        plans[index] = plan = None  # and so is the text
        staged.append((file, summary))
    return staged


def _routes_by_document(
    manifest: Manifest,
    documents: list[Document],
    wanted: list[bool],
    known: list[frozenset[int]],
) -> tuple[dict[int, list[Route]], list[frozenset[int]]]:
    """Routed sections of the wanted documents, by document (id), and the patterns each document
    matches; every pattern is checked against every document."""
    by_document: dict[int, list[Route]] = {}
    routes, matched = route_some(manifest, documents, wanted, known)
    for routed in routes:
        by_document.setdefault(id(routed.document), []).append(routed)
    return by_document, matched


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

    Skipped when the package is there and nothing it depends on changed (unless `force`).
    Notes are staged on disk document by document (`stage_deck`), so memory does not grow with
    the deck; unchanged documents' staged files, and their notes' identities, are kept beside
    the package and reused.
    """
    output = output or default_output(manifest)
    inputs = [path for path in (manifest.path, *manifest.sources, manifest.lock_path) if path]
    options = {
        "output": str(output.resolve()),
        "frozen": frozen,
        "rename_matching": rename_matching,
        "strict": strict,
    }
    with contextlib.ExitStack() as cleanup:
        # Only manifest builds keep staged documents and may be skipped: their lock pins every
        # note's time, so the same inputs give the same package. A zero-config build leaves no
        # files but its own.
        if manifest.lock_path is not None:
            if not force and is_up_to_date(output, inputs, options):
                return BuildResult(manifest, output, None)
            cache = DocumentCache(output.parent / CACHE_DIR / manifest.slug)
        else:
            cache = DocumentCache(Path(cleanup.enter_context(tempfile.TemporaryDirectory())))
        with _no_cyclic_gc():
            try:
                staged = stage_deck(manifest, cache, jobs)
                files = [file for file, _ in staged]
                identified, stamps = identify(
                    files, cache.folder, manifest.lock_path, rename_matching
                )
            except (OSError, sqlite3.Error) as exc:
                raise ExportError(
                    f"cannot stage notes in {cache.folder}: {exc}; check the disk, or delete "
                    "that folder and build again",
                    output,
                ) from exc
            cleanup.callback(stamps.discard)
            report = _report(manifest, staged, identified, strict, frozen)
            blocks = cache.package_blocks() if manifest.lock_path is not None else None
            _write(manifest, staged, identified, output, report, jobs, blocks)
            stamps.keep(lock_digest(manifest.lock_path))
    if manifest.lock_path is not None:
        cache.keep(stamps.path)
        cache.prune()
        media_files = [path for _, summary in staged for path in summary.media_files]
        record_build(output, inputs, options, list(dict.fromkeys(media_files)))
    return BuildResult(manifest, output, report, report.lock_changed)


def _report(
    manifest: Manifest,
    staged: list[tuple[Path, StagedDocument]],
    identified: Identified,
    strict: bool,
    frozen: bool,
) -> BuildReport:
    """What the build tells the teacher; --strict and --frozen refuse here, before any writing."""
    warnings = [w for _, summary in staged for w in summary.empty_warnings]
    warnings += [w for _, summary in staged for w in summary.warnings]
    if not identified.notes:
        where = manifest.path or manifest.sources[0]
        if strict:
            raise SourceError("the deck has no cards (--strict); check its sections", where)
        warnings.append(f"{where}: warning: the deck has no cards")
    changes = identified.changes
    if frozen and identified.lock_lines is not None:
        raise LockError(
            f"the lock file would change ({changes.summary()}); run `deckbuilder build` "
            "without --frozen and commit the lock",
            manifest.lock_path or manifest.path,
        )
    return BuildReport(
        notes=identified.notes,
        cards=identified.cards,
        subdecks=used_subdecks(manifest, identified.decks),
        warnings=list(dict.fromkeys(warnings)),
        changes=changes,
        lock_changed=identified.lock_lines is not None,
        zip_time=identified.zip_time,
    )


def _write(
    manifest: Manifest,
    staged: list[tuple[Path, StagedDocument]],
    identified: Identified,
    output: Path,
    report: BuildReport,
    jobs: int,
    blocks: Path | None = None,
) -> None:
    """Write the package, and the lock file when it changes: the lock in a thread while SQLite
    and zlib fill the package (both let go of the interpreter lock), renamed into place only
    once the package is."""
    from concurrent.futures import ThreadPoolExecutor

    from .anki import DeckTree, write_staged_package

    tree = DeckTree(
        title=manifest.title,
        deck_id=manifest.deck_id,
        description=deck_description(manifest, [summary.outline for _, summary in staged]),
        subdecks=report.subdecks,
    )
    media = {name: data for _, summary in staged for name, data in summary.media.items()}
    files = [file for file, _ in staged]

    def package() -> None:
        write_staged_package(
            tree,
            files,
            identified.stamps,
            identified.ranges,
            output,
            media,
            report.zip_time,
            jobs,
            blocks,
        )

    lock_path = manifest.lock_path
    if lock_path is None or identified.lock_lines is None:
        package()
        return
    with ThreadPoolExecutor(1) as thread:
        written = thread.submit(write_beside, lock_path, identified.lock_lines)
        try:
            package()
        except BaseException:
            with contextlib.suppress(BaseException):
                written.result().unlink(missing_ok=True)
            raise
    try:
        temporary = written.result()
        try:
            os.replace(temporary, lock_path)
        finally:
            temporary.unlink(missing_ok=True)
    except OSError as exc:
        raise LockError(f"cannot write the lock file: {exc}", lock_path) from exc
