"""Key facts stated in a sentence of prose become Basic notes, for a few sentence shapes only.

Prose is read conservatively: most sentences are not one question and one answer. A sentence
that fits one of these shapes cleanly (a short name where a name goes, a short answer) is one;
anything else makes no card, as a wrong card is worse than none:

- a role: "Velbarin is the first-line treatment for Korrin fever." (or "The first-line treatment
  for Korrin fever is velbarin.") asks "First-line treatment for Korrin fever?" -> "Velbarin".
  The roles are first/second/third line, drug/treatment/test/investigation of choice, gold
  standard, guiding principle, mainstay, cornerstone, and "most common(ly used)", "most
  important", "most accurate", "most effective"; the thing named has at most four words and is
  not a pronoun, and the role takes "the" (or no article: "X is first line"), never "a" ("a
  cornerstone" is one of several); "X can be used as Y and is typically second-line …" too;
- a threshold: "A reading of 140/90 mmHg or higher is considered high." asks "Reading considered
  high?" -> "140/90 mmHg or higher" (also "defined as", "classed as", and values written "above
  N", "≥ N" and the like);
- a preference: "Give velbarin in an attack > corbamine is 2nd line" asks "<section>: first
  choice?" -> "velbarin (corbamine 2nd line)"; "Velbarin is only started after the rash settles
  > tessalid if not tolerated" asks when velbarin is started and its alternative;
- a decision or consequence arrow: "Do the KORR score -> give velbarin" (`->`, `=>`, `→`, once)
  asks "<section>: Do the KORR score, then what?" ("Swab test -> result in a day": "Swab test
  leads to?"; "Velbarin -> for severe rash" asks "What is velbarin used for?"). An arrow is
  not always a cause: after a test it is what the test shows ("Chest film -> fluid in the
  fissure" asks "Chest film shows?"), after a class of things it names members of the class
  ("Antiemetics -> korrazine or velbamide" asks "Antiemetics — examples?"), and before "with"
  it adds to the left side ("Rash -> with itching" is the cloze "Rash → with {{itching}}");
  an arrow item another note of the section holds whole (a parent's deletion) asks nothing
  more;
- when a thing is used or given: "Tessalid is (another korrin blocker that is) used when velbarin
  is not tolerated" asks "When is tessalid used?"; "Velbarin is only started after …" too;
- a denial: "Velbarin is NOT a treatment for attacks", "the loading dose (is) not affected by
  kidney failure", "Kidney failure does not change the loading dose" ask "Is velbarin a treatment
  for attacks?" -> "No" (the denied part is a noun phrase or "affected by …"-like, never a
  whole clause); an exception after it is the answer's: "Velbar syrup is not recommended for
  babies unless a doctor has prescribed it" -> "No, unless a doctor has prescribed it";
- a judgement on a setting: "Saliva swabs are preferred in infants" asks "Preferred in
  infants?" (also "padrão ouro", "preferido", "patrón oro", after a setting put first: "Na febre
  aguda, X é o padrão ouro" asks "Padrão ouro na febre aguda?"); "If the rash is new, the swab
  is not reliable because …" (also "não será confiável pois …") asks "If the rash is new, why is
  the swab not reliable?" -> the reason, in the page's language, never a yes/no card from the
  denial; one with no reason makes none (`_judged`);
- a mechanism told as how a thing works: "Velbarin exerts its effect by binding to the K1 pump
  at the gut wall, which …" asks "What does velbarin bind to?" and where, however long the
  sentence runs on (`_works_by`);
- a time: "Test korrin levels 6 weeks after an attack" asks "When to test korrin levels?";
- a schedule: "Labs are required every 4–6 weeks at first, then every 3–6 months" asks "How often
  are labs required?";
- a cause: "Korrin fever is a viral infection caused by the korrin virus" asks "Cause of korrin
  fever?" (also "is commonly caused by A, B, or — in babies — C", the series whole; "This
  condition is caused by …" after a sentence naming it); a mechanism: "Velbarin inhibits
  korrinase" asks "What does velbarin inhibit?"; a comparison: "Infants are 2–5x more sensitive
  than adults" asks how many times;
- a reason: "The korrin count is checked because velbarin can lower it" (also "… as it does not
  …", "The spleen has no valves, so it is a soft target") asks "Why is the korrin count
  checked?" (definition.reasoned: a case, a comparison or a pronoun's reason is none); in
  another language, "X continua eficiente na Y pois Z" (also "porque", "car", "parce que",
  "perché", "weil") asks "Por que X continua eficiente na Y?" -> Z cut before a relative aside,
  however long the sentence (`_reason_abroad`);
- when a thing occurs: "Wet korrin occurs when a worm blocks a duct" (also "happens when",
  "develops when") asks "When does wet korrin occur?" -> "A worm blocks a duct" (a ", causing
  …" aftermath left out);
- a choice with its course: "Common drugs include velbarin or tessalid, typically for 10 days"
  asks which drugs and for how long;
- instructions: "If the rash itches at night, consider an antihistamine" asks "If the rash itches
  at night, consider what?"; "Treat X with Y", "Do not use X in Y", "Cardiovert only in Y";
  "Don't give X after delivery" under a stage's heading asks "<heading>: when not to give X?";
- an urged instruction timed by a step: "It is important to clean hands before and after wearing
  gloves" asks "<section>: when to clean hands?";
- a share in words: "About half of all people with X get Y" asks "What share of people with X
  get Y?"; what lowers a risk: "Early treatment reduces your risk of Y" asks "What reduces the
  risk of Y?" -> "Early treatment";
- a rate in words: "The liver can clear about one drink per hour" asks "How much can the liver
  clear per hour?" (an amount in digits is the measure rule's cloze).

- a patient page's advice as a series: "Your doctor may recommend resting, using drops, and
  wearing dark glasses" asks "<section>: what may the doctor recommend?" -> the three;
- advice to the reader: "If you wear glasses, you'll be advised to clean them daily" (also "you
  should", "you need to"; the condition about "you") asks "<section>: If you wear glasses, what
  should you do?"; "you should not …" asks what not to do; a condition pointing elsewhere, "If
  you notice any of these", none;
- a reason put first: "Since korrin eye is usually viral, antibiotics won't help, and …" asks
  "Why won't antibiotics help?" -> "Korrin eye is usually viral" (not when the question points
  back: "… limit its spread"); "Since X is not a …, it is safer in …" asks why of X, the reason
  said of "It";
- a guideline's advice against: "The KORR guidelines recommend that the swab should not be used
  as a routine test in infants" asks "Should the swab be used as a routine test in infants?" ->
  "No";
- the only way: "Yearly skin checks are the only way to detect korrin fever early" asks "Only
  way to detect korrin fever early?";
- what affects a thing most: "Korrin levels are affected by many factors, especially body
  weight" asks "What especially affects korrin levels?";
- a meaning: "Barrier nursing means caring for a patient behind a screen" (also "refers to")
  asks "What does barrier nursing mean?" (never "This means …" or "… means that …"); a
  paragraph's definition, "Korrin fever is defined as a count below 40" (also "se define
  como", "è definita come", "est définie comme", "é definida como", "wird definiert als"), asks
  "Korrin fever: definition?" in the page's words, unless a figure with its unit is its cloze;
- a risk: "Tessalid has been associated with an increased risk of hair loss" (also "carries",
  "increases the risk of") asks "Increased risk of what with tessalid?";
- a contraindication: "Velbarin is contraindicated in pregnancy" (or "…, it is contraindicated
  in pregnancy") asks "<section>: contraindicated in?"; on a deck about velbarin, "Nerve blocks
  are contraindicated in patients taking velbarin" asks "Contraindicated in patients taking
  velbarin?" -> "Nerve blocks" (the topic a front carries would give its answer away, and any
  other fact whose answer is only the topic and a word more is asked without it: `_topic_gives`);
- a finding and its diagnosis: "If the titre is normal but the joints swell, think of velbar
  arthritis" (also "you likely have", "suspect") asks "<section>: If …, likely diagnosis?";
- an attribute's value: "Dose is 40 mg over 3 hours" (dose, duration, onset, route, target,
  frequency, half-life, "loading dose" …, with a figure) asks "<section>: dose?";
- the things checked: "Usual tests that are checked are the titre, the blood count, and swabs"
  asks "<section>: Which tests are checked?" -> the items;
- a name's reason: "Most people never notice the rash — that's why it's called the 'quiet
  fever'" asks "Why is korrin fever called the “quiet fever”?";
- an order of use: "Apply barrier cream before steroid cream (B before S)" asks "Apply barrier
  cream before or after steroid cream?" -> "Before (B before S)"; "X should only be used in Y"
  asks "When should X be used?".
- what things lead to: "Endothelin leads to constriction, nitric oxide leads to dilation" (every
  clause a thing and a short effect) asks "<section>: endothelin leads to?" -> "Constriction";
- a name: "Arterioles are called "resistance vessels" due to …" asks "What are arterioles
  called?"; where the biggest of something happens ("<section>: where does the biggest pressure
  drop happen?"); what only one thing does: "Only the vagus slows the SA node" asks "What slows
  the SA node?" -> "Only the vagus".

A role whose answer is the section's own heading ("Barrier creams are first line" under
"Barrier creams", shown in the source line above the question) is asked the other way round:
"Role of barrier creams?" -> "First line for …" (one note for the thing's roles in a section), and
so is one whose answer is the page's topic ("Metformin is first line for …" on metformin's page);
any other fact whose answer is the heading makes no card. A name's gloss after "--" or "—"
("SLOW -- scan lightly only when needed") stays with the name.

A "Note:" flag before the sentence is dropped, and "Guidelines recommend that" before it too. The
sentences read are the section's paragraphs and the list items (and sub-items) that are
sentences (a short item is the enumeration rule's), and a clause a paragraph sets in bold
(`leads.bold_statements`: "… worth saying that **velbarin does not cause low blood pressure**
and …" is read as a sentence of its own); a sentence opening with "It" has the last
sentence's subject in its place; a fact whose question or answer still points back ("1 week
after starting these drugs", "They …") makes no card. A list item that the definition rule,
or the enumeration rule's note for its list (a deletion in it, or the list answer), already
asks makes no second card. A paragraph under a heading naming a thing ("Passing korrin attack
(PKA)") speaks of that thing when a sentence opens with
its name ("A PKA …"), or, in the section's first paragraph while nothing else has been named,
with "It", "This" or "This kind of korrin": those sentences are read with the thing's short name
as their subject, a second predicate ("… doesn't cause harm and is caused by …") as a sentence
of its own, and "<the thing> is a …" asks "Passing korrin attack (PKA): definition?" (an opening
"Sometimes called X," kept as "(also called X)"). A section that is
one paragraph under a heading naming a subject ("Anomic korrin" + its description, or "Similar
to early korrin but …") asks that subject: "Anomic korrin?" -> the paragraph's first sentence.
A heading such as "Description", "Definition of X" or "What is X?" over one paragraph or one
bullet "X is (defined as) …", or a lone `Definition: …` item among other facts, asks "X:
definition?". A section opening with a bare choice and what to do if it fails ("Velbarin or
tessalid. If one does not work, add: …") asks "<section>: first choice?". A mnemonic line and
its comma list (or ordering, `A > B > C`) whose initials spell it ("KORR" then "Kidneys, Oedema,
Rash, Rigors"), in a paragraph or a list item, asks "<section>: mnemonic KORR?". Lines whose
bold initials spell a word (`**D**ry mouth`, `**R**ash`, `**Y**ellow eyes`: a paragraph of such
lines, or a list whose items explain each letter, `- **D**ry mouth: is the tongue dry? …`) make
one cloze per letter's meaning under the list's short lead-in, or the heading and the word as
written ("DRY-K", "D.R.Y."); so do letters written a paragraph each (`**N**: Nerve.`, a blank
line, `**A**: Artery.`), never asked a letter alone ("N?" -> "Nerve."). An item (or an
outline's bold lead-in) naming a thing with its rank in brackets ("Culture (gold standard)",
"Velbarin (first-line, cheap)") asks "<the list's subject>: gold standard?" -> "Culture",
unless the list's cloze shows the bracket beside its deletion. Worked examples ("Example: …",
"For example, …") are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import Literal

from ..document import Block, ListBlock, ListItem, Paragraph, RawBlock, Section
from ..notes import DELETION, Note, deletion, make_key, over_side_limit
from ..text import (
    ARROW,
    ARROW_SPLIT,
    arrow_verb,
    bold_initials,
    chain_nodes,
    content_words,
    drawn_arrows,
    explained_initials,
    heading_subject,
    heading_text,
    initial_runs,
    is_population,
    is_relational,
    leans_back,
    lower_first,
    names_topic,
    plain,
    points_back,
    short_subject,
    spelled_initials,
    split_sentences,
    states_a_figure,
    without_asides,
)
from . import enumeration
from .context import Context
from .definition import (
    MAX_REASON_WORDS,
    MIN_REASON_WORDS,
    bold_label,
    definition,
    is_definition_list,
    is_instruction,
    names_a_person,
    names_signs,
    one_line_paragraphs,
    reasoned,
)
from .faq import answered_blocks
from .leads import (
    FINITE_VERBS,
    Lead,
    bold_statements,
    bold_subject,
    captions,
    is_example,
    is_example_text,
    lead_of,
    subject,
)
from .prose_list import item_spans

Place = Literal["topic", "section", "under", "named"]
"""How a question is made to stand alone: "topic" adds "in <topic>" (when it does not name it);
"section" opens it with the section's subject ("Acute management in gout: first choice?");
"under" does so even when the question has words enough to stand alone ("Vessel tone: cold
leads to?": the effect is the section's);
"named" already names its thing ("Korrin attack (KA): definition?")."""
Fact = tuple[str, str, Place]
"""(question without "?", answer, place)."""

_ROLE = (
    r"(?:(?:first|second|third|1st|2nd|3rd)[- ]line|(?:drug|treatment|test|investigation|"
    r"imaging|agent|procedure) of choice|gold[- ]standard|mainstay|cornerstone|"
    r"guiding principle|only\s+(?:way|means|method|test|treatment|cure)\s+(?:to|of|for)\b|"
    r"(?:single\s+)?most\s+(?:commonly\s+used|common|important|accurate|"
    r"effective|sensitive|specific))"
)
_ROLE_END = (
    r"(?=\s*(?:[,.;(]|\band\b|\bbut\b|\bwhich\b|\bbecause\b|\bcuz\b|\bsince\b|\bas well\b|$))"
)
_USUALLY = r"(?:(?:typically|usually|generally|often|also)\s+)?"
_PRONOUN = re.compile(
    r"^(?:it|this|that|these|those|they|there|which|another|other|one|each|both|all|some|such|"
    r"he|she|we|you|i)\b",
    re.IGNORECASE,
)
_NAME = r"[^\s,;:()]+(?:\s+[^\s,;:()]+){0,3}?"
"""A thing's name: one to four words (checked again by `_names_a_thing`)."""
_THING_IS_ROLE = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:is|are|remains|remain)\s+{_USUALLY}"
    rf"(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?){_ROLE_END}",
    re.IGNORECASE,
)
_ROLE_IS_THING = re.compile(
    rf"^(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?)\s+(?:is|are)\s+(?P<x>{_NAME})"
    r"(?=\s*(?:[,.;(]|--|—|–|\bwhich\b|\bthat\b|\bbecause\b|$))",
    re.IGNORECASE,
)
_AND_ROLE = re.compile(
    rf"\band\s+(?:is|are)\s+{_USUALLY}(?:the\s+)?(?P<role>{_ROLE}\b[^,.;()]*?)"
    r"(?=\s*(?:[,.;(]|\band\b|\bbut\b|\bas well\b|$))",
    re.IGNORECASE,
)
_USED_AS = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:can\s+be|may\s+be|is|are)\s+used\s+as\s+(?P<y>[^,.;()]{{2,40}}?)"
    r"(?=\s+and\s|\s*[,.;]|$)",
    re.IGNORECASE,
)
_THRESHOLD = re.compile(
    r"^(?:an?\s+|the\s+)?(?P<what>[a-z][\w -]{0,30}?)\s+(?:of\s+)?"
    r"(?P<value>(?:(?:[≥≤><]|above|over|below|under|greater than|less than|more than)\s*)?"
    r"\d[^\s,;()]*+(?:\s*[a-zA-Z%°/µ]+\S*+)?"
    r"(?:\s+(?:or|and)\s+(?:higher|more|above|greater|over|lower|less|below|under))?)"
    r"(?P<aside>\s*\([^()]*\))?\s+(?:is|are)\s+(?:considered|defined as|classed as|"
    r"classified as|regarded as|diagnosed as|diagnostic of)\s+(?P<kind>[^,.;()]{2,40}?)"
    r"\s*(?:[,.;(]|$)",
    re.IGNORECASE,
)
_GLOSSED = re.compile(r"\s*(?:--|—|–)\s*(?P<gloss>[^.;,()—–-]{2,60}?)\s*(?:[.;,(]|$)")
"""A gloss after a name: "… is ALARA -- as low as reasonably achievable." """
MAX_GLOSS_WORDS = 8
_END = r"\s*[.!]?\s*$"
_REASON = r"(?:,?\s+(?:because|cuz|since|due to)\b.*|,?\s+as\s+(?:it|they|this|these)\b.*)?"
"""A reason tail ("…, because levels are raised during it"): read past, not asked."""

# A preference (`A > B`) or a decision arrow (`A -> B`).
_GIVE = re.compile(
    r"^(?:give|use|start|offer|prefer|try|prescribe)\s+(?P<x>.+?)"
    r"(?:\s+(?:in|for|during)\s+[^,;]+)?$",
    re.IGNORECASE,
)
_NEXT_LINE = re.compile(
    rf"^(?P<b>{_NAME})\s+(?:is|are)\s+(?:the\s+)?(?P<rank>(?:second|2nd|third|3rd)[- ]line)\b",
    re.IGNORECASE,
)
_NEXT_IF = re.compile(rf"^(?P<b>{_NAME})\s+if\s+(?P<cond>[^,;]{{3,40}}?){_END}", re.IGNORECASE)
_ARROW = ARROW_SPLIT  # `-->`, `---|E|-->`, `--(-)>` each one token (`text.ARROW`)
MAX_ARROW_WORDS = 10
_LEANING = frozenset("both it them this that these those one".split())
"""Words that end a cause leaning on what came before ("Classic NSAIDs block both -> …")."""
_PLURAL_VERBS = frozenset(
    "are were have do can may might must should will would make cause lead give show mean need"
    " look seem become appear".split()
)
"""Verbs of a plural subject: after one, "blocks" or "activates" was that subject's last word
(a noun), and no thing is said to block what follows."""

# When a thing is used, given, started; a denial.
_WHEN_USED = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<be>is|are)\s+"
    r"(?:(?:an?|another)\s+[^,;]{1,30}?\s+(?:that|which)\s+(?:is|are)\s+)?"
    r"(?:also\s+)?(?P<only>(?:only|mainly|usually|typically)\s+)?"
    r"(?P<verb>used|given|started|stopped|begun|introduced|indicated|reserved)\s+"
    r"(?P<only2>only\s+)?(?P<prep>after|when|once|until|before|if|for)\s+"
    rf"(?P<y>[^;]{{3,90}}?){_REASON}{_END}",
    re.IGNORECASE,
)
_ONLY_USED = re.compile(
    rf"^(?P<x>{_NAME})\s+should\s+only\s+be\s+(?P<verb>used|given|started)\s+"
    rf"(?P<prep>in|when|if|after|once)\s+(?P<y>[^;]{{3,60}}?){_REASON}{_END}",
    re.IGNORECASE,
)
_DENIED = (
    r"(?P<y>(?:an?|the)\s+[^,;]{2,50}?|(?:affected|altered|changed|impacted|influenced|"
    r"indicated|recommended|required|needed|given|used)\b[^,;]{0,50}?)"
)
_IS_NOT = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:(?P<be>is|are|should|must)\s+)?(?:(?:also|still|however),?\s+)*"
    rf"not(?:\s*,\s*however\s*,|\s+also)?\s+(?P<modal>be\s+)?{_DENIED}"
    rf"(?:,?\s+(?P<unless>(?:unless|except\s+(?:if|when|in|on))\s+[^;]{{3,80}}?))?{_REASON}{_END}",
    re.IGNORECASE,
)
_DOES_NOT = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<do>does|do)(?:\s+not|n[’']t)\s+"
    r"(?P<verb>affect|impact|change|alter|influence|cause)"
    rf"\s+(?P<y>[^,;]{{2,40}}?){_REASON}{_END}",
    re.IGNORECASE,
)

# A time, a schedule.
_SPAN = (
    r"(?:(?:at least|about|around|approximately)\s+)?\d[\d.]*(?:\s*[-–]\s*\d[\d.]*)?\s*"
    r"(?:hours?|hrs?|days?|weeks?|wks?|months?|years?)"
)
_DO_AFTER = re.compile(
    r"^(?P<verb>test|check|measure|repeat|recheck|retest|start|stop|give|review|monitor|"
    r"reassess)\s+(?P<obj>[^,;]{2,40}?)\s+"
    rf"(?P<when>{_SPAN}\s+(?:after|before|post|following)\s+[^,;]{{2,40}}?){_REASON}{_END}",
    re.IGNORECASE,
)
_DONE_AFTER = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<be>is|are|should be)\s+(?P<verb>checked|measured|repeated|"
    rf"tested|started|stopped|given)\s+(?P<when>{_SPAN}\s+(?:after|before|post|following)\s+"
    rf"[^,;]{{2,40}}?){_REASON}{_END}",
    re.IGNORECASE,
)
_EVERY = re.compile(
    r"^(?:(?:usually|typically|generally|normally),?\s+)?(?P<x>[^,;]{2,40}?)\s+"
    r"(?:(?P<be>is|are|should be|must be)\s+)?(?P<verb>required|done|checked|repeated|needed|"
    r"measured|monitored|performed|tested|reviewed)?\s*(?P<when>every\s+\d.*?)\s*[.]?$",
    re.IGNORECASE,
)
MAX_SCHEDULE_WORDS = 24

