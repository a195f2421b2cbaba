"""Errors the builder reports to a person: each names the file and line and says what to do.

`str(error)` is the one line the CLI prints (``path:line: message``). Input errors (a bad
manifest or source) exit with status 2, anything else with 1, so scripts can tell "fix your
files" from "we broke".
"""

from __future__ import annotations

from pathlib import Path


class BuilderError(Exception):
    """Base class: a failure with a place (file and line) a person can go and fix."""

    exit_code = 1

    def __init__(self, message: str, path: str | Path | None = None, line: int | None = None):
        super().__init__(message)
        self.message = message
        self.path = str(path) if path is not None else None
        self.line = line

    def __reduce__(self) -> tuple[type[BuilderError], tuple[str, str | None, int | None]]:
        """Pickled with its place, so an error raised in a worker process keeps it."""
        return self.__class__, (self.message, self.path, self.line)

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path + (f":{self.line}" if self.line is not None else "") + ": "
        return where + self.message


class InputError(BuilderError):
    """The user's files are wrong (exit status 2)."""

    exit_code = 2


class ManifestError(InputError):
    """A deck manifest (decks/*.toml) is invalid."""


class SourceError(InputError):
    """A source document cannot be read or has a structure we refuse."""


class LockError(InputError):
    """The lock file is invalid, or would change under --frozen."""


class ExportError(BuilderError):
    """Writing the package or another output failed."""
