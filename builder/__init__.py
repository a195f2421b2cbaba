"""deckbuilder: structured study documents (Markdown) in, high-quality Anki decks out.

The library API the CLI and the tests use; see README.md for the pipeline.
"""

from .build import BuildResult, DeckPlan, build_deck, manifest_for_source, plan_deck
from .cards import Card
from .document import Document, Section, parse_document
from .errors import BuilderError, ExportError, InputError, LockError, ManifestError, SourceError
from .extract import extract_cards
from .manifest import Manifest, Subdeck, load_manifest

__version__ = "0.1.0"

__all__ = [
    "BuildResult",
    "BuilderError",
    "Card",
    "DeckPlan",
    "Document",
    "ExportError",
    "InputError",
    "LockError",
    "Manifest",
    "ManifestError",
    "Section",
    "SourceError",
    "Subdeck",
    "__version__",
    "build_deck",
    "extract_cards",
    "load_manifest",
    "manifest_for_source",
    "parse_document",
    "plan_deck",
]
