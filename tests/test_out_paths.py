"""An output never replaces the diary, its journal or any ampsdiary database, under any name."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from conftest import no_traceback

WRITERS = [
    ("report", "--out", "{name}.md"),
    ("report", "--out", "{name}.html"),
    ("plot", "recovery", "--out", "{name}.svg"),
    ("export", "--out", "{name}.csv"),
    ("export", "json", "--out", "{name}.json"),
    ("export", "--out", "{name}.zip"),
]


@pytest.fixture
def diary(run, tmp_path: Path) -> Path:
    (tmp_path / "a").mkdir()
    return tmp_path


def _names(tmp_path: Path, suffix: str) -> dict[str, str]:
    """The diary at mydiary<suffix>, and every other way to name it."""
    db = tmp_path / f"mydiary{suffix}"
    os.link(db, tmp_path / f"hard{suffix}")
    (tmp_path / f"soft{suffix}").symlink_to(db.name)
    shutil.copyfile(db, tmp_path / f"backup{suffix}")
    return {
        "itself": str(db),
        "relative": f"mydiary{suffix}",
        "dot-dot": f"./a/../mydiary{suffix}",
        "hard link": str(tmp_path / f"hard{suffix}"),
        "symlink": str(tmp_path / f"soft{suffix}"),
        "a backup": str(tmp_path / f"backup{suffix}"),
    }


@pytest.mark.parametrize("writer", WRITERS, ids=[" ".join(w[:2]) for w in WRITERS])
def test_an_output_named_as_the_diary_is_refused_and_nothing_written(
    run, tmp_path, monkeypatch, writer
):
    suffix = Path(writer[-1]).suffix
    db = tmp_path / f"mydiary{suffix}"
    monkeypatch.chdir(tmp_path)
    assert run("--db", str(db), "log", "--pain", "3", "-d", "yesterday").exit_code == 0
    (tmp_path / "a").mkdir()
    before = db.read_bytes()
    for how, name in _names(tmp_path, suffix).items():
        result = run("--db", f"mydiary{suffix}", *writer[:-1], name)
        no_traceback(result)
        assert result.exit_code == 2, (how, result.output)
        said = result.stderr.strip()
        assert said.startswith(
            f"Error: --out: '{name.removeprefix('./')}'".replace("a/../", "a/../")
        )
        assert "is the diary itself" in said or "is an ampsdiary diary" in said, (how, said)
        assert "\n" not in said
    assert db.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_report_over_last_weeks_report_is_fine(run, tmp_path):
    run("log", "--pain", "3", "-d", "yesterday")
    out = tmp_path / "week.md"
    assert run("report", "--out", str(out)).exit_code == 0
    out.write_text("last week")
    assert run("report", "--out", str(out)).exit_code == 0
    assert out.read_text() != "last week"


def test_the_journal_beside_the_diary_is_never_an_output(run, db_path):
    from ampsdiary.errors import DiaryError
    from ampsdiary.outputs import not_a_diary

    run("log", "--pain", "3", "-d", "yesterday")
    with pytest.raises(DiaryError, match="is the diary itself"):
        not_a_diary(Path(f"{db_path}-journal"), db_path)


def test_review_never_writes_over_a_diary(run, tmp_path, db_path):
    run("log", "--pain", "3", "-d", "yesterday")
    target = tmp_path / "caseload.csv"
    shutil.copyfile(db_path, target)  # a backup named like a caseload table
    result = run("review", str(tmp_path), "--out", str(target))
    no_traceback(result)
    assert result.exit_code == 2 and "is an ampsdiary diary" in result.stderr
    assert target.read_bytes() == db_path.read_bytes()
