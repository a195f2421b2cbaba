"""The full card list of every shipped deck, compared with tests/golden/ (`make golden` updates)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import cli
from tests.golden import ROOT, deck_records, golden_path, golden_text

MANIFESTS = sorted((ROOT / "decks").glob("*.toml"))


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.stem)
def test_cards_match_golden_list(manifest: Path) -> None:
    expected = golden_path(manifest).read_text(encoding="utf-8")
    actual = golden_text(deck_records(manifest))
    assert actual == expected, "cards changed: run `make golden` and review the diff"


@pytest.mark.parametrize("manifest", MANIFESTS, ids=lambda p: p.stem)
def test_cards_json_listing_matches_golden_list(manifest: Path) -> None:
    result = CliRunner().invoke(cli, ["cards", str(manifest), "--format", "json"])
    assert result.exit_code == 0, result.output
    records = json.loads(result.output)
    assert golden_text(records) == golden_path(manifest).read_text(encoding="utf-8")
