"""HTML content -> the Markdown our rules read (`deckbuilder import`'s last step).

The input is a small HTML vocabulary: trafilatura's extracted body (translated to HTML tags by
`import_web.py`) or mammoth's conversion of a Word file. Main-content detection is done before
this module; here the content is only written in the shapes docs/writing-sources.md describes:

- headings with their levels (one `#` title, sections from `##`, no skipped level, no trailing
  colon: "Imaging Tests:" becomes `### Imaging Tests`);
- tables as GFM tables whose first row is the header; a cell of several lines (`<br>`,
  paragraphs, list items) keeps them apart with `<br>`, without their bullet characters;
- ordered and unordered lists with nesting; definition lists as `**Term**: description` bullets;
- bold and italics; links as their text, except in a references section and to DOI/PubMed
  targets (real references);
- FAQ questions (a `<details>` summary, schema.org FAQPage questions) as `###` headings under an
  FAQ section, which is added when the page has none;
- images through an `ImageSink`, which copies local ones beside the document.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "list", "table", "image", "quote", "code"]

#: Containers whose children are blocks: walked through, never written themselves.
_CONTAINERS = {
    "html", "body", "div", "section", "article", "main", "header", "footer", "aside", "nav",
    "figure", "details", "center", "form", "fieldset", "tbody", "thead", "tfoot", "dd", "span",
}  # fmt: skip
_BLOCKS = {
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "dl", "table", "blockquote", "pre",
    "hr", "summary", "figcaption", "address",
}  # fmt: skip
_SKIP = {"script", "style", "noscript", "template", "iframe", "object", "svg", "button", "input",
         "select", "textarea", "head", "title", "meta", "link"}  # fmt: skip

_REFERENCES_TITLE = re.compile(
    r"^(references?|sources?|bibliography|citations?|further reading|external links|"
    r"notes and references|works cited|literature)\b",
    re.IGNORECASE,
)
_FAQ_TITLE = re.compile(
    r"^(faqs?|f\.a\.q\.?s?|frequently asked questions|common(ly asked)? questions|"
    r"questions( and |\s*&\s*)answers|q\s*&\s*a|questions)\b",
    re.IGNORECASE,
)
_REFERENCE_TARGET = re.compile(
    r"^https?://(dx\.)?(doi\.org|pubmed\.ncbi\.nlm\.nih\.gov|www\.ncbi\.nlm\.nih\.gov|"
    r"ncbi\.nlm\.nih\.gov|pmc\.ncbi\.nlm\.nih\.gov)/",
    re.IGNORECASE,
)
_CITATION_MARK = re.compile(
    r"^\s*\[?\s*(\d+(\s*[,–-]\s*\d+)*|[a-z]|note \d+|citation needed|nb \d+)\s*\]?\s*$",
    re.IGNORECASE,
)
_BACKLINK = re.compile(r"^\s*(\[\s*\d+[a-z]?\s*\]|[\^↑⇑]|\^?[a-z]?)\s*$")
_HEADING_NOISE = re.compile(r"\s*(\\?\[\s*edit( source)?\s*\]|¶|#)\s*$", re.IGNORECASE)
"""A wiki's `[edit]` link (escaped as text is: `\\[edit]`) or an anchor mark after a heading."""
_BULLET = re.compile(r"^\s*[–—•·▪●◦‣*-]\s+")
_SPACE = re.compile(r"[ \t\r\n\f\u00a0\u2009\u202f]+")


@dataclass
class Block:
    """One top-level block of the output, in document order."""

    kind: BlockKind
    #: Markdown of the block (a heading's plain text, without `#`).
    text: str
    #: Heading level (1-6); 0 for other blocks.
    level: int = 0
    #: Text without markup, to recognise FAQ questions and answers.
    plain: str = ""
    #: True when the block is an FAQ question (made a heading by `shape_faq`).
    question: bool = False


@dataclass(frozen=True)
class QA:
    """A question and its answer (HTML) from schema.org FAQPage markup."""

    question: str
    answer_html: str


class ImageSink:
    """Where images go: `place(src, alt)` returns the Markdown for the image, or "" to drop it.

    The default keeps remote images as links and drops the rest (nothing is copied)."""

    def __init__(self) -> None:
        self.remote: list[str] = []

    def place(self, src: str, alt: str) -> str:
        if re.match(r"^https?://", src, re.IGNORECASE):
            self.remote.append(src)
            return f"[image: {escape(alt or 'remote image')}]({src})"
        return ""


