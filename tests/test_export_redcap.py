"""`export redcap` read back with the csv module and pandas, against REDCap's own rules:
the dictionary's 18 columns in order, variable names, choices, validation, and an import
whose every column is a dictionary variable, a checkbox expansion of one or a REDCap
system column, with instances 1..n and values the dictionary allows."""

from __future__ import annotations

import csv
import re
import stat
from pathlib import Path

import pandas as pd
import pytest

from ampsdiary.exchange import redcap, rows
from ampsdiary.exchange.columns import Column
from exchange_diary import SECRET, clinic_diary

HEADERS = [
    "Variable / Field Name", "Form Name", "Section Header", "Field Type", "Field Label",
    "Choices, Calculations, OR Slider Labels", "Field Note",
    "Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max",
    "Identifier?", "Branching Logic (Show field only if...)", "Required Field?",
    "Custom Alignment", "Question Number (surveys only)", "Matrix Group Name",
    "Matrix Ranking?", "Field Annotation",
]  # fmt: skip
TYPES = {"text", "notes", "dropdown", "radio", "checkbox", "calc", "file", "descriptive",
         "slider", "yesno", "truefalse"}  # fmt: skip
VALIDATIONS = {"", "date_ymd", "integer", "number", "datetime_seconds_ymd"}
NAME = re.compile(r"[a-z][a-z0-9_]{0,25}\Z")
SYSTEM = ["record_id", "redcap_repeat_instrument", "redcap_repeat_instance"]
REPEATING = {"daily_diary", "exercise_session"}


@pytest.fixture
def folder(run, tmp_path) -> Path:
    db = clinic_diary(run, tmp_path / "study.db")
    out = tmp_path / "redcap"
    result = run("--db", str(db), "export", "redcap", "--out", str(out))
    assert result.exit_code == 0, result.output
    return out


def read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def choices(field: dict[str, str]) -> dict[str, str]:
    """`1, Full | 2, Part` as {code: label}."""
    text = field["Choices, Calculations, OR Slider Labels"]
    pairs = [part.split(",", 1) for part in text.split(" | ")] if text else []
    return {code.strip(): label.strip() for code, label in pairs}


def test_the_dictionary_follows_redcaps_rules(folder):
    with (folder / "redcap_data_dictionary.csv").open(encoding="utf-8", newline="") as f:
        assert next(csv.reader(f)) == HEADERS
    fields = read(folder / "redcap_data_dictionary.csv")
    names = [f["Variable / Field Name"] for f in fields]
    assert names[0] == "record_id" and fields[0]["Form Name"] == "participant"
    assert len(set(names)) == len(names)
    for f in fields:
        name, kind = f["Variable / Field Name"], f["Field Type"]
        assert NAME.match(name), name  # lowercase, digits, _, a letter first, <= 26
        assert NAME.match(f["Form Name"]) and kind in TYPES, name
        assert f["Text Validation Type OR Show Slider Number"] in VALIDATIONS, name
        codes = choices(f)
        if kind in ("radio", "dropdown", "checkbox"):
            assert codes and all(c.isdigit() for c in codes), name
        else:
            assert not codes, name
        for bound in ("Text Validation Min", "Text Validation Max"):
            if f[bound]:
                float(f[bound])
    forms = list(dict.fromkeys(f["Form Name"] for f in fields))
    assert forms == ["participant", "daily_diary", "exercise_session"]
    by_name = {f["Variable / Field Name"]: f for f in fields}
    assert choices(by_name["day_school"]) == {"1": "full", "2": "part", "3": "missed", "4": "none"}
    pain = by_name["day_pain"]
    assert (pain["Text Validation Type OR Show Slider Number"], pain["Text Validation Min"],
            pain["Text Validation Max"]) == ("number", "0", "10")  # fmt: skip
    assert by_name["day_function"]["Text Validation Type OR Show Slider Number"] == "integer"
    assert by_name["day_date"]["Text Validation Type OR Show Slider Number"] == "date_ymd"
    assert by_name["day_note"]["Identifier?"] == "y"  # free text may name someone


