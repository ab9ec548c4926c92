"""The words match the numbers: one rule for better, worse and about the same everywhere,
a best or hardest day only when one stands out, and one name for one thing."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ampsdiary.analysis.measures import ALL_MEASURES, COUNTS, REAL, SCALES, WOBBLE, compare
from analysis_helpers import write_diary

ROOT = Path(__file__).resolve().parent.parent
LAST_MON = dt.date(2026, 11, 9)  # the week before; this week is Mon 16 - Wed 18 Nov (today)


def small_change_diary(db: Path) -> None:
    """Week before: function 5, pain 4 every day. This week: function 7, 6, 6 (6.3) and pain
    3, 2, 3 (2.7): both 1.3 points, more than wobble and less than a real change."""
    write_diary(db, [5] * 7 + [7, 6, 6], [4] * 7 + [3, 2, 3], LAST_MON)


@pytest.mark.parametrize(
    ("measure", "wobble", "small", "real"),
    [
        (SCALES["pain"], 1.0, 1.1, 2.0),
        (SCALES["function"], 1.0, 1.9, 2.0),
        (ALL_MEASURES["exercise"], 5, 14.9, 15),
        (COUNTS["social"], 1 / 7, 1 / 6, 2 / 7),  # a day a week; two days a week
    ],
)
def test_one_rule_in_three_steps(measure, wobble, small, real):
    start = 5.0 if measure.name not in COUNTS else 0.5
    good = 1 if measure.better == "up" else -1
    assert compare(measure, start + good * wobble, start) == ("same", "same")
    assert compare(measure, start + good * small, start)[1] is None  # a small change
    assert compare(measure, start + good * real, start)[1] == "better"
    assert compare(measure, start - good * real, start)[1] == "worse"


def test_the_rule_is_the_one_families_are_told():
    """docs/analysis.md writes the rule once, with the numbers the code uses, and getting
    started tells families the same two numbers."""
    analysis = (ROOT / "docs" / "analysis.md").read_text(encoding="utf-8")
    families = " ".join((ROOT / "docs" / "getting-started.md").read_text().split())
    assert f"{REAL:g} points or more" in analysis and f"{WOBBLE:g} point or less" in analysis
    assert analysis.count("## Better, worse or about the same") == 1
    assert "about 2 points on a 0-10 scale" in families
    assert "a point up or down is normal wobble" in families


def test_a_small_change_is_a_number_without_a_verdict_everywhere(run, db_path, tmp_path):
    small_change_diary(db_path)
    summary = run("summary").output
    assert "Function a little higher (5.0 -> 6.3). Pain a little lower (4.0 -> 2.7)." in summary
    pain = next(line for line in summary.splitlines() if line.startswith("Pain (average)"))
    assert pain.split()[-2:] == ["↓", "-1.3"]
    data = json.loads(run("summary", "--json").output)
    assert data["changes"]["pain"] == {"change": -1.3, "direction": "down", "verdict": None}
    # trends: this week against the baseline (the first 7 logged days: function 5, pain 4)
    week = next(line for line in run("trends").output.splitlines() if line.startswith("Mon 16"))
    assert week.split()[3:8] == ["3/3", "6.3", "+1.3", "2.7", "-1.3"]
    assert not {"better", "worse"} & set(week.split())
    trends = json.loads(run("trends", "--json").output)["periods"][-1]
    assert trends["verdict_since_baseline"] == {**trends["verdict_since_baseline"], "pain": None}
    md = tmp_path / "week.md"
    assert run("report", "--out", str(md)).exit_code == 0
    text = md.read_text()
    assert "| Pain (average) | 2.7 (3 days) | 4.0 (7 days) | ↓ -1.3 |" in text
    assert "**Function a little higher (5.0 -> 6.3). Pain a little lower (4.0 -> 2.7).**" in text


def test_a_small_change_has_no_colour(run, db_path, monkeypatch):
    small_change_diary(db_path)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = run("summary").output
    pain = next(line for line in out.splitlines() if line.startswith("Pain (average)"))
    assert "-1.3" in pain and "\x1b[32m" not in pain and "\x1b[31m" not in pain
    trends = run("trends").output
    week = next(line for line in trends.splitlines() if "Mon 16" in line)
    assert "+1.3" in week and "\x1b[32m" not in week and "\x1b[31m" not in week
    assert "\x1b[2m+0.0 same" in trends  # the week before: wobble is grey, so colour shows


def test_the_demo_week_46_headline_says_about_the_same(run, demo_db):
    """Pain 3.8 -> 3.3 is half a point: wobble, not 'Pain eased' in green."""
    out = run("--db", str(demo_db), "summary", "--week", "2026-W46").output
    assert "Pain about the same (3.8 -> 3.3)." in out and "eased" not in out
    data = json.loads(run("--db", str(demo_db), "summary", "--week", "2026-W46", "--json").output)
    assert data["changes"]["pain"]["verdict"] == "same"


def test_the_demo_names_no_hardest_day_that_does_not_stand_out(run, demo_db):
    """This week: Mon 16 (function 8, pain 3) and Tue 17 (7, 2) both score 7.5, Wed 18 8."""
    out = run("--db", str(demo_db), "summary").output
    assert "Every day scored about the same." in out and "Hardest day" not in out
    data = json.loads(run("--db", str(demo_db), "summary", "--json").output)["this_week"]
    assert (data["best_day"], data["worst_day"], data["days_scored_alike"]) == (None, None, True)
    recovery = run("--db", str(demo_db), "recovery").output
    assert "Hardest day" not in recovery  # many baseline days tie at the bottom
    assert "No day was clearly better or harder than the rest." in recovery


def test_a_clearly_hard_day_is_named(run, db_path):
    # This week: Mon function 2 and pain 8 (score 2), Tue and Wed function 6, pain 4 (6).
    write_diary(db_path, [2, 6, 6], [8, 4, 4], dt.date(2026, 11, 16))
    out = " ".join(run("summary").output.split())
    assert "No day was clearly better than the rest. Hardest day: Mon 16 Nov (function 2, " in out
    worst = json.loads(run("summary", "--json").output)["this_week"]["worst_day"]
    assert worst == {"date": "2026-11-16", "function": 2, "pain": 8}


def test_the_screens_use_one_name_for_each_thing(run, demo_db, tmp_path):
    """'Week before' in summary as in the report; allodynia is 'Allodynia', not 'Touch';
    exercise a logged day has one name; patterns are words, not JSON names."""
    db = ("--db", str(demo_db))
    outputs = {
        "summary": run(*db, "summary").output,
        "trends": run(*db, "trends").output,
        "recovery": run(*db, "recovery").output,
        "show": run(*db, "show").output,
    }
    md = tmp_path / "all.md"
    assert run(*db, "report", "--from", "2026-09-10", "--out", str(md)).exit_code == 0
    outputs["report"] = md.read_text()
    week = tmp_path / "week.md"
    assert run(*db, "report", "--out", str(week)).exit_code == 0
    outputs["weekly report"] = week.read_text()
    for name, text in outputs.items():
        assert "Touch" not in text and "Last week" not in text, name
        assert "Ex/day" not in text and "Exercise min a logged day" not in text, name
        assert not re.search(r"\b(function-first|not-yet|function-only)\b", text), name
    assert "Week before" in outputs["summary"] and "Week before" in outputs["weekly report"]
    assert "Pattern: function first, then pain." in outputs["recovery"]
