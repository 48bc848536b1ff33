"""The answers engine's triage: the medical core's safe_triage_text, as the contract's dict.

The answers engine has no rules and no fallback of its own: safe_triage_text never raises,
and when the rules cannot judge a text it gives the one cautious answer every caller shares.
"""

from __future__ import annotations

from typing import NamedTuple

from askwell.medical.contract import TriageObject
from askwell.medical.triage import safe_triage_text


class TriageReading(NamedTuple):
    object: TriageObject  # the contract's triage object
    happening_now: bool  # something may be going wrong right now: warning signs first
    people: frozenset[str]  # who the text describes (askwell.medical.triage.PEOPLE)


def triage_for(text: str) -> TriageReading:
    triage = safe_triage_text(text)
    return TriageReading(triage.to_object(), triage.happening_now, triage.people)
