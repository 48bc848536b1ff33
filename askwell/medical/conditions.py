"""A small condition language over Facts, shared by the triage, cause and plan data.

A condition is YAML like

    all:
      - location: [calf, thigh]          # any of these values is present
      - any: [{symptom: swelling}, {symptom: warmth}]
      - not: {side: both}
      - age_at_least: 65

Conditions are compiled once into plain functions, and every value is checked against
the vocabulary at that moment, so a typo in a data file fails loudly at start-up
instead of silently never matching.
"""

from __future__ import annotations

from collections.abc import Callable

from askwell.medical.data_files import DataFileError
from askwell.medical.facts import Facts
from askwell.medical.vocabulary import (
    FREQUENCIES,
    SCALAR_CATEGORIES,
    SET_CATEGORIES,
    allowed_values,
)

Predicate = Callable[[Facts], bool]

_NUMERIC_TESTS: dict[str, Callable[[Facts, float], bool]] = {
    "age_at_least": lambda f, n: f.age is not None and f.age >= n,
    "age_below": lambda f, n: f.age is not None and f.age < n,
    "duration_over_minutes": lambda f, n: f.duration_minutes is not None
    and f.duration_minutes > n,
    "persists_weeks_at_least": lambda f, n: f.persists_weeks is not None
    and f.persists_weeks >= n,
    "pregnancy_week_at_least": lambda f, n: f.pregnancy_week is not None
    and f.pregnancy_week >= n,
    "location_count_at_least": lambda f, n: len(f.locations) >= n,
    "age_months_below": lambda f, n: f.age_months is not None and f.age_months < n,
    "age_months_at_least": lambda f, n: f.age_months is not None and f.age_months >= n,
    "temperature_at_least": lambda f, n: f.temperature_c is not None and f.temperature_c >= n,
    "temperature_below": lambda f, n: f.temperature_c is not None and f.temperature_c < n,
}
_BOOLEAN_TESTS: dict[str, Callable[[Facts], bool]] = {
    "pregnant": lambda f: f.pregnant is True,
    "understood": lambda f: f.understood,
    # A spasm, cramp or twitch was read (the pack's own rules judge it).
    "spasm_described": lambda f: bool(f.sensations),
    "takes_medicine": lambda f: bool(f.medicines),
}


def _values(key: str, raw: object, where: str) -> frozenset[str]:
    values = [raw] if isinstance(raw, str) else raw
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        raise DataFileError(f"{where}: {key} needs a value or a list of values")
    unknown = set(values) - allowed_values(key)
    if unknown:
        raise DataFileError(f"{where}: unknown {key} value(s) {sorted(unknown)}")
    return frozenset(values)


def _leaf(key: str, raw: object, where: str) -> Predicate:
    if key in SET_CATEGORIES:
        attribute = SET_CATEGORIES[key]
        wanted = _values(key, raw, where)
        return lambda f: not wanted.isdisjoint(getattr(f, attribute))
    if key == "frequency_at_least":
        if raw not in FREQUENCIES:
            raise DataFileError(f"{where}: frequency_at_least must be one of {FREQUENCIES}")
        rank = FREQUENCIES.index(raw)
        return lambda f: f.frequency is not None and FREQUENCIES.index(f.frequency) >= rank
    if key in SCALAR_CATEGORIES:
        wanted = _values(key, raw, where)
        attribute = "sides" if key == "side" else key
        return lambda f: getattr(f, attribute) in wanted
    if key in _NUMERIC_TESTS:
        if not isinstance(raw, (int, float)) or isinstance(raw, bool):
            raise DataFileError(f"{where}: {key} needs a number")
        test, number = _NUMERIC_TESTS[key], float(raw)
        return lambda f: test(f, number)
    if key in _BOOLEAN_TESTS:
        if not isinstance(raw, bool):
            raise DataFileError(f"{where}: {key} needs true or false")
        check, expected = _BOOLEAN_TESTS[key], raw
        return lambda f: check(f) is expected
    raise DataFileError(f"{where}: unknown condition {key!r}")


def compile_condition(spec: object, where: str) -> Predicate:
    """Turn a condition from a data file into a function of Facts."""
    if not isinstance(spec, dict) or not spec:
        raise DataFileError(f"{where}: a condition must be a non-empty mapping")
    parts: list[Predicate] = []
    for key, raw in spec.items():
        if key in ("all", "any"):
            if not isinstance(raw, list) or not raw:
                raise DataFileError(f"{where}: {key} needs a non-empty list")
            inner = [compile_condition(item, where) for item in raw]
            parts.append(_all_of(inner) if key == "all" else _any_of(inner))
        elif key == "not":
            parts.append(_none_of([compile_condition(raw, where)]))
        else:
            parts.append(_leaf(key, raw, where))
    return parts[0] if len(parts) == 1 else _all_of(parts)


def _all_of(parts: list[Predicate]) -> Predicate:
    return lambda f: all(p(f) for p in parts)


def _any_of(parts: list[Predicate]) -> Predicate:
    return lambda f: any(p(f) for p in parts)


def _none_of(parts: list[Predicate]) -> Predicate:
    return lambda f: not any(p(f) for p in parts)


def required_signs(spec: object) -> frozenset[str] | None:
    """Signs of which at least one must be present for the condition to hold, or None when
    the condition can hold without any (a pure age or temperature test, a `not`).

    Sound, not complete: the triage engine uses it only to skip rules that cannot match a
    text, which keeps assessing fast as the universal rules grow.
    """
    if not isinstance(spec, dict) or len(spec) != 1:
        if isinstance(spec, dict) and len(spec) > 1:  # several keys at one level are an `all`
            return required_signs({"all": [{key: value} for key, value in spec.items()]})
        return None
    (key, raw), = spec.items()
    if key == "sign":
        return frozenset([raw] if isinstance(raw, str) else raw)
    if key == "all":
        for part in raw:
            found = required_signs(part)
            if found is not None:
                return found
        return None
    if key == "any":
        union: set[str] = set()
        for part in raw:
            found = required_signs(part)
            if found is None:
                return None
            union |= found
        return frozenset(union)
    return None
