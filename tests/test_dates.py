"""Friendly dates against a pinned today (Wednesday 2026-11-18)."""

from __future__ import annotations

import datetime as dt

import pytest

from ampsdiary.dates import parse_date, week_of
from ampsdiary.errors import DiaryError


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("today", "2026-11-18"),
        ("yesterday", "2026-11-17"),
        ("wed", "2026-11-18"),  # today is Wednesday: the most recent one is today
        ("mon", "2026-11-16"),
        ("Thursday", "2026-11-12"),
        ("sun", "2026-11-15"),
        ("3d", "2026-11-15"),
        ("10 days ago", "2026-11-08"),
        ("2026-02-28", "2026-02-28"),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == dt.date.fromisoformat(expected)


@pytest.mark.parametrize("text", ["2026-11-19", "tomorrow", "2026-13-01", "mo"])
def test_refused_dates(text):
    with pytest.raises(DiaryError):
        parse_date(text)


@pytest.mark.parametrize(
    ("text", "monday"),
    [
        (None, "2026-11-16"),
        ("2026-W47", "2026-11-16"),
        ("2026-w01", "2025-12-29"),
        ("sun", "2026-11-09"),
    ],
)
def test_week_of(text, monday):
    assert week_of(text) == dt.date.fromisoformat(monday)


def test_week_out_of_range():
    with pytest.raises(DiaryError, match="not a week"):
        week_of("2026-W60")
