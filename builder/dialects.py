"""Other Markdown dialects' inline marks, rewritten as the CommonMark that rules and rendering read.

Study notes come from Obsidian vaults, MkDocs and Docusaurus sites, Quarto books and kramdown
pages, each with marks of its own that CommonMark shows as literal text. The document model
(`document.py`) passes every inline text it keeps (headings, paragraphs, list items, table cells,
callout titles) through `inline_cleaner`'s function once, as it folds the document, so that no
rule and no card ever sees them:

- `[[target|label]]` → `label`, `[[target]]` → `target` (Obsidian wikilinks; a `^block` part
  of the target is dropped, and so are its folders: `[[a/b/Name]]` → `Name`; in a sentence,
  `[[Page#Heading]]` → `Heading` when the heading names a thing of its own, else `Page`),
  `![[embed]]` → nothing; a sentence after another that only points to notes ("… See
  [[Microscopy]].") → nothing;
- `==marked==` → `**marked**` (Obsidian, MkDocs `mark`): the author's emphasis is kept as bold;
- `[^3]` footnote markers → nothing (the footnote definitions themselves are dropped by the
  parser: mdit-py-plugins' footnote block rule, see `document.py`), and Pandoc's inline notes
  `^[an aside]` with them: a card's answer is the fact, not the author's footnote; so are
  superscript citation numbers closing a word or a sentence (`~20%.¹`, `<sup>2</sup>`) in a
  page with a numbered reference list (a power, `10⁶`, `kg/m²`, stays); and bracketed source
  tags closing a claim (`… [ABC PB 12]`, `[Name et al. 2008]`, Pandoc's `[@key]`, in a page that
  tags its claims so also `[Name]`, `[see …]`, and a "*Source: [Name].*" sentence);
- attribute lists `{:target="_blank"}`, `{: .class}`, `{:.a.b}`, `{ .class }` (kramdown, MkDocs
  attr_list, Pandoc) → nothing; one that carries an id, `{#pulse .big}`, becomes the pin `{#pulse}`;
- icon shortcodes `:material-x:`, `:fontawesome-…:`, `:octicons-…:`, `:simple-…:` → nothing;
- a video's timestamp links (`<a …>[00:02:00]</a>`, `[02:00](…?t=120)`, `[00:02:00]`), one or a run
  joined by commas or in brackets → nothing, with the commas and brackets round them;
- `<span …>`/`</span>` wrappers, empty `<a id=…></a>` anchors and MDX/JSX component tags
  (`<Highlight color="x">`, `</Callout>`) → nothing, their text kept;
- `#tag` tags (Obsidian: `#` then a letter, after a space or at a line's start) → nothing;
- a link to somewhere on the same site (`[text](/guides/x)`, `[text](other.md)`,
  `[text](#part)`: no `scheme:`) → its text, since a card has no site to go to. A text that is
  nothing but one link (give or take an emoji or an arrow) is left alone: that is navigation,
  which the checks recognise by its link;
- Pandoc sub- and superscripts `SpO~2~`, `x^2^` → `SpO<sub>2</sub>`, `x<sup>2</sup>` (no space
  inside; a subscript only right after a letter, digit or bracket: `~~struck~~` and "~5 mg" stay
  as they are; a superscript also at the start of a word or bold run, `**^13^C test**`);
- a reference-style link, `[velbarin]` or `[text][label]` with a definition `[label]: target`
  in the document (whose line markdown-it drops), or `[text][label]` with none → its text, as a
  page shows it (a target with a scheme, `https://…`, → the inline link `[text](https://…)`);
  a bracketed word with no definition (`[Pb]`, "assay [ELISA]") is the author's text;
- Pandoc's and LaTeX's typed em dash between words, `fever --- rare after injury` → `fever —
  rare after injury` (Markdown shows it as three hyphens; `--` reads as a dash already).
- bold closed after a space, `**no signs **(see …)` → `**no signs** (see …)`: CommonMark reads
  neither mark as emphasis, and both stayed on the card;
- a bold label holding its dash, `**BNP –** raised in …` → `**BNP** – raised in …`: the dash
  parts the label from its value, as it does outside the bold; a bold label glued to the full
  stop before it, `… high.**eGFR** – low`, → `… high. **eGFR** – low`, the paragraph's next entry;
- (a whole-text pass, `run_in_labels`) a paragraph's run-in label, `**Uses** The drug is …` →
  `**Uses:** The drug is …`, as the label paragraphs every rule reads;
- an empty code span, `` `` ``, → nothing (CommonMark shows its two marks);
- full-width (CJK) punctuation that does a Markdown-level job, `：？！。`, → its ASCII form
  (`:`, `?`, `!`, `.`, a space after it when text follows): `**標籤**：說明` is a label and its
  value as `**Label**: value` is, `問題？::答案` a question, so every rule reads them alike
  (one normalisation here, not a full-width copy of each rule's colon or question mark); a
  card's text gets its `。` back (`full_width_stops`, once each note is made).

`heading` then makes a heading plain text, as the line above every card shows it (a closing
mnemonic tag, `{LEAD}`, left out): any link or
wikilink becomes its text (a heading is a subject, not navigation), a sub- or superscript its
Unicode form ("SpO₂"), an inline HTML tag its text (`<font …><center> Borders
</center></font>` → "Borders"), an HTML entity its character (`&beta;-Blockers` → "β-Blockers", as
Markdown rendering decodes one in body text: shown as text, `&beta;` would stay `&beta;`).

A Logseq page (heading bullets, `key:: value` properties) is rewritten as a whole before it is
parsed (`logseq_outline`): its outline is the Markdown's structure, not an inline mark. So is an
admonition closed by a `!!!` line (`closed_admonitions`): its text is indented as MkDocs reads
it, and so is a heading written without a space after its hashes (`spaced_headings`: Typora's
`##Causes`).

So are a site generator's template tags (`template_tags`: Liquid, Jinja, Hugo; taken out first,
as the site does when it builds the page, so a `|` inside one never splits a table cell; a Hugo
block shortcode with a title, `{{% collapse "Treatment" %}}`, leaves a heading of its title), a
PDF's extracted text (`pdf_text`: page chrome, hard wraps, conditions in capitals, circled
marks), its broken lists (`pdf_lists`), lists typed with `•` glyphs or roman numerals
(`glyph_lists`) and math in dollars (`tex_math`: `$…$` → `\\(…\\)`,
which Anki's MathJax typesets; `hold_math` keeps such math out of Markdown rendering; math glued to
the word it scripts, `P$_{pk}$`, → `P<sub>pk</sub>`).

A file git left with an unresolved merge conflict is cut to its conflict's first side before
anything else (`merge_conflicts`); the document reader warns at the conflict's line.

What a document uses is found once in its whole text (a substring test each, a regular expression
only where a substring cannot tell), so a document written in plain CommonMark, like every deck
so far, pays nothing per text. Code spans are left as they are (an empty one goes).
"""

from __future__ import annotations

import html
import re
import string
import unicodedata
from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial

from .exports import org_verse, raw_html, spaced_repetition
from .exports import outside_fences as _outside_fences
from .notes import WORD_JOINER
from .text import (
    CJK_LETTERS,
    READING_LEVELS,
    REFERENCE_HEADINGS,
    TEMPLATE_FIELD,
    content_words,
    ends_mid_phrase,
    is_generic_heading,
    is_relational,
)

Cleaner = Callable[[str], str]


def inline_cleaner(text: str) -> Cleaner | None:
    """A function rewriting one inline text of this document to CommonMark, or None when the
    document has none of the marks above."""
    steps = [step for step, used in _STEPS if used(text)]
    references = _reference_links(text)
    if references is not None:
        steps.insert(0, references)
    empty_code = "``" in text and _EMPTY_CODE.search(text) is not None
    if not steps and not empty_code:
        return None

    def clean(inline: str) -> str:
        if "`" in inline:
            parts = _CODE_SPAN.split(inline)  # code spans at odd positions
            for index in range(0, len(parts), 2):
                parts[index] = _apply(steps, parts[index])
            for index in range(1, len(parts), 2):
                if parts[index] == "``":  # an empty code span: CommonMark shows its marks
                    parts[index] = ""
            cleaned = "".join(parts)
        else:
            cleaned = _apply(steps, inline)
        return cleaned.strip() if cleaned != inline else inline

    return clean


def is_module_line(text: str) -> bool:
    """An MDX paragraph of JavaScript module lines (`import X from "…"`, `export const …`), which
    a page renders as nothing."""
    return text.startswith(("import", "export")) and _MODULE.match(text) is not None


def _apply(steps: list[Cleaner], text: str) -> str:
    for step in steps:
        text = step(text)
    return text


_CODE_SPAN = re.compile(r"(`+[^`]*?`+)")
_EMPTY_CODE = re.compile(r"(?<!`)``(?!`)")
_MODULE = re.compile(
    r"(?:import\s+(?:[\w*{}\s,$]+\s+from\s+)?['\"][^'\"\n]+['\"]"
    r"|export\s+(?:default\b|const\b|let\b|var\b|function\b|class\b|async\b|\{|\*))"
)


def _dropping(token: str) -> re.Pattern[str]:
    """`token` with the spaces that separated it from its neighbours (the ones before it, or
    the ones after it at the start of a line)."""
    return re.compile(rf"(?m)^[ \t]*(?:{token})[ \t]*|[ \t]*(?:{token})")


# -- reference-style links -------------------------------------------------------------------

_LINK_DEFINITION = re.compile(r"(?m)^ {0,3}\[([^\]\n^][^\]\n]{0,98})\]:[ \t]*(\S+)")
"""A link reference definition, `[label]: target` (not a footnote's `[^1]:`)."""
_REFERENCE = re.compile(
    r"(?<![!\[\]\\])\[([^\[\]\n]{1,100})\](?:\[([^\[\]\n]{0,100})\])?(?![(:\]])"
)
"""`[text]`, `[text][]` or `[text][label]`: not an image, a wikilink's inside or an inline link."""
_FULL_REFERENCE = re.compile(r"(?<![!\[\]\\])\[[^\[\]\n]{1,100}\]\[[^\[\]\n]{1,100}\]")
_SCHEME = re.compile(r"[A-Za-z][\w+.-]*:")


def _reference_links(text: str) -> Cleaner | None:
    """The rewrite of this document's reference-style links to what a page shows (`[velbarin]`
    with `[velbarin]: .` → "velbarin"), or None when the document uses none. A field is rendered
    without the document's definitions, so each link would show its brackets."""
    if "]:" not in text and "][" not in text:
        return None
    targets: dict[str, str] = {}
    if "]:" in text:
        for found in _LINK_DEFINITION.finditer(text):
            targets.setdefault(_label_key(found.group(1)), found.group(2).strip("<>"))
    if not targets and _FULL_REFERENCE.search(text) is None:
        return None

    def rewrite(match: re.Match[str]) -> str:
        shown, label = match.group(1), match.group(2)
        target = targets.get(_label_key(label or shown))
        if target is None:
            return shown if label else match.group()  # `[Pb]`: the author's brackets
        if _SCHEME.match(target) is not None:
            return f"[{shown}]({target})"
        return shown

    def references(inline: str) -> str:
        return _REFERENCE.sub(rewrite, inline) if "]" in inline else inline

    return references


def _label_key(label: str) -> str:
    """A label as CommonMark matches it: case and runs of white space do not count."""
    return " ".join(label.split()).casefold()


# -- wikilinks -------------------------------------------------------------------------------

# No `[` inside either: a run of `[` then fails at once at each place, not after scanning the
# rest of the run (100,000 of them would take minutes).
_EMBED = _dropping(r"!\[\[[^\[\]\n]*\]\]")
_WIKILINK = re.compile(r"\[\[([^\[\]|\n]*)(?:\|([^\[\]\n]*))?\]\]")
_WIKILINK_ONLY = re.compile(rf"[^\w\[]*{_WIKILINK.pattern}[^\w]*")
"""One wikilink with nothing but marks around it (`- [[Velbarin]]`, `→ [[Next note]]`)."""


_SEE_NOTE = re.compile(
    r"(?:(?<=[.!?)])|;)[ \t]+\(?(?:[Ss]ee(?: also)?|[Cc]f\.?|[Aa]lso see)[ \t]+"
    r"\[\[[^\[\]\n]*\]\](?:[ \t]*(?:,|and|&|or)[ \t]*\[\[[^\[\]\n]*\]\])*"
    r"[ \t]*(?:\.?\)?[ \t]*$|\.\)?(?=[ \t]+[A-Z*_]))"
)
"""A sentence after another that only points to other notes: "… once results allow. See
[[Stewardship]]." (a card has no vault to go to)."""


def _end_of_sentence(match: re.Match[str]) -> str:
    """What a pointer sentence leaves: the full stop of the clause before it ("…; see [[X]].")."""
    return "." if match.group().startswith(";") else ""


def _wikilinks(text: str) -> str:
    if "[[" not in text:
        return text
    text = _EMBED.sub("", text)
    if all(_WIKILINK_ONLY.fullmatch(line) for line in text.splitlines() if line.strip()):
        return text  # links and nothing else, one a line: navigation, left for the checks
    text = _SEE_NOTE.sub(_end_of_sentence, text)
    return _WIKILINK.sub(_wikilink_text, text)


def _wikilink_text(match: re.Match[str]) -> str:
    label = match.group(2)
    if label is not None and label.strip():
        return label.strip()
    target = match.group(1).strip()
    page = re.split(r"[#^]", target, maxsplit=1)[0].strip()
    # A note in a folder (`[[Cardiology/ECG/Atrial flutter]]`) is shown by its name: the vault's
    # folders are no part of what a card says.
    page = page.rsplit("/", 1)[-1].strip()
    heading = _linked_heading(target)
    if page and heading and _in_running_text(match):
        return heading_link(page, heading)
    return page or target.lstrip("#^").strip()


def _in_running_text(match: re.Match[str]) -> bool:
    """The link stands among words of a sentence, not alone on its item or line (an attribute
    list after it, `{:target="_blank"}`, is no word): a list of links names pages."""
    line_start = match.string.rfind("\n", 0, match.start()) + 1
    line_end = match.string.find("\n", match.end())
    line_end = len(match.string) if line_end < 0 else line_end
    around = match.string[line_start : match.start()] + match.string[match.end() : line_end]
    return re.search(r"\w", re.sub(r"\{[^{}]*\}", "", around)) is not None


def _linked_heading(target: str) -> str:
    """The last heading a link's `#Heading` parts name (`Page#Drugs#Beta blockers`); "" for
    none or for a block reference (`Page#^b12`), which names no words."""
    parts = target.split("#")[1:]
    last = parts[-1].strip() if parts else ""
    return "" if not last or last.startswith("^") else last


def heading_link(page: str, heading: str) -> str:
    """What a link to a heading of a page (`[[NSAIDs#Prostaglandins]]`) says on a card: the
    heading when it names a thing of its own, the thing the author meant (Obsidian shows
    "NSAIDs > Prostaglandins"; the page alone names another thing); the page when the heading
    names only a part of it (`[[Asthma#Treatment]]`, `[[Asthma#Overview]]`: "Asthma")."""
    if is_relational(heading) or is_generic_heading(heading):
        return page
    return heading


# -- highlights ------------------------------------------------------------------------------

_HIGHLIGHT = re.compile(r"(?<![\w=<>!\\])==(?=[^\s=>])(.{1,500}?)(?<=[^\s=<\\])==(?![\w=])")
"""`==text==`, up to 500 characters: an unclosed `==` scans no further (a line of them would
otherwise cost the square of its length)."""


def _highlights(text: str) -> str:
    return _HIGHLIGHT.sub(r"**\1**", text) if "==" in text else text


# -- footnote markers ------------------------------------------------------------------------

_FOOTNOTE_MARK = re.compile(r"(?<=\S)[ \t]*\[\^[^\[\]\s]+\]|[ \t]*\[\^[^\[\]\s]+\](?!:)")
"""A footnote's marker: after a word even when a colon follows it (`digestive [^1]:`, a
label's), as a definition `[^1]: …` opens its line."""
_INLINE_NOTE = re.compile(r"[ \t]*\^\[(?:[^\[\]\n]|\[[^\[\]\n]*\])*\]")
"""Pandoc's `^[note]`, a link or other brackets inside it one level deep."""


_TYPED_DASH = re.compile(r"(?<=[\w*_)\]]) --- (?=[\w*_(\[])")
"""A spaced `---` between words (not an arrow `--->` or a rule of its own)."""


def _typed_dashes(text: str) -> str:
    return _TYPED_DASH.sub(" — ", text)


# -- TeX commands in Markdown (notes written for Pandoc -> LaTeX) -----------------------------

_TEX_ARGUMENT = r"\{((?:[^{}\n]|\{[^{}\n]*\})*)\}"
"""A command's braced argument, braces inside it one level deep (`\\far{a {b}}`)."""
_TEX_TODO = re.compile(
    rf"[ \t]*\\(?:todo|fixme|note|comment|marginpar)\*?(?:\[[^\]\n]*\])?{_TEX_ARGUMENT}", re.I
)
"""An author's note to self in TeX (`\\todo{…}`, `\\TODO{}`, `\\fixme{…}`): not content."""
_TEX_DROPPED = re.compile(
    r"\\(?:part|chapter|label|ref|cite|index|vspace|hspace)\*?"
    + _TEX_ARGUMENT
    + r"|\\(?:clearpage|newpage|pagebreak|linebreak|noindent|centering|tableofcontents"
    r"|maketitle|medskip|bigskip|smallskip|vfill|hfill|par)(?![A-Za-z])[ \t]*"
)
"""Layout and cross-reference commands, which show no content of their own on the page."""
_TEX_STYLED = {"textbf": "**", "emph": "*", "textit": "*"}
_TEX_WRAPPED = re.compile(r"\\([A-Za-z]+)\*?" + _TEX_ARGUMENT)
"""Any other one-argument command (a note's own macros, `\\far{spironolattone}`): its text."""
_TEX_MATH = re.compile(r"(\\\(.*?\\\)|\\\[.*?\\\])")
_PANDOC_HYPHEN = re.compile(r"(?<=[^\W\d_])--(?=[^\W\d_])")
_PANDOC_RANGE = re.compile(r"(?<=\d)--(?=\d)")


def _tex_commands(text: str) -> str:
    """A Pandoc note's TeX commands as the text a page shows: a to-do macro alone is the
    author's `TODO:` line (left out as such), one inside a text goes; a layout command goes; any
    other command with an argument is its argument. Math (`\\( … \\)`) is left as written."""
    if "\\" not in text:
        return text
    bare = text.strip()
    whole = _TEX_TODO.fullmatch(bare)
    if whole is not None:
        return f"TODO: {whole.group(1)}".strip()
    parts = _TEX_MATH.split(text)
    for index in range(0, len(parts), 2):
        part = _TEX_TODO.sub("", parts[index])
        part = _TEX_DROPPED.sub("", part)
        for _ in range(3):  # commands inside commands: `\\textbf{\\far{x}}`
            unwrapped = _TEX_WRAPPED.sub(_tex_text, part)
            if unwrapped == part:
                break
            part = unwrapped
        parts[index] = part
    return "".join(parts)


def _tex_text(match: re.Match[str]) -> str:
    mark = _TEX_STYLED.get(match.group(1), "")
    inner = match.group(2).strip()
    return f"{mark}{inner}{mark}" if mark and inner else inner


_PANDOC_DASH = r"--(?:(?<=[^\W\d_]--)(?=[^\W\d_])|(?<=\d--)(?=\d))"
"""A typed dash `_pandoc_dashes` rewrites, between letters or digits. It opens with the dashes, so
the search skips from one `--` to the next; opening with the letter before them, it tried every
position of the source (0.2 s on a 3.5 MB one)."""


