"""The small vocabulary the rules share to phrase notes: plain text from inline Markdown, the
words that carry meaning, singular kinds, topic phrases, a table cell's points."""

from __future__ import annotations

import operator
import re
import unicodedata
from functools import lru_cache

_STOPWORDS = frozenset(
    """
    a an and are as at be by for from in into is it its of on or the to with how what why when
    which who can may this that these those their there
    """.split()
)


@lru_cache(maxsize=1 << 12)
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
_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(.+?)\1")


# Replacements for re.sub as functions: a template ("\\2") is expanded in Python per match.
_first_group = operator.methodcaller("group", 1)
_second_group = operator.methodcaller("group", 2)


@lru_cache(maxsize=1 << 12)
def plain(markdown: str) -> str:
    """Inline Markdown reduced to text, for phrasing questions from headers and cells."""
    text = markdown
    # Each substitution only where it can apply (none adds what a later one looks for): `in`
    # finds that faster than any regex.
    if "<" in text:
        text = _BR.sub("; ", text)
    if "[" in text:
        text = _LINK.sub(_first_group, text)
    if "*" in text or "_" in text or "`" in text:
        text = _EMPHASIS.sub(_second_group, text)
    return single_spaced(text)


def single_spaced(text: str) -> str:
    """`" ".join(text.split())`, without splitting text that is single-spaced already: the only
    white space printable text can hold is spaces."""
    if "  " in text or not text.isprintable() or text[:1] == " " or text[-1:] == " ":
        return " ".join(text.split())
    return text


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    return _WORD.findall(plain(text).lower())


@lru_cache(maxsize=1 << 12)
def content_words(text: str, min_length: int = 3) -> frozenset[str]:
    """Words that carry meaning, lightly stemmed so 'metastases' names 'metastasis'."""
    found = {_content_stem(word, min_length) for word in words(text)}
    found.discard("")
    return frozenset(found)


@lru_cache(maxsize=1 << 12)
def _content_stem(word: str, min_length: int) -> str:
    """The stem of a word that carries meaning; "" for a stopword or a short word (a stem is
    never empty). Cached: a text's vocabulary repeats far more than its sentences do."""
    if word in _STOPWORDS or len(word) < min_length:
        return ""
    return _stem(word)


def _stem(word: str) -> str:
    for suffix in ("ases", "asis", "ies", "es", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def names_topic(text: str, topic: str) -> bool:
    """True when text already names the topic (shares most of its meaningful words)."""
    wanted = content_words(topic)
    if not wanted:
        return True
    needed = max(1, (len(wanted) + 1) // 2)
    # A stem is the start of its word, so a text can only share the stems it holds as text:
    # most texts hold too few of them to be worth splitting into words.
    lowered = plain(text).lower()
    if sum(1 for stem in wanted if stem in lowered) < needed:
        return False
    have = content_words(text)
    return len(wanted & have) >= needed


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


@lru_cache(maxsize=1 << 12)
def lower_first(text: str) -> str:
    """A header used mid-sentence: 'Survival Rate' -> 'survival rate'; acronyms ('CT') are kept."""
    return " ".join(
        word if (word.isupper() and len(word) > 1) or _has_inner_capital(word) else word.lower()
        for word in text.split(" ")
    )


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


def topic_phrase(text: str) -> str:
    """A title as a phrase used mid-sentence ("... in <topic>").

    Title Case is lowered word by word ("Breast Cancer Metastasis" -> "breast cancer metastasis"),
    anything else only in its first letter; acronyms ("COPD", "HbA1c") are kept either way.
    """
    text = " ".join(text.split())
    long_words = [word for word in text.split(" ") if len(word) > 3 and word[:1].isalpha()]
    if len(long_words) >= 2 and all(word[0].isupper() for word in long_words):
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
