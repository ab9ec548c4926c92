"""Reading back what we write: PDF and SVG text, HTML, and where drawn text landed.

A plain `b"note" not in data` proves nothing about a PDF: its page streams are compressed
and matplotlib writes text as UTF-16 glyph runs. These helpers undo both.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zlib
from html.parser import HTMLParser
from pathlib import Path


def _unescape(raw: bytes) -> bytes:
    """A PDF string's bytes: backslash escapes and octal codes undone."""
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def one(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        return bytes([int(code, 8) & 255]) if code[:1].isdigit() else simple.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def pdf_page_texts(data: bytes) -> list[str]:
    """The text drawn on each page of a matplotlib PDF (one compressed stream a page):
    TJ arrays of UTF-16."""
    pages = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        found = []
        for array in re.findall(rb"\[(.*?)\]\s*TJ", content, re.S):
            parts = re.findall(rb"\(((?:\\.|[^\\)])*)\)", array, re.S)
            found.append(b"".join(_unescape(p) for p in parts).decode("utf-16-be", "replace"))
        if found:
            pages.append("\n".join(found))
    return pages


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_page_texts(data))


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def svg_texts(path: Path) -> list[str]:
    """Every piece of text in an SVG, which must parse as XML."""
    root = ET.parse(path).getroot()
    return [e.text.strip() for e in root.iter() if e.text and e.text.strip()]


def svg_text(path: Path) -> str:
    return "\n".join(svg_texts(path))


class Parsed(HTMLParser):
    """Collects the visible text and every tag, and fails on a tag closed out of order."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr", "path", "use", "stop", "rect"})

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            assert self.open.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def text_boxes(fig) -> dict:
    """Each visible piece of text in a drawn figure: {text: its box on the canvas}, with
    matplotlib's own renderer measuring it (later texts with the same words win)."""
    from matplotlib.text import Text

    fig.draw_without_rendering()
    return {
        t.get_text(): t.get_window_extent()
        for t in fig.findobj(Text)
        if t.get_visible() and t.get_text().strip()
    }