def _pandoc_dashes(text: str) -> str:
    """Pandoc's typed dashes inside a word or a range: `ACE--inibitori` → `ACE-inibitori` (a
    hyphen in the word the page shows), `10--20` → `10–20`."""
    return _PANDOC_RANGE.sub("–", _PANDOC_HYPHEN.sub("-", text))


_SPACED_CLOSE = re.compile(
    r"(?<![*\w\\])\*\*(?=[^\s*])([^*\n]{0,200}?[^\s*])[ \t]+\*\*(?!\*|\w.*\*\*)"
)
"""Bold whose closing `**` has a space before it, `**no signs **(see …)`, `**5 g **IM`:
CommonMark closes no emphasis after a space, so both marks stayed on the card as text (not when
a later `**` on the line may close it: `**a **b**`)."""


def _spaced_emphasis(text: str) -> str:
    """Each inline text of a document with one such bold: most hold no `**` at all, which `in`
    finds sooner than the pattern (its look-behind opens it, so it is tried at every place)."""
    if "**" not in text:
        return text
    return _SPACED_CLOSE.sub(_closed_bold, text)


def _closed_bold(match: re.Match[str]) -> str:
    after = match.string[match.end() : match.end() + 1]
    return f"**{match.group(1)}**" + (
        " " if after and not after.isspace() and after not in ".,;:!?)" else ""
    )


_DASHED_LABEL = re.compile(
    r"(?<![*\w\\])\*\*(?=[^\s*])([^*\n]{0,100}?[^\s*])[ \t]+([-–—])\*\*(?=\s|$)"
)
"""A bold label that takes its dash inside, `**BNP –** raised in …`: the label is "BNP", the dash
parts it from its value, as in `**BNP** – raised in …` (not `**Anti-**`: no space before it)."""


def _dashed_labels(text: str) -> str:
    """Only in an entry that ends as a sentence (`**BNP –** raised in failure.`): a short item
    (`**A –** air trapping`, `**Cells –** how many?`) or a lead-in over a list keeps its dash
    in the bold, where the enumeration rule reads a mnemonic's letter or a facet as the cue to
    the value after it (`enumeration.run_in_label`)."""
    if not text.rstrip().endswith("."):
        return text
    return _DASHED_LABEL.sub(r"**\1** \2", text)


_GLUED_LABEL = re.compile(r"(?<=[^\W\d_][.;!?])\*\*(?=[^\s*][^*\n]{0,100}?\*\*[ \t]*[-–—:])")
"""A bold label right after the full stop that ends the sentence before it, `… arrhythmias.**eGFR**
– …`: the next entry of a paragraph of labelled entries, which a space makes one."""


def _glued_labels(text: str) -> str:
    return _GLUED_LABEL.sub(" **", text)


_EQUATED_TERM = re.compile(
    r"^(\*\*|__)(?=[^\s*_])([^*_\n]{1,60}?)(?<=[^\s*_])\1[ \t]+=[ \t]+(?=\S)"
)
"""A bold term opening a text, then `=` and what it is: `**Term** = what it is`."""


def _equated_terms(text: str) -> str:
    """`**Term** = what it is` -> `**Term**: what it is`, the definition it is written as (the
    `=` only stands for "is"): every rule reads a bold term and its colon."""
    return _EQUATED_TERM.sub(r"\1\2\1: ", text) if "=" in text else text


def _footnote_marks(text: str) -> str:
    if "[^" in text:
        text = _FOOTNOTE_MARK.sub("", text)
    return _INLINE_NOTE.sub("", text) if "^[" in text else text


_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_CITED_MARK = re.compile(
    rf"(?:[{_SUPERSCRIPTS}]+(?:[,⁻–-][{_SUPERSCRIPTS}]+)*"
    r"|<sup>\d{1,3}(?:[,–-]\d{1,3})*</sup>)(?=[.,;:!?)]*(?:\s|$))"
)
"""A citation's number in superscript closing a word, a value or a sentence (`~20%.¹`,
`permanent¹`, `risk<sup>2,3</sup>`): a card's answer is the fact, not the author's reference."""
_REFERENCE_LIST = re.compile(
    rf"(?im)^[ \t]{{0,3}}(?:#{{1,6}}[ \t]+|\*\*)(?:{REFERENCE_HEADINGS})[ \t:*#]*\n"
    r"(?:[ \t]*\n)*[ \t]*(?:\d{1,3}[.)]|\[\d{1,3}\])[ \t]"
)
"""A heading (or a bold line) over the sources a page cites, then a numbered list of them."""


def _cites_by_superscript(text: str) -> bool:
    """Whether a document cites its numbered reference list with superscript numbers: only
    then is a superscript closing a word a citation, not the author's power (`cm²`, `10⁶`)."""
    if not any(mark in text for mark in _SUPERSCRIPTS) and "<sup>" not in text:
        return False
    return _REFERENCE_LIST.search(text) is not None and _CITED_MARK.search(text) is not None


def _cited_marks(text: str) -> str:
    if not any(mark in text for mark in _SUPERSCRIPTS) and "<sup>" not in text:
        return text
    return _CITED_MARK.sub(_uncited, text)


def _uncited(match: re.Match[str]) -> str:
    """Nothing for a citation; a power stays: after a digit (`10⁶`), or a lone ² or ³ after a
    letter (`kg/m²`, `cells/mm³`)."""
    before = match.string[match.start() - 1] if match.start() else " "
    number = match.group().removeprefix("<sup>").removesuffix("</sup>")
    if (
        before.isspace()
        or before.isdigit()
        or (before.isalpha() and number in ("2", "3", "²", "³"))
    ):
        return match.group()  # a mark opening a word is no citation of it
    return ""


# -- source tags -----------------------------------------------------------------------------

_STRONG_TAG = (
    r"\[(?:-?@[\w:.#$%&+?<>~/-]+(?:[,;][^\[\]\n]{0,80})?"  # Pandoc's `[@key]`, `[@a; @b, p. 3]`
    r"|see\s+@[^\[\]\n]{1,80}"
    r"|[A-Z][\w&.'’-]*(?:[ /-][\w&.'’-]+){0,4}[ ](?:No\.?[ ]?)?\d{1,4}(?:\.\d{1,3})*[a-z]?"
    r"|[A-Z][^\[\]\n]{0,40}\bet\ al\.?,?[ ](?:19|20)\d\d[a-z]?)\]"
)
"""A tag that can only be a source: a Pandoc citation key, or a body and a number ("[ACOG PB
183]", "[BNF 2.4]", "[ACOG 2025]") or authors and a year ("[Smith et al. 2008]")."""
_WEAK_TAG = r"\[(?:see\s[^\[\]\n]{1,40}|[A-Z][\w&.'’-]*(?:[ -][A-Z][\w&.'’-]*){0,2})\]"
"""A tag that is a source only in a document that tags its claims: "[Lowdermilk]", "[see …]"."""
_TAG_END = r"(?![(\[])(?=[)*_]*(?:$|[ \t]*\||[.;:!?]+[)*_]*(?:\s|$)))"
"""Closing a text, a table cell or a sentence (a space before it: never a definition's `[label]:
…`), never a link's text (`[ACOG 2025](…)`)."""
_CITING = re.compile(rf"(?m)(?<=[\w.,;:)*_’'\"])[ \t]+{_STRONG_TAG}{_TAG_END}")
_SOURCE_TAG = re.compile(rf"(?m)[ \t]+(?:{_STRONG_TAG}|{_WEAK_TAG}){_TAG_END}")
_SOURCE_LINE = re.compile(
    rf"(?m)(?:(?<=\s)|^)([*_]?)Sources?:[ \t]*(?:{_STRONG_TAG}|{_WEAK_TAG})"
    rf"(?:[ \t]*[,;][ \t]*(?:{_STRONG_TAG}|{_WEAK_TAG}))*\.?\1(?=\s|$)[ \t]*"
)
"""A sentence that only names the source of what it follows, "*Source: [Lowdermilk].*"."""
MIN_SOURCE_TAGS = 3


def _tags_sources(text: str) -> bool:
    """Whether a document tags its claims with their sources in brackets ("… [ACOG PB 183]"):
    a Pandoc citation key once, or three tags that can only be sources. Only then is a
    bracketed name closing a text ("[Lowdermilk]") a source, not the author's word ("assay
    [ELISA]")."""
    if "[" not in text or "]" not in text:
        return False
    if "[@" in text or "[-@" in text or "[see @" in text:
        return True
    return any(found >= MIN_SOURCE_TAGS for found, _ in enumerate(_CITING.finditer(text), start=1))


def _source_tags(text: str) -> str:
    """A text without the source tags closing it or its sentences: "Massage + oxytocin [ACOG PB
    183]" -> "Massage + oxytocin"; a card's answer is the fact, not where the author found it."""
    if "[" not in text:
        return text
    if "Source" in text:
        text = _SOURCE_LINE.sub("", text)
    return _SOURCE_TAG.sub("", text)


# -- attribute lists -------------------------------------------------------------------------

_ATTRIBUTE = r"(?:[#.][\w:.-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}\"'][^\s}]*))"
"""One attribute; a bare value never opens with a quote (else a quoted one reads two ways, and
an unclosed list of them backtracks exponentially)."""
_ATTRIBUTES = re.compile(rf"[ \t]*\{{(:?)[ \t]*({_ATTRIBUTE}(?:[ \t]+{_ATTRIBUTE})*)[ \t]*\}}")
_ID = re.compile(r"(?:^|\s)#([A-Za-z0-9][\w.:-]*)")


def _attributes(text: str) -> str:
    return _ATTRIBUTES.sub(_attribute_list, text) if "{" in text else text


def _attribute_list(match: re.Match[str]) -> str:
    colon, body = match.group(1), match.group(2)
    pin = _ID.search(body)
    if pin is None:
        return ""
    if not colon and body.strip() == "#" + pin.group(1):
        return match.group(0)  # `{#id}`: already a pin
    return " {#" + pin.group(1) + "}"


# -- icons -----------------------------------------------------------------------------------

_ICON_SETS = ("material", "fontawesome", "octicons", "simple")
_ICON_NAME = rf":(?:{'|'.join(_ICON_SETS)})-[\w-]+:"
_ICON = _dropping(_ICON_NAME)


def _icons(text: str) -> str:
    return _ICON.sub("", text) if ":" in text else text


# -- timestamps ------------------------------------------------------------------------------

_ONE_STAMP = (
    r"(?:<a\b[^<>]*>[ \t]*\[\d{1,2}(?::\d{2}){1,2}\][ \t]*</a>"
    r"|\[\d{1,2}(?::\d{2}){1,2}\](?:\([^()\s]*\))?)"
)
_STAMPS = rf"{_ONE_STAMP}(?:[ \t]*(?:(?:[,;&]|and)[ \t]*)?{_ONE_STAMP})*"
_TIMESTAMP = re.compile(
    rf"(?<![ \t])(?P<sep>[ \t]*[,;])?[ \t]*(?:\([ \t]*{_STAMPS}[ \t]*\)|{_STAMPS})"
    r"(?P<end>(?=[ \t]*(?:[.,;:!?)\]]|\n|$)))?"
)
"""A video's timestamp links (`<a class="yt-timestamp" data-t="00:02:00">[00:02:00]</a>`,
`[02:00](https://youtu.be/…?t=120)`, a bare `[00:02:00]`), one or a run joined by commas or
in brackets: notes taken from a lecture video keep them after every fact, and a card has no
video to jump to. The commas between them, and one before them where the sentence ends after
them ("Negative, [0:01]."), go with them: "Negative,." is no answer. A match starts only at
the first blank of a run (a later one finds the same stamps), and blanks between two stamps are
read one way: a line of blanks costs its length, not its square."""


def _timestamps(text: str) -> str:
    return _TIMESTAMP.sub(_drop_stamps, text) if ":" in text else text


def _drop_stamps(match: re.Match[str]) -> str:
    """Nothing for the links; a comma before them stays only where the sentence goes on."""
    separator = match.group("sep")
    return separator.strip() if separator and match.group("end") is None else ""


# -- HTML wrappers ---------------------------------------------------------------------------

_WRAPPER = re.compile(
    r"<(?:/?span\b[^<>]*>|a\s+(?:id|name)=[^<>]*>\s*</a>|/?[A-Z][\w.]*(?:\s[^<>]*)?/?>)"
)


def _wrappers(text: str) -> str:
    return _WRAPPER.sub("", text) if "<" in text else text


# -- tags ------------------------------------------------------------------------------------

_TAG = r"#(?<![^\s]#)[A-Za-z][\w/-]*"
"""A `#` with a space or nothing before it, then a letter (`&#39;`, `C#`, `(#part)` are no tags).
Written to start with the `#`, so a search skips straight from one `#` to the next."""
_TAG_LABEL = re.compile(rf"(?m)^([ \t]*)(?:{_TAG}[ \t]*)+:?[ \t]*")
_TAGS = _dropping(_TAG)


def _tags(text: str) -> str:
    if "#" not in text:
        return text
    return _TAGS.sub("", _TAG_LABEL.sub(r"\1", text))


# -- links within the site -------------------------------------------------------------------

_SITE_LINK = re.compile(
    r"(?<![!\]\\])\[([^\[\]\n]+)\]\([ \t]*(?![\w+.-]*:)([^()\s]*)(?:\s+\"[^\"]*\")?[ \t]*\)"
)


_LINK_ONLY = re.compile(rf"[^\w\[]*{_SITE_LINK.pattern}[^\w]*")
"""One link, with nothing but marks around it (`📄 [Aphasia](/aphasia)`, `→ [Next](/next).`)."""


def _site_links(text: str) -> str:
    if "](" not in text:
        return text
    if _LINK_ONLY.fullmatch(text) is not None:
        return text  # a link and nothing else: navigation, left for the checks to see
    return _SITE_LINK.sub(r"\1", text)


# -- Pandoc sub- and superscripts ------------------------------------------------------------

_SUBSCRIPT = re.compile(r"(?<=[\w)\]])~(?!~)([^\s~\\]{1,12}?)~(?!~)")
_SUPERSCRIPT = re.compile(r"(?<![^\s\w)\]*_(])\^([^\s^\\\[\]]{1,12}?)\^")


def _scripts(text: str) -> str:
    """`SpO~2~` → `SpO<sub>2</sub>`, `x^2^` → `x<sup>2</sup>` (Pandoc, Quarto). A subscript only
    right after a letter, digit or bracket, and neither with spaces inside: `~~struck~~` and
    "~5 mg" stay. A superscript also opens a text, a word or a bold run (`**^13^C test**`), as
    pymdownx's caret reads it."""
    if "~" in text:
        text = _SUBSCRIPT.sub(r"<sub>\1</sub>", text)
    if "^" in text:
        text = _SUPERSCRIPT.sub(r"<sup>\1</sup>", text)
    return text


# -- headings --------------------------------------------------------------------------------

_ANY_LINK = re.compile(
    r"(?<![!\\])\[([^\[\]\n]+)\]\([ \t]*[^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?[ \t]*\)"
)
_SCRIPT_TAG = re.compile(r"<(sub|sup)>([^<>]*)</\1>")
_SUB_CHARS = str.maketrans("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ")
_SUP_CHARS = str.maketrans("0123456789+-=()in", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁱⁿ")


def heading(text: str) -> str:
    """A heading as the line above every card shows it, as text: a link or wikilink as its
    text (`### Acute ([NICE](https://…))` → "Acute (NICE)", `### [[Scoring|Korrin score]]` →
    "Korrin score"), a sub- or superscript in Unicode ("SpO₂") or, without one, as plain text,
    any other inline HTML tag as the text it wraps.
    `text` has been through the document's `inline_cleaner`."""
    if "[" in text:
        if "[[" in text:
            text = _WIKILINK.sub(_wikilink_text, text)
        if "](" in text:
            text = _ANY_LINK.sub(r"\1", text)
    if "<su" in text:
        text = _SCRIPT_TAG.sub(_unicode_script, text)
    if "<" in text and _HTML_TAG.search(text) is not None:
        text = " ".join(_HTML_TAG.sub(_tag_space, text).split())
    if text.endswith("}"):
        text = _MNEMONIC_TAG.sub("", text)
    elif text.endswith("`"):
        text = _PAGE_SPAN.sub("", text)
    return decode_entities(text)


_MNEMONIC_TAG = re.compile(r"(?<=\S)[ \t]+\{[A-Z][A-Z0-9]{1,11}\}$")
"""A heading's closing `{LEAD}`: the author's tag for the mnemonic its list spells ("Signs of
lead poisoning {LEAD}"), no word of the subject; a pin `{#id}` or attributes are not one."""
_PAGE_SPAN = re.compile(r"(?<=\S)[ \t]+`\d{1,5}`$")
"""A heading's closing code span of a number (`# Kidney infections` then `412` in backticks):
the page of the textbook it follows (Typora notes), no word of the subject."""


_HTML_TAG = re.compile(r"<!--.*?-->|</?[A-Za-z][\w:-]*(?:\s[^<>]*)?/?>", re.DOTALL)
"""An inline HTML tag or comment in a heading (`<font color="red"><center> Borders </center>
</font>`): a browser shows only its text, and so does the line above every card."""


def _tag_space(match: re.Match[str]) -> str:
    """A line break's tag as a space between its words, any other tag as nothing."""
    return " " if match.group()[1:3].lower() == "br" else ""


def decode_entities(text: str) -> str:
    """`text` with each HTML entity as its character (`&beta;` → "β"), as headings are read: a
    manifest's section pattern written with the entity still names the heading."""
    return _ENTITY.sub(_entity_character, text) if "&" in text else text


_ENTITY = re.compile(r"&(?:[A-Za-z][A-Za-z0-9]{1,31}|#\d{1,7}|#[xX][0-9A-Fa-f]{1,6});")
"""An HTML entity as CommonMark reads one (a name, a decimal or a hex code, and the `;`)."""


def _entity_character(match: re.Match[str]) -> str:
    """The entity's character, as Markdown renders it; an unknown name stays as written (so
    does CommonMark's), and so does an entity for a character no text can hold (NUL)."""
    shown = html.unescape(match.group())
    return match.group() if shown in ("", "\x00", "\ufffd") else shown


def _unicode_script(match: re.Match[str]) -> str:
    table = _SUB_CHARS if match.group(1) == "sub" else _SUP_CHARS
    inner = match.group(2)
    shown = inner.translate(table)
    return inner if any(a == b for a, b in zip(inner, shown, strict=True)) else shown


def _gate(char: str, pattern: str) -> Callable[[str], bool]:
    """Whether a text holds `pattern`: first the one character it needs (a scan for a single
    character is ten times faster than for a pattern), then the pattern, which starts with a
    literal character so the search skips from one to the next."""
    search = re.compile(pattern).search
    return lambda text: char in text and search(text) is not None


def _beyond_ascii(pattern: str) -> Callable[[str], bool]:
    """Whether a text holds `pattern`, which matches only characters beyond ASCII: never in an
    ASCII text (`str.isascii` reads a flag the string keeps), which is not searched."""
    search = re.compile(pattern).search
    return lambda text: not text.isascii() and search(text) is not None


_SUBSCRIPT_USED = _gate("~", r"~[^\s~\\]{1,12}~")
_SUPERSCRIPT_USED = _gate("^", r"\^[^\s^]{1,12}\^")


def _has_scripts(text: str) -> bool:
    return _SUBSCRIPT_USED(text) or _SUPERSCRIPT_USED(text)


_FULL_WIDTH = re.compile(r"([：？！。])([ \t]*)(?=(.?))")
_ASCII_FORM = {"：": ":", "？": "?", "！": "!", "。": "."}
_CLOSING = frozenset(")]}）」』】〉》\"'*_`")


def _full_width(text: str) -> str:
    """CJK punctuation as its ASCII form; a space after it where text follows (a full-width
    mark carries its own spacing; `:2–3` and `?Why` would read as one word), none before a
    closing bracket, a quote, emphasis or another mark (`**答案？**`, `？！`)."""
    return _FULL_WIDTH.sub(_ascii_mark, text)


def _ascii_mark(match: re.Match[str]) -> str:
    after = match.group(3)
    mark = _ASCII_FORM[match.group(1)]
    if not after or after in _CLOSING or after in _ASCII_FORM or after in ":?!.,;":
        return mark + match.group(2)
    start = match.start()
    if after.isdigit() and start and match.string[start - 1].isdigit():
        return mark + match.group(2)  # a ratio or a time, `1：2`, `10：30`: `1:2`, not a label
    return mark + " "


def full_width_stops(text: str) -> str:
    """A card's text with the sentence marks `_full_width` made ASCII for the rules written as
    the CJK text around them had them: `。` for a `.` after CJK (`疼痛. 醫生` → `疼痛。醫生`), `？`
    and `！` between CJK sentences. What the rules read is unchanged; the card shows the
    author's punctuation, not a Latin period and a space in Chinese prose."""
    if ("." not in text and "? " not in text and "! " not in text) or not _CJK_MARKED.search(text):
        return text
    text = _CJK_STOP.sub("。", text)
    if "? " in text or "! " in text:
        text = _CJK_MARK.sub(lambda m: "？" if m.group(1) == "?" else "！", text)
    return text


_CJK_BEFORE = f"{CJK_LETTERS}）」』】》"
_CJK_MARKED = re.compile(f"[{_CJK_BEFORE}](?:}}}}|\\*\\*)?[.?!]")
_AFTER_CJK = rf"(?:(?<=[{_CJK_BEFORE}])|(?<=[{_CJK_BEFORE}]}}}})|(?<=[{_CJK_BEFORE}]\*\*))"
"""Right after CJK text, or after a deletion or a bold run that ends in it."""
_CJK_STOP = re.compile(rf"{_AFTER_CJK}\.(?: (?=\S)|(?=[\s*_}})）」』】\]]|$))")
"""A `.` after CJK that ends a sentence: a space and more text after it (the space goes, as `。`
carries its own), or the end, a line's end or a closing mark; never `.md`, `..` or `3.5`."""
_CJK_MARK = re.compile(rf"{_AFTER_CJK}([?!]) (?=[{CJK_LETTERS}（「『【《*{{])")


_STEPS: tuple[tuple[Cleaner, Callable[[str], bool]], ...] = (
    (_timestamps, _gate("[", r"\[\d{1,2}:\d{2}")),
    (_wikilinks, _gate("[", r"\[\[")),
    (_footnote_marks, _gate("^", r"\[\^|\^\[")),
    (_cited_marks, _cites_by_superscript),
    (_source_tags, _tags_sources),
    (_highlights, _gate("=", r"==(?<![\w=<>!\\]==)(?=[^\s=>])")),
    (_attributes, _gate("{", r"\{(?:[ \t]*[.:]|[ \t]*[\w-]+=|[ \t]*#[\w.:-]+[ \t]+\S|[ \t]+#)")),
    (_icons, _gate(":", _ICON_NAME)),
    (_wrappers, _gate("<", _WRAPPER.pattern)),
    (_tags, _gate("#", _TAG)),
    (_site_links, _gate("(", r"\]\((?![\w+.-]*:)")),
    (_scripts, _has_scripts),
    (_tex_commands, _gate("\\", r"\\[A-Za-z]+")),
    (_pandoc_dashes, _gate("-", _PANDOC_DASH)),
    (_typed_dashes, _gate("-", r"--- ")),
    (_full_width, _beyond_ascii(r"[：？！。]")),
    (_spaced_emphasis, _gate("*", r"\S[ \t]+\*\*(?!\*)")),
    (_dashed_labels, _gate("*", r"\*\*(?<= [-–—]\*\*)")),
    (_glued_labels, _gate("*", r"\*\*(?<=[.;!?]\*\*)(?=[^\s*])")),
    (_equated_terms, _gate("=", r"(?:\*\*|__)[ \t]+=[ \t]")),
)
"""Each rewrite, in order, with the test on the whole text that says a document needs it."""


_FILE_TARGET = re.compile(
    r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|pdf|mp4|webm|mp3)$", re.IGNORECASE
)


