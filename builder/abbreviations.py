"""Find abbreviation definitions in plain text (Schwartz & Hearst, PSB 2003).

Cards about a study text are only useful if a learner can tell what "RFA" stands for, so the
deck builder needs the definitions that authors give in the text itself, e.g.
"radiofrequency ablation (RFA)".  This module implements the simple, training-free algorithm
of A. S. Schwartz and M. A. Hearst, "A simple algorithm for identifying abbreviation
definitions in biomedical text" (Pacific Symposium on Biocomputing 8:451-462, 2003), following
the details of the authors' reference implementation (ExtractAbbrev.java) where the paper is
silent.  It is pure Python and uses only the standard library.

Outline:

1. Candidates come from ``long form (short form)`` and, when the parenthesised text has more
   than two words (or is longer than the text before it), ``short form (long form)``.
2. A short form has 2-10 characters, at most two words, at least one letter and starts with
   a letter or digit.  Parenthesised text is cut at the first ", " or "; " ("(CT; ...)").
3. The long form is looked for in the text before the parenthesis, within the same sentence.
4. ``_best_long_form`` matches the short form's letters and digits right to left against the
   long-form candidate; the first one must start a word.  The shortest such suffix wins.
5. The result is rejected if it is shorter than the short form, contains the short form as a
   word, or has more than ``min(|A| + 5, |A| * 2)`` words (|A| = letters and digits of the
   short form).

Deviations from the paper and ExtractAbbrev.java, each to avoid wrong cards:

* A parenthesis opened by an editorial cue ("e.g.", "i.e.", "cf.", "see", "etc.", "vs.") is
  not a short-form candidate; otherwise "Early genetic testing (e.g., BRCA)" defines "e.g.".
* Sentence boundaries also include "?", "!", blank lines and parentheses, and a reverse-pattern
  long form may not contain one either.
* A rejected parenthesis does not use up the text after it, so a nested definition such as
  "(using magnetic resonance imaging (MRI))" is still found.
* The "long form contains the short form" check ignores case, like the rest of the matching.
* Not short forms: lower-case phrases of several words ("(that is, ...)"), enumeration numerals
  ("(ii)", "(III)"), and ordinary words or names ("(Tylenol)", "(usually)"). A short word
  written with a capital ("As", "In") is a symbol only after the one word it spells ("Arsenic
  (As)", "Indium (In)").
* The long form is the one whose words' first letters spell most of the short form, among the
  long-form candidates that start with its first letter: "personal protective equipment (PPE)",
  not the shortest match "protective equipment" (which takes a P from inside "equipment").
* A pair is rejected, as a gloss rather than an expansion, when fewer than half of the short
  form's letters start words of a long form of several words ("MRI (the modality for soft
  tissue)"; "electrocardiogram (ECG)" is one word, whose letters come from inside); when the
  long form has no lower-case letter ("PET-CT (FDG-PET/CT)"); when a word inside the long form
  gives no letter although its first letter is taken from inside another word (the letters are
  out of order: "Augmented Renal Clearance (ACR)"); or when the long form keeps an acronym and
  takes another letter from inside a word ("Medical CT (MDCT)"); or when, in a long form of
  several words, a capital comes from a word's last three letters, where no word part starts
  (the author left a word out: "incisor to mandibular plane (IMPA)", A for "angle", not the "a"
  of "plane"). A long form never starts with markup ("==", "[[") and never has an unclosed
  bracket.
* A short form of four letters or more that is the first letters of a one-word long form
  ("Nordazepam (NORDAZ)") is a brand or a cut word, not initials.
* A symbol with its charge after the one word it spells ("Calcium (CA++)", "Chloride (Cl-)",
  "Magnesium (Mg2+)") is an ion, not an abbreviation.
* A formula over abbreviations is no short form: parts joined by `+`, `=`, `×` or `÷`
  ("tidal volume and reserve volume (TV+RV)"), or abbreviations joined by `/` or `-` after a long
  form that joins two things with "and", "plus" or "minus" ("(TV-RV)").
"""

from __future__ import annotations

import re
import unicodedata
from typing import NamedTuple

__all__ = ["Abbreviation", "find_abbreviations"]


