"""Bytes that are not UTF-8, in a real argv and a real stdin, in UTF-8 and in the C locale.

A shell in another encoding (a Latin-1 terminal, a script reading an old file) passes such
bytes; Python hands them to us as lone surrogates. A note holding them once stopped `log`
with a traceback from SQLite. Each field refuses them in one line naming it, exit 2, and
nothing is written; a path holding them is a path like any other.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from catalogue import ENV, PRIVATE, build_diary, dump

LOCALES = {
    "utf-8": {"LC_ALL": "C.UTF-8"},
    "C, ascii": {"LC_ALL": "C", "PYTHONIOENCODING": "ascii"},
}


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_diary(tmp_path_factory.mktemp("bytes") / "diary.db")


def ampsdiary(db: Path, *args: bytes | str, locale: str, stdin: bytes = b""):
    env = {**os.environ, **ENV, **LOCALES[locale]}
    env.pop("PYTHONUTF8", None)
    command = [sys.executable, "-m", "ampsdiary", "--db", str(db), *args]
    return subprocess.run(command, input=stdin, capture_output=True, env=env, timeout=120)


@pytest.fixture
def diary(shared: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "copy.db"
    copy.write_bytes(shared.read_bytes())
    return copy


@pytest.mark.parametrize(
    ("args", "flag", "locale"),
    [
        ((b"log", b"--note", b"\xff\xfe"), "--note", "utf-8"),
        ((b"log", b"--note", b"\xff\xfe"), "--note", "C, ascii"),
        ((b"log", b"--pain", b"3", b"--private-note", b"caf\xe9"), "--private-note", "utf-8"),
        ((b"log", b"--trigger", b"exam,\xff"), "--trigger", "utf-8"),
        ((b"exercise", b"aerobic", b"20", b"--note", b"\xc3"), "--note", "utf-8"),
        ((b"edit", b"--day", b"today", b"day-note", b"\xff"), "--day-note", "utf-8"),
    ],
)
def test_a_value_not_utf8_is_refused_in_one_line(diary, args, flag, locale):
    before = dump(diary)
    result = ampsdiary(diary, *args, locale=locale)
    err = result.stderr.decode("utf-8", "replace")
    assert result.returncode == 2, err
    assert "Traceback" not in err
    assert len(err.splitlines()) == 1, err
    assert err.startswith(f"Error: {flag}: '") and "\\udc" in err, err  # the value, escaped
    assert "not UTF-8" in err
    assert dump(diary) == before


@pytest.mark.parametrize("locale", LOCALES)
def test_text_in_utf8_is_kept_as_typed(diary, locale):
    """The refusal is of broken bytes only: an accent typed in UTF-8 is a note."""
    result = ampsdiary(diary, "log", "--note", "café ça va".encode(), locale=locale)
    assert result.returncode == 0, result.stderr
    shown = ampsdiary(diary, "day", "--json", locale="utf-8")
    assert "caf\\u00e9 \\u00e7a va" in shown.stdout.decode()


@pytest.mark.parametrize("locale", LOCALES)
def test_a_path_not_utf8_is_written_and_named(diary, tmp_path, locale):
    out = os.fsencode(tmp_path) + b"/caf\xe9.csv"
    result = ampsdiary(diary, "export", "--out", out, locale=locale)
    assert result.returncode == 0, result.stderr
    assert os.path.exists(out)
    assert b"Traceback" not in result.stderr


@pytest.mark.parametrize("locale", LOCALES)
def test_answers_not_utf8_in_the_check_in(diary, locale):
    """A check-in typed in a Latin-1 terminal: the broken answer is asked again, the rest
    is saved; the private note never printed."""
    # function, school, sport, friends, pain, nine questions skipped, the day note, again
    stdin = b"6\n\n\n\n3\n" + b"\n" * 10 + b"\xe9t\xe9\nfine \xc3\xa9\n"
    result = ampsdiary(diary, "log", "--check-in", "-d", "2026-10-01", locale=locale, stdin=stdin)
    out = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out
    assert result.returncode == 0, out
    assert "'\\udce9t\\udce9' holds bytes that are not UTF-8" in out
    assert PRIVATE not in out
    day = ampsdiary(diary, "day", "2026-10-01", "--json", locale="utf-8").stdout.decode()
    assert '"function": 6' in day and '"pain": 3' in day
    assert "fine \\u00e9" in day  # the answer given again, in UTF-8, kept as typed


def test_every_question_answered_in_another_encoding(diary):
    """Each question first gets bytes that are not UTF-8 (a word, a session, a carried-over
    `=`, a list of places), then Enter: each is refused in place and asked again, never a
    traceback, and a check-in skipped to the end saves nothing."""
    junk = [b"\xff", b"kne\xe9", b"aerobic \xff", b"=\xff", b"l\xe9ft-foot", b"back\xff", b"3\xff"]
    stdin = b"".join(junk[i % len(junk)] + b"\n\n" for i in range(20))
    before = dump(diary)
    result = ampsdiary(diary, "log", "--check-in", "-d", "2026-10-01", locale="utf-8", stdin=stdin)
    out = result.stdout.decode("utf-8", "replace") + result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out
    assert result.returncode == 0, out
    assert out.count("holds bytes that are not UTF-8") >= 12, out
    assert "Nothing logged: every question was skipped." in out
    assert dump(diary) == before