# A cause, a mechanism, a comparison, a choice with its course.
_CAUSED_BY = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:is|are)\s+(?:(?:an?)\s+[^,;]{{2,40}}?\s+)?"
    r"(?:(?:most\s+)?(?:commonly|usually|often|mostly|mainly|typically|frequently)\s+)?caused\s+by\s+"
    r"(?P<z>[^,;]{2,70}?)\s*(?:[;,]|\.?$)",
    re.IGNORECASE,
)
_OCCURS = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:(?:usually|typically|often|mostly)\s+)?"
    r"(?P<verb>occurs?|happens?|develops?)\s+when\s+(?P<y>[^;:]{3,160}?)\s*\.?$",
    re.IGNORECASE,
)
_ACTS_ON = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<verb>inhibits?|blocks?|activates?|stimulates?|antagoni[sz]es?)\s+"
    r"(?P<y>[^,;—–]{2,100}?)\s*(?:[,;.—–]|$)",
    re.IGNORECASE,
)
MAX_TARGET_WORDS = 6
MAX_TARGET_CHARS = 50
_TIMES_MORE = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<be>is|are)\s+(?P<n>(?:about\s+)?\d[\d.]*(?:\s*[-–]\s*\d[\d.]*)?"
    r"\s*(?:x|×|times|-fold|fold))\s+more\s+(?P<adj>[\w-]+)\s+than\s+(?P<z>[^,;]{2,30}?)"
    rf"{_REASON}{_END}",
    re.IGNORECASE,
)
_INCLUDE_FOR = re.compile(
    r"^(?P<x>[^,;]{2,40}?)\s+includes?\s+(?P<items>[^,;]{1,30}?\s+(?:or|and)\s+[^,;]{1,30}?),"
    r"\s*(?:typically|usually|normally|generally)\s+(?:taken\s+|given\s+|used\s+)?for\s+"
    rf"(?P<n>{_SPAN}){_END}",
    re.IGNORECASE,
)

# A risk; the things checked.
_RISK = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:(?:is|are)\s+[^,;]{{2,40}}?\s+and\s+)?"
    r"(?:(?:has|have)\s+been\s+(?:associated|linked)\s+with|(?:is|are)\s+(?:associated|linked)"
    r"\s+with|carr(?:y|ies)|increases?|raises?)\s+(?:an?\s+|the\s+)?"
    r"(?P<more>increased|higher|greater|raised)?\s*risks?\s+of\s+(?P<y>[^,;()]{2,60}?)"
    rf"{_REASON}{_END}",
    re.IGNORECASE,
)
_CHECKED = re.compile(
    r"^(?:(?:the\s+)?(?:typical|usual|common|routine|main|standard)\s+)?(?P<x>[a-z][\w -]{1,30}?)"
    r"\s+(?:that|which)\s+(?:are|is)\s+(?:usually\s+|routinely\s+|typically\s+)?"
    r"(?P<verb>checked|monitored|measured|tested|ordered|done)\s+(?:are|include)\s+"
    rf"(?P<items>[^;]{{3,160}}?){_END}",
    re.IGNORECASE,
)
_WHY_NAMED = re.compile(
    r"^(?P<why>[^;]{10,100}?)\s*(?:[—–]|--|\s-|,|;)\s*(?:that[’']s|that\s+is|which\s+is|this\s+is)"
    r"\s+why\s+(?:it[’']s|it\s+is)\s+(?:called|known\s+as|nicknamed)\s+(?P<the>the\s+)?"
    r"(?:[“\"](?P<quoted>[^”\"]{2,40}?)[.!]?[”\"]|(?P<name>[^;“\"]{2,40}?)\s*[.!]?\s*$)",
    re.IGNORECASE,
)
WHY_NAMED = "Why is it called "
"""The question a name's reason asks; `extract` puts the topic in place of "it"."""
_ESPECIALLY = re.compile(
    rf"^(?P<x>{_NAME})\s+(?:is|are)\s+(?:(?:often|easily)\s+)?(?:impacted|affected|influenced|"
    r"confounded|altered)\s+by\s+(?:(?:many|several|various|multiple|numerous)\s+)?"
    r"(?:[\w-]+)?\s*,?\s*(?:especially|particularly|notably|mainly|most\s+of\s+all)\s+"
    rf"(?P<y>[^,;()]{{2,40}}?){_REASON}{_END}",
    re.IGNORECASE,
)
MAX_CHECKED_ITEMS = 6
MAX_CHECKED_ITEM_WORDS = 6

# Instructions.
_IF_DO = re.compile(
    r"^if\s+(?P<cond>[^,;]{3,80}?),\s*(?:then\s+)?(?P<verb>consider|give|use|start|offer|try|"
    rf"add|prescribe|stop)\s+(?!(?:and|or|then)\b)(?P<x>[^,;]{{2,60}}?){_END}",
    re.IGNORECASE,
)
_IF_LIKELY = re.compile(
    r"^if\s+(?P<cond>[^,;]{3,100}?),\s*(?:then\s+)?(?:you\s+|it\s+|the\s+patient\s+)?"
    r"(?:(?:most\s+)?likely\s+(?:have|has|is)|think\s+(?:of|about)|suspect)\s+"
    r"(?P<x>[^,;]{2,40}?)(?:\s+instead)?(?:,\s*(?:which|that)\s+(?:is\s+)?(?P<gloss>[^;]{3,80}?))?\.?$",
    re.IGNORECASE,
)
"""A finding and the diagnosis it points to: "If the titre is normal but the joints swell, think
of velbar arthritis (, which is …)"."""
_ORDER = re.compile(
    rf"^(?P<verb>apply|give|take|use|start|inject)\s+(?P<x>{_NAME})\s+(?P<when>before|after)\s+"
    rf"(?P<y>{_NAME})(?P<aside>\s*\([^()]*\))?{_END}",
    re.IGNORECASE,
)
_TREAT_WITH = re.compile(
    rf"^(?P<verb>treat|manage)\s+(?P<x>[^,;]{{2,40}}?)\s+with\s+(?P<y>[^,;]{{2,50}}?){_END}",
    re.IGNORECASE,
)
_DO_NOT = re.compile(
    rf"^(?:do\s+not|don't|never)\s+(?P<verb>use|give|prescribe|start|offer)\s+(?P<x>{_NAME})\s+"
    r"(?P<prep>in|to|with|if|after|before|during)\s+"
    r"(?P<presence>the\s+presence\s+of\s+|patients\s+with\s+)?"
    rf"(?P<y>[^;]{{2,80}}?){_REASON}{_END}",
    re.IGNORECASE,
)
_STAGE_PREPS = frozenset({"after", "before", "during"})
"""A time a `_DO_NOT` instruction forbids in ("Don't give X after delivery"): a step of the stage
its heading names, asked under that heading."""
_CAN_CAUSE = re.compile(
    rf"^(?P<x>{_NAME}),?\s+(?:(?:is|are)\s+[^,;]{{2,60}}?\s+and\s+)?(?P<can>can|may|could)\s+"
    r"(?:also\s+)?cause\s+(?P<y>[^,;:()]{2,60}?)(?:,\s*(?:where|which|with|especially)\b.*)?"
    r"\s*[.!]?$",
    re.IGNORECASE,
)
"""What a named thing can cause: "Velbarin can cause a dry cough"."""
_COUNT_WORDS = frozenset("one two three four five six seven eight nine ten half".split())
_CAUSE_FOLLOWS = frozenset("you your them him her us me it this that these those".split())


def _can_cause(sentence: str, bare: str) -> list[Fact]:
    """ "SGLT2 blockers, now widely prescribed, can cause a sugar-normal ketoacidosis" asks
    "What can SGLT2 blockers cause?": the thing a pronoun names is in another sentence, and
    "cause you to …" says what happens to someone, no effect to name."""
    found = _CAN_CAUSE.match(sentence.strip())
    if found is None or not _names_a_thing(found["x"]) or _PRONOUN.match(found["x"]):
        return []
    effect = found["y"].strip()
    if effect.split()[0].lower() in _CAUSE_FOLLOWS or _is_clause(effect):
        return []
    if " per " in f" {effect.lower()} " or effect.split()[0].lower() in _COUNT_WORDS:
        return []  # "one fall per year": a rate, whose number is the fact
    if len(without_asides(effect).split()) > MAX_TARGET_WORDS or states_a_figure(effect):
        return []  # a figure in it: the measure rule's cloze
    thing = lower_first(_clean(found["x"]))
    answer = effect[:1].upper() + effect[1:]
    return [(f"What {found['can'].lower()} {thing} cause", answer, "topic")]


_IF_ADVISED = re.compile(
    r"^if\s+(?P<cond>(?:you|your)\s[^,;]{3,60}?),\s*(?:you(?:'ll|’ll|\s+will)\s+be\s+(?:advised|told|"
    r"asked)\s+to|you\s+should(?:\s+also)?|you(?:'ll|’ll|\s+will)?\s+need\s+to)\s+"
    rf"(?P<x>[a-z][^;:]{{2,80}}?){_END}",
    re.IGNORECASE,
)
"""Advice to the reader on a patient page: "If you wear lenses, you'll be advised to stop
wearing them" (the condition about the reader: "If the patient is …, you should …" leans on
what the sentence before says)."""
_SINCE = re.compile(
    r"^(?:since|because)\s+(?P<why>[^,;]{5,100}?),\s+(?P<x>[^\s,;]+(?:\s+[^\s,;]+){0,3}?)\s+"
    r"(?P<aux>won[’']t|can[’']t|cannot|don[’']t|doesn[’']t|isn[’']t|aren[’']t|will|can|do|does|"
    r"is|are|should|must|may)\s+(?P<rest>[^,;]{2,80}?)(?:,\s*(?:and|but|so)\s.*|\s*[.!]?)$",
    re.IGNORECASE,
)
"""A reason put first: "Since korrin eye is usually viral, antibiotics won't help, and …" asks
"Why won't antibiotics help?" -> "Korrin eye is usually viral"."""
_NEGATED_AUX = {"cannot": ("can", "not ")}
_POINTING_COND = frozenset("it its they them this these those above below".split())
"""A condition that points elsewhere ("If you notice any of these"): its front says nothing."""
_POINTS_BACK = frozenset("it its they them their this these those".split())


def _since(sentence: str, bare: str) -> list[Fact]:
    found = _SINCE.match(bare)
    if found is None or names_a_person(found["x"]):
        return []
    named = found["x"]
    if not _names_a_thing(named):
        # "Since X is not a …, it is safer in …": the pronoun is the reason's own subject
        owner = _REASON_SUBJECT.match(found["why"]) if _PRONOUN.fullmatch(named) else None
        if owner is None or not _names_a_thing(owner["x"]) or names_a_person(owner["x"]):
            return []
        why = found["why"][owner.end("x") :].strip()
        question = _since_question(found, owner["x"])
        pronoun = "They" if owner["verb"].lower() in ("are", "have", "do") else "It"
        return [(question, f"{pronoun} {why}", "topic")] if question else []
    if _POINTS_BACK.intersection(found["rest"].lower().split()):
        return []  # "… can help limit its spread": "its" is the reason's thing
    aux, rest = found["aux"].lower().replace("’", "'"), found["rest"].strip()
    aux, negation = _NEGATED_AUX.get(aux, (aux, ""))
    why = found["why"].strip()
    question = f"Why {aux} {lower_first(_clean(found['x']))} {negation}{rest}"
    return [(question, why[:1].upper() + why[1:], "topic")]


_REASON_SUBJECT = re.compile(
    r"^(?P<x>[^\s,;]+(?:\s+[^\s,;]+){0,3}?)\s+(?P<verb>is|are|has|have|does|do)\s+(?:not\s+)?\w"
)
"""A reason's subject, a short name before its verb ("ethacrynic acid is not a sulfonamide")."""


def _since_question(found: re.Match[str], thing: str) -> str:
    """ "Why <aux> <thing> <rest>" for a reason put first; "" when the rest points back."""
    if _POINTS_BACK.intersection(found["rest"].lower().split()):
        return ""
    aux = found["aux"].lower().replace("’", "'")
    aux, negation = _NEGATED_AUX.get(aux, (aux, ""))
    return f"Why {aux} {lower_first(_clean(thing))} {negation}{found['rest'].strip()}"


_ONLY_IF = re.compile(
    r"^(?P<verb>[A-Z][a-z]{3,})\s+only\s+(?P<prep>in|if|when|after|once)\s+"
    rf"(?P<y>[^;]{{3,80}}?){_REASON}{_END}"
)
_LABELLED = re.compile(
    r"^(?:(?:\*\*|__)[^*_]+?(?::(?:\*\*|__)|(?:\*\*|__)\s*:)|[^\s:*]+(?:\s[^\s:*]+){0,3}:\s)"
)
"""A `**Term:** text` or `Term: text` item: the definition rule's."""
_RECOMMEND = re.compile(
    r"^(?:the\s+)?(?:[\w-]+\s+){0,3}(?:guidelines?|recommendations?|guidance)\s+"
    r"(?:recommends?|advises?|states?)\s+that\s+",
    re.IGNORECASE,
)
_FLAG = re.compile(r"^(?:note|nb|n\.b\.|important|remember)\s*:\s*", re.IGNORECASE)

MAX_SENTENCE_WORDS = 40
MAX_ANSWER_WORDS = 20
MAX_SUBJECT_WORDS = 4
MAX_FIRST_SENTENCE_WORDS = 25
MAX_DESCRIPTION_COMMAS = 4
_GLOSS = re.compile(r"\s+[—–-]\s+|\s*;\s*")
"""Between a description's noun phrase and its gloss: "Rash without fever — the skin …"."""


def extract(section: Section, ctx: Context) -> list[Note]:
    notes: list[Note] = []
    answered = answered_blocks(section.blocks) | captions(section.blocks)  # a picture's caption
    asked: set[str] = set()
    headed: dict[str, tuple[str, list[str], int]] = {}  # a heading's thing: its roles
    listed: frozenset[int] | None = None  # items another rule's note asks: found when needed
    for index, block in enumerate(section.blocks):
        if index in answered:
            continue
        stated = list(_sentences(block, section))
        if stated and isinstance(block, ListBlock):
            listed = _listed(section, ctx) if listed is None else listed
            stated = [(line, sentence) for line, sentence in stated if line not in listed]
        named = _heading_thing(section) if isinstance(block, Paragraph) else ""
        for line, sentence in stated:
            if named and sentence[:4].lower() == "all ":
                sentence = _of_the_class(sentence, named)
            defined = _defined_as(sentence) if isinstance(block, Paragraph) else []
            for question, answer, place in facts(sentence) + _defined(sentence, named) + defined:
                if leans_back(question) or leans_back(answer):
                    continue  # "… after starting these drugs": which is in another sentence
                if _truism(question, section):
                    continue  # "Most diseases are caused by germs" under no heading of diseases
                shown = _in_heading(answer, section.path)
                if not shown and _RANK.match(question) and _is_topic(answer, ctx.topic):
                    shown = "heading"  # "Metformin is first line for …" on metformin's page
                if shown and (_RANK.match(question) or shown == "heading"):
                    # "Emollients are 1st line" under "Emollients": the answer is shown above
                    # the question, so the heading's thing is asked about instead
                    if _RANK.match(question):
                        thing = without_asides(answer.split(" — ", 1)[0]).strip()
                        role = question[:1].upper() + question[1:]
                        gloss = answer.split(" — ", 1)[1] if " — " in answer else ""
                        found = headed.setdefault(thing.lower(), (thing, [], line))
                        found[1].append(f"{role} ({gloss})" if gloss else role)
                    continue
                given = place != "named" and _topic_gives(question, answer, ctx.topic)
                thing = question.removesuffix(_CONTRAINDICATED_IN)
                if given and question == _CONTRAINDICATED_IN.strip():
                    continue  # "It is contraindicated in?" -> "patients on <topic>": no question
                if given and thing != question:
                    # "X contraindicated in?" -> "patients on <topic>": the topic the front
                    # carries is the answer; ask what is contraindicated in them instead
                    question = f"Contraindicated in {answer}"
                    answer = thing[:1].upper() + thing[1:]
                    front = f"{question}?"
                elif given:  # "What is X used for?" -> "<topic> diagnosis": no "in <topic>"
                    about = ctx.subject(section) if place != "topic" else ""
                    front = (
                        f"{about}: {question}?"
                        if about
                        else f"{question[:1].upper()}{question[1:]}?"
                    )
                elif place == "named":
                    front = f"{question}?"  # "Korrin attack (KA): definition?" names its thing
                elif place == "under" or (
                    place == "section" and not (ctx.topic and names_topic(question, ctx.topic))
                ):
                    # a list's label says what its items are about ("Creatinine limits:")
                    lead = _list_lead(section.blocks, index)
                    about = subject(lead, section, ctx) if lead else ctx.heading(section)
                    if "?" in about:
                        continue  # a heading that asks ("What should I do if …?"): its card
                    thing = question.removesuffix(_CONTRAINDICATED_IN)
                    if thing != question and names_topic(thing, about):
                        question = _CONTRAINDICATED_IN.strip()  # "Velbarin: contraindicated in?"
                    front = f"{about}: {question}?"
                elif not ctx.topic and _unnamed(question, about := ctx.subject(section)):
                    front = f"{about}: {question}?"  # no topic: the section's subject situates it
                else:
                    front = ctx.situate(question[:1].upper() + question[1:]) + "?"
                if question.startswith(WHY_NAMED):
                    if not ctx.topic:
                        continue  # "Why is it called …?" names nothing
                    front = f"Why is {ctx.topic} called {question[len(WHY_NAMED) :]}?"
                mark = next((mark for mark in ARROW_MARKS if question.endswith(mark)), "")
                kind: Literal["basic", "cloze"] = "basic"
                at = front.rfind(mark) if mark else -1  # "X → what" as it reads: "X leads to"
                if at >= 0 and mark == ARROW_STATES and ctx.language == "en":
                    # "Pain → with {{radiation}}": the arrow adds to its left side, as written
                    along, _, rest = answer.partition(" ")
                    front = f"{front[:at]} → {along} {deletion(1, rest)}"
                    kind, answer = "cloze", ""
                elif at >= 0:
                    signs = names_signs(_list_lead(section.blocks, index), section)
                    said = arrow_question(question, ctx.language, signs)
                    said = said[len(question) - len(mark) :]
                    front = front[:at] + said + front[at + len(mark) :]
                if front.lower() in asked:
                    continue
                asked.add(front.lower())
                key = make_key("prose_fact", section.path, question)
                notes.append(ctx.note("prose_fact", kind, front, answer, key, section, line))
    for text, line in _lines(section.blocks):
        expanded = _mnemonic(text)
        if expanded is None:
            continue
        listed = _listed(section, ctx) if listed is None else listed
        if line not in listed:  # a list's cloze of the item asks it already
            word, answer = expanded
            front = f"{ctx.heading(section)}: mnemonic {word}?"
            key = make_key("prose_fact", section.path, f"mnemonic {word}")
            notes.append(ctx.note("prose_fact", "basic", front, answer, key, section, line))
    notes.extend(_heading_arrows(section, ctx))
    notes.extend(_initials(section, ctx))
    notes.extend(_role_asides(section, ctx))
    notes.extend(_cautions(section, ctx))
    notes.extend(_counted(section, ctx))
    choice = _first_choice(section.blocks)
    if choice is not None:
        front = f"{ctx.heading(section)}: first choice?"
        key = make_key("prose_fact", section.path, "first choice")
        notes.append(ctx.note("prose_fact", "basic", front, choice[0], key, section, choice[1]))
    for thing, roles, line in headed.values():
        key = make_key("prose_fact", section.path, f"role of {thing}")
        front = ctx.situate(f"Role of {lower_first(thing)}") + "?"
        answer = "; ".join(dict.fromkeys(roles))
        notes.append(ctx.note("prose_fact", "basic", front, answer, key, section, line))
    # a lone definition among other facts too, unless a sentence's fact asked it already
    notes.extend(note for note in _definitions(section, ctx) if note.front.lower() not in asked)
    described = _described(section, ctx.facets)
    if described is not None and not notes:
        key = make_key("prose_fact", section.path, "", None, "described")
        front = ctx.situate(described[0]) + "?"
        notes.append(
            ctx.note("prose_fact", "basic", front, described[1], key, section, described[2])
        )
    return notes


