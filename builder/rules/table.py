"""Tables with a header row: one card per row and column, asking for that column's value.

One column names each row's subject: the one the manifest names, else the first whose cells are
distinct and not mere numbers or points. Every other column gives "subject -> value" notes phrased
from the headers and the deck's topic. A two-column table that maps a key to a short description
(risk factor -> examples, specialty -> role) also gets the reverse card, unless the manifest turns
reverses off. Columns of figures are left to the `figure` rule, which asks for them as clozes.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TypeVar, cast

from ..document import Section, Table, TableRow
from ..notes import Note, make_key
from ..text import as_list, fill, lower_first, plain, singular, split_points
from .context import Context, TableOptions

DEFAULT_QUESTION = "{subject} ({kind}) in {topic}: {column}?"
SHORT_QUESTION = "{subject} in {topic}: {column}?"
"""The default question for a subject that names its kind itself."""
_OURS = (DEFAULT_QUESTION, SHORT_QUESTION)
REVERSE_QUESTION = "Which {kind} in {topic}: “{value}”?"
REVERSE_MAX_WORDS = 30

_FIGURE = re.compile(
    r"^[~≈<>≤≥±+\-–]?\s*\d[\d.,]*\s*(%|[a-zA-Zµ/]{0,6})?(\s*[-–to]+\s*\d[\d.,]*\s*%?)?$"
)
_POINTS = re.compile(r"^\w[\w ]{0,20}:\s*[+\-–]?\d")


@lru_cache(maxsize=1 << 14)
def is_figure(cell: str) -> bool:
    """A cell that is a number, a percentage or a numeric range ('15-27%', '3.5 cm')."""
    return bool(_FIGURE.match(plain(cell).strip()))


def subject_column(table: Table, preferred: str | None = None) -> int | None:
    """The column naming each row's subject, or None when no column can."""
    return _remembered(table, preferred, _subject_column)


def figure_columns(table: Table) -> tuple[bool, ...]:
    """For each column: does it hold figures only (and some)? Those are the figure rule's."""
    return _remembered(table, None, _figure_columns)


_Result = TypeVar("_Result")
_REMEMBERED: dict[tuple[int, str | None, object], tuple[Table, object]] = {}


def _remembered(
    table: Table, preferred: str | None, find: Callable[[Table, str | None], _Result]
) -> _Result:
    """`find(table, preferred)`, worked out once for the tables of the section at hand: the
    table and figure rules both need it. Kept by identity (hashing a table means hashing every
    cell) and only for the last few tables."""
    key = (id(table), preferred, find)
    known = _REMEMBERED.get(key)
    if known is not None and known[0] is table:
        return cast(_Result, known[1])
    result = find(table, preferred)
    if len(_REMEMBERED) >= 64:
        _REMEMBERED.clear()
    _REMEMBERED[key] = (table, result)
    return result


def _figure_columns(table: Table, preferred: str | None) -> tuple[bool, ...]:
    return tuple(_figure_column(table, index) for index in range(len(table.header)))


def _subject_column(table: Table, preferred: str | None) -> int | None:
    if preferred:
        for index, header in enumerate(table.header):
            if plain(header).lower() == preferred.lower():
                return index
    for index in range(len(table.header)):
        cells = [plain(row.cells[index]) for row in table.rows if index < len(row.cells)]
        if not cells or any(not cell for cell in cells):
            continue
        if len({cell.lower() for cell in cells}) != len(cells):
            continue
        if any(is_figure(cell) or _POINTS.match(cell) for cell in cells):
            continue
        return index
    return None


def extract(section: Section, ctx: Context) -> list[Note]:
    notes: list[Note] = []
    options = ctx.table_options(section)
    for block in section.blocks:
        if isinstance(block, Table) and block.rows:
            notes.extend(_table_notes(block, section, ctx, options))
    return notes


def _table_notes(
    table: Table, section: Section, ctx: Context, options: TableOptions | None
) -> list[Note]:
    opts = options or TableOptions(section="")
    subject_index = subject_column(table, opts.subject)
    if subject_index is None:
        return []
    kind = plain(singular(table.header[subject_index]))
    template = opts.question or DEFAULT_QUESTION
    figures = figure_columns(table)
    value_columns = [
        index for index in range(len(table.header)) if index != subject_index and not figures[index]
    ]
    # What every card of a column, or of the table, shares is worked out once.
    shown_kind = kind.lower()
    kind_word = shown_kind.split(" ")[-1]
    columns = []
    for index in value_columns:
        column = plain(table.header[index])
        columns.append((index, lower_first(column), normalise_header(column)))
    notes: list[Note] = []
    for row in table.rows:
        subject = plain(row.cells[subject_index])
        # Leave out "(kind)" when the subject already says it ("Stage IV" is plainly a stage).
        phrase = template
        if template == DEFAULT_QUESTION and kind_word in subject.lower():
            phrase = SHORT_QUESTION
        row_key = make_key("table", section.path, subject, row.pin)  # + the column's header
        for index, column, header in columns:
            cell = row.cells[index] if index < len(row.cells) else ""
            if not plain(cell):
                continue
            values = {"subject": subject, "column": column, "kind": shown_kind, "topic": ctx.topic}
            # A manifest's template only through `fill`, which substitutes names and nothing else.
            front = phrase.format(**values) if phrase in _OURS else fill(phrase, values)
            back = as_list(split_points(cell))
            notes.append(
                ctx.note("table", "basic", front, back, (*row_key, header), section, row.line)
            )
    reverse = opts.reverse if opts.reverse is not None else _maps_key_to_description(table)
    if reverse and len(value_columns) == 1 and len(table.header) == 2:
        notes.extend(_reverse_notes(table, subject_index, value_columns[0], kind, section, ctx))
    return notes


def normalise_header(header: str) -> str:
    return plain(header).lower()


def _figure_column(table: Table, index: int) -> bool:
    cells = [plain(row.cells[index]) for row in table.rows if index < len(row.cells)]
    return bool(cells) and all(is_figure(cell) for cell in cells if cell)


def _maps_key_to_description(table: Table) -> bool:
    """Two columns, the second a short description: worth asking both ways."""
    if len(table.header) != 2:
        return False
    return all(len(plain(row.cells[1]).split()) <= REVERSE_MAX_WORDS for row in table.rows)


def _reverse_notes(
    table: Table, key_index: int, value_index: int, kind: str, section: Section, ctx: Context
) -> list[Note]:
    notes = []
    for row in table.rows:
        subject = plain(row.cells[key_index])
        value = _reverse_value(row, value_index)
        if not value:
            continue
        front = REVERSE_QUESTION.format(kind=kind.lower(), topic=ctx.topic, value=value)
        key = make_key("table", section.path, subject, row.pin, "reverse")
        notes.append(ctx.note("table", "basic", front, subject, key, section, row.line))
    return notes


def _reverse_value(row: TableRow, index: int) -> str:
    return "; ".join(split_points(row.cells[index])).rstrip(".")
