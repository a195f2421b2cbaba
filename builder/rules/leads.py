"""What a list or a definition is about: the lead-in before it, read as a subject.

Documents name a list's subject in several ways besides a heading, and the rules that read lists
(definition, enumeration) read them all alike:

- a label line: a bold paragraph (`**Droplets**`, `**Normal BP:**`), or a short line without a
  full stop (`Normal BP:`, `Velbarin in kidney failure`, `PK:`);
- a bold lead-in: a paragraph that opens with a bold name and goes on about it
  (`**Acute haemolytic reaction** (AHR) results from …`): the lists right after it describe
  that name;
- a lead-in sentence that ends with ":" (or "include", "such as", "..", "…");
- a condition: a bold line saying when what follows applies (`**Use when hands are not
  dirty**`), which qualifies the heading's subject ("Hand rub (when hands are not dirty)");
- a paragraph opening with an outline number (`5.) Routes of administration. Use the book.`):
  a heading written as text, its first sentence the label.

A numbered item that is only a label (`1. **Footwear**`) right over a bullet list, no blank line
between, is that list's label line: CommonMark makes them two lists, the author one labelled list.

A plain `Key signs:` line right under a list led by a bold label (the list's last item, over its
own sub-list) is a part of that label's subject: "Wet fever — key signs".

Outline numbers ("1.)", "3.") never stay in a label. A label naming a part of a subject
("Five mechanisms:", "Limitations:") joins the heading's thing: "Type II — five mechanisms".

A bold paragraph that ends as a sentence (`**Restraints are a last resort.**`) is no label but
a statement, as is a bold clause with a verb inside a paragraph (`bold_statements`: the
statements and faq rules ask them). A paragraph under a picture that opens as a caption
("Image reproduced from …", `captions`) is no source of facts for the sentence rules.

A label or a bold lead-in is the list's subject, so two lists under one heading make different
questions (and different note identities). A flag label (`**Important:**`, `Note:`, `Example:`)
names nothing; "Example:" and a section called "Case study" mark a worked example.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from ..document import Block, ListBlock, Paragraph, RawBlock, Section
from ..memory import TEXT_CACHE
from ..text import (
    BRACKET_TAGS,
    CJK,
    content_words,
    figure_in,
    heading_text,
    is_generic_heading,
    is_pep_talk,
    is_relational,
    judgement,
    lower_first,
    names_topic,
    plain,
    short_subject,
    singular,
    without_asides,
    without_emoji,
    without_step_label,
)
from .context import Context

_LINK_END = re.compile(r"\]\([^()]*\)$")
_IMAGES_ONLY = re.compile(r"(?:!\[[^\]]*\]\([^()]*\)|!\[\[[^\]]*\]\]|\s)+")
"""A paragraph of image embeds alone (`![x.png](…)`, Obsidian's `![[x.png]]`)."""
MAX_LABEL_WORDS = 8
"""A label line is short: longer lines are sentences."""
MAX_NAME_WORDS = 6
MAX_BOLD_LED_WORDS = 14
"""The longest line opening with a bold label (`**Grade 1 –** under two days a week`) read as
the label of the list under it."""
_VALUED = re.compile(r"\s+[-–—]$")
"""A bold name's closing dash (`**Echo –** …`): its value follows, outside the bold."""
_BOLD_LED = re.compile(r"^(\*\*|__)(?P<bold>(?:(?!\1).)+?)\1(?![*_])")
"""A bold lead-in names a thing in a few words."""


LeadKind = Literal["label", "name", "sentence", "flag", "condition"]


@dataclass(frozen=True, slots=True)
class Lead:
    text: str
    """The lead-in as plain text: a label or name without its colon, a sentence as written."""
    kind: LeadKind
    """"label", "name" (a bold lead-in), "sentence", "flag" (`**Important:**`, `Example:`:
    it marks what follows without naming it), or "condition" (`**Use when hands are not
    visibly dirty**`: when what follows applies, its text "when hands are not visibly
    dirty")."""
    own: bool = False
    """A plain label line naming a topic of its own in the middle of its section (`_own_topic`):
    what it leads is asked under it, never under the heading in brackets."""
    key: str = ""
    """The words its list's note identity is made of, when not its own (a sub-list asked under
    its parent's name keeps the identity it had under its item's)."""
    opens: bool = False
    """A name line (`Velbarin (Velba):`, `name_line`) over its own list: a reference page's
    entry, whose one item is its fact ("Velbarin (Velba)?" -> the item)."""
    entry: str = ""
    """The reference entry a facet label's list belongs to ("Velbarin" for `Monitoring:` after
    `Velbarin (Velba):`): a lead-in item inside that list leads a sub-list of the entry's."""
    valued: str = ""
    """The bold name alone of a line naming a thing and its value after a dash (`**Echo –**
    shows the walls`, `**Type A –** ==EF over 50%==`): the list under it tells the name's
    features, so a list answered whole asks "Echo: features?", never the name with its dash
    and value as a question. The text (and so the note identity and a cloze's front) is as
    before."""


_BOLD_ONLY = re.compile(r"^(\*\*|__)(?P<label>[^*_].*?)(\*\*|__)\s*:?$", re.DOTALL)
_BOLD_NAME = re.compile(r"^(\*\*|__)(?P<name>[^*_:]+?)(\*\*|__)(?P<rest>\s*[^\s:*].*)$", re.DOTALL)
_SENTENCE_END = re.compile(
    r"(?::|\b(?:include|includes|including|such as|are|is|as follows)|\.\.+|…)\s*$",
    re.IGNORECASE,
)


def _ends_as_lead(text: str) -> bool:
    """`_SENTENCE_END` finds an end in the text. Each of its ends closes on `:`, `.`, `…` or a
    word's last letter (e, s or g): text whose last character is another ASCII one is passed
    at once (the pattern, searched, tries its words at every position)."""
    kept = text.rstrip()
    last = kept[-1:]
    if last and last.isascii() and last not in ":.esgESG":
        return False
    if last == ":" and _STRAY_COLON.search(text) is not None:
        return False  # "… act fast.  :": a finished sentence, its colon a slip of markup
    # An end is at most 10 characters ("as follows") after a character its `\b` reads, then
    # white space to the end: the pattern is searched in the last 16 characters only.
    return _SENTENCE_END.search(kept[-16:]) is not None


_STRAY_COLON = re.compile(r"[.!]\s+:\s*$")
"""A colon set apart after a sentence's full stop (`**… you must act fast.  : **`, a bold run
closed one space late): the sentence ended; it leads nothing in, and taken for a lead-in it
named the list after it by words to the reader."""


_CUE_END = re.compile(
    r"\b(?:include|includes|including|such as|as follows|involves?|comprises?|contains?"
    r"|consists? of|envolvem?|inclui|incluem|abrangem?|incluyen?|comprenden?|incluent|comprend"
    r"|comprennent|umfass(?:t|en)|beinhalte[nt]|enthält|são|sont|sind)\s*$",
    re.IGNORECASE,
)
"""A line ending in a verb that goes on into its list ("The pathogenesis involves", "A
patogênese envolve", "Les causes sont"): a sentence leading the list in, never its label."""
FINITE_VERBS = frozenset(
    """
    is are was were be been can could may might must should will would has have had do does did
    """.split()
)
"""Verbs that make a line a clause, not a label (or a list item a sentence)."""
FLAGS = frozenset(
    """
    note notes nb important tip tips remember warning caution example hint source sources
    reference references disclaimer author date updated tags keywords summary scenario case
    """.split()
) | frozenset(("n.b.", "see also", "read more", "last updated", "last reviewed", "key point"))
"""Labels that flag what follows ("Note:", "Important:") rather than name it."""
FLAGS |= (
    frozenset(
        """
    critical key danger attention alert info reminder rule pearl pearls buzzwords buzzword
    """.split()
    )
    | frozenset(
        ("clinical pearl", "exam tip", "high yield", "high-yield", "field use", "bottom line")
    )
    | frozenset(("answer", "correct answer", "rationale"))
    | frozenset(("analogy", "metaphor", "fun fact", "pro tip", "quick tip", "in short", "trivia"))
    | frozenset("重点 要点 注意 提示 备注 注".split())
)
"""Urgency, exam and usage flags too ("CRITICAL:", "Key:", "Buzzwords:", "Field use:"), a
rhetorical aside's ("Analogy:", "Fun fact:": a picture of the fact, no name of it), and a
quiz's "Answer:" (the faq rule reads it after its question), and the flags of CJK notes ("重点：",
key point; "注意：", note): the flag asks nothing."""


def is_flag(label: str) -> bool:
    """True for a label that flags what follows rather than naming it, written any way:
    "CRITICAL", "⚠️ RULE", "Field use (without a monitor)", "Note:"."""
    lowered = plain(label).strip().rstrip(":").strip().lower()
    if lowered in FLAGS:
        return True
    if not lowered.isascii():
        lowered = without_emoji(lowered).strip()
    if lowered.endswith(")"):
        lowered = without_asides(lowered).strip()
    return lowered in FLAGS or _REPORTED.fullmatch(lowered) is not None


_REPORTED = re.compile(
    r"(?:the\s+)?(?:teacher|lecturer|professor|prof|tutor|instructor|speaker)\s+(?:also\s+)?"
    r"(?:mentioned|said|noted|stressed|emphasi[sz]ed|pointed out|added|explained|reminded us)"
    r"|老师(?:也|还|又|特别|再次)?(?:提到|说|强调|指出|提示|讲到|补充|提醒)(?:了|过)?"
)
"""Who said what follows (`The teacher mentioned:`, `老师提到：`): a lecture's run-in, no label
of a fact to ask."""


_OPEN_ENDS = frozenset(
    "if when whether by to for of with that because the a an and or while unless".split()
)
"""A line ending in one of these goes on into the list: a sentence, not a label."""
_TAG_WORD = re.compile(r"^#[A-Za-z][\w/-]*\s*:?\s*")
"""An Obsidian `#mnemonic :` tag opening a line: a comment on the list, not its words."""
_CONDITION = re.compile(
    r"^(?:use[ds]?\s+|apply\s+|only\s+)?(?P<when>(?:when|whenever|if|unless|during|before|after|once)"
    r"\s.+)$",
    re.IGNORECASE,
)
"""A bold line saying when what follows applies ("Use when hands are not visibly dirty")."""
_OUTLINED = re.compile(r"^\d{1,2}\s*[.)]+\s+\S")
"""A paragraph opening with an outline number ("5.) Routes of administration. Use the book"):
a heading written as text, its first sentence the label of what follows."""
MAX_OUTLINED_WORDS = 12
_EXAMPLE = re.compile(
    r"^(?:worked\s+)?examples?\b(?!\s+of\b)|^(?:for\s+example|for\s+instance|e\.g\.)(?:\W|$)",
    re.IGNORECASE,
)


_PICTURE_LINE = re.compile(
    r"^(?:!\[[^\]]*\]\([^()]*(?:\([^()]*\)[^()]*)*\)|!\[\[[^\]]*\]\]|<img\b[^>]*>|\s)+$"
)
"""A line that is only pictures (`![Lactate by day](lactate.png)`, `![[chart.png]]`)."""
_CAPTION_OPENS = re.compile(
    r"^(?:\*\*|__|\*|_)?(?:fig(?:ure)?\.?\s*\d*|image|img|photo(?:graph)?|picture|graph|chart"
    r"|diagram|plot|reproduced|adapted|taken|redrawn|source|credit)\b",
    re.IGNORECASE,
)


def captions(blocks: tuple[Block, ...]) -> frozenset[int]:
    """The indices of the paragraphs that caption a picture: right under a line of pictures (or
    after one in the same paragraph), opening like a caption ("Image reproduced from …",
    "Figure 2. Mean levels with 95% confidence interval …", "Adapted from …"). A caption
    describes the picture and how its study was done, so its figures are no facts to cloze
    (the figure, measure, prose_fact and prose_list rules leave it)."""
    found = []
    for index, block in enumerate(blocks):
        if not isinstance(block, Paragraph):
            continue
        before = blocks[index - 1] if index else None
        if (
            "![" not in block.text
            and "<img" not in block.text
            and not (
                isinstance(before, Paragraph) and ("![" in before.text or "<img" in before.text)
            )
        ):
            continue  # no picture here or just above: the cheap look first
        lines = [line.strip() for line in block.text.strip().splitlines() if line.strip()]
        if len(lines) >= 2 and _PICTURE_LINE.match(lines[0]) is not None:
            opening = lines[1]
        elif index and _pictured(blocks[index - 1]):
            opening = lines[0] if lines else ""
        else:
            continue
        if _CAPTION_OPENS.match(opening) is not None:
            found.append(index)
    return frozenset(found)


def _pictured(block: Block) -> bool:
    """A paragraph that is only pictures."""
    return isinstance(block, Paragraph) and all(
        _PICTURE_LINE.match(line) is not None for line in block.text.strip().splitlines()
    )


_WHOLE_BOLD = re.compile(
    r"^(\*\*|__)(?P<said>(?:[*_](?=[^*_\s])|[^*_\s])(?:(?!\1).)*?)\1(?P<end>[.!]?)$", re.DOTALL
)
"""A paragraph in bold, which may open with an italic name (`***S. aureus* is …**`)."""
_BOLD_SPAN = re.compile(r"(\*\*|__)(?P<said>[^*_\s](?:(?!\1).)*?[^*_\s])\1", re.DOTALL)
MIN_BOLD_STATEMENT_WORDS = 4
"""A paragraph all in bold, ending as a sentence does, states a rule in this many words."""
MIN_BOLD_CLAUSE_WORDS = 6
"""A bold clause inside a paragraph (with a finite verb) is a statement from this many words."""


def bold_statements(text: str) -> tuple[str, ...]:
    """What a paragraph states in the author's bold, as plain text: the whole paragraph when it
    is one bold sentence (`**We stop velbarin in anyone with kidney injury.**`, not a label
    line, which ends without a full stop, nor a question), else each bold clause inside it of
    MIN_BOLD_CLAUSE_WORDS words or more with a finite verb ("… it is worth saying that
    **velbarin does not cause low blood pressure** and …"); a bold term or phrase is none, nor
    a bold label closed by its colon."""
    source = " ".join(text.split())
    if "**" not in source and "__" not in source:
        return ()
    whole = _WHOLE_BOLD.match(source)
    if whole is not None:
        said = plain(whole.group("said")).strip() + whole.group("end")
        if said.endswith((".", "!")) and len(said.split()) >= MIN_BOLD_STATEMENT_WORDS:
            return (said,)
        return ()
    found = []
    for span in _BOLD_SPAN.finditer(source):
        if span.group("said").endswith(":") or source[span.end() : span.end() + 1] == ":":
            continue  # a label (`**The points to know:** (1) …`): its value says, not it
        said = plain(span.group("said")).strip().rstrip(",;:")
        words = said.split()
        if (
            len(words) >= MIN_BOLD_CLAUSE_WORDS
            and "?" not in said
            and any(word.lower() in FINITE_VERBS for word in words[1:])
        ):
            found.append(said[:1].upper() + said[1:])
    return tuple(found)


MAX_CLAIM_TERM_WORDS = 5
"""The longest subject (or object) a bold claim hides: a term, never a clause."""
_CLAIM_BASES = frozenset(
    """
    make cause confirm look hide catch show mean lead indicate suggest predict increase decrease
    reduce raise lower require need kill matter occur present mimic rule exclude help affect
    prevent precede follow remain become beat trump change
    """.split()
)
_CLAIM_VERBS = FINITE_VERBS | _CLAIM_BASES | frozenset(("made", "caused"))
"""Verbs a pearl's claim turns on ("Reciprocal changes confirm STEMI"): the words before one
are its subject, the term to recall."""
_CLAIM_S_FORMS = frozenset(
    base + ("es" if base.endswith(("ch", "sh", "s", "x")) else "s") for base in _CLAIM_BASES
)
"""The same verbs after a singular subject; each a plural noun too ("changes", "leads"): one
is the verb unless a verb follows it at once ("Reciprocal changes confirm …")."""
_NOT_SUBJECTS = frozenset(
    "if when whenever it this that these those they you we there here each every all".split()
)
_LEADING = frozenset("the a an".split())
_TERM = re.compile(r"\([^()]*\)|[^\s()]+")


def _bare(word: str) -> str:
    return word.lower().strip(",;:.!?")


def _claim_verb(words: list[re.Match[str]]) -> int | None:
    """The index of a claim's first verb (never its first word); a plural noun that reads as a
    verb ("changes", "leads") is one only when no verb follows it, brackets aside."""
    for at, word in enumerate(words):
        bare = _bare(word.group())
        if not at or word.group().startswith("("):
            continue
        if bare in _CLAIM_VERBS or bare.endswith(("n't", "n’t")):
            return at
        if bare in _CLAIM_S_FORMS:
            following = [w for w in words[at + 1 :] if not w.group().startswith("(")]
            if following and (
                _bare(following[0].group()) in _CLAIM_VERBS
                or _bare(following[0].group()).endswith(("n't", "n’t"))
            ):
                continue
            return at
    return None


MIN_CLAIM_WORDS = 3


def is_claim(bold: str) -> bool:
    """A bold span that is a whole sentence of its own (`**Artifact looks like VF.**`): a pearl
    stated as a claim, whose term is what to recall (`claim_term`), never the whole of it."""
    text = " ".join(bold.split()).rstrip("*_ ")
    return text.endswith((".", "!")) and len(text.split()) >= MIN_CLAIM_WORDS


def claim_term(claim: str) -> tuple[int, int] | None:
    """The span of the short term a claim stated as a whole sentence turns on (`**Bundle
    blocks make STEMI diagnosis difficult.**`, `**X is the most common cause of Y.**`): its
    subject, the words before its first verb (an article left shown), of MAX_CLAIM_TERM_WORDS
    words or fewer; else the object after the verb, as short. None when neither is short or
    the subject is a condition or a pronoun ("If you cannot explain it, …"): the claim has no
    term, and hiding it whole asks a sentence to recite."""
    words = list(_TERM.finditer(claim))
    verb = _claim_verb(words)
    if verb is None or any(word.group().endswith((",", ";", ":")) for word in words[:verb]):
        return None
    subject = words[:verb]
    if _bare(subject[0].group()) in _NOT_SUBJECTS:
        return None
    if _bare(subject[0].group()) in _LEADING:
        subject = subject[1:]
    if 0 < len(subject) <= MAX_CLAIM_TERM_WORDS:
        return subject[0].start(), subject[-1].end()
    skipped = _CLAIM_VERBS | _LEADING | frozenset(("not", "always", "often", "also"))
    after = [w for w in words[verb + 1 :] if _bare(w.group()) not in skipped]
    if 0 < len(after) <= MAX_CLAIM_TERM_WORDS and after[-1] is words[-1]:
        return after[0].start(), after[-1].start() + len(after[-1].group().rstrip(".!;:,"))
    return None


_SPELLED_LABEL = re.compile(
    r"^(?P<short>[A-Za-z](?:[/.&]?[A-Za-z]){1,5})\.?\s*:\s+"
    r"(?P<long>[A-Za-z][A-Za-z&/ -]{2,60}?)\s*:?$"
)
_JOINING = frozenset("and or of & the".split())


def spelled_label(text: str) -> str:
    """The label an abbreviation's line spells out (`S/S: Signs and Symptoms` over a list ->
    "Signs and Symptoms"): the long form's words, "and" and "of" aside, open with the short
    form's letters in order. It names the list under it, as "Signs and Symptoms:" would; read
    as `Label: value`, the card asked "S/S?" with the spelling-out as its first answer, and the
    list was asked again. "" for any other line."""
    found = _SPELLED_LABEL.match(plain(text).strip())
    if found is None:
        return ""
    letters = [char.lower() for char in found.group("short") if char.isalpha()]
    long = found.group("long").strip()
    initials = [
        word[0].lower() for word in long.replace("/", " ").split() if word.lower() not in _JOINING
    ]
    return long if initials == letters else ""


def lead_of(paragraph: Paragraph | None) -> Lead | None:
    """The lead-in a paragraph makes for the block after it, or None when it is prose."""
    return None if paragraph is None else _lead_of(paragraph.text)


@lru_cache(maxsize=TEXT_CACHE)
def _lead_of(text: str) -> Lead | None:
    # Cached: two rules read every section's lead-ins.
    source = text.strip()
    if source.startswith("!") and _IMAGES_ONLY.fullmatch(source) is not None:
        return None  # an image's alt text (often its file name) names no list under it
    tags = BRACKET_TAGS.match(source) if source.startswith("【") else None
    if tags is not None:  # `【重点】`: a tag flags the list, it names nothing; words after it may
        flag = Lead(tags.group(0).replace("】", " ").replace("【", "").strip(), "flag")
        return (_lead_of(source[tags.end() :]) or flag) if source[tags.end() :] else flag
    spelled = spelled_label(source) if "\n" not in source else ""
    if spelled:
        return Lead(spelled, "label")  # `S/S: Signs and Symptoms`: "Signs and Symptoms:"
    bold = _BOLD_ONLY.match(source)
    if bold is not None and "\n" not in source:
        valued = _valued_lead(source)  # `**Type A –** **EF over 50%**`: two bold runs
        if valued:
            return Lead(_clean(plain(source)), "label", valued=valued)
        label = without_step_label(_clean(bold.group("label")))  # "**Step 2 – Choose a drug:**"
        if is_flag(label):  # `**Important:**` flags the list; it does not name it
            return Lead(label, "flag")
        if 0 < len(label.split()) <= MAX_LABEL_WORDS and not label.endswith((".", "!", "?")):
            if _is_label_line(label):
                return Lead(label, "label")
            condition = _CONDITION.match(label)
            if condition is not None and not bold.group(0).rstrip().endswith(":"):
                return Lead(
                    condition.group("when")[:1].lower() + condition.group("when")[1:], "condition"
                )
            return Lead(_as_lead_sentence(label), "sentence")
    name = _BOLD_NAME.match(source)
    if name is not None and "\n" not in source:
        text = _clean(name.group("name"))
        rest = plain(name.group("rest")).strip()
        if 0 < len(text.split()) <= MAX_NAME_WORDS and not rest.startswith((",", "-", "—")):
            return Lead(text, "name", valued=_VALUED.sub("", text) if _VALUED.search(text) else "")
    valued = _valued_lead(source)
    if valued:
        return Lead(_clean(plain(source)), "label", valued=valued)
    text = plain(source)
    lines = source.splitlines()
    if len(lines) == 2 and lines[0].lstrip()[:1] in "*_":
        labelled = _labelled_lead(lines[0], lines[1], colon=False)
        if labelled:  # `**Korrin scale (KS)**` over `The KS … It needs:`: the bold line names
            return Lead(labelled, "label")
    if len(lines) == 2 and _titles(lines[0], lines[1]):  # "Risk factors" over its lead-in
        title = _clean(lines[0])
        return Lead(title, "flag" if is_flag(title) else "label")
    # "… can affect both.\nPK:": PK is the label; the line under an image is its caption.
    if len(lines) > 1 and not _LINK_END.search(lines[-2].rstrip()):
        last = plain(lines[-1])
        if _is_label_line(last):
            text = last
    if _is_label_line(text):
        label = _clean(text)
        return Lead(label, "flag" if is_flag(label) or _cjk_fragment(label) else "label")
    if _ends_as_lead(text) or _open_clause(text, source):
        said = _as_lead_sentence(text)
        return Lead(said, "flag" if names_no_facet(said) else "sentence")
    if _OUTLINED.match(source) is not None:
        first = _clean(_first_sentence_of(text))
        if 0 < len(first.split()) <= MAX_OUTLINED_WORDS and not first.endswith("?"):
            return Lead(first.rstrip(".!"), "label")
    bold = _BOLD_LED.match(source) if source.startswith(("**", "__")) else None
    if (
        bold is not None
        and "\n" not in source
        and not bold.group("bold").rstrip().endswith(":")  # `**Test:** Ask …`: a field's value
        and not source[bold.end() :].lstrip().startswith(":")
        and _is_label_line(bold.group("bold"))
    ):
        # `**1. *Mild asthma* –** ==under 2 days a week==` over its list: the bold name and
        # its value, too long for a label line, still name the list (not the heading above)
        label = _clean(text)
        if 0 < len(label.split()) <= MAX_BOLD_LED_WORDS and not label.endswith((".", "!", "?")):
            return Lead(label, "label")
    return None


def _valued_lead(source: str) -> str:
    """`**1. *Type A* –** ==EF over 50%==` over its list: a bold name closed by a dash, its value
    after the bold: the name alone (`Lead.valued`), or "" for any other line."""
    bold = _BOLD_LED.match(source) if source.startswith(("**", "__")) else None
    if bold is None or "\n" in source or not source[bold.end() :].strip():
        return ""
    if _VALUED.search(plain(bold.group("bold")).rstrip()) is None:
        return ""
    named = _VALUED.sub("", _clean(bold.group("bold")))
    if not 0 < len(named.split()) <= MAX_BOLD_LED_WORDS or not _is_label_line(named):
        return ""
    return "" if is_flag(named) else named  # `**Note –** …` flags what follows


_CJK_OPEN_END = re.compile(r"(?:由|的|提到|指出|强调|提示|说)$")
"""A CJK lead-in that goes on into its list: a preposition (由 "by"), a dangling 的 ("of"), a
verb of saying ("the teacher mentioned")."""
MAX_CJK_LABEL = 12


def _cjk_fragment(label: str) -> bool:
    """A CJK lead-in that is a fragment of a sentence, not a name: one with a clause's comma,
    longer than MAX_CJK_LABEL characters, or ending on a word that goes on into the list
    (`由：`, `充分暴露腋窝内的：`, `老师提到：`). Written without spaces, it reads as one word, so
    `_is_label_line` takes it for a label; it names nothing, the heading does."""
    if CJK.search(label) is None:
        return False
    bare = label.rstrip(" :")
    return (
        "，" in bare
        or ", " in bare
        or len(CJK.findall(bare)) > MAX_CJK_LABEL
        or _CJK_OPEN_END.search(bare) is not None
    )


_NO_FACET_LEAD = re.compile(
    r"^(?:(?:each|all|any|every|some|most)\s+of\s+)?(?:the\s+following|these|those)"
    r"(?:\s+(?:key|main|important))?(?:\s+(?:points?|things?|items?|considerations?|measures?))?"
    r"\s+(?:is|are)\s+(?:(?:very|all|equally)\s+)?(?:important|key|essential|crucial|vital|worth)\b"
    r"|^(?:note|remember|consider|keep in mind)\s+the\s+following\b",
    re.IGNORECASE,
)
"""A lead-in that names no facet of its items, only that they matter ("Each of the following points
is important in the management of X:", "Note the following:"): no context for an item's figure;
the heading is."""


def names_no_facet(text: str) -> bool:
    """True for a lead-in that says only that its items matter (`_NO_FACET_LEAD`)."""
    return _NO_FACET_LEAD.search(plain(text)) is not None


def _label_over(before: Block, paragraph: Paragraph) -> str:
    """`_labelled_lead` of a bold label line and the one-line paragraph right under it (the
    reader parts a bold line from the text under it)."""
    if not isinstance(before, Paragraph) or before.line + 1 != paragraph.line:
        return ""
    label, line = before.text.strip(), paragraph.text.strip()
    if "\n" in label or "\n" in line or label[:1] not in "*_":
        return ""
    return _labelled_lead(label, line)


def _labelled_lead(label: str, line: str, colon: bool = True) -> str:
    """The bold label of a lead-in written on two lines, a bold label ending in ':' over a plain
    line ending in ':' (`**Criterion C - Memory:**` / `At least one of these:`): the label names
    the list, the line under it only qualifies it, so the label is the list's subject; "" for
    any other pair of lines. Within one paragraph (`colon` False) the bold line needs no colon:
    on a line of its own over the sentence leading the list in, it titles them both."""
    if not line.rstrip().endswith(":") or line.lstrip()[:1] in "*_" or not label.rstrip():
        return ""
    bold = _BOLD_ONLY.match(label.strip())
    said = bold is not None and bold.group("label").rstrip().endswith(":")
    if bold is None or (colon and not (said or label.rstrip()[-1] == ":")):
        return ""
    named = _clean(bold.group("label"))
    if not 0 < len(named.split()) <= MAX_LABEL_WORDS or is_flag(named) or named.endswith("."):
        return ""
    return named


def _titles(title: str, line: str) -> bool:
    """A plain line naming a topic (`Risk factors`: no colon, no bold, no full stop, no verb)
    right over the sentence leading its list in (`Factors that raise it include:`), as a
    heading stands over its first sentence."""
    if title.lstrip()[:1] in "*_#" or title.rstrip().endswith(":") or not _is_label_line(title):
        return False
    return line.rstrip().endswith(":") and _ends_as_lead(plain(line)) and not _is_label_line(line)


def _open_clause(text: str, source: str) -> bool:
    """A one-line clause that stops at a word going on into what follows ("They are usually
    made of", "Risk is raised by"): a lead-in without its colon, as an outline's unfolded items
    write it. It has a verb ("Log in" has none) and no full stop."""
    words = text.split()
    if "\n" in source.strip() or not 2 < len(words) <= MAX_OPEN_CLAUSE_WORDS:
        return False
    if text.rstrip().endswith((".", "!", "?", ")")):
        return False
    if _VERB_END.search(text) is not None:
        return True  # "Symptoms start when there is" over what there is: it stops at its verb
    if _OPEN_CLAUSE.search(text) is None:
        return False
    return any(word.lower() in FINITE_VERBS for word in words[1:-1])


def is_open_clause(text: str) -> bool:
    """A one-line item or paragraph that stops at a word going on into the list under it
    (`_open_clause`): a lead-in without its colon."""
    return _open_clause(plain(text).strip(), text)


_OPEN_CLAUSE = re.compile(r"\b(?:of|by|with|from|than|that|in|into|to|for|on)\s*$", re.I)
_VERB_END = re.compile(r"\s(?:when|if|where|once)\s+there\s+(?:is|are)\s*$", re.I)
"""A clause ending on "when there is" (or "if there are"): what there is follows, so the
clause leads into it, though its verb is its last word."""
MAX_OPEN_CLAUSE_WORDS = 15


def _first_sentence_of(text: str) -> str:
    """The text up to its first full stop, exclamation or question mark before a space."""
    match = _FIRST_SENTENCE.search(text)
    return text[: match.start() + 1] if match is not None else text


_FIRST_SENTENCE = re.compile(r"[.!?](?=\s)")


def _is_label_line(text: str) -> bool:
    """A short line naming what follows: "Normal BP:", "PK:", "Velbarin in kidney failure"; not
    a sentence ("These options include:", "It is measured in two ways")."""
    line = _clean(text)
    words = line.split()
    if not 0 < len(words) <= MAX_LABEL_WORDS or line.endswith((".", "!", "?")):
        return False
    if ":" in line or _CUE_END.search(line) or words[-1].lower() in _OPEN_ENDS:
        return False
    if ". " in line and _FIRST_SENTENCE.search(line) is not None:
        return False  # "Apply thinly. Mostly rely on": two sentences, not a name
    if any(word.lower() in FINITE_VERBS for word in words[1:]):
        return False
    return not text.rstrip().endswith(":") or len(words) <= 5


def _clean(text: str) -> str:
    """Label text: plain, no emoji, no `#tag :` comment, no trailing colon."""
    text = plain(without_emoji(text)).strip()
    text = _TAG_WORD.sub("", text).strip()
    if text[:1].isdigit() or text[:1] in "IVXABCD":  # "1.) Bowel care": no outline number
        text = heading_text(text) or text
    return text.rstrip(":").strip()


def _as_lead_sentence(text: str) -> str:
    """A lead-in sentence ending with ':' ("Causes include.." -> "Causes include:")."""
    text = _TAG_WORD.sub("", text).strip()
    if _OUTLINED.match(text) is not None:  # "3.) How to open ampoules:": no outline number
        text = heading_text(text) or text
    if text.endswith(":"):
        return text
    return text.rstrip(".… ").rstrip() + ":"


_PRONOUN_LEAD = re.compile(
    r"^(?:they|it|these|this)\s+"
    r"(?=(?:(?:\w+ly|also|often|still|all|both)\s+){0,2}(?P<verb>is|are|was|were|can|may)\b)",
    re.I,
)
"""A lead-in (an item or a paragraph) opening with a pronoun and its verb ("They are usually
made of", "It can cause"); not a determiner over its noun ("These drugs are"): the pronoun
alone is replaced."""
_DUMMY_IT = re.compile(
    r"^it\s+(?:is|was|has\s+been|may\s+be|can\s+be|seems|appears)\s+(?:\w+ly\s+)?"
    r"(?:(?:thought|believed|known|said|suggested|estimated|reported|felt|assumed|argued)\b"
    r"|(?:likely|unlikely|possible|important|essential|necessary|vital|recommended|advised"
    r"|common|rare|unclear|clear|true|best|worth|useful|helpful|normal|usual|advisable|wise"
    r"|safe)\s*(?:$|(?:that|to|whether|if)\b))",
    re.I,
)
"""An "it" that stands for nothing ("It is thought that", "It is important to"): the clause
stays as written ("Stones is thought that" is no English). An "it" over an adjective that
goes on otherwise stands for a thing ("It is common in" older people: gout is)."""
_ITEM_SUBJECT = re.compile(
    r"^(?P<subject>(?:the\s+)?[A-Za-z][\w'-]*(?:\s+[\w'-]+){0,3}?)\s+(?P<verb>is|are)\s+"
    r"(?:an?|the)?\b",
    re.I,
)
_NO_SUBJECT = re.compile(r"^(?:there|they|it|these|this|that|those|some|many|most|all)\b", re.I)
_BOLD_TAG = re.compile(r"</?(?:b|strong)>|\*\*|__", re.I)
_SINGULAR_VERBS = frozenset(("is", "was"))
_PLURAL_VERBS = frozenset(("are", "were"))


def points_back(label: str) -> bool:
    """A lead-in item opening with a pronoun, one that stands for a thing or a dummy "it"."""
    return _PRONOUN_LEAD.match(label) is not None or _DUMMY_IT.match(label) is not None


def opens_with_it(text: str) -> bool:
    """A sentence whose subject is "It" or "Its …" standing for a thing named before it ("It can
    occur when …"), not a dummy "it" ("It is thought that …"): alone it says of what."""
    return _IT_OPENS.match(text) is not None and _DUMMY_IT.match(text) is None


_IT_OPENS = re.compile(r"^its?\s", re.I)


def item_subject(text: str) -> str:
    """The subject a sentence item opens with ("Kidney stones are hard deposits …" -> "Kidney
    stones"); "" for none ("There are …", "They are …")."""
    found = _ITEM_SUBJECT.match(_BOLD_TAG.sub("", plain(text)).strip()) if text else None
    if found is None or _NO_SUBJECT.match(found.group("subject")) is not None:
        return ""
    return found.group("subject")


def stands_for(label: str, text: str, named: bool = False) -> str:
    """The lead-in `label` with the pronoun it opens with replaced by the subject `text`'s
    sentence opens with ("They are usually made of" after "Kidney stones are hard deposits"
    -> "Kidney stones are usually made of"), or by `text` itself when it is a `named` subject
    (a heading's); "" when the label opens with no pronoun, with a dummy "it" ("It is thought
    that"), or when the verb does not agree in number with that subject ("It is" for "Kidney
    stones"): "Stones is thought that" is no English."""
    pronoun = _PRONOUN_LEAD.match(label)
    if pronoun is None or _DUMMY_IT.match(label) is not None or not text:
        return ""
    if named:
        about, plural = text, singular(text) != text
    else:
        found = _ITEM_SUBJECT.match(_BOLD_TAG.sub("", plain(text)).strip())
        if found is None or _NO_SUBJECT.match(found.group("subject")) is not None:
            return ""
        about, plural = found.group("subject"), found.group("verb").lower() in _PLURAL_VERBS
    verb = pronoun.group("verb").lower()
    if (verb in _SINGULAR_VERBS and plural) or (verb in _PLURAL_VERBS and not plural):
        return ""
    return f"{about[:1].upper()}{about[1:]} {label[pronoun.end() :]}"  # "The heart can be …"


def is_example(lead: Lead | None, section: Section) -> bool:
    """A worked example ("Example:", "For example:", a section called "Worked example" or "Case
    study") is not a fact to learn: its numbers hold for that example only."""
    if lead is not None and (is_example_text(lead.text) or _pep_lead(lead.text)):
        return True  # encouragement ("Good news: most people can:") is no fact either
    return any(
        _is_example_title(title) for title in (*section.path[-MAX_CASE_DEPTH:], section.title)
    )


def _pep_lead(label: str) -> bool:
    """A lead-in that is words to the reader ("Good news:", "Expectations"). A goals label alone
    over a list (`**Goals**` over `- Reduce swelling`, beside `**Intervention**`) names what a
    care plan or a rehab phase aims at: its items are the facts, read like any label's; a goal
    written out ("Goal: everyone can do it!") is judged by its words where it stands."""
    return is_pep_talk(label) and _GOALS.fullmatch(plain(label).strip().rstrip(":").strip()) is None


_GOALS = re.compile(r"(?:(?:our|your|the)\s+)?goals?", re.IGNORECASE)


MAX_CASE_DEPTH = 3
"""A case's answer may sit two levels down ("Practice cases" › "Case 1" › "Click for answer")."""


@lru_cache(maxsize=1 << 10)
def _is_example_title(title: str) -> bool:
    text = without_emoji(plain(title).strip().lower()).strip()
    return _EXAMPLE_SECTION.fullmatch(text) is not None


_EXAMPLE_SECTION = re.compile(
    r"(?:(?:worked|scenario|clinical|case|sample|practical|illustrative)\s+)?example"
    r"(?:\s*\d+)?(?:\s*[:.]\s*.*|\s+[–—-]\s+.*)?|worked\s+examples|example\s+calculations?|"
    r"(?:(?:practice|sample|patient)\s+)?(?:clinical\s+)?cases?(?:\s+(?:study|studies|scenarios?))?"
    r"(?:\s*\d+)?(?:\s*[:.]\s*.*|\s+[–—-]\s+.*)?"
    r"|(?:[a-z]+\s+)?scenarios?(?:\s*\d+)?(?:\s*[:.]\s*.*|\s+[–—-]\s+.*)?"
    r"|(?:(?:ejemplo|exemplo|exemple|esempio|beispiel)(?:\s+(?:pr[aá]c?tico|cl[ií]nico|resuelto"
    r"|pratique|clinique|pratico|clinico))?|(?:ejemplos|exemplos|exemples|esempi|beispiele)\s+"
    r"(?:pr[aá]c?ticos|cl[ií]nicos|resueltos|pratiques|cliniques|pratici|clinici)"
    r"|casos?(?:\s+(?:cl[ií]nicos?|pr[aá]c?ticos?|especial(?:es)?|reales?|clinici?))?"
    r"|cas\s+(?:cliniques?|pratiques?|\d+)|fallbeispiele?|fallstudien?|patientenf[aä]lle?)"
    r"(?:\s*\d+)?(?:\s*[:.]\s*.*|\s+[–—-]\s+.*)?"
)
"""Section titles of a worked example or a case ("Case 2: The enclosed-space fire", "Practice
cases", "Example: a child with a rash", "Clinical example", "Arrival scenario"), and their words
in Spanish, Portuguese, French, Italian and German ("Ejemplo práctico", "Caso clínico 2", "Caso
especial: …", "Cas clinique", "Fallbeispiel"): what happens in it holds for that case.
"Examples" alone (and "Ejemplos") lists instances of a thing, which are facts. A hyphenated
word is no case ("Case-control studies", "Case-fatality rate"); French "cas" needs its word or
number (an acronym "CAS" is no case)."""


def is_worked_question(section: Section) -> bool:
    """A section that walks through a test question (`**Question asks**: …`, `**Student
    thinks**: …`, `**Correct action**: …`, `**Logic**: …`): its labels are the steps of one
    worked question, not facts about a thing, so no label of it is asked. A label of the facts
    themselves (`**Situation**` in SBAR, `**Rationale**`) does not mark one alone. One pass over
    the section's paragraphs and items, each read by an anchored regex."""
    for block in section.blocks:
        if isinstance(block, Paragraph) and _SCAFFOLD_LABEL.match(block.text):
            return True
        if isinstance(block, ListBlock) and any(
            _SCAFFOLD_LABEL.match(item.text) for item in block.items
        ):
            return True
    return False


_SCAFFOLD_LABEL = re.compile(
    r"(?:\*\*|__)\s*(?:(?:the\s+)?(?:question|stem|examiner|students?|candidates?)\s+"
    r"(?:asks?|thinks?|wants?|expects?|assumes?|says?|chooses?|picks?)"
    r"|(?:correct|best|right|wrong)\s+(?:action|answer|response|choice|option)|logic)"
    r"\s*:?\s*(?:\*\*|__)\s*:?",
    re.IGNORECASE,
)
"""A bold run-in label naming a step of a worked test question, not a facet of a thing."""


def is_example_text(text: str) -> bool:
    """Text that opens a worked example: "Example:", "For example, …", "e.g. …"."""
    return _EXAMPLE.search(text) is not None


def leads(blocks: tuple[Block, ...]) -> Iterator[tuple[Lead | None, Block]]:
    """Each block with the lead-in it has: the paragraph just before it, or for a list, the
    bold lead-in it follows (with other lists in between: `**Reaction** …` then `1. **Signs**`,
    then a second list, all describe the reaction); an inner label is joined to the bold label
    of the list it ends (`_inner_label`). A lead-in sentence opening with a pronoun ("They are
    usually made of") names the subject of the paragraph before it, past the lists and such
    lead-ins between (an outline's sentence item over its lead-ins, unfolded)."""
    previous: Block | None = None
    carried: Lead | None = None
    earlier: tuple[Lead | None, ListBlock] | None = None  # the last list and its lead
    antecedent = ""  # the paragraph a lead-in's "They" may stand for
    entry = ""  # the reference entry (`Velbarin (Velba):`) whose facet labels follow
    # `seen`: blocks before this one (a label after some of its section's own content)
    for seen, block in enumerate(blocks):
        lead = lead_of(previous) if isinstance(previous, Paragraph) else None
        if isinstance(previous, Paragraph):
            if lead is not None and lead.kind == "sentence" and points_back(lead.text):
                found = stands_for(lead.text, antecedent)
                lead = Lead(found, "sentence") if found else lead
            else:
                antecedent = previous.text
        elif previous is not None and not isinstance(previous, ListBlock):
            antecedent = ""
        labelled = ""
        if isinstance(block, ListBlock) and isinstance(previous, Paragraph) and seen > 1:
            labelled = _label_over(blocks[seen - 2], previous)
        if labelled:  # `**Criterion C:**` right over `At least one of these:`: one lead-in
            lead = Lead(labelled, "label")
            carried, earlier = None, None
        elif isinstance(block, ListBlock):
            if lead is None and isinstance(previous, ListBlock):
                lead = carried or _last_item_lead(previous) or _label_item(previous, block)
            elif lead is not None and isinstance(previous, Paragraph) and earlier is not None:
                lead = _inner_label(lead, previous, *earlier)
            carried = lead if lead is not None and lead.kind == "name" else None
            bold = isinstance(previous, Paragraph) and previous.text.lstrip().startswith(
                ("**", "__")
            )
            earlier = (lead, block) if bold else None  # `**Wet fever:**` over its list
            if lead is not None and isinstance(previous, Paragraph) and seen > 1:
                lead = _own_topic(lead, previous, block)
            if isinstance(previous, Paragraph):
                lead, entry = _entry_lead(lead, previous, block, entry)
        else:
            carried = None
            if not isinstance(block, Paragraph):
                earlier = None
            if isinstance(block, RawBlock) and block.kind == "hr":
                entry = ""  # a rule ends the entry
        yield lead, block
        previous = block


_NAME_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'-]*(?: [\w'-]+){0,2})(?: \((?P<alias>[^()]{1,30})\))?:"
    r"(?: +(?P<value>\S.*))?$"
)
"""A reference page's entry line: a name of a few words, maybe its alias or brand in brackets,
a colon, and maybe a short value (`Velbarin (Velba):`, `Tosarin (Tosa): Factor R blocker.`)."""
MAX_NAME_VALUE_WORDS = 12
_FACET_WORDS = frozenset(
    """
    pharmacokinetics pharmacodynamics kinetics precautions precaution contraindications
    contraindication cautions caution warnings warning interactions interaction adverse
    reactions reaction effects effect side dosing dose doses dosage uses use indications
    indication monitoring mechanism action actions administration route routes toxicity
    antidote overdose metabolism elimination excretion absorption distribution pregnancy
    lactation nursing considerations consideration education teaching clinical patient drug
    drugs therapeutic class and of or adrs adr moa pk pd harms risks benefits complications
    tolerance
    """.split()
)
"""Words of the generic labels a reference page repeats under each entry ("Pharmacokinetics",
"Precautions and contraindications", "Adverse drug reactions (ADRs)", "Clinical use and
dosing"): with no other word, a label names a facet of the entry above, not a thing."""


