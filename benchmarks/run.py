"""Benchmarks against the floor: how far `deckbuilder build` is from parsing plus storing the deck.

    python -m benchmarks.run                          # make bench: 1k, 10k, 100k items
    python -m benchmarks.run --sizes 1000,10000 --repeat 3
    python -m benchmarks.run --sizes 10000 --gc-modes default,disable,freeze

For each size, on the same generated input (benchmarks/generate.py) and each run in a fresh process
(peak RSS sampled from /proc), it measures: (a) the markdown-it-py parse alone; (b) the floor, a
minimal sqlite3 writer storing the builder's own notes and cards in one transaction and zipping
them; (c) the full `deckbuilder build` of the one-document deck on one core (`--jobs 1`, no lock,
no output); (d) a no-op rebuild (lock and output present); (e) the same course as 10 documents,
built with `--jobs 2`, against its own parse and floor. Then a zero-config document of 50,000
items in 2,500 top-level sections against the same items in 25 (`--sections`), and `deckbuilder
--help` against `import click`, and how fast a 40,000-card preview opens and searches in headless
Chromium (benchmarks/preview.py; skipped without one). It prints a table of medians with the
issue's targets marked PASS/FAIL and writes benchmarks/results/latest.json. docs/performance.md
explains how to read it.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import generate, preview
from .workers import synthetic_rows

ROOT = Path(__file__).resolve().parent.parent
CODE = ROOT
"""Where builder/ and benchmarks/ are imported from: a snapshot taken at the start (see
`take_snapshot`), so other people's edits during a run do not mix code versions."""
VENV_BIN = Path(sys.executable).parent
PYTHON = sys.executable
RESULTS = Path(__file__).resolve().parent / "results" / "latest.json"
SEED_MANIFEST = "decks/breast-cancer-liver-metastasis.toml"
EPOCH = "1800000000"
SEED = 1

LARGE = 50_000
"""From this size on, the slow builder runs are repeated fewer times (see --large-repeat)."""

# The targets.
FLOOR_ONE_CORE = 1.1
FLOOR_TWO_CORES = 0.75
"""The course as 10 documents with --jobs 2, against one core's parse + floor of it."""
RSS_OF_PARSE = 1.3
RSS_MARGIN_MB = 60
"""Peak RSS of the one-document build <= RSS_OF_PARSE x the parse's peak + RSS_MARGIN_MB."""
COURSE_RSS_MB = 250
SCALING = 11
NOOP_SHARE = 0.10
SECTIONS = 2500
FEW_SECTIONS = 25
SECTIONS_FLOOR = 1.1
SECTIONS_RATIO = 1.2
"""2,500 sections: <= 1.1x its floor, and <= 1.2x the same items in 25 sections."""
HELP_RATIO = 1.5


@dataclass
class Run:
    """One process: wall time from the parent, CPU and peak RSS from wait4, its output."""

    wall: float
    cpu: float
    """User + system seconds of the process and of the children it waited for (its workers)."""
    rss_mb: float
    """Peak memory: the larger of the process's own peak RSS (VmHWM, sampled every 0.1 s) and
    the sampled peak of the process tree's summed PSS (what worker processes hold together)."""
    returncode: int
    output: str = ""
    inner: dict[str, Any] = field(default_factory=dict)
    """The JSON line a worker printed (its own timing of the measured work)."""
    maxrss_mb: float = 0.0
    """wait4's ru_maxrss: on Linux it includes the runner's RSS at fork, so it is only kept."""
    hwm_mb: float = 0.0
    tree_mb: float = 0.0
    processes: int = 1
    """Most processes seen at once in the tree (1: the build ran in one process)."""

    @property
    def ok(self) -> bool:
        return self.returncode == 0

    def seconds(self) -> float:
        """The measured work: the worker's own timing when it reports one, else wall time."""
        return float(self.inner.get("seconds", self.wall))

    def cpu_seconds(self) -> float:
        return float(self.inner.get("cpu_seconds", self.cpu))


PAGE = os.sysconf("SC_PAGE_SIZE")


