"""Worker processes for large sources: forked, so that they read the parent's data (the
manifest, the pieces, the routes) without it being pickled for them.

Where `fork` does not exist (Windows), or `--jobs 1` is asked for, the work runs in this process:
the output is the same either way.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from multiprocessing.pool import Pool


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def worker_pool(jobs: int, tasks: int) -> Pool | None:
    """A pool of forked workers for `tasks` pieces of work, or None to do them here."""
    workers = min(jobs, tasks)
    if workers < 2:
        return None
    import multiprocessing  # only for large sources: a small deck starts faster without it

    if "fork" not in multiprocessing.get_all_start_methods():
        return None
    return multiprocessing.get_context("fork").Pool(workers)
