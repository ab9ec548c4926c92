"""The one error a user ever sees: which field, which value, what is allowed.

Below the CLI an error speaks of fields in the diary's words (`pain`, `week`, `from`); a
message that points at another field names it in braces (`is after {to}`). Whoever shows
the error says how the user named each field: the CLI a flag (`--pain`), an importer a
column; `str()` keeps the diary's words.
"""

from __future__ import annotations

import re
from collections.abc import Callable

EMPTY_DIARY = "has nothing logged yet; start with `ampsdiary log` (or try `ampsdiary demo`)"
_NAMED = re.compile(r"\{([a-z_]+)\}")


class DiaryError(Exception):
    """Bad input or an unusable diary file; the CLI prints it on one line and exits 2."""

    def __init__(self, field: str, value: object, allowed: str) -> None:
        self.field = field
        self.value = value
        self.allowed = allowed
        super().__init__(self.message())

    def message(self, name: Callable[[str], str] = str) -> str:
        """'pain: '11' is out of range; ...', each field named by `name`."""
        shown = "" if self.value is None else f"{self.value!r} "
        return f"{name(self.field)}: {shown}{self.says(name)}"

    def says(self, name: Callable[[str], str] = str) -> str:
        """What is allowed, other fields it mentions named by `name`."""
        return _NAMED.sub(lambda m: name(m.group(1)), self.allowed)
