"""SQLite in WAL mode with IMMEDIATE transactions: concurrent writers queue, never fail."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from django.db import connection, connections
from django.db.backends.sqlite3.base import DatabaseWrapper

from askwell.env import sqlite_database


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific")
def test_concurrent_writers_do_not_get_database_is_locked(tmp_path: Path) -> None:
    settings = {**connections["default"].settings_dict, **sqlite_database(tmp_path / "db.sqlite3")}
    setup = DatabaseWrapper(settings, alias="concurrency-setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE counter (n INTEGER)")
        cursor.execute("INSERT INTO counter VALUES (0)")
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"
    setup.close()

    errors: list[BaseException] = []

    def writer() -> None:
        db = DatabaseWrapper(settings, alias="concurrency-writer")
        try:
            for _ in range(40):
                with db.cursor() as cursor:
                    db.set_autocommit(False)
                    # Read then write in one transaction: the pattern that fails with DEFERRED.
                    cursor.execute("SELECT n FROM counter")
                    (value,) = cursor.fetchone()
                    cursor.execute("UPDATE counter SET n = %s", [value + 1])
                    db.commit()
                    db.set_autocommit(True)
        except BaseException as error:  # noqa: BLE001 - collected for the assertion
            errors.append(error)
        finally:
            db.close()

    threads = [threading.Thread(target=writer) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    check = DatabaseWrapper(settings, alias="concurrency-check")
    with check.cursor() as cursor:
        cursor.execute("SELECT n FROM counter")
        assert cursor.fetchone()[0] == 240, "every increment kept: no lost updates"
    check.close()
