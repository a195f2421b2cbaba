"""The document model: a Markdown file folded into a tree of sections holding their blocks.

markdown-it-py finds the structure (headings, paragraphs, lists, tables); this module only folds its
token stream into plain frozen values. Every value keeps the 1-based source line it came from, so a
card's back, a lint message or an error can cite it. Inline Markdown is kept as source text and
rendered to HTML only at the edge (`render.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeAlias

from .errors import SourceError

#: Largest source we read: a bigger file is refused with a clear message, not read into memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024

_PIN = re.compile(r"\s*\{#([A-Za-z0-9][A-Za-z0-9_.:-]*)\}\s*$")


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    """Inline Markdown source of the paragraph."""
    line: int


@dataclass(frozen=True, slots=True)
class ListItem:
    text: str
    """Inline Markdown of the item's first paragraph, without a trailing `{#pin}`."""
    line: int
    blocks: tuple[Block, ...] = ()
    """Anything after the first paragraph: more paragraphs, nested lists."""
    pin: str | None = None
    """An explicit note identity written as `{#id}` at the end of the item."""


@dataclass(frozen=True, slots=True)
class ListBlock:
    ordered: bool
    items: tuple[ListItem, ...]
    line: int


@dataclass(frozen=True, slots=True)
class TableRow:
    cells: tuple[str, ...]
    """Inline Markdown of each cell; the first cell without a trailing `{#pin}`."""
    line: int
    pin: str | None = None


