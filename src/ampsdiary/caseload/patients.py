"""One patient's review: read their exports, merge them, run the recovery analysis, flag.

The analysis is `analysis.recovery.analyse`, the very function `ampsdiary recovery` runs,
on the days the exports give (first logged day to the day of the review) with the
treatment start and exercise goal they carry: a patient's row says what their own
`recovery` would say that day. What is kept of a patient is small (a table row, the two
smoothed lines for the page, and the JSON text when asked for), so a caseload of any size
is reviewed one patient at a time, in one process or several.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from array import array
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from ..analysis.measures import rounded
from ..analysis.recovery import PATTERNS, Recovery, analyse
from .files import Found, Skipped
from .flags import flags
from .merge import merge
from .read import Damaged, read

RECENT_DAYS = 14  # "logged in the last 14 days"
PAGE_POINTS = 150  # the most points of a patient's lines kept for the page (1.4 in wide)


@dataclass
class Patient:
    """A patient's row of the caseload table and the lines of their small picture."""

    patient_id: str
    files: list[str]
    flags: dict[str, str]  # name -> why, in FLAGS order
    first_day: dt.date
    last_logged: dt.date
    end: dt.date
    logged_recent: int
    function: tuple[float | None, float | None]  # the baseline and the last 7 days
    pain: tuple[float | None, float | None]
    function_onset: dt.date | None
    pain_onset: dt.date | None
    lag_days: int | None
    pattern: str
    exercise_per_week: int | None
    step: int = 1  # days between the kept points of the lines
    lines: tuple[array, array] = field(default_factory=lambda: (array("d"), array("d")))
    document: str | None = None  # the patient's JSON object, when asked for

    @property
    def days_covered(self) -> int:
        """Calendar days from the first to the last logged day."""
        return (self.last_logged - self.first_day).days + 1

    def row(self) -> dict[str, Any]:
        """The table's values as plain JSON types: the CSV's columns (ROW_KEYS)."""
        return {
            "patient_id": self.patient_id,
            "flags": list(self.flags),
            "days_covered": self.days_covered,
            "logged_last_14": self.logged_recent,
            "last_logged": self.last_logged.isoformat(),
            "function_baseline": _two(self.function[0]),
            "function_last_7": self.function[1],
            "pain_baseline": _two(self.pain[0]),
            "pain_last_7": self.pain[1],
            "function_onset": _iso(self.function_onset),
            "pain_onset": _iso(self.pain_onset),
            "lag_days": self.lag_days,
            "pattern": self.pattern,
            "exercise_minutes_per_week": self.exercise_per_week,
            "files": self.files,
        }


ROW_KEYS = (
    "patient_id", "flags", "days_covered", "logged_last_14", "last_logged", "function_baseline",
    "function_last_7", "pain_baseline", "pain_last_7", "function_onset", "pain_onset",
    "lag_days", "pattern", "exercise_minutes_per_week", "files",
)  # fmt: skip


def _two(value: float | None) -> float | None:
    return rounded(value, 2)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def review(
    patient: str,
    found: list[Found],
    end: dt.date,
    with_json: bool = False,
) -> tuple[Patient | None, list[Skipped]]:
    """One patient's exports (oldest first) reviewed up to `end`; damaged files are
    skipped with their reason, and a patient with nothing left to review is one too."""
    reads, skipped = [], []
    rows = sum(f.kind != "table" for f in found) > 1  # merge their entries by id
    for f in found:
        try:
            reads.append(read(f, rows))
        except Damaged as error:
            skipped.append(Skipped(str(f.path), str(error)))
    if not reads:
        return None, skipped
    merged = merge(reads, end)
    if merged is None:
        names = ", ".join(r.found.name for r in reads)
        said = f"has nothing logged on or before {end} ({names})"
        return None, [*skipped, Skipped(f"patient {patient}", said)]
    days = merged.days
    recovery = analyse(days, merged.treatment_start, goal=merged.goal)
    logged = [d.date for d in days if d.logged]
    result = _patient(patient, [str(r.found.path) for r in reads], recovery, logged, end)
    if with_json:
        result.document = json.dumps(document(result, recovery), ensure_ascii=False)
    return result, skipped


