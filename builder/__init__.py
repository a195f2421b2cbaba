"""deckbuilder: structured study documents (Markdown) in, high-quality Anki decks out.

The library API the CLI and the tests use; see README.md for the pipeline. Names are imported on
first use (PEP 562), so `deckbuilder --help` does not pay for markdown-it-py, genanki or nh3.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "BuildResult": "build",
    "DeckPlan": "build",
    "build_deck": "build",
    "manifest_for_source": "build",
    "plan_deck": "build",
    "Card": "cards",
    "Document": "document",
    "Section": "document",
    "parse_document": "document",
    "BuilderError": "errors",
    "ExportError": "errors",
    "InputError": "errors",
    "LockError": "errors",
    "ManifestError": "errors",
    "SourceError": "errors",
    "extract_cards": "extract",
    "Manifest": "manifest",
    "Subdeck": "manifest",
    "load_manifest": "manifest",
}

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

if TYPE_CHECKING:
    from .build import BuildResult, DeckPlan, build_deck, manifest_for_source, plan_deck
    from .cards import Card
    from .document import Document, Section, parse_document
    from .errors import (
        BuilderError,
        ExportError,
        InputError,
        LockError,
        ManifestError,
        SourceError,
    )
    from .extract import extract_cards
    from .manifest import Manifest, Subdeck, load_manifest


def main(prog_name: str | None = None) -> None:
    """The `deckbuilder` program: the CLI (`cli.cli`), with the cyclic garbage collector off.

    A command is one short process. Its collections would mostly scan the objects of the modules
    it imports (click's and ours: ~5 ms), a build and `plan_deck` pause the collector for their
    own work anyway, and the interpreter's last collection at exit would scan every object once
    more. `gc.freeze()` leaves them all out of that last collection; the process ends right
    after. Together this is about 50 ms of the seed deck's build. The function is here, not in
    cli.py, so that the collector is off before click is imported. Tests and library callers use
    `cli.cli`, which leaves the collector alone.
    """
    import gc

    gc.disable()
    try:
        from .cli import cli

        cli(prog_name=prog_name)
    finally:
        gc.freeze()


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'builder' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
