"""`summary`, `trends`, `recovery` and `nudge`: what the diary says about how things are going.

The analysis and the rendering load inside the commands that use them: `nudge` runs in
every new shell, so importing the CLI must stay quick.
"""

from __future__ import annotations

import datetime as dt
from types import ModuleType
from typing import Annotated

import typer
from rich.console import Console

from .. import daily
from ..dates import DATE_HELP, parse_date, today, week_of
from ..errors import DiaryError
from ..progress import streak
from ..settings import exercise_goal, treatment_start
from ..store import Diary, diary_path, open_diary
from .common import JsonOption, emit, friendly_errors, opened

DateOpt = Annotated[str | None, typer.Option(help=f"A day: {DATE_HELP}.", metavar="DATE")]


def views() -> ModuleType:
    from . import insight_render

    return insight_render


def _everything(diary: Diary) -> list[daily.Day]:
    """Every calendar day from the first one logged to today; [] for an empty diary."""
    logged = diary.logged_dates()
    return daily.load(diary, logged[0], max(today(), logged[-1])) if logged else []


def summary(
    ctx: typer.Context,
    week: Annotated[
        str | None,
        typer.Option(help=f"A day in the week, or YYYY-Www. Default: this week. {DATE_HELP}."),
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """This week next to the week before.

    Monday to Sunday, in numbers and one plain-language headline (function first).
    """
    from ..analysis.summary import week_summary

    monday = week_of(week)
    if monday > today():
        raise DiaryError("--week", week, f"is in the future; use a week up to today ({today()})")
    end = min(monday + dt.timedelta(days=6), today())
    with opened(ctx) as diary:
        this = daily.load(diary, monday, end)
        last = daily.load(diary, monday - dt.timedelta(days=7), monday - dt.timedelta(days=1))
        result = week_summary(this, last, exercise_goal(diary))
    emit(as_json, result.as_json(), lambda out: views().summary(result, out))


def trends_command(
    ctx: typer.Context,
    start: Annotated[
        str | None, typer.Option("--from", help=f"First day: {DATE_HELP}.", metavar="DATE")
    ] = None,
    end: Annotated[
        str | None, typer.Option("--to", help=f"Last day: {DATE_HELP}.", metavar="DATE")
    ] = None,
    by: Annotated[
        str, typer.Option(help="One row per week or month.", metavar="week|month")
    ] = "week",
    as_json: JsonOption = False,
) -> None:
    """Week-by-week or month-by-month means.

    One row per period with the change since the baseline, and sparklines.
    """
    from ..analysis.recovery import baseline_of
    from ..analysis.trends import check_by, trends

    by = check_by(by)
    first = parse_date(start, "--from") if start else None
    last = parse_date(end, "--to") if end else today()
    if first and first > last:
        raise DiaryError("--from", start, f"is after --to ({last}); swap them")
    with opened(ctx) as diary:
        days, goal, treatment = _everything(diary), exercise_goal(diary), treatment_start(diary)
    _, _, baseline = baseline_of(days, treatment)
    shown = [d for d in days if (first is None or d.date >= first) and d.date <= last]
    if not shown:
        flag, value = ("--from", start) if start else ("--to", end)
        raise DiaryError(flag, value, f"leaves no days to show; the diary starts on {days[0].date}")
    result = trends(shown, by, baseline, goal)
    emit(as_json, result.as_json(), lambda out: views().trends(result, out))


def recovery(
    ctx: typer.Context,
    threshold: Annotated[
        float,
        typer.Option(
            help="Points of change (0-10 scale) that count as improvement.", min=0.5, max=10
        ),
    ] = 2.0,
    hold: Annotated[
        int, typer.Option(help="Days an improvement must last to count.", min=0, max=60)
    ] = 7,
    baseline_from: DateOpt = None,
    baseline_to: DateOpt = None,
    as_json: JsonOption = False,
) -> None:
    """Did function improve before pain?

    The baseline, when function and pain started to improve, the lag and what it means.
    """
    from ..analysis.recovery import analyse

    b_start = parse_date(baseline_from, "--baseline-from") if baseline_from else None
    b_end = parse_date(baseline_to, "--baseline-to") if baseline_to else None
    with opened(ctx) as diary:
        days, goal, treatment = _everything(diary), exercise_goal(diary), treatment_start(diary)
    result = analyse(days, treatment, threshold, hold, b_start, b_end, goal)
    emit(as_json, result.as_json(), lambda out: views().recovery(result, out))


def nudge(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """A reminder line if today is not logged yet.

    Prints nothing once today is logged: meant for your shell start-up file.
    """
    now, path = today(), diary_path(ctx.obj)
    logged: list[dt.date] = []
    if path.exists():  # never create a diary just by opening a terminal
        diary = open_diary(path)
        try:
            logged = diary.logged_dates()
        finally:
            diary.close()
    done, run = now in logged, streak(logged, now)
    message = None
    if not done:
        message = "Not logged today yet: `ampsdiary log` takes a minute."
        if run:
            message += f" {run} day{'s' if run != 1 else ''} in a row so far."

    def render(out: Console) -> None:
        if message:
            out.print(message, markup=False, soft_wrap=True)

    emit(as_json, {"logged_today": done, "streak": run, "message": message}, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(summary))
    app.command("trends")(friendly_errors(trends_command))
    app.command()(friendly_errors(recovery))
    app.command()(friendly_errors(nudge))
