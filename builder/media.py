"""Images in sources: embedded in the package under a content-hash name, and confined.

`![alt](figures/liver.png)` in a source makes the card show that image. The file must sit inside
the source's folder (no `..`, no absolute path, no symlink leading out), be a regular file, and
its bytes must be an image of a type Anki displays (PNG, JPEG, GIF, WebP, BMP, AVIF) no larger
than `MAX_IMAGE_PIXELS` once decoded; SVG is refused (it can hold scripts). It is stored as
`db-<sha256>.<ext>`, the extension its bytes call for, so the same image is stored once and a
changed image gets a new name (Anki never shows a stale cached copy). A remote image (`https://`)
would be fetched by every student's Anki at every review, telling its server who studies when: it
is refused unless the manifest says `remote_images = true`. A zero-config build (no manifest to
set anything in, a document someone else wrote) leaves such an image off its card with a warning
instead, and keeps the card.
"""

from __future__ import annotations

import hashlib
import html
import os
import re
import stat
from pathlib import Path
from typing import Literal
from urllib.parse import unquote

from .errors import SourceError
from .notes import DELETION, WORD_JOINER

IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".bmp", ".avif"}
MAX_IMAGE_BYTES = 20 * 1024 * 1024
MAX_IMAGE_SIDE = 10_000
"""Widest or tallest image, in pixels."""
MAX_IMAGE_PIXELS = 40_000_000
"""Most pixels an image may decode to (160 MB at 4 bytes a pixel): a phone would run out."""
_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.IGNORECASE)
_IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)
_IMG_WHOLE = re.compile(r"<img\b[^>]*>", re.IGNORECASE)


def as_written(src: str) -> str:
    """An image source as its document wrote it: a cloze mark or an escaping word joiner that
    a rule's deletion put around or inside it (an `<img>` in a hidden table cell) is no part of
    the file's name, and a warning naming the image must not show one."""
    if "{{" in src or WORD_JOINER in src:
        src = DELETION.sub(r"\1", src).replace(WORD_JOINER, "")
    return src


def embed_images(
    field: str,
    source_dir: Path,
    source_path: str,
    line: int,
    media: dict[str, bytes],
    used: list[str] | None = None,
    remote: bool = False,
    left_off: list[str] | None = None,
) -> str:
    """Replace each local image's src with its package name, adding its bytes to `media`
    (and its path to `used`, so a rebuild notices when the image changes). A remote image is
    refused unless `remote` (the manifest's `remote_images`). With `left_off` (zero-config), an
    image that would be refused is taken off the field instead, the reason added to the list."""
    if "<" not in field or _IMG_TAG.search(field) is None:  # no image (most fields)
        return field
    if left_off is not None:

        def settle(match: re.Match[str]) -> str:
            try:
                return embed_images(
                    match.group(0), source_dir, source_path, line, media, used, remote
                )
            except SourceError as error:
                left_off.append(error.message)
                return ""

        return _IMG_WHOLE.sub(settle, field)

    def replace(match: re.Match[str]) -> str:
        src = as_written(html.unescape(match.group(2)))
        if not src:
            return match.group(0)
        if re.match(r"^[a-z][a-z0-9+.-]*:", src, re.IGNORECASE):
            if remote:
                return match.group(0)
            raise SourceError(
                f"image {src[:80]!r} is on another server, which every student's Anki would "
                "ask for it at every review; save it next to the document, or set "
                "`remote_images = true` in the manifest",
                source_path,
                line,
            )
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
    try:
        resolved = path.resolve()
    except (OSError, RuntimeError) as exc:  # a symlink loop
        raise SourceError(f"image {src!r} is a symlink loop", source_path, line) from exc
    if not resolved.is_relative_to(root):
        raise SourceError(
            f"image {src!r} links outside the source's folder; copy the file in instead",
            source_path,
            line,
        )
    suffix = resolved.suffix.lower()
    if suffix == ".svg":
        raise SourceError(
            f"image {src!r} is an SVG, which can carry scripts into every student's Anki; "
            "export it as PNG",
            source_path,
            line,
        )
    if suffix not in IMAGE_TYPES:
        raise SourceError(
            f"image {src!r} is not a type Anki displays ({', '.join(sorted(IMAGE_TYPES))})",
            source_path,
            line,
        )
    data = _read_image(resolved, src, source_path, line)
    kind, size = image_kind(data)
    if kind is None:
        raise SourceError(
            f"image {src!r} is not a {suffix[1:].upper()} image (its bytes are not any image "
            "type Anki displays); export it again as PNG or JPEG",
            source_path,
            line,
        )
    if size is None or not _fits(size):
        shown = f"{size[0]}x{size[1]} pixels" if size else "of a size it does not say"
        raise SourceError(
            f"image {src!r} is {shown}; the limit is {MAX_IMAGE_SIDE} pixels a side and "
            f"{MAX_IMAGE_PIXELS // 1_000_000} million in all: shrink it",
            source_path,
            line,
        )
    name = f"db-{hashlib.sha256(data).hexdigest()[:20]}.{kind}"
    media[name] = data
    return name


