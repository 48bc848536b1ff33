"""The start page: the disclaimer before anything else, both ways in, nothing needing JavaScript."""

from __future__ import annotations

from django.urls import reverse
from django.utils.html import escape

from askwell.checker.tests.helpers import html
from askwell.core.models import SiteSettings


def test_it_is_the_checker_start_url(anonymous):
    assert reverse("checker:start") == "/check/"
    assert anonymous.get("/check/").status_code == 200


def test_it_shows_the_disclaimer_before_the_forms(anonymous):
    page = html(anonymous.get("/check/"))
    assert "not a diagnosis" in page
    assert escape(SiteSettings.current().emergency_advice) in page
    assert page.index("not a diagnosis") < page.index('action="/check/result/"')


def test_it_offers_the_guided_check_and_a_free_text_box(anonymous):
    page = html(anonymous.get("/check/"))
    assert 'href="/check/guided/"' in page
    assert 'method="post" action="/check/result/"' in page
    assert '<textarea name="text"' in page
    assert 'maxlength="5000"' in page


def test_the_nav_links_to_the_checker(anonymous):
    assert 'href="/check/"' in html(anonymous.get("/topics/"))


def test_it_works_for_every_persona(persona):
    assert persona.get("/check/").status_code == 200
