"""The document model: a Markdown file folded into a tree of sections holding their blocks.

markdown-it-py finds the structure (headings, paragraphs, lists, tables); this module only folds its
token stream into plain frozen values. Every value keeps the 1-based source line it came from, so a
card's back, a lint message or an error can cite it. Inline Markdown is kept as source text and
rendered to HTML only at the edge (`render.py`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, Final, TypeAlias

from .errors import SourceError
from .parallel import worker_pool
from .records import Record

#: Largest source we read: a bigger file is refused with a clear message, not read into memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024

_PIN = re.compile(r"\s*\{#([A-Za-z0-9][A-Za-z0-9_.:-]*)\}\s*$")


class Paragraph(Record):
    __slots__ = ("line", "text")
    text: Final[str]
    """Inline Markdown source of the paragraph."""
    line: Final[int]

    def __init__(self, text: str, line: int) -> None:
        self.text = text
        self.line = line


class ListItem(Record):
    __slots__ = ("blocks", "line", "pin", "text")
    text: Final[str]
    """Inline Markdown of the item's first paragraph, without a trailing `{#pin}`."""
    line: Final[int]
    blocks: Final[tuple[Block, ...]]
    """Anything after the first paragraph: more paragraphs, nested lists."""
    pin: Final[str | None]
    """An explicit note identity written as `{#id}` at the end of the item."""

    def __init__(
        self, text: str, line: int, blocks: tuple[Block, ...] = (), pin: str | None = None
    ) -> None:
        self.text = text
        self.line = line
        self.blocks = blocks
        self.pin = pin


class ListBlock(Record):
    __slots__ = ("items", "line", "ordered")
    ordered: Final[bool]
    items: Final[tuple[ListItem, ...]]
    line: Final[int]

    def __init__(self, ordered: bool, items: tuple[ListItem, ...], line: int) -> None:
        self.ordered = ordered
        self.items = items
        self.line = line


class TableRow(Record):
    __slots__ = ("cells", "line", "pin")
    cells: Final[tuple[str, ...]]
    """Inline Markdown of each cell; the first cell without a trailing `{#pin}`."""
    line: Final[int]
    pin: Final[str | None]

    def __init__(self, cells: tuple[str, ...], line: int, pin: str | None = None) -> None:
        self.cells = cells
        self.line = line
        self.pin = pin


class Table(Record):
    __slots__ = ("header", "line", "rows")
    header: Final[tuple[str, ...]]
    rows: Final[tuple[TableRow, ...]]
    line: Final[int]

    def __init__(self, header: tuple[str, ...], rows: tuple[TableRow, ...], line: int) -> None:
        self.header = header
        self.rows = rows
        self.line = line


class RawBlock(Record):
    """A block no rule reads (code, quote, raw HTML); kept so answers and warnings can cite it."""

    __slots__ = ("kind", "line", "text")
    kind: Final[str]
    text: Final[str]
    line: Final[int]

    def __init__(self, kind: str, text: str, line: int) -> None:
        self.kind = kind
        self.text = text
        self.line = line


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

    def __reduce__(self) -> tuple[type[Section], tuple[object, ...]]:
        """Pickled as the arguments of its constructor: a staged document's outline holds
        thousands of sections, and a slotted dataclass's own pickling sets them field by field
        in Python (5x slower to load)."""
        fields = (self.title, self.level, self.path, self.line, self.blocks, self.children)
        return Section, (*fields, self.pin)


class Document(Record):
    __slots__ = ("meta", "path", "preamble", "sections", "title")
    path: Final[Path]
    title: Final[str]
    meta: Final[dict[str, Any]]
    """The YAML front matter."""
    sections: Final[tuple[Section, ...]]
    """Top-level sections. A lone leading `#` heading is the title; its children are top level."""
    preamble: Final[tuple[Block, ...]]
    """Blocks before the first section."""

    def __init__(
        self,
        path: Path,
        title: str,
        meta: dict[str, Any] | None = None,
        sections: tuple[Section, ...] = (),
        preamble: tuple[Block, ...] = (),
    ) -> None:
        self.path = path
        self.title = title
        self.meta = {} if meta is None else meta
        self.sections = sections
        self.preamble = preamble

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


CHUNK_CHARS = 256 * 1024
"""Sources longer than this are parsed in pieces cut before `#`/`##` headings: memory then holds
one piece's tokens at a time, and with several jobs the pieces are parsed in parallel."""


