"""trafilatura against readability-lxml on the import fixtures (docs/import.md, "Why trafilatura").

    .venv/bin/python -m tests.import_compare

For each saved page, each extractor's main content goes through the same Markdown writer and
FAQ shaping as `deckbuilder import`, and is then measured as a teacher would judge it:

- cards: how many of the hand transcription's cards the result makes (same rule, front and
  back), and how many cards it makes that the hand transcription does not;
- chrome: how many of the page's known non-content strings (navigation, banners, calls to
  action, sidebars, footers: `CHROME` below) are left in the document;
- structure: headings, table rows and nested list items kept.

Not part of the test run: readability-lxml is a test-only dependency for this comparison.
"""

from __future__ import annotations

import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.import_support import WEB_FIXTURES, card_text, cards, hand_source, saved_page

#: Strings of each page that are not its content.
CHROME: dict[str, list[str]] = {
    "clinic-article": ["cookies", "Pregnancy care", "Book now", "Worried about your blood",
                       "Share", "Related conditions", "newsletter", "Care Quality Commission",
                       "View profile", "Medically reviewed", "0161 496 0123"],
    "hospital-leaflet": ["Skip to main content", "Visiting:", "Search this website",
                         "On this page", "Was this page helpful", "Leaflet number",
                         "Accessibility", "Switchboard", "Download this leaflet"],
    "wiki-page": ["Jump to", "[edit]", "Contents", "Navigation menu", "Create account",
                  "Electrolyte disorders", "Categories", "Retrieved from", "Support us",
                  "last edited"],
    "blog-sidebars": ["About Me", "Blog Archive", "Email This", "Labels", "You may also like",
                      "comments", "Cheap insulin", "Newer Post", "Follow by Email",
                      "Popular Posts", "Powered by"],
    "faq-details": ["cookies", "Basket", "Free UK delivery", "Book a travel consultation",
                    "opening hours", "Malaria tablets", "GPhC", "Everything you need to know"],
    "faq-jsonld": ["video appointments", "Book an appointment", "Feeling tired",
                   "Related conditions", "Registered in England", "0330 088 1234",
                   "Reviewed by"],
    "seed-clinic-article": ["Get Free Consultation", "Step 1 of 4", "Select Your Gender",
                            "Book an Appointment", "Call Now", "See also", "Accept All",
                            "Recent Posts", "Hospitals and Clinics", "Privacy Policy",
                            "Free Second Opinion", "Share:", "Health Blog", "Health Point"],
}  # fmt: skip


def trafilatura_document(page: Path, **options: Any) -> str:
    """The page as `deckbuilder import` writes it (trafilatura, with `options` changed)."""
    import trafilatura

    original = trafilatura.bare_extraction

    def extraction(*args: Any, **kwargs: Any) -> Any:
        return original(*args, **{**kwargs, **options})

    try:
        trafilatura.bare_extraction = extraction
        return _import(page)
    finally:
        trafilatura.bare_extraction = original


def readability_document(page: Path) -> str:
    """The page's main content by readability-lxml, through the same writer and shaping."""
    import lxml.html
    from readability import Document

    from builder.importing import _answer_blocks
    from builder.importing import web as import_web
    from builder.importing.markdown import ImageSink, html_blocks, render, shape_faq, shape_headings

    data = page.read_bytes()
    document = Document(import_web.decode(data))
    summary = lxml.html.fragment_fromstring(document.summary(html_partial=True))
    # The page's own questions and FAQPage entries, as the importer reads them.
    tree = lxml.html.document_fromstring(import_web.decode(data))
    questions = [re.sub(r"\s+", " ", s.text_content()).strip() for s in tree.iter("summary")]
    faq = import_web._faq_jsonld(list(import_web._json_ld(tree)))
    images = ImageSink()
    title, blocks = shape_headings(html_blocks(summary, images), document.short_title())
    blocks = shape_faq(blocks, questions, faq, lambda html: _answer_blocks(html, images))
    return render(title, blocks)


def _import(page: Path) -> str:
    from builder.importing import import_file

    return import_file(page, None).markdown


def measure(name: str, text: str, folder: Path) -> dict[str, Any]:
    path = folder / f"{name}.md"
    path.write_text(text, encoding="utf-8")
    hand = Counter(card_text(c) for c in cards(hand_source(name)))
    made = Counter(card_text(c) for c in cards(path))
    return {
        "cards": sum((hand & made).values()),
        "hand": sum(hand.values()),
        "extra": sum((made - hand).values()),
        "chrome": sum(1 for words in CHROME[name] if words in text),
        "chrome_total": len(CHROME[name]),
        "headings": len(re.findall(r"^#{2,6} ", text, re.MULTILINE)),
        "table_rows": len(re.findall(r"^\| ", text, re.MULTILINE)),
        "nested_items": len(re.findall(r"^ {2,}(- |\d+\. )", text, re.MULTILINE)),
    }


def main() -> int:
    extractors: dict[str, Callable[[Path], str]] = {
        "trafilatura (ours)": trafilatura_document,
        "trafilatura favor_precision": lambda p: trafilatura_document(p, favor_precision=True),
        "readability-lxml": readability_document,
    }
    totals: dict[str, Counter[str]] = {label: Counter() for label in extractors}
    print("| page | extractor | hand cards made | extra cards | chrome left | headings | "
          "table rows | nested items | ms |")  # fmt: skip
    print("|---|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as temporary:
        folder = Path(temporary)
        for name in WEB_FIXTURES:
            page = saved_page(name, folder / name)
            for label, extract in extractors.items():
                start = time.perf_counter()
                try:
                    text = extract(page)
                except Exception as exc:  # an extractor that fails on a page is a result
                    print(f"| {name} | {label} | failed: {exc} | | | | | | |")
                    continue
                elapsed = (time.perf_counter() - start) * 1000
                m = measure(name, text, folder / name)
                totals[label].update(m)
                print(
                    f"| {name} | {label} | {m['cards']}/{m['hand']} | {m['extra']} | "
                    f"{m['chrome']}/{m['chrome_total']} | {m['headings']} | {m['table_rows']} | "
                    f"{m['nested_items']} | {elapsed:.0f} |"
                )
    print()
    for label, total in totals.items():
        print(
            f"{label}: {total['cards']}/{total['hand']} hand cards, {total['extra']} extra, "
            f"{total['chrome']}/{total['chrome_total']} chrome strings left"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
