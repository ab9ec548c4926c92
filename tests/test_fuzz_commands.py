"""Never a traceback: every option of every command, fuzzed against a real diary.

Each run either works (exit 0) or says what is wrong in one line on stderr and exits 2,
and a run that failed changed nothing: the diary's every row is as it was. The commands
and options come from the typer app (tests/catalogue.py), so a new one is fuzzed too.
The values are what people and scripts really pass: any text, text holding bytes that are
not UTF-8 (Python hands them over as lone surrogates, os.fsdecode(b"\\xff") == "\\udcff"),
10,000 characters, dates and numbers of every odd shape, and nothing at all.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from ampsdiary.cli import app
from catalogue import (
    Command,
    Param,
    build_diary,
    catalogue,
    dump,
    known_words,
    root_options,
    typer_names,
)
from conftest import no_traceback

COMMANDS = catalogue()
# Drawing pictures and reports costs a second or more a run: fewer examples for those.
EXAMPLES = {"plot": 10, "report": 10, "demo": 6, "backup": 15, "restore": 20, "review": 20}
DEFAULT_EXAMPLES = 30
FUZZ = settings(
    deadline=None,
    derandomize=True,  # the same examples on every machine: CI is reproducible
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Bytes that are not UTF-8 arrive in argv as lone surrogates (only these: U+DC80 to U+DCFF).
SURROGATE = st.binary(min_size=1, max_size=6).map(lambda b: os.fsdecode(b.replace(b"\0", b"\xff")))
# argv can hold any character but NUL (the kernel ends a string there).
CHARACTER = st.characters(exclude_characters="\x00") | SURROGATE
TEXT = st.lists(CHARACTER, max_size=20).map("".join)
LONG = st.text(min_size=1, max_size=3).map(lambda s: (s.replace("\x00", "x") * 10_000)[:10_000])
ODD_DATES = (
    "2026-02-30", "2026-13-01", "2026-00-10", "0001-01-01", "9999-12-31", "1900-01-01",
    "2026-11-18T10:00", "20261118", "18/11/2026", "11/18/2026", "2026-W47", "2026-W53",
    "2026-W00", "2026w47", "today", "yesterday", "tomorrow", "mon", "sun", "3d", "0d", "-3d",
    "99999999999d", "2026-11-18 ", " 2026-11-18", "２０２６-１１-１８", "2026-11-19", "1d",
)  # fmt: skip
DATE = st.dates().map(str) | st.sampled_from(ODD_DATES) | st.datetimes().map(str)
ODD_NUMBERS = (
    "nan", "-nan", "inf", "-inf", "infinity", "1e309", "-1e309", "1e-309", "-0", "0.0",
    "٣", "١٠", "５", "½", "Ⅻ", "0x10", "1_000", "1,5", "+3", "3.", ".5", "4.999999999999999",
    "10.0000000000000001", "1" * 400, "-" + "9" * 30, "²", "9" * 19, "9" * 20,
)  # fmt: skip
NUMBER = (
    st.integers().map(str)
    | st.integers(-3, 30).map(str)
    | st.floats().map(repr)
    | st.sampled_from(ODD_NUMBERS)
)
WORD = st.sampled_from(known_words())
VALUE = st.one_of(WORD, WORD, NUMBER, DATE, TEXT, SURROGATE, LONG, st.just(""))
OUT_NAMES = (
    "out.png", "out.svg", "out.pdf", "out.html", "out.md", "out.csv", "out.json", "out.zip",
    "out", "new/", "out.PNG", "out.txt", ".png", "-", "", "exports/x.csv",
)  # fmt: skip


def _inside(value: str) -> str:
    """A fuzzed path kept inside this example's folder: '/x' and '../x' would write (as
    root, in CI) anywhere, and '/' would be read, recursively, whole."""
    parts = [p for p in value.replace("\\", "/").split("/") if p not in ("", ".", "..")]
    return "/".join(parts) or value.strip("/.") or "x"


def _path_value(shared: Path) -> st.SearchStrategy[str]:
    files = [str(p) for p in sorted(shared.iterdir())]
    return st.sampled_from(OUT_NAMES) | st.sampled_from(files) | VALUE.map(_inside)


PATHS = {"out", "path", "paths"}


PLAIN = ("0", "1", "2", "3", "5", "10", "today", "yesterday", "2026-11-10", "2026-W46")


def plausible(param: Param, shared: Path) -> st.SearchStrategy[str]:
    """A value that may well be right: a word of the option's own help, a small number,
    a day. The others of a command line are plausible so the fuzzed one is reached."""
    if param.name in PATHS:
        return _path_value(shared)
    words = re.findall(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", param.help.lower())
    return st.sampled_from(sorted({*words, *PLAIN}))


@st.composite
def argv(draw, command: Command, shared: Path) -> list[str]:
    """One command line: some of its options in some order and its arguments (the required
    ones always), one or two of them fuzzed, the rest plausible."""
    params = [*command.options, *command.arguments]
    wild = draw(st.sets(st.sampled_from([p.name for p in params]), max_size=2)) if params else ()

    def value(param: Param) -> str:
        if param.name not in wild:
            return draw(plausible(param, shared))
        return draw(_path_value(shared) if param.name in PATHS else VALUE)

    args: list[str] = []
    options = draw(st.permutations(command.options))
    for option in options[: draw(st.integers(0, len(options)))]:
        for _ in range(draw(st.integers(1, 3)) if option.many else 1):
            args.append(draw(st.sampled_from((*option.opts, *option.off))))
            if not option.flag:
                args.append(value(option))
    for argument in command.arguments:
        if argument.required or draw(st.booleans()):
            count = draw(st.integers(1, 3)) if argument.many else 1
            args += [value(argument) for _ in range(count)]
    return [*command.path, *args]


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one diary every example copies, and exports of it for import and review to read."""
    folder = tmp_path_factory.mktemp("shared")
    diary = build_diary(folder / "diary.db")
    runner = CliRunner()
    for kind, name in (("json", "export.json"), ("bundle", "bundle.zip"), ("csv", "daily.csv")):
        result = runner.invoke(app, ["--db", str(diary), "export", kind, "-o", str(folder / name)])
        assert result.exit_code == 0, result.output
    return folder


