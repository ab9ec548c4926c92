"""The body's signs over time: allodynia, swelling, skin-sign days and where it hurts."""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

from ..analysis.measures import Count
from ..analysis.onsets import smooth
from ..vocabulary import FIELDS, SWELLING
from . import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from ..daily import Day

ALLODYNIA = "#CC79A7"  # Okabe-Ito reddish purple: apart from function blue and pain vermillion
SWELL = "#009E73"  # Okabe-Ito bluish green
SKIN_ROWS = (
    ("Colour", set(FIELDS["skin_color"].kind.values)),
    ("Temperature", set(FIELDS["skin_temp"].kind.values)),
    ("Sweat, shine, hair", set(FIELDS["skin_signs"].kind.values)),
)
CHANGED, NORMAL = "#4D4D4D", "#E3E3E3"
TOP_REGIONS = 8


def figure(days: list[Day]) -> Figure:
    """Three time panels sharing the date axis, then the places that hurt most often."""
    from matplotlib.figure import Figure

    regions = Counter(region for d in days for region in d.locations).most_common(TOP_REGIONS)
    bars = 0.45 + 0.22 * max(1, len(regions))
    fig = Figure(figsize=(style.A4_WIDTH, 5.6 + bars), layout="constrained")
    grid = fig.add_gridspec(4, 1, height_ratios=(3, 1.4, 1.2, bars))
    touch = fig.add_subplot(grid[0])
    swelling = fig.add_subplot(grid[1], sharex=touch)
    skin = fig.add_subplot(grid[2], sharex=touch)
    _allodynia(touch, days)
    _swelling(swelling, days)
    _skin(skin, days)
    _regions(fig.add_subplot(grid[3]), regions)
    for ax in (touch, swelling):
        ax.tick_params(labelbottom=False)
    style.date_axis(skin, days[0].date, days[-1].date)
    logged = Count(sum(d.logged for d in days), len(days)).text()
    fig.suptitle(
        f"Symptoms, {style.span(days)}  ({logged} logged)",
        x=0.01,
        ha="left",
        fontsize=12,
        fontweight="bold",
    )
    return fig


def _nothing(ax: Any, words: str = "Nothing logged in these days.") -> None:
    """Said in the middle of a panel with nothing to show, so it is not read as all zeros."""
    ax.text(0.5, 0.5, words, ha="center", va="center", color=style.MUTED, transform=ax.transAxes)


def _allodynia(ax: Any, days: list[Day]) -> None:
    dates = [d.date for d in days]
    values = [d.allodynia for d in days]
    ax.set_ylim(-0.3, 10.3)
    ax.set_yticks(range(0, 11, 2))
    ax.set_title("Allodynia: how much light touch hurts (0–10)")
    ax.grid(axis="y", color="#EEEEEE")
    if all(v is None for v in values):
        _nothing(ax)
        return
    ax.plot(dates, style.nan(values), "o", color=ALLODYNIA, alpha=0.3, markersize=3)
    style.mean_line(ax, dates, smooth(values), color=ALLODYNIA, linewidth=2.2, label="7-day mean")
    ax.legend(loc="upper right")


def _swelling(ax: Any, days: list[Day]) -> None:
    dates = [d.date for d in days]
    levels = [None if d.swelling is None else SWELLING.index(d.swelling) for d in days]
    ax.plot(dates, style.nan(levels), color=SWELL, linewidth=1.6, drawstyle="steps-mid")
    ax.plot(dates, style.nan(levels), "o", color=SWELL, markersize=2.5)
    ax.set_ylim(-0.4, len(SWELLING) - 0.6)
    ax.set_yticks(range(len(SWELLING)), SWELLING)
    ax.set_title("Swelling (the day's worst)")
    ax.grid(axis="y", color="#EEEEEE")
    if all(level is None for level in levels):
        _nothing(ax)


def _skin(ax: Any, days: list[Day]) -> None:
    """One row per kind of skin sign: dark = changed, light = looked normal, blank = not noted."""
    from matplotlib.patches import Patch

    noted = [d for d in days if d.skin_change is not None]
    cells = [(d, row, words) for row, (_, words) in enumerate(SKIN_ROWS) for d in noted]
    style.day_bars(
        ax, [d.date for d, _, _ in cells], [(row - 0.4, row + 0.4) for _, row, _ in cells], 1.0,
        facecolors=[CHANGED if words & set(d.skin) else NORMAL for d, _, words in cells],
    )  # fmt: skip
    ax.set_yticks(range(len(SKIN_ROWS)), [label for label, _ in SKIN_ROWS])
    ax.set_ylim(len(SKIN_ROWS) - 0.5, -0.5)
    ax.tick_params(axis="y", length=0)
    ax.spines[["left"]].set_visible(False)
    unnoted = len(noted) < len(days)  # the legend for a blank only where one is drawn
    ax.set_title("Skin signs (blank = not noted)" if unnoted else "Skin signs")
    if not noted:
        _nothing(ax, "Nothing noted in these days.")
        return
    ax.legend(
        handles=[Patch(color=CHANGED, label="changed"), Patch(color=NORMAL, label="normal")],
        loc="lower right",
        bbox_to_anchor=(1, 1),
        ncols=2,
        fontsize=8,
    )


def _regions(ax: Any, counts: list[tuple[str, int]]) -> None:
    """How many days each place was noted as hurting, most often first."""
    ax.set_title("Where it hurt (days noted)")
    if not counts:
        _nothing(ax, "No places noted in these days.")
        ax.set_axis_off()
        return
    labels = [region.replace("-", " ") for region, _ in counts]
    bars = ax.barh(labels, [n for _, n in counts], height=0.65, color="#56B4E9")
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.invert_yaxis()
    ax.spines[["bottom"]].set_visible(False)
    ax.tick_params(axis="x", labelbottom=False, length=0)
    ax.tick_params(axis="y", length=0)
