"""The small vocabulary the rules share to phrase notes: plain text from inline Markdown, the
words that carry meaning, singular kinds, topic phrases, a table cell's points."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import lru_cache
from html import unescape

from .memory import TEXT_CACHE

_STOPWORDS = frozenset(
    """
    a an and are as at be by for from in into is it its of on or the to with how what why when
    which who can may this that these those their there
    """.split()
)


@lru_cache(maxsize=TEXT_CACHE)
def normalise(text: str) -> str:
    """A key-friendly form of a question or subject: case, emphasis, spacing and quotes folded."""
    text = unicodedata.normalize("NFKC", text)
    if _foldable(text):  # str.translate is slow, and most text has nothing to fold
        text = text.translate(_KEY_FOLD)
    text = single_spaced(text).lower()
    return text.rstrip("?:.!").replace("|", "/")


_KEY_FOLD = str.maketrans({"*": None, "_": None, "`": None, "’": "'", "‘": "'", "“": '"', "”": '"'})
_KEY_FOLDED = re.compile("[*_`’‘“”]")


def _foldable(text: str) -> bool:
    """Whether `_KEY_FOLD` changes the text. ASCII text (most keys) can only hold `*`, `_` or a
    backtick, which `in` finds faster than the regex."""
    if text.isascii():
        return "*" in text or "_" in text or "`" in text
    return _KEY_FOLDED.search(text) is not None


_BR = re.compile(r"<br\s*/?>", re.IGNORECASE)
_LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
"""A link or image: its text holds no bracket and its target no parenthesis, so each try stops
at the next one (a run of `[` or `](` costs linear time, not quadratic)."""
_EMPHASIS = re.compile(
    r"(\*\*|\*|`)(.+?)\1"
    r"|(?<![^\W_])(__?)((?:[^_]|(?<=[^\W_])_|_(?![^\W_]))+?)\3(?![^\W_])"
)
"""Emphasis and code spans, their text kept. An underscore between letters or digits
(`ALPHA_IV_LOAD`, `x_2_y`) opens and closes nothing, as in CommonMark: it is part of a word.
An underscore run's text holds no underscore that could open one (after a non-word character,
before a letter), so each try stops at the next opener: `_a _a _a …` costs linear time, not
quadratic."""


# Replacements for re.sub as functions: a template ("\\2") is expanded in Python per match.
_first_group = operator.methodcaller("group", 1)


@lru_cache(maxsize=TEXT_CACHE)
def plain(markdown: str) -> str:
    """Inline Markdown reduced to text, for phrasing questions from headers and cells."""
    text = markdown
    # Each substitution only where it can apply (none adds what a later one looks for): `in`
    # finds that faster than any regex.
    if "<" in text:
        text = _BR.sub("; ", text)
    if "[" in text:
        text = _LINK.sub(_first_group, text)
    escaped = "\\" in text and _ESCAPED.search(text) is not None
    if escaped:  # `\*`, `\_`: the character itself, never a mark of emphasis
        text = _ESCAPED.sub(_held, text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub(_emphasised, text)
    if escaped:
        text = text.translate(_RELEASED)
    return single_spaced(text)


def without_code_asides(markdown: str) -> str:
    """A heading or label without the author's asides in code spans: a span glued to the word
    before it ("Drug classes" then a span "keep this order!"; "func" then "slows the heart") is
    a remark, not the name, and leaves a space; an empty one (two backticks) is nothing. A span
    after a space ("at" then "ectopic foci") or alone ("ERP") is the author's words and stays."""
    if "`" not in markdown:
        return markdown
    runs = [(found.start(), found.end()) for found in _BACKTICKS.finditer(markdown)]
    following: list[int] = [-1] * len(runs)  # the next run of the same length: the span's end
    latest: dict[int, int] = {}
    for index in range(len(runs) - 1, -1, -1):
        length = runs[index][1] - runs[index][0]
        following[index] = latest.get(length, -1)
        latest[length] = index
    words_from = len(markdown) - len(markdown.lstrip())  # where the heading's words start
    out: list[str] = []
    done = index = 0
    while index < len(runs):
        end = following[index]
        if end < 0:
            index += 1  # a run nothing closes: the author's backticks
            continue
        start, stop = runs[index][0], runs[end][1]
        inside = markdown[runs[index][1] : runs[end][0]]
        if not inside.strip():
            out += (markdown[done:start], "")
            done = stop
        elif start > words_from and not markdown[start - 1].isspace():
            out += (markdown[done:start], " ")  # glued to the word before it: an aside
            done = stop
        index = end + 1
    if not done:
        return markdown
    return single_spaced("".join(out) + markdown[done:])


_BACKTICKS = re.compile(r"`+")


def _emphasised(found: re.Match[str]) -> str:
    """The text inside a `_EMPHASIS` match, whichever of its two alternatives matched."""
    inside = found.group(2)
    return found.group(4) if inside is None else inside


_ESCAPED = re.compile(r"(?<!\\)\\([*_`'\"])")
"""A backslash escape of an emphasis mark, as CommonMark reads it: the mark shown as text; and of
a quote, as pandoc writes every apostrophe (`l\\'enfant`): the quote itself. An escaped backslash
(`\\\\`) stays as written: turned into one, it would open MathJax (`\\\\]`)."""
_HOLDING = {"*": "\ue000", "_": "\ue001", "`": "\ue002"}
_RELEASED = str.maketrans({held: char for char, held in _HOLDING.items()})


