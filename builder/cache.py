"""The work a rebuild can skip: a whole build whose inputs did not change.

A build records a digest of everything its output depends on (the builder's own code, the
manifest, every source, the lock, the images used, the options) beside the package. A rebuild with
the same digest and the package still in place is skipped.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from .files import write_atomic
from .version import __version__


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
