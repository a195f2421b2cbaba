"""Help and docs match the code: every command explains itself with an example, the README names
only commands that exist, and `--help` stays instant (no heavy imports)."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.cli import cli
from tests.conftest import ROOT

COMMANDS = sorted(cli.commands)  # type: ignore[attr-defined]


def test_the_commands_the_issues_ask_for_exist() -> None:
    assert set(COMMANDS) >= {"build", "cards", "check", "diff", "init", "preview", "release"}


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example" in result.output, result.output
    assert f"deckbuilder {command}" in result.output


def test_version() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0 and re.search(r"deckbuilder, version \d+\.\d+", result.output)


def test_every_command_named_in_the_docs_exists() -> None:
    """Commands as the docs quote them: `deckbuilder NAME ...` in backticks."""
    texts = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
    named = {
        match
        for path in texts
        for match in re.findall(r"`deckbuilder ([a-z]+)\b", path.read_text(encoding="utf-8"))
    }
    assert named, "the docs name commands"
    assert named <= set(COMMANDS), named - set(COMMANDS)


def test_every_make_target_named_in_the_readme_exists() -> None:
    makefile = (ROOT / "Makefile").read_text()
    targets = set(re.findall(r"^([a-z-]+):", makefile, re.MULTILINE))
    named = set(re.findall(r"`make ([a-z-]+)`", (ROOT / "README.md").read_text()))
    assert named <= targets, named - targets


def test_help_does_not_import_the_heavy_libraries() -> None:
    code = (
        "import sys\nfrom builder.cli import cli\n"
        "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in ('genanki', 'markdown_it', 'nh3', 'yaml', 'sqlite3')"
        " if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_build_help_says_only_a_manifest_build_keeps_a_lock() -> None:
    text = " ".join(CliRunner().invoke(cli, ["build", "--help"]).output.split())
    assert "A manifest build brings decks/NAME.lock up to date" in text
    assert "A Markdown file builds without a manifest" in text and "keeps no lock" in text
    assert "Each build brings" not in text


def test_a_zero_config_build_says_nothing_of_a_lock(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    Path("asthma.md").write_text("# Asthma\n\n## FAQ\n\n### Is it curable?\n\nNo.\n")
    result = CliRunner().invoke(cli, ["build", "asthma.md", "-o", "asthma.apkg"])
    assert result.exit_code == 0, result.output
    assert "lock" not in result.output
    assert "tip: `deckbuilder init asthma.md`" in result.stdout
    assert sorted(path.name for path in tmp_path.rglob("*")) == ["asthma.apkg", "asthma.md"]
