"""Reports to keep and share: a week on one printed page, or a longer period for a therapist.

`content` decides what a report says; `pdf`, `html` and `markdown` only lay it out, so the
three files always carry the same numbers and never a private note.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from ..outputs import atomic

if TYPE_CHECKING:
    from .content import Report

FORMATS = (".pdf", ".html", ".md")
PAPERS = ("a4", "letter")


def write(report: Report, path: Path, paper: str = "a4") -> int | None:
    """Save the report as PDF, HTML or Markdown by the (checked) file's suffix; PDF returns
    its pages."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from . import pdf

        return pdf.write(report, path, paper)
    if suffix == ".html":
        from . import html

        text = html.render(report, paper)
    else:
        from . import markdown

        text = markdown.render(report)
    with atomic(path) as tmp:
        tmp.write_text(text, encoding="utf-8")
    return None
