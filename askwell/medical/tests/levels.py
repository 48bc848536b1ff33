"""Level assertions shared by the triage tests; each failure names the rules that fired."""

from __future__ import annotations

from askwell.medical import triage_text
from askwell.medical.triage import Triage
from askwell.medical.vocabulary import TRIAGE_LEVELS


def _urgency(level: str) -> int:
    """Higher is more urgent."""
    return len(TRIAGE_LEVELS) - TRIAGE_LEVELS.index(level)


def assert_level(text: str, level: str) -> Triage:
    """The text gets exactly this level."""
    result = triage_text(text)
    assert result.level == level, (text, result.level, result.rule_ids)
    return result


def assert_at_least(text: str, level: str) -> Triage:
    """The text gets this level or a more urgent one."""
    result = triage_text(text)
    assert _urgency(result.level) >= _urgency(level), (text, result.level, result.rule_ids)
    return result


def assert_at_most(text: str, level: str) -> Triage:
    """The text gets this level or a less urgent one (an everyday text near a class)."""
    result = triage_text(text)
    assert _urgency(result.level) <= _urgency(level), (text, result.level, result.rule_ids)
    return result
