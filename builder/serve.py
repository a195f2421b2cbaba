"""`deckbuilder serve`: the deck's preview as a local web page that follows every save.

The page is the preview (preview.py) with the build's warnings and errors at the top and each
card's `check` problems beside it. A watcher sees the manifest, its sources, the lock and the
images change; the deck is planned again (`plan_deck`: nothing is written, neither package nor
lock) and checked, and the open page, told through server-sent events, draws the new cards where
the reader was, marking those that changed since the last save. A build that fails shows its
error above the last good cards, and the server waits for the next save.

The watcher is watchfiles (Rust's `notify`: inotify, FSEvents, ReadDirectoryChangesW, polling as
a fallback): it groups the burst of events one save makes (an editor writes a temporary file and
renames it) into one batch, so a save is one rebuild, and it stops on an event, so Ctrl-C ends
the server at once. Folders are watched, not files, so a save by rename is seen too.

The server listens on 127.0.0.1 only and answers three requests: the page (`/`), its events
(`/events`) and the Markdown around a card's source line (`/source?path=...&line=...`, looked up
among the deck's own sources as the build read them). It serves no file, so no path of a request
ever reaches the disk; a request for anything else, or whose Host is not this server (a page
elsewhere trying DNS rebinding), is refused.
"""

from __future__ import annotations

import html
import json
import re
import secrets
import threading
import time
import traceback
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as Pending
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePath
from typing import Any
from urllib.parse import parse_qs, urlsplit

from .build import DeckPlan, plan_deck
from .errors import BuilderError, ExportError
from .lint import Problem, check_notes
from .manifest import Manifest
from .media import IMAGE_TYPES
from .preview import (
    PageData,
    content_security_policy,
    empty_page_data,
    page_data,
    page_html,
    script_json,
)

HOST = "127.0.0.1"
"""The only address the server listens on: the page shows a teacher's sources to whoever asks."""
CHECK_WAIT = 0.5
"""Seconds a rebuild waits for `check` before showing the cards without its problems."""
KEEP_ALIVE = 15.0
"""Seconds between comments on an idle event stream (a closed tab is noticed by the write)."""
LINES_BEFORE, LINES_AFTER = 4, 12
"""Markdown lines shown above and below a card's source line."""
CHANGES_LISTED = 12
"""Changed cards linked by number at the top of the page; more are counted."""


@dataclass(frozen=True, slots=True)
class Build:
    """One state of the page: what the last save made of the deck."""

    id: str
    """`<server token>-<number>`: the id of its event, so a page reconnecting gets what it lacks."""
    page: bytes
    event: bytes
    summary: str
    """What the terminal shows of it: a line, and the build's warnings or errors under it."""
    sources: dict[str, list[str]]
    """Each source's lines as this build read them, by the path cards cite."""


Load = Callable[[], Manifest]


