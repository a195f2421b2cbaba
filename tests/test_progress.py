"""Progress: the pipeline reports each document read and each stage; `build` shows them on stderr
(a line redrawn on a terminal, one line per stage in a log), -q says nothing but errors, -v every
warning."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from benchmarks.generate import write_multi_deck
from builder import load_manifest, plan_deck
from builder.build import Progress
from builder.cli import cli
from tests.conftest import ROOT

DOCUMENTS = 3


@pytest.fixture(scope="module")
def course(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A manifest over three documents (a small generated course)."""
    manifest, _ = write_multi_deck(300, 1, tmp_path_factory.mktemp("course"), DOCUMENTS)
    return manifest


def build(*args: str) -> Result:
    return CliRunner().invoke(cli, ["build", *args])


def test_the_pipeline_reports_every_document_then_the_totals(course: Path) -> None:
    events: list[Progress] = []
    plan = plan_deck(load_manifest(course), progress=events.append)
    assert [(e.stage, e.documents, e.total) for e in events] == [
        ("reading", 0, DOCUMENTS),
        *(("reading", done, DOCUMENTS) for done in range(1, DOCUMENTS + 1)),
        ("read", DOCUMENTS, DOCUMENTS),
    ]
    notes = [event.notes for event in events]
    assert notes == sorted(notes) and len(set(notes)) == DOCUMENTS + 1  # each document adds
    assert (events[-1].notes, events[-1].cards) == (len(plan.notes), plan.cards)


def test_a_build_logs_one_line_per_stage_when_stderr_is_not_a_terminal(
    course: Path, tmp_path: Path
) -> None:
    result = build(str(course), "-o", str(tmp_path / "course.apkg"))
    assert result.exit_code == 0, result.output
    title = load_manifest(course).title
    plan = plan_deck(load_manifest(course))
    assert result.stderr.splitlines() == [
        f"{title}: reading {DOCUMENTS} documents",
        f"{title}: {len(plan.notes)} notes ({plan.cards} cards)",
        f"{title}: writing package",
    ]
    assert result.stdout.startswith(f"{title}: {len(plan.notes)} notes, {plan.cards} cards")


def test_quiet_prints_nothing_but_errors(course: Path, tmp_path: Path) -> None:
    result = build(str(course), "-o", str(tmp_path / "course.apkg"), "-q")
    assert result.exit_code == 0
    assert (result.stdout, result.stderr) == ("", "")
    assert (tmp_path / "course.apkg").is_file()
    failed = build(str(tmp_path / "missing.toml"), "-q")
    assert failed.exit_code == 2
    assert failed.stderr.startswith("error: ") and len(failed.stderr.splitlines()) == 1


def test_warnings_past_ten_are_counted_and_verbose_prints_every_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    empty = "".join(f"\n## Empty {number}\n" for number in range(1, 14))
    Path("notes.md").write_text("# Asthma\n\n## FAQ\n\n### Is it curable?\n\nNo." + empty)
    warning = re.compile(r"notes\.md:\d+: warning: heading 'Empty \d+' has no content")

    result = build("notes.md", "-o", "a.apkg")
    shown = [line for line in result.stderr.splitlines() if warning.fullmatch(line)]
    assert len(shown) == 10
    assert "  ... and 3 more warnings (-v shows every one)" in result.stderr.splitlines()

    result = build("notes.md", "-o", "b.apkg", "-v")
    assert len([line for line in result.stderr.splitlines() if warning.fullmatch(line)]) == 13
    assert "more warning" not in result.stderr


def test_quiet_and_verbose_together_is_a_usage_error(course: Path) -> None:
    result = build(str(course), "-q", "-v")
    assert result.exit_code == 2 and "contradict" in result.output


def on_a_terminal(course: Path, output: Path, *options: str) -> tuple[str, str]:
    """Run `deckbuilder build` with stderr a real pseudo-terminal, as a teacher's shell gives it;
    returns (what the terminal showed, stdout)."""
    controller, terminal = os.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "build", str(course), "-o", str(output), *options],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=terminal,
        env={**os.environ, "SOURCE_DATE_EPOCH": "1800000000"},
    )
    os.close(terminal)
    shown = b""
    while True:
        try:
            chunk = os.read(controller, 4096)
        except OSError:  # Linux: the terminal's other end closed
            break
        if not chunk:
            break
        shown += chunk
    stdout, _ = process.communicate(timeout=60)
    os.close(controller)
    assert process.returncode == 0
    return shown.decode().replace("\r\n", "\n"), stdout.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_on_a_terminal_one_line_is_redrawn_per_document_then_cleared(
    course: Path, tmp_path: Path
) -> None:
    screen, stdout = on_a_terminal(course, tmp_path / "c.apkg")
    title = load_manifest(course).title
    for done in range(DOCUMENTS + 1):
        bar = re.escape(f"\r\x1b[K{title}: [") + r"[#-]{20}\] " + f"{done}/{DOCUMENTS} documents, "
        assert re.search(bar, screen), screen
    assert f"\r\x1b[K{title}: writing package (" in screen
    assert screen.endswith("\r\x1b[K")  # gone before the summary
    assert "\n" not in screen  # no stage lines without -v
    assert stdout.startswith(f"{title}: ")


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_verbose_on_a_terminal_adds_the_stage_lines(course: Path, tmp_path: Path) -> None:
    screen, _ = on_a_terminal(course, tmp_path / "c.apkg", "-v")
    title = load_manifest(course).title
    plan = plan_deck(load_manifest(course))
    # Each stage line is written over the redrawn line it clears, then the line comes back.
    lines = [line.rsplit("\x1b[K", 1)[-1] for line in screen.split("\n")[:-1]]
    assert lines == [
        f"{title}: reading {DOCUMENTS} documents",
        f"{title}: {len(plan.notes)} notes ({plan.cards} cards)",
        f"{title}: writing package",
    ]
    assert screen.endswith("\r\x1b[K")
