"""Pictures of the diary: the recovery picture, symptoms over time and a pain calendar.

Each picture is a bare matplotlib Figure (no pyplot state), drawn headless and saved by
the file's suffix. matplotlib loads only inside the functions that draw, so the rest of
the command line stays instant.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from . import style
from .output import save

if TYPE_CHECKING:
    from ..analysis.recovery import Recovery
    from ..daily import Day

KINDS = {
    "recovery": "Function and pain: the function-before-pain picture",
    "symptoms": "Allodynia, swelling, skin signs and where it hurts",
    "calendar": "A month-grid calendar of daily pain or function",
}


def write(
    path: Path,
    kind: str,
    days: list[Day],
    recovery: Recovery | None = None,
    measure: str = "pain",
) -> None:
    """Draw one picture of `days` and save it to `path` (a checked .png, .svg or .pdf)."""
    with style.context():
        if kind == "recovery":
            from . import recovery as picture

            assert recovery is not None, "the recovery picture needs the analysis"
            fig = picture.figure(days, recovery)
        elif kind == "symptoms":
            from . import symptoms

            fig = symptoms.figure(days)
        else:
            from . import calendar

            fig = calendar.figure(days, measure)
        save(fig, path, KINDS[kind])
