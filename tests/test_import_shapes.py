"""`deckbuilder import` on small pages, one shape each: FAQ markup, tables, charsets, images,
and which lines the advertising check flags."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from builder.importing.adverts import find_advertising
from tests.import_support import png, run

FILLER = (
    "<p>Hand hygiene is the single most effective way to prevent the spread of infection in "
    "hospital. Staff clean their hands before and after every patient contact, after body "
    "fluid exposure and after touching the patient's surroundings.</p>"
)


def page(body: str, head: str = "<title>Hand hygiene</title>") -> str:
    return (
        f"<!DOCTYPE html><html><head><meta charset='utf-8'>{head}</head><body>"
        "<nav><ul><li><a href='/'>Home</a></li><li><a href='/wards'>Wards</a></li></ul></nav>"
        f"<main><article><h1>Hand hygiene</h1>{FILLER}{body}</article></main>"
        "<footer><p>© Riverside Hospital</p></footer></body></html>"
    )


def imported(tmp_path: Path, html: str | bytes, *args: str) -> tuple[str, str]:
    path = tmp_path / "page.html"
    path.write_bytes(html.encode("utf-8") if isinstance(html, str) else html)
    result = run("import", str(path), *(args or ("--stdout",)))
    assert result.exit_code == 0, result.stderr
    return result.stdout, result.stderr


def test_details_outside_an_faq_section_get_one(tmp_path: Path) -> None:
    text, _ = imported(
        tmp_path,
        page(
            "<h2>The five moments</h2><p>Clean your hands at five moments of care, including "
            "before touching a patient and after touching a patient.</p>"
            "<details><summary>Are gloves a substitute for hand hygiene?</summary>"
            "<p>No. Clean your hands before putting gloves on and after taking them off.</p>"
            "</details><details><summary>How long should a hand rub take?</summary>"
            "<p>20 to 30 seconds, until the hands are dry.</p></details>"
        ),
    )
    assert (
        "## FAQ\n\n### Are gloves a substitute for hand hygiene?\n\nNo. Clean your hands "
        "before putting gloves on and after taking them off.\n\n"
        "### How long should a hand rub take?\n\n20 to 30 seconds"
    ) in text


def test_faq_microdata(tmp_path: Path) -> None:
    question = (
        "<div itemscope itemprop='mainEntity' itemtype='https://schema.org/Question'>"
        "<h3 itemprop='name'>{q}</h3><div itemscope itemprop='acceptedAnswer' "
        "itemtype='https://schema.org/Answer'><div itemprop='text'><p>{a}</p></div></div></div>"
    )
    text, _ = imported(
        tmp_path,
        page(
            "<section itemscope itemtype='https://schema.org/FAQPage'>"
            + question.format(q="Is alcohol rub enough after C. difficile?", a="No: use soap.")
            + question.format(q="Can I wear rings?", a="Only a plain band.")
            + "</section>"
        ),
    )
    assert "## FAQ\n\n### Is alcohol rub enough after C. difficile?\n\nNo: use soap." in text
    assert "### Can I wear rings?\n\nOnly a plain band." in text


def test_table_spans_captions_and_bullets_in_cells(tmp_path: Path) -> None:
    text, _ = imported(
        tmp_path,
        page(
            "<h2>Products</h2><table><caption>Which product when</caption>"
            "<tr><th>Situation</th><th>Product</th><th>Time</th></tr>"
            "<tr><td rowspan='2'>Routine care</td><td>Alcohol rub</td><td>20 s</td></tr>"
            "<tr><td>Soap and water</td><td>40 s</td></tr>"
            "<tr><td>Diarrhoea</td><td colspan='2'>Soap and water only</td></tr>"
            "<tr><td>Visibly dirty hands</td><td>• Soap<br>• Water</td>"
            "<td>40 s | more</td></tr></table>"
        ),
    )
    assert (
        "Which product when\n\n"
        "| Situation | Product | Time |\n|---|---|---|\n"
        "| Routine care | Alcohol rub | 20 s |\n"
        "| Routine care | Soap and water | 40 s |\n"
        "| Diarrhoea | Soap and water only |  |\n"
        "| Visibly dirty hands | Soap<br>Water | 40 s \\| more |\n"
    ) in text


def test_declared_and_undeclared_windows_1252(tmp_path: Path) -> None:
    body = page("<h2>Café hygiene</h2><p>Naïve staff – and “quotes” too.</p>")
    declared = body.replace("charset='utf-8'", "charset='windows-1252'").encode("cp1252")
    text, _ = imported(tmp_path, declared)
    assert "## Café hygiene\n\nNaïve staff – and “quotes” too." in text
    undeclared = body.replace("<meta charset='utf-8'>", "").encode("cp1252")
    text, _ = imported(tmp_path, undeclared)
    assert "## Café hygiene" in text


def test_images_local_and_outside_the_page_folder(tmp_path: Path) -> None:
    (tmp_path / "page_files").mkdir()
    (tmp_path / "page_files" / "steps.png").write_bytes(png(5, 5))
    (tmp_path / "page_files" / "steps copy.png").write_bytes(png(5, 5))
    (tmp_path.parent / "secret.png").write_bytes(png(1, 1))
    html = page(
        "<h2>Technique</h2>"
        f"<p><img src='page_files/steps.png' alt='The six steps'></p>{FILLER}"
        f"<p><img src='page_files/steps%20copy.png' alt='Again'></p>{FILLER}"
        f"<p><img src='../secret.png' alt='Outside'></p>{FILLER}"
    )
    out = tmp_path / "notes" / "hygiene.md"
    _, stderr = imported(tmp_path, html, "-o", str(out))
    text = out.read_text(encoding="utf-8")
    assert "![The six steps](hygiene-images/steps.png)" in text
    assert "![Again](hygiene-images/steps.png)" in text  # the same image is copied once
    assert "Outside" not in text
    assert "note: image '../secret.png' not found beside the page, or not an image" in stderr
    assert [p.name for p in (out.parent / "hygiene-images").iterdir()] == ["steps.png"]
    assert (out.parent / "hygiene-images" / "steps.png").read_bytes() == png(5, 5)
    # With --stdout there is no folder to copy to: the images are left out, and said so.
    text, stderr = imported(tmp_path, html)
    assert "![" not in text
    assert "note: 3 local image(s) left out with --stdout" in stderr


@pytest.mark.parametrize(
    ("line", "reasons"),
    [
        ("Call us on 0161 496 0123 to book.", ['call to action "Call us"', "phone number"]),
        ("Telephone +44 (0)20 7946 0000 today.", ["phone number"]),
        ("Book an appointment with our specialists.", ['call to action "Book an appointment"']),
        ("Consultations from £95.", ['price "£95"']),
        ("Riverside Clinic is at the forefront of care.", ['names the site "Riverside Clinic"']),
        ("See also: How to know if you have asthma", ['related-article link "See also"']),
        ("Tumor markers such as CA 15-3 are raised in 15-27% of cases.", []),
        ("BRCA1, BRCA2 and TP53 mutations; published 2024-03-05.", []),
        ("A dose of 1,000 mg twice daily for 7 to 10 days.", []),
        ("Call 999 if the patient stops breathing.", []),
    ],
)
def test_advertising_flags(line: str, reasons: list[str]) -> None:
    flags = find_advertising(f"---\ntitle: x\n---\n\n{line}\n", ["Riverside Clinic"])
    found = " ".join(" ".join(flag.reasons) for flag in flags)
    for reason in reasons:
        assert reason in found, found
    if not reasons:
        assert flags == []
    else:
        assert [flag.line for flag in flags] == [5]


TAGS = (
    "p h2 h3 ul ol li table tr td th details summary b i a br div dl dt dd img sup blockquote pre"
).split()
WORDS = [
    "Sepsis kills 11 million people a year.",
    "|",
    "*",
    "1. ",
    "#",
    "<img src='x.png'>",
    "&amp;",
    "Q: why?",
    "\u00a0",
    "`",
]
EXAMPLES = int(os.environ.get("IMPORT_SOUP_EXAMPLES", "25"))


@settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    st.lists(
        st.one_of(
            st.sampled_from([f"<{t}>" for t in TAGS] + [f"</{t}>" for t in TAGS]),
            st.sampled_from(WORDS),
        ),
        max_size=60,
    )
)
def test_any_tag_soup_imports_or_fails_with_one_line(tmp_path: Path, parts: list[str]) -> None:
    """Whatever the page holds, the import writes a document the builder reads, or says in one
    line why it cannot."""
    html = page("".join(parts) + FILLER)
    path = tmp_path / "soup.html"
    path.write_text(html, encoding="utf-8")
    result = run("import", str(path), "--stdout")
    if result.exit_code != 0:
        assert result.exit_code == 2 and len(result.stderr.splitlines()) == 1, result.stderr
        return
    document = tmp_path / "soup.md"
    document.write_text(result.stdout, encoding="utf-8")
    listed = run("cards", str(document), "--format", "json")
    assert listed.exit_code == 0, listed.stderr


def test_markdown_written_on_the_page_stays_text_on_the_card(tmp_path: Path) -> None:
    """A page that shows Markdown or an entity as text (a page about writing notes) gives a card
    that shows the same: never a link, an image of the teacher's disk, or another character."""
    shown = [
        "[a link](https://example.org/x)",
        "![an image](../../notes/secret.png)",
        "*stars*",
        "&amp;copy;",
        "[[a wikilink]]",
    ]
    answer = " and ".join(shown)
    html = page(
        "<h2>FAQ</h2><h3>What does the page write?</h3>"
        f"<p>It writes {answer.replace('&', '&amp;')} as text.</p>"
    )
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "secret.png").write_bytes(png())
    text, _ = imported(tmp_path, html)
    document = tmp_path / "source" / "page.md"
    document.parent.mkdir()
    document.write_text(text, encoding="utf-8")
    built = run("build", str(document), "-o", str(tmp_path / "page.apkg"))
    assert built.exit_code == 0, built.stderr

    from tests.ankiutil import card_texts, import_apkg, open_collection

    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_apkg(col, tmp_path / "page.apkg")
        assert col.media.check().missing == [] and os.listdir(col.media.dir()) == []
        (back,) = [text for text in card_texts(col) if "It writes" in text]
    finally:
        col.close()
    assert f"It writes {answer} as text." in back, back
