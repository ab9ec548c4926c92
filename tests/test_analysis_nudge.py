"""`nudge`: one line when today is not logged yet, silence when it is."""

from __future__ import annotations

import json


def test_silent_when_today_is_logged(run):
    run("log", "--function", "6")
    result = run("nudge")
    assert result.exit_code == 0 and result.output == ""
    data = json.loads(run("nudge", "--json").output)
    assert data == {"schema_version": 2, "logged_today": True, "streak": 1, "message": None}


def test_one_line_with_the_days_in_a_row(run):
    for day in ("2026-11-15", "2026-11-16", "2026-11-17"):
        run("log", "--function", "6", "--date", day)
    result = run("nudge")
    assert result.exit_code == 0
    assert result.output == (
        "Not logged today yet: `ampsdiary log` takes a minute. 3 days in a row so far.\n"
    )


def test_no_diary_yet_is_not_created_by_a_nudge(run, db_path):
    result = run("nudge")
    assert result.output == "Not logged today yet: `ampsdiary log` takes a minute.\n"
    assert not db_path.exists()
