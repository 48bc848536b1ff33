"""Article views, counted in this process's memory and written to the database in batches.

A cached article costs one cache lookup and nothing else: counting in a shared cache would add
two or three Redis round trips to every hit (SET NX, EXISTS, INCRBY), more than the page lookup
itself. Each worker keeps its own tally and adds it to the row once it reaches FLUSH_EVERY
(and when the worker exits: `flush_all`, askwell serve's gunicorn worker_exit hook), so the
database sees one UPDATE per FLUSH_EVERY views per worker.
A worker killed outright loses fewer than FLUSH_EVERY views per article: "most read" is a
ranking, not an audit.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter

from django.db.models import F

FLUSH_EVERY = 100  # an UPDATE (and on SQLite a commit) costs as much as ~10 cached pages

logger = logging.getLogger(__name__)
_pending: Counter[tuple[str, str]] = Counter()
_lock = threading.Lock()


def _write(pack: str, slug: str, count: int) -> None:
    from askwell.knowledge.models import Article

    Article.objects.filter(pack__slug=pack, slug=slug).update(views=F("views") + count)


def count_view(pack: str, slug: str) -> None:
    key = (pack, slug)
    with _lock:
        _pending[key] += 1
        count = _pending[key]
        if count < FLUSH_EVERY:
            return
        del _pending[key]
    _write(pack, slug, count)


def pending(pack: str, slug: str) -> int:
    with _lock:
        return _pending[(pack, slug)]


def reset() -> None:
    """Forget unwritten views (tests start from nothing)."""
    with _lock:
        _pending.clear()


def flush_all() -> None:
    with _lock:
        items = list(_pending.items())
        _pending.clear()
    for (pack, slug), count in items:
        try:
            _write(pack, slug, count)
        except Exception:  # noqa: BLE001 - the worker is going away; a lost tally is not worth a traceback
            logger.warning("could not write %d pending views of %s/%s", count, pack, slug)
