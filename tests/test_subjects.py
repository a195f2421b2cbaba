"""Subjects: the topic a page title names and the subject a heading names, which every front
starts from. A card is read alone on a phone: "Velbarin in korrin fever?", never "Velbarin in
is korrin fever contagious? how long does it last?"."""

from __future__ import annotations

from pathlib import Path

import pytest

from builder.build import plan_deck
from builder.document import is_code_stem, is_unnamed_stem, parse_document
from builder.manifest import manifest_for_document, stable_id
from builder.rules.context import localised
from builder.text import (
    heading_subject,
    heading_text,
    is_container_heading,
    is_generic_heading,
    is_partial_heading,
    names_topic,
    newly_read,
    opening_subject,
    prose_language,
    short_answer,
    split_sentences,
    title_thing,
    title_topic,
)

TITLES = [
    # Plain titles: lower-cased mid-sentence, acronyms kept.
    ("Asthma", "asthma"),
    ("Type 2 Diabetes", "type 2 diabetes"),
    ("COPD", "COPD"),
    ("Stage 2 Hypertension", "stage 2 hypertension"),
    # Subtitles after " — ", ": ", " - ", " | " are not the subject.
    ("Korrin Fever — Basics", "korrin fever"),
    ("Korrin fever: symptoms, risks, and treatment", "korrin fever"),
    ("Velbarin - a drug reference", "velbarin"),
    ("Korrin Fever | Riverside Clinic", "korrin fever"),
    (
        "Tick Fevers & Korrin Disease — Previous Year Questions & Answers",
        "tick fevers & korrin disease",
    ),
    # A parenthesised synonym or course label goes.
    ("Korrin Fever (Tick Fever) — Basics", "korrin fever"),
    ("Drugs in kidney failure (Pharmacology)", "drugs in kidney failure"),
    # Course, module, chapter and outline numbers go.
    ("Module 4: Wound Care & Dressings", "wound care & dressings"),
    ("Chapter 2: Imaging of the Jaw", "imaging of the jaw"),
    ("Appendix II: Korrin Fever Medications", "korrin fever medications"),
    ("Lesson 3.1: Measuring Vital Signs", "measuring vital signs"),
    ("06 Korrin Fever", "korrin fever"),
    ("Study Guide: Chapter 9 - Korrin Fever", "korrin fever"),
    ("Book Chapter - Velbar Ch12 - Korrin Fever", "korrin fever"),
    ("Velbar Chapter 5 - Korrin Fever", "korrin fever"),
    ("Korrin Stings -- Adult Protocol", "korrin stings"),
    ("Part 2 - Velbarin Dosing", "velbarin dosing"),
    ("12.3.1 Drugs In Kidney Failure (Pharmacology)", "drugs in kidney failure"),
    # A question title names its subject.
    ("Is Korrin Fever Contagious? How Long Does It Last?", "korrin fever"),
    ("What Is Korrin Fever?", "korrin fever"),
    ("Can Korrin Fever Be Cured?", "korrin fever"),
    ("How Long Is Korrin Fever Contagious?", "korrin fever"),
    # An exam question asking for sides of a thing (numbered or not) names the thing.
    ("Q7. What are the features and treatment of korrin fever?", "korrin fever"),
    (
        "Question 12: What are the clinical features, diagnosis and main differentials of "
        "velbar syndrome?",
        "velbar syndrome",
    ),
    ("What is the mechanism of action of velbarin?", "velbarin"),
    ("Q3: How is korrin fever treated?", "korrin fever"),
    ("What is the capital of Korrinland?", "capital of Korrinland"),  # no side of a thing
    # Study-guide words and emoji are not the subject.
    ("Korrin Fever: A Study Guide", "korrin fever"),
    ("Study Guide: Korrin Fever", "korrin fever"),
    ("Understanding Korrin Fever", "korrin fever"),
    ("Korrin fever notes", "korrin fever"),
    ("05 korrin fever ward slides", "korrin fever ward"),
    ("Velbarin lecture", "velbarin"),
    ("Breech presentation", "breech presentation"),
    ("🩺 Korrin Fever", "korrin fever"),
    # A course code, an assessment or a long module title gives no topic: the source line
    # above each question names the document already.
    ("PHP 210 Quiz 2", ""),
    ("NR KRF210 Final Exam Concept Blueprint", ""),
    ("Module 3: Basic Ward Skills & Observation Charts", ""),
    ("Korrin Fever Midterm Study Guide", ""),
    ("Module 5 Quiz: Wound Care", "wound care"),
    ("PHP 317: Cardiac Drugs", "cardiac drugs"),
    # A course code before a course of a numbered series names the course, not a subject.
    ("KRN 1204 Ward Care II (Crises) — Quick Sheets (v3)", ""),
    ("VLB 310 Pharmacology 2", ""),
    ("Ward Care II", "ward care II"),
    ("VLB 310 Velbarin Type II", "velbarin type II"),
    ("Korrin Fever Quiz", "korrin fever"),
    ("Breast Cancer Metastasis to the Liver", "breast cancer metastasis to the liver"),
    ("CYP450 Inhibitors", "CYP450 inhibitors"),
    ("COVID-19", "COVID-19"),
    ("Physical Exam of the Knee", "physical exam of the knee"),
    # An acronym before the colon spelled out after it: the words, not the letters.
    ("KFT: Korrin Fever Therapy", "korrin fever therapy"),
    ("KF: Velbarin Dosing", "KF"),
    # A title naming only its readers or its format gives no topic.
    ("Patient & Family Guide 2024", ""),
    ("Information for Parents and Carers", ""),
    ("Korrin Fever: Information for Patients", "korrin fever"),
    # A discipline read of a thing names the thing; a discipline of its own stays.
    ("Velbarin Pharmacology and Notes", "velbarin"),
    ("Velbarin Pharmacology", "velbarin"),
    ("Pathophysiology of Korrin Fever", "korrin fever"),
    ("Pharmacology of opioids", "opioids"),
    ("Anatomy of the Knee", "knee"),
    ("Clinical Pharmacology", "clinical pharmacology"),
    ("Cardiac Pharmacology Notes", "cardiac pharmacology"),
    ("Renal Physiology", "renal physiology"),
    ("Gross Anatomy", "gross anatomy"),
    ("Anti-Korrin Pharmacology", "Anti-Korrin pharmacology"),
    ("Pharmacology Notes", "pharmacology"),
    # A course meeting names no subject: "Day 3", "Week 5", "Lecture 12"; a stage of an
    # illness written another way is one ("Stage 2 hypertension"), and so is a drug's class.
    ("Day 3", ""),
    ("day3", ""),
    ("Week 5", ""),
    ("Lecture 12", ""),
    ("Day 3: Choking", "choking"),
    ("Day 1 of Treatment", "day 1 of treatment"),
    ("Day 14 of the cycle", "day 14 of the cycle"),
    ("Stage 2 Hypertension", "stage 2 hypertension"),
    ("Class 1 Antiarrhythmics", "class 1 antiarrhythmics"),
    # A phrase of more than five words repeats the page title, however small its little
    # words: when it names parts or regions of a thing "in" or "of" which a few words name,
    # that thing; a thing in a setting or one thing in six words stays whole.
    ("Landmark Zones in the Upper Arm", "the upper arm"),
    ("Complications of Korrin Fever in the Elderly", "korrin fever in the elderly"),
    ("Korrin Fever in the Elderly", "korrin fever in the elderly"),
    ("Korrin Fever Relapse in the Elderly", "korrin fever relapse in the elderly"),
    ("Korrin Signs in Adults and Children", "korrin signs in adults and children"),
    ("Zones of the Arm and of the Upper Shoulder", "zones of the arm and of the upper shoulder"),
    # A guide's praise and its scaffold are not its subject, nor the management a guide to a
    # condition covers: the condition is ("… in korrin fever", not "… in comprehensive guide
    # to korrin fever management"). Without a guide word the phrase is the subject.
    ("Comprehensive Guide to Korrin Fever Management", "korrin fever"),
    ("A Practical Guide To Velbar Gout Treatment", "velbar gout"),
    ("The Essential Handbook of Korrin Fever", "korrin fever"),
    ("Quick Overview of Korrin Fever", "korrin fever"),
    ("Korrin Fever Management: A Complete Guide", "korrin fever"),
    ("Korrin Fever: A Guide", "korrin fever"),
    ("Korrin Fever Management", "korrin fever management"),
    ("A Guide to Wound Care", "wound care"),
    ("Practical Nursing Skills", "practical nursing skills"),
    # A title naming its readers with an adjective of theirs names no topic either; a thing
    # so qualified is a subject.
    ("First-Time Carer Handbook", ""),
    ("Expectant Family Guide", ""),
    ("New Velbarin Formulations", "new velbarin formulations"),
    ("Guía del paciente: Fiebre korrina", "fiebre korrina"),
    # A document genre before a colon: the subject is after it, with whom it is for.
    ("Neonatal Protocol: Korrin Crisis", "neonatal korrin crisis"),
    ("Clinical Guideline: Korrin Fever", "korrin fever"),
    ("Protocolo pediátrico: Fiebre korrina", "fiebre korrina"),
    ("Korrin Fever Protocol: Adults", "korrin fever"),
    ("Velbar Procedure", "velbar procedure"),
    # The approach a page takes and whom it is written for are not its subject.
    ("Korrin Fever by First Principles", "korrin fever"),
    ("Heart Murmurs Made Easy", "heart murmurs"),
    ("Velbarin Dosing in a Nutshell", "velbarin dosing"),
    ("Korrin Fever for Parents and Carers", "korrin fever"),
    ("Korrin Fever for Adults", "korrin fever for adults"),
    # A file name's genre words, however many, after its subject.
    ("Renal Review HY", "renal"),
    ("High-Yield Korrin Fever Notes", "korrin fever"),
    ("Korrin Fever Summary Sheet", "korrin fever summary sheet"),
    # The form a page was made in, as a title's head, is no subject: the other part is.
    ("Guion TikTok — Velbarina", "velbarina"),
    ("Podcast notes - Korrin fever", "korrin fever"),
    ("Video script: Velbarin dosing", "velbarin dosing"),
    ("Korrin Fever — Podcast notes", "korrin fever"),
    ("Velbar Podcast Safety — Hearing loss", "velbar podcast safety"),
    # A workflow, like a protocol, is the kind of page; an issuer's acronym and the genre's own
    # acronym before the subject are no part of it, nor is a guide's "quick".
    ("WHO Standard Treatment Workflow (STW) KORRIN FEVER TYPE 2", "korrin fever type 2"),
    ("Korrin Fever Workflow", "korrin fever"),
    ("Korrin Fever Standard Treatment Workflow", "korrin fever"),
    ("Velbar Clinical Pathway 2", "velbar"),
    ("Clinical Pathway (CP) Korrin Fever", "korrin fever"),
    ("Velbar Reaction (VR) Korrin Fever", "velbar reaction korrin fever"),
    ("Korrin bites quick guide", "korrin bites"),
    ("Standard Treatment Workflow (STW)", ""),
    # A file's name as a title: the parts before its year (and its author) name the subject.
    ("4. Velbar Blockers_K SMITH_2025 NORTH UNI", "velbar blockers"),
    ("korrin_fever_2019", "korrin fever"),
    ("type_2_korrin", "type_2_korrin"),
    ("Clinical Guidelines", ""),
]


