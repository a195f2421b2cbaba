"""`deckbuilder serve` in headless Chromium: the open page follows every save without a reload,
keeps its place, shows a broken build's error line and recovers; screenshots at phone and desktop
width, light and dark, in tests/screenshots/serve-*.png.

The harness (Debian's chromium through Playwright, skipped without it) is
tests/test_preview_browser.py's. How fast a save reaches the page is a benchmark
(benchmarks/preview.py, in `make bench`), not a clock here.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from builder import load_manifest, plan_deck
from builder.serve import DeckServer
from tests import test_preview_browser as harness
from tests.conftest import SEED_MANIFEST, copy_project

browser = harness.browser
"""The harness's headless Chromium, one per module."""

SOURCE = "source/breast-cancer-liver-metastasis.md"
NEW_QUESTION = "Can a new question appear at once?"
LONG_QUESTION = "Why does this answer run on for so long?"


def save(path: Path, text: str) -> None:
    """Save as editors do: a whole new file renamed over the old (never a half-written one)."""
    temporary = path.with_name(f".{path.name}.saving")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def add_faq(project: Path, question: str, answer: str) -> None:
    """A question added at the top of the seed document's FAQ section (its first subdeck)."""
    source = project / SOURCE
    text = source.read_text(encoding="utf-8")
    assert text.count("\n## FAQ\n") == 1
    save(source, text.replace("\n## FAQ\n", f"\n## FAQ\n\n### {question}\n\n{answer}\n", 1))


def serve(project: Path) -> DeckServer:
    manifest = project / SEED_MANIFEST
    server = DeckServer(manifest, lambda: load_manifest(manifest), log=lambda line: None)
    server.start()
    return server


def watch_page(page: Page) -> list[str]:
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(f"page error: {error}"))
    page.on(
        "console",
        lambda message: (
            problems.append(f"console: {message.text}") if message.type == "error" else None
        ),
    )
    return problems


@pytest.fixture
def project(tmp_path: Path) -> Path:
    return copy_project(tmp_path)


def front_text(page: Page, number: int) -> str:
    return page.locator(f"#card-{number} .card").first.inner_text()


def top_of(page: Page, number: int) -> float:
    top: float = page.evaluate(
        f"document.getElementById('card-{number}').getBoundingClientRect().top"
    )
    return top


