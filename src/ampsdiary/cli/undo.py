"""`undo`: put back what a change of the history deleted or changed, itself in the history."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer

from ..dates import day_label
from ..errors import DiaryError
from ..undo import Undone
from ..validate import as_id
from ..vocabulary import FIELDS
from .common import cell, console, opened


def said(kind: str, row: dict) -> str:
    """What a row holds, in the words `log` uses: 'entry #3 at 08:00: pain now 5; ...'; a
    private note is only mentioned."""
    values = {k: v for k, v in row.items() if k in FIELDS and v not in (None, [], "")}
    private = bool(values.pop("private_note", None) or row.get("has_private_note"))
    if kind == "session":
        head = f"session #{row['id']}: {values.pop('kind', '')} {values.pop('minutes', '')} min"
    elif kind == "entry":
        head = f"entry #{row['id']}" + (f" at {row['time']}" if row.get("time") else "")
    else:
        head = "the day's facts"
    parts = [f"{FIELDS[k].label.lower()} {cell(v)}" for k, v in values.items()]
    parts += ["a private note"] * private
    joined = "; " if kind == "session" else ": "
    return head + (joined if parts else "") + "; ".join(parts)


def _day(date: str | None) -> str:
    return day_label(dt.date.fromisoformat(date)) if date else ""


def _value(name: str | None, value: object) -> str:
    if name == "private_note":
        return "(private)" if value else "(empty)"
    return cell(value) or "(empty)"


def undone_line(u: Undone) -> str:
    """One undo in words: what came back, went or was set back, and from which change."""
    change, where = u.change, _day(u.change["date"])
    if u.kind == "setting":
        return f"{u.key}: {u.before} -> {u.after} (as before change #{change['id']})."
    if u.what == "set back":
        row = where if u.kind == "day" else f"{u.kind} #{u.key}"
        label = FIELDS[u.field].label if u.field in FIELDS else u.field
        before, after = _value(u.field, u.before), _value(u.field, u.after)
        return f"{label} of {row}: {before} -> {after} (as before change #{change['id']})."
    row = {**(u.after or u.before or {}), "id": u.key}
    if u.what == "taken out":
        return f"Took out {said(u.kind, row)} ({where}), added by change #{change['id']}."
    moved = "" if u.kind == "day" or u.key == change["key"] else f" (#{change['key']} is taken)"
    return f"Put back {said(u.kind, row)} ({where}){moved}."


def undo(
    ctx: typer.Context,
    change_ids: Annotated[
        list[str],
        typer.Argument(
            help="The change ids `ampsdiary history` shows (or `delete` printed); several "
            "are undone together, or none.",
            metavar="CHANGE_ID",
        ),
    ],
) -> None:
    """Put back what a change deleted or changed; an addition is taken out.

    The undo is itself a change in `history` (its source: `undo #ID`), so it can be undone
    in turn.
    """
    ids = [as_id(raw) for raw in change_ids]
    for raw, key in zip(change_ids, ids, strict=True):
        if key is None:
            raise DiaryError("change", raw, "is not a change id; `ampsdiary history` shows them")
    with opened(ctx, write=True) as diary:
        done = diary.undo(ids, "undo")
        redo = " ".join(map(str, diary.last_changes))
    out = console()
    for u in done:
        out.print(undone_line(u), markup=False)
    out.print(f"To change it back again: ampsdiary undo {redo}", markup=False)
