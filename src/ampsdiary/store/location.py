"""Where the diary lives: --db, else $AMPSDIARY_DB, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import DiaryError


def _checked(raw: str, source: str) -> Path:
    """A path as typed; blank or ending in a slash names no file, so it must not pick one."""
    if not raw.strip():
        raise DiaryError(source, raw, "is empty; give the path of a diary file")
    if raw.endswith(("/", os.sep)):
        raise DiaryError(source, raw, "ends in a slash; give the path of a diary file")
    return Path(raw).expanduser()


def diary_path(option: str | None = None) -> Path:
    if option is not None:
        return _checked(option, "--db")
    if env := os.environ.get("AMPSDIARY_DB"):  # set but empty counts as unset, like $EDITOR
        return _checked(env, "$AMPSDIARY_DB")
    from platformdirs import user_data_dir

    return Path(user_data_dir("ampsdiary", appauthor=False)) / "diary.db"
