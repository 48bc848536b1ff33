"""The `askwell` console script: Django's management commands, on a database that is ready.

On a fresh checkout the first command creates and migrates the database and loads the
shipped knowledge packs, so `askwell ask "..."` works without any set-up step.
"""

from __future__ import annotations

import os
import sys

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


# Commands a person waits on: Django's system checks (which import every URLconf, the API's
# schemas and allauth's views) are for deployments (`askwell check --deploy`), not for them.
QUICK_COMMANDS = {"ask"}
# ... nor the site's whole URLconf (the API and allauth): only the addresses they print.
QUICK_URLCONF = "askwell.cli_urls"


def main(argv: list[str] | None = None) -> None:
    argv = list(sys.argv if argv is None else argv)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "askwell.settings")
    command = argv[1] if len(argv) > 1 else "help"
    if command in QUICK_COMMANDS and "--skip-checks" not in argv:
        argv.append("--skip-checks")
    if command == "serve" and "--no-collectstatic" not in argv:
        # Served static files get content-hashed names, far-future immutable caching and
        # precompressed .br and .gz copies (collectstatic, which serve runs first, builds them).
        os.environ.setdefault("STATIC_MANIFEST", "1")
    import django
    from django.core.management import execute_from_command_line

    django.setup()
    if needs_ready_database(argv):
        ensure_ready()
    if command in QUICK_COMMANDS:
        from django.urls import set_urlconf

        set_urlconf(QUICK_URLCONF)
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
