"""The page after an asker confirms by the emailed link is no dead end (issue 13): it says what
happens next and links to the question, whether it waits for a moderator or is live at once."""

from __future__ import annotations

import re
from typing import Any

from django.core import mail
from django.test import Client

from askwell.community.models import Question, QuestionState
from askwell.community.testing import ask, published_question


def confirm_by_email(client: Client) -> str:
    link = re.search(r"http://\S*/questions/confirm/\S*", str(mail.outbox[-1].body))
    assert link, mail.outbox[-1].body
    return client.post("/" + link.group(0).split("/", 3)[3]).content.decode()


def test_a_first_question_waiting_for_a_moderator_says_so_and_where_it_will_be(
    anonymous: Client, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        ask(anonymous, email="first.time@example.net")
    page = confirm_by_email(anonymous)
    question = Question.objects.get()
    assert question.state == QuestionState.AWAITING_MODERATION
    assert "A moderator will check it" in page and "we email you that it is live" in page
    assert f'href="{question.get_absolute_url()}"' in page
    assert "first.time@example.net" not in page


def test_a_question_from_someone_published_before_links_straight_to_it(
    anonymous: Client, django_capture_on_commit_callbacks: Any
) -> None:
    published_question(title="An earlier question about cramps", email="returning@example.net")
    with django_capture_on_commit_callbacks(execute=True):
        ask(
            anonymous,
            email="returning@example.net",
            title="Why do my feet cramp when I swim?",
            body="Only in cold water, both arches.",
        )
    page = confirm_by_email(anonymous)
    question = Question.objects.get(title__startswith="Why do my feet")
    assert question.state == QuestionState.OPEN
    assert "It is published now" in page
    assert f'<a class="button" href="{question.get_absolute_url()}">See your question' in page
