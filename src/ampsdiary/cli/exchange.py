"""`export` and `import`: the diary as files a therapist, a clinic or a research team opens,
and those files read back.

Single-file formats go to stdout without --out; --out naming a folder or a .zip makes the
therapist bundle; `redcap` writes its files into the --out folder.
Private notes are left out unless --include-private.
"""

from __future__ import annotations

import contextlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any

import typer

from ..analysis.measures import plural
from ..dates import today
from ..errors import DiaryError
from ..exchange import FORMATS
from ..outputs import plain_target
from .common import FromOption, ToOption, dates_of, friendly_errors, opened, the_diary

SUFFIXES = {".csv": "csv", ".json": "json", ".zip": "bundle"}
# Formats that write several files, and so need --out.
FOLDERS = {
    "bundle": "is needed for the bundle: a folder or a .zip file",
    "redcap": "is needed for redcap: a folder for its files",
}


def _format(raw: str | None, out: Path | None) -> str:
    """The format asked for, else the one --out's name implies (a folder: the bundle)."""
    if raw is not None:
        if raw.lower() not in FORMATS:
            allowed = f"is not a format; use one of: {', '.join(FORMATS)}"
            raise DiaryError("FORMAT", raw, allowed)
        return raw.lower()
    if out is None:
        return "csv"
    return SUFFIXES.get(out.suffix.lower(), "bundle" if out.is_dir() or not out.suffix else "")


@contextlib.contextmanager
def _writing(out: Path | None) -> Iterator[None]:
    """A file or folder that cannot be written is the --out's problem, said on one line."""
    try:
        yield
    except OSError as error:
        raise DiaryError("out", str(out), f"cannot be written ({error.strerror})") from None


def _check_out(kind: str, out: Path | None, diary_file: Path) -> None:
    """--out never names a diary (see outputs.not_a_diary), and a bundle needs a place to go."""
    if out is None:
        if kind in FOLDERS:
            raise DiaryError("out", None, FOLDERS[kind])
        return
    if not kind:
        raise DiaryError(
            "out", str(out), "has an unknown file type; use .csv, .json, .zip or a folder"
        )
    if not out.parent.is_dir():
        raise DiaryError("out", str(out), "is in a folder that does not exist; create it first")
    folder = kind in FOLDERS and (kind != "bundle" or out.suffix.lower() != ".zip")
    if folder and out.is_file() and not out.is_symlink():
        raise DiaryError("out", str(out), "is a file; give a folder (new or empty) for these files")
    plain_target(out, folder, diary_file)
    if kind == "redcap" and out.suffix.lower() == ".zip":
        raise DiaryError("out", str(out), "is a .zip; the REDCap files go into a folder")


def export(
    ctx: typer.Context,
    kind: Annotated[
        str | None,
        typer.Argument(
            help=f"What to export: {', '.join(FORMATS)}. Default: csv (the daily table), or "
            "the bundle when --out is a folder or a .zip; see docs/data-dictionary.md and "
            "docs/fhir-and-redcap.md.",
            metavar="[FORMAT]",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            metavar="PATH",
            help="File or folder to write (a folder or .zip: the bundle; redcap: a folder). "
            "Default: stdout.",
        ),
    ] = None,
    first: FromOption = None,
    last: ToOption = None,
    include_private: Annotated[
        bool,
        typer.Option(
            "--include-private",
            help="Also export private notes (left out otherwise; never in fhir or redcap).",
        ),
    ] = False,
    excel: Annotated[
        bool,
        typer.Option("--excel", help="CSV for Excel: starts with a BOM so accents show right."),
    ] = False,
) -> None:
    """Export the diary for a therapist, a clinic or a research team."""
    from ..exchange import export as files
    from ..outputs import atomic

    fmt = _format(kind, out)
    start, end = dates_of(first, last)
    if start and end and start > end:
        raise DiaryError("from", first, f"is after {{to}} ({end}); swap them")
    with opened(ctx) as diary, _writing(out):
        _check_out(fmt, out, diary.path)
        logged = diary.logged_dates()
        if not logged:
            raise DiaryError("diary", None, "has nothing logged yet to export")
        job = files.Export(diary, start or logged[0], end or max(today(), logged[-1]),
                           include_private)  # fmt: skip
        if fmt == "bundle":
            assert out is not None
            written = files.write_bundle(job, out)
            typer.echo(f"Wrote the bundle ({', '.join(written)}) to {out}.", err=True)
            return
        if fmt == "redcap":
            from ..exchange import redcap

            assert out is not None
            written = redcap.write(job, out)
            typer.echo(f"Wrote the REDCap files ({', '.join(written)}) to {out}.", err=True)
            return
        if fmt in TABLES:  # written as it is read, a year at a time: memory stays flat
            if out is None:
                files.write_table(job, TABLES[fmt], sys.stdout, excel)
                return
            with (
                _writing(out),
                atomic(out) as tmp,
                tmp.open("w", encoding="utf-8", newline="") as f,
            ):
                files.write_table(job, TABLES[fmt], f, excel)
        else:
            text = _single(files, job, fmt)
            if out is None:
                sys.stdout.write(text)
                return
            with _writing(out), atomic(out) as tmp:
                tmp.write_text(text, encoding="utf-8", newline="")
    typer.echo(f"Wrote {fmt} ({job.start} to {job.end}) to {out}.", err=True)


