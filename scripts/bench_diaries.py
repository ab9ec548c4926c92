"""The diaries and caseloads the benchmark measures, built through the library API.

A diary is the demo's 10-week recovery repeated back to back for as long as asked, with
about two pain entries a day; a caseload is many patients' one-year exports, each a copy of
one of a few generated diaries under the patient's own id.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from ampsdiary import demo, open_diary

CASELOAD_DAYS = 365
CASELOAD_SHAPES = 10  # distinct one-year diaries; each patient is one of them under its own id


def build_diary(path: Path, end: dt.date, length: int) -> dict[str, int]:
    """`length` days of the demo's 10-week recovery, back to back, plus a midday entry every
    other day.

    The demo gives about 1.5 entries a day; the extra entries bring it to about 2.
    """
    first = end - dt.timedelta(days=length - 1)
    entries, days, sessions = [], [], []
    window_end = end
    while window_end >= first:
        e, d, s, _ = demo.generate(window_end)
        entries += e
        days += d
        sessions += s
        window_end -= dt.timedelta(days=demo.WEEKS * 7)
    keep = first.isoformat()
    entries = [r for r in entries if r["date"] >= keep]
    days = [r for r in days if r["date"] >= keep]
    sessions = [r for r in sessions if r["date"] >= keep]
    entries += [
        r | {"time": "13:00"}
        for r in entries
        if r["time"] == "08:00" and dt.date.fromisoformat(r["date"]).toordinal() % 2
    ]
    diary = open_diary(path, create=True)
    diary.add_all(entries, days, sessions, source="benchmark")
    treatment_start = (first + dt.timedelta(days=7)).isoformat()
    for key, value in (demo.SETTINGS | {"treatment-start": treatment_start}).items():
        diary.set_setting(key, value)
    diary.close()
    return {"days": len(days), "entries": len(entries), "sessions": len(sessions)}


def build_caseload(folder: Path, patients: int, end: dt.date, fmt: str) -> dict[str, float]:
    """`patients` exports of a year each into `folder`: daily CSVs (fmt csv) or .zip bundles.

    CASELOAD_SHAPES diaries are built like the ten-year one (the demo's 10-week recovery,
    repeated, each with its own seed) and exported with the export code itself; each
    patient's files are then a copy of one of them with the patient's own id.
    """
    import zipfile

    from ampsdiary.exchange.export import Export, bundle_files

    first = end - dt.timedelta(days=CASELOAD_DAYS - 1)
    exports = []
    with tempfile.TemporaryDirectory(prefix="ampsdiary-shapes-") as tmp:
        for shape in range(CASELOAD_SHAPES):
            entries, days, sessions = [], [], []
            window_end = end
            while window_end >= first:
                e, d, s, _ = demo.generate(window_end, seed=2026 + shape)
                entries, days, sessions = entries + e, days + d, sessions + s
                window_end -= dt.timedelta(days=demo.WEEKS * 7)
            keep = first.isoformat()
            diary = open_diary(Path(tmp) / f"{shape}.db", create=True)
            diary.add_all(*([r for r in rows if r["date"] >= keep]
                            for rows in (entries, days, sessions)), source="benchmark")  # fmt: skip
            diary.set_setting("patient-id", "SHAPE-ID")
            exports.append(bundle_files(Export(diary, first, end)))
            diary.close()
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(patients):
        files = {
            k: v.replace("SHAPE-ID", f"P-{n:04d}") for k, v in exports[n % len(exports)].items()
        }
        if fmt == "csv":
            path = folder / f"p-{n:04d}.csv"
            path.write_text(files["daily.csv"], encoding="utf-8", newline="")
        else:
            path = folder / f"p-{n:04d}.zip"
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode("utf-8"))
        size += path.stat().st_size
    return {"patients": patients, "megabytes": size / 1e6}
