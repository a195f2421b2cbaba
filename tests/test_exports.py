"""The note apps' whole-text passes (builder/exports.py): what each rewrites, what it leaves, and
that every line keeps its number. The cards these shapes make are in
tests/fixtures/rules/exports.md."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from builder.exports import html_list, org_verse, raw_html, spaced_repetition

PIECES = [
    "What blocks the pump?;;Digoxin",
    "<!--SR:!2026-01-02,3,250-->",
    "Term;;;Meaning <!--SR:!2026-01-02,3,250-->",
    "a;;b in prose",
    "The drug [class:: glycoside] acts slowly.",
    "Author:: Dana",
    '<p class="verse">',
    "A line of verse<br  />",
    "<br  />",
    "</p>",
    "```",
    "x;;y?;;z",
    "",
    '<h4 id="a">',
    "A heading",
    "</h4>",
    "<ul>",
    '<ol start="3">',
    "<li>",
    "<p><strong>Label:</strong> words <em>here</em><br>",
    "</li>",
    "</ul>",
    "</ol>",
    "<h2>STEP</h2>",
    "- a Markdown item",
    "<div>",
]


@given(st.lists(st.sampled_from(PIECES), max_size=12))
def test_every_line_keeps_its_number(lines: list[str]) -> None:
    text = "\n".join(lines)
    assert spaced_repetition(text).count("\n") == text.count("\n")
    assert org_verse(text).count("\n") == text.count("\n")
    assert raw_html(text).count("\n") == text.count("\n")


def test_a_semicolon_card_is_read_as_the_plugins_card_and_its_schedule_goes() -> None:
    text = "Which pump?;;Na/K\n<!--SR:!2026-01-02,3,250-->\nA term;;;Its meaning <!--SR:!x-->"
    assert spaced_repetition(text) == "Which pump?::Na/K\n\nA term:::Its meaning"


def test_other_semicolons_and_code_stay_as_written() -> None:
    text = "Split a;;b here\n`for(;;)` runs forever\n```\nWhy?;;because\n```\nx;;y?;;z"
    assert spaced_repetition(text) == text


def test_a_dataview_field_in_a_sentence_reads_as_dataview_shows_it() -> None:
    text = "The drug [class::glycoside] acts (onset:: slowly); `[a:: b]` stays\nAuthor:: Dana"
    assert spaced_repetition(text) == (
        "The drug class: glycoside acts slowly; `[a:: b]` stays\nAuthor:: Dana"
    )


def test_a_verse_block_is_its_lines_and_its_footnote_numbers_go() -> None:
    text = (
        'Before\n\n<p class="verse">\nOne line<br  />\n'
        'two<sup><a id="fnr.1" class="footref" href="#fn.1">1</a></sup> lines<br />\n'
        "<br  />\nA second paragraph<br  />\n</p>\n<p>kept</p>"
    )
    assert org_verse(text) == (
        "Before\n\n\nOne line\ntwo lines\n\nA second paragraph\n\n<p>kept</p>"
    )


def test_raw_html_is_read_as_the_markdown_it_means_line_for_line() -> None:
    text = (
        '<h4 class="unnumbered" id="x">\nAfter a\nsplint\n</h4>\n<ul>\n<li>\n<p>\n'
        '<strong>Numb:</strong> too <b>tight </b>now\nloosen it\n</p>\n<ol start="2">\n'
        '<li>Call <a href="https://a.example">the clinic</a></li>\n<li>Wait<br>\nthen look</li>\n'
        "</ol>\n</li>\n</ul>\n<hr>\n<p>- not a list</p>"
    )
    assert raw_html(text).split("\n") == [
        "#### After a splint", "", "", "", "", "", "",
        "- **Numb:** too **tight** now", "  loosen it", "", "",
        "  2. Call [the clinic](https://a.example)", "  3. Wait\\", "     then look",
        "", "", "", "***", "\\- not a list",
    ]  # fmt: skip


def test_a_heading_over_markdown_is_a_heading_and_the_markdown_stays() -> None:
    text = "<h2>CALL FOR HELP</h2>\n\n- Call *now*.\n\nText <b>bold</b> inline."
    assert raw_html(text) == "## CALL FOR HELP\n\n- Call *now*.\n\nText <b>bold</b> inline."


def test_html_beyond_the_structure_read_stays_as_it_is() -> None:
    kept = [
        '<ul style="display:none">\n<li>Hidden</li>\n</ul>',  # an attribute that matters
        '<p>An <img src="a.png"> image</p>',  # a tag not read
        "<p>A <!-- comment --> here</p>",
        "<ul>\n<li>Not closed",
        "<p><b>Crossed <i>marks</b></i></p>",
        "<div>\n<h2>Inside a div</h2>\n<p>kept</p>\n</div>",  # the block opens with a div
        "<pre>\n<h2>Code</h2>\n\n<p>still code</p>\n</pre>",  # runs to its closing tag
        "<details><summary>Q</summary>\n<p>A</p>\n</details>",
        "```\n<h2>Fenced</h2>\n```",
        "    <h2>Indented code</h2>",
        "<table>\n<tr><td>a</td></tr>\n</table>",
    ]
    for text in kept:
        assert raw_html(text) == text, text


def test_attributes_that_change_nothing_shown_are_read_past() -> None:
    text = '<p align="center">See <a href="https://a.example" target="_blank">the guide</a></p>'
    assert raw_html(text) == "See [the guide](https://a.example)"


def test_a_fields_value_is_read_without_the_blanks_around_it() -> None:
    """The value is matched whole and stripped after (a lazy value between runs of blanks took
    cubic time on a long run of spaces with no closing bracket: 3,000 spaces, 12 s)."""
    text = "The drug [class::   glycoside  ] acts (onset::\tslowly ).\nA [key::" + " " * 40 + "x"
    assert spaced_repetition(text) == (
        "The drug class: glycoside acts slowly.\nA [key::" + " " * 40 + "x"
    )


def test_an_unclosed_tag_is_left_as_it_is_in_one_pass() -> None:
    """A tag opened and never closed over a long run of blanks stays raw HTML; its attributes
    are matched greedily (a lazy match took quadratic time: 60,000 spaces, 20 s), and a
    self-closing `<br/>` is still a line break."""
    text = "<p " + " " * 100_000 + "\n"
    assert raw_html(text) == text
    assert raw_html("<p>Velbarin <b>blocks</b> korrin.<br/></p>\n") == (
        "Velbarin **blocks** korrin.\\\n"
    )


def test_markdown_right_under_closed_html_is_markdown() -> None:
    """`<h2>` then a Markdown list with no blank line between: CommonMark puts the list in the
    HTML block; once the block's tags are all closed, its later lines are the author's
    Markdown. Text inside an open paragraph is still text."""
    text = "<h2>Warning signs</h2>\n- fever\n- stiff neck\n\nAfter."
    assert raw_html(text) == "## Warning signs\n- fever\n- stiff neck\n\nAfter."
    assert raw_html("<p>Signs\n- fever</p>") == "Signs\n\\- fever"


def test_items_sharing_a_line_are_read_by_html_list() -> None:
    """Items on one line cannot be written there as Markdown: `raw_html` leaves the block, and
    `html_list` (which the document reader calls) gives its Markdown one item a line, each
    with the block line it starts on; a paragraph after the list is apart from its last item."""
    text = (
        "<ul><li>Avoid flying for:<ul><li>2 weeks after <b>surgery</b></li>\n"
        "<li>1 week after a cold</li></ul></li></ul><p>Ask first.</p>"
    )
    assert raw_html(text) == text
    assert html_list(text) == [
        (0, "- Avoid flying for:"),
        (0, "  - 2 weeks after **surgery**"),
        (1, "  - 1 week after a cold"),
        (1, ""),
        (1, "Ask first."),
    ]
    assert html_list('<ul><li style="color:red">a</li><li>b</li></ul>') is None
    assert html_list("<p>Not a list</p>") is None
    assert html_list("<ul><li>a</li><li>b</li></ul>\n<h2>Next</h2>") is None  # no item's


def test_a_raw_html_list_nested_past_any_notes_depth_stays_raw() -> None:
    """Each level of a list written one item a line is indented: thousands of nested `<ul><li>`
    on one line made Markdown of millions of spaces, seconds to parse (quadratic in the line).
    A list nested deeper than MAX_HTML_LIST_DEPTH is left as it is, as before it was read."""
    from builder.exports import MAX_HTML_LIST_DEPTH, html_list

    def nested(depth: int) -> str:
        return "<ul><li>" + "<ul><li>x" * (depth - 1) + "</li></ul>" * depth

    written = html_list(nested(MAX_HTML_LIST_DEPTH))
    assert written is not None and written[-1][1].strip() == "- x"
    assert html_list(nested(MAX_HTML_LIST_DEPTH + 1)) is None
    assert html_list(nested(3000)) is None