def _held(match: re.Match[str]) -> str:
    return _HOLDING.get(match.group(1), match.group(1))


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`, without splitting text that is single-spaced already: the only
    white space printable text can hold is spaces."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(plain(text).lower())


@lru_cache(maxsize=TEXT_CACHE)
def content_words(text: str, min_length: int = 3) -> frozenset[str]:
    """Words that carry meaning, lightly stemmed so 'metastases' names 'metastasis'."""
    stems = _STEMS.get(min_length) or _STEMS.setdefault(min_length, _Stems(min_length))
    found = set(map(stems.__getitem__, words(text)))  # each word looked up in C, not a call
    found.discard("")
    return frozenset(found)


class _Stems(dict[str, str]):
    """Each word's `_content_stem` for one least length, worked out on its first lookup. A
    text's vocabulary repeats far more than its sentences do; at `MAX_STEMS` words the dict
    starts afresh. (Stopping it there instead kept a long document's first words for good and
    missed its common ones ever after: "with", asked 12,000 times in the 20,000-item course.)"""

    __slots__ = ("min_length",)

    def __init__(self, min_length: int) -> None:
        super().__init__()
        self.min_length = min_length

    def __missing__(self, word: str) -> str:
        stem = _content_stem(word, self.min_length)
        if len(self) >= MAX_STEMS:
            self.clear()
        self[word] = stem
        return stem


MAX_STEMS = 1 << 13
_STEMS: dict[int, _Stems] = {}


def _content_stem(word: str, min_length: int) -> str:
    """The stem of a word that carries meaning; "" for a stopword or a short word (a stem is
    never empty)."""
    if word in _STOPWORDS or len(word) < min_length:
        return ""
    return _stem(word)


def _stem(word: str) -> str:
    last = word[-1:]
    if last == "s":  # every suffix ends in "s"
        for suffix in ("ases", "asis", "ies", "es", "s"):
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    elif last != "e":  # most words: nothing to take off
        return word
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def names_topic(text: str, topic: str) -> bool:
    """True when text already names the topic (shares most of its meaningful words)."""
    wanted = content_words(topic)
    if not wanted:  # only short words ("TB", "MI"): named when they stand in the text as words,
        # and not wanted by a text that names a subject of its own in several words (what an
        # acronym adds to "Criteria for the diagnosis of diabetes" is noise)
        short = plain(topic).strip().lower()
        if not short or len(content_words(text)) >= 3:
            return True
        return re.search(rf"(?<!\w){re.escape(short)}(?!\w)", plain(text).lower()) is not None
    needed = max(1, (len(wanted) + 1) // 2)
    # A stem is the start of its word, so a text can only share the stems it holds as text:
    # most texts hold too few of them to be worth splitting into words.
    lowered = plain(text).lower()
    if sum(1 for stem in wanted if stem in lowered) < needed:
        return False
    have = content_words(text)
    shared = wanted & have
    if len(wanted) > 1 and shared and shared <= _ONSET_STEMS:
        return False  # "Acute treatment" never names "acute pancreatitis": only its qualifier
    return len(shared) >= needed


_ONSET_STEMS = content_words("acute chronic subacute")
"""A disease's qualifiers of onset: shared with a topic of several words alone ("Acute treatment"
and "acute pancreatitis"), they name no disease."""


def singular(phrase: str) -> str:
    """'Risk Factors' -> 'Risk Factor'; 'Factors Affecting Prognosis' -> 'Factor Affecting ...'.

    The noun that names one row's kind is the first word when a qualifier follows it, else the last.
    """
    parts = plain(phrase).split(" ")
    qualified = any(word.lower() in _QUALIFIERS or word.endswith("ing") for word in parts[1:])
    index = 0 if qualified or len(parts) == 1 else len(parts) - 1
    parts[index] = _singular_word(parts[index])
    return " ".join(parts)


_QUALIFIERS = frozenset(["for", "of", "in", "on", "with", "to", "by", "from", "and"])


def _singular_word(word: str) -> str:
    lowered = word.lower()
    if lowered.endswith("ies") and len(lowered) > 4:
        return word[:-3] + "y"
    if lowered.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if lowered.endswith("s") and not lowered.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@lru_cache(maxsize=TEXT_CACHE)
def lower_first(text: str) -> str:
    """A header used mid-sentence: 'Survival Rate' -> 'survival rate'; acronyms ('CT') are kept,
    and so is a letter or Roman numeral naming a kind ('Type I diabetes', 'Vitamin A', 'I')."""
    words = text.split(" ")
    return " ".join(
        word
        if (word.isupper() and len(word) > 1)
        or _has_inner_capital(word)
        or (
            _is_letter_name(word)
            and (word != "A" or _names_kind(words[index - 1] if index else ""))
        )
        else word.lower()
        for index, word in enumerate(words)
    )


def _is_letter_name(word: str) -> bool:
    """One capital letter, bare or before a closing mark ('I', 'B,', 'C)')."""
    core = word.rstrip(".,;:)!?")
    return len(core) == 1 and core.isupper()


def _names_kind(word: str) -> bool:
    return word.lower().strip("(") in KIND_WORDS


KIND_WORDS = frozenset(
    "type class grade stage phase category vitamin hepatitis factor group schedule level "
    "lead zone part tier influenza".split()
)
"""Words a letter or Roman numeral names a kind of: 'Type I', 'Class A', 'Vitamin A'."""
KIND_NUMERAL = re.compile(
    r"\b(?i:" + "|".join(sorted(KIND_WORDS)) + r")\s+[IVX]+(?:\s*(?:[/–-]|and|or|to)\s*[IVX]+)*\b"
    r"|\b[IVX]+\s*(?:[/–-]|and|or|to)\s*(?:II|III|IV|V)\b"
)
"""A Roman numeral naming a kind ('Type I', 'stage I–II', 'phase I/II trials'), not the pronoun."""


def _has_inner_capital(word: str) -> bool:
    return any(char.isupper() for char in word[1:])


_BREAK = re.compile(r"\s*<br\s*/?>\s*", re.IGNORECASE)
_BULLET = re.compile(r"^(?:[-–—*]\s+|•\s*)")
"""A list marker before a point: a dash needs the space after it, so "-1000" keeps its minus."""
_ENTITY_BEFORE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*)$")


def split_points(cell: str) -> list[str]:
    """The separate points of a table cell, written `<br>`- or `; `-separated in the source.

    A `;` inside parentheses or brackets ("necrosis (NAPQI; antidote NAC)") or ending an HTML
    entity (`&amp;`) separates nothing; a point of dashes only ("--") is no point.
    """
    parts = _BREAK.split(cell) if "<" in cell else (cell,)
    points = []
    for part in parts:
        for piece in _semicolon_parts(part) if ";" in part else (part,):
            point = piece.strip()
            if point[:1] in _MARKS:
                point = _BULLET.sub("", point)
            if point.strip("-–—•* "):
                points.append(point)
    return points


_MARKS = frozenset("-–—*•")


def _semicolon_parts(text: str) -> list[str]:
    """`text` cut at each `;` followed by white space, outside parentheses and brackets, that
    does not end an HTML entity."""
    parts = []
    depth = start = 0
    for index, char in enumerate(text):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth = max(0, depth - 1)
        elif (
            char == ";"
            and depth == 0
            and text[index + 1 : index + 2].isspace()
            and _ENTITY_BEFORE.search(text, start, index) is None
        ):
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return parts


def as_list(points: list[str]) -> str:
    """One point as itself, several as a Markdown bullet list."""
    if len(points) == 1:
        return points[0]
    return "- " + "\n- ".join(points) if points else ""


_SMALL_WORDS = frozenset("a an and as at by for from in into of on or the to vs with".split())


def topic_phrase(text: str) -> str:
    """A title as a phrase used mid-sentence ("... in <topic>").

    Title Case is lowered word by word ("Breast Cancer Metastasis" -> "breast cancer metastasis"),
    anything else only in its first letter; acronyms ("COPD", "HbA1c") are kept either way.
    """
    text = " ".join(text.split())
    long_words = [word for word in text.split(" ") if len(word) > 3 and word[:1].isalpha()]
    if len(long_words) >= 2 and all(word[0].isupper() for word in long_words):
        return lower_first(text)
    named = [w for w in text.split(" ") if w[:1].isalpha() and w.lower() not in _SMALL_WORDS]
    if len(named) >= 2 and all(word[0].isupper() for word in named):  # "Imaging of the Jaw"
        return lower_first(text)
    first = text.split(" ", 1)[0]
    if (len(first) > 1 and first.isupper()) or any(char.isupper() for char in first[1:]):
        return text
    return text[:1].lower() + text[1:]


_TEMPLATE_PART = re.compile(r"\{\{|\}\}|\{([^{}]*)\}|[{}]")


def fill(template: str, values: dict[str, str]) -> str:
    """`template` with each `{name}` replaced by `values[name]` (`{{` and `}}` for braces):
    what `str.format` does for plain names, and nothing else, as a template comes from a
    manifest: `{subject.__class__}` or `{subject[0]}` would print Python's internals on cards.
    Raises ValueError naming the first part that is not a known name."""

    def replace(match: re.Match[str]) -> str:
        part = match.group(0)
        if part in ("{{", "}}"):
            return part[0]
        name = match.group(1)
        if name is None or name not in values:
            known = ", ".join("{" + key + "}" for key in values)
            raise ValueError(f"{part!r} is not one of {known}")
        return values[name]

    return _TEMPLATE_PART.sub(replace, template)


# Subjects: what a page title or a heading is about, as the words a front can use.

_TAG = re.compile(r"</?[A-Za-z][^<>]*>")
_ATTRIBUTES = re.compile(r"\s*\{\s*[:#.][^{}]*\}")
"""`{: .class}`, `{#id}`, `{:target="_blank"}`: attribute lists of other Markdown dialects."""
_OUTLINE = re.compile(
    r"^(?:"
    # "Module 3:", "Chapter 2 —", "Lesson 3.1:", "Level 2 —": a course label needs a separator
    # after its number ("Stage 2 hypertension" is a subject).
    r"(?:module|chapter|lesson|unit|part|section|week|day|lecture|session|level|topic|tier|"
    r"appendix)"
    r"\s+(?:\d+(?:\.\d+)*|[ivxlc]+|[a-z])\s*[.:)\-–—|]+\s*"
    r"|\d+(?:\.\d+){2,}\.?\)?\s+"  # "2.2.3 Limitations", "12.3.1 Drugs"
    r"|\d+\.\d+\.?\)?\s+(?-i:(?=[A-Z]))"  # "2.1 Introduction", not "2.5 mg doses"
    r"|\d+\s*[.)]+(?:\s+|$)"  # "2. Pulse", "1.) How", "3) Diet", not "0.9% saline"
    r"|(?-i:\d{1,3}[a-z][.)]\s+)"  # "10b. Chronic failure", a sub-section's number and letter
    r"|\d+\s*[:\-–—]\s+"  # "06 - Hypersensitivity"
    r"|(?-i:[A-Z][.)]\s+(?=[A-Z]))"  # "A. Medication administration", not "C. difficile"
    r"|(?-i:[IVX]+[.)]\s+(?=[A-Z]))"  # "IV. Fluids"
    # "a. Thin limb", "iv) Phase 2", "b. 肾小球": a sub-heading's letter or roman numeral, lower
    # case, before a capital or a letter of a script without case (not "e. coli", "vs. x")
    r"|(?-i:(?:[a-z]|[ivx]{2,4})[.)]\s+(?=[^\W\da-z_]))"
    r")",
    re.IGNORECASE,
)
_SEPARATORS = " -–—:|"
_STEP_LABEL = re.compile(
    r"^(?:step|stage|phase)\s+(?:\d+|[ivx]+|[a-z])\s*[.:)\-–—|]+\s*(?=\w)", re.IGNORECASE
)
"""A procedure's label before the name of its thing ("Step 1: Aspirin (IMMEDIATELY)", "Phase 3 -
Recovery"): the thing is the subject; its number and the aside on timing or conditions are not.
A label with no separator names a subject ("Stage 2 hypertension")."""


_ORDINAL_LABEL = re.compile(
    r"^(?:(?:step|phase|paso|etapa|fase|étape|schritt)\s+(?:\d{1,2}|[ivx]{1,4}|[a-z])"
    r"|optional|opcional|optionnel|facoltativo|bonus)\s*[.:)\-–—|]+\s*(?=\w)",
    re.IGNORECASE,
)
"""A bold label's place in a procedure ("Step 2 – Choose a drug", "Optional – Trials"): the order
the author wrote the steps in, no part of what a front asks about."""


def without_step_label(label: str) -> str:
    """A label without its step number or "Optional –" ("Step 1 – Open the airway" -> "Open the
    airway"); a stage keeps its number ("Stage 2 – Mild" is that stage), and a label with no
    separator after its number names a subject ("Step 2 hypertension")."""
    if label[:1] not in "SsPpOoEeFfBb":
        return label
    found = _ORDINAL_LABEL.match(label)
    return label[found.end() :] if found is not None else label


def without_emoji(text: str) -> str:
    """Text without emoji and pictographs (and their joiners and variation selectors). Symbols
    a fact may need (°, ±, →, ™, ✓ is kept out too: it marks an answer, not a subject) below
    U+2300 stay."""
    if text.isascii() or _MAY_BE_PICTOGRAPH.search(text) is None:
        return text
    kept = [char for char in text if not _is_pictograph(char)]
    return "".join(kept)


def without_decoration(text: str) -> str:
    """A card's question without the pictographs that decorate it (`🚨 Call 911 if:`, `Ecg: 💎
    {{c1::…}}`), each taking the space after it along, as `without_emoji` reads them; the marks
    an answer key uses (✓ ✔ ✗ ✘) stay. A question shows its words, a deletion hides no emoji."""
    if text.isascii() or _MAY_BE_PICTOGRAPH.search(text) is None:
        return text
    kept: list[str] = []
    dropped = False
    for char in text:
        if _is_pictograph(char) and char not in _ANSWER_MARKS:
            dropped = True
            continue
        if dropped and char == " " and (not kept or kept[-1] in " \n({"):
            dropped = False
            continue  # "- 🚨 Call" -> "- Call", never "-  Call"
        dropped = False
        kept.append(char)
    return "".join(kept)


_ANSWER_MARKS = frozenset("✓✔✗✘☑☒")


_MAY_BE_PICTOGRAPH = re.compile("[\u200d\u20e3\ufe0e\ufe0f\u2300-\U0010ffff]")
"""What a pictograph can be: most non-ASCII text (é, °, µ, –, ≥, →) has none of it."""


def _is_pictograph(char: str) -> bool:
    code = ord(char)
    if code in (0x200D, 0xFE0F, 0xFE0E, 0x20E3):
        return True
    if code < 0x2300:
        return False
    return unicodedata.category(char) in ("So", "Sk") or 0x1F000 <= code <= 0x1FAFF


_STEP_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")


@lru_cache(maxsize=1 << 12)
def heading_text(title: str) -> str:
    """A heading as a front names it: its words without outline numbers ("2.2.3", "4.", "b.",
    "iv)", "Level 2 —", "Module 3:"), a step label and its aside ("Step 1: Aspirin (IMMEDIATELY)" ->
    "Aspirin"), emoji, HTML tags or attribute lists. A number at the start of a
    front would also render as a Markdown list ("2. Pulse" shows as item 2)."""
    text = plain(without_code_asides(title) if "`" in title else title)
    if "<" in text:
        text = _TAG.sub("", text)
    if "{" in text:
        text = _ATTRIBUTES.sub("", text)
    text = single_spaced(without_emoji(text)).strip(_SEPARATORS)
    if text[:1] in "SsPp" and (step := _STEP_LABEL.match(text)) is not None:
        text = _STEP_ASIDE.sub("", text[step.end() :]).strip(_SEPARATORS) or text[step.end() :]
    while (outline := _OUTLINE.match(text)) is not None and outline.end() < len(text):
        text = text[outline.end() :].strip(_SEPARATORS)
    if _may_be_provenance(text):  # "Key points (PDF)" -> "Key points"
        text = _DISEASE_CODE.sub("", _PROVENANCE.sub("", text)).strip(_SEPARATORS) or text
    if "#" in text:  # "Mistake #2: Skipping a step" -> "Mistake: Skipping a step"
        text = _HASH_NUMBER.sub("", text)
    if text.endswith(")") and (shown := _SHOWN_AS.search(text)) is not None and shown.start():
        text = text[: shown.start()]  # "Where it lives (visual)": how the section shows it
    if ">" in text and len(ARROW.findall(text)) > 1:
        # `A --> B --(-)> C --> D`: a chain is the fact its list explains, no topic; its
        # first step names what the section is about
        text = ARROW.split(text, maxsplit=1)[0].strip(_SEPARATORS) or text
    if ">" in text:  # `Cortisol --(+)-> PMNT`: the arrow as a reader draws it, not its ASCII
        text = drawn_arrows(text)
    return _sentence_case(text) if text.isupper() else text


def drawn_arrows(text: str) -> str:
    """`text` with each ASCII arrow (`ARROW`) drawn as the arrow it stands for: `-->`, `==>`
    "→", a signed `--(-)>` "(−)→", a labelled `---|E|-->` "→ (E) →". A front shows no
    notation a student must decode; "→" already drawn stays."""
    if ">" not in text:
        return text
    return ARROW.sub(_drawn, text)  # "→" itself is drawn again as "→"


def _drawn(match: re.Match[str]) -> str:
    if match.group("sign"):
        return "(−)→" if match.group("sign") == "-" else "(+)→"
    if match.group("via"):
        return f"→ ({match.group('via').strip()}) →"
    return "→"


def chain_nodes(title: str) -> tuple[str, ...]:
    """The steps of a heading written as a chain (`A --> B --(-)> C --> D`, two arrows or more),
    each without its bracketed asides (an aside left open at the end too: `D (bone, muscle`);
    () for a heading with fewer arrows. The chain is a fact of its own: its first step alone
    names neither what it is about nor what its list answers."""
    if ">" not in title and "→" not in title:
        return ()
    parts = ARROW_SPLIT.split(plain(title))
    if len(parts) < 3:
        return ()
    nodes = []
    for part in parts:
        node = single_spaced(_OPEN_ASIDE.sub("", without_asides(part))).strip(_SEPARATORS)
        if node:
            nodes.append(node)
    return tuple(nodes) if len(nodes) >= 3 else ()


_OPEN_ASIDE = re.compile(r"\s*\([^()]*$")
"""An aside the author opened and never closed, at the end of a step."""


_SHOWN_AS = re.compile(
    r"\s*\((?:visual|visuals|diagram|figure|image|picture|video|chart|map|infographic"
    r"|illustrated|quick version|tl;?dr)\)$",
    re.IGNORECASE,
)
"""A heading's last aside saying how its section shows its matter ("(visual)", "(diagram)"): no
part of what a front asks about."""
_SOURCE_NOUN = (
    r"(?:pdf|slides?|slide\s+deck|diapos?|diapositives?|folien|lecture|handout|cours|poly"
    r"|textbook|book|livre|buch|apostila)"
)
_PROVENANCE = re.compile(
    r"\s*(?:\((?:[^()]*\bpdf\b[^()]*"
    r"|(?:as\s+)?(?:from|per|according\s+to|in|selon|d['’]apr[eè]s|du|de\s+la|des|laut|aus"
    r"|gem[äa]ß|seg[uú]n|segundo|conforme|do|da)\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]|den\s+"
    rf"|der\s+|die\s+|el\s+|o\s+|a\s+)?{_SOURCE_NOUN})\)"
    r"|(?:from|per|according\s+to|selon|d['’]apr[eè]s|laut|gem[äa]ß|seg[uú]n|segundo)"
    rf"\s+(?:the\s+|le\s+|la\s+|les\s+|l['’]|den\s+|der\s+|die\s+|el\s+|o\s+|a\s+)?{_SOURCE_NOUN})"
    r"(?=\s*[:.]?\s*$|\s*[:—–-]\s)",
    re.IGNORECASE,
)
_MAY_BE_PROVENANCE = re.compile(rf"{_SOURCE_NOUN}|\b(?:ICD|CIM|CID|ICPC)\b", re.IGNORECASE)
"""Where the author took a heading's matter from, after it ("(PDF)", "(selon PDF)", "selon le
PDF", "per the slides", "(from the lecture)"): the notes' provenance, no part of their topic."""
_PROVENANCE_GATE = re.compile(
    "pdf|slide|diapo|folien|lecture|handout|cours|poly|book|livre|buch|apostila|icd|cim|cid|icpc"
)
"""A run of letters every `_MAY_BE_PROVENANCE` match holds, lower-cased."""


def _may_be_provenance(text: str) -> bool:
    """`_MAY_BE_PROVENANCE` searched in `text`. An ASCII text holding none of its words
    lower-cased (`_PROVENANCE_GATE`, one case-sensitive search) has none: the case-blind
    search tries each of its openings at every position (most of `heading_text`'s time). Other
    text is searched as it is (case-blind matching pairs `i` with a dotless `ı`)."""
    if text.isascii() and _PROVENANCE_GATE.search(text.lower()) is None:
        return False
    return _MAY_BE_PROVENANCE.search(text) is not None


_DISEASE_CODE = re.compile(
    r"\s*\(?\b(?:ICD|CIM|CID|ICPC)[\s-]?(?:9|10|11)(?:-?CM)?\s*[:-]?\s*"
    r"(?:[A-Z]\d{2}(?:\.\d{1,3})?(?:\s*[-–,/]\s*[A-Z]?\d{2}(?:\.\d{1,3})?)*)?\)?"
    r"(?=\s*[:.]?\s*$|\s*[:—–-]\s)",
)
"""A disease's classification code after its name ("ICD-10-E10", "(ICD-10: J45.9)", French
"CIM-10 E10"): a coder's label, no part of the name a front asks about."""
_HASH_NUMBER = re.compile(r"(?<=[^\W\d_])\s+(?:#|No\.\s?|Nº\s?)\d{1,3}(?=\s*[:—–]|$)")
"""A label's running number ("Mistake #2:", "Pitfall No. 3"): the order the author wrote them in,
no part of what a front asks about."""


_SHORT_WORDS = frozenset(
    """
    a an and as at by for from in into of on or the to vs with is are be do how why who what when
    not can may you your our its all any new old key top has use per via us we my me up so no if
    it he go
    day age big cut dry eat end eye few fit get got had her him hot let low now off one out
    own put raw red see set she sit six ten too try two way wet yes yet arm leg hip ear lip jaw
    """.split()
)
"""Short words an all-capitals heading writes that are no abbreviation ("DRUGS OF CONCERN")."""
_FOREIGN_SHORT_WORDS = frozenset(
    """
    de del el los las y es en un con por para una que sin al este esta esto estos como cada muy
    dar hay ser son solo sobre entre pero dos das com ou aos pelo pela uma sem nao et du des les
    aux une sur par pour avec sans dans est della dei per gli und der mit von zu bei ist oder
    """.split()
)
"""Short words of Spanish, Portuguese, French, Italian and German that an all-capitals heading
writes ("CUIDADOS DE ENFERMERÍA", "ERRORES Y CÓMO EVITARLOS") and no abbreviation spells; ones
that also write one ("LA" left atrium, "DA", "IM", "NA", "EM") are left out: "LA" stays
capital in "LA DILATADA", as it would in "LA SIZE"."""
_ONSETS = frozenset(
    """
    b c d f g h j k l m n p qu r s t v w y z bl br ch cl cr dr dw fl fr gl gr kn ph pl pr ps rh sc
    sch scr sh shr sk sl sm sn sp sph spl spr squ st str sw th thr tr tw wh wr
    """.split()
) | {""}
"""The consonants an English word may open with; "NSAID", "MRSA" or "DKA" open otherwise."""
_CODAS = frozenset(
    """
    b c ch ck ct d f ff ft g gh ght gn gth k l ld lf lk ll lm lp lt lth m mb mn mp n nc nch nd ng
    ngth nk nt nth p ph pt r rb rc rch rd rf rg rk rl rld rm rn rp rsh rst rt rth s sh sk sm sp ss
    st t th thm tch tt w wl wn x xt z zz
    """.split()
) | {""}
"""The consonants an English word may close with (a plural "s" after them too); "COPD", "CABG"
or "ACLS" close otherwise."""
_VOWELS = frozenset("aeiouy")


def shouted_words(title: str, known: frozenset[str]) -> str:
    """An all-capitals heading with the words a document writes in capitals in its running
    text (`known`: "STEMI", "HAART") kept and the others as a sentence writes them ("STEMI
    MANAGEMENT" -> "STEMI management"), when the letters alone would lower one of them
    ("Stemi management"); the title itself otherwise."""
    words = title.split(" ")
    kept = [word for word in words if word.strip(_WORD_EDGES) in known]
    if not kept or all(_is_abbreviation(word) for word in kept):
        return title
    capitals = _kept_capitals(words)
    cased = [
        word if word.strip(_WORD_EDGES) in known or kept else word.lower()
        for word, kept in zip(words, capitals, strict=True)
    ]
    first = next((i for i, word in enumerate(cased) if any(map(str.isalpha, word))), 0)
    cased[first] = cased[first][:1].upper() + cased[first][1:]
    return " ".join(cased)


_WORD_EDGES = "()[]{},.;:!?'\"*_`"


def unshouted(text: str) -> str:
    """A label written in capitals (`**COOL THE PERSON:**`) as a sentence writes it, as a
    heading in capitals is ("Cool the person", abbreviations kept); any other text as written."""
    if not text.isupper():
        return text
    return text if _names_in_capitals(text) else _sentence_case(text)


_NAME_SEPARATOR = re.compile(r"\s*[/+,&]\s*")


def _names_in_capitals(text: str) -> bool:
    """Two or more names in capitals side by side (`CAPOX / FOLFOX`, `FOLFOX + BEV`): each word
    stands alone between separators, as regimens' and tests' names do; never words running on
    as a sentence does (`COOL THE PERSON`)."""
    names = [name for name in _NAME_SEPARATOR.split(text.strip()) if name]
    return len(names) > 1 and all(
        " " not in name and any(char.isalpha() for char in name) for name in names
    )


_COLOURS = frozenset(
    "white red green yellow blue black grey gray brown purple pink orange violet".split()
)
_SHADES = frozenset("light dark pale bright deep or".split())
_COLOUR_PARTS = re.compile(r"\s*[-/]\s*|\s+")
_SCOPE_ASIDE = re.compile(
    r"\((?:qualitative|conceptual|overview|brief|simplified|introductory|high[- ]yield)"
    r"(?:\s+(?:scope|recognition|only|level|understanding))?\)$",
    re.IGNORECASE,
)
"""An author's note on how far to learn a thing (`RAAS (qualitative)`): no part of its name.
Not "(basic)", "(advanced)" or "(optional)": they can name a kind ("Airway care (advanced)").
No leading run of spaces in the pattern: searched for, it rescanned a long run from each space."""
_MEASURED = re.compile(r"\b(?:tests?|assays?|screens?|dipsticks?|levels?|titres?|titers?)\b", re.I)
"""Words naming a measurement, whose `(qualitative)` says what kind of result it gives."""
_SPLIT_HYPHEN = re.compile(r"(?<=[A-Za-z])- (?=[A-Za-z])(?!(?:and|or|nor|to)\b)")
"""A compound's hyphen left before a space (`Intermediate- Acting`); not a suspended hyphen
(`pre- and post-operative`)."""


_QUOTED_QUESTION = re.compile(r"[“\"‘'](.+\?)[”\"’']")
"""A question in quotes, `“Does it come back?”` (a myth's or a patient's own words)."""


@lru_cache(maxsize=TEXT_CACHE)
def asked_label(label: str) -> str:
    """A definition's label as its front asks it (the one place fronts word a label): a label in
    capitals as a sentence writes it; a compound split after its hyphen joined ("Intermediate-
    Acting" -> "Intermediate-Acting"); an author's scope note left out ("RAAS (qualitative)" ->
    "RAAS", not a test's "(qualitative)"); a label that is only a colour (`**Grey**: old
    haemorrhage`) names a value of its heading's clue, so the front asks what it means ("grey
    means"); a label that asks already (`“Is it contagious?”`) loses its quotes and its "?", which
    the front puts back."""
    text = _SPLIT_HYPHEN.sub("-", unshouted(label.strip()))
    if text.endswith(("?", "?”", '?"', "?’", "?'")):
        quoted = _QUOTED_QUESTION.fullmatch(text)
        text = (quoted.group(1) if quoted is not None else text).rstrip("?").rstrip()
    scope = _SCOPE_ASIDE.search(text)
    if scope is not None and text[: scope.start()].strip() and not _MEASURED.search(text):
        text = text[: scope.start()].rstrip()
    parts = [part for part in _COLOUR_PARTS.split(plain(text).lower()) if part]
    if parts and set(parts) <= _COLOURS | _SHADES and set(parts) & _COLOURS:
        return f"{plain(text).lower()} means"
    return text


def label_asks(label: str, answer: str, result: bool = False) -> str:
    """What an outline label over its content asks, when the label alone would ask nothing
    ("Urinalysis — pH: high values?"): a test's result (`- Elevation`, `- Positive`, `- High
    values (alkaline)`) over what it holds, or a kind of such a result (`- Transient` under `-
    Positive`: `result`), holds its causes ("causes"); a thing given (`- IV fluids`) over
    instructions that each open with when to act (`- once glucose is 200 …`) is asked "when".
    "" for any other label: asked as it is, as is a result over a short figure (`- High` / `-
    103 to 105 °F`): that is its threshold, not its causes."""
    if result or is_result(label):
        value = plain(answer)
        threshold = len(value.split()) <= _MAX_THRESHOLD_WORDS and re.search(r"\d", value)
        return "" if threshold else "causes"
    words = plain(label).lower().split()
    if not words or is_relational(plain(label)) or len(words) > _MAX_WHEN_LABEL:
        return ""
    points = [line for line in answer.splitlines() if _TOP_POINT.match(line)] or [answer]
    if all(_WHEN.match(_TOP_POINT.sub("", plain(point)).strip()) for point in points):
        return "when"
    return ""


def asks_why(heading: str, answer: str) -> bool:
    """A heading that tells the reader what to do (`## Increase your activity`, `## Drink more
    water`) over a paragraph saying what doing it does ("A daily walk can help you …"): the
    card asks why ("Why increase your activity?"); the bare instruction with "?" asks nothing."""
    words = plain(heading).lower().replace("’", "'").split()
    if len(words) < 2 or words[0] not in _TOLD_VERBS | _CHANGE_VERBS:
        return False
    if words[1] in ("of", "in", "for", "during", "to", "and", "or"):
        return False  # "Increase in activity", "Rest and ice": a thing's name
    if not ({"your", "you", "yourself"} & set(words) or words[1] in ("more", "less", "plenty")):
        return False
    return _SAYS_WHY.search(plain(answer)) is not None


_CHANGE_VERBS = frozenset("increase decrease cut change boost lose build".split())
"""Verbs of a lifestyle change a heading tells the reader to make ("Cut down on salt")."""
_SAYS_WHY = re.compile(
    r"\b(?:helps?|because|so that|prevents?|reduces?|lowers?|improves?|protects?|eases?)\b",
    re.IGNORECASE,
)


def is_result(label: str) -> bool:
    """A label naming a test's result (`Positive`, `Elevation`, `Low levels`, `High values
    (alkaline)`): what it holds is what causes that result."""
    return _RESULT.fullmatch(plain(label).strip().rstrip(":").strip()) is not None


_RESULT = re.compile(
    r"(?:positive|elevat(?:ed|ion)|raised|high|low|increased|decreased|reduced|abnormal)"
    r"(?:\s+(?:values?|levels?|results?|readings?|counts?))?(?:\s*\([^()]{1,40}\))?",
    re.IGNORECASE,
)
_TOP_POINT = re.compile(r"^(?:[-*+]|\d+[.)])\s+")
"""A first-level point of a list written as Markdown (not indented: a sub-point's detail)."""
_WHEN = re.compile(r"(?:once|when|whenever|after|until|if)\b", re.IGNORECASE)
_MAX_WHEN_LABEL = 4
_MAX_THRESHOLD_WORDS = 6


def _sentence_case(text: str) -> str:
    """An all-capitals heading as a sentence writes it, abbreviations kept: "DRUGS OF CONCERN"
    -> "Drugs of concern", "COPD IN PREGNANCY" -> "COPD in pregnancy"; one word or one word
    and a number ("COPD", "VANISH 2016") is an abbreviation or a name, left as it is."""
    words = text.split(" ")
    capitals = _kept_capitals(words)
    lowered = [word if kept else word.lower() for word, kept in zip(words, capitals, strict=True)]
    if lowered == words:
        return text
    if sum(1 for word in words if any(char.isalpha() for char in word)) < 2 and not _long_word(
        text
    ):
        return text
    first = lowered[0]
    at = next((i for i, char in enumerate(first) if char.isalpha()), 0)  # "¿QUÉ …?"
    first = first[:at] + first[at : at + 1].upper() + first[at + 1 :]
    return first + "".join(f" {word}" for word in lowered[1:])


def _long_word(text: str) -> bool:
    """One word in capitals that no abbreviation is: a letter no acronym writes
    ("REEVALUACIÓN") or a long word's ending no acronym has ("INCOMPATIBILIDADES",
    "MONITORING"), and no digit; "FOLFIRINOX" and "COPD" stay."""
    letters = "".join(char for char in text if char.isalpha())
    if any(char.isdigit() for char in text) or _is_abbreviation(letters):
        return False
    if _accented(letters):
        return True
    return len(letters) >= MIN_WORD_LETTERS and letters.lower().endswith(_WORD_ENDINGS)


_WORD_ENDINGS = (
    *("tion", "tions", "sion", "sions", "ciones", "siones", "dades", "dad", "ment", "ments"),
    *("ing", "ings", "ness", "ity", "ities", "ções", "mente", "logy", "logia", "ismo", "isme"),
)
"""Endings of long words in the languages notes come in that no acronym spells."""


def _accented(letters: str) -> bool:
    """A letter with a case outside A–Z ("Ó", "Ü"): a word of a language no acronym is written
    in. A letter of no case (Chinese "病" beside "KD") says nothing of the Latin letters."""
    return not letters.isascii() and any(
        not char.isascii() and char.lower() != char.upper() for char in letters
    )


MIN_WORD_LETTERS = 8
_FOUR_LETTER_WORDS = frozenset(
    """
    acid acne ache aged also arms back band base bath bite bled blood body bone bowl burn
    call calm care case cell cold colour come cord cost cyst damp data date deep diet does done
    dose down drip drop drug drum dust duty each ears easy edge else even ever exam eyes face fact
    fall fast fats feed feel feet fill find fine fire firm five flow flue flux food foot form four
    free from full gain gait gall gene give glue goal good grip hair half halt hand hard have head
    heal hear heat held help here high hips hold home hook hour huge idea ill into iron item jaws
    keep kind knee knew know lack last late lead leak left legs less life lift like limb line lips
    list live load lobe long look loss lost love lung made main make male mass meal mean meds milk
    mind mode more most move much must nail name near neck need nerve next node none norm nose
    note once only open oral over pain pale part past peak pill pink plan play plus pore post
    pure rate rays read real rest rich ring risk role room root rule safe said salt same scan
    seen self sets shot show shut sick side sign size skin slow soft sore spot stay step stop
    such tear test than that them then they thin this time tone took tube type unit upon used uses
    very view wall ward warm wash wave ways weak well went were what when whom wide will wind
    with word work worm wound year your zone film turn talk walk push pull tilt roll bend take
    wear wrap away okay baby days hurt tell told
    """.split()
)
"""Common English words of four letters, written in capitals in a heading ("SAFE DRUGS"); any
other four-letter word in capitals is an abbreviation ("ARDS", "GERD", "PEEP", "SIRS")."""


def _kept_capitals(words: list[str]) -> list[bool]:
    """Which words of an all-capitals heading stay in capitals: the abbreviations, less a word
    of four letters spelled as English words are (a vowel pair or a silent e: "COOL", "WAIT",
    "TAPE") among other words that are all ordinary words ("COOL THE PERSON"; "HIV AND AIDS",
    "COOL" alone and "PEEP SETTINGS" keep theirs). One pass over the words: a heading of
    thousands of words is read in linear time, not each word against all the others."""
    abbreviations = [_is_abbreviation(word) for word in words]
    shaped = [kept and _word_shaped(word) for word, kept in zip(words, abbreviations, strict=True)]
    spelled = [any(map(str.isalpha, word)) for word in words]
    alone = sum(spelled) < 2
    beside = any(  # an abbreviation no English word spells ("HIV AND AIDS")
        kept and not like_word and alpha
        for kept, like_word, alpha in zip(abbreviations, shaped, spelled, strict=True)
    )
    short = sum(spelled) <= MAX_SHORT_CAPITALS_WORDS  # "AVC (FAST)": a name and its acronym
    return [
        (kept and (not like_word or alone or beside))
        or (short and _bracketed_acronym(word, words[index - 1] if index else ""))
        for index, (word, kept, like_word) in enumerate(
            zip(words, abbreviations, shaped, strict=True)
        )
    ]


def _bracketed_acronym(word: str, before: str) -> bool:
    """One short word of capitals in brackets ("(FAST)") that does not spell out the letter
    before it ("A (AIRWAY)" is the letter's meaning, a word like any other)."""
    if _BRACKETED.fullmatch(word) is None:
        return False
    return not (len(before) == 1 and word[1:2] == before)


MAX_SHORT_CAPITALS_WORDS = 3
_BRACKETED = re.compile(r"[(\[][A-Z][A-Z0-9&/-]{1,4}[)\]][.,:;]?")
"""One word of capitals in brackets ("(FAST)"): an acronym the heading gives, not a word to
lower-case even when English spells it."""


def _word_shaped(word: str) -> bool:
    """Four letters with a vowel pair English spells ("cool", "seal", "wait") between an opening
    and a closing an English word has, or a silent e ("tape"): no digit, not an acronym spelled
    so ("AIDS", "PEEP")."""
    letters = "".join(char for char in word.lower() if char.isalpha())
    if (
        len(letters) != 4
        or not word.strip(_WORD_EDGES).isalpha()
        or letters in _VOWEL_PAIR_ACRONYMS
    ):
        return False
    if letters[3] == "e" and letters[1] in _VOWELS and letters[2] not in _VOWELS:
        return letters[0] in _ONSETS  # a silent e: "TAPE", "WIPE", "RISE"
    pair = _VOWEL_PAIR.search(letters)
    if pair is None:
        return False
    coda = letters[pair.end() :]
    # no English word closes a vowel pair on a lone "c": "DOAC", "NOAC" are abbreviations
    return letters[: pair.start()] in _ONSETS and coda in _CODAS and coda != "c"


_VOWEL_PAIR = re.compile(r"oo|ee|ea|oa|ai|ay|ou|ow|oi|oy|ie|ue|au|aw")
_VOWEL_PAIR_ACRONYMS = frozenset("aids peep soap toes mead bout nice".split())
"""Four-letter acronyms spelled like English words, kept in capitals wherever they stand."""


def _is_abbreviation(word: str) -> bool:
    """A word of an all-capitals heading that stays in capitals: one with a digit ("H1N1"), up to
    three letters that are not a short English word ("MI", "DKA", "Q"), or letters no English word
    spells: no vowel ("CPR"), four letters that are no common word ("ARDS", "GERD", "AIDS"), or
    consonants no English word opens or closes with ("NSAID", "COPD"). Not perfect (five letters
    or more that read as a word, "STEMI", stay lower case), but "SAFE DRUGS" is never "SAFE
    drugs"."""
    letters = "".join(char for char in word.lower() if char.isalpha())
    if any(char.isdigit() for char in word):
        return True
    if _accented(letters) or letters in _FOREIGN_SHORT_WORDS:
        return False  # "CÓMO", "ÚTIL", "DE", "DEL": words of the other languages, not letters
    if len(letters) <= 3:
        return letters not in _SHORT_WORDS
    if len(letters) == 4 and letters.removesuffix("s") not in _FOUR_LETTER_WORDS:
        return letters not in _FOUR_LETTER_WORDS  # "ARDS", "GERD", "PEEP", "SIRS": no words
    vowels = [index for index, char in enumerate(letters) if char in _VOWELS and index]
    if letters[0] in "aeiou":
        vowels.insert(0, 0)
    if not vowels:
        return True
    onset, coda = letters[: vowels[0]], letters[vowels[-1] + 1 :]
    return onset not in _ONSETS or (coda not in _CODAS and coda.removesuffix("s") not in _CODAS)


READING_LEVELS = (
    "complexity levels",
    "levels of complexity",
    "reading levels",
    "difficulty levels",
    "levels of difficulty",
    "levels of detail",
)
"""Headings over the same points told again at rising depth ("Complexity Levels" over
"**Level 1**: …" to "**Level 5**: …"): how hard the reading is, neither a subject nor a
classification of one, so each level's label is no question either (`dialects.reading_levels`)."""
_GENERIC_HEADINGS = frozenset(
    """
    overview definition definitions summary notes note introduction intro background basics
    general details description facts information about conclusion conclusions recap review
    highlights essentials fundamentals concepts terms takeaways contents content remarks
    glossary glosario glossário glossaire glossar glossario terminology vocabulary
    generelt généralités generalidades allgemeines generalità breakdown walkthrough
    """.split()
) | frozenset(
    (
        "key points",
        "key point",
        "key facts",
        "key concepts",
        "key terms",
        "key takeaways",
        "main points",
        "important points",
        "the basics",
        "at a glance",
        "in brief",
        "in short",
        "quick reference",
        "quick facts",
        "general information",
        "my summary",
        "must-know concepts",
        "must know concepts",
        "core concepts",
        "high-yield points",
        "high yield points",
        "high-yield summary",
        "high yield summary",
        "final takeaways",
        "final thoughts",
        *READING_LEVELS,
        # the same boxes in Spanish, Portuguese, French, German
        "puntos clave",
        "ideas clave",
        "pontos-chave",
        "pontos chave",
        "points clés",
        "points clefs",
        "kernpunkte",
        "resumen",
        "resumo",
        "résumé",
        "zusammenfassung",
        # a German page's and a French fiche's labelled boxes: "in short", "watch out", "note
        # well", "to remember", "points to watch" -- what kind of box, never its subject
        "kurz",
        "kurzfassung",
        "kurz und knapp",
        "in kürze",
        "merke",
        "cave",
        "fazit",
        "überblick",
        "übersicht",
        "à retenir",
        "a retenir",
        "en bref",
        "l'essentiel",
        "l’essentiel",
        "points de vigilance",
        "points d'attention",
        "points importants",
        "synthèse",
        "take-home points",
        "take-home messages",
        "take home messages",
        "key messages",
        "summary points",
        "bottom line",
        "what you need to know",
        "comprehensive answer",
        "more information",
        "additional information",
        "additional notes",
        # a continuing-education site's first heading over every article: its chrome
        "continuing education activity",
        # the parts of a SOAP note that name no side of its subject (`document.soap_spelled`)
        "subjective",
        "objective",
        "plan",
        "subjective and objective",
        "assessment and plan",
        # A document's genre, as its title or top heading: what kind of page, not its subject.
        "fact sheet",
        "factsheet",
        "handout",
        "cheat sheet",
        "study guide",
        "study notes",
        "lecture notes",
        "revision notes",
        # Where a page points elsewhere: no subject of its own either.
        "references",
        "bibliography",
        "sources",
        "further reading",
        "see also",
        "resources",
        "related",
        "links",
        "external links",
        "citations",
    )
)
_GENERIC_JOIN = re.compile(r"\s*(?:/|&|\+|,|\band\b)\s*")
REFERENCE_HEADINGS = (
    r"references|reference list|bibliography|bibliographies|sources|source list|citations?"
    r"|works cited|literature(?: cited)?|cited literature"
    # French, Spanish, Portuguese, Italian, German
    r"|r[ée]f[ée]rences(?: bibliographiques)?|bibliographie|referencias(?: bibliogr[áa]ficas)?"
    r"|refer[êe]ncias(?: bibliogr[áa]ficas)?|bibliograf[íi]a|fuentes|fontes|riferimenti"
    r"(?: bibliografici)?|literatur(?:verzeichnis)?|quellen(?:angaben)?"
)
"""A heading over the sources a page cites, in the languages study notes come in, casefolded
(`kinds.heading_text`): the one list `kinds` reads a reference section by, and `dialects` a
document's numbered reference list."""


def is_generic_heading(text: str) -> bool:
    """True for a heading that names a part of any page, not a subject: "Overview",
    "Definition", "Key points", "Overview / Definition", "Notes & summary"."""
    lowered = heading_text(text).lower().rstrip(":.")
    if not lowered:
        return True
    dated = lowered[:1].isdigit() or lowered[:1] in _DATE_OPENS
    if dated and _DATE_HEADING.fullmatch(lowered) is not None:
        return True  # "11/10/2023", "Week of 3 March": when it was written, no subject
    if lowered[:1] in "psfdp" and _PAGE_LABEL.fullmatch(lowered) is not None:
        return True  # "Page 3", "Slide 4 / 12": where in a deck, no subject
    whom = _FOR_WHOM.search(lowered)  # "Key points for nurses": still the page's box
    if whom is not None and all(word in _READERS for word in whom.group("who").split()):
        lowered = lowered[: whom.start()]
    head, _, tail = lowered.rpartition(" ")
    if head and tail in _EXAMS:  # "Points clés EDN": the exam the box is for, no subject
        lowered = head
        head, _, tail = lowered.rpartition(" ")
    if head and tail in _SAMPLING:  # "Glossary sampler": a part of the page, sampled
        lowered = head
    parts = [part for part in _GENERIC_JOIN.split(lowered) if part]
    if len(parts) > 1:  # "Explanation / Breakdown": alone, "Explanation" is an answer's reasons
        parts = [part for part in parts if part not in _EXPLAINING]
    return all(part in _GENERIC_HEADINGS for part in parts)


_FOR_WHOM = re.compile(
    r"\s+(?:for|para|pour|für|per)\s+(?:the\s+|el\s+|los\s+|les\s+|o\s+|os\s+)?"
    r"(?P<who>\S+(?:\s+\S+)?)$"
)
_READERS = frozenset(
    """
    nurse nurses doctor doctors clinician clinicians paramedic paramedics emt emts tes técnicos
    tecnicos enfermeros enfermeras enfermeiros médicos medicos residentes students student
    estudiantes estudantes étudiants infirmiers infirmières gp gps pharmacist pharmacists staff
    practitioners prescribers carers caregivers parents patients pacientes exam exams examen
    exámenes revision review
    """.split()
)
"""Readers a box of points may be for ("para TES", "for nurses", "for the exam")."""
"""Whom a box of points is for, after it ("Key points for nurses", "Puntos clave para TES"):
no subject either. Only a generic box's (the rest of the heading must be generic too)."""


_EXAMS = frozenset("edn ecn ecos usmle nclex plab mrcp mrcs neet fmge mir enare amc".split())
"""The licensing exams a box of points is written for, after it ("Points clés EDN", "Key points
USMLE"): whom the box serves, no subject (only after a generic box's words)."""
_SAMPLING = frozenset("sampler samplers snapshot primer selection excerpt extract".split())
"""A last word saying the part of the page before it is only a taste of it ("Glossary sampler",
"Key terms snapshot"): still that part, no subject."""
_EXPLAINING = frozenset(("explanation", "explanations", "explained"))
"""Words that name the page's part only beside a generic word ("Explanation / Breakdown");
alone, "Explanation" under an option is that option's reasons."""


_PAGE_LABEL = re.compile(
    r"(?:page|slide|folie|seite|diapo(?:sitive)?|p[áa]gina|pagina)\s*\d{1,3}"
    r"(?:\s*(?:/|of|sur|von|de)\s*\d{1,3})?"
)
"""A converter's heading over a page or a slide of a deck ("Page 3", "Slide 4 of 12")."""
_DATE_OPENS = frozenset("jfmasondwtcl")
"""The letters a date heading opens with (a month, a weekday, "week of", "class on", "lecture
of", "notes from"): any other heading is not matched against `_DATE_HEADING` at all."""
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DAY_OF_MONTH = r"\d{1,2}(?:st|nd|rd|th)?"
_DATE_HEADING = re.compile(
    r"(?:(?:week|class|lecture|session|notes?)\s+(?:of|on|from)\s+)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    r"(?:\d{1,2}[./-]\d{1,2}[./-](?:\d{4}|\d{2})|\d{4}-\d{2}-\d{2}"
    rf"|{_DAY_OF_MONTH}\s+{_MONTH}(?:,?\s+\d{{4}})?|{_MONTH}\s+{_DAY_OF_MONTH}(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}})"
)
"""A heading that is only a date ("11/10/2023", "2023-10-11", "Monday 3rd March 2024", "Week
of 3 March"): a diary's or a lecture log's entry names when, not what."""


_CONTAINER_NOUNS = frozenset(
    """
    pearl tip trick hint pointer reminder takeaway highlight context literature trial recap
    summary overview note essential fact point message detail remark resource chart checklist
    explanation answer spine box
    """.split()
)
_QUALIFIED_NOUNS = frozenset(("explanation", "answer", "spine", "box"))
"""Container nouns that name a box only after a qualifier ("Medical explanation: …", "Model
oral answer", "Recall spine", "Quick box"): alone, "Explanation" is an answer's reasons, which a
label under it names ("Option A (explanation)"), "Answer" the answer to the question above it,
"Spine" a part of the body."""
"""Nouns naming a box of points rather than what the points are about ("Clinical pearls",
"Trials and literature", "Israel-specific context", "Quick reference chart", "Medical
explanation: …")."""
_MAY_BE_CONTAINER = re.compile(
    r"\b(?:" + "|".join(noun.removesuffix("y") for noun in sorted(_CONTAINER_NOUNS)) + ")",
    re.IGNORECASE,
)
"""A cheap first look: most headings hold no container noun at all."""
_EMPTY_QUALIFIERS = frozenset(
    """
    clinical quick key important critical final other additional external further detailed
    comparative exam brief general practical useful essential top more extra special misc
    miscellaneous landmark major relevant selected recent bedside high-yield must-know helpful
    handy main core fun interesting historical bonus pro random take-home reference assessment
    medical scientific simple
    model oral viva sample structured board recall at-a-glance
    """.split()
)
"""Words before a container noun that name no subject ("Clinical", "Quick", "Landmark",
"Quick reference", "Medical")."""
_KINDS_OF_STUDY = frozenset(("clinical trial",))
"""A qualifier and a container noun that name a kind of thing together: "Clinical trials" are a
subject of their own (a trial's design, phases), unlike "Landmark trials" or "Clinical pearls"."""
_CONTAINER_ABOUT = re.compile(
    r"^(?P<box>.+?)\s+(?:regarding|about|on|concerning)\s+(?P<about>\w.*)$", re.IGNORECASE
)
"""A container with its subject after it: "Tips regarding inspection", "Notes on dosing"."""


@lru_cache(maxsize=1 << 10)
def is_container_heading(text: str) -> bool:
    """True for a heading naming a box of points, with no subject of its own besides any after
    "regarding/about/on": a container noun (`_CONTAINER_NOUNS`) after words that name nothing
    ("Clinical pearls", "Landmark trials", "Region-specific context", "Trials and literature",
    "Tips regarding inspection"); not "Pearl millet", "Pressure points" or "Safety tips". Unlike
    a generic heading ("Key points"), it still names the list under it."""
    if _MAY_BE_CONTAINER.search(text) is None:
        return False
    lowered = heading_text(text).lower().rstrip(":.")
    if is_generic_heading(lowered):
        return False
    if "(" in lowered:  # "Quick box (top of page)": where the box stands on a page
        lowered = _PAGE_PLACE.sub("", lowered).strip()
    lowered = _QUOTE_MARKS.sub("", lowered)  # a quoted qualifier: "Quick “At-a-glance” box"
    found = _CONTAINER_ABOUT.match(lowered)
    if found is not None:
        lowered = found.group("box")
    parts = [part for part in _GENERIC_JOIN.split(lowered) if part]
    return bool(parts) and all(_is_container(part.split()) for part in parts)


_PAGE_PLACE = re.compile(
    r"\s*\((?:at\s+)?(?:the\s+)?(?:top|bottom|end|start|side|foot|head)\s+of\s+(?:the\s+)?"
    r"(?:page|sheet|handout|leaflet)\)"
)
"""A heading's aside that says where on the page its box is printed: layout, no subject."""
_QUOTE_MARKS = re.compile(r"[“”\"‘’']")


def _is_container(words: list[str]) -> bool:
    if not words or _singular_word(words[-1]) not in _CONTAINER_NOUNS:
        return False
    if len(words) == 2 and f"{words[0]} {_singular_word(words[1])}" in _KINDS_OF_STUDY:
        return False
    if len(words) == 1 and words[0] in _QUALIFIED_NOUNS:
        return False
    return all(
        word in _EMPTY_QUALIFIERS or word.isdigit() or word.endswith("-specific")
        for word in words[:-1]
    )


def container_subject(text: str) -> str:
    """What a container heading is about ("Tips regarding inspection" -> "Inspection"); "" for
    one about nothing it names ("Clinical pearls"), and `text` itself for any other heading."""
    if _MAY_BE_CONTAINER.search(text) is None or not is_container_heading(text):
        return text
    found = _CONTAINER_ABOUT.match(heading_text(text))
    about = found.group("about").strip() if found is not None else ""
    return about[:1].upper() + about[1:]


def heading_subject(path: tuple[str, ...], facets: frozenset[str] = frozenset()) -> str:
    """The subject a section's heading path names: the nearest heading that is not generic,
    cleaned ("2. Pulse" -> "Pulse"; "Asthma › Overview" -> "Asthma"), with a generic label
    before a colon dropped ("Comprehensive answer: Aphasia" -> "Aphasia"); "" when every
    heading is generic (the deck's topic is then the subject). A heading that names a part of
    its parent's subject ("Limitations", "Indications in OMS", "For household members"), or
    one of the document's `facets` (`heading_key`s of the sections it repeats under each of
    its subjects: "When to see a doctor" under each condition), is joined to the nearest
    heading above that names a thing: "Panoramic radiography — limitations". A container of
    points ("Clinical pearls", `is_container_heading`) gives that thing alone, or ""."""
    for index in range(len(path) - 1, -1, -1):
        text = _subject_text(path[index])
        if not text:
            if is_container_heading(path[index]):  # "Clinical pearl" under "Hounsfield units
                return subject_thing(path[:index])  # (HU)": "HU", as a relation names it
            continue
        if is_remark(text):
            named = _named_by_question(text)
            if named:
                return named[:1].upper() + named[1:]
            thing = subject_thing(path[:index])
            said = _EXISTENTIAL.sub("", text.rstrip("!:").strip())
            relation = lower_first(said)
            return f"{thing} — {relation}" if thing else said[:1].upper() + said[1:]
        caused = _CAUSES_OF.match(text) if text.endswith("?") else None
        if caused is not None:  # "What causes korrin fever?": its list is of the causes
            return f"{caused['verb'][:1].upper()}{caused['verb'][1:].lower()} of {caused['s']}"
        asked = _bare_question(text) if text.endswith("?") else ""
        if asked:  # "How often?" under "Feeding": "Feeding — how often", never "How often?:"
            thing = subject_thing(path[:index])
            return f"{thing} — {lower_first(asked)}" if thing else asked
        if is_partial_heading(text):  # "Other involved cells" under "Cell mediators": the
            thing = _owner(path[:index], text)  # cells' owner is the inflammation above
            if thing:
                return f"{thing} — {lower_first(text)}"
        if (
            is_relational(text)
            or is_facet_heading(text)
            or (index and facets and heading_key(path[index]) in facets)
        ):
            thing = subject_thing(path[:index])
            if thing and not _repeats(text, thing):
                return f"{thing} — {lower_first(without_whole(text))}"
        if index and is_population(text):  # the group's facet above it says what holds:
            thing = heading_subject(path[:index], facets)  # "Asthma — treatment — children"
            grouped = thing.lower().rsplit(maxsplit=1)[-1] in _GROUPS if thing else True
            bare = grouped or is_facet_heading(thing) or is_relational(thing)  # "Work-up" alone
            if not bare and not _repeats(text, thing):  # names no disease: the group stays
                return f"{thing} — {lower_first(text)}"
        judged = judgement(path[index - 1]) if index else ""
        if judged and not _repeats(judged, text):  # "Breathing" under "What's normal"
            return f"{judged[:1].upper()}{judged[1:]} {lower_first(text)}"
        return text
    return ""


def judgement(title: str) -> str:
    """The judgement a heading passes on the things headed under it ("What's normal (Don't
    panic!)", "Normal findings", "Abnormal"): "normal" or "abnormal", which each child's
    subject keeps ("Normal breathing"), as the heading above is only in the breadcrumb; ""
    for any other heading."""
    found = _JUDGED.fullmatch(without_asides(heading_text(title)).strip(" :.!").lower())
    if found is None:
        return ""
    return "abnormal" if found["not"] else "normal"


_JUDGED = re.compile(
    r"(?:what(?:'s|’s| is| are)\s+)?(?P<not>not\s+|ab)?normal"
    r"(?:\s+(?:findings?|variants?|signs?|things?|features?|appearances?|behaviou?rs?))?"
)
"""A heading judging what it heads normal or not, in a few words."""


_MISC_WORDS = frozenset(
    """
    misc misc. miscellaneous other others autre autres divers otro otros otra otras varios
    outro outros outra outras diversos andere anderes sonstige sonstiges altro altri altre vari
    """.split()
)
"""Words saying only that a heading holds what the others did not ("Misc", French "Divers",
"Autres"): a heading of them is a part of its parent's subject, or of the page's topic."""
_QUALIFIER_WORDS = frozenset("short long term short-term long-term".split()) | _MISC_WORDS
"""Words that only qualify a thing named above them: a heading of nothing else ("Short term"
under "Effects of alcohol", "Misc" under a drug, French "Autres" under "Positions") is a part of
that thing, not a topic."""
_GRADE_WORDS = frozenset(
    """
    mild moderate severe mild-to-moderate moderate-to-severe life-threatening
    léger légère légers légères modéré modérée modérés modérées sévère sévères grave graves
    leve leves moderado moderada moderados moderadas severo severa severos severas
    lieve lievi moderato moderata moderati moderate gravi
    leicht leichte mittelschwer mittelschwere schwer schwere lebensbedrohlich
    轻度 中度 重度 轻型 中型 重型 轻症 重症 轻微 危重
    """.split()
)
"""A grade of the thing above ("Mild (1-10%)" under "Adverse reactions", "Severe" under
"Hyperkalaemia", Chinese "轻度"): how bad it is, never a subject of its own."""
_SETTING_WORDS = frozenset(
    """
    outpatient outpatients inpatient inpatients out-patient in-patient ambulatory hospitalised
    hospitalized ambulatoire ambulatoires hospitalier hospitalière hospitaliers hospitalisé
    hospitalisés ambulatorio ambulatoria hospitalario hospitalaria hospitalizado hospitalizados
    ambulatorial hospitalar internado internados ambulatoriale ospedaliero ricoverato ambulant
    stationär stationäre 门诊 住院
    """.split()
)
"""A setting the thing above is managed in ("Outpatient (mild, no vomiting)" under
"Pyelonephritis", French "Ambulatoire"): where, never what."""
_PARTIAL_JOINS = frozenset("to and or / – - à a et ou y o e bis und oder og eller".split())
"""Words joining two grades or settings ("Mild to moderate", "Outpatient / inpatient")."""
_KIND_ADJECTIVE = re.compile(
    r"[^\W\d_]{3,}(?:ical|ic|icas|icos|iques|ische|ischen|iche|ici)", re.IGNORECASE
)
"""A heading of one adjective naming a kind ("Neurological", "Systemic", Portuguese
"Neurológicas", French "Systémiques"): the kind of what its parent names ("Complications —
neurological"), no subject of its own."""
_OTHER_KINDS = re.compile(
    r"^(?:other|additional|further)\s+[\w-]+(?:\s+[\w-]+){0,2}$"
    r"|^[\w-]+(?:\s+[\w-]+){0,2}\s+(?:type|subtype|variant)s?$",
    re.IGNORECASE,
)
"""A heading naming a kind only against its parent: "Other involved cells" (other than the
cells above), "Foreign body type" (of the granuloma the parent heading names)."""


@lru_cache(maxsize=1 << 10)
def is_partial_heading(text: str) -> bool:
    """True for a heading that names a thing only with the heading above it: qualifiers alone
    ("Short term", "Long-term", "Misc"), "Other X" or "X type" (`_OTHER_KINDS`); a front asks
    it as a part of that thing ("Effects of alcohol — short term", "Granuloma — immune
    type"), not as a topic of its own."""
    words = plain(heading_text(text)).lower().rstrip(":.").split()
    if not words:
        return False
    if all(word in _QUALIFIER_WORDS for word in words):
        return True
    if _is_grade_or_setting(words):
        return True
    if len(words) == 1 and _KIND_ADJECTIVE.fullmatch(words[0]) is not None:
        return True
    return _OTHER_KINDS.match(" ".join(words)) is not None


def is_misc_heading(text: str) -> bool:
    """True for a heading of only "other"/"misc" words (`_MISC_WORDS`: "Misc.", "Divers",
    "Others")."""
    words = plain(heading_text(text)).lower().rstrip(":").split()
    return bool(words) and all(word in _MISC_WORDS for word in words)


def is_grade_or_setting(text: str) -> bool:
    """True for a heading that only grades the thing above or says where it is managed
    ("Mild (1-10%)", "Outpatient", Chinese "重度")."""
    return _is_grade_or_setting(plain(heading_text(text)).lower().rstrip(":.").split())


def _is_grade_or_setting(words: list[str]) -> bool:
    """Words that only grade the thing above or say where it is managed, a bracketed aside
    after them left aside ("Mild (1-10%)", "Outpatient (mild, no vomiting)", "Mild to
    moderate")."""
    named = without_asides(" ".join(words)).replace("（", " (").split("(")[0].split()
    named = [word.strip(",;") for word in named if word not in _PARTIAL_JOINS]
    return bool(named) and all(word in _GRADE_WORDS or word in _SETTING_WORDS for word in named)


def _owner(path: tuple[str, ...], part: str) -> str:
    """The nearest heading of `path` naming a thing that `part` does not repeat ("Chronic
    inflammation" for "Other involved cells" under "Cell mediators"; a kind adjective's
    heading above even when that names a part: "Complications"); "" when none does."""
    for title in reversed(path):
        text = _subject_text(title)
        if text and not is_relational(text) and not _repeats(part, text):
            return short_subject(text)
    if _KIND_ADJECTIVE.fullmatch(part) is not None:  # "Neurological" under "Complications"
        for title in reversed(path):
            text = _subject_text(title)
            if text and not _repeats(part, text):
                return short_subject(text)
    return ""


def heading_key(title: str) -> str:
    """A heading as headings are compared: "2. When to See a Doctor" and "When to see a
    doctor" are one heading."""
    return heading_text(title).lower().rstrip(":.")


def name_key(text: str) -> str:
    """A heading or a list item as the name it is, its numbering and bracketed asides (full
    width too) left out: "3. Back wall（posterior）" and "- back wall" name one thing."""
    return without_asides(heading_key(text).replace("（", "(").replace("）", ")")).strip()


_PICTURE_NOUN = (
    r"(?:figures?|fig\.|diagrams?|images?|pictures?|graphs?|illustrations?|drawings?|photos?"
    r"|imagen|imágenes|figuras?|gráfic[ao]s?|ilustraci[óo]n|esquemas?|imagem|imagens|ilustração"
    r"|schémas?|schéma|abbildung|grafik|bild|immagine|figura)"
)
_POINTS_AT_PICTURE = re.compile(
    rf"\b(?:(?:see|shown|illustrated|depicted|seen|pictured|as\s+in|ver|véase|observa|muestra"
    r"|mostrad[ao]|voir|cf\.|siehe|vedi)\b[^.:;!?]{0,30}?\b"
    rf"{_PICTURE_NOUN}|(?:following|next)\s+(?!figures\b|figuras\b){_PICTURE_NOUN}"
    rf"|{_PICTURE_NOUN}\s+(?:below|above|siguiente|de\s+abajo|abajo|abaixo|a\s+seguir|seguinte"
    r"|ci-dessous|ci-dessus|suivante?|unten|oben|seguente|sotto))\b",
    re.IGNORECASE,
)


def points_at_picture(text: str) -> bool:
    """True for a lead-in sending the reader to a picture ("See the figure below:", "As shown
    in the diagram:", Spanish "… como se observa en la imagen siguiente:"): what it leads
    describes a picture no card shows, so it is asked of nothing."""
    return _POINTS_AT_PICTURE.search(text) is not None


_MNEMONIC_CUE = re.compile(
    r"^(?P<subject>[^\"“”:]{2,60}?)\s*(?::|—|–|\s-)\s*(?:think|remember|mnemonic|memory\s+aid)"
    r"\s*:?\s*[\"“](?P<mnemonic>[^\"“”]{2,80})[\"”]\s*$",
    re.IGNORECASE,
)
"""A heading that gives its subject a mnemonic: `Toxicity: Think "Mice → Ears → Kidney"`."""


@lru_cache(maxsize=1 << 10)
def heading_mnemonic(title: str) -> tuple[str, str]:
    """A heading's subject and the mnemonic it gives after a cue (`Toxicity: Think "Mice → Ears
    → Kidney"` -> ("Toxicity", "Mice → Ears → Kidney")): the mnemonic is a fact of its own, no
    part of the topic; ("", "") for any other heading."""
    text = heading_text(title)
    if '"' not in text and "“" not in text:
        return "", ""
    found = _MNEMONIC_CUE.match(text)
    if found is None:
        return "", ""
    return found["subject"].strip(), found["mnemonic"].strip()


@lru_cache(maxsize=1 << 10)
def _subject_text(title: str) -> str:
    """A heading as a subject: cleaned, without a generic label before a colon, a container's
    subject ("Tips regarding inspection" -> "Inspection"); "" when it is generic or a container
    of nothing it names ("Clinical pearls")."""
    text = heading_text(title)
    if text.endswith(("?", "?)")):
        text = _without_question_tail(text)
    elif text.endswith(('"', "”")):
        text = heading_mnemonic(text)[0] or text  # `Toxicity: Think "…"` is about toxicity
    head, colon, tail = text.partition(": ")
    if (
        colon
        and tail.strip()
        and (is_generic_heading(head) or is_container_heading(head) or _ORDINAL_KIND.match(head))
    ):
        text = heading_text(tail)
    text = _without_instruction(_without_possessive(_sentence_subject(container_subject(text))))
    if text[:1] in _WORKING_INITIALS and (working := _WORKING_OUT.match(text)) is not None:
        text = text[working.end() :]  # "Calculate the drip rate" names the drip rate
    if text.endswith(")"):
        text = _without_label_aside(text)
    if text[:5].lower() == "what " and not text.endswith("?"):
        text = _described_thing(text)
    return "" if not text or is_generic_heading(text) else text


_WORKING_OUT = re.compile(
    r"(?:how\s+to\s+)?(?:calculat(?:e|ing)|comput(?:e|ing)|work(?:ing)?\s+out|determin(?:e|ing)"
    r"|estimat(?:e|ing)|convert(?:ing)?)\s+(?:the\s+|an?\s+)?(?=\w+\s+\w)",
    re.IGNORECASE,
)
"""A heading that tells the reader to work something out ("Calculate IV Flow Rate", "Working
Out the Dose"): its object, two words at least, is what it is about."""
_WORKING_INITIALS = frozenset("CcWwDdEeHh")


def _without_question_tail(text: str) -> str:
    """A subject without the question its heading goes on to ask of it ("Intraocular lenses
    (IOL): which one to choose?", "Punctal plugs (which one to choose?)" -> the lenses, the
    plugs): under it, the items answer that question, and the front asks each item's."""
    found = _QUESTION_TAIL.match(text)
    return found.group("subject") if found is not None else text


_QUESTION_TAIL = re.compile(
    r"(?P<subject>[^?:()]{3,}?(?:\([^()?]{1,30}\))?)\s*(?::\s+|\()(?i:which|what|how|when|why|is|are"
    r"|do|does|should|can)\s(?:\S+\s?){0,5}\?\)?"
)
"""A subject, then after ": " or in brackets a short question (at most six words)."""


_ORDINAL_KIND = re.compile(
    r"(?i)(?:the )?(?:first|second|third|fourth|forth|fifth|sixth|seventh|eighth|ninth|tenth"
    r"|next|another|last|final|main|\d+(?:st|nd|rd|th)|[ivx]+\.?)\s+(?:kind|type|class|form|group"
    r"|category|example|cause|mechanism|way|stage|step|phase|sort|variety)s?\s+of\s+[\w\s-]{1,40}$"
)
"""A lecture's numbering of its parts before a colon ("Second kind of toxin: alpha-toxin"):
what follows the colon is the heading's subject."""


def ordinal_name(title: str) -> str:
    """What a lecture's numbered part names ("Second kind of toxin: alpha-toxin" -> "alpha-toxin";
    `_ORDINAL_KIND`), "" for any other heading."""
    head, colon, tail = heading_text(title).partition(": ")
    return tail.strip() if colon and _ORDINAL_KIND.match(head) else ""


_LABEL_ASIDE = re.compile(r"\s*\((?P<aside>[^()]*)\)$")
_YEAR = re.compile(r"^(?:19|20)\d\d$")
MAX_ASIDE_WORDS = 5
"""A heading's trailing aside of more words than this is an explanation, not part of a name."""


def _without_label_aside(text: str) -> str:
    """A heading without a trailing aside that names nothing: numbers only ("Tongue (9, 10,
    12)", "Touch (5)": the author's nerve or page numbers), a year and a word or two
    ("Prevalence (2023 data)") or a long explanation ("Reflex (0 none, 1 low, 2 normal, 3
    high)"). An aside naming the thing ("Cx (cryptorchidism)", "Type 2 (adult onset)", "BLS
    level (basic life support for the public)") stays."""
    found = _LABEL_ASIDE.search(text)
    head = text[: found.start()].strip() if found is not None else ""
    if found is None or not any(char.isalpha() for char in head):
        return text
    aside = found.group("aside")
    words = [word for word in aside.split() if any(char.isalnum() for char in word)]
    if any(_spells_out(word, aside) for word in head.split()):
        return text  # "BLS level (Basic Life Support -- first responder)": the name spelled out
    letters = any(char.isalpha() for char in aside)
    dated = len(words) <= 3 and any(_YEAR.match(word.strip(",;")) for word in words)
    return head if not letters or dated or len(words) > MAX_ASIDE_WORDS else text


_DESCRIBED = re.compile(
    r"^what\s+(?:an?\s+|the\s+|your\s+|my\s+)?(?P<x>(?!(?:it|this|that|they|you|we|i)\b)"
    r"[\w-]+(?:\s+[\w-]+)??)\s+(?:usually\s+|typically\s+|often\s+|generally\s+|really\s+)?"
    r"(?:looks?\s+like|is\s+like|are\s+like|feels?\s+like|involves?|includes?|entails?|means?)$",
    re.IGNORECASE,
)
"""A heading that says what a thing is like ("What treatment usually looks like", "What recovery
involves"): the thing is its subject."""


def _described_thing(text: str) -> str:
    found = _DESCRIBED.match(text)
    if found is None:
        return text
    thing = found.group("x")
    return thing[:1].upper() + thing[1:]


_OPENING_SUBJECT = re.compile(
    r"^(?:the\s+|an?\s+)?(?P<s>(?!(?:this|these|that|those|it|they|there|here|we|you|i|in|"
    r"on|at|for|when|if|as|with|after|before|during)\b)[^\W\d_][\w'’-]*(?:\s+[\w'’-]+){0,3}?)"
    r"\s+(?:is|are|(?:is|are)\s+(?:a|an|the)|refers?\s+to|describes?)\s+(?=\w)",
    re.IGNORECASE,
)


def opening_subject(sentence: str) -> str:
    """What a page's first sentence is about, when it opens by saying what a thing is ("Loop
    diuretics are medications used …" -> "Loop diuretics"): for a page whose headings name only
    its sections, the subject its title would have named; "" for a sentence about anything
    else ("This activity reviews …", "In adults, …")."""
    found = _OPENING_SUBJECT.match(plain(sentence).strip())
    return found.group("s") if found is not None else ""


_SENTENCE_HEADING = re.compile(r"^(\w[\w'’-]*(?: [\w'’-]+){0,4}) (?:is|are) \w[^.?!]*\.$")
"""A heading written as a sentence about its subject ("Maintaining healthy kidneys is crucial
for overall well-being."): the subject is the words before its "is"."""


def _sentence_subject(text: str) -> str:
    if not text.endswith(".") or (" is " not in text and " are " not in text):
        return text
    found = _SENTENCE_HEADING.match(text)
    return found.group(1) if found is not None else text


_POSSESSIVE = re.compile(r"^(?:your|my|our)\s+(?=\w)", re.IGNORECASE)
"""A reader's possessive opening a heading ("Your Medicines", "My Triggers"): the subject is
what follows it."""
_INSTRUCTION_TAIL = re.compile(
    r"\s+[—–-]\s+(?:take|use|avoid|keep|call|check|know|remember|try|never|always|don'?t|do not)"
    r"\b[^—–]*$",
    re.IGNORECASE,
)
"""An instruction after a dash ("Controller Medicines — Take Every Day"): advice to the reader,
not part of the subject."""


def _without_possessive(text: str) -> str:
    if text[:1] not in "YyMmOo":
        return text
    shorter = _POSSESSIVE.sub("", text)
    return shorter[:1].upper() + shorter[1:] if shorter else text


def _without_instruction(text: str) -> str:
    if " " not in text or ("—" not in text and "–" not in text and " - " not in text):
        return text
    return _INSTRUCTION_TAIL.sub("", text) or text


_REMARK_PRONOUNS = frozenset("it its they them this these those that there".split())


_EXISTENTIAL = re.compile(r"^(?:there|here)\s+(?:is|are|was|were)\s+(?=\w)", re.IGNORECASE)
"""A heading opening as a sentence that says a thing exists ("There are two main ways it
harms:", a lecture's spoken line written as a heading): what it says is of the thing above."""


def is_remark(text: str) -> bool:
    """A heading that says something rather than naming it: an exclamation ("Technique
    Matters!"), a sentence saying what there is ("There are two ways it harms:"), a question
    that only a pronoun names the subject of ("Why Use It?"), or one asking what a thing is
    ("What Is Korrin Fever?")."""
    if text.endswith("!"):
        return len(text.split()) > 1
    if _EXISTENTIAL.match(text) is not None:
        return len(text.split()) > 3
    if not text.endswith("?"):
        return False
    words = {word.strip("?!,.").lower() for word in text.split()}
    return bool(words & _REMARK_PRONOUNS) or _named_by_question(text) != ""


_WHAT_IS = re.compile(
    # "Who's on the care team?", "What's in the kit?": the group or the box is the subject
    r"^(?:(?:who|what)(?:['’]s|\s+is|\s+are)\s+(?:on|in)\s+(?:the\s+|your\s+|my\s+|our\s+)?"
    r"|(?:what|who)\s+(?:is|are)\s+(?:an?\s+|the\s+)?"
    # the same question in the other languages notes come in, with its article: Portuguese "O
    # que é a …?", Spanish "¿Qué es el …?", French "Qu'est-ce que la …?", German "Was ist
    # ein …?", Italian "Cos'è il …?", Danish "Hvad er …?"
    r"|¿?\s*o\s+que\s+(?:é|são)\s+(?:(?:o|a|os|as|um|uma)\s+)?"
    r"|¿\s*qu[ée]\s+(?:es|son)\s+(?:(?:el|la|los|las|un|una)\s+)?"
    r"|qu['’]est[- ]ce\s+(?:que|qu['’])\s*(?:c['’]est\s+)?(?:(?:le|la|les|un|une)\s+|l['’])?"
    r"|was\s+(?:ist|sind)\s+(?:(?:der|die|das|ein|eine)\s+)?"
    r"|(?:che\s+)?cos['’]\s*è\s+(?:(?:il|lo|la|l['’]|un|una|uno)\s*)?"
    r"|(?:che\s+)?cosa\s+(?:è|sono)\s+(?:(?:il|lo|la|i|gli|le|l['’]|un|una|uno)\s*)?"
    r"|hvad\s+er\s+(?:(?:en|et)\s+)?)"
    r"(?P<s>[^?]+?)\s*\?$",
    re.I,
)


_WHAT_IS_ELSEWHERE = re.compile(
    r"^¿?(?:o\s+que\s+(?:é|são)|qu[ée]\s+(?:es|son)|qu['’]est[- ]ce\s+qu(?:e\s+|['’])"
    r"(?:c['’]est\s+(?:que\s+)?)?|was\s+(?:ist|sind)|(?:che\s+)?cos(?:['’]è|a\s+(?:è|sono)))\s*"
    r"(?:(?:o|a|os|as|um|uma|el|la|los|las|un|una|le|les|l['’]|der|die|das|ein|eine|il|lo|i|gli)"
    r"\s*(?<=\s|['’]))?(?P<s>[^?]+?)\s*\?$",
    re.IGNORECASE,
)
"""A "what is X?" heading in Portuguese, Spanish, French, German or Italian ("O que é pressão
arterial?", "Qu'est-ce que la goutte ?")."""
_WHICH_ARE = re.compile(
    r"^¿?(?:what\s+are\s+the|quais\s+são\s+(?:os|as)|cu[áa]les\s+son\s+(?:los|las)"
    r"|quel(?:le)?s\s+sont\s+les|quali\s+sono\s+(?:i|gli|le))\s+(?P<s>[^?]+?)\s*\?$",
    re.IGNORECASE,
)
"""A heading asking which sides of a thing there are ("Quais são os tipos de glaucoma?", "What
are the causes of gout?"): under it, its list is of those sides, the heading's subject."""
MAX_ASKED_WORDS = 6


def _named_by_question(text: str) -> str:
    """The thing a "What is X?" heading names ("X"), in the languages notes come in, or the side
    of a thing a "Which are the X of Y?" heading asks ("types of glaucoma"); "" for any other
    question (a heading "What Causes X?" names a part of X: its list is of causes)."""
    if text[:1] in "¿OoQqWwCcKk":
        found = _WHAT_IS_ELSEWHERE.match(text) or _WHICH_ARE.match(text)
        if found is not None and _asks_a_side(found):
            return found.group("s").strip()
    return _named_in_english(text)


def _named_in_english(text: str) -> str:
    """The thing an English "What is X?" heading names; "" for any other heading."""
    match = _WHAT_IS.match(text)
    if match is None:
        return ""
    subject = match.group("s").strip()
    words = [word.lower() for word in subject.split()]
    if len(words) > MAX_TOPIC_WORDS or set(words) & (_REMARK_PRONOUNS | _SMALL_WORDS):
        return ""  # "What are the side effects of X in Y?" asks a part of X, not what X is
    return subject


def newly_read(title: str) -> str:
    """For note identities only: the subject a heading gave before grades, settings, two-word
    facets, question headings and mnemonics were read as parts of a subject (round 35), when
    it is one of those; "" for any other heading. A list's identity is made of its front's
    opening, and a clearer front should not cost its review history."""
    text = heading_text(title)
    lowered = plain(text).lower().rstrip(":.")
    if text.endswith(('"', "”")) and heading_mnemonic(text)[1]:
        return text
    if text.endswith("?"):
        words = {word.strip("?!,.").lower() for word in text.split()}
        if words & _REMARK_PRONOUNS or _named_in_english(text):
            return ""  # "How do we reduce this harm?", "What is asthma?": read so already
        asked = _WHAT_IS_ELSEWHERE.match(text) or _WHICH_ARE.match(text)
        if (
            _CAUSES_OF.match(text) is not None
            or _bare_question(text)
            or (asked is not None and _asks_a_side(asked))
        ):
            return _subject_text(title) or text
        return ""
    if is_grade_or_setting(text) or is_misc_heading(text) or lowered in _FACET_PHRASES:
        return _subject_text(title) or text
    if lowered in ("clinique", "clínica", "clínico", "klinik", "toxicity", "toxicité"):
        return _subject_text(title) or text
    return ""


_CAUSES_OF = re.compile(
    r"^(?:what|which)\s+(?P<verb>causes|triggers)\s+(?:an?\s+|the\s+)?(?P<s>[^?]{2,40}?)\s*\?$",
    re.IGNORECASE,
)
"""A heading asking what causes a thing ("What causes korrin fever?"): "Causes of korrin fever"."""
_WH_WORDS = frozenset("how when what why where which who".split())
MAX_BARE_QUESTION_WORDS = 6


def _bare_question(text: str) -> str:
    """A short question heading naming no subject of its own ("How often?", "When to seek
    evaluation?", "How much glucose?") as the facet it asks of the thing above, without its
    question mark: a front goes on to ask its own question after it; "" for any other heading."""
    words = text.rstrip("? ").split()
    if not words or len(words) > MAX_BARE_QUESTION_WORDS or words[0].lower() not in _WH_WORDS:
        return ""
    if _question_subject(text.rstrip("? ")) or _named_by_question(text):
        return ""  # "What causes korrin fever?" names korrin fever
    return " ".join(words)


def _asks_a_side(found: re.Match[str]) -> bool:
    """A question's subject short enough to open a front and named by no pronoun; in English, a
    side of a thing only (`_ASKED_FACETS`: "the causes of gout", not "the odds it returns")."""
    words = found.group("s").lower().split()
    if not words or len(words) > MAX_ASKED_WORDS or set(words) & _REMARK_PRONOUNS:
        return False
    if found.re is not _WHICH_ARE or not found.group().lower().startswith("what"):
        return True
    head = words[: words.index("of")] if "of" in words else words
    return _singular_word(head[-1]) in _ASKED_FACETS if head else False


def subject_thing(path: tuple[str, ...]) -> str:
    """The nearest heading of `path` that names a thing (neither generic nor relational), short
    enough to open a front: without its subtitle or brackets, or as the acronym it spells out
    ("Magnetic Resonance Imaging (MRI)" -> "MRI"); "" when none does."""
    for title in reversed(path):
        text = _subject_text(title)
        if text and not is_relational(text):
            return short_subject(text)
    return ""


_ASIDE = re.compile(r"\s*\(([^()]*)\)")
"""A bracketed aside, with the space before it; its text is group 1."""


ARROW = re.compile(
    r"(?:-+|=+)\|(?P<via>[^|\n]{1,40})\|(?:-+|=+)>"
    r"|-+\((?P<sign>[+-])\)-*>"
    r"|=+>|-+>|→|⇒"
)
"""One arrow of a note's notation, whole: a labelled step (`---|enzyme E|-->`, `===|E|===>`:
"via E"), a signed one (`--(-)>` inhibits, `--(+)->` stimulates) or a plain one (`-->`, `==>`,
`->`, `→`). The rules and the check read it as one token: its `==` is no highlight mark and
its label no part of the words beside it."""


ARROW_SPLIT = re.compile(r"\s*(?:(?:-+|=+)\|[^|\n]{1,40}\|(?:-+|=+)>|-+\([+-]\)-*>|=+>|-+>|→|⇒)\s*")
"""`ARROW`'s forms with the spaces about them and no groups: what `re.split` cuts a line at."""


def arrow_verb(token: str) -> str:
    """What an arrow token says between its two sides: "inhibits" for `--(-)>`, "stimulates"
    for `--(+)->`, "via <label>" for `---|E|-->`, "" for a plain arrow (leads to)."""
    match = ARROW.fullmatch(token.strip())
    if match is None:
        return ""
    if match.group("sign"):
        return "inhibits" if match.group("sign") == "-" else "stimulates"
    return f"via {match.group('via').strip()}" if match.group("via") else ""


def without_asides(text: str) -> str:
    """The text without its bracketed asides ("Velbarin (Velbaron) 40 mg" -> "Velbarin 40 mg")."""
    return _ASIDE.sub("", text) if "(" in text else text


def short_subject(text: str) -> str:
    """A subject as a front's opening: "Type II — Antibody-mediated cytotoxicity" -> "Type II",
    "Mechanism of Action (Three Levels)" -> "Mechanism of Action", "Cone-Beam Computed
    Tomography (CBCT)" -> "CBCT"."""
    if "（" in text:  # a full-width aside ("不良反应（分级）") as any other
        text = text.replace("（", " (").replace("）", ")")
    aside = _ASIDE.search(text)
    if aside is not None:
        inner, outer = aside.group(1).strip(), _ASIDE.sub("", text).strip()
        if _spells_out(inner, outer):
            return inner
        text = outer or text
    for separator in (" — ", " – ", " -- ", ": "):
        text = text.split(separator, 1)[0]
    return text.strip()


_PART_NOUNS = frozenset(
    """
    limitation indication contraindication application consideration parameter feature principle
    pearl advantage disadvantage benefit drawback pitfall caveat characteristic effect
    property finding step step-by-step mechanism physics formation aid mnemonic tip requirement
    interpretation factor trial border boundary trap
    """.split()
)
"""Nouns that name a part of a subject, with or without words before them ("Clinical
features", "Key technical parameters", "Current applications", a place's "Borders")."""
_ASPECT_NOUNS = frozenset(
    """
    treatment management diagnosis prognosis monitoring prevention assessment investigation
    dosing dose dosage complication cause symptom sign presentation pathophysiology epidemiology
    aetiology etiology classification type clinical clinique clínica clínico klinik
    toxicity toxicité toxicidad toxicidade toxizität tossicità
    rf rx dx ddx tx ix mx sx hx recognition
    traitement tratamiento tratamento trattamento behandlung therapie thérapie terapia
    manejo conduta conducta diagnostic diagnóstico diagnose diagnosi pronostic pronóstico
    prognóstico prognose prognosi complications complicaciones complicações complicanze
    komplikationen symptômes síntomas sintomas symptome sintomi signes signos sinais segni
    causas ursachen reconnaissance reconocimiento reconhecimento erkennung riconoscimento
    prévention prevención prevenção prävention prevenzione classificação clasificación
    klassifikation classificazione
    """.split()
)
"""Nouns that name a part of a subject when they stand alone ("Treatment"), the shorthand
notes write them in ("rf", "rx", "dx", "clinical") and the same nouns in French, Spanish,
Portuguese, Italian and German ("Reconnaissance", "Prognóstico"); with words before them they
may name a thing ("Antibiotic treatment", "Typical symptoms")."""
_SETTINGS = frozenset("for in during with without after before".split())
"""A heading opening with one of these qualifies its parent's subject ("For household
members", "In children")."""
_POPULATIONS = frozenset(
    """
    infant infants neonate neonates newborn newborns child children adult adults elderly
    nourrisson nourrissons enfant enfants adulte adultes lactante lactantes niño niños
    adulto adultos lactente lactentes criança crianças säugling säuglinge kinder erwachsene
    lattante lattanti bambino bambini adulti
    pregnant pregnancy women men adolescents teenagers toddlers immunocompromised
    immunosuppressed enceintes grossesse femmes hommes embarazadas embarazo mujeres
    gestantes grávidas gravidez mulheres idosos ancianos schwangere schwangerschaft frauen
    männer gravidanza donne anziani børn barn voksne gravide kvinder mænd spædbørn nyfødte
    immunsupprimerede vuxna gravida kvinnor män
    """.split()
)
"""A heading of one of these alone names for whom its parent's subject holds ("Nourrisson"
under "Choking", as "In infants" would); in a list, `**Children**` is a risk factor."""
_POPULATION_QUALIFIERS = frozenset(
    """
    small young younger old older big large postmenopausal post-menopausal premenopausal
    pre-menopausal very pregnant non-pregnant petits jeunes âgés pequeños jóvenes mayores
    pequenas pequenos jovens kleine kleinere ältere jüngere mindre større små store yngre
    ældre unge post-menopausale præmenopausale
    """.split()
)
"""Words that narrow a group ("Small children", Danish "Større børn og voksne", "Post-menopausal
women"): with a group noun, still a group."""


@lru_cache(maxsize=1 << 10)
def is_population(text: str) -> bool:
    """True for a heading that names a group its parent's subject holds for and nothing else:
    "Children", "Pregnant women", "Small children", Danish "Børn, post-menopausale og mænd";
    a front asks it as a facet of its parent ("Kidney infection — small children")."""
    words = _FACET_JOIN.sub(" ", plain(text).lower().rstrip(":.")).split()
    return (
        0 < len(words) <= MAX_POPULATION_WORDS
        and any(word in _POPULATIONS for word in words)
        and all(word in _POPULATIONS or word in _POPULATION_QUALIFIERS for word in words)
    )


MAX_POPULATION_WORDS = 6
_FACET_JOIN = re.compile(r"\s*(?:/|&|\+|,|\b(?:and|og|och|und|et|y|e)\b)\s*")
"""What joins the parts of a heading in the languages notes come in: "Course and prognosis",
Danish "Forløb og prognose", German "… und …", French "… et …", Spanish "… y …", Portuguese
"… e …"."""
_FACET_WORDS = frozenset(
    """
    course outlook pathogenesis paraclinical évolution evolución evolução verlauf decorso pathogénie
    patogenia patogênese pathogenese patogenesi paraclinique paraclínico paraclínica
    behandling diagnose forløb prognose patogenese paraklinisk parakliniske symptomer
    komplikationer udredning profylakse ætiologi epidemiologi
    tossicità toxicidade toxicidad toxicité toxizität vantaggi svantaggi vantagens
    desvantagens ventajas desventajas avantages inconvénients vorteile nachteile indicazioni
    indicações indicaciones indikationen controindicazioni contraindicações
    contraindicaciones contre-indications kontraindikationen posologia posología posologie
    dosierung farmacocinetica farmacocinética pharmacocinétique pharmakokinetik
    precauciones precauções précautions precauzioni vorsichtsmaßnahmen incompatibilidades
    incompatibilités incompatibilità inkompatibilitäten interacciones interações interazioni
    wechselwirkungen presentación presentaciones apresentação apresentações présentation
    presentazione administración administração somministrazione verabreichung preparación
    preparação préparation preparazione dilución diluição diluizione estabilidad estabilidade
    stabilité stabilità conservación conservação conservazione almacenamiento armazenamento
    reevaluación reavaliação réévaluation rivalutazione monitorización monitorização
    monitoraggio überwachung vigilancia vigilância einteilung klassifikation wirkung
    wirkmechanismus nebenwirkungen effekte wirkungen interactions doses dosis dosen dosi
    """.split()
)
"""A phase or a generic facet of a disease ("Course", "Pathogenesis", "Paraclinical") and the
aspects in Danish, and a drug's in the Romance languages and German ("Einteilung", "Wirkung"):
as a heading alone, a facet of the heading above it."""


_FACET_PHRASES = frozenset(
    (
        "clinical examination",
        "physical examination",
        "physical exam",
        "history taking",
        "differential diagnosis",
        "examen clinique",
        "examen physique",
        "interrogatoire",
        "anamnèse",
        "diagnostic différentiel",
        "examens complémentaires",
        "prise en charge",
        "examen físico",
        "exploración física",
        "anamnesis",
        "diagnóstico diferencial",
        "exame físico",
        "exame clínico",
        "anamnese",
        "körperliche untersuchung",
        "differentialdiagnose",
        # a drug's facets in two or three words, as a monograph heads them
        "efectos adversos",
        "efectos secundarios",
        "reacciones adversas",
        "efeitos adversos",
        "efeitos colaterais",
        "reações adversas",
        "effets indésirables",
        "effets secondaires",
        "effetti collaterali",
        "effetti avversi",
        "mecanismo de acción",
        "mecanismo de ação",
        "mécanisme d'action",
        "meccanismo d'azione",
        "objetivo terapéutico",
        "objetivo terapêutico",
        "objectif thérapeutique",
        "obiettivo terapeutico",
        "normas de seguridad",
        "normas de segurança",
        "alertas de seguridad",
        "alertas de segurança",
        "cuidados de enfermería",
        "cuidados de enfermagem",
        "soins infirmiers",
        "assistenza infermieristica",
    )
)
"""A step of a work-up or a facet named in two words ("Examen clinique", "Differential
diagnosis", French "Interrogatoire"): a part of whatever the page is about, as the one-word
facets are."""


@lru_cache(maxsize=1 << 10)
def is_facet_heading(text: str) -> bool:
    """True for a heading made only of a disease's facets, one word each, in any of the
    languages notes come in ("Course", "Paraclinical", Danish "Forløb og prognose"): the
    heading above names what they are facets of ("Cystitis — course and prognosis"). Headings
    only: a bold label such as "**Pathogenesis**" keeps what the list rules make of it. A
    facet said to be whole ("Preparación completa", `without_whole`) is that facet."""
    lowered = _SPACED_HYPHEN.sub("-", without_whole(plain(text)).lower().rstrip(":. "))
    if lowered in _FACET_PHRASES:
        return True
    parts = [_unranked(part) for part in _FACET_JOIN.split(lowered) if part]
    return bool(parts) and all(
        part in _FACET_WORDS or part in _ASPECT_NOUNS or part in _FACET_PHRASES for part in parts
    )


_SPACED_HYPHEN = re.compile(r"(?<=\w) -(?=\w)")
"""A hyphen a PDF's extractor set apart from the word before it ("Contre -indications")."""
_RANKING_WORDS = frozenset(
    """
    main principal principaux principale principales principais principali wichtigste
    wichtigsten weitere initial initiales iniciais iniciales iniziali initiale anfängliche
    """.split()
)
"""Words ranking a facet or saying when it holds, before or after it ("Principaux effets
indésirables", German "Weitere Effekte", Portuguese "Doses iniciais"): still that facet."""


def _unranked(phrase: str) -> str:
    """A facet phrase without its one ranking word (`_RANKING_WORDS`); any other phrase as it
    is."""
    words = phrase.split()
    if len(words) < 2:
        return phrase
    if words[0] in _RANKING_WORDS:
        return " ".join(words[1:])
    if words[-1] in _RANKING_WORDS:
        return " ".join(words[:-1])
    return phrase


def without_whole(phrase: str) -> str:
    """A facet heading without the word saying it is given whole ("Preparación completa",
    "Full preparation", "Posologie complète" -> the facet): on a front, the facet alone says
    what is asked. Any other phrase is returned as it is."""
    words = phrase.split()
    if len(words) < 2:
        return phrase
    if words[-1].lower().strip(":.") in _WHOLE_WORDS:
        rest = " ".join(words[:-1])
    elif words[0].lower() in _WHOLE_WORDS:
        rest = " ".join(words[1:])
        rest = rest[:1].upper() + rest[1:] if phrase[:1].isupper() else rest
    else:
        return phrase
    return rest if is_facet_heading(rest) else phrase


_WHOLE_WORDS = frozenset(
    "completa completo completas completos complete full complète complet completi vollständige "
    "vollständig detallada detallado detalhada detalhado détaillée detailed".split()
)
"""Words saying a facet is given whole or in detail, in the languages notes come in."""


def opens_with_facet(text: str) -> bool:
    """True for a short label that opens with a facet of its subject, in any language notes come
    in, whatever qualifies it ("Indicazioni terapeutiche", "Effetti avversi comuni dei
    diuretici", "Common side effects" is not: it opens with a qualifier). Over a sub-list of its
    own it is a sub-heading, never a member of the list it stands in."""
    words = _FACET_JOIN.sub(" ", plain(text).lower().rstrip(":.")).split()
    if not 0 < len(words) <= MAX_FACET_LABEL_WORDS:
        return False
    return (
        words[0] in _FACET_WORDS
        or words[0] in _LABEL_FACETS
        or (words[0] in _ASPECT_NOUNS and words[0] not in _KIND_NOUNS)
        or " ".join(words[:2]) in _FACET_PHRASES
        or " ".join(words[:3]) in _FACET_PHRASES
    )


MAX_FACET_LABEL_WORDS = 7
_LABEL_FACETS = frozenset(
    """
    indications contraindications uses effects features findings actions mechanism causes
    complications interactions precautions cautions side adverse
    azioni acciones ações wirkungen effetti efectos efeitos effets suspicion criteria clues
    """.split()
)
"""Facets a label opens with ("Indications in children", "Side effects", "Adverse reactions",
Italian "Azioni esplicate"), and what makes one suspect or diagnose a condition ("Suspicion
of X", "Criteria"): over their points, no member of a list of tests."""
_KIND_NOUNS = frozenset("type classification clinical clinique clínica clínico klinik".split())
"""Aspect nouns that, opening a label, name a kind or a qualifier ("Type 2", "Clinical
trials"), no facet."""


_GROUPS = frozenset("populations groups situations circumstances settings cases".split())
"""A heading above a group that only says groups follow ("Special populations", "Asthma in
special situations"): the group's own heading says it all."""


@lru_cache(maxsize=1 << 10)
def is_relational(text: str) -> bool:
    """True for a heading or label that names a part or a setting of a subject it does not
    name: "Limitations", "Clinical features", "Indications in OMS", "Physics and image
    formation", "Five mechanisms", "For household members"; not "Factors affecting prognosis",
    "Causes of gout" or "Antibiotic treatment"."""
    if _is_setting(text):
        return True
    before = text.lower().split(" in ", 1)[0]  # "Indications in OMS": a setting, not a subject
    parts = [part for part in _GENERIC_JOIN.split(plain(before).lower()) if part]
    return bool(parts) and all(_names_a_part(part) for part in parts)


def _is_setting(text: str) -> bool:
    """A phrase naming when or for whom something holds: "In infants", "During pregnancy"."""
    words = plain(text).lower().split()
    return len(words) > 1 and words[0] in _SETTINGS


def _names_a_part(phrase: str) -> bool:
    words = phrase.split()
    if any(word in _QUALIFIERS or word.endswith("ing") for word in words[1:]):
        return False  # "Factors affecting prognosis", "Causes of gout": they name their subject
    last = phrase.split()[-1] if phrase.split() else ""
    nouns = {last, _singular_word(last)}
    if nouns & _PART_NOUNS:
        return True
    return len(phrase.split()) == 1 and bool(nouns & _ASPECT_NOUNS)


def _repeats(relation: str, thing: str) -> bool:
    """The subject says it already: "Typical symptoms" under "Symptoms of korrin fever"."""
    return bool(content_words(relation) & content_words(thing))


_QUESTION_FORMS = (
    re.compile(r"^(?:what|who)\s+(?:is|are|was|were)\s+(?:an?\s+|the\s+)?(?P<s>.+)$", re.I),
    re.compile(r"^(?:what|which)\s+(?:causes|triggers)\s+(?P<s>.+)$", re.I),
    re.compile(
        r"^(?:(?:how|why|when|where)(?:\s+(?:long|much|many|often|soon|fast|quickly|common))?"
        r"\s+)?(?:is|are|can|could|does|do|did|should|will|may)\s+(?P<rest>.+)$",
        re.I,
    ),
)
_VERBS_AFTER_SUBJECT = frozenset(
    """
    be become get go cause spread last turn come kill help hurt need make lead affect work run
    happen start stop take feel look show mean occur develop return
    """.split()
)
_PRONOUNS = frozenset("i you we it they he she this that there".split())


def _question_subject(question: str) -> str:
    """The subject of a question title: "Is Korrin Fever Contagious" -> "Korrin Fever",
    "What Is Asthma" -> "Asthma"; "" when there is none to find ("Can you catch it twice")."""
    question = _QUESTION_NUMBER.sub("", question.strip())
    asked = _asked_of(question)
    if asked:
        return asked
    for form in _QUESTION_FORMS:
        match = form.match(question.strip())
        if match is None:
            continue
        if "s" in match.groupdict() and match.group("s"):
            return match.group("s")
        words = match.group("rest").split()
        if not words or words[0].lower() in _PRONOUNS:
            return ""
        for index, word in enumerate(words[1:], 1):
            if word.lower() in _VERBS_AFTER_SUBJECT:
                return " ".join(words[:index])
        return " ".join(words[:-1]) if len(words) > 1 else words[0]
    return ""


_GUIDE_ADJECTIVES = (
    "comprehensive|complete|practical|quick|ultimate|essential|concise|brief|short|simple|"
    "basic|definitive|handy|pocket|clinical|illustrated|visual|detailed|full|easy|friendly|"
    "updated|beginner'?s|student'?s|nurse'?s|patient'?s|parent'?s"
)
"""Words a guide praises itself with ("A Comprehensive Guide to …", "The Essential Handbook of
…"): none of them is the guide's subject."""


_QUESTION_NUMBER = re.compile(r"^(?:q(?:uestion)?\s?\d+[a-z]?\s*[.:)–—-]\s*)", re.IGNORECASE)
"""An exam question's number before it ("Q7. ", "Question 12: ", "Q3a) ")."""
_ASKED_OF = re.compile(
    r"^(?:(?:what|which)\s+(?:is|are|were|was)|describe|discuss|outline|explain|list|summari[sz]e)"
    r"\s+(?:the\s+)?(?P<facets>[^?]+?)\s+(?:of|for)\s+(?:the\s+|an?\s+)?(?P<s>[^?]+)$",
    re.IGNORECASE,
)
_ASKED_FACETS = (
    _PART_NOUNS
    | _ASPECT_NOUNS
    | frozenset(
        """
        differential difference outcome consequence action role use course approach
        investigation risk workup work-up therapy finding
        """.split()
    )
)
"""Nouns an exam question asks about a subject with ("the clinical features, diagnosis and
important differentials of X", "the mechanism of action of X"): sides of X, never X."""


def _asked_of(question: str) -> str:
    """The subject of a question that asks for sides of it: "What are the features and treatment
    of acute gout" -> "acute gout", "Describe the mechanism of action of aspirin" -> "aspirin"
    (every part before "of" names a side, `_ASKED_FACETS`); "" for any other question ("What is
    the capital of France" asks no side of France)."""
    found = _ASKED_OF.match(question.strip())
    while found is not None:
        parts = [part for part in _GENERIC_JOIN.split(plain(found["facets"]).lower()) if part]
        if not parts or not all(_singular_word(p.split()[-1]) in _ASKED_FACETS for p in parts):
            return ""
        subject = found["s"].strip()
        found = _ASKED_OF.match(f"what is {subject}")  # "… of action of aspirin": a side again
        if found is None:
            return subject
    return ""


_SCAFFOLD_BEFORE = re.compile(
    rf"^(?:(?:(?:an?|the|your)\s+)?(?:(?:{_GUIDE_ADJECTIVES})\s+){{0,2}}"
    r"(?:introduction\s+to|intro\s+to|overview\s+of|guide\s+to|primer\s+on|handbook\s+of)|"
    r"(?:the\s+)?basics\s+of|understanding|all\s+about|(?:lecture\s+)?notes\s+on|"
    r"high[\s-]yield|"
    r"everything\s+you\s+need\s+to\s+know\s+about)\s+",
    re.IGNORECASE,
)
_GUIDE = re.compile(r"\b(?:guide|handbook|primer|overview|introduction)\b", re.IGNORECASE)
_GUIDED_ASPECT = re.compile(r"(?<=\S)\s+(?:management|treatment|overview)$", re.IGNORECASE)
"""What a guide to a condition covers, after its name ("Guide to Gout Management"): the guide's
risk factors and stages belong to the condition, so its topic is the condition ("gout")."""
_SCAFFOLD_AFTER = re.compile(
    r"\s+(?:(?:the\s+)?basics|(?:a\s+)?study\s+guide|(?:lecture\s+|study\s+|revision\s+)?notes|"
    r"(?:an\s+)?overview|summary|review|revision|cheat\s*sheet|fact\s*sheet|handout|"
    r"(?:(?:quick|pocket|practical|handy|short|brief|concise)\s+)?guide|"
    r"explained|101|quiz|exam|test|flash\s*cards|q\s*&\s*a|faqs?|(?:lecture\s+)?slides|"
    r"slide\s+deck|lecture|hy|high[\s-]yield|recap|cram|"
    r"(?:previous\s+year\s+)?questions(?:\s+(?:and|&)\s+answers)?|"
    # the approach a page takes, not its subject: "Antibiotics by First Principles"
    r"(?:by|from)\s+first\s+principles|made\s+(?:\w+\s+)?(?:simple|easy)|simplified|"
    r"demystified|in\s+a\s+nutshell|at\s+a\s+glance|in\s+brief|step\s+by\s+step|"
    r"for\s+(?:dummies|beginners|the\s+layman)|"
    # a document's genre noun after its subject ("Sepsis Protocol", "Asthma Pathway")
    r"protocols?|guidelines?|pathways?|algorithms?|workflows?|standing\s+orders|"
    # the same genre words in the other languages notes come in
    r"resumo|resumen|riassunto|zusammenfassung|r[ée]sum[ée]|apuntes|appunti|revis[ãa]o|"
    r"repaso|gu[íi]a|guida|leitfaden|protocolo|protocollo|protokoll|protocole)"
    r"(?:\s+\d+)?$",
    re.IGNORECASE,
)
_FOR_AUDIENCE = re.compile(r"\s+(?:for|para|per|pour|für)\s+(?P<who>[^:]+)$", re.IGNORECASE)
"""A title's readers after "for" ("Asthma for New Parents", "Asma para pacientes"): who the page
is written for, not what it is about (`_names_audience`)."""
_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9]{1,7}$")
_FILED_YEAR = re.compile(r"^(?:19|20)\d\d(?:\s|$)")
_FILED_BY = re.compile(r"^[A-Z]\.?\s+[A-Z][A-Z'’-]+$")
"""An author's initial and surname in capitals as a part of a file's name ("C SMITH")."""


def filed_subject(text: str) -> str:
    """A title written as a file's name in parts (`_`) with a year among them ("Benzodiazepines
    _C SMITH_2025 IFCS", "korrin_fever_2019"): the parts before the year, without an author's
    initial and surname, name the subject; the year and what follows (institution, version)
    say who filed it. Any other title is returned as it is."""
    parts = [part.strip() for part in text.split("_")]
    dated = next((at for at, part in enumerate(parts) if _FILED_YEAR.match(part)), 0)
    kept = parts[:dated]
    while kept and _FILED_BY.match(kept[-1]) is not None:
        kept.pop()
    return " ".join(kept) if kept and all(kept) else text


_MID_ASIDE = re.compile(r"^(?P<head>[^()]+?)\s*\([^()]{1,12}\)\s+(?P<tail>[^()\s][^()]*)$")
"""A title whose short aside (an acronym) parts a genre label from the subject after it."""


@lru_cache(maxsize=256)
def title_topic(title: str) -> str:
    """The topic phrase a page title names, short: its subject, never a subtitle, a course or
    chapter number, a question, emoji or "basics". "Module 2: Infection Control & Safety" ->
    "infection control & safety"; "Is Korrin Fever Contagious? How Long…" -> "korrin fever";
    "Hypertension (High Blood Pressure) — Basics" -> "hypertension"; "ULT: Urate Lowering
    Therapy" -> "urate lowering therapy"; a file stem "06 hypersensitivity" -> "hypersensitivity";
    "Insulin Pharmacology and Notes" -> "insulin" (`_without_discipline`); "Anatomical Areas in
    the Lower Limbs", six words, -> "the lower limbs" (`_whole_named`).
    """
    text = heading_text(title)
    text = re.sub(r"^\d+\s+(?=\D)", "", text)  # a file stem's order number ("06 asthma")
    coded = _LEADING_CODE.match(text)
    text = text[coded.end() :] if coded is not None else text
    if "?" in text:
        question = text.split("?", 1)[0]
        text = _question_subject(question) or question
    text = _without_subtitle(text)
    if "_" in text:  # "Benzodiazepines_C SMITH_2025 IFCS": a file's name, then its author's
        text = filed_subject(text)
    labelled = _MID_ASIDE.match(text)
    if labelled is not None and _is_genre_label(labelled["head"]):
        tail = labelled["tail"]  # "ICMR Standard Treatment Workflow (STW) DIABETES TYPE 1"
        text = _sentence_case(tail) if tail.isupper() else tail
    without_parentheses = _ASIDE.sub("", text).strip()
    text = without_parentheses or text
    if _is_genre_label(text):
        return ""  # "Standard Treatment Workflow": the kind of page; its subject is elsewhere
    shorter = _SCAFFOLD_BEFORE.sub("", text).strip()
    text = shorter or text
    while True:  # "Endocrine Review HY": every genre word after the subject, one by one
        shorter = _SCAFFOLD_AFTER.sub("", text).strip()
        found = _FOR_AUDIENCE.search(shorter)
        if found is not None and _names_audience(found["who"]):
            shorter = shorter[: found.start()].strip()
        if not shorter or shorter == text:
            break
        if _GENRE_NOUNS.intersection(text[len(shorter) :].lower().split()):  # "… Pathway 2"
            shorter = _without_label_qualifiers(shorter) or shorter
        text = shorter
    if _GUIDE.search(title) is not None:
        text = _GUIDED_ASPECT.sub("", text)
    text = _without_discipline(text.strip(_SEPARATORS + ".,;!?"))
    if coded is not None and _COURSE_IN_SERIES.fullmatch(text) is not None:
        return ""  # "RNSG 2514 Nursing III": the course's name, not what a page of it teaches
    if not text:
        text = plain(title)
    if _names_no_topic(text):
        return ""
    return topic_phrase(_whole_named(text) if _too_many_words(text) else text)


def subtitle_topic(subtitle: str) -> str:
    """The topic a page's subtitle names, for a title that names none ("New Parent Guide" over
    "Warning Signs in Your Newborn"): its subject (`title_topic`), or for a subtitle naming a
    part of a thing, the thing after its "in" or "of", the reader's "your" aside ("newborn")."""
    topic = title_topic(subtitle)
    parts = _IN_OR_OF.split(topic, maxsplit=1)
    if len(parts) != 2 or not parts[0].strip():
        return topic
    last = parts[0].split()[-1].lower()
    part = {last, _singular_word(last)} & (_PART_NOUNS | _ASPECT_NOUNS)
    if not part and not is_relational(parts[0]):
        return topic
    thing = _THE.sub("", _POSSESSIVE.sub("", parts[1].strip()))
    return topic_phrase(thing) if thing else topic


_THE = re.compile(r"^(?:the|a|an)\s+(?=\w)", re.IGNORECASE)


def _too_many_words(text: str) -> bool:
    """A phrase of a few meaningful words but more than MAX_TOPIC_WORDS + 1 words in all
    ("Anatomical Areas in the Lower Limbs"): "… in <six words>" on every front repeats the
    page title, however small its little words."""
    return len(_TOPIC_WORD.findall(text)) > MAX_TOPIC_WORDS + 1


def _whole_named(text: str) -> str:
    """The thing a long title's parts belong to: the few words after its first "in" or "of"
    when the words before name parts of it (`is_relational`) or the regions it is divided
    into ("Anatomical Areas in the Lower Limbs" -> "the Lower Limbs", "Complications of
    Diabetes in the Elderly" -> "Diabetes in the Elderly"), as the sections of such a page
    each name one of them; else the title stays whole: "Vital Signs in Adults and Children"
    names a thing in a setting, "Breast Cancer Metastasis to the Liver" one thing."""
    parts = _IN_OR_OF.split(text, maxsplit=1)
    if len(parts) != 2 or _too_many_words(parts[1]):
        return text
    head = parts[0].strip()
    region = _singular_word(head.rsplit(" ", 1)[-1]).lower() in _REGION_NOUNS
    return parts[1].strip() if region or is_relational(head) else text


_REGION_NOUNS = frozenset("area region zone compartment space landmark".split())
"""Nouns naming the parts a body or a place is divided into: "Anatomical Areas in X"."""


_IN_OR_OF = re.compile(r"\s+(?:in|of)\s+", re.IGNORECASE)


def title_thing(title: str) -> str:
    """The thing a page title is about, for a front that must name it: its topic
    (`title_topic`), or, for a title too long to be one that names a part of a thing ("Major
    Side Effects Of Systemic Glucocorticoids": `is_relational` before its "of"), the thing
    after the "of" ("systemic glucocorticoids"); "" otherwise."""
    topic = title_topic(title)
    if topic:
        return topic
    parts = _OF.split(heading_text(title), maxsplit=1)
    if len(parts) != 2 or not is_relational(parts[0]) or _names_no_topic(parts[1]):
        return ""
    return topic_phrase(parts[1])


_OF = re.compile(r"\s+of\s+", re.IGNORECASE)


_DISCIPLINES = (
    "pharmacology|physiology|pathophysiology|pathology|anatomy|microbiology|biochemistry|"
    "histology|immunology|pharmacokinetics|pharmacodynamics|epidemiology"
)
_DISCIPLINE_OF = re.compile(rf"^(?:{_DISCIPLINES})\s+of\s+(?:the\s+)?(?=\w)", re.IGNORECASE)
_DISCIPLINE_AFTER = re.compile(
    rf"^(?P<name>.*?\S)\s+(?:{_DISCIPLINES})(?:\s+(?:and|&))?$", re.IGNORECASE
)
_DANGLING = re.compile(r"\s+(?:and|&|with|of)$", re.IGNORECASE)
_MODIFIER_ENDINGS = ("al", "ic", "ac", "ar", "ary", "ory", "ous", "ive", "an", "ed")
_MODIFIERS = frozenset("gross surface basic applied cell molecular exercise special".split())
"""Words that make a discipline a subject of its own ("Renal Physiology", "Gross Anatomy",
"Clinical Pharmacology"), not the lens a page reads its subject through."""


def _without_discipline(text: str) -> str:
    """A title without the words that name its genre rather than its subject: a discipline read
    of a thing ("Insulin Pharmacology and" -- its "Notes" cut already --, "Pathophysiology of
    Staphylococcus Aureus", "Pharmacology of opioids") gives the thing ("Insulin", "Staphylococcus
    Aureus", "opioids"); a discipline qualified by an adjective ("Renal Physiology", "Clinical
    Pharmacology") or alone is the subject itself, and stays."""
    text = _DANGLING.sub("", text)
    shorter = _DISCIPLINE_OF.sub("", text)
    if shorter != text:
        return shorter
    found = _DISCIPLINE_AFTER.match(text)
    if found is None:
        return text
    name = found.group("name")
    last = name.split()[-1].lower()
    if last in _MODIFIERS or last.endswith(_MODIFIER_ENDINGS) or last in _SMALL_WORDS:
        return text
    if last.startswith(("anti", "non-", "pro-")):
        return text  # "Anti-Seizure Pharmacology": a kind of drugs, not a drug
    return name


MAX_TOPIC_WORDS = 4
"""A topic is a few words ("breast cancer metastasis to liver"): a longer title is a module's or
a page's, and "... in <six words>" on every front is clutter the source line already shows."""
_COURSE_CODE = re.compile(r"\b[A-Z]{2,5}\s?-?\d{3,4}[A-Z]?\b")
"""A course code: "PHP 317", "NR224", "NURS-1010" (an outbreak's "COVID-19" has two digits)."""
_SESSION_WORDS = "module|lesson|week|lecture|session|chapter|part|section"
"""What a course numbers its meetings or parts by: "Week 5", "Lecture 12" (a course label
wherever it stands in a title, `_COURSE_LABEL`)."""
_SESSION_LABEL = re.compile(
    rf"(?:{_SESSION_WORDS}|day)\s*\d+[a-z]?(?:\s*[-–—:]?\s*(?:notes?|summary|recap))?",
    re.IGNORECASE,
)


def is_session_label(title: str) -> bool:
    """A title that only says which meeting of a course a page was written in ("Day 3", "Week
    5", "Lecture 12", "day3", "Week 2 notes"): no subject, so neither a deck's topic nor its
    name when the file or its folder says more."""
    return _SESSION_LABEL.fullmatch(" ".join(plain(title).strip(" :.!#").split())) is not None


_COURSE_LABEL = re.compile(
    r"\b(?:quiz(?:zes)?|midterms?|blueprints?|syllabus|worksheets?|homework|assignments?|"
    rf"study\s+guides?|(?:{_SESSION_WORDS})\s*\d+|modules?|"
    r"book\s+chapters?|ch\.?\s?\d+|"
    r"(?:final|midterm|practice|mock|board|licensing|entrance|course|unit|module)\s+exam\w*|"
    r"exams?\s+(?:prep\w*|review|blueprint|questions|concepts?))\b",
    re.IGNORECASE,
)
"""What names an assessment or a course part, never a subject: a "physical exam" or an
"intensive care unit" is a subject, so "exam" and "unit" count only in these phrases."""
_LEADING_CODE = re.compile(r"^[A-Z]{2,5}(?:\s+|\s?-\s?)\d{3,4}[A-Z]?\s*[:–—-]?\s+(?=\w)")
"""A course code opening a title ("PHP 317 Cardiac drugs"); "CYP450 inhibitors" names a subject."""
_COURSE_IN_SERIES = re.compile(
    r"(?:[A-Za-z][\w&'’-]*\s)?(?!(?i:type|class|grade|stage|phase|factor|group|level|step)\s)"
    r"[A-Za-z][\w&'’-]*\s(?:[IVX]{1,4}|\d)"
)
"""A course of a numbered series after its code ("NURS 101 Pharmacology I", "BIO 210 Anatomy
2"); "Korrin Type II" after one is a kind of a thing."""
_TOPIC_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def _names_no_topic(text: str) -> bool:
    """A title that gives no topic phrase: one naming an assessment or a course part ("Final
    exam concept blueprint", "Module 3 quiz"), a course code alone ("PHP 317"), or more than
    MAX_TOPIC_WORDS words that carry meaning. The source line above every question names the
    document already; fronts then start from their headings' subjects."""
    if "  " in text:
        text = single_spaced(text)
    if _COURSE_LABEL.search(text) is not None or is_session_label(text):
        return True  # "Day 3" alone is a meeting; "Day 1 of treatment" and "Day 14 of the
        # cycle" name a stage of what is studied, a topic
    if _is_course_label(text):
        return True
    if _names_audience(text):
        return True  # "Patient & Family Guide 2024": who it is for, not what it is about
    if _GENRE_ONLY.fullmatch(text.strip(" .:")) is not None:
        return True  # "Glossary", "Key terms": what kind of page, not what it is about
    named = [w for w in _TOPIC_WORD.findall(text) if w.lower() not in _SMALL_WORDS]
    return len(named) > MAX_TOPIC_WORDS


_GENRE_ONLY = re.compile(
    r"(?:(?:key|important|common|basic|medical|clinical)\s+)?"
    r"(?:glossary|glossaries|glosario|glossário|glossaire|glossar|glossario|vocabulary|"
    r"vocabulario|vocabulário|vocabulaire|terminology|terms|definitions|terms and definitions|"
    r"abbreviations|abbreviations list|list of abbreviations|abbreviations and acronyms|"
    r"acronyms|términos|termos|termes|begriffe|abreviaturas|abréviations|abkürzungen)",
    re.IGNORECASE,
)
"""A title naming only the genre of the page, a list of terms ("Glossary", "Key terms",
"Abbreviations list", Spanish "Glosario"): each term is the card's subject, the title none."""


def names_genre_only(title: str) -> bool:
    """Whether a heading or title names only the genre of its page ("Glossary", "Key terms"):
    no subject for a front, whose terms are their own."""
    return _GENRE_ONLY.fullmatch(heading_text(title).strip(" .:")) is not None


def _names_audience(text: str) -> bool:
    """A phrase naming only a page's readers or its format, in any of the languages notes come
    in: "Patient & Family Guide", "New Parent Guide" (an adjective of the reader's counts only
    beside a reader: "New Drugs" is a subject), "Guía del paciente"."""
    named = [
        word.lower()
        for word in _TOPIC_WORD.findall(text)
        if word.lower() not in _SMALL_WORDS and word.lower() not in _LINKING_WORDS
    ]
    if not named or not any(word in _AUDIENCE for word in named):
        return False
    return all(word in _AUDIENCE or word in _AUDIENCE_ADJECTIVES for word in named)


_AUDIENCE = frozenset(
    """
    patient patients family families carer carers caregiver caregivers parent parents you your
    public client clients resident residents staff student students nurse nurses information
    education leaflet booklet pamphlet brochure handbook resource resources guide guides
    paciente pacientes patient patienten paziente pazienti familia familias família famiglia
    pais padres genitori eltern cuidador cuidadores aidant aidants guía guia guida leitfaden
    información informação informazioni informationen ratgeber
    """.split()
)
_AUDIENCE_ADJECTIVES = frozenset(
    "new expectant first-time young future novo nova nuevo nueva nuovo nuovi neue nouveaux".split()
)
"""What a title says of its readers ("New Parent Guide", "Expectant Mothers"): with a reader,
still only who the page is for."""
_LINKING_WORDS = frozenset(
    "de del la el los las da do dos das di della dello des du le les il i para per pour für".split()
)
"""The small words of the other languages notes come in, between a title's words ("Guía del
paciente", "Guida per i genitori")."""
"""Words a title names its readers or its format with: a title of only these gives no topic."""


def _is_course_label(text: str) -> bool:
    """Nothing but course codes, assessment labels and numbers: "PHP 317", "NR NR224", "Module
    5 Quiz"."""
    if not any(char.isdigit() for char in text) and _COURSE_LABEL.search(text) is None:
        return False
    rest = _COURSE_LABEL.sub(" ", _COURSE_CODE.sub(" ", text))
    return all(word.isupper() and len(word) <= 5 for word in _TOPIC_WORD.findall(rest))


_CHAPTER_OF_BOOK = re.compile(r"(?:[A-Z][\w'’]*\s+){1,3}ch(?:apter)?\.?\s?\d+", re.IGNORECASE)
"""A textbook's chapter cited as a title's part ("Harrison Ch12", "Guyton Chapter 5")."""


def _without_subtitle(text: str) -> str:
    """The part of a title before its subtitle (" — Basics", ": Symptoms and Treatment",
    " | Site name"); the part after a label that is not a subject ("Study guide: Asthma"), or
    after an acronym it spells out ("ULT: Urate Lowering Therapy")."""
    for separator in (" | ", " — ", " – ", " -- ", " - ", ": "):
        head, found, tail = text.partition(separator)
        head, tail = head.strip(), tail.strip()
        if not found or not head or not tail:
            continue
        if (
            is_generic_heading(head)
            or _SCAFFOLD_AFTER.sub("", f" {head}").strip() == ""
            or _is_course_label(head)
            or _CHAPTER_OF_BOOK.fullmatch(head) is not None
            or _is_format_label(head)
        ):
            return _without_subtitle(tail)
        if separator == ": " and _spells_out(head, tail):
            return tail
        if separator == ": " and _is_genre_label(head):
            # "Pediatric Protocol: Diabetic Emergencies": the genre is the head, the subject
            # the tail; the population it holds for stays ("pediatric diabetic emergencies")
            words = head.split()
            english = words[-1].lower() in _GENRE_NOUNS  # "Protocolo pediátrico": agreement
            for_whom = [w for w in words if english and w.lower() in _PROTOCOL_POPULATIONS]
            subject = _without_subtitle(tail)
            return " ".join([*for_whom, subject]) if for_whom else subject
        return _without_subtitle(head)
    return text


_GENRE_NOUNS = frozenset(
    """
    protocol protocols guideline guidelines pathway pathways policy algorithm algorithms sop
    workflow workflows stw
    procedure procedures guide handbook manual orders standing protocolo protocolos protocollo
    protokoll protocole procedimiento procedimento procédure procedura guía guia guida
    leitfaden richtlinie leitlinie algoritmo algorithmus algorithme manuale manuel
    """.split()
)
"""Nouns naming the kind of document a page is (a protocol, a guideline, a procedure), in the
languages notes come in: before a colon, the subject is what follows."""
_PROTOCOL_POPULATIONS = frozenset(
    """
    pediatric paediatric adult adults neonatal obstetric geriatric pediátrico pediátrica
    pediatrico pediatrica pédiatrique pädiatrisch adulto adulta adulte
    """.split()
)
"""Whom a protocol is for, kept with its subject: doses differ for them."""
_LABEL_QUALIFIERS = frozenset(
    """
    clinical emergency prehospital pre-hospital ems als bls nursing hospital local regional
    national standard treatment clínico clínica clinico clinica clinique klinisch
    """.split()
)


def is_genre_label(text: str) -> bool:
    """A heading or a title's part naming only the kind of document and whom or where it is for
    ("Standard Treatment Workflow (STW)", "Clinical Pathway", "ICMR Guideline"): a front's
    topic it never is; the subject is in the file's name or a later heading."""
    return _is_genre_label(without_asides(heading_text(text)))


def _is_genre_label(head: str) -> bool:
    """A title's head naming only the kind of document and whom or where it is for
    ("Pediatric Protocol", "Clinical Guideline", "Guía del paciente"), never a subject; an
    issuing body's acronym before it ("ICMR Standard Treatment Workflow") is no subject either."""
    named = [
        word.lower()
        for word in _TOPIC_WORD.findall(plain(head))
        if word.lower() not in _SMALL_WORDS and word.lower() not in _LINKING_WORDS
    ]
    if len(named) > 1 and _ISSUER.fullmatch(head.split()[0]) is not None:
        named = named[1:]
    if not named or len(named) > MAX_TOPIC_WORDS:
        return False
    known = _GENRE_NOUNS | _AUDIENCE | _AUDIENCE_ADJECTIVES | _PROTOCOL_POPULATIONS
    if not any(word in _GENRE_NOUNS or word in _AUDIENCE for word in named):
        return False
    return all(word in known or word in _LABEL_QUALIFIERS for word in named)


_ISSUER = re.compile(r"[A-Z]{2,6}")
"""An issuing body's acronym opening a genre label ("ICMR", "NICE", "WHO")."""


def _without_label_qualifiers(text: str) -> str:
    """A title's subject without the words that qualified the genre noun cut after it ("Korrin
    Fever Standard Treatment" of "… Standard Treatment Workflow" -> "Korrin Fever")."""
    words = text.split()
    while words and words[-1].lower() in _LABEL_QUALIFIERS:
        words.pop()
    return " ".join(words)


def _is_format_label(head: str) -> bool:
    """A title's head naming only the form the page was made in ("Guión TikTok", "Podcast
    notes", "Video script", "Ficha"): the subject is the title's other part ("Guión TikTok —
    Noradrenalina" is about noradrenaline, not about a script)."""
    named = [word.lower() for word in _TOPIC_WORD.findall(plain(head))]
    named = [word for word in named if word not in _SMALL_WORDS and word not in _LINKING_WORDS]
    return bool(named) and len(named) <= MAX_TOPIC_WORDS and all(w in _FORMAT_WORDS for w in named)


_FORMAT_WORDS = frozenset(
    """
    script scripts guion guión guiones roteiro copione skript tiktok youtube instagram reel reels
    podcast video vídeo videos episode episodio episódio transcript transcripción transcrição
    notes note apuntes anotações notas appunti notizen fiche ficha fichas flashcards cheatsheet
    cheat sheet lecture clase aula lezione vorlesung slides diapositivas handout mindmap
    infographic infografía infográfico
    """.split()
)
"""Words naming the medium or the form a page was written in, in the languages notes come in: a
title's head made only of them names no subject."""


def _spells_out(short: str, long: str) -> bool:
    """True when `long`'s word initials spell the acronym `short` ("ULT", "Urate Lowering
    Therapy")."""
    if _ACRONYM.match(short) is None or sum(char.isupper() for char in short) < 2:
        return False
    initials = "".join(word[0] for word in re.split(r"[\s-]+", long) if word[:1].isalnum())
    return initials.lower().startswith(short.lower())


def topic_for(explicit: str, title: str) -> str:
    """A deck's topic phrase without a manifest: the front matter's `topic` when it has one
    (as written), else the subject its title names (`title_topic`)."""
    explicit = " ".join(explicit.split())
    return topic_phrase(explicit) if explicit else title_topic(title)


# Answers: what a long answer keeps.

_BODY_YEAR = r"(?-i:[A-Z]{2,}(?:[/-][A-Z]{2,})*)\s+(?:19|20)\d\d(?:\s?[^\W\d_]{1,10})?"
"""A guideline's body in capitals and its year, a word after it ("AHA 2017", "ASH 2019 指南")."""
_CITATION = re.compile(
    r"\bet al\b|(?:19|20)\d\d\s*;\s*\d|^\s*(?:see|cf\.?)\s|^\s*(?:section|chapter|fig(?:ure)?\.?)"
    r"\s+\d"
    # a name and a year: "An, 2021", "ANA, 1995", "Smith and Jones, 2019" (not "Type 2, 2019")
    r"|^\s*(?-i:[A-Z])[\w'’-]*(?: (?:and|&) (?-i:[A-Z])[\w'’-]*)?,\s+(?:19|20)\d\d[a-z]?\s*$"
    # a body and the year of its guideline: "AHA 2017", "EULAR/ACR 2017, JCS 2023"
    rf"|^\s*{_BODY_YEAR}(?:,\s*{_BODY_YEAR})*\s*$",
    re.IGNORECASE,
)
"""A reference, not a fact: "Smith et al., J Korr 2015;4:1-9", "see Section 2.10", "An, 2021",
"AHA 2017 guideline" (a word after the year: the source's own, in any language)."""
_CITED_YEAR = re.compile(
    r",\s+(?:19|20)\d\d[a-z]?\)|(?-i:[A-Z]{2,})\s+(?:19|20)\d\d[^\d()]{0,12}\)"
)


def without_citations(text: str) -> str:
    """Text without the references in its brackets: "(Smith et al., J Korr 2015;4:1-9)",
    "(An, 2021)" and "(see Section 2.10)" go; "(prevalence 2%; Smith, J Korr 2006;1:2-3)" keeps
    "(prevalence 2%)"."""
    if "(" not in text or not (
        "et al" in text or ";" in text or "see " in text.lower() or _CITED_YEAR.search(text)
    ):
        return text  # every citation _CITATION finds holds one of these
    return _ASIDE.sub(_without_citation, text)


def _without_citation(match: re.Match[str]) -> str:
    parts = match.group(1).split("; ")
    kept = [part for part in parts if _CITATION.search(part) is None]
    if len(kept) == len(parts):
        return match.group(0)
    return f" ({'; '.join(kept)})" if kept else ""


MAX_ANSWER_WORDS = 35
"""A Basic answer longer than this, of several sentences, is a paragraph to read, not recall."""
_SENTENCE_GAP = re.compile(
    r"[.!?](\s+)(?=[A-Z0-9“\"(\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af])"
)
"""A candidate break between two sentences: . ! or ? and white space (group 1) before a capital,
a digit, a quote, a parenthesis or CJK text (kana, ideographs, Hangul: `CJK_LETTERS`; a `。` reads
as `. `, `dialects._full_width`). A pattern that starts with a character class lets the regex
engine skip ahead; `sentence_gaps` then drops the periods that end no sentence."""
_ABBREVIATED = re.compile(
    r"(?:^|[^\w.])(?:approx|vs|e\.g|i\.e|etc|cf|incl|esp|resp|max|min|dr|fig|ref)\.\Z",
    re.IGNORECASE,
)
"""A period that shortens a word ("approx. 2.5 cm", "Kallman vs. Turner", "e.g. Foo", "cf. Bar"):
no sentence ends there."""
_UNIT_MIN = re.compile(r"[\d/]\s*min\.\Z", re.IGNORECASE)
"""…but "for 10 min." and "60/min." are minutes, a unit that may well end its sentence ("Wait
10 min. Then …")."""


def sentence_gaps(text: str) -> list[tuple[int, int]]:
    """Where the sentences of a paragraph break: (end of one sentence, start of the next), at
    . ! ? and white space before a capital, a digit, a quote or a parenthesis, except after an
    abbreviation's period ("approx. 2.5 cm", "X vs. Y") or inside a parenthesis closed later
    ("(see Fig. 2. Note …)"). Linear: the brackets are counted once, gap to gap."""
    gaps: list[tuple[int, int]] = []
    last_close = text.rfind(")")
    depth, counted = 0, 0
    for gap in _SENTENCE_GAP.finditer(text):
        end = gap.start(1)
        depth += text.count("(", counted, end) - text.count(")", counted, end)
        counted = end
        said = text[max(0, end - 12) : end]
        if text[end - 1] == "." and _ABBREVIATED.search(said) and not _UNIT_MIN.search(said):
            continue
        if depth > 0 and end < last_close:
            continue
        gaps.append((end, gap.end(1)))
        depth = 0  # a bracket left open by a sentence that ended is no longer open
    return gaps


def split_sentences(text: str) -> list[str]:
    """Sentences of a paragraph, split where `sentence_gaps` finds a break."""
    parts, last = [], 0
    for end, start in sentence_gaps(text):
        parts.append(text[last:end])
        last = start
    parts.append(text[last:])
    return [part.strip() for part in parts if part.strip()]


_OPEN_ENDINGS = frozenset(
    """
    a an and or of the to with in for by at from into than per over between
    de du des la le les un une sur en à au aux par pour et ou avec dans sans entre
    da dos das em nos nas com para um uma
    del el los las con sin
    der den dem und oder mit von zu im bei für auf nach
    di della dello il lo gli tra fra
    """.split()
)
"""Words that never end a statement (prepositions, articles, conjunctions) in the languages
notes come in; case-sensitive, so "Hepatitis A" or "Vitamin E" ends one."""


def ends_mid_phrase(text: str) -> bool:
    """Whether a line or sentence stops on a word that never ends one, with no closing mark
    ("…given IV over", "…la dose totale étant de"): a hard wrap cut it, its rest on the next
    line; asked alone, its figure's meaning is on a card never shown."""
    words = text.split()
    return bool(words) and words[-1] in _OPEN_ENDINGS


def short_answer(text: str) -> str:
    """A definition's answer as a card shows it: without citations, and when it is a paragraph
    (more than two sentences, or several over MAX_ANSWER_WORDS words), its first sentence: the
    definition, which the rest explains (a first sentence that asks, with the one answering it)."""
    text = without_citations(text).strip()
    if "\n" in text or ". " not in text:
        return text  # one sentence (or a list): nothing to cut
    ends = [end for end, _ in sentence_gaps(text)]
    if not ends or (len(ends) < 2 and len(text.split()) <= MAX_ANSWER_WORDS):
        return text
    first = text[: ends[0]]
    if first.rstrip().endswith("?"):  # "Too large? The cells grow…": the question, then its answer
        return text[: ends[1]].rstrip() if len(ends) >= 2 else text
    return first if len(first.split()) >= 2 else text


_DEFINITION_QUESTION = re.compile(
    r"^(?:what\s+(?:is|are)|o\s+que\s+(?:é|são)|qu['’]est[- ]ce\s+que|qu[ée]\s+(?:es|son)|"
    r"was\s+(?:ist|sind))\s",
    re.IGNORECASE,
)
"""A question asking what a thing is: the sentence naming the thing answers it."""
SCENE_WORDS = 20
"""A first sentence this short that does not name what is asked only sets the scene ("In a
healthy eye, the lens is clear."): the answer is the first sentence that names it."""
_PROSE_LINE = re.compile(r"^\s*(?:[-*+•]\s|\d+[.)]\s|[|#>]|\$\$)")


def one_answer(text: str, about: str = "") -> str:
    """A paragraph answering a question that asks one thing, as a card shows it: its first
    sentence that answers, the rest the document's explanation (it stays there; nothing else
    is dropped). Only a paragraph of several sentences over MAX_ANSWER_WORDS words, its lines
    joined (a hard wrap); a list, a table or several paragraphs are kept whole, and a first
    sentence of a few words keeps the next ("Generally not. Local anaesthesia is used."). Asked
    what a thing is (`about` the question), the first sentence naming it answers when the ones
    before it are scene-setting (SCENE_WORDS words or fewer); one ending in ':' leads in. The
    first later sentence holding a figure is kept too when the answer holds none."""
    whole = without_citations(text).strip()
    lines = whole.split("\n")
    if "\n\n" in whole or any(_PROSE_LINE.match(line) for line in lines):
        return text
    joined = " ".join(line.strip() for line in lines)
    sentences = split_sentences(joined)
    about = plain(about).strip().lstrip("¿¡ ")  # "¿Qué es …?" asks as "What is …?" does
    if len(sentences) < 2:
        return text
    if word_count(joined) <= MAX_ANSWER_WORDS and not (
        _ASKS_WHO_OR_WHAT.match(about)
        and word_count(sentences[0]) >= MIN_ANSWERING_WORDS
        and not any(_FIGURE_DIGIT.search(sentence) for sentence in sentences[1:])
    ):
        return text  # a short paragraph keeps a later figure ("Only the X 500 gives 500 µg.")
    defines = _DEFINITION_QUESTION.match(about) is not None
    named = {word for word in content_words(about) if len(word) > 3} if defines else set()
    first = 0
    if named and not named & content_words(sentences[0]):
        for at, sentence in enumerate(sentences[:3]):
            if named & content_words(sentence):
                first = at
                break
            if word_count(sentence) > SCENE_WORDS:
                break
    if _ASKS_WHICH_ONES.match(about):  # "What are some emerging therapies?"
        first = next(
            (at for at, one in enumerate(sentences[:3]) if _NAMES_THEM.search(one)), first
        )  # "There is research into them. These include …": the sentence naming them
    kept = sentences[first]
    if kept.rstrip().endswith(":"):
        return text
    if len(kept.split()) <= 3 and first + 1 < len(sentences):  # "Generally not." and why
        kept = f"{kept} {sentences[first + 1]}"
    elif first + 1 < len(sentences) and _NEGATES.match(sentences[first + 1]):
        kept = f"{kept} {sentences[first + 1]}"  # "… They do not break up clots.": its limit
    if not _FIGURE_DIGIT.search(kept):  # a figure is never cut away (as `table._answer`)
        later = [one for one in sentences[first + 1 :] if _FIGURE_DIGIT.search(one)][:1]
        kept = " ".join([kept, *later])
    return kept


_FIGURE_DIGIT = re.compile(r"\d")
_NEGATES = re.compile(
    r"^(?:(?:it|they|this|these|he|she)\s+(?:does|do|is|are|can|will)\s*(?:not|n['’]t)\b"
    r"|not\b|no\s+(?!one\b)\w+|ne\s|n['’]|nicht\b|non\s)",
    re.IGNORECASE,
)
"""A sentence saying what the answer's thing does not do or is not ("They do not break up clots
already there", Spanish "No rompen …"): the limit of the answer before it, kept with it."""
_ASKS_WHO_OR_WHAT = re.compile(
    r"^(?:what|which|who|whom|qu[ée]|qui[ée]n(?:es)?|cu[aá]l(?:es)?|o\s+que|quem|qual|quais"
    r"|qu['’]est|quel(?:le)?s?|qui|was|wer|welche[rs]?|che|cosa|chi|quale|quali)\b",
    re.IGNORECASE,
)
"""A question asking what or who (a thing, a group, which ones), in the languages notes come in:
a first sentence of a full clause answers it, however short the paragraph, and the sentences
after it explain or go on to other facts ("Anticoagulants are drugs that stop clots forming.
They do not break up clots …")."""
MIN_ANSWERING_WORDS = 6
"""A first sentence this long is a whole answer; a shorter one ("Generally not.") keeps the next."""
_ASKS_WHICH_ONES = re.compile(
    r"^(?:what|which)\s+are\b|^quais\s+s[aã]o\b|^quel(?:le)?s\s+sont\b|^cu[aá]les\s+son\b",
    re.IGNORECASE,
)
"""A question asking for several things ("What are the treatment options?")."""
_NAMES_THEM = re.compile(
    r"\b(?:include|includes|including|such\s+as|are\s*:|incluem|incluyen|comprennent|"
    r"notamment|incluent)\b",
    re.IGNORECASE,
)
"""A sentence that names the things asked for ("These may include A and B")."""


MAX_EXPLAINED_WORDS = 60
"""The longest answer kept whole when it explains: a phone screen's worth."""


def explained_answer(text: str, max_words: int = MAX_EXPLAINED_WORDS) -> str:
    """An answer that needs its reasons (a "why", a prescription's instructions, a question
    heading's paragraph): whole up to `max_words` words, else as many of its first sentences as
    fit (always the first)."""
    text = without_citations(text).strip()
    if len(text.split()) <= max_words or "\n" in text:
        return text
    ends = [end for end, _ in sentence_gaps(text)]
    kept = ends[0] if ends else len(text)
    for end in ends[1:]:
        if len(text[:end].split()) > max_words:
            break
        kept = end
    return text[:kept].strip()


_ASKS_WHAT_TO_DO = re.compile(
    r"^(?:what\s+(?:should|can|must|do)\s+(?:i|you|we|they|one|parents|carers|(?:the|a|your)\s+[a-z]+)"
    r"\s+do\b"
    r"|what\s+to\s+do\b|how\s+(?:should|can|do)\s+(?:i|you|we)\s+(?:help|respond|react|stop|treat|"
    r"manage|deal|care)\b)",
    re.IGNORECASE,
)
"""A question asking what to do ("What should I do if the bleeding does not stop?")."""
_CONDITION = re.compile(
    r"^(?:if|when|once|while|after|before|until|as\s+soon\s+as)\b[^,]{2,80},\s*", re.I
)


def asks_what_to_do(question: str) -> bool:
    """A question asking what to do ("What should I do if …?"): its answer is instructions,
    each of them kept (`told_answer`)."""
    return _ASKS_WHAT_TO_DO.match(plain(question).strip()) is not None


def told_answer(question: str, text: str) -> str:
    """The answer to a question asking what to do: the paragraph's instructions ("Press harder
    …", "If blood soaks through, add …"), without the sentences that explain or reassure, when
    there are both; the paragraph as `explained_answer` keeps it otherwise."""
    if _ASKS_WHAT_TO_DO.match(plain(question).strip()) is None or "\n" in text.strip():
        return explained_answer(text)
    plain_text = without_citations(text).strip()
    starts = [0, *(end for end, _ in sentence_gaps(plain_text))]
    sentences = [
        plain_text[start:end].strip()
        for start, end in zip(starts, [*starts[1:], len(plain_text)], strict=True)
    ]
    told = [sentence for sentence in sentences if _tells(sentence)]
    if not told or len(told) == len(sentences) or len(sentences) < 3:
        return explained_answer(text)
    return explained_answer(" ".join(told))


def _tells(sentence: str) -> bool:
    """A sentence that tells the reader what to do: it opens (after an "If …," clause) with a verb
    of instruction, "Do not"/"Never"/"Always", or a modal said to the reader ("You should …")."""
    words = _CONDITION.sub("", plain(sentence).strip()).lower().replace("’", "'").split()
    if len(words) < 2:
        return False
    if words[0] in ("don't", "never", "always", "avoid") or words[:2] == ["do", "not"]:
        return True
    if _MUST.match(" ".join(words)):
        return True  # "You should call 999 if …", "You must not tilt the head back"
    return words[0] in _TOLD_VERBS and words[1] not in ("of", "in", "for", "during")


INSTRUCTION_VERBS = frozenset(
    """
    apply ask assess attach avoid bend breathe check count discard dispose do don't elevate
    encourage ensure exhale explain follow get give go hold identify inform inhale insert keep
    know leave lie lift limit lock maintain make manage measure monitor move never always notify
    observe perform pinch prevent protect provide pull push put quit raise reduce remove report
    rinse seek select shake sit stay stop store swallow take tell tilt try turn use wait wash
    wear wipe
    """.split()
)
"""Verbs that open an instruction ("Keep loads close"), never a term's name."""
_TOLD_VERBS = INSTRUCTION_VERBS | frozenset(
    "add call cool cover phone place press see contact visit rest drink offer let speak talk "
    "return book sip eat".split()
)
"""In a sentence answering what to do, a few more verbs open an instruction ("Call 999", "See
your GP", "Contact the ward", "Offer sips of water")."""
_MUST = re.compile(
    r"^(?:you|parents|carers|they|we|the\s+patient|your\s+\w+)\s+(?:should|must|need\s+to|"
    r"will\s+need\s+to|may\s+need\s+to|have\s+to|ought\s+to)\s"
    r"|^you'll\s+(?:need|have)\s+to\s"
    r"|^(?:it\s+is|it's)\s+(?:important|essential|vital|best)\s+to\s|^make\s+sure\b"
)
"""An instruction said with a modal ("You should call 999", "Parents must not …", "It is
important to keep …"): as much what to do as an imperative, and often the gravest of them."""


_PEP_LABEL = re.compile(
    r"^(?:the\s+)?(?:good\s+news|great\s+news|expectations?\b.*|(?:our|your|the)?\s*goals?|"
    r"motivation|encouragement|a\s+word\s+of\s+encouragement)$",
    re.IGNORECASE,
)
_PEP_OPENING = re.compile(
    r"^(?:remember\s+to|don'?t\s+(?:give\s+up|worry)|you\s+can\s+do\s+(?:it|this)|you'?ve\s+got\s+this|"
    r"good\s+news|everyone\s+can)\b",
    re.IGNORECASE,
)


@lru_cache(maxsize=1 << 12)
def is_pep_talk(label: str, value: str = "") -> bool:
    """Encouragement, a goal or a classroom expectation ("**Good news:** most people can…",
    "**Goal:** everyone can do it!", "**Expectation for students:** take it seriously",
    "Remember to smile!"): words to the reader, no fact to learn. A goal with a number
    ("**Goal:** MAP ≥ 65") is a target, a fact; so is an exclamation holding one."""
    label = plain(label).strip().rstrip(":").strip()
    value = plain(value).strip()
    if _has_digit(value):
        return False
    if label and _PEP_LABEL.match(label) is not None:
        return True
    text = value or label
    return _PEP_OPENING.match(text) is not None or (
        text.endswith("!") and len(text.split()) > 2 and not label
    )


_BOLD_INITIAL = re.compile(r"^\s*(?:\*\*|__)([A-Z]{1,2})(?:\*\*|__)(?=[a-z])")
MIN_INITIALS = 3


def bold_initials(lines: tuple[str, ...]) -> str:
    """The word the bold initials of a list's items (or a paragraph's lines) spell:
    `**F**ace drooping`, `**A**rm weakness`, `**S**peech`, … -> "FAS…"; "" unless every one of
    three or more opens with a bold capital inside its first word (an acronym's letters, read
    together, not as questions or a list of facts)."""
    if len(lines) < MIN_INITIALS:
        return ""
    letters = []
    for line in lines:
        found = _BOLD_INITIAL.match(line) if "**" in line[:4] or "__" in line[:4] else None
        if found is None:
            return ""
        letters.append(found.group(1))
    return "".join(letters)


_EXPLAINED = re.compile(r"\s*(?::|\s[-–—])\s+")
"""Where a letter's meaning ends and its explanation starts (`**F**ace drooping: does …`)."""


def explained_initials(items: tuple[str, ...]) -> tuple[str, ...]:
    """The meanings of a list's letters when its items' bold initials spell a word and every
    item explains itself (`**F**ace drooping: does one side droop? …` -> "**F**ace drooping"):
    one acronym, not questions or a list of facts; () otherwise."""
    if not bold_initials(items) or not all(_EXPLAINED.search(item) for item in items):
        return ()
    return tuple(_EXPLAINED.split(item.split("\n", 1)[0], 1)[0] for item in items)


def spelled_initials(items: tuple[str, ...]) -> tuple[str, ...]:
    """A mnemonic's letters written apart from their meanings (`**K** - Kidney disease`,
    `**N** – Neuropathy`, …, each meaning opening with its letter) as the lines of bold initials
    they are (`**K**idney disease`); () unless every item of three or more is so."""
    if len(items) < MIN_INITIALS:
        return ()
    lines = []
    for item in items:
        found = _LETTER_MEANING.match(item.split("\n", 1)[0])
        if found is None or found.group(2)[0].upper() != found.group(1):
            return ()
        meaning = found.group(2)
        lines.append(f"**{meaning[0].upper()}**{meaning[1:]}")
    return tuple(lines)


def initial_runs(texts: tuple[str, ...]) -> tuple[tuple[int, int], ...]:
    """Where a mnemonic's letters stand a line to a paragraph (`**N**: Nerve.`, a blank line,
    `**A**: Artery.`, …): the (start, end) of each run of MIN_INITIALS texts or more in a row
    that `spelled_initials` reads, `texts` being a section's blocks ("" for a block that is no
    one-line paragraph). Read one by one, each letter was asked alone ("N?" -> "Nerve.")."""
    runs = []
    start = -1
    for index, text in enumerate((*texts, "")):
        if text and "\n" not in text and _LETTER_MEANING.match(text) is not None:
            start = index if start < 0 else start
            continue
        if start >= 0 and spelled_initials(texts[start:index]):
            runs.append((start, index))
        start = -1
    return tuple(runs)


_LETTER_MEANING = re.compile(r"^\s*(?:\*\*|__)([A-Z])(?:\*\*|__)\s*(?:[-–—:=]|\s)\s*([A-Za-z].*)$")


_UNESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!~|<>])")
r"""A Markdown backslash escape (`\_\_load`): the character it keeps literal, as a page shows it."""


