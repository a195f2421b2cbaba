"""The measured programs `benchmarks.run` starts, each in a fresh process.

    python -m benchmarks.workers parse SOURCE.md...          # markdown-it-py parse alone
    python -m benchmarks.workers parse-blocks SOURCE.md      # its block pass only (reference)
    python -m benchmarks.workers floor BUILT.apkg OUT.apkg   # one sqlite transaction + zip
    python -m benchmarks.workers gc MODE deckbuilder-args... # deckbuilder with the gc tuned
                                                             # (default, disable, freeze,
                                                             # threshold, enabled)

`parse` and `floor` print one JSON line: the seconds (wall and CPU) of the measured work only, after
imports and after loading their input, so interpreter start-up is not counted against the floor.
"""

from __future__ import annotations

import json
import os
import pickle
import sqlite3
import sys
import time
import zipfile
from pathlib import Path
from typing import Any


def _report(started: float, started_cpu: float, **extra: Any) -> None:
    print(
        json.dumps(
            {
                "seconds": time.perf_counter() - started,
                "cpu_seconds": time.process_time() - started_cpu,
                **extra,
            }
        )
    )


def markdown_parser(blocks_only: bool = False) -> Any:
    """markdown-it-py set up with the extensions the builder reads sources with (GFM tables,
    front matter).

    The floor is markdown-it-py's whole parse, block and inline, as the issue measured it. The
    builder itself runs the block pass only and renders inline Markdown per card field, so it
    does less than the floor here; `blocks_only` times that pass, as a reference.
    """
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin)
    return parser.disable("inline") if blocks_only else parser


def parse(sources: list[str], blocks_only: bool = False) -> None:
    """Read each source and parse it into markdown-it tokens, one after the other; nothing
    else (a source's tokens are dropped before the next is read, as a build drops them)."""
    parser = markdown_parser(blocks_only)
    started, started_cpu = time.perf_counter(), time.process_time()
    tokens = size = 0
    for source in sources:
        text = Path(source).read_text(encoding="utf-8")
        tokens += len(parser.parse(text))
        size += len(text.encode())
    _report(started, started_cpu, tokens=tokens, bytes=size)


def floor(rows_path: str, output: str) -> None:
    """Write the given notes and cards into an Anki-schema collection in ONE transaction, zip it.

    The rows come from the builder's own package for the same input (`rows_path` ending in
    .apkg) or a pickle of `read_rows`' result; they are loaded before the clock starts: the floor
    is the cost of storing the deck, not of computing it.
    """
    from genanki.apkg_col import APKG_COL
    from genanki.apkg_schema import APKG_SCHEMA

    if rows_path.endswith(".apkg"):
        data = read_rows(rows_path)
    else:
        with open(rows_path, "rb") as handle:
            data = pickle.load(handle)
    notes, cards = data["notes"], data["cards"]
    started, started_cpu = time.perf_counter(), time.process_time()
    database = output + ".anki2"
    if os.path.exists(database):
        os.unlink(database)
    connection = sqlite3.connect(database)
    try:
        connection.executescript(APKG_SCHEMA)
        connection.executescript(APKG_COL)
        with connection:
            connection.execute(
                "UPDATE col SET decks = ?, models = ?", (data["decks"], data["models"])
            )
            connection.executemany(f"INSERT INTO notes VALUES({','.join('?' * 11)})", notes)
            connection.executemany(f"INSERT INTO cards VALUES({','.join('?' * 18)})", cards)
    finally:
        connection.close()
    info = zipfile.ZipInfo("collection.anki2", date_time=(2020, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    with zipfile.ZipFile(output, "w") as archive:
        archive.writestr(info, Path(database).read_bytes())
        archive.writestr("media", "{}")
    os.unlink(database)
    _report(started, started_cpu, notes=len(notes), cards=len(cards))


def read_rows(package: str | Path) -> dict[str, Any]:
    """Notes, cards and the col row's decks/models from a built .apkg (the floor's input)."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        with zipfile.ZipFile(package) as archive:
            archive.extract("collection.anki2", folder)
        connection = sqlite3.connect(Path(folder) / "collection.anki2")
        try:
            notes = connection.execute("SELECT * FROM notes ORDER BY id").fetchall()
            cards = connection.execute("SELECT * FROM cards ORDER BY id").fetchall()
            decks, models = connection.execute("SELECT decks, models FROM col").fetchone()
        finally:
            connection.close()
    return {"notes": notes, "cards": cards, "decks": decks, "models": models}


def synthetic_rows(n_notes: int, field_bytes: int = 160) -> dict[str, Any]:
    """Stand-in rows (4 fields each) for when the builder produced no package to copy."""
    import json as _json

    filler = "x" * (field_bytes // 4)
    notes = [
        (i + 1, f"g{i}", 1, 0, -1, " t ", "\x1f".join([filler] * 4), filler, 0, 0, "")
        for i in range(n_notes)
    ]
    cards = [
        (i + 1, i + 1, 1, 0, 0, -1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, "") for i in range(n_notes)
    ]
    return {"notes": notes, "cards": cards, "decks": _json.dumps({}), "models": _json.dumps({})}


def gc_wrapper(mode: str, args: list[str]) -> None:
    """Run the deckbuilder CLI with the cyclic garbage collector disabled, frozen or relaxed."""
    import gc

    if mode == "disable":
        gc.disable()  # before the imports too
    elif mode == "enabled":
        # Keep the collector on even where the builder switches it off for a build.
        gc.disable = lambda: None  # type: ignore[assignment]

    from builder.cli import cli

    if mode == "freeze":
        # Everything imported so far is moved out of the collector's sight (Python >= 3.7).
        gc.collect()
        gc.freeze()
    elif mode == "threshold":
        gc.set_threshold(50_000, 20, 100)
    elif mode == "freeze+threshold":
        gc.collect()
        gc.freeze()
        gc.set_threshold(50_000, 20, 100)
    elif mode not in ("default", "disable", "enabled"):
        raise SystemExit(f"unknown gc mode {mode!r}")
    cli(args=args, prog_name="deckbuilder")


def main(argv: list[str]) -> None:
    if len(argv) >= 2 and argv[0] in ("parse", "parse-blocks"):
        parse(argv[1:], blocks_only=argv[0] == "parse-blocks")
    elif len(argv) >= 3 and argv[0] == "floor":
        floor(argv[1], argv[2])
    elif len(argv) >= 2 and argv[0] == "gc":
        gc_wrapper(argv[1], argv[2:])
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(sys.argv[1:])
