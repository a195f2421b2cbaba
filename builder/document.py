"""The document model: a Markdown file folded into a tree of sections holding their blocks.

markdown-it-py finds the structure (headings, paragraphs, lists, tables); this module only folds its
token stream into plain frozen values. Every value keeps the 1-based source line it came from, so a
card's back, a lint message or an error can cite it. Inline Markdown is kept as source text and
rendered to HTML only at the edge (`render.py`); other dialects' inline marks (wikilinks,
`==marks==`, footnote markers, attribute lists, ...) are rewritten to CommonMark as the text is
folded (`dialects.py`), so rules and rendering see one dialect.

What the rules read, whatever dialect the document is written in:

- Text outside any section is not lost. What comes before the first heading, and the text of a
  lone `#` title, is the document's own section (level 0, titled by the document), the first of
  `Document.sections`; a document with no heading at all is that one section.
- Callouts are blocks like any other. MkDocs admonitions (`!!! danger "Title"`, `??? note`),
  Obsidian and GitHub callouts (`> [!warning] Title`), directives (`:::tip Title`, Quarto's
  `::: {.callout-note title="…"}`), `<details><summary>Title</summary>` and MDX components
  (`<Tabs><TabItem label="Adults">`) hold Markdown that is read as a section's is. A callout with
  a title is a subsection titled by it (its title is the subject of what it holds, as a heading
  is; `Section.callout` says which kind); one without a title adds its blocks to the section
  around it, and so does a quote callout titled only by its source (a link, `@citekey`); one
  with a title and nothing else is a paragraph of its title; one whose title opens a sentence
  its list ends (`!!! danger "Call 999 if"`) is that title as a bold lead-in
  line over its list. An admonition closed by a `!!!` line, its text indented by less than four
  spaces (the NHS website's form), is first indented as MkDocs expects
  (`dialects.closed_admonitions`, one of `dialects.TEXT_PASSES`). The parsing is the
  maintained plugins' (mdit-py-plugins `admon`, `container`, `footnote`: the reference ports of
  markdown-it's own plugins, with the same edge cases as the sites that render these files);
  callouts in block quotes, `<details>` and components are recognised here, as no plugin reads
  Obsidian's callout types and titles, and `<details>` is only raw HTML to CommonMark.
- A list item keeps everything under it (`ListItem.blocks`: nested lists, paragraphs, tables).
  A hard-broken item (`Give oxygen\\` or two trailing spaces, then `Keep the line open.`) is its
  first line; the rest is a paragraph under it, its explanation. In a section's own lists, a
  label bullet over a sub-list (`* Pulse:` / `  * 60–100 bpm`, or a name over one short
  item: `* Oxygen saturation:` / `  * SpO2: 95% or more`) is unfolded into a label paragraph
  and its list, as if written without the outer bullet (`unfold_labels`).
  A short label line written right after a list item without indenting it (`Scenario`,
  `Normal BP:`) starts a new paragraph, the lead-in of the list that follows, rather than being
  swallowed by the item as CommonMark's lazy continuation would; so does a label ending a
  paragraph right before a list (`Some text.` / `PK:`).
- An outline is read as the lists it means: a run of sibling headings with nothing under them
  but such headings is a list in the section above (`_outline`; not a template's empty Title
  Case slots); a Logseq page's heading bullets are headings (`dialects.logseq_outline`); a block
  quote holding a list is content, and so is one of paragraphs holding two sentences or more
  that quotes no one (`_quoted_prose`), and so is a one-line quote of a bold term and its
  definition or of a sentence all in bold (`_quoted_point`); a quote of two lines or more
  right under a lead-in ending with ":" holds that lead-in's items, a list (`_quoted_items`),
  and so do short plain lines with no marker right under one (`_plain_items`), while
  `Name. Sentence …` lines read as `**Name**: Sentence …` items (`_term_line`); a raw-HTML
  `<table>`
  that is a plain grid is a table, and a raw-HTML list whose items share a line
  (`exports.html_list`) the list it shows.
- Nothing is card content that a page would not show as such: footnote definitions, MDX
  `import`/`export` lines, tables of contents (lists of links into the page). What the model
  cannot place (an unclosed directive or `<details>`) is kept where it stands and reported in
  `Document.warnings` with its line.
"""

from __future__ import annotations

import codecs
import re
import stat
import textwrap
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import dropwhile, takewhile
from pathlib import Path
from typing import Any, TypeAlias

from .dialects import (
    Cleaner,
    as_commonmark,
    decode_entities,
    heading,
    inline_cleaner,
    is_module_line,
    merge_conflicts,
    spaceless_headings,
)
from .errors import SourceError
from .exports import boxed_list, html_list
from .memory import no_cyclic_gc
from .text import (
    INSTRUCTION_VERBS,
    KIND_NUMERAL,
    content_words,
    heading_text,
    is_generic_heading,
    is_relational,
    is_session_label,
    is_signature,
    opening_subject,
    plain,
    shouted_words,
    words,
)

#: Largest source we read: a bigger file is refused with a clear message, not read into memory.
MAX_SOURCE_BYTES = 64 * 1024 * 1024
#: Largest front matter: a title, a source, a disclaimer need a few lines.
MAX_FRONT_MATTER_BYTES = 64 * 1024
#: Most columns a table may have: each makes notes per row, and a phone shows a few.
MAX_TABLE_COLUMNS = 64
#: How deep blocks may nest (lists in lists, quotes in quotes): markdown-it's own limit, past
#: which it leaves the rest of the enclosing block out; the fold warns when it was reached.
MAX_NESTING = 20

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


@dataclass(frozen=True, slots=True, weakref_slot=True)
class Table:
    header: tuple[str, ...]
    rows: tuple[TableRow, ...]
    line: int
    item: str = ""
    """The label of the list item the table was written in ("Blood", "Kit readings — smear";
    `lift_item_tables`), which names what it is about; "" for a table of the section's own."""
    headed: bool = False
    """The header row was written as header cells (HTML `<th>`): column names, never data."""


@dataclass(frozen=True, slots=True)
class RawBlock:
    """A block no rule reads (code, quote, raw HTML, a thematic break); kept so answers and
    warnings can cite it, and so a break still separates what it separates."""

    kind: str
    text: str
    line: int
    info: str = ""
    """A fence's info string (`python`): "" for a fence the author left untagged."""


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
    callout: str = ""
    """The kind of callout (`danger`, `tip`, `details`, ...) this section is, lower case; empty
    for a heading's section. Level 0 is the document's own section, titled by the document."""

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
    """Top-level sections. A lone `#` heading is the title; its children are top level. Text
    before the first heading and a lone title's own text come first, as a section of level 0
    titled by the document."""
    warnings: tuple[tuple[int, str], ...] = ()
    """(line, message) for what the model kept but could not place as written."""
    short_title: str = ""
    """The page's own short name for itself (`short_title`), when it gives one: topics prefer
    it to a long title."""

    def walk(self) -> Iterator[Section]:
        for section in self.sections:
            yield from section.walk()


def _unmarked(items: list[ListItem]) -> list[ListItem]:
    """A list's items without the one status mark every item opens with (`- ❌ Grunting`, `- ⚠️
    Rash spreads`): the author's bullet, the same on each, telling no item from another, and
    on a card's back a glyph before each answer. Marks that differ (`- ✅ Do …` / `- ❌ Don't
    …`) tell the items apart and stay."""
    if len(items) < 2 or not items[0].text[:1] or items[0].text[0].isascii():
        return items
    first = _STATUS_MARK.match(items[0].text)
    if first is None:
        return items
    mark = first.group(1)
    if mark in _BOXES:
        return items  # `- ☐ Wash hands`: a checklist's box, which tells it a checklist
    found = [_STATUS_MARK.match(item.text) for item in items]
    if any(match is None or match.group(1) != mark for match in found):
        return items
    return [
        replace(item, text=item.text[match.end() :])
        for item, match in zip(items, found, strict=True)
        if match is not None
    ]


_STATUS_MARK = re.compile(r"^([\u2600-\u27bf\U0001f300-\U0001faff])\ufe0f?\s+(?=\S)")
"""A pictograph opening an item as its mark ("❌ ", "⚠️ ", "✅ ", "🚨 "), before the item's words."""
_BOXES = frozenset("☐☑☒")


def split_pin(text: str) -> tuple[str, str | None]:
    """Split a trailing `{#id}` (an explicit note identity) from heading, row or item text."""
    if "{#" not in text:  # the regex tries every position: most text has no pin
        return text, None
    match = _PIN.search(text)
    if match is None:
        return text, None
    return text[: match.start()], match.group(1)


def markdown_parser() -> Any:
    """The one markdown-it setup we read sources with: CommonMark, GFM tables, front matter,
    MkDocs admonitions, `:::` directives and footnote definitions (the last three to keep what
    they hold, or to leave it out)."""
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
    - a thematic break: a line whose last character, spaces and tabs aside, is `-`, `*` or `_`
      (the front matter's own `---` lines aside);
    - an admonition: `!!!` or `???`; a directive: `:::`; a footnote definition: `[^`.
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
    ("hr", lambda text: _ENDS_IN_BREAK_MARK.search(text, _front_matter_end(text)) is not None),
    ("admonition", lambda text: _has("!", "!!!", text) or _has("?", "???", text)),
    ("container_directive", lambda text: _has(":", ":::", text)),
    ("footnote_def", lambda text: _has("[", "[^", text)),
)


def _front_matter_end(text: str) -> int:
    """Where the front matter ends when it opens with a line `---` and its first line ending in
    `-`, `*` or `_` is a line `---` closing it, with no `...` line before (the front matter rule
    would close it sooner); else 0. Its two lines of dashes are no thematic breaks, and in most
    documents with front matter no other line could be one."""
    if not text.startswith("---\n"):
        return 0
    closing = _ENDS_IN_BREAK_MARK.search(text, 4)
    if closing is None:
        return 0
    last = closing.start()  # the line's last dash, if it is `---`
    start = text.rfind("\n", 0, last) + 1
    between = text[4:start]
    if text[start : last + 2] != "---\n" or "\r" in between:
        return 0
    if between.startswith("...") or "\n..." in between:
        return 0
    return last + 2


def _has(char: str, marks: str, text: str) -> bool:
    """`marks in text`, sooner: most texts lack `char`, a scan ten times faster than for
    several characters, and a compiled literal is searched faster than `in` finds it."""
    return char in text and _literal(marks).search(text) is not None


@lru_cache(maxsize=8)
def _literal(marks: str) -> re.Pattern[str]:
    return re.compile(re.escape(marks))


@lru_cache(maxsize=16)
def _parser_without(rules: tuple[str, ...]) -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.admon import admon_plugin
    from mdit_py_plugins.container import container_plugin
    from mdit_py_plugins.footnote import footnote_plugin
    from mdit_py_plugins.front_matter import front_matter_plugin

    # Inline parsing is off: the model keeps inline Markdown as source text (rendered per field
    # later), so the inline children would be built only to be thrown away (-36 % parse time);
    # so is text_join, which only joins inline children (a pass over every token for nothing).
    # The footnote plugin is here for its block rule: definitions become tokens the fold skips
    # (its core rule, which would move them to the end, is off; its inline rules never run).
    parser = (
        MarkdownIt("commonmark")
        .enable("table")
        .use(front_matter_plugin)
        .use(admon_plugin)
        .use(container_plugin, "directive", validate=_opens_directive)
        .use(footnote_plugin)
        .disable(["inline", "text_join", "footnote_tail"])
    )
    # GFM tables' own rule, its cells split sooner (`_split_row`): the same tokens.
    table = next(rule for rule in parser.block.ruler.__rules__ if rule.name == "table")
    parser.block.ruler.at("table", _table_rule(), {"alt": table.alt})
    return parser.disable(list(rules)) if rules else parser


@lru_cache(maxsize=1)
def _table_rule() -> Callable[..., bool]:
    """markdown-it's table rule as it is, calling `_split_row` where it calls `escapedSplit`
    (a copy of the function with that one name bound otherwise; markdown-it itself unchanged),
    its tables ended at a line without a '|' (`ended_table`)."""
    from importlib import import_module
    from types import FunctionType

    table = import_module("markdown_it.rules_block.table")  # the module, not its function
    rule = table.table
    names = {**vars(table), "escapedSplit": _split_row}
    gfm = FunctionType(rule.__code__, names, rule.__name__, rule.__defaults__, rule.__closure__)
    return ended_table(gfm)


def ended_table(gfm: Callable[..., bool]) -> Callable[..., bool]:
    """A GFM table rule, its table ended at its first body line without a '|' (GFM reads that
    line as one more row; Obsidian and Quartz, where such notes are written, end the table there
    and show the line as a paragraph: `**Note:** …` right under the last row). The rows are
    read again only when such a line is found: each line is looked at once more."""

    def read(state: Any, start: int, end: int, silent: bool) -> bool:
        count = len(state.tokens)
        if not gfm(state, start, end, silent):
            return False
        if silent:
            return True
        stop = next((line for line in range(start + 2, state.line) if _pipeless(state, line)), None)
        if stop is None:
            return True
        del state.tokens[count:]
        return bool(gfm(state, start, stop, silent))

    return read


def _pipeless(state: Any, line: int) -> bool:
    """Whether a line of markdown-it's block state holds no '|' (no table row)."""
    return "|" not in state.src[state.bMarks[line] + state.tShift[line] : state.eMarks[line]]


def _split_row(text: str) -> list[str]:
    """markdown-it's `escapedSplit` of a table row: the cells between unescaped pipes. A row
    without a backslash has no escaped pipe, so it splits at every pipe (`str.split`, against
    a Python loop over each character: about a twentieth of a large document's parse)."""
    if "\\" in text:
        from markdown_it.rules_block.table import escapedSplit

        return escapedSplit(text)
    return text.split("|")


def _opens_directive(params: str, markup: str) -> bool:
    """Any `:::name` opens a directive (Docusaurus, Quarto, Pandoc, VitePress: each site has
    names of its own); a bare `:::` only closes one, or it would swallow the rest of the file."""
    return bool(params.strip())


def read_source(path: Path) -> str:
    """Read a source as UTF-8 (or UTF-16 with its byte-order mark), refusing what is not a readable
    text file with a useful message."""
    if not path.exists():
        raise SourceError("source file not found; check the path (relative to the manifest)", path)
    if path.is_dir():
        raise SourceError("is a folder, not a Markdown file; name a .md file", path)
    try:
        if not stat.S_ISREG(path.stat().st_mode):  # opening a pipe waits for a writer forever
            raise SourceError("is not a regular file (a pipe or a device); name a .md file", path)
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
    # A byte-order mark says UTF-16 (Windows Notepad's "Unicode"): the text is read as it says.
    encoding = "utf-16" if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE) else "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise SourceError(
            f"not valid {encoding.upper()} (byte 0x{data[exc.start]:02x} at column {column}); "
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
    document = _KEPT.pop((path, text), None)
    if document is None:
        with no_cyclic_gc():  # a token per block: see memory.py
            document = _parse(path, text)
    _KEPT.clear()
    if keep:
        _KEPT[path, text] = document
    return document


_KEPT: dict[tuple[Path, str], Document] = {}
"""The one document kept for the next parse of the same text."""


_WIDE_TABLE = re.compile(
    rf"^[ \t]*+\|?(?:[ \t]*+:?-+:?[ \t]*+\|){{{MAX_TABLE_COLUMNS}}}[ \t]*:?-", re.MULTILINE
)
"""A table's delimiter row (`|---|---|`) of more than MAX_TABLE_COLUMNS columns."""


def _refuse_wide_tables(text: str, path: Path) -> None:
    """A table too wide, refused before markdown-it makes a token of each of its cells (a
    million columns would take gigabytes)."""
    if text.count("|") <= MAX_TABLE_COLUMNS:
        return
    wide = _WIDE_TABLE.search(text)
    if wide is not None:
        line = text.count("\n", 0, wide.start())  # the header row, just above
        raise SourceError(
            f"table has more than {MAX_TABLE_COLUMNS} columns; split it into several tables",
            path,
            max(line, 1),
        )


_LATE_FRONT_MATTER = re.compile(
    r"\A((?:[ \t]*\r?\n)+)"
    r"(---[ \t]*\r?\n[A-Za-z_][\w -]*:.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z))",
    re.DOTALL,
)
"""Front matter after blank lines (a file that opens with an empty line): markdown-it reads front
matter on the first line only, and would make its `title:` line a heading."""


def _parse(path: Path, text: str) -> Document:
    text, conflicts = merge_conflicts(text)
    spaceless = spaceless_headings(text)
    spaced = (spaceless[0] + 1, _spaceless_warning(text, spaceless)) if spaceless else None
    text = as_commonmark(text)
    shift = 0  # lines the front matter moved up by: its errors cite the source's lines
    if text[:1] in "\r\n \t" and text[:1]:
        late = _LATE_FRONT_MATTER.match(text)
        if late is not None:  # the blank lines go after it: every later line keeps its number
            text = late.group(2) + late.group(1) + text[late.end() :]
            shift = late.group(1).count("\n")
    _refuse_wide_tables(text, path)
    meta: dict[str, Any] = {}
    loose: list[tuple[int, str]] = []  # front matter read line by line: its warning
    if text.startswith("+++"):
        toml = _TOML_FRONT_MATTER.match(text)
        if toml is not None:  # Hugo's and Zola's `+++` header: read, then blank lines in its place
            meta = _toml_front_matter(toml.group(1), path, loose)
            text = "\n" * toml.group(0).count("\n") + text[toml.end() :]
    tokens = parser_for(text).parse(text)
    if tokens and tokens[0].type == "front_matter":
        try:
            meta = _front_matter(tokens[0].content, path)
        except _NotYaml as exc:  # a slide deck's `style: @import …`: the text is still readable
            meta = _loose_front_matter(tokens[0].content)
            loose.append(((exc.line or 2) + shift, f"{exc.message}; {_LOOSE}"))
        except SourceError as exc:
            if not shift or exc.line is None:
                raise
            raise SourceError(exc.message, path, exc.line + shift) from exc
        tokens = tokens[1:]
        if not tokens:  # a site's data page: its entries in front matter, no body
            body = front_matter_entries(text, meta)
            if body is not None:
                text = body
                tokens = parser_for(text).parse(text)
    reader = _Reader(_Lines(text, path), inline_cleaner(text))
    reader.warnings.extend(loose)
    reader.warnings.extend((first, conflict_warning(last)) for first, last in conflicts)
    if spaced is not None:
        reader.warnings.append(spaced)
    if "<" in text and _WRAPPED.search(text) is not None:
        tokens = reader.unwrap_html(tokens)
    preamble, sections = _fold(tokens, reader)
    intro_blocks, intro_children = _split_entries(preamble, 1)
    line = preamble[0].line if preamble else 0
    title = _title_text(str(meta.get("title") or ""))
    named_title = ""
    sections = _repeated_titles_joined(sections)
    if len(sections) == 1 and sections[0].level == 1:
        # A single `#` heading is the document's title; its subsections are the real top level,
        # its own text (and its callouts) the document's.
        root = sections[0]
        named = file_name_words(_title_text(root.title))  # `# **Asthma**` names it "Asthma"
        title = title or ("" if is_genre_title(named) or is_session_label(named) else named)
        named_title = "" if is_genre_title(named) else named
        line = line or root.line
        intro_blocks += root.blocks
        intro_children += [child for child in root.children if child.callout]
        sections = tuple(child for child in root.children if not child.callout)
    elif (intro_blocks or intro_children) and sections:
        # Subsections before the first top-level heading belong to the text they follow.
        top = min(section.level for section in sections)
        while sections and sections[0].level > top:
            intro_children.append(sections[0])
            sections = sections[1:]
    if not title:
        title = file_title(str(meta.get("slug") or "")) or stem_title(path, sections)
        if is_session_label(title) and named_title:
            title = named_title  # "# Day 3" in day3.md: the author's name for the deck
        if not meta.get("slug"):
            title = heading_over_code(path.stem, sections) or title
    if intro_blocks or intro_children:
        line = line or intro_children[0].line
        intro = Section(title, 0, (), line, tuple(intro_blocks), tuple(intro_children))
        sections = (intro, *sections)
    known = _capital_words(text) if any(_shouts(s) for s in sections) else frozenset()
    sections = tuple(_reroot(s, (), known) for s in soap_spelled(facets_nested(sections)))
    too_deep = next((_line(t) for t in tokens if t.level >= MAX_NESTING - 1 and t.map), 0)
    if too_deep:
        reader.warnings.append((too_deep, _TOO_DEEP))
    warnings = tuple(sorted([*reader.warnings, *reader.lines.warnings]))
    short = short_title(meta, text, named_title, title)
    return Document(path, title, meta, sections, warnings, short)


