"""Fixtures of `deckbuilder import`: saved web pages, Word files made here, their goldens.

tests/import/pages/NAME.html     a saved web page (its local images are made by `saved_page`)
tests/import/hand/NAME.md        a hand transcription of the same content, in our conventions
tests/import/golden/NAME.md      what `deckbuilder import` makes of it (reviewed)
tests/import/golden/NAME.warnings.txt   what it prints on stderr (flags, image notes)
tests/import/golden/NAME.cards-diff.txt the cards of the hand source and of the import compared

Word fixtures (`docx-*`) are built by `make_docx` with python-docx, so no binary is committed.
`python -m tests.import_golden` (part of `make golden`) rewrites the goldens; a test run never
does.
"""

from __future__ import annotations

import io
import json
import shutil
import struct
import zlib
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from builder.cli import cli

ROOT = Path(__file__).resolve().parent.parent
IMPORT = ROOT / "tests" / "import"
PAGES = IMPORT / "pages"
HAND = IMPORT / "hand"
GOLDEN = IMPORT / "golden"

WEB_FIXTURES = [
    "clinic-article",
    "hospital-leaflet",
    "wiki-page",
    "blog-sidebars",
    "faq-details",
    "faq-jsonld",
    "seed-clinic-article",
]
DOCX_FIXTURES = ["docx-handout", "docx-lecture-notes"]
FIXTURES = WEB_FIXTURES + DOCX_FIXTURES


def png(width: int = 2, height: int = 2, rgb: tuple[int, int, int] = (40, 120, 200)) -> bytes:
    """A small valid PNG."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        checksum = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + checksum

    row = b"\x00" + bytes(rgb) * width
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


#: Files a saved page has beside it ("Web page, complete"), made here instead of committed.
PAGE_ASSETS: dict[str, dict[str, bytes]] = {
    "blog-sidebars": {"blog-sidebars_files/injection-sites.png": png(3, 4)},
}


def saved_page(name: str, folder: Path) -> Path:
    """The saved page NAME copied into `folder` with the files its folder holds."""
    folder.mkdir(parents=True, exist_ok=True)
    page = folder / f"{name}.html"
    shutil.copyfile(PAGES / f"{name}.html", page)
    for relative, data in PAGE_ASSETS.get(name, {}).items():
        target = folder / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return page


# -- Word files ---------------------------------------------------------------------------------


def _list_numbering(document: Any, number_format: str, ident: int) -> int:
    """A two-level list definition in the document's numbering part, as Word writes one."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    text = "•" if number_format == "bullet" else "%1."
    nested = "o" if number_format == "bullet" else "%2."
    numbering = document.part.numbering_part.element
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {ns} w:abstractNumId="{ident}">'
            f'<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{text}"/></w:lvl>'
            f'<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="{number_format}"/>'
            f'<w:lvlText w:val="{nested}"/></w:lvl></w:abstractNum>'
        ),
    )
    numbering.append(
        parse_xml(f'<w:num {ns} w:numId="{ident}"><w:abstractNumId w:val="{ident}"/></w:num>')
    )
    return ident


def _item(document: Any, text: str, numbering: int, level: int = 0, bold: str = "") -> None:
    """A list paragraph as Word writes it: `w:numPr` with the list and the level."""
    from docx.oxml import parse_xml

    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    paragraph = document.add_paragraph(style="List Paragraph")
    if bold:
        paragraph.add_run(bold).bold = True
    paragraph.add_run(text)
    paragraph._p.get_or_add_pPr().append(
        parse_xml(
            f'<w:numPr {ns}><w:ilvl w:val="{level}"/><w:numId w:val="{numbering}"/></w:numPr>'
        )
    )


def _table(document: Any, rows: list[list[str]], header: bool = True) -> None:
    """A table; a cell's lines (split at "\\n") are separate paragraphs, as typed in Word."""
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            cell = table.cell(r, c)
            first, *rest = text.split("\n")
            cell.text = ""
            run = cell.paragraphs[0].add_run(first)
            run.bold = header and r == 0
            for line in rest:
                cell.add_paragraph(line)