class Abbreviation(NamedTuple):
    """One definition found in the text; immutable so results can be cached and compared."""

    short: str
    """The abbreviation as written, e.g. ``"RFA"``."""
    long: str
    """The definition with the text's own case, e.g. ``"radiofrequency ablation"``."""
    offset: int
    """Where the definition starts in the text (long form, or the short form in the reverse
    pattern ``MRI (magnetic resonance imaging)``), so callers can map it to a source line."""


# The long form must lie in the same sentence as the parenthesis.  Like ExtractAbbrev.java we
# also stop at ", " (clause boundary), and we never reach past another parenthesis or a blank
# line (paragraph break).  A match's end is where a long-form candidate may start.
_BOUNDARY = re.compile(r"[.!?,](?=\s)|\n[^\S\n]*\n|[()]")

# Lower-case words that open an aside rather than an abbreviation: "(e.g., CT)", "(see below)".
_EDITORIAL_CUES = frozenset(
    {"e.g.", "e.g", "eg", "eg.", "i.e.", "i.e", "ie", "ie.", "cf.", "cf", "see", "etc.", "etc"}
    | {"vs.", "vs", "viz.", "viz"}
)

_MIN_SHORT_LEN = 2
_MAX_SHORT_LEN = 10
_MAX_SHORT_WORDS = 2
_MAX_PARENTHESIS = 200


def find_abbreviations(text: str) -> list[Abbreviation]:
    """All definitions in text, in order of appearance, first definition of each short form only.

    A short form defined again later keeps its first long form: the first definition is the
    one the author introduced it with, and later ones are usually re-statements or clashes.
    """
    found: list[Abbreviation] = []
    seen: set[str] = set()
    pos = 0  # the text before pos has been used up by an earlier parenthesis
    while (open_idx := text.find("(", pos)) != -1:
        definition, close_idx = _definition_at(text, pos, open_idx)
        if definition is None:
            # Not a definition: let later (possibly nested) parentheses be tried.
            pos = open_idx + 1
            continue
        pos = close_idx + 1
        if definition.short not in seen:
            seen.add(definition.short)
            found.append(definition)
    return found


def _definition_at(text: str, pos: int, open_idx: int) -> tuple[Abbreviation | None, int]:
    """The definition around the parenthesis at open_idx, if any, and where the parenthesis
    ends; text before pos belongs to an earlier parenthesis and is not looked at."""
    # As in the reference implementation the parenthesis must follow white space:
    # "IL(6)" or "f(x)" are not abbreviation definitions.
    if open_idx == 0 or not text[open_idx - 1].isspace():
        return None, open_idx
    # Like the reference implementation, give up on a parenthesis that is not closed within
    # _MAX_PARENTHESIS characters; this also keeps the scan linear on unbalanced text.
    limit = open_idx + 1 + _MAX_PARENTHESIS
    close_idx = text.find(")", open_idx + 1, limit)
    if close_idx == -1:
        return None, open_idx
    if text.find("(", open_idx + 1, close_idx) != -1:
        # One level of nesting, e.g. "(IL-6 (human))": take the whole group.
        nested_close = text.find(")", close_idx + 1, limit)
        if nested_close != -1:
            close_idx = nested_close
    inside = _cut_at_separator(text[open_idx + 1 : close_idx])

    window_start = _window_start(text, pos, open_idx)
    before = text[window_start:open_idx]

    if len(inside.split()) > _MAX_SHORT_WORDS or len(inside) > len(before):
        # Reverse pattern "short form (long form)": the short form is the word before the
        # parenthesis and, as in the reference implementation, must contain a capital.
        words = before.split()
        if not words:
            return None, close_idx
        short = words[-1]
        if not any(ch.isupper() for ch in short) or not _is_short_form(short):
            return None, close_idx
        short_offset = window_start + before.rindex(short)
        long_candidate = inside.strip()
        start = _best_long_form(short, long_candidate)
        if start is None:
            return None, close_idx
        long = long_candidate[_most_initials(short, long_candidate, start) :]
        if _BOUNDARY.search(long) or not _is_acceptable(short, long) or _ion(short, long):
            return None, close_idx
        long = _without_letterless_tail(short, long)
        return Abbreviation(short, long, short_offset), close_idx

    short = inside.strip()
    if not _is_short_form(short, symbol=True) or short.split()[0] in _EDITORIAL_CUES:
        return None, close_idx
    if _SUM.search(short):
        return None, close_idx  # "tidal volume and reserve volume (TV+RV)": a formula
    start = _best_long_form(short, before)
    if start is None:
        return None, close_idx
    start = _most_initials(short, before, start)
    raw = before[start:]
    long = raw.strip()
    if not _is_acceptable(short, long) or (_JOINED.fullmatch(short) and _JOINING_WORD.search(long)):
        return None, close_idx
    if _ion(short, long):
        return None, close_idx
    if short.lower() in _SMALL_WORDS and not short.isupper() and len(long.split()) > 1:
        return None, close_idx  # "(As)" after one word spells it ("Arsenic"), not after a phrase
    long = _without_letterless_tail(short, long)
    offset = window_start + start + (len(raw) - len(raw.lstrip()))
    return Abbreviation(short, long, offset), close_idx


