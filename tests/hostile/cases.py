"""The hostile corpus: every defect of issue 15 (`item`), then cases of our own (item None).

A new case is a few lines: the files it changes, the command, what the user must see. The
fields are documented in tests/hostile/case.py; tests/test_hostile.py runs them all.
"""

from __future__ import annotations

import contextlib
import os
import struct
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

from tests.hostile.case import BUILD, DOC, MANIFEST, Case

LOCK = "decks/deck.lock"
HEADER = "# key\tguid\tnote id\tmtime\tcontent hash\tstatus\n"


def png(width: int, height: int, rows: bytes | None = None) -> bytes:
    """A real PNG (1-bit grey) of that size; its pixels compressed as a stream, so a huge one
    is a small file (a decompression bomb)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    row = b"\x00" + bytes((width + 7) // 8)
    packer = zlib.compressobj(9)
    pixels = b"".join(packer.compress(rows or row) for _ in range(1 if rows else height))
    pixels += packer.flush()
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def image_doc(src: str) -> str:
    question = "### What does an inhaler look like?"
    return DOC + f"\n## Questions about devices\n\n{question}\n\nLike this: ![x]({src})\n"


def manifest(**replace: str) -> str:
    """The project's manifest with some lines replaced (`title='...'`) or added."""
    text = MANIFEST
    for key, value in replace.items():
        lines = [line for line in text.splitlines() if not line.startswith(f"{key} =")]
        lines.insert(3, f"{key} = {value}")
        text = "\n".join(lines) + "\n"
    return text


def lock_lines(*lines: str, deck: str | None = None) -> str:
    head = HEADER + (f"# deck id: {deck}\n" if deck else "")
    return head + "".join(line + "\n" for line in lines)


def fifo(path: str) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(root / path)

    return make


def symlink(path: str, target: str) -> Callable[[Path], None]:
    """`path` made a symlink to `target` (relative to the project, or absolute)."""

    def make(root: Path) -> None:
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        (root / path).unlink(missing_ok=True)
        (root / path).symlink_to(target if target.startswith("/") else root / target)

    return make


def outside(text: str) -> Callable[[Path], None]:
    """A Markdown file beside the project, outside it: ../outside/notes.md."""

    def make(root: Path) -> None:
        (root.parent / "outside").mkdir(exist_ok=True)
        (root.parent / "outside" / "notes.md").write_text(text)

    return make


def both(*steps: Callable[[Path], None]) -> Callable[[Path], None]:
    def make(root: Path) -> None:
        for step in steps:
            step(root)

    return make


def failing(target: str, error: OSError) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """While the command runs, `module.function` fails with `error` (a full or read-only disk)."""
    module, name = target.rsplit(".", 1)

    @contextlib.contextmanager
    def patched() -> Iterator[None]:
        import importlib

        owner = importlib.import_module(module)
        original = getattr(owner, name)

        def fail(*args: object, **kwargs: object) -> object:
            raise error

        setattr(owner, name, fail)
        try:
            yield
        finally:
            setattr(owner, name, original)

    return patched


def building(
    output: str, lock: str | None = None
) -> Callable[[], contextlib.AbstractContextManager[None]]:
    """Another build of `output` (and `lock`) running while the command runs: what a build
    holds (`builder.outputs.one_build`), held the same way."""

    @contextlib.contextmanager
    def held() -> Iterator[None]:
        from builder.outputs import one_build

        with one_build(Path(output), Path(lock) if lock else None):
            yield

    return held


CLOZE_TEXT = """# Fever

## Signs

Signs of infection in fever include:

- {{c1::fever}} ends }} here
- {{c5::chills}}
- an unclosed {{c2:: brace
- pain::hint

## Notes

Nurses see {{c9::patients}} with fever, and 30% of patients have chills in fever.

The signs of fever include heat, sweat, and {{c3::rigors}}.
"""
GOOD_LOCK_LINE = "\t".join(
    ["faq | faq | how is asthma diagnosed", "abcdefghij", "1800000000000", "1800000000",
     "0123456789abcdef", "active"]
)  # fmt: skip
NESTED = "".join("  " * depth + f"- level {depth}\n" for depth in range(30))

