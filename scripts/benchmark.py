"""Time real `ampsdiary` commands on a 10-year diary, the way a person runs them.

Each command runs as its own process (interpreter start, imports, SQLite, rendering: all of it)
against a diary of 3,650 days built through the library API. The interpreter's bare start and the
import of the CLI are measured too, so the table says which part of a number is ours.
Commands not in this version of the CLI are listed as skipped. `--write` rewrites docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ampsdiary import demo, open_diary

ROOT = Path(__file__).resolve().parent.parent
DOC = ROOT / "docs" / "benchmark.md"
CLI = Path(sys.executable).parent / "ampsdiary"
YEARS_DAYS = 3650
SHOW = "show --days 14"
COMMANDS = (
    ("log --pain 4 --function 6", "the hot path: save one entry, then the streak line"),
    ("nudge", "the daily reminder"),
    (SHOW, "two weeks, one row a day"),
    ("summary", "this week next to last week"),
    ("trends --by month", "one row a month for ten years"),
    ("recovery", "when function and pain started to improve"),
    ("plot recovery --out recovery.png", "loads matplotlib; draws all ten years"),
    ("report --out week.pdf", "loads matplotlib; one week"),
    ("export csv", "the daily table of ten years, on stdout"),
    ("export json --out diary.json", "everything, history included, in one document"),
)
IMPORTTIME = re.compile(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)")
# The caseload review (--caseload N): N patients' exports of a year each, as a clinic gets them.
CASELOAD_DAYS = 365
CASELOAD_SHAPES = 10  # distinct one-year diaries; each patient is one of them under its own id
CASELOAD_COMMANDS = (
    ("review {folder}", "the table, on stdout"),
    ("review {folder} --json", "every patient's JSON (the keys of recovery --json), on stdout"),
    ("review {folder} --out caseload.pdf", "the table and the small multiples, as a PDF"),
)
CASELOAD_SECTION = "## Caseload review"


def build_diary(path: Path, end: dt.date) -> dict[str, int]:
    """Ten years of the demo's 10-week recovery, back to back, plus a midday entry every other day.

    The demo gives about 1.5 entries a day; the extra entries bring it to about 2.
    """
    first = end - dt.timedelta(days=YEARS_DAYS - 1)
    entries, days, sessions = [], [], []
    window_end = end
    while window_end >= first:
        e, d, s, _ = demo.generate(window_end)
        entries += e
        days += d
        sessions += s
        window_end -= dt.timedelta(days=demo.WEEKS * 7)
    keep = first.isoformat()
    entries = [r for r in entries if r["date"] >= keep]
    days = [r for r in days if r["date"] >= keep]
    sessions = [r for r in sessions if r["date"] >= keep]
    entries += [
        r | {"time": "13:00"}
        for r in entries
        if r["time"] == "08:00" and dt.date.fromisoformat(r["date"]).toordinal() % 2
    ]
    diary = open_diary(path, create=True)
    diary.add_all(entries, days, sessions, source="benchmark")
    treatment_start = (first + dt.timedelta(days=7)).isoformat()
    for key, value in (demo.SETTINGS | {"treatment-start": treatment_start}).items():
        diary.set_setting(key, value)
    diary.close()
    return {"days": len(days), "entries": len(entries), "sessions": len(sessions)}


def build_caseload(folder: Path, patients: int, end: dt.date, fmt: str) -> dict[str, float]:
    """`patients` exports of a year each into `folder`: daily CSVs (fmt csv) or .zip bundles.

    CASELOAD_SHAPES diaries are built like the ten-year one (the demo's 10-week recovery,
    repeated, each with its own seed) and exported with the export code itself; each
    patient's files are then a copy of one of them with the patient's own id.
    """
    import zipfile

    from ampsdiary.exchange.export import Export, bundle_files

    first = end - dt.timedelta(days=CASELOAD_DAYS - 1)
    exports = []
    with tempfile.TemporaryDirectory(prefix="ampsdiary-shapes-") as tmp:
        for shape in range(CASELOAD_SHAPES):
            entries, days, sessions = [], [], []
            window_end = end
            while window_end >= first:
                e, d, s, _ = demo.generate(window_end, seed=2026 + shape)
                entries, days, sessions = entries + e, days + d, sessions + s
                window_end -= dt.timedelta(days=demo.WEEKS * 7)
            keep = first.isoformat()
            diary = open_diary(Path(tmp) / f"{shape}.db", create=True)
            diary.add_all(*([r for r in rows if r["date"] >= keep]
                            for rows in (entries, days, sessions)), source="benchmark")  # fmt: skip
            diary.set_setting("patient-id", "SHAPE-ID")
            exports.append(bundle_files(Export(diary, first, end)))
            diary.close()
    folder.mkdir(parents=True, exist_ok=True)
    size = 0
    for n in range(patients):
        files = {
            k: v.replace("SHAPE-ID", f"P-{n:04d}") for k, v in exports[n % len(exports)].items()
        }
        if fmt == "csv":
            path = folder / f"p-{n:04d}.csv"
            path.write_text(files["daily.csv"], encoding="utf-8", newline="")
        else:
            path = folder / f"p-{n:04d}.zip"
            with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
                for name, text in files.items():
                    archive.writestr(name, text.encode("utf-8"))
        size += path.stat().st_size
    return {"patients": patients, "megabytes": size / 1e6}


PEAK = (
    "import resource, subprocess, sys, time; start = time.perf_counter(); "
    "done = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE); "
    "took = time.perf_counter() - start; use = resource.getrusage(resource.RUSAGE_CHILDREN); "
    "print(done.returncode, took, use.ru_utime + use.ru_stime, use.ru_maxrss, "
    "done.stderr.decode()[-300:].replace(chr(10), ' '))"
)


def caseload(runs: int, patients: int, end: dt.date, env: dict[str, str]) -> str:
    """The caseload rows: each review command on daily CSVs and on bundles, its wall-clock
    seconds (median and fastest), the CPU seconds of all its processes, and the peak memory
    of its largest process (ru_maxrss of the children of a small wrapper: the review, or one
    of its worker processes). The load average says how busy the machine was meanwhile."""
    lines = [
        f"{patients:,} patients x {CASELOAD_DAYS} days, each command run {runs} times:",
        "",
        "| Command | Exports | Median s | Min s | CPU s | Peak MB | Note |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    loads = []
    for fmt in ("csv", "bundle"):
        folder = Path(env["PWD"]) / f"caseload-{fmt}"
        sizes = build_caseload(folder, patients, end, fmt)
        what = f"{patients:,} {'daily CSVs' if fmt == 'csv' else '.zip bundles'}, "
        what += f"{sizes['megabytes']:.0f} MB"
        print(f"Built {folder}: {what}", file=sys.stderr)
        for command, why in CASELOAD_COMMANDS:
            argv = [str(CLI), *command.format(folder=folder).split()]
            times, cpus, peaks = [], [], []
            for _ in range(runs):
                probe = [sys.executable, "-c", PEAK, *argv]
                out = subprocess.run(probe, env=env, capture_output=True, text=True, cwd=env["PWD"])
                code, took, cpu, peak, said = out.stdout.split(" ", 4)
                if code != "0":
                    raise SystemExit(f"{command} failed: {said}")
                times.append(float(took))
                cpus.append(float(cpu))
                peaks.append(int(peak) / 1024)  # KiB on Linux
                loads.append(os.getloadavg()[0])
            shown = command.format(folder=f"caseload-{fmt}/")
            median, cpu = statistics.median(times), statistics.median(cpus)
            lines.append(
                f"| `{shown}` | {what} | {median:.1f} | {min(times):.1f} | {cpu:.1f} | "
                f"{max(peaks):.0f} | {why} |"
            )
            print(f"  {shown}: {times} s, {cpus} CPU s, {max(peaks):.0f} MB", file=sys.stderr)
    lines += ["", f"Load average (1 minute) after the runs: {min(loads):.1f} to {max(loads):.1f}."]
    return "\n".join(lines)


def timed(argv: list[str], env: dict[str, str]) -> tuple[float, subprocess.CompletedProcess]:
    """Wall-clock milliseconds of one process; it runs in the scratch folder ($PWD in env)."""
    start = time.perf_counter()
    result = subprocess.run(argv, env=env, capture_output=True, text=True, cwd=env["PWD"])
    return (time.perf_counter() - start) * 1000, result


def measure(argv: list[str], env: dict[str, str], runs: int) -> dict:
    """One untimed warm-up run (it also tells us whether the command exists), then `runs` timed."""
    _, result = timed(argv, env)
    if result.returncode != 0:
        error = (result.stderr.strip().splitlines() or ["(no message)"])[-1]
        missing = "No such command" in result.stderr
        return {"note": "skipped: not in this version" if missing else f"failed: {error}"}
    times = [timed(argv, env)[0] for _ in range(runs)]
    return {"median": statistics.median(times), "min": min(times), "max": max(times)}


def import_times(args: list[str], env: dict[str, str]) -> list[tuple[int, int, int, str]]:
    """(self us, cumulative us, depth, module) for every import `python -X importtime ARGS` made."""
    _, result = timed([sys.executable, "-X", "importtime", *args], env)
    found = (m.groups() for m in map(IMPORTTIME.match, result.stderr.splitlines()) if m)
    return [(int(own), int(total), (len(pad) - 1) // 2, name) for own, total, pad, name in found]


def by_package(lines: list[tuple[int, int, int, str]]) -> dict[str, float]:
    """Milliseconds of each top-level import, keyed by its package and the largest it pulled in.

    importtime lists a module after the modules it imported, one level deeper.
    """
    groups: dict[str, float] = {}
    children: list[tuple[int, str]] = []
    for _, total, depth, name in lines:
        if depth == 1:
            children.append((total, name.split(".")[0]))
        if depth != 0:
            continue
        top = name.split(".")[0]
        inner = [child for _, child in sorted(children, reverse=True) if child != top][:1]
        key = f"`{top}`" + (f" (with `{inner[0]}`)" if inner else "")
        groups[key] = groups.get(key, 0) + total / 1000
        children = []
    return groups


def startup(env: dict[str, str], db: Path, runs: int) -> tuple[list[tuple[str, float]], dict]:
    """Where a command's time goes before it touches the diary, as medians of `runs` runs."""
    python = [sys.executable]
    bare = [timed([*python, "-c", "pass"], env)[0] for _ in range(runs)]
    imported = [timed([*python, "-c", "import ampsdiary.cli"], env)[0] for _ in range(runs)]
    cli_imports = [import_times(["-c", "import ampsdiary.cli"], env) for _ in range(runs)]
    ours = [[line for line in run if line[3].startswith("ampsdiary")] for run in cli_imports]
    rows = [
        ("`python -c pass`: the bare interpreter", statistics.median(bare)),
        (
            '`python -c "import ampsdiary.cli"`: interpreter and imports',
            statistics.median(imported),
        ),
        (
            "`-X importtime`: importing `ampsdiary.cli` with its dependencies",
            statistics.median(sum(t for _, t, d, _ in run if d == 0) / 1000 for run in ours),
        ),
        (
            "`-X importtime`: of that, the code in ampsdiary's own modules",
            statistics.median(sum(own for own, *_ in run) / 1000 for run in ours),
        ),
    ]
    command = ["-m", "ampsdiary", "--db", str(db), *SHOW.split()]
    runs_by_package = [by_package(import_times(command, env)) for _ in range(runs)]
    packages = {
        key: statistics.median(run.get(key, 0) for run in runs_by_package)
        for key in runs_by_package[0]
    }
    return rows, packages


