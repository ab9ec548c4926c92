"""Every command, run as people run it: the private note is in no output unless asked for
by name, and every file the program writes is its owner's alone.

One diary holds a private note (catalogue.PRIVATE) beside ordinary day notes. Each command
of the catalogue runs with sensible arguments, writing into one folder; stdout, stderr
and every file written are read back (PDF text with pypdf, zip members, PNG text chunks,
SVG, HTML, CSV and JSON as text). The note shows where asked for by name (`day --private`,
`history --private`, `export --include-private`); the ordinary note shows where notes
belong, so a reader that saw nothing would fail. A command added to the program fails the
walk until it is walked here.
"""

from __future__ import annotations

import io
import json
import os
import stat
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from ampsdiary.cli import app
from catalogue import ORDINARY, PRIVATE, build_diary, catalogue
from conftest import no_traceback
from readback import pdf_text

# A command line, a function of the walk giving one, or either with the exit status meant.
Run = list[str] | Callable[["Walk"], list[str]] | tuple[list[str], int]
EXPORTS = ("csv", "entries", "sessions", "json", "datapackage", "fhir")


def _last_change(walk: Walk) -> list[str]:
    history = json.loads(walk.run(["history", "--json", "--added"]).stdout)
    return ["undo", str(history["changes"][0]["id"])]


# Each command, the ways it is run: a list of arguments, or a function of the walk
# (`undo` takes the change `delete` made). {out} is a new name in the walk's folder.
WALK: dict[str, list[Run]] = {
    "log": [
        ["log", "-d", "2026-10-20", "--pain", "4", "--private-note", PRIVATE + " again"],
        ["log", "--check-in"],  # today: what is logged shows in [brackets]
    ],
    "exercise": [["exercise", "aerobic", "20", "--note", "walk"]],
    "day": [["day"], ["day", "--json"], ["day", "2026-10-20"]],
    "edit": [
        ["edit", "--day", "today", "mood", "7"],
        ["edit", "--day", "today", "private-note", "x"],
    ],
    "show": [["show"], ["show", "--json", "--days", "60"]],
    "history": [["history"], ["history", "--added"], ["history", "--added", "--json"]],
    "delete": [["delete", "2026-10-20", "--yes"]],
    "undo": [_last_change],
    "vocabulary": [["vocabulary"]],
    "demo": [["--db", "{out}.db", "demo"]],
    "plot": [  # each kind, each format
        ["plot", "recovery", "--out", "{out}.png"],
        ["plot", "symptoms", "--out", "{out}.svg", "--from", "2026-10-20"],
        ["plot", "calendar", "--out", "{out}.pdf"],
    ],
    "summary": [["summary"], ["summary", "--json"]],
    "trends": [["trends"], ["trends", "--json", "--by", "month"]],
    "recovery": [["recovery"], ["recovery", "--json"]],
    "nudge": [["nudge"], ["nudge", "--json"]],
    "report": [["report", "--out", "{out}." + ext] for ext in ("pdf", "html", "md")]
    + [["report", "--from", "2026-10-20", "--out", "{out}.pdf"]],
    "export": [["export", kind] for kind in EXPORTS]
    + [["export", kind, "--out", "{out}"] for kind in (*EXPORTS, "bundle", "redcap")]
    + [["export", "--out", "{out}.zip"], ["export", "--out", "{out}/"]],
    "import": [  # conflicts are listed with both values: never the private note's
        ["import", "--dry-run", "--on-conflict", "skip", "{bundle}"],
        ["import", "{private_json}", "--dry-run", "--on-conflict", "replace"],
        (["import", "{private_json}", "--dry-run"], 2),
        ["import", "{private_json}", "--on-conflict", "skip"],
    ],
    "review": [
        ["review", "{bundle}"],
        ["review", "{bundle}", "--json"],
        *(["review", "{bundle}", "--out", "{out}." + ext] for ext in ("pdf", "html", "csv")),
    ],
    "config get": [["config", "get"], ["config", "get", "--json"]],
    "config set": [["config", "set", "name", "Sam B"]],
    # The backup commands, walked once they are in the program.
    "backup": [["backup"], ["backup", "--out", "{out}.db"]],
    "check": [["check"], ["check", "--json"]],
    "restore": [["restore", "{backup}", "--yes"]],
}
# Where the private note is asked for by name: it must show there.
ASKED = [
    ["day", "--private"],
    ["history", "--private", "--added"],
    ["export", "json", "--include-private"],
    ["export", "csv", "--include-private"],
    ["export", "bundle", "--include-private", "--out", "{out}.zip"],
    ["export", "json", "--include-private", "--out", "{out}.json"],
]


