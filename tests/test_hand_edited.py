"""A diary edited by hand (or by a future version): values this version would never write
are left out of means and counts, each command says so in one line, and none crashes."""

from __future__ import annotations

import json
import sqlite3

import pytest

BAD = [
    ("update days set mood = 'banana' where date = '2026-11-16'", "2026-11-16 mood 'banana'"),
    ("update entries set pain = 'abc' where id = 1", "2026-11-16 pain 'abc'"),
    ("update entries set locations = 'left-foot' where id = 1", "2026-11-16 locations 'left-foot'"),
    ("update entries set skin_color = 'green' where id = 1", "2026-11-16 skin_color 'green'"),
    ("update days set sport = 7 where date = '2026-11-16'", "2026-11-16 sport 7"),
    ("update days set function = 12.5 where date = '2026-11-16'", "2026-11-16 function 12.5"),
    ("update sessions set minutes = 'ten' where id = 1", "2026-11-16 minutes 'ten'"),
    ("update sessions set kind = 'flying' where id = 1", "2026-11-16 kind 'flying'"),
    ("update entries set date = 'yesterday' where id = 2", "yesterday date 'yesterday'"),
    ("update days set school = 'partly' where date = '2026-11-17'", "2026-11-17 school 'partly'"),
]
COMMANDS = [
    ("show", "--json"),
    ("show",),
    ("day", "2026-11-16", "--json"),
    ("day", "2026-11-16"),
    ("summary", "--json"),
    ("summary",),
    ("recovery", "--json"),
    ("trends", "--json"),
    ("trends", "--by", "month"),
    ("nudge", "--json"),
    ("history",),
]


@pytest.fixture
def edited(run, db_path):
    run("log", "--pain", "4", "--function", "5", "--mood", "6", "--sport", "-d", "2026-11-16")
    run("log", "--pain", "6", "-d", "2026-11-16", "--time", "20:00")
    run("log", "--pain", "2", "--function", "7", "--school", "full", "-d", "2026-11-17")
    run("exercise", "physio", "30", "-d", "2026-11-16")
    run("exercise", "aerobic", "20", "-d", "2026-11-16")

    def edit(sql: str) -> None:
        with sqlite3.connect(db_path) as conn:
            conn.execute(sql)

    return edit


@pytest.mark.parametrize(("sql", "named"), BAD, ids=[b[1] for b in BAD])
def test_a_value_this_version_would_never_write_never_crashes_a_read(run, edited, sql, named):
    edited(sql)
    for command in COMMANDS:
        result = run(*command)
        assert result.exception is None or isinstance(result.exception, SystemExit), command
        assert result.exit_code == 0, (command, result.output)
        if command[-1] == "--json":
            json.loads(result.stdout)  # the note goes to stderr; stdout stays a document
        if said(command, named):
            note = " ".join(result.stderr.split())
            assert f"left out 1 stored value this version would never write ({named})" in note


def said(command: tuple[str, ...], named: str) -> bool:
    """Does this command read the bad value? nudge and history read no days; `day` one day;
    a row whose date is no date is found by the commands that look for the first day."""
    if command[0] in ("nudge", "history"):
        return False
    if named.startswith("yesterday"):
        return command[0] in ("recovery", "trends")
    return command[0] != "day" or named.startswith("2026-11-16")


def test_a_bad_value_is_left_out_of_means_never_averaged_in(run, edited):
    edited("update entries set pain = 'abc' where id = 1")  # pain 4 -> 'abc'; 6 stays
    days = json.loads(run("show", "--json").stdout)["days"]
    monday = next(d for d in days if d["date"] == "2026-11-16")
    assert monday["pain"] == 6 and monday["entries"] == 2
    edited("update sessions set minutes = 'ten' where id = 1")  # physio 30 is left out
    days = json.loads(run("show", "--json").stdout)["days"]
    monday = next(d for d in days if d["date"] == "2026-11-16")
    assert monday["exercise_minutes"] == 20


def test_the_report_and_plots_still_write(run, edited, tmp_path):
    for sql, _ in BAD:
        edited(sql)
    for args in (
        ("report", "--out", str(tmp_path / "w.md"), "--week", "2026-11-16"),
        ("plot", "recovery", "--out", str(tmp_path / "r.png")),
        ("plot", "calendar", "--out", str(tmp_path / "c.png")),
        ("plot", "symptoms", "--out", str(tmp_path / "s.png")),
    ):
        result = run(*args)
        assert result.exit_code == 0, result.output
        assert "this version would never write" in result.stderr


def test_a_hand_edited_history_record_is_left_out_and_never_undone(run, edited):
    run("edit", "1", "pain", "5")  # a change of a value: the record an undo would act on
    history = json.loads(run("history", "--json").stdout)["changes"]
    change = next(c for c in history if c["field"] == "pain")
    edited(f"update changes set old_value = '\"lots\"' where id = {change['id']}")
    result = run("history", "--json")
    assert result.exit_code == 0
    shown = next(c for c in json.loads(result.stdout)["changes"] if c["id"] == change["id"])
    assert shown["old_value"] is None and shown["new_value"] == 5  # the edit is still said
    note = " ".join(result.stderr.split())
    assert f"(2026-11-16 history #{change['id']} old_value 'lots')" in note
    undone = run("undo", str(change["id"]))
    assert undone.exit_code == 2 and "cannot be undone" in undone.stderr
    assert json.loads(run("day", "2026-11-16", "--json").stdout)["entries"][0]["pain"] == 5


def test_a_row_holding_bytes_can_still_be_edited_its_old_values_kept(run, edited):
    edited("update entries set time = x'00fffe' where id = 1")  # a BLOB pasted in by hand
    assert run("edit", "1", "pain", "3").exit_code == 0
    assert run("delete", "--entry", "1", "--yes").exit_code == 0
    deleted = [c for c in json.loads(run("history", "--json").stdout)["changes"]
               if c["action"] == "delete"]  # fmt: skip
    assert deleted[0]["old_value"]["pain"] == 3 and deleted[0]["old_value"]["time"] is None
    assert run("undo", str(deleted[0]["id"])).exit_code == 0  # put back, its bytes left out
    assert json.loads(run("day", "2026-11-16", "--json").stdout)["entries"][0]["pain"] == 3


def test_a_history_record_about_no_row_is_left_out(run, edited):
    edited("update changes set row_key = 'banana' where id = 1")
    result = run("history", "--added", "--json")
    assert result.exit_code == 0 and 1 not in [
        c["id"] for c in json.loads(result.stdout)["changes"]
    ]
    assert "history #1 key 'banana'" in " ".join(result.stderr.split())
    assert run("undo", "1").exit_code == 2


def test_a_row_whose_date_is_damaged_can_be_deleted(run, edited):
    edited("update entries set date = 'banana' where id = 1")
    result = run("delete", "--entry", "1", "--yes")
    assert result.exit_code == 0, result.output
    assert "Deleted entry #1 from banana" in result.output
    edit = run("edit", "2", "pain", "3")  # another row of that day is unharmed
    assert edit.exit_code == 0, edit.output
