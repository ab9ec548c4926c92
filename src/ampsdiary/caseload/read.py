"""Reading one export whole, every value checked against the vocabulary.

A daily CSV is read as the days it holds: each row is one day's values as the diary showed
them (pain the day's mean, which may be 4.5), so it becomes a `Day` straight away; import
cannot take such a row (an entry's pain is a whole number), and the review does not need
to. A bundle or a json export holds the entries, sessions and day facts themselves, which
`daily.daily_values` turns into Days exactly as the diary does (merge.py); a patient's only
bundle is read as its own daily table instead, the same days three times quicker.

A file with a value this version would not read is damaged: it is left out of the review
whole, named with its first problem, rather than reviewed with a gap nobody sees. Checking
is cached by (field, text): a caseload repeats the same few hundred values millions of times.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import json
import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, fields
from typing import Any

from ..analysis.measures import rounded
from ..daily import WORD_FIELDS, Day
from ..errors import DiaryError
from ..exchange.columns import DAILY, ENTRIES, LIST_SEPARATOR, SESSIONS
from ..exchange.export import FORMAT_VERSION
from ..exchange.reading import DAY_NAMES, ENTRY_NAMES, SESSION_NAMES
from ..exchange.rows import restored
from ..settings import check_value
from ..validate import number_in, parse
from ..vocabulary import ENTRY_FIELDS, FIELDS, NORMAL, SHARED_DAY_FACTS, Choice, Scale, Tags
from .files import BUNDLE_TABLES, Found, inner

Row = dict[str, Any]
MEANS = ("pain", "allodynia")  # a daily table holds the mean of the day's entries
DAY = 24 * 60  # minutes
EXACT_UP_TO = 10  # entries a day whose mean a two-decimal cell gives back exactly
SHOWN = 3  # problems named in a damaged file's reason
SETTINGS = ("treatment-start", "exercise-goal")  # the settings the analysis uses
# How each table's columns name fields: its own export columns first, then any other name
# the diary knows (the stored name, the log flag), as import reads them.
TABLE_NAMES = {
    "daily": {**ENTRY_NAMES, **DAY_NAMES, **{c.name: c.field for c in DAILY if c.field}},
    "entries": {**ENTRY_NAMES, **{c.name: c.field for c in ENTRIES if c.field}},
    "sessions": {**SESSION_NAMES, **{c.name: c.field for c in SESSIONS if c.field}},
}
BLANK_ENTRY = {f.name: None for f in ENTRY_FIELDS}
BLANK_FACTS = dict.fromkeys(SHARED_DAY_FACTS)
# The values a Day holds (an entry's own note, pattern or scale are not a day's).
DAY_VALUES = {f.name for f in fields(Day)} & {*BLANK_ENTRY, *SHARED_DAY_FACTS}
# Columns read as they are, not as fields.
OWN = ("patient_id", "date", "uid", "time", "entries", "exercise_minutes", "exercise_kinds")


class Damaged(Exception):
    """The file is an export, but cannot be reviewed as it is; the message says why."""


@dataclass
class Read:
    """What one export holds: `days` from a daily table, or the rows of a bundle or json
    export (`entries`, `sessions`, day `facts` by date), and the settings it carries."""

    found: Found
    days: dict[dt.date, Day] = field(default_factory=dict)
    entries: list[Row] = field(default_factory=list)
    sessions: list[Row] = field(default_factory=list)
    facts: dict[dt.date, Row] = field(default_factory=dict)
    settings: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    def check(self, where: str, run: Callable[..., Any], *args: Any) -> Any:
        """run(*args), or None with the problem kept, named by `where`."""
        try:
            return run(*args)
        except DiaryError as error:
            self.problems.append(f"{where}, {error}")
            return None

    def done(self) -> Read:
        """This read, or Damaged naming its first problems."""
        if not self.problems:
            return self
        count = len(self.problems)
        more = f" (and {count - SHOWN} more)" if count > SHOWN else ""
        raise Damaged(
            f"has {count} bad value{'s' * (count != 1)}: " + "; ".join(self.problems[:SHOWN]) + more
        )


def read(found: Found, rows: bool = True) -> Read:
    """The whole export; Damaged when it cannot be read or holds a value this version would
    not read.

    Without `rows`, a bundle is read as its daily table, the diary's own days (daily.csv:
    `diary.days()` written out, its means given back exactly by mean_value), three times
    quicker than its entries and sessions; with several exports of a patient, the rows are
    what merges them as import would, each entry once.
    """
    result = Read(found)
    try:
        if found.kind == "json":
            _document(result, found.path.read_bytes().decode("utf-8-sig"))
        elif found.kind == "bundle" and not rows:
            name, text = next(_bundle_texts(found))
            _table(result, text, f"{found.name}/{name}")
        elif found.kind == "bundle":
            for name, text in _bundle_texts(found):
                _table(result, text, name, bundle=True)
        else:
            _table(result, found.path.read_bytes().decode("utf-8-sig"), found.name)
    except (OSError, zipfile.BadZipFile, KeyError) as error:
        raise Damaged(f"cannot be read ({getattr(error, 'strerror', None) or error})") from None
    except UnicodeDecodeError:
        raise Damaged("is not UTF-8 text") from None
    except csv.Error as error:
        raise Damaged(f"is not a readable CSV ({error})") from None
    return result.done()


def _bundle_texts(found: Found) -> Iterator[tuple[str, str]]:
    """The bundle's tables by name, daily.csv first."""
    if found.path.is_dir():
        for name in BUNDLE_TABLES:
            yield name, (found.path / name).read_bytes().decode("utf-8-sig")
        return
    with zipfile.ZipFile(found.path) as archive:
        inside = inner(archive.namelist())
        for name in BUNDLE_TABLES:
            yield name, archive.read(inside + name).decode("utf-8-sig")