@pytest.mark.parametrize(("title", "topic"), TITLES)
def test_a_title_names_a_short_topic(title: str, topic: str) -> None:
    assert title_topic(title) == topic


HEADINGS = [
    ("2. Pulse", "Pulse"),
    ("2.2.3 Limitations", "Limitations"),
    ("2.1 Introduction", "Introduction"),
    ("1.) How often?", "How often?"),
    ("3) Diet", "Diet"),
    ("Level 2 — Step by step", "Step by step"),
    ("Module 3: Vital Signs", "Vital Signs"),
    ("A. Medication Administration", "Medication Administration"),
    ("b. Slow Refill (0.2 seconds)", "Slow Refill (0.2 seconds)"),
    ("iv) Korrin Phase", "Korrin Phase"),
    ("c. 维巴林", "维巴林"),
    ("2. a. Early Phase", "Early Phase"),
    ("Drug classes`keep this order!`", "Drug classes"),
    ("func`slows the heart` and more", "func and more"),
    ("🎯 Must-Know Concepts", "Must-Know Concepts"),
    ('<span id="basics">Basics</span>', "Basics"),
    ("Dosing {: .note}", "Dosing"),
    ("**Velbarin** dosing", "Velbarin dosing"),
    # Numbers that are the subject stay.
    ("Stage 2 Hypertension", "Stage 2 Hypertension"),
    ("12 Cranial Nerves", "12 Cranial Nerves"),
    ("2.5 mg tablets", "2.5 mg tablets"),
    ("0.9% Saline", "0.9% Saline"),
    ("Type II — Antibody-Mediated", "Type II — Antibody-Mediated"),
    ("e. coli carriage", "e. coli carriage"),
    ("vs. Placebo", "vs. Placebo"),
    ("c) lower-case words", "c) lower-case words"),
    ("Doses at `night`", "Doses at night"),
    ("`ERP`", "ERP"),
    # A heading in capitals is written as a sentence, abbreviations kept; one word stays.
    ("DRUGS TO AVOID", "Drugs to avoid"),
    ("🚨 SIGNS AND SYMPTOMS", "Signs and symptoms"),
    ("COPD IN PREGNANCY", "COPD in pregnancy"),
    ("NSAIDS AND MI", "NSAIDS and MI"),
    ("ARDS IN ADULTS", "ARDS in adults"),  # four letters that are no common word
    ("HIV AND AIDS", "HIV and AIDS"),
    ("SAFE DRUGS", "Safe drugs"),
    ("RISK AND DOSE", "Risk and dose"),
    ("KORRIN FEVER (KF) CARE", "Korrin fever (KF) care"),
    ("HEALTH ADVICE FOR US", "Health advice for us"),
    ("H1N1 VACCINE", "H1N1 vaccine"),
    ("COPD", "COPD"),
    ("VELBAR 2016", "VELBAR 2016"),
    ("NSAIDs and Asthma", "NSAIDs and Asthma"),
    # Where the author took the matter from, and a coder's label, are no part of a subject.
    ("**Velbar signs according to the PDF :**", "Velbar signs"),
    ("II. Korrin fever (PDF)", "Korrin fever"),
    ("Key points (from the slides)", "Key points"),
    ("KORRIN FEVER TYPE 2 ICD-10-K77", "Korrin fever type 2"),
    ("Korrin fever (ICD-10: K77.1) — treatment", "Korrin fever — treatment"),
    ("Slides of a blood film", "Slides of a blood film"),
    ("Reading the PDF export", "Reading the PDF export"),
]