def is_facet_label(label: str) -> bool:
    """True for a label naming a facet of whatever entry it sits under ("Monitoring",
    "Drug interactions", "Precautions and contraindications"), not a thing of its own."""
    text = plain(label).strip().rstrip(":").strip()
    if not text or is_relational(text):
        return bool(text)
    words = re.findall(r"[^\W\d_]+", without_asides(text).lower())
    return bool(words) and all(word in _FACET_WORDS for word in words)


def name_line(text: str) -> tuple[tuple[str, str], ...]:
    """The entries a paragraph of name lines opens, each as (name, value): `Velbarin (Velba):`
    -> (("Velbarin (Velba)", ""),), two `Tosarin (Tosa): Factor R blocker.` lines -> two
    entries with their values; () when a line is no entry line (a facet label, a flag, a
    generic heading, a clause, a long value)."""
    lines = text.strip().splitlines()
    found = []
    for line in lines:
        match = _NAME_LINE.match(line.strip())
        if match is None:
            return ()
        name, value = match.group("name"), (match.group("value") or "").strip()
        if is_facet_label(name) or is_flag(name) or is_generic_heading(name):
            return ()
        if any(word.lower() in FINITE_VERBS for word in name.split()):
            return ()
        if value and (
            len(value.split()) > MAX_NAME_VALUE_WORDS
            or (len(lines) > 1 and not value.endswith("."))
        ):
            return ()
        if not value and len(lines) > 1:
            return ()
        alias = match.group("alias")
        if not alias and " " in name:  # "Diagnostic criteria:": a phrase, a facet of its own
            return ()
        found.append((f"{name} ({alias})" if alias else name, value))
    return tuple(found)


