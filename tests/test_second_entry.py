"""A second value the same day says what happens: a second entry, not a correction; what
the day now shows for each measure given again, and how to correct the first instead."""

from __future__ import annotations

import datetime as dt
import json
import shlex
from statistics import fmean

import pytest

from ampsdiary import open_diary
from ampsdiary.cli.common import cell
from ampsdiary.sameday import COMBINED, MEASURES
from ampsdiary.vocabulary import FIELDS, SWELLING

# Two different values a teen might log for each entry-level measure, in the order given.
VALUES = {
    "pain": ("4", "8"),
    "worst": ("5", "9"),
    "locations": ("left-foot", "right-knee"),
    "quality": ("burning", "aching"),
    "pattern": ("constant", "intermittent"),
    "allodynia": ("2", "7"),
    "allodynia_locations": ("left-hand", "right-hand"),
    "swelling": ("severe", "mild"),
    "skin_color": ("red", "pale"),
    "skin_temp": ("warm", "cold"),
    "skin_signs": ("sweaty", "dry"),
    "movement": ("stiffness", "tremor"),
    "symptoms": ("headache", "fatigue"),
    "triggers": ("exam", "fall"),
}


def expected_day(name: str, first: str, second: str) -> str:
    """What the day should show, worked out here from what COMBINED says, not from daily.py."""
    how = COMBINED.get(name)
    if how == "the mean":
        return cell(fmean([float(first), float(second)]))
    if how == "the highest":
        return str(max(int(first), int(second)))
    if how == "the most severe":
        return max(first, second, key=SWELLING.index)
    if how == "the words":
        return f"{first}, {second}"
    assert how is None, how
    return ""


def test_every_measure_is_covered_here():
    assert set(VALUES) == set(MEASURES)
    assert set(COMBINED) <= set(MEASURES)


@pytest.mark.parametrize("name", list(VALUES))
def test_a_second_value_says_it_is_a_second_entry_and_what_the_day_shows(run, name):
    first, second = VALUES[name]
    flag = FIELDS[name].flag
    assert "not a correction" not in run("log", flag, first).output
    result = run("log", flag, second)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())  # the terminal may wrap between any two words
    label = FIELDS[name].label.lower()
    assert "#2 is a second entry today, not a correction. Today now shows" in said
    each = f"{first} in #1 and {second} in #2"
    if COMBINED.get(name):
        assert f"{label} {expected_day(name, first, second)} ({COMBINED[name]} of {each})" in said
    else:
        assert f"{label}: each entry keeps its own ({each})" in said
    fix = f"ampsdiary edit 1 {flag.lstrip('-')} {shlex.quote(second)}"
    assert fix in result.output and "ampsdiary delete --entry 2" in result.output
    # The hint is a real command: it corrects the first entry.
    assert run(*shlex.split(fix)[1:]).exit_code == 0
    one, two = json.loads(run("day", "--json").output)["entries"]
    assert one[name] == two[name] and one[name] is not None


@pytest.mark.parametrize("name", [n for n in VALUES if COMBINED.get(n)])
def test_what_combined_says_is_what_the_day_really_shows(tmp_path, name):
    day = dt.date(2026, 11, 16)
    first, second = VALUES[name]
    with open_diary(tmp_path / "d.db", create=True) as diary:
        diary.log(day, entry={name: first})
        second_id = diary.log(day, entry={name: second}).entry_id
        [repeat] = diary.repeats(second_id)
        shown = getattr(diary.days(day, day)[0], name)
    assert repeat.day == shown and cell(shown) == expected_day(name, first, second)
    assert [i for i, _ in repeat.values] == [1, 2] and repeat.earlier[0] == 1


def test_a_measure_given_once_a_day_says_nothing_more(run):
    run("log", "--pain", "4")
    result = run("log", "--swelling", "mild")  # a second entry, but no measure given twice
    assert result.exit_code == 0 and "not a correction" not in result.output
    assert "not a correction" not in run("log", "--pain", "4", "--date", "yesterday").output


def test_a_third_entry_on_a_past_day_names_the_day_and_every_entry(run):
    for pain in ("3", "4", "8"):
        result = run("log", "--pain", pain, "--date", "mon")
    said = " ".join(result.output.split())
    assert "#3 is a third entry on Mon 16 Nov, not a correction." in said
    assert "Mon 16 Nov now shows pain 5 (the mean of 3 in #1, 4 in #2 and 8 in #3)" in said
    assert "ampsdiary edit 2 pain 8" in result.output  # the entry just before this one


def test_a_second_entry_from_the_checkin_says_the_same(run):
    run("log", "--pain", "4", "--function", "6")
    answers = ["", "", "", "", "y", "8"] + [""] * 11
    result = run("log", "--check-in", input="\n".join(answers) + "\n")
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert "#2 is a second entry today, not a correction." in said
    assert "pain now 6 (the mean of 4 in #1 and 8 in #2)" in said
