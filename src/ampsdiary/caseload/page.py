"""The printable caseload page: the table, then the small multiples, as PDF, HTML or CSV.

The PDF is A4, written a page at a time (a thousand patients never sit in memory as
figures); each column of a page's table is one block of text, so forty pages draw in
seconds. The HTML carries the same table and the same sheets, inline as SVG. The CSV is
the table alone, one row a patient, with every text cell safe to open in a spreadsheet.
Nothing here decides what the table says: table.py does, for the screen too.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import io
import re
from collections.abc import Iterator
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.cells import cell_len

from ..dates import day_label
from ..exchange.rows import neutralised
from ..outputs import atomic
from ..plots import style
from ..plots.output import metadata, svg_text
from . import sheets
from .patients import ROW_KEYS
from .table import COLUMNS, NOTE, Shown, cells

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .files import Skipped
    from .patients import Patient

A4 = (8.27, 11.69)
MARGIN = 0.5
SIZE = 7  # points, the table's type
MIN_SIZE = 5.5  # the smallest it gets to fit the page
LINE = SIZE * 1.3 / 72  # inches a table line takes
GAP = 2  # characters between columns
MONO = sheets.MONO  # a table line is one piece of text: its columns line up
# The printed table's columns: those of COLUMNS, the flags (red, a text of their own) last.
PRINTED = (0, *range(2, len(COLUMNS)), 1)
HEAD = 1.05  # inches the page's heading takes
FOOT = 0.35
FLAG_COLOUR = sheets.FLAG_COLOUR
ZEBRA = "#F2F4F7"
SKIPPED_SHOWN = 12  # files not reviewed, named under the table


def write(path: Path, shown: Shown) -> int | None:
    """The caseload page as a PDF, HTML or CSV, by the (checked) file's suffix; a PDF
    returns its pages."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        return pdf(path, shown)
    text = table_csv(shown.patients) if suffix == ".csv" else html(shown)
    with atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="" if suffix == ".csv" else None)
    return None


def table_csv(patients: list[Patient]) -> str:
    """One row a patient, the columns of `Patient.row`; lists joined with ';'."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    names = list(ROW_KEYS)
    writer.writerow(names)
    for p in patients:
        writer.writerow([_csv_cell(v) for v in p.row().values()])
    return buffer.getvalue()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return neutralised(";".join(map(str, value)))
    return neutralised(value) if isinstance(value, str) else str(value)


# -- PDF ---------------------------------------------------------------------------------


def _split(title_: str) -> str:
    """A column's title on two lines, at its last space."""
    head, _, tail = title_.rpartition(" ")
    return f"{head}\n{tail}" if head else f"\n{title_}"


def _layout(rows: list[list[str]]) -> tuple[float, list[int]]:
    """(type size, each column's width in characters, in PRINTED order): SIZE, or smaller
    when long ids or many flags would run the table off the page (never under MIN_SIZE)."""
    heads = [_split(t) for t, _ in COLUMNS]
    chars = [
        max(cell_len(line) for text in (head, *(r[i] for r in rows)) for line in text.split("\n"))
        for i, head in enumerate(heads)
    ]
    chars = [chars[i] for i in PRINTED]
    wide = (sum(chars) + GAP * (len(chars) - 1)) * sheets.advance(SIZE)
    size = max(MIN_SIZE, min(SIZE, SIZE * (A4[0] - 2 * MARGIN) / wide))
    return size, chars


def _rows(patients: list[Patient], end: dt.date) -> list[list[str]]:
    """The table's cells; several flags one under the other, so no row runs off the page."""
    rows = []
    for p in patients:
        row = cells(p, end)
        row[1] = row[1].replace(", ", "\n")
        rows.append(row)
    return rows


def _table_pages(rows: list[list[str]], room: float, last: float) -> list[list[list[str]]]:
    """The rows in pages of `room` inches each (a row of two flags takes two lines), with
    `last` inches left under the last one for the notes (else they get a page)."""
    pages: list[list[list[str]]] = [[]]
    used = 0.0
    for row in rows:
        height = LINE * (row[1].count("\n") + 1)
        if pages[-1] and used + height > room:
            pages.append([])
            used = 0.0
        pages[-1].append(row)
        used += height
    if used + last > room:
        pages.append([])
    return pages


