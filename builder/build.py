"""The build, top to bottom: documents -> routes -> notes -> fields -> identities -> package.

Every command runs this one pipeline. `read_deck` reads a deck's documents one by one (in `--jobs`
processes): each is parsed, routed to its subdecks, run through the rules and rendered; each
document's notes are handed on as soon as it is done, and the deck is checked as a whole
(patterns that match nothing, one identity made twice). Then `identify` gives every note its
GUID, id and time from the lock. `plan_deck` keeps the notes in memory, for `cards`, `check`,
`preview` and `diff`; `build_deck` writes them into the package's collection as they come, so a
course's memory is bounded by its largest document, then writes the package and the lock.
"""

from __future__ import annotations

import contextlib
import gc
import html
import os
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from .anki import Collection, DeckTree, PackagedNote, identity
from .cache import is_up_to_date, record_build
from .document import MAX_NESTING, Document, parse_document
from .errors import ExportError, InputError, LockError, SourceError
from .extract import display_path, document_notes, first_notes
from .files import write_beside
from .lock import Identities, LockChanges, identify
from .manifest import Manifest, stable_id
from .notes import Note
from .parallel import ordered_map
from .render import Renderer
from .routing import Routed, check_routes, route

Rendered = list[tuple[Note, dict[str, str]]]
"""Notes with their fields rendered to HTML, by field name."""


@dataclass(frozen=True, slots=True)
class DocumentNotes:
    """One document's part of a deck, as `read_document` makes it (in a worker process)."""

    path: Path
    title: str
    meta: dict[str, Any]
    """The document's front matter (it credits the source in the deck's description)."""
    routed: Routed
    notes: Rendered
    warnings: list[str]
    media: dict[str, bytes]
    images: list[str]


def read_document(manifest: Manifest, path: Path) -> DocumentNotes:
    """Parse one source, route its sections, run the rules and render the notes' fields."""
    document = parse_document(path)
    routed = route(manifest, document)
    notes = document_notes(manifest, document, routed.routes)
    shown = display_path(manifest, document)
    renderer = Renderer(document.path.parent, shown, manifest.remote_images)
    rendered = [(note, renderer.fields(note)) for note in notes]
    warnings = [*empty_section_warnings(manifest, document), *renderer.warnings]
    if document.too_deep:
        warnings.append(
            f"{shown}:{document.too_deep}: warning: blocks nested more than "
            f"{MAX_NESTING} deep (lists in lists, quotes in quotes) are left out, with the "
            "rest of the block they are in; flatten them"
        )
    return DocumentNotes(
        document.path,
        document.title,
        document.meta,
        routed,
        rendered,
        warnings,
        renderer.media,
        renderer.images,
    )


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
    """What reading a deck found, besides the notes it handed on."""

    documents: list[DocumentNotes]
    """Each document, its notes left out (they went to `keep`)."""
    identities: list[tuple[str, str, str]]
    """(key, content digest, GUID for a new note) of each note, in deck order."""
    subdecks: dict[str, int]
    """Full name -> id of every subdeck that holds notes, in manifest order."""
    cards: int
    """Anki cards (a cloze note makes one per deletion)."""
    warnings: list[str]
    media: dict[str, bytes] = field(default_factory=dict)
    images: list[str] = field(default_factory=list)


def read_deck(manifest: Manifest, jobs: int, keep: Callable[[Rendered], None]) -> DeckContents:
    """Read every document of the deck, in manifest order, handing each one's notes to `keep` as
    it is done. Raises, after reading them all, every problem of the deck as a whole at once."""
    documents: list[DocumentNotes] = []
    identities: list[tuple[str, str, str]] = []
    seen: dict[tuple[str, ...], Note] = {}
    clashes: list[SourceError] = []
    used: set[str] = set()
    cards = 0
    for part in ordered_map(partial(read_document, manifest), manifest.sources, jobs):
        kept, clashed = first_notes([note for note, _ in part.notes], seen)
        notes = [part.notes[index] for index in kept]
        clashes += clashed
        keep(notes)
        identities += [identity(manifest.deck_id, note, fields) for note, fields in notes]
        used.update(note.subdeck for note, _ in notes)
        cards += sum(note.cards for note, _ in notes)
        documents.append(_without_notes(part))
    check_routes(manifest, [part.routed for part in documents])
    if clashes:
        raise _all_at_once(clashes)
    return DeckContents(
        documents=documents,
        identities=identities,
        subdecks={
            f"{manifest.title}::{name}": deck
            for name, deck in subdeck_ids(manifest).items()
            if name in used
        },
        cards=cards,
        warnings=list(dict.fromkeys(w for part in documents for w in part.warnings)),
        media={name: data for part in documents for name, data in part.media.items()},
        images=list(dict.fromkeys(image for part in documents for image in part.images)),
    )


