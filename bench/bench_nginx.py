"""Anonymous pages through nginx's page micro-cache (deploy/nginx.conf.template) against the
minimal Django view served by gunicorn, measured with wrk on loopback in the same interleaved
rounds (bench_pages' servers, load and round logic). Prints ratios; asserts nothing.

    .venv/bin/python bench/bench_nginx.py [--duration 5] [--repeat 3] [--cache-seconds 5]

On a throwaway SQLite database in a temporary folder: migrate + loadcontent + a question with
3 expert answers; one `askwell serve` (its page cache on) behind nginx started as the current
user with `-p` a temporary directory. Target (issue 12): home, article and question page
through the cache >= 10x the minimal view. Bounded: about 2 minutes with the defaults.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_pages  # noqa: E402  (after the path: bench/ is not a package)
from bench_pages import MINIMAL, REPO, Config, Server, askwell_serve, free_port, gunicorn  # noqa: E402

PAGES = {"home": "/", "article": "/muscle-spasms/causes/", "question": "/questions/{question}/"}
TARGET_RATIO = 10.0


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


class BehindNginx:
    """`askwell serve` with nginx in front (the deploy template, rendered), as one server for
    bench_pages.measure_in_rounds: started by __enter__, stopped by stop(), addressed by url()."""

    def __init__(self, env: dict[str, str], workers: int | None, cache_seconds: int, nginx: str) -> None:
        self.app = askwell_serve(env, workers)
        self.prefix = Path(tempfile.mkdtemp(prefix="askwell-bench-nginx-"))
        self.port = free_port()
        self.cache_seconds = cache_seconds
        self.nginx = nginx
        self.front: Server | None = None

    def __enter__(self) -> BehindNginx:
        self.app.__enter__()
        rendered = subprocess.run(
            [sys.executable, str(REPO / "deploy" / "render_nginx_conf.py"), "--listen", f"127.0.0.1:{self.port}",
             "--upstream", f"127.0.0.1:{self.app.port}", "--prefix", str(self.prefix),
             "--page-cache-seconds", str(self.cache_seconds), *(["--user", "root"] if os.geteuid() == 0 else [])],
            capture_output=True, text=True, check=True)
        (self.prefix / "nginx.conf").write_text(rendered.stdout)
        command = [self.nginx, "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"),
                   "-e", str(self.prefix / "error.log"), "-g", "daemon off;"]
        try:
            self.front = Server(command, dict(os.environ), self.port, "/healthz", "nginx").__enter__()
        except Exception:
            self.app.stop()
            raise
        return self

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def cpu_seconds(self) -> float:
        """CPU used so far by nginx and the app server behind it (bench_pages.measure reads it)."""
        return (self.front.cpu_seconds() if self.front is not None else 0.0) + self.app.cpu_seconds()

    def cache_status(self, path: str) -> str:
        """X-Cache-Status of the second of two requests (HIT when the page is cached)."""
        headers = {"Accept-Encoding": "gzip, br"}
        for _ in range(2):
            with urllib.request.urlopen(urllib.request.Request(self.url(path), headers=headers), timeout=10) as answer:
                answer.read()
                status = answer.headers.get("X-Cache-Status", "none")
        return str(status)

    def stop(self) -> None:
        if self.front is not None:
            self.front.stop()
        self.app.stop()
        shutil.rmtree(self.prefix, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workers", type=int, default=None, help="gunicorn workers (default: askwell serve's)")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds; each page's best run is kept")
    parser.add_argument("--cache-seconds", type=int, default=5, help="nginx's page cache lifetime (the template's)")
    parser.add_argument("--accept-encoding", default="gzip, br", help="the Accept-Encoding wrk sends")
    args = parser.parse_args()

    nginx = nginx_binary()
    if nginx is None or not shutil.which("wrk"):
        print("nginx and wrk are needed (scripts/server-deps.sh; apt-get install nginx-light wrk): not measured")
        return 1
    data_dir = Path(tempfile.mkdtemp(prefix="askwell-bench-"))
    try:
        env = bench_pages.prepare_environment(data_dir)
        bench_pages.setup_django()
        from askwell.core.management.commands.serve import default_workers

        question = bench_pages.bench_question(answers=3)
        pages = {name: path.format(question=question) for name, path in PAGES.items()}
        workers = args.workers or default_workers()
        print(f"machine: {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f} at start; "
              f"{workers} gunicorn workers; nginx page cache {args.cache_seconds} s; throwaway SQLite in {data_dir}")


        label = "nginx page cache -> askwell serve"
        configs = [
            Config("minimal view (gunicorn)", lambda: gunicorn(env, "minimal_wsgi:application", workers),
                   {"minimal": MINIMAL}),
            Config(label, lambda: BehindNginx(env, args.workers, args.cache_seconds, nginx), pages),  # type: ignore[arg-type,return-value]
        ]
        print(f"\nHTTP (wrk -t{args.threads} -c{args.connections} -d{args.duration}s --latency, "
              f"Accept-Encoding: {args.accept_encoding}; {args.repeat} interleaved rounds, best kept):", flush=True)
        failures: list[str] = []
        statuses: dict[str, str] = {}

        original_measure = bench_pages.measure

        def measure_and_check(server, label, page, path, once):  # type: ignore[no-untyped-def]
            if isinstance(server, BehindNginx) and page not in statuses:
                statuses[page] = server.cache_status(path)
            return original_measure(server, label, page, path, once)

        bench_pages.measure = measure_and_check  # the rounds call it by its module name
        try:
            loads = bench_pages.measure_in_rounds(configs, args, failures)
        finally:
            bench_pages.measure = original_measure

        baseline = next((load.rps for load in loads if load.page == "minimal"), None)
        by_page = {load.page: load for load in loads if load.label == label}
        print("\n" + "=" * 96)
        print(f"Anonymous pages through nginx's page cache, as a multiple of the minimal view "
              f"({baseline or 0:.0f} req/s) in the same rounds")
        print(f"{'page':<10} {'X-Cache-Status':>15} {'req/s':>9} {'median ms':>10} {'p99 ms':>8} {'x minimal':>10} "
              f"{'errors':>7}")
        ratios = []
        for page in pages:
            load = by_page.get(page)
            if load is None or not baseline:
                print(f"{page:<10} {'n/a':>15}")
                continue
            ratios.append(load.rps / baseline)
            print(f"{page:<10} {statuses.get(page, '?'):>15} {load.rps:>9.0f} {load.median_ms:>10.2f} "
                  f"{load.p99_ms:>8.2f} {load.rps / baseline:>9.1f}x {load.errors:>7}")
        errors_ok = all(load.errors == 0 for load in loads)
        met = bool(ratios) and len(ratios) == len(pages) and min(ratios) >= TARGET_RATIO
        lowest = f"lowest {min(ratios):.1f}x" if ratios else "not measured"
        print(f"\nTarget (issue 12): anonymous pages through nginx's cache >= {TARGET_RATIO:.0f}x the minimal view: "
              f"{'met' if met else 'MISSED'} ({lowest}); no errors under load: {'met' if errors_ok else 'MISSED'}")
        print("  A write reaches anonymous readers within the cache lifetime: tested in tests/ops/test_nginx_cache.py.")
        print(f"  (load average {os.getloadavg()[0]:.2f} at the end; wrk and nginx share this machine's CPUs)")
        if failures:
            print(f"  configurations that failed: {', '.join(failures)}")
        return 0 if errors_ok and not failures else 1
    finally:
        shutil.rmtree(data_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
