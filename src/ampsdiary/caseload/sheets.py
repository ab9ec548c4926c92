"""Small multiples: each patient's function and pain over time, forty to a printed sheet.

A therapist scans the shapes, not the numbers: does the blue line (function, solid) rise
before the orange one (pain, dashed) falls? Each panel is one patient from their first
logged day to the day of the review, 0-10 upward, the onsets marked on the bottom edge
in the line's colour, flags in red under the id. The lines are the 7-day means of the
recovery analysis (unknown where too few days were logged), in the house colours and
dashes, which survive grey printing.

A sheet is one Axes in sheet coordinates, every panel's lines in a few collections and a
row of panels' titles one line of text, not forty Axes with their own ticks and titles:
a thousand patients' sheets draw in seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..plots import style
from .flags import FLAGS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .patients import Patient

COLUMNS, ROWS = 5, 8
PER_SHEET = COLUMNS * ROWS
# Inside a panel, in its own units (0-1 across, 0-1 up): the plot's box under the titles.
LEFT, RIGHT, BOTTOM, TOP = 0.06, 0.96, 0.12, 0.70
FLAG_COLOUR = "#B23A00"  # the reports' "worse"
GUIDES = "#DDDDDD"
MONO = "DejaVu Sans Mono"  # shipped with matplotlib, as DejaVu Sans is
TITLE_CHARS = 27  # a panel's width in characters of the titles' type


def sheets(patients: list[Patient]) -> list[list[Patient]]:
    """The patients, in their order, forty to a sheet."""
    return [patients[i : i + PER_SHEET] for i in range(0, len(patients), PER_SHEET)]


def draw(fig: Figure, box: tuple[float, float, float, float], chunk: list[Patient]) -> None:
    """Up to forty panels into `box` (left, bottom, width, height in inches) of `fig`."""
    from matplotlib.collections import LineCollection

    width, height = fig.get_size_inches()
    left, bottom, w, h = box
    ax = fig.add_axes((left / width, bottom / height, w / width, h / height))
    ax.set_axis_off()
    ax.set_xlim(0, COLUMNS)
    ax.set_ylim(0, ROWS)
    frames, guides, function, pain = [], [], [], []
    ticks: dict[str, list] = {"function": [], "pain": []}
    for n, p in enumerate(chunk):
        x0, y0 = n % COLUMNS, ROWS - 1 - n // COLUMNS
        frames.append(_frame(x0, y0))
        guides += [[(x0 + LEFT, _y(y0, v)), (x0 + RIGHT, _y(y0, v))] for v in (0, 5, 10)]
        days = (p.end - p.first_day).days
        function += _segments(p, p.lines[0], x0, y0, days)
        pain += _segments(p, p.lines[1], x0, y0, days)
        for name, onset in (("function", p.function_onset), ("pain", p.pain_onset)):
            if onset:
                x = _x(x0, (onset - p.first_day).days, days)
                ticks[name].append([(x, _y(y0, -0.6)), (x, _y(y0, 1.6))])
    _titles(ax, chunk, w / COLUMNS)
    ax.add_collection(LineCollection(frames, colors=GUIDES, linewidths=0.6))
    ax.add_collection(LineCollection(guides, colors="#EEEEEE", linewidths=0.4))
    for segments, look in ((function, style.FUNCTION), (pain, style.PAIN)):
        lines = LineCollection(
            segments, colors=look["color"], linestyles=look["linestyle"], linewidths=1.2
        )
        ax.add_collection(lines)
    for name, look in (("function", style.FUNCTION), ("pain", style.PAIN)):
        ax.add_collection(LineCollection(ticks[name], colors=look["color"], linewidths=1.6))


def _titles(ax: Any, chunk: list[Patient], panel: float) -> None:
    """Each panel's id (with the days it covers) and its flags in red, a row of panels one
    line of fixed-width text each: matplotlib takes about half a millisecond a piece of
    text in a PDF, and this keeps a sheet to 16 of them. The type is sized so that a panel
    is a whole number of characters wide, so every title starts at its own panel."""
    size = panel / (TITLE_CHARS * advance(1.0))
    for row in range(0, len(chunk), COLUMNS):
        y0 = ROWS - 1 - row // COLUMNS
        ids, flags = [], []
        for p in chunk[row : row + COLUMNS]:
            ids.append(_cut(f"{p.patient_id} ({p.days_covered} days)", TITLE_CHARS - 2))
            said = ", ".join(FLAGS[name].label for name in p.flags)
            flags.append(_cut(said, TITLE_CHARS - 2))
        for texts, y, look in (
            (ids, 0.93, {"color": style.INK, "fontweight": "bold"}),
            (flags, 0.80, {"color": FLAG_COLOUR}),
        ):
            line = "".join(t.ljust(TITLE_CHARS) for t in texts).rstrip()
            if line:
                ax.text(LEFT, y0 + y, line, fontsize=size, family=MONO, va="top", **look)


def advance(size: float) -> float:
    """Inches one character of the fixed-width font takes at `size` points."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(family=MONO, size=size * 10)
    return text_to_path.get_text_width_height_descent("0" * 10, prop, ismath=False)[0] / 7200


def _frame(x0: int, y0: int) -> list[tuple[float, float]]:
    """The panel's outline, a little inside its cell so panels stand apart."""
    a, b, c, d = x0 + 0.02, y0 + 0.03, x0 + 0.98, y0 + 0.97
    return [(a, b), (c, b), (c, d), (a, d), (a, b)]


def _x(x0: int, day: Any, days: int) -> Any:
    """Across the panel: day 0 (the first logged) at its left, day `days` at its right."""
    return x0 + LEFT + (RIGHT - LEFT) * (day / days if days else 1.0)


def _y(y0: int, value: Any) -> Any:
    return y0 + BOTTOM + (TOP - BOTTOM) * value / 10


def _segments(p: Patient, values: Any, x0: int, y0: int, days: int) -> list[Any]:
    """A line broken where its mean is unknown; one known mean alone is a short dash."""
    import numpy as np

    ys = np.asarray(values)
    xs = _x(x0, days % p.step + np.arange(len(ys)) * p.step, days)  # the last point: the end
    known = ~np.isnan(ys)
    edges = np.flatnonzero(np.diff(known.astype(np.int8))) + 1
    runs = []
    for part_x, part_y, part_known in zip(
        np.split(xs, edges), np.split(ys, edges), np.split(known, edges), strict=True
    ):
        if not len(part_x) or not part_known[0]:
            continue
        if len(part_x) == 1:
            dash = (RIGHT - LEFT) / 60
            part_x, part_y = np.array([part_x[0] - dash, part_x[0] + dash]), np.repeat(part_y, 2)
        runs.append(np.column_stack([part_x, _y(y0, part_y)]))
    return runs


def _cut(text: str, most: int) -> str:
    return text if len(text) <= most else text[: most - 1] + "…"


def key(fig: Figure, x: float, y: float, room: float, size: float = 7.5) -> None:
    """The lines that say how to read the panels, from (x, y) inches down, `room` wide."""
    from ..report.lines import wrap

    said = (
        "Each panel: one patient, from the first day logged to the day of the review; "
        "7-day means, 0-10 upward. Function: blue, solid; pain: orange, dashed; a tick on "
        "the bottom edge marks an onset in its colour."
    )
    text = "\n".join(wrap(said, room, size))
    fig.text(x, y, text, fontsize=size, color=style.MUTED, transform=fig.dpi_scale_trans, va="top")