def pdf(path: Path, shown: Shown) -> int:
    """Write the PDF a page at a time; returns its pages."""
    from matplotlib.backends.backend_pdf import PdfPages

    count = 0
    with (
        style.context(),
        atomic(path) as tmp,
        PdfPages(tmp, metadata=metadata("pdf", shown.title())) as out,
    ):
        for fig in pages(shown):
            style.searchable(fig)
            out.savefig(fig)
            count += 1
    return count


def pages(shown: Shown) -> Iterator[Figure]:
    """Each page as a figure, made when it is wanted: the table's pages, then the sheets
    of small multiples, every page with its heading and 'page n of N' (call inside
    style.context)."""
    from matplotlib.figure import Figure

    end, skipped = shown.end, list(shown.skipped)
    rows = _rows(shown.patients, end)
    size, chars = _layout(rows)
    top = A4[1] - MARGIN - HEAD
    tables = _table_pages(rows, top - 2 * LINE - MARGIN - FOOT, _notes_room(skipped))
    groups = sheets.sheets(shown.patients)
    count = len(tables) + len(groups)
    heading = shown.counts()
    for n, chunk in enumerate(tables, 1):
        fig = Figure(figsize=A4)
        _header(fig, "Caseload review", heading)
        y = _table(fig, chunk, chars, top, size)
        if n == len(tables):
            _notes(fig, y - LINE, skipped)
        _footer(fig, end, n, count)
        yield fig
    for n, chunk in enumerate(groups, len(tables) + 1):
        fig = Figure(figsize=A4)
        _header(fig, "Function and pain over time", heading)
        sheets.key(fig, MARGIN, A4[1] - MARGIN - 0.78, A4[0] - 2 * MARGIN)
        box = (MARGIN, MARGIN + FOOT, A4[0] - 2 * MARGIN, top - MARGIN - FOOT - 0.05)
        sheets.draw(fig, box, chunk)
        _footer(fig, end, n, count)
        yield fig


def _text(fig: Figure, x: float, y: float, text: str, size: float, **kw: Any) -> None:
    """Text at (x, y) inches from the bottom left; a '$' is a dollar sign."""
    fig.text(x, y, text, fontsize=size, transform=fig.dpi_scale_trans, parse_math=False, **kw)


def _header(fig: Figure, name: str, heading: str) -> None:
    from matplotlib.lines import Line2D

    y = A4[1] - MARGIN - 0.22
    _text(fig, MARGIN, y, name, 16, fontweight="bold", color=style.INK)
    _text(fig, MARGIN, y - 0.3, heading, 9.5, color=style.MUTED)
    rule = Line2D(
        (MARGIN, A4[0] - MARGIN),
        (y - 0.42,) * 2,
        transform=fig.dpi_scale_trans,
        color=style.INK,
        lw=1.0,
    )
    fig.add_artist(rule)


def _footer(fig: Figure, end: dt.date, n: int, count: int) -> None:
    said = f"ampsdiary caseload review, {day_label(end)} {end.year}"
    _text(fig, MARGIN, MARGIN, said, 7, color=style.MUTED)
    _text(fig, A4[0] - MARGIN, MARGIN, f"page {n} of {count}", 7, color=style.MUTED, ha="right")


