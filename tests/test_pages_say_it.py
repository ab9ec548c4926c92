"""What a page says of itself: footnotes from its own numbers, sentences that read as
sentences, an onset before the picture said so, every character printed, and a report
file written where it says, with or without --out."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from ampsdiary import open_diary
from analysis_helpers import write_diary
from makers import START, diary_days
from readback import pdf_text, svg_text, text_boxes

# -- footnotes ------------------------------------------------------------------------------


def test_the_summary_footnote_counts_from_its_own_table(run, db_path):
    write_diary(db_path, [5] * 7 + [6, 6, 6], [5] * 7 + [4, 4, 4], dt.date(2026, 11, 9))
    out = run("summary").output
    assert "Averages are of the days logged; (3 days) says how many." in out
    assert "(3 days)" in out.split("Averages")[0]  # the count it names is in the table
    assert "(6 days)" not in out
    assert "Blank = not logged." in out  # no allodynia, swelling... logged: blank cells
    assert "Averages are of the days logged" not in run("summary", "--week", "2026-W40").output


def test_report_footnotes_count_from_their_pages(run, demo_db, tmp_path):
    week = tmp_path / "week.pdf"
    assert run("--db", str(demo_db), "report", "--out", str(week)).exit_code == 0
    text = pdf_text(week.read_bytes())
    assert "(3 days) says how many" in text and "(6 days) says how many" not in text
    assert "3.7 (3 days)" in text  # worst pain this week: the table has the count it names
    longer = tmp_path / "all.md"
    args = ("report", "--from", "2026-11-02", "--to", "2026-11-15", "--out", str(longer))
    assert run("--db", str(demo_db), *args).exit_code == 0
    md = longer.read_text()
    whole = md.split("## The whole period")[1]
    count = re.search(r"Function \(average\) \| [\d.]+ \((\d+) days\)", whole).group(1)
    assert f"Averages are of the days logged; ({count} days) says how many." in whole
    assert "Touch" not in md and "Days = days logged of the days in the week." in md


def caption(days, recovery) -> str:
    from ampsdiary.plots.recovery import how_to_read

    return how_to_read(days, recovery)


def test_the_charts_caption_names_only_what_it_draws(tmp_path):
    from ampsdiary.analysis.recovery import analyse

    # Function 2 then 6 from day 7; pain 8 then 4 from day 20: both onsets, a lag.
    days = diary_days(tmp_path / "d.db", [2] * 7 + [6] * 28, [8] * 20 + [4] * 15)
    recovery = analyse(days)
    said = caption(days, recovery)
    assert "grey band is the baseline" in said and "hatched span the lag" in said
    assert "a gap" not in said  # logged every day: the lines never break
    late = [d for d in days if d.date >= START + dt.timedelta(days=24)]  # after both onsets
    said = caption(late, recovery)
    assert "grey band" not in said and "hatched" not in said
    gappy = [2] * 7 + [6] * 8 + [None] * 5 + [6] * 15
    days = diary_days(tmp_path / "g.db", gappy, [8] * 15 + [None] * 5 + [8] * 15)
    assert "a gap is a stretch" in caption(days, analyse(days))


# -- sentences ------------------------------------------------------------------------------


def test_a_one_day_baseline_and_no_pattern_read_as_sentences(run):
    run("log", "--function", "5", "--pain", "6")
    out = " ".join(run("recovery").output.split())
    assert "During the baseline (Wed 18 Nov), function averaged 5.0" in out
    assert "Wed 18 Nov to Wed 18 Nov" not in out
    assert "Pattern: no lasting change yet." in out and "not-yet" not in out
    assert "1 of 1 day logged." in run("show", "--days", "1").output


def test_one_point_and_no_hold_are_said_rightly(run, db_path):
    write_diary(db_path, [2] * 7 + [6] * 14, [8] * 21, dt.date(2026, 10, 1))
    out = " ".join(run("recovery", "--threshold", "1", "--hold", "0").output.split())
    assert "at least 1 point above the baseline." in out and "1 points" not in out
    assert "0 days" not in out and "for the next" not in out


def test_one_minute_is_one_minute(run, tmp_path):
    for day in range(12, 19):  # Thu 12 - Wed 18 Nov: one week, one minute of exercise
        run("log", "--function", "5", "--date", f"2026-11-{day}")
    run("config", "set", "exercise-goal", "1")
    run("exercise", "aerobic", "1", "--date", "2026-11-18")
    said = " ".join(run("recovery").output.split())
    assert "Exercise: 1 minute a week on average (goal 7: 1 a day)." in said
    out = tmp_path / "w.md"
    assert run("report", "--out", str(out)).exit_code == 0
    assert "Goal 1 minute a day, met on 1 of 3 days." in out.read_text()


def test_the_report_line_has_no_brackets_in_brackets(run, demo_db, tmp_path):
    out = tmp_path / "w.md"
    said = run("--db", str(demo_db), "report", "--out", str(out)).output
    assert said == (
        f"Wrote the weekly report to {out}: Week 47, Mon 16 Nov – Sun 22 Nov 2026 (so far: "
        "to Wed 18 Nov).\n"
    )


# -- the picture ----------------------------------------------------------------------------


def lag_artists(fig):
    ax = fig.axes[0]
    arrows = [a for a in ax.texts if getattr(a, "arrow_patch", None) is not None]
    return ax, arrows


def test_a_lag_that_began_before_the_picture_says_so(tmp_path):
    """Function up on day 10, pain down on day 23: shown from day 16 on, the function
    onset is before the picture, so its lag arrow has one head and the words say so."""
    from ampsdiary.analysis.recovery import analyse
    from ampsdiary.plots import recovery, style

    days = diary_days(tmp_path / "d.db", [2] * 7 + [6] * 28, [8] * 20 + [4] * 15)
    analysis = analyse(days)
    with style.context():
        whole = recovery.figure(days, analysis)
        shown = recovery.figure(days[16:], analysis)
        for fig in (whole, shown):
            fig.draw_without_rendering()
    _, arrows = lag_artists(whole)
    assert [a.arrow_patch.get_arrowstyle().__class__.__name__ for a in arrows] == ["CurveAB"]
    boxes = text_boxes(shown)
    ax, arrows = lag_artists(shown)
    assert [a.arrow_patch.get_arrowstyle().__class__.__name__ for a in arrows] == ["CurveB"]
    assert "function first: 13 days earlier, from before this chart" in boxes
    edge = next(box for text, box in boxes.items() if "← function up from Sun 11 Oct" in text)
    assert ax.bbox.x0 - 0.01 <= edge.x0 and edge.x1 <= ax.bbox.x1
    texts = text_boxes(whole)
    assert not any("before this chart" in t or "←" in t for t in texts)


def test_the_plot_command_says_an_early_onset_too(run, demo_db, tmp_path):
    out = tmp_path / "late.svg"
    args = ("plot", "recovery", "--from", "2026-10-15", "--out", str(out))
    assert run("--db", str(demo_db), *args).exit_code == 0
    text = svg_text(out)
    assert "← function up from Tue 6 Oct" in text and "from before this chart" in text


# -- every character printed ----------------------------------------------------------------

ODD = "bom\ufeff ok 👍🏽 hi 痛い ∑ café \u200b zero \U000e0041 tag \ue000 pua"


def test_what_the_fonts_lack_is_replaced_visibly_and_never_stops_a_report(run, db_path, tmp_path):
    from ampsdiary.plots import style
    from ampsdiary.report.glyphs import drawable

    diary = open_diary(db_path, create=True)
    diary.add_all([], [{"date": "2026-11-16", "function": 5, "day_note": ODD}], [])
    diary.set_setting("name", "Sam 👍🏽")
    diary.close()
    for suffix in (".pdf", ".html", ".md"):
        out = tmp_path / f"week{suffix}"
        result = run("report", "--out", str(out))
        assert result.exit_code == 0, result.output
    text = pdf_text((tmp_path / "week.pdf").read_bytes())
    with style.context():
        # (a character drawn from a fallback font reads back as a control code: left out)
        lacking = {c for c in text if c.isprintable() and not c.isspace() and not drawable(c)}
        assert not lacking  # no character is drawn as an empty box
        assert "[thumbs up sign]" in text and "Sam [thumbs up sign]" in text
        assert ("痛い" if drawable("痛") else "??") in text and "café" in text
    assert "\ufeff" not in text and "bom ok" in text
    assert "👍" in (tmp_path / "week.html").read_text()  # a browser has its own fonts


def test_docs_say_what_happens_to_a_missing_character():
    page = (Path(__file__).resolve().parent.parent / "docs" / "plots-and-reports.md").read_text()
    assert "prints as an empty box" not in page and "[thumbs up sign]" in page


# -- where the report goes ------------------------------------------------------------------


def test_a_report_without_out_is_named_by_its_week_in_this_folder(
    run, demo_db, tmp_path, monkeypatch
):
    monkeypatch.chdir(tmp_path)
    result = run("--db", str(demo_db), "report")
    assert result.exit_code == 0, result.output
    path = tmp_path / "ampsdiary-week-2026-W47.pdf"
    assert path.read_bytes().startswith(b"%PDF-")
    shown = path.resolve()
    assert result.output.startswith(f"Wrote the weekly report to {shown} (1 page): Week 47")
    data = json.loads(run("--db", str(demo_db), "report", "--week", "2026-W46", "--json").output)
    assert data["file"] == str((tmp_path / "ampsdiary-week-2026-W46.pdf").resolve())
    span = run("--db", str(demo_db), "report", "--from", "2026-10-01", "--to", "2026-10-31")
    assert (tmp_path / "ampsdiary-2026-10-01-to-2026-10-31.pdf").exists(), span.output
    early = run("--db", str(demo_db), "report", "--from", "2020-01-01", "--to", "2026-09-30")
    assert (tmp_path / "ampsdiary-2026-09-10-to-2026-09-30.pdf").exists(), early.output


def test_a_picture_without_out_is_named_by_what_it_shows(run, demo_db, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = run("--db", str(demo_db), "plot", "calendar", "--from", "2026-11-01")
    assert result.exit_code == 0, result.output
    path = tmp_path / "ampsdiary-calendar-2026-11-01-to-2026-11-18.png"
    assert path.read_bytes().startswith(b"\x89PNG") and str(path) in result.output


def test_a_pictures_legend_for_blanks_only_where_a_blank_is_drawn(run, tmp_path):
    for day in (16, 17, 18):
        args = ("--function", "6", "--skin-color", "normal", "--date", f"2026-11-{day}")
        run("log", "--pain", "4", *args)
    full, gappy = tmp_path / "full.svg", tmp_path / "gappy.svg"
    assert run("plot", "calendar", "--from", "2026-11-16", "--out", str(full)).exit_code == 0
    assert "white = not logged" not in svg_text(full)
    assert run("plot", "symptoms", "--from", "2026-11-16", "--out", str(full)).exit_code == 0
    assert "blank = not noted" not in svg_text(full)  # the skin was looked at every day
    run("log", "--pain", "4", "--date", "2026-11-14")
    assert run("plot", "calendar", "--from", "2026-11-14", "--out", str(gappy)).exit_code == 0
    assert "white = not logged" in svg_text(gappy)  # Sun 15 Nov is not logged
    assert run("plot", "symptoms", "--from", "2026-11-14", "--out", str(gappy)).exit_code == 0
    assert "Skin signs (blank = not noted)" in svg_text(gappy)
