"""A month-grid heat map of one daily measure, like a contribution calendar."""

from __future__ import annotations

import calendar as cal
import datetime as dt
from typing import TYPE_CHECKING, Any

from ..analysis.measures import number
from ..errors import DiaryError
from . import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..daily import Day

MEASURES = {
    # Single-hue ramps: darker always means more, in colour, in grey and for colour-blind eyes.
    "pain": ("Oranges", "Daily pain (mean of the day's entries)", "0 no pain", "10 worst"),
    "function": ("Blues", "Daily function", "0 could do nothing", "10 a normal day"),
}
PER_ROW = 4
MONTHS_SHOWN = 24  # without --from: ten years would be a 9,000-pixel picture, slow to draw
WEEKDAY_LETTERS = "MTWTFSS"


def figure(days: list[Day], measure: str) -> Figure:
    """One small month grid per month (Monday first), a cell per day, blank when not logged."""
    from matplotlib.figure import Figure

    cmap_name, title, low, high = MEASURES[measure]
    values = {d.date: getattr(d, measure) for d in days}
    first, last = days[0].date, days[-1].date
    if all(v is None for v in values.values()):
        raise DiaryError("plot", None, _nothing(days, measure))
    months = _months(first, last)
    cols = min(PER_ROW, len(months))
    rows = -(-len(months) // cols)
    fig = Figure(figsize=(style.A4_WIDTH, 0.6 + 2.0 * rows), layout="constrained")
    axes = fig.subplots(rows, cols, squeeze=False)
    import matplotlib

    cmap = matplotlib.colormaps[cmap_name]
    norm = matplotlib.colors.Normalize(0, 10)
    for ax, (year, month) in zip(axes.flat, months, strict=False):
        _month(ax, year, month, values, cmap, norm)
    for ax in axes.flat[len(months) :]:
        ax.set_axis_off()
    bar = fig.colorbar(
        matplotlib.cm.ScalarMappable(norm, cmap), ax=axes, orientation="horizontal", shrink=0.5
    )
    bar.set_ticks([0, 2, 4, 6, 8, 10], labels=[low, "2", "4", "6", "8", high])
    bar.outline.set_visible(False)
    if any(v is None for v in values.values()):  # said only when a white square is drawn
        bar.set_label("white = not logged", color=style.MUTED)
    fig.suptitle(f"{title}, {style.span(days)}", x=0.01, ha="left", fontsize=12, weight="bold")
    return fig


def recent(days: list[Day]) -> list[Day]:
    """The days of the last MONTHS_SHOWN calendar months (whole months) of `days`."""
    last = days[-1].date
    n = last.year * 12 + last.month - MONTHS_SHOWN
    start = dt.date(n // 12, n % 12 + 1, 1)
    return [d for d in days if d.date >= start]


def _nothing(days: list[Day], measure: str) -> str:
    """Why there is no calendar, and the one suggestion that would give one."""
    span = f"from {days[0].date} to {days[-1].date}"
    other = next(m for m in MEASURES if m != measure)
    if any(getattr(d, other) is not None for d in days):
        return f"no {measure} logged {span}; try {{measure}} {other}"
    return (
        f"no pain or function logged {span}, and the calendar shows one of them; "
        "choose other {from}/{to} dates, or log them (ampsdiary log --pain N --function N)"
    )


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    first, last = start.year * 12 + start.month - 1, end.year * 12 + end.month - 1
    return [(n // 12, n % 12 + 1) for n in range(first, last + 1)]


def _month(ax: Any, year: int, month: int, values: dict, cmap: Any, norm: Any) -> None:
    """Days outside the range are left out; logged days show their value inside the cell.

    The cells are one collection, not a Rectangle each, and the words inside the grid are
    kept out of the layout (they never reach past the axes): two years of months drew in
    seconds, most of it spent on single patches and on measuring words for the layout.
    """
    from matplotlib.collections import PolyCollection

    # Placed at the top (y=1), where an axes without ticks has it anyway: left to itself,
    # matplotlib measures the hidden axes' ticks for every month to find that out.
    ax.set_title(f"{cal.month_name[month]} {year}", fontsize=10, y=1)
    weeks = cal.Calendar().monthdatescalendar(year, month)
    cells, faces = [], []
    inside = {"in_layout": False}
    for row, week in enumerate(weeks):
        for col, day in enumerate(week):
            if day.month != month or day not in values:
                continue
            value = values[day]
            cells.append(
                [(col, row), (col, row + 0.92), (col + 0.92, row + 0.92), (col + 0.92, row)]
            )
            faces.append("white" if value is None else cmap(norm(value)))
            ink = "white" if value is not None and norm(value) > 0.55 else style.INK
            ax.text(
                col + 0.08, row + 0.08, str(day.day), fontsize=5, va="top", c=ink, alpha=0.7,
                **inside,
            )  # fmt: skip
            if value is not None:
                label = number(value).removesuffix(".0")
                ax.text(
                    col + 0.46, row + 0.56, label, ha="center", va="center", fontsize=7, c=ink,
                    **inside,
                )  # fmt: skip
    collection = PolyCollection(
        cells, facecolors=faces, edgecolors="#BBBBBB", linewidths=0.5, joinstyle="miter"
    )
    ax.add_collection(collection, autolim=False)
    ax.set_xlim(-0.1, 7)
    ax.set_ylim(6.05, -0.6)
    ax.set_aspect("equal")
    for col, letter in enumerate(WEEKDAY_LETTERS):
        ax.text(col + 0.46, -0.3, letter, ha="center", fontsize=6, color=style.MUTED, **inside)
    ax.set_axis_off()
