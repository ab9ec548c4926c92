"""Nothing over the network: health data never leaves the machine by accident.

A fresh Python process installs an audit hook (sys.addaudithook) that records and refuses
every network call Python can make: a socket connecting, binding or sending, a name looked
up, a urllib request, an http.client connection. It then runs a representative set of
commands the way tests/conftest.py does, the pictures and reports (matplotlib) among
them, and reports what the hook saw. A control run in the same harness opens a socket, so
the test would fail if the hook saw nothing at all.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from catalogue import ENV, build_diary

HARNESS = r"""
import json, sys

WATCHED = {
    "socket.connect", "socket.bind", "socket.getaddrinfo", "socket.gethostbyname",
    "socket.gethostbyaddr", "socket.sendto", "socket.sendmsg", "urllib.Request",
    "http.client.connect", "ftplib.connect", "smtplib.connect",
}
fired = []


def hook(event, args):
    if event in WATCHED:
        fired.append(event)
        raise RuntimeError(f"ampsdiary opened the network: {event}")


sys.addaudithook(hook)  # before ampsdiary, typer, rich or matplotlib is imported
mode, db, out = sys.argv[1:4]
if mode == "control":
    import socket
    import urllib.request

    for attempt in (
        lambda: socket.getaddrinfo("localhost", 9),
        lambda: socket.socket().connect(("127.0.0.1", 9)),
        lambda: urllib.request.urlopen("http://127.0.0.1:9/", timeout=1),
    ):
        try:
            attempt()
        except Exception:
            pass
else:
    from typer.testing import CliRunner

    from ampsdiary.cli import app

    runs = [
        ["log", "--pain", "3", "--function", "6", "--note", "ok"],
        ["log", "--check-in", "-d", "2026-10-01"],
        ["exercise", "physio", "20"],
        ["show"], ["day", "--json"], ["history", "--added"], ["vocabulary"], ["config", "get"],
        ["summary"], ["trends"], ["recovery", "--json"], ["nudge"],
        ["export", "json", "--out", f"{out}/e.json"], ["export", "--out", f"{out}/b.zip"],
        ["export", "fhir", "--out", f"{out}/f.json"], ["export", "redcap", "--out", f"{out}/rc"],
        ["import", "--dry-run", "--on-conflict", "skip", f"{out}/e.json"],
        ["review", f"{out}/b.zip", "--out", f"{out}/caseload.pdf"],
        ["report", "--out", f"{out}/r.pdf"], ["report", "--out", f"{out}/r.html"],
        ["plot", "recovery", "--out", f"{out}/p.png"],
        ["plot", "calendar", "--out", f"{out}/p.svg"],
    ]
    for args in runs:
        result = CliRunner().invoke(app, ["--db", db, *args], input="\n" * 30)
        if result.exit_code != 0:
            raise SystemExit(f"{args}: {result.output}{result.exception!r}")
print(json.dumps(fired))
"""


def harness(mode: str, tmp_path: Path) -> list[str]:
    script = tmp_path / "harness.py"
    script.write_text(HARNESS)
    db = build_diary(tmp_path / "diary.db") if mode == "walk" else tmp_path / "none.db"
    env = {**os.environ, **ENV, "HOME": str(tmp_path / "home")}
    command = [sys.executable, str(script), mode, str(db), str(tmp_path)]
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.splitlines()[-1])


def test_the_hook_sees_a_socket(tmp_path: Path):
    """The control: the harness does catch a connection, so the test below can fail."""
    assert harness("control", tmp_path) == [
        "socket.getaddrinfo",
        "socket.connect",
        "urllib.Request",
    ]


def test_no_command_opens_the_network(tmp_path: Path):
    assert harness("walk", tmp_path) == []
