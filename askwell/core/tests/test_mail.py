"""An email a task sends again (its worker died after sending, the lease ran out) keeps its
Message-ID, so mail servers and clients see one message, not two."""

from __future__ import annotations

import uuid
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.mail import send_mail
from django_tasks import signals


@pytest.fixture
def through_the_wrapper(settings: object) -> None:
    settings.EMAIL_BACKEND = "askwell.core.mail.StableMessageIdBackend"  # type: ignore[attr-defined]
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.locmem.EmailBackend"  # type: ignore[attr-defined]


def run_task(task_id: str, *recipients: str) -> None:
    """What the db_worker does around a task: task_started, the task's emails, task_finished."""
    task_result = SimpleNamespace(id=task_id, task=SimpleNamespace(module_path="tests.confirm"), backend="default",
                                  status="SUCCESSFUL")
    signals.task_started.send(sender=object, task_result=task_result)
    try:
        for recipient in recipients:
            send_mail("[askwell] Confirm your question", "Please confirm.", None, [recipient])
    finally:
        signals.task_finished.send(sender=object, task_result=task_result)


def message_ids() -> list[str]:
    return [message.message()["Message-ID"] for message in mail.outbox]


@pytest.mark.usefixtures("through_the_wrapper")
def test_a_task_run_again_sends_the_same_message() -> None:
    task = str(uuid.uuid4())
    run_task(task, "asker@example.org")
    run_task(task, "asker@example.org")  # the lease ran out: the same task row runs again
    first, again = message_ids()
    assert first == again and first.startswith(f"<askwell.{task}.")


@pytest.mark.usefixtures("through_the_wrapper")
def test_different_emails_get_different_ids() -> None:
    run_task(str(uuid.uuid4()), "one@example.org", "two@example.org")  # e.g. the experts' digest
    run_task(str(uuid.uuid4()), "one@example.org")
    ids = message_ids()
    assert len(set(ids)) == 3


@pytest.mark.usefixtures("through_the_wrapper")
def test_outside_a_task_django_draws_a_fresh_id() -> None:
    send_mail("[askwell] Hello", "Body.", None, ["someone@example.org"])
    send_mail("[askwell] Hello", "Body.", None, ["someone@example.org"])
    first, second = message_ids()
    assert first != second and "askwell." not in first
