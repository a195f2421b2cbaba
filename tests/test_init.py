"""`deckbuilder init`: a first manifest, and the walkthrough from a new document to Anki."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.cli import cli
from builder.document import parse_document
from builder.errors import InputError, SourceError
from builder.init import init_manifest
from builder.manifest import load_manifest, manifest_for_source
from builder.routing import route
from tests.ankiutil import deck_names, import_apkg, open_collection, rendered_cards

ASTHMA = """\
# Asthma

## Overview

Asthma is a chronic inflammatory disease of the airways. About 8% of adults have asthma.

Common symptoms of asthma include:

- wheezing
- shortness of breath
- chest tightness
- cough at night

## Medicines

| Medicine | Role | Example |
|---|---|---|
| Reliever | Opens the airways within minutes | Salbutamol |
| Preventer | Reduces airway inflammation over weeks | Inhaled corticosteroid |

- **Spacer**: a tube that makes an inhaler easier to use
- **Peak flow meter**: a device that measures how fast you can breathe out

### Inhaler Technique

Breathe out fully, then breathe in slowly while pressing the inhaler.

## FAQ

### Can asthma be cured?

No, but it can be controlled so that most people have few symptoms.

### What is an asthma action plan?

A written plan that says which medicines to take and when to get help.
"""


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty teacher's folder as the working directory, with source/asthma.md in it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    (tmp_path / "source").mkdir()
    (tmp_path / "source" / "asthma.md").write_text(ASTHMA, encoding="utf-8")
    return tmp_path


def test_init_writes_a_manifest_with_one_subdeck_per_top_level_heading(workdir: Path) -> None:
    result = run("init", "source/asthma.md")

    assert result.exit_code == 0, result.output
    path = workdir / "decks" / "asthma.toml"
    assert "decks/asthma.toml" in result.output
    assert "deckbuilder cards decks/asthma.toml" in result.output
    assert "deckbuilder build decks/asthma.toml" in result.output
    manifest = load_manifest(path)
    assert manifest.title == "Asthma"
    assert manifest.topic == "asthma"
    # init pins the id a zero-config build of the same file already used
    assert manifest.deck_id == manifest_for_source(workdir / "source" / "asthma.md").deck_id
    assert manifest.sources == ((workdir / "source" / "asthma.md").resolve(),)
    assert [s.name for s in manifest.subdecks] == ["Overview", "Medicines", "FAQ"]
    assert [s.sections for s in manifest.subdecks] == [("Overview",), ("Medicines",), ("FAQ",)]
    assert [s.tags for s in manifest.subdecks] == [
        ("asthma::overview",),
        ("asthma::medicines",),
        ("asthma::faq",),
    ]
    text = path.read_text(encoding="utf-8")
    assert 'sources = ["../source/asthma.md"]' in text
    assert "# Deck title shown in Anki." in text
    assert "# Subdeck name under the deck title." in text
    assert not list((workdir / "decks").glob(".*")), "no temporary file is left behind"


def test_the_written_manifest_builds_the_zero_config_cards(workdir: Path) -> None:
    assert run("init", "source/asthma.md").exit_code == 0

    pinned = run("cards", "decks/asthma.toml", "--format", "json")
    zero_config = run("cards", "source/asthma.md", "--format", "json")

    assert pinned.exit_code == 0, pinned.output
    fronts = [(r["subdeck"], r["front"]) for r in json.loads(pinned.output)]
    assert fronts == [(r["subdeck"], r["front"]) for r in json.loads(zero_config.output)]


def test_front_matter_gives_title_description_and_topic(workdir: Path) -> None:
    source = workdir / "source" / "copd.md"
    source.write_text(
        '---\ntitle: Living with COPD\ndescription: "Self-care for patients."\n'
        "topic: COPD self-care\n---\n\n## Breathing\n\n- one\n- two\n",
        encoding="utf-8",
    )

    manifest = load_manifest(init_manifest(source, workdir / "decks", deck_id=1234567890))

    assert (manifest.title, manifest.description, manifest.topic, manifest.deck_id) == (
        "Living with COPD",
        "Self-care for patients.",
        "COPD self-care",
        1234567890,
    )


def test_title_case_title_becomes_a_lower_case_topic(workdir: Path) -> None:
    source = workdir / "source" / "heart-failure.md"
    source.write_text("# Chronic Heart Failure\n\n## Signs\n\n- a\n- b\n", encoding="utf-8")

    manifest = load_manifest(init_manifest(source, workdir / "decks"))

    assert manifest.title == "Chronic Heart Failure"
    assert manifest.topic == "chronic heart failure"


def test_refuses_to_overwrite_without_force(workdir: Path) -> None:
    assert run("init", "source/asthma.md").exit_code == 0
    path = workdir / "decks" / "asthma.toml"
    path.write_text(path.read_text(encoding="utf-8") + "# my edits\n", encoding="utf-8")
    edited = path.read_text(encoding="utf-8")

    result = run("init", "source/asthma.md")

    assert result.exit_code == 2
    assert "--force" in result.stderr
    assert "decks/asthma.toml" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert path.read_text(encoding="utf-8") == edited


def test_force_overwrites_and_keeps_the_deck_id(workdir: Path) -> None:
    assert run("init", "source/asthma.md").exit_code == 0
    path = workdir / "decks" / "asthma.toml"
    deck_id = load_manifest(path).deck_id
    source = workdir / "source" / "asthma.md"
    source.write_text(ASTHMA + "\n## Triggers\n\n- pollen\n- cold air\n", encoding="utf-8")

    result = run("init", "source/asthma.md", "--force")

    assert result.exit_code == 0, result.output
    manifest = load_manifest(path)
    assert [s.name for s in manifest.subdecks] == ["Overview", "Medicines", "FAQ", "Triggers"]
    assert manifest.deck_id == deck_id


def test_missing_source_is_one_line_naming_the_file(workdir: Path) -> None:
    result = run("init", "source/missing.md")

    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: source/missing.md: ")
    assert not (workdir / "decks").exists()


def test_a_source_that_does_not_parse_raises_source_error(workdir: Path) -> None:
    bad = workdir / "source" / "bad.md"
    text = "---\ntitle: &t Korrin\nsubject: *t\n---\n\n## A\n\nText.\n"  # a YAML alias
    bad.write_text(text, encoding="utf-8")

    with pytest.raises(SourceError):
        init_manifest(bad, workdir / "decks")
    result = run("init", "source/bad.md")
    assert result.exit_code == 2
    assert "bad.md:3:" in result.stderr


def test_front_matter_that_is_not_yaml_is_read_as_its_lines_with_a_warning(workdir: Path) -> None:
    """A slide deck's header (`style: @import url(…)`) is no YAML, but the document is still
    readable: its plain `key: value` lines name the deck, and one warning says why."""
    slides = workdir / "source" / "slides.md"
    slides.write_text(
        "---\nmarp: true\ntitle: Korrin fever\nstyle: @import url('x.css');\n---\n\n"
        "## Signs\n\n- Rash\n- Fever\n",
        encoding="utf-8",
    )
    result = run("build", "source/slides.md", "-o", "out.apkg")
    assert result.exit_code == 0, result.output
    assert "Korrin fever: 1 notes, 2 cards" in result.output
    assert "slides.md:4: warning: front matter is not valid YAML" in result.stderr


def test_a_source_without_headings_is_one_overview_subdeck(workdir: Path) -> None:
    flat = workdir / "source" / "flat.md"
    flat.write_text("About 7% of hikers get Korrin fever.\n", encoding="utf-8")

    assert run("init", "source/flat.md").exit_code == 0

    manifest = load_manifest(workdir / "decks" / "flat.toml")
    assert [(s.name, s.sections) for s in manifest.subdecks] == [("Overview", ("Flat",))]
    result = run("cards", "decks/flat.toml", "--format", "json")
    assert [card["subdeck"] for card in json.loads(result.stdout)] == ["Overview"]


def test_a_source_with_nothing_to_card_is_refused(workdir: Path) -> None:
    flat = workdir / "source" / "flat.md"
    flat.write_text("---\ntitle: Flat\n---\n", encoding="utf-8")

    result = run("init", "source/flat.md")

    assert result.exit_code == 2
    assert "no text" in result.stderr


def test_a_manifest_given_as_source_is_refused(workdir: Path) -> None:
    assert run("init", "source/asthma.md").exit_code == 0

    with pytest.raises(InputError, match="Markdown source"):
        init_manifest(workdir / "decks" / "asthma.toml", workdir / "decks", force=True)


def test_decks_dir_option_writes_sources_relative_to_it(workdir: Path) -> None:
    result = run("init", "source/asthma.md", "--decks-dir", "course/decks")

    assert result.exit_code == 0, result.output
    path = workdir / "course" / "decks" / "asthma.toml"
    assert 'sources = ["../../source/asthma.md"]' in path.read_text(encoding="utf-8")
    assert load_manifest(path).sources == ((workdir / "source" / "asthma.md").resolve(),)


def test_headings_with_glob_characters_and_quotes_match_only_themselves(workdir: Path) -> None:
    source = workdir / "source" / "odd.md"
    source.write_text(
        '## What *is* "it"? [draft]\n\n- **A**: one\n- **B**: two\n\n'
        "## What is it\n\n- **C**: three\n- **D**: four\n\n"
        "## Part A::B\n\n- **E**: five\n- **F**: six\n",
        encoding="utf-8",
    )

    manifest = load_manifest(init_manifest(source, workdir / "decks"))

    assert [s.name for s in manifest.subdecks] == [
        'What is "it"? [draft]',
        "What is it",
        "Part A:B",
    ]
    assert manifest.subdecks[0].sections == ('What [*]is[*] "it"[?] [[]draft]',)
    routes = route(manifest, parse_document(source)).routes
    assert [(r.section.title, r.subdeck.name) for r in routes] == [
        ('What *is* "it"? [draft]', 'What is "it"? [draft]'),
        ("What is it", "What is it"),
        ("Part A::B", "Part A:B"),
    ]


def test_a_nested_heading_repeating_a_top_level_one_is_pointed_out(workdir: Path) -> None:
    source = workdir / "source" / "repeat.md"
    source.write_text(
        "## Overview\n\nText.\n\n## Treatment\n\n### Overview\n\nMore.\n", encoding="utf-8"
    )

    text = init_manifest(source, workdir / "decks").read_text(encoding="utf-8")

    assert "also takes 'Treatment/Overview'" in text


HEADING_TEXT = st.text(
    alphabet=st.sampled_from("abcXYZ019 *?[]!\"'\\/:&-_é"), min_size=1, max_size=16
).filter(lambda text: text.strip() and not text.strip().startswith(("#", "-", "*", "+")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(headings=st.lists(HEADING_TEXT, min_size=1, max_size=4))
def test_any_headings_give_a_manifest_that_loads_and_routes(
    headings: list[str], tmp_path_factory: pytest.TempPathFactory
) -> None:
    root = tmp_path_factory.mktemp("any")
    source = root / "notes.md"
    source.write_text(
        "".join(f"## {heading}\n\n- item one\n- item two\n\n" for heading in headings),
        encoding="utf-8",
    )
    document = parse_document(source)

    path = init_manifest(source, root / "decks")

    manifest = load_manifest(path)
    tomllib.loads(path.read_text(encoding="utf-8"))
    routes = route(manifest, document).routes
    # every section once (repeated headings after each of two others are nested under them)
    assert [r.section.title for r in routes] == [s.title for s in document.walk()]
    assert len({s.name.lower() for s in manifest.subdecks}) == len(manifest.subdecks)


def test_teacher_walkthrough_from_new_document_to_anki(workdir: Path) -> None:
    # 1. A pinned manifest from the document's headings.
    result = run("init", "source/asthma.md")
    assert result.exit_code == 0, result.output

    # 2. The teacher renames a subdeck and adds a tag, in a text editor.
    path = workdir / "decks" / "asthma.toml"
    text = path.read_text(encoding="utf-8")
    assert 'name = "Medicines"' in text and 'tags = ["asthma::faq"]' in text
    text = text.replace('name = "Medicines"', 'name = "Inhalers and Devices"')
    text = text.replace('tags = ["asthma::faq"]', 'tags = ["asthma::faq", "exam-week-3"]')
    path.write_text(text, encoding="utf-8")

    # 3. The listing shows the cards to expect.
    listing = run("cards", "decks/asthma.toml")
    assert listing.exit_code == 0, listing.output
    records = json.loads(run("cards", "decks/asthma.toml", "--format", "json").output)
    fronts = {record["front"] for record in records}
    assert {
        "Can asthma be cured?",
        "What is an asthma action plan?",
        "Reliever (medicine) in asthma: role?",
        "Preventer (medicine) in asthma: example?",
        "Medicines in asthma: Spacer?",
        "Medicines in asthma: Peak flow meter?",
        "About {{c1::8%}} of adults have asthma.",
    } <= fronts
    assert any(front.startswith("Common symptoms of asthma include:") for front in fronts)
    assert "Can asthma be cured?" in listing.output
    assert "Inhalers and Devices" in listing.output
    assert f"{len(records)} notes" in listing.output

    # 4. Build into a package; the lock file appears beside the manifest.
    apkg = workdir / "out" / "asthma.apkg"
    built = run("build", "decks/asthma.toml", "-o", str(apkg))
    assert built.exit_code == 0, built.output
    assert apkg.is_file()
    assert (workdir / "decks" / "asthma.lock").is_file()

    # 5. A student imports it into Anki.
    col = open_collection(workdir / "anki" / "collection.anki2")
    try:
        log = import_apkg(col, apkg)
        assert len(log.new) == len(records) == 11
        names = set(deck_names(col))
        assert {
            "Asthma",
            "Asthma::Overview",
            "Asthma::Inhalers and Devices",
            "Asthma::FAQ",
        } <= names
        assert "Asthma::Medicines" not in names
        cards = rendered_cards(col)
        assert len(cards) == sum(record["cards"] for record in records)
        by_deck: dict[str, set[int]] = {}
        for card in cards:
            by_deck.setdefault(card["deck"], set()).add(card["note_id"])
        assert {deck: len(notes) for deck, notes in by_deck.items()} == {
            "Asthma::Overview": 2,
            "Asthma::Inhalers and Devices": 7,
            "Asthma::FAQ": 2,
        }
        faq = [card for card in cards if card["deck"] == "Asthma::FAQ"]
        assert all("exam-week-3" in card["tags"] for card in faq)
        assert all("asthma" in card["tags"] for card in cards)
        assert not any("exam-week-3" in card["tags"] for card in cards if card not in faq)
        assert {card["fields"]["Front"] for card in faq} == {
            "Can asthma be cured?",
            "What is an asthma action plan?",
        }
        assert len(col.find_notes('"deck:Asthma::Inhalers and Devices" tag:asthma::medicines')) == 7
    finally:
        col.close()


def test_a_title_that_names_no_topic_writes_an_empty_topic_the_manifest_keeps(
    workdir: Path,
) -> None:
    """A module title of five words gives no topic: the manifest `init` writes keeps it empty,
    so the pinned deck asks what the zero-config one asks ("Pulse: Normal range?")."""
    source = workdir / "source" / "ward.md"
    source.write_text(
        "# Unit 4: Basic Ward Skills & Observation Charts\n\n## Pulse\n\n"
        "**Normal range:** 60–100 bpm\n",
        encoding="utf-8",
    )
    assert run("init", "source/ward.md").exit_code == 0

    manifest = load_manifest(workdir / "decks" / "ward.toml")
    pinned = run("cards", "decks/ward.toml", "--format", "json")

    assert manifest.topic == ""
    assert [r["front"] for r in json.loads(pinned.output)] == ["Pulse: Normal range?"]


@pytest.mark.parametrize(
    "text",
    [
        # two runs of short lines opening on one line
        "# Knee\n\n## Examination\n\nInspect.\n\nPalpate.\n\n"
        "Then the patient stands and walks across the room while you watch closely.\n\n"
        "Inspect.\n\nMove.\n",
        # two grading scales under one heading
        "# Neuro\n\n## Scales\n\nPower:\n\n0 none, 1 flicker, 2 some, 3 full.\n\n"
        "Tone:\n\n0 none, 1 slight, 2 marked, 3 rigid.\n\n"
        "0 absent, 1 weak, 2 normal, 3 brisk.\n\n0 absent, 1 faint, 2 usual, 3 lively.\n",
        # typical values and names of several terms a lecture defines
        "# Heart\n\n## Volumes\n\n"
        "* The *end-diastolic volume* is the volume in the ventricle after it fills\n"
        "\t* This is about 135 mL\n"
        "* The *end-systolic volume* is the volume left after it empties\n"
        "\t* This is about 65 mL\n"
        "* The ventricle fills slowly at first and then faster\n"
        "\t* This is called diastasis\n"
        "* The atria push blood in at the very end of filling\n"
        "\t* This is called the atrial kick\n",
    ],
)
def test_a_pinned_deck_builds_notes_a_section_makes_alike(workdir: Path, text: str) -> None:
    """A manifest build refuses two notes with one identity (zero-config makes them distinct
    with a warning): a section's short lines and scales must not make two alike."""
    (workdir / "source" / "alike.md").write_text(text, encoding="utf-8")
    assert run("init", "source/alike.md").exit_code == 0
    built = run("build", "decks/alike.toml", "-o", "dist/alike.apkg")
    assert built.exit_code == 0, built.output
    assert "same identity" not in built.output
