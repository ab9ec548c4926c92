"""The function-before-pain picture: what a teen shows the therapist.

Daily values are faint points, their 7-day means bold lines that break where a mean is
unknown (too few days logged in its week), the baseline week a grey band, each onset a
labelled vertical line, and the lag between them hatched and named ("function first: 23
days earlier"). Exercise minutes sit behind as light bars on their own axis.
"""

from __future__ import annotations

import datetime as dt
import itertools
import textwrap
from typing import TYPE_CHECKING, Any

from ..analysis.explain import lag_label
from ..dates import day_label
from . import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..analysis.recovery import Recovery
    from ..daily import Day

HALF_DAY = dt.timedelta(hours=12)
BOTTOM, TOP = -0.3, 12.4  # room above the 0-10 scale for the onset and lag labels
ARROW = 11.3  # the lag's arrow, where the onset lines end, under the lag's name
BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 1}  # behind a label


def figure(days: list[Day], recovery: Recovery) -> Figure:
    """The full picture, titled, with the analysis in words underneath the title."""
    from matplotlib.figure import Figure

    fig = Figure(figsize=(style.A4_WIDTH, style.A4_WIDTH * 0.62), layout="constrained")
    ax = fig.add_subplot()
    handles = draw(ax, days, recovery)
    fig.suptitle(f"Function and pain, {style.span(days)}", x=0.01, ha="left", fontsize=13)
    ax.set_title(
        textwrap.fill(recovery.explain(), 115), fontsize=8.5, fontweight="normal", color=style.MUTED
    )
    fig.legend(handles=handles, loc="outside lower center", ncols=4, fontsize=8.5)
    return fig


def draw(ax: Any, days: list[Day], recovery: Recovery) -> list[Any]:
    """Everything but the titles, for the `days` shown; returns the legend's entries.

    The analysis may cover more days than are shown (the report's last 8 weeks of a longer
    diary): its smoothed means and onsets are matched by date, and what falls outside the
    shown days is left out.
    """
    view = (days[0].date, days[-1].date)
    back = _exercise(ax, days)
    _bands(back, recovery, view)
    dates = [d.date for d in days]
    for look, name, smoothed in (
        (style.FUNCTION, "function", recovery.function_smooth),
        (style.PAIN, "pain", recovery.pain_smooth),
    ):
        by_date = dict(zip(recovery.dates, smoothed, strict=True))
        raw = [getattr(d, name) for d in days]
        _series(ax, dates, raw, [by_date.get(date) for date in dates], look)
    _onsets(ax, recovery, view)
    ax.set_ylim(BOTTOM, TOP)
    ax.set_yticks(range(0, 11, 2))
    ax.set_ylabel("score 0–10")
    ax.grid(axis="y", color="#EEEEEE")
    style.date_axis(ax, *view)
    return _legend(ax, back)


def _legend(ax: Any, back: Any) -> list[Any]:
    """Means, then daily points, then what sits behind them: two rows when laid out in 4 columns."""
    handles, labels = ax.get_legend_handles_labels()
    if back is not ax:
        more = back.get_legend_handles_labels()
        handles, labels = handles + more[0], labels + more[1]
    rank = {"7-day mean": 0, "each day": 1, "Exercise": 2, "Baseline": 3, "Lag": 4}
    order = sorted(zip(labels, handles, strict=True), key=lambda pair: _rank(pair[0], rank))
    return [handle for _, handle in order]


def _rank(label: str, rank: dict[str, int]) -> int:
    return next((n for word, n in rank.items() if word in label), len(rank))


def _series(ax: Any, dates: list, raw: list, smoothed: list, look: dict) -> None:
    """Faint daily points, and the bold mean wherever the analysis has one."""
    colour, name = look["color"], look["label"]
    ax.plot(
        dates, style.nan(raw), look["marker"], color=colour, alpha=0.35, markersize=3.2,
        markeredgewidth=0, label=f"{name}, each day",
    )  # fmt: skip
    style.mean_line(
        ax, dates, smoothed, look["marker"], color=colour, linestyle=look["linestyle"],
        linewidth=2.6, label=f"{name}, 7-day mean", zorder=4,
    )  # fmt: skip


def _exercise(ax: Any, days: list[Day]) -> Any:
    """Light bars on a right-hand axis kept to the bottom third; returns the axes behind ax."""
    from matplotlib.ticker import MaxNLocator

    minutes = [d.exercise_minutes for d in days]
    if not any(minutes):
        return ax
    back = ax.twinx()
    done = [(d.date, (0, d.exercise_minutes)) for d in days if d.exercise_minutes]
    style.day_bars(
        back, [date for date, _ in done], [span for _, span in done], 0.8,
        facecolors=style.EXERCISE, zorder=2, label="Exercise min (right axis)",
    )  # fmt: skip
    top = max(m or 0 for m in minutes)
    back.set_ylim(0, top * 3.2)
    back.set_yticks([t for t in MaxNLocator(nbins=3, integer=True).tick_values(0, top) if t <= top])
    back.set_ylabel("exercise minutes", color=style.MUTED, loc="bottom")
    back.spines[["right"]].set_visible(True)
    back.spines[["right"]].set_bounds(0, top)
    ax.set_zorder(back.get_zorder() + 1)
    ax.patch.set_visible(False)
    return back


View = tuple[dt.date, dt.date]


def _at(day: dt.date) -> dt.datetime:
    """Where a date sits on the time axis, as a datetime: date - timedelta drops the hours,
    and a day's band spans half a day either side of this point."""
    return dt.datetime.combine(day, dt.time())


def _clip(first: dt.date, last: dt.date, view: View) -> tuple[dt.date, dt.date] | None:
    """The part of first..last that is shown, or None."""
    lo, hi = max(first, view[0]), min(last, view[1])
    return (lo, hi) if lo <= hi else None


