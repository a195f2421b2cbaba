"""Writing files so that a failure never leaves half of one behind."""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path


def write_atomic(path: Path, data: str | bytes | Iterable[str]) -> None:
    """Write through a temporary file in the same folder, then rename it into place. Text may
    come in pieces (a large lock file is never one string in memory)."""
    temporary = write_beside(path, data)
    try:
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)


def write_beside(path: Path, data: str | bytes | Iterable[str]) -> Path:
    """Write `data` to a temporary file beside `path` and return it, for the caller to rename
    into place (`os.replace`) once everything else has succeeded, or to delete."""
    temporary = path.with_name(f".{path.name}.tmp{os.getpid()}")
    try:
        if isinstance(data, str):
            temporary.write_text(data, encoding="utf-8")
        elif isinstance(data, bytes):
            temporary.write_bytes(data)
        else:
            with temporary.open("w", encoding="utf-8", newline="\n") as handle:
                handle.writelines(data)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary
