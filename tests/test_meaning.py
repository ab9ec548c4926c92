"""What colours, rows and pictures mean: better is green, every measure is there, pain is pain."""

from __future__ import annotations

import re

from ampsdiary.analysis.measures import SCALES
from readback import svg_text


def week_of_logs(run) -> None:
    """Last week hard, this week easier: function up and pain down, both 'better'."""
    for day in range(9, 16):
        run("log", "--pain", "7", "--function", "3", "--mood", "4", "-d", f"2026-11-{day:02}")
    for day in (16, 17, 18):
        run("log", "--pain", "3", "--function", "7", "--mood", "7", "-d", f"2026-11-{day:02}")


def test_the_summary_has_a_row_for_every_scale(run):
    week_of_logs(run)
    out = run("summary").output
    for measure in SCALES.values():
        assert f"{measure.label} (average)" in out


def test_in_colour_better_is_green_and_worse_is_red(run, monkeypatch):
    week_of_logs(run)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    monkeypatch.setenv("TERM", "xterm-256color")
    out = run("summary").output
    green, red = "\x1b[32m", "\x1b[31m"
    pain = next(line for line in out.splitlines() if line.startswith("Pain (average)"))
    assert f"{green}↓ better" in pain and red not in pain  # pain went down: good


def test_the_calendar_draws_the_measure_asked_for(run, tmp_path):
    run("log", "--pain", "2", "--function", "9", "-d", "2026-11-17")
    run("log", "--pain", "3", "-d", "2026-11-17")  # pain 2.5 that day, a value only pain has
    texts = {}
    for measure in ("pain", "function"):
        out = tmp_path / f"{measure}.svg"
        assert run("plot", "calendar", "--measure", measure, "--out", str(out)).exit_code == 0
        texts[measure] = svg_text(out)
    assert "2.5" in texts["pain"] and "2.5" not in texts["function"]


def test_function_and_pain_lines_have_their_own_colours(run, demo_db, tmp_path):
    out = tmp_path / "recovery.svg"
    run("--db", str(demo_db), "plot", "recovery", "--out", str(out))
    strokes = set(re.findall(r"stroke: (#[0-9a-f]{6})", out.read_text()))
    assert {"#0072b2", "#d55e00"} <= strokes  # blue function, vermilion pain (Okabe-Ito)
