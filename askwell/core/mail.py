"""Emails sent by a task carry a Message-ID that stays the same when the task runs again.

The task queue is at least once: a worker killed between an email leaving and its task being
marked done runs the task again after its lease (askwell/core/taskqueue.py), and the email
leaves a second time. Nothing on our side can close that window for SMTP, so the second copy is
made the *same message*: its Message-ID is derived from the task's id (the same row is re-run)
and the message's recipients and subject, not drawn at random. Mail servers and clients treat
two deliveries with one Message-ID as one message (RFC 5322 section 3.6.4), and anyone counting
can tell a repeat from a second email.

EMAIL_BACKEND in the environment still names the backend that delivers (SMTP, console, file);
settings.EMAIL_BACKEND is this wrapper around it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from contextvars import ContextVar
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.backends.base import BaseEmailBackend

if TYPE_CHECKING:
    from django_tasks.base import TaskResult

# The id of the task the current thread is running (a db_worker runs one at a time).
running_task: ContextVar[str | None] = ContextVar("askwell_running_task", default=None)


def task_started(sender: object, task_result: TaskResult[object], **_kwargs: object) -> None:
    running_task.set(str(task_result.id))


def task_finished(sender: object, task_result: TaskResult[object], **_kwargs: object) -> None:
    running_task.set(None)


def connect_task_signals() -> None:
    from django_tasks import signals

    signals.task_started.connect(task_started, dispatch_uid="askwell.core.mail.task_started")
    signals.task_finished.connect(task_finished, dispatch_uid="askwell.core.mail.task_finished")


def stable_message_id(task_id: str, message: EmailMessage) -> str:
    recipients = ",".join(sorted(address.strip().lower() for address in message.recipients()))
    digest = hashlib.sha256(f"{recipients}\n{message.subject}".encode()).hexdigest()[:20]
    host = urlsplit(settings.SITE_URL).hostname or "localhost"
    return f"<askwell.{task_id}.{digest}@{host}>"


class StableMessageIdBackend(BaseEmailBackend):
    """Delivers through settings.EMAIL_DELIVERY_BACKEND; inside a task, each message's
    Message-ID is stable_message_id() unless the sender set one."""

    def __init__(self, fail_silently: bool = False, **kwargs: object) -> None:
        super().__init__(fail_silently=fail_silently)
        self.delivery = get_connection(settings.EMAIL_DELIVERY_BACKEND, fail_silently=fail_silently, **kwargs)

    def open(self) -> bool | None:
        return self.delivery.open()

    def close(self) -> None:
        self.delivery.close()

    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        task_id = running_task.get()
        if task_id is not None:
            for message in email_messages:
                if not any(name.lower() == "message-id" for name in message.extra_headers):
                    message.extra_headers["Message-ID"] = stable_message_id(task_id, message)
        return int(self.delivery.send_messages(email_messages) or 0)
