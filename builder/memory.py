"""The cyclic garbage collector, paused while the builder makes millions of short-lived objects.

A parse makes a token per block and a build a note per fact: acyclic objects the reference count
frees, but each allocation counts toward the collector's next scan of everything alive, and those
scans cost about a quarter of a build (docs/performance.md)."""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator


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
