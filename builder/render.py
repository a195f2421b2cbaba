"""Markdown -> HTML for note fields, always through an allow-list sanitiser.

Anki runs whatever HTML and JavaScript a card holds, and decks travel to thousands of students, so
no field leaves the builder without nh3 (an allow-list sanitiser built on the html5ever parser;
safer than any hand-written filter).

Anki also reads its own syntax in whatever a field holds: `[sound:...]` and `[anki:tts]...` play
sounds, `[latex]...[/latex]` and `[$]...[/$]` run LaTeX, `\\(...\\)` and `\\[...\\]` run MathJax,
`{{c1::...}}` makes cards. Text never forms any of it: `neutralise` puts an invisible word joiner
inside each such sequence (the card shows the same characters), and only the cloze markers a
rule made (notes.deletion) stay, and the author's math (`dialects.hold_math`: safe TeX in
`\\(...\\)`, `\\[...\\]`, kept out of Markdown and put back as MathJax).
`check_clozes` then parses each Cloze note's Text as Anki does and refuses one that would give a
broken card.
"""

from __future__ import annotations

import html
import re
import string
from functools import lru_cache
from pathlib import Path
from typing import Any

from .dialects import closed_bold, hold_math, put_math
from .errors import SourceError
from .media import embed_images
from .notes import FIELDS, MAX_FIELD_CHARS, WORD_JOINER, Note
from .text import source_path

MAX_CLOZES = 99
"""Most deletions one Cloze note may make: its cards take the ids just after the note's own
(lock.ID_STEP apart)."""

ALLOWED_TAGS = {
    "a", "b", "blockquote", "br", "code", "div", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "i", "img", "li", "ol", "p", "pre", "s", "span", "strong", "sub", "sup", "table", "tbody",
    "td", "th", "thead", "tr", "u", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title"},
    "td": {"colspan", "rowspan"},
    "th": {"colspan", "rowspan"},
    "ol": {"start"},
    "span": {"class"},
    "div": {"class"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@lru_cache(maxsize=1)
def _markdown() -> Any:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"html": True, "breaks": False}).enable("table")


def sanitise(html: str) -> str:
    """Keep only the allow-listed tags, attributes and URL schemes; drop script/style content."""
    import nh3

    return str(
        nh3.clean(
            html,
            tags=ALLOWED_TAGS,
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            link_rel="noopener noreferrer",
            strip_comments=True,
        )
    ).strip()


_NOT_PLAIN = re.compile(r"[^\w .,;:'\"?()%/+=#${}|~\-–—’‘“”°]|_")
"""A character that could be Markdown, HTML or unusual whitespace: text without one renders as
itself (letters, digits, spaces and common punctuation)."""


_PLAIN_ASCII = (string.ascii_letters + string.digits + " .,;:'\"?()%/+=#${}|~-").encode()
"""The ASCII characters `_NOT_PLAIN` lets through (ASCII `\\w` is letters, digits and `_`)."""


def _is_plain(text: str) -> bool:
    if text.isascii():  # most text: deleting the plain bytes is ten times faster than the regex
        return not text.encode("ascii").translate(None, _PLAIN_ASCII)
    return _NOT_PLAIN.search(text) is None


def to_html(markdown: str) -> str:
    """A field's Markdown as safe HTML: one line renders inline, several lines as blocks."""
    text = markdown.strip()
    if not text:
        return ""
    if _is_plain(text):
        # Plain text (most fields): what markdown-it and nh3 would give, without parsing it.
        return text
    simple = _simple_blocks(text)
    if simple is not None:
        return simple
    text = closed_bold(text)
    html = _markdown().render(text) if "\n" in text else _markdown().renderInline(text)
    return sanitise(html)


_STARTS_BLOCK = re.compile(r"\d+[.)]( |$)")


def _plain_line(line: str) -> bool:
    """Text that stays one plain paragraph: starts with a letter, a digit or `{` (a cloze: no
    block starts with it), opens no list."""
    return (
        bool(line)
        and (line[0].isalnum() or line[0] == "{")
        and line == line.strip()
        and _is_plain(line)
        and not _STARTS_BLOCK.match(line)
    )


def _plain_lines(lines: list[str]) -> bool:
    """`_plain_line` of every line, with the characters of all of them checked at once (a
    table cell's points are many short lines). Plain text holds no white space but spaces, so
    a line that starts with a letter and does not end in a space is already stripped; only a
    line starting with a digit (`str.isdigit` holds for every `\\d`) can open a list."""
    return _is_plain("".join(lines)) and all(
        line
        and (line[0].isalnum() or line[0] == "{")
        and line[-1] != " "
        and not (line[0].isdigit() and _STARTS_BLOCK.match(line))
        for line in lines
    )


_NUMBERED = re.compile(r"(\d{1,3})\. (.+)")


