"""Dialect leftovers (builder/dialects.py) as a card shows them: Pandoc sub- and superscripts
rendered as such, and headings made plain text for the line above every card."""

from __future__ import annotations

import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder import DeckPlan
from builder.build import plan_deck
from builder.dialects import (
    _Worded,
    abbreviation_lines,
    closed_bold,
    content_tabs,
    definition_lists,
    examiner_prompts,
    full_width_stops,
    glued_items,
    glyph_lists,
    heading,
    inline_cleaner,
    logseq_outline,
    merge_conflicts,
    pandoc_tables,
    pdf_lists,
    pdf_text,
    provenance_asides,
    reading_levels,
    run_in_labels,
    scored_steps,
    slide_pages,
    spaced_headings,
    step_fields,
    table_footnotes,
    template_tags,
    tex_math,
    tree_fences,
)
from builder.document import Document, ListBlock, RawBlock, parse_document
from builder.lint import leftover_markup
from builder.manifest import manifest_for_source
from builder.text import plain


def planned(text: str, name: str = "korrin.md") -> DeckPlan:
    """What a zero-config build plans from `text` saved as `name`: its notes, fields, warnings."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / name
        source.write_text(text, encoding="utf-8")
        return plan_deck(manifest_for_source(source))


def rewritten(text_pass: Callable[[str], str], text: str) -> str:
    """`text_pass(text)`, a whole-text rewrite before parsing, which keeps every line's number
    (cards cite their source line)."""
    written = text_pass(text)
    assert written.count("\n") == text.count("\n")
    return written


def test_pandoc_sub_and_superscripts_become_html_and_nothing_else_does() -> None:
    text = (
        "- If SpO~2~ > 92%, give 100% O~2~ and H~2~O\n"
        "- About ~5 mg, not ~~10 mg~~; see `SpO~2~` and x^2^, Ca^2+^, footnote[^1]\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    first, second = text.splitlines()
    assert clean(first) == "- If SpO<sub>2</sub> > 92%, give 100% O<sub>2</sub> and H<sub>2</sub>O"
    assert clean(second) == (
        "- About ~5 mg, not ~~10 mg~~; see `SpO~2~` and x<sup>2</sup>, Ca<sup>2+</sup>, footnote"
    )
    assert inline_cleaner("About ~5 mg, or ~~10 mg~~, 3 ~ 4 and 2^10 = 1024.") is None


def test_a_superscript_opening_a_bold_run_or_a_word_is_rendered_too() -> None:
    text = "- **^15^N korrin test**\n- Give ^99m^Tc velbarate, not 2^10 or a ^ b\n"
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("**^15^N korrin test**") == "**<sup>15</sup>N korrin test**"
    assert clean("^99m^Tc velbarate") == "<sup>99m</sup>Tc velbarate"
    assert clean("not 2^10 or a ^ b") == "not 2^10 or a ^ b"
    shown = " ".join(
        value
        for note in planned("# Korrin\n\n## Tests\n\n" + text).notes
        for value in note.fields.values()
    )
    assert "^15^" not in shown and "<sup>15</sup>N" in shown and "<sup>99m</sup>Tc" in shown


def test_a_reference_style_link_shows_its_text_and_a_bracketed_word_stays() -> None:
    text = (
        "## Drugs\n\n- Velbarin plus [korrinol] or [Zetamab][zm]\n"
        "- See [the leaflet][web], [Pb] and assay [ELISA]\n- [Other][nowhere]\n\n"
        "[Korrinol]: .\n[zm]: ./zetamab.md\n[web]: https://example.org/leaflet\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("Velbarin plus [korrinol] or [Zetamab][zm]") == "Velbarin plus korrinol or Zetamab"
    assert clean("See [the leaflet][web], [Pb] and assay [ELISA]") == (
        "See [the leaflet](https://example.org/leaflet), [Pb] and assay [ELISA]"
    )
    assert clean("[Other][nowhere]") == "Other"  # a reference with no definition: its text
    untouched = "[[Korrinol]] and ![chart][zm] and [korrinol](x.md)"  # other rules' marks
    assert clean(untouched) == untouched
    assert inline_cleaner("Lead [Pb] and assay [ELISA], see [1].\n") is None


def test_a_bold_labels_dash_goes_after_it_and_an_empty_code_span_goes() -> None:
    text = "**Korrin titre –** rises early\n**Pre-** and post-dose levels\nstability``\n"
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("**Korrin titre –** rises early.") == "**Korrin titre** – rises early."
    # a short item or a lead-in keeps its dash in the bold: enumeration's cue to its value
    assert clean("**Korrin titre –** rises early") == "**Korrin titre –** rises early"
    assert clean("**Velbar count -**: low") == "**Velbar count -**: low"  # not before a colon
    assert clean("**Pre-** and post-dose levels") == "**Pre-** and post-dose levels"
    assert clean("stability``") == "stability"
    assert clean("the `` `x` `` span") == "the `` `x` `` span"


@pytest.mark.parametrize(
    ("markdown", "shown"),
    [
        (
            "首选**维巴林（velbarin）**口服",
            "首选<strong>维巴林（velbarin）\u2060</strong>口服",
        ),
        ("加用**（静脉）科林**滴注", "加用<strong>\u2060（静脉）科林</strong>滴注"),
        ("a**(note)**b", "a<strong>\u2060(note)\u2060</strong>b"),
        ("a **b** and (**c**)", "a <strong>b</strong> and (<strong>c</strong>)"),
        ("2**10 and **b**", "2**10 and <strong>b</strong>"),  # a lone mark stays
    ],
)
def test_a_bold_run_commonmark_leaves_open_between_punctuation_and_a_letter_closes(
    markdown: str, shown: str
) -> None:
    from builder.render import to_html

    assert to_html(markdown) == shown
    assert closed_bold(markdown.replace("**", "*")) == markdown.replace("**", "*")


def test_a_bold_run_closed_after_cjk_punctuation_is_no_leftover_markup() -> None:
    text = (
        "# 科林热\n\n## 治疗\n\n- 首选**维巴林（velbarin）**口服\n"
        "- 重症时加用**科林单抗（korrimab）**静脉滴注\n"
    )
    notes = planned(text, "korrin.md").notes
    assert notes
    for note in notes:
        for value in note.fields.values():
            assert "**" not in value
    assert leftover_markup("首选**{{c1::维巴林（velbarin）}}**口服") == ()
    assert leftover_markup("首选**维巴林（velbarin）口服") == ("`**`",)


def test_a_typed_em_dash_between_words_is_a_dash_and_arrows_and_code_stay() -> None:
    """`fever --- rare after injury` showed three hyphens on a card."""
    text = "- fever --- *rare after injury*\n- heals in 48 h -- 6 weeks\n- A ---> B, `a --- b`\n"
    clean = inline_cleaner(text)
    assert clean is not None
    fever, heals, arrow = text.splitlines()
    assert clean(fever) == "- fever — *rare after injury*"
    assert clean(heals) == heals  # `--` reads as a dash already
    assert clean(arrow) == arrow
    plan = planned("# Wounds\n\n## Healing\n\n- Remodelling --- lasts 48 h to 6 weeks\n- Scar\n")
    shown = "\n".join(text for note in plan.notes for text in note.fields.values())
    assert "6 weeks" in shown and "---" not in shown


def test_headings_are_plain_text_without_links_wikilinks_or_script_marks() -> None:
    document = parse_document(
        "x.md",
        "# Korrin fever\n\n## Acute ([Korrin Society](https://example.org/ks#acute))\n\n- rest\n\n"
        "### [[Scoring|Korrin score]]\n\n- **Points**: 3\n\n### SpO~2~ and V~max/2~ targets\n\n"
        "- **Adults**: 94–98%\n",
    )
    assert [section.path for section in document.walk()] == [
        ("Acute (Korrin Society)",),
        ("Acute (Korrin Society)", "Korrin score"),
        ("Acute (Korrin Society)", "SpO₂ and Vmax/2 targets"),
    ]
    items = document.sections[0].children[1].blocks[0]
    assert isinstance(items, ListBlock) and items.items[0].text == "**Adults**: 94–98%"
    assert heading("[[Velbarin]] and [guide](/g) ![x](x.png)") == "Velbarin and guide ![x](x.png)"


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ('<font size="+7" color="red"><center> Borders </center></font>', "Borders"),
        ("<b>Dose</b> and <i>route</i>", "Dose and route"),
        ("Signs<br>and symptoms", "Signs and symptoms"),
        ("Fever <!-- check --> care", "Fever care"),
        ("Pulse < 60 and > 100", "Pulse < 60 and > 100"),  # no tag: text as written
        ("Age <5 years", "Age <5 years"),
    ],
)
def test_a_headings_inline_html_is_its_text(raw: str, shown: str) -> None:
    """A browser shows a heading's `<font>`, `<center>` or `<b>` as its text; the line above
    every card shows the same, never the tags."""
    assert heading(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Signs of korrin poisoning {KORN}", "Signs of korrin poisoning"),
        ("Velbar questions {VB2}", "Velbar questions"),
        ("Velbar {#velbar}", "Velbar {#velbar}"),  # a pin, split off later
        ("Sets {a, b}", "Sets {a, b}"),
        ("{KORN}", "{KORN}"),  # nothing but the tag: left as written
    ],
)
def test_a_headings_closing_mnemonic_tag_is_left_out(raw: str, shown: str) -> None:
    """`{LEAD}` after a heading tags the mnemonic its list spells: no word of the subject."""
    assert heading(raw) == shown


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Korrin infections `412`", "Korrin infections"),
        ("Korrin `velbarin` dose", "Korrin `velbarin` dose"),  # a code span in the name stays
        ("Korrin `B12`", "Korrin `B12`"),
        ("`412`", "`412`"),  # nothing but the number: left as written
    ],
)
def test_a_headings_closing_page_number_in_code_is_left_out(raw: str, shown: str) -> None:
    """A Typora note's `# Korrin infections` closed by a code span of `412`: the textbook's
    page, no word of the subject (the deck, the topic and every front said "… infections 412")."""
    assert heading(raw) == shown


def test_a_card_renders_the_subscript_and_its_source_line_shows_unicode() -> None:
    markdown = "# Laryngospasm\n\n## SpO~2~ below 92%\n\n- **Next step**: give 100% O~2~\n"
    (packaged,) = planned(markdown, "notes.md").notes
    fields = list(packaged.fields.values())
    assert "O<sub>2</sub>" in fields[1] and "~" not in fields[1]
    assert "SpO₂ below 92%" in fields[2] and "<" not in fields[2]


def test_a_pandoc_notes_tex_commands_show_their_text_and_its_to_dos_are_left_out() -> None:
    """Notes written for Pandoc -> LaTeX: `\\drug{…}` stayed raw on a card, `\\todo{…}` items
    were clozed and `ACE--blockers` kept its two hyphens in a topic."""
    text = (
        "# Kidney drugs\n\n\\clearpage\n\n## Loop--acting agents\n\n"
        "- \\drug{velbarin} for \\sym{fluid} in heart failure\n- Raised \\textbf{calcium}\n"
        "- \\todo{check the dose table}\n- Low potassium \\todo{why?}\n- \\TODO{}\n"
        "- Ratio $\\frac{a}{b}$ stays\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("\\drug{velbarin} for \\sym{fluid}") == "velbarin for fluid"
    assert clean("Raised \\textbf{calcium}") == "Raised **calcium**"
    assert clean("\\todo{check the dose table}") == "TODO: check the dose table"
    assert clean("Low potassium \\todo{why?}") == "Low potassium"
    assert clean("Loop--acting agents, 10--20 mg") == "Loop-acting agents, 10–20 mg"
    assert clean("\\( \\frac{a}{b} \\)") == "\\( \\frac{a}{b} \\)"  # math as written
    assert clean("Run `tool --fast \\x{y}` as written") == "Run `tool --fast \\x{y}` as written"
    assert clean("C:\\Users\\velbarin -- a path") == "C:\\Users\\velbarin -- a path"
    plan = planned(text, "kidney.md")
    shown = "\n".join(value for note in plan.notes for value in note.fields.values())
    assert "velbarin for fluid" in shown and "Loop-acting agents" in shown
    assert "\\drug" not in shown and "todo" not in shown.casefold() and "--" not in shown
    assert "dose table" not in shown and "clearpage" not in shown and "\\frac{a}{b}" in shown


def test_pandoc_inline_notes_leave_no_trace_on_a_card() -> None:
    text = (
        "## Laryngospasm\n\n- Deepen sedation with propofol^[A fifth of the dose; see "
        "[the guide](https://example.org/g).]\n- Give 100% O~2~ by mask\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("Deepen sedation with propofol^[A fifth of the dose; see [the guide](x).]") == (
        "Deepen sedation with propofol"
    )
    assert clean("x^2^ and a^[note] b") == "x<sup>2</sup> and a b"
    shown = " ".join(
        value for note in planned(text, "spasm.md").notes for value in note.fields.values()
    )
    assert "propofol" in shown
    assert "^[" not in shown and "fifth" not in shown


def test_a_logseq_page_keeps_every_line_on_its_line() -> None:
    page = "alias:: Brannock\n\n- ## Causes\n  collapsed:: true\n\t- ### Early\n\t\t- tick bites\n"
    outline = logseq_outline(page)
    assert outline is not None
    assert outline.split("\n") == ["", "", "## Causes", "", "### Early", "- tick bites", ""]


def test_a_logseq_property_with_a_dotted_or_dashed_key_is_dropped_like_any_other() -> None:
    page = (
        "- ## Grades\n\t- **Kidney**: creatinine above 3\n\t  velb.list-type:: number\n"
        "\t- **Liver**: INR above 2\n\t  hue-tag:: blue\n\t- Rule of thumb: a.b::c stays\n"
    )
    outline = logseq_outline(page)
    assert outline is not None
    assert "list-type" not in outline and "hue-tag" not in outline
    assert "a.b::c stays" in outline  # no space after `::`: text, not a property


def test_a_page_without_heading_bullets_or_properties_is_no_logseq_page() -> None:
    assert logseq_outline("# Brannock\n\n- tick bites\n- `std::move` is C++\n") is None


def test_a_comparison_in_a_list_keeps_its_sign_but_fenced_code_is_left_as_written() -> None:
    source = "# Korrin\n\n- >7% = shock\n\n```diff\n- >5 old\n+ >6 new\n```\n"
    document = parse(source)
    (section,) = document.sections
    items, code = section.blocks
    assert isinstance(items, ListBlock) and items.items[0].text.startswith("&gt;7%")
    assert "- >5 old" in getattr(code, "text", "")


def test_indented_notes_of_ranges_under_a_heading_are_text() -> None:
    source = (
        "# Korrin\n\n## Grades\n    130-135: mild\n    120-129: moderate\n    under 120: severe\n"
    )
    (grades,) = parse(source).sections
    (block,) = grades.blocks
    assert not isinstance(block, RawBlock) and "120-129: moderate" in getattr(block, "text", "")


def parse(source: str) -> Document:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "korrin.md"
        path.write_text(source, encoding="utf-8")
        return parse_document(path)


def test_a_lecture_videos_timestamp_links_leave_no_trace_on_a_card() -> None:
    """Notes taken from a video keep a timestamp after each fact; a card has no video to jump to,
    and a time in a sentence or a bracket that is not one stays."""
    text = (
        "# Korrin bacillus\n\n## Enzymes\n\nKorrin bacillus makes three enzymes:\n\n"
        '* Velbarase <a class="yt-timestamp" data-t="00:02:00">[00:02:00]</a>\n'
        "* Tosminase [02:10](https://video.example.org/watch?v=k&t=130)\n"
        "* Kellinase [00:02:20]\n\n"
        "## Culture\n\n"
        '* **Blood agar**: a wide zone of haemolysis <a class="yt-timestamp" '
        'data-t="00:03:05">[00:03:05]</a>.\n'
        "* **Incubation**: read at 18:00 after 24 h [see note 2]\n"
        '* **Spore test**: Negative <a class="ts" data-t="1">[00:04:01]</a>, '
        '<a class="ts" data-t="2">[00:04:09]</a>.\n'
        "* **Motility**: absent [04:30](https://video.example.org/watch?v=k&t=270), "
        "[05:02](https://video.example.org/watch?v=k&t=302), seen in wet mounts only\n"
        "* **Colonies**: small and grey ([06:10], [06:15]).\n"
    )
    plan = planned(text)
    shown = "\n".join(f"{n.fields[k]}" for n in plan.notes for k in n.fields)
    assert "Velbarase" in shown and "Kellinase" in shown and "Tosminase" in shown
    assert "00:02" not in shown and "02:10" not in shown and "yt-timestamp" not in shown
    assert "a wide zone of haemolysis." in shown
    assert "read at 18:00 after 24 h [see note 2]" in shown
    # a run of links joined by commas or in brackets goes with its commas and brackets
    assert "Negative." in shown and "Negative," not in shown, shown
    assert "absent, seen in wet mounts only" in shown, shown
    assert "small and grey." in shown, shown
    assert not [w for w in plan.warnings if "removed" in w]


def test_a_sentence_that_only_points_to_other_notes_leaves_no_trace_on_a_card() -> None:
    text = (
        "# Korrin glossary\n\n## Terms\n\n"
        "- **Velbarin**: the first-line drug. See [[Korrin drugs]].\n"
        "- **Tessalid**: for those who cannot take velbarin; see [[Drugs|the drug list]] and "
        "[[Allergy]].\n"
        "- **Relapse**: a rash back within 30 days; see [[Korrin fever]] for its timeline.\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("the first-line drug. See [[Korrin drugs]].") == "the first-line drug."
    assert clean("See [[Korrin drugs]] for the doses.") == "See Korrin drugs for the doses."
    shown = [packaged.note.back for packaged in planned(text, "glossary.md").notes]
    assert shown[:2] == ["the first-line drug.", "for those who cannot take velbarin."]
    assert "see Korrin fever for its timeline" in shown[2]  # a sentence that says more: kept


def test_a_wikilink_to_a_heading_in_a_sentence_says_what_the_heading_names() -> None:
    """`[[Page#Heading]]` in a sentence names the heading's thing (Obsidian shows "Page >
    Heading"), the page alone another; a heading naming only a part of its page ("Treatment"),
    a block reference, an alias and a link standing alone on its item keep what they showed."""
    text = (
        "# Korrin fever\n\n## Course\n\n"
        "- **Fever**: toxin → [[Korrin drugs#Tessalins]] → brain → heat.\n"
        "- **Relapse**: treated as in [[Korrin fever#Treatment]] at first.\n"
        "- **Rash**: spreads from [[Skin#Flexures|the skin folds]] outward.\n"
        "- **Scar**: stays where [[Skin#^b12]] says.\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("toxin → [[Korrin drugs#Tessalins]] → brain") == "toxin → Tessalins → brain"
    assert clean("read [[Drugs#Tessal#Velbar tabs]] first") == "read Velbar tabs first"
    assert clean("as in [[Korrin fever#Treatment]] at first") == "as in Korrin fever at first"
    assert clean("from [[Skin#Flexures|the skin folds]] out") == "from the skin folds out"
    assert clean("where [[Skin#^b12]] says") == "where Skin says"
    assert clean("[[Needle#Velbar tabs]] {:x=1}").startswith("Needle ")  # alone on its item
    shown = [packaged.note.back for packaged in planned(text, "korrin.md").notes]
    assert any("toxin → Tessalins → brain → heat." in back for back in shown), shown


def test_a_definition_list_is_read_as_terms_with_their_definitions() -> None:
    """kramdown's, Pandoc's and MkDocs' `Term` / `: definition` lines are a glossary: each term
    asked, its definition the answer, at the term's line; a line opening with ": " that follows
    a sentence, a list item or code is left as written."""
    text = (
        "# Korrin glossary\n\n## Terms\n\n"
        "Velbarin\n: The first-line drug for korrin fever.\n\n"
        "**Tessalid**\n:   A second-line drug, for those who cannot take velbarin.\n"
        ": Given by mouth.\n\n"
        "## Notes\n\n"
        "The rash fades by day five.\n: not a term\n\n"
        "```\nKey\n: value in code\n```\n"
    )
    written = rewritten(definition_lists, text)
    assert "- **Velbarin**:\n  The first-line drug" in written
    assert (
        "- **Tessalid**:\n  A second-line drug, for those who cannot take velbarin.\n  Given"
        in (written)
    )
    assert "The rash fades by day five.\n: not a term" in written
    assert "Key\n: value in code" in written
    asked = [
        (n.note.front, n.note.back, n.note.source.line) for n in planned(text, "glossary.md").notes
    ]
    assert asked[:2] == [
        ("Korrin glossary: Velbarin?", "The first-line drug for korrin fever.", 5),
        (
            "Korrin glossary: Tessalid?",
            "A second-line drug, for those who cannot take velbarin.\nGiven by mouth.",
            8,
        ),
    ]


def test_a_run_in_label_is_read_as_the_paragraphs_label() -> None:
    """A book's `**Uses** The drug is …` / `*Absorption* It is …` paragraphs label their text
    with no colon; read as written the label ran into the sentence. A bold word inside a
    paragraph, one followed by a lower-case word (a sentence's subject), a bold sentence, a list
    item's bold and fenced code are left as written."""
    text = (
        "# Velbarin\n\n## Velbarin\n\n"
        "**Main use** Velbarin treats korrin fever.\n\n"
        "*Half-life* It is cleared within 6 hours.\n\n"
        "**Velbarin** is given by mouth.\n\n"
        "**Never crush the tablet.** Swallow it whole.\n\n"
        "The dose is low.\n**Rash** Stop the drug.\n\n"
        "- **Tessalid** A second-line drug.\n\n"
        "```\n**Code** Not a label\n```\n"
    )
    written = rewritten(run_in_labels, text)
    assert "**Main use:** Velbarin treats korrin fever." in written
    assert "**Half-life:** It is cleared within 6 hours." in written
    assert "**Velbarin** is given by mouth." in written
    assert "**Never crush the tablet.** Swallow it whole." in written
    assert "The dose is low.\n**Rash** Stop the drug." in written
    assert "- **Tessalid** A second-line drug." in written
    assert "**Code** Not a label" in written
    asked = {(n.note.front, n.note.back) for n in planned(text).notes}
    assert ("Velbarin: Main use?", "Velbarin treats korrin fever.") in asked
    assert ("Velbarin: Half-life?", "It is cleared within 6 hours.") in asked


def test_an_entry_glued_to_its_hyphen_is_read_as_a_list_item() -> None:
    """`-**Velbarin**: Cheap. It works …` (no space after the hyphen) is a paragraph in
    CommonMark: its "-" reached the card and its "It" named nothing. At a paragraph's start a
    hyphen glued to a bold label and its colon opens a list item; a negative figure, a bold word
    in a sentence, a line inside a paragraph and fenced code are left as written."""
    text = (
        "# Korrin fever\n\n## Drugs\n\n"
        "-**Velbarin**: Cheap and sold without prescription. It works best within 2 days.\n\n"
        "-**Tessalid:** Costly and given by drip.\n\n"
        "-5 °C is the lowest reading.\n\n"
        "-**never** crush the tablet.\n\n"
        "The dose is low.\n-**Rash**: stop the drug.\n\n"
        "```\n-**Code**: not an item\n```\n"
    )
    written = rewritten(glued_items, text)
    assert "\n- **Velbarin**: Cheap" in written
    assert "\n- **Tessalid:** Costly" in written
    assert "\n-5 °C is the lowest reading." in written
    assert "\n-**never** crush the tablet." in written
    assert "The dose is low.\n-**Rash**: stop the drug." in written
    assert "\n-**Code**: not an item" in written
    asked = {(n.note.front, n.note.back) for n in planned(text).notes}
    assert not any("-{{" in front or front.startswith("-") for front, _ in asked)
    velbarin = "Cheap and sold without prescription. It works best within 2 days."
    assert ("Drugs in korrin fever: Velbarin?", velbarin) in asked


def test_content_tabs_are_read_as_callouts_named_with_their_heading() -> None:
    """MkDocs Material's `=== "Adults"` tabs hold text indented by four spaces, which CommonMark
    reads as code: the doses gave no card. Each tab is a callout titled with its heading and its
    own short title; a setext underline and fenced code are left as written."""
    text = (
        "# Korrin fever\n\n## Velbarin dose\n\n"
        '=== "Adults"\n\n    - 400 mg every 8 hours\n    - Maximum 1.2 g in 24 hours\n\n'
        '===+ "Children under twelve years"\n\n    - 10 mg/kg every 8 hours\n'
        "    - Maximum 30 mg/kg in 24 hours\n\n"
        '```\n=== "Not a tab"\n```\n'
    )
    written = rewritten(content_tabs, text)
    assert '!!! tab "Velbarin dose — Adults"' in written
    assert '!!! tab "Children under twelve years"' in written  # long: a title of its own
    assert '```\n=== "Not a tab"\n```' in written
    assert content_tabs("Korrin fever\n============\n") == "Korrin fever\n============\n"
    fronts = [(n.note.front.split("\n")[0], n.note.source.line) for n in planned(text).notes]
    assert fronts == [
        ("Velbarin dose — Adults in korrin fever:", 7),
        ("Children under twelve years in korrin fever:", 12),
    ]


def test_abbreviation_lines_are_read_as_what_the_abbreviations_stand_for() -> None:
    """MkDocs' `*[KFS]: Korrin fever score` lines list a page's abbreviations; read as written
    they were a paragraph of labels that made no card. Fenced code is left as written."""
    text = (
        "# Korrin fever\n\n## Scores\n\nThe KFS is taken daily.\n\n"
        "*[KFS]: Korrin fever score\n*[VRT]: velbarin response time.\n\n"
        "```\n*[X]: not this\n```\n"
    )
    written = rewritten(abbreviation_lines, text)
    assert "Korrin fever score (KFS).\nvelbarin response time (VRT)." in written
    assert "*[X]: not this" in written
    asked = {
        (n.note.front, n.note.back) for n in planned(text).notes if n.note.rule == "abbreviation"
    }
    assert ("What does KFS stand for in korrin fever?", "Korrin fever score") in asked
    assert ("What does VRT stand for in korrin fever?", "velbarin response time") in asked


def test_a_link_with_spaces_around_its_target_is_a_link() -> None:
    """CommonMark allows `[text]( target )`: a site link still becomes its text, a heading's link
    its text, and a lead-in that is only such a link (an attachment) is no list's subject."""
    clean = inline_cleaner("See [the guide]( /guides/korrin ) first.")
    assert clean is not None and clean("See [the guide]( /guides/korrin ) first.") == (
        "See the guide first."
    )
    assert heading("Acute ([Korrin Society]( https://example.org/ks ))") == "Acute (Korrin Society)"
    notes = planned(
        "# Korrin fever\n\n## Asthma\n[Korrin guideline on asthma](./attachments/k.pdf )\n"
        "- wheeze on breathing out\n- a cough at night\n",
        "korrin-fever.md",
    ).notes
    assert [n.note.front.split(":")[0] for n in notes] == ["Asthma in korrin fever"]


PDF_PAGE = (
    "# Korrin fever\n\n"
    "Signs\n"
    "Early signs of korrin fever may include:\n"
    "- \nan itch behind the ears\n\n"
    "- \na dry cough at dawn\n\n"
    "- \nsore knuckles\n\n\n"
    "What to do\n"
    "1 Sit the patient in the shade.\n"
    "2 Give velbarin by mouth.\n"
    "3 Call a doctor if the itch spreads.\n"
)


def test_a_pdfs_broken_lists_are_read_as_the_lists_they_were() -> None:
    """Text taken from a PDF keeps each bullet alone on its line, its text on the next (an empty
    item and a paragraph to CommonMark), numbers its steps without a dot (one paragraph) and
    titles them with a plain line: the bullets become items at their text's line, the steps a
    numbered list, and the title lines headings, so the signs and the steps are asked."""
    written = rewritten(pdf_lists, PDF_PAGE)
    assert "\n## Signs\nEarly signs of korrin fever may include:\n\n- an itch behind the ears" in (
        written
    )
    assert "\n## What to do\n1. Sit the patient in the shade.\n2. Give velbarin" in written
    notes = {n.note.source.line: n.note for n in planned(PDF_PAGE).notes}
    assert notes[6].front == (
        "Early signs of korrin fever may include:\n\n- {{c1::an itch behind the ears}}\n"
        "- {{c2::a dry cough at dawn}}\n- {{c3::sore knuckles}}"
    )
    assert notes[16].front.startswith(
        "What to do in korrin fever:\n\n1. Sit the patient in the {{c1::shade}}"
    )
    assert "3. Call a {{c3::doctor}} if the itch spreads." in notes[16].front


def test_lines_that_only_look_like_a_pdfs_lists_are_left_as_written() -> None:
    """One empty bullet may be meant; a figure opening a line is no step unless a run counts up
    from 1 with capitals after ("2 tablets", a year, a table row, a lone "1 "); code is code."""
    for text in (
        "# Korrin\n\n- \nThe form leaves this item empty.\n",
        "Causes\n-\nA bite.\n\nSigns\n-\nA rash.\n",  # headings underlined with one `-`
        "# Korrin\n\nTake velbarin.\n2 tablets twice daily\n3 tablets at night\n",
        "# Korrin\n\n1 Korrin fever was named then.\n\n2019 Saw the first cases.\n",
        "# Korrin\n\n2 Velbarin doses.\n3 Tessalid doses.\n",
        "| Day | Dose |\n|---|---|\n| 1 Day | 2 |\n| 2 Days | 4 |\n",
        "```\n1 Load the data.\n2 Plot it.\n-\nx\n-\ny\n```\n",
        # counts, not steps (a reviewer's case: the numbers were lost, "Adults" made a heading)
        "## Dosing\n\nAdults\n1 Gram every 4 to 6 hours.\n2 Grams at most in one dose.\n",
        "## Vaccines\n\n1 Year: MMR.\n2 Years: booster.\n",
    ):
        assert pdf_lists(text) == text


def test_headings_without_a_space_after_the_hashes_are_headings_and_tags_stay() -> None:
    """Typora writes `##Spread`: two to six hashes then a letter is a heading, and in such a
    document a `#` line of words is its title; a lone `#tag`, a line of tags, a tag label, seven
    hashes, a number, code and front matter stay as written."""
    text = (
        "---\n##comment: kept\n---\n#Korrin fever notes\n##Spread\n   ###Carriers\n"
        "#mnemonic\n#wards #fever\n#todo : later\n#######seven\n##2 cases\n"
        "```\n##code\n```\n    ##indented code\n"
    )
    assert rewritten(spaced_headings, text) == (
        "---\n##comment: kept\n---\n# Korrin fever notes\n## Spread\n   ### Carriers\n"
        "#mnemonic\n#wards #fever\n#todo : later\n#######seven\n##2 cases\n"
        "```\n##code\n```\n    ##indented code\n"
    )
    # without a `##Heading`, a `#` line of words is an Obsidian tag and its text
    for kept in ("#Korrin fever notes\n\n## Spread\n", "Text.\n\n#wards and more\n"):
        assert spaced_headings(kept) == kept


def test_a_document_of_headings_without_spaces_is_carded_by_its_sections_with_a_warning() -> None:
    """The deck is named by the title line, every front by its section, no hashes on a card; the
    build warns once, at the first such heading, and says how many more there are."""
    plan = planned(
        "#Korrin fever notes\n\n##Spread\n###Carriers\n- Marsh flies\n- Wet dogs\n\n"
        "##Treatment\nVelbarin cures about 90% of cases within a week.\n"
    )
    assert plan.manifest.title == "Korrin fever notes"
    fronts = [packaged.note.front for packaged in plan.notes]
    assert not any("#" in front for front in fronts)
    assert [packaged.note.subdeck for packaged in plan.notes] == ["Spread", "Treatment"]
    assert plan.warnings == [
        "korrin.md:1: warning: heading without a space after '#' ('#Korrin fever notes', and 3 "
        "more): read as a heading; write a space after the hashes, as Markdown needs"
    ]


def test_tex_math_in_dollars_is_written_in_the_delimiters_anki_typesets() -> None:
    """Pandoc's rule: `$…$` with no space inside either end and no digit after is math, `$$…$$`
    display math; prices, escaped dollars, code and math that could link are left as written."""
    text = (
        "The korrin index is $K = \\frac{V_1}{V_2}$, or $$K \\approx 2$$ in fever.\n"
        "A dose costs $5 and a course $40; $5-$10 a week, \\$3 a tablet.\n"
        "In code: `$K$` stays; $\\href{https://example.org}{K}$ stays.\n"
        "Anki's own [$]K[/$] stays.\n"
        "```\n$x$\n```\n"
    )
    assert rewritten(tex_math, text) == (
        "The korrin index is \\( K = \\frac{V_1}{V_2} \\), or \\[ K \\approx 2 \\] in fever.\n"
        "A dose costs $5 and a course $40; $5-$10 a week, \\$3 a tablet.\n"
        "In code: `$K$` stays; $\\href{https://example.org}{K}$ stays.\n"
        "Anki's own [$]K[/$] stays.\n"
        "```\n$x$\n```\n"
    )
    # a spreadsheet's and a shell's dollars, and TeX that redefines or styles, stay as written
    for kept in (
        "Type =$B$2*$C$2 into D2.\n",
        "Set PATH=$PATH:$HOME/bin first.\n",
        "Then $\\renewenvironment{matrix}{x}{y}$ and $\\bbox[red]{x}$.\n",
    ):
        assert tex_math(kept) == kept


def test_a_marking_sheets_scores_are_left_out_and_its_phase_label_leads_its_steps() -> None:
    """An exam's marking sheet: `1. **Phase（40分）**` over steps indented less than its text
    (a list of their own), each step opening with its score. The scores are no part of a step
    or a label; the phase's bold label heads its steps, which are asked under it. A score in a
    paragraph's sentence, a bold label over properly nested items and fenced code stay."""
    text = (
        "# Bedside skills\n\n## B2. Catheter care\n\n"
        "1. **Getting ready（15分）**\n\n"
        "  - （5分）Wash your hands and put on gloves\n"
        "  - （10分）Lay out the sterile pack\n\n"
        "1. **Cleaning** (20 points)\n\n"
        "  - [10 marks] Clean the meatus front to back\n"
        "  - (10 pts) Use a fresh swab each stroke\n\n"
        "## Scoring\n\nThe pass mark is 60 (10 points per station).\n\n"
        "1. **Dressing**\n   - Apply the dressing\n\n"
        "```\n- （5分）code\n```\n"
    )
    written = rewritten(scored_steps, text)
    assert "\n**Getting ready**\n" in written
    assert "\n  - Wash your hands and put on gloves\n" in written
    assert "\n**Cleaning**\n" in written
    assert "\n  - Clean the meatus front to back\n  - Use a fresh swab each stroke\n" in written
    assert "(10 points per station)" in written
    assert "\n1. **Dressing**\n   - Apply the dressing\n" in written
    assert "\n- （5分）code\n" in written
    asked = {(n.note.front, n.note.back) for n in planned(text).notes}
    assert not any("分" in front or "points" in front or "marks" in front for front, _ in asked)
    assert any("Getting ready" in front and "Wash your hands" in front for front, _ in asked)
    assert any("Cleaning" in front and "fresh sw" in front for front, _ in asked)


def test_an_examiners_prompt_over_its_points_is_the_label_they_are_asked_under() -> None:
    """`- 提问：X` (an examiner's "Question: X") over `Label: value` points: the prompt word is
    no topic and the prompt no card; X labels the points ("X: neck?"). A prompt over points
    that carry an answer label, one without points, and fenced code are left as written."""
    text = (
        "# 第四站\n\n## B2. 包扎\n\n"
        "- 提问：不同部位的包扎方法\n\n"
        "  - 头部：帽式包扎\n"
        "  - 手指：螺旋包扎\n\n"
        "## 问答\n\n"
        "- 提问：夹板的作用\n"
        "  - 答：固定骨折\n\n"
        "- 问题：无人回答\n\n"
        "```\n- 提问：代码\n  - 甲：乙\n```\n"
    )
    written = rewritten(examiner_prompts, text)
    assert "\n- 不同部位的包扎方法：\n" in written
    assert "\n- 提问：夹板的作用\n" in written
    assert "\n- 问题：无人回答\n" in written
    assert "\n- 提问：代码\n" in written
    asked = {(n.note.front, n.note.back) for n in planned(text).notes}
    assert not any(back == "不同部位的包扎方法" for _, back in asked), asked
    assert any(
        "不同部位的包扎方法" in f and f.endswith("头部?") and b == "帽式包扎" for f, b in asked
    )


def test_math_glued_to_a_word_is_its_sub_or_superscript() -> None:
    """`P$_{pk}$`, `cmH$_2$O`, `Kr$^{2+}$`: math glued to a letter or digit whose body is one
    script is that script, each pair closed where it opened (a later `$` on the line never pairs
    with its closing one); a script of TeX stays math; dollars across bold runs are no math."""
    text = (
        "Written **P$_{pk}$** or **P$_{plt}$**, in cmH$_2$O; Kr$^{2+}$ and 10$^6$ cells.\n"
        "Its index **K$_{\\alpha}$** and $V_d$.\n"
        "Costs **$12.50**/dose (**$-5** with a coupon); $5 and $10.\n"
    )
    assert tex_math(text) == (
        "Written **P<sub>pk</sub>** or **P<sub>plt</sub>**, in cmH<sub>2</sub>O;"
        " Kr<sup>2+</sup> and 10<sup>6</sup> cells.\n"
        "Its index **K\\( _{\\alpha} \\)** and \\( V_d \\).\n"
        "Costs **$12.50**/dose (**$-5** with a coupon); $5 and $10.\n"
    )
    for kept in ("Type =$B$2*$C$2 into D2.\n", "Set A$_ and B$ apart.\n", "x$_{}$ y\n"):
        assert tex_math(kept) == kept


def test_a_glued_script_written_as_tex_text_is_that_script() -> None:
    """Pandoc writes an index typed as text `\\text{…}` inside the braces (`O$_{\\text{2}}$`):
    the same script, never raw TeX on a card; a script of other TeX commands stays math."""
    text = "Give O$_{\\text{2}}$ and CO$_{\\mathrm{2}}$ out; K$_{\\frac{a}{b}}$ stays.\n"
    assert tex_math(text) == (
        "Give O<sub>2</sub> and CO<sub>2</sub> out; K$_{\\frac{a}{b}}$ stays.\n"
    )


def test_tex_math_with_spaces_inside_the_dollars_is_math_when_it_holds_tex() -> None:
    """Typora and Obsidian typeset `$ 10^5 \\frac{a}{b} $`: with spaces inside both dollars it
    is math when it holds TeX (a backslash, `^` or `_`); spaced dollars round plain words or
    amounts stay text, and so does one space-opened side alone."""
    text = (
        "Significant at $ > 10^5 \\frac{cfu}{mL} $ in urine; $ K_a $ and $ x^2 $.\n"
        "A dose costs $ 5 and a course $ 40.\n"
        "Pay $5 and $ 10 each; $ a^b$ and $a^b $ stay.\n"
    )
    assert rewritten(tex_math, text) == (
        "Significant at \\( > 10^5 \\frac{cfu}{mL} \\) in urine; \\( K_a \\) and \\( x^2 \\).\n"
        "A dose costs $ 5 and a course $ 40.\n"
        "Pay $5 and $ 10 each; $ a^b$ and $a^b $ stay.\n"
    )


def test_math_of_symbols_only_is_the_text_it_typesets() -> None:
    """`$\\rightarrow$`, `$\\uparrow$`, `$\\beta$`: an arrow or a Greek letter written as TeX is a
    character of text (rules read `A → B`, a front shows `→`); math with anything else in it,
    display math and an unknown command stay MathJax."""
    text = (
        "Fever $\\rightarrow$ rash; $\\uparrow$ $\\uparrow$ count;"
        " the $\\beta$-chain; $\\alpha\\beta$.\n"
        "$x \\rightarrow y$ and $\\frac{a}{b}$ and $\\korrin$ and $$\\rightarrow$$.\n"
    )
    assert tex_math(text) == (
        "Fever → rash; ↑ ↑ count; the β-chain; αβ.\n"
        "\\( x \\rightarrow y \\) and \\( \\frac{a}{b} \\) and \\( \\korrin \\)"
        " and \\[ \\rightarrow \\].\n"
    )


def test_a_cards_math_reaches_anki_as_mathjax_and_is_no_leftover_markup() -> None:
    """The card's field holds `\\(…\\)` as MathJax reads it: no emphasis made of TeX's `_`, no
    word joiner in its delimiters, TeX's `}}` spaced so Anki reads no cloze's end, `<` as an
    entity; a figure written as short math is deleted with its delimiters, never inside them
    (measure.out_of_math); `check` sees no leftover markup in it. A price stays text."""
    text = (
        "# Korrin flow\n\n## Flow\n\n"
        "- **Korrin index**: $K_a = \\frac{1}{\\frac{V_1}{V_2}}$ when $V_1 < V_2$, not $5 a dose\n"
        "- **Korrin volume**: about 5 L at rest\n\n"
        "The korrin ratio is $R = 3 L$ at rest, so flow doubles in fever.\n"
    )
    fields = [n.fields for n in planned(text).notes]
    assert fields[0]["Back"] == (
        "\\( K_a = \\frac{1}{\\frac{V_1}{V_2} } \\) when \\( V_1 &lt; V_2 \\), not $5 a dose"
    )
    assert any(
        f.get("Text", "").startswith("The korrin ratio is {{c1::\\( R = 3 L \\)}}") for f in fields
    )
    linked = planned(
        "# Korrin\n\n## Flow\n\n- **Korrin link**: \\( \\href{javascript:x}{K} \\)\n"
        "- **Korrin slope**: \\(1 - e<sup>-k</sup>\\)\n"
    )
    shown = [n.fields["Back"] for n in linked.notes]
    assert shown == [
        "( \\href{javascript:x}{K} )",
        "(1 - e<sup>-k</sup>)",
    ]  # Markdown's: no MathJax
    assert leftover_markup("\\( K_a = \\frac{1}{\\frac{V_1}{V_2}} \\) and \\[ x^2 \\]") == ()
    assert leftover_markup("K_a = \\frac{1}{\\frac{V_1}{V_2}}") != ()


def test_math_reaches_anki_as_mathjax_and_a_deletion_in_it_is_a_cloze(tmp_path: Path) -> None:
    """Imported into the real Anki: the back holds the MathJax Anki typesets; a figure written as
    math is deleted with its math, which the card's answer shows whole."""
    from builder.build import build_deck
    from tests.ankiutil import import_apkg, open_collection, rendered_cards

    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin flow\n\n## Flow\n\n"
        "- **Korrin index**: $K_a = \\frac{1}{\\frac{V_1}{V_2}}$ in adults\n"
        "- **Korrin volume**: about 5 L at rest\n\n"
        "The korrin ratio is $R = 3 L$ at rest, so flow doubles in fever.\n",
        encoding="utf-8",
    )
    package = build_deck(manifest_for_source(source), output=tmp_path / "korrin.apkg").output
    col = open_collection(tmp_path / "anki" / "collection.anki2")
    try:
        import_apkg(col, package)
        cards = rendered_cards(col)
    finally:
        col.close()
    answers = [card["answer"] for card in cards]
    assert any("\\( K_a = \\frac{1}{\\frac{V_1}{V_2} } \\) in adults" in a for a in answers)
    ratio = next(card for card in cards if "korrin ratio" in card["question"])
    assert "3 L" not in ratio["question"] and "3 L" in ratio["answer"]
    assert "{{c1::" not in ratio["question"] and "\\( R = " not in ratio["question"]
    assert "\\( R = 3 L \\)" in ratio["answer"]


