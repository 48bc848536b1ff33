"""The result in words people read: likelihood words, each reason once, the guide's own answer,
relief that matches the guide; and the guided steps' phone-friendly layout."""

from __future__ import annotations

import re

import pytest

from askwell.checker.engine import run_check
from askwell.checker.presentation import CauseView, build_result, likelihood, without_repeated_reasons
from askwell.checker.tests.helpers import html, post_step
from askwell.medical.causes import usual_suspect_reason

pytestmark = pytest.mark.django_db

NIGHT_CALF = "my calves cramp at night"


def test_scores_read_as_likelihood_words() -> None:
    assert [likelihood(s) for s in (0.9, 0.5, 0.3, 0.25, 0.1)] == [
        "More likely", "More likely", "Possible", "Possible", "Less likely"]


def test_a_reason_is_given_once_at_the_first_cause_it_supports() -> None:
    causes = [CauseView("a", "A", 0.6, ["age over 65", "smoking"], None),
              CauseView("b", "B", 0.4, ["age over 65"], None),
              CauseView("c", "C", 0.3, ["age over 65", "has diabetes"], None),
              CauseView("d", "D", 0.2, [usual_suspect_reason()], None)]
    shown, usual = without_repeated_reasons(causes)
    assert [c.why for c in shown] == [["age over 65", "smoking"], [], ["has diabetes"]]
    assert shown[1].same_reasons_as_above and not shown[2].same_reasons_as_above
    assert [c.id for c in usual] == ["d"]


def test_night_calf_cramps_read_like_the_sites_guide(anonymous) -> None:
    view = build_result(run_check(text=NIGHT_CALF))
    assert view.causes[0].id == "muscle_fatigue"
    assert view.guide is not None and view.guide.slug == "faq/night-spasms"
    assert view.relief and view.relief[0].slug != "relief/hydration"
    page = html(anonymous.post("/check/result/", {"text": NIGHT_CALF}, follow=True))
    assert "What our guide says" in page and "Most night cramps have no clear cause" in page
    assert page.index("What our guide says") < page.index('data-cause="muscle_fatigue"')
    reasons = re.findall(r"<li>([^<]+)</li>", page[page.index("causes-heading"):page.index("relief-heading")])
    assert len(reasons) == len(set(reasons))
    assert "More likely" in page or "Possible" in page
    assert page.count(usual_suspect_reason()) <= 1
    relief = page[page.index("relief-heading"):]
    first_link = re.search(r'<li><a href="[^"]+">([^<]+)</a>', relief)
    assert first_link is not None and "fluid" not in first_link.group(1).lower()


def _walk_to_health(client):
    response = client.get("/check/guided/")
    response = post_step(client, response, "where", locations=["calf"], sides="both")
    response = post_step(client, response, "feel", sensations=["cramp"], timings=["night"])
    return post_step(client, response, "about", age="40", sex="female", pregnant="no")


def test_step_four_groups_its_many_choices_behind_short_questions(anonymous) -> None:
    page = html(_walk_to_health(anonymous))
    assert "step 4 of 5" in page
    assert page.count('<details class="choice-disclosure"') == 4
    assert page.count("<summary>") == 4 and " open>" not in page.split("<form", 1)[1].split("</form>")[0]


def test_an_answered_group_stays_open_when_you_come_back(anonymous) -> None:
    response = _walk_to_health(anonymous)
    response = post_step(anonymous, response, "health", medicines=["statin"])
    response = post_step(anonymous, response, "symptoms", action="back")
    page = html(response)
    assert "step 4 of 5" in page and "(1 chosen)" in page and 'class="choice-disclosure" open' in page


def test_progress_is_a_bar_and_back_comes_before_skip(anonymous) -> None:
    response = anonymous.get("/check/guided/")
    response = post_step(anonymous, response, "where", locations=["calf"])
    page = html(response)
    assert '<progress max="5" value="2"' in page
    assert page.index('value="next"') < page.index('value="back"') < page.index('value="finish"')
    assert "Tap a body part" in page or "step 2" in page


def test_the_body_map_hint_speaks_of_tapping(anonymous) -> None:
    page = html(anonymous.get("/check/guided/"))
    assert "Tap a body part" in page and "Click a body part" not in page