def _repeated_titles_joined(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Top-level `#` sections with one name joined into the first, when only the last has
    subsections: a page that sets its title twice (`# Korrin Fever (KF)`, a line of text, then
    `# **Korrin Fever (KF)**` over the real outline, as a site's export repeats its heading) has
    one title, not two sections, and "KF — treatment in korrin-fever.md:" named the page's
    subject as a section of itself."""
    if len(sections) < 2 or any(section.level != 1 for section in sections):
        return sections
    if any(section.children for section in sections[:-1]):
        return sections  # `# Asthma` over its outline twice: two sections of one name, each
        # keyed by it (`test_zero_config`), not a title set again over the outline
    name = _title_text(sections[0].title).casefold()
    if not name or any(_title_text(s.title).casefold() != name for s in sections[1:]):
        return sections
    first = sections[0]
    blocks = tuple(block for section in sections for block in section.blocks)
    children = tuple(child for section in sections for child in section.children)
    return (replace(first, blocks=blocks, children=children),)


def short_title(meta: dict[str, Any], text: str, named: str, title: str) -> str:
    """The short name a page gives itself beside its long title: a front matter's `short_title`
    or `nav_title` (what a site's menu shows), a kramdown `{:title="…"}` line right under the
    `#` heading (an Electric Book's running head), or the `#` heading itself when it has fewer
    words than the front matter's `title` and shares a word with it; "" when it gives none."""
    for key in _SHORT_TITLE_KEYS:
        value = meta.get(key)
        if isinstance(value, str) and value.strip():
            return _title_text(value)
    if "{:" in text:
        found = _KRAMDOWN_TITLE.search(text)
        if found is not None:
            return " ".join(found.group(1).split())
    shorter = named and len(words(named)) < len(words(title))  # words, not dashes
    if shorter and content_words(named) & content_words(title):  # the same name, not "Overview"
        return named
    return ""


_SHORT_TITLE_KEYS = (
    "short_title",
    "shortTitle",
    "short-title",
    "nav_title",
    "navTitle",
    "nav-title",
)
_KRAMDOWN_TITLE = re.compile(
    r"^#[ \t][^\n]*\n\{:[^}\n]*?\btitle=\"(?P<t>[^\"\n]{2,80})\"[^}\n]*\}[ \t]*$",
    re.MULTILINE,
)
"""A kramdown attribute list naming a short title on the line under a `#` heading."""


MERGE_CONFLICT = "unresolved merge conflict"
"""How a document's warning about a git conflict begins: `check` makes it an error and `build
--strict` refuses it (a file carded from half of a merge is not what its author meant)."""


def conflict_warning(last: int) -> str:
    """The warning at a conflict's `<<<<<<<` line, naming the line of its `>>>>>>>`."""
    return (
        f"{MERGE_CONFLICT} (`<<<<<<<` to `>>>>>>>` at line {last}); carding the first side and "
        "the sections only the second has: resolve it"
    )


def _spaceless_warning(text: str, spaceless: tuple[int, ...]) -> str:
    """The warning at the first heading written without a space after its hashes, which
    `dialects.spaced_headings` reads as a heading (CommonMark and most viewers do not)."""
    shown = " ".join(text.split("\n", spaceless[0] + 1)[spaceless[0]].split())[:40]
    more = len(spaceless) - 1
    also = f", and {more} more" if more else ""
    return (
        f"heading without a space after '#' ('{shown}'{also}): read as a heading; "
        "write a space after the hashes, as Markdown needs"
    )


_TOO_DEEP = (
    f"blocks nested more than {MAX_NESTING} deep (lists in lists, quotes in quotes) are left "
    "out, with the rest of the block they are in; flatten them"
)
_WRAPPED = re.compile(r"<(?:details|/?[A-Z][\w.]*[\s/>])")
"""`<details>`, or an MDX (JSX) component's tag: a capitalised name."""


_STRONG_MARK = re.compile(r"\*\*|(?<!\w)__|__(?!\w)")
"""The marks of bold text (`**`, `__` at a word's edge). A heading inside a list item is read as
a bold line, unless it marks its own bold: then it is a sentence with its own emphasis, and
wrapping it would nest two bold spans ("**X is a **RESCUE MEDICINE** that …**")."""


_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
"""Lines as markdown-it counts them (str.splitlines also breaks at form feeds and the like)."""


_ENTRY_TERMS = ("term", "name", "word", "abbreviation", "acronym", "title", "question")
"""Keys of a front-matter entry that name what it defines or asks (`- term: BMI`)."""
_ENTRY_MEANINGS = ("definition", "meaning", "description", "answer", "explanation", "text")
"""Keys of the same entry that say what it is (`definition: weight over height squared`)."""
MIN_ENTRIES = 2


def front_matter_entries(text: str, meta: dict[str, Any]) -> str | None:
    """A page whose only text is its front matter's entries (a Jekyll data page: `glossary:`
    over `- term: …` / `definition: …` maps) as the Markdown the page shows: each entry a
    `**Term:** definition` paragraph on its term's line (every other line blank, so cards cite
    the source's lines). None when the front matter holds no list of such entries."""
    lines = text.split("\n")
    written = [""] * len(lines)
    at = 0
    found = 0
    lists = [
        (name, pairs)
        for name, value in meta.items()
        if isinstance(value, list)
        and (pairs := [pair for pair in map(_entry_pair, value) if pair is not None])
    ]
    for name, pairs in lists:
        opening = _entry_line(lines, re.escape(str(name)), at) if len(lists) > 1 else None
        if opening is not None:  # lists of their own: each under its name as a heading
            written[opening] = f"## {str(name).replace('_', ' ').capitalize()}"
        for (key, term), (said, meaning) in pairs:
            line = _entry_line(lines, key, at)
            if line is None:
                return None
            at = line + 1
            term = " ".join(decode_entities(term).split())
            meaning = " ".join(decode_entities(meaning).split())
            if key == "question":  # a question over its answer, as an FAQ page shows it
                answer = _entry_line(lines, said, line + 1)
                if answer is None:
                    return None
                written[line] = f"#### {term}"
                written[answer] = meaning
                at = answer + 1
            else:
                written[line] = f"**{term.rstrip(':')}**: {meaning}"
            found += 1
    return "\n".join(written) if found >= MIN_ENTRIES else None


def _entry_pair(entry: object) -> tuple[tuple[str, str], tuple[str, str]] | None:
    """((key, term), (key, meaning)) of a front-matter entry `{term: …, definition: …}`."""
    if not isinstance(entry, dict):
        return None
    key = next((k for k in _ENTRY_TERMS if isinstance(entry.get(k), str)), None)
    said = next((k for k in _ENTRY_MEANINGS if isinstance(entry.get(k), str)), None)
    if key is None or said is None or not entry[key].strip() or not entry[said].strip():
        return None
    return (key, entry[key].strip()), (said, entry[said].strip())


def _entry_line(lines: list[str], key: str, start: int) -> int | None:
    """The line from `start` on that holds an entry's `key:` (`  - term: BMI`)."""
    opening = re.compile(rf"[ \t]*(?:-[ \t]+)?{key}[ \t]*:")  # a YAML key: no pattern marks
    return next((n for n in range(start, len(lines)) if opening.match(lines[n])), None)


def _front_matter(content: str, path: Path) -> dict[str, Any]:
    import yaml

    if len(content) > MAX_FRONT_MATTER_BYTES:
        raise SourceError(
            f"front matter is longer than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep it to a "
            "few `key: value` lines",
            path,
            2,
        )
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x
    try:
        if "*" in content:  # an alias: a few hundred bytes of them can expand to gigabytes
            _refuse_aliases(yaml.parse(content, Loader=loader), path)
        meta = yaml.load(content, Loader=loader) or {}  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        problem = getattr(exc, "problem", None) or "invalid YAML"
        raise _NotYaml(f"front matter is not valid YAML: {problem}", path, line) from exc
    except RecursionError as exc:
        raise SourceError("front matter nests too deeply; use `key: value` lines", path, 2) from exc
    if not isinstance(meta, dict):
        raise _NotYaml("front matter is not a YAML mapping (key: value lines)", path, 2)
    return meta


def _title_text(title: str) -> str:
    """A title as plain text (`# **Asthma**` is "Asthma"), an underscore inside a word kept
    ("The A_B_C approach"), as CommonMark reads no emphasis there."""
    if "_" not in title:
        return plain(title).strip()
    return plain(_INNER_UNDERSCORE.sub("\x00", title)).replace("\x00", "_").strip()


_INNER_UNDERSCORE = re.compile(r"(?<=[^\W_])_(?=[^\W_])")


_TOML_FRONT_MATTER = re.compile(r"\A\+\+\+[ \t]*\r?\n(.*?)^\+\+\+[ \t]*(?:\r?\n|\Z)", re.S | re.M)
"""TOML front matter between `+++` lines (Hugo, Zola), which markdown-it reads as text."""


def _toml_front_matter(content: str, path: Path, loose: list[tuple[int, str]]) -> dict[str, Any]:
    """A `+++` header's keys; one TOML cannot read is read as its `key = value` lines, with a
    warning in `loose`."""
    import tomllib

    if len(content) > MAX_FRONT_MATTER_BYTES:
        raise SourceError(
            f"front matter is longer than {MAX_FRONT_MATTER_BYTES // 1024} KB; keep it to a "
            "few `key = value` lines",
            path,
            2,
        )
    try:
        return tomllib.loads(content)
    except tomllib.TOMLDecodeError as exc:  # "Invalid value (at line 3, column 9)"
        message, _, where = str(exc).partition(" (at line ")
        last = max(content.count("\n"), 1)  # "(at end of document)": an unclosed value
        line = int(where.split(",")[0]) if where[:1].isdigit() else last
        loose.append((line + 1, f"front matter is not valid TOML: {message}; {_LOOSE_TOML}"))
        return _loose_front_matter(content.replace(" = ", ": "))


_LOOSE_TOML = "its plain `key = value` lines are read as written (fix the TOML to silence this)"


class _NotYaml(SourceError):
    """Front matter a YAML reader refuses, but that is only text (no alias, not huge): the
    document is read with its `key: value` lines taken as written (`_loose_front_matter`)."""


_LOOSE = "its plain `key: value` lines are read as written (write it as YAML to silence this)"
_LOOSE_LINE = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _loose_front_matter(content: str) -> dict[str, Any]:
    """Front matter that is not YAML, read as its `key: value` lines (quotes taken off): a
    title or topic written plainly still names the deck."""
    meta: dict[str, Any] = {}
    for line in content.splitlines():
        found = _LOOSE_LINE.match(line)
        if found is not None and found.group(2):
            meta.setdefault(found.group(1), found.group(2).strip("'\""))
    return meta


def _refuse_aliases(events: Iterator[Any], path: Path) -> None:
    """Refuse YAML aliases (`*name`): front matter never needs one, and nine levels of them
    (a "billion laughs") make a 700-byte header expand to gigabytes."""
    import yaml

    for event in events:
        if isinstance(event, yaml.AliasEvent):
            line = event.start_mark.line + 2 if event.start_mark is not None else 2
            raise SourceError(
                "front matter uses a YAML alias (*name); write the value out instead", path, line
            )


_PIPE_INSIDE = re.compile(
    r"\[\[[^\[\]\n]*(?<!\\)\|[^\[\]\n]*\]\]"  # [[target|label]]
    r"|\{\{[^{}\n]*(?<!\\)\|[^{}\n]*\}\}"  # {{ x | filter }}
    r"|`[^`\n]*(?<!\\)\|[^`\n]*`"  # `a | b`
    r"|(?<![\\$])\$[^$\n]*(?<!\\)\|[^$\n]*\$"  # $|x|$
)
"""A `|` inside inline markup that GitHub's tables still read as a cell's end."""


class _Lines:
    """The source's lines, for checking table rows against it (markdown-it pads a row with too
    few cells silently); split only when a table is met. Without a text, nothing is checked."""

    __slots__ = ("lines", "path", "text", "warnings")

    def __init__(self, text: str | None = None, path: Path | None = None):
        self.text = text
        self.path = path
        self.lines: list[str] | None = None
        self.warnings: list[tuple[int, str]] = []
        """(line, message) of each table row whose cells are not the header's."""

    def check_row(self, row: Any, columns: int) -> None:
        """A warning at a table row (its `tr_open` token) whose cell count differs from the
        header's: it is read as GitHub reads it (a missing cell empty, an extra one dropped),
        which may not be what the author meant, but it is no reason to lose the document."""
        if self.text is None or not row.map or not columns:
            return
        if self.lines is None:
            self.lines = _source_lines(self.text)
        number = row.map[0]
        raw = self.lines[number] if number < len(self.lines) else ""
        count = _count_cells(raw)
        if count != columns and count:
            read = (
                "its missing cells read as empty" if count < columns else "its extra cells left out"
            )
            split = _PIPE_INSIDE.search(raw) if count > columns else None
            fix = (
                f"a | inside {split.group()[:40]!r} splits its cell: write it as \\|"
                if split is not None
                else "give every row the same number of | cells"
            )
            self.warnings.append(
                (
                    number + 1,
                    f"table row has {count} cells but the header has {columns} ({read}); {fix}",
                )
            )

    def source(self, number: int) -> str:
        """The source's line `number` (0-based), or "" past its end or without a text."""
        if self.text is None:
            return ""
        if self.lines is None:
            self.lines = _source_lines(self.text)
        return self.lines[number] if 0 <= number < len(self.lines) else ""


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


Entry: TypeAlias = "Block | _Callout"


@dataclass(frozen=True, slots=True)
class _Callout:
    """A titled callout as it is read, before it becomes its section's subsection."""

    kind: str
    title: str
    line: int
    entries: tuple[Entry, ...]

    def section(self, level: int) -> Section:
        title, pin = split_pin(self.title)
        blocks, children = _split_entries(self.entries, level + 1)
        return Section(
            title.strip(), level, (), self.line, tuple(blocks), tuple(children), pin, self.kind
        )


def _split_entries(entries: Sequence[Entry], level: int) -> tuple[list[Block], list[Section]]:
    """A section's blocks, and its callouts as subsections of `level`."""
    blocks: list[Block] = []
    callouts: list[Section] = []
    for entry in entries:
        if isinstance(entry, _Callout):
            callouts.append(entry.section(level))
        else:
            blocks.append(entry)
    return blocks, callouts


def _flatten(entries: Sequence[Entry]) -> list[Block]:
    """Entries as a list item's blocks: a callout is its title in bold, then what it holds."""
    blocks: list[Block] = []
    for entry in entries:
        if isinstance(entry, _Callout):
            blocks.append(Paragraph(f"**{entry.title}**", entry.line))
            blocks.extend(_flatten(entry.entries))
        else:
            blocks.append(entry)
    return blocks


def _fold(
    tokens: Sequence[Any], reader: _Reader | None = None
) -> tuple[list[Entry], tuple[Section, ...]]:
    """Fold a flat token stream into the entries before the first heading and a section tree
    (by heading level), its sections' paths not set yet."""
    reader = reader or _Reader(_Lines(), None)
    preamble: list[Entry] = []
    # Each open section: [title, level, line, pin, entries, children]
    stack: list[list[Any]] = []
    roots: list[Section] = []
    navigation: set[int] = set()  # the lines of headings that are only links

    def close_top() -> None:
        title, level, line, pin, entries, children = stack.pop()
        if line in navigation and not entries and not children:
            return  # `### [Scurvy.public](/_public/Scurvy.md)`: a way to another page, no point
        if reader.titled:
            entries, callouts = _split_entries(entries, level + 1)
            children = [*callouts, *children]
        if entries and isinstance(entries[0], (Paragraph, ListBlock)):
            entries = heading_value(entries, title)
        section = Section(title, level, (), line, tuple(entries), tuple(children), pin)
        (stack[-1][5] if stack else roots).append(section)

    position = 0
    while position < len(tokens):
        token = tokens[position]
        if token.type == "heading_open":
            level = int(token.tag[1])
            raw = tokens[position + 1].content.strip()
            position += 3
            if (
                token.markup == "-"
                and position > 3
                and _right_after_break(tokens, position - 3)
                and all(_SLIDE_SETTING.match(line.strip()) for line in raw.splitlines())
            ):
                continue  # a Slidev slide's own settings (`---` `layout: center` `---`)
            if not raw:  # a web clip's `## ` with its text on the next line
                raw, position, tokens = _split_heading(tokens, position)
            title, pin = split_pin(heading(reader.text(raw)))
            while stack and stack[-1][1] >= level:
                close_top()
            if "](" in raw and _LINK_HEADING.fullmatch(raw) is not None:
                navigation.add(_line(token))
            stack.append([title.strip(), level, _line(token), pin, [], []])
            continue
        position = reader.block(tokens, position, stack[-1][4] if stack else preamble)
    while stack:
        close_top()
    return preamble, tuple(roots)  # paths are set once the top level is known


def heading_value(entries: list[Entry], title: str) -> list[Entry]:
    """A heading's entries with a bare value opening them (a line or a first list item that is
    only a range or a bound: `6 – 23`, `135 - 145 mmol/L`, `< 0.04`, `95 - 105 is normal`)
    read as the heading's value, `Normal range: 6 – 23` (`Cut-off: < 0.04` for a bound; `Range:`
    under a dose, time, grade or disorder heading), a line of its own after the rest, as a
    `Label: value` line is asked of its heading ("BUN: normal range?"). Written first, the value
    was the lead-in or the topic of the list under it ("6 – 23 (BUN)?"); the item's sub-items
    are the heading's items, in its place."""
    first = entries[0]
    if isinstance(first, Paragraph):
        value = _bare_value(first.text)
        if value is None:
            return entries
        return [*entries[1:], Paragraph(_value_line(value, title), first.line)]
    if not isinstance(first, ListBlock) or not first.items:
        return entries
    opening = first.items[0]
    value = _bare_value(opening.text)
    if value is None or not all(isinstance(block, ListBlock) for block in opening.blocks):
        return entries
    lifted = [item for block in opening.blocks for item in block.items]  # type: ignore[union-attr]
    items = (*lifted, *first.items[1:])
    rest = [ListBlock(first.ordered, items, items[0].line)] if items else []  # its own line
    return [*rest, *entries[1:], Paragraph(_value_line(value, title), opening.line)]


def _bare_value(text: str) -> str | None:
    """The range or bound a text is, and nothing else ("" aside), or None."""
    if "\n" in text.strip() or not any(char.isdigit() for char in text[:24]):
        return None  # cheap: most texts open with a word
    found = _BARE_VALUE.fullmatch(text.strip())
    return found.group("value").strip() if found is not None else None


def _value_line(value: str, title: str) -> str:
    if value[:1] in "<>≤≥&":
        label = "Cut-off"
    elif _TIMED_OR_DOSED.search(title) is not None:
        label = "Range"
    else:
        label = "Normal range"
    return f"{label}: {value}"


_NUMBER = r"\d[\d,]*(?:\.\d+)?"
_UNIT = (
    r"(?!(?:is|are|to|or|and|in|normal)\b)"
    r"(?:%|[A-Za-zµμ][\w^.µμ]{0,5}[ \t]*/[ \t]*[A-Za-z][\w^.]{0,5}|[A-Za-zµμ][\w^µμ]{0,4}%?)"
)
_BARE_VALUE = re.compile(
    rf"(?P<value>(?:(?:&lt;|&gt;|[<>≤≥])=?[ \t]*{_NUMBER}"
    rf"|{_NUMBER}[ \t]*(?:-|–|—|to)[ \t]*{_NUMBER})(?:[ \t]*{_UNIT})?)"
    r"(?:[ \t]+(?:is[ \t]+)?normal)?"
)
"""A range (`6 - 23`, `4.2 – 5.4`) or a bound (`< 0.04`, `&gt; 5.0`), a unit after it, "is normal"
after that, and nothing else."""
_TIMED_OR_DOSED = re.compile(
    r"\b(?:doses?|dosages?|dosing|durations?|ages?|onset|intervals?|times?|timing|frequency|"
    r"course|length|stages?|grades?|class|levels?|category|score|targets?|goals?|mild|moderate|"
    r"severe|high|low|raised|elevated|increased|decreased|deficiency|toxicity|overdose|"
    r"(?:hyper|hypo)\w*)\b",
    re.IGNORECASE,
)
"""A heading whose range is a dose's, a time's, a grade's or a disorder's (`Stage 2`,
`Hypokalaemia`), not a normal value: its range is only "Range"."""


_LINK = r"\[[^\[\]\n]+\]\([^()\s]+\)"
_LINK_HEADING = re.compile(
    rf"(?:#[\w/-]+\s+)*(?:[\w/ -]{{0,40}}::\s*)?{_LINK}(?:\s*(?:[,|]\s*)?{_LINK})*\s*"
)
"""A heading that holds only links (a wiki's `### #is_/same_as :: [Scurvy](Scurvy.md)`, after
an optional tag and inline-field key): navigation to other pages; with nothing under it, no
point of an outline to card. A wikilink heading (`#### [[Nausea]]`) is an outline's point, as
Obsidian notes write them."""


def _right_after_break(tokens: Sequence[Any], position: int) -> bool:
    """True when the block at `position` starts on the line right after a thematic break."""
    before, token = tokens[position - 1], tokens[position]
    return before.type == "hr" and bool(before.map and token.map) and before.map[1] == token.map[0]


SPLIT_HEADING_MAX_WORDS = 12


def _split_heading(tokens: Sequence[Any], position: int) -> tuple[str, int, Sequence[Any]]:
    """The text of an empty heading (`## ` alone on its line, as pages saved from the web write
    one) that stands on the next line: the first line of the paragraph right after it, when
    that line is short text and not a sentence (a list, a table or a heading is no title). The
    rest of the paragraph, if any, stays a paragraph. Returns the title ("" when there is
    none), the position to read on from and the token stream (with the paragraph shortened)."""
    if position + 2 >= len(tokens) or tokens[position].type != "paragraph_open":
        return "", position, tokens
    inline = tokens[position + 1]
    first, _, rest = inline.content.partition("\n")
    first = first.strip()
    if (
        not first
        or len(first.split()) > SPLIT_HEADING_MAX_WORDS
        or first.endswith((".", ":", ";", ","))
        or first.endswith("\\")
        or "](" in first
    ):
        return "", position, tokens
    if not rest.strip():
        return first, position + 3, tokens  # the paragraph was the heading's text
    opening = tokens[position].copy()
    if opening.map:
        opening.map = [opening.map[0] + 1, opening.map[1]]
    shortened = inline.copy()
    shortened.content = rest
    shortened.map = opening.map
    changed = [*tokens[:position], opening, shortened, *tokens[position + 2 :]]
    return first, position, changed


def _reroot(
    section: Section, parent: tuple[str, ...], known: frozenset[str] = frozenset()
) -> Section:
    if len(section.children) > 2:
        nested = facets_nested(section.children)
        if nested is not section.children:
            section = replace(section, children=nested)
    if section.children and any(not child.blocks for child in section.children):
        section = _outline(section)
    title = shouted_words(section.title, known) if known and section.title.isupper() else None
    title = title or section.title
    told = section.path[-1] if section.path and section.path[-1] == f"{section.title} (2)" else ""
    path = (*parent, told or title)  # a repeated heading told apart by its place (facets_nested)
    blocks, kids = section.blocks, section.children
    if section.level > 0 and any(_opens_clause(child.title) for child in kids):
        blocks, kids = _after_open_clauses(blocks, kids)
    children = tuple(_reroot(child, path, known) for child in soap_spelled(kids))
    if any(isinstance(block, Paragraph) for block in blocks):
        blocks = _joined_criteria(blocks)
    return Section(
        title,
        section.level,
        path,
        section.line,
        blocks,
        children,
        section.pin,
        section.callout,
    )


def soap_spelled(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Sibling headings of one letter that spell a SOAP note (`## S`, `<h2>O</h2>`, `## A`,
    `## P`: three of the four at least) as the parts they stand for ("Subjective",
    "Objective", "Assessment", "Plan"): a letter is no subject ("S — risk factors"), and
    the part it names is a part of the page's subject, as a written-out SOAP heading is."""
    letters = [_SOAP.get(heading_text(each.title).strip(" .:").upper(), "") for each in sections]
    if len({letter for letter in letters if letter}) < MIN_SOAP_LETTERS:
        return sections
    return tuple(
        replace(section, title=spelled, path=(*section.path[:-1], spelled)) if spelled else section
        for section, spelled in zip(sections, letters, strict=True)
    )


_SOAP = {"S": "Subjective", "O": "Objective", "A": "Assessment", "P": "Plan"}
MIN_SOAP_LETTERS = 3


def facets_nested(sections: tuple[Section, ...]) -> tuple[Section, ...]:
    """Sibling sections with each run of facet headings moved under the heading before it.

    An author who writes every heading at one level (`## The Pantry`, `## Borders`,
    `## Contents`, `## The Cellar`, `## Borders`, `## Contents`) still means the "Borders"
    after "The Pantry" to be the pantry's: the repeated headings are facets of the heading
    each run follows, and without it every "Borders" asks the same question of another
    place. A facet is a heading written again among its siblings and found in every run of
    such headings, each run holding it once and following a heading written once (the
    places); the run's other repeated headings go with it. Headings repeated without that
    pattern (two versions of a page one after the other, a quiz's `## Question` /
    `## Answer` pairs back to back, a `# Overview` opening the page and another closing it)
    stay as written, and so do the parts of a numbered series (`## Question 1`, `## Options`,
    `## Question 2`, `## Options`: a question bank's items, which `faq.quiz_items` reads as
    siblings). The same tuple when nothing moves."""
    keys = [_facet_key(section) for section in sections]
    counts: dict[str, int] = {}
    for key in keys:
        if key:
            counts[key] = counts.get(key, 0) + 1
    repeated = {key for key, count in counts.items() if count > 1}
    if not repeated:
        return sections
    runs: list[tuple[int, int]] = []  # (start, end) of each run of repeated headings
    start = -1
    for index, key in enumerate([*keys, ""]):
        if key in repeated and start < 0:
            start = index
        elif key not in repeated and start >= 0:
            runs.append((start, index))
            start = -1
    run_keys = [keys[a:b] for a, b in runs]
    if len(runs) < 2 or any(len(set(k)) != len(k) for k in run_keys):
        return sections
    if any(a == 0 or not keys[a - 1] for a, _ in runs):
        return sections  # a run before any place ("# Overview" opening the page): no pattern
    if len({_DIGITS.sub("#", keys[a - 1]) for a, _ in runs}) == 1:
        return sections  # "Question 1", "Question 2": a numbered series, read as siblings
    if not set.intersection(*(set(k) for k in run_keys)):
        return sections
    if len(runs) < MIN_LONE_FACETS and all(b - a == 1 for a, b in runs):
        # one heading written twice (`# Approach`): nothing says it is a facet; the second is
        # told apart by its place in the page, "Approach (2)" in its path (`_reroot` keeps it)
        later = sections[runs[1][0]]
        again = replace(later, path=(*later.path[:-1], f"{later.title} (2)"))
        return tuple(again if section is later else section for section in sections)
    moved: list[Section] = []
    begins = {a: b for a, b in runs}
    index = 0
    while index < len(sections):
        section = sections[index]
        end = begins.get(index + 1)
        if end is not None:
            facets = tuple(_deeper(facet, section.level + 1) for facet in sections[index + 1 : end])
            moved.append(replace(section, children=(*section.children, *facets)))
            index = end
            continue
        moved.append(section)
        index += 1
    return tuple(moved) if len(moved) != len(sections) else sections


MIN_LONE_FACETS = 3
"""Runs of one heading each that make a facet pattern: a heading written twice, alone each time
(`# Approach` after the page's first part and again after another), is two sections of their
own, the second told apart by its place in the page ("Approach (2)" in its path: its notes'
identity and the line above its cards), never named by the part each follows; written after
three places or more, or beside other facets, it is each place's."""


def _facet_key(section: Section) -> str:
    """A heading section's text as siblings are compared; "" for a callout or the document's
    own section, which are neither facets nor places."""
    if section.callout or section.level == 0:
        return ""
    return " ".join(plain(section.title).casefold().rstrip(":.").split())


_DIGITS = re.compile(r"\d+")


def _deeper(section: Section, level: int) -> Section:
    """A facet section one level below the place it was moved under (its own subsections
    deeper still)."""
    if section.level >= level:
        return section
    shift = level - section.level
    return replace(
        section, level=level, children=tuple(_deeper(c, c.level + shift) for c in section.children)
    )


_OPEN_CLAUSE = re.compile(
    r"\b(?:if|when|unless|whenever|includes?|including|such as)\W*$", re.IGNORECASE
)
"""A heading that is the start of a sentence its list ends ("Call the clinic at once if:")."""


def _opens_clause(title: str) -> bool:
    """`_OPEN_CLAUSE` finds the heading's last word. Each of its words ends in f, n, r, e, s or
    g: a heading whose last word character is another ASCII one (most) is passed at once (the
    pattern, searched, tries its words at every position)."""
    end = len(title)
    while end and not (title[end - 1].isalnum() or title[end - 1] == "_"):
        end -= 1
    last = title[end - 1 : end]
    if last.isascii() and last not in "fnresgFNRESG":
        return False
    return _OPEN_CLAUSE.search(title) is not None


def _after_open_clauses(
    blocks: tuple[Block, ...], children: tuple[Section, ...]
) -> tuple[tuple[Block, ...], tuple[Section, ...]]:
    """A heading that opens a sentence its list completes ("### Call the clinic if:" over its
    list) holds only that list: the paragraphs after it ("Velbarin cuts the fever within 2
    days.") are its parent's, and asked of the parent's subject, not "Call the clinic if: …"."""
    moved: list[Block] = []
    kept: list[Section] = []
    for child in children:
        first = child.blocks[0] if child.blocks else None
        if _opens_clause(child.title) and isinstance(first, ListBlock) and not child.children:
            rest = child.blocks[1:]
            moved.extend(rest)
            child = replace(child, blocks=(first,)) if rest else child
        kept.append(child)
    return (*blocks, *moved), tuple(kept)


def _shouts(section: Section) -> bool:
    """A heading in capitals of two words or more, here or below ("STEMI MANAGEMENT")."""
    if section.title.isupper() and sum(1 for w in section.title.split() if w.isalpha()) > 1:
        return True
    return any(_shouts(child) for child in section.children)


_CAPITALS = re.compile(r"\b[A-Z][A-Z0-9]{2,}s?\b")


def _capital_words(text: str) -> frozenset[str]:
    """The words a document writes in capitals inside its running text (a line with lower-case
    letters, not a heading) and never in lower case: its abbreviations ("Primary PCI for STEMI
    within …" -> "STEMI", "PCI"), which a heading in capitals keeps. A word shouted for
    emphasis ("Call NOW", "NEVER shake") is written in lower case elsewhere too."""
    capitals = {
        word
        for line in text.splitlines()
        if not line.lstrip().startswith("#") and any(map(str.islower, line))
        for word in _CAPITALS.findall(line)
    }
    if not capitals:
        return frozenset()
    lower = set(_LOWER_WORD.findall(text))
    return frozenset(word for word in capitals if word.lower() not in lower)


_LOWER_WORD = re.compile(r"\b[a-z][a-z0-9]{2,}\b")


_LIST_OPENS = frozenset(("bullet_list_open", "ordered_list_open"))
_COLUMN_GAP = re.compile(r"(?<=[^\s.!?:])[ \t]{2,}(?=\S)")
"""Two spaces or more inside a line, not after a sentence's end: a gap between two columns of a
PDF's table copied as text ("For dog bite;  Wash", "cat bite  1 Rinse the wound …")."""
FLATTENED_MIN_LINES = 3


def _flattened_from(text: str) -> int | None:
    """Where a paragraph's lines start to interleave the columns of a table or flowchart copied
    out of a PDF (`For dog bite;  Wash` / `cat bite  1 Rinse the wound …`): the offset of its
    first line with a column gap, when FLATTENED_MIN_LINES lines or more from there have one and
    they are two in five of those lines or more. Read as sentences they join one row's words to
    another's ("… or other tropical 1 Immediately flood … for jellyfish sting at least 30
    seconds"), so no rule reads them; `check` asks for the table to be rebuilt. None for
    sentences typed with two spaces after each period, or a line or two of gaps."""
    if "\n" not in text or "  " not in text:
        return None
    lines = text.split("\n")
    gapped = [number for number, written in enumerate(lines) if _COLUMN_GAP.search(written)]
    if len(gapped) < FLATTENED_MIN_LINES:
        return None
    rest = len(lines) - gapped[0]
    if 5 * len(gapped) < 2 * rest:
        return None
    return sum(len(written) + 1 for written in lines[: gapped[0]])


_STEP_NUMBER = re.compile(r"(?:^|(?<=\s))(\d{1,2})[ \t]+(?=[A-Z])")
_INLINE_STEP = re.compile(r"[.!?][ \t]+2[ \t]+[A-Z]")
"""A second step run into the first's sentence ("… over the bite. 2 Apply …"): a cheap test
before `inline_steps` reads the paragraph."""
INLINE_MIN_STEPS = 3


def inline_steps(text: str) -> tuple[str, str, list[str]] | None:
    """An ordered list run into one line, as a PDF's text keeps it: "Bandaging 1 Apply a pad over
    the bite. 2 Wrap the limb. 3 Splint it." (numbers 1, 2, 3 … in order, INLINE_MIN_STEPS or
    more, each after its step's sentence has ended and before a capital) -> (the text before
    its lead, the lead, the steps). The lead is the text before "1" after a column gap or a
    sentence's end; the text before it is a paragraph of its own. None for a paragraph without
    such a run ("grades 1 Mild and 2 Moderate" are no steps: no sentence ends before "2")."""
    if _INLINE_STEP.search(text) is None or "\n" in text.strip():
        return None
    marks = list(_STEP_NUMBER.finditer(text))
    starts = [found for found in marks if found.group(1) == "1"]
    for first in starts:
        run = [first]
        for found in marks:
            if found.start() <= run[-1].start() or int(found.group(1)) != len(run) + 1:
                continue
            if re.search(r"[.!?][ \t]*$", text[run[-1].end() : found.start()]) is None:
                continue  # no sentence ended before it: a number inside the step
            run.append(found)
        if len(run) < INLINE_MIN_STEPS:
            continue
        ends = [found.start() for found in run[1:]] + [len(text)]
        items = [text[found.end() : end].strip() for found, end in zip(run, ends, strict=True)]
        head = text[: first.start()].rstrip()
        cut = max(head.rfind("  "), *(head.rfind(f"{stop} ") for stop in ".!?:")) + 1
        before, lead = head[:cut].strip(), head[cut:].strip()  # (cut 0: all of it the lead)
        return before, lead.rstrip(":").strip(), items
    return None


_SPECIAL = ("import", "export", "::")
"""How a paragraph that may not be content starts (MDX module lines, a stray `:::`, a Slidev
slot's `::right::`)."""
_CALLOUT_OPENS = frozenset(("admonition_open", "container_directive_open", "wrapper_open"))
_PICTURES = re.compile(r"(?:!\[[^\]]*\]\([^()]*\)|!\[\[[^\]]*\]\]|\s)+")
"""A list item that is only pictures (`- ![](fig.png)`): no item, a picture beside the list."""
_ITEM_MARKER = re.compile(r"[ \t]*(?:[-+*]|[0-9]{1,9}[.)])(?:[ \t]+|$)")
_SLIDE_SETTING = re.compile(
    r"^(?:layout|class|transition|background|backgroundSize|image|clicks|clicksStart|disabled"
    r"|hide|hideInToc|level|preload|routeAlias|src|title|zoom|dragPos|layoutClass|theme)"
    r":(?:\s+\S.*)?$"
)
"""A line of a Slidev slide's settings, set between two `---` lines: `layout: two-cols`. Only
Slidev's own keys: `Summary: key facts` between two rules is a setext heading, as written."""
_SLIDE_SLOT = re.compile(r"::[a-z][\w-]*::")
_FLAG = re.compile(
    r"^(?::[a-z0-9_+-]+:|[\u2600-\u27bf\u2b50\u2b55\U0001f300-\U0001faff])\ufe0f?\s+"
)
"""A quote's opening flag: a shortcode (`:star:`, `:bulb:`) or an emoji (⭐, 💡, 🚫)."""
_CALLOUT_HEAD = re.compile(r"\[!([\w-]+)\]([+-]?)[ \t]*(.*)")
_WRAPPER_TAG = re.compile(r"<(/?)(details|summary|[A-Z][\w.]*)((?:\s[^<>]*?)?)(/?)>")
_TITLE_ATTRIBUTE = re.compile(
    r"""\b(?:title|label)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{["']([^"']*)["']\})"""
)


_SPACER = re.compile(r"(?:\s|<br\s*/?>|</?span\b[^<>]*>|&nbsp;|&#160;)*", re.IGNORECASE)
"""A paragraph of nothing but line breaks and spaces (`<span><br></span>`, `&nbsp;`): an editor's
spacer, which would read as the next list's lead-in."""


class _Reader:
    """Reads blocks from the token stream into a section's entries: blocks, and titled callouts
    that become its subsections. Keeps the warnings of what it could not place as written."""

    __slots__ = ("clean", "depth", "lines", "titled", "warnings")

    def __init__(self, lines: _Lines, clean: Cleaner | None):
        self.lines = lines
        self.clean = clean
        self.warnings: list[tuple[int, str]] = []
        self.depth = 0
        """How many list items the blocks being read are in (0: a section's own blocks)."""
        self.titled = False
        """Whether a titled callout was read: else no section's entries need sorting out."""

    def text(self, text: str) -> str:
        """Inline text as CommonMark (`dialects.py`)."""
        return self.clean(text) if self.clean is not None and text else text

    def block(self, tokens: Sequence[Any], position: int, out: list[Entry]) -> int:
        """Read the block at `position` into `out`; return the position after it."""
        token = tokens[position]
        kind = token.type
        if kind == "paragraph_open":
            text = tokens[position + 1].content
            if (
                self.clean is None
                and "\n" not in text
                and not text.startswith(_SPECIAL)
                and not text.endswith("\\")
                and not _leads_in(out)
                and _INLINE_STEP.search(text) is None
            ):
                out.append(Paragraph(text, _line(token)))  # most paragraphs: nothing to do
            else:
                following = tokens[position + 3] if position + 3 < len(tokens) else None
                self.paragraph(text, _line(token), following, out)
            return position + 3
        if kind in _LIST_OPENS:
            return self.list_block(tokens, position, out)
        if kind == "table_open":
            table, end = _table(tokens, position, self.lines)
            out.append(self.table(table))
            return end
        if (
            kind == "code_block"
            and position > 0
            and tokens[position - 1].type == "heading_close"  # indented under its heading
            and is_indented_list(token.content)
        ):
            return self.indented_list(token, position, out)
        if (
            kind == "code_block"
            and position > 0
            and tokens[position - 1].type == "heading_close"  # indented under its heading
            and is_indented_notes(token.content, self.lines.text)
        ):
            out.append(Paragraph(self.text(token.content.strip()), _line(token)))  # the notes
            return position + 1
        if (
            kind == "fence"
            and token.info.strip().lower() in _PROSE_FENCES
            and token.content.strip()
        ):
            # ```md / ```text around a sentence (a prescription's "sig"): text fenced to stand out
            out.append(Paragraph(self.text(token.content.strip()), _line(token) + 1))
            return position + 1
        if kind == "html_block" and token.content[:3].lower() in ("<ul", "<ol"):
            written = html_list(token.content)
            if written is not None:  # items sharing a line, as an editor saves a list
                return self.html_list(written, _line(token), out, position)
        if kind == "html_block" and token.content[:4].lower() == "<div":
            boxed = boxed_list(token.content)  # key and value cells in boxes: `Key: value`
            written = html_list(boxed[1]) if boxed is not None else None
            if boxed is not None and written is not None:
                return self.html_list(written, _line(token) + boxed[0], out, position)
        if kind == "html_block" and _SPACER.fullmatch(token.content):
            return position + 1  # `<br>` alone (under a `<details>` summary): it shows nothing
        if kind in ("fence", "code_block", "html_block"):
            html = kind == "html_block" and token.content.startswith("<table")
            grid = _html_table(token.content, _line(token)) if html else None
            raw = RawBlock(kind, token.content, _line(token), token.info.strip())
            out.append(raw if grid is None else grid)
            return position + 1
        if kind == "blockquote_open":
            return self.blockquote(tokens, position, out)
        if kind in _CALLOUT_OPENS:
            return self.container(tokens, position, out)
        if kind == "heading_open":  # in a list item or a callout: a bold line, not a section
            title = self.text(tokens[position + 1].content.strip())
            if _STRONG_MARK.search(title):  # "### X is a **RESCUE MEDICINE** that …": a sentence
                out.append(Paragraph(title, _line(token)))  # with its own emphasis, kept as is
            elif title:
                out.append(Paragraph(f"**{_lead_in(title, tokens, position + 3)}**", _line(token)))
            return position + 3
        if kind == "footnote_reference_open":  # a footnote definition: not content
            return _matching_close(tokens, position) + 1
        if kind == "hr":  # kept (without text): a thematic break ends an answer, a lead-in
            out.append(RawBlock("hr", "", _line(token)))
        return position + 1  # anything unknown: skip

    def paragraph(self, text: str, line: int, following: Any, out: list[Entry]) -> None:
        if text.startswith("::") and _SLIDE_SLOT.fullmatch(text.strip()):
            return  # a Slidev slot's marker (`::right::`): layout, not text
        if text.startswith(("import", "export")) and is_module_line(text):
            return
        if text.startswith(":::") and not text.strip(":"):
            self.warnings.append(
                (
                    line,
                    "a ':::' line that closes no directive; a directive inside another "
                    "needs more colons (':::: outer' ... '::::')",
                )
            )
            return
        flattened = _flattened_from(text)
        if flattened is not None:  # a PDF's table or flowchart, its columns read line by line
            head = text[:flattened].rstrip("\n")
            if head.strip():
                self.paragraph(head, line, None, out)
            at = line + text.count("\n", 0, flattened)
            out.append(RawBlock("flattened", text[flattened:], at))
            return
        steps = inline_steps(text)
        if steps is not None:  # "Bandaging 1 Apply a pad. 2 Wrap the limb. 3 Splint it."
            before, lead, items = steps
            if before:
                self.add(Paragraph(before, line), out)
            if lead:
                self.add(Paragraph(f"{lead}:", line), out)
            listed = tuple(ListItem(self.text(item), line) for item in items)
            out.append(ListBlock(True, listed, line))
            return
        if self.plain_lines(text, line, out):
            return
        if "\n" in text and following is not None and following.type in _LIST_OPENS:
            head, _, last = text.rpartition("\n")
            if _is_label(last, head) and _ends_sentence(head):
                self.add(Paragraph(head, line), out)
                self.add(Paragraph(last.strip(), line + head.count("\n") + 1), out)
                return
        self.add(Paragraph(text, line), out)

    def plain_lines(self, text: str, line: int, out: list[Entry]) -> bool:
        """Lines of one paragraph written as a list with no marker (a patient page's "You may
        notice:" over `Sharp pain in the side` / `Blood in the urine`, soft line breaks that
        Markdown joins into one paragraph) read as the list they are: after a lead-in ending
        in ":", a run of two short plain lines or more (`_plain_items`); anywhere, a run of two
        `Term. Sentence …` lines or more, or one right after a lead-in (`_term_line`), each read
        as `**Term**: Sentence …`. A lead-in line or any other line after the run is read
        again as a paragraph of its own; True when the paragraph was read here."""
        lines = text.split("\n")
        at = self.plain_list(lines, 0, line, out)
        if not at:
            return False
        while at < len(lines) - 1 and lines[at].rstrip().endswith(":"):
            self.add(Paragraph(lines[at].strip(), line + at), out)  # the next list's lead-in
            at += 1
            at += self.plain_list(lines, at, line, out)  # a loop, not a call per list: no depth
        if at < len(lines):
            self.paragraph("\n".join(lines[at:]), line + at, None, out)
        return True

    def plain_list(self, lines: list[str], start: int, line: int, out: list[Entry]) -> int:
        """The list of marker-less lines from `start` added to `out`: how many lines it took,
        0 when they are none (each line read once, up to the first that is no item)."""
        led = _leads_in(out)
        below = range(start, len(lines))
        count = _plain_items(lines[n] for n in below) if led else 0
        if count:
            items = [
                ListItem(self.text(lines[start + n].strip()), line + start + n)
                for n in range(count)
            ]
        else:
            terms = list(takewhile(bool, (_term_line(lines[n]) for n in below)))
            count = len(terms)
            if count < (1 if led else 2):
                return 0
            items = [
                ListItem(self.text(f"**{term}**: {said}"), line + start + n)
                for n, (term, said) in enumerate(t for t in terms if t is not None)
            ]
        out.append(ListBlock(False, tuple(items), line + start))
        return count

    def add(self, paragraph: Paragraph, out: list[Entry]) -> None:
        text = self.text(paragraph.text)
        if text.endswith("\\"):  # `Then move on.\` ending the paragraph: a break to nothing
            text = without_end_break(text)
        if text.strip() and not (text[:1] in "<&" and _SPACER.fullmatch(text)):
            out.append(paragraph if text is paragraph.text else Paragraph(text, paragraph.line))

    def table(self, table: Table) -> Table:
        if self.clean is None:
            return table
        rows = []
        for row in table.rows:
            cells = [self.text(cell) for cell in row.cells]
            pin = row.pin
            if cells and pin is None:  # `{#id .class}` is a pin once cleaned
                first, pin = split_pin(cells[0])
                cells[0] = first.strip()
            rows.append(TableRow(tuple(cells), row.line, pin))
        return Table(tuple(self.text(cell) for cell in table.header), tuple(rows), table.line)

    def html_list(
        self, written: list[tuple[int, str]], line: int, out: list[Entry], position: int
    ) -> int:
        """A raw-HTML list whose items share lines (`exports.html_list`) read as the Markdown
        list it shows, each item citing the line it starts on."""
        markdown = "\n".join(text for _, text in written) + "\n"
        tokens = parser_for(markdown).parse(markdown)
        for token in tokens:
            if token.map:
                first = line - 1 + written[min(token.map[0], len(written) - 1)][0]
                token.map = [first, first + 1]
        inner = 0
        while inner < len(tokens):
            inner = self.block(tokens, inner, out)
        return position + 1

    def indented_list(self, token: Any, position: int, out: list[Entry]) -> int:
        """An indented code block that is a list (`is_indented_list`) read as the Markdown it
        holds, one indent less, each block citing its own line."""
        markdown = token.content
        tokens = parser_for(markdown).parse(markdown)
        shift = int(token.map[0]) if token.map else 0
        for inner_token in tokens:
            if inner_token.map:
                inner_token.map = [inner_token.map[0] + shift, inner_token.map[1] + shift]
        inner = 0
        while inner < len(tokens):
            inner = self.block(tokens, inner, out)
        return position + 1

    def sub_list(self, markdown: str, line: int) -> list[Block]:
        """The label lines under an item's hard break (`_listed_lines`) read as its sub-list,
        each block citing its own line."""
        tokens = parser_for(markdown).parse(markdown)
        for token in tokens:
            if token.map:
                token.map = [token.map[0] + line - 1, token.map[1] + line - 1]
        entries: list[Entry] = []
        self.depth += 1
        inner = 0
        while inner < len(tokens):
            inner = self.block(tokens, inner, entries)
        self.depth -= 1
        return _flatten(entries)

    def list_block(self, tokens: Sequence[Any], position: int, out: list[Entry]) -> int:
        open_token = tokens[position]
        end = _matching_close(tokens, position)
        ordered = open_token.type == "ordered_list_open"
        items: list[ListItem] = []
        indents: dict[int, int] = {}  # an item's line: its marker's indentation
        index = position + 1
        start = _line(open_token)
        while index < end:
            item_open = tokens[index]
            if item_open.map:
                raw = self.lines.source(item_open.map[0]).expandtabs(4)
                indents[_line(item_open)] = len(raw) - len(raw.lstrip())
            blocks: list[Block] = []
            label: Paragraph | None = None
            if tokens[index + 1].type == "paragraph_open" and tokens[index + 4].type == (
                "list_item_close"
            ):
                # Most items are one paragraph (open, inline, close): no need to look for the end.
                item_end = index + 4
                text = tokens[index + 2].content
                if "\n" in text:
                    last = item_end + 1 == end
                    text, label = self.lazy_label(item_open, tokens[index + 1], text, last)
                    if (
                        label is not None
                        and item_end + 1 == end
                        and not label.text.endswith(":")
                        and not _is_closing([label.text], text)
                    ):
                        text, label = tokens[index + 2].content, None  # nothing follows it
                if self.clean is not None:
                    text = self.clean(text)
            else:
                item_end = _matching_close(tokens, index)
                inner = index + 1
                entries: list[Entry] = []
                self.depth += 1
                while inner < item_end:
                    inner = self.block(tokens, inner, entries)
                self.depth -= 1
                blocks = _flatten(entries)
                first = blocks[0] if blocks else None
                text = ""
                if isinstance(first, Paragraph):
                    text = first.text
                    blocks.pop(0)
            text, pin = split_pin(text)
            if " :: " in text:
                text = _INLINE_FIELD.sub(r"\1: ", text, count=1)
            if text.endswith(":") and blocks and isinstance(blocks[0], Paragraph):
                text, blocks = _arrow_values(text, blocks)  # `- Label:  ` / `\t→ value`
            elif "\n" in text and _ARROW_LINE.match(text.split("\n", 1)[1]):
                head, _, rest = text.partition("\n")
                arrowed = [Paragraph(rest, _line(item_open) + 1), *blocks]
                head = without_end_break(head).rstrip()
                if head.endswith(":"):
                    text, blocks = _arrow_values(head, arrowed)
            if "\n" in text:
                text, explanation = _hard_broken(text)
                listed = _listed_lines(explanation) if explanation else None
                if listed is not None:  # `- ***Drug***  ` over `\t  - **Onset**: 2 min` lines
                    blocks[:0] = self.sub_list(listed, _line(item_open) + 1)
                elif explanation:
                    blocks.insert(0, Paragraph(explanation, _line(item_open) + 1))
            elif text.endswith("\\"):  # a hard break before the item's sub-list: nothing
                text = without_end_break(text)
            if blocks and (">" in text or "→" in text):
                text = _TRAILING_ARROW.sub("", text)  # `- thiazides =>` over its effects
            if text.strip() or blocks:
                items.append(ListItem(text.strip(), _line(item_open), tuple(blocks), pin))
            index = item_end + 1
            if label is not None:  # the list stops here; the label leads the rest in
                self.add_list(ordered, _indented_under(items, indents), start, out)
                self.add(label, out)
                items, start = [], label.line + 1
        self.add_list(ordered, _indented_under(items, indents), start, out)
        return end + 1

    def add_list(self, ordered: bool, items: list[ListItem], line: int, out: list[Entry]) -> None:
        if not items or _is_contents(items):
            return  # a table of contents is navigation, not content
        pictures = [item for item in items if not item.blocks and _PICTURES.fullmatch(item.text)]
        if pictures:  # `- ![](fig.png)`: a picture beside the list, no item of it
            shown = Paragraph(" ".join(item.text for item in pictures), pictures[0].line)
            above = pictures[0] is items[0]  # a picture opening the list stands above it
            if above:
                self.add(shown, out)
            rest = [item for item in items if item not in pictures]
            if rest:
                self.add_list(ordered, rest, 0 if above else line, out)
            if not above:
                self.add(shown, out)
            return
        items = _unmarked(items)
        if not ordered:
            items = list(_phased(tuple(items)))
        block = ListBlock(ordered, tuple(items), items[0].line if line == 0 else line)
        if self.depth == 0 and is_heading_outline(block):
            for item in items:  # an exported outline's numbered headings: each a subsection
                body: list[Entry] = []
                for inner in item.blocks:  # its lists read as a section's own are
                    body.extend(
                        _led_first(_own_list(inner)) if isinstance(inner, ListBlock) else (inner,)
                    )
                self.callout("", item.text, item.line, body, out, False)
        elif self.depth == 0:
            out.extend(_own_list(block))
        else:
            out.append(block)

    def lazy_label(
        self, item_open: Any, paragraph: Any, text: str, last: bool = False
    ) -> tuple[str, Paragraph | None]:
        """An item's paragraph without a label line that CommonMark made a lazy continuation of
        it (the line is not indented to the item's text), and that label: a short line after
        the item, not a wrapped sentence; after the `last` item of a list, also the author's
        closing sentences (`_is_closing`)."""
        if not item_open.map or not paragraph.map:
            return text, None
        first = self.lines.source(item_open.map[0])
        marker = _ITEM_MARKER.match(first)
        if marker is None:  # in a block quote: its `>` marks hide the indentation
            return text, None
        indent = len(marker.group(0).expandtabs(4))
        lines = text.split("\n")
        top = paragraph.map[0]
        for number in range(1, len(lines)):
            raw = self.lines.source(top + number)
            if len(raw.expandtabs(4)) - len(raw.expandtabs(4).lstrip()) >= indent:
                continue  # indented: the item's own text
            closing = last and _is_closing(lines[number:], lines[number - 1])
            if not closing and (
                number != len(lines) - 1 or not _is_label(lines[number], lines[number - 1])
            ):
                return text, None
            rest = " ".join(line.strip() for line in lines[number:])
            return "\n".join(lines[:number]), Paragraph(rest, top + number + 1)
        return text, None

    def blockquote(self, tokens: Sequence[Any], position: int, out: list[Entry]) -> int:
        end = _matching_close(tokens, position)
        token = tokens[position]
        head, rest, content = None, "", ""
        if tokens[position + 1].type == "paragraph_open":
            content = tokens[position + 2].content
            if content.startswith("[!"):
                first, _, rest = content.partition("\n")
                head = _CALLOUT_HEAD.fullmatch(first.rstrip())
        flagged = _FLAG.match(content) if head is None and content else None
        if flagged is not None and tokens[position + 3].type == "paragraph_close":
            # `> :star: Key point …`, `> 💡 …`: a box the author flags as a point to learn, read
            # as its text (a plain quote, a citation or a patient's words, is not).
            following = tokens[position + 4] if position + 4 < end else None
            line = _line(tokens[position + 1])
            self.paragraph(content[flagged.end() :], line, following, out)
            inner = position + 4
            while inner < end:
                inner = self.block(tokens, inner, out)
            return end + 1
        if head is None and any(t.type in _LIST_OPENS for t in tokens[position:end]):
            # A quoted box of lists (`> **Give 3**` / `> - Oxygen`): its content, read as such.
            inner = position + 1
            while inner < end:
                inner = self.block(tokens, inner, out)
            return end + 1
        items = _quoted_items(tokens[position + 1 : end]) if head is None and _leads_in(out) else ()
        if items:
            # "Check it as the guideline says:" over `> On the drip: every hour` / `>` /
            # `> On tablets: every 4 hours`: the lead-in's items, set off with `>`
            listed = tuple(ListItem(self.text(text), line) for text, line in items)
            out.append(ListBlock(False, listed, _line(token)))
            return end + 1
        if head is None and (
            _quoted_prose(tokens[position + 1 : end]) or _quoted_point(tokens[position + 1 : end])
        ):
            # A quoted passage of plain sentences (a quoted abstract, notes set off with `>`):
            # the page's content, read as its paragraphs (a citation or testimonial is not).
            inner = position + 1
            while inner < end:
                inner = self.block(tokens, inner, out)
            return end + 1
        if head is None and _quoted_verdicts(tokens[position + 1 : end]):
            # A box setting off the page's do's and don'ts (`> Routine scans are **NOT**
            # recommended`): the page's content, read as its paragraphs.
            inner = position + 1
            while inner < end:
                inner = self.block(tokens, inner, out)
            return end + 1
        if head is None:
            _check_table_rows(tokens[position:end], self.lines)
            text = "\n".join(t.content for t in tokens[position:end] if t.type == "inline")
            out.append(RawBlock("blockquote", text, _line(token)))
            return end + 1
        # An Obsidian or GitHub callout: `> [!kind]` (`+`/`-` fold it), a title, its text.
        title = head.group(3)
        entries: list[Entry] = []
        if rest.strip():
            following = tokens[position + 4] if position + 4 < end else None
            self.paragraph(rest, _line(tokens[position + 1]) + 1, following, entries)
        inner = position + 4
        while inner < end:
            inner = self.block(tokens, inner, entries)
        self.callout(head.group(1), title, _line(token), entries, out)
        return end + 1

    def container(self, tokens: Sequence[Any], position: int, out: list[Entry]) -> int:
        token = tokens[position]
        end = _matching_close(tokens, position)
        line = _line(token)
        inner = position + 1
        if token.type == "admonition_open":
            kind, title = _admonition_head(token.info)
            if tokens[inner].type == "admonition_title_open":
                inner += 3
        elif token.type == "container_directive_open":
            kind, title = _directive_head(token.info)
            if not self.closes(token):
                self.warnings.append(
                    (
                        line,
                        f"':::{token.info.strip()}' has no closing ':::' line; it runs to "
                        "the end of the document (or of the block it is in)",
                    )
                )
        else:
            kind, title = token.meta.get("kind", ""), token.info
        entries: list[Entry] = []
        while inner < end:
            inner = self.block(tokens, inner, entries)
        if token.type == "admonition_open" and not entries:
            self.warnings.append(
                (
                    line,
                    f"'{token.markup}{token.info}' holds nothing; indent its text by four "
                    "spaces under it",
                )
            )
        self.callout(kind, title, line, entries, out, token.type != "wrapper_open")
        return end + 1

    def closes(self, token: Any) -> bool:
        """A directive's `:::` line is where the container plugin ended it (else it ran on)."""
        if not token.map:
            return True
        return self.lines.source(token.map[1]).strip().startswith(token.markup)

    def callout(
        self,
        kind: str,
        title: str,
        line: int,
        entries: list[Entry],
        out: list[Entry],
        leads_in: bool = True,
    ) -> None:
        """A callout's entries in `out`: as they are when it has no title; as a subsection
        under its title (`> [!warning] Red flags`: the title names what it holds); or, when its
        title opens a sentence its list ends (`!!! danger "Call 999 if the person"` over `- is
        confused`), the title in bold over them, as a lead-in line is written. Not in a
        `<details>` box or a tab (`leads_in` False): a summary or a tab label names a part."""
        title = self.text(title.strip())
        if not title or _names_source(kind, title):
            out.extend(entries)
        elif not entries:
            out.append(Paragraph(title, line))
        elif leads_in and isinstance(entries[0], ListBlock) and _opens_sentence(title):
            out.append(Paragraph(f"**{title}**", line))
            out.extend(entries)
        else:
            self.titled = True
            out.append(_Callout(kind.lower(), title, line, tuple(entries)))

    def unwrap_html(self, tokens: Sequence[Any]) -> list[Any]:
        """The token stream with `<details>`/`<summary>` and MDX component tags in raw HTML blocks
        turned into container tokens (`wrapper_open`/`wrapper_close`, balanced with the stream's
        own: a container closes before the block it is in does, and before a heading) and the
        Markdown between the tags parsed, as a site renders it."""
        from markdown_it.token import Token

        out: list[Any] = []
        opened: list[tuple[Any, int, str]] = []  # open wrappers: token, depth, tag name
        state = {"depth": 0, "summary": -1}

        def close(depth: int, why: str) -> None:
            while opened and opened[-1][1] >= depth:
                token, _, name = opened.pop()
                if why and not (why == _AT_HEADING and _closes_later(self.lines.text, name)):
                    self.warnings.append(
                        (_line(token), f"<{name}> has no </{name}>; it ends {why}")
                    )
                out.append(Token("wrapper_close", "div", -1))

        def feed(stream: Sequence[Any], shift: int) -> None:
            for token in stream:
                if shift and token.map:
                    token.map = [token.map[0] + shift, token.map[1] + shift]
                if (
                    token.type == "html_block"
                    and not token.content.startswith("<!--")  # a comment shows nothing
                    and _WRAPPER_TAG.search(token.content)
                ):
                    unwrap(token)
                    continue
                if token.nesting == -1:
                    close(state["depth"], "with the block it is in")
                    state["depth"] -= 1
                elif token.type == "heading_open" and state["depth"] == 0:
                    close(0, _AT_HEADING)
                out.append(token)
                if token.nesting == 1:
                    state["depth"] += 1

        def unwrap(block: Any) -> None:
            content, base, last = block.content, (block.map or [0])[0], 0
            for match in _WRAPPER_TAG.finditer(content):
                line = base + content.count("\n", 0, match.start())
                closing, name, attributes, empty = match.groups()
                if name == "summary":
                    if not closing:
                        state["summary"] = match.end()
                    elif state["summary"] >= 0:
                        title = content[state["summary"] : match.start()]
                        state["summary"] = -1
                        for token, _, tag in reversed(opened):
                            if tag == "details" and not token.info:
                                token.info = " ".join(_TAGS.sub("", title).split())
                                break
                    last = match.end()
                    continue
                if state["summary"] >= 0:
                    continue  # a tag inside <summary>
                markdown(content[last : match.start()], base + content.count("\n", 0, last))
                last = match.end()
                if empty:
                    continue
                if closing:
                    depth = state["depth"]
                    if any(tag == name and at == depth for _, at, tag in opened):
                        while opened[-1][2] != name:
                            close_one()
                        close_one()
                    continue
                if len(opened) >= MAX_NESTING:  # read as markup, not containers: no deeper
                    if not state.get("deep"):
                        self.warnings.append((line, _TOO_DEEP))
                        state["deep"] = 1
                    continue
                token = Token("wrapper_open", "div", 1)
                token.map = [line, line + 1]
                token.meta = {"kind": name}
                found = _TITLE_ATTRIBUTE.search(attributes) if name != "details" else None
                token.info = next((g for g in found.groups() if g), "") if found else ""
                out.append(token)
                opened.append((token, state["depth"], name))
            markdown(content[last:], base + content.count("\n", 0, last))

        def close_one() -> None:
            opened.pop()
            out.append(Token("wrapper_close", "div", -1))

        def markdown(text: str, line: int) -> None:
            if text.strip():
                text = textwrap.dedent(text.strip("\n"))
                skipped = len(text) - len(text.lstrip("\n"))
                feed(parser_for(text).parse(text), line + skipped)

        feed(tokens, 0)
        close(0, "at the end of the document")
        return out


_TAGS = re.compile(r"<[^<>]*>")


def _arrow_values(label: str, blocks: list[Block]) -> tuple[str, list[Block]]:
    """A label bullet's value written on the lines under it, each after an arrow (`- Class A:`
    then `→ *drug a, drug b*`): one line is the label's value, on its line, the glyph dropped
    ("Class A: *drug a, drug b*"); several are its list, one item a line. Lines not all so
    marked are the item's explanation, as written."""
    first = blocks[0]
    if not isinstance(first, Paragraph) or not label.endswith(":"):
        return label, blocks
    lines = [line.strip() for line in first.text.split("\n") if line.strip()]
    if not lines or not all(_ARROW_LINE.match(line) for line in lines):
        return label, blocks
    values = [without_end_break(_ARROW_LINE.sub("", line, count=1)).rstrip() for line in lines]
    if not all(values):
        return label, blocks
    if len(values) == 1:
        return f"{label} {values[0]}", blocks[1:]
    items = tuple(ListItem(value, first.line + at) for at, value in enumerate(values))
    return label, [ListBlock(False, _phased(items), first.line), *blocks[1:]]


def _phased(items: tuple[ListItem, ...]) -> tuple[ListItem, ...]:
    """Dose steps each opened by its phase (`→ initial 7 mg i.v.` / `→ oder 100 µg/kg/min` /
    `→ Erhaltung 10 µg/kg/min`): the phase is the step's label, as if written `initial: 7 mg`,
    and a step opened by "or" ("oder", "ou", "o") is another way to give the phase before it,
    one answer with it. Clozed whole, each step hid its own phase (no cue which one is asked)
    and an alternative stood as a step of its own. Unchanged unless every item is so written
    and two phases at least are named."""
    if len(items) < 2 or any(item.blocks for item in items):
        return items
    steps: list[tuple[str, str, ListItem]] = []  # (label, value, first item)
    for item in items:
        phase = _PHASE_STEP.match(item.text)
        if phase is not None and _DIGIT.search(phase.group("value")):
            steps.append((phase.group("phase"), phase.group("value").strip(), item))
            continue
        other = _ALTERNATIVE_STEP.match(item.text)
        if other is None or not steps or not _DIGIT.search(other.group("value")):
            return items
        label, value, first = steps[-1]
        steps[-1] = (label, f"{value} {item.text.strip()}", first)
    if len({label.lower() for label, _, _ in steps}) < 2 or len(steps) != len(
        {label.lower() for label, _, _ in steps}
    ):
        return items
    return tuple(replace(first, text=f"{label}: {value}") for label, value, first in steps)


_PHASE_STEP = re.compile(
    r"(?i)(?P<phase>(?:initial|loading|maintenance|starting|induction)(?: dose| rate)?|"
    r"initiale?|inicial|iniziale|erhaltung(?:sdosis)?|aufsättigung|initialdosis|"
    r"entretien|dose (?:initiale|de charge|d'entretien|de ataque|de manutenção)|"
    r"dosis (?:inicial|de carga|de mantenimiento)|mantenimiento|manutenção|mantenimento)"
    r"\s+(?P<value>[^:\s].*)"
)
"""A step opened by the phase it belongs to (`initial 7 mg`, `Erhaltung 10–40 µg/kg/min`)."""
_ALTERNATIVE_STEP = re.compile(r"(?i)(?:or|oder|ou|o|oppure|alternatively)\s+(?P<value>\S.*)")
"""A step opened by "or": another way to give the phase before it."""
_DIGIT = re.compile(r"\d")


def _listed_lines(text: str) -> str | None:
    """An item's lines after its hard break that are a sub-list the author indented past a code
    block's indent (`- ***Drug***  ` then `\t  - **Onset**: 2 min`, `\t\t→ a value`): CommonMark
    reads them as the item's paragraph running on. Every line opens with a list marker or an
    arrow, the first with a marker: the Markdown they mean, each marker line an item and each
    arrow line its value under it (None when the lines are not so written)."""
    lines = [line.strip() for line in text.split("\n")]
    if not lines or _LIST_LINE.match(lines[0]) is None or lines[0][0] not in "-*+":
        return None
    if not all(
        (_LIST_LINE.match(line) is not None and line[0] in "-*+") or _ARROW_LINE.match(line)
        for line in lines
    ):
        return None
    return "\n".join(line if _ARROW_LINE.match(line) is None else f"  {line}" for line in lines)


_ARROW_LINE = re.compile(r"^[ \t]*(?:→|->|=>|⇒|↳)[ \t]*")
"""A continuation line opening with an arrow (`\t→ value`): a value under a label, not a
clause of a sentence."""


def _hard_broken(text: str) -> tuple[str, str]:
    """An item written as a short line and its explanation under it: split at a hard line break
    (a trailing backslash or two spaces), or before a sentence that starts a line of its own
    after a short line without a full stop (`Remove airway devices` / `In mild cases …`). The
    first line is the item; the rest ("" when there is none) explains it."""
    first, _, rest = text.partition("\n")
    rest = without_end_break(rest.strip())
    if first.endswith("\\") or first.endswith("  "):
        return first.rstrip("\\ ").rstrip(), rest
    words = first.split()
    if (
        0 < len(words) <= _MAX_BROKEN_ITEM_WORDS
        and first.rstrip()[-1] not in ".,;:!?-–—("
        and words[-1].lower() not in _GOES_ON
        and rest[:1].isupper()
        and len(rest.split()) >= _MIN_EXPLANATION_WORDS
    ):
        return first.rstrip(), rest
    return text, ""


def without_end_break(text: str) -> str:
    """The text without a hard line break at its very end (`Press firmly.\\` as a paragraph's
    or an item's last line: Pandoc's break, CommonMark's literal backslash), which breaks to
    nothing and would show as a stray `\\`. An escaped backslash (`C:\\\\`) stays."""
    stripped = text.rstrip()
    if not stripped.endswith("\\"):
        return text
    body = stripped.rstrip("\\")
    if (len(stripped) - len(body)) % 2 == 0:
        return text  # `\\\\`: an escaped backslash, shown as one
    return stripped[:-1].rstrip()


_MAX_BROKEN_ITEM_WORDS = 8
_MIN_EXPLANATION_WORDS = 5
_GOES_ON = frozenset("a an the and or of to in on with for by as at from if when that".split())
"""A line ending in one of these is a sentence wrapped onto the next line, not an item."""


_INLINE_FIELD = re.compile(r"^([^:?\n]{1,60}?) :: (?=\S)")
"""A list item written as an inline field, `- Anemia :: sideroblastic anemia` (Obsidian's
Dataview shape, spaced): its name and value, shown as `Anemia: sideroblastic anemia`. A
question before `::` is a flashcard's and is left alone."""


def _own_list(block: ListBlock) -> list[Block]:
    """A section's own list as its blocks: its items' tables lifted out, its labels over
    sub-lists unfolded into lead-ins (`lift_item_tables`, `unfold_labels`)."""
    if not any(item.blocks for item in block.items):
        return [block]
    kept, tables = lift_item_tables(rehung_lead_ins(block))
    return [*(unfold_labels(kept) if kept is not None else ()), *tables]


def _led_first(blocks: list[Block]) -> list[Block]:
    """An unfolded list's blocks with its plain items first (`unfold_labels` puts them after the
    labels' lists): they are the points of the lead-in line above the list (`Harms:` over `-
    gut:` / `  - …`, `- rash`, `- headache`), which a label's list would otherwise stand between."""
    if len(blocks) < 3 or not isinstance(blocks[0], Paragraph):
        return blocks
    last = blocks[-1]
    if not isinstance(last, ListBlock) or any(item.blocks for item in last.items):
        return blocks
    return [last, *blocks[:-1]]


def is_heading_outline(block: ListBlock) -> bool:
    """A numbered list of names of things, each over a body of its own (paragraphs, tables,
    lead-ins and their lists), one over two blocks or more with a paragraph among them: the deeper
    headings of an exported outline (Pandoc writes an Org heading below its export depth as
    `1.  Paracetamol` over indented paragraphs and lists). Each is a subsection titled by its
    name, so its lead-ins, lists and tables are read as a section's; left an item, the whole
    body was one answer or none. Steps (`1. Wash hands` over a line) stay a list: an
    instruction is no name, and a body of one block explains its step."""
    if not block.ordered or len(block.items) < MIN_OUTLINE_HEADINGS:
        return False
    if not all(item.blocks and _names_part(item.text) for item in block.items):
        return False
    return any(
        len(item.blocks) > 1 and any(isinstance(inner, Paragraph) for inner in item.blocks)
        for item in block.items
    )


MIN_OUTLINE_HEADINGS = 2
MAX_OUTLINE_HEADING_WORDS = 4
_OUTLINE_HEADING = re.compile(r"[^\W\d][^.;:!?=<>|\[\]()`*_]*:?")
"""A heading's name: a word first, no stop, no markup, a colon only last (`Indications :`)."""


def _names_part(text: str) -> bool:
    """A name an outline's heading gives its thing (`Paracetamol`), not a facet of the heading
    above (`Indications`, `CI` for contra-indications): titled by a facet alone, a subsection's
    notes would lose the thing they are about, which the list's heading names."""
    name = text.strip()
    words = name.rstrip(": ").split()
    if not 0 < len(words) <= MAX_OUTLINE_HEADING_WORDS or _OUTLINE_HEADING.fullmatch(name) is None:
        return False
    bare = " ".join(words)
    if bare.isupper() and len(bare) <= MAX_FACET_LETTERS:
        return False  # `CI`, `EI`: a facet's initials
    return words[0].lower() not in INSTRUCTION_VERBS and not is_relational(bare)


MAX_FACET_LETTERS = 3


def lift_item_tables(block: ListBlock) -> tuple[ListBlock | None, list[Block]]:
    """A section's list without the tables its items hold, and those tables, each naming the
    item it belongs to (`Table.item`: `* Blood` over `* | False positive | False negative |`
    …), as if the author had written it under a caption line. A table is the content of the
    item it is written under: an item whose own text is only a table (`* | A | B |`) holds its
    parent item's table, an item with text and a table indented under it holds its own. Left
    in the list, the table would be an empty bullet in a long answer mixing it with the item's
    other points. An item whose only content was its tables leaves the list (its name is the
    table's caption, no item of a list of names); None for a list left with no item. A numbered
    list keeps its tables: a step's table belongs in its place among the steps."""
    if block.ordered or not _holds_table(block):
        return block, []  # a numbered step's table is that step's, in its place
    lifted: list[Block] = []
    items = tuple(
        kept for item in block.items if (kept := _without_tables(item, (), lifted)) is not None
    )
    if not items:
        return None, lifted
    return replace(block, items=items, line=items[0].line), lifted


def _holds_table(block: ListBlock) -> bool:
    return any(
        isinstance(inner, Table)
        or (isinstance(inner, ListBlock) and not inner.ordered and _holds_table(inner))
        for item in block.items
        for inner in item.blocks
    )


def _without_tables(
    item: ListItem, owners: tuple[str, ...], lifted: list[Block]
) -> ListItem | None:
    """The item without its tables and its sub-items' (added to `lifted`, each naming its
    item); None when nothing is left of it. `owners`: the texts of the items it is under."""
    if not item.text.strip() and item.blocks and isinstance(item.blocks[0], Table):
        names = owners  # `* | A | B |`: the table of the item this one is under
    else:
        names = (*owners, item.text)
    blocks: list[Block] = []
    tables: list[Table] = []
    before = len(lifted)
    for inner in item.blocks:
        if isinstance(inner, Table):
            tables.append(inner)
        elif isinstance(inner, ListBlock) and not inner.ordered:
            kept = tuple(
                sub
                for sub in (_without_tables(sub, names, lifted) for sub in inner.items)
                if sub is not None
            )
            if kept:
                blocks.append(replace(inner, items=kept, line=kept[0].line))
        else:
            blocks.append(inner)
    if tables:
        labels = [label for label in map(_label_text, names) if label]
        caption = labels[0] if labels else ""
        for label in labels[1:]:
            caption = _joined_label(caption, label).removesuffix(":")
        lifted.extend(replace(table, item=caption) for table in tables)
    if not blocks and (len(lifted) > before or not item.text.strip()):
        return None  # `* Glucose` over only its table: the caption says it
    if len(lifted) == before:
        return item
    return replace(item, blocks=tuple(blocks))


def _label_text(name: str) -> str:
    """An item's text as a part of a caption: without its colon and emphasis."""
    return name.strip().strip("*_").rstrip(":").strip("*_").strip()


_TRAILING_ARROW = re.compile(r"\s*(?:=+>|-+>|→|⇒)\s*$")
"""An arrow ending an item over a list of its own (`- non-conjugated =>` / `  - haemolysis`):
what follows it are its values, the item their lead-in; no arrow left to reach a front."""


def _indented_under(items: list[ListItem], indents: dict[int, int]) -> list[ListItem]:
    """Items indented one space more than the item above them that ends with ":" (`- Surgery,
    such as:` / ` - Bypass` / ` - Stent`), which CommonMark reads as siblings (a sub-list needs
    the item's text column): that item's sub-list, as the author laid them out. Only under an
    item with nothing under it yet; the run ends at the first item back at its indentation."""
    if len(set(indents.values())) < 2:
        return items
    out: list[ListItem] = []
    index = 0
    while index < len(items):
        item = items[index]
        own = indents.get(item.line, 0)
        run = []
        if item.text.rstrip().endswith(":") and not item.blocks:
            after = index + 1
            while after < len(items) and indents.get(items[after].line, 0) > own:
                run.append(items[after])
                after += 1
        if len(run) >= 2:
            out.append(replace(item, blocks=(ListBlock(False, tuple(run), run[0].line),)))
            index += 1 + len(run)
            continue
        out.append(item)
        index += 1
    return out


def rehung_lead_ins(block: ListBlock) -> ListBlock:
    """A list with a sub-list under its last item that opens with a lead-in (`- vomiting` /
    `  - Treatments:` / `  - Saline`, an Obsidian tree indented one step too far): that sub-list
    is the list's own, its lead-in a last item of the list heading the items after it (`-
    Treatments:` / `  - Saline`). A lead-in says what follows is a new kind of point, never one
    more point of the item above it, and the last item's its siblings are not."""
    items = list(block.items)
    for number, item in enumerate(items):
        inner = tuple(rehung_lead_ins(b) if isinstance(b, ListBlock) else b for b in item.blocks)
        if any(new is not old for new, old in zip(inner, item.blocks, strict=True)):
            items[number] = replace(item, blocks=inner)
    led = _led_sub_list(items[-1]) if len(items) > 1 and not block.ordered else None
    if led is not None:
        head, rest = led.items[0], led.items[1:]
        items[-1] = replace(items[-1], blocks=())
        items.append(replace(head, blocks=(ListBlock(led.ordered, rest, rest[0].line),)))
    if led is None and all(new is old for new, old in zip(items, block.items, strict=True)):
        return block
    return ListBlock(block.ordered, tuple(items), block.line)


def _led_sub_list(item: ListItem) -> ListBlock | None:
    """The item's only block when it is a list opening with a short lead-in item of its own
    (`Treatments:`, no sub-list, no condition) and going on after it; None otherwise."""
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return None
    led = item.blocks[0]
    head = led.items[0]
    text = plain(head.text).strip()
    if len(led.items) < 2 or head.blocks or not text.endswith(":"):
        return None
    return led if _is_short(text) and text[:3].lower() not in ("if ", "whe") else None


def unfold_labels(block: ListBlock, titles: bool = False) -> list[Block]:
    """A list whose items label sub-lists (`* Pulse:` over `* 60–100 bpm normal`), as the author
    would have written it without the outer list: each label a paragraph (the lead-in of its
    sub-list), then the sub-list (unfolded in turn), the other items a list of their own. A
    label item ends with ":" or is bold alone; when every item of a list heads a sub-list and
    is a few words (`- Creatinine limitations` / `  - slow to react`), each is a label too. A
    sub-list of one item is a list of its own only under a name with a colon over a short item
    (`* Oxygen saturation:` / `  * SpO2: 95% or more`). A name over a line of explanation and a
    sub-list of labelled items (`- Skin creams` / `Use sparingly.` / `- **Mild**: …`) heads
    that sub-list too; its explanation follows the list. A numbered list is left whole: its order
    is part of what it says. With `titles` (a heading outline read as a list) every item over a
    sub-list is a title of its points, unless it states a fact itself (`Rest -> two weeks`)."""
    if block.ordered:
        return [block]  # numbered steps and quiz questions keep their order and numbers
    mended = tuple(_mended_record(item) or item for item in block.items)
    if any(new is not old for new, old in zip(mended, block.items, strict=True)):
        block = ListBlock(block.ordered, mended, block.line)
    if is_named_sequence(block):
        return [block]  # phases or stages in order, some over points: one list, not labels
    heads = all(
        len(item.blocks) == 1
        and isinstance(item.blocks[0], ListBlock)
        and len(item.blocks[0].items) > 1
        and _is_short(item.text)
        for item in block.items
    ) or _heads_among_sentences(block)
    labelling = [
        _labels(item, heads or (titles and _ARROW.search(item.text) is None))
        for item in block.items
    ]  # an outline's heading titles its points, unless it states a fact itself ("A -> B")
    if not any(labelling):
        return [block]
    if _kinds_alike(block, labelling):  # the whole list of kinds, then each long one's points
        members = tuple(
            replace(kind, blocks=()) if long else kind
            for kind, long in zip(block.items, labelling, strict=True)
        )
        kinds: list[Block] = [ListBlock(block.ordered, members, block.line)]
        for kind, long in zip(block.items, labelling, strict=True):
            if long:
                kinds.extend((Paragraph(kind.text, kind.line), *kind.blocks))
        return kinds
    stops = sum(1 for item in block.items if _STOPPED_LABEL.search(item.text) is not None)
    few_stops = stops * 2 < len(block.items)  # one label stopped among others: a habit
    out: list[Block] = []
    run: list[ListItem] = []
    first_run = -1  # where the items before the first label stand in `out`
    for item, is_label in zip(block.items, labelling, strict=True):
        if not is_label:
            run.append(item)
            continue
        if run:
            first_run = len(out) if first_run < 0 else first_run
            out.append(ListBlock(block.ordered, tuple(run), run[0].line))
            run = []
        *explanations, last = item.blocks  # an explanation goes after the list it stood over,
        blocks = (last, *explanations) if explanations else item.blocks  # which the label leads
        unfolded: list[Block] = []
        fields = item.blocks[0]
        if len(item.blocks) == 1 and isinstance(fields, ListBlock) and _is_record(item, fields):
            out.extend(_record_fields(item.text, item.line, fields))
            continue
        for inner in blocks:
            unfolded.extend(
                unfold_labels(inner, titles) if isinstance(inner, ListBlock) else (inner,)
            )
        first = unfolded[0]
        if (
            isinstance(last, ListBlock)
            and isinstance(first, Paragraph)
            and len(unfolded) > 1
            and item.text.rstrip("*_ ").endswith(":")
        ):
            # Labels under a label (`- Contraindications:` / `  - Absolute:` / `    - …`): each
            # inner label says which part of the outer one it is ("Contraindications — absolute").
            # An outer name without a colon (`- Other markers` / `  - Cystatin C`) names a group
            # its items are examples of, not a part of them: they stand alone.
            labels = {(sub.line, sub.text) for sub in last.items}
            unfolded = [
                Paragraph(_joined_label(item.text, b.text), b.line)
                if isinstance(b, Paragraph) and (b.line, b.text) in labels
                else b
                for b in unfolded
            ]
        else:
            if isinstance(last, ListBlock) and len(unfolded) > 1 and _names_a_group(item.text):
                # A part under a name (`- Hypervolemic` / `  - Treatment` / `    - …`) is that
                # name's part, never the heading's: "Hypervolemic — treatment".
                parts = {(sub.line, sub.text) for sub in last.items if _names_a_part(sub.text)}
                unfolded = [
                    Paragraph(_joined_label(item.text, b.text), b.line)
                    if isinstance(b, Paragraph) and (b.line, b.text) in parts
                    else b
                    for b in unfolded
                ]
            label = _STOPPED_LABEL.sub("", item.text) if few_stops else item.text
            unfolded.insert(0, Paragraph(label, item.line))
        out.extend(unfolded)
    if run and first_run == 0 and not any(":" in plain(item.text) for item in run):
        # `- Start low` / `- Reduce in:` over its list / `- Aim for 1–2`: the items after a
        # label's sub-list go on with the list the label stood in, under the same lead-in;
        # alone after the sub-list, they were a list of their own that nothing named. A
        # `Label: value` item is asked on its own already, wherever it stands
        opening = out[0]
        assert isinstance(opening, ListBlock)
        out[0] = ListBlock(block.ordered, (*opening.items, *run), opening.line)
    elif run:
        out.append(ListBlock(block.ordered, tuple(run), run[0].line))
    return out


_STOPPED_LABEL = re.compile(r"(?<=[A-Za-z)])\.\s*$")
"""A label's closing full stop (`- Raised iron use in the body.` over its causes, beside labels
with none): the note-taker's habit, no sentence; kept, the label would read as a remark and its
list lose its name. A list whose labels mostly end so (or one alone) is of sentences."""


def _names_a_part(label: str) -> bool:
    """A label that names a part of what it is under (`Treatment`, `Causes:`): no thing of its
    own."""
    text = _label_text(label)
    return bool(text) and is_relational(text)


def _names_a_group(label: str) -> bool:
    """An outer label that names a group (`Hypervolemic`), not a value (`1.5 - 2.5`)."""
    return _DIGIT_OR_BOUND.search(label) is None


_DIGIT_OR_BOUND = re.compile(r"[\d<>≤≥]")


_NAMED_STAGE = re.compile(r"(\*\*|__)(?P<name>[^*_:\n]+?)\1(?:\s*\((?P<aside>[^()\n]+)\))?\s*")
"""An item that is a bold name alone, or with an aside in brackets (`**injury**`, `**healing**
(lasts weeks)`): a stage's, a phase's or a kind's name."""
MIN_SEQUENCE = 3
MIN_SEQUENCE_OUTLINED = 2
MAX_STAGE_WORDS = 5


def named_stage(item: ListItem) -> tuple[str, str] | None:
    """(name, aside) of an item that is only a bold name, maybe with a bracketed aside ("" for
    none); None for any other item (a label with a colon, a name with more text)."""
    found = _NAMED_STAGE.fullmatch(item.text.strip())
    if found is None or not 0 < len(found.group("name").split()) <= MAX_STAGE_WORDS:
        return None
    return found.group("name").strip(), (found.group("aside") or "").strip()


def is_named_sequence(block: ListBlock) -> bool:
    """A list of bold names, at least MIN_SEQUENCE, at least two of them over a sub-list of
    their points and one over nothing (`- **injury** (minutes)` / `  - vasoconstriction`,
    `- **repair**` / `  - …`, `- **maturation**`): the stages of one process, whose order and
    names are facts as much as the points under each (a name with no points says the names are
    the list's items; names all over points are labels, each its list's lead-in). Unfolding
    the names that head sub-lists into labels would split it into pieces and lose the names
    that have no points."""
    if len(block.items) < MIN_SEQUENCE or not block.items[0].text.startswith(("**", "__")):
        return False  # most lists: cheap
    outlined = sum(
        1 for item in block.items if any(isinstance(inner, ListBlock) for inner in item.blocks)
    )
    bare = any(not item.blocks for item in block.items)
    return (
        bare
        and outlined >= MIN_SEQUENCE_OUTLINED
        and all(named_stage(item) is not None for item in block.items)
    )


def _kinds_alike(block: ListBlock, labelling: list[bool]) -> bool:
    """A list of bold names written alike, each over its own points, some over one point only
    (`- **Left-sided**` over two forms, `- **Right-sided**` over one line): kinds of one thing.
    Unfolding only the names over two points or more took them out of the list, which then
    read as complete without them: the whole list of names comes first, each longer sub-list
    after it under its name."""
    if all(labelling) or len(block.items) < 2:
        return False
    for item in block.items:
        text = item.text.strip()
        bold = text.startswith(("**", "__")) and text.endswith(("**", "__"))
        inner = text.strip("*_ ")
        if not bold or "*" in inner or "_" in inner or ":" in inner or not _is_short(text):
            return False
        if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
            return False
    return True


def _labels(item: ListItem, heads: bool) -> bool:
    """Whether an item labels the sub-list under it (see `unfold_labels`)."""
    text = item.text.rstrip()
    if len(item.blocks) > 1 and _leads_labelled(text, item.blocks):
        return True
    if len(item.blocks) != 1 or not isinstance(item.blocks[0], ListBlock):
        return False  # an explanation, more paragraphs: an item with its details, not a label
    if len(item.blocks[0].items) < 2 and not _names_one(text, item.blocks[0]):
        return False  # one detail under an item ("fenytrol" / "trough level"): no list of its own
    if text[:3].lower() in ("if ", "whe"):  # "If SpO2 > 92%:": a condition, read per item
        return False
    bold = text.startswith(("**", "__")) and text.endswith(("**", "__", "**:", "__:"))
    if bold and _claims_over_labels(text, item.blocks[0]):
        return True
    return _is_short(text) and (text.endswith(":") or bold or heads)


def _claims_over_labels(text: str, points: ListBlock) -> bool:
    """One bold sentence over `Label: value` points (`- **Ward patients need A plus B.**` /
    `  - Usual picks: A1 + B1.`): a claim with its evidence. Left in the list, the claim was
    hidden whole or made the topic of every point under it; unfolded, the claim is a statement
    of its own and its points are labels asked under the section's topic."""
    inner = " ".join(text.strip("*_ ").split())
    if not inner.endswith((".", "!")) or len(inner.split()) < _MIN_CLAIM_WORDS:
        return False
    labelled = sum(1 for point in points.items if _LABELLED.match(point.text) is not None)
    return labelled * 2 > len(points.items)


_MIN_CLAIM_WORDS = 5


def _leads_labelled(text: str, blocks: tuple[Block, ...]) -> bool:
    """A name (`- Skin creams`) over a line of explanation and a sub-list of labelled items
    (`**Mild**: velbarin 1%`, `Strong: …`): the name heads that sub-list as a label would."""
    *explanations, last = blocks
    if not isinstance(last, ListBlock) or len(last.items) < 2:
        return False
    if not all(isinstance(block, Paragraph) for block in explanations):
        return False
    if not 0 < len(text.split()) <= _MAX_NAME_WORDS or text.endswith((".", "!", "?")):
        return False
    labelled = sum(1 for inner in last.items if _LABELLED.match(inner.text) is not None)
    return labelled * 3 >= len(last.items) * 2


def _is_record(item: ListItem, fields: ListBlock) -> bool:
    """A name set in bold alone over its fields, every one a bold label with a colon, some with
    their values listed under them (`- ***Drug a***` / `  - **Bolus**:` / `    → 5 mg` /
    `  - **Onset**: 2 min`): a record, as a table's row is (see `_record_fields`)."""
    name = item.text
    bold = name.startswith(("**", "__")) and name.endswith(("**", "__"))
    if not bold or fields.ordered or len(fields.items) < 2:
        return False
    return all(
        _BOLD_LABEL.match(field.text) is not None
        and all(isinstance(block, ListBlock) for block in field.blocks)
        for field in fields.items
    )


def _mended_record(item: ListItem) -> ListItem | None:
    """A record whose fields are indented unlike each other (`- ***Drug***` / `\t  - **Dose**:`
    / `\t\t→ 5 mg` / `\t- **Rate**:` / `\t\t→ 1 mg/h` / `\t  - **Onset**: 2 min`): CommonMark
    nests a field under the one before it, or leaves its arrow values a paragraph of the name's.
    Every bold label at any depth under the name is one field of it, each arrow paragraph the
    values of the field before it; read so, one uneven indent no longer loses the whole record.
    None when the item is no such record (or is one already written evenly)."""
    name = item.text
    if not (name.startswith(("**", "__")) and name.endswith(("**", "__"))) or not item.blocks:
        return None  # most items: cheap
    only = item.blocks[0]
    if (
        len(item.blocks) == 1
        and isinstance(only, ListBlock)
        and not any(point.blocks for point in only.items)
    ):
        return None  # fields on their own lines already
    fields: list[ListItem] = []
    changed = False
    if not _gather_fields(item.blocks, fields):
        return None
    for at, entry in enumerate(fields):
        if entry.blocks and all(isinstance(block, Paragraph) for block in entry.blocks):
            label, blocks = _arrow_values(entry.text, list(entry.blocks))
            if any(isinstance(block, Paragraph) for block in blocks):
                return None
            fields[at] = replace(entry, text=label, blocks=tuple(blocks))
            changed = True
    flat = ListBlock(False, tuple(fields), fields[0].line) if len(fields) > 1 else None
    if flat is None or not _is_record(item, flat):
        return None
    if not changed and len(item.blocks) == 1 and item.blocks[0] == flat:
        return None
    return replace(item, blocks=(flat,))


def _gather_fields(blocks: Sequence[Block], fields: list[ListItem]) -> bool:
    """Append the bold-label fields among `blocks` to `fields`, each with its arrow paragraphs
    as its blocks (`_mended_record`); False when anything else stands among them."""
    for block in blocks:
        if isinstance(block, Paragraph):
            lines = [line for line in block.text.split("\n") if line.strip()]
            if not fields or not lines or not all(_ARROW_LINE.match(line) for line in lines):
                return False
            last = fields[-1]
            if last.blocks or not last.text.rstrip().endswith(":"):
                return False
            fields[-1] = replace(last, blocks=(block,))
        elif isinstance(block, ListBlock) and not block.ordered:
            for entry in block.items:
                if _BOLD_LABEL.match(entry.text) is None:
                    return False
                values = [b for b in entry.blocks if isinstance(b, Paragraph)]
                nested = [b for b in entry.blocks if not isinstance(b, Paragraph)]
                if values and entry.blocks[: len(values)] != tuple(values):
                    return False  # values after a nested field: no shape a record has
                fields.append(replace(entry, blocks=tuple(values)))
                if nested and not _gather_fields(nested, fields):
                    return False
        else:
            return False
    return True


def _record_fields(name: str, line: int, fields: ListBlock) -> list[Block]:
    """A record's fields, each asked of its name: the name as the lead-in of the fields with a
    value on their line, then each field over a list of values led by the name and the field
    ("Drug a — bolus:"). Unfolded as labels are, a field over values would lead the fields
    after it, the name lost."""
    named = [
        replace(item, text=_FIELD_ICONS.sub(r"\1:", item.text, count=1)) for item in fields.items
    ]
    notes = [noted for noted in (_note_points(item) for item in named) if noted is not None]
    noted_lines = {points.line for points in notes}
    named = [item for item in named if item.line not in noted_lines]
    inline = tuple(item for item in named if not item.blocks)
    out: list[Block] = [Paragraph(name, line)]
    if inline:
        out.append(ListBlock(False, inline, inline[0].line))
    for item in named:
        if item.blocks:
            out.append(Paragraph(_joined_label(name, item.text), item.line))
            out.extend(item.blocks)
    for points in notes:
        out.extend((Paragraph(name, points.line), points))
    return out


def _note_points(field: ListItem) -> ListBlock | None:
    """A record's note (`**Hinweis**: Hochselektiv, Standard bei *X*`, `**Note**:` over its
    lines): no question of its own ("Drug: Note?" asks nothing, and answered two facts at once)
    but points about the record's name, each clause of it one point, its phrases in italics the
    author's facts (set in bold, which the item clozes read as a point's fact). None for any
    other field, or a note of one clause."""
    label, colon, value = field.text.partition(":")
    if not colon or plain(label).strip().lower() not in _NOTE_LABELS:
        return None
    if field.blocks:
        (values,) = field.blocks
        if not isinstance(values, ListBlock):
            return None
        points = [replace(item, text=_stressed(item.text)) for item in values.items]
    else:
        clauses: list[str] = []
        for clause in _CLAUSE_BREAK.split(value.strip().rstrip(".").strip()):
            if clauses and _EMPHASIS_ONLY.fullmatch(clause.strip()):
                clauses[-1] = f"{clauses[-1]}, {clause.strip()}"  # a series goes on
            elif clause.strip():
                clauses.append(clause.strip())
        points = [ListItem(_stressed(clause), field.line) for clause in clauses]
    if len(points) < 2:
        return None
    return ListBlock(False, tuple(points), field.line)


def _stressed(text: str) -> str:
    """The text with its italic phrases (`*X*`, `_X_`) set in bold."""
    return _ITALIC.sub(r"**\g<inner>**", text)


_NOTE_LABELS = frozenset(
    """note notes nb n.b. hint hinweis hinweise bemerkung anmerkung remarque remarques nota notas
    observação observações observación obs""".split()
)
"""A record field's labels that name no property: a remark on the record as a whole."""
_CLAUSE_BREAK = re.compile(r"[,;]\s+(?![^()]*\))")
"""A comma or semicolon between clauses of a note (none inside brackets)."""
_EMPHASIS_ONLY = re.compile(r"(?:\*[^*\s][^*]*\*|_[^_\s][^_]*_)")
"""A clause that is one italic phrase alone: a member of the series before it."""
_ITALIC = re.compile(r"(?<![*\w])\*(?P<inner>[^*\s](?:[^*]*[^*\s])?)\*(?![*\w])")


_FIELD_ICONS = re.compile(
    r"^((?:\*\*|__)[^*_]+(?:\*\*|__))[ \t]*"
    r"[\u2190-\u2bff\U0001f000-\U0001faff\ufe0f\u200d ]+:"
)
"""Icons between a field's bold label and its colon (`**Dose** 💉⏱️:`): the label's decoration."""


_BOLD_LABEL = re.compile(r"(?:\*\*|__)[^\s:*_][^:*_]{0,40}(?:\*\*|__)[^:*_]{0,12}:")
"""A field's label: bold, a colon after it (an emoji or a mark may stand between)."""


_LABELLED = re.compile(r"(?:\*\*|__)?[^\s:*_][^:*_]{0,40}?(?:\*\*|__)?:")
"""An item opening with a short label and a colon (`**Mild**: …`, `Very strong: …`)."""


def _names_one(label: str, block: ListBlock) -> bool:
    """A name with a colon over one short item (`* Oxygen saturation:` / `  * SpO2: 95% or
    more`): the label of that one fact, unfolded as a longer sub-list is."""
    (only,) = block.items
    return (
        label.endswith(":")
        and 0 < len(label.split()) <= _MAX_NAME_WORDS
        and not only.blocks
        and len(only.text.split()) <= _MAX_ONE_ITEM_WORDS
    )


_MAX_NAME_WORDS = 4
_MAX_ONE_ITEM_WORDS = 15


def _is_short(text: str) -> bool:
    return 0 < len(text.split()) <= _MAX_LABEL_WORDS and "\n" not in text


_MAX_LABEL_WORDS = 8


def _is_label(line: str, before: str) -> bool:
    """A short line that may label what follows it (`Scenario`, `Normal BP:`), written right
    after `before` (no hard line break between them, which would say the two go together)."""
    bare = line.strip().strip("*_").strip()
    return (
        bool(bare)
        and len(bare.split()) <= 8
        and bare[-1] not in ".,;"
        and not before.rstrip().endswith("\\")
    )


MIN_CLOSING_WORDS = 4
MIN_UNSTOPPED_CLOSING_WORDS = 6
"""After an item with no full stop (`- Unusual tiredness`), a closing sentence needs this many
words: a shorter capitalised line may still be the item's own words wrapped."""


def _is_closing(lines: Sequence[str], before: str) -> bool:
    """Lines written right after an item that ended its sentence, not indented to the item's
    text, that make whole sentences of their own (`- Report a gain of 2 kg.` / `Ask your nurse
    if unsure.`): the author's closing remark after the list, which CommonMark made a lazy
    continuation of the last item; never part of that item's answer."""
    said = " ".join(line.strip() for line in lines)
    bare = said.strip("*_ ")
    words = len(bare.split())
    return (
        (_ends_sentence(before) or words >= MIN_UNSTOPPED_CLOSING_WORDS)
        and not before.rstrip().rstrip("*_").endswith((":", ")", ",", ";"))
        and not before.rstrip().endswith("\\")
        and not before.endswith("  ")  # a hard line break: the item's own explanation
        and bare[:1].isupper()
        and bare[-1:] in (".", "!")
        and words >= MIN_CLOSING_WORDS
        and not _LINK_END.search(said.rstrip())
    )


def _ends_sentence(text: str) -> bool:
    """Whether a line ends a sentence ("(adults)" included); a link or an image does not (the
    short line under an image is its caption, not a label)."""
    end = text.rstrip().rstrip("*_").rstrip()
    return end[-1:] in (".", "!", "?", ":", ")") and _LINK_END.search(end) is None


_LINK_END = re.compile(r"\]\([^()]*\)$")


def _is_contents(items: Sequence[ListItem]) -> bool:
    """A table of contents: every item only a link into the page (`[Basics](#basics)`)."""
    return items[0].text.startswith("[") and all(
        _CONTENTS_ITEM.fullmatch(item.text) is not None
        and all(isinstance(b, ListBlock) and _is_contents(b.items) for b in item.blocks)
        for item in items
    )


_CONTENTS_ITEM = re.compile(r"\[[^\[\]]+\]\(#[^()\s]*\)")


def _lead_in(title: str, tokens: Sequence[Any], following: int) -> str:
    """A heading's text as a bold line: with a colon when it opens a sentence the list right
    after it ends ("Take them to hospital if they" over "- are drowsy"), as a lead-in line is
    written, so that a long one still leads its list in."""
    if (
        following < len(tokens)
        and tokens[following].type in _LIST_OPENS
        and _opens_sentence(title)
        and not title.endswith((":", ".", "!", "?"))
    ):
        return f"{title}:"
    return title


_SOURCE_KINDS = frozenset({"quote", "cite"})
_SOURCE_TITLE = re.compile(r"^(?:\[\[[^\]]+\]\]|\[[^\]]+\]\([^)]*\)|@[\w:.-]+)$")


def _names_source(kind: str, title: str) -> bool:
    """Whether a quote callout's title is only where the quote comes from (`> [!quote]
    [[Sources/Some article|alias]]`, a `[text](url)` link, an `@citekey`): a source names no
    subject, so what the callout holds is read as the surrounding section's text, as an untitled
    callout's is. Another callout's link title (`> [!info] [[Metformin]]`) names its subject."""
    return kind.lower() in _SOURCE_KINDS and _SOURCE_TITLE.match(title.strip()) is not None


def _opens_sentence(title: str) -> bool:
    """Whether a callout's title is the start of a sentence its list finishes: it ends in ':'
    ("Give these:") or a condition follows its first word ("Call 999 if the person", "Stop
    the drug when"). "Red flags", "When to call" or "What to do if it spreads" (a question
    without its mark) name a subject instead."""
    text = title.strip().rstrip("*_ ")
    if _QUESTION_WORD.match(text):
        return False
    return text.endswith(":") or _CONDITION_WORD.search(text) is not None


_CONDITION_WORD = re.compile(r"(?i)\S\s+(?:if|when|whenever|unless|until)\b")
_QUESTION_WORD = re.compile(r"(?i)(?:what|how|when|why|which|who|whom|whose|where)\b")


def _admonition_head(info: str) -> tuple[str, str]:
    """Kind and title of `!!! kind "Title"` (Python-Markdown: only a quoted title is a title;
    other words are more classes, `inline end`)."""
    params = info.strip()
    kind = re.match(r'[^\s"]*', params)
    quoted = re.search(r'"(.*)"', params)
    return (kind.group(0) if kind else ""), (quoted.group(1).strip() if quoted else "")


def _directive_head(info: str) -> tuple[str, str]:
    """Kind and title of `:::kind Title`, `:::kind[Title]` (Docusaurus) or
    `::: {.callout-kind title="Title"}` (Quarto, Pandoc)."""
    params = info.strip()
    if params.startswith("{"):
        classes = re.findall(r"(?<![\w-])\.([\w-]+)", params)
        found = _TITLE_ATTRIBUTE.search(params)
        title = next((g for g in found.groups() if g), "") if found else ""
        return (classes[0] if classes else ""), title
    match = re.match(r"([\w-]+)[ \t]*(?:\[([^\]]*)\])?[ \t]*(?:\{[^}]*\})?[ \t]*(.*)", params)
    if match is None:
        return "", params
    title = (match.group(2) or match.group(3) or "").strip().strip('"').strip()
    return match.group(1), title


def _matching_close(tokens: Sequence[Any], position: int) -> int:
    depth = 0
    for index in range(position, len(tokens)):
        depth += tokens[index].nesting
        if depth == 0:
            return index
    return len(tokens) - 1


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
                if len(row) > MAX_TABLE_COLUMNS:
                    raise SourceError(
                        f"table has {len(row):,} columns; the limit is {MAX_TABLE_COLUMNS}: "
                        "split it into several tables",
                        lines.path,
                        row_line,
                    )
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
    items = block.items
    if any(_points_to_url(item) for item in items):
        facts = tuple(item for item in items if not _is_reference(item))
        items = facts or items  # a list of links only is what it is (a reading list)
    for number, item in enumerate(items, 1):
        marker = f"{number}." if block.ordered else "-"
        lines.append(f"{indent}{marker} {item.text}")
        inside = indent + " " * (len(marker) + 1)
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                lines.append(_list_markdown(inner, inside))
                continue
            text = to_markdown((inner,))
            if not text:
                continue
            if not isinstance(inner, Paragraph):
                lines.append("")  # a table or code under an item starts a block of its own
            lines.extend(inside + line if line.strip() else "" for line in text.split("\n"))
    return "\n".join(lines)


def _points_to_url(item: ListItem) -> bool:
    """A cheap first look: a URL in the item's text or in its sub-items' (a title over one)."""
    return "://" in item.text or any(
        isinstance(inner, ListBlock) and any("://" in sub.text for sub in inner.items)
        for inner in item.blocks
    )


def _is_reference(item: ListItem) -> bool:
    """An item that only points to a source, among an answer's points: a bare URL
    (`- https://…`), or a title over nothing but such URLs (`- A review of X` / `  - https://…`,
    a paper's title). A reference is where a fact comes from, never part of the answer."""
    if _BARE_URL.fullmatch(item.text.strip()):
        return not item.blocks
    return (
        bool(item.blocks)
        and not item.text.rstrip().endswith(":")
        and all(
            isinstance(inner, ListBlock) and all(map(_is_reference, inner.items))
            for inner in item.blocks
        )
    )


_BARE_URL = re.compile(r"<?https?://[^\s<>]+>?")


def _joined_criteria(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    """Criteria joined by bold connector lines (`- low sugar  ` / `**AND**` / `- cannot
    swallow  ` / `**O**` / `- unconscious`), which the reader took for labels splitting the
    list: one list again, each connector closing the item before it (`low sugar **AND**`),
    as the enumeration rule reads a joiner, said between the criteria, never an item."""
    out: list[Block] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        after = blocks[index + 1] if index + 1 < len(blocks) else None
        before = out[-1] if out else None
        if (
            isinstance(block, Paragraph)
            and _CONNECTOR.fullmatch(block.text.strip())
            and isinstance(before, ListBlock)
            and isinstance(after, ListBlock)
            and before.ordered == after.ordered
        ):
            last = before.items[-1]
            word = block.text.strip().strip("*_")  # `y` on its line is said as `**Y**` is
            joined = replace(last, text=f"{last.text.rstrip()} **{word.upper()}**")
            out[-1] = replace(before, items=(*before.items[:-1], joined, *after.items))
            index += 2
            continue
        out.append(block)
        index += 1
    return tuple(out)


_CONNECTOR = re.compile(
    r"(\*\*|__)?(?:AND|OR|AND/OR|Y|O|E|OU|UND|ODER|ET|NOR|NI)\1?", re.IGNORECASE
)
"""A line that is only a joining word between two criteria, bold or not, in the languages the
builder reads (`**AND**`, Spanish `**Y**` or `y`, Portuguese and Italian `**E**`, `**OU**`)."""


def _outline(section: Section) -> Section:
    """A section whose subsections are a heading outline, with the outline as its list.

    Notes written as an outline of headings (`### Diagnosed with 2 of 3:` over `#### 1. Fever`,
    `#### 2. Rash`, each heading a point and nothing under it) mean a list: a run of sibling
    headings with no text under them or under their own subheadings becomes a list in the
    parent (numbered if every heading is numbered), the subheadings its nested items. A single
    bare heading stays a heading (a paste that lost its text) unless it heads subheadings; a run
    of bare Title Case headings (`### Incidence`, `### Risk Factors`) under a heading that does
    not end with ":" is a template's empty slots, not an outline, and stays as it is; so is a
    run of bare headings beside a sibling heading with a paragraph of its own under it (notes
    written under some headings and not yet under others: `## Glomerulus` over its text, then
    `## Loop of Henle`, `## Collecting duct` with nothing under them)."""
    blocks = list(section.blocks)
    children: list[Section] = []
    run: list[Section] = []
    filled = any(
        isinstance(block, Paragraph) for child in section.children for block in child.blocks
    )

    def close_run() -> None:
        if run and _is_outline(section.title, run, filled):
            blocks.extend(unfold_labels(_outline_list(run), titles=True))
        else:
            children.extend(run)
        run.clear()

    for child in section.children:
        if _is_bare(child):
            run.append(child)
        else:
            close_run()
            children.append(child)
    close_run()
    if len(children) == len(section.children):
        return section
    return Section(
        section.title,
        section.level,
        section.path,
        section.line,
        tuple(blocks),
        tuple(children),
        section.pin,
        section.callout,
    )


def _is_bare(section: Section) -> bool:
    """A heading with no text under it or under any of its subheadings (a point of an outline)."""
    return (
        not section.blocks
        and not section.callout
        and section.pin is None
        and bool(section.title)
        and all(_is_bare(child) for child in section.children)
    )


def _is_outline(parent: str, run: Sequence[Section], filled: bool = False) -> bool:
    if len(run) < 2 and not run[0].children:
        return False
    if parent.rstrip("*_ ").endswith(":"):
        return True
    if filled:
        return False  # beside headings with text under them, bare ones are slots left to fill
    return not all(_is_slot(heading.title) for top in run for heading in top.walk())


def _is_slot(title: str) -> bool:
    """A template's heading (`Risk Factors`, `Quality of Life`): every longer word capitalised,
    no figure or symbol; a point of an outline reads as a phrase (`Hx of alcohol use`, `Lipase
    3x ULN`)."""
    return _SLOT.fullmatch(title) is not None and all(
        len(word) < 4 or word[0].isupper() for word in title.split()
    )


def _outline_list(run: Sequence[Section]) -> ListBlock:
    numbered = all(_OUTLINE_NUMBER.match(top.title) for top in run)
    items = []
    for top in run:
        text = _OUTLINE_NUMBER.sub("", top.title, count=1) if numbered else top.title
        inner = (_outline_list(top.children),) if top.children else ()
        items.append(ListItem(text.strip(), top.line, inner))
    return ListBlock(numbered, tuple(items), run[0].line)


_SLOT = re.compile(r"[A-Za-z][A-Za-z /&'-]*")
_OUTLINE_NUMBER = re.compile(r"[0-9]{1,3}[.)]\s+")


def _joined_label(outer: str, inner: str) -> str:
    """An inner label named with the label it is under: "Contraindications — absolute:"."""
    outer = _ASIDE.sub("", outer.strip().strip("*_").rstrip(":").strip("*_")).strip()
    inner = inner.strip().strip("*_").rstrip(":").strip("*_").strip()
    first, *rest = inner.split(" ")
    if first[1:2].islower() and not any(word[:1].isupper() for word in rest):
        inner = inner[0].lower() + inner[1:]  # "absolute"; not "cNS", "temporal Artery"
    return f"{outer} — {inner}:"


_ASIDE = re.compile(r"\s*\([^()]*\)")


def _html_table(html: str, line: int) -> Table | ListBlock | None:
    """A raw-HTML `<table>` (Pandoc and site exports write them) as the table it shows: its
    first row the header (`headed` when written as `<th>` cells), a cell's paragraphs, line
    breaks and list items kept as `<br>`, other tags dropped, merged cells copied into every
    place they cover (`_html_grid`). A table with no `<thead>` whose rows each open with a
    `<th>` before `<td>` cells has row labels and no header: every row is data, under an empty
    header, as a Markdown table with empty column names is read. None for what is no plain
    grid (a table in a table, rows of different lengths, one row, too many columns): it stays
    raw HTML, which no rule reads (`check` says so). A `<tbody>` of `<td>` rows whose first
    column names each group once, the cells below it empty, is the list it lays out
    (`_grouped_list`)."""
    if html.count("<table") != 1:
        return None
    grid = _html_grid(_HTML_ROW.findall(html))
    width = len(grid[0]) if grid else 0
    if len(grid) < 2 or not 1 < width <= MAX_TABLE_COLUMNS or any(len(r) != width for r in grid):
        return None
    headless = _HTML_HEAD.search(html) is None
    labelled = headless and all(
        row[0][0] == "h" and any(kind == "d" for kind, _ in row[1:]) for row in grid
    )
    if headless and _HTML_BODY.search(html) is not None and "<th" not in html.lower():
        texts = [[text for _, text in cells] for cells in grid]  # `<td>` rows alone
        if texts[0][0] and any(not row[0] and any(row[1:]) for row in texts):
            return _grouped_list(texts, line)
    if labelled:  # `<tr><th>Type</th><td>…</td></tr>` from the first row on: no column names
        rows = tuple(TableRow(tuple(text for _, text in cells), line) for cells in grid)
        return Table(("",) * width, rows, line)
    rows = tuple(TableRow(tuple(text for _, text in cells), line) for cells in grid[1:])
    headed = all(kind == "h" for kind, _ in grid[0])
    header = tuple(text.rstrip(":").rstrip() for _, text in grid[0])
    return Table(header, rows, line, headed=headed)


def _grouped_list(rows: list[list[str]], line: int) -> ListBlock:
    """A grid with no column names whose first column names each group once, on its group's
    first row, the cells below it empty (`LOW K | diet | bananas` over ` | | dried fruit`, as a
    merged cell is exported): the list it lays out, each group an item over its rows' other
    cells. Read as a table, its first row was the header and "dried fruit" named no group."""
    items: list[ListItem] = []
    points: list[ListItem] = []

    def close() -> None:
        if items and points:
            last = items[-1]
            items[-1] = ListItem(last.text, last.line, (ListBlock(False, tuple(points), line),))

    for row in rows:
        rest = " — ".join(cell for cell in row[1:] if cell)
        if row[0]:
            close()
            points = []
            items.append(ListItem(row[0], line))
        if rest:
            points.append(ListItem(rest, line))
    close()
    return ListBlock(False, tuple(items), line)


def _html_grid(rows: Sequence[str]) -> list[list[tuple[str, str]]]:
    """The (kind "h"/"d", text) of each place of each `<tr>`: a cell with `colspan` fills the
    columns it spans, one with `rowspan` the same column of the rows below, as the reader sees
    it. A spanning cell that is only a comparison sign (`<`, `>`, `=`) compares the columns it
    spans, so it is no value of any one of them: those places are empty."""
    grid: list[list[tuple[str, str]]] = []
    below: dict[int, tuple[int, str, str]] = {}  # column -> (rows still covered, kind, text)

    def covered(cells: list[tuple[str, str]]) -> None:
        while (at := len(cells)) in below:
            left, kind, text = below[at]
            cells.append((kind, text))
            if left > 1:
                below[at] = (left - 1, kind, text)
            else:
                del below[at]

    for row in rows:
        cells: list[tuple[str, str]] = []
        for kind, attributes, body in _HTML_CELL.findall(row):
            covered(cells)
            text = _html_cell(body)
            across = _html_span(attributes, "colspan")
            down = _html_span(attributes, "rowspan")
            if across > 1 and _COMPARISON_SIGN.fullmatch(text):
                text = ""
            for _ in range(across):
                if down > 1:
                    below[len(cells)] = (down - 1, kind.lower(), text)
                cells.append((kind.lower(), text))
        covered(cells)
        grid.append(cells)
    return grid


def _html_span(attributes: str, name: str) -> int:
    """A cell's `colspan` / `rowspan` (1 when absent or unreadable), at most a table's width."""
    found = re.search(rf"\b{name}\s*=\s*[\"']?([0-9]{{1,3}})", attributes, re.IGNORECASE)
    return min(max(int(found.group(1)), 1), MAX_TABLE_COLUMNS) if found else 1


_COMPARISON_SIGN = re.compile(r"(?:&[lg]t;|[<>=≤≥≈≒≠]){1,2}")
_HTML_HEAD = re.compile(r"<thead\b", re.IGNORECASE)
_HTML_BODY = re.compile(r"<tbody\b", re.IGNORECASE)


def _html_cell(html: str) -> str:
    text = _HTML_BREAK.sub("<br>", html.strip())
    text = _TAGS.sub(lambda tag: tag.group(0) if tag.group(0) == "<br>" else "", text)
    return " <br> ".join(" ".join(part.split()) for part in text.split("<br>") if part.strip())


_HTML_ROW = re.compile(r"<tr\b[^>]*>(.*?)</tr>", re.DOTALL | re.IGNORECASE)
_HTML_CELL = re.compile(r"<t([hd])\b([^>]*)>(.*?)</t\1>", re.DOTALL | re.IGNORECASE)
_HTML_BREAK = re.compile(r"</p>\s*<p\b[^>]*>|</li>\s*<li\b[^>]*>|<br\s*/?>", re.IGNORECASE)
"""Where a cell's text goes on a new line: between paragraphs, list items, at a line break."""


def _heads_among_sentences(block: ListBlock) -> bool:
    """A list of sentences with one short name over a sub-list (`- If unstable, give fluids.` /
    `- Stable` / `  - ECG` / `  - Chest film`): the name heads its sub-list, as a label would."""
    parents = [item for item in block.items if item.blocks]
    if len(parents) != 1 or len(block.items) < 2:
        return False
    (parent,) = parents
    others = [item for item in block.items if not item.blocks]
    return (
        len(parent.blocks) == 1
        and isinstance(parent.blocks[0], ListBlock)
        and len(parent.blocks[0].items) > 2
        and 0 < len(parent.text.split()) <= 3
        and parent.text[-1:].isalnum()
        and all(len(item.text.split()) > 8 for item in others)
    )


_ARROW = re.compile(r"->|→|=>")


_PROSE_FENCES = frozenset({"md", "markdown", "text", "txt", "plain", "plaintext"})
"""Fence languages that mark text, not code: their content is read as a paragraph."""


def is_indented_list(code: str) -> bool:
    """An indented code block (right under a heading) that is a list the author indented, as
    Obsidian shows one (`<tab>- < 135` / `<tab><tab>- Dilute`; CommonMark reads a tab outside a
    list as code): all its lines but one (or but a quarter) open with a list marker one indent
    less, the first line too unless it is a short line over the list (a value: `3.0 - 4.5`), and
    nothing in it is code-like (braces, a line ending in `;`, a call `f()`, a tag, `=>`); or a
    line that is only a range or a bound (`heading_value`)."""
    lines = [line.strip() for line in code.splitlines() if line.strip()]
    if not lines:
        return False
    if len(lines) == 1 and _bare_value(lines[0]) is not None:
        return True  # the heading's value alone (`<tab>0.4 - 0.5`), its list unindented below
    items = sum(1 for line in lines if _LIST_LINE.match(line) is not None)
    if items == 0 or len(lines) - items > max(1, len(lines) // 4):
        return False
    if _LIST_LINE.match(lines[0]) is None and len(lines[0].split()) > _MAX_LIST_OPENING_WORDS:
        return False
    return _CODE_IN_LIST.search(code) is None


_LIST_LINE = re.compile(r"(?:[-*+]|\d{1,3}[.)])[ \t]+\S")
_MAX_LIST_OPENING_WORDS = 8
_CODE_IN_LIST = re.compile(r"[{}`]|;[ \t]*$|\w\(\)|</?[a-z][a-z0-9]*>|=>|==|!=", re.MULTILINE)
"""Marks of code among list-like lines: braces, backticks, a statement's `;`, a call, a tag."""


def is_indented_notes(code: str, document: str | None) -> bool:
    """An indented code block (right under a heading) that is the author's notes (`    130-135:
    mild` / `    120-129: moderate`): short lines of words with nothing code-like, in a document
    with no fenced code (a document that fences its code means its indented lines as text)."""
    if document is None or "```" in document or "~~~" in document:
        return False
    lines = [line for line in code.splitlines() if line.strip()]
    return (
        0 < len(lines) <= _MAX_NOTE_LINES
        and all(len(line.split()) <= _MAX_NOTE_LINE_WORDS for line in lines)
        and sum(char.isalpha() for char in code) * 2 > sum(1 for char in code if _is_symbol(char))
        and _CODE_LIKE.search(code) is None
    )


def _is_symbol(char: str) -> bool:
    """A character other than white space, a digit or a range's marks (`130-135: mild`)."""
    return not (char.isspace() or char.isdigit() or char in "-–:.,<>=%/")


_MAX_NOTE_LINES = 12
_MAX_NOTE_LINE_WORDS = 16
_CODE_LIKE = re.compile(
    r"[{};`\\|]|\w\(|</?[a-z]|^\s*[$#>@%]|\b(?:def|function|return|import|class|"
    r"var|let|const|SELECT|print|echo|sudo|pip|npm)\b",
    re.MULTILINE,
)
"""Marks of code or a shell session: braces, semicolons, calls, tags, prompts, keywords."""


_AT_HEADING = "at the next heading"


def _closes_later(document: str | None, name: str) -> bool:
    """Whether the author closed every `<name>` (its `</name>` after headings inside it, which
    end it here as sections do): then there is nothing to warn about."""
    return document is not None and document.count(f"</{name}>") >= document.count(f"<{name}")


def file_title(stem: str) -> str:
    """A title from a file name (or a front matter's `slug`), for a document with none: words in
    capitals; a word that has a capital after its first letter is kept as written ("MH.md" is
    "MH", not "Mh"; "ECG_basics" is "ECG Basics"). A site's file numbering and language suffix
    name no subject: "7_malaria_en" is "Malaria", "asthma-fr" "Asthma", "notes (1)" "Notes"."""
    cut = _COPY_NUMBER.sub("", _FILE_NUMBERING.sub("", stem))
    stem = cut if any(char.isalnum() for char in cut) else stem  # "(1).md", "_0.md": all a number
    stem = _LANGUAGE_SUFFIX.sub("", stem) or stem
    words = stem.replace("-", " ").replace("_", " ").split()
    named = " ".join(word if word[1:] != word[1:].lower() else word.title() for word in words)
    return file_name_words(named)  # "1040513_77-PAdultSepsis" is "Adult Sepsis"


def file_name_words(title: str) -> str:
    """A title a converter made from a file's name (`# 2040513 77 PAdultSepsis`: two groups of
    digits or more first, the first of four digits at least, then words run together in
    CamelCase) as the words it names ("Adult Sepsis"): the numbers are a file's, a lone capital
    a code's. Any other title ("2024 McArdle Disease", "Chapter 3 PubMed") is returned as it is."""
    parts = title.split()
    numbers = len(parts) - len(list(dropwhile(str.isdigit, parts)))
    if (
        numbers < _FILE_NUMBERS
        or len(parts[0]) < _FILE_NUMBER_DIGITS
        or not any(_CAMEL_JOIN.search(part) for part in parts)
        or not all(part.isdigit() or part.isalpha() for part in parts)
    ):
        return title
    named = [word for part in parts if not part.isdigit() for word in _CAMEL_JOIN.split(part)]
    kept = [word for word in named if len(word) > 1]
    return " ".join(kept) or title


_FILE_NUMBERS = 2
_FILE_NUMBER_DIGITS = 4
_CAMEL_JOIN = re.compile(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
"""Where two words run together in CamelCase meet ("NeonatalResus", "PNewborn")."""


def heading_over_code(stem: str, sections: Sequence[Section]) -> str:
    """The title of a page of several `#` headings saved under a code rather than a name
    ("ba3e1_translated.md", "Q020.md": `is_code_stem`): its first `#` heading, which a deck and
    every front are better named by than "Ba3E1 Translated"; a first heading that ends with the
    word it opens with ("Asthma Care Asthma", a converter's title and category run together)
    says it once. "" when the stem names something, the page has fewer than two `#` headings,
    or the first is a genre, a meeting or a generic heading ("Notes", "Day 3", "Overview")."""
    top = [section for section in sections if section.level == 1]
    if len(top) < 2 or not is_code_stem(stem):
        return ""
    named = file_name_words(_title_text(top[0].title))
    if not named or is_genre_title(named) or is_session_label(named) or is_generic_heading(named):
        return _opening_subject(top[0])  # "Continuing Education Activity" over "X are …"
    said = named.split()
    if len(said) > 2 and said[-1].casefold() == said[0].casefold():
        named = " ".join(said[:-1])
    return named


def _opening_subject(section: Section) -> str:
    """The subject the first sentence under a page's first heading names (`opening_subject`:
    "Loop diuretics are …"), for a page saved under a code whose first heading is a site's
    chrome ("Continuing Education Activity", "Introduction"): its headings are sibling sections,
    the sentence the only place naming what the page is about."""
    first = next((block for block in section.blocks if isinstance(block, Paragraph)), None)
    if first is None:
        return ""
    subject = opening_subject(first.text)
    return subject[:1].upper() + subject[1:]


def is_code_stem(stem: str) -> bool:
    """A file name that is a code, not a name: every word a code (letters and digits mixed in
    turn, "ba3e1", "x7k2"; a letter or two before three digits or more, "Q020"; a long hex
    run) or a word a tool adds ("translated", "converted", "export"), one code at least.
    "covid19_notes", "b12-deficiency" and "type_2_diabetes" name their subjects."""
    cut = _FILE_NUMBERING.sub("", stem.strip())
    parts = [part.lower() for part in re.split(r"[\s._-]+", cut) if part]
    codes = [part for part in parts if _CODE_WORD.fullmatch(part)]
    return bool(codes) and all(part in _TOOL_WORDS or part in codes for part in parts)


def is_unnamed_stem(stem: str) -> bool:
    """A file name that names no subject: a part of a series by its number ("level4",
    "chapter-20", "part3", "week_2", "lecture 05") or one word any page could be saved under
    ("example", "template", "lecture"). "covid19", "b12-deficiency" and "level-3-trauma-care"
    name their subjects; so, broadly, does a discipline ("Nursing.md", "Toxicology.md"):
    "in nursing" is vague but true, and its fronts' identities were made with it."""
    cut = " ".join(re.split(r"[\s._-]+", _FILE_NUMBERING.sub("", stem.strip()).lower())).strip()
    return cut in _UNNAMED_WORDS or _NUMBERED_STEM.fullmatch(cut) is not None


_NUMBERED_STEM = re.compile(
    r"(?:level|chapter|ch|part|pt|week|wk|lecture|lec|unit|module|mod|lesson|session|section"
    r"|sec|day|topic|class|tutorial|tut|lab|block|set|sheet|handout)\s?\d{1,3}[a-z]?"
)
"""A file name that numbers a part of a series: "level4", "chapter 20", "week 2b"."""
_UNNAMED_WORDS = frozenset(
    """
    example examples sample samples demo template misc miscellaneous general revision study
    studying overview lecture lectures class
    """.split()
)
"""One-word file names that say what kind of page a text is, not what it is about. A generic
stem of a site's or a folder's ("notes", "index", "README": `_GENERIC_STEM`) is read as before
(`stem_title`): notes saved as "notes.md" have long been keyed with its topic."""
_SPACED_NUMBER = re.compile(r"(?<=[^\W\d_])(?=\d)")


def spaced_number(title: str) -> str:
    """A file title's number set apart from the word it counts ("Level4" -> "Level 4")."""
    return _SPACED_NUMBER.sub(" ", title)


_CODE_WORD = re.compile(r"[a-z]*\d+[a-z]+\d+[a-z\d]*|[a-z]{1,2}\d{3,}|[0-9a-f]{8,}")
_TOOL_WORDS = frozenset(
    """
    translated translation converted conversion export exported output generated formatted
    cleaned clean final copy draft edited processed parsed md
    """.split()
)
"""Words a converter or an editor adds to a file's name: they name no subject."""


def stem_title(path: Path, sections: Sequence[Section] = ()) -> str:
    """A title from the file's name; for a generic stem (`_GENERIC_STEM`: "main-content.md",
    "index.md", "README.md"), which names a part of a page and no subject, the word most of the
    top headings share (`shared_heading_word`), else the parent folder's name. The folder is
    the last resort only, and only when it is not generic itself (`_GENERIC_FOLDER`) nor a
    tool's (long, or ending in a counter): a document saved to "Downloads" or copied into
    "corpus" would make those its topic, which is why a file with a telling stem never takes
    its folder's name."""
    if _GENERIC_STEM.fullmatch(_FILE_NUMBERING.sub("", path.stem.strip())) is None:
        return file_title(path.stem)  # "07-index.md" is as generic as "index.md"
    shared = shared_heading_word(tuple(section.title for section in sections))
    if shared:
        return shared[:1].upper() + shared[1:]
    folder = path.absolute().parent.name
    if folder and not (_GENERIC_FOLDER.fullmatch(folder) or _GENERIC_STEM.fullmatch(folder)):
        named = file_title(folder)
        if len(named.split()) <= _MAX_FOLDER_WORDS and not folder[-1:].isdigit():
            return named  # not a tool's folder: "test_build_twice0", "run-2024-05-01"
    return file_title(path.stem)


_GENERIC_STEM = re.compile(
    r"(?:(?:main|page|article|post)[\s._-]*)?(?:content|contents|body|page|text|index|readme|notes?"
    r"|article|document|default|untitled|draft)(?:[\s._-]*\d{1,3})?",
    re.IGNORECASE,
)
"""A file name that says which part of a site or a folder the text is, not what it is about:
"main-content", "content-2", "index", "README", "notes", "page", "body"."""
_GENERIC_FOLDER = re.compile(
    r"(?:downloads?|desktop|documents?|docs?|tmp|temp|te?mp\d*|cache|scratch|inbox|corpus|"
    r"src|source|sources|content|contents|pages?|posts?|notes?|files?|data|input|output|out|"
    r"build|dist|site|public|static|markdown|md|text|texts|export|exports|archive|misc|new|"
    r"untitled|home|users?|\d+|[\W_]*)",
    re.IGNORECASE,
)
"""A folder whose name is where a file was put, not what it is about ("Downloads", "tmp",
"corpus", "content", "src", "02")."""
_MAX_FOLDER_WORDS = 4
"""Words a folder's name may have to name a subject: a longer one is a tool's or a project's."""
MIN_SHARED_HEADINGS = 3
"""Headings a word has to be in before it names the page: two share a word by chance."""


def shared_heading_word(titles: Sequence[str]) -> str:
    """The word (in small letters) that at least half of the headings, and at least
    `MIN_SHARED_HEADINGS`, hold: a page fragment's subject ("constipation" in "What causes
    constipation", "Treating constipation", "Complications of constipation"); two such words
    side by side in as many headings are the name ("korrin fever"). "" when none is (the word
    in the most headings wins, the first met on a tie)."""
    titles = list(dict.fromkeys(" ".join(plain(title).lower().split()) for title in titles))
    if len(titles) < MIN_SHARED_HEADINGS:
        return ""  # a heading repeated (`## Asthma` twice) is one heading
    counts: dict[tuple[str, ...], int] = {}
    written: dict[tuple[str, ...], str] = {}
    for title in titles:
        said = [(word, next(iter(content_words(word)), "")) for word in words(title)]
        found: dict[tuple[str, ...], str] = {}
        for (word, stem), (after, next_stem) in zip(said, [*said[1:], ("", "")], strict=False):
            if stem:
                found.setdefault((stem,), word)
                if next_stem:
                    found.setdefault((stem, next_stem), f"{word} {after}")
        for key, word in found.items():
            counts[key] = counts.get(key, 0) + 1
            written.setdefault(key, word)
    least = max(MIN_SHARED_HEADINGS, (len(titles) + 1) // 2)
    shared = [key for key, count in counts.items() if count >= least]
    if not shared:
        return ""
    most = max(counts[key] for key in shared)
    best = [key for key in shared if counts[key] == most]
    return written[max(best, key=len)]  # a name of two words over its first word alone


_FILE_NUMBERING = re.compile(r"^(?:\d{1,3}[\s._-]+)+(?=[^\W\d_])")
"""A site's or a folder's order number before a name ("7_malaria", "05-7_malaria")."""
_COPY_NUMBER = re.compile(
    r"\s*\(\d{1,2}\)|(?<!_[^\W\d_])(?<!type|part|unit|week|year)(?<!stage|grade|class|phase|level)"
    r"(?<!module|lesson)(?<!chapter|lecture|session|section)_\d$",
    re.IGNORECASE,
)
"""A copy's or an export's number ("notes (1)", "leaflet_0"); never a name's own ("covid-19"),
nor a counted word's ("diabetes_type_2", "stage_3", "lecture_1", "hepatitis_b_1")."""
_LANGUAGE_SUFFIX = re.compile(
    r"(?<=[^\W_])[._-](?:en|fr|es|de|pt|it|nl|ar|zh|ja|ko|ru|sw|tr|pl|vi|id)$"
)
"""A translation's language code after a name ("malaria_en", "asthme-fr"), in small letters: in
capitals it is the name's own abbreviation ("stroke-ID", "murmurs_AR", "rehab-PT")."""
_GENRE_TITLE = re.compile(
    r"(?:(?:the|my|our|a)\s+)?(?:(?:fact|info(?:rmation)?|cheat|tip|data)\s*sheets?|handouts?"
    r"|(?:(?:study|revision|lecture|class|course|review|quick)\s+)?(?:notes?|guides?)"
    r"|summary|summaries|overview|study\s+guides?)",
    re.IGNORECASE,
)
"""A document's genre for a title ("FACT SHEET", "Notes", "Study guide", "Cheat sheet")."""


def is_genre_title(title: str) -> bool:
    """A lone title that names what kind of document this is, not what it is about: no deck
    name and no topic; the file's name (or front matter) says more."""
    return _GENRE_TITLE.fullmatch(" ".join(plain(title).strip(" :.!").split())) is not None


def _leads_in(out: list[Entry]) -> bool:
    """The block read last is a lead-in sentence ending with ":"."""
    return bool(out) and isinstance(out[-1], Paragraph) and out[-1].text.rstrip(" *_").endswith(":")


def _plain_items(lines: Iterable[str]) -> int:
    """How many of a paragraph's first lines are the items of the lead-in above it, written
    with no list marker: two at least, each short (MAX_PLAIN_ITEM_WORDS words), opening with a
    capital and ending in no stop, colon or word that runs on (`of`, `and`: prose wrapped to a
    width); 0 when fewer than two are."""
    count = 0
    for text in lines:
        bare = text.strip()
        found = bare.split()
        if (
            not found
            or len(found) > MAX_PLAIN_ITEM_WORDS
            or not bare[0].isupper()
            or bare[-1] in ".,;:!?\\"
            or found[-1].lower() in _RUNS_ON
            or bare.startswith(("**", "__", "#", "|", ">", "<", "!["))
        ):
            break
        count += 1
    return count if count >= 2 else 0


MAX_PLAIN_ITEM_WORDS = 16
_RUNS_ON = frozenset(
    "a an and as at but by for from in into of on or than that the to with which who".split()
)
"""Words a line of prose wrapped to a width may end on; an item of a list does not."""
_TERM_LINE = re.compile(
    r"(?P<term>[A-Z][\w'’-]*(?:[ \t]+[\w'’/-]+){0,4})\.[ \t]+(?P<said>[A-Z][^\n]*[.!?)])"
)
_NOT_TERM = frozenset(
    "is are was were be can may will would should must has have had do does did it this "
    "that these those they you we i he she there here not never also".split()
)
"""Words that make a line's opening a clause ("It hurts. See a doctor."), not a name."""


def _term_line(text: str) -> tuple[str, str] | None:
    """A line naming a thing, then a sentence about it (`Struvite stones. They form after an
    infection …`, `Obesity. A high BMI raises the risk.`): (name, sentence), else None. The
    name is one to five words, no clause and no abbreviation (`Dr. Grey …`), the sentence
    four words at least."""
    found = _TERM_LINE.fullmatch(text.strip())
    if found is None:
        return None
    term, said = found.group("term"), found.group("said")
    names = term.lower().split()
    if len(said.split()) < 4 or any(word in _NOT_TERM for word in names):
        return None
    if names[-1] in _RUNS_ON or (len(names) == 1 and len(term) <= 3):
        return None
    return term, said


def _quoted_items(tokens: Sequence[Any]) -> tuple[tuple[str, int], ...]:
    """A block quote's lines as the items of the lead-in above it (text, line): paragraphs of
    plain text only, two lines or more (each paragraph one item, or each line of a single
    paragraph), none quoting someone (`_quoted_prose`'s tests: quotation marks, a signature,
    the first person)."""
    if any(token.type not in _PROSE_TOKENS for token in tokens):
        return ()
    inlines = [token for token in tokens if token.type == "inline"]
    if len(inlines) == 1:
        lines = inlines[0].content.split("\n")
        found = tuple(
            (text.strip(), _line(inlines[0]) + number)
            for number, text in enumerate(lines)
            if text.strip()
        )
    else:
        found = tuple((token.content.strip(), _line(token)) for token in inlines)
    text = "\n".join(item for item, _ in found)
    if (
        len(found) < 2
        or text.lstrip()[:1] in _QUOTATION_MARKS
        or _ATTRIBUTION.search(text)
        or _FIRST_PERSON.search(_STUDY_WE.sub("", KIND_NUMERAL.sub("", _QUOTED.sub("", text))))
        or "![" in text
    ):
        return ()
    return found


def _quoted_prose(tokens: Sequence[Any]) -> bool:
    """A block quote's tokens hold a passage to learn from: paragraphs only, two sentences at
    least, and nothing of a quotation of someone (an attribution line `— Dr X`, an opening
    quotation mark, the first person, an image) nor of a titled box (`> **Source:** …`)."""
    if any(token.type not in _PROSE_TOKENS for token in tokens):
        return False
    text = "\n".join(token.content for token in tokens if token.type == "inline")
    if len(_SENTENCE_END.findall(text)) < 2 or text.lstrip()[:1] in _QUOTATION_MARKS:
        return False
    *said, last = text.rstrip().split("\n")
    if (
        said
        and _SENTENCE_END.search(said[-1].rstrip(_CLOSING_QUOTES)[-2:] + " ")
        and is_signature(last, "\n".join(said))
    ):
        return False  # a quotation signed on its own line: "Jane Smith, patient advocate"
    return not (
        _ATTRIBUTION.search(text)
        or _FIRST_PERSON.search(_STUDY_WE.sub("", KIND_NUMERAL.sub("", _QUOTED.sub("", text))))
        or "![" in text
        or (_BOLD_TITLE.match(text) and not _structured(tokens))
    )


def _quoted_verdicts(tokens: Sequence[Any]) -> bool:
    """A block quote of plain paragraphs a line of which marks a verdict in bold or capitals
    (`Routine scans are **NOT** recommended`, `… MUST be discussed`): the page's key do or
    don't set off for the eye, not a quotation (marks, the first person)."""
    if any(token.type not in _PROSE_TOKENS for token in tokens):
        return False
    text = "\n".join(token.content for token in tokens if token.type == "inline")
    if text.lstrip()[:1] in _QUOTATION_MARKS or _FIRST_PERSON.search(_QUOTED.sub("", text)):
        return False
    return _MARKED_VERDICT.search(text) is not None


_MARKED_VERDICT = re.compile(
    r"(?:\*\*|__)(?:[Nn]ot|NOT|[Nn]ever|NEVER|[Mm]ust|MUST|[Mm]ay|MAY|[Ss]hould|SHOULD)(?:\*\*|__)"
    r"|\b(?:NOT|NEVER|MUST)\b"
)
"""A verdict set in bold (`**NOT**`, `**may**`) or in capitals (`NOT`, `MUST`)."""


def _quoted_point(tokens: Sequence[Any]) -> bool:
    """A block quote of one line setting a point off for the eye: a bold term and its
    definition (`> **Sac**: a two-layered membrane …`) or a statement all in bold (`> **Never
    push it fast!**`), one sentence. It is read as the same line without `>` would be; a
    quotation (marks, the first person) is not, nor a label over little (`> **Source:** X`) or
    over sentences (a titled box)."""
    if [token.type for token in tokens] != ["paragraph_open", "inline", "paragraph_close"]:
        return False
    text = tokens[1].content.strip()
    if "\n" in text or text[:1] in _QUOTATION_MARKS or _FIRST_PERSON.search(_QUOTED.sub("", text)):
        return False
    if len(_SENTENCE_END.findall(_plain_bold(text))) > 1:
        return False  # `> **Source:** A leaflet. It says …`: a titled box, not one point
    label = _BOLD_TITLE.match(text)
    if label is not None:
        return len(text[label.end() :].split()) >= 3
    return (
        _ALL_BOLD.fullmatch(text) is not None
        and _SENTENCE_END.search(_plain_bold(text) + " ") is not None
    )


_ALL_BOLD = re.compile(r"(?:\*\*[^*\n]+\*\*\s*)+")
"""A line wholly in bold, in one run or several (`**Keep it** **below 160!**`)."""


def _plain_bold(text: str) -> str:
    """A bold line's words without its `**` marks."""
    return " ".join(text.replace("**", " ").split())


_PROSE_TOKENS = frozenset(("paragraph_open", "inline", "paragraph_close"))
_SENTENCE_END = re.compile(r"\w[.!?](?:\s|$)")
_QUOTATION_MARKS = "\"“‘'«„"
_CLOSING_QUOTES = "\"”’'»"
_ATTRIBUTION = re.compile(
    r"^[ \t]*(?:[—―–~]|-{2,3}(?!-))|[—―][ \t]*[A-Z][^.!?\n]{0,60}$", re.MULTILINE
)
"""A line a quotation's source signs (`— Dr Grey, 1998`, `-- a patient`)."""
_FIRST_PERSON = re.compile(
    r"\b(?:I|I['’](?:m|ve|d|ll)|[Mm]y|me|mine|[Ww]e|[Ww]e['’](?:re|ve|d|ll)|[Oo]ur|us)\b"
)
"""Someone's own words (a testimonial), not notes about a subject; a phrase quoted inside the
passage (`the name means “I cannot”`) is not the passage's voice."""
_QUOTED = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"|«[^»\n]*»")
_STUDY_WE = re.compile(
    r"\b[Ww]e\s+(?:(?:also|then|further|first|next)\s+)?(?:studied|conducted|performed|"
    r"analy[sz]ed|compared|reviewed|investigated|examined|assessed|evaluated|measured|"
    r"recruited|enrolled|included|identified|found|observed|report|reported|describe|"
    r"present|propose|searched|used|conclude|aimed|sought|hypothesi[sz]ed|randomi[sz]ed)\b"
    r"|\b[Oo]ur\s+(?:results?|findings?|study|studies|data|analys[ie]s|trial|review|cohort|"
    r"sample|model|survey|method)\b"
)
"""A study's authors' "we" ("We studied 200 adults", "we found that …", "our results"): an
abstract's voice,
not someone telling their own story ("we saw the rash fade")."""


def _structured(tokens: Sequence[Any]) -> bool:
    """A structured abstract: three paragraphs or more, each opening with a bold label
    (`**Background:**`, `**Methods:**`, `**Results:**`), not a box titled by one."""
    texts = [token.content for token in tokens if token.type == "inline"]
    return len(texts) >= 3 and all(_BOLD_TITLE.match(text) for text in texts)


_BOLD_TITLE = re.compile(r"\s*(?:\*\*|__)[^*_\n]{1,60}(?::(?:\*\*|__)|(?:\*\*|__):)")
"""A quote opening with a bold label (`**Source:**`, `**Review status:**`): a titled box."""