_SUM = re.compile(r"[A-Za-z0-9]\s*[+=×÷]\s*[A-Za-z0-9]")
"""Short forms joined by an operator (`TV+IRV`, `IC=TV+IRV`): a formula over abbreviations,
which "What does TV+IRV stand for?" -> "tidal volume and inspiratory reserve volume" asks
as if it were one name (the student answers "IC")."""
_JOINED = re.compile(
    r"[A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*(?:[/-][A-Z][A-Za-z0-9]*[A-Z][A-Za-z0-9]*)+"
)
_JOINING_WORD = re.compile(r"\s(?:and|plus|minus)\s", re.IGNORECASE)
"""Abbreviations joined by `/` or `-` (`ERV-RV`) over words that join two things ("… and
…"): a sum or difference too; `TMP-SMX` after "trimethoprim-sulfamethoxazole" is one name."""


def _ion(short: str, long: str) -> bool:
    """A symbol with its charge after one word ("Calcium (CA++)", "chloride (Cl-)", "Mg2+"):
    the ion the element makes, not a name to spell out; "What does CA++ stand for?" ->
    "Calcium" asks nothing a student would not see. A short form of several letters after
    several words ("Kordin test positive (KT+)") is still an abbreviation."""
    return len(long.split()) == 1 and _ION.fullmatch(short) is not None


_ION = re.compile(r"[A-Z][A-Za-z]?(?:\d?[+\-−⁺⁻]{1,3}|[⁰¹²³⁴-⁹][⁺⁻])")


def _cut_at_separator(inside: str) -> str:
    """Keep the part before ", " or "; ": "(CT; also called CAT)" defines "CT"."""
    for separator in (", ", "; "):
        cut = inside.find(separator)
        if cut != -1:
            inside = inside[:cut]
    return inside


def _window_start(text: str, pos: int, open_idx: int) -> int:
    """Start of the long-form candidate: after the last sentence/clause boundary, paragraph
    break or parenthesis before open_idx, and never before pos."""
    start = pos
    for match in _BOUNDARY.finditer(text, pos, open_idx):
        start = match.end()
    return start


def _is_short_form(candidate: str, symbol: bool = False) -> bool:
    """The paper's short-form filter: 2-10 characters, at most two words, at least one letter,
    first character a letter or digit, last not a separator; and not a lower-case phrase, a
    numeral or a word."""
    return (
        _MIN_SHORT_LEN <= len(candidate) <= _MAX_SHORT_LEN
        and len(candidate.split()) <= _MAX_SHORT_WORDS
        and any(ch.isalpha() for ch in candidate)
        and candidate[0].isalnum()
        and candidate[-1] not in ",;:"  # "BID;": a word before a separator, not a short form
        and not (" " in candidate and candidate.islower())
        and not _NUMERAL.match(candidate)
        and not _WORD.match(candidate)
        and (
            candidate.isupper()
            or candidate.lower() not in _SMALL_WORDS
            or (symbol and _is_symbol(candidate))
        )
    )


