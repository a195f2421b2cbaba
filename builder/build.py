"""The build, top to bottom: documents -> routes -> notes -> fields -> identities -> package.

Every command runs this one pipeline. `read_deck` reads a deck's documents one by one (in `--jobs`
processes, one document each): each is parsed, routed to its subdecks, run through the rules and
rendered, and its notes go into the package's collection (anki.Collection) as soon as it is
done, so a course's memory is bounded by its largest document. The deck is then checked as a
whole (patterns that match nothing, one key made twice), and `identify` gives every note its
GUID, id and time from the lock. `plan_deck` also keeps the notes in memory, for `cards`,
`check`, `preview` and `diff`; `build_deck` writes the package and the lock.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path
from typing import Any, Literal

from .anki import Collection, DeckTree, PackagedNote, RenderedNote, Repeat, guid_for
from .cache import is_up_to_date, record_build
from .document import Document, parse_document
from .errors import LockError, SourceError
from .extract import clash_advice, display_path, distinct_keys, document_notes
from .lint import Problem, build_warning, check_notes, unasked_blocks
from .lock import Identities, LockChanges, identify
from .manifest import Manifest, stable_id
from .memory import no_cyclic_gc
from .notes import Note
from .outputs import check_output, one_build, put_in_place
from .parallel import ordered_map
from .render import Renderer
from .routing import Routed, check_routes, route, why_no_cards
from .rules import FIRST_WINS


@dataclass(frozen=True, slots=True)
class DocumentNotes:
    """One document's part of a deck, as `read_document` makes it (in a worker process)."""

    path: Path
    title: str
    meta: dict[str, Any]
    """The document's front matter (it credits the source in the deck's description)."""
    routed: Routed
    """What routing found (its routes left out: they hold the document's sections)."""
    notes: list[RenderedNote]
    warnings: list[str]
    media: dict[str, bytes]
    images: list[str]
    notices: list[str] = field(default_factory=list)
    """`path:line: note: ...` lines: what was left out as non-content (shown by `build -v`)."""
    unasked: list[tuple[str, int, str]] = field(default_factory=list)
    """(path, line, kind) of the content lists and label paragraphs no note came from, and of the
    lists of study topics left out (`check`'s NO-NOTE)."""


def read_document(manifest: Manifest, path: Path) -> DocumentNotes:
    """Parse one source, route its sections, run the rules and render the notes' fields."""
    document = parse_document(path)
    routed = route(manifest, document)
    notes = document_notes(manifest, document, routed.routes)
    shown = display_path(manifest, document)
    settled: list[str] = [f"{shown}:{line}: {message}" for line, message in routed.warnings]
    if manifest.path is None:  # zero-config: no manifest to fix a clash in, so none fails
        notes, clashes = distinct_keys(notes)
        settled += clashes
    renderer = Renderer(document.path.parent, shown, manifest.remote_images, manifest.path is None)
    rendered = rendered_notes(renderer, notes)
    warnings = [*empty_section_warnings(manifest, document), *settled, *renderer.warnings]
    warnings += document_warnings(manifest, document)
    return DocumentNotes(
        document.path,
        document.title,
        document.meta,
        replace(routed, routes=()),
        rendered,
        warnings,
        renderer.media,
        renderer.images,
        [f"{shown}:{skipped.line}: {skipped.message()}" for skipped in routed.skipped],
        [
            *unasked_blocks(shown, routed.routes, notes),
            *(
                (shown, skipped.line, "topics")
                for skipped in routed.skipped
                if skipped.kind == "topics"
            ),
        ],
    )


def rendered_notes(renderer: Renderer, notes: list[Note]) -> list[RenderedNote]:
    """Each note with its fields rendered. Zero-config (`renderer.settle`), a note Anki could not
    show (a side over the size limit, a cloze Anki would break) is left out with a warning, as a
    clash is: a document someone else wrote builds, and there is no manifest to fix it in."""
    rendered = []
    for note in notes:
        try:
            rendered.append(RenderedNote.of(note, renderer.fields(note)))
        except SourceError as error:
            if not renderer.settle:
                raise
            renderer.warnings.append(
                f"{error.path}:{error.line}: warning: {error.message} (left out)"
            )
    return rendered


def document_warnings(manifest: Manifest, document: Document) -> list[str]:
    """What the document model kept but could not place as written (an unclosed directive)."""
    where = display_path(manifest, document)
    return [f"{where}:{line}: warning: {message}" for line, message in document.warnings]


