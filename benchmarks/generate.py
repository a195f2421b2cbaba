"""Synthetic study documents for benchmarks: seeded, deterministic, shaped like what the rules read.

An *item* is one fact a rule turns into (part of) a note: a table row, a definition bullet, a list
item under a lead-in sentence, a sentence holding a percentage, or an FAQ question with its answer.
Items average about 175 bytes of Markdown, so 100,000 items make a source of about 17.5 MB.

The document has a YAML front matter and a `# Title` heading; its top-level sections are `##`
headings: content units (`## Unit 0012: Hepatic Imaging`, a few hundred items each, in `###`
subsections) each followed by its FAQ (`## FAQ: Unit 0012` with `### Question?` headings). A
manifest routes ten units (and their FAQs) to each subdeck with glob patterns.

    python -m benchmarks.generate 100000 /tmp/bench      # writes source/ and decks/ there
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from pathlib import Path

ITEMS_PER_UNIT = 250
"""Items in one top-level content unit (FAQ included) when `sections` is not given."""
UNITS_PER_SUBDECK = 10
DOCUMENTS = 10
"""Documents in the multi-document variant (the one-document-edit measurement)."""
TOPIC = "synthetic hepatology"
DECK_ID = 1_900_000_001
MULTI_DECK_ID = 1_900_000_002

# Item kinds and their share of a unit's items (FAQ items go to the unit's FAQ section).
MIX = (("table", 0.25), ("definition", 0.25), ("percent", 0.15), ("enumeration", 0.15))
FAQ_SHARE = 0.20

_SYLLABLES = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]  # 70 two-letter syllables

_ADJECTIVES = (
    "hepatic portal systemic regional focal diffuse adjuvant neoadjuvant palliative curative "
    "targeted hormonal metabolic vascular biliary segmental percutaneous laparoscopic minimal "
    "extensive early late recurrent chronic acute bilateral peripheral central oral intravenous"
).split()
_NOUNS = (
    "resection ablation infusion embolisation imaging staging biopsy surveillance perfusion "
    "clearance response toxicity margin lesion burden volume marker pathway receptor dosing "
    "schedule regimen protocol assessment follow-up recovery drainage clamping mapping"
).split()
_THINGS = (
    "patients tumours lesions cohorts centres trials cases nodules procedures samples"
).split()
_VERBS = (
    "reduces improves delays predicts lowers raises limits extends supports guides shortens"
).split()
_OUTCOMES = (
    "overall survival, local recurrence, liver function, hospital stay, quality of life, "
    "treatment response, time to progression, blood loss, pain scores, complication rates, "
    "readmission, functional reserve"
).split(", ")
_POINTS = (
    "shorter hospital stay|fewer complications|repeatable if needed|works for small lesions|"
    "preserves liver tissue|widely available|outpatient procedure|good local control|"
    "no general anaesthesia|quick recovery|precise targeting|well studied|low cost|"
    "limited by lesion size|needs specialist centre|risk of bleeding|not for deep lesions|"
    "incomplete ablation possible|requires imaging guidance|higher recurrence|"
    "limited long-term data|may need repeat sessions|contrast allergy risk"
).split("|")
_QUESTION_STARTS = (
    "What is the role of",
    "How often is",
    "When should doctors consider",
    "Why does",
    "How is",
    "Who benefits from",
    "What are the side effects of",
    "Can patients combine",
)
_ABBREVIATIONS = (
    ("computed tomography", "CT"),
    ("magnetic resonance imaging", "MRI"),
    ("radiofrequency ablation", "RFA"),
    ("transarterial chemoembolisation", "TACE"),
    ("positron emission tomography", "PET"),
    ("stereotactic body radiotherapy", "SBRT"),
    ("microwave ablation", "MWA"),
    ("selective internal radiation therapy", "SIRT"),
    ("hepatic arterial infusion", "HAI"),
    ("portal vein embolisation", "PVE"),
    ("overall survival", "OS"),
    ("progression-free survival", "PFS"),
    ("disease-free survival", "DFS"),
    ("hormone receptor", "HR"),
    ("human epidermal growth factor receptor 2", "HER2"),
    ("alpha-fetoprotein", "AFP"),
    ("carcinoembryonic antigen", "CEA"),
    ("liver function test", "LFT"),
    ("future liver remnant", "FLR"),
    ("multidisciplinary team", "MDT"),
    ("quality of life", "QoL"),
    ("contrast-enhanced ultrasound", "CEUS"),
    ("fine-needle aspiration", "FNA"),
    ("intensity-modulated radiotherapy", "IMRT"),
    ("body mass index", "BMI"),
    ("complete response", "CR"),
    ("partial response", "PR"),
    ("stable disease", "SD"),
    ("circulating tumour DNA", "ctDNA"),
    ("dihydropyrimidine dehydrogenase", "DPD"),
)
_ABBREVIATION_SENTENCES = (
    "Planning often relies on {long} ({short}).",
    "Most teams now add {long} ({short}) to the work-up.",
    "Results are usually reported with {long} ({short}) as well.",
)


def name(number: int) -> str:
    """A unique, pronounceable pseudo-word for `number` < 70**4 (a scrambled bijection)."""
    base = len(_SYLLABLES)
    value = (number * _SCRAMBLE) % base**4
    digits = []
    for _ in range(4):
        digits.append(value % base)
        value //= base
    return "".join(_SYLLABLES[d] for d in digits).capitalize()


_SCRAMBLE = 2_654_435_761
"""Odd and coprime to 70, so multiplying modulo 70**4 permutes the numbers."""


@dataclass
class _Unit:
    """One top-level content unit and its FAQ, as Markdown, plus how many items each holds."""

    index: int
    text: str
    items: int


class _Writer:
    """Writes items with globally unique names; `serial` numbers every name it hands out."""

    def __init__(
        self,
        rng: random.Random,
        serial: int,
        abbreviations: tuple[tuple[str, str], ...] = _ABBREVIATIONS,
    ):
        self.rng = rng
        self.serial = serial
        self.abbreviations = abbreviations

    def fresh(self) -> str:
        self.serial += 1
        return name(self.serial)

    def words(self, pool: list[str], count: int) -> str:
        return " ".join(self.rng.choice(pool) for _ in range(count))

    def percent(self) -> str:
        rng = self.rng
        low = rng.randint(2, 60)
        if rng.random() < 0.35:
            return f"{low}% to {low + rng.randint(3, 30)}%"
        return f"{low}%" if rng.random() < 0.8 else f"{low}.{rng.randint(1, 9)}%"

    def sentence(self, subject: str) -> str:
        """A plain sentence about `subject`, about 100-140 characters, no percentage."""
        rng = self.rng
        return (
            f"{subject} {rng.choice(_VERBS)} {rng.choice(_OUTCOMES)} when "
            f"{self.words(_ADJECTIVES, 1)} {self.words(_NOUNS, 1)} is planned with "
            f"{self.words(_ADJECTIVES, 1)} {self.words(_NOUNS, 1)} and "
            f"{rng.choice(_THINGS)} are followed up closely."
        )

    def percent_sentence(self) -> str:
        rng = self.rng
        subject = self.fresh()
        shape = rng.randrange(3)
        if shape == 0:
            return (
                f"About {self.percent()} of {rng.choice(_THINGS)} treated with {subject} "
                f"{self.words(_NOUNS, 1)} show better {rng.choice(_OUTCOMES)} within "
                f"{rng.randint(1, 10)} years of the first {self.words(_ADJECTIVES, 1)} "
                f"{self.words(_NOUNS, 1)}."
            )
        if shape == 1:
            return (
                f"In {rng.choice(_THINGS)} with {self.words(_ADJECTIVES, 1)} {subject} disease, "
                f"{self.words(_ADJECTIVES, 1)} {self.words(_NOUNS, 1)} {rng.choice(_VERBS)} "
                f"{rng.choice(_OUTCOMES)} by {self.percent()} compared with standard care."
            )
        return (
            f"{subject} {self.words(_NOUNS, 1)} was reported in {self.percent()} of "
            f"{rng.choice(_THINGS)}, and {self.words(_ADJECTIVES, 1)} {self.words(_NOUNS, 1)} "
            f"{rng.choice(_VERBS)} {rng.choice(_OUTCOMES)} in most of them."
        )

    def points(self, count: int) -> str:
        return "<br>".join(self.rng.sample(_POINTS, count))


def _subsection(writer: _Writer, unit_title: str, budget: int) -> tuple[str, int]:
    """A `###` subsection spending up to `budget` items; returns its Markdown and items used."""
    rng = writer.rng
    head = f"{writer.fresh()} {rng.choice(_NOUNS).title()} {rng.choice(_NOUNS).title()}"
    parts = [f"### {head}"]
    used = 0
    kinds = [kind for kind, _ in MIX]
    weights = [share for _, share in MIX]
    while used < budget:
        kind = rng.choices(kinds, weights)[0]
        left = budget - used
        if kind == "percent":
            count = min(left, rng.randint(1, 3))
            sentences = [writer.percent_sentence() for _ in range(count)]
            if rng.random() < 0.2 and writer.abbreviations:
                long, short = rng.choice(writer.abbreviations)
                template = rng.choice(_ABBREVIATION_SENTENCES)
                sentences.append(template.format(long=long, short=short))
            parts.append(" ".join(sentences))
        elif kind == "enumeration":
            count = min(left, rng.randint(3, 6))
            if count < 2:
                count = left
                parts.append(writer.percent_sentence())
            else:
                lead = (
                    f"The main {rng.choice(_NOUNS)} options for {writer.fresh()} "
                    f"{rng.choice(_NOUNS)} in {unit_title.lower()} include:"
                )
                items = [
                    f"- {writer.words(_ADJECTIVES, 1)} {writer.fresh().lower()} "
                    f"{writer.words(_NOUNS, rng.randint(1, 3))}"
                    for _ in range(count)
                ]
                parts.append(lead + "\n\n" + "\n".join(items))
        elif kind == "definition":
            count = min(left, rng.randint(3, 7))
            if count < 2:
                count = left
                parts.append(writer.percent_sentence())
            else:
                items = [
                    f"- **{writer.fresh()} {rng.choice(_NOUNS)}**: "
                    + writer.sentence(f"This {self_noun(rng)}")
                    for _ in range(count)
                ]
                parts.append("Key terms in this area:\n\n" + "\n".join(items))
        else:
            count = min(left, rng.randint(3, 8))
            if count < 2:
                count = left
                parts.append(writer.percent_sentence())
            else:
                rows = ["| Approach | Advantages | Limitations |", "|---|---|---|"]
                for _ in range(count):
                    subject = f"{writer.fresh()} {rng.choice(_NOUNS)}"
                    good = writer.points(rng.randint(2, 4))
                    bad = writer.points(rng.randint(1, 3))
                    rows.append(f"| {subject} | {good} | {bad} |")
                parts.append(
                    f"The approaches to {head.lower()} compare as follows.\n\n" + "\n".join(rows)
                )
        used += count
    return "\n\n".join(parts), used


def self_noun(rng: random.Random) -> str:
    return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"


def _faq(writer: _Writer, unit_number: str, count: int) -> str:
    rng = writer.rng
    parts = [f"## FAQ: Unit {unit_number}"]
    for _ in range(count):
        subject = f"{writer.fresh()} {rng.choice(_NOUNS)}"
        question = f"{rng.choice(_QUESTION_STARTS)} {subject} in {rng.choice(_OUTCOMES)}?"
        answer = writer.sentence(subject.capitalize())
        if rng.random() < 0.5:
            answer += " " + writer.sentence("Careful " + rng.choice(_NOUNS))
        elif rng.random() < 0.5:
            answer += " " + writer.percent_sentence()
        parts.append(f"### {question}\n\n{answer}")
    return "\n\n".join(parts)


def _units(
    n_items: int,
    seed: int,
    sections: int | None,
    pools: list[tuple[tuple[str, str], ...]] | None = None,
) -> list[_Unit]:
    """The content units with their FAQs, each from its own seeded generator.

    `pools[i]` are the abbreviations unit i may define (default: all of them).
    """
    n_items = max(n_items, 1)
    count = sections if sections else max(1, round(n_items / ITEMS_PER_UNIT))
    count = max(1, min(count, n_items))
    width = max(4, len(str(count - 1)))
    units = []
    for index in range(count):
        budget = n_items // count + (1 if index < n_items % count else 0)
        rng = random.Random(seed * 1_000_003 + index)
        # Names are unique across the whole document: each unit draws from its own range.
        pool = pools[index] if pools is not None else _ABBREVIATIONS
        writer = _Writer(rng, serial=index * (n_items // count + 1) * 8, abbreviations=pool)
        number = f"{index:0{width}d}"
        topic = f"{rng.choice(_ADJECTIVES).title()} {rng.choice(_NOUNS).title()}"
        title = f"Unit {number}: {topic}"
        faq_items = int(budget * FAQ_SHARE) if budget >= 5 else 0
        body_items = budget - faq_items
        parts = [f"## {title}", writer.sentence(f"This unit on {topic.lower()}")]
        used = 0
        while used < body_items:
            text, spent = _subsection(writer, topic, min(body_items - used, rng.randint(15, 40)))
            parts.append(text)
            used += spent
        if faq_items:
            parts.append(_faq(writer, number, faq_items))
        units.append(_Unit(index, "\n\n".join(parts), budget))
    return units


def _document(title: str, units: list[_Unit], part: str = "") -> str:
    front = (
        "---\n"
        f"title: {title}{part}\n"
        "source: Synthetic benchmark text (benchmarks/generate.py)\n"
        "---\n\n"
    )
    return front + f"# {title}{part}\n\n" + "\n\n".join(unit.text for unit in units) + "\n"


def generate(n_items: int, seed: int, sections: int | None = None) -> str:
    """One study document of `n_items` items; the same arguments always give the same text."""
    return _document("Synthetic Course", _units(n_items, seed, sections))


def generate_documents(
    n_items: int, seed: int, documents: int = DOCUMENTS, sections: int | None = None
) -> list[str]:
    """The course split into `documents` documents (whole units each, names unique).

    Each document defines its own share of the abbreviations: the builder reads abbreviations per
    document and refuses a deck where two documents define the same one (docs/performance.md).
    """
    count = unit_count(n_items, sections or max(documents, unit_count(n_items)))
    documents = max(1, min(documents, count))
    per = [count // documents + (1 if i < count % documents else 0) for i in range(documents)]
    shares = [_ABBREVIATIONS[d::documents] for d in range(documents)]
    pools = [shares[d] for d, size in enumerate(per) for _ in range(size)]
    units = _units(n_items, seed, count, pools)
    texts, start = [], 0
    for number, size in enumerate(per, 1):
        texts.append(_document("Synthetic Course", units[start : start + size], f" {number}"))
        start += size
    return texts


def unit_count(n_items: int, sections: int | None = None) -> int:
    count = sections if sections else max(1, round(max(n_items, 1) / ITEMS_PER_UNIT))
    return max(1, min(count, max(n_items, 1)))


def manifest(
    sources: list[str],
    units: int,
    single_subdeck: bool = False,
    title: str = "Synthetic Course",
    deck_id: int = DECK_ID,
) -> str:
    """A manifest for `sources`: one subdeck per ten units (glob patterns), or one taking all."""
    lines = [
        f'title = "{title}"',
        f"id = {deck_id}",
        f'topic = "{TOPIC}"',
        "sources = [" + ", ".join(f'"{source}"' for source in sources) + "]",
        "",
    ]
    if single_subdeck:
        lines += ["[[subdeck]]", 'name = "All"', 'sections = ["*"]', ""]
        return "\n".join(lines)
    width = max(4, len(str(units - 1)))
    for group in range((units + UNITS_PER_SUBDECK - 1) // UNITS_PER_SUBDECK):
        first = group * UNITS_PER_SUBDECK
        last = min(units, first + UNITS_PER_SUBDECK) - 1
        prefix = f"{first:0{width}d}"[:-1]
        lines += [
            "[[subdeck]]",
            f'name = "Units {first:0{width}d}-{last:0{width}d}"',
            f'sections = ["Unit {prefix}?: *", "FAQ: Unit {prefix}?"]',
            "",
        ]
    return "\n".join(lines)


def write_deck(
    n_items: int,
    seed: int,
    out_dir: str | Path,
    sections: int | None = None,
    single_subdeck: bool = False,
    slug: str = "synthetic",
) -> Path:
    """`out_dir/source/<slug>.md` and `out_dir/decks/<slug>.toml`; returns the manifest path."""
    out = Path(out_dir)
    (out / "source").mkdir(parents=True, exist_ok=True)
    (out / "decks").mkdir(parents=True, exist_ok=True)
    source = out / "source" / f"{slug}.md"
    source.write_text(generate(n_items, seed, sections), encoding="utf-8")
    path = out / "decks" / f"{slug}.toml"
    units = unit_count(n_items, sections)
    path.write_text(manifest([f"../source/{slug}.md"], units, single_subdeck), encoding="utf-8")
    return path


def write_multi_deck(
    n_items: int,
    seed: int,
    out_dir: str | Path,
    documents: int = DOCUMENTS,
    sections: int | None = None,
    slug: str = "synthetic-multi",
    single_subdeck: bool = True,
) -> tuple[Path, list[Path]]:
    """The same course as `documents` sources and one manifest; returns (manifest, sources).

    One subdeck takes everything by default: the builder checks every subdeck pattern against each
    document on its own, so patterns naming one document's units fail on the others (reported in
    docs/performance.md); `single_subdeck=False` writes the per-ten-units subdecks anyway.
    """
    out = Path(out_dir)
    (out / "source").mkdir(parents=True, exist_ok=True)
    (out / "decks").mkdir(parents=True, exist_ok=True)
    paths = []
    for number, text in enumerate(generate_documents(n_items, seed, documents, sections), 1):
        path = out / "source" / f"{slug}-{number:02d}.md"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    manifest_path = out / "decks" / f"{slug}.toml"
    manifest_path.write_text(
        manifest(
            [f"../source/{path.name}" for path in paths],
            unit_count(n_items, sections or max(documents, unit_count(n_items))),
            single_subdeck,
            title="Synthetic Course (documents)",
            deck_id=MULTI_DECK_ID,
        ),
        encoding="utf-8",
    )
    return manifest_path, paths


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n_items", type=int, help="number of items (facts)")
    parser.add_argument("out_dir", type=Path, help="folder to write source/ and decks/ into")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--sections", type=int, default=None, help="top-level content units")
    parser.add_argument("--single-subdeck", action="store_true", help='one subdeck, ["*"]')
    parser.add_argument(
        "--documents", type=int, default=0, help="also write the course split into N documents"
    )
    args = parser.parse_args(argv)
    path = write_deck(args.n_items, args.seed, args.out_dir, args.sections, args.single_subdeck)
    print(path)
    if args.documents:
        multi, _ = write_multi_deck(
            args.n_items, args.seed, args.out_dir, args.documents, args.sections
        )
        print(multi)


if __name__ == "__main__":
    main()
