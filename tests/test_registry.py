"""The rule registry is the one list of rules: each rule has a fixture file of cases, a row in
docs/manifest.md's rule table and in README's table, and the manifest accepts exactly its names."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from builder.manifest import Subdeck
from builder.rules import RULE_NAMES, RULES

ROOT = Path(__file__).resolve().parent.parent


def table_rule_names(path: Path) -> list[str]:
    """The names in the `Rule` column of the Markdown tables that have one."""
    names: list[str] = []
    column: int | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            column = None
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if column is None:
            column = cells.index("Rule") if "Rule" in cells else -1
        elif column >= 0 and column < len(cells):
            match = re.fullmatch(r"`([a-z_]+)`", cells[column])
            names += [match.group(1)] if match else []
    return names


@pytest.mark.parametrize("rule", RULE_NAMES)
def test_every_rule_has_a_fixture_file_with_cases(rule: str) -> None:
    fixture = ROOT / "tests" / "fixtures" / "rules" / f"{rule}.md"
    assert fixture.is_file(), f"add {fixture.relative_to(ROOT)} with cases for the {rule} rule"
    assert f"[{rule}/" in fixture.read_text(encoding="utf-8"), "no case makes a note of the rule"


@pytest.mark.parametrize("document", ["docs/manifest.md", "README.md"])
def test_every_rule_has_a_row_in_the_docs(document: str) -> None:
    listed = table_rule_names(ROOT / document)
    assert [name for name in RULE_NAMES if name not in listed] == []
    assert [name for name in listed if name in RULE_NAMES] == list(RULE_NAMES), "in run order"


def test_the_manifest_default_is_every_rule_in_order() -> None:
    assert Subdeck("S", ("*",)).rules == RULE_NAMES == tuple(rule.name for rule in RULES)


def test_rule_names_are_unique_and_each_reads_something() -> None:
    assert len(set(RULE_NAMES)) == len(RULE_NAMES)
    assert all(rule.reads for rule in RULES)