def test_the_page_follows_each_save(browser: Browser, project: Path) -> None:
    manifest = project / SEED_MANIFEST
    source = project / SOURCE
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    problems = watch_page(page)
    count = page.locator("#pv-count")
    status = page.locator("#pv-status")
    cards = page.locator("#pv-cards")
    total = plan_deck(load_manifest(manifest)).cards
    with serve(project) as server:
        try:
            page.goto(server.url)
            expect(count).to_have_text(f"{total} of {total} cards")
            expect(page.locator("#pv-conn")).to_have_text("Live")
            page.evaluate("window.notReloaded = true")

            # Read on from card #60, then add a question at the top of the FAQ.
            page.evaluate("document.getElementById('card-60').scrollIntoView()")
            reading, top = front_text(page, 60), top_of(page, 60)
            add_faq(project, NEW_QUESTION, "Yes: the page follows the save.")
            new_card = page.locator(".pv-item", has_text=NEW_QUESTION)
            expect(new_card).to_be_attached(timeout=15_000)
            expect(count).to_have_text(f"{total + 1} of {total + 1} cards")
            expect(new_card.locator(".pv-mark")).to_have_text("new")
            expect(page.locator(".pv-changed")).to_have_count(1)
            # The reader's card moved down a number, and stayed where it was on screen.
            assert front_text(page, 61) == reading
            assert abs(top_of(page, 61) - top) < 2, (top, top_of(page, 61))

            # A broken manifest: its error line at the top, the last good cards dimmed.
            good = manifest.read_text(encoding="utf-8")
            line = next(n for n, x in enumerate(good.splitlines(), 1) if x.startswith("title"))
            save(manifest, good.replace("title", "titel", 1))
            error = status.locator("li.pv-sev-error").first
            expect(error).to_contain_text(f"decks/breast-cancer-liver-metastasis.toml:{line}")
            expect(error).to_contain_text("unknown key `titel`")
            expect(cards).to_have_class(re.compile(r"\bpv-stale\b"))
            expect(page.locator("#pv-alert")).to_be_visible()
            # Mended: the cards are back.
            save(manifest, good)
            expect(status).to_have_class(re.compile(r"\bpv-ok\b"))
            expect(cards).not_to_have_class(re.compile(r"\bpv-stale\b"))
            expect(page.locator("#pv-alert")).to_be_hidden()
            expect(count).to_have_text(f"{total + 1} of {total + 1} cards")

            # A source that does not parse (a table of 65 columns), then mended.
            text = source.read_text(encoding="utf-8")
            save(source, text + "\n\n| " + " | ".join("x" * 65) + " |\n|" + "---|" * 65 + "\n")
            expect(status.locator("li.pv-sev-error").first).to_contain_text(f"{SOURCE}:")
            expect(cards).to_have_class(re.compile(r"\bpv-stale\b"))
            save(source, text)
            expect(status).to_have_class(re.compile(r"\bpv-ok\b"))
            expect(count).to_have_text(f"{total + 1} of {total + 1} cards")

            # A card's source line opens the Markdown it came from.
            new_card.locator(".pv-src").click()
            expect(new_card.locator(".pv-md .pv-here")).to_have_text(f"### {NEW_QUESTION}")
            expect(new_card.locator(".pv-md-head")).to_contain_text(SOURCE)
            assert page.evaluate("window.notReloaded") is True
        finally:
            context.close()
    assert problems == []


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeckServer]:
    """The seed deck served, then a question with a long answer saved: the page shows the
    change marked and its check problem."""
    project = copy_project(tmp_path_factory.mktemp("edited"))
    with serve(project) as server:
        first = server.hub.build
        add_faq(project, LONG_QUESTION, " ".join(["It goes on and on and on."] * 20))
        deadline = time.monotonic() + 30
        while server.hub.build is first:
            assert time.monotonic() < deadline, "the save was not rebuilt"
            time.sleep(0.05)
        yield server


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("device", list(harness.VIEWPORTS))
def test_serve_screenshots(browser: Browser, edited: DeckServer, device: str, scheme: str) -> None:
    context = harness.device_context(browser, device, scheme)
    page = context.new_page()
    problems = watch_page(page)
    try:
        page.goto(edited.url)
        first = page.locator("#card-1")
        expect(first).to_contain_text(LONG_QUESTION)
        expect(first.locator(".pv-mark")).to_have_text("new")
        expect(first.locator(".pv-issues li")).to_contain_text("LONG-ANSWER")
        expect(page.locator("#pv-status .pv-codes button")).to_have_text(re.compile("LONG-ANSWER"))
        expect(page.locator("#pv-conn")).to_have_text("Live")
        dark = scheme == "dark"
        assert harness._night_classes(page) == [dark] * page.locator(".card").count()
        harness.SCREENSHOTS.mkdir(exist_ok=True)
        page.screenshot(path=harness.SCREENSHOTS / f"serve-{device}-{scheme}.png")
        # The card with its Markdown open, just under the sticky search bar.
        first.locator(".pv-src").click()
        expect(first.locator(".pv-md .pv-here")).to_have_text(f"### {LONG_QUESTION}")
        layout = harness._overflow(page)
        assert layout["scrollWidth"] <= layout["clientWidth"], layout
        assert layout["outside"] == [], layout
        page.evaluate("document.getElementById('card-1').scrollIntoView()")
        page.screenshot(path=harness.SCREENSHOTS / f"serve-{device}-{scheme}-card.png")

        # The problem's code filters the page to the cards that have it.
        page.locator("#pv-status .pv-codes button").first.click()
        expect(page.locator("#pv-count")).to_have_text(re.compile(r"^1 of \d+ cards$"))
    finally:
        context.close()
    assert problems == []
