"""askwell.medical: the plain-Python core that reads a person's description of a spasm.

No Django here: text -> facts -> triage, causes and a plan, all driven by the YAML data
in data/. The public entry points are re-exported below.
"""

from askwell.medical.causes import Cause, rank_causes, spasm_type
from askwell.medical.check import CheckInputError, CheckResult, check
from askwell.medical.facts import Facts, FactsError, merge
from askwell.medical.reader import extract_facts
from askwell.medical.structured import facts_from_structured
from askwell.medical.triage import Triage, assess, triage_text

__all__ = [
    "Cause",
    "CheckInputError",
    "CheckResult",
    "Facts",
    "FactsError",
    "Triage",
    "assess",
    "check",
    "extract_facts",
    "facts_from_structured",
    "merge",
    "rank_causes",
    "spasm_type",
    "triage_text",
]
