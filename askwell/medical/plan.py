"""Relief, prevention and further reading chosen for one person (data/plan.yaml).

Slugs come from what this person said (plan rules), then from their likely causes,
then from the spasm type; nothing is added just to fill the list.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

from askwell.medical.causes import Cause, cause_profiles
from askwell.medical.conditions import Predicate, compile_condition
from askwell.medical.data_files import load_yaml
from askwell.medical.facts import Facts
from askwell.medical.triage import SELF_CARE


@dataclass(frozen=True, slots=True)
class _PlanRule:
    holds: Predicate
    relief: tuple[str, ...]
    prevention: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Plan:
    relief: list[str]
    prevention: list[str]
    topics: list[str]


@dataclass(frozen=True, slots=True)
class _PlanData:
    rules: tuple[_PlanRule, ...]
    relief_for_types: dict[str, frozenset[str]]
    relief_by_type: dict[str, tuple[str, ...]]
    type_topics: dict[str, str]
    location_topics: dict[str, str]
    no_relief_levels: frozenset[str]
    no_prevention_levels: frozenset[str]
    level_topics: dict[str, tuple[str, ...]]
    limits: dict[str, int]


@cache
def _plan_data() -> _PlanData:
    data: dict[str, Any] = load_yaml("plan.yaml")
    rules = tuple(
        _PlanRule(
            holds=compile_condition(rule["when"], f"plan.yaml rule {rule['why']!r}"),
            relief=tuple(rule.get("relief", ())),
            prevention=tuple(rule.get("prevention", ())),
            topics=tuple(rule.get("topics", ())),
        )
        for rule in data["rules"]
    )
    return _PlanData(
        rules=rules,
        relief_for_types={s: frozenset(t) for s, t in data["relief_for_types"].items()},
        relief_by_type={t: tuple(s) for t, s in data["relief_by_type"].items()},
        type_topics=dict(data["type_topics"]),
        location_topics=dict(data["location_topics"]),
        no_relief_levels=frozenset(data["no_relief_levels"]),
        no_prevention_levels=frozenset(data["no_prevention_levels"]),
        level_topics={level: tuple(s) for level, s in data["level_topics"].items()},
        limits={k: int(v) for k, v in data["limits"].items()},
    )


def all_plan_slugs() -> set[str]:
    """Every slug the plan can produce (for checking them against the knowledge map)."""
    data = _plan_data()
    slugs = {s for r in data.rules for s in (*r.relief, *r.prevention, *r.topics)}
    slugs |= {s for group in data.relief_by_type.values() for s in group}
    slugs |= set(data.type_topics.values()) | set(data.location_topics.values())
    slugs |= {s for group in data.level_topics.values() for s in group}
    for profile in cause_profiles().values():
        slugs |= {*profile.relief, *profile.prevention, *profile.topics}
    return slugs


def _unique(slugs: list[str], limit: int) -> list[str]:
    return list(dict.fromkeys(slugs))[:limit]


def choose_plan(facts: Facts, causes: list[Cause], kind: str | None, level: str) -> Plan:
    data = _plan_data()
    profiles = cause_profiles()
    top = [profiles[c.id] for c in causes[: data.limits["causes_for_plan"]]]
    matching = [rule for rule in data.rules if rule.holds(facts)]

    relief: list[str] = []
    if level not in data.no_relief_levels:
        candidates = [s for r in matching for s in r.relief] + [s for p in top for s in p.relief]
        candidates += data.relief_by_type.get(kind or "", ())
        relief = [s for s in candidates
                  if s not in data.relief_for_types or kind in data.relief_for_types[s]]

    prevention: list[str] = []
    if level not in data.no_prevention_levels:
        prevention = [s for r in matching for s in r.prevention]
        prevention += [s for p in top for s in p.prevention]

    # Care pages first when care is the advice; then where, what kind, why.
    topics = [] if level == SELF_CARE else list(data.level_topics.get(level, ()))
    topics += [data.location_topics.get(loc, data.location_topics["other"])
               for loc in sorted(facts.locations)]
    if kind:
        topics.append(data.type_topics[kind])
    topics += [s for r in matching for s in r.topics]
    topics += [s for p in top for s in p.topics]
    topics += data.level_topics.get(level, ())
    return Plan(
        relief=_unique(relief, data.limits["relief"]),
        prevention=_unique(prevention, data.limits["prevention"]),
        topics=_unique(topics, data.limits["topics"]),
    )
