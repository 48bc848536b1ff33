"""The shared vocabularies: the public contract's ids and the lexicon's fact values.

The contract ids (triage levels, spasm types, cause ids, locations) come from
../shared/spec/interfaces.md and must never be renamed; everything that names a fact
value is checked against this module when the data files load.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache

from askwell.medical.data_files import DataFileError, load_yaml


class TriageLevel(StrEnum):
    """The contract's triage levels, most urgent first (their order is "most urgent wins").

    Their headline, colour and advice are data: askwell.medical.triage.level_info().
    """

    EMERGENCY = "emergency"
    URGENT = "urgent"
    SEE_DOCTOR = "see_doctor"
    SELF_CARE = "self_care"


TRIAGE_LEVELS: tuple[str, ...] = tuple(level.value for level in TriageLevel)
SPASM_TYPES: tuple[str, ...] = (
    "fasciculation", "cramp", "contracture", "myoclonus", "tic", "spasticity",
)
CAUSE_IDS: tuple[str, ...] = (
    "dehydration", "electrolyte_imbalance", "muscle_fatigue", "nerve_compression",
    "peripheral_neuropathy", "poor_circulation", "medication", "neurological_condition",
    "metabolic_condition", "pregnancy", "cold", "stress", "posture", "footwear",
    "caffeine_alcohol",
)
LOCATIONS: tuple[str, ...] = (
    "calf", "foot", "toes", "hamstring", "quadriceps", "thigh", "back", "neck", "shoulder",
    "hand", "arm", "abdomen", "eyelid", "face", "jaw", "chest", "whole_body",
)
FREQUENCIES: tuple[str, ...] = ("occasional", "weekly", "daily")  # least to most often
SIDES: tuple[str, ...] = ("one", "both")
SEXES: tuple[str, ...] = ("female", "male")
# Who a description is about, read from its words ("my 2 month old", "my dad", "I").
# adult means another adult, not the writer.
ABOUT: tuple[str, ...] = ("self", "baby", "child", "adult")

# Lexicon categories that fill a set of values in Facts, and the attribute they fill.
SET_CATEGORIES: dict[str, str] = {
    "location": "locations",
    "sensation": "sensations",
    "timing": "timings",
    "symptom": "symptoms",
    "medicine": "medicines",
    "condition": "conditions",
    "habit": "habits",
    "flag": "flags",
    "marker": "markers",
    "sign": "signs",  # universal warning signs and complaints (red_flags.yaml)
}
# Categories holding one value, with the values allowed.
SCALAR_CATEGORIES: dict[str, tuple[str, ...]] = {
    "side": SIDES,
    "frequency": FREQUENCIES,
    "sex": SEXES,
    "about": ABOUT,
}
# Values that exist without a lexicon phrase: they are set by `derived` rules.
_DERIVED_ONLY: dict[str, set[str]] = {
    "timing": {"walking_eases_with_rest"},
    # general_question is set by reader.py when the text asks in general; cannot_judge by
    # a `derived` rule of the lexicon.
    # asks_information and describes_symptoms by red_flags.py.
    "marker": {"general_question", "cannot_judge", "asks_information", "describes_symptoms"},
}


@cache
def allowed_values(category: str) -> frozenset[str]:
    """Every value a fact of this category may take (for validating data and input)."""
    if category in SCALAR_CATEGORIES:
        return frozenset(SCALAR_CATEGORIES[category])
    if category not in SET_CATEGORIES:
        raise DataFileError(f"unknown fact category {category!r}")
    if category == "sign":
        return frozenset(load_yaml("red_flags.yaml")["signs"])
    lexicon = load_yaml("facts_lexicon.yaml")
    values = set(lexicon.get(category, {})) | _DERIVED_ONLY.get(category, set())
    if category == "location":
        unknown = values - set(LOCATIONS)
        if unknown:
            raise DataFileError(f"facts_lexicon.yaml: locations outside the contract: {unknown}")
        values = set(LOCATIONS)
    return frozenset(values)