def _handout(document: Any) -> None:
    """A nursing handout: Title, headings, bullets with bold terms, a nested numbered list,
    a table with multi-line cells, an image and an FAQ."""
    document.core_properties.title = "Document1"  # Word's default: not the title
    bullets = _list_numbering(document, "bullet", 90)
    numbers = _list_numbering(document, "decimal", 91)
    document.add_heading("Pressure ulcer prevention", 0)
    document.add_paragraph(
        "A pressure ulcer is damage to the skin and the tissue under it, caused by pressure "
        "over a bony area. Up to 10% of patients admitted to hospital develop one."
    )
    document.add_heading("Who is at risk?", 1)
    document.add_paragraph("Risk is highest in patients who:")
    for text in (
        "cannot move without help",
        "are incontinent",
        "are poorly nourished",
        "have reduced sensation",
    ):
        _item(document, text, bullets)
    document.add_heading("Assessment", 1)
    paragraph = document.add_paragraph("Every patient is assessed within ")
    paragraph.add_run("6 hours").bold = True
    paragraph.add_run(" of admission with a validated tool, such as the Waterlow score.")
    _table(
        document,
        [
            ["Waterlow score", "Risk", "Action"],
            ["10 to 14", "At risk", "Reposition every 4 hours"],
            ["15 to 19", "High risk", "Reposition every 2 to 4 hours\nPressure-relieving mattress"],
            ["20 and above", "Very high risk", "Reposition every 2 hours\nSpecialist mattress"],
        ],
    )
    document.add_heading("Prevention", 1)
    document.add_paragraph("The SSKIN bundle groups the five parts of prevention:")
    for term, text in (
        ("Surface", ": the right mattress and cushion"),
        ("Skin inspection", ": check pressure areas at every repositioning"),
        ("Keep moving", ": reposition and encourage mobility"),
        ("Incontinence", ": keep the skin clean and dry"),
        ("Nutrition", ": screen and support eating and drinking"),
    ):
        _item(document, text, bullets, bold=term)
    document.add_heading("Repositioning a patient in bed", 2)
    for level, text in (
        (0, "Explain what you are going to do."),
        (0, "Use a slide sheet, never drag the patient."),
        (1, "two staff for a patient who cannot help"),
        (1, "a hoist if the patient cannot bear weight"),
        (0, "Tilt the patient 30 degrees onto their side, supported by pillows."),
        (0, "Record the new position and the time."),
    ):
        _item(document, text, numbers, level)
    document.add_picture(io.BytesIO(png(4, 3)))
    document.add_heading("FAQ", 1)
    document.add_heading("Can a pressure ulcer develop in a few hours?", 2)
    document.add_paragraph(
        "Yes. In a patient at very high risk, damage can start within 2 hours of pressure."
    )
    document.add_heading("Should red skin be massaged?", 2)
    document.add_paragraph("No. Massage damages the tissue further; relieve the pressure instead.")


def _lecture_notes(document: Any) -> None:
    """Lecture notes with no Title style: Heading 1 sections under a file-name title,
    italics, a table without a bold header row, and text that advertises."""
    bullets = _list_numbering(document, "bullet", 92)
    document.add_heading("Sepsis", 1)
    document.add_paragraph(
        "Sepsis is a life-threatening organ dysfunction caused by a dysregulated host response "
        "to infection. Septic shock has a hospital mortality above 40%."
    )
    document.add_heading("Red flags", 1)
    document.add_paragraph("Think sepsis in a patient with an infection and any of:")
    for text in (
        "a respiratory rate of 25 or more",
        "a systolic blood pressure of 90 mmHg or less",
        "a new need for oxygen",
        "new confusion",
    ):
        _item(document, text, bullets)
    document.add_heading("The Sepsis Six", 1)
    paragraph = document.add_paragraph("Deliver all six within ")
    paragraph.add_run("1 hour").italic = True
    paragraph.add_run(":")
    _table(
        document,
        [
            ["Give", "Take"],
            ["Oxygen to keep saturations 94 to 98%", "Blood cultures"],
            ["Intravenous antibiotics", "Blood lactate and full blood count"],
            ["Intravenous fluids", "Urine output measurement"],
        ],
        header=False,
    )
    document.add_heading("Course information", 1)
    document.add_paragraph(
        "Book your place on the next simulation day: call 020 7946 0321 or visit our "
        "training centre. Places cost £120."
    )