def _table(fig: Figure, rows: list[list[str]], chars: list[int], top: float, size: float) -> float:
    """The header and `rows` in a fixed-width font, three pieces of text a page (the
    header, the rows, their flags in red, last): matplotlib takes about half a millisecond
    a line and 50 microseconds a character to put text in a PDF, so a line a row beats a
    piece of text a cell, and the flags, last, leave no blanks in the rows. Returns the
    height of the table's bottom."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Rectangle

    heights = [row[1].count("\n") + 1 for row in rows]
    look = {"va": "top", "family": MONO, "linespacing": _spacing(size)}
    y = top - 2 * LINE
    heads = [_split(COLUMNS[i][0]).split("\n") for i in PRINTED]
    header = [_line([h[k] for h in heads], chars) for k in (0, 1)]
    _text(fig, MARGIN, top, "\n".join(header), size, fontweight="bold", color=style.INK, **look)
    lines, flags = [], []
    for row, h in zip(rows, heights, strict=True):
        lines += [_line([row[i] for i in PRINTED[:-1]], chars[:-1])] + [""] * (h - 1)
        flags += row[1].split("\n")
    at = MARGIN + (sum(chars[:-1]) + GAP * (len(chars) - 1)) * sheets.advance(size)
    _text(fig, MARGIN, y - LINE * 0.25, "\n".join(lines), size, color=style.INK, **look)
    _text(fig, at, y - LINE * 0.25, "\n".join(flags), size, color=FLAG_COLOUR,
          fontweight="bold", **look)  # fmt: skip
    wide = (sum(chars) + GAP * (len(chars) - 1)) * sheets.advance(size)
    rule = Line2D((MARGIN, MARGIN + wide), (y,) * 2, transform=fig.dpi_scale_trans,
                  color=style.MUTED, lw=0.6)  # fmt: skip
    fig.add_artist(rule)
    line = y
    for n, h in enumerate(heights):
        if n % 2:
            shade = Rectangle((MARGIN, line - h * LINE - LINE * 0.18), wide, h * LINE,
                              transform=fig.dpi_scale_trans, color=ZEBRA, zorder=-1)  # fmt: skip
            fig.add_artist(shade)
        line -= h * LINE
    return line


def _line(texts: list[str], chars: list[int]) -> str:
    """One line of the table: each text padded to its column, numbers to the right."""
    padded = []
    for text, width, i in zip(texts, chars, PRINTED, strict=False):
        room = " " * max(0, width - cell_len(text))
        padded.append(room + text if COLUMNS[i][1] == "right" else text + room)
    return (" " * GAP).join(padded).rstrip()


@functools.cache
def _spacing(size: float) -> float:
    """The line spacing that puts the table's lines LINE apart, as the shaded rows are.

    Measured, not worked out: how matplotlib spaces the lines of a text changed in 3.11
    (from the height of 'lp' to the font's own ascent and descent), and the pitch is in
    proportion to the spacing either way.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=(2, 2))
    one, many = (
        fig.text(0, 1, "\n".join(["Lp"] * n), fontsize=size, family=MONO, linespacing=1.0)
        for n in (1, 11)
    )
    fig.draw_without_rendering()
    pitch = (many.get_window_extent().height - one.get_window_extent().height) / 10 / fig.dpi
    return LINE / pitch


def _notes_room(skipped: list[Skipped]) -> float:
    """What the lines under the table take: the note (two lines) and the skipped files."""
    return LINE * (4 + (min(len(skipped), SKIPPED_SHOWN) + 2 if skipped else 0))


def _notes(fig: Figure, y: float, skipped: list[Skipped]) -> None:
    """Under the table: how to read it, and the files that were not reviewed."""
    from ..report.lines import wrap

    room = A4[0] - 2 * MARGIN
    lines = wrap(NOTE, room, SIZE)
    if skipped:
        lines.append(f"Not reviewed ({len(skipped)}):")
        lines += [_cut(f"  {s}", room) for s in skipped[:SKIPPED_SHOWN]]
        if len(skipped) > SKIPPED_SHOWN:
            lines.append(f"  ... and {len(skipped) - SKIPPED_SHOWN} more (review --json)")
    _text(
        fig,
        MARGIN,
        y - LINE * 0.5,
        "\n".join(lines),
        SIZE,
        va="top",
        linespacing=1.3,
        color=style.MUTED,
    )


def _cut(text: str, room: float) -> str:
    from ..report.lines import fits

    n = fits(text, room, SIZE)
    return text if n >= len(text) else text[: max(1, n - 1)] + "…"


# -- HTML --------------------------------------------------------------------------------

