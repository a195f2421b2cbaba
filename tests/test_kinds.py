"""Non-content kinds (builder/kinds.py): what is recognised by heading and by content, that a
build leaves it out and says so with `-v`, that a manifest's `include` brings a kind back, and
that the registry, docs/manifest.md and `deckbuilder init` agree.

The documents in tests/fixtures/kinds/ are made up in the shapes real course modules, patient
guides and Obsidian notes have: each non-content part holds a phrase no card may show, each
content part one that some card must.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from builder.build import plan_deck
from builder.cli import cli
from builder.document import ListBlock, Paragraph, Table, parse_document
from builder.errors import ManifestError
from builder.kinds import (
    KIND_NAMES,
    KINDS,
    block_kind,
    content_blocks,
    heading_kind,
    heading_text,
    section_kind,
    skipped_kinds,
)
from builder.manifest import load_manifest, manifest_for_source
from tests.conftest import ROOT

FIXTURES = Path(__file__).parent / "fixtures" / "kinds"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


# -- headings ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("References", "references"),
        ("8. References:", "references"),
        ("REFERENCES", "references"),
        ("Bibliography", "references"),
        ("Works Cited", "references"),
        ("Referências", "references"),  # the languages study notes come in
        ("Références bibliographiques", "references"),
        ("Bibliografía", "references"),
        ("Literaturverzeichnis", "references"),
        ("Riferimenti", "references"),
        ("Sources", "references"),
        ("References and further reading", "references"),
        ("Further Reading", "further_reading"),
        ("Further reading (optional)", "further_reading"),
        ("Useful links", "further_reading"),
        ("Learn more", "further_reading"),
        ("Additional Resources", "resources"),
        ("Required Materials", "resources"),
        ("Practice Videos", "resources"),
        ("📚 Related Content", "related"),
        ("🔗 Related Guides", "related"),
        ("See also", "related"),
        ("You might also like", "related"),
        ("Footnotes", "footnotes"),
        ("Medical disclaimer", "disclaimer"),
        ("Terms of use", "disclaimer"),
        ("Acknowledgments", "acknowledgements"),
        ("Learning Objectives", "objectives"),
        ("Learning Outcomes", "objectives"),
        ("What you will learn", "objectives"),
        ("Next Steps", "next"),
        ("Next Module", "next"),
        ("What's next?", "next"),
        ("About the Author", "author"),
        ("Contact us", "author"),
        ("Comments", "comments"),
        ("Leave a reply", "comments"),
        ("Share this article", "promotion"),
        ("Subscribe to our newsletter", "promotion"),
        ("Follow us on Instagram", "promotion"),
        ("Table of Contents", "contents"),
        ("On this page", "contents"),
        ("Outline/Sections", "contents"),
        ("Changelog", "changelog"),
        ("Revision history", "changelog"),
        ("Study plan", "study_plan"),
        ("Two-week revision timetable", "study_plan"),
        ("3-day cram schedule", "study_plan"),
        ("Cram plan", "study_plan"),
        ("How to study this topic", "study_plan"),
        ("✅ Self-Assessment", None),  # its questions with answers are cards
        ("💡 Exam Tips", "course"),
        ("Previous Year Questions", "course"),
        ("Skills Competency Checklist", "course"),
        ("Case Study", "course"),
        ("7. University LAQ Answer Framework", "course"),
        ("Model answer", "course"),
        ("How to answer exam questions", "course"),
        ("IV. Further reading", "further_reading"),
        ("Lesson 2: Learning objectives", "objectives"),
        ("Objetivos de aprendizaje", "objectives"),
        ("Objectifs pédagogiques", "objectives"),
        ("Lernziele", "objectives"),
        ("<span id='refs'>References</span>", "references"),
        ("**References**", "references"),
        ("**References for Further Reading**", "references"),  # parts joined by "for"
        ("Sources & further reading", "references"),
        ("Source Information", "references"),
        ("Document details", "references"),
        ("Child Notes", "related"),
        ("Connections", "related"),
        ("🔗 相關", "related"),  # a Chinese note's related notes
        ("相关笔记", "related"),
        ("參見", "related"),
        ("関連項目", "related"),
        ("相關疾病", None),  # "related diseases": content, as "Related complications" is
        ("Figures / Diagrams to Add", "course"),
        ("Help sustain trusted korrin guidance", "promotion"),  # a plea for donations
        ("Support our work", "promotion"),
        ("Help keep your child cool", None),  # advice
        ("Questions to add", "course"),
        ("TODO", "course"),
        # Pages to print, sources vouched for, the date of a review.
        ("🧾 Printable: Fever Diary", "resources"),
        ("9) Printable tools (add-ons)", "resources"),
        ("Trusted references", "references"),
        ("12) Credible sources + last updated date", "references"),
        ("Last review date", "changelog"),
        ("Printing the chart", None),
        ("Reliable signs of dehydration", None),
        ("Reviewed cases", None),
        # Content that only looks like it: these are read as usual.
        ("What to do", None),  # first aid
        ("Things to avoid", None),
        ("Information for patients", None),
        ("Drugs for asthma", None),
        ("Resources for patients", None),  # one part content: the whole is
        ("Nerve connections", None),
        ("Summary", None),
        ("Key Takeaways", None),
        ("Overview", None),
        ("Objective", None),  # SOAP notes: Subjective, Objective, Assessment, Plan
        ("Contact Precautions", None),
        ("Treatment plan", None),
        ("Follow-up schedule", None),
        ("Vaccination schedule", None),
        ("Storage", None),  # a drug's storage can be a fact: its content decides
        ("Contents", None),  # a table of contents, or what a space holds: `section_kind`
        ("Sources of vitamin D", None),
        ("Terms", None),  # a glossary
        ("Discussion", None),
        ("Feedback loops", None),
        ("Treatment goals", None),
        ("Outcomes", None),
        ("Surgical safety checklist", None),
        ("Written Quiz (25 questions)", None),
        ("Module 2 Assessment", None),
        ("Reference ranges", None),
        ("Resources for carers and how to claim them", None),
        ("Next-generation sequencing", None),
        ("References and dosing", None),  # only one part is a kind
        ("Questions and answers", None),  # an FAQ
        ("How to write a prescription", None),
        # The author's own checks of a page, a clinic's call to book.
        ("To verify", "course"),
        # a procedure's step headed "Verify" is content: an author's to-dos under a bare
        # "VERIFY" heading are bracketed lines, each a course block of its own (below)
        ("VERIFY", None),
        ("Verify", None),
        ("Gate report", "course"),
        ("QA checklist", "course"),
        # an exam station's marks for conduct; a heading on the skill itself is content
        ("职业素质", "course"),
        ("人文关怀", "course"),
        ("沟通技巧与病史采集", None),
        ("Items to confirm", "course"),
        ("Call to action (CTA)", "promotion"),
        ("Book your visit", "promotion"),
        ("Verifying the tube position", None),
        ("Quality of life", None),
        ("Quality checks", None),  # a laboratory's own controls: content
        ("When to book a visit", None),
        ("", None),
    ],
)
def test_heading_kinds(heading: str, kind: str | None) -> None:
    found = heading_kind(heading)
    assert (found.name if found else None) == kind


def test_every_kind_is_skipped_by_default_and_include_brings_one_back() -> None:
    assert skipped_kinds() == frozenset(KIND_NAMES)
    assert skipped_kinds(("references",)) == frozenset(KIND_NAMES) - {"references"}
    assert all(kind.skipped for kind in KINDS)


# -- lines and blocks -------------------------------------------------------------------------


def first_block(markdown: str) -> Paragraph | ListBlock | Table:
    document = parse_document("x.md", f"# T\n\n## S\n\n{markdown}\n")
    block = document.sections[0].blocks[0]
    assert isinstance(block, Paragraph | ListBlock | Table)
    return block


@pytest.mark.parametrize(
    ("markdown", "kind"),
    [
        ("[NHS — Korrin fever](https://example.org/nhs)", "links"),
        ("(Source: [Orlen Health](https://example.org/orlen))", "links"),
        ("Read more: [one](https://a.example) | [two](https://b.example)", "links"),
        ("https://example.org/korrin", "links"),
        ("- 📄 [Tick bites](/guides/ticks)\n- 📄 [Rashes](/guides/rashes)", "links"),
        ("- [[Velbarin]]\n- [Tessalid](https://example.org/tessalid)", "links"),
        # A vault's list of notes is a list of the things they are about: content.
        ("- [[Velbarin]]\n- [[Tessalid]]", None),
        ("- [[Velbarin]]", "links"),
        (
            "- https://example.org/first-aid (the first-aid guidelines page)\n"
            "- https://example.org/news/3008 (a news item on heat)",
            "links",
        ),
        (
            "- **Organisation**: Korrin Ambulance\n- **Date accessed**: 2026-01-10\n"
            "- **Language**: English\n- **Emergency number**: 999",
            "references",
        ),
        ("**Publication date:** 2020  \n**Source URL:** https://example.org/k", "references"),
        ("Join our Discord for weekly quizzes!", "promotion"),
        ("**Download our free velbarin chart today and join 5,000 students!**", "promotion"),
        ("Get my korrin flashcards for £5.", "promotion"),
        ("We get our velbarin from the pharmacy on the ward.", None),
        ("Follow us on Instagram and YouTube.", "promotion"),
        ("- Subscribe to our newsletter\n- Follow us on TikTok", "promotion"),
        ("Disclaimer: this page is general information.", "disclaimer"),
        ("This guide is not a substitute for professional medical advice.", "disclaimer"),
        ("**Always follow YOUR vet's specific instructions.**", "disclaimer"),
        ("Always follow your own doctor's advice - they know your case best.", "disclaimer"),
        ("Call your doctor if the korrin rash spreads past the knee.", None),
        ("Always follow the velbarin chart when dosing.", None),
        ("This sheet covers **100 %** of the slides, for your Obsidian atlas.", "objectives"),
        ("Cette fiche reprend tout le contenu du PDF, sans extrapolation.", "objectives"),
        ("This sheet covers a velbarin rash in two days.", None),
        ("**Next Module:** Module 4 - Isolation", "next"),
        ("← Previous | Next →", "next"),
        ("Medically reviewed by Dr P. Orlen", "author"),
        (
            "**Course lead:** Dr P. Orlen  \n**Department:** Tick medicine  \n"
            "**Phone:** +00-0000-000000",
            "author",
        ),
        ("- **Author:** P. Orlen\n- **Email:** orlen@example.org", "author"),
        ("Last updated: 3 March 2024", "changelog"),
        ("By the end of this lesson, you will be able to:", "objectives"),
        ("This module covers the chain of infection.", "objectives"),
        ("In this article I'm going to cover:", "objectives"),  # a blog's outline
        ("In this note we will look at:", "objectives"),
        ("In this chapter, you'll learn about:", "objectives"),
        ("**This leaflet helps you:**", "objectives"),
        (
            "Korrin fever can frighten parents. This chapter walks you through the rash and "
            "when to phone.",
            "objectives",
        ),
        ("_Quick parent guide - 5 min read_", "author"),
        ("A 10-minute read for the ward team", "author"),
        (
            "1. Smith A, et al. Korrin fever. J Ticks. 2020;1:1-2.\n"
            "2. Brown C. Velbarin. Ann Ticks. 2019;7(2):44-51.",
            "references",
        ),
        ("- [ ] Washes hands\n- [ ] Checks the wristband", "course"),
        ("**Passing Score:** 24/30 (80%)", "course"),
        ("TODO: stratification of attacks", "course"),
        ("TBD", "course"),
        ("TODO - the children's doses", "course"),
        ("Todo paciente com febre korrin recebe velbarin 5 mg.", None),  # "every patient …"
        ("- uw-id=585\n- QID: 10342", "course"),  # a question bank's ids
        ("[Korrin guideline]( ./attachments/korrin-guideline.pdf )", "links"),
        (
            "**Duration:** 2 hours  \n**Format:** Online + skills lab  \n**Prerequisites:** Unit 1",
            "course",
        ),
        ("- **Duration:** 2 hours\n- **Format:** online", "course"),
        ("**Estimated time:** 30 minutes", "course"),
        (
            "**Unit Code:** Q/123/4567  \n**GLH:** 12 hours  \n**Credits:** 2  \n**Level:** 2",
            "course",
        ),
        ("**Guided Learning Hours:** 20  \n**Level:** 3", "course"),
        ("**Level:** Beginner  \n**Topic:** Korrin care  \n**Duration:** 40 minutes", "course"),
        ("**You will practice:**", "course"),
        ("You will practise and demonstrate:", "course"),
        ("**Skills Checklist:** Demonstrate each skill to pass", "course"),
        ("- READ THE DIRECTIONS FOR EACH QUESTION CAREFULLY. Round as asked.", "course"),
        ("- Long-term dosing: see “Korrin clots” in Haematology", "related"),
        ("See also 'Velbarin'.", "related"),
        ("Further information, see the Orlen handbook pp. 12-14", "further_reading"),
        (
            "For more information on taking velbarin safely, you may refer to the Orlen Health "
            "Agency (OHA) guide: [Velbarin (oha.example)](https://oha.example/v)",
            "further_reading",
        ),
        (
            "- Day 1 AM: Read the taxonomy; memorise the tick species\n"
            "- Day 1 PM: Korrin fever deep dive. Do 10 rapid cases.\n"
            "- Day 2: Velbarin, tessalid and their side effects\n"
            "- Day 2 PM: Practise 15 mixed vignettes",
            "study_plan",
        ),
        ("- Week 1: revise the rashes\n- Week 2: flashcards on the drugs", "study_plan"),
        (
            "Store in a cool, dry place, away from direct sunlight. Keep this medicine out of "
            "the reach of children.",
            "medicine_care",
        ),
        (
            "Pack the unused tablets into a sealed bag before throwing them into the bin.",
            "medicine_care",
        ),
        (
            "- Do not flush medicines down the toilet\n- Return unused packs to a pharmacy",
            "medicine_care",
        ),
        (
            "- korrin fever or tick typhus or velbarin rash\n- drug P vs. drug Q vs. drug R\n"
            "- joint disease\n- small rash (pale) or wide rash (violet)",
            "topics",
        ),
        (
            "- Stage A or Stage B or Stage C or Stage D\n- tessalid or velbarin\n- Shock\n"
            "- valve disease\n- mitral murmur",
            "topics",
        ),
        # A guide's scaffolding: its statement of purpose, its version date, a pointer to its
        # own figure.
        ("**Objective:** To assist clinicians with the care of korrin fever.", "objectives"),
        ("To help nurses recognise korrin fever early.", "objectives"),
        ("**Date of Version:** 01March2025", "references"),
        ("**Version:** 4", "references"),
        ("**Figure 2** and **Table 1** give an approach to a violet rash.", "related"),
        ("Table 3 lists the korrin vaccines.", "related"),
        # Content: kept.
        ("**Objective:** to keep the temperature below 38 °C", None),  # a treatment's aim
        ("**Purpose:** To help patients empty the bladder fully.", None),
        ("Table 2 shows the doses. Velbarin is given at 5 mg/kg.", None),  # and a fact
        ("Figure 1 is a violet rash on the palm.", None),
        ("- fever or chills\n- nausea or vomiting\n- a violet rash", None),  # signs, no "vs."
        (
            "- Velbarin vs. tessalid: velbarin is given once daily\n"
            "- Tessalid or korrimab should be stopped before surgery\n- Check the INR weekly",
            None,
        ),
        (
            "- Rash or bruising - a bleeding disorder\n- Fever, chills or sweats - infection\n"
            "- Knee vs. hip pain - referred pain",
            None,
        ),
        (  # the author's bold terms, their meanings naming several alternatives each
            "- **Voices**: Usually heard, but can be seen or smelled or felt or tasted.\n"
            "- **Fixed beliefs**: False ideas, often of being followed or watched or poisoned.\n"
            "- **Jumbled talk**: Words that make little sense.",
            None,
        ),
        ("- drug P vs. drug Q\n- fever\n- rash\n- cough\n- aching knees\n- sweats", None),
        ("- Day 1: fever and aching knees\n- Day 3: the violet rash spreads", None),
        ("- Day 1: start velbarin\n- Day 7: stop it and review the rash", None),
        ("- Morning: velbarin 200 mg\n- Evening: tessalid 50 mg", None),
        ("Keep velbarin pens in the fridge; once in use, 28 days at room temperature.", None),
        ("Store tessalid below 25 °C and protect it from light.", None),
        ("Keep the skin clean and dry.", None),
        ("Store in a cool, dry place. Velbarin turns the urine orange.", None),
        ("For more on velbarin, see the dosing chart; it is 5 mg daily. Give it with food.", None),
        ("- Velbarin: see a doctor if the rash spreads", None),
        ("See the “red flags” box: fever over 40 °C needs a doctor today.", None),
        ("Velbarin is the first-line drug ([guideline](https://example.org/g)).", None),
        ("![The violet rash](rash.png)", None),
        ("Like this: ![inhaler](img/inhaler.png)", None),
        ("- [[Renal failure]] lowers clearance\n- [[Sepsis]] raises it", None),
        ("Bridging with velbarin is not a substitute for anticoagulation.", None),
        ("Next, wash your hands for 20 seconds.", None),
        ("The INR result takes 2 hours. Read it before the evening dose.", None),
        ("- **Wait time**: Leave the strip for 2 minutes. Read the colour on the tube.", None),
        ("This course of velbarin lasts 7 days.", None),
        ("- Is my inhaler technique right?\n- When should I use my reliever?", None),
        ("Follow the dosing chart; share it with the night team.", None),
        ("- cough\n- wheeze", None),
        ("To do this, press firmly on the wound for 10 minutes.", None),
        ("- **Onset**: 2 hours\n- **Date accessed**: not recorded", None),  # one such label
        ("**Contact:** droplet precautions  \n**Duration:** 7 days", None),  # one credits label
        ("**Contact:** droplet and airborne precautions", None),
        ("- [Velbarin](https://example.org/v) (first-line for korrin fever) is given orally", None),
        ("**Duration:** 7 days", None),  # of a treatment
        ("**Level:** 3", None),  # alone: a level of anything
        ("**Topic:** korrin fever", None),  # alone: what a section is about
        ("**Topic:** korrin fever  \n**Dose:** 5 mg twice daily", None),
        ("**Level:** 3  \n**Dose:** 5 mg twice daily", None),
        ("**Duration:** 7 days  \n**Dose:** 5 mg twice daily", None),
        ("Read the label carefully before use.", None),
        ("In this condition we see a rash on the palms:", None),  # not the page's outline
        ("In this article the rash is called korrin.", None),
        ("You will feel a sharp scratch.", None),
        ("- rapid 50\n- lipid 12", None),
        ("Read the chart for 5 min before the round; then read it again.", None),
        ("This rash helps you tell korrin fever from measles.", None),
        ("**Age range:** 6 months - 6 years", None),  # by itself: a fact of anything
        ("- Normal\n- Decreased\n- Increased", "form"),  # a form's choices for one item
        ("- Absent\n- Present", "form"),
        ("- As stated\n- Younger\n- Older", "form"),
        ("- Good\n- Fair\n- Poor", "form"),
        ("- Normal\n- Untidy / Unkempt", "form"),  # a baseline and its one alternative
        ("- None\n- On left\n- On right\n- Both sides", "form"),
        ("- Mild\n- Moderate\n- Severe", "form"),  # bare degrees
        ("- Normal\n- Miosis\n- Mydriasis\n- Anisocoria", "form"),  # a baseline beside findings
        ("- Normal\n- Constricted\n- Blunted\n- Flat", "form"),
        ("- None\n- Burns\n- Café au lait patches\n- Scratches (old, healed)", "form"),
        ("- Mild intermittent\n- Mild persistent\n- Severe persistent", None),  # classes
        ("- Hypovolaemic\n- Cardiogenic\n- Obstructive", None),  # kinds: no baseline
        ("- Normal\n- Hyperactive (goal-directed)\n- Hypoactive", "form"),  # one gloss
        ("- None\n- Hyperactive (goal-directed)\n- Agitated (aimless)", None),  # terms glossed
        ("- Eye opening: 4\n- Verbal: 5", None),  # a score's parts
        # A form to fill in, a date of review, a pointer to another list.
        ("Time: ______ Fever: yes/no  \nRash: yes/no Colour: ______  \nMood: calm / cross", "form"),
        ("**Signature:** \\_\\_\\_\\_\\_", "form"),
        ("- Name: ________\n- Ward: ________\n- Dose: 5 mg", "form"),
        ("Ask yes/no questions: they are quicker.", None),
        ("Dose: 5 mg/kg  \nRoute: IV  \nGiven: yes", None),
        ("**Last reviewed/updated on:** 2030-01-02", "changelog"),
        ("**See the dose chart for more details.**", "further_reading"),
        ("See a doctor for more than three days of fever.", None),
        ("Velbarin 5 mg daily. See the dose chart for more details.", None),
        # A table's footnote opened by its mark, written escaped so that it shows.
        ("\\*This table leaves out children and pregnancy.", "footnotes"),
        ("\\*\\*Velbarin has been used too; less is known of it.", "footnotes"),
        ("† In adults only.", "footnotes"),
        ("***Korrin fever***: a tick-borne rash", None),
        ("Velbarin 5 mg \\*see below", None),
        ("- Spontaneous (4)\n- To voice (3)\n- To pain (2)\n- None (1)", None),  # a scale
        # The author's to-dos in brackets, a page's rules for its own format.
        (
            "- `[VERIFY: the dose chart's edition — ask the ward]`\n- `[TODO: add children]`",
            "course",
        ),
        ("`[ASSUMPTION: adults only — confirm with the tutor.]`", "course"),
        ("Quick sheets for the ward. Every claim carries a bracketed source tag.", "course"),
        ("Tables kept ≤ 6 rows; longer topics are split.", "course"),
        # the layout of the spreadsheet the notes describe; a subject's cells, rows and roots
        ("This Excel file is a dose chart for the ward. It works from the weight.", "file_layout"),
        ("- **Sheet1**: the drug list\n- **Sheet2**: empty\n- **Sheet3**: empty", "file_layout"),
        ("- Cell C6 holds the weight; the rest read `=C6`\n- Type only in C6", "file_layout"),
        ("| Column | Holds |\n|---|---|\n| B | drug name |\n| D | dose per kg |", "file_layout"),
        (
            "| Mark | Means |\n|---|---|\n| `*` in col. A | watch |\n| `IV` in col. H | a vein |",
            "file_layout",
        ),
        ("- C6 root: biceps reflex\n- C7 root: triceps reflex", None),
        ("Cells in the second row of the retina carry the signal.", None),
        ("| Type | Spread |\n|---|---|\n| A | faecal-oral |\n| B | blood |", None),
        ("| Column | Packing |\n|---|---|\n| Silica | fine |\n| Resin | coarse |", None),
        # an exam station's invented patient and task; a scenario word inside a fact is content
        ("Scenario: Ms V, 47, slipped on ice. Task: put on a wrist splint.", "course"),
        ("**Clinical scenario 2:** a boy of 9 with a rash. Task: take the history.", "course"),
        ("临床情景：王先生，40岁，跌倒。要求：请为患者包扎。", "course"),
        ("The worst-case scenario: the rash spreads to the eyes.", None),
        ("情景模拟训练可提高操作熟练度。", None),
        ("- [Velbarin] lowers the fever\n- [Quellin] raises it", None),
        ("Each cell carries a copy of the genome.", None),
        ("Fluids are limited to 1 L a day.", None),
        # a byline alone on its line; a route of giving is content
        ("By Jane Roe, PGY1, Family Medicine", "author"),
        ("By Dr A. Smith", "author"),
        ("By mouth, twice daily", None),
        # a form's own instruction
        ("_Use this space to write down your questions:_", "form"),
        ("Use ice packs for the swelling.", None),
        # reassurance to the reader; a fact about reassurance is content
        ("You know your child best. It's always okay to call the ward.", "encouragement"),
        ("- Trust your instincts\n- You're doing a great job!", "encouragement"),
        ("Reassurance lowers the fever by 0.5 °C in 2 of 10 children.", None),
    ],
)
def test_block_kinds(markdown: str, kind: str | None) -> None:
    found = block_kind(first_block(markdown))
    assert (found.name if found else None) == kind


# -- documents --------------------------------------------------------------------------------

DOCUMENTS = {
    "medicine-leaflet.md": (
        # left out: generic storage and disposal advice, the pointer to the board's guide (and
        # so its abbreviation), the study plan
        # and the pointer closing a list of side effects
        [
            "cool and dry",
            "sealed bag",
            "Orlen Medicines Board",
            "OMB",
            "memorise the dose",
            "Orlen handbook",
        ],
        # kept: the drug's own storage fact, the timeline of the disease
        [
            "in the fridge",
            "28 days at room temperature",
            "violet rash spreads",
            "with food",
            "aching knees",
        ],
    ),
    "course-module.md": (
        # left out: objectives, "By the end" and its list, the next-lesson line, the
        # checklist, the case study, resources, next steps
        [
            "Describe how Korrin fever spreads",
            "This module teaches",
            "Chart a fever curve",
            "Next Lesson",
            "wristband",
            "Mr. Orlen",
            "Handbook",
            "Giving velbarin safely",
            "Korrin Society guidelines",
            "Practise charting daily",
            "90 minutes",
            "Reading and ward skills lab",
            "Module 3 completed",
            "Rash check",
            "Check the chart first",
            "Must show each skill",
            "rash timeline",
        ],
        # kept
        ["a violet rash", "200 mg twice daily", "Velbarin is the first-line drug"],
    ),
    "patient-guide.md": (
        [
            "Orlen Health Agency",
            "Discord",
            "newsletter",
            "full treatment guideline",
            "educational purposes",
            "Tick bites](",
            "Tick Society",
            "Smith A",
            "Share on Facebook",
            "Leave your story",
            "Last updated",
        ],
        ["violet rash", "the first-line drug, taken for 7 days"],
    ),
    "carer-sheet.md": (
        # reassurance, a protocol's pointers to other documents, a contact form's lines
        [
            "child best",
            "great job",
            "Care Protocol",
            "Swab Procedure",
            "Rash Assessment",
            "0800 555 010",
            "own questions",
        ],
        # kept: the steps beside the pointers, a list of operations, a contact line of its own
        [
            "Mark the rash",
            "Korrin drainage procedure",
            "0800 555 020",
            "Recovery takes a week",
        ],
    ),
    "obsidian-notes.md": (
        [
            "laboratory strains",
            "[[Velbarin]]",
            "Tessalid kinetics",
            "Marsh Q",
            "monitoring chart",
            "2021-June",
            "What enzyme",
            "orange urine\n",
            "enzyme diagram",
            "ward pharmacists",
        ],
        ["2 hours", "harmless, from the drug's dye", "stop the drug at once"],
    ),
}


@pytest.mark.parametrize("name", sorted(DOCUMENTS))
def test_non_content_never_reaches_a_card(name: str) -> None:
    absent, present = DOCUMENTS[name]
    plan = plan_deck(manifest_for_source(FIXTURES / name))
    shown = "\n".join(
        "\n".join(packaged.fields.values()) + "\n" + packaged.note.front + "\n" + packaged.note.back
        for packaged in plan.notes
    )
    assert [phrase for phrase in absent if phrase in shown] == []
    assert [phrase for phrase in present if phrase not in shown] == []
    assert plan.contents.notices, "what was left out is reported"


def test_build_verbose_reports_each_part_left_out_once_as_a_note(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "guide.md"
    source.write_text((FIXTURES / "patient-guide.md").read_text(encoding="utf-8"))
    code, quiet = run("build", "guide.md", "-o", "guide.apkg")
    assert code == 0, quiet
    assert "note:" not in quiet
    code, verbose = run("build", "guide.md", "-o", "guide.apkg", "-v")
    assert code == 0, verbose
    notes = [line for line in verbose.splitlines() if ": note: left out " in line]
    assert (
        "guide.md:53: note: left out section '8. References:' as non-content (references); "
        '`include = ["references"]` in a manifest cards it'
    ) in notes
    assert "guide.md:29: note: left out 2 paragraphs under 'Symptoms' as non-content" in "\n".join(
        notes
    )
    assert (
        "guide.md:12: note: left out a paragraph under 'Korrin fever — a guide for patients' as "
        "non-content (author)"
    ) in "\n".join(notes), "the text under the title is the document's own section: read too"
    assert len(notes) == len(set(notes)) == 10
    assert not any("warning" in line for line in notes)


def test_check_says_once_per_document_how_many_choice_lists_were_read_as_a_form(
    tmp_path: Path,
) -> None:
    source = tmp_path / "chart.md"
    source.write_text(
        "# Wound chart\n\n## Bed\n\n### Slough\n- None\n- Low\n- Heavy\n\n### Smell\n"
        "- Absent\n- Present\n\n### Margin\n- Normal\n- Decreased\n- Increased\n\n"
        "### Signs of infection\n- Rising pain\n- Spreading redness\n- Pus\n",
        encoding="utf-8",
    )
    code, output = run("check", str(source))
    assert code == 0, output
    forms = [line for line in output.splitlines() if "read as a form" in line]
    assert forms == [
        "chart.md:6: BUILD-WARNING 3 lists (the first: `- None` / `- Low` / `- Heavy`) read as "
        'a form to fill in: no cards; `include = ["form"]` in a manifest cards them'
    ], output
    # a form of blank lines is quoted as the document writes it, never as a list of choices
    blank = tmp_path / "contacts.md"
    blank.write_text(
        "# Korrin fever\n\n## Ward\n\n- Rest: 3 days\n- Fluids: 2 L\n\n## Contacts\n\n"
        "**Ward nurse:** ________\n\n**Night line:** ________\n",
        encoding="utf-8",
    )
    code, output = run("check", str(blank))
    forms = [line for line in output.splitlines() if "read as a form" in line]
    assert forms == [
        "contacts.md:10: BUILD-WARNING 2 parts (the first: `**Ward nurse:** ________`) read as a "
        'form to fill in: no cards; `include = ["form"]` in a manifest cards them'
    ], output
    _, cards = run("cards", str(source), "--format", "json")
    fronts = [note["front"] for note in json.loads(cards)]
    assert len(fronts) == 1 and "{{c1::Rising pain}}" in fronts[0], fronts  # content stays


FORM_PAGE = (
    "# Ward round chart\n\n## Look\n\n### Gait\n- Normal\n- Slow\n- Shuffling\n\n"
    "### Colour\n- Normal\n- Pale\n- Flushed\n\n### Sweating\n- Absent\n- Present\n\n"
    "## Talk\n\n### Manner\n- Calm\n- Guarded\n- Evasive\n- Hostile / Irritable\n\n"
    "### Warning signs\n- Rising pain\n- Spreading redness\n- New confusion\n"
)


def test_on_a_form_page_a_list_of_bare_one_word_choices_is_a_form_item_too(
    tmp_path: Path,
) -> None:
    """A page whose lists are mostly a form's choices is a form: its other lists of one-word
    choices (`Manner`: `- Calm` / `- Guarded` / …) are items to tick too; a list of phrases
    stays content, and the same one-word list on a page that is no form is content."""
    source = tmp_path / "chart.md"
    source.write_text(FORM_PAGE, encoding="utf-8")
    _, cards = run("cards", str(source), "--format", "json")
    fronts = [note["front"] for note in json.loads(cards)]
    assert len(fronts) == 1 and "{{c1::Rising pain}}" in fronts[0], fronts
    source.write_text(
        FORM_PAGE.split("## Talk")[0]
        .replace("### Colour", "### Colours of the sky")
        .replace("- Normal\n- Pale\n- Flushed", "- Blue at noon\n- Red at dusk\n- Grey in rain")
        + "## Talk\n\n### Manner\n- Calm\n- Guarded\n- Evasive\n",
        encoding="utf-8",
    )
    _, cards = run("cards", str(source), "--format", "json")
    fronts = [note["front"] for note in json.loads(cards)]
    assert any("{{c1::Calm}}" in front for front in fronts), fronts  # two forms: no form page


FORM_ITEMS = (
    "## Bedside\n\n### Grooming\n- Normal appearance\n- Unkempt\n- Dishevelled\n\n"
    "### Walking aids\n- Cane\n- Crutches\n- Walker\n- Hearing aid\n\n"
    "### Mood seen\n- Calm\n- Glum\n- Tense\n- Cross\n- Elated\n- Flat\n- Tearful\n"
    "- Wary\n- Bored\n- Restless\n- Sullen (low, resentful)\n\n"
    "### Voice range\n- Normal\n- Wide\n- Narrowed\n- Dulled\n- Monotone\n\n"
    "### Range of movement\n- Normal\n- Reduced\n- Absent\n\n"
    "### Skin lesions\n- Pale macules\n- Raised plaques\n- Weeping blisters\n\n"
    "### Tick bites\n- Single\n- Clustered\n- Ringed (pale halo)\n- Crusted (dark scab)\n\n"
    "### Other findings\n- Dry cough\n- Raised neck veins (RNV)\n- Swollen ankles\n\n"
    "### Other signs\n- Stiff neck (cannot touch chin)\n- Photophobia (light hurts)\n- Drowsy\n"
)


def test_on_a_form_page_short_catalogues_and_a_normal_baseline_are_form_items_too(
    tmp_path: Path,
) -> None:
    """On a form's page, a list of short choices that opens with "Normal <something>", is
    mostly single words (aids to tick, a dozen mood adjectives with one glossed) or stands
    under the form's "Other …" item is one more item to chart, an abbreviation it spells out
    still carded; a list of two-word findings under a heading of its own, one with two
    glosses, and the same lists on a page that is no form stay content. A scale's heading
    ("Voice range") over one-word degrees keeps its list, in order, with the baseline shown;
    "Range of movement" is a form's item."""
    source = tmp_path / "chart.md"
    source.write_text(FORM_PAGE + FORM_ITEMS, encoding="utf-8")
    _, cards = run("cards", str(source), "--format", "json")
    fronts = [note["front"] for note in json.loads(cards)]
    shown = "\n".join(fronts)
    for choice in ("Unkempt", "Crutches", "Glum", "Sullen", "Reduced", "Dry cough"):
        assert choice not in shown, (choice, fronts)
    for content in ("{{c1::Rising pain}}", "{{c1::Pale macules}}", "{{c1::Single}}", "Stiff"):
        assert content in shown, (content, fronts)
    assert "What does RNV stand for in ward round chart?" in fronts, fronts
    scale = next(front for front in fronts if "Voice range" in front)
    assert "- Normal\n- {{c1::Wide}}\n" in scale and "{{c4::Monotone}}" in scale, scale
    code, output = run("check", str(source))
    assert code == 0, output
    assert "BUILD-WARNING 9 lists (the first: `- Normal`" in output, output
    source.write_text(
        "# Ward notes\n\n" + FORM_ITEMS.replace("- Normal\n- Reduced\n- Absent", "- Full\n"),
        encoding="utf-8",
    )
    _, cards = run("cards", str(source), "--format", "json")
    shown = "\n".join(note["front"] for note in json.loads(cards))
    for choice in ("{{c2::Unkempt}}", "{{c2::Crutches}}", "{{c2::Glum}}", "{{c1::Dry cough}}"):
        assert choice in shown, (choice, shown)  # no form page: content


