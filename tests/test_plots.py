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


def recovery_figure(path: Path, function: list, pain: list):
    """The recovery figure of a hand-made diary from START, drawn in the house style."""
    from ampsdiary import daily
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import recovery, style

    diary = open_diary(write_diary(path, function, pain))
    days = daily.load(diary, START, START + dt.timedelta(days=len(function) - 1))
    diary.close()
    with style.context():
        fig = recovery.figure(days, analyse(days))
        fig.draw_without_rendering()
    return fig


def lines_of(ax) -> dict:
    """Each labelled line's points as {date: y}, and its raw y data under the label + ' y'."""
    from matplotlib.dates import num2date

    found = {}
    for line in ax.get_lines():
        xs = [num2date(x).date() if not isinstance(x, dt.date) else x for x in line.get_xdata()]
        found[line.get_label()] = dict(zip(xs, line.get_ydata(), strict=True))
        found[line.get_label() + " y"] = list(line.get_ydata())
    return found


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def test_a_diary_kept_every_other_day_draws_its_means(tmp_path):
    """Logged on even days only: the bold mean is one line, not 18 separate dots."""
    function = [6 if i % 2 == 0 else None for i in range(35)]
    fig = recovery_figure(
        tmp_path / "eod.db", function, [None if f is None else 4 for f in function]
    )
    for name in ("Function", "Pain"):
        mean = lines_of(fig.axes[0])[f"{name}, 7-day mean y"]
        assert len(mean) >= 14 and not any(math.isnan(y) for y in mean)
    means = lines_of(fig.axes[0])["Function, 7-day mean"]
    assert min(means) <= day(6) and max(means) == day(34)  # one line across the five weeks


def test_a_long_run_of_missed_days_is_a_gap_not_a_line(tmp_path):
    """Days 10-13 missed. By hand (7-day window, 4 logged days needed): day 12's window
    (6-12) has days 6-9, day 13's (7-13) only 7-9, and day 17's (11-17) 14-17 again; so the
    mean is unknown on days 13-16 and the line breaks there. A single missed day is not a
    gap: day 20 missed, day 20's window still has 6 days."""
    function = [*FUNCTION[:10], None, None, None, None, *FUNCTION[14:20], None, *FUNCTION[21:]]
    pain = [None if f is None else p for f, p in zip(function, PAIN, strict=True)]
    fig = recovery_figure(tmp_path / "gap.db", function, pain)
    lines = lines_of(fig.axes[0])
    mean = lines["Function, 7-day mean"]
    drawn = {d for d, y in mean.items() if not math.isnan(y)}
    assert day(12) in drawn and day(17) in drawn and day(20) in drawn
    assert not drawn & {day(n) for n in range(13, 17)}
    assert any(math.isnan(y) for y in lines["Function, 7-day mean y"])  # the break
    assert mean[day(12)] == pytest.approx((2 + 6 + 6 + 6) / 4)  # days 6-9
    assert math.isnan(lines["Pain, each day"][day(11)])


def test_a_mean_with_no_neighbour_is_a_marker():
    """Known means on days 1, 4, 6 and 10: 4 and 6 (one unknown day between) are one line,
    1 and 10 stand alone and are drawn as markers instead of vanishing."""
    from matplotlib.figure import Figure

    from ampsdiary.plots import style

    dates = [day(n) for n in range(11)]
    smoothed = [None, 5, None, None, 4, None, 3, None, None, None, 6]
    ax = Figure().add_subplot()
    style.mean_line(ax, dates, smoothed, "s", color="k", label="mean")
    line, single = ax.get_lines()
    assert [None if math.isnan(y) else y for y in line.get_ydata()] == [5, None, 4, 3, None, 6]
    assert list(single.get_xdata()) == [day(1), day(10)] and single.get_marker() == "s"
    assert single.get_label().startswith("_")  # not a second legend entry


@pytest.mark.parametrize("kind", ["recovery", "symptoms"])
def test_a_few_days_are_ticked_by_day_not_by_hour(tmp_path, kind):
    """Three days: a tick a day ('Thu 1' with the month under it), never '12:00'; and the
    axis shows at least a week, so one day's exercise bar does not fill the picture."""
    from ampsdiary import daily
    from ampsdiary.plots import style, symptoms

    if kind == "recovery":
        fig = recovery_figure(tmp_path / "three.db", [4, 5, 6], [6, 5, 4])
        ax = fig.axes[0]
    else:
        diary = open_diary(write_diary(tmp_path / "three.db", [4, 5, 6], [6, 5, 4]))
        days = daily.load(diary, START, day(2))
        diary.close()
        with style.context():
            fig = symptoms.figure(days)
            fig.draw_without_rendering()
        ax = fig.axes[2]  # the skin panel carries the shared date axis
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Thu 1\nOct", "Fri 2", "Sat 3"]
    low, high = ax.get_xlim()
    assert high - low == pytest.approx(7)  # days; 3 days centred, with 2 either side


def test_three_weeks_and_more_are_ticked_by_month(tmp_path):
    fig = recovery_figure(tmp_path / "known.db", FUNCTION, PAIN)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "Oct" in labels and not any(":" in label for label in labels)
    low, high = fig.axes[0].get_xlim()
    assert high - low == pytest.approx(35)  # half a day either side of the 35 days


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


def test_calendar_of_nothing_it_can_show_says_what_works(run, tmp_path):
    """Neither pain nor function logged: not 'try --measure function', which fails too."""
    diary = open_diary(tmp_path / "mood.db")
    diary.write_all([], [{"date": "2026-10-01", "mood": 6}], [])
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
    diary = open_diary(tmp_path / "long.db")
    days = [{"date": date, "function": 5} for date in ("2024-06-15", "2026-11-10")]
    diary.write_all([{"date": d["date"], "time": "08:00", "pain": 4} for d in days], days, [])
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
