"""/help/: the emergency, crisis and urgent numbers from the site settings, what to do now, and
what each triage level means; linked from the footer of every page."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from askwell.core.models import SiteSettings
from askwell.medical.triage import all_level_info

pytestmark = pytest.mark.django_db


def page(client: Client) -> str:
    response = client.get("/help/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_help_page_is_named() -> None:
    assert reverse("helpnow:page") == "/help/"


def test_every_persona_sees_the_numbers_as_links(persona: Client) -> None:
    html = page(persona)
    assert 'href="tel:999"' in html and "Call 999 now, or go to the nearest A&amp;E." in html
    assert "Samaritans" in html and 'href="tel:116123"' in html and "24 hours" in html
    assert 'href="sms:85258?body=SHOUT"' in html and "Or text SHOUT to 85258" in html
    assert 'href="tel:111"' in html and 'href="https://111.nhs.uk/"' in html
    for anchor in ('id="emergency"', 'id="crisis"', 'id="urgent"'):
        assert anchor in html


def test_it_says_when_to_call_and_names_its_sources(anonymous: Client) -> None:
    html = page(anonymous)
    assert "signs of a stroke" in html and "chest pain" in html
    assert "https://www.nhs.uk/nhs-services/urgent-and-emergency-care-services/when-to-call-999/" in html
    assert "help-for-suicidal-thoughts" in html


def test_it_explains_every_triage_level_in_the_shared_words_and_colours(anonymous: Client) -> None:
    html = page(anonymous)
    for info in all_level_info():
        assert escape(info.headline) in html
        assert f'data-level="{info.level}" data-colour="{info.colour}"' in html


def test_another_countrys_numbers_replace_the_uk_ones(anonymous: Client) -> None:
    settings = SiteSettings.current()
    settings.emergency_number, settings.emergency_department = "911", "emergency room"
    settings.emergency_advice = "In an emergency call 911 or go to the nearest emergency room."
    settings.urgent_line_name, settings.urgent_line_number, settings.urgent_line_url = "your doctor", "", ""
    settings.urgent_line_hours = ""
    settings.crisis_line_name, settings.crisis_line_number = "the 988 Suicide & Crisis Lifeline", "988"
    settings.crisis_text_keyword, settings.crisis_text_number = "HOME", "741741"
    settings.crisis_text_name = "Crisis Text Line"
    settings.save()
    html = page(anonymous)
    assert 'href="tel:911"' in html and 'href="tel:988"' in html and 'href="sms:741741?body=HOME"' in html
    assert "tel:999" not in html and "Call 999" not in html and "Samaritans" not in html and "SHOUT" not in html
    assert "Get medical advice today from your doctor." in html


def test_without_an_urgent_line_or_a_text_service_the_page_still_says_what_to_do(anonymous: Client) -> None:
    settings = SiteSettings.current()
    settings.urgent_line_name = settings.urgent_line_number = settings.urgent_line_url = ""
    settings.crisis_text_keyword = settings.crisis_text_number = ""
    settings.save()
    html = page(anonymous)
    assert 'href="tel:111"' not in html and "sms:" not in html
    assert 'href="tel:116123"' in html


@pytest.mark.parametrize("path", ["/", "/search/?q=cramp", "/muscle-spasms/", "/check/", "/questions/", "/about/",
                                  "/help/", "/no-such-page/"])
def test_the_footer_of_every_page_links_to_it(anonymous: Client, path: str) -> None:
    html = anonymous.get(path).content.decode()
    footer = html[html.index('<footer class="site-footer">'):]
    assert '<a href="/help/">Get help now</a>' in footer


def test_no_email_address_appears(asker: Client) -> None:
    assert "@" not in page(asker).replace("&#x27;", "")
