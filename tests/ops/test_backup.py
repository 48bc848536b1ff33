"""`askwell backup` and `askwell restore` end to end, on the suite's database (SQLite, then
PostgreSQL): a backup taken while a writer commits row after row is one consistent moment (the
rows 1..k, k between the counts before and after), and restoring it into an empty database
gives back that moment and the whole site's data. Bounded: about 15 s."""

from __future__ import annotations

import subprocess
import threading
import time
from pathlib import Path

from tests.ops.support import ASKWELL, REPO, DatabaseFactory, ScratchDatabase, askwell_environment


def probe_rows(database: ScratchDatabase) -> list[int]:
    return [n for (n,) in database.rows("SELECT n FROM ops_backup_probe ORDER BY n")]


def write_until(database: ScratchDatabase, stop: threading.Event, started: threading.Event) -> None:
    """One row per transaction, numbered 1, 2, 3 ...: a consistent copy holds a prefix."""
    n = 0
    if database.sqlite_path is not None:
        import sqlite3

        with sqlite3.connect(database.sqlite_path, timeout=30) as db:
            while not stop.is_set():
                n += 1
                db.execute("INSERT INTO ops_backup_probe (n) VALUES (?)", (n,))
                db.commit()
                if n == 50:
                    started.set()
        return
    import psycopg

    with psycopg.connect(dbname=database.pg_name, autocommit=True, **database.pg_params) as db:
        while not stop.is_set():
            n += 1
            db.execute("INSERT INTO ops_backup_probe (n) VALUES (%s)", (n,))
            if n == 50:
                started.set()


def test_backup_under_writes_and_restore_round_trip(databases: DatabaseFactory, tmp_path: Path) -> None:
    live = databases.copy("backup")
    live.rows("SELECT 1")  # connection check
    if live.sqlite_path is not None:
        import sqlite3

        with sqlite3.connect(live.sqlite_path) as db:
            db.execute("CREATE TABLE ops_backup_probe (n INTEGER PRIMARY KEY)")
    else:
        import psycopg

        with psycopg.connect(dbname=live.pg_name, autocommit=True, **live.pg_params) as db:
            db.execute("CREATE TABLE ops_backup_probe (n INTEGER PRIMARY KEY)")
    archive = tmp_path / ("askwell.sqlite3.bak" if live.vendor == "sqlite" else "askwell.dump")

    stop, started = threading.Event(), threading.Event()
    writer = threading.Thread(target=write_until, args=(live, stop, started))
    writer.start()
    try:
        assert started.wait(30), "the writer is writing"
        before = len(probe_rows(live))
        began = time.monotonic()
        made = subprocess.run([*ASKWELL, "backup", str(archive)], cwd=REPO, capture_output=True, text=True,
                              env=askwell_environment(tmp_path, live.url), timeout=120)
        took = time.monotonic() - began
        after = len(probe_rows(live))
    finally:
        stop.set()
        writer.join(timeout=30)
    assert made.returncode == 0, made.stderr[-2000:]
    assert f"Backed up the {live.vendor} database to {archive}" in made.stdout

    target = databases.empty("restored")
    restored = subprocess.run([*ASKWELL, "restore", str(archive), "--noinput"], cwd=REPO, capture_output=True,
                              text=True, env=askwell_environment(tmp_path, target.url), timeout=120)
    assert restored.returncode == 0, restored.stderr[-2000:]

    rows = probe_rows(target)
    assert rows == list(range(1, len(rows) + 1)), "one moment: every row up to it, none after a gap"
    assert before <= len(rows) <= after, (before, len(rows), after)
    for table in ("knowledge_topic", "django_migrations", "auth_user", "askwell_ratelimit_cache"):
        count = f"SELECT COUNT(*) FROM {table}"
        assert target.rows(count) == live.rows(count), table
    print(f"\nbackup ({live.vendor}): {archive.stat().st_size:,} bytes in {took:.1f} s while "
          f"{after - before} rows were written; restored {len(rows)} rows (from {before} to {after} possible)")
