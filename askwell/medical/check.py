"""The symptom check: a description (and/or form fields) in, the contract's answer out.

    check("I'm 70 and my legs cramp every night, I have diabetes").to_dict()

gives {"text", "facts", "triage", "spasm_type", "causes", "relief", "prevention",
"topics"} exactly as `askwell check --json` and POST /api/v1/check promise
(shared/spec/interfaces.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from askwell.medical.causes import Cause, rank_causes, spasm_type
from askwell.medical.contract import CheckObject
from askwell.medical.facts import Facts, FactsError, merge, validate
from askwell.medical.plan import choose_plan
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured
from askwell.medical.triage import Triage, assess

__all__ = ["CheckInputError", "CheckResult", "FactsError", "check"]

EMPTY_INPUT_MESSAGE = (
    "Describe what you feel: where the spasm or cramp is, what it feels like, "
    "when it happens and how long it lasts."
)


class CheckInputError(ValueError):
    """Nothing to check; the message tells the person what to write."""

    def __init__(self, message: str = EMPTY_INPUT_MESSAGE) -> None:
        super().__init__(message)
        self.message = message


@dataclass
class CheckResult:
    text: str
    facts: Facts
    triage: Triage
    spasm_type: str | None
    causes: list[Cause]
    relief: list[str]
    prevention: list[str]
    topics: list[str]

    def to_dict(self) -> CheckObject:
        return {
            "text": self.text,
            "facts": self.facts.to_dict(),
            "triage": self.triage.to_object(),
            "spasm_type": self.spasm_type,
            "causes": [cause.to_dict() for cause in self.causes],
            "relief": list(self.relief),
            "prevention": list(self.prevention),
            "topics": list(self.topics),
        }


def _facts_from(text: str, structured: Mapping[str, object] | None) -> Facts:
    text_facts = extract_facts(text) if text else Facts()
    if structured:
        return merge(text_facts, facts_from_structured(structured))
    validate(text_facts)
    return text_facts


def check(text: str | None = None, structured: Mapping[str, object] | None = None) -> CheckResult:
    """Check a description and/or structured facts.

    Raises CheckInputError when there is nothing to check, and FactsError when the
    facts are impossible or contradict each other (say, pregnant at age 5).
    """
    text = (text or "").strip()
    if not text and not structured:
        raise CheckInputError()
    facts = _facts_from(text, structured)
    triage = assess(facts)
    kind = spasm_type(facts) if facts.understood else None
    causes = rank_causes(facts)
    plan = choose_plan(facts, causes, kind, triage.level)
    return CheckResult(
        text=text,
        facts=facts,
        triage=triage,
        spasm_type=kind,
        causes=causes,
        relief=plan.relief,
        prevention=plan.prevention,
        topics=plan.topics,
    )