@pytest.mark.parametrize(("heading", "text"), HEADINGS)
def test_a_heading_is_cleaned_of_numbering_and_emoji(heading: str, text: str) -> None:
    assert heading_text(heading) == text


@pytest.mark.parametrize(
    "heading",
    [
        "Overview",
        "Definition",
        "Overview / Definition",
        "Key points",
        "Notes & summary",
        "📌 Notes",
        "High-Yield Summary",
        "Final Takeaways",
        "Take-home messages",
        "FACT SHEET",
        "Cheat sheet",
        "14/02/2024",
        "2024-02-14",
        "Week of 5 May",
        "Tuesday 5th May 2026",
        "May 5, 2026",
        "💬 KURZ",
        "🚨 CAVE / MERKE 💡",
        "Points clés EDN (selon PDF)",
        "Key points USMLE",
        "Points de vigilance",
        "À retenir",
        "Page 3",
        "Slide 4 / 12",
        "Diapo 7",
    ],
)
def test_generic_headings_name_no_subject(heading: str) -> None:
    assert is_generic_heading(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "Treatment",
        "Pulse",
        "Overview of dosing",
        "Key drugs",
        "Sheet",
        "Velbarin handout",
        "Stage 2 to 3",
        "1-2",
        "March",
        "3 months",
        "USMLE",
        "Kurzdarmsyndrom",
        "Cave of Retzius",
        "Page layout",
        "Slide preparation",
    ],
)
def test_other_headings_are_subjects(heading: str) -> None:
    assert not is_generic_heading(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "Clinical Pearls",
        "Bedside pearl",
        "Region-Specific Context",
        "Trials and Literature",
        "Landmark trials",
        "💡 Important Reminders",
        "Tips regarding inspection",
        "Notes on dosing",
        "Fun facts",
        "Pro tips",
        "Quick Reference Chart",
        "Quick assessment checklist",
        "Medical explanation",
        "Model oral answer",
        "Must-know board facts",
        "Recall spine",
        "Quick “At-a-glance” box (top of page)",
    ],
)
def test_container_headings_name_a_box_of_points(heading: str) -> None:
    assert is_container_heading(heading)


@pytest.mark.parametrize(
    "heading",
    [
        "Pearl millet",
        "Pressure points",
        "Safety tips",
        "Key points",
        "Tips for parents",
        "Clinical trials",
        "Growth chart",
        "Skills competency checklist",
        "Explanation",
        "Answer",
        "Spine",
        "Lumbar spine",
        "Letter box",
        "Clinical pearls (tropical fevers)",
    ],
)
def test_other_headings_are_no_containers(heading: str) -> None:
    """A thing ("Pearl millet"), a subject before the noun ("Safety tips", "Pressure points"),
    a generic heading (no name for a list either), a setting after it ("Tips for parents")."""
    assert not is_container_heading(heading)


def test_a_container_heading_gives_the_thing_above_it_or_what_it_is_about() -> None:
    assert heading_subject(("Clinical Pearls",)) == ""
    assert heading_subject(("Velbarin (VLB)", "Clinical pearl")) == "Velbarin"
    assert heading_subject(("Korrin fever", "Limitations", "Bedside pearls")) == "Korrin fever"
    assert heading_subject(("Tips regarding inspection",)) == "Inspection"
    assert heading_subject(("Clinical pearls: Velbarin",)) == "Velbarin"
    assert heading_subject(("Korrin fever", "Pearl millet")) == "Pearl millet"
    assert heading_subject(("Korrin fever", "Quick reference chart")) == "Korrin fever"
    assert heading_subject(("Medical explanation: The velbar stage",)) == "The velbar stage"
    assert heading_subject(("Clinical trials",)) == "Clinical trials"
    assert heading_subject(("Velbarin", "Clinical trials")) == "Velbarin — clinical trials"
    assert heading_subject(("Velbarin", "Landmark trials")) == "Velbarin"