def test_choices_that_a_lead_in_or_a_heading_states_as_a_fact_are_content(
    tmp_path: Path,
) -> None:
    source = tmp_path / "neuro.md"
    source.write_text(
        "# Neurology\n\n## Lesions\n\nReflexes in a lower motor neurone lesion are:\n\n"
        "- Decreased\n- Absent\n\n### Tone in an upper motor neurone lesion\n- Increased\n"
        "- Normal\n\n### Degrees of dehydration\n- Mild\n- Moderate\n- Severe\n\n"
        "## Chart\n\n### Alertness\n- Normal\n- Decreased\n- Increased\n",
        encoding="utf-8",
    )
    _, cards = run("cards", str(source), "--format", "json")
    fronts = [note["front"] for note in json.loads(cards)]
    assert len(fronts) == 3, fronts  # the chart's `Alertness` alone is a form
    assert "{{c2::Absent}}" in fronts[0] and "{{c1::Increased}}" in fronts[1], fronts
    assert "{{c3::Severe}}" in fronts[2], fronts


def test_study_tasks_under_a_practice_heading_are_course_scaffolding(tmp_path: Path) -> None:
    """`## Practice prompts` over instructions to the student ("Label …", "Trace …", "Explain
    how …") is the course's exercises; the same heading over facts, and "Exercises" over a
    patient's movements ("Stretch …"), are content."""
    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin fever\n\n## Spread\n\n- Spread: by tick bites, not between people\n\n"
        "## Practice prompts\n\n- Sketch the rash timeline and label each stage.\n"
        "- Trace the tick's life cycle and annotate where velbarin acts.\n"
        "- Explain how a second bite changes the rash.\n\n"
        "## Self-check\n\n- Compare the rash in adults and children.\n\n"
        "## Exercises\n\n- Stretch the aching knee for 30 seconds, three times a day.\n"
        "- Walk for 10 minutes after each meal.\n\n"
        "## Try this\n\n- A violet rash on the shins means Korrin fever until proved otherwise.\n"
        "- Knee pain peaks on day 3.\n",
        encoding="utf-8",
    )
    _, cards = run("cards", str(source), "--format", "json")
    shown = json.dumps(json.loads(cards))
    for task in ("rash timeline", "life cycle", "second bite", "adults and children"):
        assert task not in shown, task
    for fact in ("30 seconds", "10 minutes", "violet rash on the shins", "tick bites"):
        assert fact in shown, fact


