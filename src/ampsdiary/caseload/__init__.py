"""The caseload review: many patients' exports, one row each, the flagged ones first.

A therapist receives exports from many patients: daily CSVs, bundles and json exports.
`files` finds them and sorts them into patients from their first lines, `read` reads one
export whole (every value checked), `merge` makes one patient's exports one diary,
`patients` runs the recovery analysis on it (the code `ampsdiary recovery` runs) and
`flags` says who needs a look first; `page` writes the printable caseload page. Nothing
here prints: `ampsdiary review` (cli/review.py) does.
"""
