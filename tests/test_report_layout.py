"""The printed page's layout: what moves to the next page, what is cut to fit, and drawn
text that never overprints other text (measured by matplotlib's renderer)."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ampsdiary import daily, open_diary
from makers import diary_days, write
from readback import pdf_page_texts, pdf_pages, pdf_text, text_boxes


def test_a_heading_moves_to_the_next_page_with_its_chart():
    """Room for the heading but not for the 3-inch chart: both start the next page."""
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import style
    from ampsdiary.report import pdf
    from ampsdiary.report.content import Chart, Heading

    start = dt.date(2026, 11, 1)
    days = [daily.Day(start + dt.timedelta(days=i), entries=1, pain=5) for i in range(14)]
    with style.context():
        pages = pdf.Pages("a4")
        pages.y = pdf.MARGIN + pdf.FOOT + 1.0
        pdf.flow(pages, [Heading("Function and pain"), Chart(days, analyse(days), "How.", None)])
    first, second = pages.figures
    assert not first.texts and not first.axes
    assert second.texts[0].get_text() == "Function and pain" and second.axes


LONG_WORD = "Q" * 3000  # no spaces to break at, and no other text on the page has a Q


def long_notes_diary(path: Path, count: int = 7) -> Path:
    """Mon 9 - Sun 15 Nov logged, the first `count` days with a 150-word note; Thursday's
    ends in a 3000-letter word."""
    entries, days = [], []
    for i in range(7):
        date = (dt.date(2026, 11, 9) + dt.timedelta(days=i)).isoformat()
        note = " ".join(f"day{i}word{k}" for k in range(150)) + (f" {LONG_WORD}" if i == 3 else "")
        entries.append({"date": date, "time": "08:00", "pain": 5})
        days.append({"date": date, "function": 5, **({"day_note": note} if i < count else {})})
    diary = open_diary(path, create=True)
    diary.add_all(entries, days, [])
    diary.close()
    return path


@pytest.fixture
def long_notes(tmp_path: Path) -> Path:
    return long_notes_diary(tmp_path / "long.db")


def first_words(i: int, n: int) -> str:
    return " ".join(f"day{i}word{k}" for k in range(n))


POINTER = "ampsdiary day DATE shows a whole note"


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_long_notes_keep_the_week_on_one_page(run, long_notes, tmp_path, paper):
    """Every note gets at least a full line (nine words), and one line above them all says
    where the whole notes are: no pointer repeated on each note, eating half its line."""
    out = tmp_path / "week.pdf"
    write(run, long_notes, out, "--week", "2026-W46", "--paper", paper)
    data = out.read_bytes()
    assert pdf_pages(data) == 1
    text = pdf_text(data)
    assert all(first_words(i, 9) in text for i in range(7))
    assert text.count(POINTER) == 1 and "(e.g. ampsdiary day 2026-11-09)" in text
    assert "full note" not in text and "Also notes on" not in text


def test_a_few_long_notes_share_the_free_lines(run, tmp_path):
    """Three long notes on A4: each takes three lines or more of the room left."""
    out = tmp_path / "week.pdf"
    write(run, long_notes_diary(tmp_path / "three.db", 3), out, "--week", "2026-W46")
    text = " ".join(pdf_text(out.read_bytes()).split())  # the lines of a note, run together
    assert pdf_pages(out.read_bytes()) == 1
    assert all(first_words(i, 25) in text for i in range(3))


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_notes_left_out_are_named(run, demo_db, tmp_path, paper):
    """The demo's busy week 46 with a 300-letter note every day: A4 shows a line of each;
    letter has less room, so the last notes are named instead, on one line."""
    for n in range(9, 16):
        note = f"Note{n}: " + "physio, then school, then a walk with the dog and the brush. " * 5
        logged = run("--db", str(demo_db), "log", "--date", f"2026-11-{n:02}", "--day-note", note)
        assert logged.exit_code == 0, logged.output
    out = tmp_path / "week.pdf"
    write(run, demo_db, out, "--week", "2026-W46", "--paper", paper)
    data = out.read_bytes()
    text = pdf_text(data)
    assert pdf_pages(data) == 1 and text.count(POINTER) == 1
    shown = re.findall(r"Note(\d+): physio, then school, then a walk", text)
    if paper == "a4":
        assert len(shown) == 7 and "Also notes on" not in text
    else:
        left_out = re.search(r"Also notes on ([^.]*)\.", text).group(1).split(", ")
        assert len(shown) + len(left_out) == 7 and left_out[-1] == "Sun 15 Nov"


def test_a_word_longer_than_the_line_is_split(run, long_notes, tmp_path):
    out = tmp_path / "all.pdf"
    write(run, long_notes, out, "--from", "2026-11-09", "--to", "2026-11-15")
    runs = re.findall("Q+", pdf_text(out.read_bytes()))
    assert sum(map(len, runs)) == 3000 and max(map(len, runs)) < 150


def test_wrap_never_runs_past_the_line():
    from ampsdiary.report.lines import width, wrap

    lines = wrap(f"a few words {LONG_WORD} then more", 3.0, 9)
    assert lines[0] == "a few words" and len(lines) > 10
    assert "".join(lines[1:]).replace(" ", "") == f"{LONG_WORD}thenmore"
    assert all(width(line, 9) <= 3.0 * 1.02 for line in lines)  # summed vs measured: kerning


def test_an_early_from_is_clipped_to_the_first_logged_day(run, demo_db, tmp_path):
    """The same pages as from the diary's first day, not a century of blank weeks."""
    early = write(run, demo_db, tmp_path / "early.pdf", "--from", "2005-01-01", "--json")
    exact = write(run, demo_db, tmp_path / "exact.pdf", "--from", "2026-09-10", "--json")
    assert json.loads(early.output)["pages"] == json.loads(exact.output)["pages"] <= 6
    assert (tmp_path / "early.pdf").read_bytes() == (tmp_path / "exact.pdf").read_bytes()


