"""One word for one thing: every command that takes a field takes the words the screens
show, and `vocabulary` lists the words the diary understands."""

from __future__ import annotations

import json

import pytest

from ampsdiary.vocabulary import DAY_FIELDS, ENTRY_FIELDS, SESSION_FIELDS, field_words


@pytest.mark.parametrize(
    ("word", "field", "value"),
    [("friends", "social", "yes"), ("Sleep hours", "sleep", "8"), ("social", "social", "no"),
     ("day note", "day_note", "ok"), ("sleep_hours", "sleep", "7")],
)  # fmt: skip
def test_edit_takes_the_words_people_see(run, word, field, value):
    run("log", "--function", "5", "-d", "1d")
    result = run("edit", "--day", "1d", word, value)
    assert result.exit_code == 0, result.output
    day = json.loads(run("day", "1d", "--json").output)["day"]
    assert day[field] is not None


def test_an_entrys_table_words_work_too(run):
    run("log", "--pain", "5", "--allodynia", "3", "-d", "1d")
    assert run("edit", "1", "touch", "4").exit_code == 0
    assert run("edit", "1", "worst pain", "7").exit_code == 0
    entry = json.loads(run("day", "1d", "--json").output)["entries"][0]
    assert (entry["allodynia"], entry["worst"]) == (4, 7)


def test_no_word_names_two_fields_of_one_kind():
    for fields in (ENTRY_FIELDS, DAY_FIELDS, SESSION_FIELDS):
        words = [w for f in fields for w in field_words(f)]
        assert len(words) == len(set(words))


def test_vocabulary_lists_the_words_it_understands(run, monkeypatch):
    monkeypatch.setenv("COLUMNS", "400")  # one line a field, to read the table back
    text = run("vocabulary").output
    for said in ("half = part", "walk = aerobic", "yoga = stretching", "tingling =",
                 "l-foot, lfoot, foot-left for every part and side", "friends"):  # fmt: skip
        assert said in text, said
    fields = json.loads(run("vocabulary", "--json").output)["fields"]
    school = next(f for f in fields if f["field"] == "school")
    assert school["aliases"]["half"] == "part"
    assert "friends" in next(f for f in fields if f["field"] == "social")["names"]
