"""An answer never given is never stored: Enter skips, yesterday's answer is a hint that
`=` (or `==` for the rest) takes on purpose, and the confirmation lists what was carried.
The check-in says how to skip, go back and quit; `back` and `quit` work at every question,
and a list keeps its good words and asks only about the unclear ones."""

from __future__ import annotations

import json
import sqlite3

import pytest

from test_checkin import ANSWERS, script

QUESTIONS = len(ANSWERS)  # 16: 4 day, 8 entry, sleep, mood, sessions, note
PER_DAY = ("function", "school", "sport", "social", "sleep", "mood")
PER_ENTRY = ("pain", "worst", "locations", "quality", "allodynia", "swelling", "skin_color",
             "skin_temp")  # fmt: skip


def stored(db) -> dict:
    with sqlite3.connect(db) as conn:
        conn.row_factory = sqlite3.Row
        days = {r["date"]: dict(r) for r in conn.execute("select * from days")}
        entries = [dict(r) for r in conn.execute("select * from entries order by id")]
    return {"days": days, "entries": entries}


@pytest.fixture
def yesterday(run):
    """Yesterday was a Tuesday at home: pain, where it hurts, school 'none', mood."""
    answers = ["6", "none", "yes", "no", "5", "7", "left foot", "burning", "4", "mild", "red",
               "warm", "8", "7", "aerobic 30", "Tired"]  # fmt: skip
    result = run("log", "--check-in", "--date", "yesterday", input=script(answers))
    assert result.exit_code == 0, result.output


def test_enter_through_a_repeat_day_stores_nothing(run, db_path, yesterday):
    before = stored(db_path)
    result = run("log", "--check-in", input="\n" * QUESTIONS)
    assert result.exit_code == 0, result.output
    assert "Nothing logged: every question was skipped." in result.output
    assert stored(db_path) == before  # no pain, no 'none' school day, no mood carried over
    assert "[5]" in result.output and "[none]" in result.output  # shown, as a hint only


def test_equals_takes_the_hint_and_the_confirmation_lists_it(run, db_path, yesterday):
    answers = ["=", "full", "", "", "=", "8", "=", ""] + [""] * 4 + ["", "=", "", ""]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    today = stored(db_path)["days"]["2026-11-18"]
    assert (today["function"], today["school"], today["sport"], today["mood"]) == (
        6,
        "full",
        None,
        7,
    )
    [entry] = [e for e in stored(db_path)["entries"] if e["date"] == "2026-11-18"]
    assert (entry["pain"], entry["worst"], entry["locations"]) == (5, 8, '["left-foot"]')
    said = " ".join(result.output.split())
    carried = "Carried over with '=' from yesterday: function 6; pain now 5; where it hurts "
    assert carried + "left-foot; mood 7." in said
    assert "school" not in said.split("Carried over")[1].split(".")[0]  # typed, not carried


def test_a_repeat_day_takes_no_more_keys_than_pressing_enter_did(run, db_path, yesterday):
    """Before, Enter at each of the 16 questions repeated yesterday: 16 keys. Now '==' takes
    every hint from there on (the exercise and the note are the day's own)."""
    keys = "==\n" + "\n" * 2
    assert len(keys) <= QUESTIONS
    result = run("log", "--check-in", input=keys)
    assert result.exit_code == 0, result.output
    days, entries = stored(db_path)["days"], stored(db_path)["entries"]
    for name in PER_DAY:
        assert days["2026-11-18"][name] == days["2026-11-17"][name], name
    for name in PER_ENTRY:
        assert entries[1][name] == entries[0][name], name
    said = " ".join(result.output.split())
    assert "Carried over with '=' from yesterday: function 6; school none;" in said
    assert "day_note" not in said and days["2026-11-18"]["day_note"] is None


def test_the_header_says_how_to_skip_go_back_and_quit(run):
    result = run("log", "--check-in", input="quit\n")
    header = " ".join(result.output.split("How much")[0].split())
    for said in ("Enter skips a question.", "= takes yesterday's answer [in brackets]",
                 "back goes back one question", "quit stops and saves nothing"):  # fmt: skip
        assert said in header
    past = run("log", "--check-in", "--date", "mon", input="quit\n").output
    assert "= takes the day before's answer" in " ".join(past.split())


def test_equals_without_a_hint_says_so_and_asks_again(run, db_path):
    result = run("log", "--check-in", input=script(["=", "6", *[""] * (QUESTIONS - 1)]))
    assert result.exit_code == 0, result.output
    assert "There is no answer to repeat here" in result.output
    assert stored(db_path)["days"]["2026-11-18"]["function"] == 6


def test_back_goes_back_one_question_and_takes_the_new_answer(run, db_path):
    answers = ["back", "6", "part", "back", "back", "7", "full", *ANSWERS[2:]]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "This is the first question." in result.output
    day = stored(db_path)["days"]["2026-11-18"]
    assert (day["function"], day["school"]) == (7, "full")


def test_back_from_the_exercise_question_undoes_what_equals_equals_took(run, db_path, yesterday):
    result = run("log", "--check-in", input=script(["==", "back", "3", *[""] * 15]))
    assert result.exit_code == 0, result.output
    day = stored(db_path)["days"]["2026-11-18"]
    assert (day["function"], day["school"], day["mood"]) == (3, None, None)
    assert len(stored(db_path)["entries"]) == 1 and "Carried over" not in result.output


