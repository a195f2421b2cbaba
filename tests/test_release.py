"""`make release`: frozen builds, checksums, and release notes against the previous tag."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from builder import LockError, build_deck, load_manifest, plan_deck
from builder.release import make_release
from tests.conftest import SEED_MANIFEST, copy_project


def git(repo: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.email=t@example.com", "-c", "user.name=T", *args],
        cwd=repo, check=True, capture_output=True,
    )  # fmt: skip


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = copy_project(tmp_path / "repo")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    build_deck(load_manifest(root / SEED_MANIFEST), output=root / "dist" / "x.apkg")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "decks", "source")
    git(root, "commit", "-qm", "v1")
    git(root, "tag", "v1.0.0")
    return root


def test_every_shipped_deck_lock_is_current(tmp_path: Path) -> None:
    """The committed locks are what a build of today's sources writes: `make release` (and the
    release workflow) builds --frozen, which refuses a lock that would change."""
    from click.testing import CliRunner

    from builder.cli import cli

    root = copy_project(tmp_path)
    for manifest in sorted((root / "decks").glob("*.toml")):
        output = str(tmp_path / "dist" / f"{manifest.stem}.apkg")
        result = CliRunner().invoke(cli, ["build", str(manifest), "--frozen", "-o", output])
        assert result.exit_code == 0, result.output


def test_release_notes_compare_with_the_previous_tag(
    repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = repo / "source" / "breast-cancer-liver-metastasis.md"
    text = source.read_text()
    source.write_text(text.replace("are relatively common.", "are common.", 1))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800100000")
    build_deck(load_manifest(repo / SEED_MANIFEST), output=repo / "dist" / "x.apkg")
    git(repo, "commit", "-qam", "fix an answer")
    git(repo, "tag", "v1.1.0")  # the release being made: notes compare with the tag before it

    release = make_release(sorted((repo / "decks").glob("*.toml")), repo / "out", repo=repo)
    assert release.previous == "v1.0.0"
    notes = release.notes.read_text()
    assert "Compared with v1.0.0: 0 added, 0 removed, 1 changed" in notes
    assert "How common is it for breast cancer to metastasize to the liver?" in notes
    assert notes.endswith("\n") and not notes.endswith("\n\n")  # one newline, at the end


def sums(folder: Path) -> str:
    """SHA256SUMS as `sha256sum` writes it, of every package and preview in `folder`."""
    shipped = sorted([*folder.glob("*.apkg"), *folder.glob("*.html")], key=lambda p: p.name)
    return "".join(f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in shipped)


def test_a_release_ships_each_preview_and_sums_it_with_the_package(repo: Path) -> None:
    release = make_release([repo / SEED_MANIFEST], repo / "out", repo=repo)
    (package,) = release.packages
    assert release.previews == [package.with_suffix(".html")]
    page = release.previews[0].read_text()
    assert "How common is it for breast cancer to metastasize to the liver?" in page
    assert release.checksums.read_text() == sums(repo / "out")
    assert len(release.checksums.read_text().splitlines()) == 2
    checked = subprocess.run(
        ["sha256sum", "--check", "--strict", "SHA256SUMS"],
        cwd=repo / "out", capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_first_release_without_a_tag(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    root = copy_project(tmp_path / "fresh")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    build_deck(load_manifest(root / SEED_MANIFEST), output=root / "dist" / "x.apkg")
    git(root, "init", "-q")
    git(root, "add", "decks", "source")
    git(root, "commit", "-qm", "first")
    release = make_release([root / SEED_MANIFEST], root / "out", repo=root)
    assert release.previous == ""
    notes = release.notes.read_text()
    plan = plan_deck(load_manifest(root / SEED_MANIFEST))
    assert f"First release of this deck: {len(plan.notes)} notes, {plan.cards} cards." in notes
    # Each subdeck with its notes and cards, as `deckbuilder cards` counts them, by name.
    counts: dict[str, list[int]] = {}
    for packaged in plan.notes:
        count = counts.setdefault(packaged.note.subdeck, [0, 0])
        count[0] += 1
        count[1] += packaged.note.cards
    rows = [line for line in notes.splitlines() if line.startswith("| ") and "Subdeck" not in line]
    expected = sorted(counts.items(), key=lambda item: item[0].casefold())
    assert rows == [f"| {name} | {n} | {c} |" for name, (n, c) in expected]
    assert len(rows) > 1
    assert notes.endswith(" |\n") and not notes.endswith("\n\n")


def test_release_refuses_a_stale_lock(repo: Path) -> None:
    source = repo / "source" / "breast-cancer-liver-metastasis.md"
    source.write_text(source.read_text().replace("are relatively common.", "are common.", 1))
    with pytest.raises(LockError, match="lock file would change"):
        make_release([repo / SEED_MANIFEST], repo / "out", repo=repo)


def test_release_refuses_an_uncommitted_lock(tmp_path: Path) -> None:
    root = copy_project(tmp_path / "fresh")
    git(root, "init", "-q")
    git(root, "add", "source", str(Path(SEED_MANIFEST)))
    git(root, "commit", "-qm", "no lock")
    with pytest.raises(LockError, match="the lock file is not committed"):
        make_release([root / SEED_MANIFEST], root / "out", repo=root)
    assert not (root / "out").exists()


def test_release_refuses_a_lock_edited_since_its_commit(repo: Path) -> None:
    lock = repo / SEED_MANIFEST.replace(".toml", ".lock")
    lock.write_text(lock.read_text() + "\n")
    with pytest.raises(LockError, match="differs from the committed one"):
        make_release([repo / SEED_MANIFEST], repo / "out", repo=repo)


def test_release_outside_a_git_checkout_is_refused(tmp_path: Path) -> None:
    from builder.errors import ExportError

    root = copy_project(tmp_path / "plain")
    with pytest.raises(ExportError, match="git checkout"):
        make_release([root / SEED_MANIFEST], root / "out", repo=root)


def test_release_command(repo: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from click.testing import CliRunner

    from builder.cli import cli

    monkeypatch.chdir(repo)
    result = CliRunner().invoke(cli, ["release", "--out", "out", "--previous", "v1.0.0"])
    assert result.exit_code == 0, result.output
    assert (
        "built out/breast-cancer-liver-metastasis.apkg and its preview "
        "out/breast-cancer-liver-metastasis.html"
    ) in result.output
    assert "compared with v1.0.0" in result.output
    assert "0 added, 0 removed, 0 changed" in (repo / "out" / "RELEASE_NOTES.md").read_text()


@pytest.mark.parametrize("name", ["RELEASE_NOTES.md", "SHA256SUMS", "deck.html"])
def test_release_never_writes_over_a_source(
    name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`release --out source`: a source with the name of a file the release writes is the
    teacher's, and stays so."""
    from click.testing import CliRunner

    from builder.cli import cli
    from tests.hostile.case import DOC, MANIFEST

    root = tmp_path / "repo"
    (root / "decks").mkdir(parents=True)
    (root / "source").mkdir()
    (root / "decks" / "deck.toml").write_text(MANIFEST.replace("doc.md", name))
    (root / "source" / name).write_text(DOC)
    monkeypatch.chdir(root)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    assert CliRunner().invoke(cli, ["build", "-q"]).exit_code == 0
    git(root, "init", "-q")
    git(root, "add", "decks", "source")
    git(root, "commit", "-qm", "v1")
    result = CliRunner().invoke(cli, ["release", "--out", "source"])
    assert result.exit_code == 2, result.output
    assert result.output.splitlines() == [
        f"error: source/{name}: the output is the deck's own input "
        f"{root / 'source' / name}; write it somewhere else"
    ]
    assert (root / "source" / name).read_text() == DOC
    assert sorted(path.name for path in (root / "source").iterdir()) == [name]