def _heading_arrows(section: Section, ctx: Context) -> list[Note]:
    """A heading written as an arrow fact. A chain (`A --> B --(-)> C --> D`) is one deletion
    per step after the first (at most MAX_CHAIN_STEPS), its first step the cue: the list under
    it explains the chain, and the chain itself is the fact (a chain over one lone outcome is
    the enumeration rule's question). A heading `Onset of X --> 45-65 yrs` with nothing under
    it, not even sub-headings, is the author's "A is B": "Onset of X?" -> "45-65 yrs"."""
    title = plain(section.title)
    if not section.title or section.level < 1 or not _has_arrow(title):
        return []
    nodes = chain_nodes(section.title) if not _QUOTED.search(title) else ()
    if nodes:  # (a chain in quotes is a mnemonic's words: `Think "A → B → C"`)
        lone = section.blocks[:1] == section.blocks and all(
            isinstance(b, ListBlock) and len(b.items) == 1 for b in section.blocks
        )
        if (lone and section.blocks) or len(nodes) > MAX_CHAIN_STEPS + 1:
            return []
        tokens = [m.group(0) for m in ARROW.finditer(title)]
        if len(tokens) != len(nodes) - 1:
            return []  # a step with no words (`A --> --> B`): no chain to read
        text = nodes[0]
        for number, (token, node) in enumerate(zip(tokens, nodes[1:], strict=True), 1):
            text += f" {drawn_arrows(token)} {deletion(number, node)}"
        about = ctx.topic[:1].upper() + ctx.topic[1:] if ctx.topic else ""
        front = f"{about}: {text}" if about and not names_topic(title, ctx.topic) else text
        key = make_key("prose_fact", section.path, "", None, "chain")
        return [ctx.note("prose_fact", "cloze", front, "", key, section, section.line)]
    if section.blocks or section.children:
        return []
    parts = _ARROW.split(title)
    arrow = ARROW.search(title)
    if len(parts) != 2 or arrow is None or arrow_verb(arrow.group(0)):
        return []  # `Cortisol --(+)-> PNMT` with nothing under it: no "is" to read
    thing, value = parts[0].strip(_EDGE), parts[1].strip(_EDGE)
    if not thing or not value or len(thing.split()) > MAX_ARROW_WORDS:
        return []
    if len(value.split()) > MAX_ARROW_WORDS:
        return []
    key = make_key("prose_fact", section.path, thing, None, "heading")
    return [
        ctx.note("prose_fact", "basic", ctx.situate(thing) + "?", value, key, section, section.line)
    ]


MAX_CHAIN_STEPS = 8
_QUOTED = re.compile('["“”«»]')
_EDGE = " .:;,-–—"


def _listed(section: Section, ctx: Context) -> frozenset[int]:
    """Lines of the list items another rule's note asks already: a definition list's item
    (`**Term** — A → B`), an item of a list whose enumeration note has a deletion in it or lists
    it in its answer, a condition item over its remarks (`enumeration.is_condition`) asked on
    its own. A card from the item's sentence would ask it twice. Sub-lists count too
    (`- Reversal` over `  - major bleed → vit K + PCC`): their own note asks their items."""
    lists = list(_every_list(section.blocks))
    listed = {
        item.line
        for block in lists
        if is_definition_list(block)
        for item in block.items
        if definition(item) is not None
    }
    made_notes = enumeration.extract(section, ctx)
    made = {note.source.line: note for note in made_notes}
    basic = {note.source.line for note in made_notes if note.note_type == "basic"}
    for block in lists:
        note = made.get(block.line)
        if note is not None:
            deleted = _deletions(note.front) if note.note_type == "cloze" else {}
            listed.update(item.line for item in block.items if _asks(note, deleted, item))
        # `- If X, give Y` over its remarks: asked "…: if X?" -> "give Y" on its own line
        listed.update(
            item.line
            for item in block.items
            if item.line in basic and enumeration.is_condition(item)
        )
    listed.update(_arrows_asked(lists, made_notes, listed))
    return frozenset(listed)


def _arrows_asked(lists: list[ListBlock], notes: list[Note], listed: set[int]) -> set[int]:
    """Lines of arrow items (`Painful erection → priapism`, at any depth) whose whole text is a
    deletion of one of the section's clozes or a point of a Basic note's answer, though that
    note is another list's (an outline folds a sub-item into its parent's deletion), or whose
    own cloze hides words after the arrow (`If X → do **Y**.`: "then what?" asks Y again): the
    arrow is asked there. Set lookups only: linear in the section."""
    arrows = [
        item
        for block in lists
        for item in block.items
        if item.line not in listed and _has_arrow(item.text.split("\n", 1)[0])
    ]
    if not arrows:
        return set()
    said: set[str] = set()
    hidden: dict[int, list[str]] = {}  # each line's own cloze's deletions
    for note in notes:
        if note.note_type == "cloze" and over_side_limit(note.front):
            continue  # too long for any card: left out later, so it asks nothing
        if note.note_type == "cloze":
            parts = [_spoken(part) for part in DELETION.findall(note.front)]
            said.update(parts)
            hidden.setdefault(note.source.line, []).extend(parts)
        else:
            said.update(_spoken(line.lstrip("-*0123456789. ")) for line in note.back.split("\n"))
    return {
        item.line
        for item in arrows
        if _spoken(first := item.text.split("\n", 1)[0]) in said
        or any(part in _spoken(_ARROW.split(first, 1)[-1]) for part in hidden.get(item.line, ()))
    }


def _spoken(text: str) -> str:
    """A text as compared: plain, lower case, spaces collapsed."""
    return " ".join(plain(text).lower().split())


def _every_list(blocks: tuple[Block, ...]) -> Iterator[ListBlock]:
    """The lists among the blocks and the sub-lists of their items, at any depth."""
    for block in blocks:
        if isinstance(block, ListBlock):
            yield block
            for item in block.items:
                yield from _every_list(item.blocks)


def _deletions(front: str) -> dict[str, set[str]]:
    """A cloze's deletions of three characters or more, by their first three: read once per
    list, each item looks up only those that may start at each of its places (a list of
    thousands of items, each a deletion, stays linear)."""
    found: dict[str, set[str]] = {}
    for part in DELETION.findall(front):
        text = plain(part).lower()
        if len(text) > 2:
            found.setdefault(text[:3], set()).add(text)
    return found


def holds_deletion(text: str, deleted: dict[str, set[str]]) -> bool:
    """Whether one of the deletions (`_deletions`) stands in the lower-cased text."""
    return any(
        text.startswith(part, at)
        for at in range(len(text) - 2)
        for part in deleted.get(text[at : at + 3], ())
    )


def _asks(note: Note, deleted: dict[str, set[str]], item: ListItem) -> bool:
    """The list's note asks the item: a deletion stands in it, or the answer lists it."""
    text = plain(item.text.split("\n", 1)[0]).lower()
    if note.note_type != "cloze":
        return text in plain(note.back).lower()
    return holds_deletion(text, deleted)


_RANK = re.compile(
    r"(?:first|second|third|1st|2nd|3rd)[- ]line|(?:drug|treatment|test|investigation|imaging|"
    r"agent|procedure) of choice|gold[- ]standard|mainstay|cornerstone|guiding principle",
    re.IGNORECASE,
)
"""A role that places a thing among its alternatives: asked of the thing ("Role of …?")."""


def _in_heading(answer: str, path: tuple[str, ...]) -> Literal["", "heading", "within"]:
    """Whether the answer is one of the section's headings ("heading": shown in the source line
    above the question, "Treatment › Emollients") or stands in one with more words
    ("within": "Falls" in "Fall prevention")."""
    wanted = content_words(without_asides(answer.split(" — ", 1)[0]), 2)
    if not wanted or len(wanted) > MAX_SUBJECT_WORDS:
        return ""
    found: Literal["", "heading", "within"] = ""
    for title in path:
        words = content_words(without_asides(heading_text(title)), 2)
        if wanted == words:
            return "heading"
        if wanted <= words:
            found = "within"
    return found


def _is_topic(answer: str, topic: str) -> bool:
    """The answer is the page's own thing ("Metformin" on a page about metformin): a front
    naming the topic would hold it, so the thing's role is asked instead."""
    wanted = content_words(without_asides(answer.split(" — ", 1)[0]), 2)
    return bool(topic) and bool(wanted) and wanted == content_words(topic, 2)


_GIVE_VERB = re.compile(r"^(?:give|use|start|offer|try|prescribe)\s+", re.IGNORECASE)
_ESCALATION = re.compile(r"^if\b.*(?:\bnot\b|n't\b|\bfails?\b)", re.IGNORECASE)
MAX_CHOICE_WORDS = 12


def _first_choice(blocks: tuple[Block, ...]) -> tuple[str, int] | None:
    """A section opening with its options as a bare phrase, then what to do when they fail
    ("Velbarin or tessalid (e.g. 5 mg). If one drug does not work, add …"): the phrase is the
    first choice."""
    block = blocks[0] if blocks else None
    if not isinstance(block, Paragraph) or " or " not in block.text:
        return None
    text = plain(block.text)
    end = _first_stop(text)
    if end is None or _ESCALATION.match(text[end:].strip()) is None:
        return None
    first = text[:end].strip().rstrip(".")
    words = without_asides(first).lower().split()
    if " or " not in first or not 2 <= len(words) <= MAX_CHOICE_WORDS or ":" in first:
        return None
    if any(word.strip(",") in FINITE_VERBS for word in words) or _PRONOUN.match(first):
        return None  # a sentence, not a bare choice
    return _GIVE_VERB.sub("", first), block.line


def _first_stop(text: str) -> int | None:
    """Where the first sentence ends (after its full stop), never inside brackets: "(e.g. 5
    mg)" does not end it."""
    depth = 0
    for index, char in enumerate(text):
        depth += (char == "(") - (char == ")")
        if char == "." and depth == 0 and text[index + 1 : index + 2].isspace():
            return index + 1
    return None


_MNEMONIC = re.compile(r"^(?P<word>[A-Z]{3,8})\s*(?:->|=>|→|[:–—-])\s*(?P<items>.+)$")
MAX_MNEMONIC_ITEM_WORDS = 6


def _lines(blocks: tuple[Block, ...]) -> Iterator[tuple[str, int]]:
    """The section's paragraphs and list items (first lines), with their lines: where a
    mnemonic may stand."""
    for block in blocks:
        if isinstance(block, Paragraph):
            yield block.text, block.line
        elif isinstance(block, ListBlock):
            for item in block.items:
                yield item.text.split("\n", 1)[0], item.line


def _mnemonic(raw: str) -> tuple[str, str] | None:
    """A mnemonic and what it stands for: a capitalised word, then (on its line or the next) a
    comma list, or an ordering (`A > B > C`), whose items' initials spell it ("KORR: Kidneys,
    Oedema, Rash, Rigors"; "SLOW -> Sotalol > Lithium > Oxprenolol > Warfarin")."""
    if "," not in raw and " > " not in raw:
        return None
    lines = raw.strip().splitlines()
    text = " ".join(plain(line).strip() for line in lines)
    if len(lines) == 2:
        text = plain(lines[0]).strip().rstrip(":") + ": " + plain(lines[1]).strip()
    found = _MNEMONIC.match(text)
    if found is None:
        return None
    word, listed = found.group("word"), found.group("items")
    mark = " > " if " > " in listed and "," not in listed else ","
    items = [item.strip(" .") for item in listed.split(mark)]
    items = [item for item in items if item]
    if len(items) < len(word) or len(items) > len(word) + 2:
        return None
    if any(not item[:1].isalpha() or len(item.split()) > MAX_MNEMONIC_ITEM_WORDS for item in items):
        return None
    initials = "".join(item[0] for item in items[: len(word)]).upper()
    return (word, (" > " if mark == " > " else ", ").join(items)) if initials == word else None


def _unnamed(question: str, subject: str) -> bool:
    """Whether a question about the topic needs its section's subject said before it: there
    is one, and the question does not name it already."""
    return bool(subject) and not names_topic(question, subject)


def _list_lead(blocks: tuple[Block, ...], index: int) -> Lead | None:
    """The label a list at `index` follows, if any ("Creatinine limits:" over its items)."""
    before = blocks[index - 1] if index else None
    if not isinstance(blocks[index], ListBlock) or not isinstance(before, Paragraph):
        return None
    return lead_of(before)


def _sentences(block: Block, section: Section) -> Iterator[tuple[int, str]]:
    """The sentences a paragraph, or a list's sentence items and sub-items, state (with their
    lines)."""
    if isinstance(block, Paragraph):
        labelled = bold_label(block.text)  # "**Acute management** — X is first line …"
        text = plain(labelled[1] if labelled is not None else block.text)
        if not _may_state(text) or is_example(lead_of(block), section) or is_example_text(text):
            return
        opening = block is _first_paragraph(section)
        sentences = split_sentences(text)
        for sentence in _resolved(_on_heading(sentences, section, opening)):
            yield block.line, sentence
        for stated in bold_statements(block.text):  # "… worth saying that **X does not …** and"
            if stated.rstrip(".!") not in (sentence.rstrip(".!") for sentence in sentences):
                yield block.line, stated  # the author's bold clause: a sentence of its own
    elif isinstance(block, ListBlock):
        for item in block.items:
            first = item.text.split("\n", 1)[0]  # later lines: an outline the item leads in
            arrow = _has_arrow(first)
            text = plain(first)
            if (first.count(" ") < 5 and not arrow) or _LABELLED.match(first):
                pass  # a short item, a `**Term:** text` one: the enumeration, definition rules'
            elif _may_state(text) and not is_example_text(text):
                for sentence in _resolved(split_sentences(text)):
                    yield item.line, sentence
            for inner in item.blocks:  # a sub-list's sentences ("- Apply A before B" under one)
                if isinstance(inner, ListBlock):
                    yield from _sentences(inner, section)


def _resolved(sentences: list[str]) -> Iterator[str]:
    """The sentences with an opening "It" replaced by the last subject named ("Tessalid is …
    It has been associated with …")."""
    previous = ""
    for sentence in sentences:
        kind = _THIS_KIND.match(sentence) if sentence.startswith("This ") else None
        if previous and sentence.startswith("It ") and _URGED.match(sentence) is None:
            sentence = previous + sentence[2:]  # not a dummy "It is important to …"
        elif previous and kind is not None:  # "This common condition is caused by …"
            sentence = previous + sentence[kind.end() - 1 :]
        yield sentence
        named = _SUBJECT.match(sentence)
        if named is not None and not sentence.startswith(("It ", "This ")):
            previous = named.group("x") if _names_a_thing(named.group("x")) else ""


_THIS_KIND = re.compile(
    r"^This\s+(?:[a-z-]+\s+)?(?:condition|disease|infection|illness|disorder|syndrome)\s"
)
"""A sentence naming the thing of the one before by its kind ("Korrin eye is a … . This common
condition is caused by …"): the thing, as an opening "It" is."""


_SUBJECT = re.compile(rf"^(?P<x>{_NAME})\s+(?:is|has|should|can|may|must)\s")
"""A sentence's subject, which a next sentence's "It" names ("Tessalid is … It is …")."""

_ROLE_CUES = (
    "elección",
    "escolha",
    "choix",
    "intention",
    "scelta",
    "prima linea",
    "primera línea",
    "primeira linha",
    "der wahl",
)
"""Words a role in another language holds (`_role_abroad`)."""
_NICKNAME_CUES = (
    "chamad",
    "conhecid",
    "llamad",
    "conoce como",
    "appel",
    "genannt",
    "chiamat",
)
"""Words a name given with its reason holds (`_nicknamed`)."""
_JUDGED_CUES = (
    "gold standard",
    "gold-standard",
    "padrão",
    "patrón",
    "preferred",
    "preferi",
    "préfér",
    "bevorzugt",
    "reliable",
    "accurate",
    "confiá",
    "fiáve",
    "fiable",
    "preciso",
    "precisa",
    "affidabil",
    "attendibil",
    "zuverlässig",
)
"""Words a judged thing's sentence holds (`_judged`)."""
_CUES = (
    " means ",
    " refers to ",
    "line",
    "choice",
    "standard",
    "principle",
    "mainstay",
    "cornerstone",
    "most ",
    "consider",
    "defined",
    "defin",
    "défin",
    "class",
    "regarded",
    "diagnos",
    ">",
    "→",
    "used ",
    "given ",
    "started ",
    "not",
    "every ",
    "caused by",
    " cause ",
    "occur",
    "happen",
    "develop",
    "includ",
    "inhibit",
    "block",
    "activat",
    "stimulat",
    "antagoni",
    " than ",
    " after ",
    " only ",
    "treat ",
    "manage ",
    " before ",
    "if ",
    " risk",
    " why ",
    "especially",
    "particularly",
    "notably",
    "ed are ",
    "ed include ",
    "dose",
    "dosage",
    "duration",
    "half-life",
    "onset",
    "route",
    "target",
    "frequency",
    "contraindicated in",
    " all ",
    " both ",
    " lead to ",
    " leads to ",
    " called ",
    "biggest ",
    "largest ",
    "greatest ",
    "only ",
    " per ",
    "half ",
    "third",
    "quarter",
    "one in ",
    *_NICKNAME_CUES,
    *_ROLE_CUES,
    *_JUDGED_CUES,
    "effect by",
    "effects by",
)
"""A word or mark each shape needs: text holding none of them states no fact in a known shape."""


def _may_state(text: str) -> bool:
    """A cheap look for any cue word before the regular expressions run."""
    lowered = text.lower()
    return any(map(lowered.__contains__, _CUES)) or _may_reason_abroad(lowered)


def _may_reason_abroad(lowered: str) -> bool:
    """A cheap look for a reason word `_REASONED_ABROAD` reads: most sentences hold none."""
    return any(map(lowered.__contains__, _BECAUSE_CUES))


def facts(sentence: str) -> list[Fact]:
    """(question without "?", answer, place) for each fact the sentence states in a known
    shape."""
    sentence = sentence.strip()
    if ":" in sentence:
        sentence = _FLAG.sub("", sentence).strip()
    if is_example_text(sentence):
        return []
    if len(sentence.split()) > MAX_SENTENCE_WORDS:
        # a mechanism reads only its opening action ("X exerts its effect by blocking Y at Z,
        # which …"): its answers stay short however long the sentence runs on
        if "effect" in sentence.lower():
            return _works_by(sentence, sentence)
        # a claim's reason in another language, cut before its relative aside (`_reason_abroad`)
        return _reason_abroad(sentence) if _may_reason_abroad(sentence.lower()) else []
    if sentence.endswith("?"):
        return []  # "Bundle branch block (wide QRS)?": a checklist's question states nothing
    lowered = sentence.lower()
    if "recommend" in lowered:
        sentence = _RECOMMEND.sub("", sentence)  # "Guidelines recommend that X …": X …
    if lowered.startswith("it is "):
        urged = _URGED.match(sentence)  # "It is important to clean hands before …": an order
        timed = _when_to(urged["rest"]) if urged is not None else []
        if timed:
            return timed
    if " > " in sentence or _has_arrow(sentence):
        ordered = _preference(sentence) or _arrow(sentence)
        if ordered:
            return ordered
    bare = without_asides(sentence) if "(" in sentence else sentence
    found = _roles(bare)
    threshold = _THRESHOLD.match(sentence)
    if threshold is not None and not _PRONOUN.match(threshold.group("what")):
        what = threshold.group("what").strip()
        kind = threshold.group("kind").strip()
        value = (threshold.group("value") + (threshold.group("aside") or "")).strip()
        found.append((f"{what} considered {kind}", value, "topic"))
    reason = reasoned(sentence)
    if reason is not None and _names_a_thing(reason[0]):
        thing, be, what, why = reason
        found.append((f"Why {be} {lower_first(_clean(thing))} {what}", why, "topic"))
    elif _may_reason_abroad(lowered):
        found.extend(_reason_abroad(bare))
    for shape in _shapes_for(lowered):
        found.extend(fact for fact in shape(sentence, bare) if _short_answer(fact[1]))
    return found


