"""Text the PDF's fonts can draw: every other character replaced where a reader can see it.

A character no installed font has would print as an empty box, and a parent cannot tell a
box from a smudge; some invisible ones (a byte-order mark pasted with a note) even stop
matplotlib writing the file. So before a page is laid out, an emoji or symbol the fonts
lack becomes its name in brackets ('[grinning face]'), any other such character a '?', and
invisible format characters (zero-width spaces and joiners, direction marks) are dropped.
Call `printable` inside style.context(), where the fonts are chosen.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import replace
from typing import Any

from .content import Block, Chart, Columns, Heading, Report, Table, Text

REPLACEMENT = "?"
DROPPED = ("Cf",)  # format characters: invisible, and the byte-order mark breaks the PDF
NAMED = ("So", "Sm", "Sc")  # emoji and symbols: their name says what was written
SKIN_TONES = range(0x1F3FB, 0x1F400)  # emoji modifiers, meaningless once the emoji is named


@functools.cache
def _fonts() -> tuple[Any, ...]:
    """The fonts text is drawn in (style.fonts: DejaVu Sans, then installed fallbacks)."""
    from matplotlib.font_manager import FontProperties, findfont, get_font

    from ..plots import style

    paths = dict.fromkeys(
        findfont(FontProperties(family=name), fallback_to_default=False) for name in style.fonts()
    )
    return tuple(get_font(path) for path in paths)


@functools.cache
def drawable(char: str) -> bool:
    """Some font in use has a glyph for the character."""
    return any(font.get_char_index(ord(char)) for font in _fonts())


def _modifier(char: str) -> bool:
    """A mark that changes the character before it (an accent, a variation selector, a skin
    tone): it goes with that character when the character is replaced."""
    return unicodedata.category(char) in ("Mn", "Me") or ord(char) in SKIN_TONES


def printable(text: str) -> str:
    """The text with what the fonts cannot draw replaced visibly (see the module)."""
    if text.isascii():
        return text
    out = []
    replaced = False  # the last character was replaced: its marks go with it
    for char in text:
        category = unicodedata.category(char)
        if category in DROPPED:
            continue
        if _modifier(char):
            if not replaced and drawable(char):
                out.append(char)
            continue
        if char.isspace() or drawable(char):
            out.append(char)
            replaced = False
            continue
        name = unicodedata.name(char, "") if category in NAMED else ""
        out.append(f"[{name.lower()}]" if name else REPLACEMENT)
        replaced = True
    return "".join(out)


def printable_report(report: Report) -> Report:
    """The report with every text in it printable: its title, name, dates and footer, and
    each block's words (a chart's days are numbers, left as they are)."""
    return replace(
        report,
        title=printable(report.title),
        who=printable(report.who),
        dates=printable(report.dates),
        footer=printable(report.footer),
        blocks=[_block(b) for b in report.blocks],
    )


def _block(block: Block) -> Block:
    if isinstance(block, Text | Heading):
        return replace(block, text=printable(block.text))
    if isinstance(block, Table):
        rows = [tuple(map(printable, row)) for row in block.rows]
        return replace(block, columns=tuple(map(printable, block.columns)), rows=rows)
    if isinstance(block, Chart):
        return replace(block, caption=printable(block.caption))
    if isinstance(block, Columns):
        return replace(
            block, left=list(map(_block, block.left)), right=list(map(_block, block.right))
        )
    items = [(day, printable(note)) for day, note in block.items]
    return replace(block, title=printable(block.title), items=items)
