"""`deckbuilder init`: a first manifest for a Markdown source, for a teacher to edit.

The manifest pins what a zero-config build only guesses: the deck's id (invented here, once, and
never by a build), its title and topic, and one `[[subdeck]]` per top-level section. Each field has
a comment saying what it does, in the words of `manifest.py`'s key descriptions, so the file
explains itself; docs/manifest.md has the details.
"""

from __future__ import annotations

import os
import textwrap
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .document import Document, Section, Table, parse_document
from .errors import ExportError, InputError, SourceError
from .files import write_atomic
from .kinds import heading_text, section_kind, skipped_kinds
from .manifest import (
    LINT_KEYS,
    SUBDECK_KEYS,
    TABLE_KEYS,
    TOP_KEYS,
    LintOptions,
    deck_title,
    document_topic,
    intro_subdeck_name,
    literal_pattern,
    slugify,
    subdeck_name,
    zero_config_deck_id,
)
from .rules import RULE_NAMES
from .rules.context import matches
from .rules.faq import is_faq
from .text import plain

WIDTH = 99


@dataclass(frozen=True, slots=True)
class _Subdeck:
    name: str
    pattern: str
    tag: str
    also: tuple[str, ...]
    """Paths of subsections elsewhere in the document that the pattern matches too."""


def init_manifest(
    source: Path,
    decks_dir: Path = Path("decks"),
    force: bool = False,
    deck_id: int | None = None,
) -> Path:
    """Write `decks_dir/<slug>.toml` for `source` and return its path.

    Refuses to replace an existing manifest unless `force`; a replaced manifest keeps its deck id
    (when it has a readable one) unless `deck_id` is given, since students' notes depend on it.
    """
    source = Path(source)
    if source.suffix.lower() == ".toml":
        raise InputError(
            "this is a manifest; `deckbuilder init` takes the Markdown source (a .md file)", source
        )
    if not source.exists():
        raise SourceError("source file not found; check the path", source)
    document = parse_document(source)
    if deck_id is not None and (isinstance(deck_id, bool) or deck_id <= 0):
        raise InputError(f"deck id must be a positive integer, not {deck_id!r}")
    slug = slugify(source.stem)
    target = Path(decks_dir) / f"{slug}.toml"
    if target.exists() or target.is_symlink():
        if not force:
            raise InputError(
                "manifest already exists; edit it, or pass --force to replace it "
                f"(`deckbuilder init {source} --force`)",
                target,
            )
        if deck_id is None:
            deck_id = _existing_id(target)
    if deck_id is None:
        # The id a zero-config build of this document already used, so a deck shared before
        # `init` keeps its notes; build never invents an id, init pins this one.
        deck_id = zero_config_deck_id(document)
    text = manifest_text(document, source, Path(decks_dir), slug, deck_id)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, text)
    except OSError as exc:
        raise ExportError(f"cannot write the manifest: {exc.strerror or exc}", target) from exc
    return target


