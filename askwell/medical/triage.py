"""Triage: which level of care a description needs, and why.

The rules are data: data/red_flags.yaml holds the universal red flags (any subject:
chest pain, a baby's fever, suicidal thoughts ...), data/triage_rules.yaml the spasm
pack's rules (encoded from shared/spec/triage.yaml). Both run on the same Facts; every
matching rule is reported and the most urgent level wins. When no rule fires, a fallback
of red_flags.yaml says so honestly: a request for information, or symptoms askwell
cannot assess. The levels' headline, colour and advice are data/triage_levels.yaml.

Run on every search query, so everything is compiled once and assessing is a loop over
~60 small functions.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache

from askwell.medical.conditions import Predicate, compile_condition, required_signs
from askwell.medical.contract import RuleObject, TriageObject
from askwell.medical.data_files import DataFileError, load_yaml
from askwell.medical.facts import Facts
from askwell.medical.reader import extract_facts
from askwell.medical.red_flags import load_fallbacks
from askwell.medical.vocabulary import TRIAGE_LEVELS, TriageLevel

logger = logging.getLogger(__name__)

SELF_CARE = TriageLevel.SELF_CARE.value
NOT_ENOUGH_INFORMATION = "not-enough-information"
# The pack's own rules first: where both fire at one level, its reason is the more precise.
RULE_FILES = ("triage_rules.yaml", "red_flags.yaml")
# What every caller answers when triage itself fails: cautious, and honest about why.
UNCHECKED_REASON = (
    "We could not check this text for warning signs, so we cannot say it is safe to manage at home."
)


@dataclass(frozen=True, slots=True)
class RuleSource:
    """A page a triage rule was checked against (an NHS page, a guideline)."""

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
    sources: tuple[RuleSource, ...]
    matches: Predicate
    crisis: bool = False  # suicidal thoughts or self-harm: pages lead with crisis help
    origin: str = ""  # the data file it came from (red_flags.yaml, triage_rules.yaml)
    # At least one of these signs must be present for the rule to match (None: no such set).
    required_signs: frozenset[str] | None = None
    safety_net: tuple[str, ...] = ()
    # Something that may be going wrong right now (a clot, a cramp that will not let go):
    # the warning signs answer the person before anything about the subject does.
    happening_now: bool = False

    def to_dict(self) -> RuleObject:
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


@dataclass(frozen=True, slots=True)
class LevelInfo:
    """One triage level as every page, the API and the CLI show it (triage_levels.yaml)."""

    level: str
    headline: str
    colour: str
    what_to_do: str
    how_soon: str
    safety_net: tuple[str, ...] = ()

    @property
    def advice(self) -> LevelAdvice:
        return LevelAdvice(self.what_to_do, self.how_soon, self.safety_net)


@cache
def _level_infos() -> dict[str, LevelInfo]:
    data = load_yaml("triage_levels.yaml")["levels"]
    if list(data) != list(TRIAGE_LEVELS):
        raise DataFileError("triage_levels.yaml: levels must be exactly the contract's, most urgent first")
    return {
        level: LevelInfo(
            level=level,
            headline=_text(entry, "headline", f"levels.{level}"),
            colour=_text(entry, "colour", f"levels.{level}"),
            what_to_do=_text(entry, "what_to_do", f"levels.{level}"),
            how_soon=_text(entry, "how_soon", f"levels.{level}"),
            safety_net=tuple(str(item) for item in _listed(entry, "safety_net")),
        )
        for level, entry in data.items()
    }


def level_info(level: str) -> LevelInfo:
    """The headline, colour and advice of a level; KeyError for a level outside the contract."""
    return _level_infos()[TriageLevel(level).value]


def all_level_info() -> tuple[LevelInfo, ...]:
    """Every level, most urgent first."""
    return tuple(_level_infos().values())


# Who a text describes, as far as the reader can tell: answers about them come first among
# equals (a pack topic for older adults, for pregnancy, for children).
PEOPLE = ("baby", "child", "older_adult", "pregnancy")
OLDER_ADULT_AGE = 65
CHILD_AGE = 16


def people_described(facts: Facts) -> frozenset[str]:
    """The PEOPLE tags the facts support ("my dad is 78" -> older_adult)."""
    tags: set[str] = set()
    if facts.pregnant:
        tags.add("pregnancy")
    if facts.about == "baby" or (facts.age_months is not None and facts.age_months < 12):
        tags.add("baby")
    elif facts.about == "child" or (facts.age is not None and facts.age < CHILD_AGE):
        tags.add("child")
    elif facts.age is not None and facts.age >= OLDER_ADULT_AGE:
        tags.add("older_adult")
    return frozenset(tags)


@dataclass
class Triage:
    level: str
    reasons: list[str]
    rules: list[TriageRule] = field(default_factory=list)
    advice: LevelAdvice = field(default_factory=lambda: LevelAdvice("", ""))
    people: frozenset[str] = frozenset()  # PEOPLE tags of who is described

    @property
    def rule_ids(self) -> set[str]:
        return {rule.id for rule in self.rules}

    @property
    def crisis(self) -> bool:
        """Suicidal thoughts or self-harm: the answer leads with crisis help."""
        return any(rule.crisis for rule in self.rules)

    @property
    def happening_now(self) -> bool:
        """A rule says something may be going wrong now: warning signs come first."""
        return any(rule.happening_now for rule in self.rules)

    def to_object(self) -> TriageObject:
        """The contract's triage object, typed."""
        return {
            "level": self.level,
            "reasons": list(self.reasons),
            "rules": [rule.to_dict() for rule in self.rules],
            "advice": {
                "what_to_do": self.advice.what_to_do,
                "how_soon": self.advice.how_soon,
                "safety_net": list(self.advice.safety_net),
            },
            "crisis": self.crisis,
        }

    def to_dict(self) -> dict[str, object]:
        """The same object as a plain dict, for callers that keep triage as one (answers, community)."""
        return dict(self.to_object())