def test_a_site_generators_template_tags_are_no_text() -> None:
    text = "\n".join(
        [
            "| Grade | Measure |",
            "|---|---|",
            '| <img width="20px" src="{{ \'/pics/up.png\' | relative_url }}"> Strong | Jars |',
            "| ![up]({{ site.baseurl }}/pics/up.png) Weak | Necklaces |",
            "Keep water covered {% include aside.html %} at all times.{# draft #}",
            '{{< figure src="well.png" >}}',
            "See [the map]({{ '/map' | relative_url }}) and {{site.baseurl}} here.",
        ]
    )
    assert rewritten(template_tags, text).split("\n") == [
        "| Grade | Measure |",
        "|---|---|",
        "| Strong | Jars |",
        "| Weak | Necklaces |",
        "Keep water covered  at all times.",
        "",
        "See the map and  here.",
    ]


def test_a_titled_shortcode_block_is_a_section_of_its_title() -> None:
    """Hugo's paired block shortcodes: a titled one opens a heading of its title one level below
    the heading before it and above the headings it holds; an inline pair keeps its text; a block
    holding only other shortcodes, a lone shortcode and an unclosed titled one give no heading."""
    text = "\n".join(
        [
            "## Marsh ague",
            '{{%fold "Signs" %}}',
            "- Night chills",
            "{{% /fold %}}",
            '{{< fold title="Care" id="c1" >}}',
            "### Adults",
            "Rest, and {{%lang%}}warm broth{{%/lang%}} {{<btn x>}}daily{{</btn>}}.",
            "{{< /fold >}}",
            '{{%fold "Tests" %}}',
            "{{< chart/ague >}}",
            "{{% /fold %}}",
            '{{< video "ague-walkthrough" >}}',
            "{{%sources%}}",
            "- Ode R. Marsh fevers. Fen Med J. 2019.",
            "{{%/sources%}}",
        ]
    )
    assert rewritten(template_tags, text).split("\n") == [
        "## Marsh ague",
        "### Signs",
        "- Night chills",
        "",
        "### Care",
        "#### Adults",
        "Rest, and warm broth daily.",
        "",
        "",
        "",
        "",
        "",
        "### Sources",
        "- Ode R. Marsh fevers. Fen Med J. 2019.",
        "",
    ]


