"""Reading files to import: the json export, the bundle (folder or .zip), ampsdiary's own
CSVs, and a CSV another tool made with a `date` column and at least one measure.

Nothing is written here. Every value is checked against the vocabulary, and every problem
is kept with where it is ("line 5, pain: '14' is out of range; ..."), so the whole file can
be refused at once, before anything is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import uuid
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..dates import check_day, parse_time
from ..errors import DiaryError
from ..settings import check_key, check_value
from ..validate import RememberedParse, as_id, stored_ok
from ..vocabulary import DAY_FIELDS, ENTRY_FIELDS, FIELDS, SESSION_FIELDS, Choice, Tags, column
from .columns import LIST_SEPARATOR
from .export import FORMAT, FORMAT_VERSION, TABLE_FILES
from .rows import restored

Row = dict[str, Any]
csv.field_size_limit(2**24)  # a long note (16 MB at most) is a note, not a broken file
BOOKKEEPING = ("uid", "id", "date", "time", "recorded_at", "changed_at")
# Daily-table columns worked out from other rows: known, never imported from the daily table.
WORKED_OUT = ("exercise_minutes", "exercise_kinds", "entries")
MEANS = " (a daily table holds the day's mean: import the bundle, whose entries.csv has each)"
# The synthetic entry of a daily CSV row gets the same uid every time: importing twice adds one.
DAILY_ENTRY = uuid.UUID("6f3d2b1e-5a4c-4e8f-9b7a-2c1d0e9f8a7b")


@dataclass
class Incoming:
    """What a file holds, checked: rows in the diary's own field names, and its problems."""

    source: str
    entries: list[Row] = field(default_factory=list)
    sessions: list[Row] = field(default_factory=list)
    days: dict[str, Row] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    history: list[Row] = field(default_factory=list)
    patient: str | None = None
    unknown: list[str] = field(default_factory=list)  # columns this version does not know
    not_imported: list[str] = field(default_factory=list)  # known, worked out from others
    problems: list[str] = field(default_factory=list)
    exported: bool = False  # ampsdiary's own export: what an earlier version wrote is kept
    day_values: set[str] = field(default_factory=set)  # uids of entries made of a day's values
    progress: Callable[[int, int], None] | None = None  # (rows checked, rows in all)
    total: int = 0
    done: int = 0
    parsed: RememberedParse = field(default_factory=RememberedParse, repr=False)

    def step(self) -> None:
        """One more row checked; the caller's progress bar hears of every 500th and the last."""
        self.done += 1
        if self.progress and (self.done % 500 == 0 or self.done == self.total):
            self.progress(self.done, self.total)

    @property
    def empty(self) -> bool:
        return not (self.entries or self.sessions or self.days or self.settings or self.history)

    def problem(self, where: str, error: DiaryError) -> None:
        self.problems.append(f"{where}, {error}")


def names_for(fields: Iterable) -> dict[str, str]:
    """Each way a file may name a field (its column, its stored name, its flag) -> field."""
    names: dict[str, str] = {}
    for f in fields:
        for name in (f.name, column(f.name), f.flag.lstrip("-").lower().replace("-", "_")):
            names.setdefault(name, f.name)
    return names


ENTRY_NAMES = names_for(ENTRY_FIELDS)
SESSION_NAMES = names_for(SESSION_FIELDS)
DAY_NAMES = names_for(DAY_FIELDS)


