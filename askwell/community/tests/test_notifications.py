"""Emails go through the task queue, each with a working unsubscribe link."""

from __future__ import annotations

from typing import Any

from django.core import mail
from django.test import Client

from askwell.accounts.models import ExpertProfile
from askwell.community import actions, tasks
from askwell.community.models import EmailOptOut
from askwell.community.testing import published_question, user_of
from askwell.knowledge.models import Topic


def test_the_answer_email_is_enqueued_on_commit_not_sent_in_the_request(
    asker: Client, expert: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question = published_question(author=user_of(asker))
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        actions.post_answer(question, author=user_of(expert), body="A helpful answer that is long enough.")
    assert not mail.outbox and callbacks
    for callback in callbacks:
        callback()
    assert mail.outbox[-1].to == ["asker@example.org"]


def test_experts_get_a_digest_of_unanswered_questions_in_their_topics(expert: Client) -> None:
    topic = Topic.objects.published().first()
    assert topic is not None
    ExpertProfile.objects.get(user=user_of(expert)).topics.add(topic)
    other = Topic.objects.published().exclude(pk=topic.pk).first()
    published_question(title="An unanswered question in the topic", topic=topic)
    published_question(title="A question in another topic", topic=other)
    # "Not sure" (no topic) reaches every expert, so that it reaches someone.
    published_question(title="A question in no topic at all")
    assert tasks.send_expert_digests.call() == 1
    body = str(mail.outbox[-1].body)
    assert "An unanswered question in the topic" in body and "another topic" not in body
    assert "A question in no topic at all (topic: not sure)" in body
    assert "/community/unsubscribe/" in body and "/account/expert/unanswered/" in body


def test_unsubscribing_stops_the_emails(expert: Client, anonymous: Client) -> None:
    topic = Topic.objects.published().first()
    assert topic is not None
    ExpertProfile.objects.get(user=user_of(expert)).topics.add(topic)
    published_question(title="An unanswered question in the topic", topic=topic)
    tasks.send_expert_digests.call()
    link = next(w for w in str(mail.outbox[-1].body).split() if "/unsubscribe/" in w).replace(
        "http://127.0.0.1:8000", "")
    assert "Unsubscribe" in anonymous.get(link).content.decode()
    anonymous.post(link)
    assert EmailOptOut.objects.count() == 1
    assert tasks.send_expert_digests.call() == 0


def test_a_tampered_unsubscribe_link_does_nothing(anonymous: Client) -> None:
    response = anonymous.post("/community/unsubscribe/not-a-real-token/")
    assert response.status_code == 404 and not EmailOptOut.objects.exists()
