"""How a document's notes reach its staged file (staging.py) without the build holding them all.

A document is staged in one of two ways, with the same result:

- whole: parsed into one Document, then its routed sections are extracted, rendered and written
  one section at a time (small documents, and any the outline scan cannot vouch for);
- piece by piece: the source is cut into pieces before `#`/`##` headings (document.split_pieces)
  and each piece is parsed, extracted, rendered and written on its own, in `jobs` worker
  processes. Only one piece's tokens and sections exist at a time in each process, and nothing
  but a small report comes back from a worker.

A piece's cards depend on headings outside it (their paths, the subdecks routed to ancestors,
whether a lone `#` heading is the title), so the outline is read first with a scan of the text
(outline.py) and routed as a whole. Each worker checks that the headings it parsed are the ones
the scan found; if not, the document is staged whole instead. Abbreviations are defined once per
document, first definition first: each piece reports its own first definitions, and the first of
each across pieces is kept, which is what one pass over the whole document finds.
"""

from __future__ import annotations

import bisect
import contextlib
import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from .cache import file_digest
from .cards import Card
from .document import Document, Section, assemble, markdown_parser, split_pieces
from .document import _front_matter as front_matter
from .document import _merge as merge
from .document import _parse_piece as parse_piece
from .extract import (
    AbbreviationCandidates,
    abbreviation_candidates,
    abbreviation_subdeck,
    card_tags,
    display_path,
    first_definitions,
    rule_card_groups,
)
from .lock import key_text
from .manifest import Manifest, Subdeck, stable_id
from .media import embed_images
from .parallel import worker_pool
from .render import removed_markup, to_html
from .routing import Route
from .staging import NoteRow, StageWriter

if TYPE_CHECKING:  # outline.py is imported only for sources large enough to cut in pieces
    from .outline import Heading


class StagedDocument(NamedTuple):
    """What a build keeps of a document besides its staged notes: enough to check the manifest's
    patterns, describe the deck and repeat its warnings, without its text."""

    outline: Document
    """The document with its sections' blocks left out."""
    empty_warnings: list[str]
    warnings: list[str]
    media: dict[str, bytes]
    media_files: dict[str, str]
    patterns: frozenset[int] = frozenset()
    """The manifest's section patterns (by index) that match the document's sections."""


class Renderer:
    """Renders cards' fields to HTML, collecting warnings and embedded images on the way."""

    def __init__(self, manifest: Manifest, document: Document):
        self.folder = document.path.parent
        self.source_path = display_path(manifest, document)
        self.media: dict[str, bytes] = {}
        self.used: list[str] = []
        self.warnings: list[str] = []

    def fields(self, card: Card) -> list[str]:
        if "<" in card.front or "<" in card.back:  # raw HTML (rare): say what sanitising drops
            for part in (card.front, card.back):
                for removed in removed_markup(part):
                    self.warnings.append(
                        f"{card.source.path}:{card.source.line}: warning: removed {removed} "
                        "(not allowed on cards)"
                    )
        front, back, context, source = card_fields(card)
        # Only the Markdown fields can show an image: the other two are escaped text.
        line = card.source.line
        return [
            embed_images(front, self.folder, self.source_path, line, self.media, self.used),
            embed_images(back, self.folder, self.source_path, line, self.media, self.used),
            context,
            source,
        ]

    def media_files(self) -> dict[str, str]:
        """Image path -> content digest, so a changed image invalidates a staged document."""
        return {path: file_digest(Path(path)) for path in dict.fromkeys(self.used)}


def card_fields(card: Card) -> list[str]:
    """A card's four fields as HTML (Front/Text, Back/Extra, Context, Source)."""
    source = card.source
    return [
        to_html(card.front),
        to_html(card.back),
        _escaped(card.context),
        _source_field(source.document, source.section),
    ]


@lru_cache(maxsize=256)
def _escaped(text: str) -> str:
    """Text as HTML. Cached: the cards of a section share their context line."""
    import html

    return html.escape(text)


@lru_cache(maxsize=256)
def _source_field(document: str, section: tuple[str, ...]) -> str:
    """The Source field: the document's title and the section's path. Cached as `_escaped`."""
    return _escaped(f"{document} — {' › '.join(section)}")


