"""Tables: a card per row and column, asking for that cell, read the way the table is laid out.

`read_table` decides, from the table's shape, which of these it is:

- **rows** (the usual table): one column names each row's subject, the one the manifest names,
  else the first whose cells are filled in, distinct, single points and not numbers. Every other
  column gives "subject -> value" notes phrased from the headers and the deck's topic. A
  two-column table mapping a key to a short, unique value (at most eight words, not a bare
  yes/no or number, not a hedge such as "Depends on …", not naming the key) also gets the
  reverse card in an English document (elsewhere "which" would be the builder's English
  beside the author's words), unless the
  manifest says no or the column says what the things do or are like (Effect, Role, Use, Why: a
  front quoting a description is a riddle), or half its keys or more name fields of one thing
  (Dose, Route, Onset: which field a value fills is a riddle too). A subject naming a pair ("A
  vs B") takes no "(kind)"; a subject's long trailing aside is left off the front; a plain row
  naming a field
  ("Disease examples") among members in bold asks that field of the section's subject; a few
  feature lists under a "Mechanism" header are asked as features. A first column that names one
  subject in several rows (an antidote at two doses) stays the subject when the distinct column
  is a value (a dose, a number, a long description): the subject's rows are read together, one
  note per column listing each row's value; a leading emoji is no part of a subject or header. A
  first column of measures (each with a unit, bound or range: "<1 hour", "2-6 hours") beside
  words is the subject, named with its header ("Time to treatment <1 hour: mortality?"), never
  asked back from an outcome. A two-column table whose headers name no kind ("Name", "Name
  of check") and no relation (Description, Details, Notes, Comments, Explanation) asks each
  row of the section's subject ("Bedside look in <topic> — breathing?"), reading neither
  header aloud, and a row whose description only points back at it ("You will spot this")
  asks nothing. A row whose first cell is too long to name it (a list of a dozen drugs) asks
  nothing, and the table's other rows are still asked (`check` names the row). A value told in
  two columns (`| Dose | Unit |`) is one answer, "2–4 mg/kg", never the unit asked alone, and
  a column filled in fewer than half the rows adds to it (`joined`); a cell whose every word
  is a word of its row's name (`TDS` beside `VELBAR_TDS`) is never an answer. A column whose
  header cell is empty is asked "besides" the named ones ("Type T: besides stain A and stain
  B?"); when no column but the subject's is named, a row's cells are its one answer ("Type
  T?"): never "Type T: ?", which asks nothing. Two tables under
  different headings whose rows would ask the same thing with other answers, or with one header
  row asking a row alike, name the heading that tells them apart ("Cold stage — skin:
  finding?", `rows_apart`). A subject's rows that differ in two columns or more are each that
  subject at the first cell telling them apart ("Drug A, 850 mg: maximum?", `_paired`): read
  together, which maximum goes with which tablet was lost.
- **attributes**: the first column holds field labels, which its header says (a generic word:
  Element, Feature, Parameter, ..., 項目 in a Chinese note; or an empty corner, when the rows name
  fields such as "Onset" and the headers across do not), or bold short labels beside a generic
  "Details"/"Description"/"內容" column, or a generic key over a generic value ("Category |
  Criteria": the rows are fields of what the section's heading names, "Contraindications in
  <topic>: drugs?"). Each other column describes the thing its header names ("Onset of type
  A?"), naming the other one or two things of a comparison of single cells ("Onset of type A (vs
  Type B)?"); a generic or missing header there means the section's own subject ("Prototype of
  ACE inhibitors?"). No reverse cards: a label is no answer. A row where one thing of several
  says "Yes" asks which ("Anti-inflammatory: A or B?"), not a yes or a no of each.
- **comparison**: two columns headed by two things ("Gout | Pseudogout", "Asthma | COPD") over
  short cells written alike row by row: one cloze note per row, each side hidden in turn. Two
  headers judging one thing both ways ("Good control | Poor control") mirror each other: a side
  is the other's negation, so only the figures of a row are hidden, and a row without one
  makes no note.
- **lists in one row**: a header written as HTML `<th>` cells over one row whose every cell is a
  list (`Flat skin<br>Away from a joint`): one note per column, its header asked, its points the
  answer ("good sites? / sites to avoid?"), never one list asked from the other.
- **no header row**: Markdown needs one, so authors put data (or nothing) there (an HTML header
  of `<th>` cells is always column names). A header row is data when it is empty, holds `<p>`,
  repeats a body cell, reads as a sentence (seven words or more), echoes its column's cells or
  describes like them ("<class> for <use>"), or is a measurement like its column's cells. It is
  then the first data row: two columns are read as labels and values of the section's subject
  (or of the short line just above the table), more as one cloze note per row, hiding its short
  cells; a column describing each row as "<class> used for <use>" (a drug list) also asks each
  row's class and use ("Velbarolol: use?").
- **ticks**: a grid of named rows under two or more headed columns whose filled cells are all
  ticks (`✔`, `✓`, `x`, `●`, `Yes`; the rest blank): one note per column listing its ticked rows
  ("High impact in <topic>: which sectors?" -> "Water; Shelter"), never a row's tick asked back.
- **marks** (any shape above): a matrix whose cells across are mostly marks of both kinds (`o`
  and `x`, `✓` and `✗`, `●` and `○`, Yes and No): its mark cells are read as empty, never an
  answer, and each row of marks telling its columns apart asks which columns it is marked in
  ("Check the pH in <topic>: Cannula, Catheter or Feeding tube?" -> "Feeding tube"); a row
  marked in every column, or in none, asks nothing; its cells of words are asked as cells.
- **nothing**: a table of numbers only (a conversion chart) or with no usable subject; a worked
  calculation (`| 1: Convert hours to minutes | 4 × 60 = 240 |`: numbered steps, each other cell
  a working with `=`) or any table of a worked-example section, whose numbers hold for that
  example only.

Cells are cleaned first: `<p>` paragraphs become points, `--`/`n/a` cells are empty (no card has
an empty answer), and so are body cells that are only a form's blank (`#`, `%`, `# or %`, `TBD`:
a target column nobody filled in), a point that is a picture's file name (`scan.png`) is left
out, index columns (`#`, `No.`) are left out. A row label marked as a sub-row (`| - Early | … |`)
loses its dash, and under a row whose other cells are all empty (`| **Hot stage** | | |`) it is
named with that group ("Hot stage — Early"). Columns of figures are the `figure` rule's, which
asks for them as clozes.
"""

from __future__ import annotations

import html
import re
import unicodedata
import weakref
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from itertools import pairwise
from typing import Literal

from ..document import Block, ListBlock, Paragraph, Section, Table, TableRow
from ..memory import TEXT_CACHE
from ..notes import Note, deletion, literal, make_key
from ..text import (
    as_list,
    content_words,
    fill,
    heading_text,
    is_generic_heading,
    is_relational,
    lower_first,
    names_topic,
    placeholder,
    plain,
    singular,
    split_points,
    split_sentences,
    word_count,
)
from .context import Context, TableOptions
from .leads import is_example

DEFAULT_QUESTION = "{subject} ({kind}) in {topic}: {column}?"
SHORT_QUESTION = "{subject} in {topic}: {column}?"
"""The default question for a subject that names its kind itself, or has no kind."""
_OURS = (DEFAULT_QUESTION, SHORT_QUESTION)
REVERSE_QUESTION = "{value} ({column}) in {topic}: which {kind}?"
REVERSE_UNNAMED = "Which {kind} in {topic}: “{value}”?"
"""A reverse card names what its value is, as a forward card names its subject's kind
("N-acetylcysteine (antidote) in …: which toxin?"); a quoted cell alone read as a riddle. A
column whose header names nothing of it ("Description", "Why it matters") keeps the quote."""
REVERSE_MAX_WORDS = 8
"""Longer descriptions make no reverse card: the front would be a quotation to recognise."""
SUBJECT_MAX_WORDS = 12
CLOZE_MAX_WORDS = 3
"""A header-less table's column is hidden in its cloze notes when every cell is this short."""

Shape = Literal["rows", "attributes", "comparison", "lines", "lists", "ticks", "none"]


@dataclass(frozen=True, slots=True)
class Reading:
    """How a table is read: its cleaned cells, and which shape they make."""

    shape: Shape
    header: tuple[str, ...]
    """Cleaned header cells; "" for each column of a table without a header row."""
    rows: tuple[TableRow, ...]
    """Cleaned rows, index columns left out; a header row that was data comes first."""
    subject: int | None = None
    """rows: the column naming each row's subject."""
    figures: tuple[bool, ...] = ()
    """rows: for each column, does it hold figures only (and some)? Those are the figure rule's."""
    grouped: bool = False
    """rows: the subject column names some rows' subject twice or more ("Velbarin" for a high
    and a low dose): its rows are read together, as one subject with several values."""
    measured: bool = False
    """rows: the subject column holds measures ("<1 hour", "0-15 min") the other columns are
    outcomes of: a front names each as its header and value ("Time to treatment <1 hour")."""
    qualifier: int | None = None
    """rows: a column of measures ("≥ 50", "30-49") telling apart the rows of one subject (a
    drug at two kidney functions): part of each row's subject ("Velbarin, CrCl 30-49"), never
    asked."""
    paired: bool = False
    """rows: the qualifier tells apart only the rows of a subject named twice or more, by the
    first cell they differ in (a drug's two tablet strengths), as merging them column by column
    would lose which value goes with which (`_paired`); a row alone under its name asks it."""
    unread: frozenset[int] = frozenset()
    """rows: the rows whose subject cell is too long to name them on a front (a list of a dozen
    drugs): they ask nothing, while the table's other rows still do (`unread_rows`)."""
    fields: bool = False
    """attributes: a two-column table whose rows name fields of the section's subject
    ("Indications", "Adverse effects") under a header row of data (`| Ward code | [ATR1](…) |`):
    each asked as a field table's ("Indications of <subject>?"), not of the header."""
    marked: tuple[Marked, ...] = ()
    """Any shape: the rows of a mark matrix (`_mark_matrix`) whose marks tell its columns apart,
    each asked which columns it is marked in; its mark cells are read as empty."""


@dataclass(frozen=True, slots=True)
class Marked:
    """A row of a mark matrix: its label, and the headers of the columns marked positive."""

    label: str
    line: int
    pin: str | None
    columns: tuple[str, ...]


_FIGURE = re.compile(
    r"^[~≈<>≤≥±+\-–−]?\s*\d[\d.,]*\s*(%|[a-zA-Zµ/]{0,6})?(\s*[-–to]+\s*\d[\d.,]*\s*%?)?$"
)
_ORDINAL = re.compile(r"^\d+\s*(st|nd|rd|th)$", re.IGNORECASE)
_POINTS = re.compile(r"^\w[\w ]{0,20}:\s*[+\-–]?\d")


@lru_cache(maxsize=TEXT_CACHE)
def is_figure(cell: str) -> bool:
    """A cell that is a number, a percentage or a numeric range ('15-27%', '3.5 cm', '-1000');
    not a rank ('1st')."""
    text = _decoded(plain(cell)).strip()
    return bool(_FIGURE.match(text)) and not _ORDINAL.match(text)


def _decoded(text: str) -> str:
    """Text with its HTML entities as characters (`&ge; 50` is "≥ 50"), as a card shows it."""
    return html.unescape(text) if "&" in text else text


def read_table(table: Table, preferred: str | None = None) -> Reading:
    """The table's reading; `preferred` is the manifest's subject column header, if any.

    Worked out once per table: `rows_apart` reads every table of a document before the table
    and figure rules read each again. Kept by identity (hashing a table means hashing every
    cell) for as long as the table lives, no longer: a weak reference lets the readings go with
    their document."""
    known = _READINGS.get(id(table))
    if known is None or known[0]() is not table:
        known = (weakref.ref(table, partial(_forget, id(table))), {})
        _READINGS[id(table)] = known
    readings = known[1]
    if preferred not in readings:
        readings[preferred] = _read(table, preferred)
    return readings[preferred]


_READINGS: dict[int, tuple[weakref.ref[Table], dict[str | None, Reading]]] = {}


def _forget(number: int, gone: weakref.ref[Table]) -> None:
    """A table is gone: its readings go with it (unless its place went to a newer table)."""
    if _READINGS.get(number, (None,))[0] is gone:
        del _READINGS[number]


# --- cells -------------------------------------------------------------------------------------

_PARAGRAPH_BREAK = re.compile(r"</p>\s*<p>", re.IGNORECASE)
_PARAGRAPH = re.compile(r"</?p\s*>", re.IGNORECASE)
_BREAKS = re.compile(r"(?:\s*<br\s*/?>\s*)+", re.IGNORECASE)
_NO_VALUE = frozenset(
    ["", "-", "--", "---", "—", "–", "−", "n/a", "n/a.", "n.a.", "varies", "variable", "tbd", "?"]
)


@lru_cache(maxsize=TEXT_CACHE)
def clean_cell(cell: str) -> str:
    """A cell as a card may show it: `<p>` paragraphs as `<br>` points, no empty paragraphs or
    leading/trailing breaks, and "" for a cell that says there is no value (`--`, `n/a`)."""
    text = cell.strip()
    if "<" in text:
        text = _PARAGRAPH.sub("", _PARAGRAPH_BREAK.sub("<br>", text))
        text = _BREAKS.sub("<br>", text)
        while text.lower().startswith("<br>"):
            text = text[4:].strip()
        while text.lower().endswith("<br>"):
            text = text[:-4].strip()
    if "." in text and _FILE_NAMED.search(text) is not None:
        points = [point for point in _BREAKS.split(text) if not _FILE_NAME.match(point.strip())]
        text = "<br>".join(point.strip() for point in points)
    if len(text) <= _LONGEST_NO_VALUE and plain(text).strip().lower() in _NO_VALUE:
        return ""
    if text[:1] in "[(":
        interval = _INTERVAL.fullmatch(text)
        if interval is not None:  # "[45,60)" as a card says it: "45 to < 60"
            low, high = interval.group("low"), interval.group("high")
            low = low if interval.group("open") == "[" else f"> {low}"
            high = high if interval.group("close") == "]" else f"< {high}"
            return f"{low} to {high}"
    return text


_INTERVAL = re.compile(
    r"(?P<open>[\[(])\s*(?P<low>\d[\d.]*)\s*,\s*(?P<high>\d[\d.]*)\s*(?P<close>[\])])"
)
"""A range written as in mathematics ("[45,60)": 45 up to, not with, 60); its brackets on a
card read as markup left over."""


_LONGEST_NO_VALUE = 12
"""No cell longer than this (markup included: `**n/a**`) can say there is no value."""
_FILE_NAME = re.compile(r"^[^<>\s][^<>]*\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|pdf)$", re.IGNORECASE)
"""A point that is a picture's file name (an Obsidian link to `scan.png`, cleaned to its
name): no card can show the picture, and its name is no fact."""
_FILE_NAMED = re.compile(r"\.(?:png|jpe?g|gif|svg|webp|bmp|tiff?|pdf)(?:<|$)", re.IGNORECASE)
"""A cell point that ends in such a file name, before any markup that follows it."""


_INDEX_HEADERS = frozenset(
    ["#", "no", "no.", "nr", "nr.", "n°", "№", "s.no", "s.no.", "s. no.", "sl. no.", "sr. no."]
)
_INDEX_CELL = re.compile(r"^(\d+)[.)]?$")


def _is_index_column(header: str, cells: list[str]) -> bool:
    """A column that only numbers the rows: headed `#`/`No.`, or unheaded and counting 1, 2, 3."""
    if plain(header).lower() in _INDEX_HEADERS:
        return True
    if plain(header) or not cells:
        return False
    numbers = [_INDEX_CELL.match(plain(cell)) for cell in cells]
    return all(numbers) and [int(m.group(1)) for m in numbers if m] == list(
        range(1, len(cells) + 1)
    )


