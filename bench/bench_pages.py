"""Page performance for anonymous readers: the production server under load, and Django's
own time per page in-process. Prints figures against the targets; it asserts nothing.

    .venv/bin/python bench/bench_pages.py [--workers N] [--sweep] [--profile] [--duration 10] [--in-process-only]

What it does, on a throwaway SQLite database in a temporary folder (your var/ is untouched):
 1. migrate + loadcontent;
 2. in-process: median server time of the home page and an article through Django's test
    Client (500 requests each, page cache warm), next to a minimal "hello" view and to the
    same pages with the page cache off (what a cache miss costs);
 3. `askwell serve` (gunicorn, page cache on, a local-memory cache per worker) measured with
    `wrk -t2 -c32 -d10s --latency`, and the minimal view served by gunicorn the same way
    (bench/minimal_wsgi.py: the same settings plus /bench-minimal/);
 4. the same with REDIS_URL=redis://127.0.0.1:6379/1 when Redis answers.
    Servers are measured in interleaved rounds (--repeat, default 3) and the best run kept;
    each run also takes the server's CPU per request from /proc (every process of the server,
    plus Redis for the Redis configuration), which other work on the machine moves much less
    than throughput: the table gives its median and the minimal view's CPU over the page's;
 5. --sweep: worker counts 2..5, sync and gthread, served by the gunicorn CLI;
 6. --profile: cProfile of the in-process article page (cache warm and cold).
When wrk is missing a small Python load generator is used instead (it saturates sooner;
its figures are a floor, not comparable with wrk's).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from http.client import HTTPConnection
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BENCH = REPO / "bench"
VENV_BIN = REPO / ".venv" / "bin"
# The pages of the issue-12 table; QUESTION is filled in once the bench question exists.
PAGES = {"home": "/", "article": "/muscle-spasms/causes/"}
ALL_PAGES = {
    "home": "/",
    "article": "/muscle-spasms/causes/",
    "t-redirect": "/t/faq/night-spasms/",
    "questions": "/questions/",
    "question": "/questions/{question}/",
    "search": "/search/?q=why+do+my+calves+cramp+at+night",
    "api-answers": "/api/v1/answers?q=why+do+my+calves+cramp+at+night",
    # Every request a question not asked before (a number added to it), so neither the page
    # cache nor the answer cache has it: the whole engine runs each time (wrk only).
    "api-answers-new": "NEW /api/v1/answers?q=why+do+my+calves+cramp+at+night",
    "api-check": "POST /api/v1/check",
}
# Every anonymous page that is the same for everyone: the target is >= 0.8x the minimal view.
SAME_FOR_EVERYONE = ("home", "article", "t-redirect", "questions", "question")
CHECK_BODY = '{"text": "my calf cramps at night"}'
MINIMAL = "/bench-minimal/"
REDIS_URL = "redis://127.0.0.1:6379/1"
PG_SERVER = "postgres://postgres@127.0.0.1:5432"
PG_DATABASE = "askwell_bench_pages"
TARGET_MEDIAN_MS = 10.0
TARGET_RPS = 1000.0
TARGET_P99_MS = 50.0


@dataclass
class Load:
    label: str
    page: str
    rps: float
    median_ms: float
    p99_ms: float
    errors: int
    tool: str
    cpu_ms: float | None = None  # server CPU (all its processes, and Redis) per request: the median over rounds
    cpu_rounds: list[float] = field(default_factory=list)  # per round, in round order


# --------------------------------------------------------------------------- set-up


def prepare_environment(data_dir: Path) -> dict[str, str]:
    """The environment for this process and the servers: a throwaway SQLite database."""
    env = dict(os.environ)
    for name in ("DATABASE_URL", "REDIS_URL", "ASKWELL_PRODUCTION", "DEBUG", "CACHE_PAGES_SECONDS"):
        env.pop(name, None)
    env.update(
        ASKWELL_DATA_DIR=str(data_dir),
        SECRET_KEY="bench-only-" + "x" * 60,
        LOG_LEVEL="WARNING",
        DJANGO_SETTINGS_MODULE="minimal_settings",
        PYTHONPATH=os.pathsep.join([str(BENCH), str(REPO), env.get("PYTHONPATH", "")]).rstrip(os.pathsep),
    )
    os.environ.clear()
    os.environ.update(env)
    sys.path[:0] = [str(BENCH), str(REPO)]
    return env


def setup_django() -> None:
    import django
    from django.core.management import call_command

    django.setup()
    from django.conf import settings

    Path(settings.STATIC_ROOT).mkdir(parents=True, exist_ok=True)  # whitenoise warns when it is missing
    call_command("migrate", interactive=False, verbosity=0)
    call_command("loadcontent", verbosity=0, stdout=io.StringIO())


def bench_question(answers: int, comments_each: int = 1, title: str = "Why do my calves cramp at night?") -> int:
    """A public question with `answers` expert answers (and comments), made through the real
    actions; returns its id."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import AnonymousUser

    from askwell.accounts.models import ExpertProfile, ExpertStatus
    from askwell.community import actions
    from askwell.community.models import Comment, CommentStatus

    question = actions.ask_question(user=AnonymousUser(), title=title, body="Every night, both calves, for weeks.",
                                    topic=None, tags=["calf"], contact_email="asker@example.net")
    question = actions.publish_question(question)
    users = get_user_model().objects
    for number in range(answers):
        name = f"bench-expert-{question.pk}-{number}"
        expert = users.create_user(username=name, email=f"{name}@example.org", password=None)
        ExpertProfile.objects.create(user=expert, profession="Physiotherapist", registration_body="HCPC",
                                     registration_number=f"PH{number:06d}", bio="Bench expert.",
                                     status=ExpertStatus.VERIFIED)
        answer = actions.post_answer(question, author=expert, body=(
            f"Answer {number}: night cramps usually come from tired muscles. Stretch the calf gently, "
            "hold it for thirty seconds, and see your doctor if they keep waking you. " * 2))
        for reply in range(comments_each):
            Comment.objects.create(answer=answer, name=f"Reader {reply}", email="reader@example.org",
                                   body="Thanks, this helped.", body_html="<p>Thanks, this helped.</p>",
                                   status=CommentStatus.VISIBLE)
    return int(question.pk)