def megabytes(size: int) -> str:
    """A size for a message: "10 MB", "0.2 MB"."""
    value = size / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 10 or value == int(value) else f"{value:.1f} MB"


def normalise(text: str) -> str:
    """Text compared loosely: case, spacing, markup and end punctuation ignored."""
    text = re.sub(r"[*_`\\]", "", text)
    return _SPACE.sub(" ", text).strip().strip(":.?!").strip().casefold()


def escape(text: str) -> str:
    """Text as Markdown that shows it literally (inline: line starts are handled per block): a
    page that shows `[a link](x)`, `![an image](../x.png)` or `&amp;` as text keeps it text."""
    text = text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`")
    text = text.replace("[", "\\[")
    text = re.sub(r"(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])", r"\\_", text)
    text = re.sub(r"&(?=#?[A-Za-z0-9]+;)", r"\\&", text)
    return re.sub(r"<(?=[A-Za-z/!?])", r"\\<", text)


def _escape_line_start(line: str) -> str:
    if re.match(r"^(#{1,6}(\s|$)|>|[-+](\s|$)|=+\s*$|\|)", line):
        return "\\" + line
    return re.sub(r"^(\d+)([.)])(\s|$)", r"\1\\\2\3", line)


def _tag(element: Any) -> str:
    tag = element.tag
    return tag.lower() if isinstance(tag, str) else ""


def _all_text(element: Any) -> str:
    """An element's text, its descendants' included (lxml.etree elements have no
    text_content())."""
    return "".join(element.itertext())


def _text(element: Any) -> str:
    return _SPACE.sub(" ", _all_text(element)).strip()


@dataclass
class _Writer:
    images: ImageSink
    blocks: list[Block] = field(default_factory=list)
    in_references: bool = False
    #: Drop paragraphs made only of links (buttons, menus): at the top level, not in a list
    #: item or a table cell, where links are content ("Loop diuretics").
    top_level: bool = True

    # -- blocks ------------------------------------------------------------------------------

    def walk(self, element: Any) -> None:
        """Append the blocks of `element`'s content; loose text and inline elements between
        blocks become paragraphs."""
        for kind, part in _runs(element):
            if kind == "inline":
                self._paragraph(part)
            else:
                self._block(part)

    def _block(self, element: Any) -> None:
        tag = _tag(element)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6", "summary"):
            self._heading(element, int(tag[1]) if tag != "summary" else 0)
        elif tag in ("p", "figcaption", "address"):
            self._paragraph(element)
        elif tag in ("ul", "ol"):
            text = "\n".join(self._list(element, ""))
            if text.strip():
                self.blocks.append(Block("list", text, plain=_text(element)))
        elif tag == "dl":
            self._definitions(element)
        elif tag == "table":
            self._table(element)
        elif tag == "blockquote":
            inner = _Writer(self.images, in_references=self.in_references, top_level=False)
            inner.walk(element)
            text = "\n\n".join(block_markdown(b) for b in inner.blocks)
            if text.strip():
                quoted = "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))
                self.blocks.append(Block("quote", quoted, plain=_text(element)))
        elif tag == "pre":
            code = _all_text(element).strip("\n")
            if code.strip():
                self.blocks.append(Block("code", f"```\n{code}\n```", plain=code))
        elif tag == "img":
            self._paragraph([element])
        elif tag == "hr":
            pass
        elif tag not in _SKIP:
            self.walk(element)

    def _heading(self, element: Any, level: int) -> None:
        text = _SPACE.sub(" ", self.inline(element, plain=True)).strip()
        text = _HEADING_NOISE.sub("", text).strip().rstrip(":").strip()
        if not text:
            return
        self.in_references = bool(_REFERENCES_TITLE.match(text))
        self.blocks.append(Block("heading", text, level=level, plain=text, question=level == 0))

    def _paragraph(self, parts: list[Any] | Any) -> None:
        """A paragraph from a block element's content, or from a run of inline parts."""
        if isinstance(parts, list):
            text = "".join(
                escape(part.text) if isinstance(part, _Text) else self._inline_element(part, False)
                for part in parts
            )
        else:
            text = self.inline(parts)
        lines = [_SPACE.sub(" ", line).strip() for line in text.split("\n")]
        lines = [_escape_line_start(line) for line in lines if line]
        if not lines or (
            self.top_level and not self.in_references and _only_links(_as_list(parts))
        ):
            return
        markdown = "\n".join(lines)
        kind: BlockKind = (
            "image" if markdown.startswith("![") and markdown.endswith(")") else ("paragraph")
        )
        plain = _SPACE.sub(" ", "".join(_plain_text(part) for part in _as_list(parts))).strip()
        self.blocks.append(Block(kind, markdown, plain=plain))

    def _list(self, element: Any, indent: str) -> list[str]:
        ordered = _tag(element) == "ol"
        number = _int(element.get("start"), 1)
        lines: list[str] = []
        for item in element:
            if _tag(item) in ("ul", "ol"):  # a list directly inside a list: nest it
                lines.extend(self._list(item, indent + "  "))
                continue
            if _tag(item) != "li":
                continue
            marker = f"{number}. " if ordered else "- "
            number += 1
            pad = indent + " " * len(marker)
            first = True
            for kind, part in _runs(item):
                if kind == "block" and _tag(part) in ("ul", "ol"):
                    lines.extend(self._list(part, pad))
                    first = False
                    continue
                inner = _Writer(self.images, in_references=self.in_references, top_level=False)
                if kind == "inline":
                    inner._paragraph(part)
                else:
                    inner._block(part)
                for block in inner.blocks:
                    text = block.text if block.kind != "heading" else f"**{block.text}**"
                    for index, line in enumerate(text.split("\n")):
                        if first and index == 0:
                            lines.append(f"{indent}{marker}{line}")
                        else:
                            lines.append(f"{pad}{line}")
                    first = False
            if first:  # an empty item
                number -= 1 if ordered else 0
        return lines

    def _definitions(self, element: Any) -> None:
        """`<dl>`: each term with its descriptions becomes a `**Term**: description` bullet."""
        lines: list[str] = []
        term = ""
        for child in element:
            tag = _tag(child)
            text = _SPACE.sub(" ", self.inline(child)).strip()
            if tag == "dt":
                if term:
                    lines.append(f"- **{term}**")
                term = text.rstrip(":")
            elif tag == "dd" and text:
                lines.append(f"- **{term}**: {text}" if term else f"- {text}")
                term = ""
        if term:
            lines.append(f"- **{term}**")
        if lines:
            self.blocks.append(Block("list", "\n".join(lines), plain=_text(element)))

    def _table(self, element: Any) -> None:
        rows = _table_rows(element)
        pairs = [(row, [self._cell(cell) for cell in row]) for row in rows]
        pairs = [(row, cells) for row, cells in pairs if any(cells)]
        grid = [cells for _, cells in pairs]
        width = max((len(row) for row in grid), default=0)
        if width == 0:
            return
        if width == 1 or len(grid) == 1:  # a layout table: its cells are paragraphs
            for row in grid:
                for cell in row:
                    if cell:
                        self.blocks.append(Block("paragraph", cell.replace("<br>", "\n")))
            return
        grid = [row + [""] * (width - len(row)) for row in grid]
        # A row with one filled cell above the header (a caption, a title spanning the table)
        # or below the body (a note) is written as a paragraph beside the table.
        before: list[str] = []
        after: list[str] = []
        headed_caption = False
        while len(grid) > 2 and sum(1 for cell in grid[0] if cell) == 1:
            before.append(next(cell for cell in grid.pop(0) if cell))
            caption_row = pairs.pop(0)[0]
            headed_caption |= any(_tag(cell) == "th" for cell in caption_row if cell is not None)
        while len(grid) > 2 and sum(1 for cell in grid[-1] if cell) == 1 and not grid[-1][0]:
            after.insert(0, next(cell for cell in grid.pop() if cell))
            pairs.pop()
        for text in before:
            self.blocks.append(Block("paragraph", text.replace("<br>", "\n"), plain=text))
        no_header = headed_caption and not any(
            _tag(cell) == "th" for row, _ in pairs for cell in row if cell is not None
        )
        if width == 2 and (no_header or _row_headed(pairs)):  # an infobox: term and value rows
            lines = [f"- **{key}**: {value.replace('<br>', '; ')}" for key, value in grid if key]
            self.blocks.append(Block("list", "\n".join(lines), plain=_text(element)))
            return
        header, *body = grid
        for above, row in pairwise(body):
            if not row[0] and above[0] and any(row[1:]):
                row[0] = above[0]  # a row heading spanning rows (the extractor leaves it empty)
        header = [re.sub(r"^\*\*([^*]+)\*\*$", r"\1", cell) for cell in header]  # bold anyway
        lines = [
            "| " + " | ".join(header) + " |",
            "|" + "---|" * width,
            *("| " + " | ".join(row) + " |" for row in body),
        ]
        self.blocks.append(Block("table", "\n".join(lines), plain=_text(element)))
        for text in after:
            self.blocks.append(Block("paragraph", text.replace("<br>", "\n"), plain=text))

    def _cell(self, cell: Any) -> str:
        """A cell's lines joined with `<br>`, bullets dropped, pipes escaped."""
        if cell is None:
            return ""
        inner = _Writer(self.images, in_references=self.in_references, top_level=False)
        inner.walk(cell)
        lines: list[str] = []
        for block in inner.blocks:
            for line in block.text.split("\n"):
                line = line.strip()
                line = (
                    re.sub(r"^(\d+[.)]|[-+>]|\\[-+>])\s+", "", line)
                    if block.kind
                    in (
                        "list",
                        "quote",
                    )
                    else line
                )
                line = line.lstrip("\\") if re.match(r"^\\[#>|=+-]", line) else line
                line = _BULLET.sub("", line).strip()
                if line and not line.startswith("|---"):
                    lines.append(line.replace("|", "\\|"))
        return "<br>".join(lines)

    # -- inline ------------------------------------------------------------------------------

    def inline(self, element: Any, plain: bool = False) -> str:
        """The Markdown of an element's content (`plain`: text only, no emphasis)."""
        out: list[str] = [escape(element.text or "")]
        for child in element:
            out.append(self._inline_element(child, plain))
            out.append(escape(child.tail or ""))
        return "".join(out)

    def _inline_element(self, element: Any, plain: bool) -> str:
        tag = _tag(element)
        if tag in _SKIP or not tag:
            return ""
        if tag == "br":
            return "\n"
        if tag == "img":
            if plain:
                return ""
            return self.images.place(element.get("src") or "", _text_attr(element.get("alt")))
        if tag in ("sup", "sub") and _CITATION_MARK.match(_all_text(element)):
            return ""  # a citation mark such as [1]
        inner = self.inline(element, plain)
        if tag in ("b", "strong") and not plain:
            return _wrap(inner, "**")
        if tag in ("i", "em", "cite", "dfn") and not plain:
            return _wrap(inner, "*")
        if tag in ("code", "kbd", "tt", "samp") and not plain:
            text = _all_text(element)
            return f"`{text}`" if text.strip() and "`" not in text else inner
        if tag == "a" and _BACKLINK.match(_all_text(element)):
            return ""  # a citation mark ([3]) or a back link (^, ↑)
        if tag == "a" and not plain:
            href = (element.get("href") or "").strip()
            if inner.strip() and self._keeps_link(href):
                return f"[{inner.strip()}]({href.replace(' ', '%20').replace(')', '%29')})"
            return inner
        if tag in _BLOCKS or tag in ("li", "tr", "td", "th", "div"):
            return "\n" + inner + "\n"
        return inner

    def _keeps_link(self, href: str) -> bool:
        if not re.match(r"^https?://", href, re.IGNORECASE):
            return False
        return self.in_references or bool(_REFERENCE_TARGET.match(href))


