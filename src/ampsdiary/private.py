"""Private notes stay with their owner: a read that does not ask for them (private=True)
shows that a note exists, never its words."""

from __future__ import annotations

from typing import Any

Row = dict[str, Any]
PRIVATE = "(private)"  # what a read without private=True shows instead of a private note


def masked(change: Row) -> Row:
    """A private note's text replaced by PRIVATE, alone or inside a whole added or deleted day."""
    change = dict(change)
    if change["field"] == "private_note":
        for key in ("old_value", "new_value"):
            change[key] = change[key] and PRIVATE
    for key in ("old_value", "new_value"):
        value = change[key]
        if isinstance(value, dict) and value.get("private_note"):
            change[key] = {**value, "private_note": PRIVATE}
    return change
