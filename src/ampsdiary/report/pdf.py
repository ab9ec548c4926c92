"""The printable report: A4 or US letter pages drawn with matplotlib, text kept as text.

Blocks flow top to bottom inside a column; a block that does not fit starts a new page,
and a heading moves with it. A week fits one page (its notes are cut to the room left)
and a therapist's months run to as many as they need. Positions are in inches from the
page's bottom left corner.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..dates import day_label
from ..outputs import atomic
from ..plots import recovery as recovery_plot
from ..plots import style
from ..plots.output import metadata
from .content import Block, Chart, Columns, Heading, Notes, Report, Table, Text
from .glyphs import printable_report
from .lines import cut, share, width, wrap

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PAPER = {"a4": (8.27, 11.69), "letter": (8.5, 11.0)}
MARGIN = 0.5
FOOT = 0.3  # room kept at the bottom of every page for the footer
GUTTER = 0.3
LEADING = 1.35
SIZES = {"headline": 11.5, "body": 9, "small": 8, "table": 8, "heading": 10.5}
VERDICT_COLOURS = {"better": "#006B4F", "worse": "#B23A00", "same": style.MUTED}
ZEBRA = "#F2F4F7"
KEEP_ROWS = 3  # a table's first and last rows that stay together on one page
CHART_HEIGHT = 3.0
WHO_SIZES = (12, 11, 10, 9)  # points: the name beside the title shrinks to fit, down to 9
HEADING_HEIGHT = 0.1 + SIZES["heading"] * LEADING / 72 * 1.45
GAP = 0.3  # after each note, in lines
WHOLE_NOTES = "… = cut short; ampsdiary day DATE shows a whole note (e.g. ampsdiary day {date})."


def _step(size: float) -> float:
    """One line of text at `size` points, in inches."""
    return size * LEADING / 72


class Pages:
    """A cursor (page, column, height) over as many pages as the content needs."""

    def __init__(self, paper: str) -> None:
        self.size = PAPER[paper]
        self.figures: list[Figure] = []
        self.page = -1
        self.x, self.width = MARGIN, self.size[0] - 2 * MARGIN
        self.y = 0.0
        self.new_page()

    def new_page(self) -> None:
        """Move to the next page, making it if this is the last one."""
        from matplotlib.figure import Figure

        self.page += 1
        if self.page == len(self.figures):
            self.figures.append(Figure(figsize=self.size))
        self.y = self.size[1] - MARGIN

    @property
    def fig(self) -> Figure:
        return self.figures[self.page]

    def room(self, height: float) -> None:
        """Start a new page unless `height` inches still fit on this one."""
        if height > self.left():
            self.new_page()

    def left(self) -> float:
        """Inches still free on this page above the footer."""
        return self.y - MARGIN - FOOT

    def text(self, x: float, y: float, text: str, size: float, fig: Any = None, **kw: Any) -> None:
        """Text as written: a '$' in a note or a name is a dollar sign, not a formula."""
        fig = fig or self.fig
        fig.text(x, y, text, fontsize=size, transform=fig.dpi_scale_trans, parse_math=False, **kw)

    def rule(self, y: float, width: float, colour: str = style.MUTED, weight: float = 0.6) -> None:
        from matplotlib.lines import Line2D

        line = Line2D(
            (self.x, self.x + width), (y, y), transform=self.fig.dpi_scale_trans, color=colour,
            lw=weight,
        )  # fmt: skip
        self.fig.add_artist(line)

    def paragraph(self, text: str, size: float, bold: bool = False) -> float:
        """Wrapped lines of text; returns where the last one stands."""
        step = _step(size)
        weight = "bold" if bold else "normal"
        for line in wrap(text, self.width, size, bold):
            self.room(step)
            self.y -= step
            self.text(self.x, self.y, line, size, fontweight=weight)
        last, self.y = self.y, self.y - step * 0.45
        return last


def header(pages: Pages, report: Report) -> None:
    """The title with who it is about beside it, in smaller type when a long name needs
    it, or on lines of its own when even that would run into the title."""
    top = pages.y - 0.22
    pages.text(MARGIN, top, report.title, 17, fontweight="bold")
    beside = pages.width - width(report.title, 17, bold=True) - GUTTER
    size = next((s for s in WHO_SIZES if width(report.who, s, bold=True) <= beside), None)
    if size:
        pages.text(MARGIN + pages.width, top, report.who, size, ha="right", fontweight="bold")
    else:
        pages.y = top - 0.06
        pages.paragraph(report.who, WHO_SIZES[0], bold=True)
        top = pages.y + 0.12
    pages.y = top - 0.26
    pages.text(MARGIN, pages.y, report.dates, 10, color=style.MUTED)
    pages.y -= 0.12
    pages.rule(pages.y, pages.width, style.INK, 1.0)
    pages.y -= 0.06


def _columns(block: Table, size: float) -> list[float]:
    cells = [block.columns, *block.rows]
    return [max(width(r[i], size, bold=True) for r in cells) + 0.16 for i in range(len(cells[0]))]


def table(pages: Pages, block: Table, size: float = SIZES["table"]) -> None:
    """Columns sized to their widest cell, numbers right-aligned, every other row shaded;
    the column names are repeated at the top of a new page, which never starts with fewer
    than the last KEEP_ROWS rows (nor a page end with fewer than the first)."""
    widths = _columns(block, size)
    step = size * 1.42 / 72
    pages.room(_lead(block))
    _row(pages, block, block.columns, widths, size, None)
    for n, row in enumerate(block.rows):
        page = pages.page
        rest = len(block.rows) - n
        pages.room(step * (rest if rest <= KEEP_ROWS else 1))
        if pages.page != page:
            _row(pages, block, block.columns, widths, size, None)
        verdict = block.verdicts[n] if block.verdicts else None
        _row(pages, block, row, widths, size, verdict, shaded=n % 2 == 1)
    pages.y -= step * 0.6


def _row(
    pages: Pages, block: Table, row: tuple[str, ...], widths: list[float], size: float,
    verdict: str | None, shaded: bool = False,
) -> None:  # fmt: skip
    """One table row; the column names (the header) are bold and underlined."""
    from matplotlib.patches import Rectangle

    step = size * 1.42 / 72
    header = row is block.columns
    pages.y -= step
    if shaded:
        shade = Rectangle(
            (pages.x, pages.y - step * 0.3), sum(widths), step,
            transform=pages.fig.dpi_scale_trans, color=ZEBRA, zorder=-1,
        )  # fmt: skip
        pages.fig.add_artist(shade)
    x = pages.x
    for i, (value, wide) in enumerate(zip(row, widths, strict=True)):
        right = i > 0
        judged = i == len(row) - 1 and verdict is not None
        pages.text(
            x + wide - 0.08 if right else x, pages.y, value, size,
            ha="right" if right else "left",
            fontweight="bold" if header or (judged and verdict != "same") else "normal",
            color=VERDICT_COLOURS.get(verdict or "", style.INK) if judged else style.INK,
        )  # fmt: skip
        x += wide
    if header:
        pages.rule(pages.y - step * 0.3, sum(widths))


def chart(pages: Pages, block: Chart) -> None:
    """The recovery picture across the column, its legend and one line saying what it shows."""
    pages.room(CHART_HEIGHT + 0.3)
    page_w, page_h = pages.size
    box = (pages.x + 0.45, pages.y - CHART_HEIGHT + 0.7, pages.width - 0.95, CHART_HEIGHT - 0.8)
    ax = pages.fig.add_axes((box[0] / page_w, box[1] / page_h, box[2] / page_w, box[3] / page_h))
    handles = recovery_plot.draw(ax, block.days, block.recovery)
    legend = ax.legend(
        handles=handles, loc="upper center", bbox_to_anchor=(0.5, _under_ticks(ax)), ncols=4,
        fontsize=7.5, borderaxespad=0.3,
    )  # fmt: skip
    under = legend.get_window_extent().y0 / pages.fig.dpi - 0.06  # inches, from the bottom
    pages.y = min(pages.y - CHART_HEIGHT, under)
    pages.paragraph(block.caption, SIZES["small"] + 0.5, bold=True)


def _under_ticks(ax: Any) -> float:
    """Where, in the axes' height, its date labels end: one line or two ('Thu 1' over 'Oct'),
    as drawn, so a legend placed under them never covers them."""
    bottom = ax.xaxis.get_tightbbox().y0
    return ax.transAxes.inverted().transform((0, bottom))[1]


def notes(pages: Pages, block: Notes) -> None:
    """The heading, then each day's note beside its day, wrapped to the column. A week's
    notes that do not fit the page whole are set smaller, without gaps, and fitted to it."""
    top = heading(pages, Heading(block.title), None)
    size, gap, rest = SIZES["body"], GAP, []
    labels = [day_label(date) for date, _ in block.items]
    indent = max(width(label, size, bold=True) for label in labels) + 0.12
    room = pages.width - indent
    wrapped = [wrap(note, room, size) for _, note in block.items]
    if block.fit and sum(map(len, wrapped)) + GAP * len(wrapped) > pages.left() / _step(size):
        size, gap = SIZES["small"], 0
        wrapped, rest = _fitted(pages, block, (labels, room), top)
    for label, note in zip(labels, wrapped, strict=False):
        _note(pages, (label, note), indent, size)
        pages.y -= gap * _step(size)
    _note(pages, ("", rest), indent, size, style.MUTED)


def _fitted(
    pages: Pages, block: Notes, column: tuple[list[str], float], top: float
) -> tuple[list[list[str]], list[str]]:
    """The notes in small type fitted to the page (see _fit); when one is cut short or
    left out, the heading's line (at `top`) says how to read it whole."""
    labels, room = column
    size = SIZES["small"]
    whole = [wrap(note, room, size) for _, note in block.items]
    wrapped, rest = _fit(labels, whole, room, pages.left() / _step(size))
    shown = wrapped + [[]] * (len(whole) - len(wrapped))
    changed = (d for (d, _), w, s in zip(block.items, whole, shown, strict=True) if w != s)
    if first := next(changed, None):
        pointer = WHOLE_NOTES.format(date=first.isoformat())
        pages.text(pages.x + pages.width, top, pointer, size, ha="right", color=style.MUTED)
    return wrapped, rest