class Deck:
    """Builds the page data of a deck again and again, remembering the last good build."""

    def __init__(self, target: Path, load: Load) -> None:
        self.target = target
        self.load = load
        self.token = secrets.token_hex(4)
        self.number = 0
        self.inputs: frozenset[Path] = _paths([target])
        """Files whose change calls for a rebuild (the manifest, sources, lock, images)."""
        self.title = target.stem
        self._good: dict[str, Any] | None = None
        self._good_when = ""
        self._good_sources: dict[str, list[str]] = {}
        self._fingerprints: dict[str, int] | None = None
        self._marked: dict[str, str] = {}
        self.read: dict[Path, tuple[int, int]] = {}
        """The inputs' `signature()` as the last build read them."""

    def signature(self) -> dict[Path, tuple[int, int]]:
        """(mtime, size) of each input: a change the watcher missed shows as a difference."""
        out = {}
        for path in self.inputs:
            try:
                stat = path.stat()
            except OSError:
                continue
            out[path] = (stat.st_mtime_ns, stat.st_size)
        return out

    def build(self, publish: Callable[[Build], None]) -> Build:
        """Plan and check the deck and make its page; a failure makes a page of its error.

        When `check` is slow (a large deck), the cards are published first, then the whole build
        is returned once the problems are known.
        """
        try:
            return self._build(publish)
        except BuilderError as error:
            return self._failed(str(error).splitlines())
        except Exception as error:  # a bug must not stop the server; the terminal gets it all
            traceback.print_exc()
            message = f"internal error: {type(error).__name__}: {error} (details in the terminal)"
            return self._failed([message])

    def _build(self, publish: Callable[[Build], None]) -> Build:
        started = time.monotonic()
        manifest = self.load()
        self.title = manifest.title
        self.inputs = _paths([self.target, *_manifest_inputs(manifest)])
        self.read = self.signature()
        plan = plan_deck(manifest)
        self.inputs = _paths([*self.inputs, *(Path(image) for image in plan.contents.images)])
        sources = _read_sources(plan)
        data = page_data(plan)
        built, when = time.monotonic() - started, time.strftime("%H:%M:%S")
        keys = [f"{plan.notes[note].stamp.guid}:{ordinal}" for note, ordinal in data.cards]
        live = _Live(
            when, built, plan.warnings, len(plan.notes), len(keys), self._marks(data, keys)
        )
        with ThreadPoolExecutor(max_workers=1) as pool:
            # the notes' problems: the build's warnings are shown above them already
            notes = [packaged.note for packaged in plan.notes]
            checking = pool.submit(check_notes, notes, plan.manifest)
            try:
                problems = checking.result(timeout=CHECK_WAIT)
            except Pending:  # a large deck: show its cards now, its problems when they are known
                publish(self._good_build(data, keys, sources, live, None))
                problems = checking.result()
        return self._good_build(data, keys, sources, live, _issues(problems, plan, data))

    def _marks(self, data: PageData, keys: list[str]) -> dict[str, str]:
        """Cards new or changed by the last save that changed any, by place: "new" or
        "changed" (against the last good build)."""
        strings, decks = data.data["t"], data.data["decks"]
        fingerprints = {
            key: hash(
                (
                    decks[card[0]][2],
                    strings[card[1]],
                    tuple(strings[i] for i in card[5]),
                    tuple(strings[i] for i in card[7]),
                    tuple(strings[i] for i in card[8]),
                )
            )
            for key, card in zip(keys, data.data["cards"], strict=True)
        }
        before, self._fingerprints = self._fingerprints, fingerprints
        if before is None:
            return {}
        if list(before.items()) == list(fingerprints.items()):
            return self._marked  # saved again unchanged (or in two writes): the marks stay
        self._marked = {
            str(place): "new" if key not in before else "changed"
            for place, key in enumerate(keys)
            if before.get(key) != fingerprints[key]
        }
        return self._marked

    def _good_build(
        self,
        data: PageData,
        keys: list[str],
        sources: dict[str, list[str]],
        live: _Live,
        issues: list[list[Any]] | None,
    ) -> Build:
        fields = {**data.data, "keys": keys, "marks": live.marks, "issues": issues or []}
        self._good, self._good_when, self._good_sources = fields, live.when, sources
        state = "checking" if issues is None else "ok"
        return self._make(fields, state, live.html(issues), sources, live.summary(issues))

    def _failed(self, errors: list[str]) -> Build:
        when = time.strftime("%H:%M:%S")
        if self._good is None:
            fields = empty_page_data(self.title)
            shown = ""
        else:
            fields = {**self._good, "marks": {}}
            shown = f" The cards below are the last good build ({self._good_when})."
        head = (
            f'<p class="pv-state"><b>The build failed</b> at {when}: fix the line below and '
            f"save; the page follows.{shown}</p>"
        )
        items = "".join(_message_html(line, "error") for line in errors)
        status = f'{head}<ul class="pv-msgs">{items}</ul>'
        summary = "build failed: " + "\n  ".join(errors)
        return self._make(fields, "failed", status, self._good_sources, summary)

    def _make(
        self,
        fields: dict[str, Any],
        state: str,
        status: str,
        sources: dict[str, list[str]],
        summary: str,
    ) -> Build:
        self.number += 1
        build_id = f"{self.token}-{self.number}"
        live = {"id": build_id, "state": state, "html": status, "stale": state == "failed"}
        data = {**fields, "live": live}
        event = f"id: {build_id}\nevent: deck\ndata: {script_json(data)}\n\n"
        return Build(
            build_id,
            page_html(data, live=True).encode("utf-8"),
            event.encode("utf-8"),
            summary,
            sources,
        )


