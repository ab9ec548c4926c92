"""The diary as a FHIR R4 collection Bundle, for a clinic's health record.

One Patient holding only the pseudonymous id (setting patient-id), the local CodeSystem
the Observations use (so the file explains its own codes), and one Observation per value:
pain (LOINC 72514-3), sleep (93832-4) and exercise (55411-3 with 73985-4) where LOINC has a
verified code, our local codes for everything else. Every id is a uuid5 of a row's lasting
uid, so exporting the same diary twice gives the same ids and a clinic can update, not
duplicate. Private notes are never part of it, whatever is asked: a health record is shared.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..errors import DiaryError
from ..store.database import utc_now
from ..vocabulary import FIELDS, Choice

if TYPE_CHECKING:
    from .export import Export

# Fixed for good (made once with uuid4): the ids, the code system and the identifier system
# derive from them, so changing one would give every exported resource a new identity.
NAMESPACE = uuid.UUID("3eba8620-4147-48c1-80fe-d68b0a181369")
CODES = "urn:uuid:71ee0e68-81d9-4c75-b881-22ee61ae7d96"  # our local CodeSystem's url
PATIENT_IDS = "urn:uuid:618e6029-5fa5-499b-9e45-df58b645459a"  # identifier.system of patient-id
LOINC = "http://loinc.org"
UCUM = "http://unitsofmeasure.org"
SURVEY = {
    "coding": [
        {
            "system": "http://terminology.hl7.org/CodeSystem/observation-category",
            "code": "survey",
            "display": "Survey",
        }
    ]
}
# Session kinds that are physical exercise, so LOINC's "Exercise duration" is true of them;
# any other kind (psychology, music, medication, a kind added later) gets our own code.
PHYSICAL = ("aerobic", "strength", "stretching", "physio", "hydrotherapy")
FACES = "Faces Pain Scale-Revised (FPS-R)"


@dataclass(frozen=True)
class Code:
    """One code with the words a person reads (`text`); a local one also defines itself
    and, for a word field, its answers (`answers`: the vocabulary field they come from)."""

    system: str
    code: str
    display: str
    text: str
    definition: str = ""
    answers: str = ""

    def concept(self) -> dict[str, Any]:
        coding = {"system": self.system, "code": self.code, "display": self.display}
        return {"coding": [coding], "text": self.text}

    def answer(self, word: str) -> dict[str, Any]:
        """A word of the vocabulary as a coded answer: `swelling.mild`, "Swelling: mild"."""
        coding = {"system": CODES, "code": f"{self.code}.{word}", "display": f"{self.text}: {word}"}
        return {"coding": [coding], "text": word}

    def words(self) -> tuple[str, ...]:
        kind = FIELDS[self.answers].kind if self.answers else None
        return kind.values if isinstance(kind, Choice) else ()


PAIN = Code(LOINC, "72514-3", "Pain severity - 0-10 verbal numeric rating [Score] - Reported",
            "Pain now (0-10)")  # fmt: skip
SLEEP = Code(LOINC, "93832-4", "Sleep duration", "Sleep last night (hours)")
EXERCISE = Code(LOINC, "55411-3", "Exercise duration", "Exercise session (minutes)")
ACTIVITY = Code(LOINC, "73985-4", "Exercise activity", "Kind of exercise")


def _local(code: str, display: str, text: str, definition: str, answers: str = "") -> Code:
    return Code(CODES, code, display, text, definition, answers)


LOCAL = {
    c.code: c
    for c in (
        _local("pain-faces", "Pain severity - Faces Pain Scale-Revised [Score] - Reported",
               "Pain now (faces scale, 0-10)", f"Pain now on the {FACES}: six faces scored 0, "
               "2, 4, 6, 8, 10. LOINC 72514-3 is the numeric scale, so it is not used."),
        _local("worst-pain", "Worst pain today [Score] - Reported", "Worst pain today (0-10)",
               "The worst pain of the day so far, 0 (no pain) to 10 (worst pain imaginable)."),
        _local("allodynia", "Allodynia: pain from light touch [Score] - Reported",
               "Allodynia (0-10)", "How much light touch (clothes, sheets, water) hurts, 0 (it "
               "is fine) to 10 (it hurts terribly); bodySite says where."),
        _local("swelling", "Swelling of the painful area - Reported", "Swelling",
               "Swelling (edema) of the painful area.", "swelling"),
        _local("skin", "Skin changes of the painful area - Reported", "Skin changes",
               "A panel: its components give the skin's colour, temperature and other signs."),
        _local("skin-color", "Skin colour of the painful area", "Skin colour",
               "The skin's colour where it hurts.", "skin_color"),
        _local("skin-temperature", "Skin temperature compared with the other side",
               "Skin temperature", "Warmer or colder than the other side.", "skin_temp"),
        _local("skin-sign", "Other skin sign of the painful area", "Skin sign",
               "Sweating, dryness, shine or hair change where it hurts.", "skin_signs"),
        _local("function", "Daily function [Score] - Reported", "Function (0-10)",
               "How much of a normal day the patient could do, 0 (nothing) to 10 (a completely "
               "normal day). Not the Functional Disability Inventory."),
        _local("school", "School attendance that day - Reported", "School",
               "full, part or missed; none is a day without school (not a missed day).", "school"),
        _local("mood", "Mood [Score] - Reported", "Mood (0-10)",
               "Mood, 0 (very low) to 10 (great)."),
        _local("therapy-session", "Therapy session duration", "Therapy session (minutes)",
               "Minutes of a session that is not physical exercise (psychology, relaxation, "
               "music, ...); its session-kind component says which."),
        _local("session-kind", "Kind of session", "Kind of session",
               "What the session was.", "kind"),
        _local("intensity", "Session intensity - Reported", "Intensity",
               "How hard the session felt.", "intensity"),
        _local("note", "Diary note", "Note",
               "A note the patient wrote for parents and therapists (never a private note)."),
    )
}  # fmt: skip


def _urn(key: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, key)}"


def moment(date: str, time: str | None) -> str:
    """FHIR dateTime: the day alone, or with the entry's time. FHIR needs a time zone with
    a time; the diary keeps local times, so it is this computer's zone on that date."""
    if not time:
        return date
    local = dt.datetime.combine(dt.date.fromisoformat(date), dt.time.fromisoformat(time))
    return local.astimezone().isoformat(timespec="seconds")


