"""The document model as the rules see it: text outside sections, callouts of every dialect,
nested list items, label lines, other dialects' markup, and the warnings for what it cannot place.

End-to-end cases (the cards these shapes make) are in tests/fixtures/rules/document.md.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from builder.cli import cli
from builder.dialects import inline_cleaner
from builder.document import (
    Document,
    ListBlock,
    ListItem,
    Paragraph,
    RawBlock,
    Section,
    Table,
    file_name_words,
    parse_document,
    stem_title,
    to_markdown,
)


def parse(text: str, name: str = "korrin-fever.md") -> Document:
    return parse_document(Path(name), text)


def outline(document: Document) -> list[tuple[int, str, str]]:
    """(level, path, callout kind) of every section, in document order."""
    return [(s.level, "/".join(s.path), s.callout) for s in document.walk()]


def only_list(document: Document) -> ListBlock:
    """The first section's one block, which is a list."""
    (block,) = document.sections[0].blocks
    assert isinstance(block, ListBlock)
    return block


def texts(section: Section) -> list[str]:
    """Each block of a section as Markdown (a list as its items)."""
    return [to_markdown((block,)) for block in section.blocks]


# -- text outside `##` sections ----------------------------------------------------------------


def test_text_before_the_first_heading_and_under_the_title_is_the_documents_section() -> None:
    document = parse(
        "Korrin fever is tick-borne.\n\n# Korrin fever\n\nAbout 5% of hikers get it.\n\n"
        "## Prevention\n\n- repellent\n- long sleeves\n"
    )
    intro, prevention = document.sections
    assert (intro.level, intro.title, intro.path, intro.line) == (
        0,
        "Korrin fever",
        ("Korrin fever",),
        1,
    )
    assert texts(intro) == ["Korrin fever is tick-borne.", "About 5% of hikers get it."]
    assert (prevention.level, prevention.path) == (2, ("Prevention",))


def test_a_document_without_headings_is_one_section_titled_by_the_document() -> None:
    document = parse("---\ntitle: Korrin fever\n---\nVelbarin is first line.\n\n- fever\n- rash\n")
    (only,) = document.sections
    assert (only.level, only.title) == (0, "Korrin fever")
    assert isinstance(only.blocks[1], ListBlock)


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("korrin-fever.md", "Korrin Fever"),
        ("MH.md", "MH"),
        ("ECG_basics.md", "ECG Basics"),
        ("copd--notes_.md", "Copd Notes"),
    ],
)
def test_a_document_with_no_title_is_titled_by_its_file_name_as_written(
    name: str, title: str
) -> None:
    """A word in capitals stays so: "MH.md" made a deck called "Mh", which names nothing."""
    assert parse("- fever\n- rash\n", name).title == title


@pytest.mark.parametrize(
    ("name", "title"),
    [
        ("7_korrin-fever_en.md", "Korrin Fever"),
        ("05-3_korrin_fever-fr.md", "Korrin Fever"),
        ("korrin fever (1).md", "Korrin Fever"),
        ("korrin_fever_0.md", "Korrin Fever"),
        ("covid-19.md", "Covid 19"),
        ("vitamin-d.md", "Vitamin D"),
        ("type_2_diabetes.md", "Type 2 Diabetes"),
        ("12.md", "12"),
        ("(1).md", "(1)"),
        ("_0.md", "0"),
        ("diabetes_type_2.md", "Diabetes Type 2"),
        ("pellan_stage_3_en.md", "Pellan Stage 3"),
        ("lecture_1.md", "Lecture 1"),
        ("Stroke-ID.md", "Stroke ID"),
        ("murmurs_AR.md", "Murmurs AR"),
        ("hepatitis_b_1.md", "Hepatitis B 1"),
    ],
)
def test_a_file_names_numbering_and_language_suffix_are_no_part_of_its_title(
    name: str, title: str
) -> None:
    """ "7_malaria_en.md" named every front "… in 7 malaria en": a site's order number, a
    translation's language code and a copy's "(1)" name no subject; a name's own figure stays."""
    assert parse("- fever\n- rash\n", name).title == title


@pytest.mark.parametrize(
    ("source", "title"),
    [
        ("# FACT SHEET\n\n## Signs\n\n- fever\n- rash\n", "Korrin Fever"),
        ("# Study guide\n\n## Signs\n\n- fever\n- rash\n", "Korrin Fever"),
        ("# cheat sheet\n\n## Signs\n\n- fever\n- rash\n", "Korrin Fever"),
        ("---\nslug: Pellan fever\n---\n# Notes\n\n## Signs\n\n- fever\n", "Pellan Fever"),
        ("# Velbarin fact sheet\n\n## Dose\n\n- 10 mg\n- 20 mg\n", "Velbarin fact sheet"),
        ("# Notes on pellan fever\n\n## Signs\n\n- fever\n", "Notes on pellan fever"),
    ],
)
def test_a_title_naming_only_the_documents_genre_gives_way_to_its_file_name(
    source: str, title: str
) -> None:
    """`# FACT SHEET` over a fact sheet names no subject: the deck is named, and its topic taken,
    from the front matter's slug or the file's name; a title naming a subject stays."""
    assert parse(source, "3_korrin_fever_en.md").title == title


@pytest.mark.parametrize(
    "source",
    [
        "# **Korrin Fever**\n\n## Signs\n\n- fever\n- rash\n",
        "# *Korrin* __Fever__\n\n## Signs\n\n- fever\n- rash\n",
        "---\ntitle: '**Korrin Fever**'\n---\n## Signs\n\n- fever\n- rash\n",
    ],
)
def test_a_title_in_bold_names_the_deck_without_its_markup(source: str, tmp_path: Path) -> None:
    """Handouts that bold every heading (`# **Diabetes**`) made a deck called "**Diabetes**",
    and every card's source line showed the asterisks."""
    assert parse(source).title == "Korrin Fever"
    (tmp_path / "korrin.md").write_text(source, encoding="utf-8")
    listed = CliRunner().invoke(cli, ["cards", str(tmp_path / "korrin.md"), "--format", "json"])
    assert listed.exit_code == 0, listed.output
    assert '"deck": "Korrin Fever::Signs"' in listed.output
    assert "**" not in listed.output


def test_toml_front_matter_names_the_document_and_its_lines_keep_their_numbers() -> None:
    """Hugo's and Zola's `+++` header was read as text: a cloze of its lines, no title."""
    document = parse(
        '+++\ntitle = "Korrin fever"\ndate = 2025-01-01\n[extra]\ntoc = true\n+++\n\n'
        "## Signs\n\n- fever\n- rash\n"
    )
    assert document.title == "Korrin fever"
    assert document.meta["extra"] == {"toc": True}
    assert [(s.title, s.line) for s in document.sections] == [("Signs", 8)]
    assert document.warnings == ()


