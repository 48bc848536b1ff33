"""askwell's own settings with a bench URLconf: the real site plus /bench-minimal/.

Used only by bench/bench_pages.py (served with `gunicorn --pythonpath bench minimal_wsgi:application`),
so the baseline goes through exactly the same middleware, database and cache set-up as the site.
"""

import os

from askwell.settings import *  # noqa: F403

ROOT_URLCONF = "minimal_urls"

# What-if for bench_pages.py: persistent database connections (askwell's SQLite set-up
# opens a new connection per request).
if os.environ.get("BENCH_CONN_MAX_AGE"):
    DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ["BENCH_CONN_MAX_AGE"])  # noqa: F405
