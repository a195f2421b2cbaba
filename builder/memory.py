"""The cyclic garbage collector, paused while the builder makes millions of short-lived objects,
and the size of the caches of text functions.

A parse makes a token per block and a build a note per fact: acyclic objects the reference count
frees, but each allocation counts toward the collector's next scan of everything alive, and those
scans cost about a quarter of a build (docs/performance.md)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

TEXT_CACHE = 1 << 9
"""Entries kept by each cache of a function of a block's or an item's text (`lru_cache`): the
rules ask about the same items one after another within a section, so a few hundred catch the
repeats. Thousands kept the texts of sections long done, and a worker reading a course's
documents one after another held them all: 1 << 12 cost each worker about 13 MB at 100,000 items
in ten documents (docs/performance.md). Caches of headings and words keep their own sizes."""


@contextlib.contextmanager
def no_cyclic_gc() -> Iterator[None]:
    """Pause the cyclic collector for the block; leave it as it was found (nested pauses keep
    it off until the outermost ends)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
