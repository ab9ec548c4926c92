"""Finding a caseload's exports: which files they are, whose, and how new.

A therapist's folder holds what patients sent: daily CSVs, bundles (folders or .zip) and
json exports, often several from one patient, next to files that are none of these. Only
a few lines of each file are read here, so that a thousand files are sorted into patients
in a moment and each patient can then be read whole, one at a time (memory stays that of
one patient, however large the caseload).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import re
import zipfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..exchange.export import FORMAT, TABLE_FILES
from ..exchange.rows import restored

BUNDLE_TABLES = tuple(TABLE_FILES.values())  # daily.csv, entries.csv, sessions.csv
SEARCHED = (".csv", ".json", ".zip")  # what a folder search looks at; other files are not exports
NOT_EXPORTS = ("datapackage.json",)  # a folder's table schema for DuckDB or R: no patient in it
HEAD = 65536  # bytes read to tell what a file is
JSON_KEY = r'"{key}"\s*:\s*("(?:[^"\\]|\\.)*"|null)'


@dataclass(frozen=True)
class Found:
    """One export: its kind (json, bundle or table), whose it is and when it was made.

    `patient` is the file's patient_id, or its name without the suffix when it has none
    (`named` False). `made` (UTC, ISO 8601) puts one patient's exports in order: the json
    export's exported_at, the bundle's datapackage.json `created`, a CSV's modification time.
    """

    path: Path
    kind: str
    patient: str
    made: str
    named: bool = True

    @property
    def name(self) -> str:
        return self.path.name


@dataclass(frozen=True)
class Skipped:
    """A file that was not reviewed, and why, in a line a therapist can act on."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"


class NotExport(Exception):
    """Raised while looking at a file: it is not an ampsdiary export, or cannot be read."""


def find(paths: Iterable[Path]) -> tuple[list[Found], list[Skipped]]:
    """Every export under `paths` (files, bundle folders, folders searched recursively),
    each once, and every file given or found that is not one."""
    found: list[Found] = []
    skipped: list[Skipped] = []
    seen: set[Path] = set()
    for given in paths:
        if not given.exists():
            skipped.append(Skipped(str(given), "does not exist"))
            continue
        for path, explicit in _candidates(given):
            key = path.resolve()
            if key in seen:
                continue
            seen.add(key)
            try:
                found.append(examine(path))
            except NotExport as error:
                if explicit or path.suffix.lower() in SEARCHED:
                    skipped.append(Skipped(str(path), str(error)))
    return found, skipped


def by_patient(found: list[Found]) -> dict[str, list[Found]]:
    """Each patient's exports, oldest first (ties by file name, so the order is the same on
    every computer), patients in the order of their ids."""
    groups: dict[str, list[Found]] = {}
    for f in found:
        groups.setdefault(f.patient, []).append(f)
    return {
        patient: sorted(groups[patient], key=lambda f: (f.made, str(f.path)))
        for patient in sorted(groups)
    }


def is_bundle(folder: Path) -> bool:
    return all((folder / name).is_file() for name in BUNDLE_TABLES)


def _candidates(given: Path) -> Iterator[tuple[Path, bool]]:
    """(path, given by name) for a file, a bundle folder, or everything under a folder."""
    if not given.is_dir() or is_bundle(given):
        yield given, True
        return
    for folder, dirs, files in os.walk(given):
        here = Path(folder)
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for d in list(dirs):
            if is_bundle(here / d):
                dirs.remove(d)  # its three tables are one export, not three
                yield here / d, False
        for name in sorted(files):
            if not name.startswith(".") and name not in NOT_EXPORTS:
                yield here / name, False


