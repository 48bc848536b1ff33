"""Crash test that stays: kill -9 of `askwell serve` (the whole process group: gunicorn master,
workers and the db_worker) under concurrent writes, then restart, on the database the suite
runs on (SQLite, then PostgreSQL).

Writers post questions through the API and anonymous comments through the form, each from its
own loopback address (127.1.x.y) so per-IP rate limits do not refuse them. An acknowledged write
is a 201 with an id (question) or the 302 after the form (comment). After two kills and a last
restart, every acknowledged question is stored once under the id its writer was given, every
acknowledged comment once, and every acknowledged question has exactly one confirmation task,
finished, and exactly one confirmation email (one Message-ID) in the mail directory (the file
backend). A kill can land between an email leaving and its task being marked done (the queue is
at least once: the lease, askwell/core/taskqueue.py, sends it again rather than never); the
repeat is the same message (askwell/core/mail.py), is allowed only for a task the queue shows
was claimed twice, and is counted. Bounded: about 40 s per database.
"""

from __future__ import annotations

import itertools
import time
from collections import Counter
from pathlib import Path

from tests.ops.support import (
    ASKWELL,
    REPO,
    DatabaseFactory,
    Response,
    Server,
    Workers,
    askwell_environment,
    client_address,
    confirmation_emails,
    hidden_field,
    post_form,
    post_json,
    request,
)

WRITERS = 8
KILLS = 2
# Each phase of writes (before each kill, after the last restart) lasts at least MIN and until
# PHASE_WRITES more writes were acknowledged, at most MAX seconds: bounded on a slow machine.
MIN_PHASE_SECONDS, MAX_PHASE_SECONDS, PHASE_WRITES = 1.5, 10.0, 20
LEASE_SECONDS = 2  # orphaned tasks are run again this soon (600 s in production)
CONFIRMATION_TASK = "askwell.community.tasks.send_question_confirmation"


class Writers(Workers):
    """Threads that post until told to stop, each write with its own marker and address."""

    def __init__(self, server: Server, article_id: int, stamp: str) -> None:
        self.server = server
        self.article_id = article_id
        self.stamp = stamp
        self.counter = itertools.count()
        self.questions: dict[str, int] = {}  # acknowledged title -> id it was given
        self.comments: list[str] = []  # acknowledged comment bodies
        self.outcomes: Counter[str] = Counter()
        super().__init__([self.run] * WRITERS)

    def acknowledged(self) -> int:
        with self.lock:
            return len(self.questions) + len(self.comments)

    def phase(self) -> None:
        """Let the writers write for one phase (see PHASE_WRITES)."""
        start, before = time.monotonic(), self.acknowledged()
        time.sleep(MIN_PHASE_SECONDS)
        while self.acknowledged() - before < PHASE_WRITES and time.monotonic() - start < MAX_PHASE_SECONDS:
            time.sleep(0.1)

    def run(self) -> None:
        while not self.stop.is_set():
            n = next(self.counter)
            if n % 2 == 0:
                self.ask(n)
            else:
                self.comment(n)

    def record(self, kind: str, response: Response) -> None:
        with self.lock:
            self.outcomes[f"{kind} {response.status}"] += 1
        if response.status == "ConnectionRefusedError":
            time.sleep(0.05)  # the server is down or starting: do not spin

    def ask(self, n: int) -> None:
        title = f"Why do my calves cramp at night, crash write {n}"
        response = post_json(f"{self.server.base}/api/v1/questions",
                             {"title": title, "body": f"Every night since the spring ({n}).",
                              "email": f"crash{n}@example.org"}, source=client_address(n))
        self.record("question", response)
        if response.status == 201:
            with self.lock:
                self.questions[title] = int(response.json()["id"])

    def comment(self, n: int) -> None:
        body = f"This helped with my cramps, crash comment {n}."
        response = post_form(f"{self.server.base}/community/comments/article/{self.article_id}/",
                             {"comment": body, "name": f"Reader {n}", "email": f"reader{n}@example.org",
                              "form_started": self.stamp, "homepage_url": ""}, source=client_address(n))
        self.record("comment", response)
        if response.status == 302:
            with self.lock:
                self.comments.append(body)