def entries_over(paragraph: Paragraph, block: Block) -> tuple[tuple[str, str], ...]:
    """The entries a paragraph of name lines opens over the block after it (`name_line`). An
    entry with a value stands apart from its list, a blank line between: `- Velbarin: a
    hormone` over its sub-list, unfolded, is an outline's definition item, not an entry."""
    entries = name_line(paragraph.text)
    end = paragraph.line + paragraph.text.strip().count("\n")
    if entries and entries[0][1] and block.line <= end + 1:
        return ()
    return entries


def _entry_name(entries: tuple[tuple[str, str], ...]) -> str:
    """The name a run of entry lines gives the lists under it ("Tosarin and Ravarin")."""
    names = [without_asides(name).strip() or name for name, _ in entries]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _entry_lead(
    lead: Lead | None, paragraph: Paragraph, block: ListBlock, entry: str
) -> tuple[Lead | None, str]:
    """A list's lead on a reference page, and the entry its later lists belong to: a name line
    (`Velbarin (Velba):`, `Tosarin (Tosa): Factor R blocker.`) opens an entry and names its own
    list; a generic facet label after it (`Pharmacokinetics:`, `Monitoring:`) names a facet of
    that entry ("Velbarin — pharmacokinetics"), never of the section's heading, until the next
    name line, a rule or the section's end."""
    entries = entries_over(paragraph, block)
    if entries and not entries[0][1]:  # `Velbarin (Velba):`, if read as a label line
        if lead is None or lead.kind != "label":
            return lead, entry
        return replace(lead, opens=True), _entry_name(entries)
    if entries:  # `Tosarin (Tosa): Factor R blocker.` lines: their list is theirs
        name = _entry_name(entries)
        return Lead(name, "label", own=len(entries) > 1), name
    if entry and lead is not None and lead.kind == "label" and is_facet_label(lead.text):
        return Lead(f"{entry} — {lower_first(lead.text)}", "label", own=True, entry=entry), entry
    if lead is not None and lead.kind in ("label", "name"):
        return lead, ""  # a label of its own ends the entry
    if entry and lead is not None and lead.kind == "sentence":
        return replace(lead, entry=entry), entry  # "Lower the dose in:" inside an entry
    return lead, entry


