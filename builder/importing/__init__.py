"""`deckbuilder import`: a saved web page or a Word file -> a source document (Markdown).

    import_file(path, output) -> Imported      read, extract, shape, flag (writes nothing)
    write_imported(imported, output, force)    the document and its images, atomically

Web pages go through trafilatura (import_web.py), Word files through mammoth (import_word.py);
both are then written by import_markdown.py in the shapes the rules read, with front matter
crediting the source, and checked for advertising left in the text (import_warnings.py). Every
bad input is a one-line `SourceError` (exit status 2) raised before anything is written.
docs/import.md describes what is kept and dropped.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal
from urllib.parse import unquote, urlsplit

from ..errors import ExportError, InputError, SourceError
from ..files import write_atomic
from .adverts import Flag, find_advertising
from .markdown import (
    Block,
    ImageSink,
    escape,
    megabytes,
    render,
    shape_faq,
    shape_headings,
)

#: Image types Anki shows (the same list as the build's).
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp", ".bmp", ".avif"}
MAX_IMAGE_BYTES = 20 * 1024 * 1024

WEB_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}

_ADVICE = {
    ".pdf": "PDF is not imported (headings and tables do not survive; docs/import.md): open "
    "it in Word or LibreOffice and save it as .docx, or export the original as HTML, then "
    "import that",
    ".doc": "old Word format: open it in Word or LibreOffice and save it as 'Word Document "
    "(.docx)', then import that",
    ".mht": "a web archive: open it in the browser and save it as 'Web page, complete' (.html)",
    ".mhtml": "a web archive: open it in the browser and save it as 'Web page, complete' (.html)",
    ".md": "already Markdown: use it as a source directly (deckbuilder cards FILE)",
    ".markdown": "already Markdown: use it as a source directly (deckbuilder cards FILE)",
    ".odt": "OpenDocument text: save it as 'Word Document (.docx)' in LibreOffice, then import "
    "that",
    ".rtf": "rich text: save it as 'Word Document (.docx)', then import that",
}


@dataclass
class PendingImage:
    """An image to write beside the document: its name in the images folder and its bytes."""

    name: str
    data: bytes


@dataclass
class Imported:
    """An imported document, not yet written."""

    #: The source document: front matter and Markdown body.
    markdown: str
    kind: Literal["web page", "Word document"]
    title: str
    #: Lines that look like advertising (line numbers in `markdown`).
    flags: list[Flag]
    #: Images to write into `images_dir` (relative to the document's folder).
    images: list[PendingImage] = field(default_factory=list)
    images_dir: str = ""
    #: Remote images, kept as links.
    remote_images: list[str] = field(default_factory=list)
    #: Images of the page that were not found or are not a type Anki shows.
    missing_images: list[str] = field(default_factory=list)
    #: Local images left out because there is no folder to copy them to (--stdout).
    skipped_images: int = 0


class _Images(ImageSink):
    """Images of the imported document, to be written into `folder` beside it (None: not
    copied, as with --stdout)."""

    def __init__(self, page_dir: Path, folder: str | None) -> None:
        super().__init__()
        self.page_dir = page_dir
        self.folder = folder
        self.pending: list[PendingImage] = []
        self.missing: list[str] = []
        self.skipped = 0
        self._names: dict[str, str] = {}  # content hash -> name

    def save(self, name: str, data: bytes) -> str:
        """Queue `data` under `name` (made unique); return the Markdown path to it."""
        if self.folder is None:
            self.skipped += 1
            return ""
        digest = hashlib.sha256(data).hexdigest()
        if digest in self._names:
            return f"{self.folder}/{self._names[digest]}"
        stem, dot, suffix = _safe_name(name).rpartition(".")
        base, candidate, counter = stem or "image", _safe_name(name), 2
        taken = set(self._names.values())
        while candidate in taken:
            candidate, counter = f"{base}-{counter}{dot}{suffix}", counter + 1
        self._names[digest] = candidate
        self.pending.append(PendingImage(candidate, data))
        return f"{self.folder}/{candidate}"

    def place(self, src: str, alt: str) -> str:
        src = src.strip()
        if not src:
            return ""
        if re.match(r"^https?://", src, re.IGNORECASE):
            return super().place(src, alt)
        target = self._local(src)
        if not target:
            return ""
        return f"![{escape(alt)}]({target.replace(' ', '%20')})"

    def _skip(self) -> str:
        self.skipped += 1
        return ""

    def _local(self, src: str) -> str:
        if self.folder is None:
            return self._skip()
        relative = Path(unquote(urlsplit(src).path))
        path = (self.page_dir / relative).resolve()
        if (
            relative.is_absolute()
            or not path.is_relative_to(self.page_dir.resolve())
            or path.suffix.lower() not in IMAGE_TYPES
            or not path.is_file()
            or path.stat().st_size > MAX_IMAGE_BYTES
        ):
            self.missing.append(src)
            return ""
        return self.save(path.name, path.read_bytes())


def _safe_name(name: str) -> str:
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", unquote(name)).strip(".-")
    return name or "image"


def kind_of(path: Path, data: bytes) -> Literal["web page", "Word document"]:
    """Which importer reads `path`, from its name and its first bytes."""
    from .web import looks_like_html

    suffix = path.suffix.lower()
    if suffix in _ADVICE:
        raise SourceError(_ADVICE[suffix], path)
    if suffix == ".docx":
        return "Word document"
    if suffix in WEB_SUFFIXES:
        if data.startswith((b"PK", b"%PDF", b"\xd0\xcf\x11\xe0")) or not looks_like_html(data):
            raise SourceError(
                "is named like a web page but is not HTML; save the page again from the "
                "browser ('Save as… Web page, complete')",
                path,
            )
        return "web page"
    if data.startswith(b"%PDF"):
        raise SourceError(_ADVICE[".pdf"], path)
    if data.startswith(b"PK"):
        return "Word document"
    if looks_like_html(data):
        return "web page"
    raise SourceError(
        "not a web page (.html) or a Word file (.docx): save the page from the browser "
        "('Save as… Web page, complete') or the document as .docx, then import that",
        path,
    )


def import_file(path: Path, output: Path | None = None) -> Imported:
    """Read `path` (a saved web page or a .docx) into a source document. `output` is where it
    will be written: its images go into a folder beside it; without one (--stdout) local
    images are left out."""
    from .web import MAX_PAGE_BYTES, read_web_page
    from .word import MAX_DOCX_BYTES, WordImages, read_word

    data = _read(path)
    kind = kind_of(path, data)
    limit = MAX_PAGE_BYTES if kind == "web page" else MAX_DOCX_BYTES
    if len(data) > limit:
        raise SourceError(
            f"the {kind} is {megabytes(len(data))}; the limit is "
            f"{megabytes(limit)}: save only the article (the browser's reader view, "
            "or copy it into a Word file) and import that",
            path,
        )
    folder = f"{output.stem}-images" if output is not None else None
    images = _Images(path.parent, folder)
    brands: list[str] = []
    with _quiet_libraries():
        if kind == "web page":
            page = read_web_page(path, data, images)
            title, blocks = shape_headings(page.blocks, page.title)
            html_images = ImageSink()  # FAQPage answers: remote images only

            def answer_blocks(html: str) -> list[Block]:
                return _answer_blocks(html, html_images)

            blocks = shape_faq(blocks, page.questions, page.faq, answer_blocks)
            meta = {"title": title, "source": page.source, "publisher": page.publisher,
                    "date": page.date}  # fmt: skip
            brands = page.brands
        else:
            word_images = WordImages(images.save)
            word = read_word(path, data, word_images)
            title, blocks = shape_headings(word.blocks, word.title)
            blocks = shape_faq(blocks, [], [], lambda html: [])
            meta = {"title": title, "source": word.source, "publisher": None, "date": None}
    if not any(block.kind != "heading" for block in blocks):
        raise SourceError(
            f"the {kind} has headings but no text to make cards from; check that it is the "
            "article itself, not an index page",
            path,
        )
    body = render(title, blocks)
    markdown = _front_matter(meta, path, kind) + "\n" + body
    return Imported(
        markdown=markdown,
        kind=kind,
        title=title,
        flags=find_advertising(markdown, brands),
        images=images.pending,
        images_dir=folder or "",
        remote_images=images.remote,
        missing_images=images.missing,
        skipped_images=images.skipped,
    )


def _answer_blocks(html: str, images: ImageSink) -> list[Block]:
    import lxml.html
    from lxml import etree

    from .markdown import html_blocks

    if "<" not in html:
        html = f"<p>{_escape_html(html)}</p>"
    try:
        element = lxml.html.fragment_fromstring(html, create_parent="div")
    except (etree.ParserError, ValueError):  # a broken answer is left out
        return []
    return html_blocks(element, images)


def _escape_html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _read(path: Path) -> bytes:
    if not path.exists():
        raise SourceError("file not found; check the path", path)
    if path.is_dir():
        raise SourceError(
            "is a folder; name the saved page (.html) or the Word file (.docx) itself", path
        )
    try:
        size = path.stat().st_size
        if size > 100 * 1024 * 1024:
            raise SourceError(
                f"the file is {megabytes(size)}, far larger than any article; "
                "save only the article and import that",
                path,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read the file: {exc.strerror}", path) from exc
    if not data.strip():
        raise SourceError("the file is empty; save the page or document again", path)
    return data


@contextmanager
def _quiet_libraries() -> Iterator[None]:
    """trafilatura and its helpers log to the root logger ("discarding data: None"); the
    import reports its own one-line errors instead."""
    loggers = [logging.getLogger(name) for name in ("trafilatura", "htmldate", "courlan")]
    saved = [(log.level, log.propagate) for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL + 1)
        log.propagate = False
    try:
        yield
    finally:
        for log, (level, propagate) in zip(loggers, saved, strict=True):
            log.setLevel(level)
            log.propagate = propagate


def _front_matter(meta: dict[str, str | None], path: Path, kind: str) -> str:
    import yaml

    values = {key: value for key, value in meta.items() if value}
    text = yaml.safe_dump(values, sort_keys=False, allow_unicode=True, width=1_000_000)
    return (
        "---\n"
        + text
        + f"# Imported from {path.name} ({kind}) by `deckbuilder import`: check the headings,\n"
        "# tables and FAQ against the original, and cut what it flagged as advertising.\n"
        "---\n"
    )


def write_imported(imported: Imported, output: Path, force: bool = False) -> list[Path]:
    """Write the document to `output` and its images into the folder beside it; nothing is
    replaced without `force`. Returns the files written, the document last."""
    if output.suffix.lower() not in (".md", ".markdown"):
        raise InputError(
            "the output is a Markdown source document: name it NAME.md (e.g. -o source/NAME.md)",
            output,
        )
    if output.is_dir():
        raise InputError("is a folder; name the document to write, e.g. -o source/NAME.md", output)
    if output.exists() and not force:
        raise InputError("already exists; pass --force to replace it, or choose another -o",
                         output)  # fmt: skip
    folder = output.parent / imported.images_dir if imported.images else None
    if folder is not None and not force:
        for image in imported.images:
            target = folder / image.name
            if target.exists() and target.read_bytes() != image.data:
                raise InputError(
                    "an image of that name already exists; pass --force to replace it", target
                )
    written: list[Path] = []
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        if folder is not None:
            folder.mkdir(exist_ok=True)
            for image in imported.images:
                target = folder / image.name
                write_atomic(target, image.data)
                written.append(target)
        write_atomic(output, imported.markdown)
    except OSError as exc:
        raise ExportError(f"cannot write: {exc.strerror}", exc.filename or output) from exc
    written.append(output)
    return written
