"""`deckbuilder`: a thin click layer; each command turns its options into one library call.

Library errors become one line on stderr (`path:line: message`) and an exit status: 2 for bad
input (manifest, source, lock), 1 for anything else. Imports of the heavy libraries happen inside
the commands so that `deckbuilder --help` stays instant.
"""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from .version import __version__

F = TypeVar("F", bound=Callable[..., Any])

DECKS_DIR = Path("decks")
DIST_DIR = Path("dist")


def reports_errors(command: F) -> F:
    """Turn a BuilderError into its one-line message and exit status, never a traceback."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        from .errors import BuilderError

        try:
            return command(*args, **kwargs)
        except BuilderError as error:
            for line in str(error).splitlines():
                click.echo(f"error: {line}", err=True)
            sys.exit(error.exit_code)
        except BrokenPipeError:  # `deckbuilder cards ... | head`: the reader has had enough
            _quiet_stdout()
            sys.exit(1)
        except OSError as error:  # writing the output failed: a full disk, a closed terminal
            where = f"{error.filename}: " if error.filename else ""
            click.echo(f"error: {where}cannot write: {error.strerror or error}", err=True)
            _quiet_stdout()
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so Python's final flush of what could not be written fails
    silently instead of printing a second error."""
    import os

    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckbuilder")
@click.option(
    "--allow-outside",
    is_flag=True,
    help="Let manifests name sources outside their repository (the folder holding decks/). "
    "Off by default: in CI, a changed manifest could put any readable file on cards.",
)
def cli(allow_outside: bool) -> None:
    """Build Anki decks from structured study documents (Markdown).

    A deck is a manifest in decks/*.toml naming its Markdown sources and which sections go to
    which subdeck. Headings, FAQ questions, tables, definition bullets and lists become cards.
    Limits on what a source may hold, and what each error means: docs/limits.md.

    \b
    Examples:
      deckbuilder build                       # every decks/*.toml into dist/
      deckbuilder build NOTES.md -o NOTES.apkg
      deckbuilder init NOTES.md               # write decks/notes.toml to pin the deck
      deckbuilder --allow-outside build decks/shared.toml   # sources in ../shared-notes/
    """


def _targets(targets: tuple[str, ...]) -> list[Path]:
    if targets:
        return [Path(target) for target in targets]
    found = sorted(DECKS_DIR.glob("*.toml"))
    if not found:
        from .errors import InputError

        raise InputError(
            "no manifests found; pass a manifest or a Markdown file, or run `deckbuilder init`",
            DECKS_DIR,
        )
    return found


class _Progress:
    """Renders the pipeline's progress (build.Progress) on stderr. On a terminal: one line
    redrawn in place, documents read and notes so far, gone once the deck is done. Elsewhere
    (a CI log, a file): one line per stage, as it starts. --verbose gives the stage lines on a
    terminal too; --quiet nothing. `stages=False`: the terminal line only (for commands whose
    output is the product: their logs stay as they were)."""

    def __init__(self, label: str, verbosity: int = 0, stages: bool = True) -> None:
        self.label = label
        self.verbosity = verbosity
        self.terminal = sys.stderr.isatty()
        self.stages = stages and (self.verbosity > 0 or not self.terminal)
        self.drawn = False

    def __call__(self, event: Any) -> None:
        if self.verbosity < 0:
            return
        line = self._stage(event)
        if self.stages and line:
            self.clear()
            click.echo(f"{self.label}: {line}", err=True)
        if self.terminal:
            sys.stderr.write(f"\r\x1b[K{self.label}: {self._status(event)}")
            sys.stderr.flush()
            self.drawn = True

    def clear(self) -> None:
        """Take the redrawn line away, before any other output."""
        if self.drawn:
            sys.stderr.write("\r\x1b[K")
            sys.stderr.flush()
            self.drawn = False

    @staticmethod
    def _stage(event: Any) -> str:
        if event.stage == "reading" and event.documents == 0:
            return f"reading {_count(event.total, 'document')}"
        if event.stage == "read":
            return f"{_count(event.notes, 'note')} ({_count(event.cards, 'card')})"
        if event.stage == "writing":
            return "writing package"
        return ""

    @staticmethod
    def _status(event: Any) -> str:
        if event.stage == "reading":
            width = 20
            filled = width * event.documents // max(event.total, 1)
            bar = "#" * filled + "-" * (width - filled)
            return (
                f"[{bar}] {event.documents}/{_count(event.total, 'document')}, "
                f"{_count(event.notes, 'note')}"
            )
        if event.stage == "read":
            return f"{_count(event.notes, 'note')} read; giving them their identities"
        return f"writing package ({_count(event.notes, 'note')})"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _plan(manifest: Any) -> Any:
    """plan_deck, with its progress on a terminal (the line goes once the deck is read)."""
    from .build import plan_deck

    progress = _Progress(manifest.title, stages=False)
    try:
        return plan_deck(manifest, progress=progress)
    finally:
        progress.clear()


