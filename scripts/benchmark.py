"""Time real `ampsdiary` commands on diaries of 1, 3 and 10 years, as ratios to their floors.

Each command runs as its own process (interpreter start, imports, SQLite, rendering: all of
it), as a person types it. The floors are measured in the same run, round-robin with the
commands so that load on the machine falls on both alike: the bare interpreter, the stack
(a do-nothing typer command that imports typer and sqlite_utils) and matplotlib
(`import matplotlib.figure`). A command is shown as a ratio to the stack floor, or, when it
draws, as the seconds it takes beyond the matplotlib floor.

`--write` rewrites docs/benchmark.md (its caseload section, measured by hand with
`--caseload N`, is kept); `--smoke` runs every command once on a one-month diary, so the
script cannot rot (a test runs it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_diaries import CASELOAD_DAYS, build_caseload, build_diary

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmark.md"
CLI = Path(sys.executable).parent / "ampsdiary"
SIZES = {"1 year": 365, "3 years": 1095, "10 years": 3650}
SMOKE = {"1 month": 30}
STACK = (
    "import typer, sqlite_utils\napp = typer.Typer()\n"
    "@app.command()\ndef main() -> None:\n    pass\napp()\n"
)
FLOORS = {
    "python": ("`python -c pass`: the bare interpreter", ["-c", "pass"]),
    "stack": ("the stack: a do-nothing typer command importing typer and sqlite_utils", None),
    "matplotlib": ('`python -c "import matplotlib.figure"`', ["-c", "import matplotlib.figure"]),
}


@dataclass(frozen=True)
class Command:
    """One row of the table: what is typed, the floor it is held to and the issue's target."""

    args: str  # {db}: the diary; {json}: its json export; {fresh}: a new file each run
    floor: str  # "stack" (a ratio) or "matplotlib" (seconds beyond it)
    target: float | None  # a ratio to the stack floor, or seconds beyond/in all
    note: str
    seconds: bool = False  # the target is seconds in all (import, export json)


COMMANDS = (
    Command("log --pain 4 --function 6", "stack", 1.0, "save one entry; the streak line"),
    Command("nudge", "stack", 1.0, "the daily reminder, answered before the CLI loads"),
    Command("show --days 14", "stack", 1.0, "two weeks, one row a day"),
    Command("summary", "stack", 1.0, "this week next to last week"),
    Command("history", "stack", 1.0, "what was changed or deleted"),
    Command("trends --by month", "stack", 1.25, "one row a month for the whole diary"),
    Command("recovery", "stack", 1.25, "when function and pain started to improve"),
    Command("export csv", "stack", 1.3, "the daily table of the whole diary, on stdout"),
    Command("export json --out diary.json", "stack", 3.0, "everything, history included", True),
    Command("--db {fresh} import {json}", "stack", 3.0, "the json export into a new diary", True),
    Command("plot recovery --out recovery.png", "matplotlib", 0.6, "the whole diary"),
    Command("report --out week.pdf", "matplotlib", 0.8, "one week, printable"),
    Command("plot calendar --out calendar.png", "matplotlib", 1.0, "the last 24 months"),
    Command("plot symptoms --out symptoms.png", "matplotlib", 1.0, "the whole diary"),
)  # fmt: skip
PROBE = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "took = time.perf_counter() - start; use = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(done.returncode, took, use.ru_utime + use.ru_stime, use.ru_maxrss, "
    "done.stderr.decode()[-300:].replace(chr(10), ' '))"
)
CASELOAD_SECTION = "## Caseload review"
CASELOAD_COMMANDS = (
    ("review {folder}", "the table, on stdout"),
    ("review {folder} --json", "every patient's JSON (the keys of recovery --json), on stdout"),
    ("review {folder} --out caseload.pdf", "the table and the small multiples, as a PDF"),
)


@dataclass
class Timings:
    """Seconds (wall and CPU) and peak megabytes of the runs of one command."""

    wall: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    peak: list[float] = field(default_factory=list)
    failed: str | None = None

    @property
    def median(self) -> float:
        return statistics.median(self.wall)


def probe(argv: list[str], env: dict[str, str], into: Timings) -> None:
    """Run argv once in a small wrapper that reports its time and its peak memory."""
    wrapped = [sys.executable, "-c", PROBE, *argv]
    out = subprocess.run(wrapped, env=env, capture_output=True, text=True, cwd=env["PWD"])
    code, took, cpu, peak, said = out.stdout.split(" ", 4)
    if code != "0":
        into.failed = said.strip() or f"exit {code}"
        return
    into.wall.append(float(took))
    into.cpu.append(float(cpu))
    into.peak.append(int(peak) / 1024)  # KiB on Linux


