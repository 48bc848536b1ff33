"""The guided check's state speaks the medical core's names (issue 14, point 6): its keys are
Facts fields (plus the description), and the questions that ask about part of a field
(the "does it ease" radio of flags, the two symptom lists) split and join it without
losing the other part."""

from __future__ import annotations

import re
from dataclasses import fields

from askwell.checker.state import ASKED_FIELDS, TEXT, load_state, state_from_facts, structured_from_state
from askwell.checker.tests.helpers import html, post_step, state_of
from askwell.medical.check import check
from askwell.medical.facts import Facts
from askwell.medical.structured import facts_from_structured

FACTS_FIELDS = {f.name for f in fields(Facts)}


def start(client):
    return client.get("/check/guided/")


def test_every_state_key_is_a_facts_field_or_the_description(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"], sides="one")
    response = post_step(anonymous, response, "feel", sensations=["cramp"], duration_minutes="20",
                         persists_weeks="4", easing="not_easing")
    response = post_step(anonymous, response, "about", age="70", pregnant="no")
    response = post_step(anonymous, response, "health", flags=["new_medicine"])
    state = load_state(state_of(response))
    assert set(state) <= FACTS_FIELDS | {TEXT}
    assert set(ASKED_FIELDS) <= FACTS_FIELDS
    assert state["duration_minutes"] == 20.0 and state["persists_weeks"] == 4.0
    assert state["pregnant"] is False
    # The two steps that ask about flags each keep the other's answer.
    assert sorted(state["flags"]) == ["new_medicine", "not_easing"]
    facts_from_structured(structured_from_state(state))  # the core accepts the state as it is


def test_a_later_step_keeps_the_easing_answer_and_going_back_shows_it(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"])
    response = post_step(anonymous, response, "feel", sensations=["cramp"], easing="eased")
    response = post_step(anonymous, response, "about", age="40")
    response = post_step(anonymous, response, "health", flags=[])
    assert load_state(state_of(response))["flags"] == ["eased"]
    back = anonymous.post("/check/guided/", {"state": state_of(response), "goto": "feel"})
    assert re.search(r'name="easing" value="eased"[^>]*checked', html(back))


def test_the_symptom_lists_join_into_symptoms_and_split_back(anonymous):
    response = post_step(anonymous, start(anonymous), "symptoms", red_flags=["swelling"],
                         other_symptoms=["tingling"], pertinent_negatives=["fever"])
    state = load_state(state_of(response))  # the result page carries the answers on
    assert sorted(state["symptoms"]) == ["swelling", "tingling"]
    assert set(state) <= FACTS_FIELDS | {TEXT}
    facts = check(structured={"symptoms": ["swelling", "tingling"], "pertinent_negatives": ["fever"]}).facts
    prefilled = state_from_facts(facts)
    assert sorted(prefilled["symptoms"]) == ["swelling", "tingling"]
    assert prefilled["pertinent_negatives"] == ["fever"]
    again = anonymous.post("/check/guided/", {"state": _signed(prefilled), "goto": "symptoms"})
    page = html(again)
    assert re.search(r'name="red_flags" value="swelling"[^>]*checked', page)
    assert re.search(r'name="other_symptoms" value="tingling"[^>]*checked', page)
    assert re.search(r'name="pertinent_negatives" value="fever"[^>]*checked', page)


def test_lengths_read_from_text_are_rounded_to_the_band_the_step_offers():
    facts = check("my calf has cramped for 12 minutes every night for 3 weeks").facts
    state = state_from_facts(facts)
    assert facts.duration_minutes == 12
    assert isinstance(state["duration_minutes"], float) and state["duration_minutes"] != 12


def _signed(state):
    from askwell.checker.state import sign_state

    return sign_state(state)
