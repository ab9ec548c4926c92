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


PNG_DPI = 150


def save(fig: Figure, path: Path, title: str) -> None:
    """Write a figure as PNG, SVG or PDF, chosen by the (checked) file's suffix."""
    fmt = path.suffix.lower()[1:]
    style.searchable(fig)
    with style.context(), atomic(path) as tmp:
        if fmt == "png":
            _lay_out(fig)
        fig.savefig(tmp, format=fmt, dpi=PNG_DPI, metadata=metadata(fmt, title))


def _lay_out(fig: Figure) -> None:
    """The figure's constrained layout, done once on the renderer the PNG is drawn with, and
    then kept: left to savefig, the whole figure is drawn once more, unseen, only to find the
    layout (a second of a two-year calendar). The same positions, so the same pixels; SVG
    and PDF measure text with renderers of their own and are left to savefig."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    if (engine := fig.get_layout_engine()) is None:
        return
    FigureCanvasAgg(fig)
    fig.set_dpi(PNG_DPI)
    engine.execute(fig)
    fig.set_layout_engine(None)  # gone (style.RC): "none" leaves one savefig lays out for


def svg_text(fig: Figure, title: str) -> str:
    """A figure as SVG markup, for pages that carry their pictures inside them."""
    buffer = io.StringIO()
    style.searchable(fig)
    with style.context():
        fig.savefig(buffer, format="svg", metadata=metadata("svg", title))
    return buffer.getvalue()
