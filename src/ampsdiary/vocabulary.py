"""The diary's words: every field, its allowed values and their aliases.

One table owns them so the flags, the guided check-in, validation, import and the
docs can never disagree about what "left-foot" or "blotchy" means.
"""

from __future__ import annotations

from dataclasses import dataclass, field

SIDED_PARTS = (
    "foot", "ankle", "lower-leg", "knee", "thigh", "hip",
    "hand", "wrist", "forearm", "elbow", "upper-arm", "shoulder",
)  # fmt: skip
CENTRAL_PARTS = ("head", "neck", "chest", "abdomen", "upper-back", "lower-back", "pelvis")
REGIONS = (
    *(f"{side}-{part}" for part in SIDED_PARTS for side in ("left", "right")),
    *CENTRAL_PARTS,
    "widespread",
)
# Words for a part that has a side, as people say them: `knee` alone must never guess one.
PART_WORDS = {
    **{part: part for part in SIDED_PARTS},
    "shin": "lower-leg", "calf": "lower-leg", "toe": "foot", "heel": "foot",
    "finger": "hand", "thumb": "hand",
}  # fmt: skip
PLURALS = {"foot": "feet", "calf": "calves"}  # the rest add an s
# Words for a stretch of the body holding several regions.
LIMBS = {"leg": ("thigh", "knee", "lower-leg"), "arm": ("upper-arm", "elbow", "forearm")}


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
    aliases.update({"stomach": "abdomen", "belly": "abdomen", "tummy": "abdomen"})
    aliases.update({"all-over": "widespread", "everywhere": "widespread"})
    return aliases


def _region_groups() -> dict[str, tuple[str, ...]]:
    """Words naming several regions, each offered in full: 'knee' (which side?), 'knees',
    'leg', 'left-arm', 'back'. A side is never guessed."""
    groups: dict[str, tuple[str, ...]] = {"back": ("upper-back", "lower-back")}
    for word, part in PART_WORDS.items():
        both = (f"left-{part}", f"right-{part}")
        groups[word] = groups[PLURALS.get(word, word + "s")] = both
    for limb, parts in LIMBS.items():
        groups[limb] = groups[limb + "s"] = tuple(
            f"{s}-{p}" for p in parts for s in ("left", "right")
        )
        for side in ("left", "right"):
            one_side = tuple(f"{side}-{p}" for p in parts)
            groups[f"{side}-{limb}"] = groups[f"{side[0]}-{limb}"] = one_side
    return groups


@dataclass(frozen=True)
class Limit:
    """The most a clinician would believe of one measure (`per` session, night or day): a
    larger value is refused with this reason, never taken silently."""

    field: str
    per: str
    most: int
    unit: str
    why: str

    def describe(self) -> str:
        return f"at most {self.most} {self.unit} a {self.per}: {self.why}"


SESSION_MINUTES = Limit(
    "minutes", "session", 240, "minutes",
    "a longer session is almost always a typo; log a long day as several sessions",
)  # fmt: skip
DAY_MINUTES = Limit(
    "minutes", "day", 720, "minutes",
    "all of one day's exercise and therapy together; more would leave no time for sleep",
)  # fmt: skip
NIGHT_SLEEP = Limit(
    "sleep", "night", 16, "hours", "more in one night is almost always a typo (hours, not a time)"
)
LIMITS = (SESSION_MINUTES, DAY_MINUTES, NIGHT_SLEEP)


@dataclass(frozen=True)
class Scale:
    """A number scale such as pain 0-10; `whole` is False for hours of sleep.

    A `limit` makes `high` a plausibility limit rather than the end of a scale; `was_high`
    is the top an earlier version took, so values it wrote are still read (never written).
    """

    low: float
    high: float
    low_label: str
    high_label: str
    whole: bool = True
    limit: Limit | None = None
    was_high: float | None = None

    def describe(self) -> str:
        kind = "a whole number" if self.whole else "a number"
        return f"{kind} from {self.low:g} ({self.low_label}) to {self.high:g} ({self.high_label})"

    @property
    def read_high(self) -> float:
        """The highest stored value that is read: this version's or an earlier one's top."""
        return max(self.high, self.was_high or self.high)


