"""The Makefile's install stamps, by `make -n` (what make would run, run nothing): `make decks`
installs the runtime dependencies only, `make test` the test extras too, and switching between
them installs only what is missing; a changed pyproject.toml installs again."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from benchmarks.preview import BROWSERS
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(shutil.which("make") is None, reason="needs make")


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    """The Makefile and pyproject.toml alone, with a stand-in .venv/bin/python."""
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def installs(folder: Path, target: str) -> list[str]:
    """The pip installs `make TARGET` would run: `.` for the runtime, `.[test]` for the extras."""
    plan = subprocess.run(
        ["make", "-n", target], cwd=folder, capture_output=True, text=True, check=True
    ).stdout
    found = []
    for line in plan.splitlines():
        if "pip" in line and " install " in line and "--upgrade pip" not in line:
            found.append(line.rsplit(" ", 1)[-1].strip("'"))
    return found


def stamp(folder: Path, *names: str, age: int = 0) -> None:
    """Files of .venv made as a finished install leaves them, `age` seconds ago."""
    when = 2_000_000_000 - age
    for name in names:
        path = folder / ".venv" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.touch()
        os.utime(path, (when, when))


def make_pyproject_older(folder: Path) -> None:
    os.utime(folder / "pyproject.toml", (1_000_000_000, 1_000_000_000))


def test_a_fresh_checkout(checkout: Path) -> None:
    assert installs(checkout, "decks") == ["."]
    assert installs(checkout, "test") == [".[test]"]
    assert installs(checkout, "lint") == [".[test]"]


def test_decks_after_test_installs_nothing_and_test_after_decks_adds_the_extras(
    checkout: Path,
) -> None:
    make_pyproject_older(checkout)
    stamp(checkout, "bin/python", ".runtime")  # after `make decks`
    assert installs(checkout, "decks") == []
    assert installs(checkout, "test") == [".[test]"]
    stamp(checkout, ".testing", ".runtime")  # after `make test`: its recipe touches both
    assert installs(checkout, "test") == []
    assert installs(checkout, "decks") == []
    assert installs(checkout, "release") == []


def test_a_changed_pyproject_installs_again(checkout: Path) -> None:
    stamp(checkout, "bin/python", ".runtime", ".testing", age=10)
    os.utime(checkout / "pyproject.toml", (2_000_000_000, 2_000_000_000))
    assert installs(checkout, "decks") == ["."]
    assert installs(checkout, "test") == [".[test]"]


def test_the_test_stamp_also_stamps_the_runtime() -> None:
    """Else `make decks` after `make test` would install again what the extras brought."""
    makefile = (ROOT / "Makefile").read_text()
    recipe = makefile.split("$(TESTING): pyproject.toml", 1)[1].split("\n\n", 1)[0]
    assert "touch $(TESTING) $(RUNTIME)" in recipe


def test_make_browser_accepts_the_browsers_the_tests_drive() -> None:
    """`make browser` installs nothing when a browser the tests can drive is there: its list and
    the BROWSERS the browser tests and benchmarks look in (benchmarks/preview.py) name the same
    places, in the same order."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    listed = next(line for line in makefile.splitlines() if line.startswith("BROWSERS :="))
    assert listed.split(":=")[1].split() == list(BROWSERS)


def test_make_browser_takes_the_browser_a_user_names(checkout: Path) -> None:
    """DECKBUILDER_CHROMIUM (any executable) is enough: nothing installed, nothing said."""
    done = subprocess.run(
        ["make", "--no-print-directory", "browser", "BROWSERS=/nonexistent/chromium"],
        cwd=checkout,
        capture_output=True,
        text=True,
        env={**os.environ, "DECKBUILDER_CHROMIUM": shutil.which("true") or "/bin/true"},
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
