"""Regenerate docs/images from the demo diary: `.venv/bin/python scripts/make_images.py`.

Runs exactly the commands docs/plots-and-reports.md shows, with today pinned to
2026-11-18 so the pictures match the text. The report page is the PDF turned into a PNG
by `pdftoppm` (Debian/Ubuntu: `apt-get install poppler-utils`); only this script needs it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "docs" / "images"
TODAY = "2026-11-18"
COMMANDS = (
    ("demo",),
    ("plot", "recovery", "--out", "{images}/recovery.png"),
    ("plot", "symptoms", "--out", "{images}/symptoms.png"),
    ("plot", "calendar", "--measure", "pain", "--out", "{images}/calendar-pain.png"),
    ("report", "--week", "2026-W46", "--out", "{work}/week.pdf"),
)
REPORT_PAGE = ("pdftoppm", "-png", "-r", "70", "-singlefile", "{work}/week.pdf", "{images}/report")
MAX_BYTES = 300_000


def run(args: tuple[str, ...], db: Path, work: Path) -> None:
    command = [sys.executable, "-m", "ampsdiary", "--db", str(db)]
    command += [a.format(images=IMAGES, work=work) for a in args]
    print("ampsdiary", " ".join(command[3:]))
    subprocess.run(command, check=True, env=os.environ | {"AMPSDIARY_TODAY": TODAY})


def main() -> int:
    if not shutil.which(REPORT_PAGE[0]):
        print("pdftoppm not found: install poppler-utils to draw the report page", file=sys.stderr)
        return 1
    IMAGES.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for args in COMMANDS:
            run(args, work / "demo.db", work)
        subprocess.run([a.format(images=IMAGES, work=work) for a in REPORT_PAGE], check=True)
    too_big = [p.name for p in IMAGES.glob("*.png") if p.stat().st_size > MAX_BYTES]
    if too_big:
        print(f"over {MAX_BYTES // 1000} KB: {', '.join(too_big)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