@pytest.mark.parametrize(
    ("heading", "subject"),
    [
        ("Touch (5)", "Touch"),
        ("Tongue (9, 10, 12)", "Tongue"),
        ("Incidence (2024 data)", "Incidence"),
        ("Reflex (0 absent, 1 weak, 2 normal, 3 brisk, 4 clonus)", "Reflex"),
        ("Korrin sign (velbar)", "Korrin sign (velbar)"),
        ("Type 2 (adult onset)", "Type 2 (adult onset)"),
        (
            "KLS (Korrin Life Support -- first responder)",
            "KLS (Korrin Life Support -- first responder)",
        ),
        ("(5)", "(5)"),
    ],
)
def test_a_heading_aside_that_names_nothing_is_no_part_of_the_subject(
    heading: str, subject: str
) -> None:
    """The author's nerve numbers, a data year or a scale's key after a heading: "Tongue (9, 10,
    12) in neuro exam:" reads worse than "Tongue in neuro exam:"; an aside naming the thing
    stays."""
    assert heading_subject(("Neuro exam", heading)) == subject


@pytest.mark.parametrize(
    ("heading", "subject"),
    [
        ("What treatment usually looks like", "Treatment"),
        ("What recovery involves", "Recovery"),
        ("What your results mean", "Results"),
        ("What it feels like", "What it feels like"),
        ("What to expect", "What to expect"),
    ],
)
def test_a_heading_saying_what_a_thing_is_like_names_it(heading: str, subject: str) -> None:
    assert heading_subject((heading,)) == subject


def test_a_generic_heading_takes_its_parents_subject_or_none() -> None:
    assert heading_subject(("Korrin fever", "Overview / Definition")) == "Korrin fever"
    assert heading_subject(("3. Assessment", "2. Pulse")) == "Pulse"
    assert heading_subject(("Overview",)) == ""
    assert heading_subject(("📚 Comprehensive answer: Korrin fever",)) == "Korrin fever"
    # A heading written as a sentence about its subject: the words before its "is".
    assert heading_subject(("Caring for your velbar is vital for good health.",)) == (
        "Caring for your velbar"
    )
    assert heading_subject(("Why velbar matters",)) == "Why velbar matters"
    assert heading_subject(("Dose is weight-based",)) == "Dose is weight-based"  # no full stop


def test_zero_config_topic_comes_from_the_title_and_front_matter_wins(tmp_path: Path) -> None:
    titled = parse_document(
        tmp_path / "a.md", '---\ntitle: "Is Korrin Fever Contagious?"\n---\n## A\n\nx\n'
    )
    assert manifest_for_document(titled).topic == "korrin fever"
    explicit = parse_document(
        tmp_path / "b.md",
        "---\ntitle: 'Module 2: Ticks'\ntopic: Korrin fever (KF)\n---\n## A\n\nx\n",
    )
    assert manifest_for_document(explicit).topic == "korrin fever (KF)"
    # one word the title does not hold is a category (a question bank's `topic: infectious`)
    category = parse_document(
        tmp_path / "c.md", "---\ntitle: Korrin Fever Relapse\ntopic: infectious\n---\n## A\n\nx\n"
    )
    assert manifest_for_document(category).topic == "korrin fever relapse"
    named = parse_document(
        tmp_path / "d.md", "---\ntitle: Korrin Fever in Children\ntopic: korrin\n---\n## A\n\nx\n"
    )
    assert manifest_for_document(named).topic == "korrin"
    stem = parse_document(tmp_path / "06-korrin-fever.md", "## A\n\nx\n")
    assert manifest_for_document(stem).topic == "korrin fever"


def test_a_title_naming_only_its_readers_takes_the_subject_its_subtitle_names(
    tmp_path: Path,
) -> None:
    # the heading right under the title, before any text, is the title's second line
    subtitled = parse_document(
        tmp_path / "a.md",
        "# Carer Handbook\n## Danger Signs in Your Toddler\n\n## Fever\n\n- Call: at 39 °C\n",
    )
    assert manifest_for_document(subtitled).topic == "toddler"
    plain_subtitle = parse_document(
        tmp_path / "b.md", "# Carer Handbook\n## Korrin Fever\n\n## Fever\n\n- Call: at 39 °C\n"
    )
    assert manifest_for_document(plain_subtitle).topic == "korrin fever"
    # a heading with text of its own is a section, not a subtitle
    section = parse_document(
        tmp_path / "c.md",
        "# Carer Handbook\n## Danger Signs in Your Toddler\n\n- Fever: over 39 °C\n\n## B\n\nx\n",
    )
    assert manifest_for_document(section).topic == ""


def test_a_heading_naming_a_part_of_its_parents_subject_joins_the_parent() -> None:
    assert heading_subject(("2.2 Velbarin Scanning", "2.2.3 Limitations")) == (
        "Velbarin Scanning — limitations"
    )
    # the parent as a front opens: its acronym, without its subtitle or brackets
    assert heading_subject(("Korrin Resonance Imaging (KRI)", "Contraindications")) == (
        "KRI — contraindications"
    )
    assert heading_subject(("Mechanism (three levels)", "Level 2 — Step-by-step")) == (
        "Mechanism — step-by-step"
    )
    assert heading_subject(("Prevention strategies", "For household members")) == (
        "Prevention strategies — for household members"
    )
    # a heading naming its own subject, repeating its parent's, or without a parent: alone
    assert heading_subject(("Prognosis", "Factors affecting prognosis")) == (
        "Factors affecting prognosis"
    )
    assert heading_subject(("Symptoms of korrin fever", "Typical symptoms")) == "Typical symptoms"
    assert heading_subject(("Treatment options", "Antibiotic treatment")) == "Antibiotic treatment"
    assert heading_subject(("Clinical features",)) == "Clinical features"


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("A rash (Smith et al., J Korr 2015;4:1-9).", "A rash."),
        ("Done by hand (see Section 2.10).", "Done by hand."),
        ("Seen (in 2%; Lee, J Korr 2006;1:2-9) often", "Seen (in 2%) often"),
        ("Seen in adults (over 18) and children", "Seen in adults (over 18) and children"),
        ("0.2 mm. Smaller is sharper. Larger is faster.", "0.2 mm."),
        ("2 cm. Deeper tissue is blurred.", "2 cm. Deeper tissue is blurred."),
        ("Use e.g. Velbarin. Or tessalid. Or both.", "Use e.g. Velbarin."),
        ("Yes. It spreads. It itches.", "Yes. It spreads. It itches."),
        ("Too large? The cells swell. They burst.", "Too large? The cells swell."),
    ],
)
def test_an_answer_keeps_its_facts_without_citations_or_a_paragraph(text: str, short: str) -> None:
    assert short_answer(text) == short