def _wrap(inner: str, mark: str) -> str:
    """`**text**` with the spaces around the text kept outside the marks."""
    stripped = inner.strip()
    if not stripped or "\n" in stripped:
        return inner
    if stripped.startswith(mark) and stripped.endswith(mark):  # <b><strong>x</strong></b>
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{stripped}{mark}{trail}"


def _text_attr(value: str | None) -> str:
    return _SPACE.sub(" ", value or "").strip()


def _int(value: str | None, default: int) -> int:
    try:
        return int(value) if value is not None else default
    except ValueError:
        return default


def _as_list(parts: list[Any] | Any) -> list[Any]:
    return parts if isinstance(parts, list) else [parts]


class _Text:
    """A piece of loose text between blocks, standing in for an element in a run."""

    tag = "span"
    tail = ""

    def __init__(self, text: str) -> None:
        self.text = text

    def __iter__(self) -> Iterator[Any]:
        return iter(())

    def itertext(self) -> Iterator[str]:
        return iter((self.text,))

    def get(self, name: str, default: Any = None) -> Any:
        return default


def _runs(element: Any) -> Iterator[tuple[str, Any]]:
    """An element's content as ("inline", [parts]) runs and ("block", element) items."""
    run: list[Any] = []
    if element.text and element.text.strip():
        run.append(_Text(element.text))
    for child in element:
        tag = _tag(child)
        if tag in _SKIP or not tag:
            pass
        elif (
            tag in _BLOCKS
            or tag in _CONTAINERS - {"span"}
            or tag in ("li", "img")
            or (tag == "span" and _has_blocks(child))
        ):
            if tag == "img" and run:  # an image inside a sentence stays in it
                run.append(child)
            else:
                if run:
                    yield "inline", run
                    run = []
                yield "block", child
        else:
            run.append(child)
        if child.tail and child.tail.strip():
            run.append(_Text(child.tail))
    if run:
        yield "inline", run


