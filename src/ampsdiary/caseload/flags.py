"""The four flags of the caseload review: who needs a look first.

Each is worked out from the recovery analysis of the patient's diary up to the day of the
review, with the diary's own rules (docs/analysis.md, "Flags"): the 7-day means of the
smoothed line (at least 4 logged days in a week, else unknown: no flag), the one rule for
a real change (2 points on a 0-10 scale, compared at one decimal as shown), and the
onset's own threshold for an improvement that no longer holds.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..analysis.measures import EPS, SCALES, compare, number, one, plural
from ..dates import day_label

if TYPE_CHECKING:  # the CLI reads FLAGS for its --help: no analysis loaded for that
    from ..analysis.recovery import Recovery

QUIET_DAYS = 7  # nothing logged for this many days up to the review: stopped logging
WEEK = 7  # the last 7 days, against the 7 before them


@dataclass(frozen=True)
class Flag:
    name: str  # as --flag and the JSON name it
    label: str  # as the table says it
    rule: str  # the definition, with its threshold


FLAGS = {
    f.name: f
    for f in (
        Flag("stopped-logging", "stopped logging",
             f"nothing logged in the last {QUIET_DAYS} days or more, up to --as-of"),
        Flag("function-falling", "function falling",
             "function's 7-day mean at least 2 points below the 7 days before"),
        Flag("pain-rising", "pain rising",
             "pain's 7-day mean at least 2 points above the 7 days before"),
        Flag("worse-again", "worse again",
             "function or pain improved (an onset), and the last 7 days are back within "
             "2 points of the baseline"),
    )
}  # fmt: skip


def flags(recovery: Recovery, last_logged: dt.date, end: dt.date) -> dict[str, str]:
    """Each flag that fires, by name, with why in words; in the order of FLAGS."""
    found = {}
    quiet = (end - last_logged).days
    if quiet >= QUIET_DAYS:
        found["stopped-logging"] = (
            f"nothing logged since {day_label(last_logged)} ({plural(quiet, 'day')})"
        )
    for name, smoothed, flag in (
        ("function", recovery.function_smooth, "function-falling"),
        ("pain", recovery.pain_smooth, "pain-rising"),
    ):
        now, before = _weeks(smoothed)
        if compare(SCALES[name], one(now), one(before))[1] == "worse":
            found[flag] = (
                f"{name} {number(before)} -> {number(now)} (the week before, the last 7 days)"
            )
    if lost := _lost(recovery):
        found["worse-again"] = lost
    return found


def _weeks(smoothed: list[float | None]) -> tuple[float | None, float | None]:
    """The 7-day means of the last day and of the day a week before (None: unknown)."""
    now = smoothed[-1] if smoothed else None
    before = smoothed[-1 - WEEK] if len(smoothed) > WEEK else None
    return now, before


def _lost(r: Recovery) -> str:
    """Why an improvement no longer holds, or '' while each one found still does."""
    said = []
    for name, smoothed, sign, moved in (
        ("function", r.function_smooth, 1, "improved"),
        ("pain", r.pain_smooth, -1, "eased"),
    ):
        onset, base, now = r.onset(name), r.baseline[name], _weeks(smoothed)[0]
        if onset is None or base is None or now is None:
            continue
        if sign * (now - base) < r.threshold - EPS:
            said.append(
                f"{name} {moved} from {day_label(onset)}, and the last 7 days ({number(now)}) "
                f"are back within {r.threshold:g} points of the baseline ({number(base)})"
            )
    return "; ".join(said)