# --- reading a table ---------------------------------------------------------------------------

_GENERIC_LABELS = frozenset(
    """element feature field property parameter attribute characteristic aspect item detail
    key label variable metric point basis comparison
    parametro caracteristica elemento propiedad atributo campo concepto dato
    propriedade atributo parametre caracteristique propriete attribut champ
    caratteristica proprieta voce merkmal eigenschaft
    項目 项目 欄位 栏位 參數 参数 特徵 特征""".split()
)
"""Headers that say a column holds field labels, not things (also in Spanish, Portuguese,
French, Italian and German notes, "Parámetro", "Característica", "Merkmal", compared without
accents, and in Chinese and Japanese: 項目 "item", 欄位 "field", 參數 "parameter", 特徵
"feature")."""
_QUESTION_CORNERS = frozenset("question pregunta pergunta domanda frage".split())
"""A corner over things across (`| Question | Type A | Type B |`) says each row is a field
asked of each thing, never a kind of thing ("Looks like (question)"). Over one column it is a
question bank's (`_CARD_HEADER`)."""
_GENERIC_VALUES = frozenset(
    """detail details description value info information note notes explanation content
    criteria criterion
    detalle descripcion valor informacion nota explicacion contenido comentario
    detalhe descricao informacao explicacao conteudo
    detail valeur remarque contenu dettaglio descrizione valore informazione spiegazione
    contenuto beschreibung wert erlauterung inhalt hinweis
    內容 内容 說明 说明 説明 描述 細節 细节 備註 备注 數值 数值""".split()
)
"""Headers that say a column holds values of the fields, not which thing they describe (also
"Detalle", "Descrição", "Valeur", "Beschreibung"; 內容 "content", 說明 "explanation", 描述
"description", 備註 "note", 數值 "value")."""
_GENERIC = _GENERIC_LABELS | _GENERIC_VALUES
_GENERIC_KEYS = frozenset(["category", "group", "domain", "area", "criteria", "criterion"])
"""Subject column headers that name no relation: over a generic value column ("Category |
Criteria") the rows are fields of what the section's heading names ("Contraindications")."""
_NOT_KINDS = frozenset(["name", "names", "item", "items", "term", "terms", "entry", "title"])
"""Subject column headers that say nothing of what each row is."""
_CASE_KINDS = frozenset(
    """situation situacion situacao scenario escenario cenario case caso condition
    condicion condicione condicao condizione circumstance circunstancia""".split()
)
"""Subject column headers naming the rows as cases ("Situation | Quick action", "Condición |
Estabilidad"): each row's own words say what it is, so a front leaves the header out ("Missed
dose in <topic>: quick action?", never "Missed dose (situation)"); a reverse card still asks
"which situation?"."""


def _read(table: Table, preferred: str | None) -> Reading:
    header, rows = _cleaned(table)
    matrix = _mark_matrix(header, rows)
    if matrix is None:
        return _read_cells(table, preferred, header, rows)
    blanked, marked = matrix
    return replace(_read_cells(table, preferred, header, blanked), marked=marked)


def _read_cells(
    table: Table, preferred: str | None, header: tuple[str, ...], rows: tuple[TableRow, ...]
) -> Reading:
    width = len(header)
    if preferred:
        for index, cell in enumerate(header):
            if plain(cell).lower() == preferred.lower():
                return _rows_reading(header, rows, index)
    if table.headed and _side_lists(rows):
        return Reading("lists", header, rows)
    if not table.headed and (
        any(_PARAGRAPH.search(cell) for cell in table.header) or _header_is_data(header, rows)
    ):
        if any(plain(cell) for cell in header):
            rows = (TableRow(header, table.line), *rows)
        header = ("",) * width
        if width == 2 and rows:
            return Reading("attributes", header, rows)
        return Reading("lines" if width > 2 and rows else "none", header, rows)
    if not rows or width < 2:
        return Reading("none", header, rows)
    if _ticks(header, rows):
        return Reading("ticks", header, rows)
    if _lists(header, rows) or _two_lists(header, rows):
        return Reading("lists", header, rows)
    unfilled, rows = rows, rows if _dashed_keys(table) else _filled_down(rows)
    labels = [plain(row.cells[0]) for row in rows]
    corner = _word(header[0])
    if all(labels) and (
        (corner in _GENERIC_LABELS and not (width > 2 and _measures_across(header)))
        or (corner in _QUESTION_CORNERS and width > 2)
        or (not corner and width > 2 and _labels_across(header, labels))
        or (width == 2 and _word(header[1]) in _GENERIC_VALUES and _bold_labels(rows))
        or (corner in _GENERIC_KEYS and all(_word(cell) in _GENERIC_VALUES for cell in header[1:]))
    ):
        return Reading("attributes", header, rows)
    if width == 2 and _fields_under_data(header, rows):
        if _field_label(plain(header[0])) and not _LINK_CELL.match(header[1]):
            rows = (TableRow(header, table.line), *rows)  # "Indications | …" was a row too
        return Reading("attributes", ("", ""), rows, fields=True)
    if width == 2 and _compares(header, rows):
        return Reading("comparison", header, rows)
    if all(_numeric(plain(cell)) for row in rows for cell in row.cells if plain(cell)):
        return Reading("none", header, rows)  # a conversion chart: nothing to ask in words
    return _rows_reading(header, rows, None, keyed=rows is not unfilled)


def _measures_across(header: tuple[str, ...]) -> bool:
    """Headers across naming measures (`| Parameter | Units | Default | Minimum | Maximum |`),
    not things compared (`| Parameter | Adults | Children |`): the rows are the things each
    measure is taken of, so a generic corner does not make them fields."""
    return any(
        set(_unaccented(plain(cell).lower()).replace("/", " ").split()) & _MEASURE_WORDS
        for cell in header[1:]
    )


_MEASURE_WORDS = frozenset(
    """unit units unidad unidades unidade unite unites einheit einheiten minimum min minimo
    minima maximum max maximo maxima default defecto increment incremento range rango
    intervalo""".split()
)


def _cleaned(table: Table) -> tuple[tuple[str, ...], tuple[TableRow, ...]]:
    """Header and rows with clean cells, index columns left out."""
    header = tuple(clean_cell(cell) for cell in table.header)
    rows = []
    arrows = _arrow_grid(table)
    for row in table.rows:
        cells = tuple("" if placeholder(cell) else clean_cell(cell) for cell in row.cells)
        if arrows:
            cells = cells[:1] + tuple(
                _UNCHANGED_READ if _unchanged(raw) else cell
                for raw, cell in zip(row.cells[1:], cells[1:], strict=False)
            )
        rows.append(row if cells == row.cells else TableRow(cells, row.line, row.pin))
    if any(row.cells and _SUB_ROW.match(row.cells[0]) for row in rows):
        rows = _grouped(rows)
    keep = [
        index
        for index in range(len(header))
        if not _is_index_column(header[index], [row.cells[index] for row in rows])
    ]
    if len(keep) < len(header) and keep:
        header = tuple(header[index] for index in keep)
        rows = [
            TableRow(tuple(row.cells[index] for index in keep), row.line, row.pin) for row in rows
        ]
    return header, tuple(rows)


_SUB_ROW = re.compile(r"[-–—•·][ \t]+(?=\S)")
"""A row label marked as a sub-row, `- Early phase`: a list's dash typed into a cell."""


def _grouped(rows: list[TableRow]) -> list[TableRow]:
    """Rows whose labels are marked as sub-rows (`| - Early phase | 2 h | … |`) without the
    mark, each named under its group: the row above them whose other cells are all empty
    (`| **Refill** | | |`), which names no subject of its own but the part they belong to
    ("Refill — early phase"). A marked row under no such row is only unmarked."""
    grouped: list[TableRow] = []
    group = ""
    for row in rows:
        first = row.cells[0]
        marked = _SUB_ROW.match(first)
        if marked is None:
            empty = not any(plain(cell).strip() for cell in row.cells[1:])
            group = plain(first).strip() if empty else ""
            grouped.append(row)
            continue
        name = first[marked.end() :]
        label = f"{group} — {name}" if group else name
        grouped.append(TableRow((label, *row.cells[1:]), row.line, row.pin))
    return grouped


_ARROW_CELL = re.compile(r"[↑↓⇑⇓⬆⬇]")
_UNCHANGED_MARKS = frozenset(["-", "--", "—", "–", "−", "n", "="])
_UNCHANGED_READ = "normal"


def _unchanged(cell: str) -> bool:
    return plain(cell).strip().lower() in _UNCHANGED_MARKS


def _arrow_grid(table: Table) -> bool:
    """A comparison whose every value is an arrow or a dash ("CO poisoning | - | ↓ | -"): there a
    dash or an "N" says the value is normal, the table's point as much as its arrows."""
    if len(table.header) < 2 or not table.rows:
        return False
    seen = 0
    for row in table.rows:
        for cell in row.cells[1:]:
            if _GRID_CELL.fullmatch(cell) is None:
                return False  # one regex per cell: most tables stop at their first value
            seen += _ARROW_CELL.search(cell) is not None
    return seen >= 2


_GRID_CELL = re.compile(r"[\s*_]*(?:[↑↓⇑⇓⬆⬇][↑↓⇑⇓⬆⬇ ]*|--?|[—–−=Nn])[\s*_]*")
"""A cell of such a grid as written (bold or not): arrows, or a mark that the value is unchanged."""


def _tick(cell: str) -> bool:
    """A cell that only ticks its row (`✔`, `✓`, `x`, `●`, `Yes`)."""
    return _TICK.match(plain(cell).strip()) is not None


_TICK = re.compile(r"^(?:[✔✓☑✅●•✗×xX+*]|✔️|yes|y)$", re.IGNORECASE)


