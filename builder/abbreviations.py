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
"""

from __future__ import annotations

import re
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
        long = long_candidate[start:]
        if _BOUNDARY.search(long) or not _is_acceptable(short, long):
            return None, close_idx
        return Abbreviation(short, long, short_offset), close_idx

    short = inside.strip()
    if not _is_short_form(short) or short.split()[0] in _EDITORIAL_CUES:
        return None, close_idx
    start = _best_long_form(short, before)
    if start is None:
        return None, close_idx
    raw = before[start:]
    long = raw.strip()
    if not _is_acceptable(short, long):
        return None, close_idx
    offset = window_start + start + (len(raw) - len(raw.lstrip()))
    return Abbreviation(short, long, offset), close_idx


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


def _is_short_form(candidate: str) -> bool:
    """The paper's short-form filter: 2-10 characters, at most two words, at least one letter,
    first character a letter or digit."""
    return (
        _MIN_SHORT_LEN <= len(candidate) <= _MAX_SHORT_LEN
        and len(candidate.split()) <= _MAX_SHORT_WORDS
        and any(ch.isalpha() for ch in candidate)
        and candidate[0].isalnum()
    )


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
    while l_idx >= 0 and not long[l_idx].isspace():
        l_idx -= 1
    return l_idx + 1


def _is_acceptable(short: str, long: str) -> bool:
    """The paper's final checks on a matched pair."""
    if len(long) < len(short):
        return False
    # A long form containing the short form as a word ("CT scanner protocol (CT)") restates it.
    if re.search(rf"(?<!\w){re.escape(short)}(?!\w)", long, re.IGNORECASE):
        return False
    size = sum(ch.isalnum() for ch in short)  # |A|
    # Words counted as in ExtractAbbrev.java: split on white space and hyphens.
    words = [word for word in re.split(r"[\s\-]+", long) if word]
    return len(words) <= min(size + 5, size * 2)
