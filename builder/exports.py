"""Block shapes that note-taking apps write into the Markdown they keep or export, rewritten as
the CommonMark they mean before parsing (three of `dialects.TEXT_PASSES`; each keeps every line's
number, and leaves fenced code and code spans as they are).

`spaced_repetition`: an Obsidian vault's own flashcards and fields.
- The Spaced Repetition plugin's cards `Question;;Answer` and `Question;;;Answer` (its `;;`
  separators, which many set in its options because Dataview reads `::`) become the
  `Question::Answer` and `Question:::Answer` the FAQ rule reads as the author's card. A line is
  a card when it has exactly one separator, words on both sides, and its question ends with "?"
  or the plugin scheduled it (an `<!--SR:` comment after it): a `;;` in other text stays.
- The plugin's review schedule `<!--SR:!2025-01-01,3,250-->` goes (on the card's line it would
  be shown on the card's back; on a line of its own it is a comment Markdown hides anyway).
- Dataview's inline fields inside a sentence, `[class:: loop diuretic]` and `(class:: loop
  diuretic)`, read as Dataview shows them ("class: loop diuretic", "loop diuretic"): written
  as they are, the FAQ rule read the sentence around them as a card split at the `::`.

`org_verse`: Emacs Org mode's Markdown export writes a verse block as `<p class="verse">` over
lines each ending in `<br />`, and `</p>`: an HTML block, which Markdown shows as it is and no
rule reads. It becomes the paragraphs it holds (a `<br />` alone on its line separates two),
each line a line of the paragraph (a block left open is no export's and stays as it is), and
an Org footnote reference inside
(`<sup><a id="fnr.1" class="footref" href="#fn.1">1</a></sup>`) goes: a card's answer is the
fact, not the note's footnote number.

`raw_html`: Markdown allows raw HTML, and site generators, converters (pandoc writes
`<h4 class="unnumbered">` headings broken over lines and `<ul><li><p>` items) and app pages
write their headings, lists and bold in it; CommonMark keeps such a block as it is, so no rule
read it. A block opening at the margin with `<h1>`–`<h6>`, `<p>`, `<ul>`, `<ol>`, `<li>` or
`<hr>` whose every tag is structural (those, `<strong>`/`<b>`, `<em>`/`<i>`, `<a href>`, `<br>`,
`<code>`, `<span>`; `<sup>` and the like kept as inline HTML) and whose attributes change
nothing shown (`class`, `id`, `type`, `start`, `align` …) becomes the Markdown it means, each
word on its own line: a heading on its opening tag's line, items as `- `/`1. ` (nested ones
indented under their item), bold and italics as `**`/`*`. Any other block (a `<div>`, a
table, a form, a `style` or `hidden` attribute, a comment, tags left open) stays as it is;
blocks that run to a closing tag (`<pre>`, `<script>`, comments) are passed over whole, as
CommonMark reads them. Lines after the block's tags are all closed are the author's Markdown,
kept as written (`<h2>Signs</h2>` then `- fever` with no blank line between: CommonMark puts the
list inside the HTML block). A list whose items share a line (`<ul><li>a</li><li>b</li></ul>`)
cannot be written line for line: it stays, and `html_list` gives the document reader its
Markdown, one item a line.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field


def spaced_repetition(text: str) -> str:
    """The text with the plugin's `;;` cards as `::` cards, its schedules gone and Dataview's
    bracketed inline fields as their shown text; the same text when it has none."""
    if ";;" not in text and "<!--SR:" not in text and "::" not in text:
        return text
    lines = text.split("\n")
    for at in outside_fences(lines):
        line = lines[at]
        scheduled = "<!--SR:" in line or (
            at + 1 < len(lines) and lines[at + 1].lstrip().startswith("<!--SR:")
        )
        if "<!--SR:" in line:
            line = _SCHEDULE.sub("", line)
        if ";;" in line and not line.lstrip().startswith("|"):
            line = _semicolon_card(line, scheduled)
        if "::" in line and ("[" in line or "(" in line):
            line = _split_code(line, _inline_fields)
        lines[at] = line
    return "\n".join(lines)


_SCHEDULE = re.compile(r"[ \t]*<!--SR:[^\n]*?-->")
_SEMICOLONS = re.compile(r"(?<!;);{2,3}(?!;)")
_FIELD = re.compile(
    r"\[([A-Za-z][\w -]{0,40}?)::([^\[\]\n]*)\]" r"|\(([A-Za-z][\w -]{0,40}?)::([^()\n]*)\)"
)
"""`[key:: value]` (Dataview shows the key and the value) or `(key:: value)` (the value alone).
The value is taken whole and stripped after: white space matched around a lazy value cost
cubic time on a long run of spaces with no closing bracket."""


def _semicolon_card(line: str, scheduled: bool) -> str:
    masked = _CODE_SPAN.sub(lambda match: "`" * len(match.group()), line) if "`" in line else line
    found = list(_SEMICOLONS.finditer(masked))
    if len(found) != 1:
        return line
    mark = found[0]
    question, answer = line[: mark.start()].strip(), line[mark.end() :].strip()
    if not (_words(question) and _words(answer)):
        return line
    if not (scheduled or question.endswith("?")):
        return line  # "a;;b" in other text: no card of the plugin's
    colons = "::" if mark.end() - mark.start() == 2 else ":::"
    return f"{line[: mark.start()].rstrip()}{colons}{line[mark.end() :].lstrip()}"


def _words(text: str) -> bool:
    return any(char.isalpha() for char in text) and "::" not in text


def _inline_fields(text: str) -> str:
    return _FIELD.sub(_field_text, text)


def _field_text(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1).strip()}: {match.group(2).strip(_BLANKS)}"
    return match.group(4).strip(_BLANKS)


_BLANKS = " \t"


def org_verse(text: str) -> str:
    """The text with each Org export's `<p class="verse">` block as the paragraphs it holds;
    the same text when it has none."""
    if _VERSE_OPEN not in text:
        return text
    lines = text.split("\n")
    closed = "</p>" in (line.strip() for line in lines)
    inside = False
    for at in outside_fences(lines):
        line = lines[at]
        stripped = line.strip()
        if not inside:
            if stripped == _VERSE_OPEN and closed and _closes(lines, at):
                inside = True
                lines[at] = ""
            continue
        if stripped == "</p>":
            inside = False
            lines[at] = ""
            continue
        if "<sup>" in line:
            line = _FOOTREF.sub("", line)
        lines[at] = _INDENT.sub("", _BREAK.sub("", line)).strip()
    return "\n".join(lines)


def _closes(lines: list[str], at: int) -> bool:
    """Whether the verse block opened at line `at` has its `</p>` line before any heading or
    fence: a block left open is no export's, and read as verse it would strip the indent of
    every list after it (a drug's nested doses read as drugs)."""
    for line in lines[at + 1 :]:
        stripped = line.strip()
        if stripped == "</p>":
            return True
        if stripped.startswith(("#", "```", "~~~")) or stripped == _VERSE_OPEN:
            return False
    return False


_VERSE_OPEN = '<p class="verse">'
_BREAK = re.compile(r"[ \t]*<br[ \t]*/?>[ \t]*$")
_INDENT = re.compile(r"^(?:[ \t\u00a0]|&#xa0;|&#160;|&nbsp;)+", re.IGNORECASE)
"""A verse line's indent, which Org writes as no-break spaces (`&#xa0;&#xa0;QRS: …`): shown on
a card's front it read "&#xa0;&#xa0;QRS?"."""
_FOOTREF = re.compile(r"<sup><a [^<>\n]*class=\"footref\"[^<>\n]*>[^<>\n]{1,8}</a></sup>")


_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def _split_code(line: str, rewrite: Callable[[str], str]) -> str:
    """`rewrite` applied to the line outside its code spans."""
    if "`" not in line:
        return rewrite(line)
    parts = re.split(r"(`+[^`]*?`+)", line)
    return "".join(part if index % 2 else rewrite(part) for index, part in enumerate(parts))


def outside_fences(lines: list[str]) -> Iterator[int]:
    """The numbers of the lines that are neither fenced code nor its fence lines: the text
    passes rewrite Markdown, never code."""
    fence = ""
    for at, line in enumerate(lines):
        opening = line.lstrip()[:3]
        if fence or opening in ("```", "~~~"):
            fence = "" if fence and opening == fence else (fence or opening)
            continue
        yield at


def raw_html(text: str) -> str:
    """The text with each raw-HTML block written only in structural HTML (headings, paragraphs,
    lists, bold, italics, links, line breaks: a site generator's or a converter's page) as the
    Markdown it means, line for line; any other HTML block stays as it is."""
    if not (text.startswith("<") or "\n<" in text):
        return text
    wrapped = ("markdown=" in text and _MARKDOWN_WRAPPER.search(text) is not None) or (
        "#" in text and _HEADED_BOX.search(text) is not None
    )
    if not wrapped and _READ_START.search(text) is None:
        return text
    lines = text.split("\n")
    outside = set(outside_fences(lines))
    if wrapped:
        _unwrapped(lines)
    at = 0
    while at < len(lines):
        line = lines[at]
        if at not in outside or not line.startswith("<"):
            at += 1
            continue
        end = _html_block_end(lines, at, outside)
        if _READ_START.match(line):
            written = _html_markdown(lines[at:end])
            if written is not None:
                lines[at:end] = written
        at = max(end, at + 1)
    return "\n".join(lines)


def _unwrapped(lines: list[str]) -> None:
    """The lines with each box whose text is Markdown (`_MARKDOWN_WRAPPER`, or a box whose first
    line is a Markdown heading: Homebrewery's `<div class='note'>` / `##### In pregnancy`) and
    its closing tag blank, so its text is read as the document's own: as a raw-HTML block the
    box held its heading up to the next blank line, and its lines below went under the heading
    before the box."""
    opened: list[str] = []  # the names of the boxes still open
    for at in outside_fences(lines):
        line = lines[at].rstrip()
        if not line.startswith("<"):
            continue
        wrapper = _MARKDOWN_WRAPPER.fullmatch(line)
        if wrapper is None and at + 1 < len(lines) and _ATX.match(lines[at + 1]):
            wrapper = _BOX_OPENING.fullmatch(line)
        closing = _CLOSING_TAG.fullmatch(line) if wrapper is None and opened else None
        if wrapper is not None:
            opened.append(wrapper.group(1).lower())
        elif closing is not None and closing.group(1).lower() == opened[-1]:
            opened.pop()
        else:
            continue
        lines[at] = "\r" if lines[at].endswith("\r") else ""


_MARKDOWN_WRAPPER = re.compile(
    r"(?im)^<([A-Za-z][A-Za-z0-9]*)\b[^<>\n]*\smarkdown=[\"']?(?:1|block|span)[\"']?[^<>\n]*>\r?$"
)
"""A line that only opens a box whose text is Markdown (kramdown's and PHP Markdown Extra's
`<div class="box" markdown="1">`): the box goes, its text is read; as a raw-HTML block it held
the text up to the next blank line."""
_HEADED_BOX = re.compile(r"(?im)^<(?:div|section|aside|article)\b[^<>\n]*>[ \t]*\r?\n#{1,6}[ \t]")
"""A line that only opens a box, and a Markdown heading right under it."""
_BOX_OPENING = re.compile(r"<(div|section|aside|article)\b[^<>\n]*>[ \t]*", re.IGNORECASE)
_ATX = re.compile(r"#{1,6}[ \t]")
_CLOSING_TAG = re.compile(r"</([A-Za-z][A-Za-z0-9]*)>\r?")
_READ_START = re.compile(r"^</?(?:h[1-6]|p|ul|ol|li|hr)(?=[\s/>]|$)", re.MULTILINE | re.IGNORECASE)
"""A line opening a raw-HTML block of the tags read here, at the margin."""
_BLOCK_NAMES = (
    "address|article|aside|base|basefont|blockquote|body|caption|center|col|colgroup|dd|details|"
    "dialog|dir|div|dl|dt|fieldset|figcaption|figure|footer|form|frame|frameset|h[1-6]|head|"
    "header|hr|html|iframe|legend|li|link|main|menu|menuitem|nav|noframes|ol|optgroup|option|p|"
    "param|search|section|summary|table|tbody|td|tfoot|th|thead|title|tr|track|ul"
)
_RUNS_TO_BLANK = re.compile(rf"^</?(?:{_BLOCK_NAMES})(?=[\s/>]|$)", re.IGNORECASE)
_RUNS_TO_CLOSE = (
    (re.compile(r"^<(?:script|pre|style|textarea)(?=[\s>]|$)", re.IGNORECASE),
     re.compile(r"</(?:script|pre|style|textarea)>", re.IGNORECASE)),
    (re.compile(r"^<!--"), re.compile(r"-->")),
    (re.compile(r"^<\?"), re.compile(r"\?>")),
    (re.compile(r"^<![A-Za-z]"), re.compile(r">")),
    (re.compile(r"^<!\[CDATA\["), re.compile(r"\]\]>")),
)  # fmt: skip
"""CommonMark's raw-HTML blocks that end at a closing mark rather than a blank line."""


def _html_block_end(lines: list[str], at: int, outside: set[int]) -> int:
    """The line after the raw-HTML block CommonMark opens at `at` (`at` itself when the line
    opens none), so a rewrite starts only where a block does."""
    line = lines[at]
    for opening, closing in _RUNS_TO_CLOSE:
        if opening.match(line):
            end = at
            while end < len(lines) and not closing.search(lines[end], 4 if end == at else 0):
                end += 1
            return min(end + 1, len(lines))
    if not _RUNS_TO_BLANK.match(line) and not _LONE_TAG.fullmatch(line.rstrip()):
        return at
    end = at
    while end < len(lines) and lines[end].strip() and end in outside:
        end += 1
    return end


_LONE_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s[^<>]*)?)/?>|<[A-Za-z/!?]")
_ATTRIBUTE = re.compile(
    r"""\s*([A-Za-z_:][-\w:.]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?"""
)
_STRUCTURE = frozenset(("h1", "h2", "h3", "h4", "h5", "h6", "p", "ul", "ol", "li", "hr"))
_INLINE = frozenset(("strong", "b", "em", "i", "a", "br", "code", "span"))
_KEPT = frozenset(("sup", "sub", "u", "s", "mark", "small", "abbr", "kbd"))
"""Inline tags written as they are: Markdown keeps them as inline HTML, which a card shows."""
_PLAIN_ATTRIBUTES = frozenset(
    ("class", "id", "type", "start", "value", "dir", "lang", "title", "align")
)
"""Attributes that change nothing a card shows; any other (`style`, `hidden`, `onclick`) leaves
the block as it is."""
_LINK_ATTRIBUTES = frozenset(("href", "target", "rel", "name"))
_MARKDOWN_OPENER = re.compile(r"(?:[#>+*=-]|\d{1,9}[.)])(?:\s|$)")
_BOLD_OPEN, _BOLD_CLOSE, _ITALIC_OPEN, _ITALIC_CLOSE, _BREAK_MARK = (
    "\ue010", "\ue011", "\ue012", "\ue013", "\ue014"
)  # fmt: skip
_EMPHASIS = re.compile(
    f"([{_BOLD_OPEN}{_ITALIC_OPEN}])([^\ue010-\ue014]*?)([{_BOLD_CLOSE}{_ITALIC_CLOSE}])"
)


