"""`deckbuilder preview`: every card as Anki will show it, in one self-contained HTML file.

Cards are rendered with the note types' own templates (`builder/anki.py`) by a small renderer for
exactly the template syntax they use: `{{Field}}`, `{{FrontSide}}`, `{{cloze:Field}}` and
`{{#Field}}...{{/Field}}`. Cloze deletions come out as Anki's backend writes them (class names and
`data-ordinal` as measured in docs/anki-import.md); tests/test_preview.py compares the result with
the real backend card by card.

The page embeds the very stylesheet the package ships (`anki.CSS`) once, and puts each side in an
element with `class="card"`, as Anki puts it on `<body>`; its night-mode switch adds the classes
Anki adds (`nightMode night_mode`) to those elements. Nothing is fetched: styles, script and the
deck's images (as data: URIs) are inline, and a Content-Security-Policy forbids every request (a
remote image in a field shows its alt text instead).

The cards travel in the page as compact JSON (`page_data`), not as HTML: 40,000 cards as HTML made
a 56 MB page that Chromium took 45 s to show. The page's script draws a deck or a search of up to
400 cards at once (the browser's own find works on them) and a larger one in blocks of 40 as they
come near the screen, so the first cards show within a second whatever the deck's size; the search
box searches every card's text, drawn or not. `deckbuilder serve` (serve.py) sends the same page
with its live additions: the build's status, each card's `check` problems, what changed.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import os
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeAlias

from .errors import ExportError

if TYPE_CHECKING:
    from .anki import PackagedNote
    from .build import DeckPlan


# -- templates -----------------------------------------------------------------------------------


class TemplateError(ValueError):
    """A note type template uses syntax this renderer does not implement."""


@dataclass(frozen=True, slots=True)
class _Field:
    name: str
    filters: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class _Section:
    name: str
    body: tuple[_Node, ...]


_Node: TypeAlias = str | _Field | _Section
_TAG = re.compile(r"\{\{(.*?)\}\}", re.DOTALL)
_FILTERS = frozenset({"cloze"})


@lru_cache(maxsize=16)
def _parse_template(template: str) -> tuple[_Node, ...]:
    stack: list[tuple[str, list[_Node]]] = [("", [])]
    position = 0
    for match in _TAG.finditer(template):
        if match.start() > position:
            stack[-1][1].append(template[position : match.start()])
        position = match.end()
        tag = match.group(1).strip()
        if tag.startswith("#"):
            stack.append((tag[1:].strip(), []))
        elif tag.startswith("/"):
            name = tag[1:].strip()
            if len(stack) == 1 or stack[-1][0] != name:
                raise TemplateError(f"{{{{/{name}}}}} closes no open section in {template!r}")
            opened, body = stack.pop()
            stack[-1][1].append(_Section(opened, tuple(body)))
        elif not tag or tag[0] in "^=!>":
            raise TemplateError(f"unsupported template tag {{{{{tag}}}}} in {template!r}")
        else:
            *filters, name = (part.strip() for part in tag.split(":"))
            unknown = set(filters) - _FILTERS
            if unknown:
                raise TemplateError(f"unsupported filter {sorted(unknown)} in {template!r}")
            stack[-1][1].append(_Field(name, tuple(filters)))
    if position < len(template):
        stack[-1][1].append(template[position:])
    if len(stack) != 1:
        raise TemplateError(f"section {{{{#{stack[-1][0]}}}}} is never closed in {template!r}")
    return tuple(stack[0][1])


_EMPTY_FIELD = re.compile(r"^(?:\s|</?(?:br|div)\s?/?>)*$", re.IGNORECASE)


def _is_empty(value: str) -> bool:
    """Anki's test for `{{#Field}}`: only whitespace, `<br>` and `<div>` tags."""
    return _EMPTY_FIELD.match(value) is not None


@dataclass(frozen=True, slots=True)
class _Side:
    fields: dict[str, str]
    ordinal: int
    """The card's cloze number (1-based); 1 for a basic card."""
    question: bool
    front_side: str = ""


def _render(nodes: Iterable[_Node], side: _Side) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif isinstance(node, _Section):
            if not _is_empty(_field_value(node.name, side)):
                out.append(_render(node.body, side))
        elif node.name == "FrontSide" and not node.filters:
            out.append(side.front_side)
        else:
            value = _field_value(node.name, side)
            for name in reversed(node.filters):
                if name == "cloze":
                    value = _reveal_cloze(value, side.ordinal, side.question)
            out.append(value)
    return "".join(out)


def _field_value(name: str, side: _Side) -> str:
    try:
        return side.fields[name]
    except KeyError:
        raise TemplateError(f"the template names a field {name!r} the note type lacks") from None


# -- cloze deletions -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Cloze:
    label: str
    """The ordinals as written, e.g. "2" or "1,2"."""
    ordinals: frozenset[int]
    nodes: list[str | _Cloze] = field(default_factory=list)
    hint: str | None = None


_CLOZE_TOKEN = re.compile(r"\{\{c(\d+(?:,\d+)*)::|\}\}")


@lru_cache(maxsize=64)
def _parse_cloze(text: str) -> list[str | _Cloze]:
    """Text and (nested) deletions, as Anki's backend reads them (cached: a note's cards parse
    the same text again for each side; callers never change the result).

    Like Anki: the first `::` in a deletion's own text starts its hint, a stray `}}` is text and
    a deletion that is never closed is dropped with its content.
    """
    output: list[str | _Cloze] = []
    open_clozes: list[_Cloze] = []

    def add_text(chunk: str) -> None:
        if not chunk:
            return
        if open_clozes:
            cloze = open_clozes[-1]
            if "::" in chunk:
                chunk, cloze.hint = chunk.split("::", 1)
            cloze.nodes.append(chunk)
        else:
            output.append(chunk)

    position = 0
    for match in _CLOZE_TOKEN.finditer(text):
        add_text(text[position : match.start()])
        position = match.end()
        if match.group(1) is not None:
            label = match.group(1)
            open_clozes.append(_Cloze(label, frozenset(int(n) for n in label.split(","))))
        elif open_clozes:
            closed = open_clozes.pop()
            (open_clozes[-1].nodes if open_clozes else output).append(closed)
        else:
            add_text("}}")
    add_text(text[position:])
    return output


