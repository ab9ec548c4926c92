"""The `ampsdiary` program. Plain `ampsdiary nudge` answers before the CLI is even loaded.

`nudge` runs in every new shell, so it reads the diary with plain sqlite3 and prints its one
line without importing typer, rich or sqlite-utils (about 40 ms instead of 250 ms). Every
other command, and `nudge --json`, goes through the full CLI.
"""

from __future__ import annotations

import sys


def _quick_nudge(args: list[str]) -> bool:
    """Handle `nudge` and `--db PATH nudge`; False when the full CLI is needed."""
    if args[-1:] != ["nudge"] or len(args) not in (1, 3) or (len(args) == 3 and args[0] != "--db"):
        return False
    from .errors import DiaryError
    from .store.location import diary_path
    from .streak import nudge

    try:
        path = diary_path(args[1] if len(args) == 3 else None)
    except DiaryError:
        return False  # the full CLI says what is wrong with the path
    try:
        message = nudge(path)
    except DiaryError as error:  # named as the CLI names it: --db only when --db gave it
        name = "--db" if len(args) == 3 else "diary"
        print(f"Error: {error.message(lambda field: name if field == 'diary' else field)}",
              file=sys.stderr)  # fmt: skip
        raise SystemExit(2) from None
    if message["message"]:
        print(message["message"])
    return True


def main() -> None:
    if not _quick_nudge(sys.argv[1:]):
        from .cli import app

        app(prog_name="ampsdiary")
