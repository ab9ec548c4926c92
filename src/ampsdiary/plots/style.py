"""One look for every picture: colours that survive grey printing and colour blindness.

Function and pain are told apart three ways (Okabe-Ito blue vs vermillion, solid vs
dashed lines, round vs square points) so a grey photocopy still separates them.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import warnings
from collections.abc import Iterator
from typing import Any

FUNCTION = {"color": "#0072B2", "linestyle": "-", "marker": "o", "label": "Function"}
PAIN = {"color": "#D55E00", "linestyle": "--", "marker": "s", "label": "Pain"}
# Three light fills behind the lines, told apart in grey too: exercise bars the darkest,
# the baseline band the lightest, and the lag a pale yellow under diagonal hatching.
EXERCISE = "#B7BEC8"
BASELINE = "#EDEDED"
LAG = {"facecolor": "#FAF1CF", "edgecolor": "#D2AE3C", "hatch": "//", "linewidth": 0}
INK = "#222222"
MUTED = "#666666"
A4_WIDTH = 8.27  # inches; every picture is drawn to be read at this width
DAY_TICKS_UNDER = 21  # days: a shorter range is ticked by day, a longer one by month
MIN_SHOWN_DAYS = 7  # the narrowest span of days an axis shows
BRIDGE_DAYS = 1  # unknown days in a row that a mean line is drawn across

RC: dict[str, Any] = {
    "font.size": 9,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "axes.titlelocation": "left",
    "axes.labelsize": 9,
    "axes.edgecolor": MUTED,
    "axes.labelcolor": INK,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": MUTED,
    "ytick.color": MUTED,
    "xtick.labelcolor": INK,
    "ytick.labelcolor": INK,
    "legend.frameon": False,
    "legend.fontsize": 9,
    "text.color": INK,
    # A '$' in a note or a name is a dollar sign, never the start of a formula.
    "text.parse_math": False,
    # Text stays text: searchable, selectable, read aloud by screen readers.
    "svg.fonttype": "none",
    "pdf.fonttype": 42,
    "svg.hashsalt": "ampsdiary",  # stable element ids, so the same diary gives the same file
    # Each figure names its own layout; one in a matplotlibrc is never added to it.
    "figure.autolayout": False,
    "figure.constrained_layout.use": False,
}


# Tried in turn for a character DejaVu Sans lacks (Chinese, Japanese, Korean, emoji); only
# the installed ones are named, so matplotlib never warns about a font it cannot find.
FALLBACK_FONTS = (
    "Noto Sans CJK JP", "Noto Sans CJK SC", "Source Han Sans", "WenQuanYi Zen Hei",
    "Droid Sans Fallback", "Hiragino Sans", "PingFang SC", "Microsoft YaHei", "Yu Gothic",
    "Malgun Gothic", "Noto Emoji", "Segoe UI Emoji", "Segoe UI Symbol", "Symbola",
)  # fmt: skip


@functools.cache
def fonts() -> list[str]:
    """DejaVu Sans (shipped with matplotlib), then the fallback fonts this computer has."""
    from matplotlib.font_manager import fontManager

    installed = {font.name for font in fontManager.ttflist}
    return ["DejaVu Sans", *(name for name in FALLBACK_FONTS if name in installed)]


@contextlib.contextmanager
def context() -> Iterator[None]:
    """The house style for drawing and saving; nothing leaks into matplotlib's global state.

    A character no font has still prints as a box, but matplotlib's warning about it is
    kept off the terminal, where only our own one-line messages belong.
    """
    import matplotlib

    with warnings.catch_warnings(), matplotlib.rc_context({**RC, "font.family": fonts()}):
        warnings.filterwarnings("ignore", r"Glyph \d+ .* missing from font", UserWarning)
        yield


def nan(values: list[float | None]) -> list[float]:
    """None becomes NaN so a missed day breaks the line instead of being bridged or drawn as 0."""
    return [float("nan") if v is None else float(v) for v in values]


def date_axis(ax: Any, first: dt.date, last: dt.date) -> None:
    """Date ticks for the days first..last, each day's mark centred in its own width.

    Under three weeks a tick is a day ('Tue 17', the month under the first and under a 1st),
    never an hour; a short range sits in at least a week's width, so one day's bar is a bar
    and not the whole picture. Longer ranges get day numbers and month names (never 11/10
    vs 10/11), every month with a tick named.
    """
    import matplotlib.dates as mdates
    from matplotlib.ticker import FixedLocator, FuncFormatter

    days = (last - first).days + 1
    pad = dt.timedelta(hours=12) + dt.timedelta(days=max(0, MIN_SHOWN_DAYS - days) / 2)
    start, end = (dt.datetime.combine(day, dt.time()) for day in (first, last))
    ax.set_xlim(start - pad, end + pad)
    if days >= DAY_TICKS_UNDER:
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=4, maxticks=10))
        ax.xaxis.set_major_formatter(_long_ticks()())
        return
    step = 1 if days <= 10 else 2
    ticks = [first + dt.timedelta(days=n) for n in range(0, days, step)]
    ax.xaxis.set_major_locator(FixedLocator(mdates.date2num(ticks)))
    ax.xaxis.set_major_formatter(FuncFormatter(_day_tick))


@functools.cache
def _long_ticks() -> type:
    """The formatter of long ranges, made on first use so matplotlib loads only to draw.

    A tick's label depends on the other ticks shown (_long_tick), so a whole row is
    labelled at once: found again for every tick, they made ten years' labels cost seconds.
    """
    from matplotlib.ticker import Formatter

    class LongTicks(Formatter):
        def __call__(self, x: float, pos: int | None = None) -> str:
            return _long_tick(x, _shown(self.axis.get_majorticklocs(), self.axis))

        def format_ticks(self, values: list[float]) -> list[str]:
            shown = _shown(values, self.axis)
            return [_long_tick(x, shown) for x in values]

    return LongTicks


def _shown(ticks: Any, axis: Any) -> list[dt.date]:
    """The days of the major ticks inside the axis (the locator may place some outside)."""
    import matplotlib.dates as mdates

    low, high = axis.get_view_interval()
    return [mdates.num2date(t).date() for t in ticks if low <= t <= high]


def _long_tick(x: float, shown: list[dt.date]) -> str:
    """'8' (never '08'), the month's name on the 1st. A month whose 1st has no tick (the
    first month, mostly) is named on its first tick, '15 Sep', so no month shown goes
    unnamed. When every tick is a 1st (months or years apart), the year in place of January."""
    import matplotlib.dates as mdates

    day = mdates.num2date(x).date()
    if day.day != 1:
        named = any(t < day and (t.year, t.month) == (day.year, day.month) for t in shown)
        return str(day.day) if named else f"{day.day} {day:%b}"
    months = all(t.day == 1 for t in shown)
    return str(day.year) if months and day.month == 1 else f"{day:%b}"


def _day_tick(x: float, pos: int | None) -> str:
    """'Tue 17', with the month on a second line for the first tick and on the 1st."""
    import matplotlib.dates as mdates

    day = mdates.num2date(x).date()
    month = f"\n{day:%b}" if pos == 0 or day.day == 1 else ""
    return f"{day:%a} {day.day}{month}"


def mean_line(
    ax: Any, dates: list[dt.date], smoothed: list[float | None], marker: str = "o", **look: Any
) -> None:
    """A 7-day mean drawn through every day that has one; a gap is where it is unknown.

    One unknown day between two known means is bridged: it is what a diary kept every other
    day gives (a thin window on each unlogged day), and the means either side share most of
    their days. Two or more unknown days in a row break the line. A mean with no neighbour
    on either side would be a line of no length, so it is drawn as a marker instead.
    """
    known = [(d, v) for d, v in zip(dates, smoothed, strict=True) if v is not None]
    runs: list[list[tuple[dt.date, float]]] = []
    for point in known:
        if runs and (point[0] - runs[-1][-1][0]).days <= BRIDGE_DAYS + 1:
            runs[-1].append(point)
        else:
            runs.append([point])
    xs: list[Any] = []
    ys: list[float] = []
    for run in runs:
        if xs:  # a NaN between runs breaks the line there
            xs.append(run[0][0] - dt.timedelta(days=1))
            ys.append(float("nan"))
        xs += [d for d, _ in run]
        ys += [float(v) for _, v in run]
    ax.plot(xs, ys, **look)
    single = [run[0] for run in runs if len(run) == 1]
    if single:
        width = look.get("linewidth", 2)
        ax.plot(
            [d for d, _ in single], [v for _, v in single], marker, color=look.get("color"),
            markersize=width * 2.2, zorder=look.get("zorder"), label="_single means",
        )  # fmt: skip


def day_bars(
    ax: Any, dates: list[dt.date], spans: list[tuple[float, float]], width: float, **look: Any
) -> Any:
    """A bar per day (`width` days wide, from low to high), all in one collection: ten years
    of days as single Rectangles take seconds to add and draw, a collection milliseconds."""
    from matplotlib.collections import PolyCollection
    from matplotlib.dates import date2num

    half = width / 2
    bars = [
        [(x - half, low), (x - half, high), (x + half, high), (x + half, low)]
        for x, (low, high) in zip(date2num(dates), spans, strict=True)
    ]
    return ax.add_collection(PolyCollection(bars, edgecolors="none", **look))


def span(days: list[Any]) -> str:
    """The days a picture covers, e.g. 'Thu 10 Sep – Wed 18 Nov 2026'."""
    from ..dates import span_label as label

    return label(days[0].date, days[-1].date)


def searchable(fig: Any) -> None:
    """No ligatures, so 'fi' stays two letters and a PDF search for 'first' finds it.

    matplotlib 3.11 shapes text with HarfBuzz, which joins 'fi' into one glyph; earlier
    versions have no such setting and no ligatures.
    """
    from matplotlib.text import Text

    for text in fig.findobj(Text):
        if hasattr(text, "set_fontfeatures"):
            text.set_fontfeatures(["-liga"])
