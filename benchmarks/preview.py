"""How fast the preview answers in headless Chromium: a 40,000-card page (issue 16), and a save
under `deckbuilder serve` (issue 18).

    python -m benchmarks.preview                      # 30k items (over 40,000 cards), 3 runs
    python -m benchmarks.preview --repeat 5

The page draws only the cards near the screen, so it must show its first cards, and answer a
search over every card, within `OPENS_WITHIN` seconds (it took 45 s when every card was HTML).
Each run opens the page in a fresh browser window and times navigation → first card visible, then
typing → the search's count. Under `serve`, a question saved into the seed deck's source must show
on the open page within `LIVE_WITHIN` seconds. `make bench` (`benchmarks/run.py`) adds these rows
to its targets; tests/test_preview_browser.py and tests/test_serve_browser.py check the same pages
work, without a clock.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from .generate import write_deck

LARGE_ITEMS = 30_000
"""Items of benchmarks.generate that make a deck of over 40,000 cards."""
OPENS_WITHIN = 3.0
"""Seconds from navigation to the first cards on screen, and from typing to the search's count."""
LIVE_WITHIN = 2.0
"""Seconds from saving the source to the new card on the page `deckbuilder serve` keeps open."""
SEED_MANIFEST = "decks/breast-cancer-liver-metastasis.toml"
SEED_SOURCE = "source/breast-cancer-liver-metastasis.md"
QUERY = "vepaveno"
"""A generated word that some cards hold and most do not."""
BROWSERS = (
    "/usr/bin/chromium",
    "/usr/bin/google-chrome",
    "/usr/bin/google-chrome-stable",
    "/usr/bin/chromium-browser",
)
"""Where a Chromium may be: Debian's package, or the Google Chrome GitHub's runner images ship
(`make browser` accepts the same list). `DECKBUILDER_CHROMIUM` names another."""
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]


def find_chromium() -> Path:
    """The browser to drive: `DECKBUILDER_CHROMIUM`, else the first of BROWSERS there."""
    named = os.environ.get("DECKBUILDER_CHROMIUM")
    if named:
        return Path(named)
    return next((Path(b) for b in BROWSERS if Path(b).exists()), Path(BROWSERS[0]))


def _times(page: Any, url: str, total: int) -> tuple[float, float]:
    """Seconds to the first card on screen, then from typing QUERY to the search's new count."""
    from playwright.sync_api import expect

    items, count = page.locator(".pv-item"), page.locator("#pv-count")
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    expect(items.first).to_be_visible(timeout=60_000)
    opened = time.perf_counter() - started
    expect(count).to_have_text(f"{total} of {total} cards", timeout=60_000)
    typed = time.perf_counter()
    page.locator("#pv-q").fill(QUERY)
    expect(count).not_to_have_text(f"{total} of {total} cards", timeout=60_000)
    return opened, time.perf_counter() - typed


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_preview(work: Path, repeat: int = 3) -> dict[str, Any] | None:
    """Seconds to open and to search, one per fresh window; None when there is no Chromium."""
    from playwright.sync_api import sync_playwright

    from builder import load_manifest, plan_deck
    from builder.preview import write_preview

    chromium = find_chromium()
    if not chromium.exists():
        _log(f"[preview] no Chromium at {chromium}: 'make browser' installs one; skipped")
        return None
    folder = work / "preview"
    plan = plan_deck(load_manifest(write_deck(LARGE_ITEMS, 16, folder)))
    output = folder / "large.html"
    write_preview(plan, output)
    opened: list[float] = []
    searched: list[float] = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(chromium), args=CHROMIUM_ARGS, headless=True
        )
        try:
            for attempt in range(repeat):
                _log(f"[preview] {plan.cards:,} cards ({attempt + 1}/{repeat})")
                context = browser.new_context(viewport={"width": 1366, "height": 900})
                try:
                    first, search = _times(context.new_page(), output.as_uri(), plan.cards)
                finally:
                    context.close()
                opened.append(first)
                searched.append(search)
            live = _live(browser, work, repeat)
        finally:
            browser.close()
    shutil.rmtree(folder, ignore_errors=True)
    return {"cards": plan.cards, "opened": opened, "searched": searched, "live": live}


def _save_question(source: Path, question: str) -> None:
    """A question added at the top of the seed's FAQ, saved as editors do (a file renamed over)."""
    text = source.read_text(encoding="utf-8")
    temporary = source.with_name(f".{source.name}.saving")
    temporary.write_text(
        text.replace("\n## FAQ\n", f"\n## FAQ\n\n### {question}\n\nYes.\n", 1), encoding="utf-8"
    )
    os.replace(temporary, source)


def _live(browser: Any, work: Path, repeat: int) -> list[float]:
    """Seconds from each of `repeat` saves to its new card on the page `serve` keeps open."""
    from playwright.sync_api import expect

    from builder import load_manifest
    from builder.serve import DeckServer

    root = Path(__file__).resolve().parent.parent
    project = work / "served"
    for folder in ("decks", "source"):
        shutil.copytree(root / folder, project / folder)
    manifest = project / SEED_MANIFEST
    seconds: list[float] = []
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    with DeckServer(manifest, lambda: load_manifest(manifest), log=lambda line: None) as server:
        server.start()
        try:
            page = context.new_page()
            page.goto(server.url)
            expect(page.locator("#pv-conn")).to_have_text("Live", timeout=60_000)
            for attempt in range(repeat):
                _log(f"[serve] a saved question on the open page ({attempt + 1}/{repeat})")
                question = f"Does saved question {attempt + 1} show at once?"
                saved = time.perf_counter()
                _save_question(project / SEED_SOURCE, question)
                card = page.locator(".pv-item", has_text=question)
                expect(card).to_be_attached(timeout=60_000)
                seconds.append(time.perf_counter() - saved)
        finally:
            context.close()
    shutil.rmtree(project, ignore_errors=True)
    return seconds


def rows(measured: dict[str, Any]) -> list[dict[str, Any]]:
    """The target rows (median seconds against their limits), as benchmarks/run.py shows them."""
    label = f"{measured['cards'] // 1000}k-card preview"
    result = []
    for target, key, limit in (
        (f"{label}: first cards on screen", "opened", OPENS_WITHIN),
        (f"{label}: search's new count", "searched", OPENS_WITHIN),
        ("serve: a saved question on the open page (seed deck)", "live", LIVE_WITHIN),
    ):
        seconds = statistics.median(measured[key])
        result.append(
            {
                "target": target,
                "value": seconds,
                "shown": f"{seconds:.2f} s",
                "limit": f"<= {limit:g} s",
                "verdict": "PASS" if seconds <= limit else "FAIL",
            }
        )
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="fresh windows timed (median)")
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="deckbuilder-preview-"))
    try:
        measured = measure_preview(work, args.repeat)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if measured is None:
        return 1
    table = rows(measured)
    for row in table:
        print(f"{row['target']}: {row['shown']} ({row['limit']}) {row['verdict']}")
    return 0 if all(row["verdict"] == "PASS" for row in table) else 1


if __name__ == "__main__":
    sys.exit(main())
