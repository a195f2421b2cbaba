"""The hostile corpus (tests/hostile/cases.py): each case's command gives the one-line error or
the warning it states, never a traceback; a failed command leaves every file as it was and adds
none; a package that was built imports into the real Anki backend with no broken card."""

from __future__ import annotations

import contextlib
import importlib
import signal
from collections.abc import Iterator
from pathlib import Path
from types import FrameType

import pytest
from click.testing import CliRunner, Result

from builder.cli import cli
from tests.hostile.case import PROJECT, Case
from tests.hostile.cases import CASES

TIME_LIMIT = 60
"""Seconds a case may take before it counts as a hang (each takes well under one)."""


def snapshot(root: Path) -> dict[str, bytes | str]:
    """Every file under `root` (symlinks and pipes by what they are, not followed)."""
    found: dict[str, bytes | str] = {}
    for path in sorted(root.rglob("*")):
        name = str(path.relative_to(root))
        if path.is_symlink():
            found[name] = f"-> {path.readlink()}"
        elif path.is_fifo():
            found[name] = "fifo"
        elif path.is_file():
            found[name] = path.read_bytes()
    return found


def lock_guids(root: Path) -> set[str]:
    lock = root / "decks" / "deck.lock"
    lines = lock.read_bytes().decode(errors="replace").splitlines() if lock.is_file() else []
    return {line.split("\t")[1] for line in lines if line.count("\t") == 5 and line[0] != "#"}


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"the case took longer than {seconds} s: it hangs")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def run(args: tuple[str, ...]) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=True)


def write(root: Path, files: dict[str, str | bytes | None]) -> None:
    for name, content in files.items():
        path = root / name
        if content is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")