def fmt(ms: float) -> str:
    return f"{ms:,.0f}" if ms >= 10 else f"{ms:.1f}"


def table(results: list[tuple[str, str, dict]], rows: list, packages: dict, runs: int) -> str:
    lines = ["| Command | Median ms | Min ms | Max ms | Note |", "|---|---:|---:|---:|---|"]
    for command, why, r in results:
        if "median" in r:
            lines.append(
                f"| `{command}` | {fmt(r['median'])} | {fmt(r['min'])} | {fmt(r['max'])} | {why} |"
            )
        else:
            lines.append(f"| `{command}` | | | | {r['note']} |")
    lines += ["", f"Start-up, median of {runs} runs:", "", "| What | ms |", "|---|---:|"]
    lines += [f"| {what} | {fmt(ms)} |" for what, ms in rows]
    top = sorted(packages.items(), key=lambda item: -item[1])
    lines += [
        "",
        f"Imports during one `{SHOW}` (`-X importtime`, cumulative, median of {runs} runs):",
        "",
        "| Imported at top level | ms |",
        "|---|---:|",
        *(f"| {key} | {fmt(ms)} |" for key, ms in top[:5]),
        f"| everything else | {fmt(sum(ms for _, ms in top[5:]))} |",
        f"| total | {fmt(sum(packages.values()))} |",
    ]
    return "\n".join(lines)


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists() and (m := re.search(r"model name\s*: (.*)", cpuinfo.read_text())):
        cpu = m.group(1).strip()
    return (
        f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, "
        f"{platform.system()} {platform.release()}, measured {dt.date.today()}"
    )


