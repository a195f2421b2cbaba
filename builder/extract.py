"""From a document's routed sections to notes: each subdeck's rules, as the registry orders them."""

from __future__ import annotations

import operator
from dataclasses import replace

from .dialects import full_width_stops, is_link_only, unlinked_text
from .document import Document, ListBlock, Paragraph
from .lint import is_contact_only, prints_its_answer, without_shown_answers
from .manifest import Manifest
from .notes import DELETION, Note, key_text
from .routing import Route, check_routes, route
from .rules import FIRST_WINS, RULES, Context
from .rules.context import one_question_each
from .rules.forms import has_placeholder
from .rules.table import rows_apart, without_copied_rows
from .text import MAX_LANGUAGE_CHARS, has_template_field, plain, prose_language


def extract_notes(manifest: Manifest, documents: list[Document]) -> list[Note]:
    """Every note the rules make of these documents, in document order, before the checks of the
    deck as a whole (build.read_deck); raises on patterns that match nothing."""
    routed = [route(manifest, document) for document in documents]
    check_routes(manifest, routed)
    return [
        note
        for document, each in zip(documents, routed, strict=True)
        for note in document_notes(manifest, document, each.routes)
    ]


def document_notes(manifest: Manifest, document: Document, routes: tuple[Route, ...]) -> list[Note]:
    """The notes of one document: each routed section through its subdeck's rules, then the
    rules that read the whole document; none whose answer its own front prints (a value that
    repeats its heading, a class named in its drug's name), no cloze deletion its card shows."""
    notes: list[Note] = []
    source_path = display_path(manifest, document)
    apart = rows_apart([routed.section for routed in routes if not routed.in_faq])
    language = prose_language(_prose(document))
    for routed in routes:
        ctx = replace(
            _context(manifest, document.title, source_path, routed),
            apart=apart.get(routed.section.path, ""),
            language=language,
        )
        reads = "faq" if routed.in_faq else "section"
        made: list[Note] = []
        for rule in RULES:
            if reads in rule.reads and rule.name in routed.subdeck.rules:
                if rule.fallback and len(made) != len(ctx.made):  # (the same notes: as it is)
                    ctx = replace(ctx, made=tuple(made))  # a last resort reads what no note did
                made.extend(rule.extract(routed.section, ctx))
        notes.extend(made)
    if manifest.abbreviations:
        tags = (*manifest.tags, *((f"{manifest.tags[0]}::abbreviations",) if manifest.tags else ()))
        ctx = Context(
            document.title,
            source_path,
            manifest.topic,
            manifest.abbreviations,
            tags,
            language=language,
        )
        for rule in RULES:
            if "document" not in rule.reads:
                continue
            sections = [
                section
                for routed in routes
                if rule.name in routed.subdeck.rules
                for section in (routed.section.walk() if routed.in_faq else [routed.section])
            ]
            notes.extend(rule.extract(sections, ctx))
    notes = [
        shown
        for note in without_copied_rows(one_question_each(notes))
        if not _asks_nothing(note) and (shown := without_shown_answers(note)) is not None
    ]
    return [
        _cjk_stops(_unlinked_front(note)) for note in _one_fact_each(_one_definition_each(notes))
    ]


def _unlinked_front(note: Note) -> Note:
    """The note with each link on its front as the link's text (`{{c1::a rhythm called [korrin
    block](https://…)}}` → `{{c1::a rhythm called korrin block}}`): a card is studied offline,
    and the check warns of a link on a question (LINK-IN-FRONT), so the builder puts none
    there. A front that is only a link is left as it is, for the check to name (LINK-ONLY)."""
    if "](" not in note.front or is_link_only(note.front):
        return note
    front = unlinked_text(note.front)
    return note if front == note.front else replace(note, front=front)


def _cjk_stops(note: Note) -> Note:
    """The note with its CJK sentences ended as the document ended them (`。`, `？`, `！`), which
    the rules read in their ASCII forms (`dialects.full_width_stops`); its identity is kept."""
    front, back = full_width_stops(note.front), full_width_stops(note.back)
    if front is note.front and back is note.back:
        return note
    return replace(note, front=front, back=back)