def prepare_postgresql(env: dict[str, str], question_answers: int) -> dict[str, str] | None:
    """A scratch PostgreSQL database with the packs and the bench question, for the
    PostgreSQL + Redis configuration; None when PostgreSQL does not answer."""
    try:
        import psycopg

        with psycopg.connect(f"{PG_SERVER}/postgres", autocommit=True, connect_timeout=3) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {PG_DATABASE} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {PG_DATABASE}")
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable" here
        print(f"  PostgreSQL at {PG_SERVER} is not reachable ({error}); skipping PostgreSQL + Redis")
        return None
    pg_env = {**env, "DATABASE_URL": f"{PG_SERVER}/{PG_DATABASE}", "REDIS_URL": REDIS_URL}
    script = (
        f"import io, sys; sys.path[:0] = [{str(BENCH)!r}, {str(REPO)!r}]; import bench_pages as b; import django; "
        "django.setup(); from django.core.management import call_command; "
        "call_command('migrate', interactive=False, verbosity=0); "
        "call_command('loadcontent', verbosity=0, stdout=io.StringIO()); "
        f"print(b.bench_question({question_answers}))"
    )
    done = subprocess.run([sys.executable, "-c", script], env=pg_env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        print(f"  PostgreSQL set-up failed; skipping PostgreSQL + Redis:\n{done.stderr[-2000:]}")
        return None
    pg_env["BENCH_QUESTION"] = done.stdout.strip().splitlines()[-1]
    return pg_env


# --------------------------------------------------------------------------- in-process


def in_process_medians(requests: int) -> dict[str, float]:
    """Median milliseconds per request through Django's test Client (no HTTP server)."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    results: dict[str, float] = {}

    def median_ms(url: str, reconnect: bool = False) -> float:
        for _ in range(20):  # warm: page cache, template loader, connection
            assert client.get(url).status_code == 200, url
        times = []
        for _ in range(requests):
            if reconnect:
                connection.close()
            start = time.perf_counter()
            response = client.get(url)
            times.append(time.perf_counter() - start)
            assert response.status_code == 200
        return statistics.median(times) * 1000

    cache.clear()
    for name, url in PAGES.items():
        results[f"{name} (cache warm)"] = median_ms(url)
    # The test Client keeps its database connection, as the served site does (CONN_MAX_AGE);
    # this variant shows what a page costs when the connection has to be opened each time.
    results["article (warm, new DB conn)"] = median_ms(PAGES["article"], reconnect=True)
    results["minimal view"] = median_ms(MINIMAL)
    with override_settings(CACHE_PAGES_SECONDS=0):
        for name, url in PAGES.items():
            results[f"{name} (page cache off)"] = median_ms(url)
    return results


def question_page_figures(question: int, requests: int) -> dict[str, float]:
    """The question page with 10 expert answers rendered without the page cache (the target:
    <= 8 ms in process, queries independent of answers and comments), through the test Client."""
    from django.db import connection
    from django.test import Client, override_settings

    client = Client()
    url = f"/questions/{question}/"
    queries = [0]

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries[0] += 1
        return execute(sql, params, many, context)

    with override_settings(CACHE_PAGES_SECONDS=0):
        for _ in range(10):
            assert client.get(url).status_code == 200
        with connection.execute_wrapper(count):
            client.get(url)
        times = []
        for _ in range(requests):
            start = time.perf_counter()
            client.get(url)
            times.append(time.perf_counter() - start)
    return {"median_ms": statistics.median(times) * 1000, "queries": float(queries[0])}


def profile_in_process(url: str, cached: bool, top: int = 25) -> str:
    from django.test import Client, override_settings

    client = Client()
    seconds = None if cached else 0
    with override_settings(CACHE_PAGES_SECONDS=seconds) if seconds is not None else _nothing():
        for _ in range(20):
            client.get(url)
        profiler = cProfile.Profile()
        profiler.enable()
        for _ in range(300):
            client.get(url)
        profiler.disable()
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).strip_dirs().sort_stats("cumulative").print_stats(top)
    return out.getvalue()


class _nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: object) -> None:
        return None


# --------------------------------------------------------------------------- servers


TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_group_cpu(group: int) -> float:
    """CPU seconds (user + system) used so far by every live process of a process group, read
    from /proc: a figure the other work on the machine does not inflate the way it does
    throughput (0 where /proc is missing)."""
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[2]) == group:  # pgrp
            total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / TICKS


def redis_server_cpu() -> float:
    """CPU seconds used so far by the Redis server (its round trips are part of a hit's cost)."""
    try:
        import redis

        info = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).info("cpu")
        return float(info["used_cpu_sys"]) + float(info["used_cpu_user"])
    except Exception:  # noqa: BLE001 - no Redis: nothing to add
        return 0.0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class Server:
    """A server process in its own process group, stopped (only it) on exit."""

    def __init__(self, command: list[str], env: dict[str, str], port: int, ready_path: str, label: str) -> None:
        self.command, self.env, self.port, self.ready_path, self.label = command, env, port, ready_path, label
        self.uses_redis = bool(env.get("REDIS_URL"))
        self.process: subprocess.Popen[bytes] | None = None
        self.log = tempfile.TemporaryFile()  # noqa: SIM115 - kept open while the server runs, closed in stop()

    def __enter__(self) -> Server:
        self.process = subprocess.Popen(
            self.command, env=self.env, cwd=REPO, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"{self.label} exited at start-up:\n{self.output()}")
            try:
                with urllib.request.urlopen(self.url(self.ready_path), timeout=2) as response:
                    if response.status == 200:
                        return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.label} did not answer within 60 s:\n{self.output()}")

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def cpu_seconds(self) -> float:
        """CPU used so far by the server's processes (master, workers, task worker), and by
        Redis when the server uses it (only one server is loaded at a time)."""
        assert self.process is not None
        return process_group_cpu(self.process.pid) + (redis_server_cpu() if self.uses_redis else 0.0)

    def output(self) -> str:
        if self.log.closed:
            return ""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")[-3000:]

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()


