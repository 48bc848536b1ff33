"""The guided check's answers, carried from step to step in a signed hidden field.

Nothing is stored on the server: each step posts the answers so far, signed with the
site's secret so they cannot be altered on the way, and the result is computed from them.
The state uses the form's field names; `structured_from_state` turns it into the fields
that `askwell.medical.facts.Facts.from_structured` accepts.
"""

from __future__ import annotations

from typing import Any

from django.core import signing

from askwell.checker.questions import questions

SALT = "askwell.checker.guided"
# A check takes minutes; a day is generous and keeps an old page from working for ever.
MAX_AGE_SECONDS = 24 * 60 * 60

State = dict[str, Any]

# State keys that hold lists of fact values and go to Facts under the same name.
LIST_FIELDS = ("locations", "sensations", "timings", "medicines", "conditions", "habits")
SCALAR_FIELDS = ("sides", "frequency", "sex")


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


def _number(value: Any) -> float | None:
    if value in (None, ""):
        return None
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def structured_from_state(state: State) -> dict[str, Any]:
    """The answers as Facts.from_structured fields (empty answers left out)."""
    structured: dict[str, Any] = {}
    for name in LIST_FIELDS:
        if state.get(name):
            structured[name] = list(state[name])
    for name in SCALAR_FIELDS:
        if state.get(name):
            structured[name] = state[name]
    duration = _number(state.get("duration"))
    if duration is not None:
        structured["duration_minutes"] = duration
    persists = _number(state.get("persists"))
    if persists is not None:
        structured["persists_weeks"] = persists
    flags = list(state.get("flags") or [])
    if state.get("easing"):
        flags.append(state["easing"])
    if flags:
        structured["flags"] = flags
    if state.get("age") is not None:
        structured["age"] = int(state["age"])
    if state.get("pregnant") in ("yes", "no"):
        structured["pregnant"] = state["pregnant"] == "yes"
    if state.get("pregnancy_week") is not None:
        structured["pregnancy_week"] = int(state["pregnancy_week"])
    symptoms = list(state.get("red_flags") or []) + list(state.get("other_symptoms") or [])
    if symptoms:
        structured["symptoms"] = symptoms
    if state.get("negatives"):
        structured["negatives"] = list(state["negatives"])
    return structured


def _nearest_band(value: float | None, bands: list[dict[str, str]]) -> str:
    """The answer band whose representative figure is closest to a number read from text."""
    if value is None:
        return ""
    return min(bands, key=lambda band: abs(float(band["value"]) - value))["value"]


def state_from_facts(facts: dict[str, Any]) -> State:
    """Answers pre-filled from what the free text was understood to say, to be corrected."""
    q = questions()
    red_flags, others = set(q.choices["red_flags"]), set(q.choices["other_symptoms"])
    symptoms = list(facts.get("symptoms") or [])
    flags = list(facts.get("flags") or [])
    easing = next((flag for flag in ("not_easing", "eased") if flag in flags), "")
    pregnant = facts.get("pregnant")
    state: State = {name: list(facts.get(name) or []) for name in LIST_FIELDS}
    state.update({name: facts.get(name) or "" for name in SCALAR_FIELDS})
    state.update({
        "duration": _nearest_band(facts.get("duration_minutes"), q.durations),
        "persists": _nearest_band(facts.get("persists_weeks"), q.persistence),
        "easing": easing,
        "flags": [flag for flag in flags if flag not in ("eased", "not_easing")],
        "age": facts.get("age"),
        "pregnant": "" if pregnant is None else ("yes" if pregnant else "no"),
        "pregnancy_week": facts.get("pregnancy_week"),
        "red_flags": [s for s in symptoms if s in red_flags],
        "other_symptoms": [s for s in symptoms if s in others or s not in red_flags],
        "negatives": list(facts.get("pertinent_negatives") or []),
        "text": "",
    })
    return state