@dataclass(frozen=True)
class Choice:
    """One word from a fixed list, or several (`many`) such as pain locations.

    `groups` are words that name several values ('knee': left-knee or right-knee): never
    taken as one of them, but offered in full.
    """

    values: tuple[str, ...]
    aliases: dict[str, str] = field(default_factory=dict)
    many: bool = False
    groups: dict[str, tuple[str, ...]] = field(default_factory=dict)

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
BODY_REGIONS = Choice(REGIONS, _sided_aliases(), many=True, groups=_region_groups())
# The generated side spellings ('l-foot', 'lfoot', 'foot-left'), listed as one pattern.
SIDED_SPELLINGS = frozenset(
    alias
    for alias in BODY_REGIONS.aliases
    if alias.split("-")[-1] not in ("shin", "calf")
    and alias not in ("stomach", "belly", "all-over")
)
SWELLING = ("none", "mild", "moderate", "severe")
NORMAL = "normal"  # the skin colour and temperature answer that is no sign at all
LISTED = 8  # a longer list of words is cut in hints and messages (all: `ampsdiary vocabulary`)
NO_SCHOOL = "none"  # a day without school (a weekend, a holiday): not a missed day
SCHOOL = ("full", "part", "missed", NO_SCHOOL)
SESSION_KINDS = (
    "aerobic", "strength", "stretching", "physio", "occupational", "desensitization",
    "hydrotherapy", "relaxation", "psychology", "music", "biofeedback", "meditation",
    "medication", "other",
)  # fmt: skip
INTENSITIES = ("easy", "moderate", "hard")
SYMPTOMS = Choice(
    ("headache", "dizziness", "abdominal-pain", "fatigue", "joint-pain", "anxiety", "low-mood"),
    {
        "dizzy": "dizziness", "stomach-ache": "abdominal-pain", "tummy-ache": "abdominal-pain",
        "tired": "fatigue", "anxious": "anxiety", "sad": "low-mood",
    },
    many=True,
)  # fmt: skip
SCHOOL_ALIASES = {
    "whole": "full", "half": "part", "partial": "part", "absent": "missed",
    "no-school": "none", "holiday": "none", "weekend": "none",
}  # fmt: skip
KIND_ALIASES = {
    "physical": "physio", "pt": "physio", "ot": "occupational",
    "desensitisation": "desensitization", "cardio": "aerobic", "cbt": "psychology",
    "stretch": "stretching", "running": "aerobic", "run": "aerobic", "walking": "aerobic",
    "walk": "aerobic", "cycling": "aerobic", "bike": "aerobic", "swimming": "aerobic",
    "yoga": "stretching", "physiotherapy": "physio", "occupational-therapy": "occupational",
    "weights": "strength", "gym": "strength", "meds": "medication",
}  # fmt: skip
# Faces Pain Scale-Revised scores six faces 0, 2, ..., 10 so it shares the 0-10 column.
PAIN_SCALES = ("nrs", "faces")

# One row a field: name, level, kind, label, the check-in's question, the flag's word.
# fmt: off
ENTRY_FIELDS = (
    Field("pain", "entry", PAIN, "Pain now", "How much does it hurt right now?"),
    Field("worst", "entry", PAIN, "Worst pain", "What was the worst pain today?"),
    Field("locations", "entry", BODY_REGIONS, "Where it hurts", "Where does it hurt?", cli="where"),
    Field("quality", "entry", Choice(
        ("burning", "sharp", "stabbing", "aching", "pins-and-needles", "throbbing", "shooting"),
        {"tingling": "pins-and-needles", "pins": "pins-and-needles", "ache": "aching"}, many=True,
    ), "What it feels like", "What does it feel like?"),
    Field("pattern", "entry", Choice(
        ("constant", "intermittent"), {"comes-and-goes": "intermittent", "on-off": "intermittent"},
    ), "Constant or comes and goes", "Is it there all the time, or does it come and go?"),
    Field("allodynia", "entry", Scale(0, 10, "light touch is fine", "light touch hurts terribly"),
          "Allodynia", "How much does light touch hurt (clothes, sheets, water)?"),
    Field("allodynia_locations", "entry", BODY_REGIONS, "Where touch hurts",
          "Where does light touch hurt?", cli="allodynia-where"),
    Field("swelling", "entry", Choice(SWELLING, {"no": "none", "mild-swelling": "mild"}),
          "Swelling", "Any swelling?"),
    Field("skin_color", "entry", Choice(
        (NORMAL, "red", "pale", "blue-purple", "blotchy"),
        {"blue": "blue-purple", "purple": "blue-purple", "mottled": "blotchy", "white": "pale"},
    ), "Skin colour", "What colour is the skin there?"),
    Field("skin_temp", "entry",
          Choice((NORMAL, "warm", "hot", "cool", "cold"), {"warmer": "warm", "colder": "cold"}),
          "Skin temperature", "Does it feel warmer or colder than the other side?"),
    Field("skin_signs", "entry", Choice(
        ("sweaty", "dry", "shiny", "hair-change"), {"sweating": "sweaty", "hair": "hair-change"},
        many=True,
    ), "Other skin signs", "Any other skin changes?", cli="skin"),
    Field("movement", "entry", Choice(
        ("stiffness", "tremor", "weakness", "coordination"),
        {"stiff": "stiffness", "weak": "weakness", "shaky": "tremor"}, many=True,
    ), "Movement problems", "Any trouble moving?"),
    Field("symptoms", "entry", SYMPTOMS, "Other symptoms", "Anything else bothering you?",
          cli="symptom"),
    Field("triggers", "entry", Tags(), "Triggers", "Did anything set it off (exam, fall, flu)?",
          cli="trigger"),
    Field("pain_scale", "entry",
          Choice(PAIN_SCALES, {"fpsr": "faces", "fps-r": "faces", "numbers": "nrs"}),
          "Pain scale used"),
    Field("note", "entry", Text(), "Note", "Anything to note about the pain?"),
)