def floor_argv(name: str, scratch: Path) -> list[str]:
    if name == "stack":
        script = scratch / "stack_floor.py"
        script.write_text(STACK, encoding="utf-8")
        return [sys.executable, str(script)]
    return [sys.executable, *FLOORS[name][1]]


def prepare(scratch: Path, sizes: dict[str, int], end: dt.date) -> dict[str, dict]:
    """A diary of each size, a copy of it for `log` to write into, and its json export."""
    diaries = {}
    for label, length in sizes.items():
        folder = scratch / label.replace(" ", "-")
        folder.mkdir()
        db = folder / "diary.db"
        counts = build_diary(db, end, length)
        shutil.copy(db, folder / "for-log.db")
        export = folder / "export.json"
        exporting = [str(CLI), "--db", str(db), "export", "json", "--out", str(export)]
        subprocess.run(exporting, check=True)
        counts["megabytes"] = db.stat().st_size / 1e6
        diaries[label] = {"db": db, "log": folder / "for-log.db", "json": export, **counts}
        print(f"Built {label}: {counts}", file=sys.stderr)
    return diaries


def command_argv(command: Command, diary: dict, run: int) -> list[str]:
    args = command.args
    db = diary["log"] if args.startswith("log") else diary["db"]
    fresh = diary["db"].parent / f"imported-{run}.db"
    fresh.unlink(missing_ok=True)
    words = args.format(json=diary["json"], fresh=fresh).split()
    return [str(CLI), *(words if args.startswith("--db") else ["--db", str(db), *words])]


def measure(sizes: dict[str, int], runs: int, end: dt.date, scratch: Path) -> dict:
    """Every floor and every command on every diary, `runs` rounds, round-robin."""
    env = os.environ | {
        "AMPSDIARY_TODAY": end.isoformat(), "COLUMNS": "100", "NO_COLOR": "1", "PWD": str(scratch)
    }  # fmt: skip
    diaries = prepare(scratch, sizes, end)
    floors = {name: Timings() for name in FLOORS}
    results = {(c.args, label): Timings() for c in COMMANDS for label in sizes}
    for run in range(runs + 1):  # the first round warms caches (matplotlib's fonts) untimed
        for name, timings in floors.items():
            probe(floor_argv(name, scratch), env, timings if run else Timings())
        for command in COMMANDS:
            for label, diary in diaries.items():
                timings = results[(command.args, label)] if run else Timings()
                probe(command_argv(command, diary, run), env, timings)
                results[(command.args, label)].failed = timings.failed
        print(f"  round {run} done", file=sys.stderr)
    return {"floors": floors, "results": results, "diaries": diaries}


def shown(command: Command, t: Timings, floors: dict[str, Timings]) -> str:
    if t.failed:
        return "failed"
    if command.floor == "matplotlib":
        return f"+{t.median - floors['matplotlib'].median:.2f} s"
    if command.seconds:
        return f"{t.median:.2f} s"
    return f"{t.median / floors['stack'].median:.2f}x"


def verdict(command: Command, t: Timings, floors: dict[str, Timings]) -> str:
    """The target, and whether the longest diary meets it (about 1x: within 10%)."""
    if command.floor == "matplotlib":
        value, limit = t.median - floors["matplotlib"].median, f"+{command.target} s at most"
    elif command.seconds:
        value, limit = t.median, f"under {command.target:.0f} s"
    else:
        value, limit = t.median / floors["stack"].median, f"<= {command.target}x"
    ceiling = command.target
    if limit == "<= 1.0x":
        limit, ceiling = "about 1x", 1.1
    return f"{limit}: {'met' if value <= ceiling else 'not yet'}"


def beyond(command: Command, t: Timings, floors: dict[str, Timings]) -> float:
    """Milliseconds beyond the command's own floor: the diary's share of its time."""
    return (t.median - floors[command.floor].median) * 1000