def _is_symbol(candidate: str) -> bool:
    """A capital and a small letter ("As", "In", "Hb"): a chemical symbol or a short name's
    abbreviation, when its long form is one word ("Arsenic (As)"); see `_definition_at`."""
    return len(candidate) == 2 and candidate[0].isupper() and candidate[1].islower()


_NUMERAL = re.compile(r"^(?:i{2,3}|iv|vi{0,3}|ix|xi{0,3}|I{2,3}|VI{1,3}|IX|XI{0,3})$")
"""Enumeration numerals: "(ii)", "(III)". "IV" (intravenous) and "V" (too short) are left."""
_WORD = re.compile(r"^[A-Za-z][a-z]{3,}$")
"""An ordinary word or name, not an abbreviation: "(Tylenol)", "(usually)"."""
_SMALL_WORDS = frozenset(
    "a an and as at by for from if in into is it no not of on or so the to with yes".split()
)
"""Short words of a sentence, not abbreviations unless written in capitals ("OR", "IT"): an
answer "No (… sits on the nose)" defines nothing."""


def _best_long_form(short: str, long: str) -> int | None:
    """Index in long where the shortest long form for short starts, or None.

    Every letter and digit of the short form, right to left, must be found (ignoring case) in
    long, scanning it right to left; the short form's first character must also start a word
    (follow a non-alphanumeric character).  Other characters of the short form are skipped.
    The match then widens to the start of its white-space-delimited word, so "anti-Müllerian
    hormone (AMH)" keeps "anti-".
    """
    s_idx = len(short) - 1
    l_idx = len(long) - 1
    while s_idx >= 0:
        char = short[s_idx].lower()
        if not char.isalnum():
            s_idx -= 1
            continue
        while l_idx >= 0 and (
            long[l_idx].lower() != char or (s_idx == 0 and l_idx > 0 and long[l_idx - 1].isalnum())
        ):
            l_idx -= 1
        if l_idx < 0:
            return None
        l_idx -= 1
        s_idx -= 1
    # l_idx is now just before the match of the first character.
    while l_idx >= 0 and not long[l_idx].isspace() and long[l_idx] not in _MARKUP:
        l_idx -= 1
    return l_idx + 1


_MARKUP = frozenset("=[]*_~`|")
"""Characters of inline markup ("==highlight==", "[[wikilink]]"): a long form starts after them."""
_WORD_BREAK = re.compile(r"[\s\-–—/]+")
_MINOR_WORDS = frozenset("a an and as at by for from in into of on or the to with".split())


def _most_initials(short: str, text: str, start: int) -> int:
    """Where the long form for `short` starts in `text`: at `start` (the shortest match), or at
    an earlier word starting with the short form's first letter whose long form has more of the
    short form's letters at word starts ("personal protective equipment (PPE)"), or as many
    when the shorter one opens with a minor word ("Accident and Emergency (A&E)", not "and
    Emergency")."""
    letters = "".join(ch.lower() for ch in short if ch.isalnum())
    size = len(letters)
    best, best_score = start, _initials(letters, text[start:])
    if _compound_opening(letters, text[start:]):
        return start  # "postpartum haemorrhage (PPH)": its first word gives two letters
    words = len(_WORD_BREAK.split(text[start:].strip()))
    position = start
    while position > 0 and words < min(size + 5, size * 2):
        previous = position - 1
        while previous >= 0 and text[previous].isspace():
            previous -= 1
        while previous >= 0 and not text[previous].isspace() and text[previous] not in _MARKUP:
            previous -= 1
        position = previous + 1
        if position >= start or not text[position:].strip():
            break
        words += 1
        word = text[position:].lstrip("([\"'“‘")
        if word[:1].lower() == letters[0]:
            score = _initials(letters, text[position:], start - position)
            if score > best_score or (score == best_score and _opens_minor(text[best:])):
                best, best_score = position, score
        if previous < 0 or text[previous] in _MARKUP:
            break
    return best


def _compound_opening(letters: str, long: str) -> bool:
    """The long form's first word gives the short form's first two letters, the first at its
    start ("postpartum" for the P-P of PPH, "cerebrospinal" for the C-S of CSF): the author's
    spelling of it, so no earlier word starting with that letter belongs to it."""
    found = _alignment(letters, long) if len(letters) > 1 else None
    if found is None:
        return False
    _, spans = _word_starts(long)
    first, second = found[1][0], found[1][1]
    return any(begin <= first and second < end for begin, end in spans[:1])


