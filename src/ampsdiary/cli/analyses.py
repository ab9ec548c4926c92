"""`summary`, `trends`, `recovery` and `nudge`: what the diary says about how things are going.

The analysis and the rendering load inside the commands that use them: `nudge` runs in
every new shell, so importing the CLI must stay quick.
"""

from __future__ import annotations

from types import ModuleType
from typing import Annotated

import typer
from rich.console import Console

from .. import streak
from ..dates import DATE_HELP, parse_date, week_monday
from ..store import diary_path
from ..validate import number_in, whole_number
from .common import (
    FromOption,
    JsonOption,
    ToOption,
    WeekOption,
    dates_of,
    emit,
    friendly_errors,
    opened,
)

DateOpt = Annotated[str | None, typer.Option(help=f"A day: {DATE_HELP}.", metavar="DATE")]


def views() -> ModuleType:
    from . import analyses_view

    return analyses_view


def summary(
    ctx: typer.Context,
    week: WeekOption = None,
    as_json: JsonOption = False,
) -> None:
    """This week next to the week before.

    Monday to Sunday, in numbers and one plain-language headline (function first).
    """
    monday = week_monday(week)
    with opened(ctx) as diary:
        result = diary.summary(monday)
    emit(as_json, result.as_json(), lambda out: views().summary(result, out))


def trends_command(
    ctx: typer.Context,
    start: FromOption = None,
    end: ToOption = None,
    by: Annotated[
        str, typer.Option(help="One row per week or month.", metavar="week|month")
    ] = "week",
    as_json: JsonOption = False,
) -> None:
    """Week-by-week or month-by-month means.

    One row per period with the change since the baseline, and sparklines.
    """
    from ..analysis.trends import check_by

    by = check_by(by)
    first, last = dates_of(start, end)
    with opened(ctx) as diary:
        result = diary.trends(first, last, by)
    emit(as_json, result.as_json(), lambda out: views().trends(result, out))


def recovery(
    ctx: typer.Context,
    threshold: Annotated[
        str,
        typer.Option(
            help="Points of change (0-10 scale) that count as improvement: 0.5 to 10.",
            metavar="POINTS",
        ),
    ] = "2",
    hold: Annotated[
        str,
        typer.Option(help="Days an improvement must last to count: 0 to 60.", metavar="DAYS"),
    ] = "7",
    baseline_from: DateOpt = None,
    baseline_to: DateOpt = None,
    as_json: JsonOption = False,
) -> None:
    """Did function improve before pain?

    The baseline, when function and pain started to improve, the lag and what it means.
    """
    points = number_in("threshold", threshold, 0.5, 10)
    days = whole_number("hold", hold, 0, 60)
    b_start = parse_date(baseline_from, "baseline_from") if baseline_from else None
    b_end = parse_date(baseline_to, "baseline_to") if baseline_to else None
    with opened(ctx) as diary:
        result = diary.recovery(
            threshold=points, hold=days, baseline_start=b_start, baseline_end=b_end
        )
    emit(as_json, result.as_json(), lambda out: views().recovery(result, out))


def nudge(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """A reminder line if today is not logged yet.

    Prints nothing once today is logged: meant for your shell start-up file.
    """
    # The same read-only query and words as the quick path in launcher.py: never creates a diary.
    result = streak.nudge(diary_path(ctx.obj))

    def render(out: Console) -> None:
        if result["message"]:
            out.print(result["message"], markup=False, soft_wrap=True)

    emit(as_json, result, render)


def register(app: typer.Typer) -> None:
    app.command()(friendly_errors(summary))
    app.command("trends")(friendly_errors(trends_command))
    app.command()(friendly_errors(recovery))
    app.command()(friendly_errors(nudge))
