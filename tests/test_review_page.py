"""The printable caseload page of `ampsdiary review --out`, read back: the PDF's pages and
their text, the HTML as a browser parses it, the CSV as the csv module reads it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from ampsdiary.caseload.patients import ROW_KEYS
from caseload_helpers import DAYS, export, write_diary
from readback import Parsed, pdf_page_texts, pdf_pages

ODD = "Zoë & <Co> $5"  # an id a page must show as it is: escaped, no maths, no formula


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    """41 patients: 39 alike, one stopped logging (flagged), one with an odd id."""
    folder = tmp_path / "in"
    folder.mkdir()
    calm = write_diary(tmp_path / "calm.db", [5] * DAYS, [5] * DAYS, "C-00")
    text = export(calm, tmp_path / "calm.csv", "csv").read_text()
    for n in range(39):
        (folder / f"c{n:02}.csv").write_text(text.replace("C-00,", f"C-{n:02},"))
    quiet = [5] * (DAYS - 10) + [None] * 10
    export(write_diary(tmp_path / "q.db", quiet, quiet, "Q-STOP"), folder / "q.csv", "csv")
    odd = write_diary(tmp_path / "odd.db", [5] * DAYS, [5] * DAYS, ODD)
    export(odd, folder / "odd.zip", "bundle")
    (folder / "notes.json").write_text('{"not": "an export"}')
    return folder


def test_the_pdf_is_the_table_then_forty_patients_a_sheet(run, clinic, tmp_path):
    out = tmp_path / "caseload.pdf"
    result = run("review", str(clinic), "--out", str(out))
    assert result.exit_code == 0, result.output
    assert f"Wrote the caseload page to {out}." in result.stdout
    data = out.read_bytes()
    assert pdf_pages(data) == 3  # the table, then 40 patients and 1 patient
    table, first, second = pdf_page_texts(data)
    assert "Caseload review" in table and "41 patients, 1 flagged." in table
    assert "page 1 of 3" in table and "page 3 of 3" in second
    assert table.index("Q-STOP") < table.index("C-00") < table.index("C-38")  # flagged first
    assert "stopped logging" in table and ODD in table
    assert "Not reviewed (1):" in table and "notes.json: is not an ampsdiary json export" in table
    assert "Function and pain over time" in first
    assert "Q-STOP (50 days)" in first and "C-38 (60 days)" in first
    assert f"{ODD} (60 days)" in second and "C-38" not in second  # the last, by its id


def test_the_html_is_the_same_table_and_sheets(run, clinic, tmp_path):
    out = tmp_path / "caseload.html"
    result = run("review", str(clinic), "--out", str(out))
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    page = Parsed(text)  # fails on a tag closed out of order
    assert page.tags.count("tr") == 42 and page.tags.count("svg") == 2
    assert "&lt;Co&gt;" in text and "<Co>" not in text.replace("&lt;Co&gt;", "")
    said = "".join(page.text)
    assert said.index("Q-STOP") < said.index("C-00")
    assert '<td class="flags">stopped logging</td>' in text
    assert 'aria-label="Function and pain over time: Q-STOP, ' in text


def test_the_csv_is_the_table_one_row_a_patient(run, clinic, tmp_path):
    out = tmp_path / "caseload.csv"
    data = json.loads(run("review", str(clinic), "--out", str(out), "--json").stdout)
    assert data["file"] == str(out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert list(rows[0]) == list(ROW_KEYS) and len(rows) == 41
    assert rows[0]["patient_id"] == "Q-STOP" and rows[0]["flags"] == "stopped-logging"
    odd = next(r for r in rows if r["patient_id"].startswith("Zo"))
    assert odd["patient_id"] == ODD and odd["pattern"] == "not-yet"
    assert odd["files"].endswith("odd.zip")
    assert rows[1]["function_baseline"] == "5.0" and rows[1]["pain_last_7"] == "5.0"


def test_a_formula_looking_id_is_safe_in_the_csv(run, tmp_path):
    db = write_diary(tmp_path / "d.db", [5] * DAYS, [5] * DAYS, "=HYPERLINK(1)")
    export(db, tmp_path / "p.csv", "csv")
    out = tmp_path / "caseload.csv"
    assert run("review", str(tmp_path / "p.csv"), "--out", str(out)).exit_code == 0
    assert b"\r\n'=HYPERLINK(1)," in out.read_bytes()
    data = json.loads(run("review", str(tmp_path / "p.csv"), "--json").stdout)
    assert data["patients"][0]["patient_id"] == "=HYPERLINK(1)"  # as the diary has it


def test_flag_chooses_the_page_too(run, clinic, tmp_path):
    out = tmp_path / "stopped.pdf"
    result = run("review", str(clinic), "--flag", "stopped-logging", "--out", str(out))
    assert result.exit_code == 0, result.output
    data = out.read_bytes()
    assert pdf_pages(data) == 2
    table = pdf_page_texts(data)[0]
    assert "1 patient with stopped-logging (of 41), 1 flagged." in table
    assert "C-00" not in table
