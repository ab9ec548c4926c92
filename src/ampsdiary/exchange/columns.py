"""The exported tables' columns, made from the vocabulary: a field added there appears in
every CSV, the datapackage.json and the data dictionary at once.

Three tables: `daily` (one row per logged day, the day's values as `show` defines them),
`entries` (one row per symptom entry) and `sessions` (one row per exercise session).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Any

from ..vocabulary import (
    ENTRY_FIELDS,
    FIELDS,
    SESSION_KINDS,
    Choice,
    Scale,
    Tags,
    Text,
    YesNo,
    column,
)

LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """One column: its Table Schema type and constraints, and what it holds in words."""

    name: str
    type: str  # a Table Schema type: string, integer, number, boolean, date, datetime
    description: str
    field: str | None = None  # the vocabulary field it comes from
    words: tuple[str, ...] = ()  # allowed words (one, or several joined with ';')
    many: bool = False  # several words joined with ';'
    minimum: float | None = None
    maximum: float | None = None
    unit: str | None = None
    required: bool = False
    pattern: str | None = None

    def schema(self) -> dict[str, Any]:
        """This column as a Frictionless Table Schema field."""
        out: dict[str, Any] = {"name": self.name, "type": self.type}
        out["description"] = self.description + (f" Unit: {self.unit}." if self.unit else "")
        constraints: dict[str, Any] = {}
        if self.required:
            constraints["required"] = True
        if self.minimum is not None:
            constraints["minimum"] = self.minimum
        if self.maximum is not None:
            constraints["maximum"] = self.maximum
        if self.words and not self.many:
            constraints["enum"] = list(self.words)
        pattern = self.pattern or (_list_pattern(self.words) if self.many and self.words else None)
        if pattern:
            constraints["pattern"] = pattern
        if constraints:
            out["constraints"] = constraints
        return out


def _list_pattern(words: tuple[str, ...]) -> str:
    one = "(" + "|".join(re.escape(w) for w in words) + ")"
    return f"{one}({LIST_SEPARATOR}{one})*"


def from_field(name: str, description: str = "", name_as: str = "", mean: bool = False) -> Column:
    """A column holding one vocabulary field; `mean` for a day's mean of whole scores."""
    f = FIELDS[name]
    kind = f.kind
    said = description or f"{f.label}: {kind.describe()}."
    common = {"name": name_as or column(name), "description": said, "field": name}
    if isinstance(kind, Scale):
        number = "number" if mean or not kind.whole else "integer"
        unit = {"sleep": "hours", "minutes": "minutes"}.get(name)
        return Column(type=number, minimum=kind.low, maximum=kind.read_high, unit=unit, **common)
    if isinstance(kind, Choice):
        return Column(type="string", words=kind.values, many=kind.many, **common)
    if isinstance(kind, Tags):
        return Column(type="string", many=True, pattern=r"[^;]+(;[^;]+)*", **common)
    if isinstance(kind, YesNo):
        return Column(type="boolean", **common)
    assert isinstance(kind, Text)
    return Column(type="string", **common)


def _day_words(name: str) -> Column:
    """A word field of the day: every word its entries gave, so several for one day."""
    said = f"{FIELDS[name].label}: every word the day's entries gave, joined with ';'."
    return replace(from_field(name), description=said, many=True)


PATIENT = Column("patient_id", "string", "The patient's id (setting patient-id).", required=True)
DATE = Column("date", "date", "The day, YYYY-MM-DD, in the patient's own calendar.", required=True)
UID = Column("uid", "string", "The row's lasting id (a UUID): the same row on every computer.",
             required=True)  # fmt: skip
ROW_ID = Column("id", "integer", "The row's number in the diary (never given twice).", minimum=1)
RECORDED = Column("recorded_at", "datetime", "When the row was first recorded, in UTC.")
TIME = Column("time", "string", "The time the entry describes, HH:MM, local.",
              pattern=r"([01][0-9]|2[0-3]):[0-5][0-9]")  # fmt: skip

DAILY = (
    PATIENT,
    DATE,
    from_field("pain", "Pain: the mean of the day's entries, 0 (no pain) to 10.", mean=True),
    from_field("worst", "Worst pain: the highest worst (or pain) of the day's entries."),
    *(_day_words(n) for n in ("locations", "quality")),
    from_field("allodynia", "Allodynia: the mean of the day's entries, 0 to 10.", mean=True),
    from_field("swelling", "Swelling: the worst level the day's entries gave."),
    *(
        _day_words(n)
        for n in ("skin_color", "skin_temp", "skin_signs", "movement", "symptoms", "triggers")
    ),
    from_field("function"),
    from_field("school"),
    from_field("sport"),
    from_field("social"),
    from_field("sleep"),
    from_field("mood"),
    Column(
        "exercise_minutes",
        "integer",
        "Minutes of exercise and therapy sessions that day.",
        minimum=0,
        unit="minutes",
    ),
    Column(
        "exercise_kinds",
        "string",
        "The kinds of the day's sessions, joined with ';'.",
        words=SESSION_KINDS,
        many=True,
    ),
    Column("entries", "integer", "How many symptom entries the day has.", minimum=0),
    from_field("day_note", "The day's note (parents and therapists may read it)."),
)
PRIVATE = from_field("private_note", "The private note: only with --include-private.",
                     name_as="private_note")  # fmt: skip
ENTRIES = (
    PATIENT, UID, ROW_ID, DATE, TIME, RECORDED,
    *(from_field(f.name) for f in ENTRY_FIELDS),
)  # fmt: skip
SESSIONS = (
    PATIENT, UID, ROW_ID, DATE, RECORDED,
    *(from_field(name) for name in ("kind", "minutes", "intensity", "session_note")),
)  # fmt: skip
TABLES = {"daily": DAILY, "entries": ENTRIES, "sessions": SESSIONS}
KEYS = {"daily": ["patient_id", "date"], "entries": ["uid"], "sessions": ["uid"]}