def test_toml_front_matter_that_is_not_toml_is_read_line_by_line_with_a_warning() -> None:
    document = parse('+++\ntitle = "Korrin fever\n+++\n\n## Signs\n\n- fever\n- rash\n')
    assert document.title == "Korrin fever"
    ((line, message),) = document.warnings
    assert line == 2 and message.startswith("front matter is not valid TOML")
    unclosed = parse('+++\ntitle = "Korrin fever"\ntags = [ "a",\n+++\n\n## Signs\n\n- fever\n')
    assert unclosed.title == "Korrin fever"
    assert [line for line, _ in unclosed.warnings] == [3]  # the unclosed value's line


def test_an_underscore_inside_a_title_word_is_kept() -> None:
    """CommonMark reads no emphasis inside a word: "The A_B_C approach" is no "ABC"."""
    assert parse("# The A_B_C approach\n\n## Steps\n\n- airway\n- breathing\n").title == (
        "The A_B_C approach"
    )
    assert parse("# _Korrin_ fever\n\n## Signs\n\n- fever\n- rash\n").title == "Korrin fever"


def test_front_matter_after_blank_lines_is_front_matter_and_lines_keep_their_numbers() -> None:
    """A file that opens with an empty line: its front matter is still read (not a `title:`
    heading), and the headings after it keep their line numbers."""
    document = parse(
        "\n\n---\ntitle: Korrin fever\ntags: [x]\n---\n\n## Signs\n\n- fever\n- rash\n"
    )
    assert document.title == "Korrin fever"
    assert [(s.title, s.line) for s in document.sections] == [("Signs", 8)]
    # a rule and a heading underlined with dashes, no `key:` line: Markdown as it reads
    hr_and_heading = parse("\n---\nNot front matter\n---\n\n## Signs\n\n- fever\n")
    assert hr_and_heading.meta == {}
    assert [(s.title, s.line) for s in hr_and_heading.walk()][1:] == [
        ("Not front matter", 3),
        ("Signs", 6),
    ]


def test_a_title_with_nothing_under_it_makes_no_empty_section() -> None:
    document = parse("# Korrin fever\n\n## Signs\n\n- fever\n- rash\n")
    assert outline(document) == [(2, "Signs", "")]


def test_only_hash_headings_are_the_sections() -> None:
    document = parse("# Signs\n\n- fever\n\n# Treatment\n\n- rest\n")
    assert outline(document) == [(1, "Signs", ""), (1, "Treatment", "")]


def test_a_subsection_before_the_first_top_level_heading_joins_the_text_it_follows() -> None:
    document = parse(
        "Dry skin.\n\n### Versus psoriasis\n\nFlexor.\n\n# Treatment\n\n- emollients\n"
    )
    assert outline(document) == [
        (0, "Korrin Fever", ""),
        (3, "Korrin Fever/Versus psoriasis", ""),
        (1, "Treatment", ""),
    ]


# -- callouts ----------------------------------------------------------------------------------


def test_admonitions_titled_are_subsections_untitled_belong_to_their_section() -> None:
    document = parse(
        "## Treatment\n\n"
        '!!! danger "Do not delay"\n    Give velbarin within 1 hour.\n\n'
        "!!! note\n    Velbarin is first line.\n\n"
        "??? tip inline end\n    Rest helps.\n\n"
        '???+ warning ""\n    Check the liver.\n'
    )
    (treatment,) = document.sections
    assert texts(treatment) == ["Velbarin is first line.", "Rest helps.", "Check the liver."]
    (delay,) = treatment.children
    assert (delay.title, delay.callout, delay.line, delay.level) == (
        "Do not delay",
        "danger",
        3,
        3,
    )
    assert texts(delay) == ["Give velbarin within 1 hour."]


def test_a_callout_title_that_opens_a_sentence_leads_its_list_in() -> None:
    """A title its list finishes ("… if the hiker" over "- is dizzy") is read as a bold lead-in
    line over the list, in the callout's section; a title naming a subject, a title over
    prose, a question and a `<details>` summary stay subsections."""
    document = parse(
        "## Signs\n\n"
        '!!! danger "Phone the rescue if the hiker"\n    - is dizzy\n    - has a fit\n\n'
        "> [!warning] Stop velbarin when\n> - the rash spreads\n\n"
        '!!! tip "Pack these:"\n    - salts\n\n'
        '??? warning "Red flags"\n    - purple rash\n\n'
        '!!! note "When to call"\n    - at night\n\n'
        '??? question "What to do if it spreads"\n    - rest\n\n'
        '!!! note "Rest if tired"\n    Sleep helps.\n\n'
        "<details><summary>Go home if</summary>\n\n- no fever\n\n</details>\n"
    )
    (signs,) = document.sections
    assert texts(signs) == [
        "**Phone the rescue if the hiker**",
        "- is dizzy\n- has a fit",
        "**Stop velbarin when**",
        "- the rash spreads",
        "**Pack these:**",
        "- salts",
    ]
    assert [(c.title, c.callout) for c in signs.children] == [
        ("Red flags", "warning"),
        ("When to call", "note"),
        ("What to do if it spreads", "question"),
        ("Rest if tired", "note"),
        ("Go home if", "details"),
    ]


def test_an_admonition_closed_by_a_line_holds_its_text() -> None:
    """`!!! kind` … `!!!` with its text indented by two spaces (or none) holds that text as
    the four-space form does: no warning, its heading a bold line, every line where it was."""
    document = parse(
        "## Signs\n\n"
        "!!! warning\n  Most hikers recover.\n!!!\n\n"
        '!!! danger "Phone the rescue if"\n- is dizzy\n!!!\n\n'
        "!!! severe\n  ## Call for help if they\n\n  - have a fit\n!!!\n\n"
        "```\n!!! note\n  code\n!!!\n```\n\n"
        "Rest after.\n"
    )
    assert document.warnings == ()
    assert outline(document) == [(2, "Signs", "")]
    (signs,) = document.sections
    assert [(type(b).__name__, b.line) for b in signs.blocks] == [
        ("Paragraph", 4),
        ("Paragraph", 7),
        ("ListBlock", 8),
        ("Paragraph", 12),
        ("ListBlock", 14),
        ("RawBlock", 17),
        ("Paragraph", 23),
    ]
    assert texts(signs)[:5] == [
        "Most hikers recover.",
        "**Phone the rescue if**",
        "- is dizzy",
        "**Call for help if they:**",  # it leads its list in
        "- have a fit",
    ]
    assert "!!! note\n  code\n!!!" in texts(signs)[5]  # fenced code is left as written


