"""`deckbuilder serve` without a browser: what it binds to, what it refuses, what each build shows.

The page in Chromium (live updates, errors, screenshots) is in tests/test_serve_browser.py.
"""

from __future__ import annotations

import base64
import html
import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from builder import load_manifest, manifest_for_source, plan_deck
from builder.cli import cli
from builder.serve import Build, Deck, DeckServer
from tests.conftest import ROOT, SEED_MANIFEST, copy_project
from tests.import_support import png

SOURCE = "source/breast-cancer-liver-metastasis.md"
SECRET = "TOP-SECRET-4417"


def request(
    server: DeckServer, target: str, host: str | None = None, method: str = "GET"
) -> tuple[int, bytes]:
    """Status and body of one request sent exactly as written (no normalising of the path)."""
    connection = http.client.HTTPConnection(*server.address, timeout=10)
    try:
        connection.putrequest(method, target, skip_host=True, skip_accept_encoding=True)
        connection.putheader("Host", host or f"127.0.0.1:{server.port}")
        connection.endheaders()
        response = connection.getresponse()
        return response.status, response.read()
    finally:
        connection.close()


def event_data(build: Build) -> dict[str, Any]:
    """The page data a build sends to open pages."""
    text = build.event.decode("utf-8")
    data: dict[str, Any] = json.loads(text.split("\ndata: ", 1)[1])
    return data


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DeckServer]:
    """The seed deck served from a copy, a secret beside its folders (one server per module)."""
    project = copy_project(tmp_path_factory.mktemp("served"))
    (project / "secret.txt").write_text(SECRET, encoding="utf-8")
    (project / "source" / "secret.md").write_text(f"# {SECRET}\n", encoding="utf-8")
    manifest = project / SEED_MANIFEST
    with DeckServer(manifest, lambda: load_manifest(manifest), log=lambda line: None) as served:
        served.start()
        yield served


def test_it_listens_on_loopback_only(server: DeckServer) -> None:
    assert server.address[0] == "127.0.0.1"
    assert server.url == f"http://127.0.0.1:{server.port}/"
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("192.0.2.1", 9))  # no packet is sent: this only picks the outward address
        outward = probe.getsockname()[0]
    except OSError:
        outward = "127.0.0.1"
    finally:
        probe.close()
    if outward.startswith("127."):
        pytest.skip("this machine has no address but loopback to try")
    with pytest.raises(OSError):
        socket.create_connection((outward, server.port), timeout=2).close()


def test_the_page_and_a_source_line_are_served(server: DeckServer) -> None:
    status, body = request(server, "/")
    assert status == 200 and body.startswith(b"<!DOCTYPE html>")
    assert "connect-src 'self'" in html.unescape(body.decode("utf-8"))
    plan_line = next(
        line
        for line, text in enumerate((server.deck.target.parent.parent / SOURCE).open(), 1)
        if text.startswith("### What is breast cancer metastasis")
    )
    status, body = request(server, f"/source?path={SOURCE}&line={plan_line}")
    assert status == 200
    shown = json.loads(body)
    assert shown["path"] == SOURCE and shown["line"] == plan_line
    here = shown["lines"][plan_line - shown["first"]]
    assert here.startswith("### What is breast cancer metastasis")


REFUSED = [
    "/etc/passwd",
    "/../../../../etc/passwd",
    "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/..%2f..%2f..%2fetc%2fpasswd",
    "/%252e%252e/%252e%252e/etc/passwd",
    "/..%5c..%5c..%5cetc%5cpasswd",
    "/..\\..\\..\\etc\\passwd",
    "//etc/passwd",
    "http://127.0.0.1/etc/passwd",
    "/secret.txt",
    "/../secret.txt",
    "/source/secret.md",
    "/decks/breast-cancer-liver-metastasis.toml",
    "/source?path=/etc/passwd&line=1",
    "/source?path=../secret.txt&line=1",
    "/source?path=..%2fsecret.txt&line=1",
    "/source?path=source/secret.md&line=1",
    "/source?path=source/../secret.txt&line=1",
    f"/source?path={SOURCE}/../../secret.txt&line=1",
    f"/source?path={SOURCE}&line=0",
    f"/source?path={SOURCE}&line=-1",
    f"/source?path={SOURCE}&line=99999",
    "/events/../secret.txt",
    "/./secret.txt",
    "/index.html",
]


@pytest.mark.parametrize("target", REFUSED)
def test_nothing_else_is_served(server: DeckServer, target: str) -> None:
    status, body = request(server, target)
    assert status in (400, 404), (target, status)
    assert SECRET.encode() not in body and b"root:" not in body


def test_an_absolute_path_of_a_real_source_is_refused(server: DeckServer) -> None:
    path = (server.deck.target.parent.parent / SOURCE).resolve()
    status, body = request(server, f"/source?path={path}&line=1")
    assert status == 404 and b"Breast" not in body


