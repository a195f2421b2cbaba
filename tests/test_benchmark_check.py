"""benchmarks/check.py on a small course: both commands run, and the row judges their ratio."""

from __future__ import annotations

from pathlib import Path

from benchmarks.check import CHECK_RATIO, measure_check


def test_check_against_build_row(tmp_path: Path) -> None:
    (row,) = measure_check((300,), tmp_path)
    runs = row["check"]["runs"] + row["build"]["runs"]
    assert [run["returncode"] for run in runs] == [0, 0], runs
    check, build = row["check"]["median_seconds"], row["build"]["median_seconds"]
    assert row["value"] == check / build
    assert row["verdict"] == ("PASS" if check / build <= CHECK_RATIO else "FAIL")
    assert row["target"] == "300 check / build" and row["limit"] == "<= 2x"
    assert not (tmp_path / "check300").exists(), "the generated course is removed"