def source_path(document: str, section: tuple[str, ...]) -> str:
    """The Source line's path: "<document> — <heading> › <heading>", without what says nothing
    on it: an empty heading (`# ` alone), a heading's trailing colon ("Workup:"), and a first
    heading that is the document's own title again ("Asthma — Asthma › Triggers"). Headings are
    shown as their text: the field is text, so `### **1. Dosing**` would show its asterisks; an
    aside in a code span glued to a heading is left out, as the line above the question is."""
    parts = [
        plain(without_code_asides(_UNESCAPED.sub(r"\1", title))).strip().rstrip(":").rstrip()
        for title in section
    ]
    parts = [part for part in parts if part]
    if parts and parts[0].casefold() == document.strip().casefold():
        parts = parts[1:]
    return f"{document} — {' › '.join(parts)}" if parts else document


_COLOUR = r"(?:green|red|blue|yellow|orange|purple|pink|grey|gray|bold colou?r)"
_IN_COLOUR = re.compile(
    r"\b(?:highlighted|marked|shown|colou?red|written|printed|underlined|circled|shaded|boxed"
    rf"|labell?ed)\s+(?:in\s+)?{_COLOUR}\b"
    rf"|\b(?:items?|ones?|symptoms?|signs?|words?|parts?|boxes|box|rows?|cells?|text|those|lines?)"
    rf"\s+in\s+{_COLOUR}\b"
    rf"|\b{_COLOUR}\s+(?:highlighting|highlights?|items?|boxes|box|rows?|text)\b",
    re.IGNORECASE,
)