@dataclass(slots=True)
class _List:
    ordered: bool
    number: int
    margin: int
    """Where its items' markers go."""
    indent: int
    """Where the open item's text goes (its nested lists and later lines too)."""
    item: bool = False
    """An item is open."""


@dataclass(slots=True)
class _Html:
    """One block's rewrite so far: the Markdown of each of its lines, and what is open."""

    out: list[str]
    lists: list[_List] = field(default_factory=list)
    pending: str = ""
    """An item's marker (`- `, `2. `) waiting for the item's first words."""
    paragraph: bool = False
    heading: int = 0
    """The open heading's level, 0 when none."""
    heading_line: int = 0
    heading_words: list[str] = field(default_factory=list)
    links: list[str | None] = field(default_factory=list)


def _html_markdown(block: list[str]) -> list[str] | None:
    """The lines of one raw-HTML block as Markdown, as many as there were; None when the block
    holds a tag, attribute or comment this reading does not know, or is not closed."""
    state = _Html(out=[""] * len(block))
    for number, line in enumerate(block):
        if number and _closed(state) and "<" not in line and line.strip():
            state.out[number] = line  # `<h2>Signs</h2>` over `- fever`: Markdown, as written
            continue
        position = 0
        for tag in _HTML_TAG.finditer(line):
            if tag.group(2) is None or not _html_words(state, number, line[position : tag.start()]):
                return None  # a comment, a doctype, a stray '<x': not the HTML read here
            position = tag.end()
            if not _tag(state, number, tag):
                return None
        if not _html_words(state, number, line[position:]):
            return None
        if state.heading:
            state.heading_words.append(" ")
    if state.lists or state.heading or state.links:
        return None
    written, before = "\n".join(out.rstrip() for out in state.out), ""
    if not _nested(written):
        return None  # `<b>a <i>b</b></i>`: no Markdown to write it as
    while written != before:  # inner pairs first: `<b><i>x</i></b>`
        written, before = _EMPHASIS.sub(_emphasis, written), written
    if any(mark in written for mark in "\ue010\ue011\ue012\ue013"):
        return None  # emphasis not closed where it opened
    lines = written.split("\n")
    for at, line in enumerate(lines):
        if _BREAK_MARK in line:
            head = line.rstrip(_BREAK_MARK + " ")
            tail = line[len(head) :].replace(" ", "")
            line = head.replace(_BREAK_MARK, "<br>") + ("\\" if tail and head.strip() else "")
            lines[at] = line
    return lines