def parse_document(path: str | Path, text: str | None = None, jobs: int = 1) -> Document:
    """Parse a Markdown source into a Document. `text` skips reading the file (tests, previews).

    Large sources are parsed piece by piece (in `jobs` processes); the result is the same
    Document as one parse of the whole text.
    """
    path = Path(path)
    if text is None:
        text = read_source(path)
    pieces = split_pieces(text)
    pool = worker_pool(jobs, len(pieces))
    if pool is not None:
        with pool:
            parsed = pool.starmap(_parse_piece, [(path, offset, piece) for offset, piece in pieces])
    else:
        parsed = [_parse_piece(path, offset, piece) for offset, piece in pieces]
    preamble, sections = _merge([(blocks, roots) for _, blocks, roots in parsed], rooted=False)
    return assemble(path, parsed[0][0], preamble, sections)


def assemble(
    path: Path, meta: dict[str, Any], preamble: tuple[Block, ...], sections: tuple[Section, ...]
) -> Document:
    """The Document of a source's front matter and section forest (paths not yet set): titled,
    rooted below a lone `#` heading, and every section's path set."""
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


def split_pieces(text: str, size: int | None = None) -> list[tuple[int, str]]:
    """(first line, text) pieces of at least `size` characters, each cut just before a `#` or `##`
    heading after a blank line, outside fenced code and raw HTML blocks: places where CommonMark
    starts a new block whatever came before. One piece for a small text, or for one that defines
    link references (a reference may be used before its definition). `size` defaults to
    CHUNK_CHARS."""
    size = CHUNK_CHARS if size is None else size
    if len(text) <= size or _REFERENCE.match(text) or _LATER_REFERENCE.search(text):
        return [(0, text)]
    pieces: list[tuple[int, str]] = []
    lines = _source_lines(text, keep_ends=True)
    start_line, start_char, position = 0, 0, 0
    closer = ""  # what ends the fenced code or raw HTML block we are in, if any
    previous_blank = True
    for number, line in enumerate(lines):
        stripped = line.strip()
        if closer:
            if closer in ("```", "~~~"):
                if line.lstrip(" ").startswith(closer) and not stripped.strip(closer[0]):
                    closer = ""
            elif closer in line.lower():
                closer = ""
        elif (may_open := line[:1] in _MAY_OPEN) and (fence := _FENCE.match(line)):
            closer = fence.group(1)[:3]
        elif may_open and (raw := _RAW_HTML.match(line)):
            end = _RAW_HTML_END[raw.group(1).lower()]
            closer = "" if end in line.lower()[raw.end() :] else end
        elif (
            previous_blank
            and position - start_char >= size
            and _TOP_HEADING.match(line)
            and number > start_line
        ):
            pieces.append((start_line, text[start_char:position]))
            start_line, start_char = number, position
        previous_blank = not stripped
        position += len(line)
    pieces.append((start_line, text[start_char:]))
    return pieces


_MAY_OPEN = " `~<"
"""The first characters of the lines that `_FENCE` or `_RAW_HTML` may match."""
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""Lines as markdown-it counts them (str.splitlines also breaks at form feeds and the like)."""
_REFERENCE = re.compile(r" {0,3}\[[^\]\n]+\]:")
_LATER_REFERENCE = re.compile(r"\n" + _REFERENCE.pattern)
"""A link reference definition's line, found by the newline before it (10x faster than `^`)."""
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_RAW_HTML = re.compile(r"^ {0,3}(<!--|<script|<pre|<style|<textarea)", re.IGNORECASE)
_RAW_HTML_END = {
    "<!--": "-->",
    "<script": "</script>",
    "<pre": "</pre>",
    "<style": "</style>",
    "<textarea": "</textarea>",
}
_TOP_HEADING = re.compile(r"^#{1,2}(?:[ \t]|$)")


def _parse_piece(
    path: Path, offset: int, text: str
) -> tuple[dict[str, Any], tuple[Block, ...], tuple[Section, ...]]:
    """One piece: its front matter (first piece only), blocks before its first heading, and its
    section forest, with every line counted from the start of the whole source."""
    tokens = parser_for(text).parse(text)
    meta: dict[str, Any] = {}
    if tokens and tokens[0].type == "front_matter":
        meta = _front_matter(tokens[0].content, path)
        tokens = tokens[1:]
    preamble, sections = _fold(tokens, _Piece(offset, text, path))
    return meta, preamble, sections


