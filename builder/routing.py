"""Which sections go to which subdeck, as the manifest says, checked against the documents.

A subdeck takes the sections its patterns name and everything under them, unless a more specific
pattern sends a subsection elsewhere. Sections no subdeck names make no cards.
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, Section
from .errors import ManifestError
from .manifest import Manifest, Subdeck
from .rules.faq import is_faq


@dataclass(frozen=True, slots=True)
class Route:
    section: Section
    subdeck: Subdeck
    in_faq: bool
    """The section is an FAQ, read as a whole by the rules that read FAQs (its questions are not
    routed on their own)."""


@dataclass(frozen=True, slots=True)
class Routed:
    """Where a document's sections go, and what the manifest's patterns found in it."""

    routes: tuple[Route, ...]
    """Every section that makes notes, with its subdeck, in document order."""
    patterns: frozenset[int]
    """The manifest's section patterns (by index, exclusions first) matching some section."""
    problems: tuple[tuple[int, str], ...]
    """(manifest line, message) for each section two subdecks claim."""
    headings: tuple[str, ...]
    """Every heading's text and 'Parent/Child' path, to suggest one for a pattern that matches
    nothing."""


def route(manifest: Manifest, document: Document) -> Routed:
    """The document's sections that make notes, each with its subdeck."""
    patterns = _patterns(manifest)
    hits: dict[int, list[int]] = {}
    matched = patterns.scan(document, hits)
    routes: list[Route] = []
    problems: list[tuple[int, str]] = []
    for section in document.sections:
        _route(section, None, manifest, patterns, hits, routes, problems)
    headings = [name for s in document.walk() for name in (s.title, "/".join(s.path))]
    return Routed(tuple(routes), frozenset(matched), tuple(problems), tuple(headings))


def check_routes(manifest: Manifest, routed: list[Routed]) -> None:
    """Raise one ManifestError naming every problem: sections two subdecks claim, and patterns
    that match no section of any document."""
    problems = [problem for each in routed for problem in each.problems]
    matched = frozenset[int]().union(*(each.patterns for each in routed))
    _unmatched(manifest, routed, matched, problems)
    if problems:
        problems.sort(key=lambda item: item[0])
        lines = [problems[0][1]]
        lines += [f"{manifest.path}:{line}: {message}" for line, message in problems[1:]]
        raise ManifestError("\n".join(lines), manifest.path, problems[0][0] or None)


@lru_cache(maxsize=8)
def _patterns(manifest: Manifest) -> _Patterns:
    """The manifest's patterns compiled once for all its documents."""
    return _Patterns(manifest)


class _Patterns:
    """The manifest's section patterns (exclusions first, then every subdeck's), each compiled
    once and read as `rules.context.matches` reads it: a glob on the lower-cased heading text
    or 'Parent/Child' path."""

    def __init__(self, manifest: Manifest) -> None:
        self.excluded = len(manifest.exclude)
        self.owner: list[int] = []  # the subdeck of each pattern after the exclusions
        patterns = [pattern.lower().strip() for pattern in manifest.exclude]
        for number, subdeck in enumerate(manifest.subdecks):
            patterns.extend(pattern.lower().strip() for pattern in subdeck.sections)
            self.owner.extend([number] * len(subdeck.sections))
        # A pattern without wildcards (a zero-config manifest's, say) names one text: those are
        # looked up by text (a manifest may hold thousands). The others are compiled, each once,
        # when a text starts with their literal start.
        self.literal: dict[str, list[int]] = {}
        self.globs: list[str | None] = []
        for index, pattern in enumerate(patterns):
            text = literal_text(pattern)
            if text is None:
                self.globs.append(fnmatch.translate(pattern))
            else:
                self.literal.setdefault(text, []).append(index)
                self.globs.append(None)
        self.compiled: dict[int, Callable[[str], re.Match[str] | None]] = {}
        wildcards = [glob for glob in self.globs if glob is not None]
        # Most texts match no pattern: one alternation of them all says so in one call.
        self.any = (
            re.compile("|".join(f"(?:{glob})" for glob in wildcards)).match
            if 0 < len(wildcards) <= _ONE_ALTERNATION
            else None
        )
        # A text can only match the patterns whose literal start (up to the first `*`, `?` or
        # `[`) it starts with: prefix length -> prefix -> pattern indices.
        self.starts: dict[int, dict[str, list[int]]] = {}
        for index, pattern in enumerate(patterns):
            if self.globs[index] is None:
                continue
            prefix = _LITERAL_START.match(pattern)
            start = prefix.group() if prefix else ""
            self.starts.setdefault(len(start), {}).setdefault(start, []).append(index)

    def matching(self, text: str) -> list[int]:
        """Indices of the patterns matching `text` (lower-cased), in no particular order."""
        found = list(self.literal.get(text, ()))
        if not self.starts or (self.any is not None and self.any(text) is None):
            return found
        for length, table in self.starts.items():
            for index in table.get(text[:length], ()):
                match = self.compiled.get(index)
                if match is None:
                    match = self.compiled[index] = re.compile(self.globs[index] or "").match
                if match(text) is not None:
                    found.append(index)
        return found

    def scan(self, document: Document, hits: dict[int, list[int]]) -> set[int]:
        """Add to `hits`, for every section (by id) that some pattern matches, the indices of
        those patterns in order; return the set of patterns that match any section at all."""
        matched: set[int] = set()
        for section in document.walk():
            title = section.title.lower()
            path = "/".join(section.path).lower()
            found = self.matching(title)
            if path != title:
                found = [*found, *self.matching(path)]
            if found:
                indices = sorted(set(found))
                hits[id(section)] = indices
                matched.update(indices)
        return matched