CASES: list[Case] = [
    # -- 1: an output never equals or overwrites an input --------------------------------------
    Case("output is the source", 1, args=(*BUILD, "-o", "source/doc.md"), exit=2,
         error="must be a .apkg file"),
    Case("output is the manifest", 1, args=(*BUILD, "-o", "decks/deck.toml"), exit=2,
         error="must be a .apkg file"),
    Case("output is the lock", 1, args=(*BUILD, "-o", LOCK), before=(BUILD,), exit=2,
         error="must be a .apkg file"),
    Case("output is a source named .apkg", 1,
         files={"decks/deck.toml": MANIFEST.replace("doc.md", "doc.apkg"), "source/doc.md": None,
                "source/doc.apkg": DOC},
         args=(*BUILD, "-o", "source/doc.apkg"), exit=2, error="the deck's own input"),
    Case("output symlinked to the source", 1, setup=symlink("dist/deck.apkg", "source/doc.md"),
         exit=2, error="the deck's own input"),
    Case("preview over the source", 1, args=("preview", "decks/deck.toml", "-o", "source/doc.md"),
         exit=2, error="must be a .html file"),
    Case("zero-config build over its source", 1, args=("build", "source/doc.md", "-o",
         "source/doc.md"), exit=2, error="must be a .apkg file"),
    # -- 2: front matter loaded safely ---------------------------------------------------------
    Case("billion laughs in front matter", 2, files={"source/doc.md": (
        "---\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        + "".join(f"{chr(98 + n)}: &{chr(98 + n)} [{', '.join(['*' + chr(97 + n)] * 9)}]\n"
                  for n in range(8))
        + "disclaimer: *i\n---\n" + DOC)}, exit=2, error="YAML alias"),
    # -- 3: cloze syntax in the text never makes clozes ----------------------------------------
    Case("cloze syntax written in the text", 3, files={"source/doc.md": CLOZE_TEXT},
         shows=("{{c1::fever}} ends }} here", "pain::hint", "{{c9::patients}}", "{{c5::chills}}")),
    # -- 4: every id in Anki's range, every table within bounds --------------------------------
    Case("deck id 2**63", 4, files={"decks/deck.toml": manifest(id="9223372036854775808")},
         exit=2, error="from 1 to"),
    Case("deck id of 400 digits", 4, files={"decks/deck.toml": manifest(id="9" * 400)}, exit=2,
         error="from 1 to"),
    Case("a table of 1,000,000 columns", 4, files={"source/doc.md": DOC + "\n## Wide\n\n|"
         + "h|" * 1_000_000 + "\n|" + "-|" * 1_000_000 + "\n|" + "1|" * 1_000_000 + "\n"},
         exit=2, error="more than 64 columns"),
    # -- 5: nothing hangs ----------------------------------------------------------------------
    Case("an image that is a pipe", 5, files={"source/doc.md": image_doc("pipe.png")},
         setup=fifo("source/pipe.png"), exit=2, error="not a regular file"),
    Case("a source that is a pipe", 5, args=("build", "pipe.md", "-o", "x.apkg"),
         setup=fifo("pipe.md"), exit=2, error="not a regular file"),
    Case("100,000 brackets in an answer", 5, files={"source/doc.md": DOC.replace(
         "Spirometry", "[" * 100_000 + " Spirometry")}, exit=2, error="limit is 10,000"),
    Case("forbid pattern that backtracks", 5, args=("check", "decks/deck.toml"),
         files={"decks/deck.toml": manifest(forbid='["/(a+)+$/"]'),
                "source/doc.md": DOC.replace("Spirometry", "a" * 5000)},
         exit=2, error="repeats a group that repeats"),
    Case("20,000 subdeck patterns that match nothing", 5, files={"decks/deck.toml": MANIFEST
         + "".join(f'[[subdeck]]\nname="S{n}"\nsections=["n{n}"]\n' for n in range(20_000))},
         args=("cards", "decks/deck.toml"), exit=2, errors=21,
         error="no section matches 'n0'", says=("and 19,980 more section patterns",)),
    # -- 6 and 7: the lock is checked as it is read --------------------------------------------
    Case("every lock line with one GUID", 6, before=(BUILD,),
         then={"source/doc.md": DOC + "\n## More\n\n| Drug | Use |\n|---|---|\n| A | pain |\n"},
         setup=lambda root: (root / LOCK).write_text(
             "".join(line if line.startswith("#") else "\t".join(
                 [*line.split("\t")[:1], "SameGuid01", *line.split("\t")[2:]])
                 for line in (root / LOCK).read_text().splitlines(keepends=True))),
         exit=2, error="GUID 'SameGuid01' is also given on line"),
    Case("an empty GUID", 6, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace("abcdefghij", ""))},
         exit=2, error="is not an Anki GUID"),
    Case("a lock time in 2100", 6, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace(
         "\t1800000000\t", "\t4102444800\t"))}, exit=2, error="is not a time Anki accepts"),
    Case("a lock time next year", 6, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace(
         "\t1800000000\t", "\t1900000000\t"))}, exit=2, error="is in the future"),
    Case("another deck's lock", 6, files={LOCK: lock_lines(GOOD_LOCK_LINE, deck="987654321")},
         exit=2, error="belongs to deck id 987654321"),
    Case("another deck's lock of the old format", 6, before=(BUILD,),
         then={"decks/deck.toml": manifest(id="1234567891")}, exit=2,
         setup=lambda root: (root / LOCK).write_text(
             "".join(line for line in (root / LOCK).read_text().splitlines(keepends=True)
                     if not line.startswith("# deck id"))),
         error="made for another deck"),
    Case("a lock of random bytes", 7, files={LOCK: bytes(range(256)) * 4}, exit=2,
         error="not valid UTF-8"),
    Case("a latin-1 lock", 7, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace(
         "how is", "héw is")).encode("latin-1")}, exit=2, error="not valid UTF-8"),
    Case("a lock time of 2**63-1", 7, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace(
         "\t1800000000\t", f"\t{2**63 - 1}\t"))}, exit=2, error="is not a time Anki accepts"),
    Case("a lock note id of 2**63-50", 7, files={LOCK: lock_lines(GOOD_LOCK_LINE.replace(
         "1800000000000", str(2**63 - 50)))}, exit=2, error="is not a note id Anki accepts"),
    # -- 8: package and lock together or not at all --------------------------------------------
    Case("decks/ read-only", 8, before=(BUILD,),
         then={"source/doc.md": DOC.replace("Spirometry", "Peak flow and spirometry")},
         fails_with=failing("builder.outputs.write_beside",
                            PermissionError(13, "Permission denied")),
         exit=1, error="cannot write the lock file"),
    Case("decks/ full", 8, before=(BUILD,),
         then={"source/doc.md": DOC.replace("Spirometry", "Peak flow and spirometry")},
         fails_with=failing("builder.outputs.write_beside", OSError(28, "No space left on device")),
         exit=1, error="No space left on device"),
    # -- 9: remote images only when the manifest allows them -----------------------------------
    Case("a tracking pixel", 9, files={"source/doc.md": image_doc("https://tracker.example/p.gif")},
         exit=2, error="on another server"),
    Case("remote images allowed", 9, remote_images=True,
         files={"source/doc.md": image_doc("https://example.org/p.png"),
                "decks/deck.toml": manifest(remote_images="true")}),
    # -- 10: Anki's own tags never come from the text ------------------------------------------
    Case("sound, TTS, LaTeX and MathJax in the text", 10, files={"source/doc.md": DOC.replace(
         "Spirometry before and after a bronchodilator.",
         "Hear [sound:../../x.mp3] and [anki:tts lang=en_US]hello[/anki:tts], "
         "[latex]\\immediate\\write18{rm -rf ~}[/latex] [$]x[/$] and "
         "\\\\(\\href{javascript:alert(1)}{x}\\\\) \\\\[y\\\\].")},
         shows=("[sound:../../x.mp3]", "[latex]", "[anki:tts lang=en_US]")),
    # -- 11: entities are not split --------------------------------------------------------------
    Case("an entity in a table cell", 11, files={"source/doc.md": DOC.replace(
         "House dust mite", "Salt &amp; pepper; dust")}, shows=("Salt & pepper",)),
    # -- 12: the table question template substitutes names, nothing else -----------------------
    Case("attribute access in a question template", 12, files={"decks/deck.toml": MANIFEST
         + '\n[[table]]\nsection = "Triggers"\nquestion = "{subject.__class__.__mro__}"\n'},
         exit=2, error="is not one of {subject}"),
    # -- 13: one build per output at a time ----------------------------------------------------
    Case("a build of the same deck already running", 13, fails_with=building("dist/deck.apkg"),
         exit=1, error="another build is writing this file right now"),
    Case("a build of the same lock already running", 13, args=(*BUILD, "-o", "elsewhere.apkg"),
         fails_with=building("dist/other.apkg", LOCK), exit=1,
         error="another build is writing this file"),
    # -- 14: leftovers of killed builds are removed ----------------------------------------------
    Case("leftovers of a killed build", 14, files={
        "dist/.deck.apkg.k9x_2abc": b"x" * 1000, "dist/.deck.apkg.k9x_2abc.anki2": b"SQLite",
        "decks/.deck.lock.tmp4242": "half a lock"},
        gone=("dist/.deck.apkg.k9x_2abc", "dist/.deck.apkg.k9x_2abc.anki2",
              "decks/.deck.lock.tmp4242")),
    # -- 15: sources stay inside the repository ------------------------------------------------
    Case("an absolute source path", 15, files={"decks/deck.toml": manifest(
         sources='["/etc/hostname"]')}, exit=2, error="is outside the repository"),
    Case("/proc/self/environ as a source", 15, files={"decks/deck.toml": manifest(
         sources='["/proc/self/environ"]')}, exit=2, error="is outside the repository"),
    Case("a source symlinked out of the repository", 15,
         setup=both(outside(DOC), symlink("source/doc.md", "../outside/notes.md")), exit=2,
         error="is outside the repository"),
    Case("a source outside, allowed", 15, setup=outside(DOC),
         files={"decks/deck.toml": manifest(sources='["../../outside/notes.md"]')},
         args=("--allow-outside", *BUILD)),
    # -- 16: deck names and tags hold no HTML or direction overrides ---------------------------
    Case("HTML and a bidi override in the title", 16, files={"decks/deck.toml": manifest(
         title='"<b>Asthma</b> \u202egnp.exe"')}, exit=2, error="direction overrides"),
    Case("HTML in a tag", 16, files={"decks/deck.toml": manifest(tags='["<script>x</script>"]')},
         exit=2, error="a tag '<script>x</script>'"),
    Case("HTML and bidi in headings of a zero-config deck", 16,
         files={"source/doc.md": DOC.replace("## Triggers", "## <i>Trig</i>gers \u202eevil")},
         args=("build", "source/doc.md", "-o", "dist/zero.apkg")),
    Case("init from headings with HTML and bidi", 16, args=("init", "source/doc.md"),
         files={"decks/deck.toml": None, "source/doc.md": DOC.replace(
             "# Asthma", "# <b>Asthma</b> \u202eevil").replace("## Trig", "## <i>Trig</i>")},
         says=("wrote decks/doc.toml: 'Asthma evil', 2 subdecks",)),
    # -- 17: images checked by their bytes -----------------------------------------------------
    Case("a 50000x50000 PNG", 17, files={"source/doc.md": image_doc("big.png"),
         "source/big.png": png(50_000, 50_000, rows=b"\x00")}, exit=2,
         error="50000x50000 pixels"),
    Case("an SVG with a script", 17, files={"source/doc.md": image_doc("x.svg"),
         "source/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'},
         exit=2, error="is an SVG"),
    Case("HTML named .png", 17, files={"source/doc.md": image_doc("page.png"),
         "source/page.png": "<html><script>alert(1)</script></html>"}, exit=2,
         error="is not a PNG image"),
    Case("a real PNG", 17,
         files={"source/doc.md": image_doc("ok.png"), "source/ok.png": png(4, 3)}),
    # -- 18: content past the nesting limit is warned about ------------------------------------
    Case("lists nested 30 deep", 18, files={"source/doc.md": DOC + "\n## Deep\n\n" + NESTED
         + "\nAfter the list.\n"}, says=("doc.md:", "nested more than 20 deep")),
    # -- 19 and 20: identities survive pins and rewordings -------------------------------------
    Case("a pin added to a note that shipped", 19, before=(BUILD,),
         then={"source/doc.md": DOC.replace("diagnosed?", "diagnosed? {#diagnosis}")},
         says=("0 added, 0 changed, 0 removed, 1 reworded",), same_guids=True),
    Case("a pinned FAQ question reworded, its figure kept", 20,
         files={"source/doc.md": DOC.replace("diagnosed?", "diagnosed? {#diagnosis}").replace(
             "bronchodilator.", "bronchodilator; 80% of adults need both.")},
         before=(BUILD,),
         then={"source/doc.md": DOC.replace("How is asthma diagnosed?",
               "Which tests diagnose asthma? {#diagnosis}").replace(
             "bronchodilator.", "bronchodilator; 80% of adults need both.")},
         same_guids=True),
    Case("release outside a git checkout", 20, args=("release", "decks/deck.toml", "--out", "out"),
         before=(BUILD,), exit=1, error="git checkout"),
    # -- our own ---------------------------------------------------------------------------------
    Case("NUL bytes in a source", None, files={"source/doc.md": DOC.replace(
         "Spirometry", "Spiro\x00metry")}),
    Case("a UTF-16 source with its byte-order mark (Notepad's 'Unicode'): read as it says", None,
         files={"source/doc.md": DOC.encode("utf-16")}, shows=("Spirometry",)),
    Case("a UTF-16 source whose bytes break off", None,
         files={"source/doc.md": DOC.encode("utf-16")[:-1]}, exit=2, error="not valid UTF-16"),
    Case("a line of 8,000 ranges whose lower bound is a word (each looked for near its figure)",
         None, files={"source/doc.md": DOC + "\n## Dosing\n\nGive " + "one to 5 mg and " * 8000
         + "stop.\n"}),
    Case("a line of 30,000 clauses kept apart by semicolons (each counted once)", None,
         files={"source/doc.md": DOC + "\n## Alcohol\n\nRisky " + "above 4 days; " * 30_000
         + "end.\n"}),
    Case("a threshold's figure run on for 50,000 characters (its unit read once, not re-split)",
         None, files={"source/doc.md": DOC + "\n## Levels\n\nDrinking is risky at >14/"
         + "a" * 50_000 + "\n"}, exit=2, error="limit is 10,000"),
    Case("a merge conflict of 3,000 sections a side (each heading compared with a few)", None,
         files={"source/doc.md": DOC + "\n<<<<<<< HEAD\n" + "".join(
             f"## Part {n} of the korrin\n\n- **Dose**: {n} mg\n\n" for n in range(3000))
         + "=======\n" + "".join(f"## Other {n} korrin\n\n- **Route**: by mouth\n\n"
                                  for n in range(3000)) + ">>>>>>> 4f2c9e1\n"}),
    Case("a colour label with 150,000 spaces in it (no scope note rescanned)", None,
         files={"source/doc.md": DOC + "\n## Colours\n\n- **Grey" + " " * 150_000
         + "x**: old blood\n- **Red**: new blood\n"}, exit=2, error="limit is 10,000"),
    Case("a 2 MB line", None, files={"source/doc.md": DOC.replace(
         "Spirometry", "word " * 400_000 + "Spirometry")}, exit=2, error="limit is 10,000"),
    Case("a symlink loop as the source", None, setup=both(
        lambda root: (root / "source/doc.md").unlink(),
        symlink("source/doc.md", "source/loop.md"), symlink("source/loop.md", "source/doc.md")),
        exit=2, error="source"),
    Case("the same source listed twice", None, files={"decks/deck.toml": manifest(
         sources='["../source/doc.md", "../source/./doc.md"]')}, exit=2, error="listed twice"),
    Case("a deck id in full-width digits", None, files={"decks/deck.toml": manifest(
         id='"１２３４５"')}, exit=2, error="from 1 to"),
    Case("a deck id of true", None, files={"decks/deck.toml": manifest(id="true")}, exit=2,
         error="from 1 to"),
    Case("a pin in Cyrillic", None, files={"source/doc.md": DOC.replace(
         "diagnosed?", "diagnosed? {#диагноз}")}),
    Case("a lock with CRLF line ends", None, before=(BUILD,), setup=lambda root: (
        root / LOCK).write_bytes((root / LOCK).read_bytes().replace(b"\n", b"\r\n")),
        same_guids=True),
    Case("SOURCE_DATE_EPOCH of words", None, env={"SOURCE_DATE_EPOCH": "yesterday"}, exit=2,
         error="SOURCE_DATE_EPOCH='yesterday' is not a whole number"),
    Case("SOURCE_DATE_EPOCH after 2038", None, env={"SOURCE_DATE_EPOCH": "99999999999"}, exit=2,
         error="is after 2038"),
    Case("SOURCE_DATE_EPOCH negative", None, env={"SOURCE_DATE_EPOCH": "-5"}, exit=2,
         error="is not a whole number"),
    Case("an image that is a folder", None, files={"source/doc.md": image_doc("dir.png"),
         "source/dir.png/inside.txt": "x"}, exit=2, error="not a regular file"),
    Case("a decompression bomb PNG", None, files={"source/doc.md": image_doc("bomb.png")},
         setup=lambda root: (root / "source/bomb.png").write_bytes(png(12_000, 12_000)),
         exit=2, error="12000x12000 pixels"),
    Case("a PNG header cut short", None, files={"source/doc.md": image_doc("cut.png"),
         "source/cut.png": b"\x89PNG\r\n\x1a\n\x00\x00"}, exit=2,
         error="of a size it does not say"),
    Case("an image path escaped with %2e%2e", None, files={
         "source/doc.md": image_doc("%2e%2e/decks/secret.png"), "decks/secret.png": png(1, 1)},
         exit=2, error="outside the source's folder"),
    Case("a manifest that is a folder", None, args=("build", "decks/dir.toml"),
         files={"decks/dir.toml/x": "x"}, exit=2, error="manifest not found"),
    Case("an empty lock file", None, files={LOCK: ""}),
    Case("an image past the size limit (lowered to 1 MB)", None,
         limits={"builder.media.MAX_IMAGE_BYTES": 1024 * 1024},
         files={"source/doc.md": image_doc("big.png"), "source/big.png": png(1, 1) + bytes(2**20)},
         exit=2, error="is larger than 1 MB"),
    Case("a source past the size limit (lowered to 1 MB)", None,
         limits={"builder.document.MAX_SOURCE_BYTES": 1024 * 1024},
         files={"source/doc.md": DOC + "\n## More\n\n" + "- item\n" * 200_000}, exit=2,
         error="split it into several documents"),
    Case("a lock that is a pipe", None, setup=fifo(LOCK), exit=2, error="not a regular file"),
    Case("a lock listing one key twice", None, files={LOCK: lock_lines(
         GOOD_LOCK_LINE, GOOD_LOCK_LINE.replace("abcdefghij", "bcdefghijk").replace(
             "1800000000000", "1800000001000"))}, exit=2, error="is listed twice"),
    Case("lock note ids 50 apart", None, files={LOCK: lock_lines(GOOD_LOCK_LINE, GOOD_LOCK_LINE
         .replace("abcdefghij", "bcdefghijk").replace("1800000000000", "1800000000050")
         .replace("diagnosed", "treated"))}, exit=2, error="their cards' ids would clash"),
    Case("quotes nested 40 deep", None, files={"source/doc.md": DOC + "\n## Quoted\n\n"
         + "> " * 40 + "deep\n\nAfter.\n"}, says=("nested more than 20 deep",)),
    Case("a list of 150 items", None, files={"source/doc.md": DOC + "\n## Many\n\nThe items:\n\n"
         + "".join(f"- item {n}\n" for n in range(150))}, exit=2, error="more than the 99"),
    Case("a heading that plays a sound", None, files={"source/doc.md": DOC.replace(
         "## FAQ", "## FAQ [sound:x.mp3]")}, shows=("[sound:x.mp3]",)),
    Case("a forbid pattern with a back-reference", None, args=("check", "decks/deck.toml"),
         files={"decks/deck.toml": manifest(forbid='["/(\\\\w+) \\\\1/"]')}, exit=2,
         error="uses a back-reference"),
    Case("a forbid pattern with two repeats in a row", None, args=("check", "decks/deck.toml"),
         files={"decks/deck.toml": manifest(forbid='["/\\\\d+\\\\.?\\\\d+%/"]'),
                "source/doc.md": DOC.replace("Spirometry", "1" * 9000)},
         exit=2, error="has two repeats in a row that can take the same characters"),
    Case("output into a folder not there yet", None, args=(*BUILD, "-o", "a/b/c/deck.apkg")),
    Case("front matter of 100 KB", None, files={"source/doc.md": "---\nnote: "
         + "x" * 100_000 + "\n---\n" + DOC}, exit=2, error="front matter is longer than 64 KB"),
    Case("a data: image", None, files={"source/doc.md": image_doc(
         "data:image/png;base64,iVBORw0KGgo=")}),
    # Inputs that cost the square (or a power) of their length in a regex, and nesting that
    # recursed without bound: each now reads in well under a second.
    Case("an unclosed attribute list of quoted values", None,
         files={"source/doc.md": DOC + "\nx {a=\"x\"" + " a=\"x\"" * 28 + "\n"}),
    Case("a line of blanks after 65 table bars", None,
         files={"source/doc.md": DOC + "\n" + "|" * 65 + "\n\n" + " " * 120_000 + "x\n"}),
    Case("a year and a long run of blanks in an item", None,
         files={"source/doc.md": DOC + "\n- 2010" + " " * 120_000 + "x\n- b\n- c\n"}),
    Case("a line of unclosed == marks", None,
         files={"source/doc.md": DOC + "\nx " + "==a " * 40_000 + "\n"}),
    Case("details nested 500 deep", None, files={"source/doc.md": DOC + "<details>\n\n" * 500},
         args=(*BUILD, "-v"), says=("nested more than 20 deep",)),
    Case("front matter after blank lines, not YAML: read as its lines, warned at its line", None,
         files={"source/doc.md": "\n\n---\ntitle: Asthma\nsource: [\n---\n" + DOC},
         says=("doc.md:6: warning: front matter is not valid YAML",)),
    Case("cloze braces in a heading above a figure", None, files={"source/doc.md": DOC
         + "\n## Rates {{c7::x}}\n\nAbout 30% of adults {{c1::wheeze}} at night in asthma.\n"},
         shows=("{{c1::wheeze}}",)),
    Case("a video timestamp, then a line of 20,000 blanks (each blank tried once)", None,
         files={"source/doc.md": DOC + "\nWheeze at night [0:01].\n\nNote: " + " " * 20_000
                + "x\n\nCough [0:02]" + " " * 20_000 + "x\n"}),
    Case("1,000 marker-less lists, each under a lead-in line, in one paragraph (read in a loop)",
         None, files={"source/doc.md": DOC + "\n## Signs\n\nSigns:\n\n"
                      + "".join(f"Sharp pain\nBlood loss\nSigns of stage {n}:\n"
                                for n in range(1_000))
                      + "End\n"}),
    Case("3,000 lead-in lists of the same two items: their Cloze notes compared only when they"
         " have words enough (each with every earlier one: 5,000 cost 16 s)",
         None, files={"source/doc.md": DOC + "\n## Signs\n\nSigns:\n\n"
                      + "".join(f"Sharp pain\nBlood loss\nSigns of stage {n}:\n"
                                for n in range(3_000))
                      + "End\n"}),
    Case("a paragraph of 40,000 '_a ' (each underscore opener stops at the next: 20,000 cost"
         " 36 s)", None, files={"source/doc.md": DOC + "\n## Notes\n\nWheeze " + "_a " * 40_000
                                + "x.\n"}),
    Case("a 64-column table of 200 rows, then 1,344 legend lines each spelling a column"
         " header its own way ('Co-lumn5', 'Colu mn5'): each table's cells are read once per"
         " list, not once per term (2,808 such lines cost over 300 s)", None, files={
         "source/doc.md": DOC + "\n## Legend\n\n| "
         + " | ".join(f"Column{i}" for i in range(64)) + " |\n|" + "---|" * 64 + "\n"
         + "".join("| " + " | ".join(f"v{j}x{i}" for i in range(64)) + " |\n" for j in range(200))
         + "\n" + "".join(f"- {'Column'[:at]}{mark}{'Column'[at:]}{i}: what column {i} holds,"
                          " v1x1\n" for i in range(64) for at in range(1, 6) for mark in " -/."
                          ) + "".join(f"- Column{i}: what column {i} holds\n" for i in range(64))}),
    Case("a list of 10,000 slashed readings ('Reading 7: 7/8 mmHg'): each value's figures read"
         " once for the list, not once per item with a slash", None, files={
         "source/doc.md": DOC + "\n## Values\n\n"
         + "".join(f"- Reading {i}: {i}/{i + 1} mmHg\n" for i in range(10_000))}),
    Case("6,000 sections each holding the same two-row table with its own answers: each section"
         " compared with its neighbours in sorted order, not with every other (50 s and 3 GB"
         " when every pair was kept)", None, files={
         "source/doc.md": DOC + "".join(f"\n## Stage {i} - x\n\n| System | Sign |\n|:--|:--|\n"
                                        f"| **Skin** | pale{i} |\n| **Gut** | slow{i} |\n"
                                        for i in range(6_000))}),
    Case("3,000 fenced YES / NO flowcharts, each under its own heading, then a fenced tree"
         " of 3,000 branches four deep: every fence read once, its branches by anchored regexes",
         None, files={"source/doc.md": DOC + "".join(
             f"\n## Alarm {i}\n\n```\n├─ Door shut?\n│  └─ NO → Shut it\n└─ YES → Wait\n```\n"
             for i in range(3_000)) + "\n## Parts\n\n```\nParts\n" + "".join(
             f"{'│  ' * (i % 4)}├─ Part {i}: pale\n" for i in range(3_000)) + "```\n"}),
    Case("3,000 fenced `->` flowcharts under their headings, then one of 3,000 steps nested"
         " forty deep with a question on every step: each step read once, conditions kept short",
         None, files={"source/doc.md": DOC + "".join(
             f"\n## Drip {i}\n\n```\nStart\n  -> Output low?\n      -> Raise rate {i}\n"
             f"      -> Yes -> Recheck\n  -> Swollen?\n      -> No -> Stop\n```\n"
             for i in range(3_000)) + "\n## Deep\n\n```\n"
             + "".join(f"{' ' * (i % 40)}-> Step {i}?\n" for i in range(3_000)) + "```\n"}),
    Case("3,000 worked cases under headings in Spanish and 3,000 lists of a lecture's aims",
         None, files={"source/doc.md": DOC + "".join(
             f"\n## Caso clínico {i}: fiebre\n\n- **Pulso:** {i}\n\n## Aims {i}\n\n"
             f"- Discuss drip {i}\n- Define output\n" for i in range(3_000))}),
    Case("a tree of 3,000 branches in a fence never closed, then 3,000 tagged fence lines",
         None, files={"source/doc.md": DOC + "\n## Tree\n\n```\n" + "│  ├─ Branch: x\n" * 3_000
                      + "```text\n" * 3_000}),
    Case("3,000 worked examples, each a scenario with a test question's labels and an answer"
         " key: each section's labels read once", None, files={
         "source/doc.md": DOC + "".join(f"\n## Example: case {i}\n\n**Situation**: a farmer {i}"
                                        "\n\n**Correct action**: rest\n\n- **Question asks**:"
                                        f" why {i}\n- **Student thinks**: how\n\n- Sharp ✓\n"
                                        "- Dull ✗\n" for i in range(3_000))}),
    Case("2,000 date headings, each over a bold label and a plain lead-in line ending in a verb"
         " and ':' over a list, in Portuguese prose: the date pattern tried only on a date's"
         " first letters, the label read from the block before, the language from the first"
         " 20,000 characters", None, files={"source/doc.md": DOC
         + "\nA febre é uma doença que passa de uma pessoa para outra pela picada, e os sinais"
         " são mais fortes à noite. O tratamento não é dado com a dose que vem do médico para"
         " os doentes que são mais velhos, e a dor passa em uma semana para a maioria.\n"
         + "".join(f"\n## {n % 28 + 1:02d}/{n % 12 + 1:02d}/{2000 + n // 84}\n\n"
                   f"**Critério {n}:**\nA crise envolve:\n- Perda\n- Queda\n"
                   for n in range(2_000))}),
    Case("a title of 5,000 figures glued in pairs ('11% 11% …') over a sentence of 5,000 '1%':"
         " the headings' figures read once for the paragraph, not searched again for each of"
         " its figures (6,000 of each: 19.6 s, now 3.9 s)", None, files={"source/doc.md":
         "# Saline " + "11% " * 5_000 + "\n\n## Rates\n\nRates were "
         + ", ".join("1%" for _ in range(5_000)) + " in the groups.\n" + DOC}),
    Case("a two-column table of 4,000 rows, each value its own: each reverse card's value"
         " counted and its parts looked for among the rows holding its rarest part, not compared"
         " with every row (6,000 rows: 10.3 s, now 2.8 s)", None, files={"source/doc.md": DOC
         + "\n## Antidotes\n\n| Drug | Antidote |\n|---|---|\n"
         + "".join(f"| Drugx{i} | Antid{i} |\n" for i in range(4_000))}),
    Case("an HTML table of 3,000 rows under two empty header cells and 500 Markdown tables"
         " whose value columns have no header: the named headers read once per table, the"
         " unnamed columns' cells joined once per row", None, files={"source/doc.md": DOC
         + "\n## Markers\n\n<table>\n<thead><tr><th></th><th>Stain A</th><th>Stain B</th>"
         "<th></th><th></th></tr></thead>\n<tbody>\n" + "".join(
             f"<tr><th>Type {i}</th><td>(+)</td><td>(–)</td><td>m{i}(+)</td><td>n{i}</td></tr>\n"
             for i in range(3_000)) + "</tbody>\n</table>\n" + "".join(
             f"\n## Care {i}\n\n| Spacer | | |\n|---|---|---|\n| Small {i} | {i} weeks | rinse |\n"
             f"| Large {i} | 4 weeks | wash {i} |\n" for i in range(500))}),
    # A question bank's paragraphs of white space only (a no-break space pasted from Word):
    # they strip to nothing, which an IndexError once met.
    Case("a quiz whose stem is a no-break space", None, files={"source/doc.md": DOC
         + "\n## Quiz\n\n\u00a0\n\nA. Rest\nB. Fluids\nC. Steroids\n\nAnswer: B\n"}),
    Case("a question-bank page whose answer is a no-break space", None, files={
         "source/doc.md": DOC + "\n## Question\n\nA man wheezes after a run. Which inhaler first?"
         "\n\n## Options\n\n| Option | Description |\n|---|---|\n| A | Reliever |\n"
         "| B | Preventer |\n\n## Correct Answer\n\n\u00a0\n"}),
    Case("CJK bold, reference links, superscripts and glued dashed labels 3,000 times on one"
         " line each, a table of 1,000 groups of sub-rows, 300 headings with a glued code-span"
         " aside and a duration, a heading of 5,000 backticks: each line's bold runs read once,"
         " backtick runs paired in one pass", None, files={"source/doc.md": DOC
         + "\n## Marks\n\n" + "".join(f"可见**维巴林{i}（velbarin）**进入" for i in range(3_000))
         + "\n\n" + " ".join(f"[drug{i}] ^14^C" for i in range(3_000)) + "\n\n"
         + "".join(f"**Label {i} –** value {i}." for i in range(3_000)) + "\n\n"
         + "".join(f"[drug{i}]: .\n" for i in range(3_000))
         + "\n## Stages\n\n| Stage | Sign | Care |\n|---|---|---|\n" + "".join(
             f"| **Group {i}** | | |\n| - Sub {i} | sign {i} | care {i} |\n" for i in range(1_000))
         + "".join(f"\n## Stage{i}`aside {i}` (0.{i % 9 + 1} seconds)\n\nThe limbs go stiff.\n"
                   for i in range(300))
         + "\n## " + "`" * 5_000 + "a`" * 2_000 + "\n\nText.\n"}),
    Case("a tab-indented tree of 3,000 groups whose lead-ins sit one step too deep, a list of"
         " 3,000 items nested ten deep each over a lead-in, 1,000 headings over a fragment lead-in"
         " and a bold name with a tail: every list walked once, each lead-in moved in one pass",
         None, files={"source/doc.md": DOC + "\n## Salts\n\n" + "".join(
             f"\t- Group {i}\n\t\t- Bleeds\n\t\t- vomiting\n\t\t\t- Treatments:\n"
             f"\t\t\t- Oral salt {i}\n" for i in range(3_000)) + "\n## Deep\n\n" + "".join(
             f"{'  ' * (i % 10)}- Item {i}\n{'  ' * (i % 10 + 1)}- Causes {i}:\n"
             f"{'  ' * (i % 10 + 1)}- Cause {i}\n" for i in range(3_000)) + "".join(
             f"\n## Wall {i}\n\n由：\n\n* **肌{i}**\n  构成。\n" for i in range(1_000))}),
    Case("500 headings naming their lists' terms, in CJK with a '即：' gloss item and in English"
         " with a glossed name said again, 500 table rows under a part heading and 500"
         " durations a table repeats: each note's names looked for once (one alternation of at"
         " most 16), each gloss folded in one pass, each figure compared with at most four"
         " earlier notes", None, files={"source/doc.md": DOC + "".join(
             f"\n## 丁{i}动脉与丁{i}静脉\n\n* 在戊肌内侧可见**丁{i}动脉（delta artery）**；\n"
             f"* 即：**丁{i}动脉干**。\n* 丁{i}动脉的内侧有伴行的**丁{i}静脉**。\n"
             f"\n## Velbar {i} artery and korrin nerve\n\n* Here the **velbar {i} artery (a"
             f" branch)** runs down;\n* Behind it lies the **korrin nerve**, and the velbar {i}"
             " artery runs on.\n" for i in range(500))
         + "\n## Velbarin\n\n### Dosing\n\n| eGFR | Advice |\n|---|---|\n"
         + "".join(f"| band {i} | check {i} |\n" for i in range(500))
         + "".join(f"\n## Stage {i} (0.{i % 9 + 1} seconds)\n\nIt fills.\n" for i in range(500))
         + "\n## Stages\n\n| Stage | Duration (sec) |\n|---|---|\n"
         + "".join(f"| Cycle — Stage {i} | 0.{i % 9 + 1} |\n" for i in range(500))}),
    Case("500 diseases each over a group heading under a facet heading, a phase heading, a"
         " numbered slip and an instruction heading, in English and Danish: each heading's"
         " subject worked out once, its parent's once more", None, files={"source/doc.md": DOC
         + "".join(f"\n## Korrin {i} infection\n\n### Signs og fund\n\n#### Small children\n\n"
                   f"Vague; fever and vomiting {i}.\n\n### Forløb og prognose\n\nSettles in {i}"
                   f" days.\n\n### Slip #{i % 900}: Forgetting Patient {i}\n\nLook for {i} mm"
                   f" dips.\n\n### Calculate the Flow Rate {i} per Minute\n\nNeeds the **drop"
                   f" factor** of tubing {i}.\n" for i in range(500))}),
]  # fmt: skip