def _own_topic(lead: Lead, paragraph: Paragraph, block: ListBlock) -> Lead:
    """A plain label line ending in ':' (`Cranial nerves:`, no bold, no marker) after some of
    its section's own content, naming a thing in two words or more (not a part of another,
    `Clinical features`), over a list of named entries (`Olfactory (I): smell test`, half the
    items or more): the author's sub-heading, a topic of its own that the heading above does
    not own. So is a plain title line right over the sentence leading its list in (`Risk
    factors` / `Things that raise it include:`, `_titles`), a heading in all but its '#', and a
    plain line with no colon in a heading's capitals (`Tests For Gross Balance`) over any list. A
    label opening its section, a bold one, one word, one over plain items or over values
    (`Normal range:` over `- Adults: 60–100`) stays a part of the heading's subject."""
    text = paragraph.text.strip()
    lines = text.split("\n")
    if lead.kind != "label" or text[:1] in "*_" or len(lines) > 2:
        return lead
    if len(lines) == 2:  # "Risk factors" over its lead-in sentence: a heading in all but '#'
        return Lead(lead.text, lead.kind, own=True) if _titles(*lines) else lead
    if len(lead.text.split()) < 2 or is_relational(lead.text):
        return lead
    if not text.endswith(":"):  # "Tests For Balance": a heading's capitals, its '#' lost
        return Lead(lead.text, lead.kind, own=True) if _title_case(text) else lead
    if " — " in lead.text:  # "Contraindications — absolute": a part of a label above it
        return lead
    named = sum(_ENTRY.match(plain(item.text)) is not None for item in block.items)
    if named * 2 < len(block.items) or named < 2:
        return lead
    return Lead(lead.text, lead.kind, own=True)