def test_back_past_the_second_entry_question(run, db_path):
    run("log", "--pain", "4")
    answers = ["", "", "", "", "no", "back", "yes", "6", *[""] * 11]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert [e["pain"] for e in stored(db_path)["entries"]] == [4, 6]


# Where a quit is typed: a day question, an entry question, a list's follow-up, the
# second-entry question, the exercise question and the note.
QUITS = [
    ["quit"],
    ["6", "part", "yes", "no", "5", "quit"],
    ["6", "part", "yes", "no", "5", "7", "left-foot, knee", "quit"],
    [*ANSWERS[:14], "quit"],
    [*ANSWERS[:15], "QUIT"],
]


@pytest.mark.parametrize("answers", QUITS, ids=["day", "entry", "list", "sessions", "note"])
def test_quit_at_any_question_saves_nothing(run, db_path, answers):
    run("log", "--function", "2", "--date", "yesterday")
    before = stored(db_path)
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 1
    assert "Check-in stopped: nothing was saved." in result.output
    assert stored(db_path) == before


def test_quit_at_the_second_entry_question_saves_nothing(run, db_path):
    run("log", "--pain", "4")
    before = stored(db_path)
    result = run("log", "--check-in", input=script(["6", "", "", "", "quit"]))
    assert result.exit_code == 1 and stored(db_path) == before


def where(run, db_path, *answers: str):
    """Answer the where question (then skip the rest); the regions stored, and the output."""
    lines = ["", "", "", "", "", "", *answers, *[""] * 9]
    result = run("log", "--check-in", input=script(lines))
    assert result.exit_code == 0, result.output
    entries = stored(db_path)["entries"]
    return (json.loads(entries[-1]["locations"]) if entries else None), result.output


@pytest.mark.parametrize(
    ("answers", "regions", "kept"),
    [
        (("left foot, knee", "2"), ["left-foot", "right-knee"], "left-foot"),
        (("left foot, knee", "left"), ["left-foot", "left-knee"], "left-foot"),
        (("knees", "both"), ["left-knee", "right-knee"], None),
        (("left-foot, kne", "r"), ["left-foot", "right-knee"], "left-foot"),
        (("leg", "1, 4"), ["left-thigh", "right-knee"], None),
        (("right-arm", "right elbow"), ["right-elbow"], None),
        (("lft-hand, neck", "1"), ["left-hand", "neck"], "neck"),
        (("left-foot, zzz", ""), ["left-foot"], "left-foot"),
        (("zzz", "chest"), ["chest"], None),
        (("back", "2"), ["lower-back"], None),
        (("foot, shin", "left", "right"), ["left-foot", "right-lower-leg"], None),
    ],
)
def test_a_list_keeps_its_good_words_and_asks_only_about_the_others(
    run, db_path, answers, regions, kept
):
    got, output = where(run, db_path, *answers)
    assert got == regions
    assert (f"  Kept {kept}." in output) if kept else ("Kept" not in output)
    assert output.count("Which?") == len(answers) - 1  # one follow-up a word in doubt


def test_a_part_without_a_side_is_offered_with_both_sides(run, db_path):
    _, output = where(run, db_path, "knee", "1")
    assert "'knee' needs a side: 1 left-knee, 2 right-knee, 3 both" in output


def test_back_at_the_where_question_asks_which_it_is(run, db_path):
    answers = ["", "", "", "", "5", "6", "back", "back", "7", "left-foot", *[""] * 9]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "'back': a step back, or where it hurts? 1 upper-back, 2 lower-back, 3 both" in (
        result.output
    )
    [entry] = stored(db_path)["entries"]
    assert (entry["worst"], entry["locations"]) == (7, '["left-foot"]')


def test_other_lists_keep_their_good_words_too(run, db_path):
    answers = ["", "", "", "", "", "", "", "burning, zzz", "", *[""] * 8]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "Kept burning." in result.output
    assert "'zzz' is not a word the diary knows (all of them: ampsdiary vocabulary)." in (
        result.output
    )
    assert stored(db_path)["entries"][0]["quality"] == '["burning"]'


def test_a_hint_this_version_would_not_take_is_explained_not_saved(run, db_path):
    run("log", "--sleep", "8", "--date", "yesterday")
    with sqlite3.connect(db_path) as conn:
        conn.execute("update days set sleep = 20")  # an earlier version took up to 24
    answers = [*[""] * 12, "=", "9", "", "", ""]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "'20' is out of range; use a number from 0 (no sleep) to 16" in result.output
    assert stored(db_path)["days"]["2026-11-18"]["sleep"] == 9


def test_equals_equals_asks_what_cannot_be_carried(run, db_path):
    """Yesterday's worst (7) is below today's pain (8): `==` stops to ask for worst."""
    run("log", "--pain", "5", "--worst", "7", "--date", "yesterday")
    answers = ["", "", "", "", "8", "==", "9", "", ""]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    [today] = [e for e in stored(db_path)["entries"] if e["date"] == "2026-11-18"]
    assert (today["pain"], today["worst"]) == (8, 9)


def test_follow_up_questions_fit_80_columns(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    answers = ["", "", "", "", "", "", "leg, arm, lft-hand", "1", "2", "1", *[""] * 9]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