WARNINGS_SHOWN = 10
"""Warnings printed per deck without --verbose; the rest are counted."""


def _load(target: Path) -> Any:
    from .manifest import load_manifest, manifest_for_source

    suffix = target.suffix.lower()
    if suffix in (".md", ".markdown"):
        return manifest_for_source(target)
    if suffix != ".toml":
        from .errors import InputError

        kind = f"a {suffix} file" if suffix else "a file without an extension"
        raise InputError(
            f"{kind} is neither a source nor a manifest: name a .md/.markdown source or a "
            ".toml manifest",
            target,
        )
    context = click.get_current_context(silent=True)
    allow = bool(context and context.find_root().params.get("allow_outside"))
    return load_manifest(target, allow_outside=allow)


@cli.command()
@click.argument("targets", nargs=-1)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the package here (one target only; a .apkg file, never one of the deck's "
    "inputs). Default: dist/<deck-slug>.apkg.",
)
@click.option("--frozen", is_flag=True, help="Fail if the lock file would change (CI, releases).")
@click.option(
    "--no-rename-matching",
    is_flag=True,
    help="Do not match a reworded question to its old note by similarity.",
)
@click.option(
    "--strict",
    is_flag=True,
    help="Fail when a deck yields no cards or `deckbuilder check` would find an error.",
)
@click.option(
    "--force", is_flag=True, help="Rebuild even when nothing changed since the last build."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for large sources (default: the CPUs this process may use; 1 turns it "
    "off; on Windows, one process). The output is the same for any number.",
)
@click.option("-q", "--quiet", is_flag=True, help="Errors only: no progress, summary or warnings.")
@click.option(
    "-v", "--verbose", is_flag=True, help="Every warning, and the stage lines on a terminal too."
)
@reports_errors
def build(
    targets: tuple[str, ...],
    output: Path | None,
    frozen: bool,
    no_rename_matching: bool,
    strict: bool,
    force: bool,
    jobs: int | None,
    quiet: bool,
    verbose: bool,
) -> None:
    """Build decks into .apkg files that Anki imports.

    TARGETS are manifests (decks/NAME.toml) or Markdown files; with none, every manifest in
    decks/ is built into dist/. A manifest build brings decks/NAME.lock up to date, so a new
    release updates students' notes in place instead of duplicating them. A Markdown file
    builds without a manifest (one subdeck per top-level section, every rule on) and keeps no
    lock: `deckbuilder init` pins it. A manifest deck whose sources, manifest and lock did not
    change since its last build is skipped (--force rebuilds it).

    Progress goes to stderr: on a terminal, one line counting the documents read and notes
    made; in a log (stderr not a terminal, as in CI), one line per stage ("reading 12
    documents", "1234 notes (1500 cards)", "writing package"). Warnings past the first 10 of a
    deck are counted; -v prints every one, and a note for each part of a document left out as
    non-content (references, reading lists, objectives...: docs/manifest.md). --strict refuses
    a deck with no cards or with an error `deckbuilder check` reports (docs/lint-rules.md),
    before writing anything.

    \b
    Examples:
      deckbuilder build
      deckbuilder build decks/breast-cancer-liver-metastasis.toml -o bclm.apkg
      deckbuilder build notes.md -o notes.apkg
      deckbuilder build --frozen              # CI: the committed lock must be current
      deckbuilder build --strict -v           # no lint errors; show what was left out
      deckbuilder build -q                    # errors only
    """
    from .build import build_deck
    from .errors import InputError
    from .parallel import usable_cpus

    paths = _targets(targets)
    if output is not None and len(paths) != 1:
        raise InputError("--output names one file; give exactly one target with it")
    if quiet and verbose:
        raise click.UsageError("-q/--quiet and -v/--verbose contradict each other; give one")
    level = -1 if quiet else 1 if verbose else 0
    for number, path in enumerate(paths, 1):
        manifest = _load(path)
        label = manifest.title if len(paths) == 1 else f"[{number}/{len(paths)}] {manifest.title}"
        progress = _Progress(label, level)
        try:
            result = build_deck(
                manifest,
                output=output,
                frozen=frozen,
                rename_matching=not no_rename_matching,
                strict=strict,
                force=force,
                jobs=jobs or usable_cpus(),
                progress=progress,
            )
        finally:
            progress.clear()
        if level >= 0:
            _tell(path, manifest, result, level)


def _tell(path: Path, manifest: Any, result: Any, level: int) -> None:
    """What a build says: its summary, its warnings (the first few without --verbose) and what
    changed in the lock."""
    click.echo(result.summary())
    if result.report is None:
        return
    warnings = result.report.warnings
    shown = warnings if level > 0 else warnings[:WARNINGS_SHOWN]
    for warning in shown:
        click.echo(warning, err=True)
    if len(shown) < len(warnings):
        click.echo(
            f"  ... and {_count(len(warnings) - len(shown), 'more warning')} (-v shows every one)",
            err=True,
        )
    if level > 0:
        for notice in result.report.notices:
            click.echo(notice, err=True)
    changes = result.report.changes
    if changes.any and manifest.lock_path is not None:
        click.echo(f"  lock: {changes.summary()}")
        for rename in changes.renamed:
            click.echo(
                f"  reworded: {rename.old_key!r} -> {rename.new_key!r} "
                f"(similarity {rename.score:.2f}, keeps its history)"
            )
        for key in changes.removed:
            click.echo(f"  removed from source: {key}")
    if manifest.path is None:
        click.echo(
            f"  tip: `deckbuilder init {path}` writes a manifest that pins this deck's id "
            "and subdecks"
        )


@cli.command()
@click.argument("manifest", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
    help="table for reading, json for scripts, csv for Anki's text import (no .apkg needed).",
)
@click.option("--subdeck", help="Only the notes of this subdeck (its name in the manifest).")
@reports_errors
def cards(manifest: Path, fmt: str, subdeck: str | None) -> None:
    """List the cards a build would make, without writing a package.

    MANIFEST is a decks/*.toml file or a Markdown file (zero-config). The CSV imports on its
    own into any Anki collection (stock Basic and Cloze note types, each note in its subdeck
    with its tags); importing a newer CSV updates its notes in place. --subdeck names one of
    the manifest's subdecks (any case); another name is an error listing them.

    \b
    Examples:
      deckbuilder cards decks/breast-cancer-liver-metastasis.toml
      deckbuilder cards decks/breast-cancer-liver-metastasis.toml --subdeck FAQ --format json
      deckbuilder cards notes.md --format csv > notes.csv   # File > Import in Anki
    """
    from .listing import format_notes
    from .manifest import subdeck_named

    deck = _load(manifest)
    name = subdeck_named(deck, subdeck, manifest) if subdeck is not None else None
    plan = _plan(deck)
    notes = [n for n in plan.notes if name is None or n.note.subdeck == name]
    click.echo(format_notes(notes, fmt), nl=False)
    if fmt == "csv" and plan.media:
        click.echo(
            f"note: the cards show {_count(len(plan.media), 'image')}, which a CSV cannot carry: "
            "import the .apkg for them (docs/manifest.md)",
            err=True,
        )


@cli.command()
@click.argument("old", type=click.Path(path_type=Path))
@click.argument("new", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text for reading, json for scripts, markdown for release notes to students.",
)
@reports_errors
def diff(old: Path, new: Path, fmt: str) -> None:
    """List the notes added, removed and changed between two releases of a deck.

    OLD and NEW are .apkg files; notes are matched by GUID, as Anki matches them on import.
    Changed notes show which fields (and tags) differ. The markdown format is release notes
    for students, telling them how to find removed notes, which Anki keeps in their collection.

    \b
    Examples:
      deckbuilder diff v1.apkg dist/breast-cancer-liver-metastasis.apkg
      deckbuilder diff v1.apkg v2.apkg --format json
      deckbuilder diff v1.apkg v2.apkg --format markdown > RELEASE-NOTES.md
    """
    from typing import cast

    from .diff import Format, diff_packages, format_diff

    click.echo(format_diff(diff_packages(old, new), cast(Format, fmt)), nl=False)


@cli.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--force", is_flag=True, help="Replace an existing manifest (its deck id is kept).")
@click.option(
    "--decks-dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DECKS_DIR,
    show_default=True,
    help="Folder to write the manifest in.",
)
@reports_errors
def init(source: Path, force: bool, decks_dir: Path) -> None:
    """Write decks/NAME.toml from a Markdown source.

    The manifest pins the deck and lets you edit its subdecks. It is written to
    DECKS-DIR/NAME.toml (NAME from the source's file name): the deck's title and topic,
    a new fixed deck id, and one [[subdeck]] per top-level section, each field with a comment
    saying what it does. Edit it, list the cards, then build. docs/manifest.md documents every
    field; an existing manifest is never replaced without --force.

    \b
    Examples:
      deckbuilder init source/asthma.md            # writes decks/asthma.toml
      deckbuilder init notes/asthma.md --decks-dir course/decks
      deckbuilder init source/asthma.md --force    # start again from the headings
    """
    from .init import init_manifest
    from .manifest import load_manifest

    path = init_manifest(source, decks_dir=decks_dir, force=force)
    manifest = load_manifest(path)
    click.echo(
        f"wrote {path}: {manifest.title!r}, {len(manifest.subdecks)} subdecks, "
        f"deck id {manifest.deck_id}"
    )
    click.echo("next steps:")
    click.echo(f"  1. edit {path}: subdeck names, sections, tags (docs/manifest.md)")
    click.echo(f"  2. deckbuilder cards {path}     # the cards it makes")
    click.echo(f"  3. deckbuilder build {path}     # dist/{manifest.slug}.apkg for Anki")
    click.echo(f"  4. commit {path} and {path.with_suffix('.lock')} (the build writes the lock)")


@cli.command()
@click.argument("manifests", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="text (path:line: CODE message) for reading, json for scripts and editors.",
)
@click.option(
    "--max-answer-words",
    type=click.IntRange(min=1),
    metavar="N",
    help="Longest answer in words before LONG-ANSWER (overrides the manifest's [lint] table).",
)
@reports_errors
def check(manifests: tuple[str, ...], fmt: str, max_answer_words: int | None) -> None:
    """Lint the cards a build would make, at their source lines.

    MANIFESTS are decks/*.toml files (or Markdown files, zero-config); with none, every manifest
    in decks/ is checked. Each problem prints as `path:line: CODE message`, at the line of the
    source the card comes from, then a summary line. Errors (forbidden text, an empty field, a
    duplicate front, the answer in its own front, leftover markup, a side that is only a link,
    a note from a non-content section, an unresolved merge conflict in a source) make the exit
    status 1, and `build --strict` refuses them; warnings (long answers, long lists on Basic
    cards, near-duplicate fronts, fronts starting with a pronoun, links in a question,
    whole-sentence clozes, clozes that give their answer away, hide outline labels or mix two
    kinds of item, sentences that lost their subject, notes about the source rather than a
    fact, a quiz's options with none marked or its answer letter asked alone, lists, label lines,
    tables, long paragraphs or terms that gave no note, and whatever
    `build` warns about the sources, as BUILD-WARNING) are printed but pass.
    Limits are set in the manifest's [lint] table, banned phrases in its `forbid` list.

    \b
    Every code, what triggers it and how to fix it: docs/lint-rules.md

    \b
    Examples:
      deckbuilder check
      deckbuilder check decks/breast-cancer-liver-metastasis.toml --format json
      deckbuilder check --max-answer-words 50   # stricter than the manifests, this once
    """
    from dataclasses import replace
    from typing import cast

    from .lint import check_plan, format_problems

    problems = []
    notes = cards = 0
    for path in _targets(manifests):
        manifest = _load(path)
        if max_answer_words is not None:
            lint = replace(manifest.lint, max_answer_words=max_answer_words)
            manifest = replace(manifest, lint=lint)
        plan = _plan(manifest)
        problems.extend(check_plan(plan))
        notes += len(plan.notes)
        cards += plan.cards
    click.echo(format_problems(problems, cast(Any, fmt), notes=notes, cards=cards), nl=False)
    if any(problem.severity == "error" for problem in problems):
        sys.exit(1)


@cli.command()
@click.argument("manifest", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the page here (a .html file, never one of the deck's inputs). "
    "Default: dist/<deck-slug>.html.",
)
@reports_errors
def preview(manifest: Path, output: Path | None) -> None:
    """Write one HTML page showing every card as Anki will show it, for reviewers.

    MANIFEST is a decks/*.toml file or a Markdown file (zero-config). The page is a single
    self-contained file (open it in any browser, send it by mail): the deck tree with counts,
    each card's front and back side by side with its tags, rule and source line, a search box
    and a night-mode switch. Writes nothing else (no package, no lock).

    \b
    Examples:
      deckbuilder preview decks/breast-cancer-liver-metastasis.toml
      deckbuilder preview notes.md -o notes.html
    """
    from .build import deck_inputs
    from .outputs import check_output
    from .preview import write_preview

    deck = _load(manifest)
    target = output or DIST_DIR / f"{deck.slug}.html"
    check_output(target, deck_inputs(deck), ".html")
    plan = _plan(deck)
    check_output(target, [Path(image) for image in plan.contents.images], ".html")
    write_preview(plan, target)
    click.echo(f"{deck.title}: {len(plan.notes)} notes, {plan.cards} cards -> {target}")


@cli.command()
@click.argument("manifests", nargs=-1)
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=DIST_DIR,
    show_default=True,
    help="Folder for the packages, their previews, SHA256SUMS and RELEASE_NOTES.md (none of "
    "them may be one of a deck's inputs).",
)
@click.option(
    "--previous",
    help="Previous release to compare with: a folder of its .apkg files or a git ref "
    "(default: the latest v* tag before HEAD).",
)
@reports_errors
def release(manifests: tuple[str, ...], out_dir: Path, previous: str | None) -> None:
    """Build a release: every deck --frozen with its preview, checksums, and release notes.

    MANIFESTS default to every decks/*.toml. The lock files must be committed and current
    (the build fails otherwise). Each deck gives OUT/NAME.apkg and its preview OUT/NAME.html;
    SHA256SUMS covers both. RELEASE_NOTES.md lists, per deck, the notes added, changed and
    removed since the previous release, and tells students how to find removed notes; a
    deck's first release lists its subdecks with their notes and cards.

    \b
    Examples:
      deckbuilder release                     # what `make release` runs
      deckbuilder release --previous v1.2.0
      deckbuilder release --previous old-dist/
    """
    from .release import make_release

    target: Path | str | None = previous
    if previous and Path(previous).is_dir():
        target = Path(previous)
    result = make_release(_targets(manifests), out_dir, previous=target)
    for package, preview in zip(result.packages, result.previews, strict=True):
        click.echo(f"built {package} and its preview {preview}")
    compared = f" (compared with {result.previous})" if result.previous else " (first release)"
    click.echo(f"wrote {result.checksums} and {result.notes}{compared}")


# -- commands added below (keep this marker last) --


@cli.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the source document here (default: source/<file name>.md). Its images go "
    "into a folder beside it, NAME-images/.",
)
@click.option("--stdout", "to_stdout", is_flag=True, help="Print the document instead.")
@click.option("--force", is_flag=True, help="Replace an existing document (and its images).")
@reports_errors
def import_(file: Path, output: Path | None, to_stdout: bool, force: bool) -> None:
    """Turn a saved web page (.html) or a Word file (.docx) into a source document.

    A web page keeps its main content only: navigation, banners, share buttons, calls to
    action, related-article rails, sidebars and footers are dropped (by trafilatura). The
    result keeps headings, tables (first row as header), lists, bold and italics, and FAQ
    questions (also from <details> and schema.org FAQPage markup) as `###` headings under an
    FAQ section; links become text unless they are references. Front matter credits the
    source (title, canonical URL or file name, publisher, date). Lines that still look like
    advertising are listed with their line number: cut them before building. Images the
    saved page has locally are copied beside the document; remote ones stay links. Nothing
    is fetched from the network. docs/import.md says what is kept and dropped.

    \b
    Examples:
      deckbuilder import "Asthma in adults.html" -o source/asthma.md
      deckbuilder import handout.docx -o source/handout.md
      deckbuilder import page.html --stdout | less
      then: deckbuilder cards source/asthma.md, deckbuilder init source/asthma.md
    """
    from .errors import InputError
    from .importing import import_file, write_imported

    if to_stdout and output is not None:
        raise InputError("give either -o FILE or --stdout, not both")
    if not to_stdout:
        output = output or Path("source") / f"{_slug(file.stem)}.md"
        if output.resolve() == file.resolve():
            raise InputError("-o names the file being imported; choose another file", output)
    imported = import_file(file, None if to_stdout else output)
    where = "<stdout>" if output is None else str(output)
    if output is None:
        click.echo(imported.markdown, nl=False)
    else:
        written = write_imported(imported, output, force=force)
        count = len(written) - 1
        images = f", {count} image{'s' * (count != 1)} in {imported.images_dir}/" if count else ""
        click.echo(f"wrote {output}: {imported.title!r} from a {imported.kind}{images}")
    for flag in imported.flags:
        click.echo(f"warning: {where}:{flag.line}: {flag.message()}", err=True)
    for src in imported.remote_images:
        click.echo(
            f"note: remote image kept as a link (nothing is downloaded): {src}; save it "
            "beside the document and link it as ![alt](file) to show it on cards",
            err=True,
        )
    for src in imported.missing_images:
        click.echo(f"note: image {src!r} not found beside the page, or not an image; left out",
                   err=True)  # fmt: skip
    if imported.skipped_images:
        click.echo(
            f"note: {imported.skipped_images} local image(s) left out with --stdout; import "
            "with -o to copy them beside the document",
            err=True,
        )
    if output is not None:
        click.echo("next steps:")
        click.echo(f"  1. read {output}; cut the lines flagged above")
        click.echo(f"  2. deckbuilder cards {output}     # the cards it makes")
        click.echo(f"  3. deckbuilder init {output}      # a manifest to name subdecks")