def _title_case(text: str) -> bool:
    """A line in a heading's capitals: every word of four letters or more capitalised, three
    such words or more ("Test for Gross Motor Movements"), not a line in capitals."""
    words = without_asides(plain(text)).split()  # "Bone Marrow (Rarely Done)": two words
    long = [word for word in words if len(word) >= 4 and word[:1].isalpha()]
    return len(long) >= 3 and all(word[:1].isupper() and not word.isupper() for word in long)


_ENTRY = re.compile(r"[^:.!?]{1,50}?:\s+[^\W\d_]+\W+[^\W\d_]")
"""A list item naming its entry before a colon and describing it in words after it (not a
value: `lawns: > 3 cm` is a measurement of the heading's thing)."""


def _inner_label(lead: Lead, paragraph: Paragraph, owner: Lead | None, above: ListBlock) -> Lead:
    """A plain label ending in ':' on the line right after a list under a bold label, with no
    blank line between: an item of that list over its own sub-list (`**Wet fever:**` / `- Affects
    the legs.` / `- Key signs:` / `  - cramps`), so a part of the list's subject ("Wet fever —
    key signs"), not a subject of its own."""
    if lead.kind != "label" or owner is None or owner.kind not in ("label", "name"):
        return lead
    text = paragraph.text.strip()
    if text.startswith(("**", "__")) or not text.endswith(":") or paragraph.line != _end(above) + 1:
        return lead  # a bold label, a name without a colon, one after a blank line: a new subject
    return Lead(f"{owner.text} — {lower_first(lead.text)}", "label")


