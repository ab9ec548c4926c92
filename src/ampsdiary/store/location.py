"""Where the diary lives: --db, else $AMPSDIARY_DB, else the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path


def diary_path(option: str | None = None) -> Path:
    if option:
        return Path(option).expanduser()
    if env := os.environ.get("AMPSDIARY_DB"):
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("ampsdiary", appauthor=False)) / "diary.db"