def examine(path: Path) -> Found:
    """What `path` is, from its first lines; NotExport says why it is none of ours."""
    try:
        if path.is_dir():
            if not is_bundle(path):
                raise NotExport(f"is a folder without the bundle's {', '.join(BUNDLE_TABLES)}")
            return _bundle(path, lambda name: (path / name).open("rb"))
        if path.suffix.lower() == ".zip" or zipfile.is_zipfile(path):
            return _zip(path)
        head = path.open("rb").read(HEAD)
    except OSError as error:
        raise NotExport(f"cannot be read ({error.strerror or error})") from None
    try:
        text = head.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        if len(head) < HEAD or error.start < HEAD - 4:  # not just a character cut at the end
            raise NotExport("is not UTF-8 text, so not an ampsdiary export") from None
        text = head[: error.start].decode("utf-8-sig")
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _json(path, text)
    patient = _table_patient(text, path.name)
    return Found(path, "table", patient or path.stem, _mtime(path), named=bool(patient))


def _zip(path: Path) -> Found:
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise NotExport("is not a readable .zip (damaged or cut short)") from None
    with archive:
        inside = inner(archive.namelist())
        missing = [name for name in BUNDLE_TABLES if inside + name not in archive.namelist()]
        if missing:
            raise NotExport(f"is a .zip without the bundle's {', '.join(missing)}")
        return _bundle(path, lambda name: archive.open(inside + name))


def inner(names: list[str]) -> str:
    """The folder inside a .zip that holds the bundle's tables: '' when they are at its top,
    as `export` writes them, or the one folder a bundle folder zipped again ends up in
    (Windows' and macOS' "compress" keep it, and add __MACOSX/ beside it)."""
    if BUNDLE_TABLES[0] in names:
        return ""
    folders = {
        n[: -len(BUNDLE_TABLES[0])]
        for n in names
        if n.endswith("/" + BUNDLE_TABLES[0]) and not n.startswith("__MACOSX/")
    }
    return folders.pop() if len(folders) == 1 else ""


def _bundle(path: Path, open_file) -> Found:
    """A bundle's patient from its tables' first rows; its age from datapackage.json."""
    patient = None
    for name in BUNDLE_TABLES:
        with open_file(name) as raw:
            text = raw.read(HEAD).decode("utf-8-sig", errors="replace")
        patient = patient or _table_patient(text, name)
    made = _mtime(path)
    try:
        with open_file("datapackage.json") as raw:
            made = str(json.load(raw).get("created") or made)
    except (KeyError, OSError, ValueError, AttributeError):
        pass  # an older or hand-made bundle: its file's time
    name = path.name if path.is_dir() else path.stem
    return Found(path, "bundle", patient or name, made, named=bool(patient))


def _table_patient(text: str, name: str) -> str | None:
    """The patient_id of a CSV's first row that has one (None: no such column or value)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if "date" not in header:
        raise NotExport(f"is not an ampsdiary export: {name} has no 'date' column")
    if "patient_id" not in header:
        return None
    column = header.index("patient_id")
    for row in reader:
        if len(row) > column and row[column].strip():
            return restored(row[column].strip())  # as exported: '=1 is the id =1
    return None


def _json(path: Path, head: str) -> Found:
    """A json export names its format, time and patient in its first keys; a file whose
    keys are in another order is parsed whole."""
    values = {}
    for key in ("format", "exported_at", "patient_id"):
        if m := re.search(JSON_KEY.format(key=key), head):
            values[key] = json.loads(m.group(1))
    if len(values) < 3:
        try:
            doc = json.loads(path.read_bytes().decode("utf-8-sig"))
        except (ValueError, UnicodeDecodeError) as error:
            raise NotExport(f"is not JSON ({error})") from None
        if not isinstance(doc, dict):
            raise NotExport("is not an ampsdiary json export")
        values = {key: doc.get(key) for key in ("format", "exported_at", "patient_id")}
    if values.get("format") != FORMAT:
        raise NotExport("is not an ampsdiary json export")
    patient = str(values["patient_id"]) if values.get("patient_id") else None
    made = str(values.get("exported_at") or _mtime(path))
    return Found(path, "json", patient or path.stem, made, named=bool(patient))


def _mtime(path: Path) -> str:
    """As the store writes times (utc_now), so every export's time sorts with the others."""
    stamp = dt.datetime.fromtimestamp(path.stat().st_mtime, dt.UTC)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
