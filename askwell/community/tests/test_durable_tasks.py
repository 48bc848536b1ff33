"""A question and its confirmation task are written in one transaction (so are an answer and its
notification): a crash can no longer leave a question with no confirmation email, which its asker
could never retry past the duplicate check."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from askwell.community import actions
from askwell.community.models import Question

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def ask() -> Question:
    return actions.ask_question(user=AnonymousUser(), title="Why do my calves cramp at night?",
                                body="Every night.", topic=None, tags=[], contact_email="asker@example.org")


def test_the_confirmation_task_is_stored_with_the_question_before_any_commit(settings: Any) -> None:
    settings.TASKS = DATABASE_QUEUE
    # Inside the test's transaction nothing commits, so on-commit work never happens: the task
    # must be part of the question's own transaction.
    question = ask()
    task = DBTaskResult.objects.get()
    assert task.task_path.endswith("send_question_confirmation") and task.args_kwargs["args"] == [question.pk]


def test_a_rolled_back_question_leaves_no_task(settings: Any) -> None:
    settings.TASKS = DATABASE_QUEUE

    class Crash(Exception):
        pass

    with pytest.raises(Crash), transaction.atomic():
        ask()
        raise Crash
    assert not Question.objects.exists() and not DBTaskResult.objects.exists()


def test_the_immediate_backend_still_sends_only_after_the_commit(mailoutbox: list[Any],
                                                                 django_capture_on_commit_callbacks: Any) -> None:
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        ask()
    assert mailoutbox == [] and callbacks
    for callback in callbacks:
        callback()
    assert [message.subject for message in mailoutbox] == ["[askwell] Confirm your question"]


def test_a_retry_gets_through_when_the_question_never_got_its_confirmation_task(settings: Any) -> None:
    settings.TASKS = DATABASE_QUEUE
    question = ask()
    DBTaskResult.objects.all().delete()  # as when the process died between the commit and an on-commit enqueue
    again = ask()
    assert again.pk == question.pk and Question.objects.count() == 1
    task = DBTaskResult.objects.get()
    assert task.args_kwargs["args"] == [question.pk]
    with pytest.raises(actions.DuplicatePost):
        ask()  # its email is on its way now: a further repeat is a duplicate again
    assert DBTaskResult.objects.count() == 1