def manifest_text(
    document: Document, source: Path, decks_dir: Path, slug: str, deck_id: int
) -> str:
    """The manifest as commented TOML; `source` is written relative to `decks_dir`."""
    subdecks = _subdecks(document, slug)
    kinds = list(
        dict.fromkeys(k for s in document.sections if (k := _skipped(s, document)) is not None)
    )
    if not subdecks and kinds:
        raise SourceError(
            f"every top-level section is non-content ({', '.join(kinds)}): nothing in it makes "
            "cards, so `deckbuilder init` writes no manifest (docs/manifest.md, Non-content "
            "sections)",
            source,
        )
    if not subdecks:
        raise SourceError(
            "no text: `deckbuilder init` makes one subdeck per top-level section; "
            "add `## Section` headings and what they say",
            source,
        )
    meta = document.meta
    description = _meta_text(meta, "description")
    topic = document_topic(document)
    manifest = f"{slug}.toml"
    out: list[str] = []
    out += _comment(
        f"Deck manifest for {source.name}, written by `deckbuilder init`. Edit it freely: "
        "rename subdecks, move sections between them, add tags. Every field is documented in "
        f"docs/manifest.md. See the cards with `deckbuilder cards {decks_dir.as_posix()}/"
        f"{manifest}` and build with `deckbuilder build {decks_dir.as_posix()}/{manifest}`."
    )
    out.append("")
    out += _field(TOP_KEYS["title"], "title", _string(deck_title(document)))
    out += _field(
        TOP_KEYS["id"]
        + ". Keep it for the life of the deck: notes' identities are derived from it, so a new "
        "id would make students' Anki treat the notes as new ones.",
        "id",
        str(deck_id),
    )
    out += _field(TOP_KEYS["description"], "description", _string(description))
    out += _field(
        TOP_KEYS["topic"] + ". A question that does not name it gets it added, so that each card "
        "stands alone.",
        "topic",
        _string(topic),
    )
    out += _field(TOP_KEYS["sources"], "sources", _array([_relative(source, decks_dir)]))
    out += _field(TOP_KEYS["tags"], "tags", _array([slug]))
    out += _field(TOP_KEYS["exclude"], "exclude", '["References"]', commented=True)
    out += _include_hint(document)
    out += _field(TOP_KEYS["forbid"], "forbid", '["Call now"]', commented=True)
    out += _field(
        TOP_KEYS["rules"] + ": " + ", ".join(RULE_NAMES),
        "rules",
        '["faq", "table", "definition"]',
        commented=True,
    )
    out += _field(TOP_KEYS["abbreviations"], "abbreviations", '"Abbreviations"', commented=True)
    out += _comment(
        "Subdecks: one [[subdeck]] per top-level section of the document. A section pattern is "
        "a heading's text or its 'Parent/Child' path, globs allowed, case ignored. A subsection "
        "goes to its parent's subdeck unless a pattern names it; sections no subdeck takes make "
        "no cards."
    )
    for index, subdeck in enumerate(subdecks):
        if out[-1]:
            out.append("")
        out.append("[[subdeck]]")
        first = index == 0
        out += _field(SUBDECK_KEYS["name"], "name", _string(subdeck.name), described=first)
        sections = _field(
            SUBDECK_KEYS["sections"], "sections", _array([subdeck.pattern]), described=first
        )
        if subdeck.also:
            paths = ", ".join(repr(path) for path in subdeck.also)
            at = next(i for i, line in enumerate(sections) if line.startswith("sections ="))
            sections[at:at] = _comment(
                f"Note: this pattern also takes {paths} (same heading text) out of its parent's "
                "subdeck; rename one of the headings if that is not what you want."
            )
        out += sections
        out += _field(SUBDECK_KEYS["tags"], "tags", _array([subdeck.tag]), described=first)
        if first:
            out += _field(SUBDECK_KEYS["rules"], "rules", '["table", "definition"]', commented=True)
    table = _first_table(document)
    out.append("")
    out += _comment(_sentence(TOP_KEYS["table"]) + " Optional; uncomment and adapt, for example:")
    out += [f"#   {key}: {what}" for key, what in TABLE_KEYS.items()]
    out.append("# [[table]]")
    out.append(f"# section = {_string(literal_pattern(table[0]) if table else 'Section heading')}")
    out.append(f"# subject = {_string(table[1] if table else 'Name')}")
    out.append('# question = "{subject} in {topic}: {column}?"')
    out.append("")
    out += _comment(_sentence(TOP_KEYS["lint"]) + " Optional; the defaults are:")
    out += [f"#   {key}: {what}" for key, what in LINT_KEYS.items()]
    out.append("# [lint]")
    defaults = LintOptions()
    out += [f"# {key} = {getattr(defaults, key)}" for key in LINT_KEYS]
    text = "\n".join(out) + "\n"
    tomllib.loads(text)  # never write a file the builder cannot read
    return text


# -- what goes in ---------------------------------------------------------------------------


def _subdecks(document: Document, slug: str) -> list[_Subdeck]:
    """One subdeck per distinct top-level heading, in document order."""
    nested = [
        section
        for top in document.sections
        if not is_faq(top)
        for child in top.children
        for section in _routed(child)
    ]
    found: list[_Subdeck] = []
    patterns: set[str] = set()
    names: set[str] = set()
    for section in document.sections:
        if not section.title.strip() or _skipped(section, document) is not None:
            continue  # a non-content section makes no cards: `include` and a subdeck card it
        pattern = literal_pattern(section.title)
        if pattern.lower() in patterns:
            continue  # the same heading twice: one subdeck takes both
        patterns.add(pattern.lower())
        name = (
            intro_subdeck_name(document)
            if section.level == 0
            else subdeck_name(plain(section.title))
        )
        base, number = name, 2
        while name.lower() in names:
            name, number = f"{base} ({number})", number + 1
        names.add(name.lower())
        also = tuple("/".join(other.path) for other in nested if matches(other, pattern))
        found.append(_Subdeck(name, pattern, f"{slug}::{slugify(name)}", also))
    return found


