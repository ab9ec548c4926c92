"""Reports: one printed page a week, the summary's numbers, and never a private note."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest

from ampsdiary import open_diary
from ampsdiary.analysis.summary import week_summary
from conftest import no_traceback
from makers import write
from readback import Parsed, pdf_pages, pdf_text

PRIVATE = ("I hate that nobody believes how much it hurts.", "Crush said hi.")
DAY_NOTES = ("Walked to the shop with Mum.", "Played football at break for ten minutes!")
A4, LETTER = "0 0 595.44 841.68", "0 0 612 792"


def media_box(data: bytes) -> str:
    return re.search(rb"/MediaBox\s*\[\s*([^\]]*?)\s*\]", data).group(1).decode()


def demo_lag_line(run, demo_db: Path) -> str:
    """'Function first: N days earlier', N from the `recovery` command: the report says
    what the analysis says."""
    analysis = json.loads(run("--db", str(demo_db), "recovery", "--json").output)
    onsets = [dt.date.fromisoformat(analysis[k]) for k in ("function_onset", "pain_onset")]
    return f"Function first: {(onsets[1] - onsets[0]).days} days earlier"


def test_weekly_pdf_is_one_a4_page_with_the_week_and_the_name(run, demo_db, tmp_path):
    out = tmp_path / "week.pdf"
    result = write(run, demo_db, out)
    data = out.read_bytes()
    assert data.startswith(b"%PDF-") and len(data) > 20_000
    assert pdf_pages(data) == 1 and media_box(data) == A4
    assert "(1 page)" in result.output
    text = pdf_text(data)
    assert "Weekly report" in text and "Demo Teen (DEMO-001)" in text
    assert "Week 47, Mon 16 Nov" in text  # the en dash is drawn from another font
    assert "Exercise against" in text and "Day notes" in text
    assert demo_lag_line(run, demo_db) in text


def test_the_weekly_charts_first_month_is_named(run, demo_db, tmp_path):
    """Its 8 weeks start on Mon 21 Sep: the first tick says 'Sep', not a bare '22'."""
    out = tmp_path / "week.pdf"
    write(run, demo_db, out, "--week", "2026-W46")
    assert "22 Sep" in pdf_text(out.read_bytes()).splitlines()


def test_letter_paper(run, demo_db, tmp_path):
    out = tmp_path / "week.pdf"
    write(run, demo_db, out, "--paper", "letter", "--week", "2026-W46")
    data = out.read_bytes()
    assert pdf_pages(data) == 1 and media_box(data) == LETTER


def test_longer_period_runs_to_several_pages(run, demo_db, tmp_path):
    out = tmp_path / "all.pdf"
    result = write(run, demo_db, out, "--from", "2026-09-10", "--to", "2026-11-18", "--json")
    data = out.read_bytes()
    assert pdf_pages(data) == json.loads(result.output)["pages"] >= 2
    text = pdf_text(data)
    assert "Diary report" in text and "Week by week" in text
    assert all(note in text for note in DAY_NOTES)


def test_markdown_says_no_chart_it_does_not_have(run, demo_db, tmp_path):
    """The therapist's Markdown has no chart, so no chart heading or caption either; the
    week-by-week table carries the same numbers. The weekly one keeps its chart in numbers."""
    longer, weekly = tmp_path / "all.md", tmp_path / "week.md"
    write(run, demo_db, longer, "--from", "2026-09-10")
    write(run, demo_db, weekly, "--week", "2026-W46")
    text = longer.read_text()
    assert "## Function and pain" not in text and "Bold lines are" not in text
    assert "## Week by week" in text
    lines = text.splitlines()
    for n, line in enumerate(lines):
        if line.startswith("## "):
            following = next(line for line in lines[n + 1 :] if line.strip())
            assert not following.startswith(("#", "**")), (line, following)
    week = weekly.read_text()
    assert "## Function and pain, Mon 21 Sep – Sun 15 Nov 2026" in week  # 8 weeks
    assert "| Week of | Days logged | Function | Pain |" in week


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".md"])
def test_private_notes_never_appear(run, demo_db, tmp_path, suffix):
    """The whole demo (both private notes, every day note) and the week of a private note."""
    whole, week = tmp_path / f"all{suffix}", tmp_path / f"week{suffix}"
    write(run, demo_db, whole, "--from", "2026-09-10")
    write(run, demo_db, week, "--week", "2026-10-20")  # the week of "Crush said hi."
    for out in (whole, week):
        data = out.read_bytes()
        text = pdf_text(data) if suffix == ".pdf" else data.decode()
        assert not any(note in text for note in PRIVATE)
    text = pdf_text(whole.read_bytes()) if suffix == ".pdf" else whole.read_text()
    assert all(note in text for note in DAY_NOTES)  # day notes are shown, so notes are drawn


def test_html_is_self_contained_and_well_formed(run, demo_db, tmp_path):
    out = tmp_path / "week.html"
    write(run, demo_db, out, "--week", "2026-W46")
    html = out.read_text()
    page = Parsed(html)
    assert not page.open
    assert "svg" in page.tags and "table" in page.tags
    assert not {"img", "link", "script", "iframe"} & set(page.tags)
    assert not re.search(r'(src|href)="https?:', html)
    assert "@page { size: A4" in html
    text = "".join(page.text)
    assert "Sleepover at Sam's." in text  # the week's day note
    assert demo_lag_line(run, demo_db) in text


def test_html_keeps_indents_and_long_words_on_the_page(run, demo_db, tmp_path):
    """A browser drops leading spaces, so '  aerobic' (a part of the exercise total) is
    indented by a class; and a long pasted link in a note wraps instead of running off."""
    out = tmp_path / "week.html"
    write(run, demo_db, out, "--week", "2026-W46")
    html = out.read_text()
    assert '<td class="sub">aerobic</td>' in html
    assert not re.search(r"<td[^>]*> ", html)
    assert re.search(r"td\.sub \{[^}]*padding-left", html)
    assert re.search(r"dl\.notes dd \{[^}]*overflow-wrap: anywhere", html)


# A hand-made fortnight. Week before (Mon 2 - Sun 8 Nov): function 3 and 5 (mean 4.0), pain
# 6 and 8 (mean 7.0). This week (Mon 9 - Wed 11 Nov, today being Wed 18 pinned later weeks
# away): function 5, 6, 7 (mean 6.0), pain 5, 4, 3 (mean 4.0). Exercise goal 30: this week
# 40, 20, 30 minutes (met on 2 of 3 days, 90 min in all, 30 a day).
LAST = {"2026-11-02": (3, 6, 0), "2026-11-05": (5, 8, 0)}
THIS = {"2026-11-09": (5, 5, 40), "2026-11-10": (6, 4, 20), "2026-11-11": (7, 3, 30)}


@pytest.fixture
def fortnight(tmp_path: Path) -> Path:
    path = tmp_path / "fortnight.db"
    entries, days, sessions = [], [], []
    for date, (function, pain, minutes) in {**LAST, **THIS}.items():
        entries.append({"date": date, "time": "08:00", "pain": pain})
        days.append({"date": date, "function": function, "day_note": f"note {date}"})
        if minutes:
            sessions.append({"date": date, "kind": "aerobic", "minutes": minutes})
    days[-1]["private_note"] = "secret crush"
    diary = open_diary(path, create=True)
    diary.add_all(entries, days, sessions)
    diary.set_setting("exercise-goal", "30")
    diary.set_setting("name", "Sam")
    diary.close()
    return path


def test_report_numbers_are_the_summary_numbers(run, fortnight, tmp_path):
    md = tmp_path / "week.md"
    write(run, fortnight, md, "--week", "2026-W46")
    text = md.read_text()
    # By hand:
    assert "| Function (average) | 6.0 (3 days) | 4.0 (2 days) | ↑ better |" in text
    assert "| Pain (average) | 4.0 (3 days) | 7.0 (2 days) | ↓ better |" in text
    assert "| Days logged | 3 of 7 | 2 of 7 |  |" in text
    assert "| Exercise goal met | 2 of 3 days | 0 of 2 days | ↑ better |" in text
    assert "Goal 30 minutes a day, met on 2 of 3 days. Minutes: Mon 40 ✓, Tue 20, Wed 30 ✓." in text
    assert "# Weekly report – Sam" in text and "**Week 46, Mon 9 Nov – Sun 15 Nov 2026**" in text
    # And every row as `week_summary` (the `summary` command's analysis) has it:
    diary = open_diary(fortnight, create=True)
    this = diary.days(dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    last = diary.days(dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    diary.close()
    summary = week_summary(this, last, 30)
    for row in summary.rows:
        label = row.label.strip()
        assert f"{label} | {row.this} | {row.last} |" in text, row
    assert f"**{summary.headline}**" in text
    assert "- **Wed 11 Nov**: note 2026-11-11" in text and "secret crush" not in text


def test_a_one_point_lowest_is_the_same_in_summary_and_report(run, demo_db, tmp_path):
    """Week 46 of the demo: pain's lowest day 2 -> 3 is one day's wobble, not 'worse'."""
    md = tmp_path / "w46.md"
    write(run, demo_db, md, "--week", "2026-W46")
    assert "| Pain lowest | 3 | 2 | → same |" in md.read_text()
    said = run("--db", str(demo_db), "summary", "--week", "2026-W46").output
    assert "Pain lowest 3 2 → same" in " ".join(said.split())


def test_same_numbers_in_every_format(run, fortnight, tmp_path):
    outputs = {}
    for suffix in (".pdf", ".html", ".md"):
        out = tmp_path / f"week{suffix}"
        write(run, fortnight, out, "--week", "2026-11-10")
        data = out.read_bytes()
        outputs[suffix] = pdf_text(data) if suffix == ".pdf" else data.decode()
    for text in outputs.values():
        for value in ("6.0 (3 days)", "4.0 (2 days)", "7.0 (2 days)", "2 of 3 days"):
            assert value in text
        assert "secret crush" not in text
    assert "note 2026-11-11" in "".join(Parsed(outputs[".html"]).text)


def test_json_says_what_was_written(run, fortnight, tmp_path):
    out = tmp_path / "week.pdf"
    result = write(run, fortnight, out, "--week", "2026-W46", "--json")
    data = json.loads(result.output)
    assert data["file"] == str(out) and data["pages"] == 1
    assert data["summary"]["this_week"]["function"]["mean"] == 6.0
    summary = json.loads(
        run("--db", str(fortnight), "summary", "--week", "2026-W46", "--json").output
    )
    assert data["summary"]["headline"] == summary["headline"]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--week", "2026-W46", "--from", "2026-11-01"), "--week: '2026-W46' cannot be used with"),
        (("--paper", "a5"), "--paper: 'a5' is not allowed; use one of: a4, letter"),
        (("--week", "2026-W40"), "'2026-W40' has nothing logged (2026-09-28 to 2026-10-04)"),
        (("--week", "2027-W02"), "is in the future"),
        (("--to", "2026-09-01"), "--to: '2026-09-01' is before the diary's first day (2026-11-02)"),
        (("--from", "2026-11-06", "--to", "2026-11-08"), "report: nothing is logged from"),
    ],
)  # fmt: skip
def test_bad_requests_are_one_clear_line(run, fortnight, tmp_path, args, message):
    out = tmp_path / "r.pdf"
    result = run("--db", str(fortnight), "report", "--out", str(out), *args)
    no_traceback(result)
    assert result.exit_code == 2, result.output
    assert message in result.output
    assert not out.exists()


def test_unknown_suffix(run, tmp_path):
    bad = run("report", "--out", str(tmp_path / "r.docx"))
    assert bad.exit_code == 2
    assert "end the name with .pdf, .html or .md" in bad.output


def test_dollar_signs_are_text_not_formulas(run, tmp_path):
    """matplotlib reads $...$ as a formula: '$x^$' crashed the PDF, '$5 ... $3' lost spaces."""
    notes = ("price $x^$ ok", "Got $5 from mum, spent $3")
    run("log", "--function", "5", "--day-note", notes[0], "--date", "mon")
    run("log", "--function", "6", "--day-note", notes[1], "--date", "tue")
    assert run("config", "set", "name", r"Sam $\alpha$").exit_code == 0
    out = tmp_path / "week.pdf"
    result = run("report", "--out", str(out))
    assert result.exit_code == 0, result.output
    text = pdf_text(out.read_bytes())
    assert all(note in text for note in notes) and r"Sam $\alpha$" in text
    md = tmp_path / "week.md"
    assert run("report", "--out", str(md)).exit_code == 0
    assert r"price \$x^\$ ok" in md.read_text()  # GitHub would read $...$ as a formula too


def test_a_day_without_sessions_is_not_zero_minutes(run, tmp_path):
    run("config", "set", "exercise-goal", "30")
    run("log", "--function", "5", "--date", "2026-11-09")  # Mon: logged, no session
    run("exercise", "aerobic", "40", "--date", "2026-11-10")  # Tue: 40 minutes
    run("log", "--function", "5", "--date", "2026-11-02")  # the week before: no sessions
    out = tmp_path / "week.md"
    assert run("report", "--out", str(out), "--week", "2026-W46").exit_code == 0
    text = out.read_text()
    assert "Minutes: Tue 40 ✓. No sessions logged on Mon." in text and "Mon 0" not in text
    assert run("report", "--out", str(out), "--week", "2026-W45").exit_code == 0
    text = out.read_text()
    assert "No sessions logged." in text and "Minutes:" not in text


def test_unprintable_text_leaves_only_our_one_line(run, tmp_path, recwarn):
    """No control characters printed, and no 'Glyph missing' warnings on the terminal."""
    note = "痛い 今日は 😀 ok\x1b[31m red\x00 done\x07"
    diary = open_diary(tmp_path / "diary.db", create=True)
    diary.add_all([], [{"date": "2026-11-16", "function": 5, "day_note": note}], [])
    diary.close()
    for suffix in (".pdf", ".md", ".html"):
        out = tmp_path / f"week{suffix}"
        result = write(run, tmp_path / "diary.db", out)
        assert result.output.count("\n") == 1 and result.output.startswith("Wrote the weekly")
        data = out.read_bytes()
        text = pdf_text(data) if suffix == ".pdf" else data.decode().replace("\\[", "[")
        assert "ok[31m red done" in text  # the escape, NUL and bell are gone
        assert not {"\x1b", "\x07"} & set(text)
    assert not [w for w in recwarn if "Glyph" in str(w.message)]


def test_a_future_week_is_refused_the_same_way_everywhere(run, fortnight, tmp_path):
    outputs = {
        run("--db", str(fortnight), *args, "--week", "2026-W50").output
        for args in (("summary",), ("report", "--out", str(tmp_path / "r.pdf")))
    }
    assert outputs == {"Error: --week: '2026-W50' is in the future; the latest week is 2026-W47\n"}


TODAY_NOTE, TODAY_PRIVATE = "Felt brave today.", "Nobody may read this one."


@pytest.mark.parametrize(
    ("args", "note"),
    [
        (("report", "--out", "r.pdf", "--week", "2026-09-25"), DAY_NOTES[0]),
        (("report", "--out", "r.md", "--from", "2026-09-10"), DAY_NOTES[1]),
        (("plot", "recovery", "--out", "p.svg"), None),  # no notes in these at all
        (("trends",), None),
        (("recovery",), None),
        (("summary", "--week", "2026-09-25"), DAY_NOTES[0]),
        (("show", "--days", "70"), DAY_NOTES[1]),
    ],
)
def test_private_notes_never_reach_json(run, demo_db, tmp_path, monkeypatch, args, note):
    """The demo's two private notes and one written today, beside a day note today."""
    monkeypatch.chdir(tmp_path)
    db = ("--db", str(demo_db))
    logged = run(*db, "log", "--day-note", TODAY_NOTE, "--private-note", TODAY_PRIVATE)
    assert logged.exit_code == 0, logged.output
    result = run(*db, *args, "--json")
    assert result.exit_code == 0, result.output
    text = json.dumps(json.loads(result.output), ensure_ascii=False)
    assert not any(private in text for private in (*PRIVATE, TODAY_PRIVATE))
    assert note is None or note in text