_URGED = re.compile(
    r"^it\s+is\s+(?:(?:very|most|always|also)\s+)?(?:important|essential|crucial|vital|"
    r"necessary|advisable)\s+to\s+(?P<rest>[a-z].+)$",
    re.IGNORECASE,
)
"""An instruction the author marks as one that matters: what it tells to do is the sentence."""
_WHEN_TO = re.compile(
    r"^(?P<verb>[a-z]{3,})\s+(?P<obj>[^,;]{2,30}?)\s+"
    r"(?P<when>(?:before\s+and\s+after|before|after|between|when)\s+[^,;]{3,60}?)"
    r"(?:,?\s+(?:to|so\s+as\s+to|in\s+order\s+to)\s+[^,;]{3,60}?|,\s+(?:such\s+as|e\.g\.|"
    rf"for\s+example)\s+[^;]+?)?{_END}",
    re.IGNORECASE,
)


def _when_to(order: str) -> list[Fact]:
    """An urged instruction timed by a step ("It is important to clean hands before and after
    wearing gloves to prevent …"): "<section>: when to clean hands?" -> "before and after wearing
    gloves" (its purpose, or examples after ", such as", left out). Other urged sentences state no
    fact in this shape."""
    found = _WHEN_TO.match(order.strip().rstrip("; "))  # a `<br>` after it reads as ";"
    if found is None or not _names_a_thing(found["obj"]) or _PRONOUN.match(found["obj"]):
        return []
    return [(f"when to {found['verb'].lower()} {found['obj']}", found["when"], "section")]


def _shapes_for(lowered: str) -> list[Callable[[str, str], list[Fact]]]:
    """The shapes whose words the sentence holds (plain `in` tests: most sentences hold none)."""
    shapes: list[Callable[[str, str], list[Fact]]] = []
    if (
        "used " in lowered
        or "given " in lowered
        or "started " in lowered
        or (
            "begun " in lowered
            or "introduced " in lowered
            or "indicated " in lowered
            or "reserved " in lowered
        )
    ):
        shapes.append(_used_when)
    if "not" in lowered or "n't" in lowered or "n’t" in lowered:
        shapes.append(_denied)
    if " after " in lowered or " before " in lowered or " following " in lowered:
        shapes.append(_timed)
    if "every " in lowered:
        shapes.append(_scheduled)
    if "caused by" in lowered:
        shapes.append(_caused)
    if " cause " in lowered:
        shapes.append(_can_cause)
    if lowered.startswith(("since ", "because ")):
        shapes.append(_since)
    if lowered.startswith(("your ", "the ")) and (
        "recommend" in lowered
        or "suggest" in lowered
        or "advise" in lowered
        or "prescribe" in lowered
    ):
        shapes.append(_advised)
    if " when " in lowered and ("occur" in lowered or "happen" in lowered or "develop" in lowered):
        shapes.append(_occurs)
    if (
        "inhibit" in lowered
        or "block" in lowered
        or "activat" in lowered
        or ("stimulat" in lowered or "antagoni" in lowered)
    ):
        shapes.append(_acts_on)
    if "effect by" in lowered or "effects by" in lowered:
        shapes.append(_works_by)
    if " means " in lowered or " refers to " in lowered:
        shapes.append(_means)
    if " than " in lowered:
        shapes.append(_times_more)
    if "includ" in lowered:
        shapes.append(_included)
    if " why " in lowered:
        shapes.append(_why_named)
    if any(map(lowered.__contains__, _NICKNAME_CUES)):
        shapes.append(_nicknamed)
    if " risk" in lowered:
        shapes.append(_risky)
    if "especially" in lowered or "particularly" in lowered or "notably" in lowered:
        shapes.append(_especially)
    if "ed are " in lowered or "ed include " in lowered:
        shapes.append(_checked)
    if "contraindicated in " in lowered:
        shapes.append(_contraindicated)
    if " all " in lowered or " both " in lowered:
        shapes.append(_all_do)
    if " is " in lowered and lowered.split(" ", 1)[0] in _VALUE_OPENINGS:
        shapes.append(_valued)
    if " lead to " in lowered or " leads to " in lowered:
        shapes.append(_leads_to)
    if " called " in lowered:
        shapes.append(_called)
    if "biggest " in lowered or "largest " in lowered or "greatest " in lowered:
        shapes.append(_where_most)
    if lowered.startswith("only "):
        shapes.append(_only_one)
    if " per " in lowered:
        shapes.append(_rate)
    if any(map(lowered.__contains__, _JUDGED_CUES)):
        shapes.append(_judged)
    if " risk of " in lowered:
        shapes.append(_lowers_risk)
    if lowered.startswith(_SHARE_OPENINGS):
        shapes.append(_share)
    if (
        "if " in lowered
        or " before " in lowered
        or " after " in lowered
        or "treat " in lowered
        or "manage " in lowered
        or ("not " in lowered or "don't" in lowered or "never " in lowered or " only " in lowered)
    ):
        shapes.append(_instructed)
    return shapes


_ROLE_ABROAD = re.compile(
    r"^(?P<x>[^,;:]{2,50}?)\s+(?:es|son|é|são|est|sont|è|sono|ist|sind)\s+"
    r"(?:(?:el|la|los|las|o|a|os|as|le|les|il|lo|gli|der|die|das)\s+)?"
    r"(?P<role>(?:tratamiento|tratamento|traitement|trattamento|terapia|fármaco|farmaco"
    r"|medicamento|médicament|prueba|exame|examen|esame|Therapie|Behandlung|Mittel)"
    r"(?:\s+[\w-]+){0,2}?\s+(?:de\s+(?:elección|escolha|choix|première\s+intention"
    r"|primera\s+línea|primeira\s+linha)|di\s+(?:scelta|prima\s+linea|prima\s+scelta)"
    r"|der\s+Wahl))\s*[.!]?$",
    re.IGNORECASE,
)
"""A role in another language: "La adrenalina IM es el tratamiento inicial de elección"."""


def _role_abroad(bare: str) -> list[Fact]:
    """ "X es el tratamiento de elección" (Portuguese, French, Italian, German alike) asks
    "<section>: tratamiento de elección?" -> X, as "X is the treatment of choice" is asked."""
    found = _ROLE_ABROAD.match(bare.strip())
    if found is None or found["x"].split()[0].lower() in _PRONOUNS_ABROAD:
        return []
    thing = _clean(found["x"])
    if not _names_a_thing(thing) or len(thing.split()) > MAX_ABROAD_THING_WORDS:
        return []
    role = found["role"]
    return [(role[:1].lower() + role[1:], thing[:1].upper() + thing[1:], "section")]


MAX_ABROAD_THING_WORDS = 5


_CONNECTIVE = (
    r"(?:(?:however|therefore|thus|hence|so|for\s+this\s+reason|portanto|assim|entretanto|"
    r"contudo|no\s+entanto|todavia|por\s+(?:isso|isto|eso|esto|lo\s+tanto|ende)|"
    r"por\s+(?:esse|este|essa|esta|ese|esa)\s+\w+(?:\s+\w+)?|sin\s+embargo|donc|cependant|"
    r"pour\s+cette\s+raison|quindi|tuttavia|per\s+questo|daher|deshalb|jedoch|então|entonces|"
    r"alors|allora|dann),\s+)?"
)
"""A connective opening a sentence ("Por esse motivo, …", "However, …"): it links the sentence
to the last one and is no part of the fact."""
_SETTING = (
    r"(?:(?P<cond>(?:if|when|se|quando|si|cuando|wenn)\s+[^,]{3,60}?),\s+"
    r"|(?P<set>(?:in|for|na|no|nas|nos|em|en|dans|nel|nella|bei|im)\s+[^,]{2,40}?)"
    r"(?:,\s+|\s+(?=(?:the|o|a|os|as|el|la|los|las|le|les|il|lo|der|die|das)\s)))?"
)
"""Where or when a judgement holds, put before its thing: "Na IA central(,) o teste …", "If the
onset is recent, the test …" (a bare setting runs up to the thing's article)."""
_BE_ABROAD = r"(?:is|are|é|são|es|son|est|sont|è|sono|ist|sind)"
_JUDGED = re.compile(
    rf"^{_CONNECTIVE}{_SETTING}(?P<x>[^,;:]{{2,60}}?)\s+{_BE_ABROAD}\s+"
    r"(?:(?:the|o|a|el|la|le|il|lo|der|die|das)\s+)?"
    r"(?P<role>gold[- ]standard|padrão[- ]ouro|patrón[- ]oro|preferred|preferid[oa]s?|"
    r"preferibles?|préférée?s?|preferit[oaie]|bevorzugt)"
    r"(?P<rest>\s+(?:in|for|em|na|no|nas|nos|para|en|pour|dans|chez|nel|nella|per|bei|für)"
    r"\s+[^,.;()]{2,50}?)?\s*[.!]?$",
    re.IGNORECASE,
)
"""A thing judged the best for a setting: "X is preferred in Y", "Na IA primária, X é o padrão
ouro", "X est préféré chez …"."""
_UNRELIABLE = re.compile(
    rf"^{_CONNECTIVE}{_SETTING}(?P<x>[^,;:]{{2,60}}?)\s+"
    r"(?P<neg>is\s+not|isn't|are\s+not|aren't|não\s+(?:é|são|será|serão|está|estão)|"
    r"no\s+(?:es|son|será|serán|está|están)|n'est\s+pas|ne\s+sera\s+pas|non\s+(?:è|sono|sarà)|"
    r"(?:ist|sind)\s+nicht)\s+"
    r"(?P<adj>reliable|accurate|valid|confiáve(?:l|is)|fiáve(?:l|is)|fiables?|confiables?|"
    r"precis[oa]s?|fiables?|affidabil[ei]|attendibil[ei]|zuverlässig)"
    r"(?P<rest>\s+(?:in|for|em|na|no|nas|nos|para|en|pour|dans|chez|nel|nella|per|bei|für)"
    r"\s+[^,.;()]{2,50}?)?"
    r"(?:,?\s+(?P<why>(?:because|since|as|pois|porque|já\s+que|car|parce\s+que|perché|poiché|"
    r"weil|da)\s+[^.;]{3,100}?))?\s*[.!]?$",
    re.IGNORECASE,
)
"""A test or sign judged unreliable in a setting, with its reason: "X is not reliable in Y
because Z", "se …, X não será confiável pois Z"."""
_ASKED_FIRST = {
    "is": "Is",
    "isn't": "Is",
    "are": "Are",
    "aren't": "Are",
    "ist": "Ist",
    "sind": "Sind",
}
"""The verb a question opens with, in the languages that ask so."""
_JUDGED_ARTICLE = re.compile(
    r"^(?:the|an?|o|a|os|as|el|la|los|las|le|les|l'|il|lo|gli|der|die|das)\s+", re.IGNORECASE
)
MAX_JUDGED_WORDS = 7


def _judged_thing(text: str) -> str:
    """A judged thing as an answer: its article left off, first letter up; "" when it is a
    pronoun or longer than a name."""
    thing = _JUDGED_ARTICLE.sub("", _clean(text))
    if not thing or _PRONOUN.match(thing) or thing.split()[0].lower() in _PRONOUNS_ABROAD:
        return ""
    words = thing.split()
    if len(words) > MAX_JUDGED_WORDS or any(w.lower() in _CLAUSE_WORDS for w in words):
        return ""
    return thing


_KIND_NOUNS = frozenset(
    "test tests teste testes exame prueba examen esame drug treatment tratamento tratamiento "
    "traitement trattamento therapy terapia".split()
)
"""A judged thing's first word that says what kind of thing it is (a test, a treatment)."""
_CLAUSE_WORDS = frozenset("who which that when if que qui cuyo dass che".split())


def _judged(sentence: str, bare: str) -> list[Fact]:
    """A thing judged best for a setting asks the judgement on its setting, "X is preferred in
    Y" -> "Preferred in Y?" -> X ("Na IA primária, X é o padrão ouro" -> "Padrão ouro na IA
    primária?"); one judged unreliable for a reason asks why, "If Y, X is not reliable because
    Z" -> "If Y, why is X not reliable?" -> Z (in the page's words and language): a yes/no card
    from a denial asks what the page never stated as a question. An English
    "X is the gold standard for Y" with no setting before it is a role (`_roles`)."""
    found = _JUDGED.match(bare.strip())
    if found is not None:
        thing = _judged_thing(found["x"])
        role = " ".join(found["role"].split())
        setting = found["set"] or found["cond"]
        english = role.lower().startswith(("gold", "preferred"))
        if thing and (setting or not english or role.lower() == "preferred"):
            where = " ".join(filter(None, ((found["rest"] or "").strip(), setting)))
            if setting and found["cond"]:
                return []  # "If …, X is preferred": a choice under a condition, not a setting
            kind = thing.split()[-1 if english else 0].lower()  # "insulin test", "teste de …"
            if kind in _KIND_NOUNS and role.lower().startswith("prefer"):
                # "Preferred test in Y?", "Teste preferido na Y?": preferred as what
                role = f"{role} {kind}" if english else f"{kind} {role.lower()}"
            question = f"{role[:1].upper()}{role[1:]} {lower_first(where)}".strip()
            if not where:
                return []  # "X is preferred": preferred to what, for what?
            return [(question, thing[:1].upper() + thing[1:], "topic")]
    found = _UNRELIABLE.match(bare.strip())
    if found is None or not found["why"]:
        return []  # "X is not reliable in Y": a denial alone, no yes/no card
    thing = _judged_thing(found["x"])
    rest = (found["rest"] or "").strip()
    if not thing or not (rest or found["set"] or found["cond"]):
        return []  # "X is not reliable because …": in what setting is not said
    named = found["x"].strip()
    first = found["neg"].split()[0].lower()
    opener = _WHY_OPENERS.get(first, "Why")
    if first in _ASKED_FIRST:  # English and German ask with the verb first: "Why is X not …"
        article = named.split()[0].lower() in ("the", "a", "an", "der", "die", "das", "ein", "eine")
        opening = named[:1].lower() + named[1:] if article or opener == "Why" else named
        negation = "nicht" if first in ("ist", "sind") else "not"
        verb = _ASKED_FIRST[first].lower()
        asked = f"{opener} {verb} {opening} {negation} {found['adj']}"
    else:  # the others ask as they state: "Por que o teste não será confiável"
        opening = named[:1].lower() + named[1:] if _JUDGED_ARTICLE.match(named) else named
        asked = f"{opener} {opening} {' '.join(found['neg'].split())} {found['adj']}"
    asked = " ".join(filter(None, (asked, rest, found["set"])))
    if found["cond"]:
        cond = found["cond"]
        asked = f"{cond[:1].upper()}{cond[1:]}, {asked[:1].lower()}{asked[1:]}"
    why = _REASON_WORD.sub("", found["why"].strip())
    return [(asked, why[:1].upper() + why[1:], "topic")]


_WHY_OPENERS = {
    "não": "Por que",
    "no": "¿Por qué",
    "n'est": "Pourquoi",
    "ne": "Pourquoi",
    "non": "Perché",
    "ist": "Warum",
    "sind": "Warum",
}
""""Why" in the language of the verb a denial opens with (English when none of these)."""
_REASON_WORD = re.compile(
    r"^(?:because|since|as|pois|porque|já\s+que|car|parce\s+que|perché|poiché|weil|da)\s+",
    re.IGNORECASE,
)


_BECAUSE_ABROAD = {
    "pt": ("Por que", ("porque", "pois", "já que"), "é são continua continuam permanece"),
    "es": ("¿Por qué", ("porque", "ya que", "pues"), "es son sigue siguen"),
    "fr": ("Pourquoi", ("parce que", "car", "puisque"), "est sont reste restent"),
    "it": ("Perché", ("perché", "poiché", "siccome"), "è sono resta restano rimane"),
    "de": ("Warum", ("weil", "da"), "ist sind bleibt bleiben"),
}
"""Per language: "why", the words that give a reason after its claim, and the verbs a claim
about a thing's state says it with."""
_BECAUSE_CUES: tuple[str, ...] = (" porque ", " pois ", " que ", " pues ", " car ", " perché ")
_BECAUSE_CUES += (" poiché ", " siccome ", " weil ", " da ")
"""A part of each reason word `_REASONED_ABROAD` reads: most sentences hold none."""
_VERB_LANGUAGE = {
    verb: language for language, (_, _, verbs) in _BECAUSE_ABROAD.items() for verb in verbs.split()
}
_REASONED_ABROAD = re.compile(
    rf"^{_CONNECTIVE}(?P<x>[^\s,;:()]+(?:\s+[^\s,;:()]+){{0,4}}?)\s+"
    rf"(?P<be>{'|'.join(sorted(_VERB_LANGUAGE, key=len, reverse=True))})\s+"
    r"(?P<y>[^\s,;:()—–]+(?:\s+[^\s,;:()—–]+){0,6}?),?\s+"
    r"(?P<cue>porque|pois|já\s+que|ya\s+que|pues|parce\s+que|car|puisque|perché|poiché|"
    r"siccome|weil|da)\s+(?P<why>[^;:]{3,400}?)\s*[.!]?$",
    re.IGNORECASE,
)
"""A claim about a thing with its reason after it, in a language besides English (whose
"X is Y because Z" `definition.reasoned` reads): "X continua eficiente na Y pois Z", "X est
contre-indiqué car Z", "X ist sicherer, weil Z"."""
_NAMED_ABROAD = ("chamad", "llamad", "appel", "chiamat", "genannt", "denominad", "nommé")
_RELATIVE_ASIDE = re.compile(r",?\s+(?:que|qui|che|der|die|das)\s*,\s")
"""A relative clause opening on an aside ("… do ACTH que, além de …, …"): the reason's detail,
cut off its answer."""


def _reason_abroad(bare: str) -> list[Fact]:
    """ "X é Y porque Z" (and its French, Spanish, Italian and German forms) asks "Por que X é
    Y?" -> Z in the page's language, when X names a thing and Z, cut before a relative aside,
    is short (MAX_REASON_WORDS words)."""
    found = _REASONED_ABROAD.match(bare.strip())
    if found is None:
        return []
    language = _VERB_LANGUAGE[found["be"].lower()]
    why_word, cues, _ = _BECAUSE_ABROAD[language]
    if " ".join(found["cue"].lower().split()) not in cues:
        return []  # "da" is German "because" only: in Portuguese it is "of the"
    thing = found["x"].strip()
    first = thing.split()[0].lower()
    if not _names_a_thing(thing) or first in _PRONOUNS_ABROAD or names_a_person(thing):
        return []
    why = _RELATIVE_ASIDE.split(found["why"], maxsplit=1)[0].strip()
    if not MIN_REASON_WORDS <= len(why.split()) <= MAX_REASON_WORDS:
        return []
    be, what = found["be"], found["y"].strip()
    if any(word.lower().startswith(_NAMED_ABROAD) for word in what.split()):
        return []  # "X é chamada de "…" porque …": the name's reason (`_nicknamed`)
    if language == "de":
        question = f"{why_word} {be.lower()} {thing} {what}"
    else:
        question = f"{why_word} {thing[:1].lower() + thing[1:]} {be} {what}"
    return [(question, why[:1].upper() + why[1:], "topic")]


def _roles(bare: str) -> list[Fact]:
    """Roles, read with the sentence's asides left out (`bare`)."""
    found: list[Fact] = (
        _role_abroad(bare) if any(map(bare.lower().__contains__, _ROLE_CUES)) else []
    )
    thing = _THING_IS_ROLE.match(bare) or _USED_AS.match(bare)
    if thing is not None and _names_a_thing(thing.group("x")):
        answer = _clean(thing.group("x"))
        rest = bare[thing.end() :]
        if "role" in thing.groupdict():
            found.append((_role(thing.group("role")), answer, "topic"))
        else:
            found.append((f"What can {lower_first(answer)} be used as", thing.group("y"), "topic"))
        for more in _AND_ROLE.finditer(rest):
            found.append((_role(more.group("role")), answer, "topic"))
    role = _ROLE_IS_THING.match(bare)
    if role is not None and _names_a_thing(role.group("x")):
        named = _clean(_whole_thing(bare, role.start("x"), role.end("x")))
        gloss = _GLOSSED.match(bare, role.end())  # "ALARA -- as low as reasonably achievable"
        if gloss is not None and len(gloss.group("gloss").split()) <= MAX_GLOSS_WORDS:
            named = f"{named} — {gloss.group('gloss')}"
        found.append((_role(role.group("role")), named, "topic"))
    return found


