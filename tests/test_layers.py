"""Imports run one way: a module of builder/ imports only from its own layer or the layers below.

The layers, lowest first, are README's "Layout" in order. A new module gets a layer here; an
import that climbs (a lower module reaching for a higher one, even lazily inside a function or
for type checking only) fails with the file and line.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

BUILDER = Path(__file__).resolve().parent.parent / "builder"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("version", "errors", "files", "outputs", "memory"),
    ("text",),
    ("notes", "exports"),
    ("dialects",),
    ("document", "abbreviations"),
    ("rules",),
    ("kinds",),
    ("manifest",),
    ("routing",),
    ("lint",),
    ("extract",),
    ("media",),
    ("render",),
    ("lock",),
    ("archive",),
    ("anki",),
    ("cache", "parallel"),
    ("build",),
    ("listing", "preview", "diff", "release", "init", "importing"),
    ("serve",),
    ("cli",),
    ("__init__", "__main__"),
)
LAYER = {name: number for number, names in enumerate(LAYERS) for name in names}


def module_of(path: Path) -> str:
    """The layer name of a file: its top-level module under builder/ (rules/* is `rules`)."""
    parts = path.relative_to(BUILDER).with_suffix("").parts
    return parts[0]


def imported_modules(path: Path, root: Path = BUILDER) -> list[tuple[int, str]]:
    """(line, top-level builder module) of every import of builder code in the file, a file of
    the package at `root`."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = path.relative_to(root.parent).with_suffix("").parts[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = (*base, *(node.module.split(".") if node.module else ()))
                if len(target) == 1:  # `from . import x`: x is a module of builder/
                    found += [(node.lineno, alias.name) for alias in node.names]
                    continue
            elif node.module and node.module.split(".")[0] == "builder":
                target = tuple(node.module.split("."))
            else:
                continue
            if len(target) > 1:
                found.append((node.lineno, target[1]))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "builder" and len(parts) > 1:
                    found.append((node.lineno, parts[1]))
    return found


FILES = sorted(BUILDER.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    assert sorted({module_of(path) for path in FILES} - set(LAYER)) == []


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(BUILDER)))
def test_imports_never_climb(path: Path) -> None:
    own = LAYER[module_of(path)]
    climbing = [
        f"{path.relative_to(BUILDER.parent)}:{line}: imports {name} (layer {LAYER[name]} > {own})"
        for line, name in imported_modules(path)
        if LAYER.get(name, -1) > own
    ]
    assert climbing == []


def test_the_check_sees_a_climbing_import(tmp_path: Path) -> None:
    """The parser itself: lazy imports of higher modules from notes.py and rules/faq.py."""
    (tmp_path / "builder" / "rules").mkdir(parents=True)
    notes = tmp_path / "builder" / "notes.py"
    notes.write_text("def f():\n    from .build import plan_deck\n    from . import lint\n")
    faq = tmp_path / "builder" / "rules" / "faq.py"
    faq.write_text("from ..extract import x\nfrom .table import y\nimport builder.cli\n")
    assert imported_modules(notes, tmp_path / "builder") == [(2, "build"), (3, "lint")]
    assert imported_modules(faq, tmp_path / "builder") == [(1, "extract"), (2, "rules"), (3, "cli")]


def test_readme_layout_names_every_module() -> None:
    """README's "Layout" is where a newcomer looks a module up: every file of builder/ is there."""
    readme = (BUILDER.parent / "README.md").read_text(encoding="utf-8")
    layout = readme.split("## Layout", 1)[1].split("```")[1]
    named = {line.split()[0].rstrip("/") for line in layout.splitlines() if line[2:3].strip()}
    top = {path.stem for path in BUILDER.glob("*.py")} - {"__init__", "__main__"}
    packages = {path.parent.name for path in BUILDER.glob("*/__init__.py")}
    assert sorted({f"{name}.py" for name in top} - named) == []
    assert sorted(packages - named) == []