def test_a_shortcode_blocks_headings_are_moved_below_its_title() -> None:
    text = '{{% tab "Adults" %}}\n## Dose\n5 mg\n{{% /tab %}}\n'
    text += '{{% tab "Children" %}}\n1 mg\n{{% /tab %}}'
    assert rewritten(template_tags, text).split("\n") == [
        "## Adults",
        "### Dose",
        "5 mg",
        "",
        "## Children",
        "1 mg",
        "",
    ]


def test_a_lone_shortcode_never_closed_holds_no_heading_back() -> None:
    """A shortcode that is never closed (`{{< figure … >}}`) is no block: the heading after it
    is still the one a later block follows."""
    text = '{{< figure src="a.png" >}}\n## Care\n{{% fold "Adults" %}}\nRest.\n{{% /fold %}}'
    assert rewritten(template_tags, text).split("\n") == ["", "## Care", "### Adults", "Rest.", ""]


def test_a_shortcode_with_many_arguments_is_read_in_one_pass() -> None:
    """Each argument is read one way only (a quoted value is no bare one): forty arguments and no
    title fail at once, where trying both readings of each took exponential time."""
    many = " ".join(f'k{n}="v{n}"' for n in range(40))
    text = f"## Care\n{{{{% fold {many} %}}}}\nRest.\n{{{{% /fold %}}}}"
    assert rewritten(template_tags, text).split("\n") == ["## Care", "", "Rest.", ""]
    titled = text.replace("%}}\nRest", ' title="Adults" %}}\nRest')
    assert rewritten(template_tags, titled).split("\n")[1] == "### Adults"


