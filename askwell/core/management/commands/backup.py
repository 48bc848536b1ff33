"""`askwell backup PATH`: a consistent copy of the whole database while the site keeps running."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TypedDict, Unpack

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from askwell.core import backups


def postgres_target(settings_dict: Mapping[str, object]) -> backups.PostgresTarget:
    return backups.PostgresTarget(name=str(settings_dict["NAME"]), host=str(settings_dict.get("HOST") or ""),
                                  port=str(settings_dict.get("PORT") or ""), user=str(settings_dict.get("USER") or ""),
                                  password=str(settings_dict.get("PASSWORD") or ""))


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    path: Path


class Command(BaseCommand):
    help = ("Back up the database to PATH while the site runs: SQLite's online backup API, or "
            "pg_dump -Fc for PostgreSQL. Restore with `askwell restore PATH`.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="the backup file to write (replaced if it exists)")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        target: Path = options["path"].expanduser().resolve()
        if target.is_dir():
            raise CommandError(f"{target} is a directory; give a file name")
        if not target.parent.is_dir():
            raise CommandError(f"{target.parent} does not exist")
        settings_dict = connection.settings_dict
        connection.close()  # nothing of ours holds the database while it is copied
        try:
            if connection.vendor == "sqlite":
                backups.backup_sqlite(Path(settings_dict["NAME"]), target)
            elif connection.vendor == "postgresql":
                backups.backup_postgres(postgres_target(settings_dict), target)
            else:
                raise CommandError(f"no backup method for {connection.vendor}")
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        size = target.stat().st_size
        self.stdout.write(f"Backed up the {connection.vendor} database to {target} ({size:,} bytes).")
