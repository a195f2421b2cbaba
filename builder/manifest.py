"""Deck manifests (`decks/*.toml`): which sources, which sections go to which subdeck, tags and ids.

Read with the standard library's tomllib into immutable values. Every problem in a file is
collected first and reported together (one line each, naming file and line), so a teacher fixes a
manifest in one pass rather than one error per run. `docs/manifest.md` documents every field.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .dialects import decode_entities
from .document import (
    Document,
    file_title,
    is_genre_title,
    is_unnamed_stem,
    parse_document,
    spaced_number,
)
from .errors import InputError, ManifestError
from .kinds import KIND_NAMES
from .rules import RULE_NAMES, TableOptions
from .text import (
    content_words,
    fill,
    heading_text,
    is_generic_heading,
    is_genre_label,
    is_session_label,
    plain,
    subtitle_topic,
    topic_for,
    without_code_asides,
)

MAX_DECK_ID = 2**53 - 1
"""Largest deck id: Anki stores ids as 64-bit integers, and its JavaScript and AnkiDroid's JSON
read them as doubles, exact up to 2**53."""
_UNSAFE_NAME = re.compile(r"[<>\x00-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
"""What a deck name or tag may not hold: HTML's brackets, control characters and the
direction overrides that make a name read differently from what it is."""
_QUANTIFIERS = ("MAX_REPEAT", "MIN_REPEAT")

TOP_KEYS = {
    "title": "deck title shown in Anki",
    "id": "fixed deck id (an integer; `deckbuilder init` writes one)",
    "description": "text on Anki's deck overview",
    "topic": "phrase naming the subject on every card, e.g. 'breast cancer liver metastases'",
    "sources": "Markdown files, relative to this manifest",
    "tags": "extra tags for every note",
    "exclude": "section patterns that never make cards",
    "include": "non-content kinds to card anyway (references, further_reading, ...: "
    "all skipped by default)",
    "forbid": "phrases no card may contain (checked by `deckbuilder check`)",
    "remote_images": "allow images on other servers (https://...) on cards (true/false)",
    "rules": "rules used by every subdeck unless it names its own",
    "abbreviations": "name of the subdeck for abbreviation cards ('' turns them off)",
    "subdeck": "[[subdeck]] tables: name, sections, tags, rules",
    "table": "[[table]] tables: per-table options",
    "lint": "[lint] limits for `deckbuilder check`",
}
SUBDECK_KEYS = {
    "name": "subdeck name under the deck title",
    "sections": "heading texts or paths ('Parent/Child'), globs allowed",
    "tags": "tags for this subdeck's notes",
    "rules": "which rules make cards here (default: all)",
}
TABLE_KEYS = {
    "section": "heading text or path (glob) of the section holding the table",
    "subject": "header of the column naming each row's subject",
    "reverse": "make description -> subject cards too (true/false)",
    "question": "front template, with {subject}, {column}, {kind}, {topic}",
}
LINT_KEYS = {
    "max_answer_words": "longest answer, in words, before LONG-ANSWER",
    "max_list_items": "most list items on a Basic card before LIST-ON-BASIC",
    "max_cloze_words": "longest cloze deletion, in words, before SENTENCE-CLOZE",
}


@dataclass(frozen=True, slots=True)
class Subdeck:
    name: str
    sections: tuple[str, ...]
    """Patterns matched against heading text or 'Parent/Child' path, case-insensitively."""
    tags: tuple[str, ...] = ()
    rules: tuple[str, ...] = RULE_NAMES
    line: int = 0


@dataclass(frozen=True, slots=True)
class LintOptions:
    max_answer_words: int = 80
    max_list_items: int = 6
    max_cloze_words: int = 12


@dataclass(frozen=True, slots=True)
class Manifest:
    title: str
    deck_id: int
    sources: tuple[Path, ...]
    subdecks: tuple[Subdeck, ...]
    path: Path | None = None
    """The manifest file; None for a zero-config build straight from a Markdown file."""
    description: str = ""
    topic: str = ""
    tags: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    forbid: tuple[str, ...] = ()
    tables: tuple[TableOptions, ...] = ()
    abbreviations: str = "Abbreviations"
    lint: LintOptions = field(default_factory=LintOptions)
    remote_images: bool = False
    """Whether cards may show images from other servers (each review would fetch them)."""
    include: tuple[str, ...] = ()
    """Non-content kinds (kinds.py) this deck cards anyway; every other one is skipped."""

    @property
    def slug(self) -> str:
        if self.path is not None:
            return self.path.stem
        return slugify(self.title)

    @property
    def lock_path(self) -> Path | None:
        """`decks/<slug>.lock` beside the manifest; zero-config builds keep no lock."""
        return self.path.with_suffix(".lock") if self.path is not None else None


def slugify(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug or "deck"


def stable_id(*parts: str) -> int:
    """A deck or subdeck id derived from names: fixed across builds, never random."""
    digest = hashlib.sha256("\x1f".join(parts).encode()).digest()
    return 1 << 30 | int.from_bytes(digest[:6], "big") % (1 << 40)


def manifest_for_source(path: str | Path) -> Manifest:
    """Zero-config: a deck straight from one Markdown file, one subdeck per top-level section."""
    return manifest_for_document(parse_document(Path(path).resolve(), keep=True))


def manifest_for_document(document: Document) -> Manifest:
    """The defaults a zero-config build uses; `deckbuilder init` writes the same as a manifest.
    A heading that comes twice at the top level (two `# Notes`) gets one subdeck for both, as
    `init` writes it: two subdecks claiming the same sections would be an error to fix."""
    subdecks: list[Subdeck] = []
    seen: set[str] = set()
    for section in document.sections:
        pattern = literal_pattern(section.title)
        if pattern.lower() not in seen:
            seen.add(pattern.lower())
            name = intro_subdeck_name(document) if section.level == 0 else None
            subdecks.append(Subdeck(name=name or subdeck_name(section.title), sections=(pattern,)))
    return Manifest(
        title=deck_title(document),
        deck_id=zero_config_deck_id(document),
        sources=(document.path,),
        subdecks=tuple(subdecks),
        path=None,
        topic=document_topic(document),
        tags=(slugify(document.title),),
    )


def deck_title(document: Document) -> str:
    """A zero-config deck's name: the document's title, or for a title that is a question
    ("Q7. What are the features and treatment of acute gout?") the subject it asks about
    ("Acute gout"): a question of a hundred characters names no deck in a list of decks; a
    file title that numbers a part of a series has its number set apart ("Level 4"). The
    deck's id stays the title's (`zero_config_deck_id`), so its notes keep their identities."""
    title = clean_name(document.title)
    if named_by_stem(document):  # "level4.md": "Level 4", the author's part of a series
        return spaced_number(title) or "Notes"
    if "?" in title:
        subject = topic_for("", document.title)
        if subject and len(subject) < len(title):
            return clean_name(subject[:1].upper() + subject[1:])
    return title or "Notes"


def subdeck_named(manifest: Manifest, name: str, where: str | Path | None = None) -> str:
    """The deck's subdeck called `name` (any case), or an input error at `where` (default: the
    manifest) naming the closest and every subdeck: a typo must not look like an empty one."""
    names = [subdeck.name for subdeck in manifest.subdecks]
    if manifest.abbreviations:
        names.append(manifest.abbreviations)
    folded = {known.casefold(): known for known in reversed(names)}
    if name.casefold() in folded:
        return folded[name.casefold()]
    import difflib  # only to explain an error

    close = difflib.get_close_matches(name.casefold(), list(folded), n=3, cutoff=0.5)
    hint = f" (did you mean {', '.join(repr(folded[c]) for c in close)}?)" if close else ""
    raise InputError(
        f"no subdeck {name!r}{hint}; the subdecks are {', '.join(repr(n) for n in names)}",
        where or manifest.path or manifest.sources[0],
    )


def zero_config_deck_id(document: Document) -> int:
    """The deck id of a build without a manifest: derived from the title, never random."""
    return stable_id("deckbuilder", document.title)


def subdeck_name(title: str) -> str:
    """A heading as a subdeck name: its text without Markdown (`### **Antihistamines:**` names
    "Antihistamines"; a code span glued to it as an aside left out, as the topic leaves it),
    `::` (Anki's subdeck separator) runs made one `:`."""
    name = re.sub(r":{2,}", ":", clean_name(plain(without_code_asides(title)))).strip()
    return name.rstrip(":").strip() or name or "Notes"


def clean_name(text: str) -> str:
    """A heading as a deck name: its HTML tags, control characters and direction overrides
    left out (Anki shows deck names as they are); a `<` that opens no tag ("LVEF < 40%") is
    kept in its full-width form ("＜"), which no HTML reads, not cut with what follows (a `>`
    is left out, as it always was: names with arrows keep their subdecks)."""
    if _UNSAFE_NAME.search(text) is None:
        return text
    text = _TAG.sub("", text).replace("<", "＜")
    return " ".join(_UNSAFE_NAME.sub("", text).split())


_TAG = re.compile(r"<(?=[A-Za-z/!?])[^<>]*>")
"""What HTML would read as a tag: `<` then a letter, `/`, `!` or `?`, closed by `>` (an unclosed
one, "HR<Normal range", is text: its `<` is kept full-width)."""


def intro_subdeck_name(document: Document) -> str:
    """The subdeck of the document's own section (its text before the first heading, or under a
    lone `#` title): "Overview", or "Introduction" when a heading already takes that name, or
    else the document's title."""
    taken = {
        plain(section.title).strip().casefold() for section in document.sections if section.level
    }
    for name in ("Overview", "Introduction"):
        if name.casefold() not in taken:
            return name
    return subdeck_name(document.title)


def _headings(patterns: list[str]) -> list[str]:
    """Section patterns as headings are read: an HTML entity as its character (a manifest that
    `init` wrote from `## &beta;-Blockers` names the heading read as "β-Blockers")."""
    return [decode_entities(pattern) for pattern in patterns]


def literal_pattern(title: str) -> str:
    """A heading as a manifest pattern that matches only itself (glob characters escaped)."""
    return "".join(f"[{char}]" if char in "*?[" else char for char in title)


def repository_root(manifest: Path) -> Path:
    """The repository a manifest belongs to: the nearest folder above it holding `.git`; else
    the working directory when the manifest is inside it; else the folder holding `decks/`
    (or the manifest's own folder)."""
    folder = manifest.resolve().parent
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    here = Path.cwd().resolve()
    if folder.is_relative_to(here):
        return here
    return folder.parent if folder.name == "decks" else folder


def load_manifest(path: str | Path, allow_outside: bool = False) -> Manifest:
    """Read and validate a manifest; raise one ManifestError listing every problem found.
    Sources must sit inside the repository (`repository_root`) unless `allow_outside`: in CI,
    a changed manifest could otherwise put any file the runner can read on cards."""
    path = Path(path)
    if not path.is_file():
        raise ManifestError("manifest not found; name a decks/*.toml file", path)
    if path.stat().st_size > 1024 * 1024:
        raise ManifestError("manifest is larger than 1 MB; is it the right file?", path)
    text = path.read_text(encoding="utf-8", errors="replace")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        line = int(match.group(1)) if match else None
        if "end of document" in str(exc):
            line = max(1, len(text.rstrip("\n").splitlines()))
        message = re.sub(r"\s*\(at (line|end).*\)$", "", str(exc)) or "invalid TOML"
        raise ManifestError(f"not valid TOML: {message}", path, line) from exc
    return _Reader(path, text, allow_outside).manifest(data)


class _Reader:
    """Validates manifest data, collecting problems with the line each one is on."""

    def __init__(self, path: Path, text: str, allow_outside: bool = False):
        self.path = path
        self.lines = text.splitlines()
        self.problems: list[tuple[int | None, str]] = []
        self.allow_outside = allow_outside
        self.headers: dict[str, list[int]] = {}

    def manifest(self, data: dict[str, Any]) -> Manifest:
        self.unknown(data, TOP_KEYS, "top level", None, None)
        title = self.string(data, "title", required=True)
        deck_id = data.get("id")
        if deck_id is None:
            self.problem(None, "missing `id`: run `deckbuilder init` or add `id = <integer>`")
        elif (
            not isinstance(deck_id, int)
            or isinstance(deck_id, bool)
            or not 0 < deck_id <= MAX_DECK_ID
        ):
            self.problem(
                self.line_of("id"),
                f"`id` must be a whole number from 1 to {MAX_DECK_ID} (Anki's range); "
                "`deckbuilder init` writes one",
            )
            deck_id = None
        sources = self.strings(data, "sources")
        if not sources and isinstance(data.get("sources", []), list):
            self.problem(self.line_of("sources"), "`sources` must list at least one Markdown file")
        source_paths = self.sources(sources)
        subdeck_tables = self.tables(data, "subdeck")
        subdecks = [self.subdeck(index, table) for index, table in enumerate(subdeck_tables)]
        if not subdecks:
            self.problem(None, "no [[subdeck]] tables: add one with `name` and `sections`")
        seen: dict[str, int] = {}
        for subdeck in subdecks:
            if subdeck.name.lower() in seen:
                self.problem(subdeck.line, f"two subdecks are named {subdeck.name!r}")
            seen[subdeck.name.lower()] = subdeck.line
        tables = [self.table(index, t) for index, t in enumerate(self.tables(data, "table"))]
        lint = data.get("lint", {})
        lint_options = LintOptions()
        if not isinstance(lint, dict):
            self.problem(self.line_of("lint"), "`lint` must be a table: [lint]")
        else:
            self.unknown(lint, LINT_KEYS, "[lint]", self.header_line("[lint]", 0), None)
            lint_options = LintOptions(
                max_answer_words=self.integer(lint, "max_answer_words", 80),
                max_list_items=self.integer(lint, "max_list_items", 6),
                max_cloze_words=self.integer(lint, "max_cloze_words", 12),
            )
        rules = self.rules(data, None, RULE_NAMES)
        for index, subdeck in enumerate(subdecks):
            if "rules" not in subdeck_tables[index]:
                subdecks[index] = Subdeck(
                    subdeck.name, subdeck.sections, subdeck.tags, rules, subdeck.line
                )
        abbreviations = data.get("abbreviations", "Abbreviations")
        if not isinstance(abbreviations, str) or "::" in abbreviations:
            self.problem(
                self.line_of("abbreviations"),
                "`abbreviations` must be a subdeck name without '::' ('' turns them off)",
            )
            abbreviations = "Abbreviations"
        remote_images = data.get("remote_images", False)
        if not isinstance(remote_images, bool):
            self.problem(self.line_of("remote_images"), "`remote_images` must be true or false")
        # Every value is read before the check below, so each one's problem is reported.
        description, topic = self.string(data, "description"), self.string(data, "topic")
        tags, exclude = self.strings(data, "tags"), _headings(self.strings(data, "exclude"))
        forbid = self.strings(data, "forbid")
        self.names(self.line_of("title"), "the title", [title])
        self.names(self.line_of("abbreviations"), "`abbreviations`", [abbreviations])
        self.names(self.line_of("tags"), "a tag", tags)
        for index, subdeck in enumerate(subdecks):
            where = self.line_of("tags", "subdeck", index) or subdeck.line
            self.names(subdeck.line, "a subdeck name", [subdeck.name])
            self.names(where, "a tag", list(subdeck.tags))
        for pattern in forbid:
            self.forbid_pattern(pattern)
        include = self.kinds(data)
        if self.problems:
            raise ManifestError(self.report(), self.path, self.problems[0][0])
        return Manifest(
            title=title,
            deck_id=int(deck_id or 0),
            sources=tuple(source_paths),
            subdecks=tuple(subdecks),
            path=self.path,
            description=description,
            topic=topic if "topic" in data else title,  # `topic = ""`: no topic on fronts
            tags=tuple(tags),
            exclude=tuple(exclude),
            forbid=tuple(forbid),
            tables=tuple(tables),
            abbreviations=abbreviations.strip(),
            lint=lint_options,
            remote_images=remote_images is True,
            include=include,
        )

    def sources(self, names: list[str]) -> list[Path]:
        """Each source, resolved: an existing regular file inside the repository (unless
        --allow-outside), listed once."""
        line = self.line_of("sources")
        root = repository_root(self.path)
        found: list[Path] = []
        for name in names:
            try:
                source = (self.path.parent / name).resolve()
            except (OSError, RuntimeError):  # a symlink loop
                self.problem(line, f"source {name!r} is a symlink that leads round in a loop")
                continue
            if not self.allow_outside and not source.is_relative_to(root):
                self.problem(
                    line,
                    f"source {name!r} is outside the repository ({root}); move it in, or "
                    "pass --allow-outside if you mean it",
                )
            elif not source.exists():
                self.problem(line, f"source file not found: {name}")
            elif not source.is_file():
                self.problem(line, f"source {name!r} is not a regular file (a folder or device)")
            elif source in found:
                self.problem(line, f"source {name!r} is listed twice; list each file once")
            found.append(source)
        return found

    def names(self, line: int | None, what: str, values: list[str]) -> None:
        """Deck names and tags are shown by Anki as they are: no HTML, no control characters,
        no direction overrides."""
        for value in values:
            if _UNSAFE_NAME.search(value):
                self.problem(
                    line,
                    f"{what} {value[:60]!r} holds HTML brackets, control characters or "
                    "direction overrides, which Anki would show as they are; remove them",
                )

    def forbid_pattern(self, pattern: str) -> None:
        """A `/regex/` of `forbid`, refused when it could backtrack for ages (a quantifier or
        alternation inside a repeated group, a back-reference): `/(a+)+$/` against a line of
        forty `a`s takes longer than the age of the universe."""
        if not (len(pattern) > 2 and pattern.startswith("/") and pattern.endswith("/")):
            return
        reason = regex_danger(pattern[1:-1])
        if reason:
            advice = _ADVICE.get(
                reason, "write it without that (e.g. `/a+$/`), or make the group atomic: (?>...)"
            )
            self.problem(
                self.line_of("forbid"),
                f"forbid pattern {pattern!r} {reason}, which can take hours on one line; {advice}",
            )

    def subdeck(self, index: int, data: dict[str, Any]) -> Subdeck:
        line = self.header_line("[[subdeck]]", index)
        self.unknown(data, SUBDECK_KEYS, "[[subdeck]]", line, index)
        name = self.string(data, "name", required=True, line=line, table="subdeck", index=index)
        if "::" in name:
            self.problem(line, f"subdeck name {name!r} may not contain '::'")
        sections = _headings(self.strings(data, "sections", table="subdeck", index=index))
        if not sections and isinstance(data.get("sections", []), list):
            self.problem(line, f"subdeck {name!r} has no `sections`: list the headings it takes")
        return Subdeck(
            name=name,
            sections=tuple(sections),
            tags=tuple(self.strings(data, "tags", table="subdeck", index=index)),
            rules=self.rules(data, index, RULE_NAMES),
            line=line or 0,
        )

    def table(self, index: int, data: dict[str, Any]) -> TableOptions:
        line = self.header_line("[[table]]", index)
        self.unknown(data, TABLE_KEYS, "[[table]]", line, index)
        reverse = data.get("reverse")
        if reverse is not None and not isinstance(reverse, bool):
            self.problem(
                self.line_of("reverse", "table", index) or line, "`reverse` must be true or false"
            )
            reverse = None
        question = self.string(data, "question", table="table", index=index) or None
        if question:
            try:
                fill(question, dict.fromkeys(("subject", "column", "kind", "topic"), ""))
            except ValueError as exc:
                self.problem(
                    self.line_of("question", "table", index),
                    f"`question` template is invalid ({exc}); use {{subject}}, {{column}}, "
                    "{kind} and {topic}",
                )
        return TableOptions(
            section=decode_entities(
                self.string(data, "section", required=True, line=line, table="table", index=index)
            ),
            subject=self.string(data, "subject", table="table", index=index) or None,
            reverse=reverse,
            question=question,
            line=line or 0,
        )

    def rules(
        self, data: dict[str, Any], index: int | None, default: tuple[str, ...]
    ) -> tuple[str, ...]:
        if "rules" not in data:
            return default
        table = "subdeck" if index is not None else None
        names = self.strings(data, "rules", table=table, index=index)
        for name in names:
            if name not in RULE_NAMES:
                self.problem(
                    self.line_of("rules", table, index),
                    f"unknown rule {name!r}; known rules: {', '.join(RULE_NAMES)}",
                )
        return tuple(name for name in names if name in RULE_NAMES)

    def kinds(self, data: dict[str, Any]) -> tuple[str, ...]:
        """`include`: names of non-content kinds, each one known (a typo gets the closest)."""
        names = self.strings(data, "include")
        for name in names:
            if name not in KIND_NAMES:
                import difflib  # only to explain an error

                close = difflib.get_close_matches(name, KIND_NAMES, n=1, cutoff=0.6)
                hint = f"did you mean {close[0]!r}? " if close else ""
                self.problem(
                    self.line_of("include"),
                    f"unknown kind {name!r} in `include`; {hint}known kinds: "
                    f"{', '.join(KIND_NAMES)}",
                )
        return tuple(name for name in names if name in KIND_NAMES)

    # -- small typed readers ---------------------------------------------------------------

    def string(
        self,
        data: dict[str, Any],
        key: str,
        required: bool = False,
        line: int | None = None,
        table: str | None = None,
        index: int | None = None,
    ) -> str:
        value = data.get(key)
        if value is None:
            if required:
                self.problem(line, f"missing `{key}`")
            return ""
        if not isinstance(value, str):
            self.problem(self.line_of(key, table, index), f"`{key}` must be a string")
            return ""
        return value.strip()

    def strings(
        self, data: dict[str, Any], key: str, table: str | None = None, index: int | None = None
    ) -> list[str]:
        value = data.get(key, [])
        if isinstance(value, str):  # brackets forgotten: taken as is, `tags = "a, b"` is one tag
            example = f"{key} = {json.dumps([value], ensure_ascii=False)}"
            self.problem(
                self.line_of(key, table, index),
                f"`{key}` must be a list of strings, in brackets: {example}",
            )
            return []
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self.problem(self.line_of(key, table, index), f"`{key}` must be a list of strings")
            return []
        return [item.strip() for item in value if item.strip()]

    def integer(self, data: dict[str, Any], key: str, default: int) -> int:
        value = data.get(key, default)
        if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
            self.problem(self.line_of(key), f"`{key}` must be a positive integer")
            return default
        return value

    def tables(self, data: dict[str, Any], key: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            self.problem(self.line_of(key), f"`{key}` must be written as [[{key}]] tables")
            return []
        return value

    def unknown(
        self,
        data: dict[str, Any],
        known: dict[str, str],
        where: str,
        line: int | None,
        index: int | None,
    ) -> None:
        table = where.strip("[]") if where.startswith("[[") else None
        for key in data:
            if key not in known:
                self.problem(
                    self.line_of(key, table, index) or line,
                    f"unknown key `{key}` in {where}; known keys: {', '.join(known)}",
                )

    # -- locating lines ----------------------------------------------------------------------

    def header_line(self, header: str, index: int) -> int | None:
        """The line of the index-th `header` ([[subdeck]], say). Every header's lines are found
        in one pass, once: a manifest of thousands of subdecks asks for each."""
        found = self.headers.get(header)
        if found is None:
            found = [n for n, text in enumerate(self.lines, 1) if text.strip().startswith(header)]
            self.headers[header] = found
        return found[index] if 0 <= index < len(found) else None

    def line_of(self, key: str, table: str | None = None, index: int | None = None) -> int | None:
        """The line where `key =` is set, inside the index-th [[table]] when given."""
        start = 0
        if table is not None and index is not None:
            start = self.header_line(f"[[{table}]]", index) or 0
        pattern = re.compile(rf"^\s*\"?{re.escape(key)}\"?\s*=")
        for number in range(start, len(self.lines)):
            text = self.lines[number]
            if number > start and table is not None and text.strip().startswith("["):
                break
            if table is None and text.strip().startswith("["):
                break
            if pattern.match(text):
                return number + 1
        return None

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append((line, message))

    def report(self) -> str:
        _first_line, first = self.problems[0]
        rest = [
            f"{self.path}{f':{line}' if line else ''}: {message}"
            for line, message in self.problems[1:]
        ]
        return "\n".join([first, *rest])


def regex_danger(regex: str) -> str:
    """Why a regular expression could backtrack catastrophically, or "" when it cannot in the
    ways that make it exponential (a repeat inside a repeat, an alternation repeated, a
    back-reference) or a high power of the line's length (two repeats in a row that can take
    the same characters, `/a*a*b/`, `/.*x.*y/`: a 10,000-character line takes hours). Atomic
    groups and possessive repeats never backtrack into themselves."""
    import re._parser as parser  # type: ignore[import-not-found]  # the standard library's own

    try:
        tree = parser.parse(regex, re.IGNORECASE)  # as `check` compiles it
    except (re.error, RecursionError, OverflowError):
        return ""  # the lint reports an invalid pattern as such
    return _danger(list(tree), repeated=False) or _Sequences(tree).danger()


def _danger(items: list[Any], repeated: bool) -> str:
    for op, value in items:
        name = str(op)
        if name in _QUANTIFIERS:
            _low, high, sub = value
            if repeated and high != 1:
                return "repeats a group that repeats"
            found = _danger(list(sub), repeated=repeated or high not in (0, 1))
            if found:
                return found
        elif name in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT"):
            # Nothing outside backtracks into it; what is inside is checked on its own.
            found = _danger(list(value if name == "ATOMIC_GROUP" else value[2]), repeated=False)
            if found:
                return found
        elif name == "BRANCH":
            if repeated:
                return "repeats an alternation"
            for branch in value[1]:
                found = _danger(list(branch), repeated)
                if found:
                    return found
        elif name == "SUBPATTERN":
            found = _danger(list(value[-1]), repeated)
            if found:
                return found
        elif name in ("GROUPREF", "GROUPREF_EXISTS"):
            return "uses a back-reference"
        elif name in ("ASSERT", "ASSERT_NOT"):
            found = _danger(list(value[1]), repeated)
            if found:
                return found
    return ""


_IN_A_ROW = "has two repeats in a row that can take the same characters"
_ADVICE = {
    _IN_A_ROW: "put something the first cannot take between them (`/\\d+(\\.\\d+)?%/`, not "
    "`/\\d+\\.?\\d+%/`), or make the first possessive (`\\d++`)"
}
_LONG_REPEAT = 100
"""A repeat of more than this many times counts as unbounded (`a{1,1000}a{1,1000}b`)."""
_SAMPLE = (
    "".join(map(chr, range(0x250))) + "\u00a0\u2003\u2060\u202e\u0661\u03b1\u0436\u4e2d\U0001f600"
)
"""Characters a repeat's set is known by: every Latin one and a few of other kinds."""


class _Sequences:
    """Two repeats in a row that can take the same characters, with nothing between them
    that the first cannot take and something after them that can fail: on a line of those
    characters that does not match, every split of it between the two is tried, from every
    place the search starts (`/a*a*b/` against 10,000 `a`s: n**3 steps, hours). One repeat
    (n**2, well under a second) and repeats kept apart (`/click\\s+to\\s+call/`: `t` ends the
    first) are fine, and so is a repeat nothing follows (`/.*cure.*/` always matches)."""

    def __init__(self, tree: Any) -> None:
        import re._compiler as compiler  # type: ignore[import-not-found]  # the standard library's

        self.parser = type(tree)
        self.state = tree.state
        self.compile = compiler.compile
        self.tree = tree

    def danger(self) -> str:
        return next(self._dangers(list(self.tree)), "")

    def _dangers(self, items: list[Any]) -> Iterator[str]:
        flat = self._flat(items)
        for index, (op, value) in enumerate(flat):
            name = str(op)
            if name == "BRANCH":
                for branch in value[1]:
                    yield from self._dangers(list(branch))
            elif name in ("ASSERT", "ASSERT_NOT"):
                yield from self._dangers(list(value[1]))
            elif name in _QUANTIFIERS or name in ("ATOMIC_GROUP", "POSSESSIVE_REPEAT"):
                inner = value if name == "ATOMIC_GROUP" else value[2]
                yield from self._dangers(list(inner))
                backtracks = name in _QUANTIFIERS and self._long(value)
                if backtracks and self._follows(self._chars([(op, value)]), flat[index + 1 :]):
                    yield _IN_A_ROW

    def _follows(self, taken: frozenset[str], rest: list[Any]) -> bool:
        """Whether a repeat of `taken` characters is followed, before any character it cannot
        take, by another repeat that can take some of them and then by something that can
        fail."""
        for index, (op, value) in enumerate(rest):
            name = str(op)
            if name in _QUANTIFIERS and self._long(value) and taken & self._chars([(op, value)]):
                return any(self._can_fail(item) for item in rest[index + 1 :])
            if name in ("AT", "ASSERT", "ASSERT_NOT"):
                continue
            if self._needed(op, value) and not taken & self._chars([(op, value)]):
                return False
        return False

    def _flat(self, items: list[Any]) -> list[Any]:
        """The sequence with its groups (not repeated) opened: `(a*)(a*)b` reads as `a*a*b`."""
        flat: list[Any] = []
        for op, value in items:
            if str(op) == "SUBPATTERN":
                flat.extend(self._flat(list(value[-1])))
            else:
                flat.append((op, value))
        return flat

    @staticmethod
    def _long(value: Any) -> bool:
        return bool(value[1] > _LONG_REPEAT)

    def _needed(self, op: Any, value: Any) -> bool:
        """Whether the item always takes a character (a repeat at least once, a character,
        a branch whose every way does)."""
        name = str(op)
        if name in _QUANTIFIERS or name == "POSSESSIVE_REPEAT":
            return bool(value[0] > 0)
        if name == "BRANCH":
            return all(any(self._needed(*item) for item in branch) for branch in value[1])
        if name in ("SUBPATTERN", "ATOMIC_GROUP"):
            inner = value[-1] if name == "SUBPATTERN" else value
            return any(self._needed(*item) for item in inner)
        return name in ("LITERAL", "NOT_LITERAL", "ANY", "IN")

    def _can_fail(self, item: Any) -> bool:
        op, _value = item
        return str(op) in ("AT", "ASSERT", "ASSERT_NOT") or self._needed(*item)

    def _chars(self, items: list[Any]) -> frozenset[str]:
        """The characters (of `_SAMPLE`) the items can take, any of them, anywhere."""
        found: set[str] = set()
        for op, value in items:
            name = str(op)
            if name in ("LITERAL", "NOT_LITERAL", "ANY", "IN"):
                match = self.compile(self.parser(self.state, [(op, value)]), self.state.flags)
                found.update(char for char in _SAMPLE if match.fullmatch(char))
            elif name in (*_QUANTIFIERS, "POSSESSIVE_REPEAT"):
                found |= self._chars(list(value[2]))
            elif name == "SUBPATTERN":
                found |= self._chars(list(value[-1]))
            elif name == "ATOMIC_GROUP":
                found |= self._chars(list(value))
            elif name == "BRANCH":
                for branch in value[1]:
                    found |= self._chars(list(branch))
        return frozenset(found)


def document_topic(document: Document) -> str:
    """A document's topic phrase without a manifest: its front matter's `topic`, else the one
    its short title names (`Document.short_title`: a site's `nav_title`, a kramdown running
    head), else its title's."""
    explicit = own_topic(document)
    if not explicit and document.short_title:
        short = topic_for("", document.short_title)
        if short:
            return short
    if not explicit and named_by_stem(document):
        return subject_over_facets(document) or first_heading_subject(document)
    return topic_for(explicit, document.title) or (
        "" if explicit else subject_over_facets(document) or subtitle_subject(document)
    )


def subtitle_subject(document: Document) -> str:
    """The subject a page's subtitle names (`subtitle_topic`), for a title naming none ("New
    Parent Guide": its readers): the heading right under the title, before any text of its own
    or the page's, is the title's second line, not a section."""
    first = document.sections[0] if document.sections else None
    if first is None or not first.level or first.blocks:
        return ""
    text = heading_text(first.title)
    if not text or is_generic_heading(text) or is_session_label(text) or is_genre_label(text):
        return ""  # "Standard Treatment Workflow (STW)": the kind of page, its subject elsewhere
    return subtitle_topic(text)


def named_by_stem(document: Document) -> bool:
    """A document titled by its file's name only, where that name names no subject
    (`is_unnamed_stem`: "level4.md", "chapter-20.md", "example.md"): "in level4" on every
    front and a deck called "Level4" say where the text was saved, not what it teaches."""
    return (
        not document.meta.get("title")
        and not document.meta.get("slug")
        and is_unnamed_stem(document.path.stem)
        and document.title == file_title(document.path.stem)
    )


def first_heading_subject(document: Document) -> str:
    """The subject the heading over the whole of a document named by its file alone gives
    (one top-level heading, "## Korrin fever" -> "korrin fever"); "" when there are several
    (each names its own subject) or that heading names no subject either: a generic or genre
    heading, a meeting ("Week 2"), an unnamed word ("Example"), or a numbered part whose
    subtitle no other heading speaks of ("Level 4 -- The team steps in" over "Breathing",
    "Pulse": a motto for the part, not what it teaches)."""
    tops = [section for section in document.sections if section.level]
    first = tops[0] if len(tops) == 1 else None
    text = heading_text(first.title) if first is not None else ""
    if not text or is_generic_heading(text) or is_genre_title(text) or is_session_label(text):
        return ""
    subject = topic_for("", text)
    if not subject or is_unnamed_stem(subject):
        return ""
    written = " ".join(plain(first.title).split()) if first is not None else ""
    numbered = _NUMBERED_PART.match(written)  # heading_text has cut "Level 4 -- " already
    if numbered is not None:
        said = content_words(written[numbered.end() :])
        others = (s for s in document.walk() if s is not first and s.level)
        if not any(said & content_words(heading_text(s.title)) for s in others):
            return ""
    return subject


_NUMBERED_PART = re.compile(r"^[^\W\d_]+\s?\d{1,3}[a-z]?\s*(?:[-–—:|.]+\s*)+(?=\w)")
"""A heading opening with a numbered part of a series and a separator ("Level 4 -- ",
"Week 3: ")."""


def subject_over_facets(document: Document) -> str:
    """The subject a document's first heading names when its other top-level headings are only
    facets of it (`## Warfarin` then `## Kinetics`, `## Side effects`: a monograph whose
    headings are siblings, not parent and children), for a document whose title names no
    topic ("Chapter 20"): without it "Kinetics: The VD is …" named no drug."""
    if len(document.sections) < 2:
        return ""
    first = heading_text(document.sections[0].title)
    if not first or len(first.split()) > MAX_SUBJECT_WORDS or is_generic_heading(first):
        return ""
    if _facet_heading(first) or not all(
        _facet_heading(heading_text(section.title)) for section in document.sections[1:]
    ):
        return ""
    return topic_for("", first)


MAX_SUBJECT_WORDS = 4
_FACET_HEADINGS = frozenset(
    """
    kinetics pharmacokinetics pharmacodynamics dynamics uses indications dose doses dosing dosage
    administration toxicity interactions contraindications cautions precautions monitoring
    presentation metabolism elimination excretion symptoms signs causes diagnosis treatment
    management complications prognosis investigations
    """.split()
) | frozenset(
    (
        "side effects",
        "adverse effects",
        "mechanism of action",
        "mode of action",
        "special points",
        "drug interactions",
        "clinical features",
    )
)
"""Headings that name a side of a drug or a disease, never a subject of their own."""


def _facet_heading(text: str) -> bool:
    return text.lower().strip(" :.") in _FACET_HEADINGS


def own_topic(document: Document) -> str:
    """The front matter's `topic`, unless it is one word the title does not hold: then it is a
    category (`topic: obstructive` over "Acute Asthma Exacerbation"), and the title says more."""
    topic = " ".join(str(document.meta.get("topic") or "").split())
    title = document.title.strip()
    if title and " " not in topic and topic.lower() not in title.lower():
        return ""
    return topic