def test_a_sites_shortcode_blocks_file_their_cards_under_their_titles() -> None:
    text = "\n".join(
        [
            "# Marsh ague",
            "",
            '{{%fold "Differential" %}}',
            "",
            "- Fen fever",
            "- Reed pox",
            "- Bog cough",
            "",
            "{{% /fold %}}",
            '{{%fold "Treatment" %}}',
            "",
            "- Willow bark for the chills",
            "- Rest in a dry room",
            "- Broth every two hours",
            "",
            "{{% /fold %}}",
        ]
    )
    plan = planned(text)
    fronts = [packaged.note.front for packaged in plan.notes]
    assert any(front.startswith("Differential") for front in fronts), fronts
    assert any(front.startswith("Treatment") for front in fronts), fronts
    assert not any("{{%" in front or "fold" in front for front in fronts)


def test_a_pandoc_simple_table_is_a_pipe_table() -> None:
    """Columns aligned by spaces under a rule of dash runs: with a header line, or without one
    between two rules (an empty header on the top rule, each row a line down); a row with an
    empty first cell goes on with the one above. A lone rule of dashes, or dashes in one run,
    is no table."""
    text = "\n".join(
        [
            "  ------------ ---------",
            "  Quick        Wong",
            "               Ladder",
            "  Slow         Grid",
            "  ------------ ---------",
            "",
            "  Kind     Drug       Note",
            "  -------- ---------- -------",
            "  Full     Korphine   first",
            "           Velmorph   second",
            "",
            "Text after.",
            "",
            "----- -----",
            "",
            "-----------",
        ]
    )
    assert rewritten(pandoc_tables, text).split("\n") == [
        "  |  |  |",
        "  |---|---|",
        "  | Quick | Wong<br>Ladder |",
        "  |  |  |",
        "  | Slow | Grid |",
        "",
        "  | Kind | Drug | Note |",
        "  |---|---|---|",
        "  | Full | Korphine | first |",
        "  | Full | Velmorph | second |",
        "",
        "Text after.",
        "",
        "----- -----",
        "",
        "-----------",
    ]


