"""Tests for builder.abbreviations (Schwartz & Hearst abbreviation definitions)."""

from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from builder.abbreviations import Abbreviation, find_abbreviations

CASES: list[tuple[str, list[tuple[str, str]]]] = [
    # --- plain "long form (short form)" -------------------------------------------------
    ("magnetic resonance imaging (MRI)", [("MRI", "magnetic resonance imaging")]),
    (
        "Patients underwent computed tomography (CT) scans before surgery.",
        [("CT", "computed tomography")],
    ),
    (
        "Tumours were treated with radiofrequency ablation (RFA).",
        [("RFA", "radiofrequency ablation")],
    ),
    ("Alternatively, microwave ablation (MWA) may be used.", [("MWA", "microwave ablation")]),
    (
        "Estrogen receptor (ER) and progesterone receptor (PR) status was recorded.",
        [("ER", "Estrogen receptor"), ("PR", "progesterone receptor")],
    ),
    # --- reverse "short form (long form)" -----------------------------------------------
    ("MRI (magnetic resonance imaging) is sensitive.", [("MRI", "magnetic resonance imaging")]),
    (
        "Staging used PET (positron emission tomography) where available.",
        [("PET", "positron emission tomography")],
    ),
    (
        "Overexpression of HER2 (human epidermal growth factor receptor 2) is common.",
        [("HER2", "human epidermal growth factor receptor 2")],
    ),
    # --- digits and punctuation in the short form ---------------------------------------
    ("Serum interleukin 6 (IL-6) levels rose.", [("IL-6", "interleukin 6")]),
    ("Patients with type 2 diabetes (T2D) were excluded.", [("T2D", "type 2 diabetes")]),
    # --- letters taken from inside words, hyphenated words ------------------------------
    (
        "Most liver tumours are hepatocellular carcinoma (HCC).",
        [("HCC", "hepatocellular carcinoma")],
    ),
    ("It binds deoxyribonucleic acid (DNA) directly.", [("DNA", "deoxyribonucleic acid")]),
    # three capitals from one word of several: the words they stand for are missing
    ("Korrin Resistance (KRSA) is rising.", []),
    ("Order a radioallergosorbent test (RAST).", [("RAST", "radioallergosorbent test")]),
    # a long form never opens with a minor word ("and Emergency")
    ("Go to Accident and Emergency (A&E) at once.", [("A&E", "Accident and Emergency")]),
    ("Treat diabetic ketoacidosis (DKA) with fluids.", [("DKA", "diabetic ketoacidosis")]),
    ("Serum anti-Müllerian hormone (AMH) falls with age.", [("AMH", "anti-Müllerian hormone")]),
    (
        "Smokers develop non-small cell lung cancer (NSCLC).",
        [("NSCLC", "non-small cell lung cancer")],
    ),
    # --- text after ";" or "," inside the parenthesis is dropped ------------------------
    (
        "X-ray computed tomography (CT; also known as CAT scanning) is widely available.",
        [("CT", "computed tomography")],
    ),
    (
        "Levels of tumour necrosis factor (TNF, also called cachectin) were high.",
        [("TNF", "tumour necrosis factor")],
    ),
    # --- parentheticals that are not abbreviations --------------------------------------
    ("Details are given in the methods section (see below).", []),
    ("The original algorithm (2003) is remarkably simple.", []),
    ("Several modalities are used for staging (e.g. ultrasound).", []),
    ("Early genetic testing (e.g., BRCA) is offered to carriers.", []),
    ("Survival improved significantly (p < 0.05) after treatment.", []),
    ("Outcomes differed between the groups (three separate cohorts).", []),
    # --- letters of the parenthesis cannot be matched -----------------------------------
    ("She had a heart attack (MI) last year.", []),
    # --- abbreviations used without a definition ----------------------------------------
    ("PET scans detected HER2-positive lesions.", []),
    ("Carriers of BRCA1, BRCA2 mutations had raised CA 15-3 levels.", []),
    # --- the long form may not cross a sentence boundary --------------------------------
    ("Each patient had a heart attack (HA).", [("HA", "heart attack")]),
    ("Each patient had a heart attack. Later admissions (HA) were rare.", []),
    ("Was it a heart attack? Later admissions (HA) were rare.", []),
    # --- rejected pairs -----------------------------------------------------------------
    ("She ate an apple with no big bonus (AB).", []),  # 5 words > min(2 + 5, 2 * 2)
    ("The Xy (X-Y) locus was mapped.", []),  # long form shorter than short form
    ("We used the CT scanner protocol (CT).", []),  # long form contains the short form
    ("Use the ct scanner protocol (CT).", []),  # ... in any case
    ("The function f(x) was plotted.", []),  # no space before the parenthesis
    # --- a formula over abbreviations is no abbreviation ---------------------------------
    ("Its span is the korrin gap and the velbar gap (KG+VG).", []),
    ("The reach equals the korrin gap plus the velbar gap (KG + VG).", []),
    ("The margin is the korrin gap minus the velbar gap (KG-VG).", []),
    ("Nurses chart the korrin gap and the velbar gap (KG/VG) daily.", []),
    (
        "The korrin gap (KG) and the velbar gap (VG) add up.",
        [("KG", "korrin gap"), ("VG", "velbar gap")],
    ),
    ("Wards use the Korrin-Velbar Gauge (KVG) daily.", [("KVG", "Korrin-Velbar Gauge")]),
    ("A korrin-velbar scan (KV-S) is quick.", [("KV-S", "korrin-velbar scan")]),
    # --- duplicates: only the first definition of a short form --------------------------
    (
        "We used computed tomography (CT). A repeat cardiac tomography (CT) was done.",
        [("CT", "computed tomography")],
    ),
    # --- nesting ------------------------------------------------------------------------
    (
        "Tumours were imaged (using magnetic resonance imaging (MRI)).",
        [("MRI", "magnetic resonance imaging")],
    ),
    # --- sentences from our article -----------------------------------------------------
    (
        "Imaging techniques such as ultrasound, computed tomography (CT) scans, and magnetic "
        "resonance imaging (MRI) are commonly employed",
        [("CT", "computed tomography"), ("MRI", "magnetic resonance imaging")],
    ),
    (
        "Minimally invasive treatments, such as radiofrequency ablation (RFA) and microwave "
        "ablation (MWA), use heat to destroy tumours.",
        [("RFA", "radiofrequency ablation"), ("MWA", "microwave ablation")],
    ),
    (
        "Estrogen receptor (ER) and progesterone receptor (PR) positive breast cancers",
        [("ER", "Estrogen receptor"), ("PR", "progesterone receptor")],
    ),
    # --- the long form whose words' initials spell the short form, not the shortest match ---
    (
        "Wear personal protective equipment (PPE) on the ward.",
        [("PPE", "personal protective equipment")],
    ),
    ("A patient with a pulmonary embolism (PE) was seen.", [("PE", "pulmonary embolism")]),
    # ...but never words before a first word that gives two letters itself, nor a content word
    # that gives none: the sentence's own words are no part of the expansion
    (
        "Used for the prevention of prepubertal pallor (PPP) in lambs.",
        [("PPP", "prepubertal pallor")],
    ),
    (
        "Stock plans and management of protective equipment (PPE) for wards.",
        [],  # "protective equipment" alone is too loose a match (two initials of three)
    ),
    (
        "Wear clean personal protective equipment (PPE) on the ward.",
        [("PPE", "personal protective equipment")],
    ),
    (
        "Digital Imaging and Communications in Medicine (DICOM) stores images.",
        [("DICOM", "Digital Imaging and Communications in Medicine")],
    ),
    ("Kordin CT angiography (KCTA) shows the vessels.", [("KCTA", "Kordin CT angiography")]),
    ("Give it intravenous (IV) at once.", [("IV", "intravenous")]),
    ("An electrocardiogram (ECG) was normal.", [("ECG", "electrocardiogram")]),  # one word
    # --- not short forms: lower-case phrases, numerals, words and names -------------------
    ("Do not give it under 12 (that is, to children younger than their teens).", []),
    ("The patient is immobile (ii) and cannot walk (iii) far.", []),
    ("Give velbarin (Velbaron) with food.", []),
    ("Velbarin is taken with meals (usually).", []),
    ("Take the tablet(s) twice; the dose (s) varies.", []),
    # --- glosses, not expansions --------------------------------------------------------
    (
        "Korrin scans (KS) help, and KRI (the definitive modality for soft tissue) too.",
        [("KS", "Korrin scans")],
    ),
    ("Distant spread. KOR-CT (FDG-KOR/CT) is the modality of choice.", []),
    ("Augmented Velbar Clearance (ACV) => more clearance", []),  # letters out of order
    ("Medical CT (MDCT) uses a fan-shaped beam.", []),  # keeps CT, and a D from "Medical"
    # --- markup around the long form ----------------------------------------------------
    ("==Fasting korrin glucose (FKG) is checked.", [("FKG", "Fasting korrin glucose")]),
    ("[[Korrin Failure]] (KF) lowers clearance.", []),  # an unclosed bracket: no card
    ("Tessal tilt to korrin plane (TKPA) is 90 degrees.", []),  # A from "pl-a-ne": a word left out
    ("Quellin Tast (TST) - a skin test.", []),  # every letter from one word, "T-as-T": no expansion
    (
        "Electrocardiogram (ECG) on arrival.",
        [("ECG", "Electrocardiogram")],
    ),  # letters that start parts
    (
        "A direct oral anticoagulant (DOAC) or a transesophageal echo (TEE) first.",
        [("DOAC", "direct oral anticoagulant"), ("TEE", "transesophageal echo")],
    ),  # C and E start parts of words: "anti|coagulant", "trans|esophageal"
    ("Tessalin resistance (TRK) is spreading.", []),  # K: a word left out
    ("Velbarin resistance (VRE) is spreading.", []),  # E only from "r|esistance": left out
    (
        "Velbarin-resistant korrins (VRK) are spreading.",
        [("VRK", "Velbarin-resistant korrins")],
    ),
    ("Mark it on the ultrasound scan (USS).", [("USS", "ultrasound scan")]),  # ultra|sound
    ("It blocks korrin-oxidase (KOX) in the gut.", [("KOX", "korrin-oxidase")]),  # X: inside
    ("Extra-renal KB (ERKB) is rarer.", [("ERKB", "Extra-renal KB")]),  # B: in an acronym
    # --- a short word of a sentence is no short form, unless written in capitals ----------
    ("Can I swim after it -- No (not until the wound on the nose has healed).", []),
    ("Taken to theatre, the OR (operating room).", [("OR", "operating room")]),
    # --- a symbol written with a capital after the one word it spells ----------------------
    ("Arsenic (As) and haemoglobin (Hb) are tested.", [("As", "Arsenic"), ("Hb", "haemoglobin")]),
    ("Take two when needed (As) and rest.", []),
    ("Sodium (Na) is the main cation.", []),  # Na is from natrium: no letters of "Sodium"
    # --- a symbol with its charge after one word is an ion, not an abbreviation -------------
    ("Korrin binds calcium (CA++) in the gut.", []),
    ("Give magnesium (Mg2+) and chloride (Cl-) slowly.", []),
    ("Read the kordin test positive (KTP+) result.", [("KTP+", "kordin test positive")]),
    # --- words after the last that gives a letter: the name of a thing around the name ------
    (
        "This Korrin Risk Screen Checklist (KRS) is filled in on admission.",
        [("KRS", "Korrin Risk Screen")],
    ),
    (
        "Insert a velbar endoscopic gastrostomy tube (VEG) at once.",
        [("VEG", "velbar endoscopic gastrostomy")],
    ),
    (
        "The Korrin Tessal Manual of Disorders (KTM) lists them.",
        [("KTM", "Korrin Tessal Manual of Disorders")],
    ),  # a minor word after the last letter's: the name goes on
    (
        "Tessal Korrin Review of Velbar Medicines (TKV) is read.",
        [("TKV", "Tessal Korrin Review of Velbar Medicines")],
    ),  # "Review" gives no letter: the letters do not say where the name ends
    ("Measure the Sella-Korrin-A point (SKA) first.", [("SKA", "Sella-Korrin-A point")]),
    # --- the first letters of one word: a brand or a cut word, not initials ---------------
    ("Give velbarépam (VELBAR) at night.", []),
    ("Give velbarocardiogram (VCG) at night.", [("VCG", "velbarocardiogram")]),
    ("Give velbarépam (VEL) at night.", [("VEL", "velbarépam")]),  # too short to tell
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[text[:40] for text, _ in CASES])
def test_find_abbreviations(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.short, a.long) for a in find_abbreviations(text)] == expected


