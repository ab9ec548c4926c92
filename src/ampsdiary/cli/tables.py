"""Tables that fit the terminal they are printed in, down to 60 columns, cutting nothing.

Rich would squeeze a table that is too wide and cut its cells with '…', which loses a
number, a date or a header. Here each table is laid out before Rich sees it, in the first
way that fits: as it is; with its free-text columns (labels, skin words) wrapped at spaces;
with long cells put on two lines at a break that keeps their meaning ('3 of 5' over 'school
days', '7.7' over '(3 days)'); or stacked, as several tables that each repeat the first
column. Widths are counted in terminal cells, so the layout holds for any text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.cells import cell_len
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .terminal import ascii_text, in_ascii, plain

Cell = str | Text
# Where a long cell may go onto a second line: after a count, before a bracket, or between
# a change and its word. Nothing else is broken, so a date or a number never is.
BREAKS = (
    re.compile(r"^(\d+ of \d+) (.+)$"),  # '3 of 5' over 'school days'
    re.compile(r"^(\S+) (\(.+\))$"),  # '7.7' over '(3 days)'
    re.compile(r"^([+-]\d[\d.]*) ([a-z]+)$"),  # '+28.7' over 'better'
    re.compile(r"^([↑↓→]) (\S.*)$"),  # '↓' over '-1.4'
)


class _Rule(box.Box):
    """Rich's SIMPLE_HEAD (a rule under the header, spaces between columns); in ASCII its
    rule is dashes, where Rich would swap in a box with '|' between the columns."""

    def substitute(self, options: Any, safe: bool = True) -> box.Box:
        return ASCII_RULE if options.ascii_only else self


RULE = _Rule("    \n    \n ── \n    \n    \n    \n    \n    \n")
ASCII_RULE = box.Box("    \n    \n -- \n    \n    \n    \n    \n    \n", ascii=True)


@dataclass(frozen=True)
class Column:
    title: str
    justify: str = "right"
    wraps: bool = False  # free text: may wrap at spaces (never inside a word)


def _plain(cell: Cell) -> str:
    return cell.plain if isinstance(cell, Text) else cell


def _width(cell: Cell) -> int:
    return max((cell_len(line) for line in _plain(cell).split("\n")), default=0)


def _longest_word(cell: Cell) -> int:
    """The narrowest a wrapped cell can be: its longest word, an indent with the first."""
    plain = _plain(cell)
    indent = cell_len(plain) - cell_len(plain.lstrip(" "))
    words = [cell_len(word) for word in plain.split()] or [0]
    return max(indent + words[0], *words)


def two_lines(cell: Cell) -> Cell:
    """The cell on two lines at its one meaningful break, or unchanged when it has none."""
    plain = _plain(cell)
    for pattern in BREAKS:
        if "\n" not in plain and (m := pattern.match(plain)):
            text = f"{m[1]}\n{m[2]}"
            return Text(text, style=cell.style) if isinstance(cell, Text) else text
    return cell


def _title_lines(title: str) -> str:
    """A header of several words over two lines, broken at its last space."""
    head, _, tail = title.rpartition(" ")
    return f"{head}\n{tail}" if head else title


@dataclass
class _Layout:
    columns: list[Column]
    rows: list[list[Cell]]
    gap: int

    def widths(self, room: int) -> list[int] | None:
        """Each column's width in `room` cells, free-text columns wrapped as far as their
        longest word allows; None when even that is too wide."""
        natural = [self.width_of(i) for i in range(len(self.columns))]
        excess = sum(natural) + self.gap * (len(natural) - 1) - room
        for i in sorted(range(len(natural)), key=lambda i: -natural[i]):
            if excess <= 0:
                break
            if self.columns[i].wraps:
                cells = (self.columns[i].title, *(r[i] for r in self.rows))
                words = [_longest_word(c) for c in cells]
                cut = min(excess, natural[i] - max(words))
                natural[i] -= cut
                excess -= cut
        return natural if excess <= 0 else None

    def width_of(self, i: int) -> int:
        """Column i's width with nothing wrapped: its widest cell or header line."""
        return max(_width(c) for c in (self.columns[i].title, *(r[i] for r in self.rows)))

    def narrower(self, i: int) -> _Layout | None:
        """Column i with its widest cells (or header) on two lines, or None when they have no
        break: one step of narrowing, so cells that already fit are left on one line."""
        cells = [self.columns[i].title, *(r[i] for r in self.rows)]
        widest = max(_width(c) for c in cells)
        split = [two_lines(c) if _width(c) == widest else c for c in cells[1:]]
        title = cells[0]
        if _width(title) == widest:
            title = _title_lines(title)
        if max(_width(c) for c in [title, *split]) >= widest:
            return None
        columns = list(self.columns)
        columns[i] = Column(title, columns[i].justify, columns[i].wraps)
        rows = [[*r[:i], cell, *r[i + 1 :]] for r, cell in zip(self.rows, split, strict=True)]
        return _Layout(columns, rows, self.gap)

    def part(self, keep: int, indices: list[int]) -> _Layout:
        chosen = [*range(keep), *indices]
        return _Layout(
            [self.columns[i] for i in chosen], [[r[i] for i in chosen] for r in self.rows], self.gap
        )