def _simple_blocks(text: str) -> str | None:
    """Plain paragraphs and flat lists of plain items (a table cell's points, a cloze list),
    rendered as markdown-it and nh3 would; None for anything else."""
    html: list[str] = []
    previous = ""
    for block in text.split("\n\n"):
        if "\n" not in block and _plain_line(block):
            html.append(f"<p>{block}</p>")
            previous = "p"
            continue
        listed = _list_items(block)
        if listed is None:
            return None
        tag, items = listed
        if tag == previous or not _plain_lines(items):
            return None  # two lists in a row make one "loose" list: leave that to markdown-it
        previous = tag
        html.append(f"<{tag}>\n<li>" + "</li>\n<li>".join(items) + f"</li>\n</{tag}>")
    return "\n".join(html)


def _list_items(block: str) -> tuple[str, list[str]] | None:
    """The tag and item texts of a block whose lines are all `- ` items or all items numbered
    from 1; None for any other block. A `- ` item's text holds a line break when a line is not an
    item: `_plain_lines` refuses that."""
    if block.startswith("- "):
        return "ul", block[2:].split("\n- ")
    lines = block.split("\n")
    numbers = [_NUMBERED.fullmatch(line) for line in lines]
    counted = [int(match.group(1)) for match in numbers if match]
    if not all(numbers) or counted != list(range(1, len(lines) + 1)):
        return None
    return "ol", [match.group(2) for match in numbers if match]


def removed_markup(markdown: str) -> list[str]:
    """What sanitising drops from a field's raw HTML, described for a warning."""
    text = markdown.strip()
    if "<" not in text:
        return []
    from html.parser import HTMLParser  # here, not above: an import costs even when done before

    found: list[str] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag not in ALLOWED_TAGS:
                found.append(f"<{tag}>")
                return
            allowed = ALLOWED_ATTRIBUTES.get(tag, set())
            for name, value in attrs:
                if name not in allowed:
                    found.append(f"{name}= on <{tag}>")
                elif name in ("href", "src") and value and ":" in value.split("/")[0]:
                    scheme = value.split(":", 1)[0].strip().lower()
                    if scheme not in URL_SCHEMES:
                        found.append(f"{scheme}: URL on <{tag}>")

    Collector().feed(_markdown().render(text))
    return list(dict.fromkeys(found))


class Renderer:
    """Renders notes' fields to HTML, by name, collecting warnings and the images embedded."""

    def __init__(
        self, folder: Path, source_path: str, remote_images: bool = False, settle: bool = False
    ):
        self.folder = folder
        """The document's folder: images are found from it."""
        self.source_path = source_path
        self.remote_images = remote_images
        """Whether images on other servers may stay (the manifest's `remote_images`)."""
        self.settle = settle
        """Zero-config: an image a manifest's deck would refuse is left off its card, with a
        warning (no manifest to fix it in; see `media.embed_images`)."""
        self.media: dict[str, bytes] = {}
        """Embedded images: package file name -> bytes."""
        self.images: list[str] = []
        """The image files embedded, so a rebuild notices when one changes."""
        self.warnings: list[str] = []

    def fields(self, note: Note) -> dict[str, str]:
        """The note's fields by name, in its note type's order (notes.FIELDS)."""
        if "<" in note.front or "<" in note.back:  # raw HTML (rare): say what sanitising drops
            for part in (note.front, note.back):
                for removed in removed_markup(part):
                    self.warnings.append(
                        f"{note.source.path}:{note.source.line}: warning: removed {removed} "
                        "(not allowed on cards)"
                    )
        front, back = note.front, note.back
        if len(front) > MAX_FIELD_CHARS or len(back) > MAX_FIELD_CHARS:
            raise SourceError(
                f"a card's side would hold {max(len(front), len(back)):,} characters; the limit "
                f"is {MAX_FIELD_CHARS:,}: split the text into shorter parts",
                note.source.path,
                note.source.line,
            )
        cloze = note.note_type == "cloze"
        (front, front_math), (back, back_math) = hold_math(front), hold_math(back)
        front, back = to_html(front), to_html(back)
        if "<" in front or "<" in back:  # an image is a tag: most fields hold none
            # Only the Markdown fields can show an image: the other two are escaped text.
            where = (self.folder, self.source_path, note.source.line, self.media, self.images)
            left_off: list[str] | None = [] if self.settle else None
            had = bool(front), bool(back)
            front = embed_images(front, *where, self.remote_images, left_off)
            back = embed_images(back, *where, self.remote_images, left_off)
            sides = list(zip(had, (front, back), strict=True))
            if cloze:  # a cloze's Extra may be blank: only its text must show something
                sides = sides[:1]
            if left_off and any(there and not _shows_anything(side) for there, side in sides):
                raise SourceError(  # left out whole (build.rendered_notes): a blank side
                    f"a side of this card was only an image, and {left_off[0]}",
                    note.source.path,
                    note.source.line,
                )
            self.warnings += [
                f"{self.source_path}:{note.source.line}: warning: {reason} (left off the card)"
                for reason in dict.fromkeys(left_off or ())
            ]
        front = put_math(neutralise(front, keep_clozes=cloze), front_math)  # math: MathJax's
        back = put_math(neutralise(back), back_math)
        if cloze:
            check_clozes(front, note)
        first, second, third, fourth = FIELDS[note.note_type]
        context = _escaped(note.context)
        source = _source_field(note.source.document, note.source.section)
        return {first: front, second: back, third: context, fourth: source}


