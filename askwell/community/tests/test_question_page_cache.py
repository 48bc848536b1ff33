"""The question page: a query count that does not grow with answers or comments, one comment
and report form per answer (rendered once, copied per answer), cached for anonymous readers and
shown afresh after every write that changes it."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from askwell.community import actions
from askwell.community.models import Answer, Comment, CommentStatus, Question, QuestionState
from askwell.community.testing import published_question
from askwell.test import ROLE_SETUP

pytestmark = pytest.mark.django_db

Capture = Callable[..., Any]


def new_expert(name: str) -> Any:
    user = get_user_model().objects.create_user(username=name, email=f"{name}@example.org",
                                                password="correct horse battery staple")
    for setup in ROLE_SETUP["expert"]:
        setup(user)
    return user


def answered(question: Question, answers: int, comments_each: int) -> list[Answer]:
    made = []
    for number in range(answers):
        answer = actions.post_answer(question, author=new_expert(f"expert{question.pk}x{number}"),
                                     body=f"Answer {number}: stretch the calf gently and hold it for thirty seconds.")
        for reply in range(comments_each):
            Comment.objects.create(answer=answer, name=f"Reader {reply}", email="reader@example.org",
                                   body="Thanks, this helped.", body_html="<p>Thanks, this helped.</p>",
                                   status=CommentStatus.VISIBLE)
        made.append(answer)
    return made


def queries_for(client: Client, url: str) -> int:
    client.get(url)  # warm: sessions, site settings
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    assert captured.captured_queries, "the page cache is off: the page reads the database"
    return len(captured.captured_queries)


@pytest.mark.parametrize("persona_name", ["anonymous", "member"])
def test_the_query_count_does_not_grow_with_answers_or_comments(persona_name: str, settings: Any) -> None:
    settings.CACHE_PAGES_SECONDS = 0  # measure the rendering, not the page cache
    from askwell.test import client_for

    client = client_for(persona_name)
    small, large = published_question(), published_question(title="Why does my foot cramp when I swim?")
    answered(small, answers=1, comments_each=0)
    answered(large, answers=10, comments_each=3)
    assert queries_for(client, small.get_absolute_url()) == queries_for(client, large.get_absolute_url())


def test_every_answer_gets_its_own_comment_and_report_form(anonymous: Client, settings: Any) -> None:
    settings.CACHE_PAGES_SECONDS = 0
    question = published_question()
    answers = answered(question, answers=3, comments_each=1)
    html = anonymous.get(question.get_absolute_url()).content.decode()
    for answer in answers:
        assert f'action="/community/comments/answer/{answer.pk}/"' in html
        assert f'id="reply-answer-{answer.pk}"' in html
        assert f'id="id_answer{answer.pk}_comment"' in html
        assert f'action="/community/flag/answer/{answer.pk}/"' in html
    ids = re.findall(r'\sid="([^"]+)"', html)
    assert len(ids) == len(set(ids)), "element ids are unique on the page"
    assert "987654321012345" not in html


def test_an_anonymous_question_page_is_cached_until_an_answer_comes(
    anonymous: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    question = published_question()
    url = question.get_absolute_url()
    assert anonymous.get(url)["X-Page-Cache"] == "miss"
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        answer = answered(question, answers=1, comments_each=0)[0]
    response = anonymous.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert answer.body_html in response.content.decode()


@pytest.mark.parametrize("write", ["comment", "edit", "vote", "approve_answer", "accept", "close"])
def test_every_write_that_changes_the_page_shows_at_once(
    write: str, anonymous: Client, django_capture_on_commit_callbacks: Capture
) -> None:
    question = published_question()
    answer = answered(question, answers=1, comments_each=0)[0]
    url = question.get_absolute_url()
    before = anonymous.get(url).content.decode()
    assert anonymous.get(url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        if write == "comment":
            Comment.objects.create(answer=answer, name="Sam", email="sam@example.org", body="Same for me.",
                                   body_html="<p>Same for me, new comment.</p>", status=CommentStatus.VISIBLE)
            expected = "Same for me, new comment."
        elif write == "edit":
            actions.edit_question(question, editor=AnonymousUser(), title="Calf cramps every night, edited",
                                  body=question.body, topic=None, tags=[])
            expected = "Calf cramps every night, edited"
        elif write == "vote":
            member = get_user_model().objects.create_user(username="voter", email="v@example.org", password="x")
            actions.vote_helpful(answer, user=member)
            expected = "1 found this helpful"
        elif write == "approve_answer":
            member = get_user_model().objects.create_user(username="newcomer", email="n@example.org", password="x")
            held = actions.post_answer(question, author=member, body="Held until a moderator approves it.")
            assert held.hidden
            actions.publish_answer(held)
            expected = held.body_html
        elif write == "accept":
            actions.accept_answer(question, answer)
            expected = "Accepted by the asker"
        else:
            actions.close_question(question, reason="off_topic")
            question.refresh_from_db()
            expected = question.get_close_reason_display()
    assert expected not in before
    after = anonymous.get(url)
    assert after["X-Page-Cache"] == "miss"
    assert expected in after.content.decode()


def test_a_question_only_its_asker_may_see_is_never_cached(asker: Client) -> None:
    from askwell.community.testing import user_of

    question = published_question(author=user_of(asker))
    Question.objects.filter(pk=question.pk).update(state=QuestionState.AWAITING_MODERATION)
    first = asker.get(question.get_absolute_url())
    assert first.status_code == 200
    assert "X-Page-Cache" not in first
    assert Client().get(question.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("path", ["question", "/questions/", "/questions/?topic=faq/night-spasms"])
def test_a_cached_hit_touches_no_database(path: str, anonymous: Client) -> None:
    question = published_question()
    url = question.get_absolute_url() if path == "question" else path
    assert anonymous.get(url).status_code == 200
    with CaptureQueriesContext(connection) as captured:
        hit = anonymous.get(url)
    assert hit["X-Page-Cache"] == "hit"
    assert captured.captured_queries == []