DAY_FIELDS = (
    Field("function", "day", Scale(0, 10, "could do nothing", "a completely normal day"),
          "Function", "How much of a normal day could you do today?"),
    Field("school", "day", Choice(SCHOOL, SCHOOL_ALIASES), "School",
          "School today? (none = a day without school)"),
    Field("sport", "day", YesNo(), "Sport or gym", "Did you do sport or gym?"),
    Field("social", "day", YesNo(), "Friends", "Did you spend time with friends?"),
    Field("sleep", "day",
          Scale(0, NIGHT_SLEEP.most, "no sleep", "16 hours", False, NIGHT_SLEEP, was_high=24),
          "Sleep hours", "How many hours did you sleep last night?"),
    Field("mood", "day", Scale(0, 10, "very low", "great"), "Mood", "How is your mood?"),
    Field("day_note", "day", Text(), "Day note",
          "A note about your day (parents and therapists can see it)?"),
    Field("private_note", "day", Text(), "Private note",
          "A private note (only for you, never exported)?"),
)

SESSION_FIELDS = (
    Field("kind", "session", Choice(SESSION_KINDS, KIND_ALIASES), "Kind", cli="KIND"),
    Field("minutes", "session",
          Scale(1, SESSION_MINUTES.most, "one minute", "4 hours", True, SESSION_MINUTES, 720),
          "Minutes", cli="MINUTES"),
    Field("intensity", "session",
          Choice(INTENSITIES, {"light": "easy", "medium": "moderate", "hard-work": "hard"}),
          "Intensity"),
    Field("session_note", "session", Text(), "Note", cli="note"),
)
# fmt: on

FIELDS: dict[str, Field] = {f.name: f for f in (*ENTRY_FIELDS, *DAY_FIELDS, *SESSION_FIELDS)}
# The day's facts anyone looking may see: all but the private note.
SHARED_DAY_FACTS = tuple(f.name for f in DAY_FIELDS if f.name != "private_note")

SETTINGS = {
    "patient-id": "an id for exports, e.g. the clinic number (any text)",
    "name": "the name shown on printed reports (any text)",
    "exercise-goal": "daily exercise goal in minutes (a whole number from 1 to "
    f"{DAY_MINUTES.most})",
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


def as_word(text: str) -> str:
    """'Sleep hours', 'sleep_hours' and 'sleep-hours' are one word to the diary."""
    return "-".join(text.strip().lower().replace("_", " ").split())


def field_words(f: Field) -> tuple[str, ...]:
    """Every word a person may name a field by: its flag, its stored and column names and
    the label the screens show ('friends' is --social), so `edit` takes what people see."""
    words = (f.flag.lstrip("-"), f.name, column(f.name), f.label, *FIELD_WORDS.get(f.name, ()))
    return tuple(dict.fromkeys(as_word(w) for w in words))


# Short words the tables' headers use for a field, beyond its label.
FIELD_WORDS = {
    "worst": ("worst",),
    "allodynia": ("touch",),
    "function": ("func",),
    "swelling": ("swell",),
    "social": ("friends",),
    "sleep": ("sleep",),
    "minutes": ("min",),
}