def names_by_colour(text: str) -> bool:
    """Text that picks things out by a colour the page gave them ("the three signs highlighted
    in green are …", "the rows in red"): a card shows no colour, so it cannot say which. ASCII
    text naming no colour (most text) is passed at once: `in` finds that faster than the pattern,
    which tries each of its words at every position."""
    said = plain(text)
    if said.isascii():
        lowered = said.lower()
        if not any(colour in lowered for colour in _NAMED_COLOURS):
            return False
    return _IN_COLOUR.search(said) is not None


_NAMED_COLOURS = (
    "green", "red", "blue", "yellow", "orange", "purple", "pink", "grey", "gray", "bold colo",
)  # fmt: skip
"""Every `_COLOUR` (in any case): each branch of `_IN_COLOUR` names one."""


def points_back(sentence: str) -> int:
    """The length of a sentence's opening that points back to the thing its heading names ("It
    occurs when", "This type of korrin is …", "This is the commonest kind"), 0 when there is
    none, or when the pronoun is no subject ("It is important to …", "This means …")."""
    pointer = _THIS_ONE.match(sentence)
    if pointer is None or _DUMMY.match(sentence[pointer.end() :]):
        return 0
    return pointer.end()


_THIS_ONE = re.compile(
    r"^(?:this\s+(?:type|kind|form|sort)\s+of\s+[\w-]+|it|this)\s+(?=[a-z])", re.IGNORECASE
)
_DUMMY = re.compile(
    r"^(?:is|was)\s+(?:\w+\s+)?(?:to|that|for|when|if|not)\b|^(?:means|shows|suggests|helps|"
    r"makes|allows|explains|leads|can|may|will|should|must|does)\b",
    re.IGNORECASE,
)
"""What follows a pronoun that is no subject ("It is important to …", "This means …")."""