def _has_ordinal(nodes: list[str | _Cloze], ordinal: int) -> bool:
    return any(
        isinstance(node, _Cloze) and (ordinal in node.ordinals or _has_ordinal(node.nodes, ordinal))
        for node in nodes
    )


def _reveal_cloze(text: str, ordinal: int, question: bool) -> str:
    nodes = _parse_cloze(text)
    if question and not _has_ordinal(nodes, ordinal):
        return ""
    return _reveal(nodes, ordinal, question)


def _reveal(nodes: list[str | _Cloze], ordinal: int, question: bool) -> str:
    out: list[str] = []
    for node in nodes:
        if isinstance(node, str):
            out.append(node)
        elif ordinal not in node.ordinals:
            inner = _reveal(node.nodes, ordinal, question)
            out.append(f'<span class="cloze-inactive" data-ordinal="{node.label}">{inner}</span>')
        elif question:
            content = html.escape(_reveal(node.nodes, ordinal, False), quote=True)
            shown = "..." if node.hint is None else node.hint
            out.append(
                f'<span class="cloze" data-cloze="{content}" data-ordinal="{node.label}">'
                f"[{shown}]</span>"
            )
        else:
            inner = _reveal(node.nodes, ordinal, question)
            out.append(f'<span class="cloze" data-ordinal="{node.label}">{inner}</span>')
    return "".join(out)


def cloze_ordinals(text: str) -> list[int]:
    """The cloze numbers that get a card: the rule the package's cards table is written by."""
    from .notes import cloze_numbers

    return cloze_numbers(text)


def _no_cloze(ordinal: int) -> str:
    return (
        f'<div class="db-error">No cloze {ordinal} found on card. Please either add a cloze '
        "deletion, or use the Empty Cards tool.</div>"
    )


def render_card_sides(note: PackagedNote) -> list[tuple[str, str]]:
    """(question_html, answer_html) of each Anki card the note makes, in card order.

    Rendered from the note type's own templates (`anki.MODELS`), as Anki's backend renders them
    (without the `<style>` block, which the caller adds once).
    """
    return [(question, answer) for _, question, answer in _card_faces(note)]


def _card_faces(note: PackagedNote) -> list[tuple[int, str, str]]:
    """(Anki card ordinal, 1-based; question; answer) for each card of the note."""
    from .anki import MODELS

    model = MODELS[note.note.note_type]
    fields = note.fields
    templates = model.templates
    if note.note.note_type != "cloze":
        faces = []
        for ordinal, template in enumerate(templates, start=1):
            question = _render(_parse_template(template["qfmt"]), _Side(fields, 1, True))
            answer = _render(_parse_template(template["afmt"]), _Side(fields, 1, False, question))
            faces.append((ordinal, question, answer))
        return faces
    template = templates[0]
    cloze_fields = [
        node.name
        for node in _parse_template(template["qfmt"])
        if isinstance(node, _Field) and "cloze" in node.filters
    ]
    text = " ".join(fields[name] for name in cloze_fields)
    parsed = _parse_cloze(text)
    faces = []
    for ordinal in cloze_ordinals(text):
        question = _render(_parse_template(template["qfmt"]), _Side(fields, ordinal, True))
        answer = _render(_parse_template(template["afmt"]), _Side(fields, ordinal, False, question))
        if not _has_ordinal(parsed, ordinal):
            # What Anki shows for a card whose deletion is gone (e.g. a `{{c2::` never closed).
            question, answer = question + _no_cloze(ordinal), _no_cloze(ordinal)
        faces.append((ordinal, question, answer))
    return faces


# -- the page ------------------------------------------------------------------------------------


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


_IMG_SRC = re.compile(r'(<img\b[^>]*?\bsrc=")([^"]*)(")', re.IGNORECASE)
_IMAGE_TYPES = {
    ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
    ".svg": "image/svg+xml", ".webp": "image/webp", ".bmp": "image/bmp", ".avif": "image/avif",
}  # fmt: skip


def _inline_images(fragment: str, media: dict[str, bytes]) -> str:
    """Point each packaged image (`src="db-<hash>.png"`) at a data: URI of its bytes.

    Any other source (a remote image) is left alone; the page's Content-Security-Policy keeps it
    from loading, so the preview never touches the network.
    """

    def replace(match: re.Match[str]) -> str:
        name = html.unescape(match.group(2))
        if name not in media:
            return match.group(0)
        kind = _IMAGE_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        data = base64.b64encode(media[name]).decode("ascii")
        return f"{match.group(1)}data:{kind};base64,{data}{match.group(3)}"

    return _IMG_SRC.sub(replace, fragment) if media else fragment


