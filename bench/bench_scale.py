"""The answers engine over many synthetic answered community questions (generated, not shipped).

    .venv/bin/python bench/bench_scale.py [--sizes 10000,100000,1000000] [--backends sqlite,postgresql]

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

    devset = yaml.safe_load((REPO / "bench" / "answers_devset.yaml").read_text(encoding="utf-8"))
    questions = [item["q"] for item in devset["questions"]] + list(devset["off_topic"])
    answer("warm up")
    latencies = []
    for _ in range(2):
        for question in questions:
            t0 = time.perf_counter()
            answer(question)
            latencies.append((time.perf_counter() - t0) * 1000)
    latencies.sort()
    if backend == "postgresql":
        from django.db import connection

        connection.close()
    return {
        "backend": backend, "size": size, "build_s": round(build_seconds, 1),
        "p50_ms": round(statistics.median(latencies), 2),
        "p99_ms": round(latencies[min(len(latencies) - 1, int(0.99 * len(latencies)))], 2),
        "peak_mb": round(peak_memory_mb(), 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--backends", default="sqlite,postgresql")
    parser.add_argument("--pg-server", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--one", nargs=2, metavar=("BACKEND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one[0], int(args.one[1]), args.pg_server)))
        return
    sizes = [int(size) for size in args.sizes.split(",") if size.strip()]
    rows = []
    for backend in [b.strip() for b in args.backends.split(",") if b.strip()]:
        for size in sizes:
            command = [sys.executable, __file__, "--one", backend, str(size), "--pg-server", args.pg_server]
            done = subprocess.run(command, capture_output=False, stdout=subprocess.PIPE, text=True, check=False)
            if done.returncode != 0:
                print(f"{backend} {size}: failed (exit {done.returncode})", file=sys.stderr)
                continue
            rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    print(f"{'backend':<12}{'questions':>12}{'build s':>10}{'p50 ms':>9}{'p99 ms':>9}{'peak MB':>9}")
    for row in rows:
        print(f"{row['backend']:<12}{row['size']:>12,}{row['build_s']:>10}{row['p50_ms']:>9}{row['p99_ms']:>9}"
              f"{row['peak_mb']:>9}")


if __name__ == "__main__":
    main()
