"""Release-grade updates, checked against the real Anki backend.

A class studies v1; the teacher fixes an answer and adds a question; students import v2. Anki must
update the fixed note in place, add the new one, keep every card's id, scheduling and review log,
and leave alone a note the student edited by hand when the teacher did not change it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder import build_deck, load_manifest
from builder.anki import guid_for
from builder.cli import cli
from tests.ankiutil import (
    answer_all_cards,
    import_apkg,
    open_collection,
    rendered_cards,
    review_log,
)
from tests.conftest import SEED_MANIFEST

SOURCE = "source/breast-cancer-liver-metastasis.md"
OLD_ANSWER = "Liver metastases from breast cancer are relatively common."
NEW_ANSWER = "Liver metastases from breast cancer are common."
NEW_QUESTION = (
    "\n### Who should I ask about clinical trials for breast cancer liver metastases?\n\n"
    "Your oncologist can tell you about trials you may be eligible for.\n"
)


def edit_source(project: Path, old: str, new: str) -> None:
    path = project / SOURCE
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build(project: Path, name: str, epoch: int, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(epoch))
    manifest = load_manifest(project / SEED_MANIFEST)
    return build_deck(manifest, output=project / "dist" / name).output


@pytest.mark.parametrize("v2_epoch", [1_800_100_000, 1_700_000_000], ids=["later", "older-epoch"])
def test_update_keeps_history_and_student_edits(
    project: Path, monkeypatch: pytest.MonkeyPatch, v2_epoch: int
) -> None:
    v1 = build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    col = open_collection(project / "student" / "collection.anki2")
    try:
        import_apkg(col, v1)
        assert answer_all_cards(col) > 0
        before = {card["card_id"]: card for card in rendered_cards(col)}
        history = review_log(col)

        # The student edits a note the teacher will not change.
        hand_edited = next(
            c for c in before.values() if c["fields"].get("Front", "").startswith("Oncologist")
        )
        note = col.get_note(hand_edited["note_id"])
        note["Back"] = "MY OWN NOTE: plans the treatment"
        col.update_note(note)

        # The teacher fixes one answer and adds one question; v2 is built.
        edit_source(project, OLD_ANSWER, NEW_ANSWER)
        edit_source(project, "\n## FAQ\n", "\n## FAQ\n" + NEW_QUESTION)
        v2 = build(project, "v2.apkg", v2_epoch, monkeypatch)

        log = import_apkg(col, v2)
        assert len(log.new) == 1
        assert "clinical trials" in log.new[0].fields[0]
        assert len(log.updated) == 1
        assert NEW_ANSWER in log.updated[0].fields[1]

        after = {card["card_id"]: card for card in rendered_cards(col)}
        assert len(after) == len(before) + 1
        for card_id, old in before.items():
            new = after[card_id]  # every original card keeps its id
            assert (new["due"], new["ivl"], new["queue"]) == (old["due"], old["ivl"], old["queue"])
        assert {cid: rows for cid, rows in review_log(col).items() if cid in before} == history
        assert col.get_note(hand_edited["note_id"])["Back"] == "MY OWN NOTE: plans the treatment"
        fixed = [c for c in after.values() if NEW_ANSWER in c["fields"].get("Back", "")]
        assert len(fixed) == 1 and fixed[0]["card_id"] in before
    finally:
        col.close()


def test_unchanged_rebuild_is_skipped_by_anki(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    v1 = build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    v1b = build(project, "v1b.apkg", 1_800_500_000, monkeypatch)
    col = open_collection(project / "c" / "collection.anki2")
    try:
        first = import_apkg(col, v1)
        second = import_apkg(col, v1b)
        assert len(second.new) == 0 and len(second.updated) == 0
        assert len(second.duplicate) == len(first.new)
    finally:
        col.close()


def _build_in_process(project: Path, output: str, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "builder", "build", SEED_MANIFEST, "-o", output, *extra],
        cwd=project,
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": "1800000000", "PATH": "/usr/bin:/bin"},
        check=False,
    )


def test_two_builds_in_two_processes_are_byte_identical(project: Path) -> None:
    first = _build_in_process(project, "dist/a.apkg")
    assert first.returncode == 0, first.stderr
    second = _build_in_process(project, "dist/b.apkg", "--frozen")
    assert second.returncode == 0, second.stderr
    assert (project / "dist/a.apkg").read_bytes() == (project / "dist/b.apkg").read_bytes()


def test_fresh_clones_with_the_same_epoch_give_the_same_bytes(tmp_path: Path) -> None:
    from tests.conftest import copy_project

    outputs = []
    for name in ("one", "two"):
        clone = copy_project(tmp_path / name)
        (clone / "decks" / "breast-cancer-liver-metastasis.lock").unlink(missing_ok=True)
        result = _build_in_process(clone, "out.apkg")
        assert result.returncode == 0, result.stderr
        outputs.append((clone / "out.apkg").read_bytes())
    assert outputs[0] == outputs[1]


def test_frozen_fails_after_a_source_edit(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    edit_source(project, OLD_ANSWER, NEW_ANSWER)
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/x.apkg", "--frozen"])
    assert result.exit_code == 2
    assert "lock file would change (0 added, 1 changed, 0 removed)" in result.output
    assert "Traceback" not in result.output
    assert not (project / "dist" / "x.apkg").exists()


def test_a_lock_checked_out_with_crlf_line_ends_is_the_same_lock(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """git on Windows (core.autocrlf) checks text files out with CRLF: a CI build there with
    --frozen must see the same lock and give every note the same GUID."""
    build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    lock = next((project / "decks").glob("*.lock"))
    guids = _guid_of(project, "")
    lock.write_bytes(lock.read_bytes().replace(b"\n", b"\r\n"))
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/x.apkg", "--frozen"])
    assert result.exit_code == 0, result.output
    assert _guid_of(project, "") == guids
    assert b"\r\n" in lock.read_bytes()  # nothing changed, so the lock is not rewritten


REWORD_FROM = "### How are liver metastases in breast cancer managed?"
REWORD_TO = "### How are liver metastases from breast cancer managed?"


def _guid_of(project: Path, front_start: str) -> tuple[str, ...]:
    from builder import plan_deck

    plan = plan_deck(load_manifest(project / SEED_MANIFEST))
    return tuple(n.stamp.guid for n in plan.notes if n.note.front.startswith(front_start))


def _reword_and_rebuild(
    project: Path, monkeypatch: pytest.MonkeyPatch, *flags: str
) -> tuple[str, tuple[str, ...], str]:
    """Build v1, reword one FAQ question, build v2: (old guid, new guids, build output)."""
    build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    (old_guid,) = _guid_of(project, REWORD_FROM[4:])
    edit_source(project, REWORD_FROM, REWORD_TO)
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/v2.apkg", *flags])
    assert result.exit_code == 0, result.output
    return old_guid, _guid_of(project, REWORD_TO[4:]), result.output


def test_reworded_question_matched_by_similarity_keeps_its_guid(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_guid, new_guids, output = _reword_and_rebuild(project, monkeypatch)
    assert "reworded:" in output and "similarity 0." in output
    assert new_guids == (old_guid,)


def test_rename_matching_off_makes_a_new_note(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old_guid, new_guids, output = _reword_and_rebuild(project, monkeypatch, "--no-rename-matching")
    assert "1 added, 0 changed, 1 removed" in output
    assert new_guids != (old_guid,)
    diff = CliRunner().invoke(cli, ["diff", "dist/v1.apkg", "dist/v2.apkg"])
    assert diff.output.startswith("1 added, 1 removed, 0 changed"), diff.output


def test_pinned_question_keeps_its_guid_through_a_full_rewording(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    heading = REWORD_FROM
    edit_source(project, heading, heading + " {#managing}")
    build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    (old_guid,) = _guid_of(project, REWORD_FROM[4:])
    edit_source(project, heading + " {#managing}", "### Who looks after liver spread? {#managing}")
    result = CliRunner().invoke(
        cli, ["build", SEED_MANIFEST, "-o", "dist/v2.apkg", "--no-rename-matching"]
    )
    assert result.exit_code == 0, result.output
    assert "0 added, 1 changed, 0 removed" in result.output
    assert _guid_of(project, "Who looks after") == (old_guid,)


def test_the_old_wording_asked_again_beside_the_reworded_one_is_a_note_of_its_own(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reworded note holds the GUID the old wording's key makes: the old wording asked
    again gets a GUID of its own, so Anki adds it instead of overwriting the reworded note, and
    the lock stays one a later build reads."""
    old_guid, _, _ = _reword_and_rebuild(project, monkeypatch)
    col = open_collection(project / "student" / "collection.anki2")
    try:
        import_apkg(col, project / "dist" / "v2.apkg")
        before = col.note_count()
        edit_source(project, REWORD_TO, REWORD_FROM + "\n\nAsk your oncologist.\n\n" + REWORD_TO)
        result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/v3.apkg"])
        assert result.exit_code == 0, result.output
        assert "1 added, 0 changed, 0 removed" in result.output
        assert _guid_of(project, REWORD_TO[4:]) == (old_guid,)
        (asked_again,) = _guid_of(project, REWORD_FROM[4:])
        assert asked_again != old_guid
        log = import_apkg(col, project / "dist" / "v3.apkg")
        assert (len(log.new), len(log.updated), col.note_count()) == (1, 0, before + 1)
    finally:
        col.close()
    again = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/v4.apkg", "--force"])
    assert again.exit_code == 0, again.output