def test_a_later_bang_line_does_not_close_an_admonition_in_mkdocs_form() -> None:
    """Text after a four-space admonition is the section's, whatever `!!!` line comes later."""
    document = parse("## Signs\n\n!!! note\n    Rest helps.\n\nFever lasts a week.\n\n!!!\n")
    (signs,) = document.sections
    assert texts(signs)[:2] == ["Rest helps.", "Fever lasts a week."]
    assert [b.line for b in signs.blocks][:2] == [4, 6]


def test_obsidian_and_github_callouts() -> None:
    document = parse(
        "## Signs\n\n"
        "> [!warning]- Red flags\n> - neck stiffness\n> - confusion\n\n"
        "> [!NOTE]\n> Seen mostly in summer.\n\n"
        ">[!notice]\nDry skin flares.\n\n"
        "> [!tip] Check the scalp\n\n"
        "> A plain quotation.\n"
    )
    (signs,) = document.sections
    assert [type(block).__name__ for block in signs.blocks] == [
        "Paragraph",
        "Paragraph",
        "Paragraph",
        "RawBlock",
    ]
    assert texts(signs)[:3] == ["Seen mostly in summer.", "Dry skin flares.", "Check the scalp"]
    (flags,) = signs.children
    assert (flags.title, flags.callout) == ("Red flags", "warning")
    assert texts(flags) == ["- neck stiffness\n- confusion"]


def test_directives_of_any_site() -> None:
    document = parse(
        "## Drugs\n\n"
        ":::definition Velbarin\nA korrin blocker.\n:::\n\n"
        ":::tip[Remember]\nTake with food.\n:::\n\n"
        '::: {.callout-important title="Stop if"}\nRash spreads.\n:::\n\n'
        ":::crisis\nCall for help.\n:::\n"
    )
    (drugs,) = document.sections
    assert texts(drugs) == ["Call for help."]
    assert [(c.title, c.callout, texts(c)) for c in drugs.children] == [
        ("Velbarin", "definition", ["A korrin blocker."]),
        ("Remember", "tip", ["Take with food."]),
        ("Stop if", "callout-important", ["Rash spreads."]),
    ]


def test_a_heading_inside_a_callout_is_a_bold_line_not_a_section() -> None:
    document = parse("## Drugs\n\n:::note\n### Dose\n5 mg.\n:::\n\n## Next\n\nText.\n")
    assert outline(document) == [(2, "Drugs", ""), (2, "Next", "")]
    assert texts(document.sections[0]) == ["**Dose**", "5 mg."]


def test_a_heading_in_a_list_item_that_marks_its_own_bold_is_its_sentence() -> None:
    """`* ### Velbarin is a **RESCUE DRUG** that …`: wrapped in bold as a label line, its own
    bold would nest ("**Velbarin is a **RESCUE DRUG** …**", stray marks on the card)."""
    document = parse(
        "## Drugs\n\n* ### Velbarin is a **RESCUE DRUG** that acts in minutes.\n"
        "* ### Tessalid\n  Taken daily.\n"
    )
    items = only_list(document)
    first, second = items.items
    assert (first.text, first.blocks) == ("Velbarin is a **RESCUE DRUG** that acts in minutes.", ())
    assert second.text == "**Tessalid**" and texts_of(second) == ["Taken daily."]


def test_details_and_mdx_components_hold_markdown() -> None:
    document = parse(
        "## FAQ\n\n"
        "<details>\n<summary>Is it <b>contagious</b>?</summary>\n\nNo, only by ticks.\n"
        "</details>\n\n"
        "<details><summary>How long?</summary>About one week.</details>\n\n"
        "## Dosing\n\n"
        'import Tabs from "@theme/Tabs";\nexport const level = 2;\n\n'
        '<Tabs>\n  <TabItem value="a" label="Adults">\n\n  - 5 mg\n  - 7 days\n\n'
        "  </TabItem>\n</Tabs>\n\n"
        "<DoseTable>\n\n| Age | Dose |\n|---|---|\n| Child | 2 mg |\n\n</DoseTable>\n\n"
        '<Callout type="warning">Never <Em>double</Em> a dose.</Callout>\n\n'
        "<!-- <Tabs> left for later -->\n"
    )
    faq, dosing = document.sections
    assert [(c.title, c.callout, texts(c), c.line) for c in faq.children] == [
        ("Is it contagious?", "details", ["No, only by ticks."], 3),
        ("How long?", "details", ["About one week."], 9),
    ]
    assert isinstance(dosing.blocks[0], Table) and dosing.blocks[0].line == 27
    assert texts(dosing)[1] == "Never double a dose."
    assert isinstance(dosing.blocks[2], RawBlock) and dosing.blocks[2].kind == "html_block"
    (adults,) = dosing.children
    assert (adults.title, adults.callout, texts(adults)) == (
        "Adults",
        "tabitem",
        ["- 5 mg\n- 7 days"],
    )
    assert adults.blocks[0].line == 19


def test_what_cannot_be_placed_is_kept_and_warned_about_with_its_line() -> None:
    document = parse("## A\n\n:::tip Never closed\nKeep cool.\n\n## B\n\nText.\n")
    assert document.warnings == (
        (3, "':::tip Never closed' has no closing ':::' line; it runs to the end of the "
         "document (or of the block it is in)"),
    )  # fmt: skip
    assert texts(document.sections[0].children[0]) == ["Keep cool.", "**B**", "Text."]

    document = parse("## A\n\n<details><summary>Dose</summary>\n\n5 mg\n\n## B\n\n:::\n\nText.\n")
    assert document.warnings == (
        (3, "<details> has no </details>; it ends at the next heading"),
        (9, "a ':::' line that closes no directive; a directive inside another needs more "
         "colons (':::: outer' ... '::::')"),
    )  # fmt: skip
    assert [texts(c) for c in document.sections[0].children] == [["5 mg"]]
    assert texts(document.sections[1]) == ["Text."]

    # Closed after the headings inside it (a quiz's answer): it still ends at the heading, as a
    # section does, but the author closed it, so there is nothing to warn about.
    closed = "## A\n\n<details><summary>Answer</summary>\n\n## B\n\nText.\n\n</details>\n"
    assert parse(closed).warnings == ()

    document = parse('## A\n\n!!! note "Dose"\n5 mg daily.\n')
    assert document.warnings == (
        (3, "'!!! note \"Dose\"' holds nothing; indent its text by four spaces under it"),
    )
    assert texts(document.sections[0]) == ["Dose", "5 mg daily."]


