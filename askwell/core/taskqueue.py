"""Crash safety for the database task queue (django-tasks-db).

django-tasks-db marks a task RUNNING when a worker claims it and nothing else ever looks at it
again, so a worker killed mid-task (kill -9, OOM, a lost machine) leaves the task RUNNING for
ever. The library has no lease or heartbeat yet (django-tasks issue #46), so askwell adds the
usual one: a task RUNNING for longer than ASKWELL_TASK_LEASE_SECONDS is presumed orphaned and
goes back to READY, to be run again (at least once: an email whose worker died after sending it
may be sent twice, never lost). A task that has been claimed MAX_ATTEMPTS times without finishing
(it kills its worker) is marked FAILED instead of looping. `askwell db_worker` runs this at start
and then every minute.
"""

from __future__ import annotations

import datetime
import logging
import threading

from django.conf import settings
from django.db import DatabaseError, connections, transaction
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
RECOVERY_INTERVAL_SECONDS = 60.0


@transaction.atomic
def requeue_stale_tasks(now: datetime.datetime | None = None) -> tuple[int, int]:
    """(requeued, failed): RUNNING tasks whose lease ran out go back to READY, or FAILED after MAX_ATTEMPTS."""
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=settings.ASKWELL_TASK_LEASE_SECONDS)
    stale = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    )
    requeued = failed = 0
    for task in stale:
        if len(task.worker_ids or []) >= MAX_ATTEMPTS:
            task.status = TaskResultStatus.FAILED
            task.finished_at = timezone.now()
            task.exception_class_path = "askwell.core.taskqueue.LeaseExpired"
            task.traceback = f"claimed {len(task.worker_ids)} times; no worker finished it"
            task.save(update_fields=["status", "finished_at", "exception_class_path", "traceback"])
            failed += 1
        else:
            task.status = TaskResultStatus.READY
            task.started_at = None
            task.save(update_fields=["status", "started_at"])
            requeued += 1
    if requeued or failed:
        log.warning("task queue: %d orphaned task(s) requeued, %d given up after %d attempts",
                    requeued, failed, MAX_ATTEMPTS)
    return requeued, failed


def recover_periodically(stop: threading.Event, every: float = RECOVERY_INTERVAL_SECONDS) -> None:
    """Body of the db_worker's recovery thread (which has its own database connection)."""
    while not stop.wait(every):
        try:
            requeue_stale_tasks()
        except DatabaseError:
            log.exception("task queue: recovering orphaned tasks failed; will try again")
        finally:
            connections.close_all()  # this thread's connections only
