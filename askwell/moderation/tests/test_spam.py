"""Honeypot, fill time, rate limits, link limits, duplicates and banned words on the public forms."""

from __future__ import annotations

import time

from django.test import Client

from askwell.community.models import Question, QuestionState
from askwell.community.testing import ask
from askwell.moderation.spam import stamp


def test_a_filled_honeypot_is_refused_and_nothing_is_saved(anonymous: Client) -> None:
    response = ask(anonymous, email="bot@example.net", homepage_url="http://spam.example")
    assert response.status_code == 200 and "could not be sent" in response.content.decode()
    assert not Question.objects.exists()


def test_a_form_sent_too_fast_is_refused_with_the_text_kept(anonymous: Client) -> None:
    response = ask(anonymous, email="fast@example.net", form_started=stamp(time.time()))
    page = response.content.decode()
    assert "sent very fast" in page and "Every night around 3am" in page
    assert not Question.objects.exists()


def test_an_expired_form_says_so_and_keeps_the_text(anonymous: Client) -> None:
    response = ask(anonymous, email="slow@example.net", form_started=stamp(time.time() - 3 * 24 * 3600))
    page = response.content.decode()
    assert "expired" in page and "Every night around 3am" in page
    assert not Question.objects.exists()


def test_asking_too_often_from_one_address_is_limited(anonymous: Client) -> None:
    for index in range(5):
        ask(anonymous, email=f"r{index}@example.net", title=f"Question number {index} about cramps")
    assert Question.objects.count() == 5
    response = ask(anonymous, email="r9@example.net", title="One more question about cramps")
    assert "a lot in a short time" in response.content.decode()
    assert Question.objects.count() == 5


def test_new_accounts_may_not_post_many_links(asker: Client) -> None:
    response = ask(asker, body="See http://a.example and https://b.example and www.c.example")
    assert "at most 1 link" in response.content.decode()
    assert not Question.objects.exists()


def test_a_double_click_posts_one_question(asker: Client) -> None:
    ask(asker)
    response = ask(asker)
    assert "already sent this question" in response.content.decode()
    assert Question.objects.count() == 1


def test_a_banned_word_holds_a_question_for_moderation(asker: Client, moderator: Client) -> None:
    moderator.post("/moderation/banned-words/", {"phrase": "cheap pills"})
    Question.objects.all().delete()
    ask(asker, body="Where can I buy cheap pills for cramps?")
    assert Question.objects.get().state == QuestionState.AWAITING_MODERATION