def test_every_import_column_is_one_redcap_knows(folder):
    fields = {f["Variable / Field Name"]: f for f in read(folder / "redcap_data_dictionary.csv")}
    forms = {f["Form Name"] for f in fields.values()}
    with (folder / "redcap_import.csv").open(encoding="utf-8", newline="") as f:
        header = next(csv.reader(f))
    assert header[:3] == SYSTEM
    expected = set()
    for name, f in fields.items():
        if f["Field Type"] == "checkbox":
            expected |= {f"{name}___{code}" for code in choices(f)}
        else:
            expected.add(name)
    completes = {f"{form}_complete" for form in forms}
    for column in header[3:]:
        assert column in expected or column in completes, column
    assert expected <= set(header) and completes <= set(header)  # and nothing is left out


def test_the_import_holds_the_diary_as_values_the_dictionary_allows(folder):
    fields = {f["Variable / Field Name"]: f for f in read(folder / "redcap_data_dictionary.csv")}
    records = read(folder / "redcap_import.csv")
    assert {r["record_id"] for r in records} == {"P-017"}
    assert [r["redcap_repeat_instrument"] for r in records[:1]] == [""]  # the participant
    for form in REPEATING:
        instances = [r["redcap_repeat_instance"] for r in records
                     if r["redcap_repeat_instrument"] == form]  # fmt: skip
        assert instances == [str(i) for i in range(1, len(instances) + 1)]
    for r in records:
        form = r["redcap_repeat_instrument"] or "participant"
        assert r[f"{form}_complete"] == "2"
        for column, value in r.items():
            name, _, code = column.partition("___")
            f = fields.get(name)
            if f is None or not value:
                continue
            kind = f["Field Type"]
            if code or kind == "yesno":
                assert value in ("0", "1"), (column, value)
            elif kind in ("radio", "dropdown"):
                assert value in choices(f), (column, value)
            validation = f["Text Validation Type OR Show Slider Number"]
            if validation == "date_ymd":
                assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), (column, value)
            if validation in ("integer", "number"):
                number = float(value)
                assert validation == "number" or number.is_integer(), (column, value)
                low, high = f["Text Validation Min"], f["Text Validation Max"]
                assert (not low or number >= float(low)) and (not high or number <= float(high))


def test_pandas_reads_the_days_and_sessions_a_researcher_expects(folder):
    table = pd.read_csv(folder / "redcap_import.csv", dtype=str, keep_default_na=False)
    days = table[table["redcap_repeat_instrument"] == "daily_diary"].set_index("day_date")
    assert list(days.index) == ["2026-11-14", "2026-11-16"]
    monday = days.loc["2026-11-14"]
    assert (monday["day_pain"], monday["day_pain_worst"], monday["day_entries"]) == ("5", "6", "2")
    assert monday["day_school"] == "2" and monday["day_sport"] == "1"  # part; yes
    kinds = {c: monday[c] for c in table.columns if c.startswith("day_pain_locations___")}
    assert {c for c, v in kinds.items() if v == "1"} == {
        "day_pain_locations___1", "day_pain_locations___3"}  # left-foot, left-ankle  # fmt: skip
    assert monday["day_note"] == '\'=HYPERLINK("x")'  # a spreadsheet shows it, never runs it
    later = days.loc["2026-11-16"]
    assert (later["day_function"], later["day_social"], later["day_pain"]) == ("0", "0", "")
    assert later["day_school"] == "4"  # none: a day without school, not a missed one
    sessions = table[table["redcap_repeat_instrument"] == "exercise_session"]
    physio = sessions.iloc[0]
    assert (physio["session_kind"], physio["session_minutes"]) == ("4", "45")
    assert physio["session_intensity"] == "3" and physio["session_note"] == "'+more"
    assert re.fullmatch(r"2\d{3}-\d\d-\d\d \d\d:\d\d:\d\d", physio["session_recorded_at"])


def test_a_column_added_to_the_tables_appears_at_once(monkeypatch):
    added = Column("flare", "boolean", "A flare that day.")
    monkeypatch.setattr(rows, "DAILY", (*rows.DAILY, added))
    dictionary = redcap.dictionary()
    [row] = [r for r in dictionary if r[0] == "day_flare"]
    assert (row[1], row[3]) == ("daily_diary", "yesno")
    assert "day_flare" in redcap.import_header()


