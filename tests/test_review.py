"""`ampsdiary review`: a generated caseload with onsets known by hand, checked against the
recovery analysis of each patient's own diary; the JSON other tools read; errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from caseload_helpers import DAYS, SHAPES, TODAY, caseload, day, export, recovery_of, write_diary
from conftest import no_traceback


@pytest.fixture
def clinic(tmp_path: Path) -> tuple[Path, dict[str, Path]]:
    diaries = tmp_path / "diaries"
    diaries.mkdir()
    return tmp_path / "caseload", caseload(tmp_path / "caseload", diaries)


def review_json(run, *args: str) -> dict:
    result = run("review", *args, "--json")
    no_traceback(result)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_each_patient_is_what_their_own_recovery_says(run, clinic):
    folder, diaries = clinic
    data = review_json(run, str(folder))
    assert data["schema_version"] == 2 and data["as_of"] == TODAY.isoformat()
    assert data["problems"] == [] and data["file"] is None
    got = {p["patient_id"]: p for p in data["patients"]}
    assert set(got) == {s[0] for s in SHAPES}
    for patient, _, _, pattern, f_day, p_day in SHAPES:
        mine = got[patient]
        assert mine["pattern"] == pattern, patient
        assert mine["function_onset"] == (day(f_day).isoformat() if f_day else None)
        assert mine["pain_onset"] == (day(p_day).isoformat() if p_day else None)
        assert mine["lag_days"] == (p_day - f_day if f_day and p_day else None)
        own = recovery_of(diaries[patient])
        assert {k: mine[k] for k in own} == own, patient  # every key, every value
        assert mine["flags"] == [] and mine["days_covered"] == DAYS
        assert mine["logged_last_14"] == 14 and mine["last_logged"] == TODAY.isoformat()


def test_the_table_says_function_before_pain_for_every_patient(run, clinic):
    folder, _ = clinic
    result = run("review", str(folder))
    assert result.exit_code == 0, result.output
    said = result.stdout
    assert "Caseload review, Wed 18 Nov 2026: 5 patients, 0 flagged." in said
    lines = {line.split()[0]: line for line in said.splitlines() if line.startswith("P-")}
    assert list(lines) == ["P-FF", "P-FO", "P-NY", "P-PF", "P-TO"]  # no flags: by id
    assert "2.0 → 6.0" in lines["P-FF"] and "8.0 → 4.0" in lines["P-FF"]
    assert "Sat 3 Oct" in lines["P-FF"] and "Tue 13 Oct" in lines["P-FF"]  # days 13 and 23
    assert "not yet" in lines["P-FO"] and "cannot tell" not in said


def test_two_exports_of_one_patient_merge_the_newest_day_winning(run, tmp_path):
    # The older bundle covers days 0-39 with function 3 on day 35; the newer daily CSV
    # covers every day, function 7 on day 35: one patient, the CSV's value on day 35.
    function, pain = [4] * DAYS, [6] * DAYS
    old = write_diary(tmp_path / "old.db", [*function[:35], 3, *function[36:40]], pain[:40], "P-7")
    new = write_diary(tmp_path / "new.db", [*function[:35], 7, *function[36:]], pain, "P-7")
    folder = tmp_path / "in"
    folder.mkdir()
    export(old, folder / "october.zip", "bundle", end=day(39))
    export(new, folder / "november.csv", "csv")
    data = review_json(run, str(folder))
    (patient,) = data["patients"]
    assert patient["patient_id"] == "P-7" and len(patient["files"]) == 2
    assert patient == {**patient, **recovery_of(new)}
    assert patient["days_covered"] == DAYS
    smoothed = {s["date"]: s["function"] for s in patient["smoothed"]}
    assert smoothed[day(35).isoformat()] == round((4 * 6 + 7) / 7, 2)
    # The other way round: the bundle is the newer export, and its day 35 wins.
    import os

    csv_time = (folder / "october.zip").stat().st_mtime
    os.utime(folder / "november.csv", (csv_time - 3600 * 24 * 30, csv_time - 3600 * 24 * 30))
    data = review_json(run, str(folder / "november.csv"), str(folder / "october.zip"))
    smoothed = {s["date"]: s["function"] for s in data["patients"][0]["smoothed"]}
    assert smoothed[day(35).isoformat()] == round((4 * 6 + 3) / 7, 2)


def test_entries_of_two_devices_merge_by_their_lasting_ids(run, tmp_path):
    # One diary copied to a tablet: each adds an entry on day 50; both json exports hold
    # the shared entries once and each its own, so day 50's pain is the mean of both.
    db = write_diary(tmp_path / "home.db", [5] * DAYS, [6] * DAYS, "P-8")
    tablet = tmp_path / "tablet.db"
    tablet.write_bytes(db.read_bytes())
    from ampsdiary import open_diary

    for path, pain in ((db, 2), (tablet, 10)):
        with open_diary(path, write=True) as diary:
            diary.log(day(50), time="20:00", entry={"pain": pain}, source="test")
    folder = tmp_path / "in"
    folder.mkdir()
    export(db, folder / "home.json", "json")
    export(tablet, folder / "tablet.json", "json")
    (patient,) = review_json(run, str(folder))["patients"]
    means = {s["date"]: s["pain"] for s in patient["smoothed"]}
    assert means[day(50).isoformat()] == round((6 * 6 + (6 + 2 + 10) / 3) / 7, 2)


def test_a_daily_csv_mean_is_read_back_exactly(run, tmp_path):
    # Three entries a day (7, 8, 7: 22/3, shown as 7.33): the onsets are the diary's own.
    pain = [7] * 20 + [3] * (DAYS - 20)
    db = write_diary(tmp_path / "d.db", [5] * DAYS, pain, "P-9", pains_a_day=3)
    export(db, tmp_path / "p9.csv", "csv")
    (patient,) = review_json(run, str(tmp_path / "p9.csv"))["patients"]
    own = recovery_of(db)
    assert {k: patient[k] for k in own} == own
    assert patient["baseline"]["pain"] == 7.33


def test_a_file_without_a_patient_id_is_named_by_its_file(run, tmp_path):
    db = write_diary(tmp_path / "d.db", [5] * DAYS, [5] * DAYS, None)
    export(db, tmp_path / "maya.csv", "csv")
    export(db, tmp_path / "maya-bundle", "bundle")
    data = review_json(run, str(tmp_path / "maya.csv"), str(tmp_path / "maya-bundle"))
    assert sorted(p["patient_id"] for p in data["patients"]) == ["maya", "maya-bundle"]


def test_files_that_are_no_export_are_named_and_the_rest_reviewed(run, clinic):
    folder, _ = clinic
    (folder / "notes.txt").write_text("not searched: not an export's suffix")
    (folder / "datapackage.json").write_text("{}")  # a folder's schema for DuckDB: skipped
    (folder / "broken.zip").write_bytes(b"PK\x03\x04 cut short")
    (folder / "other.json").write_text('{"hello": 1}')
    (folder / "scores.csv").write_text("name,score\nmaya,4\n")
    (folder / "latin1.csv").write_bytes("date,pain\n2026-11-01,5\n\xe9\n".encode("latin-1"))
    bad = (folder / "p-ff.csv").read_text().splitlines()
    bad[5] = bad[5].replace("P-FF,", "P-BAD,", 1).replace(",8,", ",14,", 1)  # day 4's pain
    (folder / "bad.csv").write_text("\n".join(bad) + "\n")
    result = run("review", str(folder), str(folder / "gone.zip"), "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert len(data["patients"]) == 5
    reasons = {Path(p["file"]).name: p["reason"] for p in data["problems"]}
    assert reasons["broken.zip"] == "is not a readable .zip (damaged or cut short)"
    assert reasons["other.json"] == "is not an ampsdiary json export"
    assert reasons["scores.csv"] == "is not an ampsdiary export: scores.csv has no 'date' column"
    assert reasons["latin1.csv"] == "is not UTF-8 text, so not an ampsdiary export"
    assert reasons["gone.zip"] == "does not exist"
    assert reasons["bad.csv"].startswith("has 2 bad values: bad.csv line 6, patient_id: 'P-BAD'")
    assert "bad.csv line 6, pain: '14' is out of range" in reasons["bad.csv"]
    assert set(reasons) == {"broken.zip", "other.json", "scores.csv", "latin1.csv", "gone.zip",
                            "bad.csv"}  # fmt: skip
    said = result.stderr
    assert "Not reviewed (6 files):" in said and "broken.zip: is not a readable .zip" in said


def test_nothing_reviewable_is_one_line_and_exit_2(run, tmp_path):
    (tmp_path / "a.json").write_text("[1, 2]")
    result = run("review", str(tmp_path))
    no_traceback(result)
    assert result.exit_code == 2
    assert "a.json: is not an ampsdiary json export" in result.stderr
    assert "Error: PATH: holds no ampsdiary export that could be reviewed" in result.stderr


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--sort", "age"), "--sort: 'age' is not a column; use one of: patient, flags"),
        (("--flag", "sad"), "--flag: 'sad' is not a flag; use one of: stopped-logging"),
        (("--out", "x.png"), "--out: 'x.png' has an unknown file type; end the name with .pdf"),
        (("--as-of", "soon"), "--as-of: 'soon' is not a date"),
    ],
)
def test_bad_options_are_one_line(run, tmp_path, args, said):
    result = run("review", str(tmp_path), *args)
    no_traceback(result)
    assert result.exit_code == 2 and said in result.stderr, result.output


def test_as_of_reviews_the_caseload_as_it_was_that_day(run, clinic):
    folder, diaries = clinic
    end = day(30)
    data = review_json(run, str(folder), "--as-of", end.isoformat())
    got = {p["patient_id"]: p for p in data["patients"]}
    assert got["P-FF"] == {**got["P-FF"], **recovery_of(diaries["P-FF"], end)}
    assert got["P-PF"]["function_onset"] == day(28).isoformat() or got["P-PF"]["function_pending"]
    before = run("review", str(folder), "--as-of", day(-1).isoformat())
    assert before.exit_code == 2
    assert "patient P-FF: has nothing logged on or before 2026-09-19 (p-ff.csv)" in before.stderr
    assert "Error: PATH: holds no ampsdiary export that could be reviewed" in before.stderr


def test_sort_and_flag_choose_rows(run, clinic):
    folder, _ = clinic
    rows = review_json(run, str(folder), "--sort", "pattern")["patients"]
    assert [p["pattern"] for p in rows] == [
        "function-first", "together", "pain-first", "function-only", "not-yet",
    ]  # fmt: skip
    rows = review_json(run, str(folder), "--sort", "function-onset")["patients"]
    assert [p["patient_id"] for p in rows][-1] == "P-NY"  # blanks last
    assert review_json(run, str(folder), "--flag", "pain-rising")["patients"] == []


def test_many_patients_in_several_processes_give_the_same_review(run, clinic, monkeypatch):
    from ampsdiary.caseload import patients

    folder, _ = clinic
    text = (folder / "p-ff.csv").read_text()
    for n in range(30):
        (folder / f"copy{n:02}.csv").write_text(text.replace("P-FF,", f"C-{n:02},"))
    alone = review_json(run, str(folder))
    monkeypatch.setattr(patients, "POOL_FROM", 2)
    together = review_json(run, str(folder))
    assert len(together["patients"]) == 35 and together == alone


@pytest.mark.parametrize("column", ["patient", "flags", "days", "last-14", "last-logged",
                                    "function", "pain", "function-onset", "pain-onset", "lag",
                                    "pattern", "exercise"])  # fmt: skip
def test_every_sort_column_sorts(run, clinic, column):
    from ampsdiary.caseload.patients import SORTS
    from ampsdiary.caseload.table import SORT_COLUMNS

    assert set(SORT_COLUMNS) == set(SORTS) and column in SORT_COLUMNS
    rows = review_json(run, str(clinic[0]), "--sort", column)["patients"]
    assert sorted(p["patient_id"] for p in rows) == sorted(s[0] for s in SHAPES)
