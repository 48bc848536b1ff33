"""`askwell serve`: the production server (gunicorn), static files served by whitenoise."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
from typing import TYPE_CHECKING, TypedDict, Unpack

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser
from django.db import connections

if TYPE_CHECKING:
    from django.core.handlers.wsgi import WSGIHandler


def default_workers() -> int:
    # gunicorn's rule of thumb for sync workers, capped so a small box is not swamped.
    return min(2 * multiprocessing.cpu_count() + 1, 12)


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    host: str
    port: int
    workers: int | None
    no_collectstatic: bool
    no_worker: bool


class Command(BaseCommand):
    help = "Serve askwell with gunicorn (static files through whitenoise). Stops cleanly on SIGTERM."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=None, help="default: 2 x CPU cores + 1 (max 12)")
        parser.add_argument("--no-collectstatic", action="store_true")
        parser.add_argument(
            "--no-worker", action="store_true",
            help="do not start the task worker (run `askwell db_worker` separately, e.g. under systemd)",
        )

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        from gunicorn.app.base import BaseApplication

        if not options["no_collectstatic"]:
            call_command("collectstatic", interactive=False, verbosity=0)
        workers = options["workers"] or default_workers()
        if workers < 1:
            raise SystemExit("--workers must be 1 or more")
        bind = f"{options['host']}:{options['port']}"
        follow_the_address_served(options["host"], options["port"])

        class Server(BaseApplication):  # type: ignore[misc]
            def load_config(self) -> None:
                self.cfg.set("bind", bind)
                self.cfg.set("workers", workers)
                self.cfg.set("graceful_timeout", 10)
                # gunicorn's largest request line: a question of MAX_QUERY_CHARS characters in
                # GET /api/v1/answers?q=... is up to 12 bytes a character once percent-encoded,
                # which the default (4094) refused with an HTML 414 the API does not document.
                self.cfg.set("limit_request_line", 8190)
                self.cfg.set("accesslog", None)
                self.cfg.set("errorlog", "-")
                # The master must hold no database connection when it forks: a PostgreSQL socket
                # (or SQLite handle) shared by every worker mixes their queries and transactions.
                self.cfg.set("pre_fork", close_database_connections)
                self.cfg.set("worker_exit", write_pending_views)

            def load(self) -> WSGIHandler:
                # In each worker as it starts: the engine is warm before the first request.
                from askwell.core.warmup import warm_up
                from askwell.wsgi import application

                warm_up()
                return application

        worker = None if options["no_worker"] else start_task_worker()
        # `askwell` checked migrations and packs on this process's connection before we got here.
        connections.close_all()
        from askwell.answers.engine import semantic_status

        self.stdout.write(semantic_status(load=False))
        self.stdout.write(f"askwell is serving on http://{bind}/ with {workers} workers (Ctrl+C to stop)")
        try:
            Server().run()
        finally:
            if worker is not None:
                worker.terminate()
                worker.wait(timeout=15)


def follow_the_address_served(host: str, port: int) -> None:
    """Links in emails and printed addresses use the address served, unless SITE_URL says
    otherwise (the public https:// address behind a proxy). The web workers are forked from
    this process and the task worker inherits its environment, so both see it."""
    if os.environ.get("SITE_URL"):
        return
    shown = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    site = f"http://{shown}:{port}"
    os.environ["SITE_URL"] = site
    settings.SITE_URL = site


def close_database_connections(_server: object, _worker: object) -> None:
    """gunicorn's pre_fork hook (runs in the master before each worker is forked)."""
    connections.close_all()


def write_pending_views(_server: object, _worker: object) -> None:
    """gunicorn's worker_exit hook: article views this worker counted but has not written yet."""
    from askwell.knowledge.viewcount import flush_all

    flush_all()


def start_task_worker() -> subprocess.Popen[bytes] | None:
    """Emails and digests go through the database task queue; someone has to work it.

    One `db_worker` beside the web server is enough for a single machine; larger
    deployments run workers separately and pass --no-worker.
    """
    backend = getattr(settings, "TASKS", {}).get("default", {}).get("BACKEND", "")
    if not backend.endswith("DatabaseBackend"):
        return None
    return subprocess.Popen([sys.executable, "-m", "askwell.cli", "db_worker"])