def _count(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


@dataclass(slots=True)
class _Deck:
    """A node of the deck tree: notes and cards of this deck and all its subdecks."""

    name: str
    children: dict[str, _Deck] = field(default_factory=dict)
    notes: int = 0
    cards: int = 0
    anchor: str = ""


@dataclass(frozen=True, slots=True)
class _Rendered:
    index: int
    """The note's place in `plan.notes`."""
    note: PackagedNote
    faces: list[tuple[int, str, str]]


def _deck_order(plan: DeckPlan) -> list[str]:
    names = list(plan.subdecks)
    names += [note.deck for note in plan.notes if note.deck not in names]
    return list(dict.fromkeys(names))


def _deck_tree(title: str, groups: dict[str, list[_Rendered]]) -> tuple[_Deck, dict[str, _Deck]]:
    """The tree under the deck's title, and the node of each full deck name in `groups`."""
    root = _Deck(title)
    by_name: dict[str, _Deck] = {}
    for index, (full_name, rendered) in enumerate(groups.items()):
        parts = full_name.split("::")
        if parts[0] == title:
            parts = parts[1:]
        node, nodes = root, [root]
        for part in parts:
            node = node.children.setdefault(part, _Deck(part))
            nodes.append(node)
        node.anchor = f"deck-{index + 1}"
        by_name[full_name] = node
        for each in nodes:
            each.notes += len(rendered)
            each.cards += sum(len(item.faces) for item in rendered)
    return root, by_name


def _tree_html(node: _Deck, depth: int = 0) -> str:
    counts = f"{_count(node.notes, 'note')} · {_count(node.cards, 'card')}"
    label = f'<span class="pv-tree-name">{_e(node.name)}</span><span class="pv-n">{counts}</span>'
    if depth == 0:
        entry = f'<a href="#top">{label}</a>'
    elif node.anchor:
        entry = f'<a href="#{node.anchor}" data-deck="{node.anchor}">{label}</a>'
    else:
        entry = f'<span class="pv-tree-group">{label}</span>'
    children = "".join(_tree_html(child, depth + 1) for child in node.children.values())
    if children:
        entry += f"<ul>{children}</ul>"
    return f"<li>{entry}</li>"


def _kind(note_type: str, ordinal: int, index: int, total: int) -> str:
    if note_type != "cloze":
        return "Basic"
    return f"Cloze c{ordinal}" + (f" · card {index + 1} of {total}" if total > 1 else "")


# -- the page's data -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PageData:
    """A deck as the page's script draws it.

    `data` becomes the JSON inside the page. Every string in it is an HTML fragment made here
    (names, tags and paths escaped, card sides as the renderer wrote them), so the script only
    puts pieces together and never escapes anything. Card sides are lists of lines held once in
    a string table (`t`): the front repeats on the back and the context and source lines repeat
    across a section, so the table keeps a 40,000-card page about a sixth of the size the same
    cards take as HTML.
    """

    data: dict[str, Any]
    cards: list[tuple[int, int]]
    """(index of the note in `plan.notes`, Anki card ordinal) of each card, in page order."""


class _Strings:
    def __init__(self) -> None:
        self.index: dict[str, int] = {}

    def __call__(self, text: str) -> int:
        return self.index.setdefault(text, len(self.index))

    def lines(self, fragment: str) -> list[int]:
        index = self.index
        return [index.setdefault(line, len(index)) for line in fragment.split("\n")]


def page_data(plan: DeckPlan) -> PageData:
    """Every card of the plan, rendered as Anki renders it, in deck order (see `PageData`)."""
    manifest = plan.manifest
    title = manifest.title
    groups: dict[str, list[_Rendered]] = {name: [] for name in _deck_order(plan)}
    for index, note in enumerate(plan.notes):
        faces = [
            (ordinal, _inline_images(question, plan.media), _inline_images(answer, plan.media))
            for ordinal, question, answer in _card_faces(note)
        ]
        groups[note.deck].append(_Rendered(index, note, faces))
    groups = {name: items for name, items in groups.items() if items}
    tree, nodes = _deck_tree(title, groups)

    strings = _Strings()
    decks: list[list[str]] = []
    cards: list[list[Any]] = []
    refs: list[tuple[int, int]] = []
    for deck, (full_name, rendered) in enumerate(groups.items()):
        node = nodes[full_name]
        counts = f"{_count(node.notes, 'note')} · {_count(node.cards, 'card')}"
        decks.append([node.anchor, _e(full_name.removeprefix(title + "::")), _e(full_name), counts])
        for item in rendered:
            card = item.note.note
            tags = [strings(_e(tag)) for tag in card.tags]
            for index, (ordinal, question, answer) in enumerate(item.faces):
                kind = _kind(card.note_type, ordinal, index, len(item.faces))
                cards.append(
                    [
                        deck,
                        strings(_e(card.rule)),
                        strings(_e(kind)),
                        strings(_e(card.source.path)),
                        card.source.line,
                        tags,
                        ordinal,
                        strings.lines(question),
                        strings.lines(answer),
                    ]
                )
                refs.append((item.index, ordinal))

    sources = [f"<i>{_e(doc.title)}</i> ({_e(doc.path.name)})" for doc in plan.documents]
    about = [
        f'<p class="pv-summary">{_count(len(plan.notes), "note")} · '
        f"{_count(tree.cards, 'card')} · {_count(len(groups), 'subdeck')}</p>"
    ]
    if manifest.description:
        about.append(f"<p>{_e(manifest.description)}</p>")
    if sources:
        about.append(f"<p>From {', '.join(sources)}.</p>")
    about.append(
        "<p>Every card as Anki will show it: the front (question) beside the back (answer), "
        "with its tags, the rule that made it and the source line it comes from.</p>"
    )
    data = {
        "title": _e(title),
        "about": "".join(about),
        "tree": _tree_html(tree),
        "t": list(strings.index),
        "decks": decks,
        "cards": cards,
    }
    return PageData(data, refs)


def empty_page_data(title: str, about: str = "") -> dict[str, Any]:
    """The data of a page with no cards (a deck that has not built yet); `about` is HTML."""
    return {"title": _e(title), "about": about, "tree": "", "t": [], "decks": [], "cards": []}


def script_json(data: dict[str, Any]) -> str:
    """JSON that cannot end or comment out the `<script>` element holding it."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return text.replace("</", "<\\/").replace("<!--", "<\\u0021--")


_ICON_SEARCH = (
    '<svg class="pv-icon" viewBox="0 0 20 20" aria-hidden="true"><circle cx="8.5" cy="8.5" r="5.5"'
    ' fill="none" stroke="currentColor" stroke-width="2"/><path d="M13 13l4.5 4.5" '
    'stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>'
)
_ICON_MOON = (
    '<svg class="pv-icon" viewBox="0 0 20 20" aria-hidden="true"><path d="M16.5 12.6A7 7 0 0 1 '
    '7.4 3.5a7 7 0 1 0 9.1 9.1z" fill="currentColor"/></svg>'
)

PAGE_CSS = """
:root {
  color-scheme: light;
  --pv-bg: #f1f0ec; --pv-panel: #ffffff; --pv-ink: #1d1d1f; --pv-muted: #5f5f66;
  --pv-line: #dcdad3; --pv-chip: #ecebe5; --pv-accent: #0a58ca; --pv-bar: rgba(241,240,236,.94);
  --pv-shadow: 0 1px 2px rgba(20,20,30,.05), 0 6px 18px rgba(20,20,30,.05);
  --pv-err: #b3261e; --pv-warn: #8a5a00; --pv-ok: #1e6b34; --pv-hl: #fff1b8;
}
:root[data-theme="dark"] {
  color-scheme: dark;
  --pv-bg: #101012; --pv-panel: #18181b; --pv-ink: #e8e8ea; --pv-muted: #a2a2aa;
  --pv-line: #303036; --pv-chip: #26262b; --pv-accent: #7ab4ff; --pv-bar: rgba(16,16,18,.94);
  --pv-shadow: none;
  --pv-err: #ff8a80; --pv-warn: #f2c14e; --pv-ok: #7bd88f; --pv-hl: #3d3514;
}
@media (prefers-color-scheme: dark) {
  :root:not([data-theme]) {
    color-scheme: dark;
    --pv-bg: #101012; --pv-panel: #18181b; --pv-ink: #e8e8ea; --pv-muted: #a2a2aa;
    --pv-line: #303036; --pv-chip: #26262b; --pv-accent: #7ab4ff; --pv-bar: rgba(16,16,18,.94);
    --pv-shadow: none;
    --pv-err: #ff8a80; --pv-warn: #f2c14e; --pv-ok: #7bd88f; --pv-hl: #3d3514;
  }
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  margin: 0; background: var(--pv-bg); color: var(--pv-ink);
  font: 16px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
}
a { color: var(--pv-accent); }
.pv-wrap { max-width: 1320px; margin: 0 auto; padding-left: 24px; padding-right: 24px; }
.pv-head { padding-top: 28px; padding-bottom: 16px; }
.pv-kicker {
  margin: 0 0 4px; font-size: .78rem; font-weight: 600; letter-spacing: .08em;
  text-transform: uppercase; color: var(--pv-muted);
}
.pv-head h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 8px; overflow-wrap: anywhere; }
.pv-head p { margin: 4px 0 0; color: var(--pv-muted); max-width: 70ch; overflow-wrap: anywhere; }
.pv-head .pv-summary { color: var(--pv-ink); font-weight: 500; }
.pv-bar {
  position: sticky; top: 0; z-index: 10; background: var(--pv-bar);
  border-bottom: 1px solid var(--pv-line);
  -webkit-backdrop-filter: blur(8px); backdrop-filter: blur(8px);
}
.pv-bar .pv-wrap {
  display: flex; flex-wrap: wrap; align-items: center; gap: 8px 14px;
  padding-top: 10px; padding-bottom: 10px;
}
.pv-search { position: relative; flex: 1 1 16rem; min-width: 0; max-width: 560px; }
.pv-search .pv-icon {
  position: absolute; left: 11px; top: 50%; width: 17px; height: 17px;
  transform: translateY(-50%); color: var(--pv-muted); pointer-events: none;
}
.pv-search input {
  width: 100%; font: inherit; color: inherit; background: var(--pv-panel);
  border: 1px solid var(--pv-line); border-radius: 10px; padding: 8px 12px 8px 36px;
}
.pv-search input:focus { outline: 2px solid var(--pv-accent); outline-offset: 1px; }
.pv-count {
  font-size: .9rem; color: var(--pv-muted); white-space: nowrap;
  font-variant-numeric: tabular-nums;
}
.pv-theme {
  display: inline-flex; align-items: center; gap: 6px; margin-left: auto;
  font: inherit; font-size: .9rem; color: inherit; background: var(--pv-panel);
  border: 1px solid var(--pv-line); border-radius: 10px; padding: 7px 12px; cursor: pointer;
}
.pv-theme .pv-icon { width: 16px; height: 16px; }
.pv-theme[aria-pressed="true"] { border-color: var(--pv-accent); color: var(--pv-accent); }
.pv-theme:focus-visible { outline: 2px solid var(--pv-accent); outline-offset: 1px; }
.pv-layout {
  display: grid; grid-template-columns: 250px minmax(0, 1fr); gap: 28px; align-items: start;
  padding-top: 22px; padding-bottom: 64px;
}
.pv-tree {
  position: sticky; top: 78px; max-height: calc(100vh - 96px); overflow: auto;
  font-size: .9rem;
}
.pv-tree h2, .pv-deck-head small, .pv-label {
  font-size: .72rem; font-weight: 600; letter-spacing: .07em; text-transform: uppercase;
  color: var(--pv-muted);
}
.pv-tree h2 { margin: 0 0 6px 8px; }
.pv-tree ul { list-style: none; margin: 0; padding: 0; }
.pv-tree ul ul { margin: 2px 0 4px 10px; padding-left: 6px; border-left: 1px solid var(--pv-line); }
.pv-tree a, .pv-tree-group {
  display: block; padding: 5px 8px; border-radius: 8px; color: inherit; text-decoration: none;
}
.pv-tree a:hover { background: var(--pv-chip); }
.pv-tree-name { display: block; font-weight: 500; line-height: 1.3; overflow-wrap: anywhere; }
.pv-n {
  display: block; font-size: .78rem; color: var(--pv-muted); font-variant-numeric: tabular-nums;
}
.pv-tree a.pv-dim { opacity: .45; }
.pv-deck { margin: 0 0 34px; scroll-margin-top: 80px; }
.pv-deck-head {
  display: flex; flex-wrap: wrap; align-items: baseline; gap: 2px 12px; margin: 0 0 12px;
}
.pv-deck-head h2 { font-size: 1.3rem; line-height: 1.25; margin: 0; overflow-wrap: anywhere; }
.pv-deck-head small { letter-spacing: .04em; }
.pv-item {
  background: var(--pv-panel); border: 1px solid var(--pv-line); border-radius: 14px;
  box-shadow: var(--pv-shadow); padding: 12px 14px 14px; margin: 0 0 16px;
  scroll-margin-top: 80px;
}
.pv-meta {
  display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 0 0 10px;
  font-size: .82rem; color: var(--pv-muted);
}
.pv-num { font-weight: 700; color: var(--pv-ink); text-decoration: none; }
.pv-chip { background: var(--pv-chip); color: var(--pv-ink); border-radius: 999px; padding: 0 9px; }
.pv-src {
  margin-left: auto; font: .78rem/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
  overflow-wrap: anywhere; min-width: 0;
}
.pv-sides { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 12px; }
.pv-side { display: flex; flex-direction: column; min-width: 0; }
.pv-label { margin: 0 0 4px 2px; }
.pv-side > .card { flex: 1 1 auto; border: 1px solid var(--pv-line); border-radius: 10px; }
.pv-tags {
  list-style: none; display: flex; flex-wrap: wrap; gap: 6px; margin: 10px 0 0; padding: 0;
  font-size: .76rem;
}
.pv-tags li {
  background: var(--pv-chip); color: var(--pv-muted); border-radius: 6px; padding: 1px 8px;
  overflow-wrap: anywhere; min-width: 0;
}
.pv-empty {
  padding: 28px; text-align: center; color: var(--pv-muted);
  border: 1px dashed var(--pv-line); border-radius: 14px;
}
.pv-foot { margin-top: 8px; font-size: .8rem; color: var(--pv-muted); }
.pv-mono, .pv-msgs code, .pv-issues b, .pv-md pre {
  font: .8rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
}
.pv-status { padding-bottom: 14px; font-size: .92rem; }
.pv-status:empty { display: none; }
.pv-status p { margin: 0 0 6px; overflow-wrap: anywhere; }
.pv-failed .pv-state b { color: var(--pv-err); }
.pv-ok .pv-state b { color: var(--pv-ok); }
.pv-msgs, .pv-issues { list-style: none; margin: 0 0 8px; padding: 0; }
.pv-msgs li, .pv-issues li {
  margin: 0 0 4px; padding: 4px 10px; border-left: 3px solid var(--pv-line); border-radius: 6px;
  background: var(--pv-panel); overflow-wrap: anywhere;
}
.pv-issues { margin-bottom: 10px; font-size: .86rem; }
.pv-issues li { background: var(--pv-chip); }
li.pv-sev-error { border-left-color: var(--pv-err); }
li.pv-sev-warning { border-left-color: var(--pv-warn); }
.pv-codes button {
  font: inherit; font-size: .8rem; color: inherit; background: var(--pv-chip); cursor: pointer;
  border: 1px solid var(--pv-line); border-radius: 999px; padding: 1px 10px; margin: 0 4px 4px 0;
}
.pv-codes button span { color: var(--pv-muted); }
.pv-conn { font-size: .82rem; color: var(--pv-ok); white-space: nowrap; }
.pv-conn-lost, .pv-alert { color: var(--pv-err); }
.pv-alert { font-size: .85rem; font-weight: 600; }
.pv-stale { opacity: .55; }
.pv-changed { border-color: var(--pv-accent); box-shadow: 0 0 0 1px var(--pv-accent); }
.pv-mark { background: var(--pv-accent); color: var(--pv-panel); font-weight: 600; }
button.pv-src {
  color: var(--pv-accent); background: none; border: 0; padding: 0; cursor: pointer;
  text-align: right; text-decoration: underline dotted; text-underline-offset: 3px;
}
.pv-md {
  margin: 0 0 10px; border: 1px solid var(--pv-line); border-radius: 10px; overflow: hidden;
  background: var(--pv-bg);
}
.pv-md-head {
  margin: 0; padding: 6px 12px; font-size: .78rem; color: var(--pv-muted);
  border-bottom: 1px solid var(--pv-line);
}
.pv-md pre { margin: 0; padding: 6px 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.pv-ln { display: block; padding: 0 12px 0 4.2em; text-indent: -3.6em; min-height: 1.5em; }
.pv-ln::before {
  content: attr(data-n); display: inline-block; width: 3em; margin-right: .6em; text-indent: 0;
  text-align: right; color: var(--pv-muted);
}
.pv-ln.pv-here { background: var(--pv-hl); }
@media (max-width: 900px) {
  .pv-layout { grid-template-columns: minmax(0, 1fr); gap: 18px; }
  .pv-tree { position: static; max-height: none; }
}
@media (max-width: 640px) {
  .pv-wrap { padding-left: 12px; padding-right: 12px; }
  .pv-head { padding-top: 18px; }
  .pv-head h1 { font-size: 1.4rem; }
  .pv-sides { grid-template-columns: minmax(0, 1fr); gap: 10px; }
  .pv-item { padding: 10px 10px 12px; border-radius: 12px; }
  .pv-src { margin-left: 0; flex-basis: 100%; }
  .pv-count { order: 3; flex-basis: 100%; font-size: .82rem; }
  .pv-theme { margin-left: 0; }
  .pv-live .pv-count { flex: 1 1 auto; }
  .pv-conn, .pv-alert { order: 3; }
  .pv-deck, .pv-item { scroll-margin-top: 104px; }
  .pv-tree a, .pv-tree-group {
    display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline;
    gap: 0 12px; padding: 4px 8px;
  }
}
"""

PAGE_JS = r"""
(function () {
  "use strict";
  var EAGER = 400;  // up to this many cards (a deck or a search) are drawn at once
  var BLOCK = 40;   // more are drawn in blocks of this many as they near the screen
  var root = document.documentElement;
  function byId(id) { return document.getElementById(id); }
  var input = byId("pv-q"), count = byId("pv-count"), empty = byId("pv-empty");
  var toggle = byId("pv-theme"), list = byId("pv-cards"), tree = byId("pv-tree-list");
  var heading = byId("pv-title"), about = byId("pv-about"), status = byId("pv-status");
  var connection = byId("pv-conn");
  var D, T, texts, indexed, issues, marks;
  var shown = [], blocks = [], filled = [], cells = [], estimate = 0, dark = false;
  var observer = null, typing = 0;

  function load(data) {
    D = data; T = data.t; texts = new Array(data.cards.length); indexed = 0;
    issues = {}; marks = data.marks || {};
    (data.issues || []).forEach(function (issue) {
      issue[3].forEach(function (i) { (issues[i] = issues[i] || []).push(issue); });
    });
  }

  function side(ids) {
    var out = new Array(ids.length);
    for (var k = 0; k < ids.length; k++) { out[k] = T[ids[k]]; }
    return out.join("\n");
  }

  // c = [deck, rule, kind, path, line, tags, ordinal, front lines, back lines]
  function card(i) {
    var c = D.cards[i], n = i + 1, mark = marks[i], where = T[c[3]] + ":" + c[4];
    var classes = "card card" + c[6] + (dark ? " nightMode night_mode" : "");
    var out = [
      '<article class="pv-item' + (mark ? " pv-changed" : "") + '" id="card-' + n +
        '" data-i="' + i + '"><header class="pv-meta">',
      '<a class="pv-num" href="#card-' + n + '">#' + n + "<\/a>",
      '<span class="pv-chip pv-rule" title="Extraction rule">' + T[c[1]] + "<\/span>",
      '<span class="pv-kind">' + T[c[2]] + "<\/span>"
    ];
    if (mark) { out.push('<span class="pv-chip pv-mark">' + mark + "<\/span>"); }
    out.push(D.live
      ? '<button type="button" class="pv-src" aria-expanded="false" ' +
        'title="Show the Markdown this card comes from">' + where + "<\/button>"
      : '<code class="pv-src" title="Source line">' + where + "<\/code>");
    out.push("<\/header>");
    if (issues[i]) {
      out.push('<ul class="pv-issues" aria-label="Check problems">');
      issues[i].forEach(function (p) {
        out.push('<li class="pv-sev-' + p[0] + '"><b>' + p[1] + "<\/b> " + p[2] + "<\/li>");
      });
      out.push("<\/ul>");
    }
    out.push(
      '<div class="pv-sides"><section class="pv-side"><h3 class="pv-label">Front<\/h3>' +
      '<div class="' + classes + '">' + side(c[7]) + "<\/div><\/section>" +
      '<section class="pv-side"><h3 class="pv-label">Back<\/h3>' +
      '<div class="' + classes + '">' + side(c[8]) + "<\/div><\/section><\/div>");
    if (c[5].length) {
      out.push('<ul class="pv-tags" aria-label="Tags">');
      c[5].forEach(function (t) { out.push("<li>" + T[t] + "<\/li>"); });
      out.push("<\/ul>");
    }
    out.push("<\/article>");
    return out.join("");
  }

  // -- search: the visible text of both sides, tags, rule, source line, subdeck, problem codes
  var NAMED = {amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0"};
  var decoder = document.createElement("textarea");
  function decode(text) {
    if (text.indexOf("&") === -1) { return text; }
    var entity = /&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);/g;
    return text.replace(entity, function (all, name) {
      if (name.charAt(0) === "#") {
        var hex = name.charAt(1) === "x" || name.charAt(1) === "X";
        var code = parseInt(name.slice(hex ? 2 : 1), hex ? 16 : 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : all;
      }
      if (Object.prototype.hasOwnProperty.call(NAMED, name)) { return NAMED[name]; }
      decoder.innerHTML = all;
      return decoder.value;
    });
  }
  function textOf(i) {
    var c = D.cards[i], parts = [side(c[8]), T[c[1]], T[c[3]] + ":" + c[4]];
    if (!c[7].every(function (line) { return c[8].indexOf(line) !== -1; })) {
      parts.push(side(c[7]));  // a cloze front's [...] and hints; a Basic back holds its front
    }
    parts.push(D.decks[c[0]][1]);
    c[5].forEach(function (t) { parts.push(T[t]); });
    (issues[i] || []).forEach(function (p) { parts.push(p[1]); });
    return decode(parts.join(" ").replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").toLowerCase();
  }
  function index(upTo) {
    while (indexed < upTo) { texts[indexed] = textOf(indexed); indexed += 1; }
  }
  function indexLater() {  // a large deck's search text is made while the reader looks around
    var data = D;
    function step() {
      if (D !== data || indexed >= D.cards.length) { return; }
      index(Math.min(D.cards.length, indexed + 1000));
      setTimeout(step, 0);
    }
    setTimeout(step, 200);
  }
  function matching() {
    var terms = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var total = D.cards.length, out = [], i;
    if (!terms.length) {
      for (i = 0; i < total; i++) { out.push(i); }
      return out;
    }
    index(total);
    for (i = 0; i < total; i++) {
      var text = texts[i], hit = true;
      for (var k = 0; hit && k < terms.length; k++) { hit = text.indexOf(terms[k]) !== -1; }
      if (hit) { out.push(i); }
    }
    return out;
  }

  // -- drawing: every card of a small set at once, a large one block by block near the screen
  function cardsOf(from, to) {
    var out = [];
    for (var p = from; p < to; p++) { out.push(card(shown[p])); }
    return out.join("");
  }
  function show(matches) {
    var lazy = matches.length > EAGER, out = [], used = {}, total = D.cards.length;
    if (observer) { observer.disconnect(); observer = null; }
    shown = matches; blocks = []; filled = [];
    for (var start = 0; start < matches.length;) {
      var d = D.cards[matches[start]][0], end = start;
      while (end < matches.length && D.cards[matches[end]][0] === d) { end += 1; }
      var deck = D.decks[d];
      used[deck[0]] = true;
      out.push('<section class="pv-deck" id="' + deck[0] + '" aria-label="' + deck[2] + '">' +
        '<div class="pv-deck-head"><h2>' + deck[1] + "<\/h2><small>" + deck[3] +
        "<\/small><\/div>");
      for (var b = start; b < end; b += BLOCK) {
        var stop = Math.min(b + BLOCK, end);
        out.push('<div class="pv-block" data-b="' + blocks.length + '">' +
          (lazy ? "" : cardsOf(b, stop)) + "<\/div>");
        blocks.push([b, stop]);
        filled.push(!lazy);
      }
      out.push("<\/section>");
      start = end;
    }
    list.innerHTML = out.join("");
    cells = list.getElementsByClassName("pv-block");
    tree.querySelectorAll("a[data-deck]").forEach(function (link) {
      link.classList.toggle("pv-dim", !used[link.getAttribute("data-deck")]);
    });
    count.textContent = matches.length + " of " + total + (total === 1 ? " card" : " cards");
    empty.hidden = matches.length !== 0;
    if (lazy) { placeholders(); }
  }
  function placeholders() {
    fill(0);  // the first cards are there in the first frame
    if (!estimate) { estimate = Math.max(60, cells[0].offsetHeight / blocks[0][1]); }
    for (var k = 1; k < cells.length; k++) {
      cells[k].style.height = Math.round(estimate * (blocks[k][1] - blocks[k][0])) + "px";
    }
    observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { fill(+entry.target.getAttribute("data-b")); }
      });
    }, {rootMargin: "1500px 0px"});
    for (var j = 1; j < cells.length; j++) { observer.observe(cells[j]); }
  }
  function fill(k) {
    if (filled[k]) { return; }
    filled[k] = true;
    cells[k].innerHTML = cardsOf(blocks[k][0], blocks[k][1]);
    cells[k].style.height = "";
    if (observer) { observer.unobserve(cells[k]); }
  }
  function search(sorted, value) {  // the place of `value` in a sorted array, or -1
    var lo = 0, hi = sorted.length - 1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (sorted[mid] === value) { return mid; }
      if (sorted[mid] < value) { lo = mid + 1; } else { hi = mid - 1; }
    }
    return -1;
  }
  function draw(i) {  // card i drawn (its block filled); false when the search hides it
    var p = search(shown, i);
    if (p < 0) { return false; }
    var lo = 0, hi = blocks.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (blocks[mid][0] <= p) { lo = mid; } else { hi = mid - 1; }
    }
    fill(lo);
    return true;
  }
  function reveal(n) {  // scroll to card number n, clearing a search that hides it
    var i = n - 1;
    if (!(i >= 0 && i < D.cards.length)) { return; }
    if (!draw(i)) { input.value = ""; show(matching()); draw(i); }
    byId("card-" + n).scrollIntoView();
  }

  // -- night mode: the classes Anki puts on a card's <body>
  function applyTheme(on) {
    dark = on;
    root.setAttribute("data-theme", on ? "dark" : "light");
    list.querySelectorAll(".card").forEach(function (c) {
      c.classList.toggle("nightMode", on);
      c.classList.toggle("night_mode", on);
    });
    toggle.setAttribute("aria-pressed", on ? "true" : "false");
  }

  // -- live (deckbuilder serve): the page follows every save, keeping its place
  function redraw() {
    heading.innerHTML = D.title;
    about.innerHTML = D.about;
    tree.innerHTML = D.tree;
    document.title = heading.textContent + " · deck preview";
    status.innerHTML = D.live.html;
    status.className = "pv-status pv-wrap pv-" + D.live.state;
    list.classList.toggle("pv-stale", !!D.live.stale);
    byId("pv-alert").hidden = D.live.state !== "failed";
    show(matching());
  }
  function place() {  // the first cards on screen and where they are, to find them again
    var items = list.getElementsByClassName("pv-item"), lo = 0, hi = items.length - 1;
    var bar = document.querySelector(".pv-bar").getBoundingClientRect().bottom;
    if (hi < 0 || window.scrollY < 1) { return []; }
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (items[mid].getBoundingClientRect().bottom <= bar) { lo = mid + 1; } else { hi = mid; }
    }
    var out = [];
    for (var k = lo; k < Math.min(items.length, lo + 20); k++) {
      out.push([D.keys[+items[k].getAttribute("data-i")], items[k].getBoundingClientRect().top]);
    }
    return out;
  }
  function keep(places) {
    if (!places.length) { return; }
    var where = {};
    D.keys.forEach(function (key, i) { where[key] = i; });
    for (var k = 0; k < places.length; k++) {
      var i = where[places[k][0]];
      if (i !== undefined && draw(i)) {
        window.scrollBy(0, byId("card-" + (i + 1)).getBoundingClientRect().top - places[k][1]);
        return;
      }
    }
  }
  function connect() {
    var events = new EventSource("/events?since=" + encodeURIComponent(D.live.id));
    events.addEventListener("deck", function (event) {
      var places = place();
      load(JSON.parse(event.data));
      redraw();
      keep(places);
      indexLater();
    });
    events.addEventListener("open", function () { connected("live", "Live"); });
    events.addEventListener("error", function () {
      connected("lost", "Reconnecting…");
    });
  }
  function connected(state, text) {
    connection.className = "pv-conn pv-conn-" + state;
    connection.textContent = text;
  }
  function showSource(button) {
    var item = button.closest(".pv-item"), open = item.querySelector(".pv-md");
    if (open) {
      open.remove();
      button.setAttribute("aria-expanded", "false");
      return;
    }
    var c = D.cards[+item.getAttribute("data-i")], box = document.createElement("div");
    box.className = "pv-md";
    (item.querySelector(".pv-issues") || item.querySelector(".pv-meta")).after(box);
    button.setAttribute("aria-expanded", "true");
    var query = "path=" + encodeURIComponent(decode(T[c[3]])) + "&line=" + c[4];
    fetch("/source?" + query).then(function (response) {
      if (!response.ok) { throw new Error("the server has no such source now"); }
      return response.json();
    }).then(function (source) {
      var title = document.createElement("p"), pre = document.createElement("pre");
      title.className = "pv-md-head";
      title.textContent = source.path + ", lines " + source.first + "–" +
        (source.first + source.lines.length - 1);
      source.lines.forEach(function (text, k) {
        var line = document.createElement("span"), number = source.first + k;
        line.className = "pv-ln" + (number === source.line ? " pv-here" : "");
        line.setAttribute("data-n", number);
        line.textContent = text;
        pre.appendChild(line);
      });
      box.replaceChildren(title, pre);
    }).catch(function (error) {
      box.textContent = "Source not shown: " + error.message + ".";
    });
  }

  // -- start
  load(JSON.parse(byId("pv-data").textContent));
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  var chosen = false;
  applyTheme(media !== null && media.matches);
  if (media !== null) {
    var follow = function (event) { if (!chosen) { applyTheme(event.matches); } };
    if (media.addEventListener) { media.addEventListener("change", follow); }
    else if (media.addListener) { media.addListener(follow); }
  }
  toggle.addEventListener("click", function () {
    chosen = true;
    applyTheme(!dark);
  });
  function filter() {
    clearTimeout(typing);
    show(matching());
  }
  input.addEventListener("input", function () {
    clearTimeout(typing);
    if (D.cards.length > EAGER) { typing = setTimeout(filter, 150); } else { filter(); }
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { input.value = ""; filter(); }
  });
  document.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#card-']");
    if (link) {
      event.preventDefault();
      history.replaceState(null, "", link.getAttribute("href"));
      reveal(+link.getAttribute("href").slice(6));
      return;
    }
    var button = event.target.closest("button.pv-src");
    if (button && D.live) { showSource(button); return; }
    var code = event.target.closest("button[data-code]");
    if (code) { input.value = code.getAttribute("data-code"); filter(); }
  });
  window.addEventListener("hashchange", function () {
    var match = /^#card-(\d+)$/.exec(location.hash);
    if (match) { reveal(+match[1]); }
  });
  if (D.live) { redraw(); connect(); } else { show(matching()); }
  var start = /^#card-(\d+)$/.exec(location.hash);
  if (start) { reveal(+start[1]); }
  indexLater();
})();
"""


def _csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(live: bool = False) -> str:
    """What the page may load: its own inline styles and script, data: images; nothing else.
    A live page (`deckbuilder serve`) may also talk to the server that sent it."""
    from .anki import CSS

    rules = [
        "default-src 'none'",
        f"style-src {_csp_hash(CSS)} {_csp_hash(PAGE_CSS)}",
        f"script-src {_csp_hash(PAGE_JS)}",
        "img-src data:",
        "base-uri 'none'",
        "form-action 'none'",
    ]
    if live:
        rules.append("connect-src 'self'")
    return "; ".join(rules)


def page_html(data: dict[str, Any], live: bool = False) -> str:
    """The page around a deck's data (`page_data`): header, search bar, deck tree, and the
    script that draws the cards from the data. `live` adds the status of `deckbuilder serve`
    and lets the page follow the server's rebuilds."""
    from .anki import CSS
    from .version import __version__

    for name, text in (("builder/card.css", CSS), ("the page's script", PAGE_JS)):
        if "</" in text:
            raise ExportError(f"{name} must not contain '</' (it is inlined in the page)")
    total = len(data["cards"])
    counter = f"{total} of {_count(total, 'card')}"
    status = '<div class="pv-status pv-wrap" id="pv-status" role="status"></div>\n'
    connection = (
        '<span class="pv-conn" id="pv-conn">Connecting…</span>'
        '<a class="pv-alert" id="pv-alert" href="#top" hidden>Build failed: see the top</a>'
    )
    policy = content_security_policy(live)
    return "".join(
        [
            "<!DOCTYPE html>\n",
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n',
            f'<meta http-equiv="Content-Security-Policy" content="{_e(policy)}">\n',
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n',
            '<meta name="color-scheme" content="light dark">\n',
            f'<meta name="generator" content="deckbuilder {_e(__version__)}">\n',
            '<link rel="icon" href="data:,">\n',
            f"<title>{data['title']} · deck preview</title>\n",
            f"<style>{CSS}</style>\n",
            f"<style>{PAGE_CSS}</style>\n",
            '</head>\n<body class="pv-live">\n' if live else "</head>\n<body>\n",
            '<header class="pv-head pv-wrap" id="top">',
            '<p class="pv-kicker">Anki deck preview</p>',
            f'<h1 id="pv-title">{data["title"]}</h1>',
            f'<div id="pv-about">{data["about"]}</div></header>\n',
            status if live else "",
            '<div class="pv-bar"><div class="pv-wrap">',
            f'<label class="pv-search">{_ICON_SEARCH}',
            '<input id="pv-q" type="search" placeholder="Search cards and tags…" '
            'aria-label="Search cards" autocomplete="off" spellcheck="false"></label>',
            f'<output class="pv-count" id="pv-count" for="pv-q" aria-live="polite">{counter}'
            "</output>",
            connection if live else "",
            '<button class="pv-theme" id="pv-theme" type="button" aria-pressed="false" '
            f'title="Show the cards in Anki\'s night mode">{_ICON_MOON}<span>Dark</span></button>',
            "</div></div>\n",
            '<div class="pv-layout pv-wrap">',
            '<nav class="pv-tree" aria-label="Deck tree"><h2>Deck</h2>',
            f'<ul id="pv-tree-list">{data["tree"]}</ul></nav>\n',
            '<main><div id="pv-cards"></div>',
            '<noscript><p class="pv-empty">The cards are drawn by the page\'s script: '
            "allow JavaScript for this page to see them.</p></noscript>",
            '<p class="pv-empty" id="pv-empty" hidden>No card matches the search.</p>',
            f'<p class="pv-foot">Made by deckbuilder {_e(__version__)}.</p>',
            "</main></div>\n",
            f'<script type="application/json" id="pv-data">{script_json(data)}</script>\n',
            f"<script>{PAGE_JS}</script>\n",
            "</body>\n</html>\n",
        ]
    )


def preview_html(plan: DeckPlan) -> str:
    """The whole preview page for a deck, as one string (see `write_preview`)."""
    return page_html(page_data(plan).data)


def write_preview(plan: DeckPlan, output: Path) -> None:
    """Write the deck's preview: one self-contained HTML file that fetches nothing.

    Written through a temporary file and a rename, so a failure never leaves half a page.
    """
    page = preview_html(plan)
    output = Path(output)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{output.name}.", dir=output.parent)
    except OSError as exc:
        raise ExportError(f"cannot write preview: {exc}", output) from exc
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
            stream.write(page)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, output)
    except OSError as exc:
        raise ExportError(f"cannot write preview: {exc}", output) from exc
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