def test_build_prints_the_models_warnings(tmp_path: Path) -> None:
    source = tmp_path / "notes.md"
    source.write_text("## Signs\n\n:::tip Red flags\n- neck stiffness\n- confusion\n")
    result = CliRunner().invoke(cli, ["build", str(source), "-o", str(tmp_path / "n.apkg")])
    assert result.exit_code == 0, result.output
    assert "notes.md:3: warning: ':::tip Red flags' has no closing ':::' line" in result.output


# -- lists -------------------------------------------------------------------------------------


def test_nested_items_are_kept_with_their_parent_and_in_markdown() -> None:
    document = parse(
        "## Steps\n\n1. **Gown**\n   - tie at the neck\n2. **Mask**\n\n"
        "   | Size | Use |\n   |---|---|\n   | S | child |\n"
    )
    block = only_list(document)
    gown, mask = block.items
    assert gown.text == "**Gown**" and isinstance(gown.blocks[0], ListBlock)
    assert isinstance(mask.blocks[0], Table)
    assert to_markdown((block,)) == (
        "1. **Gown**\n   - tie at the neck\n2. **Mask**\n\n   | Size | Use |\n   |---|---|\n"
        "   | S | child |"
    )


def test_a_label_line_after_an_item_leads_the_next_list() -> None:
    document = parse(
        "## Dosing\n\nIn kidney failure\n- halve the dose\n- double the interval\nScenario\n"
        "- clearance halved\n- dose halved\n"
    )
    blocks = document.sections[0].blocks
    assert [(type(b).__name__, b.line) for b in blocks] == [
        ("Paragraph", 3),
        ("ListBlock", 4),
        ("Paragraph", 6),
        ("ListBlock", 7),
    ]
    assert texts(document.sections[0])[1:3] == [
        "- halve the dose\n- double the interval",
        "Scenario",
    ]


def test_a_label_with_a_colon_after_the_last_item_leads_the_next_list() -> None:
    document = parse("## BP\n\n- pulse 60 to 100\nNormal BP:\n1. systolic 100 to 139\n")
    assert texts(document.sections[0]) == [
        "- pulse 60 to 100",
        "Normal BP:",
        "1. systolic 100 to 139",
    ]


def test_continuations_that_are_not_labels_stay_in_their_item() -> None:
    for continuation in (
        "gone down, usually two days.",  # a sentence
        "the fever has settled",  # the last item, no colon: nothing follows
    ):
        document = parse(f"## Advice\n\n- drink water\n- rest until\n{continuation}\n")
        block = only_list(document)
        assert block.items[1].text == f"rest until\n{continuation}"
    document = parse("## A\n\n- Give oxygen\\\nMonitor\n- Suction\n")
    block = only_list(document)  # a hard break: the item, then its explanation
    assert block.items[0].text == "Give oxygen"
    assert block.items[0].blocks == (Paragraph("Monitor", 4),)


def test_a_hard_broken_item_is_its_first_line_explained_by_the_rest() -> None:
    document = parse(
        "## A\n\n- Give oxygen  \nIt keeps the saturation up.\n"
        "- Remove the airway\nIn mild cases it may be left in place.\n"
        "- Give fluids\\\n  - warm\n- rest until\nthe fever has settled\n"
    )
    block = only_list(document)
    assert [(item.text, texts_of(item)) for item in block.items] == [
        ("Give oxygen", ["It keeps the saturation up."]),
        ("Remove the airway", ["In mild cases it may be left in place."]),
        ("Give fluids", ["- warm"]),
        ("rest until\nthe fever has settled", []),  # a wrapped line, not an explanation
    ]


def texts_of(item: ListItem) -> list[str]:
    return [to_markdown((block,)) for block in item.blocks]


def test_label_items_over_sub_lists_become_lead_ins_of_their_lists() -> None:
    document = parse(
        "## Observations\n\n* Pulse:\n  * 60–100 normal\n  * over 100: fast\n"
        "* **Isolation**\n  * Airborne: N95 mask\n  * Droplet: surgical mask\n"
        "* Temperature: 37 C\n* If SpO2 < 92%:\n"
        "  * intubate\n\n## Steps\n\n1. Prepare:\n   - gloves\n2. Wash hands\n"
    )
    observations, steps = document.sections
    assert [type(b).__name__ for b in observations.blocks] == [
        "Paragraph",
        "ListBlock",
        "Paragraph",
        "ListBlock",
        "ListBlock",
    ]
    assert [b.text for b in observations.blocks if isinstance(b, Paragraph)] == [
        "Pulse:",
        "**Isolation**",
    ]
    rest = observations.blocks[-1]
    assert isinstance(rest, ListBlock)  # a value and a condition stay items
    assert [item.text for item in rest.items] == ["Temperature: 37 C", "If SpO2 < 92%:"]
    (numbered,) = steps.blocks  # a numbered list keeps its order: never unfolded
    assert isinstance(numbered, ListBlock) and len(numbered.items) == 2
    heads = parse(
        "## B\n\n- Limits\n  - slow\n  - costly\n- Markers\n  - Cystatin C\n  - Inulin\n"
        "\n## C\n\n- fenytrol\n  - trough level\n- carbazine\n  - level at 2 weeks\n"
    )
    assert [to_markdown((b,)) for b in heads.sections[0].blocks] == [
        "Limits",
        "- slow\n- costly",
        "Markers",
        "- Cystatin C\n- Inulin",
    ]
    (one_each,) = heads.sections[1].blocks  # one detail under each item: the list stays whole
    assert isinstance(one_each, ListBlock) and len(one_each.items) == 2


def test_a_label_ending_a_paragraph_before_a_list_is_the_lists_own() -> None:
    document = parse("## Vitals\n\nTemperature comes first.\nNormal BP:\n- 100 to 139\n")
    assert [(type(b).__name__, b.line) for b in document.sections[0].blocks] == [
        ("Paragraph", 3),
        ("Paragraph", 4),
        ("ListBlock", 5),
    ]
    wrapped = parse("## Vitals\n\nThe readings taken in adults\nand children are:\n- pulse\n")
    assert texts(wrapped.sections[0])[0] == "The readings taken in adults\nand children are:"


def test_a_table_of_contents_is_not_content_and_a_link_only_item_stays_a_link() -> None:
    document = parse(
        "# Gout\n\n- [Basics](#basics)\n  - [Flares](#flares)\n- [Drugs](#drugs)\n\n"
        "## Basics\n\n- [NHS guide](/guides/gout)\n- 📄 [Flares](/gout/flares)\n"
        "- rest, see [flares](/gout/flares)\n"
    )
    assert outline(document) == [(2, "Basics", "")]
    assert texts(document.sections[0]) == [
        "- [NHS guide](/guides/gout)\n- 📄 [Flares](/gout/flares)\n- rest, see flares"
    ]