def deck_id(manifest: Manifest, deck: str) -> int:
    """A subdeck's id: from the deck id and its full name, so renaming a subdeck makes a new one."""
    return stable_id(str(manifest.deck_id), deck)


def note_rows(
    manifest: Manifest,
    renderer: Renderer,
    cards: Iterable[Card],
    subdeck: str,
    subdeck_tags: tuple[str, ...],
) -> Iterator[tuple[NoteRow, int]]:
    """Staged rows of rendered cards placed in `subdeck`, each with the subdeck's id."""
    from .anki import guid_for, note_row

    deck = f"{manifest.title}::{subdeck}"
    subdeck_id = deck_id(manifest, deck)
    for card in cards:
        key = key_text(card.key)
        row = note_row(
            card.note_type,
            renderer.fields(card),
            card_tags(manifest.tags, subdeck_tags, card.rule, card.note_type),
            deck,
            key,
            guid_for(manifest.deck_id, key),
            card.rule,
            card.source.path,
            card.source.line,
        )
        yield row, subdeck_id


def _stage_sections(
    manifest: Manifest, routes: list[Route], renderer: Renderer, writer: StageWriter
) -> None:
    """Extract, render and write the routed sections' notes, one section at a time."""
    for subdeck, cards in rule_card_groups(manifest, routes):
        writer.add(note_rows(manifest, renderer, cards, subdeck.name, subdeck.tags))


def _finish(
    manifest: Manifest,
    document: Document,
    writer: StageWriter,
    renderers: list[Renderer],
    candidates: AbbreviationCandidates,
    empty_warnings: list[str],
    patterns: frozenset[int],
) -> StagedDocument:
    """Write the document's abbreviations and its summary; close the staged file."""
    last = Renderer(manifest, document)
    cards = first_definitions(candidates)
    writer.add(note_rows(manifest, last, cards, *abbreviation_subdeck(manifest)))
    renderers = [*renderers, last]
    summary = StagedDocument(
        outline=outline_of(document),
        empty_warnings=empty_warnings,
        warnings=[warning for renderer in renderers for warning in renderer.warnings],
        media={name: data for renderer in renderers for name, data in renderer.media.items()},
        media_files={p: d for renderer in renderers for p, d in renderer.media_files().items()},
        patterns=patterns,
    )
    writer.finish(summary)
    return summary


def stage_whole(
    manifest: Manifest,
    document: Document,
    routes: list[Route],
    file: Path,
    patterns: frozenset[int] = frozenset(),
) -> StagedDocument:
    """Stage a parsed document's notes into `file`, one routed section at a time. `patterns`:
    the manifest's patterns that match the document, kept in its summary (routing.route_some)."""
    writer = StageWriter(file)
    try:
        renderer = Renderer(manifest, document)
        _stage_sections(manifest, routes, renderer, writer)
        return _finish(
            manifest,
            document,
            writer,
            [renderer],
            abbreviation_candidates(manifest, document, routes),
            empty_section_warnings(manifest, document, lambda section: bool(section.blocks)),
            patterns,
        )
    except BaseException:
        writer.abort()
        raise


def empty_section_warnings(
    manifest: Manifest, document: Document, has_blocks: Callable[[Section], bool]
) -> list[str]:
    """Headings with nothing under them: usually a paste that lost its content."""
    return [
        f"{display_path(manifest, document)}:{section.line}: warning: heading "
        f"{section.title!r} has no content"
        for section in document.walk()
        if not has_blocks(section) and not section.children
    ]


def outline_of(document: Document) -> Document:
    """The document without its blocks."""

    def strip(section: Section) -> Section:
        children = tuple(strip(child) for child in section.children)
        return Section(
            section.title, section.level, section.path, section.line, (), children, section.pin
        )

    return Document(
        document.path, document.title, document.meta, tuple(strip(s) for s in document.sections)
    )


# -- piece by piece -----------------------------------------------------------------------------


class PiecePlan(NamedTuple):
    """A large source cut into pieces, with the outline its pieces are checked against."""

    document: Document
    """The outline: title, front matter and sections without blocks."""
    pieces: list[tuple[int, str]]
    """(lines before the piece, its text)."""
    headings: list[list[Heading]]
    """The headings the scan found in each piece."""


