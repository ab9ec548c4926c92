"""Asking for pictures: clear one-line errors, ranges read one way everywhere, the calendar's
span, and no pyplot state."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from ampsdiary import open_diary
from ampsdiary.errors import EMPTY_DIARY
from conftest import no_traceback
from makers import write_diary
from readback import svg_text, svg_texts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("plot", "graph", "--out", "x.png"), "KIND: 'graph' is not a picture; use one of: "),
        (("plot", "recovery", "--out", "x.jpg"), "--out: 'x.jpg' has an unknown file type; "
         "end the name with .png, .svg or .pdf"),
        (("plot", "recovery", "--out", "missing/x.png"), "is in a folder that does not exist"),
        (("plot", "calendar", "--measure", "mood", "--out", "x.png"), "--measure: 'mood'"),
        (("plot", "recovery", "--out", "x.png", "--from", "2026-11-10", "--to", "2026-11-01"),
         "is after --to (2026-11-01); swap them"),
    ],
)  # fmt: skip
def test_bad_requests_are_one_clear_line(run, demo_db, tmp_path, monkeypatch, args, message):
    monkeypatch.chdir(tmp_path)
    result = run("--db", str(demo_db), *args)
    no_traceback(result)
    assert result.exit_code == 2
    assert message in result.output
    assert not list(tmp_path.glob("x.*"))


# Every command that takes --from/--to reads it the same way (ampsdiary.ranges), with the
# same messages. The diary: logged on Thu 1 and Sun 4 Oct only; today is Wed 18 Nov.
RANGE_COMMANDS = {
    "plot": ("plot", "recovery", "--out", "x.png"),
    "report": ("report", "--out", "x.pdf"),
    "trends": ("trends",),
}


@pytest.mark.parametrize("command", RANGE_COMMANDS)
@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--from", "2026-10-02", "--to", "2026-10-03"),
         "{command}: nothing is logged from 2026-10-02 to 2026-10-03; "
         "choose other --from/--to dates"),
        (("--to", "2026-09-30"), "--to: '2026-09-30' is before the diary's first day (2026-10-01)"),
        (("--from", "2026-10-05"),
         "--from: '2026-10-05' is after the last day logged (2026-10-04)"),
        (("--from", "2026-10-04", "--to", "2026-10-01"),
         "--from: '2026-10-04' is after --to (2026-10-01); swap them"),
    ],
)  # fmt: skip
def test_every_command_refuses_a_bad_range_the_same_way(
    run, tmp_path, monkeypatch, command, args, message
):
    diary = write_diary(tmp_path / "gap.db", [5, None, None, 6], [5, None, None, 6])
    monkeypatch.chdir(tmp_path)
    result = run("--db", str(diary), *RANGE_COMMANDS[command], *args)
    assert result.exit_code == 2
    assert result.output == f"Error: {message.format(command=command)}\n"
    assert not list(tmp_path.glob("x.*"))


@pytest.mark.parametrize(
    "args", [*RANGE_COMMANDS.values(), ("report", "--out", "x.pdf", "--week", "2026-W46")]
)
def test_an_empty_diary_is_the_same_one_line_everywhere(run, db_path, tmp_path, monkeypatch, args):
    open_diary(db_path, create=True).close()  # the file exists, with nothing logged
    monkeypatch.chdir(tmp_path)
    result = run(*args)
    assert result.exit_code == 2
    assert result.output == f"Error: diary: {EMPTY_DIARY}\n"


def test_an_early_from_is_clipped_to_the_first_logged_day(run, demo_db, tmp_path):
    """Not 21 years of empty months: the calendar starts at the diary's first day."""
    out = tmp_path / "c.svg"
    args = ("plot", "calendar", "--from", "2005-01-01", "--out", str(out), "--json")
    result = run("--db", str(demo_db), *args)
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert (data["start"], data["end"], data["days_logged"]) == ("2026-09-10", "2026-11-18", 66)
    months = [t for t in svg_texts(out) if re.fullmatch(r"[A-Z][a-z]+ \d{4}", t)]
    assert months == ["September 2026", "October 2026", "November 2026"]


def test_calendar_of_a_measure_never_logged(run, tmp_path):
    diary = write_diary(tmp_path / "f.db", [5, 6], [None, None])
    result = run("--db", str(diary), "plot", "calendar", "--out", str(tmp_path / "c.png"))
    assert result.exit_code == 2
    assert result.output == (
        "Error: plot: no pain logged from 2026-10-01 to 2026-11-18; try --measure function\n"
    )