def unlinked_text(text: str) -> str:
    """A content text with each Markdown link as its text (`a rhythm called [atrial
    fibrillation](https://…)` → `a rhythm called atrial fibrillation`): a card is studied
    offline, and a link on its front is a check's warning. The caller has found the text to be
    content, not navigation."""
    return _ANY_LINK.sub(r"\1", text) if "](" in text else text


def is_link_only(text: str) -> bool:
    """A text that is one or more Markdown links and nothing else but marks and spaces."""
    return (
        "](" in text
        and _ANY_LINK.search(text) is not None
        and not any(char.isalnum() for char in _ANY_LINK.sub("", text))
    )


def lone_wikilink_text(text: str) -> str | None:
    """The text a card shows for a text that is one wikilink and nothing else (`[[Velbarin]]`,
    `[[korrin-fever|Korrin fever]]`), which `inline_cleaner` leaves as it is for the checks to
    tell navigation: "" for a link to a file (`[[scan.png]]`, a picture no card can show), None
    for any other text. The caller has found the item or cell to be content."""
    found = _WIKILINK_ONLY.fullmatch(text) if "[[" in text else None
    if found is None:
        return None
    target = found.group(1).strip()
    if found.group(2) is None and _FILE_TARGET.search(target) is not None:
        return ""
    return _WIKILINK.sub(_wikilink_text, text).strip(" \t→←>-–—·•")


def logseq_outline(text: str) -> str | None:
    """A Logseq page as the Markdown it means, or None when `text` is not one.

    Logseq writes a page as one outline: every block a bullet, headings as bullets (`- ## Causes`,
    the blocks under it indented bullets), `key:: value` property lines (the page's at its top,
    each block's under its bullet; a key may hold dots and dashes, `logseq.order-list-type::`)
    and `((uuid))` block references. Read as CommonMark, that is one deep list whose items hold
    headings, which no rule reads. Here a heading bullet becomes
    its heading, the bullets under it a list under that heading (indented as the heading's
    children were), and property lines and block references nothing. Each line stays on its
    line (a dropped one becomes blank), so line numbers still cite the source. A page is a
    Logseq page when it has a heading bullet or opens with a property line."""
    if "- #" not in text and "::" not in text:
        return None
    if _HEADING_BULLET.search(text) is None and _PROPERTY.match(text.lstrip("\n")) is None:
        return None
    out: list[str] = []
    headings: list[list[int]] = []  # open heading bullets: [indent, indent of their children]
    fence = ""
    for line in text.split("\n"):
        expanded = line.expandtabs(4)
        body = expanded.lstrip()
        indent = len(expanded) - len(body)
        if fence:
            fence = "" if body.startswith(fence) else fence
            out.append(_shift(expanded, indent, headings))
            continue
        if not body or _PROPERTY.match(body):
            out.append("")
            continue
        if body.startswith(("```", "~~~")):
            fence = body[:3]
        if "((" in body:
            body = _BLOCK_REF.sub("", body)
            expanded = " " * indent + body
        if body.startswith(("- ", "* ")) or body in ("-", "*"):
            while headings and headings[-1][0] >= indent:
                headings.pop()
            match = _HEADING_BULLET.match(body)
            if match is not None:
                out.append(body[2:].strip())
                headings.append([indent, -1])
                continue
            if headings and headings[-1][1] < 0:
                headings[-1][1] = indent
        out.append(_shift(expanded, indent, headings))
    return "\n".join(out)


def _shift(line: str, indent: int, headings: list[list[int]]) -> str:
    """A line under a heading bullet, indented as if the heading's children were top level."""
    if not headings:
        return line
    by = headings[-1][1] if headings[-1][1] >= 0 else headings[-1][0] + 2
    return " " * max(0, indent - by) + line[indent:]


_HEADING_BULLET = re.compile(r"(?m)^[ \t]*[-*] #{1,6} ")
_PROPERTY = re.compile(r"[ \t]*[A-Za-z][\w.-]*::(?:[ \t]|$)")
_BLOCK_REF = re.compile(r"[ \t]*\(\([0-9a-f-]{8,}\)\)")


def comparisons(text: str) -> str:
    """The text with a list item's leading `>` before a number or `=` (`- >7% = shock`, `+ >=
    38 °C`) escaped: the author's "more than", not a block quote (CommonMark reads `>` at a
    block's start as a quote, which hides the sign and inverts the fact). Lines keep their
    numbers; fenced code is left as written.

    A line (or list item) whose value is two numbers joined by an arrow, `6 -> 23` or `Male 4.7
    -> 6.1` (a label of up to three words before, a unit after), is a range: the arrow becomes a
    dash, `6 – 23`, so no rule reads it as "6 leads to 23"."""
    if ">" not in text:
        return text
    comparing = (" >" in text or "\t>" in text) and _COMPARISON.search(text) is not None
    arrows = "->" in text and _ARROW_RANGE.search(text) is not None
    if not comparing and not arrows:
        return text
    if "```" not in text and "~~~" not in text:
        text = _COMPARISON.sub(r"\1&gt;", text) if comparing else text
        return _ARROW_RANGE.sub(r"\1–\2", text) if arrows else text
    lines = text.split("\n")
    for at in _outside_fences(lines):  # `- >5` in a fenced diff is code
        line = _COMPARISON.sub(r"\1&gt;", lines[at]) if comparing else lines[at]
        lines[at] = _ARROW_RANGE.sub(r"\1–\2", line) if arrows else line
    return "\n".join(lines)


_ARROW_RANGE = re.compile(
    r"(?m)^([ \t]*(?:(?:[-+*]|\d{1,9}[.)])[ \t]+)?(?:[A-Za-z][\w+/]*[ \t]+){0,3}"
    r"\d[\d,]*(?:\.\d+)?[ \t]*)->([ \t]*\d[\d,]*(?:\.\d+)?"
    r"(?:[ \t]*(?:%|[A-Za-zµμ][\w^.µμ]{0,5}[ \t]*/[ \t]*[A-Za-z][\w^.]{0,5}"
    r"|[A-Za-zµμ][\w^µμ]{0,3}%?))?[ \t]*\r?)$"
)
"""A value line's range written with an arrow: `- 6 -> 23`, `Female 4.2 -> 5.4 g/dL`."""


def merge_conflicts(text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The text with each unresolved git merge conflict cut to its first side and the sections
    only its second side holds, and the (first, last) line of each conflict.

    A conflict is a complete marker triple at column 0 outside code fences: `<<<<<<< HEAD`,
    later `=======` alone on its line, later `>>>>>>> <branch or sha>` (with diff3's `|||||||
    base` between the first two, if any). A lone `=======` is a setext heading's underline and
    a lone `>>>>>>>` a quote seven deep: neither is a conflict. The first side is what the
    author's own checkout held (HEAD, "ours"); the second is the change git could not merge
    into it. Carding both would ask every fact twice, in two wordings; carding the first keeps
    the page its author was editing. A section of the second side whose heading the first side
    does not have (`## Investigation` added on the other branch) is no second wording but
    content found nowhere else: it is kept, with the sections under it (`_new_sections`). The
    marker lines and what is left out become blank lines, so every line keeps its number
    (cards cite their source line)."""
    if "<<<<<<<" not in text:
        return text, ()
    lines = text.split("\n")
    outside = list(_outside_fences(lines))
    outside_set = frozenset(outside)
    found: list[tuple[int, int]] = []
    marks = [(at, _conflict_mark(lines[at])) for at in outside]
    marks = [(at, mark) for at, mark in marks if mark]
    position = 0
    while position < len(marks):
        at, mark = marks[position]
        position += 1
        if mark != "<":
            continue
        kinds = "".join(kind for _, kind in marks[position : position + 3])
        shape = next((s for s in ("=>", "|=>") if kinds.startswith(s)), None)
        if shape is None:
            continue
        second = marks[position][0]  # the `|||||||` or `=======` line: the first side's end
        middle = marks[position + len(shape) - 2][0]  # the `=======` line
        end = marks[position + len(shape) - 1][0]
        kept = _new_sections(lines, range(at + 1, second), range(middle + 1, end), outside_set)
        lines[at] = ""
        for blank in range(second, end + 1):
            if blank not in kept:
                lines[blank] = ""
        found.append((at + 1, end + 1))
        position += len(shape)
    if not found:
        return text, ()
    return "\n".join(lines), tuple(found)


def _new_sections(
    lines: list[str], first: range, second: range, outside: frozenset[int]
) -> set[int]:
    """The lines of the second side's sections whose heading the first side does not have, each
    with the deeper sections under it: content the author's own side lacks. A heading whose
    words hold, or are held by, a heading of the first side ("Parts of a kettle" beside
    "Parts") is the same section worded again, and left out, as is what comes before the second
    side's first heading (its wording of the first side's opening). Only headings outside code
    fences count, so a section is kept or left whole, its fences with it."""
    worded = _Worded(
        {words for at in first if at in outside and (words := _atx_heading(lines[at])[1])}
    )
    kept: set[int] = set()
    keeping_under = 0  # the level of the new section being kept (0: none)
    for at in second:
        level, words = _atx_heading(lines[at]) if at in outside else (0, frozenset())
        if level and (not keeping_under or level <= keeping_under):
            keeping_under = level if words and not worded(words) else 0
        if keeping_under:
            kept.add(at)
    return kept


class _Worded:
    """Whether a heading's words hold, or are held by, the words of one of a set of headings.
    Each side of a conflict may hold thousands of headings: a heading is compared only with
    those sharing its rarest word (for the ones it holds: their own rarest word), never with
    every one."""

    def __init__(self, headings: set[frozenset[str]]) -> None:
        self.count: dict[str, int] = {}
        for words in headings:
            for word in words:
                self.count[word] = self.count.get(word, 0) + 1
        self.having: dict[str, list[frozenset[str]]] = {}  # word -> headings holding it
        self.rarest: dict[str, list[frozenset[str]]] = {}  # word -> headings it is rarest in
        for words in headings:
            for word in words:
                self.having.setdefault(word, []).append(words)
            rare = min(words, key=lambda word: (self.count[word], word))
            self.rarest.setdefault(rare, []).append(words)
        self.seen: dict[frozenset[str], bool] = {}

    def __call__(self, words: frozenset[str]) -> bool:
        if words not in self.seen:
            known = [word for word in words if word in self.count]
            held = len(known) == len(words) and any(
                words <= mine
                for mine in self.having[min(known, key=lambda word: (self.count[word], word))]
            )
            self.seen[words] = held or any(
                mine <= words for word in known for mine in self.rarest.get(word, ())
            )
        return self.seen[words]


def _atx_heading(line: str) -> tuple[int, frozenset[str]]:
    """An ATX heading's level and its words as `text.content_words` reads them (stemmed,
    stopwords out, numbers kept: "Type 1" is no "Type 2"); (0, {}) for any other line."""
    stripped = line.lstrip(" ")
    if len(line) - len(stripped) > 3 or not stripped.startswith("#"):
        return 0, frozenset()
    rest = stripped.lstrip("#")
    level = len(stripped) - len(rest)
    if level > 6 or (rest and rest[0] not in " \t"):
        return 0, frozenset()
    return level, content_words(rest, min_length=1)


_CONFLICT_MARK = re.compile(r"(<{7}|\|{7}|>{7})(?:[ \t].*)?\r?|(={7})[ \t]*\r?")
"""A merge-conflict marker line: seven `<`, `|` or `>` then a space and a name (or nothing),
or seven `=` alone."""


def _conflict_mark(line: str) -> str:
    """ "<", "|", "=" or ">" for a merge-conflict marker line, "" for any other."""
    if line[:1] not in "<|=>" or not line:
        return ""
    found = _CONFLICT_MARK.fullmatch(line)
    if found is None:
        return ""
    return (found.group(1) or found.group(2))[0]


def spaced_headings(text: str) -> str:
    """The text with its headings written without a space after the hashes (`##Stones`,
    `###Risk factors`: Typora's and some Obsidian exports) given the space CommonMark needs: read
    as paragraphs, their hashes reached the cards and every section lost its subject. Two to six
    `#` then a letter is a heading (an Obsidian tag has one `#`); in such a document a `#` line
    of words (`#Kidney notes`) is its title, while a lone `#tag`, a line of tags or a tag label
    (`#mnemonic : …`) stays a tag. Code and front matter are left as they are; lines keep their
    numbers (`document.py` warns at the first)."""
    found = spaceless_headings(text)
    if not found:
        return text
    lines = text.split("\n")
    for at in found:
        hashes = lines[at].lstrip(" ")
        hashes = hashes[: len(hashes) - len(hashes.lstrip("#"))]
        lines[at] = lines[at].replace(hashes, hashes + " ", 1)
    return "\n".join(lines)


def spaceless_headings(text: str) -> tuple[int, ...]:
    """The 0-based numbers of the lines `spaced_headings` reads as headings. A heading without
    its space holds two hashes glued to a letter: that look comes first (the engine skips from
    one `##` to the next), before `_SPACELESS`, which tries the start of every line."""
    if _GLUED_HASHES.search(text) is None or _SPACELESS.search(text) is None:
        return ()
    lines = text.split("\n")
    front = _FRONT_MATTER.match(text)
    start = front.group().count("\n") if front is not None else 0
    found: list[int] = []
    titles = 0
    for at in _outside_fences(lines):
        line = lines[at]
        if at < start or "#" not in line[:4]:
            continue
        if _SPACELESS.match(line):
            found.append(at)
        elif _SPACELESS_TITLE.match(line):
            found.append(at)
            titles += 1
    return tuple(found) if len(found) > titles else ()


_GLUED_HASHES = re.compile(r"##(?=[^\W\d_])")
"""What every `_SPACELESS` match holds: its last two hashes, then the letter."""
_SPACELESS = re.compile(r"(?m)^ {0,3}#{2,6}(?=[^\W\d_])")
"""Two to six hashes then a letter: no tag, no code outside a fence (`##` pastes tokens in C
only), a heading whose author left out the space."""
_SPACELESS_TITLE = re.compile(r" {0,3}#[^\W\d_][\w/-]*[ \t]+(?![#:])\S")
"""A `#` line of words, `#Kidney notes`: not a lone `#tag`, a line of tags or `#tag : label`."""


def template_tags(text: str) -> str:
    """The text without a site generator's template tags: Liquid and Jinja (`{{ page.title }}`,
    `{{ 'x.png' | relative_url }}`, `{% include note.html %}`, `{# aside #}`) and Hugo
    shortcodes (`{{< figure src="x" >}}`, `{{% note %}}`). They are the site's markup, filled in
    when the site is built, never the author's words; read as text, a `|` filter inside one split
    a table cell and its braces looked like Anki's cloze syntax. A picture whose source is a tag
    (`<img src="{{ … }}">`, `![x]({{ … }})`) has no source a deck can hold and goes with it; a
    link whose target is a tag keeps its text. Lines keep their numbers; code is left as it is."""
    if "{{" not in text and "{%" not in text and "{#" not in text:
        return text
    lines = text.split("\n")
    if "{{%" in text or "{{<" in text:
        _shortcode_sections(lines)
    for at in _outside_fences(lines):
        line = lines[at]
        if "{" not in line or _TEMPLATE.search(line) is None:
            continue
        parts = _CODE_SPAN.split(line)  # code spans at odd positions
        for index in range(0, len(parts), 2):
            part = _TEMPLATE_PICTURE.sub("", parts[index])
            part = _TEMPLATE_LINK.sub(r"\1", part)
            part = _TEMPLATE.sub("", part)
            if "{" in part:  # a tag written inside another (`{% if {{ x }} %}`): the outer one
                part = _TEMPLATE.sub("", part)
            parts[index] = part
        lines[at] = "".join(parts)
    return "\n".join(lines)


def _shortcode_sections(lines: list[str]) -> None:
    """The lines with each paired block shortcode that has a title (Hugo's `{{% collapse
    "Treatment" %}}` … `{{% /collapse %}}`, `title="…"` as a named argument) opened by a heading
    of that title, one level below the heading it follows (at least `##`: a lone `#` is the
    page's title), the headings it holds moved below it: a site shows the title over the block,
    and read as text the opening tag was the topic of the first card and the block's sections
    were filed under the heading before it. An untitled pair named as a reference list (`{{%
    sources %}}`) is opened by a heading of its name, which marks the citations as no study
    content. A block with nothing in it but other shortcodes gets no heading; the tags
    themselves go with the other template tags. One pass: a closing tag pops the blocks left
    open above it (a lone shortcode, `{{< figure … >}}`, is never closed)."""
    stack: list[_Block] = []
    open_names: dict[str, int] = {}
    headings: list[tuple[int, int]] = []  # (line, level) of every heading read so far
    base = 0  # the level of the heading the next block follows
    filled = 0  # the lines of text read so far
    for at in _outside_fences(lines):
        line = lines[at]
        found = _SHORTCODE_LINE.match(line) if "{{" in line else None
        if found is not None and "<%".index(found.group("open")) != ">%".index(found.group("end")):
            found = None
        if found is None:
            heading = _ATX_LEVEL.match(line) if line.startswith("#") else None
            if heading is not None:
                base = len(heading.group(1))
                headings.append((at, base))
            filled += bool(line.strip())
            continue
        name = found.group("name")
        if not found.group("close"):
            title = _SHORTCODE_TITLE.match(found.group("args"))
            label = next((part for part in title.groups() if part), "") if title else ""
            if not label and re.fullmatch(REFERENCE_HEADINGS, name.casefold()):
                label = name.capitalize()
            level = min(max(base + 1, 2), 6)
            stack.append(_Block(name, at, label.strip(), level, base, filled, len(headings)))
            open_names[name] = open_names.get(name, 0) + 1
            continue
        if not open_names.get(name):
            continue  # a closing tag of nothing open
        block = stack.pop()
        open_names[block.name] -= 1
        while block.name != name:  # a lone shortcode (`{{< figure … >}}`) is never closed
            block = stack.pop()
            open_names[block.name] -= 1
        if block.title and filled > block.filled:
            lines[block.opening] = "#" * block.level + " " + block.title
            inner = headings[block.first :]
            shift = block.level + 1 - min((level for _, level in inner), default=6)
            for number, (index, level) in enumerate(inner if shift > 0 else ()):
                moved = min(shift, 6 - level)
                lines[index] = "#" * moved + lines[index]
                headings[block.first + number] = (index, level + moved)
            headings.append((block.opening, block.level))
            base = block.base  # the next block is this one's sibling


@dataclass(frozen=True, slots=True)
class _Block:
    """A block shortcode still open: its name, opening line, title, the level its heading takes,
    the level of the heading before it, the lines of text read before it and where its headings
    start in the list of those read."""

    name: str
    opening: int
    title: str
    level: int
    base: int
    filled: int
    first: int


_SHORTCODE_LINE = re.compile(
    r"[ \t]*\{\{(?P<open>[<%])[ \t]*(?P<close>/?)(?P<name>[A-Za-z][\w./-]*)"
    r"(?P<args>(?:[ \t][^\n]*?)?)[ \t]*(?P<end>[>%])\}\}[ \t]*\r?$"
)
"""A line that is one Hugo shortcode, opening (`{{% collapse "Title" %}}`) or closing (`{{<
/tab >}}`)."""
_SHORTCODE_TITLE = re.compile(
    r"""[ \t]+(?:"([^"\n]+)"|'([^'\n]+)')(?=[ \t]|$)"""
    r"""|(?:[ \t]+[\w-]+=(?:"[^"\n]*"|'[^'\n]*'|[^\s"']\S*))*?"""
    r"""[ \t]+title=(?:"([^"\n]+)"|'([^'\n]+)')"""
)
"""A shortcode's title: its first argument quoted, or its `title="…"` argument (each argument
read one way only: a quoted value is never also a bare one, or a long list of them took
exponential time to fail)."""


