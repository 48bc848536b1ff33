"""Triage: which level of care a description needs, and why.

The rules are data (data/triage_rules.yaml, encoded from shared/spec/triage.yaml with
their sources). Every matching rule is reported; the most urgent level wins. Run on
every search query, so everything is compiled once and assessing is a loop over ~16
small functions.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from askwell.medical.conditions import Predicate, compile_condition
from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.facts import Facts, extract_facts
from askwell.medical.vocabulary import TRIAGE_LEVELS

SELF_CARE = "self_care"


@dataclass(frozen=True, slots=True)
class Source:
    id: str
    title: str
    url: str | None


@dataclass(frozen=True, slots=True)
class TriageRule:
    id: str
    level: str
    when: str
    reason: str
    why: str
    what_to_do: str
    how_soon: str
    sources: tuple[Source, ...]
    matches: Predicate

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "level": self.level,
            "why": self.why,
            "source": ", ".join(s.id for s in self.sources),
            "sources": [{"id": s.id, "title": s.title, "url": s.url} for s in self.sources],
        }


@dataclass(frozen=True, slots=True)
class LevelAdvice:
    what_to_do: str
    how_soon: str
    safety_net: tuple[str, ...] = ()


@dataclass
class Triage:
    level: str
    reasons: list[str]
    rules: list[TriageRule] = field(default_factory=list)
    advice: LevelAdvice = field(default_factory=lambda: LevelAdvice("", ""))

    @property
    def rule_ids(self) -> set[str]:
        return {rule.id for rule in self.rules}

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "reasons": list(self.reasons),
            "rules": [rule.to_dict() for rule in self.rules],
            "advice": {
                "what_to_do": self.advice.what_to_do,
                "how_soon": self.advice.how_soon,
                "safety_net": list(self.advice.safety_net),
            },
        }


@dataclass(frozen=True, slots=True)
class TriageData:
    rules: tuple[TriageRule, ...]  # most urgent level first, then file order
    levels: dict[str, LevelAdvice]


def _text(entry: dict[str, Any], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{where}: {key} is required")
    return value.strip()


@cache
def load_triage_data() -> TriageData:
    data = load_yaml("triage_rules.yaml")
    sources = {
        source_id: Source(source_id, str(entry["title"]), entry.get("url"))
        for source_id, entry in data["sources"].items()
    }
    levels = {
        level: LevelAdvice(
            what_to_do=_text(entry, "what_to_do", f"levels.{level}"),
            how_soon=_text(entry, "how_soon", f"levels.{level}"),
            safety_net=tuple(entry.get("safety_net", ())),
        )
        for level, entry in data["levels"].items()
    }
    if set(levels) != set(TRIAGE_LEVELS):
        raise DataFileError("triage_rules.yaml: levels must be exactly the contract's levels")
    rules = []
    for entry in data["rules"]:
        where = f"triage_rules.yaml rule {entry.get('id')!r}"
        if entry.get("level") not in TRIAGE_LEVELS:
            raise DataFileError(f"{where}: unknown level {entry.get('level')!r}")
        missing = [s for s in entry.get("sources", []) if s not in sources]
        if missing or not entry.get("sources"):
            raise DataFileError(f"{where}: needs known source ids, unknown: {missing}")
        rules.append(TriageRule(
            id=_text(entry, "id", where),
            level=entry["level"],
            when=_text(entry, "when", where),
            reason=_text(entry, "reason", where),
            why=_text(entry, "why", where),
            what_to_do=_text(entry, "what_to_do", where),
            how_soon=_text(entry, "how_soon", where),
            sources=tuple(sources[s] for s in entry["sources"]),
            matches=compile_condition(entry["condition"], where),
        ))
    rules.sort(key=lambda rule: TRIAGE_LEVELS.index(rule.level))  # stable: keeps file order
    return TriageData(rules=tuple(rules), levels=levels)


def assess(facts: Facts) -> Triage:
    """The level of care these facts call for: the most urgent matching rule wins."""
    data = load_triage_data()
    matched = [rule for rule in data.rules if rule.matches(facts)]
    if not matched:  # cannot happen with the shipped rules; be safe if data changes
        matched = [rule for rule in data.rules if rule.id == "not-enough-information"]
    level = matched[0].level
    if level != SELF_CARE:
        # The "nothing serious" rule would contradict the level we give.
        matched = [rule for rule in matched if rule.level != SELF_CARE]
    advice = data.levels[level]
    first = matched[0]
    if first.level == level:
        advice = LevelAdvice(first.what_to_do, first.how_soon, advice.safety_net)
    return Triage(level=level, reasons=[rule.reason for rule in matched], rules=matched,
                  advice=advice)


def triage_text(text: str) -> Triage:
    """Triage a free-text description or search query."""
    return assess(extract_facts(text))