def read(path: Path, progress: Callable[[int, int], None] | None = None) -> Incoming:
    """Whatever ampsdiary can import at `path`; a file it cannot read is a DiaryError.

    `progress(done, total)` hears how many rows are checked, for a bar on a big file.
    """
    try:
        if path.is_dir() or path.suffix.lower() == ".zip":
            return _bundle(path, progress)
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        raise DiaryError("FILE", str(path), f"cannot be read ({error})") from None
    except UnicodeDecodeError:
        raise DiaryError("FILE", str(path), "is not UTF-8 text; save it as UTF-8") from None
    incoming = Incoming(path.name, progress=progress, total=text.count("\n"))
    if path.suffix.lower() == ".json" or text.lstrip().startswith(("{", "[")):
        _document(incoming, text)
    else:
        try:
            _table(incoming, text, path.name)
        except csv.Error as error:
            raise DiaryError(
                "FILE", path.name, f"is not a CSV the diary can read ({error})"
            ) from None
    _twice(incoming)
    return incoming


def _twice(incoming: Incoming) -> None:
    """One row given twice in one file (two entries with one uid) is a problem, not a guess."""
    for what, rows in (("entries", incoming.entries), ("sessions", incoming.sessions)):
        seen: set[str] = set()
        for row in rows:
            uid = row.get("uid")
            if uid is None:  # a row of another tool's file, without one: a new row each
                continue
            if uid in seen:
                incoming.problem(what, DiaryError("uid", uid, "is given twice in this file"))
            seen.add(uid)


def _bundle(path: Path, progress: Callable[[int, int], None] | None) -> Incoming:
    """A bundle: its entries and sessions whole, its days' facts from daily.csv."""
    if path.is_dir():
        files = {name: (path / name).read_bytes() for name in TABLE_FILES.values()}
    else:
        with zipfile.ZipFile(path) as archive:
            files = {name: archive.read(name) for name in TABLE_FILES.values()}
    total = sum(text.count(b"\n") for text in files.values())
    incoming = Incoming(path.name, exported=True, progress=progress, total=total)
    for name in ("entries.csv", "sessions.csv", "daily.csv"):
        _table(incoming, files[name].decode("utf-8-sig"), name, bundle=True)
    return incoming


def _document(incoming: Incoming, text: str) -> None:
    try:
        doc = json.loads(text)
    except ValueError as error:
        raise DiaryError("FILE", incoming.source, f"is not JSON ({error})") from None
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise DiaryError("FILE", incoming.source, "is not an ampsdiary json export")
    if doc.get("format_version") != FORMAT_VERSION:
        allowed = (
            f"is format version {doc.get('format_version')}; this version reads {FORMAT_VERSION}"
        )
        raise DiaryError("FILE", incoming.source, allowed)
    incoming.exported = True
    incoming.total = sum(len(doc.get(k) or []) for k in ("entries", "sessions", "days"))
    incoming.patient = doc.get("patient_id")
    settings = doc.get("settings") or {}
    if not isinstance(settings, dict):
        incoming.problem("settings", DiaryError("settings", None, "is not an object"))
        settings = {}
    for key, value in settings.items():
        try:
            incoming.settings[check_key(str(key))] = check_value(str(key), str(value))
        except DiaryError as error:
            incoming.problem("settings", error)
    for level, key, target in (("entry", "entries", incoming.entries),
                               ("session", "sessions", incoming.sessions)):  # fmt: skip
        for i, row in enumerate(_listed(incoming, doc, key)):
            checked = _checked(incoming, f"{key}[{i}]", row, level)
            if checked is not None:
                target.append(checked)
    for i, row in enumerate(_listed(incoming, doc, "days")):
        checked = _checked(incoming, f"days[{i}]", row, "day")
        if checked is not None and checked["date"] in incoming.days:
            incoming.problem(f"days[{i}]", DiaryError("date", checked["date"], "is given twice"))
        elif checked is not None:
            incoming.days[checked["date"]] = checked
    for i, change in enumerate(_listed(incoming, doc, "history")):
        if _a_change(change):
            incoming.history.append(change)
        else:
            incoming.problem(f"history[{i}]", DiaryError("history", None, "is not a change"))


HISTORY_KEYS = {"changed_at": str, "kind": str, "action": str}


