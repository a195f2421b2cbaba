"""`deckbuilder`: a thin click layer; each command turns its options into one library call.

Library errors become one line on stderr (`path:line: message`) and an exit status: 2 for bad
input (manifest, source, lock), 1 for anything else. Imports of the heavy libraries happen inside
the commands so that `deckbuilder --help` stays instant.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from . import __version__

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

    return wrapper  # type: ignore[return-value]


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="deckbuilder")
def cli() -> None:
    """Build Anki decks from structured study documents (Markdown).

    A deck is a manifest in decks/*.toml naming its Markdown sources and which sections go to
    which subdeck. Headings, FAQ questions, tables, definition bullets and lists become cards.

    \b
    Examples:
      deckbuilder build                       # every decks/*.toml into dist/
      deckbuilder build NOTES.md -o NOTES.apkg
      deckbuilder init NOTES.md               # write decks/notes.toml to pin the deck
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


def _load(target: Path) -> Any:
    from .build import manifest_for_source
    from .manifest import load_manifest

    if target.suffix.lower() in (".md", ".markdown"):
        return manifest_for_source(target)
    return load_manifest(target)


@cli.command()
@click.argument("targets", nargs=-1, type=click.Path(dir_okay=False, path_type=str))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the package here (one target only). Default: dist/<deck-slug>.apkg.",
)
@click.option("--frozen", is_flag=True, help="Fail if the lock file would change (CI, releases).")
@click.option(
    "--no-rename-matching",
    is_flag=True,
    help="Do not match a reworded question to its old note by similarity.",
)
@click.option("--strict", is_flag=True, help="Fail when a deck yields no cards.")
@reports_errors
def build(
    targets: tuple[str, ...],
    output: Path | None,
    frozen: bool,
    no_rename_matching: bool,
    strict: bool,
) -> None:
    """Build decks into .apkg files that Anki imports.

    TARGETS are manifests (decks/NAME.toml) or Markdown files; with none, every manifest in
    decks/ is built into dist/. A Markdown file builds without a manifest: one subdeck per
    top-level section, every rule on. Each build brings decks/NAME.lock up to date, so a new
    release updates students' notes in place instead of duplicating them.

    \b
    Examples:
      deckbuilder build
      deckbuilder build decks/breast-cancer-liver-metastasis.toml -o bclm.apkg
      deckbuilder build notes.md -o notes.apkg
      deckbuilder build --frozen              # CI: the committed lock must be current
    """
    from .build import build_deck
    from .errors import InputError

    paths = _targets(targets)
    if output is not None and len(paths) != 1:
        raise InputError("--output names one file; give exactly one target with it")
    for path in paths:
        manifest = _load(path)
        result = build_deck(
            manifest, output=output, frozen=frozen, rename_matching=not no_rename_matching
        )
        if strict and not result.plan.notes:
            raise InputError("the deck has no cards (--strict)", path)
        click.echo(result.summary())
        changes = result.plan.changes
        if changes.any:
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
    notes = [n for n in plan.notes if subdeck is None or n.card.subdeck == subdeck]
    click.echo(format_notes(plan, notes, fmt), nl=False)


# -- commands added below (keep this marker last) --