TABLES = {"csv": "daily", "entries": "entries", "sessions": "sessions"}  # format -> table


def _single(files: ModuleType, job: Any, fmt: str) -> str:
    """A single-file format's text (the export module is imported only by this command)."""
    if fmt == "json":
        # One line: the C encoder (an indent would take the pure-Python one, 5x slower).
        return json.dumps(files.document(job), ensure_ascii=False) + "\n"
    if fmt == "fhir":
        from ..exchange import fhir

        return json.dumps(fhir.bundle(job), indent=2, ensure_ascii=False) + "\n"
    assert fmt == "datapackage", fmt
    return json.dumps(files.datapackage(job), indent=2) + "\n"


SHOWN = 20  # problems and conflicts listed before "and N more"


def _listed(lines: list[str]) -> str:
    shown = "\n".join(f"  {line}" for line in lines[:SHOWN])
    more = f"\n  ... and {len(lines) - SHOWN} more" if len(lines) > SHOWN else ""
    return shown + more


ONE = {"entries": "entry", "sessions": "session", "days": "day", "day values": "day value",
       "settings": "setting", "history records": "history record"}  # fmt: skip


def _counts(counts: dict[str, int]) -> str:
    said = [f"{n} {ONE.get(what, what) if n == 1 else what}" for what, n in counts.items() if n]
    return ", ".join(said) or "nothing new"


def _read(reading: ModuleType, path: Path) -> Any:
    """Read a file to import, with a progress bar on a terminal while its rows are checked."""
    if not sys.stderr.isatty():
        return reading.read(path)
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(f"Checking {path.name}", total=None)
        return reading.read(path, lambda done, total: bar.update(task, completed=done, total=total))


def import_file(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            help="The json export, a bundle (folder or .zip), or a CSV with a date column.",
            metavar="FILE",
        ),
    ],
    on_conflict: Annotated[
        str | None,
        typer.Option(
            help="When the file gives a day or row another value: skip (keep this diary's) "
            "or replace (take the file's; the old value is kept in history).",
            metavar="skip|replace",
        ),
    ] = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would be added and changed; write nothing.")
    ] = False,
) -> None:
    """Import an export or a CSV: checked first, written whole, never twice."""
    from ..exchange import merging, reading

    incoming = _read(reading, path)  # every value checked before a diary is opened
    out = typer.echo
    if incoming.problems:
        count = len(incoming.problems)
        out(f"Error: {path.name} has {count} problem{'s' * (count != 1)}; nothing was imported:",
            err=True)  # fmt: skip
        out(_listed(incoming.problems), err=True)
        raise typer.Exit(2)
    skipped = (
        ("unknown, not imported", incoming.unknown),
        ("worked out from other rows, not imported", incoming.not_imported),
    )
    for what, columns in skipped:
        if columns:
            out(f"Columns {what}: {', '.join(dict.fromkeys(columns))}.", err=True)
    if incoming.empty:  # say so without making a diary file for it
        out(f"Nothing to import: {path.name} holds no values.")
        return
    with _importing_into(ctx, dry_run) as diary:
        plan = merging.plan(diary, incoming, on_conflict)
        if plan.conflicts and on_conflict is None:
            count = plural(len(plan.conflicts), "value")
            out(f"Error: {count} in {path.name} differ from the diary's; nothing was "
                "imported. Choose --on-conflict skip or replace:", err=True)  # fmt: skip
            out(_listed([str(c) for c in plan.conflicts]), err=True)
            raise typer.Exit(2)
        added = _counts(dict(plan.added))
        same = f"; {plan.same} already here" if plan.same else ""
        settled = (
            f"; {plural(len(plan.conflicts), 'conflict')}: {on_conflict}" if plan.conflicts else ""
        )
        if dry_run:
            out(f"Would add {added}{same}{settled} (a dry run: nothing was written).")
            return
        if not plan.empty:
            merging.apply(diary, plan, f"import {path.name}")
    out(f"Imported {path.name}: {added}{same}{settled}.")


@contextlib.contextmanager
def _importing_into(ctx: typer.Context, dry_run: bool) -> Iterator[Any]:
    """The diary to import into; for a dry run into a diary that does not exist yet, an
    empty scratch one, so the dry run says what a first import would add (and makes no file)."""
    target = the_diary(ctx)
    if not dry_run or target is None or target.exists():
        with opened(ctx, create=not dry_run) as diary:
            yield diary
        return
    import tempfile

    from ..diary import open_diary

    with (
        tempfile.TemporaryDirectory(prefix="ampsdiary-dry-run-") as scratch,
        open_diary(Path(scratch) / "empty.db", create=True) as diary,
    ):
        yield diary


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(export, names={"include_private": "--include-private"}))
    app.command("import")(friendly_errors(import_file, names={"on_conflict": "--on-conflict"}))
