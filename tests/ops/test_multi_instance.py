"""Several app servers behind one address, the way deploy/ describes: Debian's nginx (the
configuration rendered from deploy/nginx.conf.template) in front of two `askwell serve`
instances on one PostgreSQL and one Redis, the db_worker beside instance A only.

Proves, on loopback: a session made on one instance works on the other, with CSRF; the page
cache and the rate limits are shared (Redis); behind nginx each client is counted by its own
address; the task queue sends each confirmation email exactly once; and kill -9 of instance B
under concurrent load costs no acknowledged write and no failed GET (nginx sends the GETs B
could not answer to A). Runs in the PostgreSQL pass. Bounded: about 40 s.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.ops.support import (
    ASKWELL,
    REPO,
    DatabaseFactory,
    Response,
    ScratchDatabase,
    Server,
    Workers,
    askwell_environment,
    client_address,
    confirmation_emails,
    free_port,
    hidden_field,
    post_form,
    post_json,
    request,
    require,
    suite_vendor,
    which,
)

# Each phase of load (before the kill, after it, after B is back) lasts at least MIN and until
# PHASE_WRITES more writes were acknowledged, at most MAX seconds: bounded on a slow machine.
MIN_PHASE_SECONDS, MAX_PHASE_SECONDS, PHASE_WRITES = 1.5, 10.0, 15
READERS = 6
WRITERS = 4
PAGES = ["/", "/about/", "/help/", "/questions/", "/api/v1/questions?limit=5", "/topics/", "/muscle-spasms/"]


@dataclass
class Site:
    address: str
    a: Server
    b: Server
    mail: Path
    nginx_log: Path
    database: ScratchDatabase


SHARED_REDIS_DB = 14  # used only when redis-server is not installed and the machine's Redis is


def shared_redis_answers() -> bool:
    import redis as redis_client

    try:
        return bool(redis_client.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=2).ping())
    except redis_client.RedisError:
        return False


def wait_for_port(port: int, process: subprocess.Popen[bytes], log: Path, timeout: float = 15) -> None:
    import socket

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"exited: {log.read_text(errors='replace')[-2000:] if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on {port}")


def stop_group(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)


@pytest.fixture(scope="module")
def site(databases: DatabaseFactory, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    if suite_vendor() != "postgresql":
        pytest.skip("several app servers share one PostgreSQL: this runs in the PostgreSQL pass of make test")
    nginx, redis = which("nginx"), which("redis-server")
    require(nginx is not None, "nginx is not installed (scripts/server-deps.sh installs Debian's nginx-light)")
    require(redis is not None or shared_redis_answers(),
            "neither redis-server nor a Redis at 127.0.0.1:6379 (Debian: apt-get install redis-server)")
    assert nginx is not None
    tmp_path = tmp_path_factory.mktemp("multi")
    database = databases.copy("multi")
    started: list[subprocess.Popen[bytes]] = []
    servers: list[Server] = []
    try:
        if redis is not None:  # a Redis of our own: nothing left from another run or anyone else
            redis_port = free_port()
            redis_url = f"redis://127.0.0.1:{redis_port}/0"
            redis_log = tmp_path / "redis.log"
            with redis_log.open("wb") as log:
                started.append(subprocess.Popen(
                    [redis, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                    stdout=log, stderr=subprocess.STDOUT, start_new_session=True))
            wait_for_port(redis_port, started[-1], redis_log)
        else:  # the machine's Redis, in a database number of its own, emptied first
            redis_url = f"redis://127.0.0.1:6379/{SHARED_REDIS_DB}"
            import redis as redis_client

            redis_client.Redis.from_url(redis_url).flushdb()

        mail = tmp_path / "mail"
        shared = {"REDIS_URL": redis_url, "ASKWELL_TRUSTED_PROXIES": "127.0.0.1", "EMAIL_FILE_PATH": str(mail)}
        for name, worker in (("a", True), ("b", False)):
            data = tmp_path / name
            data.mkdir()
            servers.append(Server(name, data, askwell_environment(data, database.url, **shared), workers=2,
                                  task_worker=worker))
        a, b = servers
        for server in servers:
            server.start()

        prefix = tmp_path / "nginx"
        prefix.mkdir()
        port = free_port()
        rendered = subprocess.run(
            [sys.executable, str(REPO / "deploy" / "render_nginx_conf.py"), "--listen", f"127.0.0.1:{port}",
             "--upstream", f"127.0.0.1:{a.port}", "--upstream", f"127.0.0.1:{b.port}", "--prefix", str(prefix),
             *(["--user", "root"] if os.geteuid() == 0 else [])],
            capture_output=True, text=True, check=True)
        (prefix / "nginx.conf").write_text(rendered.stdout)
        nginx_log = prefix / "error.log"
        started.append(subprocess.Popen(
            [nginx, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-e", str(nginx_log),
             "-g", "daemon off;"], stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT, start_new_session=True))
        wait_for_port(port, started[-1], nginx_log)
        yield Site(f"http://127.0.0.1:{port}", a, b, mail, nginx_log, database)
    finally:
        for server in servers:
            server.stop()
        for process in reversed(started):
            stop_group(process)


def make_member(server: Server, email: str, password: str) -> None:
    code = (
        "import datetime\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.utils import timezone\n"
        "from allauth.account.models import EmailAddress\n"
        f"user = get_user_model().objects.create_user('walker', {email!r}, {password!r})\n"
        "user.date_joined = timezone.now() - datetime.timedelta(days=60)\n"
        "user.save()\n"
        f"EmailAddress.objects.create(user=user, email={email!r}, verified=True, primary=True)\n"
    )
    subprocess.run([*ASKWELL, "shell", "-c", code], cwd=REPO, env=server.environment, check=True,
                   capture_output=True, timeout=120)


def cookie_header(cookies: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in cookies.items())


def test_a_session_made_on_one_instance_posts_on_the_other(site: Site) -> None:
    make_member(site.a, "walker@example.org", "a long walk in the hills")
    page = request("GET", f"{site.a.base}/accounts/login/")
    assert page.status == 200
    cookies = dict(page.cookies)
    signed_in = post_form(f"{site.a.base}/accounts/login/",
                          {"login": "walker@example.org", "password": "a long walk in the hills",
                           "csrfmiddlewaretoken": hidden_field(page.body, "csrfmiddlewaretoken")},
                          headers={"Cookie": cookie_header(cookies)})
    assert signed_in.status == 302, signed_in.body[:500]
    cookies.update(signed_in.cookies)
    assert "sessionid" in cookies

    session = {"Cookie": cookie_header(cookies)}
    api = post_json(f"{site.b.base}/api/v1/questions",
                    {"title": "Why do my calves cramp after long walks?", "body": "Mostly after ten miles."},
                    headers=session)
    assert api.status == 201, f"B knows the session A made (sessions are in the shared database): {api.body[:300]!r}"

    # The ask form, opened on A, sent to B: B checks A's CSRF token (one SECRET_KEY, the cookie's secret).
    form = request("GET", f"{site.a.base}/questions/ask/", headers=session)
    assert form.status == 200
    fields = {"title": "Why do my feet cramp when I swim?", "body": "Only in cold water.", "homepage_url": "",
              "seen_suggestions": "True",  # past the "does this answer it?" step
              "form_started": hidden_field(form.body, "form_started")}
    forged = post_form(f"{site.b.base}/questions/ask/", {**fields, "csrfmiddlewaretoken": "x" * 64}, headers=session)
    assert forged.status == 403, "a wrong CSRF token is refused on B"
    sent = post_form(f"{site.b.base}/questions/ask/",
                     {**fields, "csrfmiddlewaretoken": hidden_field(form.body, "csrfmiddlewaretoken")}, headers=session)
    assert sent.status == 302, re.findall(rb'class="[^"]*error[^"]*"[^>]*>([^<]+)', sent.body)
    titles = [title for (title,) in site.database.rows("SELECT title FROM community_question WHERE title LIKE %s",
                                                       ["Why do my feet cramp when I swim%"])]
    assert titles == ["Why do my feet cramp when I swim?"]


def test_the_page_cache_and_rate_limits_are_shared(site: Site) -> None:
    first = request("GET", f"{site.a.base}/")
    second = request("GET", f"{site.b.base}/")
    assert (first.status, second.status) == (200, 200)
    assert first.headers.get("x-page-cache") == "miss" and second.headers.get("x-page-cache") == "hit", \
        "B serves the page A cached (Redis)"

    def ask(n: int, source: str) -> int | str:
        return post_json(f"{site.address}/api/v1/questions",
                         {"title": f"Why do my calves cramp at night, shared limit {n}", "body": "Every night.",
                          "email": f"limit{n}@example.org"}, source=source).status

    one_person = [ask(n, "127.2.0.1") for n in range(7)]  # nginx sends them to A and B in turn
    assert one_person == [201] * 5 + [429] * 2, f"five an hour per address, whichever instance: {one_person}"
    assert ask(99, "127.2.0.2") == 201, "behind nginx, another person is counted on their own (X-Real-IP)"


class Load(Workers):
    """Readers (GETs) and writers (API questions) through nginx, each request from its own address."""

    join_timeout = 60.0

    def __init__(self, address: str) -> None:
        self.address = address
        self.counter = itertools.count(1000)
        self.reads: Counter[int | str] = Counter()
        self.failed_reads: list[tuple[str, int | str]] = []
        self.writes: Counter[int | str] = Counter()
        self.acknowledged: dict[str, int] = {}
        super().__init__([self.read] * READERS + [self.write] * WRITERS)

    def phase(self) -> None:
        start = time.monotonic()
        with self.lock:
            before = len(self.acknowledged)
        time.sleep(MIN_PHASE_SECONDS)
        while time.monotonic() - start < MAX_PHASE_SECONDS:
            with self.lock:
                if len(self.acknowledged) - before >= PHASE_WRITES:
                    return
            time.sleep(0.1)

    def read(self) -> None:
        while not self.stop.is_set():
            n = next(self.counter)
            path = PAGES[n % len(PAGES)]
            response = request("GET", f"{self.address}{path}", source=client_address(n))
            with self.lock:
                self.reads[response.status] += 1
                if response.status != 200:
                    self.failed_reads.append((path, response.status))

    def write(self) -> None:
        while not self.stop.is_set():
            n = next(self.counter)
            title = f"Why do my calves cramp at night, multi write {n}"
            response: Response = post_json(f"{self.address}/api/v1/questions",
                                           {"title": title, "body": f"Every night ({n}).",
                                            "email": f"multi{n}@example.org"}, source=client_address(n))
            with self.lock:
                self.writes[response.status] += 1
                if response.status == 201:
                    self.acknowledged[title] = int(response.json()["id"])


def test_kill_9_of_one_instance_under_load_costs_nothing(site: Site) -> None:
    with Load(site.address) as load:
        load.phase()
        site.b.kill9()
        load.phase()
        site.b.start()
        load.phase()
    reads, writes = load.reads, load.writes
    assert not load.failed_reads, f"every GET answered 200: {load.failed_reads[:10]} of {dict(reads)}"
    assert sum(reads.values()) >= 50 and len(load.acknowledged) >= 20, f"the load was real: {reads} {writes}"
    # A POST that B had already received when it died is not re-sent (it might have been applied):
    # its client gets 502, no acknowledgement. If the kill lands between B's reply headers and its
    # body, nginx has already passed the headers on and can only cut the reply short (IncompleteRead):
    # no acknowledgement either. Nothing else may fail.
    assert set(writes) <= {201, 502, "IncompleteRead"}, dict(writes)
    assert writes[502] + writes["IncompleteRead"] <= WRITERS, f"only the writes in flight at the kill: {dict(writes)}"

    database = site.database
    stored = database.rows("SELECT id, title FROM community_question WHERE title LIKE %s", ["%multi write%"])
    titles = Counter(title for _, title in stored)
    assert not [t for t, count in titles.items() if count > 1], "no question stored twice"
    ids = {title: pk for pk, title in stored}
    assert all(ids.get(title) == pk for title, pk in load.acknowledged.items()), "every acknowledged write stored"

    # The queue (A's db_worker, never killed) sends one confirmation per stored question.
    deadline = time.monotonic() + 60
    while database.rows("SELECT COUNT(*) FROM django_tasks_database_dbtaskresult WHERE status IN ('READY', 'RUNNING')"
                        )[0][0] and time.monotonic() < deadline:
        time.sleep(0.5)
    emails = confirmation_emails(site.mail)
    counts = Counter(len(emails.get(title, [])) for title in ids)
    assert counts == Counter({1: len(ids)}), f"each stored question emailed exactly once: {counts}"
    print(f"\nmulti-instance (nginx, 2 x askwell serve, PostgreSQL, Redis): {sum(reads.values())} GETs "
          f"({reads[200]} x 200, {len(load.failed_reads)} failed), {sum(writes.values())} POSTs "
          f"({len(load.acknowledged)} acknowledged, {writes[502]} x 502 from the killed instance, unacknowledged); "
          f"1 kill; lost 0, stored twice 0; {len(ids)} stored questions, {sum(len(emails[t]) for t in ids)} "
          f"confirmation emails. {json.dumps({str(k): v for k, v in writes.items()})}")