def askwell_serve(env: dict[str, str], workers: int | None) -> Server:
    port = free_port()
    command = [str(VENV_BIN / "askwell"), "serve", "--host", "127.0.0.1", "--port", str(port)]
    if workers:
        command += ["--workers", str(workers)]
    return Server(command, env, port, "/healthz", f"askwell serve (workers={workers or 'default'})")


def gunicorn(env: dict[str, str], app: str, workers: int, worker_class: str = "sync", threads: int = 1) -> Server:
    port = free_port()
    command = [
        str(VENV_BIN / "gunicorn"), "--pythonpath", f"{BENCH},{REPO}", "-w", str(workers), "-k", worker_class,
        "--threads", str(threads), "-b", f"127.0.0.1:{port}", "--graceful-timeout", "10", "--log-level", "warning",
        app,
    ]
    return Server(command, env, port, "/healthz", f"gunicorn {app} -w {workers} -k {worker_class}")


# --------------------------------------------------------------------------- load


def to_ms(value: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", value.strip()).groups()  # type: ignore[union-attr]
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(output: str) -> tuple[float, float, float, int]:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    median = to_ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    p99 = to_ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))  # type: ignore[union-attr]
    errors = 0
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    if non_2xx:
        errors += int(non_2xx.group(1))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return rps, median, p99, errors