def _closed(state: _Html) -> bool:
    """Nothing is open: a line after the block's HTML is the author's Markdown, which CommonMark
    swallowed into the block only because no blank line came between."""
    return not (state.lists or state.heading or state.links or state.paragraph)


def _tag(state: _Html, number: int, tag: re.Match[str]) -> bool:
    """Follow one tag; False when it is not one read here."""
    closing, name = tag.group(1) == "/", tag.group(2).lower()
    if name in _KEPT:
        return _html_words(state, number, tag.group(0), mark=True)
    attributes = _attributes((tag.group(3) or "").rstrip().removesuffix("/"))
    allowed = _PLAIN_ATTRIBUTES | (_LINK_ATTRIBUTES if name == "a" else frozenset())
    if attributes is None or not set(attributes) <= allowed:
        return False
    if name in ("strong", "b", "em", "i"):
        bold = name in ("strong", "b")
        mark = (
            (_BOLD_CLOSE if bold else _ITALIC_CLOSE)
            if closing
            else (_BOLD_OPEN if bold else _ITALIC_OPEN)
        )
        return _html_words(state, number, mark, mark=True)
    if name == "span":
        return True
    if name == "code":
        return _html_words(state, number, "`", mark=True)
    if name == "br":
        return _html_words(state, number, _BREAK_MARK, mark=True)
    if name == "a":
        if closing:
            if not state.links:
                return False
            href = state.links.pop()
            return href is None or _html_words(state, number, f"]({href})", mark=True)
        href = attributes.get("href", "")
        usable = bool(href) and not any(char in href for char in " ()<>")
        state.links.append(href if usable else None)
        return not usable or _html_words(state, number, "[", mark=True)
    if name not in _STRUCTURE:
        return False  # a table, a form, a script, an image …: the block stays as it is
    if name == "hr":
        if state.paragraph or state.heading or state.out[number].strip():
            return False
        state.out[number] = "***"
        return True
    if name[0] == "h":
        return _heading(state, number, int(name[1]), closing)
    if name == "p":
        if state.heading:
            return False
        if closing:
            state.paragraph = False
            return True
        if state.lists and state.pending:
            return True  # an item's first paragraph: the item's words
        state.paragraph = True
        return True
    if name in ("ul", "ol"):
        if state.heading:
            return False
        if closing:
            if not state.lists or state.lists[-1].item:
                return False
            state.lists.pop()
            return True
        margin = state.lists[-1].indent if state.lists else 0
        start = attributes.get("start", "1")
        first = int(start) if start.isdigit() and len(start) < 9 else 1
        state.lists.append(_List(name == "ol", first, margin, margin))
        state.paragraph = False
        return True
    if not state.lists or state.heading:  # li
        return False
    level = state.lists[-1]
    if closing:
        level.item, state.pending, state.paragraph = False, "", False
        return True
    if state.out[number].strip():
        return False  # two items on one line: no Markdown writes them there (`html_list` reads it)
    marker = f"{level.number}. " if level.ordered else "- "
    level.number += 1
    level.item, level.indent = True, level.margin + len(marker)
    state.pending = " " * level.margin + marker
    return True


