"""Writing a build's outputs so that they can never hurt its inputs or each other.

An output never replaces one of the deck's inputs (`check_output`); one build at a time holds a
package and its lock, and removes what killed builds left beside them (`one_build`); the package
and the lock are put in place together or not at all (`put_in_place`).
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .errors import ExportError, InputError
from .files import write_beside


def put_in_place(
    package: Path, output: Path, lock_path: Path | None, lock: Iterable[str] | None
) -> None:
    """Rename the package into place, and the lock with it, or neither: the lock is written
    beside its place first, so a lock that cannot be written (a read-only or full decks/)
    leaves the old package and lock as they were; should the lock's rename then fail, the
    old package is put back."""
    written = previous = None
    if lock_path is not None and lock is not None:
        try:
            written = write_beside(lock_path, lock)
        except OSError as exc:
            raise ExportError(f"cannot write the lock file: {exc}", lock_path) from exc
    try:
        if written is not None and output.is_file():
            previous = output.with_name(f".{output.name}.previous{os.getpid()}")
            previous.unlink(missing_ok=True)
            _keep_copy(output, previous)
        os.replace(package, output)
        try:
            if written is not None and lock_path is not None:
                os.replace(written, lock_path)
        except OSError:
            if previous is not None:
                os.replace(previous, output)
            else:
                output.unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise ExportError(f"cannot put the package and its lock in place: {exc}", output) from exc
    finally:
        for leftover in (written, previous):
            if leftover is not None:
                leftover.unlink(missing_ok=True)


def _keep_copy(path: Path, copy: Path) -> None:
    """`path` under a second name: a hard link, or a copy where links are not supported
    (a FAT-formatted stick)."""
    try:
        os.link(path, copy)
    except OSError:
        import shutil

        shutil.copyfile(path, copy)


def check_output(output: Path, inputs: Iterable[Path], suffix: str) -> None:
    """Refuse to write `output` when it is one of the deck's inputs (a source, the manifest,
    the lock, an image) or not a `suffix` file: `-o notes.md` would replace the teacher's
    notes with a zip."""
    if output.suffix.lower() not in (suffix, ".htm" if suffix == ".html" else suffix):
        raise InputError(
            f"the output must be a {suffix} file; name one (e.g. -o deck{suffix})", output
        )
    check_not_input(output, inputs)


def check_not_input(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse to write `output` when it is one of `inputs` (by its path, through a symlink or
    as a hard link)."""
    try:
        target = output.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise InputError("the output is a symlink loop; name another file", output) from exc
    for path in inputs:
        try:
            same = path.resolve() == target
        except (OSError, RuntimeError):  # an input that is a symlink loop is read as none
            continue
        if not same and output.exists() and path.exists():
            same = os.path.samefile(output, path)  # a hard link is the same file too
        if same:
            raise InputError(
                f"the output is the deck's own input {path}; write it somewhere else", output
            )


@contextlib.contextmanager
def one_build(output: Path, lock: Path | None) -> Iterator[None]:
    """Hold the package and its lock for this build alone: a second build of the same output
    or lock is refused while one runs, with a message saying so. Leftovers of builds that were
    killed (temporary packages and locks) are removed once they are held."""
    with contextlib.ExitStack() as stack:
        stack.enter_context(_held(output))
        _remove_leftovers(output)
        if lock is not None:
            # A lock in a read-only folder cannot be held, nor written by another build: a
            # build that need not change it (--frozen in CI) goes on.
            stack.enter_context(_held(lock, required=False))
            _remove_leftovers(lock)
        yield


@contextlib.contextmanager
def _held(path: Path, required: bool = True) -> Iterator[None]:
    """An exclusive lock on `.NAME.building` beside `path`, removed afterwards. Without
    fcntl (Windows), or when the folder cannot be written and the lock is not `required`,
    nothing is held."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield
        return
    guard = _guard(path)
    while True:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            handle = os.open(guard, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as exc:
            if not required:
                yield
                return
            raise ExportError(f"cannot write beside {path}: {exc.strerror}", path) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(handle)
            raise ExportError(
                "another build is writing this file right now; wait for it to finish, then "
                f"run this again (if none is running, delete {guard})",
                path,
            ) from None
        try:  # the guard may have been removed by the build that held it just before
            if os.path.samestat(os.fstat(handle), os.stat(guard)):
                break
        except FileNotFoundError:
            pass
        os.close(handle)
    try:
        yield
    finally:
        with contextlib.suppress(OSError):
            os.unlink(guard)
        os.close(handle)


def _guard(path: Path) -> Path:
    """The file whose lock says a build holds `path`."""
    return path.with_name(f".{path.name}.building")


def _remove_leftovers(path: Path) -> None:
    """What a build of `path` killed midway left beside it (it holds `path` now, so no other
    build is using them): temporary packages and collections (`.NAME.apkg.XXXXXXXX`,
    `…anki2`), locks and build records (`.NAME.tmpPID`), kept old packages. Never the guard
    this build holds, whose name has the form of a temporary package's: without it a second
    build would take a guard of its own and remove this one's collection."""
    pattern = re.compile(
        rf"\.{re.escape(path.name)}\.(?:[a-z0-9_]{{8}}(?:\.anki2)?|(?:buildinfo\.)?tmp\d+|previous\d+)"
    )
    guard = _guard(path).name
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if entry.name == guard:
                continue
            if pattern.fullmatch(entry.name) and entry.is_file(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
