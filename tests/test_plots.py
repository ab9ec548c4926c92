"""Pictures: files really written and read back, onsets named in the SVG, clear errors."""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from ampsdiary.dates import day_label
from ampsdiary.errors import EMPTY_DIARY
from ampsdiary.store import open_diary
from pdf_helpers import pdf_text

PRIVATE = ("I hate that nobody believes how much it hurts.", "Crush said hi.")
START = dt.date(2026, 10, 1)  # a Thursday; 35 days end on Wed 4 Nov
SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".svg": b"<?xml"}


def write_diary(path: Path, function: list, pain: list, notes: dict | None = None) -> Path:
    """One function and pain value a day from START (None = not logged), 30 minutes of
    exercise on logged days, and day or private notes by day index."""
    entries, days, sessions = [], [], []
    for i, (f, p) in enumerate(zip(function, pain, strict=True)):
        date = (START + dt.timedelta(days=i)).isoformat()
        if f is None and p is None:
            continue
        if p is not None:
            entries.append({"date": date, "time": "08:00", "pain": p, "allodynia": p - 1})
        days.append({"date": date, "function": f, **(notes or {}).get(i, {})})
        sessions.append({"date": date, "kind": "aerobic", "minutes": 30})
    diary = open_diary(path)
    diary.write_all(entries, days, sessions)
    diary.close()
    return path


def svg_texts(path: Path) -> list[str]:
    """Every piece of text in an SVG, which must parse as XML."""
    root = ET.parse(path).getroot()
    return [e.text.strip() for e in root.iter() if e.text and e.text.strip()]


def svg_text(path: Path) -> str:
    return "\n".join(svg_texts(path))


# By hand (7-day trailing means, threshold 2, baseline = the first 7 days):
# function 2 on days 0-6 then 6: the mean first reaches 4 when four 6s are in the window,
# day 10 (2 + 4*4/7 = 4.29). Pain 8 on days 0-19 then 4: the mean first drops to 6 on
# day 23 (8 - 4*4/7 = 5.71). Both hold to day 34. Lag 13 days: function first.
FUNCTION = [2] * 7 + [6] * 28
PAIN = [8] * 20 + [4] * 15


@pytest.fixture
def known(tmp_path: Path) -> Path:
    return write_diary(tmp_path / "known.db", FUNCTION, PAIN)


def test_recovery_svg_names_the_onsets_and_the_lag(run, known, tmp_path):
    out = tmp_path / "recovery.svg"
    result = run("--db", str(known), "plot", "recovery", "--out", str(out), "--to", "2026-11-04")
    assert result.exit_code == 0, result.output
    text = svg_text(out)
    assert "function up from Sun 11 Oct" in text  # START + 10 days
    assert "pain down from Sat 24 Oct" in text  # START + 23 days
    assert "function first: 13 days earlier" in text
    assert "Function and pain, Thu 1 Oct – Wed 4 Nov 2026" in text


def test_recovery_picture_matches_the_recovery_command(run, demo_db, tmp_path):
    out = tmp_path / "demo.svg"
    result = run("--db", str(demo_db), "plot", "recovery", "--out", str(out), "--json")
    assert result.exit_code == 0, result.output
    drawn = json.loads(result.output)["recovery"]
    analysis = json.loads(run("--db", str(demo_db), "recovery", "--json").output)
    assert (drawn["function_onset"], drawn["pain_onset"]) == (
        analysis["function_onset"],
        analysis["pain_onset"],
    )
    text = svg_text(out)
    for words, onset in (
        ("function up", drawn["function_onset"]),
        ("pain down", drawn["pain_onset"]),
    ):
        day = dt.date.fromisoformat(onset)
        assert f"{words} from {day_label(day)}" in text
    lag = (
        dt.date.fromisoformat(drawn["pain_onset"]) - dt.date.fromisoformat(drawn["function_onset"])
    ).days
    assert f"function first: {lag} days earlier" in text


