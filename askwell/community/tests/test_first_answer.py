"""A member's first answer waits for a moderator, as a first question does; experts' answers never wait."""

from __future__ import annotations

from typing import Any

import pytest
from django.test import Client

from askwell.community.models import Answer, Question, QuestionState
from askwell.community.testing import guard, published_question, user_of
from askwell.knowledge.models import Topic
from askwell.moderation import actions as moderation

BODY = "From my own experience, stretching before bed helps a lot."


@pytest.fixture
def open_question(moderator: Client) -> Question:
    topic = Topic.objects.published().first()
    assert topic is not None
    moderation.set_topic_policy(user_of(moderator), topic, True)
    question: Question = published_question(topic=topic)
    return question


def test_a_members_first_answer_is_held_and_shown_in_the_moderation_queue(
    member: Client, anonymous: Client, moderator: Client, open_question: Question
) -> None:
    response = member.post(f"/questions/{open_question.pk}/answer/", guard(body=BODY), follow=True)
    assert "a moderator checks it before it appears" in response.content.decode()
    answer = Answer.objects.get(author=user_of(member))
    assert answer.awaiting_moderation and answer.hidden
    assert BODY not in anonymous.get(open_question.get_absolute_url()).content.decode()
    open_question.refresh_from_db()
    assert open_question.state == QuestionState.OPEN
    queue = moderator.get("/moderation/").content.decode()
    assert f'id="queue-answer-{answer.pk}"' in queue and BODY in queue


def test_approving_a_held_answer_publishes_it_and_marks_the_question_answered(
    member: Client, anonymous: Client, moderator: Client, open_question: Question,
    django_capture_on_commit_callbacks: Any,
) -> None:
    member.post(f"/questions/{open_question.pk}/answer/", guard(body=BODY))
    answer = Answer.objects.get(author=user_of(member))
    with django_capture_on_commit_callbacks(execute=True):
        moderator.post(f"/moderation/answer/{answer.pk}/approve/", {"reason": ""})
    answer.refresh_from_db()
    open_question.refresh_from_db()
    assert not answer.awaiting_moderation and not answer.hidden
    assert open_question.state == QuestionState.ANSWERED
    assert BODY in anonymous.get(open_question.get_absolute_url()).content.decode()
    assert f'id="queue-answer-{answer.pk}"' not in moderator.get("/moderation/").content.decode()


def test_a_member_who_has_published_before_and_an_expert_are_not_held(
    member: Client, expert: Client, open_question: Question
) -> None:
    published_question(title="Cramp in my foot after running", author=user_of(member))
    member.post(f"/questions/{open_question.pk}/answer/", guard(body=BODY))
    expert.post(f"/questions/{open_question.pk}/answer/", guard(body="As a physiotherapist: calf stretches help."))
    assert not Answer.objects.filter(awaiting_moderation=True).exists()
    assert Answer.objects.filter(hidden=False).count() == 2
