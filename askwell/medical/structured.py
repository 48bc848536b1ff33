"""Facts given as structured fields (form fields, the API, the checker's state), validated.

`facts_from_structured(data)` takes fields named as the Facts fields (the to_dict() names)
and refuses anything else with a FactsError fit to show the person. A medicine or condition
may be given by its everyday name, read with the phrase vocabulary of the free-text reader.
"""

from __future__ import annotations

from collections.abc import Mapping

from askwell.medical.facts import Facts, FactsError, validate
from askwell.medical.phrases import facts_in_phrase
from askwell.medical.vocabulary import SCALAR_CATEGORIES, SET_CATEGORIES, allowed_values


def facts_from_structured(data: Mapping[str, object]) -> Facts:
    """Build and validate facts from structured fields named as the Facts fields (the
    to_dict() names). Edges that speak other names translate them where they are
    declared: the API's contract names in askwell/checker/api.py (CheckIn)."""
    if not isinstance(data, dict):
        raise FactsError("Structured facts must be an object of named fields.")
    facts = Facts()
    for name, raw in data.items():
        if raw is None or name in _READ_ONLY_FIELDS:
            continue
        if name in _SET_FIELD_CATEGORY:
            getattr(facts, name).update(_structured_values(name, raw))
        elif name in _SCALAR_FIELDS:
            setattr(facts, name, _structured_scalar(name, raw))
        elif name in _NUMBER_FIELDS:
            setattr(facts, name, _structured_number(name, raw))
        elif name == "pregnant":
            if not isinstance(raw, bool):
                raise FactsError("pregnant must be true or false.")
            facts.pregnant = raw
        else:
            raise FactsError(f"Unknown field {name!r}.")
    if facts.pregnancy_week is not None and facts.pregnant is None:
        facts.pregnant = True
    validate(facts)
    return facts


_SET_FIELD_CATEGORY = {
    attribute: category for category, attribute in SET_CATEGORIES.items()
    if category != "marker"
} | {"pertinent_negatives": "symptom"}
_SCALAR_FIELDS = {"sides": "side", "frequency": "frequency", "sex": "sex", "about": "about"}
_NUMBER_FIELDS = {"duration_minutes", "persists_weeks", "age", "pregnancy_week", "age_months",
                  "temperature_c"}
_READ_ONLY_FIELDS = {"understood", "unknown_words", "truncated"}
_LAY_NAMES_ALLOWED = {"medicine", "condition"}


def _structured_values(name: str, raw: object) -> set[str]:
    category = _SET_FIELD_CATEGORY[name]
    items = [raw] if isinstance(raw, str) else raw
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise FactsError(f"{name} must be a list of words.")
    allowed = allowed_values(category)
    values: set[str] = set()
    for item in items:
        word = item.strip().lower()
        if word in allowed:
            values.add(word)
            continue
        # A medicine or condition by its everyday name ("furosemide", "type 2 diabetes");
        # other fields take only their ids, so a typo is reported, not guessed at.
        read: set[str] = set()
        if category in _LAY_NAMES_ALLOWED:
            read = {v for c, v in facts_in_phrase(word) if c == category}
        if not read:
            known = ", ".join(sorted(allowed)) if category == "location" else ""
            hint = f" Known {name}: {known}." if known else ""
            raise FactsError(f"Unknown {category} {item!r}.{hint}")
        values |= read
    return values


def _structured_scalar(name: str, raw: object) -> str:
    allowed = SCALAR_CATEGORIES[_SCALAR_FIELDS[name]]
    if not isinstance(raw, str) or raw.lower() not in allowed:
        raise FactsError(f"{name} must be one of: {', '.join(allowed)}.")
    return raw.lower()


def _structured_number(name: str, raw: object) -> int | float:
    if isinstance(raw, bool) or not isinstance(raw, (int, float)):
        raise FactsError(f"{name} must be a number.")
    if raw < 0:
        raise FactsError(f"{name} cannot be negative.")
    return int(raw) if name in ("age", "pregnancy_week") else float(raw)