def _has_blocks(element: Any) -> bool:
    return any(_tag(child) in _BLOCKS or _tag(child) in _CONTAINERS for child in element)


def _only_links(parts: list[Any]) -> bool:
    """True for a paragraph made only of links (a button, a menu, "Jump to navigation")."""
    outside = "".join(_outside_links(part) for part in parts)
    has_link = any(
        _tag(part) == "a" or any(True for _ in part.iter("a"))
        for part in parts
        if not isinstance(part, _Text)
    )
    has_image = any(
        _tag(part) == "img" or any(True for _ in part.iter("img"))
        for part in parts
        if not isinstance(part, _Text)
    )
    return has_link and not has_image and not re.sub(r"[\s·|•/,;:–—()-]+", "", outside)


def _outside_links(element: Any) -> str:
    if isinstance(element, _Text):
        return element.text
    if _tag(element) == "a":
        return ""
    return (element.text or "") + "".join(
        _outside_links(child) + (child.tail or "") for child in element
    )


def _plain_text(part: Any) -> str:
    if isinstance(part, _Text):
        return part.text
    return _all_text(part)


def _row_headed(pairs: list[tuple[list[Any], list[str]]]) -> bool:
    """True for a table whose rows each start with a header cell and none is a header row."""
    if len(pairs) < 2:
        return False
    for row, _ in pairs:
        kinds = [_tag(cell) if cell is not None else "td" for cell in row]
        if not kinds or kinds[0] != "th" or all(kind == "th" for kind in kinds):
            return False
    return True