def _ticks(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """A grid of ticks: rows of named things, two or more columns of categories (headed), and
    every filled cell across them a tick. Each cell says "this row belongs here", never a value:
    asked per row ("Water: high impact?" -> "✔") the question states the answer."""
    if len(header) < 3 or not all(plain(cell) for cell in header[1:]):
        return False
    labels = [plain(row.cells[0]) for row in rows]
    if len(rows) < 2 or not all(labels) or len(set(labels)) < len(labels):
        return False
    cells = [row.cells[index] for row in rows for index in range(1, len(header))]
    filled = [cell for cell in cells if plain(cell).strip()]
    return bool(filled) and len(filled) < len(cells) and all(_tick(cell) for cell in filled)


def _tick_notes(reading: Reading, section: Section, ctx: Context) -> list[Note]:
    """One note per column of a tick grid, listing its ticked rows: "High impact in <topic>:
    which sectors?" -> "Water; Shelter"."""
    kind = _unmarked(plain(reading.header[0]))
    which = f"which {_plural(lower_first(kind))}" if 0 < len(kind.split()) <= 3 else "which ones"
    notes = []
    for index in range(1, len(reading.header)):
        ticked = [row for row in reading.rows if plain(row.cells[index]).strip()]
        if not ticked:
            continue
        name = _unmarked(plain(reading.header[index]))
        front = f"{ctx.situate(name)}: {which}?"
        back = as_list([row.cells[0] for row in ticked])
        key = make_key("table", section.path, name, None, "ticks")
        notes.append(ctx.note("table", "basic", front, back, key, section, ticked[0].line))
    return notes


_MARK_PAIRS: tuple[tuple[frozenset[str], frozenset[str]], ...] = (
    (frozenset("o O ○ 〇".split()), frozenset("x X × ✗ ✘".split())),
    (frozenset("✓ ✔ ✔️ ☑ ✅ √".split()), frozenset("✗ ✘ × x X ❌ ☐".split())),
    (frozenset(["●"]), frozenset(["○"])),
    (frozenset(["+"]), frozenset(["−", "–", "-"])),
    (frozenset(["yes", "y", "是", "有"]), frozenset(["no", "n", "否", "无"])),
    (frozenset("sí si sim oui ja".split()), frozenset("no não nao non nein".split())),
)
"""A mark saying "this row is in this column" and the one saying it is not, as tables pair them:
a table with both is a matrix, so the same `x` that ticks a grid of ticks alone means "no"
beside an `o`, and the `○` that means "yes" beside `×` means "no" beside `●`."""
MARKS_SHARE = 0.6
"""Of a matrix's filled cells across, the share that are marks: the rest (a site, a volume)
are the values a row holds in that column alone, asked as any cell is."""
MARKS_FEWEST = 4


def _mark(cell: str) -> str:
    return plain(cell).strip().strip("*_").strip().lower()


def _mark_matrix(
    header: tuple[str, ...], rows: tuple[TableRow, ...]
) -> tuple[tuple[TableRow, ...], tuple[Marked, ...]] | None:
    """A table whose cells across are mostly marks of both kinds (`o` and `x`, `✓` and `✗`,
    Yes and No) under two or more named columns: steps by procedure, signs by disease. A mark
    is never an answer ("Check the blood count: paracentesis?" -> "o" asks nothing a student
    can know without the table's legend): the rows come back with their mark cells empty, the
    words left to be asked as cells, and the rows of marks only that tell the columns apart
    (not marked alike in every one) as `Marked`, asked which columns they are marked in."""
    if len(header) < 3 or not all(plain(cell) for cell in header[1:]):
        return None
    if len(rows) < 2 or not all(plain(row.cells[0]) for row in rows):
        return None
    filled = [_mark(cell) for row in rows for cell in row.cells[1:] if plain(cell).strip()]
    best: tuple[int, frozenset[str], frozenset[str]] | None = None
    for yes, no in _MARK_PAIRS:
        said = [cell for cell in filled if cell in yes or cell in no]
        both = any(cell in yes for cell in said) and any(cell in no for cell in said)
        if both and (best is None or len(said) > best[0]):
            best = (len(said), yes, no)
    if best is None or best[0] < MARKS_FEWEST or best[0] < MARKS_SHARE * len(filled):
        return None
    _, yes, no = best
    blanked, marked = [], []
    for row in rows:
        cells = [_mark(cell) for cell in row.cells[1:]]
        marks = [cell in yes or cell in no for cell in cells]
        kept = ("" if mark else cell for mark, cell in zip(marks, row.cells[1:], strict=True))
        blanked.append(TableRow((row.cells[0], *kept), row.line, row.pin))
        if not all(mark or not cell for mark, cell in zip(marks, cells, strict=True)):
            continue  # a row with words in it: they say what its marks would
        columns = tuple(plain(header[index + 1]) for index, cell in enumerate(cells) if cell in yes)
        if columns and len(columns) < len(header) - 1:
            marked.append(Marked(plain(row.cells[0]), row.line, row.pin, columns))
    return tuple(blanked), tuple(marked)


def _marked_notes(reading: Reading, section: Section, ctx: Context) -> list[Note]:
    """A matrix's rows of marks, each asking which of the columns it is marked in: "Check the
    blood count in <topic>: paracentesis, thoracentesis or lumbar puncture?" -> "Paracentesis".
    A row marked in every column, or in none, tells no column apart and asks nothing."""
    things = [_unmarked(plain(cell)) for cell in reading.header[1:]]
    if ctx.language == "en":
        choice = f"{', '.join(things[:-1])} or {things[-1]}"
    else:
        choice = " / ".join(things)  # the builder's "or" is no word of the author's language
    notes = []
    for row in reading.marked:
        where = row.label if names_topic(choice, ctx.topic) else ctx.situate(row.label)
        front = f"{where}: {choice}?"
        key = make_key("table", section.path, row.label, row.pin, "marked")
        notes.append(
            ctx.note("table", "basic", front, as_list(list(row.columns)), key, section, row.line)
        )
    return notes


def _plural(phrase: str) -> str:
    if phrase.endswith("s"):
        return phrase
    if phrase.endswith("y") and phrase[-2:-1] not in ("a", "e", "o", "u", ""):
        return phrase[:-1] + "ies"
    return phrase + "s"


def _filled_down(rows: tuple[TableRow, ...]) -> tuple[TableRow, ...]:
    """Rows whose empty first cell means "as above" (a drug over two kidney-function bands: the
    second row leaves the drug out) with that cell filled in from the row above, so that each
    row names its subject. Only a row that says something else; the first row is left alone;
    and only a single level of grouping, the second column filled in every row."""
    if len(rows) < 2 or not plain(rows[0].cells[0]) or all(plain(row.cells[0]) for row in rows):
        return rows
    if not all(plain(row.cells[1]) for row in rows):
        return rows  # groups within groups (a class, its drugs, their forms): no one key
    filled = [rows[0]]
    for row in rows[1:]:
        if not plain(row.cells[0]) and any(plain(cell) for cell in row.cells[1:]):
            row = TableRow((filled[-1].cells[0], *row.cells[1:]), row.line, row.pin)
        filled.append(row)
    return tuple(filled)


_DASHES = frozenset(["-", "--", "—", "–", "−"])


def _dashed_keys(table: Table) -> bool:
    """A first column with a dash for a value (`| - | Velbarin | … |`): the author's "none",
    not "as above" (an empty cell is that); such rows are never filled in from the row above,
    which made them extra answers of another row's question."""
    return any(row.cells and row.cells[0].strip() in _DASHES for row in table.rows)


LIST_ITEM_MAX_WORDS = 4


def _lists(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """Columns that are lists side by side, not rows (`| Non-specific | Left-sided | Right-sided
    |` over short signs, each column as long as its list): what a row holds across is no pair,
    so no card may ask one cell from another. Read so only when it cannot be a keyed table:
    three columns or more, headed by categories (two headers share a word, none names a field
    or a kind of name), every cell a short name with no figure, and the first column ending
    early (blank cells at its end only, as in every column) while it lists two items or more:
    a key column is never blank below its last key."""
    if len(header) < 3 or len(rows) < 2:
        return False
    names = [plain(cell) for cell in header]
    if any(
        not name
        or len(name.split()) > LIST_ITEM_MAX_WORDS
        or _word(name) in _GENERIC | _NOT_KINDS | _NAME_KINDS
        or _names_a_field(name)
        for name in names
    ):
        return False
    words = [content_words(name) for name in names]
    if not any(words[i] & words[j] for i in range(len(words)) for j in range(i + 1, len(words))):
        return False
    for index in range(len(header)):
        cells = [plain(row.cells[index]) for row in rows]
        length = next((n for n in range(len(cells), 0, -1) if cells[n - 1]), 0)
        if length < 2 or not all(cells[:length]):
            return False
        if index == 0 and length == len(cells):
            return False  # a first column filled to the end may be a key
        for number in range(length):
            cell = rows[number].cells[index]
            if (
                len(cells[number].split()) > LIST_ITEM_MAX_WORDS
                or any(char.isdigit() for char in cells[number])
                or len(split_points(cell)) > 1
            ):
                return False
    return True


def _side_lists(rows: tuple[TableRow, ...]) -> bool:
    """One body row whose every cell is a list of its own (`Plenty of fat<br>Away from joints`
    beside `Scars<br>Skin folds`): columns listed side by side under their headers, where
    asking one cell from another would pair two lists that share only a row."""
    return len(rows) == 1 and all(len(split_points(cell)) > 1 for cell in rows[0].cells)


def _two_lists(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """Two lists side by side under headers alike but for one word (`| False positive | False
    negative |`, `| Left side | Right side |`), told from a keyed table or a comparison by what
    no row pairing can be: a column ending early (blank below its last item, or blank all
    through) while the other goes on, or a first column naming one thing twice. Then each row's
    cells share nothing but their position, and asking one from the other is a riddle."""
    if len(header) != 2 or not rows:
        return False
    first, second = (plain(cell).lower().split() for cell in header)
    if len(first) != len(second) or len(first) < 2:
        return False
    if sum(1 for one, other in zip(first, second, strict=True) if one != other) != 1:
        return False
    columns = [[plain(row.cells[index]) for row in rows] for index in (0, 1)]
    if any(len(cell.split()) > _TWO_LISTS_MAX_WORDS for column in columns for cell in column):
        return False
    lengths = []
    for column in columns:
        length = next((n for n in range(len(column), 0, -1) if column[n - 1]), 0)
        if not all(column[:length]):
            return False  # a gap inside a column: a key table missing a value
        lengths.append(length)
    filled = [cell.lower() for cell in columns[0][: lengths[0]]]
    ends_early = min(lengths) < len(rows) and max(lengths) > min(lengths)
    return ends_early or len(set(filled)) < len(filled)


_TWO_LISTS_MAX_WORDS = 8


def _names_only(header: str) -> bool:
    """A subject column headed by the kind of name its cells are ("Generic name", "Brand
    name", "Drug", "Medication"): "(generic name)" on a front says nothing the name does not."""
    word = _word(header)
    return word.split(" ")[-1] == "name" or word in _NAME_KINDS


_NAME_KINDS = frozenset(["drug", "drugs", "medication"])


def _word(header: str) -> str:
    """A header as one lower-case word for the vocabularies above ("Features" -> "feature",
    "Parámetros" -> "parametro"): accents are folded, as the vocabularies are written without."""
    return _unaccented(plain(singular(header)).lower().rstrip(":"))


@lru_cache(maxsize=1 << 12)
def _unaccented(word: str) -> str:
    if word.isascii():
        return word
    bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


def _bold_labels(rows: tuple[TableRow, ...]) -> bool:
    """Every first cell is a short bold label (`**Dose**`)."""
    return all(
        _BOLD.match(row.cells[0].strip()) and len(plain(row.cells[0]).split()) <= 3 for row in rows
    )


_BOLD = re.compile(r"^(\*\*|__)[^*_]+\1:?$")


def _labels_across(header: tuple[str, ...], labels: list[str]) -> bool:
    """Under an empty corner: do the rows name fields ("Onset", "Dose") more than the headers
    across do? Then the headers are the things described (`| | Type A | Type B |`)."""
    across = [plain(cell) for cell in header[1:]]
    return _share(labels, _field_label) > _share(across, _field_label)


def _field_label(label: str) -> bool:
    """A label naming a field ("Dose") or a relation with no noun of its own ("Criteria")."""
    return _names_a_field(label) or _word(label) in _GENERIC_KEYS


_LINK_CELL = re.compile(r"^\[[^\]]*\]\([^()\s]*\)$")
"""A cell that is one link (`[ATR1](https://…)`): a pointer, no value to learn."""


def _fields_under_data(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """A two-column table whose first column names fields of one thing (half its cells or more,
    header included, two of them a monograph's own: "Indications", "Adverse effects") under a
    second header that is no column name (a code, a link, a name: `| Ward code | [ATR1](…) |`):
    the header row is a row of that field table, and the rows are not things of the kind it
    names."""
    second = plain(header[1])
    if not second or _word(second) in _GENERIC or _field_label(second) or len(rows) < 2:
        return False
    labels = [plain(header[0]), *(plain(row.cells[0]) for row in rows)]
    own = sum(1 for label in labels if _singular_word(label.split(" ")[-1]) in _RELATIONAL)
    return own >= 2 and _share(labels, _names_a_field) >= 0.5


def _share(texts: list[str], test: Callable[[str], bool]) -> float:
    return sum(1 for text in texts if test(text)) / len(texts) if texts else 0.0


def _compares(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """Two headers naming two things ("Gout | Pseudogout", "Asthma | COPD") over short cells
    written alike row by row ("Reversible obstruction | Fixed obstruction"): in half the rows when
    the headers share a word too, else in two rows of three."""
    first, second = (plain(cell) for cell in header)
    if not first or not second or {_word(first), _word(second)} & _GENERIC:
        return False
    if _numeric(first) or _numeric(second):
        return False
    cells = [cell for row in rows for cell in row.cells if plain(cell)]
    if any(len(split_points(cell)) > 1 or len(plain(cell).split()) > 12 for cell in cells):
        return False
    alike = sum(
        1 for row in rows if content_words(plain(row.cells[0])) & content_words(plain(row.cells[1]))
    )
    if content_words(first, 2) & content_words(second, 2):
        return 2 * alike >= len(rows)
    return len(rows) >= 2 and 3 * alike >= 2 * len(rows)


_FOOTNOTE = re.compile(r"\[\^[^\]]*\]")
_MEASURE = re.compile(r"^(?:[<>≤≥~≈±+\-−–]?\s*\d|[\[(]\s*\d[\d.]*\s*,\s*\d)")
"""A figure, or an interval written as in mathematics ("[45,60)": 45 up to, not with, 60)."""
_LETTERS = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=TEXT_CACHE)
def _numeric(text: str) -> bool:
    """A measurement or number ("97 (76–120)", "<7.0% (<53 mmol/mol)", "2011-June"): it starts
    with a number and its words are units (five letters at most)."""
    text = _decoded(_FOOTNOTE.sub("", text)).strip()
    if not _MEASURE.match(text):
        return False
    return all(len(word) <= 5 for word in _LETTERS.findall(text))


def _header_is_data(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """Whether the header row holds data, not column names (see the module docstring)."""
    if not any(plain(cell) for cell in header):
        return True
    for index, cell in enumerate(header):
        text = plain(cell)
        if not text:
            continue
        column = [plain(row.cells[index]) for row in rows if plain(row.cells[index])]
        if any(text.lower() == other.lower() for other in column):
            return True
        if len(text.split()) >= 7 and not text.endswith(("?", ":")):
            return True
        if _numeric(text) and column and sum(map(_numeric, column)) * 2 > len(column):
            return True
        if _echoes(text, column) or _describes_alike(text, column):
            return True
    return False


def _describes_alike(header: str, column: list[str]) -> bool:
    """A header written "<kind> for <use>" over cells written so: "Antiarrhythmic for rhythm
    control" over "Cardiac glycoside for heart failure" is the first row of a drug list."""
    if " for " not in header or _purpose(header) is None or not column:
        return False
    return 2 * sum(1 for cell in column if _purpose(cell)) >= len(column)


def _echoes(header: str, column: list[str]) -> bool:
    """A header of three words or more that shares most of its words with a cell of its column
    of about its length: "Thiazide diuretic used for hypertension" over "Loop diuretic used for
    oedema"."""
    size = len(header.split())
    if size < 3:
        return False
    wanted = content_words(header)
    for cell in column:
        if len(cell.split()) > 2 * size or ";" in cell:
            continue
        shared = wanted & content_words(cell)
        if len(shared) >= 2 and 2 * len(shared) >= len(wanted):
            return True
    return False


def _rows_reading(
    header: tuple[str, ...], rows: tuple[TableRow, ...], preferred: int | None, keyed: bool = False
) -> Reading:
    """`keyed`: the first column was left empty for "as above" (`_filled_down`), which only
    the column that keys the rows is: its subject, its rows read together."""
    figures = tuple(_figure_column(rows, index) for index in range(len(header)))
    if keyed and _subject_cells(rows, 0, distinct=False):
        qualifier = _qualifier(header, rows)  # (never `_paired`: a first cell left empty
        grouped = qualifier is None  # lists the subject's points down each column, row by row)
        return Reading("rows", header, rows, 0, figures, grouped, qualifier=qualifier)
    if preferred is None and _keyed_by_band(header, rows):
        # "Conscious" on two rows, "Under 4 mmol/L" and "4-6 mmol/L" beside it: each row is
        # that subject in that band; merged, which band goes with which action is lost, and a
        # later column of distinct actions read as the key asks the table backwards.
        return Reading("rows", header, rows, 0, figures, qualifier=1)
    if preferred is None and _keyed_by_pair(header, rows):
        # "Adult" on two rows, "Dry mouth" and "Low blood pressure" beside it, what to do after:
        # the actions are distinct, but an action is never the key ("Give fluids: patient?").
        return Reading("rows", header, rows, 0, figures, qualifier=1)
    # A first column that names each row but for a few rows too long to name: those rows ask
    # nothing, and no later column (a description, an advice) names the rows in its place.
    unread = frozenset() if preferred is not None else _long_subjects(rows)
    if unread:
        subject: int | None = 0
    else:
        subject = preferred if preferred is not None else _subject_column(header, rows)
    if preferred is None and _measures(header, rows, figures):
        return Reading("rows", header, rows, 0, figures, measured=True)
    grouped = False
    if preferred is None and (subject is None or (subject and not _names_things(rows, subject))):
        # The first column repeats, and what is distinct is a value ("15 mL of a 10 %
        # solution"), not a name: a value is never the subject of a question.
        grouped = _subject_cells(rows, 0, distinct=False)
        if grouped:
            subject = 0
        elif subject:  # a later column of values ("49/51 mg BID") beside a first column that
            subject = None  # names no row ("≥ 10 mg X<br>≥ 80 mg Y"): read sideways, each value
            # would be asked for the row's condition; no card beats a backwards one
    elif preferred is not None:
        cells = [plain(row.cells[preferred]).lower() for row in rows]
        grouped = len(set(cells)) != len(cells)
    qualifier = _qualifier(header, rows) if grouped and subject == 0 else None
    paired = grouped and subject == 0 and qualifier is None
    if paired and (qualifier := _paired(header, rows)) is None:
        paired = False
    if qualifier is not None:
        grouped = False  # each row is its own subject: "Velbarin, CrCl 30-49"
    shape: Shape = "rows" if subject is not None else "none"
    return Reading(
        shape,
        header,
        rows,
        subject,
        figures,
        grouped,
        qualifier=qualifier,
        paired=paired,
        unread=unread,
    )


def _long_subjects(rows: tuple[TableRow, ...]) -> frozenset[int]:
    """The rows of a first column that would name each row's subject but for a few cells too
    long to name anything (one row lists fourteen drugs): those rows, when at least two others
    and more than half of all can be read; else none. Dropping the whole table for one row lost
    every short row beside it."""
    long = frozenset(
        number
        for number, row in enumerate(rows)
        if row.cells[0].count(" ") >= SUBJECT_MAX_WORDS
        and len(plain(row.cells[0]).split()) > SUBJECT_MAX_WORDS
    )
    kept = tuple(row for number, row in enumerate(rows) if number not in long)
    if not long or len(kept) < 2 or 2 * len(kept) <= len(rows):
        return frozenset()
    if any(_RULE_CELL.search(plain(row.cells[0])) for row in rows):
        return frozenset()  # "History: low = 0, high = 2": a scoring rule, not a name
    return long if _subject_cells(kept, 0, distinct=True) else frozenset()


_RULE_CELL = re.compile(r"=|^[^:]{1,30}:\s")
"""A first cell that states a rule or a field ("Age: <45 = 0, 45-64 = 1"), not a name."""


def unread_rows(table: Table) -> list[int]:
    """Source lines of the rows the table rule leaves out because their subject cell is too
    long to name them (`check` reports them: the author can shorten the cell)."""
    if not any(cell.count(" ") >= SUBJECT_MAX_WORDS for row in table.rows for cell in row.cells):
        return []  # no cell long enough: no need to read the table again
    reading = read_table(table)
    return [row.line for number, row in enumerate(reading.rows) if number in reading.unread]


def _qualifier(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> int | None:
    """The column right after a repeating first column (a drug on two rows) that tells its rows
    apart by a bound or range under a header naming a measure, not a field of the subject
    ("CrCl": "≥ 50", "30-49"; not "Dose": "20 mL", "5 mL"): each row is then
    that subject at that measure, and its other cells are its own values, not a list. A row
    alone under its first cell is told apart already: its second cell may say anything ("Any
    patient" beside "Unconscious with any low reading")."""
    name = plain(header[1])
    if len(header) < 3 or not name or _numeric(name) or _names_a_field(name):
        return None  # "Dose": a value the table gives, not a condition it is given under
    counts = Counter(plain(row.cells[0]).lower() for row in rows)
    if len(counts) == len(rows):
        return None  # no subject on two rows: nothing to tell apart
    seen: set[tuple[str, str]] = set()
    for row in rows:
        subject, cell = plain(row.cells[0]).lower(), plain(row.cells[1])
        if counts[subject] > 1 and not _band(cell):
            return None  # a row alone under its first cell is its own subject whatever it says
        if (subject, cell.lower()) in seen:
            return None
        seen.add((subject, cell.lower()))
    return 1


def _paired(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> int | None:
    """The first column telling apart the rows of each subject the first column names twice or
    more, when those rows differ in two columns or more (`| Drug A | 10 mg | 40 mg max |` and
    `| Drug A | 20 mg | 80 mg max |`): read together, each column a list ("10 mg / 20 mg",
    "40 mg max / 80 mg max"), which maximum goes with which tablet was lost. Each such row is
    then that subject at that cell ("Drug A, dose 20 mg: maximum?"). Rows that differ in one
    column only (a drug's two monitoring tests) stay read together: nothing is mispaired; so do
    rows under a first cell left empty, which list the subject's points down each column."""
    if len(header) < 3:
        return None
    named: dict[str, list[TableRow]] = {}
    for row in rows:
        named.setdefault(plain(row.cells[0]).lower(), []).append(row)
    repeated = [group for group in named.values() if len(group) > 1]

    def apart(group: list[TableRow], index: int) -> bool:
        cells = [plain(row.cells[index]).lower() for row in group]
        return all(cells) and len(set(cells)) == len(cells)

    def differ(group: list[TableRow], index: int) -> bool:
        return len({plain(row.cells[index]).lower() for row in group}) > 1

    columns = range(1, len(header))
    if not any(sum(differ(group, index) for index in columns) > 1 for group in repeated):
        return None
    return next(
        (
            index
            for index in columns
            if plain(header[index])
            and all(apart(group, index) for group in repeated)
            and all(
                len(plain(row.cells[index]).split()) <= SUBJECT_MAX_WORDS
                for group in repeated
                for row in group
            )
        ),
        None,
    )


def _band(cell: str) -> bool:
    """A cell that is a measure's band: a bound or range as a figure ("≥ 50", "30-49"), or in
    words ("Under 4 mmol/L", "102°F+")."""
    text = _decoded(cell)
    if _BAND_IN_WORDS.match(text):
        return True
    return (is_figure(cell) or _numeric(cell)) and _BAND.search(text) is not None


def _keyed_by_band(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """A first column of short names that repeats, whose repeated rows the second column tells
    apart by a band (`_qualifier`): the author's key is the two cells together."""
    if len(header) < 3 or len(rows) < 2:
        return False
    firsts = [plain(row.cells[0]).lower() for row in rows]
    if len(set(firsts)) == len(firsts) or not _subject_cells(rows, 0, distinct=False):
        return False
    return _qualifier(header, rows) is not None


def _keyed_by_pair(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> bool:
    """A what-to-do table keyed by its first two columns: a first column of short names that
    repeats, a second column of short names (no band) that tells its repeated rows apart,
    and a last column of actions, most opening with a verb of doing ("Give", "Call")."""
    if len(header) != 3 or len(rows) < 2:
        return False
    firsts = [plain(row.cells[0]).lower() for row in rows]
    if len(set(firsts)) == len(firsts):
        return False
    pairs = {(first, plain(row.cells[1]).lower()) for first, row in zip(firsts, rows, strict=True)}
    if len(pairs) != len(rows) or _names_a_field(plain(header[1])):
        return False
    if not (_subject_cells(rows, 0, distinct=False) and _subject_cells(rows, 1, distinct=False)):
        return False
    acts = sum(1 for row in rows if _acts(row.cells[2]))
    return 2 * acts > len(rows)


_ACTING = frozenset(
    """admit apply arrange avoid call check consider contact continue give go increase monitor
    offer phone recheck refer repeat review seek send start stop take treat watch withhold
    """.split()
)
"""Verbs that open an action a table prescribes ("Give oral fluids", "Call the doctor")."""


def _acts(cell: str) -> bool:
    words = plain(cell).lower().split()
    return len(words) >= 2 and words[0] in _ACTING


def _subject_column(header: tuple[str, ...], rows: tuple[TableRow, ...]) -> int | None:
    for index in range(len(header)):
        if _subject_cells(rows, index, distinct=True) or _names_together(rows, index):
            return index
    return None


def _subject_cells(rows: tuple[TableRow, ...], index: int, distinct: bool) -> bool:
    """Whether the column can name each row's subject: filled in, single short points, not
    figures, and (`distinct`) none twice."""
    cells = [plain(row.cells[index]) for row in rows]
    if not cells or any(not cell for cell in cells):
        return False
    if distinct and len({cell.lower() for cell in cells}) != len(cells):
        return False
    if any(is_figure(cell) or _POINTS.match(cell) for cell in cells):
        return False
    return not any(
        len(split_points(row.cells[index])) > 1
        or len(plain(row.cells[index]).split()) > SUBJECT_MAX_WORDS
        for row in rows
    )


TOGETHER_MAX_NAMES = 4


def _names_together(rows: tuple[TableRow, ...], index: int) -> bool:
    """A column of names where a few rows name two to four things at once
    (`Methanol<br>Ethylene glycol` beside one antidote): each row's things share its values, so
    the column still keys the rows ("Methanol or ethylene glycol: antidote?"). Without it a
    later column was taken as the key, the table read backwards, or (that column repeating or
    listing too) dropped whole. Only while most rows name one thing, every name is short and
    not a measure, and no name is in two rows."""
    cells = [split_points(row.cells[index]) for row in rows]
    several = sum(1 for points in cells if len(points) > 1)
    if not several or 2 * several > len(rows):
        return False
    names = [plain(point).lower() for points in cells for point in points]
    if len(set(names)) != len(names):
        return False
    return all(
        0 < len(points) <= TOGETHER_MAX_NAMES
        and all(
            len(plain(point).split()) <= NAME_MAX_WORDS
            and not _MEASURE.match(plain(point))
            and not _POINTS.match(plain(point))
            for point in points
        )
        for points in cells
    )


def _measures(
    header: tuple[str, ...], rows: tuple[TableRow, ...], figures: tuple[bool, ...]
) -> bool:
    """A first column of distinct measures under a header that names them ("Time to
    treatment": "<1 hour", "1-3 hours"; "Score": "0-3", "4-6") beside a column that says in
    words what follows from each: the author's key is the measure, and asking it back from an
    outcome ("Minimal damage: time to treatment?") reads the table backwards. One cell may go on
    in words after its measure ("< 50 or symptoms of bradycardia")."""
    name = plain(header[0])
    if not name or _numeric(name) or all(figures[1:]):
        return False
    cells = [plain(row.cells[0]) for row in rows]
    if len(cells) < 2 or len({cell.lower() for cell in cells}) != len(cells):
        return False
    whole = sum(1 for cell in cells if is_figure(cell) or _numeric(cell))
    return whole >= max(2, len(cells) - 1) and all(
        _MEASURE.match(_decoded(cell)) and _SPAN.search(_decoded(cell)) for cell in cells
    )


_SPAN = re.compile(r"[^\W\d_]|[<>≤≥]|\d\s*(?:-|–|to)\s*\d|^[\[(]\s*\d[\d.]*\s*,\s*\d")
"""What makes a figure a measure of something: a unit ("1 hour"), a bound ("<7") or a range
("0-3", "[0,4)"); a bare number ("+1", "2") is points or a count that rows are given, not a key."""


_BAND = re.compile(
    r"^[<>≤≥]|\d\s*(?:-|–|to)\s*[<>≤≥]?\s*\d|^[\[(]\s*\d[\d.]*\s*,\s*\d[\d.]*\s*[\])]$"
)
"""A measure that is a condition: a bound ("≥ 50") or a range ("30-49", "[30,50)"), not an
amount."""
_BAND_IN_WORDS = re.compile(
    r"^(?:(?:under|over|above|below|less\s+than|more\s+than|at\s+least|up\s+to)\s+\d"
    r"|\d[\d.,]*\s*[^\W\d_]{0,5}\s*°?\s*[^\W\d_]{0,5}\+$)",
    re.IGNORECASE,
)
"""A bound in words before a figure ("Under 4 mmol/L") or a "+" after it ("102°F+")."""


NAME_MAX_WORDS = 5


def _names_things(rows: tuple[TableRow, ...], index: int) -> bool:
    """A column of names ("Velbarin", "Korrin blocker"), not of values: no cell starts with a
    number ("10 mL of a 5 % solution") or runs longer than a name."""
    return not any(
        _MEASURE.match(plain(row.cells[index]))
        or len(plain(row.cells[index]).split()) > NAME_MAX_WORDS
        for row in rows
    )


def _figure_column(rows: tuple[TableRow, ...], index: int) -> bool:
    cells = [plain(row.cells[index]) for row in rows]
    return any(cells) and all(is_figure(cell) for cell in cells if cell)


# --- one answer across columns -----------------------------------------------------------------

_UNIT_HEADERS = frozenset(["unit", "units", "unit of measure", "uom"])
UNIT_MAX_WORDS = 3


@dataclass(frozen=True, slots=True)
class Joined:
    """A value written across columns: its figure, the unit a `Unit` column gives it beside,
    and the columns mostly left blank that add to it ("1 g max", "12 hourly", "Titrate")."""

    value: int
    unit: int
    extras: tuple[int, ...] = ()


def joined(reading: Reading) -> Joined | None:
    """A `rows` table's value told in two columns, `| Dose | Unit |` (`10 | mcg/kg`): a unit
    asked alone ("mg/kg" for most rows) or a figure without it ("the dose is 10": 10 what?)
    is half an answer, so the two are one. The value is the nearest column before the unit
    column holding figures, else the nearest after it (`| Test | Units | Normal range |`); a
    column filled in fewer than half the rows (a maximum here, a
    frequency there, a note) adds to that answer rather than being asked alone."""
    if reading.shape != "rows" or reading.subject is None:
        return None
    taken = {reading.subject, reading.qualifier}
    for unit, header in enumerate(reading.header):
        if unit in taken or _word(header) not in _UNIT_HEADERS:
            continue
        cells = [plain(row.cells[unit]) for row in reading.rows]
        if not any(cells) or any(len(cell.split()) > UNIT_MAX_WORDS for cell in cells):
            continue
        nearest = [*range(unit - 1, -1, -1), *range(unit + 1, len(reading.header))]
        value = next(
            (index for index in nearest if index not in taken and _numbers(reading, index)), None
        )
        if value is None:
            continue
        extras = tuple(
            index
            for index in range(len(reading.header))
            if index not in taken
            and index not in (value, unit)
            and 2 * sum(1 for row in reading.rows if plain(row.cells[index])) < len(reading.rows)
        )
        return Joined(value, unit, extras)
    return None


def _numbers(reading: Reading, index: int) -> bool:
    """A column of amounts: figures, or cells that each open with one ("2-4 (max 10)")."""
    if reading.figures[index]:
        return True
    cells = [plain(row.cells[index]) for row in reading.rows if plain(row.cells[index])]
    return bool(cells) and all(_MEASURE.match(cell) for cell in cells)


def with_unit(row: TableRow, parts: Joined) -> str:
    """A row's value with its unit (`10` and `mcg/kg`: "10 mcg/kg"), the unit said once."""
    value, unit = plain(row.cells[parts.value]), plain(row.cells[parts.unit])
    if not value or not unit or unit in value:
        return value
    amount = _AMOUNT.match(value)  # "2–4 (then 1 daily)": the unit goes after the amount
    if amount is None or amount.end() == len(value):
        return f"{value} {unit}"
    return f"{value[: amount.end()]} {unit}{value[amount.end() :]}"


_AMOUNT = re.compile(r"^[~≈<>≤≥±]?\s*\d[\d.,]*(?:\s*(?:-|–|to)\s*\d[\d.,]*)?")
"""The figure or range a value opens with, which its unit follows."""


def extras_of(reading: Reading, row: TableRow, parts: Joined, label: str) -> list[tuple[str, str]]:
    """What a row's mostly blank columns add to its value, as (name, cell): a bare figure is
    named by its header ("most in a day" before "40": 40 what?), words say themselves ("1 g
    max", name ""). A cell that only repeats a word of the row's label (`TDS` beside
    `VELBAR_TDS`: the answer would be on the front) is left out."""
    found = []
    for index in parts.extras:
        cell = plain(row.cells[index])
        if not cell or repeats_label(cell, label):
            continue
        name = lower_first(_unmarked(plain(reading.header[index]))) if is_figure(cell) else ""
        found.append((name, cell))
    return found


_NAME_WORDS = re.compile(r"[^\W_]+")


def repeats_label(cell: str, label: str) -> bool:
    """A cell whose every word is a word of its row's label (`TDS` in the row `VELBAR_TDS`,
    `B` in `Korrin B`): asked of that row, its answer stands on the front."""
    text = plain(cell).lower()
    first = _NAME_WORDS.search(text)
    if first is None or first.group() not in label.lower():
        return False  # a word of the label is in its text: most cells' first word is not
    words = _NAME_WORDS.findall(text)
    if all(word.isdigit() for word in words) and _COUNTED_KEY.fullmatch(plain(label)):
        return False  # `2+` in the row `Day 2`: the key counts rows, the cell is the fact
    return set(words) <= set(_NAME_WORDS.findall(label.lower()))


_COUNTED_KEY = re.compile(r"\s*[^\W\d_]+\s+\d{1,3}\+?\s*")
"""A row key that counts its rows with a number after a word: "Day 2", "Week 3", "Grade 1"."""


def legend_columns(terms: list[str], section: Section) -> frozenset[str]:
    """The terms of a list that are legend lines about a column header: the list under a table
    spells out its cells' abbreviations (`- TBW: total body weight`, TBW a cell) and one line
    says what a column is (`- Max / Notes: if filled in, …`). That line tells how to read the
    table, no fact of what it holds; the lines spelling out cells are asked as any definition.
    Worked out once per list: each table's cells are read once, not once per term."""
    folded = {_folded(term) for term in terms}
    legends: set[str] = set()
    for block in section.blocks:
        if not isinstance(block, Table):
            continue
        named = folded & {_folded(cell) for cell in block.header}
        if not named:
            continue
        spelled = folded & {_folded(cell) for row in block.rows for cell in row.cells}
        legends.update(name for name in named if spelled - {name})
    return frozenset(term for term in terms if _folded(term) in legends)


def _folded(text: str) -> str:
    """A header or term as compared: its letters and digits only, in lower case ("Max Dosage /
    Metadata" and "Max Dosage/Metadata" are one)."""
    return "".join(_NAME_WORDS.findall(plain(text).lower()))


# --- notes -------------------------------------------------------------------------------------


def extract(section: Section, ctx: Context) -> list[Note]:
    if is_example(None, section):
        return []  # "Example: …", "Case 2": its table holds for that case only
    notes: list[Note] = []
    options = ctx.table_options(section) or TableOptions(section="")
    previous: Block | None = None
    for block in section.blocks:
        if isinstance(block, Table) and not _worked(block):
            caption = table_caption(block, previous)
            notes.extend(_table_notes(block, caption, section, ctx, options))
        if not (isinstance(block, Paragraph) and not block.text.replace("\\", "").strip()):
            previous = block  # a line of only `\` (a hard break) stands for nothing
    return notes


_STEP = re.compile(r"(?:step\s*)?\d{1,2}\s*[:.)]?(?:\s|$)", re.IGNORECASE)


def _worked(table: Table) -> bool:
    """A worked calculation written as a table: every row opens with a step number (`1:`,
    `Step 2`) and most of its other cells hold a working with `=` ("4 × 60 = 240"). A
    procedure's steps (`| 1. | Wash hands |`) have no `=` and are kept."""
    if len(table.rows) < 2 or not all(
        row.cells and _STEP.match(plain(row.cells[0]).strip()) for row in table.rows
    ):
        return False
    working = sum(1 for row in table.rows if any("=" in cell for cell in row.cells[1:]))
    return working * 2 > len(table.rows)


def rows_apart(sections: list[Section]) -> dict[tuple[str, ...], str]:
    """The sections whose tables' rows would ask what a table under another heading asks: the
    same row label under the same column with another answer (`| **Skin** | pale |` under "Low
    blood sugar", `| **Skin** | flushed |` under "High blood sugar" would both ask "Skin
    (system): sign?"). Each gets the subject of its heading that differs from the other's, the
    first below the headings they share (the section's own when the other lies beneath it), which
    its rows' fronts then name ("Low blood sugar — skin: sign?"). A table no other repeats keeps
    its fronts. Tables with one header row under two headings that ask a row alike (`| Scalp |
    7-10 days |` under "Staples" and under "Sutures") are told apart too: they are tables of two
    things laid out alike, whose other rows contradict each other without the heading ("Arms,
    legs" in one, "Arms" in the other). The deepest heading a path shares with any other of a
    question's paths is the one it shares with a neighbour in their sorted order: linear in
    sections, not quadratic."""
    asked: dict[tuple[str, str], dict[tuple[str, ...], set[str]]] = {}
    headers: dict[tuple[str, str], dict[tuple[str, ...], set[tuple[str, ...]]]] = {}
    for section in sections:
        for block in section.blocks:
            if isinstance(block, Table):
                header = tuple(normalise_header(cell) for cell in block.header)
                for pair, answer in _row_questions(block):
                    asked.setdefault(pair, {}).setdefault(section.path, set()).add(answer)
                    headers.setdefault(pair, {}).setdefault(section.path, set()).add(header)
    colliding: list[set[tuple[str, ...]]] = []
    for pair, by_path in asked.items():
        if len(by_path) < 2:
            continue  # asked once
        if len({frozenset(answers) for answers in by_path.values()}) > 1:
            colliding.append(set(by_path))  # asked under two headings with other answers
            continue
        alike: dict[tuple[str, ...], set[tuple[str, ...]]] = {}
        for path, found in headers[pair].items():
            for header in found:
                alike.setdefault(header, set()).add(path)
        colliding.extend(paths for paths in alike.values() if len(paths) > 1)
        # answered alike, but by tables with one header row: tables of two things ("Staples",
        # "Sutures") laid out alike, whose other rows say "Arms, legs" of one and "Arms" of
        # the other; without their headings the fronts contradict each other
    shared: dict[tuple[str, ...], int] = {}
    for paths in colliding:
        for path, other in pairwise(sorted(paths)):
            common = _shared(path, other)
            for each in (path, other):
                shared[each] = max(shared.get(each, 0), common)
    return {
        path: _heading_subject(path[depth] if depth < len(path) else path[-1])
        for path, depth in shared.items()
    }


def without_copied_rows(notes: list[Note]) -> list[Note]:
    """A document's notes without the rows a later table copies from an earlier one under
    another column ("Korrin (substance): overdose? — Flumaxin", then "Korrin (poison):
    antidote? — Flumaxin"): the same row name with the same answer, for at least two rows of
    one earlier table (one row alike is chance). A value many rows share (a verdict, a figure,
    an arrow) copies nothing. One pass, the notes keyed by row name and answer."""
    first: dict[tuple[str, str], tuple[str, str]] = {}
    copied: dict[tuple[str, str], list[int]] = {}
    for index, note in enumerate(notes):
        if note.rule != "table" or note.note_type != "basic" or len(note.key) != 4:
            continue
        _, section, row, column = note.key
        answer = " ".join(note.back.lower().split())
        earlier = first.setdefault((row, answer), (section, column))
        if earlier[0] == section or earlier[1] == column:
            continue  # the first of its row and answer, or the same table's or column's
        if not (_verdict(answer) or is_figure(answer) or _WORDED.search(answer) is None):
            copied.setdefault((section, earlier[0]), []).append(index)
    dropped = {index for rows in copied.values() if len(rows) > 1 for index in rows}
    return [note for index, note in enumerate(notes) if index not in dropped] if dropped else notes


_WORDED = re.compile(r"[^\W\d_]{3,}")
"""A word of three letters or more: an answer that names something."""


def _row_questions(table: Table) -> list[tuple[tuple[str, str], str]]:
    """What each cell of a table read by rows asks, (row label, column), and its answer."""
    reading = read_table(table)
    if reading.shape != "rows" or reading.subject is None:
        return []
    index = reading.subject
    columns = [
        (column, normalise_header(_unmarked(plain(header))))
        for column, header in enumerate(reading.header)
        if column != index
    ]
    return [
        ((plain(row.cells[index]).strip().lower(), header), plain(row.cells[column]).strip())
        for row in reading.rows
        for column, header in columns
        if column < len(row.cells) and plain(row.cells[column]).strip()
    ]


def _shared(path: tuple[str, ...], other: tuple[str, ...]) -> int:
    count = 0
    for mine, theirs in zip(path, other, strict=False):
        if mine != theirs:
            break
        count += 1
    return count


_HEADING_TAILS = (" - ", " – ", " — ", ": ")
"""What opens a heading's remark after its subject: "Low blood sugar - everything slows"."""


def _heading_subject(heading: str) -> str:
    """What a heading names, as a front opens with it: no outline number, leading emoji,
    remark after a dash or colon, or trailing aside ("Low blood sugar (glucose ↓) - …")."""
    text = _NOT_WORD_START.sub("", _OUTLINE.sub("", plain(heading))).strip()
    cut = min((at for tail in _HEADING_TAILS if (at := text.find(tail)) > 0), default=len(text))
    text = text[:cut].rstrip() or text
    return _TRAILING_ASIDE.sub("", text) or text


def _table_notes(
    table: Table, caption: str, section: Section, ctx: Context, opts: TableOptions
) -> list[Note]:
    if _CARD_HEADER.match(" | ".join(plain(cell).strip() for cell in table.header)):
        return _card_rows(table, section, ctx)
    reading = read_table(table, opts.subject)
    notes = _shaped_notes(reading, table, caption, section, ctx, opts)
    return notes + _marked_notes(reading, section, ctx) if reading.marked else notes


def _shaped_notes(
    reading: Reading, table: Table, caption: str, section: Section, ctx: Context, opts: TableOptions
) -> list[Note]:
    if reading.shape == "rows" and reading.subject is not None:
        if caption and not opts.question and keyed_by_value(reading, reading.subject):
            return _captioned_notes(reading, reading.subject, caption, section, ctx)
        return _row_notes(reading, reading.subject, section, ctx, opts)
    if reading.shape == "attributes":
        return _attribute_notes(reading, caption, section, ctx, opts)
    if reading.shape == "comparison":
        return _comparison_notes(reading, table.item, section, ctx)
    if reading.shape == "lines":
        return _line_notes(reading, caption, section, ctx)
    if reading.shape == "lists":
        return _list_notes(reading, caption, table.item, section, ctx)
    if reading.shape == "ticks":
        return _tick_notes(reading, section, ctx)
    return []


def table_caption(table: Table, previous: object) -> str:
    """What names a table: the list item it is written in, or a short line just above it."""
    return table.item or _caption(previous)


def keyed_by_value(reading: Reading, subject: int) -> bool:
    """Rows keyed by a value, not a name (`| 15 mg/kg IV over 15 min | 10 min | … |` under a
    dose header): every key cell a measure, so none names what the row is about."""
    if reading.measured:
        return False  # "Time 0-15 min: action?": the header names the key, which then says enough
    keys = [plain(row.cells[subject]) for row in reading.rows]
    return all(keys) and all(_numeric(key) for key in keys)


def _captioned_notes(
    reading: Reading, subject: int, caption: str, section: Section, ctx: Context
) -> list[Note]:
    """A value-keyed table's rows asked of the thing the line above it names ("2. Drug A:"):
    "Drug A: dose?", "Drug A: onset?", each column its own question; a table of several rows
    names each row's key with it ("Drug A, dose 15 mg/kg: onset?"). Asked by its key, the row
    named a dose and never the drug it was the dose of."""
    notes: list[Note] = []
    single = len(reading.rows) == 1
    measure = lower_first(_unmarked(plain(reading.header[subject])))
    for row in reading.rows:
        key = plain(row.cells[subject])
        about = ctx.situate(caption if single else f"{caption}, {measure} {key}".replace("  ", " "))
        for index, header in enumerate(reading.header):
            column = _unmarked(plain(header))
            value = plain(row.cells[index])
            if not column or not value or (index == subject and not single):
                continue
            front = f"{about}: {lower_first(column)}?"
            named = caption if single else f"{caption}, {key}"
            note_key = make_key("table", section.path, named, row.pin, normalise_header(column))
            notes.append(ctx.note("table", "basic", front, value, note_key, section, row.line))
    return notes


def _list_notes(
    reading: Reading, caption: str, item: str, section: Section, ctx: Context
) -> list[Note]:
    """One note per column of a table of lists side by side: "<section> in <topic>: right-sided?"
    -> the column's items (`item`: the list item the table was written in, see `Table.item`)."""
    about = ctx.situate(caption or section_subject(section, ctx))
    notes = []
    for index, cell in enumerate(reading.header):
        name = _unmarked(plain(cell))
        items = list(
            dict.fromkeys(
                point
                for row in reading.rows
                if plain(row.cells[index])
                for point in split_points(row.cells[index])
            )
        )
        if not items or not name:
            continue  # a column left blank, or one without a header: nothing to ask of it
        named = f"{item} {name}" if item else name  # two items' tables in a section apart
        key = make_key("table", section.path, named, None, "list")
        front = f"{about}: {lower_first(name)}?"
        line = reading.rows[0].line
        notes.append(ctx.note("table", "basic", front, as_list(items), key, section, line))
    return notes


_CARD_HEADER = re.compile(
    r"^(?:front \| back|question \| answer|q \| a|prompt \| response|pregunta \| respuesta"
    r"|pergunta \| resposta|frage \| antwort|question \| réponse|domanda \| risposta)$",
    re.I,
)
"""A table of flashcards: each row a question and its answer, in that order (in English or
another language: `| Pregunta | Respuesta |`)."""


def _card_rows(table: Table, section: Section, ctx: Context) -> list[Note]:
    """A note per row of a flashcard table (`| Front | Back |`): its first cell asked, its
    second the answer; no reverse card (the author wrote each the way round to ask it)."""
    notes = []
    for row in table.rows:
        if len(row.cells) < 2 or not plain(row.cells[0]).strip() or not row.cells[1].strip():
            continue
        asked = plain(row.cells[0]).strip()
        asked = asked if asked.endswith(("?", ".", ")")) else asked.rstrip(":").rstrip() + "?"
        front = asked if ctx.situate(asked) == asked else f"{asked} ({ctx.topic})"
        key = make_key("table", section.path, asked, row.pin)
        notes.append(ctx.note("table", "basic", front, row.cells[1], key, section, row.line))
    return notes


UNIFORM_MIN_ROWS = 3


def uniform(reading: Reading, index: int) -> bool:
    """Whether a column holds one value in every row that fills it (at least half the rows, two
    or more, of a table of UNIFORM_MIN_ROWS rows or more): a property of the table (the unit of
    every pressure, a dial's step of 1), which tells no row from another. Asked row by row it was
    the same answer each time ("A: unit?", "B: unit?", "C: unit?" -> mmHg)."""
    if len(reading.rows) < UNIFORM_MIN_ROWS:
        return False
    values = [plain(row.cells[index]).casefold() for row in reading.rows]
    filled = [value for value in values if value]
    return len(filled) >= 2 and 2 * len(filled) >= len(values) and len(set(filled)) == 1


def _row_notes(
    reading: Reading, subject_index: int, section: Section, ctx: Context, opts: TableOptions
) -> list[Note]:
    header = reading.header[subject_index]
    kind = "" if _word(header) in _NOT_KINDS else plain(singular(header))
    if reading.measured:
        kind = ""  # the front names it: "Time <1 hour"; no reverse card reads the table backwards
    if not kind and _grades(reading, subject_index):
        kind = "severity"  # `| | Organ failure |` over Mild, Moderate, Severe
    template = opts.question or DEFAULT_QUESTION
    parts = joined(reading)  # a `Unit` column and mostly blank ones: part of the value's answer
    value_columns = [
        index
        for index in range(len(reading.header))
        if index != subject_index
        and (index != reading.qualifier or reading.paired)  # a lone row's cell is asked
        and (
            reading.grouped
            or reading.qualifier is not None
            or not reading.figures[index]
            or not plain(reading.header[index])  # no name for "the <header> for X is"
        )
        and (parts is None or (index != parts.unit and index not in parts.extras))
    ]
    remarks = _remark_columns(reading, value_columns, template)
    value_columns = [index for index in value_columns if index not in remarks]
    varied = [index for index in value_columns if not uniform(reading, index)]
    shared = [index for index in value_columns if varied and index not in varied]
    value_columns = varied or value_columns
    # What every card of a column, or of the table, shares is worked out once.
    unnamed_kind = _word(header) in _CASE_KINDS | _GENERIC_LABELS  # "Parameter", "Situation"
    shown_kind = "" if _names_only(header) or unnamed_kind else lower_first(kind)
    kind_word = shown_kind.split(" ")[-1]
    situations = _SITUATIONS.fullmatch(plain(header).strip().lower()) is not None
    columns = []
    features: set[tuple[int, int]] = set()  # (row, column) of a feature list under "Mechanism"
    unnamed = _unnamed_columns(reading, subject_index, value_columns)
    for index in value_columns:
        if index in unnamed[1:]:
            continue  # asked with the first unnamed column, as one answer
        column = _unmarked(plain(reading.header[index]))
        asked = column or _besides(reading, subject_index, ctx.language)
        shown = column.rstrip("?").rstrip() if column.endswith("?") else column  # "Concern?"
        columns.append((index, lower_first(shown) or asked, normalise_header(column)))
        features |= _features_under_mechanism(reading, index)
    members = _members(reading, subject_index, value_columns)
    classing = {
        index
        for index in value_columns
        if _class_words(reading.header[index], [row.cells[index] for row in reading.rows])
    }
    owner = _measures_of(reading, section, ctx) if reading.measured else ""
    plainly = (
        template == DEFAULT_QUESTION
        and len(reading.header) == 2
        and len(value_columns) == 1
        and not (reading.measured or reading.grouped or reading.qualifier is not None)
        and _word(reading.header[value_columns[0]]) in _SAYS_NOTHING
        and (_word(header) in _NOT_KINDS or plain(header).lower().startswith("name of "))
    )
    pointing = {
        number
        for number, row in enumerate(reading.rows)
        if plainly and _defers(row.cells[value_columns[0]], plain(row.cells[subject_index]))
    }  # "You will spot this": no note either way
    apart = ctx.apart
    notes: list[Note] = []
    groups = _groups(reading, subject_index)
    named_rows = Counter(plain(row.cells[subject_index]).lower() for row in reading.rows)
    for number, row in enumerate(reading.rows):
        if number not in groups or number in reading.unread:
            continue  # read with the first row of its subject, or too long to name
        subject = plain(row.cells[subject_index])
        told = "" if reading.qualifier is None else plain(row.cells[reading.qualifier])
        if reading.paired and named_rows[subject.lower()] < 2:
            told = ""  # a row alone under its name: nothing to tell apart, its cell is asked
        named = f"{subject} {told}" if told else subject  # two rows of a subject: two keys
        row_key = make_key("table", section.path, named, row.pin)  # + the column's header
        if not members[number]:  # "Disease examples" under members in bold: the section's field
            index, _, header_key = columns[0]
            front = attribute_question(subject, ctx.situate(section_subject(section, ctx)))
            back = as_list(split_points(row.cells[index]))
            if back:
                key = (*row_key, header_key)
                notes.append(ctx.note("table", "basic", front, back, key, section, row.line))
            continue
        # Leave out "(kind)" when the subject already says it ("Stage IV" is plainly a stage,
        # "Type I vs type II" a pair to tell apart).
        phrase = template
        if template == DEFAULT_QUESTION and (
            not kind_word or kind_word in subject.lower() or _VERSUS.search(subject)
        ):
            phrase = SHORT_QUESTION
        shown = (
            measured_subject(reading, row)
            if reading.measured
            else _shown_subject(_either(row.cells[subject_index], subject), situations)
        )
        if owner:  # "Velbarin, rate > 60": a bare "Rate > 60" names nothing
            shown = f"{owner}, {_measure(reading.header[0], plain(row.cells[0]))}"
        if told and reading.qualifier is not None:
            if phrase == DEFAULT_QUESTION and shown_kind:  # "Alert (patient), glucose under 4"
                if not says_its_measure(subject, shown_kind):  # "Under 3 months" is an age
                    shown = f"{shown} ({shown_kind})"
                phrase = SHORT_QUESTION
            told = lower_first(told)
            qualifier = reading.header[reading.qualifier]
            measure = told
            if _band(told) and not says_its_measure(told, plain(qualifier)):
                measure = _measure(qualifier, told)  # "glucose under 4 mmol/L"; "102°F+" alone
            elif reading.paired and _names_a_field(plain(qualifier)):
                measure = _measure(qualifier, told)  # "dose 20 mg": a bare "20 mg" says no what
            shown = f"{shown}, {measure}"  # "Any patient, unconscious with any low reading"
        if plainly:  # "Vital signs in <topic> — responsiveness?": no header read aloud
            index, _, header_key = columns[0]
            if number in pointing:
                continue
            asked = f"{section_subject(section, ctx)} — {lower_first(shown)}?"
            front, back = ctx.situate(asked), as_list(split_points(row.cells[index]))
            key = (*row_key, header_key)
            notes.append(ctx.note("table", "basic", front, back, key, section, row.line))
            continue
        made = len(notes)
        remarked = [(index, "", normalise_header(reading.header[index])) for index in remarks]
        for index, column, header_key in columns + remarked:
            if index in remarks and len(notes) > made:
                break  # the row's answers carry its remarks (below)
            if told and index == reading.qualifier:
                continue  # the cell that names the row ("Drug A, dose 20 mg") is no question
            if parts is not None and index == parts.value:
                points = _joined_points(reading, groups[number], parts, subject)
            elif index in unnamed:  # every column without a header: one answer
                points = [point for at in unnamed for point in _group_points(groups[number], at)]
            else:
                points = _group_points(groups[number], index)
            if not points or all(
                repeats_label(row.cells[index], subject) for row in groups[number]
            ):
                continue
            asked = "features" if (number, index) in features else column
            asked = _CLASS_QUESTION if index in classing else asked
            values = {"subject": shown, "column": asked, "kind": shown_kind, "topic": ctx.topic}
            # A manifest's template only through `fill`, which substitutes names and nothing else.
            front = _ours(phrase, ctx).format(**values) if phrase in _OURS else fill(phrase, values)
            if apart and phrase in _OURS and not names_topic(shown, apart):  # (`rows_apart`)
                # "Low blood sugar — skin: sign?"; "Velbarin — dosing, …" names its drug already
                front = f"{ctx.situate(apart)} — {lower_first(shown)}: {asked}?"
            if not asked and phrase in _OURS:  # no column named at all: the row itself is asked
                front = front.removesuffix(": ?") + "?"
            key = (*row_key, header_key)
            notes.append(ctx.note("table", "basic", front, _answer(points), key, section, row.line))
        if remarks and len(notes) > made and notes[made].key[-1] not in {k for *_, k in remarked}:
            notes[made:] = _remarked(notes[made:], reading, groups[number], remarks)
    notes.extend(_shared_notes(reading, subject_index, shared, shown_kind, section, ctx))
    if len(reading.header) == 2 and len(value_columns) == 1 and kind and opts.reverse is not False:
        notes.extend(
            _reverse_notes(
                reading,
                subject_index,
                value_columns[0],
                kind,
                section,
                ctx,
                opts,
                [member and number not in pointing for number, member in enumerate(members)],
            )
        )
    return notes


_REMARKS = frozenset(
    """remark note comment observation observação observações observación observaciones obs
    nota notas remarque commentaire bemerkung anmerkung kommentar 备注 備註 注释 注釋 備考 비고
    """.split()
)
"""Headers of a column of commentary on its row ("Notes", "Remarks", 备注, "Observações"): it
asks nothing of its own ("Nifedipine: note?"), it says more about the row's other answers."""


def _remark_columns(reading: Reading, value_columns: list[int], template: str) -> list[int]:
    """The value columns that remark on their row (`_REMARKS`), when another value column is
    asked beside them (a name and its notes alone: the notes are the answer, `plainly`); never
    under a manifest's own question template."""
    if template not in _OURS:
        return []
    found = [
        index
        for index in value_columns
        if _word(reading.header[index]).strip(" ()") in _REMARKS
        or normalise_header(reading.header[index]).strip(" :：") in _REMARKS
    ]
    return found if len(found) < len(value_columns) else []


def _remarked(
    notes: list[Note], reading: Reading, rows: list[TableRow], remarks: list[int]
) -> list[Note]:
    """A row's notes with its remarks on their back, under their header ("Notes: first
    line"): what the row's answer needs said beside it, never a question of its own. A row
    whose other cells are empty asks the row itself, its remarks the answer, under the remark
    column's key (that note keeps its identity)."""
    said = [
        f"{plain(reading.header[index]).strip(' :：')}{_colon(reading.header[index])}"
        f"{'; '.join(points)}"
        for index in remarks
        if (points := _group_points(rows, index))
    ]
    if not said:
        return notes
    extra = "\n\n".join(said)
    return [replace(note, back=f"{note.back}\n\n{extra}") for note in notes]


def _colon(header: str) -> str:
    """The colon after a header in its own script: full width after CJK (备注：), else ": "."""
    return "：" if _CJK.search(header) else ": "


_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


SHARED_NAMED = 5
SHARED_WORDS = 10
"""Most rows (and words) a column's one shared value names on its front; a longer table asks
of its section's subject."""


def _shared_notes(
    reading: Reading,
    subject_index: int,
    shared: list[int],
    kind: str,
    section: Section,
    ctx: Context,
) -> list[Note]:
    """Each column holding one value in every row (`uniform`) asked once, of all the rows
    ("lorazepam, diazepam, midazolam (drug): onset?" -> "2-5 min"), not row by row."""
    notes = []
    names = [plain(row.cells[subject_index]) for row in reading.rows]
    named = ", ".join(name for name in names if name)
    if len(names) > SHARED_NAMED or len(named.split()) > SHARED_WORDS:
        names = [section_subject(section, ctx)]  # "Pressures: unit?"
        named = names[0]
    aside = f" ({lower_first(kind)})" if kind and len(names) > 1 else ""
    for index in shared:
        column = lower_first(_unmarked(plain(reading.header[index])))
        value = next(cell for row in reading.rows if plain(cell := row.cells[index]))
        if not column:
            continue
        key = make_key("table", section.path, "every row", None, normalise_header(column))
        front = f"{ctx.situate(named + aside)}: {column}?"
        line = reading.rows[0].line
        notes.append(ctx.note("table", "basic", front, _answer([value]), key, section, line))
    return notes


def _unnamed_columns(
    reading: Reading, subject_index: int, value_columns: list[int]
) -> tuple[int, ...]:
    """The value columns left without a header (`<th></th>` over marker results): asked as
    "besides" the named ones, or, when no column but the subject's is named, read together as
    each row's one answer. Never "<subject>: ?", a front that asks nothing."""
    return tuple(index for index in value_columns if not plain(reading.header[index]))


UNNAMED_MAX_NAMED = 3
"""A column without a header is asked "besides" at most this many named ones."""


def _besides(reading: Reading, subject_index: int, language: str) -> str:
    """What a column without a header holds, said by the columns that have one: "besides KIT
    and CD34" (the other findings of the row), in the document's language ("además de KIT /
    CD34"); "" when no column but the subject's is named; "other" beside more than
    UNNAMED_MAX_NAMED of them ("…" after the first ones, in another language)."""
    named = [
        lower_first(_unmarked(plain(cell)))
        for index, cell in enumerate(reading.header)
        if index != subject_index and plain(cell)
    ]
    if not named:
        return ""
    local = _BESIDES.get(language)
    if local is None:  # English, or a language the builder has no word for
        many = len(named) > UNNAMED_MAX_NAMED
        return "other" if many else f"besides {_joined(named) if len(named) > 1 else named[0]}"
    shown = named[:UNNAMED_MAX_NAMED] + (["…"] if len(named) > UNNAMED_MAX_NAMED else [])
    return local.format(" / ".join(shown))


_BESIDES = {"pt": "além de {}", "es": "además de {}", "fr": "en plus de {}", "de": "außer {}"}
""""Besides" in the languages `text.prose_language` tells apart from English."""


def _class_words(header: str, cells: list[str]) -> bool:
    """A column that sorts its rows into two or three classes, each named by one word that
    comes back in other rows ("Stimulant", "Hallucinogen", "Depressant" under "Indications"):
    it asks each row's class, whatever the header says. A header that names classes already
    ("Type", "Class"), a verdict ("Good", "Poor"), an acronym ("IBW"), a word of the header's
    own ("Fluent" under "Fluency"), a place ("View", "Wall") or a short table is left as it is."""
    named: Counter[str] = Counter()
    for cell in cells:
        points = split_points(cell) if "<" in cell or ";" in cell else [cell] if cell else []
        for point in points:
            text = point.strip().strip("*_")  # one regex per cell: most columns stop at once
            if not _CLASS_WORD.fullmatch(text) or sum(ch.isupper() for ch in text) > 1:
                return False
            named[text.lower()] += 1
            if len(named) > 3:
                return False
    word = _word(header)
    return (
        word not in _CLASS_HEADERS
        and word not in _PLACE_HEADERS
        and bool(word)
        and sum(named.values()) >= _FEWEST_CLASSED
        and 2 <= len(named) <= 3
        and min(named.values()) >= 2
        and not any(_verdict(name) or name[:4] == word[:4] for name in named)
    )


_CLASS_WORD = re.compile(r"[^\W\d_]{5,}")
_CLASS_HEADERS = frozenset(
    "class classes classification type types category categories group groups kind kinds".split()
)
_PLACE_HEADERS = frozenset(
    "view wall site location region area territory side position part lobe supply origin".split()
)
"""A header naming where each row is ("View": Septum, Anterior, Lateral): the repeated words
are places, not classes, and "V1 (lead): view?" asks them as written."""
_CLASS_QUESTION = "class"
_FEWEST_CLASSED = 6
"""Fewer rows than this sort nothing: two classes of a few rows may be anything."""


_SAYS_NOTHING = frozenset("description detail note comment explanation remark".split())
"""A value column's header that names no relation ("Description", "Notes"): a front asking it
("Breathing (name of check): description?") reads two headers aloud. A two-column table
under one, whose subject header names no kind either, asks each row's label of the section's
subject instead; a kind ("Risk factor") keeps the usual front, which names it."""
_POINTING = frozenset(["this", "these"])
DEFERRING_MAX_WORDS = 10


def _defers(cell: str, label: str) -> bool:
    """A short description that only points back at its row ("You will spot this on arrival"):
    "this" standing alone for the label (not "this sign"), and no word of the label, so it says
    nothing of it."""
    text = plain(cell)
    words = re.findall(r"[\w']+", text.lower())
    if len(words) > DEFERRING_MAX_WORDS or content_words(text) & content_words(label):
        return False
    return any(
        word in _POINTING and (at + 1 == len(words) or not content_words(words[at + 1]))
        for at, word in enumerate(words)
    )


_SEVERITIES = frozenset(
    ["mild", "moderate", "severe", "critical", "very severe", "life-threatening"]
)


def _grades(reading: Reading, subject_index: int) -> bool:
    """Every row is a grade of severity ("Mild", "Moderate", "Severe"): what the empty header
    over them would have said."""
    cells = {plain(row.cells[subject_index]).lower().rstrip(":") for row in reading.rows}
    return len(cells) >= 2 and cells <= _SEVERITIES


def _groups(reading: Reading, subject_index: int) -> dict[int, list[TableRow]]:
    """Each subject's first row number -> its rows: one row each, unless the table is grouped."""
    if not reading.grouped:
        return {number: [row] for number, row in enumerate(reading.rows)}
    firsts: dict[str, int] = {}
    groups: dict[int, list[TableRow]] = {}
    for number, row in enumerate(reading.rows):
        first = firsts.setdefault(plain(row.cells[subject_index]).lower(), number)
        groups.setdefault(first, []).append(row)
    return groups


def _group_points(rows: list[TableRow], index: int) -> list[str]:
    """The points a subject's rows give in a column: a row's own points, or one point per row
    (its points joined) when the subject has several rows, each said once."""
    if len(rows) == 1:
        return split_points(rows[0].cells[index])
    points = ["; ".join(split_points(row.cells[index])) for row in rows]
    return list(dict.fromkeys(point for point in points if point))


def _joined_points(reading: Reading, rows: list[TableRow], parts: Joined, label: str) -> list[str]:
    """A value's points with its unit and what its mostly blank columns add, one per row of its
    subject ("2–4 mg/kg (max 10 mg)")."""
    points = []
    for row in rows:
        value, told = with_unit(row, parts), (reading, row, parts)
        extras = "; ".join(f"{name} {cell}".strip() for name, cell in extras_of(*told, label))
        if value:
            points.append(f"{value} ({extras})" if extras else value)
    return list(dict.fromkeys(points))


def normalise_header(header: str) -> str:
    return plain(header).lower()


_MECHANISMS = frozenset(["mechanism", "pathophysiology", "pathogenesis", "basis"])
_ASIDES = re.compile(r"\([^()]*\)")
FEATURE_MAX_WORDS = 3


def _features_under_mechanism(reading: Reading, index: int) -> set[tuple[int, int]]:
    """(row, column) of the cells of a "Mechanism" column that list features instead ("Tinnitus,
    hyperventilation" among "COX block -> loss of ..."): asked as what they are, features, not
    as the mechanism they are not. Only a few cells of the column: a column of lists is the
    author's idea of a mechanism."""
    if _singular_word(plain(reading.header[index]).split(" ")[-1]) not in _MECHANISMS:
        return set()
    found = set()
    for number, row in enumerate(reading.rows):
        text = (
            _ASIDES.sub("", plain(row.cells[index]))
            if "(" in row.cells[index]
            else row.cells[index]
        )
        parts = [part.strip() for part in plain(text).split(",")]
        if (
            len(parts) >= 2
            and all(0 < len(part.split()) <= FEATURE_MAX_WORDS for part in parts)
            and not any(arrow in text for arrow in ("→", "->", "="))
        ):
            found.add((number, index))
    return found if 2 * len(found) < len(reading.rows) else set()


_VERSUS = re.compile(r"\s(?:vs\.?|versus)\s", re.IGNORECASE)
ASIDE_SHOWN_WORDS = 2
"""A subject cell's trailing aside of more words than this is left off the front."""


def _shown_subject(subject: str, situations: bool = False) -> str:
    """A row's subject as its fronts show it: "Tessal amines (weak, not for inflammation)"
    loses its aside, which would make a long front of a short name; "Velbarin (IV)" keeps it,
    and so does an abbreviation its expansion ("KRP (korrin reactive protein)"). In a column
    of `situations` the aside is part of the situation ("Eyes (after a chemical splash)"): cut,
    the row would say of every case what holds in one."""
    subject = _unmarked(subject)
    if not subject.endswith(")") or situations:
        return subject
    found = _TRAILING_ASIDE.search(subject)
    if found is None or len(found.group().split()) <= ASIDE_SHOWN_WORDS:
        return subject
    shown = subject[: found.start()]
    return shown if shown and not _ACRONYM.fullmatch(shown) else subject


_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]+s?")
_SITUATIONS = re.compile(
    r"situations?|situaci(?:ón|ones)|situaç(?:ão|ões)|scenarios?|escenarios?|circumstances?"
    r"|circunstancias?|settings?|contexts?|cases?|casos?|when|cuándo|quando|wann|fall|fälle"
)
"""A subject column's header naming situations, not things: each row is one case, its aside
a part of that case."""


def _either(cell: str, text: str) -> str:
    """A subject cell naming several things (`Methanol<br>Ethylene glycol`, see
    `_names_together`) as a front names them, "Methanol or ethylene glycol"; else its `text`."""
    if "<" not in cell:
        return text
    names = [plain(point) for point in split_points(cell)]
    if len(names) < 2:
        return text
    later = [lower_first(name) for name in names[1:]]
    return f"{', '.join([names[0], *later[:-1]])} or {later[-1]}"


def _members(reading: Reading, subject_index: int, value_columns: list[int]) -> list[bool]:
    """Whether each row is one of the things the table lists. When the others are written in
    bold, a plain row naming a field ("Disease examples", "Treatment") is not: it says
    something of the section's subject, and its column's header does not apply to it."""
    cells = [row.cells[subject_index].strip() for row in reading.rows]
    bold = [_BOLD.match(cell) is not None for cell in cells]
    if len(value_columns) != 1 or sum(bold) < 2 or all(bold):
        return [True] * len(cells)
    return [
        is_bold or not _names_a_field(plain(cell))
        for is_bold, cell in zip(bold, cells, strict=True)
    ]


_VERDICTS = frozenset(
    """yes no good poor fair high low moderate none present absent normal abnormal increased
    decreased positive negative mild severe rare common fast slow safe unsafe avoid""".split()
)
"""Values that many rows could share: a card asking which row says "Yes" has no one answer."""


def _reverse_notes(
    reading: Reading,
    key_index: int,
    value_index: int,
    kind: str,
    section: Section,
    ctx: Context,
    opts: TableOptions,
    members: list[bool],
) -> list[Note]:
    """ "Which <kind>: “<value>”?" for each row whose value names it alone. By default only for
    a table whose values are all short, and never for a value that is a bare verdict or
    number, repeats or is part of another row's, or gives the key away; nor for a column
    that says what the things do or are like (effect, role, use): its values describe, and a
    front quoting a description is a riddle, not a question. Nor in a document not written in
    English (`Context.language`): "which" is the builder's English word beside the author's,
    and the forward card asks the same pair in the author's words alone."""
    values = [_reverse_value(row, value_index) for row in reading.rows]
    situations = _SITUATIONS.fullmatch(plain(reading.header[key_index]).strip().lower()) is not None
    parts = [_parts(value) for value in values]
    forced = opts.reverse is True
    if not forced and ctx.language != "en":
        return []
    if not forced and not all(len(value.split()) <= REVERSE_MAX_WORDS for value in values if value):
        return []
    header = plain(reading.header[value_index]).split(" ")
    if not forced and _singular_word(header[-1]) in _DESCRIBING:
        return []
    if not forced and _field_keys(reading, key_index):
        return []
    column = lower_first(_unmarked(plain(reading.header[value_index]))).strip()
    column = column if column.upper() != column else ""  # "ECG": an acronym is no name of cells
    notes = []
    repeats = Counter(value.lower() for value in values)
    inside = part_of_another(parts)
    for number, row in enumerate(reading.rows):
        subject, value = plain(row.cells[key_index]), values[number]
        if not value or not members[number] or number in reading.unread:
            continue
        if repeats[value.lower()] > 1:
            continue
        if not forced and (
            _verdict(value)
            or _numeric(value)
            or _vague(value)
            or inside(parts[number])
            or content_words(value) & content_words(subject)
        ):
            continue
        named = _value_name(column, kind, several=len(split_points(row.cells[value_index])) > 1)
        if named:
            points = [plain(point).rstrip(".") for point in split_points(row.cells[value_index])]
            shown = _joined(points) if len(points) > 1 else value
            front = _ours(REVERSE_QUESTION, ctx).format(
                kind=lower_first(kind),
                topic=ctx.topic,
                value=shown[:1].upper() + shown[1:],
                column=named,
            )
            asked = f"{lower_first(shown)} ({named}): which {lower_first(kind)}?"
        else:
            front = _ours(REVERSE_UNNAMED, ctx).format(
                kind=lower_first(kind), topic=ctx.topic, value=value
            )
            asked = f"which {lower_first(kind)}: “{value}”?"
        if ctx.apart:  # the heading its rows' fronts name: another heading's table may say
            # the same of another row ("Cold stage in <topic> — pale (finding): which organ?")
            front = f"{ctx.situate(ctx.apart)} — {asked}"
        key = make_key("table", section.path, subject, row.pin, "reverse")
        answer = _shown_subject(_either(row.cells[key_index], subject), situations)
        notes.append(ctx.note("table", "basic", front, answer, key, section, row.line))
    return notes


def _field_keys(reading: Reading, key_index: int) -> bool:
    """Half the keys or more (two at least) name a field of one thing ("Dose", "Onset",
    "Route", "Monitoring"), not things: "Which <kind>: “5 mg daily”?" asks which field a value
    fills, a riddle with the field as its answer."""
    keys = [plain(row.cells[key_index]) for row in reading.rows]
    fields = sum(1 for key in keys if key and _singular_word(key.split(" ")[-1]) in _RELATIONAL)
    return fields >= 2 and 2 * fields >= len(keys)


_DESCRIBING = frozenset(
    """effect action role function mechanism use purpose feature characteristic significance
    meaning definition importance indication property why reason rationale""".split()
)
"""Value column headers whose cells say what the row's thing does or is like: not names, nor
examples of a category (a "Description" column may hold those: "Genetic mutations | BRCA1,
BRCA2")."""


_VAGUE_HEADERS = frozenset(
    """description descriptions detail details note notes comment comments information info
    value values explanation explanations remark remarks other""".split()
)
"""Headers that say nothing of what their cells are: a reverse card keeps its quoted cell."""


_RELATING = frozenset(
    """causes treats inhibits blocks activates stimulates targets prevents reverses produces
    secretes supplies innervates drains affects binds means indicates suggests antagonises
    antagonizes by with for to from of against via""".split()
)
"""A header's last word that makes it a verb between the row's thing and its cell ("Causes",
"Inhibits", "Spread by", "Treated with"): the cell is no thing of that name."""


def _value_name(column: str, kind: str, several: bool) -> str:
    """What a value column's cells are, as a reverse card's front names a value ("antidote",
    "antidotes" over several): a header of one or two words that says something of them; ""
    for a vague header, a phrase ("Why it matters"), or one naming the kind itself."""
    words = column.split()
    if not 0 < len(words) <= 2 or column.lower() in _VAGUE_HEADERS:
        return ""
    if words[-1].lower() in _RELATING:
        return ""  # "Causes", "Treats", "Spread by": the cell is what the row's thing does
        # to it, never a cause or a treatment itself ("Meningitis (cause): which organism?")
    if any(not word.isalpha() for word in words):
        return ""
    named = column if several else plain(singular(column))
    return "" if named.lower() == lower_first(kind).lower() else named


def _joined(points: list[str]) -> str:
    """Several values as a sentence names them: "Atropine and pralidoxime", "A, B and C"."""
    return f"{', '.join(points[:-1])} and {points[-1]}"


def _reverse_value(row: TableRow, index: int) -> str:
    return plain("; ".join(split_points(row.cells[index]))).rstrip(".")


def part_of_another(parts: list[frozenset[str]]) -> Callable[[frozenset[str]], bool]:
    """Whether a row's parts (one of `parts`) are a part of another row's (a proper subset). Each
    row's value was once compared with every other, a 6,000-row table 36 million times: the
    rows holding its rarest part are looked at, once for each set of parts."""
    holding: dict[str, list[int]] = {}
    for index, found in enumerate(parts):
        for part in found:
            holding.setdefault(part, []).append(index)
    known: dict[frozenset[str], bool] = {}

    def inside(these: frozenset[str]) -> bool:
        if these not in known:
            if not these:
                known[these] = any(parts)
            else:
                rarest = min((holding.get(part, []) for part in these), key=len)
                known[these] = any(parts[index] > these for index in rarest)
        return known[these]

    return inside


_VAGUE = re.compile(
    r"(?:depends|depending|dependent|varies|variable|varying|usually|typically|generally|often"
    r"|sometimes|individual(?:ised|ized)?|case[- ]by[- ]case|as (?:directed|advised|needed))\b",
    re.IGNORECASE,
)


def _vague(value: str) -> bool:
    """A value that opens by hedging ("Depends on surgery type", "Varies widely", "Usually 2-4
    weeks"): it holds for its row only as a rule of thumb, and other rows could say it too, so
    asked back ("Depends on surgery type: which activity?") it names no one row."""
    return _VAGUE.match(value.strip()) is not None


def _parts(value: str) -> frozenset[str]:
    return frozenset(part.strip().lower() for part in re.split(r"[,;/]", value) if part.strip())


def _verdict(value: str) -> bool:
    words = value.lower().replace("very ", "").split(" ")
    return words[0].strip(".,;()") in _VERDICTS and len(words) <= 3


# Attributes: a column of field labels.


def _attribute_notes(
    reading: Reading, caption: str, section: Section, ctx: Context, opts: TableOptions
) -> list[Note]:
    notes: list[Note] = []
    headless = not any(reading.header) and not reading.fields
    own = (headless and caption) or section_subject(section, ctx)
    chosen = {} if headless or opts.question else _chosen(reading)
    relation = _word(reading.header[0]) in _GENERIC_KEYS  # the heading names the relation
    compared = [] if headless or opts.question or relation else _compared(reading)
    for index in range(1, len(reading.header)):
        header = plain(reading.header[index])
        about = own if not header or _word(header) in _GENERIC_VALUES else header
        if compared:  # "Duration of heart attack (vs angina)?": the other side is its measure
            others = ", ".join(_unmarked(other) for other in compared if other != header)
            about = f"{_unmarked(header)} (vs {others})"
        header_key = normalise_header(header) or f"column {index + 1}"
        for number, row in enumerate(reading.rows):
            label = plain(row.cells[0])
            points = split_points(row.cells[index])
            if not label or not points:
                continue
            if number in chosen and _YES_NO.match(plain(row.cells[index])):
                continue  # asked once for the row: "Anti-inflammatory: A or B?"
            if opts.question:
                values = {"subject": about, "column": lower_first(label), "kind": ""}
                front = fill(opts.question, {**values, "topic": ctx.topic})
            elif headless:  # the labels may be names: "Doses in asthma: Velbarin?"
                front = f"{ctx.situate(about)}: {label}?"
            elif relation or _word(label) in _GENERIC_KEYS:
                # "Contraindications in <topic>: drugs?", never "Drugs of ..."; "Type A in
                # <topic>: criteria?", never "Criteria of type A" (which would be its own)
                front = f"{ctx.situate(about)}: {lower_first(label)}?"
            else:
                front = attribute_question(label, ctx.situate(about))
            key = make_key("table", section.path, label, row.pin, header_key)
            notes.append(ctx.note("table", "basic", front, _answer(points), key, section, row.line))
    for number, index in chosen.items():
        notes.append(_chosen_note(reading, reading.rows[number], index, section, ctx))
    return notes


DESCRIBED_MAX_WORDS = 20
"""A cell of several sentences longer than this (CJK text by `word_count`) is a paragraph."""
LEAD_MAX_WORDS = 12
"""A first sentence this short only sets the scene ("Pain is common after surgery."): the
answer keeps the sentence after it too."""


def _answer(points: list[str]) -> str:
    """A row's answer in one column: its points as a list, or its one cell, which when it is a
    paragraph (several sentences, over DESCRIBED_MAX_WORDS words) is cut to its first sentence
    (two when the first only sets the scene; and the first later one holding a figure, when
    those hold none): the answer to recall, the rest its explanation, which the document keeps
    (a Basic note has no Extra field). "Dressing?" was answered with
    three sentences of an "item | description" row, the rule `text.short_answer` makes for a
    definition's paragraph."""
    if len(points) != 1:
        return as_list(points)
    cell = points[0]
    if word_count(cell) <= DESCRIBED_MAX_WORDS:
        return cell
    sentences = split_sentences(cell)
    if len(sentences) < 2:
        return cell
    kept = sentences[:2] if word_count(sentences[0]) <= LEAD_MAX_WORDS else sentences[:1]
    if not any(_DIGIT.search(sentence) for sentence in kept):  # a figure is never cut away
        kept += [sentence for sentence in sentences[len(kept) :] if _DIGIT.search(sentence)][:1]
    return " ".join(kept)


_DIGIT = re.compile(r"\d")


COMPARED_MAX = 3
"""A comparison of more things than this names none of the others on its fronts."""


def _compared(reading: Reading) -> list[str]:
    """The things a table of field labels compares (`| Feature | Angina | Heart attack |`):
    two or three columns, each headed by a thing, none a generic value or a repeat. Each cell
    is read against the others ("> 5 minutes" beside "< 5 minutes"), and two such tables in one
    document share a column and a row ("Duration of heart attack" beside angina, then beside
    panic): a front naming the other side is answerable alone and asked once."""
    headers = [plain(cell) for cell in reading.header[1:]]
    if not 2 <= len(headers) <= COMPARED_MAX:
        return []
    words = {_word(header) for header in headers}
    if "" in words or words & _GENERIC or len(words) < len(headers):
        return []
    if any(_numeric(header) for header in headers):
        return []
    if any(len(split_points(cell)) > 1 for row in reading.rows for cell in row.cells[1:]):
        return []  # lists of criteria side by side: each a list of its own, not a contrast
    return headers


_YES_NO = re.compile(r"^(?:yes|no)\b", re.IGNORECASE)
_YES = re.compile(r"^yes\b", re.IGNORECASE)


def _chosen(reading: Reading) -> dict[int, int]:
    """Row -> the one column saying "Yes" in it, for the rows of a table of several things
    where exactly one of them does: "Anti-inflammatory | Yes | Negligible". Asked per thing
    ("Velbarin: anti-inflammatory?" -> "Yes") the answer is a yes or a no; asked across
    ("Anti-inflammatory: velbarin or tessalid?") it is the thing."""
    things = [plain(cell) for cell in reading.header[1:]]
    if len(things) < 2 or any(not thing or _word(thing) in _GENERIC for thing in things):
        return {}
    chosen = {}
    for number, row in enumerate(reading.rows):
        yes = [index for index in range(1, len(row.cells)) if _YES.match(plain(row.cells[index]))]
        if len(yes) == 1 and plain(row.cells[0]):
            chosen[number] = yes[0]
    return chosen


def _chosen_note(
    reading: Reading, row: TableRow, index: int, section: Section, ctx: Context
) -> Note:
    label = plain(row.cells[0])
    things = [plain(cell) for cell in reading.header[1:]]
    choice = " or ".join(things)
    where = label if names_topic(choice, ctx.topic) else ctx.situate(label)
    front = f"{where}: {choice}?"
    parts: list[str] = []
    for column in range(1, len(row.cells)):
        cell = plain(row.cells[column])
        found = _YES_NO.match(cell)
        if found is None:
            continue  # "Negligible": asked of its own thing
        thing, rest = plain(reading.header[column]), cell[found.end() :].strip(" ,;:.–—-()")
        if column == index:
            parts.insert(0, f"{thing} ({rest})" if rest else thing)
        elif rest:  # "No (relative values)": the contrast is part of the answer
            parts.append(f"not {thing} ({rest})")
    back = "; ".join(parts)
    key = make_key("table", section.path, label, row.pin, "which")
    return ctx.note("table", "basic", front, back, key, section, row.line)


_RELATIONAL = frozenset(
    """prototype example mechanism location site cause onset duration dose dosage route class
    action function role treatment management antidote definition incidence prevalence
    prognosis presentation symptom sign complication indication contraindication effect use
    target receptor metabolism excretion elimination distribution absorption monitoring
    investigation diagnosis pathophysiology aetiology etiology epidemiology origin structure
    appearance speech frequency timing half-life mediator type""".split()
)
_NOUN_ENDINGS = ("tion", "sion", "ment", "ism", "ity", "ology", "osis", "ance", "ence", "ency")
_LINKING = frozenset("of for in to with after by on from at as and or vs".split())


def attribute_question(label: str, about: str) -> str:
    """ "Dose of velbarin?" when the label is a noun of something; else "Velbarin: used for?"."""
    if _names_a_field(label):
        return f"{label[:1].upper()}{lower_first(label)[1:]} of {about}?"
    return f"{about}: {lower_first(label)}?"


@lru_cache(maxsize=1 << 12)
def _names_a_field(label: str) -> bool:
    """A short noun phrase naming a property of something ("Dose", "GI toxicity", "Location"),
    not a clause or an adjective ("Named after", "Anti-inflammatory")."""
    words = label.split(" ")
    head = _singular_word(words[-1].lower())
    return (
        len(words) <= 3
        and label[:1].isalpha()
        and not any(word.lower() in _LINKING for word in words)
        and (head in _RELATIONAL or head.endswith(_NOUN_ENDINGS))
    )


def _singular_word(word: str) -> str:
    return plain(singular(word)).lower()


_OUTLINE = re.compile(r"^(?:\d+(?:\.\d+)*[.)]?|\d{1,3}[a-z][.)]|[A-Za-z][.)]|[IVXLC]+\.)\s+")
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)$")
_NOT_WORD_START = re.compile(r"^[^\w(]+")


def section_subject(section: Section, ctx: Context) -> str:
    """What a section is about, as a front names it: its heading without an outline number,
    leading emoji or a trailing aside ("2. ACE inhibitors (-pril)" -> "ACE inhibitors"); the
    deck's topic for a section without a heading. The text before a page's first heading is
    about what the page's other notes name it by (`Context.subject`: its short title or
    topic), not its whole title ("Appendix I. Instructions for inserting …"). A heading that
    names only a part of the thing above ("Dosing", "Classification") is asked with that thing
    ("Velbarin — dosing"): alone it names nothing on a card."""
    if section.level == 0:
        own = ctx.subject(section)
        if own:
            return own
    text = plain(section.title)
    text = _NOT_WORD_START.sub("", _OUTLINE.sub("", text)).strip()
    if text.isupper():  # "PREPARACIÓN COMPLETA": lowered whole, as a list's heading is
        text = heading_text(text)
    shorter = _TRAILING_ASIDE.sub("", text)
    part = is_generic_heading(shorter) or is_relational(shorter)
    if shorter and part and len(section.path) > 1:
        own = ctx.subject(section)  # "Dosing" under "Velbarin": "Velbarin — dosing"
        if own and own != shorter:
            return own
    return shorter or text or ctx.topic


_CAPTION_MAX_WORDS = 8


def _caption(block: object) -> str:
    """A short line just above a table that names it ("1. Beta blockers", "**Nitrates**"):
    a paragraph or one-item list of a few words that is not a sentence."""
    text = ""
    if isinstance(block, Paragraph):
        text = block.text
    elif isinstance(block, ListBlock) and len(block.items) == 1 and not block.items[0].blocks:
        text = block.items[0].text
    text = html.unescape(plain(text.replace("\\", "")))
    text = _OUTLINE.sub("", " ".join(text.split())).rstrip(":").strip()
    if not text or len(text.split()) > _CAPTION_MAX_WORDS or text.endswith((".", "?", "!")):
        return ""
    return _TRAILING_ASIDE.sub("", text).rstrip(".") or text


# Comparison: two things side by side.


def _comparison_notes(reading: Reading, item: str, section: Section, ctx: Context) -> list[Note]:
    """One cloze note per row; the list item the table was written in names what is compared
    ("Protein — false positive vs false negative"). A line above a table is no such name: it
    is as often a lead-in sentence ("Your asthma is well controlled when you")."""
    first, second = (_unmarked(plain(cell)) for cell in reading.header)
    compared = f"{first} vs {lower_first(second)}"
    where = ctx.situate(f"{item} — {lower_first(compared)}" if item else compared)
    mirror = _mirrored(first, second)
    notes = []
    for row in reading.rows:
        left, right = (plain(cell) for cell in row.cells)
        if not left or not right:
            continue
        if mirror and (_SIDE_FIGURE.search(left + right) or _negates(left) or _negates(right)):
            # One side is the other's negation: only the figures are worth asking.
            count = 0
            sides = []
            for text in (left, right):
                side, last = "", 0
                for found in _SIDE_FIGURE.finditer(text):
                    count += 1
                    side += literal(text[last : found.start()]) + deletion(count, found.group())
                    last = found.end()
                sides.append(side + literal(text[last:]))
            if not count:
                continue
            front = f"{literal(where)}: {literal(first)} — {sides[0]}; "
            front += f"{literal(second)} — {sides[1]}"
        else:
            front = f"{literal(where)}: {literal(first)} — {deletion(1, left)}; "
            front += f"{literal(second)} — {deletion(2, right)}"
        named = f"{item} {left}" if item else left  # two items' tables in a section apart
        key = make_key("table", section.path, named, row.pin, "comparison")
        notes.append(ctx.note("table", "cloze", front, "", key, section, row.line))
    return notes


_POLAR = frozenset(
    """good poor bad well poorly normal abnormal healthy unhealthy correct incorrect right wrong
    safe unsafe adequate inadequate controlled uncontrolled do don't dos don'ts""".split()
)
"""First words of two headers that judge one thing both ways ("Good control | Poor control")."""
_SIDE_FIGURE = re.compile(r"[<>≤≥~]?\d[\d.,]*(?:\s*(?:-|–|to)\s*\d[\d.,]*)?(?:\s*%|\+)?")
_EMOJI_START = re.compile(r"^(?:[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF\uFE0F\u200D]\s*)+")


def _unmarked(text: str) -> str:
    """A header or subject without the emoji it starts with ("✅ Good control", "🟢 Green"):
    a mark, not a word a front reads."""
    if text[:1].isascii():
        return text
    return _EMOJI_START.sub("", text) or text


_NEGATIONS = frozenset("no not never without none cannot can't unable don't doesn't".split())


def _negates(side: str) -> bool:
    """A side that says the other one's "not" ("No night cough", "Can't run")."""
    word = side.split(" ", 1)[0].lower().replace("’", "'")
    return word in _NEGATIONS


def _mirrored(first: str, second: str) -> bool:
    """Two headers judging one thing both ways ("Good control | Poor control", "Do | Don't"):
    a row's sides may negate each other ("No night waking | Waking at night"), and then one
    hides nothing the other does not show. A row whose sides both inform ("Pink skin | Pale
    skin") is asked as any comparison's."""
    one, other = first.lower().split(), second.lower().split()
    return (
        bool(one and other)
        and one[0] != other[0]
        and one[0] in _POLAR
        and other[0] in _POLAR
        and one[1:] == other[1:]
    )


# Lines: the rows of a header-less table, as clozes.


def _line_notes(reading: Reading, caption: str, section: Section, ctx: Context) -> list[Note]:
    hidden = [
        any(plain(row.cells[index]) for row in reading.rows)
        and all(
            len(plain(row.cells[index]).split()) <= CLOZE_MAX_WORDS
            and len(split_points(row.cells[index])) <= 1
            for row in reading.rows
        )
        for index in range(len(reading.header))
    ]
    where = ctx.situate(caption or section_subject(section, ctx))
    purposes = _purpose_columns(reading, hidden)
    notes = []
    for row in reading.rows:
        parts = []
        count = 0
        for index, cell in enumerate(row.cells):
            text = plain(cell)
            if not text:
                continue
            if hidden[index]:
                count += 1
                text = deletion(count, text)
            else:
                text = literal(text)
            parts.append(text)
        if not count:
            continue
        key = make_key("table", section.path, plain(row.cells[0]), row.pin, "row")
        front = f"{literal(where)}: " + " — ".join(parts)
        notes.append(ctx.note("table", "cloze", front, "", key, section, row.line))
        if hidden[0] and purposes:
            notes.extend(_purpose_notes(row, purposes, section, ctx))
    return notes


_PURPOSE = re.compile(
    r"^(?:(?P<kind>(?:(?!\b(?:used|given|indicated|prescribed|taken)\b)[^,;:.])+?)\s+)??"
    r"(?:(?:(?:is|are)\s+)?(?:used|given|indicated|prescribed)\s+(?:for|in|to\s+treat)|for)\s+"
    r"(?:the\s+(?:treatment|management|prevention|control)\s+of\s+)?"
    r"(?P<use>[^\d\s].*?)\.?$",
    re.IGNORECASE,
)
"""A description naming what a thing is and what it is for: "Loop diuretic used for swelling",
"Antiarrhythmic for cardiac arrhythmias", "Used in the treatment of gout"."""
PURPOSE_KIND_MAX_WORDS = 6
PURPOSE_USE_MAX_WORDS = 14


def _purpose(cell: str) -> tuple[str, str] | None:
    """(what it is, what it is for) of a description cell written "<kind> used for <use>"; the
    kind may be "" ("Used for gout"). None for any other cell."""
    text = plain(cell)
    if not (" for " in text or " in " in text or " to treat " in text):
        return None
    if len(split_points(cell)) != 1:
        return None
    found = _PURPOSE.match(text)
    if found is None:
        return None
    kind, use = (found.group("kind") or "").strip(), found.group("use").strip(" ,;")
    if len(kind.split()) > PURPOSE_KIND_MAX_WORDS or len(use.split()) > PURPOSE_USE_MAX_WORDS:
        return None
    return kind, use


def _purpose_columns(reading: Reading, hidden: list[bool]) -> list[int]:
    """The columns of a header-less table that describe each row's thing as "<kind> used for
    <use>", in at least half of their filled cells: a drug list's description column."""
    found = []
    for index in range(1, len(reading.header)):
        cells = [row.cells[index] for row in reading.rows if plain(row.cells[index])]
        if hidden[index] or not cells:
            continue
        if 2 * sum(1 for cell in cells if _purpose(cell)) >= len(cells):
            found.append(index)
    return found


def _purpose_notes(row: TableRow, columns: list[int], section: Section, ctx: Context) -> list[Note]:
    """ "Velbarolol: class?" and "Velbarolol: use?" from its description: what a drug list's
    reader is asked, while the row's cloze note asks the names."""
    name = plain(row.cells[0])
    notes = []
    for index in columns:
        found = _purpose(row.cells[index])
        if found is None:
            continue
        kind, use = found
        where = ctx.situate(name)
        for attribute, answer in (("class", kind), ("use", use)):
            if answer and answer.lower() != name.lower():
                key = make_key("table", section.path, name, row.pin, attribute)
                front = f"{where}: {attribute}?"
                notes.append(ctx.note("table", "basic", front, answer, key, section, row.line))
    return notes


def _ours(template: str, ctx: Context) -> str:
    """One of this rule's own templates, without " in {topic}" when the deck has no topic."""
    return template if ctx.topic else template.replace(" in {topic}", "")


def measured_subject(reading: Reading, row: TableRow) -> str:
    """A measure as the subject of a front: its header and its value, "Time to treatment <1
    hour" (the value alone, "<1 hour", names nothing)."""
    measure = _measure(reading.header[0], plain(row.cells[0]))  # "Level 7 to 10 mEq/L"
    return measure[:1].upper() + measure[1:]


def _measure(header: str, value: str) -> str:
    """A measure mid-front: its header, as a sentence reads it, and its value ("CrCl 30-49",
    "level 7 to 10 mEq/L")."""
    name = lower_first(_unmarked(plain(header)))
    unit = _UNIT_ASIDE.search(name)
    return f"{name} {value}" if unit is None else f"{name[: unit.start()]} {value} {unit.group(1)}"


def _measures_of(reading: Reading, section: Section, ctx: Context) -> str:
    """What a table of measures measures, when its first header is an abbreviation that cannot
    say it: the heading's subject ("Velbarin" over `| rHR | Dose change |`: the drug's dose is
    changed by the heart rate) that the header does not name and that is not the deck's topic;
    "" for a header in words ("Time", "Time to velbarin")."""
    header = _unmarked(plain(reading.header[0]))
    if " " in header or lower_first(header) == header.lower():  # an acronym keeps its capitals
        return ""  # "Time", "Score": a measure of the case, not of the heading's thing
    owner = section_subject(section, ctx)
    if not section.title or names_topic(owner, ctx.topic) or names_topic(ctx.topic, owner):
        return ""
    if content_words(owner) & content_words(header):
        return ""
    return owner


_UNIT_ASIDE = re.compile(r"\s*\(([^()\s]{1,8})\)$")
"""A header's trailing unit ("Serum level (mEq/L)"), which reads after the value."""


def row_kind(reading: Reading) -> str:
    """What each row's subject is, from its column's header ("Symptom" over "Chest pain"), in
    lower case; "" when the header says nothing of it ("Name") or names a measure."""
    header = reading.header[reading.subject or 0]
    if reading.measured or _word(header) in _NOT_KINDS:
        return ""
    return plain(singular(header)).lower()


_DIMENSIONS: tuple[tuple[re.Pattern[str], re.Pattern[str]], ...] = tuple(
    (re.compile(rf"^(?:{names})$", re.IGNORECASE), re.compile(rf"\d\+?\s*(?:{units})(?!\w)", re.I))
    for names, units in (
        (
            r"age|age\s+group|time|duration|timing|period|days?",
            r"(?:years?|yrs?|months?|weeks?|"
            r"wks?|days?|hours?|hrs?|minutes?|mins?)(?:\s+old)?",
        ),
        (r"temp(?:erature)?|fever|body\s+temperature", r"°\s*[CF]|degrees?(?:\s+[CF])?"),
        (r"weight|body\s+weight", r"kg|kilograms?|lbs?|pounds?"),
        (r"height|length", r"cm|centimet(?:er|re)s?|inch(?:es)?|ft|feet"),
    )
)
"""A header naming a physical dimension and the units that can only measure it: a cell in one
of them says its header itself ("3-6 months" is an age, "102°F+" a temperature)."""


def says_its_measure(cell: str, header: str) -> bool:
    """Whether a row's condition cell reads alone without its column's header: it names the
    header ("Age under 2"), or its unit can only measure what the header names ("Under 3
    months" under Age, "102°F+" under Temperature). "Under 4 mmol/L" under Glucose does not:
    the unit does not say of what, and "(age)" or "temperature" before a cell that does is the
    clumsy label of a column read aloud."""
    name = _unmarked(plain(header)).strip().lower()
    if not name:
        return True
    if re.search(rf"\b{re.escape(name)}\b", cell, re.IGNORECASE):
        return True
    return any(
        names.match(name) is not None and units.search(_decoded(cell)) is not None
        for names, units in _DIMENSIONS
    )