@dataclass(frozen=True, slots=True)
class _Live:
    """What a good build tells the teacher at the top of the page and in the terminal."""

    when: str
    took: float
    warnings: list[str]
    notes: int
    cards: int
    marks: dict[str, str]

    def summary(self, issues: list[list[Any]] | None) -> str:
        counts = f"{_count(self.notes, 'note')}, {_count(self.cards, 'card')}"
        line = f"built: {counts} in {self.took:.2f} s"
        if self.marks:
            line += f", {len(self.marks)} changed"
        return "\n  ".join([f"{line}; {_checked(issues)}", *self.warnings])

    def html(self, issues: list[list[Any]] | None) -> str:
        parts = [
            f'<p class="pv-state"><b>Built</b> at {self.when} in {self.took:.2f} s: '
            f"{_count(self.cards, 'card')} · {_checked(issues)}</p>"
        ]
        if self.warnings:
            items = "".join(_message_html(line, "warning") for line in self.warnings)
            parts.append(f'<ul class="pv-msgs">{items}</ul>')
        if issues:
            codes: dict[str, int] = {}
            for issue in issues:
                codes[issue[1]] = codes.get(issue[1], 0) + 1
            buttons = "".join(
                f'<button type="button" data-code="{code}" title="Show only these cards">'
                f"{code} <span>{number}</span></button>"
                for code, number in sorted(codes.items())
            )
            parts.append(f'<p class="pv-codes">Problems: {buttons}</p>')
        if self.marks:
            numbers = sorted(int(place) + 1 for place in self.marks)
            links = " ".join(f'<a href="#card-{n}">#{n}</a>' for n in numbers[:CHANGES_LISTED])
            more = len(numbers) - CHANGES_LISTED
            rest = f" and {more} more" if more > 0 else ""
            parts.append(
                f'<p class="pv-changes">Changed since the last save '
                f"({_count(len(numbers), 'card')}): {links}{rest}</p>"
            )
        return "".join(parts)


_PLACE = re.compile(r"^(.+?:\d+): (.*)$|^([^:\s][^:]*): (.*)$", re.DOTALL)


def _message_html(line: str, severity: str) -> str:
    """`path:line: message` as a list item, the place set apart."""
    match = _PLACE.match(line)
    if match is None:
        return f'<li class="pv-sev-{severity}">{html.escape(line)}</li>'
    place = match.group(1) or match.group(3)
    message = (match.group(2) or match.group(4) or "").removeprefix("warning: ")
    return (
        f'<li class="pv-sev-{severity}"><code>{html.escape(place)}</code> '
        f"{html.escape(message)}</li>"
    )


def _checked(issues: list[list[Any]] | None) -> str:
    if issues is None:
        return "check: running…"
    errors = sum(1 for issue in issues if issue[0] == "error")
    return f"check: {_count(errors, 'error')}, {_count(len(issues) - errors, 'warning')}"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _paths(paths: list[Path]) -> frozenset[Path]:
    """Each path as given (made absolute) and as resolved: a watcher reports the name it saw."""
    return frozenset(form for path in paths for form in (path.absolute(), path.resolve()))


def _manifest_inputs(manifest: Manifest) -> list[Path]:
    return [
        path for path in (manifest.path, *manifest.sources, manifest.lock_path) if path is not None
    ]


def _read_sources(plan: DeckPlan) -> dict[str, list[str]]:
    """Each document's lines, by the path its cards cite (relative, as `Note.source.path`)."""
    cited = {note.note.source.path: PurePath(note.note.source.path).parts for note in plan.notes}
    out = {}
    for document in plan.documents:
        parts = document.path.resolve().parts
        for shown, tail in cited.items():
            if parts[-len(tail) :] == tail:
                text = document.path.read_text(encoding="utf-8-sig", errors="replace")
                out[shown] = text.splitlines()
    return out


