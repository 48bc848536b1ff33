"""Likely causes of a spasm, ranked, each with the plain reasons that point to it.

Profiles are data (data/causes.yaml): a prior and weighted factors over Facts. The
score is logistic(logit(prior) + sum of the weights that hold), so evidence adds up
and a strong single clue (a diuretic, a pregnancy) can outweigh many weak ones.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from askwell.medical.conditions import Predicate, compile_condition
from askwell.medical.contract import CauseObject
from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.facts import Facts
from askwell.medical.vocabulary import CAUSE_IDS, SPASM_TYPES

MAX_CAUSES = 5
MIN_CAUSES = 3  # below this many with evidence, add the usual suspects


@dataclass(frozen=True, slots=True)
class Factor:
    why: str
    weight: float
    holds: Predicate
    # False for background factors (age, how often): they add to a cause's score but never
    # list the cause on their own, so "age over 65" alone does not suggest poor blood flow.
    alone: bool = True


@dataclass(frozen=True, slots=True)
class CauseProfile:
    id: str
    prior: float
    factors: tuple[Factor, ...]
    sources: tuple[str, ...]
    relief: tuple[str, ...]
    prevention: tuple[str, ...]
    topics: tuple[str, ...]


@dataclass
class Cause:
    id: str
    score: float
    why: list[str] = field(default_factory=list)

    def to_dict(self) -> CauseObject:
        return {"id": self.id, "score": self.score, "why": list(self.why)}


@dataclass(frozen=True, slots=True)
class _SpasmTypeRule:
    id: str | None  # None: the picture is not a spasm type (chest pain, rigidity with fever)
    holds: Predicate


def _profile(cause_id: str, entry: dict[str, Any]) -> CauseProfile:
    where = f"causes.yaml {cause_id}"
    prior = float(entry["prior"])
    if not 0 < prior < 1:
        raise DataFileError(f"{where}: prior must be between 0 and 1")
    factors = tuple(
        Factor(why=str(f["why"]), weight=float(f["weight"]),
               holds=compile_condition(f["when"], f"{where} factor {f['why']!r}"),
               alone=bool(f.get("alone", True)))
        for f in entry["factors"]
    )
    return CauseProfile(
        id=cause_id, prior=prior, factors=factors,
        sources=tuple(entry["sources"]), relief=tuple(entry.get("relief", ())),
        prevention=tuple(entry.get("prevention", ())), topics=tuple(entry.get("topics", ())),
    )


@cache
def cause_profiles() -> dict[str, CauseProfile]:
    entries = load_yaml("causes.yaml")["causes"]
    if set(entries) != set(CAUSE_IDS):
        raise DataFileError(
            f"causes.yaml must profile exactly the contract's causes; "
            f"missing {sorted(set(CAUSE_IDS) - set(entries))}, "
            f"extra {sorted(set(entries) - set(CAUSE_IDS))}")
    return {cause_id: _profile(cause_id, entry) for cause_id, entry in entries.items()}


@cache
def _defaults() -> tuple[str, dict[str, tuple[str, ...]]]:
    data = load_yaml("causes.yaml")["defaults"]
    by_type = {kind: tuple(ids) for kind, ids in data["by_type"].items()}
    unknown = {i for ids in by_type.values() for i in ids} - set(CAUSE_IDS)
    if unknown or set(by_type) - {*SPASM_TYPES, "none"}:
        raise DataFileError(f"causes.yaml defaults: unknown ids {sorted(unknown)}")
    return str(data["why"]), by_type


@cache
def _spasm_type_rules() -> tuple[_SpasmTypeRule, ...]:
    rules = []
    for entry in load_yaml("spasm_types.yaml")["types"]:
        if entry["id"] is not None and entry["id"] not in SPASM_TYPES:
            raise DataFileError(f"spasm_types.yaml: unknown type {entry['id']!r}")
        rules.append(_SpasmTypeRule(
            entry["id"], compile_condition(entry["when"], f"spasm_types.yaml {entry['id']}")))
    return tuple(rules)


def usual_suspect_reason() -> str:
    """The `why` of a cause added only because it is common for the kind of spasm."""
    return _defaults()[0]


def spasm_type(facts: Facts) -> str | None:
    """The contract's spasm type id that best fits, or None if none can be told."""
    for rule in _spasm_type_rules():
        if rule.holds(facts):
            return rule.id
    return None


def _logistic(log_odds: float) -> float:
    return 1 / (1 + math.exp(-log_odds))


def _score(profile: CauseProfile, facts: Facts) -> Cause | None:
    log_odds = math.log(profile.prior / (1 - profile.prior))
    why: list[str] = []
    has_own_evidence = False
    for factor in profile.factors:
        if factor.holds(facts):
            log_odds += factor.weight
            if factor.weight > 0 and factor.why not in why:
                why.append(factor.why)
                has_own_evidence = has_own_evidence or factor.alone
    if not has_own_evidence:
        return None
    return Cause(profile.id, round(_logistic(log_odds), 2), why)


def rank_causes(facts: Facts, limit: int = MAX_CAUSES) -> list[Cause]:
    """Causes with some evidence, most likely first, topped up with the usual suspects.

    Nothing understood means nothing to rank: an empty list, never a guess.
    """
    if not facts.understood:
        return []
    profiles = cause_profiles()
    ranked = [c for c in (_score(p, facts) for p in profiles.values()) if c is not None]
    if len(ranked) < MIN_CAUSES:
        # Little evidence: the usual suspects for this kind of spasm belong in the
        # answer too, each saying plainly that it is the usual cause, not a finding.
        why, by_type = _defaults()
        present = {c.id for c in ranked}
        for cause_id in by_type.get(spasm_type(facts) or "none", by_type["none"]):
            if cause_id not in present and len(ranked) < MIN_CAUSES:
                ranked.append(Cause(cause_id, round(profiles[cause_id].prior, 2), [why]))
    ranked.sort(key=lambda c: (-c.score, CAUSE_IDS.index(c.id)))
    return ranked[:limit]
