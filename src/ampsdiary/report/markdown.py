"""The report as Markdown, for an email or a messaging app: tables and words, no pictures.

The recovery chart becomes its caption and a small table of the weekly means it shows; a
chart with no such table (the longer report has its own week-by-week table) is left out
together with its heading, so no caption describes a picture that is not there.
"""

from __future__ import annotations

import re

from ..dates import day_label
from .content import Block, Chart, Columns, Heading, Report, Table, Text


def escape(text: str) -> str:
    """Diary text shown as written: marks that would change it ('$' would start a formula
    on GitHub) are backslashed, and an indented label keeps its indent (as no-break spaces)."""
    indent = len(text) - len(text.lstrip(" "))
    flat = re.sub(r"([\\`*_\[\]<|$])", r"\\\1", " ".join(text.split()))
    return "\u00a0" * indent + flat


def _table(block: Table) -> list[str]:
    align = ["---", *("---:" for _ in block.columns[1:])]
    lines = [
        "| " + " | ".join(escape(c) for c in block.columns) + " |",
        "| " + " | ".join(align) + " |",
    ]
    lines += ["| " + " | ".join(escape(c) for c in row) + " |" for row in block.rows]
    return [*lines, ""]


def _block(block: Block) -> list[str]:
    if isinstance(block, Text):
        text = escape(block.text)
        return [f"**{text}**" if block.style == "headline" else text, ""]
    if isinstance(block, Heading):
        return [f"## {escape(block.text)}", ""]
    if isinstance(block, Table):
        return _table(block)
    if isinstance(block, Chart):
        return [f"**{escape(block.caption)}**", "", *(_table(block.weeks) if block.weeks else [])]
    if isinstance(block, Columns):
        return [line for b in (*block.left, *block.right) for line in _block(b)]
    notes = (f"- **{day_label(day)}**: {escape(note)}" for day, note in block.items)
    return [f"## {escape(block.title)}", "", *notes, ""]


def _said(blocks: list[Block]) -> list[Block]:
    """The blocks that text can carry: a chart without numbers goes, with its heading."""
    kept: list[Block] = []
    for block in blocks:
        if isinstance(block, Chart) and block.weeks is None:
            if kept and isinstance(kept[-1], Heading):
                kept.pop()
            continue
        kept.append(block)
    return kept


def render(report: Report) -> str:
    title = " – ".join(escape(p) for p in (report.title, report.who) if p)
    lines = [f"# {title}", "", f"**{escape(report.dates)}**", ""]
    for block in _said(report.blocks):
        lines += _block(block)
    lines.append(f"_{escape(report.footer)}_")
    return "\n".join(lines) + "\n"