def _opens_minor(long: str) -> bool:
    """The long form opens with a minor word ("and Emergency"): no expansion does."""
    first = long.lstrip("([\"'“‘").split(maxsplit=1)
    return bool(first) and first[0].lower() in _MINOR_WORDS


def _initials(letters: str, long: str, head: int = 0) -> int:
    """How many of the short form's letters start words of `long` (-1: not all are in it). A
    long form widened by `head` characters before the shortest match must give a letter in each
    word it adds but minor ones: "prophylaxis and management of postpartum haemorrhage (PPH)"
    is no expansion ("management" gives none), "personal protective equipment (PPE)" is."""
    found = _alignment(letters, long)
    if found is None:
        return -1
    _, spans = _word_starts(long)
    for begin, end in spans:
        if begin >= head:
            break
        word = long[begin:end].strip("([\"'“‘,;:").lower()
        if word not in _MINOR_WORDS and not any(begin <= at < end for at in found[1]):
            return -1
    return found[0]


def _word_starts(long: str) -> tuple[frozenset[int], tuple[tuple[int, int], ...]]:
    """Positions in `long` that start a word (an acronym's every capital, every digit), and the
    (start, end) of each word; words are separated by white space, hyphens, dashes and `/`."""
    starts = set()
    spans = []
    for match in re.finditer(r"[^\s\-–—/]+", long):
        word = match.group()
        offset = next((i for i, ch in enumerate(word) if ch.isalnum()), None)
        if offset is None:
            continue
        spans.append((match.start(), match.end()))
        starts.add(match.start() + offset)
        acronym = sum(ch.isupper() for ch in word) >= 2 and not any(ch.islower() for ch in word)
        for index, ch in enumerate(word):
            if ch.isdigit() or (acronym and ch.isupper()):
                starts.add(match.start() + index)
    return frozenset(starts), tuple(spans)


def _alignment(letters: str, long: str) -> tuple[int, tuple[int, ...]] | None:
    """The short form's letters and digits (lower case) matched in order to characters of
    `long`, the first to its first word's start, with as many as can be at word starts: (how
    many are, their positions); None when they cannot all be matched."""
    starts, _ = _word_starts(long)
    lowered = long.lower()
    first = next((i for i, ch in enumerate(long) if ch.isalnum()), None)
    if not letters or first is None or lowered[first] != letters[0]:
        return None
    size = len(long)
    scores: list[int | None] = [None] * size
    scores[first] = int(first in starts)
    back: list[list[int]] = [[-1] * size]
    for letter in letters[1:]:
        row: list[int | None] = [None] * size
        pointers = [-1] * size
        best: int | None = None
        best_at = -1
        for index in range(size):
            if best is not None and lowered[index] == letter:
                row[index] = best + (index in starts)
                pointers[index] = best_at
            score = scores[index]
            if score is not None and (best is None or score >= best):
                best, best_at = score, index
        scores = row
        back.append(pointers)
    end = max(
        (index for index in range(size) if scores[index] is not None),
        key=lambda index: (scores[index], index),
        default=None,
    )
    if end is None:
        return None
    total = scores[end]
    assert total is not None
    positions = [end]
    for pointers in reversed(back[1:]):
        positions.append(pointers[positions[-1]])
    return total, tuple(reversed(positions))


