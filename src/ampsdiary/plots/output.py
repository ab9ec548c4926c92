"""Writing picture and report files: checked names, and never a half-written file."""

from __future__ import annotations

import contextlib
import io
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DiaryError
from . import style

if TYPE_CHECKING:
    from matplotlib.figure import Figure

PICTURES = (".png", ".svg", ".pdf")


def check_target(path: Path, suffixes: tuple[str, ...]) -> None:
    """A file of a type we write, in a folder that exists; else a clear error.

    The command calls this once, before any work; the writers below take the path as checked.
    """
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        allowed = f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"
        raise DiaryError("out", str(path), f"has an unknown file type; end the name with {allowed}")
    if path.is_dir():
        raise DiaryError("out", str(path), "is a folder; give a file name")
    plain_target(path)
    folder = path.parent
    if not folder.is_dir():
        raise DiaryError(
            "out", str(path), f"is in a folder that does not exist ({folder}); create it first"
        )


def plain_target(path: Path, folder: bool = False) -> None:
    """Never write by renaming over a link, a device or a pipe: run as root, a report
    `--out /dev/stdout` would replace the device itself (a link to it) with a file."""
    if path.is_symlink() or (path.exists() and not (path.is_dir() if folder else path.is_file())):
        what = "a folder" if folder else "a file"
        said = f"is not {what} to write to (a link, a device or a pipe); give a plain name"
        raise DiaryError("out", str(path), said)


@contextlib.contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it only once fully written.

    The temporary file is created readable by its owner only, like the diary itself: a
    report is health information.
    """
    tmp: Path | None = None
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=path.suffix)
        os.close(fd)
        tmp = Path(name)
        yield tmp
        os.replace(tmp, path)
    except OSError as error:
        raise DiaryError("out", str(path), f"cannot be written: {error.strerror}") from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


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