def _table_rows(table: Any) -> list[list[Any]]:
    """Rows of cells (None where a cell spans from elsewhere), rowspans filled downwards with
    the same cell, so each row stands alone; colspans leave the cells they cover empty."""
    rows: list[list[Any]] = []
    carry: dict[int, tuple[Any, int]] = {}
    for row in table.iter("tr"):
        if next(row.iterancestors("table")) is not table:
            continue  # a row of a table nested in a cell
        cells: list[Any] = []
        column = 0
        for cell in row:
            if _tag(cell) not in ("td", "th"):
                continue
            while column in carry:
                source, left = carry.pop(column)
                cells.append(source)
                if left > 1:
                    carry[column] = (source, left - 1)
                column += 1
            cells.append(cell)
            span = _int(cell.get("rowspan"), 1)
            if span > 1:
                carry[column] = (cell, span - 1)
            column += 1
            for _ in range(max(0, min(_int(cell.get("colspan"), 1), 50) - 1)):
                cells.append(None)
                column += 1
        while column in carry:
            source, left = carry.pop(column)
            cells.append(source)
            if left > 1:
                carry[column] = (source, left - 1)
            column += 1
        rows.append(cells)
    return rows


def block_markdown(block: Block) -> str:
    if block.kind == "heading":
        return "#" * block.level + " " + block.text
    return block.text


def html_blocks(element: Any, images: ImageSink) -> list[Block]:
    """The blocks of an HTML element, in document order."""
    writer = _Writer(images)
    writer.walk(element)
    return writer.blocks


# -- document shape ----------------------------------------------------------------------------


