"""What an adversarial tester tried: broken, odd and hostile files and arguments. Each is
one clear line (exit 2), writes nothing and makes no diary file; none is a traceback."""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest

from ampsdiary import DiaryError, open_diary
from conftest import no_traceback


@pytest.fixture
def exported(run, tmp_path) -> dict:
    db = tmp_path / "source.db"
    assert run("--db", str(db), "log", "--pain", "3", "--function", "5", "-d", "1d").exit_code == 0
    assert run("--db", str(db), "exercise", "physio", "20", "-d", "1d").exit_code == 0
    return json.loads(run("--db", str(db), "export", "json").output)


def refused(run, tmp_path: Path, name: str, text: str, said: str) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    target = tmp_path / "new.db"
    result = run("--db", str(target), "import", str(path))
    no_traceback(result)
    assert result.exit_code == 2, result.output
    assert said in result.output, result.output
    assert not target.exists()


@pytest.mark.parametrize(
    ("change", "said"),
    [
        (lambda d: d.update(history=[{"x": 1}]), "history[0], history: is not a change"),
        (lambda d: d.update(history="x"), "history: is not a list"),
        (lambda d: d.update(settings=[1]), "settings: is not an object"),
        (lambda d: d["entries"][0].update(pain=10**400), "is not a whole number"),
        (lambda d: d["entries"][0].update(pain=[1]), "pain: [1] is not allowed"),
        (lambda d: d["entries"][0].update(pain=True), "pain: True is not allowed"),
        (lambda d: d["days"][0].update(day_note=5), "day_note: 5 is not allowed"),
        (lambda d: d["entries"][0].update(date="2099-01-01"), "is in the future"),
        (lambda d: d["entries"][0].update(date="1900-01-01"), "is too long ago"),
        (lambda d: d["entries"][0].update(date=20260101), "date: 20260101 is not a date"),
        (lambda d: d["entries"].append(dict(d["entries"][0])), "is given twice in this file"),
    ],
)
def test_a_damaged_json_export_is_refused_whole(run, tmp_path, exported, change, said):
    change(exported)
    refused(run, tmp_path, "e.json", json.dumps(exported), said)


def test_another_patient_in_the_settings_is_refused(run, tmp_path, exported):
    db = tmp_path / "mine.db"
    assert run("--db", str(db), "config", "set", "patient-id", "P-1").exit_code == 0
    exported["settings"]["patient-id"] = "P-2"
    (tmp_path / "e.json").write_text(json.dumps(exported))
    result = run("--db", str(db), "import", str(tmp_path / "e.json"), "--on-conflict", "replace")
    assert result.exit_code == 2 and "'P-2' is not this diary's patient (P-1)" in result.output


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("date,pain\n2026-11-01,3\n2026-11-01,5\n", "line 3, date: '2026-11-01' is already on"),
        ("date,pain,pain\n2026-11-01,3,5\n", "has the column 'pain' twice"),
        ("date,pain\n2099-01-01,3\n", "is in the future"),
    ],
)  # fmt: skip
def test_a_csv_that_cannot_be_read_one_way_is_refused(run, tmp_path, text, said):
    refused(run, tmp_path, "x.csv", text, said)


def test_a_long_note_a_semicolon_csv_and_a_json_by_another_name_import(run, tmp_path, exported):
    db = tmp_path / "d.db"
    (tmp_path / "long.csv").write_text("date,note\n2026-11-01," + "x" * 200_000 + "\n")
    assert run("--db", str(db), "import", str(tmp_path / "long.csv")).exit_code == 0
    (tmp_path / "euro.csv").write_text("date;pain;function\n2026-11-02;4;6\n")
    assert run("--db", str(db), "import", str(tmp_path / "euro.csv")).exit_code == 0
    (tmp_path / "export.out").write_text(json.dumps(exported))
    assert run("--db", str(db), "import", str(tmp_path / "export.out")).exit_code == 0
    day = json.loads(run("--db", str(db), "day", "2026-11-02", "--json").output)
    assert (day["day"]["function"], day["entries"][0]["pain"]) == (6, 4)


def test_a_file_with_nothing_to_import_makes_no_diary(run, tmp_path):
    (tmp_path / "short.csv").write_text("date,pain,function\n2026-11-01\n")
    result = run("--db", str(tmp_path / "d.db"), "import", str(tmp_path / "short.csv"))
    assert result.exit_code == 0 and "Nothing to import" in result.output
    assert not (tmp_path / "d.db").exists()


def test_the_same_row_on_another_day_is_a_conflict(run, tmp_path, exported):
    db = tmp_path / "d.db"
    (tmp_path / "a.json").write_text(json.dumps(exported))
    assert run("--db", str(db), "import", str(tmp_path / "a.json")).exit_code == 0
    exported["entries"][0]["date"] = "2026-11-10"
    (tmp_path / "b.json").write_text(json.dumps(exported))
    result = run("--db", str(db), "import", str(tmp_path / "b.json"))
    assert result.exit_code == 2 and "date: here '2026-11-17', in the file '2026-11-10'" in (
        result.output
    )


def test_export_refuses_what_it_must_not_write_over(run, tmp_path):
    db = tmp_path / "d.db"
    assert run("--db", str(db), "log", "--pain", "3").exit_code == 0
    (tmp_path / "target.txt").write_text("keep me")
    os.symlink(tmp_path / "target.txt", tmp_path / "link.csv")
    os.mkfifo(tmp_path / "pipe.csv")
    for out, said in (
        (tmp_path / "link.csv", "is not a file to write to"),
        (tmp_path / "pipe.csv", "is not a file to write to"),
        (tmp_path / ".", "is not a file"),
    ):
        result = run("--db", str(db), "export", "csv", "--out", str(out))
        assert result.exit_code == 2 and said in result.output, result.output
    assert (tmp_path / "target.txt").read_text() == "keep me"
    assert (tmp_path / "link.csv").is_symlink() and (tmp_path / "pipe.csv").is_fifo()
    result = run("--db", str(db), "export", "--from", "2026-11-10", "--to", "2026-11-01")
    assert result.exit_code == 2 and "--from: '2026-11-10' is after --to" in result.output


def test_the_library_refuses_what_is_not_its_type(tmp_path):
    day = dt.date(2026, 11, 16)
    with open_diary(tmp_path / "lib.db", create=True) as diary:
        for call, said in (
            (lambda: diary.log("2026-11-16", entry={"pain": 3}), "date: '2026-11-16' is not"),
            (lambda: diary.log(dt.datetime(2026, 11, 16, 5), entry={"pain": 3}), "is not a date"),
            (lambda: diary.log(dt.date(2099, 1, 1), entry={"pain": 3}), "is in the future"),
            (lambda: diary.log(day, time=800, entry={"pain": 3}), "time: 800 is not a time"),
            (lambda: diary.log(day, entry={"pain": [5]}), "pain: [5] is not allowed"),
            (lambda: diary.log(day, sessions={"kind": "walk", "minutes": 20}), "sessions:"),
            (lambda: diary.edit("bogus", 1, "pain", 4), "kind: 'bogus' is not allowed"),
            (lambda: diary.edit("day", "2026-11-16", "function", 5), "is not a date"),
            (lambda: diary.edit("entry", True, "pain", 4), "id: True is not an id"),
            (lambda: diary.log(day, entry={"pain": 3}, source=None), "source: is not allowed"),
        ):
            with pytest.raises(DiaryError, match=said.replace("[", r"\[").replace("]", r"\]")):
                call()
        assert not diary.logged_dates()
