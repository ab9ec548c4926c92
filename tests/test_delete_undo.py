"""Deleting asks first (or takes --yes), and every change can be undone from the history:
the undo is a change of its own, with its own source, and can be undone in turn."""

from __future__ import annotations

import json
import sqlite3

import pytest

from ampsdiary.cli import manage

SECRET = "only-mine"
# Each way to delete, on a diary `logged` fills: entry #1 and session #1 are on Mon 16 Nov.
DELETES = [("mon",), ("--entry", "1"), ("--session", "1")]


@pytest.fixture
def logged(run):
    run("log", "--pain", "5", "--where", "left-foot", "--function", "4", "--date", "mon",
        "--private-note", SECRET, "--time", "08:00")  # fmt: skip
    run("exercise", "physio", "30", "--date", "mon", "--intensity", "hard")
    run("log", "--pain", "3", "--date", "tue")


def rows(db) -> dict[str, list]:
    """Every row as stored, but when it was last changed (a restore is a change)."""
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        return {
            t: [{k: r[k] for k in r.keys() if k != "changed_at"}  # noqa: SIM118 (a Row)
                for r in conn.execute(f"select * from {t} order by 1")]
            for t in ("entries", "days", "sessions", "settings")
        }  # fmt: skip


def history(run) -> list[dict]:
    return json.loads(run("history", "--added", "--json", "--private").output)["changes"]


@pytest.fixture
def terminal(monkeypatch):
    monkeypatch.setattr(manage, "can_ask", lambda: True)


@pytest.mark.parametrize("target", DELETES, ids=["day", "entry", "session"])
def test_without_a_terminal_or_yes_nothing_is_deleted(run, db_path, logged, target):
    before, changes = rows(db_path), history(run)
    result = run("delete", *target)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert "pass --yes" in result.output and "nothing was deleted" in result.output
    assert rows(db_path) == before and history(run) == changes


@pytest.mark.parametrize("target", DELETES, ids=["day", "entry", "session"])
def test_it_shows_what_goes_and_no_keeps_it(run, db_path, logged, terminal, target):
    before = rows(db_path)
    result = run("delete", *target, input="n\n")
    assert result.exit_code == 1 and "Nothing was deleted." in result.output
    assert rows(db_path) == before
    shown = result.output
    if target[0] != "--session":
        assert "entry #1 at 08:00: pain now 5; where it hurts left-foot" in shown
    if target[0] != "--entry":
        assert "session #1: physio 30 min; intensity hard" in shown
    if target == ("mon",):
        assert "This deletes everything logged on Mon 16 Nov:" in shown
        assert "the day's facts: function 4; a private note" in shown
    assert SECRET not in shown and "Delete? [y/N]" in shown


@pytest.mark.parametrize("target", DELETES, ids=["day", "entry", "session"])
def test_yes_at_the_question_deletes(run, db_path, logged, terminal, target):
    result = run("delete", *target, input="y\n")
    assert result.exit_code == 0, result.output
    assert "Deleted" in result.output and rows(db_path) != {}
    kinds = {c["kind"] for c in history(run) if c["action"] == "delete"}
    assert kinds == ({"entry", "session", "day"} if target == ("mon",) else {target[0][2:]})


@pytest.mark.parametrize("target", DELETES, ids=["day", "entry", "session"])
def test_the_undo_delete_prints_puts_back_every_row_as_it_was(run, db_path, logged, target):
    before = rows(db_path)
    result = run("delete", *target, "--yes")
    assert result.exit_code == 0, result.output
    command = result.output.split("to put them back: ")[1].split()
    assert command[:2] == ["ampsdiary", "undo"] and rows(db_path) != before
    undone = run(*command[1:])
    assert undone.exit_code == 0, undone.output
    assert rows(db_path) == before  # ids, uids, times and values, the private note too
    assert "Put back" in undone.output and SECRET not in undone.output
    put_back = [c for c in history(run) if c["source"].startswith("undo #")]
    assert len(put_back) == len(command) - 2
    assert {c["action"] for c in put_back} == {"add"}
    assert {c["source"] for c in put_back} == {f"undo #{i}" for i in command[2:]}