def test_private_notes_never_go_into_redcap_and_the_readme_says_what_to_switch_on(
    run, folder, tmp_path
):
    for path in folder.iterdir():
        assert SECRET not in path.read_text(encoding="utf-8")
    readme = (folder / "README.txt").read_text()
    assert "daily_diary, exercise_session repeating" in readme
    assert "Repeating instruments" in readme and "project" in readme
    assert "Private notes: never included" in readme
    db = tmp_path / "study.db"
    refused = run("--db", str(db), "export", "redcap", "--out", str(tmp_path / "r2"),
                  "--include-private")  # fmt: skip
    assert refused.exit_code == 2 and "--include-private: is not offered for REDCap" in (
        refused.output)  # fmt: skip
    assert not (tmp_path / "r2").exists()


def test_redcap_needs_a_folder_and_a_patient_id(run, tmp_path):
    db = clinic_diary(run, tmp_path / "anonymous.db", patient=None)
    result = run("--db", str(db), "export", "redcap")
    assert result.exit_code == 2 and "--out: is needed for redcap" in result.output
    result = run("--db", str(db), "export", "redcap", "--out", str(tmp_path / "r"))
    assert result.exit_code == 2 and "patient-id: is not set" in result.output
    assert not (tmp_path / "r").exists()
    a_file = tmp_path / "taken.txt"
    a_file.write_text("x")
    run("--db", str(db), "config", "set", "patient-id", "P-9")
    result = run("--db", str(db), "export", "redcap", "--out", str(a_file))
    assert result.exit_code == 2 and "is a file" in result.output


SIDES = ("foot", "ankle", "lower-leg", "knee", "thigh", "hip", "hand", "wrist", "forearm",
         "elbow", "upper-arm", "shoulder")  # fmt: skip
KINDS = ["aerobic", "strength", "stretching", "physio", "occupational", "desensitization",
         "hydrotherapy", "relaxation", "psychology", "music", "biofeedback", "meditation",
         "medication", "other"]  # fmt: skip
# The choice codes research data already holds: a word may be added at the end of its list,
# never inserted before others, or every code after it would change its meaning.
PINNED = {
    "day_pain_locations": [f"{s}-{p}" for p in SIDES for s in ("left", "right")] + [
        "head", "neck", "chest", "abdomen", "upper-back", "lower-back", "pelvis", "widespread"],
    "day_pain_quality": ["burning", "sharp", "stabbing", "aching", "pins-and-needles",
                         "throbbing", "shooting"],
    "day_swelling": ["none", "mild", "moderate", "severe"],
    "day_skin_color": ["normal", "red", "pale", "blue-purple", "blotchy"],
    "day_skin_temperature": ["normal", "warm", "hot", "cool", "cold"],
    "day_skin_signs": ["sweaty", "dry", "shiny", "hair-change"],
    "day_movement": ["stiffness", "tremor", "weakness", "coordination"],
    "day_symptoms": ["headache", "dizziness", "abdominal-pain", "fatigue", "joint-pain",
                     "anxiety", "low-mood"],
    "day_school": ["full", "part", "missed", "none"],
    "day_exercise_kinds": KINDS,
    "session_kind": KINDS,
    "session_intensity": ["easy", "moderate", "hard"],
}  # fmt: skip


def test_a_choice_code_keeps_its_meaning():
    fields = {r[0]: dict(zip(HEADERS, r, strict=True)) for r in redcap.dictionary()[1:]}
    for name, words in PINNED.items():
        codes = choices(fields[name])
        assert list(codes.values())[: len(words)] == words, name
        assert list(codes) == [str(i) for i in range(1, len(codes) + 1)], name
    coded = {n for n, f in fields.items() if f["Field Type"] in ("radio", "dropdown", "checkbox")}
    assert coded == set(PINNED)  # a new choice field: pin its words here


def test_the_folder_and_its_files_are_owner_only(folder):
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name
