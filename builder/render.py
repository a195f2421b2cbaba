"""Markdown -> HTML for note fields, always through an allow-list sanitiser.

Anki runs whatever HTML and JavaScript a card holds, and decks travel to thousands of students, so
no field leaves the builder without nh3 (an allow-list sanitiser built on the html5ever parser;
safer than any hand-written filter). Cloze markers (`{{c1::...}}`) pass through untouched.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

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


_PLAIN = re.compile(r"[^\W_]|[ .,;:'\"?()%/+=#${}|~\-–—’‘“”°]")
"""Characters that render as themselves: no Markdown, no HTML, no whitespace but the space."""
_PLAIN_TEXT = re.compile(f"(?:{_PLAIN.pattern})*")


def to_html(markdown: str) -> str:
    """A field's Markdown as safe HTML: one line renders inline, several lines as blocks."""
    text = markdown.strip()
    if not text:
        return ""
    if _PLAIN_TEXT.fullmatch(text):
        # Plain text (most fields): what markdown-it and nh3 would give, without parsing it.
        return text
    html = _markdown().render(text) if "\n" in text else _markdown().renderInline(text)
    return sanitise(html)


def removed_markup(markdown: str) -> list[str]:
    """What sanitising drops from a field's raw HTML, described for a warning."""
    from html.parser import HTMLParser

    text = markdown.strip()
    if "<" not in text:
        return []
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
