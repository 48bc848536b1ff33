"""Askers hear when their question is live; a newly verified expert is welcomed with what to
do next; moderators get a digest of what waits; experts see every question left at "Not sure"."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, Group
from django.core import mail
from django.test import Client

from askwell.accounts.models import MODERATORS_GROUP, ExpertProfile, ExpertStatus
from askwell.community import actions, tasks
from askwell.community.models import Question
from askwell.community.testing import published_question, user_of
from askwell.knowledge.models import Topic
from askwell.moderation import actions as moderation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _immediate(immediate_tasks: None) -> None:
    """Emails are sent by the queue at once, after commit."""


def test_the_asker_is_told_when_a_moderator_publishes_the_question(
    moderator: Client, django_capture_on_commit_callbacks: object
) -> None:
    question = actions.ask_question(user=AnonymousUser(), title="Cramp in my foot arch every morning",
                                    body="For a week now.", topic=None, tags=[], contact_email="asker@example.net")
    from askwell.community import tokens

    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        actions.confirm_question(tokens.make(question.pk, tokens.CONFIRM_SALT))
    question.refresh_from_db()
    assert not question.is_public  # a first question waits for a moderator
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        moderation.approve(user_of(moderator), question)
    sent = [m for m in mail.outbox if "live" in m.subject]
    assert len(sent) == 1 and sent[0].to == ["asker@example.net"]
    assert f"http://127.0.0.1:8000{question.get_absolute_url()}" in str(sent[0].body)


def test_approving_a_question_that_is_already_public_sends_nothing(moderator: Client) -> None:
    question = published_question(email="already@example.net")
    mail.outbox.clear()
    moderation.approve(user_of(moderator), question)
    assert not [m for m in mail.outbox if "live" in m.subject]


def test_a_verified_expert_is_welcomed_with_topics_two_factor_and_questions(
    member: Client, moderator: Client, django_capture_on_commit_callbacks: object
) -> None:
    profile = ExpertProfile.objects.create(user=user_of(member), profession="GP", registration_body="GMC",
                                           registration_number="7", bio="GP.")
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        moderation.verify_expert(user_of(moderator), profile)
    welcome = mail.outbox[-1]
    body = str(welcome.body)
    assert welcome.to == ["member@example.org"] and "verified expert" in welcome.subject
    # Each link comes after the words that explain it.
    assert body.index("authenticator app") < body.index("/accounts/2fa/totp/activate/")
    assert body.index("topics you follow") < body.index("/account/expert/topics/")
    assert "/account/expert/unanswered/" in body


def test_moderators_get_a_digest_of_what_waits_and_none_when_nothing_does(moderator: Client) -> None:
    assert tasks.send_moderator_digest.call() == 0
    actions.ask_question(user=AnonymousUser(), title="A question to hold here",
                         body="Body text.", topic=None, tags=[], contact_email="held@example.net")
    Question.objects.update(state="awaiting_moderation")
    group = Group.objects.get(name=MODERATORS_GROUP)
    other = get_user_model().objects.create_user("mod2", "mod2@example.org", "x")
    other.groups.add(group)
    get_user_model().objects.create_superuser("root", "admin@localhost", "x")  # cannot receive mail: skipped
    mail.outbox.clear()
    assert tasks.send_moderator_digest.call() == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["mod2@example.org", "moderator@example.org"]
    body = str(mail.outbox[0].body)
    assert "1 question to publish or reject" in body and "/moderation/" in body


def test_the_expert_sees_questions_in_their_topics_and_those_left_at_not_sure(expert: Client) -> None:
    topic, other = Topic.objects.published().order_by("pk")[:2]
    ExpertProfile.objects.get(user=user_of(expert)).topics.add(topic)
    published_question(title="A question in the followed topic", topic=topic)
    published_question(title="A question in another topic here", topic=other)
    published_question(title="A question with no topic chosen")
    page = expert.get("/account/expert/unanswered/").content.decode()
    followed = page.split('id="followed-h"')[1].split('id="not-sure-h"')[0]
    not_sure = page.split('id="not-sure-h"')[1]
    assert "A question in the followed topic" in followed and "another topic here" not in page
    assert "A question with no topic chosen" in not_sure


def test_topics_to_follow_are_in_plain_words_under_their_guide(expert: Client) -> None:
    page = expert.get("/account/expert/topics/").content.decode()
    labels = re.findall(r'<label for="id_topics_\d+">([^<]+)</label>', page)
    assert len(labels) > 20 and not [label for label in labels if "/" in label]
    assert "<legend>What causes muscle spasms and cramps</legend>" in page


def test_members_who_are_not_experts_cannot_see_the_expert_list(member: Client) -> None:
    assert member.get("/account/expert/unanswered/").status_code == 403
    assert ExpertStatus.VERIFIED  # the expert persona is verified; a member is not


def test_the_asker_hears_of_a_members_answer_once_a_moderator_publishes_it(
    member: Client, moderator: Client, django_capture_on_commit_callbacks: object
) -> None:
    question = published_question(email="waiting@example.net", title="Do cramps come from low salt?")
    answer = actions.post_answer(question, author=user_of(member), body="In my experience it was the stretching.")
    assert answer.awaiting_moderation  # a member's first answer is held
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # type: ignore[operator]
        moderation.approve(user_of(moderator), answer)
    sent = [m for m in mail.outbox if m.to == ["waiting@example.net"]]
    assert len(sent) == 1 and sent[0].subject.endswith("Someone answered your question")
    mail.outbox.clear()
    moderation.approve(user_of(moderator), answer)  # keeping it after a report: no second email
    assert not mail.outbox