def _table(layout: _Layout, widths: list[int], title: str | None) -> Table:
    table = Table(
        title=title,
        title_justify="left",
        box=RULE,
        show_edge=False,
        pad_edge=False,
        padding=(0, layout.gap - 1),
        collapse_padding=True,
    )
    for column, width in zip(layout.columns, widths, strict=True):
        table.add_column(
            column.title,
            justify=column.justify,  # type: ignore[arg-type]
            width=width,
            no_wrap=not column.wraps,
            overflow="fold",  # a word wider than its column breaks, never ends in '…'
        )
    for row in layout.rows:
        table.add_row(*row)
    return table


def _narrowest(layout: _Layout, room: int) -> tuple[_Layout, list[int] | None]:
    """Narrow the widest columns a step at a time (their widest cells onto two lines) until
    the table fits, so as few cells as possible leave their line; columns as wide as each
    other narrow together, so the two weeks of a summary look alike."""
    done: set[int] = set()
    while (widths := layout.widths(room)) is None:
        width = {i: layout.width_of(i) for i, c in enumerate(layout.columns) if not c.wraps}
        open_ = {i: w for i, w in width.items() if i not in done}
        if not open_:
            return layout, None
        for i in [i for i, w in open_.items() if w == max(open_.values())]:
            narrower = layout.narrower(i)
            if narrower is None:
                done.add(i)
            else:
                layout = narrower
    return layout, widths


def _stacked(layout: _Layout, room: int, keep: int) -> list[tuple[_Layout, list[int]]] | None:
    """The columns after the first `keep` split into groups that each fit beside those."""
    groups: list[list[int]] = [[]]
    for i in range(keep, len(layout.columns)):
        if layout.part(keep, [*groups[-1], i]).widths(room) is None and groups[-1]:
            groups.append([])
        groups[-1].append(i)
    parts = [layout.part(keep, group) for group in groups]
    fitted = [(part, part.widths(room)) for part in parts]
    if any(widths is None for _, widths in fitted):
        return None
    return fitted  # type: ignore[return-value]


def fit(
    columns: list[Column],
    rows: list[list[Cell]],
    out: Console,
    *,
    gap: int = 2,
    stack: bool = False,
    keep: int = 1,
    title: str | None = None,
) -> list[Table]:
    """The table laid out in the console's width: one table, or with `stack` several (each
    repeating the first `keep` columns) when that reads better than two-line cells.

    A data table (a row a day, a row a week) stacks; a table of labelled rows puts its long
    cells on two lines instead, so each row still reads across. On an ASCII terminal the
    cells are made ASCII first, so the widths are those printed.
    """
    room = out.width
    if plain(out):
        columns = [Column(ascii_text(c.title), c.justify, c.wraps) for c in columns]
        rows = [[in_ascii(cell) for cell in row] for row in rows]
    layout = _Layout(columns, [list(r) for r in rows], gap)
    if (widths := layout.widths(room)) is not None:
        return [_table(layout, widths, title)]
    if stack and (parts := _stacked(layout, room, keep)):
        return [_table(p, w, title if n == 0 else None) for n, (p, w) in enumerate(parts)]
    narrow, widths = _narrowest(layout, room)
    if widths is None:  # narrower than anything can fit: wrap words, never cut them off
        widths = [max(4, room // len(columns))] * len(columns)
    return [_table(narrow, widths, title)]
