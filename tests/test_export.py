"""Exports opened by the real clients: pandas reads every CSV with the types the
datapackage gives, frictionless validates the bundle, and nothing private leaks."""

from __future__ import annotations

import json
import stat
import zipfile
from pathlib import Path

import pandas as pd
import pytest
from frictionless import validate

DAILY_FIRST = [
    "patient_id",
    "date",
    "pain",
    "pain_worst",
    "pain_locations",
    "pain_quality",
    "allodynia",
    "swelling",
    "skin_color",
    "skin_temperature",
    "skin_signs",
    "movement",
    "symptoms",
    "triggers",
    "function",
    "school",
    "sport",
    "social",
    "sleep_hours",
    "mood",
    "exercise_minutes",
    "exercise_kinds",
    "entries",
    "note",
]
SECRET = "my very private words"
PANDAS = {"integer": "Int64", "number": "float64", "string": "string", "boolean": "boolean"}


@pytest.fixture
def diary(run, tmp_path) -> Path:
    """Three days: two entries and a session one day, a formula-looking note, a private
    note, a day with only day facts, and a day not logged in between."""
    db = tmp_path / "export.db"

    def log(*args: str) -> None:
        result = run("--db", str(db), *args)
        assert result.exit_code == 0, result.output

    log("config", "set", "patient-id", "P-017")
    log("log", "-d", "2026-11-14", "--time", "08:00", "--pain", "4", "--worst", "6",
        "--where", "left-foot", "--quality", "burning", "--function", "3", "--school", "part",
        "--sport", "--sleep", "7.5", "--mood", "5", "--day-note", "=HYPERLINK(\"x\")",
        "--private-note", SECRET)  # fmt: skip
    log("log", "-d", "2026-11-14", "--time", "19:00", "--pain", "5", "--where", "left-ankle",
        "--note", "-2 is how it felt, @home")  # fmt: skip
    log("exercise", "physio", "45", "-d", "2026-11-14", "--note", "+more")
    log("log", "-d", "2026-11-16", "--function", "6", "--no-social")
    return db


def export(run, db: Path, *args: str):
    result = run("--db", str(db), "export", *args)
    assert result.exit_code == 0, result.output
    return result


def bundle(run, db: Path, out: Path, *args: str) -> dict:
    export(run, db, "--out", str(out), *args)
    return json.loads((out / "datapackage.json").read_text())


def read(path: Path, package: dict, name: str) -> pd.DataFrame:
    """A CSV as pandas reads it with the types its datapackage.json gives."""
    fields = next(r for r in package["resources"] if r["name"] == name)["schema"]["fields"]
    dtypes = {f["name"]: PANDAS[f["type"]] for f in fields if f["type"] in PANDAS}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    return pd.read_csv(path, dtype=dtypes, parse_dates=dates, keep_default_na=False,
                       na_values=[""])  # fmt: skip


def test_the_daily_table_starts_with_the_agreed_columns_and_says_what_the_diary_says(
    run, diary, tmp_path
):
    package = bundle(run, diary, tmp_path / "b")
    table = read(tmp_path / "b" / "daily.csv", package, "daily")
    assert list(table.columns)[: len(DAILY_FIRST)] == DAILY_FIRST
    assert list(table["date"].dt.strftime("%Y-%m-%d")) == ["2026-11-14", "2026-11-16"]
    first, second = table.iloc[0], table.iloc[1]
    assert (first["pain"], first["pain_worst"], first["entries"]) == (4.5, 6, 2)
    assert first["pain_locations"] == "left-foot;left-ankle"
    assert (first["function"], first["sport"], first["sleep_hours"]) == (3, True, 7.5)
    assert (first["exercise_minutes"], first["exercise_kinds"]) == (45, "physio")
    assert first["note"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it
    assert pd.isna(second["pain"]) and pd.isna(second["exercise_minutes"])  # never 0
    assert (second["function"], second["social"]) == (6, False)
    shown = json.loads(run("--db", str(diary), "show", "--json").output)["days"]
    monday = next(d for d in shown if d["date"] == "2026-11-14")
    assert (monday["pain"], monday["worst"]) == (first["pain"], first["pain_worst"])


def test_every_csv_reads_back_with_its_types_and_the_bundle_validates(run, diary, tmp_path):
    package = bundle(run, diary, tmp_path / "b")
    entries = read(tmp_path / "b" / "entries.csv", package, "entries")
    sessions = read(tmp_path / "b" / "sessions.csv", package, "sessions")
    assert list(entries["pain"]) == [4, 5] and entries["pain"].dtype == "Int64"
    assert list(entries["time"]) == ["08:00", "19:00"] and entries["uid"].is_unique
    assert entries.iloc[1]["note"] == "'-2 is how it felt, @home"
    assert (sessions.iloc[0]["kind"], sessions.iloc[0]["minutes"]) == ("physio", 45)
    assert sessions.iloc[0]["note"] == "'+more"
    report = validate(str(tmp_path / "b" / "datapackage.json"))
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])