# -- other dialects ----------------------------------------------------------------------------


def test_other_dialects_markup_is_cleaned_in_headings_items_cells_and_paragraphs() -> None:
    document = parse(
        "## <span id='c'>Causes</span> {: #causes .big}\n\n"
        "- [[Tick bite|Tick bites]] (most cases)[^1]\n- ==Shared needles==\n"
        '- Transfusion :material-blood-bag:\n- [[Needlestick#Risk]] {:target="_blank"}\n\n'
        "#infection #korrin\n\n"
        "| Drug | Note |\n|---|---|\n| [[Velbarin]] {#velbarin .x} | see [guide](../drugs.md) |\n\n"
        "#mnemonic: TICKS is the mnemonic, see ![[diagram.png]] and `a == b`.\n\n"
        "[^1]: Seen in 80% of cases.\n    More on the footnote.\n"
    )
    (causes,) = document.sections
    assert (causes.title, causes.pin) == ("Causes", "causes")
    items, table, mnemonic = causes.blocks
    assert isinstance(items, ListBlock) and isinstance(table, Table)
    assert [item.text for item in items.items] == [
        "Tick bites (most cases)",
        "**Shared needles**",
        "Transfusion",
        "Needlestick",
    ]
    assert (table.rows[0].cells, table.rows[0].pin) == (("Velbarin", "see guide"), "velbarin")
    assert mnemonic == Paragraph("TICKS is the mnemonic, see and `a == b`.", 14)


def test_html_entities_in_headings_are_their_characters_as_in_body_text() -> None:
    """The heading path above every card is text: `&beta;` there would show as `&beta;`."""
    document = parse(
        "# Korrin fever (score &lt; 4)\n\n## &beta;-Velbarin &amp; tessalid\n\n- Rest\n\n"
        "## Stage &bogus; &#0; and AT&T\n\n- Fluids\n"
    )
    titles = [document.title] + [section.title for section in document.walk()]
    assert titles == [
        "Korrin fever (score < 4)",
        "β-Velbarin & tessalid",
        "Stage &bogus; &#0; and AT&T",  # no such entity, no such character, no entity at all
    ]


def test_an_empty_heading_takes_its_text_from_the_next_short_line() -> None:
    """A page saved from the web writes `## ` and its text on the line after: the text is the
    heading's, the list under it its section's. A sentence, a list or a table is no title."""
    document = parse(
        "# Korrin\n\n## \n What to do in a korrin attack\n1. Sit up.\n2. Take velbarin.\n\n"
        "## \n Get support\nCall the helpline for advice on your medicines.\n\n"
        "## \nKorrin attacks are frightening and they need quick treatment from you.\n\n"
        "## \n- Rest\n"
    )
    assert [(section.title, section.line) for section in document.walk()] == [
        ("What to do in a korrin attack", 3),
        ("Get support", 8),
        ("", 12),
        ("", 15),
    ]
    attack, support, sentence, listed = document.walk()
    assert isinstance(attack.blocks[0], ListBlock) and len(attack.blocks) == 1
    assert support.blocks == (Paragraph("Call the helpline for advice on your medicines.", 10),)
    assert isinstance(sentence.blocks[0], Paragraph) and isinstance(listed.blocks[0], ListBlock)


def test_text_without_dialect_marks_is_untouched_and_costs_nothing() -> None:
    plain = "## Notes {#notes}\n\nC# and &#39; and x==y, [NHS](https://nhs.example) 10:30.\n"
    assert inline_cleaner(plain) is None
    clean = inline_cleaner("[[x]]")
    assert clean is not None
    for text in ("See (#part) and C#, 3 == 3, {a} and ratio 1:2:3.", "**bold** `[[code]]`"):
        assert clean(text) == text


# -- nothing vanishes --------------------------------------------------------------------------

OPENERS = [
    "!!! note",
    '!!! danger "Careful"',
    ":::tip",
    ":::tip Title",
    "> [!warning] Flags",
    "> [!NOTE]",
    "<details><summary>More</summary>",
    "<details>",
    "<Tabs>",
    '<TabItem value="a" label="Adults">',
]
CLOSERS = [":::", "</details>", "</Tabs>", "</TabItem>", "::::", "</Component>", "!!!"]
SHAPES = [
    *OPENERS,
    *CLOSERS,
    "## Heading",
    "  ## Heading",
    "# Title",
    "",
    "- item",
    "  - sub-item",
    "1. step",
]


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.one_of(st.sampled_from(SHAPES), st.just("WORD")),
        min_size=1,
        max_size=24,
    )
)
def test_no_plain_text_line_vanishes_whatever_surrounds_it(lines: list[str]) -> None:
    """Every line of plain text, anywhere among callout, directive and component markers,
    headings and lists, is still in the model (as a title or in a block); parsing never fails."""
    words = []
    numbered = []
    for number, line in enumerate(lines):
        if line == "WORD":
            words.append(f"fact{number}")
            line = f"fact{number}"
        numbered.append(line)
    document = parse("\n".join(numbered) + "\n")
    seen = " ".join(
        [s.title for s in document.walk()]
        + [to_markdown(s.blocks) for s in document.walk()]
        + [b.text for s in document.walk() for b in s.blocks if isinstance(b, RawBlock)]
    )
    assert [word for word in words if word not in seen] == []


def test_a_hard_break_at_the_end_of_a_block_leaves_no_backslash() -> None:
    document = parse(
        "## A\n\nKeep the line open.\\\n\n- Give fluids\\\nWarm them first.\\\n\n"
        "- Suction\\\n\nThe path is C:\\\\\n"
    )
    blocks = document.sections[0].blocks
    assert blocks[0] == Paragraph("Keep the line open.", 3)
    assert isinstance(blocks[1], ListBlock)
    assert [(item.text, texts_of(item)) for item in blocks[1].items] == [
        ("Give fluids", ["Warm them first."]),
        ("Suction", []),
    ]
    assert blocks[2] == Paragraph("The path is C:\\\\", 10)  # an escaped backslash stays