def _patient(
    patient: str, files: list[str], r: Recovery, logged: list[dt.date], end: dt.date
) -> Patient:
    recent = end - dt.timedelta(days=RECENT_DAYS - 1)
    step = max(1, math.ceil(len(r.dates) / PAGE_POINTS))
    keep = range(len(r.dates) - 1, -1, -step)[::-1]  # the last day always kept
    lines = tuple(
        array("d", (math.nan if smoothed[i] is None else smoothed[i] for i in keep))
        for smoothed in (r.function_smooth, r.pain_smooth)
    )
    return Patient(
        patient_id=patient,
        files=files,
        flags=flags(r, logged[-1], end),
        first_day=logged[0],
        last_logged=logged[-1],
        end=end,
        logged_recent=sum(d >= recent for d in logged),
        function=(r.baseline["function"], r.last_7.stats["function"].mean),
        pain=(r.baseline["pain"], r.last_7.stats["pain"].mean),
        function_onset=r.function_onset,
        pain_onset=r.pain_onset,
        lag_days=r.lag_days,
        pattern=r.pattern,
        exercise_per_week=r.exercise_per_week,
        step=step,
        lines=lines,  # type: ignore[arg-type]
    )


def document(p: Patient, r: Recovery) -> dict[str, Any]:
    """The patient's JSON: who, the flags and their reasons, the table's own numbers, and
    every key of `recovery --json`."""
    return {
        "patient_id": p.patient_id,
        "flags": list(p.flags),
        "flag_reasons": p.flags,
        "files": p.files,
        "days_covered": p.days_covered,
        "logged_last_14": p.logged_recent,
        "last_logged": p.last_logged.isoformat(),
        **r.as_json(),
    }


def _job(args: tuple[str, list[Found], dt.date, bool]) -> tuple[Patient | None, list[Skipped]]:
    return review(*args)


# Patients from which several processes are quicker: starting one takes about half a second
# (it imports the analysis), a patient's year about 15 ms.
POOL_FROM = 100


def review_all(
    groups: dict[str, list[Found]], end: dt.date, with_json: bool = False, workers: int = 1
) -> Iterator[tuple[Patient | None, list[Skipped]]]:
    """Every patient's review, in the order of `groups`, in `workers` processes (each
    reads one patient at a time, so memory does not grow with the caseload)."""
    jobs = [(patient, found, end, with_json) for patient, found in groups.items()]
    if workers <= 1 or len(jobs) < POOL_FROM:
        yield from map(_job, jobs)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn, not fork: the progress bar's thread must not be copied half-way through a write
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, mp_context=context) as pool:
        yield from pool.map(_job, jobs, chunksize=8)


# Sorting: flagged patients first, then by the chosen column (blanks last), then by id.
SORTS = {
    "patient": lambda p: p.patient_id,
    "days": lambda p: p.days_covered,
    "last-14": lambda p: p.logged_recent,
    "last-logged": lambda p: p.last_logged,
    "function": lambda p: p.function[1],
    "pain": lambda p: p.pain[1],
    "function-onset": lambda p: p.function_onset,
    "pain-onset": lambda p: p.pain_onset,
    "lag": lambda p: p.lag_days,
    "pattern": lambda p: PATTERNS.index(p.pattern),
    "exercise": lambda p: p.exercise_per_week,
    "flags": lambda p: -len(p.flags),
}


def ordered(patients: list[Patient], sort: str = "patient") -> list[Patient]:
    """Flagged patients first, then by `sort`, ascending, blanks last; then by id."""
    key = SORTS[sort]

    def rank(p: Patient) -> tuple:
        value = key(p)
        return (not p.flags, value is None, value if value is not None else 0, p.patient_id)

    return sorted(patients, key=rank)


def only(patients: list[Patient], wanted: list[str]) -> list[Patient]:
    """The patients with any of the `wanted` flags (all patients when none is wanted)."""
    if not wanted:
        return patients
    return [p for p in patients if any(name in p.flags for name in wanted)]
