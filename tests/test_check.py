"""`check`: a healthy diary says so (exit 0); a damaged one, one from a newer version, and
every value this version would never write are listed one line each with what to do (exit 2).
The values are the ones every read leaves out: the same check, one definition."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from conftest import no_traceback
from test_backup_restore import FIXTURE, damage, newer
from test_hand_edited import BAD

FIXES = {  # the value each BAD case is corrected to, following check's own advice
    "mood": "6", "pain": "4", "locations": "left-foot", "skin_color": "red", "sport": "yes",
    "function": "5", "minutes": "10", "kind": "physio", "school": "full",
}  # fmt: skip


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("template") / "kid.db"


@pytest.fixture
def logged(run, tmp_path, template) -> Path:
    """The diary test_hand_edited edits, in a file named by --db (made once, copied)."""
    path = tmp_path / "kid.db"
    if not template.exists():
        _log(run, template)
    shutil.copy(template, path)
    return path


def _log(run, path: Path) -> None:
    for args in (
        ("log", "--pain", "4", "--function", "5", "--mood", "6", "--sport", "-d", "2026-11-16"),
        ("log", "--pain", "6", "-d", "2026-11-16", "--time", "20:00"),
        ("log", "--pain", "2", "--function", "7", "--school", "full", "-d", "2026-11-17"),
        ("exercise", "physio", "30", "-d", "2026-11-16"),
        ("exercise", "aerobic", "20", "-d", "2026-11-16"),
    ):
        assert run("--db", str(path), *args).exit_code == 0


def edit(path: Path, sql: str) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute(sql)


def check(run, path: Path, *args: str):
    result = run("--db", str(path), "check", *args)
    no_traceback(result)
    return result


def test_a_healthy_diary_says_so(run, logged):
    result = check(run, logged)
    assert result.exit_code == 0, result.output
    said = " ".join(result.output.split())
    assert said == (
        f"Diary: {logged} (2 days, 2026-11-16 to 2026-11-17, {size(logged)}) Whole (integrity "
        "check ok); this version's format; every stored value is one this version writes."
    )
    document = json.loads(check(run, logged, "--json").stdout)
    assert document["healthy"] is True and document["problems"] == []
    assert document["integrity"] == ["ok"] and document["values"] == []


def size(path: Path) -> str:
    return f"{path.stat().st_size // 1024} KB"


@pytest.mark.parametrize(("sql", "named"), BAD, ids=[b[1] for b in BAD])
def test_every_value_the_reads_leave_out_is_listed_with_its_fix(run, logged, sql, named):
    edit(logged, sql)
    left_out = " ".join(run("--db", str(logged), "recovery").stderr.split())
    assert f"({named})" in left_out  # what the reads say they left out...
    result = check(run, logged, "--json")
    assert result.exit_code == 2
    (found,) = json.loads(result.stdout)["values"]
    date = found["date"] or found["value"]
    assert f"{date} {found['field']} {found['value']!r}" == named  # ...is what check lists
    text = check(run, logged)
    lines = text.output.splitlines()
    problems = [line for line in lines if line.startswith("Problem: ")]
    assert len(problems) == 1 and "a value this version would never write" in problems[0]
    assert lines[lines.index("What to do:") + 1].endswith(found["fix"])
    if found["field"] == "date":
        assert "restore a backup" in found["fix"]
        return
    fix = found["fix"].split(" (or")[0].replace("VALUE", FIXES[found["field"]]).split()
    assert fix[0] == "ampsdiary"
    assert run("--db", str(logged), *fix[1:]).exit_code == 0, fix  # the advice works
    assert check(run, logged).exit_code == 0


def test_a_bad_setting_is_listed_with_config_set(run, logged):
    edit(logged, "INSERT OR REPLACE INTO settings VALUES ('exercise-goal', 'lots')")
    (found,) = json.loads(check(run, logged, "--json").stdout)["values"]
    assert found["fix"] == "ampsdiary config set exercise-goal VALUE"


def test_a_private_note_is_never_shown_even_when_it_is_wrong(run, logged):
    edit(logged, "UPDATE days SET private_note = CAST('my secret' AS BLOB)")
    for args in ((), ("--json",)):
        result = check(run, logged, *args)
        assert result.exit_code == 2 and "secret" not in result.output
        assert "private_note" in result.output and "(private)" in result.output


def test_a_damaged_diary_is_listed_and_the_newest_backup_named(run, tmp_path):
    path = tmp_path / "diary.db"
    assert run("--db", str(path), "demo").exit_code == 0
    assert run("--db", str(path), "backup").exit_code == 0
    damage(path)
    before = path.read_bytes()
    result = check(run, path)
    assert result.exit_code == 2
    lines = result.output.splitlines()
    assert lines[1].startswith("Problem: damaged: ")
    backup = tmp_path / "backups" / "diary-2026-11-18.db"
    assert lines[-2:] == ["What to do:", f"Restore a backup: ampsdiary restore {backup}"]
    assert path.read_bytes() == before
    document = json.loads(check(run, path, "--json").stdout)
    assert document["healthy"] is False and document["integrity"] != ["ok"]
    assert document["newest_backup"] == str(backup)


def test_a_file_sqlite_cannot_read_is_a_problem_not_a_crash(run, tmp_path):
    path = tmp_path / "diary.db"
    assert run("--db", str(path), "demo").exit_code == 0
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\x00" * 3996  # the schema page zeroed
    path.write_bytes(bytes(data))
    result = check(run, path)
    assert result.exit_code == 2 and "Problem: " in result.output
    assert "Restore a backup: ampsdiary restore PATH (none found beside" in " ".join(
        result.output.split()
    )


def test_a_newer_diary_says_upgrade(run, logged):
    newer(logged)
    result = check(run, logged)
    assert result.exit_code == 2
    assert "Problem: written by a newer version of ampsdiary (m999_future)" in result.output
    assert "Upgrade ampsdiary to change this diary" in result.output


def test_an_older_format_is_healthy_and_check_leaves_it_as_it_is(run, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(FIXTURE, old)
    before = old.read_bytes()
    result = check(run, old)
    assert result.exit_code == 0, result.output
    assert "an older format (1 of 2 migrations)" in " ".join(result.output.split())
    assert old.read_bytes() == before and not (tmp_path / "backups").exists()
    document = json.loads(check(run, old, "--json").stdout)
    assert document["format"]["pending"] == ["m002_lasting_ids_utc_and_history_sources"]


def test_no_diary_is_one_error(run, tmp_path):
    result = check(run, tmp_path / "none.db")
    assert result.exit_code == 2 and result.output.startswith("Error: --db: ")
    assert "does not exist yet" in result.output