def _tree(pid: int) -> list[int]:
    """`pid` and its descendants, from /proc/<pid>/task/<tid>/children."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as handle:
                    queue.extend(int(child) for child in handle.read().split())
        except OSError:
            continue
    return found


def _status_mb(pid: int, file: str, field: str) -> float | None:
    """A `Field:   N kB` line of /proc/<pid>/<file>, in MB (None when absent)."""
    try:
        with open(f"/proc/{pid}/{file}") as handle:
            for line in handle:
                if line.startswith(field):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _memory_mb(pid: int) -> float:
    """Proportional set size (shared pages split between processes), else RSS."""
    pss = _status_mb(pid, "smaps_rollup", "Pss:")
    if pss is not None:
        return pss
    try:
        with open(f"/proc/{pid}/statm") as handle:
            return int(handle.read().split()[1]) * PAGE / 2**20
    except OSError:
        return 0.0


def _high_water_mb(pid: int) -> float:
    """VmHWM: the process's peak RSS since its exec (unlike wait4's maxrss, which also keeps the
    RSS of the parent it was forked from)."""
    return _status_mb(pid, "status", "VmHWM:") or 0.0


class _Sampler(threading.Thread):
    """Samples a process tree every `interval` seconds: the summed PSS of its processes, and the
    peak RSS (VmHWM) of the process itself."""

    def __init__(self, pid: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.pid, self.interval = pid, interval
        self.peak_mb, self.hwm_mb, self.processes = 0.0, 0.0, 1
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.wait(self.interval):
            self.hwm_mb = max(self.hwm_mb, _high_water_mb(self.pid))
            pids = _tree(self.pid)
            self.processes = max(self.processes, len(pids))
            self.peak_mb = max(self.peak_mb, sum(_memory_mb(pid) for pid in pids))


def spawn(
    command: Sequence[str],
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
    cpus: set[int] | None = None,
) -> Run:
    """Run `command` to completion; wait4 gives this child's own CPU time and peak RSS."""
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH, **(env or {})}
    if CODE != ROOT:
        full_env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(CODE), full_env.get("PYTHONPATH", "")])
        )
    preexec: Callable[[], None] | None = None
    if cpus is not None:
        chosen = set(cpus)

        def preexec() -> None:
            os.sched_setaffinity(0, chosen)

    with tempfile.TemporaryFile() as output:
        started = time.perf_counter()
        process = subprocess.Popen(
            list(command),
            cwd=cwd,
            env=full_env,
            stdout=output,
            stderr=subprocess.STDOUT,
            preexec_fn=preexec,
        )
        sampler = _Sampler(process.pid)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - started
        sampler.done.set()
        sampler.join()
        process.returncode = os.waitstatus_to_exitcode(status)
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    inner: dict[str, Any] = {}
    for line in reversed(text.splitlines()):
        if line.startswith("{"):
            try:
                inner = json.loads(line)
            except ValueError:
                continue
            break
    return Run(
        wall=wall,
        cpu=usage.ru_utime + usage.ru_stime,
        rss_mb=max(sampler.hwm_mb, sampler.peak_mb) or usage.ru_maxrss / 1024,
        returncode=process.returncode,
        output=text[-4000:],
        inner=inner,
        maxrss_mb=usage.ru_maxrss / 1024,
        hwm_mb=sampler.hwm_mb,
        tree_mb=sampler.peak_mb,
        processes=sampler.processes,
    )


def deckbuilder(*args: str) -> list[str]:
    return [str(VENV_BIN / "deckbuilder"), *args]


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


@dataclass
class Series:
    """Repeated runs of one measurement."""

    runs: list[Run] = field(default_factory=list)

    def add(self, run: Run) -> Run:
        self.runs.append(run)
        return run

    @property
    def good(self) -> list[Run]:
        return [run for run in self.runs if run.ok]

    @property
    def failed(self) -> bool:
        return bool(self.runs) and not self.good

    def seconds(self) -> float | None:
        return median([run.seconds() for run in self.good])

    def cpu(self) -> float | None:
        return median([run.cpu_seconds() for run in self.good])

    def rss(self) -> float | None:
        return max((run.rss_mb for run in self.good), default=None)

    def summary(self) -> dict[str, Any]:
        return {
            "median_seconds": self.seconds(),
            "median_cpu_seconds": self.cpu(),
            "peak_rss_mb": self.rss(),
            "runs": [
                {
                    "seconds": run.seconds(),
                    "wall": run.wall,
                    "cpu_seconds": run.cpu_seconds(),
                    "process_cpu": run.cpu,
                    "rss_mb": run.rss_mb,
                    "maxrss_mb": run.maxrss_mb,
                    "hwm_mb": run.hwm_mb,
                    "tree_pss_mb": run.tree_mb,
                    "processes": run.processes,
                    "returncode": run.returncode,
                    **({"inner": run.inner} if run.inner else {}),
                    **({"output": run.output[-1500:]} if not run.ok else {}),
                }
                for run in self.runs
            ],
        }


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _loadavg() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:  # pragma: no cover
        return float("nan")


