"""`make release`: every deck built with --frozen, checksums, and release notes for students.

Release notes compare each deck with the previous release: either a folder of its .apkg files, or
a git ref (by default the latest `v*` tag) whose decks are rebuilt from a temporary worktree. Since
identities and times come from the committed lock, rebuilding an old commit gives its exact bytes.
"""

from __future__ import annotations

import hashlib
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .build import build_deck, deck_inputs, plan_deck
from .errors import ExportError, LockError
from .files import write_atomic
from .manifest import load_manifest
from .outputs import check_not_input, check_output
from .preview import write_preview


@dataclass(frozen=True, slots=True)
class Release:
    packages: list[Path]
    previews: list[Path]
    """Each deck's preview page (dist/NAME.html), shipped beside its package."""
    checksums: Path
    notes: Path
    previous: str
    """What the notes compare against ('' for a first release)."""


def latest_tag(repo: Path) -> str:
    """The newest `v*` tag before HEAD ('' for a first release); a tag on HEAD is this release."""

    def tags(*args: str) -> list[str]:
        result = subprocess.run(
            ["git", "tag", "-l", "v*", *args], cwd=repo, capture_output=True, text=True, check=False
        )
        return result.stdout.split() if result.returncode == 0 else []

    current = set(tags("--points-at", "HEAD"))
    earlier = [tag for tag in tags("--merged", "HEAD", "--sort=-v:refname") if tag not in current]
    return earlier[0] if earlier else ""


def make_release(
    manifests: list[Path], out_dir: Path, previous: Path | str | None = None, repo: Path = Path(".")
) -> Release:
    """Build each manifest frozen into out_dir with its preview, then write SHA256SUMS (of
    both) and RELEASE_NOTES.md. None of these may be one of a deck's inputs (`--out source`
    beside a source named RELEASE_NOTES.md): that is refused before anything is built.

    `previous` is a folder of the previous release's packages, a git ref, or None for the latest
    `v*` tag (a first release when there is none).
    """
    check_locks_committed(manifests, repo)
    loaded = [load_manifest(path) for path in manifests]
    inputs = [path for manifest in loaded for path in deck_inputs(manifest)]
    for written in (out_dir / "RELEASE_NOTES.md", out_dir / "SHA256SUMS"):
        check_not_input(written, inputs)
    for path in manifests:
        check_output(out_dir / f"{path.stem}.apkg", inputs, ".apkg")
        check_output(out_dir / f"{path.stem}.html", inputs, ".html")
    out_dir.mkdir(parents=True, exist_ok=True)
    packages, previews = [], []
    for path, manifest in zip(manifests, loaded, strict=True):
        output = out_dir / f"{path.stem}.apkg"
        packages.append(build_deck(manifest, output=output, frozen=True).output)
        previews.append(output.with_suffix(".html"))
        write_preview(plan_deck(manifest), previews[-1])
    label = ""
    with tempfile.TemporaryDirectory(prefix="deckbuilder-previous-") as scratch:
        old_dir: Path | None = None
        if isinstance(previous, Path):
            old_dir, label = previous, str(previous)
        else:
            ref = previous if isinstance(previous, str) and previous else latest_tag(repo)
            if ref:
                old_dir, label = _rebuild_ref(repo, ref, manifests, Path(scratch)), ref
        notes = release_notes(packages, old_dir, label)
    notes_path = out_dir / "RELEASE_NOTES.md"
    write_atomic(notes_path, notes)
    shipped = sorted([*packages, *previews], key=lambda path: path.name)
    sums = "".join(f"{_sha256(p)}  {p.name}\n" for p in shipped)
    checksums = out_dir / "SHA256SUMS"
    write_atomic(checksums, sums)
    return Release(packages, previews, checksums, notes_path, label)


def check_locks_committed(manifests: list[Path], repo: Path) -> None:
    """Refuse a release whose lock files are missing from git or differ from what is committed:
    students' review history rests on the committed lock, and a release built from another
    would give the next release's notes identities nobody kept."""
    for manifest in manifests:
        lock = manifest.with_suffix(".lock")
        if not lock.exists():
            raise LockError(
                "there is no lock file; run `deckbuilder build` and commit the lock it writes",
                lock,
            )
        known = _git(repo, "ls-files", "--error-unmatch", "--", str(lock.resolve()))
        if known is None:
            raise ExportError(
                "a release is made from a git checkout (its lock files must be committed); "
                "run it inside the repository",
                repo,
            )
        if known.returncode != 0:
            raise LockError("the lock file is not committed; `git add` and commit it", lock)
        status = _git(repo, "status", "--porcelain", "--", str(lock.resolve()))
        if status is None or status.returncode != 0 or status.stdout.strip():
            raise LockError(
                "the lock file differs from the committed one; commit it (or `git checkout` "
                "it) before releasing",
                lock,
            )


def _git(repo: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    """`git ARGS` in `repo`; None when git is missing or `repo` is no git checkout."""
    try:
        inside = subprocess.run(
            ["git", "rev-parse", "--is-inside-work-tree"],
            cwd=repo, capture_output=True, text=True, check=False,
        )  # fmt: skip
    except OSError:
        return None
    if inside.returncode != 0:
        return None
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=False)


def release_notes(packages: list[Path], old_dir: Path | None, label: str) -> str:
    from .diff import diff_packages, format_diff

    parts = ["# Release notes", ""]
    for package in packages:
        parts += [f"## {package.stem}", ""]
        old = old_dir / package.name if old_dir is not None else None
        if old is None or not old.exists():
            parts += [first_release(package), ""]
            continue
        diff = diff_packages(old, package)
        parts += [f"Compared with {label}: {diff.summary()}.", ""]
        body = format_diff(diff, "markdown").replace("\n## ", "\n### ")
        if body.startswith("## "):
            body = "#" + body
        parts += [body.strip(), ""]
    return "\n".join(parts)


def first_release(package: Path) -> str:
    """A deck's first release: what it holds, subdeck by subdeck, and how to import it."""
    from .diff import contents_markdown, read_package

    notes = read_package(package)
    cards = sum(note.cards for note in notes.values())
    return (
        f"First release of this deck: {len(notes)} notes, {cards} cards. Import it into Anki "
        f"(File › Import).\n\n{contents_markdown(notes)}"
    )


def _rebuild_ref(repo: Path, ref: str, manifests: list[Path], scratch: Path) -> Path:
    """The previous release's packages, rebuilt frozen from a temporary git worktree."""
    tree = scratch / "tree"
    added = subprocess.run(
        ["git", "worktree", "add", "--detach", str(tree), ref],
        cwd=repo, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if added.returncode != 0:
        raise ExportError(f"cannot check out previous release {ref!r}: {added.stderr.strip()}")
    try:
        out = scratch / "dist"
        for manifest in manifests:
            old_manifest = tree / "decks" / manifest.name
            if old_manifest.exists():
                build_deck(load_manifest(old_manifest), output=out / f"{manifest.stem}.apkg")
        return out
    finally:
        subprocess.run(
            ["git", "worktree", "remove", "--force", str(tree)],
            cwd=repo, capture_output=True, check=False,
        )  # fmt: skip


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