_PRICE = re.compile(r"[£$€]\s?\d")
_OFFER = re.compile(
    r"\b(?:\d+\s?%\s+off|discount|promo(?:tion)?\s+code|use\s+code|offer|book\s+(?:an?\s+)?"
    r"(?:appointment|consultation)|free\s+consultation)\b",
    re.IGNORECASE,
)


def is_advert(text: str) -> bool:
    """An advertising text shows a price with an offer or a call to book ("First consultation
    only £49 — 10% off!"): its figures are no fact to learn."""
    return _PRICE.search(text) is not None and _OFFER.search(text) is not None


_STRENGTH = re.compile(
    r"\s*(?:w/v\s+)?(?:(?:hypertonic|hypotonic|isotonic|normal|half[- ]normal)\s+)?"
    r"(?:saline|sodium\s+chloride|nacl|dextrose|glucose|chlorhexidine|alcohol|lidocaine|"
    r"lignocaine|povidone|iodine|solution|cream|ointment|gel|w/v)\b",
    re.IGNORECASE,
)


def names_a_strength(after: str) -> bool:
    """The text after a percentage names what it is the strength of ("0.9%| sodium chloride",
    "3%| hypertonic saline", "10%| glucose"): part of a product's name, not a figure to learn."""
    return _STRENGTH.match(after) is not None


