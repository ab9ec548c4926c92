"""The four flags of `ampsdiary review` (docs/analysis.md, "Flags"), each firing at its
threshold and not just under it; flagged patients first, and --flag shows only them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseload_helpers import DAYS, day, export, steps, write_diary


def flags_of(run, tmp_path: Path, function: list, pain: list) -> dict:
    db = write_diary(tmp_path / "d.db", function, pain, "P-1")
    export(db, tmp_path / "p1.csv", "csv")
    result = run("review", str(tmp_path / "p1.csv"), "--json")
    assert result.exit_code == 0, result.output
    (patient,) = json.loads(result.stdout)["patients"]
    return patient["flag_reasons"]


@pytest.mark.parametrize(
    ("quiet", "fires"),
    [(7, True), (6, False)],  # nothing logged on the last 7 days, or on the last 6
)
def test_stopped_logging_after_7_days(run, tmp_path, quiet, fires):
    function = [5] * (DAYS - quiet) + [None] * quiet
    pain = [5] * (DAYS - quiet) + [None] * quiet
    said = flags_of(run, tmp_path, function, pain)
    assert ("stopped-logging" in said) is fires
    if fires:
        assert said["stopped-logging"] == "nothing logged since Wed 11 Nov (7 days)"
        assert day(DAYS - quiet - 1).isoformat() == "2026-11-11"


@pytest.mark.parametrize(
    ("last_week", "fires"),
    [
        ([4] * 7, True),  # 6.0 -> 4.0: 2 points, a real change
        ([3] * 7, True),
        ([4, 5, 4, 5, 4, 5, 4], False),  # 6.0 -> 4.4: a small change
        ([5] * 7, False),  # a point: wobble
    ],
)
def test_function_falling_by_2_points_in_a_week(run, tmp_path, last_week, fires):
    function = [6] * (DAYS - 7) + last_week
    said = flags_of(run, tmp_path, function, [5] * DAYS)
    assert ("function-falling" in said) is fires
    assert "worse-again" not in said  # function never improved: its baseline is 6
    if fires:
        assert said["function-falling"].startswith("function 6.0 -> ")


@pytest.mark.parametrize(("last_week", "fires"), [([6] * 7, True), ([5] * 7, False)])
def test_pain_rising_by_2_points_in_a_week(run, tmp_path, last_week, fires):
    said = flags_of(run, tmp_path, [5] * DAYS, [4] * (DAYS - 7) + last_week)
    assert ("pain-rising" in said) is fires


def test_too_few_days_in_a_week_judge_nothing(run, tmp_path):
    # The last week has 3 logged days: its 7-day mean is unknown, so no flag says it fell.
    function = [6] * (DAYS - 7) + [1, None, None, 1, None, None, 1]
    said = flags_of(run, tmp_path, function, [5] * DAYS)
    assert "function-falling" not in said


@pytest.mark.parametrize(
    ("after", "fires"),
    [(3, True), (4, False)],  # back under baseline 2 + 2 = 4, or still at it
)
def test_function_worse_again_after_its_onset(run, tmp_path, after, fires):
    # Function 2 -> 6 from day 10 (onset day 13), then `after` for the last 20 days: the
    # last two weeks alike, so it is not "falling"; below 4 the improvement is lost.
    function = steps(2, 6, 10, 40) + [after] * 20
    said = flags_of(run, tmp_path, function, [7] * DAYS)
    assert ("worse-again" in said) is fires
    assert "function-falling" not in said
    if fires:
        assert said["worse-again"] == (
            "function improved from Sat 3 Oct, and the last 7 days (3.0) are back within 2 "
            "points of the baseline (2.0)"
        )


def test_pain_worse_again_after_its_onset(run, tmp_path):
    pain = steps(8, 4, 20, 40) + [7] * 20  # eased from day 23; back to 7 (baseline 8)
    said = flags_of(run, tmp_path, [5] * DAYS, pain)
    assert "worse-again" in said and said["worse-again"].startswith("pain eased from Tue 13 Oct")


def test_flagged_first_and_flag_shows_only_them(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    quiet = [5] * (DAYS - 8) + [None] * 8
    for patient, function, pain in (
        ("A-calm", [5] * DAYS, [5] * DAYS),
        ("B-quiet", quiet, quiet),
        ("C-falling", [6] * (DAYS - 7) + [3] * 7, [5] * DAYS),
    ):
        db = write_diary(tmp_path / f"{patient}.db", function, pain, patient)
        export(db, folder / f"{patient}.csv", "csv")
    rows = json.loads(run("review", str(folder), "--json").stdout)["patients"]
    assert [(p["patient_id"], p["flags"]) for p in rows] == [
        ("B-quiet", ["stopped-logging"]),
        ("C-falling", ["function-falling"]),
        ("A-calm", []),
    ]
    only = run("review", str(folder), "--flag", "function-falling")
    assert only.exit_code == 0, only.output
    assert "1 patient with function-falling (of 3), 1 flagged." in only.stdout
    assert "C-falling" in only.stdout and "A-calm" not in only.stdout
    both = run("review", str(folder), "--flag", "function-falling", "--flag", "stopped-logging")
    assert "2 patients with function-falling or stopped-logging (of 3)" in both.stdout
