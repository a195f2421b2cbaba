"""`deckbuilder import`: saved web pages and Word files become source documents that build into
the cards a hand transcription gives (goldens in tests/import/golden/, `make golden` rewrites)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest

from tests.import_support import (
    FIXTURES,
    GOLDEN,
    ROOT,
    cards,
    cards_diff,
    cards_diff_text,
    hand_source,
    import_fixture,
    png,
    run,
    saved_page,
)

SEED_MANIFEST = ROOT / "decks" / "breast-cancer-liver-metastasis.toml"


# -- goldens -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def imported(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, str]]:
    """Every fixture imported once: (the document written, what was printed on stderr)."""
    folder = tmp_path_factory.mktemp("imported")
    return {name: import_fixture(name, folder / name) for name in FIXTURES}


@pytest.mark.parametrize("name", FIXTURES)
def test_imported_document_matches_golden(name: str, imported: dict[str, tuple[Path, str]]) -> None:
    output, _ = imported[name]
    expected = (GOLDEN / f"{name}.md").read_text(encoding="utf-8")
    assert output.read_text(encoding="utf-8") == expected, "run `make golden` and review"


@pytest.mark.parametrize("name", FIXTURES)
def test_import_warnings_match_golden(name: str, imported: dict[str, tuple[Path, str]]) -> None:
    _, warnings = imported[name]
    assert warnings == (GOLDEN / f"{name}.warnings.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", FIXTURES)
def test_imported_cards_match_the_hand_transcription(
    name: str, imported: dict[str, tuple[Path, str]]
) -> None:
    """The import builds into the cards of a hand transcription of the same content; the few
    differences are listed in the golden NAME.cards-diff.txt."""
    output, _ = imported[name]
    hand = hand_source(name)
    n_hand, n_import, differences = cards_diff(hand, output)
    assert n_hand >= 7 and n_import >= 7, "the fixture makes cards of several kinds"
    assert len(differences) <= max(2, n_hand // 10), differences
    text = cards_diff_text(name, hand, output)
    assert text == (GOLDEN / f"{name}.cards-diff.txt").read_text(encoding="utf-8")


# -- what a page keeps and drops -----------------------------------------------------------------


def test_web_page_keeps_structure_and_drops_chrome(imported: dict[str, tuple[Path, str]]) -> None:
    text = imported["clinic-article"][0].read_text(encoding="utf-8")
    assert text.startswith(
        "---\ntitle: Gestational diabetes\n"
        "source: https://www.lakeside-womens-clinic.example/conditions/gestational-diabetes/\n"
        "publisher: Lakeside Women's Clinic\ndate: '2023-11-02'\n"
    )
    assert "\n# Gestational diabetes\n" in text
    assert "\n## Blood sugar targets\n" in text
    assert "| 2 hours after a meal | below 6.4 mmol/L<br>(if you test at 2 hours instead) |" in text
    assert "- **Metformin**: a tablet offered" in text
    assert "## Frequently asked questions\n\n### Will I need a caesarean?\n" in text
    for chrome in (
        "cookies",  # banner
        "Pregnancy care",  # navigation
        "Book now",  # call-to-action box
        "Worried about your blood sugar",
        "Share",  # share buttons
        "Related conditions",  # sidebar
        "Pregnancy newsletter",
        "Registered with the Care Quality Commission",  # footer
        "View profile",  # author box
    ):
        assert chrome not in text, chrome


def test_nested_lists_infobox_references_and_citation_marks(
    imported: dict[str, tuple[Path, str]],
) -> None:
    leaflet = imported["hospital-leaflet"][0].read_text(encoding="utf-8")
    assert (
        "3. Follow the low-fibre diet for 2 days before the test:\n"
        "   - eat white bread, white rice, pasta, chicken, fish and eggs\n"
    ) in leaflet
    assert "| Day before, 8am | Light breakfast from the low-fibre list.<br>After" in leaflet
    wiki = imported["wiki-page"][0].read_text(encoding="utf-8")
    assert "- **Specialty**: Internal medicine, nephrology" in wiki  # the infobox's rows
    assert "[edit]" not in wiki and "Jump to" not in wiki and "[3]" not in wiki
    assert "Contents" not in wiki and "Electrolyte disorders" not in wiki  # toc and navbox
    # Links are text, except real references.
    assert "| Kidney losses | Loop diuretics<br>Thiazide diuretics<br>" in wiki
    assert "[doi:10.1530/EC-18-0109](https://doi.org/10.1530/EC-18-0109)" in wiki
    assert "cite_ref" not in wiki


def test_faq_from_details_and_from_faqpage_json_ld(imported: dict[str, tuple[Path, str]]) -> None:
    details = imported["faq-details"][0].read_text(encoding="utf-8")
    assert "## Common questions\n\n### How far ahead should I get vaccinated?\n\nIdeally" in details
    jsonld = imported["faq-jsonld"][0].read_text(encoding="utf-8")
    # The accordion's questions are buttons the extractor drops: they come from the JSON-LD.
    assert jsonld.count("\n### ") == 3
    assert "## FAQ\n\n### How long does it take for iron tablets to work?\n\nHaemoglobin" in jsonld
    assert "Iron often causes **constipation**, dark stools" in jsonld
    faq = [c for c in cards(imported["faq-jsonld"][0]) if c["rule"] == "faq"]
    assert [c["front"] for c in faq] == [
        "How long does it take for iron tablets to work? (iron deficiency anaemia)",
        "Why do iron tablets upset my stomach? (iron deficiency anaemia)",
        "Should I take iron with orange juice? (iron deficiency anaemia)",
    ]


def test_local_images_copied_remote_ones_kept_as_links(
    imported: dict[str, tuple[Path, str]],
) -> None:
    output, warnings = imported["blog-sidebars"]
    text = output.read_text(encoding="utf-8")
    image = "![Injection sites on the abdomen and thighs](blog-sidebars-images/injection-sites.png)"
    assert image in text
    copied = output.parent / "blog-sidebars-images" / "injection-sites.png"
    assert copied.read_bytes() == png(3, 4)
    assert "[image: A 4 mm pen needle next to an 8 mm needle](https://blogger." in text
    assert "remote image kept as a link (nothing is downloaded)" in warnings
    assert "Cheap insulin pens" not in text and "You may also like" not in text  # comments, rail


def test_word_files_headings_lists_tables_images(imported: dict[str, tuple[Path, str]]) -> None:
    output, _ = imported["docx-handout"]
    text = output.read_text(encoding="utf-8")
    assert "title: Pressure ulcer prevention\nsource: pressure-ulcers.docx\n" in text
    assert "\n# Pressure ulcer prevention\n" in text and "\n## Who is at risk?\n" in text
    assert "\n### Repositioning a patient in bed\n" in text
    assert "2. Use a slide sheet, never drag the patient.\n   1. two staff for" in text
    assert "| 15 to 19 | High risk | Reposition every 2 to 4 hours<br>Pressure-relieving" in text
    assert "- **Skin inspection**: check pressure areas" in text
    assert "within **6 hours** of admission" in text
    assert "![](docx-handout-images/image1.png)" in text
    assert (output.parent / "docx-handout-images" / "image1.png").read_bytes() == png(4, 3)
    # No Title style: the file's name is the title, every Heading 1 a section.
    notes = imported["docx-lecture-notes"][0].read_text(encoding="utf-8")
    assert "\n# Sepsis\n\nSepsis is a life-threatening" in notes
    assert "\n## Red flags\n" in notes and "Deliver all six within *1 hour*:" in notes


# -- the seed article, end to end -----------------------------------------------------------------

ADVERTISING = (
    "Acibadem",
    "ACIBADEM",
    "Health Point",
    "Free Consultation",
    "Click To Call",
    "Call Now",
    "Book an Appointment",
    "state-of-the-art",
    "at the forefront",
    "See also",
    "+90 444",
    "Please enable JavaScript",
    "Select Your Gender",
)


def cut_flagged(text: str, warnings: str) -> str:
    """What a teacher does with the warnings: cut a flagged block whole, and from a flagged
    line the sentences with the flagged words."""
    lines = text.split("\n")
    drop: set[int] = set()
    for warning in warnings.splitlines():
        found = re.match(r"warning: [^:]+:(\d+): (?:lines \d+-(\d+) )?.*?\((.*)\): cut", warning)
        if not found:
            continue
        first = int(found.group(1))
        last = int(found.group(2) or first)
        if last > first:
            drop.update(range(first, last + 1))
            continue
        words = re.findall(r'"([^"]+)"', found.group(3))
        sentences = re.split(r"(?<=[.!?])\s+", lines[first - 1])
        kept = [s for s in sentences if not any(w in s for w in words)]
        lines[first - 1] = " ".join(kept)
    return "\n".join(line for n, line in enumerate(lines, 1) if n not in drop)


def test_seed_article_as_a_saved_page_builds_the_seed_decks_cards(tmp_path: Path) -> None:
    output, warnings = import_fixture("seed-clinic-article", tmp_path)
    text = output.read_text(encoding="utf-8")
    assert "publisher: Acibadem Healthcare Group" in text
    assert "source: https://www.acibademhealthpoint.com/breast-cancer-metastasis-to-liver/" in text
    # The site's chrome is gone; what advertising is left in the article is flagged.
    chrome = ("Get Free Consultation", "Click To Call", "Step 1 of 4", "See also", "Accept All",
              "Recent Posts", "Hospitals and Clinics", "Privacy Policy")  # fmt: skip
    for words in chrome:
        assert words not in text, words
    flagged_lines = {int(n) for n in re.findall(r":(\d+): ", warnings)}
    for number, line in enumerate(text.split("\n"), 1):
        if any(word in line for word in ADVERTISING) and not line.startswith(("# ", "publisher")):
            assert any(first <= number <= first + 2 for first in flagged_lines), line

    # The teacher cuts what was flagged, and builds with the seed deck's manifest.
    source = tmp_path / "source" / "breast-cancer-liver-metastasis.md"
    source.parent.mkdir()
    source.write_text(cut_flagged(text, warnings), encoding="utf-8")
    decks = tmp_path / "decks"
    decks.mkdir()
    manifest = decks / SEED_MANIFEST.name
    manifest.write_text(SEED_MANIFEST.read_text(encoding="utf-8"), encoding="utf-8")
    built = run("build", str(manifest), "-o", str(tmp_path / "seed.apkg"))
    assert built.exit_code == 0, built.output + built.stderr
    assert run("check", str(manifest)).exit_code == 0  # the manifest forbids the clinic's name

    seed = cards(SEED_MANIFEST)
    ours = cards(manifest)
    ours_keys = {(c["subdeck"], c["front"], c["back"]) for c in ours}
    for card in ours:
        for word in ADVERTISING:
            assert word not in card["front"] + card["back"], (word, card["front"])
    missing = [c for c in seed if (c["subdeck"], c["front"], c["back"]) not in ours_keys]
    # The "Blood Tests" paragraph is a term card of its own only in the hand transcription,
    # which gives the diagnostic table after it a heading the page has none of: on the page the
    # paragraph shares its section with more prose and the table.
    blood = [c for c in missing if c["rule"] == "term"]
    assert [c["front"] for c in blood] == ["Blood Tests in breast cancer liver metastases?"]
    missing = [c for c in missing if c["rule"] != "term"]
    # Otherwise only the trade-off table's wording differs: the manifest phrases the tables of a
    # section "Treatment Modalities Compared", a heading the hand transcription added (the page
    # has none). The same rows, columns and answers are asked.
    assert {c["subdeck"] for c in missing} <= {"Treatment Trade-offs"}
    assert len(missing) == 10 and all(c["rule"] == "table" for c in missing)
    asked = {
        (re.sub(r" \(treatment modality\) in ", " for ", c["front"]), c["back"])
        for c in ours
        if c["subdeck"] == "Treatment Trade-offs"
    }
    assert {(c["front"], c["back"]) for c in missing} <= asked
    for subdeck in ("FAQ", "Risk Factors & Prognosis"):
        assert [c for c in seed if c["subdeck"] == subdeck and c in missing] == []
    assert len(ours) == len(seed) - len(blood)


# -- the command ---------------------------------------------------------------------------------


def test_stdout_prints_the_document_and_writes_nothing(tmp_path: Path) -> None:
    page = saved_page("faq-details", tmp_path)
    result = run("import", str(page), "--stdout")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("---\ntitle: 'Travel vaccinations: your questions answered'")
    assert 'warning: <stdout>:23: looks like advertising (price "£45")' in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["faq-details.html"]


def test_default_output_and_next_steps(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    page = saved_page("hospital-leaflet", tmp_path / "Downloads")
    result = run("import", str(page))
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "wrote source/hospital-leaflet.md: 'Having a colonoscopy' from a web page"
    )
    assert "deckbuilder cards source/hospital-leaflet.md" in result.stdout
    assert (tmp_path / "source" / "hospital-leaflet.md").is_file()


def test_existing_output_is_kept_unless_force(tmp_path: Path) -> None:
    page = saved_page("faq-jsonld", tmp_path)
    target = tmp_path / "notes.md"
    target.write_text("my notes\n", encoding="utf-8")
    result = run("import", str(page), "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr == (
        f"error: {target}: already exists; pass --force to replace it, or choose another -o\n"
    )
    assert target.read_text(encoding="utf-8") == "my notes\n"
    assert run("import", str(page), "-o", str(target), "--force").exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("---\ntitle: Iron deficiency anaemia\n")


def _docx(tmp_path: Path, files: dict[str, bytes]) -> bytes:
    path = tmp_path / "zip.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path.read_bytes()


BAD_INPUTS = [
    ("notes.txt", b"Just some plain text notes.\n", "not a web page (.html) or a Word file"),
    ("scan.pdf", b"%PDF-1.7\n...", "PDF is not imported"),
    ("old.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old Word format"),
    ("page.html", b"", "the file is empty"),
    ("page.html", b"   \n\n  ", "the file is empty"),
    ("page.html", b"%PDF-1.4 not html", "is named like a web page but is not HTML"),
    ("page.html", b"<html><head><title>x</title></head><body>  </body></html>", "no text"),
    (
        "menu.html",
        b"<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li>"
        b"</ul></nav><p>Hi.</p></body></html>",
        "no main content found",
    ),
    ("handout.docx", b"this is not a zip", "not a .docx file (a .docx is a zip archive)"),
    ("handout.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", "password-protected"),
    ("handout.docx", b"PK\x03\x04broken", "the .docx is damaged"),
    ("handout.docx", "zip-without-document", "not a Word document (no word/document.xml)"),
    ("notes.md", b"# Notes\n", "already Markdown"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_INPUTS, ids=lambda v: str(v)[:24])
def test_bad_input_is_one_line_and_writes_nothing(
    tmp_path: Path, name: str, data: bytes | str, message: str
) -> None:
    if data == "zip-without-document":
        data = _docx(tmp_path, {"content.xml": b"<x/>"})
    assert isinstance(data, bytes)
    source = tmp_path / name
    source.write_bytes(data)
    output = tmp_path / "out" / "doc.md"
    result = run("import", str(source), "-o", str(output))
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    line, *rest = result.stderr.splitlines()
    assert rest == [] and "Traceback" not in result.stderr
    assert line.startswith(f"error: {source}: ") and message in line, line
    assert not output.parent.exists()


def test_huge_page_and_zip_bomb_are_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The limits (10 MB of page, 200 MB unpacked .docx), made small to keep the test fast."""
    monkeypatch.setattr("builder.importing.web.MAX_PAGE_BYTES", 100 * 1024)
    monkeypatch.setattr("builder.importing.word.MAX_UNPACKED_BYTES", 1024 * 1024)
    page = tmp_path / "huge.html"
    page.write_bytes(b"<html><body>" + b"<p>word </p>" * 20_000 + b"</body></html>")
    result = run("import", str(page), "--stdout")
    assert result.exit_code == 2 and result.stdout == ""
    assert "huge.html: the web page is 0.2 MB; the limit is 0.1 MB: save only" in result.stderr
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<w:document/>")
        archive.writestr("word/media/big.bin", b"\0" * (3 * 1024 * 1024))
    result = run("import", str(bomb), "--stdout")
    assert result.exit_code == 2
    assert "bomb.docx: the .docx unpacks to 3.0 MB; the limit is 1 MB" in result.stderr


def test_output_must_not_be_the_input_nor_both_modes(tmp_path: Path) -> None:
    page = saved_page("clinic-article", tmp_path)
    same = run("import", str(page), "-o", str(page))
    assert same.exit_code == 2
    assert "-o names the file being imported" in same.stderr
    not_md = run("import", str(page), "-o", str(tmp_path / "out.html"))
    assert not_md.exit_code == 2 and "name it NAME.md" in not_md.stderr
    both = run("import", str(page), "-o", str(tmp_path / "x.md"), "--stdout")
    assert both.exit_code == 2 and "either -o FILE or --stdout" in both.stderr
    assert not (tmp_path / "x.md").exists()


def test_help_explains_with_examples() -> None:
    result = run("import", "--help")
    assert result.exit_code == 0
    assert "deckbuilder import handout.docx -o source/handout.md" in result.output
    assert "--stdout" in result.output and "--force" in result.output