def _bands(ax: Any, recovery: Recovery, view: View) -> None:
    """The baseline week and the lag, shaded behind everything else."""
    if shown := _clip(recovery.baseline_start, recovery.baseline_end, view):
        ax.axvspan(
            _at(shown[0]) - HALF_DAY, _at(shown[1]) + HALF_DAY, color=style.BASELINE, zorder=0,
            label="Baseline week",
        )  # fmt: skip
    if lag := _lag(recovery, view):
        ax.axvspan(*lag, **style.LAG, zorder=0, label="Lag between onsets")


def _lag(recovery: Recovery, view: View) -> tuple[dt.date, dt.date] | None:
    """The shown part of the span between two different onsets."""
    onsets = sorted(d for d in (recovery.function_onset, recovery.pain_onset) if d)
    if len(onsets) < 2 or onsets[0] == onsets[1]:
        return None
    return _clip(onsets[0], onsets[1], view)


def _cut(recovery: Recovery, view: View) -> bool:
    """The lag runs on past the shown days: its first onset is before them."""
    onsets = sorted(d for d in (recovery.function_onset, recovery.pain_onset) if d)
    return len(onsets) == 2 and onsets[0] < view[0] <= onsets[1]


def _gap(dates: list[dt.date], smoothed: list[float | None]) -> bool:
    """A break in a mean line: more unknown days in a row than the line bridges, between
    two known ones (style.mean_line)."""
    known = [d for d, v in zip(dates, smoothed, strict=True) if v is not None]
    return any((b - a).days > style.BRIDGE_DAYS + 1 for a, b in itertools.pairwise(known))


def how_to_read(days: list[Day], recovery: Recovery) -> str:
    """The caption of the picture of `days`, naming only what it draws: a gap, the
    baseline band and the lag's span each when they are shown."""
    view = (days[0].date, days[-1].date)
    said = "Bold lines are 7-day averages, faint points single days"
    shown = [d for d in recovery.dates if view[0] <= d <= view[1]]
    for smoothed in (recovery.function_smooth, recovery.pain_smooth):
        by_date = dict(zip(recovery.dates, smoothed, strict=True))
        if _gap(shown, [by_date[d] for d in shown]):
            said += "; a gap is a stretch with too few days logged for an average"
            break
    parts = []
    if _clip(recovery.baseline_start, recovery.baseline_end, view):
        parts.append("the grey band is the baseline")
    if _lag(recovery, view):
        parts.append("the hatched span the lag between the two onsets")
    if not parts:
        return said + "."
    more = ", ".join(parts)
    return f"{said}. {more[0].upper()}{more[1:]}."


def _place(day: dt.date, view: View) -> float:
    """Where a day sits across the shown span, 0 (left edge) to 1 (right edge)."""
    return (day - view[0]).days / max(1, (view[1] - view[0]).days)


def _onsets(ax: Any, recovery: Recovery, view: View) -> None:
    """A line per shown onset up to the lag's arrow, its date beside it: the labels point
    away from each other, and each stays inside the axes (see labels.beside)."""
    from .labels import beside

    shown = None
    for onset, look, words, other in (
        (recovery.function_onset, style.FUNCTION, "function up", recovery.pain_onset),
        (recovery.pain_onset, style.PAIN, "pain down", recovery.function_onset),
    ):
        if onset is None or onset > view[1]:
            continue
        if onset < view[0]:  # said at the left edge, so the lag is not read as shorter
            shown = beside(
                ax, _at(view[0]) - HALF_DAY, (10.4, 9.5), f" ← {words} from {day_label(onset)} ",
                "left", avoid=shown, va="center", fontsize=8.5, color=look["color"],
                fontweight="bold", bbox=BOX,
            )  # fmt: skip
            continue
        ax.vlines(
            onset, BOTTOM, ARROW, colors=look["color"], linestyles=look["linestyle"], linewidth=1.3
        )
        where = _place(onset, view)
        left = where > 0.75 or (where > 0.25 and other is not None and other > onset)
        shown = beside(
            ax, onset, (10.4, 9.5), f" {words} from {day_label(onset)} ",
            "right" if left else "left", avoid=shown, va="center", fontsize=8.5,
            color=look["color"], fontweight="bold", bbox=BOX,
        )  # fmt: skip
    _lag_label(ax, recovery, view)


def _lag_label(ax: Any, recovery: Recovery, view: View) -> None:
    """The lag's name over a double arrow, or in the top right corner when there is no lag;
    on white, so neither the onset lines nor the shading run through its words. A lag that
    began before the shown days gets an arrow with one head, from the edge, and says so."""
    name = lag_label(recovery)
    bold = {"fontsize": 9, "fontweight": "bold", "va": "bottom", "bbox": BOX}
    if not (lag := _lag(recovery, view)):
        ax.text(1, 11.5, name, ha="right", transform=ax.get_yaxis_transform(), **bold)
        return
    first, second = lag
    cut = _cut(recovery, view)
    start: Any = first
    arrow = {"arrowstyle": "<->", "color": style.INK, "linewidth": 1}
    if cut:
        start, name = _at(first) - HALF_DAY, f"{name}, from before this chart"
        arrow |= {"arrowstyle": "->", "linestyle": "--"}
    ax.annotate("", (second, ARROW), (start, ARROW), arrowprops=arrow)
    middle = first + (second - first) / 2
    where = _place(middle, view)
    if where < 0.2:
        ax.text(start, 11.5, name, ha="left", **bold)
    elif where > 0.8:
        ax.text(second, 11.5, name, ha="right", **bold)
    else:
        ax.text(middle, 11.5, name, ha="center", **bold)