@pytest.mark.parametrize(
    ("text", "topic", "named"),
    [
        ("Diagnosis:", "TB", False),  # a topic of short words only is named by itself
        ("Latent TB infection:", "TB", True),
        ("Tablets:", "TB", False),  # inside another word is no naming
        ("Criteria for the diagnosis of diabetes:", "DM", True),  # a subject of its own
        ("Causes of korrin fever:", "korrin fever", True),
        ("Diagnosis:", "korrin fever", False),
    ],
)
def test_a_front_names_its_topic(text: str, topic: str, named: bool) -> None:
    assert names_topic(text, topic) is named


def test_the_source_line_shows_headings_as_text() -> None:
    """The Source field is text: a heading written in bold shows its words, not asterisks."""
    from builder.text import source_path

    path = ("**1. Dosing**", "Children *under* 5", r"\_\_load first")
    shown = source_path("Korrin fever", path)
    assert shown == "Korrin fever — 1. Dosing › Children under 5 › __load first"
    glued = ("Drug classes`learn in order!`", "Doses at `night`")
    assert source_path("Korrin fever", glued) == "Korrin fever — Drug classes › Doses at night"


SHOUTED = """\
# Korrin fever

## KORVAX DOSING

Give KORVAX within 12 hours of the rash; it halves the fever.

## SAFE DRUGS

- Velbarin: safe in pregnancy
- Tessalid: safe when breastfeeding

## WHAT NOT TO DO

- Do NOT give velbarin with milk
- Do not give tessalid under 3 months
"""


def test_a_heading_in_capitals_keeps_the_abbreviations_the_text_writes() -> None:
    """ "KORVAX" reads as a word, so letters alone would write "Korvax dosing"; the running text
    writes it in capitals and never in lower case, so it is an abbreviation the heading keeps.
    A word shouted for emphasis ("NOT", also written "not") is lowered as before."""
    document = parse_document(Path("korrin.md"), SHOUTED)
    titles = [section.title for section in document.sections]
    assert titles[0] == "KORVAX dosing"
    assert heading_subject(document.sections[0].path) == "KORVAX dosing"
    assert heading_subject(document.sections[1].path) == "Safe drugs"
    assert heading_subject(document.sections[2].path) == "What not to do"
    alone = SHOUTED.replace("Give KORVAX", "Give it")
    assert heading_subject(parse_document(Path("korrin.md"), alone).sections[0].path) == (
        "Korvax dosing"
    )


_LONG = "Instructions for setting up and looking after a velbar pump for an infusion at home"


@pytest.mark.parametrize(
    ("source", "topic"),
    [
        # a site's menu name for the page
        (f"---\ntitle: {_LONG}\nshort_title: Velbar pump\n---\n## A\n\nx\n", "velbar pump"),
        (f"---\ntitle: {_LONG}\nnav_title: Velbar pump care\n---\n## A\n\nx\n", "velbar pump care"),
        # a kramdown running head under the `#` heading
        (f'# {_LONG}\n{{:title="Velbar home pump"}}\n\n## A\n\nx\n', "velbar home pump"),
        # a `#` heading shorter than the front matter's title, naming the same thing
        (
            f"---\ntitle: 4. {_LONG}\n---\n# Velbar pump at home\n\n## A\n\nx\n",
            "velbar pump at home",
        ),
        # a front matter topic still wins
        (
            f"---\ntitle: {_LONG}\nshort_title: Velbar pump\ntopic: home pumps\n---\n## A\n\nx\n",
            "home pumps",
        ),
        # no short title: the long title gives no topic, as before
        (f"---\ntitle: {_LONG}\n---\n## A\n\nx\n", ""),
        # a shorter `#` heading naming another thing is no short title of the page
        (f"---\ntitle: {_LONG}\n---\n# Equipment list\n\n## A\n\nx\n", ""),
    ],
)
def test_a_pages_short_title_names_its_topic(source: str, topic: str, tmp_path: Path) -> None:
    """A 15-word page title opened every front of a procedure; the page named itself in a few
    words too (`short_title`, `nav_title`, a kramdown `{:title="…"}` running head, a shorter
    `#` heading): that short name is the topic."""
    document = parse_document(tmp_path / "page.md", source)
    assert manifest_for_document(document).topic == topic


@pytest.mark.parametrize(
    ("title", "thing"),
    [
        ("Asthma", "asthma"),  # a title that is a topic gives it
        ("Major Side Effects Of Systemic Velbarin Salts", "systemic velbarin salts"),
        ("Common serious side effects of oral velbarin", "oral velbarin"),
        ("Key clinical features of acute korrin fever", "acute korrin fever"),
        # "of" after words that name no part of a thing: nothing
        ("Instructions for the care of a velbar pump at home", ""),
        ("Final exam review of the whole korrin fever module", ""),
    ],
)
def test_a_long_title_naming_a_part_of_a_thing_names_that_thing(title: str, thing: str) -> None:
    """A question leaning on the ones before it ("Does it …?") needs the page's thing on its
    front; "Major side effects of X" is too long to be a topic but names X."""
    assert title_thing(title) == thing


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("Fold it (approx. 4 cm) over. Tape it.", ["Fold it (approx. 4 cm) over.", "Tape it."]),
        ("Know drug P vs. Drug Q well. Then R.", ["Know drug P vs. Drug Q well.", "Then R."]),
        (
            "Give a steroid, e.g. Velbarin. Check the INR.",
            ["Give a steroid, e.g. Velbarin.", "Check the INR."],
        ),
        ("Use max. 3 doses, cf. Table 2. Stop.", ["Use max. 3 doses, cf. Table 2.", "Stop."]),
        (
            "Wait (see Fig. 2. It shows how) then rinse.",
            ["Wait (see Fig. 2. It shows how) then rinse."],
        ),
        ("Soak it for 10 min. Then rinse.", ["Soak it for 10 min.", "Then rinse."]),
        ("The rate is 60/min. Count again.", ["The rate is 60/min.", "Count again."]),
        ("Open (never closed. Next one.", ["Open (never closed.", "Next one."]),
        ("1) Wash. 2) Dry.", ["1) Wash.", "2) Dry."]),
    ],
)
def test_an_abbreviations_period_ends_no_sentence(text: str, sentences: list[str]) -> None:
    """One splitter for every rule: a period after an abbreviation, or inside a bracket closed
    later, ends no sentence; a unit's ("10 min.") may."""
    assert split_sentences(text) == sentences


