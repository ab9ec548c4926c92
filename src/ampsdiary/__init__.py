"""ampsdiary: a command-line diary for children and teens with AMPS, and its Python library.

`open_diary(path)` gives a `Diary` (see ampsdiary.diary and docs/library.md). The names
load on first use, so `import ampsdiary` stays instant for `nudge` in every new shell.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Diary", "DiaryError", "open_diary"]

if TYPE_CHECKING:
    from .diary import Diary, open_diary
    from .errors import DiaryError


def __getattr__(name: str) -> Any:
    if name in ("Diary", "open_diary"):
        from . import diary

        return getattr(diary, name)
    if name == "DiaryError":
        from .errors import DiaryError

        return DiaryError
    raise AttributeError(name)