def test_braces_that_are_no_template_tag_stay() -> None:
    text = "\n".join(
        [
            "Write `{{ page.title }}` in the layout.",
            "```",
            "{% include aside.html %}",
            "```",
            "The quiz hid {{c1::chloramine}}; a set is {{1}}, a pin {#pulse}.",
        ]
    )
    assert template_tags(text) == text


def test_unclosed_template_tags_on_a_long_line_are_read_in_one_pass() -> None:
    """A tag's inside holds no other tag's opening: thousands of `{% ` (or `{# `, `{{< `) never
    closed on one line each stop at the next opening, where reading to the line's end from every
    one took seconds (quadratic). A tag closed after them still goes; the openings before stay."""
    for opening in ("{% ", "{# ", "{{< ", "{{% ", "<img {{ x ", "[a]( {% x "):
        text = "Keep it " + opening * 30_000 + "cool."
        assert template_tags(text) == text
    assert template_tags("{% {% if x %} cool.") == "{%  cool."


def test_a_template_tag_written_inside_another_goes_with_it() -> None:
    text = 'Keep {% if {{ x }} %}it{{< figure src="{{ y }}" >}} cool.'
    assert template_tags(text) == "Keep it cool."


def test_a_template_tags_pipe_splits_no_table_cell() -> None:
    text = "\n".join(
        [
            "# Wells",
            "",
            "| Grade | Measure |",
            "|---|---|",
            "| <img src=\"{{ '/pics/up.png' | relative_url }}\"> Strong | Sealed water jars |",
            "| <img src=\"{{ '/pics/down.png' | relative_url }}\"> Weak | Garlic necklaces |",
        ]
    )
    plan = planned(text)
    fronts = [packaged.note.front for packaged in plan.notes]
    assert "Strong (grade) in wells: measure?" in fronts
    assert not any("{" in front or "img" in front for front in fronts)
    assert not plan.warnings


# -- unresolved merge conflicts ---------------------------------------------------------------

_KETTLE_CONFLICT = """# Kettles

<<<<<<< HEAD
## Parts

- **Spout**: pours the water
- **Lid**: keeps the steam in
=======
## Parts of a kettle

- **Spout**: where the water leaves
- **Lid**: stops the steam escaping
>>>>>>> 4f2c9e1 (reword the parts)

## Care

- **Descaling**: once a month
"""


def test_a_merge_conflict_is_carded_from_its_first_side_only_with_a_warning() -> None:
    """Both sides of an unresolved conflict carded would ask every fact twice in two wordings:
    the first side (the author's own checkout, HEAD) is kept, the warning names the lines."""
    plan = planned(_KETTLE_CONFLICT)
    backs = [packaged.note.back for packaged in plan.notes]
    fronts = " ".join(packaged.note.front for packaged in plan.notes)
    assert "pours the water" in " ".join(backs) or "pours the water" in fronts
    assert "where the water leaves" not in " ".join(backs) + fronts
    assert "Descaling" in fronts or "descaling" in fronts.lower()
    assert not any("<<<" in text or ">>>" in text or "===" in text for text in backs)
    assert plan.warnings == [
        "korrin.md:3: warning: unresolved merge conflict (`<<<<<<<` to `>>>>>>>` at line 13); "
        "carding the first side and the sections only the second has: resolve it"
    ]


def test_merge_conflict_lines_become_blank_and_keep_their_numbers() -> None:
    text, found = merge_conflicts(_KETTLE_CONFLICT)
    assert found == ((3, 13),)
    assert text.count("\n") == _KETTLE_CONFLICT.count("\n")
    assert "Spout**: pours" in text and "where the water leaves" not in text
    assert "<<<" not in text and ">>>" not in text and "=======" not in text


_KETTLE_BRANCHES = """# Kettles

<<<<<<< HEAD
## Parts

- **Spout**: pours the water

## Care

- **Descaling**: once a month
=======
## Parts of a kettle

- **Spout**: where the water leaves

## Safety

- **Cord**: keep it dry

```sh
# Care
echo not a heading
```

### Fill line

- **Maximum**: never above the mark

## Care

- **Descaling**: every few weeks
>>>>>>> 4f2c9e1 (safety page)
"""


def test_a_section_only_the_second_side_holds_is_carded_too() -> None:
    """Two versions of a page, the other branch's adding a section: that section (with the
    sections under it and its code fence whole) is no second wording but content found nowhere
    else, so it is carded; a section the first side has, reworded ("Parts of a kettle") or not
    ("Care"), is carded from the first side only."""
    text, found = merge_conflicts(_KETTLE_BRANCHES)
    assert found == ((3, 32),)
    kept = [line for line in text.split("\n") if line]
    assert kept == [
        "# Kettles",
        "## Parts",
        "- **Spout**: pours the water",
        "## Care",
        "- **Descaling**: once a month",
        "## Safety",
        "- **Cord**: keep it dry",
        "```sh",
        "# Care",
        "echo not a heading",
        "```",
        "### Fill line",
        "- **Maximum**: never above the mark",
    ]
    cards = " ".join(p.note.front + " " + p.note.back for p in planned(_KETTLE_BRANCHES).notes)
    assert "keep it dry" in cards and "never above the mark" in cards
    assert "every few weeks" not in cards and "where the water leaves" not in cards


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.frozensets(st.sampled_from("abcdef"), min_size=1, max_size=4), max_size=12),
    st.frozensets(st.sampled_from("abcdefg"), min_size=1, max_size=4),
)
def test_headings_are_matched_as_when_each_is_compared_with_every_one(
    headings: set[frozenset[str]], words: frozenset[str]
) -> None:
    """_Worded looks only at the headings sharing a rare word: the answer is the one a
    comparison with every heading gives."""
    every = any(words <= mine or mine <= words for mine in headings)
    assert _Worded(headings)(words) is every


def test_a_diff3_conflict_keeps_only_its_first_side() -> None:
    text = "<<<<<<< ours\n- A: one\n||||||| base\n- A: zero\n=======\n- A: two\n>>>>>>> theirs\n"
    written, found = merge_conflicts(text)
    assert found == ((1, 7),)
    assert written.split("\n") == ["", "- A: one", "", "", "", "", "", ""]


def test_marker_like_lines_that_make_no_complete_conflict_are_left_alone() -> None:
    """A setext heading's `=======`, a quote seven deep, markers in a code fence, an opening
    with no closing, markers indented: no conflict, the text as it was."""
    cases = [
        "Kettles\n=======\n\nA kettle boils water.\n",
        ">>>>>>> deep quote\n",
        "```\n<<<<<<< HEAD\nx\n=======\ny\n>>>>>>> abc\n```\n",
        "<<<<<<< HEAD\n- A: one\n=======\n- A: two\n",
        "  <<<<<<< HEAD\n- A: one\n  =======\n- A: two\n  >>>>>>> abc\n",
        "<<<<<<<< HEAD\n- A: one\n=======\n- A: two\n>>>>>>> abc\n",
    ]
    for text in cases:
        assert merge_conflicts(text) == (text, ()), text
    plan = planned("# Kettles\n\nThe kettle.\n\nSteam\n=======\n\n- **Spout**: pours the water\n")
    assert not plan.warnings


def test_a_numbered_step_keeps_its_template_field_as_an_ellipsis() -> None:
    """A step saying more than its field keeps its place (its number, its sub-steps); a field
    alone, a bullet and a fenced line are left as written (a note showing them is dropped)."""
    text = (
        "1. Sit up\n2. If the flow is below {{PEAK_LIMIT}} L/min, act:\n   - Give 10 puffs\n"
        "3. {{STEP_THREE}}\n- Best flow: {{BEST_PEAK}}\n```\n4. Below {{X_Y}} here\n```"
    )
    assert step_fields(text).split("\n") == [
        "1. Sit up",
        "2. If the flow is below … L/min, act:",
        "   - Give 10 puffs",
        "3. {{STEP_THREE}}",
        "- Best flow: {{BEST_PEAK}}",
        "```",
        "4. Below {{X_Y}} here",
        "```",
    ]