def _end(block: ListBlock) -> int:
    """The line a list's last item ends on (its sub-lists included)."""
    item = block.items[-1]
    end = item.line + item.text.strip().count("\n")
    for inner in item.blocks:
        if isinstance(inner, ListBlock) and inner.items:
            end = max(end, _end(inner))
        elif isinstance(inner, Paragraph):
            end = max(end, inner.line + inner.text.strip().count("\n"))
    return end


def _last_item_lead(block: ListBlock) -> Lead | None:
    """A list's last item ending in ":" with nothing under it leads the list right after it
    (`* COPD causes symptoms of:` then `- breathlessness`: two bullet characters, two lists)."""
    last = block.items[-1]
    if last.blocks or not last.text.rstrip().endswith(":") or ". " in last.text:
        return None  # two sentences ("… your symptoms. They will:"): the second leans on the first
    return lead_of(Paragraph(last.text, last.line))


def _label_item(above: ListBlock, block: ListBlock) -> Lead | None:
    """A list of one item that is only a label (`1. **Footwear**`, or a plain short name after a
    number) right over a list of the other marker, with no blank line between: CommonMark ends
    the one list and starts the next, but the author wrote a labelled sub-list, so the label
    leads it ("Footwear (measures)"), as a bold label line over a list does. A plain bullet over
    a list of another bullet character is a sibling item, and a sentence is no label."""
    if len(above.items) != 1 or above.ordered == block.ordered or block.line != _end(above) + 1:
        return None
    item = above.items[0]
    if item.blocks:
        return None
    text = item.text.strip()
    bold = _BOLD_ONLY.match(text)
    if bold is not None:  # a bold name in a few words is a label, verb or not ("Sleep do's")
        label = without_step_label(_clean(bold.group("label")))
        short = 0 < len(label.split()) <= MAX_LABEL_WORDS and not label.endswith((".", "!", "?"))
        return Lead(label, "label") if short and not is_flag(label) else None
    if not above.ordered:
        return None
    lead = lead_of(Paragraph(text, item.line))
    return lead if lead is not None and lead.kind == "label" else None