def python_load(url: str, connections: int, seconds: float) -> tuple[float, float, float, int]:
    """Fallback when wrk is missing: keep-alive connections, one thread each."""
    host_port = url.split("/")[2]
    path = "/" + url.split("/", 3)[3]
    host, port = host_port.split(":")
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + seconds

    def worker() -> None:
        mine: list[float] = []
        connection = HTTPConnection(host, int(port), timeout=10)
        while time.monotonic() < stop_at:
            start = time.perf_counter()
            try:
                connection.request("GET", path)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    errors[0] += 1
            except OSError:
                errors[0] += 1
                connection = HTTPConnection(host, int(port), timeout=10)
                continue
            mine.append(time.perf_counter() - start)
        with lock:
            latencies.extend(mine)

    threads = [threading.Thread(target=worker) for _ in range(connections)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    latencies.sort()
    if not latencies:
        return 0.0, 0.0, 0.0, errors[0]
    p99 = latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))]
    return len(latencies) / seconds, statistics.median(latencies) * 1000, p99 * 1000, errors[0]


def wrk_post_script() -> str:
    """A wrk Lua script that POSTs the checker's JSON body (for "POST /path" pages)."""
    script = Path(tempfile.gettempdir()) / "askwell-bench-post.lua"
    body = CHECK_BODY.replace("\\", "\\\\").replace('"', '\\"')
    script.write_text(f'wrk.method = "POST"\nwrk.body = "{body}"\nwrk.headers["Content-Type"] = "application/json"\n')
    return str(script)