def plan_pieces(path: Path, text: str) -> PiecePlan | None:
    """How to stage a source piece by piece, or None to stage it whole (a small source, or one
    whose outline the scan cannot read)."""
    pieces = split_pieces(text)
    if len(pieces) < 2:
        return None
    from .outline import scan_headings

    meta, skip = _front_matter(path, text, pieces[0][1])
    headings = scan_headings(text, skip)
    if headings is None:
        return None
    document = assemble(path, meta, (), _nest(headings))
    starts = [offset for offset, _ in pieces]
    by_piece: list[list[Heading]] = [[] for _ in pieces]
    for heading in headings:
        by_piece[bisect.bisect_right(starts, heading.line - 1) - 1].append(heading)
    return PiecePlan(document, pieces, by_piece)


_CLOSER = re.compile(r"^(?:-{3,}|\.\.\.)[ \t]*\r?$", re.MULTILINE)


def _front_matter(path: Path, text: str, first_piece: str) -> tuple[dict[str, Any], int]:
    """The front matter and how many lines it takes, parsed from the fewest lines that hold it
    (the first piece when its end is not where it first seems)."""
    if not text.startswith("---"):
        return {}, 0
    closer = _CLOSER.search(text, text.find("\n") + 1 or len(text))
    if closer is not None:
        prefix = text[: text.find("\n", closer.end()) + 1 or len(text)]
        lines = prefix.count("\n") + (not prefix.endswith("\n"))
        tokens = markdown_parser().parse(prefix)
        if tokens and tokens[0].type == "front_matter" and tokens[0].map[1] == lines:
            return front_matter(tokens[0].content, path), lines
    tokens = markdown_parser().parse(first_piece)
    if tokens and tokens[0].type == "front_matter":
        return front_matter(tokens[0].content, path), tokens[0].map[1]
    return {}, 0


def _nest(headings: list[Heading]) -> tuple[Section, ...]:
    """Sections (without blocks or paths) nested by heading level, as the document model nests
    them: the headings joined like the sections of pieces."""
    flat = tuple(Section(h.title, h.level, (), h.line, (), (), h.pin) for h in headings)
    return merge([((), flat)], rooted=False)[1]


class _PieceReport(NamedTuple):
    matches: bool
    """False: the piece's headings are not the scan's; nothing was staged."""
    file: Path | None = None
    renderer: Renderer | None = None
    candidates: AbbreviationCandidates = ()
    filled: tuple[int, ...] = ()
    """Lines of the piece's sections that have blocks of their own."""


class _PieceWork(NamedTuple):
    manifest: Manifest
    plan: PiecePlan
    routes: dict[int, tuple[Subdeck, bool]]
    """Section line -> (subdeck, in FAQ) for every routed section."""
    paths: dict[int, tuple[str, ...]]
    """Section line -> heading path, for every section of the outline."""
    folder: Path
    stem: str


_WORK: _PieceWork | None = None
"""What forked workers read instead of receiving it pickled."""


def stage_pieces(
    manifest: Manifest,
    plan: PiecePlan,
    routes: list[Route],
    file: Path,
    jobs: int,
    patterns: frozenset[int] = frozenset(),
) -> StagedDocument | None:
    """Stage a source piece by piece (in `jobs` processes) into `file`; None when it has to be
    staged whole (a piece's headings differ from the outline's, or an FAQ spans pieces)."""
    document = plan.document
    starts = [offset for offset, _ in plan.pieces]

    def piece_of(line: int) -> int:
        return bisect.bisect_right(starts, line - 1) - 1

    for routed in routes:
        if routed.in_faq and any(
            piece_of(s.line) != piece_of(routed.section.line) for s in routed.section.walk()
        ):
            return None  # the faq rule reads the whole FAQ section at once
    global _WORK
    _WORK = _PieceWork(
        manifest,
        plan,
        {routed.section.line: (routed.subdeck, routed.in_faq) for routed in routes},
        {section.line: section.path for section in document.walk()},
        file.parent,
        f"{file.name}.{os.getpid()}",  # two builds of one deck at once keep apart
    )
    try:
        with contextlib.ExitStack() as workers:
            pool = worker_pool(jobs, len(plan.pieces))  # forks before files open
            if pool is None:
                joined = _stage_here(file, len(plan.pieces))
            else:
                reports = workers.enter_context(pool).imap(_stage_piece, range(len(plan.pieces)))
                joined = _join_pieces(file, reports)
        if joined is None:
            return None
        writer, staged = joined
        filled = {line for report in staged for line in report.filled}
        try:
            return _finish(
                manifest,
                document,
                writer,
                [report.renderer for report in staged if report.renderer is not None],
                tuple(itertools.chain.from_iterable(report.candidates for report in staged)),
                empty_section_warnings(manifest, document, lambda s: s.line in filled),
                patterns,
            )
        except BaseException:
            writer.abort()
            raise
    finally:
        _WORK = None
        for index in range(len(plan.pieces)):
            _piece_file(file.parent, f"{file.name}.{os.getpid()}", index).unlink(missing_ok=True)


