"""Which sections go to which subdeck, as the manifest says, checked against the documents.

A subdeck takes the sections its patterns name and everything under them, unless a more specific
pattern sends a subsection elsewhere. Sections no subdeck names make no cards, and neither do
sections and blocks of the non-content kinds the deck skips (kinds.py: references, reading lists,
objectives...), which are reported so a teacher can see what was left out.

Rules read one routed section each, so what needs sibling sections is settled here: a
question-bank item written as sections (`## Question`, `## Options`, `## Correct Answer`,
faq.quiz_items) is routed as its stem section holding the one quiz, and its options section is
not routed at all; its explanation is routed with its `Option C:` labels named by the options'
text; the other sections (teaching points, references) are routed as usual. A section of quiz
questions each answered by a callout after its options (faq.answered_in_callouts) is routed with
each callout read as its question's answer line, and the callouts are not routed at all.
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .document import Document, RawBlock, Section
from .errors import ManifestError
from .kinds import (
    Skipped,
    content_section,
    heading_text,
    is_form_page,
    section_kind,
    skipped_kinds,
    topics_page,
)
from .manifest import Manifest, Subdeck
from .rules.faq import answered_in_callouts, is_faq, quiz_items
from .rules.term import term_lists
from .text import heading_key, is_generic_heading, name_key, plain


@dataclass(frozen=True, slots=True)
class Route:
    section: Section
    subdeck: Subdeck
    in_faq: bool
    """The section is an FAQ, read as a whole by the rules that read FAQs (its questions are not
    routed on their own)."""
    facets: frozenset[str] = frozenset()
    """The document's `facet_headings`: a rule's subject for a section under one of them takes
    its parent's (`text.heading_subject`)."""
    terms: frozenset[tuple[str, ...]] = frozenset()
    """The paths of the document's sections that list terms (`rules.term.term_lists`)."""
    names: frozenset[str] = frozenset()
    """The document's headings as names (`heading_names`): a list of them is its outline."""


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
    skipped: tuple[Skipped, ...] = ()
    """Sections and blocks of a skipped non-content kind left out, in document order."""
    warnings: tuple[tuple[int, str], ...] = ()
    """(document line, message) for what a zero-config build settled by itself."""
    sections: int = 0
    """How many sections the document has."""
    reached: int = 0
    """How many of them routing gave to a subdeck (before any left out as non-content)."""
    holding: int = 0
    """How many routed sections still hold a block once non-content is left out."""
    html: tuple[str, ...] = ()
    """The tags opening the routed sections' raw-HTML blocks when they hold nothing else (a page
    written in HTML beyond what `exports.raw_html` reads), for `why_no_cards`."""


def route(manifest: Manifest, document: Document) -> Routed:
    """The document's sections that make notes, each with its subdeck."""
    patterns = _patterns(manifest)
    hits: dict[int, list[int]] = {}
    matched = patterns.scan(document, hits)
    walk = _Walk(manifest, document, patterns, hits, skipped_kinds(manifest.include))
    walk.facets = facet_headings(document)
    walk.names = heading_names(document)
    walk.terms = term_lists(document.sections)
    walk.topics = "topics" in walk.skip and topics_page(document.walk())
    walk.form_page = "form" in walk.skip and is_form_page(document.walk())
    walk.read_quizzes(document.sections)
    for section in document.sections:
        _route(section, None, walk)
    headings = [name for s in document.walk() for name in (s.title, "/".join(s.path))]
    forms = [skipped for skipped in walk.skipped if skipped.kind == "form"]
    if forms:
        walk.warnings.append((forms[0].line, _form_warning(forms)))
    return Routed(
        tuple(walk.routes),
        frozenset(matched),
        tuple(walk.problems),
        tuple(headings),
        tuple(walk.skipped),
        tuple(walk.warnings),
        len(headings) // 2,  # a text and a path per section
        walk.reached,
        sum(1 for r in walk.routes if any(s.blocks for s in r.section.walk())),
        _unread_html(walk.routes),
    )


def _form_warning(forms: list[Skipped]) -> str:
    """Once per document: how many parts of a form (lists of answer choices,
    `kinds.is_choice_list`; a form's blank lines) were left out, the first one quoted from the
    document, so that a teacher who meant them as facts can find them and bring them back."""
    count = sum(skipped.blocks for skipped in forms)
    lists = all(" list" in skipped.what.split(" under ")[0] for skipped in forms) and not any(
        "paragraph" in skipped.what.split(" under ")[0] for skipped in forms
    )
    noun = "list" if lists else "part"
    some = f"1 {noun}" if count == 1 else f"{count} {noun}s"
    first = f" (the first: {forms[0].sample})" if forms[0].sample else ""
    return (
        f"warning: {some}{first} read as a form to fill in: no cards; "
        '`include = ["form"]` in a manifest cards them'
    )


