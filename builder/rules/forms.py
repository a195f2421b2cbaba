"""A form's scaffolding, told from its content: the shapes a history-and-examination template
(or any fill-in form) is written in, which no rule should ask as a fact.

- A choice list: a value that is only short alternatives joined by " / " (`Present / Absent`,
  `Good / Fair / Poor`) is what the form offers to tick, not what is true. A polarity pair (one
  alternative the other's negation: present/absent, positive/negative, normal/altered,
  typical/atypical, in the languages the builder reads) teaches nothing and makes no note; any
  other list of alternatives is asked only as what the field is recorded as (`choice_kind`).
- A content-free default (`No abnormalities`, `Negative`, `NAD`, `sem alterações`) under an
  examination heading says nothing of the sign (`is_default_finding`); the other findings of an
  examination write-up (a list of such defaults or choices under an examination heading:
  `is_examination`) are its normal findings and are asked as such.
- The author's instructions to the note-taker ("Record any allergy…", "Informe o estado
  civil…") are no content (`is_form_instruction`); nor is a value holding a blank to fill in
  (`_X_°`, `___`: `has_placeholder`).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Literal

from ..memory import TEXT_CACHE
from ..text import INSTRUCTION_VERBS, plain, without_asides

MAX_CHOICE_WORDS = 3
"""Most words of one alternative of a form's choice list ("Baixo peso", "Não colaborativo")."""

_CHOICE_SPLIT = re.compile(r"\s+/\s+")
_TIGHT_PAIR = re.compile(r"^(?P<a>[^\W\d_]+)/(?P<b>[^\W\d_]+)(?=\s|$)")
"""Two words joined by a bare slash at the start of an item (`Presence/Absence of murmurs`)."""
_JOINING = frozenset(
    "of de da do das dos del des du la le el the a an and or e y et und oder o ou in em en".split()
)
"""Words that open a continuation, never an alternative of its own (`Lab / imaging tests`, `Exames
laboratoriais / de imagem`: one item whose halves share a noun)."""