def wrk_new_question_script() -> str:
    """A wrk Lua script that adds a number to the question, different on every request of
    every thread (for "NEW /path" pages)."""
    script = Path(tempfile.gettempdir()) / "askwell-bench-new-question.lua"
    script.write_text(
        "local threads = 0\n"
        "function setup(thread) threads = threads + 1; thread:set('id', threads) end\n"
        "local asked = 0\n"
        "function request()\n"
        "  asked = asked + 1\n"
        "  return wrk.format(nil, wrk.path .. '+' .. (id * 100000000 + asked))\n"
        "end\n")
    return str(script)


def measure(server: Server, label: str, page: str, path: str, args: argparse.Namespace) -> Load:
    """Load one URL; with --repeat N keep the run with the most requests/s (the one least
    disturbed by whatever else the machine was doing), and count errors over all runs.
    The HTTP tables call it once per round (see measure_in_rounds). A path written
    "POST /path" is posted the checker's JSON body (wrk only)."""
    method, _, path = path.rpartition(" ")
    url = server.url(path)
    data = CHECK_BODY.encode() if method == "POST" else None
    probe = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"} if data else {})
    with urllib.request.urlopen(probe, timeout=10) as response:
        assert response.status == 200, f"{url} answered {response.status}"
    runs: list[tuple[float, float, float, int]] = []
    cpu_per_request: list[float] = []
    tool = "wrk" if shutil.which("wrk") else "python"
    if tool == "wrk":
        extra = ["-H", f"Accept-Encoding: {args.accept_encoding}"] if args.accept_encoding else []
        if method == "POST":
            extra += ["-s", wrk_post_script()]
        elif method == "NEW":
            extra += ["-s", wrk_new_question_script()]
        base = ["wrk", f"-t{args.threads}", f"-c{args.connections}", "--latency", *extra, url]
        # Warm every worker's own page cache (and its database connection) first.
        subprocess.run([*base[:3], "-d2s", *base[3:]], check=True, capture_output=True)
        for _ in range(args.repeat):
            command = [*base[:3], f"-d{args.duration}s", *base[3:]]
            cpu_seconds = getattr(server, "cpu_seconds", lambda: 0.0)  # any server-like object may be measured
            before = cpu_seconds()
            output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
            used = cpu_seconds() - before
            run = parse_wrk(output)
            requests = run[0] * args.duration
            runs.append(run)
            cpu_per_request.append(used / requests * 1000 if requests else 0.0)
    elif method in {"POST", "NEW"}:
        raise RuntimeError(f"{method} pages need wrk")
    else:
        python_load(url, args.connections, 2)
        runs = [python_load(url, args.connections, args.duration) for _ in range(args.repeat)]
    rps, median, p99, _ = max(runs)
    errors = sum(run[3] for run in runs)
    cpu_ms = min(cpu_per_request) if cpu_per_request else None
    load = Load(label, page, rps, median, p99, errors, tool, cpu_ms)
    spread = f"  (runs: {', '.join(f'{run[0]:.0f}' for run in runs)} req/s)" if len(runs) > 1 else ""
    cpu = f"  server CPU {cpu_ms:.3f} ms/req" if cpu_ms is not None else ""
    print(f"  {label:<44} {page:<11} {rps:>9.0f} req/s  median {median:6.2f} ms  p99 {p99:7.2f} ms{cpu}"
          + (f"  ERRORS {errors}" if errors else "") + spread, flush=True)
    return load


def redis_reachable() -> bool:
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
        # Only this bench's own keys: pages cached by an earlier run against another database.
        for pattern in ("*page:*", "*core:content-version*", "*views:*"):
            for key in client.scan_iter(pattern):
                client.delete(key)
        return True
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable" here
        print(f"  Redis at {REDIS_URL} is not reachable ({error}); skipping the Redis configuration")
        return False


SWEEP_SHAPES = [(2, "sync", 1), (3, "sync", 1), (4, "sync", 1), (5, "sync", 1),
                (2, "gthread", 4), (3, "gthread", 4), (4, "gthread", 2), (5, "gthread", 2)]


@dataclass
class Config:
    label: str
    make_server: Callable[[], Server]
    pages: dict[str, str]


