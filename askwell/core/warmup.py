"""Warm a freshly started worker before it takes its first request.

A new gunicorn worker would otherwise build everything lazily on the first requests it
serves: the URLconf (with the API and allauth), the templates, and the answer engine's state
(the analysed knowledge documents, the spelling vocabulary, the triage phrase tables), which
together take about a second. askwell serve calls `warm_up` in each worker as it loads the
application, so the first person to ask gets an answer as fast as the hundredth.

Then everything alive is frozen out of the garbage collector's reach (gc.freeze): a worker holds
a few hundred thousand long-lived objects (modules, templates, the engine's tables), and each
full collection walked all of them, a 70-190 ms pause every few hundred requests that made the
slowest 1% of requests (issue 12). What is frozen is never freed, which is what these are.
"""

from __future__ import annotations

import gc
import logging
import time

logger = logging.getLogger(__name__)
SAMPLE_QUESTION = "why do my calves cramp at night"


def warm_up() -> float:
    """Build what the first requests would build; returns the seconds it took. Never raises:
    a worker that cannot warm up (the database is not there yet) still serves, just slower."""
    started = time.perf_counter()
    try:
        from django.template.loader import get_template
        from django.urls import get_resolver

        get_resolver().url_patterns  # noqa: B018 - imports every app's urls.py
        for name in ("core/home.html", "knowledge/article.html", "answers/search.html"):
            get_template(name)
        from askwell.answers.search import answer

        answer(SAMPLE_QUESTION)
    except Exception:  # noqa: BLE001 - see the docstring
        logger.warning("worker warm-up failed; the first requests will build what they need", exc_info=True)
    gc.collect()  # the warm-up's garbage, before what is left is frozen
    gc.freeze()
    return time.perf_counter() - started
