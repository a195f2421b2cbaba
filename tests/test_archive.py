"""The package's zip: readable by any unzip, and the same bytes whatever the number of threads."""

from __future__ import annotations

import random
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from builder import archive

DATE = (2027, 1, 2, 3, 4, 6)


def _text(size: int, seed: int = 1) -> bytes:
    words = [b"hepatic", b"lesion", b"ablation", b"metastasis", b"\x1f", b"<b>", b"\n"]
    rng = random.Random(seed)
    return b" ".join(rng.choice(words) for _ in range(size // 6))[:size]


@pytest.fixture(autouse=True)
def small_blocks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "BLOCK", 64 << 10)  # many blocks from a small input


def test_entries_read_back_with_their_names_dates_and_permissions(tmp_path: Path) -> None:
    big = tmp_path / "collection.anki2"
    big.write_bytes(_text(1_000_000))
    entries: list[tuple[str, bytes | Path]] = [
        ("collection.anki2", big),
        ("media", b"{}"),
        ("0", b""),
    ]
    archive.write_zip(tmp_path / "deck.apkg", entries, DATE, threads=2)
    with zipfile.ZipFile(tmp_path / "deck.apkg") as package:
        assert package.testzip() is None
        assert [info.filename for info in package.infolist()] == ["collection.anki2", "media", "0"]
        assert package.read("collection.anki2") == big.read_bytes()
        assert package.read("media") == b"{}" and package.read("0") == b""
        for info in package.infolist():
            assert info.date_time == DATE
            assert info.external_attr >> 16 == 0o100644
            assert info.compress_type == zipfile.ZIP_DEFLATED


@settings(max_examples=25, deadline=None)
@given(size=st.integers(min_value=0, max_value=300_000), seed=st.integers(0, 1000))
def test_same_bytes_for_any_number_of_threads(
    tmp_path_factory: pytest.TempPathFactory, size: int, seed: int
) -> None:
    folder = tmp_path_factory.mktemp("zip")
    data = _text(size, seed)
    outputs = []
    for threads in (1, 2, 3):
        target = folder / f"{threads}.zip"
        archive.write_zip(target, [("data", data)], DATE, threads=threads)
        outputs.append(target.read_bytes())
        with zipfile.ZipFile(target) as package:
            assert package.read("data") == data
    assert outputs[0] == outputs[1] == outputs[2]