def empty_section_warnings(manifest: Manifest, document: Document) -> list[str]:
    """Headings with nothing under them: usually a paste that lost its content."""
    return [
        f"{display_path(manifest, document)}:{section.line}: warning: heading "
        f"{section.title!r} has no content"
        for section in document.walk()
        if not section.blocks and not section.children
    ]


@dataclass(frozen=True, slots=True)
class DeckContents:
    """What reading a deck found; its notes wait in the collection."""

    documents: list[DocumentNotes]
    """Each document, its notes left out (they went to the collection)."""
    kept: list[int]
    """The place in the deck (1 for the first note read) of each note kept, in order."""
    identities: list[tuple[str, str]]
    """(key, content digest) of each note kept, in deck order."""
    subdecks: dict[str, int]
    """Full name -> id of every subdeck that holds notes, in manifest order."""
    cards: int
    """Anki cards (a cloze note makes one per deletion)."""
    warnings: list[str]
    media: dict[str, bytes]
    images: list[str]
    notices: list[str] = field(default_factory=list)
    """What was left out as non-content, once each (`build -v` shows them)."""


@dataclass(frozen=True, slots=True)
class Progress:
    """How far the pipeline is, for a caller to show (the library reports, the CLI renders).

    Stages, in order: `reading` (once with `documents` 0, then after each document), `read`
    (every document read: the deck's notes and cards), `writing` (build_deck: the package)."""

    stage: Literal["reading", "read", "writing"]
    documents: int
    """Documents read so far, of `total`."""
    total: int
    notes: int
    cards: int


Report = Callable[[Progress], None]
"""Where the pipeline reports its progress; it must not raise."""


def _ignore(event: Progress) -> None:
    """No one is listening."""


def read_deck(
    manifest: Manifest,
    jobs: int,
    collection: Collection,
    keep: Callable[[list[RenderedNote]], object] | None = None,
    progress: Report = _ignore,
) -> DeckContents:
    """Read every document of the deck, in manifest order, into `collection` (and `keep`, when
    given, as each is done). Raises, after reading them all, every problem of the deck as a
    whole at once."""
    ids = subdeck_ids(manifest)
    documents: list[DocumentNotes] = []
    total = len(manifest.sources)
    progress(Progress("reading", 0, total, 0, 0))
    for part in ordered_map(partial(read_document, manifest), manifest.sources, jobs):
        notes = part.notes
        documents.append(replace(part, notes=[]))
        del part  # before the next document arrives: one document's notes at a time
        if keep is not None:
            keep(notes)
        collection.add(_let_go(notes), ids)
        progress(Progress("reading", len(documents), total, collection.count, collection.cards))
    check_routes(manifest, [part.routed for part in documents])
    _leave_out_repeats(collection)
    kept, identities, used = collection.identities()
    cards = collection.kept_cards()
    progress(Progress("read", total, total, len(identities), cards))
    return DeckContents(
        documents=documents,
        kept=kept,
        identities=identities,
        subdecks={f"{manifest.title}::{name}": deck for name, deck in ids.items() if deck in used},
        cards=cards,
        warnings=list(dict.fromkeys(w for part in documents for w in part.warnings)),
        media={name: data for part in documents for name, data in part.media.items()},
        images=list(dict.fromkeys(image for part in documents for image in part.images)),
        notices=list(dict.fromkeys(n for part in documents for n in part.notices)),
    )


def _let_go(notes: list[RenderedNote]) -> Iterator[RenderedNote]:
    """The notes in order, each let go of once given: a document's notes leave memory as they
    go into the collection, while the next document's arrive from a worker."""
    notes.reverse()
    while notes:
        yield notes.pop()


def _leave_out_repeats(collection: Collection) -> None:
    """A key made twice would give two notes one GUID. A note of a first-wins rule made again
    (the same abbreviation defined twice, in one document or in several) is left out; any other
    repeat is an error, all of them reported at once, each naming the first place."""
    repeats = collection.repeats()
    clashes = [repeat for repeat in repeats if repeat.rule not in FIRST_WINS]
    if clashes:
        raise _all_at_once([_clash(repeat) for repeat in clashes])
    collection.leave_out([repeat.number for repeat in repeats])


