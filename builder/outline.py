"""A document's outline, read from its text without parsing it: every top-level heading's line,
level and title.

A large document is staged piece by piece (`pieces.py`), and a piece's cards depend on headings
outside it: its sections' paths, the subdecks their ancestors are routed to, whether the
document's single `#` heading is its title. A scan of the text finds the headings far faster than
a parse. It knows ATX headings outside fenced code and raw HTML blocks; what it cannot know
(setext headings, headings inside list items or `<div>` blocks) each piece's parse reveals, and
the document is then staged whole instead, so a wrong outline costs time, never a wrong card.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from .document import split_pin


class Heading(NamedTuple):
    line: int
    """1-based, as the document model counts."""
    level: int
    title: str
    """Without a trailing `{#pin}`, as the document model keeps it."""
    pin: str | None


_CANDIDATE = re.compile(
    r"\n {0,3}(?:(?P<fence>`{3,}|~{3,})|(?P<html><!--|<script|<pre|<style|<textarea)"
    r"|(?P<hashes>#{1,6})(?=[ \t\r]|$))(?P<rest>.*)$",
    re.MULTILINE | re.IGNORECASE,
)
"""A line that may open a heading, a fence or a raw HTML block, found by the newline before it
(a literal first character lets the regex engine skip ahead: about 3x faster than `^`)."""
_HTML_END = {
    "<!--": re.compile(re.escape("-->")),
    "<script": re.compile(re.escape("</script>"), re.IGNORECASE),
    "<pre": re.compile(re.escape("</pre>"), re.IGNORECASE),
    "<style": re.compile(re.escape("</style>"), re.IGNORECASE),
    "<textarea": re.compile(re.escape("</textarea>"), re.IGNORECASE),
}
_CLOSING_FENCE = {
    "`": re.compile(r"^ {0,3}(`{3,})[ \t]*\r?$", re.MULTILINE),
    "~": re.compile(r"^ {0,3}(~{3,})[ \t]*\r?$", re.MULTILINE),
}


def scan_headings(text: str, skip_lines: int = 0) -> list[Heading] | None:
    """The outline of a Markdown text after its first `skip_lines` lines (its front matter), or
    None when the scan cannot vouch for its line numbers (a text with lone carriage returns)."""
    if "\r" in text.replace("\r\n", ""):
        return None
    headings: list[Heading] = []
    position = 0
    for _ in range(skip_lines):
        position = text.find("\n", position) + 1 or len(text)
    line, counted = skip_lines + 1, position  # the line number of text position `counted`
    scan = "\n" + text  # scan[i + 1] is text[i]: every line, the first too, follows a newline
    while (match := _CANDIDATE.search(scan, position)) is not None:
        start, end = match.start(), match.end() - 1  # the line, in text positions
        line += text.count("\n", counted, start)
        counted = start
        position = end + 1
        if fence := match.group("fence"):
            if fence[0] == "`" and "`" in match.group("rest"):
                continue  # not a fence: an info string may not hold a backtick
            position = _after_fence(text, end, fence)
        elif opener := match.group("html"):
            close = _HTML_END[opener.lower()].search(text, match.end("html") - 1)
            position = len(text) if close is None else text.find("\n", close.end()) + 1 or len(text)
        else:
            title, pin = split_pin(_atx_content(match.group("rest")))
            headings.append(Heading(line, len(match.group("hashes")), title.strip(), pin))
    return headings


def _after_fence(text: str, start: int, fence: str) -> int:
    """The position after the line that closes a fenced code block (the end of the text if none)."""
    for close in _CLOSING_FENCE[fence[0]].finditer(text, start):
        if len(close.group(1)) >= len(fence):
            return close.end() + 1
    return len(text)


def _atx_content(rest: str) -> str:
    """A heading's content as markdown-it takes it: without the closing run of `#`s (when a space
    precedes it) and the spaces around."""
    content = rest.rstrip(" \t\r")
    stripped = content.rstrip("#")
    if stripped != content and (not stripped or stripped[-1] in " \t"):
        content = stripped
    return content.strip()