def quantity(value: float, unit: str) -> dict[str, Any]:
    return {"value": value, "unit": unit, "system": UCUM, "code": unit}


class _Observations:
    """Observations of one patient, each keyed by its row's uid and its code."""

    def __init__(self, patient: str) -> None:
        self.patient = {"reference": patient}
        self.made: list[tuple[tuple[str, str], dict[str, Any]]] = []

    def add(self, row: dict, code: Code, when: str, **values: Any) -> dict[str, Any]:
        url = _urn(f"{row['uid']}/{code.code}")
        resource = {
            "resourceType": "Observation",
            "id": url.removeprefix("urn:uuid:"),
            "status": "final",
            "category": [SURVEY],
            "code": code.concept(),
            "subject": self.patient,
            "effectiveDateTime": when,
            "performer": [self.patient],
            **{k: v for k, v in values.items() if v is not None},
        }
        when_made = (row["date"], row.get("time") or "")
        self.made.append((when_made, {"fullUrl": url, "resource": resource}))
        return resource

    def entry(self, e: dict) -> None:
        """A symptom entry: pain, worst, allodynia, swelling, skin; its note on the first."""
        when, faces = moment(e["date"], e["time"]), e.get("pain_scale") == "faces"
        method = {"text": FACES} if faces else None
        made = []
        if e["pain"] is not None:
            code = LOCAL["pain-faces"] if faces else PAIN
            made.append(
                self.add(e, code, when, valueInteger=e["pain"], bodySite=_site(e["locations"]))
            )
        if e["worst"] is not None:
            made.append(
                self.add(e, LOCAL["worst-pain"], when, valueInteger=e["worst"], method=method)
            )
        if e["allodynia"] is not None:
            made.append(
                self.add(
                    e,
                    LOCAL["allodynia"],
                    when,
                    valueInteger=e["allodynia"],
                    bodySite=_site(e["allodynia_locations"]),
                )
            )
        if e["swelling"] is not None:
            swelling = LOCAL["swelling"]
            made.append(
                self.add(e, swelling, when, valueCodeableConcept=swelling.answer(e["swelling"]))
            )
        skin = [
            {"code": LOCAL[code].concept(), "valueCodeableConcept": LOCAL[code].answer(word)}
            for code in ("skin-color", "skin-temperature", "skin-sign")
            for word in _words(e[LOCAL[code].answers])
        ]
        if skin:
            made.append(
                self.add(e, LOCAL["skin"], when, bodySite=_site(e["locations"]), component=skin)
            )
        if e["note"]:
            if made:
                made[0]["note"] = [{"text": e["note"]}]
            else:
                self.add(e, LOCAL["note"], when, valueString=e["note"])

    def day(self, d: dict) -> None:
        """A day's facts: function, school, sleep, mood and the day's note (never private)."""
        when = d["date"]
        for name in ("function", "mood"):
            if d[name] is not None:
                self.add(d, LOCAL[name], when, valueInteger=d[name])
        if d["school"] is not None:
            school = LOCAL["school"]
            self.add(d, school, when, valueCodeableConcept=school.answer(d["school"]))
        if d["sleep"] is not None:
            self.add(d, SLEEP, when, valueQuantity=quantity(d["sleep"], "h"))
        if d["day_note"]:
            self.add(d, LOCAL["note"], when, valueString=d["day_note"])

    def session(self, s: dict) -> None:
        """A session's minutes, its kind and intensity as components, its note."""
        physical = s["kind"] in PHYSICAL
        code, kind = (
            (EXERCISE, ACTIVITY) if physical else (LOCAL["therapy-session"], LOCAL["session-kind"])
        )
        answer = LOCAL["session-kind"].answer(s["kind"])  # LOINC's own answers are not ours
        parts = [{"code": kind.concept(), "valueCodeableConcept": answer}]
        if s["intensity"]:
            intensity = LOCAL["intensity"]
            parts.append(
                {
                    "code": intensity.concept(),
                    "valueCodeableConcept": intensity.answer(s["intensity"]),
                }
            )
        note = [{"text": s["session_note"]}] if s["session_note"] else None
        self.add(
            s,
            code,
            s["date"],
            valueQuantity=quantity(s["minutes"], "min"),
            note=note,
            component=parts,
        )


