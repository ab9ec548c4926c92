"""Pictures: files really written and read back, onsets named in the SVG, labels in place."""

from __future__ import annotations

import datetime as dt
import json
import math
from pathlib import Path

import pytest

from ampsdiary.dates import day_label
from makers import day, diary_days, lines_of, recovery_figure, write_diary
from readback import pdf_text, svg_text, svg_texts

PRIVATE = ("I hate that nobody believes how much it hurts.", "Crush said hi.")
SIGNATURES = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".svg": b"<?xml"}


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
    assert "(66 of 70 days logged)" in symptoms
    assert "right foot" in symptoms and "Skin signs (blank = not noted)" in symptoms
    assert "Daily function, Thu 10 Sep – Wed 18 Nov 2026" in calendar
    assert all(month in calendar for month in ("September 2026", "October 2026", "November 2026"))


def test_one_day_is_one_day_in_the_symptoms_title(run, tmp_path):
    diary = write_diary(tmp_path / "one.db", [5], [5])
    out = tmp_path / "one.svg"
    result = run("--db", str(diary), "plot", "symptoms", "--out", str(out), "--to", "2026-10-01")
    assert result.exit_code == 0, result.output
    assert any(t.endswith("(1 of 1 day logged)") for t in svg_texts(out))


def test_the_same_diary_gives_the_same_file(run, demo_db, tmp_path):
    for name in ("a.svg", "b.svg", "a.pdf", "b.pdf"):
        run("--db", str(demo_db), "plot", "recovery", "--out", str(tmp_path / name))
    assert (tmp_path / "a.svg").read_bytes() == (tmp_path / "b.svg").read_bytes()
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


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
    from ampsdiary.plots import style, symptoms

    if kind == "recovery":
        fig = recovery_figure(tmp_path / "three.db", [4, 5, 6], [6, 5, 4])
        ax = fig.axes[0]
    else:
        days = diary_days(tmp_path / "three.db", [4, 5, 6], [6, 5, 4])
        with style.context():
            fig = symptoms.figure(days)
            fig.draw_without_rendering()
        ax = fig.axes[2]  # the skin panel carries the shared date axis
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert labels == ["Thu 1\nOct", "Fri 2", "Sat 3"]
    low, high = ax.get_xlim()
    assert high - low == pytest.approx(7)  # days; 3 days centred, with 2 either side


def test_three_weeks_and_more_are_ticked_by_month(tmp_path):
    """Months by name, days as numbers with no leading zero ('5', never '05')."""
    fig = recovery_figure(tmp_path / "known.db", FUNCTION, PAIN)
    labels = [t.get_text() for t in fig.axes[0].get_xticklabels()]
    assert "Oct" in labels and not any(":" in label for label in labels)
    assert "5" in labels and not [label for label in labels if label.startswith("0")]
    low, high = fig.axes[0].get_xlim()
    assert high - low == pytest.approx(35)  # half a day either side of the 35 days


@pytest.mark.parametrize(
    ("first", "last", "names"),
    [
        ((2026, 9, 10), (2026, 11, 18), ["15 Sep", "Oct", "Nov"]),  # the demo's ten weeks
        ((2026, 10, 20), (2026, 11, 12), ["21 Oct", "Nov"]),  # no tick on 1 Oct
        ((2026, 9, 10), (2026, 10, 2), ["13 Sep", "Oct"]),
    ],
)
def test_every_month_on_a_long_date_axis_is_named(first, last, names):
    """The first tick of a month whose 1st has no tick carries the month: never '15, Oct'."""
    from matplotlib.figure import Figure

    from ampsdiary.plots import style

    fig = Figure(figsize=(style.A4_WIDTH, 4))
    ax = fig.add_subplot()
    style.date_axis(ax, dt.date(*first), dt.date(*last))
    fig.draw_without_rendering()
    labels = [t.get_text() for t in ax.get_xticklabels()]
    assert [label for label in labels if not label.isdigit()] == names