CSS = """
@page { size: A4; margin: 12mm; }
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: #222; margin: 1.5rem auto;
       padding: 0 1rem; max-width: 60rem; font-size: 10pt; line-height: 1.35; }
header { border-bottom: 2px solid #222; margin-bottom: 0.8rem; }
h1 { font-size: 1.6rem; margin: 0; } h2 { font-size: 1.15rem; margin: 1.2rem 0 0.3rem; }
header p, p.small { color: #555; margin: 0.2rem 0 0.4rem; }
table { border-collapse: collapse; font-size: 0.85rem; }
th { text-align: left; border-bottom: 1px solid #666; padding: 0.15rem 0.6rem 0.15rem 0;
     vertical-align: bottom; }
td { padding: 0.1rem 0.6rem 0.1rem 0; vertical-align: top; }
td.n, th.n { text-align: right; } td.flags { color: #B23A00; font-weight: bold; }
tr:nth-child(even) td { background: #F2F4F7; }
figure { margin: 0.6rem 0; break-inside: avoid; } figure svg { width: 100%; height: auto; }
@media print { body { margin: 0; max-width: none; } h2.sheets { break-before: page; } }
"""


def html(shown: Shown) -> str:
    """One self-contained file: the table, then the sheets of panels as inline SVG."""
    patients, end, skipped = shown.patients, shown.end, shown.skipped
    heading = shown.counts()
    head = "".join(_tag("th", t, "n" if j == "right" else "") for t, j in COLUMNS)
    body = []
    for p in patients:
        row = []
        for i, (value, (_, j)) in enumerate(zip(cells(p, end), COLUMNS, strict=True)):
            row.append(_tag("td", value, "flags" if i == 1 else "n" if j == "right" else ""))
        body.append(f"<tr>{''.join(row)}</tr>")
    missed = "".join(f"<li>{escape(str(s))}</li>" for s in skipped)
    missed = f"<h2>Not reviewed</h2><ul>{missed}</ul>" if skipped else ""
    figures = "\n".join(_svg(chunk) for chunk in sheets.sheets(patients))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Caseload review – {escape(heading)}</title>
<style>{CSS}</style>
</head>
<body>
<header><h1>Caseload review</h1><p>{escape(heading)}</p></header>
<main>
<table><thead><tr>{head}</tr></thead><tbody>{"".join(body)}</tbody></table>
<p class="small">{escape(NOTE)}</p>
{missed}
<h2 class="sheets">Function and pain over time</h2>
<p class="small">Each panel: one patient, first logged day (bottom left) to the day of the
review; 7-day means, 0-10 upward. Function: blue, solid; pain: orange, dashed; a tick on the
bottom edge marks an onset in its colour.</p>
{figures}
</main>
</body>
</html>
"""


def _tag(tag: str, text: str, kind: str) -> str:
    """A table cell, its text escaped; `kind` its class (n: a number, flags)."""
    attr = f' class="{kind}"' if kind else ""
    return f"<{tag}{attr}>{escape(text)}</{tag}>"


def _svg(chunk: list[Patient]) -> str:
    """A sheet of up to forty panels as inline SVG, named for screen readers."""
    from matplotlib.figure import Figure

    rows = -(-len(chunk) // sheets.COLUMNS)
    size = (A4[0] - 2 * MARGIN, rows * 1.15)
    names = ", ".join(p.patient_id for p in chunk)
    with style.context():
        fig = Figure(figsize=size)
        # A short sheet keeps the panels' size: only its rows are drawn, at the top.
        full = sheets.ROWS * 1.15
        sheets.draw(fig, (0, size[1] - full, size[0], full), chunk)
        svg = svg_text(fig, f"Function and pain over time: {names}")
    svg = svg[svg.index("<svg") :]
    label = f'<svg role="img" aria-label="Function and pain over time: {escape(names)}" '
    svg = re.sub(r'<svg ([^>]*?)width="[^"]*" height="[^"]*"', lambda m: label + m[1], svg, count=1)
    return f"<figure>{svg}</figure>"
