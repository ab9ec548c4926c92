"""How values are kept in the diary's tables: lists as JSON text, yes/no as 0/1, the
history's records as JSON; and back again. Apart from database.py, which reads and writes."""

from __future__ import annotations

import contextlib
import json
from typing import Any

Row = dict[str, Any]
TABLES = {"entry": "entries", "session": "sessions", "day": "days", "setting": "settings"}
KINDS = {table: kind for kind, table in TABLES.items()}
# Entry columns holding several words (regions, symptoms...), stored as JSON lists.
LIST_COLUMNS = (
    "locations",
    "quality",
    "allodynia_locations",
    "skin_signs",
    "movement",
    "symptoms",
    "triggers",
)
YES_NO_COLUMNS = ("sport", "social")


def encoded(values: Row) -> Row:
    """Lists become JSON text; booleans become 0/1; None stays NULL (never 0)."""
    out: Row = {}
    for key, value in values.items():
        if isinstance(value, list):
            value = json.dumps(value)
        elif isinstance(value, bool):
            value = int(value)
        out[key] = value
    return out


def decode_value(column: str, value: Any) -> Any:
    """A stored value back to a list or yes/no; a value this version would not write (plain
    text in a list column, 7 in a yes/no column) is passed on as it is, for the library to
    report."""
    if column in LIST_COLUMNS and isinstance(value, str):
        with contextlib.suppress(ValueError):
            return json.loads(value)
    elif column in YES_NO_COLUMNS and value in (0, 1):
        return bool(value)
    return value


def decoded(row: Row) -> Row:
    """Stored text back to lists and yes/no (see decode_value)."""
    for key in (*LIST_COLUMNS, *YES_NO_COLUMNS):
        if key in row:
            row[key] = decode_value(key, row[key])
    return row


def as_text(value: Any) -> str:
    """Bytes pasted into a diary by hand, kept in the history as text (JSON has no bytes):
    a row holding them can still be edited or deleted, its old values kept."""
    if isinstance(value, bytes):
        return value.decode("utf-8", "backslashreplace")
    raise TypeError(f"{type(value).__name__} is not kept in the history")


def history_value(field: str | None, text: str | None) -> Any:
    """Stored values as the user typed them: lists as lists, whole rows as decoded dicts."""
    if text is None:
        return None
    try:
        value = json.loads(text)
    except ValueError:
        return text
    if isinstance(value, dict):
        return decoded(value)
    return decoded({field: value})[field] if field else value


def change_row(row: Row) -> Row:
    """One record of the history, its values decoded."""
    return {
        "id": row["id"],
        "changed_at": row["changed_at"],
        "kind": KINDS.get(row["table_name"], row["table_name"]),
        "key": row["row_key"],
        "uid": row["row_uid"],
        "date": row["date"],
        "field": row["field"],
        "action": row["action"],
        "source": row["source"],
        "old_value": history_value(row["field"], row["old_value"]),
        "new_value": history_value(row["field"], row["new_value"]),
    }
