"""The check-in wraps its prompts, hints and errors between words at the terminal's own
width, in 60 columns as in 80."""

from __future__ import annotations

import pytest

from test_checkin import ANSWERS, script


@pytest.mark.parametrize("width", [60, 80])
def test_every_line_of_the_check_in_fits_and_breaks_between_words(run, monkeypatch, width):
    monkeypatch.setenv("COLUMNS", str(width))
    answers = ["eleven", *ANSWERS[:6], "lft foot", "left-foot", *ANSWERS[7:]]
    result = run("log", "--check-in", input=script(answers))
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    typed = sorted(set(answers), key=len, reverse=True)  # the runner echoes what was typed

    def shown(line: str) -> str:
        return next((line.removesuffix(a) for a in typed if a and line.endswith(": " + a)), line)

    too_long = [line for line in lines if len(shown(line)) > width]
    assert not too_long, too_long
    said = " ".join(line.strip() for line in lines)
    assert "Try again, or Enter to skip." in said  # the error for 'eleven', whole
    assert "Enter skips a question." in said and "quit stops and saves nothing." in said
