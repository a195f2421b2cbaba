"""A reproducible zip writer whose large entries are deflated on several threads.

zipfile deflates an entry as one stream on one core; for a large collection that is a second or
two of a build spent on one core while the other waits. Here an entry is cut into fixed-size
blocks, each deflated on its own (primed with the 32 KB before it, as pigz does) and ended on a
byte boundary, so the blocks join into one valid deflate stream. The blocks do not depend on the
number of threads, so the bytes are the same for any `threads`. zlib releases the GIL while it
works, so threads are enough.

Because each block depends only on its own bytes and the 32 KB before it, a rebuild can reuse the
previous package's deflated blocks where the collection's bytes did not move (`BlockCache`). An
edit that changes a note in place touches a page or two of the collection, so it deflates one
or two blocks instead of all of them, and the zip is byte for byte the one a clean build writes.
"""

from __future__ import annotations

import hashlib
import io
import os
import struct
import threading
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


class BlockCache:
    """Deflated blocks of the last package written with this cache, found by a digest of what
    went into each (its bytes, the 32 KB before it, whether it ends the entry, the zlib level and
    version). The file holds records of (digest, CRC-32 and length of the deflated bytes, the
    deflated bytes); a record whose bytes do not match their CRC is deflated again. `commit`
    replaces the file with the blocks of the package just written."""

    _SALT = f"deckbuilder-blocks 1 {LEVEL} {zlib.ZLIB_RUNTIME_VERSION}".encode()
    _RECORD = struct.Struct("<32sII")

    def __init__(self, path: Path):
        self.path = path
        self.known: dict[bytes, tuple[int, int, int]] = {}  # digest -> offset, size, crc
        self.old: BinaryIO | None = None
        try:
            self.old = path.open("rb")
            self._index(self.old)
        except (OSError, struct.error):
            self.known.clear()
        self.fresh_path = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        self.fresh = self.fresh_path.open("wb")
        self.lock = threading.Lock()
        self.reused = 0

    def _index(self, old: BinaryIO) -> None:
        offset = 0
        while header := old.read(self._RECORD.size):
            digest, crc, size = self._RECORD.unpack(header)
            offset += self._RECORD.size
            self.known[digest] = (offset, size, crc)
            offset += size
            old.seek(offset)

    def deflate(self, block: bytes, dictionary: bytes, last: bool) -> bytes:
        """The block deflated: from the cache when it holds it whole, else by zlib. Thread-safe."""
        digest = hashlib.sha256(self._SALT)
        digest.update(b"\1" if last else b"\0")
        digest.update(dictionary)
        digest.update(block)
        key = digest.digest()
        deflated = self._cached(key)
        if deflated is None:
            deflated = _deflate_block(block, dictionary, last)
        crc = zlib.crc32(deflated)
        with self.lock:
            self.fresh.write(self._RECORD.pack(key, crc, len(deflated)) + deflated)
        return deflated

    def _cached(self, key: bytes) -> bytes | None:
        where = self.known.get(key)
        if where is None or self.old is None:
            return None
        offset, size, crc = where
        try:
            data = os.pread(self.old.fileno(), size, offset)
        except OSError:
            return None
        if len(data) != size or zlib.crc32(data) != crc:
            return None
        with self.lock:
            self.reused += 1
        return data

    def commit(self) -> None:
        """Keep the blocks of the package just written, for the next one. A cache that cannot
        be kept costs the next build time, so it does not fail this one."""
        self._close_files()
        try:
            os.replace(self.fresh_path, self.path)
        except OSError:
            self.fresh_path.unlink(missing_ok=True)

    def close(self) -> None:
        """Forget the blocks of a package that was not written."""
        self._close_files()
        self.fresh_path.unlink(missing_ok=True)

    def _close_files(self) -> None:
        if self.old is not None:
            self.old.close()
        self.fresh.close()


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


def _deflated(
    source: BinaryIO, threads: int, cache: BlockCache | None
) -> Iterator[tuple[bytes, bytes]]:
    """(input block, its deflated bytes) in order; up to `threads` blocks deflate at once."""
    deflate = _deflate_block if cache is None else cache.deflate
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
    cache: Path | None = None,
) -> None:
    """Write `entries` (name, data or a file to stream), deflated, in the given order, all dated
    `date_time`, with Unix permissions 0644: the same inputs give the same bytes, whatever
    `threads` is and whatever `cache` (a BlockCache file) holds."""
    blocks = None if cache is None else BlockCache(cache)
    try:
        _write_zip(target, entries, date_time, threads, blocks)
    except BaseException:
        if blocks is not None:
            blocks.close()
        raise
    if blocks is not None:
        blocks.commit()


def _write_zip(
    target: Path,
    entries: list[tuple[str, bytes | Path]],
    date_time: tuple[int, int, int, int, int, int],
    threads: int,
    blocks: BlockCache | None,
) -> None:
    time, date = _dos_time(date_time)
    central = []
    with target.open("wb") as handle:
        for name, data in entries:
            encoded = name.encode("utf-8")
            offset = handle.tell()
            handle.write(b"\0" * (30 + len(encoded)))  # the local header, written once known
            crc, size, packed = 0, 0, 0
            with data.open("rb") if isinstance(data, Path) else io.BytesIO(data) as source:
                for block, deflated in _deflated(source, threads, blocks):
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
