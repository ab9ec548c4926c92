"""Implausible values are refused with the limit and why, on every way in: flags, the
check-in, edit and the library; `vocabulary` lists the limits; earlier values still read."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ampsdiary import DiaryError, open_diary
from ampsdiary.vocabulary import DAY_MINUTES, FIELDS, LIMITS, NIGHT_SLEEP, SESSION_MINUTES

# (command for a value at the limit, the same one over it, what the refusal says)
OVER = [
    (
        ("exercise", "physio", "240"),
        ("exercise", "physio", "241"),
        "MINUTES: '241' is out of range",
    ),
    (("log", "--sleep", "16"), ("log", "--sleep", "16.5"), "--sleep: '16.5' is out of range"),
]


def counts(db):
    with sqlite3.connect(db) as conn:
        return [
            conn.execute(f"select count(*) from {t}").fetchone()[0] for t in ("days", "sessions")
        ]


@pytest.mark.parametrize(("fine", "over", "said"), OVER, ids=["session", "sleep"])
def test_a_value_over_its_limit_is_refused_saying_the_limit_and_why(run, db_path, fine, over, said):
    assert run(*fine).exit_code == 0
    before = counts(db_path)
    result = run(*over)
    assert result.exit_code == 2
    assert said in result.output and result.output.count("\n") == 1
    limit = SESSION_MINUTES if over[0] == "exercise" else NIGHT_SLEEP
    assert f"to {limit.most} (" in result.output and limit.why in result.output
    assert counts(db_path) == before


def test_every_per_value_limit_is_the_top_of_its_scale():
    """A limit the vocabulary lists is the one parsing applies (one table, no second copy)."""
    for limit in LIMITS:
        if limit.per != "day":
            assert FIELDS[limit.field].kind.high == limit.most
            assert FIELDS[limit.field].kind.limit is limit


def test_a_day_holds_at_most_its_limit_of_sessions_together(run, db_path):
    for _ in range(3):
        assert run("exercise", "physio", "240").exit_code == 0  # 720: the most a day holds
    result = run("exercise", "aerobic", "1")
    assert result.exit_code == 2
    assert "MINUTES: '1' would make 721 minutes on Wed 18 Nov; at most 720 minutes a day" in (
        result.output
    )
    assert counts(db_path)[1] == 3
    assert run("exercise", "aerobic", "1", "--date", "yesterday").exit_code == 0  # per day


def test_edit_keeps_to_the_limits(run):
    run("exercise", "physio", "240")
    run("exercise", "physio", "240")
    run("exercise", "physio", "200")
    run("log", "--sleep", "8")
    result = run("edit", "--session", "3", "minutes", "241")
    assert result.exit_code == 2 and "MINUTES: '241' is out of range" in result.output
    result = run("edit", "--session", "3", "minutes", "239")  # 719: still within the day
    assert result.exit_code == 0, result.output
    run("exercise", "aerobic", "1")  # 720
    result = run("edit", "--session", "4", "minutes", "2")
    assert result.exit_code == 2 and "would make 721 minutes" in result.output
    result = run("edit", "--day", "today", "sleep", "20")
    assert result.exit_code == 2 and "--sleep: '20' is out of range" in result.output


def test_the_checkin_explains_a_limit_and_asks_again(run, db_path):
    run("exercise", "physio", "240")
    run("exercise", "physio", "200")
    answers = ["-"] * 12 + [
        "17",
        "-",
        "-",
        "aerobic 300",
        "aerobic 240, physio 60",
        "aerobic 30",
        "-",
    ]
    result = run("log", "--check-in", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # messages wrap between words at the terminal
    assert "'17' is out of range" in said and NIGHT_SLEEP.why in said
    assert "'300' is out of range" in said
    assert "would make 740 minutes on Wed 18 Nov" in said
    with sqlite3.connect(db_path) as conn:
        minutes = [m for (m,) in conn.execute("select minutes from sessions order by id")]
        sleep = conn.execute("select sleep from days").fetchall()
    assert minutes == [240, 200, 30] and sleep == []


def test_the_library_refuses_the_same(tmp_path):
    import datetime as dt

    day = dt.date(2026, 11, 16)
    with open_diary(tmp_path / "lib.db", create=True) as diary:
        with pytest.raises(DiaryError, match="is out of range"):
            diary.log(day, sessions=[{"kind": "walk", "minutes": 600}])
        four = [{"kind": "walk", "minutes": 240}] * 3 + [{"kind": "walk", "minutes": 30}]
        with pytest.raises(DiaryError, match="would make 750 minutes"):
            diary.log(day, sessions=four)
        rows = [{"date": day.isoformat(), "kind": "walk", "minutes": 240}] * 4
        with pytest.raises(DiaryError, match="would make 960 minutes"):
            diary.add_all([], [], rows)
        assert diary.sessions(day, day) == []
        diary.add_all([], [], rows[:3])
        assert diary.day_minutes(day) == DAY_MINUTES.most


def test_vocabulary_lists_every_limit(run):
    data = json.loads(run("vocabulary", "--json").output)
    listed = {(row["field"], row["per"]): row for row in data["limits"]}
    assert set(listed) == {(m.field, m.per) for m in LIMITS}
    assert listed[("minutes", "session")]["most"] == 240
    assert listed[("minutes", "day")]["most"] == 720
    assert listed[("sleep", "night")] | {} == {
        "field": "sleep", "flag": "--sleep", "per": "night", "most": 16, "unit": "hours",
        "why": NIGHT_SLEEP.why,
    }  # fmt: skip
    shown = run("vocabulary").output
    for limit in LIMITS:
        assert f"{limit.most} {limit.unit} a {limit.per}" in shown


def test_the_exercise_goal_is_no_more_than_a_day_holds(run):
    assert run("config", "set", "exercise-goal", str(DAY_MINUTES.most)).exit_code == 0
    result = run("config", "set", "exercise-goal", str(DAY_MINUTES.most + 1))
    assert result.exit_code == 2 and f"from 1 to {DAY_MINUTES.most}" in result.output


def test_values_an_earlier_version_took_are_still_read(run, db_path):
    """0.1 took sessions up to 720 minutes and 24 hours of sleep: they stay in every read."""
    run("log", "--sleep", "8")
    run("exercise", "physio", "30")
    with sqlite3.connect(db_path) as conn:
        conn.execute("update sessions set minutes = 300")
        conn.execute("update days set sleep = 20")
    result = run("day", "--json")
    assert result.exit_code == 0 and "left out" not in result.output
    data = json.loads(result.output)
    assert data["sessions"][0]["minutes"] == 300 and data["day"]["sleep"] == 20
    with sqlite3.connect(db_path) as conn:
        conn.execute("update sessions set minutes = 721")  # never taken by any version
    assert "left out 1 stored value" in run("day").output
