"""The answers engine's triage: the medical core's safe_triage_text, as the contract's dict.

The answers engine has no rules and no fallback of its own: safe_triage_text never raises,
and when the rules cannot judge a text it gives the one cautious answer every caller shares.
"""

from __future__ import annotations

from askwell.medical.contract import TriageObject
from askwell.medical.triage import safe_triage_text


def triage_for(text: str) -> tuple[TriageObject, bool]:
    """The contract's triage object, and whether something may be going wrong right now."""
    triage = safe_triage_text(text)
    return triage.to_object(), triage.happening_now
