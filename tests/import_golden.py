"""`make golden` for `deckbuilder import`: rewrite tests/import/golden/ from the fixtures.

For each fixture (tests/import_support.py): NAME.md, the imported document; NAME.warnings.txt,
what the import printed on stderr; NAME.cards-diff.txt, its cards compared with the hand
transcription's. Review the diff before committing: tests/test_import.py compares every run
with these files and never writes them.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.import_support import (
    FIXTURES,
    GOLDEN,
    ROOT,
    cards_diff_text,
    hand_source,
    import_fixture,
)


def main() -> int:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as temporary:
        for name in FIXTURES:
            output, warnings = import_fixture(name, Path(temporary) / name)
            files = {
                f"{name}.md": output.read_text(encoding="utf-8"),
                f"{name}.warnings.txt": warnings,
                f"{name}.cards-diff.txt": cards_diff_text(name, hand_source(name), output),
            }
            for file_name, text in files.items():
                path = GOLDEN / file_name
                path.write_text(text, encoding="utf-8")
                print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