def test_a_lectures_aims_are_course_scaffolding_wherever_they_stand(tmp_path: Path) -> None:
    """A list whose items each open with a verb of a lecture's aims ("Discuss …", "define …"),
    one at least a verb no procedure opens with, is what the lesson covers, even right under a
    topic's heading; so is a list under "Objetivos". A procedure's "Explain the procedure" /
    "Explain the risks", and a list mixing aims with facts, are content."""
    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin fever\n\n## Blood picture\n\n- Discuss and analyse the blood picture\n"
        "- define what each count means at the bedside\n\n"
        "## Objetivos\n\n- **Fiebre:** reconocer el exantema\n- **Picadura:** evitar garrapatas\n\n"
        "## Consent\n\n- Explain the procedure to the farmer\n- Explain the risks of the drip\n\n"
        "## Spread\n\n- Discuss the tick season with farmers\n- Spread is by tick bites only\n",
        encoding="utf-8",
    )
    _, cards = run("cards", str(source), "--format", "json")
    shown = json.dumps(json.loads(cards), ensure_ascii=False)
    shown = re.sub(r"\{\{c\d+::(.*?)\}\}", r"\1", shown)  # an item's words, wherever its deletion
    for aim in ("analyse the blood picture", "each count means", "exantema", "garrapatas"):
        assert aim not in shown, aim
    for fact in ("procedure to the farmer", "risks of the drip", "tick bites only"):
        assert fact in shown, fact