def _is_expansion(short: str, long: str) -> bool:
    """The checks of the module docstring that tell an expansion from a gloss."""
    letters = "".join(ch.lower() for ch in short if ch.isalnum())
    found = _alignment(letters, long)
    if found is None:
        return False
    words = [word for word in _WORD_BREAK.split(long) if word.lower() not in _MINOR_WORDS]
    if len(words) > 1 and 2 * found[0] < len(letters):
        return False  # one word ("electrocardiogram (ECG)") gives letters from inside itself
    if not any(ch.islower() for ch in long) or long.count("[") != long.count("]"):
        return False
    starts, spans = _word_starts(long)
    positions = found[1]
    inner = {long[at].lower() for at in positions if at not in starts}
    used = [any(start <= at < end for at in positions) for start, end in spans]
    if True in used:
        first, last = used.index(True), len(used) - 1 - used[::-1].index(True)
        for (start, end), hit in list(zip(spans, used, strict=True))[first:last]:
            word = long[start:end]
            if not hit and word.lower() not in _MINOR_WORDS and word[:1].lower() in inner:
                return False
    acronyms = [
        (start, end)
        for start, end in spans
        if sum(ch.isupper() for ch in long[start:end]) >= 2
        and not any(ch.islower() for ch in long[start:end])
    ]
    inside_words = [
        at for at in positions if at not in starts and not any(a <= at < b for a, b in acronyms)
    ]
    if acronyms and inside_words:
        return False
    if len(words) > 1 and _one_word_gives_three_capitals(short, long, positions, spans, acronyms):
        return False
    if len(words) > 1 and _last_capital_left_out(short, long, positions, spans, starts):
        return False
    return not _capital_from_a_word_end(short, long, positions, spans, starts)


def _one_word_gives_three_capitals(
    short: str,
    long: str,
    positions: tuple[int, ...],
    spans: tuple[tuple[int, int], ...],
    acronyms: list[tuple[int, int]],
) -> bool:
    """Three of the short form's capitals from one word of a long form of several words, which
    cannot be split into that many parts of `_WORD_PART` letters: the words they stand for are
    not all there ("Methicillin Resistance (MRSA)", whose S and A are "Staphylococcus aureus",
    matches "Re-s-ist-a-nce"). A compound gives three ("radio|allergo|sorbent test (RAST)");
    two from a word are common ("sodium-glucose cotransporter 2 (SGLT2)": "gl-ucose")."""
    letters = [ch for ch in short if ch.isalnum()]
    taken: dict[tuple[int, int], list[tuple[int, str]]] = {}
    for number, at in enumerate(positions[: len(letters)]):
        span = next((span for span in spans if span[0] <= at < span[1]), None)
        if letters[number].isupper() and span is not None and span not in acronyms:
            taken.setdefault(span, []).append((at, letters[number].lower()))
    lowered = long.lower()
    for (_, end), capitals in taken.items():
        if len(capitals) < 3:
            continue
        at = capitals[0][0]
        for _, letter in capitals[1:]:
            at = lowered.find(letter, at + _WORD_PART, end)
            if at < 0 or end - at < _WORD_PART:
                return True
    return False


def _last_capital_left_out(
    short: str,
    long: str,
    positions: tuple[int, ...],
    spans: tuple[tuple[int, int], ...],
    starts: frozenset[int],
) -> bool:
    """The short form's last capital found only inside the word that gave it the capital
    before, with no word part of `_WORD_PART` letters for either: the word it stands for is
    missing ("Vancomycin resistance (VRE)", whose E is "Enterococci", matches the "e" of
    "r|esistance" or "resistanc|e"). A last capital from a word of its own, or from a long
    enough part of one ("direct oral anti|coagulant (DOAC)"), is the expansion's; so is an X,
    which hardly starts a word and is taken from inside one ("cyclo-o|xygenase (COX)")."""
    letters = [ch for ch in short if ch.isalnum()]
    if len(letters) < 2 or len(positions) != len(letters) or not letters[-1].isupper():
        return False
    if letters[-1] in _INNER_CAPITALS or positions[-1] in starts:
        return False  # "cyclo-oxygenase (COX)", "Extra-pulmonary TB (EPTB)"
    wanted, before = letters[-1].lower(), positions[-2]
    if any(long[start].lower() == wanted for start, _ in spans[1:]):
        return False  # a word of its own after the first ("hepatocellular carcinoma (HCC)")
    span = next((span for span in spans if span[0] <= positions[-1] < span[1]), None)
    if span is None or positions[-1] == span[0] or not span[0] <= before < span[1]:
        return False
    end = span[1]
    return not any(
        long[index].lower() == wanted and index - before >= _WORD_PART and end - index >= _WORD_PART
        for index in range(before + 1, end)
    )