def test_the_old_wording_back_takes_its_note_back(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reworded (the note keeps its GUID under the new wording's key), then put back without
    rename matching: the old wording's key makes that same GUID, and takes its note back."""
    old_guid, _, _ = _reword_and_rebuild(project, monkeypatch)
    edit_source(project, REWORD_TO, REWORD_FROM)
    flags = ("-o", "dist/v3.apkg", "--no-rename-matching")
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, *flags])
    assert result.exit_code == 0, result.output
    assert "0 added, 1 changed, 0 removed" in result.output
    assert _guid_of(project, REWORD_FROM[4:]) == (old_guid,)
    again = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/v4.apkg", "--force"])
    assert again.exit_code == 0, again.output


def test_two_notes_with_one_key_is_an_error_naming_both_lines(project: Path) -> None:
    question = "### How can patients cope with breast cancer liver metastasis?"
    edit_source(project, question, question + "\n\nFirst answer.\n\n" + question)
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/x.apkg"])
    assert result.exit_code == 2
    assert "same identity" in result.output
    assert result.output.count("breast-cancer-liver-metastasis.md:") == 2


def test_headings_written_with_entities_keep_their_notes_once_decoded(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lock written when headings kept their HTML entities (`&amp;` in two headings of one
    path: the keys, and the GUIDs made from them, hold the entity) still holds those notes once
    headings are decoded: none is added or removed, and each keeps the GUID the lock gave it."""
    edit_source(project, "\n## Diagnosis and Detection of", "\n## Diagnosis and Detection &amp;")
    edit_source(
        project, "\n### Diagnostic Methods Compared", "\n### Diagnostic Methods &amp; Costs"
    )
    build(project, "v1.apkg", 1_800_000_000, monkeypatch)
    deck_id = load_manifest(project / SEED_MANIFEST).deck_id
    lock = project / SEED_MANIFEST.replace(".toml", ".lock")
    text = lock.read_text(encoding="utf-8")
    assert "detection & liver" in text and "methods & costs" in text
    old, kept = [], set()
    for line in text.splitlines():  # the lock the release before wrote: keys, GUIDs, digests
        if "detection & liver" in line and "methods & costs" in line:
            key, _, *rest = line.split("\t")
            key = key.replace("detection & liver", "detection &amp; liver")
            key = key.replace("methods & costs", "methods &amp; costs")
            guid = guid_for(deck_id, key)
            rest[2] = "0" * len(rest[2])  # the card showed "&amp;": another digest
            line = "\t".join([key, guid, *rest])
            kept.add(guid)
        old.append(line)
    assert len(kept) >= 2
    lock.write_text("\n".join(old) + "\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["build", SEED_MANIFEST, "-o", "dist/v2.apkg"])
    assert result.exit_code == 0, result.output
    assert " 0 added" in result.output and " 0 removed" in result.output, result.output
    assert kept <= set(_guid_of(project, ""))
