"""One look for every picture: colours that survive grey printing and colour blindness.

Function and pain are told apart three ways (Okabe-Ito blue vs vermillion, solid vs
dashed lines, round vs square points) so a grey photocopy still separates them.
"""

from __future__ import annotations

import contextlib
import functools
import warnings
from collections.abc import Iterator
from typing import Any

FUNCTION = {"color": "#0072B2", "linestyle": "-", "marker": "o", "label": "Function"}
PAIN = {"color": "#D55E00", "linestyle": "--", "marker": "s", "label": "Pain"}
EXERCISE = "#C9CED6"
BASELINE = "#E6E6E6"
LAG = "#F6EBC0"
INK = "#222222"
MUTED = "#666666"
A4_WIDTH = 8.27  # inches; every picture is drawn to be read at this width

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


def date_axis(ax: Any) -> None:
    """Short, unambiguous date ticks (month names, never 11/10 vs 10/11)."""
    import matplotlib.dates as mdates

    locator = mdates.AutoDateLocator(minticks=4, maxticks=10)
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator, show_offset=False))


def span(days: list[Any]) -> str:
    """The days a picture covers, e.g. 'Thu 10 Sep – Wed 18 Nov 2026'."""
    from ..ranges import label

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
