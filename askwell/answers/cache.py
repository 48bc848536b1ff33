"""Instant answers kept in the cache, keyed on the normalised question.

The engine's answer to a question depends only on the question (as normalise_query leaves
it), the limit, and what the engine has indexed: the knowledge packs and the answered community
questions. Every change to either bumps the content version (loadcontent; any community write,
see community/invalidation.py), so an answer is stored with the version it was computed at and
reused only while the version is unchanged. A lookup reads the version and the answer in one
round trip with Redis (pagecache.version_with). The answer is a fresh copy each time (the cache pickles),
so callers may add to it.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from django.core.cache import cache

from askwell.answers.ranking import normalise_query
from askwell.answers.search import answer
from askwell.core.pagecache import version_with

KEEP_SECONDS = 3600


def text_digest(text: str) -> str:
    """A short fixed-length name for any text a person typed (a cache key must not be the
    text itself: it may be long, or hold anything)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def answer_key(question: str, limit: int) -> str:
    text, _ = normalise_query(question)
    return f"answers:{limit}:{text_digest(text)}"


def cached_answer(question: str, limit: int = 10) -> dict[str, Any]:
    """answers.search.answer(question, limit), from the cache when nothing has changed since."""
    started = time.perf_counter()
    key = answer_key(question, limit)
    version, stored = version_with(key)
    if isinstance(stored, tuple) and len(stored) == 2 and stored[0] == version:
        result: dict[str, Any] = stored[1]
        result["took_ms"] = round((time.perf_counter() - started) * 1000, 2)
        return result
    result = answer(question, limit=limit)
    cache.set(key, (version, result), KEEP_SECONDS)
    return result
