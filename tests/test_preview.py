"""builder/preview.py: our rendering of our templates against the real Anki backend, and the page.

The browser side (search, night mode, layout) is in tests/test_preview_browser.py.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections import defaultdict
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from builder import DeckPlan, load_manifest, plan_deck
from builder.anki import CSS, DeckTree, PackagedNote, write_package
from builder.cli import cli
from builder.lock import LockEntry
from builder.notes import FIELDS, Note, Source
from builder.preview import cloze_ordinals, preview_html, render_card_sides, write_preview
from tests.ankiutil import import_apkg, open_collection, rendered_cards
from tests.conftest import SEED_MANIFEST

_CLOZE_SPAN = re.compile(r'<span class="(cloze(?:-inactive)?)"[^>]*?data-ordinal="([\d,]+)"')


def visible(fragment: str) -> str:
    """The text a student sees: tags, entities, whitespace and Unicode isolation marks removed."""
    text = html.unescape(re.sub(r"<[^>]*>", "", fragment))
    return re.sub(r"[\s\u2068\u2069]+", "", text)


def spans(fragment: str) -> list[tuple[str, str]]:
    """(class, data-ordinal) of every cloze span, in order."""
    return _CLOZE_SPAN.findall(fragment)


def anki_cards_by_guid(apkg: Path, collection: Path) -> dict[str, list[dict[str, Any]]]:
    col = open_collection(collection)
    try:
        import_apkg(col, apkg)
        cards = rendered_cards(col)
    finally:
        col.close()
    by_guid: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for card in cards:  # ordered by note id, then card ord
        by_guid[card["guid"]].append(card)
    return by_guid


@pytest.fixture(scope="module")
def seed_plan(seed_build: Path) -> DeckPlan:
    """The plan of the very deck `seed_build` packaged (same copy, so the same lock and GUIDs)."""
    return plan_deck(load_manifest(seed_build.parent.parent / SEED_MANIFEST))


def test_seed_deck_renders_like_anki(seed_plan: DeckPlan, seed_build: Path, tmp_path: Path) -> None:
    by_guid = anki_cards_by_guid(seed_build, tmp_path / "collection.anki2")
    assert sum(len(cards) for cards in by_guid.values()) == seed_plan.cards
    compared = clozes = 0
    for note in seed_plan.notes:
        ours = render_card_sides(note)
        theirs = by_guid[note.stamp.guid]
        assert len(ours) == len(theirs) == note.note.cards, note.note.key
        for (question, answer), card in zip(ours, theirs, strict=True):
            assert visible(question) == visible(card["question"]), (note.note.key, card["ord"])
            assert visible(answer) == visible(card["answer"]), (note.note.key, card["ord"])
            assert spans(question) == spans(card["question"])
            assert spans(answer) == spans(card["answer"])
            compared += 1
            clozes += note.note.note_type == "cloze"
    assert compared == seed_plan.cards
    assert clozes > 1, "the seed deck should exercise cloze cards"


EDGE_CLOZES = [
    ("Paris is the {{c1::capital}} of {{c2::France::country}}", "x"),
    ("A {{c1::x::hint <b>bold</b>}} and {{c2::y}} {{c1::again}}", ""),
    ("Outer {{c1::a {{c2::nested}} b}} end", "<div>extra</div>"),
    ("Multi {{c1,2::both}} and {{c3::three}}", ""),
    ("Stray }} and {{c1::<b>ok</b>}}", "<br>"),
    ("Gap {{c1::one}} {{c3::three}}", " "),
    ("Zero {{c0::zero}} and {{c2::two}}", "extra"),
    ("Two hints {{c1::t::h1::h2}}", ""),
    ("Unclosed {{c1::open and {{c2::closed}} tail", "extra"),
]


def _note(index: int, note_type: Any, fields: list[str]) -> PackagedNote:
    note = Note(
        rule="edge",
        note_type=note_type,
        front=fields[0],
        back=fields[1],
        source=Source("edge.md", "Edge", ("Section",), index + 1),
        key=("edge", str(index)),
        subdeck="Section",
    )
    stamp = LockEntry(
        f"edge {index}", f"edge-{index}", 1_700_000_000_000 + 100 * index, 1_700_000_000, ""
    )
    return PackagedNote(
        note, dict(zip(FIELDS[note_type], fields, strict=True)), "Edge::Section", stamp
    )


def test_edge_cases_render_like_anki(tmp_path: Path) -> None:
    """Hints, nesting, gaps, stray braces, Extra sections and a broken deletion, vs. the backend."""
    notes = [
        _note(i, "cloze", [text, extra, f"ctx {i}", "src"])
        for i, (text, extra) in enumerate(EDGE_CLOZES)
    ]
    notes.append(_note(len(notes), "basic", ["front <br>", "<div></div>", "", "src"]))
    apkg = tmp_path / "edge.apkg"
    write_package(
        DeckTree("Edge", 1_234_567_890, "", {"Edge::Section": 1_234_567_891}),
        notes,
        apkg,
    )
    by_guid = anki_cards_by_guid(apkg, tmp_path / "collection.anki2")
    for note in notes:
        ours = render_card_sides(note)
        theirs = by_guid[note.stamp.guid]
        text = next(iter(note.fields.values()))
        assert len(ours) == len(theirs), text
        for (question, answer), card in zip(ours, theirs, strict=True):
            if "Unclosed" in text:
                # Anki drops a deletion that is never closed and says so on the card.
                for mine, anki in ((question, card["question"]), (answer, card["answer"])):
                    assert "Nocloze1foundoncard" in visible(mine)
                    assert "Nocloze1foundoncard" in visible(anki)
                continue
            assert visible(question) == visible(card["question"]), (note.fields, card["ord"])
            assert visible(answer) == visible(card["answer"]), (note.fields, card["ord"])
            assert spans(question) == spans(card["question"])
            assert spans(answer) == spans(card["answer"])


def test_cloze_markup_matches_the_documented_backend_output() -> None:
    """docs/anki-import.md §9, byte for byte."""
    note = _note(0, "cloze", [EDGE_CLOZES[0][0], "x", "", ""])
    (q1, a1), (q2, _) = render_card_sides(note)
    assert (
        'Paris is the <span class="cloze" data-cloze="capital" data-ordinal="1">[...]</span> of '
        '<span class="cloze-inactive" data-ordinal="2">France</span>'
    ) in q1
    assert (
        'Paris is the <span class="cloze" data-ordinal="1">capital</span> of '
        '<span class="cloze-inactive" data-ordinal="2">France</span>'
    ) in a1
    assert '<span class="cloze" data-cloze="France" data-ordinal="2">[country]</span>' in q2
    assert '<div class="db-extra">x</div>' in a1


def test_cloze_ordinals_are_the_cards_genanki_writes() -> None:
    assert cloze_ordinals("{{c2::a}} {{c1::b}} {{c2::c}}") == [1, 2]
    assert cloze_ordinals("{{c0::a}} {{c1,2::b}} {{c3::}} none") == []


def embedded_data(page: str) -> dict[str, Any]:
    """The JSON the page's script draws the cards from (`preview.page_data`)."""
    match = re.search(r'<script type="application/json" id="pv-data">(.*?)</script>', page, re.S)
    assert match is not None, "the page holds its cards as JSON"
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def card_sides(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(front, back) HTML of every card in the data, as the page's script joins them."""
    strings = data["t"]
    return [
        ("\n".join(strings[i] for i in card[7]), "\n".join(strings[i] for i in card[8]))
        for card in data["cards"]
    ]


def test_page_embeds_the_package_css_once_and_every_card(seed_plan: DeckPlan) -> None:
    page = preview_html(seed_plan)
    total = seed_plan.cards
    assert page.count(CSS) == 1
    data = embedded_data(page)
    # Every card, in deck order, exactly as render_card_sides renders it against real Anki.
    expected = [
        sides
        for deck in seed_plan.subdecks
        for note in seed_plan.notes
        if note.deck == deck
        for sides in render_card_sides(note)
    ]
    assert len(expected) == total
    assert card_sides(data) == expected
    assert f"{total} of {total} cards" in page
    strings = data["t"]
    locations = {f"{strings[card[3]]}:{card[4]}" for card in data["cards"]}
    for note in seed_plan.notes[:5]:
        assert html.escape(f"{note.note.source.path}:{note.note.source.line}") in locations
    for subdeck in seed_plan.subdecks:
        assert html.escape(subdeck.split("::", 1)[1]) in page


def test_page_data_stays_inside_its_script_element(seed_plan: DeckPlan) -> None:
    """Card HTML full of `</div>` (and a `<!--` in a field) cannot end the JSON's <script>."""
    note = seed_plan.notes[0]
    fields = {name: value + "<!-- x --></script><script>" for name, value in note.fields.items()}
    page = preview_html(replace(seed_plan, notes=[replace(note, fields=fields)]))
    start = page.index('<script type="application/json" id="pv-data">')
    body = page[start:].split(">", 1)[1]
    assert "</" not in body.split("</script>\n", 1)[0]
    assert "<!--" not in body.split("</script>\n", 1)[0]
    front, _ = card_sides(embedded_data(page))[0]
    assert front.count("<!-- x --></script><script>") >= 1


def test_page_fetches_nothing(seed_plan: DeckPlan) -> None:
    page = preview_html(seed_plan)
    # The page itself, and every HTML fragment its script puts in the page.
    fragments = [html.unescape(page), *embedded_data(page)["t"]]
    unescaped = html.unescape(page)
    assert "Content-Security-Policy" in unescaped and "default-src 'none'" in unescaped
    assert "connect-src" not in unescaped
    for fragment in fragments:
        assert not re.search(
            r"<(?:link|script|img|iframe)[^>]*\s(?:src|href)=[\"'](?!data:|#)", fragment
        ), fragment
        assert "@import" not in fragment and not re.search(r"url\((?![\"']?data:)", fragment)


def test_packaged_images_are_inlined_as_data_uris(seed_plan: DeckPlan) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * 16
    note = next(note for note in seed_plan.notes if note.note.note_type == "basic")
    image = '<img src="db-0123456789abcdef0123.png" alt="liver">'
    fields = {**note.fields, "Front": note.fields["Front"] + image}
    plan = replace(
        seed_plan,
        notes=[replace(note, fields=fields)],
        contents=replace(seed_plan.contents, media={"db-0123456789abcdef0123.png": png}),
    )
    page = preview_html(plan)
    data = base64.b64encode(png).decode("ascii")
    # Front, and the front repeated on the back ({{FrontSide}}).
    [(front, back)] = card_sides(embedded_data(page))
    inlined = f'<img src="data:image/png;base64,{data}" alt="liver">'
    assert front.count(inlined) == 1 and back.count(inlined) == 1
    assert "db-0123456789abcdef0123.png" not in page


def test_page_escapes_names_tags_rules_and_paths(seed_plan: DeckPlan) -> None:
    evil = '<script>alert(1)</script>"&'
    note = seed_plan.notes[0]
    card = replace(
        note.note,
        rule=evil,
        tags=(evil,),
        subdeck=evil,
        source=replace(note.note.source, path=evil),
    )
    plan = replace(
        seed_plan,
        manifest=replace(seed_plan.manifest, title=evil, description=evil),
        notes=[replace(note, note=card, deck=f"{evil}::{evil}")],
    )
    page = preview_html(plan)
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&quot;&amp;" in page


def test_cli_preview_writes_one_file_and_leaves_the_lock_alone(project: Path) -> None:
    lock = project / "decks" / "breast-cancer-liver-metastasis.lock"
    before = lock.read_bytes()
    result = CliRunner().invoke(cli, ["preview", SEED_MANIFEST])
    assert result.exit_code == 0, result.output
    output = project / "dist" / "breast-cancer-liver-metastasis.html"
    assert f"-> {Path('dist') / output.name}" in result.output
    assert output.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert sorted(p.name for p in output.parent.iterdir()) == [output.name]
    assert lock.read_bytes() == before

    result = CliRunner().invoke(cli, ["preview", SEED_MANIFEST, "-o", "out/nested/deck.html"])
    assert result.exit_code == 0, result.output
    assert (project / "out" / "nested" / "deck.html").is_file()


def test_write_preview_replaces_the_file_atomically(seed_plan: DeckPlan, tmp_path: Path) -> None:
    output = tmp_path / "deck.html"
    output.write_text("old", encoding="utf-8")
    write_preview(seed_plan, output)
    assert output.read_text(encoding="utf-8") == preview_html(seed_plan)
    assert [p.name for p in tmp_path.iterdir()] == ["deck.html"]