DOCX_BUILDERS: dict[str, Callable[[Any], None]] = {
    "docx-handout": _handout,
    "docx-lecture-notes": _lecture_notes,
}


#: The Word files' names, as a teacher saves them.
DOCX_FILES = {"docx-handout": "pressure-ulcers.docx", "docx-lecture-notes": "sepsis.docx"}


def make_docx(name: str, folder: Path) -> Path:
    """The Word fixture NAME, written into `folder` under its file name (DOCX_FILES)."""
    import docx

    document = docx.Document()
    DOCX_BUILDERS[name](document)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DOCX_FILES[name]
    document.save(str(path))
    return path


def fixture_input(name: str, folder: Path) -> Path:
    """The file to import for fixture NAME, made in `folder`."""
    if name in DOCX_BUILDERS:
        return make_docx(name, folder)
    return saved_page(name, folder)


# -- running the CLI ---------------------------------------------------------------------------


def run(*args: str) -> Any:
    """`deckbuilder ARGS` through click's runner (stdout and stderr apart)."""
    return CliRunner().invoke(cli, list(args))


def import_fixture(name: str, folder: Path) -> tuple[Path, str]:
    """Import fixture NAME into `folder`/out/NAME.md; returns the document and stderr with
    the folder's path taken out (as the golden warnings are written)."""
    source = fixture_input(name, folder / "in")
    output = folder / "out" / f"{name}.md"
    result = run("import", str(source), "-o", str(output))
    assert result.exit_code == 0, result.output + result.stderr
    return output, result.stderr.replace(str(output), f"{name}.md")


def cards(path: Path) -> list[dict[str, Any]]:
    result = run("cards", str(path), "--format", "json")
    assert result.exit_code == 0, result.output + result.stderr
    records: list[dict[str, Any]] = json.loads(result.stdout)
    return records


def card_text(card: dict[str, Any]) -> str:
    back = card["back"].replace("\n", " / ")
    return f"[{card['rule']}] {card['front']}" + (f" -> {back}" if back else "")


def cards_diff(hand: Path, imported: Path) -> tuple[int, int, list[str]]:
    """(cards of the hand source, cards of the import, the differences: `- ` only in the hand
    source, `+ ` only in the import). Cards are compared by rule, front and back."""
    left, right = cards(hand), cards(imported)
    a = Counter(card_text(c) for c in left)
    b = Counter(card_text(c) for c in right)
    lines = [f"- {text}" for text in sorted((a - b).elements())]
    lines += [f"+ {text}" for text in sorted((b - a).elements())]
    return len(left), len(right), lines


def cards_diff_text(name: str, hand: Path, imported: Path) -> str:
    n_hand, n_import, lines = cards_diff(hand, imported)
    head = (
        f"# {name}: {n_hand} cards from {hand.relative_to(ROOT)}, {n_import} from the "
        f"import; {len(lines)} differ\n"
    )
    return head + "".join(line + "\n" for line in lines)


def hand_source(name: str) -> Path:
    """The hand transcription fixture NAME is compared with (the seed deck's own source for
    the seed article)."""
    if name == "seed-clinic-article":
        return ROOT / "source" / "breast-cancer-liver-metastasis.md"
    return HAND / f"{name}.md"