def _heading(state: _Html, number: int, level: int, closing: bool) -> bool:
    if not closing:
        if state.heading or state.lists or state.paragraph or state.out[number].strip():
            return False
        state.heading, state.heading_line, state.heading_words = level, number, []
        return True
    if state.heading != level:
        return False
    words = " ".join("".join(state.heading_words).replace(_BREAK_MARK, " ").split())
    if not words:
        return False
    state.out[state.heading_line] = f"{'#' * level} {words}"
    state.heading = 0
    return True


def _html_words(state: _Html, number: int, words: str, mark: bool = False) -> bool:
    """Add a stretch of text (or a mark, `mark`) to the Markdown of line `number`."""
    if state.heading:
        state.heading_words.append(words)
        return True
    if not words.strip():
        if words and state.out[number] and not state.out[number].endswith(" "):
            state.out[number] += " "
        return True
    if state.out[number].strip():
        state.out[number] += words
        return True
    if state.lists and not state.lists[-1].item:
        return False  # words in a list outside its items
    words = words.lstrip()
    if state.pending:
        prefix, state.pending = state.pending, ""
    else:
        prefix = " " * (state.lists[-1].indent if state.lists else 0)
        if not mark and _MARKDOWN_OPENER.match(words):
            words = "\\" + words  # a line of text that Markdown would read as a list or heading
    state.out[number] = prefix + words
    return True