def test_a_name_over_one_short_item_is_its_label() -> None:
    document = parse(
        "## Observations\n\n* Pulse:\n  * 60–100 normal\n  * over 100: fast\n"
        "* Oxygen saturation:\n  * SpO2: 95% or more on air\n"
        "* Reasons for a long stay in the ward:\n  * old age\n"
        "* Routine:\n  * Ex: a warm drink first thing, then a walk before breakfast, then the "
        "morning round of the ward\n"
    )
    (observations,) = document.sections
    assert [
        b.text if isinstance(b, Paragraph) else [i.text for i in b.items]
        for b in observations.blocks
        if isinstance(b, (Paragraph, ListBlock))
    ] == [
        "Pulse:",
        ["60–100 normal", "over 100: fast"],
        "Oxygen saturation:",
        ["SpO2: 95% or more on air"],
        # a long label, a long item: an item with its detail, as written
        ["Reasons for a long stay in the ward:", "Routine:"],
    ]


def test_a_slidev_slides_settings_and_slot_markers_are_no_headings_or_text() -> None:
    deck = parse(
        "---\ntheme: seriph\n---\n# Signs\n\n- purple rash\n- cramps\n\n::right::\n\n"
        "- tarsin level over 7 mmol/L\n\n---\nlayout: two-cols\nclass: text-center\n---\n\n"
        "# Treatment\n\nVelbarin is given over 20 minutes.\n\n---\n\n"
        "Dose: 20 mg\n---\n\nA heading that reads like a setting after a blank line stays one.\n"
        "\n---\nSummary: key facts\n---\n\nNor is a heading between rules that no slide sets.\n"
    )
    assert [title for _, title, _ in outline(deck)] == [
        "Signs",
        "Treatment",
        "Treatment/Dose: 20 mg",
        "Treatment/Summary: key facts",
    ]
    (signs,) = deck.sections[:1]
    assert texts(signs) == [
        "- purple rash\n- cramps",
        "- tarsin level over 7 mmol/L",
        "",
    ]


def test_a_paragraph_of_only_line_breaks_and_spaces_is_no_text() -> None:
    """An editor's spacer (`<span><br></span>`, `&nbsp;`) between a lead-in and its list would
    be read as the list's lead-in; a paragraph with text around a break stays."""
    document = parse(
        "# Velbarin\n\n## Fate\n\nVelbarin is changed in the body into:\n\n<span><br></span> \n\n"
        "&nbsp;\n\n1. **Korrinol**\n2. **Tosmate**\n\nIt is cleared<br>by the kidney.\n"
    )
    (fate,) = document.sections
    assert texts(fate) == [
        "Velbarin is changed in the body into:",
        "1. **Korrinol**\n2. **Tosmate**",
        "It is cleared<br>by the kidney.",
    ]


OPEN_CLAUSE = """\
# Korrin fever

## Warning signs

### Call the clinic at once if:

- The rash turns purple
- The child will not drink

Velbarin cuts the fever within 2 days.

### Type 1 korrin:

- A purple rash

Type 1 korrin spreads in schools.
"""


def test_a_heading_that_opens_a_sentence_holds_only_its_list() -> None:
    """ "Call the clinic at once if:" ends in its list: the paragraph after the list is the
    parent's ("Warning signs"), not asked "Call the clinic at once if: Velbarin cuts …". A
    heading that names a thing ("Type 1 korrin:") keeps its paragraphs."""
    document = parse_document(Path("korrin.md"), OPEN_CLAUSE)
    (signs,) = document.sections
    clinic, type_1 = signs.children
    assert [type(block).__name__ for block in clinic.blocks] == ["ListBlock"]
    assert [block.line for block in signs.blocks] == [10]
    assert [type(block).__name__ for block in type_1.blocks] == ["ListBlock", "Paragraph"]


def test_a_heading_of_many_links_and_a_word_is_a_heading_read_in_one_pass() -> None:
    """A heading of links only (`,` or `|` between them) is navigation; one with a word of its
    own after forty links is a heading. The separator is matched one way only (a space it could
    split two ways took twice as long per link: 22 links, 0.85 s; 5,000 never finished)."""
    links = " ".join(["[Velbarin](velbarin.md)"] * 40)
    document = parse(
        f"# Korrin\n\n## Dose\n\nTwo tablets.\n\n## {links} notes\n\n"
        "## [Velbarin](v.md) | [Tessalid](t.md), [Korrimab](k.md)\n"
    )
    titles = [section.title for section in document.sections]
    assert titles == ["Dose", " ".join(["Velbarin"] * 40) + " notes"]


def test_a_header_mid_sentence_keeps_a_letter_or_numeral_naming_a_kind() -> None:
    """'Type I' and 'Vitamin A' keep their capitals lower-cased mid-sentence (the numeral is no
    pronoun 'i'); an article 'A' in a title-case header is lower-cased like the other words."""
    from builder.text import lower_first

    assert lower_first("Type I Diabetes") == "type I diabetes"
    assert lower_first("Vitamin A Deficiency") == "vitamin A deficiency"
    assert lower_first("Hepatitis B") == "hepatitis B"
    assert lower_first("What Should I Do") == "what should I do"
    assert lower_first("A Guide To A Burn") == "a guide to a burn"


def test_an_all_capitals_heading_lowers_four_letter_words_spelled_as_english_words() -> None:
    """'COOL THE PERSON' is 'Cool the person'; an acronym spelled like a word beside an
    abbreviation or alone ('HIV AND AIDS', 'PEEP SETTINGS', 'COOL') keeps its capitals."""
    from builder.text import heading_text

    assert heading_text("COOL THE PERSON") == "Cool the person"
    assert heading_text("WAIT FOR HELP") == "Wait for help"
    assert heading_text("CALL 999 AND START CPR") == "Call 999 and start CPR"
    assert heading_text("HIV AND AIDS") == "HIV and AIDS"
    assert heading_text("PEEP SETTINGS") == "PEEP settings"
    assert heading_text("ARDS IN ADULTS") == "ARDS in adults"
    assert heading_text("NICE GUIDANCE") == "NICE guidance"
    assert heading_text("COOL") == "COOL"
    # common short words in capitals are words, not acronyms: "DAY", "AWAY", "WET"
    assert heading_text("PHONE THE WARD THE SAME DAY") == "Phone the ward the same day"
    assert heading_text("GO TO THE CLINIC RIGHT AWAY") == "Go to the clinic right away"
    assert heading_text("WET OR DRY SKIN") == "Wet or dry skin"
    assert heading_text("DKA IN ADULTS") == "DKA in adults"