def _fits(size: tuple[int, int]) -> bool:
    width, height = size
    return (
        0 < width <= MAX_IMAGE_SIDE
        and 0 < height <= MAX_IMAGE_SIDE
        and (width * height <= MAX_IMAGE_PIXELS)
    )


def _read_image(path: Path, src: str, source_path: str, line: int) -> bytes:
    """The file's bytes; a folder, a pipe or a device is refused before it is opened (opening
    a pipe waits for a writer forever)."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(
                f"image {src!r} is not a regular file (a folder, pipe or device)",
                source_path,
                line,
            )
        if info.st_size > MAX_IMAGE_BYTES:
            limit = f"{MAX_IMAGE_BYTES // (1024 * 1024)} MB"
            raise SourceError(f"image {src!r} is larger than {limit}; shrink it", source_path, line)
        with open(path, "rb") as handle:
            return handle.read(MAX_IMAGE_BYTES + 1)[:MAX_IMAGE_BYTES]
    except FileNotFoundError as exc:
        raise SourceError(f"image {src!r} not found", source_path, line) from exc
    except OSError as exc:
        message = f"image {src!r} cannot be read: {exc.strerror}"
        raise SourceError(message, source_path, line) from exc


def image_kind(data: bytes) -> tuple[str | None, tuple[int, int] | None]:
    """The image type its bytes show (the package extension) and its size in pixels, read
    from the header; (None, None) for bytes that are no image type we embed."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        ok = len(data) >= 24 and data[12:16] == b"IHDR"
        return "png", _pair(data, 16, 4, "big") if ok else None
    if data[:6] in (b"GIF87a", b"GIF89a"):
        return "gif", _pair(data, 6, 2, "little")
    if data.startswith(b"\xff\xd8\xff"):
        return "jpg", _jpeg_size(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "webp", _webp_size(data)
    if data[:2] == b"BM" and len(data) >= 26:
        width, height = _pair(data, 18, 4, "little", signed=True) or (0, 0)
        return "bmp", (abs(width), abs(height))
    if data[4:8] == b"ftyp" and data[8:12] in (b"avif", b"avis"):
        found = data.find(b"ispe")
        return "avif", _pair(data, found + 8, 4, "big") if found > 0 else None
    return None, None


def _pair(
    data: bytes, offset: int, width: int, order: Literal["big", "little"], signed: bool = False
) -> tuple[int, int] | None:
    """Two integers of `width` bytes at `offset` (an image's width and height)."""
    end = offset + 2 * width
    if offset < 0 or len(data) < end:
        return None
    first = int.from_bytes(data[offset : offset + width], order, signed=signed)
    second = int.from_bytes(data[offset + width : end], order, signed=signed)
    return first, second


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    """The size in a JPEG's start-of-frame segment, found by walking its segments."""
    position = 2
    while position + 9 < len(data):
        if data[position] != 0xFF:
            return None
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
            height = int.from_bytes(data[position + 5 : position + 7], "big")
            width = int.from_bytes(data[position + 7 : position + 9], "big")
            return width, height
        if length < 2:
            return None
        position += 2 + length
    return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X" and len(data) >= 30:
        width = int.from_bytes(data[24:27], "little") + 1
        return width, int.from_bytes(data[27:30], "little") + 1
    if chunk == b"VP8L" and len(data) >= 25:
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 " and len(data) >= 30:
        width = int.from_bytes(data[26:28], "little") & 0x3FFF
        return width, int.from_bytes(data[28:30], "little") & 0x3FFF
    return None
