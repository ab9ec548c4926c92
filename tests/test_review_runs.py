"""`ampsdiary review` as it runs: exports of several kinds of one patient, the settings a
json export carries, the progress bar on a terminal, and a large caseload in several
processes started the way a therapist starts the command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from caseload_helpers import DAYS, TODAY, day, export, recovery_of, steps, write_diary


def patients_of(run, *paths: Path) -> list[dict]:
    result = run("review", *map(str, paths), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["patients"]


def test_two_bundles_of_one_diary_merge_their_entries_once(run, tmp_path):
    # Two pains a day (means of .5); the October bundle and the whole one overlap.
    db = write_diary(tmp_path / "d.db", steps(2, 6, 10), steps(7, 3, 20), "P-2", pains_a_day=2)
    export(db, tmp_path / "october.zip", "bundle", end=day(40))
    export(db, tmp_path / "november", "bundle")
    (patient,) = patients_of(run, tmp_path / "october.zip", tmp_path / "november")
    own = recovery_of(db)
    assert {k: patient[k] for k in own} == own
    assert patient["baseline"]["pain"] == 7.5


def test_a_bundle_folder_zipped_again_is_read(run, tmp_path):
    import zipfile

    db = write_diary(tmp_path / "d.db", steps(2, 6, 10), steps(8, 4, 20), "P-5")
    folder = export(db, tmp_path / "P-5", "bundle")
    with zipfile.ZipFile(tmp_path / "again.zip", "w") as archive:  # as macOS' "Compress"
        for path in folder.iterdir():
            archive.write(path, f"P-5/{path.name}")
            archive.writestr(f"__MACOSX/P-5/._{path.name}", b"\0\5\26\7")
    (patient,) = patients_of(run, tmp_path / "again.zip")
    assert patient == {**patient, **recovery_of(db)}


def test_a_json_export_brings_its_treatment_start_and_goal(run, tmp_path):
    db = write_diary(tmp_path / "d.db", steps(2, 6, 20), steps(8, 4, 30), "P-3", minutes=30)
    from ampsdiary import open_diary

    with open_diary(db, write=True) as diary:
        diary.set_setting("treatment-start", day(14).isoformat())
        diary.set_setting("exercise-goal", "20")
    export(db, tmp_path / "p3.json", "json")
    export(db, tmp_path / "p3.csv", "csv")  # no settings in a daily table
    (both,) = patients_of(run, tmp_path / "p3.csv", tmp_path / "p3.json")
    assert both == {**both, **recovery_of(db)}
    assert both["baseline_source"] == "treatment-start"
    assert both["exercise"] == {"minutes_per_week": 210, "goal_per_week": 140}
    (table,) = patients_of(run, tmp_path / "p3.csv")
    assert table["baseline_source"] == "first-logged-days"
    assert table["exercise"]["goal_per_week"] is None


def test_a_progress_bar_on_a_terminal_only(run, tmp_path, monkeypatch):
    db = write_diary(tmp_path / "d.db", [5] * DAYS, [5] * DAYS, "P-4")
    export(db, tmp_path / "p4.csv", "csv")
    quiet = run("review", str(tmp_path / "p4.csv"))
    assert quiet.exit_code == 0 and quiet.stderr == ""
    monkeypatch.setenv("TTY_COMPATIBLE", "1")  # rich: stderr is a terminal
    monkeypatch.setenv("TERM", "xterm")
    shown = run("review", str(tmp_path / "p4.csv"))
    assert shown.exit_code == 0 and "Reading the caseload" in shown.stderr


def test_a_large_caseload_in_several_processes_from_the_command_line(tmp_path):
    db = write_diary(tmp_path / "d.db", steps(2, 6, 10), steps(8, 4, 20), "P-00")
    text = export(db, tmp_path / "p.csv", "csv").read_text()
    folder = tmp_path / "in"
    folder.mkdir()
    from ampsdiary.caseload.patients import POOL_FROM

    count = POOL_FROM + 1  # the review starts worker processes
    for n in range(count):
        (folder / f"p{n:03}.csv").write_text(text.replace("P-00,", f"P-{n:03},"))
    env = os.environ | {"AMPSDIARY_TODAY": TODAY.isoformat()}
    for argv in (
        [sys.executable, "-m", "ampsdiary"],
        [str(Path(sys.executable).parent / "ampsdiary")],
    ):
        done = subprocess.run(
            [*argv, "review", str(folder), "--json"], capture_output=True, text=True, env=env,
            timeout=120,
        )  # fmt: skip
        assert done.returncode == 0, done.stderr
        rows = json.loads(done.stdout)["patients"]
        assert [p["patient_id"] for p in rows] == [f"P-{n:03}" for n in range(count)]
        assert {p["pattern"] for p in rows} == {"function-first"}