_TAG_BODY = r"(?:[^{\n]|\{(?![{%#]))*?"
"""A tag's inside, which never holds another tag's opening: an unclosed `{% ` then stops at the next
opening instead of reading to the line's end from every one (quadratic on a long line)."""
_TEMPLATE = re.compile(
    rf"\{{%-?[ \t]{_TAG_BODY}[ \t]-?%\}}"  # {% tag %}
    rf"|\{{#[ \t]{_TAG_BODY}[ \t]#\}}"  # {# comment #}
    rf"|\{{\{{<[ \t]{_TAG_BODY}[ \t]>\}}\}}|\{{\{{%[ \t]{_TAG_BODY}[ \t]%\}}\}}"  # Hugo shortcodes
    rf"|\{{\{{[<%][ \t]*/?[A-Za-z][\w./-]*(?:[ \t]{_TAG_BODY})?[ \t]*[>%]\}}\}}"  # {{<name …>}}
    r"|\{\{-?[ \t][^{}\n]*?[ \t]-?\}\}"  # {{ expression }}
    r"|\{\{(?:site|page|layout|include|post|paginator|jekyll|content|params)\b[.|\w \t'\"/-]*\}\}"
)
"""A template tag: spaced as every template language writes one (`{{ x }}`, `{% x %}`), or an
unspaced `{{site.baseurl}}`-style variable. `{{c1::…}}` (an Anki deletion) is none."""
_TEMPLATE_PICTURE = re.compile(
    rf"<img\b[^<>{{]*(?:\{{[{{%]{_TAG_BODY}[}}%]\}}[^<>{{]*)+>[ \t]*"
    rf"|!\[[^\[\]\n]*\]\([ \t]*\{{[{{%]{_TAG_BODY}[}}%]\}}[^()\n]*\)[ \t]*"
)
_TEMPLATE_LINK = re.compile(rf"(?<!!)\[([^\[\]\n]*)\]\([ \t]*\{{[{{%]{_TAG_BODY}[}}%]\}}[^()\n]*\)")


_COMPARISON = re.compile(r"(?m)^([ \t]*(?:[-+*]|\d{1,9}[.)])[ \t]+)>(?=[ \t]?[\d=])")


def definition_lists(text: str) -> str:
    """The text with its definition lists (kramdown, Pandoc, PHP Markdown Extra, MkDocs
    `def_list`: a term on a line of its own, its definition on the next line after `: `) written
    as the `**Term**:` items every rule reads; CommonMark has no such list, and read as written
    the term and its definition ran into one paragraph. A term is a one-line paragraph (a blank
    line or another entry above it) that opens no block of its own; each line keeps its number
    (the definition stays on its line, as the item's continuation); fenced code is left as it is.
    """
    if "\n:" not in text or _DEFINITION.search(text) is None:
        return text
    lines = text.split("\n")
    entry, last = False, -1  # `entry`: the line above is a converted term or definition
    for at in _outside_fences(lines):
        definition = _DEFINITION.match(lines[at])
        if definition is None or at != last + 1:  # a fence between ends an entry too
            entry = False
        last = at
        if definition is None:
            continue
        term = lines[at - 1] if at else ""
        if entry:
            lines[at] = "  " + definition.group(1)
        elif _is_term(term) and (at < 2 or not lines[at - 2].strip()):
            bold = term.strip() if term.strip().startswith(("**", "__")) else f"**{term.strip()}**"
            lines[at - 1] = f"- {bold}:"
            lines[at] = "  " + definition.group(1)
            entry = True
    return "\n".join(lines)


_DEFINITION = re.compile(r"(?m)^ {0,3}:[ \t]+(\S.*)$")
_BLOCK_OPENING = re.compile(r"\s*(?:[-+>#|]|\*(?!\*)|\d+[.)]|```|~~~|<|:|$)")
"""A line that opens a block of its own (a list item, quote, heading, table row, fence, tag), or
is blank: never a term. `**Term**` is one, bold."""


def _is_term(line: str) -> bool:
    """A line that may be a definition list's term: text of a few words, no block of its own."""
    return (
        not line.startswith((" " * 4, "\t"))
        and _BLOCK_OPENING.match(line) is None
        and len(line.split()) <= 12
        and not line.rstrip().endswith((".", ":", "?"))
    )


def content_tabs(text: str) -> str:
    """The text with MkDocs Material's content tabs (`=== "Adults"` over text indented by four
    spaces; `===!` and `===+` open a new tab group or select the tab) written as the titled
    admonitions (`!!! tab "…"`) the parser reads: CommonMark reads a tab's indented text as code,
    and a dose table for adults and one for children gave no card and no warning. A tab's short
    title names a facet of the heading above it ("Adults" under "## Paracetamol dose"), so the
    callout is titled with both ("Paracetamol dose — Adults"), a subsection like any other. Each
    line keeps its number; fenced code is left as it is."""
    if "===" not in text or _TAB.search(text) is None:
        return text
    lines = text.split("\n")
    heading = ""
    for at in _outside_fences(lines):
        line = lines[at]
        if line.startswith("#"):
            found = _ATX.match(line)
            heading = found.group(1).strip() if found else heading
            continue
        tab = _TAB.match(line)
        if tab is not None:
            title = tab.group(2).strip()
            if heading and len(title.split()) <= MAX_FACET_WORDS:
                title = f"{heading} — {title}"
            lines[at] = f'{tab.group(1)}!!! tab "{title}"'
    return "\n".join(lines)


MAX_FACET_WORDS = 3
"""A tab title this short ("Adults", "IV route") is a facet of its heading, named with it."""
_ATX = re.compile(r"#{1,6}[ \t]+(.*?)[ \t#]*$")
_TAB = re.compile(r'(?m)^([ \t]*)===[!+]{0,2}[ \t]+"([^"\n]*)"[ \t]*$')
"""A content tab's opening line: `=== "Adults"`."""


def pandoc_tables(text: str) -> str:
    """The text with Pandoc's simple tables (columns aligned by spaces under a rule of dash runs,
    `------  -----`, a header line above it or none, a closing rule when there is none) written
    as pipe tables: CommonMark read one as a paragraph of words in columns, and a card answered
    with it. A row with an empty first cell goes on with the row above (Pandoc writes a cell's
    second line, or a group's next member, so): in a table of two columns its value joins the
    key's list, in a wider one its empty leading cells take the values above.
    A table without a header gets an empty one on its top rule, each row then a line down (on
    the closing rule the last); lines keep their numbers. Fenced code is left as it is."""
    if _DASH_PAIR.search(text) is None or _DASH_RULE.search(text) is None:
        return text
    lines = text.split("\n")
    outside = set(_outside_fences(lines))
    at = 0
    while at < len(lines):
        rule = _DASH_RULE.fullmatch(lines[at]) if at in outside else None
        if rule is None:
            at += 1
            continue
        at = _pipe_table(lines, at, len(rule.group(1)))
    return "\n".join(lines)


def _pipe_table(lines: list[str], rule: int, indent: int) -> int:
    """The simple table whose dash rule is line `rule` written as a pipe table; the line after
    it."""
    starts = [found.start() for found in _DASH_RUN.finditer(lines[rule])]
    above = lines[rule - 1] if rule else ""
    headed = bool(above.strip()) and _indent(above) >= indent and not _DASH_RULE.fullmatch(above)
    end = rule + 1
    while end < len(lines):  # a blank line ends it unless the next line is a row of it
        line = lines[end]
        if _DASH_RULE.fullmatch(line):
            break
        if not line.strip():
            after = lines[end + 1] if end + 1 < len(lines) else ""
            if not after.strip() or _indent(after) < indent or _DASH_RULE.fullmatch(after):
                break
        elif _indent(line) < indent:
            break
        end += 1
    rows = [_cells(lines[index], starts) for index in range(rule + 1, end)]
    if len(rows) < 1 or len(starts) < 2:
        return end
    closed = end < len(lines) and _DASH_RULE.fullmatch(lines[end]) is not None
    if not headed and not closed:
        return end  # a rule of dashes alone: no table
    filled: list[list[str]] = []
    last = 0  # the row a continuation row goes on
    for cells in rows:
        if filled and any(cells) and not cells[0] and len(cells) == 2:
            filled[last][1] = f"{filled[last][1]}<br>{cells[1]}" if filled[last][1] else cells[1]
            cells = ["", ""]  # a key's next value: one list in the key's row
        elif filled and any(cells) and not cells[0]:
            for column in range(min(2, len(cells))):
                if cells[column]:
                    break
                cells[column] = filled[-1][column]
        if cells[0]:
            last = len(filled)
        filled.append(cells)
    pad = " " * indent
    delimiter = pad + "|" + "---|" * len(starts)
    written = [pad + "| " + " | ".join(cells) + " |" for cells in filled]
    if headed:
        lines[rule - 1] = pad + "| " + " | ".join(_cells(above, starts)) + " |"
        lines[rule] = delimiter
        lines[rule + 1 : end] = written
    else:  # an empty header on the rule line, each row a line down, on the closing rule last
        lines[rule] = pad + "|" + "  |" * len(starts)
        lines[rule + 1 : end + 1] = [delimiter, *written]
        end += 1
    return end


def _cells(line: str, starts: list[int]) -> list[str]:
    bounds = [*starts[1:], max(len(line), starts[-1])]
    pairs = zip(starts, bounds, strict=True)
    return [line[start:stop].strip().replace("|", "\\|") for start, stop in pairs]


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


_DASH_RULE = re.compile(r"(?m)^( {0,12})-{3,}(?: +-{3,})+[ \t]*\r?$")
"""A simple table's rule: two or more runs of dashes parted by spaces, `-------- -----`."""
_DASH_RUN = re.compile(r"-{3,}")
_DASH_PAIR = re.compile(r"--- +---")
"""What every `_DASH_RULE` holds, and a search skips to (a table's `|---|---|` has no space)."""


def abbreviation_lines(text: str) -> str:
    """The text with MkDocs' and PHP Markdown Extra's abbreviation lines (`*[ECG]:
    Electrocardiogram`) written as the sentence the abbreviation rule reads ("Electrocardiogram
    (ECG)."): CommonMark shows them as text, a paragraph of labelled lines that made no card,
    though they are the page's own list of what its abbreviations stand for. Each line keeps its
    number; fenced code is left as it is."""
    if "*[" not in text or _ABBREVIATION_LINE.search(text) is None:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        found = _ABBREVIATION_LINE.match(lines[at])
        if found is not None:
            lines[at] = f"{found.group(2).strip().rstrip('.')} ({found.group(1)})."
    return "\n".join(lines)


_ABBREVIATION_LINE = re.compile(r"(?m)^ {0,3}\*\[([^\[\]\n]{1,20})\]:[ \t]*(\S[^\n]*)$")
"""`*[ECG]: Electrocardiogram`: an abbreviation and what it stands for, one to a line."""


def closed_admonitions(text: str) -> str:
    """The text with each admonition written with a closing line (`!!! warning`, its text
    indented by two spaces or none, then `!!!` alone: the NHS website's content files) in
    MkDocs' form: its text indented by four spaces under the opening line, the closing line
    blank. Python-Markdown reads an admonition's text by its four-space indent only, so the
    closed form would hold nothing and its text, headings included, would read as the
    document's own. Lines keep their numbers; fenced code outside is left as written."""
    if "!!!" not in text and "???" not in text:
        return text
    if _ADMONITION_CLOSE.search(text) is None:
        return text
    lines = text.split("\n")
    fence = ""
    index = 0
    while index < len(lines):
        body = lines[index].lstrip()
        if fence:
            fence = "" if body.startswith(fence) else fence
        elif body.startswith(("```", "~~~")):
            fence = body[:3]
        else:
            opening = _ADMONITION_OPEN.match(lines[index])
            close = _closing_line(lines, index, opening.group(2)) if opening else None
            if (
                opening is not None
                and close is not None
                and _indent_body(lines, index + 1, close, len(opening.group(1)) + 4)
            ):
                lines[close] = "\r" if lines[close].endswith("\r") else ""
                index = close
        index += 1
    return "\n".join(lines)


def _closing_line(lines: list[str], opening: int, mark: str) -> int | None:
    """The line that closes the admonition opened at `opening` with `mark`, before any other
    opens; None when none does (an admonition in MkDocs' own form)."""
    close_mark = mark[:3]
    for index in range(opening + 1, len(lines)):
        line = lines[index]
        if _ADMONITION_OPEN.match(line):
            return None
        if line.strip() == close_mark and len(line) - len(line.lstrip()) < 4:
            return index
    return None


def _indent_body(lines: list[str], start: int, end: int, indent: int) -> bool:
    """Lines `start` to `end` (not included) indented by `indent` spaces, their own common
    indent taken off; False, and the lines left alone, when the first is indented that far
    already but a later one is not: an admonition in MkDocs' own form, the text after it the
    document's, and the `!!!` line further down no closing line of it."""
    filled = [lines[i].expandtabs(4) for i in range(start, end) if lines[i].strip()]
    indents = [len(line) - len(line.lstrip()) for line in filled]
    least = min(indents, default=0)
    if indents and indents[0] >= indent:
        return least >= indent
    for i in range(start, end):
        line = lines[i].expandtabs(4).rstrip("\r")
        ending = "\r" if lines[i].endswith("\r") else ""
        lines[i] = (" " * indent + line[least:] if line.strip() else "") + ending
    return True


_ADMONITION_OPEN = re.compile(r"( {0,3})(!!!|\?\?\?\+?)[ \t]+[^\s!?].*")
_ADMONITION_CLOSE = re.compile(r"(?m)^ {0,3}(?:!!!|\?\?\?)[ \t]*\r?$")


def pdf_lists(text: str) -> str:
    """The text with the lists a PDF's conversion to text broke written as the lists they were.

    Two shapes: a bullet alone on its line with its text on the next (`- ` then `swelling of the
    face`: CommonMark reads an empty item and a paragraph, so a lead-in's list held nothing), and
    steps numbered without a dot (`1 Sit the patient up.` / `2 Call for help.`: one paragraph).
    A bullet is joined to its text only where the document does it twice or more (one empty
    bullet may be meant); a step run is two or more lines, each opening with the next number from
    1 and then a capital ("2 tablets a day" alone, a year or a table row is no step), which may
    continue after a line or two of other text. A short line of its own just above a run ("What
    to do", "How to use the inhaler") titles the steps: it becomes a heading one level below the
    heading above it, which also ends the run before it. Each line keeps its number (a bullet's
    text stays on its line, the bullet's line goes blank); fenced code is left as written."""
    bullets = ("-\n" in text or "- \n" in text or "*\n" in text or "* \n" in text) and (
        _BARE_BULLETS.search(text) is not None
    )
    steps = "\n1 " in text and "\n2 " in text and _FIRST_STEP.search(text) is not None
    if not bullets and not steps:
        return text
    source = text.split("\n")
    lines = list(source)
    if bullets:
        _join_bullets(lines, source)
    if steps:
        _number_steps(lines, source)
    return "\n".join(lines)