def _note(
    pages: Pages, note: tuple[str, list[str]], indent: float, size: float, colour: str = style.INK
) -> None:
    """One note's lines, its day in bold on the first; a page break after at least 3 lines."""
    label, lines = note
    step = _step(size)
    pages.room(step * min(len(lines), 3))
    for i, line in enumerate(lines):
        pages.room(step)
        pages.y -= step
        if i == 0:
            pages.text(pages.x, pages.y, label, size, fontweight="bold")
        pages.text(pages.x + indent, pages.y, line, size, color=colour)


def _fit(
    labels: list[str], wrapped: list[list[str]], room: float, left: float
) -> tuple[list[list[str]], list[str]]:
    """The notes in the `left` lines of the page: short ones whole, long ones sharing what
    is left and ending in '…'. When even a line each does not fit, the last notes are left
    out, and the lines returned with them name their days."""
    lines, size = int(left - 0.01), SIZES["small"]
    if sum(map(len, wrapped)) <= lines:
        return wrapped, []
    for keep in range(len(wrapped), -1, -1):
        named = ", ".join(labels[keep:])
        rest = wrap(f"Also notes on {named}.", room, size) if named else []
        if (budget := lines - len(rest)) >= keep:
            break
    shares = share([len(w) for w in wrapped[:keep]], budget)
    return [cut(w, n, "…", room, size) for w, n in zip(wrapped, shares, strict=False)], rest


