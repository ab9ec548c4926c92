"""Writing the files commands make (reports, pictures, exports, a caseload's pages): checked
names, never over a diary, and never a half-written file.

Every writer calls `plain_target` (through `check_target` for a single file) before any
work, and writes through `atomic`, which checks again file by file (the files of a bundle
folder too). Plain `os` and `tempfile`: the commands that import this stay instant.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .errors import DiaryError
from .store.files import COMPANIONS, is_diary, same_file


def check_target(path: Path, suffixes: tuple[str, ...], diary: Path | None = None) -> None:
    """A file of a type we write, in a folder that exists, not a diary; else a clear error.

    The command calls this once, before any work; the writers below take the path as checked.
    """
    suffix = path.suffix.lower()
    if suffix not in suffixes:
        allowed = f"{', '.join(suffixes[:-1])} or {suffixes[-1]}"
        raise DiaryError("out", str(path), f"has an unknown file type; end the name with {allowed}")
    if path.is_dir():
        raise DiaryError("out", str(path), "is a folder; give a file name")
    plain_target(path, diary=diary)
    folder = path.parent
    if not folder.is_dir():
        raise DiaryError(
            "out", str(path), f"is in a folder that does not exist ({folder}); create it first"
        )


def plain_target(path: Path, folder: bool = False, diary: Path | None = None) -> None:
    """Never write over a diary (`not_a_diary`), nor by renaming over a link, a device or a
    pipe: run as root, a report `--out /dev/stdout` would replace the device itself (a link
    to it) with a file."""
    not_a_diary(path, diary)
    if path.is_symlink() or (path.exists() and not (path.is_dir() if folder else path.is_file())):
        what = "a folder" if folder else "a file"
        said = f"is not {what} to write to (a link, a device or a pipe); give a plain name"
        raise DiaryError("out", str(path), said)


def not_a_diary(path: Path, diary: Path | None = None) -> None:
    """An output never replaces a diary: the one in use under any name (a link, a hard link,
    `./a/../diary.db`, relative or absolute) or SQLite's journal beside it, nor any ampsdiary
    database (its header says so: a backup under any name). Last week's report is fine."""
    if diary is not None and any(
        same_file(path, Path(f"{diary}{companion}")) for companion in ("", *COMPANIONS)
    ):
        raise DiaryError("out", str(path), "is the diary itself; give another file name")
    if is_diary(path):
        raise DiaryError(
            "out", str(path), "is an ampsdiary diary (or a backup of one); give another file name"
        )


@contextlib.contextmanager
def atomic(path: Path) -> Iterator[Path]:
    """A temporary file beside `path` that replaces it only once fully written, and is
    removed when the writing fails.

    The temporary file is created readable by its owner only, like the diary itself: a
    report is health information.
    """
    not_a_diary(path)
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
