"""The guided check-in, driven with scripted answers as a teen would type them."""

from __future__ import annotations

import re
import sqlite3

from ampsdiary.cli.checkin import phrase
from ampsdiary.vocabulary import FIELDS
from conftest import no_traceback

ANSWERS = [
    "6",  # function
    "part",  # school
    "yes",  # sport
    "no",  # friends
    "5",  # pain now
    "7",  # worst
    "left foot",  # where
    "burning",  # quality
    "4",  # allodynia
    "mild",  # swelling
    "red",  # skin colour
    "warm",  # skin temperature
    "8",  # sleep
    "7",  # mood
    "aerobic 30, physio 20",  # sessions
    "Good day",  # day note
]


def script(answers: list[str]) -> str:
    return "\n".join(answers) + "\n"


def table(db, sql):
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_checkin_saves_everything_in_one_go(run, db_path):
    result = run("log", "--check-in", input=script(ANSWERS))
    assert result.exit_code == 0, result.output
    assert result.output.index("normal day") < result.output.index(
        "hurt right now"
    )  # function first
    assert "0 = no pain, 10 = worst pain imaginable" in result.output
    assert table(db_path, "select pain, worst, locations, swelling from entries") == [
        (5, 7, '["left-foot"]', "mild")
    ]
    assert table(db_path, "select function, school, sport, social, day_note from days") == [
        (6, "part", 1, 0, "Good day")
    ]
    assert table(db_path, "select kind, minutes from sessions order by id") == [
        ("aerobic", 30),
        ("physio", 20),
    ]


def test_invalid_answer_is_explained_and_asked_again(run, db_path):
    answers = ["eleven", "11", *ANSWERS]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "'eleven' is not a number" in result.output
    assert "'11' is out of range" in result.output
    assert table(db_path, "select function from days") == [(6,)]


def test_worst_below_pain_is_asked_again(run, db_path):
    answers = [*ANSWERS[:5], "3", *ANSWERS[5:]]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "'3' is below pain now (5)" in result.output
    assert table(db_path, "select pain, worst from entries") == [(5, 7)]


def test_yesterdays_answers_are_hints_and_dash_skips(run, db_path):
    run("log", "--check-in", "--date", "yesterday", input=script(ANSWERS))
    # '=' everywhere takes yesterday's answers (Enter alone skips); '-' leaves mood empty.
    answers = ["="] * 13 + ["-", "", ""]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    assert "[6]" in result.output and "[left-foot]" in result.output
    assert table(db_path, "select date, function, mood from days order by date") == [
        ("2026-11-17", 6, 7),
        ("2026-11-18", 6, None),
    ]
    assert "2 days logged in a row" in result.output


def test_quitting_half_way_writes_nothing(run, db_path):
    result = run("log", "--check-in", input=script(ANSWERS[:5]))
    assert result.exit_code != 0
    assert not db_path.exists()  # a first check-in that saved nothing leaves no diary behind
    assert run("log", "--pain", "2", "-d", "2026-11-17").exit_code == 0
    result = run("log", "--check-in", input=script(ANSWERS[:5]))
    assert result.exit_code != 0
    assert table(db_path, "select count(*) from days") == [(0,)]
    assert table(db_path, "select count(*) from entries") == [(1,)]  # yesterday's only


def test_no_terminal_and_no_flags_is_an_error_not_a_hang(run, db_path):
    result = run("log")
    no_traceback(result)
    assert result.exit_code == 2
    assert "no values given" in result.output


def test_checkin_on_a_logged_day_keeps_its_answers_and_asks_before_a_second_entry(run, db_path):
    run("log", "--pain", "6", "--worst", "7", "--where", "left-foot", "--date", "yesterday")
    run("log", "--function", "6", "--pain", "4")
    result = run("log", "--check-in", input="\n" * 9)
    assert result.exit_code == 0, result.output
    assert "[6]" in result.output  # today's function, not yesterday's
    assert "Pain is already logged today. Add another pain entry?" in result.output
    assert "changed" not in result.output
    assert table(db_path, "select count(*) from entries where date = '2026-11-18'") == [(1,)]
    assert table(db_path, "select function from days where date = '2026-11-18'") == [(6,)]


def test_backfilled_checkin_names_the_day(run):
    result = run("log", "--check-in", "--date", "mon", input=script(ANSWERS))
    assert "How much of a normal day could you do on Mon 16 Nov?" in result.output
    asked = result.output.split("Check-in for")[1].split("\n", 1)[1]
    assert "today" not in asked.lower()
    assert "How much did it hurt on Mon 16 Nov?" in asked
    assert "How many hours did you sleep the night before?" in asked
    assert "How was your mood on Mon 16 Nov?" in asked
    assert "right now" not in asked and "last night" not in asked and "How is" not in asked


def test_stopping_the_checkin_says_nothing_was_saved(run):
    result = run("log", "--check-in", input="6\npart\n")
    assert result.exit_code == 1
    assert "Check-in stopped: nothing was saved." in result.output


def test_sessions_accept_min_after_the_number(run, db_path):
    answers = [*ANSWERS[:14], "aerobic 20 min, physio 30 mins", ""]
    assert run("log", "--check-in", input=script(answers)).exit_code == 0
    assert table(db_path, "select kind, minutes from sessions order by id") == [
        ("aerobic", 20),
        ("physio", 30),
    ]


def test_every_question_about_a_past_day_is_in_the_past_tense():
    present = re.compile(r"\b(does|is|are|right now|last night|today|bothering)\b", re.I)
    for f in FIELDS.values():
        if f.question:
            asked = phrase(f.question, "on Mon 16 Nov")
            assert not present.search(asked), asked
            assert phrase(f.question, "today") == f.question


def test_a_long_question_puts_its_scale_on_a_second_line(run):
    result = run("log", "--check-in", input=script(ANSWERS))
    assert "could you do today?\n  (0 = could do nothing, 10 = a completely normal day)" in (
        result.output
    )
    assert "Did you do sport or gym? (yes/no)" in result.output  # a short one stays on one line


def test_no_prompt_or_confirmation_is_wider_than_80_columns(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    result = run("log", "--check-in", "--date", "mon", input=script(ANSWERS))
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.output.splitlines()) <= 80
