"""Rebuilds keep the unchanged documents' identities (identities.py): the package and lock must
be exactly those of a build that stamps every note against the same lock."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import builder.identities as identities
from builder import BuilderError, build_deck, load_manifest
from builder.lock import LockFile

MANIFEST = """\
title = "Asthma"
id = 1987654322
topic = "asthma"
sources = ["../source/a.md", "../source/b.md", "../source/c.md"]

[[subdeck]]
name = "All"
sections = ["*"]
"""
QUESTIONS = [
    "What triggers asthma?",
    "What triggers asthma attacks?",  # a rewording of the first: rename matching pairs them
    "How is asthma treated?",
    "Who gets asthma?",
    "When are inhalers used?",
]
ANSWERS = ["Allergens.", "Cold air.", "Inhalers."]
TERMS = [
    "Chronic obstructive pulmonary disease (COPD) narrows the airways.",
    "Forced expiratory volume (FEV) measures the airways.",
    "Peak expiratory flow (PEF) is measured at home.",
]

Document = tuple[tuple[tuple[int, int], ...], tuple[int, ...]]
"""(question, answer) indices, term indices."""

documents = st.tuples(
    st.lists(
        st.tuples(st.integers(0, len(QUESTIONS) - 1), st.integers(0, len(ANSWERS) - 1)),
        max_size=3,
        unique_by=lambda qa: qa[0],
    ).map(tuple),
    st.lists(st.integers(0, len(TERMS) - 1), max_size=2, unique=True).map(tuple),
)


def _markdown(name: str, document: Document) -> str:
    faq, terms = document
    parts = [f"# Document {name}"]
    if faq:
        parts.append("## FAQ")
        for question, answer in faq:
            parts += [f"### {QUESTIONS[question]}", ANSWERS[answer]]
    if terms:
        parts += ["## Terms", *(TERMS[term] for term in terms)]
    if len(parts) == 1:
        parts.append("Nothing yet.")
    return "\n\n".join(parts) + "\n"


def _write(root: Path, deck: tuple[Document, Document, Document]) -> None:
    for name, document in zip("abc", deck, strict=True):
        (root / "source" / f"{name}.md").write_text(_markdown(name, document))


def _build(root: Path, output: Path) -> tuple[bytes, bytes] | str:
    try:
        build_deck(load_manifest(root / "decks" / "asthma.toml"), output=output, force=True)
    except BuilderError as error:
        return str(error)
    return output.read_bytes(), (root / "decks" / "asthma.lock").read_bytes()


@pytest.fixture
def root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    (tmp_path / "source").mkdir()
    (tmp_path / "decks").mkdir()
    (tmp_path / "decks" / "asthma.toml").write_text(MANIFEST)
    return tmp_path


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(decks=st.lists(st.tuples(documents, documents, documents), min_size=2, max_size=5))
def test_rebuilds_match_a_build_that_stamps_everything(
    root: Path, decks: list[tuple[Document, Document, Document]]
) -> None:
    """Edit after edit (questions added, removed, reworded, moved or repeated across documents;
    abbreviations defined in one document or several), each rebuild gives the package, lock
    and error of a fresh build from the same lock. The epoch moves on with every edit."""
    lock = root / "decks" / "asthma.lock"
    lock.unlink(missing_ok=True)
    for step, deck in enumerate(decks):
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("SOURCE_DATE_EPOCH", str(1800000000 + step))
            _write(root, deck)
            before = lock.read_bytes() if lock.exists() else None
            rebuilt = _build(root, root / "dist" / "asthma.apkg")
            after = lock.read_bytes() if lock.exists() else None
            if before is None:
                lock.unlink(missing_ok=True)
            else:
                lock.write_bytes(before)
            fresh = _build(root, root / f"fresh{step}" / "asthma.apkg")
            assert rebuilt == fresh
            if after is not None:
                lock.write_bytes(after)


def test_an_edit_stamps_only_its_document(root: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    deck = (((0, 0), (2, 1)), (0,)), (((3, 2),), (1,)), (((4, 0),), ())
    _write(root, deck)
    _build(root, root / "dist" / "asthma.apkg")
    stamped: list[int] = []
    real = identities.stamp_notes

    def counting(notes: list[tuple[str, str, str]], *args: object) -> object:
        stamped.append(len(notes))
        return real(notes, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(identities, "stamp_notes", counting)
    edited = (deck[0], (((3, 1),), (1,)), deck[2])  # b.md: another answer
    _write(root, edited)
    rebuilt = _build(root, root / "dist" / "asthma.apkg")
    assert stamped == [3]  # b.md's question, and its abbreviation's two notes
    assert isinstance(rebuilt, tuple) and LockFile.read(rebuilt[1].decode()) is not None


def _crlf(text: bytes) -> bytes:
    return text.replace(b"\n", b"\r\n")  # a Windows checkout


def _zero_padded(text: bytes) -> bytes:
    return text.replace(b"\t18", b"\t018", 1)  # a hand edit read_lock accepts


@pytest.mark.parametrize("edit", [_crlf, _zero_padded])
def test_a_lock_in_another_form_is_rewritten_whole(root: Path, edit: object) -> None:
    """Only a lock in the form a build writes is patched line by line; any other (even one
    that a rebuild without changes leaves as it is) is read and written whole."""
    _write(root, ((((0, 0),), ()), (((2, 1),), ()), ((), ())))
    _build(root, root / "dist" / "asthma.apkg")
    lock = root / "decks" / "asthma.lock"
    lock.write_bytes(edit(lock.read_bytes()))  # type: ignore[operator]
    _build(root, root / "dist" / "asthma.apkg")  # nothing changed: the lock stays as it is
    by_hand = lock.read_bytes()
    _write(root, ((((0, 1),), ()), (((2, 1),), ()), ((), ())))
    rebuilt = _build(root, root / "dist" / "asthma.apkg")
    lock.write_bytes(by_hand)
    assert rebuilt == _build(root, root / "fresh" / "asthma.apkg")
    assert isinstance(rebuilt, tuple) and b"\r\n" not in rebuilt[1] and b"\t018" not in rebuilt[1]