def test_calendar_of_nothing_it_can_show_says_what_works(run, tmp_path):
    """Neither pain nor function logged: not 'try --measure function', which fails too."""
    diary = open_diary(tmp_path / "mood.db", create=True)
    diary.add_all([], [{"date": "2026-10-01", "mood": 6}], [])
    diary.close()
    for measure in ("pain", "function"):
        result = run("--db", str(tmp_path / "mood.db"), "plot", "calendar", "--measure", measure,
                     "--out", str(tmp_path / "c.png"))  # fmt: skip
        assert result.exit_code == 2
        assert result.output == (
            "Error: plot: no pain or function logged from 2026-10-01 to 2026-11-18, and the "
            "calendar shows one of them; choose other --from/--to dates, or log them "
            "(ampsdiary log --pain N --function N)\n"
        )


def test_calendar_shows_the_last_24_months_unless_from_is_given(run, tmp_path):
    """Logged on 15 Jun 2024 and 10 Nov 2026: 30 months in all. By default the calendar
    starts on 1 Dec 2024 (24 whole months to November 2026), and says so."""
    diary = open_diary(tmp_path / "long.db", create=True)
    days = [{"date": date, "function": 5} for date in ("2024-06-15", "2026-11-10")]
    diary.add_all([{"date": d["date"], "time": "08:00", "pain": 4} for d in days], days, [])
    diary.close()
    db = ("--db", str(tmp_path / "long.db"))
    out = tmp_path / "c.svg"
    result = run(*db, "plot", "calendar", "--out", str(out))
    assert result.exit_code == 0, result.output
    months = [t for t in svg_texts(out) if re.fullmatch(r"[A-Z][a-z]+ \d{4}", t)]
    assert (len(months), months[0], months[-1]) == (24, "December 2024", "November 2026")
    assert "Saved the calendar picture of 2024-12-01 to 2026-11-18 (1 of 718 days" in result.output
    assert "The calendar shows the last 24 months; --from starts earlier." in result.output
    result = run(*db, "plot", "calendar", "--from", "2024-01-01", "--out", str(out), "--json")
    data = json.loads(result.output)
    assert (data["start"], data["days_logged"], data["months_shown"]) == ("2024-06-15", 2, None)
    months = [t for t in svg_texts(out) if re.fullmatch(r"[A-Z][a-z]+ \d{4}", t)]
    assert (len(months), months[0]) == (30, "June 2024")


def test_choices_are_read_in_any_case(run, demo_db, tmp_path):
    """--measure Function as --paper LETTER: a capital letter is not a mistake."""
    out = tmp_path / "c.svg"
    result = run("--db", str(demo_db), "plot", "Calendar", "--measure", "Function",
                 "--out", str(out), "--json")  # fmt: skip
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["kind"] == "calendar"
    assert "Daily function, Thu 10 Sep – Wed 18 Nov 2026" in svg_text(out)


@pytest.mark.parametrize(
    "args", [("plot", "recovery", "--out", "r.svg"), ("report", "--out", "r.md")]
)
def test_the_file_name_is_checked_once(run, tmp_path, monkeypatch, args):
    """In the command, before any work; the writers take it as checked."""
    from ampsdiary.outputs import check_target

    calls = []

    def profile(frame, event, arg):
        if event == "call" and frame.f_code is check_target.__code__:
            calls.append(frame.f_locals["path"])

    known = write_diary(tmp_path / "known.db", [5] * 35, [5] * 35)  # to Wed 4 Nov
    monkeypatch.chdir(tmp_path)
    sys.setprofile(profile)
    try:
        result = run("--db", str(known), *args, "--week" if args[0] == "report" else "--to",
                     "2026-11-04")  # fmt: skip
    finally:
        sys.setprofile(None)
    assert result.exit_code == 0, result.output
    assert calls == [Path(args[-1])]


def test_plotting_keeps_no_pyplot_state(run, demo_db, tmp_path):
    result = run("--db", str(demo_db), "plot", "recovery", "--out", str(tmp_path / "r.png"))
    assert result.exit_code == 0, result.output
    assert "matplotlib.pyplot" not in sys.modules


def test_the_docs_say_what_each_reader_does_with_an_empty_week(run, demo_db, tmp_path):
    """docs/plots-and-reports.md: summary shows an empty week, report refuses it with the line
    the page quotes, and recovery takes neither --week nor --from/--to."""
    doc = (Path(__file__).parent.parent / "docs" / "plots-and-reports.md").read_text()
    summary = run("--db", str(demo_db), "summary", "--week", "2026-W30")
    assert summary.exit_code == 0 and "Nothing was logged that week." in summary.output
    assert "`summary --week 2026-W30` shows that empty week" in " ".join(doc.split())
    report = run(
        "--db", str(demo_db), "report", "--week", "2026-W30", "--out", str(tmp_path / "w.pdf")
    )
    assert report.exit_code == 2 and f"\n{report.output}" in doc
    for option in ("--week", "--from", "--to"):
        assert "No such option" in run("--db", str(demo_db), "recovery", option, "2026-W46").output