def test_full_width_punctuation_is_read_as_its_ascii_form() -> None:
    """`**標籤**：說明` gave a cloze hiding the labels (their explanations beside them on the card),
    a label over a sub-list kept its `：` in the topic, and `問題？::答案` a front ending `？?`."""
    text = (
        "# Velbarin\n\n## Warnings\n\n"
        "1. **Slow start**：the old factors must run out first\n"
        "2. **Skin damage**：an early protein drop, so cover with a second drug\n\n"
        "## Checks\n\n"
        "- **Reversal**：\n  - mild: stop the drug\n  - major: give the antidote\n\n"
        "## Cards\n\n"
        "為何維巴林起效慢？::既有因子需耗盡\n"
    )
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean("**甲**：乙。丙？丁！") == "**甲**: 乙. 丙? 丁!"
    assert clean("**答案？**（略）：") == "**答案?**（略）:"
    assert clean("比例 1：2，早上 8：30") == "比例 1:2，早上 8:30"
    fronts = [(n.note.rule, n.note.front, n.note.back) for n in planned(text, "velbarin.md").notes]
    assert ("definition", "Warnings in velbarin: Skin damage?", fronts[1][2]) in fronts
    assert ("faq", "為何維巴林起效慢? (velbarin)", "既有因子需耗盡") in fronts
    assert not any("：" in front or "？" in front or "{{c" in front for _, front, _ in fronts)
    assert any(front.startswith("Reversal (checks)") for _, front, _ in fronts)
    # Text without full-width marks has no step to run.
    assert inline_cleaner("# Plain\n\nNothing to fold: a colon, a question?\n") is None


def test_a_cards_cjk_sentences_end_as_the_document_ended_them() -> None:
    """The rules read `。` as `.`; a card shows the author's `。` (and `？`, `！` between
    sentences) again, never a Latin period and a space in Chinese prose. A `.` after Latin text,
    in a file name or a number, and the builder's own closing `?`, stay."""
    assert (
        full_width_stops("術後會痛. 醫生會給藥. 痛嗎? 會! 好.")
        == "術後會痛。醫生會給藥。痛嗎？會！好。"
    )
    assert (
        full_width_stops("{{c1::止痛藥}}. **多休息**.\n- 甲")
        == "{{c1::止痛藥}}。**多休息**。\n- 甲"
    )
    for kept in (
        "Rest well. Drink water.",
        "見 說明.md 與 第3.5 版",
        "止痛藥?",
        "疼痛...",
        "甲: 乙",
    ):
        assert full_width_stops(kept) == kept
    plan = planned(
        "# 剖腹產\n\n## 術後\n\n| **項目** | **描述** |\n| --- | --- |\n"
        "| **疼痛** | 術後會痛。醫生會給止痛藥。 |\n| **活動** | 六週內避免提重物。 |\n"
    )
    backs = [packaged.note.back for packaged in plan.notes]
    assert backs == ["術後會痛。醫生會給止痛藥。", "六週內避免提重物。"]
    assert [packaged.note.key for packaged in plan.notes] == [
        packaged.note.key
        for packaged in planned(
            "# 剖腹產\n\n## 術後\n\n| **項目** | **描述** |\n| --- | --- |\n"
            "| **疼痛** | 術後會痛. 醫生會給止痛藥. |\n| **活動** | 六週內避免提重物. |\n"
        ).notes
    ]


PDF_TEXT = (
    "# 5120408 31 PKorrinFever\n\n"
    "VALLEY HEALTH AGENCY \n"
    "Protocol: KORRIN FEVER\u2776 Ref. No. 31 \n"
    "PAGE 1 OF 2 \n"
    " \n"
    "1. Cool the skin with a wet cloth until the temperature \n"
    "falls below 38 \u00b0C \n"
    " \n"
    "IF RASH SPREADS \u2777 \n"
    " \n"
    "2. Give velbarin 10 mg/kg by mouth  \n"
    "May repeat once after 6 hours \n"
    " \n"
    "VALLEY HEALTH AGENCY \n"
    "Protocol: KORRIN FEVER\u2776 Ref. No. 31 \n"
    "PAGE 2 OF 2 \n"
    " \n"
    "3. Carry the hiker down to the clinic \n"
    "\u2022 Bring the velbarin box along \n"
)


def test_a_pdfs_text_is_read_as_the_document_it_was() -> None:
    """Text extracted from a PDF (page numbers on two pages, lines ending in a stray space):
    the header every page repeats goes blank, a line cut mid-sentence goes on with the line
    after it, a step's other lines (and a "•" bullet right under it) are indented into the step,
    the condition in capitals leads its steps in and the circled footnote marks go, every line
    keeping its number."""
    written = rewritten(pdf_text, PDF_TEXT).split("\n")
    assert not any(written[at].strip() for at in (2, 3, 4, 14, 15, 16))  # the page headers
    assert written[6] == "1. Cool the skin with a wet cloth until the temperature falls below 38 °C"
    assert not written[7].strip()
    assert written[9] == "If rash spreads:"
    assert written[12] == "   May repeat once after 6 hours"  # the step's own line
    assert written[19] == "   - Bring the velbarin box along"  # a "•" bullet under the step
    fronts = [n.note.front for n in planned(PDF_TEXT, "protocol.md").notes]
    assert (
        "Korrin Fever: Cool the skin with a wet cloth until the temperature falls {{c1::below"
        in ("\n".join(fronts))
    )  # the title without its file numbers, the wrapped step whole
    assert any(
        front.startswith("If rash spreads in korrin fever:\n\n1. {{c1::Give") for front in fronts
    )
    assert not any("\u2776" in front or "PAGE" in front for front in fronts)


def test_a_pdfs_bullets_under_a_step_are_its_sibling_items() -> None:
    """Several "•" bullets right under a step are all the step's sub-items, side by side: each
    is not nested under the bullet above it (a ladder, and a line of 100,000 bullets grew an
    indent of 200,000 spaces at its end)."""
    text = (
        "Page 1 of 2\n\nPage 2 of 2\n\n1. Pack the kit\n\u2022 Gloves\n\u2022 Towels\n\u2022 Salt\n"
    )
    written = rewritten(pdf_text, text).split("\n")
    assert written[5:8] == ["   - Gloves", "   - Towels", "   - Salt"]
    alone = rewritten(pdf_text, "Page 1 of 2\n\nPage 2 of 2\n\n\u2022 Gloves\n\u2022 Towels\n")
    assert alone.split("\n")[4:6] == ["- Gloves", "- Towels"]


def test_text_without_a_pdfs_marks_keeps_its_lines() -> None:
    """Markdown written by hand wraps its lines too, ends them in two spaces (a line break) and
    may name one page ("Page 1 of 3") or a condition in capitals: nothing is rewritten."""
    for text in (
        "# Korrin\n\nCool the skin with a wet cloth until the temperature\nfalls below 38 °C.\n",
        "# Korrin\n\n" + "".join(f"Line {n} of the leaflet and\nits end  \n" for n in range(8)),
        "# Korrin\n\nPAGE 1 OF 3\n\nIF RASH SPREADS\n\n1. Give velbarin\n",
        "# Korrin \n\nOne line with a space \nand another \n",  # too few lines to tell
    ):
        assert pdf_text(text) == text


GLYPH_NOTE = (
    "# Korrin checks\n"
    "\n"
    "3. Look at the feet\n"
    "   \u2022 Soles should be dry\n"
    "   Pebble test: roll a pebble under the sole\n"
    "   \u2022 The toes should curl\n"
    "\n"
    "Korrin nerves:\n"
    "I. Smellen (sensory): a lemon peel\n"
    "II. Sighten: the wall chart\n"
    "- Near: the pocket card\n"
    "  III. Blinker (motor): follow a pen\n"
)


def test_glyph_bullets_and_roman_numeral_lines_are_list_items() -> None:
    """A "•" line is a `+ ` item at its indent (under a step, the step's sub-list), a capitalised
    line between two of them one more item; a run of roman-numeral lines from I is a list at the
    first one's indent, the numeral after the name, the lines between two numerals the first
    one's sub-items."""
    written = rewritten(glyph_lists, GLYPH_NOTE).split("\n")
    assert written[3:6] == [
        "   + Soles should be dry",
        "   + Pebble test: roll a pebble under the sole",
        "   + The toes should curl",
    ]
    assert written[8:12] == [
        "- Smellen (I) (sensory): a lemon peel",
        "- Sighten (II): the wall chart",
        "  - Near: the pocket card",
        "- Blinker (III) (motor): follow a pen",
    ]
    fronts = [n.note.front for n in planned(GLYPH_NOTE).notes]
    assert "Korrin nerves: Blinker (III) (motor)?" in fronts
    assert "Sighten (II): Near?" in fronts
    assert not any("\u2022" in front or "III." in front for front in fronts)
    beside = (
        "# Korrin checks\n\n## Nose\n\n\u2022 Then look at the nose\n\n"
        "- Make sure both sides match in shape\n- Make sure the middle wall is straight\n"
    )
    backs = [n.note.back for n in planned(beside).notes]
    assert backs and not any("Then look" in back for back in backs)  # a list of its own


def test_lines_that_only_look_like_glyph_or_numeral_items_stay() -> None:
    """A glyph inside a line, a wrapped line in small letters between bullets, a single numeral
    line, numerals that do not count from I, a numeral with no name and colon or bracket after
    it (a title), and fenced code are left as written."""
    for text in (
        "# Korrin\n\nFever \u2022 rash \u2022 cough\n",
        "# Korrin\n\nI. Smellen (sensory): a lemon peel\n\nA plain line.\n",
        "# Korrin\n\nII. Smellen (sensory): a peel\nIII. Sighten: a chart\n",
        "# Korrin\n\nI. Introduction to the nerves\nII. Tests at the bedside\n",
        "# Korrin\n\n```\n\u2022 kept\nI. One: a\nII. Two: b\n```\n",
        "# Korrin\n\nI. Smellen (sensory): a peel\n\n## Sight\n\nII. Sighten: a chart\n",
    ):
        assert glyph_lists(text) == text
    wrapped = "# Korrin\n\n\u2022 Soles should be dry and\nwarm to touch\n\u2022 Toes curl\n"
    assert glyph_lists(wrapped).split("\n")[3] == "warm to touch"  # the bullet's own text


def test_lines_counted_in_small_roman_numerals_or_letters_are_list_items() -> None:
    """`i)` `ii)` `iii)` lines (or `a)` `b)` `c)`) one after the other are a list: CommonMark
    numbers a list in digits only, so the three kinds of cause were one paragraph and no card."""
    text = "# Korrin\n\n## Causes\n\ni)  a tick bite \nii) a shared cup\niii) a blood transfusion\n"
    assert rewritten(glyph_lists, text).split("\n")[4:7] == [
        "- a tick bite ",
        "- a shared cup",
        "- a blood transfusion",
    ]
    lettered = "Signs:\na) rash\nb) fever\nc) cough\nd) aches\ne) chills\nf) sweats\ng) thirst\n"
    lettered += "h) nausea\ni) itch\n"
    assert rewritten(glyph_lists, lettered).split("\n")[9] == "- itch"  # i) in a letter run
    backs = [n.note.front for n in planned(text).notes]
    assert any("{{c3::a blood transfusion}}" in back for back in backs)
    for kept in (
        "# Korrin\n\ni) one line alone\n",
        "# Korrin\n\nii) not from the first\niii) numeral\n",
        "# Korrin\n\ni) apart\n\nii) by a blank line\n",
        "# Korrin\n\nSee a) here and b) there.\n",
        "# Korrin\n\n```\ni) kept\nii) as code\n```\n",
    ):
        assert glyph_lists(kept) == kept