_TWIN = re.compile(
    r"\s*\(\s*(?:about\s+|approx\.?\s+|~\s*|≈\s*|(?:from|de|du)\s+)?(?:[<>≤≥]=?\s*)?\d+(?:[.,]\d+)?"
    r"(?:\s*(?:°\s?[CF])?\s*(?:[-–]|to|(?<=\s)(?:a|à)(?=\s))\s*\d+(?:[.,]\d+)?)?\s*"
    r"(?P<unit>°\s?[CF]\b|[a-zA-Zµ%][\w%²µ/]{0,11})(?P<rest>(?:[,;]?\s+)[^()]{1,80}?)?\s*\)"
)
"""A value with its unit in brackets: " (38.5°C)", " (≥126 mg/dL)", " (5-10 mmol/L)", and what
the author says of it there (" (500 mL, or about half a litre)", " (3-5 mm on the paper)"); in
Spanish, Portuguese and French too (" (de 3 a 5 mm no papel)", " (de 3 à 5 mm)")."""
_UNIT_BEFORE = re.compile(r"\d\s*(?P<unit>°\s?[CF]|[a-zA-Zµ%][\w%²µ/]{0,17})$")
_MEASURES = (
    "°c °f",
    "mcg µg ug mg g kg lb lbs oz st microgram micrograms milligram milligrams gram grams",
    "mm cm m km in inch inches ft feet mi miles",
    "ml mls dl cl l pt pints litre litres liter liters",
    "mmol/l µmol/l umol/l mg/dl mg/l g/dl g/l",
    "mmol/mol %",
    "mmhg kpa cmh2o",
    "kcal kj cal calories",
    "s sec secs second seconds min mins minute minutes h hr hrs hour hours day days wk wks week"
    " weeks month months yr yrs year years"
    " segundo segundos seconde secondes minuto minutos hora horas heure heures dia dias día días"
    " jour jours semana semanas semaine semaines mes meses mois año años ano anos an ans",
    "mv µv uv",
    "unit units iu",
)
_MEASURE_OF = {unit: number for number, units in enumerate(_MEASURES) for unit in units.split()}
"""Units that measure one quantity (a temperature, a mass, a concentration …)."""
_RESTATED = frozenset({(1, 3), (3, 1), (1, 10), (10, 1), (3, 10), (10, 3)})
"""Quantities one is restated in ("a dose of 500 mg (10 mL)", "0.5-1 mL (0.5-1 unit)")."""
_ON_A_TRACE = frozenset({(8, 2), (9, 2)})
"""A time or a voltage restated as the length it takes on a trace ("0.12-0.2 seconds (3-5 mm
on the paper)", "0.25 mV (2.5 mm)"); never a length restated as a time."""
_QUALIFYING = re.compile(
    r"\b(?:if|when|unless|after|before|during|for|in|vs|versus|except|but|thereafter|then"
    r"|while|until|per|each|every|max|maximum|min|minimum|child|children|adults?|infants?"
    r"|neonates?|babies|elderly|pregnancy|pregnant)\b",
    re.IGNORECASE,
)
"""Words that make what follows a bracket's figure a condition or another fact ("(8 mmol/L
during every 24 h thereafter)", "(16.5% vs 19.8%)", "(30 minutes, children under 2)": whom
another figure is for), no restatement."""
MAX_TWIN_REST_WORDS = 8