@pytest.mark.parametrize(
    ("path", "subject"),
    [
        (("Effects of Brenna tea", "Short term"), "Effects of Brenna tea — short term"),
        (("Quenzol", "Misc."), "Quenzol — misc."),
        (("Blorbic rash", "Mild (1-10%)"), "Blorbic rash — mild"),
        (("Pyelitis", "Outpatient (stable, eating)"), "Pyelitis — outpatient (stable, eating)"),
        (("Pyelitis", "Home remedies"), "Home remedies"),  # a thing of its own
        (("Réaction", "Sévère"), "Réaction — sévère"),
        (("不良反应（分级）", "重度 (<1%)"), "不良反应 — 重度"),
        (("Tremor", "Resting type"), "Tremor — resting type"),
        (("Wound healing", "Cell players", "Other cells"), "Wound healing — other cells"),
        (("Short term",), "Short term"),  # nothing above to be a part of
        (("Tremor", "Bright light boxes"), "Bright light boxes"),  # a thing of its own
        (("Transfusion", "Blood group testing"), "Blood group testing"),
    ],
)
def test_a_heading_named_only_by_its_parent_joins_it(path: tuple[str, ...], subject: str) -> None:
    """ "Short term", "Misc", "Other cells" or "Resting type" ask nothing alone: the heading
    above names what they are a part of; when it repeats them ("Cell players"), the one above
    that does."""
    assert heading_subject(path) == subject


@pytest.mark.parametrize(
    ("title", "partial"),
    [
        ("Short Term", True),
        ("Long-term", True),
        ("Other involved cells", True),
        ("Immune type", True),
        ("Types", False),
        ("Type 2 diabetes", False),
        ("Otherwise healthy adults", False),
        ("Short stature", False),
        ("Mild to moderate", True),
        ("Outpatient (stable, eating)", True),
        ("Inpatient", True),
        ("Mild cognitive impairment", False),
        ("Severe malaria", False),
    ],
)
def test_which_headings_are_parts_of_their_parent(title: str, partial: bool) -> None:
    assert is_partial_heading(title) is partial


def test_a_document_asks_parent_qualified_headings_of_their_parent() -> None:
    """tests/documents/parent-qualified-headings.md: qualifier, "Other X" and "X type" headings
    and a drug's label under a shared "SEs" heading name their thing; a heading that names a
    thing of its own, and a lone drug's "SEs", ask as before."""
    from builder import manifest_for_source, plan_deck

    document = Path(__file__).parent / "documents" / "parent-qualified-headings.md"
    fronts = [
        packaged.note.front.split("\n")[0]
        for packaged in plan_deck(manifest_for_source(document)).notes
    ]
    for wanted in (
        "Morvane — SEs in calming agents:",
        "Pelitra — SEs in calming agents:",
        "Quenzol — misc in calming agents?",
        "Effects of Brenna Root Tea — short term in calming agents:",
        "Effects of Brenna Root Tea — long-term in calming agents:",
        "Tremor — resting type in calming agents?",
        "Sleep helpers — other helpful devices in calming agents?",
        "Quenzol — SEs in calming agents:",
        "Bright light boxes in calming agents?",
    ):
        assert wanted in fronts, (wanted, fronts)


def test_a_first_heading_over_sibling_facet_headings_is_the_topic(tmp_path: Path) -> None:
    """A monograph whose title names nothing ("chapter-7.md") puts its drug and the drug's facets
    side by side (`## Velbarin`, `## Kinetics`): the facets' fronts name the drug. Two headings
    that each name a subject, or a facet first, give no topic."""
    source = tmp_path / "chapter-7.md"
    source.write_text(
        "## **Velbarin**\n\n**Main use:** Korrin fever.\n\n"
        "## **Kinetics**\n\n**Half-life:** Six hours.\n\n## Side effects\n\n- Rash\n- Fever\n",
        encoding="utf-8",
    )
    assert manifest_for_document(parse_document(source)).topic == "velbarin"
    source.write_text("## Velbarin\n\nText.\n\n## Tessalid\n\nText.\n", encoding="utf-8")
    assert manifest_for_document(parse_document(source)).topic == ""
    source.write_text("## Kinetics\n\nText.\n\n## Uses\n\nText.\n", encoding="utf-8")
    assert manifest_for_document(parse_document(source)).topic == ""


def test_a_question_title_names_the_deck_by_its_subject_and_keeps_its_id(tmp_path: Path) -> None:
    """An exam question as the page's title ("Q7. What are the features and treatment of korrin
    fever?") names the deck and the topic by what it asks about; the deck's id stays the
    title's, so notes built before keep their identities. Its answer's parts ("Model oral
    answer", "Must-know board facts") are boxes, not subjects: fronts open with the topic."""
    question = "Q7. What are the features and treatment of korrin fever?"
    source = tmp_path / "q7.md"
    source.write_text(
        f"# {question}\n\n## Model oral answer\n\n"
        "Treatment options include **rest**, **velbarin** and **cool fluids**.\n\n"
        "## Must-know board facts\n\n- **Commonest site:** the knee.\n- **Rash:** on the shins.\n",
        encoding="utf-8",
    )
    manifest = manifest_for_document(parse_document(source))
    assert manifest.title == "Korrin fever"
    assert manifest.topic == "korrin fever"
    assert manifest.deck_id == stable_id("deckbuilder", question)
    fronts = [packaged.note.front for packaged in plan_deck(manifest).notes]
    assert "Korrin fever: Commonest site?" in fronts, fronts
    assert any(front.startswith("Korrin fever: Treatment options include") for front in fronts)
    assert not any("Model oral answer" in front or "board facts" in front for front in fronts)
    source.write_text("# Korrin fever\n\n## Care\n\nRest.\n", encoding="utf-8")
    assert manifest_for_document(parse_document(source)).title == "Korrin fever"


