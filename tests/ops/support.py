"""What the operations tests share: scratch databases, real `askwell serve` processes on free
loopback ports, a small HTTP client that can speak from any 127.x.y.z address, and the emails
the file backend wrote.

Every server runs in its own process group, so a test can kill -9 it whole (gunicorn master,
workers and the db_worker beside them) as a crash would. Nothing here leaves loopback.
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Self

import pytest

REPO = Path(__file__).resolve().parents[2]
ASKWELL = [sys.executable, "-m", "askwell.cli"]
SECRET_KEY = "ops-tests-" + "k" * 50  # one key for every instance: sessions and CSRF cross instances


class Workers:
    """Threads that run until the `with` block ends: `targets` each start one thread, and
    leaving the block sets `stop` and waits for them (at most `join_timeout` seconds each)."""

    join_timeout = 30.0

    def __init__(self, targets: Sequence[Callable[[], object]]) -> None:
        self.stop = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=target, daemon=True) for target in targets]

    def __enter__(self) -> Self:
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self.stop.set()
        for thread in self.threads:
            thread.join(timeout=self.join_timeout)


def in_ci() -> bool:
    return os.environ.get("CI") == "true"


def require(condition: bool, reason: str) -> None:
    """Skip with the reason on a developer's machine; in CI (CI=true) a missing piece fails."""
    if not condition:
        if in_ci():
            pytest.fail(f"CI=true: {reason}")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def client_address(n: int) -> str:
    """The n-th loopback source address (127.1.0.1, 127.1.0.2, ...): each looks like another person
    to per-IP rate limits, and Linux routes all of 127/8 to the loopback interface."""
    return f"127.1.{n // 250}.{n % 250 + 1}"


# --- databases ---------------------------------------------------------------------------


@dataclass
class ScratchDatabase:
    url: str
    vendor: str
    sqlite_path: Path | None = None
    pg_name: str = ""
    pg_params: dict[str, Any] = field(default_factory=dict)

    def rows(self, sql: str, params: Sequence[object] = ()) -> list[tuple[Any, ...]]:
        if self.sqlite_path is not None:
            with sqlite3.connect(self.sqlite_path) as db:
                return list(db.execute(sql.replace("%s", "?"), params))
        import psycopg

        with psycopg.connect(dbname=self.pg_name, **self.pg_params) as db:
            return list(db.execute(sql, params))  # type: ignore[call-overload]

    def drop(self) -> None:
        if self.sqlite_path is not None:
            for suffix in ("", "-wal", "-shm"):
                Path(f"{self.sqlite_path}{suffix}").unlink(missing_ok=True)
            return
        import psycopg

        with psycopg.connect(dbname="postgres", autocommit=True, **self.pg_params) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{self.pg_name}" WITH (FORCE)')


def suite_vendor() -> str:
    from django.conf import settings

    return "sqlite" if settings.DATABASES["default"]["ENGINE"].endswith("sqlite3") else "postgresql"


def pg_params() -> dict[str, Any]:
    from django.conf import settings

    default = settings.DATABASES["default"]
    return {"host": default["HOST"] or "127.0.0.1", "port": default["PORT"] or 5432, "user": default["USER"],
            "password": default["PASSWORD"]}


def pg_url(params: dict[str, Any], name: str) -> str:
    password = f":{params['password']}" if params["password"] else ""
    return f"postgres://{params['user']}{password}@{params['host']}:{params['port']}/{name}"