def _join_bullets(lines: list[str], source: list[str]) -> None:
    """Each bullet alone on its line whose text is the next line, written as one item."""
    found = [
        at
        for at in _outside_fences(lines)
        if at + 1 < len(lines)
        and _BARE_BULLET.fullmatch(lines[at]) is not None
        and _ITEM_TEXT.match(lines[at + 1]) is not None
        and not _underlines(lines, at)
    ]
    if len(found) < 2:
        return
    for at in found:
        marker = lines[at].rstrip("\r").rstrip()
        ending = "\r" if lines[at].endswith("\r") else ""
        lines[at + 1] = f"{marker} {lines[at + 1].lstrip()}"
        lines[at] = ending
        lead_in = lines[at - 1].rstrip() if at else ""
        if lead_in.endswith(":") and _ITEM_TEXT.match(lead_in):
            _title(lines, at - 2, source)


def _underlines(lines: list[str], at: int) -> bool:
    """Whether the bare `-` at `at` underlines the text above it as a heading (setext): text that
    is no lead-in (a lead-in ends with ":") right above it."""
    above = lines[at - 1].rstrip() if at else ""
    return bool(above) and _ITEM_TEXT.match(above) is not None and not above.endswith(":")


_BARE_BULLETS = re.compile(r"\n {0,3}[-*+][ \t]*\r?\n {0,3}[^\s\-*+#>|<]")
_FIRST_STEP = re.compile(r"\n {0,3}1[ \t]+[A-Z]")
_BARE_BULLET = re.compile(r" {0,3}[-*+][ \t]*\r?")
_ITEM_TEXT = re.compile(r" {0,3}(?![-*+#>|<]|\d{1,9}[.)]|```|~~~)\S")
"""A line that may be a bullet's text: text, not a block of its own (list item, heading, quote,
table row, tag, fence) nor a blank line."""


def _number_steps(lines: list[str], source: list[str]) -> None:
    """Runs of `1 Text`, `2 Text` … lines written as a numbered list (`1. Text`), each run's
    title line (`_title_steps`) as a heading."""
    expected, last = 1, -_STEP_GAP - 1  # the next number; the line of the run's last step
    runs: list[list[int]] = []
    for at in _outside_fences(lines):
        step = _STEP.match(lines[at])
        if step is None:
            continue
        number = int(step.group(1))
        if number == 1:
            runs.append([at])
        elif number == expected and at - last <= _STEP_GAP:
            runs[-1].append(at)
        else:
            continue
        expected, last = number + 1, at
    for run in runs:
        if len(run) < 2:
            continue
        for at in run:
            lines[at] = _STEP.sub(r"\1.\2", lines[at], count=1)
        _title(lines, run[0] - 1, source)


_STEP = re.compile(
    r" {0,3}(\d{1,2})([ \t]+(?!(?:Grams?|Kilograms?|Milligrams?|Micrograms?|Litres?|Liters?"
    r"|Millilitres?|Milliliters?|Units?|Tablets?|Tabs?|Capsules?|Drops?|Puffs?|Doses?|Sachets?"
    r"|Minutes?|Hours?|Days?|Weeks?|Months?|Years?|Times?|Mg|Ml|G|Kg|L)\b)[A-Z])"
)
"""A step: a number then a capital, not a count of something ("2 Grams at most", "1 Year:")."""
_STEP_LINE = re.compile(r" {0,3}\d{1,2}\.?[ \t]+[A-Z]")
"""A step, before or after it is numbered as a list item."""
_STEP_GAP = 3
"""A step run goes on after at most two lines of other text (a note under a step)."""
_ATX_LEVEL = re.compile(r"(#{1,6})[ \t]")


def _title(lines: list[str], at: int, source: list[str]) -> None:
    """Line `at` as a heading one level below the heading above it, when it is a short title of
    its own (no full stop or colon; a blank line, the document's start or a step above it) over
    a list's lead-in or a step run: the pseudo-heading a PDF's text keeps as a plain line. The
    level counts the `source`'s own headings only: such titles are each other's siblings."""
    if at < 0 or _ITEM_TEXT.match(lines[at]) is None:
        return
    title = lines[at].strip()
    if len(title.split()) > _MAX_TITLE_WORDS or title.endswith((".", ":", ";", ",", "?", "!")):
        return
    before = lines[at - 1] if at else ""
    if before.strip() and _STEP_LINE.match(before) is None:
        return
    level = next((len(m.group(1)) for m in map(_ATX_LEVEL.match, reversed(source[:at])) if m), 1)
    ending = "\r" if lines[at].endswith("\r") else ""
    lines[at] = f"{'#' * min(6, level + 1)} {title}{ending}"


_MAX_TITLE_WORDS = 8


def pdf_text(text: str) -> str:
    """The text a PDF's conversion to text left, read as the document it was: only in a text
    with a PDF's marks (`_from_pdf`: page numbers "Page 2 of 4" on two lines or more, or most
    lines ending in one stray space, as text extractors leave them), so Markdown written by
    hand is never touched. Four shapes, every line keeping its number:

    - the page's chrome: a block of lines repeated on every page near its page number (a
      department's name, "Protocol: X Ref. No. 12", "Revised 01-24 PAGE 2 OF 4") goes blank;
    - a hard wrap: a line cut mid-sentence (no closing mark) whose next line opens in small
      letters or a bracket, or that stops on a word that never ends a sentence ("…given IV
      over" / "15 seconds", `text.ends_mid_phrase`), goes on on that line ("…squeeze until the
      chest" / "rises; then release"), so no rule reads half a step; the lines a join frees
      go blank at the end of the block, before the next one; the other lines under a list
      item are indented to its text (the extractor lost the indent), so none is read as a
      label over the next items,
      and a "•" bullet is a `- ` item (right under a step, the step's sub-item), glued to its
      word or not (`•Consider`), a lighter glyph's under a heavier one's (`_glyph_levels`); in
      a text with such glued bullets a line that is only a page's number goes blank;
      the spaces an extractor leaves at a line's end are no line break;
    - a condition in capitals on its own line over the steps it governs (`IF PULSE < 60`)
      becomes their lead-in ("If pulse < 60:"), not a fact of its own;
    - circled digits (❶–❿, ①–⑳), the PDF's footnote marks, go: a card shows the fact, not
      the mark."""
    if not _from_pdf(text):
        return text
    lines = text.split("\n")
    matter = _FRONT_MATTER.match(text)
    skipped = matter.group().count("\n") if matter is not None else 0
    outside = [at for at in _outside_fences(lines) if at >= skipped]
    for at in outside:  # an extractor's trailing spaces: no line break the author wrote
        lines[at] = lines[at].rstrip() + ("\r" if lines[at].endswith("\r") else "")
    _blank_chrome(lines, outside)
    if any(_GLUED_GLYPH.match(lines[at]) for at in outside):  # no author types "●Text"
        _page_chrome(lines, outside, converted=True)
    _join_wraps(lines, set(outside), _glyph_levels(lines, outside))
    for at in outside:
        line = lines[at]
        if _CIRCLED.search(line) is not None:
            line = _CIRCLED_MARK.sub("", _CIRCLED_OPENING.sub("", line))
        condition = _CONDITION.match(line.rstrip("\r"))
        if condition is not None and _condition_over_steps(lines, at):
            line = _as_lead_in(condition.group(1)) + ("\r" if line.endswith("\r") else "")
        lines[at] = line
    return "\n".join(lines)


def _from_pdf(text: str) -> bool:
    """Whether the text shows a PDF extractor's marks: two page-number lines or more, or most
    of its lines (ten at least) ending in exactly one space."""
    lowered = text.lower()  # the case-blind pattern searches slowly: a literal "page" first
    if (
        "of" in lowered
        and _PAGE_NUMBER_START.search(lowered) is not None
        and len(_PAGE_NUMBER.findall(text)) >= _MIN_PAGES
    ):
        return True
    if " \n" not in text and " \r" not in text and not text.endswith(" "):
        return False  # no line ends in a space (three literal looks, not a list of lines)
    filled = [line.rstrip("\r") for line in text.split("\n") if line.strip()]
    spaced = sum(1 for line in filled if line.endswith(" ") and not line.endswith("  "))
    return len(filled) >= _MIN_PDF_LINES and spaced * 2 > len(filled)


_PAGE_NUMBER = re.compile(r"(?im)\bpage[ \t]+\d{1,3}[ \t]+of[ \t]+\d{1,3}\b[ \t]*\r?$")
"""A page's number at the end of its line ("PAGE 2 OF 4", "Revised 2024 Page 1 of 3")."""
_PAGE_NUMBER_START = re.compile(r"page[ \t]+\d")
"""What `_PAGE_NUMBER` opens with, in lower-cased text: no text without it has a page number."""
_MIN_PAGES = 2
_MIN_PDF_LINES = 10
_FRONT_MATTER = re.compile(r"\A(---|\+\+\+)[ \t]*\r?\n.*?^\1[ \t]*\r?\n", re.S | re.M)
"""A front matter block: the converter's or the author's data, never page text."""
_CIRCLED = re.compile("[\u2776-\u277f\u2460-\u2473]")
_CIRCLED_OPENING = re.compile("^[ \t]*[\u2776-\u277f\u2460-\u2473][ \t]*")
"""A footnote's mark opening its line, with the spaces after it (four would make code)."""
_CIRCLED_MARK = re.compile("[ \t]*[\u2776-\u277f\u2460-\u2473]")
_CONDITION = re.compile(r"[ \t]{0,3}IF[ \t]+([A-Z][A-Z0-9]+\b.*)")
"""A condition in capitals on its own line ("IF PULSE < 60bpm OR poor effort"): its first word
in capitals too."""
_END_MARKS = (".", "!", "?", ":", ";")
_BLOCK_START = re.compile(
    r"[ \t]{0,3}(?:[-*+][ \t]|[•●▪◦∙](?:[ \t]|(?=[^\W_]))|\d{1,9}[.)][ \t]|#|>|\||```|~~~"
    r"|[=-]+[ \t]*\r?$)"
)
"""A line that opens a block of its own: never the rest of a wrapped line."""
_WRAPPED_ON = re.compile(r"[ \t]*[a-z(]")


def _blank_chrome(lines: list[str], outside: list[int]) -> None:
    """Each block that repeats (its digits aside) near two page numbers or more made blank:
    the header or footer every page printed."""
    blocks: list[list[int]] = []
    for at in outside:
        if not lines[at].strip():
            continue
        if blocks and blocks[-1][-1] == at - 1:
            blocks[-1].append(at)
        else:
            blocks.append([at])
    pages = [at for at in outside if _PAGE_NUMBER.search(lines[at]) is not None]
    if len(pages) < _MIN_PAGES:
        return
    for at in pages:
        if len(lines[at].split()) <= _MAX_PAGE_LINE_WORDS:
            lines[at] = "\r" if lines[at].endswith("\r") else ""
    seen: dict[str, list[list[int]]] = {}
    for block in blocks:
        nearest = bisect_left(pages, block[0] - _CHROME_REACH)  # pages are in order
        if nearest < len(pages) and pages[nearest] <= block[0] + _CHROME_REACH:
            key = "\n".join(_DIGITS.sub("#", " ".join(lines[at].split())) for at in block)
            seen.setdefault(key, []).append(block)
    for found in seen.values():
        if len(found) >= _MIN_PAGES:
            for block in found:
                for at in block:
                    lines[at] = "\r" if lines[at].endswith("\r") else ""


_CHROME_REACH = 10
"""Lines a page's header or footer may lie from its page number."""
_MAX_PAGE_LINE_WORDS = 8
"""Words a line may have to be a page's number, its date or title ("Revised 2024 Page 1 of 4")."""
_DIGITS = re.compile(r"\d+")


def _join_wraps(lines: list[str], outside: set[int], levels: dict[int, int]) -> None:
    """Each line cut mid-sentence joined with the line that goes on with it; the freed lines
    blank at the end of their block. A glyph bullet goes in by its depth (`levels`)."""
    at, under = 0, ""  # `under`: the indent of the step (not a bullet) right above
    while at < len(lines):
        if at not in outside or not lines[at].strip():
            at, under = at + 1, ""
            continue
        bullet = _PDF_BULLET.match(lines[at])
        if bullet is not None:  # "• text" is a bullet; right under a step, the step's own
            lines[at] = under + "  " * levels.get(at, 0) + "- " + lines[at][bullet.end() :]
        end = at + 1  # the block's lines: up to a blank line or a line opening a block
        while (
            end < len(lines)
            and end in outside
            and lines[end].strip()
            and not _BLOCK_START.match(lines[end])
        ):
            end += 1
        if end < len(lines) and _SETEXT.match(lines[end]):
            at = end + 1
            continue
        pieces = [[lines[at].rstrip("\r")]]  # each kept line's pieces: joined once, linear
        for line in (lines[i].rstrip("\r") for i in range(at + 1, end)):
            last = pieces[-1][-1].rstrip()  # a joined piece is stripped: never blank
            if (
                last
                and not last.endswith(_END_MARKS)
                and (_WRAPPED_ON.match(line) or ends_mid_phrase(last))
            ):
                glue = "" if last.endswith("-") and line.lstrip()[:1].isalpha() else " "
                pieces[-1][-1:] = [last, glue, line.strip()]
            else:
                pieces.append([line])
        kept = ["".join(parts) for parts in pieces]
        item = _ITEM_OPENING.match(kept[0])
        if item is not None:  # the extractor lost the indent: the lines are the item's own
            indent = " " * len(item.group().expandtabs(4))
            kept[1:] = [indent + line.lstrip() for line in kept[1:]]
        if len(kept) < end - at or item is not None:
            endings = ["\r" if lines[i].endswith("\r") else "" for i in range(at, end)]
            kept += [""] * (end - at - len(kept))
            lines[at:end] = [line + ending for line, ending in zip(kept, endings, strict=True)]
        if bullet is None:  # a "•" bullet's siblings stay under the step, not under it
            under = " " * len(item.group().expandtabs(4)) if item is not None else ""
        at = end


_ITEM_OPENING = re.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)])[ \t]+(?=\S)")
_PDF_BULLET = re.compile(r"[ \t]{0,3}[•●▪◦∙](?:[ \t]+(?=\S)|(?=[^\W_]))")
"""A bullet a PDF keeps as its character ("• Consider …", or glued to its word: "•Consider")."""
_GLUED_GLYPH = re.compile(r"[ \t]*[•●▪◦∙][^\W_]")
"""A bullet glyph glued to its word: an extractor's mark, as a lone page number is its chrome."""
_ROUND_GLYPH = re.compile(r"([ \t]*)([•●▪◦∙])(?:[ \t]+(?=\S)|(?=[^\W_]))")
_GLYPH_RANK = {"●": 0, "•": 1, "◦": 2, "∙": 2, "▪": 3}
"""The weight of a bullet glyph, heaviest first: the depth a slide's or a Word list's levels
give them (`●` heads, `•` items under them, `◦`/`∙` and `▪` further in)."""


def _glyph_levels(lines: list[str], outside: Iterable[int]) -> dict[int, int]:
    """Each glyph line's depth in a run of lines with no blank between them (a slide, a box)
    whose glyph bullets share one indent but come in two kinds or more: a lighter kind's lines
    nest under the heavier kind's line above them when it ends in ':' (`●Side effects :` over
    `•drowsiness`), the kinds ranked by weight; read at one depth, that lead-in was an item
    beside its own items. Under a line that ends otherwise (a sentence, its examples below it)
    they stay beside it."""
    levels: dict[int, int] = {}
    run: list[tuple[int, str, str, bool]] = []  # (line, indent, glyph, ends in ':')
    ends: dict[int, str] = {}  # a glyph line's last line, wrapped or not

    def close() -> None:
        kinds = sorted({glyph for _, _, glyph, _ in run}, key=_GLYPH_RANK.__getitem__)
        if len(kinds) > 1 and len({indent for _, indent, _, _ in run}) == 1:
            rank = {kind: float(at) for at, kind in enumerate(kinds)}
            heads = _glyph_sub_heads(lines, run, ends)
            stack: list[tuple[float, int, bool]] = []  # (rank, depth, a lead-in)
            for at, _, glyph, lead in run:
                # under a sub-head of its own glyph ("•In the ICU :"), an item is a step in
                own = rank[glyph] + (0.5 if glyph in heads and at not in heads[glyph] else 0)
                if glyph in heads and at < min(heads[glyph]):
                    own = rank[glyph]  # before the first sub-head: beside them
                while stack and stack[-1][0] >= own:
                    stack.pop()
                depth = stack[-1][1] + stack[-1][2] if stack else 0
                stack.append((own, depth, lead or at in heads.get(glyph, ())))
                levels[at] = depth
        run.clear()
        ends.clear()

    last = -2
    for at in outside:
        line = lines[at]
        if at != last + 1 or not line.strip() or _ATX_LEVEL.match(line.lstrip(" ")):
            close()
        last = at
        glyph = _ROUND_GLYPH.match(line)
        if glyph is not None:
            run.append((at, glyph.group(1), glyph.group(2), line.rstrip().endswith(":")))
            ends[at] = line
        elif run and line.strip():  # a wrapped glyph line: its lead-in colon ends it
            run[-1] = (*run[-1][:3], line.rstrip().endswith(":"))
            ends[run[-1][0]] = ""  # wrapped: a sentence, no sub-head
    close()
    return levels


def _glyph_sub_heads(
    lines: list[str], run: list[tuple[int, str, str, bool]], ends: dict[int, str]
) -> dict[str, set[int]]:
    """The lines of each glyph kind that head the lines of their own kind after them: a short
    label ending in ':' ("•In the ICU :") with a line of its kind after it that is not one,
    and after it a short line of the same kind opening with the same word and ending in no
    stop ("•In transport or emergencies"), as the author sets parallel sub-heads. A slide
    typed with one glyph for its sub-heads and their items nests the items under each."""
    heads: dict[str, set[int]] = {}
    openings: dict[str, set[str]] = {}
    for place, (at, _, glyph, lead) in enumerate(run):
        text = _ROUND_GLYPH.sub("", ends.get(at, ""), count=1).strip()
        words = text.rstrip(" :").split()
        following = run[place + 1] if place + 1 < len(run) else None
        if following is None or following[2] != glyph or not words:
            continue
        label = lead and len(words) <= MAX_SUB_HEAD_WORDS and not following[3]
        parallel = (
            not text.endswith((*_END_MARKS, ","))
            and len(words) <= MAX_SUB_HEAD_WORDS + 2
            and words[0].lower() in openings.get(glyph, ())
        )
        if label or parallel:
            heads.setdefault(glyph, set()).add(at)
            openings.setdefault(glyph, set()).add(words[0].lower())
    return {glyph: found for glyph, found in heads.items() if len(found) >= MIN_SUB_HEADS}


MAX_SUB_HEAD_WORDS = 5
"""Words a glyph line may have to head the lines of its own glyph after it."""
MIN_SUB_HEADS = 2
"""Sub-heads a glyph kind needs in one run: one lead-in alone is an item over a few of its own."""


_SETEXT = re.compile(r"[ \t]{0,3}(?:=+|-+)[ \t]*\r?$")


def _condition_over_steps(lines: list[str], at: int) -> bool:
    """Whether the condition line at `at` stands alone (blank lines around it) over a numbered
    step: the steps under it are what to do if it holds."""
    if at and lines[at - 1].strip():
        return False
    if at + 1 >= len(lines) or lines[at + 1].strip():
        return False
    below = next((lines[n] for n in range(at + 2, len(lines)) if lines[n].strip()), "")
    return _STEP_ITEM.match(below) is not None  # no copy of the lines below: linear


_STEP_ITEM = re.compile(r"[ \t]{0,3}\d{1,3}[.)][ \t]+\S")


