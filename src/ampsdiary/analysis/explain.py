"""The recovery analysis in words: one short paragraph a parent understands.

Apart from recovery.py so the numbers and the sentences each read on their own page.
"Not yet" is said kindly, and a measure the baseline cannot judge is said so, never
passed off as "no change".
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..dates import day_label
from .baseline import BASELINE_DAYS
from .measures import number, plural, points
from .onsets import SMOOTH_MIN

if TYPE_CHECKING:
    from .recovery import Recovery

MEASURES = ("function", "pain")
# How each onset is said: function rises above the baseline, pain falls below it.
WORDS = {
    "function": {"start": "started to improve", "moved": "rose", "side": "above", "not": "risen"},
    "pain": {"start": "started to ease", "moved": "fell", "side": "below", "not": "eased"},
}


def explain(r: Recovery) -> str:
    """Why this baseline, what it was, and when function and pain started to improve."""
    judged = [name for name in MEASURES if r.baseline[name] is not None]
    parts = [_fallback(r), _baseline(r, judged)]
    if len(judged) == 2:
        parts.append(_both(r))
    elif judged:
        parts.append(_alone(r, judged[0]))
    if judged and r.pattern in ("function-only", "pain-only", "not-yet"):
        parts.append(_too_early(r))
    return " ".join(p for p in parts if p)


def _fallback(r: Recovery) -> str:
    """Why the baseline is not the week before the treatment start, when one is set."""
    start = r.treatment_start
    if start is None or r.baseline_source != "first-logged-days":
        return ""
    first = f"the first {plural(r.baseline_days, 'logged day')}"
    if start > r.dates[-1]:
        return (
            f"The treatment start ({day_label(start)}) is after the last day analysed "
            f"({day_label(r.dates[-1])}), so the baseline is {first}."
        )
    return (
        f"Nothing was logged in the {BASELINE_DAYS} days before the treatment start "
        f"({day_label(start)}), so the baseline is {first} instead."
    )


def _days(start: dt.date, end: dt.date) -> str:
    """'Thu 10 Sep to Wed 16 Sep', or one day alone: 'Wed 2 Dec'."""
    return day_label(start) if start == end else f"{day_label(start)} to {day_label(end)}"


def _baseline(r: Recovery, judged: list[str]) -> str:
    window = _days(r.baseline_start, r.baseline_end)
    if not judged:
        return (
            f"There are no function or pain scores in the baseline ({window}), so there is "
            f"nothing to compare with yet. {_other_days('days with scores')}"
        )
    f, p = (number(r.baseline[name]) for name in MEASURES)
    if len(judged) == 2:
        return f"During the baseline ({window}), function averaged {f} out of 10 and pain {p}."
    name = judged[0]
    said = f"During the baseline ({window}), {name} averaged {number(r.baseline[name])} out of 10."
    return f"{said} {_unjudged(r, 'pain' if name == 'function' else 'function')}"


def _unjudged(r: Recovery, name: str) -> str:
    """Why one of the two is left out: no scores in the baseline, or none at all."""
    if not r.whole.stats[name].days:
        return f"No {name} scores have been logged, so {name} is left out."
    return (
        f"No {name} scores were logged in it, so {name} cannot be judged. "
        f"{_other_days(f'days with {name} scores')}"
    )


def _other_days(which: str) -> str:
    """How to choose another baseline: the treatment start works in every command (plot and
    report have no baseline options), the baseline options in `recovery` only."""
    return (
        f"To use {which}, set the day treatment started (ampsdiary config set treatment-start "
        f"DATE; the baseline becomes the {BASELINE_DAYS} days before it). The recovery command "
        "can also try other days: ampsdiary recovery --baseline-from DATE --baseline-to DATE."
    )


def _now(r: Recovery, name: str) -> str:
    recent = r.last_7.mean(name)
    return "" if recent is None else f" (last 7 days {number(recent)})"


def _pending(r: Recovery, name: str) -> str:
    """Why the table can show a change the onset does not yet: its hold is not over."""
    dates = r.pending_of(name)
    if dates is None:
        return ""
    return (
        f"{name.capitalize()} has stayed at least {points(r.threshold)} {WORDS[name]['side']} "
        f"the baseline since {day_label(dates[0])}{_now(r, name)}; it counts as lasting once "
        f"that has held until {day_label(dates[1])}."
    )


def _lasting(r: Recovery, name: str) -> str:
    """'Function started to improve on Mon 14 Sep: its 7-day average rose ...'."""
    words = WORDS[name]
    stayed = f" and stayed there for the next {plural(r.hold_days, 'day')}" if r.hold_days else ""
    return (
        f"{name.capitalize()} {words['start']} on {day_label(r.onset(name))}: its 7-day average "
        f"{words['moved']} at least {points(r.threshold)} {words['side']} the baseline{stayed}."
    )


def _alone(r: Recovery, name: str) -> str:
    """The one measure the baseline can judge: its onset, its pending change, or not yet."""
    if r.onset(name):
        return _lasting(r, name)
    if said := _pending(r, name):
        return said
    not_yet = f"has not {WORDS[name]['not']} by {points(r.threshold)} yet"
    return f"{name.capitalize()} {not_yet}{_now(r, name)}."


def _both(r: Recovery) -> str:
    t = points(r.threshold)
    f, p, lag = r.function_onset, r.pain_onset, r.lag_days
    if f and p and r.pattern == "pain-first":
        return (
            f"Pain started to ease on {day_label(p)}, {plural(-lag, 'day')} before function "
            f"started to improve on {day_label(f)}. Function usually moves first, but both "
            "are clearly better now, and that is what counts."
        )
    if f and p and r.pattern == "together":
        return (
            f"Function started to improve on {day_label(f)} and pain started to ease on "
            f"{day_label(p)}: about the same time, and both by at least {t}."
        )
    if f:
        rose = _lasting(r, "function")
        if p:
            return (
                f"{rose} Pain started to ease {plural(lag, 'day')} later, on {day_label(p)}. "
                "That is the usual order in AMPS: doing more comes first, and pain eases later."
            )
        if r.pain_pending:
            return f"{rose} {_pending(r, 'pain')}"
        return (
            f"{rose} Pain has not eased by {t} yet{_now(r, 'pain')}. That is normal: "
            "function usually moves first, and pain often follows weeks or months later. "
            "Keep going."
        )
    if p and r.function_pending:
        return f"Pain started to ease on {day_label(p)}. {_pending(r, 'function')}"
    if p:
        return (
            f"Pain started to ease on {day_label(p)}. Function has not risen by {t} "
            f"yet{_now(r, 'function')}; doing a little more each day, step by step, is what "
            "usually brings it."
        )
    if r.function_pending or r.pain_pending:
        said = " ".join(p for p in (_pending(r, name) for name in MEASURES) if p)
        return f"There is no lasting change of {t} in function or pain yet. {said}"
    return (
        f"There is no lasting change of {t} in function or pain yet. That is common "
        "early on: function usually moves first, often after a few weeks of daily exercise, "
        "and pain eases later."
    )


def _too_early(r: Recovery) -> str:
    after = sum(d > r.baseline_end for d in r.dates)
    if r.function_pending or r.pain_pending:
        return "Keep logging, so it can count."
    if after > r.hold_days + SMOOTH_MIN:
        return "Keep logging, so you can see the change when it comes."
    lasts = f"once it has lasted {plural(r.hold_days, 'day')}" if r.hold_days else "at once"
    if not after:
        return (
            "Everything logged so far is the baseline; a change after it counts "
            f"{lasts}, so keep logging."
        )
    return (
        f"There {'is' if after == 1 else 'are'} only {plural(after, 'day')} after the "
        f"baseline so far; a change counts {lasts}, so keep logging."
    )


# Each pattern (recovery.PATTERNS) in words, for people; the names are for JSON.
PATTERN_WORDS = {
    "function-first": "function first, then pain",
    "together": "function and pain together",
    "pain-first": "pain first, then function",
    "function-only": "function has improved, pain not yet",
    "pain-only": "pain has eased, function not yet",
    "not-yet": "no lasting change yet",
}


def lag_sentence(r: Recovery) -> str:
    """'Lag: 20 days from the function onset to the pain onset. ', or '' with no lag."""
    lag = r.lag_days
    if lag is None:
        return ""
    if lag == 0:
        return "Lag: none; both started on the same day. "
    first, then = ("function", "pain") if lag > 0 else ("pain", "function")
    return f"Lag: {plural(abs(lag), 'day')} from the {first} onset to the {then} onset. "


def lag_label(recovery: Recovery) -> str:
    """The span between the two onsets, named: 'function first: 23 days earlier'."""
    f, p = recovery.function_onset, recovery.pain_onset
    if f and p:
        days = abs((p - f).days)
        if days == 0 or recovery.pattern == "together":
            return "function and pain together"
        first = "function" if f < p else "pain"
        return f"{first} first: {plural(days, 'day')} earlier"
    if f:
        return "function better; pain not yet"
    if p:
        return "pain better; function not yet"
    return "no lasting change yet"