@dataclass(frozen=True, slots=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block no rule reads (code, quote, raw HTML, a thematic break); kept so answers and
    warnings can cite it, and so a break still separates what it separates."""

    kind: str
    text: str
    line: int


Block: TypeAlias = Paragraph | ListBlock | Table | RawBlock


@dataclass(frozen=True, slots=True)
class Section:
    title: str
    """Heading text (inline Markdown), without a trailing `{#pin}`."""
    level: int
    path: tuple[str, ...]
    """Titles from the top-level section down to this one."""
    line: int
    blocks: tuple[Block, ...] = ()
    children: tuple[Section, ...] = ()
    pin: str | None = None

    def walk(self) -> Iterator[Section]:
        """This section, then every descendant, in document order."""
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Document:
    path: Path
    title: str
    meta: dict[str, Any] = field(default_factory=dict)
    """The YAML front matter."""
    sections: tuple[Section, ...] = ()
    """Top-level sections. A lone leading `#` heading is the title; its children are top level."""
    preamble: tuple[Block, ...] = ()
    """Blocks before the first section."""

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()


def split_pin(text: str) -> tuple[str, str | None]:
    """Split a trailing `{#id}` (an explicit note identity) from heading, row or item text."""
    if "{#" not in text:  # the regex tries every position: most text has no pin
        return text, None
    match = _PIN.search(text)
    if match is None:
        return text, None
    return text[: match.start()], match.group(1)


def markdown_parser() -> Any:
    """The one markdown-it setup we read sources with: CommonMark, GFM tables, front matter."""
    return _parser_without(())


def parser_for(text: str) -> Any:
    """`markdown_parser()` without the block rules that cannot match anywhere in `text`: the
    same tokens, sooner, as each rule is otherwise tried in vain at every block (these six cost
    about a fifth of the parse of a large source). Each needs a character the text may not have
    where the rule looks for it (markdown-it reads lines as \\n, \\r\\n or \\r ended):

    - front matter: the text's first character, `-`;
    - a fence: three backticks or tildes in a row;
    - a link reference definition: a `[`;
    - a block quote or a raw HTML block: a `>` or a `<` with nothing before it on its line but
      spaces, tabs and the marks of the block quotes and list items it may sit in;
    - a thematic break: a line whose last character, spaces and tabs aside, is `-`, `*` or `_`.
    """
    unused = tuple(rule for rule, may_match in _BLOCK_RULE_NEEDS if not may_match(text))
    return _parser_without(unused)


def _may_start_block(text: str, char: str) -> bool:
    # Looked for in the reversed text, from each `char` back to its line's start: the regex then
    # skips from one `char` to the next instead of trying every line (six times faster).
    return _STARTS_BLOCK_REVERSED[char].search(text[::-1]) is not None


_STARTS_BLOCK_REVERSED = {
    char: re.compile(re.escape(char) + r"[ \t>*+\-0-9.)]*(?:[\r\n]|\Z)") for char in "<>"
}
_ENDS_IN_BREAK_MARK = re.compile(r"[-*_][ \t]*(?:[\r\n]|\Z)")
_BLOCK_RULE_NEEDS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("front_matter", lambda text: text.startswith("-")),
    ("fence", lambda text: "```" in text or "~~~" in text),
    ("reference", lambda text: "[" in text),
    ("blockquote", lambda text: _may_start_block(text, ">")),
    ("html_block", lambda text: _may_start_block(text, "<")),
    ("hr", lambda text: _ENDS_IN_BREAK_MARK.search(text) is not None),
)


@lru_cache(maxsize=16)
def _parser_without(rules: tuple[str, ...]) -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Inline parsing is off: the model keeps inline Markdown as source text (rendered per field
    # later), so the inline children would be built only to be thrown away (-36 % parse time).
    parser = MarkdownIt("commonmark").enable("table").use(front_matter_plugin).disable("inline")
    return parser.disable(list(rules)) if rules else parser


def read_source(path: Path) -> str:
    """Read a source as UTF-8, refusing what is not a readable text file with a useful message."""
    if not path.exists():
        raise SourceError("source file not found; check the path (relative to the manifest)", path)
    if path.is_dir():
        raise SourceError("is a folder, not a Markdown file; name a .md file", path)
    try:
        size = path.stat().st_size
        if size > MAX_SOURCE_BYTES:
            raise SourceError(
                f"source is {size // (1024 * 1024)} MB; the limit is "
                f"{MAX_SOURCE_BYTES // (1024 * 1024)} MB: split it into several documents",
                path,
            )
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read source: {exc.strerror}", path) from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column}); "
            "save the file as UTF-8",
            path,
            line,
        ) from exc
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise SourceError("source is empty; write some Markdown (headings, lists, tables)", path)
    return text


def parse_document(path: str | Path, text: str | None = None, keep: bool = False) -> Document:
    """Parse a Markdown source into a Document. `text` skips reading the file (tests, previews).

    `keep`: remember the result for the next call with the same path and text, which gets it
    without a second parse (a zero-config build parses its source to make the manifest, then
    again to build it)."""
    path = Path(path)
    if text is None:
        text = read_source(path)
    document = _KEPT.pop((path, text), None) or _parse(path, text)
    _KEPT.clear()
    if keep:
        _KEPT[path, text] = document
    return document


_KEPT: dict[tuple[Path, str], Document] = {}
"""The one document kept for the next parse of the same text."""


def _parse(path: Path, text: str) -> Document:
    tokens = parser_for(text).parse(text)
    meta: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        meta = _front_matter(tokens[0].content, path)
        tokens = tokens[1:]
    preamble, sections = _fold(tokens, _Lines(text, path))
    title = str(meta.get("title") or "").strip()
    if len(sections) == 1 and sections[0].level == 1:
        # A single `#` heading is the document's title; its subsections are the real top level.
        root = sections[0]
        title = title or root.title
        preamble = preamble + root.blocks
        sections = root.children
    sections = tuple(_reroot(section, ()) for section in sections)  # once, now the top is known
    if not title:
        title = path.stem.replace("-", " ").replace("_", " ").strip().title()
    return Document(path=path, title=title, meta=meta, sections=sections, preamble=preamble)


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""Lines as markdown-it counts them (str.splitlines also breaks at form feeds and the like)."""


def _front_matter(content: str, path: Path) -> dict[str, Any]:
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x
    try:
        meta = yaml.load(content, Loader=loader) or {}  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise SourceError(f"front matter is not valid YAML: {problem}", path, line) from exc
    if not isinstance(meta, dict):
        raise SourceError("front matter must be a YAML mapping (key: value lines)", path, 2)
    return meta


class _Lines:
    """The source's lines, for checking table rows against it (markdown-it pads a row with too
    few cells silently); split only when a table is met. Without a text, nothing is checked."""

    __slots__ = ("lines", "path", "text")

    def __init__(self, text: str | None = None, path: Path | None = None):
        self.text = text
        self.path = path
        self.lines: list[str] | None = None

    def check_row(self, row: Any, columns: int) -> None:
        """Refuse a table row (its `tr_open` token) whose cell count differs from the header's."""
        if self.text is None or not row.map or not columns:
            return
        if self.lines is None:
            self.lines = _source_lines(self.text)
        number = row.map[0]
        raw = self.lines[number] if number < len(self.lines) else ""
        count = _count_cells(raw)
        if count != columns and count:
            raise SourceError(
                f"table row has {count} cells but the header has {columns}; "
                "give every row the same number of | cells",
                self.path,
                number + 1,
            )


def _line(token: Any) -> int:
    """A token's 1-based source line (0 when it has none)."""
    return int(token.map[0]) + 1 if token.map else 0


def _check_table_rows(tokens: Sequence[Any], lines: _Lines) -> None:
    """Check the rows of every table among tokens the fold does not read as a table (those
    inside a block quote)."""
    columns = 0
    for token in tokens:
        kind = token.type
        if kind not in _TABLE_TOKENS:
            continue
        if kind == "table_open":
            columns = 0
        elif kind == "th_open":
            columns += 1
        elif kind == "tr_open":
            lines.check_row(token, columns)


_TABLE_TOKENS = frozenset(("table_open", "th_open", "tr_open"))


def _source_lines(text: str, keep_ends: bool = False) -> list[str]:
    """The text's lines as markdown-it counts them, with or without their line breaks."""
    if not any(char in text for char in _OTHER_BREAKS):  # then splitlines breaks as markdown-it
        return text.splitlines(keep_ends)
    lines = _LINES.findall(text)
    return lines if keep_ends else [line.rstrip("\r\n") for line in lines]


_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"
"""What str.splitlines also breaks lines at, besides \\n, \\r and \\r\\n."""


def _count_cells(raw: str) -> int:
    row = raw.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    if "\\" not in row and "`" not in row:  # nothing escapes a pipe: count them all
        return row.count("|") + 1
    cells, escaped, in_code = 1, False, False
    for char in row:
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "`":
            in_code = not in_code
        elif char == "|" and not in_code:
            cells += 1
    return cells


def _fold(
    tokens: Sequence[Any], lines: _Lines | None = None
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Fold a flat token stream into preamble blocks and a section tree (by heading level), its
    sections' paths not set yet."""
    lines = lines or _Lines()
    preamble: list[Block] = []
    # Each open section: [title, level, line, pin, blocks, children]
    stack: list[list[Any]] = []
    roots: list[Section] = []

    def close_top() -> None:
        title, level, line, pin, blocks, children = stack.pop()
        section = Section(title, level, (), line, tuple(blocks), tuple(children), pin)
        (stack[-1][5] if stack else roots).append(section)

    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "heading_open":
            level = int(token.tag[1])
            title, pin = split_pin(tokens[position + 1].content.strip())
            while stack and stack[-1][1] >= level:
                close_top()
            stack.append([title.strip(), level, _line(token), pin, [], []])
            position += 3
            continue
        block, position = _block(tokens, position, lines)
        if block is not None:
            (stack[-1][4] if stack else preamble).append(block)
    while stack:
        close_top()
    return tuple(preamble), tuple(roots)  # paths are set once the top level is known


def _reroot(section: Section, parent: tuple[str, ...]) -> Section:
    path = (*parent, section.title)
    children = tuple(_reroot(child, path) for child in section.children)
    return Section(
        section.title, section.level, path, section.line, section.blocks, children, section.pin
    )


def _block(tokens: Sequence[Any], position: int, lines: _Lines) -> tuple[Block | None, int]:
    """Read one block starting at `position`; return it and the position after it."""
    token = tokens[position]
    kind = token.type
    if kind == "paragraph_open":
        return Paragraph(tokens[position + 1].content, _line(token)), position + 3
    if kind in ("bullet_list_open", "ordered_list_open"):
        return _list(tokens, position, lines)
    if kind == "table_open":
        return _table(tokens, position, lines)
    if kind in ("fence", "code_block", "html_block"):
        return RawBlock(kind, token.content, _line(token)), position + 1
    if kind == "blockquote_open":
        end = _matching_close(tokens, position)
        _check_table_rows(tokens[position:end], lines)
        text = "\n".join(t.content for t in tokens[position:end] if t.type == "inline")
        return RawBlock("blockquote", text, _line(token)), end + 1
    if kind == "hr":  # kept (without text): a thematic break ends an answer, a lead-in
        return RawBlock("hr", "", _line(token)), position + 1
    # anything unknown: skip.
    return None, position + 1


def _matching_close(tokens: Sequence[Any], position: int) -> int:
    depth = 0
    for index in range(position, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list(tokens: Sequence[Any], position: int, lines: _Lines) -> tuple[ListBlock, int]:
    open_token = tokens[position]
    end = _matching_close(tokens, position)
    items: list[ListItem] = []
    index = position + 1
    while index < end:
        item_open = tokens[index]
        blocks: list[Block] = []
        if tokens[index + 1].type == "paragraph_open" and tokens[index + 4].type == (
            "list_item_close"
        ):
            # Most items are one paragraph (open, inline, close): no need to look for the end.
            item_end = index + 4
            text = tokens[index + 2].content
        else:
            item_end = _matching_close(tokens, index)
            inner = index + 1
            while inner < item_end:
                block, inner = _block(tokens, inner, lines)
                if block is not None:
                    blocks.append(block)
            first = blocks[0] if blocks else None
            text = ""
            if isinstance(first, Paragraph):
                text = first.text
                blocks.pop(0)
        text, pin = split_pin(text)
        items.append(ListItem(text.strip(), _line(item_open), tuple(blocks), pin))
        index = item_end + 1
    ordered = open_token.type == "ordered_list_open"
    return ListBlock(ordered, tuple(items), _line(open_token)), end + 1


def _table(tokens: Sequence[Any], position: int, lines: _Lines) -> tuple[Table, int]:
    header: list[str] = []
    rows: list[TableRow] = []
    row: list[str] | None = None
    row_line = 0
    # Read up to the table's close in the same pass that looks for it: the first table_close,
    # as a table holds no blocks (so no other table) in its cells.
    end = len(tokens) - 1
    for index in range(position + 1, len(tokens)):
        token = tokens[index]
        kind = token.type
        if kind == "inline":
            if row is not None:
                row.append(token.content.strip())
        elif kind == "tr_open":
            if header:  # a body row: the header's cells are known by now
                lines.check_row(token, len(header))
            row, row_line = [], _line(token)
        elif kind == "table_close":
            end = index
            break
        elif kind == "tr_close" and row is not None:
            if not header:
                header = row
            else:
                first, pin = split_pin(row[0]) if row else ("", None)
                rows.append(TableRow((first.strip(), *row[1:]), row_line, pin))
            row = None
    return Table(tuple(header), tuple(rows), _line(tokens[position])), end + 1


def to_markdown(blocks: tuple[Block, ...]) -> str:
    """Blocks back to Markdown, for an answer: paragraphs, lists (nested) and tables."""
    parts: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            parts.append(block.text)
        elif isinstance(block, ListBlock):
            parts.append(_list_markdown(block, ""))
        elif isinstance(block, Table):
            rows = [block.header, *(row.cells for row in block.rows)]
            lines = ["| " + " | ".join(cells) + " |" for cells in rows]
            lines.insert(1, "|" + "---|" * len(block.header))
            parts.append("\n".join(lines))
        elif isinstance(block, RawBlock) and block.kind != "html_block":
            parts.append(block.text)
    return "\n\n".join(part for part in parts if part.strip())


def _list_markdown(block: ListBlock, indent: str) -> str:
    lines = []
    for number, item in enumerate(block.items, 1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{indent}{marker} {item.text}")
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                lines.append(_list_markdown(inner, indent + " " * (len(marker) + 1)))
            elif isinstance(inner, Paragraph):
                lines.append(f"{indent}{' ' * (len(marker) + 1)}{inner.text}")
    return "\n".join(lines)