def _as_lead_in(condition: str) -> str:
    """A condition in capitals as the lead-in of its steps: "If pulse < 60bpm or …:" (its
    words of four letters or more in capitals, and OR and AND, in small letters; shorter ones
    are abbreviations)."""
    said = _SHOUTED.sub(lambda m: m.group().lower(), condition.strip().rstrip(":"))
    return f"If {said}:"


_SHOUTED = re.compile(r"\b(?:[A-Z]{4,}|OR|AND)\b")


def tex_math(text: str) -> str:
    """The text with its TeX math in dollars (`$\\beta_1$`, `$$P = Q \\times R$$`: Pandoc,
    Obsidian, Jupyter, Quarto) written in the delimiters Anki's MathJax typesets, `\\(…\\)` and
    `\\[…\\]` (its manual's "Math and Symbols"): in dollars a card showed the raw TeX. Math by
    Pandoc's rule, on one line: the opening `$` before a non-space, the closing one after a
    non-space and not before a digit, so prices stay prices ("$5 and $10", "costs $20", "$5-$10").
    Math that could make a link or load code in MathJax (`\\href`, `\\require` …) is left as
    written, and so are code spans and fenced code. Lines keep their numbers."""
    if "$" not in text:
        return text
    glued = _GLUED_SCRIPT.search(text) is not None
    if not glued and _DOLLAR_MATH.search(text) is None:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        line = lines[at]
        if "$" not in line:
            continue
        parts = _CODE_SPAN.split(line) if "`" in line else [line]
        for index in range(0, len(parts), 2):  # code spans at odd positions
            if glued:
                parts[index] = _GLUED_SCRIPT.sub(_script, parts[index])
            parts[index] = _DOLLAR_MATH.sub(_delimited, parts[index])
        lines[at] = "".join(parts)
    return "\n".join(lines)


_DOLLAR_MATH = re.compile(
    r"\$(?<![\\$\[/\w=]\$)(?:"
    r"\$(?=[^\s$])([^$\n]{1,500}?)(?<=[^\s\\])\$\$(?![$\]\w])"
    r"|(?=[^\s$\]])([^$\n]{1,500}?)(?<=[^\s\\$/])\$(?![\d$\]A-Za-z])"
    r"|[ \t]+(?=[^$\n]{0,500}?[\\^_])([^\s$][^$\n]{0,500}?)(?<=[^\s\\])[ \t]+\$(?![\d$\]A-Za-z])"
    r")"
)
"""`$$display$$` or `$inline$` math on one line, by Pandoc's rule (no space inside either end,
no digit after the closing `$`, an escaped `\\$` no delimiter), or `$ inline $` with spaces inside
both ends when it holds TeX (`\\`, `^`, `_`: Typora and Obsidian typeset `$ 10^5 \\frac{a}{b} $`;
"$ 5 and $ 10" stays a price); nor a spreadsheet's or a
shell's dollars (`=$B$2`, `$PATH:$HOME`: a `$` after a letter, digit or `=`, or before a
letter). Anki's own `[$]…[/$]` is no math in dollars (`render.neutralise` defuses it as text).
Written to open with the `$`, so a search skips from one `$` to the next."""
_GLUED_SCRIPT = re.compile(
    r"(?<=[^\W_]|[)\]])\$([_^])(?:\{(?:\\(?:text|mathrm|textrm|mbox)[ \t]*\{([^{}$\n]{1,40})\}"
    r"|([^{}$\n]{1,40}))\}|([^\W_]|[+-]))\$(?!\d)"
)
"""Math glued to the word it scripts, its body one sub- or superscript: `P$_{insp}$`,
`cmH$_2$O`, `Ca$^{2+}$`, `O$_{\\text{2}}$` (the way LaTeX writes an index after a letter).
Pandoc reads no math there (a `$` after a letter), so the dollars showed; worse, a later `$`
on the line paired with the closing one (`**P$_{plt}$** o **P$_{mes}$**` became garbled math
across the bold runs).
Read first, before `_DOLLAR_MATH`, so each pair is closed where it opened."""
_PLAIN_SCRIPT = re.compile(r"(?:[^\W_]|[+\-−.,′' ]){1,40}")
"""A script of plain text, which HTML's `<sub>`/`<sup>` show as it is."""


def _script(match: re.Match[str]) -> str:
    """`P$_{insp}$` → `P<sub>insp</sub>`, `Ca$^{2+}$` → `Ca<sup>2+</sup>` (a card's field, a
    heading's Unicode form, every rule reads these); a script of TeX commands stays math,
    `\\( _{\\alpha} \\)`."""
    mark, texted, braced, bare = match.groups()
    body = bare if bare is not None else (texted if texted is not None else braced).strip()
    if _PLAIN_SCRIPT.fullmatch(body) is not None and body.strip():
        tag = "sub" if mark == "_" else "sup"
        return f"<{tag}>{body}</{tag}>"
    if UNSAFE_TEX.search(body) is not None:
        return match.group()
    return f"\\( {mark}{{{body}}} \\)"


UNSAFE_TEX = re.compile(
    r"\\(?:href|url|class|style|cssId|require|unicode|data|html|mmlToken"
    r"|def|let|(?:re)?newcommand|(?:re)?newenvironment|bbox)(?![A-Za-z])"
)
"""TeX commands that make MathJax link, style, load or define: no card's math may hold one."""


_TEX_SYMBOLS = {
    "rightarrow": "→",
    "to": "→",
    "longrightarrow": "→",
    "leftarrow": "←",
    "gets": "←",
    "longleftarrow": "←",
    "leftrightarrow": "↔",
    "Rightarrow": "⇒",
    "implies": "⇒",
    "Leftarrow": "⇐",
    "Leftrightarrow": "⇔",
    "iff": "⇔",
    "uparrow": "↑",
    "downarrow": "↓",
    "updownarrow": "↕",
    "alpha": "α",
    "beta": "β",
    "gamma": "γ",
    "delta": "δ",
    "Delta": "Δ",
    "epsilon": "ε",
    "kappa": "κ",
    "lambda": "λ",
    "mu": "μ",
    "pi": "π",
    "sigma": "σ",
    "tau": "τ",
    "omega": "ω",
    "pm": "±",
    "times": "×",
    "geq": "≥",
    "ge": "≥",
    "leq": "≤",
    "le": "≤",
    "neq": "≠",
    "ne": "≠",
    "approx": "≈",
    "sim": "∼",
    "infty": "∞",
    "degree": "°",
    "circ": "°",
}
"""TeX commands that are one character of text: `$\\rightarrow$`, `$\\uparrow$`, `$\\beta$`."""
_TEX_SYMBOL = re.compile(r"\\([A-Za-z]+)")
_SYMBOLS_ONLY = re.compile(r"(?:\s*\\[A-Za-z]+)+\s*")


def _as_text(tex: str) -> str | None:
    """Inline math made only of symbol commands (`\\rightarrow`, `\\uparrow \\uparrow`) as the
    characters they typeset: an Obsidian note's arrows and Greek letters are text, and as
    MathJax they showed raw on a card's front, in the browser and in every rule's reading
    (`A \\( \\rightarrow \\) B` was no arrow). None for any other math."""
    if _SYMBOLS_ONLY.fullmatch(tex) is None:
        return None
    names = _TEX_SYMBOL.findall(tex)
    if any(name not in _TEX_SYMBOLS for name in names):
        return None
    return _TEX_SYMBOL.sub(lambda found: _TEX_SYMBOLS[found.group(1)], tex).strip()


def _delimited(match: re.Match[str]) -> str:
    display, inline = match.group(1), match.group(2) or match.group(3)
    tex = display if display is not None else inline
    if UNSAFE_TEX.search(tex) is not None:
        return match.group()
    if "**" in tex:  # dollars paired across bold runs (`**a$** or **$b**`): no one math
        return match.group()
    text = _as_text(tex) if inline is not None else None
    if text is not None:
        return text
    return f"\\[ {tex} \\]" if display is not None else f"\\( {tex} \\)"


_BOLD_RUN = re.compile(r"(?<!\*)\*\*(?!\*)")


def closed_bold(markdown: str) -> str:
    """A field's Markdown with each `**` pair of one line closed as its author meant, where
    CommonMark's flanking rules leave it open and the card would show both marks: a run between
    punctuation and a letter cannot close (`可见**肾动脉（renal artery）**进入`, CJK writes no
    space after a bold run) nor open (`a**(b)**`). A word joiner (invisible, neither space nor
    punctuation) between the mark and the punctuation lets it do either. The text the rules
    read is not changed, only what is rendered (`render.to_html`, and what `check` renders)."""
    if "**" not in markdown:
        return markdown
    lines = markdown.split("\n")
    for number, line in enumerate(lines):
        if line.count("**") >= 2:
            lines[number] = _closed_line(line)
    return "\n".join(lines)


def _closed_line(line: str) -> str:
    runs = [found.start() for found in _BOLD_RUN.finditer(line)]
    if len(runs) < 2 or len(runs) % 2:
        return line  # a lone mark (`2**10`) is the author's text
    joins: list[int] = []  # where a word joiner goes
    opened = False
    for start in runs:
        before = line[start - 1] if start else " "
        after = line[start + 2] if start + 2 < len(line) else " "
        if before.isspace() or after.isspace():
            if not (before.isspace() and after.isspace()):
                opened = before.isspace()  # ` **x` opens, `x** ` closes
            continue
        punct_before, punct_after = _is_punctuation(before), _is_punctuation(after)
        if opened:
            if punct_before and not punct_after:  # `）**进`: cannot close as it stands
                joins.append(start)
            opened = False
        else:
            if punct_after and not punct_before:  # `见**（`: cannot open as it stands
                joins.append(start + 2)
            opened = True
    if not joins:
        return line
    for at in reversed(joins):
        line = line[:at] + WORD_JOINER + line[at:]
    return line


def _is_punctuation(char: str) -> bool:
    """Punctuation as CommonMark's flanking rules read it: a Unicode punctuation or symbol."""
    if char.isascii():
        return char in string.punctuation
    return unicodedata.category(char)[0] in "PS"


def hold_math(markdown: str) -> tuple[str, tuple[str, ...]]:
    """A field's Markdown with each `\\( … \\)` and `\\[ … \\]` of safe math on one line held out
    as a placeholder, and the math held: Markdown would read `\\(` as an escaped bracket and
    `_` in TeX as emphasis, and the renderer defuses any MathJax text forms (`render.neutralise`).
    `put_math` puts the math back into the field's finished HTML."""
    if "\\( " not in markdown and "\\[ " not in markdown:
        return markdown, ()
    held: list[str] = []

    def hold(match: re.Match[str]) -> str:
        if UNSAFE_TEX.search(match.group()) is not None:
            return match.group()
        held.append(match.group())
        return f"{_HELD_OPEN}{len(held) - 1}{_HELD_CLOSE}"

    text = markdown.replace(_HELD_OPEN, "").replace(_HELD_CLOSE, "")
    return _ANKI_MATH.sub(hold, text), tuple(held)


def put_math(html_text: str, held: tuple[str, ...]) -> str:
    """`html_text` with the math `hold_math` held out put back as HTML text, its TeX's double
    braces spaced (`} }`: Anki reads `}}` as a cloze's end; TeX ignores the space)."""
    if not held:
        return html_text
    return _HELD.sub(lambda m: _math_html(held[int(m.group(1))]), html_text)


def without_math(markdown: str) -> str:
    """`markdown` with its MathJax math (`\\(…\\)`, `\\[…\\]`) left out: TeX's braces and
    carets are no leftover markup."""
    if "\\( " not in markdown and "\\[ " not in markdown:
        return markdown
    return _ANKI_MATH.sub(" ", markdown)


def _math_html(math: str) -> str:
    """The math as HTML text. In a Cloze note's text (`notes.literal` has put a word joiner in
    each of TeX's own `}}`) the word joiners become spaces and the rule's deletions stay, which
    Anki's MathJax shows as clozes; elsewhere each `}}` and `{{` is spaced."""
    tex = html.escape(math[2:-2], quote=False)
    if WORD_JOINER in tex:
        tex = tex.replace(WORD_JOINER, " ")
    if "{{c" not in tex:
        while "}}" in tex or "{{" in tex:
            tex = tex.replace("}}", "} }").replace("{{", "{ {")
    return f"{math[:2]}{tex}{math[-2:]}"


_ANKI_MATH = re.compile(
    r"(?<!\\)(?:\\\( (?=\S)[^\n]{1,500}?(?<=\S) \\\)|\\\[ (?=\S)[^\n]{1,500}?(?<=\S) \\\])"
)
"""Math in MathJax's delimiters with a space inside each, on one line, as `tex_math` writes it:
an HTML-to-Markdown converter writes a parenthesis as `\\(`,
with no space inside (`\\(1 - e<sup>-kt</sup>\\)` is text in brackets); `\\\\(` is an escaped
backslash."""
_HELD_OPEN, _HELD_CLOSE = "\ue000", "\ue001"
_HELD = re.compile(f"{_HELD_OPEN}(\\d+){_HELD_CLOSE}")


_ITEM_HEAD_BOLD = re.compile(
    r"^([ \t]*(?:[-*+]|\d{1,3}[.)])[ \t]+)<(b|strong)>([^<>*`\n]{1,80}?)</\2>",
    re.IGNORECASE,
)


def item_bold(text: str) -> str:
    """The text with a list item's opening `<b>Term</b>` / `<strong>Term</strong>` as
    `**Term**` when its meaning follows (`<b>Term</b>; meaning`, `<b>Label:</b> value`): a
    page saved from a site's editor bolds its items' terms in HTML, and the rules read a term
    only as Markdown marks it. Bold that opens or sits in a sentence stays as it is."""
    if "<b>" not in text and "<strong>" not in text:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        if "<" in lines[at]:
            lines[at] = _ITEM_HEAD_BOLD.sub(_head_bold, lines[at])
    return "\n".join(lines)


_MEANING_NEXT = re.compile(r"[ \t]*[;:][ \t]")


def _head_bold(match: re.Match[str]) -> str:
    """The item's head in `**` when it is a term its meaning follows (`<b>Term</b>; meaning`,
    `<b>Label:</b> value`), an inner trailing space moved outside."""
    inner = match.group(3)
    core = inner.strip()
    trail = " " if inner[-1:].isspace() else ""
    if not core or (not core.endswith(":") and not _MEANING_NEXT.match(match.string, match.end())):
        return match.group(0)  # `<b>Allergens</b> such as …`: a sentence's emphasis, kept
    return f"{match.group(1)}**{core}**{trail}"


def scored_steps(text: str) -> str:
    """The text without an exam marking sheet's scores on its items and headings (`- （10分）Clean
    the site`, `1. **Draping（35分）**`, `## Suturing (20 points)`, `[5 marks]`): a score says
    what a step is worth in one exam, no fact of it, and left on an item it hid the step from
    every rule. A phase's numbered bold label whose steps were indented less than its text
    (`1. **Preparation**` over `  - Wash hands`: a list of their own) becomes the bold label
    line over them that it is, so the steps are read under it, not left without a subject.
    Each line keeps its number; fenced code is left as it is."""
    if _SCORE_HINT.search(text) is None:
        return text
    lines = text.split("\n")
    outside = list(_outside_fences(lines))
    for at in outside:
        line = lines[at]
        if _SCORE_HINT.search(line) is not None and _SCORED_LINE.match(line) is not None:
            line = _OPENING_SCORE.sub(r"\g<head>", line)
            line = _CLOSING_SCORE.sub(r"\g<tail>", line)
            lines[at] = line
    for at in outside:
        label = _PHASE_LABEL.match(lines[at])
        if label is None:
            continue
        after = next((line for line in lines[at + 1 :] if line.strip()), "")
        bullet = _BULLET_UNDER.match(after)
        if bullet is not None and len(bullet.group("indent")) < len(label.group("marker")):
            lines[at] = label.group("label")
    return "\n".join(lines)


_SCORE = (
    r"[（(\[【]\s*\d{1,3}(?:\.\d)?\s*"
    r"(?:分|points?|pts?\.?|marks?|puntos|pontos|punti|Punkte)\s*[）)\]】]"
)
_SCORE_HINT = re.compile(_SCORE, re.IGNORECASE)
_SCORED_LINE = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)]|#{1,6})\s")
"""A list item or a heading: the lines a marking sheet scores (a sentence's own "(10 points)"
in a paragraph stays)."""
_OPENING_SCORE = re.compile(
    rf"^(?P<head>\s*(?:[-*+]|\d{{1,3}}[.)]|#{{1,6}})\s+(?:\*\*|__)?)\s*{_SCORE}\s*", re.IGNORECASE
)
_CLOSING_SCORE = re.compile(
    rf"\s*{_SCORE}(?P<tail>\s*(?:\*\*|__)?\s*[:：]?\s*(?:\*\*|__)?\s*)$", re.IGNORECASE
)
_PHASE_LABEL = re.compile(
    r"^(?P<marker>\d{1,3}[.)][ \t]+)(?P<label>(?:\*\*|__)[^*_\n]+(?:\*\*|__)[:：]?)[ \t]*$"
)
"""A numbered item that is only a bold label (`1. **Preparation**`)."""
_BULLET_UNDER = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+\S")


def examiner_prompts(text: str) -> str:
    """The text with an examiner's prompt item (`- 提问：prep area by site`) over the points
    that answer it (`  - Neck: lower lip to nipples`) written as the label it is (`- prep area by
    site：`): the prompt word is no topic, and "提问?" -> "prep area by site" asked the question
    back as its own answer. Its value is the topic its points are asked under ("prep area by
    site: neck?"). Only a prompt over `Label: value` points with no answer label among them; an
    English "Question: …" is the faq rule's, which reads it as a question. Each line keeps its
    number; fenced code is left as it is."""
    if "提问" not in text and "问题" not in text:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        prompt = _PROMPT_ITEM.match(lines[at])
        if prompt is None:
            continue
        points = _points_under(lines, at, len(prompt.group("indent")))
        if points and all(
            _POINT_LABEL.match(point) and not _ANSWER_LABEL.match(point) for point in points
        ):
            lines[at] = f"{prompt.group('head')}{prompt.group('value').rstrip('：:。？? ')}："
    return "\n".join(lines)


_PROMPT_ITEM = re.compile(
    r"^(?P<head>(?P<indent>[ \t]*)[-*+][ \t]+)(?:\*\*|__)?(?:提问|问题)(?:\*\*|__)?\s*[:：]"
    r"(?:\*\*|__)?\s*(?P<value>[^\n:：]{2,60})$"
)
_POINT_LABEL = re.compile(r"^[^:：]{1,30}[:：]\s*\S")
_ANSWER_LABEL = re.compile(r"^(?:\*\*|__)?(?:答案?|回答|answer|a)\s*[:：]", re.IGNORECASE)


def _points_under(lines: list[str], at: int, indent: int) -> list[str]:
    """The texts of the list items indented under line `at` (blank lines between allowed)."""
    points = []
    for line in lines[at + 1 :]:
        if not line.strip():
            continue
        item = _BULLET_UNDER.match(line)
        if item is None or len(item.group("indent").expandtabs(4)) <= indent:
            break
        points.append(line.strip()[1:].strip())
    return points


def glued_items(text: str) -> str:
    """The text with an entry written as a list item without the space after its hyphen
    (`-**Colchicine**: Cheap. It works best …`, a paragraph's first line, its label in bold
    with a colon) given that space: read as written it was a paragraph whose "-" reached the
    card glued to its term, and its "It" named nothing. Only a bold label with a colon after a
    lone hyphen, at a paragraph's start (a blank line or a heading above it): `-5 °C`, `--flag`
    and `-**not**` in a sentence stay as they are. Each line keeps its number; fenced code is
    left as it is."""
    if "\n-**" not in text and "\n-__" not in text and not text.startswith(("-**", "-__")):
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        if _GLUED_ITEM.match(lines[at]) is None:
            continue
        above = lines[at - 1].strip() if at else ""
        if not above or above.startswith("#"):
            lines[at] = "- " + lines[at][1:]
    return "\n".join(lines)


