"""Instant answers are cached per normalised question and retired by any content change."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.test import Client

from askwell.answers import cache as answer_cache
from askwell.answers.search import answer
from askwell.core.pagecache import bump_content_version

pytestmark = pytest.mark.django_db

QUESTION = "how do I stop a calf cramp"


def test_a_repeated_question_is_answered_from_the_cache() -> None:
    with mock.patch.object(answer_cache, "answer", wraps=answer) as engine:
        first = answer_cache.cached_answer(QUESTION)
        again = answer_cache.cached_answer("  how do I   stop a calf cramp ")  # the same, normalised
    assert engine.call_count == 1
    assert again["answers"] == first["answers"] and again["triage"] == first["triage"]


def test_a_different_limit_or_question_is_its_own_entry() -> None:
    with mock.patch.object(answer_cache, "answer", wraps=answer) as engine:
        answer_cache.cached_answer(QUESTION, limit=10)
        answer_cache.cached_answer(QUESTION, limit=3)
        answer_cache.cached_answer("how do I stop a foot cramp")
    assert engine.call_count == 3


def test_a_content_change_retires_cached_answers() -> None:
    with mock.patch.object(answer_cache, "answer", wraps=answer) as engine:
        answer_cache.cached_answer(QUESTION)
        bump_content_version()  # what loadcontent and every community write do
        answer_cache.cached_answer(QUESTION)
    assert engine.call_count == 2


def test_a_newly_answered_question_shows_in_instant_answers_at_once(
    anonymous: Client, django_capture_on_commit_callbacks: Any
) -> None:
    from django.contrib.auth import get_user_model

    from askwell.community import actions
    from askwell.community.testing import published_question
    from askwell.test import ROLE_SETUP

    question = published_question(title="Why does my little toe cramp when I wear flip flops?")
    asked = "little toe cramp flip flops"
    before = anonymous.get("/api/v1/answers", {"q": asked}).json()
    assert all(item["url"] != question.get_absolute_url() for item in before["answers"])
    expert = get_user_model().objects.create_user(username="toe-expert", email="t@example.org", password="x")
    for setup in ROLE_SETUP["expert"]:
        setup(expert)
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_answer(question, author=expert, body="Flip flops make the toes grip: wear shoes with a back.")
    after = anonymous.get("/api/v1/answers", {"q": asked}).json()
    assert any(item["url"] == question.get_absolute_url() for item in after["answers"])


def test_callers_may_change_what_they_get() -> None:
    first = answer_cache.cached_answer(QUESTION)
    first["answers"].clear()
    assert answer_cache.cached_answer(QUESTION)["answers"]


def test_the_search_page_for_a_confident_answer_is_page_cached(anonymous: Client) -> None:
    first = anonymous.get("/search/", {"q": QUESTION})
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    again = anonymous.get("/search/", {"q": QUESTION})
    assert again["X-Page-Cache"] == "hit"
    assert again.content == first.content or b"form_started" in again.content
    other = anonymous.get("/search/", {"q": QUESTION + "?"})
    assert other.get("X-Page-Cache") != "hit", "another question is another page"


def test_an_unanswered_search_is_rendered_and_counted_every_time(anonymous: Client) -> None:
    from askwell.feedback.models import Unanswered

    asked = "how do I renew my passport"
    for _ in range(3):
        response = anonymous.get("/search/", {"q": asked})
        assert response.status_code == 200 and "X-Page-Cache" not in response
    assert sum(Unanswered.objects.values_list("count", flat=True)) == 3


def test_the_api_answer_is_page_cached_for_callers_without_a_cookie(anonymous: Client) -> None:
    first = anonymous.get("/api/v1/answers", {"q": QUESTION})
    assert first.status_code == 200 and first["X-Page-Cache"] == "miss"
    again = anonymous.get("/api/v1/answers", {"q": QUESTION})
    assert again["X-Page-Cache"] == "hit" and again.json() == first.json()
    assert again["Content-Type"] == "application/json; charset=utf-8"
    assert anonymous.get("/api/v1/answers", {"q": QUESTION, "limit": 3})["X-Page-Cache"] == "miss"
    assert len(anonymous.get("/api/v1/answers", {"q": QUESTION, "limit": 3}).json()["answers"]) <= 3
    # Another spelling of the question echoes its own words, so it is its own page.
    other = anonymous.get("/api/v1/answers", {"q": QUESTION.upper()})
    assert other["X-Page-Cache"] == "miss" and other.json()["query"] == QUESTION.upper()


def test_a_cached_api_answer_answers_a_conditional_get_with_304(anonymous: Client) -> None:
    first = anonymous.get("/api/v1/answers", {"q": QUESTION})
    again = anonymous.get("/api/v1/answers", {"q": QUESTION}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304 and not again.content


def test_a_content_change_retires_the_cached_api_answer(anonymous: Client) -> None:
    anonymous.get("/api/v1/answers", {"q": QUESTION})
    bump_content_version()
    assert anonymous.get("/api/v1/answers", {"q": QUESTION})["X-Page-Cache"] == "miss"


def test_bad_api_questions_are_never_cached(anonymous: Client) -> None:
    for _ in range(2):
        blank = anonymous.get("/api/v1/answers", {"q": "   "})
        assert blank.status_code == 400 and "detail" in blank.json() and not blank.has_header("X-Page-Cache")
