"""Facts: what a person told us, whichever way it arrived.

Two readers fill the same type: askwell/medical/reader.py reads a description in the
person's own words (`extract_facts`), askwell/medical/structured.py validates form and API
fields (`facts_from_structured`); `merge` combines both. A fact lands in the same field
with the same value either way, so the triage and causes that follow cannot tell (and
must not care) how it was given.

This module imports no reader: the condition language, the phrase matcher and the
red-flag reader name the type, and the readers sit above them, so there is no cycle.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from typing import cast

from askwell.medical.contract import FactsObject
from askwell.medical.vocabulary import LOCATIONS

MAX_AGE = 120
PREGNANCY_AGE_RANGE = (10, 60)
MAX_PREGNANCY_WEEK = 42
MIN_TEMPERATURE_C, MAX_TEMPERATURE_C = 25.0, 45.0


class FactsError(ValueError):
    """Impossible or contradictory facts; the message is fit to show the person."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(eq=True)
class Facts:
    locations: set[str] = field(default_factory=set)
    sides: str | None = None  # "one" or "both" (legs)
    sensations: set[str] = field(default_factory=set)
    duration_minutes: float | None = None  # how long one episode lasts
    frequency: str | None = None  # occasional, weekly, daily
    persists_weeks: float | None = None  # how long the problem has been going on
    timings: set[str] = field(default_factory=set)
    age: int | None = None
    sex: str | None = None
    pregnant: bool | None = None
    pregnancy_week: int | None = None
    medicines: set[str] = field(default_factory=set)  # classes: diuretic, statin ...
    conditions: set[str] = field(default_factory=set)
    habits: set[str] = field(default_factory=set)
    symptoms: set[str] = field(default_factory=set)
    pertinent_negatives: set[str] = field(default_factory=set)  # symptoms denied
    flags: set[str] = field(default_factory=set)  # new_medicine, sleep_disturbed ...
    # Universal warning signs and complaints, on any subject (red_flags.py).
    signs: set[str] = field(default_factory=set)
    about: str | None = None  # self, baby, child, adult (another adult)
    age_months: float | None = None  # set for babies and children ("my 6 week old")
    temperature_c: float | None = None
    # Reading aids, not facts: never compared, and markers never shown.
    markers: set[str] = field(default_factory=set, compare=False, repr=False)
    unknown_words: list[str] = field(default_factory=list, compare=False)
    truncated: bool = field(default=False, compare=False)

    @property
    def understood(self) -> bool:
        """Did we read anything that says what the person feels or why?"""
        return bool(
            self.locations or self.sensations or self.symptoms or self.timings
            or self.medicines or self.conditions or self.habits or self.flags
            or self.pregnant
        )

    def to_dict(self) -> FactsObject:
        result: dict[str, object] = {}
        for f in fields(self):
            if f.name == "markers":
                continue
            value = getattr(self, f.name)
            if isinstance(value, set):
                value = sorted(value)
            elif isinstance(value, float):
                value = round(value, 2)
            result[f.name] = value
        result["understood"] = self.understood
        return cast(FactsObject, result)  # built from the fields above, which FactsObject lists


def validate(facts: Facts) -> None:
    """Raise FactsError when facts are impossible or contradict each other."""
    if facts.age is not None and not 0 <= facts.age <= MAX_AGE:
        raise FactsError(f"An age of {facts.age} is not possible; give an age from 0 to 120.")
    if facts.temperature_c is not None and not MIN_TEMPERATURE_C <= facts.temperature_c <= MAX_TEMPERATURE_C:
        raise FactsError(
            f"A temperature of {facts.temperature_c} C is not possible; give it in degrees Celsius "
            f"({MIN_TEMPERATURE_C:.0f} to {MAX_TEMPERATURE_C:.0f}).")
    if facts.age_months is not None and not 0 <= facts.age_months <= MAX_AGE * 12:
        raise FactsError(f"An age of {facts.age_months} months is not possible.")
    unknown = facts.locations - set(LOCATIONS)
    if unknown:
        raise FactsError(f"Unknown location {sorted(unknown)[0]!r}.")
    if facts.pregnancy_week is not None:
        if not 1 <= facts.pregnancy_week <= MAX_PREGNANCY_WEEK:
            raise FactsError(
                f"A pregnancy lasts at most {MAX_PREGNANCY_WEEK} weeks; week "
                f"{facts.pregnancy_week} is not possible.")
        if facts.pregnant is False:
            raise FactsError("A pregnancy week was given but pregnant is false.")
    if facts.pregnant:
        low, high = PREGNANCY_AGE_RANGE
        if facts.age is not None and not low <= facts.age <= high:
            raise FactsError(
                f"Pregnancy at age {facts.age} does not fit: please check the age "
                "and whether the person is pregnant.")
        if facts.sex == "male":
            raise FactsError("The description says both male and pregnant: please check.")


def merge(text_facts: Facts, structured: Facts) -> Facts:
    """Both sources together; a structured single value wins over one read from text.

    A symptom reported by either side is kept even if the other denies it: a missed
    red flag costs more than a needless check.
    """
    merged = replace(text_facts)
    for f in fields(Facts):
        mine, theirs = getattr(text_facts, f.name), getattr(structured, f.name)
        if isinstance(mine, set):
            setattr(merged, f.name, mine | theirs)
        elif f.name not in ("unknown_words", "truncated") and theirs is not None:
            setattr(merged, f.name, theirs)
    merged.pertinent_negatives -= merged.symptoms
    validate(merged)
    return merged
