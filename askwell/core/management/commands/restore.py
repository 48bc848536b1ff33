"""`askwell restore PATH`: put a backup made by `askwell backup` back. Stop the app servers and
task workers first; run `askwell migrate` after if the backup is older than the code."""

from __future__ import annotations

from pathlib import Path
from typing import TypedDict, Unpack

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection

from askwell.core import backups
from askwell.core.management.commands.backup import postgres_target


class Options(TypedDict):
    """The options handle() reads, as add_arguments has argparse convert them (Django passes
    its standard ones, such as verbosity, as well)."""

    path: Path
    interactive: bool


class Command(BaseCommand):
    help = ("Restore the database from a backup made by `askwell backup` (replaces its content). "
            "Stop the servers first.")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="a backup file made by `askwell backup`")
        parser.add_argument("--noinput", "--no-input", action="store_false", dest="interactive",
                            help="do not ask for confirmation")

    def handle(self, *args: object, **options: Unpack[Options]) -> None:
        source: Path = options["path"].expanduser().resolve()
        try:
            kind = backups.backup_format(source)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        if kind != connection.vendor:
            raise CommandError(f"{source} is a {kind} backup but DATABASE_URL names a {connection.vendor} database")
        settings_dict = connection.settings_dict
        if options["interactive"]:
            answer = input(f"This replaces everything in the database {settings_dict['NAME']} with {source}. "
                           "Type 'yes' to go on: ")
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")
        connection.close()
        try:
            if kind == "sqlite":
                backups.restore_sqlite(source, Path(settings_dict["NAME"]))
            else:
                backups.restore_postgres(source, postgres_target(settings_dict))
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored the {kind} database from {source}.")
