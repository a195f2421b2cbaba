"""The cards as Anki shows them, in headless Chromium: the seed deck imported into a real Anki
collection, each side's HTML as Anki's backend renders it with the note type's CSS
(`card.question()` / `card.answer()`), in a page shaped like Anki's reviewer (the card classes,
and in night mode `nightMode night_mode`, on <body>; the HTML in #qa).

Measured: the longest line at desktop width, the contrast of the colours the browser computes,
nothing wider than the screen. Screenshots (phone and desktop, light and night) go to
tests/screenshots/anki-*.png. Skipped, like tests/test_preview_browser.py, without Chromium.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.ankiutil import import_apkg, open_collection
from tests.test_card_look import AA_SMALL_TEXT, contrast
from tests.test_preview_browser import SCREENSHOTS, browser  # noqa: F401 (skips without Chromium)

VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 800)}
MAX_LINE = 90
"""Characters on the longest line at desktop width: readable text stays well under this."""
MIN_LINE = 45
"""... and over this, so the measure is not needlessly narrow."""


@pytest.fixture(scope="module")
def anki_sides(seed_build: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Front and back (style included) of the seed deck's Basic card with the longest answer and
    of its longest cloze card, as the real Anki backend renders them."""
    col = open_collection(tmp_path_factory.mktemp("anki-look") / "collection.anki2")
    try:
        import_apkg(col, seed_build)
        cards = [col.get_card(cid) for cid in col.find_cards("")]

        def length(card: object, field: str) -> int:
            note = card.note()  # type: ignore[attr-defined]
            return len(note[field]) if field in note else -1

        basic = max(cards, key=lambda card: length(card, "Back"))
        cloze = max(cards, key=lambda card: length(card, "Text"))
        return {
            "basic-front": basic.question(),
            "basic-back": basic.answer(),
            "cloze-front": cloze.question(),
            "cloze-back": cloze.answer(),
        }
    finally:
        col.close()


def reviewer_page(side_html: str, night: bool) -> str:
    classes = "card card1" + (" nightMode night_mode" if night else "")
    return (
        '<!doctype html><html><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"></head>'
        f'<body class="{classes}"><div id="qa">{side_html}</div></body></html>'
    )


LONGEST_LINE = """selector => {
  // Characters per rendered line, from each character's box (spaces that take room count).
  const lines = new Map();
  const range = document.createRange();
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        const key = Math.round(box.top + box.height / 2);
        lines.set(key, (lines.get(key) || 0) + 1);
      }
    }
  }
  return Math.max(0, ...lines.values());
}"""

COLOURS = """() => {
  const colour = selector => {
    const element = document.querySelector(selector);
    return element ? getComputedStyle(element).color : null;
  };
  return {
    background: getComputedStyle(document.body).backgroundColor,
    text: colour(".db-front"), source: colour(".db-source"), back: colour(".db-back"),
    extra: colour(".db-extra"), cloze: colour(".cloze"),
  };
}"""


def hex_colour(css_colour: str) -> str:
    red, green, blue = (int(part) for part in re.findall(r"\d+", css_colour)[:3])
    return f"#{red:02x}{green:02x}{blue:02x}"


@pytest.fixture(scope="module")
def page(browser: Browser) -> Iterator[Page]:  # noqa: F811
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("scheme", ["light", "night"])
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_cards_as_anki_renders_them(
    page: Page, anki_sides: dict[str, str], device: str, scheme: str
) -> None:
    width, height = VIEWPORTS[device]
    page.set_viewport_size({"width": width, "height": height})
    SCREENSHOTS.mkdir(exist_ok=True)
    for name, side_html in anki_sides.items():
        page.set_content(reviewer_page(side_html, scheme == "night"))

        # Contrast as the browser computes it, on the colours it actually applies.
        colours = {key: hex_colour(value) for key, value in page.evaluate(COLOURS).items() if value}
        background = colours.pop("background")
        ratios = {key: round(contrast(value, background), 2) for key, value in colours.items()}
        assert {"text", "source"} <= ratios.keys(), (name, ratios)
        assert all(ratio >= AA_SMALL_TEXT for ratio in ratios.values()), (name, scheme, ratios)

        # Nothing wider than the screen.
        layout = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"
        )
        assert layout[0] <= layout[1], (name, layout)

        # A readable measure on a desktop; on a phone the text uses the width it has.
        longest = page.evaluate(LONGEST_LINE, ".db-front, .db-back, .db-extra")
        box = page.locator(".db-card").first.bounding_box()
        assert box is not None
        if device == "desktop":
            assert MIN_LINE <= longest <= MAX_LINE, (name, longest)
            assert abs(box["x"] + box["width"] / 2 - width / 2) < 2, "the card is centred"
        else:
            assert box["width"] >= width - 2 * 16, (name, box)

        page.screenshot(path=SCREENSHOTS / f"anki-{name}-{device}-{scheme}.png", full_page=True)