@functools.lru_cache(maxsize=1 << 16)
def value(name: str, raw: str | int | float | bool | tuple) -> Any:
    """One field's value checked as the diary reads it (a number up to the highest an
    earlier version wrote, too); lists come back as tuples, as they are shared."""
    kind = FIELDS[name].kind
    if isinstance(kind, Scale) and not isinstance(raw, bool | tuple):
        if str(raw).strip() == "":
            return None
        number = number_in(
            name, str(raw).strip(), kind.low, kind.read_high, kind.whole, f"use {kind.describe()}"
        )
        return int(number) if kind.whole else number
    parsed = parse(name, list(raw) if isinstance(raw, tuple) else raw)
    return tuple(parsed) if isinstance(parsed, list) else parsed


@functools.lru_cache(maxsize=1 << 16)
def mean_value(name: str, raw: str, entries: int) -> float:
    """A daily table's mean (rounded to two decimals there) given back exactly: the mean of
    k whole scores is p/k, and for k up to 10 only one such fraction rounds to a given
    two-decimal number. 17/3 comes back as 17/3, not 5.67, so an onset is found on the same
    day as in the diary (analysis.md: exact means all the way through)."""
    shown = number_in(name, raw, 0, 10, allowed="use a number from 0 to 10")
    for k in range(1, min(entries, EXACT_UP_TO) + 1):
        exact = int(shown * k + 0.5) / k
        if rounded(exact, 2) == shown:
            return exact
    return shown


def _many(name: str) -> bool:
    kind = FIELDS[name].kind
    return isinstance(kind, Tags) or (isinstance(kind, Choice) and kind.many)


MANY = {name for name in FIELDS if _many(name)}


@functools.lru_cache(maxsize=1 << 16)
def _cell(name: str, text: str) -> Any:
    """A CSV cell as a checked value: neutralising undone, ';' lists split."""
    text = restored(text.strip().replace("\r\n", "\n"))
    if not text:
        return None
    return value(name, tuple(text.split(LIST_SEPARATOR)) if name in MANY else text)


@functools.lru_cache(maxsize=1 << 16)
def _day_cell(name: str, text: str) -> Any:
    """A daily-table cell as a Day holds it. A word field holds every word the day's
    entries gave, so even one that takes a single word an entry (skin colour) may hold
    several, joined by ';'. Lists are shared by the rows with the same text: nothing that
    reads a Day changes its lists."""
    if name not in WORD_FIELDS:
        return _shared(name, text)
    if name in MANY:
        return _shared(name, text) or []
    words = (value(name, part) for part in restored(text.strip()).split(LIST_SEPARATOR) if part)
    return list(dict.fromkeys(words))