def shape_faq(blocks: list[Block], questions: Iterable[str], extra: list[QA],
              answer_blocks: Callable[[str], list[Block]]) -> list[Block]:  # fmt: skip
    """FAQ questions as headings under an FAQ section.

    `questions` are the page's known questions (`<details>` summaries, FAQPage names): a heading,
    bold paragraph or paragraph with that text becomes a question heading. The questions of
    `extra` (FAQPage entries whose question the extractor dropped) are added at the end of the
    FAQ section, and paragraphs repeating their answers are removed from where they were left.
    """
    known = {normalise(q) for q in questions} | {normalise(qa.question) for qa in extra}
    known.discard("")
    for block in blocks:
        if block.kind in ("heading", "paragraph") and normalise(block.plain) in known:
            block.question = True
    present = {normalise(b.plain) for b in blocks if b.question}
    missing = [qa for qa in extra if normalise(qa.question) not in present]
    answers = {
        normalise(b.plain) for qa in missing for b in answer_blocks(qa.answer_html) if b.plain
    }
    if answers:
        blocks = [b for b in blocks if b.kind == "heading" or normalise(b.plain) not in answers]

    out: list[Block] = []
    section_level = 1  # level of the section the next question belongs to
    faq_level: int | None = None  # level of the FAQ section we are in
    for block in blocks:
        if block.kind == "heading" and not block.question:
            if faq_level is not None and block.level > faq_level:
                pass  # a question of the FAQ section, or a heading inside an answer
            else:
                faq_level = block.level if _FAQ_TITLE.match(block.text) else None
                section_level = block.level
        if block.question:
            if faq_level is None:
                faq_level = max(2, section_level)
                out.append(Block("heading", "FAQ", level=faq_level, plain="FAQ"))
                section_level = faq_level
            text = block.plain.strip()
            out.append(Block("heading", text, level=faq_level + 1, plain=text, question=True))
            continue
        out.append(block)

    if missing:
        faq = _faq_section_end(out)
        if faq is None:
            out.append(Block("heading", "FAQ", level=2, plain="FAQ"))
            at, level = len(out), 2
        else:
            at, level = faq
        added: list[Block] = []
        for qa in missing:
            added.append(Block("heading", qa.question.strip(), level=level + 1,
                               plain=qa.question, question=True))  # fmt: skip
            added.extend(answer_blocks(qa.answer_html))
        out[at:at] = added
    return out


def _faq_section_end(blocks: list[Block]) -> tuple[int, int] | None:
    """(index after the last block of the last FAQ section, its level), or None."""
    found: tuple[int, int] | None = None
    for index, block in enumerate(blocks):
        if block.kind == "heading" and not block.question and _FAQ_TITLE.match(block.text):
            end = len(blocks)
            for later in range(index + 1, len(blocks)):
                other = blocks[later]
                if other.kind == "heading" and not other.question and other.level <= block.level:
                    end = later
                    break
            found = (end, block.level)
    return found


def shape_headings(blocks: list[Block], title: str | None) -> tuple[str, list[Block]]:
    """The document's title and its blocks with headings from `##` down, none skipped.

    The title is the content's own `<h1>` when it has exactly one and no heading comes before
    it (what the reader sees, where a page's `<title>` often adds a slogan), else `title` (the
    page's or file's), else the first top-level heading. A heading that repeats the title
    before any other heading is dropped."""
    headings = [b for b in blocks if b.kind == "heading"]
    top = [b for b in headings if b.level == 1]
    if len(top) == 1 and headings[0] is top[0]:
        title = top[0].text
    if not title:
        level = min((b.level for b in headings if b.level), default=0)
        first = next((b for b in headings if b.level == level), None)
        title = first.text if first is not None else ""
    title = _SPACE.sub(" ", title).strip()
    for index, block in enumerate(blocks):
        if block.kind == "heading" and normalise(block.text) == normalise(title):
            if all(b.kind != "heading" for b in blocks[:index]):
                blocks = blocks[:index] + blocks[index + 1 :]
            break
    # Before the first section, a paragraph that only repeats the title (an infobox's or a
    # hero's caption) goes too.
    first_section = next((i for i, b in enumerate(blocks) if b.kind == "heading"), len(blocks))
    blocks = [
        b
        for i, b in enumerate(blocks)
        if i >= first_section or b.kind != "paragraph" or normalise(b.plain) != normalise(title)
    ]
    levels = [b.level for b in blocks if b.kind == "heading" and b.level]
    shift = (min(levels) - 2) if levels else 0
    previous = 1
    out: list[Block] = []
    for block in blocks:
        if block.kind == "heading":
            level = block.level - shift if block.level else previous + 1
            level = max(2, min(level, previous + 1, 6))
            block = Block("heading", block.text, level=level, plain=block.plain,
                          question=block.question)  # fmt: skip
            previous = level
        out.append(block)
    return title, out


def render(title: str, blocks: list[Block]) -> str:
    """The Markdown body: `# title`, then the blocks separated by blank lines."""
    parts = [f"# {title}"] if title else []
    parts.extend(block_markdown(block) for block in blocks)
    return "\n\n".join(parts) + "\n"