def _without_notes(part: DocumentNotes) -> DocumentNotes:
    return DocumentNotes(
        part.path, part.title, part.meta, part.routed, [], part.warnings, part.media, part.images
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


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic collector: a build makes millions of short-lived acyclic objects (tokens,
    notes), and its scans cost about a quarter of the time (docs/performance.md)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


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
        """`path:line: message` lines worth a teacher's look; they do not stop the build."""
        return self.contents.warnings


def plan_deck(manifest: Manifest, rename_matching: bool = True, jobs: int = 1) -> DeckPlan:
    """Every note of the deck with its fields and identity, in memory; writes nothing."""
    rendered: Rendered = []
    with _no_cyclic_gc():
        contents = read_deck(manifest, jobs, rendered.extend)
        identities = identify(
            contents.identities, manifest.lock_path, rename_matching, manifest.deck_id
        )
        notes = [
            PackagedNote(note, fields, f"{manifest.title}::{note.subdeck}", stamp)
            for (note, fields), stamp in zip(rendered, identities.stamps, strict=True)
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
) -> BuildResult:
    """Build one deck into `output` (default dist/<slug>.apkg) and bring its lock up to date.

    A manifest build is skipped when the package is there and nothing it depends on changed
    (unless `force`): its lock pins every note's time, so the same inputs give the same package.
    """
    output = output or default_output(manifest)
    inputs = deck_inputs(manifest)
    check_output(output, inputs, ".apkg")
    options = {"output": str(output.resolve()), "frozen": frozen, "strict": strict}
    options["rename_matching"] = rename_matching
    with one_build(output, manifest.lock_path):
        if manifest.lock_path is not None and not force and is_up_to_date(output, inputs, options):
            return BuildResult(manifest, output, None)
        with _no_cyclic_gc(), Collection(output) as collection:
            ids = subdeck_ids(manifest)
            contents = read_deck(manifest, jobs, lambda notes: collection.add(notes, ids))
            check_output(output, [Path(image) for image in contents.images], ".apkg")
            identities = identify(
                contents.identities, manifest.lock_path, rename_matching, manifest.deck_id
            )
            report = _report(manifest, contents, identities, strict, frozen)
            tree = DeckTree(
                title=manifest.title,
                deck_id=manifest.deck_id,
                description=deck_description(manifest, contents.documents),
                subdecks=contents.subdecks,
            )
            newest = max((stamp.mtime for stamp in identities.stamps), default=0)
            package = collection.write(tree, identities.stamps, contents.media, newest, jobs)
            lock = identities.lock.lines() if report.lock_changed else None
            _put_in_place(package, output, manifest.lock_path, lock)
        if manifest.lock_path is not None:
            record_build(output, inputs, options, contents.images)
    return BuildResult(manifest, output, report)


def _report(
    manifest: Manifest, contents: DeckContents, identities: Identities, strict: bool, frozen: bool
) -> BuildReport:
    """What the build tells the teacher; --strict and --frozen refuse here, before any writing."""
    warnings = list(contents.warnings)
    notes = len(contents.identities)
    if not notes:
        where = manifest.path or manifest.sources[0]
        if strict:
            raise SourceError("the deck has no cards (--strict); check its sections", where)
        warnings.append(f"{where}: warning: the deck has no cards")
    lock_changed = identities.changed and manifest.lock_path is not None
    if frozen and lock_changed:
        raise LockError(
            f"the lock file would change ({identities.changes.summary()}); run "
            "`deckbuilder build` without --frozen and commit the lock",
            manifest.lock_path or manifest.path,
        )
    return BuildReport(
        notes=notes,
        cards=contents.cards,
        subdecks=contents.subdecks,
        warnings=warnings,
        changes=identities.changes,
        lock_changed=lock_changed,
    )


def _put_in_place(
    package: Path, output: Path, lock_path: Path | None, lock: Iterator[str] | None
) -> None:
    """Rename the package into place, and the lock with it, or neither: the lock is written
    beside its place first, so a lock that cannot be written (a read-only or full decks/)
    leaves the old package and lock as they were; should the lock's rename then fail, the
    old package is put back."""
    written = previous = None
    if lock_path is not None and lock is not None:
        try:
            written = write_beside(lock_path, lock)
        except OSError as exc:
            raise ExportError(f"cannot write the lock file: {exc}", lock_path) from exc
    try:
        if written is not None and output.is_file():
            previous = output.with_name(f".{output.name}.previous{os.getpid()}")
            previous.unlink(missing_ok=True)
            _keep_copy(output, previous)
        os.replace(package, output)
        try:
            if written is not None and lock_path is not None:
                os.replace(written, lock_path)
        except OSError:
            if previous is not None:
                os.replace(previous, output)
            else:
                output.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot put the package and its lock in place: {exc}", output) from exc
    finally:
        for leftover in (written, previous):
            if leftover is not None:
                leftover.unlink(missing_ok=True)


def _keep_copy(path: Path, copy: Path) -> None:
    """`path` under a second name: a hard link, or a copy where links are not supported
    (a FAT-formatted stick)."""
    try:
        os.link(path, copy)
    except OSError:
        import shutil

        shutil.copyfile(path, copy)


def deck_inputs(manifest: Manifest) -> list[Path]:
    """The files a deck is read from: its manifest, sources and lock (images come later)."""
    return [path for path in (manifest.path, *manifest.sources, manifest.lock_path) if path]


def check_output(output: Path, inputs: Iterable[Path], suffix: str) -> None:
    """Refuse to write `output` when it is one of the deck's inputs (a source, the manifest,
    the lock, an image) or not a `suffix` file: `-o notes.md` would replace the teacher's
    notes with a zip."""
    if output.suffix.lower() not in (suffix, ".htm" if suffix == ".html" else suffix):
        raise InputError(
            f"the output must be a {suffix} file; name one (e.g. -o deck{suffix})", output
        )
    try:
        target = output.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError("the output is a symlink loop; name another file", output) from exc
    for path in inputs:
        try:
            same = path.resolve() == target
        except (OSError, RuntimeError):  # an input that is a symlink loop is read as none
            continue
        if not same and output.exists() and path.exists():
            same = os.path.samefile(output, path)  # a hard link is the same file too
        if same:
            raise InputError(
                f"the output is the deck's own input {path}; write it somewhere else", output
            )


@contextlib.contextmanager
def one_build(output: Path, lock: Path | None) -> Iterator[None]:
    """Hold the package and its lock for this build alone: a second build of the same output
    or lock is refused while one runs, with a message saying so. Leftovers of builds that were
    killed (temporary packages and locks) are removed once they are held."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(_held(output))
        _remove_leftovers(output)
        if lock is not None:
            # A lock in a read-only folder cannot be held, nor written by another build: a
            # build that need not change it (--frozen in CI) goes on.
            stack.enter_context(_held(lock, required=False))
            _remove_leftovers(lock)
        yield


@contextlib.contextmanager
def _held(path: Path, required: bool = True) -> Iterator[None]:
    """An exclusive lock on `.NAME.building` beside `path`, removed afterwards. Without
    fcntl (Windows), or when the folder cannot be written and the lock is not `required`,
    nothing is held."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    guard = path.with_name(f".{path.name}.building")
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(guard, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if not required:
                yield
                return
            raise ExportError(f"cannot write beside {path}: {exc.strerror}", path) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise ExportError(
                "another build is writing this file right now; wait for it to finish, then "
                f"run this again (if none is running, delete {guard})",
                path,
            ) from None
        try:  # the guard may have been removed by the build that held it just before
            if os.path.samestat(os.fstat(handle), os.stat(guard)):
                break
        except FileNotFoundError:
            pass
        os.close(handle)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(guard)
        os.close(handle)


def _remove_leftovers(path: Path) -> None:
    """What a build of `path` killed midway left beside it (it holds `path` now, so no other
    build is using them): temporary packages and collections (`.NAME.apkg.XXXXXXXX`,
    `…anki2`), locks and build records (`.NAME.tmpPID`), kept old packages."""
    pattern = re.compile(
        rf"\.{re.escape(path.name)}\.(?:[a-z0-9_]{{8}}(?:\.anki2)?|(?:buildinfo\.)?tmp\d+|previous\d+)"
    )
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


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