def _slug(name: str) -> str:
    import re

    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "imported"


@cli.command()
@click.argument("manifest", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--port",
    type=click.IntRange(min=0, max=65535),
    default=0,
    help="Port on 127.0.0.1 to serve on. Default: a free one (printed with the URL).",
)
@click.option("--open", "open_browser", is_flag=True, help="Open the page in a web browser.")
@reports_errors
def serve(manifest: Path | None, port: int, open_browser: bool) -> None:
    """Show the preview in a browser and rebuild it on every save, until Ctrl-C.

    MANIFEST is a decks/*.toml file or a Markdown file (zero-config); without it, the one
    manifest in decks/ (when there are several, name one). The page is the preview
    (every card as Anki shows it) with the build's warnings and errors at the top and each
    card's check problems beside it. Saving the manifest, a source, the lock or an image
    rebuilds it, and the open page follows without a reload, keeping its place and marking the
    cards that changed; a build error shows on the page until the next good save. Click a
    card's source line to see its Markdown. Nothing is written (no package, no lock); the
    server listens on 127.0.0.1 only.

    \b
    Examples:
      deckbuilder serve decks/breast-cancer-liver-metastasis.toml --open
      deckbuilder serve notes.md --port 8000
      deckbuilder serve                      # the one deck in decks/
    """
    import signal
    import webbrowser

    from .serve import DeckServer

    def interrupt(*_: object) -> None:
        raise KeyboardInterrupt

    if manifest is None:
        from .errors import InputError

        found = _targets(())
        if len(found) > 1:
            names = ", ".join(str(path) for path in found)
            raise InputError(f"several decks to serve: name one of {names}", DECKS_DIR)
        manifest = found[0]
    target = manifest
    log = functools.partial(click.echo, err=True)
    server = DeckServer(target, lambda: _load(target), port, log)
    # `kill` stops it as cleanly as Ctrl-C, and so does `kill -INT` when a shell started it as a
    # background job (such a job starts with SIGINT ignored)
    signal.signal(signal.SIGTERM, interrupt)
    signal.signal(signal.SIGINT, interrupt)
    try:
        server.start()
        click.echo(f"Serving {server.deck.title} at {server.url} (Ctrl-C stops)")
        if open_browser:
            webbrowser.open(server.url)
        server.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.close()
    click.echo("stopped")
