"""`review`: a therapist's caseload in one table, the patients who need a look first.

The library part (finding, reading and merging exports, the analysis, the flags) is
`ampsdiary.caseload`; this module parses the options, shows progress, and prints the table
or the JSON. Files that could not be reviewed are named on stderr, and the rest are still
reviewed.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated, Any

import typer
from rich.console import Console
from rich.text import Text

from ..analysis.measures import plural
from ..caseload.flags import FLAGS
from ..caseload.table import COLUMNS, NOTE, SORT_COLUMNS, Shown, cells
from ..dates import DATE_HELP, parse_date, today
from ..errors import DiaryError
from ..outputs import check_target
from .common import JSON_SCHEMA_VERSION, JsonOption, console, friendly_errors, the_diary

if TYPE_CHECKING:
    from ..caseload.files import Skipped
    from ..caseload.patients import Patient

OUT_SUFFIXES = (".pdf", ".html", ".csv")
SHOWN = 20  # files not reviewed named before "and N more"
WORKERS = 4  # processes at most: reading is the work, and each holds one patient


def review(
    ctx: typer.Context,
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Exports: daily CSVs, bundles (folders or .zip) and json exports, or folders "
            "holding them (searched recursively).",
            metavar="PATH",
            show_default=False,
        ),
    ],
    as_of: Annotated[
        str | None,
        typer.Option(
            "--as-of", help=f"The day of the review: {DATE_HELP}. Default: today.", metavar="DATE"
        ),
    ] = None,
    sort: Annotated[
        str,
        typer.Option(
            help="Order within the flagged patients and within the others (ascending, blanks "
            f"last): {', '.join(SORT_COLUMNS)}.",
            metavar="COLUMN",
        ),
    ] = "patient",
    flag: Annotated[
        list[str] | None,
        typer.Option(
            "--flag",
            help=f"Only the patients with this flag (again for any of several): "
            f"{', '.join(FLAGS)}.",
            metavar="NAME",
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Also write the caseload page: .pdf or .html (the table, and each patient's "
            "function and pain over time) or .csv (the table).",
            metavar="FILE",
        ),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """A therapist's caseload: who is recovering, who is stuck, who stopped logging.

    One row per patient (their exports merged), flagged patients first; did function
    come back before pain did. Files that are not ampsdiary exports are named and skipped.
    """
    from ..caseload import files, patients

    end = parse_date(as_of, "as_of") if as_of else today()
    if sort not in SORT_COLUMNS:
        raise DiaryError("sort", sort, f"is not a column; use one of: {', '.join(SORT_COLUMNS)}")
    wanted = [_flag(name) for name in flag or []]
    if out is not None:
        check_target(out, OUT_SUFFIXES, the_diary(ctx))
    found, skipped = files.find(paths)
    groups = files.by_patient(found)
    reviewed: list[Patient] = []
    with _spool(as_json) as spool, _progress(len(groups)) as advance:
        for patient, not_read in patients.review_all(groups, end, as_json, _workers(groups)):
            skipped += not_read
            if patient is not None:
                if spool is not None:
                    spool.keep(patient)
                reviewed.append(patient)
            advance()
        _skipped(skipped)
        if not reviewed:
            raise DiaryError(
                "PATH",
                None,
                "holds no ampsdiary export that could be reviewed: daily CSVs, "
                "bundles (folders or .zip) or json exports (ampsdiary export)",
            )
        chosen = patients.only(patients.ordered(reviewed, sort), wanted)
        shown = Shown(chosen, end, len(reviewed), tuple(wanted), tuple(skipped))
        written = _write(out, shown)
        if spool is not None:
            head = {"as_of": end.isoformat(), "file": written, "problems": _problems(skipped)}
            spool.write(head, chosen)
        else:
            _table(console(), shown, written)


def _flag(name: str) -> str:
    if name not in FLAGS:
        raise DiaryError("flag", name, f"is not a flag; use one of: {', '.join(FLAGS)}")
    return name


def _workers(groups: dict[str, Any]) -> int:
    return max(1, min(WORKERS, os.cpu_count() or 1, len(groups)))


@contextmanager
def _progress(total: int) -> Iterator[Any]:
    """A progress bar on stderr while the exports are read, when stderr is a terminal."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    err = Console(stderr=True, highlight=False)
    bar = Progress(
        "Reading the caseload",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    )
    with bar:
        task = bar.add_task("patients", total=total)
        bar.refresh()  # at once, not a tenth of a second later
        yield lambda: bar.advance(task)


