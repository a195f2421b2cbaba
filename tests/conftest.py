"""Shared fixtures: a throw-away copy of the repository's decks and sources for each test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED_MANIFEST = "decks/breast-cancer-liver-metastasis.toml"


def copy_project(target: Path) -> Path:
    """decks/ and source/ copied into `target`, so builds never touch the repository's lock."""
    for folder in ("decks", "source"):
        shutil.copytree(ROOT / folder, target / folder)
    return target


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the repository's decks and sources, as the working directory."""
    copy_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    return tmp_path


@pytest.fixture(scope="session")
def seed_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed deck built once per session into a temporary folder; returns the .apkg path."""
    from builder import build_deck, load_manifest

    root = copy_project(tmp_path_factory.mktemp("seed"))
    result = build_deck(load_manifest(root / SEED_MANIFEST), output=root / "dist" / "seed.apkg")
    return result.output
