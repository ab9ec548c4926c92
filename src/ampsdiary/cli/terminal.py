"""Output any terminal can show: plain ASCII where UTF-8 cannot be printed.

A terminal set to the C locale, or a stdout that only takes ASCII (PYTHONIOENCODING=ascii,
an old Windows code page), cannot print the arrows, dashes and sparkline blocks the diary
uses, and Python would stop with a UnicodeEncodeError in the middle of a table. There the
output goes through `AsciiOut`, which says each of our symbols in ASCII ('^', '->', '-',
'_.:-=+*#'), strips accents from the user's own words ('cafe') and prints '?' for anything
else; Rich draws its table rules in ASCII by itself once the stream says it is ASCII.
"""

from __future__ import annotations

import io
import os
import shutil
import unicodedata
from typing import IO, Any

from rich.console import Console
from rich.text import Text

# The non-ASCII characters the diary itself prints, said in ASCII; the eight sparkline
# blocks keep their order from low to high.
SYMBOLS = str.maketrans(
    {
        "↑": "^", "↓": "v", "→": "->", "←": "<-", "–": "-", "—": "-", "±": "+/-", "…": "...",
        "✓": "ok", "×": "x", "·": "-", "‘": "'", "’": "'", "“": '"', "”": '"', "\u00a0": " ",
        **dict(zip("▁▂▃▄▅▆▇█", "_.:-=+*#", strict=True)),
    }
)  # fmt: skip
SHOWN = "↑↓→–±…▁█"  # what a stream must be able to print for the diary's own output
PLAIN_LOCALES = ("C", "POSIX")
COERCED = ("C.UTF-8", "C.utf8", "UTF-8")  # what Python sets LC_CTYPE to in a C locale


def ascii_text(text: str) -> str:
    """The text in ASCII: our symbols by SYMBOLS, accented letters without their accents,
    and '?' for any other character."""
    if text.isascii():
        return text
    text = unicodedata.normalize("NFKD", text.translate(SYMBOLS))
    kept = (c for c in text if unicodedata.category(c) != "Mn")
    return "".join(c if c.isascii() else "?" for c in kept)


def needs_ascii(stream: IO[str]) -> bool:
    """The stream cannot take the diary's symbols, or the locale says the terminal shows
    plain ASCII (LC_ALL, LC_CTYPE or LANG set to C or POSIX). Python prints UTF-8 in the C
    locale anyway (its UTF-8 mode); PYTHONUTF8=1 or PYTHONIOENCODING=utf-8, set by hand,
    says the terminal can show it after all."""
    encoding = getattr(stream, "encoding", None) or "utf-8"
    try:
        SHOWN.encode(encoding)
    except (LookupError, UnicodeEncodeError):
        return True
    if os.environ.get("PYTHONUTF8") == "1" or os.environ.get("PYTHONIOENCODING"):
        return False
    env = {v: os.environ.get(v, "") for v in ("LC_ALL", "LC_CTYPE", "LANG")}
    if not env["LC_ALL"] and env["LANG"] in PLAIN_LOCALES and env["LC_CTYPE"] in COERCED:
        return True  # Python itself set LC_CTYPE (PEP 538): the terminal's locale is C
    locale = next((value for value in env.values() if value), "")
    return locale in PLAIN_LOCALES


class AsciiOut(io.TextIOBase):
    """A text stream that writes ASCII to the one it wraps (see ascii_text)."""

    encoding = "ascii"  # Rich reads this and draws its boxes in ASCII

    def __init__(self, stream: IO[str]) -> None:
        super().__init__()
        self.stream = stream

    def write(self, text: str) -> int:
        self.stream.write(ascii_text(text))
        return len(text)

    def flush(self) -> None:
        self.stream.flush()

    def isatty(self) -> bool:
        return self.stream.isatty()

    def fileno(self) -> int:
        return self.stream.fileno()


def plain(console: Console) -> bool:
    """The console writes ASCII (AsciiConsole), so text is laid out as ASCII too."""
    return not console.encoding.startswith("utf")


def in_ascii(thing: Any) -> Any:
    """A string or a one-style Text in ASCII; any other renderable as it is."""
    if isinstance(thing, str):
        return ascii_text(thing)
    if isinstance(thing, Text):
        return Text(ascii_text(thing.plain), style=thing.style, justify=thing.justify)
    return thing


class AsciiConsole(Console):
    """A console on an AsciiOut: what it prints is made ASCII before Rich lays it out, so a
    wrapped line or a table column is as wide as what reaches the terminal ('->' is two
    cells where the arrow was one)."""

    def print(self, *objects: Any, **options: Any) -> None:
        super().print(*map(in_ascii, objects), **options)


def columns() -> int:
    """The terminal's width ($COLUMNS first), never under 40: prompts wrap to it between words."""
    return max(40, shutil.get_terminal_size((80, 24)).columns)


def forgiving_stdin() -> None:
    """Answers typed in another encoding (a Latin-1 terminal) arrive as lone surrogates, as
    such bytes in argv do, instead of stopping a question with a UnicodeDecodeError; the
    field they answer then refuses them in one line (validate.utf8) and asks again.

    An ASCII stdin (PYTHONIOENCODING=ascii) is read as UTF-8, its superset, so a UTF-8
    accent stays the letter typed. A stream read from already (the CLI called again in one
    process) is left as it is: Python allows no change then.
    """
    import codecs
    import contextlib
    import sys

    stream = sys.stdin
    if not isinstance(stream, io.TextIOWrapper):
        return
    ascii_in = codecs.lookup(stream.encoding or "utf-8").name == "ascii"
    with contextlib.suppress(io.UnsupportedOperation):
        stream.reconfigure(**({"encoding": "utf-8"} if ascii_in else {}), errors="surrogateescape")
