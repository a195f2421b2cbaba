"""Documents read in worker processes (`--jobs`): one document per process, results in order.

Workers are forked, so they start at once and import nothing again. Where `fork` does not exist
(Windows), or one job is asked for, the work runs in this process: the results are the same.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity, where the platform tells it)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def ordered_map(
    function: Callable[[Item], Result], items: Sequence[Item], jobs: int
) -> Iterator[Result]:
    """`map(function, items)`, in up to `jobs` processes; results come back in the items' order,
    each as soon as it and those before it are done."""
    workers = min(jobs, len(items))
    if workers >= 2:
        import multiprocessing  # only for several documents: a small deck starts faster without

        if "fork" in multiprocessing.get_all_start_methods():
            with multiprocessing.get_context("fork").Pool(workers) as pool:
                yield from pool.imap(function, items)
            return
    yield from map(function, items)