def test_an_all_capitals_heading_in_another_language_is_lowered_whole() -> None:
    """A heading in capitals in Spanish or Portuguese is lowered whole, never half: its short
    words ("DE", "DEL", "Y", "ES") and its accented words ("CÓMO", "ÚTIL") are words, not
    acronyms; a long word alone is a word too ("INCOMPATIBILIDADES"). Abbreviations stay, and so
    does one short word alone or a short word English abbreviates ("LA SIZE")."""
    from builder.text import heading_text

    assert heading_text("CUIDADOS DE ENFERMERÍA") == "Cuidados de enfermería"
    assert heading_text("ERRORES Y CÓMO EVITARLOS") == "Errores y cómo evitarlos"
    assert heading_text("¿QUÉ ES ESTE FÁRMACO?") == "¿Qué es este fármaco?"
    assert heading_text("OBJETIVO DEL TRATAMIENTO EN UCI") == "Objetivo del tratamiento en UCI"
    assert heading_text("INCOMPATIBILIDADES") == "Incompatibilidades"
    assert heading_text("REEVALUACIÓN") == "Reevaluación"
    assert heading_text("ARDS") == "ARDS"
    assert heading_text("FOLFIRINOX") == "FOLFIRINOX"
    assert heading_text("NSAIDS") == "NSAIDS"
    assert heading_text("DE") == "DE"
    assert heading_text("LA SIZE IN AF") == "LA size in AF"
    # a letter of no case (Chinese) beside capitals says nothing of them: "KD" stays
    assert heading_text("川崎病（KD）") == "川崎病（KD）"
    assert heading_text("KD合并MAS") == "KD合并MAS"


def test_one_status_mark_opening_every_item_is_the_lists_bullet(tmp_path: Path) -> None:
    """`- ❌ Grunting` on every item: the author's bullet, not part of the answer; marks that
    tell items apart (`- ✅ Do …` / `- ❌ Don't …`) and a checklist's boxes stay."""
    from builder.document import ListBlock

    def items(markdown: str) -> list[str]:
        document = parse_document(tmp_path / "a.md", "## A\n\n" + markdown)
        block = document.sections[0].blocks[0]
        assert isinstance(block, ListBlock)
        return [item.text for item in block.items]

    assert items("- ❌ Grunting\n- ❌ Blue lips\n") == ["Grunting", "Blue lips"]
    assert items("- ⚠️ Rash spreads\n- ⚠️ No feeds\n") == ["Rash spreads", "No feeds"]
    assert items("- ✅ Rest\n- ❌ Run\n") == ["✅ Rest", "❌ Run"]
    assert items("- ❌ Grunting\n") == ["❌ Grunting"]
    assert items("- ☐ Wash hands\n- ☐ Gloves on\n") == ["☐ Wash hands", "☐ Gloves on"]


def test_a_signature_is_a_name_and_role_not_an_instruction_or_a_title() -> None:
    """A quotation's signing line is a person's name (a role after a comma); a line telling the
    reader what to do or a title in capitals is no signature."""
    from builder.text import is_signature

    assert is_signature("Jane Smith, patient advocate")
    assert is_signature("— Dr Paul Grey, 1998")
    assert not is_signature("Call Emergency Services")
    assert not is_signature("Further Reading")
    assert not is_signature("Velbarin is the first-line drug.")


def test_only_a_question_asking_what_to_do_is_answered_by_its_instructions() -> None:
    """'What should parents do?' keeps the instructions; 'What does insulin do?' asks what a
    thing does, and keeps its paragraph."""
    from builder.text import told_answer

    told = "Fever is common in children. Give paracetamol. Keep the child cool."
    assert told_answer("What should parents do?", told) == "Give paracetamol. Keep the child cool."
    said = "Insulin lowers blood glucose. Take it with meals. It is made in the pancreas."
    assert told_answer("What does insulin do?", said) == said


# -- facet headings written at one level --------------------------------------------------------


def test_a_run_of_facet_headings_at_one_level_belongs_to_the_place_before_it() -> None:
    """Every heading at one level (`## The Pantry`, `## Borders`, `## Contents`, `## The
    Cellar`, `## Borders` …): each run of repeated headings is the facets of the place heading
    it follows, a heading written once after a run (`## Tips`) stays where it is."""
    document = parse(
        "## The Pantry\n\ncool\n\n## Borders\n\n- a\n\n## Contents\n\n- b\n\n## Tips\n\nc\n\n"
        "## The Cellar\n\n## Borders\n\n- d\n\n## The Attic\n\n## Borders\n\n- e\n\n"
        "## Contents\n\n### Boxes\n\n- f\n"
    )
    assert outline(document) == [
        (2, "The Pantry", ""),
        (3, "The Pantry/Borders", ""),
        (3, "The Pantry/Contents", ""),
        (2, "Tips", ""),
        (2, "The Cellar", ""),
        (3, "The Cellar/Borders", ""),
        (2, "The Attic", ""),
        (3, "The Attic/Borders", ""),
        (3, "The Attic/Contents", ""),
        (4, "The Attic/Contents/Boxes", ""),
    ]


@pytest.mark.parametrize(
    "source",
    [
        # two versions of a page one after the other: no heading repeated in every run
        "## Fever\n\n## Signs\n\n## Spread\n\n## Care\n\n## Causes\n\n## Signs\n\n"
        "## Outlook\n\n## Care\n",
        # a quiz's items as sibling sections: a run repeats its headings
        "## Intro\n\n## Question\n\n## Answer\n\n## Question\n\n## Answer\n",
        # a question bank's items as sections: a numbered series, read as siblings
        "## Question 1\n\n## Options\n\n## Question 2\n\n## Options\n",
        # a repeated heading opening the page, before any place: about the whole page
        "# Overview\n\n# Fever\n\n# Rash\n\n# Overview\n",
        # one repeat only: nothing says it is a facet
        "## Fever\n\n## Signs\n\n## Rash\n",
        # one heading written twice, alone each time: the second is no facet of the part before
        "# Fever\n\n# Approach\n\n# Admission\n\n# Approach\n",
    ],
)
def test_headings_repeated_without_a_facet_in_every_run_stay_as_written(source: str) -> None:
    source = source.replace("\n\n## ", "\n\ntext\n\n## ") + "\ntext\n"
    document = parse(source)
    assert all(level == (1 if source.startswith("# ") else 2) for level, _, _ in outline(document))


def test_a_heading_written_twice_alone_each_time_is_told_apart_by_its_place() -> None:
    """`# Approach` after the page's first part and again after another: both stay top level,
    the second's path says it is the second ("Approach (2)": its notes' identity and the line
    above its cards), its title stays (a manifest's `Approach` pattern still finds it)."""
    document = parse(
        "# Fever\n\ntext\n\n# Approach\n\ntext\n\n# Admission\n\ntext\n\n# Approach\n\ntext\n"
    )
    assert [(s.level, s.title, s.path) for s in document.sections] == [
        (1, "Fever", ("Fever",)),
        (1, "Approach", ("Approach",)),
        (1, "Admission", ("Admission",)),
        (1, "Approach", ("Approach (2)",)),
    ]