def _shows_anything(html: str) -> bool:
    """Whether a rendered side shows text or an image (not only empty tags)."""
    return "<img" in html or bool(_TAG.sub("", html).strip())


_ANKI_SYNTAX = re.compile(
    r"(\[)(?=/?(?:sound:|anki:|latex\]|\$\$?\]))|(\\)(?=[()\[\]])|([{}])(?=\3)", re.IGNORECASE
)
_CLOZE_MARK = re.compile(r"{{c\d+::|}}")


def neutralise(html: str, keep_clozes: bool = False) -> str:
    """`html` with no Anki syntax left in it (sound, TTS, LaTeX, MathJax, template or cloze
    braces): a word joiner after the sequence's first character. With `keep_clozes`, the cloze
    markers rules made stay: text inside them was made `notes.literal` already."""
    if "[" not in html and "\\" not in html:
        if "{{" not in html and "}}" not in html:
            return html  # most fields
        if keep_clozes and html.count("{{") == html.count("}}") == html.count("{{c"):
            return html  # a rule's cloze text: every brace pair is a marker
    if not keep_clozes:
        return _ANKI_SYNTAX.sub(_join, html)
    parts = _CLOZE_MARK.split(html)
    marks = _CLOZE_MARK.findall(html)
    out = [_ANKI_SYNTAX.sub(_join, parts[0])]
    for mark, part in zip(marks, parts[1:], strict=True):
        out += (mark, _ANKI_SYNTAX.sub(_join, part))
    return "".join(out)


def _join(match: re.Match[str]) -> str:
    return match.group(0) + WORD_JOINER


_CLOZE_TOKEN = re.compile(r"{{c(\d+)::|}}|::")
_TAG = re.compile(r"<[^>]*>")


def check_clozes(text: str, note: Note) -> None:
    """Refuse a Cloze note's Text that Anki would read as other cards than the rule meant:
    deletions nested, unclosed, closed twice, hinted (`::`), empty, or numbered other than
    1, 2, 3, ... (Anki reports "No cloze N found on card" or shows an empty front)."""
    numbers: list[int] = []
    open_at = -1
    problem = ""
    advice = "shorten or reword the list or sentence it comes from"
    for match in _CLOZE_TOKEN.finditer(text):
        token = match.group(0)
        if token.startswith("{{"):
            if open_at >= 0:
                problem = "a deletion inside another"
                break
            numbers.append(int(match.group(1)))
            open_at = match.end()
        elif token == "}}":
            if open_at < 0:
                problem = "a '}}' that closes no deletion"
                break
            inner = text[open_at : match.start()]
            picture = "<img" in inner
            if "<" in inner or WORD_JOINER in inner:
                inner = _TAG.sub("", inner).replace(WORD_JOINER, "")
            if not inner.strip():
                problem = "an empty deletion"
                if picture:  # `- ![](fig.png)` hidden as an item: a picture is no answer
                    problem = "a deletion that is only a picture"
                    advice = "move the picture out of the list or sentence, or give it words"
                break
            open_at = -1
        elif open_at >= 0:
            problem = "a '::' inside a deletion (Anki would read what follows as a hint)"
            break
    if not problem and open_at >= 0:
        problem = "a deletion never closed"
    ordinals = sorted(set(numbers))
    if not problem and ordinals != list(range(1, len(ordinals) + 1)):
        problem = f"deletions numbered {', '.join(map(str, ordinals)) or 'nothing'}"
    if not problem and len(ordinals) > MAX_CLOZES:
        problem = f"{len(ordinals)} deletions, more than the {MAX_CLOZES} a note may make"
    if problem:
        raise SourceError(
            f"this {note.rule} card would be broken in Anki ({problem}); {advice}",
            note.source.path,
            note.source.line,
        )


@lru_cache(maxsize=256)
def _escaped(text: str) -> str:
    """Text as HTML, with no Anki syntax. Cached: the notes of a section share their context
    line."""
    return neutralise(html.escape(text))


@lru_cache(maxsize=256)
def _source_field(document: str, section: tuple[str, ...]) -> str:
    """The Source field: the document's title and the section's path. Cached as `_escaped`."""
    return _escaped(source_path(document, section))
