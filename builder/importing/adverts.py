"""Lines of an imported document that still look like advertising or a call to action.

The extractor removes the site's chrome, but a clinic's article often advertises inside its own
text ("Institutions like X are at the forefront...", "Call now on ..."). Such lines are listed,
never removed: a phone number or a price can be part of the lesson (an emergency number, the
cost of a prescription), and the teacher decides. Each flag names its line in the written
document and the words that raised it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_PHONE = re.compile(
    r"(?<![\w.,/-])(?:\+|00)?\(?\d{1,5}\)?(?:[ .\-/]\(?\d{1,5}\)?){1,5}(?![\w%/-]|[.,]\d)"
)
_DATE = re.compile(r"^\d{4}[-./]\d{1,2}[-./]\d{1,2}$|^\d{1,2}[-./]\d{1,2}[-./]\d{2,4}$")
_CALL_TO_ACTION = re.compile(
    r"\b("
    r"book (an? |your )?(appointment|consultation|visit|check-?up|scan|test|session|place|"
    r"seat|spot)s?|"
    r"book (now|online|today)|(make|request|schedule) (an? |your )?(appointment|consultation|"
    r"visit|call)|call (us|now|today|our)\b|click (here|to call|to book|below)|contact us|"
    r"get in touch|(get|claim) (a |your )?free|free consultation|request a call ?back|"
    r"sign up|subscribe|newsletter|whatsapp|get a (quote|second opinion)|"
    r"(send|leave) us a message|(special|limited[- ]time) offer|discount|print this page|"
    r"download (this|the|our) (leaflet|page|pdf|brochure|guide)"
    r")",
    re.IGNORECASE,
)
_PROMOTION = re.compile(
    r"\b(state[- ]of[- ]the[- ]art|world[- ]class|award[- ]winning|unparalleled|"
    r"at the forefront|highly skilled|leading (provider|hospital|clinic)|"
    r"(our|we're|we are) (dedicated|committed|experienced|friendly)|"
    r"our (team|experts?|specialists?|doctors|surgeons|clinics?|hospitals?|staff|patients|"
    r"mission|branches))\b",
    re.IGNORECASE,
)
_PRICE = re.compile(
    r"(?:[$€£¥₹₺]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:USD|EUR|GBP|TRY|TL|INR|dollars|euros|pounds)\b|"
    r"\b(?:USD|EUR|GBP|TRY|INR)\s?\d[\d,.]*)"
)
_RELATED = re.compile(
    r"^\W*(see also|read more|read next|related (articles?|posts?|content|reading)|"
    r"you (may|might) also like|recommended for you|more from)\b",
    re.IGNORECASE,
)
_LINK_TARGET = re.compile(r"\]\([^)]*\)")


@dataclass(frozen=True)
class Flag:
    """Lines that look like advertising: where, and what in them."""

    #: First line in the imported document (1-based, front matter included).
    line: int
    #: Last line: a flagged heading takes the flagged blocks right after it along (an
    #: advertising box is a heading with its text and button).
    end_line: int
    #: What the lines look like, with the words that show it.
    reasons: tuple[str, ...]
    #: The words that raised the flag, as they appear in the lines.
    matches: tuple[str, ...]

    def message(self) -> str:
        where = (
            f"lines {self.line}-{self.end_line} look" if self.end_line > self.line else ("looks")
        )
        return (
            f"{where} like advertising ({'; '.join(self.reasons)}): cut "
            f"{'them' if self.end_line > self.line else 'it'} before building unless "
            "part of the lesson"
        )


def find_advertising(markdown: str, brands: list[str]) -> list[Flag]:
    """The lines of `markdown` (after its front matter) that look like advertising."""
    names = [
        re.compile(r"\b" + r"[\s-]+".join(map(re.escape, name.split())) + r"\b", re.IGNORECASE)
        for name in brands
        if name.strip()
    ]
    lines = markdown.split("\n")
    start = _body_start(lines)
    flags: list[Flag] = []
    for number, raw in enumerate(lines[start:], start=start + 1):
        found = _line_reasons(_LINK_TARGET.sub("]", raw), names)
        if not found:
            continue
        reasons = tuple(f'{kind} "{text}"' for kind, text in found)
        matches = tuple(text for _, text in found)
        previous = flags[-1] if flags else None
        if (
            previous is not None
            and lines[previous.line - 1].startswith("#")
            and all(not line.strip() for line in lines[previous.end_line : number - 1])
        ):
            flags[-1] = Flag(
                previous.line,
                number,
                previous.reasons + tuple(r for r in reasons if r not in previous.reasons),
                previous.matches + matches,
            )
        else:
            flags.append(Flag(number, number, reasons, matches))
    return flags


def _line_reasons(line: str, names: list[re.Pattern[str]]) -> list[tuple[str, str]]:
    """(kind, words) for each reason `line` looks like advertising."""
    found: list[tuple[str, str]] = []
    for name in names:
        match = name.search(line)
        if match:
            found.append(("names the site", match.group(0)))
            break
    for pattern, kind in ((_CALL_TO_ACTION, "call to action"), (_PROMOTION, "promotion")):
        match = pattern.search(line)
        if match:
            found.append((kind, match.group(0)))
    phone = _phone(line)
    if phone:
        found.append(("phone number", phone))
    price = _PRICE.search(line)
    if price:
        found.append(("price", price.group(0).strip().rstrip(".,")))
    related = _RELATED.match(line.lstrip("#>-*0123456789. "))
    if related:
        found.append(("related-article link", related.group(1)))
    return found


def _body_start(lines: list[str]) -> int:
    if lines and lines[0].strip() == "---":
        for index in range(1, len(lines)):
            if lines[index].strip() in ("---", "..."):
                return index + 1
    return 0


def _phone(line: str) -> str | None:
    """The first run of digits that reads as a telephone number (7 to 15 digits in groups)."""
    for match in _PHONE.finditer(line):
        text = match.group(0).strip()
        digits = sum(ch.isdigit() for ch in text)
        if 7 <= digits <= 15 and not _DATE.match(text):
            return text
    return None