def test_history_shows_change_ids_and_the_undo_itself(run, logged, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # one line a change
    run("edit", "1", "pain", "7")
    changes = json.loads(run("history", "--json").output)["changes"]
    [edit] = changes
    assert edit["id"] == len(history(run)) and edit["field"] == "pain"
    assert run("undo", str(edit["id"])).exit_code == 0
    first, undone = run("history").output.splitlines()[-3:-1]
    assert first.startswith(f"│ {edit['id']} ") and "│ changed " in first
    assert undone.startswith(f"│ {edit['id'] + 1} ")
    assert f"│ changed back (undo #{edit['id']}) │ 7 " in undone
    last = json.loads(run("history", "--json").output)["changes"][-1]
    assert (last["action"], last["source"], last["old_value"], last["new_value"]) == (
        "edit", f"undo #{edit['id']}", 7, 5,
    )  # fmt: skip


def test_an_edit_is_set_back_and_the_undo_can_be_undone(run, logged):
    run("edit", "1", "pain", "7")
    edit = history(run)[-1]["id"]
    result = run("undo", str(edit))
    assert f"Pain now of entry #1: 7 -> 5 (as before change #{edit})." in result.output
    redo = result.output.split("ampsdiary undo ")[1].strip()
    assert run("undo", redo).exit_code == 0
    assert json.loads(run("day", "mon", "--json").output)["entries"][0]["pain"] == 7


def test_a_second_entry_added_by_mistake_is_taken_out(run, db_path, logged):
    before = rows(db_path)
    run("log", "--pain", "9", "--date", "tue")
    added = history(run)[-1]
    assert (added["action"], added["kind"], added["field"]) == ("add", "entry", None)
    result = run("undo", str(added["id"]))
    assert result.exit_code == 0, result.output
    assert f"Took out entry #{added['key']}" in result.output
    assert rows(db_path) == before


def test_a_replaced_day_fact_and_a_setting_are_set_back(run, logged):
    run("log", "--function", "8", "--date", "mon")
    run("config", "set", "exercise-goal", "40")
    run("config", "set", "exercise-goal", "50")
    function, _, goal = history(run)[-3:]
    result = run("undo", str(function["id"]), str(goal["id"]))
    assert result.exit_code == 0, result.output
    assert "Function of Mon 16 Nov: 8 -> 4" in result.output
    assert "exercise-goal: 50 -> 40" in result.output
    assert json.loads(run("day", "mon", "--json").output)["day"]["function"] == 4
    assert json.loads(run("config", "get", "--json").output)["settings"]["exercise-goal"] == "40"


def test_a_deleted_day_logged_again_gets_its_old_values_back(run, logged):
    run("delete", "mon", "--yes")
    deleted = [c["id"] for c in history(run) if c["action"] == "delete" and c["kind"] == "day"]
    run("log", "--function", "9", "--mood", "6", "--date", "mon")
    assert run("undo", *map(str, deleted)).exit_code == 0
    day = json.loads(run("day", "mon", "--json", "--private").output)["day"]
    assert (day["function"], day["mood"], day["private_note"]) == (4, 6, SECRET)
    kept = [c for c in history(run) if c["field"] == "function"][-1]
    assert (kept["old_value"], kept["new_value"]) == (9, 4)  # the newer value is kept


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("undo", "x"), "CHANGE_ID: 'x' is not a change id"),
        (("undo", "999"), "CHANGE_ID: '999' is not a change in this diary"),
        (("undo", "1", "999"), "CHANGE_ID: '999' is not a change in this diary"),  # none undone
    ],
)
def test_bad_change_ids_are_one_line_and_undo_nothing(run, db_path, logged, args, said):
    run("delete", "tue", "--yes")
    before, changes = rows(db_path), history(run)
    result = run(*args)
    assert result.exit_code == 2 and result.output.count("\n") == 1 and said in result.output
    assert rows(db_path) == before and history(run) == changes


def test_an_undo_that_changes_nothing_says_so(run, logged):
    run("delete", "--entry", "1", "--yes")
    deleted = history(run)[-1]["id"]
    assert run("undo", str(deleted)).exit_code == 0
    result = run("undo", str(deleted))
    assert result.exit_code == 2 and "changes nothing: entry #1 is in the diary already" in (
        result.output
    )


def test_an_edit_of_a_row_deleted_since_asks_to_undo_the_delete_first(run, logged):
    run("edit", "1", "pain", "6")
    edit = history(run)[-1]["id"]
    run("delete", "--entry", "1", "--yes")
    result = run("undo", str(edit))
    assert result.exit_code == 2 and "entry #1 was deleted since; undo that first" in result.output
