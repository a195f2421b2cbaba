"""The card's look, without a browser: WCAG AA contrast computed from card.css in light and night
mode, and one context line per side in the cards real Anki renders."""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

import pytest

from builder.anki import CSS
from tests.ankiutil import import_apkg, open_collection, rendered_cards

AA_SMALL_TEXT = 4.5
"""WCAG 2 level AA for text under 18pt (24px), or 14pt bold: the context line is 14px."""
MODES = {"light": ".card", "night": ".card.nightMode, .card.night_mode"}
"""Where card.css sets its colours for each mode (Anki puts the night classes on .card)."""
TEXT_COLOURS = ("--db-text", "--db-muted", "--db-extra", "--db-cloze")
"""Body text, the context line, a cloze's extra, a cloze deletion: each on --db-background."""


def palette(css: str, selector: str) -> dict[str, str]:
    """The `--db-*` colours set in the rule for exactly `selector`."""
    match = re.search(r"(?m)^" + re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert match is not None, f"no rule for {selector!r} in card.css"
    return dict(re.findall(r"(--db-[\w-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;", match.group(1)))


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #rrggbb."""

    def linear(channel: int) -> float:
        value = channel / 255
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def contrast(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two #rrggbb colours, 1 to 21."""
    light, dark = sorted((luminance(first), luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula_against_known_pairs() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)  # the classic near miss
    assert contrast("#85858a", "#fdfdfb") == pytest.approx(3.6, abs=0.05)  # the old source line


@pytest.mark.parametrize("mode", MODES)
def test_every_text_colour_meets_wcag_aa(mode: str) -> None:
    colours = palette(CSS, MODES[mode])
    background = colours["--db-background"]
    ratios = {name: round(contrast(colours[name], background), 2) for name in TEXT_COLOURS}
    assert all(ratio >= AA_SMALL_TEXT for ratio in ratios.values()), ratios


def test_text_is_coloured_only_from_the_tested_palette() -> None:
    """No colour escapes the contrast test: every `color:` in card.css is one of its variables."""
    colours = re.findall(r"(?<![\w-])color\s*:\s*([^;}]+)", CSS)
    assert colours, "card.css sets no text colour"
    assert {colour.strip() for colour in colours} <= {f"var({name})" for name in TEXT_COLOURS}
    backgrounds = re.findall(r"(?<![\w-])background(?:-color)?\s*:\s*([^;}]+)", CSS)
    assert {background.strip() for background in backgrounds} == {"var(--db-background)"}


def _visible_text(markup: str) -> str:
    markup = re.sub(r"<style>.*?</style>", " ", markup, flags=re.DOTALL)
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", markup)).split())


@pytest.fixture(scope="module")
def cards(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    col = open_collection(tmp_path_factory.mktemp("look") / "collection.anki2")
    try:
        import_apkg(col, seed_build)
        return rendered_cards(col)
    finally:
        col.close()


def test_each_side_names_document_and_section_once(cards: list[dict[str, Any]]) -> None:
    """One context line: the section path and the document are printed once per side, above
    the question, and the answer follows the question without another source line."""
    assert cards
    for card in cards:
        path = _visible_text(card["fields"]["Context"])
        source = _visible_text(card["fields"]["Source"])
        assert path and source.endswith(path), card["fields"]
        content = " ".join(
            _visible_text(card["fields"].get(name, "")) for name in ("Front", "Back", "Text")
        )
        for side in ("question", "answer"):
            text = _visible_text(card[side])
            assert text.startswith(source), (side, text)
            assert text.count(path) == 1 + content.count(path), (side, text)
            assert card[side].count('class="db-source"') == 1, card[side]