def _clash(repeat: Repeat) -> SourceError:
    path, line = repeat.first_place
    return SourceError(
        f"two notes have the same identity ({repeat.key}), the other at {path}:{line}; "
        + clash_advice(repeat.rule),
        *repeat.place,
    )


def _all_at_once(errors: list[SourceError]) -> SourceError:
    """One error reporting several: the first's message, then every other as `path:line: ...`."""
    first, *rest = errors
    return SourceError("\n".join([first.message, *map(str, rest)]), first.path, first.line)


def subdeck_ids(manifest: Manifest) -> dict[str, int]:
    """Subdeck name -> deck id for every subdeck a note may go to, in manifest order. An id
    comes from the deck id and the full name: renaming a subdeck makes a new one."""
    names = [subdeck.name for subdeck in manifest.subdecks]
    if manifest.abbreviations:
        names.append(manifest.abbreviations)
    return {
        name: stable_id(str(manifest.deck_id), f"{manifest.title}::{name}")
        for name in dict.fromkeys(names)
    }


def _identify(manifest: Manifest, contents: DeckContents, rename_matching: bool) -> Identities:
    """Each note's GUID, id and time from the lock (a new note's GUID from the deck id and its
    key: `anki.guid_for`)."""
    new_guid = partial(guid_for, manifest.deck_id)
    return identify(
        contents.identities, manifest.lock_path, new_guid, rename_matching, manifest.deck_id
    )


@dataclass(frozen=True, slots=True)
class DeckPlan:
    """A deck's notes as the package would hold them, in memory; nothing written."""

    manifest: Manifest
    contents: DeckContents
    notes: list[PackagedNote]
    identities: Identities

    @property
    def documents(self) -> list[DocumentNotes]:
        return self.contents.documents

    @property
    def subdecks(self) -> dict[str, int]:
        """Full name -> id of every subdeck that holds notes, in manifest order."""
        return self.contents.subdecks

    @property
    def cards(self) -> int:
        """How many cards Anki makes from the notes."""
        return self.contents.cards

    @property
    def media(self) -> dict[str, bytes]:
        """Embedded images: package file name -> bytes."""
        return self.contents.media

    @property
    def warnings(self) -> list[str]:
        """`path:line: message` lines worth a teacher's look; they do not stop the build (and,
        as `build` says, that the deck has no cards and why: `check` says it too)."""
        why = _no_cards(self.contents)
        where = self.manifest.path or self.manifest.sources[0]
        empty = [f"{where}: warning: the deck has no cards: {why}"] if why else []
        return [*self.contents.warnings, *empty]


def plan_deck(
    manifest: Manifest, rename_matching: bool = True, jobs: int = 1, progress: Report = _ignore
) -> DeckPlan:
    """Every note of the deck with its fields and identity, in memory; writes nothing (the
    collection is a temporary file, removed at once)."""
    read: list[RenderedNote] = []
    with no_cyclic_gc(), Collection() as collection:
        contents = read_deck(manifest, jobs, collection, read.extend, progress)
        identities = _identify(manifest, contents, rename_matching)
        kept = [read[number - 1] for number in contents.kept]
        notes = [
            PackagedNote(r.note, r.fields, f"{manifest.title}::{r.note.subdeck}", stamp)
            for r, stamp in zip(kept, identities.stamps, strict=True)
        ]
    return DeckPlan(manifest, contents, notes, identities)


@dataclass(frozen=True, slots=True)
class BuildReport:
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
    notices: list[str] = field(default_factory=list)
    """`path:line: note: ...`: what was left out as non-content (`build -v` prints them)."""