# A person saying no is no error: exit 1, as `rm -i` does, and nothing written.
STOPPED = ("Check-in stopped: nothing was saved.", "Nothing was deleted.")


def check(result, diary: Path, before: dict) -> None:
    """Worked, or one line saying why with exit 2 and the diary as it was."""
    no_traceback(result)
    shown = f"exit {result.exit_code}\nstdout: {result.stdout[-600:]!r}\nstderr: {result.stderr!r}"
    stopped = result.exit_code == 1 and result.stdout.rstrip().endswith(STOPPED)
    assert result.exit_code in (0, 2) or stopped, shown
    if result.exit_code == 0:
        return
    assert dump(diary) == before, f"a failed run changed the diary\n{shown}"
    if stopped:
        return
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith("Error: ")]
    # One error, on one line and last; notes may come before it (files review skipped).
    assert len(errors) == 1 and lines[-1] == errors[0], shown


@contextlib.contextmanager
def example(shared: Path, tmp_path: Path):
    """A fresh copy of the diary in a fresh folder, the working folder for the run."""
    folder = Path(tempfile.mkdtemp(dir=tmp_path))
    diary = folder / "diary.db"
    shutil.copy(shared / "diary.db", diary)
    try:
        with contextlib.chdir(folder):
            yield diary
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def typed(answers: list[str]) -> bytes:
    """The answers as lines of UTF-8. Bytes that are not UTF-8 on stdin are fuzzed in real
    processes (test_argv_bytes.py): CliRunner echoes each answer into a strict UTF-8
    stdout, and would fail there where a terminal shows them."""
    return "".join(answer + "\n" for answer in answers).encode("utf-8", "replace")


def run_checked(shared: Path, tmp_path: Path, args: list[str], answers: list[str] = ()):
    with example(shared, tmp_path) as diary:
        before = dump(diary)
        result = CliRunner().invoke(app, ["--db", str(diary), *args], input=typed(answers))
        check(result, diary, before)
        return result


# Each cause of a traceback the fuzz found, as the command line that showed it first.
FOUND = [
    ["log", "--note", "\udcff\udcfe"],  # 1: lone surrogates reached SQLite
    ["exercise", "aerobic", "20", "--note", "caf\udce9"],
    ["edit", "1", "note", "\udcff"],
    ["undo", "²"],  # 3: isdigit() says yes to '²', int() does not
    ["edit", "²", "pain", "3"],
    ["undo", "0" * 10_000],  # 3: int() refuses 4,300 digits and more
    ["export", "--out", "0" * 10_000],  # 4: 'File name too long' was exit 1
    ["review", "0" * 10_000],
]


@pytest.mark.parametrize("args", FOUND, ids=lambda args: " ".join(args)[:30])
def test_each_cause_found(args: list[str], shared: Path, tmp_path: Path):
    result = run_checked(shared, tmp_path, args)
    assert result.exit_code == 2


def test_the_catalogue_has_every_command():
    """The click walk finds what typer registered: a new command cannot escape the fuzz."""
    assert set(COMMANDS) == typer_names()
    assert all(command.params or command.name == "demo" for command in COMMANDS.values())
    assert [option.name for option in root_options()] == ["db"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_every_option_never_a_traceback(name: str, shared: Path, tmp_path: Path):
    command = COMMANDS[name]

    @settings(FUZZ, max_examples=EXAMPLES.get(command.path[0], DEFAULT_EXAMPLES))
    @given(args=argv(command, shared), answers=st.lists(VALUE, max_size=4))
    def fuzz(args: list[str], answers: list[str]) -> None:
        # Answers for a command that asks (delete without --yes, the check-in).
        run_checked(shared, tmp_path, args, answers)

    fuzz()


ANSWER = st.one_of(
    st.sampled_from(["", "-", "=", "==", "back", "quit", "yes", "no", "y", "left-foot,knee"]),
    NUMBER,
    TEXT,
    st.lists(CHARACTER | st.just("\x00"), max_size=10).map("".join),  # stdin may hold NUL
    LONG,
)


@settings(FUZZ, max_examples=40)
@given(answers=st.lists(ANSWER, max_size=20), day=st.sampled_from(["today", "yesterday", "mon"]))
def test_the_check_in_takes_any_answers(answers: list[str], day: str, shared, tmp_path):
    """The guided check-in, answered with anything; the end of input part way is a quit."""
    args = ["log", "--check-in", "-d", day]
    run_checked(shared, tmp_path, args, answers)


@settings(FUZZ, max_examples=25)
@given(db=VALUE.map(_inside), name=st.sampled_from(["show", "log", "nudge", "day"]))
def test_any_db_path(db: str, name: str, shared, tmp_path):
    """--db itself: any name in the working folder, a diary or not yet."""
    with example(shared, tmp_path) as diary:
        before = dump(diary)
        args = ["--db", db, name, *(["--pain", "3"] if name == "log" else [])]
        result = CliRunner().invoke(app, args)
        check(result, diary, before)
