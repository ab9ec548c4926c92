"""Saving pictures: as PNG, SVG or PDF by the file's suffix, or as SVG text for a page.

The file itself is written by outputs.atomic (checked, never over a diary, never half-written).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs import atomic
from . import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PICTURES = (".png", ".svg", ".pdf")


def metadata(fmt: str, title: str) -> dict[str, str | None]:
    """A title for screen readers; no dates, so the same diary gives the same file."""
    if fmt == "svg":
        return {"Title": title, "Date": None}
    if fmt == "pdf":
        return {"Title": title, "CreationDate": None}
    return {"Title": title}


def save(fig: Figure, path: Path, title: str) -> None:
    """Write a figure as PNG, SVG or PDF, chosen by the (checked) file's suffix."""
    fmt = path.suffix.lower()[1:]
    style.searchable(fig)
    with style.context(), atomic(path) as tmp:
        fig.savefig(tmp, format=fmt, dpi=150, metadata=metadata(fmt, title))


def svg_text(fig: Figure, title: str) -> str:
    """A figure as SVG markup, for pages that carry their pictures inside them."""
    buffer = io.StringIO()
    style.searchable(fig)
    with style.context():
        fig.savefig(buffer, format="svg", metadata=metadata("svg", title))
    return buffer.getvalue()