_INNER_CAPITALS = frozenset("X")
"""A capital an abbreviation takes from inside a word, as few words start with it."""
_WORD_PART = 4
"""Fewest letters, its own included, a word part a capital stands for has: "anti|coagulant"
gives DOAC its C, "pl|ane" gives no A."""


def _capital_from_a_word_end(
    short: str,
    long: str,
    positions: tuple[int, ...],
    spans: tuple[tuple[int, int], ...],
    starts: frozenset[int],
) -> bool:
    """A capital of the short form taken from the last few letters of a word of a long form of
    several words: the word the author left out ("incisor to mandibular plane (IMPA)", whose A
    is "angle", matches the "a" of "plane"). A capital from inside a word stands for a part of
    it ("direct oral anticoagulant (DOAC)"), which is longer; any of the word's letters that
    can stand for it will do ("transesophageal echocardiogram (TEE)": "trans|esophageal")."""
    letters = [ch for ch in short if ch.isalnum()]
    lowered = long.lower()
    if len(positions) > len(letters) or len(lowered) != len(long):
        return False  # a letter whose lower case is two ("İ"): positions do not line up
    for number, at in enumerate(positions):
        if not letters[number].isupper() or at in starts:
            continue
        start, end = next(span for span in spans if span[0] <= at < span[1])
        if end - at >= _WORD_PART:
            continue
        earliest = max(start + 1, positions[number - 1] + 1 if number else 0)
        wanted = letters[number].lower()
        if not any(
            lowered[index] == wanted and end - index >= _WORD_PART for index in range(earliest, at)
        ):
            return True
    return False


def _is_acceptable(short: str, long: str) -> bool:
    """The paper's final checks on a matched pair, then `_is_expansion`'s."""
    if len(long) < len(short) or not _is_expansion(short, long):
        return False
    if _word_prefix(short, long):
        return False
    # A long form containing the short form as a word ("CT scanner protocol (CT)") restates it.
    if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long, re.IGNORECASE):
        return False
    size = sum(ch.isalnum() for ch in short)  # |A|
    # Words counted as in ExtractAbbrev.java: split on white space and hyphens.
    words = [word for word in re.split(r"[\s\-]+", long) if word]
    return len(words) <= min(size + 5, size * 2)


MIN_PREFIX_LETTERS = 4


def _word_prefix(short: str, long: str) -> bool:
    """A short form of MIN_PREFIX_LETTERS letters or more that is the first letters of a
    one-word long form ("Nordazepam (NORDAZ)"): a brand or a cut word, no initials to learn."""
    letters = "".join(ch for ch in short.lower() if ch.isalnum())
    if len(letters) < MIN_PREFIX_LETTERS or len(long.split()) != 1:
        return False
    folded = unicodedata.normalize("NFKD", long.lower())
    return "".join(ch for ch in folded if ch.isalnum()).startswith(letters)


def _without_letterless_tail(short: str, long: str) -> str:
    """The long form without the words after the last one that gives the short form a letter,
    when every word left (but the minor ones) gives one: "Falls Risk Screen Checklist (FRS)"
    names the checklist after the screen FRS stands for, "Falls Risk Screen" ("Mental Status
    Exam Cheat Sheet (MSE)": a page's name around its subject's). When a word before the
    tail gives no letter either ("Diagnostic and Statistical Manual of Mental Disorders (DSM)")
    the letters do not tell where the name ends: the long form stays as written."""
    letters = "".join(ch.lower() for ch in short if ch.isalnum())
    found = _alignment(letters, long)
    if found is None:
        return long
    _, spans = _word_starts(long)
    positions = found[1]
    used = [any(start <= at < end for at in positions) for start, end in spans]
    if not used or used[-1] or True not in used:
        return long
    last = len(used) - 1 - used[::-1].index(True)
    if _opens_minor(long[spans[last + 1][0] :]) or spans[last][1] - spans[last][0] < 2:
        return long  # "… of Mental Disorders", "Sella-Nasion-A point": the name goes on
    for (start, end), hit in zip(spans[: last + 1], used[: last + 1], strict=True):
        if not hit and long[start:end].lower() not in _MINOR_WORDS:
            return long
    return long[: spans[last][1]].rstrip()
