"""The guided check's answers, carried from step to step in a signed hidden field.

Nothing is stored on the server: each step posts the answers so far, signed with the
site's secret so they cannot be altered on the way, and the result is computed from them.

The state speaks the medical core's names: its keys are `Facts` fields (`duration_minutes`,
`persists_weeks`, `symptoms`, `pertinent_negatives`, `flags` ...) holding Facts values, plus
`text`, the optional description. So the state is, minus `text`, the structured fields that
`askwell.medical.structured.facts_from_structured` accepts. Where one question asks about part of a
field (the red-flag and other-symptom lists of `symptoms`; the "does it ease" radio of
`flags`), the step's form splits and joins it (askwell/checker/forms.py).
"""

from __future__ import annotations

from typing import Any

from django.core import signing

from askwell.checker.questions import questions
from askwell.medical.facts import Facts

# v2: the state's keys became the Facts names (issue 14); a page signed before that asks to
# start again instead of being misread.
SALT = "askwell.checker.guided.v2"
# A check takes minutes; a day is generous and keeps an old page from working for ever.
MAX_AGE_SECONDS = 24 * 60 * 60

State = dict[str, Any]

# The Facts fields the guided check asks about, in the order of its steps.
ASKED_FIELDS = (
    "locations", "sides", "sensations", "duration_minutes", "frequency", "persists_weeks", "timings",
    "age", "sex", "pregnant", "pregnancy_week", "medicines", "conditions", "habits", "flags",
    "symptoms", "pertinent_negatives",
)
TEXT = "text"


class StateError(ValueError):
    """The hidden state was altered, is too old, or is not ours."""


def sign_state(state: State) -> str:
    return signing.dumps(state, salt=SALT, compress=True)


def load_state(token: str) -> State:
    if not token:
        return {}
    try:
        state = signing.loads(token, salt=SALT, max_age=MAX_AGE_SECONDS)
    except signing.SignatureExpired as error:
        raise StateError("This check was started too long ago; please start again.") from error
    except signing.BadSignature as error:
        raise StateError("The answers could not be read back; please start again.") from error
    if not isinstance(state, dict):
        raise StateError("The answers could not be read back; please start again.")
    return state


def structured_from_state(state: State) -> dict[str, object]:
    """The answers as facts_from_structured fields: the state without its text and empty answers."""
    return {name: state[name] for name in ASKED_FIELDS if state.get(name) not in (None, "", [])}


def nearest_band(value: float | None, bands: list[dict[str, str]]) -> str:
    """The answer band whose representative figure is closest to a number (\"\" for none)."""
    if value is None:
        return ""
    return min(bands, key=lambda band: abs(float(band["value"]) - value))["value"]


def state_from_facts(facts: Facts) -> State:
    """Answers pre-filled from what the free text was understood to say, to be corrected.

    Lengths of time are rounded to the band the guided step offers, so the step shows the
    answer the person would have chosen."""
    q = questions()
    understood: dict[str, object] = dict(facts.to_dict())
    state: State = {name: understood[name] for name in ASKED_FIELDS}
    state["duration_minutes"] = _band_figure(facts.duration_minutes, q.durations)
    state["persists_weeks"] = _band_figure(facts.persists_weeks, q.persistence)
    state[TEXT] = ""
    return state


def _band_figure(value: float | None, bands: list[dict[str, str]]) -> float | None:
    band = nearest_band(value, bands)
    return float(band) if band else None