class DatabaseFactory:
    """Migrates and loads the packs once (a template), then hands out copies in a moment."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.vendor = suite_vendor()
        self.made: list[ScratchDatabase] = []
        self.template = self._new("template")
        environment = askwell_environment(directory, self.template.url)
        for command in (["migrate", "--noinput"], ["loadcontent"]):
            done = subprocess.run([*ASKWELL, *command], cwd=REPO, env=environment, capture_output=True, text=True,
                                  timeout=300)
            assert done.returncode == 0, f"askwell {' '.join(command)} failed:\n{done.stderr[-3000:]}"

    def _new(self, purpose: str) -> ScratchDatabase:
        name = f"askwell_ops_{purpose}_{uuid.uuid4().hex[:10]}"
        if self.vendor == "sqlite":
            path = self.directory / f"{name}.sqlite3"
            database = ScratchDatabase(url=f"sqlite:///{path}", vendor="sqlite", sqlite_path=path)
        else:
            import psycopg

            params = pg_params()
            with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
                template = f' TEMPLATE "{self.template.pg_name}"' if purpose != "template" else ""
                admin.execute(f'CREATE DATABASE "{name}"{template}')
            database = ScratchDatabase(url=pg_url(params, name), vendor="postgresql", pg_name=name, pg_params=params)
        self.made.append(database)
        return database

    def copy(self, purpose: str) -> ScratchDatabase:
        database = self._new(purpose)
        if database.sqlite_path is not None:
            assert self.template.sqlite_path is not None
            with sqlite3.connect(self.template.sqlite_path) as source, sqlite3.connect(database.sqlite_path) as target:
                source.backup(target)
        return database

    def empty(self, purpose: str) -> ScratchDatabase:
        """A database with nothing in it (SQLite: not even the file)."""
        if self.vendor == "sqlite":
            path = self.directory / f"askwell_ops_{purpose}_{uuid.uuid4().hex[:10]}.sqlite3"
            database = ScratchDatabase(url=f"sqlite:///{path}", vendor="sqlite", sqlite_path=path)
            self.made.append(database)
            return database
        import psycopg

        params = pg_params()
        name = f"askwell_ops_{purpose}_{uuid.uuid4().hex[:10]}"
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')
        database = ScratchDatabase(url=pg_url(params, name), vendor="postgresql", pg_name=name, pg_params=params)
        self.made.append(database)
        return database

    def drop_all(self) -> None:
        for database in reversed(self.made):
            database.drop()


@pytest.fixture(scope="session")
def databases(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DatabaseFactory]:
    factory = DatabaseFactory(tmp_path_factory.mktemp("ops-databases"))
    try:
        yield factory
    finally:
        factory.drop_all()


# --- servers -----------------------------------------------------------------------------


def askwell_environment(data_dir: Path, database_url: str, **extra: str) -> dict[str, str]:
    """The environment of an askwell process: this database, no Redis unless given, emails
    written to files under data_dir/mail, forms accepted at once (the fill time is tested elsewhere)."""
    environment = {k: v for k, v in os.environ.items()
                   if k not in {"REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE", "DJANGO_SETTINGS_MODULE"}}
    environment.update({
        "DATABASE_URL": database_url, "ASKWELL_DATA_DIR": str(data_dir), "SECRET_KEY": SECRET_KEY,
        "LOG_LEVEL": "WARNING", "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(data_dir / "mail"), "ASKWELL_MIN_FILL_SECONDS": "0", "STATIC_MANIFEST": "0",
    })
    environment.update(extra)
    return environment


class Server:
    """`askwell serve` in its own process group on a free loopback port."""

    def __init__(self, name: str, data_dir: Path, environment: dict[str, str], workers: int = 2,
                 task_worker: bool = True) -> None:
        self.name = name
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.environment = environment
        self.workers = workers
        self.task_worker = task_worker
        self.log = data_dir / f"{name}.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout: float = 60) -> None:
        arguments = ["serve", "--port", str(self.port), "--workers", str(self.workers), "--no-collectstatic"]
        if not self.task_worker:
            arguments.append("--no-worker")
        with self.log.open("ab") as log:
            self.process = subprocess.Popen([*ASKWELL, *arguments], cwd=REPO, env=self.environment, stdout=log,
                                            stderr=subprocess.STDOUT, start_new_session=True)
        self.starts += 1
        deadline = time.monotonic() + timeout
        while not self.answers():
            if self.process.poll() is not None:
                raise AssertionError(f"{self.name} exited: {self.log_tail()}")
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.name} did not start in {timeout} s: {self.log_tail()}")
            time.sleep(0.1)

    def answers(self) -> bool:
        return request("GET", f"{self.base}/healthz", timeout=2).status == 200

    def kill9(self) -> None:
        """kill -9 of the whole process group: gunicorn master, workers and the db_worker."""
        assert self.process is not None
        os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self._wait_for_group_to_go(self.process.pid)

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        try:
            os.killpg(self.process.pid, signal.SIGTERM)
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        except ProcessLookupError:
            pass
        self._wait_for_group_to_go(self.process.pid)

    @staticmethod
    def _wait_for_group_to_go(group: int, timeout: float = 15) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                os.killpg(group, 0)
            except ProcessLookupError:
                return
            time.sleep(0.05)
        with contextlib.suppress(ProcessLookupError):
            os.killpg(group, signal.SIGKILL)

    def log_tail(self, characters: int = 3000) -> str:
        return self.log.read_text(errors="replace")[-characters:] if self.log.exists() else ""


# --- HTTP --------------------------------------------------------------------------------


@dataclass
class Response:
    status: int | str  # an HTTP status, or the name of the network error (no answer at all)
    headers: dict[str, str]
    body: bytes
    cookies: dict[str, str]

    @property
    def answered(self) -> bool:
        return isinstance(self.status, int)

    def json(self) -> Any:
        import json

        return json.loads(self.body)


def request(method: str, url: str, body: bytes | None = None, headers: dict[str, str] | None = None,
            source: str | None = None, timeout: float = 20) -> Response:
    """One request on a fresh connection, optionally from a given loopback source address;
    redirects are not followed (a 302 after a form post is its acknowledgement)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=timeout,
                                            source_address=(source, 0) if source else None)
    path = parts.path + (f"?{parts.query}" if parts.query else "")
    try:
        connection.request(method, path, body=body, headers=headers or {})
        answer = connection.getresponse()
        content = answer.read()
        cookies = {}
        for name, value in answer.getheaders():
            if name.lower() == "set-cookie":
                cookie_name, _, rest = value.partition("=")
                cookies[cookie_name.strip()] = rest.split(";", 1)[0]
        return Response(answer.status, {k.lower(): v for k, v in answer.getheaders()}, content, cookies)
    except (OSError, http.client.HTTPException) as error:
        return Response(type(error).__name__, {}, b"", {})
    finally:
        connection.close()