_GLUED_ITEM = re.compile(r"-(\*\*|__)[^*_\s][^*_]{0,60}?(?::\1|\1[ \t]*:)[ \t]*\S")
"""A hyphen glued to a bold label and its colon (`-**Term**: text`, `-**Term:** text`)."""


def run_in_labels(text: str) -> str:
    """The text with a paragraph's run-in label (a book's style: `**Uses** The drug is …`,
    `*Absorption* It is …`: one to MAX_RUN_IN_WORDS words in bold or italics, no colon, then a
    capitalised sentence) written as the `**Label:** text` every rule reads; read as written the
    label ran into the sentence ("Absorption The drug is …"). Only a paragraph's first line (a
    blank line or a heading above it), never a list item, and never a label ending in a
    sentence's stop (`**Stop the drug.** Then …` is a sentence). Each line keeps its number;
    fenced code is left as it is."""
    if not (text.startswith(("*", "_")) or "\n*" in text or "\n_" in text):
        return text  # no line opens with a mark (two looks for a literal: faster than `^`)
    if _RUN_IN.search(text) is None and _RUN_IN_ITALIC.search(text) is None:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        found = _RUN_IN.match(lines[at]) or _RUN_IN_ITALIC.match(lines[at])
        if found is None or len(found.group("label").split()) > MAX_RUN_IN_WORDS:
            continue
        above = lines[at - 1].strip() if at else ""
        if above and not above.startswith("#"):
            continue  # inside a paragraph: emphasis at a soft line break, not a label
        label = found.group("label").replace("*", "")  # its italics a style: no word of it
        lines[at] = f"**{label}:** {found.group('rest')}"
    return "\n".join(lines)


MAX_RUN_IN_WORDS = 5
_RUN_IN = re.compile(
    r"(?m)^(?P<mark>\*\*|__|\*|_)(?P<label>[A-Z][^*_:.?!\n]{0,60}?[^*_:.?!\s])(?P=mark)"
    r"[ \t]+(?P<rest>[A-Z][^\n]*)$"
)
"""A line opening with a short bold or italic label, no colon, and a capitalised sentence."""
_RUN_IN_ITALIC = re.compile(
    r"(?m)^\*\*(?P<label>[A-Z][^*_:.?!\n]{0,40}?\*[^*_:.?!\s][^*_:.?!\n]{0,30}\*"
    r"[^*_:.?!\s]{0,10})\*\*[ \t]+(?P<rest>[A-Z][^\n]*)$"
)
"""A bold label with a word in italics in it (`**Basal (*bedtime*)** NPH …`, `**Basal-*plus***
NPH …`), no colon, then a capitalised sentence."""


def reading_levels(text: str) -> str:
    """Under a heading over the same points told at rising depth ("## Complexity levels",
    `text.READING_LEVELS`), a paragraph's or item's bold label that is only an ordinal ("**Level
    2**:", "**Level III** –") goes: the level says how hard the reading is, and asked ("Level 2?")
    it is a question with no subject. Its text stays, to be read as the section's. Levels under
    any other heading ("Trauma centre levels", "Grades") are a classification and stay. Each
    line keeps its number."""
    lowered = text.lower()
    if "level" not in lowered or not any(heading in lowered for heading in READING_LEVELS):
        return text
    lines = text.split("\n")
    under = False
    for at in _outside_fences(lines):
        heading = _ATX_LEVEL.match(lines[at])
        if heading is not None:
            title = lines[at].lstrip("# \t").strip().strip("*_").rstrip(":").lower()
            under = title in READING_LEVELS
            continue
        if under:
            lines[at] = _ORDINAL_LABEL.sub(r"\g<lead>", lines[at], count=1)
    return "\n".join(lines)


_ORDINAL_LABEL = re.compile(
    r"^(?P<lead>[ \t]*(?:[-*+][ \t]+)?)(?:\*\*|__)(?:level|niveau|nivel|nível|stufe|livello)"
    r"[ \t]+(?:\d{1,2}|[IVX]{1,4}|[A-E])[ \t]*(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*[:–—-])[ \t]*",
    re.IGNORECASE,
)
"""A line's bold label that is only a level's ordinal and its colon or dash ("**Level 2**:",
"- **Level III:**", "**Niveau 1** –")."""


def table_footnotes(text: str) -> str:
    """A table's reference markers (`576 mg\\[1\\]`, `250 mg[2]`) and the numbered notes right
    under it (`1. Equal to 500 mg of X.`), or under the tables and headings just above it: each
    note goes into its cell in brackets where its marker was ("576 mg (Equal to 500 mg of X)")
    and its line goes blank. Carded alone, the notes were whole sentences clozed with no cue, and
    the answer showed the marker. Only when every note's number marks a cell and every marker
    has its note; a marker left with no note goes. Each line keeps its number; fenced code is
    left as written."""
    if "|" not in text or "[" not in text or _CELL_MARK.search(text) is None:
        return text
    lines = text.split("\n")
    outside = list(_outside_fences(lines))
    inside = set(outside)
    marked = [at for at in outside if _TABLE_LINE.match(lines[at]) and _CELL_MARK.search(lines[at])]
    if not marked:
        return text
    notes: dict[int, dict[str, str]] = {}  # a table line: its notes by number
    at = 0
    while at < len(lines):
        found = _NOTE_LINE.match(lines[at]) if at in inside else None
        if found is None:
            at += 1
            continue
        run = [(at, found)]  # the notes, one a line
        while run[-1][0] + 1 < len(lines):
            following = _NOTE_LINE.match(lines[run[-1][0] + 1])
            if following is None:
                break
            run.append((run[-1][0] + 1, following))
        tables = _tables_above(lines, at)
        said = {note.group(1): note.group(2).strip().rstrip(".") for _, note in run}
        marks = {m.group(1) for i in tables for m in _CELL_MARK.finditer(lines[i])}
        if tables and marks and set(said) == marks and len(said) == len(run):
            for i in tables:
                notes[i] = said
            for i, _ in run:
                lines[i] = "\r" if lines[i].endswith("\r") else ""
        at = run[-1][0] + 1
    for at in marked:
        lines[at] = _CELL_MARK.sub(partial(_cell_note, notes.get(at, {})), lines[at])
    return "\n".join(lines)


def _cell_note(said: dict[str, str], mark: re.Match[str]) -> str:
    """A marker's note in brackets (its `|` escaped, so the row keeps its cells), or nothing."""
    number = mark.group(1)
    return f" ({said[number]})".replace("|", "\\|") if number in said else ""


_CELL_MARK = re.compile(r"(?<=\S)\\?\[(\d{1,2})\\?\](?=[ \t]*\|)")
"""A reference marker closing a table cell: `576mg\\[1\\] |`, `250 mg[2] |`."""
_TABLE_LINE = re.compile(r"[ \t]{0,3}\|")
_NOTE_LINE = re.compile(r"[ \t]{0,3}(\d{1,2})[.)][ \t]+(\S[^\n]*?)[ \t]*\r?$")


def _tables_above(lines: list[str], at: int) -> list[int]:
    """The table lines right above line `at`, across blank lines, headings and the tables just
    above those (a page of tables, each under its heading, with one list of notes at its end)."""
    found: list[int] = []
    above = at - 1
    while above >= 0:
        line = lines[above]
        if _TABLE_LINE.match(line):
            found.append(above)
        elif line.strip() and not _ATX_LEVEL.match(line.lstrip(" ")):
            break
        above -= 1
    return found


def glyph_lists(text: str) -> str:
    """Lists an author typed with a glyph or a roman numeral instead of a Markdown marker, read
    as the lists they are (CommonMark shows both as text: a run of them glues onto the line
    above as one paragraph, so a lead-in's or a step's items became one long answer).

    - a line opening with a bullet glyph (`• `, `● `, `▪ `, `◦ `) is a `+ ` item at its own
      indent (`+`: a glyph run stays a list of its own, never one with a `-` list the author put
      beside it): right under a numbered step, the step's sub-list; a plain line between two such
      lines at their indent that opens with a capital is an item of the same run (a line the
      author wrote between bullets), not the last bullet's text, unless it ends in ':' (the
      lead-in of the items below it);
    - a run of lines opening with consecutive roman numerals from I, each a name then `(` or
      `:` (`IX. Name (…): text`), is a `- ` list at the first one's indent, the numeral put
      after the name (`- Name (IX) (…): text`) so the name leads the label; a numeral line
      further in comes out to it (it starts the next item, it never goes on with the one
      before), and the lines between two numerals are the previous one's sub-items;
    - a run of two or more lines, one right after the other, counted from `i)` in small roman
      numerals (`i)`, `ii)`, `iii)`) or from `a)` in letters is a `- ` list (`_counted_items`).

    A document converted from PDF or Word keeps its symbol fonts' bullets as other characters:
    a private-use character (Symbol's bullet U+F0B7 and its kin) or an arrow (`➢ `, `➤ `, `► `,
    `❖ `) opening a line is a glyph bullet too, and so is a lone `q`, `o` or `§` (Wingdings'
    box, circle and square) opening two lines or more of the document, each followed by a
    capital, a digit or `#` (`q Venous tourniquet`; "o bien …" in small letters is a word);
    `q 1. Text` is the numbered item `1. Text`. In a document with such a private-use or letter
    bullet (an arrow may be typed by hand) a line that is only a page's number (`177`), and
    anywhere a "This page intentionally left blank" line, is the page's chrome: it goes blank
    (glued to the item above, it ended its answer).

    Every line keeps its number; fenced code is left as written."""
    wide = not text.isascii()  # (said in O(1)) ASCII holds no glyph, arrow or font's bullet
    glyphs = wide and any(glyph in text for glyph in _GLYPHS)
    arrows = wide and _ARROW_GLYPH.search(text) is not None
    converted = wide and _CONVERTED_GLYPH.search(text) is not None
    letters = _letter_glyphs(text)
    # ASCII letters match case-blind as they lower (not so 'İ', 'ı', the Kelvin sign's 'K')
    blank = (wide or "intentionally" in text.lower()) and _LEFT_BLANK.search(text) is not None
    numerals = "I." in text and "II." in text
    counted = ("i)" in text and "ii)" in text) or ("a)" in text and "b)" in text)
    if not (glyphs or arrows or converted or letters or blank or numerals or counted):
        return text
    lines = text.split("\n")
    outside = list(_outside_fences(lines))
    if glyphs or arrows or converted or letters:
        _glyph_items(lines, outside, letters)
    if converted or letters or blank:  # an arrow may be typed by hand: no converter's mark
        _page_chrome(lines, outside, converted or bool(letters))
    if numerals:
        _numeral_items(lines, outside)
    if counted:
        _counted_items(lines, outside)
    return "\n".join(lines)


_GLYPHS = ("•", "●", "▪", "◦", "∙")
_GLYPH_ITEM = re.compile(
    r"([ \t]*)(?:[•●▪◦∙➢➤►❖\ue000-\uf8ff][ \t]+(?=\S)|[•●▪◦∙](?=[^\W_])"
    r"|(?P<letter>[qo§])[ \t]+(?=[A-Z0-9#]))"
)
_CONVERTED_GLYPH = re.compile(r"(?m)^[ \t]*[\ue000-\uf8ff][ \t]+\S")
"""A symbol font's bullet (a private-use character) opening a line: the mark of a document
converted from PDF or Word."""
_ARROW_GLYPH = re.compile(r"(?m)^[ \t]*[➢➤►❖][ \t]+\S")
_LETTER_GLYPH = re.compile(r"\n[ \t]*([qo§])[ \t]+[A-Z0-9#]")
"""A letter bullet opening a line, found after the line break before it (in a text with a break
put first): a pattern opening with a literal skips ahead to each one; `(?m)^` tries every place."""
_NUMBERED_GLYPH = re.compile(r"(\d{1,3}[.)])(?=[ \t])")
"""`q 1. Text`: a numbered item behind its checkbox."""
MIN_LETTER_GLYPHS = 2
_LEFT_BLANK = re.compile(
    r"(?im)^[ \t]*(?:[~*_\-–—(\[]+[ \t]*)?(?:this[ \t]+)?(?:page|space)[ \t]+"
    r"(?:(?:is|has[ \t]+been)[ \t]+)?intentionally[ \t]+(?:left[ \t]+)?blank"
    r"\.?(?:[ \t]*[~*_\-–—)\]]+)?[ \t]*\r?$"
)
"""A "This page intentionally left blank" line, in any dress (`~ … ~`, brackets, dashes); each
run of blanks has one place in it, so a long line of blanks is read once."""
_PAGE_NUMBER_LINE = re.compile(r"[ \t]*\d{1,4}[ \t]*\r?")


def _letter_glyphs(text: str) -> frozenset[str]:
    """The letters (`q`, `o`, `§`) that open MIN_LETTER_GLYPHS lines or more as bullets."""
    if "q " not in text and "o " not in text and "§" not in text:
        return frozenset()
    counts: dict[str, int] = {}
    for found in _LETTER_GLYPH.finditer(f"\n{text}"):
        counts[found.group(1)] = counts.get(found.group(1), 0) + 1
    return frozenset(letter for letter, count in counts.items() if count >= MIN_LETTER_GLYPHS)


def _page_chrome(lines: list[str], outside: list[int], converted: bool) -> None:
    """Each "intentionally left blank" line blank; in a converted document (`converted`) each
    line that is only a page's number too."""
    for at in outside:
        line = lines[at]
        if _LEFT_BLANK.fullmatch(line) is not None or (
            converted and _PAGE_NUMBER_LINE.fullmatch(line) is not None
        ):
            lines[at] = "\r" if line.endswith("\r") else ""


_CAPITAL_LINE = re.compile(r"([ \t]*)(?=[A-Z])")


def _glyph_items(lines: list[str], outside: list[int], letters: frozenset[str]) -> None:
    """Each glyph bullet as a `+ ` item (a numbered one behind a glyph as that numbered item);
    a capitalised plain line between two of them at their indent as one more."""
    glyphed: dict[int, str] = {}  # each bullet's indent as written here, by its depth
    typed: dict[int, str] = {}  # and as typed
    levels = _glyph_levels(lines, outside)
    for at in outside:
        glyph = _GLYPH_ITEM.match(lines[at])
        if glyph is None or (glyph.group("letter") and glyph.group("letter") not in letters):
            continue
        typed[at] = glyph.group(1)
        glyphed[at] = typed[at] + "  " * levels.get(at, 0)
        rest = lines[at][glyph.end() :]
        marker = "" if _NUMBERED_GLYPH.match(rest) else "+ "
        lines[at] = glyphed[at] + marker + rest
    for at in outside:
        if at in glyphed or at - 1 not in glyphed or at + 1 not in glyphed:
            continue
        plain = _CAPITAL_LINE.match(lines[at])
        if lines[at].rstrip().endswith(":"):
            continue  # a lead-in of the items below ("Procedure:"), not one of them
        if (
            plain is not None
            and plain.group(1) == typed[at - 1] == typed[at + 1]
            and glyphed[at - 1] == glyphed[at + 1]
        ):
            lines[at] = glyphed[at - 1] + "+ " + lines[at][plain.end() :]


_NUMERAL_LINE = re.compile(
    r"([ \t]*)(X{0,3}(?:IX|IV|V?I{0,3}))\.[ \t]+"
    r"([A-Z][\w'’-]*(?:[ \t]+[A-Za-z][\w'’-]*){0,3}?)(?=[ \t]*[(:])"
)
"""`IX. Name (…)` or `IX. Name: …`: a numbered name, one to four words."""
_NUMERALS = {"I": 1, "V": 5, "X": 10}


def _numeral_value(numeral: str) -> int:
    total = 0
    for at, letter in enumerate(numeral):
        value = _NUMERALS[letter]
        following = _NUMERALS[numeral[at + 1]] if at + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _numeral_items(lines: list[str], outside: list[int]) -> None:
    """Each run of consecutive roman-numeral lines from I written as a `- ` list, each numeral
    after its name (`- Name (IX): …`): a label's term never holds a full stop."""
    runs: list[list[int]] = []
    expected = 1
    for at in outside:
        if _ATX_LEVEL.match(lines[at].lstrip(" ")):  # a heading ends every run
            expected = 0
            continue
        match = _NUMERAL_LINE.match(lines[at])
        if match is None or not match.group(2):
            continue
        value = _numeral_value(match.group(2))
        if value == 1:
            runs.append([at])
        elif runs and value == expected:
            runs[-1].append(at)
        else:
            continue
        expected = value + 1
    for run in runs:
        if len(run) < 2:
            continue
        base = lines[run[0]][: len(lines[run[0]]) - len(lines[run[0]].lstrip(" \t"))]
        for at in range(run[0], run[-1] + 1):
            line = lines[at]
            if at in run:  # the numeral after the name, so the name leads its label
                found = _NUMERAL_LINE.match(line)
                assert found is not None
                name = f"{found.group(3)} ({found.group(2)})"
                lines[at] = base + "- " + name + line[found.end() :]
            elif line.strip() and line.startswith(base):
                lines[at] = base + "  " + line[len(base) :]


_COUNTED_LINE = re.compile(r"([ \t]{0,3})(x{0,3}(?:ix|iv|v?i{0,3})|[a-z])\)[ \t]+(?=\S)")
"""`ii) text` or `b) text` opening a line: CommonMark numbers a list in digits only."""
_LOWER_ROMAN = {"i": 1, "v": 5, "x": 10}


def _counted_items(lines: list[str], outside: list[int]) -> None:
    """Each run of two or more lines counted from `i)` in small roman numerals (`i)`, `ii)`,
    `iii)`) or from `a)` in letters, one line right after the other, as a `- ` list: else a
    paragraph, its items one long line."""
    run: list[tuple[int, int]] = []  # (line, the marker's end)
    roman, expected = False, 0
    for at in [*outside, -1]:
        found = _COUNTED_LINE.match(lines[at]) if at >= 0 else None
        if (
            found is not None
            and run
            and at == run[-1][0] + 1
            and _counted_value(found.group(2), roman) == expected
        ):
            run.append((at, found.end()))
            expected += 1
            continue
        if len(run) >= 2:
            for line, end in run:
                text = lines[line]
                lines[line] = text[: len(text) - len(text.lstrip(" \t"))] + "- " + text[end:]
        run = []
        if found is not None and found.group(2) in ("i", "a"):
            roman, expected = found.group(2) == "i", 2
            run = [(at, found.end())]


def _counted_value(mark: str, roman: bool) -> int:
    """The number a run's marker stands for: `iv` 4 in a roman run, `d` 4 in a letter run."""
    if not roman:
        return ord(mark) - ord("a") + 1 if len(mark) == 1 else 0
    if any(char not in _LOWER_ROMAN for char in mark):
        return 0
    values = [_LOWER_ROMAN[char] for char in mark]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def step_fields(text: str) -> str:
    """Numbered steps with a template's unfilled field (`2. If below {{LOW_LIMIT}} mg/dL, eat
    15 g of sugar:`) keep the step, the field shown as "…": a form's field left out drops the
    note showing it (`text.has_template_field`), and a step dropped with its sub-steps
    renumbers the rest, so "repeat step 2" pointed at another step. Only a step that says more
    than its field; lines keep their numbers, fenced code is left as it is."""
    if "{{" not in text:
        return text
    lines = text.split("\n")
    for at in _outside_fences(lines):
        line = lines[at]
        if "{{" not in line or (step := _NUMBERED_STEP.match(line)) is None:
            continue
        body = step.group("body")
        if TEMPLATE_FIELD.search(body) is None or not TEMPLATE_FIELD.sub("", body).strip(
            " \t*_:;,.-–—()"
        ):
            continue
        lines[at] = line[: step.start("body")] + TEMPLATE_FIELD.sub("…", body)
    return "\n".join(lines)