def measure_in_rounds(configs: list[Config], args: argparse.Namespace, failures: list[str]) -> list[Load]:
    """Start every server at once (idle servers cost no CPU), then measure them in rounds and
    keep each one's best run: a burst of other work on the machine then hits every
    configuration alike instead of whichever happened to be measured at that moment."""
    servers: list[tuple[Config, Server]] = []
    best: dict[tuple[str, str], Load] = {}
    errors: dict[tuple[str, str], int] = {}
    cpu: dict[tuple[str, str], list[float]] = {}  # server CPU per request, one per round
    once = argparse.Namespace(**{**vars(args), "repeat": 1})
    try:
        for config in configs:
            try:
                servers.append((config, config.make_server().__enter__()))
            except Exception as error:  # noqa: BLE001 - report and carry on with the other configurations
                print(f"  {config.label}: FAILED: {error}", flush=True)
                failures.append(config.label)
        for round_number in range(1, args.repeat + 1):
            print(f"  round {round_number} of {args.repeat}", flush=True)
            for config, server in servers:
                for page, path in config.pages.items():
                    key = (config.label, page)
                    try:
                        load = measure(server, config.label, page, path, once)
                    except Exception as error:  # noqa: BLE001
                        print(f"  {config.label} {page}: FAILED: {error}", flush=True)
                        failures.append(f"{config.label} {page}")
                        continue
                    errors[key] = errors.get(key, 0) + load.errors
                    if load.cpu_ms is not None:
                        cpu.setdefault(key, []).append(load.cpu_ms)
                    if key not in best or load.rps > best[key].rps:
                        best[key] = load
    finally:
        for _, server in servers:
            server.stop()
    for key, load in best.items():
        load.errors = errors[key]
        load.cpu_rounds = cpu.get(key, [])
        load.cpu_ms = statistics.median(load.cpu_rounds) if load.cpu_rounds else None
    return list(best.values())


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: askwell serve's)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--repeat", type=int, default=3, help="wrk runs per page; the best is kept")
    parser.add_argument("--requests", type=int, default=500, help="in-process requests per page")
    parser.add_argument("--pages", default=",".join(ALL_PAGES), help=f"comma-separated, of: {', '.join(ALL_PAGES)}")
    parser.add_argument("--accept-encoding", default="gzip, br",
                        help="the Accept-Encoding wrk sends, as browsers do ('' for none)")
    parser.add_argument("--sweep", action="store_true", help="also try 2..5 workers, sync and gthread")
    parser.add_argument("--profile", action="store_true", help="cProfile the in-process article page")
    parser.add_argument("--no-redis", action="store_true", help="skip the PostgreSQL + Redis configuration")
    parser.add_argument("--in-process-only", action="store_true",
                        help="only the in-process figures (no servers, no wrk): a minute instead of ten")
    args = parser.parse_args()

    data_dir = Path(tempfile.mkdtemp(prefix="askwell-bench-"))
    try:
        env = prepare_environment(data_dir)
        setup_django()
        from askwell.core.management.commands.serve import default_workers

        question = bench_question(answers=3)
        big_question = bench_question(answers=10, comments_each=0, title="Why does my foot cramp when I swim?")
        busy_question = bench_question(answers=10, comments_each=2, title="Why do my toes curl up at night?")
        wanted = [name.strip() for name in args.pages.split(",") if name.strip() in ALL_PAGES]

        def pages_for(question_id: int | str) -> dict[str, str]:
            return {name: ALL_PAGES[name].format(question=question_id) for name in wanted}

        workers = args.workers or default_workers()
        print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at start; "
              f"database: throwaway SQLite in {data_dir}")
        if not shutil.which("wrk"):
            print("warning: wrk is missing; using the Python load generator (a floor, not comparable with wrk)")

        print(f"\nIn-process (Django test Client, {args.requests} requests each, median):", flush=True)
        medians = in_process_medians(args.requests)
        for name, value in medians.items():
            print(f"  {name:<28} {value:7.3f} ms")
        figures = question_page_figures(big_question, max(50, args.requests // 5))
        print(f"  question, 10 answers, page cache off: {figures['median_ms']:.2f} ms, "
              f"{figures['queries']:.0f} queries")
        busy = question_page_figures(busy_question, max(50, args.requests // 5))
        print(f"  question, 10 answers with 2 comments each, page cache off: {busy['median_ms']:.2f} ms, "
              f"{busy['queries']:.0f} queries")

        if args.profile:
            for cached in (True, False):
                print(f"\ncProfile, article page, page cache {'warm' if cached else 'off'} (300 requests):")
                print(profile_in_process(PAGES["article"], cached))
        if args.in_process_only:
            print(f"\n  question page with 10 answers uncached <= 8 ms in process: "
                  f"{verdict(figures['median_ms'] <= 8.0)} ({figures['median_ms']:.2f} ms; load average "
                  f"{os.getloadavg()[0]:.2f} at the end)")
            return 0

        print(f"\nHTTP (wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, "
              f"Accept-Encoding: {args.accept_encoding or 'none'}; {args.repeat} interleaved rounds, best kept), "
              f"{workers} gunicorn workers:", flush=True)
        failures: list[str] = []
        sqlite_label, pg_label = "askwell serve, SQLite + memory cache", "askwell serve, PostgreSQL + Redis"
        configs = [
            Config("minimal view (gunicorn)", lambda: gunicorn(env, "minimal_wsgi:application", workers),
                   {"minimal": MINIMAL}),
            Config(sqlite_label, lambda: askwell_serve(env, args.workers), pages_for(question)),
        ]
        if not args.no_redis and redis_reachable():
            pg_env = prepare_postgresql(env, question_answers=3)
            if pg_env is not None:
                configs.append(Config(pg_label, lambda: askwell_serve(pg_env, args.workers),
                                      pages_for(pg_env["BENCH_QUESTION"])))
        loads = measure_in_rounds(configs, args, failures)

        sweep: list[Load] = []
        if args.sweep:
            print(f"\nWorker sweep (gunicorn CLI, askwell.wsgi, locmem cache, {args.repeat} interleaved rounds):")
            shapes = [
                Config(
                    f"{count} x {kind}" + (f" x {threads} threads" if threads > 1 else ""),
                    lambda c=count, k=kind, t=threads: gunicorn(env, "askwell.wsgi:application", c, k, t),
                    PAGES,
                )
                for count, kind, threads in SWEEP_SHAPES
            ]
            sweep = measure_in_rounds(shapes, args, failures)

        baseline = next((load.rps for load in loads if load.page == "minimal"), None)
        baseline_cpu = next((load.cpu_ms for load in loads if load.page == "minimal"), None)
        print("\n" + "=" * 130)
        print(f"{'configuration':<44} {'page':<11} {'req/s':>8} {'median ms':>10} {'p99 ms':>8} "
              f"{'req/s vs minimal':>17} {'CPU ms/req':>11} {'errors':>7}")
        for load in loads + sweep:
            ratio = f"{load.rps / baseline:>16.2f}x" if baseline else f"{'n/a':>17}"
            cpu_text = f"{load.cpu_ms:>11.3f}" if load.cpu_ms is not None else f"{'n/a':>11}"
            print(f"{load.label:<44} {load.page:<11} {load.rps:>8.0f} {load.median_ms:>10.2f} {load.p99_ms:>8.2f} "
                  f"{ratio} {cpu_text} {load.errors:>7}")

        by_key = {(load.label, load.page): load for load in loads}
        print(f"\nThe issue-12 table: req/s as a multiple of the minimal view "
              f"({baseline or 0:.0f} req/s) in the same rounds")
        minimal_load = next((load for load in loads if load.page == "minimal"), None)

        def cpu_ratio(load: Load) -> float | None:
            """The minimal view's CPU per request over the page's, round by round (the same
            moment's load on both), the median over the rounds."""
            if minimal_load is None or not load.cpu_rounds or len(load.cpu_rounds) != len(minimal_load.cpu_rounds):
                return None
            return statistics.median(m / c for m, c in zip(minimal_load.cpu_rounds, load.cpu_rounds, strict=True) if c)

        print(f"{'page':<13} {'SQLite + memory cache':>22} {'PostgreSQL + Redis':>20}   server CPU per request, "
              f"median of rounds (minimal view {baseline_cpu or 0:.3f} ms), and minimal CPU / page CPU")
        for page in wanted:
            cells, cpu_cells = [], []
            for label in (sqlite_label, pg_label):
                measured = by_key.get((label, page))
                cells.append(f"{measured.rps / baseline:.2f}x" if measured and baseline else "n/a")
                share = cpu_ratio(measured) if measured else None
                cpu_cells.append(f"{measured.cpu_ms:.3f} ms / {share:.2f}x"
                                 if measured and measured.cpu_ms and share else "n/a")
            print(f"{page:<13} {cells[0]:>22} {cells[1]:>20}   {cpu_cells[0]:>20} {cpu_cells[1]:>20}")
        print("(CPU: gunicorn master, workers and task worker, plus Redis for PostgreSQL + Redis, from /proc. "
              "Throughput ratios move with whatever else runs on the machine; CPU per request much less.)")

        print(f"\n{'in-process (test Client)':<32} {'median ms':>10} {'x minimal':>10}")
        for name, value in medians.items():
            print(f"{name:<32} {value:>10.3f} {value / medians['minimal view']:>9.1f}x")

        def ratio_ok(pages: tuple[str, ...], floor: float) -> str:
            ratios = [by_key[(label, page)].rps / baseline for label in (sqlite_label, pg_label)
                      for page in pages if (label, page) in by_key and baseline]
            if not ratios:
                return "not measured"
            missing = [label for label in (sqlite_label, pg_label)
                       if not any((label, page) in by_key for page in pages)]
            note = f"; not measured: {', '.join(missing)}" if missing else ""
            return f"{verdict(min(ratios) >= floor and not missing)} (lowest {min(ratios):.2f}x{note})"

        print("\nTargets (issue 12):")
        same = tuple(page for page in SAME_FOR_EVERYONE if page in wanted)
        print(f"  pages the same for everyone ({', '.join(same)}) >= 0.8x minimal, both configurations: "
              f"{ratio_ok(same, 0.8)}")
        repeated = tuple(page for page in ("search", "api-answers") if page in wanted)
        print(f"  search page and GET /api/v1/answers, a repeated question, >= 0.5x minimal: "
              f"{ratio_ok(repeated, 0.5)}")
        if "api-answers-new" in wanted:
            print(f"  GET /api/v1/answers, a new question every time, >= 0.25x minimal: "
                  f"{ratio_ok(('api-answers-new',), 0.25)}")
        print(f"  question page with 10 answers uncached <= 8 ms in process: "
              f"{verdict(figures['median_ms'] <= 8.0)} ({figures['median_ms']:.2f} ms, {figures['queries']:.0f} "
              "queries, the same for any number of answers: tested in "
              "askwell/community/tests/test_question_page_cache.py)")
        errors_ok = all(load.errors == 0 for load in loads + sweep)
        print(f"  no errors under load: {verdict(errors_ok)}")
        print(f"  (load average {os.getloadavg()[0]:.2f} at the end: other work on this machine skews these figures)")
        if failures:
            print(f"  configurations that failed: {', '.join(failures)}")
        if not shutil.which("wrk"):
            print("  (measured with the Python load generator: throughput figures are a floor)")
        return 0 if errors_ok and not failures else 1
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
