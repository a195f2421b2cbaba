"""deckbuilder: structured study documents (Markdown) in, high-quality Anki decks out.

The library API the CLI and the tests use; see README.md for the pipeline. Names are imported on
first use (PEP 562), so `deckbuilder --help` does not pay for markdown-it-py, genanki or nh3.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from .version import __version__

_EXPORTS = {
    "BuildResult": "build",
    "DeckPlan": "build",
    "build_deck": "build",
    "plan_deck": "build",
    "Document": "document",
    "Section": "document",
    "parse_document": "document",
    "BuilderError": "errors",
    "ExportError": "errors",
    "InputError": "errors",
    "LockError": "errors",
    "ManifestError": "errors",
    "SourceError": "errors",
    "extract_notes": "extract",
    "Manifest": "manifest",
    "Subdeck": "manifest",
    "load_manifest": "manifest",
    "manifest_for_source": "manifest",
    "Note": "notes",
}

__all__ = [
    "BuildResult",
    "BuilderError",
    "DeckPlan",
    "Document",
    "ExportError",
    "InputError",
    "LockError",
    "Manifest",
    "ManifestError",
    "Note",
    "Section",
    "SourceError",
    "Subdeck",
    "__version__",
    "build_deck",
    "extract_notes",
    "load_manifest",
    "manifest_for_source",
    "parse_document",
    "plan_deck",
]

if TYPE_CHECKING:
    from .build import BuildResult, DeckPlan, build_deck, plan_deck
    from .document import Document, Section, parse_document
    from .errors import (
        BuilderError,
        ExportError,
        InputError,
        LockError,
        ManifestError,
        SourceError,
    )
    from .extract import extract_notes
    from .manifest import Manifest, Subdeck, load_manifest, manifest_for_source
    from .notes import Note


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'builder' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
