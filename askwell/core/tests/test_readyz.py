"""/healthz (live) and /readyz (database, caches, task queue) as load balancers see them."""

from __future__ import annotations

import datetime

import pytest
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone

from askwell.core import readiness

pytestmark = pytest.mark.django_db


def test_a_working_site_is_ready(anonymous: Client) -> None:
    response = anonymous.get("/readyz")
    data = response.json()
    assert response.status_code == 200 and data["status"] == "ready", data
    assert data["checks"]["database"] in {"sqlite", "postgresql"}
    assert {"cache:default", "cache:ratelimit", "task_queue"} <= set(data["checks"])
    assert "no-cache" in response["Cache-Control"]


def test_liveness_does_not_depend_on_the_database(anonymous: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(*_args: object, **_kwargs: object) -> None:
        raise DatabaseError("server closed the connection unexpectedly")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", broken)
    assert anonymous.get("/healthz").status_code == 200
    response = anonymous.get("/readyz")
    assert response.status_code == 503
    data = response.json()
    assert data["status"] == "not ready" and data["detail"].startswith("database: cannot be queried (DatabaseError)")
    assert "server closed" not in data["detail"], "error texts (hosts, SQL) stay in the logs"


def test_a_cache_that_cannot_be_read_is_not_ready(anonymous: Client, monkeypatch: pytest.MonkeyPatch) -> None:
    from django.core.cache import caches

    def unreachable(*_args: object, **_kwargs: object) -> None:
        raise ConnectionError("Error 111 connecting to 127.0.0.1:6379")

    monkeypatch.setattr(type(caches["default"]), "get", unreachable)
    response = anonymous.get("/readyz")
    assert response.status_code == 503
    assert "cache:default: cannot be read (ConnectionError)" in response.json()["detail"]


def test_a_queue_nobody_works_is_not_ready(anonymous: Client, settings: object) -> None:
    from django_tasks_db.models import DBTaskResult

    from askwell.community.tasks import send_question_confirmation

    result = send_question_confirmation.enqueue(123456)
    assert anonymous.get("/readyz").status_code == 200, "a fresh task is just waiting"
    delay = settings.ASKWELL_READY_QUEUE_DELAY_SECONDS  # type: ignore[attr-defined]
    DBTaskResult.objects.filter(pk=result.id).update(
        enqueued_at=timezone.now() - datetime.timedelta(seconds=delay + 5))
    response = anonymous.get("/readyz")
    assert response.status_code == 503
    assert response.json()["detail"] == (
        f"task_queue: 1 task(s) waiting longer than {delay} s: is `askwell db_worker` running?")
    DBTaskResult.objects.filter(pk=result.id).update(status="SUCCESSFUL")
    assert anonymous.get("/readyz").status_code == 200


def test_the_report_lists_every_problem() -> None:
    report = readiness.Readiness()
    report.passed("database", "sqlite")
    report.failed("cache:default", "cannot be read (ConnectionError)")
    report.failed("task_queue", "cannot be read (OperationalError)")
    assert not report.ready
    assert report.as_json()["detail"] == (
        "cache:default: cannot be read (ConnectionError); task_queue: cannot be read (OperationalError)")
