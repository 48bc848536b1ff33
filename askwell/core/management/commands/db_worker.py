"""`askwell db_worker`: django-tasks-db's worker, plus recovery of tasks whose worker died.

Recovers orphaned tasks (see askwell.core.taskqueue) once at start and then every minute in a
background thread, so a task claimed by a killed worker is run again by a live one.
"""

from __future__ import annotations

import threading
from typing import Any

from django_tasks_db.management.commands import db_worker

from askwell.core import taskqueue


class Command(db_worker.Command):
    help = "Work the email/task queue; tasks left RUNNING by a dead worker are requeued after their lease."

    # Passed on whole to django-tasks-db's handle(), which names each option it takes.
    def handle(self, *args: object, **options: Any) -> None:
        taskqueue.requeue_stale_tasks()
        stop = threading.Event()
        threading.Thread(target=taskqueue.recover_periodically, args=(stop,), name="task-recovery",
                         daemon=True).start()
        try:
            super().handle(*args, **options)
        finally:
            stop.set()