def _attributes(raw: str) -> dict[str, str] | None:
    """A tag's attributes by name; None when they are not plain `name="value"` pairs."""
    found: dict[str, str] = {}
    rest, position = raw.strip(), 0
    while position < len(rest):
        match = _ATTRIBUTE.match(rest, position)
        if match is None or match.end() == position:
            return None
        found[match.group(1).lower()] = match.group(2) or match.group(3) or match.group(4) or ""
        position = match.end()
    return found


def _nested(written: str) -> bool:
    """Every bold and italic mark closes the one opened last."""
    opened: list[str] = []
    for char in written:
        if char in (_BOLD_OPEN, _ITALIC_OPEN):
            opened.append(char)
        elif char in (_BOLD_CLOSE, _ITALIC_CLOSE) and (
            not opened or opened.pop() != (_BOLD_OPEN if char == _BOLD_CLOSE else _ITALIC_OPEN)
        ):
            return False
    return not opened


def _emphasis(match: re.Match[str]) -> str:
    """A bold or italic tag pair as `**`/`*`, its inner edge spaces moved outside (`<b>risk
    </b>factors` is `**risk** factors`); as HTML where Markdown would not read the marks."""
    opening, inner, _ = match.groups()
    bold = opening == _BOLD_OPEN
    core = inner.strip()
    edges = inner[: len(inner) - len(inner.lstrip())] + inner[len(inner.rstrip()) :]
    if not core or "\n" in edges:  # a mark alone on its line: kept, as the line is
        return f"{'<strong>' if bold else '<em>'}{inner}{'</strong>' if bold else '</em>'}"
    mark = "**" if bold else "*"
    lead = " " if inner[:1].isspace() else ""
    trail = " " if inner[-1:].isspace() else ""
    return f"{lead}{mark}{core}{mark}{trail}"


