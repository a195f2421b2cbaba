"""Block shapes that note-taking apps write into the Markdown they keep or export, rewritten as
the CommonMark they mean before parsing (two of `dialects.TEXT_PASSES`; each keeps every line's
number, and leaves fenced code and code spans as they are).

`spaced_repetition`: an Obsidian vault's own flashcards and fields.
- The Spaced Repetition plugin's cards `Question;;Answer` and `Question;;;Answer` (its `;;`
  separators, which many set in its options because Dataview reads `::`) become the
  `Question::Answer` and `Question:::Answer` the FAQ rule reads as the author's card. A line is
  a card when it has exactly one separator, words on both sides, and its question ends with "?"
  or the plugin scheduled it (an `<!--SR:` comment after it): a `;;` in other text stays.
- The plugin's review schedule `<!--SR:!2025-01-01,3,250-->` goes (on the card's line it would
  be shown on the card's back; on a line of its own it is a comment Markdown hides anyway).
- Dataview's inline fields inside a sentence, `[class:: loop diuretic]` and `(class:: loop
  diuretic)`, read as Dataview shows them ("class: loop diuretic", "loop diuretic"): written
  as they are, the FAQ rule read the sentence around them as a card split at the `::`.

`org_verse`: Emacs Org mode's Markdown export writes a verse block as `<p class="verse">` over
lines each ending in `<br />`, and `</p>`: an HTML block, which Markdown shows as it is and no
rule reads. It becomes the paragraphs it holds (a `<br />` alone on its line separates two),
each line a line of the paragraph (a block left open is no export's and stays as it is), and
an Org footnote reference inside
(`<sup><a id="fnr.1" class="footref" href="#fn.1">1</a></sup>`) goes: a card's answer is the
fact, not the note's footnote number.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator


def spaced_repetition(text: str) -> str:
    """The text with the plugin's `;;` cards as `::` cards, its schedules gone and Dataview's
    bracketed inline fields as their shown text; the same text when it has none."""
    if ";;" not in text and "<!--SR:" not in text and "::" not in text:
        return text
    lines = text.split("\n")
    for at in outside_fences(lines):
        line = lines[at]
        scheduled = "<!--SR:" in line or (
            at + 1 < len(lines) and lines[at + 1].lstrip().startswith("<!--SR:")
        )
        if "<!--SR:" in line:
            line = _SCHEDULE.sub("", line)
        if ";;" in line and not line.lstrip().startswith("|"):
            line = _semicolon_card(line, scheduled)
        if "::" in line and ("[" in line or "(" in line):
            line = _split_code(line, _inline_fields)
        lines[at] = line
    return "\n".join(lines)


_SCHEDULE = re.compile(r"[ \t]*<!--SR:[^\n]*?-->")
_SEMICOLONS = re.compile(r"(?<!;);{2,3}(?!;)")
_FIELD = re.compile(
    r"\[([A-Za-z][\w -]{0,40}?)::([^\[\]\n]*)\]" r"|\(([A-Za-z][\w -]{0,40}?)::([^()\n]*)\)"
)
"""`[key:: value]` (Dataview shows the key and the value) or `(key:: value)` (the value alone).
The value is taken whole and stripped after: white space matched around a lazy value cost
cubic time on a long run of spaces with no closing bracket."""


def _semicolon_card(line: str, scheduled: bool) -> str:
    masked = _CODE_SPAN.sub(lambda match: "`" * len(match.group()), line) if "`" in line else line
    found = list(_SEMICOLONS.finditer(masked))
    if len(found) != 1:
        return line
    mark = found[0]
    question, answer = line[: mark.start()].strip(), line[mark.end() :].strip()
    if not (_words(question) and _words(answer)):
        return line
    if not (scheduled or question.endswith("?")):
        return line  # "a;;b" in other text: no card of the plugin's
    colons = "::" if mark.end() - mark.start() == 2 else ":::"
    return f"{line[: mark.start()].rstrip()}{colons}{line[mark.end() :].lstrip()}"


def _words(text: str) -> bool:
    return any(char.isalpha() for char in text) and "::" not in text


def _inline_fields(text: str) -> str:
    return _FIELD.sub(_field_text, text)


def _field_text(match: re.Match[str]) -> str:
    if match.group(1) is not None:
        return f"{match.group(1).strip()}: {match.group(2).strip(_BLANKS)}"
    return match.group(4).strip(_BLANKS)


_BLANKS = " \t"


def org_verse(text: str) -> str:
    """The text with each Org export's `<p class="verse">` block as the paragraphs it holds;
    the same text when it has none."""
    if _VERSE_OPEN not in text:
        return text
    lines = text.split("\n")
    closed = "</p>" in (line.strip() for line in lines)
    inside = False
    for at in outside_fences(lines):
        line = lines[at]
        stripped = line.strip()
        if not inside:
            if stripped == _VERSE_OPEN and closed and _closes(lines, at):
                inside = True
                lines[at] = ""
            continue
        if stripped == "</p>":
            inside = False
            lines[at] = ""
            continue
        if "<sup>" in line:
            line = _FOOTREF.sub("", line)
        lines[at] = _BREAK.sub("", line).strip()
    return "\n".join(lines)


def _closes(lines: list[str], at: int) -> bool:
    """Whether the verse block opened at line `at` has its `</p>` line before any heading or
    fence: a block left open is no export's, and read as verse it would strip the indent of
    every list after it (a drug's nested doses read as drugs)."""
    for line in lines[at + 1 :]:
        stripped = line.strip()
        if stripped == "</p>":
            return True
        if stripped.startswith(("#", "```", "~~~")) or stripped == _VERSE_OPEN:
            return False
    return False


_VERSE_OPEN = '<p class="verse">'
_BREAK = re.compile(r"[ \t]*<br[ \t]*/?>[ \t]*$")
_FOOTREF = re.compile(r"<sup><a [^<>\n]*class=\"footref\"[^<>\n]*>[^<>\n]{1,8}</a></sup>")


_CODE_SPAN = re.compile(r"(`+)[^`]*?\1")


def _split_code(line: str, rewrite: Callable[[str], str]) -> str:
    """`rewrite` applied to the line outside its code spans."""
    if "`" not in line:
        return rewrite(line)
    parts = re.split(r"(`+[^`]*?`+)", line)
    return "".join(part if index % 2 else rewrite(part) for index, part in enumerate(parts))


def outside_fences(lines: list[str]) -> Iterator[int]:
    """The numbers of the lines that are neither fenced code nor its fence lines: the text
    passes rewrite Markdown, never code."""
    fence = ""
    for at, line in enumerate(lines):
        opening = line.lstrip()[:3]
        if fence or opening in ("```", "~~~"):
            fence = "" if fence and opening == fence else (fence or opening)
            continue
        yield at
