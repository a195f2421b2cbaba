"""Word files (.docx): mammoth's HTML, then the same Markdown writer as web pages.

mammoth maps Word's paragraph styles to HTML (Heading 1-6 to `<h1>`-`<h6>`, list paragraphs to
nested `<ul>`/`<ol>`, tables, bold and italics, images). A Word file is all content, so no main
content is searched for: trafilatura would drop a short handout's headings and lists (measured:
docs/import.md). The document's title is its Title-style paragraph, else the title in its
properties, else the file's name.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from ..errors import SourceError
from .markdown import Block, ImageSink, html_blocks, megabytes

#: A .docx larger than this (compressed, or unpacked) is refused.
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_UNPACKED_BYTES = 200 * 1024 * 1024

_STYLE_MAP = """
p[style-name='Title'] => h1.title:fresh
p[style-name='Subtitle'] => p:fresh
p[style-name='Quote'] => blockquote > p:fresh
p[style-name='Intense Quote'] => blockquote > p:fresh
"""


@dataclass
class WordDocument:
    """What a Word file gives the importer."""

    #: The title, or None when the document's one Heading 1 is its title.
    title: str | None
    source: str
    blocks: list[Block]


class WordImages(ImageSink):
    """Images of a Word file: named `image1.png`, ... and handed to `save(name, bytes)`."""

    def __init__(self, save: Any) -> None:
        super().__init__()
        self.save = save
        self.count = 0
        self.placed: set[str] = set()

    def mammoth_image(self, image: Any) -> dict[str, str]:
        self.count += 1
        subtype = (image.content_type or "image/png").partition("/")[2].lower()
        ext = {"jpeg": "jpg", "svg+xml": "svg", "x-emf": "emf", "x-wmf": "wmf"}.get(
            subtype, subtype or "png"
        )
        with image.open() as stream:
            data = stream.read()
        src = self.save(f"image{self.count}.{ext}", data)
        if src:
            self.placed.add(src)
        return {"src": src or "", "alt": image.alt_text or ""}

    def place(self, src: str, alt: str) -> str:
        from .markdown import escape

        if src in self.placed:
            return f"![{escape(alt)}]({src.replace(' ', '%20')})"
        return super().place(src, alt)


def check_docx(path: Path, data: bytes) -> zipfile.ZipFile:
    """The .docx as an open zip, or a one-line error for what is not a Word file."""
    import io

    if not data.startswith(b"PK"):
        hint = (
            "an old Word .doc or a password-protected file? "
            if data.startswith(b"\xd0\xcf\x11\xe0")
            else ""
        )
        raise SourceError(
            f"not a .docx file (a .docx is a zip archive): {hint}open it in Word or "
            "LibreOffice and save it as 'Word Document (.docx)'",
            path,
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
        unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise SourceError(
            f"the .docx is damaged ({exc}); open it in Word or LibreOffice and save it again",
            path,
        ) from exc
    if "word/document.xml" not in names:
        raise SourceError(
            "is a zip archive but not a Word document (no word/document.xml); "
            "save it from Word as 'Word Document (.docx)'",
            path,
        )
    if unpacked > MAX_UNPACKED_BYTES:
        raise SourceError(
            f"the .docx unpacks to {megabytes(unpacked)}; the limit is "
            f"{megabytes(MAX_UNPACKED_BYTES)}: split it or shrink its images",
            path,
        )
    return archive


def read_word(path: Path, data: bytes, images: WordImages) -> WordDocument:
    """The Word file at `path` (its bytes `data`) as the importer's blocks and title."""
    import io

    import lxml.html
    import mammoth

    archive = check_docx(path, data)
    try:
        result = mammoth.convert_to_html(
            io.BytesIO(data),
            style_map=_STYLE_MAP,
            convert_image=mammoth.images.img_element(images.mammoth_image),
        )
    except Exception as exc:  # mammoth failing on a file is a file it cannot read
        raise SourceError(
            f"the .docx cannot be converted ({type(exc).__name__}: {exc}); open it in Word "
            "or LibreOffice and save it again",
            path,
        ) from exc
    html = result.value
    if not re.sub(r"<[^>]*>|\s", "", html):
        raise SourceError("the Word document has no text", path)
    body = lxml.html.fragment_fromstring(html, create_parent="body")
    title = ""
    marked = body.xpath("//h1[@class='title']")
    if marked:
        title = re.sub(r"\s+", " ", marked[0].text_content()).strip()
        marked[0].drop_tree()
    blocks = html_blocks(body, images)
    if not title and sum(1 for b in blocks if b.kind == "heading" and b.level == 1) != 1:
        title = _core_title(archive) or _title_from_name(path)
    # No title yet: the document's one Heading 1 is its title (import_markdown.shape_headings).
    return WordDocument(title=title or None, source=path.name, blocks=blocks)


def _core_title(archive: zipfile.ZipFile) -> str:
    """The title in the document's properties (File > Properties), if set."""
    try:
        root = ElementTree.fromstring(archive.read("docProps/core.xml"))
    except (KeyError, ElementTree.ParseError):
        return ""
    element = root.find("{http://purl.org/dc/elements/1.1/}title")
    text = element.text if element is not None else None
    return re.sub(r"\s+", " ", text or "").strip()


def _title_from_name(path: Path) -> str:
    words = re.sub(r"[-_]+", " ", path.stem).strip()
    return words[:1].upper() + words[1:]
