"""Backups of the whole database while the site runs, and restoring one.

SQLite: the online backup API (sqlite3.Connection.backup) copies a consistent snapshot page by
page while writers go on (WAL mode lets them); the copy is written beside the target and
renamed into place only after an integrity check, so a crash never leaves half a backup.
PostgreSQL: `pg_dump -Fc` (one snapshot, MVCC: writers are not blocked) and `pg_restore`
into a database inside a single transaction, so a failed restore changes nothing.

Django-free apart from the connection settings the commands pass in, so each step can be
tested on its own.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"


class BackupError(Exception):
    """A backup or restore that cannot be done; the message says why, for the operator."""


@dataclass(frozen=True)
class PostgresTarget:
    name: str
    host: str
    port: str
    user: str
    password: str

    def arguments(self) -> list[str]:
        return ["--host", self.host or "127.0.0.1", "--port", str(self.port or 5432),
                "--username", self.user or "postgres", "--no-password"]

    def environment(self) -> dict[str, str]:
        environment = dict(os.environ)
        if self.password:
            environment["PGPASSWORD"] = self.password
        return environment


def backup_format(path: Path) -> str:
    """'sqlite' or 'postgresql', read from the file's first bytes."""
    try:
        with path.open("rb") as backup:
            head = backup.read(len(SQLITE_MAGIC))
    except OSError as error:
        raise BackupError(f"cannot read {path}: {error.strerror}") from error
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    if head.startswith(PG_CUSTOM_MAGIC):
        return "postgresql"
    raise BackupError(f"{path} is neither an askwell SQLite backup nor a pg_dump -Fc archive")


def temporary_beside(target: Path) -> Path:
    return target.with_name(f".{target.name}.partial-{os.getpid()}")


def check_sqlite(path: Path) -> None:
    try:
        with closing(sqlite3.connect(path)) as db:
            result = db.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{path} is not a usable SQLite database: {error}") from error
    if result != "ok":
        raise BackupError(f"{path} fails SQLite's integrity check: {result}")


def backup_sqlite(database: Path, target: Path) -> None:
    if not database.exists():
        raise BackupError(f"there is no database at {database}")
    partial = temporary_beside(target)
    try:
        with closing(sqlite3.connect(database, timeout=30)) as source, closing(sqlite3.connect(partial)) as copy:
            # All pages in one step: one consistent snapshot (WAL readers never block writers).
            source.backup(copy)
            # One self-contained file (no -wal beside it), whatever mode the live database runs in.
            copy.execute("PRAGMA journal_mode=DELETE")
        check_sqlite(partial)
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def restore_sqlite(backup: Path, database: Path) -> None:
    """Replaces the database's content with the backup's, in one write transaction of the
    backup API (other connections wait for it; stop the servers first all the same)."""
    check_sqlite(backup)
    database.parent.mkdir(parents=True, exist_ok=True)
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(database, timeout=30)) as live:
        source.backup(live)


def run(command: list[str], environment: dict[str, str]) -> None:
    try:
        finished = subprocess.run(command, env=environment, capture_output=True, text=True, check=False)
    except FileNotFoundError as error:
        raise BackupError(f"{command[0]} is not installed (Debian: apt-get install postgresql-client)") from error
    if finished.returncode != 0:
        raise BackupError(f"{Path(command[0]).name} failed: {finished.stderr.strip()[-2000:]}")


def backup_postgres(database: PostgresTarget, target: Path) -> None:
    partial = temporary_beside(target)
    try:
        run(["pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file", str(partial),
             *database.arguments(), database.name], database.environment())
        # A dump pg_restore cannot list is no backup.
        run(["pg_restore", "--list", str(partial)], database.environment())
        partial.replace(target)
    finally:
        partial.unlink(missing_ok=True)


def restore_postgres(backup: Path, database: PostgresTarget) -> None:
    """Drops what the backup holds and recreates it, all in one transaction."""
    run(["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction",
         "--exit-on-error", *database.arguments(), "--dbname", database.name, str(backup)], database.environment())
