"""What /readyz checks: can this app server do its work right now?

- database: a query on the default connection;
- caches: every configured cache answers a read (the page cache, and the shared rate-limit
  cache: a database table, or Redis when REDIS_URL is set);
- task queue (database backend only): no email has been waiting longer than
  ASKWELL_READY_QUEUE_DELAY_SECONDS, which would mean no `db_worker` is working the queue.

Problems are named by component and error type only: the answer is public, so it never carries
host names, passwords or SQL.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.db.models import Q
from django.utils import timezone

log = logging.getLogger(__name__)

READ_PROBE_KEY = "askwell:readyz"


@dataclass
class Readiness:
    checks: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems

    def passed(self, name: str, note: str = "ok") -> None:
        self.checks[name] = note

    def failed(self, name: str, problem: str) -> None:
        self.checks[name] = "failed"
        self.problems.append(f"{name}: {problem}")

    def as_json(self) -> dict[str, object]:
        if self.ready:
            return {"status": "ready", "checks": self.checks}
        return {"status": "not ready", "detail": "; ".join(self.problems), "checks": self.checks}


def check_database(report: Readiness) -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception as error:  # noqa: BLE001 - any failure means not ready; its type says which
        log.warning("readyz: database check failed: %s", type(error).__name__)
        report.failed("database", f"cannot be queried ({type(error).__name__})")
        return False
    report.passed("database", connection.vendor)
    return True


def check_caches(report: Readiness, database_ok: bool) -> None:
    for alias in settings.CACHES:
        if not database_ok and "DatabaseCache" in str(settings.CACHES[alias]["BACKEND"]):
            report.failed(f"cache:{alias}", "kept in the database, which cannot be queried")
            continue
        try:
            caches[alias].get(READ_PROBE_KEY)
        except Exception as error:  # noqa: BLE001 - Redis and database caches raise their own errors
            log.warning("readyz: cache %s check failed: %s", alias, type(error).__name__)
            report.failed(f"cache:{alias}", f"cannot be read ({type(error).__name__})")
        else:
            report.passed(f"cache:{alias}")


def check_task_queue(report: Readiness, now: datetime.datetime | None = None) -> None:
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "")
    if not backend.endswith("DatabaseBackend"):
        report.passed("task_queue", "not a queue (tasks run in the web process)")
        return
    from django_tasks_db.models import DBTaskResult, get_date_max

    delay = settings.ASKWELL_READY_QUEUE_DELAY_SECONDS
    cutoff = (now or timezone.now()) - datetime.timedelta(seconds=delay)
    try:
        waiting = DBTaskResult.objects.ready()
        overdue = waiting.filter(enqueued_at__lt=cutoff).filter(
            Q(run_after=get_date_max()) | Q(run_after__lt=cutoff)
        ).count()
        backlog = waiting.count()
    except Exception as error:  # noqa: BLE001
        report.failed("task_queue", f"cannot be read ({type(error).__name__})")
        return
    if overdue:
        report.failed("task_queue", f"{overdue} task(s) waiting longer than {delay} s: is `askwell db_worker` running?")
    else:
        report.passed("task_queue", f"{backlog} waiting")


def check_all() -> Readiness:
    report = Readiness()
    database_ok = check_database(report)
    check_caches(report, database_ok)
    if database_ok:
        check_task_queue(report)
    else:
        report.failed("task_queue", "kept in the database, which cannot be queried")
    return report