@pytest.mark.parametrize(
    ("stem", "code"),
    [
        ("k7x2_translated", True),
        ("05-k7x2_translated", True),
        ("Q020", True),
        ("3f9a2c1be0", True),
        ("korrin_translated", False),
        ("covid19_notes", False),
        ("b12-deficiency", False),
        ("type_2_diabetes", False),
        ("lecture12", False),
    ],
)
def test_a_file_name_that_is_a_code_names_nothing(stem: str, code: bool) -> None:
    assert is_code_stem(stem) == code


def test_several_top_headings_under_a_code_name_take_the_first_heading(tmp_path: Path) -> None:
    """A page of several `#` headings saved as "k7x2_translated.md" is named by its first `#`
    heading (said once when it ends with the word it opens with), not "K7X2 Translated"; a file
    that names its subject keeps its name, and a generic first heading names nothing."""
    text = (
        "# Korrin Care Korrin\n\nRest.\n\n# Chapter: Dosing\n\nText.\n\n# Chapter: Rash\n\nText.\n"
    )
    coded = parse_document(tmp_path / "k7x2_translated.md", text)
    assert coded.title == "Korrin Care"
    assert manifest_for_document(coded).topic == "korrin care"
    named = parse_document(tmp_path / "korrin-fever.md", text)
    assert named.title == "Korrin Fever"
    generic = parse_document(
        tmp_path / "k7x2_translated.md", text.replace("Korrin Care Korrin", "Overview")
    )
    assert generic.title == "K7X2 Translated"
    single = parse_document(tmp_path / "k7x2.md", "# Korrin Care\n\n## Rest\n\nText.\n")
    assert single.title == "Korrin Care"


def test_a_chrome_first_heading_under_a_hash_name_gives_the_first_sentences_subject(
    tmp_path: Path,
) -> None:
    """A page of `#` sections saved under a hash whose first heading is a site's chrome
    ("Continuing Education Activity") is about what its first sentence says a thing is: "Velbar
    blockers", never the chrome on every front; a first sentence about anything else ("This
    activity reviews …") names nothing, and the file's name stays."""
    text = (
        "# Continuing Education Activity\n\nVelbar blockers are drugs used in korrin fever. "
        "This activity reviews them.\n\n# Indications\n\n- Korrin fever\n- Tessal rash\n\n"
        "# Dosing\n\nText.\n"
    )
    hashed = "3f9a0c41d2e8b7a65c0d9e1f2a3b4c5d.md"
    chrome = parse_document(tmp_path / hashed, text)
    assert chrome.title == "Velbar blockers"
    assert manifest_for_document(chrome).topic == "velbar blockers"
    aimless = parse_document(
        tmp_path / hashed, text.replace("Velbar blockers are drugs", "This page covers drugs")
    )
    assert aimless.title != "Velbar blockers"
    assert "continuing" not in manifest_for_document(aimless).topic.lower()
    named = parse_document(tmp_path / "velbar.md", text)
    assert named.title == "Velbar"
    assert opening_subject("In adults, velbar blockers are safe.") == ""
    assert opening_subject("The tessal reflex is a brisk jerk.") == "tessal reflex"


@pytest.mark.parametrize(
    ("stem", "unnamed"),
    [
        ("level4", True),
        ("chapter-20", True),
        ("03-part3", True),
        ("week_2", True),
        ("Lecture 05", True),
        ("example", True),
        ("Template", True),
        ("covid19", False),
        ("b12-deficiency", False),
        ("level-3-trauma-care", False),
        ("korrin-fever", False),
        ("Nursing", False),
    ],
)
def test_which_file_names_name_no_subject(stem: str, unnamed: bool) -> None:
    assert is_unnamed_stem(stem) is unnamed


def test_a_numbered_file_name_is_neither_topic_nor_deck_name(tmp_path: Path) -> None:
    """A page saved as "level4.md" under `## Level 4 -- The team steps in` (a motto no other
    heading speaks of): no "in level4" on any front, the deck is "Level 4", and its id is
    still the file title's, so notes built before keep their identities. A numbered part whose
    subtitle the headings below name ("Week 3: Korrin fever" over "Korrin fever rash") gives
    that subject as topic (the deck keeps the author's name); a file named by its subject keeps
    it."""
    text = (
        "## Level 4 -- The team steps in\n\n### Breathing\n\n"
        "Breathing should be between 12 and 20 breaths per minute.\n\n"
        "### Pulse\n\nA pulse above 110 beats per minute is a cue to call for help.\n"
    )
    source = tmp_path / "level4.md"
    source.write_text(text, encoding="utf-8")
    manifest = manifest_for_document(parse_document(source))
    assert (manifest.topic, manifest.title) == ("", "Level 4")
    assert manifest.deck_id == stable_id("deckbuilder", "Level4")
    fronts = [packaged.note.front for packaged in plan_deck(manifest).notes]
    assert fronts and not any("level4" in front.lower() for front in fronts), fronts
    week = tmp_path / "week3.md"
    week.write_text(
        "## Week 3: Korrin fever\n\n### Korrin fever rash\n\nThe rash lasts 5 days.\n",
        encoding="utf-8",
    )
    manifest = manifest_for_document(parse_document(week))
    assert (manifest.topic, manifest.title) == ("korrin fever", "Week 3")
    named = tmp_path / "covid19.md"
    named.write_text(text, encoding="utf-8")
    assert manifest_for_document(parse_document(named)).topic == "covid19"