def _words(value: str | list | None) -> list[str]:
    if not value:
        return []
    return [value] if isinstance(value, str) else list(value)


def _site(locations: list | None) -> dict[str, str] | None:
    """Where, as words (FHIR R4 has one bodySite: several regions share its text)."""
    return {"text": ", ".join(locations)} if locations else None


def code_system() -> dict[str, Any]:
    """Our local codes as a CodeSystem resource, each word field's answers beneath it."""
    concepts = []
    for c in LOCAL.values():
        concept: dict[str, Any] = {"code": c.code, "display": c.display, "definition": c.definition}
        answers = [{"code": f"{c.code}.{w}", "display": f"{c.text}: {w}"} for w in c.words()]
        if answers:
            concept["concept"] = answers
        concepts.append(concept)
    return {
        "resourceType": "CodeSystem",
        "id": _urn("codesystem").removeprefix("urn:uuid:"),
        "url": CODES,
        "version": "1",
        "name": "AmpsdiaryCodes",
        "title": "ampsdiary diary codes",
        "status": "active",
        "experimental": False,
        "description": "What a teen with AMPS records in ampsdiary where LOINC has no code "
        "(docs/fhir-and-redcap.md).",
        "caseSensitive": True,
        "hierarchyMeaning": "grouped-by",
        "content": "complete",
        "concept": concepts,
    }


def patient_id(export: Export, what: str) -> str:
    """The pseudonymous id every FHIR and REDCap file is filed under; it must be set."""
    if not export.patient:
        raise DiaryError("patient-id", None, f"is not set; {what} needs it: "
                         "ampsdiary config set patient-id ID")  # fmt: skip
    if export.private:
        raise DiaryError("include_private", None, f"is not offered for {what}: private notes "
                         "never go into it")  # fmt: skip
    return export.patient


def bundle(export: Export) -> dict[str, Any]:
    """The collection Bundle: Patient, CodeSystem, then the Observations in time order."""
    patient = patient_id(export, "FHIR")
    patient_url = _urn(f"patient/{patient}")
    observations = _Observations(patient_url)
    start, end = export.start, export.end
    for e in export.diary.entries(start, end):
        observations.entry(e)
    for d in export.diary.day_facts(start, end):
        observations.day(d)
    for s in export.diary.sessions(start, end):
        observations.session(s)
    resource = {
        "resourceType": "Patient",
        "id": patient_url.removeprefix("urn:uuid:"),
        "identifier": [{"system": PATIENT_IDS, "value": patient}],
    }
    system = code_system()
    first = [
        {"fullUrl": patient_url, "resource": resource},
        {"fullUrl": f"urn:uuid:{system['id']}", "resource": system},
    ]
    made = [entry for _, entry in sorted(observations.made, key=lambda pair: pair[0])]
    return {
        "resourceType": "Bundle",
        "id": _urn(f"bundle/{patient}/{start}/{end}").removeprefix("urn:uuid:"),
        "type": "collection",
        "timestamp": utc_now(),
        "entry": [*first, *made],
    }
