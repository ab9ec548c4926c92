"""The diary the FHIR and REDCap export tests read back: every kind of value they carry,
a formula-looking note, a private note, and a day not logged in between."""

from __future__ import annotations

from pathlib import Path

SECRET = "my very private words"


def clinic_diary(run, db: Path, patient: str | None = "P-017") -> Path:
    """Two entries and two sessions on 14 Nov (one a faces-scale entry, one session not
    exercise), a day with only day facts on 16 Nov; made through the CLI as a teen would."""

    def log(*args: str) -> None:
        result = run("--db", str(db), *args)
        assert result.exit_code == 0, result.output

    if patient:
        log("config", "set", "patient-id", patient)
    log("log", "-d", "2026-11-14", "--time", "08:00", "--pain", "4", "--worst", "6",
        "--where", "left-foot,left-ankle", "--allodynia", "3", "--allodynia-where",
        "left-foot", "--swelling", "mild", "--skin-color", "red", "--skin-temp", "warm",
        "--skin", "dry,shiny", "--note", "worse after the bus", "--function", "3",
        "--school", "part", "--sport", "--sleep", "7.5", "--mood", "5",
        "--day-note", '=HYPERLINK("x")', "--private-note", SECRET)  # fmt: skip
    log("log", "-d", "2026-11-14", "--time", "19:00", "--pain", "6", "--pain-scale", "faces",
        "--where", "left-ankle")  # fmt: skip
    log("exercise", "physio", "45", "-d", "2026-11-14", "--intensity", "hard", "--note", "+more")
    log("exercise", "psychology", "30", "-d", "2026-11-14")
    log("log", "-d", "2026-11-16", "--function", "0", "--no-social", "--school", "none")
    return db
