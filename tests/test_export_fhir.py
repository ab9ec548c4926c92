"""`export fhir` read back by fhir.resources' R4B models, plus the checks that library
leaves to us: it checks structure only (it takes a pain score of 42 or an unknown code), so
the codes, systems, units and ranges are asserted here."""

from __future__ import annotations

import datetime as dt
import json
import stat
import time
import uuid
from pathlib import Path

import pytest
from fhir.resources.R4B.bundle import Bundle

from ampsdiary.exchange.fhir import CODES, LOCAL, NAMESPACE, PATIENT_IDS, PHYSICAL
from ampsdiary.vocabulary import SESSION_KINDS
from exchange_diary import SECRET, clinic_diary

LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category"
# LOINC codes we may use, verified in the reference: as Observation.code or as a component.
LOINC_CODES = {"72514-3", "93832-4", "55411-3"}
LOINC_PARTS = {"73985-4"}
SCORES = {"72514-3", "pain-faces", "worst-pain", "allodynia", "function", "mood"}
QUANTITIES = {
    "93832-4": ("h", 0, 24),
    "55411-3": ("min", 1, 720),
    "therapy-session": ("min", 1, 720),
}


@pytest.fixture
def diary(run, tmp_path) -> Path:
    return clinic_diary(run, tmp_path / "clinic.db")


