"""Answered questions stay in step with the instant-answer index, whatever changes them."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from askwell.answers.models import SearchDocument
from askwell.answers.sync import QUESTION_SOURCES, all_questions
from askwell.community import actions
from askwell.community.models import Answer, CloseReason, Question
from askwell.community.testing import published_question, user_of
from askwell.moderation import actions as moderation


def indexed(question: Question) -> SearchDocument | None:
    return SearchDocument.objects.filter(key=f"question/{question.pk}").first()


@pytest.fixture
def answered(asker: Client, expert: Client, django_capture_on_commit_callbacks: Any) -> tuple[Question, Answer]:
    question = published_question(author=user_of(asker))
    with django_capture_on_commit_callbacks(execute=True):
        answer = actions.post_answer(question, author=user_of(expert), body="Drink water and stretch your calves.")
    question.refresh_from_db()
    assert indexed(question) is not None
    return question, answer


def moderator_user(moderator: Client) -> User:
    user: User = user_of(moderator)
    return user


def test_closing_an_answered_question_as_off_topic_or_duplicate_takes_it_out_of_the_index(
    answered: tuple[Question, Answer], moderator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, _ = answered
    with django_capture_on_commit_callbacks(execute=True):
        moderation.close(moderator_user(moderator), question, CloseReason.OFF_TOPIC, None)
    assert indexed(question) is None


def test_a_duplicate_closure_removes_it_too(answered: tuple[Question, Answer], moderator: Client,
                                           django_capture_on_commit_callbacks: Any) -> None:
    question, _ = answered
    other = published_question(title="Night cramps in both legs, why?")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.close(moderator_user(moderator), question, CloseReason.DUPLICATE, other)
    assert indexed(question) is None


def test_a_hidden_or_soft_deleted_question_leaves_the_index(answered: tuple[Question, Answer], moderator: Client,
                                                            django_capture_on_commit_callbacks: Any) -> None:
    question, _ = answered
    with django_capture_on_commit_callbacks(execute=True):
        moderation.reject(moderator_user(moderator), question, "spam")
    assert indexed(question) is None


def test_removing_the_author_removes_their_answered_questions_from_the_index(
    answered: tuple[Question, Answer], moderator: Client, asker: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, _ = answered
    with django_capture_on_commit_callbacks(execute=True):
        moderation.remove_user_and_content(moderator_user(moderator), user_of(asker), "spammer")
    assert indexed(question) is None


def test_editing_the_expert_answer_re_indexes_the_question_with_the_new_text(
    answered: tuple[Question, Answer], expert: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, answer = answered
    document = indexed(question)
    assert document is not None and "stretch your calves" in document.body
    with django_capture_on_commit_callbacks(execute=True):
        actions.edit_answer(answer, editor=user_of(expert), body="Magnesium rarely helps; gentle stretching does.")
    document = indexed(question)
    assert document is not None and "gentle stretching" in document.body and "stretch your calves" not in document.body


def test_hiding_the_only_expert_answer_drops_its_text_from_the_index(
    answered: tuple[Question, Answer], moderator: Client, django_capture_on_commit_callbacks: Any
) -> None:
    question, answer = answered
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator_user(moderator), answer, "wrong")
    document = indexed(question)
    assert document is None or "stretch your calves" not in document.body


def test_reindex_gets_every_answered_visible_question_from_the_registered_source(
    answered: tuple[Question, Answer], django_capture_on_commit_callbacks: Any
) -> None:
    question, _ = answered
    unanswered = published_question(title="Why does my eyelid twitch all day?")
    assert actions.answered_questions in QUESTION_SOURCES
    rows = {row[0]: row for row in all_questions()}
    assert question.pk in rows and unanswered.pk not in rows
    assert rows[question.pk][1] == question.title and rows[question.pk][3] == question.get_absolute_url()
    assert "stretch your calves" in rows[question.pk][2]
    with django_capture_on_commit_callbacks(execute=True):
        actions.delete_question(question, actor=question.author)  # type: ignore[arg-type]
    assert question.pk not in {row[0] for row in all_questions()}


def test_the_reindex_progress_total_counts_exactly_the_answered_questions(answered: tuple[Question, Answer]) -> None:
    from askwell.answers.sync import question_total

    published_question(title="Unanswered: why does my thumb twitch?")
    assert question_total() == len(list(all_questions())) == 1
