"""The public contract's check object (shared/spec/interfaces.md) as TypedDicts.

`askwell check --json`, POST /api/v1/check and the checker pages all start from
`askwell.medical.check.CheckResult`; its `to_dict()` gives a `CheckObject`, so whoever
writes JSON at the edge knows every key and its type. The contract may grow (new keys),
never rename or remove one.
"""

from __future__ import annotations

from typing import TypedDict


class FactsObject(TypedDict):
    """What was understood (the `Facts` fields, sets as sorted lists)."""

    locations: list[str]
    sides: str | None
    sensations: list[str]
    duration_minutes: float | None
    frequency: str | None
    persists_weeks: float | None
    timings: list[str]
    age: int | None
    sex: str | None
    pregnant: bool | None
    pregnancy_week: int | None
    medicines: list[str]
    conditions: list[str]
    habits: list[str]
    symptoms: list[str]
    pertinent_negatives: list[str]
    flags: list[str]
    signs: list[str]
    about: str | None
    age_months: float | None
    temperature_c: float | None
    unknown_words: list[str]
    truncated: bool
    understood: bool


class SourceObject(TypedDict):
    id: str
    title: str
    url: str | None


class RuleObject(TypedDict):
    id: str
    level: str
    why: str
    source: str  # the sources' ids, comma-separated
    sources: list[SourceObject]


class AdviceObject(TypedDict):
    what_to_do: str
    how_soon: str
    safety_net: list[str]


class TriageObject(TypedDict):
    level: str
    reasons: list[str]
    rules: list[RuleObject]
    advice: AdviceObject
    crisis: bool


class CauseObject(TypedDict):
    id: str
    score: float
    why: list[str]


class CheckObject(TypedDict):
    text: str
    facts: FactsObject
    triage: TriageObject
    spasm_type: str | None
    causes: list[CauseObject]
    relief: list[str]
    prevention: list[str]
    topics: list[str]