def _stage_here(file: Path, count: int) -> tuple[StageWriter, list[_PieceReport]] | None:
    """Stage every piece in this process straight into the document's staged file: one piece's
    tokens at a time, as with workers, without piece files to join. None as in _join_pieces."""
    writer = StageWriter(file)
    joined = []
    try:
        for index in range(count):
            report = _stage_piece(index, writer)
            if not report.matches:
                writer.abort()
                return None
            joined.append(report)
    except BaseException:
        writer.abort()
        raise
    return writer, joined


def _join_pieces(
    file: Path, reports: Iterator[_PieceReport]
) -> tuple[StageWriter, list[_PieceReport]] | None:
    """Append each piece's notes to the document's staged file while later pieces are still
    being staged; None at the first piece that does not match its outline (nothing is left
    behind then)."""
    writer: StageWriter | None = None
    joined = []
    try:
        for report in reports:
            if not report.matches or report.file is None:
                if writer is not None:
                    writer.abort()
                return None
            writer = writer or StageWriter(file)
            writer.append_file(report.file)
            report.file.unlink()
            joined.append(report)
    except BaseException:
        if writer is not None:
            writer.abort()
        raise
    return writer or StageWriter(file), joined


def _piece_file(folder: Path, stem: str, index: int) -> Path:
    return folder / f".{stem}.piece{index}"


def _stage_piece(index: int, into: StageWriter | None = None) -> _PieceReport:
    """Parse one piece, check its headings, and stage its routed sections' notes: into a piece
    file of its own (a worker's), or `into` the document's staged file (in this process)."""
    work = _WORK
    assert work is not None
    document = work.plan.document
    offset, text = work.plan.pieces[index]
    _, _, sections = parse_piece(document.path, offset, text)
    from .outline import Heading

    found = [
        Heading(section.line, section.level, section.title, section.pin)
        for root in sections
        for section in root.walk()
    ]
    if found != work.plan.headings[index]:
        return _PieceReport(False)
    sections = tuple(_with_paths(section, work.paths) for section in sections)
    routes = [
        Route(document, section, *work.routes[section.line])
        for root in sections
        for section in root.walk()
        if section.line in work.routes
    ]
    file: Path | None = None
    writer = into
    if writer is None:
        file = _piece_file(work.folder, work.stem, index)
        writer = StageWriter(file)
    try:
        renderer = Renderer(work.manifest, document)
        _stage_sections(work.manifest, routes, renderer, writer)
        if into is None:
            writer.finish(None)
    except BaseException:
        if into is None:
            writer.abort()
        raise
    return _PieceReport(
        True,
        file,
        renderer,
        abbreviation_candidates(work.manifest, document, routes),
        tuple(s.line for root in sections for s in root.walk() if s.blocks),
    )


def _with_paths(section: Section, paths: dict[int, tuple[str, ...]]) -> Section:
    """The section with the heading paths the whole document gives it."""
    children = tuple(_with_paths(child, paths) for child in section.children)
    path = paths.get(section.line, (section.title,))
    return Section(
        section.title, section.level, path, section.line, section.blocks, children, section.pin
    )