def _problems(skipped: list[Skipped]) -> list[dict[str, str]]:
    return [{"file": s.path, "reason": s.reason} for s in skipped]


def _skipped(skipped: list[Skipped]) -> None:
    """Each file that was not reviewed, and why, on stderr."""
    if not skipped:
        return
    err = Console(stderr=True, highlight=False)
    err.print(f"Not reviewed ({plural(len(skipped), 'file')}):", markup=False)
    for s in skipped[:SHOWN]:
        err.print(f"  {s}", markup=False, soft_wrap=True)
    if len(skipped) > SHOWN:
        err.print(f"  ... and {len(skipped) - SHOWN} more (--json lists them all)", markup=False)


def _write(out: Path | None, shown: Shown) -> str | None:
    """The caseload page, when --out names one; its name for the JSON."""
    if out is None:
        return None
    from ..caseload import page

    page.write(out, shown)
    return str(out)


class _Spool:
    """Each patient's JSON kept in a temporary file until the order is known, so a caseload
    of thousands is printed without holding every document in memory (json.dumps of one
    huge document would also hold each of its pieces: several hundred MB for a thousand
    patients). The document is emit's (one object, schema_version first), each patient's
    object on a line of its own."""

    def __init__(self, file: IO[bytes]) -> None:
        self.file = file
        self.where: dict[str, tuple[int, int]] = {}

    def keep(self, patient: Patient) -> None:
        data = (patient.document or "{}").encode("utf-8")
        self.where[patient.patient_id] = (self.file.tell(), len(data))
        self.file.write(data)
        patient.document = None

    def write(self, head: dict[str, Any], shown: list[Patient]) -> None:
        top = json.dumps({"schema_version": JSON_SCHEMA_VERSION, **head}, indent=2)
        typer.echo(top[:-2] + ',\n  "patients": [' + ("\n" if shown else ""), nl=False)
        for n, p in enumerate(shown):
            start, size = self.where[p.patient_id]
            self.file.seek(start)
            text = self.file.read(size).decode("utf-8")
            typer.echo(f"    {text}{',' if n < len(shown) - 1 else ''}")
        typer.echo(("  " if shown else "") + "]\n}")


@contextmanager
def _spool(wanted: bool) -> Iterator[_Spool | None]:
    if not wanted:
        yield None
        return
    with tempfile.TemporaryFile(prefix="ampsdiary-review-") as file:
        yield _Spool(file)


def _table(out: Console, shown: Shown, written: str | None) -> None:
    """The title, the table (flags in red, and in words), and how to read it."""
    from .tables import Column, fit

    out.print(shown.title(), markup=False, soft_wrap=True)
    columns = [Column(t, j, wraps=t in ("Flags", "Pattern")) for t, j in COLUMNS]
    rows: list[list[str | Text]] = []
    for p in shown.patients:
        row: list[str | Text] = list(cells(p, shown.end))
        row[1] = Text(str(row[1]), style="red bold" if p.flags else "")
        rows.append(row)
    # One table with its headers on two lines when that fits, else stacked tables.
    stack = _width(columns, rows) > out.width
    for n, table in enumerate(fit(columns, rows, out, gap=1, stack=stack, keep=1)):
        if n:
            out.print()
        out.print(table)
    out.print(NOTE, markup=False, soft_wrap=True)
    if written:
        out.print(f"Wrote the caseload page to {written}.", markup=False, soft_wrap=True)


def _width(columns: list[Any], rows: list[list[str | Text]]) -> int:
    """The table's width with every header on two lines (at its last space) and the free
    text columns at their longest word."""
    from rich.cells import cell_len

    total = len(columns) - 1  # the gaps
    for i, column in enumerate(columns):
        head = column.title.rpartition(" ")
        widest = max(cell_len(head[0]), cell_len(head[2]))
        for row in rows:
            text = str(row[i])
            widest = max(
                widest, max(map(cell_len, text.split() or [""])) if column.wraps else cell_len(text)
            )
        total += widest
    return total


def register(app: typer.Typer) -> None:
    names = {"as_of": "--as-of", "sort": "--sort", "flag": "--flag", "out": "--out"}
    app.command()(friendly_errors(review, names=names))