def _a_change(change: Any) -> bool:
    """A history record as an export writes it: when, what kind of row, which action."""
    return isinstance(change, dict) and all(
        isinstance(change.get(k), t) for k, t in HISTORY_KEYS.items()
    ) and "key" in change  # fmt: skip


def _listed(incoming: Incoming, doc: dict, key: str) -> list:
    """A list the document holds; anything else there is a problem."""
    value = doc.get(key) or []
    if isinstance(value, list):
        return value
    incoming.problem(key, DiaryError(key, None, "is not a list"))
    return []


def _checked(incoming: Incoming, where: str, row: Any, level: str) -> Row | None:
    """A row of the diary's own names with every value checked; None (and a problem) if not."""
    incoming.step()
    if not isinstance(row, dict):
        incoming.problem(where, DiaryError(level, None, "is not an object"))
        return None
    names = {"entry": ENTRY_NAMES, "session": SESSION_NAMES, "day": DAY_NAMES}[level]
    out: Row = {}
    try:
        out["date"] = _date(row.get("date"))
        if level == "entry" and row.get("time"):
            out["time"] = parse_time(str(row["time"]))
        for key in ("uid", "recorded_at", "changed_at"):
            if row.get(key):
                out[key] = _text(key, row[key])
        number = as_id(str(row.get("id", "")))
        if number is not None and 0 < number < 2**63:  # else a new one: SQLite holds no more
            out["id"] = number
        for key in ("recorded_at", "changed_at"):
            if key in out:
                _moment(key, out[key])
    except DiaryError as error:
        incoming.problem(where, error)
        return None
    for key, value in row.items():
        name = names.get(key)
        if name is None:
            continue
        try:
            out[name] = incoming.parsed(name, value)
        except DiaryError as error:
            kept = _earlier(name, value) if incoming.exported else None
            if kept is None:
                incoming.problem(where, error)
            out[name] = kept
    return out


def _earlier(name: str, value: Any) -> float | None:
    """A number an earlier version allowed (a 300-minute session) in ampsdiary's own export:
    the diary still holds and reads it, so it comes back as it was, never refused or lost."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        return None  # only a number (or a number as text) was ever allowed past a limit
    try:
        number = float(value)
    except (ValueError, OverflowError):
        return None
    number = int(number) if number.is_integer() else number
    return number if stored_ok(name, number) else None


def _date(value: Any) -> str:
    """A day as YYYY-MM-DD, from the diary's earliest day to today, as `log` takes them."""
    if not isinstance(value, str) or len(value.strip()) != 10:
        raise DiaryError("date", value, "is not a date; use YYYY-MM-DD")
    return check_day(_iso(value.strip()), "date").isoformat()


