"""The schema, one numbered migration at a time. Never rename or edit a landed migration."""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("ampsdiary")


@migrations()
def m001_create_tables(db: Database) -> None:
    """Symptom entries, day-level facts, sessions, settings and the change history."""
    db["entries"].create(
        {
            "id": int,
            "date": str,
            "time": str,
            "recorded_at": str,
            "pain": int,
            "worst": int,
            "pain_scale": str,
            "locations": str,
            "quality": str,
            "pattern": str,
            "allodynia": int,
            "allodynia_locations": str,
            "swelling": str,
            "skin_color": str,
            "skin_temp": str,
            "skin_signs": str,
            "movement": str,
            "symptoms": str,
            "triggers": str,
            "note": str,
        },
        pk="id",
        not_null={"date", "recorded_at"},
    )
    db["entries"].create_index(["date"])
    db["days"].create(
        {
            "date": str,
            "function": int,
            "school": str,
            "sport": int,
            "social": int,
            "sleep": float,
            "mood": int,
            "day_note": str,
            "private_note": str,
            "updated_at": str,
        },
        pk="date",
    )
    db["sessions"].create(
        {
            "id": int,
            "date": str,
            "kind": str,
            "minutes": int,
            "intensity": str,
            "session_note": str,
            "recorded_at": str,
        },
        pk="id",
        not_null={"date", "kind", "minutes", "recorded_at"},
    )
    db["sessions"].create_index(["date"])
    db["settings"].create({"key": str, "value": str}, pk="key")
    db["changes"].create(
        {
            "id": int,
            "changed_at": str,
            "table_name": str,
            "row_key": str,
            "date": str,
            "field": str,
            "old_value": str,
            "new_value": str,
            "action": str,
        },
        pk="id",
    )
    db["changes"].create_index(["date"])