def _whole_thing(sentence: str, start: int, end: int) -> str:
    """The thing a role names, read on past the comma that ended it where that comma is
    inside quotation marks (`is to “rest, ice and raise”`: one slogan) or where the thing opens
    a series of short things that ends the sentence ("are pain, swelling and fever": all three,
    not the first)."""
    thing = sentence[start:end]
    for opening, closing in _QUOTES:
        opened = thing.rfind(opening)
        if opened != -1 and (
            thing.count(opening) % 2 if opening == closing else closing not in thing[opened:]
        ):
            closed = sentence.find(closing, start + opened + 1)
            return sentence[start : closed + 1] if closed != -1 else thing
    rest = sentence[start:].strip().rstrip(".!").strip()
    parts = rest.split(", ")
    if len(parts) < 2 or _SERIES_END.search(parts[-1]) is None:
        return thing
    items = [item for item in (*parts[:-1], *_SERIES_END.split(parts[-1], 1)) if item.strip()]
    if any(
        not 0 < len(item.split()) <= _MAX_SERIES_WORDS
        or item.split()[0].lower() in _NO_ITEM
        or _NOT_IN_ITEM.search(item)
        for item in items
    ):
        return thing  # "X, which …": an aside, not a second thing
    return rest


_QUOTES = (("“", "”"), ('"', '"'), ("‘", "’"))
"""Quotation marks, opening and closing: one opened in the thing and not closed there."""
_SERIES_END = re.compile(r"^(?:and|or)\s+|,?\s+(?:and|or)\s+")
_MAX_SERIES_WORDS = 4
"""Words each thing of a series may have: a longer part is a clause."""
_NOT_IN_ITEM = re.compile(r"[;:()—–]|\s-\s")
_NO_ITEM = frozenset("which that who whom whose where when while this it its but as so".split())


def _preference(sentence: str) -> list[Fact]:
    """`A > B`: A is preferred, B comes next (a chain `A > B > C` is an ordering, not read)."""
    if sentence.count(" > ") != 1 or _has_arrow(sentence):
        return []
    left, right = (part.strip().rstrip(".") for part in sentence.split(" > "))
    if not left[:1].isalpha() or not right[:1].isalpha():
        return []  # "for > 3 weeks": a comparison
    give = _GIVE.match(left)
    if give is not None:
        first = _clean(give.group("x"))
        then = _NEXT_LINE.match(right)
        if then is not None:
            after = f"{_clean(then.group('b'))} {then.group('rank')}"
        elif len(right.split()) <= MAX_SUBJECT_WORDS:
            after = f"then {right}"
        else:
            return []
        if len(first.split()) > 6 or _is_clause(first):
            return []
        return [("first choice", f"{first} ({after})", "section")]
    found = [fact for fact in facts(left) if fact[2] == "topic"]
    named = _WHEN_USED.match(without_asides(left))
    alternative = _NEXT_IF.match(right)
    if found and named is not None and alternative is not None:
        thing = _clean(named.group("x"))
        condition = alternative.group("cond").strip()
        found.append(
            (
                f"Alternative to {lower_first(thing)} if {condition}",
                _clean(alternative["b"]),
                "topic",
            )
        )
    return found


def _has_arrow(text: str) -> bool:
    return "->" in text or "=>" in text or "→" in text or ")>" in text


def _arrow(sentence: str) -> list[Fact]:
    parts = _ARROW.split(sentence)
    if len(parts) != 2 or " > " in sentence:
        return []
    cause, result = parts[0].strip(), parts[1].strip().rstrip(".")
    token = ARROW.search(sentence)
    verb = arrow_verb(token.group(0)) if token is not None else ""
    if verb.startswith("via "):  # `NE ---|enzyme M|--> E`: the step's enzyme names the cause
        cause = f"{cause} ({verb})"
    if not cause or not result or ";" in result or _PRONOUN.match(cause):
        return []
    if cause.split()[-1].lower() in _LEANING:
        return []
    if cause.count("(") > cause.count(")") or result.count(")") > result.count("("):
        return []  # "Pitfall: ignoring age (stiffer arteries → higher PP)": an aside's arrow
    if is_relational(cause):
        return []  # "Limitations → needs expertise": whose limitations the item above says
    if not _causes(cause, result):
        return []  # "plaques --> later brown", "failed migration --> from the placode"
    if _FIGURE_ONLY.match(cause) and _FIGURE_ONLY.match(result):
        return []  # "6 -> 23": a normal range written with an arrow, no consequence
    if len(cause.split()) > MAX_ARROW_WORDS or len(result.split()) > MAX_ARROW_WORDS:
        return []
    if result[:4].lower() == "for " and _names_a_thing(without_asides(cause)):
        return [(f"What is {cause} used for", result[4:], "section")]  # "X -> for severe Y"
    if verb in ("inhibits", "stimulates"):  # `H --(-)> E`: what H inhibits, no "leads to"
        return [(f"What does {lower_first(cause)} {verb[:-1]}", result, "section")]
    mark = _arrow_reading(cause, result) if not verb else ARROW_ASKS
    return [(f"{cause}{mark}", result, "section")]


def _arrow_reading(cause: str, result: str) -> str:
    """How an arrow between `cause` and `result` reads, as the marker its question ends with:
    a result opening with "with" adds to the left side, not its effect (`ARROW_STATES`: a
    cloze of the statement); members of a class after the class ("IV opioids -> korrphine or
    velbadone") are its examples (`ARROW_EXAMPLES`); a finding after a test ("CT -> gas in
    the collection") is what the test shows (`ARROW_SHOWS`); anything else is a cause and
    its effect, or a condition and what to do (`ARROW_ASKS`)."""
    words = result.split()
    if words[0].lower() in _ALONG_WORDS and len(words) > 1:
        return ARROW_STATES
    first = cause.split(maxsplit=1)[0].lower()
    if first in _CONDITION_OPENING or is_instruction(cause) or _DIGIT.search(cause):
        return ARROW_ASKS  # "If unsure -> CT", "Give fluids -> recheck", "CRP > 150 -> …"
    if words[0].lower() in _CONDITION_OPENING or is_instruction(result):
        return ARROW_ASKS
    if _is_class(cause) and _members(result):
        return ARROW_EXAMPLES
    if _is_test(cause) and words[0].lower() not in _VERDICTS:
        return ARROW_SHOWS
    return ARROW_ASKS


def _head_word(phrase: str) -> str:
    """The head noun of a short noun phrase: its last word before "of", "in", "for" …
    ("IV opioids" -> "opioids", "degradation of vessels" -> "degradation")."""
    words = without_asides(phrase).split()
    for at, word in enumerate(words):
        if at and word.lower() in _PHRASE_BREAKS:
            words = words[:at]
            break
    return words[-1].strip(",.;:()").lower() if words else ""


def _is_class(cause: str) -> bool:
    """Whether a phrase names a class of things ("IV opioids", "Antiemetic", "Loop
    diuretics"), whose members an arrow may list."""
    head = _head_word(cause)
    return head in _CLASS_NOUNS or (head.startswith("anti") and len(head) > 6)


def _members(result: str) -> bool:
    """Whether an arrow's result is a short series of names ("korrphine or velbadone"): at
    most four of at most three words, no figure, none a change or a harm ("weight gain",
    "hyperglycaemia"), which a class would cause rather than count among its members."""
    names = [part.strip() for part in _SERIES_SPLIT.split(plain(result)) if part.strip()]
    if not names or len(names) > 4 or _DIGIT.search(result):
        return False
    for name in names:
        words = name.lower().split()
        if not 1 <= len(words) <= 3 or not name[:1].isalpha():
            return False
        if any(word in _EFFECT_WORDS or word.endswith(_EFFECT_ENDINGS) for word in words):
            return False
    return True


def _is_test(cause: str) -> bool:
    """Whether a short phrase names a test or an investigation ("Repeat CT abdo", "Chest
    film", "LFTs"), whose arrow points to what it shows."""
    words = [word.strip(",.;:()") for word in without_asides(cause).split()]
    if not words or len(words) > 5:
        return False
    return any(word in _TEST_ACRONYMS or word.lower() in _TEST_WORDS for word in words)


_ALONG_WORDS = frozenset("with without".split())
"""Words that open a result adding to the arrow's left side ("Pain -> with radiation")."""
_VERDICTS = frozenset("normal abnormal positive negative raised low high result results".split())
"""A test's verdict or its result after its arrow ("Swab -> positive", "Swab -> result in a
day"): what the result means or when it comes, not a finding it shows."""
_DIGIT = re.compile(r"\d|[<>≤≥]")
_PHRASE_BREAKS = frozenset("of in for with on at from to by".split())
_SERIES_SPLIT = re.compile(r"\s*(?:,|/|;|\bor\b|\band\b|&)\s*")
_CLASS_NOUNS = frozenset(
    """
    drug drugs medication medications medicine medicines meds agent agents opiate opiates
    opioid opioids analgesic analgesics antibiotic antibiotics antiemetic antiemetics
    diuretic diuretics steroid steroids corticosteroid corticosteroids nsaid nsaids
    bronchodilator bronchodilators vasopressor vasopressors inotrope inotropes sedative
    sedatives benzodiazepine benzodiazepines blocker blockers inhibitor inhibitors
    antagonist antagonists agonist agonists statin statins vaccine vaccines laxative
    laxatives anticoagulant anticoagulants crystalloid crystalloids colloid colloids
    anaesthetic anaesthetics anesthetic anesthetics
    """.split()
)
"""Head nouns naming a class of drugs, whose members an arrow after them may name."""
_EFFECT_WORDS = frozenset(
    """
    gain loss damage failure injury bleeding toxicity death risk reduction increase
    decrease rise fall release retention deficiency excess overload block blockade
    suppression dependence withdrawal tolerance resistance
    """.split()
)
_EFFECT_ENDINGS = ("ia", "ion", "itis", "osis", "ness", "ity", "pathy", "algia", "aemia", "emia")
"""What a class does rather than its members' names ("hyperglycaemia", "sedation")."""
_TEST_ACRONYMS = frozenset(
    """
    CT MRI MRCP US USS CXR AXR XR ECG EKG EEG EMG LFT LFTs FBC CBC ABG VBG LP CSF OGD PET
    """.split()
)
_TEST_WORDS = frozenset(
    """
    ultrasound x-ray xray radiograph scan imaging biopsy echo echocardiogram echocardiography
    endoscopy colonoscopy angiogram angiography bloods culture cultures swab urinalysis
    dipstick spirometry doppler smear mammogram film
    """.split()
)
"""Words naming a test or an investigation: what an arrow after one points to, it shows."""


def _causes(cause: str, result: str) -> bool:
    """Whether `cause --> result` may read "cause leads to result": not when the result opens
    with a time or a place ("later brown", "then fades", "from the placode": a change over
    time or a way travelled), is a colour (a description's change of look), or when the cause
    is a movement ("failed migration --> placode": where it goes or comes from)."""
    words = result.lower().split()
    if not words or words[0] in _SEQUENCE_WORDS:
        return False
    if all(word.strip(",.;()") in _LOOKS for word in words):
        return False  # "brown or bronze colored"
    head = without_asides(cause).lower().split()
    return not head or head[-1].strip(",.;") not in _MOVEMENTS


_SEQUENCE_WORDS = frozenset("later then from to into afterwards eventually next".split())
_LOOKS = frozenset(
    """
    or and red brown bronze yellow white black blue green grey gray pale dark purple violet pink
    orange golden tan colored coloured colour color dusky
    """.split()
)
_MOVEMENTS = frozenset(
    "migration migrates spread spreads radiation radiates radiating travel travels movement".split()
)


_FIGURE_ONLY = re.compile(r"[<>≤≥~]?\s*\d[\d.,]*\s*(?:\S+)?$")
"""A figure with at most its unit ("23", "10.4 mg/dL"): two of them about an arrow are a range."""
ARROW_ASKS = " → what"
"""How an arrow's fact is keyed (its question's identity, kept as released); the front reads it
as `arrow_question`."""
ARROW_SHOWS = " → shows"
"""An arrow after a test: "CT shows?" (`arrow_question`)."""
ARROW_EXAMPLES = " → which"
"""An arrow after a class: "Antiemetics — examples?" (`arrow_question`)."""
ARROW_STATES = " → stated"
"""An arrow adding to its left side ("Pain -> with radiation"): a cloze of the statement."""
ARROW_MARKS = (ARROW_ASKS, ARROW_SHOWS, ARROW_EXAMPLES, ARROW_STATES)
_CONDITION_OPENING = frozenset("if when once unless after before while".split())


def arrow_question(question: str, language: str = "en", signs: bool = False) -> str:
    """An arrow's question as a student reads it: "Swab test leads to"; after a condition or an
    instruction "If the rash spreads, then what", "Give oxygen, then what" (never "X → what").
    In a document not in English the author's arrow asks it, "X → …": no English words glued
    to the author's clause. Under a heading of `signs`, a series of findings before the arrow
    points to what they are signs of ("Pale stools, dark urine point to"): they do not cause it."""
    mark = next((mark for mark in ARROW_MARKS if question.endswith(mark)), ARROW_ASKS)
    cause = question.removesuffix(mark)
    if language != "en":
        return f"{cause} → …"
    if mark == ARROW_SHOWS:
        last = cause.split()[-1]
        plural = last.endswith("s") and not last.lower().endswith(("ss", "us", "is"))
        return f"{cause} {'show' if plural else 'shows'}"
    if mark == ARROW_EXAMPLES:
        return f"{cause} — examples"
    if signs and ", " in cause and cause.split(maxsplit=1)[0].lower() not in _CONDITION_OPENING:
        return f"{cause} point to"
    if cause.split(maxsplit=1)[0].lower() in _CONDITION_OPENING or is_instruction(cause):
        return f"{cause}, then what"
    return f"{cause} leads to"


def _used_when(sentence: str, bare: str) -> list[Fact]:
    solely = _ONLY_USED.match(bare)
    if solely is not None and _names_a_thing(solely.group("x")):
        thing = lower_first(_clean(solely.group("x")))
        question = f"When should {thing} be {solely['verb'].lower()}"
        return [(question, f"only {solely['prep'].lower()} {solely['y']}", "topic")]
    used = _WHEN_USED.match(bare)
    if used is None or not _names_a_thing(used.group("x")):
        return []
    thing = lower_first(_clean(used.group("x")))
    verb, prep = used.group("verb").lower(), used.group("prep").lower()
    only = (used.group("only") or used.group("only2") or "").lower()
    if prep == "for":
        return [(f"What {used.group('be').lower()} {thing} {verb} for", used.group("y"), "topic")]
    question = f"When {used.group('be').lower()} {thing} {verb}"
    return [(question, f"{only}{prep} {used.group('y')}".strip(), "topic")]


def _denied(sentence: str, bare: str) -> list[Fact]:
    denial = _IS_NOT.match(bare)
    if denial is not None and _names_a_thing(denial.group("x")):
        said = denial.group("y").lower().split()
        if not denial.group("be") and any(word in FINITE_VERBS for word in said):
            return []  # "Everything not an upper is a downer": the "not" is the subject's
        thing = lower_first(_clean(denial.group("x")))
        be = (denial.group("be") or _be(thing)).lower()
        if be in ("should", "must") and denial.group("modal"):
            be, thing = "should", f"{thing} be"  # "X should not be used as Y"
        elif be in ("should", "must") or denial.group("modal"):
            return []
        unless = denial.group("unless")  # "… for children unless prescribed": the exception
        answer = f"No, {unless.strip()}" if unless else "No"
        return [(f"{be.capitalize()} {thing} {denial.group('y').strip()}", answer, "topic")]
    does = _DOES_NOT.match(bare)
    if does is not None and _names_a_thing(does.group("x")):
        thing = lower_first(_clean(does.group("x")))
        question = f"{does.group('do').capitalize()} {thing} {does.group('verb')} {does['y']}"
        return [(question, "No", "topic")]
    return []


_VALUE_OPENINGS = frozenset(
    "dose dosage usual standard typical maximum initial loading maintenance duration half-life "
    "onset route target frequency".split()
)
_VALUED = re.compile(
    r"^(?P<attr>(?:(?:usual|standard|typical|maximum|initial|loading|maintenance)\s+)?"
    r"(?:dose|dosage|duration|half-life|onset|route|target|frequency))\s+is\s+(?P<value>[^,;]+?)\.?$",
    re.IGNORECASE,
)


_COUNT_WORD = (
    r"(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half\s+an?|"
    r"a\s+(?:few|couple\s+of))"
)
_RATE = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<modal>can|could)\s+(?:only\s+)?(?P<verb>[a-z]{{3,}})\s+"
    rf"(?P<amount>(?:(?:about|around|approximately|roughly|up\s+to|only)\s+)?{_COUNT_WORD}\s+"
    r"[^,;:()\d]{2,40}?)\s+per\s+(?P<unit>second|minute|hour|day|week|month|year)\s*[.!]?\s*$",
    re.IGNORECASE,
)


_LOWERS_RISK = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<how>(?:greatly|much|markedly|significantly|strongly)\s+)?"
    r"(?P<verb>reduces|lowers|cuts|decreases)\s+(?:your|the|their|a\s+person's)\s+risk\s+of\s+"
    rf"(?P<y>[^,;()]{{2,50}}?){_END}",
    re.IGNORECASE,
)


def _lowers_risk(sentence: str, bare: str) -> list[Fact]:
    """What lowers the risk of an outcome, the thing named ("Early treatment greatly reduces
    your risk of amputation"): "What greatly reduces the risk of amputation?" -> "Early
    treatment"."""
    found = _LOWERS_RISK.match(bare.strip())
    if found is None or not _names_a_thing(found["x"]) or _is_clause(found["y"]):
        return []
    how = (found["how"] or "").lower()
    question = f"What {how}{found['verb'].lower()} the risk of {_clean(found['y'])}"
    return [(question, _clean(found["x"]), "topic")]


_SHARE_OPENINGS = (
    "about ", "around ", "roughly ", "nearly ", "almost ", "over ", "more than ", "half ",
    "a third ", "one third ", "one-third ", "two-thirds ", "two thirds ", "a quarter ",
    "one in ",
)  # fmt: skip
_SHARE = re.compile(
    r"^(?P<share>(?:(?:about|around|roughly|nearly|almost|over|more\s+than)\s+)?"
    r"(?:half|a\s+third|one[- ]third|two[- ]thirds|a\s+quarter|one\s+in\s+(?:two|three|four|"
    r"five|six|seven|eight|nine|ten|\d+)))\s+of\s+(?:all\s+)?(?P<who>[^,;]{3,40}?)\s+"
    r"(?P<verb>have|get|develop|need|will\s+develop|will\s+need)\s+(?P<y>[^,;]{3,60}?)"
    rf"{_END}",
    re.IGNORECASE,
)


def _share(sentence: str, bare: str) -> list[Fact]:
    """A share in words of a named group ("About half of all people with korrin fever get a
    rash"): "What share of people with korrin fever get a rash?" -> "About half". A share in
    digits is the figure rule's cloze."""
    found = _SHARE.match(bare.strip())
    if found is None or _POINTS_BACK.intersection(found["who"].lower().split()):
        return []  # "One in four of them …": who is in the sentence before
    share = found["share"][:1].upper() + found["share"][1:]
    question = f"What share of {found['who']} {found['verb']} {_clean(found['y'])}"
    return [(question, share, "topic")]


_NO_CAPACITY = frozenset("be have get take occur happen cause lead result produce trigger".split())


def _rate(sentence: str, bare: str) -> list[Fact]:
    """How much a named thing can handle in a unit of time, the amount in words ("The liver
    can metabolize about one standard drink of alcohol per hour"): "How much can the liver
    metabolize per hour?" -> "About one standard drink of alcohol". A figure in digits is the
    measure rule's cloze."""
    found = _RATE.match(bare.strip())
    if found is None or not _names_a_thing(found["x"]) or _PRONOUN.match(found["x"]):
        return []
    if found["verb"].lower() in _NO_CAPACITY:
        return []  # "… can cause one fall per year" counts events, states no capacity
    thing = lower_first(_clean(found["x"]))
    amount = found["amount"].strip()
    question = f"How much {found['modal'].lower()} {thing} {found['verb']} per {found['unit']}"
    return [(question, amount[:1].upper() + amount[1:], "topic")]


def _valued(sentence: str, bare: str) -> list[Fact]:
    """An attribute and its value, said in a sentence ("Dose is 100 mg over 2 h") under the
    heading of the thing it belongs to: "<section>: dose?"."""
    found = _VALUED.match(bare.strip())
    if found is None or not any(char.isdigit() for char in found.group("value")):
        return []  # "Route is important": no value
    return [(found.group("attr").lower(), found.group("value").strip(), "section")]