def document(body: str, sizes: dict[str, int], megabytes: float, runs: int) -> str:
    days, entries, sessions = sizes["days"], sizes["entries"], sizes["sessions"]
    return f"""# Benchmark

How long the commands take on a diary of ten years, measured by `scripts/benchmark.py`
(`make bench` prints the table; `.venv/bin/python scripts/benchmark.py --write` rewrites this
page).

- The diary: ten years ({YEARS_DAYS:,} days, {days:,} logged), {entries:,} pain entries,
  {sessions:,} exercise sessions, {megabytes:.1f} MB; built through the library API from
  the demo's 10-week recovery, repeated.
- Each command runs as a separate process, `ampsdiary --db DIARY ...`, exactly as typed in a
  terminal: the times include starting Python and importing everything. One untimed warm-up run
  comes first (on a fresh machine it also builds matplotlib's font cache); then {runs} timed runs.
  Every `log` run adds one more entry to the last day. Times are wall-clock, so other load on
  the machine shows, mostly in the max column.
- Commands that this version does not have yet are listed as skipped.

{body}

Where the time goes (read from the tables above, and from profiling `log`):

- A command that draws nothing spends about 100 ms importing typer, rich and sqlite-utils, and
  most of the rest inside typer itself: typer 0.29 builds a pydantic validator for each option
  while it parses them (about 60 ms of imports plus about 100 ms for the 30 options of `log`).
  With typer 0.28, which had no pydantic, the same `log` measured about 100 ms faster. Our own
  work (open, migrate check, insert, streak) is a few milliseconds.
- sqlite-utils would also import numpy (about 100 ms) on every command; the store hides numpy
  from that one import (see `src/ampsdiary/store/__init__.py`), so only the drawing commands
  load it.
- `plot` and `report` load matplotlib (about 0.5 s) and draw; exercise bars are one collection,
  not one rectangle per day, so ten years draw as fast as ten weeks. The PDF report spends most
  of its time embedding the font.
- `plot calendar` is not in the table: it draws a small grid per month, and all ten years
  (`--from` the first day) take about 16 s and make a picture 9,390 pixels tall. Without
  `--from` it shows only the last 24 months (and says so), which takes about 3.7 s here.
- `nudge` (plain, as a shell start-up file runs it) is answered before the CLI loads: a
  read-only sqlite3 query, about 60 ms in all. `nudge --json` goes through the full CLI.

Machine: {machine()}.
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="timed runs per command (default 7)")
    parser.add_argument("--write", action="store_true", help="rewrite docs/benchmark.md")
    parser.add_argument(
        "--caseload", type=int, metavar="N", help="time `review` on N patients' exports instead"
    )
    args = parser.parse_args()
    if args.caseload:
        with tempfile.TemporaryDirectory(prefix="ampsdiary-bench-") as tmp:
            env = os.environ | {"AMPSDIARY_TODAY": dt.date.today().isoformat(), "PWD": tmp}
            print(caseload(min(args.runs, 3), args.caseload, dt.date.today(), env))
        return 0
    end = dt.date.today()
    with tempfile.TemporaryDirectory(prefix="ampsdiary-bench-") as tmp:
        env = os.environ | {
            "AMPSDIARY_TODAY": end.isoformat(),
            "COLUMNS": "100",
            "NO_COLOR": "1",
            "PWD": tmp,
        }
        db = Path(tmp) / "diary.db"
        sizes = build_diary(db, end)
        megabytes = db.stat().st_size / 1e6
        print(f"Built {db}: {sizes}, {megabytes:.1f} MB", file=sys.stderr)
        results = []
        for command, why in COMMANDS:
            result = measure([str(CLI), "--db", str(db), *command.split()], env, args.runs)
            results.append((command, why, result))
            print(f"  {command}: {result}", file=sys.stderr)
        body = table(results, *startup(env, db, args.runs), args.runs)
    print(body)
    if args.write:
        text = document(body, sizes, megabytes, args.runs)
        old = DOC.read_text(encoding="utf-8") if DOC.exists() else ""
        if CASELOAD_SECTION in old:  # measured by hand with --caseload: kept as it is
            text += "\n" + old[old.index(CASELOAD_SECTION) :]
        DOC.write_text(text, encoding="utf-8")
        print(f"wrote {DOC.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
