"""Which sections go to which subdeck, as the manifest says, checked against the documents.

A subdeck takes the sections its patterns name and everything under them, unless a more specific
pattern sends a subsection elsewhere. Sections no subdeck names make no cards.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from .document import Document, Section
from .errors import ManifestError
from .manifest import Manifest, Subdeck
from .rules.context import matches
from .rules.faq import is_faq


@dataclass(frozen=True, slots=True)
class Route:
    document: Document
    section: Section
    subdeck: Subdeck
    in_faq: bool
    """The section is an FAQ, read as a whole by the faq rule (its questions are not routed)."""


def route(manifest: Manifest, documents: list[Document]) -> list[Route]:
    """Every section that makes cards, with its subdeck; raise on patterns that match nothing."""
    problems: list[tuple[int, str]] = []
    routes: list[Route] = []
    for document in documents:
        for section in document.sections:
            _route(document, section, None, manifest, routes, problems)
    _unmatched(manifest, documents, problems)
    if problems:
        problems.sort(key=lambda item: item[0])
        lines = [problems[0][1]]
        lines += [f"{manifest.path}:{line}: {message}" for line, message in problems[1:]]
        raise ManifestError("\n".join(lines), manifest.path, problems[0][0] or None)
    return routes


def _route(
    document: Document,
    section: Section,
    inherited: Subdeck | None,
    manifest: Manifest,
    routes: list[Route],
    problems: list[tuple[int, str]],
) -> None:
    if any(matches(section, pattern) for pattern in manifest.exclude):
        return
    claims = [
        subdeck
        for subdeck in manifest.subdecks
        if any(matches(section, pattern) for pattern in subdeck.sections)
    ]
    if len(claims) > 1:
        names = " and ".join(f"{s.name!r} (line {s.line})" for s in claims)
        problems.append(
            (
                claims[1].line,
                f"section {'/'.join(section.path)!r} is claimed by {names}; keep it in one subdeck",
            )
        )
    subdeck = claims[0] if claims else inherited
    if subdeck is not None:
        faq = is_faq(section)
        routes.append(Route(document, section, subdeck, faq))
        if faq:
            return
    for child in section.children:
        _route(document, child, subdeck, manifest, routes, problems)


def _unmatched(
    manifest: Manifest, documents: list[Document], problems: list[tuple[int, str]]
) -> None:
    sections = [section for document in documents for section in document.walk()]
    names = sorted({s.title for s in sections} | {"/".join(s.path) for s in sections})
    for subdeck in manifest.subdecks:
        for pattern in subdeck.sections:
            if not any(matches(section, pattern) for section in sections):
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
