"""A reproducible zip writer whose large entries are deflated on several threads.

zipfile deflates an entry as one stream on one core; for a large collection that is a second or
two of a build spent on one core while the other waits. Here an entry is cut into fixed-size
blocks, each deflated on its own (primed with the 32 KB before it, as pigz does) and ended on a
byte boundary, so the blocks join into one valid deflate stream. The blocks do not depend on the
number of threads, so the bytes are the same for any `threads`. zlib releases the GIL while it
works, so threads are enough.
"""

from __future__ import annotations

import io
import struct
import zlib
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import BinaryIO

BLOCK = 4 << 20
"""Bytes of input per independently deflated block."""
WINDOW = 32 << 10
LEVEL = 6
"""zlib's default, the level zipfile uses."""
_VERSION = 20
_UNIX = 3


def _deflate_block(block: bytes, dictionary: bytes, last: bool) -> bytes:
    compressor = (
        zlib.compressobj(LEVEL, zlib.DEFLATED, -15, zdict=dictionary)
        if dictionary
        else zlib.compressobj(LEVEL, zlib.DEFLATED, -15)
    )
    out = compressor.compress(block)
    return out + compressor.flush(zlib.Z_FINISH if last else zlib.Z_SYNC_FLUSH)


def _blocks(source: BinaryIO) -> Iterator[tuple[bytes, bytes, bool]]:
    """(block, the 32 KB before it, is it the last) for every block of the source."""
    previous = b""
    block = source.read(BLOCK)
    while True:
        following = source.read(BLOCK)
        yield block, previous[-WINDOW:], not following
        if not following:
            return
        previous, block = block, following


def _deflated(source: BinaryIO, threads: int) -> Iterator[tuple[bytes, bytes]]:
    """(input block, its deflated bytes) in order; up to `threads` blocks deflate at once."""
    deflate = _deflate_block
    if threads <= 1:
        for block, dictionary, last in _blocks(source):
            yield block, deflate(block, dictionary, last)
        return
    with ThreadPoolExecutor(threads) as pool:
        pending: deque[tuple[bytes, Future[bytes]]] = deque()
        for block, dictionary, last in _blocks(source):
            pending.append((block, pool.submit(deflate, block, dictionary, last)))
            if len(pending) > threads:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()


def _dos_time(date_time: tuple[int, int, int, int, int, int]) -> tuple[int, int]:
    year, month, day, hour, minute, second = date_time
    return (hour << 11) | (minute << 5) | (second // 2), ((year - 1980) << 9) | (month << 5) | day


def write_zip(
    target: Path,
    entries: list[tuple[str, bytes | Path]],
    date_time: tuple[int, int, int, int, int, int],
    threads: int = 1,
) -> None:
    """Write `entries` (name, data or a file to stream), deflated, in the given order, all dated
    `date_time`, with Unix permissions 0644: the same inputs give the same bytes, whatever
    `threads` is."""
    time, date = _dos_time(date_time)
    central = []
    with target.open("wb") as handle:
        for name, data in entries:
            encoded = name.encode("utf-8")
            offset = handle.tell()
            handle.write(b"\0" * (30 + len(encoded)))  # the local header, written once known
            crc, size, packed = 0, 0, 0
            with data.open("rb") if isinstance(data, Path) else io.BytesIO(data) as source:
                for block, deflated in _deflated(source, threads):
                    crc = zlib.crc32(block, crc)
                    size += len(block)
                    packed += len(deflated)
                    handle.write(deflated)
            common = struct.pack(
                "<HHHHHIIIH", _VERSION, 0, zlib.DEFLATED, time, date, crc, packed, size,
                len(encoded),
            )  # fmt: skip
            end = handle.tell()
            handle.seek(offset)
            handle.write(b"PK\x03\x04" + common + struct.pack("<H", 0) + encoded)
            handle.seek(end)
            central.append(
                b"PK\x01\x02"
                + struct.pack("<H", (_UNIX << 8) | _VERSION)
                + common
                + struct.pack("<HHHHII", 0, 0, 0, 0, 0o100644 << 16, offset)
                + encoded
            )
        start = handle.tell()
        directory = b"".join(central)
        handle.write(directory)
        handle.write(
            b"PK\x05\x06"
            + struct.pack("<HHHHIIH", 0, 0, len(central), len(central), len(directory), start, 0)
        )
