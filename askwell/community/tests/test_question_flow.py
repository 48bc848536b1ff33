"""The core path: ask without an account, confirm by email, moderate, answer, notify, accept."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client

from askwell.community.models import Answer, Question, QuestionState
from askwell.community.testing import ask, guard

LINK = re.compile(r"http://[^\s]+")


def links_in(message: mail.EmailMessage) -> list[str]:
    return [link.replace("http://127.0.0.1:8000", "") for link in LINK.findall(str(message.body))]


def test_an_anonymous_question_is_confirmed_moderated_answered_and_accepted(
    anonymous: Client, expert: Client, moderator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        response = ask(anonymous, email="worried.reader@example.net")
    assert response.status_code == 302, response.content.decode()[:2000]
    question = Question.objects.get()
    assert question.state == QuestionState.PENDING_CONFIRMATION
    assert anonymous.get(question.get_absolute_url()).status_code == 404

    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["worried.reader@example.net"]
    confirm = next(link for link in links_in(mail.outbox[0]) if "/confirm/" in link)
    assert "Confirm my question" in anonymous.get(confirm).content.decode()
    anonymous.post(confirm)
    question.refresh_from_db()
    assert question.state == QuestionState.AWAITING_MODERATION  # a first post

    assert "Why do my calves cramp" in moderator.get("/moderation/").content.decode()
    moderator.post(f"/moderation/question/{question.pk}/approve/", {"reason": "fine"})
    question.refresh_from_db()
    assert question.state == QuestionState.OPEN

    with django_capture_on_commit_callbacks(execute=True):
        response = expert.post(f"/questions/{question.pk}/answer/", guard(
            body="Night cramps are common; stretch your calves before bed and drink enough water.",
        ))
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.state == QuestionState.ANSWERED
    answer = Answer.objects.get()
    assert answer.by_expert

    page = anonymous.get(question.get_absolute_url()).content.decode()
    assert "Verified expert · Physiotherapist" in page
    assert "worried.reader@example.net" not in page

    notice = mail.outbox[-1]
    assert notice.to == ["worried.reader@example.net"] and "answered" in notice.subject
    accept = next(link for link in links_in(notice) if "/accept/" in link)
    assert any("/unsubscribe/" in link for link in links_in(notice))
    anonymous.post(accept)
    question.refresh_from_db()
    assert question.accepted_answer_id == answer.pk


def test_an_expired_confirmation_link_says_so(anonymous: Client) -> None:
    from django.core import signing

    from askwell.community.tokens import CONFIRM_SALT

    ask(anonymous, email="late@example.net")
    question = Question.objects.get()
    old = signing.TimestampSigner(salt=CONFIRM_SALT)
    token = signing.dumps(question.pk, salt=CONFIRM_SALT, compress=True)
    # Re-sign with a time stamp four days old.
    import time
    from unittest import mock

    with mock.patch("time.time", return_value=time.time() - 4 * 24 * 3600):
        token = signing.dumps(question.pk, salt=CONFIRM_SALT, compress=True)
    assert old
    response = anonymous.post(f"/questions/confirm/{token}/")
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    question.refresh_from_db()
    assert question.state == QuestionState.PENDING_CONFIRMATION
