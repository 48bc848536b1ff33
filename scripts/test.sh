#!/usr/bin/env bash
# The whole suite on SQLite, then on PostgreSQL when it is reachable (required in CI).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
PG_URL="${TEST_DATABASE_URL:-${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/askwell}}"

# nginx for the multi-instance test (tests/ops/test_multi_instance.py), installed from Debian.
./scripts/server-deps.sh

echo "== lint"
$BIN/ruff check askwell bench tests
$BIN/mypy askwell

echo "== tests on SQLite"
env -u DATABASE_URL $BIN/pytest -q -n 2 --dist loadfile "$@"

pg_reachable() {
  $BIN/python - "$PG_URL" <<'PY'
import sys, psycopg
from urllib.parse import urlparse
u = urlparse(sys.argv[1])
try:
    psycopg.connect(host=u.hostname, port=u.port or 5432, user=u.username or "postgres",
                    password=u.password or "", dbname="postgres", connect_timeout=3).close()
except Exception as error:
    print(f"PostgreSQL not reachable at {u.hostname}:{u.port or 5432}: {error}", file=sys.stderr)
    sys.exit(1)
PY
}

if pg_reachable; then
  echo "== tests on PostgreSQL"
  DATABASE_URL="$PG_URL" $BIN/pytest -q -n 2 --dist loadfile -m "not browser" "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "CI=true: PostgreSQL is required but not reachable at $PG_URL" >&2
  exit 1
else
  echo "== PostgreSQL not reachable: skipped the PostgreSQL run (set DATABASE_URL to run it)"
fi
