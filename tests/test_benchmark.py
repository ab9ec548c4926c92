"""The benchmark cannot rot: every command it times still runs, on a one-month diary.

It is not a timing test (no numbers are asserted): `scripts/benchmark.py --smoke` runs each
floor and each command once, as `make bench` does on ten years, and must say how long each
took, so a renamed option or a removed command fails here instead of in the next benchmark.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "benchmark.py"


def test_the_benchmark_runs_every_command_and_times_it():
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--smoke", "--json"],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    measured = json.loads(done.stdout)
    assert set(measured["floors"]) == {"python", "stack", "matplotlib"}
    assert all(seconds > 0 for seconds in measured["floors"].values())
    commands = measured["commands"]
    for needed in ("recovery", "export csv", "import", "plot symptoms", "report"):
        assert any(needed in name for name in commands), needed
    failed = [name for name, seconds in commands.items() if seconds is None]
    assert not failed, failed