def chart_page(days, recovery=None):
    """A PDF page with the recovery chart of `days` at the top, drawn."""
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import style
    from ampsdiary.report import pdf
    from ampsdiary.report.content import Chart

    with style.context():
        pages = pdf.Pages("a4")
        pdf.flow(pages, [Chart(days, recovery or analyse(days), "How to read it.", None)])
        boxes = text_boxes(pages.fig)
    return pages.fig, boxes


# Function up from day 15 (Fri 16 Oct), 27% across 56 days, and pain down from day 35 or,
# much closer, day 20: the function label, wanted left of its line, has no room there.
@pytest.mark.parametrize("pain_change", [32, 17])
def test_onset_labels_stay_inside_the_chart(tmp_path, pain_change):
    days = diary_days(
        tmp_path / "d.db", [2] * 12 + [6] * 44, [8] * pain_change + [4] * (56 - pain_change)
    )
    fig, boxes = chart_page(days)
    ax = fig.axes[0]
    labels = [box for text, box in boxes.items() if " from " in text]
    assert len(labels) == 2
    for box in labels:
        assert ax.bbox.x0 <= box.x0 and box.x1 <= ax.bbox.x1
    assert not labels[0].overlaps(labels[1])


@pytest.mark.parametrize("shown", [3, 17])
def test_the_legend_sits_under_two_line_dates(tmp_path, shown):
    """'Thu 1' over 'Oct': the legend starts below the second line, and the caption below
    the legend."""
    days = diary_days(tmp_path / "d.db", [5] * shown, [5] * shown)
    fig, boxes = chart_page(days)
    ax = fig.axes[0]
    legend = ax.get_legend().get_window_extent()
    dates = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
    assert any("\n" in t.get_text() for t in ax.get_xticklabels())
    assert legend.y1 <= min(box.y0 for box in dates)
    assert boxes["How to read it."].y1 <= legend.y0


@pytest.mark.parametrize(
    "who",
    [
        "Demo Teen (DEMO-001)",
        "Alexandria Catherine Montgomery-Fitzwilliam (C-1)",
        "Alexandria Catherine Montgomery-Fitzwilliam (CLINIC-2026-000123456)",
    ],
)
def test_a_long_name_never_overprints_the_title(who):
    """Beside the title while it fits (smaller if need be), else on a line of its own."""
    from ampsdiary.plots import style
    from ampsdiary.report import pdf
    from ampsdiary.report.content import Report

    with style.context():
        fig = pdf.render(Report("Weekly report", who, "Week 46, Mon 9 Nov", [], "Footer.", {}))[0]
        boxes = text_boxes(fig)
    title, name, dates = boxes["Weekly report"], boxes[who], boxes["Week 46, Mon 9 Nov"]
    page = fig.bbox
    assert not title.overlaps(name) and not dates.overlaps(name)
    assert pdf.MARGIN * fig.dpi <= name.x0 and name.x1 <= page.x1 - pdf.MARGIN * fig.dpi + 1
    beside = name.y0 < title.y1 and title.y0 < name.y1
    assert beside == ("CLINIC" not in who)


def test_a_table_keeps_its_last_rows_together():
    """Room for the head and 9 of 10 rows: the page breaks before row 8, so the last three
    rows start the next page under the column names, never one row alone."""
    from ampsdiary.plots import style
    from ampsdiary.report import pdf
    from ampsdiary.report.content import Table

    rows = [(f"row {n}", str(n)) for n in range(10)]
    step = pdf.SIZES["table"] * 1.42 / 72
    with style.context():
        pages = pdf.Pages("a4")
        pages.y = pdf.MARGIN + pdf.FOOT + step * 10.5
        pdf.table(pages, Table(("", "Value"), rows))
    first, second = ([t.get_text() for t in fig.texts] for fig in pages.figures)
    assert "row 6" in first and "row 7" not in first
    assert second == ["", "Value", "row 7", "7", "row 8", "8", "row 9", "9"]


def test_a_short_reports_second_page_is_not_one_row(run, demo_db, tmp_path):
    out = tmp_path / "three.pdf"
    write(run, demo_db, out, "--from", "2026-10-01", "--to", "2026-10-03")
    *_, last = pdf_page_texts(out.read_bytes())
    assert all(kind in last for kind in ("aerobic", "physio", "desensitization"))


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".md"])
def test_the_whole_period_has_the_exercise_total(run, demo_db, tmp_path, suffix):
    """The rate against the goal, then the total, then its kinds, as in the weekly table;
    the kinds add up to the total."""
    out = tmp_path / f"all{suffix}"
    write(run, demo_db, out, "--from", "2026-09-10", "--to", "2026-11-18")
    text = pdf_text(out.read_bytes()) if suffix == ".pdf" else out.read_text()
    assert "58 (goal 60)" in text
    total = int(re.search(r"Exercise total\D+(\d+) min", text).group(1))
    kinds = [int(m) for m in re.findall(r"(?:aerobic|physio|desensitization)\D+(\d+) min", text)]
    assert len(kinds) == 3 and sum(kinds) == total == 3828
    assert text.index("a logged day") < text.index("Exercise total") < text.index("aerobic")