def _one_fact_each(notes: list[Note]) -> list[Note]:
    """A note that says in the same words an earlier note's fact with a figure in its answer
    makes no card: a document stating a dose twice ("Drug M starting dose: 250 mg …" under one
    heading, `**Drug M** starting dose: 250 mg …` further on) gave a cloze and a Basic note of
    one fact. Its words (front and back, deletions filled in) equal the earlier note's, or the
    earlier's without the words of its heading: the later one says no more. One pass, a set of
    word sets; the figures of the answer are part of the key, so a table's reverse question
    ("250 mg: which drug?") stays. A later note asking the same figures with every word of an
    earlier one (units written either way: "0.2 seconds", "duration (sec)") and more, such as
    a table's row under a group (`Rising stage: duration?` then `… duration (sec) for Whole cycle
    — Rising stage is {{0.2}}`), asks it again too (MAX_CROSSED earlier notes per figure)."""
    seen: set[tuple[frozenset[str], frozenset[str]]] = set()
    crossed: dict[tuple[str, str], list[tuple[frozenset[str], frozenset[str]]]] = {}
    figured: dict[frozenset[str], list[frozenset[str]]] = {}
    kept = []
    for note in notes:
        fact = _fact(note)
        if fact is None:
            kept.append(note)
            continue
        said, figures = fact
        heading = _words(note.source.section[-1]) if note.source.section else frozenset()
        grid = _grid_cell(note, heading)
        if (said, figures) in seen or _crosses(grid, heading, crossed):
            continue  # the same fact again: the earlier note asks it
        core = frozenset(w for w in said - figures - _UNIT_WORDS if any(map(str.isalnum, w)))
        if any(earlier <= core for earlier in figured.get(figures, ())):
            continue  # the figure asked again of all the earlier note's words, and more
        kept.append(note)
        seen.add((said, figures))
        cores = figured.setdefault(figures, [])
        if len(cores) < MAX_CROSSED and len(core) >= MIN_FACT_WORDS:
            cores.append(core)  # "Dose: {{5 mg}}" says too little to stand for a later note
        if heading and heading < said:
            seen.add((said - heading, figures))
        if grid is not None:
            answer, label, _ = grid
            for word in heading:
                found = crossed.setdefault((answer, word), [])
                if len(found) < MAX_CROSSED:
                    found.append((label, heading))
    return kept


MIN_FACT_WORDS = 4
"""Words an earlier note's fact needs (its figures and units aside) for a later note holding
them all and more to count as asking it again: "Dose in asthma: {{5 mg}}" does not stand for
"Tessalid dose in asthma: {{5 mg}}"."""
MAX_CROSSED = 4
"""Earlier cells looked at per answer and word: a bound, so that a page of thousands of rows
with one answer stays linear."""


def _grid_cell(note: Note, heading: frozenset[str]) -> tuple[str, frozenset[str], str] | None:
    """A Basic note asking a label under its heading (`Heading in topic: Label?` -> answer):
    (its answer as compared, the label's words, the label's first word); None for any other."""
    if note.note_type != "basic" or not heading or not note.front.endswith("?"):
        return None
    _, colon, asked = note.front[:-1].rpartition(": ")
    label = _words(asked) if colon else frozenset()
    if not label or label & heading:
        return None
    return " ".join(plain(note.back).lower().split()), label, min(label)


def _crosses(
    grid: tuple[str, frozenset[str], str] | None,
    own: frozenset[str],
    crossed: dict[tuple[str, str], list[tuple[frozenset[str], frozenset[str]]]],
) -> bool:
    """The same cell read the other way: "Targets: Diabetes?" -> "<130/80" under the heading
    "Targets", then "Diabetes: Target?" -> "<130/80" under "Diabetes" (each label's words in the
    other's heading, the same answer)."""
    if grid is None:
        return False
    answer, label, first = grid
    return any(
        label <= heading and earlier <= own for earlier, heading in crossed.get((answer, first), ())
    )


def _fact(note: Note) -> tuple[frozenset[str], frozenset[str]] | None:
    """A note's words (no markup, no small words) and the figures of its answer (a cloze's
    deletions, a Basic note's back); None when the answer holds no figure."""
    cloze = note.note_type == "cloze"
    answer = " ".join(DELETION.findall(note.front)) if cloze else note.back
    if not any(map(str.isdigit, answer)):  # most answers hold no figure: nothing to split
        return None
    figures = frozenset(word for word in _words(answer) if any(map(str.isdigit, word)))
    if not figures:
        return None
    filled = DELETION.sub(_said, note.front) if cloze else note.front
    return _words(f"{filled} {note.back}"), figures


_said = operator.methodcaller("group", 1)


def _words(text: str) -> frozenset[str]:
    """The words of a text as written, a sign kept with its figure ("<50" is not ">50"),
    without punctuation around them or small words."""
    found = {word.strip(_AROUND) for word in plain(text).lower().split()}
    found.discard("")
    return frozenset(found - _SMALL_WORDS)


_AROUND = ".,;:!?()[]\"'“”‘’*_"
_UNIT_WORDS = frozenset(
    "s sec secs second seconds ms min mins minute minutes h hr hrs hour hours day days"
    " mg g kg mcg µg ml l mmhg bpm %".split()
)
"""Units a figure's two notes may write two ways ("0.1 seconds" and "duration (sec)")."""
_SMALL_WORDS = frozenset("a an the of in on at to for and or is are be by with as".split())


