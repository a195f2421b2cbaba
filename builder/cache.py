"""Work a rebuild can skip: a whole build whose inputs did not change, and unchanged documents.

A build records a digest of everything its output depends on (the builder's own code, the
manifest, every source, the lock, the images used, the options) beside the package. A rebuild with
the same digest and the package still in place is skipped. Otherwise each document whose text did
not change keeps the file its notes were staged in (staging.py), so editing one document of many
re-parses only that one. Staged files live in `<output folder>/.deckbuilder-cache/<deck>/`
(dist/ is not committed); they are read only from there.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from . import __version__
from .files import write_atomic

CACHE_DIR = ".deckbuilder-cache"


@lru_cache(maxsize=1)
def builder_digest() -> str:
    """The builder's version and code: a changed rule or template invalidates every cache."""
    digest = hashlib.sha256(__version__.encode())
    package = os.path.dirname(__file__)
    found: list[tuple[str, ...]] = []  # relative paths as parts, sorted as Path sorts them
    for folder, subfolders, files in os.walk(package):  # not Path.rglob: 4 times slower
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        relative = os.path.relpath(folder, package)
        parts = () if relative == os.curdir else tuple(relative.split(os.sep))
        found.extend((*parts, name) for name in files if os.path.splitext(name)[1] in _CODE)
    for parts in sorted(found):
        digest.update("/".join(parts).encode())
        with open(os.path.join(package, *parts), "rb") as handle:
            digest.update(handle.read())
    return digest.hexdigest()


_CODE = (".py", ".css")


def file_digest(path: Path) -> str:
    try:
        with path.open("rb") as handle:  # in blocks: a package can be large
            return hashlib.file_digest(handle, "sha256").hexdigest()
    except OSError:
        return "missing"


class BuildInfo(NamedTuple):
    """What a finished build depended on, stored as `.<package>.buildinfo` beside the package."""

    inputs: str
    media: list[str]
    output: str

    @staticmethod
    def path_for(output: Path) -> Path:
        return output.with_name(f".{output.name}.buildinfo")


def inputs_digest(files: list[Path], options: dict[str, Any], media: list[str]) -> str:
    digest = hashlib.sha256(builder_digest().encode())
    digest.update(json.dumps(options, sort_keys=True).encode())
    for path in [*files, *(Path(name) for name in media)]:
        digest.update(str(path).encode())
        digest.update(file_digest(path).encode())
    return digest.hexdigest()


def is_up_to_date(output: Path, files: list[Path], options: dict[str, Any]) -> bool:
    """True when the package exists and nothing it was built from has changed since."""
    info_path = BuildInfo.path_for(output)
    try:
        info = BuildInfo(**json.loads(info_path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return False
    return (
        output.is_file()
        and info.inputs == inputs_digest(files, options, info.media)
        and info.output == file_digest(output)
    )


def record_build(
    output: Path, files: list[Path], options: dict[str, Any], media: list[str]
) -> None:
    info = BuildInfo(inputs_digest(files, options, media), sorted(media), file_digest(output))
    record = {"inputs": info.inputs, "media": info.media, "output": info.output}
    write_atomic(BuildInfo.path_for(output), json.dumps(record))


class DocumentCache:
    """Staged documents (staging.py) keyed by everything they were made from; a build marks the
    entries it uses and `prune` forgets the rest (older versions of edited documents)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.used: set[Path] = set()

    def entry(self, *parts: str) -> Path:
        """Where the staged file for these inputs lives (it may not exist yet)."""
        key = hashlib.sha256("\x1f".join((builder_digest(), *parts)).encode()).hexdigest()
        path = self.folder / f"document-{key[:32]}.sqlite"
        self.used.add(path)
        self.folder.mkdir(parents=True, exist_ok=True)
        return path

    def package_blocks(self) -> Path:
        """Where the last package's deflated blocks are kept (archive.BlockCache)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        return self.keep(self.folder / "package-blocks.bin")

    def keep(self, path: Path) -> Path:
        """Mark a file of the folder as used, so that `prune` keeps it."""
        self.used.add(path)
        return path

    def prune(self) -> None:
        if self.folder.is_dir():
            for path in self.folder.iterdir():
                if path not in self.used and path.is_file():
                    path.unlink(missing_ok=True)