def test_offsets_point_at_the_definition() -> None:
    text = "Before. Serum interleukin 6 (IL-6) rose, and PET (positron emission tomography) too."
    il6, pet = find_abbreviations(text)
    assert il6 == Abbreviation("IL-6", "interleukin 6", text.index("interleukin"))
    assert pet == Abbreviation("PET", "positron emission tomography", text.index("PET"))


def test_definitions_in_order_across_paragraphs() -> None:
    text = (
        "Staging relies on computed tomography (CT).\n\n"
        "Heat-based options include\nradiofrequency ablation (RFA)."
    )
    assert find_abbreviations(text) == [
        Abbreviation("CT", "computed tomography", text.index("computed")),
        Abbreviation("RFA", "radiofrequency ablation", text.index("radiofrequency")),
    ]


def test_long_form_does_not_cross_paragraph_break() -> None:
    assert find_abbreviations("a heart attack\n\nAt admission (HA) it was noted.") == []


def test_abbreviation_is_frozen() -> None:
    abbreviation = Abbreviation("CT", "computed tomography", 0)
    with pytest.raises(AttributeError):
        abbreviation.short = "MRI"  # type: ignore[misc]


# Text built from pieces that make parentheses and plausible definitions likely.
_PIECES = st.sampled_from(
    [
        " ", "(", ")", " (", ") ", ". ", ", ", "; ", "\n", "\n\n", "-", "e.g.", "CT", "MRI",
        "IL-6", "computed", "tomography", "magnetic", "resonance", "imaging", "a", "A", "x",
        "2", "İ", "ß", "ǅ",
    ]
)  # fmt: skip
_TEXTS = st.one_of(st.text(), st.lists(_PIECES, max_size=40).map("".join))


@settings(max_examples=400)
@given(_TEXTS)
@example("İ0 (:İ0a)")  # a capital whose lower case is two characters: no IndexError
@example("A00 b (A0)")  # a word giving no letter after the long form is left out of it
@example("Falls Risk Screen Checklist (FRS)")
def test_results_are_located_in_the_text(text: str) -> None:
    results = find_abbreviations(text)
    shorts = [a.short for a in results]
    assert len(shorts) == len(set(shorts))
    assert [a.offset for a in results] == sorted(a.offset for a in results)
    for a in results:
        assert a.long and a.short
        assert a.long in text
        after = text[a.offset :]
        if after.startswith(a.long):
            # long form (short form): the short form follows in parentheses, after the words
            # that give it no letter ("Falls Risk Screen Checklist (FRS)" -> "Falls Risk Screen").
            tail = after[len(a.long) :]
            assert re.match(r"(?:\s+[^\s()]+)*\s+\(\s*" + re.escape(a.short), tail), (a, text)
        else:
            # short form (long form): the short form comes before the parenthesis.
            assert after.startswith(a.short), (a, text)
            tail = after[len(a.short) :]
            assert re.match(r"\s+\(", tail), (a, text)
            assert a.long in tail, (a, text)