def test_another_host_and_other_methods_are_refused(server: DeckServer) -> None:
    """A page elsewhere that rebinds its name to 127.0.0.1 names itself in Host: refused."""
    assert request(server, "/", host="attacker.example")[0] == 403
    assert request(server, "/", host=f"attacker.example:{server.port}")[0] == 403
    assert request(server, "/", host=f"localhost:{server.port}")[0] == 200
    for method in ("POST", "PUT", "DELETE", "HEAD"):
        assert request(server, "/", method=method)[0] == 501


def test_events_send_each_build_once(server: DeckServer) -> None:
    first = server.hub.build
    assert first is not None
    connection = socket.create_connection(server.address, timeout=10)
    try:
        host = f"127.0.0.1:{server.port}"
        connection.sendall(
            f"GET /events?since={first.id} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
        )
        server.rebuild()
        second = server.hub.build
        assert second is not None and second.id != first.id
        received = b""
        while second.event not in received:
            chunk = connection.recv(65536)
            assert chunk, received[-200:]
            received += chunk
    finally:
        connection.close()
    assert b"text/event-stream" in received
    assert received.count(b"\nevent: deck\n") == 1  # the page had the first build already


def test_serving_writes_nothing(project: Path) -> None:
    before = {path: path.read_bytes() for path in sorted(project.rglob("*")) if path.is_file()}
    manifest = project / SEED_MANIFEST
    (project / "decks" / "breast-cancer-liver-metastasis.lock").unlink()  # a first build's state
    del before[project / "decks" / "breast-cancer-liver-metastasis.lock"]
    with DeckServer(manifest, lambda: load_manifest(manifest), log=lambda line: None) as served:
        served.start()
        served.rebuild()
    after = {path: path.read_bytes() for path in sorted(project.rglob("*")) if path.is_file()}
    assert after == before


ASTHMA = """# Asthma

## Drugs

| Drug | Use | Action |
|---|---|---|
| Salbutamol | relief | {long} |
| Budesonide | control | inhaled steroid |

## FAQ

### How is asthma diagnosed?

Spirometry before and after a bronchodilator.
"""


def test_problems_go_to_their_cards_and_changes_are_marked(tmp_path: Path) -> None:
    source = tmp_path / "asthma.md"
    long = " ".join(["word"] * 90)
    source.write_text(ASTHMA.format(long=long), encoding="utf-8")
    deck = Deck(source, lambda: manifest_for_source(source))
    published: list[Build] = []
    data = event_data(deck.build(published.append))
    assert published == []  # a small deck is checked at once: one build, one event

    strings, cards = data["t"], data["cards"]
    [issue] = data["issues"]
    severity, code, _, places = issue
    assert (severity, code) == ("warning", "LONG-ANSWER")
    # The row makes a note per column, all at the same line: only the long cell's has it.
    row = [place for place, card in enumerate(cards) if card[4] == 7]
    assert len(row) >= 2 and places and set(places) < set(row)
    for place in places:
        assert "word word" in "\n".join(strings[i] for i in cards[place][8])
    assert data["marks"] == {} and data["live"]["state"] == "ok"

    source.write_text(
        ASTHMA.format(long="quick relief")
        + "\n### What triggers asthma?\n\nAllergens and smoke.\n",
        encoding="utf-8",
    )
    again = event_data(deck.build(published.append))
    assert again["issues"] == []
    marks = again["marks"]
    fronts = {
        place: "\n".join(again["t"][i] for i in again["cards"][int(place)][7]) for place in marks
    }
    assert sorted(marks.values()) == ["changed", "new"], fronts
    assert any("What triggers asthma" in front for front in fronts.values())
    assert any("Salbutamol" in front for front in fronts.values())


def test_a_build_warning_shows_once_above_the_cards(tmp_path: Path) -> None:
    """`check` lists the build's warnings (BUILD-WARNING); the page shows them at the top,
    so its card problems leave them out rather than say each twice."""
    source = tmp_path / "asthma.md"
    source.write_text(ASTHMA.format(long="quick relief") + "\n## Empty heading\n", encoding="utf-8")
    data = event_data(Deck(source, lambda: manifest_for_source(source)).build(lambda b: None))
    page = data["live"]["html"]
    assert page.count("Empty heading") == 1 and "has no content" in page
    assert "check: 0 errors, 0 warnings" in page
    assert [issue for issue in data["issues"] if issue[1] == "BUILD-WARNING"] == []


def test_a_failed_build_keeps_the_last_good_cards_and_names_the_line(tmp_path: Path) -> None:
    source = tmp_path / "asthma.md"
    source.write_text(ASTHMA.format(long="relief"), encoding="utf-8")
    deck = Deck(source, lambda: manifest_for_source(source))
    good = event_data(deck.build(lambda build: None))
    bad_row = "\n\n| " + " | ".join("x" * 65) + " |\n|" + "---|" * 65 + "\n"  # too wide: an error
    source.write_text(ASTHMA.format(long="relief") + bad_row, encoding="utf-8")
    failed = deck.build(lambda build: None)
    data = event_data(failed)
    assert data["live"]["state"] == "failed" and data["live"]["stale"] is True
    assert data["cards"] == good["cards"]
    assert "<code>asthma.md:" in data["live"]["html"] or f"<code>{source}:" in data["live"]["html"]
    assert "build failed" in failed.summary
    source.write_text(ASTHMA.format(long="relief"), encoding="utf-8")
    assert event_data(deck.build(lambda build: None))["live"]["state"] == "ok"