def literal_text(pattern: str) -> str | None:
    """The one text a glob pattern matches, or None when it has a wildcard. `[*]`, `[?]` and
    `[[]` stand for the character itself (how `init` escapes a heading)."""
    if any(char in _ESCAPED.sub("", pattern) for char in "*?["):
        return None
    return _ESCAPED.sub(lambda match: match.group(1), pattern)


_ESCAPED = re.compile(r"\[([*?\[])\]")
_LITERAL_START = re.compile(r"[^*?\[]+")
_ONE_ALTERNATION = 200
"""Most wildcard patterns joined into one regex: more take long to compile, and the literal
starts sort texts out as well."""


def _route(
    section: Section,
    inherited: Subdeck | None,
    manifest: Manifest,
    patterns: _Patterns,
    hits: dict[int, list[int]],
    routes: list[Route],
    problems: list[tuple[int, str]],
) -> None:
    indices = hits.get(id(section))
    subdeck = inherited
    if indices is not None:
        if indices[0] < patterns.excluded:
            return
        owners = dict.fromkeys(patterns.owner[index - patterns.excluded] for index in indices)
        claims = [manifest.subdecks[number] for number in owners]
        if len(claims) > 1:
            names = " and ".join(f"{s.name!r} (line {s.line})" for s in claims)
            problems.append(
                (
                    claims[1].line,
                    f"section {'/'.join(section.path)!r} is claimed by {names}; "
                    "keep it in one subdeck",
                )
            )
        subdeck = claims[0]
    if subdeck is not None:
        faq = is_faq(section)
        routes.append(Route(section, subdeck, faq))
        if faq:
            return
    for child in section.children:
        _route(child, subdeck, manifest, patterns, hits, routes, problems)


def _unmatched(
    manifest: Manifest,
    routed: list[Routed],
    matched: frozenset[int],
    problems: list[tuple[int, str]],
) -> None:
    """A problem for each pattern that matches no section, with the headings most like it; past
    `_SHOWN_UNMATCHED` of them, one line counting the rest (each suggestion compares the pattern
    with every heading)."""
    index = len(manifest.exclude)
    names: list[str] | None = None
    shown = 0
    rest: list[int] = []
    for subdeck in manifest.subdecks:
        for pattern in subdeck.sections:
            index += 1
            if index - 1 in matched:
                continue
            if shown == _SHOWN_UNMATCHED:
                rest.append(subdeck.line)
                continue
            shown += 1
            if names is None:
                names = sorted({name for each in routed for name in each.headings})
            import difflib  # only to explain an error

            close = difflib.get_close_matches(pattern, names, n=3, cutoff=0.5)
            hint = (
                f"; did you mean {', '.join(repr(c) for c in close)}?"
                if close
                else ("; patterns match a heading's text or its 'Parent/Child' path")
            )
            problems.append(
                (
                    subdeck.line,
                    f"subdeck {subdeck.name!r}: no section matches {pattern!r}{hint}",
                )
            )
    if rest:
        problems.append(
            (rest[0], f"and {len(rest):,} more section patterns match no section, from here on")
        )


_SHOWN_UNMATCHED = 20
