"""SQLite in WAL mode with IMMEDIATE transactions: concurrent writers queue, never fail.

Each writer is a separate process running askwell's own settings (DATABASE_URL=sqlite://...)
and doing a read-then-write inside transaction.atomic(): the pattern that fails with
"database is locked" or loses updates under SQLite's default DEFERRED transactions.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parents[3]
WRITER = """
import django
django.setup()
from django.db import connection, transaction
for _ in range(40):
    with transaction.atomic():
        with connection.cursor() as cursor:
            cursor.execute("SELECT n FROM counter")
            (value,) = cursor.fetchone()
            cursor.execute("UPDATE counter SET n = %s", [value + 1])
print(connection.cursor().execute("PRAGMA journal_mode").fetchone()[0])
"""


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite-specific")
def test_concurrent_writers_do_not_get_database_is_locked(tmp_path: Path) -> None:
    database = tmp_path / "concurrency.sqlite3"
    with sqlite3.connect(database) as setup:
        setup.execute("CREATE TABLE counter (n INTEGER)")
        setup.execute("INSERT INTO counter VALUES (0)")
    environment = {**os.environ, "DJANGO_SETTINGS_MODULE": "askwell.settings",
                   "DATABASE_URL": f"sqlite:///{database}", "ASKWELL_DATA_DIR": str(tmp_path)}
    writers = [
        subprocess.Popen([sys.executable, "-c", WRITER], cwd=REPO, env=environment,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for _ in range(5)
    ]
    results = [writer.communicate(timeout=120) for writer in writers]
    for writer, (out, err) in zip(writers, results, strict=True):
        assert writer.returncode == 0, err
        assert out.strip() == "wal"
    with sqlite3.connect(database) as check:
        assert check.execute("SELECT n FROM counter").fetchone()[0] == 200, "every increment kept"
