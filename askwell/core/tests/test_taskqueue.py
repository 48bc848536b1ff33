"""The task queue is crash-safe: a task claimed by a worker that died is run again."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.management import call_command
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from askwell.community import actions
from askwell.core import taskqueue

pytestmark = pytest.mark.django_db
DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def claimed_by_a_dead_worker(settings: Any, minutes_ago: float, claims: int = 1) -> DBTaskResult:
    settings.TASKS = DATABASE_QUEUE
    question = actions.ask_question(user=AnonymousUser(), title="Why do my calves cramp at night?",
                                    body="Every night.", topic=None, tags=[], contact_email="asker@example.org")
    row = DBTaskResult.objects.get(task_path__endswith="send_question_confirmation")
    assert row.args_kwargs["args"] == [question.pk]
    for number in range(claims):
        row.claim(f"worker-{number}")
    DBTaskResult.objects.filter(pk=row.pk).update(started_at=timezone.now() - datetime.timedelta(minutes=minutes_ago))
    return row


def test_a_task_whose_lease_ran_out_goes_back_to_ready_and_is_sent(settings: Any, mailoutbox: list[Any]) -> None:
    settings.ASKWELL_TASK_LEASE_SECONDS = 600
    row = claimed_by_a_dead_worker(settings, minutes_ago=11)
    assert taskqueue.requeue_stale_tasks() == (1, 0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.READY and DBTaskResult.objects.ready().filter(pk=row.pk).exists()
    worker = db_worker.Worker(queue_names=["*"], interval=0, batch=True, backend_name="default",
                              startup_delay=False, max_tasks=None, worker_id="live-worker")
    row.claim("live-worker")
    worker.run_task(row)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.SUCCESSFUL
    assert [message.subject for message in mailoutbox] == ["[askwell] Confirm your question"]


def test_a_task_still_within_its_lease_is_left_to_its_worker(settings: Any) -> None:
    settings.ASKWELL_TASK_LEASE_SECONDS = 600
    row = claimed_by_a_dead_worker(settings, minutes_ago=5)
    assert taskqueue.requeue_stale_tasks() == (0, 0)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.RUNNING


def test_a_task_that_keeps_killing_its_worker_is_given_up(settings: Any) -> None:
    row = claimed_by_a_dead_worker(settings, minutes_ago=60, claims=taskqueue.MAX_ATTEMPTS)
    assert taskqueue.requeue_stale_tasks() == (0, 1)
    row.refresh_from_db()
    assert row.status == TaskResultStatus.FAILED


def test_db_worker_recovers_orphaned_tasks_when_it_starts(settings: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    row = claimed_by_a_dead_worker(settings, minutes_ago=30)
    ran: list[str] = []
    monkeypatch.setattr(db_worker.Worker, "run", lambda worker: ran.append(worker.worker_id))
    call_command("db_worker", "--batch", "--no-startup-delay", "--worker-id", "w1", verbosity=0)
    row.refresh_from_db()
    assert ran == ["w1"] and row.status == TaskResultStatus.READY