@pytest.mark.parametrize("kind", ["recovery", "symptoms", "calendar"])
@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf"])
def test_every_picture_in_every_format(run, demo_db, tmp_path, kind, suffix):
    out = tmp_path / f"{kind}{suffix}"
    result = run("--db", str(demo_db), "plot", kind, "--out", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert data.startswith(SIGNATURES[suffix])
    assert 5_000 < len(data) < 600_000
    if suffix == ".svg":
        svg_text(out)  # parses as XML
    assert [p.name for p in tmp_path.iterdir() if p.suffix == suffix] == [out.name]  # no temp file
    if suffix != ".png":
        text = pdf_text(data) if suffix == ".pdf" else svg_text(out)
        assert "Wed 18 Nov 2026" in text  # the text really was read back
        assert not any(note in text for note in PRIVATE)
    assert "66 of 70 days logged" in result.output


def test_pictures_keep_text_as_text(run, demo_db, tmp_path):
    """SVG text is <text>, not paths: searchable and read aloud by screen readers."""
    run("--db", str(demo_db), "plot", "symptoms", "--out", str(tmp_path / "s.svg"))
    run("--db", str(demo_db), "plot", "calendar", "--measure", "function",
        "--out", str(tmp_path / "c.svg"))  # fmt: skip
    symptoms, calendar = svg_text(tmp_path / "s.svg"), svg_text(tmp_path / "c.svg")
    assert "Allodynia: how much light touch hurts (0–10)" in symptoms
    assert "right foot" in symptoms and "Skin signs (blank = not noted)" in symptoms
    assert "Daily function, Thu 10 Sep – Wed 18 Nov 2026" in calendar
    assert all(month in calendar for month in ("September 2026", "October 2026", "November 2026"))


def test_the_same_diary_gives_the_same_file(run, demo_db, tmp_path):
    for name in ("a.svg", "b.svg", "a.pdf", "b.pdf"):
        run("--db", str(demo_db), "plot", "recovery", "--out", str(tmp_path / name))
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def test_missed_days_are_gaps_not_lines(tmp_path):
    """The bold mean is NaN on a day nothing was logged, so the line breaks there."""
    from ampsdiary import daily
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import recovery, style

    function = [*FUNCTION[:9], None, *FUNCTION[10:]]
    pain = [*PAIN[:9], None, *PAIN[10:]]
    diary = open_diary(write_diary(tmp_path / "gap.db", function, pain))
    days = daily.load(diary, START, START + dt.timedelta(days=34))
    diary.close()
    with style.context():
        fig = recovery.figure(days, analyse(days))
    lines = {line.get_label(): line.get_ydata() for line in fig.axes[0].get_lines()}
    mean = lines["Function, 7-day mean"]
    assert math.isnan(mean[9]) and not math.isnan(mean[8]) and not math.isnan(mean[10])
    assert mean[10] == pytest.approx((2 + 2 + 2 + 6 + 6 + 6) / 6)  # days 4-10 but day 9
    assert math.isnan(lines["Pain, each day"][9])


def test_calendar_cells_show_the_days_value(run, tmp_path):
    diary = write_diary(tmp_path / "cal.db", [5, None, 7], [5, None, 7])
    out = tmp_path / "cal.svg"
    result = run("--db", str(diary), "plot", "calendar", "--out", str(out), "--to", "2026-10-03")
    assert result.exit_code == 0, result.output
    texts = svg_texts(out)
    assert "October 2026" in texts
    # Day numbers 1-3, pain 5 on 1 Oct and 7 on 3 Oct, nothing for 2 Oct; the legend 0-10.
    assert [t for t in texts if t.isdigit()] == ["1", "5", "2", "3", "7", "2", "4", "6", "8"]


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
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output
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
    open_diary(db_path).close()  # the file exists, with nothing logged
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


@pytest.mark.parametrize(
    "args", [("plot", "recovery", "--out", "r.svg"), ("report", "--out", "r.md")]
)
def test_the_file_name_is_checked_once(run, known, tmp_path, monkeypatch, args):
    """In the command, before any work; the writers take it as checked."""
    from ampsdiary.plots.output import check_target

    calls = []

    def profile(frame, event, arg):
        if event == "call" and frame.f_code is check_target.__code__:
            calls.append(frame.f_locals["path"])

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