def _lead(block: Block | None) -> float:
    """The height a block's start needs: the chart whole, a table's head and first rows,
    or two lines of text; a heading is kept on the page with that much of what follows it."""
    if isinstance(block, Chart):
        return CHART_HEIGHT + 0.3
    if isinstance(block, Table):
        return SIZES["table"] * 1.42 / 72 * (1 + min(len(block.rows), KEEP_ROWS))
    if isinstance(block, Columns):
        return max(_lead(side[0]) for side in (block.left, block.right) if side)
    if isinstance(block, Heading):
        return HEADING_HEIGHT
    if isinstance(block, Notes):
        return HEADING_HEIGHT + 2 * _step(SIZES["body"])
    return 2 * _step(SIZES["body"])


def heading(pages: Pages, block: Heading, after: Block | None) -> float:
    """A section title, on the same page as the start of its section; returns where its
    last line stands."""
    pages.room(HEADING_HEIGHT + _lead(after))
    pages.y -= 0.1
    return pages.paragraph(block.text, SIZES["heading"], bold=True)


def columns(pages: Pages, block: Columns) -> None:
    """The left blocks at their natural width, the right ones beside them in the space left."""
    tables = [sum(_columns(b, SIZES["table"])) for b in block.left if isinstance(b, Table)]
    left = max(tables, default=pages.width / 2)
    start, full = (pages.page, pages.y), (pages.x, pages.width)
    pages.width = left
    flow(pages, block.left)
    ends = [(pages.page, pages.y)]
    pages.page, pages.y = start
    pages.x, pages.width = full[0] + left + GUTTER, full[1] - left - GUTTER
    flow(pages, block.right)
    ends.append((pages.page, pages.y))
    pages.page, pages.y = max(ends, key=lambda end: (end[0], -end[1]))
    pages.x, pages.width = full


def flow(pages: Pages, blocks: list[Block]) -> None:
    for n, block in enumerate(blocks):
        if isinstance(block, Text):
            pages.paragraph(block.text, SIZES[block.style], bold=block.style == "headline")
        elif isinstance(block, Heading):
            heading(pages, block, blocks[n + 1] if n + 1 < len(blocks) else None)
        elif isinstance(block, Table):
            table(pages, block)
        elif isinstance(block, Chart):
            chart(pages, block)
        elif isinstance(block, Columns):
            columns(pages, block)
        else:
            notes(pages, block)


def render(report: Report, paper: str = "a4") -> list[Figure]:
    """The report's pages as figures, each with the footer and 'page 1 of 2'."""
    pages = Pages(paper)
    header(pages, report)
    flow(pages, report.blocks)
    total = len(pages.figures)
    for n, fig in enumerate(pages.figures, 1):
        for x, text, ha in (
            (MARGIN, report.footer, "left"),
            (pages.size[0] - MARGIN, f"page {n} of {total}", "right"),
        ):
            pages.text(x, MARGIN, text, 7, fig=fig, color=style.MUTED, ha=ha)
    return pages.figures


def write(report: Report, path: Path, paper: str = "a4") -> int:
    """Save the report as a PDF; returns the number of pages."""
    from matplotlib.backends.backend_pdf import PdfPages

    with style.context():
        report = printable_report(report)  # no empty boxes, nothing that stops the writer
        figures = render(report, paper)
        title = " – ".join(p for p in (report.title, report.who, report.dates) if p)
        with atomic(path) as tmp, PdfPages(tmp, metadata=metadata("pdf", title)) as pdf:
            for fig in figures:
                style.searchable(fig)
                pdf.savefig(fig)
    return len(figures)
