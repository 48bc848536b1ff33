"""The answers engine over many synthetic answered community questions (generated, not shipped),
and the request paths that must not grow with the number of questions.

    .venv/bin/python bench/bench_scale.py [--sizes 10000,100000,1000000] [--backends sqlite,postgresql]
                                          [--parts engine,pages]

pages: N questions inserted with one bulk SQL statement (a tenth of them answered, one in five
on a topic, a few deleted), then, in process with the page cache off so every request does its
real work, p50/p99 of: the questions list (first page, a page near the end by keyset, a topic's
first page), the sitemap index and its last questions page, and a question page. The process is
warmed as `askwell serve` warms each worker (core/warmup.py, which freezes what it holds out of
the garbage collector's reach); each list page is requested 1,000 times, so its p99 is the tenth
slowest, not the slowest. Beside wall-clock p99 the table gives the p99 of the process's own CPU
time, which time lost to other work on the machine does not inflate. The target (issue 12):
questions list p99 <= 10 ms at 1M questions on both databases.

For each backend and size, in a fresh process and database: loads the knowledge packs, bulk
indexes N generated questions, then times the dev-set questions through answers.search.answer.
Prints index build time, query p50/p99 and the process's peak memory (max RSS).
PostgreSQL uses a scratch database `askwell_bench_scale` on --pg-server (dropped and recreated).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

PARTS = ["calf", "calves", "foot", "toes", "thigh", "hamstring", "back", "neck", "shoulder", "hand", "arm", "eyelid",
         "stomach", "jaw", "leg", "legs", "arch", "quad", "lower back", "forearm"]
SYMPTOMS = ["cramp", "cramps", "spasm", "spasms", "twitch", "twitching", "tightness", "knot", "jerks", "pain",
            "charley horse", "seizing up", "stiffness", "ache", "soreness"]
WHEN = ["at night", "after running", "in bed", "during exercise", "when swimming", "in the morning", "at work",
        "after football", "while pregnant", "in hot weather", "after a long walk", "when i sit at my desk",
        "after gardening", "on holiday", "since starting a new medicine", "after drinking alcohol"]
CONTEXT = ["i am 45", "i take statins", "i drink a lot of coffee", "i run marathons", "i am pregnant",
           "i have diabetes", "i work at a desk all day", "i am on water tablets", "i sleep badly", "i am 72",
           "i have started yoga", "i cycle to work", "my job is stressful", "i do not drink much water"]
ANSWERS = ["Stretch the muscle gently and hold it", "Drink more fluids through the day", "Try a warm bath",
           "Review your medicines with a pharmacist", "Warm up properly before exercise", "Wear supportive shoes",
           "See your doctor if it keeps happening", "Massage the area", "Cut down on caffeine",
           "Take regular breaks from sitting", "A heat pack can ease the soreness afterwards"]


def generate(count: int, seed: int = 7) -> Iterator[tuple[int, str, str, str]]:
    rng = random.Random(seed)
    for number in range(1, count + 1):
        part, symptom, when = rng.choice(PARTS), rng.choice(SYMPTOMS), rng.choice(WHEN)
        title = rng.choice([f"{symptom} in my {part} {when}", f"why do i get {part} {symptom} {when}",
                            f"{part} {symptom} {when}, should i worry?", f"how do i stop {part} {symptom}"])
        body = (f"{title}. {rng.choice(CONTEXT)} and {rng.choice(CONTEXT)}. Expert answer: "
                f"{rng.choice(ANSWERS)}. {rng.choice(ANSWERS)}. Reference {number}.")
        yield number, title, body, f"/questions/{number}/"


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kilobytes on Linux


def settle_after_bulk_load(backend: str, table: str = "answers_searchdocument") -> None:
    """Let the database finish the upkeep its own bulk load started before anything is timed:
    the queries are measured as a served site runs them, not during that upkeep. On PostgreSQL,
    VACUUM (which autovacuum would start on its own within a minute of 100,000 new rows, and
    which sets the visibility map and hint bits the first reads would otherwise write) and a
    CHECKPOINT (the load's dirty pages written now, not in the middle of the timings); on both,
    the operating system's dirty pages written out. Without it PostgreSQL's p50 at 100,000 was
    3.6 ms in some runs and 6.7-8.4 ms in others, whenever that upkeep fell inside the timings."""
    if backend == "postgresql":
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(f"VACUUM (ANALYZE) {table}")
            cursor.execute("CHECKPOINT")
    os.sync()


def run_one(backend: str, size: int, pg_server: str) -> dict[str, object]:
    if backend == "postgresql":
        import psycopg

        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS askwell_bench_scale")
            connection.execute("CREATE DATABASE askwell_bench_scale")
        os.environ["DATABASE_URL"] = f"{pg_server}/askwell_bench_scale"
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["ASKWELL_DATA_DIR"] = tempfile.mkdtemp(prefix="askwell-scale-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "askwell.settings")
    os.environ["LOG_LEVEL"] = "ERROR"
    import django

    django.setup()
    import yaml
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
    call_command("loadcontent", verbosity=0, skip_checks=True)
    from askwell.answers.search import answer
    from askwell.answers.sync import reindex

    started = time.perf_counter()

    def progress(done: int, rate: float) -> None:
        if done % 100_000 < 5000 or done == size:
            print(f"  [{backend} {size:,}] indexed {done:,} ({rate:,.0f}/s)", file=sys.stderr, flush=True)

    reindex(generate(size), progress=progress, batch_size=5000)
    build_seconds = time.perf_counter() - started
    settle_after_bulk_load(backend)

    devset = yaml.safe_load((REPO / "bench" / "answers_devset.yaml").read_text(encoding="utf-8"))
    questions = [item["q"] for item in devset["questions"]] + list(devset["off_topic"])
    from askwell.core.warmup import warm_up

    warm_up()  # as askwell serve does in each worker before its first request (it freezes the heap)
    latencies, cpu_times = [], []
    for _ in range(2):
        for question in questions:
            t0, cpu0 = time.perf_counter(), time.process_time()
            answer(question)
            latencies.append((time.perf_counter() - t0) * 1000)
            cpu_times.append((time.process_time() - cpu0) * 1000)
    latencies.sort()
    cpu_times.sort()
    if backend == "postgresql":
        from django.db import connection

        connection.close()
    return {
        "backend": backend, "size": size, "build_s": round(build_seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 2),
        # The process's own CPU time: what waiting for a CPU on a busy machine does not inflate
        # (PostgreSQL's own work is not in it).
        "cpu_p50_ms": round(statistics.median(cpu_times), 2),
        "peak_mb": round(peak_memory_mb(), 1),
    }


PAGE_TARGET_P99_MS = 10.0


def insert_questions(count: int) -> None:
    """`count` public questions in one INSERT ... SELECT over a generated series (no Python rows)."""
    from django.db import connection

    from askwell.knowledge.models import Topic

    topic_ids = list(Topic.objects.values_list("pk", flat=True)[:5]) or [None]
    topics = " ".join(f"WHEN {i} THEN {pk if pk is not None else 'NULL'}" for i, pk in enumerate(topic_ids))
    postgres = connection.vendor == "postgresql"
    created = ("now() - make_interval(secs => n)" if postgres
               else "strftime('%%Y-%%m-%%d %%H:%%M:%%f', 'now', '-' || n || ' seconds')")
    deleted = ("CASE WHEN n %% 997 = 0 THEN now() END" if postgres
               else "CASE WHEN n %% 997 = 0 THEN strftime('%%Y-%%m-%%d %%H:%%M:%%f', 'now') END")
    crisis = "false" if postgres else "0"
    columns = {
        "title": "'Why do my calves cramp at night, question ' || n",
        "body": "'Every night both calves cramp. Generated question ' || n || '.'",
        "body_html": "'<p>Every night both calves cramp.</p>'",
        "topic_id": f"CASE WHEN n %% 5 = 0 THEN (CASE (n / 5) %% {len(topic_ids)} {topics} END) END",
        "tags": "'[]'", "contact_email": "''",
        "state": "CASE WHEN n %% 10 = 0 THEN 'answered' ELSE 'open' END",
        "close_reason": "''", "triage_level": "'self_care'", "triage_reasons": "'[]'",
        "triage_crisis": crisis, "content_hash": "''", "created_at": created, "updated_at": created,
        "deleted_at": deleted,
    }
    names = ", ".join(columns)
    values = ", ".join(columns.values())
    if postgres:
        sql = f"INSERT INTO community_question ({names}) SELECT {values} FROM generate_series(1, %s) AS n"
    else:
        sql = (f"INSERT INTO community_question ({names}) WITH RECURSIVE series(n) AS "
               f"(SELECT 1 UNION ALL SELECT n + 1 FROM series WHERE n < %s) SELECT {values} FROM series")
    with connection.cursor() as cursor:
        cursor.execute(sql, [count])
        if postgres:
            cursor.execute("ANALYZE community_question")
        else:
            cursor.execute("ANALYZE")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def run_pages(backend: str, size: int, pg_server: str) -> dict[str, object]:
    database = "askwell_bench_scale_pages"
    if backend == "postgresql":
        import psycopg

        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as connection:
            connection.execute(f"DROP DATABASE IF EXISTS {database} WITH (FORCE)")
            connection.execute(f"CREATE DATABASE {database}")
        os.environ["DATABASE_URL"] = f"{pg_server}/{database}"
    else:
        os.environ.pop("DATABASE_URL", None)
        os.environ["ASKWELL_DATA_DIR"] = tempfile.mkdtemp(prefix="askwell-scale-")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "askwell.settings")
    os.environ["LOG_LEVEL"] = "ERROR"
    os.environ["CACHE_PAGES_SECONDS"] = "0"  # every request does its real work
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", interactive=False, verbosity=0, skip_checks=True)
    call_command("loadcontent", verbosity=0, skip_checks=True)
    started = time.perf_counter()
    insert_questions(size)
    insert_seconds = time.perf_counter() - started
    settle_after_bulk_load(backend, "community_question")
    from askwell.community.models import Question
    from askwell.community.sitemaps import QuestionSitemap

    public = Question.objects.public()
    near_end = public.order_by("created_at", "pk").values_list("pk", flat=True)[25]
    topic = public.filter(topic__isnull=False).values_list("topic__slug", flat=True).first()
    last_page = QuestionSitemap().paginator.num_pages
    some_question = public.order_by("-pk").values_list("pk", flat=True)[size // 2 if size > 2 else 0]
    urls = {
        "list p1": "/questions/",
        "list near end": f"/questions/?before={near_end}",
        "list topic": f"/questions/?topic={topic}",
        "sitemap index": "/sitemap.xml",
        "sitemap last": f"/sitemap-questions-{last_page}.xml",
        "question": f"/questions/{some_question}/",
    }
    from askwell.core.warmup import warm_up

    warm_up()  # as askwell serve does in each worker before its first request
    client = Client()
    figures: dict[str, object] = {"backend": backend, "size": size, "insert_s": round(insert_seconds, 1)}
    for name, url in urls.items():
        for _ in range(3):
            response = client.get(url)
            assert response.status_code == 200, (url, response.status_code)
        times, cpu_times = [], []
        for _ in range(30 if name.startswith("sitemap") else 1000 if name.startswith("list") else 100):
            t0, cpu0 = time.perf_counter(), time.process_time()
            client.get(url)
            cpu_times.append((time.process_time() - cpu0) * 1000)
            times.append((time.perf_counter() - t0) * 1000)
        figures[name] = (round(statistics.median(times), 2), round(percentile(times, 0.99), 2),
                         round(percentile(cpu_times, 0.99), 2))
    if backend == "postgresql":
        from django.db import connection

        connection.close()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--parts", default="engine,pages", help="engine (answers over N questions), pages "
                        "(request paths over N questions)")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "SIZE"), help=argparse.SUPPRESS)
    parser.add_argument("--one-pages", nargs=2, metavar=("BACKEND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.pg_server)))
        return
    if args.one_pages:
        print(json.dumps(run_pages(args.one_pages[0], int(args.one_pages[1]), args.pg_server)))
        return
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    backends = [b.strip() for b in args.backends.split(",") if b.strip()]
    parts = {part.strip() for part in args.parts.split(",")}
    if "pages" in parts:
        pages_table(backends, sizes, args.pg_server)
    if "engine" not in parts:
        return
    rows = []
    for backend in backends:
        for size in sizes:
            command = [sys.executable, __file__, "--one", backend, str(size), "--pg-server", args.pg_server]
            done = subprocess.run(command, capture_output=False, stdout=subprocess.PIPE, text=True, check=False)
            if done.returncode != 0:
                print(f"{backend} {size}: failed (exit {done.returncode})", file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"Answers over N questions, in process, warmed as a served worker (load average {os.getloadavg()[0]:.1f}):")
    print(f"{'backend':<12}{'questions':>12}{'build s':>10}{'p50 ms':>9}{'p99 ms':>9}{'CPU p50':>9}{'peak MB':>9}")
    for row in rows:
        print(f"{row['backend']:<12}{row['size']:>12,}{row['build_s']:>10}{row['p50_ms']:>9}{row['p99_ms']:>9}"
              f"{row['cpu_p50_ms']:>9}{row['peak_mb']:>9}")
    print("targets (issue 10): p50 <= 5 ms and p99 <= 20 ms at 100,000 questions, p99 <= 50 ms at 1,000,000")


def drop_pages_database(pg_server: str) -> None:
    """The pages' scratch database, a million rows, goes when its table is done: left behind, its
    autovacuum ran through the engine's PostgreSQL timings that follow (p50 at 10,000 questions
    8.2 ms against 4.0)."""
    try:
        import psycopg

        with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as connection:
            connection.execute("DROP DATABASE IF EXISTS askwell_bench_scale_pages WITH (FORCE)")
    except Exception as error:  # noqa: BLE001 - no PostgreSQL here: nothing to drop
        print(f"(the pages' scratch database was not dropped: {error})", file=sys.stderr)


def pages_table(backends: list[str], sizes: list[int], pg_server: str) -> None:
    started_load = os.getloadavg()[0]
    rows = []
    for backend in backends:
        for size in sizes:
            command = [sys.executable, __file__, "--one-pages", backend, str(size), "--pg-server", pg_server]
            done = subprocess.run(command, stdout=subprocess.PIPE, text=True, check=False)
            if done.returncode != 0:
                print(f"pages {backend} {size}: failed (exit {done.returncode})", file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    drop_pages_database(pg_server)
    names = ["list p1", "list near end", "list topic", "sitemap index", "sitemap last", "question"]
    print("Request paths over N questions, in process, page cache off: p50 / p99 / CPU p99 ms "
          f"(load average {started_load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end, on "
          f"{os.cpu_count()} CPUs: other work inflates wall-clock times, much less the CPU times)")
    print(f"{'backend':<12}{'questions':>11}{'insert s':>9}" + "".join(f"{name:>24}" for name in names))
    worst, worst_cpu = 0.0, 0.0
    for row in rows:
        cells = "".join(f"{row[name][0]:>8} /{row[name][1]:>7} /{row[name][2]:>6}" for name in names)
        print(f"{row['backend']:<12}{row['size']:>11,}{row['insert_s']:>9}{cells}")
        lists = [row[name] for name in names if name.startswith("list")]
        worst = max([worst] + [figures[1] for figures in lists])
        worst_cpu = max([worst_cpu] + [figures[2] for figures in lists])
    if rows:
        verdict = "met" if worst <= PAGE_TARGET_P99_MS else "MISSED"
        print(f"target: questions list p99 <= {PAGE_TARGET_P99_MS:g} ms at every size: {verdict} (worst {worst} ms; "
              f"worst CPU-time p99 {worst_cpu} ms)")


if __name__ == "__main__":
    main()
