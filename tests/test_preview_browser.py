"""The seed deck's preview in headless Chromium: search, night mode, phone and desktop layout;
and a 40,000-card preview, whose cards are drawn as they near the screen (how fast it opens and
searches is a benchmark, benchmarks/preview.py in `make bench`, not a clock in a test).

Uses Debian's `chromium` (`make browser` installs it) driven by Playwright; Playwright's own
browser downloads are never used. Screenshots land in tests/screenshots/ (git-ignored).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect, sync_playwright

from benchmarks.generate import write_deck
from benchmarks.preview import BROWSERS, CHROMIUM_ARGS, LARGE_ITEMS, QUERY, find_chromium
from builder import DeckPlan, load_manifest, plan_deck
from builder.anki import PackagedNote
from builder.preview import write_preview
from tests.conftest import SEED_MANIFEST, copy_project

CHROMIUM = find_chromium()
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
VIEWPORTS = {"phone": (390, 844), "desktop": (1366, 900)}
QUERIES = ["Chemotherapy", "surgery", "card::cloze"]
"""Typed into the search box; each must match some cards but not all of them."""

if not CHROMIUM.exists() and not os.environ.get("CI"):
    pytest.skip(
        f"browser tests need Chromium at one of {', '.join(BROWSERS)} or DECKBUILDER_CHROMIUM "
        "(`make browser` installs Debian's); "
        "they run, and fail without it, when CI is set",
        allow_module_level=True,
    )


def note_text(note: PackagedNote) -> str:
    """What the search box searches, derived from the plan: the card's visible text (field HTML
    without tags and cloze markers), its tags, rule, source line and subdeck, lower-cased."""
    text = re.sub(r"\{\{c\d+::|\}\}", " ", " ".join(note.fields.values())).replace("::", " ")
    text = html.unescape(re.sub(r"<[^>]*>", " ", text))
    card = note.note
    where = f"{card.source.path}:{card.source.line}"
    return " ".join([text, *card.tags, card.rule, where, card.subdeck]).lower()


def expected_matches(plan: DeckPlan, query: str) -> int:
    return sum(note.note.cards for note in plan.notes if query.lower() in note_text(note))


@pytest.fixture(scope="module")
def seed_preview(tmp_path_factory: pytest.TempPathFactory) -> tuple[DeckPlan, Path]:
    root = copy_project(tmp_path_factory.mktemp("preview"))
    plan = plan_deck(load_manifest(root / SEED_MANIFEST))
    output = root / "dist" / "breast-cancer-liver-metastasis.html"
    write_preview(plan, output)
    return plan, output


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def device_context(browser: Browser, device: str, scheme: str) -> BrowserContext:
    """A browser window of the device's size (a touch screen for the phone) in a colour scheme."""
    width, height = VIEWPORTS[device]
    return browser.new_context(
        viewport={"width": width, "height": height},
        color_scheme=scheme,  # type: ignore[arg-type]
        is_mobile=device == "phone",
        has_touch=device == "phone",
    )


def _night_classes(page: Page) -> list[bool]:
    """For every `.card`, whether it carries both of Anki's night-mode classes."""
    result: list[bool] = page.eval_on_selector_all(
        ".card",
        "cards => cards.map(c => c.classList.contains('nightMode') "
        "&& c.classList.contains('night_mode'))",
    )
    return result