def post_json(url: str, payload: dict[str, object], source: str | None = None,
              headers: dict[str, str] | None = None) -> Response:
    import json

    return request("POST", url, json.dumps(payload).encode(), {"Content-Type": "application/json", **(headers or {})},
                   source=source)


def post_form(url: str, fields: dict[str, str], source: str | None = None,
              headers: dict[str, str] | None = None) -> Response:
    from urllib.parse import urlencode

    return request("POST", url, urlencode(fields).encode(),
                   {"Content-Type": "application/x-www-form-urlencoded", **(headers or {})}, source=source)


def hidden_field(html: bytes, name: str) -> str:
    match = re.search(rb'name="' + re.escape(name.encode()) + rb'"[^>]*value="([^"]*)"', html) or re.search(
        rb'value="([^"]*)"[^>]*name="' + re.escape(name.encode()) + rb'"', html)
    assert match, f"no {name} field in the page"
    return match.group(1).decode()


# --- emails ------------------------------------------------------------------------------

CONFIRMATION_TITLE = re.compile(r'Thank you for asking on [^:]+: "([^"]+)"')
MESSAGE_ID = re.compile(r"(?im)^Message-ID:\s*(<[^>]+>)")  # long ids are folded onto the next line


def confirmation_emails(mail_dir: Path) -> dict[str, list[str]]:
    """The Message-IDs of the confirmation emails each question title got, one per delivery
    (the file backend's files): a repeat of one email has the same Message-ID (askwell/core/mail.py)."""
    sent: dict[str, list[str]] = {}
    if not mail_dir.is_dir():
        return sent
    for path in mail_dir.iterdir():
        text = path.read_text(errors="replace")
        for message in text.split("-" * 79):
            if "Subject: [askwell] Confirm your question" in message:
                message_id = MESSAGE_ID.search(message)
                for title in CONFIRMATION_TITLE.findall(message):
                    sent.setdefault(title, []).append(message_id.group(1) if message_id else "")
    return sent


def which(program: str) -> str | None:
    return shutil.which(program) or next(
        (str(p) for p in (Path("/usr/sbin") / program, Path("/usr/bin") / program) if p.exists()), None)
