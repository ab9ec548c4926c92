"""`backup`, `restore` and `check`: a copy of the diary kept safe, put back, and looked over."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from ..errors import DiaryError
from ..store import diary_path
from . import manage
from .common import JsonOption, emit, friendly_errors

if TYPE_CHECKING:
    from ..backups import Held
    from ..checkup import Checkup, Found

OutOption = Annotated[
    Path | None,
    typer.Option(
        "--out",
        "-o",
        metavar="PATH",
        help="A new file, or a folder to put it in. Default: the backups folder beside the "
        "diary, named by the day (diary-2026-11-18.db; the next that day: diary-2026-11-18-2.db).",
    ),
]


def _held(held: Held) -> dict:
    return {"path": str(held.path), "size": held.size, "days": held.days,
            "first": held.first, "last": held.last}  # fmt: skip


def backup(ctx: typer.Context, out: OutOption = None, as_json: JsonOption = False) -> None:
    """Copy the diary into a backup file that only you can read.

    The copy is made while the diary is in use, checked, and never replaces an earlier
    backup. Put it back with `ampsdiary restore PATH`.
    """
    from .. import backups

    made = backups.backup(diary_path(ctx.obj), out)

    def render(console: Console) -> None:
        out = functools.partial(console.print, soft_wrap=True)  # a path is never broken
        out(f"Backed up the diary to {made.path} ({made.said()}).")
        out(f"To put it back: ampsdiary restore {made.path}")

    emit(as_json, {"backup": _held(made)}, render)


def _ask(backup_file: Held, now: Held | str | None, diary: Path) -> None:
    """Say what the backup holds next to the diary, and ask (on stderr: stdout stays the
    result). Without a terminal to ask in, nothing is restored."""
    if not manage.can_ask():
        raise DiaryError(
            "restore", None, "asks before replacing the diary, and there is no terminal to ask "
            "in; pass --yes to restore without a question (nothing was changed)",
        )  # fmt: skip
    said = "does not exist yet" if now is None else f"holds {now.said()}"
    if isinstance(now, str):
        said = f"is {now}"
    say = Console(stderr=True, highlight=False, markup=False, soft_wrap=True).print
    say(f"The backup {backup_file.path} holds {backup_file.said()}.")
    say(f"The diary {diary} {said}.")
    if now is not None:
        say("Restoring replaces it with the backup; the diary as it is now is kept first, "
            f"in {diary.parent / 'backups'}.")  # fmt: skip
    if not typer.confirm("Restore?", default=False, err=True):
        typer.echo("Nothing was restored.", err=True)
        raise typer.Exit(1)


def restore(
    ctx: typer.Context,
    path: Annotated[Path, typer.Argument(help="The backup file to put back.", metavar="PATH")],
    yes: Annotated[
        bool, typer.Option("--yes", "-y", help="Restore without asking first (for scripts).")
    ] = False,
    as_json: JsonOption = False,
) -> None:
    """Put a backup back in place of the diary, after showing both and asking.

    The backup is checked first (an ampsdiary diary, whole, not from a newer version); the
    diary it replaces is kept as a backup of its own, so a restore can be undone by
    restoring that one. Without a terminal (in a script), pass --yes.
    """
    from .. import backups

    diary = diary_path(ctx.obj)
    incoming = backups.check_backup(path, diary)
    if not yes:
        _ask(incoming, backups.current(diary), diary)
    done = backups.restore(path, diary)

    def render(console: Console) -> None:
        out = functools.partial(console.print, soft_wrap=True)
        out(f"Restored {path} into the diary {diary}: it holds {done.diary.said()}.")
        if done.kept:
            out(f"The diary as it was is kept in {done.kept}; to go back to it: "
                      f"ampsdiary restore {done.kept}")  # fmt: skip
        if done.migrates:
            out("The backup is in an older format: the next command brings it up to "
                      "date (after a backup of its own).")  # fmt: skip

    data = {"restored": str(path), "diary": _held(done.diary),
            "kept": str(done.kept) if done.kept else None, "migrates": done.migrates}  # fmt: skip
    emit(as_json, data, render)


def check(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Check the diary: whole, in this version's format, and every stored value one this
    version writes. Exit status 2 when something is wrong, with what to do."""
    from .. import backups, checkup

    diary = diary_path(ctx.obj)
    found = checkup.check(diary)
    problems = found.problems
    newest = backups.newest(diary)
    advice = _advice(found, newest)

    def render(console: Console) -> None:
        out = functools.partial(console.print, soft_wrap=True)
        held = f" ({found.diary.said()})" if found.diary else ""
        out(f"Diary: {diary}{held}")
        if not problems:
            out(f"Whole (integrity check ok); {_format(found)}; every stored value is "
                      "one this version writes.")  # fmt: skip
            return
        for line in problems:
            out(f"Problem: {line}")
        for line in advice:
            out(line)

    data = {
        "diary": str(diary),
        "healthy": not problems,
        "held": _held(found.diary) if found.diary else None,
        "integrity": found.integrity or ["ok"],
        "format": {"applied": found.applied, "pending": found.pending, "newer": found.newer},
        "values": [_value(v) for v in found.values],
        "problems": problems,
        "what_to_do": advice,
        "newest_backup": str(newest) if newest else None,
    }
    emit(as_json, data, render)
    if problems:
        raise typer.Exit(2)


def _value(found: Found) -> dict:
    value = "(private)" if found.field == "private_note" else found.value
    return {"kind": found.kind, "key": found.key, "date": found.date, "field": found.field,
            "value": value, "fix": found.fix()}  # fmt: skip


def _format(found: Checkup) -> str:
    if not found.pending:
        return "this version's format"
    done, to_do = len(found.applied), len(found.pending)
    return (f"an older format ({done} of {done + to_do} migrations): the next command "
            "brings it up to date, after a backup")  # fmt: skip


def _advice(found: Checkup, newest: Path | None) -> list[str]:
    """What to do, one line each: correct each value, or restore a backup, or upgrade."""
    restore = f"ampsdiary restore {newest}" if newest else "ampsdiary restore PATH"
    lines = [f"  {v}: {v.fix()}" for v in found.values]
    if found.newer:
        lines.append("Upgrade ampsdiary to change this diary; this version only reads it.")
    if found.integrity or found.unreadable:
        lines.append(f"Restore a backup: {restore}" + ("" if newest else " (none found beside "
                     "the diary; look where you keep backups)"))  # fmt: skip
    elif found.values:
        lines.append(f"  or restore a backup from before they were changed: {restore}")
    return ["What to do:", *(line.strip() for line in lines)] if lines else []


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(backup))
    app.command()(friendly_errors(restore, {"backup": "PATH"}))
    app.command()(friendly_errors(check))
