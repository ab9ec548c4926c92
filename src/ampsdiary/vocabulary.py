"""The diary's words: every field, its allowed values and their aliases.

One table owns them so the flags, the guided check-in, validation, import and the
docs can never disagree about what "left-foot" or "blotchy" means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SIDED_PARTS = (
    "foot",
    "ankle",
    "lower-leg",
    "knee",
    "thigh",
    "hip",
    "hand",
    "wrist",
    "forearm",
    "elbow",
    "upper-arm",
    "shoulder",
)
CENTRAL_PARTS = ("head", "neck", "chest", "abdomen", "upper-back", "lower-back", "pelvis")
REGIONS = (
    *(f"{side}-{part}" for part in SIDED_PARTS for side in ("left", "right")),
    *CENTRAL_PARTS,
    "widespread",
)


def _sided_aliases() -> dict[str, str]:
    """'l-foot', 'lfoot', 'foot-left' and 'shin' style spellings people actually type."""
    aliases: dict[str, str] = {}
    for part in SIDED_PARTS:
        for side in ("left", "right"):
            region = f"{side}-{part}"
            aliases[f"{side[0]}-{part}"] = region
            aliases[f"{side[0]}{part}"] = region
            aliases[f"{part}-{side}"] = region
    for side in ("left", "right"):
        aliases[f"{side}-shin"] = f"{side}-lower-leg"
        aliases[f"{side}-calf"] = f"{side}-lower-leg"
    aliases.update({"stomach": "abdomen", "belly": "abdomen", "all-over": "widespread"})
    return aliases


@dataclass(frozen=True)
class Scale:
    """A number scale such as pain 0-10; `whole` is False for hours of sleep."""

    low: float
    high: float
    low_label: str
    high_label: str
    whole: bool = True

    def describe(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        return f"{kind} from {self.low:g} ({self.low_label}) to {self.high:g} ({self.high_label})"


@dataclass(frozen=True)
class Choice:
    """One word from a fixed list, or several (`many`) such as pain locations."""

    values: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)
    many: bool = False

    def describe(self) -> str:
        return (
            "one of: " + ", ".join(self.values)
            if not self.many
            else ("a comma list of: " + ", ".join(self.values))
        )


@dataclass(frozen=True)
class Tags:
    """Free words such as triggers ("exam", "fall"): lower-cased, any word allowed."""

    def describe(self) -> str:
        return "a comma list of short words, e.g. exam,fall,flu"


@dataclass(frozen=True)
class YesNo:
    def describe(self) -> str:
        return "yes or no"


@dataclass(frozen=True)
class Text:
    def describe(self) -> str:
        return "any text"


Kind = Scale | Choice | Tags | YesNo | Text


@dataclass(frozen=True)
class Field:
    """One thing the diary records, where it lives and how to ask for it."""

    name: str
    level: str  # "entry" (several a day), "day" (one a day) or "session"
    kind: Kind
    label: str
    question: str = ""
    cli: str = ""  # the flag's word when it differs from the stored name

    @property
    def flag(self) -> str:
        """How the user names it: an option (--where) or, in capitals, an argument (KIND)."""
        if self.cli.isupper():
            return self.cli
        return "--" + (self.cli or self.name).replace("_", "-")


PAIN = Scale(0, 10, "no pain", "worst pain imaginable")
BODY_REGIONS = Choice(REGIONS, _sided_aliases(), many=True)
SWELLING = ("none", "mild", "moderate", "severe")
NORMAL = "normal"  # the skin colour and temperature answer that is no sign at all
LISTED = 8  # a longer list of words is cut in hints and messages (all: `ampsdiary vocabulary`)
NO_SCHOOL = "none"  # a day without school (a weekend, a holiday): not a missed day
SCHOOL = ("full", "part", "missed", NO_SCHOOL)
SESSION_KINDS = (
    "aerobic",
    "strength",
    "stretching",
    "physio",
    "occupational",
    "desensitization",
    "hydrotherapy",
    "relaxation",
    "psychology",
    "music",
    "biofeedback",
    "meditation",
    "medication",
    "other",
)
INTENSITIES = ("easy", "moderate", "hard")
# Faces Pain Scale-Revised scores six faces 0, 2, ..., 10 so it shares the 0-10 column.
PAIN_SCALES = ("nrs", "faces")

ENTRY_FIELDS = (
    Field("pain", "entry", PAIN, "Pain now", "How much does it hurt right now?"),
    Field("worst", "entry", PAIN, "Worst pain", "What was the worst pain today?"),
    Field(
        "locations",
        "entry",
        BODY_REGIONS,
        "Where it hurts",
        "Where does it hurt?",
        cli="where",
    ),
    Field(
        "quality",
        "entry",
        Choice(
            ("burning", "sharp", "stabbing", "aching", "pins-and-needles", "throbbing", "shooting"),
            {"tingling": "pins-and-needles", "pins": "pins-and-needles", "ache": "aching"},
            many=True,
        ),
        "What it feels like",
        "What does it feel like?",
    ),
    Field(
        "pattern",
        "entry",
        Choice(
            ("constant", "intermittent"),
            {"comes-and-goes": "intermittent", "on-off": "intermittent"},
        ),
        "Constant or comes and goes",
        "Is it there all the time, or does it come and go?",
    ),
    Field(
        "allodynia",
        "entry",
        Scale(0, 10, "light touch is fine", "light touch hurts terribly"),
        "Allodynia",
        "How much does light touch hurt (clothes, sheets, water)?",
    ),
    Field(
        "allodynia_locations",
        "entry",
        BODY_REGIONS,
        "Where touch hurts",
        "Where does light touch hurt?",
        cli="allodynia-where",
    ),
    Field(
        "swelling",
        "entry",
        Choice(SWELLING, {"no": "none", "mild-swelling": "mild"}),
        "Swelling",
        "Any swelling?",
    ),
    Field(
        "skin_color",
        "entry",
        Choice(
            (NORMAL, "red", "pale", "blue-purple", "blotchy"),
            {"blue": "blue-purple", "purple": "blue-purple", "mottled": "blotchy", "white": "pale"},
        ),
        "Skin colour",
        "What colour is the skin there?",
    ),
    Field(
        "skin_temp",
        "entry",
        Choice((NORMAL, "warm", "hot", "cool", "cold"), {"warmer": "warm", "colder": "cold"}),
        "Skin temperature",
        "Does it feel warmer or colder than the other side?",
    ),
    Field(
        "skin_signs",
        "entry",
        Choice(
            ("sweaty", "dry", "shiny", "hair-change"),
            {"sweating": "sweaty", "hair": "hair-change"},
            many=True,
        ),
        "Other skin signs",
        "Any other skin changes?",
        cli="skin",
    ),
    Field(
        "movement",
        "entry",
        Choice(
            ("stiffness", "tremor", "weakness", "coordination"),
            {"stiff": "stiffness", "weak": "weakness", "shaky": "tremor"},
            many=True,
        ),
        "Movement problems",
        "Any trouble moving?",
    ),
    Field(
        "symptoms",
        "entry",
        Choice(
            (
                "headache",
                "dizziness",
                "abdominal-pain",
                "fatigue",
                "joint-pain",
                "anxiety",
                "low-mood",
            ),
            {
                "dizzy": "dizziness",
                "stomach-ache": "abdominal-pain",
                "tummy-ache": "abdominal-pain",
                "tired": "fatigue",
                "anxious": "anxiety",
                "sad": "low-mood",
            },
            many=True,
        ),
        "Other symptoms",
        "Anything else bothering you?",
        cli="symptom",
    ),
    Field(
        "triggers",
        "entry",
        Tags(),
        "Triggers",
        "Did anything set it off (exam, fall, flu)?",
        cli="trigger",
    ),
    Field(
        "pain_scale",
        "entry",
        Choice(PAIN_SCALES, {"fpsr": "faces", "fps-r": "faces", "numbers": "nrs"}),
        "Pain scale used",
    ),
    Field("note", "entry", Text(), "Note", "Anything to note about the pain?"),
)

DAY_FIELDS = (
    Field(
        "function",
        "day",
        Scale(0, 10, "could do nothing", "a completely normal day"),
        "Function",
        "How much of a normal day could you do today?",
    ),
    Field(
        "school",
        "day",
        Choice(
            SCHOOL,
            {
                "whole": "full",
                "half": "part",
                "partial": "part",
                "absent": "missed",
                "no-school": "none",
                "holiday": "none",
                "weekend": "none",
            },
        ),
        "School",
        "School today? (none = a day without school)",
    ),
    Field("sport", "day", YesNo(), "Sport or gym", "Did you do sport or gym?"),
    Field("social", "day", YesNo(), "Friends", "Did you spend time with friends?"),
    Field(
        "sleep",
        "day",
        Scale(0, 24, "no sleep", "24 hours", whole=False),
        "Sleep hours",
        "How many hours did you sleep last night?",
    ),
    Field("mood", "day", Scale(0, 10, "very low", "great"), "Mood", "How is your mood?"),
    Field(
        "day_note",
        "day",
        Text(),
        "Day note",
        "A note about your day (parents and therapists can see it)?",
    ),
    Field(
        "private_note",
        "day",
        Text(),
        "Private note",
        "A private note (only for you, never exported)?",
    ),
)

SESSION_FIELDS = (
    Field(
        "kind",
        "session",
        Choice(
            SESSION_KINDS,
            {
                "physical": "physio",
                "pt": "physio",
                "ot": "occupational",
                "desensitisation": "desensitization",
                "cardio": "aerobic",
                "cbt": "psychology",
                "stretch": "stretching",
                "running": "aerobic",
                "run": "aerobic",
                "walking": "aerobic",
                "walk": "aerobic",
                "cycling": "aerobic",
                "bike": "aerobic",
                "swimming": "aerobic",
                "yoga": "stretching",
                "physiotherapy": "physio",
                "occupational-therapy": "occupational",
                "weights": "strength",
                "gym": "strength",
                "meds": "medication",
            },
        ),
        "Kind",
        cli="KIND",
    ),
    Field("minutes", "session", Scale(1, 720, "one minute", "12 hours"), "Minutes", cli="MINUTES"),
    Field(
        "intensity",
        "session",
        Choice(INTENSITIES, {"light": "easy", "medium": "moderate", "hard-work": "hard"}),
        "Intensity",
    ),
    Field("session_note", "session", Text(), "Note", cli="note"),
)

FIELDS: dict[str, Field] = {f.name: f for f in (*ENTRY_FIELDS, *DAY_FIELDS, *SESSION_FIELDS)}
# The day's facts anyone looking may see: all but the private note.
SHARED_DAY_FACTS = tuple(f.name for f in DAY_FIELDS if f.name != "private_note")

SETTINGS = {
    "patient-id": "an id for exports, e.g. the clinic number (any text)",
    "name": "the name shown on printed reports (any text)",
    "exercise-goal": "daily exercise goal in minutes (a whole number from 1 to 720)",
    "treatment-start": "the date treatment started, YYYY-MM-DD (sets the baseline week)",
}

# How exported and imported files name a field as a column, where it differs from the
# stored name: the daily table speaks of the day, so `worst` is pain_worst, `sleep` is
# sleep_hours, and a day's or a session's note is simply `note`.
COLUMN_NAMES = {
    "worst": "pain_worst",
    "locations": "pain_locations",
    "quality": "pain_quality",
    "pattern": "pain_pattern",
    "skin_temp": "skin_temperature",
    "sleep": "sleep_hours",
    "day_note": "note",
    "session_note": "note",
}


def column(name: str) -> str:
    """A field's column name in exported and imported files."""
    return COLUMN_NAMES.get(name, name)
