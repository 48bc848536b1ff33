"""Search page, API and `askwell ask`: the triage in the shared words, what to do now before any
result (crisis lines first), "do not wait" instead of the experts' offer when it is urgent, and a
plain "not covered" for subjects the guides do not cover."""

from __future__ import annotations

import io
import json
from typing import Any
from unittest import mock

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client
from django.utils.html import escape

from askwell.answers.search import answer
from askwell.medical.triage import level_info

pytestmark = pytest.mark.django_db

EMERGENCY_TEXT = "I have crushing chest pain"
URGENT_TEXT = "my calf is swollen red and hot"
CRISIS_TEXT = "I have been thinking about ending my life"
NOT_COVERED_TEXT = "how do I renew my passport"


def search(client: Client, q: str) -> str:
    response = client.get("/search/", {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def test_an_emergency_banner_says_what_to_do_in_words_with_the_number(anonymous: Client) -> None:
    page = search(anonymous, EMERGENCY_TEXT)
    info = level_info("emergency")
    assert 'class="triage-banner triage-emergency"' in page and f'data-colour="{info.colour}"' in page
    assert escape(info.headline) in page
    assert "{&#x27;what_to_do&#x27;" not in page and "&#x27;how_soon&#x27;" not in page
    assert "How soon:" in page
    assert "Do not wait for an answer here" in page and 'href="tel:999"' in page
    assert 'href="/help/#emergency"' in page


def test_an_urgent_banner_gives_the_urgent_line_and_no_experts_offer(anonymous: Client) -> None:
    page = search(anonymous, URGENT_TEXT)
    assert 'class="triage-banner triage-urgent"' in page and escape(level_info("urgent").headline) in page
    assert "Get medical advice today from NHS 111" in page and 'href="tel:111"' in page
    assert "Do not wait for an answer here" in page
    assert "Ask the experts" not in page and "No confident answer" not in page


def test_a_routine_question_keeps_the_experts_offer(anonymous: Client) -> None:
    page = search(anonymous, "cramp")
    assert "Do not wait for an answer here" not in page and "Ask the experts" in page


def test_a_crisis_leads_with_the_emergency_number_and_a_24_hour_line_before_any_result(anonymous: Client) -> None:
    page = search(anonymous, CRISIS_TEXT)
    crisis = page.index('class="crisis-help"')
    assert crisis < page.index('class="search-form"')
    assert crisis < page.index('href="tel:999"') < page.index('href="tel:116123"')
    assert "24 hours" in page[crisis:page.index("triage-banner")]
    if 'class="answers-list"' in page:
        assert page.index('class="answers-list"') > crisis


def test_a_subject_the_guides_do_not_cover_says_so_and_offers_the_experts(anonymous: Client) -> None:
    page = search(anonymous, NOT_COVERED_TEXT)
    assert "do not cover this subject yet" in page
    assert 'href="/questions/ask/?title=how%20do%20I%20renew%20my%20passport"' in page
    assert "Get medical advice if" in page
    for item in level_info("self_care").safety_net:
        assert escape(item) in page
    assert "NHS 111" in page
    assert "Best answers" not in page and "answers-best" not in page


def test_not_covered_is_never_shown_as_a_confident_answer(anonymous: Client) -> None:
    real = answer("why do my calves cramp at night", limit=10)
    pretend = {**real, "scope": "not_covered", "confident": True}
    with mock.patch("askwell.answers.cache.answer", return_value=pretend):
        page = search(anonymous, "why do my calves cramp at night")
    assert "do not cover this subject yet" in page
    assert "Best answers" not in page and "answers-best" not in page
    assert "From our guides" not in page


def test_not_covered_with_a_warning_sign_gives_no_experts_offer(anonymous: Client) -> None:
    page = search(anonymous, EMERGENCY_TEXT)
    assert "do not cover this subject yet" in page
    assert "Ask the experts" not in page


def test_bad_input_never_breaks_the_page(anonymous: Client) -> None:
    for q in ["\x00", "?" * 600, "<b>chest pain</b>", "%%%", "😀 chest pain"]:
        assert anonymous.get("/search/", {"q": q}).status_code == 200


def test_when_triage_fails_the_page_gives_the_cautious_answer(anonymous: Client) -> None:
    with mock.patch("askwell.medical.triage.triage_text", side_effect=RuntimeError("rule file broken")):
        page = search(anonymous, "my calf cramps")
    assert 'class="triage-banner triage-see_doctor"' in page
    assert "could not check this text for warning signs" in page


def api(client: Client, q: str) -> dict[str, Any]:
    response = client.get("/api/v1/answers", {"q": q})
    assert response.status_code == 200, response.content
    return response.json()  # type: ignore[no-any-return]


def test_the_api_adds_help_before_the_answers(anonymous: Client) -> None:
    data = api(anonymous, EMERGENCY_TEXT)
    assert list(data).index("help") < list(data).index("answers")
    assert data["help"]["headline"] == level_info("emergency").headline and data["help"]["act_now"]
    assert data["help"]["now"][0]["kind"] == "emergency" and data["help"]["now"][0]["number"] == "999"
    assert data["help"]["page"] == f"{settings.SITE_URL}/help/"  # the site's address, whatever the Host
    assert data["scope"] in {"covered", "not_covered"}


def test_the_api_leads_a_crisis_with_the_emergency_number_and_the_crisis_line(anonymous: Client) -> None:
    data = api(anonymous, CRISIS_TEXT)
    assert data["triage"]["crisis"] is True and data["help"]["crisis"] is True
    assert [line["kind"] for line in data["help"]["now"]][:2] == ["emergency", "crisis"]
    assert data["help"]["now"][1]["number"] == "116 123"
    assert data["confident"] is False


def test_the_api_says_when_a_subject_is_not_covered(anonymous: Client) -> None:
    data = api(anonymous, NOT_COVERED_TEXT)
    assert data["scope"] == "not_covered" and data["confident"] is False
    assert data["help"]["now"] == []


def ask(*args: str) -> str:
    out = io.StringIO()
    call_command("ask", *args, stdout=out)
    return out.getvalue()


def test_ask_prints_the_crisis_lines_before_anything_else() -> None:
    output = ask(CRISIS_TEXT)
    lines = output.splitlines()
    assert lines[0].startswith("GET HELP NOW.")
    assert lines[1].startswith("  * If your life is at risk now") and "call 999" in lines[1]
    assert lines[2] == "  * Talk to Samaritans now: call 116 123 (free, open 24 hours, every day)."
    assert output.index("116 123") < output.index("TRIAGE:")
    assert "Get medical advice if:" not in output


def test_ask_json_stays_the_contract_object_with_help_added() -> None:
    data = json.loads(ask("--json", CRISIS_TEXT))
    assert {"query", "triage", "answers", "took_ms", "confident", "scope"} <= set(data)
    assert data["triage"]["crisis"] is True
    assert data["help"]["now"][1]["kind"] == "crisis"
    assert list(data).index("help") < list(data).index("answers")


def test_ask_says_plainly_when_the_guides_do_not_cover_a_subject() -> None:
    output = ask(NOT_COVERED_TEXT)
    assert "Our guides do not cover this subject yet" in output and "Ask the experts" in output
    assert "Get medical advice if:" in output


def test_ask_tells_an_emergency_not_to_wait() -> None:
    lines = ask(EMERGENCY_TEXT).splitlines()
    assert lines[0] == f"TRIAGE: {level_info('emergency').headline} [emergency]"
    assert lines[1] == "  Do not wait for an answer here."
    assert lines[2].startswith("  * Call 999 now")


def test_not_covered_with_a_warning_sign_leaves_what_to_do_to_the_banner(anonymous: Client) -> None:
    page = search(anonymous, CRISIS_TEXT)
    assert "do not cover this subject yet" in page and "Get medical advice if" not in page
