"""Where a build spends its time and memory, stage by stage, without a profiler's overhead.

    python -m benchmarks.stages decks/synthetic.toml -o /tmp/out.apkg [--gc disable|freeze|enabled]
        [-- more deckbuilder build options, e.g. --force --jobs 1]

Wraps the builder's stage functions (whichever of them exist) with a timer, runs
`deckbuilder build`, then prints per stage: calls, inclusive seconds, and the resident memory when
the stage last returned. The cyclic garbage collector is watched through `gc.callbacks`: how many
collections of each generation ran and how long they took in all. Stages nest (read_deck holds
read_document, which holds parse and fold), so the seconds are inclusive, not additive. Run it
with `--jobs 1`: documents read in worker processes are timed there, out of sight.
"""

from __future__ import annotations

import argparse
import functools
import gc
import importlib
import os
import resource
import sys
import time
from collections.abc import Callable
from typing import Any

STAGES = (
    ("builder.build", "read_deck"),
    ("builder.build", "read_document"),
    ("builder.document", "read_source"),
    ("builder.document", "parse_document"),
    ("builder.document", "parser_for"),
    ("builder.document", "_fold"),
    ("builder.routing", "route"),
    ("builder.kinds", "content_section"),
    ("builder.extract", "document_notes"),
    ("builder.rules.faq", "extract"),
    ("builder.rules.table", "extract"),
    ("builder.rules.definition", "extract"),
    ("builder.rules.enumeration", "extract"),
    ("builder.rules.prose_list", "extract"),
    ("builder.rules.prose_fact", "extract"),
    ("builder.rules.figure", "extract"),
    ("builder.rules.abbreviation", "extract"),
    ("builder.render", "Renderer.fields"),
    ("builder.render", "to_html"),
    ("builder.media", "embed_images"),
    ("builder.anki", "RenderedNote.of"),
    ("builder.anki", "Collection.add"),
    ("builder.anki", "Collection.repeats"),
    ("builder.anki", "Collection.identities"),
    ("builder.cache", "is_up_to_date"),
    ("builder.cache", "record_build"),
    ("builder.lock", "identify"),
    ("builder.lock", "stamp_notes"),
    ("builder.anki", "Collection.write"),
    ("builder.anki", "_write_decks"),
    ("builder.anki", "_zip"),
    ("builder.build", "_put_in_place"),
)
"""(module, attribute) pairs; `Class.method` wraps a method. Missing ones are skipped."""

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss_mb() -> float:
    with open("/proc/self/statm") as handle:
        return int(handle.read().split()[1]) * PAGE / 2**20


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Stats:
    def __init__(self) -> None:
        self.order: list[str] = []
        self.calls: dict[str, int] = {}
        self.seconds: dict[str, float] = {}
        self.rss: dict[str, float] = {}
        self.depth: dict[str, int] = {}
        self.gc_runs = [0, 0, 0]
        self.gc_seconds = [0.0, 0.0, 0.0]
        self.gc_collected = 0
        self._gc_started = 0.0

    def wrap(self, label: str, function: Callable[..., Any]) -> Callable[..., Any]:
        self.order.append(label)
        self.calls[label] = 0
        self.seconds[label] = 0.0
        self.depth[label] = 0

        @functools.wraps(function)
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.depth[label] += 1
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.depth[label] -= 1
                if self.depth[label] == 0:  # recursion counts once
                    self.seconds[label] += time.perf_counter() - started
                self.calls[label] += 1
                if self.calls[label] <= 3 or self.calls[label] % 1000 == 0:
                    self.rss[label] = rss_mb()

        return timed

    def gc_callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._gc_started = time.perf_counter()
        else:
            generation = info["generation"]
            self.gc_runs[generation] += 1
            self.gc_seconds[generation] += time.perf_counter() - self._gc_started
            self.gc_collected += info.get("collected", 0)


def install(stats: Stats) -> None:
    for module_name, attribute in STAGES:
        try:
            module = importlib.import_module(module_name)
        except ImportError:
            continue
        owner: Any = module
        name = attribute
        if "." in attribute:
            class_name, name = attribute.split(".", 1)
            owner = getattr(module, class_name, None)
            if owner is None:
                continue
        function = getattr(owner, name, None)
        if function is None:
            continue
        setattr(owner, name, stats.wrap(f"{module_name}.{attribute}", function))
        # Names imported elsewhere with `from x import f` are separate bindings: patch those too.
        for other in list(sys.modules.values()):
            if (
                other is not None
                and getattr(other, "__name__", "").startswith("builder")
                and other is not module
                and getattr(other, name, None) is function
                and "." not in attribute
            ):
                setattr(other, name, getattr(owner, name))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("manifest")
    parser.add_argument("-o", "--output", required=True)
    parser.add_argument(
        "--gc",
        default="default",
        choices=["default", "disable", "freeze", "enabled"],
        help="enabled: keep the cyclic gc on even where the builder turns it off",
    )
    args, extra = parser.parse_known_args(argv)
    extra = [arg for arg in extra if arg != "--"]  # more `deckbuilder build` options
    if args.gc == "enabled":
        gc.disable = lambda: None  # type: ignore[assignment]

    # The heavy imports, before the clock starts.
    import builder.anki
    import builder.build
    import builder.render
    from builder.cli import cli

    builder.render._markdown()
    stats = Stats()
    install(stats)
    if args.gc == "disable":
        gc.disable()
    elif args.gc == "freeze":
        gc.collect()
        gc.freeze()
    gc.callbacks.append(stats.gc_callback)
    started = time.perf_counter()
    cpu = time.process_time()
    try:
        cli(
            args=["build", args.manifest, "-o", args.output, *extra],
            prog_name="deckbuilder",
        )
    except SystemExit as exit:
        if exit.code:
            raise
    total = time.perf_counter() - started
    total_cpu = time.process_time() - cpu
    gc.callbacks.remove(stats.gc_callback)

    print(f"\nbuild: {total:.2f} s wall, {total_cpu:.2f} s CPU, peak RSS {peak_mb():.0f} MB")
    print(f"{'stage':50} {'calls':>8} {'seconds':>9} {'share':>6} {'RSS after':>10}")
    for label in stats.order:
        if not stats.calls[label]:
            continue
        print(
            f"{label:50} {stats.calls[label]:8d} {stats.seconds[label]:9.2f} "
            f"{stats.seconds[label] / total:6.1%} {stats.rss.get(label, 0):8.0f} MB"
        )
    gc_total = sum(stats.gc_seconds)
    print(
        f"gc: {stats.gc_runs} collections (gen 0/1/2), {gc_total:.2f} s "
        f"({gc_total / total:.1%} of the build), "
        f"{stats.gc_seconds[2]:.2f} s in gen-2 collections, {stats.gc_collected} objects freed"
    )


if __name__ == "__main__":
    main()