def _summary_counts(output: str) -> tuple[int | None, int | None]:
    match = re.search(r": (\d+) notes, (\d+) cards", output)
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def _lock_line(output: str) -> str:
    match = re.search(r"lock: (.*)", output)
    return match.group(1).strip() if match else "unchanged"


def builder_fingerprint(root: Path | None = None) -> str:
    """A digest of builder/'s code: a change during a run makes its numbers a mix of versions
    (and invalidates the builder's caches, so a no-op rebuild would do the work again)."""
    import hashlib

    root = root or CODE
    digest = hashlib.sha256()
    for path in sorted((root / "builder").rglob("*")):
        if path.suffix in (".py", ".css") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(root)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def take_snapshot(work: Path) -> Path:
    """Copy builder/ and benchmarks/ as they are now; every measured process imports the copy
    (PYTHONPATH comes before the editable install), so the run measures one version."""
    global CODE
    snapshot = work / "code"
    ignore = shutil.ignore_patterns("__pycache__", "results")
    for package in ("builder", "benchmarks"):
        shutil.copytree(ROOT / package, snapshot / package, ignore=ignore)
    # Byte-compile now: with PYTHONDONTWRITEBYTECODE set, every start-up would compile the copy
    # again, and --help and the seed deck would be timed with compilation in them.
    import compileall

    compileall.compile_dir(snapshot, quiet=1)
    CODE = snapshot
    return snapshot


def _first_line(output: str) -> str:
    lines = [line for line in output.splitlines() if line.strip()]
    return lines[0].strip() if lines else ""


