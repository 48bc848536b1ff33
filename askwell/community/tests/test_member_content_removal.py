"""One function removes a member's content: account deletion ("remove my posts") and a
moderator's "remove user" take down the same things, and the text leaves the search index."""

from __future__ import annotations

from typing import Any
from unittest import mock

import pytest
from django.contrib.auth.models import User
from django.test import Client

from askwell.answers.models import SearchDocument
from askwell.community import actions
from askwell.community.models import Answer, Comment, CommentStatus, Question
from askwell.community.testing import published_question, user_of
from askwell.moderation import actions as moderation

pytestmark = pytest.mark.django_db

ANSWER = "Drink water and stretch your calves."


def indexed_body(question: Question) -> str | None:
    document = SearchDocument.objects.filter(key=f"question/{question.pk}").first()
    return None if document is None else document.body


@pytest.fixture
def expert_answer(asker: Client, expert: Client, django_capture_on_commit_callbacks: Any) -> tuple[Question, User]:
    question = published_question(author=user_of(asker))
    author: User = user_of(expert)
    with django_capture_on_commit_callbacks(execute=True):
        actions.post_answer(question, author=author, body=ANSWER)
    assert ANSWER.split()[0] in (indexed_body(question) or "")
    return question, author


def test_deleting_an_account_with_its_posts_takes_the_answer_out_of_the_index(
    expert_answer: tuple[Question, User], expert: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, _ = expert_answer
    with django_capture_on_commit_callbacks(execute=True):
        response = expert.post("/account/delete/", {"posts": "remove", "confirm": "on"})
    assert response.status_code == 302
    assert not Answer.objects.filter(question=question, deleted_at__isnull=True).exists()
    body = indexed_body(question)
    assert body is None or "stretch your calves" not in body


def test_a_moderators_removal_takes_the_answer_out_of_the_index_too(
    expert_answer: tuple[Question, User], moderator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, author = expert_answer
    with django_capture_on_commit_callbacks(execute=True):
        moderation.remove_user_and_content(user_of(moderator), author, "spammer")
    body = indexed_body(question)
    assert body is None or "stretch your calves" not in body


def test_both_paths_use_the_one_function(expert_answer: tuple[Question, User], moderator: Client) -> None:
    from askwell.accounts.actions import delete_account

    _, author = expert_answer
    with mock.patch("askwell.community.actions.remove_member_content",
                    wraps=actions.remove_member_content) as remove:
        moderation.remove_user_and_content(user_of(moderator), author, "spammer")
        delete_account(author, remove_posts=True)
    assert [call.kwargs["actor"].pk for call in remove.call_args_list] == [user_of(moderator).pk, author.pk]


def test_removal_covers_questions_and_comments_left_under_their_address(
    asker: Client, expert_answer: tuple[Question, User]
) -> None:
    user: User = user_of(asker)
    answer = Answer.objects.get(question=expert_answer[0])
    comment = Comment.objects.create(answer=answer, name="Someone", email=user.email.upper(),
                                     body="Left while signed out.", status=CommentStatus.VISIBLE)
    counts = actions.remove_member_content(user, actor=user)
    assert counts == {"questions": 1, "answers": 0, "comments": 1}
    assert not Question.objects.filter(author=user, deleted_at__isnull=True).exists()
    comment.refresh_from_db()
    assert comment.status == CommentStatus.REJECTED
