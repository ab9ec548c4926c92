"""REDCap files for a research team: a data dictionary and the matching import CSV.

Both are made from the exported tables' columns (columns.py), so a field added to the
vocabulary appears in the dictionary and the import at once. Three instruments: a
non-repeating `participant` holding the record id (the patient id), a repeating
`daily_diary` (one instance per logged day: the daily table) and a repeating
`exercise_session` (one per session). Whether an instrument repeats is a project setting
that no dictionary can carry, so README.txt tells the team how to switch it on.
Private notes never go into these files: research data is shared beyond the clinic.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import __version__
from ..errors import DiaryError
from ..outputs import atomic
from ..store.database import utc_now
from ..vocabulary import FIELDS, Scale, Text
from .columns import Column
from .fhir import patient_id  # the same rule: a patient id set, no private notes
from .rows import ROWS, cell, columns, neutralised

if TYPE_CHECKING:
    from .export import Export

HEADERS = (
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
)  # fmt: skip
RECORD_ID = "record_id"
PARTICIPANT = "participant"
# Each repeating instrument, the table it holds and the prefix of its variables: a prefix
# keeps names unique across the project (both tables have `date` and `note`) and clear of
# REDCap's reserved words.
FORMS = {"daily_diary": ("daily", "day_"), "exercise_session": ("sessions", "session_")}
REPEAT = ("redcap_repeat_instrument", "redcap_repeat_instance")
NAME = re.compile(r"[a-z][a-z0-9_]*\Z")
LONGEST = 26  # REDCap's advice for variable names
COMPLETE = "2"  # <form>_complete: 0 incomplete, 1 unverified, 2 complete
DROPDOWN = 10  # a single choice among more words than this is a dropdown, not radio buttons
VALIDATION = {"date": "date_ymd", "datetime": "datetime_seconds_ymd", "integer": "integer",
              "number": "number"}  # fmt: skip
FILES = ("redcap_data_dictionary.csv", "redcap_import.csv", "README.txt")


@dataclass(frozen=True)
class Variable:
    """One REDCap field made from one exported column."""

    name: str
    form: str
    column: Column

    @property
    def kind(self) -> str:
        """REDCap's field type."""
        col = self.column
        if col.type == "boolean":
            return "yesno"
        if col.words:
            return "checkbox" if col.many else "radio" if len(col.words) <= DROPDOWN else "dropdown"
        if col.field and isinstance(FIELDS[col.field].kind, Text):
            return "notes"
        return "text"

    @property
    def codes(self) -> dict[str, str]:
        """Each allowed word's raw code, 1..n in the vocabulary's order (REDCap's `1, Full`)."""
        return {word: str(i) for i, word in enumerate(self.column.words, 1)}

    def headers(self) -> list[str]:
        """Its import columns: a checkbox has one per choice, `name___code`."""
        if self.kind == "checkbox":
            return [f"{self.name}___{code}" for code in self.codes.values()]
        return [self.name]

    def dictionary_row(self) -> list[str]:
        col = self.column
        validation = VALIDATION.get(col.type, "") if self.kind == "text" else ""
        bounds = ["", ""]
        if validation in ("integer", "number"):
            bounds = [_number(col.minimum), _number(col.maximum)]
        choices = " | ".join(f"{code}, {word}" for word, code in self.codes.items())
        label, note = _label(col)
        row = {
            "Variable / Field Name": self.name,
            "Form Name": self.form,
            "Field Type": self.kind,
            "Field Label": label,
            "Choices, Calculations, OR Slider Labels": choices,
            "Field Note": note,
            "Text Validation Type OR Show Slider Number": validation,
            "Text Validation Min": bounds[0],
            "Text Validation Max": bounds[1],
            "Identifier?": "y" if self.kind == "notes" else "",  # free text may name people
            "Required Field?": "y" if col.required else "",
            "Field Annotation": f"ampsdiary column {col.name}",
        }
        return [row.get(h, "") for h in HEADERS]

    def cells(self, value: Any) -> list[str]:
        """The value as REDCap imports it: choice codes, 0/1, dates YYYY-MM-DD."""
        kind = self.kind
        if kind == "checkbox":
            chosen = set(value or ())
            return ["1" if word in chosen else "0" for word in self.codes]
        if value is None or value == []:
            return [""]
        if kind == "yesno":
            return ["1" if value else "0"]
        if kind in ("radio", "dropdown"):
            return [self.codes[value]]
        if self.column.type == "datetime":  # stored as ...T...Z (UTC); REDCap wants a space
            return [str(value).replace("T", " ")[:19]]
        return [cell(value, self.column)]


def _label(col: Column) -> tuple[str, str]:
    """The field's label and note: a column that only restates its vocabulary field is
    labelled with the field's own words (the choices show the rest); a scale's note gives
    its ends, so a team reads what 0 and 10 mean."""
    f = FIELDS.get(col.field or "")
    if f is None or col.description != f"{f.label}: {f.kind.describe()}.":
        return col.description, col.unit or ""
    return f.label, f.kind.describe() if isinstance(f.kind, Scale) else ""


