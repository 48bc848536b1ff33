"""askwell's own settings with a bench URLconf: the real site plus /bench-minimal/.

Used only by bench/bench_pages.py (served with `gunicorn --pythonpath bench minimal_wsgi:application`),
so the baseline goes through exactly the same middleware, database and cache set-up as the site.
"""

from askwell.settings import *  # noqa: F403

ROOT_URLCONF = "minimal_urls"