# -- the manifest's `include` -----------------------------------------------------------------

MANIFEST = """\
title = "Tessalid"
id = 1234567890
sources = ["tessalid.md"]
{include}
[[subdeck]]
name = "Notes"
sections = ["*"]
"""


def write_deck(folder: Path, include: str = "") -> Path:
    (folder / "tessalid.md").write_text(
        (FIXTURES / "obsidian-notes.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    path = folder / "tessalid.toml"
    path.write_text(MANIFEST.format(include=include), encoding="utf-8")
    return path


def test_include_cards_a_kind_the_deck_would_skip(tmp_path: Path) -> None:
    plain = plan_deck(load_manifest(write_deck(tmp_path)))
    included = plan_deck(load_manifest(write_deck(tmp_path, 'include = ["course"]')))
    sections = {packaged.note.source.section[-1] for packaged in included.notes}
    assert "Previous Year Questions" in sections
    assert "Previous Year Questions" not in {p.note.source.section[-1] for p in plain.notes}
    # the other kinds stay out
    assert "Acknowledgements" not in sections
    # and `check` does not call a kind the teacher asked for non-content
    _, output = run("check", str(tmp_path / "tessalid.toml"))
    assert "NON-CONTENT" not in output, output


def test_an_unknown_kind_is_a_manifest_error_with_the_closest_name(tmp_path: Path) -> None:
    path = write_deck(tmp_path, 'include = ["refrences", "course"]')
    with pytest.raises(ManifestError) as error:
        load_manifest(path)
    assert str(error.value).startswith(f"{path}:4: unknown kind 'refrences' in `include`; ")
    assert "did you mean 'references'?" in str(error.value)
    code, output = run("cards", str(path))
    assert code == 2
    assert output.count("\n") == 1 and "Traceback" not in output


# -- the registry, its docs and `init` --------------------------------------------------------


def docs_table() -> list[list[str]]:
    text = (ROOT / "docs" / "manifest.md").read_text(encoding="utf-8")
    section = text.split("## Non-content sections", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return [[cell.strip() for cell in re.split(r"(?<!\\)\|", row)[1:-1]] for row in rows]


def test_docs_list_every_kind_in_order_and_their_examples_are_recognised() -> None:
    rows = docs_table()
    assert [row[0].strip("`") for row in rows] == list(KIND_NAMES)
    for row in rows:
        assert row[1] == "yes"
        for example in filter(None, (part.strip() for part in row[2].split(";"))):
            found = heading_kind(example)
            assert found is not None and found.name == row[0].strip("`"), example


def test_init_writes_no_subdeck_for_non_content_and_names_it_in_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "guide.md").write_text(
        (FIXTURES / "patient-guide.md").read_text(encoding="utf-8"), encoding="utf-8"
    )
    code, output = run("init", "guide.md")
    assert code == 0, output
    text = (tmp_path / "decks" / "guide.toml").read_text(encoding="utf-8")
    manifest = load_manifest(tmp_path / "decks" / "guide.toml")
    assert [s.name for s in manifest.subdecks] == [
        "Overview",
        "What it is",
        "Symptoms",
        "Treatment",
    ]
    assert "'8. References:' (references, line 53)" in text
    assert '# include = ["related", "further_reading", "references", "promotion", "comments"]' in (
        text
    )
    # and the manifest builds what a zero-config build of the document builds
    _, zero_config = run("cards", "guide.md", "--format", "json")
    _, pinned = run("cards", "decks/guide.toml", "--format", "json")
    assert [r["front"] for r in json.loads(pinned)] == [r["front"] for r in json.loads(zero_config)]


def test_init_refuses_a_document_that_is_all_non_content(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "links.md").write_text(
        "# Links\n\n## Further reading\n\n- [A](https://a.example)\n\n## References\n\n1. B.\n"
    )
    code, output = run("init", "links.md")
    assert code == 2
    assert output == (
        "error: links.md: every top-level section is non-content (further_reading, references): "
        "nothing in it makes cards, so `deckbuilder init` writes no manifest (docs/manifest.md, "
        "Non-content sections)\n"
    )
    assert not (tmp_path / "decks").exists()


def test_a_whole_item_or_cell_wikilink_of_content_is_its_text(tmp_path: Path) -> None:
    """Content keeps no `[[...]]` (`check` would call it LEFTOVER-MARKUP, and the card would show
    it); a manifest that includes links cards a links-only list with the links as text too."""
    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin\n\n## Uses\n\n- [[Velbarin]]\n- [[Tessalid]]\n\n## Scans\n\n- [[scan.png]]\n\n"
        "## Signs\n\n| | [[Korrin fever]] |\n|---|---|\n| Onset | Sudden |\n",
        encoding="utf-8",
    )
    manifest = tmp_path / "korrin.toml"
    text = MANIFEST.replace("Tessalid", "Korrin").replace("tessalid.md", "korrin.md")
    manifest.write_text(text.format(include='include = ["links"]'), encoding="utf-8")
    notes = [packaged.note for packaged in plan_deck(load_manifest(manifest)).notes]
    shown = " ".join(f"{note.front} {note.back}" for note in notes)
    assert "Velbarin" in shown and "korrin fever" in shown.lower()
    assert "[[" not in shown and "]]" not in shown and "scan" not in shown


def test_a_page_headers_scope_line_is_left_out_and_a_sections_kept(tmp_path: Path) -> None:
    """`**Age range:** …` under the page's title says whom the leaflet is for; under a heading
    of its own (a condition's epidemiology) it is a fact of the subject."""
    source = tmp_path / "korrin.md"
    source.write_text(
        "# Korrin fever in children\n\n**Age range:** 0-24 months\n\n"
        "## Epidemiology\n\n**Age range:** 6 months - 6 years\n",
        encoding="utf-8",
    )
    plan = plan_deck(manifest_for_source(source))
    shown = [(p.note.front, p.note.back) for p in plan.notes]
    assert not any("0-24 months" in back for _, back in shown)
    assert any("6 months - 6 years" in back for _, back in shown)
    source.write_text(
        "# Epidemiology\n\n**Age range:** 6 months - 6 years\n\n# Signs\n\n"
        "- a barking cough\n- a violet rash\n",
        encoding="utf-8",
    )
    plan = plan_deck(manifest_for_source(source))  # all `#` sections: each one content
    assert any("6 months - 6 years" in p.note.back for p in plan.notes)


def cards_of(source: Path) -> str:
    """Every front and back a zero-config build of `source` makes, as one text."""
    plan = plan_deck(manifest_for_source(source))
    return " ".join(f"{p.note.front} {p.note.back}" for p in plan.notes)


def header_left_out(paragraph: str) -> bool:
    """Whether the paragraph under a page's title is left out as not content."""
    document = parse_document("x.md", f"# Korrin\n\n{paragraph}\n\n## Gait\n\n- short steps\n")
    kept, _ = content_blocks(document.sections[0].blocks, skipped_kinds(), header=True)
    return not kept


@pytest.mark.parametrize(
    ("paragraph", "left_out"),
    [
        ("This **Korrin Screen Cheat Sheet (KSC)** provides nurses with a quick screen.", True),
        ("This short guide provides the doses of velbarin, tessalid and korrimab.", True),
        ("This page is a summary of the korrin ward's admission screen.", True),
        (
            "This **Korrin Screen Checklist (KSC)** gives nurses a quick screen. It covers key "
            "areas such as gait, vision and sleep.",
            True,
        ),
        ("This checklist is read aloud at three pauses: sign in, time out and sign out.", False),
        ("This condition affects one adult in forty, mostly men over fifty.", False),
        ("This drug is a blocker of the korrin receptor.", False),
        (  # a blurb's first sentence over figures to learn: the facts are content
            "This page is a quick reference for ward nurses. Velbarin is withheld if the apical "
            "pulse is below 60 beats per minute.",
            False,
        ),
        ("The guide provides the doses of velbarin and tessalid.", False),
    ],
)
def test_a_page_blurb_under_the_title_is_left_out(paragraph: str, left_out: bool) -> None:
    """The paragraph under a page's title that describes the page itself ("This guide provides
    …", "This **… Cheat Sheet (KSC)** gives …") is not content: what it lists are the page's
    sections. A tool's name ("This checklist …") opens a blurb only with what the page covers
    ("It covers key areas …"): under the checklist's own title it is the subject."""
    assert header_left_out(paragraph) is left_out


def test_a_page_blurb_gives_no_card_and_the_same_words_under_a_heading_do(tmp_path: Path) -> None:
    """A blurb before the first heading gives no cloze of the page's chapters; the same
    paragraph under a heading of its own is content."""
    source = tmp_path / "korrin.md"
    blurb = (
        "This **Korrin Screen Checklist (KSC)** gives ward nurses a quick screen for older "
        "patients. It covers key areas such as gait, vision, continence and sleep.\n\n"
    )
    rest = "## Gait\n\nKorrin slows the gait:\n\n- short steps\n- a wide base\n- a stooped back\n"
    source.write_text(blurb + rest, encoding="utf-8")
    shown = cards_of(source)
    assert "continence" not in shown and "wide base" in shown
    source.write_text("# Korrin\n\n" + rest + "\n## Screening\n\n" + blurb, encoding="utf-8")
    assert "continence" in cards_of(source)


def test_a_related_section_of_a_chinese_note_and_a_folder_wikilink(tmp_path: Path) -> None:
    """A `## 相關` section of `- 疾病：[[A]]、[[B]]` items was clozed as content, and a link to a
    note in a folder showed the vault's path ("醫學/心臟/Atrial flutter")."""
    source = tmp_path / "velbarin.md"
    source.write_text(
        "# Velbarin\n\n## Uses\n\n"
        "- **Flutter**: [[Cardiology/Rhythms/Atrial flutter]] stroke prevention\n"
        "- **Clots**: [[Deep clots|leg clots]] long-term\n\n"
        "## 🔗 相關\n\n- 疾病：[[Cardiology/Rhythms/Atrial flutter]]、[[Deep clots]]\n"
        "- 對照：[[Heparin]]（注射）\n",
        encoding="utf-8",
    )
    shown = [
        value
        for note in plan_deck(manifest_for_source(source)).notes
        for value in note.fields.values()
    ]
    text = "\n".join(shown)
    assert "Atrial flutter stroke prevention" in text and "leg clots long-term" in text
    assert "Cardiology/" not in text and "Rhythms" not in text
    assert "Heparin" not in text and "疾病" not in text


def test_unclosed_wikilinks_on_a_long_line_are_read_in_one_pass() -> None:
    """`[[` never closed, thousands of times on one line: each opening reads up to the next `[`,
    where reading to the text's end from every one was quadratic (50,000 characters: 2 s)."""
    from builder.kinds import only_links

    assert not only_links("[[korrin|" * 40_000)
    assert only_links("See also: [[korrin]], [[pellan|fever]].")


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        ("- [Signs](#signs)\n- [Care](#care)\n", "contents"),
        ("- Signs .... 2\n- Care .... 5\n", "contents"),
        ("- Signs, p. 2\n- Care, p. 5\n", "contents"),
        ("- Signs\n- Care\n", "contents"),  # the page's own headings, as a plain list
        ("[TOC]\n", "contents"),
        ("", "contents"),
        (
            "Its contents are:\n\n- Flour bin – holds the flour.\n- Salt crock – keeps salt dry.\n",
            None,
        ),
        ("- Flour bin\n- Salt crock\n", None),  # things, not this page's headings
        ("It carries the pantry's pipes and the cellar's cable.\n", None),
    ],
)
def test_a_contents_heading_is_navigation_only_over_links_page_references_or_headings(
    body: str, kind: str | None
) -> None:
    """ "## Contents" heads a table of contents, or what a place holds (an anatomical space's
    nerves and vessels): the section is left out only when its items point into the page."""
    document = parse_document(
        Path("kitchen.md"), f"# Kitchen\n\n## Contents\n\n{body}\n## Signs\n\nx\n\n## Care\n\ny\n"
    )
    section = document.sections[0]
    titles = frozenset(heading_text(s.title) for s in document.walk())
    found = section_kind(section, lambda: titles)
    assert (found.name if found else None) == kind
    assert heading_kind("Table of contents") is not None  # never anything but navigation


