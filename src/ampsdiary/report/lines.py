"""Text measured in printed inches and broken into lines for the PDF.

Words wrap at spaces; a word wider than the line (a pasted link, a key held down) is split
so nothing runs off the page; and a note can be cut to a number of lines, ending with a
pointer to where the rest is.
"""

from __future__ import annotations

import functools


@functools.cache
def width(text: str, size: float, bold: bool = False) -> float:
    """Printed width in inches, measured from the font itself (call inside style.context)."""
    from matplotlib.font_manager import FontProperties
    from matplotlib.textpath import text_to_path

    prop = FontProperties(size=size, weight="bold" if bold else "normal")
    return text_to_path.get_text_width_height_descent(text, prop, ismath=False)[0] / 72 * 1.03


def fits(text: str, room: float, size: float, bold: bool = False) -> int:
    """How many leading characters of `text` fit in `room` inches, measured a character at
    a time: quick for a 3000-letter word, where measuring every prefix would not be."""
    total = 0.0
    for n, char in enumerate(text):
        total += width(char, size, bold)
        if total > room:
            return n
    return len(text)


def wrap(text: str, room: float, size: float, bold: bool = False) -> list[str]:
    """Greedy word wrap to `room` inches; a word that fits no line is split across lines."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if width(trial, size, bold) <= room:
                line = trial
                continue
            if line:
                lines.append(line)
            while (n := max(1, fits(word, room, size, bold))) < len(word):
                lines.append(word[:n])
                word = word[n:]
            line = word
        lines.append(line)
    return lines


def cut(lines: list[str], keep: int, tail: str, room: float, size: float) -> list[str]:
    """The first `keep` lines, the last one shortened (at a space when it can) to end in `tail`."""
    if len(lines) <= keep:
        return lines
    last = lines[keep - 1]
    short = last[: fits(last, room - width(tail, size), size)]
    if short != last and " " in short:
        short = short.rsplit(" ", 1)[0]
    return [*lines[: keep - 1], short.rstrip() + tail]


def share(counts: list[int], budget: int) -> list[int]:
    """Lines for each of several notes from `budget` lines: short notes whole, the long ones
    splitting what is left evenly, every note at least one line."""
    shares = [0] * len(counts)
    left = budget
    for k, i in enumerate(sorted(range(len(counts)), key=counts.__getitem__)):
        shares[i] = max(1, min(counts[i], left // (len(counts) - k)))
        left -= shares[i]
    return shares