def tree_fences(text: str) -> str:
    """An untagged fence drawing a tree (`├─ STEP 1: Check pH` over `│  ├─ pH < 7.35 → low`,
    or ASCII `|--` / `` `-- ``) is text the author lined up, not code: each branch line becomes
    a `- ` item at its depth (a branch further right is a child of the one above it), the rail
    lines (`│` alone) and the fence lines blank, so the list rules read it as the outline it is
    (two trees with only a blank line between them are one list, as two lists would be); the
    lines above the first branch (the tree's root) stay as a line of text, a flowchart's START
    word left out. A tagged fence (```python), a fence of code (braces, `;`, `def`), a file
    tree (`src/`, `main.py`) and a decision flowchart (`YES →` / `NO →` branches, questions:
    `is_decision_tree`) stay as they are (the flowchart rule reads a flowchart). An untagged
    fence of Markdown lists at its margin (a quick-reference card, `_fenced_lists`) is read as
    the Markdown it holds. Every line keeps its number."""
    if "```" not in text and "~~~" not in text:
        return text
    lines = text.split("\n")
    at = 0
    while at < len(lines):
        opening = _FENCE.match(lines[at])
        if opening is None:
            at += 1
            continue
        mark, tagged = opening.group("mark"), bool(opening.group("info").strip())
        end = at + 1
        while end < len(lines):
            closing = _FENCE.match(lines[end])
            if _closes(closing, mark):
                break
            end += 1
        if end < len(lines) and not tagged and not _holds_fences(lines[at + 1 : end]):
            branches = tree_branches(lines[at + 1 : end])
            if branches and not is_decision_tree(branches):
                lines[at + 1 : end] = _as_list(lines[at + 1 : end], branches)
                lines[at] = lines[end] = ""
            elif not branches and _fenced_lists(lines[at + 1 : end]):
                lines[at] = lines[end] = ""  # a quick-reference card: Markdown, fenced to stand out
        at = end + 1
    return "\n".join(lines)


def _holds_fences(body: list[str]) -> bool:
    """A fence holding fence lines of the other kind (```` ``` ```` inside `~~~`) shows fences
    as code: it stays as it is, so that reading the text again finds nothing new to read."""
    return any(_FENCE.match(line) for line in body)


def _closes(line: re.Match[str] | None, mark: str) -> bool:
    """A fence line closing the fence `mark` opened: the same character, as many or more, and
    no info string."""
    if line is None or line.group("info").strip():
        return False
    return line.group("mark")[0] == mark[0] and len(line.group("mark")) >= len(mark)


_FENCE = re.compile(r"^ {0,3}(?P<mark>`{3,}|~{3,})(?P<info>[^`]*)$")
_BRANCH = re.compile(
    r"^(?P<rail>(?:[ \t│┃]|\|(?!-))*)(?:[├└┣┗][─━]*|[|`+]-{2,})[ \t]*(?P<label>\S.*)"
)
"""A tree's branch line: rails (`│`), then `├─`, `└─` (or ASCII `|--`, `` `-- ``), then its
label."""
_RAIL = re.compile(r"^[ \t│┃|]*$")
_CODE_LINE = re.compile(r"[{};]\s*$|^\s*(?:def|class|import|from|return|function|#include)\s")
_FILE_NAME = re.compile(r"^[\w.@-]+(?:\.[A-Za-z0-9]{1,5}|/)$")
_DECISION = re.compile(r"^(?:yes|no|y|n)\b|\?(?:\s*(?:→|->).*)?$", re.IGNORECASE)
MIN_BRANCHES = 2


def tree_branches(body: list[str]) -> dict[int, tuple[int, str]]:
    """The branch lines of a fenced tree (index in `body` -> column of the branch, label), or {}
    when the fence is no tree of text: fewer than two branches, a line of code, or a file tree
    (most labels a file or folder name)."""
    branches: dict[int, tuple[int, str]] = {}
    for index, line in enumerate(body):
        if _CODE_LINE.search(line):
            return {}
        found = _BRANCH.match(line)
        if found is not None:
            branches[index] = (len(found.group("rail")), found.group("label").rstrip())
    if len(branches) < MIN_BRANCHES:
        return {}
    files = sum(1 for _, label in branches.values() if _FILE_NAME.match(label))
    return {} if files * 2 >= len(branches) else branches


def _fenced_lists(body: list[str]) -> bool:
    """A fence holding Markdown lists at its margin (`HIGH pressure = blockage` over `- Kinked
    tubing`, `- Water in the tubing`): a quick-reference card the author boxed, not code. Two
    items at least, none indented (a config's nested `  - item` is YAML), no line of code."""
    items = 0
    for line in body:
        if _CODE_LINE.search(line) or _NESTED_ITEM.match(line):
            return False
        items += _MARGIN_ITEM.match(line) is not None
    return items >= MIN_BRANCHES


_MARGIN_ITEM = re.compile(r"(?:[-*+]|\d{1,2}[.)])[ \t]+\S")
_NESTED_ITEM = re.compile(r"[ \t]+(?:[-*+]|\d{1,2}[.)])[ \t]+\S")


def is_decision_tree(branches: dict[int, tuple[int, str]]) -> bool:
    """A flowchart of choices (`├─ YES → …`, `├─ Clamp closed?`): its branches are answers to
    questions, which a list of facts would ask as facts ("YES → what?")."""
    return any(_DECISION.search(label) for _, label in branches.values())


_ARROW_STEP = re.compile(r"^(?P<indent>[ \t]*)(?:->|→|=>|⇒)[ \t]*(?P<label>\S.*)")
"""A step of a flowchart drawn with arrows (`  -> Output low?`): its indent, then its label."""


def flowchart_steps(body: list[str]) -> dict[int, tuple[int, str]]:
    """The steps of a fenced decision flowchart (index in `body` -> column, label), or {} when the
    fence is none: a tree whose branches are choices (`is_decision_tree`), or two lines or more
    indented under each other as `-> step` with a question among them (`-> Output low?`)."""
    branches = tree_branches(body)
    if branches:
        return branches if is_decision_tree(branches) else {}
    steps: dict[int, tuple[int, str]] = {}
    for index, line in enumerate(body):
        if _CODE_LINE.search(line):
            return {}
        found = _ARROW_STEP.match(line)
        if found is not None:
            steps[index] = (len(found.group("indent").expandtabs(4)), found.group("label").rstrip())
    if len(steps) < MIN_BRANCHES or not is_decision_tree(steps):
        return {}
    return steps


def _as_list(body: list[str], branches: dict[int, tuple[int, str]]) -> list[str]:
    """The tree's lines as Markdown: each branch a `- ` item indented two spaces per depth, a
    rail line blank, any other line (the root, a note between branches) as its text."""
    out: list[str] = []
    columns: list[int] = []  # the columns of the branches above, one per depth
    for index, line in enumerate(body):
        if index in branches:
            column, label = branches[index]
            while columns and columns[-1] >= column:
                columns.pop()
            out.append("  " * len(columns) + "- " + label)
            columns.append(column)
        elif _RAIL.match(line):
            out.append("")
        else:
            out.append(_TERMINAL.sub("", line.strip().lstrip("│┃| \t")))
    return out


_TERMINAL = re.compile(r"^(?:start|begin|end)\b[ \t]*:?[ \t]*", re.IGNORECASE)
"""A flowchart's terminal word (`START: Patient with results`): no part of what the root says."""


_NUMBERED_STEP = re.compile(r"^[ \t]*(?:>[ \t]*)*\d{1,3}[.)][ \t]+(?P<body>\S.*)$")
_PAGE_HEADING = re.compile(
    r"^(?P<marks>#{1,6})[ \t]+(?:page|slide|folie|seite|diapo(?:sitive)?|p[áa]gina|pagina)"
    r"[ \t]*(?P<n>\d{1,3})(?:[ \t]*(?:/|of|sur|von|de)[ \t]*\d{1,3})?[ \t]*\r?$",
    re.IGNORECASE,
)
"""A converter's heading over each page or slide of a deck ("## Page 3", "## Slide 4 / 12")."""
MIN_SLIDE_PAGES = 3
"""Pages a deck needs before a string ending a line on as many of them is its footer."""
MIN_FOOTER_CHARS = 20
"""A footer's length at least: two pages' lines may end in the same few words by chance."""
_SLIDE_TITLE = re.compile(
    r"(?:(?<=[\s)(.,;:])|(?<=[a-zà-ÿ])|^)(?P<title>[A-ZÀ-Þ][A-ZÀ-Þ'’&-]+"
    r"(?:[ \t]+[-–]?[A-ZÀ-Þ&][A-ZÀ-Þ'’&-]*)+(?:[ \t]*\([A-ZÀ-Þ®™ ]+\))?)[ \t]*$"
)
"""A slide's title in capitals, two words or more, glued by the extractor to the end of the
slide's last line before the footer ("… 3 h BENZO HYPNOTICS", "…mealKORRIN DRUGS")."""


def slide_pages(text: str) -> str:
    """A slide deck's pages as a converter wrote them (`## Page 3` over each slide's extracted
    text), read as the slides they were: a string that ends a line on MIN_SLIDE_PAGES pages or
    more is the deck's footer (its navigation bar, "Module Effects Interactions Antidote"),
    cut from every line; the slide's title the extractor glued in capitals before it becomes
    the page's heading in place of "Page 3", a number alone on the line under the heading (the
    page's own) goes, and every line keeps its number."""
    if "#" not in text:
        return text
    lines = text.split("\n")
    pages = [at for at, line in enumerate(lines) if _PAGE_HEADING.match(line)]
    if len(pages) < MIN_SLIDE_PAGES:
        return text
    page_of = {at: index for index, start in enumerate(pages) for at in _page_lines(lines, start)}
    footer = _footer(lines, page_of)
    titles: dict[int, str] = {}
    alone: list[int] = []  # the lines that held only a title and the footer
    for at, index in page_of.items():
        line = lines[at].rstrip("\r")
        if footer and line.endswith(footer):
            line = line[: -len(footer)]
            title = _SLIDE_TITLE.search(line)
            if title is not None:
                titles.setdefault(index, title.group("title").strip())
                line = line[: title.start()]
                if not line.strip():
                    alone.append(at)
            lines[at] = line.rstrip() + ("\r" if lines[at].endswith("\r") else "")
        number = _PAGE_HEADING.match(lines[pages[index]])
        if (
            number is not None
            and line.strip() == number.group("n")
            and at == _first_text(lines, pages[index])
        ):
            lines[at] = ""
    _cut_section_labels(lines, pages, page_of, alone)
    for index, start in enumerate(pages):
        found = _PAGE_HEADING.match(lines[start])
        if index in titles and found is not None:
            lines[start] = f"{found.group('marks')} {titles[index]}"
    return "\n".join(lines)


def _cut_section_labels(
    lines: list[str], pages: list[int], page_of: dict[int, int], alone: list[int]
) -> None:
    """A deck's section label (one word in capitals over the slide's title, "OVERDOSE") that the
    extractor glued to the end of the line above a title standing alone ("…of GABAOVERDOSE"),
    or set beside the page's number ("12 OVERDOSE"), is cut: it is the deck's chrome, and glued
    it ends the slide's last point. A label is known where a case change or the page's number
    shows where it starts, on MIN_LABEL_PAGES pages or more; then it is cut where it is glued
    to capitals too ("GABAOVERDOSE" -> "GABA")."""
    above: dict[int, int] = {}  # a title line's line above -> its page
    for at in alone:
        before = next((n for n in range(at - 1, -1, -1) if lines[n].strip()), -1)
        if before in page_of and not lines[before].startswith("#"):
            above[before] = page_of[before]
    seen: dict[str, set[int]] = {}
    numbered: list[int] = []
    for at, index in above.items():
        found = _CASED_LABEL.search(lines[at].rstrip())
        if found is not None:
            seen.setdefault(found.group("label"), set()).add(index)
    for index, start in enumerate(pages):
        first = _first_text(lines, start)
        found = _NUMBERED_LABEL.match(lines[first].rstrip()) if first >= 0 else None
        heading = _PAGE_HEADING.match(lines[start])
        number = heading.group("n") if heading is not None else str(index + 1)
        if found is not None and found.group("n") == number:
            seen.setdefault(found.group("label"), set()).add(index)
            numbered.append(first)
    labels = {label for label, where in seen.items() if len(where) >= MIN_LABEL_PAGES}
    if not labels:
        return
    for at in above:
        line = lines[at].rstrip()
        label = next((label for label in labels if line.endswith(label)), "")
        if label and len(line) > len(label) and not line[-len(label) - 1].isspace():
            lines[at] = line[: -len(label)] + ("\r" if lines[at].endswith("\r") else "")
    for at in numbered:
        if _NUMBERED_LABEL.match(lines[at].rstrip())["label"] in labels:  # type: ignore[index]
            lines[at] = "\r" if lines[at].endswith("\r") else ""


MIN_LABEL_PAGES = 2
"""Pages that show where a section label starts before it is cut where it does not show."""
_CASED_LABEL = re.compile(r"(?<=[a-zà-ÿ.,;)])(?P<label>[A-ZÀ-Þ]{4,})$")
"""A word in capitals glued after a small letter or a stop at a line's end ("apnea.OVERDOSE")."""
_NUMBERED_LABEL = re.compile(r"^(?P<n>\d{1,3})[ \t]+(?P<label>[A-ZÀ-Þ]{4,})$")
"""A page's number and one word in capitals, alone on its first line ("12 OVERDOSE")."""


def _page_lines(lines: list[str], start: int) -> range:
    """The lines of the page whose heading is at `start`: up to the next heading."""
    end = next((at for at in range(start + 1, len(lines)) if lines[at].startswith("#")), len(lines))
    return range(start + 1, end)


def _first_text(lines: list[str], start: int) -> int:
    return next((at for at in range(start + 1, len(lines)) if lines[at].strip()), -1)


def _footer(lines: list[str], page_of: dict[int, int]) -> str:
    """The longest string of words (MIN_FOOTER_CHARS at least) that ends a line on
    MIN_SLIDE_PAGES pages or more; "" when there is none."""
    groups: dict[str, list[int]] = {}
    for at in page_of:
        line = lines[at].rstrip()
        if len(line) >= MIN_FOOTER_CHARS:
            groups.setdefault(line[-MIN_FOOTER_CHARS:], []).append(at)
    best = ""
    for group in groups.values():
        if len({page_of[at] for at in group}) < MIN_SLIDE_PAGES:
            continue
        ends = [lines[at].rstrip() for at in group]
        shared = _from_word(_common_end(ends), max(len(line) for line in ends))
        if len(shared) > len(best) and len(shared) >= MIN_FOOTER_CHARS and " " in shared.strip():
            best = shared
    return best


def _common_end(group: list[str]) -> str:
    """The longest string every line of `group` ends with."""
    first = group[0]
    size = min(len(line) for line in group)
    length = 0
    while length < size and all(line[-1 - length] == first[-1 - length] for line in group):
        length += 1
    return first[len(first) - length :]


_GLUED_WORD = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ][^A-ZÀ-Þ]*$")
"""The word a footer opens with, glued to the slide's title in capitals ("…HYPNOTICSThe")."""


def _from_word(common: str, longest: int) -> str:
    """The shared end of some lines from the start of a word: a line that is the whole string
    starts it; else its first word is cut to the capitalised word glued to the end of a title
    ("ICSThe Deck" -> "The Deck"), or left out when it is only the end of several words."""
    if len(common) == longest:
        return common
    first, space, rest = common.partition(" ")
    if not space:
        return ""
    glued = _GLUED_WORD.search(first)
    return f"{first[glued.start() :]} {rest}" if glued is not None else rest


_PROVENANCE_ASIDE = re.compile(
    r"(?P<lead>[ \t]*)\((?P<keep>[^()]*?,[ \t]*)?(?P<said>[^(),]*\b(?:du|de la|des|dans le|selon le"
    r"|d['’]apr[eè]s le|of the|from the|in the|per the|aus den|laut|do|da)[ \t]+(?:pdf|slides?"
    r"|diapos?|diapositives|cours|lecture|folien|poly)\b[^(),]*)\)",
    re.IGNORECASE,
)
"""An aside saying where the author read a point ("(very important reminder from the PDF)",
"(T « géante », signe majeur du PDF)"): the note's provenance, never part of a card."""


def provenance_asides(text: str) -> str:
    """The text without the asides in which its author says what the source they copied it from
    stressed (`_PROVENANCE_ASIDE`): the whole aside when that is all it says, else its last part
    ("(giant T, a major sign of the slides)" -> "(giant T)"); every line keeps its number."""
    lowered = text.lower()
    if "(" not in text or not any(word in lowered for word in _PROVENANCE_WORDS):
        return text
    # `_PROVENANCE_ASIDE.sub` tried its blank lead at every position of the text: it is tried
    # only at the brackets holding a source word, from the blanks before them (each match is
    # one such aside and its lead), which gives what the sub gives.
    parts: list[str] = []
    done = 0
    for aside in _SOURCE_ASIDE.finditer(text):
        start = aside.start()
        while start > done and text[start - 1] in " \t":
            start -= 1
        found = _PROVENANCE_ASIDE.match(text, start, aside.end())
        if found is not None:
            parts += (text[done:start], _kept_aside(found))
            done = found.end()
    return "".join(parts) + text[done:] if parts else text


_PROVENANCE_WORDS = ("pdf", "slide", "diapo", "cours", "lecture", "folien", "poly")
_SOURCE_ASIDE = re.compile(
    r"\([^()]*?(?:pdf|slide|diapo|cours|lecture|folien|poly)[^()]*\)", re.IGNORECASE
)
"""A bracketed aside with no bracket inside holding the start of a source noun: each
`_PROVENANCE_ASIDE` is one, after its blank lead."""


def _kept_aside(found: re.Match[str]) -> str:
    keep = (found.group("keep") or "").rstrip(", \t")
    if keep:
        return f"{found.group('lead')}({keep})"
    start = found.string.rfind("\n", 0, found.start()) + 1
    alone = not found.string[start : found.start()].strip()  # the line's only text: kept, a
    return found.group(0) if alone else ""  # blank line would part its paragraph


TEXT_PASSES: tuple[Callable[[str], str], ...] = (
    spaced_headings,
    tree_fences,
    template_tags,
    step_fields,
    abbreviation_lines,
    slide_pages,
    provenance_asides,
    pdf_text,
    pdf_lists,
    glyph_lists,
    scored_steps,
    examiner_prompts,
    tex_math,
    content_tabs,
    pandoc_tables,
    table_footnotes,
    definition_lists,
    glued_items,
    run_in_labels,
    reading_levels,
    comparisons,
    closed_admonitions,
    spaced_repetition,
    org_verse,
    raw_html,
    item_bold,
)
"""The whole-text rewrites before parsing, in order: each reads one dialect's block shape as the
CommonMark it means and keeps every line's number (cards cite their source line). A new one is
added here, and nowhere else."""


def as_commonmark(text: str) -> str:
    """A source's text with its dialects' block shapes rewritten (a Logseq page first: its
    outline is the whole page's structure), ready for the parser."""
    outline = logseq_outline(text)
    if outline is not None:
        text = outline
    for rewrite in TEXT_PASSES:
        text = rewrite(text)
    return text
