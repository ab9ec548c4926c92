"""A generated caseload: patients whose onsets are known by hand, exported as a clinic gets
them (daily CSVs, bundles as folders and .zip, json exports), each one's diary kept so
the review can be checked against that diary's own recovery analysis.

Every diary runs up to TODAY (Wed 18 Nov 2026), one function and one pain value a day
(None: not logged). With the first 7 logged days as the baseline, function 2 -> 6 reaches
2 + 2 = 4 on the fourth day of 6s (30/7 = 4.29) and pain 8 -> 4 reaches 8 - 2 = 6 on the
fourth day of 4s (40/7 = 5.71): a step on day k gives an onset on day k + 3.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from ampsdiary import open_diary
from ampsdiary.exchange.export import Export, document, table_text, write_bundle

TODAY = dt.date(2026, 11, 18)
DAYS = 60
START = TODAY - dt.timedelta(days=DAYS - 1)  # Sun 20 Sep 2026


def day(n: int) -> dt.date:
    return START + dt.timedelta(days=n)


def steps(before: float, after: float, at: int, days: int = DAYS) -> list[float]:
    return [before] * at + [after] * (days - at)


# (patient id, function, pain, pattern, function onset day, pain onset day), by hand.
SHAPES = [
    ("P-FF", steps(2, 6, 10), steps(8, 4, 20), "function-first", 13, 23),
    ("P-TO", steps(2, 6, 10), steps(8, 4, 11), "together", 13, 14),
    ("P-PF", steps(2, 6, 25), steps(8, 4, 10), "pain-first", 28, 13),
    ("P-NY", [3, 4] * (DAYS // 2), [7, 6] * (DAYS // 2), "not-yet", None, None),
    ("P-FO", steps(2, 6, 10), [7] * DAYS, "function-only", 13, None),
]


def write_diary(
    path: Path,
    function: list,
    pain: list,
    patient: str | None,
    start: dt.date = START,
    pains_a_day: int = 1,
    minutes: int = 0,
) -> Path:
    """A diary of one function and pain value a day from `start` (None: not logged);
    `pains_a_day` entries a day around the pain (7 and 8 for 7.5 with two), and `minutes`
    of physio on each logged day."""
    entries, days, sessions = [], [], []
    for n, (f, p) in enumerate(zip(function, pain, strict=True)):
        date = (start + dt.timedelta(days=n)).isoformat()
        if p is not None:
            spread = [p] if pains_a_day == 1 else [int(p), int(p) + 1, int(p)][:pains_a_day]
            for hour, value in enumerate(spread):
                entries.append({"date": date, "time": f"{8 + hour:02d}:00", "pain": value})
        if f is not None:
            days.append({"date": date, "function": f})
        if minutes and (f is not None or p is not None):
            sessions.append({"date": date, "kind": "physio", "minutes": minutes})
    diary = open_diary(path, create=True)
    with diary.transaction():
        diary.add_all(entries, days, sessions, source="test")
        if patient:
            diary.set_setting("patient-id", patient)
    diary.close()
    return path


def export(db: Path, out: Path, fmt: str, end: dt.date = TODAY) -> Path:
    """The diary's export as `ampsdiary export` writes it: csv (the daily table), bundle
    (a folder, or a .zip when `out` ends so) or json."""
    diary = open_diary(db)
    try:
        job = Export(diary, diary.logged_dates()[0], end)
        if fmt == "bundle":
            write_bundle(job, out)
        elif fmt == "json":
            out.write_text(json.dumps(document(job), ensure_ascii=False) + "\n", encoding="utf-8")
        else:
            out.write_text(table_text(job, "daily"), encoding="utf-8", newline="")
    finally:
        diary.close()
    return out


FORMATS = [("csv", ".csv"), ("bundle", ".zip"), ("bundle", ""), ("json", ".json"), ("csv", ".csv")]


def caseload(folder: Path, diaries: Path) -> dict[str, Path]:
    """The SHAPES, one export each in turn as a daily CSV, a .zip bundle, a bundle folder
    and a json export, some in a subfolder; returns each patient's diary file."""
    folder.mkdir(exist_ok=True)
    (folder / "later").mkdir(exist_ok=True)
    made = {}
    for n, (patient, function, pain, *_) in enumerate(SHAPES):
        db = write_diary(diaries / f"{patient}.db", function, pain, patient, minutes=30)
        fmt, suffix = FORMATS[n % len(FORMATS)]
        where = folder / "later" if n % 2 else folder
        export(db, where / f"{patient.lower()}{suffix}", fmt)
        made[patient] = db
    return made


def recovery_of(db: Path, end: dt.date = TODAY) -> dict:
    """What `ampsdiary recovery --json` says of the diary on `end`, as JSON types."""
    with open_diary(db) as diary:
        return json.loads(json.dumps(diary.recovery(end).as_json()))