def test_frictionless_catches_a_planted_out_of_range_value(run, diary, tmp_path):
    bundle(run, diary, tmp_path / "b")
    daily = tmp_path / "b" / "daily.csv"
    lines = daily.read_bytes().decode().split("\r\n")
    cells = lines[1].split(",")
    cells[DAILY_FIRST.index("function")] = "14"
    daily.write_bytes("\r\n".join([lines[0], ",".join(cells), *lines[2:]]).encode())
    report = validate(str(tmp_path / "b" / "datapackage.json"))
    assert not report.valid
    errors = report.flatten(["rowNumber", "fieldName", "type"])
    assert [2, "function", "constraint-error"] in errors


def test_private_notes_stay_out_of_every_format_unless_asked_for(run, diary, tmp_path):
    for fmt in ("csv", "entries", "sessions", "json", "datapackage"):
        assert SECRET not in export(run, diary, fmt).output
    bundle(run, diary, tmp_path / "b")
    for path in (tmp_path / "b").iterdir():
        assert SECRET not in path.read_text()
    assert "Private notes: left out" in (tmp_path / "b" / "README.txt").read_text()
    assert SECRET in export(run, diary, "csv", "--include-private").output
    document = json.loads(export(run, diary, "json", "--include-private").output)
    assert document["days"][0]["private_note"] == SECRET


def test_the_zip_bundle_is_whole_and_owner_only(run, diary, tmp_path):
    out = tmp_path / "for-the-clinic.zip"
    export(run, diary, "--out", str(out))
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        readme = archive.read("README.txt").decode()
    assert names == {"daily.csv", "entries.csv", "sessions.csv", "datapackage.json", "README.txt"}
    assert "Patient id: P-017" in readme and "2026-11-14 to 2026-11-18" in readme
    assert "ampsdiary 0.1.0" in readme


def test_the_json_document_holds_everything_with_the_exact_text(run, diary):
    document = json.loads(export(run, diary, "json").output)
    assert (document["format"], document["format_version"]) == ("ampsdiary-export", 1)
    assert document["patient_id"] == "P-017" and document["settings"]["patient-id"] == "P-017"
    assert len(document["entries"]) == 2 and len(document["sessions"]) == 1
    assert document["days"][0]["day_note"] == '=HYPERLINK("x")'  # exact, not neutralised
    assert "private_note" not in document["days"][0]
    assert {c["source"] for c in document["history"]} == {"flags", "config"}


def test_from_and_to_choose_the_days(run, diary):
    text = export(run, diary, "csv", "--from", "2026-11-15").output
    assert "2026-11-14" not in text and "2026-11-16" in text


def test_an_export_never_replaces_the_diary(run, diary):
    before = diary.read_bytes()
    result = run("--db", str(diary), "export", "csv", "--out", str(diary))
    assert result.exit_code == 2 and "is the diary itself" in result.output
    assert diary.read_bytes() == before


def test_excel_flavour_starts_with_a_bom_and_keeps_accents(run, diary, tmp_path):
    run("--db", str(diary), "edit", "--day", "2026-11-16", "day_note", "Très bien, café")
    out = tmp_path / "excel.csv"
    export(run, diary, "csv", "--excel", "--out", str(out))
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Très bien, café".encode() in raw
    assert pd.read_csv(out).columns[0] == "patient_id"  # the BOM is not in the name
    assert not export(run, diary, "csv").output.startswith("\ufeff")


def test_bad_requests_are_one_line(run, diary, tmp_path):
    for args, said in (
        (("pdf",), "FORMAT: 'pdf' is not a format; use one of: bundle, csv"),
        (("bundle",), "--out: is needed for the bundle"),
        (("--out", str(tmp_path / "x.txt")), "--out: '"),
        (("--out", str(tmp_path / "no" / "x.csv")), "is in a folder that does not exist"),
    ):
        result = run("--db", str(diary), "export", *args)
        assert result.exit_code == 2 and said in result.output, result.output