def _iso(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise DiaryError("date", text, "is not a date; use YYYY-MM-DD") from None


def _moment(name: str, value: str) -> None:
    try:
        dt.datetime.fromisoformat(value)
    except ValueError:
        raise DiaryError(name, value, "is not a date and time; use ISO 8601") from None


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise DiaryError(name, value, "is not text")
    return value


def _table(incoming: Incoming, text: str, name: str, bundle: bool = False) -> None:
    """One CSV: ampsdiary's entries or sessions table, its daily table, or another tool's."""
    first = text.split("\n", 1)[0]
    delimiter = next((d for d in (",", ";", "\t") if d in first), ",")  # European Excel: ';'
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [h.strip() for h in reader.fieldnames or []]
    reader.fieldnames = header
    twice = sorted({h for h in header if header.count(h) > 1})
    if twice:
        raise DiaryError("FILE", name, f"has the column {twice[0]!r} twice; which one is it?")
    kind = (
        "session" if {"kind", "minutes"} <= set(header) else "entry" if "uid" in header else "day"
    )
    if "date" not in header:
        raise DiaryError("FILE", name, "has no 'date' column; the first line names the columns")
    known = _known(kind, header, incoming, bundle)
    if kind == "day" and not known and not bundle:
        raise DiaryError("FILE", name, "has no column the diary knows; see docs/data-dictionary.md")
    dates: dict[str, int] = {}
    for row in reader:
        where = f"{name} line {reader.line_num}"
        if None in row:  # more cells than the header names: which column is which?
            cells = len(header) + len(row[None])
            error = DiaryError("row", None, f"has {cells} cells; the header names {len(header)}")
            incoming.problem(where, error)
            continue
        values = {k: _cell(v) for k, v in row.items() if k and isinstance(v, str)}
        _patient(incoming, where, values.get("patient_id"))
        if kind == "day":
            if values.get("date") in dates:
                said = f"is already on line {dates[values['date']]}"
                incoming.problem(where, DiaryError("date", values["date"], said))
                continue
            dates[values.get("date", "")] = reader.line_num
            _day_row(incoming, where, values, bundle)
            continue
        checked = _checked(incoming, where, _lists(values), kind)
        if checked is not None:
            (incoming.sessions if kind == "session" else incoming.entries).append(checked)


def _cell(text: str) -> str:
    """A cell as exported: spreadsheet neutralising undone, a Windows line end inside a
    quoted cell as the plain one the diary keeps."""
    return restored(text.strip().replace("\r\n", "\n"))


def _known(kind: str, header: list[str], incoming: Incoming, bundle: bool) -> list[str]:
    names = {"entry": ENTRY_NAMES, "session": SESSION_NAMES, "day": {**DAY_NAMES, **ENTRY_NAMES}}
    known = [h for h in header if h in names[kind]]
    for h in header:
        if h in WORKED_OUT and kind == "day":
            if not bundle:  # a bundle's entries and sessions say them whole
                incoming.not_imported.append(h)
        elif h not in names[kind] and h not in (*BOOKKEEPING, "patient_id", *WORKED_OUT):
            incoming.unknown.append(h)
    return known


ALL_NAMES = {**ENTRY_NAMES, **SESSION_NAMES, **DAY_NAMES}


def _many(name: str | None) -> bool:
    kind = FIELDS[name].kind if name else None
    return isinstance(kind, Tags) or (isinstance(kind, Choice) and kind.many)


def _lists(values: Row) -> Row:
    """';'-joined words as lists, for the fields that hold several."""
    return {
        key: value.split(LIST_SEPARATOR) if value and _many(ALL_NAMES.get(key)) else value
        for key, value in values.items()
    }


def _patient(incoming: Incoming, where: str, patient: str | None) -> None:
    if not patient:
        return
    if incoming.patient and patient != incoming.patient:
        error = DiaryError("patient_id", patient, f"is another patient than {incoming.patient}")
        incoming.problem(where, error)
    incoming.patient = incoming.patient or patient


def _day_row(incoming: Incoming, where: str, values: Row, bundle: bool) -> None:
    """A daily-table row: the day's facts; outside a bundle also one entry with its values."""
    said = {k: v for k, v in values.items() if k in DAY_NAMES or k == "date"}
    facts = _checked(incoming, where, _lists(said), "day")
    if facts is None:
        return
    if len(facts) > 1:
        incoming.days[facts["date"]] = facts
    if bundle:
        return  # the bundle's entries.csv has each entry; the daily values are worked out
    measures = {k: v for k, v in values.items() if k in ENTRY_NAMES and k not in DAY_NAMES}
    if any(measures.values()):
        before = len(incoming.problems)
        entry = _checked(incoming, where, _lists({**measures, "date": facts["date"]}), "entry")
        for i in range(before, len(incoming.problems)):
            if "not a whole number" in incoming.problems[i]:
                incoming.problems[i] += MEANS
        if entry is not None:
            key = f"{incoming.patient or ''}|{facts['date']}|daily"
            entry["uid"] = str(uuid.uuid5(DAILY_ENTRY, key))
            incoming.day_values.add(entry["uid"])
            incoming.entries.append(entry)