def subject(lead: Lead | None, section: Section, ctx: Context) -> str:
    """The subject a list's notes name, situated in the topic: the heading's subject, or the
    label or bold name with the heading in brackets when the label does not name it ("Normal
    range (blood pressure) in vital signs"), not a heading written as a clause ("Your pharmacist
    can help"). A lead-in sentence is not a subject."""
    if lead is not None and lead.kind == "sentence" and lead.entry:
        return ctx.situate(lead.entry)  # a lead-in sentence inside a reference entry
    if lead is None or lead.kind in ("sentence", "flag"):
        return ctx.heading(section)
    if lead.kind == "condition":  # "ABHR (when hands are not visibly dirty)"
        about = short_subject(ctx.subject(section))
        return ctx.situate(f"{about} ({lead.text})" if about else lead.text)
    label = without_asides(lead.text).strip() or lead.text
    if is_connector(label):  # "Only when:": the heading says what the list is of; after
        # "Then:" the list is the next step of it ("When to feed — then:")
        heading = ctx.heading(section)
        if connector_kind(label) != "joining":
            return heading
        return f"{heading} — {lower_first(label.rstrip(': '))}"
    judged = judgement(label)
    about = _short(ctx.subject(section)) if judged else ""
    if about and "normal" not in about.lower():  # "What's normal:" under "Jaundice"; not
        # "Not normal:" under "What's normal vs what's not", a judgement already
        return ctx.situate(f"{judged[:1].upper()}{judged[1:]} {lower_first(about)}")
    if _COUNT_LEAD.fullmatch(label.rstrip(": ")) is not None:
        # "Any one of the following:" under "Grade III: Severe": a count of criteria names no
        # thing, the heading does; the count stays, in brackets, as a fact of the criteria
        # ("Grade III (any one of the following) in cholangitis: renal dysfunction?")
        heading = _short(ctx.subject(section))
        if heading and not _within(heading, ctx.topic):
            return ctx.situate(f"{heading} ({lower_first(label.rstrip(': '))})")
    if is_relational(label):  # "Five mechanisms:" under "Type II": a part of the heading's thing
        thing = ctx.outer_thing(section) if lead.own else ctx.thing(section)
        if thing and not _within(thing, ctx.topic) and not names_topic(label, thing):
            return ctx.situate(f"{thing} — {lower_first(label)}")
        if thing and not _within(thing, ctx.topic) and (rest := _part_beyond(label, thing)):
            return ctx.situate(f"{thing} — {rest}")  # "HEART score — interpretation"
    about = ctx.subject(section)
    heading = _short(about)
    thing, dash, part = about.partition(" — ")
    if dash and part and names_topic(label, thing) and not names_topic(label, part):
        # `- Drug A` over its list under "Drugs A and B › Side effects": the label names one of
        # the things above, the section what the list is of ("Drug A — side effects")
        return ctx.situate(f"{label} — {part}")
    if not heading or _within(heading, ctx.topic) or names_topic(label, heading):
        return ctx.situate(label)
    if _says(heading) or lead.own:  # "Your pharmacist can help": a heading that says, no
        return ctx.situate(label)  # thing to name; `Cranial nerves:` a topic of its own
    if spelled_by_list(heading, section):  # `## ALT and AST` over their names in full: the
        return ctx.situate(label)  # heading in brackets would show the answers' initials
    if _one_of_listed(label, heading):  # `Bilirubin` under `## ALP, GGT and bilirubin`: the
        return ctx.situate(label)  # label is the one the heading's list names, not all of it
    return ctx.situate(f"{label} ({lower_first(heading)})")


