"""CI as the workflows say it: every push and pull request runs `.ci/run` (the one entry point)
and `make lint` on each supported Python; a release ships what `make release` writes."""

from __future__ import annotations

from typing import Any

import yaml

from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"


def workflow(name: str) -> dict[str, Any]:
    data = yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    # YAML 1.1 reads the key `on` as true.
    data["on"] = data.pop(True, data.get("on"))
    return data


def steps(data: dict[str, Any]) -> list[dict[str, Any]]:
    (job,) = data["jobs"].values()
    return list(job["steps"])


def runs(data: dict[str, Any]) -> list[str]:
    return [step["run"].strip() for step in steps(data) if "run" in step]


def test_every_push_and_pull_request_runs_the_suite_and_the_linters() -> None:
    test = workflow("test.yml")
    assert set(test["on"]) == {"push", "pull_request"}
    assert test["on"]["push"] is None and test["on"]["pull_request"] is None  # no filters
    assert runs(test) == ["bash .ci/run", "make lint"]


def test_the_suite_runs_on_python_3_11_and_3_12_with_pip_cached_on_pyproject() -> None:
    test = workflow("test.yml")
    (job,) = test["jobs"].values()
    versions = job["strategy"]["matrix"]["python-version"]
    assert {"3.11", "3.12"} <= set(versions)
    assert job["strategy"].get("fail-fast") is False  # one version failing shows the other
    (setup,) = [s for s in steps(test) if str(s.get("uses", "")).startswith("actions/setup-python")]
    assert setup["with"]["python-version"] == "${{ matrix.python-version }}"
    assert setup["with"]["cache"] == "pip"
    assert setup["with"]["cache-dependency-path"] == "pyproject.toml"
    assert (ROOT / setup["with"]["cache-dependency-path"]).is_file()


def test_ci_run_is_the_one_entry_point_and_runs_make_test() -> None:
    script = (ROOT / ".ci" / "run").read_text()
    commands = [
        line.strip()
        for line in script.splitlines()
        if line.strip() and not line.lstrip().startswith(("#", "set ", "cd "))
    ]
    assert commands == ["make test"]
    for name in ("test.yml", "release.yml"):
        assert "bash .ci/run" in runs(workflow(name)), name
        assert not any("make test" in run for run in runs(workflow(name))), name


def test_a_release_uploads_the_packages_previews_and_checksums() -> None:
    release = workflow("release.yml")
    assert release["on"] == {"push": {"tags": ["v*"]}}
    assert runs(release) == ["bash .ci/run", "make release"]
    (upload,) = [s for s in steps(release) if "action-gh-release" in str(s.get("uses", ""))]
    files = upload["with"]["files"].split()
    assert files == ["dist/*.apkg", "dist/*.html", "dist/SHA256SUMS"]
    assert upload["with"]["body_path"] == "dist/RELEASE_NOTES.md"
    makefile = (ROOT / "Makefile").read_text()
    assert "deckbuilder release --out dist" in makefile