@functools.lru_cache(maxsize=1 << 14)
def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise DiaryError("date", text, "is not a date; use YYYY-MM-DD") from None


def _table(result: Read, text: str, name: str, bundle: bool = False) -> None:
    """One CSV: a daily table, or a bundle's entries, sessions or daily table."""
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [h.strip() for h in next(reader, [])]
    if "date" not in header:
        raise Damaged(f"has no 'date' column in {name}")
    kind = (
        "sessions"
        if {"kind", "minutes"} <= set(header)
        else ("entries" if "uid" in header else "daily")
    )
    names = TABLE_NAMES[kind]
    columns = [(i, names[h]) for i, h in enumerate(header) if h in names]
    if kind == "daily" and not bundle and not columns:
        raise Damaged(f"has no column the diary knows in {name}; see docs/data-dictionary.md")
    if kind == "daily" and bundle:  # only the day facts: entries.csv has each entry
        columns = [(i, n) for i, n in columns if n in SHARED_DAY_FACTS]
    own = kind == "daily" and not bundle
    means = [(i, n) for i, n in columns if own and n in MEANS]  # kept as text: mean_value
    columns = [(i, n) for i, n in columns if (i, n) not in means]
    if own:  # a value a Day has no place for (an entry's own pattern) is checked, not kept
        checked = [(i, n) for i, n in columns if n not in DAY_VALUES]
        columns = [(i, n) for i, n in columns if n in DAY_VALUES]
    cell = _day_cell if own else _shared
    at = {h: i for i, h in enumerate(header) if h in OWN}
    expected = result.found.patient if result.found.named else ""
    width = len(header)
    for row in reader:
        if len(row) < width:
            row += [""] * (width - len(row))
        if not any(row):
            continue
        cells = {h: row[i] for h, i in at.items()}
        try:  # the quick way: every cell good, as in nearly every row
            date = _date(cells["date"])
            values = {n: cell(n, row[i]) for i, n in columns if row[i]}
            for i, n in checked if own else ():
                if row[i]:
                    cell(n, row[i])
        except DiaryError:  # one cell at a time, to name every bad one
            where = f"{name} line {reader.line_num}"
            date = result.check(where, _date, cells["date"])
            values = {n: result.check(where, cell, n, row[i]) for i, n in columns if row[i]}
            for i, n in checked if own else ():
                if row[i]:
                    result.check(where, cell, n, row[i])
        if (patient := cells.get("patient_id")) and restored(patient.strip()) != expected:
            said = expected or "the file's first rows (none)"
            result.problems.append(
                f"{name} line {reader.line_num}, patient_id: {restored(patient.strip())!r} is "
                f"another patient than {said}; one patient a file"
            )
        if date is None:
            continue
        if own:
            texts = {n: row[i] for i, n in means if row[i].strip()}
            result.days[date] = _day(result, (name, reader.line_num), date, values, texts, cells)
        elif kind == "daily":  # a bundle's: a row for every logged day, as the diary has
            result.facts[date] = {**BLANK_FACTS, **values, "date": _iso(date)}
        else:
            _row(result, kind, date, values, cells)


@functools.lru_cache(maxsize=1 << 16)
def _shared(name: str, text: str) -> Any:
    """A bundle's cell as the store gives it (lists as lists); the lists are shared by
    every row that has the same text, which daily_values only ever reads."""
    checked = _cell(name, text)
    return list(checked) if isinstance(checked, tuple) else checked


@functools.lru_cache(maxsize=1 << 14)
def _iso(date: dt.date) -> str:
    return date.isoformat()


def _row(result: Read, kind: str, date: dt.date, values: Row, cells: dict[str, str]) -> None:
    """An entry or session as the store would give it: every field, lists as lists."""
    uid = cells.get("uid", "").strip() or None
    if kind == "entries":
        time = cells.get("time", "").strip() or None
        result.entries.append({**BLANK_ENTRY, **values, "date": _iso(date), "time": time,
                               "uid": uid})  # fmt: skip
    elif values.get("kind") and values.get("minutes") is not None:
        result.sessions.append({**values, "date": _iso(date), "uid": uid})