def test_a_generic_file_name_takes_its_first_headings_subject(tmp_path: Path) -> None:
    """ "example.md" is no subject: its first heading's is ("Introduction to korrin care" ->
    "korrin care"); a generic first heading gives none, rather than "in example"."""
    source = tmp_path / "example.md"
    source.write_text(
        "## Introduction to Korrin Care\n\n### Rest\n\nRest for 5 days.\n", encoding="utf-8"
    )
    manifest = manifest_for_document(parse_document(source))
    assert (manifest.topic, manifest.title) == ("korrin care", "Example")
    source.write_text("## Overview\n\n### Rest\n\nRest for 5 days.\n", encoding="utf-8")
    manifest = manifest_for_document(parse_document(source))
    assert (manifest.topic, manifest.title) == ("", "Example")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "La fiebre korrin es una enfermedad que pasa de una persona a otra por la picadura. "
            * 3,
            "es",
        ),
        (
            "La fièvre korrin est une maladie qui passe de la mouche à l'homme dans le sud. " * 3,
            "fr",
        ),
        (
            "Das Fieber ist eine Krankheit, die von der Mücke auf den Menschen geht und nicht. "
            * 3,
            "de",
        ),
        ("A febre korrin é uma doença que passa de uma pessoa para outra pela picada. " * 4, "pt"),
        (
            "La febbre korrin è una malattia della pelle che passa dalla mosca all'uomo nel sud "
            "ed è anche curata con il riposo. " * 4,
            "it",
        ),
        ("La fiebre korrin es una enfermedad de la piel que pasa de la mosca. " * 4, "es"),
        (
            "The fever is called la fièvre korrin in the south and it is treated with rest. " * 3,
            "en",
        ),
        ("Velbarin, tessalid, korrin: dose, rash, fever. " * 10, "en"),
        ("間歇性清潔自我導尿法是一種方法。" * 10, "cjk"),
        ("The korrin fever (間歇熱) is treated with rest and warm broth at home. " * 4, "en"),
    ],
)
def test_a_documents_language_is_told_by_its_stop_words(text: str, language: str) -> None:
    assert prose_language(text) == language


def test_a_front_in_another_language_loses_only_the_builders_english() -> None:
    """ "in <topic>" goes where the builder put it (before ':', '?', ' (' or ' —'), never from
    the author's words; "(part 1 of 2)" and the abbreviation questions are said in the
    document's language; English and unknown languages are left as written."""
    assert localised("Causas in korrin: - {{c1::x}}", "korrin", "pt") == "Causas: - {{c1::x}}"
    assert localised("Dor in korrin grave?", "korrin", "es") == "Dor in korrin grave?"
    assert localised("Causas in korrin (part 1 of 2):", "korrin", "es") == "Causas (parte 1 de 2):"
    assert localised("What does VB stand for in korrin?", "korrin", "fr") == "Que signifie VB ?"
    assert localised("Cause in korrin (part 1 of 2):", "korrin", "it") == "Cause (parte 1 di 2):"
    assert localised("What does VB stand for in korrin?", "korrin", "it") == "Cosa significa VB?"
    assert localised("What does VB stand for in korrin?", "korrin", "xx") == (
        "What does VB stand for in korrin?"
    )


def test_a_heading_with_pandocs_escaped_quotes_names_its_subject_without_backslashes(
    tmp_path: Path,
) -> None:
    """pandoc's Markdown writes every apostrophe and straight quote escaped (`l\\'enfant`,
    `\\"quiet\\"`); CommonMark shows the quote, so the subject a front names shows it too,
    never the backslash."""
    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin fever\n\n## Scoring in the child\\'s ward\n\n"
        "- **Scale**: a number from 0 to 10\n- **Faces**: six drawn faces\n\n"
        '## Scoring in the \\"quiet\\" child\n\n'
        "- **Watch**: for guarding\n- **Ask**: the parents\n",
        encoding="utf-8",
    )
    fronts = [p.note.front for p in plan_deck(manifest_for_document(parse_document(source))).notes]
    assert "Scoring in the child's ward in korrin fever: Scale?" in fronts, fronts
    assert 'Scoring in the "quiet" child in korrin fever: Watch?' in fronts, fronts
    assert not any("\\" in front for front in fronts), fronts


@pytest.mark.parametrize(
    ("title", "before"),
    [
        ("Outpatient (stable, eating)", "Outpatient (stable, eating)"),
        ("Mild (1-5%)", "Mild"),
        ("Examen clinique", "Examen clinique"),
        ("How often?", "How often?"),
        ('Toxicity: Think "Velbar → Nose"', 'Toxicity: Think "Velbar → Nose"'),
        ("How do we stop it?", ""),  # a pronoun's question was read as a remark already
        ("What is korrin fever?", ""),
        ("Korrin fever", ""),
    ],
)
def test_headings_read_anew_keep_their_old_reading_for_identities(title: str, before: str) -> None:
    """A list's note identity is made of its front's opening: headings read as parts of a
    subject since round 35 give their old reading for it, so a clearer front keeps its
    review history."""
    assert newly_read(title) == before


def test_a_clearer_front_keeps_its_note_identity(tmp_path: Path) -> None:
    """The same list under "Outpatient" keeps its key when its front now names the thing above
    ("Korrin fever — outpatient in asthma:")."""
    source = tmp_path / "notes.md"
    source.write_text(
        "---\ntitle: Asthma notes\ntopic: asthma\n---\n## Korrin fever\n\n### Outpatient\n\n"
        "- Velbarin\n- Tessalid\n- Quellin\n",
        encoding="utf-8",
    )
    plan = plan_deck(manifest_for_document(parse_document(source.resolve(), keep=True)))
    (note,) = [packaged.note for packaged in plan.notes]
    assert note.front.startswith("Korrin fever — outpatient in asthma:")
    assert note.key[-1] == "outpatient in asthma"


def test_a_facet_heading_in_another_language_joins_the_heading_above() -> None:
    # Italian, Portuguese, Spanish: "toxicity", "advantages", "dosing" alone are facets
    assert heading_subject(("Velbarine", "Tossicità")) == "Velbarine — tossicità"
    assert heading_subject(("Velbarinas", "Vantagens")) == "Velbarinas — vantagens"
    assert heading_subject(("Velbarinas", "Posología")) == "Velbarinas — posología"
    # a heading naming a thing of its own stays as it is
    assert heading_subject(("Velbarine", "Tossicità renale")) == "Tossicità renale"