def _ignore_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.mark.parametrize("background", [False, True], ids=["terminal", "background-job"])
def test_cli_serve_prints_the_url_and_stops_on_ctrl_c(project: Path, background: bool) -> None:
    """Ctrl-C stops it; so does `kill -INT` when a shell started it as a background job (which
    starts it with SIGINT ignored)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "builder", "serve"],  # the one deck in decks/
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
        preexec_fn=_ignore_sigint if background else None,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("Serving Breast Cancer Liver Metastasis at http://127.0.0.1:"), line
        url = line.split(" at ", 1)[1].split()[0]
        port = int(url.rsplit(":", 1)[1].strip("/"))
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        connection.request("GET", "/")
        assert connection.getresponse().status == 200
        connection.close()
        process.send_signal(signal.SIGINT)
        out, err = process.communicate(timeout=20)
    finally:
        process.kill()
    assert process.returncode == 0, err
    assert out.strip() == "stopped"
    plan = plan_deck(load_manifest(project / SEED_MANIFEST))
    assert "Traceback" not in err and f"built: {len(plan.notes)} notes, {plan.cards} cards" in err
    assert not (project / "dist").exists()


def test_cli_serve_on_a_busy_port_is_one_line(project: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        result = CliRunner().invoke(cli, ["serve", SEED_MANIFEST, "--port", str(port)])
    assert result.exit_code == 1, result.output
    assert result.output.startswith(f"error: cannot listen on 127.0.0.1:{port}: ")
    assert len(result.output.splitlines()) == 1


def wait_for(server: DeckServer, seen: Build | None, timeout: float = 15.0) -> Build:
    """The first build after `seen` (polling; a loaded machine may take a while)."""
    deadline = time.monotonic() + timeout
    while server.hub.build is seen or server.hub.build is None:
        assert time.monotonic() < deadline, "no rebuild after the change"
        time.sleep(0.02)
    return server.hub.build


def test_saves_in_place_and_changed_images_rebuild(tmp_path: Path) -> None:
    """An editor that rewrites the file in place, and an image replaced beside the document.

    A write in place may be seen half done (a build of the truncated file); the next batch of
    changes brings the whole file, so only the state the page ends in is asserted.
    """
    source = tmp_path / "notes.md"
    image = tmp_path / "liver.png"
    first, second = png(rgb=(200, 40, 40)), png(rgb=(40, 200, 40))
    image.write_bytes(first)
    faq = "# Liver\n\n## FAQ\n\n### What does it look like?\n\nLike this: ![liver](liver.png)\n"
    source.write_text(faq, encoding="utf-8")
    inlined = base64.b64encode(second).decode("ascii")
    with DeckServer(source, lambda: manifest_for_source(source), log=lambda line: None) as server:
        server.start()
        build = server.hub.build
        assert build is not None and "1 note, 1 card" in build.summary
        with source.open("w", encoding="utf-8") as stream:  # truncated, then written
            stream.write(faq + "\n### Where is it?\n\nUnder the right ribs.\n")
        while "built: 2 notes" not in build.summary:
            build = wait_for(server, build)
        image.write_bytes(second)
        while not any(inlined in text for text in event_data(build)["t"]):
            build = wait_for(server, build)
        data = event_data(build)
        assert data["live"]["state"] == "ok"
        assert data["marks"] == {"0": "changed"}  # the card that shows the image


def test_a_check_that_fails_shows_as_the_error(project: Path) -> None:
    """`check` itself can refuse the manifest (a `forbid` regex that does not compile)."""
    manifest = project / SEED_MANIFEST
    text = manifest.read_text(encoding="utf-8")
    manifest.write_text(text.replace('forbid = ["', 'forbid = ["/[oops/", "', 1), "utf-8")
    deck = Deck(manifest, lambda: load_manifest(manifest))
    data = event_data(deck.build(lambda build: None))
    assert data["live"]["state"] == "failed"
    assert (
        "forbid pattern &#x27;/[oops/&#x27; is not a valid regular expression"
        in data["live"]["html"]
    )
    manifest.write_text(text, "utf-8")
    assert event_data(deck.build(lambda build: None))["live"]["state"] == "ok"


def test_cli_serve_names_the_decks_when_it_cannot_choose(project: Path) -> None:
    second = project / "decks" / "second.toml"
    second.write_text((project / SEED_MANIFEST).read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["serve"])
    assert result.exit_code == 2, result.output
    assert result.output.strip() == (
        "error: decks: several decks to serve: name one of "
        "decks/breast-cancer-liver-metastasis.toml, decks/second.toml"
    )
