"""The `askwell` console script: Django's management commands, on a database that is ready.

On a fresh checkout the first command creates and migrates the database and loads the
shipped knowledge packs, so `askwell ask "..."` works without any set-up step.
"""

from __future__ import annotations

import gc
import importlib.util
import os
import pkgutil
import sys
from typing import NoReturn

# Commands that must run on the database as it is (or need none at all).
RAW_COMMANDS = {"makemigrations", "migrate", "help", "version", "--help", "-h", "--version",
                "shell", "dbshell", "test", "collectstatic", "sqlmigrate", "showmigrations", "loadcontent",
                "restore"}


def needs_ready_database(argv: list[str]) -> bool:
    command = argv[1] if len(argv) > 1 else "help"
    if command in RAW_COMMANDS:
        return False
    if command == "check":
        # `askwell check TEXT` is the spasm checker and needs the packs; Django's own system
        # check (`askwell check`, `askwell check --deploy`) must not migrate anything.
        return any(not arg.startswith("-") for arg in argv[2:]) or any(
            arg in {"--json", "--jsonl"} for arg in argv[2:]
        )
    return True


def ensure_ready() -> None:
    """Migrate when migrations are pending, and load packs when none are loaded yet."""
    from django.core.management import call_command
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    executor = MigrationExecutor(connection)
    if executor.migration_plan(executor.loader.graph.leaf_nodes()):
        call_command("migrate", interactive=False, verbosity=0)
    else:
        # A database migrated before the shared rate-limit cache table existed gets it now.
        call_command("createcachetable", verbosity=0)
    from askwell.knowledge.models import Pack

    if not Pack.objects.exists():
        call_command("loadcontent", verbosity=0)


def quick_database_ready() -> bool:
    """Whether a quick command may run as it is: the migrations of its apps are applied, the
    rate-limit table exists and packs are loaded. Three small queries and a look at the
    migration files' names, where `ensure_ready` imports every migration of every app. When
    anything is missing the command runs on the full settings, which set it all up."""
    from django.apps import apps
    from django.conf import settings
    from django.core.cache import caches
    from django.core.cache.backends.db import BaseDatabaseCache
    from django.db import connection

    tables = set(connection.introspection.table_names())
    needed = {"django_migrations"} | {  # and the tables createcachetable makes
        str(settings.CACHES[alias]["LOCATION"]) for alias in settings.CACHES
        if isinstance(caches[alias], BaseDatabaseCache)}
    if not needed <= tables:
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations")
        applied = {(app, name) for app, name in cursor.fetchall()}
    on_disk = {(config.label, name) for config in apps.get_app_configs() for name in migration_names(config.name)}
    if not on_disk <= applied:
        return False
    from askwell.knowledge.models import Pack

    return Pack.objects.exists()


def migration_names(app: str) -> set[str]:
    """The names of an app's migration files, as Django's loader finds them (not imported)."""
    spec = importlib.util.find_spec(f"{app}.migrations")
    if spec is None or not spec.submodule_search_locations:
        return set()
    return {name for _, name, is_package in pkgutil.iter_modules(spec.submodule_search_locations)
            if not is_package and name[0] not in "_~"}


# Commands a person waits on: Django's system checks (which import every URLconf, the API's
# schemas and allauth's views) are for deployments (`askwell check --deploy`), not for them.
QUICK_COMMANDS = {"ask"}
# ... nor the site's whole URLconf (the API and allauth): only the addresses they print ...
QUICK_URLCONF = "askwell.cli_urls"
# ... nor every installed app: only those whose tables and addresses they read.
SITE_SETTINGS, QUICK_SETTINGS = "askwell.settings", "askwell.cli_settings"


def _how_python_was_started() -> list[str]:
    """The interpreter, its options and the script (or `-m askwell.cli`) this process was
    started with: everything before the command's own arguments."""
    return sys.orig_argv[:len(sys.orig_argv) - (len(sys.argv) - 1)]


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    command = argv[1] if len(argv) > 1 else "help"
    from django.conf import settings

    from askwell.answers import model_loading

    # Not in a process that has set Django up already (tests), nor with settings named by the
    # environment (one's own, or the site's when the quick way found the database not ready).
    quick = command in QUICK_COMMANDS and not settings.configured and "DJANGO_SETTINGS_MODULE" not in os.environ
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", QUICK_SETTINGS if quick else SITE_SETTINGS)
    if quick:
        # Setting Django up makes a few hundred thousand objects that live as long as the process
        # and next to no garbage: the collector walked them again and again, a tenth of a second.
        # It is off until Django is set up; then what exists is frozen out of its reach, as a web
        # worker's is after its warm-up (core/warmup.py), and it runs as usual for the command.
        gc.disable()
        # The sentence model loads on a second thread while the settings are read and Django sets
        # up: ONNX Runtime's imports at once, the model (most of it in ONNX Runtime, without the
        # GIL) once the settings say where it is. The engine takes it when the command asks for it.
        model_loading.start()
    if command in QUICK_COMMANDS and "--skip-checks" not in argv:
        argv.append("--skip-checks")
    if command == "serve" and "--no-collectstatic" not in argv:
        # Served static files get content-hashed names, far-future immutable caching and
        # precompressed .br and .gz copies (collectstatic, which serve runs first, builds them).
        os.environ.setdefault("STATIC_MANIFEST", "1")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    if quick and not quick_database_ready():
        # A fresh database, or migrations to apply: this once, the command runs on the
        # site's settings, which migrate and load the packs (ensure_ready) first.
        os.environ["DJANGO_SETTINGS_MODULE"] = SITE_SETTINGS
        model_loading.wait()
        os.execv(sys.executable, [*_how_python_was_started(), *argv[1:]])
    if quick:
        gc.freeze()
        gc.enable()
    if needs_ready_database(argv) and not quick:
        ensure_ready()
    if command in QUICK_COMMANDS:
        from django.urls import set_urlconf

        set_urlconf(QUICK_URLCONF)
    try:
        execute_from_command_line(argv)
    except BrokenPipeError:
        # The reader went away (`askwell ask ... | head -3`): stop quietly, as other tools do,
        # instead of a traceback (Python's advice: point stdout at devnull so exit flushes nothing).
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    if quick:
        _leave_at_once()


def _leave_at_once() -> NoReturn:
    """A quick command has printed everything: end the process without tearing its heap down
    object by object (the engine's state, the model, every module), a fifth of a second that
    nobody should wait for. The command only reads, and what it writes to disk (the engine's
    kept files) is written whole and renamed before this; output, logs and connections are
    closed here as the interpreter would."""
    import logging

    from django.db import connections

    connections.close_all()
    logging.shutdown()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except BrokenPipeError:  # the reader went away (`askwell ask ... | head -1`)
        os._exit(1)
    os._exit(0)


if __name__ == "__main__":
    main()
