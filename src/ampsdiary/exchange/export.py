"""Writing exports: the CSV tables, the whole-diary JSON document and the therapist bundle.

Every writer takes the diary (the library), never the store, so private notes come along
only when the caller asks (`private`), and a file appears whole or not at all.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .. import __version__
from ..outputs import atomic
from ..store.database import utc_now
from ..vocabulary import SETTINGS
from .columns import KEYS
from .rows import ROWS, cell, columns

if TYPE_CHECKING:
    from ..diary import Diary

FORMAT = "ampsdiary-export"
FORMAT_VERSION = 1
TABLE_FILES = {"daily": "daily.csv", "entries": "entries.csv", "sessions": "sessions.csv"}
BOM = "\ufeff"  # Excel reads UTF-8 (accents intact) only when the file starts with it


@dataclass(frozen=True)
class Export:
    """What is exported: which days, with or without private notes."""

    diary: Diary
    start: dt.date
    end: dt.date
    private: bool = False

    @property
    def patient(self) -> str:
        return self.diary.setting("patient-id") or ""


def write_table(export: Export, table: str, out: TextIO, excel: bool = False) -> int:
    """One table as RFC 4180 CSV (CRLF line ends, quotes where needed); returns its rows."""
    if excel:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    cols = columns(table, export.private)
    writer.writerow([c.name for c in cols])
    rows = ROWS[table](export.diary, export.start, export.end, export.private)
    count = 0
    for row in rows:
        writer.writerow([cell(value, col) for value, col in zip(row, cols, strict=True)])
        count += 1
    return count


def table_text(export: Export, table: str, excel: bool = False) -> str:
    buffer = io.StringIO(newline="")
    write_table(export, table, buffer, excel)
    return buffer.getvalue()


def datapackage(export: Export) -> dict[str, Any]:
    """The Frictionless Data Package describing the three tables: types, units, allowed
    values, ranges, the missing marker (an empty cell) and each table's key."""
    return {
        "profile": "tabular-data-package",
        "name": "ampsdiary-export",
        "title": f"ampsdiary export for {export.patient or 'a patient'}",
        "description": _period(export),
        "created": utc_now(),
        "resources": [
            {
                "name": table,
                "path": TABLE_FILES[table],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "dialect": {"delimiter": ",", "lineTerminator": "\r\n", "header": True},
                "schema": {
                    "fields": [c.schema() for c in columns(table, export.private)],
                    "missingValues": [""],
                    "primaryKey": KEYS[table],
                },
            }
            for table in TABLE_FILES
        ],
    }


def _period(export: Export) -> str:
    private = "included" if export.private else "left out"
    return f"From {export.start} to {export.end}; private notes {private}."


def readme(export: Export, made: str) -> str:
    """README.txt: what each file holds, for whoever opens the bundle."""
    lines = [
        "ampsdiary export",
        "",
        f"Patient id: {export.patient or '(not set: ampsdiary config set patient-id ID)'}",
        f"Period: {export.start} to {export.end}",
        f"Made: {made} (UTC) by ampsdiary {__version__}",
        "Private notes: " + ("INCLUDED (--include-private)" if export.private else "left out"),
        "",
        "daily.csv     one row per logged day: the day's pain (mean), worst pain, function,",
        "              school, sport, friends, sleep, mood, exercise minutes and notes",
        "entries.csv   one row per symptom entry, with its time and lasting id (uid)",
        "sessions.csv  one row per exercise or therapy session, with its lasting id (uid)",
        "datapackage.json  every column's type, unit, allowed values and range",
        "",
        "An empty cell means not logged (never 0). Dates are YYYY-MM-DD; lists are joined",
        "with ';'. A text cell starting with = + - @ has a leading ' so that a spreadsheet",
        "shows it as text. docs/data-dictionary.md in ampsdiary describes every column.",
        "",
    ]
    return "\r\n".join(lines)


def bundle_files(export: Export) -> dict[str, str]:
    """The bundle's files by name: the three tables, datapackage.json and README.txt."""
    made = utc_now()
    files = {name: table_text(export, table) for table, name in TABLE_FILES.items()}
    files["datapackage.json"] = json.dumps(datapackage(export), indent=2) + "\n"
    files["README.txt"] = readme(export, made)
    return files


def write_bundle(export: Export, path: Path) -> list[str]:
    """The bundle as a .zip (written whole, then moved into place) or into a folder."""
    files = bundle_files(export)
    if path.suffix.lower() == ".zip":
        with atomic(path) as tmp, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, text in files.items():
                archive.writestr(name, text.encode("utf-8"))
        return list(files)
    path.mkdir(mode=0o700, exist_ok=True)
    for name, text in files.items():
        with atomic(path / name) as tmp:
            tmp.write_bytes(text.encode("utf-8"))
    return list(files)


def document(export: Export) -> dict[str, Any]:
    """Everything the diary holds over the period, in one versioned JSON document."""
    diary, start, end = export.diary, export.start, export.end
    days = diary.day_facts(start, end, private=export.private)
    for day in days:
        day.pop("has_private_note", None)
    history = [
        c for c in diary.history(private=export.private)
        if c["date"] is None or start.isoformat() <= c["date"] <= end.isoformat()
    ]  # fmt: skip
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "ampsdiary_version": __version__,
        "exported_at": utc_now(),
        "patient_id": export.patient or None,
        "from": start.isoformat(),
        "to": end.isoformat(),
        "private_notes": export.private,
        "settings": {k: v for k, v in diary.settings().items() if k in SETTINGS},
        "entries": diary.entries(start, end),
        "days": days,
        "sessions": diary.sessions(start, end),
        "history": history,
    }