@dataclass(frozen=True, slots=True)
class BuildResult:
    manifest: Manifest
    output: Path
    report: BuildReport | None
    """None when the build was skipped: nothing it depends on changed since the last one."""

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
    progress: Report = _ignore,
) -> BuildResult:
    """Build one deck into `output` (default dist/<slug>.apkg) and bring its lock up to date.

    A manifest build is skipped when the package is there and nothing it depends on changed
    (unless `force`): its lock pins every note's time, so the same inputs give the same package.
    `progress` hears of each document read and of the package being written.
    """
    output = output or default_output(manifest)
    inputs = deck_inputs(manifest)
    check_output(output, inputs, ".apkg")
    options = {"output": str(output.resolve()), "frozen": frozen, "strict": strict}
    options["rename_matching"] = rename_matching
    with one_build(output, manifest.lock_path):
        if manifest.lock_path is not None and not force and is_up_to_date(output, inputs, options):
            return BuildResult(manifest, output, None)
        with no_cyclic_gc(), Collection(output) as collection:
            # --strict lints the notes as `check` does, so it keeps them (their Markdown, not
            # their fields): the repeats left out and the duplicate fronts are known at the end.
            linted: list[Note] = []
            keep = (lambda part: linted.extend(r.note for r in part)) if strict else None
            contents = read_deck(manifest, jobs, collection, keep, progress)
            check_output(output, [Path(image) for image in contents.images], ".apkg")
            identities = _identify(manifest, contents, rename_matching)
            report = _report(manifest, contents, identities, strict, frozen)
            if strict:
                _refuse_lint_errors(manifest, [linted[number - 1] for number in contents.kept])
            read = len(contents.documents)
            progress(Progress("writing", read, read, report.notes, report.cards))
            tree = DeckTree(
                title=manifest.title,
                deck_id=manifest.deck_id,
                description=deck_description(manifest, contents.documents),
                subdecks=contents.subdecks,
            )
            newest = max((stamp.mtime for stamp in identities.stamps), default=0)
            stamps = identities.stamps
            package = collection.write(tree, contents.kept, stamps, contents.media, newest, jobs)
            lock = identities.lock.lines() if report.lock_changed else None
            put_in_place(package, output, manifest.lock_path, lock)
        if manifest.lock_path is not None:
            record_build(output, inputs, options, contents.images)
    return BuildResult(manifest, output, report)


def _no_cards(contents: DeckContents) -> str:
    """Why the deck has no cards ("" when it has some)."""
    if contents.identities:
        return ""
    return why_no_cards([document.routed for document in contents.documents])


def _report(
    manifest: Manifest, contents: DeckContents, identities: Identities, strict: bool, frozen: bool
) -> BuildReport:
    """What the build tells the teacher; --strict and --frozen refuse here, before any writing."""
    warnings = list(contents.warnings)
    if strict:
        problems = [build_warning(warning, manifest) for warning in warnings]
        refused = [problem for problem in problems if problem.severity == "error"]
        if refused:
            raise SourceError(
                "\n".join(
                    [
                        "a source holds an unresolved merge conflict (--strict); resolve it",
                        *map(_problem_line, refused),
                    ]
                ),
                manifest.path or manifest.sources[0],
            )
    why = _no_cards(contents)
    if why:
        where = manifest.path or manifest.sources[0]
        if strict:
            raise SourceError(f"the deck has no cards (--strict): {why}", where)
        warnings.append(f"{where}: warning: the deck has no cards: {why}")
    lock_changed = identities.changed and manifest.lock_path is not None
    if frozen and lock_changed:
        raise LockError(
            f"the lock file would change ({identities.changes.summary()}); run "
            "`deckbuilder build` without --frozen and commit the lock",
            manifest.lock_path or manifest.path,
        )
    return BuildReport(
        notes=len(contents.identities),
        cards=contents.cards,
        subdecks=contents.subdecks,
        warnings=warnings,
        changes=identities.changes,
        lock_changed=lock_changed,
        notices=contents.notices,
    )


def deck_inputs(manifest: Manifest) -> list[Path]:
    """The files a deck is read from: its manifest, sources and lock (images come later)."""
    return [path for path in (manifest.path, *manifest.sources, manifest.lock_path) if path]


def _refuse_lint_errors(manifest: Manifest, notes: list[Note]) -> None:
    """--strict: the deck's notes through `deckbuilder check`'s rules; every error at once."""
    errors = [p for p in check_notes(notes, manifest) if p.severity == "error"]
    if errors:
        where = manifest.path or manifest.sources[0]
        count = f"{len(errors)} lint error{'s' if len(errors) != 1 else ''}"
        raise SourceError(
            "\n".join(
                [
                    f"the deck has {count} (--strict); fix them (docs/lint-rules.md), or "
                    "build without --strict; `deckbuilder check` lists them with the warnings",
                    *map(_problem_line, errors),
                ]
            ),
            where,
        )


def _problem_line(problem: Problem) -> str:
    return f"{problem.path}:{problem.line}: {problem.code} {problem.message}"


def deck_description(manifest: Manifest, documents: list[DocumentNotes]) -> str:
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