def spelled_by_list(heading: str, section: Section) -> bool:
    """True when a heading is only abbreviations (`ALT and AST`, `GGT, ALP`) and a list of the
    section's holds exactly their long forms (`- Alanine aminotransferase` …), one item each:
    beside the list, the heading gives its items away."""
    names = [name for name in _ABBREVIATION_JOINS.split(plain(heading).strip()) if name]
    if len(names) < 2 or not all(_ABBREVIATION.fullmatch(name) for name in names):
        return False
    for block in section.blocks:
        if not isinstance(block, ListBlock) or len(block.items) != len(names):
            continue
        longs = [" ".join(plain(item.text).split()) for item in block.items]
        if all(any(_long_form(name, long) for long in longs) for name in names) and all(
            any(_long_form(name, long) for name in names) for long in longs
        ):
            return True
    return False


def _one_of_listed(label: str, heading: str) -> bool:
    """True when a heading lists a few things (`ALP, GGT and bilirubin`) and the label is one of
    them."""
    names = [name.lower() for name in _ABBREVIATION_JOINS.split(plain(heading).strip()) if name]
    said = plain(label).strip(" :").lower()
    return 1 < len(names) <= 6 and said in names


_ABBREVIATION = re.compile(r"[A-Z][A-Z0-9]{1,5}")
_ABBREVIATION_JOINS = re.compile(r"\s*(?:,|/|&|\band\b|\bor\b|\bvs\.?)\s*")


def _long_form(short: str, long: str) -> bool:
    """A few words whose first letter is the abbreviation's and in which its other letters come
    in order ("Alanine aminotransferase" for ALT, "Gamma-glutamyl transferase" for GGT)."""
    words = long.split()
    if not 1 < len(words) <= 5 or long[:1].lower() != short[:1].lower():
        return False
    rest = iter(long[1:].lower())
    return all(letter in rest for letter in short[1:].lower())


def is_connector(label: str) -> bool:
    """A lead-in of only a joining word or a bare condition ("Then:", "Entonces:", "Por lo
    tanto:", "Only when:", "Solo cuando:"): it says how the list follows what came before,
    never what the list is of."""
    return bool(connector_kind(label))


def connector_kind(label: str) -> str:
    """ "joining" for a lead-in of only a joining word ("Then:", "Por lo tanto:"), "condition"
    for a bare condition ("Only when:", "Solo cuando:"), "" for any other."""
    said = " ".join(plain(without_emoji(label)).lower().strip(" :.,;!¡?¿…").split())
    if said in _JOINING_WORDS:
        return "joining"
    return "condition" if said in _BARE_CONDITIONS else ""


_JOINING_WORDS = frozenset(
    (
        *"then so therefore thus also next afterwards finally entonces luego después despues "
        "además ademas así asi então entao depois portanto logo também alors puis ensuite donc "
        "aussi dann danach daher deshalb außerdem poi quindi allora dunque inoltre".split(),
        "after that",
        "and then",
        "por lo tanto",
        "por tanto",
        "y luego",
        "y después",
        "a continuación",
        "e depois",
        "por isso",
        "et puis",
        "par conséquent",
        "e poi",
        "di conseguenza",
    )
)
"""Joining words a lead-in may be alone, in the languages notes come in."""
_BARE_CONDITIONS = frozenset(
    (
        "only when",
        "only if",
        "solo cuando",
        "sólo cuando",
        "solo si",
        "sólo si",
        "apenas quando",
        "somente quando",
        "só quando",
        "seulement si",
        "seulement quand",
        "nur wenn",
        "solo quando",
        "solo se",
    )
)
"""A condition's opening words alone before the list that completes it ("Only when:")."""


def _says(heading: str) -> bool:
    """A heading written as a clause ("Your pharmacist can help with colds", "Rest is best"):
    in brackets after a label it would read as the label's subject. One asking ("How it is
    spread") names a relation, and stays."""
    words = plain(heading).lower().split()
    if words[:1] and words[0] in _ASKING:
        return False  # "How the disease is spread": names what the label's answer is
    return any(word in FINITE_VERBS for word in words)


_ASKING = frozenset("how what when where which who whom whose why".split())


def _part_beyond(label: str, thing: str) -> str:
    """The words of a relational label beyond the thing it half names ("Score interpretation"
    under "HEART Score" -> "interpretation"); "" when the label names the whole thing ("Asthma
    symptoms" under "Asthma") or only the thing."""
    wanted = content_words(thing)
    if not wanted or wanted <= content_words(label):
        return ""
    kept = [word for word in label.split() if not content_words(word) & wanted]
    return lower_first(" ".join(kept)) if kept and len(kept) < len(label.split()) else ""


_COUNT_LEAD = re.compile(
    r"(?:any|all|at least|one or more|two or more|(?:any )?(?:one|two|three|four|\d+)"
    r"(?: or more)?)(?: (?:one|two|three|four|\d+)(?: or more)?)? of the following(?: criteria)?",
    re.IGNORECASE,
)
"""A lead-in that only counts the criteria under it ("Any one of the following", "Two or more
of the following", "All of the following criteria")."""


def _short(heading: str) -> str:
    """A heading as a bracketed aside: without its own brackets or subtitle ("Type II —
    Antibody-mediated cytotoxicity" -> "Type II")."""
    heading = without_asides(heading).strip()
    for separator in (" — ", " – ", ": "):
        heading = heading.split(separator, 1)[0]
    return heading.strip()


def _within(heading: str, topic: str) -> bool:
    """True when the heading says no more than the topic ("Preeclampsia" in a deck on it)."""
    words = content_words(heading)
    return bool(words) and words <= content_words(topic)


_INDEX = re.compile(r"\b(?:buzz\s?words?|key\s?words?)\W*$", re.IGNORECASE)
"""A heading or label naming a keyword index ("INICET Buzzwords", "Exam keywords")."""


def is_index(text: str) -> bool:
    """True for a list's label or heading that names an index of keywords ("INICET Buzzwords",
    "Must-use exam keywords"): its items restate the page's facts as bare words, no cue saying
    which one a deletion hides."""
    return "word" in text.lower() and _INDEX.search(plain(text)) is not None


_BOLD_SUBJECT = re.compile(r"^(\*\*|__)(?P<subject>[^*_\n]{1,60}?)\1(?P<after>\s*[-–—:]?\s*)")
MAX_SUBJECT_WORDS = 6


def bold_subject(text: str) -> str:
    """The bold phrase an item opens with, as its subject (`**Nitrates** dilate veins …;
    contraindicated if …`, `**Heparin -** …`): a clause cut from a later part of the item
    (`clause_of`) says nothing of what it is about without it. "" when the item opens with no
    bold phrase, or with one that is a flag ("**Note:**"), a letter of a mnemonic (`**R**est`)
    or a figure."""
    found = _BOLD_SUBJECT.match(text.strip()) if text[:2] in ("**", "__") else None
    if found is None or text.strip()[found.end("subject") + 2 : found.end("subject") + 3].isalnum():
        return ""
    subject = plain(found.group("subject")).strip().rstrip(":-–— ").strip()
    if (
        not subject
        or len(subject.split()) > MAX_SUBJECT_WORDS
        or is_flag(subject)
        or figure_in(subject)
    ):
        return ""
    return subject


_MATH = re.compile(r"\\\( .{1,500}? \\\)|\\\[ .{1,500}? \\\]")
"""Math kept for MathJax (`\\( 5 mg/kg \\)`, as `dialects.tex_math` writes it)."""
MAX_MATH_FIGURE = 30
"""The longest math (without its delimiters) deleted whole for the figure it holds."""


def out_of_math(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """`spans` with none inside math: a deletion inside `\\( … \\)` breaks MathJax (and shows
    the TeX around it), so a figure written as short math (`$5 mg/kg$`) is deleted with its
    delimiters, and one in a longer formula is not asked."""
    regions = [match.span() for match in _MATH.finditer(text)]
    if not regions:
        return spans
    kept: list[tuple[int, int]] = []
    for start, end in spans:
        region = next((r for r in regions if start < r[1] and r[0] < end), None)
        if region is None:
            span = (start, end)
        elif region[1] - region[0] - 6 <= MAX_MATH_FIGURE:
            span = (min(start, region[0]), max(end, region[1]))
        else:
            continue
        if not any(span[0] < other[1] and other[0] < span[1] for other in kept):
            kept.append(span)
    return sorted(kept)
