"""The help lines, the `help` object and {% triage_help %}: one set of words for every page,
the API and the command line, from level_info() and the site settings."""

from __future__ import annotations

from typing import Any

import pytest
from django.template import Context, Template
from django.utils.html import escape

from askwell.core.models import SiteSettings
from askwell.helpnow.lines import lines_for
from askwell.helpnow.presentation import help_object, with_help
from askwell.medical.triage import all_level_info, level_info, safe_triage_text

pytestmark = pytest.mark.django_db

CRISIS = {"level": "urgent", "reasons": ["You wrote about thoughts of ending your life."], "crisis": True}


def render(triage: Any, **options: str) -> str:
    extra = " ".join(f"{name}={value}" for name, value in options.items())
    template = Template("{% load helpnow %}{% triage_help triage " + extra + " %}")
    return template.render(Context({"triage": triage, "site": SiteSettings.current()}))


def kinds(triage: dict[str, Any]) -> list[str]:
    return [line.kind for line in lines_for(triage, SiteSettings.current())]


def test_what_to_do_now_depends_on_the_level_and_on_crisis() -> None:
    assert kinds({"level": "emergency"}) == ["emergency"]
    assert kinds({"level": "urgent"}) == ["urgent", "emergency"]
    assert kinds({"level": "see_doctor"}) == kinds({"level": "self_care"}) == []
    assert kinds(CRISIS) == ["emergency", "crisis", "crisis_text"]
    assert kinds({**CRISIS, "level": "emergency"}) == ["emergency", "crisis", "crisis_text"]


def test_the_lines_carry_the_configured_numbers() -> None:
    emergency, crisis, text = lines_for(CRISIS, SiteSettings.current())
    assert "call 999" in emergency.text and emergency.actions[0].href == "tel:999"
    assert crisis.text == "Talk to Samaritans now: call 116 123 (free, open 24 hours, every day)."
    assert text.text.startswith("Or text SHOUT to 85258") and text.actions[0].href == "sms:85258?body=SHOUT"
    urgent = lines_for({"level": "urgent"}, SiteSettings.current())[0]
    assert urgent.text == ("Get medical advice today from NHS 111: call 111 or go to https://111.nhs.uk/ "
                           "(open 24 hours).")
    assert [action.href for action in urgent.actions] == ["tel:111", "https://111.nhs.uk/"]


def test_a_site_without_an_urgent_line_still_gives_the_emergency_number_for_urgent() -> None:
    settings = SiteSettings.current()
    settings.urgent_line_name = settings.urgent_line_number = settings.urgent_line_url = ""
    assert [line.kind for line in lines_for({"level": "urgent"}, settings)] == ["emergency"]


@pytest.mark.parametrize("info", all_level_info(), ids=lambda info: info.level)
def test_each_level_shows_its_shared_headline_colour_and_advice(info: Any) -> None:
    html = render({"level": info.level, "reasons": ["a reason"]}, self_care="True")
    assert f'class="triage-banner triage-{info.level}"' in html
    assert f'data-colour="{info.colour}"' in html
    assert escape(info.headline) in html and escape(info.what_to_do) in html
    assert ("Do not wait for an answer here" in html) == (info.level in {"emergency", "urgent"})


def test_the_advice_is_words_never_a_python_dict() -> None:
    triage = safe_triage_text("I have crushing chest pain").to_dict()
    html = render(triage)
    assert "{&#x27;" not in html and "what_to_do" not in html and "how_soon" not in html
    assert escape(triage["advice"]["what_to_do"]) in html
    assert 'href="tel:999"' in html and 'href="/help/#emergency"' in html


def test_self_care_shows_no_banner_unless_asked() -> None:
    assert "triage-banner" not in render({"level": "self_care", "reasons": []})
    assert "triage-banner triage-self_care" in render({"level": "self_care", "reasons": []}, self_care="True")


def test_no_triage_shows_nothing_and_an_unknown_level_is_never_shown_as_safe() -> None:
    assert render(None).strip() == "" and render({"level": ""}).strip() == ""
    html = render({"level": "fine", "reasons": []})
    assert "triage-banner triage-see_doctor" in html


def test_a_crisis_leads_with_the_crisis_lines_before_the_banner() -> None:
    html = render(CRISIS)
    crisis = html.index('class="crisis-help"')
    assert crisis < html.index("triage-banner")
    assert html.index('href="tel:999"') < html.index('href="tel:116123"') < html.index("triage-banner")
    assert "You do not have to face this alone" in html
    assert html.count('href="tel:116123"') == 1  # not repeated in the banner


def test_the_real_rules_mark_suicidal_thoughts_as_a_crisis() -> None:
    html = render(safe_triage_text("I have been thinking about ending my life").to_dict())
    assert 'class="crisis-help"' in html and 'href="tel:116123"' in html


def test_the_help_object_gives_the_level_in_words_and_every_number() -> None:
    site = SiteSettings.current()
    data = help_object(CRISIS, site, "http://testserver/help/")
    assert data["level"] == "urgent" and data["headline"] == level_info("urgent").headline
    assert data["colour"] == level_info("urgent").colour and data["crisis"] and data["act_now"]
    assert [line["kind"] for line in data["now"]] == ["emergency", "crisis", "crisis_text"]
    assert data["numbers"]["emergency"]["number"] == "999"
    assert data["numbers"]["crisis"] == {"name": "Samaritans", "number": "116 123",
                                         "hours": "free, open 24 hours, every day", "url": "https://www.samaritans.org/"}
    assert data["numbers"]["crisis_text"]["keyword"] == "SHOUT"
    assert data["page"] == "http://testserver/help/"
    assert help_object({"level": "self_care"}, site, "/help/")["now"] == []


def test_help_comes_right_after_triage_and_before_the_answers() -> None:
    result = {"query": "q", "triage": {"level": "emergency", "reasons": []}, "answers": [], "took_ms": 1.0}
    assert list(with_help(result, SiteSettings.current(), "/help/")) == ["query", "triage", "help", "answers",
                                                                         "took_ms"]


def test_a_crisis_is_never_also_told_to_look_after_it_at_home() -> None:
    html = render({**CRISIS, "level": "self_care"}, self_care="True")
    assert 'class="crisis-help"' in html and "triage-banner" not in html