class Walk:
    """One diary and one folder; each run's output and new files read back."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.diary = root / "mine" / "diary" / "diary.db"  # its folders made by the program
        self.count = 0
        self.runner = CliRunner()

    def name(self) -> str:
        self.count += 1
        return str(self.root / "out" / f"run{self.count}")

    def run(self, args: list[str], status: int = 0, input: str = "\n" * 40):
        names = {
            "out": self.name(),
            "bundle": str(self.root / "given" / "bundle.zip"),
            "private_json": str(self.root / "given" / "private.json"),
            "backup": str(self.root / "given" / "backup.db"),
        }
        args = [arg.format(**names) for arg in args]
        db = [] if args[0] == "--db" else ["--db", str(self.diary)]
        result = self.runner.invoke(app, [*db, *args], input=input)
        no_traceback(result)
        assert result.exit_code == status, f"{args}: {result.output}"
        return result


def texts(path: Path, data: bytes) -> list[str]:
    """What a file says, in every form a reader would see it."""
    name = path.name.lower()
    if name.endswith(".pdf"):
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() for page in reader.pages]
        return [*pages, pdf_text(data), str(reader.metadata or {}), data.decode("latin-1")]
    if name.endswith(".zip"):
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return [t for info in z.infolist() for t in texts(Path(info.filename), z.read(info))]
    if name.endswith(".png"):
        return [*png_text(data), data.decode("latin-1")]
    return [data.decode("utf-8", "replace")]


def png_text(data: bytes) -> list[str]:
    """A PNG's text chunks (tEXt, zTXt, iTXt): where software and metadata go."""
    found, at = [], 8
    while at < len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        body = data[at + 8 : at + 8 + size]
        if kind == b"tEXt":
            found.append(body.decode("latin-1"))
        elif kind == b"zTXt":
            key, _, packed = body.partition(b"\0")
            found.append(key.decode("latin-1") + zlib.decompress(packed[1:]).decode("latin-1"))
        elif kind == b"iTXt":
            found.append(body.decode("utf-8", "replace"))
        at += 12 + size
    return found


def written(root: Path, seen: set[Path]) -> list[Path]:
    """Files and folders the program made since the last look; not the test's own ones, nor
    matplotlib's font cache in $HOME (a list of the machine's fonts)."""
    new = []
    skip = (root / "given", root / "home")  # $HOME holds only matplotlib's cache
    for folder, dirs, files in os.walk(root):
        for name in (*dirs, *files):
            path = Path(folder) / name
            if path not in seen and not any(path.is_relative_to(s) for s in skip):
                seen.add(path)
                new.append(path)
    return new


def owner_only(path: Path) -> None:
    mode = stat.S_IMODE(path.lstat().st_mode)
    want = 0o700 if path.is_dir() else 0o600
    assert mode == want, f"{path} is {oct(mode)}, not {oct(want)}"


def sqlite(path: Path) -> bool:
    with path.open("rb") as file:
        return file.read(16) == b"SQLite format 3\x00"


@pytest.fixture
def walk(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Walk:
    monkeypatch.chdir(tmp_path)
    os.umask(0o022)  # the usual umask: the program must make its files private itself
    walk = Walk(tmp_path)
    build_diary(walk.diary)
    given = tmp_path / "given"  # what the walk reads: made by the test, not checked
    given.mkdir()
    (tmp_path / "out").mkdir()
    walk.run(["export", "bundle", "--out", str(given / "bundle.zip")])
    walk.run(["export", "json", "--include-private", "--out", str(given / "private.json")])
    if "backup" in catalogue():
        walk.run(["backup", "--out", str(given / "backup.db")])
    return walk


def test_every_command_keeps_the_private_note_and_its_files_private(walk: Walk):
    assert set(catalogue()) <= set(WALK), "walk these commands too"
    seen = {walk.root / "out"}
    owners: list[Path] = []
    ordinary: set[str] = set()  # where the ordinary note was read: the readers work
    runs = 0
    for name, ways in WALK.items():
        if name not in catalogue():
            continue
        for way in ways:
            way, status = way if isinstance(way, tuple) else (way, 0)
            args = way(walk) if callable(way) else way
            result = walk.run(args, status)
            runs += 1
            for shown in (result.stdout, result.stderr):
                assert PRIVATE not in shown, f"{args} printed the private note"
            for path in written(walk.root, seen):
                owners.append(path)
                if path.is_dir() or sqlite(path):
                    continue  # the diary and its backups hold the note: that is their job
                said = "\n".join(texts(path, path.read_bytes()))
                assert PRIVATE not in said, f"{args} wrote the private note into {path}"
                if ORDINARY in said:
                    ordinary.add(path.suffix or path.name)
    for path in owners:
        owner_only(path)
    assert {".pdf", ".zip", ".html", ".csv", ".md"} <= ordinary, ordinary
    assert runs >= 50 and len(owners) >= 40, (runs, len(owners))


def test_the_private_note_shows_where_asked_for_by_name(walk: Walk):
    for args in ASKED:
        seen = set(walk.root.rglob("*"))
        result = walk.run(args)
        said = [result.stdout]
        for path in written(walk.root, seen):
            owner_only(path)
            if path.is_file():
                said += texts(path, path.read_bytes())
        assert PRIVATE in "\n".join(said), args
