"""The caseload table as words: its columns and each patient's cells, the same on the
screen, on the printed page and in the HTML, so the three never say different things."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.measures import number, plural
from ..dates import day_label
from .flags import FLAGS

if TYPE_CHECKING:
    from .files import Skipped
    from .patients import Patient

# (title, alignment): every column a therapist scans, function before pain.
COLUMNS = (
    ("Patient", "left"), ("Flags", "left"), ("Days", "right"), ("Last 14", "right"),
    ("Last logged", "left"), ("Function", "left"), ("Pain", "left"),
    ("Function onset", "left"), ("Pain onset", "left"), ("Lag, days", "right"),
    ("Pattern", "left"), ("Exercise, min/week", "right"),
)  # fmt: skip
# What --sort takes, in the order of the columns (patients.SORTS orders by each).
SORT_COLUMNS = (
    "patient", "flags", "days", "last-14", "last-logged", "function", "pain", "function-onset",
    "pain-onset", "lag", "pattern", "exercise",
)  # fmt: skip
NOTE = (
    "Function and pain: the baseline → the last 7 days (means, 0-10). Days: first to last "
    "day logged; Last 14: days logged in the last 14. Flags: docs/caseload-review.md."
)


@dataclass(frozen=True)
class Shown:
    """What a review shows: the patients in their order, the day of the review, how many
    were reviewed before --flag chose (`total`), the flags chosen and the files skipped."""

    patients: list[Patient]
    end: dt.date
    total: int
    wanted: tuple[str, ...] = ()
    skipped: tuple[Skipped, ...] = ()

    def counts(self) -> str:
        """'Wed 18 Nov 2026: 40 patients, 7 flagged.'; with --flag, of how many."""
        flagged = sum(bool(p.flags) for p in self.patients)
        which = f" with {' or '.join(self.wanted)} (of {self.total})" if self.wanted else ""
        shown = plural(len(self.patients), "patient")
        return f"{day_label(self.end)} {self.end.year}: {shown}{which}, {flagged} flagged."

    def title(self) -> str:
        """'Caseload review, Wed 18 Nov 2026: 40 patients, 7 flagged.'"""
        return f"Caseload review, {self.counts()}"


def cells(p: Patient, end: dt.date) -> list[str]:
    """A patient's row, one text a column of COLUMNS."""
    last = day_label(p.last_logged)
    if p.last_logged.year != end.year:
        last += f" {p.last_logged.year}"
    return [
        p.patient_id,
        ", ".join(FLAGS[name].label for name in p.flags),
        str(p.days_covered),
        str(p.logged_recent),
        last,
        change(p.function),
        change(p.pain),
        onset(p.function_onset, p.function[0]),
        onset(p.pain_onset, p.pain[0]),
        "" if p.lag_days is None else str(p.lag_days),
        p.pattern.replace("-", " "),
        "" if p.exercise_per_week is None else str(p.exercise_per_week),
    ]


def change(values: tuple[float | None, float | None]) -> str:
    """'2.0 → 6.1': the baseline, then the last 7 days; '–' for a mean of no days."""
    base, last = (number(v) or "–" for v in values)
    return "" if base == last == "–" else f"{base} → {last}"


def onset(day: dt.date | None, base: float | None) -> str:
    """The onset's day; 'not yet'; or 'cannot tell' with no baseline to measure it from."""
    if day:
        return day_label(day)
    return "not yet" if base is not None else "cannot tell"