@dataclass(frozen=True, slots=True)
class TriageData:
    rules: tuple[TriageRule, ...]  # most urgent level first, then file order
    levels: dict[str, LevelAdvice]
    fallbacks: tuple[tuple[str, TriageRule], ...]  # (marker, rule), in order of preference


def _text(entry: Mapping[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise DataFileError(f"{where}: {key} is required")
    return value.strip()


def _listed(entry: Mapping[str, object], key: str) -> list[object]:
    value = entry.get(key)
    return value if isinstance(value, list) else []


def _rule(entry: Mapping[str, object], where: str, sources: dict[str, RuleSource], matches: Predicate,
          origin: str) -> TriageRule:
    level = entry.get("level")
    if not isinstance(level, str) or level not in TRIAGE_LEVELS:
        raise DataFileError(f"{where}: unknown level {level!r}")
    source_ids = [str(s) for s in _listed(entry, "sources")]
    missing = [s for s in source_ids if s not in sources]
    if missing or not source_ids:
        raise DataFileError(f"{where}: needs known source ids, unknown: {missing}")
    return TriageRule(
        id=_text(entry, "id", where),
        level=level,
        when=_text(entry, "when", where),
        reason=_text(entry, "reason", where),
        why=_text(entry, "why", where),
        what_to_do=_text(entry, "what_to_do", where),
        how_soon=_text(entry, "how_soon", where),
        sources=tuple(sources[s] for s in source_ids),
        matches=matches,
        crisis=bool(entry.get("crisis", False)),
        happening_now=bool(entry.get("happening_now", False)),
        safety_net=tuple(str(item) for item in _listed(entry, "safety_net")),
        origin=origin,
        required_signs=required_signs(entry["condition"]) if "condition" in entry else None,
    )


@cache
def load_triage_data() -> TriageData:
    files = {name: load_yaml(name) for name in RULE_FILES}
    sources: dict[str, RuleSource] = {}
    for name, data in files.items():
        for source_id, entry in data["sources"].items():
            source = RuleSource(source_id, str(entry["title"]), entry.get("url"))
            if sources.get(source_id, source) != source:
                raise DataFileError(f"{name}: source {source_id!r} differs from another file's")
            sources[source_id] = source
    levels = {info.level: info.advice for info in all_level_info()}
    rules: list[TriageRule] = []
    for name, data in files.items():
        for entry in data["rules"]:
            where = f"{name} rule {entry.get('id')!r}"
            rules.append(_rule(entry, where, sources, compile_condition(entry["condition"], where), name))
    ids = [rule.id for rule in rules]
    if len(ids) != len(set(ids)):
        raise DataFileError(f"rule ids repeat across {RULE_FILES}: {sorted({i for i in ids if ids.count(i) > 1})}")
    rules.sort(key=lambda rule: TRIAGE_LEVELS.index(rule.level))  # stable: keeps file order
    fallbacks = tuple(
        (fallback.marker, _rule(fallback.entry, f"red_flags.yaml fallback {fallback.id!r}", sources,
                                lambda facts: False, "red_flags.yaml"))
        for fallback in load_fallbacks()
    )
    return TriageData(rules=tuple(rules), levels=levels, fallbacks=fallbacks)


def _fallback(data: TriageData, facts: Facts) -> TriageRule | None:
    """When no rule judged the text: information only, or symptoms we cannot assess."""
    for marker, rule in data.fallbacks:
        if marker in facts.markers:
            return rule
    return None


def assess(facts: Facts) -> Triage:
    """The level of care these facts call for: the most urgent matching rule wins."""
    data = load_triage_data()
    signs = facts.signs
    matched = [rule for rule in data.rules
               if (rule.required_signs is None or not rule.required_signs.isdisjoint(signs)) and rule.matches(facts)]
    # "We could not tell enough" is only the answer when nothing more honest is: a text
    # that asks for information, or describes symptoms no guide covers, says so instead.
    judged = [rule for rule in matched if rule.id != NOT_ENOUGH_INFORMATION]
    if judged:
        matched = judged
    elif not facts.understood or not matched:
        fallback = _fallback(data, facts)
        matched = [fallback] if fallback else matched or [
            rule for rule in data.rules if rule.id == NOT_ENOUGH_INFORMATION]
    level = matched[0].level
    if level != SELF_CARE:
        # The "nothing serious" rule would contradict the level we give.
        matched = [rule for rule in matched if rule.level != SELF_CARE]
    advice = data.levels[level]
    first = matched[0]
    if first.level == level:
        advice = LevelAdvice(first.what_to_do, first.how_soon, first.safety_net or advice.safety_net)
    return Triage(level=level, reasons=[rule.reason for rule in matched], rules=matched,
                  advice=advice)


def triage_text(text: str) -> Triage:
    """Triage a free-text description or search query."""
    facts = extract_facts(text)
    triage = assess(facts)
    triage.people = people_described(facts)
    return triage


def unchecked_triage() -> Triage:
    """The cautious answer every caller gives when triage fails on a text."""
    info = level_info(TriageLevel.SEE_DOCTOR)
    return Triage(level=info.level, reasons=[UNCHECKED_REASON], rules=[], advice=info.advice)


def safe_triage_text(text: str) -> Triage:
    """triage_text that never raises: on any failure, the cautious unchecked answer.

    Search, the ask form, the API and the CLI all call this, so a broken rule file or an
    input the reader chokes on gives every one of them the same safe answer.
    """
    try:
        return triage_text(text)
    except Exception:  # any failure must still give a safe answer, never an error page
        logger.exception("triage failed on a text; answering with the cautious level")
        return unchecked_triage()
