"""Every --json document is one object with its schema version first (docs/json.md)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import typer

from ampsdiary.cli import app
from ampsdiary.cli.common import JSON_SCHEMA_VERSION, emit

ROOT = Path(__file__).resolve().parents[1]

# Calls of every command that takes --json, between them giving every top-level key;
# {out} is a file in the test's folder.
CALLS = [
    ("show", ("show",)),
    ("day", ("day",)),
    ("history", ("history",)),
    ("summary", ("summary",)),
    ("trends", ("trends",)),
    ("recovery", ("recovery",)),
    ("nudge", ("nudge",)),
    ("plot", ("plot", "recovery", "--out", "{out}.png")),
    ("report", ("report", "--out", "{out}.md")),
    ("report", ("report", "--from", "2026-10-01", "--out", "{out}.md")),
    ("config get", ("config", "get")),
    ("vocabulary", ("vocabulary",)),
    ("review", ("review", str(ROOT / "tests" / "fixtures" / "caseload"), "--out", "{out}.csv")),
    ("check", ("check",)),
    ("backup", ("backup", "--out", "{out}.db")),
    ("restore", ("restore", "{backup}", "--yes")),  # last: it replaces the diary
]
NAMES = dict.fromkeys(name for name, _ in CALLS)


def _documented() -> dict[str, set[str]]:
    """Each command's top-level keys, from the table in docs/json.md."""
    keys = {}
    for line in (ROOT / "docs" / "json.md").read_text(encoding="utf-8").splitlines():
        cells = [c.strip() for c in line.strip("|").split("|")]
        if len(cells) == 3 and re.fullmatch(r"`[a-z ]+`", cells[0]):
            keys[cells[0].strip("`")] = set(re.findall(r"`([a-z_0-9]+)`", cells[1]))
    return keys


def _document(run, demo_db: Path, tmp_path: Path, args: tuple[str, ...]) -> dict[str, Any]:
    """{out}: a file in the test's folder; {backup}: a copy there of an older diary."""
    backup = tmp_path / "older.db"
    shutil.copy(ROOT / "tests" / "fixtures" / "first-schema.db", backup)
    args = tuple(a.format(out=tmp_path / "out", backup=backup) for a in args)
    result = run("--db", str(demo_db), *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def _json_commands() -> set[str]:
    """The names (`config get` for a subcommand) of every command with a --json option."""
    found = set()

    def walk(command: Any, name: str) -> None:
        if hasattr(command, "commands"):  # a group
            for sub_name, sub in command.commands.items():
                walk(sub, f"{name} {sub_name}".strip())
        elif any("--json" in getattr(p, "opts", ()) for p in command.params):
            found.add(name)

    walk(typer.main.get_command(app), "")
    return found


def test_every_json_command_is_called_here_and_documented():
    assert set(NAMES) == _json_commands()
    assert set(_documented()) == set(NAMES), "docs/json.md: one table row a --json command"


@pytest.mark.parametrize(("name", "args"), CALLS)
def test_every_document_is_an_object_with_its_version_first(run, demo_db, tmp_path, name, args):
    data = _document(run, demo_db, tmp_path, args)
    assert isinstance(data, dict)
    assert next(iter(data)) == "schema_version" and data["schema_version"] == JSON_SCHEMA_VERSION
    assert set(data) - {"schema_version"} <= _documented()[name], "a key docs/json.md lacks"


def test_docs_name_only_keys_the_documents_have(run, demo_db, tmp_path):
    printed: dict[str, set[str]] = {name: set() for name in NAMES}
    for name, args in CALLS:
        printed[name] |= set(_document(run, demo_db, tmp_path, args)) - {"schema_version"}
    assert printed == _documented()


def test_lists_go_under_a_named_key(run, demo_db):
    db = ("--db", str(demo_db))
    assert isinstance(json.loads(run(*db, "history", "--json").output)["changes"], list)
    fields = json.loads(run(*db, "vocabulary", "--json").output)["fields"]
    assert fields[0]["flag"] == "--pain"
    settings = json.loads(run(*db, "config", "get", "--json").output)["settings"]
    assert settings["exercise-goal"] == "60"


def test_emit_refuses_a_document_that_is_not_an_object():
    with pytest.raises(TypeError, match="is an object, not a list"):
        emit(True, [1, 2], lambda out: None)  # type: ignore[arg-type]
