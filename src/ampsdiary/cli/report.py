"""`report`: a printable week for a parent's folder, or a longer period for a therapist."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console

from ..analysis.measures import plural
from ..dates import iso_week, week_monday
from ..diary import Diary
from ..errors import DiaryError
from ..outputs import check_target
from ..report import FORMATS, PAPERS, write
from .common import (
    FromOption,
    JsonOption,
    ToOption,
    WeekOption,
    dates_of,
    emit,
    friendly_errors,
    opened,
    the_diary,
)

if TYPE_CHECKING:
    from ..report.content import Report

WEEKS_SHOWN = 8  # the weekly page's chart: this week and the seven before


def _weekly(diary: Diary, week: str | None) -> Report:
    """Monday to Sunday (to today while the week is still going) against the week before."""
    from ..report.content import weekly

    this, last, monday, end = diary.week(week_monday(week), empty_ok=False, asked=week)
    days = diary.whole(end)
    chart = [d for d in days if d.date >= monday - dt.timedelta(weeks=WEEKS_SHOWN - 1)]
    recovery = diary.recovery(end, days)
    return weekly(this, last, chart, recovery, diary.settings(), diary.exercise_goal())


def _longer(diary: Diary, first: str | None, last: str | None) -> Report:
    from ..report.content import longer

    days = diary.span(*dates_of(first, last), "report")
    recovery = diary.recovery(days[-1].date, days)
    return longer(days, recovery, diary.settings(), diary.exercise_goal())


def default_name(result: Report) -> Path:
    """The file written without --out, in the current folder, named by what it covers:
    ampsdiary-week-2026-W47.pdf, or ampsdiary-2026-09-10-to-2026-11-18.pdf for a span, so
    reports of different weeks never overwrite each other."""
    if "period" in result.data:
        span = result.data["period"]
        return Path(f"ampsdiary-{span['start']}-to-{span['end']}.pdf")
    monday = dt.date.fromisoformat(result.data["summary"]["start"])
    return Path(f"ampsdiary-week-{iso_week(monday)}.pdf")


def report(
    ctx: typer.Context,
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="File to write: .pdf, .html or .md. Default: ampsdiary-week-YYYY-Www.pdf here "
            "(ampsdiary-FROM-to-TO.pdf with --from/--to).",
            metavar="FILE",
        ),
    ] = None,
    week: WeekOption = None,
    first: FromOption = None,
    last: ToOption = None,
    paper: Annotated[str, typer.Option(help="Paper size.", metavar="a4|letter")] = "a4",
    as_json: JsonOption = False,
) -> None:
    """Write a report: one printable week (default), or --from/--to for a longer period."""
    if week and (first or last):
        raise DiaryError("--week", week, "cannot be used with --from/--to; give one or the other")
    if paper.lower() not in PAPERS:
        raise DiaryError("--paper", paper, f"is not allowed; use one of: {', '.join(PAPERS)}")
    # without --out: a PDF, named below
    check_target(out or Path("ampsdiary.pdf"), FORMATS, the_diary(ctx))
    with opened(ctx) as diary:
        result = _longer(diary, first, last) if first or last else _weekly(diary, week)
    target = out or default_name(result)
    pages = write(result, target, paper.lower())
    shown = target if out else target.resolve()  # a name we chose: say where it went
    data = {"file": str(shown), "pages": pages, "title": result.title, **result.data}

    def render(console: Console) -> None:
        count = f" ({plural(pages, 'page')})" if pages else ""
        console.print(
            f"Wrote the {result.title.lower()} to {shown}{count}: {result.dates}.",
            markup=False,
            soft_wrap=True,
        )

    emit(as_json, data, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(report))
