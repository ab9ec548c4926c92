"""Trends: weeks and months, change since the baseline, sparklines drawn by hand."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from ampsdiary import open_diary
from ampsdiary.analysis.trends import sparkline, split, trends
from ampsdiary.cli.analyses_view import TREND_COLUMNS
from ampsdiary.errors import DiaryError
from analysis_helpers import STEP_FUNCTION, STEP_PAIN, make_days, write_diary


def test_sparkline_scales_and_leaves_missing_blank():
    # 0, 5 and 10 on a 0-10 scale: blocks 0, round(3.5) = 4 and 7.
    assert sparkline([0, 5, 10, None], 0, 10) == "▁▅█ "
    assert sparkline([2, 4, 6]) == "▁▅█"  # the data's own range
    assert sparkline([3, None, 3]) == "▄ ▄"  # flat sits in the middle
    assert sparkline([None, None]) == "  "
    assert sparkline([]) == ""


def test_split_into_monday_weeks_and_calendar_months():
    days = make_days([5] * 14, [5] * 14, dt.date(2026, 9, 2))  # Wed 2 - Tue 15 Sep
    assert [len(w) for w in split(days, "week")] == [5, 7, 2]
    days = make_days([5] * 6, [5] * 6, dt.date(2026, 9, 28))
    assert [[d.date.day for d in m] for m in split(days, "month")] == [[28, 29, 30], [1, 2, 3]]
    with pytest.raises(DiaryError, match="use week or month"):
        split(days, "year")


def test_weekly_means_and_change_since_baseline():
    t = trends(make_days(STEP_FUNCTION, STEP_PAIN), "week", {"function": 2, "pain": 8})
    assert [r.label for r in t.rows] == ["2026-W36", "2026-W37", "2026-W38", "2026-W39", "2026-W40"]
    assert [(r.period.days_logged, r.period.calendar_days) for r in t.rows] == [
        (6, 6), (7, 7), (7, 7), (7, 7), (4, 4),
    ]  # fmt: skip
    # Week two (days 6-12): four 2s and three 6s = 26/7 = 3.7.
    assert [r.period.mean("function") for r in t.rows] == [2, 3.7, 6, 6, 6]
    assert [r.change["function"] for r in t.rows] == [0, 1.7, 4, 4, 4]
    assert [r.change["pain"] for r in t.rows] == [0, 0, 0, -4, -4]
    assert [r.verdict["pain"] for r in t.rows] == ["same", "same", "same", "better", "better"]
    lines = t.sparklines()
    assert lines["function"] == "▂▄▅▅▅"  # 2, 3.7, 6 of 10 -> blocks 1, 3, 4
    assert lines["pain"] == "▇▇▇▄▄"  # 8 and 4 of 10 -> blocks 6 and 3


def test_exercise_is_drawn_from_zero_and_missing_minutes_stay_missing():
    days = make_days([5] * 21, [5] * 21, dt.date(2026, 9, 7))  # three Monday weeks
    for d in days[:7]:
        d.exercise = {"physio": 30}  # 30 a day
    for d in days[7:13]:
        d.exercise = {"physio": 30}  # 180 over 7 logged days = 25.7 a day
    t = trends(days, "week", {"function": 5, "pain": 5})
    assert [r.period.mean("exercise") for r in t.rows] == [30, 25.7, None]
    # From 0 to 30: 25.7 / 30 * 7 = 6.0 -> block 6, not the lowest block.
    assert t.sparklines()["exercise"] == "█▇ "
    periods = t.as_json()["periods"]
    assert [p["exercise_minutes_total"] for p in periods] == [210, 180, None]


def test_trends_by_month_command(run, db_path):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)  # Tue 1 Sep - Thu 1 Oct; today is 18 Nov
    data = json.loads(run("trends", "--by", "month", "--json").output)
    sep, oct_, nov = data["periods"]
    assert (sep["label"], sep["days_logged"], sep["calendar_days"]) == ("Sep 2026", 30, 30)
    # September: twenty 6s and ten 2s = 140/30; pain twenty 8s and ten 4s = 200/30.
    assert (sep["function"]["mean"], sep["pain"]["mean"]) == (4.7, 6.7)
    assert sep["change_since_baseline"]["function"] == 2.7
    assert (oct_["days_logged"], oct_["function"]["mean"]) == (1, 6)
    assert (nov["days_logged"], nov["calendar_days"], nov["function"]["mean"]) == (0, 18, None)
    assert nov["change_since_baseline"]["function"] is None
    assert data["sparklines"]["function"] == "▄▅ "  # a missing month is a space
    result = run("trends", "--by", "month")
    assert result.exit_code == 0, result.output
    sep_line = next(line for line in result.output.splitlines() if "Sep 2026" in line)
    # The change says better or worse in words: nothing depends on colour. Pain's -1.3 is a
    # small change (more than a point, less than two): its number, no verdict.
    assert sep_line.split()[2:] == ["30/30", "4.7", "+2.7", "better", "6.7", "-1.3"]
    label = f"{'Function':<{len('Exercise, minutes a logged day')}}"
    assert f"\n{label} ▄▅   higher is better\n" in result.output


def test_trends_from_to_keeps_the_diary_baseline(run, db_path):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("trends", "--from", "2026-09-14", "--to", "2026-09-27")
    weeks = [line.split()[:3] for line in result.output.splitlines() if "/7" in line]
    assert weeks == [["Mon", "14", "Sep"], ["Mon", "21", "Sep"]]  # named as every output does
    data = json.loads(run("trends", "--from", "2026-09-14", "--to", "2026-09-27", "--json").output)
    assert data["baseline"]["function"] == 2 and data["baseline"]["pain"] == 8
    assert [p["start"] for p in data["periods"]] == ["2026-09-14", "2026-09-21"]
    assert [p["change_since_baseline"]["pain"] for p in data["periods"]] == [0, -4]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--by", "year"], "Error: --by: 'year' is not allowed; use week or month"),
        (["--from", "2026-09-20", "--to", "2026-09-10"], "Error: --from: '2026-09-20' is after"),
        (["--to", "2026-08-01"], "Error: --to: '2026-08-01' is before the diary's first day"),
    ],
)
def test_trends_bad_options_are_one_line(run, db_path, args, message):
    write_diary(db_path, STEP_FUNCTION, STEP_PAIN)
    result = run("trends", *args)
    assert result.exit_code == 2
    assert result.output.startswith(message) and len(result.output.splitlines()) == 1


def test_trends_on_an_empty_diary(run, db_path):
    open_diary(db_path, create=True).close()
    result = run("trends")
    assert result.exit_code == 2 and "nothing logged yet" in result.output


def test_trends_fit_80_columns_with_every_header_whole(run, demo_db, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("--db", str(demo_db), "trends")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0].split() == [*["Week", "of"], *TREND_COLUMNS] and "…" not in result.output
    assert max(map(len, lines)) <= 80


def test_a_sparkline_longer_than_the_terminal_wraps_at_its_edge(run, db_path, monkeypatch):
    """Two years by week are 105 blocks: wider than 60 columns, so each measure's line goes
    under its label and wraps (this once stopped `trends --by month` on a long diary)."""
    monkeypatch.setenv("COLUMNS", "60")
    start = dt.date(2024, 11, 18)
    for week in range(105):
        day = (start + dt.timedelta(weeks=week)).isoformat()
        assert run("log", "-d", day, "--pain", str(week % 7), "--function", "5").exit_code == 0
    result = run("trends")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert max(map(len, lines)) <= 60
    assert any(line.startswith("Pain") and line.endswith("(lower is better):") for line in lines)
