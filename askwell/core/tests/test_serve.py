"""`askwell serve` with several gunicorn workers, end to end, on the database the suite runs on.

`askwell` checks migrations and packs in the gunicorn master before it forks; a connection left
open there is inherited by every worker, which then share one PostgreSQL socket (queries and
transactions of different requests interleave: 500s, lost writes, another request's id) or one
SQLite handle. The server starts on a scratch database and a free loopback port, gets concurrent
reads and writes, and every response must be a success with its own id. The workers also share
one rate limit (no Redis: it counts in the database): of the writes from this one address,
exactly the limit is accepted. Bounded: about 20 s.
"""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[3]
WRITES = 5  # the per-IP question limit: these are accepted ...
REFUSED = 3  # ... and these refused, whichever worker they reach
READS = 52


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
def scratch_database(tmp_path: Path) -> Iterator[tuple[str, object]]:
    """(DATABASE_URL, a function giving the stored question ids) for a new, empty database."""
    default = settings.DATABASES["default"]
    if default["ENGINE"].endswith("sqlite3"):
        path = tmp_path / "serve.sqlite3"

        def sqlite_ids() -> list[int]:
            import sqlite3

            with sqlite3.connect(path) as db:
                return [row[0] for row in db.execute("SELECT id FROM community_question")]

        yield f"sqlite:///{path}", sqlite_ids
        return
    import psycopg

    params = {"host": default["HOST"] or "127.0.0.1", "port": default["PORT"] or 5432, "user": default["USER"],
              "password": default["PASSWORD"]}
    name = f"askwell_serve_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')

    def postgres_ids() -> list[int]:
        with psycopg.connect(dbname=name, **params) as db:
            return [row[0] for row in db.execute("SELECT id FROM community_question")]

    password = f":{params['password']}" if params["password"] else ""
    try:
        yield f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}", postgres_ids
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def request(url: str, payload: dict[str, object] | None = None) -> tuple[int | str, dict[str, object] | None]:
    data = json.dumps(payload).encode() if payload is not None else None
    req = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"},
                                 method="POST" if payload is not None else "GET")
    try:
        with urllib.request.urlopen(req, timeout=20) as response:
            return response.status, json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, None
    except OSError as error:
        return type(error).__name__, None


def test_serve_with_several_workers_gives_every_request_its_own_connection(
    scratch_database: tuple[str, object], tmp_path: Path
) -> None:
    database_url, stored_ids = scratch_database
    port = free_port()
    environment = {k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}}
    environment.update({"DATABASE_URL": database_url, "ASKWELL_DATA_DIR": str(tmp_path), "LOG_LEVEL": "WARNING"})
    server = subprocess.Popen(
        [sys.executable, "-m", "askwell.cli", "serve", "--port", str(port), "--workers", "3", "--no-worker",
         "--no-collectstatic"],
        cwd=REPO, env=environment, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90  # a fresh database is migrated and the packs loaded first
        while request(f"{base}/healthz")[0] != 200:
            assert server.poll() is None, server.communicate()[0]
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

        def one(i: int) -> tuple[int | str, dict[str, object] | None]:
            if i < WRITES + REFUSED:
                return request(f"{base}/api/v1/questions", {
                    "title": f"Why do my calves cramp at night, case {i}", "body": f"Every night, case {i}.",
                    "email": f"asker{i}@example.org"})
            return request(f"{base}/api/v1/questions?limit=5")

        with ThreadPoolExecutor(max_workers=30) as pool:
            results = list(pool.map(one, range(WRITES + REFUSED + READS)))
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    statuses = [status for status, _ in results]
    assert statuses.count(200) == READS and statuses.count(201) == WRITES, (statuses, output[-3000:])
    assert statuses.count(429) == REFUSED, "one rate limit for all workers"
    ids = [int(body["id"]) for status, body in results if status == 201 and body is not None]
    assert len(set(ids)) == WRITES, f"each write got its own id: {ids}"
    assert sorted(stored_ids()) == sorted(ids), "every acknowledged question is stored, once"  # type: ignore[operator]