def _issues(problems: list[Problem], plan: DeckPlan, data: PageData) -> list[list[Any]]:
    """Each problem as the page shows it: [severity, code, message, card places].

    A problem names a source line; when several notes come from that line, it goes to those of
    them that have it when checked alone (a problem between two notes goes to all of them).
    """
    places: dict[int, list[int]] = {}
    for place, (note, _) in enumerate(data.cards):
        places.setdefault(note, []).append(place)
    at_line: dict[tuple[str, int], list[int]] = {}
    for index, packaged in enumerate(plan.notes):
        source = packaged.note.source
        at_line.setdefault((source.path, source.line), []).append(index)
    alone: dict[int, list[Problem]] = {}

    def own(index: int) -> list[Problem]:
        if index not in alone:
            alone[index] = check_notes([plan.notes[index].note], plan.manifest)
        return alone[index]

    out: list[list[Any]] = []
    for problem in problems:
        notes = at_line.get((problem.path, problem.line), [])
        if len(notes) > 1:
            notes = [index for index in notes if problem in own(index)] or notes
        cards = [place for index in notes for place in places.get(index, [])]
        out.append(
            [problem.severity, html.escape(problem.code), html.escape(problem.message), cards]
        )
    return out


# -- the events -----------------------------------------------------------------------------


class Hub:
    """The latest build, and the pages waiting for the next one."""

    def __init__(self) -> None:
        self._changed = threading.Condition()
        self._build: Build | None = None
        self.closed = False

    @property
    def build(self) -> Build | None:
        return self._build

    def publish(self, build: Build) -> None:
        with self._changed:
            self._build = build
            self._changed.notify_all()

    def close(self) -> None:
        with self._changed:
            self.closed = True
            self._changed.notify_all()

    def after(self, seen: str | None, timeout: float) -> Build | None:
        """The latest build if it is not `seen`, else the next one; None after `timeout`."""
        with self._changed:
            self._changed.wait_for(
                lambda: self.closed or (self._build is not None and self._build.id != seen),
                timeout,
            )
            if self.closed or self._build is None or self._build.id == seen:
                return None
            return self._build