def _prose(document: Document) -> str:
    """The document's paragraphs and list items, up to MAX_LANGUAGE_CHARS: what its language is
    told by (headings and tables hold names more than sentences)."""
    said: list[str] = []
    size = 0
    for section in document.walk():
        for block in section.blocks:
            if isinstance(block, Paragraph):
                texts = [block.text]
            elif isinstance(block, ListBlock):
                texts = [item.text for item in block.items]
            else:
                continue
            said += texts
            size += sum(map(len, texts))
        if size > MAX_LANGUAGE_CHARS:
            break
    return "\n".join(said)


def _one_definition_each(notes: list[Note]) -> list[Note]:
    """A heading that asks "What is X?" over the paragraph defining X (the faq rule's question)
    and that paragraph's "X: definition?" (the prose_fact rule's) ask one thing: the definition
    is kept. So do a bold term's "What is sepsis?" (the definition rule's, of a paragraph
    opening `**Sepsis** is a …`) and the "Sepsis: definition?" of that paragraph under the
    heading "Sepsis"."""
    defined = {
        (note.source.section, note.source.line)
        for note in notes
        if note.rule == "prose_fact" and note.front.endswith(": definition?")
    }
    if not defined:
        return notes
    return [
        note
        for note in notes
        if not (
            note.rule in ("faq", "definition")
            and (note.source.section, note.source.line) in defined
            and note.front.lower().startswith(("what is", "what are"))
        )
    ]


def _asks_nothing(note: Note) -> bool:
    """A card whose answer its own front prints, that only says where to reach someone (a
    phone number, an email address, a link: a leaflet's "For more information" lines), or that
    shows a template's unfilled field (`{{PATIENT_NAME}}`: a form never filled in)."""
    return (
        prints_its_answer(note)
        or (note.note_type == "basic" and is_contact_only(note.back))
        or has_template_field(f"{note.front}\n{note.back}\n{note.context}")
        or has_placeholder(note.front)
        or has_placeholder(note.back)  # "… in the _X_th space": the fact left blank
    )


def _context(manifest: Manifest, document: str, source_path: str, routed: Route) -> Context:
    subdeck = routed.subdeck
    return Context(
        document=document,
        source_path=source_path,
        topic=manifest.topic,
        subdeck=subdeck.name,
        tags=(*manifest.tags, *subdeck.tags),
        tables=manifest.tables,
        in_faq=routed.in_faq,
        facets=routed.facets,
        terms=routed.terms,
        names=routed.names,
    )


def display_path(manifest: Manifest, document: Document) -> str:
    """The source as notes and messages cite it: from the repository root for decks/*.toml
    (`source/notes.md`), else relative to the manifest's folder."""
    if manifest.path is not None:
        folder = manifest.path.resolve().parent
        base = folder.parent if folder.name == "decks" else folder
        try:
            return str(document.path.resolve().relative_to(base))
        except ValueError:
            pass
    return document.path.name


def distinct_keys(notes: list[Note]) -> tuple[list[Note], list[str]]:
    """A zero-config build's notes with no key made twice, and a warning for each one told apart.

    Two notes with one key would share a GUID. A manifest build refuses that (the teacher pins
    or rewords one); a zero-config build has no manifest to edit, so it keeps both: the n-th note
    (in document order, n >= 2) whose key an earlier note has gets the key part "(n)" appended,
    or the next number free. The first keeps its key, and a repeat added after the others gets
    the next number: no other note's identity changes. Notes of a first-wins rule (the same
    abbreviation twice) are left as they are: the build leaves the repeats out.
    """
    taken: dict[tuple[str, ...], Note] = {}
    numbered: dict[tuple[str, ...], int] = {}
    kept: list[Note] = []
    warnings: list[str] = []
    for note in notes:
        first = taken.get(note.key)
        if first is None or note.rule in FIRST_WINS:
            taken.setdefault(note.key, note)
            kept.append(note)
            continue
        number = numbered.get(note.key, 1)
        key: tuple[str, ...] = note.key
        while key in taken:
            number += 1
            key = (*note.key, f"({number})")
        numbered[note.key] = number
        taken[key] = note
        kept.append(replace(note, key=key))
        warnings.append(
            f"{note.source.path}:{note.source.line}: warning: this note and the one at "
            f"{_place(first, note)} have the same identity ({key_text(note.key)}); this build "
            f"tells them apart as ({number}), a manifest build refuses it: "
            f"{clash_advice(note.rule)}"
        )
    return kept, warnings


def clash_advice(rule: str) -> str:
    """What a teacher does about two notes of `rule` with one identity."""
    if rule == "faq":
        return "reword one question, or pin it with {#id} at the end of its heading"
    if rule in ("table", "figure"):
        return "give the rows different subjects, or pin one with {#id} after its first cell"
    if rule == "definition":
        return "reword one term, or pin its bullet with {#id} at the end"
    return "give one of them a heading of its own, or reword its lead-in"


def _place(first: Note, note: Note) -> str:
    if first.source.path == note.source.path:
        return f"line {first.source.line}"
    return f"{first.source.path}:{first.source.line}"
