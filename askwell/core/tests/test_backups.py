"""askwell/core/backups.py on its own: SQLite's online backup under a writer, format detection,
refusals. (The commands end to end, on SQLite and PostgreSQL: tests/ops/test_backup.py.)"""

from __future__ import annotations

import sqlite3
import threading
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from askwell.core import backups


def live_database(path: Path) -> None:
    with closing(sqlite3.connect(path)) as db:
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("CREATE TABLE probe (n INTEGER PRIMARY KEY)")
        db.commit()


def test_a_backup_under_writes_is_one_consistent_moment(tmp_path: Path) -> None:
    live, copy = tmp_path / "live.sqlite3", tmp_path / "backup.sqlite3"
    live_database(live)
    written = threading.Event()
    stop = threading.Event()

    def writer() -> None:
        with closing(sqlite3.connect(live, timeout=30)) as db:
            n = 0
            while not stop.is_set():
                n += 1
                db.execute("INSERT INTO probe (n) VALUES (?)", (n,))
                db.commit()
                if n == 200:
                    written.set()

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        assert written.wait(30)
        with closing(sqlite3.connect(live)) as db:
            before = db.execute("SELECT COUNT(*) FROM probe").fetchone()[0]
        backups.backup_sqlite(live, copy)
        with closing(sqlite3.connect(live)) as db:
            after = db.execute("SELECT COUNT(*) FROM probe").fetchone()[0]
    finally:
        stop.set()
        thread.join()
    with closing(sqlite3.connect(copy)) as db:
        rows = [n for (n,) in db.execute("SELECT n FROM probe ORDER BY n")]
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "delete", "one self-contained file"
    assert rows == list(range(1, len(rows) + 1)), "every write up to one moment, none after a gap"
    assert before <= len(rows) <= after
    assert not list(tmp_path.glob(".backup.sqlite3.partial-*")), "no partial file left behind"
    assert backups.backup_format(copy) == "sqlite"

    restored = tmp_path / "restored.sqlite3"
    backups.restore_sqlite(copy, restored)
    with closing(sqlite3.connect(restored)) as db:
        assert [n for (n,) in db.execute("SELECT n FROM probe ORDER BY n")] == rows


def test_files_that_are_not_backups_are_refused(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    with pytest.raises(backups.BackupError, match="neither an askwell SQLite backup nor a pg_dump"):
        backups.backup_format(other)
    with pytest.raises(backups.BackupError, match="cannot read"):
        backups.backup_format(tmp_path / "missing.sqlite3")
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(backups.SQLITE_MAGIC + b"\x00" * 200)
    with pytest.raises(backups.BackupError):
        backups.restore_sqlite(broken, tmp_path / "target.sqlite3")


@pytest.mark.django_db
def test_the_restore_command_refuses_before_touching_anything(tmp_path: Path) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("not a database")
    with pytest.raises(CommandError, match="neither"):
        call_command("restore", str(other), interactive=False)
    from django.db import connection

    wrong_kind = tmp_path / "other.dump"
    wrong_kind.write_bytes(backups.PG_CUSTOM_MAGIC + b"\x00" * 100 if connection.vendor == "sqlite"
                           else backups.SQLITE_MAGIC + b"\x00" * 100)
    with pytest.raises(CommandError, match="backup but DATABASE_URL names a"):
        call_command("restore", str(wrong_kind), interactive=False)


def test_the_backup_command_needs_a_file_name(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="is a directory"):
        call_command("backup", str(tmp_path))
    with pytest.raises(CommandError, match="does not exist"):
        call_command("backup", str(tmp_path / "nowhere" / "backup.db"))
