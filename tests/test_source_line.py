"""The Source line above every question says where the card comes from, and nothing else: no
heading twice, no empty heading, no colon a heading ends with."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from builder.cli import cli
from builder.notes import FIELDS

SOURCE = FIELDS["basic"].index("Source")  # the same place in a Cloze note


def sources(tmp_path: Path, markdown: str) -> list[str]:
    path = tmp_path / "korrin.md"
    path.write_text(markdown, encoding="utf-8")
    result = CliRunner().invoke(cli, ["cards", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    return [note["fields"][SOURCE] for note in json.loads(result.output)]


def test_the_title_heading_an_empty_heading_and_a_colon_are_not_repeated(tmp_path: Path) -> None:
    markdown = (
        "---\ntitle: Korrin fever\n---\n# Korrin fever\n\n"
        "Korrin fever occurs when a worm blocks a kidney duct.\n\n"
        "# \n\n## Workup:\n\n- **Titre**: above 1:64\n- **Ferritin**: rising\n"
    )
    assert sources(tmp_path, markdown) == [
        "Korrin fever",
        "Korrin fever — Workup",
        "Korrin fever — Workup",
    ]