def with_twin(text: str, end: int) -> int:
    """Where a figure ending at `end` ends with its twin, the same quantity in another unit in
    brackets ("101.3°F (38.5°C)", "48 mmol/mol (6.5%)", "0.5 L (500 mL, or about half a litre)",
    "500 mg (10 mL)", "0.2 seconds (5 mm on the paper)"): a deletion of the figure covers the
    bracket, or the twin shows the answer. Another figure in brackets ("20 mg (2–5 yrs)",
    "(8 mmol/L during the next 24 h)") is no twin."""
    if text[end : end + 3].lstrip()[:1] != "(":
        return end
    before = _UNIT_BEFORE.search(text, max(0, end - 24), end)
    if before is None:
        return end
    twin = _TWIN.match(text, end)
    if twin is None:
        return _with_restating_aside(text, end, _unit(before.group("unit")))
    rest = twin.group("rest") or ""
    if rest and (len(rest.split()) > MAX_TWIN_REST_WORDS or _QUALIFYING.search(rest)):
        return end
    first, second = (_unit(found.group("unit")) for found in (before, twin))
    return twin.end() if _restates(first, second) else end


_ASIDE_AFTER = re.compile(r"\s*\((?P<inside>[^()]{1,80})\)")
_VALUE_IN = re.compile(r"\d(?:[\d.,]*)\s*(?P<unit>°\s?[CF]\b|[a-zA-Zµ%][\w%²µ/]{0,11})")


def _with_restating_aside(text: str, end: int, unit: str) -> int:
    """Where a figure ending at `end` ends with a bracketed aside that restates it in words and
    another unit ("1.5 L (about six cups, or 1500 mL)"): a short aside holding a value of the
    same quantity and no condition. `end` itself for any other bracket."""
    aside = _ASIDE_AFTER.match(text, end)
    if aside is None:
        return end
    inside = aside.group("inside")
    if len(inside.split()) > MAX_TWIN_REST_WORDS + 2 or _QUALIFYING.search(inside):
        return end
    values = [_unit(found.group("unit")) for found in _VALUE_IN.finditer(inside)]
    return aside.end() if values and all(_restates(unit, value) for value in values) else end


def _restates(first: str, second: str) -> bool:
    """A value in unit `second` may restate one in `first`: another unit of the same quantity,
    a dose's mass as its volume, a time or voltage as a trace's length; per the same thing
    ("5 mg/kg (5 mL/kg)")."""
    if first == second:
        return False
    if ("/" in first or "/" in second) and not (first in _MEASURE_OF and second in _MEASURE_OF):
        top, _, under = first.partition("/")
        other, _, other_under = second.partition("/")
        per = _MEASURE_OF.get(under.split("/")[0], -1)
        if per < 0 or per != _MEASURE_OF.get(other_under.split("/")[0], -2):
            return False  # "20 mg/kg (2 mg)", "5 mg (5 mg/kg)": not per the same thing
        return top == other or _restates(top, other)
    kinds = (_MEASURE_OF.get(first, -1), _MEASURE_OF.get(second, -2))
    return kinds[0] == kinds[1] or kinds in _RESTATED or kinds in _ON_A_TRACE