def table(measured: dict) -> str:
    floors, results, diaries = measured["floors"], measured["results"], measured["diaries"]
    labels = list(diaries)
    longest = labels[-1]
    lines = [
        "| What | Median ms | CPU ms | Peak MB |",
        "|---|---:|---:|---:|",
        *(
            f"| {FLOORS[name][0]} | {t.median * 1000:,.0f} | "
            f"{statistics.median(t.cpu) * 1000:,.0f} | {max(t.peak):.0f} |"
            for name, t in floors.items()
        ),
        "",
        f"| Command | {' | '.join(labels)} | Beyond its floor, ms ({', '.join(labels)}) | "
        f"Peak MB ({longest}) | Target ({longest}) | Note |",
        "|---|" + "---:|" * len(labels) + "---:|---:|---|---|",
    ]
    for c in COMMANDS:
        row = [results[(c.args, label)] for label in labels]
        cells = [shown(c, t, floors) for t in row]
        if any(t.failed for t in row):
            failed = next(t.failed for t in row if t.failed)
            lines.append(f"| `{c.args}` | {' | '.join(cells)} | | | | failed: {failed[:80]} |")
            continue
        growth = " / ".join(f"{beyond(c, t, floors):,.0f}" for t in row)
        lines.append(
            f"| `{c.args.replace('{fresh}', 'NEW.db').replace('{json}', 'export.json')}` | "
            f"{' | '.join(cells)} | {growth} | {max(row[-1].peak):.0f} | "
            f"{verdict(c, row[-1], floors)} | {c.note} |"
        )
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists() and (m := re.search(r"model name\s*: (.*)", cpuinfo.read_text())):
        cpu = m.group(1).strip()
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, load average {load} at the end; "
        f"measured {dt.date.today()}"
    )


def caseload(runs: int, patients: int, end: dt.date, scratch: Path) -> str:
    """The caseload rows: each review command on daily CSVs and on bundles, its wall-clock
    seconds (median and fastest), the CPU seconds of all its processes, and the peak memory
    of its largest process."""
    env = os.environ | {"AMPSDIARY_TODAY": end.isoformat(), "PWD": str(scratch)}
    lines = [
        f"{patients:,} patients x {CASELOAD_DAYS} days, each command run {runs} times:",
        "",
        "| Command | Exports | Median s | Min s | CPU s | Peak MB | Note |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for fmt in ("csv", "bundle"):
        folder = scratch / f"caseload-{fmt}"
        sizes = build_caseload(folder, patients, end, fmt)
        what = f"{patients:,} {'daily CSVs' if fmt == 'csv' else '.zip bundles'}, "
        what += f"{sizes['megabytes']:.0f} MB"
        for command, why in CASELOAD_COMMANDS:
            t = Timings()
            for _ in range(runs):
                probe([str(CLI), *command.format(folder=folder).split()], env, t)
            if t.failed:
                raise SystemExit(f"{command} failed: {t.failed}")
            lines.append(
                f"| `{command.format(folder=f'caseload-{fmt}/')}` | {what} | {t.median:.1f} | "
                f"{min(t.wall):.1f} | {statistics.median(t.cpu):.1f} | {max(t.peak):.0f} | {why} |"
            )
            print(lines[-1], file=sys.stderr)
    lines += ["", f"Machine: {machine()}."]
    return "\n".join(lines)


def document(body: str, measured: dict, runs: int) -> str:
    longest = measured["diaries"][list(measured["diaries"])[-1]]
    intro = (ROOT / "scripts" / "benchmark-notes.md").read_text(encoding="utf-8")
    return intro.format(
        runs=runs,
        days=longest["days"],
        entries=longest["entries"],
        sessions=longest["sessions"],
        megabytes=longest["megabytes"],
        table=body,
        machine=machine(),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--write", action="store_true", help="rewrite docs/benchmark.md")
    parser.add_argument("--smoke", action="store_true", help="one run on a one-month diary")
    parser.add_argument("--json", action="store_true", help="print the medians as JSON")
    parser.add_argument(
        "--caseload", type=int, metavar="N", help="time `review` on N patients' exports instead"
    )
    args = parser.parse_args()
    end = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="ampsdiary-bench-") as tmp:
        if args.caseload:
            print(caseload(min(args.runs, 3), args.caseload, end, Path(tmp)))
            return 0
        runs = 1 if args.smoke else args.runs
        measured = measure(SMOKE if args.smoke else SIZES, runs, end, Path(tmp))
    if args.json:
        medians = {
            f"{c} on {label}": None if t.failed else t.median
            for (c, label), t in measured["results"].items()
        }
        floors = {name: t.median for name, t in measured["floors"].items()}
        print(json.dumps({"floors": floors, "commands": medians}, indent=2))
    else:
        print(table(measured))
    failed = [key for key, t in measured["results"].items() if t.failed]
    if args.write and not args.smoke:
        text = document(table(measured), measured, runs)
        old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if CASELOAD_SECTION in old:  # measured by hand with --caseload: kept as it is
            text += "\n" + old[old.index(CASELOAD_SECTION) :]
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