SLIDE_GLYPHS = (
    "# Velbarin\n"
    "\n"
    "## Slide 4\n"
    "\n"
    "\u25cfVelbarin has three uses :\n"
    "\u2022calming,\n"
    "\u2022sleep,\n"
    "\u2022cramps\n"
    "\u25cfHarms to watch for :\n"
    "\u2022drowsiness,\n"
    "\u2022unsteady gait,\n"
    "\u2022memory gaps\n"
    "\n"
    "## Dosing\n"
    "\n"
    "Give it with food\n"
    "\u2219Evening: the larger half\n"
)


def test_glyphs_glued_to_their_words_are_items_the_lighter_under_a_heavier_lead_in() -> None:
    """A slide's `●` lead-in over `•` items, each glyph glued to its word, is a list: the `•`
    lines nest under the `●` line ending in ':' above them (read at one depth, or not at all,
    the lead-in was an item beside its own items, and no list was asked); a `∙` line is an item
    too and no glyph reaches a front."""
    written = rewritten(glyph_lists, SLIDE_GLYPHS).split("\n")
    assert written[4:12] == [
        "+ Velbarin has three uses :",
        "  + calming,",
        "  + sleep,",
        "  + cramps",
        "+ Harms to watch for :",
        "  + drowsiness,",
        "  + unsteady gait,",
        "  + memory gaps",
    ]
    assert written[16] == "+ Evening: the larger half"
    notes = [n.note for n in planned(SLIDE_GLYPHS).notes]
    fronts = " ".join(note.front for note in notes)
    assert "{{c2::sleep}}" in fronts and "{{c3::memory gaps}}" in fronts
    assert not any(glyph in fronts for glyph in "\u25cf\u2022\u2219")


def test_a_pdfs_glued_glyphs_are_items_and_its_lone_page_numbers_chrome() -> None:
    """In a PDF's text (lines ending in one space) a glued `●`/`•` bullet is a `- ` item, the
    `•` ones under a `●` lead-in, and a line that is only a page's number goes blank: over the
    list it was read as its lead-in ("4?")."""
    text = "".join(
        f"## Slide {n} \n\n{n} \n\u25cfHarms of drug {n} : \n\u2022drowsiness, \n\u2022falls \n\n"
        for n in (3, 4)
    )
    written = rewritten(pdf_text, text).split("\n")
    assert written[2:6] == ["", "- Harms of drug 3 :", "  - drowsiness,", "  - falls"]


def test_a_pdfs_line_cut_on_a_small_word_goes_on_on_the_next_whatever_opens_it() -> None:
    """In a PDF's text a line stopping on "over", "de", "and" … goes on on the next line even
    when that opens with a figure or a capital ("…given IV over" / "15 seconds."): read apart,
    the measure card ended on "over"; a line ending on a figure or a word that ends sentences
    keeps its place."""
    text = "".join(f"Line {n} of the leaflet ends here \n" for n in range(8))
    text += "Children get 0.01 mg/kg IV over \n15 seconds. \nAdults get a dose of \n"
    text += "0.2 mg first \nTarget dose 80 \n130 at night \n"
    written = rewritten(pdf_text, text).split("\n")
    assert written[8:14] == [
        "Children get 0.01 mg/kg IV over 15 seconds.",
        "Adults get a dose of 0.2 mg first",
        "Target dose 80",
        "130 at night",
        "",
        "",
    ]


def test_glyph_kinds_under_a_sentence_or_alone_stay_at_one_depth() -> None:
    """`•` lines under a `●` sentence that is no lead-in (its examples, not its items), a run
    of one kind, and `•` glued inside a line keep their depth."""
    sentence = "# Velbarin\n\n\u25cfIts effect fades with long use\n\u2022Brand A 6 h\n"
    sentence += "\u2022Brand B 8 h\n"
    assert rewritten(glyph_lists, sentence).split("\n")[2:5] == [
        "+ Its effect fades with long use",
        "+ Brand A 6 h",
        "+ Brand B 8 h",
    ]
    one = "# Velbarin\n\nUses:\n\u2022calming\n\u2022sleep\n"
    assert rewritten(glyph_lists, one).split("\n")[3:5] == ["+ calming", "+ sleep"]
    inside = "# Velbarin\n\nFever\u2022rash\u2022cough\n"
    assert glyph_lists(inside) == inside


def test_a_glyphs_short_lead_ins_over_lines_of_their_own_glyph_head_those_lines() -> None:
    """A slide typing its sub-heads with the glyph of their items ("•In the ICU :" over
    "•to wake …"): two short lead-ins or more of one glyph each head the lines of that glyph
    after them, and a short line of it opening with the same word and ending in no stop ("•In
    transport or at home") is one more; the lines before the first stay beside them. One such
    lead-in alone stays an item beside its items."""
    text = (
        "# Tessalone\n\n\u25cfWhen to give it :\n\u2022In the ICU :\n\u2022to wake a patient.\n"
        "\u2022to tell one coma from another.\n\u2022In theatre :\n\u2022to end a sedation,\n"
        "\u2022In transport or at home\n\u2022to reverse a slow breath.\n"
    )
    assert rewritten(glyph_lists, text).split("\n")[2:11] == [
        "+ When to give it :",
        "  + In the ICU :",
        "    + to wake a patient.",
        "    + to tell one coma from another.",
        "  + In theatre :",
        "    + to end a sedation,",
        "  + In transport or at home",
        "    + to reverse a slow breath.",
        "",
    ]
    one = "# Tessalone\n\n\u25cfWhen to give it :\n\u2022In the ICU :\n\u2022to wake.\n"
    one += "\u2022at night.\n"
    assert rewritten(glyph_lists, one).split("\n")[2:6] == [
        "+ When to give it :",
        "  + In the ICU :",
        "  + to wake.",
        "  + at night.",
    ]


def test_a_levels_label_under_a_reading_levels_heading_goes_and_a_classifications_stays() -> None:
    """Under "Complexity levels" (the same points told at rising depth) a bold "**Level 2**:"
    label opening a paragraph or an item goes and its text stays; under a heading naming a
    classification ("Trauma centre levels") the levels are what is asked, and stay."""
    text = (
        "# Tessal wounds\n\n## Complexity Levels\n\n**Level 1**: Keep the wound dry.\n\n"
        "- **Level II:** Stitches come out in 7 days.\n\n## Trauma centre levels\n\n"
        "**Level 1**: A surgeon on site all day.\n"
    )
    written = rewritten(reading_levels, text).split("\n")
    assert written[4] == "Keep the wound dry."
    assert written[6] == "- Stitches come out in 7 days."
    assert written[10] == "**Level 1**: A surgeon on site all day."
    fronts = "\n".join(n.note.front for n in planned(text, "tessal.md").notes)
    assert "Level 1?" in fronts and "Level II" not in fronts


CONVERTED_SPLINT = (
    "# Tessen splint fitting\n"
    "\n"
    "Kit for the splint:\n"
    "q Padded tessen splint\n"
    "q #2-#4 crepe bandage\n"
    "q Hook and loop strap\n"
    "Procedure:\n"
    "q 1. Check the pulse in the foot before you start.\n"
    "q 2. Pad the splint:\n"
    "\uf0b7 Cover the ankle bones\n"
    "\uf0b7 Cover the back of the knee\n"
    "q 3. Strap it from the toes upward:\n"
    "\u27a2 Leave the toes in view\n"
    "\u27a2 Keep each turn even\n"
    "~ This Page Intentionally Left Blank ~\n"
    "212\n"
)


def test_a_pdfs_checkbox_and_symbol_font_bullets_are_list_items() -> None:
    """A lone `q` (a Wingdings box) opening two lines or more is a bullet, `q 1.` the numbered
    item; a private-use glyph (Symbol's U+F0B7) or an arrow opening a line a bullet; a lead-in
    line between two bullets stays a lead-in; a "left blank" line and, in such a converted
    document, a line that is only a page's number go blank. The kit, the padding and the
    strapping are each asked as a list."""
    written = rewritten(glyph_lists, CONVERTED_SPLINT).split("\n")
    assert written[3:16] == [
        "+ Padded tessen splint",
        "+ #2-#4 crepe bandage",
        "+ Hook and loop strap",
        "Procedure:",
        "1. Check the pulse in the foot before you start.",
        "2. Pad the splint:",
        "+ Cover the ankle bones",
        "+ Cover the back of the knee",
        "3. Strap it from the toes upward:",
        "+ Leave the toes in view",
        "+ Keep each turn even",
        "",
        "",
    ]
    notes = planned(CONVERTED_SPLINT).notes
    assert len(notes) >= 3
    said = " ".join(n.note.front + " " + n.note.back for n in notes)
    said = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", said)  # an item's words, wherever its deletion
    assert "Cover the ankle bones" in said and "Leave the toes in view" in said
    assert "Padded tessen splint" in said
    assert "Left Blank" not in said and "212" not in said and "\uf0b7" not in said


def test_letters_and_numbers_that_only_look_like_a_pdfs_glyphs_stay() -> None:
    """One `q` line, an `o` going on in small letters (Spanish "o bien …", "or"), a `§` line
    once, and a number alone on its line in a document with no converter's glyph (an arrow
    bullet may be typed by hand) are text."""
    for text in (
        "# Korrin\n\nq Padded tessen splint\n\nA plain line.\n",
        "# Korrin\n\nTome el jarabe con agua\no bien con leche tibia\no bien con zumo\n",
        "# Korrin\n\n\u00a7 Twelve of the act\n",
        "# Korrin\n\nResting pulse:\n72\n",
    ):
        assert glyph_lists(text) == text
    typed = "# Korrin\n\nResting pulse:\n72\n\n\u27a4 Count for a full minute\n"
    assert glyph_lists(typed).split("\n")[3] == "72"  # an arrow typed by hand: no page number


def test_bold_closed_after_a_space_is_bold_and_leaves_no_marks_on_a_card() -> None:
    """`**no fever **(see below)`: CommonMark closes no emphasis after a space, so both `**`
    stayed on the card as text."""
    text = "Send home **if** there is **no fever **(see below), and **rest **."
    clean = inline_cleaner(text)
    assert clean is not None
    assert clean(text) == "Send home **if** there is **no fever** (see below), and **rest**."
    for kept in ("a **b** c **d**", "x ** y ** z", "**a **b**", "**a **b and **c**"):
        cleaner = inline_cleaner(kept)
        assert cleaner is None or cleaner(kept) == kept
    plan = planned(
        "# Kettles\n\n## Boiling\n\n- **Boil time:** **two minutes **(at sea level)\n"
        "- **Stand time:** **five minutes **before pouring\n"
    )
    backs = [note.fields["Back"] for note in plan.notes]
    assert backs == [
        "<strong>two minutes</strong> (at sea level)",
        "<strong>five minutes</strong> before pouring",
    ]


def test_an_escaped_mark_is_its_character_and_opens_no_emphasis() -> None:
    """`\\*\\*Velbarin and …` read `**` as the start of bold: the stars went and the backslash
    stayed ("\\Velbarin")."""
    assert (
        plain(r"\*\*Velbarin and korrin\* x **bold** a\_b") == "**Velbarin and korrin* x bold a_b"
    )
    assert plain("**bold** and *italic*") == "bold and italic"


_TREE_PIECE = st.sampled_from(
    ["```", "~~~", "```python", "├─ Skin: pale", "│  └─ Pulse: slow", "└─ YES → Wait", "│", "",
     "|-- Rest: in bed", "`-- main.py", "Root", "x = {", "   ├─ Late stage", "- item"]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_TREE_PIECE, max_size=16))
