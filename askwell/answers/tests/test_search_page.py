import pytest
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_search_url_is_named() -> None:
    assert reverse("answers:search") == "/search/"


def test_it_shows_highlighted_answers_linking_to_the_exact_section(anonymous: Client) -> None:
    page = anonymous.get("/search/", {"q": "why do my calves cramp at night"}).content.decode()
    assert '<a href="/muscle-spasms/#faq-night-spasms">' in page
    assert "<mark>" in page
    assert "No confident answer" not in page


def test_a_red_flag_shows_the_triage_banner_with_reasons(anonymous: Client) -> None:
    page = anonymous.get("/search/", {"q": "cramp in my chest spreading to my left arm"}).content.decode()
    assert 'class="triage-banner triage-emergency"' in page
    assert "Call the emergency number" in page
    assert "Why we say this" in page


def test_an_ordinary_question_shows_no_triage_banner(anonymous: Client) -> None:
    page = anonymous.get("/search/", {"q": "how to stretch a calf cramp"}).content.decode()
    assert "triage-banner" not in page


def test_without_a_confident_answer_it_offers_the_experts(anonymous: Client) -> None:
    # A bare word names a subject without asking anything about it.
    page = anonymous.get("/search/", {"q": "muscles"}).content.decode()
    assert "No confident answer: ask the experts" in page
    assert 'href="/questions/ask/?title=muscles"' in page


def test_the_query_is_escaped_in_the_page(anonymous: Client) -> None:
    page = anonymous.get("/search/", {"q": "<script>alert(1)</script> cramp"}).content.decode()
    assert "<script>alert(1)</script>" not in page


def test_the_page_without_a_query_shows_the_form(anonymous: Client) -> None:
    response = anonymous.get("/search/")
    assert response.status_code == 200
    assert 'data-answers-suggest="search-suggestions"' in response.content.decode()


def test_every_persona_can_search(persona: Client) -> None:
    assert persona.get("/search/", {"q": "foot cramp"}).status_code == 200