def test_a_title_naming_only_a_course_meeting_gives_way_to_its_file_name() -> None:
    """`# Day 3` over a class note names no subject: the file's name does when it says more
    ("first-aid.md"), and the title stays when the file is named the same way ("day3.md")."""
    source = "# Day 3\n\n## Choking\n\n- cough\n"
    assert parse(source, "first-aid.md").title == "First Aid"
    assert parse(source, "day3.md").title == "Day 3"
    assert parse("# Lecture 12\n\n## Gout\n\n- urate\n", "gout.md").title == "Gout"
    assert parse("# Day 3 of the rash\n\n## Signs\n\n- itch\n", "x.md").title == (
        "Day 3 of the rash"
    )


_SHARED = "## Signs of korrin fever\n\n- rash\n\n## Treating korrin fever\n\n- rest\n\n"
_SHARED += "## When korrin fever spreads\n\n- touch\n\n## Outlook\n\n- good\n"
_APART = "## Signs\n\n- rash\n\n## Treatment\n\n- rest\n\n## Spread\n\n- touch\n"


@pytest.mark.parametrize(
    ("name", "source", "title"),
    [
        # a page-part stem: the word most headings share names the page
        ("pages/velbar/main-content.md", _SHARED, "Korrin fever"),
        ("index.md", _SHARED, "Korrin fever"),
        ("07-README.md", _SHARED, "Korrin fever"),
        # no word shared: the folder the page sits in, when it names something
        ("conditions/korrin-fever/main-content.md", _APART, "Korrin Fever"),
        ("velbar/notes.md", _APART, "Velbar"),
        # a folder named for where a file was put names nothing: the stem stays
        ("Downloads/main-content.md", _APART, "Main Content"),
        ("tmp/content-2.md", _APART, "Content 2"),
        ("corpus/index.md", _APART, "Index"),
        # a stem that names a subject keeps it, whatever the folder and headings
        ("conditions/velbar/pellan-rash.md", _SHARED, "Pellan Rash"),
        # a title in the page wins over all of it
        ("conditions/velbar/index.md", "# Pellan rash\n\n" + _SHARED, "Pellan rash"),
    ],
)
def test_a_generic_file_name_gives_way_to_the_headings_word_then_to_its_folder(
    name: str, source: str, title: str, tmp_path: Path
) -> None:
    """A fragment saved as "main-content.md" titled its deck "Main Content" and put "in main
    content" on every front: a page-part stem names nothing, so the word the headings share, or
    the folder's name (not "Downloads", "tmp", "corpus"), titles it."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    assert parse_document(path, source).title == title


def test_a_tools_folder_names_no_generic_file() -> None:
    """A test's or a download's folder ("test_build_twice0", "velbar-notes-export-2024-05-01")
    names nothing either: a generic stem keeps its own name there."""
    sections = ()
    assert stem_title(Path("/x/test_build_twice0/notes.md"), sections) == "Notes"
    assert stem_title(Path("/x/velbar pump care at home/index.md"), sections) == "Index"


def test_a_file_number_title_is_read_as_the_words_it_names() -> None:
    """A converter titles a PDF's text with its file's name: numbers first, then words run
    together (`# 5120408 31 PKorrinFever HikerCare`); the deck and every front take the words.
    A title that only holds a number or a CamelCase name is the author's and stays."""
    assert file_name_words("5120408 31 PKorrinFever HikerCare") == "Korrin Fever Hiker Care"
    assert parse("# 5120408 31 PKorrinFever\n\nText.\n").title == "Korrin Fever"
    for title in ("2024 McArdle Disease", "Chapter 3 PubMed", "1234 5678 Korrin", "Korrin 2025"):
        assert file_name_words(title) == title


def test_an_indented_list_right_under_a_heading_is_a_list_not_code() -> None:
    """Obsidian nests a tab-indented list under a heading; CommonMark reads it as code. A block
    whose lines, one indent less, are list items (a value line may open it) is read as that
    list, each item citing its own line; a block with code in it (braces, a statement's `;`)
    stays code."""
    document = parse(
        "# Korrin\n\n## Salts\n\n### Low sodex\n\t- Dry\n\t\t- Vomiting\n\t\t- Water pills\n"
        "\t- Swollen\n\t\t- Weak heart\n\n### Kessin\n\t2.1 - 2.6\n\t- Keeps the bones hard\n"
    )
    low, kessin = document.sections[0].children
    (block,) = low.blocks
    assert isinstance(block, ListBlock)
    assert [(item.text, item.line) for item in block.items] == [("Dry", 6), ("Swollen", 9)]
    assert texts(kessin) == ["- Keeps the bones hard", "Normal range: 2.1 - 2.6"]
    assert [block.line for block in kessin.blocks] == [14, 13]
    for code in (
        "\tfor (x = 1; x < 3; x++) {\n\t- give(x);\n\t}\n",
        "\t- total = a;\n\t- shown = b;\n",
    ):
        (section,) = parse(f"# Korrin\n\n## Salts\n{code}").sections
        assert all(isinstance(b, RawBlock) for b in section.blocks), code


def test_a_headings_bare_value_is_its_normal_range_and_its_items_are_the_headings() -> None:
    """A first item that is only a range is the heading's `Normal range:` line, after the
    rest; its sub-items take its place. A bound is a cut-off; a value with more words after it
    is an item like any other."""
    (section,) = parse(
        "# Korrin\n\n## Urelin\n- 7 - 20 mg/dL\n\t- Shows kidney health\n- Made in the liver\n"
    ).sections
    assert texts(section) == [
        "- Shows kidney health\n- Made in the liver",
        "Normal range: 7 - 20 mg/dL",
    ]
    (bound,) = parse("# Korrin\n\n## Tessin\n\n< 0.04\n\n- A heart muscle protein\n").sections
    assert texts(bound)[-1] == "Cut-off: < 0.04"
    (kept,) = parse("# Korrin\n\n## Course\n- 6 - 23 tablets over a week\n- Stop\n").sections
    assert texts(kept) == ["- 6 - 23 tablets over a week\n- Stop"]


def test_a_range_under_a_grade_or_a_disorder_is_no_normal_range() -> None:
    """Under `Stage 2` or `Hypokalaemia` a range is that grade's or disorder's, not the normal
    value: its line is `Range:`."""
    for title in ("Stage 2", "Hypokorrinaemia", "Velbarin dose"):
        (section,) = parse(f"# Korrin\n\n## {title}\n\n60 - 89\n\n- Seen on the scan\n").sections
        assert texts(section)[-1] == "Range: 60 - 89", title