_CONTRAINDICATED_IN = " contraindicated in"
_CONTRAINDICATED = re.compile(
    r"(?:^|,\s+)(?P<s>[^,;:]{1,60}?)\s+(?:is|are)\s+(?:absolutely\s+|relatively\s+)?"
    r"contraindicated\s+in\s+(?P<y>[^,;:]+?)\.?$",
    re.IGNORECASE,
)


_PEOPLE = frozenset(content_words("patients people persons individuals those anyone taking"))
"""Words an answer naming who a fact is about says besides what they have or take."""


def _topic_gives(question: str, answer: str, topic: str) -> bool:
    """The topic a front would carry ("… in velbarin") gives its answer away: the answer says
    every word of the topic and adds at most one word of its own besides the people it is about
    ("patients treated with velbarin", "velbarin dosing"), and the question does not name the
    topic itself."""
    named, said = content_words(topic), content_words(answer)
    if not named or not named <= said or names_topic(question, topic):
        return False
    return len(said - named - _PEOPLE) <= 1


def _contraindicated(sentence: str, bare: str) -> list[Fact]:
    """A contraindication: "Velbarin is contraindicated in pregnancy" asks "<section>: velbarin
    contraindicated in?"; "…, it is contraindicated in Y" (a pronoun after a reason) asks the
    section's thing: "<section>: contraindicated in?"."""
    found = _CONTRAINDICATED.search(bare.strip())
    if found is None:
        return []
    thing, answer = found.group("s").strip(), found.group("y").strip()
    if thing.lower() in ("it", "this", "this drug", "they", "these"):
        return [(_CONTRAINDICATED_IN.strip(), answer, "section")]
    if not _names_a_thing(thing) or len(thing.split()) > MAX_SUBJECT_WORDS:
        return []
    return [(lower_first(thing) + _CONTRAINDICATED_IN, answer, "section")]


def _timed(sentence: str, bare: str) -> list[Fact]:
    done = _DO_AFTER.match(bare)
    if done is not None:
        return [(f"When to {done['verb'].lower()} {done['obj']}", done["when"], "topic")]
    done = _DONE_AFTER.match(bare)
    if done is not None and _names_a_thing(done.group("x")):
        thing = lower_first(_clean(done.group("x")))
        return [(f"When {done['be']} {thing} {done['verb']}", done["when"], "topic")]
    return []


def _scheduled(sentence: str, bare: str) -> list[Fact]:
    lowered = sentence.lower()
    if lowered.count("every ") < 2 or "then" not in lowered:
        return []
    schedule = _EVERY.match(sentence)
    if schedule is None or not _names_a_thing(schedule.group("x")):
        return []
    if len(schedule.group("when").split()) > MAX_SCHEDULE_WORDS:
        return []
    thing = lower_first(_clean(schedule.group("x")))
    if schedule.group("verb"):
        be = (schedule.group("be") or _be(thing)).lower()
        question = f"How often {be} {thing} {schedule.group('verb').lower()}"
    else:
        question = f"{thing}: how often"
    return [(question, schedule.group("when"), "topic")]


def _caused(sentence: str, bare: str) -> list[Fact]:
    cause = _CAUSED_BY.match(sentence)
    if cause is None or not _names_a_thing(cause.group("x")):
        return []
    if cause.group("x").split()[0].lower() in _SUBORDINATING:
        return []  # "Since X is caused by Y, Z …": the cause is a reason for something else
    answer = cause.group("z")
    quantity = _SOME_OF_ALL.match(cause.group("x"))
    if quantity is not None and (
        quantity.group("q").lower() not in _MOST or _VAGUE_CAUSE.search(answer)
    ):
        return []  # "Many diseases are caused by …": a truism about no thing in particular
    series = item_spans(sentence, cause.start("z"))  # "caused by viruses, bacteria, or fungi"
    if series and not sentence[series[-1][1] :].strip(" .!"):  # the series ends the sentence
        answer = sentence[series[0][0] : series[-1][1]]
    if quantity is not None:  # "Most attacks are caused by cold air": the main cause of them
        return [(f"what causes {lower_first(_clean(cause.group('x')))}", answer, "section")]
    return [(f"Cause of {lower_first(_clean(cause.group('x')))}", answer, "topic")]


_ADVISED = re.compile(
    r"^(?:your|the)\s+(?P<who>doctor|gp|nurse|(?:health\s*care\s+)?provider|clinician|physician|"
    r"pharmacist|midwife|dentist)\s+(?P<may>(?:may|might|will|can|could|will\s+likely|will\s+probably)"
    r"\s+)?(?:also\s+)?(?P<verb>recommend|suggest|advise|prescribe)s?\s+"
    r"(?:that\s+(?:you|they|the\s+patient)\s+)?(?=\S)",
    re.IGNORECASE,
)


def _advised(sentence: str, bare: str) -> list[Fact]:
    """A patient page's advice as a series: "Your doctor may recommend resting, drinking water,
    and taking paracetamol" asks "<section>: what may the doctor recommend?" -> the three. One
    thing advised ("may prescribe eyedrops for …") is no card: the section says what it is for."""
    advised = _ADVISED.match(sentence)
    if advised is None:
        return []
    series = item_spans(sentence, advised.end())
    if not series:
        return []
    answer = sentence[series[0][0] : series[-1][1]]
    may = " ".join((advised.group("may") or "does ").split()[:1]).lower()
    who = " ".join(advised.group("who").lower().split())
    verb = advised.group("verb").lower()
    return [
        (
            f"what {may} the {who.replace('gp', 'GP')} {verb}",
            answer[:1].upper() + answer[1:],
            "section",
        )
    ]


_SUBORDINATING = frozenset("since because although though if when while whereas as".split())
_PARTICIPLE = re.compile(r",\s+(?=[a-z]+ing\s)")
"""A participle clause after the answer (", preventing oxygen from reaching …"): its aftermath."""


def _occurs(sentence: str, bare: str) -> list[Fact]:
    occurs = _OCCURS.match(bare)
    if occurs is None or not _names_a_thing(occurs.group("x")):
        return []
    verb = occurs.group("verb").lower()
    base = verb.removesuffix("s") if verb.endswith(("rs", "ns", "ps")) else verb
    do = "does" if base != verb else "do"
    question = f"When {do} {lower_first(_clean(occurs.group('x')))} {base}"
    answer = _clean(_PARTICIPLE.split(occurs.group("y"), 1)[0])
    return [(question, answer[:1].upper() + answer[1:], "topic")]


_ALL_OF_CLASS = re.compile(
    r"^All\s+(?:of\s+)?(?:(?P<these>these|those|such|the)\s+)?"
    r"(?P<kind>[\w-]+(?:\s+[\w-]+){0,2}?)\s+(?P<rest>[a-z][\w-]*\s.*)$",
    re.IGNORECASE,
)
_KIND_WORDS = frozenset(
    """drugs agents antibiotics medications medicines compounds antivirals antifungals
    inhibitors blockers antagonists agonists vaccines hormones enzymes bacteria organisms
    viruses""".split()
)
"""Words by which a sentence names the class its heading names ("All of these drugs …")."""


def _of_the_class(sentence: str, thing: str) -> str:
    """ "All of these antibiotics inhibit X" under `### Beta-lactams` said of the class its
    heading names ("Beta-lactams inhibit X"), so the sentence shapes read it as they read one
    naming the class: what the whole class does is its mechanism, the section's key fact. The
    sentence names the class by a kind word after "these" or by the heading's own name;
    anything else is returned as it was."""
    found = _ALL_OF_CLASS.match(sentence)
    if found is None:
        return sentence
    kind = found.group("kind").lower()
    names = {name.rstrip("s") for name in _names_of(thing)[1]}
    if kind.rstrip("s") in names or (found.group("these") and kind in _KIND_WORDS):
        return f"{thing} {found.group('rest')}"
    return sentence


_SITE = re.compile(
    r"\s+(?P<how>at\s+the\s+level\s+of|by\s+binding(?:\s+to)?|via|through)\s+(?P<site>.+)$",
    re.IGNORECASE,
)
"""Where or how an action acts, after its target ("inhibits X at the level of Y")."""


_WORKS_BY = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<verb>induces?|exerts?|produces?|achieves?|mediates?|has|have)\s+"
    r"(?:its|their)\s+(?:\w+\s+)?effects?\s+by\s+(?P<how>.+)$",
    re.IGNORECASE,
)
"""A mechanism told as how a thing works: "Velbarin exerts its effect by blocking …"."""
_BY_ACTION = re.compile(
    r"\b(?P<act>(?:to\s+)?bind(?:ing)?\s+to|blocking|inhibiting|antagoni[sz]ing|activating|"
    r"stimulating)\s+(?P<y>[^,;]+)",
    re.IGNORECASE,
)
_ACT_BASE = {
    "blocking": "block",
    "inhibiting": "inhibit",
    "activating": "activate",
    "stimulating": "stimulate",
    "antagonising": "antagonise",
    "antagonizing": "antagonize",
}
_TARGET_END = re.compile(r"\s+(?:at|in|on|within|and|which|that|thereby|to)\s+", re.IGNORECASE)
_AT_SITE = re.compile(
    r"^\s+(?P<site>(?:at|in|on)\s+the\s+.+?)(?=\s+(?:and|which|thereby|to)\s+|$)", re.IGNORECASE
)
MAX_SITE_WORDS = 14


def _works_by(sentence: str, bare: str) -> list[Fact]:
    """A mechanism told as how a thing works, "Velbarin exerts its effect by competing with
    korrin to bind to the K1 pump at the wall of the gut and …", asks what it acts on, "What
    does velbarin bind to?" -> "The K1 pump", and where, "Where does velbarin bind the K1
    pump?" -> "At the wall of the gut" (the first action the `by` phrase names; its aftermath,
    "which …", left out)."""
    works = _WORKS_BY.match(bare.strip())
    if works is None or not _names_a_thing(works["x"]):
        return []
    action = _BY_ACTION.search(works["how"])
    if action is None:
        return []
    act = " ".join(action["act"].lower().split())
    base = "bind to" if "bind" in act else _ACT_BASE[act]
    rest = action["y"]
    end = _TARGET_END.search(rest)
    target = (rest[: end.start()] if end is not None else rest).strip().rstrip(".")
    if not target or _is_clause(target) or target.split()[0].lower() in _LEANING:
        return []
    if len(without_asides(target).split()) > MAX_TARGET_WORDS or len(target) > MAX_TARGET_CHARS:
        return []
    verb = works["verb"].lower()
    do = "does" if verb.endswith("s") else "do"
    thing = lower_first(_clean(works["x"]))
    shown = target[:1].upper() + target[1:]
    found: list[Fact] = [(f"What {do} {thing} {base}", shown, "topic")]
    site = _AT_SITE.match(rest[end.start() :]) if end is not None else None
    if site is not None and len(site["site"].split()) <= MAX_SITE_WORDS:
        where = site["site"].rstrip(".")
        bound = base.removesuffix(" to")
        found.append(
            (f"Where {do} {thing} {bound} {target}", where[:1].upper() + where[1:], "topic")
        )
    return found


def _acts_on(sentence: str, bare: str) -> list[Fact]:
    acts = _ACTS_ON.match(sentence)
    if acts is None or not _names_a_thing(acts.group("x")):
        return []
    target = acts.group("y").strip()
    site = _SITE.search(target)
    if site is not None and len(without_asides(site.group("site")).split()) <= MAX_TARGET_WORDS:
        target = target[: site.start()].strip()  # "X at the level of Y": X, and Y asked apart
    else:
        site = None
    if len(target) > MAX_TARGET_CHARS:
        return []
    if len(without_asides(target).split()) > MAX_TARGET_WORDS or _is_clause(target):
        return []
    if _has_arrow(target) or ":" in target or target.split()[0].lower() in _LEANING:
        return []  # "block both -> …": what is blocked is named elsewhere
    if target.split()[0].lower() in _PLURAL_VERBS:
        return []  # "Bundle branch blocks make X difficult": "blocks" named, "make" acts
    verb = acts.group("verb").lower()
    base = verb[:-1] if verb.endswith("s") and not verb.endswith("ss") else verb
    do = "does" if base != verb else "do"
    thing = lower_first(_clean(acts.group("x")))
    found: list[Fact] = [(f"What {do} {thing} {base}", target, "topic")]
    if site is not None and target:
        how, where = site.group("how"), _clean(site.group("site"))
        wh = "Where" if how.lower().startswith("at ") else "How"
        answer = f"{how[:1].upper()}{how[1:]} {where}"
        found = [(f"What {do} {thing} {base}", target[:1].upper() + target[1:], "topic")]
        found.append((f"{wh} {do} {thing} {base} {target}", answer, "topic"))
    return found


_MEANS = re.compile(
    rf"^(?P<x>{_NAME})\s+(?P<verb>means|refers\s+to)\s+(?P<y>(?!that\b|the\s+same\b)[^;:]{{3,200}}?)"
    r"\s*\.?$",
    re.IGNORECASE,
)
MAX_MEANING_WORDS = 25


def _means(sentence: str, bare: str) -> list[Fact]:
    """What a named thing means: "Hand care means removing dirt and germs from the hands"
    asks "What does hand care mean?" (also "refers to"); never "This means …", nor a clause
    ("… means that …")."""
    found = _MEANS.match(bare.strip())
    if found is None or not _names_a_thing(found.group("x")):
        return []
    meaning = found.group("y").strip()
    if len(meaning.split()) > MAX_MEANING_WORDS or _is_clause(meaning):
        return []
    verb = "mean" if found.group("verb").lower() == "means" else "refer to"
    answer = meaning[:1].upper() + meaning[1:]
    return [(f"What does {lower_first(_clean(found.group('x')))} {verb}", answer, "topic")]


_DEFINED_AS = (
    ("en", r"(?:is|are)\s+(?:usually\s+|generally\s+|commonly\s+)?defined\s+as", "definition"),
    ("es", r"se\s+definen?\s+como|(?:es|son)\s+definid[oa]s?\s+como", "definición"),
    ("pt", r"(?:é|são)\s+definid[oa]s?\s+como|se\s+definem?\s+como", "definição"),
    ("it", r"(?:è|sono)\s+definit[oaie]\s+come|si\s+definiscono?\s+come", "definizione"),
    (
        "fr",
        r"(?:est|sont)\s+défini(?:e|s|es)?\s+comme|se\s+défini(?:t|ssent)\s+comme",
        "définition",
    ),
    ("de", r"(?:wird|werden|ist|sind)\s+(?:als\s+)?definiert\s+als", "Definition"),
)
_DEFINITION_SHAPES = tuple(
    (
        re.compile(
            rf"^(?P<x>{_NAME})\s+(?:{verb})\s+(?P<y>(?!that\b|when\b|if\b)[^;:]{{3,200}}?)\s*\.?$",
            re.IGNORECASE,
        ),
        word,
    )
    for _, verb, word in _DEFINED_AS
)
"""A definition stated in prose, "X is defined as Y" (and "X se define como Y", "X è definita
come Y", "X est définie comme Y", "X é definida como Y", "X wird definiert als Y"): asked as the
heading-named definitions are, "X: definition?" in the page's words."""


_DEFINITE = re.compile(
    r"^(?:(?:the|an?|la|el|los|las|il|lo|gli|le|les|o|os|as|der|die|das)\s+|l['’]\s*)(?=\w)", re.I
)
"""A definite article before the thing a definition names: no part of its name on a front."""


def _defined_as(sentence: str) -> list[Fact]:
    """What a named thing is defined as: "Korrin fever is defined as a count below 40 (normal
    40 – 90)" asks "Korrin fever: definition?" -> "a count below 40 (normal 40 – 90)", its normal
    range kept; a figure with its unit is its cloze's (the figure and measure rules). Read in
    paragraphs only: a list item's term is the definition rule's (`_emphasised_terms`). A
    pronoun or a clause as the thing ("This is defined as …", "Patients who …"), or a clause as
    the definition ("… defined as when …"), is none."""
    for shape, word in _DEFINITION_SHAPES:
        found = shape.match(sentence.strip())
        if found is None:
            continue
        thing = _DEFINITE.sub("", _clean(found.group("x")))
        if not thing or thing.split()[0].lower() in _PRONOUNS_ABROAD or not _names_a_thing(thing):
            return []
        thing = thing[:1].upper() + thing[1:]  # "La fiebre de X" -> "Fiebre de X: definición?"
        meaning = found.group("y").strip()
        if len(without_asides(meaning).split()) > MAX_MEANING_WORDS or _is_clause(meaning):
            return []
        if states_a_figure(meaning):
            return []  # "… below 50% of best": the figure's cloze asks it (figure, measure)
        return [(f"{thing}: {word}", meaning, "named")]
    return []


def _times_more(sentence: str, bare: str) -> list[Fact]:
    more = _TIMES_MORE.match(bare)
    if more is None or not _names_a_thing(more.group("x")):
        return []
    thing = lower_first(_clean(more.group("x")))
    question = f"How many times more {more['adj']} {more['be']} {thing} than {more['z']}"
    return [(question, more.group("n"), "topic")]


def _included(sentence: str, bare: str) -> list[Fact]:
    chosen = _INCLUDE_FOR.match(sentence)
    if chosen is None or _PRONOUN.match(chosen.group("x")):
        return []
    what = chosen.group("x").strip()
    return [
        (what, chosen.group("items").strip(), "topic"),
        (f"Typical course of {lower_first(what)}", chosen.group("n"), "topic"),
    ]


_LISTED_NAME = r"[A-Za-z0-9][\w/+-]*(?:\s+[A-Za-z0-9][\w/+-]*){0,3}"
_ALL_DO = re.compile(
    rf"^(?P<x>{_LISTED_NAME}(?:\s*,\s*{_LISTED_NAME})*,?\s+and\s+{_LISTED_NAME})\s+"
    r"(?P<all>all|both)\s+(?P<does>(?!(?:of|the|in|at|on|to|for|with|that|this|these|those)\b)"
    r"[a-z][^;:.()]{2,80}?)\s*(?:;\s*(?P<but>[^;]{3,80}?))?\s*\.?$"
)
"""A statement of what several things share: "Beta-blockers, statins and ACE inhibitors all
reduce mortality; nitrates only relieve symptoms" (three names or more before "all", two before
"both"), with a contrast after a semicolon."""
MIN_ALL_NAMES = 3
_NOT_LISTED = frozenset(
    "because since as if when while although though in on at for with by after before so but and or"
    " then also".split()
)


_SENTENCE_ADVERB = re.compile(
    r"(?:[A-Za-z]+ly|however|also|thus|therefore|moreover|furthermore|overall|again|still"
    r"|in (?:general|practice|summary|short)|of note|in addition|for example)\s*,\s*",
    re.IGNORECASE,
)
"""A sentence's opening word and its comma ("However,", "Ideally,"): no thing of a list."""


