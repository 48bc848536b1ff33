"""The guided check: server-rendered steps that work without JavaScript, answers carried in a
signed hidden field, errors shown on the step where they can be fixed."""

from __future__ import annotations

import re

from django.core import signing

from askwell.checker.forms import STEP_NAMES
from askwell.checker.state import load_state
from askwell.checker.tests.helpers import html, post_step, state_of


def start(client):
    return client.get("/check/guided/")


def test_the_first_step_asks_where_with_a_body_map_and_a_plain_list(anonymous):
    page = html(start(anonymous))
    assert "step 1 of 5" in page
    # The checkbox list is the real control, always there.
    assert re.search(r'<fieldset[^>]*>\s*<legend>Where do you feel it\?</legend>', page)
    for location in ("calf", "hamstring", "whole_body", "eyelid"):
        assert f'name="locations" value="{location}"' in page
    # The map enhances it: focusable, named checkboxes, hidden until the script runs.
    assert "data-bodymap hidden" in page
    assert 'data-location="calf" role="checkbox" aria-checked="false" tabindex="0" aria-label="Calf"' in page
    assert "js/checker.js" in page


def test_each_location_is_focusable_once_on_the_map(anonymous):
    page = html(start(anonymous))
    focusable = re.findall(r'data-location="([a-z_]+)" role="checkbox"[^>]*tabindex="0"', page)
    assert len(focusable) == len(set(focusable))
    assert {"calf", "back", "neck", "foot", "chest"} <= set(focusable)


def test_answers_travel_through_every_step_to_a_result(anonymous):
    response = start(anonymous)
    response = post_step(anonymous, response, "where", locations=["calf"], sides="both")
    assert "step 2 of 5" in html(response)
    response = post_step(anonymous, response, "feel", sensations=["cramp"], duration_minutes="0.5", frequency="daily",
                         timings=["night"], easing="eased")
    response = post_step(anonymous, response, "about", age="70", sex="female", pregnant="no")
    response = post_step(anonymous, response, "health", conditions=["diabetes"], flags=["sleep_disturbed"])
    assert "step 5 of 5" in html(response)
    response = post_step(anonymous, response, "symptoms", pertinent_negatives=["swelling", "numbness"])
    page = html(response)
    assert response.status_code == 200
    assert "Your spasm check" in page
    assert 'class="triage-banner triage-see_doctor"' in page
    assert 'data-cause="poor_circulation"' in page
    assert "Diabetes" in page and "At night or in bed" in page


def test_the_state_is_signed_and_holds_the_answers(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["neck", "shoulder"])
    state = load_state(state_of(response))
    assert state["locations"] == ["neck", "shoulder"]


def test_a_tampered_state_is_refused_with_a_message(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"])
    forged = signing.dumps({"locations": ["chest"]}, salt="someone-else")
    response = anonymous.post("/check/guided/", {"state": forged, "step": "feel", "action": "next"})
    assert response.status_code == 400
    assert "could not be read back" in html(response)
    assert "step 1 of 5" in html(response)


def test_back_keeps_the_answers_given(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["foot"])
    response = post_step(anonymous, response, "feel", action="back", sensations=["twitch"])
    page = html(response)
    assert "step 1 of 5" in page
    assert re.search(r'name="locations" value="foot"[^>]*checked', page)
    assert load_state(state_of(response))["sensations"] == ["twitch"]


def test_contradictory_facts_are_shown_on_the_step(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"])
    response = post_step(anonymous, response, "feel")
    response = post_step(anonymous, response, "about", age="5", pregnant="yes")
    page = html(response)
    assert response.status_code == 422
    assert "There is a problem" in page
    assert "Pregnancy at age 5 does not fit" in page
    assert "step 3 of 5" in page


def test_an_impossible_age_is_a_form_error(anonymous):
    response = post_step(anonymous, start(anonymous), "about", age="200")
    assert response.status_code == 422
    assert "Please give an age from 0 to 120." in html(response)


def test_a_pregnancy_week_with_not_pregnant_is_refused(anonymous):
    response = post_step(anonymous, start(anonymous), "about", pregnant="no", pregnancy_week="30")
    assert response.status_code == 422
    assert "is no" in html(response)


def test_a_symptom_cannot_be_both_present_and_absent(anonymous):
    response = post_step(anonymous, start(anonymous), "symptoms", red_flags=["swelling"],
                         pertinent_negatives=["swelling"])
    assert response.status_code == 422
    assert "both present and absent" in html(response)


def test_an_unknown_choice_is_a_form_error_not_a_crash(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["nose"])
    assert response.status_code == 422
    assert "nose is not one of the available choices" in html(response)


def test_finishing_with_nothing_given_asks_for_something(anonymous):
    response = post_step(anonymous, start(anonymous), "where", action="finish")
    assert response.status_code == 422
    assert "You have not told us anything yet" in html(response)


def test_finishing_early_gives_a_result(anonymous):
    response = post_step(anonymous, start(anonymous), "where", action="finish", locations=["eyelid"])
    page = html(response)
    assert "Your spasm check" in page
    assert "triage-banner" in page


def test_red_flags_ticked_in_the_guided_check_give_the_emergency_banner(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"])
    response = post_step(anonymous, response, "symptoms", red_flags=["swelling", "breathlessness"])
    page = html(response)
    assert 'class="triage-banner triage-emergency"' in page
    assert page.index("triage-banner") < page.index("causes-heading")


def test_an_emergency_stops_the_questions_at_once(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["chest"])
    page = html(response)
    assert 'class="triage-banner triage-emergency"' in page
    assert "We stopped the questions early" in page
    assert "step 2 of 5" not in page


def test_a_calm_answer_goes_on_to_the_next_step(anonymous):
    response = post_step(anonymous, start(anonymous), "where", locations=["calf"])
    assert "step 2 of 5" in html(response)
    assert "triage-banner" not in html(response)


def test_the_result_page_sends_you_back_to_a_step_with_your_answers(anonymous):
    response = post_step(anonymous, start(anonymous), "where", action="finish", locations=["back"])
    response = anonymous.post("/check/guided/", {"state": state_of(response), "goto": "where"})
    page = html(response)
    assert "step 1 of 5" in page
    assert re.search(r'name="locations" value="back"[^>]*checked', page)


def test_an_unknown_step_starts_at_the_beginning(anonymous):
    response = anonymous.post("/check/guided/", {"state": "", "step": "nonsense"})
    assert response.status_code == 200
    assert "step 1 of 5" in html(response)


def test_every_step_page_works_for_every_persona(persona):
    response = start(persona)
    for name in STEP_NAMES[:-1]:
        response = post_step(persona, response, name)
        assert response.status_code == 200
    assert "step 5 of 5" in html(response)