def facet_headings(document: Document) -> frozenset[str]:
    """The headings (`heading_key`) that name a facet of their parent rather than a thing of
    their own, in a document that repeats one set of sections under each of its subjects (each
    condition's "Symptoms", "When to see a doctor", "Self-care"): a heading found under two
    parents or more, and every heading under a parent with two such (not generic) headings."""
    parents = [
        {heading_key(child.title) for child in section.children}
        for section in document.walk()
        if section.children
    ]
    if len(parents) < 2:
        return frozenset()
    seen = Counter(key for keys in parents for key in keys)
    facets: set[str] = set()
    for keys in parents:
        shared = {key for key in keys if seen[key] > 1}
        facets |= shared
        if sum(1 for key in shared if not is_generic_heading(key)) > 1:
            facets |= keys
    return frozenset(key for key in facets if key)


def heading_names(document: Document) -> frozenset[str]:
    """Every heading of the document as a name (`name_key`: "### 2. Back wall (posterior)" ->
    "back wall"), one pass over its sections."""
    return frozenset(key for section in document.walk() if (key := name_key(section.title)))


def check_routes(manifest: Manifest, routed: list[Routed]) -> None:
    """Raise one ManifestError naming every problem: sections two subdecks claim, and patterns
    that match no section of any document."""
    problems = [problem for each in routed for problem in each.problems]
    matched = frozenset[int]().union(*(each.patterns for each in routed))
    _unmatched(manifest, routed, matched, problems)
    if problems:
        problems.sort(key=lambda item: item[0])
        lines = [problems[0][1]]
        lines += [
            str(ManifestError(message, manifest.path, line or None))
            for line, message in problems[1:]
        ]
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


class _Walk:
    """What one document's walk collects, and what it needs to know."""

    def __init__(
        self,
        manifest: Manifest,
        document: Document,
        patterns: _Patterns,
        hits: dict[int, list[int]],
        skip: frozenset[str],
    ) -> None:
        self.manifest = manifest
        self.document = document
        self.patterns = patterns
        self.hits = hits
        self.skip = skip
        self.routes: list[Route] = []
        self.problems: list[tuple[int, str]] = []
        self.skipped: list[Skipped] = []
        self.warnings: list[tuple[int, str]] = []
        self.reached = 0
        self.quizzes: dict[int, Section] = {}
        """A question-bank item's stem section (by id) -> the one quiz section read instead; its
        explanation sections -> themselves with their `Option C:` labels named."""
        self.options: set[int] = set()
        """The options sections of those items (by id): read with their stem, no notes alone."""
        self.facets: frozenset[str] = frozenset()
        self.names: frozenset[str] = frozenset()
        self.terms: frozenset[tuple[str, ...]] = frozenset()
        self.topics = False
        """The page is one of study prompts (`kinds.topics_page`)."""
        self.form_page = False
        """The page is a form (`kinds.is_form_page`)."""
        self._titles: frozenset[str] | None = None

    def titles(self) -> frozenset[str]:
        """The document's headings as a plain table of contents lists them (`section_kind`),
        read once, when a section is under a navigation heading."""
        if self._titles is None:
            self._titles = frozenset(heading_text(s.title) for s in self.document.walk())
        return self._titles

    def read_quizzes(self, siblings: tuple[Section, ...]) -> None:
        """Note the question-bank items written as sibling sections (faq.quiz_items), and the
        quiz questions answered in callouts after their options (faq.answered_in_callouts)."""
        for item in quiz_items(siblings):
            self.quizzes[id(item.stem)] = item.quiz
            self.options.add(id(item.options))
            for original, named in item.explained:
                self.quizzes[id(original)] = named
        for section in siblings:
            if id(section) in self.quizzes or not section.children:
                continue
            found = answered_in_callouts(section)
            if found is not None:
                self.quizzes[id(section)] = found[0]
                self.options.update(id(answer) for answer in found[1])