# -- the server -----------------------------------------------------------------------------


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    hub: Hub
    hosts: frozenset[str]


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "deckbuilder-serve"
    sys_version = ""

    def do_GET(self) -> None:
        target = self.path
        host = self.headers.get("Host", "")
        if host.lower() not in self.server.hosts:
            self.send_error(HTTPStatus.FORBIDDEN, "Only this computer's preview is served here")
            return
        if not target.startswith("/") or target.startswith("//"):
            self.send_error(HTTPStatus.BAD_REQUEST, "Bad request target")
            return
        url = urlsplit(target)
        if url.path == "/":
            self._page()
        elif url.path == "/events":
            self._events(parse_qs(url.query))
        elif url.path == "/source":
            self._source(parse_qs(url.query))
        else:
            self.send_error(HTTPStatus.NOT_FOUND, "Only the preview is served here")

    def end_headers(self) -> None:
        for name, value in (
            ("Cache-Control", "no-store"),
            ("X-Content-Type-Options", "nosniff"),
            ("Referrer-Policy", "no-referrer"),
            ("Cross-Origin-Resource-Policy", "same-origin"),
            ("X-Frame-Options", "DENY"),
        ):
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the terminal shows builds, not requests."""

    def _send(self, body: bytes, kind: str, policy: str | None = None) -> None:
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        if policy:
            self.send_header("Content-Security-Policy", policy)
        self.end_headers()
        self.wfile.write(body)

    def _page(self) -> None:
        build = self.server.hub.build
        if build is None:
            self.send_error(HTTPStatus.SERVICE_UNAVAILABLE, "The deck is being built")
            return
        policy = content_security_policy(live=True) + "; frame-ancestors 'none'"
        self._send(build.page, "text/html; charset=utf-8", policy)

    def _events(self, query: dict[str, list[str]]) -> None:
        hub = self.server.hub
        seen = self.headers.get("Last-Event-ID") or next(iter(query.get("since", [])), None)
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.end_headers()
        try:
            self.wfile.write(b"retry: 1000\n\n")
            while not hub.closed:
                build = hub.after(seen, KEEP_ALIVE)
                if build is None:
                    self.wfile.write(b": waiting for a save\n\n")
                    continue
                self.wfile.write(build.event)
                seen = build.id
        except OSError:  # the page was closed or reloaded
            return

    def _source(self, query: dict[str, list[str]]) -> None:
        build = self.server.hub.build
        path = next(iter(query.get("path", [])), "")
        line = next(iter(query.get("line", [])), "")
        lines = build.sources.get(path) if build is not None else None
        if lines is None or not line.isdigit() or not 1 <= int(line) <= max(len(lines), 1):
            self.send_error(HTTPStatus.NOT_FOUND, "No such source line in this deck")
            return
        number = int(line)
        first = max(1, number - LINES_BEFORE)
        shown = lines[first - 1 : number + LINES_AFTER]
        body = {"path": path, "line": number, "first": first, "lines": shown}
        self._send(json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json")


class DeckServer:
    """The preview of one deck, served on 127.0.0.1 and rebuilt on every save.

    `start()` builds the deck, starts watching its files and serving; `close()` (or leaving the
    `with` block) stops all three. `log` gets a line for each build, for the terminal.
    """

    def __init__(
        self, target: Path, load: Load, port: int = 0, log: Callable[[str], None] = print
    ) -> None:
        self.deck = Deck(target, load)
        self.hub = Hub()
        self.log = log
        try:
            self._server = _Server((HOST, port), _Handler)
        except OSError as exc:
            raise ExportError(
                f"cannot listen on {HOST}:{port}: {exc.strerror}; choose another --port "
                "(or leave it out for a free one)"
            ) from exc
        self.port: int = self._server.server_address[1]
        self._server.hub = self.hub
        self._server.hosts = frozenset(f"{name}:{self.port}" for name in (HOST, "localhost"))
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._building = threading.Lock()
        self._threads: list[threading.Thread] = []

    @property
    def url(self) -> str:
        return f"http://{HOST}:{self.port}/"

    @property
    def address(self) -> tuple[str, int]:
        """The (host, port) the server's socket is bound to."""
        host, port = self._server.server_address[:2]
        return str(host), int(port)

    def start(self, ready_within: float = 30.0) -> None:
        """Build, then watch and serve; returns once the watcher sees changes."""
        self.rebuild()
        for name, run in (("watch", self._watch), ("serve", self._serve)):
            thread = threading.Thread(target=run, name=f"deckbuilder-{name}", daemon=True)
            thread.start()
            self._threads.append(thread)
        self._ready.wait(ready_within)

    def rebuild(self) -> None:
        """Build the deck now and show the result (one build at a time)."""
        with self._building:
            self.publish(self.deck.build(self.publish))

    def publish(self, build: Build) -> None:
        self.hub.publish(build)
        self.log(f"{time.strftime('%H:%M:%S')} {build.summary}")

    def wait(self) -> None:
        """Until `close()` (from another thread) or Ctrl-C."""
        while not self._stop.wait(0.5):
            pass

    def close(self) -> None:
        self._stop.set()
        self.hub.close()
        if self._threads:  # shutdown() waits for serve_forever, which start() began
            self._server.shutdown()
        self._server.server_close()
        for thread in self._threads:
            thread.join(timeout=5)

    def __enter__(self) -> DeckServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _serve(self) -> None:
        self._server.serve_forever(poll_interval=0.2)

    def _watch(self) -> None:
        """Rebuild on each batch of changes to the deck's inputs; watch again when they change."""
        while not self._stop.is_set():
            inputs = self.deck.inputs
            folders = sorted({path.parent for path in inputs if path.parent.is_dir()})
            if not folders:
                self._ready.set()
                self._stop.wait(0.5)
                continue
            watching = False
            for changes in _changes(folders, inputs, self._stop):
                if not watching:  # watching from now on: a save made before shows in the files
                    watching = True
                    self._ready.set()
                    if not changes and self.deck.signature() == self.deck.read:
                        continue
                elif not changes:
                    continue
                self.rebuild()
                if self.deck.inputs != inputs:
                    break


def _changes(
    folders: list[Path], inputs: frozenset[Path], stop: threading.Event
) -> Iterator[set[Any]]:
    """Batches of changes to the inputs (an image anywhere in their folders counts: a missing
    one may have just been added); an empty batch every 0.2 s without changes, which tells that
    the watch has begun."""
    import watchfiles

    def wanted(_change: watchfiles.Change, path: str) -> bool:
        changed = Path(path)
        return changed in inputs or changed.suffix.lower() in IMAGE_TYPES

    yield from watchfiles.watch(
        *folders,
        watch_filter=wanted,
        stop_event=stop,
        recursive=False,
        step=50,
        rust_timeout=200,
        yield_on_timeout=True,
        raise_interrupt=False,
    )