def test_calendar_cells_show_the_days_value(run, tmp_path):
    diary = write_diary(tmp_path / "cal.db", [5, None, 7], [5, None, 7])
    out = tmp_path / "cal.svg"
    result = run("--db", str(diary), "plot", "calendar", "--out", str(out), "--to", "2026-10-03")
    assert result.exit_code == 0, result.output
    texts = svg_texts(out)
    assert "October 2026" in texts
    # Day numbers 1-3, pain 5 on 1 Oct and 7 on 3 Oct, nothing for 2 Oct; the legend 0-10.
    assert [t for t in texts if t.isdigit()] == ["1", "5", "2", "3", "7", "2", "4", "6", "8"]


def test_calendar_rounds_a_days_mean_half_up(run, tmp_path):
    """Pain 5, 5, 5 and 6 in one day is 5.25: the cell says 5.3, as show and summary do."""
    from ampsdiary import open_diary

    diary = open_diary(tmp_path / "half.db", create=True)
    entries = [
        {"date": "2026-10-01", "time": f"0{h}:00", "pain": p} for h, p in enumerate([5, 5, 5, 6])
    ]
    diary.add_all(entries, [], [])
    diary.close()
    out = tmp_path / "half.svg"
    args = ("plot", "calendar", "--out", str(out), "--to", "2026-10-01")
    result = run("--db", str(tmp_path / "half.db"), *args)
    assert result.exit_code == 0, result.output
    assert "5.3" in svg_texts(out) and "5.2" not in svg_texts(out)


def grey(colour) -> float:
    """How light a colour prints in grey, 0 (black) to 1 (white)."""
    from matplotlib.colors import to_rgb

    r, g, b = to_rgb(colour)
    return 0.299 * r + 0.587 * g + 0.114 * b


def test_the_fills_stay_apart_in_grey(tmp_path):
    """Baseline band, lag span and exercise bars: a grey photocopy must tell them apart."""
    fig = recovery_figure(tmp_path / "known.db", FUNCTION, PAIN)
    found = {a.get_label(): a for a in fig.findobj() if a.get_label()}
    baseline, lag = found["Baseline week"], found["Lag between onsets"]
    bars = found["Exercise min (right axis)"]
    assert lag.get_hatch()  # the lag is hatched: its fill may be as light as the baseline's
    assert not baseline.get_hatch()
    assert grey(baseline.get_facecolor()) - grey(bars.get_facecolor()[0]) >= 0.15


# Function steps up on day 12 (onset day 15, Fri 16 Oct), pain down on day 19 (onset day 22):
# a lag of 7 days, whose name is wider than its arrow.
SHORT_LAG = ([2] * 12 + [6] * 44, [8] * 19 + [4] * 37)


def test_a_short_lag_keeps_its_name_clear_of_the_lines(tmp_path):
    from matplotlib.collections import LineCollection

    fig = recovery_figure(tmp_path / "lag.db", *SHORT_LAG)
    ax = fig.axes[0]
    name = next(t for t in ax.texts if t.get_text() == "function first: 7 days earlier")
    assert name.get_bbox_patch().get_facecolor()[:3] == (1, 1, 1)  # on white
    bottom = name.get_window_extent().y0
    onsets = [c for c in ax.collections if isinstance(c, LineCollection)]
    assert len(onsets) == 2
    for lines in onsets:
        for segment in lines.get_segments():
            assert ax.transData.transform(segment)[:, 1].max() < bottom


def test_panels_with_nothing_logged_say_so(run, tmp_path):
    """Pain and function only: no allodynia, swelling, skin signs or places; each panel says
    so in words, and no legend names lines or shades that are not there."""
    from ampsdiary import open_diary

    days = [{"date": day(n).isoformat(), "function": 5} for n in range(20)]
    diary = open_diary(tmp_path / "pf.db", create=True)
    diary.add_all([{"date": d["date"], "time": "08:00", "pain": 4} for d in days], days, [])
    diary.close()
    out = tmp_path / "s.svg"
    result = run("--db", str(tmp_path / "pf.db"), "plot", "symptoms", "--out", str(out))
    assert result.exit_code == 0, result.output
    texts = svg_texts(out)
    assert texts.count("Nothing logged in these days.") == 2  # allodynia, swelling
    assert texts.count("Nothing noted in these days.") == 1  # skin signs
    assert "No places noted in these days." in texts
    assert not {"7-day mean", "changed", "normal"} & set(texts)