def _route(section: Section, inherited: Subdeck | None, walk: _Walk) -> None:
    patterns = walk.patterns
    indices = walk.hits.get(id(section))
    subdeck = inherited
    if indices is not None:
        if indices[0] < patterns.excluded:
            return
        owners = dict.fromkeys(patterns.owner[index - patterns.excluded] for index in indices)
        claims = [walk.manifest.subdecks[number] for number in owners]
        subdeck = claims[0]
        if len(claims) > 1:
            subdeck = _claimed(section, inherited, claims, walk)
    if subdeck is not None:
        walk.reached += 1
        kind = section_kind(section, walk.titles) if walk.skip else None
        if kind is not None and kind.name in walk.skip:
            what = f"section {plain(section.title)!r}"
            walk.skipped.append(Skipped(kind.name, section.line, what))
            return  # and everything under it
        if id(section) in walk.options:
            return  # a quiz's options: asked with its stem
        quiz = walk.quizzes.get(id(section))
        faq = quiz is None and is_faq(section)
        shown, skipped = content_section(
            quiz or section, walk.skip, faq, walk.topics, walk.form_page
        )
        walk.skipped += skipped
        walk.routes.append(Route(shown, subdeck, faq, walk.facets, walk.terms, walk.names))
        if faq:
            return
    walk.read_quizzes(section.children)
    for child in section.children:
        _route(child, subdeck, walk)


def _claimed(
    section: Section, inherited: Subdeck | None, claims: list[Subdeck], walk: _Walk
) -> Subdeck:
    """The subdeck of a section two subdecks' patterns name. A manifest must say: that is an
    error naming both subdecks' lines. A zero-config build (no manifest to edit) keeps it in
    its parent's subdeck (its top-level section's), else in the first, and warns."""
    path = "/".join(section.path)
    where = f"line {section.line} of {walk.document.path.name}"
    if walk.manifest.path is None:
        chosen = inherited or claims[0]
        names = " and ".join(repr(s.name) for s in claims)
        walk.warnings.append(
            (
                section.line,
                f"warning: section {path!r} matches the subdecks {names}; it stays in "
                f"{chosen.name!r} (a manifest, `deckbuilder init`, can say otherwise)",
            )
        )
        return chosen
    names = " and ".join(f"{s.name!r}" + (f" (line {s.line})" if s.line else "") for s in claims)
    walk.problems.append(
        (
            claims[1].line,
            f"section {path!r} is claimed by {names}; keep it in one subdeck (the section is "
            f"at {where})",
        )
    )
    return claims[0]


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


def why_no_cards(routed: list[Routed]) -> str:
    """Why a deck made no cards, and what to do, from what routing found in its documents."""
    sections = sum(each.sections for each in routed)
    reached = sum(each.reached for each in routed)
    holding = sum(each.holding for each in routed)
    skipped = [item for each in routed for item in each.skipped]
    kinds = list(dict.fromkeys(item.kind for item in skipped))
    if not sections:
        return (
            "the document holds no text outside its front matter (read for the page's settings, "
            "and for lists of `term:`/`definition:` or `question:`/`answer:` entries): write "
            "some Markdown (headings, lists, tables)"
        )
    if not reached:
        return (
            f"no subdeck takes any of its {_count(sections, 'section')}: check the manifest's "
            "`sections` patterns and `exclude`"
        )
    if not holding and skipped:
        return (
            f"everything under its headings was left out as non-content ({', '.join(kinds)}); "
            f"`include = {_toml_list(kinds)}` in a manifest cards it, `build -v` lists it"
        )
    if not holding:
        return "its sections hold nothing but headings: write the facts under them"
    tags = list(dict.fromkeys(tag for each in routed for tag in each.html))[:4]
    if tags:
        return (
            f"its content is raw HTML no rule reads ({', '.join(tags)}): write it as Markdown, "
            "or in the HTML that is read (headings, paragraphs, lists, bold; "
            "docs/writing-sources.md)"
        )
    found = f"{_count(holding, 'section')} with content"
    if skipped:
        found += f"; left out as non-content: {', '.join(kinds)}"
    return (
        f"no rule found a shape it reads ({found}): cards come from tables with a header row, "
        "`**Term**: description` bullets, lists after a lead-in ending in ':', sentences "
        "listing items, figures and FAQ questions (docs/writing-sources.md)"
    )


def _unread_html(routes: list[Route]) -> tuple[str, ...]:
    """The tags (`<div>`, `<table>`) opening the raw-HTML blocks of routed sections that hold
    nothing else; () when they hold anything a rule could read."""
    blocks = [block for at in routes for section in at.section.walk() for block in section.blocks]
    if not blocks or not all(isinstance(block, RawBlock) for block in blocks):
        return ()
    html = [block for block in blocks if isinstance(block, RawBlock) and block.kind == "html_block"]
    names = (_TAG_NAME.match(block.text) for block in html)
    return tuple(dict.fromkeys(f"<{name.group(1).lower()}>" for name in names if name))


_TAG_NAME = re.compile(r"\s*<([A-Za-z][A-Za-z0-9-]*)")


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _toml_list(names: list[str]) -> str:
    return "[" + ", ".join(f'"{name}"' for name in names) + "]"