class Deck:
    """A generated deck in a folder of its own: the manifest (or, zero-config, the document
    itself), its sources, and nothing else.

    `reset` deletes everything else in the folder (lock, package, build records), so the next
    build is a cold, full one. The package goes to out/ in the folder.
    """

    def __init__(
        self,
        folder: Path,
        manifest: Path,
        sources: list[Path],
        jobs: int,
    ):
        self.folder, self.manifest, self.sources, self.jobs = folder, manifest, sources, jobs
        self.output = folder / "out" / f"{manifest.stem}.apkg"
        self.env = {"XDG_CACHE_HOME": str(folder / "xdg-cache")}

    def command(self) -> list[str]:
        target = str(self.manifest.relative_to(self.folder))
        return deckbuilder("build", target, "-o", str(self.output), "--jobs", str(self.jobs))

    def reset(self) -> None:
        keep = {self.manifest, *self.sources}
        for path in sorted(self.folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            if path in keep:
                continue
            if path.is_dir() and not path.is_symlink():
                if not any(path.iterdir()):
                    path.rmdir()
            else:
                path.unlink()

    def build(self, cpus: set[int] | None = None) -> Run:
        return spawn(self.command(), cwd=self.folder, env=self.env, cpus=cpus)


def _parse_and_floor(
    sources: list[Path], package: Path, folder: Path, repeat: int
) -> tuple[Series, Series]:
    """The markdown-it-py parse of `sources` (in one process) and the floor storing `package`'s
    notes: the two halves of what a build cannot do without."""
    parse, floor = Series(), Series()
    for _ in range(repeat):
        command = [PYTHON, "-m", "benchmarks.workers", "parse", *map(str, sources)]
        parse.add(spawn(command, cwd=CODE))
        command = [
            PYTHON,
            "-m",
            "benchmarks.workers",
            "floor",
            str(package),
            str(folder / "f.apkg"),
        ]
        floor.add(spawn(command, cwd=CODE))
    return parse, floor


def _floor_input(deck: Deck, folder: Path, notes: int | None) -> Path:
    """The floor's input: the builder's own package (its worker reads the rows before timing)."""
    target = folder / f"floor-input-{deck.manifest.stem}.apkg"
    if deck.output.exists():
        shutil.copyfile(deck.output, target)
        return target
    target = target.with_suffix(".pickle")
    with open(target, "wb") as handle:
        pickle.dump(synthetic_rows(notes or 1), handle)
    return target


def _builds(deck: Deck, times: int, cpus: set[int] | None = None) -> Series:
    series = Series()
    for _ in range(times):
        deck.reset()
        run = series.add(deck.build(cpus))
        if not run.ok:
            _log(f"  build failed (exit {run.returncode}):\n{run.output[-2000:]}")
            break
    return series


def measure_size(n_items: int, work: Path, repeat: int, large_repeat: int) -> dict[str, Any]:
    """Every per-size measurement, on one generated input."""
    large = n_items >= LARGE
    slow = large_repeat if large else repeat
    once = 1 if large else repeat
    folder = work / f"n{n_items}"
    started = time.perf_counter()
    load_before = _loadavg()
    code_before = builder_fingerprint()
    manifest = generate.write_deck(n_items, SEED, folder / "single")
    source = folder / "single" / "source" / "synthetic.md"
    deck = Deck(folder / "single", manifest, [source], jobs=1)
    multi_manifest, multi_sources = generate.write_multi_deck(n_items, SEED, folder / "multi")
    multi = Deck(folder / "multi", multi_manifest, multi_sources, jobs=2)
    result: dict[str, Any] = {
        "items": n_items,
        "source_bytes": source.stat().st_size,
        "multi_documents": len(multi_sources),
    }

    _log(f"[{n_items}] full build, one document, --jobs 1 on CPU 0, x{slow}")
    full = _builds(deck, slow, cpus={0})
    notes, cards = _summary_counts(full.good[-1].output) if full.good else (None, None)
    result.update(notes=notes, cards=cards)
    floor_input = _floor_input(deck, folder, notes)

    _log(f"[{n_items}] no-op rebuild x{once}")
    noop = Series()
    if full.good:  # the last full build left its lock, package and build record in place
        for _ in range(once):
            run = noop.add(deck.build(cpus={0}))
            run.inner = {"said": _first_line(run.output)}

    _log(f"[{n_items}] parse and floor x{slow}, block pass alone x{slow}")
    parse, floor = _parse_and_floor([source], floor_input, folder, slow)
    parse_blocks = Series()
    for _ in range(slow):
        command = [PYTHON, "-m", "benchmarks.workers", "parse-blocks", str(source)]
        parse_blocks.add(spawn(command, cwd=CODE))

    _log(f"[{n_items}] {len(multi_sources)}-document course, --jobs 2, x{slow}")
    multi_full = _builds(multi, slow)
    multi_notes, _ = _summary_counts(multi_full.good[-1].output) if multi_full.good else (0, 0)
    multi_input = _floor_input(multi, folder, multi_notes)
    _log(f"[{n_items}] the course's parse and floor x{slow}")
    multi_parse, multi_floor = _parse_and_floor(multi_sources, multi_input, folder, slow)

    result.update(
        full_build=full.summary(),
        noop_rebuild=noop.summary(),
        floor=floor.summary(),
        parse=parse.summary(),
        parse_blocks=parse_blocks.summary(),
        multi_full_build=multi_full.summary(),
        multi_parse=multi_parse.summary(),
        multi_floor=multi_floor.summary(),
        load_average=[load_before, _loadavg()],
        elapsed_seconds=time.perf_counter() - started,
        builder_code=[code_before, builder_fingerprint()],
    )
    result["_series"] = {
        "full": full,
        "noop": noop,
        "floor": floor,
        "parse": parse,
        "parse_blocks": parse_blocks,
        "multi_full": multi_full,
        "multi_parse": multi_parse,
        "multi_floor": multi_floor,
    }
    shutil.rmtree(folder, ignore_errors=True)
    return result


def measure_sections(n_items: int, work: Path, repeat: int) -> dict[str, Any]:
    """A zero-config build (`deckbuilder build DOC.md`, one subdeck per top-level section) of
    `n_items` in SECTIONS sections against the same items in FEW_SECTIONS, one core each."""
    result: dict[str, Any] = {"items": n_items, "_series": {}}
    for sections in (SECTIONS, FEW_SECTIONS):
        folder = work / f"sections{sections}"
        slug = f"s{sections}"
        generate.write_deck(n_items, SEED, folder, sections=sections, slug=slug)
        source = folder / "source" / f"{slug}.md"
        (folder / "decks" / f"{slug}.toml").unlink()  # zero-config: the document alone
        deck = Deck(folder, source, [source], jobs=1)
        _log(f"[sections {sections}] zero-config build x{repeat}")
        builds = _builds(deck, repeat, cpus={0})
        notes, _ = _summary_counts(builds.good[-1].output) if builds.good else (None, None)
        parse, floor = _parse_and_floor([source], _floor_input(deck, folder, notes), folder, repeat)
        result[str(sections)] = {
            "build": builds.summary(),
            "parse": parse.summary(),
            "floor": floor.summary(),
            "notes": notes,
        }
        result["_series"][sections] = {"build": builds, "parse": parse, "floor": floor}
        shutil.rmtree(folder, ignore_errors=True)
    return result


def measure_fixed(work: Path, repeat: int) -> dict[str, Any]:
    """Start-up cost: --help against import click (it imports the heavy libraries lazily)."""
    count = max(5, repeat * 3)
    _log(f"[fixed] deckbuilder --help and import click x{count}")
    help_runs, click_runs = Series(), Series()
    spawn(deckbuilder("--help"))  # warm the bytecode cache
    for _ in range(count):
        help_runs.add(spawn(deckbuilder("--help")))
        click_runs.add(spawn([PYTHON, "-c", "import click"]))
    return {
        "help": help_runs.summary(),
        "import_click": click_runs.summary(),
        "_series": {"help": help_runs, "click": click_runs},
    }


def measure_gc(n_items: int, work: Path, modes: list[str], repeat: int) -> dict[str, Any]:
    """The full build with the cyclic gc disabled, frozen after imports, or relaxed thresholds."""
    folder = work / f"gc{n_items}"
    manifest = generate.write_deck(n_items, SEED, folder)
    deck = Deck(folder, manifest, [folder / "source" / "synthetic.md"], jobs=1)
    results: dict[str, Any] = {"items": n_items}
    series: dict[str, Series] = {mode: Series() for mode in modes}
    for attempt in range(repeat):
        for mode in modes:  # interleaved, so a change in machine load hits every mode alike
            _log(f"[gc {n_items}] {mode} ({attempt + 1}/{repeat})")
            deck.reset()
            command = [PYTHON, "-m", "benchmarks.workers", "gc", mode, *deck.command()[1:]]
            series[mode].add(spawn(command, cwd=folder, env=deck.env))
    for mode in modes:
        results[mode] = series[mode].summary()
    shutil.rmtree(folder, ignore_errors=True)
    return results


# -- the report -------------------------------------------------------------------------------


def _ratio(a: float | None, b: float | None) -> float | None:
    return a / b if a is not None and b else None


def _fmt(value: float | None, digits: int = 2, suffix: str = "") -> str:
    if value is None:
        return "—"
    return f"{value:.{digits}f}{suffix}"


def _verdict(value: float | None, limit: float) -> str:
    if value is None:
        return "n/a"
    return "PASS" if value <= limit else "FAIL"


def _sum(*values: float | None) -> float | None:
    return None if any(value is None for value in values) else sum(v for v in values if v)


def _row(target: str, value: float | None, shown: str, limit: str, bound: float) -> dict[str, Any]:
    return {
        "target": target,
        "value": value,
        "shown": shown,
        "limit": limit,
        "verdict": _verdict(value, bound),
    }


CHECK_RATIO = 2.0
"""Issue 16's target: check takes at most twice as long as build (`benchmarks/check.py`)."""


def measure_check(sizes: tuple[int, ...], work: Path, repeat: int = 1) -> list[dict[str, Any]]:
    """One target row per size: check / build wall time, with both times shown."""
    rows = []
    for n_items in sizes:
        folder = work / f"check{n_items}"
        manifest = generate.write_deck(n_items, SEED, folder)
        deck = Deck(folder, manifest, [folder / "source" / "synthetic.md"], jobs=1)
        checks, builds = Series(), Series()
        for attempt in range(repeat):
            _log(f"[check {n_items}] check and build ({attempt + 1}/{repeat})")
            deck.reset()
            relative = str(manifest.relative_to(folder))
            check = checks.add(spawn(deckbuilder("check", relative), cwd=folder, env=deck.env))
            if not check.ok:
                _log(f"  check failed (exit {check.returncode}):\n{check.output[-2000:]}")
            deck.reset()
            builds.add(deck.build())
        ratio = _ratio(checks.seconds(), builds.seconds())
        label = f"{n_items // 1000}k" if n_items >= 1000 else str(n_items)
        rows.append(
            {
                "target": f"{label} check / build",
                "value": ratio,
                "shown": f"{_fmt(ratio)}x (check {_cell(checks)}, build {_cell(builds)})",
                "limit": f"<= {CHECK_RATIO:g}x",
                "verdict": _verdict(ratio, CHECK_RATIO),
                "check": checks.summary(),
                "build": builds.summary(),
            }
        )
        shutil.rmtree(folder, ignore_errors=True)
    return rows


def targets(
    sizes: dict[int, dict[str, Any]],
    sections: dict[str, Any] | None,
    fixed: dict[str, Any] | None,
) -> list[dict[str, Any]]:
    """The issue's targets: the size ones at the largest size run (100k in `make bench`)."""
    rows: list[dict[str, Any]] = []
    if sizes:
        n = max(sizes)
        s = sizes[n]["_series"]
        label = f"{n // 1000}k" if n >= 1000 else str(n)
        floor = _sum(s["parse"].seconds(), s["floor"].seconds())
        one = _ratio(s["full"].seconds(), floor)
        one_cpu = _ratio(s["full"].cpu(), _sum(s["parse"].cpu(), s["floor"].cpu()))
        rows.append(
            _row(
                f"{label}, one document, one core / (parse + floor)",
                one,
                f"{_fmt(one, 3)}x (CPU time: {_fmt(one_cpu, 3)}x)",
                f"<= {FLOOR_ONE_CORE}x",
                FLOOR_ONE_CORE,
            )
        )
        course_floor = _sum(s["multi_parse"].seconds(), s["multi_floor"].seconds())
        two = _ratio(s["multi_full"].seconds(), course_floor)
        documents = sizes[n]["multi_documents"]
        rows.append(
            _row(
                f"{label} as {documents} documents, --jobs 2 / (parse + floor)",
                two,
                f"{_fmt(two, 3)}x",
                f"<= {FLOOR_TWO_CORES}x",
                FLOOR_TWO_CORES,
            )
        )
        rss, parse_rss = s["full"].rss(), s["parse"].rss()
        bound = None if parse_rss is None else RSS_OF_PARSE * parse_rss + RSS_MARGIN_MB
        rows.append(
            _row(
                f"{label}, one document, peak RSS",
                rss,
                f"{_fmt(rss, 0)} MB (parse alone: {_fmt(parse_rss, 0)} MB)",
                f"<= {RSS_OF_PARSE} x parse + {RSS_MARGIN_MB} MB = {_fmt(bound, 0)} MB",
                bound if bound is not None else 0.0,
            )
        )
        course_rss = s["multi_full"].rss()
        rows.append(
            _row(
                f"{label} as {documents} documents, --jobs 2, peak RSS (all processes)",
                course_rss,
                f"{_fmt(course_rss, 0)} MB",
                f"<= {COURSE_RSS_MB} MB",
                COURSE_RSS_MB,
            )
        )
        for small in sorted(sizes):
            if small * 10 in sizes:
                big = small * 10
                ratio = _ratio(
                    sizes[big]["_series"]["full"].seconds(),
                    sizes[small]["_series"]["full"].seconds(),
                )
                names = f"{big // 1000}k / {max(small // 1000, 1)}k" if small >= 1000 else ""
                rows.append(
                    _row(
                        f"full build time {names or f'{big} / {small}'}",
                        ratio,
                        _fmt(ratio),
                        f"<= {SCALING}",
                        SCALING,
                    )
                )
        noop = _ratio(s["noop"].seconds(), s["full"].seconds())
        rows.append(
            _row(
                f"{label} no-op rebuild / full build",
                noop,
                _fmt(None if noop is None else noop * 100, 0, "%"),
                f"<= {NOOP_SHARE:.0%}",
                NOOP_SHARE,
            )
        )
    if sections:
        many, few = sections["_series"][SECTIONS], sections["_series"][FEW_SECTIONS]
        label = f"{sections['items'] // 1000}k items"
        floor = _sum(many["parse"].seconds(), many["floor"].seconds())
        ratio = _ratio(many["build"].seconds(), floor)
        rows.append(
            _row(
                f"{label} in {SECTIONS:,} sections, zero-config, one core / (parse + floor)",
                ratio,
                f"{_fmt(ratio, 3)}x",
                f"<= {SECTIONS_FLOOR}x",
                SECTIONS_FLOOR,
            )
        )
        spread = _ratio(many["build"].seconds(), few["build"].seconds())
        rows.append(
            _row(
                f"{label}: {SECTIONS:,} sections / {FEW_SECTIONS} sections",
                spread,
                f"{_fmt(spread, 3)}x ({_fmt(many['build'].seconds())} s vs "
                f"{_fmt(few['build'].seconds())} s)",
                f"<= {SECTIONS_RATIO}x",
                SECTIONS_RATIO,
            )
        )
    if fixed:
        f = fixed["_series"]
        helps = _ratio(f["help"].seconds(), f["click"].seconds())
        rows.append(
            _row(
                "deckbuilder --help / python -c 'import click'",
                helps,
                f"{_fmt(helps)}x ({_fmt(f['help'].seconds(), 3)} s "
                f"vs {_fmt(f['click'].seconds(), 3)} s)",
                f"<= {HELP_RATIO}x",
                HELP_RATIO,
            )
        )
    return rows


def _cell(series: Series) -> str:
    return "FAILED" if series.failed else f"{_fmt(series.seconds())} s"


def size_table(sizes: dict[int, dict[str, Any]]) -> str:
    header = (
        "| items | source | notes / cards | parse (block pass) | floor | build, one core (CPU) "
        "| build / (parse + floor) | peak RSS build (parse) | no-op rebuild "
        "| 10 documents --jobs 2 (their parse + floor) | its peak RSS |"
    )
    lines = [header, "|" + "---|" * 11]
    for n in sorted(sizes):
        r, s = sizes[n], sizes[n]["_series"]
        floor = _sum(s["parse"].seconds(), s["floor"].seconds())
        full = s["full"]
        full_text = "FAILED" if full.failed else f"{_fmt(full.seconds())} s ({_fmt(full.cpu())} s)"
        course_floor = _sum(s["multi_parse"].seconds(), s["multi_floor"].seconds())
        lines.append(
            "| "
            + " | ".join(
                [
                    f"{n:,}",
                    f"{r['source_bytes'] / 1e6:.1f} MB",
                    f"{r['notes'] or '—'} / {r['cards'] or '—'}",
                    f"{_fmt(s['parse'].seconds())} s ({_fmt(s['parse_blocks'].seconds())} s)",
                    f"{_fmt(s['floor'].seconds())} s",
                    full_text,
                    f"{_fmt(_ratio(full.seconds(), floor))}x",
                    f"{_fmt(full.rss(), 0)} MB ({_fmt(s['parse'].rss(), 0)} MB)",
                    _cell(s["noop"]),
                    f"{_cell(s['multi_full'])} ({_fmt(course_floor)} s)",
                    f"{_fmt(s['multi_full'].rss(), 0)} MB",
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def target_table(rows: list[dict[str, Any]]) -> str:
    lines = ["| target | measured | limit | verdict |", "|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['target']} | {row['shown']} | {row['limit']} | {row['verdict']} |")
    return "\n".join(lines)


def gc_table(gc: dict[str, Any]) -> str:
    lines = [
        f"| gc mode ({gc['items']:,} items) | full build | CPU | peak RSS |",
        "|---|---|---|---|",
    ]
    for mode, data in gc.items():
        if mode == "items":
            continue
        lines.append(
            f"| {mode} | {_fmt(data['median_seconds'])} s | {_fmt(data['median_cpu_seconds'])} s "
            f"| {_fmt(data['peak_rss_mb'], 0)} MB |"
        )
    return "\n".join(lines)


def _strip(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _strip(v) for k, v in value.items() if k != "_series"}
    if isinstance(value, list):
        return [_strip(v) for v in value]
    return value


def _git(*args: str) -> str:
    try:
        return subprocess.run(
            ["git", *args], cwd=ROOT, capture_output=True, text=True, check=False
        ).stdout.strip()
    except OSError:  # pragma: no cover
        return ""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000", help="item counts, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement (median)")
    parser.add_argument(
        "--large-repeat",
        type=int,
        default=2,
        help=f"full-build and parse runs at sizes >= {LARGE:,} (the no-op rebuild runs once there)",
    )
    parser.add_argument("--no-fixed", action="store_true", help="skip the --help timing")
    parser.add_argument(
        "--sections",
        type=int,
        default=50_000,
        help=f"items of the zero-config document in {SECTIONS:,} and {FEW_SECTIONS} sections "
        "(0 skips it)",
    )
    parser.add_argument(
        "--gc-modes",
        default="",
        help="also time the full build under these gc modes: "
        "default,enabled,disable,freeze,threshold (see benchmarks/workers.py)",
    )
    parser.add_argument("--gc-size", type=int, default=10_000, help="items for --gc-modes")
    # issue 16, item 3: check against build (benchmarks/check.py)
    parser.add_argument("--check-sizes", default="10000,50000", help="'' skips check / build")
    parser.add_argument(
        "--no-preview", action="store_true", help="skip the 40,000-card preview in Chromium"
    )
    parser.add_argument("--output", type=Path, default=RESULTS, help="JSON results file")
    parser.add_argument("--keep", action="store_true", help="keep the generated work folder")
    parser.add_argument(
        "--live",
        action="store_true",
        help="import builder/ from the repository during the run instead of a snapshot",
    )
    args = parser.parse_args(argv)
    sizes_wanted = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]

    work = Path(tempfile.mkdtemp(prefix="deckbuilder-bench-"))
    started = time.perf_counter()
    repo_code = builder_fingerprint(ROOT)
    if not args.live:
        take_snapshot(work)
    meta = {
        "date": time.strftime("%Y-%m-%d %H:%M:%S %z"),
        "commit": _git("rev-parse", "--short", "HEAD"),
        "builder_dirty": bool(_git("status", "--porcelain", "builder")),
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": os.cpu_count(),
        "repeat": args.repeat,
        "large_repeat": args.large_repeat,
        "seed": SEED,
        "source_date_epoch": EPOCH,
        "builder_code": builder_fingerprint(),
        "snapshot": not args.live,
    }
    sizes: dict[int, dict[str, Any]] = {}
    fixed = None
    sections = None
    gc = None
    try:
        for n in sorted(sizes_wanted):
            sizes[n] = measure_size(n, work, args.repeat, args.large_repeat)
        if args.sections:
            sections = measure_sections(args.sections, work, args.large_repeat)
        if not args.no_fixed:
            fixed = measure_fixed(work, args.repeat)
        if args.gc_modes:
            modes = [mode.strip() for mode in args.gc_modes.split(",") if mode.strip()]
            gc = measure_gc(args.gc_size, work, modes, args.repeat)
        # issue 16, item 3: check against build
        check_sizes = tuple(int(n) for n in args.check_sizes.split(",") if n.strip())
        check_rows = measure_check(check_sizes, work) if check_sizes else []
        previewed = None if args.no_preview else preview.measure_preview(work, args.repeat)
    finally:
        if args.keep:
            _log(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    meta["repository_builder_changed_during_run"] = builder_fingerprint(ROOT) != repo_code
    meta["elapsed_seconds"] = round(time.perf_counter() - started, 1)
    meta["load_average_end"] = _loadavg()

    rows = targets(sizes, sections, fixed) + check_rows  # issue 16, item 3: check / build rows
    rows += preview.rows(previewed) if previewed else []  # issue 16: the 40,000-card preview
    print(
        f"\ndeckbuilder benchmarks — {meta['date']}, commit {meta['commit']}"
        f"{' (builder/ modified)' if meta['builder_dirty'] else ''}, builder code "
        f"{meta['builder_code']}{' (snapshot)' if meta['snapshot'] else ''}, "
        f"Python {meta['python']}, "
        f"{meta['cpus']} CPUs, {meta['elapsed_seconds']:.0f} s in all, "
        f"load average at end {meta['load_average_end']:.1f}\n"
    )
    moved = [n for n, r in sizes.items() if len(set(r["builder_code"])) > 1]
    if moved:
        print(
            "WARNING: builder/ changed while these sizes ran, so their numbers mix code versions "
            f"(and caches were invalidated): {', '.join(f'{n:,}' for n in sorted(moved))}\n"
        )
    if sizes:
        print("Medians; seconds are wall time (CPU time in parentheses). parse and floor are")
        print("timed inside their process (no interpreter start-up); builds from the parent.\n")
        print(size_table(sizes))
        print()
    print(target_table(rows))
    if gc:
        print()
        print(gc_table(gc))
    data = {
        "meta": meta,
        "sizes": {str(n): _strip(result) for n, result in sizes.items()},
        "sections": _strip(sections),
        "fixed": _strip(fixed),
        "gc": gc,
        "preview": previewed,
        "targets": [
            {k: v for k, v in row.items() if k != "shown"} | {"measured": row["shown"]}
            for row in rows
        ],
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    print(f"\nwritten: {args.output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
