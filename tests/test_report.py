"""Reports: one printed page a week, the summary's numbers, and never a private note."""

from __future__ import annotations

import datetime as dt
import json
import re
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from ampsdiary import daily
from ampsdiary.analysis.summary import week_summary
from ampsdiary.store import open_diary

PRIVATE = ("I hate that nobody believes how much it hurts.", "Crush said hi.")
DAY_NOTES = ("Walked to the shop with Mum.", "Played football at break for ten minutes!")
A4, LETTER = "0 0 595.44 841.68", "0 0 612 792"


def _unescape(raw: bytes) -> bytes:
    """A PDF string's bytes: backslash escapes and octal codes undone."""
    simple = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}

    def one(m: re.Match[bytes]) -> bytes:
        code = m.group(1)
        return bytes([int(code, 8) & 255]) if code[:1].isdigit() else simple.get(code, code)

    return re.sub(rb"\\([0-7]{1,3}|.)", one, raw, flags=re.S)


def pdf_text(data: bytes) -> str:
    """The text drawn in a matplotlib PDF: its compressed page streams, TJ arrays, UTF-16."""
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            content = zlib.decompress(stream)
        except zlib.error:
            continue
        for array in re.findall(rb"\[(.*?)\]\s*TJ", content, re.S):
            parts = re.findall(rb"\(((?:\\.|[^\\)])*)\)", array, re.S)
            found.append(b"".join(_unescape(p) for p in parts).decode("utf-16-be", "replace"))
    return "\n".join(found)


def pdf_pages(data: bytes) -> int:
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", data))


def media_box(data: bytes) -> str:
    return re.search(rb"/MediaBox\s*\[\s*([^\]]*?)\s*\]", data).group(1).decode()


class Parsed(HTMLParser):
    """Collects the visible text and every tag, and fails on a tag closed out of order."""

    VOID = frozenset({"meta", "br", "img", "link", "input", "hr", "path", "use", "stop", "rect"})

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text: list[str] = []
        self.tags: list[str] = []
        self.open: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag not in self.VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append(tag)

    def handle_endtag(self, tag):
        if tag not in self.VOID:
            assert self.open.pop() == tag

    def handle_data(self, data):
        self.text.append(data)


def write(run, db: Path, out: Path, *args: str):
    result = run("--db", str(db), "report", "--out", str(out), *args)
    assert result.exit_code == 0, result.output
    return result


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
    assert "Exercise against the goal" in text and "Day notes" in text
    assert "Function first: 19 days earlier" in text


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


@pytest.mark.parametrize("suffix", [".pdf", ".html", ".md"])
def test_private_notes_never_appear(run, demo_db, tmp_path, suffix):
    """The whole demo (both private notes, every day note) and the week of a private note."""
    whole, week = tmp_path / f"all{suffix}", tmp_path / f"week{suffix}"
    write(run, demo_db, whole, "--from", "2026-09-10")
    write(run, demo_db, week, "--week", "2026-10-20")  # the week of "Crush said hi."
    for out in (whole, week):
        data = out.read_bytes()
        text = pdf_text(data) if suffix == ".pdf" else data.decode()
        for note in PRIVATE:
            assert note not in text and note.encode() not in data
            assert note.encode("utf-16-be") not in data
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
    assert "Function first: 19 days earlier" in text


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
    diary = open_diary(path)
    diary.write_all(entries, days, sessions)
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
    diary = open_diary(fortnight)
    this = daily.load(diary, dt.date(2026, 11, 9), dt.date(2026, 11, 15))
    last = daily.load(diary, dt.date(2026, 11, 2), dt.date(2026, 11, 8))
    diary.close()
    summary = week_summary(this, last, 30)
    for row in summary.rows:
        label = row.label.strip()
        assert f"{label} | {row.this} | {row.last} |" in text, row
    assert f"**{summary.headline}**" in text
    assert "- **Wed 11 Nov**: note 2026-11-11" in text and "secret crush" not in text


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
        (("--from", "2026-01-01", "--to", "2026-01-31"), "nothing is logged from 2026-01-01"),
    ],
)  # fmt: skip
def test_bad_requests_are_one_clear_line(run, fortnight, tmp_path, args, message):
    out = tmp_path / "r.pdf"
    result = run("--db", str(fortnight), "report", "--out", str(out), *args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output
    assert not out.exists()


def test_unknown_suffix_and_empty_diary(run, db_path, tmp_path):
    bad = run("report", "--out", str(tmp_path / "r.docx"))
    assert bad.exit_code == 2
    assert "end the name with .pdf, .html or .md" in bad.output
    empty = run("report", "--out", str(tmp_path / "r.pdf"))
    assert empty.exit_code == 2
    assert "Error: report: the diary is empty" in empty.output