def _number(bound: float | None) -> str:
    return "" if bound is None else f"{bound:g}"


def variables() -> list[Variable]:
    """Every variable after the record id, form by form, from the tables' columns."""
    found = []
    for form, (table, prefix) in FORMS.items():
        for col in columns(table):
            if col.name == "patient_id":  # the record id itself
                continue
            name = col.name if col.name.startswith(prefix) else prefix + col.name
            found.append(Variable(name, form, col))
    return found


def record_id_row() -> list[str]:
    row = {
        "Variable / Field Name": RECORD_ID,
        "Form Name": PARTICIPANT,
        "Field Type": "text",
        "Field Label": "Patient id (the ampsdiary setting patient-id)",
        "Field Annotation": "ampsdiary column patient_id",
    }
    return [row.get(h, "") for h in HEADERS]


def dictionary() -> list[list[str]]:
    """The data dictionary: its 18 headers, then one row per field."""
    return [list(HEADERS), record_id_row(), *(v.dictionary_row() for v in variables())]


def import_header() -> list[str]:
    """Record id, the repeat columns, then each form's fields and its `<form>_complete`."""
    header = [RECORD_ID, *REPEAT, f"{PARTICIPANT}_complete"]
    for form in FORMS:
        header += [h for v in variables() if v.form == form for h in v.headers()]
        header.append(f"{form}_complete")
    return header


def import_rows(export: Export) -> list[list[str]]:
    """The participant row, then one row per logged day and one per session, each an
    instance 1..n of its repeating form; other forms' columns stay blank."""
    record = neutralised(patient_id(export, "REDCap"))
    header = import_header()
    rows = [[record, "", "", COMPLETE] + [""] * (len(header) - 4)]
    for form, (table, _) in FORMS.items():
        fields = [v for v in variables() if v.form == form]
        cols = [c.name for c in columns(table)]
        read = ROWS[table](export.diary, export.start, export.end, False)
        for instance, values in enumerate(read, 1):
            by_name = dict(zip(cols, values, strict=True))
            row = dict.fromkeys(header, "")
            row.update({RECORD_ID: record, REPEAT[0]: form, REPEAT[1]: str(instance)})
            for v in fields:
                row.update(zip(v.headers(), v.cells(by_name[v.column.name]), strict=True))
            row[f"{form}_complete"] = COMPLETE
            rows.append(list(row.values()))
    return [header, *rows]


def _csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def readme(export: Export) -> str:
    """README.txt: how a research team loads these files into a REDCap project."""
    forms = ", ".join(FORMS)
    lines = [
        "ampsdiary export for REDCap",
        "",
        f"Record id (patient id): {export.patient}",
        f"Period: {export.start} to {export.end}",
        f"Made: {utc_now()} (UTC) by ampsdiary {__version__}",
        "Private notes: never included",
        "",
        "redcap_data_dictionary.csv  the instruments: participant (the record id), "
        "daily_diary and exercise_session",
        "redcap_import.csv           this patient's days and sessions, ready for the Data "
        "Import Tool",
        "",
        "1. Upload redcap_data_dictionary.csv in a project in development mode",
        "   (Designer > Data Dictionary). It is the same for every patient.",
        f"2. Make {forms} repeating: Project Setup > Enable optional",
        "   modules and customizations > Repeating instruments (and events) > Enable, tick",
        "   both instruments and save. A data dictionary cannot do this: it is a project",
        "   setting. Custom labels such as [day_date] and [session_date] [session_kind] help.",
        "3. Import redcap_import.csv with the Data Import Tool (CSV, records as rows, dates",
        "   Y-M-D). record_id is the patient id: do not let REDCap auto-number the records.",
        "",
        "Each export numbers a patient's days and sessions from instance 1. Import a whole",
        "export (the default, from the first logged day) and let blank values overwrite, so",
        "a new export replaces the old one; never mix in a shorter (--from) export.",
        "A blank cell means not logged. A checkbox shows 1 for each word the day gave, 0",
        "otherwise; day_entries = 0 says no symptom entry was logged that day. Text that",
        "starts with = + - @ has a leading ' so a spreadsheet never runs it. Free-text notes",
        "are marked as identifiers, so REDCap's de-identified exports leave them out.",
        "",
    ]
    return "\r\n".join(lines)


def files(export: Export) -> dict[str, str]:
    """The folder's files by name (the import first, so a missing patient id fails early)."""
    imported = _csv(import_rows(export))
    return dict(zip(FILES, (_csv(dictionary()), imported, readme(export)), strict=True))


def write(export: Export, folder: Path) -> list[str]:
    """The three files into `folder` (made owner-only if new), each written whole."""
    if folder.exists() and not folder.is_dir():
        raise DiaryError("out", str(folder), "is a file; REDCap's files go into a folder")
    made = files(export)
    folder.mkdir(mode=0o700, exist_ok=True)
    for name, text in made.items():
        with atomic(folder / name) as tmp:
            tmp.write_bytes(text.encode("utf-8"))
    return list(made)
