"""Importing exports and other tools' CSVs: checked first, written whole, never twice;
copies of one diary merge; a conflict is listed and settled only when asked."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

SECRET = "kept private"


def ok(run, db: Path, *args: str):
    result = run("--db", str(db), *args)
    assert result.exit_code == 0, result.output
    return result


@pytest.fixture
def source(run, tmp_path) -> Path:
    db = tmp_path / "source.db"
    ok(run, db, "config", "set", "patient-id", "P-017")
    ok(run, db, "log", "-d", "2026-11-14", "--time", "08:00", "--pain", "4", "--where",
       "left-foot,left-ankle", "--function", "3", "--day-note", "=1+1 was a joke",
       "--private-note", SECRET)  # fmt: skip
    ok(run, db, "log", "-d", "2026-11-14", "--time", "19:30", "--pain", "6", "--note", "'quoted")
    ok(run, db, "exercise", "physio", "45", "-d", "2026-11-14")
    ok(run, db, "log", "-d", "2026-11-16", "--function", "6", "--sleep", "8.5", "--sport")
    ok(run, db, "edit", "1", "pain", "5")
    return db


def rows(db: Path) -> list:
    with sqlite3.connect(db) as conn:
        return [conn.execute(f"select * from {t} order by 1").fetchall()
                for t in ("entries", "days", "sessions", "settings")]  # fmt: skip


def test_json_round_trip_gives_the_same_document(run, source, tmp_path):
    first = tmp_path / "first.json"
    ok(run, source, "export", "json", "--out", str(first))
    copy = tmp_path / "copy.db"
    said = ok(run, copy, "import", str(first)).output
    assert "Imported first.json: 2 entries, 1 session, 2 days, 1 setting" in said
    again = tmp_path / "again.json"
    ok(run, copy, "export", "json", "--out", str(again))
    a, b = json.loads(first.read_text()), json.loads(again.read_text())
    imports = [c for c in b["history"] if c["action"] == "import"]
    assert len(imports) == 1 and imports[0]["source"] == "import first.json"
    b["history"] = [c for c in b["history"] if c["action"] != "import"]
    for document in (a, b):
        document.pop("exported_at")
    assert a == b


def test_importing_the_same_file_twice_adds_nothing(run, source, tmp_path):
    for made in (("json", "--out", str(tmp_path / "d.json")), ("--out", str(tmp_path / "b"))):
        ok(run, source, "export", *made)
    for name in ("d.json", "b"):
        db = tmp_path / f"{name}.db"
        ok(run, db, "import", str(tmp_path / name))
        before = rows(db)
        again = ok(run, db, "import", str(tmp_path / name)).output
        assert "nothing new" in again and rows(db) == before


def test_the_bundle_round_trips_the_daily_table(run, source, tmp_path):
    ok(run, source, "export", "--out", str(tmp_path / "b.zip"))
    copy = tmp_path / "copy.db"
    ok(run, copy, "import", str(tmp_path / "b.zip"))
    assert ok(run, copy, "export", "csv").output == ok(run, source, "export", "csv").output
    entries = ok(run, copy, "export", "entries").output
    assert "'=1+1" not in ok(run, copy, "day", "2026-11-14").output  # text restored exactly
    assert "=1+1 was a joke" in ok(run, copy, "day", "2026-11-14").output
    assert ",''quoted" in entries  # neutralised again on export
    day = json.loads(ok(run, copy, "day", "2026-11-14", "--json").output)
    assert [e["note"] for e in day["entries"]] == [None, "'quoted"]  # exact again


def test_every_problem_is_listed_with_its_line_and_nothing_is_written(run, tmp_path):
    bad = tmp_path / "from-a-spreadsheet.csv"
    bad.write_text("date,pain,function,mood\n2026-11-10,4,5,6\n2026-11-11,14,5,\n"
                   "2026-11-12,3,five,7\n13/11/2026,2,2,2\n", encoding="utf-8")  # fmt: skip
    db = tmp_path / "new.db"
    result = run("--db", str(db), "import", str(bad))
    assert result.exit_code == 2
    assert "from-a-spreadsheet.csv has 3 problems; nothing was imported" in result.output
    assert "from-a-spreadsheet.csv line 3, pain: '14' is out of range; use a whole number" in (
        result.output
    )
    assert "line 4, function: 'five' is not a number" in result.output
    assert "line 5, date: '13/11/2026' is not a date; use YYYY-MM-DD" in result.output
    assert not db.exists()


def test_a_spreadsheet_saved_csv_with_a_bom_crlf_and_quoted_newlines_imports(run, tmp_path):
    made = tmp_path / "excel.csv"
    made.write_bytes(
        "\ufeffdate,pain,function,note,colour of sky\r\n"
        '2026-11-10,4,5,"two\r\nlines, and a comma",blue\r\n'
        "2026-11-11,,7,'=not a formula,grey\r\n".encode()
    )
    db = tmp_path / "d.db"
    said = ok(run, db, "import", str(made)).output
    assert "Columns unknown, not imported: colour of sky." in said
    day = json.loads(ok(run, db, "day", "2026-11-10", "--json").output)
    assert day["day"]["day_note"] == "two\nlines, and a comma" and day["day"]["function"] == 5
    assert [e["pain"] for e in day["entries"]] == [4]
    assert json.loads(ok(run, db, "day", "2026-11-11", "--json").output)["day"]["day_note"] == (
        "=not a formula"
    )
    before = rows(db)
    assert "nothing new" in ok(run, db, "import", str(made)).output
    assert rows(db) == before  # the day's entry has the same uid every time


def test_two_copies_of_one_diary_merge(run, source, tmp_path):
    copy = tmp_path / "copy.db"
    ok(run, source, "export", "json", "--out", str(tmp_path / "start.json"))
    ok(run, copy, "import", str(tmp_path / "start.json"))
    ok(run, source, "log", "-d", "2026-11-17", "--time", "09:00", "--pain", "2")  # at home
    ok(run, copy, "exercise", "aerobic", "30", "-d", "2026-11-17")  # at the clinic
    ok(run, source, "export", "json", "--out", str(tmp_path / "home.json"))
    said = ok(run, copy, "import", str(tmp_path / "home.json")).output
    assert "1 entry" in said
    day = json.loads(ok(run, copy, "day", "2026-11-17", "--json").output)
    assert [e["pain"] for e in day["entries"]] == [2] and len(day["sessions"]) == 1
    assert len(json.loads(ok(run, copy, "day", "2026-11-14", "--json").output)["entries"]) == 2


def test_a_conflict_is_listed_then_settled_only_when_asked(run, source, tmp_path):
    copy = tmp_path / "copy.db"
    ok(run, source, "export", "json", "--out", str(tmp_path / "start.json"))
    ok(run, copy, "import", str(tmp_path / "start.json"))
    ok(run, source, "edit", "--day", "2026-11-16", "function", "8")
    ok(run, source, "export", "json", "--out", str(tmp_path / "later.json"))
    before = rows(copy)
    result = run("--db", str(copy), "import", str(tmp_path / "later.json"))
    assert result.exit_code == 2 and "Choose --on-conflict skip or replace" in result.output
    assert "day 2026-11-16 function: here 6, in the file 8" in result.output
    assert rows(copy) == before
    assert "would" in ok(run, copy, "import", str(tmp_path / "later.json"), "--dry-run",
                         "--on-conflict", "replace").output.lower()  # fmt: skip
    assert rows(copy) == before
    ok(run, copy, "import", str(tmp_path / "later.json"), "--on-conflict", "skip")
    assert json.loads(ok(run, copy, "day", "2026-11-16", "--json").output)["day"]["function"] == 6
    ok(run, copy, "import", str(tmp_path / "later.json"), "--on-conflict", "replace")
    assert json.loads(ok(run, copy, "day", "2026-11-16", "--json").output)["day"]["function"] == 8
    history = json.loads(ok(run, copy, "history", "2026-11-16", "--json").output)["changes"]
    assert any(c["old_value"] == 6 and c["source"] == "import later.json" for c in history)


def test_another_patients_file_is_refused(run, source, tmp_path):
    ok(run, source, "export", "json", "--out", str(tmp_path / "p17.json"))
    other = tmp_path / "other.db"
    ok(run, other, "config", "set", "patient-id", "P-018")
    result = run("--db", str(other), "import", str(tmp_path / "p17.json"))
    assert result.exit_code == 2
    assert "patient_id: 'P-017' is not this diary's patient (P-018)" in result.output


def test_private_notes_come_only_with_an_export_that_had_them(run, source, tmp_path):
    ok(run, source, "export", "json", "--out", str(tmp_path / "plain.json"))
    ok(run, source, "export", "json", "--include-private", "--out", str(tmp_path / "all.json"))
    plain, full = tmp_path / "plain.db", tmp_path / "full.db"
    ok(run, plain, "import", str(tmp_path / "plain.json"))
    ok(run, full, "import", str(tmp_path / "all.json"))
    assert SECRET not in ok(run, plain, "day", "2026-11-14", "--private").output
    assert SECRET in ok(run, full, "day", "2026-11-14", "--private").output


def test_a_file_that_is_no_export_is_one_line(run, tmp_path):
    for name, text in (("x.json", "{}"), ("y.json", "not json"), ("z.csv", "a,b\n1,2\n")):
        (tmp_path / name).write_text(text)
        result = run("--db", str(tmp_path / "d.db"), "import", str(tmp_path / name))
        assert result.exit_code == 2 and result.output.startswith("Error: FILE: "), result.output
    assert not (tmp_path / "d.db").exists()


def test_a_daily_table_alone_refuses_a_mean_it_cannot_make_an_entry_of(run, source, tmp_path):
    ok(run, source, "export", "csv", "--out", str(tmp_path / "days.csv"))
    result = run("--db", str(tmp_path / "d.db"), "import", str(tmp_path / "days.csv"))
    assert result.exit_code == 2  # 14 Nov's pain is the mean of 5 and 6
    assert "days.csv line 2, pain: '5.5' is not a whole number" in result.output
    assert "import the bundle" in result.output


def test_a_row_with_more_cells_than_the_header_is_a_problem_not_a_guess(run, tmp_path):
    made = tmp_path / "shifted.csv"
    made.write_text("date,pain,note\n2026-11-10,4,fine\n2026-11-11,5,a note, with a comma\n")
    result = run("--db", str(tmp_path / "d.db"), "import", str(made))
    assert result.exit_code == 2
    assert "shifted.csv line 3, row: has 4 cells; the header names 3" in result.output


def test_a_value_an_earlier_version_allowed_comes_back_from_its_export(run, source, tmp_path):
    with sqlite3.connect(source) as conn:  # 300 minutes: allowed before the 240-minute limit
        conn.execute("update sessions set minutes = 300")
    ok(run, source, "export", "json", "--out", str(tmp_path / "old.json"))
    copy = tmp_path / "copy.db"
    ok(run, copy, "import", str(tmp_path / "old.json"))
    day = json.loads(ok(run, copy, "day", "2026-11-14", "--json").output)
    assert [s["minutes"] for s in day["sessions"]] == [300]
    made = tmp_path / "typed.csv"  # typed by hand today, the limit holds
    made.write_text("date,kind,minutes\n2026-11-12,physio,300\n")
    result = run("--db", str(copy), "import", str(made))
    assert result.exit_code == 2 and "minutes: '300' is out of range" in result.output


def test_a_big_file_tells_its_progress_as_rows_are_checked(run, source, tmp_path):
    from ampsdiary.exchange import reading

    ok(run, source, "export", "json", "--out", str(tmp_path / "d.json"))
    heard = []
    incoming = reading.read(tmp_path / "d.json", lambda done, total: heard.append((done, total)))
    assert heard[-1] == (5, 5) and not incoming.problems  # 2 entries, 1 session, 2 days


def test_a_daily_table_read_back_into_its_diary_adds_no_entry(run, tmp_path):
    db = tmp_path / "d.db"
    ok(run, db, "log", "-d", "2026-11-14", "--time", "08:00", "--pain", "4", "--function", "5")
    ok(run, db, "log", "-d", "2026-11-14", "--time", "19:00", "--pain", "6")
    ok(run, db, "export", "csv", "--out", str(tmp_path / "days.csv"))
    before = rows(db)
    said = ok(run, db, "import", str(tmp_path / "days.csv")).output
    assert "nothing new" in said and rows(db) == before  # pain 5 is the day's mean, not an entry
    changed = (tmp_path / "days.csv").read_text().replace(",5,6,", ",7,6,")  # pain 5 -> 7
    (tmp_path / "edited.csv").write_text(changed)
    result = run("--db", str(db), "import", str(tmp_path / "edited.csv"))
    assert result.exit_code == 2 and "day 2026-11-14 pain: here 5, in the file 7" in (
        result.output
    )  # the day's mean of 4 and 6 is written 5, as the daily table writes it


def test_a_dry_run_into_a_diary_not_made_yet_says_what_it_would_add(run, source, tmp_path):
    ok(run, source, "export", "json", "--out", str(tmp_path / "d.json"))
    missing = tmp_path / "not-yet" / "diary.db"
    said = ok(run, missing, "import", str(tmp_path / "d.json"), "--dry-run").output
    assert "Would add 2 entries, 1 session, 2 days, 1 setting" in said
    assert not missing.exists() and not missing.parent.exists()  # nothing made


def test_ids_no_diary_can_hold_become_new_ones_and_rows_without_uids_are_rows(run, tmp_path):
    made = {"format": "ampsdiary-export", "format_version": 1, "entries": [
        {"id": "²", "date": "2026-11-10", "pain": 3},  # str.isdigit() says yes, int() no
        {"id": "9" * 20, "date": "2026-11-11", "pain": 4},  # past SQLite's largest integer
    ]}  # fmt: skip
    (tmp_path / "ids.json").write_text(json.dumps(made))
    said = ok(run, tmp_path / "d.db", "import", str(tmp_path / "ids.json")).output
    assert "Imported ids.json: 2 entries" in said
