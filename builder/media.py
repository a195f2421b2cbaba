"""Images in sources: embedded in the package under a content-hash name, and confined.

`![alt](figures/liver.png)` in a source makes the card show that image. The file must sit inside
the source's folder (no `..`, no absolute path, no symlink leading out) and be a type Anki
displays; it is stored as `db-<sha256>.<ext>` so the same image is stored once and a changed image
gets a new name (Anki never shows a stale cached copy).
"""

from __future__ import annotations

import hashlib
import html
import re
from pathlib import Path
from urllib.parse import unquote

from .errors import SourceError

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif"}
MAX_IMAGE_BYTES = 20 * 1024 * 1024
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.IGNORECASE)
_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)


def embed_images(
    field: str,
    source_dir: Path,
    source_path: str,
    line: int,
    media: dict[str, bytes],
    used: list[str] | None = None,
) -> str:
    """Replace each local image's src with its package name, adding its bytes to `media`
    (and its path to `used`, so a rebuild notices when the image changes)."""
    if "<" not in field or _IMG_TAG.search(field) is None:  # no image (most fields)
        return field

    def replace(match: re.Match[str]) -> str:
        src = html.unescape(match.group(2))
        if not src or re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE):
            return match.group(0)  # remote http(s) images are left to the sanitiser
        name = _embed(src, source_dir, source_path, line, media)
        if used is not None:
            used.append(str((source_dir / unquote(src)).resolve()))
        return match.group(1) + html.escape(name) + match.group(3)

    return _IMG_SRC.sub(replace, field)


def _embed(src: str, source_dir: Path, source_path: str, line: int, media: dict[str, bytes]) -> str:
    relative = Path(unquote(src))
    if relative.is_absolute() or ".." in relative.parts:
        raise SourceError(
            f"image {src!r} is outside the source's folder; put it next to the document",
            source_path,
            line,
        )
    root = source_dir.resolve()
    path = source_dir / relative
    resolved = path.resolve()
    if not resolved.is_relative_to(root):
        raise SourceError(
            f"image {src!r} links outside the source's folder; copy the file in instead",
            source_path,
            line,
        )
    suffix = resolved.suffix.lower()
    if suffix not in IMAGE_TYPES:
        raise SourceError(
            f"image {src!r} is not a type Anki displays ({', '.join(sorted(IMAGE_TYPES))})",
            source_path,
            line,
        )
    try:
        if resolved.stat().st_size > MAX_IMAGE_BYTES:
            raise SourceError(f"image {src!r} is larger than 20 MB; shrink it", source_path, line)
        data = resolved.read_bytes()
    except FileNotFoundError as exc:
        raise SourceError(f"image {src!r} not found", source_path, line) from exc
    except OSError as exc:
        message = f"image {src!r} cannot be read: {exc.strerror}"
        raise SourceError(message, source_path, line) from exc
    name = f"db-{hashlib.sha256(data).hexdigest()[:20]}{'.jpg' if suffix == '.jpeg' else suffix}"
    media[name] = data
    return name
