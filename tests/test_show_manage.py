"""Reading the diary back: show, history, delete, config, vocabulary and the demo."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3

from ampsdiary import open_diary
from ampsdiary.analysis.measures import mean
from ampsdiary.demo import generate
from ampsdiary.validate import parse
from ampsdiary.vocabulary import FIELDS


def test_show_one_row_a_day_with_blanks_not_zero(run):
    run("log", "--pain", "4", "--worst", "6", "--function", "7", "--date", "yesterday")
    run("log", "--pain", "6", "--date", "yesterday", "--swelling", "mild", "--skin-color", "red")
    run("exercise", "aerobic", "20", "--date", "yesterday")
    run("exercise", "physio", "40", "--date", "yesterday")
    result = run("show", "--days", "3")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    tue = next(line for line in lines if line.startswith("Tue 17 Nov"))
    assert tue.split()[3:8] == ["5", "6", "7", "mild", "red"]  # mean pain, worst, function
    assert tue.split()[-1] == "60"
    mon = next(line for line in lines if line.startswith("Mon 16 Nov"))
    assert mon.strip() == "Mon 16 Nov"  # not logged: blank, no zeros
    assert "1 of 3 days logged" in result.output


def test_show_json_has_the_same_numbers(run):
    run("log", "--pain", "3", "--pain", "3", "--function", "8")
    data = json.loads(run("show", "--days", "2", "--json").output)
    assert data["days_logged"] == 1
    yesterday, today = data["days"]
    assert yesterday["pain"] is None and yesterday["function"] is None
    assert (today["pain"], today["function"], today["date"]) == (3, 8, "2026-11-18")
    assert "private_note" not in today


def test_delete_day_keeps_the_old_values_in_history(run, db_path):
    run("log", "--pain", "5", "--function", "4", "--private-note", "mine", "--date", "mon")
    run("exercise", "aerobic", "30", "--date", "mon")
    result = run("delete", "mon", "--yes")
    assert result.exit_code == 0, result.output
    assert "1 entry, 1 session, 1 day record" in result.output
    assert json.loads(run("show", "--json", "--days", "3").output)["days_logged"] == 0
    changes = json.loads(run("history", "2026-11-16", "--json").output)["changes"]
    assert {c["kind"] for c in changes} == {"entry", "session", "day"}
    day = next(c for c in changes if c["kind"] == "day")
    assert day["action"] == "delete" and day["old_value"]["function"] == 4


def test_delete_one_entry_by_id(run, db_path):
    run("log", "--pain", "5")
    run("log", "--pain", "7")
    assert run("delete", "--entry", "1", "--yes").exit_code == 0
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select id, pain from entries").fetchall() == [(2, 7)]
    shown = run("history").output
    assert "Entry #1" in shown and "deleted" in shown and "pain now 5" in shown


def test_delete_needs_exactly_one_target(run):
    result = run("delete", "today", "--entry", "1")
    assert result.exit_code == 2 and "exactly one of" in result.output


def test_config_set_get_and_history(run):
    assert run("config", "set", "exercise-goal", "45").exit_code == 0
    assert run("config", "set", "treatment-start", "2026-10-05").exit_code == 0
    result = run("config", "set", "exercise-goal", "60")
    assert "was 45" in result.output
    assert run("config", "get", "exercise-goal").output.strip() == "exercise-goal: 60"
    data = json.loads(run("config", "get", "--json").output)
    assert data["settings"] == {
        "patient-id": None,
        "name": None,
        "exercise-goal": "60",
        "treatment-start": "2026-10-05",
    }
    assert "exercise-goal" in run("history").output


def test_vocabulary_lists_every_flag(run):
    result = run("vocabulary")
    for flag in ("--where", "--skin-color", "--school", "blue-purple", "desensitization"):
        assert flag in result.output


def test_demo_writes_ten_weeks_into_its_own_file(run, demo_db, db_path):
    assert not db_path.exists()  # the real diary was never touched
    next_steps = run("--db", str(demo_db), "demo").output
    for command in ("summary", "recovery", "plot recovery --out", "report --out"):
        assert f"--db {demo_db} {command}" in next_steps
    data = json.loads(run("--db", str(demo_db), "show", "--days", "70", "--json").output)
    days = data["days"]
    assert 55 <= data["days_logged"] < 70  # some missed days
    early = [d["function"] for d in days[:14] if d["function"] is not None]
    late = [d["function"] for d in days[-14:] if d["function"] is not None]
    assert sum(late) / len(late) - sum(early) / len(early) > 3
    early_pain = [d["pain"] for d in days[:28] if d["pain"] is not None]
    late_pain = [d["pain"] for d in days[-14:] if d["pain"] is not None]
    assert sum(early_pain) / len(early_pain) - sum(late_pain) / len(late_pain) > 2


def test_demo_never_writes_into_the_diary_named_by_the_environment(run, db_path):
    run("log", "--pain", "4")
    result = run("demo")  # $AMPSDIARY_DB names the real diary: the demo goes beside it
    assert result.exit_code == 0, result.output
    assert (db_path.parent / "demo.db").exists()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("select count(*) from entries").fetchone() == (1,)


def test_demo_rebuilds_an_untouched_demo_but_keeps_one_written_in(run, demo_db):
    assert run("--db", str(demo_db), "demo").exit_code == 0  # untouched: rebuilt
    run("--db", str(demo_db), "log", "--day-note", "MY REAL ENTRY", "--date", "yesterday")
    result = run("--db", str(demo_db), "demo")
    assert result.exit_code == 2 and "holds a diary someone wrote in" in result.output
    assert "MY REAL ENTRY" in run("--db", str(demo_db), "day", "yesterday").output


def test_demo_goes_beside_the_real_diary_by_default(run, monkeypatch, tmp_path):
    monkeypatch.delenv("AMPSDIARY_DB")
    assert run("demo").exit_code == 0
    assert (tmp_path / "data" / "ampsdiary" / "demo.db").exists()
    assert not (tmp_path / "data" / "ampsdiary" / "diary.db").exists()


def test_the_demo_is_the_recovery_it_promises(run, demo_db):
    """Ten weeks: function rises from week 2, pain stays up until week 5 and then falls."""
    diary = open_diary(demo_db, create=False)
    days = [d for d in diary.days(dt.date(2026, 1, 1), dt.date(2026, 11, 18)) if d.logged]
    diary.close()
    first = days[0].date

    def weekly(measure: str) -> list[float]:
        weeks = [[] for _ in range(10)]
        for d in days:
            if getattr(d, measure) is not None:
                weeks[(d.date - first).days // 7].append(getattr(d, measure))
        return [mean(w) for w in weeks]

    function, pain = weekly("function"), weekly("pain")
    assert abs(function[1] - function[0]) < 1 and function[3] > function[0] + 1.5
    assert function[9] - function[0] >= 5  # function has come back
    assert max(pain[:4]) - min(pain[:4]) < 1.5  # pain flat for four weeks...
    assert pain[9] <= pain[4] - 3  # ...then it falls
    assert 60 <= len(days) < 70  # a few missed days


def test_history_speaks_the_diary_words_not_the_database(run):
    run("log", "--pain", "4", "--function", "5", "--day-note", "hi", "--date", "yesterday")
    run("exercise", "physio", "30", "--date", "yesterday")
    run("edit", "--day", "yesterday", "day-note", "better")
    run("edit", "--session", "1", "kind", "aerobic")
    run("delete", "yesterday", "--yes")
    out = run("history").output
    for said in ("Day note", "Kind (session #1)", "changed", "deleted", "Tue 17 Nov", "function 5"):
        assert said in out
    for internal in ("day_note", "recorded_at", "updated_at", "id=", "2026-11-17", "day facts"):
        assert internal not in out


def test_every_demo_value_is_one_the_vocabulary_allows():
    """The demo writes its rows directly; each value must be what `log` would have accepted."""
    entries, days, sessions, _ = generate(dt.date(2026, 11, 18))
    checked = 0
    for row in (*entries, *days, *sessions):
        for name, value in row.items():
            if name in FIELDS and value is not None:
                typed = ",".join(value) if isinstance(value, list) else str(value)
                assert parse(name, typed) == value, (name, value)
                checked += 1
    assert checked > 1000