_LIST_TAG = re.compile(r"(?=<(?:/?(?:ul|ol)|li)(?=[\s>]))", re.IGNORECASE)
"""Where a raw-HTML list's lines are broken to read it: before each list and item tag."""


MAX_HTML_LIST_DEPTH = 10
"""The deepest raw-HTML list read as Markdown: no notes nest deeper, and a line of thousands of
nested `<ul><li>` would be Markdown of millions of indenting spaces."""


def boxed_list(html: str) -> tuple[int, str] | None:
    """A raw-HTML list inside `<div>` boxes, each item a key and a value in cells of their own
    (`<div class="box"><ul>` / `<li><div class="key">Drain</div><div class="val">Remove at
    …</div></li>`, a site's card layout): the line the list opens on (from the block's first)
    and the list with each item as `<strong>Key</strong>: value`, the boxes left out, for
    `html_list` to read. None when the block is no such box (a box of other tags, a list of
    plain items, a menu)."""
    lines = html.split("\n")
    start = next((n for n, line in enumerate(lines) if _LIST_OPEN.match(line)), None)
    if start is None or not all(_BOX_LINE.fullmatch(line) for line in lines[:start]):
        return None
    body = "\n".join(line.strip() for line in lines[start:])
    end = max(body.lower().rfind("</ul>"), body.lower().rfind("</ol>"))
    if end < 0 or not all(_BOX_LINE.fullmatch(line) for line in body[end + 5 :].split("\n")):
        return None
    items = body.lower().count("<li")
    written, pairs = _KEY_VALUE_ITEM.subn(r"<li><strong>\g<key></strong>: \g<value></li>", body)
    if pairs < MIN_BOXED_PAIRS or pairs != items:
        return None
    return start, written[: end + 5 + len(written) - len(body)]


