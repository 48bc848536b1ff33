"""The `askwell` console script works on a fresh checkout: no database yet, no packs loaded."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from askwell.cli import needs_ready_database

REPO = Path(__file__).resolve().parents[3]


def askwell(args: list[str], data_dir: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["ASKWELL_DATA_DIR"] = str(data_dir)
    return subprocess.run(
        [sys.executable, "-m", "askwell.cli", *args], cwd=REPO, env=environment, input=stdin,
        capture_output=True, text=True, timeout=300, check=False,
    )


def test_ask_and_check_work_on_a_fresh_database(tmp_path: Path) -> None:
    asked = askwell(["ask", "--json", "why do my calves cramp at night"], tmp_path)
    assert asked.returncode == 0, asked.stderr
    answer = json.loads(asked.stdout)
    assert answer["triage"]["level"] in {"self_care", "see_doctor"}
    assert answer["answers"], "the packs were loaded on first use"
    checked = askwell(["check", "--jsonl"], tmp_path, stdin="my calf cramps at night\ncrushing chest pain\n")
    assert checked.returncode == 0, checked.stderr
    lines = [json.loads(line) for line in checked.stdout.splitlines()]
    assert [line["triage"]["level"] for line in lines][1] == "emergency"
    assert len(lines) == 2


def test_djangos_system_check_does_not_set_up_the_database() -> None:
    assert not needs_ready_database(["askwell", "check"])
    assert not needs_ready_database(["askwell", "check", "--deploy"])
    assert needs_ready_database(["askwell", "check", "my calf hurts"])
    assert needs_ready_database(["askwell", "check", "--jsonl"])
    assert needs_ready_database(["askwell", "ask", "cramp"])
    assert not needs_ready_database(["askwell", "migrate"])


def test_the_shared_rate_limit_table_is_created_even_on_an_already_migrated_database(tmp_path: Path) -> None:
    import sqlite3

    assert askwell(["migrate", "--noinput"], tmp_path).returncode == 0
    database = tmp_path / "askwell.sqlite3"
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'askwell_ratelimit_cache'").fetchone()
        db.execute("DROP TABLE askwell_ratelimit_cache")  # as a database migrated before the table existed
    asked = askwell(["ask", "--json", "why do my calves cramp at night"], tmp_path)
    assert asked.returncode == 0, asked.stderr
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE name = 'askwell_ratelimit_cache'").fetchone()


def test_ask_sets_up_only_the_apps_it_reads_once_the_database_is_ready(tmp_path: Path) -> None:
    """The first `ask` on a fresh database runs on the site's settings (it migrates and loads
    the packs); later ones set up only the apps whose tables they read, with the same answer.
    `-X importtime` lists every module a process imports."""
    def ask_importing(question: str) -> tuple[dict[str, object], str]:
        environment = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
        environment["ASKWELL_DATA_DIR"] = str(tmp_path)
        done = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "askwell.cli", "ask", "--json", question], cwd=REPO,
            env=environment, capture_output=True, text=True, timeout=300, check=False)
        assert done.returncode == 0, done.stderr[-2000:]
        answer = json.loads(done.stdout)
        answer.pop("took_ms")
        return answer, done.stderr

    first, first_imports = ask_importing("why do my calves cramp at night")
    again, again_imports = ask_importing("why do my calves cramp at night")
    assert " allauth" in first_imports and " askwell.community" in first_imports
    assert " allauth" not in again_imports and " askwell.community" not in again_imports
    assert " ninja" not in again_imports
    assert again == first


def test_a_reader_that_goes_away_gets_no_traceback(tmp_path: Path) -> None:
    """`askwell ask --jsonl < many | head -1`: more output than a pipe holds, so the command
    writes into a closed pipe; it stops quietly (exit status 1), as other command-line tools do."""
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment["ASKWELL_DATA_DIR"] = str(tmp_path)
    command = [sys.executable, "-m", "askwell.cli", "ask", "--jsonl"]
    assert askwell(["ask", "cramp"], tmp_path).returncode == 0  # set the database up first
    questions = "why do my calves cramp at night\n" * 200  # some 600 KB of answers
    with subprocess.Popen(command, cwd=REPO, env=environment, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE) as process:
        assert process.stdin is not None and process.stdout is not None and process.stderr is not None
        process.stdin.write(questions.encode())
        process.stdin.close()
        assert process.stdout.readline().startswith(b"{")
        process.stdout.close()
        errors = process.stderr.read().decode()
        assert process.wait(timeout=120) == 1
    assert "Traceback" not in errors