def _skipped(section: Section, document: Document) -> str | None:
    """The non-content kind of a section's heading, when a deck skips it by default (as
    routing reads it: "Contents" over the document's own headings is one)."""
    kind = section_kind(section, lambda: frozenset(heading_text(s.title) for s in document.walk()))
    return kind.name if kind is not None and kind.name in skipped_kinds() else None


def _include_hint(document: Document) -> list[str]:
    """`include`, commented out, with the sections it would bring back: the non-content
    sections (by heading) that the deck skips, outermost only."""
    found: list[tuple[Section, str]] = []
    stack = list(reversed(document.sections))
    while stack:
        section = stack.pop()
        kind = _skipped(section, document)
        if kind is not None:
            found.append((section, kind))
        else:
            stack.extend(reversed(section.children))
    lines = _comment(_sentence(TOP_KEYS["include"]))
    if found:
        shown = [f"{plain(s.title)!r} ({kind}, line {s.line})" for s, kind in found[:MAX_LISTED]]
        more = f" and {len(found) - MAX_LISTED} more" if len(found) > MAX_LISTED else ""
        lines += _comment(
            f"Left out of this document as non-content: {', '.join(shown)}{more}. To card one, "
            "name its kind here (a top-level one also needs a [[subdeck]]); `deckbuilder build "
            "-v` lists everything left out, blocks of links and the like too."
        )
    kinds = list(dict.fromkeys(kind for _, kind in found)) or ["references"]
    lines.append("# include = [" + ", ".join(_string(kind) for kind in kinds) + "]")
    lines.append("")
    return lines


MAX_LISTED = 12
"""Non-content sections named in `init`'s hint; the rest are counted."""


def _routed(section: Section) -> list[Section]:
    """The section and the descendants routing looks at (an FAQ's questions are not routed)."""
    if is_faq(section):
        return [section]
    return [section, *(s for child in section.children for s in _routed(child))]


def _first_table(document: Document) -> tuple[str, str] | None:
    """Heading path and first header of the document's first table, for the [[table]] example."""
    for section in document.walk():
        for block in section.blocks:
            if isinstance(block, Table) and block.header:
                return "/".join(section.path), plain(block.header[0])
    return None


def _existing_id(path: Path) -> int | None:
    """The deck id of a manifest about to be replaced, if it has a readable one."""
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("id")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    return None


def _meta_text(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    return " ".join(str(value).split()) if value is not None else ""


def _relative(source: Path, decks_dir: Path) -> str:
    """The source as the manifest names it: relative to the manifest's folder."""
    try:
        return Path(os.path.relpath(source.resolve(), decks_dir.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return source.resolve().as_posix()


# -- TOML ------------------------------------------------------------------------------------


def _string(value: str) -> str:
    """A TOML basic string."""
    escapes = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f"}
    escapes["\r"] = "\\r"
    out = []
    for char in value:
        if char in escapes:
            out.append(escapes[char])
        elif ord(char) < 0x20 or ord(char) == 0x7F:
            out.append(f"\\u{ord(char):04x}")
        else:
            out.append(char)
    return '"' + "".join(out) + '"'


def _sentence(text: str) -> str:
    """A key description as a comment sentence: capital first, full stop last."""
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", ":")) else text + "."


def _array(values: list[str]) -> str:
    return "[" + ", ".join(_string(value) for value in values) + "]"


def _comment(text: str) -> list[str]:
    return textwrap.wrap(
        text,
        WIDTH,
        initial_indent="# ",
        subsequent_indent="# ",
        break_long_words=False,
        break_on_hyphens=False,
    )


def _field(
    description: str, key: str, value: str, commented: bool = False, described: bool = True
) -> list[str]:
    """`key = value` with its description as a comment above; commented out for optional keys."""
    lines = []
    if described:
        lines += _comment(_sentence(description))
    lines.append(f"{'# ' if commented else ''}{key} = {value}")
    if described:
        lines.append("")
    return lines
