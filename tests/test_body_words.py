"""Body regions are never guessed: a part without a side, a word for several regions and a
typo of a side-less part all name every choice; on the command line that is one error line."""

from __future__ import annotations

import sqlite3

import pytest

from ampsdiary import DiaryError
from ampsdiary.validate import parse, sort_words
from ampsdiary.vocabulary import BODY_REGIONS, PART_WORDS, REGIONS

GROUPS = BODY_REGIONS.groups
SIDELESS = sorted(w for w, r in GROUPS.items() if len(r) == 2 and r[0].startswith("left-"))
SEVERAL = sorted(set(GROUPS) - set(SIDELESS))


def entries(db):
    with sqlite3.connect(db) as conn:
        return conn.execute("select count(*) from entries").fetchone()[0]


def test_every_word_for_several_regions_names_only_regions():
    assert set(PART_WORDS) <= set(SIDELESS) and {"knees", "feet", "back", "leg"} <= set(GROUPS)
    for word, regions in BODY_REGIONS.groups.items():
        assert set(regions) <= set(REGIONS) and len(regions) >= 2, word
        assert word not in REGIONS and word not in BODY_REGIONS.aliases, word


@pytest.mark.parametrize("word", SIDELESS)
def test_a_part_without_a_side_asks_for_one_and_never_guesses(word):
    left, right = BODY_REGIONS.groups[word]
    with pytest.raises(DiaryError, match="needs a side") as caught:
        parse("locations", word)
    said = str(caught.value)
    assert f"use {left} or {right} (both: {left},{right})" in said
    assert "did you mean" not in said


@pytest.mark.parametrize("word", SEVERAL)
def test_a_word_for_several_regions_names_them_all(word):
    with pytest.raises(DiaryError, match="names several regions") as caught:
        parse("allodynia_locations", word)
    assert str(caught.value).endswith(", ".join(BODY_REGIONS.groups[word]))


@pytest.mark.parametrize(("typo", "sides"), [("kne", "knee"), ("sholder", "shoulder")])
def test_a_typo_of_a_part_offers_both_sides(typo, sides):
    with pytest.raises(DiaryError, match="did you mean") as caught:
        parse("locations", typo)
    assert f"did you mean 'left-{sides}' or 'right-{sides}'?" in str(caught.value)


def test_a_typo_with_its_side_still_gets_one_suggestion():
    with pytest.raises(DiaryError, match="did you mean 'left-foot'\\?"):
        parse("locations", "lfet-foot")


def test_sorting_a_list_keeps_the_good_words_apart_from_the_unclear():
    good, unclear = sort_words("locations", "left-foot, knee, l-ankle, lft-hand, left-foot")
    assert good == ["left-foot", "left-ankle"]
    assert [(u.word, u.choices, u.known) for u in unclear] == [
        ("knee", ("left-knee", "right-knee"), True),
        ("lft-hand", ("left-hand",), False),
    ]


@pytest.mark.parametrize(
    ("flag", "value", "said"),
    [
        ("--where", "knee", "--where: 'knee' needs a side; use left-knee or right-knee"),
        ("--where", "left-foot, knee", "--where: 'knee' needs a side"),
        ("--where", "left-foot,back", "--where: 'back' names several regions; use one or more of:"),
        ("--allodynia-where", "right-arm", "'right-arm' names several regions"),
        ("--where", "left-foot, kne", "--where: 'kne' is not allowed; did you mean 'left-knee' or"),
    ],
)
def test_the_command_line_names_the_choices_and_writes_nothing(run, db_path, flag, value, said):
    run("log", "--pain", "2")
    result = run("log", "--pain", "3", flag, value)
    assert result.exit_code == 2
    assert result.output.startswith("Error: ") and result.output.count("\n") == 1
    assert said in result.output
    assert entries(db_path) == 1


def test_edit_names_the_choices_too(run):
    run("log", "--pain", "3", "--where", "left-foot")
    result = run("edit", "1", "where", "feet")
    assert result.exit_code == 2
    assert "--where: 'feet' needs a side; use left-foot or right-foot" in result.output
