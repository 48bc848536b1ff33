"""The help numbers (emergency, urgent advice line, crisis lines) are site settings an
administrator edits and validates in the admin; pages never hard-code them."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.forms.models import model_to_dict
from django.test import Client, RequestFactory

from askwell.core import views
from askwell.core.models import SiteSettings, tel_link

pytestmark = pytest.mark.django_db

# docs/help-numbers.md gives these for the United States.
US = {
    "emergency_number": "911",
    "emergency_department": "the emergency room",
    "emergency_advice": "In an emergency call 911 or go to the nearest emergency room.",
    "urgent_line_name": "your doctor's after-hours line or an urgent care center",
    "urgent_line_number": "",
    "urgent_line_url": "",
    "urgent_line_hours": "",
    "crisis_line_name": "the 988 Suicide & Crisis Lifeline",
    "crisis_line_number": "988",
    "crisis_line_hours": "free, 24 hours a day; you can also text 988",
    "crisis_line_url": "https://988lifeline.org/",
    "crisis_text_keyword": "HOME",
    "crisis_text_number": "741741",
    "crisis_text_name": "Crisis Text Line",
    "crisis_text_hours": "free, 24 hours a day",
}


def problems(**changes: str) -> dict[str, list[str]]:
    settings = SiteSettings.current()
    for name, value in changes.items():
        setattr(settings, name, value)
    with pytest.raises(ValidationError) as raised:
        settings.full_clean()
    return raised.value.message_dict


def test_the_defaults_are_the_uk_numbers() -> None:
    settings = SiteSettings.current()
    assert settings.emergency_number == "999"
    assert (settings.urgent_line_name, settings.urgent_line_number, settings.urgent_line_url) == (
        "NHS 111", "111", "https://111.nhs.uk/")
    assert (settings.crisis_line_name, settings.crisis_line_number) == ("Samaritans", "116 123")
    assert "24 hours" in settings.crisis_line_hours
    assert (settings.crisis_text_keyword, settings.crisis_text_number) == ("SHOUT", "85258")
    assert "999" in settings.emergency_advice
    settings.full_clean()


def test_the_us_example_from_the_docs_is_valid() -> None:
    settings = SiteSettings.current()
    for name, value in US.items():
        setattr(settings, name, value)
    settings.full_clean()
    assert settings.has_urgent_line and not settings.urgent_line_number
    assert settings.has_crisis_text


def test_the_emergency_advice_must_name_the_emergency_number() -> None:
    assert "emergency_advice" in problems(emergency_number="911")


@pytest.mark.parametrize("number", ["call us", "9", "+", "999; DROP TABLE", "1" * 25])
def test_a_help_number_must_be_dialable(number: str) -> None:
    assert "crisis_line_number" in problems(crisis_line_number=number)


def test_an_urgent_line_with_a_number_needs_a_name() -> None:
    assert "urgent_line_name" in problems(urgent_line_name="")
    assert "urgent_line_url" in problems(urgent_line_url="not a website")


def test_no_urgent_line_at_all_is_allowed() -> None:
    settings = SiteSettings.current()
    settings.urgent_line_name = settings.urgent_line_number = settings.urgent_line_url = ""
    settings.full_clean()
    assert not settings.has_urgent_line


def test_a_crisis_text_service_needs_both_the_word_and_the_number() -> None:
    assert "crisis_text_number" in problems(crisis_text_number="")
    assert "crisis_text_keyword" in problems(crisis_text_keyword="TWO WORDS")


def test_a_crisis_line_is_required() -> None:
    found = problems(crisis_line_name="", crisis_line_number="")
    assert {"crisis_line_name", "crisis_line_number"} <= set(found)


def test_tel_links_keep_only_what_a_phone_dials() -> None:
    assert tel_link("116 123") == "tel:116123"
    assert tel_link("+1 (800) 273-8255") == "tel:+18002738255"


def admin_form(**changes: str) -> dict[str, Any]:
    data = {key: value for key, value in model_to_dict(SiteSettings.current()).items() if key != "id"}
    data.update(changes)
    return data


def test_an_administrator_sets_another_countrys_numbers(admin_client: Client) -> None:
    response = admin_client.post("/admin/core/sitesettings/1/change/", admin_form(**US))
    assert response.status_code == 302, response.content.decode()[:2000]
    settings = SiteSettings.current()
    assert (settings.emergency_number, settings.crisis_line_number, settings.crisis_text_keyword) == (
        "911", "988", "HOME")


def test_the_admin_refuses_an_inconsistent_change(admin_client: Client) -> None:
    response = admin_client.post("/admin/core/sitesettings/1/change/", admin_form(emergency_number="911"))
    assert response.status_code == 200
    assert "Say the emergency number (911) in the advice" in response.content.decode()
    assert SiteSettings.current().emergency_number == "999"


def test_the_admin_groups_the_help_numbers(admin_client: Client) -> None:
    SiteSettings.current()
    html = admin_client.get("/admin/core/sitesettings/1/change/").content.decode()
    for heading in ("Emergency", "Urgent advice line", "Crisis lines"):
        assert heading in html


def test_a_change_reaches_pages_cached_for_anonymous_readers(anonymous: Client, django_capture_on_commit_callbacks:
                                                              Any) -> None:
    assert "call 999" in anonymous.get("/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        settings = SiteSettings.current()
        settings.emergency_number, settings.emergency_advice = "112", "In an emergency call 112."
        settings.save()
    assert "call 112" in anonymous.get("/").content.decode()


def test_without_the_database_the_cached_settings_are_used(django_assert_num_queries: Any) -> None:
    settings = SiteSettings.current()
    settings.emergency_number, settings.emergency_advice = "112", "Call 112."
    settings.save()
    SiteSettings.current()  # back in the cache
    with django_assert_num_queries(0):
        assert SiteSettings.without_database().emergency_number == "112"


def test_without_the_database_or_the_cache_the_defaults_are_used() -> None:
    with mock.patch("askwell.core.models.cache.get", side_effect=ConnectionError("redis is down")), \
            mock.patch("askwell.core.models._last_known", None):
        assert SiteSettings.without_database().emergency_number == "999"


def test_the_error_page_gives_the_configured_numbers_without_the_database(django_assert_num_queries: Any) -> None:
    settings = SiteSettings.current()
    for name, value in US.items():
        setattr(settings, name, value)
    settings.save()
    SiteSettings.current()
    with django_assert_num_queries(0):
        response = views.server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert "call 911" in html and "988" in html
    assert "999" not in html