def fhir(run, db: Path, *args: str) -> dict:
    result = run("--db", str(db), "export", "fhir", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def resources(bundle: dict, kind: str) -> list[dict]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def observed(bundle: dict, code: str) -> list[dict]:
    return [o for o in resources(bundle, "Observation") if o["code"]["coding"][0]["code"] == code]


def problems(bundle: dict) -> list[str]:
    """What fhir.resources does not check: our codes, systems, units and ranges."""
    found = []
    system = resources(bundle, "CodeSystem")[0]
    defined = {c["code"] for c in system["concept"]}
    defined |= {a["code"] for c in system["concept"] for a in c.get("concept", [])}

    def check(concept: dict, where: str, loinc: set[str]) -> None:
        if not concept.get("text"):
            found.append(f"{where}: no code.text")
        for coding in concept["coding"]:
            code, display = coding["code"], coding.get("display")
            if not display:
                found.append(f"{where}: {code} has no display")
            if coding["system"] == LOINC and code not in loinc:
                found.append(f"{where}: LOINC {code} is not one we may use")
            elif coding["system"] == CODES and code not in defined:
                found.append(f"{where}: local {code} is not in the CodeSystem")
            elif coding["system"] not in (LOINC, CODES):
                found.append(f"{where}: unknown system {coding['system']}")

    for o in resources(bundle, "Observation"):
        code = o["code"]["coding"][0]["code"]
        where = f"{o['effectiveDateTime']} {code}"
        if o["status"] != "final":
            found.append(f"{where}: status {o['status']}")
        if [c["coding"][0] for c in o["category"]] != [
            {"system": CATEGORY, "code": "survey", "display": "Survey"}
        ]:
            found.append(f"{where}: category is not survey")
        check(o["code"], where, LOINC_CODES)
        for part in o.get("component", []):
            check(part["code"], where, LOINC_PARTS)
            check(part["valueCodeableConcept"], where, set())
        if "valueCodeableConcept" in o:
            check(o["valueCodeableConcept"], where, set())
        if code in SCORES:
            value = o.get("valueInteger")
            if not isinstance(value, int) or not 0 <= value <= 10:
                found.append(f"{where}: score {value!r} is not a whole number 0-10")
        if code in QUANTITIES:
            unit, low, high = QUANTITIES[code]
            q = o["valueQuantity"]
            if (q["unit"], q["code"], q["system"]) != (unit, unit, UCUM):
                found.append(f"{where}: unit {q} is not UCUM {unit}")
            if not low <= q["value"] <= high:
                found.append(f"{where}: {q['value']} {unit} is out of range")
    return found


def test_the_bundle_is_valid_fhir_r4_and_every_reference_resolves(run, diary):
    bundle = fhir(run, diary)
    parsed = Bundle.model_validate(bundle)
    assert parsed.type == "collection" and len(parsed.entry) == len(bundle["entry"])
    urls = [e["fullUrl"] for e in bundle["entry"]]
    assert len(set(urls)) == len(urls)
    for entry in bundle["entry"]:
        assert entry["fullUrl"] == f"urn:uuid:{entry['resource']['id']}"
        uuid.UUID(entry["resource"]["id"])
    [patient] = resources(bundle, "Patient")
    assert set(patient) == {"resourceType", "id", "identifier"}  # nothing but the pseudonym
    assert patient["identifier"] == [{"system": PATIENT_IDS, "value": "P-017"}]
    me = {"reference": f"urn:uuid:{patient['id']}"}
    for o in resources(bundle, "Observation"):
        assert o["subject"] == me and o["performer"] == [me]
    assert resources(bundle, "CodeSystem")[0]["url"] == CODES


def test_codes_units_and_ranges_are_the_ones_we_promise(run, diary):
    bundle = fhir(run, diary)
    assert problems(bundle) == []
    [nrs] = observed(bundle, "72514-3")  # the faces entry is not the numeric scale
    assert nrs["valueInteger"] == 4 and nrs["bodySite"] == {"text": "left-foot, left-ankle"}
    assert nrs["code"]["coding"][0]["display"].startswith("Pain severity - 0-10 verbal")
    assert nrs["note"] == [{"text": "worse after the bus"}]
    [faces] = observed(bundle, "pain-faces")
    assert faces["valueInteger"] == 6 and faces["effectiveDateTime"].startswith("2026-11-14T19:00")
    assert [o["valueInteger"] for o in observed(bundle, "worst-pain")] == [6]
    [touch] = observed(bundle, "allodynia")
    assert (touch["valueInteger"], touch["bodySite"]["text"]) == (3, "left-foot")
    [swelling] = observed(bundle, "swelling")
    assert swelling["valueCodeableConcept"]["coding"][0]["code"] == "swelling.mild"
    [skin] = observed(bundle, "skin")
    assert [p["valueCodeableConcept"]["text"] for p in skin["component"]] == [
        "red", "warm", "dry", "shiny"]  # fmt: skip
    [sleep] = observed(bundle, "93832-4")
    assert sleep["valueQuantity"]["value"] == 7.5 and sleep["effectiveDateTime"] == "2026-11-14"
    assert [o["valueInteger"] for o in observed(bundle, "function")] == [3, 0]  # 0 is a value
    schools = [o["valueCodeableConcept"]["coding"][0]["code"] for o in observed(bundle, "school")]
    assert schools == ["school.part", "school.none"]
    [physio] = observed(bundle, "55411-3")
    assert physio["valueQuantity"]["value"] == 45 and physio["note"] == [{"text": "+more"}]
    kind, intensity = physio["component"]
    assert kind["code"]["coding"][0]["code"] == "73985-4"
    assert kind["valueCodeableConcept"]["text"] == "physio"
    assert intensity["valueCodeableConcept"]["coding"][0]["code"] == "intensity.hard"
    [therapy] = observed(bundle, "therapy-session")  # psychology is not physical exercise
    assert therapy["component"][0]["valueCodeableConcept"]["text"] == "psychology"
    [note] = observed(bundle, "note")
    assert note["valueString"] == '=HYPERLINK("x")'  # JSON keeps the exact text


def test_the_checks_catch_what_fhir_resources_lets_through(run, diary):
    bundle = fhir(run, diary)
    pain = observed(bundle, "72514-3")[0]
    pain["valueInteger"] = 42
    pain["code"]["coding"][0]["code"] = "56840-2"  # the discouraged code
    pain["status"] = "done"
    Bundle.model_validate(bundle)  # the library takes all three
    said = problems(bundle)
    assert any("LOINC 56840-2" in p for p in said) and any("status done" in p for p in said)
    pain["code"]["coding"][0]["code"] = "72514-3"
    assert any("score 42" in p for p in problems(bundle))


def test_the_same_diary_gives_the_same_ids(run, diary):
    first = [e["fullUrl"] for e in fhir(run, diary)["entry"]]
    assert [e["fullUrl"] for e in fhir(run, diary)["entry"]] == first
    entries = json.loads(run("--db", str(diary), "export", "json").output)["entries"]
    morning = next(e for e in entries if e["time"] == "08:00")
    pain_id = uuid.uuid5(NAMESPACE, f"{morning['uid']}/72514-3")
    assert f"urn:uuid:{pain_id}" in first
    run("--db", str(diary), "log", "-d", "2026-11-17", "--pain", "2")
    again = [e["fullUrl"] for e in fhir(run, diary)["entry"]]
    assert set(first) < set(again)  # a new entry adds ids and changes none


def test_an_entry_time_carries_the_computers_zone_on_that_date(run, diary, monkeypatch):
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        run("--db", str(diary), "log", "-d", "2026-07-01", "--time", "09:30", "--pain", "1")
        times = {o["effectiveDateTime"] for o in observed(fhir(run, diary), "72514-3")}
    finally:
        monkeypatch.undo()
        time.tzset()
    assert {"2026-07-01T09:30:00-04:00", "2026-11-14T08:00:00-05:00"} <= times
    for t in times:
        assert dt.datetime.fromisoformat(t).tzinfo is not None  # FHIR needs a zone with a time


def test_private_notes_never_go_into_fhir(run, diary, tmp_path):
    result = run("--db", str(diary), "export", "fhir")
    assert SECRET not in result.output
    refused = run("--db", str(diary), "export", "fhir", "--include-private")
    assert refused.exit_code == 2
    assert "--include-private: is not offered for FHIR" in refused.output
    out = tmp_path / "for-the-clinic.json"
    run("--db", str(diary), "export", "fhir", "--out", str(out))
    assert SECRET not in out.read_text() and stat.S_IMODE(out.stat().st_mode) == 0o600
    assert json.loads(out.read_text())["entry"][0]["fullUrl"] == json.loads(result.output)[
        "entry"][0]["fullUrl"]  # fmt: skip


def test_a_patient_id_is_needed(run, tmp_path):
    db = clinic_diary(run, tmp_path / "anonymous.db", patient=None)
    result = run("--db", str(db), "export", "fhir")
    assert result.exit_code == 2 and "patient-id: is not set" in result.output


def test_every_physical_kind_is_a_kind_of_the_vocabulary():
    """A renamed kind would silently lose its LOINC code; a new kind gets ours, safely."""
    assert set(PHYSICAL) <= set(SESSION_KINDS)


def test_the_docs_name_every_code_we_use():
    page = (Path(__file__).parent.parent / "docs" / "fhir-and-redcap.md").read_text()
    for code in (*LOCAL, *LOINC_CODES, *LOINC_PARTS, CODES, PATIENT_IDS):
        assert f"`{code}" in page, code