MIN_BOXED_PAIRS = 2
_LIST_OPEN = re.compile(r"\s*<(?:ul|ol)\b[^<>]*>\s*$", re.IGNORECASE)
_BOX_LINE = re.compile(r"\s*(?:</?div\b[^<>]*>\s*)*", re.IGNORECASE)
"""A line that only opens or closes boxes (`<div class="qr-body">`, `</div></div>`), or none."""
_KEY_VALUE_ITEM = re.compile(
    r"<li\b[^<>]*>\s*<(?P<k>div|span)\b[^<>]*>(?P<key>[^<>]{1,60})</(?P=k)>\s*"
    r"<(?P<v>div|span)\b[^<>]*>(?P<value>[^<>]{1,400})</(?P=v)>\s*</li>",
    re.IGNORECASE,
)
"""An item of two cells, a short key and its value (`<li><div class="key">Drain</div><div
class="val">Remove at 50 ml</div></li>`): no tags inside either cell."""


def html_list(html: str) -> list[tuple[int, str]] | None:
    """A raw-HTML list that `raw_html` left as it is because items share a line
    (`<ul><li>Avoid flying for:<ul><li>2 weeks …</li></ul></li></ul>`, as editors save it): its
    Markdown, one item a line, each with the number of the block's line it starts on (0 for the
    first). None when the block is no plain list of the structural tags read here."""
    if _READ_START.match(html) is None or not html.lstrip().lower().startswith(("<ul", "<ol")):
        return None
    lines: list[str] = []
    offsets: list[int] = []
    depth = 0
    for offset, line in enumerate(html.split("\n")):
        for piece in _LIST_TAG.split(line):
            opening = piece[:4].lower()
            if opening[:3] in ("<ul", "<ol"):
                depth += 1
            elif opening in ("</ul", "</ol"):
                depth -= 1
            if depth > MAX_HTML_LIST_DEPTH:
                return None  # written one item a line, each level indented: quadratic Markdown
            if piece.strip() or not lines:
                lines.append(piece)
                offsets.append(offset)
    written = _html_markdown(lines)
    if written is None or any(text.startswith("#") for text in written):
        return None  # a heading in the block: no list item's, and read here it would be one
    out: list[tuple[int, str]] = []
    for offset, text in zip(offsets, written, strict=True):
        if not text.strip():
            continue
        if out and not text[:1].isspace() and _MARKDOWN_OPENER.match(text) is None:
            out.append((offset, ""))  # `</ul><p>…`: a paragraph after the list, not in its item
        out.append((offset, text))
    return out
