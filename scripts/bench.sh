#!/usr/bin/env bash
# Performance benchmarks (`make bench`). Prints figures; never part of the tests.
# Runs every bench script that exists; one failing does not stop the others, but the
# script exits non-zero at the end and names the ones that failed.
#   BENCH_SCALE_SIZES  sizes for bench/bench_scale.py (default 10000,100000,1000000; the 1M runs
#                      take about 10 minutes on two cores, so set it lower for a quick look)
#   BENCH_SCALE_PARTS  engine (answers over N indexed questions) and/or pages (the questions list,
#                      sitemap and question page over N questions); default both
#   BENCH_PAGES_ARGS   extra arguments for bench/bench_pages.py (e.g. "--duration 15 --repeat 3")
set -uo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "== installing wrk (Debian) for the HTTP load tests"
    apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
  fi
  if ! command -v wrk >/dev/null; then
    echo "warning: wrk is not installed and could not be installed here;" \
         "bench_pages.py falls back to its own Python load generator (lower ceiling, figures not comparable)." >&2
  fi
fi

# nginx for bench_nginx (the nginx page cache in front of the app), as for the tests.
./scripts/server-deps.sh || echo "warning: nginx could not be installed; bench_nginx will say so" >&2

failed=()
run() {
  local name="$1"; shift
  echo
  echo "== $name"
  "$@"
  local status=$?
  if [ "$status" -ne 0 ]; then
    echo "!! $name failed (exit $status)" >&2
    failed+=("$name")
  fi
}

# shellcheck disable=SC2086 # BENCH_PAGES_ARGS is a list of arguments
[ -f bench/bench_pages.py ] && run bench_pages "$PY" bench/bench_pages.py ${BENCH_PAGES_ARGS:-}
[ -f bench/bench_nginx.py ] && run bench_nginx "$PY" bench/bench_nginx.py
[ -f bench/bench_answers.py ] && run bench_answers "$PY" bench/bench_answers.py
[ -f bench/bench_scale.py ] && run bench_scale "$PY" bench/bench_scale.py --sizes "${BENCH_SCALE_SIZES:-10000,100000,1000000}" \
  --parts "${BENCH_SCALE_PARTS:-engine,pages}"
[ -f bench/bench_checker.py ] && run bench_checker "$PY" bench/bench_checker.py
[ -f bench/bench_triage.py ] && run bench_triage "$PY" bench/bench_triage.py

echo
if [ "${#failed[@]}" -gt 0 ]; then
  echo "== benchmarks that failed: ${failed[*]}" >&2
  exit 1
fi
echo "== all benchmarks ran"