def unaccented(text: str) -> str:
    """Text without its accents ("Hábito" -> "Habito"), so that a word of it is one word to a
    reader of ASCII words."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _fold(word: str) -> str:
    """A word lower-cased without its accents ("Típica" -> "tipica")."""
    return unaccented(word.lower())


_OPPOSITES: tuple[tuple[str, str], ...] = (
    ("present", "absent"),
    ("presente", "ausente"),
    ("presenca", "ausencia"),
    ("presencia", "ausencia"),
    ("presence", "absence"),
    ("vorhanden", "fehlend"),
    ("positive", "negative"),
    ("positivo", "negativo"),
    ("positif", "negatif"),
    ("positiv", "negativ"),
    ("normal", "abnormal"),
    ("normal", "anormal"),
    ("normal", "alterado"),
    ("normal", "altere"),
    ("normal", "auffallig"),
    ("yes", "no"),
    ("sim", "nao"),
    ("si", "no"),
    ("oui", "non"),
    ("ja", "nein"),
    ("reactive", "nonreactive"),
)
"""Pairs of words that say a thing is or is not so (folded, masculine singular)."""
_NEGATING = ("nao ", "no ", "not ", "non ", "non-", "nicht ", "pas ", "sem ", "sin ", "without ")
_PREFIXES = ("a", "as", "an", "in", "im", "ir", "il", "un", "non", "dis", "des", "a-", "non-")
"""What turns a word into its opposite ("atípica", "assimétrica", "irregular", "non-tender")."""
_ENDINGS = re.compile(r"(?:as|os|es|a|o|e|s)$")


def _stem(word: str) -> str:
    """A folded word without its gender or number ending ("Alterada" -> "alterad")."""
    folded = _fold(word).strip(" .,;:")
    return _ENDINGS.sub("", folded) if len(folded) > 3 else folded


_OPPOSITE_STEMS = frozenset(
    pair for a, b in _OPPOSITES for pair in ((_stem(a), _stem(b)), (_stem(b), _stem(a)))
)


def is_polarity(first: str, second: str) -> bool:
    """Two alternatives one of which is the other's negation: `Present / Absent`, `Típica /
    Atípica`, `Simétrica / Assimétrica`, `Colaborativo / Não colaborativo`, `Normal /
    Alterada`."""
    a, b = _fold(first).strip(" .,;:"), _fold(second).strip(" .,;:")
    if not a or not b:
        return False
    if (_stem(a), _stem(b)) in _OPPOSITE_STEMS:
        return True
    for x, y in ((a, b), (b, a)):
        if any(y == prefix + x for prefix in _PREFIXES) or any(y == n + x for n in _NEGATING):
            return True
    return False


@lru_cache(maxsize=TEXT_CACHE)
def choices(value: str) -> tuple[str, ...]:
    """The alternatives of a value that is only a form's choice list (`Bom / Regular / Ruim`,
    `Eutrófico / Sobrepeso / Baixo peso (IMC obrigatório)`), each of MAX_CHOICE_WORDS words at
    most and none opening a continuation; () for any other value."""
    text = without_asides(plain(value)).strip().rstrip(".;")
    parts = _CHOICE_SPLIT.split(text)
    if len(parts) < 2:
        return ()
    for part in parts:
        said = part.split()
        if not 0 < len(said) <= MAX_CHOICE_WORDS or any(char.isdigit() for char in part):
            return ()
        if _fold(said[0]) in _JOINING or not said[0][:1].isalpha():
            return ()
    return tuple(parts)


ChoiceKind = Literal["", "polarity", "scale"]


def choice_kind(value: str) -> ChoiceKind:
    """Which choice list a value is: "polarity" for two alternatives one negating the other
    (no note, no cloze item), "scale" for any other choice list (asked only as what the field
    is recorded as), "" for a value that is no choice list."""
    found = choices(value)
    if not found:
        return ""
    if len(found) == 2 and is_polarity(found[0], found[1]):
        return "polarity"
    return "scale"


def is_choice_item(text: str) -> bool:
    """A list item that is a form's choice, not a fact to hide in a cloze: a polarity pair
    (`Present / Absent`), or an item opening with one joined by a bare slash (`Presence/Absence
    of murmurs`). Other alternatives in an item are the author's shorthand for one thing
    (`N / V`, `Blood / urine cultures`, `PPI / P-CAB`), recalled as written."""
    if choice_kind(text) == "polarity":
        return True
    pair = _TIGHT_PAIR.match(plain(text).strip())
    return pair is not None and is_polarity(pair["a"], pair["b"])


# Examination write-ups

_EXAMINATION = re.compile(
    r"\b(?:exam|exams|examination|exame|exames|examen|exploraci[oó]n|untersuchung|esame|"
    r"inspection|inspe[cç][aã]o|inspecci[oó]n|palpation|palpa[cç][aã]o|palpaci[oó]n|"
    r"percussion|percuss[aã]o|percusi[oó]n|auscultation|ausculta|auscultaci[oó]n|"
    r"otoscop\w*|oroscop\w*|fundoscop\w*|ophthalmoscop\w*|rhinoscop\w*)\b",
    re.IGNORECASE,
)
"""Words naming an examination of the body, in the languages the builder reads."""
_NOT_EXAMINATION = re.compile(
    r"\b(?:exam\s+(?:tips?|questions?|prep\w*|day|technique)|(?:board|final|written|oral|"
    r"practice|mock)\s+exams?|provas?|pr[uü]fung)\b",
    re.IGNORECASE,
)
"""An exam a student sits, not one a patient has."""


def is_examination(titles: tuple[str, ...]) -> bool:
    """A section (its own title or an enclosing one) about examining a patient ("Exame
    Neurológico", "Abdominal examination", "Palpation"), never a test a student sits."""
    return any(
        _EXAMINATION.search(plain(title)) is not None
        and _NOT_EXAMINATION.search(plain(title)) is None
        for title in titles
    )


_DEFAULTS = frozenset(
    _fold(said)
    for said in (
        "normal",
        "normais",
        "normales",
        "normaux",
        "negative",
        "negativo",
        "negativos",
        "negativa",
        "negativas",
        "negatif",
        "negatifs",
        "negativ",
        "unremarkable",
        "nad",
        "wnl",
        "nil",
        "ras",
        "no abnormalities",
        "no abnormality",
        "no abnormality detected",
        "no abnormalities detected",
        "nothing abnormal detected",
        "within normal limits",
        "sem alterações",
        "sem alteração",
        "sem alteracoes",
        "sem particularidades",
        "sin alteraciones",
        "sin alteración",
        "sin particularidades",
        "dentro de la normalidad",
        "dentro da normalidade",
        "sans particularité",
        "sans particularités",
        "rien à signaler",
        "unauffällig",
        "o.b.",
        "ob",
        "nella norma",
    )
)
"""What a write-up says of a sign when there is nothing to say of it."""


def is_default_finding(value: str) -> bool:
    """A finding that is only a content-free default ("Sem alterações", "Negativos", "NAD",
    "No abnormalities"): in an examination write-up it teaches nothing of the sign."""
    said = " ".join(_fold(plain(value)).strip(" .;!").split())
    return said in _DEFAULTS


# The author's instructions, fillers and blanks

_TOLD = re.compile(
    r"^(?:registre|registrar|informe|informar|liste|listar|descreva|descrever|inclua|incluir|"
    r"anote|anotar|indique|indicar|describa|describir|incluya|"
    r"record|document|list|describe|note down|write down|specify|"
    r"notez|indiquez|pr[eé]cisez|d[eé]crivez|incluez|"
    r"notieren|notiere|dokumentieren|dokumentiere|erfassen|beschreiben|beschreibe|"
    r"registrare|annotare|descrivere|indicare)\b",
    re.IGNORECASE,
)
"""Verbs that open an instruction to whoever fills in the form, per language."""


_NOT_TOLD = frozenset(
    "of is are was were has have and or in for can may should keeping de da do é são es est".split()
)
"""Words after an opening that make it a noun, not an order ("List of drugs", "Record keeping
is …", "Registro de …")."""


def is_form_instruction(text: str) -> bool:
    """A sentence telling the note-taker what to write ("Registre qualquer alergia…", "Describe
    the patient's job and exposures.", "Inclua se há uso de anticoncepcionais"): the form's
    scaffolding, not a fact."""
    said = plain(text).strip()
    opening = said.split()[:2]
    if len(opening) < 2 or _TOLD.match(said) is None:
        return False
    return opening[1].lower().strip(".,;:") not in _NOT_TOLD


_PLACEHOLDER = re.compile(
    r"(?<![\w*])(?:_[Xx]_|\*[Xx]\*|X)\s?(?:°|º|ª|th\b|st\b|nd\b|rd\b)|(?<![\w\\])_{3,}(?!\w)"
)
"""A blank left to fill in where a value belongs: an ordinal of X (`_X_°`, `Xth`), a run of
underscores (`___`)."""


def has_placeholder(markdown: str) -> bool:
    """A text holding a blank the author left for the value (`no _X_° espaço intercostal`,
    `in the ___ space`): an unfilled template, whose fact is missing."""
    return _PLACEHOLDER.search(markdown) is not None


def told_among_fields(texts: tuple[str, ...]) -> frozenset[int]:
    """The items of a list of a form's fields (`Name`, `Dose`, …) that tell the note-taker what
    to write (`Record any herbal remedies`): never a deletion. None when another item opens
    with a verb too (`Cambiar el equipo`, `Check the site`): the list is one of steps, each a
    thing to do."""
    told = {index for index, text in enumerate(texts) if is_form_instruction(text)}
    if not told:
        return frozenset()
    for index, text in enumerate(texts):
        if index not in told and _opens_with_verb(text):
            return frozenset()
    return frozenset(told)


_INFINITIVE = re.compile(r"^[^\W\d_]{2,}(?:ar|er|ir|re)$")
"""An infinitive in the Romance languages ("Vigilar", "Anotar", "Vérifier", "Prendre")."""


def _opens_with_verb(text: str) -> bool:
    said = plain(text).split()
    first = _fold(said[0]).strip(".,;:") if said else ""
    return first in INSTRUCTION_VERBS or _INFINITIVE.match(first) is not None