def test_kill_9_under_writes_loses_and_duplicates_nothing(databases: DatabaseFactory, tmp_path: Path) -> None:
    database = databases.copy("crash")
    environment = askwell_environment(tmp_path, database.url, ASKWELL_TASK_LEASE_SECONDS=str(LEASE_SECONDS))
    server = Server("crash", tmp_path, environment, workers=3, task_worker=True)
    article_id = int(database.rows("SELECT id FROM knowledge_article WHERE status = 'published' "
                                   "ORDER BY id LIMIT 1")[0][0])
    requests_sent = 0
    try:
        server.start()
        page = request("GET", f"{server.base}/community/comments/article/{article_id}/")
        assert page.status == 200, page.status
        stamp = hidden_field(page.body, "form_started")
        with Writers(server, article_id, stamp) as writers:
            for _ in range(KILLS):
                writers.phase()
                server.kill9()
                time.sleep(0.3)  # writes meet a dead server for a moment
                server.start()
            writers.phase()
        requests_sent = sum(count for outcome, count in writers.outcomes.items() if "Refused" not in outcome)
        server.stop()
        # The last word on the queue: tasks orphaned by a kill come back once their lease ran out.
        time.sleep(LEASE_SECONDS + 0.5)
        import subprocess

        subprocess.run([*ASKWELL, "db_worker", "--batch", "--no-startup-delay"], cwd=REPO, env=environment,
                       check=True, capture_output=True, timeout=120)
    finally:
        server.stop()

    statuses = writers.outcomes
    server_errors = {k: v for k, v in statuses.items() if k.split()[1].startswith("5")}
    assert not server_errors, f"no 5xx: {statuses}\n{server.log_tail()}"
    assert len(writers.questions) >= 10 and len(writers.comments) >= 10, f"the load was real: {statuses}"
    assert statuses["question RemoteDisconnected"] + statuses["question ConnectionResetError"] + statuses[
        "comment RemoteDisconnected"] + statuses["comment ConnectionResetError"] > 0, "kills met requests in flight"

    # Every acknowledged question is stored once, under the id its writer was given.
    stored = database.rows("SELECT id, title FROM community_question WHERE title LIKE %s",
                           ["%crash write%"])
    by_title = Counter(title for _, title in stored)
    duplicated = [title for title, count in by_title.items() if count > 1]
    assert not duplicated, f"stored twice: {duplicated}"
    ids = dict((title, pk) for pk, title in stored)
    lost = [title for title in writers.questions if title not in ids]
    assert not lost, f"acknowledged but not stored: {lost}"
    wrong = {title: (pk, ids[title]) for title, pk in writers.questions.items() if ids[title] != pk}
    assert not wrong, f"a writer was given another question's id: {wrong}"
    assert len(set(writers.questions.values())) == len(writers.questions)

    # Every acknowledged comment is stored once.
    bodies = Counter(body for (body,) in database.rows(
        "SELECT body FROM community_comment WHERE body LIKE %s", ["%crash comment%"]))
    assert not [b for b, count in bodies.items() if count > 1], "a comment stored twice"
    assert not [b for b in writers.comments if b not in bodies], "an acknowledged comment was lost"

    # Each stored question awaiting confirmation has one confirmation task, finished, and its email.
    tasks = database.rows("SELECT args_kwargs, status, worker_ids, traceback FROM django_tasks_database_dbtaskresult "
                          "WHERE task_path = %s", [CONFIRMATION_TASK])
    failures = [traceback[-600:] for *_, traceback in tasks if traceback]
    assert not failures, f"confirmation tasks failed: {failures[:3]}"
    import json

    def decoded(value: object) -> object:
        return json.loads(value) if isinstance(value, str) else value

    per_question: dict[int, list[tuple[str, int]]] = {}
    for args_kwargs, status, worker_ids, _ in tasks:
        question_id = int(decoded(args_kwargs)["args"][0])  # type: ignore[index]
        per_question.setdefault(question_id, []).append((status, len(decoded(worker_ids) or [])))  # type: ignore[arg-type]
    for title, pk in ids.items():  # acknowledged or not (a kill between commit and answer)
        assert [status for status, _ in per_question.get(pk, [])] == ["SUCCESSFUL"], (title, per_question.get(pk))
    emails = confirmation_emails(tmp_path / "mail")
    never_sent = [title for title in ids if not emails.get(title)]
    assert not never_sent, f"confirmation emails never sent: {never_sent}"
    # One email per question. A kill between an email leaving and its task being marked done
    # delivers it again after the lease; the repeat is the same message (same Message-ID), and
    # only for a task the queue shows was claimed twice.
    two_emails = {title: sorted(set(emails[title])) for title in ids if len(set(emails[title])) != 1}
    assert not two_emails, f"questions that got two different confirmation emails: {two_emails}"
    assert all(emails[title][0].startswith("<askwell.") for title in ids), "task emails carry the stable id"
    repeated = {title: len(emails[title]) for title in ids if len(emails[title]) > 1}
    for title in repeated:
        claims = per_question[ids[title]][0][1]
        assert claims > 1, f"{title!r} delivered {repeated[title]} times by a task claimed once"

    print(f"\ncrash ({database.vendor}): {requests_sent} requests reached the server, {KILLS} kills, "
          f"{len(writers.questions)} questions and {len(writers.comments)} comments acknowledged, "
          f"0 lost, 0 stored twice, 0 5xx; {len(ids)} stored questions got {len(ids)} confirmation emails "
          f"({sum(len(emails[t]) for t in ids)} deliveries, {len(repeated)} repeated after a kill mid-send, "
          f"same Message-ID); outcomes {dict(statuses)}")