def _overflow(page: Page) -> dict[str, Any]:
    result: dict[str, Any] = page.evaluate(
        """() => {
          const doc = document.documentElement;
          const width = doc.clientWidth;
          const outside = [];
          for (const el of document.querySelectorAll(".card, .pv-item")) {
            const box = el.getBoundingClientRect();
            if (box.left < -0.5 || box.right > width + 0.5) {
              outside.push((el.closest(".pv-item") || el).id + " " + Math.round(box.right));
            }
          }
          return {scrollWidth: doc.scrollWidth, clientWidth: width, outside: outside};
        }"""
    )
    return result


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(VIEWPORTS))
def test_preview_in_chromium(
    browser: Browser, seed_preview: tuple[DeckPlan, Path], device: str, scheme: str
) -> None:
    plan, output = seed_preview
    total = plan.cards
    context = device_context(browser, device, scheme)
    page = context.new_page()
    requests: list[str] = []
    problems: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}")
            if message.type in ("error", "warning")
            else None
        ),
    )
    url = output.as_uri()
    try:
        page.goto(url)
        items = page.locator(".pv-item")
        visible = page.locator(".pv-item:visible")
        count = page.locator("#pv-count")
        expect(visible).to_have_count(total)
        expect(count).to_have_text(f"{total} of {total} cards")

        # Night mode follows prefers-color-scheme; the toggle flips it, on every card side.
        dark = scheme == "dark"
        assert _night_classes(page) == [dark] * (2 * total)
        toggle = page.locator("#pv-theme")
        toggle.click()
        assert _night_classes(page) == [not dark] * (2 * total)
        expect(toggle).to_have_attribute("aria-pressed", "false" if dark else "true")
        toggle.click()
        assert _night_classes(page) == [dark] * (2 * total)

        # Search filters as you type; the counter follows.
        search = page.locator("#pv-q")
        for query in QUERIES:
            expected = expected_matches(plan, query)
            assert 0 < expected < total, f"pick another query than {query!r}"
            search.press_sequentially(query)
            expect(visible).to_have_count(expected)
            expect(count).to_have_text(f"{expected} of {total} cards")
            search.fill("")
            expect(visible).to_have_count(total)
        search.press_sequentially("zzqxj")
        expect(visible).to_have_count(0)
        expect(page.locator("#pv-empty")).to_be_visible()
        search.press("Escape")
        expect(visible).to_have_count(total)
        expect(count).to_have_text(f"{total} of {total} cards")

        # Nothing is wider than the screen.
        layout = _overflow(page)
        assert layout["scrollWidth"] <= layout["clientWidth"], layout
        assert layout["outside"] == [], layout

        # Front and back side by side on a desktop, stacked on a phone.
        front, back = (side.bounding_box() for side in items.first.locator(".card").all())
        assert front is not None and back is not None
        if device == "desktop":
            assert abs(front["y"] - back["y"]) < 1 and back["x"] > front["x"] + front["width"] - 1
        else:
            assert back["y"] >= front["y"] + front["height"] - 1

        SCREENSHOTS.mkdir(exist_ok=True)
        search.blur()
        page.screenshot(path=SCREENSHOTS / f"preview-{device}-{scheme}.png")
        # The longest cloze card, scrolled to just under the sticky search bar.
        page.evaluate(
            "() => [...document.querySelectorAll('.pv-item')]"
            ".filter(item => item.querySelector('.cloze'))"
            ".sort((a, b) => b.offsetHeight - a.offsetHeight)[0].scrollIntoView()"
        )
        page.screenshot(path=SCREENSHOTS / f"preview-{device}-{scheme}-cloze.png")
    finally:
        context.close()

    assert [r for r in requests if not r.startswith("data:")] == [url], requests
    assert problems == []


@pytest.fixture(scope="module")
def large_preview(tmp_path_factory: pytest.TempPathFactory) -> tuple[DeckPlan, Path]:
    root = tmp_path_factory.mktemp("large")
    plan = plan_deck(load_manifest(write_deck(LARGE_ITEMS, 16, root)))
    output = root / "large.html"
    write_preview(plan, output)
    return plan, output


def test_a_40000_card_preview_draws_cards_as_they_near_the_screen(
    browser: Browser, large_preview: tuple[DeckPlan, Path]
) -> None:
    plan, output = large_preview
    total = plan.cards
    assert total >= 40_000
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    items = page.locator(".pv-item")
    count = page.locator("#pv-count")
    try:
        page.goto(output.as_uri(), wait_until="commit")
        expect(items.first).to_be_visible(timeout=30_000)
        expect(count).to_have_text(f"{total} of {total} cards")
        assert items.count() < 200, "only the cards near the screen are drawn"

        # The search looks at every card, drawn or not.
        expected = expected_matches(plan, QUERY)
        assert 0 < expected < 400, f"pick another query than {QUERY!r}"
        page.locator("#pv-q").fill(QUERY)
        expect(count).to_have_text(f"{expected} of {total} cards", timeout=30_000)
        expect(page.locator(".pv-item:visible")).to_have_count(expected)
        page.locator("#pv-q").fill("")
        expect(count).to_have_text(f"{total} of {total} cards")

        # The deck tree and a card's link reach cards far from the top.
        last_deck = page.locator(".pv-tree a[data-deck]").last
        anchor = last_deck.get_attribute("data-deck")
        last_deck.click()
        expect(page.locator(f"#{anchor} .pv-item").first).to_be_in_viewport()
        last = plan.notes[-1].note.source
        page.evaluate(f"location.hash = '#card-{total}'")
        expect(page.locator(f"#card-{total}")).to_be_in_viewport()
        expect(page.locator(f"#card-{total} .pv-src")).to_have_text(f"{last.path}:{last.line}")
    finally:
        context.close()
    assert problems == []
