"""A thin adapter to the shared red-flag rules (askwell.medical.triage.triage_text).

The answers engine has no rules of its own. If the rule engine cannot judge a text, the
answer says so and never claims the problem is safe to manage at home.
"""

from __future__ import annotations

import logging
from typing import Any

logger = logging.getLogger(__name__)

LEVELS = ("emergency", "urgent", "see_doctor", "self_care")
UNAVAILABLE = {
    "level": "see_doctor",
    "reasons": ["We could not check this text for warning signs, so we cannot say it is safe to manage at home."],
}


def triage_for(text: str) -> dict[str, Any]:
    try:
        from askwell.medical.triage import triage_text
    except ImportError:
        logger.warning("askwell.medical.triage is not available; answering with a cautious triage")
        return dict(UNAVAILABLE)
    try:
        result: dict[str, Any] = dict(triage_text(text).to_dict())
    except Exception:  # any input the rules cannot read must still get a safe answer
        logger.exception("triage_text failed on a query")
        return dict(UNAVAILABLE)
    if result.get("level") not in LEVELS:
        return dict(UNAVAILABLE)
    result["reasons"] = [str(reason) for reason in result.get("reasons") or []]
    return result