@example(["```", "~~~", "├─ Skin: pale", "├─ Skin: pale", "```", "~~~"])  # fences inside a fence
def test_fenced_trees_keep_every_line_on_its_line(pieces: list[str]) -> None:
    """Whatever the fences and branches, the tree pass keeps the number of lines, changes only
    lines inside an untagged fence (and its fence lines), and reads nothing twice."""
    text = "\n".join(pieces)
    read = tree_fences(text)
    assert read.count("\n") == text.count("\n")
    assert tree_fences(read) == read
    if "```" not in text and "~~~" not in text:
        assert read == text


def test_a_fenced_tree_is_an_outline_and_a_flowchart_stays_code() -> None:
    """Branches become items at their depth; a decision flowchart and a tagged fence stay."""
    tree = "```\nSigns\n│\n├─ Early\n│  └─ Skin: pale\n└─ Late\n```"
    assert tree_fences(tree).split("\n") == [
        "",
        "Signs",
        "",
        "- Early",
        "  - Skin: pale",
        "- Late",
        "",
    ]
    flowchart = "```\n├─ Door shut?\n│  └─ NO → Shut it\n└─ YES → Wait\n```"
    assert tree_fences(flowchart) == flowchart
    tagged = tree.replace("```\nSigns", "```console\nSigns", 1)
    assert tree_fences(tagged) == tagged


def test_source_tags_closing_a_claim_go_in_a_document_that_tags_its_claims() -> None:
    document = (
        "| Drug | Avoid in |\n|---|---|\n"
        "| Velbarin | **Asthma** [KSG PB 12] |\n"
        "| Halcitrol | Pregnancy [KSG 2024] |\n"
        "| Quellin | Gout [Orman et al. 2011] |\n\n"
        "*Source: [Brandt].* Rest helps [see local policy]. A hint [Pb] stays, and assay [KELA] "
        "results too. Pandoc keys [@orman2011] go.\n"
    )
    clean = inline_cleaner(document)
    assert clean is not None
    assert clean("**Asthma** [KSG PB 12]") == "**Asthma**"
    assert clean("Pregnancy [KSG 2024]") == "Pregnancy"
    assert clean("Gout [Orman et al. 2011]") == "Gout"
    assert clean("*Source: [Brandt].* Rest helps [see local policy].") == "Rest helps."
    assert clean("Given early [Brandt]") == "Given early"
    # a bracketed word inside a sentence, a link's text and a definition are the author's
    assert clean("assay [KELA] results too") == "assay [KELA] results too"
    assert clean("read [KSG 2024](https://example.org) first") == (
        "read [KSG 2024](https://example.org) first"
    )
    # without tags of sources elsewhere, a closing bracketed name is the author's text
    plain_page = "Low calcium [Ca].\nHigh lead [Pb].\nOne cite [KSG 2024].\n"
    untouched = inline_cleaner(plain_page)
    assert untouched is None or untouched("High lead [Pb]") == "High lead [Pb]"


def test_a_pandoc_citation_key_goes_from_every_text() -> None:
    clean = inline_cleaner("Excretion falls when any of these is low [@orman2011]:\n")
    assert clean is not None
    assert clean("Excretion falls when these are low [@orman2011]:") == (
        "Excretion falls when these are low:"
    )
    assert clean("Two keys [@orman2011; @brandt2019, p. 4].") == "Two keys."
    assert planned("# Korrin fever\n\nKorrin fever lasts 5 days [@orman2011].\n").notes
    fronts = [
        " ".join(note.fields.values())
        for note in planned(
            "# Korrin fever\n\n## Course\n\n- It lasts **5 days** [@orman2011].\n"
            "- It peaks on **day 2** [@brandt2019].\n"
        ).notes
    ]
    assert fronts and not any("@" in front for front in fronts)


FOOTNOTED_TABLES = (
    "# Korrin doses\n"
    "\n"
    "### Mood\n"
    "| Drug | Dose |\n"
    "|---|---|\n"
    "| Velbarin | 300mg\\[1\\]|\n"
    "\n"
    "### Sleep\n"
    "| Drug | Dose |\n"
    "|---|---|\n"
    "| Tessalid | 20mg/mL\\[2\\] |\n"
    "| Quellin | 5mg |\n"
    "\n"
    "1. The same as 250mg of velbaric acid.\n"
    "2. The same as 10mg of quellin.\n"
)


def test_a_tables_numbered_notes_go_into_the_cells_their_markers_mark() -> None:
    """The numbered notes under a page of tables, each number a cell's marker, go into their
    cells in brackets and their lines go blank: carded alone they were whole sentences clozed
    with no cue, and the answers showed "300mg\\[1\\]"."""
    written = rewritten(table_footnotes, FOOTNOTED_TABLES).split("\n")
    assert written[5] == "| Velbarin | 300mg (The same as 250mg of velbaric acid)|"
    assert written[10] == "| Tessalid | 20mg/mL (The same as 10mg of quellin) |"
    assert written[13:15] == ["", ""]
    notes = [n.note for n in planned(FOOTNOTED_TABLES).notes]
    said = " ".join(note.front + " " + note.back for note in notes)
    assert "\\[" not in said and "{{c1::The same" not in said
    assert "300mg (The same as 250mg of velbaric acid)" in said


def test_a_list_under_a_table_that_its_markers_do_not_number_stays() -> None:
    """A numbered list under a table whose cells mark other numbers (or none) is the author's
    list: it stays; a marker with no note under its table goes."""
    steps = FOOTNOTED_TABLES.replace("2. The same as 10mg of quellin.", "3. Give it at night.")
    written = rewritten(table_footnotes, steps).split("\n")
    assert written[13:15] == ["1. The same as 250mg of velbaric acid.", "3. Give it at night."]
    assert written[5] == "| Velbarin | 300mg|"
    plain_list = "| Drug | Dose |\n|---|---|\n| Velbarin | 300mg |\n\n1. Check the pulse.\n"
    assert table_footnotes(plain_list) == plain_list


SLIDES = (
    "# Korrin module\n"
    "\n"
    "## Page 1\n"
    "\n"
    "KORRIN FEVER DRUGS\n"
    "\n"
    "## Page 2\n"
    "\n"
    "2\n"
    "Velbarin acts on the tessal gland.\n"
    "Give it with food VELBARIN DOSINGThe Korrin Module Drugs Effects Antidote\n"
    "\n"
    "## Page 3\n"
    "\n"
    "3\n"
    "Rash and dry mouth are commonSIDE EFFECTSThe Korrin Module Drugs Effects Antidote\n"
    "\n"
    "## Slide 4\n"
    "\n"
    "4\n"
    "Tessalone reverses velbarin within 2 minutes.\n"
    "ANTIDOTEThe Korrin Module Drugs Effects Antidote\n"
)


def test_a_slide_decks_footer_goes_and_its_glued_title_heads_the_page() -> None:
    """A deck converted page by page (`## Page 3`): the navigation bar every slide ends with is
    cut from the line it was glued to, the slide's title in capitals glued before it becomes the
    page's heading, and the page's number alone under its heading goes; every line keeps its
    number, and a page with no footer keeps its heading."""
    written = rewritten(slide_pages, SLIDES).split("\n")
    assert written[2] == "## Page 1"  # no footer on the title slide
    assert written[6] == "## VELBARIN DOSING"
    assert written[8] == ""
    assert written[10] == "Give it with food"
    assert written[12] == "## SIDE EFFECTS"
    assert written[15] == "Rash and dry mouth are common"
    assert written[17] == "## Slide 4"  # its title is a whole line of its own: no glued title
    assert written[20] == "Tessalone reverses velbarin within 2 minutes."
    assert written[21] == "ANTIDOTE"
    fronts = "\n".join(n.note.front for n in planned(SLIDES, "korrin-module.md").notes)
    assert "Page" not in fronts and "Korrin Module Drugs" not in fronts


LABELLED_SLIDES = (
    "# Korrin module\n"
    "\n"
    "## Page 1\n"
    "\n"
    "1\n"
    "Tessalone blocks the tessal receptor of the GLAOVERDOSE\n"
    "TESSALONE ANTIDOTEThe Korrin Module Drugs Effects Antidote\n"
    "\n"
    "## Page 2\n"
    "\n"
    "2\n"
    "Give it again after two hours.OVERDOSE\n"
    "TESSALONE DOSINGThe Korrin Module Drugs Effects Antidote\n"
    "\n"
    "## Page 3\n"
    "\n"
    "3 OVERDOSE\n"
    "TESSALONE IN CHILDRENThe Korrin Module Drugs Effects Antidote\n"
    "Half the adult dose.\n"
    "\n"
    "## Page 4\n"
    "\n"
    "4\n"
    "Velbarin is taken with the RASH\n"
    "VELBARIN HARMSThe Korrin Module Drugs Effects Antidote\n"
)


def test_a_slide_decks_section_label_glued_above_its_title_goes() -> None:
    """A deck's section label in capitals over each slide's title, glued by the extractor to the
    slide's last line ("…hours.OVERDOSE", "…of the GLAOVERDOSE") or set beside the page's number
    ("3 OVERDOSE"), is chrome: it is cut, where a case change or the page's number shows where
    it starts on two pages or more, and then where it is glued to capitals too. A word in
    capitals ending one page's line ("RASH"), shown nowhere else, stays."""
    written = rewritten(slide_pages, LABELLED_SLIDES).split("\n")
    assert written[2] == "## TESSALONE ANTIDOTE"
    assert written[5] == "Tessalone blocks the tessal receptor of the GLA"
    assert written[11] == "Give it again after two hours."
    assert written[16] == ""
    assert written[18] == "Half the adult dose."
    assert written[23] == "Velbarin is taken with the RASH"
    once = LABELLED_SLIDES.replace("hours.OVERDOSE", "hours.").replace("3 OVERDOSE", "3")
    assert rewritten(slide_pages, once).split("\n")[5].endswith("GLAOVERDOSE")


def test_pages_with_no_repeated_footer_and_hand_written_headings_keep_their_lines() -> None:
    """Fewer than three page headings, or pages whose lines share no long ending, are left as
    written: an ending shared by two lines is chance, and "## Page layout" is a subject."""
    two = (
        "## Page 1\n\nA line ending the same words here\n\n"
        "## Page 2\n\nB line ending the same words here\n"
    )
    assert slide_pages(two) == two
    varied = SLIDES.replace("The Korrin Module Drugs Effects Antidote", "")
    assert slide_pages(varied) != varied  # the lone page numbers still go
    assert "VELBARIN DOSING" in slide_pages(varied).split("\n")[10]
    hand = "## Page layout\n\nText.\n\n## Page design\n\nText.\n\n## Page 3 notes\n\nText.\n"
    assert slide_pages(hand) == hand


def test_an_aside_naming_where_the_author_read_a_point_goes() -> None:
    """ "(very important reminder from the PDF)" says where the author copied a point from: it
    goes; an aside with a fact before it keeps the fact ("(blue lips, a major sign of the
    slides)" -> "(blue lips)"); an aside alone on its line stays (a blank line would part its
    paragraph), and one that only points at the slides ("(see the slides)") is another kind's."""
    text = (
        "- never give velbarin twice (very important reminder from the PDF).\n"
        "- **Tessal rash**\n"
        "    (blue lips, a major sign of the slides).\n"
        "Korrin\n"
        "    (from the PDF)\n"
        "Blood film (see the slides)\n"
    )
    written = rewritten(provenance_asides, text).split("\n")
    assert written[0] == "- never give velbarin twice."
    assert written[2] == "    (blue lips)."
    assert written[4] == "    (from the PDF)"
    assert written[5] == "Blood film (see the slides)"