def _all_do(sentence: str, bare: str) -> list[Fact]:
    """Which things share what the sentence says they all do: "<section>: which reduce
    mortality?" -> "Beta-blockers, statins and ACE inhibitors (nitrates only relieve
    symptoms)": the contrast after a semicolon is part of the answer, as the list would be
    misremembered without it."""
    found = _ALL_DO.match(bare)
    if found is None:
        return []
    things = found.group("x").strip()
    opening = _SENTENCE_ADVERB.match(things)
    if opening is not None:  # "However, aspirin, clopidogrel and heparin all …": not a thing
        things = things[opening.end() :]
    names = [name for name in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", things) if name]
    wanted = MIN_ALL_NAMES if found.group("all") == "all" else 2
    if len(names) != wanted and (found.group("all") == "both" or len(names) < wanted):
        return []
    if any(_PRONOUN.match(name) or _is_clause(name) for name in names):
        return []
    if names[0].split()[0].lower() in _NOT_LISTED:
        return []  # "Because A, B and C all lower it, …": a clause, not the things
    does = found.group("does").strip()
    but = (found.group("but") or "").strip()
    answer = f"{things} ({but})" if but and not leans_back(but) else things
    which = "which two" if found.group("all") == "both" else "which"
    return [(f"{which} {does}", answer, "section")]


def _why_named(sentence: str, bare: str) -> list[Fact]:
    """ "Most people with it have no symptoms — that's why it's called the silent killer": why
    the name."""
    named = _WHY_NAMED.match(sentence)
    if named is None or _PRONOUN.match(named.group("why")):
        return []
    quoted = named.group("quoted")
    name = f"“{quoted.strip()}”" if quoted else named.group("name").strip()
    the = "the " if named.group("the") else ""
    return [(f"{WHY_NAMED}{the}{name}", _clean(named.group("why")), "topic")]


_QUOTED_NAME = r"[“\"«„]\s*(?P<name>[^”\"»“]{2,40}?)\s*[”\"»“]"
_NICKNAMED = (
    (
        "pt",
        re.compile(
            r"^(?P<x>[^,;:]{2,40}?)\s+(?:é|são)\s+(?:(?:frequentemente|muitas\s+vezes|também"
            r"|às\s+vezes)\s+)?(?P<verb>chamad[ao]s?\s+de|conhecid[ao]s?\s+como)\s+"
            + _QUOTED_NAME
            + r",?\s+(?:porque|pois)\s+(?P<why>[^;]{5,200}?)\s*\.?$",
            re.IGNORECASE,
        ),
    ),
    (
        "es",
        re.compile(
            r"^(?P<x>[^,;:]{2,40}?)\s+(?:es|son|se\s+conoce|se\s+conocen)\s+(?:(?:a\s+menudo"
            r"|también|frecuentemente)\s+)?(?P<verb>llamad[ao]s?|como|conocid[ao]s?\s+como)\s+"
            + _QUOTED_NAME
            + r",?\s+(?:porque|ya\s+que)\s+(?P<why>[^;]{5,200}?)\s*\.?$",
            re.IGNORECASE,
        ),
    ),
    (
        "fr",
        re.compile(
            r"^(?P<x>[^,;:]{2,40}?)\s+(?:est|sont)\s+(?:(?:souvent|aussi|parfois)\s+)?"
            r"(?P<verb>appelée?s?|surnommée?s?)\s+"
            + _QUOTED_NAME
            + r",?\s+(?:car|parce\s+qu[e']|puisqu[e'])\s*(?P<why>[^;]{5,200}?)\s*\.?$",
            re.IGNORECASE,
        ),
    ),
    (
        "it",
        re.compile(
            r"^(?P<x>[^,;:]{2,40}?)\s+(?:è|sono)\s+(?:(?:spesso|anche|talvolta)\s+)?"
            r"(?P<verb>chiamat[ao]|chiamat[ei]|dett[ao])\s+"
            + _QUOTED_NAME
            + r",?\s+(?:perché|poiché)\s+(?P<why>[^;]{5,200}?)\s*\.?$",
            re.IGNORECASE,
        ),
    ),
    (
        "de",
        re.compile(
            r"^(?P<x>[^,;:]{2,40}?)\s+(?:wird|werden)\s+(?:(?:oft|häufig|auch)\s+)?"
            + _QUOTED_NAME
            + r"\s+genannt,?\s+(?:weil|da)\s+(?P<why>[^;]{5,200}?)\s*\.?$",
            re.IGNORECASE,
        ),
    ),
)
"""A name given with its reason, "X é chamada de "<name>" porque <why>", in each language the
builder reads besides English (whose "X is called "<name>" because …" `reasoned` asks): the
author's quotation marks set the name apart."""
_WHY_ASKED = {
    "pt": 'Por que {x} é {verb} "{name}"',
    "es": '¿Por qué {x} {verb} "{name}"',
    "fr": "Pourquoi {x} est-{it} {verb} « {name} »",
    "it": 'Perché {x} è {verb} "{name}"',
    "de": 'Warum wird {x} "{name}" genannt',
}
MAX_NICKNAME_WHY_WORDS = 30
_PRONOUNS_ABROAD = frozenset(
    """ela ele elas eles isso isto esta este essa esse ella él ellos ellas esto eso elle il ils
    elles cela ceci lei lui esso essa questo questa sie er es dies diese dieser dieses""".split()
)


def _nicknamed(sentence: str, bare: str) -> list[Fact]:
    """ "Hypertension is often called the "silent killer" because it gives no symptoms" asks
    "Why is hypertension called the "silent killer"?" (in Portuguese "Por que a hipertensão é
    chamada de "…"?", and so on): the reason is the fact. The name must be quoted and the
    subject a thing named (no pronoun), the reason a clause of its own."""
    for language, shape in _NICKNAMED:
        found = shape.match(sentence.strip())
        if found is None:
            continue
        thing = found["x"].strip()
        if thing.split()[0].lower() in _PRONOUNS_ABROAD or not _names_a_thing(thing):
            return []  # "Ela é chamada de …": what it names is in another sentence
        why = _clean(found["why"])
        if len(why.split()) > MAX_NICKNAME_WHY_WORDS:
            return []
        fields = found.groupdict()
        verb = (fields.get("verb") or "").strip()
        if language == "es" and verb.lower() in ("llamado", "llamada", "llamados", "llamadas"):
            verb = f"es {verb}"  # "¿Por qué la X es llamada …"
        elif language == "es":
            verb = "se conoce como"
        first = thing[:1].lower() + thing[1:] if language != "de" else thing
        question = _WHY_ASKED[language].format(
            x=first if language != "en" else lower_first(thing),
            the=fields.get("the") or "",
            name=found["name"].strip(),
            verb=verb,
            it="elle" if verb.lower().endswith(("e", "es")) else "il",
        )
        return [(question, why[:1].upper() + why[1:], "named")]
    return []


def _leads_to(sentence: str, bare: str) -> list[Fact]:
    """ "Endothelin leads to constriction, nitric oxide leads to dilation": what each thing
    leads to, asked under the section ("Vessel tone: endothelin leads to?" -> "Constriction").
    Only when every clause of the sentence is one such pair with a short effect (MAX_EFFECT_WORDS
    words): "… leads to more vasoconstriction, decreasing the diameter" says more than it asks."""
    found: list[Fact] = []
    for clause in _CLAUSES.split(_clean(bare)):
        paired = _LEADS_TO.match(clause.strip())
        if paired is None or _PRONOUN.match(paired.group("x")) or _is_clause(paired.group("x")):
            return []
        thing, effect = lower_first(_clean(paired.group("x"))), _clean(paired.group("y"))
        verb = paired.group("verb").lower()
        found.append((f"{thing} {verb} to", effect[:1].upper() + effect[1:], "under"))
    return found


_CLAUSES = re.compile(r"\s*;\s*|,\s+(?:and\s+|while\s+|whereas\s+)?")
MAX_EFFECT_WORDS = 3
_LEADS_TO = re.compile(
    r"^(?P<x>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,7}?)\s+(?:also\s+)?(?P<verb>leads?)\s+to\s+"
    rf"(?P<y>[A-Za-z][\w-]*(?:\s+[\w-]+){{0,{MAX_EFFECT_WORDS - 1}}})$",
    re.IGNORECASE,
)
"""A thing of up to eight words, "lead(s) to", and its short effect: the whole clause."""


def _called(sentence: str, bare: str) -> list[Fact]:
    """ "Arterioles are called "resistance vessels" because of their thick muscle": what the
    thing is called, with the reason when one is given ("because of this," leans on a sentence
    before it and is left out)."""
    found = _NAMED_AS.match(_clean(sentence))
    if found is None or _PRONOUN.match(found.group("x")) or not _names_a_thing(found["x"]):
        return []
    name = found.group("name").strip()
    if len(name.split()) > MAX_NAME_WORDS:
        return []  # "are called terminal when they carry no alveoli": a clause, not a name
    why = (found.group("why") or "").strip()
    leaning = _LEANING_REASON.match(why)
    if leaning is not None:  # "because of this, due to …": the reason after the pointer
        why = why[leaning.end() :].strip()
    elif why:  # "because they have …", "as they …": the word that says it is a reason
        why = f"{found['because']} {why}"
    answer = name[:1].upper() + name[1:] + (f" — {why}" if why else "")
    return [(f"What {found['be']} {lower_first(found['x'])} called", answer, "topic")]


_NAMED_AS = re.compile(
    r"^(?P<x>[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,3}?)\s+(?P<be>is|are)\s+(?:also\s+)?"
    r"(?:called|termed)\s+[“\"]?(?P<name>[^“”\",;()]{3,40}?)[”\"]?"
    r"(?:,?\s+(?P<because>because|due\s+to|since|as)\b(?P<why>.*))?$"
)
MAX_NAME_WORDS = 4
_LEANING_REASON = re.compile(r"^(?:of\s+(?:this|that|these|it)\s*,?\s*)", re.IGNORECASE)


def _where_most(sentence: str, bare: str) -> list[Fact]:
    """ "The biggest pressure drop happens across the arterioles": where, asked under the
    section ("Blood vessels: where does the biggest pressure drop happen?")."""
    found = _WHERE_MOST.match(_clean(bare))
    if found is None:
        return []
    verb = found.group("verb").lower()
    asked = f"does the {found['most'].lower()} {found['what']} {verb.removesuffix('s')}"
    if verb == "is seen":
        asked = f"is the {found['most'].lower()} {found['what']} seen"
    where = found.group("where")
    return [(f"where {asked}", where[:1].upper() + where[1:], "under")]


_WHERE_MOST = re.compile(
    r"^the\s+(?P<most>biggest|largest|greatest)\s+(?P<what>[\w-]+(?:\s+[\w-]+){0,3}?)\s+"
    r"(?P<verb>happens|occurs|is\s+seen)\s+(?P<where>(?:in|across|at|over|within)\s+[^,;:]{3,40})$",
    re.IGNORECASE,
)


def _only_one(sentence: str, bare: str) -> list[Fact]:
    """ "Only the sympathetic system controls stroke volume (since …)": what does -> "Only the
    sympathetic system" (the object opens with an article, so a plural noun is never read as
    the verb: "Only the sympathetic nerves innervate …" is no match)."""
    found = _ONLY.match(_clean(bare))
    if found is None or found.group("verb").lower() in _NOT_ONLY_VERBS:
        return []
    return [(f"What {found['verb']} {found['y']}", f"Only {found['x']}", "topic")]


_ONLY = re.compile(
    r"^only\s+(?P<x>(?:the\s+)?[\w-]+(?:\s+[\w-]+){0,4}?)\s+(?P<verb>[a-z]{3,}s)\s+"
    r"(?P<y>(?:the|its|their)\s+[\w-]+(?:\s+[\w-]+){0,4})$",
    re.IGNORECASE,
)
_NOT_ONLY_VERBS = frozenset("was has does is".split())


def _especially(sentence: str, bare: str) -> list[Fact]:
    """ "Korrin levels are affected by many factors, especially body weight": what affects them
    most."""
    return _thing_and_what(_ESPECIALLY, bare, "What especially affects {}")


def _risky(sentence: str, bare: str) -> list[Fact]:
    """ "Velbarin has been associated with an increased risk of liver injury" (also "carries",
    "increases the risk of")."""
    return _thing_and_what(_RISK, bare, "Increased risk of what with {}")


def _thing_and_what(pattern: re.Pattern[str], bare: str, question: str) -> list[Fact]:
    """A sentence naming a thing (`x`) and what is said of it (`y`), asked as `question` of the
    thing; not when the thing is no name or the answer a clause."""
    found = pattern.match(bare)
    if found is None or not _names_a_thing(found.group("x")) or _is_clause(found.group("y")):
        return []
    thing = lower_first(_clean(found.group("x")))
    return [(question.format(thing), _clean(found.group("y")), "topic")]


def _checked(sentence: str, bare: str) -> list[Fact]:
    """ "Typical labs that are checked are A, B, and C": which labs are checked -> the items."""
    checked = _CHECKED.match(sentence)
    if checked is None or _PRONOUN.match(checked.group("x")) or "," not in checked["items"]:
        return []  # "… are many and varied" lists nothing
    items = [
        re.sub(r"^(?:and|or)\s+|^(?:the|a|an)\s+", "", part.strip(), flags=re.IGNORECASE)
        for part in re.split(r",\s*(?:and\s+|or\s+)?|\s+and\s+", checked.group("items"))
    ]
    items = [item for item in items if item]
    if not 2 <= len(items) <= MAX_CHECKED_ITEMS:
        return []
    if any(len(item.split()) > MAX_CHECKED_ITEM_WORDS or _is_clause(item) for item in items):
        return []
    what = checked.group("x").strip().lower()
    question = f"Which {what} {_be(what)} {checked.group('verb').lower()}"
    return [(question, ", ".join(items), "section")]


def _instructed(sentence: str, bare: str) -> list[Fact]:
    order = _ORDER.match(sentence)
    if order is not None and _names_a_thing(order["x"]) and _names_a_thing(order["y"]):
        aside = f" {order['aside'].strip()}" if order["aside"] else ""
        question = f"{order['verb'].capitalize()} {order['x']} before or after {order['y']}"
        return [(question, f"{order['when'].capitalize()}{aside}", "topic")]
    step = _IF_DO.match(sentence)
    if (
        step is not None
        and not _is_clause(step["x"])
        and len(step["cond"].split()) >= 3
        and not step["x"].rstrip().endswith(":")  # "…, add the following:" leads into a list
    ):
        question = f"If {step['cond']}, {step['verb'].lower()} what"
        return [(question, step.group("x"), "section")]
    advised = _IF_ADVISED.match(sentence)
    if advised is not None and not _POINTING_COND.intersection(advised["cond"].lower().split()):
        # "If you notice any of these, …": the front would not say which
        done, answer = "do", advised["x"]
        if answer.lower().startswith("not "):  # "you should not go to school"
            done, answer = "not do", answer[4:]
        answer = answer[:1].upper() + answer[1:]
        return [(f"If {advised['cond']}, what should you {done}", answer, "section")]
    likely = _IF_LIKELY.match(bare)
    if likely is not None and len(likely["cond"].split()) >= 3 and _names_a_thing(likely["x"]):
        gloss = f" — {likely['gloss'].strip()}" if likely["gloss"] else ""
        return [(f"If {likely['cond']}, likely diagnosis", likely["x"] + gloss, "section")]
    step = _TREAT_WITH.match(sentence)
    if step is not None:
        return [(f"{step['verb'].capitalize()} {step['x']} with what", step["y"], "section")]
    step = _DO_NOT.match(bare)
    if step is not None and _names_a_thing(step.group("x")):
        prep = "" if step.group("presence") or step.group("prep") == "in" else step["prep"] + " "
        question = f"When not to {step['verb'].lower()} {lower_first(_clean(step['x']))}"
        # "Don't give X after delivery" under the stage it belongs to: the heading says which
        if step["prep"].lower() in _STAGE_PREPS:
            return [(lower_first(question), f"{prep}{step['y']}", "section")]
        return [(question, f"{prep}{step['y']}", "topic")]
    step = _ONLY_IF.match(sentence)
    if step is not None:
        question = f"{step['verb'].lower()} only when"
        return [(question, f"{step['prep']} {step['y']}", "section")]
    return []


def _described(section: Section, facets: frozenset[str]) -> tuple[str, str, int] | None:
    """A section that is one paragraph under a heading naming a subject: (subject, first
    sentence, line). A heading naming a group is a facet of the heading above it ("Kidney
    infection — small children"): its subject with the document's `facets` joined."""
    blocks = [block for block in section.blocks if not _is_rule(block)]
    if len(blocks) != 1 or section.children or section.callout or section.level == 0:
        return None
    block = blocks[0]
    if not isinstance(block, Paragraph) or bold_label(block.text) is not None:
        return None  # a list, a table; `**Fluids** — …` describes its label (the definition rule)
    title = heading_text(section.title)
    raw = block.text
    glossed = "—" in raw or "–" in raw or ";" in raw or " - " in raw
    if not title or not (glossed or block.text.lower().startswith(title.lower())):
        return None  # neither "<noun phrase> — <gloss>" nor "<the subject> is a …"
    subject = heading_subject(section.path)
    if subject != title:
        if not is_population(title):
            return None
        subject = heading_subject(section.path, facets)
    if title.endswith("?") or is_example(None, section):
        return None
    if len(without_asides(title).split()) > MAX_SUBJECT_WORDS:
        return None  # "Korrin fevers (early and late)" names two words' subject
    text = plain(block.text)
    first = split_sentences(text)[0] if text.strip() else ""
    words = first.split()
    if not 3 <= len(words) <= MAX_FIRST_SENTENCE_WORDS or _PRONOUN.match(first):
        return None
    if first.endswith((":", "?")) or is_example_text(first):
        return None
    if first.count(",") >= MAX_DESCRIPTION_COMMAS or ":" in first:
        return None  # a list written as a line ("Seen in A, B, C, D, E"), not a description
    if not _describes(first, title):
        return None
    if first.lower().startswith(_COMPARING):
        first = _GLOSS.split(first, 1)[0]  # "Similar to A but B is spared" is the answer
    return subject, first, block.line


def _definitions(section: Section, ctx: Context) -> list[Note]:
    """A definition standing alone: a section that is one paragraph or one bullet under a
    heading such as "Description", "Definition" or "Definition of X" ("X is (defined as) a …"),
    or a lone `Definition: …` item among other facts (the definition rule reads lists of
    terms). Asks "X: definition?"."""
    found = _lone_definition(section, ctx) or _definition_item(section, ctx)
    if found is None:
        return []
    thing, answer, line = found
    if not _short_answer(answer) and len(answer.split()) > MAX_FIRST_SENTENCE_WORDS:
        return []
    front = f"{thing}: definition?"
    key = make_key("prose_fact", section.path, "definition", None, "defined")
    return [ctx.note("prose_fact", "basic", front, answer, key, section, line)]


_DEFINING_HEADING = re.compile(
    r"^(?:definitions?|descriptions?|meaning|what\s+(?:is|are)\s+(?:an?\s+|the\s+)?(?P<w>.+?)\??)"
    r"(?:\s+of\s+(?:an?\s+|the\s+)?(?P<x>.+))?$",
    re.IGNORECASE,
)
_DEFINING = re.compile(
    r"^(?P<s>[^,;:()]{2,60}?)\s+(?:is|are|refers\s+to)\s+(?:defined\s+as\s+|described\s+as\s+)?"
    r"(?P<rest>(?:an?|the)\s.+)$",
    re.IGNORECASE,
)


def _lone_definition(section: Section, ctx: Context) -> tuple[str, str, int] | None:
    """(thing, what it is, line) of a defining heading's one paragraph or one bullet."""
    if section.children or section.callout or section.level == 0:
        return None
    heading = _DEFINING_HEADING.match(heading_text(section.title))
    if heading is None:
        return None
    blocks = [block for block in section.blocks if not _is_rule(block)]
    if len(blocks) != 1:
        return None
    block = blocks[0]
    if isinstance(block, ListBlock):
        if len(block.items) != 1 or block.items[0].blocks:
            return None
        text, line = block.items[0].text, block.items[0].line
    elif isinstance(block, Paragraph):
        text, line = block.text, block.line
    else:
        return None
    text = plain(text)
    first = split_sentences(text)[0] if text.strip() else ""
    match = _DEFINING.match(first.rstrip("."))
    if match is None or _PRONOUN.match(first):
        return None
    thing = match.group("s").strip()
    named = heading.group("x") or heading.group("w") or ""
    wanted = named or ctx.topic or ctx.thing(section)
    if not wanted or not names_topic(thing, wanted) or len(thing.split()) > MAX_SUBJECT_WORDS:
        return None
    return thing, match.group("rest").strip(), line


def _definition_item(section: Section, ctx: Context) -> tuple[str, str, int] | None:
    """(thing, definition, line) of a lone `Definition: …` item in a list of other facts."""
    for block in section.blocks:
        if not isinstance(block, ListBlock) or is_definition_list(block):
            continue
        for item in block.items:
            found = definition(item)
            if found is None or plain(found[0]).lower() not in ("definition", "defined as"):
                continue
            thing = ctx.thing(section) or ctx.topic
            answer = plain(found[1]).strip()
            if not thing or not answer:
                return None
            return thing[:1].upper() + thing[1:], answer, item.line
    return None


_COMPARING = ("similar to ", "like ", "unlike ")
"""A description that places its subject by another ("Similar to A but B is spared")."""


def _is_rule(block: Block) -> bool:
    """A thematic break (`---`) between sections: no content."""
    return isinstance(block, RawBlock) and block.kind == "hr"


def _describes(sentence: str, title: str) -> bool:
    """A description of the heading's subject: a noun phrase and its gloss ("Rash without fever
    — the skin alone is affected", "Damage to both areas; affects all modalities"), or "<the
    subject> is a …"; not a statement about something else ("Peak flow is measured daily")."""
    if re.match(rf"{re.escape(title)}\s+(?:is|are)\s+(?:an?|the)\s", sentence, re.IGNORECASE):
        return True
    parts = _GLOSS.split(without_asides(sentence), 1)
    if len(parts) != 2:
        return False
    head = parts[0].lower().split()
    if parts[0].lower().startswith(_COMPARING):
        return len(head) <= MAX_SUBJECT_WORDS * 3  # "Similar to A but B is spared — …"
    return 0 < len(head) <= MAX_SUBJECT_WORDS * 2 and not any(w in FINITE_VERBS for w in head)


def _short_answer(answer: str) -> bool:
    return 0 < len(answer.split()) <= MAX_ANSWER_WORDS


def _is_clause(text: str) -> bool:
    """Text holding a verb like "is": a clause, not a name or a short answer."""
    padded = f" {text.lower()} "
    return any(f" {verb} " in padded for verb in ("is", "are", "was", "were", "can", "should"))


def _be(thing: str) -> str:
    """The verb for a thing named without one: "are" for a plural ("labs"), else "is"."""
    last = thing.split()[-1] if thing.split() else ""
    plural = last.endswith("s") and not last.endswith(("ss", "us", "is")) and not last.isupper()
    return "are" if plural else "is"


def _clean(text: str) -> str:
    return text.strip().rstrip(".!?:").strip()


def _role(text: str) -> str:
    return " ".join(text.split()).rstrip(" -")


_SOME_OF_ALL = re.compile(
    r"^(?P<q>many|most|some|several|numerous|all)\s+(?P<noun>\w+)$", re.IGNORECASE
)
"""A quantity of a bare plural ("many diseases", "most attacks") with nothing it is of."""
_MOST = ("most", "all")
"""Quantities that make the cause the main one ("Most attacks are caused by cold air"): a fact
about the section's thing. "Many/some/several X are caused by" names one cause among others."""


def _truism(question: str, section: Section) -> bool:
    """A cause of most of a whole class of conditions ("what causes most diseases"), unless a
    heading names that class ("Most infections are caused by …" under "Urinary tract
    infections" is the section's fact)."""
    if not question.startswith("what causes "):
        return False
    noun = question.rsplit(" ", 1)[-1].lower()
    if noun not in _CATEGORY_NOUNS:
        return False
    return not any(noun in heading_text(title).lower().split() for title in section.path)


_CATEGORY_NOUNS = frozenset(
    "diseases illnesses conditions disorders infections problems ailments things cancers "
    "tumours tumors syndromes".split()
)
"""Plurals naming a whole class of conditions: "Most diseases are caused by …" is a truism
under any heading that does not name that class (`_truism`)."""
_VAGUE_CAUSE = re.compile(
    r"\b(?:several|multiple|various|many|different|mixture|combination|variety|number|factors)\b",
    re.IGNORECASE,
)
"""A cause that names nothing in particular ("a combination of factors", "several triggers")."""


def _names_a_thing(text: str) -> bool:
    """A short name, not a pronoun or a clause ("It", "This drug", "Patients who …")."""
    words = text.split()
    if not 0 < len(words) <= MAX_SUBJECT_WORDS or _PRONOUN.match(text):
        return False
    return not any(word.lower() in ("who", "which", "that", "when", "if") for word in words)


# A section's paragraph about its heading's thing: "### Korrin attack (KA)" then "Sometimes
# called a 'little korrin', a KA is a short spell of … It occurs when …".
_CALLED = re.compile(
    r"^(?:sometimes|also|often|commonly)\s+(?:called|known\s+as|termed|referred\s+to\s+as)\s+"
    r"(?P<alias>[^,]{2,40}?)[\"”’']?,[\"”’']?\s*(?=\S)",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_AND_ALSO = re.compile(r"\s+and\s+(?=(?:is|are|does|doesn't|does not|occurs|causes)\s)")
"""A second predicate of one subject ("… doesn't cause damage and is caused by …")."""
_DEFINED = re.compile(
    r"^(?:is|are)\s+(?:defined\s+as\s+|described\s+as\s+)?(?P<y>(?:an?)\s+[^;:]{3,160}?)\s*\.?$",
)


def _heading_thing(section: Section) -> str:
    """The thing a section's own heading names ("Korrin Attack (KA)", "What is a Korrin?" ->
    "Korrin"): not a generic or relational heading, at most four words."""
    if section.level < 1 or section.callout:
        return ""
    return _thing_named(section.title)


@lru_cache(maxsize=1 << 10)
def _thing_named(title: str) -> str:
    # Cached: asked for each paragraph of the section.
    thing = heading_subject((title,))
    if not thing or is_relational(thing) or "—" in thing or ":" in thing:
        return ""
    short = short_subject(thing)
    if not short or len(short.split()) > MAX_SUBJECT_WORDS or _PRONOUN.match(short):
        return ""
    return thing


def _first_paragraph(section: Section) -> Block | None:
    """The section's opening paragraph (a pronoun in it points back to the heading)."""
    first = next((block for block in section.blocks if not _is_rule(block)), None)
    return first if isinstance(first, Paragraph) else None


def _on_heading(sentences: list[str], section: Section, first: bool) -> list[str]:
    """The sentences with an opening that names the heading's thing ("A KA", "The korrin
    attack", or, while the opening paragraph speaks of nothing else, "It" and "This type of
    korrin") written as its short name, a second predicate as a sentence of its own, and an
    opening "Sometimes called …," as an aside at the end."""
    thing = _heading_thing(section) if sentences and section.level >= 1 else ""
    if not thing:
        return sentences
    short, names = _names_of(thing)
    resolved: list[str] = []
    chained = first
    for sentence in sentences:
        called = _CALLED.match(sentence)
        rest = sentence[called.end() :] if called else sentence
        at = _opening_name(rest, names)
        if not at and chained:
            at = points_back(rest)  # not "It is important to …": no subject
        if not at:
            chained = False
            resolved.append(sentence)
            continue
        parts = _AND_ALSO.split(rest[at:])
        if called is not None:
            alias = _ARTICLE.sub("", called.group("alias").strip()).strip("\"'“”‘’ ")
            parts[0] = f"{parts[0].rstrip('. ')} (also called “{alias}”)"
        resolved.extend(f"{short} {part}" for part in parts)
    return resolved


@lru_cache(maxsize=1 << 10)
def _names_of(thing: str) -> tuple[str, tuple[str, ...]]:
    """The thing's short name, and the names a sentence may open with, longest first: its
    heading, without its aside, or its short name (lower case)."""
    short = short_subject(thing)
    names = {name.lower() for name in (thing, without_asides(thing).strip(), short) if name}
    return short, tuple(sorted(names, key=len, reverse=True))


def _opening_name(sentence: str, names: tuple[str, ...]) -> int:
    """Where a sentence opening with one of the names (after "A", "An" or "The") goes on, or
    0: "A KA is …" -> the index of "is"."""
    lowered = sentence.lower()
    start = 0
    for article in ("a ", "an ", "the "):
        if lowered.startswith(article):
            start = len(article)
            break
    for name in names:
        end = start + len(name)
        if lowered.startswith(name, start) and lowered[end : end + 1] == " ":
            after = sentence[end + 1 : end + 2]
            return end + 1 if after.isalpha() and after.islower() else 0
    return 0


def _defined(sentence: str, thing: str) -> list[Fact]:
    """ "<the heading's thing> is a …": what the thing is, asked by its heading's name."""
    if not thing or (" is " not in sentence and " are " not in sentence):
        return []
    short = _names_of(thing)[0]
    if not sentence.startswith(short + " "):
        return []
    defined = _DEFINED.match(sentence[len(short) + 1 :])
    if defined is None:
        return []
    answer = defined.group("y")
    if " caused by " in answer:
        return []  # "a viral infection caused by …": the cause's card asks it
    if answer.count(",") >= MAX_DESCRIPTION_COMMAS or not _short_answer(without_asides(answer)):
        return []
    return [(f"{thing}: definition", answer[:1].upper() + answer[1:], "named")]


_LINE_BREAK = re.compile(r"(?:\s{2,}|\\)$")
"""A hard line break's mark at a line's end (two spaces, a backslash)."""
MAX_LEAD_WORDS = 10
_BOLD = ("**", "__")


def _initials(section: Section, ctx: Context) -> list[Note]:
    """Lines whose bold initials spell a word (`**B**alance loss`, `**E**yes`, …): a
    paragraph of such lines, or a list of them explained (`- **F**ace drooping: does one side
    droop? …`; unexplained, the enumeration rule clozes them): one cloze per letter's meaning,
    under the list's lead-in or the heading and the word."""
    notes = _letter_paragraphs(section, ctx)
    answered = answered_blocks(section.blocks)
    for index, block in enumerate(section.blocks):
        if index in answered:
            continue
        back, explained = "", False
        if isinstance(block, Paragraph) and "\n" in block.text and block.text[:2] in _BOLD:
            lines = tuple(_LINE_BREAK.sub("", line).strip() for line in block.text.splitlines())
        elif isinstance(block, ListBlock) and block.items[0].text[:2] in _BOLD:
            texts = tuple(item.text for item in block.items)
            lines = explained_initials(texts)
            explained = bool(lines)
            lines = lines or spelled_initials(texts)  # `**K** - Kidney disease`: no explanation
        else:
            continue  # a cheap look: no line opens in bold
        word = bold_initials(lines) if lines else ""
        if not word or any(len(plain(line).split()) > MAX_MNEMONIC_ITEM_WORDS for line in lines):
            continue
        if explained and isinstance(block, ListBlock):  # the explanations go to the back
            back = "\n".join(f"- {plain(item.text.split(chr(10), 1)[0])}" for item in block.items)
        about = _initials_subject(word, section, ctx, _list_lead(section.blocks, index))
        items = "\n".join(f"- {deletion(n, line)}" for n, line in enumerate(lines, 1))
        key = make_key("prose_fact", section.path, f"initials {word}")
        notes.append(
            ctx.note("prose_fact", "cloze", f"{about}:\n\n{items}", back, key, section, block.line)
        )
    return notes


def _letter_paragraphs(section: Section, ctx: Context) -> list[Note]:
    """A mnemonic's letters written a paragraph each (`**N**: Nerve.`, a blank line, `**A**:
    Artery.`, … under "… using the acronym NAVEL:"): one cloze of the letters' meanings under
    the lead-in's word, as a list of them is. A meaning's bracketed explanation goes to the back
    (hidden with it, the deletion was a sentence)."""
    if not any(isinstance(b, Paragraph) and b.text.startswith(_BOLD) for b in section.blocks):
        return []  # cheap: most sections have no bold paragraph
    notes = []
    paragraphs = one_line_paragraphs(section.blocks)
    for start, end in initial_runs(paragraphs):
        texts = paragraphs[start:end]  # one-line paragraphs' texts, stripped
        spelled = spelled_initials(texts)
        lines = tuple(without_asides(line).strip() for line in spelled)
        word = bold_initials(lines)
        if not word or any(len(plain(line).split()) > MAX_MNEMONIC_ITEM_WORDS for line in lines):
            continue
        told = [
            f"- {plain(whole)}"
            for whole, short in zip(spelled, lines, strict=True)
            if whole != short
        ]
        before = section.blocks[start - 1] if start else None
        lead = lead_of(before) if isinstance(before, Paragraph) else None
        about = _initials_subject(word, section, ctx, lead)
        items = "\n".join(f"- {deletion(n, line)}" for n, line in enumerate(lines, 1))
        key = make_key("prose_fact", section.path, f"initials {word}")
        line = section.blocks[start].line
        back = "\n".join(told)
        notes.append(
            ctx.note("prose_fact", "cloze", f"{about}:\n\n{items}", back, key, section, line)
        )
    return notes


def _initials_subject(word: str, section: Section, ctx: Context, lead: Lead | None) -> str:
    """What a line of initials is under: its short lead-in ("RACE – what to do in a fire"),
    else the heading, with the word as the text writes it ("F.A.S.T.") unless the heading
    holds it."""
    spelled = re.compile(r"[\W_]{0,2}".join(re.escape(letter) for letter in word))
    if lead is not None and len(lead.text.split()) <= MAX_LEAD_WORDS and spelled.search(lead.text):
        return f"{ctx.heading(section)}: {lead.text.rstrip(':')}"
    title = heading_text(section.title)
    named = spelled.search(title)
    if named is not None:
        return ctx.situate(title[named.start() : named.end()])
    before = lead.text if lead is not None else ""
    shown = spelled.search(before)
    if shown is None:
        return f"{ctx.heading(section)} — {word}"
    dotted = "." in shown.group() and before[shown.end() : shown.end() + 1] == "."
    recalled = _RECALLED.search(plain(before))  # "… remembering the contents is using …"
    what = f" ({recalled.group('what')})" if recalled is not None else ""
    return f"{ctx.heading(section)} — {shown.group()}{'.' if dotted else ''}{what}"


_RECALLED = re.compile(
    r"\b(?:remember(?:ing)?|recall(?:ing)?|memori[sz](?:e|ing))\s+(?:the\s+|its\s+|their\s+)?"
    r"(?P<what>[a-z]+(?:\s(?!(?:is|are|by|with|using|in)\b)[a-z]+)?)\s+(?:is|are|by|with|using|in)\b"
)
"""What a long lead-in says its mnemonic recalls ("A good way of remembering the contents is
using the acronym NAVEL:" -> "contents")."""


_COUNT = re.compile(
    r"^(?P<n>(?:(?:at\s+least|any)\s+)?(?:\d+|one|two|three|four|five|six)(?:\s+or\s+more)?|"
    r"[≥>]=?\s*\d+)\s+(?=(?:of\s+(?:these|the\s+above|them)\b|(?:items?|criteria|signs?|"
    r"features?|findings?|points?|symptoms?)\b))",
    re.IGNORECASE,
)
"""How many of a list's items it takes ("Two or more items + infection = sepsis")."""
MAX_COUNT_WORDS = 20
_COUNT_OPENINGS = ("one", "two", "three", "four", "five", "six", "at lea", "any ", "≥", ">")


def _counted(section: Section, ctx: Context) -> list[Note]:
    """A rule closing a list of criteria, a paragraph or quote right after it that says how
    many of them it takes ("Two or more items + suspected infection = korrin sepsis", "Any
    two of these indicate high risk"): a cloze on the count, under the section's subject."""
    notes = []
    for index in range(1, len(section.blocks)):
        block = section.blocks[index]
        if not isinstance(section.blocks[index - 1], ListBlock):
            continue
        if not isinstance(block, Paragraph) and not (
            isinstance(block, RawBlock) and block.kind == "blockquote"
        ):
            continue
        opening = block.text.lstrip("*_ ")[:6].lower()
        if not opening[:1].isdigit() and not opening.startswith(_COUNT_OPENINGS):
            continue  # a cheap look before the expression: most paragraphs count nothing
        text = " ".join(plain(block.text).split())
        count = _COUNT.match(text)
        if count is None or len(text.split()) > MAX_COUNT_WORDS or len(split_sentences(text)) > 1:
            continue
        rest = text[count.end() :]
        front = f"{ctx.heading(section)}: {deletion(1, count.group('n'))} {rest.rstrip('.')}"
        key = make_key("prose_fact", section.path, "count", None, str(block.line))
        notes.append(ctx.note("prose_fact", "cloze", front, "", key, section, block.line))
    return notes


_ROLE_ASIDE = re.compile(
    r"^(?P<x>[^()]{2,60}?)\s*\((?P<role>(?:single\s+)?(?:most\s+common(?:ly\s+used)?|"
    r"(?:drug|treatment|test|investigation)\s+of\s+choice|gold[- ]standard|(?:first|second|1st|"
    r"2nd)[- ]line|mainstay)(?:\s+[a-z]+){0,2})\s*(?:[,;][^()]*)?\)\s*$",
    re.IGNORECASE,
)
"""An item naming a thing with its role in brackets: "Blood loss (most common cause)"."""


def _role_asides(section: Section, ctx: Context) -> list[Note]:
    """List items that name a thing and give its role in brackets ("**Culture** (gold
    standard)", "Metformin (first-line)"): "TB — diagnosis: gold standard?" -> "Culture", under
    the item above it, the list's label or the section's subject; not when a list's cloze shows
    the role beside its deletion already."""
    found: list[tuple[Note, str]] = []
    for index, block in enumerate(section.blocks):
        if isinstance(block, ListBlock):
            if not any(map(_may_rank, block.items)):
                continue  # a cheap look: no item (or sub-item) ends in a bracket
            about = subject(_list_lead(section.blocks, index), section, ctx)
            found.extend(_role_items(block.items, about, section, ctx))
        elif isinstance(block, Paragraph) and block.text.rstrip().endswith(")"):
            if "\n" in block.text.strip():
                continue
            # an outline's bold parent standing as a lead-in: "**Blood loss** (most common cause)"
            item = ListItem(block.text, block.line)
            found.extend(_role_items((item,), ctx.heading(section), section, ctx))
    if not found:
        return []
    made = enumeration.extract(section, ctx)
    shown = " ".join(plain(DELETION.sub("", note.front)).lower() for note in made)
    return [note for note, aside in found if f"({aside}" not in shown]


def _may_rank(item: ListItem) -> bool:
    """The item or one of its sub-items ends its first line in a bracket."""
    if item.text.split("\n", 1)[0].rstrip().endswith(")"):
        return True
    return any(
        any(map(_may_rank, inner.items)) for inner in item.blocks if isinstance(inner, ListBlock)
    )


def _role_items(
    items: tuple[ListItem, ...], about: str, section: Section, ctx: Context
) -> list[tuple[Note, str]]:
    """Each role item's note, with its bracket's text (to tell whether a cloze shows it)."""
    notes: list[tuple[Note, str]] = []
    for item in items:
        first = item.text.split("\n", 1)[0]
        found = _ROLE_ASIDE.match(plain(first)) if first.rstrip().endswith(")") else None
        thing = found.group("x").strip(" -–—:") if found else ""
        if found is not None and thing and _names_a_thing(thing.replace(" - ", " ")):
            role = " ".join(found.group("role").split()).lower()
            key = make_key("prose_fact", section.path, f"{role} {thing}", item.pin, "role")
            front = f"{about}: {role}?"
            note = ctx.note("prose_fact", "basic", front, thing, key, section, item.line)
            notes.append((note, role))
        name = without_asides(plain(first)).strip(" :")
        for inner in item.blocks:
            if isinstance(inner, ListBlock):
                notes.extend(_role_items(inner.items, ctx.situate(name), section, ctx))
    return notes


_CAUTION_CUES = (
    r"(?:avoid|contraindicated|be cautious|cautious|caution|use with caution|hold|stop"
    r"|do not give|do not use|don't give|don't use)"
)
_CAUTION = re.compile(
    rf"(?:^|[;.]\s+|\s[-–—]\s+|,\s+)(?P<cue>{_CAUTION_CUES}\s+(?:if|in|when))"
    r"\s+(?P<what>(?:[^;.]|(?<=\d)\.(?=\d)){2,150}?)\s*"
    rf"(?=$|[;.]\s|\.$|\s[-–—]\s|,\s+{_CAUTION_CUES}\b)",
    re.IGNORECASE,
)
"""A clause saying when not to give a thing, or to take care ("avoid if AV block, hypotension",
"contraindicated if used sildenafil in last 24 hours", "be cautious if hypotensive")."""
MAX_CAUTION_WORDS = 20
_NO_CONDITION = frozenset(
    "possible necessary needed required appropriate feasible practical".split()
)


def _cautions(section: Section, ctx: Context) -> list[Note]:
    """The cautions a list item about a thing named in bold states of it (`**Beta blockers** -
    lower the oxygen demand; avoid if AV block, hypotension or severe bradycardia`): "Beta
    blockers in X: avoid if?" -> "AV block, hypotension or severe bradycardia". Hidden in a long
    item of many clauses, they were never asked. Not for a `**Label:**` (a facet, "Nursing:",
    names no thing)."""
    notes: list[Note] = []
    for block in section.blocks:
        if not isinstance(block, ListBlock):
            continue
        for item in block.items:
            first = item.text.split("\n", 1)[0]
            lowered = first.lower()
            if "if " not in lowered and " in " not in lowered and "when " not in lowered:
                continue  # cheap: every cue is followed by one of these
            thing = bold_subject(first)
            if not thing or _LABELLED.match(first):
                continue  # `**Nursing:** Hold if …`: a facet's label names no thing
            rest = plain(first)
            said: dict[str, tuple[str, list[str]]] = {}  # by verb: its first cue, its conditions
            for found in _CAUTION.finditer(rest):
                cue = " ".join(found.group("cue").lower().split())
                cue = "be cautious " + cue.split()[-1] if "caution" in cue else cue
                what = found.group("what").strip(" ,")
                if not 0 < len(what.split()) <= MAX_CAUTION_WORDS:
                    continue
                if what.split()[0].lower() in _NO_CONDITION:
                    continue  # "avoid if possible in asthma": no condition, a hedge
                verb = cue.rsplit(" ", 1)[0]
                first_cue, whats = said.setdefault(verb, (cue, []))
                # "stop in AKI, stop when contrast given": one question, both conditions
                whats.append(what if cue == first_cue else f"{cue.split()[-1]} {what}")
            for verb, (cue, whats) in said.items():
                front = ctx.situate(thing) + f": {cue}?"
                key = make_key("prose_fact", section.path, f"{thing}: {verb}", item.pin)
                answer = "; ".join(whats)
                notes.append(
                    ctx.note("prose_fact", "basic", front, answer, key, section, item.line)
                )
    return notes
