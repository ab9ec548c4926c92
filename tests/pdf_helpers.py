"""Reading back the PDFs we write: the drawn text (from compressed page streams) and pages.

A plain `b"note" not in data` proves nothing about a PDF: its page streams are compressed
and matplotlib writes text as UTF-16 glyph runs. These helpers undo both.
"""

from __future__ import annotations

import re
import zlib


def _unescape(raw: bytes) -> bytes:
    """A PDF string's bytes: backslash escapes and octal codes undone."""
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def one(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        return bytes([int(code, 8) & 255]) if code[:1].isdigit() else simple.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def pdf_text(data: bytes) -> str:
    """The text drawn in a matplotlib PDF: its compressed page streams, TJ arrays, UTF-16."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for array in re.findall(rb"\[(.*?)\]\s*TJ", content, re.S):
            parts = re.findall(rb"\(((?:\\.|[^\\)])*)\)", array, re.S)
            found.append(b"".join(_unescape(p) for p in parts).decode("utf-16-be", "replace"))
    return "\n".join(found)


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
