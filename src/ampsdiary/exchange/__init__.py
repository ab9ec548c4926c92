"""Exports and imports: the files therapists, clinics and researchers open.

A small registry of formats, each made from the vocabulary (columns.py), read through the
library so private notes come along only when asked for.
"""

from __future__ import annotations

# FORMAT: (what it is, a single file or not)
FORMATS = {
    "bundle": ("the therapist bundle: the three CSVs, datapackage.json and README.txt", False),
    "csv": ("the daily table: one row per logged day", True),
    "entries": ("one row per symptom entry", True),
    "sessions": ("one row per exercise or therapy session", True),
    "json": ("everything the diary holds, in one versioned document", True),
    "datapackage": ("the Table Schema of the three CSVs (datapackage.json)", True),
    "fhir": ("a FHIR R4 collection Bundle (JSON) for a clinic's health record", True),
    "redcap": ("a REDCap data dictionary and import CSV, into a folder", False),
}