def twinned(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Figure spans, each taking its twin in brackets along (`with_twin`); a figure inside an
    earlier one's twin is no deletion of its own, even when the twin is too long to delete."""
    out: list[tuple[int, int]] = []
    taken = 0  # where the last twin ends: a figure before it restates another
    for start, end in spans:
        if start < taken:
            continue
        twin = with_twin(text, end)
        taken = twin
        if len(text[start:twin].split()) > MAX_TWINNED_WORDS:
            twin = end  # too long to recall word for word: the restatement stays in sight
        out.append((start, twin))
    return out


MAX_TWINNED_WORDS = 12
"""The longest deletion of a figure with its restatement (lint's SENTENCE-CLOZE limit)."""


def _unit(text: str) -> str:
    return text.replace(" ", "").lower()


# Measured figures: what the measure rule clozes, and what tells a list of statements that has one.

_NUMBER = r"\d+(?:[.,]\d+)?"
_AMOUNT = rf"{_NUMBER}(?:\s*(?:-|–|‐|‑|to)\s*{_NUMBER}|\s+(?:a|à)\s+{_NUMBER}|/{_NUMBER})?"
"""A number or a range: "4-6", "4 to 6" (a word processor's hyphen "4‐6" too), and as Spanish,
Portuguese and French write it "4 a 6", "4 à 6"."""
_MORE = r"(?:\s+or\s+(?:more|less|longer|greater|higher|lower|above|below|over|under))"
_COMPARE = (
    r"(?:=/[<>]|(?<![-=/<>≤≥])[<>≤≥]=?|=<|=>"
    r"|\b(?:more|less|greater|fewer|higher|lower)\s+than|\bexceeding)"
)
"""A comparison sign or phrase: `=/>` is one sign (≥ typed with a slash), never split after its
`=/`; a sign right after another sign character (the `>` of an arrow `->`) opens none."""
_NEAR = r"(?:\bover|\bunder|\babove|\bbelow|\bat\s+least|\bat\s+most|\bup\s+to|\bwithin)"
"""Words that compare only a figure with a unit: "under 12" may count anything."""
_UNIT = (
    r"(?:%|°(?:\s?[CF]|(?!\)))|degrees?(?:\s+(?:celsius|centigrade|fahrenheit|[CF]))?"
    # a cell count's unit, however typed: "x 10^9/L", "×10⁹/L", "X109/L" (a superscript lost)
    r"|[x×]\s?10\s?(?:\^\s?|\*\*)?(?:9|⁹|12|¹²|6|⁶)\s?/\s?(?:L|µL|uL|mm3|mm³)"
    r"|(?:mmol|µmol|umol|micromol|mEq|meq|micrograms?|milligrams?|mg|g|ng|pg|mcg|µg|IU|units?"
    r"|mL|ml|cc)"
    r"(?:/(?:k?g|[dm]?L|[dm]?l|m2|m²|min|h|hr|hour|day|dose|kg/(?:h|hr|hour|day|min)))*"
    r"|k?g|LPM|L(?:/min)?|mm\s?Hg|cm\s?H(?:2|₂)O|kPa|mV|bpm"
    r"|beats?\s+(?:per|a)\s+minute|breaths?\s+(?:per|a)\s+minute"
    r"|/min|per\s+minute|hourly|hours?|hrs?|h|minutes?|mins?|seconds?|secs?|days?|weeks?|wks?"
    r"|milliseconds?|(?-i:ms|msec)"
    r"|months?|years?(?:\s+old)?|yrs?|cm|mm|kg/m2|kg/m²"
    # the same periods in Spanish, Portuguese and French
    r"|segundos?|minutos?|horas?|d[ií]as?|semanas?|mes(?:es)?|meses|a[ñn]os?"
    r"|secondes?|heures?|jours?|semaines?|mois|ans)"
)
_WORD_ENDS = r"(?![A-Za-zÀ-ÖØ-öø-ɏ])"
"""No Latin letter follows, accented ones included: "1-2 g" is no figure in "1-2 gélules" (a
deletion ending inside a word split the number from its unit word)."""
_PER = rf"(?:/[A-Za-z]{{1,6}}{_WORD_ENDS})?"
"""A unit's denominator the unit's own expression does not name ("25 mm/s", "2 L/day"): the
figure takes it along, never hides the unit's top and shows its bottom ("{{25 mm}}/s")."""
FIGURE = re.compile(
    rf"(?:(?:{_COMPARE})\s*-?{_AMOUNT}"
    rf"(?:\s*{_UNIT}{_PER}{_WORD_ENDS}|/[A-Za-z]{{1,10}}{_WORD_ENDS})?"
    rf"|(?:\bbetween\s+{_NUMBER}\s+and\s+|{_NEAR}\s+)?(?<![\w.–‐‑/-]){_AMOUNT}{_MORE}?\s*{_UNIT}"
    rf"{_PER}{_WORD_ENDS}{_MORE}?)",
    re.IGNORECASE,
)
"""A figure with a unit ("38 °C", "40 mg/kg", "4-6 hourly", "5 or more days") or a comparison
("more than -3", "<125 mEq/L", "≥ 94%", "between 24 and 28 weeks"; a compared count takes the
period it is counted in: ">14/week", never "{{>14}}/week")."""


def states_a_figure(text: str) -> bool:
    """The text holds a measured figure (`FIGURE`): a unit or a comparison."""
    return figure_in(unescape(plain(text)))


def figure_in(text: str) -> bool:
    """`FIGURE` finds a figure in the text. Every figure has a digit: text without one (most
    text) is passed at once, as `\\d` is found faster than the pattern tries its words."""
    return _ANY_DIGIT.search(text) is not None and FIGURE.search(text) is not None


TEMPLATE_FIELD = re.compile(r"\{\{\s*[A-Z][A-Z0-9_]+\s*\}\}")
"""A template's field left unfilled, named in capitals as templates name them: `{{PATIENT_NAME}}`,
`{{DOSE}}` (a cloze, `{{c1::…}}`, has its colons; Anki's own `{{Front}}` written in a text is
text, shown as written)."""


def has_template_field(text: str) -> bool:
    """The text shows a template field nobody filled in (a note's braces may be kept apart by a
    word joiner so they never open a cloze)."""
    if "{" not in text:
        return False
    return TEMPLATE_FIELD.search(text.replace("\u2060", "")) is not None


_REFERENCE_MARKS = re.compile(r"\s*\[\d+(?:\s*[-–,]\s*\d+)*\]")
"""Numbered reference markers ("<135 mEq/L [1]") that an exported wiki page leaves in its text."""


def without_reference_marks(text: str) -> str:
    """Text without its numbered reference markers (`[1]`, `[2, 3]`, `[4-6]`)."""
    return _REFERENCE_MARKS.sub("", text) if "[" in text else text


MIN_FLAT_WORDS = 12
MAX_CAPITALISED = 0.5


def is_flattened(line: str) -> bool:
    """A line of at least MIN_FLAT_WORDS words, most of them capitalised: a table or a list
    flattened into text ("Severity Mild Severe Symptoms Falls Confusion Coma (GCS <8)")."""
    words = [word for word in line.split() if word[:1].isalpha()]
    if len(words) < MIN_FLAT_WORDS:
        return False
    return sum(word[:1].isupper() for word in words) > MAX_CAPITALISED * len(words)


_LEANS_BACK = re.compile(
    r"^(?:they|these|those|this)\b"
    r"|\b(?:these|those)\s+(?!(?:are|were|is|was|include|includes|can|may|must|should|will"
    r"|would|have|has|had|do|does|did|and|or|with|in|of|on)\b)[a-z]",
    re.IGNORECASE,
)


def leans_back(text: str) -> bool:
    """The text names its subject only by pointing back at a sentence before it: it opens with
    "They", "These", "Those" or "This", or says "these drugs", "those patients". Alone on a
    card it cannot be answered ("Check levels 5 days after starting these drugs": which?)."""
    if "th" not in text.lower():
        return False  # the cheap look first: every such word has "th"
    return _LEANS_BACK.search(plain(text).strip()) is not None


_DOSE_OF = re.compile(
    r"\d\s*(?:m?l|cc|mls)(?:/kg)?(?:/(?:h|hr|hour|min))?\s+of(?:\s+(?:a|the))?\s+$",
    re.IGNORECASE,
)


def given_strength(sentence: str, start: int) -> bool:
    """The percentage at `start` follows a volume given of it ("2 mL/kg of |3%", "500 mL of a
    |5%"): the strength of the solution the dose is of, part of what is given, not a figure to
    learn beside the dose."""
    return _DOSE_OF.search(sentence, 0, start) is not None


_TOTAL = re.compile(r"^\W*(?:grand\s+)?(?:total|sum)\b\W*(?:[:=]|$)", re.IGNORECASE)


def is_total(text: str) -> bool:
    """A total line or row ("Total = 100%", `| Total | 100% |`): the sum of the parts listed
    above it, no fact of its own; a cloze of it asks arithmetic, or that a whole is 100%."""
    return _TOTAL.match(text) is not None


_ASCII_DIGIT = re.compile(r"[0-9]")


def _has_digit(text: str) -> bool:
    """`any(char.isdigit() for char in text)`, by a regex for ASCII text (its only digits are
    0-9); other text the long way: `isdigit` also takes superscripts (`²`), which `\\d` does
    not."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(char.isdigit() for char in text)


_SIGNATURE = re.compile(
    r"^(?:[—―–~]\s*|-{2,3}\s*)?(?:(?:Dr|Prof|Professor|Mr|Mrs|Ms|Miss|Sir|Dame|Nurse|Sister)\.?\s+)?"
    r"[A-Z][a-z'’-]+(?:\s+[A-Z]\.)?(?:\s+(?:(?:de|van|von|da|di|le|la)\s+)?[A-Z][a-z'’-]+){1,2}"
    r"(?:\s*,\s*[^.!?\n:;]{2,60})?\.?$"
)
"""A line that signs a quotation: a person's name (two or three capitalised words, a title or an
initial too), and maybe a role or a year after a comma ("Jane Smith, patient advocate",
"— Dr Paul Grey, 1998")."""


def is_signature(line: str, above: str = "") -> bool:
    """Whether a short line is a person's name (and role) signing the quotation above it; not
    an instruction or a title in capitals ("Call Emergency Services", "Further Reading"), nor
    words the text `above` writes in lower case: "Heart Failure, Class III" under "heart
    failure is …" names the subject, no person."""
    line = line.strip().strip("*_").strip()
    if len(line) > 90 or _SIGNATURE.match(line) is None:
        return False
    name = line.lstrip("—―–~- ").split(",", 1)[0].split()
    first = name[0].lower()
    if first in _TOLD_VERBS or first in _NOT_NAMES:
        return False
    said = set(re.findall(r"\b[a-z][a-z'’-]+\b", above)) if above else set()
    return not any(
        word.lower().rstrip(".") in said
        for word in name
        if len(word) > 2 and word.lower().rstrip(".") not in _TITLES
    )


_TITLES = frozenset("dr prof professor mr mrs ms miss sir dame nurse sister".split())
"""A name's title, which the quotation may say in lower case ("the nurse was kind" over "Nurse
Jane Hill"): no word of the subject."""


_NOT_NAMES = frozenset("see further more read key main next back call seek our your the".split())


def placeholder(cell: str) -> bool:
    """A value of a form to fill in, not a value: `#`, `%`, `# or %`, `# and type`, `…`, `TBD`
    (a monitoring table's "Target" column before anyone set one). No card asks for it."""
    text = cell.strip().strip("*_").strip()
    return len(text) <= _LONGEST_PLACEHOLDER and _PLACEHOLDER.match(text) is not None


_LONGEST_PLACEHOLDER = 24
_PLACEHOLDER_MARK = r"(?:#|%|…|\.\.\.|tb[dc]|x{2,}|_{2,})"
_PLACEHOLDER = re.compile(
    rf"^{_PLACEHOLDER_MARK}(?:\s*(?:or|and|/|,|\+)\s*(?:{_PLACEHOLDER_MARK}|type|number|date|name))*$",
    re.IGNORECASE,
)


NOTHING_FOUND = frozenset("none nil normal wnl unremarkable".split()) | frozenset(
    ("as stated", "within normal limits")
)
"""The baselines that name no finding at all: a list that opens with one offers choices."""
BASELINE_CHOICES = (
    NOTHING_FOUND
    | frozenset("absent present appropriate intact good".split())
    | frozenset(("not present", "age appropriate"))
)
"""The choice a form offers for nothing found ("Normal", "None", "Absent", "As stated"): the
baselines naming no finding, and those naming a normal one."""


def opens_with_baseline(items: list[str]) -> bool:
    """A list whose first item is only a form's choice for nothing found (`- None`,
    `- Normal`, then the findings): hidden on a card that first item asks nothing, so a cloze
    shows it. "Absent" after "Decreased" (reflexes in a lesion) is a fact and stays a deletion."""
    return bool(items) and plain(items[0]).strip().rstrip(".;,").casefold() in NOTHING_FOUND


# Cloze contexts: what a figure's card shows round it (the measure and figure rules).

LONG_SENTENCE_WORDS = 20
"""A sentence longer than this is cut to what its figures need (`clause_of`)."""
MIN_CLAUSE_WORDS = 6
_ANY_DIGIT = re.compile(r"\d")
_CLAUSE_ASIDE = re.compile(r"\s\([^()]*\)")
"""A bracketed aside after a word ("(rather than the fan-shaped beam of CT)")."""
_CLAUSE_BREAK = re.compile(
    r";\s+|\s(?:--|[-–—])\s+(?=(?:but|and|while|whereas|so|although|though)\s)"
    r"|,\s+(?=(?:but|while|whereas|although|though|(?:and\s+)?(?:so|therefore|thus|hence)"
    r"(?!\s+(?:that|long|far|much|many)\b))\s"
    r"|(?!(?:during|following|according|including|regarding|morning|evening|nothing)\b)\w+ing\s)"
    r"|\s(?=and\s+(?:then|followed\s+by)\s)",
    re.IGNORECASE,
)
"""Where a clause ends: a semicolon, a dash or a comma before "but", "while", … or before a
participle (", reducing the time to minutes"), not a preposition in -ing (", during the first
year": the condition stays with its figure); a consequence (", and so …", ", therefore …", not
"so that") or a next step ("… for 24 hours and followed by …", "and then …")."""


def _is_remark(aside: str) -> bool:
    """A bracketed clause or example the figure does not need ("(rather than the fan-shaped beam
    of CT)", "(e.g., U-Net)"); a short qualifier ("(minutes apart)", "(central pontine
    myelinolysis)") or one holding a figure ("(0.4 mL/kg)") stays."""
    inner = aside.strip()[1:-1].strip()
    if _ANY_DIGIT.search(inner) is not None:
        return False
    return len(inner.split()) >= MIN_REMARK_WORDS or _EXAMPLE_ASIDE.match(inner) is not None


MIN_REMARK_WORDS = 4
_EXAMPLE_ASIDE = re.compile(r"(?:e\.g\.|i\.e\.|eg\b|ie\b|that is\b|see\b)", re.IGNORECASE)


def clause_of(sentence: str, spans: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """A long sentence cut to what its figures need, and the figures' spans in it: no bracketed
    aside without a figure, no clause after the last figure's, and none before the first
    figure's semicolon-separated clause ("… no drug is first-line; fluoxetine (target 60 mg/day)
    is the classic drug for BN; …" -> "Fluoxetine (target {{60 mg/day}}) is the classic drug
    for BN"). A card is read whole around its deletion: the words the figure does not need
    are what makes it long. The sentence as it is when it is short or nothing is cut."""
    if len(sentence.split()) <= LONG_SENTENCE_WORDS:
        return sentence, spans
    first, last = spans[0][0], spans[-1][1]
    inner = _bracketed_clause(sentence, first, last)
    if inner is not None:
        low, high = inner
        text = sentence[low:high]
        return text[:1].upper() + text[1:], [(start - low, end - low) for start, end in spans]
    cuts = [
        aside.span()
        for aside in _CLAUSE_ASIDE.finditer(sentence)
        if _is_remark(aside.group())
        and not any(start < aside.end() and end > aside.start() for start, end in spans)
    ]
    depth, read = 0, 0
    for found in _CLAUSE_BREAK.finditer(sentence):
        at = found.start()
        depth += sentence.count("(", read, at) - sentence.count(")", read, at)
        read = at  # each stretch counted once: a line of many breaks is read in linear time
        if depth:
            continue  # inside brackets
        if at >= last:
            cuts.append((at, len(sentence.rstrip("."))))  # its full stop stays
            break
        if found.end() <= first and found.group().startswith(";"):
            cuts.append((0, found.end()))
    if not cuts:
        return sentence, spans
    kept, shifted, position = [], [], 0
    removed = sorted(cuts)
    for start, end in removed:
        if start > position:
            kept.append((position, start))
        position = max(position, end)
    kept.append((position, len(sentence)))
    text, offsets = "", []
    for start, end in kept:
        offsets.append((start, end, len(text) - start))
        text += sentence[start:end]
    for start, end in spans:
        for low, high, shift in offsets:
            if low <= start and end <= high:
                shifted.append((start + shift, end + shift))
                break
        else:
            return sentence, spans  # a figure was cut: keep the sentence
    if len(text.split()) < MIN_CLAUSE_WORDS or text == sentence:
        return sentence, spans
    if text[:1].islower() and kept[0][0] > 0:
        text = text[:1].upper() + text[1:]
    return text, shifted


_STATES = re.compile(r"\b(?:is|are|was|were|should|must|will|can|may|needs?)\b", re.IGNORECASE)


def _bracketed_clause(sentence: str, first: int, last: int) -> tuple[int, int] | None:
    """Where the figures all lie in one clause of a bracket that holds several, split by
    semicolons ("Insert the tube (a mirror helps; depth for adults is about 20 cm)"): that
    clause states them on its own, and the words round it are another step's. None unless the
    clause is a statement of its own (MIN_CLAUSE_WORDS words or more, with a verb such as
    "is" or "should"): "(ideally within 1 hour; …)" says nothing without what it times."""
    opened = sentence.rfind("(", 0, first)
    closed = sentence.find(")", last)
    if opened == -1 or closed == -1 or "(" in sentence[opened + 1 : closed]:
        return None
    if ")" in sentence[opened:first] or ";" not in sentence[opened:closed]:
        return None
    low = sentence.rfind(";", opened, first)
    high = sentence.find(";", last, closed)
    low = opened + 1 if low == -1 else low + 1
    high = closed if high == -1 else high
    while low < high and sentence[low].isspace():
        low += 1
    clause = sentence[low:high].rstrip()
    if len(clause.split()) < MIN_CLAUSE_WORDS or _STATES.search(clause) is None:
        return None
    return low, low + len(clause)


_WORD_NUMBER = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty"
    r"|forty|fifty|sixty|a\s+few|several)"
)
_LOWER_BOUND = re.compile(rf"\b{_WORD_NUMBER}\s*(?:to|-|–)\s*$", re.IGNORECASE)
_LOWER_BOUND_CHARS = 20
"""The longest lower bound with its "to" (`a  few to `): how far before a figure it is looked
for, so a line of many figures is read once, not once per figure."""


def whole_range(sentence: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Figure spans, each taking along a range's lower bound written in words just before it
    ("Seven to {{40 days}}" -> "{{Seven to 40 days}}"): hiding only the upper end asks half the
    range and shows the other half."""
    out: list[tuple[int, int]] = []
    for start, end in spans:
        low = max(0, start - _LOWER_BOUND_CHARS)
        found = _LOWER_BOUND.search(sentence, low, start) if start else None
        out.append((found.start(), end) if found is not None else (start, end))
    return out


_CONNECTIVE = re.compile(
    r"^(?:however|therefore|thus|hence|moreover|furthermore|in addition|additionally|also"
    r"|nevertheless|nonetheless|consequently|as a result|similarly|likewise|conversely"
    r"|in contrast|by contrast|on the other hand|in fact|indeed|otherwise|instead"
    r"|for example|for instance),\s+",
    re.IGNORECASE,
)


def without_connective(
    text: str, spans: list[tuple[int, int]]
) -> tuple[str, list[tuple[int, int]]]:
    """A cloze context without the connective it opens with ("However, in most places …" -> "In
    most places …"): the connective points at a sentence the card does not show. The spans
    shifted with it; the text as it is when it opens with none."""
    found = _CONNECTIVE.match(text)
    if found is None or any(start < found.end() for start, _ in spans):
        return text, spans
    rest = text[found.end() :]
    if not rest or not rest[:1].isalpha():
        return text, spans
    shift = found.end()
    return rest[:1].upper() + rest[1:], [(start - shift, end - shift) for start, end in spans]


FACET_NAMES = {
    "moa": "mechanism of action",
    "mechanism of action": "mechanism of action",
    "mode of action": "mode of action",
    "ci": "contraindication",
    "cis": "contraindications",
    "ses": "side effects",
    "adrs": "adverse reactions",
}
"""Facet headings a drug's or a disease's page abbreviates ("### MOA", "### CIs"), or that
name a part of their parent without a part noun the text module knows, spelt out as the front
asks them (the term rule's facet note; a one-item list under one is no list of its own)."""


# The language of a document's prose, for the few words the builder writes around its subjects.

_STOP_WORDS: dict[str, frozenset[str]] = {
    "en": frozenset("the and of to is are with for that this by on be it from was were".split()),
    "pt": frozenset("da do das dos em um uma para com não é que os ao pela pelo são mais".split()),
    "es": frozenset("el la los las y en un una para con es que del al por se más son".split()),
    "fr": frozenset(
        "le la les des du et un une pour avec est que dans sur au aux sont qui".split()
    ),
    "de": frozenset(
        "der die das und ist nicht mit von zu den dem ein eine für auf sind oder".split()
    ),
    "da": frozenset(
        "og ikke af til på hos som vil eller skal har efter også ved kan med er".split()
    ),
    "it": frozenset(
        "il di della delle degli dei nel nella che gli sono anche questo alla dello ed".split()
    ),
}
"""Short words each language writes most, few of them shared ("la" is Spanish and French);
"da" is Danish (Norwegian writes most of the same words), "it" Italian."""
_LANGUAGE_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z]")
MIN_FOREIGN_WORDS = 20
"""Stop words a document's prose must hold before it is read as not English: a page of terms
alone stays English, as the builder always read it."""
MAX_LANGUAGE_CHARS = 20_000
"""Prose read to tell a document's language: enough for any page, bounded for a huge one."""


def prose_language(text: str) -> str:
    """The language of `text` by its stop words: "en", or "pt", "es", "fr", "de", "da", "it"
    when that language's stop words outnumber English's by half again and come
    MIN_FOREIGN_WORDS times at least; "cjk" when more of its letters are CJK (Chinese,
    Japanese, Korean) than Latin, for the builder has no words of those; a document in
    another script, or mixed, stays "en"."""
    sample = text[:MAX_LANGUAGE_CHARS]
    if CJK.search(sample) is not None and len(CJK.findall(sample)) > len(_LATIN.findall(sample)):
        return "cjk"
    counts = dict.fromkeys(_STOP_WORDS, 0)
    for word in _LANGUAGE_WORD.findall(sample.lower()):
        for language, said in _STOP_WORDS.items():
            if word in said:
                counts[language] += 1
    best = max((language for language in counts if language != "en"), key=counts.__getitem__)
    if counts[best] >= MIN_FOREIGN_WORDS and counts[best] * 2 > counts["en"] * 3:
        return best
    return "en"


# CJK text, which several rules read apart from Latin text.

CJK_LETTERS = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
"""Kana, CJK ideographs and Hangul, as a character class's ranges: words written without
spaces between them."""
CJK = re.compile(f"[{CJK_LETTERS}]")


def word_count(text: str) -> int:
    """How many words a text holds, counting a run of CJK text (no spaces between its words)
    as two words for every three characters: "肾小管在髓质内向下走行并折返" is a clause of
    about nine words, not one."""
    words = plain(text)
    if CJK.search(words) is None:
        return len(words.split())
    characters = len(CJK.findall(words))
    return len(CJK.sub(" ", words).split()) + (2 * characters + 2) // 3


BRACKET_TAGS = re.compile(r"^(?:【[^【】\n]{1,12}】\s*)+")
"""Bracket tags opening a line of a CJK note (`【重点】`, `【临床关联】【易错】`, `【作业要求】`):
labels of the block after them, which flag it or name its kind; no words of its text."""


_SPLIT_NUMBER = re.compile(
    r"(?<![\d.,:/–-])\b\d+ \d{2}(?!\d)\s*(?:mg|%|mm|ml|mL|kg|g\b|mcg|µg|units?\b|U\b|mmol|mEq)"
)


def split_number(text: str) -> bool:
    """A figure a PDF's text extraction broke ("Pre-meal 801 30 mg%" for 80–130 mg%: the range's
    dash read as a digit, a space put inside the second number; a space is no thousands mark
    before two digits). Hidden, its deletion would ask a wrong value ("801 30"); no rule asks it."""
    return any(character.isdigit() for character in text) and _SPLIT_NUMBER.search(text) is not None