def _day(
    result: Read,
    line: tuple[str, int],
    date: dt.date,
    values: Row,
    means: dict[str, str],
    cells: dict[str, str],
) -> Day:
    """A daily-table row as the Day the diary had: means kept exact, skin changes worked
    out from the three skin columns as daily.py does, the minutes of the day's sessions."""
    try:
        count = _count("entries", cells.get("entries", ""), 0, 10000)
        minutes = _count("exercise_minutes", cells.get("exercise_minutes", ""), 0, DAY)
        entries = count if count is not None else int(bool(means or values.keys() & BLANK_ENTRY))
        if None in values.values():  # a cell of spaces: not logged
            values = {n: v for n, v in values.items() if v is not None}
        exact = {n: mean_value(n, restored(t.strip()), max(entries, 1)) for n, t in means.items()}
    except DiaryError:
        where = f"{line[0]} line {line[1]}"
        count = result.check(where, _count, "entries", cells.get("entries", ""), 0, 10000)
        said = cells.get("exercise_minutes", "")
        minutes = result.check(where, _count, "exercise_minutes", said, 0, DAY)
        entries = count if count is not None else 1
        exact = {n: result.check(where, mean_value, n, restored(t.strip()), max(entries, 1))
                 for n, t in means.items()}  # fmt: skip
    day = Day(date, entries=entries, day_record=True, **values, **exact)  # a row: it was logged
    if day.skin_color or day.skin_temp or day.skin_signs:
        words = [w for part in (day.skin_color, day.skin_temp, day.skin_signs) for w in part
                 if w != NORMAL]  # fmt: skip
        day.skin_change, day.skin = bool(words), list(dict.fromkeys(words))
    if minutes:
        kinds = [k for k in restored(cells.get("exercise_kinds", "").strip()).split(";") if k]
        day.exercise = {"+".join(kinds) or "exercise": minutes}
    return day


@functools.lru_cache(maxsize=4096)
def _count(name: str, raw: str, low: int, high: int) -> int | None:
    raw = raw.strip()
    return int(number_in(name, raw, low, high, whole=True)) if raw else None


def _document(result: Read, text: str) -> None:
    """A json export: its entries, sessions, day facts and the settings the analysis uses."""
    try:
        doc = json.loads(text)
    except ValueError as error:
        raise Damaged(f"is not JSON ({error})") from None
    if not isinstance(doc, dict):
        raise Damaged("is not an ampsdiary json export")
    if doc.get("format_version") != FORMAT_VERSION:
        raise Damaged(
            f"is format version {doc.get('format_version')}; this version reads {FORMAT_VERSION}"
        )
    patient = doc.get("patient_id") or ""
    if patient != (result.found.patient if result.found.named else ""):
        raise Damaged(f"names patient {patient!r}, not {result.found.patient!r}")
    settings = doc.get("settings") or {}
    for key in SETTINGS:
        if settings.get(key) is not None:
            checked = result.check("settings", check_value, key, str(settings[key]))
            if checked is not None:
                result.settings[key] = checked
    for key, names in (("entries", ENTRY_NAMES), ("sessions", SESSION_NAMES), ("days", DAY_NAMES)):
        for i, row in enumerate(doc.get(key) or []):
            _stored(result, f"{key}[{i}]", key, row, names)


def _stored(result: Read, where: str, key: str, row: Any, names: dict[str, str]) -> None:
    if not isinstance(row, dict):
        result.problems.append(f"{where}, is not an object")
        return
    date = result.check(where, _date, str(row.get("date")))
    values: Row = {}
    for name, raw in row.items():
        field_name = names.get(name)
        if field_name and raw is not None and field_name != "private_note":
            raw = tuple(raw) if isinstance(raw, list) else raw
            checked = result.check(where, value, field_name, raw)
            values[field_name] = list(checked) if isinstance(checked, tuple) else checked
    if date is None:
        return
    if key == "days":
        facts = {k: v for k, v in values.items() if k in BLANK_FACTS}
        result.facts[date] = {**BLANK_FACTS, **facts, "date": date.isoformat()}
        return
    cells = {"uid": str(row.get("uid") or ""), "time": str(row.get("time") or "")}
    _row(result, "entries" if key == "entries" else "sessions", date, values, cells)
