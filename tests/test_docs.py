"""Generated docs match the code; the README quick start stays two commands; start-up is light."""

from __future__ import annotations

import importlib.util
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _make_docs():
    spec = importlib.util.spec_from_file_location("make_docs", ROOT / "scripts" / "make_docs.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("name", "render"), [("cli.md", "render_cli"), ("vocabulary.md", "render_vocabulary")]
)
def test_generated_docs_are_fresh(name: str, render: str) -> None:
    fresh = getattr(_make_docs(), render)()
    on_disk = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert on_disk == fresh, f"docs/{name} is stale: run make docs"


def test_the_data_dictionary_is_fresh_and_names_every_column() -> None:
    from ampsdiary.exchange.columns import TABLES
    from ampsdiary.exchange.dictionary import render

    fresh = render()
    for cols in TABLES.values():
        for col in cols:
            assert f"| `{col.name}` | {col.type} |" in fresh
    name = "data-dictionary.md"
    on_disk = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert on_disk == fresh, f"docs/{name} is stale: run make docs"


def test_generated_docs_name_every_command_and_field() -> None:
    """Guards the generator itself: a rendering that drops commands or fields must fail."""
    make_docs = _make_docs()
    cli, vocabulary = make_docs.render_cli(), make_docs.render_vocabulary()
    import typer

    from ampsdiary.cli import app

    group = typer.main.get_command(app)
    commands = [
        f"{name} {sub}" if hasattr(cmd, "commands") else name
        for name, cmd in group.commands.items()
        for sub in (getattr(cmd, "commands", None) or [""])
    ]
    assert len(commands) > 15
    for command in commands:
        assert f"## `ampsdiary {command.strip()}`" in cli
    assert "--install-completion" not in cli
    for flag in ("`--pain`", "`--where`", "`--function`", "`--sport` / `--no-sport`"):
        assert f"- Enter with: {flag}\n" in vocabulary
    assert "- Enter with: argument `KIND`" in vocabulary
    assert "`l-foot`, `lfoot`, `foot-left` → `left-foot`" in vocabulary
    assert "- `exercise-goal`: daily exercise goal in minutes" in vocabulary


def test_readme_quick_start_is_make_demo_then_make_test() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = re.search(r"^## Quick start\n(.*?)(?=^## )", readme, re.M | re.S)
    assert section, "README.md has no '## Quick start' section"
    blocks = re.findall(r"```\w*\n(.*?)```", section.group(1), re.S)
    commands = [line.strip() for block in blocks for line in block.splitlines() if line.strip()]
    assert commands == ["make demo", "make test"]


def test_importing_the_cli_loads_no_plotting_libraries() -> None:
    code = (
        "import ampsdiary.cli, sys; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'matplotlib', 'numpy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.strip() == "[]"


def test_the_library_example_in_the_docs_runs(tmp_path) -> None:
    page = (ROOT / "docs" / "library.md").read_text(encoding="utf-8")
    example = re.search(r"```python\n(.*?)```", page, re.S)
    assert example, "docs/library.md has no python example"
    exec(compile(example.group(1), "docs/library.md", "exec"), {"path": tmp_path / "d.db"})
    assert (tmp_path / "d.db").exists()