def _merge(
    parts: list[tuple[tuple[Block, ...], tuple[Section, ...]]], rooted: bool = True
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Join the pieces' section forests as one fold of the whole text would have built them.
    `rooted`: with every section's path set (else left for the caller to set)."""
    preamble: list[Block] = []
    stack: list[tuple[Section, list[Section]]] = []  # open sections, children from later pieces
    roots: list[Section] = []

    def close() -> None:
        section, later = stack.pop()
        if later:
            section = replace(section, children=section.children + tuple(later))
        (stack[-1][1] if stack else roots).append(section)

    for blocks, sections in parts:
        preamble.extend(blocks)  # only the first piece has text before its first heading
        for section in sections:
            while stack and stack[-1][0].level >= section.level:
                close()
            stack.append((section, []))
    while stack:
        close()
    if not rooted:
        return tuple(preamble), tuple(roots)
    return tuple(preamble), tuple(_reroot(section, ()) for section in roots)


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


class _Piece:
    """Where a token stream came from, for folding it: `offset` lines of the source come before
    it (a token's lines count from the piece's start), and table rows are checked against its
    `text` (markdown-it pads a row with too few cells silently). Without a text, nothing is
    checked."""

    __slots__ = ("lines", "offset", "path", "text")

    def __init__(self, offset: int = 0, text: str | None = None, path: Path | None = None):
        self.offset = offset
        self.text = text
        self.path = path
        self.lines: list[str] | None = None

    def line(self, token: Any) -> int:
        """A token's 1-based line in the whole source (0 when it has none)."""
        return int(token.map[0]) + 1 + self.offset if token.map else 0

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
                number + 1 + self.offset,
            )


def _check_table_rows(tokens: Sequence[Any], piece: _Piece) -> None:
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
            piece.check_row(token, columns)


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
    tokens: Sequence[Any], piece: _Piece | None = None
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """Fold a flat token stream into preamble blocks and a section tree (by heading level), its
    sections' paths not set yet."""
    piece = piece or _Piece()
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
            stack.append([title.strip(), level, piece.line(token), pin, [], []])
            position += 3
            continue
        block, position = _block(tokens, position, piece)
        if block is not None:
            (stack[-1][4] if stack else preamble).append(block)
    while stack:
        close_top()
    return tuple(preamble), tuple(roots)  # paths are set once the pieces are joined (_merge)


def _reroot(section: Section, parent: tuple[str, ...]) -> Section:
    path = (*parent, section.title)
    children = tuple(_reroot(child, path) for child in section.children)
    return Section(
        section.title, section.level, path, section.line, section.blocks, children, section.pin
    )


def _block(tokens: Sequence[Any], position: int, piece: _Piece) -> tuple[Block | None, int]:
    """Read one block starting at `position`; return it and the position after it."""
    token = tokens[position]
    kind = token.type
    if kind == "paragraph_open":
        return Paragraph(tokens[position + 1].content, piece.line(token)), position + 3
    if kind in ("bullet_list_open", "ordered_list_open"):
        return _list(tokens, position, piece)
    if kind == "table_open":
        return _table(tokens, position, piece)
    if kind in ("fence", "code_block", "html_block"):
        return RawBlock(kind, token.content, piece.line(token)), position + 1
    if kind == "blockquote_open":
        end = _matching_close(tokens, position)
        _check_table_rows(tokens[position:end], piece)
        text = "\n".join(t.content for t in tokens[position:end] if t.type == "inline")
        return RawBlock("blockquote", text, piece.line(token)), end + 1
    # hr and anything unknown: skip.
    return None, position + 1


def _matching_close(tokens: Sequence[Any], position: int) -> int:
    depth = 0
    for index in range(position, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


def _list(tokens: Sequence[Any], position: int, piece: _Piece) -> tuple[ListBlock, int]:
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
                block, inner = _block(tokens, inner, piece)
                if block is not None:
                    blocks.append(block)
            first = blocks[0] if blocks else None
            text = ""
            if isinstance(first, Paragraph):
                text = first.text
                blocks.pop(0)
        text, pin = split_pin(text)
        items.append(ListItem(text.strip(), piece.line(item_open), tuple(blocks), pin))
        index = item_end + 1
    ordered = open_token.type == "ordered_list_open"
    return ListBlock(ordered, tuple(items), piece.line(open_token)), end + 1


def _table(tokens: Sequence[Any], position: int, piece: _Piece) -> tuple[Table, int]:
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
                piece.check_row(token, len(header))
            row, row_line = [], piece.line(token)
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
    return Table(tuple(header), tuple(rows), piece.line(tokens[position])), end + 1


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