def project_for(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The case's project, made ready up to its command: files, `before`, `then`, `setup`."""
    root = tmp_path / "project"
    root.mkdir()
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    write(root, {**PROJECT, **case.files})
    for before in case.before:
        result = run(before)
        assert result.exit_code == 0, (before, result.output)
    write(root, case.then)
    if case.setup is not None:
        case.setup(root)
    for name, value in case.env.items():
        monkeypatch.setenv(name, value)
    for target, value in case.limits.items():
        module, attribute = target.rsplit(".", 1)
        monkeypatch.setattr(importlib.import_module(module), attribute, value)
    return root


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_hostile_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with time_limit(TIME_LIMIT):
        check_case(case, tmp_path, monkeypatch)


def check_case(case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = project_for(case, tmp_path, monkeypatch)
    before, guids = snapshot(root), lock_guids(root)
    failure = case.fails_with() if case.fails_with else contextlib.nullcontext()
    with failure:
        result = run(case.args)

    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), f"{type(result.exception).__name__}: {result.exception}"
    assert "Traceback" not in result.output
    assert result.exit_code == case.exit, result.output[-2000:]
    errors = [line for line in result.output.splitlines() if line.startswith("error: ")]
    if case.exit:
        assert len(errors) == case.errors, result.output[-2000:]
        assert case.error in errors[0], errors[0]
        assert snapshot(root) == before, "a failed command changed or added files"
    else:
        assert errors == [], result.output
    for text in case.says:
        assert text in result.output, result.output[-2000:]
    for name in case.gone:
        assert not (root / name).exists(), name
    if case.same_guids:
        assert lock_guids(root) == guids
    after = snapshot(root)
    for name in ("source/doc.md", "decks/deck.toml"):
        assert after.get(name) == before.get(name), f"{name} was changed"
    built = [
        path
        for path in root.rglob("*.apkg")
        if not path.is_symlink() and before.get(str(path.relative_to(root))) != path.read_bytes()
    ]
    if not case.exit and (built or case.shows):
        assert len(built) == 1, built
        check_in_anki(built[0], case, tmp_path)


def check_in_anki(package: Path, case: Case, tmp_path: Path) -> None:
    from tests.ankiutil import broken_cards, card_texts, import_apkg, open_collection

    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_apkg(col, package)
        assert col.card_count() > 0
        assert broken_cards(col, remote_images=case.remote_images) == []
        texts = card_texts(col)
        for text in case.shows:
            assert any(text in shown for shown in texts), (text, texts)
    finally:
        col.close()


def test_the_corpus_covers_every_defect_and_twenty_more() -> None:
    assert {case.item for case in CASES if case.item} == set(range(1, 21))
    assert sum(1 for case in CASES if case.item is None) >= 20
    assert len({case.name for case in CASES}) == len(CASES)


def test_a_listing_to_a_full_disk_is_one_line(tmp_path: Path) -> None:
    """`cards --format json > /dev/full`: the write fails as a full disk does."""
    import subprocess
    import sys

    (tmp_path / "doc.md").write_text(PROJECT["source/doc.md"])  # type: ignore[arg-type]
    with open("/dev/full", "w") as full:
        result = subprocess.run(
            [sys.executable, "-m", "builder", "cards", "doc.md", "--format", "json"],
            cwd=tmp_path, stdout=full, stderr=subprocess.PIPE, text=True, check=False,
        )  # fmt: skip
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == ["error: cannot write: No space left on device"]


def test_leftovers_of_killed_builds_are_ignored_by_git() -> None:
    import subprocess

    root = Path(__file__).resolve().parent.parent
    names = ["decks/.deck.lock.tmp4242", "decks/.deck.lock.building", "out/.deck.apkg.k9x_2abc"]
    result = subprocess.run(
        ["git", "check-ignore", "--no-index", *names],
        cwd=root, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.stdout.split() == names


def test_the_old_package_comes_back_when_the_lock_cannot_be_renamed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Package and lock are put in place together: a failure between the two renames puts the
    old package back."""
    import os

    import builder.outputs

    root = project_for(Case("shipped", None, before=(("build", "decks/deck.toml"),)), tmp_path,
                       monkeypatch)  # fmt: skip
    (root / "source/doc.md").write_text(
        str(PROJECT["source/doc.md"]).replace("Spiro", "Peak flow, spiro")
    )
    before = snapshot(root)
    replace = os.replace

    def failing_for_the_lock(source: object, target: object) -> None:
        if str(target).endswith(".lock"):
            raise OSError(5, "Input/output error")
        replace(source, target)  # type: ignore[arg-type]

    monkeypatch.setattr(builder.outputs.os, "replace", failing_for_the_lock)
    result = run(("build", "decks/deck.toml"))
    assert result.exit_code == 1, result.output
    assert "Input/output error" in result.output
    assert snapshot(root) == before


@pytest.fixture
def small_decks(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A project whose decks/ is a 1 MB file system of its own (tmpfs), with the deck built
    once: a real full or read-only disk for the lock, the package on another. Skipped where
    mounting is not allowed (it needs root)."""
    import subprocess

    root = tmp_path / "project"
    decks = root / "decks"
    decks.mkdir(parents=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", str(decks)],
        capture_output=True, check=False,
    )  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip("cannot mount a small file system here (needs root)")
    try:
        monkeypatch.chdir(root)
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
        write(root, dict(PROJECT))
        assert run(("build", "decks/deck.toml")).exit_code == 0
        (root / "source/doc.md").write_text(
            str(PROJECT["source/doc.md"]) + "\n## New\n\n| A | B |\n|---|---|\n| x | y |\n"
        )
        yield root
    finally:
        subprocess.run(["umount", "-l", str(decks)], capture_output=True, check=False)


def test_a_full_decks_folder_leaves_package_and_lock_as_they_were(small_decks: Path) -> None:
    filler = small_decks / "decks" / "filler"
    with contextlib.suppress(OSError), filler.open("wb") as handle:
        while True:
            handle.write(bytes(4096))
            handle.flush()
    before = snapshot(small_decks)
    result = run(("build", "decks/deck.toml"))
    assert result.exit_code == 1, result.output
    assert "No space left on device" in result.output and "Traceback" not in result.output
    assert snapshot(small_decks) == before


def test_a_read_only_decks_folder_leaves_package_and_lock_as_they_were(small_decks: Path) -> None:
    import subprocess

    before = snapshot(small_decks)
    remounted = subprocess.run(
        ["mount", "-o", "remount,ro", str(small_decks / "decks")], capture_output=True, check=False
    )
    assert remounted.returncode == 0, remounted.stderr
    result = run(("build", "decks/deck.toml"))
    assert result.exit_code == 1, result.output
    assert "Read-only file system" in result.output and "Traceback" not in result.output
    assert snapshot(small_decks) == before


def test_a_frozen_build_needs_no_write_to_a_read_only_decks_folder(small_decks: Path) -> None:
    import subprocess

    write(small_decks, dict(PROJECT))  # back to the source the lock was made from
    subprocess.run(["mount", "-o", "remount,ro", str(small_decks / "decks")], check=True)
    result = run(("build", "decks/deck.toml", "--frozen", "--force"))
    assert result.exit_code == 0, result.output


def test_leftovers_of_a_build_killed_with_sigkill_are_removed_by_the_next(tmp_path: Path) -> None:
    """A real `kill -9` in the middle of a build of a large deck: its temporary collection and
    package stay in dist/ (nothing can remove them then), and the next build removes them."""
    import os
    import subprocess
    import sys
    import time

    from benchmarks.generate import write_deck

    manifest = write_deck(4000, 1, tmp_path, slug="big")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1800000000"}
    command = [sys.executable, "-m", "builder", "build", str(manifest), "-j", "1"]
    dist = tmp_path / "dist"
    building = subprocess.Popen(command, cwd=tmp_path, env=env, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not list(dist.glob(".big.apkg.*.anki2")) and building.poll() is None:
        assert time.monotonic() < deadline, "the build never started its collection"
        time.sleep(0.01)
    building.kill()
    building.wait()
    leftovers = sorted(path.name for path in dist.glob(".big.apkg.*"))
    if not any(name.endswith(".anki2") for name in leftovers):
        pytest.skip("the build finished before it could be killed")
    finished = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, check=False)
    assert finished.returncode == 0, finished.stderr
    left = sorted(path.name for path in dist.glob(".big.apkg.*"))
    assert left == [".big.apkg.buildinfo"], (leftovers, left)
