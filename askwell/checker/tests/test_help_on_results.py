"""The checker's result page and `askwell check` in the shared triage words: urgent and
emergency results say "do not wait" instead of offering the experts, and a description of
suicidal thoughts leads with the crisis lines."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.utils.html import escape

from askwell.checker.tests.helpers import RED_FLAG_TEXT, STORIES, html
from askwell.core.models import SiteSettings
from askwell.medical.triage import level_info

pytestmark = pytest.mark.django_db

CRISIS_TEXT = "my calf cramps every night and I have been thinking about ending my life"


def result(client, text):
    response = client.post("/check/result/", {"text": text}, follow=True)
    assert response.status_code == 200
    return html(response)


def test_an_emergency_result_says_do_not_wait_instead_of_asking_an_expert(anonymous):
    page = result(anonymous, RED_FLAG_TEXT)
    info = level_info("emergency")
    assert f'data-colour="{info.colour}"' in page and escape(info.headline) in page
    assert 'id="no-wait-heading"' in page and 'href="tel:999"' in page
    assert "Ask an expert about this" not in page


def test_a_routine_result_still_offers_an_expert(anonymous):
    page = result(anonymous, STORIES["stories/athlete"])
    assert "Ask an expert about this" in page and "Do not wait for an answer here" not in page
    assert 'class="triage-banner triage-self_care"' in page


def test_a_crisis_leads_the_result_with_the_crisis_lines(anonymous):
    page = result(anonymous, CRISIS_TEXT)
    crisis = page.index('class="crisis-help"')
    assert crisis < page.index("triage-banner") < page.index("understood-heading")
    assert page.index('href="tel:999"') < page.index('href="tel:116123"')
    assert "Ask an expert about this" not in page


def check(*args):
    out = io.StringIO()
    call_command("check", *args, stdout=out)
    return out.getvalue()


def test_the_check_command_prints_the_crisis_lines_first():
    lines = check(CRISIS_TEXT).splitlines()
    assert lines[0].startswith("GET HELP NOW.")
    assert "call 999" in lines[1] and "116 123" in lines[2]


def test_the_check_command_takes_its_numbers_from_the_site_settings():
    settings = SiteSettings.current()
    settings.emergency_number, settings.emergency_advice = "112", "In an emergency call 112."
    settings.save()
    output = check(RED_FLAG_TEXT)
    assert "  * Call 112 now" in output and "In an emergency call 112. Get help now: http" in output