def test_a_contents_section_of_facts_is_carded_and_one_of_links_is_left_out(
    tmp_path: Path,
) -> None:
    facts = tmp_path / "pantry.md"
    facts.write_text(
        "---\ntitle: Pantry\n---\n## Contents\n\n- Flour bin – holds the week's flour.\n"
        "- Salt crock – keeps the salt dry.\n",
        encoding="utf-8",
    )
    links = tmp_path / "kettle.md"
    links.write_text(
        "---\ntitle: Kettle\n---\n## Contents\n\n- Parts .... 2\n- Care .... 4\n\n"
        "## Parts\n\n- Lid – seals it.\n",
        encoding="utf-8",
    )
    code, shown = run("cards", str(facts), "--format", "json")
    assert code == 0 and "Flour bin" in shown and "Salt crock" in shown
    code, shown = run("cards", str(links), "--format", "json")
    assert code == 0 and "Lid" in shown and "Parts ...." not in shown


def test_dot_leaders_on_a_long_line_are_read_from_their_first_dot() -> None:
    """A "Contents" item of tens of thousands of dots and no page number: trying the leaders
    from every dot read the run to its end each time (20,000 dots: 20 s, quadratic)."""
    from builder.kinds import _PAGE_REFERENCE

    assert _PAGE_REFERENCE.search("." * 20_000 + "x") is None
    assert _PAGE_REFERENCE.search("…" * 20_000 + "x") is None
    for reference in ("Causes .......... 12", "Causes …… 12", "Causes … 3", "Care, p. 40"):
        assert _PAGE_REFERENCE.search(reference) is not None


def test_a_breadcrumb_ending_in_the_pages_title_is_navigation() -> None:
    """`[[Infectious Disease]] > Antibiotics` under the page "Antibiotics": the vault's path to
    the page, not a fact; a comparison with ">" is content."""
    crumb = Paragraph("Infectious Disease > Korrin Drugs", 1)
    kept, left = content_blocks((crumb,), skipped_kinds(), header=True, title="Korrin Drugs")
    assert kept == () and [kind.name for kind, _ in left] == ["links"]
    compared = Paragraph("Potency: velbarin > quenzol", 1)
    kept, left = content_blocks((compared,), skipped_kinds(), header=True, title="Korrin Drugs")
    assert kept == (compared,) and left == []
