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


def _progress(paths: list[Path], label: str) -> Any:
    """A progress bar on a terminal when there is more than a moment's work, else a plain loop."""
    from contextlib import nullcontext

    size = sum(path.stat().st_size for path in paths if path.is_file())
    if sys.stderr.isatty() and (len(paths) > 1 or size > 1_000_000):
        return click.progressbar(paths, label=label, file=sys.stderr)
    return nullcontext(paths)


def _load(target: Path) -> Any:
    from .manifest import load_manifest, manifest_for_source

    if target.suffix.lower() in (".md", ".markdown"):
        return manifest_for_source(target)
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
@click.option("--strict", is_flag=True, help="Fail when a deck yields no cards.")
@click.option(
    "--force", is_flag=True, help="Rebuild even when nothing changed since the last build."
)
@click.option(
    "-j",
    "--jobs",
    type=click.IntRange(min=1),
    default=None,
    help="Processes for large sources (default: the CPUs this process may use; 1 turns it "
    "off). The output is the same for any number.",
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
) -> None:
    """Build decks into .apkg files that Anki imports.

    TARGETS are manifests (decks/NAME.toml) or Markdown files; with none, every manifest in
    decks/ is built into dist/. A Markdown file builds without a manifest: one subdeck per
    top-level section, every rule on. Each build brings decks/NAME.lock up to date, so a new
    release updates students' notes in place instead of duplicating them. A deck whose
    sources, manifest and lock did not change since its last build is skipped (--force
    rebuilds it); unchanged documents of a changed deck are not parsed again.

    \b
    Examples:
      deckbuilder build
      deckbuilder build decks/breast-cancer-liver-metastasis.toml -o bclm.apkg
      deckbuilder build notes.md -o notes.apkg
      deckbuilder build --frozen              # CI: the committed lock must be current
    """
    from .build import build_deck
    from .errors import InputError
    from .parallel import usable_cpus

    paths = _targets(targets)
    if output is not None and len(paths) != 1:
        raise InputError("--output names one file; give exactly one target with it")
    with _progress(paths, "Building decks") as steps:
        results = []
        for path in steps:
            manifest = _load(path)
            result = build_deck(
                manifest,
                output=output,
                frozen=frozen,
                rename_matching=not no_rename_matching,
                strict=strict,
                force=force,
                jobs=jobs or usable_cpus(),
            )
            results.append((path, manifest, result))
    for path, manifest, result in results:
        click.echo(result.summary())
        if result.report is None:
            continue
        for warning in result.report.warnings:
            click.echo(warning, err=True)
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
    help="table for reading, json for scripts, csv for Anki's text import.",
)
@click.option("--subdeck", help="Only cards of this subdeck.")
@reports_errors
def cards(manifest: Path, fmt: str, subdeck: str | None) -> None:
    """List the cards a build would make, without writing a package.

    MANIFEST is a decks/*.toml file or a Markdown file (zero-config).

    \b
    Examples:
      deckbuilder cards decks/breast-cancer-liver-metastasis.toml
      deckbuilder cards decks/breast-cancer-liver-metastasis.toml --format json
      deckbuilder cards notes.md --format csv > notes.csv   # File > Import in Anki
    """
    from .build import plan_deck
    from .listing import format_notes

    plan = plan_deck(_load(manifest))
    notes = [n for n in plan.notes if subdeck is None or n.note.subdeck == subdeck]
    click.echo(format_notes(notes, fmt), nl=False)


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
    duplicate front, the answer in its own front) make the exit status 1; warnings (long
    answers, long lists on Basic cards, near-duplicate fronts, fronts starting with a pronoun)
    are printed but pass. Limits are set in the manifest's [lint] table, banned phrases in its
    `forbid` list.

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

    from .build import plan_deck
    from .lint import check_plan, format_problems

    problems = []
    cards = 0
    for path in _targets(manifests):
        manifest = _load(path)
        if max_answer_words is not None:
            lint = replace(manifest.lint, max_answer_words=max_answer_words)
            manifest = replace(manifest, lint=lint)
        plan = plan_deck(manifest)
        problems.extend(check_plan(plan))
        cards += len(plan.notes)
    click.echo(format_problems(problems, cast(Any, fmt), cards=cards), nl=False)
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
    from .build import check_output, deck_inputs, plan_deck
    from .preview import write_preview

    deck = _load(manifest)
    target = output or DIST_DIR / f"{deck.slug}.html"
    check_output(target, deck_inputs(deck), ".html")
    plan = plan_deck(deck)
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
    help="Folder for the packages, SHA256SUMS and RELEASE_NOTES.md.",
)
@click.option(
    "--previous",
    help="Previous release to compare with: a folder of its .apkg files or a git ref "
    "(default: the latest v* tag before HEAD).",
)
@reports_errors
def release(manifests: tuple[str, ...], out_dir: Path, previous: str | None) -> None:
    """Build a release: every deck --frozen, checksums, and release notes for students.

    MANIFESTS default to every decks/*.toml. The lock files must be committed and current
    (the build fails otherwise). RELEASE_NOTES.md lists, per deck, the notes added, changed
    and removed since the previous release, and tells students how to find removed notes.

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
    for package in result.packages:
        click.echo(f"built {package}")
    compared = f" (compared with {result.previous})" if result.previous else " (first release)"
    click.echo(f"wrote {result.checksums} and {result.notes}{compared}")


# -- commands added below (keep this marker last) --
